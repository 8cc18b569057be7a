//! YAML into the located tree, from saphyr's event stream.
//!
//! The tree is built with an explicit stack, never by recursion, and depth is checked as each
//! collection opens, so a file nested ten thousand levels deep is refused at level 65 after
//! reading only its first few hundred bytes. Aliases are expanded by copying the anchored node,
//! and every copy counts against the value budget, which refuses alias bombs before they grow.
//! Plain scalars are typed by the YAML 1.2 core schema (so `yes` is a string, not a boolean).

use compact_str::CompactString;
use foldhash::{HashMap, HashMapExt, HashSet};

use saphyr_parser::{Event, Parser, ScalarStyle, Span as YamlSpan};

use super::Format;
use super::error::LoadErrorKind;
use super::file::SourceFile;
use super::limits::{Budget, Failure, Limits, check_unique_keys};
use super::tree::{Entry, Node, Span, Value};

enum Frame {
    Sequence {
        start: usize,
        anchor: usize,
        items: Vec<Node>,
    },
    Mapping {
        start: usize,
        anchor: usize,
        entries: Vec<Entry>,
        key: Option<(CompactString, Span)>,
    },
}

struct Builder<'f> {
    file: &'f SourceFile,
    budget: Budget,
    stack: Vec<Frame>,
    anchors: HashMap<usize, (Node, usize)>,
    root: Option<Node>,
}

pub(crate) fn parse(file: &SourceFile, limits: Limits) -> Result<Node, Failure> {
    let mut builder = Builder {
        file,
        budget: Budget::new(limits),
        stack: Vec::new(),
        anchors: HashMap::new(),
        root: None,
    };
    let mut documents = 0usize;
    for item in Parser::new_from_str(file.text()) {
        let (event, span) = item.map_err(|e| {
            let offset = at_the_mistake(
                file.text(),
                file.offset_of(e.marker().line(), e.marker().col()),
                e.info(),
            );
            // The scanner runs ahead of the events ropa counts depth on, so nesting past its own
            // limit (255 flow levels) can reach it first: it is the same mistake.
            if let Some((opening, closing_line)) = runaway_quote(file.text(), offset, e.info()) {
                return Failure::at(
                    LoadErrorKind::Syntax {
                        format: Format::Yaml,
                        message: format!(
                            "{}: the quote here opens a string that only closes on line {closing_line}",
                            e.info()
                        ),
                    },
                    Span::new(opening, opening + 1),
                );
            }
            let kind = if e.info() == "recursion limit exceeded" {
                LoadErrorKind::TooDeep {
                    limit: limits.max_depth.min(super::limits::MAX_DEPTH),
                }
            } else {
                LoadErrorKind::Syntax {
                    format: Format::Yaml,
                    message: e.info().to_owned(),
                }
            };
            Failure::at(kind, Span::new(offset, offset))
        })?;
        let span = builder.span(span);
        match event {
            Event::DocumentStart(_) => {
                documents += 1;
                if documents > 1 {
                    return Err(Failure::at(
                        LoadErrorKind::UnsupportedYaml {
                            feature: "a second document (`---`); a file holds one register or proposal"
                                .into(),
                        },
                        span,
                    ));
                }
            }
            Event::Scalar(text, style, anchor, tag) => {
                if let Some(tag) = &tag
                    && !tag.is_yaml_core_schema()
                {
                    return Err(Failure::at(
                        LoadErrorKind::UnsupportedYaml {
                            feature: format!("the tag `{}{}`", tag.handle, tag.suffix),
                        },
                        span,
                    ));
                }
                let force_string = tag.as_ref().is_some_and(|t| t.suffix == "str");
                if builder.awaiting_key() {
                    builder.budget.add(1, span, false)?;
                    builder.set_key(text.into(), span);
                } else {
                    let value = if style == ScalarStyle::Plain && !force_string {
                        resolve_plain(&text)
                    } else {
                        Value::String(text.into())
                    };
                    builder.budget.add(1, span, false)?;
                    builder.complete(Node { span, value }, anchor)?;
                }
            }
            Event::SequenceStart(anchor, _) => {
                builder.open(
                    span,
                    Frame::Sequence {
                        start: span.start,
                        anchor,
                        items: Vec::new(),
                    },
                )?;
            }
            Event::MappingStart(anchor, _) => {
                builder.open(
                    span,
                    Frame::Mapping {
                        start: span.start,
                        anchor,
                        entries: Vec::new(),
                        key: None,
                    },
                )?;
            }
            Event::SequenceEnd | Event::MappingEnd => builder.close(span)?,
            Event::Alias(id) => {
                if builder.awaiting_key() {
                    return Err(unsupported_key(span));
                }
                let Some((node, count)) = builder.anchors.get(&id) else {
                    return Err(Failure::at(
                        LoadErrorKind::Syntax {
                            format: Format::Yaml,
                            message: "alias to an unknown anchor".into(),
                        },
                        span,
                    ));
                };
                let (node, count) = (node.clone(), *count);
                builder.budget.add(count, span, true)?;
                builder.complete(node, 0)?;
            }
            Event::StreamStart | Event::StreamEnd | Event::DocumentEnd | Event::Nothing => {}
        }
    }
    builder.root.ok_or(Failure {
        kind: LoadErrorKind::Empty,
        span: None,
    })
}

