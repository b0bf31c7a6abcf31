//! HTML pages of the catalog: home, clusters, sub-clusters, occupations (list, search and
//! detail), Career Ready Practices, the legacy framework and the About page.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::codes::{OnetCode, SocCode};
use super::model::*;
use super::names::{self, Kind};
use super::store::{OccupationFilter, PageRequest};
use crate::app::AppState;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::web::{Chart, Layout, PageCtx, Pager, parse_page, parse_zone, render};

const OCCUPATIONS_PER_PAGE: i64 = 50;
const PROGRAMS_PER_PAGE: i64 = 50;
const TASKS_SHOWN: i64 = 10;
const TITLES_SHOWN: i64 = 12;
const RELATED_SHOWN: i64 = 10;
const PROGRAMS_SHOWN: i64 = 24;

/// A cluster as a card or list entry, named in the page's language.
pub struct ClusterCard {
    pub id: String,
    pub name: String,
    pub description: String,
    pub cross_cutting: bool,
    pub subcluster_count: i64,
    pub occupation_count: i64,
    pub subclusters: Vec<SubclusterLink>,
}

pub struct SubclusterLink {
    pub id: String,
    pub name: String,
    pub verified: bool,
}

pub struct GroupingView {
    pub id: String,
    pub name: String,
    pub clusters: Vec<ClusterCard>,
}

fn cluster_card(lang: Lang, c: &ClusterRow, subclusters: &[SubclusterRow]) -> ClusterCard {
    ClusterCard {
        id: c.id.clone(),
        name: names::name(lang, Kind::Cluster, &c.id, &c.name),
        description: names::cluster_description(lang, &c.id, &c.description),
        cross_cutting: c.cross_cutting,
        subcluster_count: c.subcluster_count,
        occupation_count: c.occupation_count,
        subclusters: subclusters
            .iter()
            .filter(|s| s.cluster_id == c.id)
            .map(|s| SubclusterLink {
                id: s.id.clone(),
                name: names::name(lang, Kind::Subcluster, &s.id, &s.name),
                verified: s.verified,
            })
            .collect(),
    }
}

async fn grouping_views(state: &AppState, lang: Lang) -> Result<Vec<GroupingView>, AppError> {
    let groupings = state.catalog.groupings().await?;
    if groupings.is_empty() {
        return Err(AppError::CatalogNotLoaded);
    }
    let clusters = state.catalog.clusters().await?;
    let subclusters = state.catalog.subclusters(None).await?;
    Ok(groupings
        .iter()
        .map(|g| GroupingView {
            id: g.id.clone(),
            name: names::name(lang, Kind::Grouping, &g.id, &g.name),
            clusters: clusters
                .iter()
                .filter(|c| c.grouping_id == g.id)
                .map(|c| cluster_card(lang, c, &subclusters))
                .collect(),
        })
        .collect())
}

#[derive(Template)]
#[template(path = "catalog/home.html")]
struct HomeTemplate {
    layout: Layout,
    groupings: Vec<GroupingView>,
    stats: CatalogStats,
}

pub async fn home(ctx: PageCtx, State(state): State<AppState>) -> Result<Response, AppError> {
    let groupings = grouping_views(&state, ctx.lang).await?;
    let stats = state.catalog.stats().await?;
    render(&HomeTemplate { layout: ctx.layout(ctx.t("home-title"), "home"), groupings, stats })
}

#[derive(Template)]
#[template(path = "catalog/clusters.html")]
struct ClustersTemplate {
    layout: Layout,
    groupings: Vec<GroupingView>,
}

pub async fn list_clusters(ctx: PageCtx, State(state): State<AppState>) -> Result<Response, AppError> {
    let groupings = grouping_views(&state, ctx.lang).await?;
    render(&ClustersTemplate { layout: ctx.layout(ctx.t("clusters-title"), "clusters"), groupings })
}

