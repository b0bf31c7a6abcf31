//! The matcher: free text → ranked clusters, sub-clusters and occupations, each with the
//! reasons it matched. Four kinds of evidence add up:
//! 1. lexicon phrases ("helping people" → Social, Community & Social Services),
//! 2. BM25F retrieval over occupation titles, other titles, descriptions and tasks (Spanish
//!    words reach the English text through the glossary),
//! 3. O*NET interest activities, which tell the student's interest areas,
//! 4. similarity between the inferred interest profile and each occupation's RIASEC scores.
//!
//! Occupations roll up to sub-clusters and clusters through the SOC crosswalk. Negated words
//! ("I don't like blood") count against what they name.

use std::collections::{BTreeSet, HashSet};

use serde::Serialize;

use super::bm25::Exclusion;
use super::index::{AREAS, ExploreIndex, OTHER_TITLES, Resolved};
use super::text::{Token, says_nothing, tokenize};
use crate::catalog::names::{self, Kind};
use crate::i18n::{Arg, Lang};

/// How many sub-clusters and occupations a match returns.
pub const SUBCLUSTERS_RETURNED: usize = 10;
pub const OCCUPATIONS_RETURNED: usize = 20;

const BM25_WEIGHT: f32 = 2.0;
const BM25_HALF: f32 = 5.0;
const BM25_SIGNAL: f32 = 3.0;
const INTEREST_SIGNAL: f32 = 2.5;
const INTEREST_AREA_WEIGHT: f32 = 0.8;
const INTEREST_OCCUPATION_WEIGHT: f32 = 0.3;
const PROFILE_WEIGHT_OCCUPATION: f32 = 0.6;
const PROFILE_WEIGHT_CLUSTER: f32 = 0.5;
const SUBCLUSTER_TO_OCCUPATION: f32 = 0.5;
const CLUSTER_TO_OCCUPATION: f32 = 0.2;
const OCCUPATIONS_TO_SUBCLUSTER: f32 = 0.6;
const SECOND_SUBCLUSTER: f32 = 0.35;
const GLOSSARY_WEIGHT: f32 = 0.9;
const REASONS_KEPT: usize = 3;

/// One ranked item with the reasons it matched.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct ClusterMatch {
    pub id: String,
    pub name: String,
    pub score: f32,
    pub reasons: Vec<String>,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct SubclusterMatch {
    pub id: String,
    pub cluster_id: String,
    pub name: String,
    pub score: f32,
    pub reasons: Vec<String>,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct OccupationMatch {
    pub code: String,
    pub title: String,
    pub job_zone: Option<i64>,
    pub score: f32,
    pub reasons: Vec<String>,
}

/// A word read as another, known one.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Correction {
    pub typed: String,
    pub read_as: String,
}

/// The answer to one query.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Match {
    pub query: String,
    /// All 14 clusters, best first (empty when the text says nothing we can use).
    pub clusters: Vec<ClusterMatch>,
    pub subclusters: Vec<SubclusterMatch>,
    pub occupations: Vec<OccupationMatch>,
    /// True when the text carries no signal; show prompts instead of guesses.
    pub no_signal: bool,
    pub corrections: Vec<Correction>,
    /// Words the student said they do not like; what they name was moved down.
    pub disliked: Vec<String>,
    /// The interest profile read from the text, R I A S E C (may be negative).
    pub profile: [f32; 6],
}

/// What to match and how.
pub struct Query<'a> {
    pub text: &'a str,
    /// Language of the reasons.
    pub lang: Lang,
    /// Leave one title of one occupation out of the index (evaluation only).
    pub exclude: Option<(usize, usize)>,
    /// Plain words for younger students ("hands-on" rather than "Realistic").
    pub plain: bool,
}

impl<'a> Query<'a> {
    pub fn new(text: &'a str, lang: Lang) -> Self {
        Self { text, lang, exclude: None, plain: false }
    }
}

/// How reasons are worded: the language, and plain words for middle school.
#[derive(Clone, Copy)]
struct Voice {
    lang: Lang,
    plain: bool,
}

