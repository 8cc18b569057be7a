//! Finding the files to check: paths given on the command line, and directories walked for
//! register and proposal files.

use std::path::{Path, PathBuf};

use ropa::check::Input;
use ropa::report::ArtifactRoot;
use ropa::source::Format;

/// How deep a directory walk goes; deeper directories are reported, not silently skipped.
const MAX_WALK_DEPTH: usize = 32;

/// Expands the command-line paths: files are kept as given (whatever their extension, so a
/// wrong one is reported); directories are walked, in sorted order, for `.yaml`, `.yml`, `.toml`
/// and `.json` files, with ripgrep's walker: `.gitignore` and `.ignore` files are respected (in a
/// git repository or not), hidden entries and `target` directories are skipped. Symbolic links
/// met during a walk are listed as files, so that loading reports them.
pub fn expand(paths: &[PathBuf]) -> Vec<Input> {
    let mut found = Vec::new();
    for path in paths {
        if path.is_dir() {
            walk(path, &mut found);
        } else {
            found.push(Input::named(path.clone()));
        }
    }
    found
}

fn walk(tree: &Path, found: &mut Vec<Input>) {
    let walker = ignore::WalkBuilder::new(tree)
        .hidden(true)
        .require_git(false)
        .follow_links(false)
        .sort_by_file_path(|a, b| a.cmp(b))
        .filter_entry(|entry| entry.file_name() != "target" && entry.depth() <= MAX_WALK_DEPTH)
        .build();
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
