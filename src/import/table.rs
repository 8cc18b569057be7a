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

/// A file's extension in lowercase (`register.XLSX` is an XLSX workbook).
fn extension_of(path: &Path) -> String {
    path.extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default()
}

/// Reads `path` by its extension: `.csv` (or `.tsv`, `.txt`) as delimited text, `.xlsx`,
/// `.xlsm`, `.xls` and `.ods` as workbooks (the first sheet unless `sheet` names one).
pub fn read_table(path: &Path, sheet: Option<&str>) -> Result<Table, ImportError> {
    let file = path.display().to_string();
    let extension = extension_of(path);
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
    let mut cells = 0usize;
    for record in reader.records() {
        let record = record.map_err(|e| ImportError::Csv {
            file: file.to_owned(),
            line: e.position().map_or(0, |p| p.line()),
            message: e.to_string(),
        })?;
        // Cells as well as rows: one line of ten million separators is ten million cells. Empty
        // cells at a row's end hold nothing and are not kept (a spreadsheet exports its whole
        // used width: thousands of separators on each line).
        let width = (0..record.len())
            .rev()
            .find(|&i| record.get(i).is_some_and(|cell| !cell.is_empty()))
            .map_or(0, |last| last + 1);
        cells = cells.saturating_add(width);
        if rows.len() >= MAX_ROWS || cells > MAX_CELLS {
            return Err(ImportError::TooLarge {
                file: file.to_owned(),
                limit: format!("{MAX_ROWS} rows and {MAX_CELLS} cells"),
            });
        }
        rows.push(record.iter().take(width).map(str::to_owned).collect());
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

/// [`ImportError::Workbook`] for `file`, given the message.
fn workbook_error(file: &str) -> impl Fn(String) -> ImportError + Copy + '_ {
    move |message| ImportError::Workbook {
        file: file.to_owned(),
        message,
    }
}

/// [`ImportError::TooLarge`] for `file`, given the limit passed in words.
fn too_large(file: &str) -> impl Fn(String) -> ImportError + Copy + '_ {
    move |limit| ImportError::TooLarge {
        file: file.to_owned(),
        limit,
    }
}

/// The text limit in words.
fn text_limit() -> String {
    format!("{} MiB of text", MAX_TEXT_BYTES / 1024 / 1024)
}

fn read_workbook(path: &Path, file: &str, sheet: Option<&str>) -> Result<Table, ImportError> {
    // A missing or unreadable file is said plainly, before the workbook reader words it.
    std::fs::File::open(path).map_err(|source| ImportError::Read {
        file: file.to_owned(),
        source,
    })?;
    let workbook_error = workbook_error(file);
    // The workbook reader unpacks and reads parts of a workbook as it opens it — an XLSX's
    // shared strings, every sheet of an ODS, an XLS's cells into a grid — before any sheet can
    // be measured, so a file of a few kilobytes could ask for gigabytes. Each format is measured
    // here first, without building anything.
    measure_workbook(path, file)?;
    // The workbook reader is another crate reading hostile bytes: should it panic on a damaged
    // record it does not check, that is this file's error, not a crash of ropa.
    let _reading = ReadingWorkbook::start();
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| read_measured_workbook(path, file, sheet)))
        .unwrap_or_else(|_| {
            Err(workbook_error(
                "the workbook is damaged: its reader failed on it (open it in a spreadsheet program and save a copy, or export the sheet as CSV)".to_owned(),
            ))
        })
}