/// Why an item matched, rendered in the page's language at the end.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Reason {
    /// The student's words matched a lexicon phrase pointing here, maybe through an area.
    Phrase { words: String, area: Option<usize>, target: String },
    /// The words match an occupation title.
    Title { title: String },
    /// The words appear in what the occupation does.
    Words { words: String },
    /// The words resemble an O*NET activity of this interest area.
    Activity { words: String, activity: String, area: usize },
    /// The profile read from the words fits the item's interest profile.
    Interests { areas: Vec<usize> },
    /// Occupations or sub-clusters inside this item matched.
    Includes { names: Vec<String> },
    /// Words the student does not like point here.
    Disliked { words: String },
    /// Nothing the student wrote points here.
    Nothing,
}

/// The reasons of one query, each stored once; evidence refers to them by number.
#[derive(Default)]
struct Reasons {
    list: Vec<Reason>,
    ids: std::collections::HashMap<Reason, u32>,
}

impl Reasons {
    fn id(&mut self, reason: Reason) -> u32 {
        if let Some(&id) = self.ids.get(&reason) {
            return id;
        }
        let id = self.list.len() as u32;
        self.ids.insert(reason.clone(), id);
        self.list.push(reason);
        id
    }
}

#[derive(Default, Clone)]
struct Evidence {
    score: f32,
    reasons: Vec<(f32, u32)>,
}

impl Evidence {
    fn add(&mut self, weight: f32, reason: u32) {
        self.score += weight;
        if let Some(existing) = self.reasons.iter_mut().find(|(_, r)| *r == reason) {
            existing.0 += weight;
        } else {
            self.reasons.push((weight, reason));
        }
    }

    /// The reason that contributed most.
    fn strongest(&self) -> Option<u32> {
        self.reasons.iter().max_by(|a, b| a.0.total_cmp(&b.0)).map(|(_, r)| *r)
    }
}

/// The evidence of every cluster and sub-cluster, and of the occupations to return.
struct Ranked {
    clusters: Vec<Evidence>,
    subclusters: Vec<Evidence>,
    occupations: Vec<(usize, Evidence)>,
}

/// Search terms with their query weights.
type Terms = Vec<(String, f32)>;

/// Dense per-occupation scores of one query (one slot per occupation).
struct Scores {
    /// BM25F retrieval, already squashed and weighted.
    retrieval: Vec<f32>,
    /// Which query terms matched, bit per term.
    matched: Vec<u64>,
    /// Fit of the interest profile.
    fit: Vec<f32>,
    /// What the best sub-cluster and cluster passed down, with the reason.
    inherited: Vec<[(f32, u32); 2]>,
}

/// A content word of the query with its stems in both languages.
struct Word<'t> {
    token: &'t Token,
    en: String,
    es: String,
}

/// A lexicon entry found in the text.
struct PhraseHit {
    entry: usize,
    positions: BTreeSet<usize>,
    negated: bool,
}

