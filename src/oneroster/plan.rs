//! From rows to a plan: what each file says, checked against the others (every reference
//! must lead somewhere), mapped to Pathways' people (roles, schools, grades 6–12).

use foldhash::{HashMap, HashMapExt, HashSet};

use super::input::{InputError, Source};
use super::read::{FileSpec, Row, RowStatus, SeenIds, display_column, normalize_column, parse_date, read_file};
use super::report::Report;
use crate::orgs::model::Role;

pub const MANIFEST: FileSpec =
    FileSpec { columns: normalize_column, name: "manifest.csv", required: &["propertyname", "value"], known: &[] };
pub const ORGS: FileSpec = FileSpec {
    columns: normalize_column,
    name: "orgs.csv",
    required: &["sourcedid", "name", "type"],
    known: &["status", "datelastmodified", "identifier", "parentsourcedid"],
};
pub const SESSIONS: FileSpec = FileSpec {
    columns: normalize_column,
    name: "academicSessions.csv",
    required: &["sourcedid", "title", "type"],
    known: &["status", "datelastmodified", "startdate", "enddate", "parentsourcedid", "schoolyear"],
};
pub const COURSES: FileSpec = FileSpec {
    columns: normalize_column,
    name: "courses.csv",
    required: &["sourcedid", "title", "orgsourcedid"],
    known: &["status", "datelastmodified", "schoolyearsourcedid", "coursecode", "grades", "subjects", "subjectcodes"],
};
pub const CLASSES: FileSpec = FileSpec {
    columns: normalize_column,
    name: "classes.csv",
    required: &["sourcedid", "title", "coursesourcedid", "schoolsourcedid"],
    known: &[
        "status",
        "datelastmodified",
        "grades",
        "classcode",
        "classtype",
        "location",
        "termsourcedids",
        "subjects",
        "subjectcodes",
        "periods",
    ],
};
const USER_COLUMNS: &[&str] = &[
    "status",
    "datelastmodified",
    "enableduser",
    "orgsourcedids",
    "role",
    "username",
    "userids",
    "middlename",
    "identifier",
    "email",
    "sms",
    "phone",
    "agentsourcedids",
    "grades",
    "password",
    "usermasteridentifier",
    "resourcesourcedids",
    "preferredgivenname",
    "preferredmiddlename",
    "preferredfamilyname",
    "primaryorgsourcedid",
    "pronouns",
    "metadata",
];
pub const USERS: FileSpec = FileSpec {
    columns: normalize_column,
    name: "users.csv",
    required: &["sourcedid", "givenname", "familyname"],
    known: USER_COLUMNS,
};
pub const ROLES: FileSpec = FileSpec {
    columns: normalize_column,
    name: "roles.csv",
    required: &["usersourcedid", "role", "orgsourcedid"],
    known: &["sourcedid", "status", "datelastmodified", "roletype", "userprofilesourcedid", "begindate", "enddate"],
};
pub const PROFILES: FileSpec = FileSpec {
    columns: normalize_column,
    name: "userProfiles.csv",
    required: &["sourcedid", "usersourcedid"],
    known: &[
        "status",
        "datelastmodified",
        "profiletype",
        "vendorid",
        "applicationid",
        "description",
        "credentialtype",
        "username",
        "password",
    ],
};
pub const ENROLLMENTS: FileSpec = FileSpec {
    columns: normalize_column,
    name: "enrollments.csv",
    required: &["sourcedid", "classsourcedid", "usersourcedid", "role"],
    known: &["status", "datelastmodified", "schoolsourcedid", "primary", "begindate", "enddate"],
};
pub const DEMOGRAPHICS: FileSpec = FileSpec {
    columns: normalize_column,
    name: "demographics.csv",
    required: &["sourcedid"],
    known: &[
        "status",
        "datelastmodified",
        "birthdate",
        "sex",
        "americanindianoralaskanative",
        "asian",
        "blackorafricanamerican",
        "nativehawaiianorotherpacificislander",
        "white",
        "demographicracetwoormoreraces",
        "hispanicorlatinoethnicity",
        "countryofbirthcode",
        "stateofbirthabbreviation",
        "cityofbirth",
        "publicschoolresidencestatus",
    ],
};

