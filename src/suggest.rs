//! "Did you mean …?": the closest known word to a misspelt one.

/// The closest of `candidates` to `word`, when one is close enough to be a likely typo (an edit
/// distance of at most a third of the word's length, between 1 and 4).
pub(crate) fn nearest<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let limit = (word.chars().count() / 3).clamp(1, 4);
    candidates
        .iter()
        .map(|c| (strsim::damerau_levenshtein(word, c), *c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, c)| (*d, *c))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions_find_close_words_only() {
        let fields = ["purposes", "data_subjects", "data_categories", "lawful_bases"];
        assert_eq!(nearest("purpses", &fields), Some("purposes"));
        assert_eq!(nearest("lawful_basis", &fields), Some("lawful_bases"));
        assert_eq!(nearest("colour", &fields), None);
    }
}