impl ExploreIndex {
    /// Matches free text against the catalog.
    pub fn match_text(&self, query: &Query) -> Match {
        let mut tokens = tokenize(query.text);
        let corrections = self.correct_spelling(&mut tokens);
        let empty = |no_signal| Match {
            query: query.text.to_string(),
            clusters: Vec::new(),
            subclusters: Vec::new(),
            occupations: Vec::new(),
            no_signal,
            corrections: corrections.clone(),
            disliked: Vec::new(),
            profile: [0.0; 6],
        };
        if says_nothing(&tokens) {
            return empty(true);
        }
        let words: Vec<Word> = tokens
            .iter()
            .filter(|t| !t.stop)
            .map(|t| Word { token: t, en: self.stems.en(&t.word), es: self.stems.es(&t.word) })
            .collect();

        let mut reasons = Reasons::default();
        let mut profile = [0.0f32; 6];
        let mut clusters = vec![Evidence::default(); self.clusters.len()];
        let mut subclusters = vec![Evidence::default(); self.subclusters.len()];
        let mut occupations = vec![Evidence::default(); self.occupations.len()];

        let phrases = self.find_phrases(&words);
        for hit in &phrases {
            let entry = &self.lexicon[hit.entry];
            let typed = typed_words(&words, &hit.positions);
            let sign = if hit.negated { -1.0 } else { 1.0 };
            let area = entry.targets.iter().find_map(|(t, _)| match t {
                Resolved::Area(a) => Some(*a),
                _ => None,
            });
            for &(target, weight) in &entry.targets {
                let weight = weight * sign;
                let mut reason = |target: String| {
                    let reason = if hit.negated {
                        Reason::Disliked { words: typed.clone() }
                    } else {
                        Reason::Phrase { words: typed.clone(), area, target }
                    };
                    reasons.id(reason)
                };
                match target {
                    Resolved::Area(a) => profile[a] += weight,
                    Resolved::Cluster(c) => clusters[c].add(weight, reason(self.cluster_name(c, query.lang))),
                    Resolved::Subcluster(s) => subclusters[s].add(weight, reason(self.subcluster_name(s, query.lang))),
                    Resolved::Occupation(o) => occupations[o].add(weight, reason(self.occupations[o].title.clone())),
                }
            }
        }

        let (terms, negated_terms) = self.query_terms(&words);
        let exclusion_terms;
        let exclusion = match query.exclude {
            Some((doc, title)) => {
                exclusion_terms = self.occupations[doc].other_titles[title].1.clone();
                Some(Exclusion { doc: doc as u32, field: OTHER_TITLES, terms: &exclusion_terms })
            }
            None => None,
        };
        let n = self.occupations.len();
        let mut scores = Scores {
            retrieval: vec![0.0; n],
            matched: vec![0; n],
            fit: vec![0.0; n],
            inherited: vec![[(0.0, 0); 2]; n],
        };
        let mut touched = Vec::new();
        self.occupation_index.search_dense(
            &terms,
            exclusion.as_ref(),
            &mut scores.retrieval,
            &mut scores.matched,
            &mut touched,
        );
        let mut best_retrieval: f32 = 0.0;
        for &doc in &touched {
            let raw = scores.retrieval[doc as usize];
            best_retrieval = best_retrieval.max(raw);
            scores.retrieval[doc as usize] = BM25_WEIGHT * raw / (raw + BM25_HALF);
        }
        if !negated_terms.is_empty() {
            let (mut disliked, mut unused, mut hit) = (vec![0.0; n], vec![0; n], Vec::new());
            self.occupation_index.search_dense(
                &negated_terms,
                exclusion.as_ref(),
                &mut disliked,
                &mut unused,
                &mut hit,
            );
            let stems: Vec<String> = negated_terms.iter().map(|(t, _)| t.clone()).collect();
            let reason = reasons.id(Reason::Disliked { words: self.typed_for_stems(&words, &stems) });
            for doc in hit {
                let raw = disliked[doc as usize];
                occupations[doc as usize].add(-BM25_WEIGHT * raw / (raw + BM25_HALF), reason);
            }
        }

        let mut interest_hits = 0;
        for (&doc, hit) in &self.interest_index.search(&terms, None) {
            if hit.score < INTEREST_SIGNAL {
                continue;
            }
            interest_hits += 1;
            let doc = &self.interest_docs[doc as usize];
            let strength = (hit.score / (2.0 * INTEREST_SIGNAL)).min(1.0);
            let stems: Vec<String> = hit.terms.iter().map(|&q| terms[q].0.clone()).collect();
            let typed = self.typed_for_stems(&words, &stems);
            for &area in &doc.areas {
                profile[area] += INTEREST_AREA_WEIGHT * strength;
            }
            let area = doc.areas.first().copied().unwrap_or(0);
            let reason = reasons.id(Reason::Activity { words: typed, activity: doc.text.clone(), area });
            for &o in &doc.occupations {
                occupations[o].add(INTEREST_OCCUPATION_WEIGHT * strength, reason);
            }
        }

        if phrases.is_empty() && best_retrieval < BM25_SIGNAL && interest_hits == 0 {
            return empty(true);
        }

        let interests_reason = self.add_profile_fit(&profile, &mut reasons, &mut scores.fit, &mut clusters);
        let own: Vec<f32> = (0..n).map(|o| occupations[o].score + scores.retrieval[o] + scores.fit[o]).collect();
        self.propagate_down(&subclusters, &clusters, &mut scores.inherited);
        self.roll_up(&own, &mut reasons, &mut subclusters, &mut clusters, query.lang);
        let ranked =
            self.rank_occupations(occupations, &scores, interests_reason, &terms, &words, query.exclude, &mut reasons);
        let mut result =
            self.finish(query, corrections, profile, &reasons, Ranked { clusters, subclusters, occupations: ranked });
        result.disliked = words.iter().filter(|w| w.token.negated).map(|w| w.token.typed.clone()).collect();
        result.disliked.dedup();
        result
    }

