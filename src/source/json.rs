//! JSON into the located tree, read from jsonc-parser's scanner in strict mode (no comments,
//! trailing commas, single quotes or other JSON5 leniencies).
//!
//! The depth and value limits are applied while reading. Duplicate keys, which JSON parsers
//! commonly let through, are refused.

use jsonc_parser::errors::{ParseError, ParseErrorKind};
use jsonc_parser::tokens::Token;
use jsonc_parser::{Scanner, ScannerOptions};

use super::Format;
use super::error::LoadErrorKind;
use super::limits::{Budget, Failure, Limits, check_unique_keys};
use super::tree::{Entry, Node, Span, Value};

/// jsonc-parser's scanner in strict JSON mode: no single quotes, hexadecimal or `+` numbers,
/// bare decimal points, `Infinity`/`NaN` or JSON5 escapes. Comments and trailing commas are
/// refused by [`Parser`].
const STRICT: ScannerOptions = ScannerOptions {
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
    let mut parser = Parser {
        text,
        scanner: Scanner::new(text, &STRICT),
        budget: Budget::new(limits),
        last_token_end: 0,
    };
    let Some(first) = parser.scan()? else {
        return Err(Failure {
            kind: LoadErrorKind::Empty,
            span: None,
        });
    };
    let root = parser.value(first, 0)?;
    if parser.scan()?.is_some() {
        return Err(parser.error(ParseErrorKind::MultipleRootJsonValues));
    }
    Ok(root)
}

/// A recursive-descent reader from jsonc-parser's tokens straight into the located tree, with
/// jsonc-parser's own error kinds and places. Reading into the tree directly, rather than
/// through jsonc-parser's AST, halves the cost of loading JSON, and applies the depth and value
/// limits while reading: a huge or deep file is refused at the point it passes them.
struct Parser<'t> {
    text: &'t str,
    scanner: Scanner<'t>,
    budget: Budget,
    /// Where the token before the current one ended (a missing comma is reported there).
    last_token_end: usize,
}

