//! The words of work-based learning: kinds of partners and opportunities, the statuses an
//! application moves through, the school's approval checklist, the consent form each kind
//! of opportunity needs, and the checking of what partners and students type.

use time::Date;

use crate::error::AppError;
use crate::web::{FormFields, iso_date};

pub const ORGANIZATION_KINDS: [&str; 4] = ["employer", "college", "nonprofit", "government"];

pub const VETTING_KINDS: [&str; 3] = ["background_check", "insurance", "agreement"];

/// Everything a partner offers; students apply to all but guest speakers, whom teachers
/// request for a class.
pub const OPPORTUNITY_KINDS: [&str; 10] = [
    "guest_speaker",
    "career_fair",
    "field_trip",
    "job_shadow",
    "internship",
    "pre_apprenticeship",
    "apprenticeship",
    "dual_enrollment",
    "mentoring",
    "virtual",
];

pub const TRANSPORTATION: [&str; 4] = ["none", "provided", "school", "student"];

/// What the school confirms before approving an application.
pub const CHECKLIST: [&str; 4] = ["eligible", "good_standing", "transportation", "plan_fit"];

/// Statuses that hold a seat until the placement ends.
pub const ACTIVE: [&str; 3] = ["applied", "approved", "placed"];

const MAX_TITLE: usize = 200;
const MAX_TEXT: usize = 5000;
const MAX_LOCATION: usize = 300;
const MAX_CAPACITY: i64 = 500;

/// The consent form a guardian signs for an opportunity of `kind`: its locale key names
/// what the guardian agrees to (travel, a work site, a college course…).
pub fn consent_form(kind: &str) -> &'static str {
    match kind {
        "field_trip" | "career_fair" => "trip",
        "job_shadow" | "mentoring" => "worksite_visit",
        "internship" | "pre_apprenticeship" | "apprenticeship" => "work_placement",
        "dual_enrollment" => "college_course",
        _ => "virtual",
    }
}

/// Whether students log hours on placements of `kind` (single-day events have none).
pub fn logs_hours(kind: &str) -> bool {
    !matches!(kind, "guest_speaker" | "career_fair" | "field_trip")
}

/// A time of day typed as `HH:MM` (as browsers send it) or `9:30 am`, as minutes since
/// midnight; `24:00` ends a day.
pub fn minutes_of_day(text: &str) -> Option<i64> {
    let text = text.trim().to_ascii_lowercase();
    let (clock, offset) = if let Some(rest) = text.strip_suffix("pm") {
        (rest.trim(), 12 * 60)
    } else if let Some(rest) = text.strip_suffix("am") {
        (rest.trim(), 0)
    } else {
        (text.as_str(), -1)
    };
    let (hours, minutes) = clock.split_once(':')?;
    let (hours, minutes): (i64, i64) = (hours.parse().ok()?, minutes.parse().ok()?);
    if !(0..=59).contains(&minutes) || hours < 0 {
        return None;
    }
    let hours = match offset {
        -1 if hours <= 24 => hours,
        0 if (1..=12).contains(&hours) => hours % 12,
        720 if (1..=12).contains(&hours) => hours % 12 + 12,
        _ => return None,
    };
    let total = hours * 60 + minutes;
    (total <= 24 * 60).then_some(total)
}

/// `570` as `09:30`.
pub fn clock(minutes: i64) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

/// An opportunity as a partner typed it, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpportunityInput {
    pub kind: String,
    pub title: String,
    pub description: String,
    pub subcluster: String,
    /// An O*NET-SOC code ("29-2052.00"), checked against the catalog by the caller.
    pub occupation: Option<String>,
    pub starts_on: Date,
    pub ends_on: Date,
    pub location: String,
    pub capacity: i64,
    pub paid: bool,
    pub min_grade: i64,
    pub min_age: Option<i64>,
    pub needs_approval: bool,
    pub transportation: String,
}

pub(super) fn bad(field: &str, key: &'static str, message: &str) -> AppError {
    AppError::bad_request(field, key, message)
}

pub(super) fn bounded_text(form: &FormFields, field: &str, max: usize, required: bool) -> Result<String, AppError> {
    let value = form.get(field).trim().to_string();
    if (required && value.is_empty()) || value.chars().count() > max {
        return Err(bad(field, "error-field-opportunity-text", "fill this in, within the length allowed"));
    }
    Ok(value)
}

pub(super) fn whole_number(
    form: &FormFields,
    field: &str,
    range: std::ops::RangeInclusive<i64>,
) -> Result<i64, AppError> {
    form.get(field)
        .trim()
        .parse()
        .ok()
        .filter(|n| range.contains(n))
        .ok_or_else(|| bad(field, "error-field-opportunity-number", "give a whole number in the range allowed"))
}

