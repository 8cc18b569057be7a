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
            if let Some((at, said)) = header_mix_up(text, span.start) {
                return Failure::at(
                    LoadErrorKind::Syntax {
                        format: Format::Toml,
                        message: said,
                    },
                    at,
                );
            }
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

/// A table header: `[path]` or, for an entry of a list of tables, `[[path]]`.
struct Header<'t> {
    path: String,
    list: bool,
    line: usize,
    span: Span,
    text: &'t str,
}

/// The table headers of `text` up to the line holding `until`, with their lines.
fn headers(text: &str, until: usize) -> Vec<Header<'_>> {
    let mut found = Vec::new();
    let mut offset = 0;
    for (index, line) in text.split_inclusive('\n').enumerate() {
        let start = offset;
        offset += line.len();
        if start > until {
            break;
        }
        let written = line.trim();
        let Some(inner) = written.strip_prefix('[') else {
            continue;
        };
        let list = inner.starts_with('[');
        let inner = inner.trim_start_matches('[');
        let Some(end) = inner.find(']') else {
            continue;
        };
        let path: String = inner
            .get(..end)
            .unwrap_or_default()
            .split('.')
            .map(|part| part.trim().trim_matches(['"', '\'']))
            .collect::<Vec<_>>()
            .join(".");
        let lead = line.len() - line.trim_start().len();
        let header_text = written.split('#').next().unwrap_or(written).trim_end();
        found.push(Header {
            path,
            list,
            line: index + 1,
            span: Span::new(start + lead, start + lead + header_text.len()),
            text: header_text,
        });
    }
    found
}

/// What lies behind the parser's "duplicate key" at `at` when it is a table header: a list of
/// tables started with single brackets (`[catalogues.purposes]` for the first purpose, then
/// `[[catalogues.purposes]]`), the reverse, or a sub-table given twice within one entry of a list
/// of tables (a `[[catalogues.processors]]` header left out before the second processor's
/// `[catalogues.processors.agreement]`). The parser reports the second header; the mistake is
/// often the first. Returns the place to report and the message.
fn header_mix_up(text: &str, at: usize) -> Option<(Span, String)> {
    let mut headers = headers(text, at);
    let current = headers.pop()?;
    if !(current.span.start..=current.span.end).contains(&at) {
        return None;
    }
    let earlier = |list: bool, path: &str| headers.iter().rev().find(|h| h.list == list && h.path == path);
    if current.list
        && let Some(single) = earlier(false, &current.path)
    {
        return Some((
            single.span,
            format!(
                "`{}` is a single table, but line {} adds `{}` entries to a list of that name",
                single.text, current.line, current.text
            ),
        ));
    }
    if !current.list
        && let Some(list) = earlier(true, &current.path)
    {
        return Some((
            current.span,
            format!(
                "`{}` defines a table where the `{}` on line {} started a list",
                current.text, list.text, list.line
            ),
        ));
    }
    let (parent, _) = current.path.rsplit_once('.')?;
    let entry = headers.iter().rposition(|h| h.list && h.path == parent)?;
    let entry_header = headers.get(entry)?;
    let since = headers.get(entry..)?;
    let twice = since.iter().find(|h| h.path == current.path)?;
    // A misspelt entry header between the two starts a list of another name, and what follows
    // it lands in the entry before: the header is the mistake.
    if let Some(misspelt) = since
        .iter()
        .find(|h| h.list && h.path != parent && crate::suggest::nearest(&h.path, &[parent]).is_some())
    {
        return Some((
            misspelt.span,
            format!(
                "`{}` is probably meant as `[[{parent}]]`: the `{}` on line {} lands in the entry above it, which has one on line {}",
                misspelt.text, current.text, current.line, twice.line
            ),
        ));
    }
    Some((
        current.span,
        format!(
            "duplicate key `{}`: this entry of `{}` (line {}) already has a `{}` (line {})",
            current.path.rsplit('.').next().unwrap_or_default(),
            entry_header.text,
            entry_header.line,
            twice.text,
            twice.line
        ),
    ))
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
