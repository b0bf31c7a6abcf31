//! The filters every insights page shares: school, grade and school year. A school
//! administrator's reports always cover their own school; a district administrator chooses.

use axum::response::{IntoResponse, Response};
use time::{Date, OffsetDateTime};

use super::store::{self, Scope};
use crate::app::AppState;
use crate::audit::{self, Action, Entry};
use crate::auth::SessionCtx;
use crate::auth::policy::{self, Permission};
use crate::db::Db;
use crate::error::AppError;
use crate::ids::{DistrictId, SchoolId};
use crate::orgs::model::{Role, User};
use crate::partners::exports::SchoolYear;
use crate::web::{FormFields, attachment};

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
    /// The start of every insights page and export: the viewer may see insights; the fields
    /// of the query, and the filters they choose.
    pub async fn of_request<'a>(
        state: &AppState,
        session: &'a SessionCtx,
        query: Option<String>,
    ) -> Result<(&'a User, FormFields, Self), AppError> {
        policy::check(&state.db, session.user(), Permission::ViewInsights).await?;
        let user = session.require_user()?;
        let fields = FormFields::from_query(query);
        let filters = Self::read(&state.db, Viewer::of(user)?, &fields, OffsetDateTime::now_utc().date()).await?;
        Ok((user, fields, filters))
    }

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

/// A CSV download of an insights table (`path` with the filters' query), its export in the
/// audit log with `detail`.
pub async fn csv_download(
    state: &AppState,
    session: &SessionCtx,
    (user, filters): (&User, &Filters),
    (path, detail, filename): (&str, &str, &str),
    csv: String,
) -> Result<Response, AppError> {
    let resource = format!("{path}?{}", filters.query());
    let entry = Entry::by(user, Action::Export, &resource).from_ip(session.ip()).detail(detail);
    let entry = Entry { district: Some(filters.scope.district), ..entry };
    audit::record(&state.db, &entry, OffsetDateTime::now_utc()).await?;
    Ok(session.attach((attachment("text/csv; charset=utf-8", filename), csv).into_response()))
}
