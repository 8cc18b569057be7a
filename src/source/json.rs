//! JSON into the located tree, read from jsonc-parser's scanner in strict mode (no comments,
//! trailing commas, single quotes or other JSON5 leniencies).
//!
//! The depth and value limits are applied while reading. Duplicate keys, which JSON parsers
//! commonly let through, are refused.
//!
//! Two readers build the same tree: a byte-level one ([`fast`]) that accepts only plain, strict
//! JSON within the limits and gives up on anything else, and the token reader, which reads what
//! the first gave up on and words the error. Whatever the first accepts the second accepts with
//! the same tree (a test compares them), so the first only makes loading faster.

use std::fmt::Write as _;

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
    // Well-formed JSON within the limits, which nearly every file is, is read by the byte-level
    // reader; anything it does not accept is read again by the token reader, which gives the
    // error with jsonc-parser's words and places.
    match fast::parse(text, limits) {
        Some(root) => Ok(root),
        None => parse_tokens(text, limits),
    }
}

/// Reads `text` (without a byte order mark) with the token reader.
fn parse_tokens(text: &str, limits: Limits) -> Result<Node, Failure> {
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
        return Err(parser.bracket_or(ParseErrorKind::MultipleRootJsonValues));
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
                Value::String(value.into())
            }
            Token::Number(number) => number_value(number, span)?,
            Token::Boolean(b) => Value::Bool(b),
            Token::Null => Value::Null,
            Token::CloseBracket => return Err(self.bracket_or(ParseErrorKind::UnexpectedCloseBracket)),
            Token::CloseBrace => return Err(self.bracket_or(ParseErrorKind::UnexpectedCloseBrace)),
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
                        key: key.into(),
                        key_span,
                        value: self.value(value, depth)?,
                    });
                }
                None => return Err(self.unterminated(start, ParseErrorKind::UnterminatedObject)),
                Some(Token::Word(_) | Token::Number(_) | Token::Boolean(_) | Token::Null) => {
                    return Err(self.error(ParseErrorKind::ExpectedStringObjectProperty));
                }
                Some(_) => return Err(self.bracket_or(ParseErrorKind::UnexpectedTokenInObject)),
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
                    // A comma before a closing bracket one too many reads as a trailing comma;
                    // the bracket is the mistake when its indentation says so.
                    let closing = self.token_span().start;
                    return Err(self
                        .misplaced_bracket(closing + 1, Some(closing))
                        .unwrap_or_else(|| syntax(&ParseErrorKind::TrailingCommasNotAllowed, comma)));
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

    /// An error of `kind` at the current token, which a bracket too many or too few can cause
    /// far from it: reported at that bracket when the file's indentation gives it away.
    fn bracket_or(&self, kind: ParseErrorKind) -> Failure {
        self.misplaced_bracket(self.token_span().end, None)
            .unwrap_or_else(|| self.error(kind))
    }

    /// Where a bracket too many or too few probably is, before `end`: the first pair of brackets
    /// that disagree in indentation (see [`first_disagreeing_pair`]). A closing bracket indented
    /// deeper than its partner closes too early (one too many, or an opening one missing above
    /// it); one indented less leaves its partner open (an opening one too many, or a closing one
    /// missing). With `closing`, only a pair that this closing bracket ends counts. The reader's
    /// own words ("Text cannot contain more than one JSON value") describe a symptom; the
    /// message names the bracket instead.
    fn misplaced_bracket(&self, end: usize, closing: Option<usize>) -> Option<Failure> {
        let pair = first_disagreeing_pair(self.text, end)?;
        if closing.is_some_and(|at| at != pair.close) {
            return None;
        }
        let bracket = |at: usize| self.text.get(at..=at).unwrap_or_default();
        let line_of = |at: usize| 1 + self.text.get(..at).unwrap_or_default().matches('\n').count();
        let (at, message) = if pair.closes_deeper {
            let mut message = format!(
                "this `{}` probably closes too early: it pairs with the `{}` on line {}, which is indented differently",
                bracket(pair.close),
                bracket(pair.open),
                line_of(pair.open)
            );
            // Where an opening bracket would have to be: after the last line above that is
            // indented no deeper than this bracket (the lines between belong inside it).
            let before = self.text.get(..pair.close).unwrap_or_default();
            let indent = |line: &str| line.len() - line.trim_start_matches([' ', '\t']).len();
            let closing_indent = before.rsplit('\n').next().map_or(0, indent);
            let closing_line = line_of(pair.close);
            let shallower = (before.rsplit('\n').enumerate().skip(1))
                .find(|(_, l)| !l.trim().is_empty() && indent(l) <= closing_indent)
                .map(|(back, _)| closing_line - back);
            if let Some(shallower) = shallower
                && shallower + 1 < closing_line
            {
                let _ = write!(
                    message,
                    "; or an opening bracket is missing after line {shallower}"
                );
            }
            (pair.close, message)
        } else if self.contents_indented(pair.open) {
            // The opening bracket's contents are indented under it, as they should be: what is
            // missing is its closing bracket, before the one that closes it instead.
            let message = format!(
                "a closing bracket is probably missing before this `{}`: it pairs with the `{}` on line {}, which is indented deeper",
                bracket(pair.close),
                bracket(pair.open),
                line_of(pair.open)
            );
            (pair.close, message)
        } else {
            let message = format!(
                "this `{}` is probably one too many: what follows it is not indented under it, and the `{}` on line {} that pairs with it is indented differently",
                bracket(pair.open),
                bracket(pair.close),
                line_of(pair.close)
            );
            (pair.open, message)
        };
        Some(Failure::at(
            LoadErrorKind::Syntax {
                format: Format::Json,
                message,
            },
            Span::new(at, at + 1),
        ))
    }

    /// Whether the line after the one with the bracket at `open` is indented deeper than it, as
    /// the contents of a bracket opened at the end of a line are.
    fn contents_indented(&self, open: usize) -> bool {
        let indent = |line: &str| line.len() - line.trim_start_matches([' ', '\t']).len();
        let line_start = self
            .text
            .get(..open)
            .and_then(|t| t.rfind('\n'))
            .map_or(0, |n| n + 1);
        let mut lines = self.text.get(line_start..).unwrap_or_default().split('\n');
        let opening_indent = lines.next().map_or(0, indent);
        lines
            .find(|l| !l.trim().is_empty())
            .is_some_and(|next| indent(next) > opening_indent)
    }

    /// An object or array that the end of the text cuts off. Reported where the mistake
    /// probably is, not over all of it (a span of the whole file shows nothing): at a bracket
    /// too many or too few when the file's indentation gives it away, else at the end of the
    /// text, naming the line of the innermost bracket left open.
    fn unterminated(&self, start: usize, kind: ParseErrorKind) -> Failure {
        if let Some(failure) = self.misplaced_bracket(self.text.len(), None) {
            return failure;
        }
        let bracket = if matches!(kind, ParseErrorKind::UnterminatedArray) {
            "["
        } else {
            "{"
        };
        let end = self.text.len();
        let line = 1 + self.text.get(..start).unwrap_or_default().matches('\n').count();
        Failure::at(
            LoadErrorKind::Syntax {
                format: Format::Json,
                message: format!("{kind}: the file ends before the `{bracket}` on line {line} is closed"),
            },
            Span::new(end, end),
        )
    }
}

