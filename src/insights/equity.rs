//! Equity of access: how far students of each group get along the career-readiness funnel
//! (exposure → interest chosen → plan complete → CTE course → work-based learning applied →
//! completed), as counts, rates, the gap to all students and a disparity ratio, every table
//! passed through small-cell suppression before anyone sees it.

use std::collections::BTreeMap;

use serde::Serialize;

use super::suppression::{self, Sum};
use crate::ids::{SchoolId, UserId};

/// A step of the funnel; a student reaches it or not.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// Met careers in a lesson taught to their class this school year.
    Exposure,
    /// Chose a cluster, sub-cluster or occupation in their plan.
    Interest,
    /// The plan was signed off this school year by the student, a guardian and a counselor.
    PlanComplete,
    /// Took or is taking a career and technical course (one aligned to a CIP program).
    CteCourse,
    /// Applied to a work-based learning opportunity that starts this school year.
    WblApplied,
    /// Completed such an opportunity.
    WblCompleted,
}

impl Stage {
    pub const ALL: [Stage; 6] = [
        Stage::Exposure,
        Stage::Interest,
        Stage::PlanComplete,
        Stage::CteCourse,
        Stage::WblApplied,
        Stage::WblCompleted,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Stage::Exposure => "exposure",
            Stage::Interest => "interest",
            Stage::PlanComplete => "plan_complete",
            Stage::CteCourse => "cte_course",
            Stage::WblApplied => "wbl_applied",
            Stage::WblCompleted => "wbl_completed",
        }
    }

    pub fn bit(self) -> u8 {
        1 << Stage::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }
}

/// A way of splitting students into groups.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Dimension {
    Sex,
    Ethnicity,
    EconomicallyDisadvantaged,
    EnglishLearner,
    #[serde(rename = "iep_504")]
    Iep504,
    Grade,
    School,
}

impl Dimension {
    pub const ALL: [Dimension; 7] = [
        Dimension::Sex,
        Dimension::Ethnicity,
        Dimension::EconomicallyDisadvantaged,
        Dimension::EnglishLearner,
        Dimension::Iep504,
        Dimension::Grade,
        Dimension::School,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Dimension::Sex => "sex",
            Dimension::Ethnicity => "ethnicity",
            Dimension::EconomicallyDisadvantaged => "economically_disadvantaged",
            Dimension::EnglishLearner => "english_learner",
            Dimension::Iep504 => "iep_504",
            Dimension::Grade => "grade",
            Dimension::School => "school",
        }
    }

    pub fn parse(key: &str) -> Option<Self> {
        Dimension::ALL.into_iter().find(|d| d.key() == key)
    }
}

/// Sexes and race/ethnicity groups in the order reports list them (as rosters write them).
pub const SEXES: [&str; 3] = ["female", "male", "other"];
pub const ETHNICITIES: [&str; 7] =
    ["american_indian", "asian", "black", "hispanic_latino", "pacific_islander", "white", "two_or_more"];

/// One active student as the report counts them.
#[derive(Clone, Debug)]
pub struct Student {
    pub id: UserId,
    pub school: Option<SchoolId>,
    pub grade: Option<i64>,
    pub sex: Option<String>,
    pub ethnicity: Option<String>,
    pub economically_disadvantaged: Option<bool>,
    pub english_learner: Option<bool>,
    pub iep_504: Option<bool>,
    /// The stages reached, one bit each ([`Stage::bit`]).
    pub reached: u8,
}

/// The group a student falls in along a dimension; `Unknown` when the roster does not say.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Group<'a> {
    Listed(usize, &'a str),
    Grade(i64),
    School(SchoolId),
    Flag(bool),
    Unknown,
}

impl Student {
    pub fn group(&self, dimension: Dimension) -> Group<'_> {
        let listed = |value: &Option<String>, list: &[&'static str]| match value.as_deref() {
            Some(v) => list.iter().position(|l| *l == v).map_or(Group::Unknown, |i| Group::Listed(i, list[i])),
            None => Group::Unknown,
        };
        let flag = |value: Option<bool>| value.map_or(Group::Unknown, |v| Group::Flag(!v));
        match dimension {
            Dimension::Sex => listed(&self.sex, &SEXES),
            Dimension::Ethnicity => listed(&self.ethnicity, &ETHNICITIES),
            Dimension::EconomicallyDisadvantaged => flag(self.economically_disadvantaged),
            Dimension::EnglishLearner => flag(self.english_learner),
            Dimension::Iep504 => flag(self.iep_504),
            Dimension::Grade => self.grade.map_or(Group::Unknown, Group::Grade),
            Dimension::School => self.school.map_or(Group::Unknown, Group::School),
        }
    }
}