/// OneRoster's version of a set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Version {
    V1_1,
    V1_2,
}

/// How a file of the set is meant: the whole truth, changes only, or not there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Bulk,
    Delta,
    Absent,
}

pub struct Manifest {
    pub version: Version,
    pub modes: HashMap<String, Mode>,
}

impl Manifest {
    pub fn mode(&self, file: &str) -> Mode {
        self.modes.get(&file.to_ascii_lowercase()).copied().unwrap_or(Mode::Absent)
    }
}

pub fn read_manifest(source: &Source, report: &mut Report) -> Result<Option<Manifest>, InputError> {
    let mut properties: HashMap<String, (String, u64)> = HashMap::new();
    let found = read_file(source, &MANIFEST, report, |row, _| {
        properties.insert(row.get("propertyname").to_ascii_lowercase(), (row.get("value").to_string(), row.line));
    })?;
    report.counts.remove("manifest.csv");
    if !found {
        report.error(
            "manifest.csv",
            None,
            None,
            "the set has no manifest.csv; OneRoster 1.1 and 1.2 sets start with one",
        );
        return Ok(None);
    }
    let version = match properties.get("oneroster.version").map(|(v, l)| (v.trim(), *l)) {
        Some(("1.1", _)) => Version::V1_1,
        Some(("1.2", _)) => Version::V1_2,
        Some((other, line)) => {
            report.error(
                "manifest.csv",
                Some(line),
                Some("value"),
                format!("oneroster.version is {other:?}; Pathways reads OneRoster 1.1 and 1.2 sets"),
            );
            return Ok(None);
        }
        None => {
            report.error("manifest.csv", None, None, "oneroster.version is missing; add the row oneroster.version,1.2");
            return Ok(None);
        }
    };
    let mut modes = HashMap::new();
    for (property, (value, line)) in &properties {
        let Some(file) = property.strip_prefix("file.") else { continue };
        let name = format!("{}.csv", file.to_ascii_lowercase());
        let mode = match value.trim().to_ascii_lowercase().as_str() {
            "bulk" => Mode::Bulk,
            "delta" => Mode::Delta,
            "absent" | "" => Mode::Absent,
            other => {
                report.error(
                    "manifest.csv",
                    Some(*line),
                    Some("value"),
                    format!("{property} is {other:?}; use bulk, delta or absent"),
                );
                continue;
            }
        };
        if mode == Mode::Absent && source.has(&name) {
            report.warn(
                "absent",
                "manifest.csv",
                Some(*line),
                None,
                format!("{name} is in the set but the manifest says absent; it was ignored"),
            );
        }
        if mode != Mode::Absent && !source.has(&name) {
            report.error(
                "manifest.csv",
                Some(*line),
                None,
                format!("the manifest lists {name} as {value} but the set has no such file"),
            );
        }
        modes.insert(name, mode);
    }
    Ok(Some(Manifest { version, modes }))
}

#[derive(Clone, Debug)]
pub struct Org {
    pub line: u64,
    pub sourced_id: String,
    pub name: String,
    pub kind: String,
    pub parent: Option<String>,
}

#[derive(Clone, Debug)]
pub struct Course {
    pub sourced_id: String,
    pub title: String,
    pub code: Option<String>,
    pub subject: Option<String>,
    pub org: String,
}

#[derive(Clone, Debug)]
pub struct Class {
    pub sourced_id: String,
    pub title: String,
    pub course: String,
    pub school: String,
    pub period: Option<String>,
}

#[derive(Clone, Debug)]
pub struct Person {
    pub line: u64,
    pub sourced_id: String,
    pub active: bool,
    pub given: String,
    pub family: String,
    pub email: Option<String>,
    pub role: Option<(String, u64)>,
    pub orgs: Vec<String>,
    pub agents: Vec<String>,
    pub grades: Vec<String>,
}

#[derive(Clone, Debug)]
pub struct Enrollment {
    pub line: u64,
    pub class: String,
    pub user: String,
    pub role: String,
    pub active: bool,
}

