//! Everything ropa does with a file, run on arbitrary text: load it in a format, lint a
//! register or evaluate a proposal, locate the findings and render them in every output format.
//! The fuzz targets (`fuzz/`) and `tests/fuzz_regressions.rs` share this one path, so a crash
//! found by fuzzing is kept as an ordinary stable test.

use std::sync::Arc;

use ropa::engine::Engine;
use ropa::model::Register;
use ropa::report::{
    Documents, HumanRenderer, RunReport, Sources, locate, render_json, render_load_error, render_run,
    render_sarif,
};
use ropa::source::{Document, DocumentKind, Format, Limits};

/// The register proposals are evaluated against.
const REGISTER: &str = include_str!("../../examples/ibd/register.yaml");

/// Parsed once: every proposal is evaluated against the same register.
fn fixed_register() -> Option<&'static (Document, Register)> {
    static FIXED: std::sync::OnceLock<Option<(Document, Register)>> = std::sync::OnceLock::new();
    FIXED
        .get_or_init(|| {
            let document =
                Document::parse("register.yaml", REGISTER, Format::Yaml, Limits::default()).ok()?;
            let register = document.register().ok()?;
            Some((document, register))
        })
        .as_ref()
}

/// Renders the statement and the public register in every language and format, as
/// `ropa render` does, and checks that register text never reaches the HTML as markup.
fn publish(register: &Register) {
    use ropa::render::{self, DocumentKind, Language, RenderFormat};
    for language in [Language::Nl, Language::En] {
        for kind in [DocumentKind::Statement, DocumentKind::Register] {
            let document = render::document(register, kind, language);
            let _ = document.gaps();
            for format in [RenderFormat::Markdown, RenderFormat::Html, RenderFormat::Csv] {
                if let Ok(text) = render::write(&document, format)
                    && format == RenderFormat::Html
                {
                    assert!(!text.contains("<script"), "register text became markup");
                }
            }
        }
    }
}

/// Renders every mistake found in a file, as `ropa check` does.
fn render_every(errors: &[ropa::source::LoadError]) {
    assert!(!errors.is_empty(), "a failed load reports at least one mistake");
    for error in errors {
        let _ = render_load_error(error, HumanRenderer::default());
    }
}

/// Loads `text` as `format` and runs it through the engine and every renderer. Panics only where
/// ropa has a bug; every error on bad input is an ordinary result.
pub fn exercise(text: &str, format: Format) {
    let document = match Document::parse("input", text, format, Limits::default()) {
        Ok(document) => document,
        Err(error) => {
            let _ = render_load_error(&error, HumanRenderer::default());
            let _ = format!("{error:?}");
            return;
        }
    };
    let mut run = RunReport::new(ropa::engine::Severity::Error);
    let mut sources = Sources::new();
    sources.insert("input".to_owned(), Arc::clone(document.source()));
    match document.kind() {
        DocumentKind::Register => {
            let register = match document.deserialize_all() {
                Ok(register) => register,
                Err(errors) => {
                    render_every(&errors);
                    return;
                }
            };
            publish(&register);
            let report = Engine::new(&register).lint();
            // Skipping rules by their triggers must change nothing.
            assert_eq!(
                report,
                Engine::new(&register).running_every_rule().lint(),
                "rule gate"
            );
            let findings = report.findings;
            run.findings = locate(
                findings,
                Documents {
                    register: Some(&document),
                    proposal: None,
                },
            );
        }
        DocumentKind::Proposal => {
            let proposal = match document.deserialize_all() {
                Ok(proposal) => proposal,
                Err(errors) => {
                    render_every(&errors);
                    return;
                }
            };
            let Some((register_document, register)) = fixed_register() else {
                return;
            };
            sources.insert("register.yaml".to_owned(), Arc::clone(register_document.source()));
            let evaluation = Engine::new(register).evaluate(&proposal);
            let every_rule = Engine::new(register).running_every_rule().evaluate(&proposal);
            assert_eq!(evaluation, every_rule, "rule gate");
            let findings = evaluation.report.findings;
            run.findings = locate(
                findings,
                Documents {
                    register: Some(register_document),
                    proposal: Some(&document),
                },
            );
        }
    }
    run.finish();
    let _ = render_run(&run, &sources, HumanRenderer::default());
    let _ = render_json(&run);
    let _ = render_sarif(&run, None);
}

/// How a fuzzed sheet is imported.
fn import_options() -> ropa::import::ImportOptions {
    ropa::import::ImportOptions {
        controller: Some("Gemeente Voorbeeld".to_owned()),
        ..ropa::import::ImportOptions::default()
    }
}

/// Imports `bytes` as a CSV sheet, as `ropa import` does, and checks that what imports writes
/// YAML that reads back as the same register. Panics only where ropa has a bug.
pub fn exercise_import(bytes: &[u8]) {
    let Ok(table) = ropa::import::read_csv("input.csv", bytes) else {
        return;
    };
    if let Ok(import) = ropa::import::import_table(&table, &import_options()) {
        reads_back(&import);
    }
}