pub struct LegacyLinkView {
    pub legacy_name: String,
    pub relationship: String,
    pub verified: bool,
}

#[derive(Template)]
#[template(path = "catalog/cluster.html")]
struct ClusterTemplate {
    layout: Layout,
    cluster: ClusterCard,
    grouping_id: String,
    grouping_name: String,
    sectors: Vec<CodeTitleRow>,
    aliases: Vec<String>,
    subclusters: Vec<SubclusterCard>,
    legacy: Vec<LegacyLinkView>,
}

pub struct SubclusterCard {
    pub id: String,
    pub name: String,
    pub verified: bool,
    pub occupation_count: i64,
    pub cip_count: i64,
}

pub async fn show_cluster(
    ctx: PageCtx,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let lang = ctx.lang;
    let row = state.catalog.cluster(&id).await?.ok_or(AppError::NotFound)?;
    let subclusters = state.catalog.subclusters(Some(&id)).await?;
    let grouping =
        state.catalog.groupings().await?.into_iter().find(|g| g.id == row.grouping_id).ok_or(AppError::NotFound)?;
    let legacy_names: HashMap<String, String> =
        state.catalog.legacy_clusters().await?.into_iter().map(|l| (l.id, l.name)).collect();
    let legacy = state
        .catalog
        .legacy_links()
        .await?
        .into_iter()
        .filter(|l| l.modern_cluster_id.as_deref() == Some(id.as_str()))
        .map(|l| LegacyLinkView {
            legacy_name: legacy_names.get(&l.legacy_cluster_id).cloned().unwrap_or(l.legacy_cluster_id),
            relationship: names::term(lang, "legacy-rel", &l.relationship),
            verified: l.verified,
        })
        .collect();
    let cards = subclusters
        .iter()
        .map(|s| SubclusterCard {
            id: s.id.clone(),
            name: names::name(lang, Kind::Subcluster, &s.id, &s.name),
            verified: s.verified,
            occupation_count: s.occupation_count,
            cip_count: s.cip_count,
        })
        .collect();
    let cluster = cluster_card(lang, &row, &subclusters);
    render(&ClusterTemplate {
        layout: ctx.layout(cluster.name.clone(), "clusters"),
        grouping_name: names::name(lang, Kind::Grouping, &grouping.id, &grouping.name),
        grouping_id: grouping.id,
        sectors: state.catalog.cluster_sectors(&id).await?,
        aliases: state.catalog.aliases("cluster", &id).await?,
        subclusters: cards,
        legacy,
        cluster,
    })
}

/// An occupation in a table, with what a student compares first.
pub struct OccupationLine {
    pub code: Option<String>,
    pub title: String,
    pub soc_code: String,
    pub job_zone: Option<i64>,
    pub riasec_code: Option<String>,
    pub education: Option<String>,
    pub matched_title: Option<String>,
}

#[derive(Template)]
#[template(path = "catalog/subcluster.html")]
struct SubclusterTemplate {
    layout: Layout,
    id: String,
    name: String,
    english_name: String,
    cluster_id: String,
    cluster_name: String,
    description: Option<String>,
    example_programs: Option<String>,
    verified: bool,
    verification: String,
    aliases: Vec<String>,
    occupations: Vec<OccupationLine>,
    soc_only: Vec<OccupationLine>,
    soc_count: i64,
    programs: Vec<CipRow>,
    pager: Pager,
    sectors: Vec<CodeTitleRow>,
}

#[derive(Deserialize)]
pub struct PageQuery {
    page: Option<String>,
}

