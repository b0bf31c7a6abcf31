//! The in-memory Explore index, built once at start-up from the catalog: occupations with
//! their clusters, a BM25F index of their titles, other titles, descriptions and tasks, an
//! index of O*NET interest activities, the lexicon with resolved targets, the Spanish
//! glossary and the spelling vocabulary.

use std::collections::{HashMap, HashSet};

use super::bm25::{Bm25, FieldSpec};
use super::lexicon::{self, Entry, LexiconError, Target};
use super::spelling::Vocabulary;
use super::store::Corpus;
use super::text::{Stems, content_words};
use crate::i18n::Lang;

pub const AREAS: [char; 6] = ['R', 'I', 'A', 'S', 'E', 'C'];

/// Fields of an occupation document.
pub const TITLE: usize = 0;
pub const OTHER_TITLES: usize = 1;
pub const DESCRIPTION: usize = 2;
pub const TASKS: usize = 3;

pub struct Occupation {
    pub code: String,
    pub title: String,
    pub interests: Option<[f32; 6]>,
    pub job_zone: Option<i64>,
    pub subclusters: Vec<usize>,
    /// Alternate and reported titles with their stems, for reasons and leave-one-out.
    pub other_titles: Vec<(String, Vec<String>)>,
    pub title_stems: Vec<String>,
}

pub struct Subcluster {
    pub id: String,
    pub name: String,
    pub cluster: usize,
    pub occupations: Vec<usize>,
}

pub struct Cluster {
    pub id: String,
    pub name: String,
    pub subclusters: Vec<usize>,
    /// Mean interest profile of the cluster's occupations.
    pub profile: Option<[f32; 6]>,
}

/// A lexicon target resolved against the catalog.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Resolved {
    Area(usize),
    Cluster(usize),
    Subcluster(usize),
    Occupation(usize),
}

pub struct LexiconEntry {
    pub entry: Entry,
    pub targets: Vec<(Resolved, f32)>,
}

/// An O*NET interest activity, keyword or profiler item, with the areas and occupations
/// it stands for.
pub struct InterestDoc {
    pub text: String,
    pub areas: Vec<usize>,
    pub occupations: Vec<usize>,
}

pub struct ExploreIndex {
    pub occupations: Vec<Occupation>,
    pub subclusters: Vec<Subcluster>,
    pub clusters: Vec<Cluster>,
    pub occupation_index: Bm25,
    /// Titles only: the baseline of the evaluation.
    pub title_index: Bm25,
    pub interest_docs: Vec<InterestDoc>,
    pub interest_index: Bm25,
    pub lexicon: Vec<LexiconEntry>,
    pub lexicon_by_stem: HashMap<(Lang, String), Vec<usize>>,
    /// Spanish stems (space-separated for phrases) → English stems.
    pub glossary: HashMap<String, Vec<String>>,
    pub vocabulary: Vocabulary,
    pub stems: Stems,
    pub occupation_by_code: HashMap<String, usize>,
    pub subcluster_by_id: HashMap<String, usize>,
    pub cluster_by_id: HashMap<String, usize>,
}

#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    #[error("the catalog is empty; load it first")]
    EmptyCatalog,
    #[error("lexicon: {0}")]
    Lexicon(String),
}

impl From<LexiconError> for IndexError {
    fn from(e: LexiconError) -> Self {
        IndexError::Lexicon(e.0)
    }
}

