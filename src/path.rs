//! Field paths: where in a document a value sits, independent of the file format.
//!
//! A path is written as a JSON Pointer (RFC 6901): `/activities/3/lawful_bases/0/basis`. The
//! engine names fields by path so that it works for registers built in code; the source layer
//! turns a path into a file position when the value came from a file.

use std::borrow::Cow;
use std::cmp::Ordering;
use std::fmt;

use serde::{Serialize, Serializer};

/// One step of a [`FieldPath`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum PathSegment {
    /// A mapping key: a field name (borrowed, so building a path costs no copy of it), or a key
    /// read from a document.
    Key(Cow<'static, str>),
    /// A sequence index, from 0.
    Index(usize),
}

/// Keys before indices; keys by text, indices by number.
impl Ord for PathSegment {
    fn cmp(&self, other: &Self) -> Ordering {
        match (self, other) {
            // Rules name fields by the same static text: equal pointers are equal keys, found
            // without comparing bytes (findings are sorted by path).
            (Self::Key(a), Self::Key(b)) if std::ptr::eq(a.as_ref(), b.as_ref()) => Ordering::Equal,
            (Self::Key(a), Self::Key(b)) => a.cmp(b),
            (Self::Key(_), Self::Index(_)) => Ordering::Less,
            (Self::Index(_), Self::Key(_)) => Ordering::Greater,
            (Self::Index(a), Self::Index(b)) => a.cmp(b),
        }
    }
}

impl PartialOrd for PathSegment {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// A path from the document root to a value, displayed as a JSON Pointer.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FieldPath(Vec<PathSegment>);

impl FieldPath {
    /// The root path (`""`).
    pub fn root() -> Self {
        Self::default()
    }

    /// This path extended by a key. (By value: a path is built segment by segment, in place;
    /// clone one to extend it two ways.)
    #[must_use]
    pub fn key(mut self, key: impl Into<Cow<'static, str>>) -> Self {
        self.0.push(PathSegment::Key(key.into()));
        self
    }

    /// This path extended by an index.
    #[must_use]
    pub fn index(mut self, index: usize) -> Self {
        self.0.push(PathSegment::Index(index));
        self
    }

    /// The path one level up, or `None` at the root.
    pub fn parent(&self) -> Option<Self> {
        let (_, rest) = self.0.split_last()?;
        Some(Self(rest.to_vec()))
    }

    /// The segments, root first.
    pub fn segments(&self) -> &[PathSegment] {
        &self.0
    }

    /// Parses a JSON Pointer. Every `/`-separated token becomes a key unless it is a plain
    /// decimal number, which becomes an index; `~1` and `~0` unescape to `/` and `~`.
    pub fn parse_pointer(pointer: &str) -> Self {
        let segments = pointer
            .split('/')
            .skip(1)
            .map(|token| {
                let token = token.replace("~1", "/").replace("~0", "~");
                match token.parse::<usize>() {
                    Ok(i) if !token.starts_with('+') && (token == "0" || !token.starts_with('0')) => {
                        PathSegment::Index(i)
                    }
                    _ => PathSegment::Key(token.into()),
                }
            })
            .collect();
        Self(segments)
    }

    /// Builds a path from segments, root first.
    pub fn from_segments(segments: Vec<PathSegment>) -> Self {
        Self(segments)
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for segment in &self.0 {
            match segment {
                PathSegment::Key(key) => write!(f, "/{}", key.replace('~', "~0").replace('/', "~1"))?,
                PathSegment::Index(i) => write!(f, "/{i}")?,
            }
        }
        Ok(())
    }
}

impl Serialize for FieldPath {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl schemars::JsonSchema for FieldPath {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "FieldPath".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "A JSON Pointer (RFC 6901) from the document root to the field, e.g. `/activities/3/lawful_bases/0`."
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_order_keys_by_text_before_indices_by_number() {
        let owned = |text: &str| PathSegment::Key(Cow::Owned(text.to_owned()));
        let segments = [
            PathSegment::Key("activities".into()),
            owned("activities"),
            owned("activity"),
            PathSegment::Key("b".into()),
            PathSegment::Index(0),
            PathSegment::Index(2),
            PathSegment::Index(10),
        ];
        for (i, a) in segments.iter().enumerate() {
            for (j, b) in segments.iter().enumerate() {
                // The two spellings of `activities` (borrowed and owned) are one key.
                let rank = |k: usize| k.saturating_sub(1);
                assert_eq!(a.cmp(b), rank(i).cmp(&rank(j)), "{a:?} {b:?}");
                assert_eq!(a.partial_cmp(b), Some(a.cmp(b)));
            }
        }
    }

    #[test]
    fn pointers_round_trip() {
        for pointer in ["", "/activities/3/lawful_bases", "/a~1b/c~0d/0"] {
            assert_eq!(FieldPath::parse_pointer(pointer).to_string(), pointer);
        }
        let path = FieldPath::root().key("activities").index(3).key("purposes");
        assert_eq!(path.to_string(), "/activities/3/purposes");
        assert_eq!(FieldPath::parse_pointer("/activities/3/purposes"), path);
    }
}
