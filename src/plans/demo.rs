//! Plans for the demo district, at every stage: some students have not started, some chose
//! interests only, some set goals and are working on them, a few met them; students with
//! goals have activities (work-based learning from grade 10), some reflected, and most high
//! schoolers with goals chose a path after high school. Deterministic:
//! each student's plan follows from their id. Every student has the courses they took and
//! take; students further along planned the years ahead, and some did not pass a course and
//! fell behind. The demo student's own plan holds only their courses, for visitors to fill in.

use std::collections::BTreeMap;

use time::{Duration, OffsetDateTime};

use super::activities::{self, ActivityInput, WORK_BASED};
use super::courses::{self, CourseInput};
use super::postsecondary::{self, Postsecondary};
use super::reflections;
use super::store::{self, GoalInput};
use super::tags::{self, PRACTICE_VERSION, Tags};
use crate::db::Db;
use crate::db::batch::BulkInsert;
use crate::db::batch::{TableRows, Value};
use crate::ids::{
    CourseId, DistrictId, PlanActivityId, PlanCourseId, PlanGoalId, PlanInterestId, PlanReflectionId, UserId,
};
use crate::orgs::demo::Rng;
use crate::with_pool;

/// Ids of demo plan rows are named by student and position: the same every run.
const NAMESPACE: uuid::Uuid = uuid::Uuid::from_u128(0x6f1d_2c0e_8a4b_4e57_9b3a_5d1c_7e2f_0a91);

/// Goals students set, by kind: (title, benchmark).
const GOALS: [(&str, &str, &str); 6] = [
    ("academic", "Raise my math grade", "A B or better in math on the next report card"),
    ("academic", "Take a course in my cluster", "Enrolled in a course tagged to my sub-cluster next year"),
    ("career", "Talk to someone who does this job", "One informational interview or job shadow this year"),
    ("career", "Find a summer opportunity", "Apply to two internships or programs by April"),
    ("personal", "Join a club", "Attend at least ten club meetings this year"),
    ("personal", "Volunteer in my community", "20 hours of volunteering by May"),
];

/// Activities students record: (kind, title, organization, cluster, practice numbers).
const ACTIVITIES: [(&str, &str, &str, &str, &[u8]); 10] = [
    ("club", "Robotics club", "", "advanced-manufacturing", &[6, 11, 12]),
    ("club", "School newspaper", "", "arts-entertainment-design", &[4, 12]),
    ("sport", "Varsity soccer", "", "", &[3, 12]),
    ("arts", "Spring musical crew", "", "arts-entertainment-design", &[6, 12]),
    ("volunteer", "Volunteer at the science museum", "Riverbend Science Museum", "education", &[1, 4]),
    ("volunteer", "Food bank shifts", "Riverbend Food Bank", "healthcare-human-services", &[1, 9]),
    ("job", "Cashier", "Corner Market", "marketing-sales", &[1, 2]),
    ("job_shadow", "Shadowed a nurse for a day", "Riverbend General Hospital", "healthcare-human-services", &[10]),
    ("internship", "Summer IT internship", "Riverbend Public Library", "digital-technology", &[2, 11]),
    ("apprenticeship", "Pre-apprenticeship in electrical work", "Local 112 Training Center", "construction", &[2, 8]),
];

/// What students write when they reflect, whatever the prompt.
const REFLECTIONS: [&str; 4] = [
    "I liked it more than I expected. Working with other people made the hard parts easier.",
    "It showed me I need to get better at planning my time, and that I enjoy solving problems.",
    "I want to learn more about this. I am going to ask my counselor about a course next year.",
    "It was harder than it looked. I kept going and I am proud I finished.",
];

/// Paths after high school with what students say about them.
const PATHS: [(&str, &str); 5] = [
    ("four_year", "Apply to state universities in the fall of senior year."),
    ("two_year", "Start at Riverbend Community College, then transfer."),
    ("certificate", "A certificate program that leads straight to a job."),
    ("workforce", "Work full time and save, then decide about school."),
    ("military", "Talk to recruiters about training in a technical field."),
];

