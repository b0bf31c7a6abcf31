//! Ranks opportunities for a student by the interests on their plan, each with the reason it
//! ranks where it does: the very occupation the student chose first, then a chosen
//! sub-cluster, then an occupation of its sub-cluster, then a chosen cluster. Opportunities the student is too young for come last, saying why.

use std::collections::HashMap;

use super::store::Opportunity;
use crate::i18n::{Arg, Lang};

/// What the ranking knows of the framework and the student.
pub struct Interests<'a> {
    /// (kind, id, name) of each interest on the plan: cluster, subcluster or occupation.
    pub chosen: &'a [(String, String, String)],
    /// The cluster of each sub-cluster.
    pub cluster_of: &'a HashMap<String, String>,
    /// The sub-clusters of each occupation the student chose.
    pub subclusters_of_occupation: &'a HashMap<String, Vec<String>>,
}

pub struct Ranked {
    pub opportunity: Opportunity,
    /// Why it is suggested ("Matches your interest in Physical Health"), when it is.
    pub reason: Option<String>,
    /// Why the student may not apply yet ("From grade 11"), when they may not.
    pub ineligible: Option<String>,
}

fn fit(opportunity: &Opportunity, interests: &Interests, lang: Lang) -> (u8, Option<String>) {
    let cluster = interests.cluster_of.get(&opportunity.subcluster_id);
    let mut best: (u8, Option<String>) = (0, None);
    for (kind, id, name) in interests.chosen {
        let (score, key) = match kind.as_str() {
            "occupation" if opportunity.occupation_code.as_ref() == Some(id) => (4, "match-subcluster"),
            "subcluster" if *id == opportunity.subcluster_id => (3, "match-subcluster"),
            "occupation"
                if interests
                    .subclusters_of_occupation
                    .get(id)
                    .is_some_and(|s| s.contains(&opportunity.subcluster_id)) =>
            {
                (2, "match-occupation")
            }
            "cluster" if Some(id) == cluster => (1, "match-cluster"),
            _ => continue,
        };
        if score > best.0 {
            best = (score, Some(lang.t_args(key, &[("name", name.as_str().into())])));
        }
    }
    best
}

/// "Open from grade 11": why a younger student may not apply yet.
pub fn from_grade(lang: Lang, grade: i64) -> String {
    lang.t_args("match-from-grade", &[("grade", Arg::Num(grade as f64))])
}

/// `opportunities` best first for a student in `grade`.
pub fn rank(opportunities: Vec<Opportunity>, interests: &Interests, grade: Option<i64>, lang: Lang) -> Vec<Ranked> {
    let mut ranked: Vec<(u8, Ranked)> = opportunities
        .into_iter()
        .map(|opportunity| {
            let (score, reason) = fit(&opportunity, interests, lang);
            let too_young = grade.is_some_and(|g| g < opportunity.min_grade);
            let ineligible = too_young.then(|| from_grade(lang, opportunity.min_grade));
            (score, Ranked { opportunity, reason, ineligible })
        })
        .collect();
    ranked.sort_by(|(a_score, a), (b_score, b)| {
        (a.ineligible.is_some(), std::cmp::Reverse(*a_score), a.opportunity.starts_on).cmp(&(
            b.ineligible.is_some(),
            std::cmp::Reverse(*b_score),
            b.opportunity.starts_on,
        ))
    });
    ranked.into_iter().map(|(_, r)| r).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::{OpportunityId, PartnerOrganizationId};
    use time::macros::date;

    fn opportunity(title: &str, subcluster: &str, min_grade: i64, starts_on: time::Date) -> Opportunity {
        Opportunity {
            id: OpportunityId::random(),
            organization_id: PartnerOrganizationId::random(),
            organization_name: "Riverbend Regional Medical Center".into(),
            kind: "job_shadow".into(),
            title: title.into(),
            description: String::new(),
            subcluster_id: subcluster.into(),
            occupation_code: None,
            starts_on,
            ends_on: starts_on,
            location: String::new(),
            capacity: 5,
            seats_held: 0,
            paid: false,
            min_grade,
            min_age: None,
            needs_approval: true,
            transportation: "student".into(),
            status: "open".into(),
        }
    }

    #[test]
    fn chosen_interests_rank_first_with_their_reason_and_the_too_young_last() {
        let cluster_of: HashMap<String, String> = [
            ("physical-health", "healthcare-human-services"),
            ("human-services", "healthcare-human-services"),
            ("judicial-systems", "public-service-safety"),
            ("construction", "construction"),
        ]
        .iter()
        .map(|(s, c)| (s.to_string(), c.to_string()))
        .collect();
        let chosen = vec![
            ("cluster".to_string(), "healthcare-human-services".to_string(), "Healthcare & Human Services".to_string()),
            ("occupation".to_string(), "23-1011".to_string(), "Lawyers".to_string()),
        ];
        let occupations: HashMap<String, Vec<String>> =
            [("23-1011".to_string(), vec!["judicial-systems".to_string()])].into_iter().collect();
        let interests = Interests { chosen: &chosen, cluster_of: &cluster_of, subclusters_of_occupation: &occupations };
        let law_office = Opportunity {
            occupation_code: Some("23-1011".into()),
            ..opportunity("Law office internship", "construction", 9, date!(2027 - 04 - 01))
        };
        let ranked = rank(
            vec![
                law_office,
                opportunity("Site visit", "construction", 9, date!(2027 - 01 - 05)),
                opportunity("Clinic shadow", "physical-health", 9, date!(2027 - 02 - 01)),
                opportunity("Courtroom day", "judicial-systems", 9, date!(2027 - 03 - 01)),
                opportunity("Surgery internship", "physical-health", 12, date!(2027 - 01 - 01)),
            ],
            &interests,
            Some(10),
            Lang::En,
        );
        let titles: Vec<&str> = ranked.iter().map(|r| r.opportunity.title.as_str()).collect();
        assert_eq!(
            titles,
            ["Law office internship", "Courtroom day", "Clinic shadow", "Site visit", "Surgery internship"]
        );
        assert_eq!(ranked[0].reason.as_deref(), Some("Matches your interest in Lawyers"));
        assert!(ranked[1].reason.as_deref().unwrap().contains("Lawyers"));
        assert!(ranked[2].reason.as_deref().unwrap().contains("Healthcare & Human Services"));
        assert!(ranked[3].reason.is_none());
        assert!(ranked[4].ineligible.as_deref().unwrap().contains("12"));
    }
}
