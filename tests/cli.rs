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
        let path = dir.path().join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("mkdir");
        }
        std::fs::write(path, text).expect("write");
    }
    dir
}

/// Runs ropa (with `--format json` among `args`) and reads its report.
fn ropa_json(args: &[&str], dir: &Path) -> (Option<i32>, serde_json::Value) {
    let out = ropa(args, dir);
    let report = serde_json::from_slice(&out.stdout).expect("json");
    (out.status.code(), report)
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

/// A register that loads and has no findings at error level.
const VALID: &str = "controller:\n  name: Gemeente Voorbeeld\n  public_authority: true\n  contact: { email: info@voorbeeld.nl }\n  dpo: { contact: { email: fg@voorbeeld.nl } }\n";

/// The same register without a DPO: one error finding.
const NO_DPO: &str = "controller:\n  name: Gemeente Voorbeeld\n  public_authority: true\n  contact: { email: info@voorbeeld.nl }\n";

#[test]
fn check_exits_0_when_every_file_loads() {
    let dir = scratch(&[("register.yaml", VALID)]);
    let out = ropa(&["check", "register.yaml"], dir.path());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(
        stdout.ends_with(
            "checked 1 file: 1 register, 0 proposals; 0 errors, 0 warnings, 0 info, 0 suppressed\n"
        ),
        "{stdout}"
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
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("error[unknown-field]: unknown field `contcat`"),
        "{stdout}"
    );
    assert!(stdout.contains("--> ./bad.toml:4:1"), "{stdout}");
    assert!(stdout.contains("help: did you mean `contact`?"), "{stdout}");
    assert!(
        stdout.contains("checked 2 files: 1 register, 0 proposals, 1 that could not be loaded"),
        "{stdout}"
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
        assert!(String::from_utf8_lossy(&out.stdout).contains("symbolic link"));
        let out = ropa(&["check", "--follow-symlinks", "link.yaml"], dir.path());
        assert_eq!(out.status.code(), Some(0));

        // Opting in never reaches outside the tree given on the command line: a link in
        // `tree/` to a file beside it (a secret elsewhere on the runner) is refused unread.
        std::fs::create_dir_all(dir.path().join("tree")).expect("mkdir");
        std::fs::write(
            dir.path().join("secret.yaml"),
            "controller: {name: SECRET-TOKEN-123\n",
        )
        .expect("write");
        std::os::unix::fs::symlink("../secret.yaml", dir.path().join("tree/register.yaml")).expect("symlink");
        std::os::unix::fs::symlink("../target.yaml", dir.path().join("tree/inside.yaml")).expect("symlink");
        for args in [
            &["check", "--follow-symlinks", "tree"][..],
            &["check", "--follow-symlinks", "tree/register.yaml"],
        ] {
            let out = ropa(args, dir.path());
            let stdout = String::from_utf8_lossy(&out.stdout);
            assert_eq!(out.status.code(), Some(2), "{stdout}");
            assert!(stdout.contains("error[link-leaves-tree]"), "{stdout}");
            assert!(!stdout.contains("SECRET-TOKEN"), "{stdout}");
        }
        // `inside.yaml` points outside `tree` too (at ../target.yaml); checked from the parent
        // directory, both links stay inside and the one to the valid register loads.
        let out = ropa(
            &["check", "--follow-symlinks", "--format", "json", "."],
            dir.path(),
        );
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(!stdout.contains("link-leaves-tree"), "{stdout}");
    }
}

/// A directory reached through a symbolic link (a pull request turning `privacy/` into a link
/// to a folder elsewhere on the runner) is refused unread, and with `--follow-symlinks` read only
/// when it stays inside the current directory; a link to a directory met in a walk is reported,
/// never silently passed over, and followed on request within the tree.
#[cfg(unix)]
#[test]
fn directories_reached_through_links_stay_inside() {
    use std::os::unix::fs::symlink;
    let outside = scratch(&[("secret/creds.yaml", "controller: {name: SECRET-TOKEN-123\n")]);
    let proposal = "activity:\n  id: nieuw\n  name: Nieuw\n  purposes: [onbekend]\n";
    let dir = scratch(&[
        ("privacy/register.yaml", VALID),
        ("privacy/v2/nieuw.yaml", proposal),
    ]);
    symlink(outside.path().join("secret"), dir.path().join("linked")).expect("symlink");
    symlink("v2", dir.path().join("privacy/current")).expect("symlink");
    for args in [
        &["check", "linked"][..],
        &["check", "linked/creds.yaml"],
        &["check", "--follow-symlinks", "linked"],
        &["check", "--follow-symlinks", "linked/creds.yaml"],
    ] {
        let out = ropa(args, dir.path());
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stdout}");
        assert!(stdout.contains("symbolic link"), "{args:?}: {stdout}");
        assert!(!stdout.contains("SECRET-TOKEN"), "{args:?}: {stdout}");
    }
    // `privacy/current` links to `privacy/v2`: reported in a plain walk, followed on request.
    let out = ropa(&["check", "--no-config", "privacy"], dir.path());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(2), "{stdout}");
    assert!(stdout.contains("a symbolic link to a directory"), "{stdout}");
    let (code, report) = ropa_json(
        &[
            "check",
            "--no-config",
            "--follow-symlinks",
            "--format",
            "json",
            "privacy",
        ],
        dir.path(),
    );
    assert_eq!(code, Some(1), "{report}");
    assert_eq!(
        report["summary"]["proposals"], 1,
        "the proposal once, though reached directly and through the link: {report}"
    );
}

