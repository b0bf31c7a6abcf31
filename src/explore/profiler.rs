//! The O*NET Interest Profiler short form: 60 activities answered on a 5-point scale from
//! "strongly dislike" to "strongly like", shown 12 to a screen. Each RIASEC area scores
//! 0–40; the three highest make the interest code; occupations are ranked by how their
//! interest profile correlates with the student's, within the preparation they accept.

use serde::{Deserialize, Serialize};

use super::index::{AREAS, ExploreIndex};
use super::matcher::correlation;

pub const ITEMS: usize = 60;
pub const PER_SCREEN: usize = 12;
pub const SCREENS: usize = ITEMS / PER_SCREEN;
/// Answers: 0 strongly dislike, 1 dislike, 2 unsure, 3 like, 4 strongly like.
pub const SCALE: [u8; 5] = [0, 1, 2, 3, 4];
pub const OCCUPATIONS_SHOWN: usize = 20;

/// A profiler item as loaded from the catalog.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Item {
    pub item_no: i64,
    pub area_code: String,
    pub statement: String,
}

/// Scores of the six areas, 0-40 each, in R I A S E C order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct AreaScores(pub [u8; 6]);

impl AreaScores {
    /// The three highest areas, ties in R I A S E C order ("SIA").
    pub fn code(&self) -> String {
        let mut order: Vec<usize> = (0..6).collect();
        order.sort_by(|&a, &b| self.0[b].cmp(&self.0[a]).then(a.cmp(&b)));
        order.iter().take(3).map(|&a| AREAS[a]).collect()
    }

    /// True when every area scored about the same, so no area stands out.
    pub fn is_flat(&self) -> bool {
        let (min, max) = (self.0.iter().min().copied().unwrap_or(0), self.0.iter().max().copied().unwrap_or(0));
        max - min <= 2
    }

    fn as_profile(&self) -> [f32; 6] {
        self.0.map(f32::from)
    }
}

/// Why a set of answers cannot be scored.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum AnswerError {
    #[error("expected {ITEMS} answers, got {0}")]
    Count(usize),
    #[error("answer {item} is {value}; answers go from 0 (strongly dislike) to 4 (strongly like)")]
    OutOfRange { item: usize, value: u8 },
}

/// Scores 60 answers given in item order, checking each.
pub fn score(items: &[Item], answers: &[u8]) -> Result<AreaScores, AnswerError> {
    if answers.len() != ITEMS || items.len() != ITEMS {
        return Err(AnswerError::Count(answers.len()));
    }
    let mut scores = [0u8; 6];
    for (i, (item, &answer)) in items.iter().zip(answers).enumerate() {
        if answer > 4 {
            return Err(AnswerError::OutOfRange { item: i + 1, value: answer });
        }
        if let Some(area) = AREAS.iter().position(|a| item.area_code.starts_with(*a)) {
            scores[area] += answer;
        }
    }
    Ok(AreaScores(scores))
}

/// An occupation fitting a profile.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct OccupationFit {
    pub code: String,
    pub title: String,
    pub job_zone: Option<i64>,
    /// Correlation of the interest profiles, -1 to 1.
    pub fit: f32,
}

/// A cluster ranked by the occupations in it that fit.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct ClusterFit {
    pub id: String,
    pub name: String,
    /// Mean fit of its five best-fitting occupations.
    pub fit: f32,
}

/// Occupations by fit within the accepted job zones (`max_zone`: 1-5, or all), and the
/// clusters ranked by their best-fitting occupations.
pub fn matches(
    index: &ExploreIndex,
    scores: &AreaScores,
    max_zone: Option<i64>,
) -> (Vec<OccupationFit>, Vec<ClusterFit>) {
    let profile = scores.as_profile();
    let mut fits: Vec<(usize, f32)> = index
        .occupations
        .iter()
        .enumerate()
        .filter(|(_, o)| max_zone.is_none_or(|z| o.job_zone.is_some_and(|oz| oz <= z)))
        .filter_map(|(i, o)| o.interests.map(|interests| (i, correlation(&profile, &interests))))
        .collect();
    fits.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));

    let mut clusters: Vec<ClusterFit> = index
        .clusters
        .iter()
        .map(|cluster| {
            let mut best: Vec<f32> = fits
                .iter()
                .filter(|(o, _)| index.occupations[*o].subclusters.iter().any(|&s| cluster.subclusters.contains(&s)))
                .take(5)
                .map(|(_, fit)| *fit)
                .collect();
            best.resize(5, 0.0);
            ClusterFit { id: cluster.id.clone(), name: cluster.name.clone(), fit: best.iter().sum::<f32>() / 5.0 }
        })
        .collect();
    clusters.sort_by(|a, b| b.fit.total_cmp(&a.fit));

    let occupations = fits
        .into_iter()
        .take(OCCUPATIONS_SHOWN)
        .map(|(o, fit)| {
            let occupation = &index.occupations[o];
            OccupationFit {
                code: occupation.code.clone(),
                title: occupation.title.clone(),
                job_zone: occupation.job_zone,
                fit: (fit * 1000.0).round() / 1000.0,
            }
        })
        .collect();
    (occupations, clusters)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items() -> Vec<Item> {
        (0..ITEMS)
            .map(|i| Item {
                item_no: i as i64 + 1,
                area_code: AREAS[(i / 2) % 6].to_string(),
                statement: format!("item {}", i + 1),
            })
            .collect()
    }

    #[test]
    fn each_area_scores_its_ten_items() {
        let mut answers = vec![0u8; ITEMS];
        for (i, answer) in answers.iter_mut().enumerate() {
            if (i / 2) % 6 == 3 {
                *answer = 4;
            } else if (i / 2) % 6 == 1 {
                *answer = 3;
            }
        }
        let scores = score(&items(), &answers).unwrap();
        assert_eq!(scores.0, [0, 30, 0, 40, 0, 0]);
        assert_eq!(scores.code(), "SIR");
        assert!(!scores.is_flat());
        assert!(AreaScores([20, 21, 20, 19, 20, 20]).is_flat());
    }

    #[test]
    fn bad_answers_are_refused() {
        assert_eq!(score(&items(), &[2; 59]), Err(AnswerError::Count(59)));
        let mut answers = vec![2; ITEMS];
        answers[7] = 5;
        assert_eq!(score(&items(), &answers), Err(AnswerError::OutOfRange { item: 8, value: 5 }));
    }
}