impl<'t> Parser<'t> {
    /// The next token; comments are refused (strict JSON).
    fn scan(&mut self) -> Result<Option<Token<'t>>, Failure> {
        self.last_token_end = self.scanner.token_end();
        let token = self.scanner.scan().map_err(|e| self.failure(&e))?;
        if let Some(Token::CommentLine(_) | Token::CommentBlock(_)) = token {
            return Err(self.error(ParseErrorKind::CommentsNotAllowed));
        }
        Ok(token)
    }

    /// The span of the current token.
    fn token_span(&self) -> Span {
        Span::new(self.scanner.token_start(), self.scanner.token_end())
    }

    /// An error of `kind` at the current token.
    fn error(&self, kind: ParseErrorKind) -> Failure {
        syntax(&kind, self.token_span())
    }

    fn failure(&self, error: &ParseError) -> Failure {
        let range = error.range();
        syntax(error.kind(), Span::new(range.start, range.end))
    }

    /// The value starting with `token`, the current token; on return the current token is the
    /// value's last.
    fn value(&mut self, token: Token<'t>, depth: usize) -> Result<Node, Failure> {
        let span = self.token_span();
        self.budget.add(1, span, false)?;
        let value = match token {
            Token::OpenBrace => return self.object(span.start, depth + 1),
            Token::OpenBracket => return self.array(span.start, depth + 1),
            Token::String(value) => {
                check_string_literal(self.text, span.start, span.end)?;
                Value::String(value.into_owned())
            }
            Token::Number(number) => number_value(number, span)?,
            Token::Boolean(b) => Value::Bool(b),
            Token::Null => Value::Null,
            Token::CloseBracket => return Err(self.error(ParseErrorKind::UnexpectedCloseBracket)),
            Token::CloseBrace => return Err(self.error(ParseErrorKind::UnexpectedCloseBrace)),
            Token::Comma => return Err(self.error(ParseErrorKind::UnexpectedComma)),
            Token::Colon => return Err(self.error(ParseErrorKind::UnexpectedColon)),
            Token::Word(_) => return Err(self.error(ParseErrorKind::UnexpectedWord)),
            Token::CommentLine(_) | Token::CommentBlock(_) => {
                return Err(self.error(ParseErrorKind::CommentsNotAllowed));
            }
        };
        Ok(Node { span, value })
    }

    /// An object whose `{` is at `start`, the current token.
    fn object(&mut self, start: usize, depth: usize) -> Result<Node, Failure> {
        self.budget.enter(depth, self.token_span())?;
        let mut entries = Vec::new();
        let mut token = self.scan()?;
        loop {
            match token {
                Some(Token::CloseBrace) => break,
                Some(Token::String(key)) => {
                    let key_span = self.token_span();
                    check_string_literal(self.text, key_span.start, key_span.end)?;
                    if self.scan()? != Some(Token::Colon) {
                        return Err(self.error(ParseErrorKind::ExpectedColonAfterObjectKey));
                    }
                    let Some(value) = self.scan()? else {
                        return Err(self.error(ParseErrorKind::ExpectedObjectValue));
                    };
                    entries.push(Entry {
                        key: key.into_owned(),
                        key_span,
                        value: self.value(value, depth)?,
                    });
                }
                None => return Err(self.unterminated(start, ParseErrorKind::UnterminatedObject)),
                Some(Token::Word(_) | Token::Number(_) | Token::Boolean(_) | Token::Null) => {
                    return Err(self.error(ParseErrorKind::ExpectedStringObjectProperty));
                }
                Some(_) => return Err(self.error(ParseErrorKind::UnexpectedTokenInObject)),
            }
            token = self.after_element(Token::CloseBrace)?;
        }
        check_unique_keys(&entries)?;
        Ok(Node {
            span: Span::new(start, self.scanner.token_end()),
            value: Value::Mapping(entries),
        })
    }

    /// An array whose `[` is at `start`, the current token.
    fn array(&mut self, start: usize, depth: usize) -> Result<Node, Failure> {
        self.budget.enter(depth, self.token_span())?;
        let mut items = Vec::new();
        let mut token = self.scan()?;
        loop {
            match token {
                Some(Token::CloseBracket) => break,
                None => return Err(self.unterminated(start, ParseErrorKind::UnterminatedArray)),
                Some(item) => items.push(self.value(item, depth)?),
            }
            token = self.after_element(Token::CloseBracket)?;
        }
        Ok(Node {
            span: Span::new(start, self.scanner.token_end()),
            value: Value::Sequence(items),
        })
    }

    /// Reads past an element of an object or array that `close` ends: a comma (not followed by
    /// `close`: no trailing commas), or the next token as it is. A value straight after the
    /// element is a missing comma.
    fn after_element(&mut self, close: Token<'t>) -> Result<Option<Token<'t>>, Failure> {
        let element_end = self.scanner.token_end();
        match self.scan()? {
            Some(Token::Comma) => {
                let comma = self.token_span();
                let next = self.scan()?;
                if next.as_ref() == Some(&close) {
                    return Err(syntax(&ParseErrorKind::TrailingCommasNotAllowed, comma));
                }
                Ok(next)
            }
            Some(
                Token::String(_)
                | Token::Word(_)
                | Token::Number(_)
                | Token::Boolean(_)
                | Token::Null
                | Token::OpenBrace
                | Token::OpenBracket,
            ) => Err(syntax(
                &ParseErrorKind::ExpectedComma,
                Span::new(element_end, element_end),
            )),
            other => Ok(other),
        }
    }

    /// An object or array that the end of the text cuts off, reported over all of it.
    fn unterminated(&self, start: usize, kind: ParseErrorKind) -> Failure {
        syntax(&kind, Span::new(start, self.scanner.token_end()))
    }
}

fn syntax(kind: &ParseErrorKind, span: Span) -> Failure {
    Failure::at(
        LoadErrorKind::Syntax {
            format: Format::Json,
            message: kind.to_string(),
        },
        span,
    )
}

fn number_value(number: &str, span: Span) -> Result<Value, Failure> {
    if let Ok(i) = number.parse::<i64>() {
        return Ok(Value::Integer(i));
    }
    match number.parse::<f64>() {
        Ok(x) => Ok(Value::Float(x)),
        Err(_) => Err(Failure::at(
            LoadErrorKind::Syntax {
                format: Format::Json,
                message: format!("the number `{number}` cannot be read"),
            },
            span,
        )),
    }
}

/// Refuses a raw control character inside a string literal: RFC 8259 §7 requires them escaped,
/// and jsonc-parser lets raw newlines and tabs through. Control characters are single bytes in
/// UTF-8 and never part of a longer character, so the bytes are searched.
fn check_string_literal(text: &str, start: usize, end: usize) -> Result<(), Failure> {
    let literal = text.get(start..end).unwrap_or_default();
    let Some(offset) = literal.bytes().position(|b| b < 0x20) else {
        return Ok(());
    };
    let c = char::from(literal.as_bytes().get(offset).copied().unwrap_or_default());
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
        Span::new(at, at + 1),
    ))
}