#[test]
fn check_reports_unknown_extensions_and_missing_files() {
    let dir = scratch(&[("register.txt", VALID)]);
    let out = ropa(&["check", "register.txt", "missing.yaml"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("error[unknown-format]"), "{stdout}");
    assert!(stdout.contains("error[io]"), "{stdout}");
    let out = ropa(&["check", "--input-format", "yaml", "register.txt"], dir.path());
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
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

#[test]
fn check_exits_1_on_findings_and_points_at_the_field() {
    let dir = scratch(&[("register.yaml", NO_DPO)]);
    let out = ropa(&["check", "register.yaml"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("error[public-authority-without-dpo]"), "{stdout}");
    assert!(stdout.contains("--> register.yaml:1:1"), "{stdout}");
    assert!(stdout.contains("note: article: GDPR Art 37(1)(a)"), "{stdout}");
    assert!(stdout.contains("1 error, 0 warnings"), "{stdout}");
}

#[test]
fn deny_warnings_raises_the_fail_level() {
    let with_warning = format!(
        "{VALID}statement:\n  rights: [{{ right: access }}, {{ right: rectification }}, {{ right: erasure }}, {{ right: restriction }}, {{ right: complaint }}]\nactivities:\n  - id: melding\n    name: Melding\n    purposes: [p]\n    data_subjects: [s]\n    data_categories: [c]\n    lawful_bases: [{{ basis: public_task, legal_provision: Wet }}]\n    retention: [r]\n    recipients: none\n    transfers: none\n    security_measures: [m]\ncatalogues:\n  purposes: [{{ id: p, label: P }}]\n  data_subjects: [{{ id: s, label: S }}]\n  data_categories: [{{ id: c, label: C }}]\n  retention_rules: [{{ id: r, label: R, period: {{ after_event: {{ period: P1Y, event: case_closed }} }} }}]\n  security_measures: [{{ id: m, label: M, category: access_control }}]\n"
    );
    let dir = scratch(&[("register.yaml", &with_warning)]);
    let out = ropa(&["check", "register.yaml"], dir.path());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(
        stdout.contains("warning[objection-right-not-offered]"),
        "{stdout}"
    );
    let out = ropa(&["check", "--deny", "warnings", "register.yaml"], dir.path());
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn evaluate_reports_a_verdict_per_proposal() {
    let proposal = "activity:\n  id: nieuw\n  name: Nieuw\n  purposes: [onbekend]\n";
    let dir = scratch(&[("register.yaml", VALID), ("proposal.yaml", proposal)]);
    let out = ropa(
        &["evaluate", "--register", "register.yaml", "proposal.yaml"],
        dir.path(),
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains("error[dangling-reference]: `onbekend` is not a declared purpose"),
        "{stdout}"
    );
    assert!(stdout.contains("--> proposal.yaml:4:14"), "{stdout}");
    assert!(
        stdout.contains("proposal.yaml against register.yaml: not compliant"),
        "{stdout}"
    );
    let out = ropa(
        &["evaluate", "--register", "proposal.yaml", "proposal.yaml"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn rules_and_explain_read_the_registry() {
    let dir = scratch(&[]);
    let out = ropa(&["rules"], dir.path());
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(stdout.lines().count(), ropa::engine::RULES.len());
    let out = ropa(&["explain", "public-authority-without-dpo"], dir.path());
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("# public-authority-without-dpo\n"));
    let out = ropa(&["explain", "public-authority-without-dpa"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("did you mean `public-authority-without-dpo`?"));
}

#[test]
fn init_writes_a_starter_that_passes_check_in_every_format() {
    let dir = scratch(&[]);
    for name in ["register.yaml", "register.toml", "register.json"] {
        let out = ropa(&["init", name], dir.path());
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let out = ropa(&["check", "--no-config", "--deny", "infos", name], dir.path());
        assert_eq!(
            out.status.code(),
            Some(0),
            "{name}: {}",
            String::from_utf8_lossy(&out.stdout)
        );
    }
    // It never overwrites silently.
    let out = ropa(&["init", "register.yaml"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--force"));
    // Nor writes a register that `ropa check` could not read afterwards.
    let out = ropa(&["init", "register.txt"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains(".yaml, .yml, .toml or .json"));
    assert!(!dir.path().join("register.txt").exists());
}

/// `ropa init` writes the register schema beside the register, and each format names it the way
/// its editors read: the yaml-language-server modeline, taplo's `#:schema` directive, `$schema`.
#[test]
fn init_points_editors_at_the_schema_it_writes() {
    let dir = scratch(&[]);
    for (name, first_line) in [
        (
            "privacy/register.yaml",
            "# yaml-language-server: $schema=register.schema.json",
        ),
        ("register.toml", "#:schema register.schema.json"),
        ("register.json", "{"),
    ] {
        let out = ropa(&["init", name], dir.path());
        assert_eq!(out.status.code(), Some(0));
        let text = std::fs::read_to_string(dir.path().join(name)).expect("written");
        assert_eq!(text.lines().next(), Some(first_line), "{name}");
    }
    assert!(
        dir.path().join("privacy/register.schema.json").is_file(),
        "beside the register"
    );
    let json = std::fs::read_to_string(dir.path().join("register.json")).expect("written");
    assert!(json.contains("\"$schema\": \"register.schema.json\""), "{json}");
    let schema = std::fs::read_to_string(dir.path().join("register.schema.json")).expect("schema");
    assert_eq!(schema, ropa::schema::SchemaKind::Register.to_pretty_json());

    // A schema file already there is kept, and the note says how to refresh it.
    std::fs::write(dir.path().join("register.schema.json"), "{}").expect("write");
    let out = ropa(&["init", "--force", "register.yaml"], dir.path());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("kept the existing ./register.schema.json"),
        "{stdout}"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("register.schema.json")).expect("kept"),
        "{}"
    );
}

#[test]
fn config_suppressions_are_counted_and_need_a_reason() {
    let dir = scratch(&[
        ("register.yaml", NO_DPO),
        (
            "ropa.toml",
            "[[suppress]]\nrule = \"public-authority-without-dpo\"\nreason = \"FG benoemd per 1 januari\"\n",
        ),
    ]);
    let out = ropa(&["check", "register.yaml"], dir.path());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(
        stdout.contains("0 errors, 0 warnings, 0 info, 1 suppressed"),
        "{stdout}"
    );
    let out = ropa(&["check", "--no-config", "register.yaml"], dir.path());
    assert_eq!(out.status.code(), Some(1));

    std::fs::write(
        dir.path().join("ropa.toml"),
        "[[suppress]]\nrule = \"public-authority-without-dpo\"\n",
    )
    .expect("write");
    let out = ropa(&["check", "register.yaml"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("error[missing-field]: missing field `reason`"),
        "{stderr}"
    );
    assert!(stderr.contains("ropa.toml:1:1"), "{stderr}");

    std::fs::write(
        dir.path().join("ropa.toml"),
        "[rules]\nunused-catalog-entry = \"allow\"\n",
    )
    .expect("write");
    let out = ropa(&["check", "register.yaml"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("error[unknown-rule]"), "{stderr}");
    assert!(
        stderr.contains("did you mean `unused-catalogue-entry`?"),
        "{stderr}"
    );
}

/// A proposal kept below its register is evaluated against it; one with no register above it,
/// or with two equally near, is an input error: never a silent pass.
#[test]
fn proposals_pair_with_the_nearest_register_above_them() {
    let proposal = "activity:\n  id: nieuw\n  name: Nieuw\n  purposes: [onbekend]\n";
    let dir = scratch(&[
        ("privacy/register.yaml", VALID),
        ("privacy/proposals/nieuw.yaml", proposal),
    ]);
    let (code, report) = ropa_json(&["check", "--format", "json", "."], dir.path());
    let evaluations = report["evaluations"].as_array().cloned().unwrap_or_default();
    assert_eq!(evaluations.len(), 1, "{report}");
    assert_eq!(evaluations[0]["register"], "./privacy/register.yaml");
    assert_eq!(evaluations[0]["compliant"], false);
    assert_eq!(code, Some(1));

    // A register outside the checked files but above the proposal, within the current
    // directory, is found on disk, used, and linted like any other.
    let dir = scratch(&[("register.yaml", VALID), ("other/proposals/nieuw.yaml", proposal)]);
    let (_, report) = ropa_json(&["check", "--format", "json", "other"], dir.path());
    assert_eq!(report["evaluations"][0]["register"], "register.yaml", "{report}");
    assert_eq!(report["summary"]["registers"], 1);
    // ... and linted like any other: a register that decides a proposal's verdict is checked.
    let dir = scratch(&[
        ("register.yaml", NO_DPO),
        ("other/proposals/nieuw.yaml", proposal),
    ]);
    let (_, report) = ropa_json(&["check", "--format", "json", "other"], dir.path());
    let findings = report["findings"].as_array().cloned().unwrap_or_default();
    assert!(
        findings
            .iter()
            .any(|f| f["rule"] == "public-authority-without-dpo" && f["location"]["file"] == "register.yaml"),
        "{report}"
    );
    // A hidden register beside the proposal is passed over, as a walk passes over it: it
    // does not quietly take the place of the register above.
    let dir = scratch(&[
        ("privacy/register.yaml", VALID),
        ("privacy/proposals/nieuw.yaml", proposal),
        ("privacy/proposals/.r.yaml", VALID),
    ]);
    let (_, report) = ropa_json(&["check", "--format", "json", "privacy"], dir.path());
    assert_eq!(
        report["evaluations"][0]["register"], "privacy/register.yaml",
        "{report}"
    );
    // No register in the proposal's directory or above: an input error naming --register.
    let dir = scratch(&[
        ("elders/register.yaml", VALID),
        ("other/proposals/nieuw.yaml", proposal),
    ]);
    let out = ropa(&["check", "other"], dir.path());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(2), "{stdout}");
    assert!(
        stdout.contains("ropa evaluate --register REGISTER PROPOSAL"),
        "{stdout}"
    );

    let dir = scratch(&[("a.yaml", VALID), ("b.yaml", VALID), ("p/nieuw.yaml", proposal)]);
    let out = ropa(&["check", "."], dir.path());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(2), "{stdout}");
    assert!(stdout.contains("2 equally near registers"), "{stdout}");
}

/// A run reads at most `--max-total-size` bytes: files past the budget are refused unread, and
/// the run is an input error.
#[test]
fn the_total_input_budget_refuses_files_past_it() {
    let dir = scratch(&[("a.yaml", VALID), ("b.yaml", VALID)]);
    let budget = (VALID.len() + VALID.len() / 2).to_string();
    let out = ropa(
        &["check", "--no-config", "--max-total-size", &budget, "."],
        dir.path(),
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(2), "{stdout}");
    assert_eq!(stdout.matches("error[over-budget]").count(), 1, "{stdout}");
    assert!(stdout.contains("--max-total-size"), "{stdout}");
}

/// A directory walk respects `.gitignore`, skips hidden files and checks only the files that
/// look like registers or proposals; the rest are counted, never reported as broken. A broken
/// register is still one, and named files are always checked.
#[test]
fn walking_a_repository_checks_only_registers_and_proposals() {
    let schema = ropa::schema::SchemaKind::Register.to_pretty_json();
    let dir = scratch(&[
        ("schema/register.schema.json", &schema),
        ("privacy/register.yaml", VALID),
        ("package.json", "{\"name\": \"website\", \"version\": \"1.0.0\"}"),
        (".pre-commit-config.yaml", "repos:\n  - repo: local\n"),
        ("ci.yml", "on: [push]\njobs: {}\n"),
        ("Cargo.toml", "[package]\nname = \"x\"\n"),
        (".gitignore", "build/\n"),
        ("build/generated.yaml", "controller: [this would be an error\n"),
    ]);
    let out = ropa(&["check", "--no-config", "."], dir.path());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(stdout.contains("checked 1 file: 1 register"), "{stdout}");
    assert!(
        stdout.contains("(4 other files skipped: not a register or proposal)"),
        "{stdout}"
    );

    std::fs::write(
        dir.path().join("privacy/broken.yaml"),
        "controller:\n  name: [unclosed\n",
    )
    .expect("write");
    let out = ropa(&["check", "--no-config", "."], dir.path());
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );

    let out = ropa(&["check", "--no-config", "package.json"], dir.path());
    assert_eq!(out.status.code(), Some(2), "a named file is always checked");

    // What `.gitignore` passes over is counted, and checked with --no-ignore: a pull request
    // cannot hide a proposal behind a `.gitignore` line without it showing.
    std::fs::remove_file(dir.path().join("privacy/broken.yaml")).expect("remove");
    let (_, report) = ropa_json(&["check", "--no-config", "--format", "json", "."], dir.path());
    assert_eq!(report["summary"]["ignored"], 1, "{report}");
    let out = ropa(&["check", "--no-config", "."], dir.path());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("1 register or proposal passed over as hidden, in target/ or ignored by .gitignore: --no-ignore checks it"),
        "{stdout}"
    );
    let out = ropa(&["check", "--no-config", "--no-ignore", "."], dir.path());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(2),
        "build/generated.yaml is checked: {stdout}"
    );
    assert!(stdout.contains("generated.yaml"), "{stdout}");
}

/// A walk judges a file by what it parses to, not by how its text is written: a comment, a
/// quoted or spaced key, a byte order mark, a document marker or an escaped key never makes it
/// skip a proposal (which would let a non-compliant one pass), and a FIFO is refused at once.
#[test]
fn a_walk_never_skips_a_proposal_however_it_is_written() {
    let body = "  id: nieuw\n  name: Nieuw\n  purposes: [onbekend]\n";
    let yaml = |head: &str| format!("{head}\n{body}");
    let variants: [(&str, String); 8] = [
        ("p.yaml", yaml("# https://json-schema.org/draft/2020-12/schema\nactivity:")),
        ("p.yaml", yaml("\"activity\":")),
        ("p.yaml", yaml("activity :")),
        ("p.yaml", yaml("\u{feff}activity:")),
        ("p.yaml", "--- {activity: {id: nieuw, name: Nieuw, purposes: [onbekend]}}\n".to_owned()),
        ("p.toml", "[ activity ]\nid = \"nieuw\"\nname = \"Nieuw\"\npurposes = [\"onbekend\"]\n".to_owned()),
        ("p.json", "{\"\\u0061ctivity\": {\"id\": \"nieuw\", \"name\": \"Nieuw\", \"purposes\": [\"onbekend\"]}}".to_owned()),
        ("p.json", "{\"rationale\": \"see json-schema.org/draft\", \"activity\": {\"id\": \"nieuw\", \"name\": \"Nieuw\", \"purposes\": [\"onbekend\"]}}".to_owned()),
    ];
    for (name, proposal) in &variants {
        let dir = scratch(&[
            ("privacy/register.yaml", VALID),
            (&format!("privacy/{name}"), proposal),
        ]);
        for args in [
            &["check", "--no-config", "."][..],
            &[
                "check",
                "--no-config",
                "--skip-other-files",
                &format!("privacy/{name}"),
            ],
        ] {
            let out = ropa(args, dir.path());
            let stdout = String::from_utf8_lossy(&out.stdout);
            assert_eq!(
                out.status.code(),
                Some(1),
                "{name} {proposal:?} {args:?}: {stdout}"
            );
            assert!(stdout.contains("1 proposal"), "{proposal:?}: {stdout}");
        }
    }
}

/// Past `--max-findings` findings are counted, not listed: the most severe are kept, the counts
/// and the exit code cover them all, and the report stays small however many a file makes.
#[test]
fn findings_past_the_limit_are_counted_not_listed() {
    let many = vec!["zz"; 50].join(", ");
    let register = format!("{VALID}activities:\n  - {{ id: a, name: A, data_categories: [{many}] }}\n");
    let dir = scratch(&[("register.yaml", &register)]);
    let run = |args: &[&str]| {
        let (code, report) = ropa_json(args, dir.path());
        (code, report)
    };
    let (code, all) = run(&["check", "--no-config", "--format", "json", "register.yaml"]);
    let (limited_code, limited) = run(&[
        "check",
        "--no-config",
        "--format",
        "json",
        "--max-findings",
        "10",
        "register.yaml",
    ]);
    assert_eq!((code, limited_code), (Some(1), Some(1)));
    let listed = |r: &serde_json::Value| r["findings"].as_array().map_or(0, Vec::len);
    assert!(listed(&all) > 50, "{all}");
    assert_eq!(listed(&limited), 10);
    assert_eq!(
        limited["summary"]["omitted"].as_u64(),
        Some(listed(&all) as u64 - 10)
    );
    assert_eq!(all["summary"]["omitted"], 0);
    for key in ["errors", "warnings", "infos"] {
        assert_eq!(all["summary"][key], limited["summary"][key], "{key}");
    }
    let severities: Vec<&str> = limited["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|f| f["severity"].as_str())
        .collect();
    assert!(
        severities.iter().all(|s| *s == "error"),
        "the most severe are kept: {severities:?}"
    );
    let out = ropa(
        &["check", "--no-config", "--max-findings", "10", "register.yaml"],
        dir.path(),
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("not listed") && stdout.contains("--max-findings"),
        "{stdout}"
    );
}

/// A staged proposal finds its register on disk by what the register parses to: a TOML register
/// with an inline `controller` table, or a YAML one with a quoted key after a comment.
#[test]
fn a_proposal_finds_its_register_however_the_register_is_written() {
    let proposal = "activity:\n  id: nieuw\n  name: Nieuw\n  purposes: [onbekend]\n";
    let registers = [
        ("register.toml", "controller = { name = \"Gemeente Voorbeeld\", public_authority = true, contact = { email = \"info@voorbeeld.nl\" }, dpo = { contact = { email = \"fg@voorbeeld.nl\" } } }\n".to_owned()),
        ("register.yaml", format!("# register\n\"controller\"{}", VALID.trim_start_matches("controller"))),
    ];
    for (name, register) in &registers {
        let dir = scratch(&[
            (&format!("privacy/{name}"), register),
            ("privacy/proposals/nieuw.yaml", proposal),
        ]);
        let (code, report) = ropa_json(
            &[
                "check",
                "--no-config",
                "--skip-other-files",
                "--format",
                "json",
                "privacy/proposals/nieuw.yaml",
            ],
            dir.path(),
        );
        assert_eq!(
            report["evaluations"][0]["register"],
            format!("privacy/{name}"),
            "{report}"
        );
        assert_eq!(code, Some(1), "{report}");
    }
}

/// Pairing sees paths as where they lead and each file once: `a/sub/../p.yaml` goes with
/// `a/register.yaml`, a directory named twice is checked once, and a broken register beside a
/// proposal is reported once, named in the proposal's error, and counted as the one unreadable
/// file (the proposal loaded; it was not evaluated).
#[test]
fn pairing_sees_each_file_once_where_it_leads() {
    let proposal = "activity:\n  id: nieuw\n  name: Nieuw\n  purposes: [onbekend]\n";
    let dir = scratch(&[
        ("a/register.yaml", VALID),
        ("a/sub/register.yaml", VALID),
        ("a/p.yaml", proposal),
        ("b/register.yaml", "controller: [broken\n"),
        ("b/p.yaml", proposal),
    ]);
    let json = |args: &[&str]| {
        let out = ropa(args, dir.path());
        serde_json::from_slice::<serde_json::Value>(&out.stdout).expect("json")
    };
    let report = json(&[
        "check",
        "--no-config",
        "--format",
        "json",
        "a/register.yaml",
        "a/sub/register.yaml",
        "a/sub/../p.yaml",
    ]);
    assert_eq!(
        report["evaluations"][0]["register"], "a/register.yaml",
        "{report}"
    );
    let report = json(&["check", "--no-config", "--format", "json", "a", "a"]);
    assert_eq!(report["summary"]["files"], 3, "{report}");
    assert_eq!(report["load_errors"], serde_json::json!([]), "{report}");
    let out = ropa(&["check", "--no-config", "b"], dir.path());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(2), "{stdout}");
    assert_eq!(stdout.matches("error[syntax]").count(), 1, "{stdout}");
    assert!(
        stdout.contains("(b/register.yaml) could not be loaded"),
        "{stdout}"
    );
    assert!(
        stdout.contains("1 proposal, 1 that could not be loaded"),
        "{stdout}"
    );
    // A broken proposal beside it is not taken for its register.
    std::fs::write(dir.path().join("b/register.yaml"), "activity: [broken\n").expect("write");
    let out = ropa(&["check", "--no-config", "b"], dir.path());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("no register was checked"), "{stdout}");
}

/// A named proposal pairs with the nearest register on disk even when a farther one is named
/// (the pre-commit hook names only staged files), and a broken nearest register stops the
/// search: it is reported, never passed over for a farther one that lets the proposal through.
#[test]
fn the_nearest_register_on_disk_wins_even_when_broken() {
    let proposal = "activity:\n  id: nieuw\n  name: Nieuw\n  purposes: [marketing]\n";
    let wider = format!("{VALID}catalogues:\n  purposes:\n    - {{ id: marketing, label: Marketing }}\n");
    let dir = scratch(&[
        ("register.yaml", &wider),
        ("privacy/register.yaml", VALID),
        ("privacy/proposals/nieuw.yaml", proposal),
    ]);
    let named = [
        "check",
        "--no-config",
        "--skip-other-files",
        "--format",
        "json",
        "register.yaml",
        "privacy/proposals/nieuw.yaml",
    ];
    let (code, report) = ropa_json(&named, dir.path());
    assert_eq!(
        report["evaluations"][0]["register"], "privacy/register.yaml",
        "{report}"
    );
    assert_eq!(code, Some(1), "{report}");

    std::fs::write(dir.path().join("privacy/register.yaml"), "controller: [broken\n").expect("write");
    for args in [
        &named[..],
        &["check", "--no-config", "privacy/proposals/nieuw.yaml"],
    ] {
        let out = ropa(args, dir.path());
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stdout}");
        assert!(stdout.contains("privacy/register.yaml"), "{args:?}: {stdout}");
        assert!(!stdout.contains("\"compliant\": true"), "{args:?}: {stdout}");
    }
}

/// Many proposals without a register: each is an input error, and each directory above them is
/// listed once (it was listed, and every file in it parsed, once per proposal).
#[test]
fn many_unpaired_proposals_are_each_reported() {
    let dir = scratch(&[]);
    std::fs::create_dir_all(dir.path().join("p")).expect("mkdir");
    for i in 0..1_500 {
        std::fs::write(
            dir.path().join(format!("p/p{i}.yaml")),
            format!("activity: {{ id: a{i}, name: A, purposes: [x] }}\n"),
        )
        .expect("write");
    }
    let (code, report) = ropa_json(&["check", "--no-config", "--format", "json", "p"], dir.path());
    assert_eq!(code, Some(2));
    assert_eq!(report["summary"]["unpaired"], 1_500);
}

/// Proposals a walk passes over, in hidden directories, hidden files or `target/`, are counted,
/// and `--no-ignore` checks them: none is left out silently.
#[test]
fn hidden_and_target_proposals_are_counted() {
    let proposal = "activity:\n  id: nieuw\n  name: Nieuw\n  purposes: [onbekend]\n";
    let dir = scratch(&[
        ("privacy/register.yaml", VALID),
        ("privacy/proposals/target/a.yaml", proposal),
        ("privacy/.drafts/b.yaml", proposal),
        ("privacy/proposals/.c.yaml", proposal),
        ("privacy/.settings.yaml", "editor: vim\n"),
    ]);
    let (_, report) = ropa_json(
        &["check", "--no-config", "--format", "json", "privacy"],
        dir.path(),
    );
    assert_eq!(report["summary"]["ignored"], 3, "{report}");
    let (code, report) = ropa_json(
        &[
            "check",
            "--no-config",
            "--format",
            "json",
            "--no-ignore",
            "privacy",
        ],
        dir.path(),
    );
    assert_eq!(report["summary"]["proposals"], 3, "{report}");
    assert_eq!(code, Some(1), "{report}");
}

/// A file a walk passes over that is too large to judge is counted as unjudged, not dropped:
/// a proposal padded past the size ropa reads to judge passed-over files still shows.
#[test]
fn passed_over_files_too_large_to_judge_are_counted() {
    let padded = format!(
        "# {}\nactivity:\n  id: nieuw\n  name: Nieuw\n  purposes: [onbekend]\n",
        "x".repeat(1024 * 1024 + 1)
    );
    let dir = scratch(&[
        ("privacy/register.yaml", VALID),
        (
            "privacy/.drafts/small.yaml",
            "activity:\n  id: klein\n  name: Klein\n  purposes: [x]\n",
        ),
        ("privacy/.drafts/padded.yaml", &padded),
    ]);
    let (code, report) = ropa_json(
        &["check", "--no-config", "--format", "json", "privacy"],
        dir.path(),
    );
    assert_eq!(report["summary"]["ignored"], 1, "{report}");
    assert_eq!(report["summary"]["unjudged"], 1, "{report}");
    assert_eq!(code, Some(0), "{report}");
    let out = ropa(&["check", "--no-config", "privacy"], dir.path());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("1 passed-over file not judged, over 1 MiB"),
        "{stdout}"
    );
}

/// Positions and quoted lines read as an editor shows the file: a byte order mark is not a
/// column, a Windows line end is not quoted as an unsafe character, and a file named once
/// absolutely and once relatively is checked once.
#[test]
fn positions_and_names_read_as_an_editor_shows_them() {
    let dir = scratch(&[
        (
            "bom.json",
            "\u{feff}{\"controller\": {\"name\": \"G\", \"public_authority\": true, \"bogus\": 1}}\n",
        ),
        (
            "plain.json",
            "{\"controller\": {\"name\": \"G\", \"public_authority\": true, \"bogus\": 1}}\n",
        ),
        (
            "crlf.yaml",
            "controller:\r\n  name: G\r\n  public_authority: true\r\n  bogus: 1\r\n",
        ),
    ]);
    let column = |file: &str| {
        let (_, report) = ropa_json(&["check", "--no-config", "--format", "json", file], dir.path());
        report["load_errors"][0]["location"]["column"].clone()
    };
    assert_eq!(column("bom.json"), column("plain.json"));
    let out = ropa(&["check", "--no-config", "crlf.yaml"], dir.path());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("4 |   bogus: 1") && !stdout.contains("bogus: 1?"),
        "{stdout}"
    );
    let absolute = dir.path().join("plain.json").display().to_string();
    let (_, report) = ropa_json(
        &[
            "check",
            "--no-config",
            "--format",
            "json",
            &absolute,
            "plain.json",
        ],
        dir.path(),
    );
    assert_eq!(report["summary"]["files"], 1, "{report}");
}

/// A walk reports, never skips, a proposal whose top-level key is misspelled or which does not
/// parse and spells its key with an escape.
#[test]
fn a_walk_reports_misspelled_and_escaped_proposals() {
    for (name, text) in [
        (
            "p.yaml",
            "activty:\n  id: nieuw\n  name: Nieuw\n  purposes: [onbekend]\n",
        ),
        ("p.yaml", "\"\\x61ctivity\": { id: x }\n  bad: : x\n"),
        ("p.toml", "\"\\u0061ctivity\" = { id = \"x\" }\nbroken = [\n"),
    ] {
        let dir = scratch(&[("register.yaml", VALID), (name, text)]);
        let out = ropa(&["check", "--no-config", "."], dir.path());
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert_eq!(out.status.code(), Some(2), "{text}: {stdout}");
        assert!(!stdout.contains("skipped"), "{text}: {stdout}");
    }
}

/// Judging what a walk passed over (an ignored dependency folder) never uses up the budget of
/// the files checked, in this tree or the next one named.
#[test]
fn passed_over_files_do_not_use_the_budget() {
    let filler = format!("{{\"name\": \"{}\"}}\n", "x".repeat(2_000));
    let dir = scratch(&[
        ("a/.gitignore", "deps/\n"),
        ("a/deps/a.json", &filler),
        ("b/register.yaml", VALID),
    ]);
    // Room for the filler or the register, not both.
    let budget = (filler.len() + VALID.len() / 2).to_string();
    let out = ropa(
        &["check", "--no-config", "--max-total-size", &budget, "a", "b"],
        dir.path(),
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
}

/// From a third review. A monorepo's other YAML (a Helm chart's `controller:` settings, a web
/// framework's `controllers:`, a feature flag `activate`) is not taken for a register; a
/// proposal above the current directory does not pair with the current directory's register;
/// a nearest register that cannot be read (a link, not UTF-8) is reported, never passed over;
/// and a key written as YAML's explicit `? activity` or before a line break still counts.
#[test]
fn third_review_pairing_and_walk() {
    let dir = scratch(&[
        ("privacy/register.yaml", VALID),
        (
            "deploy/ingress-nginx/values.yaml",
            "controller:\n  name: controller\n  replicaCount: 2\n",
        ),
        ("config/routes.yaml", "controllers:\n  - name: users\n"),
        ("config/feature.json", "{\"activate\": true}\n"),
    ]);
    let out = ropa(&["check", "--no-config", "."], dir.path());
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );

    let proposal = "activity:\n  id: nieuw\n  name: Nieuw\n  purposes: [onbekend]\n";
    std::fs::create_dir_all(dir.path().join("other")).expect("mkdir");
    std::fs::write(dir.path().join("other/p.yaml"), proposal).expect("write");
    let out = ropa(
        &["check", "--no-config", "../other/p.yaml"],
        &dir.path().join("privacy"),
    );
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );

    let wider = format!("{VALID}catalogues:\n  purposes:\n    - {{ id: onbekend, label: Onbekend }}\n");
    std::fs::write(dir.path().join("register.yaml"), &wider).expect("write");
    std::fs::create_dir_all(dir.path().join("team")).expect("mkdir");
    std::fs::write(dir.path().join("team/p.yaml"), proposal).expect("write");
    let mut not_utf8 = VALID.as_bytes().to_vec();
    not_utf8.extend_from_slice(b"# \xe9\n");
    std::fs::write(dir.path().join("team/register.yaml"), &not_utf8).expect("write");
    let out = ropa(
        &["check", "--no-config", "--skip-other-files", "team/p.yaml"],
        dir.path(),
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(2), "{stdout}");
    assert!(stdout.contains("team/register.yaml"), "{stdout}");
    #[cfg(unix)]
    {
        std::fs::remove_file(dir.path().join("team/register.yaml")).expect("remove");
        std::os::unix::fs::symlink("../privacy/register.yaml", dir.path().join("team/register.yaml"))
            .expect("symlink");
        let out = ropa(
            &["check", "--no-config", "--skip-other-files", "team/p.yaml"],
            dir.path(),
        );
        assert_eq!(
            out.status.code(),
            Some(2),
            "{}",
            String::from_utf8_lossy(&out.stdout)
        );
    }

    for (name, text) in [
        (
            "explicit.yaml",
            "rationale: x\n? activity\n: { id: x, name: X, purposes: [onbekend] }\nrationale: y\n",
        ),
        (
            "split.json",
            "{\"activity\"\n: {\"id\": \"x\", \"name\": \"X\", \"purposes\": [\"onbekend\"]},\n}\n",
        ),
    ] {
        let tree = scratch(&[("register.yaml", VALID), (name, text)]);
        let out = ropa(&["check", "--no-config", "."], tree.path());
        assert_eq!(
            out.status.code(),
            Some(2),
            "{name}: {}",
            String::from_utf8_lossy(&out.stdout)
        );
    }
}