/// Sub-clusters the courses of a subject prepare for.
const COURSE_SUBCLUSTERS: [(&str, &[&str]); 10] = [
    ("Computer Science", &["software-solutions", "web-cloud", "data-science-ai"]),
    ("Automotive Technology", &["maintenance-repair", "ground-rail-transportation"]),
    ("Health Science", &["physical-health", "health-data-administration"]),
    ("Culinary Arts", &["culinary-food-services"]),
    ("Business and Marketing", &["marketing-advertising", "entrepreneurship-small-business"]),
    ("Agriculture", &["plant-systems", "animal-systems"]),
    ("Art", &["design-digital-arts", "fine-arts"]),
    ("Music", &["performing-arts"]),
    ("Technology", &["it-support-services"]),
    ("Science", &["ecological-research-development"]),
];

/// Career and technical electives high schoolers pick from in grades 11 and 12.
const CTE_ELECTIVES: [&str; 6] = [
    "Computer Science",
    "Automotive Technology",
    "Health Science",
    "Culinary Arts",
    "Business and Marketing",
    "Agriculture",
];

/// The CIP 2020 program the district aligned each career and technical subject's courses to.
const CTE_PROGRAMS: [(&str, &str); 6] = [
    ("Computer Science", "11.0701"),
    ("Automotive Technology", "47.0604"),
    ("Health Science", "51.3902"),
    ("Culinary Arts", "12.0500"),
    ("Business and Marketing", "52.1801"),
    ("Agriculture", "01.0000"),
];

/// The district's courses by title (the first of each), their sub-cluster tags and the CIP
/// programs of its career and technical courses.
struct Catalog {
    by_title: BTreeMap<String, uuid::Uuid>,
    tags: TableRows,
    programs: Vec<(uuid::Uuid, &'static str)>,
}

impl Catalog {
    async fn load(db: &Db, district: DistrictId) -> Result<Self, sqlx::Error> {
        const SQL: &str = "SELECT id, title, subject FROM courses WHERE district_id = $1 ORDER BY title, id";
        let rows: Vec<(uuid::Uuid, String, Option<String>)> =
            with_pool!(db, pool => sqlx::query_as(SQL).bind(district).fetch_all(pool).await)?;
        let mut tags =
            TableRows { table: "course_subclusters", columns: &["course_id", "subcluster_id"], rows: Vec::new() };
        let mut by_title = BTreeMap::new();
        let mut programs = Vec::new();
        for (id, title, subject) in rows {
            by_title.entry(title).or_insert(id);
            let subject = subject.unwrap_or_default();
            for (_, subclusters) in COURSE_SUBCLUSTERS.iter().filter(|(s, _)| *s == subject) {
                tags.rows.extend(subclusters.iter().map(|sub| vec![Value::uuid(id), Value::text(*sub)]));
            }
            programs.extend(CTE_PROGRAMS.iter().filter(|(s, _)| *s == subject).map(|(_, cip)| (id, *cip)));
        }
        Ok(Catalog { by_title, tags, programs })
    }

