//! Neutralising text from input files before it reaches a terminal or a log.

use std::borrow::Cow;

/// Replaces characters that could drive a terminal or disguise text: C0 and C1 control
/// characters (except line feed and tab), DEL, and Unicode bidirectional overrides ("Trojan
/// Source"). Each is replaced by a visible character of the *same UTF-8 length*, so byte spans
/// computed on the original text stay valid on the sanitised one.
pub fn sanitize(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| {
                if !is_unsafe(c) {
                    c
                } else {
                    match c.len_utf8() {
                        1 => '?',
                        2 => '¿',
                        _ => '\u{FFFD}',
                    }
                }
            })
            .collect(),
    )
}

fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
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