thread_local! {
    /// Whether this thread is in the workbook reader (see [`is_reading_workbook`]).
    static READING_WORKBOOK: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Marks this thread as in the workbook reader until dropped (also when a panic unwinds).
struct ReadingWorkbook;

impl ReadingWorkbook {
    fn start() -> Self {
        READING_WORKBOOK.with(|reading| reading.set(true));
        Self
    }
}

impl Drop for ReadingWorkbook {
    fn drop(&mut self) {
        READING_WORKBOOK.with(|reading| reading.set(false));
    }
}

/// Whether this thread is reading a workbook with the workbook reader, whose panics the import
/// catches and reports as a damaged workbook naming the file. A program's panic hook can stay
/// quiet for these, so that a damaged workbook shows one clear error rather than a panic
/// message above it (the `ropa` command does).
pub fn is_reading_workbook() -> bool {
    READING_WORKBOOK.with(std::cell::Cell::get)
}

/// [`read_workbook`] once the workbook is measured.
fn read_measured_workbook(path: &Path, file: &str, sheet: Option<&str>) -> Result<Table, ImportError> {
    let workbook_error = workbook_error(file);
    // Opened with the reader the extension names, in any case, the reader `measure_workbook`
    // measured for (calamine's own choice guesses on an extension it does not know, `.XLSX`).
    let extension = extension_of(path);
    let opened: Result<calamine::Sheets<_>, calamine::Error> = match extension.as_str() {
        "xls" => calamine::open_workbook(path)
            .map(calamine::Sheets::Xls)
            .map_err(calamine::Error::from),
        "xlsb" => calamine::open_workbook(path)
            .map(calamine::Sheets::Xlsb)
            .map_err(calamine::Error::from),
        "ods" => calamine::open_workbook(path)
            .map(calamine::Sheets::Ods)
            .map_err(calamine::Error::from),
        _ => calamine::open_workbook(path)
            .map(calamine::Sheets::Xlsx)
            .map_err(calamine::Error::from),
    };
    let mut workbook = opened.map_err(|e| workbook_error(describe(&e)))?;
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
    let grid_too_large = || too_large(file)(format!("{MAX_ROWS} rows and {MAX_CELLS} cells"));
    // The sheet is read into a dense grid spanning its used cells: a tiny workbook with one cell
    // at A1 and one at XFD200000 would ask for billions. An XLSX or XLSB sheet's cells are
    // streamed first to bound the grid before it is built (ODS and XLS workbooks were measured
    // before they were opened). (The two cell readers share no trait.)
    macro_rules! streamed_bounds {
        ($workbook:expr) => {{
            let mut cells = ($workbook)
                .worksheet_cells_reader(&name)
                .map_err(|e| workbook_error(e.to_string()))?;
            let (mut bounds, mut text) = (Bounds::default(), 0u64);
            while let Some(cell) = cells.next_cell().map_err(|e| workbook_error(e.to_string()))? {
                bounds.add(cell.get_position());
                // A shared string used by a million cells is copied into each of them.
                text = text.saturating_add(text_length(cell.get_value()));
                if text > MAX_TEXT_BYTES {
                    return Err(too_large(file)(text_limit()));
                }
            }
            Some(bounds)
        }};
    }
    let bounds = match &mut workbook {
        calamine::Sheets::Xlsx(xlsx) => streamed_bounds!(xlsx),
        calamine::Sheets::Xlsb(xlsb) => streamed_bounds!(xlsb),
        // Measured before opening (`measure_workbook`).
        _ => None,
    };
    if bounds.is_some_and(|b| !b.fits()) {
        return Err(grid_too_large());
    }
    let range = workbook
        .worksheet_range(&name)
        .map_err(|e| workbook_error(describe(&e)))?;
    let (height, width) = range.get_size();
    if height > MAX_ROWS || height.saturating_mul(width) > MAX_CELLS {
        return Err(grid_too_large());
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
        return Err(grid_too_large());
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
/// `false` when spreading would take the grid past [`MAX_CELLS`], cover more cells than that, or
/// copy more than [`MAX_TEXT_BYTES`] of text.
fn spread_merged(rows: &mut [Vec<String>], origin: (usize, usize), merged: &[calamine::Dimensions]) -> bool {
    // Widening rows for merged regions stays within the grid's cell limit, the cells regions
    // cover (however many regions, overlapping or repeated) within it too, and the text copied
    // within the text limit.
    let mut cells: usize = rows.iter().map(Vec::len).sum();
    let (mut covered, mut copied) = (0usize, 0u64);
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
        let height = bottom.saturating_add(1).saturating_sub(top).min(rows.len());
        let width = right.saturating_add(1).saturating_sub(left).min(MAX_COLUMNS);
        covered = covered.saturating_add(height.saturating_mul(width));
        copied =
            copied.saturating_add((value.len() as u64).saturating_mul(height.saturating_mul(width) as u64));
        if covered > MAX_CELLS || copied > MAX_TEXT_BYTES {
            return false;
        }
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

/// The most cells a sheet's grid may span, merged regions spread included (a real register: a
/// thousand rows of fifty columns is fifty thousand; five thousand rows of fifty columns fit).
/// Importing costs about 2 KB of memory per cell kept as text (the kept text, its cell and its
/// note): a limit of two million let a 2.5 KB XLS file of one merged region take 2 GB, found by
/// fuzzing.
pub const MAX_CELLS: usize = 250_000;

/// The most bytes a workbook file may have, and the most its zipped parts may unpack to, all
/// together (XLSX, XLSB and ODS are zip archives): a real register's workbook is a few megabytes.
pub const MAX_WORKBOOK_BYTES: u64 = 64 * 1024 * 1024;

/// The most text a sheet's cells may hold, all together, once an ODS file's repeats and runs of
/// spaces are expanded and merged regions spread: more than `ropa check` reads by default in a
/// register (16 MiB), so no import this large could be checked.
pub const MAX_TEXT_BYTES: u64 = 16 * 1024 * 1024;

/// Measures a workbook before the workbook reader opens it (see [`read_workbook`]): its size,
/// what its zipped parts unpack to (read, not taken from the archive's own claims), and for ODS
/// the grid and text of every sheet, repeats expanded.
fn measure_workbook(path: &Path, file: &str) -> Result<(), ImportError> {
    let too_large = too_large(file);
    let workbook_error = workbook_error(file);
    let size = std::fs::metadata(path).map_or(0, |m| m.len());
    if size > MAX_WORKBOOK_BYTES {
        return Err(too_large(format!("{} MiB", MAX_WORKBOOK_BYTES / 1024 / 1024)));
    }
    // Measured as the workbook reader will read it, which it chooses by the file's extension.
    let extension = extension_of(path);
    if extension == "xls" {
        // A file the compound-file reader cannot read cannot be measured, so it is refused
        // (the workbook reader is more lenient, and would build what it found unmeasured).
        let stream = read_xls_stream(path).map_err(workbook_error)?;
        let measure = measure_xls(&stream).map_err(workbook_error)?;
        grid_within_limits(&measure.sheets, measure.cells).map_err(too_large)?;
        if measure.text > MAX_TEXT_BYTES {
            return Err(too_large(text_limit()));
        }
        return Ok(());
    }
    // A zip archive, wherever it starts in the file (data in front of it is allowed). One that
    // is none (an encrypted XLSX is a compound file) is left to the reader, which says what it is.
    let Ok(mut archive) = std::fs::File::open(path)
        .map_err(|e| e.to_string())
        .and_then(|file| zip::ZipArchive::new(file).map_err(|e| e.to_string()))
    else {
        return Ok(());
    };
    if !unpacks_within(&mut archive, MAX_WORKBOOK_BYTES).map_err(workbook_error)? {
        return Err(too_large(format!(
            "{} MiB unpacked",
            MAX_WORKBOOK_BYTES / 1024 / 1024
        )));
    }
    if extension != "ods" {
        return check_xlsx_parts(&mut archive).map_err(workbook_error);
    }
    // Without `content.xml` the reader says what is wrong.
    let Ok(content) = archive.by_name("content.xml") else {
        return Ok(());
    };
    let measure = measure_ods(std::io::BufReader::new(content)).map_err(workbook_error)?;
    grid_within_limits(&measure.sheets, measure.cells).map_err(too_large)?;
    if measure.text > MAX_TEXT_BYTES {
        return Err(too_large(text_limit()));
    }
    Ok(())
}

/// Every sheet's grid within the row and cell limits, and all sheets' grids together within the
/// cell limit (the workbook reader builds every sheet); else the limit passed, in words.
fn grid_within_limits(sheets: &[Bounds], cells: u64) -> Result<(), String> {
    if sheets.iter().all(|b| b.fits()) && cells <= MAX_CELLS as u64 {
        Ok(())
    } else {
        Err(format!("{MAX_ROWS} rows and {MAX_CELLS} cells"))
    }
}

/// The workbook stream of an XLS file (`Workbook`, or `Book` in files before Excel 97, named in
/// any case, as the workbook reader looks for it), read up to the workbook size limit.
fn read_xls_stream(path: &Path) -> Result<Vec<u8>, String> {
    let file = std::fs::read(path).map_err(|e| e.to_string())?;
    let mut compound = cfb::CompoundFile::open(std::io::Cursor::new(file.as_slice()))
        .map_err(|e| format!("cannot read it as a compound file: {e}"))?;
    // The reader takes `Workbook` before `Book`, found in its own way (it scans the directory
    // as stored): a file with more than one such stream is refused, as which one it would take
    // cannot be told for certain here.
    let streams: Vec<std::path::PathBuf> = compound
        .walk()
        .filter(|entry| entry.is_stream())
        .map(|entry| entry.path().to_path_buf())
        .filter(|path| {
            path.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.eq_ignore_ascii_case("workbook") || n.eq_ignore_ascii_case("book"))
        })
        .collect();
    let name = match streams.as_slice() {
        // The reader finds its stream by scanning the stored directory entries, not by
        // following the directory tree as the compound-file reader does: an entry left out of
        // the tree, or named with text after a NUL, could be its pick while another stream was
        // measured. More than one such entry anywhere in the file is refused.
        [one] if workbook_entries(&file) == 1 => one.clone(),
        [] => return Err("it holds no workbook stream".to_owned()),
        _ => return Err("it holds more than one workbook stream".to_owned()),
    };
    let stream = compound.open_stream(&name).map_err(|e| e.to_string())?;
    let mut bytes = Vec::new();
    stream
        .take(MAX_WORKBOOK_BYTES)
        .read_to_end(&mut bytes)
        .map_err(|e| e.to_string())?;
    Ok(bytes)
}

/// How many directory entries of a compound file name a workbook stream as the workbook reader
/// reads their names: 128-byte entries after the 512-byte header, whose 64-byte name, decoded
/// as the reader decodes it (UTF-16, or what a byte-order mark says, up to the first NUL), is
/// `Workbook` or `Book` in any case. Every 128 bytes of the file are read as an entry, so an
/// entry the directory tree leaves out is counted too.
fn workbook_entries(file: &[u8]) -> usize {
    let named = |name: &[u8]| {
        let name = encoding_rs::UTF_16LE.decode(name).0;
        let name = name.split('\0').next().unwrap_or_default();
        name.eq_ignore_ascii_case("workbook") || name.eq_ignore_ascii_case("book")
    };
    (file.get(512..).unwrap_or_default().chunks_exact(128))
        .filter(|entry| entry.get(..64).is_some_and(named))
        .count()
}

/// The records of a BIFF stream: a type, a length and data each (CONTINUE records come as
/// records of their own). Ends where a record is cut off.
fn biff_records(stream: &[u8]) -> impl Iterator<Item = (u16, &[u8])> {
    let mut rest = stream;
    std::iter::from_fn(move || {
        let typ = u16::from_le_bytes([*rest.first()?, *rest.get(1)?]);
        let len = usize::from(u16::from_le_bytes([*rest.get(2)?, *rest.get(3)?]));
        let data = rest.get(4..4 + len)?;
        rest = rest.get(4 + len..).unwrap_or_default();
        Some((typ, data))
    })
}

/// What the workbook reader would build from an XLS workbook stream, measured by reading its
/// records (BIFF) as the reader does, without building anything: the sheets named in the
/// globals (each BOUNDSHEET, read from its position until its EOF, records of embedded charts
/// skipped; a sheet named twice is built twice), the cells each spans — one number at row
/// 65 535, column 65 535 in a 6 KB file asked for a grid of 137 GB — and the room a sheet's
/// DIMENSIONS record makes the reader reserve. A MERGECELLS record shorter than the regions it
/// counts, and a sheet said to start past the end of the stream, are refused: the reader panics
/// on them. An encrypted workbook (FILEPASS) is left to the reader, which says what to do.
fn measure_xls(stream: &[u8]) -> Result<XlsMeasure, String> {
    let damaged = |what: &str| format!("the workbook is damaged: {what}");
    let mut positions = Vec::new();
    let mut shared_strings = Vec::new();
    let mut globals = biff_records(stream).peekable();
    while let Some((typ, data)) = globals.next() {
        match typ {
            0x000A => break,
            // SST, with the CONTINUE records that carry on its strings: the last one counts, as
            // the reader keeps the last.
            0x00FC => {
                let mut continued = Vec::new();
                while let Some((_, more)) = globals.next_if(|(typ, _)| *typ == 0x003C) {
                    continued.push(more);
                }
                shared_strings = shared_string_lengths(data, &continued);
            }
            // FILEPASS: encrypted (the reader says so) unless its type is 0, which it reads.
            0x002F if u16_at(data, 0).is_some_and(|kind| kind != 0) => return Ok(XlsMeasure::default()),
            0x0085 => match u32_at(data, 0).map(|at| at as usize) {
                Some(at) if at < stream.len() => positions.push(at),
                _ => return Err(damaged("a sheet starts past the end of the workbook")),
            },
            _ => {}
        }
    }
    let mut measure = XlsMeasure::default();
    for at in positions {
        let mut sheet = Bounds::default();
        let (mut seen_bof, mut depth) = (false, 0usize);
        // A STRING record's cell is placed at the last FORMULA's position, (0, 0) before any.
        let mut formula_at = (0u32, 0u32);
        for (typ, data) in biff_records(stream.get(at..).unwrap_or_default()) {
            if depth > 0 {
                match typ {
                    0x0809 => depth += 1,
                    0x000A => depth -= 1,
                    _ => {}
                }
                continue;
            }
            match typ {
                0x0809 if seen_bof => depth += 1,
                0x0809 => seen_bof = true,
                0x000A => break,
                // DIMENSIONS: first row and the row after the last, as u32 (BIFF8) or u16
                // (earlier), then first column and the column after the last, as u16; the
                // reader reserves room for the rows times the columns, computed as it does.
                0x0200 => {
                    let rows = match data.len() {
                        10 => u16_at(data, 0).map(u32::from).zip(u16_at(data, 2).map(u32::from)),
                        _ => u32_at(data, 0).zip(u32_at(data, 4)),
                    };
                    let at = if data.len() == 10 { 4 } else { 8 };
                    let columns = u16_at(data, at).zip(u16_at(data, at + 2));
                    if let (Some((first_row, end_row)), Some((first_column, end_column))) = (rows, columns) {
                        let first_column = if first_column > 0xFF || end_column < first_column {
                            0
                        } else {
                            first_column
                        };
                        let reserved = match (end_row.checked_sub(1), end_column.checked_sub(1)) {
                            (Some(last_row), Some(last_column)) => u64::from(last_row)
                                .checked_sub(u64::from(first_row))
                                .map_or(u64::MAX, |rows| {
                                    let columns = u64::from(last_column)
                                        .checked_sub(u64::from(first_column))
                                        .map_or(0, |c| c + 1);
                                    (rows + 1).saturating_mul(columns)
                                }),
                            _ => 1,
                        };
                        if reserved > MAX_CELLS as u64 {
                            measure.cells = u64::MAX;
                        }
                    }
                }
                // FORMULA, NUMBER, LABEL, RSTRING, BOOLERR, RK, LABELSST: row, then column.
                0x0006 | 0x0203 | 0x0204 | 0x00D6 | 0x0205 | 0x027E | 0x00FD => {
                    if let (Some(row), Some(column)) = (u16_at(data, 0), u16_at(data, 2)) {
                        sheet.add((u32::from(row), u32::from(column)));
                        if typ == 0x0006 {
                            formula_at = (u32::from(row), u32::from(column));
                        }
                    }
                    // A LABELSST cell gets its own copy of the shared string it names (one
                    // string of 64 KB named by a million cells is 64 GB).
                    if typ == 0x00FD && data.len() >= 10 {
                        let string = u32_at(data, 6).and_then(|i| shared_strings.get(i as usize));
                        measure.text = measure.text.saturating_add(string.copied().unwrap_or(0));
                    }
                }
                0x0207 => sheet.add(formula_at),
                // MULRK: row, first column, values, last column.
                0x00BD => {
                    let last = data.len().saturating_sub(2);
                    if let (Some(row), Some(first), Some(last)) =
                        (u16_at(data, 0), u16_at(data, 2), u16_at(data, last))
                    {
                        sheet.add((u32::from(row), u32::from(first)));
                        sheet.add((u32::from(row), u32::from(last)));
                    }
                }
                // MERGECELLS: a count, then eight bytes per region.
                0x00E5 => {
                    let regions = u16_at(data, 0).map_or(0, usize::from);
                    if data.len() < 2 + 8 * regions {
                        return Err(damaged(
                            "a merged-cells record is shorter than the regions it counts",
                        ));
                    }
                }
                _ => {}
            }
        }
        measure.cells = measure.cells.saturating_add(sheet.cells());
        measure.sheets.push(sheet);
    }
    Ok(measure)
}

/// The little-endian `u16` at `at`, if the data reach that far.
fn u16_at(data: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(
        data.get(at..at.checked_add(2)?)?.try_into().ok()?,
    ))
}

/// The little-endian `u32` at `at`, if the data reach that far.
fn u32_at(data: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(
        data.get(at..at.checked_add(4)?)?.try_into().ok()?,
    ))
}

/// What [`measure_xls`] found.
#[derive(Debug, Default)]
struct XlsMeasure {
    /// The span of the cells of each sheet.
    sheets: Vec<Bounds>,
    /// The cells of all sheets' grids together (`u64::MAX` when a sheet's DIMENSIONS asks
    /// for room past the limit).
    cells: u64,
    /// The bytes (UTF-8, as decoded) of shared strings copied into cells.
    text: u64,
}

/// The length in bytes of UTF-8 of each string of a shared-string table (SST) as the workbook
/// reader decodes it (see [`utf8_bytes`]; counting characters let three times the text limit
/// through), read as the reader reads it: after the two counts, each string's character count and flags,
/// its characters (two bytes each when flagged, else one) carried on into the CONTINUE records
/// `continued` (each starting with a flags byte of its own), then its formatting runs and
/// extension skipped. Where the reader would stop with an error, the strings read so far.
fn shared_string_lengths(data: &[u8], continued: &[&[u8]]) -> Vec<u64> {
    let mut lengths = Vec::new();
    let mut records = continued.iter().copied();
    let Some(mut data) = data.get(8..) else {
        return lengths;
    };
    loop {
        if data.is_empty() {
            match records.next() {
                Some(next) => data = next,
                None => return lengths,
            }
            // The reader reads an empty string from an empty record.
            if data.is_empty() {
                lengths.push(0);
                continue;
            }
        }
        let (Some(count), Some(&flags)) = (u16_at(data, 0), data.get(2)) else {
            return lengths;
        };
        let count = usize::from(count);
        data = data.get(3..).unwrap_or_default();
        let mut skip = 0usize;
        if flags & 0x8 != 0 {
            let Some(runs) = u16_at(data, 0) else {
                return lengths;
            };
            skip = 4 * usize::from(runs);
            data = data.get(2..).unwrap_or_default();
        }
        if flags & 0x4 != 0 {
            let Some(extension) = u32_at(data, 0) else {
                return lengths;
            };
            // Read as the reader reads it: a signed count, so a negative one is past any end.
            skip = skip.saturating_add(i32::from_le_bytes(extension.to_le_bytes()) as usize);
            data = data.get(4..).unwrap_or_default();
        }
        let (mut left, mut wide) = (count, flags & 0x1 != 0);
        let mut decoded = 0u64;
        while left > 0 {
            let width = if wide { 2 } else { 1 };
            let read = left.min(data.len() / width);
            decoded = decoded.saturating_add(utf8_bytes(data.get(..read * width).unwrap_or_default(), wide));
            data = data.get(read * width..).unwrap_or_default();
            left -= read;
            if left > 0 {
                let Some((&flags, rest)) = records.next().and_then(<[u8]>::split_first) else {
                    return lengths;
                };
                wide = flags & 0x1 != 0;
                data = rest;
            }
        }
        while skip > 0 {
            if data.is_empty() {
                match records.next() {
                    Some(next) => data = next,
                    None => return lengths,
                }
            }
            let step = skip.min(data.len());
            data = data.get(step..).unwrap_or_default();
            skip -= step;
        }
        lengths.push(decoded);
    }
}

/// How many bytes of UTF-8 the reader makes of a string's characters: two bytes each when
/// `wide` (UTF-16), else one each (the low byte of a UTF-16 unit). An upper bound: a character
/// from U+0800 takes three bytes, and so does each half of a surrogate pair (four for the pair).
fn utf8_bytes(characters: &[u8], wide: bool) -> u64 {
    if !wide {
        return characters
            .iter()
            .map(|&byte| if byte < 0x80 { 1 } else { 2 })
            .sum();
    }
    (characters.chunks_exact(2))
        .map(|unit| match unit {
            [low, high] => match u16::from_le_bytes([*low, *high]) {
                0..0x80 => 1,
                0x80..0x800 => 2,
                _ => 3,
            },
            _ => 0,
        })
        .sum()
}

/// Whether every part of `archive` unpacks, all together, to at most `limit` bytes: each part is
/// unpacked and counted (stopping past the limit), as an archive's stated sizes may lie.
fn unpacks_within<R: std::io::Read + std::io::Seek>(
    archive: &mut zip::ZipArchive<R>,
    limit: u64,
) -> Result<bool, String> {
    let mut total = 0u64;
    for i in 0..archive.len() {
        let entry = archive.by_index(i).map_err(|e| e.to_string())?;
        let room = limit.saturating_sub(total).saturating_add(1);
        total = total.saturating_add(
            std::io::copy(&mut entry.take(room), &mut std::io::sink()).map_err(|e| e.to_string())?,
        );
        if total > limit {
            return Ok(false);
        }
    }
    Ok(true)
}

/// The values of an element's attribute `key`, as either XML reader reads the element's tag:
/// quick-xml's attribute parser, and the workbook reader's own scan of the raw tag
/// ([`scanned_attributes`]). They differ on malformed tags, and a measure that read them one way
/// only could be passed: `a="1"\x0Ctable:number-rows-repeated="100000"` was one row to quick-xml
/// (which takes the form feed for part of the next name) and a hundred thousand rows of copied
/// text to the reader. A measure takes the most any value says.
fn attribute_values<'e>(
    element: &'e quick_xml::events::BytesStart<'_>,
    key: &'e str,
) -> impl Iterator<Item = std::borrow::Cow<'e, str>> + 'e {
    let parsed = (element.attributes().flatten())
        .filter(move |a| a.key.as_ref() == key)
        .map(|a| a.value);
    let scanned = scanned_attributes(element.attributes_raw())
        .filter(move |(k, _)| *k == key)
        .map(|(_, value)| std::borrow::Cow::Borrowed(value));
    parsed.chain(scanned)
}

