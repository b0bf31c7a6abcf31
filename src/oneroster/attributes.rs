//! The district's program flags for equity reports — economically disadvantaged, English
//! learner, IEP/504 — which OneRoster does not carry: one CSV row per student, matched by
//! sourcedId or email, imported all or nothing.

use std::collections::HashMap;
use std::path::Path;

use time::OffsetDateTime;
use uuid::Uuid;

use super::input::Source;
use super::read::{FileSpec, Row, normalize_column, read_file};
use super::report::{Report, Status};
use crate::audit::{self, Action, Entry};
use crate::db::Db;
use crate::db::batch::BulkInsert;
use crate::db::batch::{TableRows, Value};
use crate::ids::DistrictId;
use crate::with_pool;

const FILE: &str = "student-attributes.csv";

pub const ATTRIBUTES: FileSpec = FileSpec {
    columns: normalize_column,
    name: FILE,
    required: &[],
    known: &[
        "sourcedid",
        "email",
        "givenname",
        "familyname",
        "grades",
        "economicallydisadvantaged",
        "englishlearner",
        "iep504",
    ],
};

const FLAGS: [(&str, &str); 3] = [
    ("economicallydisadvantaged", "economicallyDisadvantaged"),
    ("englishlearner", "englishLearner"),
    ("iep504", "iep504"),
];

/// Reads a yes/no value: true/false, yes/no, y/n, 1/0 (any case); empty is unknown.
fn flag(value: &str) -> Result<Option<bool>, ()> {
    match value.trim().to_ascii_lowercase().as_str() {
        "" => Ok(None),
        "true" | "yes" | "y" | "1" | "t" | "x" => Ok(Some(true)),
        "false" | "no" | "n" | "0" | "f" => Ok(Some(false)),
        _ => Err(()),
    }
}

/// Students of the district by sourcedId and by email.
async fn students(
    db: &Db,
    district: DistrictId,
) -> Result<(HashMap<String, Uuid>, HashMap<String, Uuid>), sqlx::Error> {
    let rows: Vec<(Uuid, Option<String>, Option<String>)> = with_pool!(db, pool => {
        sqlx::query_as("SELECT id, sourced_id, email FROM users WHERE district_id = $1 AND role = 'student'")
            .bind(district).fetch_all(pool).await
    })?;
    let mut by_sourced = HashMap::new();
    let mut by_email = HashMap::new();
    for (id, sourced, email) in rows {
        if let Some(s) = sourced {
            by_sourced.insert(s, id);
        }
        if let Some(e) = email {
            by_email.insert(e.to_lowercase(), id);
        }
    }
    Ok((by_sourced, by_email))
}

/// The district to import into: the one named by `slug`, or the only one there is.
async fn district(db: &Db, slug: Option<&str>, report: &mut Report) -> Result<Option<DistrictId>, sqlx::Error> {
    let found = crate::orgs::store::district_slugs(db).await?;
    let chosen = match slug {
        Some(slug) => found.iter().find(|(_, s)| s == slug).map(|(id, _)| *id),
        None if found.len() == 1 => Some(found[0].0),
        None => None,
    };
    if chosen.is_none() {
        let slugs: Vec<&str> = found.iter().map(|(_, s)| s.as_str()).collect();
        let message = match slug {
            Some(slug) => format!("no district has the slug {slug:?}; the districts are: {}", slugs.join(", ")),
            None if found.is_empty() => "there is no district yet; import the roster first".to_string(),
            None => format!("several districts share this instance; choose one with --district ({})", slugs.join(", ")),
        };
        report.error(FILE, None, None, message);
    }
    Ok(chosen)
}

