//! Writes a [`Document`] as CommonMark with GitHub's tables. Every piece of the register's text
//! is escaped, so a label cannot add a heading, a link, an image or HTML to the page.

use std::fmt::Write as _;

use super::document::{Block, Document, Fact, Span, Table, Text, safe_url};
use crate::sanitize::markdown_text;

/// The document as Markdown.
pub fn to_markdown(document: &Document) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", escape(&document.title));
    for block in &document.blocks {
        match block {
            Block::Heading { level, text, .. } => {
                let hashes = "#".repeat(usize::from((*level).clamp(2, 6)));
                let _ = writeln!(out, "{hashes} {}\n", escape(text));
            }
            Block::Contents { title } => {
                let _ = writeln!(out, "**{}**\n", escape(title));
                for (text, target) in headings(document) {
                    let _ = writeln!(out, "- [{}](#{target})", escape(text));
                }
                out.push('\n');
            }
            Block::Paragraph(text) => {
                let _ = writeln!(out, "{}\n", inline(text));
            }
            Block::List(items) => {
                for item in items {
                    let _ = writeln!(out, "- {}", inline(item));
                }
                out.push('\n');
            }
            Block::Facts(facts) => {
                for fact in facts {
                    facts_item(&mut out, fact);
                }
                out.push('\n');
            }
            Block::Table(table) => write_table(&mut out, table),
            // A future block kind the Markdown writer does not know yet.
            #[allow(unreachable_patterns)]
            _ => {}
        }
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// The level-2 headings and their anchors, for a table of contents.
pub(crate) fn headings(document: &Document) -> impl Iterator<Item = (&str, &str)> {
    document.blocks.iter().filter_map(|block| match block {
        Block::Heading {
            level: 2,
            text,
            anchor,
        } => Some((text.as_str(), anchor.as_str())),
        _ => None,
    })
}

fn facts_item(out: &mut String, fact: &Fact) {
    match fact.values.as_slice() {
        [one] => {
            let _ = writeln!(out, "- **{}** {}", term(&fact.term), inline(one));
        }
        values => {
            let _ = writeln!(out, "- **{}**", term(&fact.term));
            for value in values {
                let _ = writeln!(out, "  - {}", inline(value));
            }
        }
    }
}

/// A term with a colon, unless it is a question ("Moet u de gegevens geven?").
fn term(text: &str) -> String {
    let escaped = markdown_text(text, false);
    if text.ends_with(['?', ':']) {
        escaped
    } else {
        format!("{escaped}:")
    }
}

fn write_table(out: &mut String, table: &Table) {
    let _ = writeln!(out, "**{}**\n", escape(&table.caption));
    let header: Vec<String> = table.header.iter().map(|h| escape(h)).collect();
    let _ = writeln!(out, "| {} |", header.join(" | "));
    let _ = writeln!(out, "|{}", " --- |".repeat(table.header.len()));
    for row in &table.rows {
        let cells: Vec<String> = row
            .iter()
            .map(|values| values.iter().map(inline).collect::<Vec<_>>().join("<br>"))
            .collect();
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
    out.push('\n');
}

/// A run of text as Markdown.
fn inline(text: &Text) -> String {
    let mut out = String::new();
    for span in &text.0 {
        match span {
            Span::Plain(text) => out.push_str(&markdown_text(text, out.is_empty())),
            Span::Strong(text) => {
                let _ = write!(out, "**{}**", markdown_text(text, false));
            }
            Span::Gap(text) => {
                let _ = write!(out, "*⚠ {}*", markdown_text(text, false));
            }
            Span::Link { text, url } if safe_url(url) => {
                let _ = write!(out, "[{}](<{}>)", markdown_text(text, false), url.trim());
            }
            Span::Link { text, .. } => out.push_str(&markdown_text(text, out.is_empty())),
            #[allow(unreachable_patterns)]
            _ => {}
        }
    }
    out
}

/// Escapes text that starts a block.
fn escape(text: &str) -> String {
    markdown_text(text, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn register_text_cannot_add_markup() {
        assert_eq!(escape("# kop"), "\\# kop");
        assert_eq!(escape("1. item"), "1\\. item");
        assert_eq!(escape("- item"), "\\- item");
        assert_eq!(markdown_text("a - b", false), "a - b");
        assert_eq!(escape("[x](javascript:alert(1))"), "\\[x\\](javascript:alert(1))");
        assert_eq!(escape("<script>&amp;"), "\\<script\\>\\&amp;");
        assert_eq!(escape("a|b\nc"), "a\\|b c");
        assert_eq!(escape("*_`~!"), "\\*\\_\\`\\~\\!");
        assert_eq!(escape("a\u{202E}b"), "a\u{FFFD}b");
    }
}
