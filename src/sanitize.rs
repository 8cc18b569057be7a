//! Neutralising text from input files before it reaches a terminal or a log.

use std::borrow::Cow;

/// Replaces characters that could drive a terminal or disguise text: C0 and C1 control
/// characters (except line feed and tab), DEL, Unicode bidirectional overrides ("Trojan
/// Source") and characters that show nothing (zero-width space, word joiner, byte order mark, tag
/// characters and the like). Each is replaced by a visible character of the *same UTF-8 length*, so byte spans
/// computed on the original text stay valid on the sanitised one.
pub fn sanitize(text: &str) -> Cow<'_, str> {
    if !unsafe_chars(text).any(|unsafe_char| unsafe_char) {
        return Cow::Borrowed(text);
    }
    let mut clean = String::with_capacity(text.len());
    for (c, unsafe_char) in text.chars().zip(unsafe_chars(text)) {
        match (unsafe_char, c.len_utf8()) {
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

/// For each character of `text`, whether [`sanitize`] replaces it: [`is_unsafe`], except that an
/// emoji presentation selector (U+FE0E, U+FE0F) right after a character that shows is kept — it
/// asks for `⚠️` rather than `⚠` and hides nothing; alone, or after another selector, it is
/// replaced.
fn unsafe_chars(text: &str) -> impl Iterator<Item = bool> + '_ {
    let mut shown_before = false;
    text.chars().map(move |c| {
        let replaced = match c {
            '\u{FE0E}' | '\u{FE0F}' => !shown_before,
            _ => is_unsafe(c),
        };
        shown_before = !replaced && !c.is_whitespace() && !matches!(c, '\u{FE0E}' | '\u{FE0F}');
        replaced
    })
}

/// Whether [`sanitize`] replaces `c` wherever it stands.
pub(crate) fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
        || is_invisible(c)
}

/// Characters that show nothing, or only blank space, and so can hide text or make a name
/// look like another: zero-width space, word joiner and invisible operators, byte order mark,
/// line and paragraph separators, Mongolian vowel separator and free variation selectors,
/// combining grapheme joiner, Hangul fillers, deprecated format characters, interlinear
/// annotation marks, variation selectors, musical and shorthand format controls, the Braille
/// blank, Khmer inherent vowels and tag characters. (Zero-width joiner and non-joiner, and the
/// soft hyphen, are kept: scripts, emoji and Dutch text copied from a word processor use them.)
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
            | '\u{206A}'..='\u{206F}'
            | '\u{FFF9}'..='\u{FFFB}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{17B4}'
            | '\u{17B5}'
            | '\u{180B}'..='\u{180F}'
            | '\u{2800}'
            | '\u{1D173}'..='\u{1D17A}'
            | '\u{1BCA0}'..='\u{1BCA3}'
            | '\u{E0000}'..='\u{E007F}'
            | '\u{E0100}'..='\u{E01EF}'
    )
}

/// Escapes text for Markdown: characters that start emphasis, code, links, HTML, tables,
/// entities, math or GitHub's bare-URL links are backslash-escaped; line breaks become spaces; controls and bidirectional
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
        // GitHub turns a bare `https://…` or `www.…` into a link (its autolink extension):
        // escaping the `:` of `://` and the `.` of `www.` keeps them text. (Its e-mail
        // autolinks cannot be broken by escapes; they link to the address they show.) `$`
        // starts GitHub's math, which can hold links of its own.
        let starts_autolink = (c == ':' && chars.clone().take(2).eq(['/', '/']))
            || (c == '.'
                && out.len() >= 3
                && out
                    .get(out.len() - 3..)
                    .is_some_and(|w| w.eq_ignore_ascii_case("www")));
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&' | '!' | '$'
        ) || block_marker
            || starts_autolink
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

/// `text` with no GitHub workflow command a runner would act on: the older prefix `##[`, which a
/// runner reads anywhere in a line, and a line that starts with `::` (after spaces), such as a
/// file named `::add-mask::x.yaml`, are broken by a `?` in place of a `#` or `:` (the same
/// length, so marks into quoted source lines stay put).
pub(crate) fn break_workflow_commands(text: &str) -> String {
    let text = break_legacy_workflow_commands(text);
    if !text.contains("::") {
        return text;
    }
    text.split_inclusive('\n')
        .map(|line| {
            let indent = line.len() - line.trim_start().len();
            match (
                line.get(..indent),
                line.get(indent..).and_then(|l| l.strip_prefix("::")),
            ) {
                (Some(spaces), Some(rest)) => format!("{spaces}:?{rest}"),
                _ => line.to_owned(),
            }
        })
        .collect()
}

/// `text` with GitHub's older workflow-command prefix `##[`, which a runner reads anywhere in a
/// line, broken (for output whose own lines are workflow commands, as `--format github`'s are).
pub(crate) fn break_legacy_workflow_commands(text: &str) -> String {
    text.replace("##[", "#?[")
}

/// Text from an input for one line of a terminal or CI log: [`sanitize`]d, with line breaks
/// shown as `\n` and no workflow command a CI runner would act on.
pub fn sanitize_line(text: &str) -> String {
    break_workflow_commands(&sanitize(text).replace('\n', "\\n"))
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

    #[test]
    fn workflow_commands_are_broken_and_lines_kept_whole() {
        assert_eq!(
            break_workflow_commands("a::b\n  ::add-mask::x\n##[error]y ##[z]"),
            "a::b\n  :?add-mask::x\n#?[error]y #?[z]"
        );
        assert_eq!(sanitize_line("x\n::error::y"), "x\\n::error::y");
        assert_eq!(sanitize_line("::error::y"), ":?error::y");
        assert_eq!(sanitize("a\u{fe0f}\u{e0100}b"), "a\u{fe0f}\u{FFFD}?b");
        // A presentation selector after what it presents is kept; alone or doubled it is not.
        assert_eq!(sanitize("Let op \u{26a0}\u{fe0f}"), "Let op \u{26a0}\u{fe0f}");
        assert_eq!(
            sanitize(" \u{fe0f}x\u{fe0f}\u{fe0f}"),
            " \u{FFFD}x\u{fe0f}\u{FFFD}"
        );
    }

    #[test]
    fn bare_urls_and_math_do_not_become_links_on_github() {
        assert_eq!(
            markdown_text("zie https://evil.example/x en WWW.evil.example", false),
            "zie https\\://evil.example/x en WWW\\.evil.example"
        );
        assert_eq!(markdown_text("$\\href{x}{y}$", false), "\\$\\\\href{x}{y}\\$");
        // The twins: a colon, `www` and a full stop in ordinary text stay as they are.
        assert_eq!(
            markdown_text("Doel: wwwinkel. Termijn: 7 jaar", false),
            "Doel: wwwinkel. Termijn: 7 jaar"
        );
    }

    proptest! {
        #[test]
        fn byte_length_is_kept_and_no_control_remains(text in ".*") {
            let clean = sanitize(&text);
            prop_assert_eq!(clean.len(), text.len());
            prop_assert!(!unsafe_chars(&clean).any(|unsafe_char| unsafe_char));
        }
    }
}
