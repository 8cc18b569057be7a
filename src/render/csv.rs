//! Writes a [`Table`] as CSV (RFC 4180, with the `csv` crate), one row per record, for
//! spreadsheets and open-data portals.

use super::document::Table;
use crate::sanitize::sanitize;

/// The table as CSV: a header row, then one row per record; a cell's values are joined by
/// `"; "`.
///
/// A cell that a spreadsheet would run as a formula (it starts with `=`, `+`, `-`, `@`, a tab or
/// a carriage return) gets a leading `'`, as OWASP advises for CSV injection: a label in a
/// register must not become a formula on the computer of whoever opens the published file.
pub fn to_csv(table: &Table) -> String {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
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
/// spreadsheets.
fn defuse(cell: &str) -> String {
    let clean = sanitize(cell).replace(['\n', '\r', '\t'], " ");
    if clean.starts_with(['=', '+', '-', '@']) {
        format!("'{clean}")
    } else {
        clean
    }
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
            "a,b\r\n\"'=HYPERLINK(\"\"x\"\")\",\"x, y; z\"\r\n"
        );
    }
}
