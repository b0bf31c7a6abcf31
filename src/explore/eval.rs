//! How good the matcher is, measured: hit@1 and hit@3 of clusters, hit@3 of sub-clusters
//! and the mean reciprocal rank of occupations, per language, on
//! - our labeled phrases (`eval/labeled.tsv`), and
//! - O*NET reported titles → their occupation, each title left out of the index while it
//!   is the query.
//!
//! Each is compared with a baseline: plain BM25 over occupation titles only, rolled up the
//! same way.

use std::collections::HashSet;

use serde::Serialize;

use super::index::ExploreIndex;
use super::matcher::Query;
use super::text::{Stems, content_words};
use crate::i18n::Lang;

const LABELED: &str = include_str!("eval/labeled.tsv");

/// One labeled phrase.
#[derive(Clone, Debug)]
pub struct Case {
    pub lang: Lang,
    pub text: String,
    /// Empty when the phrase carries no signal and no guess is the right answer.
    pub clusters: Vec<String>,
    pub subclusters: Vec<String>,
    pub occupations: Vec<String>,
    /// Leave this (occupation, title) out of the index while matching.
    pub exclude: Option<(usize, usize)>,
}

/// Parses the labeled set in the repository.
pub fn labeled_cases() -> Vec<Case> {
    parse_labeled(LABELED)
}

pub fn parse_labeled(text: &str) -> Vec<Case> {
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|line| {
            let fields: Vec<&str> = line.split('\t').collect();
            let list = |i: usize| -> Vec<String> {
                fields
                    .get(i)
                    .map(|f| f.split_whitespace().filter(|c| *c != "-").map(str::to_string).collect())
                    .unwrap_or_default()
            };
            Some(Case {
                lang: Lang::parse(fields.first()?)?,
                text: fields.get(1)?.trim().to_string(),
                clusters: list(2),
                subclusters: list(3),
                occupations: list(4),
                exclude: None,
            })
        })
        .collect()
}

/// Reported titles as cases: the title's occupation and its clusters are the answer.
pub fn reported_title_cases(index: &ExploreIndex, reported: &[(String, String)]) -> Vec<Case> {
    reported
        .iter()
        .filter_map(|(code, title)| {
            let o = *index.occupation_by_code.get(code)?;
            let occupation = &index.occupations[o];
            let position = occupation.other_titles.iter().position(|(t, _)| t.eq_ignore_ascii_case(title))?;
            let subclusters: Vec<String> =
                occupation.subclusters.iter().map(|&s| index.subclusters[s].id.clone()).collect();
            let clusters: Vec<String> = occupation
                .subclusters
                .iter()
                .map(|&s| index.clusters[index.subclusters[s].cluster].id.clone())
                .collect::<HashSet<_>>()
                .into_iter()
                .collect();
            Some(Case {
                lang: Lang::En,
                text: title.clone(),
                clusters,
                subclusters,
                occupations: vec![code.clone()],
                exclude: Some((o, position)),
            })
        })
        .collect()
}

/// Rankings a system produced for one case.
pub struct Ranking {
    pub clusters: Vec<String>,
    pub subclusters: Vec<String>,
    pub occupations: Vec<String>,
    pub no_signal: bool,
    /// Items returned without any reason (must stay 0).
    pub without_reason: usize,
}

/// Which system to evaluate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum System {
    Matcher,
    Baseline,
}

pub fn rank(index: &ExploreIndex, system: System, case: &Case) -> Ranking {
    match system {
        System::Matcher => {
            let result =
                index.match_text(&Query { text: &case.text, lang: case.lang, exclude: case.exclude, plain: false });
            let without_reason = result.clusters.iter().filter(|c| c.reasons.is_empty()).count()
                + result.subclusters.iter().filter(|s| s.reasons.is_empty()).count()
                + result.occupations.iter().filter(|o| o.reasons.is_empty()).count();
            Ranking {
                clusters: result.clusters.into_iter().filter(|c| c.score > 0.0).map(|c| c.id).collect(),
                subclusters: result.subclusters.into_iter().map(|s| s.id).collect(),
                occupations: result.occupations.into_iter().map(|o| o.code).collect(),
                no_signal: result.no_signal,
                without_reason,
            }
        }
        System::Baseline => baseline(index, &case.text),
    }
}

/// Plain BM25 over occupation titles; sub-clusters and clusters ranked by their best
/// occupation.
pub fn baseline(index: &ExploreIndex, text: &str) -> Ranking {
    let stems = Stems::default();
    let terms: Vec<(String, f32)> = content_words(text).iter().map(|w| (stems.en(w), 1.0)).collect();
    let mut hits: Vec<(usize, f32)> =
        index.title_index.search(&terms, None).into_iter().map(|(d, h)| (d as usize, h.score)).collect();
    hits.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut subclusters: Vec<String> = Vec::new();
    let mut clusters: Vec<String> = Vec::new();
    for &(o, _) in &hits {
        for &s in &index.occupations[o].subclusters {
            let sub = &index.subclusters[s];
            if !subclusters.contains(&sub.id) {
                subclusters.push(sub.id.clone());
            }
            let cluster = &index.clusters[sub.cluster].id;
            if !clusters.contains(cluster) {
                clusters.push(cluster.clone());
            }
        }
    }
    Ranking {
        no_signal: hits.is_empty(),
        occupations: hits.iter().take(20).map(|(o, _)| index.occupations[*o].code.clone()).collect(),
        subclusters,
        clusters,
        without_reason: 0,
    }
}