/// Two brackets the reader pairs, by position.
struct BracketPair {
    open: usize,
    close: usize,
    /// Whether the closing bracket's line is indented deeper than the opening one's.
    closes_deeper: bool,
}

/// The first pair of brackets before `end` (paired by count, as a reader pairs them) whose
/// closing bracket starts a line indented differently from the line the opening one is on:
/// where a missing or extra bracket probably is. People close a bracket at the indentation of
/// the line that opens it, so one bracket too few or too many shows as the first pair that
/// disagrees, while the reader only notices at the end of the object or the file. A file without
/// consistent indentation gives no answer. Strings are skipped, escapes included.
fn first_disagreeing_pair(text: &str, end: usize) -> Option<BracketPair> {
    let bytes = text.as_bytes().get(..end)?;
    // The current line's indentation, counted as the scan passes it (looking back from each
    // bracket would be quadratic on a file written on one line), and whether only indentation
    // has been seen on it so far.
    let (mut indent, mut in_indent) = (0, true);
    let mut open: Vec<(usize, usize)> = Vec::new();
    let (mut in_string, mut escaped) = (false, false);
    for (at, &byte) in bytes.iter().enumerate() {
        let starts_line = in_indent && !matches!(byte, b' ' | b'\t' | b'\n');
        match byte {
            b'\n' => (indent, in_indent) = (0, true),
            b' ' | b'\t' if in_indent => indent += 1,
            _ => in_indent = false,
        }
        if in_string {
            match byte {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match byte {
            b'"' => in_string = true,
            b'{' | b'[' => open.push((at, indent)),
            b'}' | b']' => {
                let (opened_at, opened_indent) = open.pop()?;
                if starts_line && indent != opened_indent {
                    return Some(BracketPair {
                        open: opened_at,
                        close: at,
                        closes_deeper: indent > opened_indent,
                    });
                }
            }
            _ => {}
        }
    }
    None
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

/// The byte-level reader: strict RFC 8259 JSON straight from the bytes into the located tree,
/// with the same spans, limits and values as [`Parser`]. It gives up (`None`) on anything it does
/// not read plainly (a syntax error, a limit passed, a duplicate key, a surrogate escape, a raw
/// control character), leaving the file to the token reader, which reports it.
pub(crate) mod fast {
    use compact_str::CompactString;

    use super::super::limits::{Budget, Limits, check_unique_keys};
    use super::super::tree::{Entry, Node, Span, Value};

    pub(crate) fn parse(text: &str, limits: Limits) -> Option<Node> {
        let mut reader = Reader {
            text,
            bytes: text.as_bytes(),
            at: 0,
            budget: Budget::new(limits),
            entries: Vec::new(),
            items: Vec::new(),
        };
        reader.skip_whitespace();
        let root = reader.value(0)?;
        reader.skip_whitespace();
        (reader.at == reader.bytes.len()).then_some(root)
    }

    /// Whether one of the eight bytes of `word` is a quote, a backslash or a control character
    /// (below 0x20), which end a string's plain run. Bit tricks that test all eight at once: a
    /// byte is zero after `^` exactly where it equalled the other byte, and `hasless` finds a
    /// byte below 0x20; bytes of multi-byte characters (0x80 and up) never match.
    pub(super) fn ends_plain_run(word: u64) -> bool {
        const ONES: u64 = 0x0101_0101_0101_0101;
        const HIGH: u64 = 0x8080_8080_8080_8080;
        let has_zero = |v: u64| v.wrapping_sub(ONES) & !v & HIGH != 0;
        let below_space = word.wrapping_sub(ONES * 0x20) & !word & HIGH != 0;
        has_zero(word ^ (ONES * u64::from(b'"'))) || has_zero(word ^ (ONES * u64::from(b'\\'))) || below_space
    }

    struct Reader<'t> {
        text: &'t str,
        bytes: &'t [u8],
        at: usize,
        budget: Budget,
        /// The entries of the objects being read, innermost last: each object's are moved into
        /// a list of exactly their number when it closes, so no list grows by copying itself
        /// (growing them was a tenth of reading a register).
        entries: Vec<Entry>,
        /// The same for the items of the arrays being read.
        items: Vec<Node>,
    }

    impl Reader<'_> {
        fn peek(&self) -> Option<u8> {
            self.bytes.get(self.at).copied()
        }

        fn skip_whitespace(&mut self) {
            while matches!(self.peek(), Some(b' ' | b'\n' | b'\r' | b'\t')) {
                self.at += 1;
            }
        }

        /// The next eight bytes, if there are eight.
        fn word(&self) -> Option<u64> {
            let bytes = self.bytes.get(self.at..self.at + 8)?;
            <[u8; 8]>::try_from(bytes).ok().map(u64::from_le_bytes)
        }

        /// The value at the current byte (not whitespace); on return the reader is just past it.
        fn value(&mut self, depth: usize) -> Option<Node> {
            let start = self.at;
            match self.peek()? {
                b'{' => {
                    self.budget.add(1, Span::new(start, start + 1), false).ok()?;
                    self.object(depth + 1)
                }
                b'[' => {
                    self.budget.add(1, Span::new(start, start + 1), false).ok()?;
                    self.array(depth + 1)
                }
                b'"' => {
                    let value = Value::String(self.string()?);
                    self.leaf(start, value)
                }
                b't' => self.literal(b"true", Value::Bool(true)),
                b'f' => self.literal(b"false", Value::Bool(false)),
                b'n' => self.literal(b"null", Value::Null),
                b'-' | b'0'..=b'9' => {
                    self.number()?;
                    let number = self.text.get(start..self.at)?;
                    let value = super::number_value(number, Span::new(start, self.at)).ok()?;
                    self.leaf(start, value)
                }
                _ => None,
            }
        }

        /// A scalar that ends at the current byte, counted against the value limit.
        fn leaf(&mut self, start: usize, value: Value) -> Option<Node> {
            let span = Span::new(start, self.at);
            self.budget.add(1, span, false).ok()?;
            Some(Node { span, value })
        }

        fn literal(&mut self, word: &[u8], value: Value) -> Option<Node> {
            let start = self.at;
            let end = start + word.len();
            if self.bytes.get(start..end)? != word
                || self
                    .bytes
                    .get(end)
                    .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_')
            {
                return None;
            }
            self.at = end;
            self.leaf(start, value)
        }

        /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`, not followed by a word character.
        fn number(&mut self) -> Option<()> {
            if self.peek() == Some(b'-') {
                self.at += 1;
            }
            match self.peek()? {
                b'0' => self.at += 1,
                b'1'..=b'9' => self.digits(),
                _ => return None,
            }
            if self.peek() == Some(b'.') {
                self.at += 1;
                self.required_digits()?;
            }
            if matches!(self.peek(), Some(b'e' | b'E')) {
                self.at += 1;
                if matches!(self.peek(), Some(b'+' | b'-')) {
                    self.at += 1;
                }
                self.required_digits()?;
            }
            match self.peek() {
                Some(b) if b.is_ascii_alphanumeric() || b == b'.' || b == b'_' => None,
                _ => Some(()),
            }
        }

        fn digits(&mut self) {
            while self.peek().is_some_and(|b| b.is_ascii_digit()) {
                self.at += 1;
            }
        }

        fn required_digits(&mut self) -> Option<()> {
            let start = self.at;
            self.digits();
            (self.at > start).then_some(())
        }

        /// A string literal at the current `"`, decoded; the reader ends past the closing quote.
        fn string(&mut self) -> Option<CompactString> {
            self.at += 1;
            let start = self.at;
            // The plain run up to the closing quote or the first escape, eight bytes at a time
            // while none of them ends it, then byte by byte. (memchr is slower here: a
            // register's strings are short ids and labels.)
            self.skip_plain_words();
            while let Some(b) = self.peek() {
                match b {
                    b'"' => {
                        let plain = CompactString::from(self.text.get(start..self.at)?);
                        self.at += 1;
                        return Some(plain);
                    }
                    b'\\' => break,
                    0x00..=0x1f => return None,
                    _ => self.at += 1,
                }
            }
            let mut decoded = CompactString::from(self.text.get(start..self.at)?);
            loop {
                let run = self.at;
                self.skip_plain_words();
                while self.peek().is_some_and(|b| b != b'"' && b != b'\\' && b >= 0x20) {
                    self.at += 1;
                }
                decoded.push_str(self.text.get(run..self.at)?);
                match self.peek()? {
                    b'"' => {
                        self.at += 1;
                        return Some(decoded);
                    }
                    b'\\' => {
                        let escaped = self.bytes.get(self.at + 1).copied()?;
                        self.at += 2;
                        decoded.push(match escaped {
                            b'"' => '"',
                            b'\\' => '\\',
                            b'/' => '/',
                            b'b' => '\u{8}',
                            b'f' => '\u{c}',
                            b'n' => '\n',
                            b'r' => '\r',
                            b't' => '\t',
                            b'u' => {
                                let hex = self.text.get(self.at..self.at + 4)?;
                                if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
                                    return None;
                                }
                                self.at += 4;
                                // A surrogate (half of a pair) is left to the token reader.
                                char::from_u32(u32::from_str_radix(hex, 16).ok()?)?
                            }
                            _ => return None,
                        });
                    }
                    _ => return None,
                }
            }
        }

        /// Past the next bytes of a string, eight at a time, as long as none of the eight is a
        /// quote, a backslash or a control character.
        fn skip_plain_words(&mut self) {
            while let Some(word) = self.word() {
                if ends_plain_run(word) {
                    return;
                }
                self.at += 8;
            }
        }

        /// Past the `{` or `[` at the current byte, which opens a collection at `depth`, and
        /// any whitespace: `Some(false)` when `close` follows at once (the collection is empty).
        fn open(&mut self, depth: usize, close: u8) -> Option<bool> {
            self.budget.enter(depth, Span::new(self.at, self.at + 1)).ok()?;
            self.at += 1;
            self.skip_whitespace();
            if self.peek()? == close {
                self.at += 1;
                return Some(false);
            }
            Some(true)
        }

        /// Past an element of a collection that `close` ends: `Some(true)` after a comma (an
        /// element follows; a trailing comma is caught when it does not), `Some(false)` after
        /// `close`.
        fn next(&mut self, close: u8) -> Option<bool> {
            self.skip_whitespace();
            match self.peek()? {
                b',' => {
                    self.at += 1;
                    self.skip_whitespace();
                    Some(true)
                }
                b if b == close => {
                    self.at += 1;
                    Some(false)
                }
                _ => None,
            }
        }

        /// An object whose `{` is the current byte.
        fn object(&mut self, depth: usize) -> Option<Node> {
            let start = self.at;
            let first = self.entries.len();
            let mut more = self.open(depth, b'}')?;
            while more {
                if self.peek()? != b'"' {
                    return None;
                }
                let key_start = self.at;
                let key = self.string()?;
                let key_span = Span::new(key_start, self.at);
                self.skip_whitespace();
                if self.peek()? != b':' {
                    return None;
                }
                self.at += 1;
                self.skip_whitespace();
                let value = self.value(depth)?;
                self.entries.push(Entry { key, key_span, value });
                more = self.next(b'}')?;
            }
            let entries: Vec<Entry> = self.entries.drain(first..).collect();
            check_unique_keys(&entries).ok()?;
            Some(Node {
                span: Span::new(start, self.at),
                value: Value::Mapping(entries),
            })
        }

        /// An array whose `[` is the current byte.
        fn array(&mut self, depth: usize) -> Option<Node> {
            let start = self.at;
            let first = self.items.len();
            let mut more = self.open(depth, b']')?;
            while more {
                let item = self.value(depth)?;
                self.items.push(item);
                more = self.next(b']')?;
            }
            let items: Vec<Node> = self.items.drain(first..).collect();
            Some(Node {
                span: Span::new(start, self.at),
                value: Value::Sequence(items),
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::{Limits, fast, first_disagreeing_pair, parse_tokens};

    /// The bracket diagnosis reads indentation only where it is consistent: brackets that close
    /// at their opening line's indentation, brackets on one line, and brackets inside strings
    /// (escaped quotes included) give no answer; the first pair that disagrees is named, with
    /// which way it disagrees.
    #[test]
    fn the_first_pair_of_brackets_that_disagrees_in_indentation_is_found() {
        let none = [
            "{\n  \"a\": {\n    \"b\": [1, 2]\n  },\n  \"c\": [\n    3\n  ]\n}\n",
            "{ \"a\": { \"b\": 1 } } }",
            "{\n  \"a\": \"}\\\"]\",\n  \"b\": 1\n}",
        ];
        for text in none {
            assert!(first_disagreeing_pair(text, text.len()).is_none(), "{text}");
        }
        let extra_open = "{\n  \"a\": {\n  \"a\": {\n    \"b\": 1\n  }\n}\n";
        let pair = first_disagreeing_pair(extra_open, extra_open.len()).expect("disagrees");
        assert_eq!((pair.open, pair.close, pair.closes_deeper), (9, 35, false));
        let extra_close = "{\n  \"a\": {\n    \"b\": 1\n  },\n  },\n  \"c\": 2\n}\n";
        let pair = first_disagreeing_pair(extra_close, extra_close.len()).expect("disagrees");
        assert_eq!((pair.open, pair.close, pair.closes_deeper), (0, 29, true));
    }

    /// A missing or extra bracket is reported at the bracket, with the line of its partner,
    /// not where the reader runs out of text; a file without consistent indentation keeps the
    /// reader's own words and place.
    #[test]
    fn a_bracket_too_many_or_too_few_is_reported_at_the_bracket() {
        let message = |text: &str| match parse_tokens(text, Limits::default()) {
            Err(failure) => (failure.kind.to_string(), failure.span.map(|s| s.start)),
            Ok(_) => (String::new(), None),
        };
        let (said, at) = message("{\n  \"a\": {\n  \"a\": {\n    \"b\": 1\n  }\n}\n");
        assert!(said.contains("this `{` is probably one too many"), "{said}");
        assert_eq!(at, Some(9));
        let (said, at) = message("{\n  \"a\": {\n    \"b\": 1\n  },\n  },\n  \"c\": 2\n}\n");
        assert!(said.contains("this `}` probably closes too early"), "{said}");
        assert_eq!(at, Some(29));
        let (said, at) = message("{\n  \"a\": {\n    \"b\": 1,\n  \"c\": 2\n}\n");
        assert!(
            said.contains("a closing bracket is probably missing before this `}`"),
            "{said}"
        );
        assert_eq!(at, Some(32));
        let (said, _) = message("{ \"a\": { \"b\": 1 }");
        assert!(
            said.contains("the file ends before the `{` on line 1 is closed"),
            "{said}"
        );
    }

    /// The eight-bytes-at-a-time test finds exactly the bytes that end a string's plain run, at
    /// every place in the word, whatever the other bytes are.
    #[test]
    fn a_plain_run_ends_exactly_at_a_quote_a_backslash_or_a_control_character() {
        for filler in [b'a', b' ', 0x7f, 0x80, 0xc3, 0xff] {
            for place in 0..8 {
                for byte in 0..=u8::MAX {
                    let mut bytes = [filler; 8];
                    bytes[place] = byte;
                    let ends = |b: u8| b == b'"' || b == b'\\' || b < 0x20;
                    assert_eq!(
                        fast::ends_plain_run(u64::from_le_bytes(bytes)),
                        ends(byte) || ends(filler),
                        "{bytes:?}"
                    );
                }
            }
        }
    }

    /// Whatever the byte-level reader accepts, the token reader accepts with the same tree: the
    /// first is only a faster way to the second's result.
    fn agree(text: &str) -> Result<(), TestCaseError> {
        let limits = Limits::default();
        if let Some(fast) = fast::parse(text, limits) {
            match parse_tokens(text, limits) {
                Ok(tokens) => prop_assert_eq!(fast, tokens, "{:?}", text),
                Err(e) => prop_assert!(false, "only the fast reader accepts {:?}: {:?}", text, e.kind),
            }
        }
        Ok(())
    }

    const EDGES: &[&str] = &[
        r#"{"a": "\u0000\u001f\u007f\/\b\f\n\r\t\"\\", "b": "\u00e9\u20ac"}"#,
        r#""\ud83d\ude00""#,
        r#""\ud83d""#,
        "\"tab\there\"",
        "\"del \u{7f} and é and 😀\"",
        "[0, -0, 1, -1, 1.5, -1.5e-3, 1E+2, 1e2, 12345678901234567890, 1e400]",
        "[01]",
        "[1.]",
        "[.5]",
        "[-]",
        "[+1]",
        "[1e]",
        "[0x1]",
        "[1_0]",
        "[Infinity]",
        "[NaN]",
        "[true, false, null]",
        "[truex]",
        "[nul]",
        "[True]",
        "{}",
        "[]",
        "{ }",
        "[ ]",
        " \t\r\n{}\n",
        "{}x",
        "{} {}",
        "",
        r#"{"a":1,}"#,
        "[1,]",
        r#"{"a" 1}"#,
        r#"{a: 1}"#,
        r#"{"a":1 "b":2}"#,
        "[1 2]",
        r#"{"a":1,"a":2}"#,
        "[\"a\" , \"b\"]",
        "// c\n{}",
        "{/* c */}",
        "['a']",
        "\u{a0}{}",
        "{}\u{a0}",
        "[\"\\x\"]",
        "[\"\\u12\"]",
        "[\"\\u12g4\"]",
    ];

    #[test]
    fn the_readers_agree_on_edge_cases() {
        for text in EDGES {
            agree(text).unwrap_or_else(|e| panic!("{e}"));
        }
        // Plain documents do take the fast path.
        for text in ["{}", "[1, \"a\", {\"b\": [true, null]}]", r#""é\n""#] {
            assert!(fast::parse(text, Limits::default()).is_some(), "{text}");
        }
    }

    /// The JSON files of the repository: the examples (which take the fast path) and the
    /// malformed-input corpus and fuzz regressions (which mostly do not).
    #[test]
    fn the_readers_agree_on_the_repositorys_json() {
        let mut read = 0;
        for dir in [
            "examples/gemeente",
            "tests/malformed",
            "tests/fuzz-regressions/json",
        ] {
            for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{dir}: {e}")) {
                let path = entry.map(|e| e.path()).unwrap_or_default();
                let Ok(text) = std::fs::read_to_string(&path) else {
                    continue;
                };
                if path.extension().is_none_or(|e| e != "json") {
                    continue;
                }
                read += 1;
                let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
                if dir == "examples/gemeente" {
                    assert!(
                        fast::parse(text, Limits::default()).is_some(),
                        "{}",
                        path.display()
                    );
                }
                agree(text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            }
        }
        assert!(read > 30, "{read} JSON files");
    }

    /// Characters whose insertion, deletion or doubling changes how JSON reads.
    const MEANINGFUL: &[char] = &[
        '{', '}', '[', ']', ',', ':', '"', '\\', '/', '-', '+', '.', 'e', '0', '1', 'u', 'n', 't', ' ', '\n',
        '\t', '\u{0}', '\u{1f}', '\u{a0}', 'é',
    ];

    fn mutate(text: &str, edits: &[(usize, usize, usize)]) -> String {
        let mut text = text.to_owned();
        for &(kind, at, c) in edits {
            let mut at = at % (text.len() + 1);
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            let c = MEANINGFUL[c % MEANINGFUL.len()];
            match kind % 3 {
                0 => {
                    if let Some(removed) = text[at..].chars().next() {
                        text.replace_range(at..at + removed.len_utf8(), "");
                    }
                }
                1 => {
                    if let Some(doubled) = text[at..].chars().next() {
                        text.insert(at, doubled);
                    }
                }
                _ => text.insert(at, c),
            }
        }
        text
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(
            std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(2_000)
        ))]

        #[test]
        fn the_readers_agree_on_mutated_documents(
            document in 0..3usize,
            edits in prop::collection::vec((0..3usize, 0..4096usize, 0..64usize), 1..4),
        ) {
            let documents = [
                r#"{"a": [1, -2.5e3, true, false, null, "x\"y\u00e9\n"], "b": {"c": {}, "d": []}}"#,
                r#"[{"id": "a"}, {"id": "b", "n": 0}, "é", -0, 1E+2, "\\/"]"#,
                r#"{"controller": {"name": "G", "public_authority": true}, "activities": [{"id": "x", "name": "X"}]}"#,
            ];
            agree(&mutate(documents[document], &edits))?;
        }
    }
}
