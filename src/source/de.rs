//! Typed values from the located tree: a serde `Deserializer` over [`Node`] whose errors carry
//! the span of the offending node (or key) and the field path to it.
//!
//! Errors are located as they bubble up: the innermost deserializer that knows a node fills in
//! its span, and every mapping or sequence on the way out prepends its key or index to the path.
//! Nothing is recorded on the success path.

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, IntoDeserializer, Visitor};

use super::error::LoadErrorKind;
use super::tree::{Entry, Node, Span, Value};
use crate::model::{
    COUNTRY_NEWTYPE, CountryCode, DATE_NEWTYPE, Date, ID_NEWTYPE, Id, PERIOD_NEWTYPE, Period, ValueError,
};
use crate::path::{FieldPath, PathSegment};
use crate::suggest::nearest;

/// A deserialisation error with its location.
#[derive(Debug)]
pub(crate) struct DeError {
    pub(crate) kind: LoadErrorKind,
    pub(crate) span: Option<Span>,
    path_rev: Vec<PathSegment>,
}

impl DeError {
    fn new(kind: LoadErrorKind) -> Self {
        Self {
            kind,
            span: None,
            path_rev: Vec::new(),
        }
    }

    /// Fills in the span if no inner node did.
    fn at(mut self, span: Span) -> Self {
        self.span.get_or_insert(span);
        self
    }

    fn within(mut self, segment: PathSegment) -> Self {
        self.path_rev.push(segment);
        self
    }

    /// The field path, root first.
    pub(crate) fn path(&self) -> FieldPath {
        FieldPath::from_segments(self.path_rev.iter().rev().cloned().collect())
    }
}

impl fmt::Display for DeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.kind.fmt(f)
    }
}

impl std::error::Error for DeError {}

impl de::Error for DeError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Self::new(LoadErrorKind::Invalid {
            message: msg.to_string(),
        })
    }

    fn invalid_type(unexp: de::Unexpected<'_>, exp: &dyn de::Expected) -> Self {
        Self::new(LoadErrorKind::WrongType {
            expected: expected_in_words(exp),
            found: describe(&unexp),
        })
    }

    /// A value of the right type that does not fit, such as a negative or too large count
    /// (serde's own message would read "invalid value: integer `-5`, expected u32").
    fn invalid_value(unexp: de::Unexpected<'_>, exp: &dyn de::Expected) -> Self {
        Self::new(LoadErrorKind::OutOfRange {
            expected: expected_in_words(exp),
            found: describe(&unexp),
        })
    }

    fn invalid_length(len: usize, exp: &dyn de::Expected) -> Self {
        Self::new(LoadErrorKind::InvalidLength {
            expected: exp.to_string(),
            found: len,
        })
    }

    fn unknown_variant(variant: &str, expected: &'static [&'static str]) -> Self {
        Self::new(LoadErrorKind::UnknownVariant {
            value: variant.to_owned(),
            expected: expected.to_vec(),
            suggestion: nearest(variant, expected),
        })
    }

    fn unknown_field(field: &str, expected: &'static [&'static str]) -> Self {
        Self::new(LoadErrorKind::UnknownField {
            field: field.to_owned(),
            expected: expected.to_vec(),
            suggestion: nearest(field, expected),
        })
    }

    fn missing_field(field: &'static str) -> Self {
        Self::new(LoadErrorKind::MissingField { field })
    }

    fn duplicate_field(field: &'static str) -> Self {
        Self::new(LoadErrorKind::DuplicateKey {
            key: field.to_owned(),
            first: Span::default(),
        })
    }
}