fn unsupported_key(span: Span) -> Failure {
    Failure::at(
        LoadErrorKind::UnsupportedYaml {
            feature: "a mapping key that is not a plain string".into(),
        },
        span,
    )
}

impl Builder<'_> {
    fn span(&self, span: YamlSpan) -> Span {
        Span::new(
            self.file.offset_of(span.start.line(), span.start.col()),
            self.file.offset_of(span.end.line(), span.end.col()),
        )
    }

    fn awaiting_key(&self) -> bool {
        matches!(self.stack.last(), Some(Frame::Mapping { key: None, .. }))
    }

    fn set_key(&mut self, text: CompactString, span: Span) {
        if let Some(Frame::Mapping { key, .. }) = self.stack.last_mut() {
            *key = Some((text, span));
        }
    }

    fn open(&mut self, span: Span, frame: Frame) -> Result<(), Failure> {
        if self.awaiting_key() {
            return Err(unsupported_key(span));
        }
        self.budget.enter(self.stack.len() + 1, span)?;
        self.budget.add(1, span, false)?;
        self.stack.push(frame);
        Ok(())
    }

    fn close(&mut self, span: Span) -> Result<(), Failure> {
        let (node, anchor) = match self.stack.pop() {
            Some(Frame::Sequence { start, anchor, items }) => (
                Node {
                    span: Span::new(start, span.end),
                    value: Value::Sequence(items),
                },
                anchor,
            ),
            Some(Frame::Mapping {
                start,
                anchor,
                entries,
                ..
            }) => {
                check_unique_keys(&entries)?;
                (
                    Node {
                        span: Span::new(start, span.end),
                        value: Value::Mapping(merge_keys(entries)?),
                    },
                    anchor,
                )
            }
            None => return Ok(()),
        };
        self.complete(node, anchor)
    }

    /// Places a finished node into its parent, remembering it when it carries an anchor.
    fn complete(&mut self, node: Node, anchor: usize) -> Result<(), Failure> {
        if anchor != 0 {
            let count = node.count();
            self.anchors.insert(anchor, (node.clone(), count));
        }
        match self.stack.last_mut() {
            Some(Frame::Sequence { items, .. }) => items.push(node),
            Some(Frame::Mapping { entries, key, .. }) => {
                if let Some((key, key_span)) = key.take() {
                    entries.push(Entry {
                        key,
                        key_span,
                        value: node,
                    });
                }
            }
            None => self.root = Some(node),
        }
        Ok(())
    }
}

/// The key of a YAML merge (`<<: *defaults`).
const MERGE_KEY: &str = "<<";

