//! rustc-style text: `error: …`, `--> file:line:col`, the source line with an underline, and
//! the fix.

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use super::sanitize;
use crate::source::LoadError;

/// Renders diagnostics as rustc/cargo-style text.
#[derive(Debug, Clone, Copy, Default)]
pub struct HumanRenderer {
    /// Whether to use ANSI colours (only on a terminal, never with `NO_COLOR`; the caller
    /// decides).
    pub color: bool,
}

impl HumanRenderer {
    fn renderer(self) -> Renderer {
        if self.color {
            Renderer::styled()
        } else {
            Renderer::plain()
        }
    }
}

/// Renders a load error: the message, the file position with the offending line underlined,
/// the field path and the fix.
pub fn render_load_error(error: &LoadError, style: HumanRenderer) -> String {
    let title = sanitize(&error.kind.to_string()).into_owned();
    let file_name = sanitize(&error.file.display().to_string()).into_owned();
    let path_note =
        (!error.path.segments().is_empty()).then(|| format!("field: {}", sanitize(&error.path.to_string())));
    let help = error.help().map(|h| sanitize(&h).into_owned());

    let mut primary = Level::ERROR.primary_title(title.as_str());
    let located = match (&error.source_file, error.span) {
        (Some(file), Some(span)) => Some((sanitize(file.text()).into_owned(), span)),
        _ => None,
    };
    let mut groups: Vec<Group<'_>> = Vec::new();
    match &located {
        Some((text, span)) => {
            let label = error_label(error);
            primary = primary.id(error.kind.code());
            let mut snippet = Snippet::source(text.as_str())
                .path(file_name.as_str())
                .fold(true)
                .annotation(AnnotationKind::Primary.span(span.start..span.end).label(label));
            if let crate::source::LoadErrorKind::DuplicateKey { first, .. } = &*error.kind {
                snippet = snippet.annotation(
                    AnnotationKind::Context
                        .span(first.start..first.end)
                        .label("first here"),
                );
            }
            groups.push(primary.element(snippet));
        }
        None => {
            groups.push(Group::with_title(primary.id(error.kind.code())));
            groups.push(Group::with_title(
                Level::NOTE.secondary_title(format!("file: {file_name}")),
            ));
        }
    }
    if let Some(note) = &path_note {
        groups.push(Group::with_title(Level::NOTE.secondary_title(note.as_str())));
    }
    if let Some(help) = &help {
        groups.push(Group::with_title(Level::HELP.secondary_title(help.as_str())));
    }
    style.renderer().render(&groups)
}

/// The short label under the underline.
fn error_label(error: &LoadError) -> Option<&'static str> {
    use crate::source::LoadErrorKind as K;
    Some(match &*error.kind {
        K::UnknownField { .. } => "unknown field",
        K::MissingField { .. } => "in this mapping",
        K::WrongType { .. } => "wrong type",
        K::UnknownVariant { .. } => "unknown value",
        K::InvalidValue(_) => "invalid value",
        K::DuplicateKey { .. } => "duplicate key",
        K::TooDeep { .. } => "too deep",
        K::TooManyValues { .. } => "limit reached here",
        K::Syntax { .. } => "here",
        _ => return None,
    })
}
