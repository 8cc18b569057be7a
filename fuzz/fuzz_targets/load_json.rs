//! Loads arbitrary text as Json (a register or a proposal), lints or evaluates what loads, and
//! renders the findings and errors in every output format.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/common/exercise.rs"]
mod exercise;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        exercise::exercise(text, ropa::source::Format::Json);
    }
});
