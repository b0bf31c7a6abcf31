//! The OpenAPI 3.1 document of the JSON API, generated from the handlers' annotations, and
//! a reference page rendered from it on the server (no scripts, no CDN).

use askama::Template;
use axum::Json;
use axum::response::Response;
use utoipa::OpenApi;
use utoipa::openapi::path::{Operation, ParameterIn};
use utoipa::openapi::{RefOr, Schema};

use crate::catalog::{api, case};
use crate::error::AppError;
use crate::explore::api as explore_api;
use crate::insights::pages as insights;
use crate::oneroster::upload as roster_upload;
use crate::orgs::api as people_api;
use crate::web::{Layout, PageCtx, render};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Pathways API",
        description = "Career Clusters framework, O*NET occupations and crosswalks. All responses are JSON; errors are `{\"errors\": [...]}`.",
        license(name = "MIT OR Apache-2.0"),
    ),
    paths(
        api::list_groupings,
        api::list_clusters,
        api::show_cluster,
        api::list_subclusters,
        api::show_subcluster,
        api::list_occupations,
        api::show_occupation,
        api::list_practices,
        api::show_stats,
        case::show_package,
        explore_api::create_match,
        explore_api::score_profiler,
        people_api::list_people,
        roster_upload::api_import_roster,
        insights::api_equity,
    ),
    modifiers(&TokenSecurity),
    tags(
        (name = "catalog", description = "The National Career Clusters Framework and O*NET occupations"),
        (name = "case", description = "The framework as a 1EdTech CASE 1.0 package"),
        (name = "explore", description = "From what a student likes to clusters and occupations; the Interest Profiler"),
        (name = "insights", description = "Reports for administrators, as suppressed aggregates: a signed-in administrator's session, or an API token with the scope the operation names"),
        (name = "district", description = "A district's own data, for its systems: send `Authorization: Bearer` with an API token a district administrator created at /admin/tokens, with the scope the operation names"),
    )
)]
pub struct ApiDoc;

/// Declares the bearer API token the district operations require.
struct TokenSecurity;

impl utoipa::Modify for TokenSecurity {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme};
        let scheme =
            HttpBuilder::new().scheme(HttpAuthScheme::Bearer).description(Some("A district API token (pwt_…)")).build();
        openapi
            .components
            .get_or_insert_with(Default::default)
            .add_security_scheme("token", SecurityScheme::Http(scheme));
        let cookie = ApiKeyValue::with_description("pathways_session", "The session of a signed-in user");
        if let Some(components) = openapi.components.as_mut() {
            components.add_security_scheme("session", SecurityScheme::ApiKey(ApiKey::Cookie(cookie)));
        }
    }
}

/// The OpenAPI document as served at `/api/openapi.json`.
pub fn openapi() -> utoipa::openapi::OpenApi {
    ApiDoc::openapi()
}

pub async fn openapi_json() -> Json<utoipa::openapi::OpenApi> {
    Json(openapi())
}

/// Text with `code` spans, as (is_code, text) parts, so the page can mark code up safely.
pub type Inline = Vec<(bool, String)>;

fn inline(text: &str) -> Inline {
    text.split('`')
        .enumerate()
        .filter(|(_, part)| !part.is_empty())
        .map(|(i, part)| (i % 2 == 1, part.to_string()))
        .collect()
}

/// One operation on the reference page.
pub struct OperationView {
    pub method: String,
    pub path: String,
    pub anchor: String,
    pub summary: Inline,
    pub parameters: Vec<ParameterView>,
    pub responses: Vec<(String, String)>,
}

pub struct ParameterView {
    pub name: String,
    pub location: String,
    pub required: bool,
    pub description: Inline,
}

pub struct SchemaView {
    pub name: String,
    pub fields: Vec<(String, String, Inline)>,
}

#[derive(Template)]
#[template(path = "api_docs.html")]
struct ApiDocsTemplate {
    layout: Layout,
    version: String,
    operations: Vec<OperationView>,
    schemas: Vec<SchemaView>,
}

