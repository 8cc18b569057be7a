//! Lawful bases (Art 6), consent (Arts 7 and 8), special categories (Art 9, UAVG arts 22–30), criminal data (Art 10) and national identification numbers (Art 87, UAVG art 46).

use super::prelude::Rule;

pub(super) static RULES: &[&Rule] = &[];