impl ExploreIndex {
    pub fn build(corpus: &Corpus) -> Result<Self, IndexError> {
        if corpus.occupations.is_empty() {
            return Err(IndexError::EmptyCatalog);
        }
        let stems = Stems::default();
        let analyzer = std::cell::RefCell::new(Analyzer::new(&stems));
        let english = |text: &str, weight: f32| analyzer.borrow_mut().english(text, weight);

        let mut clusters: Vec<Cluster> = corpus
            .clusters
            .iter()
            .map(|(id, name)| Cluster { id: id.clone(), name: name.clone(), subclusters: Vec::new(), profile: None })
            .collect();
        let cluster_by_id: HashMap<String, usize> =
            clusters.iter().enumerate().map(|(i, c)| (c.id.clone(), i)).collect();
        let mut subclusters: Vec<Subcluster> = Vec::new();
        for (id, cluster, name) in &corpus.subclusters {
            let Some(&c) = cluster_by_id.get(cluster) else { continue };
            clusters[c].subclusters.push(subclusters.len());
            subclusters.push(Subcluster { id: id.clone(), name: name.clone(), cluster: c, occupations: Vec::new() });
        }
        let subcluster_by_id: HashMap<String, usize> =
            subclusters.iter().enumerate().map(|(i, s)| (s.id.clone(), i)).collect();

        let mut occupations: Vec<Occupation> = corpus
            .occupations
            .iter()
            .map(|o| Occupation {
                code: o.code.clone(),
                title: o.title.clone(),
                interests: o.interests(),
                job_zone: o.job_zone,
                subclusters: Vec::new(),
                other_titles: Vec::new(),
                title_stems: english(&o.title, 3.0),
            })
            .collect();
        let occupation_by_code: HashMap<String, usize> =
            occupations.iter().enumerate().map(|(i, o)| (o.code.clone(), i)).collect();
        let mut by_soc: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, o) in corpus.occupations.iter().enumerate() {
            by_soc.entry(o.soc_code.as_str()).or_default().push(i);
        }
        for (sub, soc) in &corpus.subcluster_socs {
            let Some(&s) = subcluster_by_id.get(sub) else { continue };
            for &o in by_soc.get(soc.as_str()).into_iter().flatten() {
                occupations[o].subclusters.push(s);
                subclusters[s].occupations.push(o);
            }
        }
        for cluster in &mut clusters {
            let members: HashSet<usize> =
                cluster.subclusters.iter().flat_map(|&s| subclusters[s].occupations.iter().copied()).collect();
            cluster.profile = mean_profile(members.iter().filter_map(|&o| occupations[o].interests));
        }

        let mut descriptions = vec![Vec::new(); occupations.len()];
        let mut tasks = vec![Vec::new(); occupations.len()];
        for o in &corpus.occupations {
            descriptions[occupation_by_code[&o.code]] = english(&o.description, 0.5);
        }
        for (code, task) in &corpus.tasks {
            if let Some(&o) = occupation_by_code.get(code) {
                tasks[o].extend(english(task, 0.3));
            }
        }
        let mut seen_titles: HashSet<(usize, String)> = HashSet::new();
        for (code, title) in &corpus.titles {
            let Some(&o) = occupation_by_code.get(code) else { continue };
            if seen_titles.insert((o, title.to_lowercase())) {
                occupations[o].other_titles.push((title.clone(), english(title, 1.0)));
            }
        }
        let documents: Vec<Vec<Vec<String>>> = occupations
            .iter()
            .enumerate()
            .map(|(i, o)| {
                let others = o.other_titles.iter().flat_map(|(_, s)| s.iter().cloned()).collect();
                vec![o.title_stems.clone(), others, std::mem::take(&mut descriptions[i]), std::mem::take(&mut tasks[i])]
            })
            .collect();
        let occupation_index = Bm25::build(
            vec![
                FieldSpec { weight: 4.0, b: 0.3 },
                FieldSpec { weight: 1.5, b: 0.9 },
                FieldSpec { weight: 1.0, b: 0.6 },
                FieldSpec { weight: 0.6, b: 0.8 },
            ],
            &documents,
        );
        let title_index = Bm25::build(
            vec![FieldSpec { weight: 1.0, b: 0.75 }],
            &occupations.iter().map(|o| vec![o.title_stems.clone()]).collect::<Vec<_>>(),
        );

        let interest_docs = interest_docs(corpus, &occupation_by_code);
        let interest_index = Bm25::build(
            vec![FieldSpec { weight: 1.0, b: 0.5 }],
            &interest_docs.iter().map(|d| vec![english(&d.text, 2.0)]).collect::<Vec<_>>(),
        );

        let entries = lexicon::entries(&stems)?;
        let mut lexicon = Vec::new();
        let mut lexicon_by_stem: HashMap<(Lang, String), Vec<usize>> = HashMap::new();
        for entry in entries {
            let targets: Vec<(Resolved, f32)> = entry
                .targets
                .iter()
                .filter_map(|(target, weight)| {
                    let resolved = match target {
                        Target::Area(a) => Resolved::Area(*a),
                        Target::Id(id) => subcluster_by_id
                            .get(id)
                            .map(|&s| Resolved::Subcluster(s))
                            .or_else(|| cluster_by_id.get(id).map(|&c| Resolved::Cluster(c)))
                            .or_else(|| occupation_by_code.get(id).map(|&o| Resolved::Occupation(o)))?,
                    };
                    Some((resolved, *weight))
                })
                .collect();
            if targets.is_empty() {
                continue;
            }
            for stem in &entry.stems {
                let ids = lexicon_by_stem.entry((entry.lang, stem.clone())).or_default();
                if ids.last() != Some(&lexicon.len()) {
                    ids.push(lexicon.len());
                }
            }
            lexicon.push(LexiconEntry { entry, targets });
        }

