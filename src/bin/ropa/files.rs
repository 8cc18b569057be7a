//! Finding the files to check: paths given on the command line, and directories walked for
//! register and proposal files.

use std::path::{Component, Path, PathBuf};

use ropa::check::Input;
use ropa::report::ArtifactRoot;
use ropa::source::Format;

/// How deep a directory walk goes; deeper directories are reported, not silently skipped.
const MAX_WALK_DEPTH: usize = 32;

/// How directories are walked.
#[derive(Debug, Clone, Copy)]
pub struct Walk {
    /// Whether links are followed (within the tree).
    pub follow_symlinks: bool,
    /// Whether `.gitignore` and `.ignore` files are honoured (the files they pass over are
    /// counted).
    pub respect_ignore_files: bool,
}

/// Expands the command-line paths: files are kept as given (whatever their extension, so a
/// wrong one is reported); directories are walked, in sorted order, for `.yaml`, `.yml`, `.toml`
/// and `.json` files, with ripgrep's walker: `.gitignore` and `.ignore` files are respected (in a
/// git repository or not) unless the walk says otherwise, and the files they pass over are
/// counted; hidden entries and `target` directories are skipped. Symbolic links
/// to files met during a walk are listed as files, so that loading reports them; links to
/// directories are reported, or with `follow_symlinks` walked (loading keeps every file inside
/// the tree given).
///
/// A path that reaches its file or directory through a symbolic link below the current
/// directory (`privacy/` made a link to a folder elsewhere by a pull request) is refused, or with
/// `follow_symlinks` read only when it stays inside the current directory.
pub fn expand(paths: &[PathBuf], walk_with: &Walk) -> Vec<Input> {
    let follow_symlinks = walk_with.follow_symlinks;
    let mut found = Vec::new();
    // A path that climbs (`a/sub/../p.yaml`) is named as where it leads, and an absolute one
    // inside the current directory relative to it, so that pairing, which compares directories,
    // and the check-each-file-once rule see one name per file.
    let climbs = |p: &Path| p.components().any(|c| c == Component::ParentDir);
    let current_dir = std::env::current_dir().ok();
    let relative = |p: &Path| {
        let inside = current_dir.as_deref().and_then(|cwd| p.strip_prefix(cwd).ok());
        match inside {
            Some(rest) if rest.as_os_str().is_empty() => PathBuf::from("."),
            Some(rest) => rest.to_path_buf(),
            None => p.to_path_buf(),
        }
    };
    for path in paths
        .iter()
        .map(|p| relative(p))
        .map(|p| if climbs(&p) { lexically_normal(&p) } else { p })
    {
        let path = &path;
        if let Some(problem) = link_problem(path, follow_symlinks) {
            found.push(Input::Problem {
                path: path.clone(),
                problem,
            });
        } else if path.is_dir() {
            walk(path, walk_with, &mut found);
        } else {
            found.push(Input::named(path.clone()));
        }
    }
    // A file named twice, or named and found in a walk, is checked once; with links followed,
    // once whatever link it is reached through.
    let mut seen = std::collections::HashSet::new();
    found.retain(|input| match input {
        Input::File { path, .. } => {
            let real = follow_symlinks
                .then(|| std::fs::canonicalize(path).ok())
                .flatten();
            seen.insert(real.unwrap_or_else(|| lexically_normal(path)))
        }
        _ => true,
    });
    found
}

/// `path` without `.` components and with each `..` taking back the name before it, so that
/// pairing, which compares directories, sees `a/sub/../p.yaml` as `a/p.yaml`. (Lexical is exact
/// here: a path through a linked directory is refused, or followed only within the tree.)
fn lexically_normal(path: &Path) -> PathBuf {
    let mut normal = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir if matches!(normal.components().next_back(), Some(Component::Normal(_))) => {
                normal.pop();
            }
            other => normal.push(other),
        }
    }
    if normal.as_os_str().is_empty() {
        normal.push(".");
    }
    normal
}

/// The first directory on the way to `path` below the current directory (or `path` itself, when
/// it is a directory) that is a symbolic link, if any. Paths outside the current directory are
/// the caller's own and not looked at.
fn linked_directory_on_the_way(path: &Path) -> Option<PathBuf> {
    let current_dir = std::env::current_dir().ok()?;
    let (mut at, below) = if path.is_absolute() {
        (current_dir.clone(), path.strip_prefix(&current_dir).ok()?)
    } else {
        (PathBuf::new(), path)
    };
    let components: Vec<Component<'_>> = below.components().collect();
    let last = components.len().saturating_sub(1);
    for (i, component) in components.iter().enumerate() {
        at.push(component);
        let is_link = matches!(component, Component::Normal(_))
            && at.symlink_metadata().is_ok_and(|m| m.file_type().is_symlink());
        if is_link && (i < last || at.is_dir()) {
            return Some(at);
        }
    }
    None
}

