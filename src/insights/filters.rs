//! The filters every insights page shares: school, grade and school year. A school
//! administrator's reports always cover their own school; a district administrator chooses.

use time::Date;

use super::store::{self, Scope};
use crate::db::Db;
use crate::error::AppError;
use crate::ids::{DistrictId, SchoolId};
use crate::orgs::model::{Role, User};
use crate::partners::exports::SchoolYear;
use crate::web::FormFields;

/// Years a report offers, counting back from the current one.
const YEARS_BACK: i32 = 4;

/// Whose reports these are: a district, fixed to one school for a school administrator.
#[derive(Clone, Copy, Debug)]
pub struct Viewer {
    pub district: DistrictId,
    pub school: Option<SchoolId>,
}

impl Viewer {
    /// An administrator's reach: a district administrator's district, or a school
    /// administrator's school.
    pub fn of(user: &User) -> Result<Self, AppError> {
        let district = user.district_id.ok_or(AppError::Denied)?;
        match user.role {
            Role::DistrictAdmin => Ok(Self { district, school: None }),
            _ => Ok(Self { district, school: Some(user.school_id.ok_or(AppError::Denied)?) }),
        }
    }
}

/// The filters as read from the query, with the choices the form offers.
#[derive(Clone, Debug)]
pub struct Filters {
    pub scope: Scope,
    /// Schools the viewer may choose (one for a school administrator).
    pub schools: Vec<(SchoolId, String)>,
    pub years: Vec<String>,
    /// The viewer's reports are fixed to one school.
    pub school_only: bool,
}

impl Filters {
    /// Reads `school`, `grade` and `year` for `viewer`, refusing a school of another district.
    pub async fn read(db: &Db, viewer: Viewer, fields: &FormFields, today: Date) -> Result<Self, AppError> {
        let district = viewer.district;
        let school_only = viewer.school.is_some();
        let mut schools = store::schools(db, district).await?;
        if school_only {
            schools.retain(|(id, _)| Some(*id) == viewer.school);
        }
        let school = match fields.get("school").trim() {
            "" if school_only => Some(schools.first().ok_or(AppError::Denied)?.0),
            "" => None,
            text => Some(schools.iter().map(|(id, _)| *id).find(|id| id.to_string() == text).ok_or_else(|| {
                AppError::bad_request("school", "error-field-school", "choose one of the listed schools")
            })?),
        };
        let grade = match fields.get("grade").trim() {
            "" => None,
            text => Some(text.parse::<i64>().ok().filter(|g| (6..=12).contains(g)).ok_or_else(|| {
                AppError::bad_request("grade", "error-field-grade", "give a grade from 6 to 12, or leave it empty")
            })?),
        };
        let year = SchoolYear::parse(fields.get("year"), today)?;
        let current = SchoolYear::of(today).start.year();
        let years = (current - YEARS_BACK..=current).rev().filter_map(SchoolYear::starting).map(|y| y.label).collect();
        Ok(Self { scope: Scope { district, school, grade, year }, schools, years, school_only })
    }

    /// The query string that repeats these filters (for links and downloads).
    pub fn query(&self) -> String {
        let mut pairs = vec![("year", self.scope.year.label.clone())];
        if let Some(school) = self.scope.school.filter(|_| !self.school_only) {
            pairs.push(("school", school.to_string()));
        }
        if let Some(grade) = self.scope.grade {
            pairs.push(("grade", grade.to_string()));
        }
        serde_urlencoded::to_string(pairs).unwrap_or_default()
    }

    pub fn is_school(&self, id: &SchoolId) -> bool {
        self.scope.school == Some(*id)
    }

    pub fn is_grade(&self, grade: &i64) -> bool {
        self.scope.grade == Some(*grade)
    }

    /// The name of a school of the district, or its id when it is not listed.
    pub fn school_name(&self, id: SchoolId) -> String {
        self.schools.iter().find(|(s, _)| *s == id).map_or_else(|| id.to_string(), |(_, name)| name.clone())
    }
}