pub async fn show_subcluster(
    ctx: PageCtx,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(query): Query<PageQuery>,
) -> Result<Response, AppError> {
    let lang = ctx.lang;
    let page = parse_page(query.page.as_deref())?;
    let row = state.catalog.subcluster(&id).await?.ok_or(AppError::NotFound)?;
    let cluster = state.catalog.cluster(&row.cluster_id).await?.ok_or(AppError::NotFound)?;
    let (occupations, soc_only): (Vec<OccupationLine>, Vec<OccupationLine>) = state
        .catalog
        .subcluster_occupations(&id)
        .await?
        .into_iter()
        .map(|o| OccupationLine {
            education: names::education(lang, o.education_category, o.bls_education.as_deref()),
            title: o.title.unwrap_or(o.soc_title),
            code: o.code,
            soc_code: o.soc_code,
            job_zone: o.job_zone,
            riasec_code: o.riasec_code,
            matched_title: None,
        })
        .partition(|o| o.code.is_some());
    let programs = state
        .catalog
        .subcluster_programs(&id, PageRequest { page, per_page: PROGRAMS_PER_PAGE })
        .await?
        .into_iter()
        .map(|p| CipRow { title: p.title.trim_end_matches('.').to_string(), ..p })
        .collect();
    let pager = Pager::new(page, PROGRAMS_PER_PAGE, row.cip_count, &format!("/subclusters/{id}"), &[])
        .with_anchor("programs-title");
    let name = names::name(lang, Kind::Subcluster, &row.id, &row.name);
    render(&SubclusterTemplate {
        layout: ctx.layout(name.clone(), "clusters"),
        cluster_name: names::name(lang, Kind::Cluster, &cluster.id, &cluster.name),
        cluster_id: cluster.id,
        aliases: state.catalog.aliases("subcluster", &id).await?,
        sectors: state.catalog.subcluster_sectors(&id).await?,
        id,
        english_name: row.name,
        name,
        description: row.description,
        example_programs: row.example_programs,
        verified: row.verified,
        verification: row.verification,
        soc_count: row.soc_count,
        occupations,
        soc_only,
        programs,
        pager,
    })
}

#[derive(Deserialize)]
pub struct OccupationQuery {
    q: Option<String>,
    cluster: Option<String>,
    zone: Option<String>,
    interest: Option<String>,
    page: Option<String>,
}

pub struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

#[derive(Template)]
#[template(path = "catalog/occupations.html")]
struct OccupationsTemplate {
    layout: Layout,
    q: String,
    clusters: Vec<Choice>,
    zones: Vec<Choice>,
    interests: Vec<Choice>,
    filtered: bool,
    results: Vec<OccupationLine>,
    pager: Pager,
}

/// Checks the occupation-list filters shared by the page and the API.
pub fn occupation_filter(
    q: Option<&str>,
    cluster: Option<&str>,
    subcluster: Option<&str>,
    zone: Option<&str>,
    interest: Option<&str>,
) -> Result<OccupationFilter, AppError> {
    let clean = |v: Option<&str>| v.map(str::trim).filter(|v| !v.is_empty()).map(str::to_string);
    let text = clean(q);
    if let Some(text) = &text
        && text.chars().count() > 100
    {
        return Err(AppError::bad_request("q", "error-field-q", "the search text may be at most 100 characters"));
    }
    let job_zone = parse_zone("zone", zone)?;
    let interest = match clean(interest) {
        None => None,
        Some(i) if i.len() == 1 && "RIASEC".contains(i.to_ascii_uppercase().as_str()) => Some(i.to_ascii_uppercase()),
        Some(i) => {
            return Err(AppError::bad_request(
                "interest",
                "error-field-interest",
                format!("interest must be one of the letters R, I, A, S, E, C, not {i:?}"),
            ));
        }
    };
    Ok(OccupationFilter { text, cluster: clean(cluster), subcluster: clean(subcluster), job_zone, interest })
}