/// Expands merge keys, as YAML 1.1 defines them and as registers that share blocks through
/// anchors write them (`- <<: *gemeentelijke_verwerking` then what differs): the entries of the
/// mapping (or of each mapping in a list, earlier ones first) that `<<` names join the mapping
/// in its place, unless the mapping gives the key itself. The merged entries keep their spans, so
/// a mistake in them points at the anchored block, as for any alias. The values were counted
/// against the budget when the alias was read; merging moves them.
fn merge_keys(entries: Vec<Entry>) -> Result<Vec<Entry>, Failure> {
    if !entries.iter().any(|e| e.key == MERGE_KEY) {
        return Ok(entries);
    }
    // The keys given so far, hashed: a merge of large mappings (within the alias budget) stays
    // linear.
    let mut given: HashSet<CompactString> = (entries.iter())
        .filter(|e| e.key != MERGE_KEY)
        .map(|e| e.key.clone())
        .collect();
    let mut merged: Vec<Entry> = Vec::with_capacity(entries.len());
    for entry in entries {
        if entry.key != MERGE_KEY {
            merged.push(entry);
            continue;
        }
        let sources = match entry.value.value {
            Value::Mapping(source) => vec![source],
            Value::Sequence(items) => (items.into_iter())
                .map(|item| match item.value {
                    Value::Mapping(source) => Ok(source),
                    _ => Err(not_mergeable(item.span)),
                })
                .collect::<Result<_, _>>()?,
            _ => return Err(not_mergeable(entry.value.span)),
        };
        for source in sources {
            for candidate in source {
                if given.insert(candidate.key.clone()) {
                    merged.push(candidate);
                }
            }
        }
    }
    Ok(merged)
}

fn not_mergeable(span: Span) -> Failure {
    Failure::at(
        LoadErrorKind::UnsupportedYaml {
            feature: "a merge key (`<<`) whose value is not a mapping or a list of mappings".into(),
        },
        span,
    )
}

/// Types a plain scalar by the YAML 1.2 core schema.
fn resolve_plain(text: &str) -> Value {
    match text {
        "" | "~" | "null" | "Null" | "NULL" => return Value::Null,
        "true" | "True" | "TRUE" => return Value::Bool(true),
        "false" | "False" | "FALSE" => return Value::Bool(false),
        ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" => return Value::Float(f64::INFINITY),
        "-.inf" | "-.Inf" | "-.INF" => return Value::Float(f64::NEG_INFINITY),
        ".nan" | ".NaN" | ".NAN" => return Value::Float(f64::NAN),
        _ => {}
    }
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    if !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
        && let Ok(i) = text.parse::<i64>()
    {
        return Value::Integer(i);
    }
    // `from_str_radix` accepts a sign; the core schema's `0o[0-7]+` and `0x[0-9a-fA-F]+` do not.
    if let Some(octal) = text.strip_prefix("0o")
        && !octal.is_empty()
        && octal.bytes().all(|b| (b'0'..=b'7').contains(&b))
        && let Ok(i) = i64::from_str_radix(octal, 8)
    {
        return Value::Integer(i);
    }
    if let Some(hex) = text.strip_prefix("0x")
        && !hex.is_empty()
        && hex.bytes().all(|b| b.is_ascii_hexdigit())
        && let Ok(i) = i64::from_str_radix(hex, 16)
    {
        return Value::Integer(i);
    }
    if is_core_float(text)
        && let Ok(x) = text.parse::<f64>()
    {
        return Value::Float(x);
    }
    Value::String(text.into())
}

/// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`
fn is_core_float(text: &str) -> bool {
    let body = text.strip_prefix(['-', '+']).unwrap_or(text);
    let (mantissa, exponent) = match body.find(['e', 'E']) {
        Some(i) => (body.get(..i).unwrap_or(""), body.get(i + 1..)),
        None => (body, None),
    };
    let mantissa_ok = match mantissa.split_once('.') {
        Some((whole, frac)) => {
            (!whole.is_empty() || !frac.is_empty())
                && whole.bytes().all(|b| b.is_ascii_digit())
                && frac.bytes().all(|b| b.is_ascii_digit())
                && !(whole.is_empty() && frac.is_empty())
        }
        None => !mantissa.is_empty() && mantissa.bytes().all(|b| b.is_ascii_digit()),
    };
    let exponent_ok = exponent.is_none_or(|e| {
        let e = e.strip_prefix(['-', '+']).unwrap_or(e);
        !e.is_empty() && e.bytes().all(|b| b.is_ascii_digit())
    });
    mantissa_ok && exponent_ok
}

