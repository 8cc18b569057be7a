//! How a proposed activity goes beyond what the register declares.

use super::prelude::Rule;

pub(super) static RULES: &[&Rule] = &[];
