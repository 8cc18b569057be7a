//! Reading a sheet: CSV (comma, semicolon or tab, as Dutch spreadsheet exports vary) with the
//! `csv` crate, and XLSX, XLS and ODS workbooks with `calamine`, into rows of text with their
//! cell references.

use std::io::Read;
use std::path::Path;

use calamine::{Data, Reader};

use super::ImportError;

/// A sheet read as text: every cell's value as the spreadsheet shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// The file it came from, as given.
    pub file: String,
    /// The sheet, for a workbook.
    pub sheet: Option<String>,
    /// The rows, from the first row of the sheet; each row as many cells as it has.
    pub rows: Vec<Vec<String>>,
    /// The row and column of `rows[0][0]` in the sheet, counted from 0 (a workbook's used
    /// range may start below or right of A1).
    pub origin: (usize, usize),
}

impl Table {
    /// The reference of the cell at `row`, `column` of `rows`: `register.xlsx!Blad1!C12`, or
    /// `register.csv!C12`.
    pub fn cell_ref(&self, row: usize, column: usize) -> String {
        let name = column_name(self.origin.1 + column);
        let number = self.origin.0 + row + 1;
        match &self.sheet {
            Some(sheet) => format!("{}!{sheet}!{name}{number}", self.file),
            None => format!("{}!{name}{number}", self.file),
        }
    }
}

/// A spreadsheet column's letters: 0 is `A`, 25 `Z`, 26 `AA`.
pub fn column_name(mut index: usize) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push(b'A' + (index % 26) as u8);
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

/// The largest sheet read, in rows; a sheet past it is refused before it is classified.
pub const MAX_ROWS: usize = 200_000;

/// The largest CSV file read, in bytes.
pub const MAX_CSV_BYTES: u64 = 64 * 1024 * 1024;

/// Reads `path` by its extension: `.csv` (or `.tsv`, `.txt`) as delimited text, `.xlsx`,
/// `.xlsm`, `.xls` and `.ods` as workbooks (the first sheet unless `sheet` names one).
pub fn read_table(path: &Path, sheet: Option<&str>) -> Result<Table, ImportError> {
    let file = path.display().to_string();
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    match extension.as_str() {
        "csv" | "tsv" | "txt" => {
            let metadata = std::fs::metadata(path).map_err(|source| ImportError::Read {
                file: file.clone(),
                source,
            })?;
            if metadata.len() > MAX_CSV_BYTES {
                return Err(ImportError::TooLarge {
                    file,
                    limit: format!("{} MiB", MAX_CSV_BYTES / 1024 / 1024),
                });
            }
            let mut bytes = Vec::new();
            std::fs::File::open(path)
                .and_then(|mut f| f.read_to_end(&mut bytes))
                .map_err(|source| ImportError::Read {
                    file: file.clone(),
                    source,
                })?;
            read_csv(&file, &bytes)
        }
        "xlsx" | "xlsm" | "xlsb" | "xls" | "ods" => read_workbook(path, &file, sheet),
        _ => Err(ImportError::UnknownFormat { file, extension }),
    }
}

/// Reads delimited text. The delimiter is the one of `,`, `;` and tab that the first line
/// uses most, outside quotes; a UTF-8 byte-order mark is skipped. Text that is not UTF-8 is
/// refused: re-save the file as UTF-8.
pub fn read_csv(file: &str, bytes: &[u8]) -> Result<Table, ImportError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Err(error) = std::str::from_utf8(bytes) {
        return Err(ImportError::NotUtf8 {
            file: file.to_owned(),
            offset: error.valid_up_to(),
        });
    }
    let delimiter = sniff_delimiter(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| ImportError::Csv {
            file: file.to_owned(),
            line: e.position().map_or(0, |p| p.line()),
            message: e.to_string(),
        })?;
        if rows.len() >= MAX_ROWS {
            return Err(ImportError::TooLarge {
                file: file.to_owned(),
                limit: format!("{MAX_ROWS} rows"),
            });
        }
        rows.push(record.iter().map(str::to_owned).collect());
    }
    Ok(Table {
        file: file.to_owned(),
        sheet: None,
        rows,
        origin: (0, 0),
    })
}