/// Where a YAML syntax error really is. For a tab the scanner marks the start of the value it was
/// reading (on the line before, when the tab starts the next line), which points a line early;
/// the tab itself, within the next two lines, is the mistake.
fn at_the_mistake(text: &str, offset: usize, message: &str) -> usize {
    if !message.contains("tab") {
        return offset;
    }
    let rest = text.get(offset..).unwrap_or_default();
    let window: usize = rest.split_inclusive('\n').take(2).map(str::len).sum();
    rest.get(..window)
        .and_then(|w| w.find('\t'))
        .map_or(offset, |tab| offset + tab)
}

/// For content after a double-quoted string that spans lines, the quote that opens it, with the
/// line it closes on: a stray `"` (or a value that starts with a quote and goes on after it)
/// makes the string run on, and the parser only objects where it closes, lines later.
fn runaway_quote(text: &str, offset: usize, message: &str) -> Option<(usize, usize)> {
    if !message.contains("trailing content after double-quoted scalar") {
        return None;
    }
    let before = text.get(..offset)?;
    let closing = before.rfind('"')?;
    // The opening quote: the one before the closing quote that no backslash escapes.
    let inside = before.get(..closing)?;
    let opening = inside.char_indices().rev().find_map(|(at, c)| {
        let escaped = inside
            .get(..at)?
            .bytes()
            .rev()
            .take_while(|&b| b == b'\\')
            .count()
            % 2
            == 1;
        (c == '"' && !escaped).then_some(at)
    })?;
    let line_of = |at: usize| 1 + text.get(..at).unwrap_or_default().matches('\n').count();
    let closing_line = line_of(closing);
    (line_of(opening) < closing_line).then_some((opening, closing_line))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::{Document, Limits as SourceLimits};

    fn register(text: &str) -> Result<crate::model::Register, crate::source::LoadError> {
        Document::parse("register.yaml", text, Format::Yaml, SourceLimits::default())
            .and_then(|d| d.register())
    }

    /// A register that shares blocks through merge keys reads as the one written out: the
    /// mapping's own keys win, then the merged mappings in order; a merge of something that is
    /// not a mapping is refused at it.
    #[test]
    fn merge_keys_read_as_the_mapping_written_out() {
        let merged = "\
controller: { name: X, public_authority: true }
activities:
  - <<: &wmo { purposes: [wmo], data_subjects: [aanvragers], retention: not_stated }
    id: a
    name: A
  - <<: [*wmo, { recipients: [zorgaanbieders], purposes: [other] }]
    id: b
    name: B
    data_subjects: [clienten]
";
        let written = "\
controller: { name: X, public_authority: true }
activities:
  - { purposes: [wmo], data_subjects: [aanvragers], retention: not_stated, id: a, name: A }
  - { purposes: [wmo], data_subjects: [clienten], retention: not_stated, recipients: [zorgaanbieders], id: b, name: B }
";
        assert_eq!(
            register(merged).expect("merged loads"),
            register(written).expect("written loads")
        );
        let error = register(
            "controller: &c { name: X, public_authority: true }\nactivities:\n  - <<: [*c, 5]\n    id: a\n",
        )
        .expect_err("a number does not merge");
        assert_eq!(error.kind.code(), "unsupported-yaml");
        assert_eq!(
            error.range().map(|(start, _)| (start.line, start.column)),
            Some((3, 14))
        );
    }

    #[test]
    fn plain_scalars_follow_the_core_schema() {
        assert_eq!(resolve_plain("yes"), Value::String("yes".into()));
        assert_eq!(resolve_plain("true"), Value::Bool(true));
        assert_eq!(resolve_plain("~"), Value::Null);
        assert_eq!(resolve_plain("42"), Value::Integer(42));
        assert_eq!(resolve_plain("0x1F"), Value::Integer(31));
        assert_eq!(resolve_plain("1.5e3"), Value::Float(1500.0));
        assert_eq!(resolve_plain("2021-03-16"), Value::String("2021-03-16".into()));
        assert_eq!(resolve_plain("P5Y"), Value::String("P5Y".into()));
        assert_eq!(resolve_plain("."), Value::String(".".into()));
        assert_eq!(resolve_plain("1e"), Value::String("1e".into()));
        for signed in ["0x-1", "0x+1f", "0o-7", "0o+7", "0x", "0o"] {
            assert_eq!(resolve_plain(signed), Value::String(signed.into()), "{signed}");
        }
    }
}