    /// Occupations by total score, best first, with every piece of their evidence; the
    /// reason for retrieval is worked out only for the occupations returned.
    #[allow(clippy::too_many_arguments)]
    fn rank_occupations(
        &self,
        mut direct: Vec<Evidence>,
        scores: &Scores,
        interests_reason: Option<u32>,
        terms: &[(String, f32)],
        words: &[Word],
        exclude: Option<(usize, usize)>,
        reasons: &mut Reasons,
    ) -> Vec<(usize, Evidence)> {
        let total = |o: usize| {
            direct[o].score
                + scores.retrieval[o]
                + scores.fit[o]
                + scores.inherited[o].iter().map(|(w, _)| w).sum::<f32>()
        };
        let mut order: Vec<(usize, f32)> =
            (0..self.occupations.len()).map(|o| (o, total(o))).filter(|(_, t)| *t > 0.0).collect();
        order.sort_by(|a, b| b.1.total_cmp(&a.1));
        order.truncate(OCCUPATIONS_RETURNED);
        order
            .into_iter()
            .map(|(o, _)| {
                let mut evidence = std::mem::take(&mut direct[o]);
                if scores.retrieval[o] > 0.0 {
                    let matched: BTreeSet<usize> = (0..64).filter(|q| scores.matched[o] & (1 << q) != 0).collect();
                    let reason = self.retrieval_reason(o, terms, &matched, words, exclude);
                    evidence.add(scores.retrieval[o], reasons.id(reason));
                }
                if let Some(reason) = interests_reason.filter(|_| scores.fit[o] > 0.0) {
                    evidence.add(scores.fit[o], reason);
                }
                for &(weight, reason) in &scores.inherited[o] {
                    if weight > 0.0 {
                        evidence.add(weight, reason);
                    }
                }
                (o, evidence)
            })
            .collect()
    }

    fn cluster_name(&self, c: usize, lang: Lang) -> String {
        let cluster = &self.clusters[c];
        names::name(lang, Kind::Cluster, &cluster.id, &cluster.name)
    }

    fn subcluster_name(&self, s: usize, lang: Lang) -> String {
        let sub = &self.subclusters[s];
        names::name(lang, Kind::Subcluster, &sub.id, &sub.name)
    }

    /// Replaces unknown words by known words one edit away; returns what it changed.
    fn correct_spelling(&self, tokens: &mut [Token]) -> Vec<Correction> {
        let mut corrections = Vec::new();
        for token in tokens.iter_mut().filter(|t| !t.stop) {
            if self.knows(&token.word) {
                continue;
            }
            if let Some(known) = self.vocabulary.correct(&token.word) {
                corrections.push(Correction { typed: token.typed.clone(), read_as: known.to_string() });
                token.word = known.to_string();
                token.stop = super::text::is_stop_word(known);
            }
        }
        corrections
    }

    /// True when the word, or its stem in either language, is known to the index.
    fn knows(&self, word: &str) -> bool {
        if self.vocabulary.contains(word) {
            return true;
        }
        let (en, es) = (self.stems.en(word), self.stems.es(word));
        self.occupation_index.contains(&en)
            || self.lexicon_by_stem.contains_key(&(Lang::Es, es.clone()))
            || self.lexicon_by_stem.contains_key(&(Lang::En, en))
            || self.glossary.contains_key(&es)
    }

    /// Lexicon entries whose words all appear close together in the text; a phrase inside
    /// a longer matched phrase does not count twice.
    fn find_phrases(&self, words: &[Word]) -> Vec<PhraseHit> {
        let mut candidates: BTreeSet<usize> = BTreeSet::new();
        for word in words {
            for key in [(Lang::En, word.en.clone()), (Lang::Es, word.es.clone())] {
                candidates.extend(self.lexicon_by_stem.get(&key).into_iter().flatten());
            }
        }
        let mut hits: Vec<PhraseHit> = candidates.into_iter().filter_map(|e| self.phrase_at(e, words)).collect();
        hits.sort_by(|a, b| b.positions.len().cmp(&a.positions.len()).then(a.entry.cmp(&b.entry)));
        let mut kept: Vec<PhraseHit> = Vec::new();
        for hit in hits {
            let inside_longer =
                kept.iter().any(|k| k.positions.len() > hit.positions.len() && hit.positions.is_subset(&k.positions));
            let same_words_other_language = kept.iter().any(|k| {
                k.positions == hit.positions && self.lexicon[k.entry].entry.lang != self.lexicon[hit.entry].entry.lang
            });
            if !inside_longer && !same_words_other_language {
                kept.push(hit);
            }
        }
        kept
    }