pub async fn list_occupations(
    ctx: PageCtx,
    State(state): State<AppState>,
    Query(query): Query<OccupationQuery>,
) -> Result<Response, AppError> {
    let lang = ctx.lang;
    let page = parse_page(query.page.as_deref())?;
    let filter = occupation_filter(
        query.q.as_deref(),
        query.cluster.as_deref(),
        None,
        query.zone.as_deref(),
        query.interest.as_deref(),
    )?;
    let clusters = state.catalog.clusters().await?;
    if let Some(cluster) = &filter.cluster
        && !clusters.iter().any(|c| &c.id == cluster)
    {
        return Err(AppError::bad_request(
            "cluster",
            "error-field-cluster",
            format!("there is no cluster {cluster:?}"),
        ));
    }
    let total = state.catalog.count_occupations(&filter).await?;
    let rows = state.catalog.occupations(&filter, PageRequest { page, per_page: OCCUPATIONS_PER_PAGE }).await?;
    let text_lower = filter.text.as_deref().map(str::to_lowercase);
    let results = rows
        .into_iter()
        .map(|o| {
            let title_matches = text_lower.as_deref().is_some_and(|t| o.title.to_lowercase().contains(t));
            OccupationLine {
                education: names::education(lang, o.education_category, o.bls_education.as_deref()),
                soc_code: o.code.get(..7).unwrap_or_default().to_string(),
                code: Some(o.code),
                title: o.title,
                job_zone: o.job_zone,
                riasec_code: o.riasec_code,
                matched_title: if title_matches { None } else { o.matched_title },
            }
        })
        .collect();
    let value = |v: &Option<String>| v.clone().unwrap_or_default();
    let params = [
        ("q", value(&filter.text)),
        ("cluster", value(&filter.cluster)),
        ("zone", filter.job_zone.map(|z| z.to_string()).unwrap_or_default()),
        ("interest", value(&filter.interest)),
    ];
    let pager = Pager::new(page, OCCUPATIONS_PER_PAGE, total, "/occupations", &params);
    let mut cluster_choices: Vec<Choice> = clusters
        .iter()
        .map(|c| Choice {
            value: c.id.clone(),
            label: names::name(lang, Kind::Cluster, &c.id, &c.name),
            selected: filter.cluster.as_deref() == Some(c.id.as_str()),
        })
        .collect();
    cluster_choices.sort_by(|a, b| a.label.cmp(&b.label));
    let zones = (1..=5)
        .map(|z| Choice {
            value: z.to_string(),
            label: lang.t(&format!("job-zone-{z}-name")),
            selected: filter.job_zone == Some(z),
        })
        .collect();
    let interests = "RIASEC"
        .chars()
        .map(|c| Choice {
            value: c.to_string(),
            label: format!("{c} — {}", lang.t(&format!("riasec-{c}-name"))),
            selected: filter.interest.as_deref() == Some(c.encode_utf8(&mut [0; 4])),
        })
        .collect();
    let filtered =
        filter.text.is_some() || filter.cluster.is_some() || filter.job_zone.is_some() || filter.interest.is_some();
    let title = match &filter.text {
        Some(text) => lang.t_args("occupations-search-title", &[("query", text.as_str().into())]),
        None => lang.t("occupations-title"),
    };
    render(&OccupationsTemplate {
        layout: ctx.layout(title, "occupations"),
        q: filter.text.clone().unwrap_or_default(),
        clusters: cluster_choices,
        zones,
        interests,
        filtered,
        results,
        pager,
    })
}

pub struct MembershipView {
    pub cluster_id: String,
    pub cluster_name: String,
    pub subcluster_id: String,
    pub subcluster_name: String,
    pub verified: bool,
}

pub struct OutlookView {
    pub employment_2024: Option<f64>,
    pub employment_2034: Option<f64>,
    pub change_percent: Option<f64>,
    pub openings: Option<f64>,
    pub median_wage: Option<i64>,
    pub wage_is_floor: bool,
    pub all_change_percent: Option<f64>,
    pub bls_title: String,
    pub work_experience: Option<String>,
    pub training: Option<String>,
}

pub struct InterestLetter {
    pub letter: char,
    pub name: String,
    pub description: String,
}

/// Education of an occupation as the two sources report it.
pub struct EducationView {
    /// BLS typical entry-level education.
    pub to_start: Option<String>,
    /// The level most workers report to O*NET, with their share.
    pub most_workers: Option<(String, f64)>,
}

