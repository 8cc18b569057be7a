//! Writes a [`Document`] as one standalone, accessible HTML page: `lang` on the root, semantic
//! headings, `header`/`nav`/`main` landmarks, sections labelled by their headings, tables with
//! captions and header cells, and no external resources. The small style sheet is inline and
//! optional: the page reads in order without it.

use std::fmt::Write as _;

use super::document::{Block, Document, Fact, Span, Table, Text, safe_url};
use super::markdown::headings;
use crate::sanitize::sanitize;

const STYLE: &str = "body{font-family:system-ui,sans-serif;line-height:1.5;margin:0 auto;max-width:52rem;padding:1rem;color:#1a1a1a;background:#fff}\
table{border-collapse:collapse;font-size:.9rem}th,td{border:1px solid #767676;padding:.3rem .5rem;text-align:left;vertical-align:top}\
caption{text-align:left;font-weight:bold;padding:.3rem 0}.table{overflow-x:auto;max-width:100%}\
.table th,.table td{min-width:10rem}.table tbody th{position:sticky;left:0;background:#fff}\
dt{font-weight:bold;margin-top:.5rem}dd{margin-left:1.5rem}.gap{color:#8a1c00;font-style:italic}\
a{color:#0b4f9c}a:focus,.table:focus{outline:3px solid #0b4f9c}";

/// The document as a standalone HTML page.
pub fn to_html(document: &Document) -> String {
    let mut out = String::new();
    let lang: &str = document.language.into();
    let title = escape(&document.title);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\" />\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n\
         <title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n\
         <header>\n<h1>{title}</h1>\n</header>\n<main>\n"
    );
    let mut in_section = false;
    let mut tables = 0usize;
    for block in &document.blocks {
        match block {
            Block::Heading { level, anchor, text } => {
                let anchor = escape(anchor);
                if *level <= 2 {
                    if in_section {
                        out.push_str("</section>\n");
                    }
                    let _ = writeln!(out, "<section aria-labelledby=\"{anchor}\">");
                    in_section = true;
                }
                let level = (*level).clamp(2, 6);
                let _ = writeln!(out, "<h{level} id=\"{anchor}\">{}</h{level}>", escape(text));
            }
            Block::Contents { title } => {
                let _ = writeln!(
                    out,
                    "<nav aria-labelledby=\"contents\">\n<h2 id=\"contents\">{}</h2>\n<ul>",
                    escape(title)
                );
                for (text, target) in headings(document) {
                    let _ = writeln!(
                        out,
                        "<li><a href=\"#{}\">{}</a></li>",
                        escape(target),
                        escape(text)
                    );
                }
                out.push_str("</ul>\n</nav>\n");
            }
            Block::Paragraph(text) => {
                let _ = writeln!(out, "<p>{}</p>", inline(text));
            }
            Block::List(items) => list(&mut out, items),
            Block::Facts(facts) => {
                out.push_str("<dl>\n");
                for fact in facts {
                    fact_item(&mut out, fact);
                }
                out.push_str("</dl>\n");
            }
            Block::Table(table) => {
                tables += 1;
                write_table(&mut out, table, tables);
            }
            #[allow(unreachable_patterns)]
            _ => {}
        }
    }
    if in_section {
        out.push_str("</section>\n");
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

fn list(out: &mut String, items: &[Text]) {
    out.push_str("<ul>\n");
    for item in items {
        let _ = writeln!(out, "<li>{}</li>", inline(item));
    }
    out.push_str("</ul>\n");
}

fn fact_item(out: &mut String, fact: &Fact) {
    let _ = writeln!(out, "<dt>{}</dt>", escape(&fact.term));
    match fact.values.as_slice() {
        [one] => {
            let _ = writeln!(out, "<dd>{}</dd>", inline(one));
        }
        values => {
            out.push_str("<dd>");
            list(out, values);
            out.push_str("</dd>\n");
        }
    }
}

fn write_table(out: &mut String, table: &Table, number: usize) {
    // A wide table scrolls inside a focusable region, so keyboard users can scroll it too.
    let _ = writeln!(
        out,
        "<div class=\"table\" role=\"region\" aria-labelledby=\"table-{number}\" tabindex=\"0\">\n<table>\n<caption id=\"table-{number}\">{}</caption>\n<thead>\n<tr>",
        escape(&table.caption)
    );
    for heading in &table.header {
        let _ = write!(out, "<th scope=\"col\">{}</th>", escape(heading));
    }
    out.push_str("</tr>\n</thead>\n<tbody>\n");
    for row in &table.rows {
        out.push_str("<tr>");
        for (column, values) in row.iter().enumerate() {
            // The first column names the row.
            let (open, close) = if column == 0 {
                ("<th scope=\"row\">", "</th>")
            } else {
                ("<td>", "</td>")
            };
            let cell: Vec<String> = values.iter().map(inline).collect();
            let _ = write!(out, "{open}{}{close}", cell.join("<br />"));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n</div>\n");
}

fn inline(text: &Text) -> String {
    let mut out = String::new();
    for span in &text.0 {
        match span {
            Span::Plain(text) => out.push_str(&escape(text)),
            Span::Strong(text) => {
                let _ = write!(out, "<strong>{}</strong>", escape(text));
            }
            Span::Gap(text) => {
                let _ = write!(out, "<em class=\"gap\">⚠ {}</em>", escape(text));
            }
            Span::Link { text, url } if safe_url(url) => {
                let _ = write!(out, "<a href=\"{}\">{}</a>", escape(url.trim()), escape(text));
            }
            Span::Link { text, .. } => out.push_str(&escape(text)),
            #[allow(unreachable_patterns)]
            _ => {}
        }
    }
    out
}

/// Escapes text for HTML content and attribute values; controls and bidirectional overrides are
/// neutralised first.
fn escape(text: &str) -> String {
    let clean = sanitize(text);
    let mut out = String::with_capacity(clean.len() + 8);
    for c in clean.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn register_text_cannot_add_markup() {
        assert_eq!(escape("<script>\"&'"), "&lt;script&gt;&quot;&amp;&#39;");
        assert_eq!(escape("a\u{2066}b"), "a\u{FFFD}b");
        let link = Text(vec![Span::Link {
            text: "x".into(),
            url: "javascript:alert(1)".into(),
        }]);
        assert_eq!(inline(&link), "x");
    }
}