/// Writes a file ropa produces (a published page, an imported register), replacing what is
/// there, but never through a symbolic link, neither the file nor a directory on its way below
/// the current directory: a pull request could make the path, or one of its directories, a link
/// to a place elsewhere on the runner, which the job would then overwrite.
pub(crate) fn write_without_links(path: &Path, text: &str) -> std::io::Result<()> {
    if path.symlink_metadata().is_ok_and(|m| m.file_type().is_symlink()) {
        return Err(std::io::Error::other(
            "it is a symbolic link, which ropa does not write through; remove the link first",
        ));
    }
    if let Some(link) = linked_directory_on_the_way(path) {
        return Err(std::io::Error::other(format!(
            "its directory `{}` is a symbolic link, which ropa does not write through; write to a real directory",
            link.display()
        )));
    }
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)?;
    }
    std::fs::write(path, text)
}

/// Why `path` may not be read for the links on its way: a directory on the way below the current
/// directory (or the path itself, when it is a directory) that is a symbolic link, unless links
/// are followed and the path stays inside the current directory. A link as the file itself is
/// left to loading, which reports it.
fn link_problem(path: &Path, follow_symlinks: bool) -> Option<String> {
    let current_dir = std::env::current_dir().ok()?;
    let link = linked_directory_on_the_way(path)?;
    let shown = link.display();
    if !follow_symlinks {
        return Some(format!(
            "reached through the symbolic link `{shown}`: not read (pass --follow-symlinks to read links that stay inside the current directory)"
        ));
    }
    let inside = std::fs::canonicalize(path)
        .ok()
        .zip(std::fs::canonicalize(&current_dir).ok())
        .is_some_and(|(real, current)| real.starts_with(current));
    (!inside).then(|| {
        format!(
            "reached through the symbolic link `{shown}`, which leads outside the current directory: not read"
        )
    })
}

fn walk(tree: &Path, walk_with: &Walk, found: &mut Vec<Input>) {
    // Honouring ignore files also passes over hidden entries and `target` directories; either way
    // the `.git` directory is never entered.
    let builder = |honour_ignore_files: bool| {
        let mut builder = ignore::WalkBuilder::new(tree);
        builder
            .hidden(honour_ignore_files)
            .ignore(honour_ignore_files)
            .git_ignore(honour_ignore_files)
            .git_exclude(honour_ignore_files)
            .git_global(honour_ignore_files)
            .parents(honour_ignore_files)
            .require_git(false)
            .follow_links(walk_with.follow_symlinks)
            .sort_by_file_path(|a, b| a.cmp(b))
            .filter_entry(move |entry| {
                let name = entry.file_name();
                name != ".git"
                    && (name != "target" || !honour_ignore_files)
                    && entry.depth() <= MAX_WALK_DEPTH
            });
        builder
    };
    let first = found.len();
    walk_entries(tree, builder(walk_with.respect_ignore_files).build(), found);
    if walk_with.respect_ignore_files {
        // What the ignore files passed over is counted, never silently left out: a pull request
        // could add a proposal together with a `.gitignore` line naming it.
        let listed: std::collections::HashSet<PathBuf> = found
            .get(first..)
            .unwrap_or_default()
            .iter()
            .filter_map(|input| match input {
                Input::File { path, .. } => Some(path.clone()),
                _ => None,
            })
            .collect();
        for entry in builder(false).build().flatten() {
            let is_file = entry.file_type().is_some_and(|t| !t.is_dir());
            if is_file && Format::from_path(entry.path()).is_some() && !listed.contains(entry.path()) {
                found.push(Input::Ignored {
                    path: entry.path().to_path_buf(),
                });
            }
        }
    }
}

fn walk_entries(tree: &Path, walker: ignore::Walk, found: &mut Vec<Input>) {
    for entry in walker {
        match entry {
            Ok(entry) => {
                let is_dir = entry.file_type().is_some_and(|t| t.is_dir());
                if is_dir && entry.depth() == MAX_WALK_DEPTH {
                    found.push(Input::Problem {
                        path: entry.path().to_path_buf(),
                        problem: format!(
                            "directory nested deeper than {MAX_WALK_DEPTH} levels; not searched"
                        ),
                    });
                } else if !is_dir && entry.path_is_symlink() && entry.path().is_dir() {
                    found.push(Input::Problem {
                        path: entry.path().to_path_buf(),
                        problem: "a symbolic link to a directory: not walked (pass --follow-symlinks to walk links that stay inside the tree)".to_owned(),
                    });
                } else if !is_dir && Format::from_path(entry.path()).is_some() {
                    found.push(Input::File {
                        path: entry.path().to_path_buf(),
                        tree: tree.to_path_buf(),
                        named: false,
                    });
                }
            }
            Err(error) => found.push(Input::Problem {
                path: tree.to_path_buf(),
                problem: format!("cannot walk the directory: {error}"),
            }),
        }
    }
}

/// The root SARIF file URIs are relative to: `explicit` (`--root`), else the nearest directory
/// at or above `checked` that holds `.git` (a directory, or a file in a worktree or submodule),
/// else the current directory.
pub fn artifact_root(explicit: Option<&Path>, checked: Option<&Path>) -> Option<ArtifactRoot> {
    let current_dir = std::env::current_dir().ok()?;
    Some(match (explicit, checked) {
        (Some(root), _) => ArtifactRoot {
            root: current_dir.join(root),
            current_dir,
        },
        (None, Some(checked)) => ArtifactRoot::discover(current_dir, checked, |dir| {
            dir.join(".git").symlink_metadata().is_ok()
        }),
        (None, None) => ArtifactRoot {
            root: current_dir.clone(),
            current_dir,
        },
    })
}