    /// The subjects a student takes in `grade`: the core four and two electives; in grades 11
    /// and 12 one is a career and technical elective for most (fewer English learners).
    fn subjects(dice: &mut Rng, grade: i64, english_learner: bool) -> Vec<&'static str> {
        let mut subjects = vec!["English", "Mathematics", "Science", "Social Studies"];
        let arts = ["Art", "Music"];
        let cte = |dice: &mut Rng, other: &'static str| {
            let takes = dice.below(100) < if english_learner { 55 } else { 80 };
            if takes { CTE_ELECTIVES[dice.below(CTE_ELECTIVES.len())] } else { other }
        };
        match grade {
            9 | 10 => subjects.extend(["Spanish", "Health and Physical Education"]),
            11 => {
                let art = dice.below(2);
                subjects.extend([arts[art], cte(dice, arts[1 - art])]);
            }
            12 => {
                let art = dice.below(2);
                subjects.extend([cte(dice, arts[art]), arts[1 - art]]);
            }
            _ => {
                let electives = ["Art", "Music", "Physical Education", "Spanish", "Technology"];
                let first = dice.below(electives.len());
                subjects.extend([electives[first], electives[(first + 1 + dice.below(4)) % electives.len()]]);
            }
        }
        subjects
    }

    /// A student's courses: past high school grades completed (one course not passed for
    /// some), this grade in progress, and, for students further along, the grades ahead.
    fn plan(
        &self,
        rows: &mut Vec<Vec<Value>>,
        dice: &mut Rng,
        pupil: &Pupil,
        grade: i64,
        stage: usize,
        at: OffsetDateTime,
    ) {
        let student = pupil.id;
        let last = match (grade, stage >= 55) {
            (8, true) => 9,
            (9.., true) => 12,
            _ => grade,
        };
        let first = if grade >= 9 { 9 } else { grade };
        let failed = grade >= 10 && dice.below(100) < 12;
        for year in first..=last {
            for subject in Self::subjects(dice, year, pupil.english_learner) {
                let Some(course) = self.by_title.get(&format!("{subject} {year}")) else { continue };
                let status = match year.cmp(&grade) {
                    std::cmp::Ordering::Less if failed && year == 9 && subject == "Mathematics" => "not_passed",
                    std::cmp::Ordering::Less => "completed",
                    std::cmp::Ordering::Equal => "in_progress",
                    std::cmp::Ordering::Greater => "planned",
                };
                let id = PlanCourseId::derived(&NAMESPACE, &format!("{student}/course/{course}"));
                let input = CourseInput { grade: year, status: status.into() };
                rows.push(courses::row(id, student, CourseId::from(*course), &input, (student, at)));
            }
        }
    }
}

/// A student as the demo plans them: their grade, whether they are learning English, and
/// who signs their plan with them.
#[derive(sqlx::FromRow)]
struct Pupil {
    id: UserId,
    grade: Option<i64>,
    english_learner: bool,
    guardian: Option<UserId>,
    counselor: Option<UserId>,
}

const PUPILS: &str = "SELECT u.id, u.grade, COALESCE(a.english_learner, FALSE) AS english_learner,
        (SELECT g.guardian_id FROM guardianships g WHERE g.student_id = u.id ORDER BY g.guardian_id LIMIT 1) AS guardian,
        COALESCE((SELECT k.counselor_id FROM caseloads k WHERE k.student_id = u.id ORDER BY k.counselor_id LIMIT 1),
            (SELECT c.counselor_id FROM counselor_assignments c WHERE c.school_id = u.school_id AND c.grade = u.grade
             ORDER BY c.counselor_id LIMIT 1)) AS counselor
    FROM users u LEFT JOIN student_attributes a ON a.student_id = u.id
    WHERE u.district_id = $1 AND u.role = 'student' ORDER BY u.id";

/// This school year's sign-offs of a plan far enough along: the student, then (more often
/// for families who read English) a guardian, and the counselor of students with goals.
fn sign_offs(rows: &mut Vec<Vec<Value>>, dice: &mut Rng, pupil: &Pupil, stage: usize, now: OffsetDateTime) {
    if stage < 60 {
        return;
    }
    let year_start = super::signoffs::school_year_start(now.date());
    let days_in = (now.date() - year_start).whole_days().clamp(1, 60) as usize;
    let signed_at = now - Duration::days(dice.below(days_in) as i64);
    let year = super::signoffs::school_year(signed_at.date());
    let guardian_signs = dice.below(100) < if pupil.english_learner { 45 } else { 75 };
    let signers = [
        Some((pupil.id, "student")),
        pupil.guardian.filter(|_| guardian_signs).map(|g| (g, "guardian")),
        pupil.counselor.filter(|_| stage >= 65).map(|c| (c, "counselor")),
    ];
    for (signer, role) in signers.into_iter().flatten() {
        rows.push(vec![
            Value::uuid(pupil.id.uuid()),
            Value::text(&year),
            Value::uuid(signer.uuid()),
            Value::text(role),
            Value::Time(signed_at),
        ]);
    }
}

