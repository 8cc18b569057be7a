//! The rule catalogue as Markdown, generated from the registry (`docs/rules.md`).

use super::{RULES, Scope, Severity};

/// The rule catalogue: an index table, then every rule's explanation.
pub fn rules_markdown() -> String {
    let mut out = String::from(
        "# ropa rule catalogue\n\n<!-- Generated from the rule registry by `ropa rules --markdown`; do not edit by hand. -->\n\n",
    );
    let count = |severity| RULES.iter().filter(|r| r.severity == severity).count();
    out.push_str(&format!(
        "{} rules: {} errors, {} warnings, {} informational. `ropa explain RULE` prints one entry.\n\n",
        RULES.len(),
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info)
    ));
    out.push_str("| rule | severity | applies to | articles | summary |\n|---|---|---|---|---|\n");
    for rule in RULES.iter() {
        let scope = match rule.scope {
            Scope::Register => "register",
            Scope::Activity => "activity",
            Scope::Proposal => "proposal",
        };
        out.push_str(&format!(
            "| [`{id}`](#{id}) | {} | {scope} | {} | {} |\n",
            rule.severity,
            rule.articles.join("; "),
            rule.summary,
            id = rule.id
        ));
    }
    for rule in RULES.iter() {
        out.push('\n');
        out.push_str(
            &rule
                .explanation()
                .replacen("# ", "## ", 1)
                .replace("\n## Why", "\n### Why")
                .replace("\n## Non-compliant", "\n### Non-compliant")
                .replace("\n## Compliant", "\n### Compliant"),
        );
    }
    // Retired ids stay listed, so a reader who meets one in an old `ropa.toml` finds it.
    out.push_str("\n## Retired rules\n\n| id | retired in | what happened |\n|---|---|---|\n");
    for retired in super::RETIRED {
        let what = match retired.replaced_by {
            Some(new) => format!("renamed to [`{new}`](#{new}): {}", retired.reason),
            None => format!("removed: {}", retired.reason),
        };
        out.push_str(&format!(
            "| `{}` | {} | {what} |\n",
            retired.id, retired.retired_in
        ));
    }
    out
}
