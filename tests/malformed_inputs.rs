//! The malformed-input corpus (`tests/malformed/`, written by `generate.py` there): the example
//! registers with one mistake each, in all three formats. Every file must be refused as an input
//! error (exit 2), the error must point at the line the mistake is on (`expected.txt`; 0 where
//! the mistake is the whole file, such as a truncation), and its rendered message is
//! snapshotted.
#![cfg(feature = "cli")]

use std::process::Command;

#[test]
fn every_malformed_file_is_refused_at_its_mistake() {
    let expected = std::fs::read_to_string("tests/malformed/expected.txt").expect("expected.txt");
    let mut problems = Vec::new();
    let mut count = 0;
    for line in expected.lines().filter(|l| !l.trim().is_empty()) {
        let Some((file, want)) = line.split_once(' ') else {
            continue;
        };
        count += 1;
        let path = format!("tests/malformed/{file}");
        let out = Command::new(env!("CARGO_BIN_EXE_ropa"))
            .args(["check", "--no-config", "--format", "json", &path])
            .output()
            .expect("ropa runs");
        if out.status.code() != Some(2) {
            problems.push(format!("{file}: exit {:?}, not 2", out.status.code()));
            continue;
        }
        let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON output");
        let error = &report["load_errors"][0];
        let got = error["location"]["line"].as_u64().unwrap_or(0);
        let want: u64 = want.parse().unwrap_or(0);
        if want != 0 && got != want {
            problems.push(format!(
                "{file}: points at line {got}, the mistake is on line {want}: {}",
                error["message"]
            ));
        }
        if error["help"].is_null() && want != 0 {
            problems.push(format!("{file}: no help line: {}", error["message"]));
        }
        let human = Command::new(env!("CARGO_BIN_EXE_ropa"))
            .args(["check", "--no-config", &path])
            .output()
            .expect("ropa runs");
        insta::assert_snapshot!(file.replace('.', "_"), String::from_utf8_lossy(&human.stdout));
    }
    assert!(count >= 100, "{count} malformed files");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
