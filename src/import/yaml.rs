//! Writing an imported register as YAML: a header naming the source, then the register in the
//! model's order (controller, catalogues, activities), one activity per block.
//!
//! A cell's text is the organisation's and is kept as written, hidden characters included (the
//! import notes each one). It is not *written* raw: a bidirectional control or an invisible
//! character in a YAML file makes the file read differently from what it holds in an editor and
//! in a pull request's diff ("Trojan Source"), so every scalar that holds one is written
//! double-quoted, with the character as an escape (`\u202E`) that reads back as the same text.

use saphyr_parser::{Event, Parser, ScalarStyle};
use serde_saphyr::SerializerOptions;

use super::{Import, ImportError};
use crate::sanitize::{is_unsafe, sanitize};

/// The imported register as YAML that `ropa check` reads back; no hidden character is written
/// raw (see the module's documentation).
pub fn to_yaml(import: &Import) -> Result<String, ImportError> {
    let body = register_yaml(import)?;
    let mut out = String::with_capacity(body.len() + 512);
    out.push_str(&format!(
        "# Register imported by ropa from {}: {} activities.\n\
         # {} of {} cells were read as typed fields; the other {} are kept in the organisation's words\n\
         # (a lawful basis's `wording`, or an activity's `unclassified`), and `ropa check` lists them.\n\
         # `controller.public_authority` is an assumption of the import: check it.\n",
        one_line(&import.source),
        import.register.activities.len(),
        import.stats.typed,
        import.stats.cells,
        import.stats.kept_as_text,
    ));
    let mut in_activities = false;
    for line in body.lines() {
        let top_level = !line.starts_with(' ') && !line.starts_with('-') && !line.is_empty();
        if top_level {
            out.push('\n');
            in_activities = line.starts_with("activities:");
        } else if in_activities && line.starts_with("- ") {
            out.push('\n');
        }
        out.push_str(line);
        out.push('\n');
    }
    Ok(out)
}

/// The register as YAML, with every scalar that holds a hidden character double-quoted and the
/// character escaped.
fn register_yaml(import: &Import) -> Result<String, ImportError> {
    let internal = |message: String| ImportError::Internal { message };
    let write = |options: SerializerOptions| {
        serde_saphyr::to_string_with_options(&import.register, options)
            .map_err(|e| internal(format!("cannot write the register as YAML: {e}")))
    };
    let yaml = write(SerializerOptions::default())?;
    if !yaml.chars().any(is_unsafe) {
        return Ok(yaml);
    }
    let yaml = write(one_line_scalars())?;
    escape_hidden_characters(&yaml).map_err(internal)
}

/// Options that write every scalar on one line: a block scalar (`|`, `>`) has no escapes, so a
/// register with a hidden character is written without them, and the scalar that holds one can
/// be rewritten in place ([`escape_hidden_characters`]).
fn one_line_scalars() -> SerializerOptions {
    let mut options = SerializerOptions::default();
    options.prefer_block_scalars = false;
    options
}

/// `yaml` with each scalar that holds a hidden character ([`is_unsafe`]) rewritten as a
/// double-quoted scalar of the same value, the character escaped. Every scalar must be on one
/// line (no block scalars).
fn escape_hidden_characters(yaml: &str) -> Result<String, String> {
    let mut out = String::with_capacity(yaml.len() + 64);
    // The parser counts characters; `chars` walks the text once, in step with the events.
    let mut chars = yaml.char_indices().enumerate().peekable();
    let mut byte_at = |char_index: usize| {
        while let Some(&(i, (byte, _))) = chars.peek() {
            if i == char_index {
                return byte;
            }
            chars.next();
        }
        yaml.len()
    };
    let mut copied = 0;
    for item in Parser::new_from_str(yaml) {
        let (event, span) = item.map_err(|e| format!("the written YAML does not read back: {e}"))?;
        let Event::Scalar(value, style, ..) = event else {
            continue;
        };
        if !value.chars().any(is_unsafe) {
            continue;
        }
        if matches!(style, ScalarStyle::Literal | ScalarStyle::Folded) {
            return Err("a block scalar holds a hidden character".to_owned());
        }
        let (start, end) = (byte_at(span.start.index()), byte_at(span.end.index()));
        let (Some(before), Some(written)) = (yaml.get(copied..start), yaml.get(start..end)) else {
            return Err("a scalar's place in the written YAML is out of order".to_owned());
        };
        if written.contains('\n') {
            return Err("a scalar that holds a hidden character spans lines".to_owned());
        }
        out.push_str(before);
        double_quoted(&value, &mut out);
        copied = end;
    }
    out.push_str(yaml.get(copied..).unwrap_or_default());
    Ok(out)
}

