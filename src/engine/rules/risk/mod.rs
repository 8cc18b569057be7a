//! Retention (Art 5(1)(e)), automated decisions (Art 22, UAVG art 40), DPIAs (Art 35), cookies (Tw art 11.7a) and security (Art 32).

use super::prelude::Rule;

pub(super) static RULES: &[&Rule] = &[];