/// An element's attributes as the workbook reader scans the raw text after the element's name:
/// any ASCII whitespace (a form feed too) before a name, the name up to `=` (trailing whitespace
/// trimmed), whitespace, then a value in single or double quotes, not unescaped. The scan stops
/// at the first attribute it cannot read, where the reader gives up with an error.
fn scanned_attributes(raw: &str) -> impl Iterator<Item = (&str, &str)> {
    let mut rest = raw;
    std::iter::from_fn(move || {
        let (key, after) = rest.trim_ascii_start().split_once('=')?;
        let after = after.trim_ascii_start();
        let quote = after.chars().next().filter(|q| matches!(q, '"' | '\''))?;
        let quoted = after.get(1..)?;
        let (value, next) = quoted.split_once(quote).unwrap_or((quoted, ""));
        rest = next;
        Some((key.trim_ascii_end(), value))
    })
}

/// The largest whole number attribute `key` of `element` says, read either way
/// ([`attribute_values`]), as written and unescaped (`3&#48;00` is 300 to one of the reader's
/// own reads); `None` when no value is a number.
fn largest_number(element: &quick_xml::events::BytesStart<'_>, key: &str) -> Option<u64> {
    attribute_values(element, key)
        .filter_map(|value| {
            let unescaped = quick_xml::escape::unescape(&value)
                .ok()
                .and_then(|v| v.trim().parse::<u64>().ok());
            unescaped.max(value.trim().parse::<u64>().ok())
        })
        .max()
}