#[derive(Clone, Debug, Default)]
pub struct Demographic {
    pub line: u64,
    pub sex: Option<String>,
    pub ethnicity: Option<String>,
}

/// The files of a set, in the order they are read (and problems are listed).
pub const SET_FILES: [&str; 10] = [
    "manifest.csv",
    "orgs.csv",
    "academicSessions.csv",
    "courses.csv",
    "classes.csv",
    "users.csv",
    "roles.csv",
    "userProfiles.csv",
    "enrollments.csv",
    "demographics.csv",
];

/// What a set says of its organizations, courses, classes and people, read and checked.
#[derive(Default)]
pub struct Parsed {
    pub orgs: Vec<Org>,
    pub courses: Vec<Course>,
    pub classes: Vec<Class>,
    pub people: Vec<Person>,
    pub modes: HashMap<String, Mode>,
}

/// What the set says of enrollments and demographics (most of its bytes), read and checked.
#[derive(Default)]
pub struct Attachments {
    pub enrollments: Vec<Enrollment>,
    pub demographics: HashMap<String, Demographic>,
}

/// The classes and people enrollments and demographics may name: the set's and the
/// district's.
pub struct References {
    existing: Existing,
    classes: SeenIds,
    users: SeenIds,
}

impl References {
    fn class(&self, id: &str) -> bool {
        self.classes.contains(id) || self.existing.classes.contains(id)
    }

    fn user(&self, id: &str) -> bool {
        self.users.contains(id) || self.existing.users.contains(id)
    }

    /// Keeps the enrollments and demographics whose classes and people are the set's or the
    /// district's; each other one is an error.
    pub fn check(&self, attachments: &mut Attachments, report: &mut Report) {
        attachments.enrollments.retain(|e| {
            let class = Reference { file: "enrollments.csv", line: e.line, column: "classsourcedid", id: &e.class };
            let class = class.check(self.class(&e.class), "classes.csv", report);
            let user = Reference { file: "enrollments.csv", line: e.line, column: "usersourcedid", id: &e.user };
            class & user.check(self.user(&e.user), "users.csv", report)
        });
        attachments.demographics.retain(|id, demographic| {
            let student = Reference { file: "demographics.csv", line: demographic.line, column: "sourcedid", id };
            student.check(self.user(id), "users.csv", report)
        });
    }
}

/// Where a row names a row of another file.
struct Reference<'a> {
    file: &'static str,
    line: u64,
    /// Normalized.
    column: &'static str,
    id: &'a str,
}

impl Reference<'_> {
    /// Whether the id names a `known` row of `target`, with an error when it is empty or
    /// names nothing.
    fn names(&self, known: &dyn Fn(&str) -> bool, target: &str, report: &mut Report) -> bool {
        if self.id.is_empty() {
            empty_reference(self.file, self.line, self.column, target, report);
            return false;
        }
        self.check(known(self.id), target, report)
    }

    /// `found`, with an error when not.
    fn check(&self, found: bool, target: &str, report: &mut Report) -> bool {
        if !found {
            let column = display_column(self.column);
            let message =
                format!("{column} {:?} is not in {target}; fix the reference or add the missing row", self.id);
            report.error(self.file, Some(self.line), Some(&column), message);
        }
        found
    }
}

/// Whether `row` names something in its column `normalized`; an error when it is empty.
fn named(row: &Row, normalized: &'static str, target: &str, report: &mut Report) -> bool {
    if !row.get(normalized).is_empty() {
        return true;
    }
    empty_reference(row.file, row.line, normalized, target, report);
    false
}

fn empty_reference(file: &str, line: u64, normalized: &str, target: &str, report: &mut Report) {
    let column = display_column(normalized);
    report.error(file, Some(line), Some(&column), format!("{column} is empty; it must name a row of {target}"));
}

/// Whether `row` names a `known` row of `target` in its column `normalized`.
fn reference(
    row: &Row,
    normalized: &'static str,
    known: &dyn Fn(&str) -> bool,
    target: &str,
    report: &mut Report,
) -> bool {
    Reference { file: row.file, line: row.line, column: normalized, id: row.get(normalized) }
        .names(known, target, report)
}

