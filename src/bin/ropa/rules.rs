//! `ropa rules` and `ropa explain`: the rule catalogue from the registry.

use ropa::engine::{RULES, rule};

use crate::Outcome;

pub fn list(markdown: bool) -> Outcome {
    if markdown {
        crate::emit(&ropa::engine::rules_markdown());
        return Outcome::Clean;
    }
    let width = RULES.iter().map(|r| r.id.len()).max().unwrap_or(0);
    let mut text = String::new();
    for rule in RULES.iter() {
        text.push_str(&format!(
            "{:<width$}  {:<7}  {}\n",
            rule.id,
            rule.severity.to_string(),
            rule.summary
        ));
    }
    crate::emit(&text);
    Outcome::Clean
}

/// Writes `<id>.md` for every rule into `dir`.
pub fn pages(dir: &std::path::Path) -> Outcome {
    if let Err(error) = std::fs::create_dir_all(dir) {
        eprintln!(
            "error: cannot create {}: {error}",
            ropa::report::sanitize_line(&dir.display().to_string())
        );
        return Outcome::InputError;
    }
    for rule in RULES.iter() {
        let path = dir.join(format!("{}.md", rule.id));
        if let Err(error) = crate::files::write_without_links(&path, &rule.explanation()) {
            eprintln!(
                "error: cannot write {}: {error}",
                ropa::report::sanitize_line(&path.display().to_string())
            );
            return Outcome::InputError;
        }
    }
    eprintln!(
        "wrote {} rule pages to {}",
        RULES.len(),
        ropa::report::sanitize_line(&dir.display().to_string())
    );
    Outcome::Clean
}

pub fn explain(id: &str) -> Outcome {
    match rule(id) {
        Some(rule) => {
            crate::emit(&rule.explanation());
            Outcome::Clean
        }
        None if ropa::engine::retired_rule(id).is_some() => explain_retired(id),
        None => {
            eprintln!("error: no rule `{}`", ropa::report::sanitize_line(id));
            if let Some(near) = ropa::engine::nearest_rule(id) {
                eprintln!("help: did you mean `{near}`?");
            } else {
                eprintln!("help: `ropa rules` lists every rule");
            }
            Outcome::InputError
        }
    }
}

/// `ropa explain` of a retired id: what happened, and the rule that took its place.
fn explain_retired(id: &str) -> Outcome {
    let Some(retired) = ropa::engine::retired_rule(id) else {
        return Outcome::InputError;
    };
    match retired.replaced_by.and_then(rule) {
        Some(replacement) => {
            eprintln!(
                "note: `{id}` was renamed to `{}` in ropa {}: {}",
                replacement.id, retired.retired_in, retired.reason
            );
            crate::emit(&replacement.explanation());
            Outcome::Clean
        }
        None => {
            eprintln!(
                "error: rule `{id}` was removed in ropa {}: {}",
                retired.retired_in, retired.reason
            );
            Outcome::InputError
        }
    }
}
