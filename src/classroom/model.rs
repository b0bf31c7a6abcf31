//! Lessons and practices as the library keeps them, and what someone typed for one,
//! checked: lengths, grade band, activity type, visibility, and tags that name things the
//! framework has.

use std::collections::BTreeSet;

use time::{Date, OffsetDateTime};

use crate::error::AppError;
use crate::ids::{DistrictId, LessonId, SchoolId, UserId};
use crate::web::FormFields;

/// A lesson or unit a teacher connects to careers, or a practice staff share.
pub const KINDS: [&str; 2] = ["lesson", "practice"];
pub const ACTIVITY_TYPES: [&str; 6] =
    ["project", "interdisciplinary_project", "guest_speaker", "field_trip", "simulation", "discussion"];
/// Who sees a lesson besides its authors: only them, their school, their district, or
/// everyone on this instance.
pub const VISIBILITIES: [&str; 4] = ["private", "school", "district", "everyone"];
pub const GRADES: std::ops::RangeInclusive<i64> = 6..=12;

const MAX_TITLE: usize = 200;
const MAX_SUBJECT: usize = 100;
const MAX_SUMMARY: usize = 500;
/// About twenty pages of text: a unit plan, not a textbook.
pub const MAX_BODY: usize = 50_000;
const MAX_STANDARDS: usize = 2_000;
const MAX_LINKS: usize = 10;
const MAX_URL: usize = 500;
const MAX_TAGS: usize = 40;
pub const MAX_COMMENT: usize = 2_000;

/// The framework tags of a lesson, each sorted.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LessonTags {
    pub clusters: Vec<String>,
    pub subclusters: Vec<String>,
    /// O*NET-SOC codes (`23-1011.00`).
    pub occupations: Vec<String>,
    /// Practice ids (`cctc-2012/CRP4`).
    pub practices: Vec<String>,
    /// CASE item URIs of standards.
    pub case_items: Vec<String>,
}

impl LessonTags {
    /// (kind, ref) pairs as stored.
    pub fn pairs(&self) -> impl Iterator<Item = (&'static str, &String)> {
        self.clusters
            .iter()
            .map(|r| ("cluster", r))
            .chain(self.subclusters.iter().map(|r| ("subcluster", r)))
            .chain(self.occupations.iter().map(|r| ("occupation", r)))
            .chain(self.practices.iter().map(|r| ("practice", r)))
            .chain(self.case_items.iter().map(|r| ("case", r)))
    }

    pub fn push(&mut self, kind: &str, value: String) {
        match kind {
            "cluster" => self.clusters.push(value),
            "subcluster" => self.subclusters.push(value),
            "occupation" => self.occupations.push(value),
            "practice" => self.practices.push(value),
            _ => self.case_items.push(value),
        }
    }
}

/// A lesson as the library shows it.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Lesson {
    pub id: LessonId,
    pub district_id: DistrictId,
    pub school_id: Option<SchoolId>,
    pub author_id: UserId,
    pub author_name: String,
    pub kind: String,
    pub title: String,
    pub subject: String,
    pub grade_low: i64,
    pub grade_high: i64,
    pub summary: String,
    pub body: String,
    pub standards: String,
    pub links: String,
    pub activity_type: String,
    pub visibility: String,
    pub forked_from: Option<LessonId>,
    pub featured_at: Option<OffsetDateTime>,
    pub deleted_at: Option<OffsetDateTime>,
    pub version: i64,
    pub updated_at: OffsetDateTime,
    pub uses: i64,
    #[sqlx(skip)]
    pub tags: LessonTags,
    #[sqlx(skip)]
    pub coauthors: Vec<(UserId, String)>,
}

impl Lesson {
    pub fn link_list(&self) -> Vec<&str> {
        self.links.lines().map(str::trim).filter(|l| !l.is_empty()).collect()
    }

    pub fn is_author(&self, user: UserId) -> bool {
        self.author_id == user || self.coauthors.iter().any(|(id, _)| *id == user)
    }

    /// The input that would save this lesson unchanged (the start of a fork or an edit).
    pub fn input(&self) -> LessonInput {
        LessonInput {
            kind: self.kind.clone(),
            title: self.title.clone(),
            subject: self.subject.clone(),
            grade_low: self.grade_low,
            grade_high: self.grade_high,
            summary: self.summary.clone(),
            body: self.body.clone(),
            standards: self.standards.clone(),
            links: self.link_list().into_iter().map(str::to_string).collect(),
            activity_type: self.activity_type.clone(),
            visibility: self.visibility.clone(),
            tags: self.tags.clone(),
            coauthors: Vec::new(),
        }
    }
}

