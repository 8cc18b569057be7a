//! Limits that protect the loader from hostile files: size, nesting depth and the number of
//! values (which also bounds YAML alias expansion, the "billion laughs" attack).

use super::error::LoadErrorKind;
use super::tree::{Entry, Span};

/// Limits applied while loading. The defaults fit registers far larger than any real one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest file accepted, in bytes.
    pub max_file_size: u64,
    /// Deepest nesting of mappings and sequences accepted; at most [`MAX_DEPTH`], whatever is
    /// set here.
    pub max_depth: usize,
    /// Most values (scalars, mappings, sequences) accepted.
    pub max_values: usize,
    /// Most values that YAML aliases may add when expanded; kept well below `max_values` so an
    /// alias bomb is refused after little work.
    pub max_alias_values: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_file_size: 16 * 1024 * 1024,
            max_depth: 64,
            max_values: 2_000_000,
            max_alias_values: 100_000,
        }
    }
}

/// A parse failure before the file is attached.
#[derive(Debug)]
pub(crate) struct Failure {
    pub(crate) kind: LoadErrorKind,
    pub(crate) span: Option<Span>,
}

impl Failure {
    pub(crate) fn at(kind: LoadErrorKind, span: Span) -> Self {
        Self {
            kind,
            span: Some(span),
        }
    }
}

/// The deepest nesting any [`Limits`] admits. Reading into typed values and dropping a tree
/// recurse once per level, so a deeper tree could exhaust the stack of the thread that loads it.
pub const MAX_DEPTH: usize = 200;

/// Counts values and checks depth as a tree is built.
pub(crate) struct Budget {
    limits: Limits,
    values: usize,
    alias_values: usize,
}

impl Budget {
    pub(crate) fn new(mut limits: Limits) -> Self {
        limits.max_depth = limits.max_depth.min(MAX_DEPTH);
        Self {
            limits,
            values: 0,
            alias_values: 0,
        }
    }

    /// Accounts for `count` more values at `span`; `via_aliases` when they come from expanding
    /// an alias.
    pub(crate) fn add(&mut self, count: usize, span: Span, via_aliases: bool) -> Result<(), Failure> {
        self.values = self.values.saturating_add(count);
        if via_aliases {
            self.alias_values = self.alias_values.saturating_add(count);
            if self.alias_values > self.limits.max_alias_values {
                return Err(Failure::at(
                    LoadErrorKind::TooManyValues {
                        limit: self.limits.max_alias_values,
                        via_aliases,
                    },
                    span,
                ));
            }
        }
        if self.values > self.limits.max_values {
            return Err(Failure::at(
                LoadErrorKind::TooManyValues {
                    limit: self.limits.max_values,
                    via_aliases,
                },
                span,
            ));
        }
        Ok(())
    }

    /// Checks that a collection opened at `depth` (1 for the root) is within the limit.
    pub(crate) fn enter(&self, depth: usize, span: Span) -> Result<(), Failure> {
        if depth > self.limits.max_depth {
            return Err(Failure::at(
                LoadErrorKind::TooDeep {
                    limit: self.limits.max_depth,
                },
                span,
            ));
        }
        Ok(())
    }
}

/// Refuses a mapping that has a key twice, naming the second occurrence and pointing back at the
/// first. Sorting keeps this O(n log n) on hostile mappings with many keys.
pub(crate) fn check_unique_keys(entries: &[Entry]) -> Result<(), Failure> {
    if entries.len() < 2 {
        return Ok(());
    }
    let mut order: Vec<(&str, usize)> = entries
        .iter()
        .enumerate()
        .map(|(i, e)| (e.key.as_str(), i))
        .collect();
    order.sort_unstable();
    // The earliest second occurrence of any key, with the first occurrence of that key.
    let duplicate = order
        .windows(2)
        .filter_map(|pair| match pair {
            [(a, first), (b, second)] if a == b => Some((*first, *second)),
            _ => None,
        })
        .min_by_key(|(_, second)| *second);
    match duplicate.and_then(|(first, second)| Some((entries.get(first)?, entries.get(second)?))) {
        Some((first, second)) => Err(Failure::at(
            LoadErrorKind::DuplicateKey {
                key: second.key.to_string(),
                first: first.key_span,
            },
            second.key_span,
        )),
        None => Ok(()),
    }
}