#[derive(Template)]
#[template(path = "catalog/occupation.html")]
struct OccupationTemplate {
    layout: Layout,
    occupation: OccupationRow,
    education: EducationView,
    tasks: Vec<TaskRow>,
    task_total: i64,
    all_tasks: bool,
    titles: Vec<TitleRow>,
    chart: Option<Chart>,
    code_letters: Vec<InterestLetter>,
    job_zone: Option<JobZoneRow>,
    memberships: Vec<MembershipView>,
    related: Vec<RelatedRow>,
    outlook: Option<OutlookView>,
    programs: Vec<CodeTitleRow>,
    program_total: i64,
    all_programs: bool,
    is_specialty: bool,
}

#[derive(Deserialize)]
pub struct OccupationPageQuery {
    tasks: Option<String>,
    programs: Option<String>,
}

pub async fn show_occupation(
    ctx: PageCtx,
    State(state): State<AppState>,
    Path(code): Path<String>,
    Query(query): Query<OccupationPageQuery>,
) -> Result<Response, AppError> {
    let lang = ctx.lang;
    let Ok(code) = code.parse::<OnetCode>() else {
        return redirect_soc_code(&state, &code).await;
    };
    let occupation = state.catalog.occupation(code.as_str()).await?.ok_or(AppError::NotFound)?;
    let all_tasks = query.tasks.as_deref() == Some("all");
    let tasks = state.catalog.tasks(code.as_str(), if all_tasks { 1000 } else { TASKS_SHOWN }).await?;
    let task_total = state.catalog.count_tasks(code.as_str()).await?;
    let all_programs = query.programs.as_deref() == Some("all");
    let programs = state
        .catalog
        .occupation_programs(&occupation.soc_code, if all_programs { 1000 } else { PROGRAMS_SHOWN })
        .await?
        .into_iter()
        .map(|p| CodeTitleRow { title: p.title.trim_end_matches('.').to_string(), ..p })
        .collect();
    let program_total = state.catalog.count_occupation_programs(&occupation.soc_code).await?;
    let memberships = state
        .catalog
        .memberships(&occupation.soc_code)
        .await?
        .into_iter()
        .map(|m| MembershipView {
            cluster_name: names::name(lang, Kind::Cluster, &m.cluster_id, &m.cluster_name),
            subcluster_name: names::name(lang, Kind::Subcluster, &m.subcluster_id, &m.subcluster_name),
            cluster_id: m.cluster_id,
            subcluster_id: m.subcluster_id,
            verified: m.subcluster_verified,
        })
        .collect();
    let job_zone = match occupation.job_zone {
        Some(zone) => state.catalog.job_zones().await?.into_iter().find(|z| z.zone == zone),
        None => None,
    };
    let outlook = outlook(&state, lang, &occupation.soc_code).await?;
    let chart = occupation.interests().map(|scores| {
        let code = occupation.riasec_code.as_deref().unwrap_or_default();
        let ticks: Vec<f64> = (1..=7).map(f64::from).collect();
        Chart::new(lang, scores, 7.0, code, &ticks, |v| lang.decimal(v, 1))
    });
    let code_letters = occupation
        .riasec_code
        .as_deref()
        .unwrap_or_default()
        .chars()
        .map(|letter| InterestLetter {
            letter,
            name: lang.t(&format!("riasec-{letter}-name")),
            description: lang.t(&format!("riasec-{letter}-description")),
        })
        .collect();
    let education = EducationView {
        to_start: occupation.bls_education.as_deref().map(|e| names::term(lang, "bls-education", e)),
        most_workers: occupation
            .education_category
            .zip(occupation.education_percent)
            .map(|(category, percent)| (names::onet_education(lang, category), percent)),
    };
    render(&OccupationTemplate {
        layout: ctx.layout(occupation.title.clone(), "occupations"),
        titles: state.catalog.titles(code.as_str(), TITLES_SHOWN).await?,
        related: state.catalog.related(code.as_str(), RELATED_SHOWN).await?,
        is_specialty: !code.as_str().ends_with(".00"),
        education,
        tasks,
        task_total,
        all_tasks,
        chart,
        code_letters,
        job_zone,
        memberships,
        outlook,
        programs,
        program_total,
        all_programs,
        occupation,
    })
}

