//! How complete plans are: what each student's plan holds (read for one student or for many
//! at once, in a few grouped queries), checked against the district's template for a grade,
//! and the credit check of their course plan.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use time::{Date, OffsetDateTime};

use super::courses::Course;
use super::graduation::{Credit, CreditCheck, Rules};
use super::signoffs::school_year;
use super::templates::{Element, Kind, Template};
use crate::db::Db;
use crate::i18n::Lang;
use crate::ids::UserId;
use crate::with_pool;

/// A course of a plan, for the credit check.
#[derive(Clone, Debug, sqlx::FromRow)]
struct CourseFact {
    student_id: UserId,
    #[sqlx(flatten)]
    course: Course,
    grade: i64,
    status: String,
}

/// What one student's plan holds.
#[derive(Clone, Debug, Default)]
pub struct Facts {
    pub grade: Option<i64>,
    pub interests: i64,
    pub goals: BTreeMap<String, i64>,
    pub activities: BTreeMap<String, i64>,
    pub reflections: i64,
    pub postsecondary_chosen: bool,
    /// Who signed, by school year.
    pub signoffs: BTreeMap<String, BTreeSet<String>>,
    /// Meeting notes, by school year.
    pub meetings: BTreeMap<String, i64>,
    /// Courses placed in each grade.
    pub courses: BTreeMap<i64, i64>,
    /// (area, credits, grade, status) of each course.
    credits: Vec<(String, i64, i64, String)>,
}

impl Facts {
    pub fn credit_check(&self, rules: &Rules) -> CreditCheck {
        let credits: Vec<Credit> = self
            .credits
            .iter()
            .map(|(area, credits, grade, status)| Credit { area, credits: *credits, grade: *grade, status })
            .collect();
        CreditCheck::new(rules, &credits, self.grade)
    }

    /// How much of `element` the plan holds, for a student in `grade` in the school year
    /// `year` (year-bound elements count that year only); `graduates` says whether the
    /// course plan reaches every graduation rule.
    fn holds(&self, element: &Element, year: &str, graduates: bool) -> i64 {
        let sum_of = |counts: &BTreeMap<String, i64>| -> i64 {
            counts
                .iter()
                .filter(|(kind, _)| element.options.is_empty() || element.options.contains(kind))
                .map(|(_, n)| n)
                .sum()
        };
        match element.kind {
            Kind::Interests => self.interests,
            Kind::Goals => sum_of(&self.goals),
            Kind::Activities => sum_of(&self.activities),
            Kind::Reflections => self.reflections,
            Kind::Courses => self.courses.range(element.grade..).map(|(_, n)| n).sum(),
            Kind::Graduation => i64::from(graduates),
            Kind::Postsecondary => i64::from(self.postsecondary_chosen),
            Kind::Signoff => {
                let signed = self.signoffs.get(year);
                let needed = element.signers();
                needed.iter().filter(|role| signed.is_some_and(|s| s.contains(**role))).count() as i64
            }
            Kind::Meeting => self.meetings.get(year).copied().unwrap_or(0),
        }
    }
}

/// One required element and how far the plan is toward it.
#[derive(Clone, Debug)]
pub struct Progress {
    pub element: Element,
    pub have: i64,
    pub met: bool,
}

/// A grade's elements and how many the plan meets.
#[derive(Clone, Debug)]
pub struct GradeProgress {
    pub grade: i64,
    pub school_year: String,
    pub elements: Vec<Progress>,
    pub met: usize,
}

impl GradeProgress {
    pub fn percent(&self) -> usize {
        if self.elements.is_empty() { 100 } else { self.met * 100 / self.elements.len() }
    }

    pub fn complete(&self) -> bool {
        self.met == self.elements.len()
    }
}

/// The school year a student now in `grade` was (or will be) in `other`.
fn year_of_grade(today: Date, grade: i64, other: i64) -> String {
    let this_year: i32 = school_year(today)[..4].parse().unwrap_or(today.year());
    let start = this_year + (other - grade) as i32;
    format!("{start}-{:02}", (start + 1).rem_euclid(100))
}

