//! TOML into the located tree, from `toml`'s spanned `DeTable`.
//!
//! The toml parser refuses nesting beyond its own recursion limit ([`TOML_PARSER_DEPTH`]),
//! reported as ropa's depth error, and duplicate keys; the conversion here applies ropa's depth
//! and value limits on top.

use toml::de::{DeTable, DeValue};

use super::Format;
use super::error::LoadErrorKind;
use super::limits::{Budget, Failure, Limits};
use super::tree::{Entry, Node, Span, Value};

/// The deepest nesting the toml parser reads, whatever ropa's limit.
const TOML_PARSER_DEPTH: usize = 80;

pub(crate) fn parse(text: &str, limits: Limits) -> Result<Node, Failure> {
    let table = DeTable::parse(text).map_err(|e| {
        let span = e.span().map_or(Span::new(0, 0), |r| Span::new(r.start, r.end));
        let mut message = e.message().trim_end().to_owned();
        if message.contains("max recursion depth") || message.contains("recursion limit") {
            let limit = limits
                .max_depth
                .min(super::limits::MAX_DEPTH)
                .min(TOML_PARSER_DEPTH);
            return Failure::at(LoadErrorKind::TooDeep { limit }, span);
        }
        // The parser says "duplicate key" without the key; the span holds it.
        if message == "duplicate key"
            && let Some(key) = text
                .get(span.start..span.end)
                .filter(|k| !k.is_empty() && !k.contains('\n'))
        {
            message = format!("duplicate key `{key}`");
        }
        Failure::at(
            LoadErrorKind::Syntax {
                format: Format::Toml,
                message,
            },
            span,
        )
    })?;
    let span = Span::new(0, text.len());
    let mut budget = Budget::new(limits);
    budget.enter(1, span)?;
    budget.add(1, span, false)?;
    let entries = convert_table(table.get_ref(), 1, &mut budget)?;
    Ok(Node {
        span,
        value: Value::Mapping(entries),
    })
}

fn convert_table(table: &DeTable<'_>, depth: usize, budget: &mut Budget) -> Result<Vec<Entry>, Failure> {
    table
        .iter()
        .map(|(key, value)| {
            let key_span = Span::new(key.span().start, key.span().end);
            let value_span = Span::new(value.span().start, value.span().end);
            Ok(Entry {
                key: key.get_ref().as_ref().into(),
                key_span,
                value: convert(value.get_ref(), value_span, depth, budget)?,
            })
        })
        .collect()
}

fn convert(value: &DeValue<'_>, span: Span, depth: usize, budget: &mut Budget) -> Result<Node, Failure> {
    budget.add(1, span, false)?;
    let value = match value {
        DeValue::String(s) => Value::String(s.as_ref().into()),
        DeValue::Integer(i) => {
            let digits = i.as_str().replace('_', "");
            let digits = match i.radix() {
                10 => digits.as_str(),
                _ => digits.get(2..).unwrap_or(""),
            };
            match i64::from_str_radix(digits, i.radix()) {
                Ok(n) => Value::Integer(n),
                Err(_) => return Err(Failure::at(out_of_range(i.as_str()), span)),
            }
        }
        DeValue::Float(x) => {
            let text = x.as_str().replace('_', "");
            let parsed = match text.as_str() {
                "inf" | "+inf" => Ok(f64::INFINITY),
                "-inf" => Ok(f64::NEG_INFINITY),
                "nan" | "+nan" | "-nan" => Ok(f64::NAN),
                other => other.parse::<f64>(),
            };
            match parsed {
                Ok(x) => Value::Float(x),
                Err(_) => return Err(Failure::at(out_of_range(x.as_str()), span)),
            }
        }
        DeValue::Boolean(b) => Value::Bool(*b),
        // A TOML date such as `updated = 2021-03-16` reads as its text, like a quoted date.
        DeValue::Datetime(dt) => Value::String(compact_str::ToCompactString::to_compact_string(&dt)),
        DeValue::Array(items) => {
            budget.enter(depth + 1, span)?;
            let items = items
                .iter()
                .map(|item| {
                    let item_span = Span::new(item.span().start, item.span().end);
                    convert(item.get_ref(), item_span, depth + 1, budget)
                })
                .collect::<Result<_, _>>()?;
            Value::Sequence(items)
        }
        DeValue::Table(table) => {
            budget.enter(depth + 1, span)?;
            Value::Mapping(convert_table(table, depth + 1, budget)?)
        }
    };
    Ok(Node { span, value })
}

fn out_of_range(text: &str) -> LoadErrorKind {
    LoadErrorKind::Syntax {
        format: Format::Toml,
        message: format!("the number `{text}` is out of range"),
    }
}
