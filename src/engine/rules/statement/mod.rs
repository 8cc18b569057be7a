//! The privacy statement's commitments against the activities, and the rights it offers (Arts 12–22, 77).

use super::prelude::Rule;

pub(super) static RULES: &[&Rule] = &[];