/// Metrics of one system on one set and language.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Score {
    pub set: String,
    pub system: String,
    pub lang: String,
    pub cases: usize,
    pub cluster_hit1: f64,
    pub cluster_hit3: f64,
    /// Over cases with acceptable sub-clusters.
    pub subcluster_hit3: Option<f64>,
    /// Over cases with acceptable occupations.
    pub occupation_mrr: Option<f64>,
    /// Cases with no acceptable cluster that correctly got no guesses, of how many.
    pub no_signal_correct: Option<(usize, usize)>,
    pub items_without_reason: usize,
}

fn hit(ranked: &[String], acceptable: &[String], k: usize) -> bool {
    ranked.iter().take(k).any(|r| acceptable.contains(r))
}

fn reciprocal_rank(ranked: &[String], acceptable: &[String]) -> f64 {
    ranked.iter().position(|r| acceptable.contains(r)).map_or(0.0, |p| 1.0 / (p as f64 + 1.0))
}

pub fn score(index: &ExploreIndex, system: System, set: &str, lang: Lang, cases: &[Case]) -> Score {
    let cases: Vec<&Case> = cases.iter().filter(|c| c.lang == lang).collect();
    let mut s = Score {
        set: set.into(),
        system: format!("{system:?}").to_lowercase(),
        lang: lang.code().into(),
        ..Score::default()
    };
    let (mut clustered, mut subs, mut occs, mut quiet, mut quiet_right) = (0usize, 0usize, 0usize, 0usize, 0usize);
    let (mut hit1, mut hit3, mut sub3, mut mrr) = (0usize, 0usize, 0usize, 0.0);
    for case in cases {
        let ranking = rank(index, system, case);
        s.items_without_reason += ranking.without_reason;
        if case.clusters.is_empty() {
            quiet += 1;
            quiet_right += usize::from(ranking.no_signal);
            continue;
        }
        clustered += 1;
        hit1 += usize::from(hit(&ranking.clusters, &case.clusters, 1));
        hit3 += usize::from(hit(&ranking.clusters, &case.clusters, 3));
        if !case.subclusters.is_empty() {
            subs += 1;
            sub3 += usize::from(hit(&ranking.subclusters, &case.subclusters, 3));
        }
        if !case.occupations.is_empty() {
            occs += 1;
            mrr += reciprocal_rank(&ranking.occupations, &case.occupations);
        }
    }
    let share = |n: usize, of: usize| if of == 0 { 0.0 } else { n as f64 / of as f64 };
    s.cases = clustered;
    s.cluster_hit1 = share(hit1, clustered);
    s.cluster_hit3 = share(hit3, clustered);
    s.subcluster_hit3 = (subs > 0).then(|| share(sub3, subs));
    s.occupation_mrr = (occs > 0).then(|| mrr / occs as f64);
    s.no_signal_correct = (quiet > 0).then_some((quiet_right, quiet));
    s
}

/// Cases of the labeled set the matcher gets wrong (no acceptable cluster in the top 3).
pub fn misses(index: &ExploreIndex, cases: &[Case]) -> Vec<(Case, Vec<String>)> {
    cases
        .iter()
        .filter_map(|case| {
            let ranking = rank(index, System::Matcher, case);
            let wrong =
                if case.clusters.is_empty() { !ranking.no_signal } else { !hit(&ranking.clusters, &case.clusters, 3) };
            wrong.then(|| (case.clone(), ranking.clusters.into_iter().take(3).collect()))
        })
        .collect()
}

/// The evaluation table as text.
pub fn table(scores: &[Score]) -> String {
    let pct = |x: f64| format!("{:5.1}%", x * 100.0);
    let mut out = String::from(
        "set              system    lang  cases  cluster@1  cluster@3  subcluster@3  occupation MRR  no-signal  no-reason\n",
    );
    for s in scores {
        out.push_str(&format!(
            "{:<16} {:<9} {:<5} {:>5}  {:>9}  {:>9}  {:>12}  {:>14}  {:>9}  {:>9}\n",
            s.set,
            s.system,
            s.lang,
            s.cases,
            pct(s.cluster_hit1),
            pct(s.cluster_hit3),
            s.subcluster_hit3.map(pct).unwrap_or_else(|| "-".into()),
            s.occupation_mrr.map(|m| format!("{m:.3}")).unwrap_or_else(|| "-".into()),
            s.no_signal_correct.map(|(a, b)| format!("{a}/{b}")).unwrap_or_else(|| "-".into()),
            s.items_without_reason,
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labeled_lines_parse_with_optional_columns() {
        let cases = parse_labeled("# comment\nen\tI like dogs\tagriculture\tanimal-systems\nes\tno sé\t-\n");
        assert_eq!(cases.len(), 2);
        assert_eq!(cases[0].subclusters, vec!["animal-systems"]);
        assert!(cases[1].clusters.is_empty());
    }

    #[test]
    fn ranks_are_scored() {
        let ranked = vec!["a".to_string(), "b".to_string(), "c".to_string()];
        assert!(hit(&ranked, &["c".to_string()], 3));
        assert!(!hit(&ranked, &["c".to_string()], 2));
        assert_eq!(reciprocal_rank(&ranked, &["b".to_string()]), 0.5);
    }
}
