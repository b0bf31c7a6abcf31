//! The web shell shared by every page: language negotiation, the page layout, rendering,
//! error pages, pagination and the static assets served by the binary.

mod assets;
mod chart;
mod extract;
mod pager;
pub mod sheet;

pub use assets::{favicon, icon_svg, stylesheet};
pub use chart::{Chart, ChartBar};
pub use extract::{AppForm, AppJson, FormFields};
pub use pager::Pager;

use askama::Template;
use axum::extract::{FromRequestParts, OriginalUri, Request};
use axum::http::header::{CONTENT_LANGUAGE, RETRY_AFTER, SET_COOKIE, VARY};
use axum::http::{HeaderMap, HeaderValue, StatusCode, request::Parts};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Redirect, Response};

use crate::auth::session::{Account, RequestSession};
use crate::error::{AppError, ErrorPage, FieldError};
use crate::i18n::{Arg, Lang, Number};

const LANG_COOKIE: &str = "lang";

/// Picks the language of a request: `?lang=` wins, then the `lang` cookie, then the
/// Accept-Language header, then English. Returns whether `?lang=` chose it.
pub fn negotiate(query: Option<&str>, headers: &HeaderMap) -> (Lang, bool) {
    if let Some(lang) =
        query.into_iter().flat_map(|q| q.split('&')).find_map(|pair| pair.strip_prefix("lang=")).and_then(Lang::parse)
    {
        return (lang, true);
    }
    let cookie = headers
        .get_all(axum::http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .find_map(|c| c.trim().strip_prefix("lang="))
        .and_then(Lang::parse);
    let accept = || {
        headers
            .get(axum::http::header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok())
            .and_then(Lang::from_accept_language)
    };
    (cookie.or_else(accept).unwrap_or_default(), false)
}

/// Middleware: decides the language, remembers an explicit choice in a cookie, and turns
/// error responses of HTML routes into pages in that language.
pub async fn language(mut request: Request, next: Next) -> Response {
    let (lang, chosen) = negotiate(request.uri().query(), request.headers());
    let path = request.uri().path().to_string();
    let is_api = path.starts_with("/api/v1") || path.starts_with("/ims/") || path == "/api/openapi.json";
    request.extensions_mut().insert(lang);
    let path_and_query = request.uri().path_and_query().map_or_else(|| path.clone(), |p| p.as_str().to_string());
    let mut response = next.run(request).await;
    if !is_api && let Some(page) = response.extensions().get::<ErrorPage>().cloned() {
        let account = response.extensions().get::<Account>().cloned();
        let retry_after = response.headers().get(RETRY_AFTER).cloned();
        response = if page.status == StatusCode::UNAUTHORIZED {
            sign_in_redirect(&path_and_query)
        } else {
            error_page(lang, account, &path, &page)
        };
        if let Some(value) = retry_after {
            response.headers_mut().insert(RETRY_AFTER, value);
        }
    }
    let headers = response.headers_mut();
    headers.insert(CONTENT_LANGUAGE, HeaderValue::from_static(lang.code()));
    headers.append(VARY, HeaderValue::from_static("Accept-Language, Cookie"));
    if chosen {
        let cookie = format!("{LANG_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax", lang.code());
        if let Ok(value) = HeaderValue::from_str(&cookie) {
            headers.append(SET_COOKIE, value);
        }
    }
    response
}

/// Sends a visitor who must sign in to the sign-in page, to come back here afterwards.
fn sign_in_redirect(path_and_query: &str) -> Response {
    let next = serde_urlencoded::to_string([("next", path_and_query)]).unwrap_or_default();
    Redirect::to(&format!("/signin?{next}")).into_response()
}

/// What the base layout needs: language, title, current section, language-switch link, and
/// the signed-in person.
pub struct Layout {
    pub lang: Lang,
    pub title: String,
    pub section: &'static str,
    pub switch_href: String,
    pub account: Option<Account>,
}

impl Layout {
    pub fn t(&self, key: &str) -> String {
        self.lang.t(key)
    }

    /// The message `PREFIX-ID-SUFFIX`, for messages keyed by data ids.
    pub fn t_of(&self, prefix: &str, id: impl std::fmt::Display, suffix: &str) -> String {
        self.lang.t(&format!("{prefix}-{id}-{suffix}"))
    }

    /// A message with one argument.
    pub fn t1(&self, key: &str, name: &str, value: impl Into<Arg>) -> String {
        self.lang.t_args(key, &[(name, value.into())])
    }

    /// A message with a count, for plural forms; `$shown` is the count formatted.
    pub fn count(&self, key: &str, n: impl Number) -> String {
        let n = n.value();
        self.lang.t_args(key, &[("count", Arg::Num(n)), ("shown", Arg::Str(self.lang.int(n.round() as i64)))])
    }

    pub fn int(&self, n: impl Number) -> String {
        self.lang.int(n.value().round() as i64)
    }

    /// Credits kept in hundredths, as people write them ("1.5"; "1,5" in Spanish).
    pub fn credits(&self, hundredths: impl std::borrow::Borrow<i64>) -> String {
        crate::plans::graduation::credits_in(self.lang, *hundredths.borrow())
    }

    pub fn decimal(&self, x: impl Number, places: usize) -> String {
        self.lang.decimal(x.value(), places)
    }

    /// "Showing 51–100 of 1,016".
    pub fn pager_summary(&self, pager: &Pager) -> String {
        self.lang.t_args(
            "pager-summary",
            &[
                ("first", Arg::Str(self.lang.int(pager.first_shown()))),
                ("last", Arg::Str(self.lang.int(pager.last_shown()))),
                ("total", Arg::Str(self.lang.int(pager.total))),
            ],
        )
    }

    /// "2 of its 3 occupations in common".
    pub fn legacy_share(&self, shared: &i64, found: &i64) -> String {
        self.lang.t_args(
            "legacy-share",
            &[
                ("shared", Arg::Str(self.lang.int(*shared))),
                ("count", Arg::Num(*found as f64)),
                ("found", Arg::Str(self.lang.int(*found))),
            ],
        )
    }

    pub fn datetime(&self, at: &time::OffsetDateTime) -> String {
        self.lang.datetime(*at)
    }

    pub fn other_lang(&self) -> Lang {
        self.lang.other()
    }

    /// `aria-current` for a navigation link of `section`.
    pub fn current(&self, section: &str) -> &'static str {
        if self.section == section { "page" } else { "false" }
    }
}

