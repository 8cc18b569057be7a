//! A list the register may state, state as empty, or leave unsaid.
//!
//! Art 30(1)(b)–(g) asks the register for purposes, categories, recipients, transfers, retention
//! and security measures. Published registers leave such fields empty or write "niet vermeld";
//! that is a missing Art 30 item, not a statement that there are none. [`Listed`] keeps the three
//! apart so that a rule can report the missing item instead of reading it as "none":
//!
//! ```yaml
//! recipients: [belastingdienst, uwv]   # the recipients
//! recipients: none                     # stated: there are no recipients
//! recipients: not_stated               # the register does not say (same as leaving it out)
//! ```
//!
//! An empty list (`[]`) is refused because it cannot tell the two apart.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;
use std::ops::{Deref, DerefMut};

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::de::{self, Deserialize, Deserializer, SeqAccess, Visitor};
use serde::ser::{Serialize, SerializeSeq, Serializer};

/// The word for an explicit "there are none".
pub const NONE_WORD: &str = "none";
/// The word for "the register does not say".
pub const NOT_STATED_WORD: &str = "not_stated";

/// What an empty list is told instead: it cannot tell "there are none" from "the register does
/// not say".
const EMPTY_LIST: &str = "at least one item (write `none` or `not_stated` instead of `[]`)";

/// A list field of the register that may be stated, stated as empty, or not stated.
///
/// It dereferences to the stated items (an empty slice for [`Listed::None`] and
/// [`Listed::NotStated`]), so code that only walks the items reads as for a `Vec`; code that must
/// tell "none" from "not stated" matches on the variants.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub enum Listed<T> {
    /// The register does not say (the field is absent, empty, or written `not_stated`).
    #[default]
    NotStated,
    /// The register says there are none (written `none`).
    None,
    /// The stated items; never empty.
    Items(Vec<T>),
}

impl<T> Listed<T> {
    /// The stated items, empty when none are stated.
    pub fn items(&self) -> &[T] {
        match self {
            Self::Items(items) => items,
            Self::None | Self::NotStated => &[],
        }
    }

    /// Whether the register says anything about this item (items, or an explicit none).
    pub fn is_stated(&self) -> bool {
        !matches!(self, Self::NotStated)
    }

    /// Whether the register leaves this item unsaid.
    pub fn is_not_stated(&self) -> bool {
        matches!(self, Self::NotStated)
    }

    /// Whether the register says explicitly that there are none.
    pub fn is_explicitly_none(&self) -> bool {
        matches!(self, Self::None)
    }

    /// Adds an item; a list that was none or not stated now holds just this item.
    pub fn push(&mut self, item: T) {
        match self {
            Self::Items(items) => items.push(item),
            Self::None | Self::NotStated => *self = Self::Items(vec![item]),
        }
    }

    /// Keeps the items `keep` accepts; a list left empty becomes an explicit none.
    pub fn retain(&mut self, keep: impl FnMut(&T) -> bool) {
        if let Self::Items(items) = self {
            items.retain(keep);
            if items.is_empty() {
                *self = Self::None;
            }
        }
    }
}

impl<T> Deref for Listed<T> {
    type Target = [T];
    fn deref(&self) -> &[T] {
        self.items()
    }
}

impl<T> DerefMut for Listed<T> {
    fn deref_mut(&mut self) -> &mut [T] {
        match self {
            Self::Items(items) => items,
            Self::None | Self::NotStated => &mut [],
        }
    }
}

impl<'a, T> IntoIterator for &'a Listed<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.items().iter()
    }
}

/// A `Vec` of items; an empty `Vec` is an explicit none (code that builds a register says what it
/// means; use [`Listed::NotStated`] for "not stated").
impl<T> From<Vec<T>> for Listed<T> {
    fn from(items: Vec<T>) -> Self {
        if items.is_empty() {
            Self::None
        } else {
            Self::Items(items)
        }
    }
}

impl<T> FromIterator<T> for Listed<T> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        iter.into_iter().collect::<Vec<_>>().into()
    }
}

impl<T: Serialize> Serialize for Listed<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::NotStated => serializer.serialize_str(NOT_STATED_WORD),
            Self::None => serializer.serialize_str(NONE_WORD),
            Self::Items(items) => {
                let mut seq = serializer.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
        }
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Listed<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ListedVisitor<T>(PhantomData<T>);

        impl<'de, T: Deserialize<'de>> Visitor<'de> for ListedVisitor<T> {
            type Value = Listed<T>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "a list, `{NONE_WORD}` or `{NOT_STATED_WORD}`")
            }

            fn visit_str<E: de::Error>(self, word: &str) -> Result<Self::Value, E> {
                match word {
                    NONE_WORD => Ok(Listed::None),
                    NOT_STATED_WORD => Ok(Listed::NotStated),
                    other => Err(E::invalid_type(de::Unexpected::Str(other), &self)),
                }
            }

            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(Listed::NotStated)
            }

            fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(Listed::NotStated)
            }

            fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
                deserializer.deserialize_any(self)
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1024));
                while let Some(item) = seq.next_element()? {
                    items.push(item);
                }
                if items.is_empty() {
                    return Err(de::Error::invalid_length(0, &EMPTY_LIST));
                }
                Ok(Listed::Items(items))
            }
        }

        deserializer.deserialize_any(ListedVisitor(PhantomData))
    }
}

impl<T: JsonSchema> JsonSchema for Listed<T> {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        format!("Listed_{}", T::schema_name()).into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let items = generator.subschema_for::<T>();
        json_schema!({
            "anyOf": [
                { "type": "array", "items": items, "minItems": 1 },
                {
                    "type": "string",
                    "enum": [NONE_WORD, NOT_STATED_WORD],
                    "description": "`none`: the register says there are none; `not_stated`: it does not say (the same as leaving the field out)."
                }
            ]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deref_gives_the_stated_items() {
        let listed: Listed<u8> = vec![1, 2].into();
        assert_eq!(&*listed, &[1, 2]);
        assert!(Listed::<u8>::None.is_empty());
        assert!(Listed::<u8>::NotStated.is_empty());
        assert_eq!(Listed::<u8>::from(Vec::new()), Listed::None);
    }

    #[test]
    fn push_and_retain_keep_the_variants_honest() {
        let mut listed = Listed::NotStated;
        listed.push(3_u8);
        assert_eq!(listed, Listed::Items(vec![3]));
        listed.retain(|_| false);
        assert_eq!(listed, Listed::None);
    }

    #[test]
    fn words_and_lists_round_trip_through_json() {
        for text in ["\"none\"", "\"not_stated\"", "[\"a\",\"b\"]"] {
            let listed: Listed<String> = serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(serde_json::to_string(&listed).ok().as_deref(), Some(text));
        }
        let null: Listed<String> = serde_json::from_str("null").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(null, Listed::NotStated);
    }

    #[test]
    fn an_empty_list_and_a_bare_word_are_refused_with_the_fix() {
        let empty = serde_json::from_str::<Listed<String>>("[]")
            .err()
            .map(|e| e.to_string());
        assert!(empty.is_some_and(|m| m.contains("write `none` or `not_stated`")));
        let bare = serde_json::from_str::<Listed<String>>("\"burgers\"")
            .err()
            .map(|e| e.to_string());
        assert!(bare.is_some_and(|m| m.contains("expected a list, `none` or `not_stated`")));
    }
}