        let glossary: HashMap<String, Vec<String>> = lexicon::glossary(&stems)?
            .into_iter()
            .map(|(spanish, english_words)| (spanish, english_words.iter().map(|w| stems.en(w)).collect()))
            .collect();

        let vocabulary = vocabulary(analyzer.into_inner().frequency, &lexicon);
        Ok(Self {
            occupations,
            subclusters,
            clusters,
            occupation_index,
            title_index,
            interest_docs,
            interest_index,
            lexicon,
            lexicon_by_stem,
            glossary,
            vocabulary,
            stems,
            occupation_by_code,
            subcluster_by_id,
            cluster_by_id,
        })
    }
}

fn mean_profile(profiles: impl Iterator<Item = [f32; 6]>) -> Option<[f32; 6]> {
    let mut sum = [0.0; 6];
    let mut n = 0.0;
    for p in profiles {
        for (s, v) in sum.iter_mut().zip(p) {
            *s += v;
        }
        n += 1.0;
    }
    (n > 0.0).then(|| sum.map(|s| s / n))
}

fn area_of_letter(letter: &str) -> Option<usize> {
    AREAS.iter().position(|a| letter.starts_with(*a))
}

fn area_of_name(name: &str) -> Option<usize> {
    ["Realistic", "Investigative", "Artistic", "Social", "Enterprising", "Conventional"].iter().position(|a| *a == name)
}

fn interest_docs(corpus: &Corpus, occupation_by_code: &HashMap<String, usize>) -> Vec<InterestDoc> {
    let mut areas_of_basic: HashMap<&str, Vec<usize>> = HashMap::new();
    for (name, letter) in &corpus.basic_interest_areas {
        areas_of_basic.entry(name.as_str()).or_default().extend(area_of_letter(letter));
    }
    let mut occupations_of: HashMap<&str, Vec<usize>> = HashMap::new();
    for (interest, code) in &corpus.illustrative_occupations {
        occupations_of.entry(interest.as_str()).or_default().extend(occupation_by_code.get(code));
    }
    let areas_of = |interest: &str| -> Vec<usize> {
        area_of_name(interest).map(|a| vec![a]).or_else(|| areas_of_basic.get(interest).cloned()).unwrap_or_default()
    };
    let mut docs: Vec<InterestDoc> = corpus
        .activities
        .iter()
        .map(|(interest, _, activity)| InterestDoc {
            text: activity.trim_end_matches('.').to_string(),
            areas: areas_of(interest),
            occupations: occupations_of.get(interest.as_str()).cloned().unwrap_or_default(),
        })
        .collect();
    for (letter, statement) in corpus.keywords.iter().chain(&corpus.profiler_items) {
        docs.push(InterestDoc {
            text: statement.clone(),
            areas: area_of_letter(letter).into_iter().collect(),
            occupations: Vec::new(),
        });
    }
    docs.retain(|d| !d.areas.is_empty());
    docs
}

/// Tokenizes and stems the catalog's English text once, counting words for the spelling
/// vocabulary as it goes; stems are cached since the same words recur in every task.
struct Analyzer<'s> {
    stems: &'s Stems,
    cache: HashMap<String, String>,
    frequency: HashMap<String, f32>,
}

impl<'s> Analyzer<'s> {
    fn new(stems: &'s Stems) -> Self {
        Self { stems, cache: HashMap::new(), frequency: HashMap::new() }
    }

    /// Content-word stems of `text`; every word counts `weight` towards its frequency.
    fn english(&mut self, text: &str, weight: f32) -> Vec<String> {
        let mut out = Vec::new();
        for token in super::text::tokenize(text) {
            if token.stop {
                continue;
            }
            let stem = match self.cache.get(&token.word) {
                Some(stem) => stem.clone(),
                None => {
                    let stem = self.stems.en(&token.word);
                    self.cache.insert(token.word.clone(), stem.clone());
                    stem
                }
            };
            *self.frequency.entry(token.word).or_insert(0.0) += weight;
            out.push(stem);
        }
        out
    }
}

/// Words we know, so anything else may be a typo: stop words and lexicon words first, then
/// the words of the catalog's text by frequency.
fn vocabulary(frequency: HashMap<String, f32>, lexicon: &[LexiconEntry]) -> Vocabulary {
    let mut words: Vec<(String, f32)> = frequency.into_iter().map(|(w, f)| (w, 1.0 + f.ln_1p())).collect();
    for entry in lexicon {
        for word in content_words(&entry.entry.phrase) {
            words.push((word, 50.0));
        }
    }
    words.extend(lexicon::glossary_words().into_iter().map(|w| (w, 40.0)));
    words.extend(super::text::stop_words().map(|w| (w.to_string(), 100.0)));
    Vocabulary::new(words)
}