    fn phrase_at(&self, entry: usize, words: &[Word]) -> Option<PhraseHit> {
        let e = &self.lexicon[entry].entry;
        let spanish = e.lang == Lang::Es;
        let mut positions = BTreeSet::new();
        for wanted in &e.stems {
            let found = words
                .iter()
                .enumerate()
                .find(|(i, w)| (if spanish { &w.es } else { &w.en }) == wanted && !positions.contains(i))
                .map(|(i, _)| i)?;
            positions.insert(found);
        }
        let span = positions.last()? - positions.first()? + 1;
        if span > e.stems.len() + 2 {
            return None;
        }
        let any_negated = positions.iter().any(|&p| words[p].token.negated);
        if e.negated {
            // "not sitting at a desk" says something positive when the words are negated.
            let all_negated = positions.iter().all(|&p| words[p].token.negated);
            return all_negated.then_some(PhraseHit { entry, positions, negated: false });
        }
        Some(PhraseHit { entry, positions, negated: any_negated })
    }

    /// English search terms of the text (stems, plus glossary translations of Spanish
    /// words and word pairs), split into liked and negated ones.
    fn query_terms(&self, words: &[Word]) -> (Terms, Terms) {
        let mut liked: Terms = Vec::new();
        let mut disliked: Terms = Vec::new();
        let push = |list: &mut Vec<(String, f32)>, term: &str, weight: f32| {
            if let Some(existing) = list.iter_mut().find(|(t, _)| t == term) {
                existing.1 = existing.1.max(weight);
            } else {
                list.push((term.to_string(), weight));
            }
        };
        for (i, word) in words.iter().enumerate() {
            let list = if word.token.negated { &mut disliked } else { &mut liked };
            push(list, &word.en, 1.0);
            let pair = words.get(i + 1).map(|next| format!("{} {}", word.es, next.es));
            for key in pair.iter().chain(std::iter::once(&word.es)) {
                for english in self.glossary.get(key).into_iter().flatten() {
                    push(list, english, GLOSSARY_WEIGHT);
                }
            }
        }
        (liked, disliked)
    }

    /// The best reason an occupation was retrieved: a title holding the words, else the words.
    fn retrieval_reason(
        &self,
        doc: usize,
        terms: &[(String, f32)],
        matched: &BTreeSet<usize>,
        words: &[Word],
        exclude: Option<(usize, usize)>,
    ) -> Reason {
        let matched_terms: HashSet<&str> = matched.iter().map(|&q| terms[q].0.as_str()).collect();
        let occupation = &self.occupations[doc];
        let covers = |stems: &[String]| stems.iter().filter(|s| matched_terms.contains(s.as_str())).count();
        let mut best: Option<(usize, &str)> = None;
        if covers(&occupation.title_stems) > 0 {
            best = Some((covers(&occupation.title_stems) * 2, occupation.title.as_str()));
        }
        for (i, (title, stems)) in occupation.other_titles.iter().enumerate() {
            if exclude == Some((doc, i)) {
                continue;
            }
            let n = covers(stems);
            if n > 0 && best.is_none_or(|(m, _)| n > m) {
                best = Some((n, title.as_str()));
            }
        }
        match best {
            Some((_, title)) => Reason::Title { title: title.to_string() },
            None => {
                let stems: Vec<String> = matched.iter().map(|&q| terms[q].0.clone()).collect();
                Reason::Words { words: self.typed_for_stems(words, &stems) }
            }
        }
    }

