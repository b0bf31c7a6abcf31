//! The lexicon we write: everyday phrases of 12- to 17-year-olds (hobbies, school subjects,
//! activities, values) in English and Spanish, each pointing to RIASEC areas, clusters,
//! sub-clusters or occupations; and a Spanish→English glossary that lets Spanish words
//! search the English O*NET text.
//!
//! Format (tab-separated, `#` starts a comment line):
//! `phrase<TAB>targets`, targets separated by spaces: a RIASEC letter (`S`), a cluster or
//! sub-cluster id (`community-social-services`), or an O*NET-SOC code (`21-1021.00`), each
//! optionally followed by `:weight` (default 1). A phrase that starts with a negation ("not
//! sitting at a desk", "sin universidad") matches only negated words, and then counts for its
//! targets. Glossary lines are `spanish<TAB>english words`.

use crate::i18n::Lang;

use super::text::{Stems, content_words, tokenize};

/// The lexicon files compiled into the binary, with their language.
const FILES: &[(&str, Lang, &str)] = &[
    ("core-en.tsv", Lang::En, include_str!("lexicon/core-en.tsv")),
    ("core-es.tsv", Lang::Es, include_str!("lexicon/core-es.tsv")),
    ("building-en.tsv", Lang::En, include_str!("lexicon/building-en.tsv")),
    ("building-es.tsv", Lang::Es, include_str!("lexicon/building-es.tsv")),
    ("caring-en.tsv", Lang::En, include_str!("lexicon/caring-en.tsv")),
    ("caring-es.tsv", Lang::Es, include_str!("lexicon/caring-es.tsv")),
    ("creating-en.tsv", Lang::En, include_str!("lexicon/creating-en.tsv")),
    ("creating-es.tsv", Lang::Es, include_str!("lexicon/creating-es.tsv")),
    ("business-en.tsv", Lang::En, include_str!("lexicon/business-en.tsv")),
    ("business-es.tsv", Lang::Es, include_str!("lexicon/business-es.tsv")),
];

const GLOSSARY: (&str, &str) = ("glossary-es.tsv", include_str!("lexicon/glossary-es.tsv"));

/// What a lexicon entry points to.
#[derive(Clone, Debug, PartialEq)]
pub enum Target {
    /// Index into "RIASEC".
    Area(usize),
    /// A cluster, sub-cluster or occupation id, resolved when the index is built.
    Id(String),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub lang: Lang,
    /// The phrase as written in the file, for reasons.
    pub phrase: String,
    /// Content-word stems in the entry's language.
    pub stems: Vec<String>,
    pub targets: Vec<(Target, f32)>,
    /// The phrase is a negation ("not sitting at a desk"): it matches negated words and
    /// then counts for its targets.
    pub negated: bool,
    pub source: String,
}

/// A problem in a lexicon file, found by the unit tests before it ships.
#[derive(Debug, PartialEq, Eq)]
pub struct LexiconError(pub String);

/// Parses every lexicon file.
pub fn entries(stems: &Stems) -> Result<Vec<Entry>, LexiconError> {
    let mut entries = Vec::new();
    for (name, lang, text) in FILES {
        for (line_no, line) in data_lines(text) {
            entries.push(parse_entry(name, line_no, line, *lang, stems)?);
        }
    }
    Ok(entries)
}

fn data_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim_end()))
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
}