/// The plan's progress on `grade`'s elements of the template.
pub fn progress(facts: &Facts, template: &Template, rules: &Rules, grade: i64, today: Date) -> GradeProgress {
    let year = year_of_grade(today, facts.grade.unwrap_or(grade), grade);
    let graduates = facts.credit_check(rules).short().next().is_none();
    let elements: Vec<Progress> = template
        .of_grade(grade)
        .map(|element| {
            let have = facts.holds(element, &year, graduates);
            Progress { met: have >= element.needed(), have, element: element.clone() }
        })
        .collect();
    let met = elements.iter().filter(|p| p.met).count();
    GradeProgress { grade, school_year: year, elements, met }
}

/// The facts of every student `students_sql` selects (a query of `u.id` with `$1` bound to
/// `key`), by student.
pub async fn facts_of(db: &Db, students_sql: &str, key: uuid::Uuid) -> Result<HashMap<UserId, Facts>, sqlx::Error> {
    let within = format!("student_id IN ({students_sql})");
    let grades = format!("SELECT u.id, u.grade FROM users u WHERE u.id IN ({students_sql})");
    let interests = format!("SELECT student_id, COUNT(*) FROM plan_interests WHERE {within} GROUP BY student_id");
    let goals = format!("SELECT student_id, kind, COUNT(*) FROM plan_goals WHERE {within} GROUP BY student_id, kind");
    let activities =
        format!("SELECT student_id, kind, COUNT(*) FROM plan_activities WHERE {within} GROUP BY student_id, kind");
    let reflections = format!("SELECT student_id, COUNT(*) FROM plan_reflections WHERE {within} GROUP BY student_id");
    let postsecondary = format!("SELECT student_id FROM plan_postsecondary WHERE path <> 'undecided' AND {within}");
    let signoffs = format!("SELECT student_id, school_year, signer_role FROM plan_signoffs WHERE {within}");
    let meetings = format!("SELECT student_id, created_at FROM plan_notes WHERE {within}");
    let courses = format!(
        "SELECT pc.student_id, c.id AS course_id, c.title, c.code, c.subject, c.area, c.credits, pc.grade, pc.status
         FROM plan_courses pc JOIN courses c ON c.id = pc.course_id WHERE pc.{within}"
    );
    type Counted = Vec<(UserId, i64)>;
    type CountedBy = Vec<(UserId, String, i64)>;
    #[allow(clippy::type_complexity)]
    let (grades, interests, goals, activities, reflections, postsecondary, signoffs, meetings, courses): (
        Vec<(UserId, Option<i64>)>,
        Counted,
        CountedBy,
        CountedBy,
        Counted,
        Vec<UserId>,
        Vec<(UserId, String, String)>,
        Vec<(UserId, OffsetDateTime)>,
        Vec<CourseFact>,
    ) = with_pool!(db, pool => {
        Ok::<_, sqlx::Error>((
            sqlx::query_as(&grades).bind(key).fetch_all(pool).await?,
            sqlx::query_as(&interests).bind(key).fetch_all(pool).await?,
            sqlx::query_as(&goals).bind(key).fetch_all(pool).await?,
            sqlx::query_as(&activities).bind(key).fetch_all(pool).await?,
            sqlx::query_as(&reflections).bind(key).fetch_all(pool).await?,
            sqlx::query_scalar(&postsecondary).bind(key).fetch_all(pool).await?,
            sqlx::query_as(&signoffs).bind(key).fetch_all(pool).await?,
            sqlx::query_as(&meetings).bind(key).fetch_all(pool).await?,
            sqlx::query_as(&courses).bind(key).fetch_all(pool).await?,
        ))
    })?;
    let mut all: HashMap<UserId, Facts> =
        grades.into_iter().map(|(id, grade)| (id, Facts { grade, ..Facts::default() })).collect();
    for (id, n) in interests {
        entry(&mut all, id).interests = n;
    }
    for (id, kind, n) in goals {
        entry(&mut all, id).goals.insert(kind, n);
    }
    for (id, kind, n) in activities {
        entry(&mut all, id).activities.insert(kind, n);
    }
    for (id, n) in reflections {
        entry(&mut all, id).reflections = n;
    }
    for id in postsecondary {
        entry(&mut all, id).postsecondary_chosen = true;
    }
    for (id, year, role) in signoffs {
        entry(&mut all, id).signoffs.entry(year).or_default().insert(role);
    }
    for (id, at) in meetings {
        *entry(&mut all, id).meetings.entry(school_year(at.date())).or_default() += 1;
    }
    for course in courses {
        let facts = entry(&mut all, course.student_id);
        *facts.courses.entry(course.grade).or_default() += 1;
        let (area, credits) = (course.course.area().to_string(), course.course.credits());
        facts.credits.push((area, credits, course.grade, course.status));
    }
    Ok(all)
}