/// `/occupations/29-1141` (a SOC code) leads to its O*NET occupation `29-1141.00`.
async fn redirect_soc_code(state: &AppState, code: &str) -> Result<Response, AppError> {
    let soc: SocCode = code.parse().map_err(|_| {
        AppError::bad_request(
            "code",
            "error-field-occupation-code",
            format!("{code:?} is not an occupation code; expected one like 29-1141.00"),
        )
    })?;
    let target = format!("{soc}.00");
    match state.catalog.occupation(&target).await? {
        Some(_) => Ok(Redirect::permanent(&format!("/occupations/{target}")).into_response()),
        None => Err(AppError::NotFound),
    }
}

async fn outlook(state: &AppState, lang: Lang, soc_code: &str) -> Result<Option<OutlookView>, AppError> {
    let Some(p) = state.catalog.projection(soc_code).await? else {
        return Ok(None);
    };
    let all = state.catalog.projection("00-0000").await?;
    Ok(Some(OutlookView {
        employment_2024: p.employment_2024,
        employment_2034: p.employment_2034,
        change_percent: p.change_percent,
        openings: p.annual_openings_thousands,
        median_wage: p.median_wage,
        wage_is_floor: p.median_wage_is_floor,
        all_change_percent: all.and_then(|a| a.change_percent),
        bls_title: p.title,
        work_experience: p.work_experience.map(|w| names::term(lang, "bls-experience", &w)),
        training: p.typical_training.map(|t| names::term(lang, "bls-training", &t)),
    }))
}

pub struct PracticeView {
    pub code: String,
    pub statement: String,
    /// The published English wording, when the page shows a translation.
    pub original: Option<String>,
    pub verified: bool,
}

pub struct PracticeGroup {
    pub version: String,
    pub practices: Vec<PracticeView>,
}

impl PracticeGroup {
    pub fn has_unverified(&self) -> bool {
        self.practices.iter().any(|p| !p.verified)
    }
}

pub struct SkillGroup {
    pub category: String,
    pub skills: Vec<(String, Vec<(String, bool)>)>,
}

#[derive(Template)]
#[template(path = "catalog/practices.html")]
struct PracticesTemplate {
    layout: Layout,
    groups: Vec<PracticeGroup>,
    skills: Vec<SkillGroup>,
}

pub async fn list_practices(ctx: PageCtx, State(state): State<AppState>) -> Result<Response, AppError> {
    let lang = ctx.lang;
    let mut groups: Vec<PracticeGroup> = Vec::new();
    for p in state.catalog.practices().await? {
        let statement = names::practice(lang, &p.framework_version, &p.code, &p.statement);
        let view = PracticeView {
            original: (statement != p.statement).then(|| p.statement.clone()),
            statement,
            code: p.code,
            verified: p.verified,
        };
        match groups.last_mut() {
            Some(group) if group.version == p.framework_version => group.practices.push(view),
            _ => groups.push(PracticeGroup { version: p.framework_version, practices: vec![view] }),
        }
    }
    let mut skills: Vec<SkillGroup> = Vec::new();
    for row in state.catalog.employability_skills().await? {
        let category = names::skill(lang, &row.category);
        if skills.last().is_none_or(|g| g.category != category) {
            skills.push(SkillGroup { category, skills: Vec::new() });
        }
        let group = skills.last_mut().expect("pushed above");
        let skill = names::skill(lang, &row.skill);
        if group.skills.last().is_none_or(|(name, _)| *name != skill) {
            group.skills.push((skill, Vec::new()));
        }
        group
            .skills
            .last_mut()
            .expect("pushed above")
            .1
            .push((names::skill(lang, &row.sub_skill), row.sub_skill_verified));
    }
    render(&PracticesTemplate { layout: ctx.layout(ctx.t("practices-title"), "practices"), groups, skills })
}