/// A lesson as listed in the library and among suggestions.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct LessonCard {
    pub id: LessonId,
    pub kind: String,
    pub title: String,
    pub subject: String,
    pub grade_low: i64,
    pub grade_high: i64,
    pub summary: String,
    pub activity_type: String,
    pub visibility: String,
    pub author_name: String,
    pub featured_at: Option<OffsetDateTime>,
    pub forked_from: Option<LessonId>,
    pub uses: i64,
    #[sqlx(skip)]
    pub tags: LessonTags,
}

/// A lesson as typed, checked. Tag ids are checked against the catalog separately
/// ([`super::pages`] knows the catalog).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LessonInput {
    pub kind: String,
    pub title: String,
    pub subject: String,
    pub grade_low: i64,
    pub grade_high: i64,
    pub summary: String,
    pub body: String,
    pub standards: String,
    pub links: Vec<String>,
    pub activity_type: String,
    pub visibility: String,
    pub tags: LessonTags,
    /// Emails of co-authors.
    pub coauthors: Vec<String>,
}

/// The message keys of a text field: when it is missing, when it is too long.
fn text_keys(field: &str) -> (&'static str, &'static str) {
    match field {
        "title" => ("error-field-lesson-title", "error-field-lesson-title-long"),
        "subject" => ("error-field-lesson-subject", "error-field-lesson-subject-long"),
        "summary" => ("error-field-lesson-summary", "error-field-lesson-summary-long"),
        "body" => ("error-field-lesson-body", "error-field-lesson-body-long"),
        _ => ("error-field-lesson-standards", "error-field-lesson-standards-long"),
    }
}

fn text_field(form: &FormFields, field: &str, max: usize, required: bool, what: &str) -> Result<String, AppError> {
    let value = form.get(field).trim().replace("\r\n", "\n");
    let length = value.chars().count();
    let (missing, long) = text_keys(field);
    if required && value.is_empty() {
        return Err(AppError::bad_request(field, missing, format!("write {what}")));
    }
    if length > max {
        return Err(AppError::bad_request(
            field,
            long,
            format!("{what} is {length} characters long; keep it to {max}"),
        ));
    }
    Ok(value)
}

fn one_of(form: &FormFields, field: &str, allowed: &[&str], key: &'static str) -> Result<String, AppError> {
    let value = form.get(field).trim();
    if allowed.contains(&value) {
        Ok(value.to_string())
    } else {
        Err(AppError::bad_request(field, key, format!("choose one of: {}", allowed.join(", "))))
    }
}

fn grade(form: &FormFields, field: &str) -> Result<i64, AppError> {
    form.get(field).trim().parse::<i64>().ok().filter(|g| GRADES.contains(g)).ok_or_else(|| {
        AppError::bad_request(
            field,
            "error-field-lesson-grades",
            "choose grades from 6 to 12, the first no higher than the last",
        )
    })
}

/// Lines or comma-separated items of a text field, trimmed, without blanks or repeats.
pub fn items(text: &str) -> Vec<String> {
    let mut seen = BTreeSet::new();
    text.split(['\n', ',', ';'])
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .filter(|item| seen.insert(item.to_string()))
        .map(str::to_string)
        .collect()
}

fn urls(form: &FormFields, field: &str) -> Result<Vec<String>, AppError> {
    let list: Vec<String> = form.get(field).split_whitespace().map(str::to_string).collect();
    if list.len() > MAX_LINKS {
        return Err(AppError::bad_request(
            field,
            "error-field-lesson-links-many",
            format!("{} links; keep it to {MAX_LINKS}", list.len()),
        ));
    }
    if let Some(bad) =
        list.iter().find(|u| !(u.starts_with("https://") || u.starts_with("http://")) || u.len() > MAX_URL)
    {
        return Err(AppError::bad_request(
            field,
            "error-field-lesson-links",
            format!("{bad:?} is not a web address; write each as https://…, one per line"),
        ));
    }
    Ok(list)
}

fn sorted(mut list: Vec<String>) -> Vec<String> {
    list.sort();
    list.dedup();
    list
}