fn entry(all: &mut HashMap<UserId, Facts>, id: UserId) -> &mut Facts {
    all.entry(id).or_default()
}

/// The facts of one student's plan.
pub async fn facts_of_student(db: &Db, student: UserId) -> Result<Facts, sqlx::Error> {
    let mut all = facts_of(db, "SELECT u.id FROM users u WHERE u.id = $1", student.uuid()).await?;
    Ok(all.remove(&student).unwrap_or_default())
}

/// What an element asks, in the reader's language: "Set 2 goals (Academic, Career)".
pub fn describe(element: &Element, lang: Lang) -> String {
    let key = format!("element-{}", element.kind.as_str());
    if element.kind == Kind::Signoff {
        let signers: Vec<String> = element.signers().iter().map(|r| lang.t(&format!("role-{r}-name"))).collect();
        return lang.t_args(&key, &[("signers", signers.join(", ").into())]);
    }
    let base = lang.t_args(&key, &[("count", element.count.into())]);
    let prefix = match element.kind {
        Kind::Goals => "goal-kind",
        Kind::Activities => "activity-kind",
        _ => return base,
    };
    match element.options.is_empty() {
        true => base,
        false => {
            let names: Vec<String> = element.options.iter().map(|o| lang.t(&format!("{prefix}-{o}-name"))).collect();
            lang.t_args("element-options", &[("element", base.into()), ("options", names.join(", ").into())])
        }
    }
}

/// An element of the checklist as the plan shows it.
pub struct ItemView {
    pub label: String,
    pub have: i64,
    pub needed: i64,
    pub met: bool,
}

/// A grade of the checklist.
pub struct GradeView {
    pub grade: i64,
    pub school_year: String,
    pub met: usize,
    pub total: usize,
    pub percent: usize,
    pub items: Vec<ItemView>,
}

/// The plan's checklist: the student's grade first, then every grade the template covers.
pub struct Checklist {
    pub current: Option<GradeView>,
    pub grades: Vec<GradeView>,
}

impl Checklist {
    pub fn new(facts: &Facts, template: &Template, rules: &Rules, today: Date, lang: Lang) -> Self {
        let view = |grade: i64| {
            let progress = progress(facts, template, rules, grade, today);
            GradeView {
                grade,
                percent: progress.percent(),
                met: progress.met,
                total: progress.elements.len(),
                items: progress
                    .elements
                    .iter()
                    .map(|p| ItemView {
                        label: describe(&p.element, lang),
                        have: p.have.min(p.element.needed()),
                        needed: p.element.needed(),
                        met: p.met,
                    })
                    .collect(),
                school_year: progress.school_year,
            }
        };
        let mut grades: Vec<i64> = template.elements.iter().map(|e| e.grade).collect();
        grades.sort_unstable();
        grades.dedup();
        let current = facts.grade.filter(|g| grades.contains(g)).map(view);
        Checklist { current, grades: grades.into_iter().map(view).collect() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn grades_map_to_their_school_years() {
        assert_eq!(year_of_grade(date!(2026 - 12 - 02), 10, 10), "2026-27");
        assert_eq!(year_of_grade(date!(2026 - 12 - 02), 10, 9), "2025-26");
        assert_eq!(year_of_grade(date!(2026 - 12 - 02), 10, 12), "2028-29");
        assert_eq!(year_of_grade(date!(2099 - 09 - 01), 11, 12), "2100-01");
    }
}
