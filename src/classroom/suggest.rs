//! Suggestions for a unit: given the subject and the topic a teacher is about to teach
//! ("English 10", "Hamlet"), the sub-clusters, clusters and occupations it can open, each
//! with the reason. Two kinds of evidence add up:
//! 1. a knowledge base of school subjects and topics (`kb/subjects.tsv`, `kb/topics.tsv`):
//!    what a career-education specialist would connect them to, and why;
//! 2. the Explore matcher over the topic's words (occupation titles, tasks, lexicon), for
//!    topics the knowledge base does not know.
//!
//! Lessons of the library tagged with the best sub-clusters, or naming the topic, come
//! with them (the caller picks them among the lessons the teacher may see).

use std::collections::HashMap;
use std::sync::LazyLock;

use serde::Serialize;

use crate::catalog::names::{self, Kind};
use crate::explore::text::fold;
use crate::explore::{ExploreIndex, Query};
use crate::i18n::Lang;

const SUBJECTS: &str = include_str!("kb/subjects.tsv");
const TOPICS: &str = include_str!("kb/topics.tsv");

/// How much a subject counts against a topic: the topic says more about the unit.
const SUBJECT_WEIGHT: f32 = 0.6;
/// How much the matcher's best sub-cluster adds (the others in proportion to their score).
const MATCHER_WEIGHT: f32 = 0.8;
/// The matcher counts more when the knowledge base knows nothing of the topic.
const MATCHER_ALONE_WEIGHT: f32 = 1.3;
const MATCHER_OCCUPATION_WEIGHT: f32 = 0.6;
/// A cluster's score: its best sub-cluster, plus this share of the others.
const CLUSTER_REST: f32 = 0.3;
pub const SUBCLUSTERS_SHOWN: usize = 6;
pub const CLUSTERS_SHOWN: usize = 4;
pub const OCCUPATIONS_SHOWN: usize = 8;
const REASONS_KEPT: usize = 3;

/// What one knowledge-base line points to.
#[derive(Clone, Debug, PartialEq)]
enum Target {
    Subcluster(String),
    Occupation(String),
}

/// One line of the knowledge base.
#[derive(Clone, Debug)]
struct Entry {
    /// Normalized phrases, each padded with spaces for whole-word matching, and each
    /// phrase as written (for the reason).
    phrases: Vec<(String, String)>,
    targets: Vec<(Target, f32)>,
    reason_en: String,
    reason_es: String,
}

impl Entry {
    fn reason(&self, lang: Lang) -> &str {
        match lang {
            Lang::Es => &self.reason_es,
            _ => &self.reason_en,
        }
    }

    /// The longest phrase of this entry found in `text` (normalized and padded), as the
    /// teacher wrote it when it is all they wrote ("Hamlet"), else as the entry writes it.
    fn found_in<'a>(&'a self, text: &str, typed: &'a str) -> Option<&'a str> {
        let (normal, written) =
            self.phrases.iter().filter(|(normal, _)| text.contains(normal.as_str())).max_by_key(|(n, _)| n.len())?;
        Some(if normal == text { typed.trim() } else { written.as_str() })
    }
}

/// Lower case, accents folded, punctuation and numbers turned into spaces, padded with a
/// space at each end: "English 10 — Hamlet" → " english hamlet ".
pub fn normalize(text: &str) -> String {
    let folded: String = fold(text).chars().map(|c| if c.is_alphanumeric() || c == '\'' { c } else { ' ' }).collect();
    let words: Vec<&str> = folded.split_whitespace().filter(|w| !w.chars().all(|c| c.is_ascii_digit())).collect();
    format!(" {} ", words.join(" "))
}

fn parse_kb(text: &str) -> Vec<Entry> {
    text.lines()
        .filter(|line| !line.trim().is_empty() && !line.starts_with('#'))
        .filter_map(|line| {
            let mut fields = line.split('\t');
            let phrases = fields
                .next()?
                .split('|')
                .map(|p| (normalize(p), p.trim().to_string()))
                .filter(|(normal, _)| normal.trim().len() > 1)
                .collect();
            let targets = fields
                .next()?
                .split_whitespace()
                .filter_map(|t| {
                    let (id, weight) = t.rsplit_once(':')?;
                    let weight: f32 = weight.parse().ok()?;
                    let target = if id.as_bytes().first().is_some_and(u8::is_ascii_digit) {
                        Target::Occupation(id.to_string())
                    } else {
                        Target::Subcluster(id.to_string())
                    };
                    Some((target, weight))
                })
                .collect();
            let reason_en = fields.next()?.trim().to_string();
            let reason_es = fields.next().map(str::trim).filter(|r| !r.is_empty()).unwrap_or(&reason_en).to_string();
            Some(Entry { phrases, targets, reason_en, reason_es })
        })
        .collect()
}

/// The subjects and topics the suggester knows.
pub struct KnowledgeBase {
    subjects: Vec<Entry>,
    topics: Vec<Entry>,
}

