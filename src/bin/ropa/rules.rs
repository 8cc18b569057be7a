//! `ropa rules` and `ropa explain`: the rule catalogue from the registry.

use ropa::engine::{RULES, rule};

use crate::Outcome;

pub fn list(markdown: bool) -> Outcome {
    if markdown {
        print!("{}", ropa::engine::rules_markdown());
        return Outcome::Clean;
    }
    let width = RULES.iter().map(|r| r.id.len()).max().unwrap_or(0);
    for rule in RULES.iter() {
        println!(
            "{:<width$}  {:<7}  {}",
            rule.id,
            rule.severity.to_string(),
            rule.summary
        );
    }
    Outcome::Clean
}

pub fn explain(id: &str) -> Outcome {
    match rule(id) {
        Some(rule) => {
            print!("{}", rule.explanation());
            Outcome::Clean
        }
        None => {
            let ids: Vec<&str> = RULES.iter().map(|r| r.id).collect();
            let near = ids
                .iter()
                .map(|candidate| (strsim::damerau_levenshtein(id, candidate), *candidate))
                .filter(|(d, _)| *d <= 4)
                .min();
            eprintln!("error: no rule `{}`", ropa::report::sanitize(id));
            if let Some((_, near)) = near {
                eprintln!("help: did you mean `{near}`?");
            } else {
                eprintln!("help: `ropa rules` lists every rule");
            }
            Outcome::InputError
        }
    }
}
