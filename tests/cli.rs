//! The `ropa` command: exit codes and output for `check` and `schema`.
#![cfg(feature = "cli")]

use std::path::Path;
use std::process::{Command, Output};

fn ropa(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ropa"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("ropa runs")
}

fn scratch(files: &[(&str, &str)]) -> tempdir::Dir {
    let dir = tempdir::Dir::new();
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).expect("write");
    }
    dir
}

/// A minimal scratch directory under the target dir, removed on drop.
mod tempdir {
    use std::path::{Path, PathBuf};
    use std::sync::atomic::{AtomicUsize, Ordering};

    static NEXT: AtomicUsize = AtomicUsize::new(0);

    pub struct Dir(PathBuf);

    impl Dir {
        pub fn new() -> Self {
            let n = NEXT.fetch_add(1, Ordering::SeqCst);
            let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("cli-{}-{n}", std::process::id()));
            let _ = std::fs::remove_dir_all(&path);
            std::fs::create_dir_all(&path).expect("scratch dir");
            Self(path)
        }

        pub fn path(&self) -> &Path {
            &self.0
        }
    }

    impl Drop for Dir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
}

const VALID: &str = "controller:\n  name: Gemeente Voorbeeld\n  public_authority: true\n";

#[test]
fn check_exits_0_when_every_file_loads() {
    let dir = scratch(&[("register.yaml", VALID)]);
    let out = ropa(&["check", "register.yaml"], dir.path());
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "checked 1 file: 1 register, 0 proposals, 0 with errors\n"
    );
}

#[test]
fn check_exits_2_and_explains_input_errors() {
    let dir = scratch(&[
        ("good.yaml", VALID),
        (
            "bad.toml",
            "[controller]\nname = \"A\"\npublic_authority = true\ncontcat = {}\n",
        ),
    ]);
    let out = ropa(&["check", "."], dir.path());
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("error[unknown-field]: unknown field `contcat`"),
        "{stderr}"
    );
    assert!(stderr.contains("--> ./bad.toml:4:1"), "{stderr}");
    assert!(stderr.contains("help: did you mean `contact`?"), "{stderr}");
    assert!(
        stderr.contains("checked 2 files: 1 register, 0 proposals, 1 with errors"),
        "{stderr}"
    );
}

#[test]
fn check_refuses_symbolic_links_unless_asked() {
    let dir = scratch(&[("target.yaml", VALID)]);
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink("target.yaml", dir.path().join("link.yaml")).expect("symlink");
        let out = ropa(&["check", "link.yaml"], dir.path());
        assert_eq!(out.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&out.stderr).contains("symbolic link"));
        let out = ropa(&["check", "--follow-symlinks", "link.yaml"], dir.path());
        assert_eq!(out.status.code(), Some(0));
    }
}

#[test]
fn check_reports_unknown_extensions_and_missing_files() {
    let dir = scratch(&[("register.txt", VALID)]);
    let out = ropa(&["check", "register.txt", "missing.yaml"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("error[unknown-format]"), "{stderr}");
    assert!(stderr.contains("error[io]"), "{stderr}");
    let out = ropa(&["check", "--input-format", "yaml", "register.txt"], dir.path());
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn usage_errors_exit_2() {
    let dir = scratch(&[]);
    assert_eq!(ropa(&["check"], dir.path()).status.code(), Some(2));
    assert_eq!(ropa(&["frobnicate"], dir.path()).status.code(), Some(2));
    assert_eq!(ropa(&["--help"], dir.path()).status.code(), Some(0));
}

#[test]
fn schema_prints_and_writes_the_checked_in_schemas() {
    let dir = scratch(&[]);
    let out = ropa(&["schema"], dir.path());
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        ropa::schema::SchemaKind::Register.to_pretty_json()
    );
    let out = ropa(&["schema", "--out", "schemas"], dir.path());
    assert_eq!(out.status.code(), Some(0));
    let written = std::fs::read_to_string(dir.path().join("schemas/proposal.schema.json")).expect("written");
    assert_eq!(written, ropa::schema::SchemaKind::Proposal.to_pretty_json());
}