/// What serde's visitors expect, in the words of the file rather than of Rust: a register's
/// author writes lists and whole numbers, not sequences and `u32`s.
fn expected_in_words(exp: &dyn de::Expected) -> String {
    let said = exp.to_string();
    let whole_number = |max: u64| format!("a whole number from 0 to {max}");
    match said.as_str() {
        "u8" => whole_number(u8::MAX.into()),
        "u16" => whole_number(u16::MAX.into()),
        "u32" => whole_number(u32::MAX.into()),
        "u64" | "usize" => whole_number(u64::MAX),
        "i8" | "i16" | "i32" | "i64" | "i128" | "isize" => "a whole number".to_owned(),
        "f32" | "f64" => "a number".to_owned(),
        "a sequence" => "a list".to_owned(),
        "a map" => "a mapping".to_owned(),
        "a character" | "a char" => "a single character".to_owned(),
        "unit" => "nothing (null)".to_owned(),
        "option" => "a value or null".to_owned(),
        _ if said.starts_with("struct ") || said.starts_with("tuple struct ") => {
            "a mapping of field names to values".to_owned()
        }
        _ if said.starts_with("enum ") || said.starts_with("variant ") => {
            "one of the allowed words".to_owned()
        }
        _ => said,
    }
}

/// Describes an unexpected value in the words the rest of the messages use.
fn describe(unexp: &de::Unexpected<'_>) -> String {
    match unexp {
        de::Unexpected::Bool(b) => format!("the boolean `{b}`"),
        de::Unexpected::Signed(i) => format!("the integer `{i}`"),
        de::Unexpected::Unsigned(i) => format!("the integer `{i}`"),
        de::Unexpected::Float(x) => format!("the number `{x}`"),
        de::Unexpected::Str(s) => format!("the string `{s}`"),
        de::Unexpected::Unit => "null".to_owned(),
        de::Unexpected::Seq => "a list".to_owned(),
        de::Unexpected::Map => "a mapping".to_owned(),
        de::Unexpected::Char(c) => format!("the character `{c}`"),
        de::Unexpected::Other(what) => (*what).to_owned(),
        // Kinds of value no register file can hold (bytes, Rust's enum and struct forms).
        _ => "a value of another kind".to_owned(),
    }
}

/// Deserialises from one node of the located tree.
pub(crate) struct NodeDeserializer<'a> {
    node: &'a Node,
}

impl<'a> NodeDeserializer<'a> {
    pub(crate) fn new(node: &'a Node) -> Self {
        Self { node }
    }

    /// Checks the text of a model value type, for the typed error when its own reading fails.
    fn check_value_type(&self, name: &str) -> Result<(), DeError> {
        let Value::String(text) = &self.node.value else {
            return Ok(());
        };
        let checked: Result<(), ValueError> = match name {
            ID_NEWTYPE => Id::check(text),
            DATE_NEWTYPE => Date::parse(text).map(drop),
            PERIOD_NEWTYPE => Period::parse(text).map(drop),
            COUNTRY_NEWTYPE => CountryCode::parse(text).map(drop),
            _ => Ok(()),
        };
        checked.map_err(|e| DeError::new(LoadErrorKind::InvalidValue(e)).at(self.node.span))
    }
}

impl<'de> Deserializer<'de> for NodeDeserializer<'de> {
    type Error = DeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        let span = self.node.span;
        let result = match &self.node.value {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(*b),
            Value::Integer(i) => visitor.visit_i64(*i),
            Value::Float(x) => visitor.visit_f64(*x),
            Value::String(s) => visitor.visit_borrowed_str(s),
            Value::Sequence(items) => visitor.visit_seq(SeqAccess {
                items: items.iter().enumerate(),
            }),
            Value::Mapping(entries) => visitor.visit_map(MapAccess {
                entries: entries.iter(),
                value: None,
            }),
        };
        result.map_err(|e| e.at(span))
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self.node.value {
            Value::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        // The model's value types check their text as they read it; only when one refuses it is
        // the text checked here again, for the typed error (checking every id twice was a tenth
        // of loading a register's typed values).
        let node = self.node;
        visitor
            .visit_newtype_struct(self)
            .map_err(|e| match Self::new(node).check_value_type(name) {
                Err(typed) => typed,
                Ok(()) => e.at(node.span),
            })
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        let span = self.node.span;
        let result = match &self.node.value {
            Value::String(s) => visitor.visit_enum(s.as_str().into_deserializer()),
            Value::Mapping(entries) if entries.len() == 1 => match entries.first() {
                Some(entry) => visitor.visit_enum(EnumAccess { entry }),
                None => Err(one_of(variants, "a mapping")),
            },
            Value::Mapping(entries) => Err(several_keys(entries, variants)),
            _ => Err(one_of(variants, self.node.value.kind_name())),
        };
        result.map_err(|e| e.at(span))
    }

    /// A struct is a mapping only: serde's derived visitors would also take a list of values in
    /// field order (`controller: ["X", null, …]`), which no register means.
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        match &self.node.value {
            Value::Sequence(_) => Err(DeError::new(LoadErrorKind::WrongType {
                expected: "a mapping of field names to values".to_owned(),
                found: "a list".to_owned(),
            })
            .at(self.node.span)),
            _ => self.deserialize_any(visitor),
        }
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct seq tuple tuple_struct map identifier
    }
}