/// Request context for HTML handlers: the negotiated language, the URL and the signed-in
/// person, for the layout.
pub struct PageCtx {
    pub lang: Lang,
    uri: axum::http::Uri,
    account: Option<Account>,
}

impl<S: Send + Sync> FromRequestParts<S> for PageCtx {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let lang = parts.extensions.get::<Lang>().copied().unwrap_or_default();
        let uri = match OriginalUri::from_request_parts(parts, state).await {
            Ok(OriginalUri(uri)) => uri,
            Err(never) => match never {},
        };
        let account = parts.extensions.get::<RequestSession>().and_then(RequestSession::account);
        Ok(Self { lang, uri, account })
    }
}

impl PageCtx {
    /// The layout of a page titled `title` in navigation section `section`.
    pub fn layout(&self, title: impl Into<String>, section: &'static str) -> Layout {
        Layout {
            lang: self.lang,
            title: title.into(),
            section,
            switch_href: switch_href(&self.uri, self.lang.other()),
            account: self.account.clone(),
        }
    }

    pub fn t(&self, key: &str) -> String {
        self.lang.t(key)
    }
}

/// The current URL with `lang` set to `target`, other parameters kept.
fn switch_href(uri: &axum::http::Uri, target: Lang) -> String {
    let mut pairs: Vec<(String, String)> =
        uri.query().map(|q| serde_urlencoded::from_str(q).unwrap_or_default()).unwrap_or_default();
    pairs.retain(|(k, _)| k != "lang");
    pairs.push(("lang".into(), target.code().into()));
    let query = serde_urlencoded::to_string(&pairs).unwrap_or_default();
    format!("{}?{}", uri.path(), query)
}

/// A date typed in a form as YYYY-MM-DD, in a plausible range (years 2000–2100).
pub fn iso_date(text: &str) -> Option<time::Date> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    time::Date::parse(text.trim(), &format).ok().filter(|d| (2000..=2100).contains(&d.year()))
}

/// The headers of a file download named `filename` (ASCII, no quotes) of `content_type`.
pub fn attachment(content_type: &str, filename: &str) -> [(axum::http::HeaderName, String); 2] {
    [
        (axum::http::header::CONTENT_TYPE, content_type.to_string()),
        (axum::http::header::CONTENT_DISPOSITION, format!("attachment; filename=\"{filename}\"")),
    ]
}

/// Renders a page template into an HTML response.
pub fn render(template: &impl Template) -> Result<Response, AppError> {
    Ok(Html(template.render()?).into_response())
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorTemplate<'a> {
    layout: Layout,
    status: u16,
    message: String,
    fields: &'a [FieldError],
}