/// Imports `stream` as the workbook stream (BIFF records) of an XLS file, as `ropa import` does
/// — the workbook is measured, then read by the workbook reader — and checks that what imports
/// reads back. The compound file around the stream is written here, so that the fuzzer spends
/// its time on the records the measure and the reader interpret. Panics only where ropa has a
/// bug (a panic of the workbook reader is caught by the import and is an ordinary error).
pub fn exercise_xls(stream: &[u8]) {
    use std::io::Write as _;
    import_written("xls", |file| {
        let mut compound = cfb::CompoundFile::create_with_version(cfb::Version::V3, file)?;
        compound.create_stream("/Workbook")?.write_all(stream)?;
        compound.flush()
    });
}

/// Makes a panic a crash only outside the workbook reader: a panic of the reader is caught by
/// the import and reported as the file's error (see `ropa::import::is_reading_workbook`). For
/// the workbook fuzz targets, whose panic hook would otherwise abort on it.
#[allow(dead_code)] // Only the fuzz targets install it.
pub fn crash_only_outside_the_workbook_reader() {
    let crash = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if !ropa::import::is_reading_workbook() {
            crash(info);
        }
    }));
}

/// The parts of an XLSX workbook around a fuzzed sheet: one sheet, `Blad1`, and the shared
/// strings, found where office programs put them.
const XLSX_PARTS: [(&str, &str); 4] = [
    (
        "[Content_Types].xml",
        r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>"#,
    ),
    (
        "_rels/.rels",
        r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
    ),
    (
        "xl/workbook.xml",
        r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Blad1" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
    ),
    (
        "xl/_rels/workbook.xml.rels",
        r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#,
    ),
];

/// Imports `bytes` as an XLSX workbook, as `ropa import` does — measured, then read by the
/// workbook reader — and checks that what imports reads back: the bytes before the first NUL
/// are the sheet's XML, those after it the shared strings, if any (the other parts are written
/// here).
/// Panics only where ropa has a bug.
pub fn exercise_xlsx(bytes: &[u8]) {
    let mut halves = bytes.splitn(2, |&b| b == 0);
    let (sheet, strings) = (
        halves.next().unwrap_or_default(),
        halves.next().unwrap_or_default(),
    );
    let mut parts: Vec<(&str, &[u8])> = XLSX_PARTS
        .iter()
        .map(|(name, text)| (*name, text.as_bytes()))
        .collect();
    parts.push(("xl/worksheets/sheet1.xml", sheet));
    // Without a NUL there are no shared strings (inline strings need none).
    if !strings.is_empty() {
        parts.push(("xl/sharedStrings.xml", strings));
    }
    import_written("xlsx", |file| zip_parts(file, &parts));
}

/// Imports `content` as the `content.xml` of an ODS workbook (the other parts written here), as
/// `ropa import` does, and checks that what imports reads back. Panics only where ropa has a bug.
pub fn exercise_ods(content: &[u8]) {
    let manifest = r#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;
    let parts: [(&str, &[u8]); 3] = [
        ("mimetype", b"application/vnd.oasis.opendocument.spreadsheet"),
        ("META-INF/manifest.xml", manifest.as_bytes()),
        ("content.xml", content),
    ];
    import_written("ods", |file| zip_parts(file, &parts));
}

/// Writes `parts` into `file` as a zip archive, as XLSX and ODS workbooks are.
fn zip_parts(file: std::fs::File, parts: &[(&str, &[u8])]) -> std::io::Result<()> {
    use std::io::Write as _;
    let mut zip = zip::ZipWriter::new(file);
    for (name, bytes) in parts {
        zip.start_file(*name, zip::write::SimpleFileOptions::default())?;
        zip.write_all(bytes)?;
    }
    zip.finish().map(drop).map_err(std::io::Error::other)
}

/// Writes a workbook with `write` into a file of this process named by `extension` (the import
/// chooses its reader by it), imports it, removes it, and checks that what imports reads back.
fn import_written(extension: &str, write: impl FnOnce(std::fs::File) -> std::io::Result<()>) {
    let path = std::env::temp_dir().join(format!("ropa-exercise-{}.{extension}", std::process::id()));
    let written = std::fs::File::create(&path).and_then(write);
    let imported = written
        .ok()
        .and_then(|()| ropa::import::import_path(&path, &import_options()).ok());
    let _ = std::fs::remove_file(&path);
    if let Some(import) = imported {
        reads_back(&import);
    }
}

/// Checks that an import's YAML reads back as its register.
fn reads_back(import: &ropa::import::Import) {
    for note in &import.notes {
        let _ = note.to_string();
    }
    let yaml = ropa::import::to_yaml(import).unwrap_or_else(|e| panic!("{e}"));
    // Hidden characters are the organisation's text, but are written as escapes, never raw.
    if let Some(hidden) = yaml
        .chars()
        .find(|&c| ropa::report::sanitize(&c.to_string()) != c.to_string())
    {
        panic!("the imported YAML holds U+{:04X} raw:\n{yaml}", u32::from(hidden));
    }
    let reread = Document::parse("imported.yaml", &yaml, Format::Yaml, Limits::default())
        .and_then(|document| document.register());
    match reread {
        Ok(register) => assert_eq!(
            register, import.register,
            "the imported register reads back differently"
        ),
        Err(error) => panic!("the imported register does not load: {error}\n{yaml}"),
    }
}