fn check_date(row: &Row, normalized: &str, report: &mut Report) {
    let value = row.get(normalized);
    if !value.is_empty() && parse_date(value).is_none() {
        let column = display_column(normalized);
        let column = column.as_str();
        report.warn(
            &format!("date {column}"),
            row.file,
            Some(row.line),
            Some(column),
            format!("{column} {value:?} is not a date Pathways can read (2026-09-01 or 09/01/2026); it was ignored"),
        );
    }
}

fn wanted(manifest: &Manifest, spec: &FileSpec) -> bool {
    manifest.mode(spec.name) != Mode::Absent
}

/// Reads the files of the set up to the people (orgs to userProfiles; the rows of roles.csv
/// come from `role_rows`, read meanwhile); references are checked against the set and
/// `existing` (sourcedIds already in the district, for delta sets). Returns what later files
/// may refer to.
pub fn read_people(
    source: &Source,
    manifest: &Manifest,
    existing: Existing,
    role_rows: impl FnOnce() -> Result<Vec<RoleRow>, InputError>,
    report: &mut Report,
) -> Result<(Parsed, References), InputError> {
    let mut parsed = Parsed { modes: manifest.modes.clone(), ..Parsed::default() };
    let wanted = |spec: &FileSpec| wanted(manifest, spec);

    let mut org_ids = SeenIds::default();
    if wanted(&ORGS) {
        read_file(source, &ORGS, report, |row, report| {
            let Some(id) = org_ids.first(row, "sourcedid", report) else { return };
            if row.status(report) == RowStatus::ToBeDeleted {
                report.count(row.file).skipped += 1;
                return;
            }
            parsed.orgs.push(Org {
                line: row.line,
                sourced_id: id,
                name: row.get("name").to_string(),
                kind: row.get("type").to_ascii_lowercase(),
                parent: row.optional("parentsourcedid"),
            });
        })?;
    }
    let org_known = |id: &str| org_ids.contains(id) || existing.orgs.contains(id);

    let mut session_ids = SeenIds::default();
    if wanted(&SESSIONS) {
        read_file(source, &SESSIONS, report, |row, report| {
            if session_ids.first(row, "sourcedid", report).is_some() {
                check_date(row, "startdate", report);
                check_date(row, "enddate", report);
                report.count(row.file).skipped += 1;
            }
        })?;
    }

    let mut course_ids = SeenIds::default();
    if wanted(&COURSES) {
        read_file(source, &COURSES, report, |row, report| {
            let Some(id) = course_ids.first(row, "sourcedid", report) else { return };
            if !reference(row, "orgsourcedid", &org_known, "orgs.csv", report) {
                return;
            }
            parsed.courses.push(Course {
                sourced_id: id,
                title: row.get("title").to_string(),
                code: row.optional("coursecode"),
                subject: row.list("subjects").into_iter().next(),
                org: row.get("orgsourcedid").to_string(),
            });
        })?;
    }
    let course_known = |id: &str| course_ids.contains(id) || existing.courses.contains(id);

    let mut class_ids = SeenIds::default();
    if wanted(&CLASSES) {
        read_file(source, &CLASSES, report, |row, report| {
            let Some(id) = class_ids.first(row, "sourcedid", report) else { return };
            let course = reference(row, "coursesourcedid", &course_known, "courses.csv", report);
            let school = reference(row, "schoolsourcedid", &org_known, "orgs.csv", report);
            for term in row.list("termsourcedids") {
                if !session_ids.contains(&term) && wanted(&SESSIONS) {
                    report.error(
                        row.file,
                        Some(row.line),
                        Some("termSourcedIds"),
                        format!("term {term:?} is not in academicSessions.csv"),
                    );
                }
            }
            if course && school {
                parsed.classes.push(Class {
                    sourced_id: id,
                    title: row.get("title").to_string(),
                    course: row.get("coursesourcedid").to_string(),
                    school: row.get("schoolsourcedid").to_string(),
                    period: row.list("periods").into_iter().next(),
                });
            }
        })?;
    }

    let mut user_ids = SeenIds::default();
    if wanted(&USERS) {
        read_file(source, &USERS, report, |row, report| {
            let Some(id) = user_ids.first(row, "sourcedid", report) else { return };
            let enabled = !matches!(row.get("enableduser").to_ascii_lowercase().as_str(), "false" | "0" | "no" | "n");
            let mut orgs = row.list("orgsourcedids");
            if let Some(primary) = row.optional("primaryorgsourcedid") {
                orgs.retain(|o| *o != primary);
                orgs.insert(0, primary);
            }
            for org in &orgs {
                if !org_known(org) {
                    report.error(
                        row.file,
                        Some(row.line),
                        Some("orgSourcedIds"),
                        format!("org {org:?} is not in orgs.csv"),
                    );
                }
            }
            let role = row.optional("role").map(|r| (r, row.line));
            if manifest.version == Version::V1_1 && role.is_none() {
                report.error(
                    row.file,
                    Some(row.line),
                    Some("role"),
                    "role is empty; OneRoster 1.1 users need one (student, teacher, …)",
                );
            }
            check_date(row, "datelastmodified", report);
            parsed.people.push(Person {
                line: row.line,
                sourced_id: id,
                active: enabled && row.status(report) == RowStatus::Active,
                given: row.get("givenname").to_string(),
                family: row.get("familyname").to_string(),
                email: row.optional("email").map(|e| e.to_lowercase()),
                role,
                orgs,
                agents: row.list("agentsourcedids"),
                grades: row.list("grades"),
            });
        })?;
    }
    let user_known = |id: &str| user_ids.contains(id) || existing.users.contains(id);
    for person in &parsed.people {
        for agent in &person.agents {
            if !user_known(agent) {
                report.error(
                    "users.csv",
                    Some(person.line),
                    Some("agentSourcedIds"),
                    format!("agent {agent:?} is not in users.csv"),
                );
            }
        }
    }

    let mut roles: HashMap<String, (String, String, u64, bool)> = HashMap::new();
    for row in role_rows()? {
        let user = Reference { file: ROLES.name, line: row.line, column: "usersourcedid", id: &row.user };
        let org = Reference { file: ROLES.name, line: row.line, column: "orgsourcedid", id: &row.org };
        if !user.names(&user_known, "users.csv", report) || !org.names(&org_known, "orgs.csv", report) {
            continue;
        }
        let replace = roles.get(&row.user).is_none_or(|(_, _, _, was_primary)| row.primary && !was_primary);
        report.count(ROLES.name).imported += 1;
        if replace {
            roles.insert(row.user, (row.role, row.org, row.line, row.primary));
        }
    }
    for person in &mut parsed.people {
        if let Some((role, org, line, _)) = roles.remove(&person.sourced_id) {
            person.role = Some((role, line));
            person.orgs.retain(|o| *o != org);
            person.orgs.insert(0, org);
        }
    }
    if manifest.version == Version::V1_2 && wanted(&PROFILES) {
        read_file(source, &PROFILES, report, |row, report| {
            if reference(row, "usersourcedid", &user_known, "users.csv", report) {
                report.count(row.file).skipped += 1;
            }
        })?;
    }
    Ok((parsed, References { existing, classes: class_ids, users: user_ids }))
}