/// Writes `value` as a YAML double-quoted scalar, escaping what cannot stand raw in it and every
/// hidden character.
fn double_quoted(value: &str, out: &mut String) {
    out.push('"');
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if is_unsafe(c) => match u32::from(c) {
                code @ ..=0xFFFF => out.push_str(&format!("\\u{code:04X}")),
                code => out.push_str(&format!("\\U{code:08X}")),
            },
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Text for a comment line: control characters and line breaks cannot end the comment, and no
/// hidden character is written.
fn one_line(text: &str) -> String {
    sanitize(text)
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The YAML `saphyr-parser` reads `yaml` as: each scalar's value, in order.
    fn scalars(yaml: &str) -> Vec<String> {
        Parser::new_from_str(yaml)
            .filter_map(|item| match item {
                Ok((Event::Scalar(value, ..), _)) => Some(value.into_owned()),
                _ => None,
            })
            .collect()
    }

    #[derive(serde::Serialize)]
    struct Sample {
        name: String,
        labels: Vec<String>,
        remarks: std::collections::BTreeMap<String, String>,
    }

    fn written(sample: &Sample) -> String {
        let yaml = serde_saphyr::to_string_with_options(sample, one_line_scalars()).unwrap_or_default();
        escape_hidden_characters(&yaml).unwrap_or_else(|e| panic!("{e}: {yaml}"))
    }

    #[test]
    fn hidden_characters_are_escaped_and_read_back_as_written() {
        let sample = Sample {
            name: "Parkeer\u{202E}vergunning".to_owned(),
            labels: vec![
                "it's \u{200B}quoted".to_owned(),
                "\"q\" \u{2066}x\u{2069}".to_owned(),
                "- looks like a list\u{200F}".to_owned(),
                "line one\nline two \u{E0041}".to_owned(),
                "plain".to_owned(),
            ],
            remarks: [("Kolom\u{202D}".to_owned(), "a\tb\u{FEFF}".to_owned())].into(),
        };
        let yaml = written(&sample);
        assert!(!yaml.chars().any(is_unsafe), "{yaml}");
        assert!(yaml.contains(r#"name: "Parkeer\u202Evergunning""#), "{yaml}");
        assert!(yaml.contains(r"\U000E0041"), "{yaml}");
        assert!(
            yaml.contains("- plain\n"),
            "untouched scalars stay as written: {yaml}"
        );
        let mut expected = vec!["name".to_owned(), sample.name.clone(), "labels".to_owned()];
        expected.extend(sample.labels.iter().cloned());
        expected.push("remarks".to_owned());
        expected.extend(sample.remarks.iter().flat_map(|(k, v)| [k.clone(), v.clone()]));
        assert_eq!(scalars(&yaml), expected);
    }

    #[test]
    fn the_header_names_the_source_without_hidden_characters() {
        assert_eq!(one_line("reg\u{202E}ister.xlsx\nx"), "reg\u{FFFD}ister.xlsx x");
    }

    proptest! {
        /// Whatever the text, the written YAML holds no hidden character and reads back as the
        /// same text.
        #[test]
        fn any_text_reads_back_as_written(texts in proptest::collection::vec(
            "[a-z '\"\\-:#\u{202A}-\u{202E}\u{2066}-\u{2069}\u{200B}\u{200F}\u{FEFF}\u{E0020}\t\n]{0,12}",
            1..4,
        )) {
            let sample = Sample {
                name: texts[0].clone(),
                labels: texts.clone(),
                remarks: Default::default(),
            };
            let yaml = written(&sample);
            prop_assert!(!yaml.chars().any(is_unsafe), "{}", yaml);
            let mut expected = vec!["name".to_owned(), sample.name.clone(), "labels".to_owned()];
            expected.extend(texts.iter().cloned());
            expected.push("remarks".to_owned());
            prop_assert_eq!(scalars(&yaml), expected);
        }
    }
}
