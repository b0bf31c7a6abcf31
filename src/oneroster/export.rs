//! Writes a district as a OneRoster 1.2 CSV set (bulk): what `pathways demo
//! --export-oneroster DIR` produces and `pathways import oneroster DIR` reads back.

use std::collections::HashMap;
use std::path::Path;

use uuid::Uuid;

use crate::db::Db;
use crate::ids::DistrictId;
use crate::with_pool;

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("could not write {0}: {1}")]
    Write(String, String),
    #[error(transparent)]
    Database(#[from] sqlx::Error),
    #[error("no district has the slug {0:?}")]
    NoDistrict(String),
}

struct Csv {
    name: String,
    writer: csv::Writer<std::fs::File>,
}

impl Csv {
    fn create(dir: &Path, name: &str, header: &[&str]) -> Result<Self, ExportError> {
        let path = dir.join(name);
        let fail = |e: &dyn std::fmt::Display| ExportError::Write(path.display().to_string(), e.to_string());
        let mut writer = csv::Writer::from_path(&path).map_err(|e| fail(&e))?;
        writer.write_record(header).map_err(|e| fail(&e))?;
        Ok(Self { name: path.display().to_string(), writer })
    }

    fn row(&mut self, fields: &[&str]) -> Result<(), ExportError> {
        self.writer.write_record(fields).map_err(|e| ExportError::Write(self.name.clone(), e.to_string()))
    }

    fn finish(mut self) -> Result<(), ExportError> {
        self.writer.flush().map_err(|e| ExportError::Write(self.name.clone(), e.to_string()))
    }
}

/// A stored sourcedId, or the row's id when it has none.
fn sourced(sourced_id: &Option<String>, id: Uuid) -> String {
    sourced_id.clone().unwrap_or_else(|| id.to_string())
}

type CourseRow = (Uuid, Option<Uuid>, String, Option<String>, Option<String>, Option<String>);
type ClassRow = (Uuid, Uuid, Uuid, String, Option<String>, Option<String>);
type UserRow = (Uuid, String, String, String, Option<String>, Option<Uuid>, Option<i64>, Option<String>, bool);

