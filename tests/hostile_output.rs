//! Hostile text never reaches any output raw: the same register and file names, full of C1
//! controls, DEL and bidirectional overrides, are checked in every output format, and no unsafe
//! character may come out (issue: "one sanitising policy, applied at every output boundary").
#![cfg(feature = "cli")]

use std::path::PathBuf;
use std::process::Command;

/// Characters that drive terminals or disguise text (C1 CSI, DEL, RLO, LRI, PDI, RLM, ALM, ESC,
/// zero-width space, byte order mark, a tag character, variation selectors, a deprecated format
/// character).
const HOSTILE: &[char] = &[
    '\u{9b}',
    '\u{7f}',
    '\u{202e}',
    '\u{2066}',
    '\u{2069}',
    '\u{200f}',
    '\u{61c}',
    '\u{1b}',
    '\u{200b}',
    '\u{feff}',
    '\u{e0041}',
    '\u{fe0f}',
    '\u{e0100}',
    '\u{206a}',
];

fn unsafe_char(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
        || matches!(
            c,
            '\u{200B}' | '\u{FEFF}' | '\u{E0000}'..='\u{E007F}' | '\u{FE0F}' | '\u{E0100}' | '\u{206A}'
        )
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
            .replace('\u{200b}', "\\u200b")
            .replace('\u{feff}', "\\ufeff")
            .replace('\u{e0041}', "\\U000e0041")
            .replace('\u{fe0f}', "\\ufe0f")
            .replace('\u{e0100}', "\\U000e0100")
            .replace('\u{206a}', "\\u206a")
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
            // Decoded, too: an escaped `\u001b` is the raw character again to whoever reads it.
            let decoded = decoded_strings(&value);
            let found: Vec<&String> = decoded.iter().filter(|t| t.chars().any(unsafe_char)).collect();
            assert!(found.is_empty(), "{format} decodes to {found:?}");
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

/// Every string and key in a JSON value.
fn decoded_strings(value: &serde_json::Value) -> Vec<String> {
    match value {
        serde_json::Value::String(text) => vec![text.clone()],
        serde_json::Value::Array(items) => items.iter().flat_map(decoded_strings).collect(),
        serde_json::Value::Object(map) => map
            .iter()
            .flat_map(|(key, item)| std::iter::once(key.clone()).chain(decoded_strings(item)))
            .collect(),
        _ => Vec::new(),
    }
}

/// A file name or label with a line break cannot start a line a CI runner reads as a workflow
/// command (`::add-mask::`, `::error::`), nor carry the older `##[` form, in the human output
/// that CI logs show.
#[cfg(unix)]
#[test]
fn human_output_carries_no_workflow_command() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("hostile_commands");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    let register = "controller:\n  name: Gemeente\n  public_authority: true\n  contact: { email: a@b.nl }\n  dpo: { contact: { email: fg@b.nl } }\nactivities:\n  - id: a\n    name: \"A\\n::add-mask::Gemeente\"\n    lawful_bases: [{ legal_provision: \"Wet\\n::error title=ropa::All checks passed ##[error]x\" }]\n    cookies: [{ name: \"c\\n  ::error::ok ##[add-mask]y\", class: tracking_and_marketing, consent: not_asked }]\n";
    std::fs::write(
        dir.join("reg\n::error title=ropa::All checks passed\nister.yaml"),
        register,
    )
    .expect("write");
    // A file whose name starts a line of the human output (the per-file summary) as a command.
    std::fs::write(dir.join("::add-mask::second.yaml"), register).expect("write");
    for format in ["human", "github"] {
        let out = Command::new(env!("CARGO_BIN_EXE_ropa"))
            .args(["check", "--no-config", "--format", format])
            .arg(&dir)
            .output()
            .expect("ropa runs");
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            stdout.contains("lawful-basis-letter-missing"),
            "{format}: checked:\n{stdout}"
        );
        for line in stdout.lines() {
            let line = line.trim_start();
            let ours = format == "github"
                && (line.starts_with("::error ")
                    || line.starts_with("::warning ")
                    || line.starts_with("::notice "));
            assert!(
                ours || !line.starts_with("::"),
                "{format}: a workflow command: {line}\n{stdout}"
            );
            assert!(
                !line.contains("##["),
                "{format}: an older workflow command: {line}"
            );
        }
    }
}

/// Register text in the Markdown summary (`$GITHUB_STEP_SUMMARY`) stays text: no code span it
/// closes, no HTML, heading, image or link of its own.
#[test]
fn markdown_summary_keeps_register_text_as_text() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("hostile_markdown");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    let register = "controller:\n  name: Gemeente\n  public_authority: true\n  contact: { email: a@b.nl }\n  dpo: { contact: { email: fg@b.nl } }\nactivities:\n  - id: a\n    name: A\n    lawful_bases: [{ legal_provision: \"x` </td></tr></table>\\n\\n# all checks passed\\n\\n![ok](https://evil.example/b.svg) [x](https://evil.example) `y\" }]\n";
    std::fs::write(dir.join("register`<b>x.yaml"), register).expect("write");
    let out = Command::new(env!("CARGO_BIN_EXE_ropa"))
        .args(["check", "--no-config", "--format", "markdown"])
        .arg(&dir)
        .output()
        .expect("ropa runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("lawful-basis-letter-missing"), "{stdout}");
    assert!(
        !stdout.contains("</td>") && !stdout.contains("<b>") && !stdout.contains("<br>"),
        "{stdout}"
    );
    assert!(!stdout.contains("[ok](") && !stdout.contains("[x]("), "{stdout}");
    for line in stdout.lines() {
        assert!(!line.starts_with("# "), "a heading of the register's: {line}");
    }
}