/// Reads an opportunity form; `subclusters` are the framework's ids.
pub fn checked_opportunity(form: &FormFields, subclusters: &[String]) -> Result<OpportunityInput, AppError> {
    let kind = form.get("kind").trim().to_string();
    if !OPPORTUNITY_KINDS.contains(&kind.as_str()) {
        return Err(bad("kind", "error-field-opportunity-kind", "choose what kind of opportunity this is"));
    }
    let subcluster = form.get("subcluster").trim().to_string();
    if !subclusters.contains(&subcluster) {
        return Err(bad("subcluster", "error-field-speaker-subcluster", "choose the sub-cluster it belongs to"));
    }
    let dates = (iso_date(form.get("starts_on")), iso_date(form.get("ends_on")));
    let (Some(starts_on), Some(ends_on)) = dates else {
        return Err(bad("starts_on", "error-field-opportunity-dates", "give the first and last day as YYYY-MM-DD"));
    };
    if ends_on < starts_on {
        return Err(bad("ends_on", "error-field-opportunity-dates", "the last day comes on or after the first"));
    }
    let transportation = form.get("transportation").trim().to_string();
    if !TRANSPORTATION.contains(&transportation.as_str()) {
        return Err(bad("transportation", "error-field-opportunity-kind", "say how students get there"));
    }
    let min_age = match form.get("min_age").trim() {
        "" => None,
        _ => Some(whole_number(form, "min_age", 10..=21)?),
    };
    Ok(OpportunityInput {
        kind,
        title: bounded_text(form, "title", MAX_TITLE, true)?,
        description: bounded_text(form, "description", MAX_TEXT, true)?,
        subcluster,
        occupation: Some(form.get("occupation").trim().to_string()).filter(|code| !code.is_empty()),
        starts_on,
        ends_on,
        location: bounded_text(form, "location", MAX_LOCATION, true)?,
        capacity: whole_number(form, "capacity", 1..=MAX_CAPACITY)?,
        paid: form.get("paid") == "true",
        min_grade: whole_number(form, "min_grade", 6..=12)?,
        min_age,
        needs_approval: form.get("needs_approval") == "true",
        transportation,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_of_day_read_as_browsers_and_people_type_them() {
        assert_eq!(minutes_of_day("09:30"), Some(570));
        assert_eq!(minutes_of_day("9:30 am"), Some(570));
        assert_eq!(minutes_of_day("12:15 PM"), Some(735));
        assert_eq!(minutes_of_day("12:00 am"), Some(0));
        assert_eq!(minutes_of_day("1:05pm"), Some(785));
        assert_eq!(minutes_of_day("24:00"), Some(1440));
        for bad in ["", "noon", "25:00", "9", "9:60", "13:00 pm", "-1:00", "24:30"] {
            assert_eq!(minutes_of_day(bad), None, "{bad}");
        }
        assert_eq!(clock(570), "09:30");
    }

    #[test]
    fn opportunities_need_a_kind_a_field_dates_and_room() {
        let fields = |extra: &[(&str, &str)]| {
            let mut pairs: Vec<(String, String)> = [
                ("kind", "internship"),
                ("title", "Patient care intern"),
                ("description", "Six weeks on the wards"),
                ("subcluster", "physical-health"),
                ("starts_on", "2027-06-14"),
                ("ends_on", "2027-07-23"),
                ("location", "Main campus"),
                ("capacity", "5"),
                ("min_grade", "11"),
                ("transportation", "student"),
                ("needs_approval", "true"),
            ]
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
            for (k, v) in extra {
                pairs.retain(|(key, _)| key != k);
                pairs.push((k.to_string(), v.to_string()));
            }
            FormFields::from_pairs(pairs)
        };
        let known = vec!["physical-health".to_string()];
        let ok = checked_opportunity(&fields(&[]), &known).unwrap();
        assert_eq!((ok.capacity, ok.min_age, ok.needs_approval), (5, None, true));
        for bad in [
            ("kind", "party"),
            ("subcluster", "surgery"),
            ("ends_on", "2027-06-01"),
            ("starts_on", "June"),
            ("capacity", "0"),
            ("capacity", "many"),
            ("min_grade", "5"),
            ("min_age", "3"),
            ("title", " "),
            ("transportation", "teleport"),
        ] {
            assert!(checked_opportunity(&fields(&[bad]), &known).is_err(), "{bad:?}");
        }
    }
}
