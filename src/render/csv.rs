//! Writes a [`Table`] as CSV (RFC 4180, with the `csv` crate), one row per record, for
//! spreadsheets and open-data portals.

use super::document::Table;
use crate::sanitize::sanitize;

/// The table as CSV: a header row, then one row per record; a cell's values are joined by
/// `"; "`. Every cell is quoted.
///
/// Text a spreadsheet would run as a formula gets a leading `'`, as OWASP advises for CSV
/// injection: a label in a register must not become a formula on the computer of whoever opens
/// the published file. That is text starting with `=`, `+`, `-` or `@` (or their full-width
/// forms), after any spaces, at the start of a cell *and after every `;` and `,`*: a
/// spreadsheet set to another separator (Dutch Excel splits on `;`) may split a cell there.
pub fn to_csv(table: &Table) -> String {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .quote_style(csv::QuoteStyle::Always)
        .from_writer(Vec::new());
    let mut write = |cells: Vec<String>| writer.write_record(cells.iter().map(|cell| defuse(cell)));
    let mut result = write(table.header.clone());
    for row in &table.rows {
        if result.is_err() {
            break;
        }
        let cells = row
            .iter()
            .map(|values| {
                values
                    .iter()
                    .map(|value| value.to_plain())
                    .collect::<Vec<_>>()
                    .join("; ")
            })
            .collect();
        result = write(cells);
    }
    // Writing to memory cannot fail; an error would come from the crate's own invariants.
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

/// The cell's text with controls neutralised and line breaks kept as spaces, made inert for
/// spreadsheets (see [`to_csv`]).
fn defuse(cell: &str) -> String {
    let clean = sanitize(cell).replace(['\n', '\r', '\t'], " ");
    let mut out = String::with_capacity(clean.len() + 2);
    let mut field_start = true;
    for c in clean.chars() {
        if field_start && !c.is_whitespace() {
            if matches!(
                c,
                '=' | '+' | '-' | '@' | '\u{FF1D}' | '\u{FF0B}' | '\u{FF0D}' | '\u{FF20}'
            ) {
                out.push('\'');
            }
            field_start = false;
        }
        out.push(c);
        if matches!(c, ';' | ',') {
            field_start = true;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::document::Text;

    #[test]
    fn formulas_and_quotes_are_made_inert() {
        let table = Table {
            caption: "t".into(),
            header: vec!["a".into(), "b".into()],
            rows: vec![vec![
                vec![Text::plain("=HYPERLINK(\"x\")")],
                vec![Text::plain("x, y"), Text::plain("z")],
            ]],
        };
        assert_eq!(
            to_csv(&table),
            "\"a\",\"b\"\r\n\"'=HYPERLINK(\"\"x\"\")\",\"x, y; z\"\r\n"
        );
    }

    #[test]
    fn a_formula_after_a_separator_or_spaces_is_made_inert() {
        let cell = |text: &str| {
            let table = Table {
                caption: "t".into(),
                header: vec!["a".into()],
                rows: vec![vec![vec![Text::plain(text)]]],
            };
            let csv = to_csv(&table);
            csv.strip_prefix("\"a\"\r\n\"")
                .and_then(|rest| rest.strip_suffix("\"\r\n"))
                .map(str::to_owned)
                .unwrap_or(csv)
        };
        assert_eq!(
            cell("Naam;=1+1;@SUM(1+1)*cmd|' /C calc'!A0"),
            "Naam;'=1+1;'@SUM(1+1)*cmd|' /C calc'!A0"
        );
        assert_eq!(cell("a, +b; -c"), "a, '+b; '-c");
        assert_eq!(cell("  =1+1"), "  '=1+1");
        assert_eq!(cell("\u{a0}=1+1"), "\u{a0}'=1+1");
        assert_eq!(cell("\u{FF1D}1+1"), "'\u{FF1D}1+1");
        assert_eq!(cell("\t=1+1"), " '=1+1");
        // The compliant twin: ordinary text, hyphens and e-mail addresses inside words.
        assert_eq!(
            cell("Burgerzaken; e-mail fg@gemeente.nl, 7 jaar"),
            "Burgerzaken; e-mail fg@gemeente.nl, 7 jaar"
        );
    }
}