static KNOWLEDGE: LazyLock<KnowledgeBase> =
    LazyLock::new(|| KnowledgeBase { subjects: parse_kb(SUBJECTS), topics: parse_kb(TOPICS) });

impl KnowledgeBase {
    pub fn get() -> &'static KnowledgeBase {
        &KNOWLEDGE
    }

    /// Every sub-cluster id and occupation code the knowledge base names (to check them
    /// against the catalog).
    pub fn targets(&self) -> (Vec<&str>, Vec<&str>) {
        let all = self.subjects.iter().chain(&self.topics).flat_map(|e| &e.targets);
        let (mut subclusters, mut occupations) = (Vec::new(), Vec::new());
        for (target, _) in all {
            match target {
                Target::Subcluster(id) => subclusters.push(id.as_str()),
                Target::Occupation(code) => occupations.push(code.as_str()),
            }
        }
        (subclusters, occupations)
    }

    pub fn len(&self) -> (usize, usize) {
        (self.subjects.len(), self.topics.len())
    }
}

/// One suggested item with why.
#[derive(Clone, Debug, Serialize)]
pub struct Suggested {
    pub id: String,
    pub name: String,
    pub score: f32,
    pub reasons: Vec<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct SuggestedSubcluster {
    pub id: String,
    pub cluster_id: String,
    pub name: String,
    pub score: f32,
    pub reasons: Vec<String>,
}

/// The suggestions for one subject and topic.
#[derive(Clone, Debug, Serialize)]
pub struct Suggestions {
    pub subject: String,
    pub topic: String,
    pub clusters: Vec<Suggested>,
    pub subclusters: Vec<SuggestedSubcluster>,
    pub occupations: Vec<Suggested>,
}

impl Suggestions {
    pub fn is_empty(&self) -> bool {
        self.subclusters.is_empty()
    }

    pub fn subcluster_ids(&self, n: usize) -> Vec<String> {
        self.subclusters.iter().take(n).map(|s| s.id.clone()).collect()
    }
}

/// Scores and reasons gathered for items of one kind.
#[derive(Default)]
struct Tally {
    items: HashMap<String, (f32, Vec<(f32, String)>)>,
}

impl Tally {
    fn add(&mut self, id: &str, weight: f32, reason: String) {
        let (score, reasons) = self.items.entry(id.to_string()).or_default();
        *score += weight;
        match reasons.iter_mut().find(|(_, r)| *r == reason) {
            Some(existing) => existing.0 += weight,
            None => reasons.push((weight, reason)),
        }
    }