pub struct LegacyClusterView {
    pub id: String,
    pub name: String,
    pub alias: Option<String>,
    pub links: Vec<LegacyModernLink>,
    pub pathways: Vec<LegacyPathwayView>,
}

pub struct LegacyModernLink {
    pub cluster_id: Option<String>,
    pub cluster_name: Option<String>,
    pub relationship: String,
    pub basis: String,
    pub verified: bool,
}

pub struct LegacyPathwayView {
    pub name: String,
    pub verified: bool,
    /// Closest sub-clusters: id, name, occupations shared, occupations of the pathway found.
    pub subclusters: Vec<(String, String, i64, i64)>,
}

#[derive(Template)]
#[template(path = "catalog/legacy.html")]
struct LegacyTemplate {
    layout: Layout,
    clusters: Vec<LegacyClusterView>,
}

pub async fn show_legacy(ctx: PageCtx, State(state): State<AppState>) -> Result<Response, AppError> {
    let lang = ctx.lang;
    let cluster_names: HashMap<String, String> = state
        .catalog
        .clusters()
        .await?
        .into_iter()
        .map(|c| (c.id.clone(), names::name(lang, Kind::Cluster, &c.id, &c.name)))
        .collect();
    let links = state.catalog.legacy_links().await?;
    let pathways = state.catalog.legacy_pathways().await?;
    let derived = state.catalog.legacy_pathway_subclusters().await?;
    let clusters = state
        .catalog
        .legacy_clusters()
        .await?
        .into_iter()
        .map(|legacy| LegacyClusterView {
            links: links
                .iter()
                .filter(|l| l.legacy_cluster_id == legacy.id)
                .map(|l| LegacyModernLink {
                    cluster_name: l.modern_cluster_id.as_ref().and_then(|id| cluster_names.get(id).cloned()),
                    cluster_id: l.modern_cluster_id.clone(),
                    relationship: names::term(lang, "legacy-rel", &l.relationship),
                    basis: l.basis.clone(),
                    verified: l.verified,
                })
                .collect(),
            pathways: pathways
                .iter()
                .filter(|p| p.legacy_cluster_id == legacy.id)
                .map(|p| LegacyPathwayView {
                    name: p.name.clone(),
                    verified: p.verified,
                    subclusters: derived
                        .iter()
                        .filter(|d| d.legacy_pathway_id == p.id)
                        .take(3)
                        .map(|d| {
                            let name = names::name(lang, Kind::Subcluster, &d.subcluster_id, &d.subcluster_name);
                            (d.subcluster_id.clone(), name, d.shared_soc_count, d.found_soc_count)
                        })
                        .collect(),
                })
                .collect(),
            id: legacy.id,
            name: legacy.name,
            alias: legacy.alias,
        })
        .collect();
    render(&LegacyTemplate { layout: ctx.layout(ctx.t("legacy-title"), "legacy"), clusters })
}

#[derive(Template)]
#[template(path = "catalog/about.html")]
struct AboutTemplate {
    layout: Layout,
    meta: CatalogMeta,
    loaded_on: Option<String>,
    stats: CatalogStats,
}

pub async fn show_about(ctx: PageCtx, State(state): State<AppState>) -> Result<Response, AppError> {
    let meta = state.catalog.meta().await?;
    let stats = state.catalog.stats().await?;
    let loaded_on = meta.loaded_at.as_deref().and_then(|at| ctx.lang.date(at));
    render(&AboutTemplate { layout: ctx.layout(ctx.t("about-title"), "about"), meta, loaded_on, stats })
}