fn error_page(lang: Lang, account: Option<Account>, path: &str, page: &ErrorPage) -> Response {
    let key = match page.status {
        StatusCode::NOT_FOUND => "error-not-found",
        StatusCode::BAD_REQUEST => "error-bad-request",
        StatusCode::METHOD_NOT_ALLOWED => "error-method",
        StatusCode::FORBIDDEN if page.denied => "error-denied",
        StatusCode::FORBIDDEN => "error-forbidden",
        StatusCode::UNAUTHORIZED => "error-sign-in",
        StatusCode::TOO_MANY_REQUESTS => "error-too-many",
        StatusCode::PAYLOAD_TOO_LARGE => "error-too-large",
        StatusCode::GONE => "error-gone",
        StatusCode::SERVICE_UNAVAILABLE if page.code == crate::error::DATABASE_UNAVAILABLE => "error-database",
        StatusCode::SERVICE_UNAVAILABLE => "error-unavailable",
        _ => "error-internal",
    };
    let layout = Layout {
        lang,
        title: lang.t(&format!("{key}-title")),
        section: "",
        switch_href: format!("{path}?lang={}", lang.other().code()),
        account,
    };
    let template = ErrorTemplate { layout, status: page.status.as_u16(), message: lang.t(key), fields: &page.fields };
    match template.render() {
        Ok(html) => (page.status, Html(html)).into_response(),
        Err(error) => {
            tracing::error!(%error, "error page failed to render");
            (page.status, page.status.canonical_reason().unwrap_or("Error")).into_response()
        }
    }
}

/// Fallback for unknown HTML paths.
pub async fn not_found() -> AppError {
    AppError::NotFound
}

/// Reads `page` from a query string value: a whole number of 1 or more, 1 when absent.
pub fn parse_page(value: Option<&str>) -> Result<i64, AppError> {
    match value.map(str::trim).filter(|v| !v.is_empty()) {
        None => Ok(1),
        Some(v) => match v.parse::<i64>() {
            Ok(n) if (1..=1_000_000).contains(&n) => Ok(n),
            _ => Err(AppError::bad_request(
                "page",
                "error-field-page",
                format!("page must be a whole number of 1 or more, not {v:?}"),
            )),
        },
    }
}

/// Reads a job-zone filter: 1 to 5, `None` when absent or empty.
pub fn parse_zone(field: &str, value: Option<&str>) -> Result<Option<i64>, AppError> {
    match value.map(str::trim).filter(|v| !v.is_empty()) {
        None => Ok(None),
        Some(v) => match v.parse::<i64>() {
            Ok(n) if (1..=5).contains(&n) => Ok(Some(n)),
            _ => Err(AppError::bad_request(
                field.to_string(),
                "error-field-zone",
                format!("{field} must be a job zone from 1 to 5, not {v:?}"),
            )),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn job_zones_are_checked() {
        assert_eq!(parse_zone("zone", Some(" 3 ")).unwrap(), Some(3));
        assert_eq!(parse_zone("zone", Some("")).unwrap(), None);
        assert!(parse_zone("zone", Some("6")).is_err());
        assert!(parse_zone("zone", Some("two")).is_err());
    }

    #[test]
    fn query_language_beats_cookie_and_header() {
        let mut headers = HeaderMap::new();
        headers.insert("cookie", HeaderValue::from_static("theme=dark; lang=en"));
        headers.insert("accept-language", HeaderValue::from_static("en"));
        assert_eq!(negotiate(Some("q=x&lang=es"), &headers), (Lang::Es, true));
        assert_eq!(negotiate(None, &headers), (Lang::En, false));
        let mut spanish = HeaderMap::new();
        spanish.insert("accept-language", HeaderValue::from_static("es-419,es;q=0.9"));
        assert_eq!(negotiate(None, &spanish), (Lang::Es, false));
    }

    #[test]
    fn switch_link_keeps_other_parameters() {
        let uri: axum::http::Uri = "/occupations?q=nurse&page=2&lang=en".parse().unwrap();
        assert_eq!(switch_href(&uri, Lang::Es), "/occupations?q=nurse&page=2&lang=es");
    }

    #[test]
    fn page_numbers_are_checked() {
        assert_eq!(parse_page(None).unwrap(), 1);
        assert_eq!(parse_page(Some("3")).unwrap(), 3);
        assert!(parse_page(Some("0")).is_err());
        assert!(parse_page(Some("abc")).is_err());
    }
}