fn parse_entry(file: &str, line_no: usize, line: &str, lang: Lang, stems: &Stems) -> Result<Entry, LexiconError> {
    let at = |message: String| LexiconError(format!("{file}, line {line_no}: {message}"));
    let (phrase, targets) = line.split_once('\t').ok_or_else(|| at("expected `phrase<TAB>targets`".into()))?;
    let tokens: Vec<_> = tokenize(phrase).into_iter().filter(|t| !t.stop).collect();
    let negated = !tokens.is_empty() && tokens.iter().all(|t| t.negated);
    let words: Vec<String> = tokens.into_iter().map(|t| t.word).collect();
    if words.is_empty() {
        return Err(at(format!("the phrase {phrase:?} has only stop words")));
    }
    let stemmed = words.iter().map(|w| if lang == Lang::Es { stems.es(w) } else { stems.en(w) }).collect();
    let mut parsed = Vec::new();
    for target in targets.split_whitespace() {
        let (id, weight) = match target.split_once(':') {
            Some((id, weight)) => (id, weight.parse::<f32>().map_err(|_| at(format!("bad weight in {target:?}")))?),
            None => (target, 1.0),
        };
        let target = match "RIASEC".find(id) {
            Some(area) if id.len() == 1 => Target::Area(area),
            _ => Target::Id(id.to_string()),
        };
        parsed.push((target, weight));
    }
    if parsed.is_empty() {
        return Err(at(format!("the phrase {phrase:?} has no targets")));
    }
    Ok(Entry {
        lang,
        phrase: phrase.trim().to_string(),
        stems: stemmed,
        targets: parsed,
        negated,
        source: format!("{file}:{line_no}"),
    })
}

/// Spanish → English word pairs: each Spanish stem with the English words it stands for.
pub fn glossary(stems: &Stems) -> Result<Vec<(String, Vec<String>)>, LexiconError> {
    let (name, text) = GLOSSARY;
    let mut pairs = Vec::new();
    for (line_no, line) in data_lines(text) {
        let (spanish, english) = line
            .split_once('\t')
            .ok_or_else(|| LexiconError(format!("{name}, line {line_no}: expected `spanish<TAB>english words`")))?;
        let key = content_words(spanish).iter().map(|w| stems.es(w)).collect::<Vec<_>>().join(" ");
        // A word that is a stop word (familia, amigos) never reaches the glossary.
        if !key.is_empty() {
            pairs.push((key, english.split_whitespace().map(str::to_string).collect()));
        }
    }
    Ok(pairs)
}

/// The Spanish content words of the glossary, folded, for the spelling vocabulary.
pub fn glossary_words() -> Vec<String> {
    data_lines(GLOSSARY.1)
        .filter_map(|(_, line)| line.split_once('\t'))
        .flat_map(|(spanish, _)| content_words(spanish))
        .collect()
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    /// Every id the lexicon may name: clusters and sub-clusters from framework.json and
    /// occupation codes from occupations.csv.
    fn known_ids() -> HashSet<String> {
        let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data");
        let data = std::env::var("PATHWAYS_DATA_DIR").map(std::path::PathBuf::from).unwrap_or(data);
        let framework: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(data.join("career-clusters/framework.json")).unwrap())
                .unwrap();
        let mut ids = HashSet::new();
        for cluster in framework["clusters"].as_array().unwrap() {
            ids.insert(cluster["id"].as_str().unwrap().to_string());
            for sub in cluster["subclusters"].as_array().unwrap() {
                ids.insert(sub["id"].as_str().unwrap().to_string());
            }
        }
        let occupations = std::fs::read_to_string(data.join("onet/occupations.csv")).unwrap();
        ids.extend(occupations.lines().skip(1).filter_map(|l| l.split(',').next()).map(str::to_string));
        ids
    }

    #[test]
    fn every_lexicon_line_parses_and_names_known_targets() {
        let stems = Stems::default();
        let entries = entries(&stems).unwrap_or_else(|e| panic!("{}", e.0));
        let known = known_ids();
        let unknown: Vec<String> = entries
            .iter()
            .flat_map(|e| e.targets.iter().map(move |(t, _)| (e, t)))
            .filter_map(|(e, t)| match t {
                Target::Id(id) if !known.contains(id) => Some(format!("{}: {id}", e.source)),
                _ => None,
            })
            .collect();
        assert!(unknown.is_empty(), "unknown targets:\n{}", unknown.join("\n"));
        for lang in [Lang::En, Lang::Es] {
            assert!(entries.iter().filter(|e| e.lang == lang).count() >= 300, "too few {lang:?} entries");
        }
    }

    #[test]
    fn glossary_parses() {
        let glossary = glossary(&Stems::default()).unwrap_or_else(|e| panic!("{}", e.0));
        assert!(glossary.len() >= 200);
    }
}