/// A FIFO met in a walk is refused as not a file, without waiting for a writer.
#[cfg(unix)]
#[test]
fn a_fifo_is_refused_not_waited_on() {
    let dir = scratch(&[("privacy/register.yaml", VALID)]);
    let fifo = dir.path().join("privacy/pipe.yaml");
    let made = Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("skipped: mkfifo is not available");
        return;
    }
    let out = ropa(&["check", "--no-config", "."], dir.path());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(2), "{stdout}");
    assert!(stdout.contains("pipe.yaml"), "{stdout}");
}

/// What the pre-commit hook runs: the staged files, of which only registers and proposals are
/// checked, and a staged proposal paired with its register on disk, staged or not.
#[test]
fn the_pre_commit_hook_checks_staged_registers_and_proposals() {
    let hooks = std::fs::read_to_string(".pre-commit-hooks.yaml").expect("hooks file");
    assert!(hooks.contains("entry: ropa check --skip-other-files") && hooks.contains("pass_filenames: true"));
    let proposal = "activity:\n  id: nieuw\n  name: Nieuw\n  purposes: [onbekend]\n";
    let dir = scratch(&[
        ("privacy/register.yaml", VALID),
        ("privacy/proposals/nieuw.yaml", proposal),
        ("package.json", "{\"name\": \"website\"}"),
        (".pre-commit-config.yaml", "repos: []\n"),
    ]);
    let staged = [
        "check",
        "--skip-other-files",
        "--format",
        "json",
        "package.json",
        ".pre-commit-config.yaml",
        "privacy/proposals/nieuw.yaml",
    ];
    let (code, report) = ropa_json(&staged, dir.path());
    assert_eq!(report["summary"]["skipped"], 2, "{report}");
    assert_eq!(
        report["evaluations"][0]["register"], "privacy/register.yaml",
        "{report}"
    );
    assert_eq!(code, Some(1), "the proposal oversteps: {report}");
}