/// Reads a lesson form: the fields the lesson editor sends.
pub fn checked(form: &FormFields) -> Result<LessonInput, AppError> {
    let kind = one_of(form, "kind", &KINDS, "error-field-lesson-kind")?;
    let title = text_field(form, "title", MAX_TITLE, true, "a title")?;
    let subject = text_field(form, "subject", MAX_SUBJECT, true, "the subject")?;
    let (grade_low, grade_high) = (grade(form, "grade_low")?, grade(form, "grade_high")?);
    if grade_low > grade_high {
        return Err(AppError::bad_request(
            "grade_high",
            "error-field-lesson-grades",
            "choose grades from 6 to 12, the first no higher than the last",
        ));
    }
    let summary = text_field(form, "summary", MAX_SUMMARY, true, "a one-sentence summary")?;
    let body = text_field(form, "body", MAX_BODY, false, "the lesson")?;
    let standards = text_field(form, "standards", MAX_STANDARDS, false, "the standards")?;
    let links = urls(form, "links")?;
    let case_items = urls(form, "case_items")?;
    let activity_type = one_of(form, "activity_type", &ACTIVITY_TYPES, "error-field-lesson-activity-type")?;
    let visibility = one_of(form, "visibility", &VISIBILITIES, "error-field-lesson-visibility")?;
    let occupations = items(&form.get("occupations").replace(' ', ","));
    let tags = LessonTags {
        clusters: sorted(form.all("cluster")),
        subclusters: sorted(form.all("subcluster")),
        occupations: sorted(occupations),
        practices: sorted(form.all("practice")),
        case_items: sorted(case_items),
    };
    let count = tags.pairs().count();
    if count > MAX_TAGS {
        return Err(AppError::bad_request(
            "tags",
            "error-field-lesson-tags-many",
            format!("{count} tags; keep it to {MAX_TAGS}, the careers the lesson really opens"),
        ));
    }
    let coauthors = items(&form.get("coauthors").to_lowercase());
    Ok(LessonInput {
        kind,
        title,
        subject,
        grade_low,
        grade_high,
        summary,
        body,
        standards,
        links,
        activity_type,
        visibility,
        tags,
        coauthors,
    })
}

/// Reads the date a lesson was taught: not in the future, not before the school year
/// before last.
pub fn taught_on(text: &str, today: Date) -> Result<Date, AppError> {
    let bad = || {
        AppError::bad_request(
            "taught_on",
            "error-field-taught-on",
            "give the date you taught it as YYYY-MM-DD, today or earlier in the last two years",
        )
    };
    let date =
        Date::parse(text.trim(), time::macros::format_description!("[year]-[month]-[day]")).map_err(|_| bad())?;
    if date > today || (today - date).whole_days() > 730 { Err(bad()) } else { Ok(date) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(pairs: &[(&str, &str)]) -> FormFields {
        FormFields::from_pairs(pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect())
    }

    fn valid() -> Vec<(&'static str, &'static str)> {
        vec![
            ("kind", "lesson"),
            ("title", " Hamlet on Trial "),
            ("subject", "English"),
            ("grade_low", "10"),
            ("grade_high", "12"),
            ("summary", "Argue from evidence."),
            ("body", "## Steps\r\n1. Read"),
            ("activity_type", "discussion"),
            ("visibility", "district"),
            ("subcluster", "judicial-systems"),
            ("subcluster", "judicial-systems"),
            ("occupations", "23-1011.00, 23-1023.00 23-1011.00"),
            ("links", "https://example.org/a\nhttps://example.org/b"),
        ]
    }

    #[test]
    fn a_valid_lesson_is_read_and_tidied() {
        let input = checked(&form(&valid())).unwrap();
        assert_eq!(input.title, "Hamlet on Trial");
        assert_eq!(input.body, "## Steps\n1. Read");
        assert_eq!(input.tags.subclusters, ["judicial-systems"]);
        assert_eq!(input.tags.occupations, ["23-1011.00", "23-1023.00"]);
        assert_eq!(input.links.len(), 2);
    }

    #[test]
    fn a_huge_body_is_refused_with_its_length() {
        let body = "a".repeat(MAX_BODY + 1);
        let mut pairs = valid();
        pairs.retain(|(k, _)| *k != "body");
        pairs.push(("body", &body));
        let error = checked(&form(&pairs)).unwrap_err();
        assert!(format!("{error:?}").contains("50001 characters"), "{error:?}");
    }

    #[test]
    fn bad_grades_links_and_choices_are_refused() {
        for (field, value) in [
            ("grade_low", "13"),
            ("grade_high", "9"),
            ("links", "javascript:alert(1)"),
            ("visibility", "public"),
            ("activity_type", "lecture"),
            ("title", "   "),
        ] {
            let mut pairs = valid();
            pairs.retain(|(k, _)| *k != field);
            pairs.push((field, value));
            assert!(checked(&form(&pairs)).is_err(), "{field}={value}");
        }
    }

    #[test]
    fn teaching_dates_are_not_in_the_future() {
        let today = time::macros::date!(2026 - 12 - 02);
        assert!(taught_on("2026-12-01", today).is_ok());
        assert!(taught_on("2026-12-03", today).is_err());
        assert!(taught_on("2020-01-01", today).is_err());
        assert!(taught_on("yesterday", today).is_err());
    }
}
