//! Source files: the text of a loaded file with a line index, so byte spans turn into
//! line:column positions only when something is shown to a person.

use std::sync::OnceLock;

use super::tree::Span;

/// A position in a source file, 1-based; columns count characters (Unicode scalar values), as
/// editors and SARIF's `unicodeCodePoints` column kind do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
pub struct Position {
    /// Line, from 1.
    pub line: usize,
    /// Column, from 1, in characters.
    pub column: usize,
}

/// The text of a file together with its name and line index.
#[derive(Debug, Clone)]
pub struct SourceFile {
    name: String,
    text: String,
    /// Where each line starts, and for text that is not all ASCII where bytes and characters
    /// differ: built when a position is first asked for, as a file without findings never
    /// needs them (building them was a sixteenth of loading a register).
    index: OnceLock<LineIndex>,
}

/// Where lines and characters are in a [`SourceFile`]'s text.
#[derive(Debug, Clone, PartialEq, Eq)]
struct LineIndex {
    line_starts: Vec<usize>,
    /// For text that is not all ASCII, where bytes and characters differ.
    chars: Option<Box<CharIndex>>,
}

impl LineIndex {
    fn new(text: &str) -> Self {
        Self {
            line_starts: std::iter::once(0)
                .chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1))
                .collect(),
            chars: (!text.is_ascii()).then(|| Box::new(CharIndex::new(text))),
        }
    }
}

/// How many characters lie between two checkpoints of a [`CharIndex`].
const CHECKPOINT_EVERY: usize = 256;

/// Character positions of a text that is not all ASCII, so converting between byte offsets and
/// character counts costs at most [`CHECKPOINT_EVERY`] characters of walking, however long the
/// line (a YAML file written on one line must not take time quadratic in its length).
#[derive(Debug, Clone, PartialEq, Eq)]
struct CharIndex {
    /// The byte offset of every `CHECKPOINT_EVERY`th character.
    checkpoints: Vec<usize>,
    /// The character index at which each line starts.
    line_start_chars: Vec<usize>,
}

impl CharIndex {
    fn new(text: &str) -> Self {
        let mut checkpoints = Vec::with_capacity(text.len() / CHECKPOINT_EVERY + 1);
        let mut line_start_chars = vec![0];
        for (char_index, (byte, c)) in text.char_indices().enumerate() {
            if char_index % CHECKPOINT_EVERY == 0 {
                checkpoints.push(byte);
            }
            if c == '\n' {
                line_start_chars.push(char_index + 1);
            }
        }
        Self {
            checkpoints,
            line_start_chars,
        }
    }

    /// The byte offset of character `index` (the text's length past its end).
    fn byte_of(&self, text: &str, index: usize) -> usize {
        let Some(&from) = self.checkpoints.get(index / CHECKPOINT_EVERY) else {
            return text.len();
        };
        let rest = text.get(from..).unwrap_or("");
        from + rest
            .char_indices()
            .nth(index % CHECKPOINT_EVERY)
            .map_or(rest.len(), |(i, _)| i)
    }

    /// The character index of byte offset `byte`, a character boundary.
    fn char_of(&self, text: &str, byte: usize) -> usize {
        let checkpoint = match self.checkpoints.binary_search(&byte) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        };
        let from = self.checkpoints.get(checkpoint).copied().unwrap_or(0);
        checkpoint * CHECKPOINT_EVERY + text.get(from..byte).map_or(0, |s| s.chars().count())
    }
}

// By hand: the line index follows from the text, and whether it has been built yet must not
// make two files differ.
impl PartialEq for SourceFile {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name && self.text == other.text
    }
}

impl Eq for SourceFile {}