fn sniff_delimiter(bytes: &[u8]) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for &b in bytes {
        match b {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => break,
            b',' if !quoted => counts[0] += 1,
            b';' if !quoted => counts[1] += 1,
            b'\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let delimiters = [b',', b';', b'\t'];
    let best = (0..3)
        .max_by_key(|&i| (counts[i], usize::from(i == 0)))
        .unwrap_or(0);
    delimiters[best]
}

fn read_workbook(path: &Path, file: &str, sheet: Option<&str>) -> Result<Table, ImportError> {
    // A missing or unreadable file is said plainly, before the workbook reader words it.
    std::fs::File::open(path).map_err(|source| ImportError::Read {
        file: file.to_owned(),
        source,
    })?;
    let workbook_error = |message: String| ImportError::Workbook {
        file: file.to_owned(),
        message,
    };
    let mut workbook = calamine::open_workbook_auto(path).map_err(|e| workbook_error(describe(&e)))?;
    let names = workbook.sheet_names();
    let name = match sheet {
        Some(wanted) => names
            .iter()
            .find(|n| n.as_str() == wanted)
            .cloned()
            .ok_or_else(|| ImportError::NoSuchSheet {
                file: file.to_owned(),
                sheet: wanted.to_owned(),
                available: names.clone(),
            })?,
        None => names
            .first()
            .cloned()
            .ok_or_else(|| workbook_error("the workbook has no sheets".to_owned()))?,
    };
    let too_large = || ImportError::TooLarge {
        file: file.to_owned(),
        limit: format!("{MAX_ROWS} rows and {MAX_CELLS} cells"),
    };
    // The sheet is read into a dense grid spanning its used cells: a tiny workbook with one cell
    // at A1 and one at XFD200000 would ask for billions. An XLSX, XLSB or ODS sheet's cells are
    // streamed first to bound the grid before it is built. (The two cell readers share no trait.)
    macro_rules! streamed_bounds {
        ($workbook:expr) => {{
            let mut cells = ($workbook)
                .worksheet_cells_reader(&name)
                .map_err(|e| workbook_error(e.to_string()))?;
            let mut bounds = Bounds::default();
            while let Some(cell) = cells.next_cell().map_err(|e| workbook_error(e.to_string()))? {
                bounds.add(cell.get_position());
            }
            Some(bounds)
        }};
    }
    let bounds = match &mut workbook {
        calamine::Sheets::Xlsx(xlsx) => streamed_bounds!(xlsx),
        calamine::Sheets::Xlsb(xlsb) => streamed_bounds!(xlsb),
        calamine::Sheets::Ods(_) => Some(ods_bounds(path, &name).map_err(workbook_error)?),
        _ => None,
    };
    if bounds.is_some_and(|b| !b.fits()) {
        return Err(too_large());
    }
    let range = workbook
        .worksheet_range(&name)
        .map_err(|e| workbook_error(describe(&e)))?;
    let (height, width) = range.get_size();
    if height > MAX_ROWS || height.saturating_mul(width) > MAX_CELLS {
        return Err(too_large());
    }
    let origin = range
        .start()
        .map_or((0, 0), |(row, column)| (row as usize, column as usize));
    let mut rows: Vec<Vec<String>> = range
        .rows()
        .map(|row| row.iter().map(cell_text).collect())
        .collect();
    let merged = match &mut workbook {
        calamine::Sheets::Xlsx(xlsx) => xlsx.merge_cells_by_sheet_name(&name).unwrap_or_default(),
        calamine::Sheets::Xls(xls) => xls.merge_cells_by_sheet_name(&name).unwrap_or_default(),
        _ => Vec::new(),
    };
    if !spread_merged(&mut rows, origin, &merged) {
        return Err(too_large());
    }
    Ok(Table {
        file: file.to_owned(),
        sheet: Some(name),
        rows,
        origin,
    })
}

/// A merged cell's value belongs to every cell it covers ("Sociaal Domein" merged over the rows
/// of the department's activities), so it is written into each of them.
/// `false` when spreading would take the grid past [`MAX_CELLS`].
fn spread_merged(rows: &mut [Vec<String>], origin: (usize, usize), merged: &[calamine::Dimensions]) -> bool {
    // Widening rows for merged regions stays within the grid's cell limit, however many regions.
    let mut cells: usize = rows.iter().map(Vec::len).sum();
    for region in merged {
        let corner = |(row, column): (u32, u32)| {
            Some((
                (row as usize).checked_sub(origin.0)?,
                (column as usize).checked_sub(origin.1)?,
            ))
        };
        let (Some((top, left)), Some((bottom, right))) = (corner(region.start), corner(region.end)) else {
            continue;
        };
        let Some(value) = rows.get(top).and_then(|row| row.get(left)).cloned() else {
            continue;
        };
        // Regions lie within the sheet, which is bounded by MAX_ROWS; the width is bounded by
        // the format's column limit.
        for row in rows.iter_mut().take(bottom.saturating_add(1)).skip(top) {
            if row.len() <= right && right < MAX_COLUMNS {
                let added = right + 1 - row.len();
                if cells.saturating_add(added) > MAX_CELLS {
                    return false;
                }
                cells += added;
                row.resize(right + 1, String::new());
            }
            for cell in row.iter_mut().take(right.saturating_add(1)).skip(left) {
                if cell.is_empty() {
                    cell.clone_from(&value);
                }
            }
        }
    }
    true
}

/// The most columns a spreadsheet has (XLSX: 16 384).
const MAX_COLUMNS: usize = 16_384;

/// The most cells a sheet's grid may span (a real register: a thousand rows of fifty columns
/// is fifty thousand; twenty thousand rows of a hundred columns fit), merged regions spread
/// included.
pub const MAX_CELLS: usize = 2_000_000;

/// The rows and columns the cells with content of the ODS sheet `sheet` span, read as a stream
/// from the workbook's `content.xml`: an ODS file writes runs of equal rows and cells once with a
/// repeat count (`table:number-rows-repeated`, `table:number-columns-repeated`), which the
/// workbook reader expands into its grid, so a file of a few kilobytes can name billions of
/// cells. Runs without content (the blank rows and columns office programs write to the sheet's
/// edge) do not widen the span.
fn ods_bounds(path: &Path, sheet: &str) -> Result<Bounds, String> {
    use quick_xml::events::{BytesStart, Event};
    let file = std::fs::File::open(path).map_err(|e| e.to_string())?;
    let mut archive = zip::ZipArchive::new(file).map_err(|e| e.to_string())?;
    let content = archive.by_name("content.xml").map_err(|e| e.to_string())?;
    let mut reader = quick_xml::Reader::from_reader(std::io::BufReader::new(content));
    let repeat = |e: &BytesStart<'_>, name: &str| -> u32 {
        e.attributes()
            .flatten()
            .find(|a| a.key.as_ref() == name)
            .and_then(|a| a.value.parse().ok())
            .unwrap_or(1)
    };
    let mut bounds = Bounds::default();
    let mut buf = Vec::new();
    let (mut in_sheet, mut row, mut column, mut rows) = (false, 0u32, 0u32, 1u32);
    loop {
        let event = reader.read_event_into(&mut buf).map_err(|e| e.to_string())?;
        match &event {
            Event::Start(e) if e.name().as_ref() == "table:table" => {
                let name = e.attributes().flatten().find(|a| a.key.as_ref() == "table:name");
                in_sheet = name.is_some_and(|a| a.value.as_ref() == sheet);
            }
            Event::End(e) if e.name().as_ref() == "table:table" && in_sheet => break,
            Event::Start(e) | Event::Empty(e) if in_sheet && e.name().as_ref() == "table:table-row" => {
                (column, rows) = (0, repeat(e, "table:number-rows-repeated"));
                if matches!(event, Event::Empty(_)) {
                    row = row.saturating_add(rows);
                }
            }
            Event::End(e) if in_sheet && e.name().as_ref() == "table:table-row" => {
                row = row.saturating_add(rows);
            }
            Event::Start(e) | Event::Empty(e)
                if in_sheet
                    && matches!(e.name().as_ref(), "table:table-cell" | "table:covered-table-cell") =>
            {
                let columns = repeat(e, "table:number-columns-repeated");
                // A cell with a value type, or with content inside it, is filled.
                let filled = matches!(event, Event::Start(_))
                    || e.attributes()
                        .flatten()
                        .any(|a| a.key.as_ref() == "office:value-type");
                if filled {
                    bounds.add((row, column));
                    let last_row = row.saturating_add(rows.saturating_sub(1));
                    bounds.add((last_row, column.saturating_add(columns.saturating_sub(1))));
                }
                column = column.saturating_add(columns);
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(bounds)
}

/// The rows and columns a sheet's cells span.
#[derive(Debug, Clone, Copy, Default)]
struct Bounds {
    span: Option<((u32, u32), (u32, u32))>,
}

impl Bounds {
    fn add(&mut self, (row, column): (u32, u32)) {
        self.span = Some(match self.span {
            None => ((row, column), (row, column)),
            Some(((top, left), (bottom, right))) => (
                (top.min(row), left.min(column)),
                (bottom.max(row), right.max(column)),
            ),
        });
    }

    /// Whether a grid over these cells stays within the limits.
    fn fits(self) -> bool {
        self.span.is_none_or(|((top, left), (bottom, right))| {
            let height = (bottom - top) as usize + 1;
            let width = (right - left) as usize + 1;
            height <= MAX_ROWS && height.saturating_mul(width) <= MAX_CELLS
        })
    }
}

/// A workbook error in words; a password-protected workbook says how to proceed.
fn describe(error: &calamine::Error) -> String {
    let text = error.to_string();
    if text.to_ascii_lowercase().contains("password") {
        "the workbook is password protected; save an unprotected copy (or export the sheet as CSV) and import that".to_owned()
    } else {
        text
    }
}

/// A cell's value as text. A formula's cached value is read, not the formula; numbers that are
/// whole are written without a fraction; dates stored as numbers become `YYYY-MM-DD`.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(text) | Data::DateTimeIso(text) | Data::DurationIso(text) => text.clone(),
        Data::Int(n) => n.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => if *b { "ja" } else { "nee" }.to_owned(),
        Data::DateTime(date) => excel_date(date.as_f64()).unwrap_or_else(|| date.as_f64().to_string()),
        Data::Error(error) => format!("#{error:?}"),
    }
}

/// An Excel serial date (days since 1899-12-30, in the 1900 system) as `YYYY-MM-DD`.
fn excel_date(serial: f64) -> Option<String> {
    if !(0.0..3_000_000.0).contains(&serial) {
        return None;
    }
    let epoch = chrono::NaiveDate::from_ymd_opt(1899, 12, 30)?;
    let date = epoch.checked_add_days(chrono::Days::new(serial.floor() as u64))?;
    Some(date.format("%Y-%m-%d").to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_named_as_spreadsheets_name_them() {
        assert_eq!(column_name(0), "A");
        assert_eq!(column_name(25), "Z");
        assert_eq!(column_name(26), "AA");
        assert_eq!(column_name(701), "ZZ");
        assert_eq!(column_name(702), "AAA");
    }

    #[test]
    fn semicolon_exports_and_byte_order_marks_are_read() {
        let table =
            read_csv("r.csv", "\u{FEFF}Naam;Doel\n\"a; b\";c\n".as_bytes()).map_err(|e| e.to_string());
        assert_eq!(
            table.map(|t| t.rows),
            Ok(vec![
                vec!["Naam".to_owned(), "Doel".to_owned()],
                vec!["a; b".to_owned(), "c".to_owned()]
            ])
        );
        assert!(matches!(
            read_csv("r.csv", b"a,\xff"),
            Err(ImportError::NotUtf8 { offset: 2, .. })
        ));
    }

    #[test]
    fn dates_stored_as_numbers_become_dates() {
        assert_eq!(excel_date(44_271.0).as_deref(), Some("2021-03-16"));
        assert_eq!(excel_date(-1.0), None);
    }
}
