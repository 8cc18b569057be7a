//! JSON Schemas for the register and proposal files, and for ropa's JSON output, generated from
//! the types themselves.
//!
//! The schemas are draft 2020-12, with the model's doc comments as descriptions and
//! `additionalProperties: false` wherever the loader refuses unknown fields. The checked-in copies
//! under `schema/` are regenerated with `ropa schema --out schema`; a test fails when they are
//! stale.
//!
//! ```
//! let schema = ropa::schema::register_schema();
//! assert_eq!(schema["title"], "Register");
//! assert_eq!(schema["additionalProperties"], false);
//! ```

use schemars::{JsonSchema, generate::SchemaSettings};

use crate::model::{Proposal, Register};

/// Which document a schema describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SchemaKind {
    /// A register file.
    Register,
    /// A proposal file.
    Proposal,
    /// The JSON output of `ropa check --format json` and `ropa evaluate --format json`.
    Report,
}

impl SchemaKind {
    /// Every kind, in the order files are written.
    pub const ALL: [Self; 3] = [Self::Register, Self::Proposal, Self::Report];

    /// The file name of the checked-in schema.
    pub fn file_name(self) -> &'static str {
        match self {
            Self::Register => "register.schema.json",
            Self::Proposal => "proposal.schema.json",
            Self::Report => "report.schema.json",
        }
    }

    /// The schema's `$id`: a URN naming the document kind and ropa's version line, such as
    /// `urn:ropa:schema:register:0.1`. The schemas travel with the tool (`ropa schema --out`,
    /// `ropa init`) rather than from one web address, so the id names the schema without
    /// pretending to be a place to fetch it from; files point editors at a copy with `$schema`.
    pub fn id(self) -> String {
        let kind = match self {
            Self::Register => "register",
            Self::Proposal => "proposal",
            Self::Report => "report",
        };
        format!(
            "urn:ropa:schema:{kind}:{}.{}",
            env!("CARGO_PKG_VERSION_MAJOR"),
            env!("CARGO_PKG_VERSION_MINOR")
        )
    }

    /// The schema as a JSON value.
    pub fn schema(self) -> serde_json::Value {
        let mut schema = match self {
            Self::Register => generate::<Register>(),
            Self::Proposal => generate::<Proposal>(),
            Self::Report => generate::<crate::report::RunReport>(),
        };
        if let Some(map) = schema.as_object_mut() {
            map.insert("$id".to_owned(), serde_json::Value::String(self.id()));
        }
        schema
    }

    /// The schema as pretty-printed JSON with a final newline, as checked in.
    pub fn to_pretty_json(self) -> String {
        let mut text = serde_json::to_string_pretty(&self.schema()).unwrap_or_default();
        text.push('\n');
        text
    }
}

/// The JSON Schema of a register file.
pub fn register_schema() -> serde_json::Value {
    SchemaKind::Register.schema()
}

/// The JSON Schema of a proposal file.
pub fn proposal_schema() -> serde_json::Value {
    SchemaKind::Proposal.schema()
}

/// Where a field of this name is allowed in a register (or, with `in_proposal`, a proposal): the
/// paths of the mappings that take it (`/catalogues`, `/activities/*`; `*` for any list item or
/// map key), shortest first. Read from the schemas, once: for a load error, to say where a key
/// that is unknown where it stands belongs (a key indented one level too little or too much).
pub(crate) fn field_homes(field: &str, in_proposal: bool) -> &'static [String] {
    type Homes = std::collections::HashMap<String, Vec<String>>;
    fn homes_in(schema: &serde_json::Value) -> Homes {
        let mut homes = Homes::new();
        collect_homes(schema, schema, String::new(), 0, &mut homes);
        for places in homes.values_mut() {
            places.sort_by(|a, b| (a.matches('/').count(), a).cmp(&(b.matches('/').count(), b)));
            places.dedup();
        }
        homes
    }
    static IN_REGISTER: std::sync::LazyLock<Homes> =
        std::sync::LazyLock::new(|| homes_in(&register_schema()));
    static IN_PROPOSAL: std::sync::LazyLock<Homes> =
        std::sync::LazyLock::new(|| homes_in(&proposal_schema()));
    let homes = if in_proposal { &IN_PROPOSAL } else { &IN_REGISTER };
    homes.get(field).map_or(&[], Vec::as_slice)
}

