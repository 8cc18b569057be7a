//! Imports arbitrary bytes as a CSV sheet (`ropa import`) and checks that whatever imports is
//! written as YAML that reads back as the same register.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/common/exercise.rs"]
mod exercise;

fuzz_target!(|data: &[u8]| {
    exercise::exercise_import(data);
});