/// The error for an enum written as a mapping with several keys. When one key is a variant the
/// others are what is wrong (`period: { surprise: 1, as_long_as_necessary: … }`): the first of
/// them is reported as an unknown field, at its key, with its path.
fn several_keys(entries: &[Entry], variants: &'static [&'static str]) -> DeError {
    let is_variant = |entry: &&Entry| variants.contains(&entry.key.as_str());
    let mut named = entries.iter().filter(is_variant);
    let (Some(variant), None) = (named.next(), named.next()) else {
        return one_of(variants, "a mapping with several keys");
    };
    let Some(stray) = entries.iter().find(|entry| !is_variant(entry)) else {
        return one_of(variants, "a mapping with several keys");
    };
    let allowed = variants
        .iter()
        .copied()
        .filter(|v| *v == variant.key.as_str())
        .collect();
    DeError::new(LoadErrorKind::UnknownField {
        field: stray.key.to_string(),
        expected: allowed,
        suggestion: None,
    })
    .at(stray.key_span)
    .within(PathSegment::Key(stray.key.clone().into()))
}

fn one_of(variants: &'static [&'static str], found: &str) -> DeError {
    DeError::new(LoadErrorKind::WrongType {
        expected: format!(
            "one of {} (a word, or a mapping with one of them as its only key)",
            variants
                .iter()
                .map(|v| format!("`{v}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        found: found.to_owned(),
    })
}

struct SeqAccess<'a> {
    items: std::iter::Enumerate<std::slice::Iter<'a, Node>>,
}

impl<'de> de::SeqAccess<'de> for SeqAccess<'de> {
    type Error = DeError;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, DeError> {
        let Some((index, node)) = self.items.next() else {
            return Ok(None);
        };
        seed.deserialize(NodeDeserializer::new(node))
            .map(Some)
            .map_err(|e| e.within(PathSegment::Index(index)))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

struct MapAccess<'a> {
    entries: std::slice::Iter<'a, Entry>,
    value: Option<&'a Entry>,
}

impl<'de> de::MapAccess<'de> for MapAccess<'de> {
    type Error = DeError;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, DeError> {
        let Some(entry) = self.entries.next() else {
            return Ok(None);
        };
        self.value = Some(entry);
        seed.deserialize(de::value::BorrowedStrDeserializer::<DeError>::new(&entry.key))
            .map(Some)
            .map_err(|e| {
                e.at(entry.key_span)
                    .within(PathSegment::Key(entry.key.clone().into()))
            })
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, DeError> {
        let Some(entry) = self.value.take() else {
            return Err(de::Error::custom("a value was requested before its key"));
        };
        seed.deserialize(NodeDeserializer::new(&entry.value))
            .map_err(|mut e| {
                // A field missing from this very mapping is shown at the key that opens it
                // (`controller:`), which is where a reader looks for it.
                if matches!(e.kind, LoadErrorKind::MissingField { .. }) && e.path_rev.is_empty() {
                    e.span = Some(entry.key_span);
                }
                e.within(PathSegment::Key(entry.key.clone().into()))
            })
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len())
    }
}

struct EnumAccess<'a> {
    entry: &'a Entry,
}