    /// The student's own words behind English stems (their own spelling, or the Spanish word
    /// a glossary entry came from).
    fn typed_for_stems(&self, words: &[Word], stems: &[String]) -> String {
        let wanted: HashSet<&str> = stems.iter().map(String::as_str).collect();
        let mut typed: Vec<&str> = Vec::new();
        for word in words {
            let via_glossary =
                self.glossary.get(&word.es).is_some_and(|list| list.iter().any(|e| wanted.contains(e.as_str())));
            if (wanted.contains(word.en.as_str()) || via_glossary) && !typed.contains(&word.token.typed.as_str()) {
                typed.push(&word.token.typed);
            }
        }
        typed.join(" ")
    }

    /// Occupations and clusters whose interest profile resembles the one read from the text;
    /// returns the reason to show for it.
    fn add_profile_fit(
        &self,
        profile: &[f32; 6],
        reasons: &mut Reasons,
        fit: &mut [f32],
        clusters: &mut [Evidence],
    ) -> Option<u32> {
        let strength = (profile.iter().map(|v| v.abs()).sum::<f32>() / 2.0).min(1.0);
        if strength <= 0.0 {
            return None;
        }
        let reason = reasons.id(Reason::Interests { areas: top_areas(profile) });
        for (o, occupation) in self.occupations.iter().enumerate() {
            if let Some(interests) = occupation.interests {
                fit[o] = PROFILE_WEIGHT_OCCUPATION * correlation(profile, &interests).max(0.0) * strength;
            }
        }
        for (c, cluster) in self.clusters.iter().enumerate() {
            if let Some(interests) = cluster.profile {
                let similarity = correlation(profile, &interests);
                if similarity > 0.0 {
                    clusters[c].add(PROFILE_WEIGHT_CLUSTER * similarity * strength, reason);
                }
            }
        }
        Some(reason)
    }

    /// Occupations inherit part of what their sub-clusters and clusters were told directly.
    fn propagate_down(&self, subclusters: &[Evidence], clusters: &[Evidence], inherited: &mut [[(f32, u32); 2]]) {
        for (o, occupation) in self.occupations.iter().enumerate() {
            let mut best_sub: Option<(usize, f32)> = None;
            let mut best_cluster: Option<(usize, f32)> = None;
            for &s in &occupation.subclusters {
                if subclusters[s].score > best_sub.map_or(0.0, |b| b.1) {
                    best_sub = Some((s, subclusters[s].score));
                }
                let c = self.subclusters[s].cluster;
                if clusters[c].score > best_cluster.map_or(0.0, |b| b.1) {
                    best_cluster = Some((c, clusters[c].score));
                }
            }
            if let Some((s, score)) = best_sub
                && let Some(reason) = subclusters[s].strongest()
            {
                inherited[o][0] = (SUBCLUSTER_TO_OCCUPATION * score, reason);
            }
            if let Some((c, score)) = best_cluster
                && let Some(reason) = clusters[c].strongest()
            {
                inherited[o][1] = (CLUSTER_TO_OCCUPATION * score, reason);
            }
        }
    }

    /// Sub-clusters gain from their best occupations, clusters from their best sub-clusters.
    fn roll_up(
        &self,
        own: &[f32],
        reasons: &mut Reasons,
        subclusters: &mut [Evidence],
        clusters: &mut [Evidence],
        lang: Lang,
    ) {
        for (s, sub) in self.subclusters.iter().enumerate() {
            let mut best: Vec<(usize, f32)> =
                sub.occupations.iter().map(|&o| (o, own[o])).filter(|(_, score)| *score > 0.0).collect();
            if best.is_empty() {
                continue;
            }
            best.sort_by(|a, b| b.1.total_cmp(&a.1));
            let gain: f32 = best.iter().take(3).zip([1.0, 0.5, 0.25]).map(|((_, score), w)| score * w).sum();
            let names = best.iter().take(3).map(|(o, _)| self.occupations[*o].title.clone()).collect();
            subclusters[s].add(OCCUPATIONS_TO_SUBCLUSTER * gain, reasons.id(Reason::Includes { names }));
        }
        for (c, cluster) in self.clusters.iter().enumerate() {
            let mut best: Vec<(usize, f32)> =
                cluster.subclusters.iter().map(|&s| (s, subclusters[s].score)).filter(|(_, v)| *v > 0.0).collect();
            if best.is_empty() {
                continue;
            }
            best.sort_by(|a, b| b.1.total_cmp(&a.1));
            let gain: f32 = best.iter().take(2).zip([1.0, SECOND_SUBCLUSTER]).map(|((_, score), w)| score * w).sum();
            let names = best.iter().take(2).map(|(s, _)| self.subcluster_name(*s, lang)).collect();
            clusters[c].add(gain, reasons.id(Reason::Includes { names }));
            // The reasons of the best sub-cluster explain the cluster too.
            let borrowed: Vec<(f32, u32)> = subclusters[best[0].0]
                .reasons
                .iter()
                .filter(|(w, r)| *w > 0.0 && !matches!(reasons.list[*r as usize], Reason::Includes { .. }))
                .copied()
                .collect();
            for (weight, reason) in borrowed {
                if let Some(existing) = clusters[c].reasons.iter_mut().find(|(_, r)| *r == reason) {
                    existing.0 = existing.0.max(weight);
                } else {
                    clusters[c].reasons.push((weight, reason));
                }
            }
        }
    }