/// The first run reads well: a summary per file first, and a finding that repeats in a file
/// shown once with the places of the others; `--verbose` shows each in full. The counts stay
/// per finding.
#[test]
fn repeated_findings_are_shown_once_unless_verbose() {
    let activities: String = (0..4)
        .map(|i| format!("  - {{ id: a{i}, name: A{i}, purposes: [p], data_subjects: [s], data_categories: [c], lawful_bases: [{{ basis: public_task, legal_provision: Wet }}], retention: [r], transfers: none, data_sources: [{{ kind: base_registry }}], security_measures: [m] }}\n"))
        .collect();
    let register = format!(
        "{VALID}statement:\n  rights: [{{ right: access }}, {{ right: rectification }}, {{ right: erasure }}, {{ right: restriction }}, {{ right: objection }}, {{ right: complaint }}]\ncatalogues:\n  purposes: [{{ id: p, label: P }}]\n  data_subjects: [{{ id: s, label: S }}]\n  data_categories: [{{ id: c, label: C }}]\n  retention_rules: [{{ id: r, label: R, period: {{ after_event: {{ period: P1Y, event: case_closed }} }} }}]\n  security_measures: [{{ id: m, label: M, category: access_control }}]\nactivities:\n{activities}"
    );
    let dir = scratch(&[("register.yaml", &register), ("other.yaml", NO_DPO)]);
    let out = ropa(
        &["check", "--no-config", "register.yaml", "other.yaml"],
        dir.path(),
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.starts_with("other.yaml: 1 error\nregister.yaml: 4 errors\n"),
        "{stdout}"
    );
    assert_eq!(
        stdout.matches("error[recipients-not-stated]").count(),
        1,
        "{stdout}"
    );
    assert!(
        stdout.contains("note: 3 more like this in register.yaml: lines "),
        "{stdout}"
    );
    assert!(stdout.contains("5 errors"), "{stdout}");
    let out = ropa(
        &["check", "--no-config", "--verbose", "register.yaml", "other.yaml"],
        dir.path(),
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        stdout.matches("error[recipients-not-stated]").count(),
        4,
        "{stdout}"
    );
}

