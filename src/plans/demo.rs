//! Plans for the demo district, at every stage: some students have not started, some chose
//! interests only, some set goals and are working on them, a few met them. Deterministic:
//! each student's plan follows from their id. The demo student's own plan stays empty, for
//! visitors to fill in.

use std::collections::BTreeMap;

use time::{Duration, OffsetDateTime};

use crate::db::Db;
use crate::db::batch::BulkInsert;
use crate::db::batch::{TableRows, Value};
use crate::ids::{DistrictId, PlanGoalId, PlanInterestId, UserId};
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

/// Writes plans for the students of `district` (all but `keep_empty`).
pub async fn generate(
    db: &Db,
    district: DistrictId,
    keep_empty: Option<UserId>,
    now: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    let (students, links): (Vec<UserId>, Vec<(String, String)>) = with_pool!(db, pool => {
        let students = sqlx::query_scalar("SELECT id FROM users WHERE district_id = $1 AND role = 'student' ORDER BY id")
            .bind(district).fetch_all(pool).await?;
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
    let mut goals = TableRows {
        table: "plan_goals",
        columns: &[
            "id",
            "student_id",
            "kind",
            "title",
            "benchmark",
            "target_date",
            "status",
            "version",
            "created_at",
            "updated_at",
            "updated_by",
        ],
        rows: Vec::new(),
    };
    for student in students.into_iter().filter(|s| Some(*s) != keep_empty) {
        let mut dice = Rng::seeded(student.uuid().as_u64_pair().0);
        let stage = dice.below(100);
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
        if stage < 55 {
            continue; // interests only
        }
        let status = if stage >= 85 { "done" } else { "in_progress" };
        for i in 0..1 + dice.below(2) {
            let (kind, title, benchmark) = GOALS[dice.below(GOALS.len())];
            let target = (added + Duration::days(120 + dice.below(200) as i64)).date();
            goals.rows.push(vec![
                Value::uuid(PlanGoalId::derived(&NAMESPACE, &format!("{student}/goal/{i}")).uuid()),
                Value::uuid(student.uuid()),
                Value::text(kind),
                Value::text(title),
                Value::text(benchmark),
                Value::Date(Some(target)),
                Value::text(status),
                Value::Int(Some(1)),
                Value::Time(added),
                Value::Time(added),
                Value::uuid(student.uuid()),
            ]);
        }
    }
    with_pool!(db, pool => {
        let mut tx = pool.begin().await?;
        for TableRows { table, columns, rows } in [&interests, &goals] {
            BulkInsert::insert_rows(&mut *tx, table, columns, rows, "", &mut |_| ()).await?;
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