/// The parts of an XLSX workbook whose numbers the workbook reader trusts: the count of shared
/// strings it reserves room for (`<sst uniqueCount="100000000000">` in a tiny file asked for
/// terabytes), and the cell references and merged regions of each sheet, which past a sheet's
/// edge (`A99999999999`, `B2:A1`) overflow its arithmetic and put cells in the wrong place.
fn check_xlsx_parts<R: std::io::Read + std::io::Seek>(
    archive: &mut zip::ZipArchive<R>,
) -> Result<(), String> {
    use quick_xml::events::Event;
    let damaged = |what: String| format!("the workbook is damaged: {what}");
    let names: Vec<String> = archive
        .file_names()
        .filter_map(Result::ok)
        .map(std::borrow::Cow::into_owned)
        // Every XML part, named in any case: the reader finds parts through the workbook's
        // relationships and ignores the case of their names.
        .filter(|n| n.to_ascii_lowercase().ends_with(".xml"))
        .collect();
    for name in names {
        let part = archive.by_name(&name).map_err(|e| e.to_string())?;
        let mut reader = quick_xml::Reader::from_reader(std::io::BufReader::new(part));
        let mut buf = Vec::new();
        // The shared strings the part holds: the reader keeps each when it opens the workbook,
        // before any sheet is measured, and millions of empty ones fit in the unpacked limit.
        let mut strings = 0usize;
        loop {
            let event = reader
                .read_event_into(&mut buf)
                .map_err(|e| format!("{name}: {e}"))?;
            match &event {
                Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "si" => {
                    strings += 1;
                    if strings > MAX_CELLS {
                        return Err(damaged(format!(
                            "{name} holds more shared strings than a sheet can hold"
                        )));
                    }
                }
                Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                    // The count of distinct strings, which the reader reserves room for (the
                    // count of uses, `count`, it does not read).
                    "sst" if largest_number(e, "uniqueCount").is_some_and(|c| c > MAX_CELLS as u64) => {
                        return Err(damaged(format!(
                            "{name} claims more shared strings than a sheet can hold"
                        )));
                    }
                    "c" => {
                        if let Some(at) = attribute_values(e, "r").find(|at| cell_position(at).is_none()) {
                            return Err(damaged(format!("{name} has a cell `{at}` outside any sheet")));
                        }
                    }
                    "mergeCell" => {
                        let is_region = |region: &str| {
                            let (first, last) = region.split_once(':').unwrap_or((region, region));
                            let corners = (cell_position(first), cell_position(last));
                            matches!(corners, (Some((r1, c1)), Some((r2, c2))) if r1 <= r2 && c1 <= c2)
                        };
                        // Without a `ref` the region is empty, which is none.
                        let mut regions = attribute_values(e, "ref");
                        let first = regions.next().unwrap_or_default();
                        if let Some(region) = std::iter::once(first).chain(regions).find(|r| !is_region(r)) {
                            return Err(damaged(format!(
                                "{name} merges `{region}`, which is not a region of a sheet"
                            )));
                        }
                    }
                    _ => {}
                },
                Event::Eof => break,
                _ => {}
            }
            buf.clear();
        }
    }
    Ok(())
}

