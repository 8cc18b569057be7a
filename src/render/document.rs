//! A rendered document before it is written out: headings, paragraphs, lists, term–value
//! pairs and tables of text that is still the register's own (unescaped). The writers in
//! [`markdown`](super::markdown), [`html`](super::html) and [`csv`](super::csv) escape it for
//! their format.

use super::Language;

/// A document: a title and its blocks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// The language it is written in (the `lang` of an HTML page).
    pub language: Language,
    /// The title (the page's `<h1>` and `<title>`).
    pub title: String,
    /// The content, in order.
    pub blocks: Vec<Block>,
}

/// One block of a document.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Block {
    /// A heading of level 2 or 3 (the title is level 1). A level-2 heading starts a section.
    Heading {
        /// 2 or 3.
        level: u8,
        /// An anchor for links to it, unique in the document.
        anchor: String,
        /// The heading's text.
        text: String,
    },
    /// A table of contents: the level-2 headings of the document.
    Contents {
        /// Its heading.
        title: String,
    },
    /// A paragraph.
    Paragraph(Text),
    /// A bulleted list.
    List(Vec<Text>),
    /// Terms with their values ("Doelen: …"), each value a line of its own.
    Facts(Vec<Fact>),
    /// A table with a header row.
    Table(Table),
}

/// A term and its values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fact {
    /// The term.
    pub term: String,
    /// Its values; more than one are shown as a list.
    pub values: Vec<Text>,
}

/// A table: a caption, a header row and rows of cells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// What the table lists.
    pub caption: String,
    /// The column headings.
    pub header: Vec<String>,
    /// The rows; each has one cell per column heading, each cell a list of values.
    pub rows: Vec<Vec<Vec<Text>>>,
}

/// A run of text with spans of different kinds.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Text(pub Vec<Span>);

/// A piece of text.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Span {
    /// Text as written.
    Plain(String),
    /// Text that stands out (a right's name).
    Strong(String),
    /// Something the register does not state although the statement needs it. Shown so that a
    /// reader sees the gap; a renderer never fills it with boilerplate.
    Gap(String),
    /// A link; the URL is used only when it is `http`, `https` or `mailto` (else the text stands
    /// alone).
    Link {
        /// The link text.
        text: String,
        /// The address.
        url: String,
    },
}

impl Text {
    /// Plain text.
    pub fn plain(text: impl Into<String>) -> Self {
        Self(vec![Span::Plain(text.into())])
    }

    /// A gap: what the register does not state.
    pub fn gap(text: impl Into<String>) -> Self {
        Self(vec![Span::Gap(text.into())])
    }

    /// Adds a span.
    pub fn push(mut self, span: Span) -> Self {
        self.0.push(span);
        self
    }

    /// The text without markup, gaps included (for CSV cells and tests).
    pub fn to_plain(&self) -> String {
        self.0
            .iter()
            .map(|span| match span {
                Span::Plain(text) | Span::Strong(text) | Span::Gap(text) => text.as_str(),
                Span::Link { text, .. } => text.as_str(),
            })
            .collect()
    }

    /// Whether the text shows a gap.
    pub fn has_gap(&self) -> bool {
        self.0.iter().any(|span| matches!(span, Span::Gap(_)))
    }
}

/// Whether `url` may be written as a link target: `https:`, `http:` or `mailto:`, and nothing a
/// format could read as markup. Anything else (`javascript:`, relative paths, spaces) is shown as
/// text only.
pub(crate) fn safe_url(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://") || lower.starts_with("mailto:"))
        && !url
            .chars()
            .any(|c| c.is_whitespace() || crate::sanitize::is_unsafe(c) || "<>\"'`\\".contains(c))
}

/// An anchor for a heading, as GitHub makes them so that Markdown and HTML links agree:
/// lowercase, letters, digits, `-` and `_` kept, spaces turned into hyphens, the rest dropped.
pub(crate) fn anchor(text: &str) -> String {
    let mut out = String::new();
    for c in text.trim().chars() {
        if c.is_alphanumeric() || c == '-' || c == '_' {
            out.extend(c.to_lowercase());
        } else if c == ' ' {
            out.push('-');
        }
    }
    if out.is_empty() { "section".to_owned() } else { out }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_and_mail_addresses_become_links() {
        assert!(safe_url("https://example.nl/privacy"));
        assert!(safe_url("mailto:fg@example.nl"));
        assert!(!safe_url("javascript:alert(1)"));
        assert!(!safe_url("https://example.nl/a b"));
        assert!(!safe_url("https://example.nl/\"onmouseover=x"));
        assert!(!safe_url("/relative"));
    }

    #[test]
    fn anchors_follow_github() {
        assert_eq!(anchor("Uw rechten"), "uw-rechten");
        assert_eq!(anchor("Wie is verantwoordelijk?"), "wie-is-verantwoordelijk");
        assert_eq!(anchor("Categorieën betrokkenen"), "categorieën-betrokkenen");
        assert_eq!(anchor("€€"), "section");
    }
}
