//! Typo tolerance: a word the catalog does not know is replaced by a known word one edit
//! away (SymSpell with single deletions: insertions, deletions, substitutions and most
//! transpositions), preferring the word students and the catalog use most.

use std::collections::HashMap;

pub struct Vocabulary {
    /// Word → how strongly to prefer it.
    words: HashMap<String, f32>,
    /// A word with one letter deleted → the known words that produce it.
    deletes: HashMap<String, Vec<u32>>,
    list: Vec<String>,
}

/// Shortest word we try to correct; shorter ones have too many neighbours ("texas" is one
/// letter from "telas").
const MIN_LENGTH: usize = 6;

fn single_deletes(word: &str) -> impl Iterator<Item = String> + '_ {
    let chars: Vec<char> = word.chars().collect();
    (0..chars.len()).map(move |skip| chars.iter().enumerate().filter(|(i, _)| *i != skip).map(|(_, c)| c).collect())
}

impl Vocabulary {
    /// `words` with their weights; a word listed twice keeps the larger weight.
    pub fn new(words: impl IntoIterator<Item = (String, f32)>) -> Self {
        let mut weights: HashMap<String, f32> = HashMap::new();
        for (word, weight) in words {
            let slot = weights.entry(word).or_insert(0.0);
            *slot = slot.max(weight);
        }
        let list: Vec<String> = weights.keys().cloned().collect();
        let mut deletes: HashMap<String, Vec<u32>> = HashMap::new();
        for (id, word) in list.iter().enumerate() {
            if word.chars().count() < MIN_LENGTH - 1 {
                continue;
            }
            deletes.entry(word.clone()).or_default().push(id as u32);
            for delete in single_deletes(word) {
                deletes.entry(delete).or_default().push(id as u32);
            }
        }
        Self { words: weights, deletes, list }
    }

    pub fn contains(&self, word: &str) -> bool {
        self.words.contains_key(word)
    }

    /// The known word closest to `word`, if `word` is unknown and one edit from a known word.
    pub fn correct(&self, word: &str) -> Option<&str> {
        if self.contains(word) || word.chars().count() < MIN_LENGTH || word.chars().any(|c| c.is_ascii_digit()) {
            return None;
        }
        let mut best: Option<(&str, f32)> = None;
        let keys = std::iter::once(word.to_string()).chain(single_deletes(word));
        for key in keys {
            for id in self.deletes.get(&key).into_iter().flatten() {
                let candidate = self.list[*id as usize].as_str();
                if strsim::damerau_levenshtein(word, candidate) != 1 {
                    continue;
                }
                let weight = self.words[candidate];
                if best.is_none_or(|(_, w)| weight > w) {
                    best = Some((candidate, weight));
                }
            }
        }
        best.map(|(w, _)| w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocabulary() -> Vocabulary {
        Vocabulary::new(
            [("nurse", 5.0), ("nursery", 1.0), ("animals", 3.0), ("chemistry", 2.0), ("horse", 1.0)]
                .map(|(w, f)| (w.to_string(), f)),
        )
    }

    #[test]
    fn one_edit_typos_are_corrected() {
        let v = vocabulary();
        assert_eq!(v.correct("anmials"), Some("animals"));
        assert_eq!(v.correct("chemestry"), Some("chemistry"));
        assert_eq!(v.correct("animal"), Some("animals"));
    }

    #[test]
    fn known_short_and_far_words_are_left_alone() {
        let v = vocabulary();
        assert_eq!(v.correct("nurse"), None);
        assert_eq!(v.correct("nurce"), None, "five letters are too short to guess");
        assert_eq!(v.correct("zebra"), None);
    }
}