/// A row of roles.csv (OneRoster 1.2): read apart from users.csv, checked against it after.
pub struct RoleRow {
    line: u64,
    user: String,
    org: String,
    role: String,
    primary: bool,
}

/// Reads roles.csv, whose rows [`read_people`] checks and gives to the people it read.
pub fn read_roles(source: &Source, manifest: &Manifest, report: &mut Report) -> Result<Vec<RoleRow>, InputError> {
    let mut rows = Vec::new();
    if manifest.version == Version::V1_2 && wanted(manifest, &ROLES) {
        read_file(source, &ROLES, report, |row, _| {
            rows.push(RoleRow {
                line: row.line,
                user: row.get("usersourcedid").to_string(),
                org: row.get("orgsourcedid").to_string(),
                role: row.get("role").to_string(),
                primary: !row.get("roletype").eq_ignore_ascii_case("secondary"),
            })
        })?;
    }
    Ok(rows)
}

/// Reads enrollments and demographics; what they name is checked by [`References::check`]
/// once the people are read, so they can be read at the same time.
pub fn read_attachments(source: &Source, manifest: &Manifest, report: &mut Report) -> Result<Attachments, InputError> {
    let mut attachments = Attachments::default();
    if wanted(manifest, &ENROLLMENTS) {
        let mut enrollment_ids = SeenIds::default();
        read_file(source, &ENROLLMENTS, report, |row, report| {
            if enrollment_ids.first(row, "sourcedid", report).is_none() {
                return;
            }
            let class = named(row, "classsourcedid", "classes.csv", report);
            let user = named(row, "usersourcedid", "users.csv", report);
            check_date(row, "begindate", report);
            check_date(row, "enddate", report);
            if class && user {
                attachments.enrollments.push(Enrollment {
                    line: row.line,
                    class: row.get("classsourcedid").to_string(),
                    user: row.get("usersourcedid").to_string(),
                    role: row.get("role").to_ascii_lowercase(),
                    active: row.status(report) == RowStatus::Active,
                });
            }
        })?;
    }

    if wanted(manifest, &DEMOGRAPHICS) {
        let mut seen = SeenIds::default();
        read_file(source, &DEMOGRAPHICS, report, |row, report| {
            let Some(id) = seen.first(row, "sourcedid", report) else { return };
            check_date(row, "birthdate", report);
            attachments.demographics.insert(id, demographic(row));
        })?;
    }
    Ok(attachments)
}

