//! Finding the files to check: paths given on the command line, and directories walked for
//! register and proposal files.

use std::path::{Path, PathBuf};

use ropa::source::Format;

/// How deep a directory walk goes; deeper directories are reported, not silently skipped.
const MAX_WALK_DEPTH: usize = 32;

/// A path to check with the tree it was found in (the directory given on the command line, or
/// the directory of a file given there), or a problem found while walking.
pub enum Found {
    File { path: PathBuf, tree: PathBuf },
    Problem(PathBuf, String),
}

/// Expands the command-line paths: files are kept as given (whatever their extension, so a
/// wrong one is reported); directories are walked in sorted order for `.yaml`, `.yml`, `.toml`
/// and `.json` files, skipping hidden directories and `target`. Symbolic links met during a
/// walk are listed as files so that loading reports them.
pub fn expand(paths: &[PathBuf]) -> Vec<Found> {
    let mut found = Vec::new();
    for path in paths {
        if path.is_dir() {
            walk(path, path, 0, &mut found);
        } else {
            found.push(Found::File {
                path: path.clone(),
                tree: tree_of(path),
            });
        }
    }
    found
}

/// The tree a file named on the command line belongs to: its directory.
pub fn tree_of(file: &Path) -> PathBuf {
    file.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .to_path_buf()
}

fn walk(tree: &Path, dir: &Path, depth: usize, found: &mut Vec<Found>) {
    if depth > MAX_WALK_DEPTH {
        found.push(Found::Problem(
            dir.to_path_buf(),
            format!("directory nested deeper than {MAX_WALK_DEPTH} levels; not searched"),
        ));
        return;
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(error) => {
            found.push(Found::Problem(
                dir.to_path_buf(),
                format!("cannot read directory: {error}"),
            ));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        let hidden = path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.') || n == "target");
        let Ok(meta) = std::fs::symlink_metadata(&path) else {
            continue;
        };
        if meta.is_dir() {
            if !hidden {
                walk(tree, &path, depth + 1, found);
            }
        } else if Format::from_path(&path).is_some() {
            found.push(Found::File {
                path,
                tree: tree.to_path_buf(),
            });
        }
    }
}