    fn finish(
        &self,
        query: &Query,
        corrections: Vec<Correction>,
        profile: [f32; 6],
        reasons: &Reasons,
        ranked: Ranked,
    ) -> Match {
        let Ranked { clusters, subclusters, occupations } = ranked;
        let lang = query.lang;
        let voice = Voice { lang, plain: query.plain };
        let render = |e: Evidence| render_reasons(e, &reasons.list, voice);
        let mut cluster_matches: Vec<ClusterMatch> = clusters
            .into_iter()
            .enumerate()
            .map(|(c, e)| ClusterMatch {
                id: self.clusters[c].id.clone(),
                name: self.cluster_name(c, lang),
                score: round(e.score.max(0.0)),
                reasons: render(e),
            })
            .collect();
        cluster_matches.sort_by(|a, b| b.score.total_cmp(&a.score));

        let mut sub_ranked: Vec<(usize, Evidence)> =
            subclusters.into_iter().enumerate().filter(|(_, e)| e.score > 0.0).collect();
        sub_ranked.sort_by(|a, b| b.1.score.total_cmp(&a.1.score));
        sub_ranked.truncate(SUBCLUSTERS_RETURNED);
        let sub_matches = sub_ranked
            .into_iter()
            .map(|(s, e)| SubclusterMatch {
                id: self.subclusters[s].id.clone(),
                cluster_id: self.clusters[self.subclusters[s].cluster].id.clone(),
                name: self.subcluster_name(s, lang),
                score: round(e.score),
                reasons: render(e),
            })
            .collect();

        let occupation_matches = occupations
            .into_iter()
            .map(|(o, e)| OccupationMatch {
                code: self.occupations[o].code.clone(),
                title: self.occupations[o].title.clone(),
                job_zone: self.occupations[o].job_zone,
                score: round(e.score),
                reasons: render(e),
            })
            .collect();
        Match {
            query: query.text.to_string(),
            clusters: cluster_matches,
            subclusters: sub_matches,
            occupations: occupation_matches,
            no_signal: false,
            corrections,
            disliked: Vec::new(),
            profile: profile.map(round),
        }
    }
}

fn round(x: f32) -> f32 {
    (x * 1000.0).round() / 1000.0
}

/// The student's words at `positions`, as typed, in order.
fn typed_words(words: &[Word], positions: &BTreeSet<usize>) -> String {
    positions.iter().map(|&p| words[p].token.typed.as_str()).collect::<Vec<_>>().join(" ")
}

/// The (up to two) strongest positive areas of a profile.
fn top_areas(profile: &[f32; 6]) -> Vec<usize> {
    let mut areas: Vec<usize> = (0..6).filter(|&a| profile[a] > 0.0).collect();
    areas.sort_by(|&a, &b| profile[b].total_cmp(&profile[a]));
    areas.truncate(2);
    areas
}

/// Pearson correlation of two interest profiles; 0 when either is flat.
pub fn correlation(a: &[f32; 6], b: &[f32; 6]) -> f32 {
    let mean = |v: &[f32; 6]| v.iter().sum::<f32>() / 6.0;
    let (ma, mb) = (mean(a), mean(b));
    let (mut cov, mut va, mut vb) = (0.0, 0.0, 0.0);
    for i in 0..6 {
        cov += (a[i] - ma) * (b[i] - mb);
        va += (a[i] - ma).powi(2);
        vb += (b[i] - mb).powi(2);
    }
    if va <= f32::EPSILON || vb <= f32::EPSILON { 0.0 } else { cov / (va.sqrt() * vb.sqrt()) }
}