fn yes(value: &str) -> bool {
    matches!(value.trim().to_ascii_lowercase().as_str(), "true" | "1" | "yes" | "y" | "t")
}

fn demographic(row: &Row) -> Demographic {
    let sex = match row.get("sex").to_ascii_lowercase().as_str() {
        "" => None,
        "male" | "m" => Some("male"),
        "female" | "f" => Some("female"),
        "unspecified" => None,
        _ => Some("other"),
    };
    let races: Vec<&str> = [
        ("americanindianoralaskanative", "american_indian"),
        ("asian", "asian"),
        ("blackorafricanamerican", "black"),
        ("nativehawaiianorotherpacificislander", "pacific_islander"),
        ("white", "white"),
    ]
    .into_iter()
    .filter(|(column, _)| yes(row.get(column)))
    .map(|(_, name)| name)
    .collect();
    let ethnicity = if yes(row.get("hispanicorlatinoethnicity")) {
        Some("hispanic_latino")
    } else if races.len() > 1 || yes(row.get("demographicracetwoormoreraces")) {
        Some("two_or_more")
    } else {
        races.first().copied()
    };
    Demographic { line: row.line, sex: sex.map(str::to_string), ethnicity: ethnicity.map(str::to_string) }
}

/// SourcedIds already stored for the district (delta sets refer to them).
#[derive(Default)]
pub struct Existing {
    pub orgs: HashSet<String>,
    pub courses: HashSet<String>,
    pub classes: HashSet<String>,
    pub users: HashSet<String>,
}

/// What Pathways makes of a OneRoster role; `None` for roles it does not serve.
pub fn map_role(role: &str, org_is_district: bool) -> Option<Role> {
    Some(match role.to_ascii_lowercase().as_str() {
        "student" => Role::Student,
        "teacher" => Role::Teacher,
        "counselor" => Role::Counselor,
        "guardian" | "parent" | "relative" => Role::Guardian,
        "districtadministrator" => Role::DistrictAdmin,
        "administrator" | "principal" | "siteadministrator" if org_is_district => Role::DistrictAdmin,
        "administrator" | "principal" | "siteadministrator" => Role::SchoolAdmin,
        _ => return None,
    })
}

/// The grade Pathways keeps for a student: 6–12 from `06`, `9`, `10`…; `None` otherwise.
pub fn grade_of(grades: &[String]) -> Option<i64> {
    grades.iter().filter_map(|g| g.trim().parse::<i64>().ok()).filter(|g| (6..=12).contains(g)).max()
}
