//! The district's rules for students' working time on placements: the most hours a day and a
//! week (hours past them are refused) and the school day (hours inside it are flagged).

use askama::Template;
use axum::extract::{RawQuery, State};
use axum::response::{IntoResponse, Redirect, Response};

use super::hours::{self, Limits};
use super::model::{bad, clock, minutes_of_day, whole_number};
use crate::app::AppState;
use crate::auth::SessionCtx;
use crate::auth::policy;
use crate::error::AppError;
use crate::web::{FormFields, Layout, PageCtx, render};

/// Reads the limits form: whole hours a day (1–24) and a week (1–80, no fewer than a day's),
/// and a school day that ends after it starts.
pub fn checked(form: &FormFields) -> Result<Limits, AppError> {
    let day = whole_number(form, "hours_day", 1..=24)?;
    let week = whole_number(form, "hours_week", day..=80)?;
    let time = |field: &str| {
        minutes_of_day(form.get(field))
            .ok_or_else(|| bad(field, "error-field-hours-time", "give the time as HH:MM, for example 08:00"))
    };
    let (school_starts, school_ends) = (time("school_starts")?, time("school_ends")?);
    if school_ends <= school_starts {
        return Err(bad("school_ends", "error-field-school-day", "the school day ends after it starts"));
    }
    Ok(Limits { max_minutes_day: day * 60, max_minutes_week: week * 60, school_starts, school_ends })
}

#[derive(Template)]
#[template(path = "partners/limits.html")]
struct LimitsPage {
    layout: Layout,
    csrf: String,
    hours_day: i64,
    hours_week: i64,
    school_starts: String,
    school_ends: String,
    saved: bool,
}

pub async fn show_limits(
    State(state): State<AppState>,
    ctx: PageCtx,
    session: SessionCtx,
    RawQuery(query): RawQuery,
) -> Result<Response, AppError> {
    let district = policy::administered_district(&state.db, session.user()).await?;
    let limits = hours::limits(&state.db, district).await?;
    let saved = FormFields::from_query(query).get("saved") == "1";
    let page = LimitsPage {
        layout: ctx.layout(ctx.t("limits-title"), "opportunities"),
        csrf: session.csrf_token().to_string(),
        hours_day: limits.max_minutes_day / 60,
        hours_week: limits.max_minutes_week / 60,
        school_starts: clock(limits.school_starts),
        school_ends: clock(limits.school_ends),
        saved,
    };
    render(&page)
}

pub async fn save_limits(
    State(state): State<AppState>,
    session: SessionCtx,
    form: FormFields,
) -> Result<Response, AppError> {
    let district = policy::administered_district(&state.db, session.user()).await?;
    session.verify_csrf(form.get("csrf"))?;
    let limits = checked(&form)?;
    hours::set_limits(&state.db, district, &limits).await?;
    Ok(Redirect::to("/work-based-learning/limits?saved=1").into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(pairs: &[(&str, &str)]) -> FormFields {
        FormFields::from_pairs(pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect())
    }

    #[test]
    fn limits_are_whole_hours_with_a_school_day_in_order() {
        let ok = [("hours_day", "4"), ("hours_week", "18"), ("school_starts", "7:45 am"), ("school_ends", "14:30")];
        let limits = checked(&form(&ok)).unwrap();
        assert_eq!((limits.max_minutes_day, limits.max_minutes_week), (240, 1080));
        assert_eq!((limits.school_starts, limits.school_ends), (465, 870));
        for (field, value) in [
            ("hours_day", "0"),
            ("hours_day", "4.5"),
            ("hours_week", "3"),
            ("hours_week", "90"),
            ("school_ends", "07:00"),
        ] {
            let mut pairs = ok.to_vec();
            pairs.retain(|(k, _)| *k != field);
            pairs.push((field, value));
            assert!(checked(&form(&pairs)).is_err(), "{field}={value}");
        }
    }
}
