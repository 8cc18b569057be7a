//! JSON into the located tree, from jsonc-parser's AST in strict mode (no comments, trailing
//! commas, single quotes or other JSON5 leniencies).
//!
//! jsonc-parser stops at 512 levels of nesting on its own; ropa's lower depth limit is checked
//! during conversion. Duplicate keys, which JSON parsers commonly let through, are refused.

use jsonc_parser::ast::{ObjectPropName, Value as JsonValue};
use jsonc_parser::common::Ranged;
use jsonc_parser::errors::ParseErrorKind;
use jsonc_parser::{CollectOptions, ParseOptions, parse_to_ast};

use super::Format;
use super::error::LoadErrorKind;
use super::limits::{Budget, Failure, Limits, check_unique_keys};
use super::tree::{Entry, Node, Span, Value};

const STRICT: ParseOptions = ParseOptions {
    allow_comments: false,
    allow_loose_object_property_names: false,
    allow_trailing_commas: false,
    allow_missing_commas: false,
    allow_single_quoted_strings: false,
    allow_hexadecimal_numbers: false,
    allow_unary_plus_numbers: false,
    allow_bare_decimal_point_numbers: false,
    allow_non_finite_numbers: false,
    allow_extended_string_escapes: false,
};

pub(crate) fn parse(text: &str, limits: Limits) -> Result<Node, Failure> {
    // A byte order mark is read as three spaces, as YAML and TOML readers skip it: same byte
    // length, so every span still points into the file as written.
    let unmarked;
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => {
            unmarked = format!("   {rest}");
            unmarked.as_str()
        }
        None => text,
    };
    let parsed = parse_to_ast(text, &CollectOptions::default(), &STRICT).map_err(|e| {
        let range = e.range();
        let span = Span::new(range.start, range.end);
        let kind = match e.kind() {
            ParseErrorKind::NestingDepthExceeded => LoadErrorKind::TooDeep {
                limit: limits.max_depth,
            },
            other => LoadErrorKind::Syntax {
                format: Format::Json,
                message: other.to_string(),
            },
        };
        Failure::at(kind, span)
    })?;
    let Some(value) = parsed.value else {
        return Err(Failure {
            kind: LoadErrorKind::Empty,
            span: None,
        });
    };
    let mut budget = Budget::new(limits);
    convert(text, &value, 0, &mut budget)
}

/// Refuses a raw control character inside a string literal: RFC 8259 §7 requires them escaped,
/// and jsonc-parser lets raw newlines and tabs through.
fn check_string_literal(text: &str, start: usize, end: usize) -> Result<(), Failure> {
    let literal = text.get(start..end).unwrap_or_default();
    let Some((offset, c)) = literal.char_indices().find(|(_, c)| (*c as u32) < 0x20) else {
        return Ok(());
    };
    let escape = match c {
        '\n' => "`\\n`".to_owned(),
        '\t' => "`\\t`".to_owned(),
        '\r' => "`\\r`".to_owned(),
        other => format!("`\\u{:04x}`", other as u32),
    };
    let at = start + offset;
    Err(Failure::at(
        LoadErrorKind::Syntax {
            format: Format::Json,
            message: format!(
                "a raw control character (U+{:04X}) inside a string; JSON requires it escaped, as {escape}",
                c as u32
            ),
        },
        Span::new(at, at + c.len_utf8()),
    ))
}

fn convert(text: &str, value: &JsonValue<'_>, depth: usize, budget: &mut Budget) -> Result<Node, Failure> {
    let range = value.range();
    let span = Span::new(range.start, range.end);
    budget.add(1, span, false)?;
    let value = match value {
        JsonValue::NullKeyword(_) => Value::Null,
        JsonValue::BooleanLit(b) => Value::Bool(b.value),
        JsonValue::StringLit(s) => {
            check_string_literal(text, range.start, range.end)?;
            Value::String(s.value.to_string())
        }
        JsonValue::NumberLit(n) => match n.value.parse::<i64>() {
            Ok(i) => Value::Integer(i),
            Err(_) => match n.value.parse::<f64>() {
                Ok(x) => Value::Float(x),
                Err(_) => {
                    return Err(Failure::at(
                        LoadErrorKind::Syntax {
                            format: Format::Json,
                            message: format!("the number `{}` cannot be read", n.value),
                        },
                        span,
                    ));
                }
            },
        },
        JsonValue::Array(array) => {
            budget.enter(depth + 1, span)?;
            let items = array
                .elements
                .iter()
                .map(|item| convert(text, item, depth + 1, budget))
                .collect::<Result<_, _>>()?;
            Value::Sequence(items)
        }
        JsonValue::Object(object) => {
            budget.enter(depth + 1, span)?;
            let entries = object
                .properties
                .iter()
                .map(|prop| {
                    let (key, key_range) = match &prop.name {
                        ObjectPropName::String(s) => (s.value.to_string(), s.range),
                        ObjectPropName::Word(w) => (w.value.to_string(), w.range),
                    };
                    check_string_literal(text, key_range.start, key_range.end)?;
                    Ok(Entry {
                        key,
                        key_span: Span::new(key_range.start, key_range.end),
                        value: convert(text, &prop.value, depth + 1, budget)?,
                    })
                })
                .collect::<Result<Vec<_>, _>>()?;
            check_unique_keys(&entries)?;
            Value::Mapping(entries)
        }
    };
    Ok(Node { span, value })
}