fn area_name(voice: Voice, area: usize) -> String {
    let style = if voice.plain { "plain" } else { "name" };
    voice.lang.t(&format!("riasec-{}-{style}", AREAS[area]))
}

/// The strongest distinct reasons, in words; at least one for every item.
fn render_reasons(evidence: Evidence, list: &[Reason], voice: Voice) -> Vec<String> {
    let mut reasons = evidence.reasons;
    reasons.retain(|(w, r)| *w > 0.0 || matches!(list[*r as usize], Reason::Disliked { .. }));
    // The student's own words first, then the interest fit, then what the item contains.
    let rank = |r: u32| match list[r as usize] {
        Reason::Interests { .. } => 1,
        Reason::Includes { .. } => 2,
        Reason::Nothing => 3,
        _ => 0,
    };
    reasons.sort_by(|a, b| rank(a.1).cmp(&rank(b.1)).then(b.0.abs().total_cmp(&a.0.abs())));
    let mut out: Vec<String> = Vec::new();
    let mut phrases_seen: Vec<(&str, &str)> = Vec::new();
    for (_, reason) in reasons {
        let reason = &list[reason as usize];
        // The same words leading to the same place through two interest areas read as one reason.
        if let Reason::Phrase { words, target, .. } = reason {
            if phrases_seen.contains(&(words.as_str(), target.as_str())) {
                continue;
            }
            phrases_seen.push((words, target));
        }
        let text = render_reason(reason, voice);
        if !text.is_empty() && !out.contains(&text) {
            out.push(text);
        }
        if out.len() == REASONS_KEPT {
            break;
        }
    }
    if out.is_empty() {
        out.push(render_reason(&Reason::Nothing, voice));
    }
    out
}

fn render_reason(reason: &Reason, voice: Voice) -> String {
    let lang = voice.lang;
    match reason {
        Reason::Phrase { words, area: Some(area), target } if !target.is_empty() => lang.t_args(
            "reason-phrase-area",
            &[
                ("words", Arg::from(words.as_str())),
                ("area", Arg::from(area_name(voice, *area))),
                ("target", Arg::from(target.as_str())),
            ],
        ),
        Reason::Phrase { words, area: Some(area), .. } => lang.t_args(
            "reason-phrase-interest",
            &[("words", Arg::from(words.as_str())), ("area", Arg::from(area_name(voice, *area)))],
        ),
        Reason::Phrase { words, area: None, target } => lang
            .t_args("reason-phrase", &[("words", Arg::from(words.as_str())), ("target", Arg::from(target.as_str()))]),
        Reason::Title { title } => lang.t_args("reason-title", &[("title", Arg::from(title.as_str()))]),
        Reason::Words { words } if !words.is_empty() => {
            lang.t_args("reason-words", &[("words", Arg::from(words.as_str()))])
        }
        Reason::Words { .. } => String::new(),
        Reason::Activity { words, activity, area } => lang.t_args(
            "reason-activity",
            &[
                ("words", Arg::from(words.as_str())),
                ("activity", Arg::from(activity.as_str())),
                ("area", Arg::from(area_name(voice, *area))),
            ],
        ),
        Reason::Interests { areas } => {
            let names: Vec<String> = areas.iter().map(|&a| area_name(voice, a)).collect();
            lang.t_args("reason-interests", &[("areas", Arg::from(names.join(&lang.t("reason-and"))))])
        }
        Reason::Includes { names } => lang.t_args("reason-includes", &[("names", Arg::from(names.join(", ")))]),
        Reason::Disliked { words } => lang.t_args("reason-disliked", &[("words", Arg::from(words.as_str()))]),
        Reason::Nothing => lang.t("reason-nothing"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn correlation_is_one_for_proportional_profiles() {
        let a = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0];
        let b = [2.0, 4.0, 6.0, 8.0, 10.0, 12.0];
        assert!((correlation(&a, &b) - 1.0).abs() < 1e-5);
        assert_eq!(correlation(&[1.0; 6], &b), 0.0);
    }
}
