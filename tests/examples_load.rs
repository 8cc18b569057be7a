//! Every example under `examples/` loads: registers as registers, proposals as proposals.
//!
//! The examples are real Dutch privacy statements written as ropa registers (see
//! `examples/README.md`); this test keeps them loadable as the model changes.

use std::fs;
use std::path::{Path, PathBuf};

use ropa::source::{Document, DocumentKind, LoadError, ReadOptions};

/// All files under `dir`, recursively, in sorted order.
fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(current) = pending.pop() {
        let entries =
            fs::read_dir(&current).unwrap_or_else(|e| panic!("cannot read {}: {e}", current.display()));
        for entry in entries {
            let path = entry
                .unwrap_or_else(|e| panic!("cannot read an entry of {}: {e}", current.display()))
                .path();
            if path.is_dir() {
                pending.push(path);
            } else {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

fn is_model_file(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("yaml" | "yml" | "toml" | "json")
    )
}

/// Fails the test with the load error's one-line message and its fix.
fn fail(err: LoadError) -> ! {
    panic!(
        "{err}\n  help: {}",
        err.help().unwrap_or_else(|| "(none)".to_owned())
    )
}

#[test]
fn every_example_loads() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let options = ReadOptions::default();
    let mut registers = Vec::new();
    let mut proposals = Vec::new();
    for path in files_under(&root).into_iter().filter(|p| is_model_file(p)) {
        let doc = Document::read(&path, &options).unwrap_or_else(|err| fail(err));
        match doc.kind() {
            DocumentKind::Register => {
                let register = doc.register().unwrap_or_else(|err| fail(err));
                assert!(
                    !register.activities.is_empty(),
                    "{} has no activities",
                    path.display()
                );
                registers.push(path);
            }
            DocumentKind::Proposal => {
                doc.proposal().unwrap_or_else(|err| fail(err));
                proposals.push(path);
            }
        }
    }
    assert!(
        registers.len() >= 3,
        "expected at least 3 registers, found {registers:?}"
    );
    assert!(
        proposals.len() >= 6,
        "expected at least 6 proposals, found {proposals:?}"
    );
}
