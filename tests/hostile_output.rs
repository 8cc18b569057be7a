//! Hostile text never reaches any output raw: the same register and file names, full of C1
//! controls, DEL and bidirectional overrides, are checked in every output format, and no unsafe
//! character may come out (issue: "one sanitising policy, applied at every output boundary").
#![cfg(feature = "cli")]

use std::path::PathBuf;
use std::process::Command;

/// Characters that drive terminals or disguise text (C1 CSI, DEL, RLO, LRI, PDI, RLM, ALM, ESC).
const HOSTILE: &[char] = &[
    '\u{9b}', '\u{7f}', '\u{202e}', '\u{2066}', '\u{2069}', '\u{200f}', '\u{61c}', '\u{1b}',
];

fn unsafe_char(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

fn scratch() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("hostile_output");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    let evil: String = HOSTILE.iter().collect();
    // A register whose texts reach finding messages: a statute without its letter, a cookie name.
    let register = format!(
        "controller:\n  name: \"Gemeente {e}\"\n  public_authority: true\n  contact: {{ email: a@b.nl }}\n  dpo: {{ contact: {{ email: fg@b.nl }} }}\nactivities:\n  - id: a\n    name: \"A{e}\"\n    lawful_bases: [{{ legal_provision: \"Wet {e}\" }}]\n    cookies: [{{ name: \"c{e}\", class: tracking_and_marketing, consent: not_asked }}]\n",
        e = evil
            .replace('\u{1b}', "\\e")
            .replace('\u{9b}', "\\x9b")
            .replace('\u{7f}', "\\x7f")
    );
    std::fs::write(
        dir.join(format!("reg{evil}ister.yaml").replace('\u{1b}', "")),
        register,
    )
    .expect("write");
    // A file that fails to load, with the hostile text in an unknown key (JSON escapes).
    std::fs::write(
        dir.join("bad\u{2066}.json"),
        "{\"controller\": {\"name\": \"G\", \"public_authority\": true, \"n\\u202eame\\u009b\": 1}}",
    )
    .expect("write");
    dir
}

#[test]
fn no_output_format_carries_hostile_text() {
    let dir = scratch();
    for format in ["human", "json", "sarif", "github", "markdown"] {
        let out = Command::new(env!("CARGO_BIN_EXE_ropa"))
            .args(["check", "--no-config", "--format", format])
            .arg(&dir)
            .output()
            .expect("ropa runs");
        assert_eq!(
            out.status.code(),
            Some(2),
            "{format}: the bad file is an input error"
        );
        for (stream, bytes) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
            let text = String::from_utf8_lossy(bytes);
            let found: Vec<String> = text
                .chars()
                .filter(|&c| unsafe_char(c))
                .map(|c| format!("U+{:04X}", c as u32))
                .collect();
            assert!(found.is_empty(), "{format} {stream} carries {found:?}:\n{text}");
        }
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            stdout.contains("lawful-basis-letter-missing"),
            "{format}: the register was checked:\n{stdout}"
        );
        if format == "json" || format == "sarif" {
            let value = serde_json::from_str::<serde_json::Value>(&stdout).expect("still valid JSON");
            if format == "sarif" {
                // The unreadable file is an alert too, not only a notification.
                let results = value["runs"][0]["results"]
                    .as_array()
                    .cloned()
                    .unwrap_or_default();
                assert!(results.iter().any(|r| r["ruleId"] == "load-error"), "{stdout}");
            }
        }
    }
}