    /// Items best first, each with its strongest reasons.
    fn ranked(self) -> Vec<(String, f32, Vec<String>)> {
        let mut items: Vec<(String, f32, Vec<String>)> = self
            .items
            .into_iter()
            .map(|(id, (score, mut reasons))| {
                reasons.sort_by(|a, b| b.0.total_cmp(&a.0));
                (id, score, reasons.into_iter().take(REASONS_KEPT).map(|(_, r)| r).collect())
            })
            .collect();
        items.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        items
    }
}

/// "“Hamlet”: argument, evidence and judgment".
fn kb_reason(lang: Lang, phrase: &str, entry: &Entry) -> String {
    lang.t_args("suggest-reason-kb", &[("words", phrase.into()), ("reason", entry.reason(lang).into())])
}

/// Suggests what a unit on `topic` in `subject` opens.
pub fn suggest(index: &ExploreIndex, subject: &str, topic: &str, lang: Lang) -> Suggestions {
    let kb = KnowledgeBase::get();
    let mut subclusters = Tally::default();
    let mut occupations = Tally::default();
    let (subject_text, topic_text) = (normalize(subject), normalize(topic));
    let mut topic_known = false;
    let sources = [(&kb.topics, &topic_text, topic, 1.0), (&kb.subjects, &subject_text, subject, SUBJECT_WEIGHT)];
    for (entries, text, typed, factor) in sources {
        for entry in entries.iter() {
            let Some(phrase) = entry.found_in(text, typed) else { continue };
            topic_known |= factor == 1.0;
            let reason = kb_reason(lang, phrase, entry);
            for (target, weight) in &entry.targets {
                match target {
                    Target::Subcluster(id) if index.subcluster_by_id.contains_key(id) => {
                        subclusters.add(id, weight * factor, reason.clone())
                    }
                    Target::Occupation(code) if index.occupation_by_code.contains_key(code) => {
                        occupations.add(code, weight * factor, reason.clone())
                    }
                    _ => {}
                }
            }
        }
    }
    add_matcher_evidence(index, topic, lang, topic_known, &mut subclusters, &mut occupations);
    rank(index, lang, (subject, topic), subclusters, occupations)
}

/// What the Explore matcher reads in the topic's words.
fn add_matcher_evidence(
    index: &ExploreIndex,
    topic: &str,
    lang: Lang,
    topic_known: bool,
    subclusters: &mut Tally,
    occupations: &mut Tally,
) {
    let found = index.match_text(&Query::new(topic, lang));
    if found.no_signal {
        return;
    }
    let weight = if topic_known { MATCHER_WEIGHT } else { MATCHER_ALONE_WEIGHT };
    let top = found.subclusters.first().map_or(0.0, |s| s.score);
    if top > 0.0 {
        for s in found.subclusters.iter().take(SUBCLUSTERS_SHOWN) {
            let reason = s.reasons.first().cloned().unwrap_or_default();
            subclusters.add(&s.id, weight * s.score / top, reason);
        }
    }
    let top = found.occupations.first().map_or(0.0, |o| o.score);
    // Where the knowledge base knows the topic, the matcher's occupations count only in the
    // sub-clusters found: title words alone mislead ("cells" → cell tower installers).
    let fits = |code: &str| {
        !topic_known
            || index.occupation_by_code.get(code).is_some_and(|&o| {
                index.occupations[o]
                    .subclusters
                    .iter()
                    .any(|&s| subclusters.items.contains_key(&index.subclusters[s].id))
            })
    };
    if top > 0.0 {
        for o in found.occupations.iter().take(OCCUPATIONS_SHOWN).filter(|o| fits(&o.code)) {
            let reason = o.reasons.first().cloned().unwrap_or_default();
            occupations.add(&o.code, MATCHER_OCCUPATION_WEIGHT * o.score / top, reason);
        }
    }
}

fn rank(
    index: &ExploreIndex,
    lang: Lang,
    (subject, topic): (&str, &str),
    subclusters: Tally,
    occupations: Tally,
) -> Suggestions {
    let ranked_subclusters: Vec<SuggestedSubcluster> = subclusters
        .ranked()
        .into_iter()
        .filter_map(|(id, score, reasons)| {
            let s = &index.subclusters[*index.subcluster_by_id.get(&id)?];
            let cluster_id = index.clusters[s.cluster].id.clone();
            Some(SuggestedSubcluster {
                name: names::name(lang, Kind::Subcluster, &id, &s.name),
                id,
                cluster_id,
                score,
                reasons,
            })
        })
        .collect();
    let mut clusters = Tally::default();
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for s in &ranked_subclusters {
        let n = seen.entry(&s.cluster_id).or_default();
        let weight = if *n == 0 { s.score } else { s.score * CLUSTER_REST };
        *n += 1;
        clusters.add(&s.cluster_id, weight, s.name.clone());
    }
    let clusters = clusters
        .ranked()
        .into_iter()
        .take(CLUSTERS_SHOWN)
        .filter_map(|(id, score, reasons)| {
            let c = &index.clusters[*index.cluster_by_id.get(&id)?];
            let reasons = vec![lang.t_args("suggest-reason-includes", &[("names", reasons.join(", ").into())])];
            Some(Suggested { name: names::name(lang, Kind::Cluster, &id, &c.name), id, score, reasons })
        })
        .collect();
    let occupations = occupations
        .ranked()
        .into_iter()
        .take(OCCUPATIONS_SHOWN)
        .filter_map(|(code, score, reasons)| {
            let o = &index.occupations[*index.occupation_by_code.get(&code)?];
            Some(Suggested { name: o.title.clone(), id: code, score, reasons })
        })
        .collect();
    Suggestions {
        subject: subject.to_string(),
        topic: topic.to_string(),
        clusters,
        subclusters: ranked_subclusters.into_iter().take(SUBCLUSTERS_SHOWN).collect(),
        occupations,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_normalized_for_whole_word_matching() {
        assert_eq!(normalize("English 10 — Hamlet"), " english hamlet ");
        assert_eq!(normalize("Biología: CÉLULAS"), " biologia celulas ");
        assert_eq!(normalize("3D printing"), " 3d printing ");
    }

    #[test]
    fn knowledge_base_lines_are_read() {
        let entries =
            parse_kb("# c\nhamlet|Macbeth\tjudicial-systems:1.5 23-1011.00:1\targument\targumentación\n\nbad line\n");
        assert_eq!(entries.len(), 1);
        let entry = &entries[0];
        assert_eq!(entry.found_in(" english hamlet ", "English Hamlet"), Some("hamlet"));
        assert_eq!(entry.found_in(" hamlet ", "Hamlet "), Some("Hamlet"));
        assert_eq!(entry.found_in(" the scottish play macbeth ", "the Scottish play: macbeth"), Some("Macbeth"));
        assert_eq!(entry.found_in(" hamlets ", "Hamlets"), None);
        assert_eq!(entry.targets[0], (Target::Subcluster("judicial-systems".into()), 1.5));
        assert_eq!(entry.targets[1], (Target::Occupation("23-1011.00".into()), 1.0));
        assert_eq!(entry.reason(Lang::Es), "argumentación");
    }

    #[test]
    fn the_knowledge_base_is_not_empty() {
        let (subjects, topics) = KnowledgeBase::get().len();
        assert!(subjects >= 50 && topics >= 300, "{subjects} subjects, {topics} topics");
    }
}
