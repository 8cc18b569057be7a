//! Processors (Art 28), joint controllers (Art 26) and transfers outside the EEA (Chapter V).

use super::prelude::Rule;

pub(super) static RULES: &[&Rule] = &[];
