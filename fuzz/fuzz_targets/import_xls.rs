//! Imports arbitrary bytes as the workbook stream of an XLS file (`ropa import`): the workbook is
//! measured against the import's limits, then read by the workbook reader, and whatever imports
//! must read back as the same register. An input that makes the process run out of memory or
//! time is a way past the measures.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/common/exercise.rs"]
mod exercise;

fuzz_target!(
    init: {
        // A panic of the workbook reader is caught by the import and reported as the file's
        // error: only other panics are crashes.
        let crash = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !ropa::import::is_reading_workbook() {
                crash(info);
            }
        }));
    },
    |data: &[u8]| {
        exercise::exercise_xls(data);
    }
);