/// The row and column (from 0) of an A1-style reference within a sheet's edge (XFD1048576).
fn cell_position(reference: &str) -> Option<(u32, u32)> {
    let reference = reference.trim().replace('$', "");
    let digits = reference.find(|c: char| c.is_ascii_digit())?;
    let (letters, number) = reference.split_at(digits);
    if letters.is_empty() || letters.len() > 3 || !letters.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let column = letters
        .bytes()
        .fold(0u32, |n, b| n * 26 + u32::from(b.to_ascii_uppercase() - b'A') + 1);
    let row: u32 = number.parse().ok()?;
    (1..=16_384).contains(&column).then_some(())?;
    (1..=1_048_576).contains(&row).then(|| (row - 1, column - 1))
}

/// What the workbook reader would build from an ODS `content.xml`.
#[derive(Debug, Default)]
struct OdsMeasure {
    /// The span of the cells with content of each sheet.
    sheets: Vec<Bounds>,
    /// The cells of all sheets' grids together: the reader builds every sheet.
    cells: u64,
    /// The bytes of text in all cells, repeats and runs of spaces expanded.
    text: u64,
}

/// Measures an ODS `content.xml` as a stream. An ODS file writes runs of equal rows and cells
/// once with a repeat count (`table:number-rows-repeated`, `table:number-columns-repeated`) and a
/// run of spaces as one element (`<text:s text:c="…"/>`), which the workbook reader expands, so
/// a file of a few kilobytes can name billions of cells or gigabytes of spaces. Runs without
/// content (the blank rows and columns office programs write to the sheet's edge) do not widen a
/// sheet's span.
fn measure_ods(content: impl std::io::BufRead) -> Result<OdsMeasure, String> {
    use quick_xml::events::{BytesStart, Event};
    let mut reader = quick_xml::Reader::from_reader(content);
    let count = |e: &BytesStart<'_>, name: &str| -> u64 { largest_number(e, name).unwrap_or(1) };
    // The attributes the reader makes a value or formula of (a cell with one is filled), and
    // those whose text it copies into every repeated cell.
    const VALUES: [&str; 7] = [
        "office:value-type",
        "office:value",
        "office:string-value",
        "office:date-value",
        "office:time-value",
        "office:boolean-value",
        "table:formula",
    ];
    const TEXTS: [&str; 4] = [
        "office:string-value",
        "office:date-value",
        "office:time-value",
        "table:formula",
    ];
    let mut measure = OdsMeasure::default();
    let mut buf = Vec::new();
    let mut sheet: Option<Bounds> = None;
    // Tables nested in a cell are skipped by the reader, and so here.
    let mut tables = 0usize;
    let (mut row, mut column, mut rows) = (0u32, 0u32, 1u64);
    // The cell being read: its copies and the text in it so far.
    let mut cell: Option<(u64, u64)> = None;
    let narrow = |n: u64| u32::try_from(n).unwrap_or(u32::MAX);
    // Elements open: the reader waits for the end of a table, or of a cell's annotation, until
    // it comes, so a file cut off inside one would keep it reading forever.
    let mut open = 0usize;
    loop {
        let event = reader.read_event_into(&mut buf).map_err(|e| e.to_string())?;
        let empty = matches!(event, Event::Empty(_));
        match &event {
            Event::Start(_) => open = open.saturating_add(1),
            Event::End(_) => open = open.saturating_sub(1),
            Event::Eof if open > 0 => {
                return Err(
                    "the workbook is damaged: its content ends before every element in it is closed (the file is cut off)"
                        .to_owned(),
                );
            }
            _ => {}
        }
        match &event {
            // The reader takes any named table, however deep, for a sheet; office programs write
            // neither tables in tables nor tables without a name, so both are refused.
            Event::Start(e) if e.name().as_ref() == "table:table" => {
                let named = attribute_values(e, "table:name").next().is_some();
                if tables > 0 || !named {
                    return Err(
                        "the workbook is damaged: a table inside a table, or a table without a name"
                            .to_owned(),
                    );
                }
                tables += 1;
                sheet = Some(Bounds::default());
                (row, column) = (0, 0);
            }
            Event::End(e) if e.name().as_ref() == "table:table" => {
                if tables == 1
                    && let Some(bounds) = sheet.take()
                {
                    measure.cells = measure.cells.saturating_add(bounds.cells());
                    measure.sheets.push(bounds);
                }
                tables = tables.saturating_sub(1);
            }
            Event::Eof => break,
            _ if tables != 1 => {}
            Event::Start(e) | Event::Empty(e) if e.name().as_ref() == "table:table-row" => {
                (column, rows) = (0, count(e, "table:number-rows-repeated"));
                if empty {
                    row = row.saturating_add(narrow(rows));
                }
            }
            Event::End(e) if e.name().as_ref() == "table:table-row" => {
                row = row.saturating_add(narrow(rows));
            }
            Event::Start(e) | Event::Empty(e)
                if matches!(e.name().as_ref(), "table:table-cell" | "table:covered-table-cell") =>
            {
                let columns = count(e, "table:number-columns-repeated");
                let has_value = (VALUES.iter()).any(|key| attribute_values(e, key).next().is_some());
                // Each attribute's longest reading: the two readings of one are one text.
                let values: u64 = (TEXTS.iter())
                    .filter_map(|key| attribute_values(e, key).map(|v| v.len() as u64).max())
                    .sum();
                // A cell with a value or formula, or with content inside it, is filled.
                if let (true, Some(bounds)) = (!empty || has_value, sheet.as_mut()) {
                    bounds.add((row, column));
                    let last_row = row.saturating_add(narrow(rows.saturating_sub(1)));
                    bounds.add((last_row, column.saturating_add(narrow(columns.saturating_sub(1)))));
                }
                column = column.saturating_add(narrow(columns));
                let copies = columns.saturating_mul(rows);
                if empty {
                    measure.text = measure.text.saturating_add(copies.saturating_mul(values));
                } else {
                    cell = Some((copies, values));
                }
            }
            Event::End(e) if matches!(e.name().as_ref(), "table:table-cell" | "table:covered-table-cell") => {
                if let Some((copies, text)) = cell.take() {
                    measure.text = measure.text.saturating_add(copies.saturating_mul(text));
                }
            }
            Event::Start(e) | Event::Empty(e) if e.name().as_ref() == "text:s" => {
                if let Some((_, text)) = cell.as_mut() {
                    *text = text.saturating_add(count(e, "text:c"));
                }
            }
            Event::Text(t) => {
                if let Some((_, text)) = cell.as_mut() {
                    *text = text.saturating_add(t.len() as u64);
                }
            }
            // An entity (`&lt;`, `&#65;`) is at most four bytes of text.
            Event::GeneralRef(_) => {
                if let Some((_, text)) = cell.as_mut() {
                    *text = text.saturating_add(4);
                }
            }
            _ => {}
        }
        // Past the limits there is no need to read on.
        if measure.text > MAX_TEXT_BYTES || measure.cells > MAX_CELLS as u64 {
            break;
        }
        buf.clear();
    }
    // A sheet read in part, when the limits stopped the reading.
    if let Some(bounds) = sheet {
        measure.cells = measure.cells.saturating_add(bounds.cells());
        measure.sheets.push(bounds);
    }
    Ok(measure)
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

    /// The cells of a grid over these cells.
    fn cells(self) -> u64 {
        self.span.map_or(0, |((top, left), (bottom, right))| {
            (u64::from(bottom) - u64::from(top) + 1).saturating_mul(u64::from(right) - u64::from(left) + 1)
        })
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

/// The bytes of text a cell holds, for the text limit (a number, date or truth value counts as
/// one: the limit is on copies of text).
fn text_length(value: &calamine::DataRef<'_>) -> u64 {
    use calamine::DataRef;
    match value {
        DataRef::String(text) | DataRef::DateTimeIso(text) | DataRef::DurationIso(text) => text.len() as u64,
        DataRef::SharedString(text) => text.len() as u64,
        DataRef::Empty => 0,
        _ => 1,
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
        // A line of separators is refused by its cells, not read into millions of them ...
        let wide = format!("Naam;Doel\n{}x\n", ";".repeat(MAX_CELLS));
        assert!(matches!(
            read_csv("r.csv", wide.as_bytes()),
            Err(ImportError::TooLarge { .. })
        ));
        // ... while an export's empty width to the sheet's edge is not kept at all.
        let export = format!("Naam;Doel{}\n", ";".repeat(16_383)).repeat(200);
        let table = read_csv("r.csv", export.as_bytes()).map_err(|e| e.to_string());
        assert_eq!(table.map(|t| (t.rows.len(), t.rows[0].len())), Ok((200, 2)));
    }

    /// An ODS `content.xml` with the given sheets' rows.
    fn content(sheets: &[&str]) -> String {
        let tables: String = sheets
            .iter()
            .enumerate()
            .map(|(i, rows)| format!("<table:table table:name=\"S{i}\">{rows}</table:table>"))
            .collect();
        format!(
            "<office:document-content><office:body><office:spreadsheet>{tables}</office:spreadsheet></office:body></office:document-content>"
        )
    }

    fn measure(sheets: &[&str]) -> OdsMeasure {
        measure_ods(content(sheets).as_bytes()).unwrap_or_else(|e| panic!("{e}"))
    }

    const HEADING: &str = "<table:table-row><table:table-cell office:value-type=\"string\"><text:p>Naam</text:p></table:table-cell></table:table-row>";

    #[test]
    fn attributes_are_read_as_either_reader_reads_them() {
        let element = |xml: &str| match quick_xml::Reader::from_str(xml).read_event() {
            Ok(quick_xml::events::Event::Empty(e)) => e.into_owned(),
            other => panic!("{other:?}"),
        };
        let values = |xml: &str, key: &str| -> Vec<String> {
            let e = element(xml);
            attribute_values(&e, key).map(|v| v.into_owned()).collect()
        };
        // Well formed: both readers read the value.
        assert_eq!(values(r#"<c r="A1" s='2'/>"#, "r"), ["A1", "A1"]);
        // After a form feed only the workbook reader's scan sees it; with spaces around `=` both do.
        assert_eq!(values("<c s=\"1\"\x0Cr=\"B2\"/>", "r"), ["B2"]);
        assert_eq!(values(r#"<c r = "C3"/>"#, "r"), ["C3", "C3"]);
        // Where the scan cannot read an attribute it stops (the reader gives up there).
        assert_eq!(values(r#"<c s=1 r="D4"/>"#, "r"), ["D4"]);
        assert_eq!(values(r#"<c s r="E5"/>"#, "r"), ["E5"]);
        // A quote of the other kind is part of the value.
        assert_eq!(
            scanned_attributes(r#" a='x"y' b="z""#).collect::<Vec<_>>(),
            [("a", "x\"y"), ("b", "z")]
        );
        // Numbers: the largest reading, written or unescaped.
        let e = element("<r n=\"3&#48;\"\x0Cn=\"7\"/>");
        assert_eq!(largest_number(&e, "n"), Some(30));
        assert_eq!(largest_number(&element(r#"<r n="x"/>"#), "n"), None);
    }

    #[test]
    fn ods_repeats_and_runs_of_spaces_are_measured_expanded() {
        // A 3 000 x 16 384 grid of ones in a few hundred bytes, on a sheet other than the one
        // imported: the workbook reader builds every sheet when it opens the file.
        let ones = "<table:table-row table:number-rows-repeated=\"3000\"><table:table-cell table:number-columns-repeated=\"16384\" office:value-type=\"float\" office:value=\"1\"/></table:table-row>";
        let bomb = measure(&[HEADING, ones]);
        assert!(bomb.cells > MAX_CELLS as u64 || !bomb.sheets.iter().all(|b| b.fits()));
        // 300 million spaces in one cell.
        let spaces = "<table:table-row><table:table-cell><text:p>x<text:s text:c=\"300000000\"/>y</text:p></table:table-cell></table:table-row>";
        assert!(measure(&[spaces]).text > MAX_TEXT_BYTES);
        // A row of text repeated: its text counts once per copy.
        let copies = "<table:table-row table:number-rows-repeated=\"1000\"><table:table-cell table:number-columns-repeated=\"2\"><text:p>abcdefghij</text:p></table:table-cell></table:table-row>";
        assert_eq!(measure(&[copies]).text, 20_000);
        // Cells the reader fills without a value type, counts written with entities, text in
        // attributes and entities, and rows after a table nested in a cell are measured too.
        let untyped = "<table:table-row table:number-rows-repeated=\"3000\"><table:table-cell table:number-columns-repeated=\"16384\" office:value=\"1\"/></table:table-row>";
        assert!(measure(&[untyped]).cells > MAX_CELLS as u64);
        let escaped = "<table:table-row><table:table-cell><text:p>x<text:s text:c=\"3&#48;0000000\"/></text:p></table:table-cell></table:table-row>";
        assert!(measure(&[escaped]).text > MAX_TEXT_BYTES);
        let attribute = format!(
            "<table:table-row table:number-rows-repeated=\"2000\"><table:table-cell office:value-type=\"string\" office:string-value=\"{}\" table:number-columns-repeated=\"10\"/></table:table-row>",
            "x".repeat(1_000)
        );
        assert!(measure(&[&attribute]).text > MAX_TEXT_BYTES);
        let entities = format!(
            "<table:table-row table:number-rows-repeated=\"2000\"><table:table-cell table:number-columns-repeated=\"10\"><text:p>{}</text:p></table:table-cell></table:table-row>",
            "&#65;".repeat(1_000)
        );
        assert!(measure(&[&entities]).text > MAX_TEXT_BYTES);
        let nested = format!(
            "<table:table-row><table:table-cell><table:table table:name=\"n\"><table:table-row><table:table-cell/></table:table-row></table:table></table:table-cell></table:table-row>{untyped}"
        );
        // Tables in tables, and tables without a name, are refused: the reader builds any named
        // table, however deep, and office programs write neither.
        assert!(measure_ods(content(&[&nested]).as_bytes()).is_err_and(|e| e.contains("damaged")));
        let unnamed = "<table:table><table:table-row><table:table-cell/></table:table-row></table:table>";
        assert!(measure_ods(unnamed.as_bytes()).is_err());
        // Truth values and numbers hold no text: 200 000 rows of ten FALSE cells measure none.
        let falses = "<table:table-row table:number-rows-repeated=\"200000\"><table:table-cell table:number-columns-repeated=\"10\" office:value-type=\"boolean\" office:boolean-value=\"false\"/></table:table-row>";
        assert_eq!(measure(&[falses]).text, 0);
        // No table at all: nothing to measure, and the end of the text is reached.
        assert_eq!(measure(&[]).cells, 0);
        // Counts and text after a form feed, which the reader takes for a separator and
        // quick-xml for part of the next name, are measured as the reader reads them.
        let form_feed = "<table:table-row table:style-name=\"ro1\"\x0Ctable:number-rows-repeated=\"3000\"><table:table-cell office:value-type=\"float\"\x0Ctable:number-columns-repeated=\"16384\" office:value=\"1\"/></table:table-row>";
        assert!(measure(&[form_feed]).cells > MAX_CELLS as u64);
        let text = format!(
            "<table:table-row table:number-rows-repeated=\"2000\"><table:table-cell office:value-type=\"string\"\x0Coffice:string-value=\"{}\" table:number-columns-repeated=\"10\"/></table:table-row>",
            "x".repeat(1_000)
        );
        assert!(measure(&[&text]).text > MAX_TEXT_BYTES);
        // Cut off inside a table or a cell's annotation, where the reader would wait for the
        // end forever: refused as damaged.
        let annotation = "<table:table-row><table:table-cell><office:annotation><text:p>n</text:p>";
        for rows in [HEADING, annotation] {
            let whole = content(&[rows]);
            let cut = whole.split("</table:table>").next().unwrap_or_default();
            assert!(
                measure_ods(cut.as_bytes()).is_err_and(|e| e.contains("cut off")),
                "{cut}"
            );
        }
        // The twin: a sheet as office programs write it, blank runs to the edge included.
        let edge = "<table:table-row table:number-rows-repeated=\"1048575\"><table:table-cell table:number-columns-repeated=\"16384\"/></table:table-row>";
        let real = measure(&[&format!("{HEADING}{edge}")]);
        assert_eq!((real.cells, real.text), (1, 4));
        assert!(real.sheets.iter().all(|b| b.fits()));
    }

    #[test]
    fn zipped_parts_are_measured_by_what_they_unpack_to() {
        use std::io::Write as _;
        let mut zipped = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default();
        let written = zipped
            .start_file("xl/sharedStrings.xml", options)
            .map_err(|e| e.to_string())
            .and_then(|()| zipped.write_all(&[b'x'; 5_000]).map_err(|e| e.to_string()))
            .and_then(|()| zipped.finish().map_err(|e| e.to_string()));
        let mut archive = written
            .and_then(|cursor| zip::ZipArchive::new(cursor).map_err(|e| e.to_string()))
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(unpacks_within(&mut archive, 4_999), Ok(false));
        assert_eq!(unpacks_within(&mut archive, 5_000), Ok(true));
    }

    #[test]
    fn merged_regions_spread_within_the_limits() {
        let grid = || {
            vec![
                vec!["Sociaal Domein".to_owned(), "a".to_owned()],
                vec![String::new(), "b".to_owned()],
            ]
        };
        let region = |end: (u32, u32)| calamine::Dimensions { start: (0, 0), end };
        // A department merged over two rows is written into both.
        let mut rows = grid();
        assert!(spread_merged(&mut rows, (0, 0), &[region((1, 0))]));
        assert_eq!(rows[1][0], "Sociaal Domein");
        // The same small region two thousand times over covers too many cells in all, and
        // one region of a thousand rows by 1 500 columns copies too much text (21 MB).
        let mut rows = grid();
        rows.resize(1_000, Vec::new());
        assert!(!spread_merged(&mut rows, (0, 0), &vec![region((999, 1)); 2_000]));
        let mut rows = grid();
        rows.resize(1_000, Vec::new());
        assert!(!spread_merged(&mut rows, (0, 0), &[region((999, 1_499))]));
    }

    /// A BIFF record.
    fn record(typ: u16, data: &[u8]) -> Vec<u8> {
        let mut bytes = typ.to_le_bytes().to_vec();
        bytes.extend((data.len() as u16).to_le_bytes());
        bytes.extend(data);
        bytes
    }

    /// A NUMBER record at `row`, `column`.
    fn number(row: u16, column: u16) -> Vec<u8> {
        let mut data = [row.to_le_bytes(), column.to_le_bytes(), [0, 0]].concat();
        data.extend(1.0f64.to_le_bytes());
        record(0x0203, &data)
    }

    /// A workbook stream: the globals naming one sheet, then the sheet of `records`.
    fn workbook(records: &[Vec<u8>]) -> Vec<u8> {
        workbook_with(&[], records)
    }

    fn xls_limits(records: &[Vec<u8>]) -> Result<u64, String> {
        let measure = measure_xls(&workbook(records))?;
        grid_within_limits(&measure.sheets, measure.cells).map(|()| measure.cells)
    }

    #[test]
    fn xls_cells_are_measured_before_the_grid_is_built() {
        // One number far away: the grid over it and A1 would be 65 536 x 65 536 cells.
        assert!(xls_limits(&[number(0, 0), number(65_535, 65_535)]).is_err());
        // A DIMENSIONS record asking for room for a million rows of 256 columns.
        let dimensions = [0u32.to_le_bytes(), 1_000_000u32.to_le_bytes()].concat();
        let dimensions = [dimensions, vec![0, 0, 0, 1, 0, 0]].concat();
        assert!(xls_limits(&[record(0x0200, &dimensions)]).is_err());
        // A merged-cells record that counts five regions and holds none.
        assert!(xls_limits(&[record(0x00E5, &5u16.to_le_bytes())]).is_err_and(|e| e.contains("damaged")));
        // The twin: a sheet of eleven rows and six columns.
        assert_eq!(xls_limits(&[number(0, 0), number(10, 5)]), Ok(66));
        // Cells where no sheet is said to start are not read, as the reader does not read them.
        let unnamed = [
            record(0x0809, &[0; 16]),
            record(0x000A, &[]),
            number(65_535, 65_535),
        ]
        .concat();
        assert_eq!(measure_xls(&unnamed).map(|m| m.cells), Ok(0));
        // An encrypted workbook is left to the reader (which says it is password protected).
        let encrypted = [
            record(0x0809, &[0; 16]),
            record(0x002F, &[1, 0]),
            record(0x000A, &[]),
        ]
        .concat();
        assert!(measure_xls(&encrypted).is_ok_and(|m| m.sheets.is_empty()));
        // ... but not one of FILEPASS type 0, which the reader reads as usual.
        let filepass = record(0x002F, &[0, 0]);
        let obfuscated = workbook_with(&[filepass], &[number(0, 0), number(65_535, 65_535)]);
        let measure = measure_xls(&obfuscated).map_err(|e| e.to_string());
        assert!(measure.is_ok_and(|m| grid_within_limits(&m.sheets, m.cells).is_err()));
        // A STRING record's cell lies at the last formula's position, (0, 0) before any.
        assert!(xls_limits(&[number(65_535, 255), record(0x0207, &[0, 0])]).is_err());
        // A chart's records, in a deeper substream, are not cells of the sheet.
        let chart = [record(0x0809, &[0; 16]), number(60_000, 200), record(0x000A, &[])];
        assert_eq!(xls_limits(&[&[number(0, 0)][..], &chart[..]].concat()), Ok(1));
    }

    /// The globals naming one sheet, with `extra` records after the sheet's BOUNDSHEET, then
    /// the sheet of `records`.
    fn workbook_with(extra: &[Vec<u8>], records: &[Vec<u8>]) -> Vec<u8> {
        let (bof, eof) = (record(0x0809, &[0; 16]), record(0x000A, &[]));
        let sheet_at = |at: u32| record(0x0085, &[&at.to_le_bytes()[..], &[0, 0, 1, 0, b'S']].concat());
        let globals = bof.len() + sheet_at(0).len() + extra.iter().map(Vec::len).sum::<usize>() + eof.len();
        [bof.clone(), sheet_at(globals as u32)]
            .into_iter()
            .chain(extra.iter().cloned())
            .chain([eof.clone(), bof])
            .chain(records.iter().cloned())
            .chain([eof])
            .collect::<Vec<_>>()
            .concat()
    }

    /// A LABELSST cell at `row`, column 0, naming shared string `string`.
    fn label_sst(row: u16, string: u32) -> Vec<u8> {
        record(
            0x00FD,
            &[&row.to_le_bytes()[..], &[0, 0, 0, 0], &string.to_le_bytes()].concat(),
        )
    }

    /// An SST of one string of `length` one-byte characters, split over CONTINUE records as a
    /// writer splits it (records of at most 8 224 bytes, each continuation with a flags byte).
    fn one_long_string(length: u16) -> Vec<Vec<u8>> {
        let header = [
            &1u32.to_le_bytes()[..],
            &1u32.to_le_bytes(),
            &length.to_le_bytes(),
            &[0],
        ]
        .concat();
        let characters = vec![b'x'; usize::from(length)];
        let mut chunks = characters.chunks(8_000);
        let first = [header, chunks.next().unwrap_or_default().to_vec()].concat();
        std::iter::once(record(0x00FC, &first))
            .chain(chunks.map(|chunk| record(0x003C, &[&[0u8][..], chunk].concat())))
            .collect()
    }

    #[test]
    fn xls_shared_strings_copied_into_cells_count_as_text() {
        // One shared string of 60 000 characters named by 300 cells: 18 million characters.
        let cells: Vec<Vec<u8>> = (0..300).map(|row| label_sst(row, 0)).collect();
        let measure = measure_xls(&workbook_with(&one_long_string(60_000), &cells)).map(|m| m.text);
        assert_eq!(measure, Ok(18_000_000));
        const { assert!(18_000_000 > MAX_TEXT_BYTES) };
        // The twin: named by a hundred cells, within the limit.
        let measure = measure_xls(&workbook_with(&one_long_string(60_000), &cells[..100])).map(|m| m.text);
        assert_eq!(measure, Ok(6_000_000));
        // Strings after one carried over a CONTINUE record are found where they start: the
        // first switches to two-byte characters in its continuation, with formatting runs.
        let first = [&3u16.to_le_bytes()[..], &[0x8], &1u16.to_le_bytes(), b"ab"].concat();
        let continuation = [
            &[0x1u8][..],
            &[b'c', 0],
            &[0; 4],
            &2u16.to_le_bytes(),
            &[0],
            b"de",
        ]
        .concat();
        let sst = [
            record(0x00FC, &[&[0u8; 8][..], &first].concat()),
            record(0x003C, &continuation),
        ];
        assert_eq!(shared_string_lengths(&sst[0][4..], &[&sst[1][4..]]), vec![3, 2]);
        let measure = measure_xls(&workbook_with(&sst, &[label_sst(0, 1), label_sst(1, 7)])).map(|m| m.text);
        assert_eq!(measure, Ok(2), "a cell naming no string holds none");
    }

    /// Shared strings count as the UTF-8 the reader decodes them to, not as characters: a
    /// string of CJK characters is three bytes a character (counted as one, three times the
    /// text limit got through), Latin-1 beyond ASCII two, ASCII one, however it is stored.
    #[test]
    fn xls_shared_strings_count_as_the_text_they_decode_to() {
        let sst = |strings: &[(&str, bool)]| {
            let mut data = vec![0u8; 8];
            for (text, wide) in strings {
                let units: Vec<u16> = text.encode_utf16().collect();
                data.extend((units.len() as u16).to_le_bytes());
                data.push(u8::from(*wide));
                for unit in units {
                    match wide {
                        true => data.extend(unit.to_le_bytes()),
                        false => data.push(unit as u8),
                    }
                }
            }
            data
        };
        let strings = [
            ("\u{4e2d}\u{6587}", true),
            ("caf\u{e9}", false),
            ("caf\u{e9}", true),
            ("abc", true),
            ("\u{1f600}", true),
        ];
        let decoded: Vec<u64> = strings.iter().map(|(text, _)| text.len() as u64).collect();
        let counted = shared_string_lengths(&sst(&strings), &[]);
        assert_eq!(&counted[..4], &decoded[..4]);
        // A character beyond the BMP is counted as its two halves, three bytes each: an upper
        // bound on its four.
        assert_eq!(counted[4], 6);
        // 60 000 CJK characters named by 100 cells: 18 MB of text, past the limit, where
        // counting characters said 6 million.
        let cells: Vec<Vec<u8>> = (0..100).map(|row| label_sst(row, 0)).collect();
        let wide = "\u{4e2d}".repeat(60_000);
        let table = sst(&[(&wide, true)]);
        // The SST's counts and the string's header, then its characters split at character
        // boundaries, each continuation with its own flags byte (still two-byte characters).
        let (head, characters) = table.split_at(11);
        let mut records = vec![record(0x00FC, head)];
        records.extend(
            characters
                .chunks(8_000)
                .map(|chunk| record(0x003C, &[&[1u8][..], chunk].concat())),
        );
        let measure = measure_xls(&workbook_with(&records, &cells)).map(|m| m.text);
        assert_eq!(measure, Ok(18_000_000));
    }

    /// A compound file's workbook entries are counted as the workbook reader reads names:
    /// every stored entry, up to the first NUL, after a byte-order mark, in any case.
    #[test]
    fn workbook_entries_are_found_as_the_reader_finds_them() {
        let entry = |name: &[u8]| {
            let mut bytes = name.to_vec();
            bytes.resize(128, 0);
            bytes
        };
        let utf16 = |text: &str| {
            text.encode_utf16()
                .flat_map(u16::to_le_bytes)
                .collect::<Vec<u8>>()
        };
        let file = |entries: &[Vec<u8>]| [vec![0u8; 512], entries.concat()].concat();
        let root = entry(&utf16("Root Entry"));
        assert_eq!(
            workbook_entries(&file(&[root.clone(), entry(&utf16("Workbook"))])),
            1
        );
        // Not a workbook: a longer name, or one in the header.
        assert_eq!(
            workbook_entries(&file(&[root.clone(), entry(&utf16("Workbooks"))])),
            0
        );
        assert_eq!(workbook_entries(&[utf16("Workbook"), vec![0; 504]].concat()), 0);
        // Text after a NUL, a byte-order mark, another case and `Book` all name one.
        for hidden in [
            utf16("Workbook\0hidden"),
            [&[0xFF, 0xFE][..], &utf16("WORKBOOK")].concat(),
            [&[0xEF, 0xBB, 0xBF][..], b"book"].concat(),
            utf16("bOoK"),
        ] {
            let entries = [root.clone(), entry(&utf16("Workbook")), entry(&hidden)];
            assert_eq!(workbook_entries(&file(&entries)), 2, "{hidden:?}");
        }
    }

    #[test]
    fn cell_references_lie_within_a_sheet() {
        assert_eq!(cell_position("A1"), Some((0, 0)));
        assert_eq!(cell_position("$B$2"), Some((1, 1)));
        assert_eq!(cell_position("XFD1048576"), Some((1_048_575, 16_383)));
        for outside in [
            "A0",
            "XFE1",
            "A1048577",
            "A99999999999",
            "ZZZZZZZZZZ1",
            "1A",
            "A",
            "",
        ] {
            assert_eq!(cell_position(outside), None, "{outside}");
        }
    }

    #[test]
    fn dates_stored_as_numbers_become_dates() {
        assert_eq!(excel_date(44_271.0).as_deref(), Some("2021-03-16"));
        assert_eq!(excel_date(-1.0), None);
    }
}
