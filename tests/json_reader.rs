//! ropa's JSON reader (jsonc-parser's scanner read straight into the located tree) accepts
//! exactly what a strict JSON parser accepts: serde_json is the reference, on valid documents
//! and on thousands of mutations of them (characters deleted, doubled or inserted where they
//! break the syntax). The differences are ropa's own deliberate refusals: duplicate keys,
//! nesting past the depth limit, and an empty document. Also here: the depth cap that holds in
//! every format, however an embedder sets the limit.

use proptest::prelude::*;
use ropa::source::{Document, Format, Limits, LoadErrorKind};

/// Valid documents to mutate: a real register, a proposal, and small ones that exercise every
/// kind of value.
fn documents() -> Vec<String> {
    vec![
        std::fs::read_to_string("examples/gemeente/proposal-within.json").expect("example"),
        r#"{"a": [1, -2.5e3, true, false, null, "x\"y\u00e9"], "b": {"c": {}, "d": []}}"#.to_owned(),
        r#"[{"id": "a"}, {"id": "b", "n": 0}, "é", -0, 1E+2]"#.to_owned(),
        "\"only a string\"".to_owned(),
    ]
}

/// Whether ropa refuses the text for one of its own reasons, which a plain parser does not have.
fn refused_by_policy(kind: &LoadErrorKind) -> bool {
    matches!(
        kind,
        LoadErrorKind::DuplicateKey { .. } | LoadErrorKind::TooDeep { .. } | LoadErrorKind::Empty
    )
}

fn agree(text: &str) -> Result<(), TestCaseError> {
    let ours = Document::parse("t.json", text, Format::Json, Limits::default());
    let reference = serde_json::from_str::<serde_json::Value>(text);
    match (&ours, &reference) {
        (Ok(_), Err(e)) if !e.to_string().contains("number out of range") => Err(TestCaseError::fail(
            format!("ropa accepts what serde_json refuses ({e}): {text:?}"),
        )),
        (Err(e), Ok(_)) if !refused_by_policy(&e.kind) => Err(TestCaseError::fail(format!(
            "ropa refuses what serde_json accepts ({e}): {text:?}"
        ))),
        _ => Ok(()),
    }
}

#[test]
fn valid_documents_are_read() {
    for text in documents() {
        assert!(
            Document::parse("t.json", &text, Format::Json, Limits::default()).is_ok(),
            "{text}"
        );
    }
}

/// An edit of a document: at a byte position (taken modulo its length, moved to a character
/// boundary), delete a character, double it, or insert one of the characters that matter.
#[derive(Debug, Clone)]
enum Edit {
    Delete(usize),
    Double(usize),
    Insert(usize, char),
}

fn edit() -> impl Strategy<Value = Edit> {
    let chars = prop::sample::select(vec![
        '{', '}', '[', ']', ',', ':', '"', '\\', '-', '+', '.', 'e', '0', '1', ' ', '\n', '\t', '/', '*',
        'n', 't', 'f', '\'', '\u{1}', 'x',
    ]);
    prop_oneof![
        any::<usize>().prop_map(Edit::Delete),
        any::<usize>().prop_map(Edit::Double),
        (any::<usize>(), chars).prop_map(|(at, c)| Edit::Insert(at, c)),
    ]
}

fn apply(text: &str, edit: &Edit) -> String {
    let boundary = |at: usize| {
        let mut at = at % (text.len() + 1);
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        at
    };
    let mut out = text.to_owned();
    match *edit {
        Edit::Delete(at) | Edit::Double(at) => {
            let at = boundary(at);
            if let Some(c) = text[at..].chars().next() {
                if matches!(edit, Edit::Delete(_)) {
                    out.replace_range(at..at + c.len_utf8(), "");
                } else {
                    out.insert(at, c);
                }
            }
        }
        Edit::Insert(at, c) => out.insert(boundary(at), c),
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(2_000)
    ))]

    #[test]
    fn mutated_documents_are_judged_as_serde_json_judges_them(
        document in 0..4usize,
        edits in prop::collection::vec(edit(), 1..4),
    ) {
        let documents = documents();
        let mut text = documents[document % documents.len()].clone();
        for e in &edits {
            text = apply(&text, e);
        }
        agree(&text)?;
    }
}

/// However high an embedder sets `max_depth`, nesting stops at `MAX_DEPTH` with an error, in
/// every format: the recursive steps after parsing never see a tree deep enough to exhaust the
/// stack (test threads have small stacks, so a crash would show here).
#[test]
fn nesting_is_capped_whatever_the_limit() {
    let limits = Limits {
        max_depth: usize::MAX,
        max_values: usize::MAX,
        ..Limits::default()
    };
    let deep = 100_000;
    for (format, text) in [
        (Format::Json, format!("{}{}", "[".repeat(deep), "]".repeat(deep))),
        (
            Format::Yaml,
            format!("a: {}{}", "[".repeat(deep), "]".repeat(deep)),
        ),
        (
            Format::Toml,
            format!("a = {}{}", "[".repeat(deep), "]".repeat(deep)),
        ),
    ] {
        let error = Document::parse("deep", &text, format, limits).expect_err("refused");
        assert!(
            matches!(*error.kind, LoadErrorKind::TooDeep { limit } if limit <= ropa::source::MAX_DEPTH),
            "{format}: {error}"
        );
    }
    // Up to the cap, a tree is read, typed (and refused as a register) and dropped, on a test
    // thread's small stack.
    let depth = ropa::source::MAX_DEPTH;
    let text = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    let document = Document::parse("deep.json", &text, Format::Json, limits).expect("read");
    assert!(document.register().is_err());
}
