//! Source files: the text of a loaded file with a line index, so byte spans turn into
//! line:column positions only when something is shown to a person.

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
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFile {
    name: String,
    text: String,
    line_starts: Vec<usize>,
}

impl SourceFile {
    /// Wraps `text` read from a file called `name` (the name is shown in messages as given).
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        let text = text.into();
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Self {
            name: name.into(),
            text,
            line_starts,
        }
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
        let line_index = match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        };
        let line_start = self.line_starts.get(line_index).copied().unwrap_or(0);
        let column = self.text.get(line_start..offset).map_or(0, |s| s.chars().count()) + 1;
        Position {
            line: line_index + 1,
            column,
        }
    }

    /// The start and end positions of a span.
    pub fn range(&self, span: Span) -> (Position, Position) {
        (self.position(span.start), self.position(span.end))
    }

    /// The text of line `line` (1-based), without its line break.
    pub fn line(&self, line: usize) -> Option<&str> {
        let start = *self.line_starts.get(line.checked_sub(1)?)?;
        let end = self.line_starts.get(line).copied().unwrap_or(self.text.len());
        let text = self.text.get(start..end)?;
        Some(text.trim_end_matches(['\n', '\r']))
    }

    /// The whole lines a byte range touches: the 1-based number of the first, and the byte range
    /// from the start of the first to the end of the last (line break excluded). Renderers show
    /// these lines, not the whole file, so that showing a finding costs what its lines cost.
    pub fn lines_of(&self, start: usize, end: usize) -> (usize, usize, usize) {
        let start = start.min(self.text.len());
        let end = end.clamp(start, self.text.len());
        let line_index = |offset: usize| match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        };
        let first = line_index(start);
        let last = line_index(end.saturating_sub(1).max(start));
        let from = self.line_starts.get(first).copied().unwrap_or(0);
        let to = self
            .line_starts
            .get(last + 1)
            .map_or(self.text.len(), |&next| next.saturating_sub(1))
            .max(end);
        (first + 1, from, to.min(self.text.len()))
    }

    /// The byte offset of a 1-based line and a 0-based character column (how saphyr marks
    /// positions), clamped to the text.
    pub(crate) fn offset_of(&self, line: usize, char_column: usize) -> usize {
        let Some(&start) = line.checked_sub(1).and_then(|i| self.line_starts.get(i)) else {
            return self.text.len();
        };
        let rest = self.text.get(start..).unwrap_or("");
        start
            + rest
                .char_indices()
                .nth(char_column)
                .map_or(rest.len(), |(i, _)| i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