/// Imports the flags in `path` for the district `slug` (or the only district).
pub async fn import(db: &Db, path: &Path, slug: Option<&str>, dry_run: bool) -> Result<Report, sqlx::Error> {
    let mut report = Report::new(path.display().to_string());
    let source = match Source::single(path, FILE) {
        Ok(source) => source,
        Err(error) => {
            report.error(FILE, None, None, error.to_string());
            return Ok(report);
        }
    };
    let Some(district) = district(db, slug, &mut report).await? else { return Ok(report) };
    let (by_sourced, by_email) = students(db, district).await?;
    let mut rows = TableRows {
        table: "student_attributes",
        columns: &["student_id", "economically_disadvantaged", "english_learner", "iep_504"],
        rows: Vec::new(),
    };
    let mut seen: HashMap<Uuid, u64> = HashMap::new();
    let mut columns_checked = false;
    let read = read_file(&source, &ATTRIBUTES, &mut report, |row, report| {
        if !columns_checked {
            columns_checked = true;
            if !row.has("sourcedid") && !row.has("email") {
                report.error(
                    FILE,
                    Some(1),
                    Some("sourcedId"),
                    "the file needs a sourcedId or an email column to find each student",
                );
            }
        }
        if let Some(values) = student_row(row, &by_sourced, &by_email, &mut seen, report) {
            rows.rows.push(values);
        }
    });
    if let Err(error) = read {
        report.error(FILE, None, None, error.to_string());
    }
    if report.has_errors() {
        return Ok(report);
    }
    report.count(FILE).imported = rows.rows.len() as u64;
    if dry_run {
        report.status = Status::Valid;
        return Ok(report);
    }
    const UPSERT: &str = " ON CONFLICT (student_id) DO UPDATE SET economically_disadvantaged = excluded.economically_disadvantaged, english_learner = excluded.english_learner, iep_504 = excluded.iep_504";
    with_pool!(db, pool => {
        let mut tx = pool.begin().await?;
        BulkInsert::insert_rows(&mut *tx, rows.table, rows.columns, &rows.rows, UPSERT, &mut |_| ()).await?;
        tx.commit().await
    })?;
    report.status = Status::Imported;
    let detail = format!("{} students' program flags", rows.rows.len());
    let entry = Entry {
        actor: None,
        action: Action::Import,
        district: Some(district),
        student: None,
        resource: "student attributes",
        ip: None,
        detail: Some(&detail),
    };
    audit::record(db, &entry, OffsetDateTime::now_utc()).await?;
    Ok(report)
}

fn student_row(
    row: &Row,
    by_sourced: &HashMap<String, Uuid>,
    by_email: &HashMap<String, Uuid>,
    seen: &mut HashMap<Uuid, u64>,
    report: &mut Report,
) -> Option<Vec<Value>> {
    let (sourced, email) = (row.get("sourcedid"), row.get("email").to_lowercase());
    let student = if !sourced.is_empty() { by_sourced.get(sourced) } else { by_email.get(&email) };
    let Some(&student) = student else {
        let (column, value) = if sourced.is_empty() { ("email", email.as_str()) } else { ("sourcedId", sourced) };
        report.error(
            FILE,
            Some(row.line),
            Some(column),
            format!("no student of the district has the {column} {value:?}; import the roster first or fix the row"),
        );
        return None;
    };
    if let Some(first) = seen.insert(student, row.line) {
        report.error(
            FILE,
            Some(row.line),
            None,
            format!("this student is also on line {first}; give each student one row"),
        );
        return None;
    }
    let mut values = vec![Value::uuid(student)];
    for (column, shown) in FLAGS {
        match flag(row.get(column)) {
            Ok(value) => values.push(Value::MaybeBool(value)),
            Err(()) => {
                report.error(
                    FILE,
                    Some(row.line),
                    Some(shown),
                    format!("{shown} is {:?}; write yes or no (or leave it empty when unknown)", row.get(column)),
                );
                return None;
            }
        }
    }
    Some(values)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_read_the_usual_spellings() {
        for yes in ["true", "Yes", "Y", "1", "x"] {
            assert_eq!(flag(yes), Ok(Some(true)), "{yes}");
        }
        for no in ["false", "NO", "n", "0"] {
            assert_eq!(flag(no), Ok(Some(false)), "{no}");
        }
        assert_eq!(flag(" "), Ok(None));
        assert!(flag("maybe").is_err());
    }
}
