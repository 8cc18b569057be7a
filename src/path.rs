//! Field paths: where in a document a value sits, independent of the file format.
//!
//! A path is written as a JSON Pointer (RFC 6901): `/activities/3/lawful_bases/0/basis`. The
//! engine names fields by path so that it works for registers built in code; the source layer
//! turns a path into a file position when the value came from a file.

use std::borrow::Cow;
use std::fmt;

use serde::{Serialize, Serializer};

/// One step of a [`FieldPath`].
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PathSegment {
    /// A mapping key: a field name (borrowed, so building a path costs no copy of it), or a key
    /// read from a document.
    Key(Cow<'static, str>),
    /// A sequence index, from 0.
    Index(usize),
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
    fn pointers_round_trip() {
        for pointer in ["", "/activities/3/lawful_bases", "/a~1b/c~0d/0"] {
            assert_eq!(FieldPath::parse_pointer(pointer).to_string(), pointer);
        }
        let path = FieldPath::root().key("activities").index(3).key("purposes");
        assert_eq!(path.to_string(), "/activities/3/purposes");
        assert_eq!(FieldPath::parse_pointer("/activities/3/purposes"), path);
    }
}