/// Writes the district `slug` into `dir` (created if needed); returns the number of users.
pub async fn export_district(db: &Db, slug: &str, dir: &Path) -> Result<usize, ExportError> {
    std::fs::create_dir_all(dir).map_err(|e| ExportError::Write(dir.display().to_string(), e.to_string()))?;
    let district: Option<(DistrictId, String, Option<String>)> = with_pool!(db, pool => {
        sqlx::query_as("SELECT id, name, sourced_id FROM districts WHERE slug = $1").bind(slug).fetch_optional(pool).await
    })?;
    let (district, name, district_sourced) = district.ok_or_else(|| ExportError::NoDistrict(slug.to_string()))?;
    let district_sourced = sourced(&district_sourced, district.uuid());
    let modified = "2026-08-01T00:00:00.000Z";
    let year = format!("{slug}-sy-2026");

    let mut manifest = Csv::create(dir, "manifest.csv", &["propertyName", "value"])?;
    for (property, value) in [
        ("manifest.version", "1.0"),
        ("oneroster.version", "1.2"),
        ("file.academicSessions", "bulk"),
        ("file.categories", "absent"),
        ("file.classes", "bulk"),
        ("file.classResources", "absent"),
        ("file.courses", "bulk"),
        ("file.courseResources", "absent"),
        ("file.demographics", "bulk"),
        ("file.enrollments", "bulk"),
        ("file.lineItems", "absent"),
        ("file.orgs", "bulk"),
        ("file.resources", "absent"),
        ("file.results", "absent"),
        ("file.roles", "bulk"),
        ("file.userProfiles", "absent"),
        ("file.users", "bulk"),
        ("source.systemName", "Pathways"),
    ] {
        manifest.row(&[property, value])?;
    }
    manifest.finish()?;

    let mut sessions = Csv::create(
        dir,
        "academicSessions.csv",
        &[
            "sourcedId",
            "status",
            "dateLastModified",
            "title",
            "type",
            "startDate",
            "endDate",
            "parentSourcedId",
            "schoolYear",
        ],
    )?;
    sessions.row(&[&year, "active", modified, "2026-2027", "schoolYear", "2026-08-15", "2027-06-10", "", "2027"])?;
    sessions.finish()?;

    let schools: Vec<(Uuid, String, Option<String>)> = with_pool!(db, pool => {
        sqlx::query_as("SELECT id, name, sourced_id FROM schools WHERE district_id = $1 ORDER BY name").bind(district).fetch_all(pool).await
    })?;
    let school_ids: HashMap<Uuid, String> = schools.iter().map(|(id, _, s)| (*id, sourced(s, *id))).collect();
    let mut orgs = Csv::create(
        dir,
        "orgs.csv",
        &["sourcedId", "status", "dateLastModified", "name", "type", "identifier", "parentSourcedId"],
    )?;
    orgs.row(&[&district_sourced, "active", modified, &name, "district", "", ""])?;
    for (id, school, _) in &schools {
        orgs.row(&[&school_ids[id], "active", modified, school, "school", "", &district_sourced])?;
    }
    orgs.finish()?;

    let courses: Vec<CourseRow> = with_pool!(db, pool => {
        sqlx::query_as("SELECT id, school_id, title, code, subject, sourced_id FROM courses WHERE district_id = $1 ORDER BY sourced_id")
            .bind(district).fetch_all(pool).await
    })?;
    let course_ids: HashMap<Uuid, String> = courses.iter().map(|c| (c.0, sourced(&c.5, c.0))).collect();
    let mut out = Csv::create(
        dir,
        "courses.csv",
        &[
            "sourcedId",
            "status",
            "dateLastModified",
            "schoolYearSourcedId",
            "title",
            "courseCode",
            "grades",
            "orgSourcedId",
            "subjects",
            "subjectCodes",
        ],
    )?;
    for (id, school, title, code, subject, _) in &courses {
        let org = school.and_then(|s| school_ids.get(&s).cloned()).unwrap_or_else(|| district_sourced.clone());
        out.row(&[
            &course_ids[id],
            "active",
            modified,
            &year,
            title,
            code.as_deref().unwrap_or(""),
            "",
            &org,
            subject.as_deref().unwrap_or(""),
            "",
        ])?;
    }
    out.finish()?;

    let classes: Vec<ClassRow> = with_pool!(db, pool => {
        sqlx::query_as("SELECT id, school_id, course_id, title, period, sourced_id FROM classes WHERE district_id = $1 ORDER BY sourced_id")
            .bind(district).fetch_all(pool).await
    })?;
    let class_ids: HashMap<Uuid, String> = classes.iter().map(|c| (c.0, sourced(&c.5, c.0))).collect();
    let mut out = Csv::create(
        dir,
        "classes.csv",
        &[
            "sourcedId",
            "status",
            "dateLastModified",
            "title",
            "grades",
            "courseSourcedId",
            "classCode",
            "classType",
            "location",
            "schoolSourcedId",
            "termSourcedIds",
            "subjects",
            "subjectCodes",
            "periods",
        ],
    )?;
    for (id, school, course, title, period, _) in &classes {
        out.row(&[
            &class_ids[id],
            "active",
            modified,
            title,
            "",
            &course_ids[course],
            "",
            "scheduled",
            "",
            &school_ids[school],
            &year,
            "",
            "",
            period.as_deref().unwrap_or(""),
        ])?;
    }
    out.finish()?;

    let users: Vec<UserRow> = with_pool!(db, pool => {
        sqlx::query_as("SELECT id, role, given_name, family_name, email, school_id, grade, sourced_id, active FROM users
             WHERE district_id = $1 AND role NOT IN ('partner', 'instance_admin') ORDER BY sourced_id, id")
            .bind(district).fetch_all(pool).await
    })?;
    let user_ids: HashMap<Uuid, String> = users.iter().map(|u| (u.0, sourced(&u.7, u.0))).collect();
    let pairs: Vec<(Uuid, Uuid)> = with_pool!(db, pool => {
        sqlx::query_as("SELECT g.guardian_id, g.student_id FROM guardianships g JOIN users s ON s.id = g.student_id WHERE s.district_id = $1")
            .bind(district).fetch_all(pool).await
    })?;
    let mut agents: HashMap<Uuid, Vec<&str>> = HashMap::new();
    for (guardian, student) in &pairs {
        if let (Some(g), Some(s)) = (user_ids.get(guardian), user_ids.get(student)) {
            agents.entry(*student).or_default().push(g);
            agents.entry(*guardian).or_default().push(s);
        }
    }
    let mut out = Csv::create(
        dir,
        "users.csv",
        &[
            "sourcedId",
            "status",
            "dateLastModified",
            "enabledUser",
            "username",
            "userIds",
            "givenName",
            "familyName",
            "middleName",
            "identifier",
            "email",
            "sms",
            "phone",
            "agentSourcedIds",
            "grades",
            "password",
            "primaryOrgSourcedId",
        ],
    )?;
    let mut roles = Csv::create(
        dir,
        "roles.csv",
        &[
            "sourcedId",
            "status",
            "dateLastModified",
            "userSourcedId",
            "roleType",
            "role",
            "orgSourcedId",
            "userProfileSourcedId",
            "beginDate",
            "endDate",
        ],
    )?;
    for (id, role, given, family, email, school, grade, _, active) in &users {
        let sourced_id = &user_ids[id];
        let org = school.and_then(|s| school_ids.get(&s).cloned()).unwrap_or_else(|| district_sourced.clone());
        let grade = grade.map(|g| format!("{g:02}")).unwrap_or_default();
        let agent_list = agents.get(id).map(|a| a.join(",")).unwrap_or_default();
        let enabled = if *active { "true" } else { "false" };
        out.row(&[
            sourced_id,
            "active",
            modified,
            enabled,
            email.as_deref().unwrap_or(sourced_id),
            "",
            given,
            family,
            "",
            "",
            email.as_deref().unwrap_or(""),
            "",
            "",
            &agent_list,
            &grade,
            "",
            &org,
        ])?;
        let one_roster_role = match role.as_str() {
            "school_admin" => "siteAdministrator",
            "district_admin" => "districtAdministrator",
            other => other,
        };
        roles.row(&[
            &format!("{sourced_id}-role"),
            "active",
            modified,
            sourced_id,
            "primary",
            one_roster_role,
            &org,
            "",
            "",
            "",
        ])?;
    }
    out.finish()?;
    roles.finish()?;

    let enrollments: Vec<(Uuid, Uuid, String)> = with_pool!(db, pool => {
        sqlx::query_as("SELECT e.class_id, e.user_id, e.role FROM enrollments e JOIN classes c ON c.id = e.class_id WHERE c.district_id = $1")
            .bind(district).fetch_all(pool).await
    })?;
    let class_school: HashMap<Uuid, Uuid> = classes.iter().map(|c| (c.0, c.1)).collect();
    let mut out = Csv::create(
        dir,
        "enrollments.csv",
        &[
            "sourcedId",
            "status",
            "dateLastModified",
            "classSourcedId",
            "schoolSourcedId",
            "userSourcedId",
            "role",
            "primary",
            "beginDate",
            "endDate",
        ],
    )?;
    for (class, user, role) in &enrollments {
        let (Some(class_sourced), Some(user_sourced)) = (class_ids.get(class), user_ids.get(user)) else { continue };
        let school = &school_ids[&class_school[class]];
        let primary = if role == "teacher" { "true" } else { "false" };
        out.row(&[
            &format!("{class_sourced}-{user_sourced}"),
            "active",
            modified,
            class_sourced,
            school,
            user_sourced,
            role,
            primary,
            "",
            "",
        ])?;
    }
    out.finish()?;

    let attributes: Vec<(Uuid, Option<String>, Option<String>)> = with_pool!(db, pool => {
        sqlx::query_as("SELECT a.student_id, a.sex, a.ethnicity FROM student_attributes a JOIN users u ON u.id = a.student_id WHERE u.district_id = $1")
            .bind(district).fetch_all(pool).await
    })?;
    let mut out = Csv::create(
        dir,
        "demographics.csv",
        &[
            "sourcedId",
            "status",
            "dateLastModified",
            "birthDate",
            "sex",
            "americanIndianOrAlaskaNative",
            "asian",
            "blackOrAfricanAmerican",
            "nativeHawaiianOrOtherPacificIslander",
            "white",
            "demographicRaceTwoOrMoreRaces",
            "hispanicOrLatinoEthnicity",
            "countryOfBirthCode",
            "stateOfBirthAbbreviation",
            "cityOfBirth",
            "publicSchoolResidenceStatus",
        ],
    )?;
    for (student, sex, ethnicity) in &attributes {
        let Some(sourced_id) = user_ids.get(student) else { continue };
        let is = |value: &str| if ethnicity.as_deref() == Some(value) { "true" } else { "false" };
        out.row(&[
            sourced_id,
            "active",
            modified,
            "",
            sex.as_deref().unwrap_or(""),
            is("american_indian"),
            is("asian"),
            is("black"),
            is("pacific_islander"),
            is("white"),
            is("two_or_more"),
            is("hispanic_latino"),
            "",
            "",
            "",
            "",
        ])?;
    }
    out.finish()?;
    Ok(users.len())
}
