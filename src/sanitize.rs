//! Neutralising text from input files before it reaches a terminal or a log.

use std::borrow::Cow;

/// Replaces characters that could drive a terminal or disguise text: C0 and C1 control
/// characters (except line feed and tab), DEL, Unicode bidirectional overrides ("Trojan
/// Source") and characters that show nothing (zero-width space, word joiner, byte order mark, tag
/// characters and the like). Each is replaced by a visible character of the *same UTF-8 length*, so byte spans
/// computed on the original text stay valid on the sanitised one.
pub fn sanitize(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut clean = String::with_capacity(text.len());
    for c in text.chars() {
        match (is_unsafe(c), c.len_utf8()) {
            (false, _) => clean.push(c),
            (true, 1) => clean.push('?'),
            (true, 2) => clean.push('¿'),
            (true, 3) => clean.push('\u{FFFD}'),
            // A tag character (four bytes): the replacement character and a question mark.
            (true, _) => clean.push_str("\u{FFFD}?"),
        }
    }
    Cow::Owned(clean)
}

/// Whether [`sanitize`] replaces `c`.
pub(crate) fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
        || is_invisible(c)
}

/// Characters that show nothing, or only blank space, and so can hide text or make a name
/// look like another: zero-width space, word joiner and invisible operators, byte order mark,
/// line and paragraph separators, Mongolian vowel separator, combining grapheme joiner, Hangul
/// fillers and tag characters. (Zero-width joiner and non-joiner, and the soft hyphen, are kept:
/// scripts, emoji and Dutch text copied from a word processor use them.)
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'
            | '\u{2060}'..='\u{2064}'
            | '\u{FEFF}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{180E}'
            | '\u{034F}'
            | '\u{115F}'
            | '\u{1160}'
            | '\u{3164}'
            | '\u{FFA0}'
            | '\u{E0000}'..='\u{E007F}'
    )
}

/// Escapes text for Markdown: characters that start emphasis, code, links, HTML, tables or
/// entities are backslash-escaped; line breaks become spaces; controls and bidirectional
/// overrides are neutralised. At the start of a block, a character that would make a heading, a
/// list or a quote is escaped too.
pub(crate) fn markdown_text(text: &str, at_start: bool) -> String {
    let clean = sanitize(text);
    let mut out = String::with_capacity(clean.len() + 8);
    let mut start = at_start;
    let mut chars = clean.chars().peekable();
    while let Some(c) = chars.next() {
        let c = if matches!(c, '\n' | '\r' | '\t') { ' ' } else { c };
        if start && c == ' ' {
            out.push(c);
            continue;
        }
        let block_marker = start
            && (matches!(c, '#' | '-' | '+' | '=' | '>')
                || (c.is_ascii_digit() && chars.peek().is_some_and(|n| matches!(n, '.' | ')'))));
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&' | '!'
        ) || block_marker
        {
            out.push('\\');
        }
        if c.is_ascii_digit() && block_marker {
            // Escape the `.` or `)` after the number instead: `1\.` is not a list item.
            out.pop();
            out.push(c);
            if let Some(next) = chars.next() {
                out.push('\\');
                out.push(next);
            }
            start = false;
            continue;
        }
        out.push(c);
        start = false;
    }
    out
}

/// `text` with GitHub's older workflow-command prefix `##[`, which a runner reads anywhere in a
/// line, broken by a `?` in place of its second `#` (the same length, so marks into quoted
/// source lines stay put).
pub(crate) fn break_workflow_commands(text: &str) -> String {
    text.replace("##[", "#?[")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn escapes_and_bidi_overrides_are_neutralised() {
        assert_eq!(sanitize("a\u{1b}[31mb"), "a?[31mb");
        assert_eq!(sanitize("x\u{202E}y"), "x\u{FFFD}y");
        assert_eq!(sanitize("tab\tand\nline"), "tab\tand\nline");
        assert!(matches!(sanitize("plain"), Cow::Borrowed(_)));
    }

    proptest! {
        #[test]
        fn byte_length_is_kept_and_no_control_remains(text in ".*") {
            let clean = sanitize(&text);
            prop_assert_eq!(clean.len(), text.len());
            prop_assert!(!clean.chars().any(is_unsafe));
        }
    }
}
