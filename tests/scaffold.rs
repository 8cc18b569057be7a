//! `scripts/new-rule` creates a rule file and registers it in its family, and refuses ids that
//! are malformed or taken. (It runs on a scratch copy of the rule tree; compiling the result is
//! what the developer does next, and its tests fail until the rule is written.)
#![cfg(unix)]

use std::path::Path;
use std::process::Command;

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read dir") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).expect("copy");
        }
    }
}

fn new_rule(root: &Path, args: &[&str]) -> std::process::Output {
    Command::new("bash")
        .arg("scripts/new-rule")
        .args(args)
        .env("ROPA_ROOT", root)
        .output()
        .expect("bash runs")
}

#[test]
fn new_rule_writes_and_registers_a_rule() {
    let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join("scaffold");
    let _ = std::fs::remove_dir_all(&root);
    copy_tree(Path::new("src/engine/rules"), &root.join("src/engine/rules"));
    std::fs::copy("Cargo.toml", root.join("Cargo.toml")).expect("manifest");

    let out = new_rule(
        &root,
        &[
            "risk",
            "retention-undocumented",
            "warning",
            "a retention rule gives no source",
        ],
    );
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let rule = std::fs::read_to_string(root.join("src/engine/rules/risk/retention_undocumented.rs"))
        .expect("written");
    for expected in [
        "id: \"retention-undocumented\"",
        "severity: Severity::Warning",
        "summary: \"a retention rule gives no source\"",
        "scope: Scope::Activity",
        "rule_tests!(",
    ] {
        assert!(rule.contains(expected), "no {expected} in:\n{rule}");
    }
    let family = std::fs::read_to_string(root.join("src/engine/rules/risk/mod.rs")).expect("mod.rs");
    assert!(family.contains("\nmod retention_undocumented;\n"), "{family}");
    assert!(
        family.contains("    &retention_undocumented::RULE,\n];"),
        "{family}"
    );

    // Taken, retired and malformed ids, and unknown families, are refused with a reason.
    for (args, reason) in [
        (["risk", "retention-undocumented", "warning", "again"], "is taken"),
        (
            ["risk", "data-category-scope-outside-activity", "info", "old"],
            "is taken",
        ),
        (
            ["risk", "Retention_Undocumented", "warning", "x"],
            "is not a rule id",
        ),
        (["risks", "retention-sourced", "warning", "x"], "no rule family"),
        (["risk", "retention-sourced", "fatal", "x"], "severity"),
    ] {
        let out = new_rule(&root, &args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(String::from_utf8_lossy(&out.stderr).contains(reason), "{args:?}");
    }
}
