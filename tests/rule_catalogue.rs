//! `docs/rules.md` and the per-rule pages in `docs/rules/` are generated from the rule registry;
//! these tests fail when they are stale.

#[test]
fn rule_catalogue_is_current() {
    let checked_in = std::fs::read_to_string("docs/rules.md").unwrap_or_default();
    assert!(
        checked_in == ropa::engine::rules_markdown(),
        "docs/rules.md is stale: run `cargo run -- rules --markdown > docs/rules.md` and commit it"
    );
}

#[test]
fn rule_pages_are_current() {
    let stale = "docs/rules/ is stale: run `cargo run -- rules --pages docs/rules` and commit it";
    let mut pages: Vec<String> = std::fs::read_dir("docs/rules")
        .map(|entries| {
            entries
                .filter_map(|e| e.ok()?.file_name().into_string().ok())
                .collect()
        })
        .unwrap_or_default();
    pages.sort();
    let mut ids: Vec<String> = ropa::engine::RULES
        .iter()
        .map(|r| format!("{}.md", r.id))
        .collect();
    ids.sort();
    assert_eq!(pages, ids, "{stale}");
    for rule in ropa::engine::RULES.iter() {
        let page = std::fs::read_to_string(format!("docs/rules/{}.md", rule.id)).unwrap_or_default();
        assert!(page == rule.explanation(), "{}: {stale}", rule.id);
    }
}
