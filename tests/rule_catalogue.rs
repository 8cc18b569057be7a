//! `docs/rules.md` is generated from the rule registry; this test fails when it is stale.

#[test]
fn rule_catalogue_is_current() {
    let checked_in = std::fs::read_to_string("docs/rules.md").unwrap_or_default();
    assert!(
        checked_in == ropa::engine::rules_markdown(),
        "docs/rules.md is stale: run `cargo run -- rules --markdown > docs/rules.md` and commit it"
    );
}
