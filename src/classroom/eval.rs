//! How good the suggestions are, measured on a labeled set of subjects and topics
//! (`eval/labeled.tsv`, written apart from the knowledge base): hit@3 of sub-clusters and
//! of clusters, per language, against a baseline of the Explore matcher alone reading
//! "subject topic".

use serde::Serialize;

use super::suggest::suggest;
use crate::explore::{ExploreIndex, Query};
use crate::i18n::Lang;

const LABELED: &str = include_str!("eval/labeled.tsv");

/// Share of labeled units whose acceptable sub-clusters reach the top 3.
pub const GOAL: f64 = 0.85;

/// One labeled unit.
#[derive(Clone, Debug)]
pub struct Case {
    pub lang: Lang,
    pub subject: String,
    pub topic: String,
    pub subclusters: Vec<String>,
    pub clusters: Vec<String>,
}

pub fn labeled_cases() -> Vec<Case> {
    parse_labeled(LABELED)
}

pub fn parse_labeled(text: &str) -> Vec<Case> {
    text.lines()
        .filter(|line| !line.trim().is_empty() && !line.starts_with('#'))
        .filter_map(|line| {
            let fields: Vec<&str> = line.split('\t').collect();
            let list = |i: usize| -> Vec<String> {
                fields.get(i).map(|f| f.split_whitespace().map(str::to_string).collect()).unwrap_or_default()
            };
            Some(Case {
                lang: Lang::parse(fields.first()?.trim())?,
                subject: fields.get(1)?.trim().to_string(),
                topic: fields.get(2)?.trim().to_string(),
                subclusters: list(3),
                clusters: list(4),
            })
        })
        .collect()
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum System {
    /// The knowledge base and the matcher.
    Suggester,
    /// The Explore matcher alone on "subject topic".
    Baseline,
}

/// The top sub-clusters and clusters a system gives for a case.
pub fn top3(index: &ExploreIndex, system: System, case: &Case) -> (Vec<String>, Vec<String>) {
    match system {
        System::Suggester => {
            let found = suggest(index, &case.subject, &case.topic, case.lang);
            (
                found.subclusters.iter().take(3).map(|s| s.id.clone()).collect(),
                found.clusters.iter().take(3).map(|c| c.id.clone()).collect(),
            )
        }
        System::Baseline => {
            let text = format!("{} {}", case.subject, case.topic);
            let found = index.match_text(&Query::new(&text, case.lang));
            (
                found.subclusters.iter().take(3).map(|s| s.id.clone()).collect(),
                found.clusters.iter().take(3).map(|c| c.id.clone()).collect(),
            )
        }
    }
}

fn hits(wanted: &[String], got: &[String]) -> bool {
    got.iter().any(|g| wanted.contains(g))
}

/// The scores of one system in one language.
#[derive(Clone, Debug, Serialize)]
pub struct Score {
    pub system: System,
    pub lang: &'static str,
    pub cases: usize,
    pub subcluster_hit3: f64,
    pub cluster_hit3: f64,
}

pub fn score(index: &ExploreIndex, system: System, lang: Option<Lang>, cases: &[Case]) -> Score {
    let chosen: Vec<&Case> = cases.iter().filter(|c| lang.is_none_or(|l| c.lang == l)).collect();
    let (mut subclusters, mut clusters) = (0usize, 0usize);
    for case in &chosen {
        let (s, c) = top3(index, system, case);
        subclusters += usize::from(hits(&case.subclusters, &s));
        clusters += usize::from(hits(&case.clusters, &c));
    }
    let share = |n: usize| if chosen.is_empty() { 0.0 } else { n as f64 / chosen.len() as f64 };
    Score {
        system,
        lang: lang.map_or("all", Lang::code),
        cases: chosen.len(),
        subcluster_hit3: share(subclusters),
        cluster_hit3: share(clusters),
    }
}

/// Every score: both systems, each language and all together.
pub fn scores(index: &ExploreIndex, cases: &[Case]) -> Vec<Score> {
    let langs = Lang::ALL.iter().copied().map(Some).chain([None]);
    langs
        .flat_map(|lang| [System::Suggester, System::Baseline].map(|system| score(index, system, lang, cases)))
        .collect()
}

/// The scores as a table, with the suggester's gain over the baseline and the goal.
pub fn table(scores: &[Score]) -> String {
    let mut out = String::from("set       lang  system     cases  sub-cluster hit@3  cluster hit@3\n");
    for s in scores {
        let system = match s.system {
            System::Suggester => "suggester",
            System::Baseline => "baseline",
        };
        out.push_str(&format!(
            "labeled   {:<5} {:<10} {:>5}  {:>16.1}%  {:>12.1}%\n",
            s.lang,
            system,
            s.cases,
            s.subcluster_hit3 * 100.0,
            s.cluster_hit3 * 100.0
        ));
    }
    let all = |system| scores.iter().find(|s| s.lang == "all" && s.system == system);
    if let (Some(ours), Some(base)) = (all(System::Suggester), all(System::Baseline)) {
        let ratio =
            if base.subcluster_hit3 > 0.0 { ours.subcluster_hit3 / base.subcluster_hit3 } else { f64::INFINITY };
        let verdict = if ours.subcluster_hit3 >= GOAL { "met" } else { "NOT met" };
        out.push_str(&format!(
            "sub-cluster hit@3: {:.1}% ({ratio:.2}× the baseline); goal ≥ {:.0}%: {verdict}\n",
            ours.subcluster_hit3 * 100.0,
            GOAL * 100.0
        ));
    }
    out
}

/// The cases whose acceptable sub-clusters miss the suggester's top 3, with what it gave.
pub fn misses<'a>(index: &ExploreIndex, cases: &'a [Case]) -> Vec<(&'a Case, Vec<String>)> {
    cases
        .iter()
        .filter_map(|case| {
            let (got, _) = top3(index, System::Suggester, case);
            (!hits(&case.subclusters, &got)).then_some((case, got))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_labeled_set_is_large_and_in_both_languages() {
        let cases = labeled_cases();
        let spanish = cases.iter().filter(|c| c.lang == Lang::Es).count();
        assert!(cases.len() >= 80, "{} cases", cases.len());
        assert!(spanish >= 30 && cases.len() - spanish >= 30, "{spanish} Spanish of {}", cases.len());
        assert!(cases.iter().all(|c| !c.subclusters.is_empty() && !c.clusters.is_empty()));
    }
}