/// Writes plans for the students of `district` (all but `keep_empty`, who gets only the
/// courses they took and are taking).
pub async fn generate(
    db: &Db,
    district: DistrictId,
    keep_empty: Option<UserId>,
    now: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    let (students, links): (Vec<Pupil>, Vec<(String, String)>) = with_pool!(db, pool => {
        let students = sqlx::query_as(PUPILS).bind(district).fetch_all(pool).await?;
        let links = sqlx::query_as("SELECT ss.subcluster_id, o.code FROM subcluster_socs ss
             JOIN occupations o ON o.soc_code = ss.soc_code ORDER BY ss.subcluster_id, o.code")
            .fetch_all(pool).await?;
        Ok::<_, sqlx::Error>((students, links))
    })?;
    let mut occupations: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (subcluster, code) in links {
        occupations.entry(subcluster).or_default().push(code);
    }
    let subclusters: Vec<(&String, &Vec<String>)> = occupations.iter().collect();
    if subclusters.is_empty() {
        return Ok(());
    }
    let mut interests = TableRows {
        table: "plan_interests",
        columns: &["id", "student_id", "kind", "ref", "added_by", "added_at"],
        rows: Vec::new(),
    };
    let mut goals = TableRows { table: "plan_goals", columns: store::GOAL_ROW_COLUMNS, rows: Vec::new() };
    let mut doing = Doing::default();
    let catalog = Catalog::load(db, district).await?;
    let mut courses = TableRows { table: "plan_courses", columns: courses::ROW_COLUMNS, rows: Vec::new() };
    let enrolled = now - Duration::days(90);
    let mut signoffs = TableRows {
        table: "plan_signoffs",
        columns: &["student_id", "school_year", "signer_id", "signer_role", "signed_at"],
        rows: Vec::new(),
    };
    for pupil in &students {
        let (student, grade) = (pupil.id, pupil.grade);
        let mut dice = Rng::seeded(student.uuid().as_u64_pair().0);
        let stage = dice.below(100);
        if let Some(grade) = grade {
            let stage = if Some(student) == keep_empty { 0 } else { stage };
            catalog.plan(&mut courses.rows, &mut dice, pupil, grade, stage, enrolled);
        }
        if Some(student) == keep_empty {
            continue;
        }
        if stage < 20 {
            continue; // not started
        }
        let added = now - Duration::days(dice.below(300) as i64 + 1);
        let mut chosen: Vec<(&str, &str)> = Vec::new();
        for _ in 0..1 + dice.below(3) {
            let (subcluster, codes) = subclusters[dice.below(subclusters.len())];
            chosen.push(("subcluster", subcluster));
            if dice.below(10) < 4 {
                chosen.push(("occupation", &codes[dice.below(codes.len())]));
            }
        }
        chosen.sort_unstable();
        chosen.dedup();
        for (i, (kind, code)) in chosen.into_iter().enumerate() {
            let id = PlanInterestId::derived(&NAMESPACE, &format!("{student}/interest/{i}"));
            interests.rows.push(interest_row(id, student, kind, code, added));
        }
        sign_offs(&mut signoffs.rows, &mut Rng::seeded(student.uuid().as_u64_pair().1), pupil, stage, now);
        if stage < 55 {
            continue; // interests only
        }
        let status = if stage >= 85 { "done" } else { "in_progress" };
        for i in 0..1 + dice.below(2) {
            let (kind, title, benchmark) = GOALS[dice.below(GOALS.len())];
            let target = (added + Duration::days(120 + dice.below(200) as i64)).date();
            let goal = GoalInput {
                kind: kind.into(),
                title: title.into(),
                benchmark: benchmark.into(),
                target_date: Some(target),
                status: status.into(),
            };
            let id = PlanGoalId::derived(&NAMESPACE, &format!("{student}/goal/{i}"));
            goals.rows.push(store::goal_row(id, student, &goal, student, added));
        }
        doing.add(&mut dice, student, grade.unwrap_or(9), stage, (added, now));
    }
    with_pool!(db, pool => {
        let mut tx = pool.begin().await?;
        let tables = [&interests, &goals, &doing.activities, &doing.reflections, &doing.tags, &doing.postsecondary, &catalog.tags, &courses, &signoffs];
        for TableRows { table, columns, rows } in tables {
            BulkInsert::insert_rows(&mut *tx, table, columns, rows, "", &mut |_| ()).await?;
        }
        for (course, cip) in &catalog.programs {
            sqlx::query("UPDATE courses SET cip_code = $1, aligned_at = $2 WHERE id = $3")
                .bind(*cip).bind(now).bind(CourseId::from(*course)).execute(&mut *tx).await?;
        }
        tx.commit().await
    })
}

fn interest_row(id: PlanInterestId, student: UserId, kind: &str, code: &str, added: OffsetDateTime) -> Vec<Value> {
    vec![
        Value::uuid(id.uuid()),
        Value::uuid(student.uuid()),
        Value::text(kind),
        Value::text(code),
        Value::uuid(student.uuid()),
        Value::Time(added),
    ]
}

/// The activities, reflections, their tags and the postsecondary plans of the demo students.
struct Doing {
    activities: TableRows,
    reflections: TableRows,
    tags: TableRows,
    postsecondary: TableRows,
}

impl Default for Doing {
    fn default() -> Self {
        let table = |table, columns| TableRows { table, columns, rows: Vec::new() };
        Doing {
            activities: table("plan_activities", activities::ROW_COLUMNS),
            reflections: table("plan_reflections", reflections::ROW_COLUMNS),
            tags: table("plan_tags", tags::COLUMNS),
            postsecondary: table("plan_postsecondary", postsecondary::ROW_COLUMNS),
        }
    }
}

impl Doing {
    /// What a student at `stage` (0-99; 55 and up set goals) in `grade` did, from `since` to `now`.
    fn add(
        &mut self,
        dice: &mut Rng,
        student: UserId,
        grade: i64,
        stage: usize,
        (since, now): (OffsetDateTime, OffsetDateTime),
    ) {
        let practice = |n: &u8| format!("{PRACTICE_VERSION}/CRP{n}");
        let offered: Vec<_> = ACTIVITIES.iter().filter(|a| grade >= 10 || !WORK_BASED.contains(&a.0)).collect();
        let mut picked: Vec<usize> = (0..1 + dice.below(3)).map(|_| dice.below(offered.len())).collect();
        picked.sort_unstable();
        picked.dedup();
        for (i, n) in picked.into_iter().enumerate() {
            let (kind, title, organization, cluster, practices) = *offered[n];
            let id = PlanActivityId::derived(&NAMESPACE, &format!("{student}/activity/{i}")).uuid();
            let clusters = if cluster.is_empty() { Vec::new() } else { vec![cluster.to_string()] };
            let input = ActivityInput {
                kind: kind.into(),
                title: title.into(),
                organization: organization.into(),
                description: String::new(),
                started_on: Some(since.date()),
                ended_on: None,
                hours: Some(10 + dice.below(190) as i64),
                tags: Tags::new(clusters, practices.iter().map(practice).collect()),
            };
            self.tags.rows.extend(input.tags.rows(id, student));
            self.activities.rows.push(activities::row(id, student, &input, student, since));
        }
        if stage >= 70 {
            let prompts = reflections::prompts_for(Some(grade));
            let id = PlanReflectionId::derived(&NAMESPACE, &format!("{student}/reflection/0")).uuid();
            let at = (since + Duration::days(30)).min(now);
            self.tags.rows.extend(Tags::new(Vec::new(), vec![practice(&(1 + dice.below(12) as u8))]).rows(id, student));
            let prompt = prompts[dice.below(prompts.len())];
            let body = REFLECTIONS[dice.below(REFLECTIONS.len())];
            self.reflections.rows.push(reflections::row(id, student, prompt, body, at));
        }
        if grade >= 9 && stage >= 60 {
            let (path, details) = PATHS[dice.below(PATHS.len())];
            let plan = Postsecondary { path: path.into(), details: details.into(), version: 1 };
            self.postsecondary.rows.push(postsecondary::row(student, &plan, student, since));
        }
    }
}