/// Colour follows the conventions: never through a pipe by default, `CLICOLOR_FORCE` turns it
/// on, and `NO_COLOR` wins over it.
#[test]
fn colour_follows_no_color_and_clicolor_force() {
    let dir = scratch(&[]);
    let register = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/ibd/register.yaml");
    let run = |env: &[(&str, &str)]| {
        let mut command = Command::new(env!("CARGO_BIN_EXE_ropa"));
        command.arg("check").arg(&register).current_dir(dir.path());
        for name in ["NO_COLOR", "CLICOLOR", "CLICOLOR_FORCE", "TERM"] {
            command.env_remove(name);
        }
        command.envs(env.iter().copied());
        let output = command.output().expect("ropa runs");
        String::from_utf8_lossy(&output.stdout).contains('\u{1b}')
    };
    assert!(!run(&[]), "a pipe gets no colour by default");
    assert!(run(&[("CLICOLOR_FORCE", "1")]), "CLICOLOR_FORCE forces colour");
    assert!(
        !run(&[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]),
        "NO_COLOR wins"
    );
}

/// `ropa check` reports every mistake in a file in one run, and counts the file once.
#[test]
fn check_reports_every_mistake_in_one_run() {
    let dir = scratch(&[(
        "register.yaml",
        "controller:\n  name: G\n  public_authorty: true\n  colour: blue\nactivities:\n  - id: a\n    name: [A]\n",
    )]);
    let output = ropa(&["check", "register.yaml"], dir.path());
    assert_eq!(output.status.code(), Some(2));
    let stdout = String::from_utf8_lossy(&output.stdout);
    for place in ["register.yaml:3:3", "register.yaml:4:3", "register.yaml:7:11"] {
        assert!(stdout.contains(place), "{place} missing from:\n{stdout}");
    }
    assert_eq!(stdout.matches("error[").count(), 3, "{stdout}");
    assert!(stdout.contains("1 that could not be loaded"), "{stdout}");
}

