//! Hints in the syntax of the file they are about. Rules write the snippets in their hints as
//! YAML (`recipients: none`, `{ standard: bio, version: "1.04" }`); a finding in a JSON or TOML
//! file shows them in JSON or TOML, so what the hint says can be typed as it stands.

use std::borrow::Cow;

use crate::source::{Document, Format, Limits, Node, Value};

/// `hint` with each backticked YAML snippet that holds a mapping or a list rewritten for
/// `format`. Field names, ids and values in backticks are left alone, as is any snippet that
/// does not read as YAML or has no equivalent (TOML has no null).
pub(crate) fn in_format(hint: &str, format: Format) -> Cow<'_, str> {
    if format == Format::Yaml || !hint.contains('`') {
        return Cow::Borrowed(hint);
    }
    let mut out = String::with_capacity(hint.len() + 16);
    let mut changed = false;
    let mut rest = hint;
    // The hint may quote the input; slicing goes through `split_once`, never an index.
    while let Some((before, after)) = rest.split_once('`') {
        let Some((snippet, next)) = after.split_once('`') else {
            break;
        };
        out.push_str(before);
        out.push('`');
        match rewrite(snippet, format) {
            Some(rewritten) => {
                out.push_str(&rewritten);
                changed = true;
            }
            None => out.push_str(snippet),
        }
        out.push('`');
        rest = next;
    }
    out.push_str(rest);
    if changed {
        Cow::Owned(out)
    } else {
        Cow::Borrowed(hint)
    }
}

/// The snippet in `format`, when it is YAML structure (a `key: value` pair, a flow mapping or a
/// flow list) that can be written there.
fn rewrite(snippet: &str, format: Format) -> Option<String> {
    if !snippet.contains([':', '{', '[']) {
        return None;
    }
    let document = Document::parse("hint", snippet, Format::Yaml, Limits::default()).ok()?;
    let root = document.root();
    let braced = snippet.trim_start().starts_with(['{', '[']);
    match (&root.value, braced) {
        // `key: value` without braces is a field as it is written in a file.
        (Value::Mapping(entries), false) => {
            let fields: Option<Vec<String>> = entries
                .iter()
                .map(|e| Some(field(&e.key, &value(&e.value, format)?, format)))
                .collect();
            Some(fields?.join(if format == Format::Json { ", " } else { "\n" }))
        }
        (Value::Mapping(_) | Value::Sequence(_), true) => value(root, format),
        _ => None,
    }
}

/// A field. A dotted key (`statement.transfers`) names a nested field: TOML writes it as a
/// dotted key, JSON as nested objects.
fn field(key: &str, value: &str, format: Format) -> String {
    let segments: Vec<&str> = key.split('.').collect();
    let dotted = segments.len() > 1 && segments.iter().all(|s| bare(s));
    match format {
        Format::Json if dotted => {
            let (last, outer) = segments.split_last().unwrap_or((&key, &[]));
            let mut text = format!("{}: {value}", quoted(last));
            for segment in outer.iter().rev() {
                text = format!("{}: {{{text}}}", quoted(segment));
            }
            text
        }
        Format::Json => format!("{}: {value}", quoted(key)),
        _ if dotted => format!("{key} = {value}"),
        _ => format!("{} = {value}", toml_key(key)),
    }
}

/// Whether a key can be written bare in TOML.
fn bare(key: &str) -> bool {
    !key.is_empty()
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

fn value(node: &Node, format: Format) -> Option<String> {
    Some(match &node.value {
        Value::Null if format == Format::Json => "null".to_owned(),
        Value::Null => return None,
        Value::Bool(b) => b.to_string(),
        Value::Integer(i) => i.to_string(),
        Value::Float(x) => x.to_string(),
        Value::String(s) => quoted(s),
        Value::Sequence(items) => {
            let items: Option<Vec<String>> = items.iter().map(|i| value(i, format)).collect();
            format!("[{}]", items?.join(", "))
        }
        Value::Mapping(entries) => {
            let fields: Option<Vec<String>> = entries
                .iter()
                .map(|e| Some(field(&e.key, &value(&e.value, format)?, format)))
                .collect();
            let fields = fields?;
            match (format, fields.is_empty()) {
                (_, true) => "{}".to_owned(),
                (Format::Json, false) => format!("{{{}}}", fields.join(", ")),
                (_, false) => format!("{{ {} }}", fields.join(", ")),
            }
        }
    })
}

/// A JSON (and TOML basic) string literal.
fn quoted(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| format!("\"{text}\""))
}

/// A TOML key: bare when it can be, quoted otherwise.
fn toml_key(key: &str) -> String {
    if bare(key) { key.to_owned() } else { quoted(key) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_snippets_are_rewritten_for_json_and_toml() {
        let hint = "add `security_baseline: { standard: bio, version: \"1.04\" }` to `statement`, or write `recipients: none`";
        assert_eq!(
            in_format(hint, Format::Json),
            "add `\"security_baseline\": {\"standard\": \"bio\", \"version\": \"1.04\"}` to `statement`, or write `\"recipients\": \"none\"`"
        );
        assert_eq!(
            in_format(hint, Format::Toml),
            "add `security_baseline = { standard = \"bio\", version = \"1.04\" }` to `statement`, or write `recipients = \"none\"`"
        );
        assert_eq!(in_format(hint, Format::Yaml), hint);
    }

    #[test]
    fn lists_booleans_and_plain_words() {
        assert_eq!(
            in_format("write `data_sources: [{ kind: data_subject }]`", Format::Json),
            "write `\"data_sources\": [{\"kind\": \"data_subject\"}]`"
        );
        assert_eq!(
            in_format("record `large_scale: false`", Format::Toml),
            "record `large_scale = false`"
        );
        // Field names, ids, values and unreadable snippets stay as written.
        for plain in [
            "list them under `recipients`",
            "use `public_task`",
            "`a: [b`",
            "P5Y",
        ] {
            assert_eq!(in_format(plain, Format::Json), plain);
        }
        // A dotted key is a nested field.
        assert_eq!(
            in_format("set `statement.transfers: declared`", Format::Json),
            "set `\"statement\": {\"transfers\": \"declared\"}`"
        );
        assert_eq!(
            in_format(
                "set `statement.complaints.supervisory_authority: true`",
                Format::Toml
            ),
            "set `statement.complaints.supervisory_authority = true`"
        );
        // TOML has no null: such a snippet stays YAML.
        assert_eq!(in_format("`consent: ~`", Format::Toml), "`consent: ~`");
    }
}
