//! The located tree: one format-independent value tree in which every node and every mapping key
//! carries its byte span in the file. All three formats parse into it once; typed values are
//! deserialised from it, and any [`FieldPath`] can later be turned back into a span.

use compact_str::CompactString;

use crate::path::{FieldPath, PathSegment};

/// A byte range in a source file (`start..end`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (swapped if given the wrong way round).
    pub fn new(start: usize, end: usize) -> Self {
        Self {
            start: start.min(end),
            end: start.max(end),
        }
    }
}

/// A value with the span it was read from.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// Where the value is in the file.
    pub span: Span,
    /// The value.
    pub value: Value,
}

/// A mapping entry: a key with its own span, and the value.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The key (kept inline when short, as field names are: no allocation per entry).
    pub key: CompactString,
    /// Where the key is in the file.
    pub key_span: Span,
    /// The value.
    pub value: Node,
}

/// A format-independent value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// YAML `null`/`~`/empty, JSON `null` (TOML has none).
    Null,
    /// A boolean.
    Bool(bool),
    /// An integer.
    Integer(i64),
    /// A floating-point number.
    Float(f64),
    /// A string (TOML dates and times are kept as their text); kept inline when short, as ids
    /// and codes are.
    String(CompactString),
    /// A sequence (YAML sequence, TOML array, JSON array).
    Sequence(Vec<Node>),
    /// A mapping with unique string keys, in file order.
    Mapping(Vec<Entry>),
}

impl Value {
    /// The word a message uses for this kind of value.
    pub fn kind_name(&self) -> &'static str {
        match self {
            Self::Null => "null",
            Self::Bool(_) => "a boolean",
            Self::Integer(_) => "an integer",
            Self::Float(_) => "a number",
            Self::String(_) => "a string",
            Self::Sequence(_) => "a list",
            Self::Mapping(_) => "a mapping",
        }
    }
}

impl Node {
    /// The node at `path` below this one, if there is one.
    pub fn get(&self, path: &FieldPath) -> Option<&Node> {
        let mut node = self;
        for segment in path.segments() {
            node = match (&node.value, segment) {
                (Value::Mapping(entries), PathSegment::Key(key)) => {
                    &entries.iter().find(|e| e.key == key)?.value
                }
                (Value::Mapping(entries), PathSegment::Index(i)) => {
                    let key = i.to_string();
                    &entries.iter().find(|e| e.key == key)?.value
                }
                (Value::Sequence(items), PathSegment::Index(i)) => items.get(*i)?,
                _ => return None,
            };
        }
        Some(node)
    }

    /// The span of the value at `path`, or of the nearest ancestor that exists (so a finding
    /// about a missing field points at the mapping that lacks it).
    pub fn nearest_span(&self, path: &FieldPath) -> Span {
        let mut node = self;
        for segment in path.segments() {
            match node.get(&FieldPath::from_segments(vec![segment.clone()])) {
                Some(next) => node = next,
                None => break,
            }
        }
        node.span
    }

    /// The span to show for a finding about `path`: a scalar's own span; for a mapping or
    /// sequence, the key that opens it (one line instead of a block), or for a mapping in a list
    /// its first entry; for a field that is absent, the nearest ancestor shown the same way.
    pub fn display_span(&self, path: &FieldPath) -> Span {
        let mut depth = path.segments().len();
        loop {
            let prefix = FieldPath::from_segments(path.segments().get(..depth).unwrap_or_default().to_vec());
            if let Some(node) = self.get(&prefix) {
                let collection = matches!(node.value, Value::Mapping(_) | Value::Sequence(_));
                if collection && let Some(key) = self.key_span(&prefix) {
                    return key;
                }
                // A mapping in a list has no key of its own: show its first entry, which reads
                // the same in every format (`basis: public_task`, `"basis": "public_task"`).
                if let Value::Mapping(entries) = &node.value
                    && let Some(first) = entries.first()
                {
                    let end = match first.value.value {
                        Value::Mapping(_) | Value::Sequence(_) => first.key_span.end,
                        _ => first.value.span.end,
                    };
                    return Span::new(first.key_span.start, end);
                }
                return node.span;
            }
            if depth == 0 {
                return self.span;
            }
            depth -= 1;
        }
    }

    /// The span of the key that holds the value at `path` (for a path ending in a key).
    pub fn key_span(&self, path: &FieldPath) -> Option<Span> {
        let (last, parent) = path.segments().split_last()?;
        let parent = self.get(&FieldPath::from_segments(parent.to_vec()))?;
        match (&parent.value, last) {
            (Value::Mapping(entries), PathSegment::Key(key)) => {
                entries.iter().find(|e| e.key == key).map(|e| e.key_span)
            }
            _ => None,
        }
    }

    /// The value as JSON, dropping spans (non-finite numbers become `null`, as JSON has none).
    /// Useful for validating any of the three formats against the JSON Schema.
    pub fn to_json(&self) -> serde_json::Value {
        use serde_json::Value as Json;
        match &self.value {
            Value::Null => Json::Null,
            Value::Bool(b) => Json::Bool(*b),
            Value::Integer(i) => Json::from(*i),
            Value::Float(x) => serde_json::Number::from_f64(*x).map_or(Json::Null, Json::Number),
            Value::String(s) => Json::String(s.to_string()),
            Value::Sequence(items) => Json::Array(items.iter().map(Node::to_json).collect()),
            Value::Mapping(entries) => Json::Object(
                entries
                    .iter()
                    .map(|e| (e.key.to_string(), e.value.to_json()))
                    .collect(),
            ),
        }
    }

    /// Number of nodes in this subtree, this one included.
    pub fn count(&self) -> usize {
        1 + match &self.value {
            Value::Sequence(items) => items.iter().map(Node::count).sum(),
            Value::Mapping(entries) => entries.iter().map(|e| e.value.count()).sum(),
            _ => 0,
        }
    }
}