/// Records, for every property the schema `node` at `path` (or a schema it refers to) declares,
/// that `path` takes it. Bounded in depth: the model nests a dozen levels at most, and a
/// reference cycle would otherwise not end.
fn collect_homes(
    root: &serde_json::Value,
    node: &serde_json::Value,
    path: String,
    depth: usize,
    homes: &mut std::collections::HashMap<String, Vec<String>>,
) {
    if depth > 16 {
        return;
    }
    let node = match node.get("$ref").and_then(serde_json::Value::as_str) {
        Some(reference) => reference
            .strip_prefix("#/$defs/")
            .and_then(|name| root.get("$defs")?.get(name))
            .unwrap_or(node),
        None => node,
    };
    if let Some(properties) = node.get("properties").and_then(serde_json::Value::as_object) {
        for (name, property) in properties {
            let place = if path.is_empty() {
                "/".to_owned()
            } else {
                path.clone()
            };
            homes.entry(name.clone()).or_default().push(place);
            collect_homes(root, property, format!("{path}/{name}"), depth + 1, homes);
        }
    }
    for key in ["items", "additionalProperties"] {
        if let Some(inner) = node.get(key).filter(|v| v.is_object()) {
            collect_homes(root, inner, format!("{path}/*"), depth + 1, homes);
        }
    }
    for key in ["anyOf", "oneOf", "allOf"] {
        for alternative in node
            .get(key)
            .and_then(serde_json::Value::as_array)
            .into_iter()
            .flatten()
        {
            collect_homes(root, alternative, path.clone(), depth + 1, homes);
        }
    }
}

fn generate<T: JsonSchema>() -> serde_json::Value {
    let generator = SchemaSettings::draft2020_12().into_generator();
    let mut schema = generator.into_root_schema_for::<T>().to_value();
    tidy(&mut schema);
    schema
}

/// The formats JSON Schema 2020-12 defines; strict validators (ajv in strict mode) refuse others,
/// such as the `uint8` schemars writes for Rust integers (their bounds are in `minimum` and
/// `maximum` already).
const STANDARD_FORMATS: &[&str] = &[
    "date-time",
    "date",
    "time",
    "duration",
    "email",
    "idn-email",
    "hostname",
    "idn-hostname",
    "ipv4",
    "ipv6",
    "uri",
    "uri-reference",
    "iri",
    "iri-reference",
    "uuid",
    "uri-template",
    "json-pointer",
    "relative-json-pointer",
    "regex",
];

/// Makes the generated schema fit for editors and strict validators: no `null` offered where the
/// loader reads it as "absent" (leave the field out instead), no non-standard `format`, and no
/// rustdoc link syntax (`` [`X`] ``) in descriptions.
fn tidy(value: &mut serde_json::Value) {
    use serde_json::Value;
    match value {
        Value::Object(map) => {
            if map
                .get("format")
                .and_then(Value::as_str)
                .is_some_and(|f| !STANDARD_FORMATS.contains(&f))
            {
                map.remove("format");
            }
            if map.get("default").is_some_and(Value::is_null) {
                map.remove("default");
            }
            if let Some(Value::Array(types)) = map.get_mut("type") {
                types.retain(|t| t != "null");
                if let [only] = types.as_slice() {
                    let only = only.clone();
                    map.insert("type".to_owned(), only);
                }
            }
            for key in ["anyOf", "oneOf"] {
                if let Some(Value::Array(branches)) = map.get_mut(key) {
                    branches.retain(|b| b.get("type").and_then(Value::as_str) != Some("null"));
                }
            }
            if let Some(Value::String(description)) = map.get_mut("description") {
                *description = description.replace("[`", "`").replace("`]", "`");
            }
            map.values_mut().for_each(tidy);
        }
        Value::Array(items) => items.iter_mut().for_each(tidy),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::field_homes;

    /// Where a field belongs is read from the schemas, through references, lists and
    /// alternatives, shortest path first; a register's places are not a proposal's.
    #[test]
    fn field_homes_name_the_mappings_that_take_a_field() {
        assert_eq!(field_homes("public_authority", false), ["/controller"]);
        let purposes = field_homes("purposes", false);
        assert_eq!(purposes.first().map(String::as_str), Some("/catalogues"));
        assert!(
            purposes.iter().any(|p| p == "/activities/*/lawful_bases/*"),
            "{purposes:?}"
        );
        assert!(
            !purposes.iter().any(|p| p.starts_with("/activity")),
            "{purposes:?}"
        );
        assert!(field_homes("purposes", true).iter().any(|p| p == "/activity"));
        assert!(field_homes("no_such_field", false).is_empty());
    }
}
