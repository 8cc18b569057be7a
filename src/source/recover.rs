//! Every mistake in one run: after a deserialisation error, the offending value is taken out of
//! a working copy of the tree and the document is read again, so a file with several mistakes
//! reports all of them (as cargo-deny and taplo do) instead of one per run.
//!
//! Taking a value out can cause follow-on errors that are not the author's mistakes: a required
//! field now missing, a list now empty. Those are recognised by span and not reported. Taking out
//! a value whose mistake is a missing field drops that whole object, so mistakes inside it show
//! up once the field is added.

use serde::de::DeserializeOwned;

use super::de::{DeError, NodeDeserializer};
use super::error::LoadErrorKind;
use super::tree::{Node, Span, Value};
use crate::path::{FieldPath, PathSegment};

/// At most this many mistakes are reported for one file; later ones show up once these are
/// fixed.
pub const MAX_ERRORS_PER_FILE: usize = 20;

/// Each further mistake costs one more pass over the document, so the passes are bounded by
/// their total size too: a very large file with many mistakes reports fewer at a time rather
/// than making a CI job wait.
const NODE_VISIT_BUDGET: usize = 4_000_000;

/// A value taken out of the working tree: the span of the container it was in, its key (for a
/// mapping entry) and, for a misspelt key, the field it was probably meant to be.
struct Removed {
    parent: Span,
    key: Option<String>,
    meant: Option<&'static str>,
}

/// Deserialises `root`; on failure returns every error found (at least one, at most
/// [`MAX_ERRORS_PER_FILE`]), each with its field path in the original tree.
pub(crate) fn deserialize_all<T: DeserializeOwned>(root: &Node) -> Result<T, Vec<(DeError, FieldPath)>> {
    let first = match T::deserialize(NodeDeserializer::new(root)) {
        Ok(value) => return Ok(value),
        Err(error) => error,
    };
    let mut tree = root.clone();
    let mut removed: Vec<Removed> = Vec::new();
    let mut errors = Vec::new();
    let mut error = first;
    // Each round takes one node out of a finite tree, so this ends; the bounds keep a hostile
    // file with thousands of mistakes cheap.
    let rounds = (NODE_VISIT_BUDGET / root.count().max(1)).clamp(1, MAX_ERRORS_PER_FILE * 4);
    for _ in 0..rounds {
        let working_path = error.path();
        let meant = match &error.kind {
            LoadErrorKind::UnknownField { suggestion, .. } => *suggestion,
            _ => None,
        };
        if !is_follow_on(&tree, &error, &working_path, &removed) {
            let path = error
                .span
                .and_then(|span| path_of_span(root, span))
                .unwrap_or_else(|| working_path.clone());
            errors.push((error, path));
            if errors.len() >= MAX_ERRORS_PER_FILE {
                break;
            }
        }
        let Some(mut taken) = take_out(&mut tree, &working_path) else {
            break;
        };
        taken.meant = meant;
        removed.push(taken);
        error = match T::deserialize(NodeDeserializer::new(&tree)) {
            Ok(_) => break,
            Err(next) => next,
        };
    }
    errors.sort_by_key(|(e, _)| e.span.map_or(usize::MAX, |s| s.start));
    Err(errors)
}

/// Whether `error` only follows from a value ropa took out: a required field it removed or that
/// a misspelt key already reported (`public_authorty` → `public_authority` is one mistake, not
/// two), or a list or mapping it emptied.
fn is_follow_on(tree: &Node, error: &DeError, path: &FieldPath, removed: &[Removed]) -> bool {
    let Some(node) = tree.get(path) else {
        return false;
    };
    match &error.kind {
        LoadErrorKind::MissingField { field } => removed
            .iter()
            .any(|r| r.parent == node.span && (r.key.as_deref() == Some(field) || r.meant == Some(*field))),
        _ => {
            matches!(node.value, Value::Mapping(_) | Value::Sequence(_))
                && removed
                    .iter()
                    .any(|r| node.span.start <= r.parent.start && r.parent.end <= node.span.end)
        }
    }
}

/// Takes the value at `path` out of its container. Nothing is taken at the root.
fn take_out(tree: &mut Node, path: &FieldPath) -> Option<Removed> {
    let (last, parent_path) = path.segments().split_last()?;
    let mut parent = tree;
    for segment in parent_path {
        parent = child_mut(parent, segment)?;
    }
    let parent_span = parent.span;
    match (&mut parent.value, last) {
        (Value::Mapping(entries), PathSegment::Key(key)) => {
            let at = entries.iter().position(|e| e.key == key.as_ref())?;
            entries.remove(at);
            Some(Removed {
                parent: parent_span,
                key: Some(key.to_string()),
                meant: None,
            })
        }
        (Value::Sequence(items), PathSegment::Index(i)) if *i < items.len() => {
            items.remove(*i);
            Some(Removed {
                parent: parent_span,
                key: None,
                meant: None,
            })
        }
        _ => None,
    }
}

fn child_mut<'a>(node: &'a mut Node, segment: &PathSegment) -> Option<&'a mut Node> {
    match (&mut node.value, segment) {
        (Value::Mapping(entries), PathSegment::Key(key)) => {
            entries.iter_mut().find(|e| e.key == key).map(|e| &mut e.value)
        }
        (Value::Sequence(items), PathSegment::Index(i)) => items.get_mut(*i),
        _ => None,
    }
}

/// The path, in the original tree, of the deepest key or value with exactly this span. Paths
/// found in the working tree can be off once list items were taken out; spans never are.
fn path_of_span(root: &Node, span: Span) -> Option<FieldPath> {
    fn walk(node: &Node, span: Span, trail: &mut Vec<PathSegment>, found: &mut Option<Vec<PathSegment>>) {
        if node.span == span {
            *found = Some(trail.clone());
        }
        match &node.value {
            Value::Mapping(entries) => {
                for entry in entries {
                    trail.push(PathSegment::Key(entry.key.clone().into()));
                    if entry.key_span == span {
                        *found = Some(trail.clone());
                    }
                    walk(&entry.value, span, trail, found);
                    trail.pop();
                }
            }
            Value::Sequence(items) => {
                for (i, item) in items.iter().enumerate() {
                    trail.push(PathSegment::Index(i));
                    walk(item, span, trail, found);
                    trail.pop();
                }
            }
            _ => {}
        }
    }
    let mut found = None;
    walk(root, span, &mut Vec::new(), &mut found);
    found.map(FieldPath::from_segments)
}