impl Group<'_> {
    /// The group's key in exports and the API: "female", "9", a school id, "yes", "unknown".
    pub fn key(&self) -> String {
        match self {
            Group::Listed(_, name) => name.to_string(),
            Group::Grade(grade) => grade.to_string(),
            Group::School(school) => school.to_string(),
            // Flags sort "yes" first: `Flag(false)` is a student with the flag.
            Group::Flag(without) => if *without { "no" } else { "yes" }.to_string(),
            Group::Unknown => "unknown".to_string(),
        }
    }
}

/// A count as published: `None` when suppressed.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, utoipa::ToSchema)]
pub struct StageCell {
    pub stage: Stage,
    pub count: Option<i64>,
    /// Percent of the group's students, one decimal.
    pub rate: Option<f64>,
    /// Percentage points from the rate of all students.
    pub gap: Option<f64>,
    /// The group's rate over the rate of all students.
    pub ratio: Option<f64>,
}

/// A row of a funnel table: a group (or all students) and its stages.
#[derive(Clone, Debug, PartialEq, Serialize, utoipa::ToSchema)]
pub struct FunnelRow {
    pub group: String,
    pub students: Option<i64>,
    pub stages: Vec<StageCell>,
}

/// The funnel of every group along one dimension, with all students last.
#[derive(Clone, Debug, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Funnel {
    pub dimension: Dimension,
    pub groups: Vec<FunnelRow>,
    pub all: FunnelRow,
}

impl Funnel {
    /// Groups students along `dimension` and publishes what suppression at `threshold` allows.
    pub fn of(students: &[Student], dimension: Dimension, threshold: i64) -> Self {
        let (counts, all) = counts(students, dimension);
        let columns = all.len();
        let mut values: Vec<i64> = counts.values().flatten().copied().collect();
        values.extend(all);
        let sums: Vec<Sum> = suppression::grid_sums(counts.len(), columns, false);
        let hidden = suppression::suppress(&values, &sums, threshold);
        let shown = |row: usize, col: usize| {
            let at = row * columns + col;
            (!hidden[at]).then_some(values[at])
        };
        let all_row = publish("all".into(), counts.len(), &shown, None);
        let all_rates: Vec<Option<f64>> = all_row.stages.iter().map(|s| s.rate).collect();
        let groups =
            counts.keys().enumerate().map(|(r, group)| publish(group.key(), r, &shown, Some(&all_rates))).collect();
        Funnel { dimension, groups, all: all_row }
    }
}

/// Before suppression: each group's students (column 0) and students reaching each stage
/// (columns 1–6), and the same for all students.
pub fn counts(students: &[Student], dimension: Dimension) -> (BTreeMap<Group<'_>, [i64; 7]>, [i64; 7]) {
    let mut counts: BTreeMap<Group<'_>, [i64; 7]> = BTreeMap::new();
    let mut all = [0i64; 7];
    for student in students {
        tally(counts.entry(student.group(dimension)).or_default(), student.reached);
        tally(&mut all, student.reached);
    }
    (counts, all)
}

/// Adds a student to a row: column 0 counts students, the others each stage reached.
fn tally(row: &mut [i64; 7], reached: u8) {
    row[0] += 1;
    for (i, stage) in Stage::ALL.iter().enumerate() {
        row[i + 1] += i64::from(reached & stage.bit() != 0);
    }
}

fn publish(
    group: String,
    row: usize,
    shown: &impl Fn(usize, usize) -> Option<i64>,
    all_rates: Option<&[Option<f64>]>,
) -> FunnelRow {
    let students = shown(row, 0);
    let stages = Stage::ALL
        .iter()
        .enumerate()
        .map(|(i, stage)| {
            let count = shown(row, i + 1);
            let rate = count.zip(students).filter(|(_, n)| *n > 0).map(|(c, n)| round(c as f64 * 100.0 / n as f64, 1));
            let all = all_rates.and_then(|rates| rates[i]);
            StageCell {
                stage: *stage,
                count,
                rate,
                gap: rate.zip(all).map(|(r, a)| round(r - a, 1)),
                ratio: rate.zip(all).filter(|(_, a)| *a > 0.0).map(|(r, a)| round(r / a, 2)),
            }
        })
        .collect();
    FunnelRow { group, students, stages }
}

fn round(x: f64, places: i32) -> f64 {
    let scale = 10f64.powi(places);
    (x * scale).round() / scale
}