/// The value limit refuses a register past it with the flag that raises it, and the flag does.
#[test]
fn max_values_is_a_flag() {
    let dir = scratch(&[("register.yaml", VALID)]);
    let out = ropa(
        &["check", "--no-config", "--max-values", "10", "register.yaml"],
        dir.path(),
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(2), "{stdout}");
    assert!(stdout.contains("--max-values"), "{stdout}");
    let out = ropa(
        &["check", "--no-config", "--max-values", "100000", "register.yaml"],
        dir.path(),
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

/// A renamed rule's old id still explains: a note names the new id, and its explanation follows.
#[test]
fn explain_a_retired_rule_names_its_successor() {
    let dir = scratch(&[]);
    let out = ropa(&["explain", "data-category-scope-outside-activity"], dir.path());
    assert_eq!(out.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("renamed to `scope-outside-activity` in ropa 0.1.0"),
        "{stderr}"
    );
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("# scope-outside-activity"));
}

/// `ropa render`: the `init` starter is complete, so both documents render without gaps in every
/// language and format; a register with gaps still renders, lists them and exits 1 unless
/// `--allow-gaps`; a statement cannot be CSV.
#[test]
fn render_writes_documents_and_fails_on_gaps() {
    let dir = scratch(&[("gaps.yaml", VALID)]);
    let out = ropa(&["init", "register.yaml"], dir.path());
    assert_eq!(out.status.code(), Some(0));
    for (document, formats) in [
        ("statement", &["markdown", "html"][..]),
        ("register", &["markdown", "html", "csv"][..]),
    ] {
        for format in formats {
            for lang in ["nl", "en"] {
                let file = format!("public/{document}-{lang}.{format}");
                let out = ropa(
                    &[
                        "render",
                        document,
                        "register.yaml",
                        "--lang",
                        lang,
                        "--format",
                        format,
                        "-o",
                        &file,
                    ],
                    dir.path(),
                );
                assert_eq!(
                    out.status.code(),
                    Some(0),
                    "{file}: {}",
                    String::from_utf8_lossy(&out.stderr)
                );
                let written = std::fs::read_to_string(dir.path().join(&file)).expect("written");
                assert!(written.contains("Meldingen openbare ruimte"), "{file}");
            }
        }
    }
    // A published page is replaced, but never written through a link (a pull request could
    // point it at a file elsewhere on the runner).
    #[cfg(unix)]
    {
        std::fs::write(dir.path().join("elsewhere.txt"), "keep").expect("write");
        std::os::unix::fs::symlink("../elsewhere.txt", dir.path().join("public/linked.html"))
            .expect("symlink");
        let out = ropa(
            &[
                "render",
                "statement",
                "register.yaml",
                "--format",
                "html",
                "-o",
                "public/linked.html",
            ],
            dir.path(),
        );
        assert_eq!(out.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&out.stderr).contains("symbolic link"));
        assert_eq!(
            std::fs::read_to_string(dir.path().join("elsewhere.txt")).expect("read"),
            "keep"
        );
        // Nor through a linked directory on the way, where a page that does not exist yet
        // would be created.
        std::fs::create_dir(dir.path().join("outside")).expect("mkdir");
        std::os::unix::fs::symlink("outside", dir.path().join("site")).expect("symlink");
        let out = ropa(
            &[
                "render",
                "statement",
                "register.yaml",
                "-o",
                "site/new/statement.md",
            ],
            dir.path(),
        );
        assert_eq!(out.status.code(), Some(2));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains("its directory `site` is a symbolic link"),
            "{stderr}"
        );
        assert!(!dir.path().join("outside/new").exists());
    }
    // Gaps: written anyway, listed on stderr, exit 1; --allow-gaps makes it exit 0.
    let out = ropa(&["render", "statement", "gaps.yaml"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("does not state") && stderr.contains("--allow-gaps"),
        "{stderr}"
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("# Privacy statement of Gemeente Voorbeeld"));
    let out = ropa(&["render", "statement", "gaps.yaml", "--allow-gaps"], dir.path());
    assert_eq!(out.status.code(), Some(0));
    // A statement is prose, not a table.
    let out = ropa(
        &["render", "statement", "register.yaml", "--format", "csv"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("use `markdown` or `html`"));
    // A broken register is an input error with its position.
    std::fs::write(dir.path().join("broken.yaml"), "controller: [\n").expect("write");
    let out = ropa(&["render", "register", "broken.yaml"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("broken.yaml:"));
}

/// `ropa import`: writes a register that `ropa check` reads, lists what it kept as text, never
/// overwrites without `--force`, and refuses a sheet it cannot read with exit 2.
#[test]
fn import_writes_a_register_check_reads() {
    let dir = scratch(&[(
        "register.csv",
        "Naam verwerking;Grondslag;Bewaartermijn\nBijstand;Wettelijke verplichting;Conform selectielijst\n",
    )]);
    let out = ropa(
        &[
            "import",
            "register.csv",
            "--controller",
            "Gemeente Voorbeeld",
            "-o",
            "register.yaml",
        ],
        dir.path(),
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("register.csv!C2") && stderr.contains("imported 1 activities"),
        "{stderr}"
    );
    let out = ropa(&["check", "--no-config", "register.yaml"], dir.path());
    assert!(String::from_utf8_lossy(&out.stdout).contains("unclassified-text"));
    let out = ropa(&["import", "register.csv", "-o", "register.yaml"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--force"));
    // A dangling link is there too: writing would create the file wherever it points.
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink("elsewhere.yaml", dir.path().join("link.yaml")).expect("symlink");
        let out = ropa(&["import", "register.csv", "-o", "link.yaml"], dir.path());
        assert_eq!(out.status.code(), Some(2));
        assert!(!dir.path().join("elsewhere.yaml").exists());
        // --force replaces a file, never a link's target.
        let out = ropa(
            &["import", "register.csv", "--force", "-o", "link.yaml"],
            dir.path(),
        );
        assert_eq!(out.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&out.stderr).contains("symbolic link"));
        assert!(!dir.path().join("elsewhere.yaml").exists());
        // Nor is a sheet read through a link (its first row would be quoted).
        std::os::unix::fs::symlink("register.csv", dir.path().join("leak.csv")).expect("symlink");
        let out = ropa(&["import", "leak.csv", "--controller", "G"], dir.path());
        assert_eq!(out.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&out.stderr).contains("symbolic link"));
    }
    std::fs::write(dir.path().join("kleur.csv"), "Kleur;Maat\nrood;L\n").expect("write");
    let out = ropa(&["import", "kleur.csv"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--map"));
}

/// The command line is a shell over `ropa::check`: an embedder that checks the same files gets
/// the same report, byte for byte, including the proposal's verdict and the unpaired proposal
/// that is an input error.
#[test]
fn the_library_gives_the_same_report_as_the_command() {
    use ropa::check::{CheckOptions, Input, check};
    let proposal = "activity:\n  id: nieuw\n  name: Nieuw\n  purposes: [onbekend]\n";
    let dir = scratch(&[
        ("privacy/register.yaml", VALID),
        ("privacy/proposals/nieuw.yaml", proposal),
        ("elders/proposals/los.yaml", proposal),
    ]);
    let files: Vec<String> = [
        "privacy/register.yaml",
        "privacy/proposals/nieuw.yaml",
        "elders/proposals/los.yaml",
    ]
    .iter()
    .map(|f| dir.path().join(f).display().to_string())
    .collect();
    let mut args = vec!["check", "--no-config", "--format", "json"];
    args.extend(files.iter().map(String::as_str));
    // Run from a directory that holds none of them, so the command keeps the absolute names
    // (inside the current directory it names files relative to it).
    let elsewhere = dir.path().join("elsewhere");
    std::fs::create_dir_all(&elsewhere).expect("mkdir");
    let out = ropa(&args, &elsewhere);
    let run = check(files.iter().map(Input::named), &CheckOptions::default());
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        ropa::report::render_json(&run.report)
    );
    assert_eq!(run.report.evaluations.len(), 1);
    assert!(!run.report.evaluations[0].compliant);
    assert_eq!(run.report.load_errors[0].code, "unpaired-proposal");
    assert_eq!(run.report.summary.unreadable, 0, "the proposal loaded");
    assert_eq!(run.report.summary.unpaired, 1);
    assert_eq!(out.status.code(), Some(2));
}

/// Every file ropa writes — the starter register, schemas, rule pages — is written without
/// following a link: a pull request could make the path, or its directory, a link to a file
/// elsewhere on the runner.
#[cfg(unix)]
#[test]
fn generated_files_are_never_written_through_links() {
    let dir = scratch(&[("victim.txt", "keep")]);
    let victim = dir.path().join("victim.txt");
    let kept = || std::fs::read_to_string(&victim).expect("read");
    std::os::unix::fs::symlink("victim.txt", dir.path().join("register.yaml")).expect("symlink");
    let out = ropa(&["init", "--force"], dir.path());
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(kept(), "keep");

    std::fs::create_dir(dir.path().join("elsewhere")).expect("mkdir");
    std::os::unix::fs::symlink("elsewhere", dir.path().join("privacy")).expect("symlink");
    let out = ropa(&["init", "privacy/register.yaml"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("symbolic link"));
    assert!(!dir.path().join("elsewhere/register.yaml").exists());

    std::fs::create_dir(dir.path().join("schema")).expect("mkdir");
    std::os::unix::fs::symlink("../victim.txt", dir.path().join("schema/register.schema.json"))
        .expect("symlink");
    let out = ropa(&["schema", "--out", "schema"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(kept(), "keep");

    std::fs::create_dir(dir.path().join("pages")).expect("mkdir");
    std::os::unix::fs::symlink("../victim.txt", dir.path().join("pages/duplicate-id.md")).expect("symlink");
    let out = ropa(&["rules", "--pages", "pages"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(kept(), "keep");
}

/// `ropa.toml` is looked for up to the repository's root, not above it (a configuration in a
/// home directory or on a shared runner is not the project's), and a `ropa.toml` that is not a
/// regular file is an error, not passed over for one farther up.
#[test]
fn configuration_is_the_repositorys_own() {
    let allow = "[rules]\npublic-authority-without-dpo = \"allow\"\n";
    let dir = scratch(&[
        ("ropa.toml", allow),
        ("repo/.git/HEAD", "ref: refs/heads/main\n"),
        ("repo/register.yaml", NO_DPO),
    ]);
    let repo = dir.path().join("repo");
    let out = ropa(&["check", "register.yaml"], &repo);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    // The twin: the same configuration inside the repository applies.
    std::fs::write(repo.join("ropa.toml"), allow).expect("write");
    let out = ropa(&["check", "register.yaml"], &repo);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );

    std::fs::remove_file(repo.join("ropa.toml")).expect("remove");
    std::fs::create_dir(repo.join("ropa.toml")).expect("mkdir");
    std::fs::remove_dir_all(repo.join(".git")).expect("remove");
    let out = ropa(&["check", "register.yaml"], &repo);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("ropa.toml"), "{stderr}");

    #[cfg(unix)]
    {
        std::fs::remove_dir(repo.join("ropa.toml")).expect("remove");
        std::os::unix::fs::symlink("../ropa.toml", repo.join("ropa.toml")).expect("symlink");
        let out = ropa(&["check", "register.yaml"], &repo);
        assert_eq!(out.status.code(), Some(2));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr
                .contains("ropa.toml is read only as a regular file: replace the link with the file itself"),
            "{stderr}"
        );
    }
}

/// GitHub attaches an annotation to a pull request's file by its path from the repository's
/// root: annotations name files so, wherever ropa runs and however the path was given.
#[test]
fn github_annotations_name_files_from_the_repository_root() {
    let dir = scratch(&[
        (".git/HEAD", "ref: refs/heads/main\n"),
        ("privacy/register.yaml", NO_DPO),
    ]);
    for (args, at) in [
        (
            &["check", "--format", "github", "./privacy"][..],
            dir.path().to_path_buf(),
        ),
        (
            &["check", "--format", "github", "register.yaml"][..],
            dir.path().join("privacy"),
        ),
    ] {
        let out = ropa(args, &at);
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            stdout.contains("::error file=privacy/register.yaml,line="),
            "{args:?}: {stdout}"
        );
    }
}
