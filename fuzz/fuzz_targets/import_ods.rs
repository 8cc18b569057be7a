//! Imports arbitrary bytes as the `content.xml` of an ODS workbook (`ropa import`), the other parts
//! of the archive written around them. The workbook is measured against the import's limits
//! (repeated rows and cells expanded), then read by the workbook reader, and whatever imports must
//! read back as the same register. An input that makes the process run out of memory or time is a
//! way past the measures.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/common/exercise.rs"]
mod exercise;

fuzz_target!(
    init: exercise::crash_only_outside_the_workbook_reader(),
    |data: &[u8]| exercise::exercise_ods(data)
);