/// Ratios below this are flagged: the "four-fifths" rule of thumb for adverse impact.
pub const DISPARITY_FLAG: f64 = 0.8;

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn student(n: usize, sex: &str, ethnicity: Option<&str>, reached: u8) -> Student {
        Student {
            id: UserId::derived(&uuid::Uuid::nil(), &n.to_string()),
            school: None,
            grade: Some(9 + (n % 4) as i64),
            sex: Some(sex.into()),
            ethnicity: ethnicity.map(String::from),
            economically_disadvantaged: Some(n.is_multiple_of(2)),
            english_learner: None,
            iep_504: Some(false),
            reached,
        }
    }

    fn all_stages() -> u8 {
        Stage::ALL.iter().map(|s| s.bit()).fold(0, |a, b| a | b)
    }

    #[test]
    fn rates_gaps_and_ratios_are_against_all_students() {
        let exposure = Stage::Exposure.bit();
        // 40 girls, 30 exposed; 40 boys, 10 exposed.
        let students: Vec<Student> = (0..80)
            .map(|n| {
                let girl = n < 40;
                let exposed = if girl { n < 30 } else { n < 50 };
                student(n, if girl { "female" } else { "male" }, Some("white"), if exposed { exposure } else { 0 })
            })
            .collect();
        let funnel = Funnel::of(&students, Dimension::Sex, 10);
        assert_eq!(funnel.all.students, Some(80));
        assert_eq!(funnel.all.stages[0].rate, Some(50.0));
        let girls = &funnel.groups[0];
        assert_eq!(
            (girls.group.as_str(), girls.stages[0].count, girls.stages[0].rate),
            ("female", Some(30), Some(75.0))
        );
        assert_eq!((girls.stages[0].gap, girls.stages[0].ratio), (Some(25.0), Some(1.5)));
        let boys = &funnel.groups[1];
        assert_eq!(
            (boys.stages[0].rate, boys.stages[0].gap, boys.stages[0].ratio),
            (Some(25.0), Some(-25.0), Some(0.5))
        );
        // Nobody completed anything: zero is below the threshold, so it is not shown either.
        assert_eq!(boys.stages[5].count, None);
    }

    #[test]
    fn a_small_group_is_hidden_with_a_second_one_so_totals_do_not_give_it_away() {
        let mut students: Vec<Student> = (0..60).map(|n| student(n, "female", Some("white"), all_stages())).collect();
        students.extend((60..90).map(|n| student(n, "male", Some("hispanic_latino"), all_stages())));
        students.extend((90..94).map(|n| student(n, "male", Some("asian"), all_stages())));
        let funnel = Funnel::of(&students, Dimension::Ethnicity, 10);
        let row = |key: &str| funnel.groups.iter().find(|g| g.group == key).unwrap();
        assert_eq!(row("asian").students, None);
        assert!(row("asian").stages.iter().all(|s| s.count.is_none() && s.rate.is_none()));
        assert_eq!(row("hispanic_latino").students, None, "the next smallest group hides the small one");
        assert_eq!(row("white").students, Some(60));
        assert_eq!(funnel.all.students, Some(94));
    }

    #[test]
    fn unknown_values_are_a_group_of_their_own() {
        let students: Vec<Student> = (0..30).map(|n| student(n, "female", (n < 15).then_some("black"), 0)).collect();
        let funnel = Funnel::of(&students, Dimension::Ethnicity, 10);
        let keys: Vec<&str> = funnel.groups.iter().map(|g| g.group.as_str()).collect();
        assert_eq!(keys, ["black", "unknown"]);
        let flags = Funnel::of(&students, Dimension::EconomicallyDisadvantaged, 10);
        let keys: Vec<&str> = flags.groups.iter().map(|g| g.group.as_str()).collect();
        assert_eq!(keys, ["yes", "no"]);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        /// Whatever the students, a published count is never below the threshold and a
        /// hidden one is never the difference between a total and the shown cells.
        #[test]
        fn published_funnels_never_show_or_leak_small_cells(
            groups in prop::collection::vec((0usize..7, 0u8..64), 1..300),
            threshold in 5i64..15,
        ) {
            let students: Vec<Student> = groups
                .iter()
                .enumerate()
                .map(|(n, (e, reached))| student(n, "female", Some(ETHNICITIES[*e]), *reached))
                .collect();
            let funnel = Funnel::of(&students, Dimension::Ethnicity, threshold);
            let rows: Vec<&FunnelRow> = funnel.groups.iter().chain(std::iter::once(&funnel.all)).collect();
            for row in &rows {
                let cells = std::iter::once(row.students).chain(row.stages.iter().map(|s| s.count));
                for count in cells.flatten() {
                    prop_assert!(count >= threshold);
                }
                for stage in &row.stages {
                    prop_assert_eq!(stage.rate.is_some(), stage.count.is_some() && row.students.is_some_and(|n| n > 0));
                }
            }
            for column in 0..=Stage::ALL.len() {
                let cell = |row: &FunnelRow| if column == 0 { row.students } else { row.stages[column - 1].count };
                let hidden = funnel.groups.iter().filter(|g| cell(g).is_none()).count();
                if cell(&funnel.all).is_some() {
                    prop_assert!(hidden != 1, "column {} has a single hidden cell beside its total", column);
                }
            }
        }
    }
}