fn operation_view(method: &str, path: &str, op: &Operation) -> OperationView {
    let parameters = op
        .parameters
        .iter()
        .flatten()
        .map(|p| ParameterView {
            name: p.name.clone(),
            location: match p.parameter_in {
                ParameterIn::Path => "path",
                ParameterIn::Query => "query",
                ParameterIn::Header => "header",
                ParameterIn::Cookie => "cookie",
            }
            .to_string(),
            required: matches!(p.required, utoipa::openapi::Required::True),
            description: inline(p.description.as_deref().unwrap_or_default()),
        })
        .collect();
    let responses = op
        .responses
        .responses
        .iter()
        .map(|(status, response)| {
            let text = match response {
                RefOr::T(r) => {
                    let schema =
                        r.content.values().find_map(|c| c.schema.as_ref()).map(schema_name).unwrap_or_default();
                    if schema.is_empty() { r.description.clone() } else { schema }
                }
                RefOr::Ref(r) => r.ref_location.rsplit('/').next().unwrap_or_default().to_string(),
            };
            (status.clone(), text)
        })
        .collect();
    OperationView {
        method: method.to_uppercase(),
        path: path.to_string(),
        anchor: format!("{method}{}", path.replace(['/', '{', '}'], "-")),
        summary: inline(
            &[op.summary.as_deref(), op.description.as_deref()].into_iter().flatten().collect::<Vec<_>>().join(" "),
        ),
        parameters,
        responses,
    }
}

fn schema_name(schema: &RefOr<Schema>) -> String {
    match schema {
        RefOr::Ref(r) => r.ref_location.rsplit('/').next().unwrap_or_default().to_string(),
        RefOr::T(Schema::Array(array)) => match &array.items {
            utoipa::openapi::schema::ArrayItems::RefOrSchema(item) => {
                format!("[{}]", schema_name(item))
            }
            utoipa::openapi::schema::ArrayItems::False => "[]".into(),
        },
        RefOr::T(_) => "object".into(),
    }
}

fn schema_views(doc: &utoipa::openapi::OpenApi) -> Vec<SchemaView> {
    let Some(components) = &doc.components else {
        return Vec::new();
    };
    components
        .schemas
        .iter()
        .map(|(name, schema)| {
            let fields = match schema {
                RefOr::T(Schema::Object(object)) => object
                    .properties
                    .iter()
                    .map(|(field, s)| {
                        let description = match s {
                            RefOr::T(Schema::Object(o)) => o.description.clone().unwrap_or_default(),
                            _ => String::new(),
                        };
                        let required = if object.required.contains(field) { "" } else { "?" };
                        (format!("{field}{required}"), schema_type(s), inline(&description))
                    })
                    .collect(),
                _ => Vec::new(),
            };
            SchemaView { name: name.clone(), fields }
        })
        .collect()
}

fn schema_type(schema: &RefOr<Schema>) -> String {
    match schema {
        RefOr::T(Schema::Object(o)) => serde_json::to_value(&o.schema_type)
            .ok()
            .map(|v| match v {
                serde_json::Value::String(s) => s,
                serde_json::Value::Array(items) => {
                    items.iter().filter_map(|i| i.as_str()).collect::<Vec<_>>().join(" | ")
                }
                other => other.to_string(),
            })
            .unwrap_or_default(),
        other => schema_name(other),
    }
}

pub async fn show_api_docs(ctx: PageCtx) -> Result<Response, AppError> {
    let doc = openapi();
    let mut operations = Vec::new();
    for (path, item) in &doc.paths.paths {
        for (method, op) in [
            ("get", &item.get),
            ("post", &item.post),
            ("put", &item.put),
            ("patch", &item.patch),
            ("delete", &item.delete),
        ] {
            if let Some(op) = op {
                operations.push(operation_view(method, path, op));
            }
        }
    }
    render(&ApiDocsTemplate {
        layout: ctx.layout(ctx.t("api-title"), "api"),
        version: doc.info.version.clone(),
        schemas: schema_views(&doc),
        operations,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backticks_become_code_parts() {
        assert_eq!(
            inline("Cluster id, e.g. `agriculture`."),
            vec![(false, "Cluster id, e.g. ".to_string()), (true, "agriculture".to_string()), (false, ".".to_string())]
        );
    }
}