impl SourceFile {
    /// Wraps `text` read from a file called `name` (the name is shown in messages as given).
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            text: text.into(),
            index: OnceLock::new(),
        }
    }

    /// The line index, built on first use.
    fn index(&self) -> &LineIndex {
        self.index.get_or_init(|| LineIndex::new(&self.text))
    }

    /// The file's name as given.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The file's text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The line and column of a byte offset (clamped to the text, and moved back to a
    /// character boundary).
    pub fn position(&self, offset: usize) -> Position {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line_index = match self.index().line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        };
        let line_start = self.index().line_starts.get(line_index).copied().unwrap_or(0);
        let column = match &self.index().chars {
            None => offset - line_start.min(offset),
            Some(chars) => {
                let line_start_char = chars.line_start_chars.get(line_index).copied().unwrap_or(0);
                chars.char_of(&self.text, offset).saturating_sub(line_start_char)
            }
        } + 1;
        // A byte order mark is not shown by editors, so it does not count as a column.
        let marked = line_index == 0 && offset >= 3 && self.text.starts_with('\u{feff}');
        Position {
            line: line_index + 1,
            column: if marked { column.saturating_sub(1) } else { column },
        }
    }

    /// The start and end positions of a span.
    pub fn range(&self, span: Span) -> (Position, Position) {
        (self.position(span.start), self.position(span.end))
    }

    /// The text of line `line` (1-based), without its line break.
    pub fn line(&self, line: usize) -> Option<&str> {
        let start = *self.index().line_starts.get(line.checked_sub(1)?)?;
        let end = self
            .index()
            .line_starts
            .get(line)
            .copied()
            .unwrap_or(self.text.len());
        let text = self.text.get(start..end)?;
        Some(text.trim_end_matches(['\n', '\r']))
    }

    /// The whole lines a byte range touches: the 1-based number of the first, and the byte range
    /// from the start of the first to the end of the last (line break excluded). Renderers show
    /// these lines, not the whole file, so that showing a finding costs what its lines cost.
    pub fn lines_of(&self, start: usize, end: usize) -> (usize, usize, usize) {
        let start = start.min(self.text.len());
        let end = end.clamp(start, self.text.len());
        let line_index = |offset: usize| match self.index().line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        };
        let first = line_index(start);
        let last = line_index(end.saturating_sub(1).max(start));
        let from = self.index().line_starts.get(first).copied().unwrap_or(0);
        let to = (self.index().line_starts)
            .get(last + 1)
            .map_or(self.text.len(), |&next| next.saturating_sub(1))
            .max(end);
        (first + 1, from, to.min(self.text.len()))
    }

    /// The byte offset of a 1-based line and a 0-based character column (how saphyr marks
    /// positions), clamped to the text.
    pub(crate) fn offset_of(&self, line: usize, char_column: usize) -> usize {
        let Some(&start) = line.checked_sub(1).and_then(|i| self.index().line_starts.get(i)) else {
            return self.text.len();
        };
        match &self.index().chars {
            None => start.saturating_add(char_column).min(self.text.len()),
            Some(chars) => {
                let line_start_char = chars.line_start_chars.get(line - 1).copied().unwrap_or(0);
                chars.byte_of(&self.text, line_start_char.saturating_add(char_column))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Files are equal by name and text, whether or not a position was asked of one of them.
    #[test]
    fn equality_does_not_depend_on_the_line_index() {
        let a = SourceFile::new("f", "x: 1\ny: 2\n");
        let b = SourceFile::new("f", "x: 1\ny: 2\n");
        assert_eq!(a.line(2), Some("y: 2"));
        assert_eq!(a, b);
        assert_ne!(a, SourceFile::new("f", "x: 1\n"));
    }

    #[test]
    fn positions_count_characters() {
        let file = SourceFile::new("f", "ab\nçé: x\n");
        assert_eq!(file.position(0), Position { line: 1, column: 1 });
        assert_eq!(file.position(3), Position { line: 2, column: 1 });
        // "çé" is four bytes and two characters: byte 7 is column 3.
        assert_eq!(file.position(7), Position { line: 2, column: 3 });
        assert_eq!(file.line(2), Some("çé: x"));
        assert_eq!(file.offset_of(2, 2), 7);
        assert_eq!(file.position(8), Position { line: 2, column: 4 });
        // Offsets inside a character or past the end are clamped.
        assert_eq!(file.position(4), Position { line: 2, column: 1 });
        assert_eq!(file.position(999).line, 3);
    }

    #[test]
    fn lines_of_a_range_are_whole_lines() {
        let file = SourceFile::new("f", "a: 1\nb: [2,\n 3]\nc: 4\n");
        assert_eq!(file.lines_of(8, 9), (2, 5, 11));
        // A range over a line break covers both lines.
        assert_eq!(file.lines_of(8, 15), (2, 5, 15));
        assert_eq!(file.lines_of(999, 1000), (5, 21, 21));
    }

    /// The indexed conversions agree with walking the characters, across checkpoints and lines.
    #[test]
    fn indexed_positions_agree_with_walking() {
        let naive_offset = |text: &str, starts: &[usize], line: usize, col: usize| {
            let rest = &text[starts[line - 1]..];
            starts[line - 1] + rest.char_indices().nth(col).map_or(rest.len(), |(i, _)| i)
        };
        for text in [
            "a: [".to_owned() + &"é, x, ".repeat(300) + "]\nb: ç\n",
            "ascii only\n".repeat(40) + &"ü".repeat(700),
            "\u{feff}x: \u{1f600}\n\ny: z".to_owned(),
        ] {
            let file = SourceFile::new("f", text.as_str());
            let starts = file.index().line_starts.clone();
            for (line, &start) in starts.iter().enumerate() {
                let line_len = text[start..].split('\n').next().map_or(0, |l| l.chars().count());
                for col in (0..line_len + 2).step_by(7) {
                    assert_eq!(
                        file.offset_of(line + 1, col),
                        naive_offset(&text, &starts, line + 1, col),
                        "line {} col {col}",
                        line + 1
                    );
                }
            }
            for (offset, _) in text.char_indices() {
                let line_start = starts[starts.partition_point(|&s| s <= offset) - 1];
                let mut column = text[line_start..offset].chars().count() + 1;
                // A byte order mark is not a column.
                if line_start == 0 && offset >= 3 && text.starts_with('\u{feff}') {
                    column -= 1;
                }
                assert_eq!(file.position(offset).column, column, "offset {offset}");
            }
        }
    }
}
