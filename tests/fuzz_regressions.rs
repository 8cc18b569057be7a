//! Inputs that once crashed or hung ropa (found by the fuzz targets in `fuzz/`), and seeds worth
//! keeping, run through the same path on stable: `tests/fuzz-regressions/<target>/<name>`, where
//! the target names the format (`yaml`, `toml`, `json`, `import` for CSV sheets, `xls` for XLS
//! workbook streams, `xlsx` for an XLSX sheet and its shared strings, `ods` for an ODS file's
//! `content.xml`).

#[path = "common/exercise.rs"]
mod exercise;

use ropa::source::Format;

#[test]
fn every_kept_fuzz_input_runs_without_a_panic() {
    let mut count = 0;
    for (directory, format) in [
        ("yaml", Format::Yaml),
        ("toml", Format::Toml),
        ("json", Format::Json),
    ] {
        let path = std::path::Path::new("tests/fuzz-regressions").join(directory);
        let Ok(entries) = std::fs::read_dir(&path) else {
            continue;
        };
        for entry in entries.flatten() {
            let bytes = std::fs::read(entry.path()).unwrap_or_default();
            // Fuzzers write arbitrary bytes; ropa reads UTF-8 text, as the loader checks first.
            if let Ok(text) = std::str::from_utf8(&bytes) {
                exercise::exercise(text, format);
                count += 1;
            }
        }
    }
    // Sheets for `ropa import`, as bytes (the importer checks the encoding itself).
    if let Ok(entries) = std::fs::read_dir("tests/fuzz-regressions/import") {
        for entry in entries.flatten() {
            exercise::exercise_import(&std::fs::read(entry.path()).unwrap_or_default());
            count += 1;
        }
    }
    // Workbooks: an XLS file's workbook stream, imported in a compound file written around it;
    // an XLSX sheet and its shared strings, and an ODS file's `content.xml`, in a zip archive
    // written around them.
    type Exercise = fn(&[u8]);
    let workbooks: [(&str, Exercise); 3] = [
        ("xls", exercise::exercise_xls),
        ("xlsx", exercise::exercise_xlsx),
        ("ods", exercise::exercise_ods),
    ];
    for (directory, exercise) in workbooks {
        let Ok(entries) = std::fs::read_dir(std::path::Path::new("tests/fuzz-regressions").join(directory))
        else {
            continue;
        };
        for entry in entries.flatten() {
            exercise(&std::fs::read(entry.path()).unwrap_or_default());
            count += 1;
        }
    }
    assert!(count > 0, "no kept inputs found");
}