impl<'de> de::EnumAccess<'de> for EnumAccess<'de> {
    type Error = DeError;
    type Variant = VariantAccess<'de>;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self::Variant), DeError> {
        let entry = self.entry;
        let variant = seed
            .deserialize(de::value::BorrowedStrDeserializer::<DeError>::new(&entry.key))
            .map_err(|e| {
                e.at(entry.key_span)
                    .within(PathSegment::Key(entry.key.clone().into()))
            })?;
        Ok((variant, VariantAccess { entry }))
    }
}

/// The value under an enum's single key; errors inside it get the key added to their path, so a
/// bad field reads `/retention_rules/0/period/after_event/period`.
struct VariantAccess<'a> {
    entry: &'a Entry,
}

impl VariantAccess<'_> {
    fn located(&self, error: DeError) -> DeError {
        error.within(PathSegment::Key(self.entry.key.clone().into()))
    }
}

impl<'de> de::VariantAccess<'de> for VariantAccess<'de> {
    type Error = DeError;

    fn unit_variant(self) -> Result<(), DeError> {
        let node = &self.entry.value;
        match node.value {
            Value::Null => Ok(()),
            _ => Err(self.located(
                DeError::new(LoadErrorKind::WrongType {
                    expected: "nothing after this word".to_owned(),
                    found: node.value.kind_name().to_owned(),
                })
                .at(node.span),
            )),
        }
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, DeError> {
        seed.deserialize(NodeDeserializer::new(&self.entry.value))
            .map_err(|e| self.located(e))
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, DeError> {
        NodeDeserializer::new(&self.entry.value)
            .deserialize_any(visitor)
            .map_err(|e| self.located(e))
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        NodeDeserializer::new(&self.entry.value)
            .deserialize_any(visitor)
            .map_err(|e| self.located(e))
    }
}

#[cfg(test)]
mod tests {
    use crate::source::{Document, Format, Limits};

    /// A value type read from something other than a string is a wrong type, said in the
    /// user's words; one read from a string is read where it lies.
    #[test]
    fn value_types_read_strings_and_refuse_other_types_plainly() {
        let register = |id: &str, date: &str| {
            let text = format!(
                "controller: {{ name: X, public_authority: true }}\nregister: {{ updated: {date} }}\nactivities:\n  - {{ id: {id}, name: A }}\n"
            );
            Document::parse("register.yaml", &text, Format::Yaml, Limits::default())
                .and_then(|d| d.register())
        };
        let loaded = register("aanvragen", "2026-11-30").expect("loads");
        assert_eq!(
            loaded.activities.first().map(|a| a.id.as_str()),
            Some("aanvragen")
        );
        for (id, date, found) in [
            ("5", "2026-11-30", "expected a string, found the integer `5`"),
            ("[a]", "2026-11-30", "expected a string, found a list"),
            ("aanvragen", "{ y: 1 }", "expected a string, found a mapping"),
        ] {
            let error = register(id, date).expect_err("wrong type").to_string();
            assert!(error.contains(found), "{error}");
        }
    }

    /// The activities are read into one allocation of their number, and refused like any list
    /// when they are not one.
    #[test]
    fn activities_are_a_list() {
        let load = |activities: &str| {
            let text =
                format!("controller: {{ name: X, public_authority: true }}\nactivities: {activities}\n");
            Document::parse("register.yaml", &text, Format::Yaml, Limits::default())
                .and_then(|d| d.register())
        };
        let many = (0..300)
            .map(|i| format!("{{ id: a{i}, name: A }}"))
            .collect::<Vec<_>>()
            .join(", ");
        let register = load(&format!("[{many}]")).expect("loads");
        assert_eq!(register.activities.len(), 300);
        assert_eq!(register.activities.get(299).map(|a| a.id.as_str()), Some("a299"));
        let error = load("5").expect_err("not a list").to_string();
        assert!(
            error.contains("expected a list, found the integer `5`"),
            "{error}"
        );
    }
}
