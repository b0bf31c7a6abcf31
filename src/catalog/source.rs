//! Reads the reference-data folder (`career-clusters/` and `onet/`) into rows ready to be
//! written, checking every file first: a missing file, a missing column, a malformed code
//! or a reference to something unknown stops the load before the database is touched.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use serde::Deserialize;
use sha2::{Digest, Sha256};

use super::codes::{CipCode, Code, NaicsSector, OnetCode, SocCode};
use crate::datafile::{CsvTable, DataError, Row, read_text};
use crate::progress::Progress;

/// Bumped whenever the way files become rows changes, so a new build reloads the catalog.
const LOADER_VERSION: &str = "2";

pub use crate::db::batch::Value;

fn text(value: impl Into<String>) -> Value {
    Value::text(value)
}

fn opt_text(value: Option<impl Into<String>>) -> Value {
    Value::opt_text(value)
}

/// How a table is refreshed by a load.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refresh {
    /// Rows other tables may point to: updated in place by key; rows no longer in the
    /// data are deleted last.
    Upsert,
    /// Link and detail rows nothing points to: replaced whole.
    Replace,
}

/// A catalog table as the loader writes it.
#[derive(Debug)]
pub struct TableSpec {
    pub name: &'static str,
    pub columns: &'static [&'static str],
    /// Primary-key columns (the first `key_len` of `columns`).
    pub key_len: usize,
    pub refresh: Refresh,
}

impl TableSpec {
    pub fn key(&self) -> &'static [&'static str] {
        &self.columns[..self.key_len]
    }
}

macro_rules! table {
    ($ident:ident, $name:literal, $refresh:ident, key $key_len:literal, [$($col:literal),+ $(,)?]) => {
        pub static $ident: TableSpec = TableSpec {
            name: $name,
            columns: &[$($col),+],
            key_len: $key_len,
            refresh: Refresh::$refresh,
        };
    };
}

table!(GROUPINGS, "groupings", Upsert, key 1, ["id", "name", "position", "membership_verified", "note"]);
table!(CLUSTERS, "clusters", Upsert, key 1, [
    "id", "grouping_id", "name", "position", "cross_cutting", "description", "description_basis",
    "naics_2digit", "onet_cluster_code", "onet_cluster_code_verified"
]);
table!(SUBCLUSTERS, "subclusters", Upsert, key 1, [
    "id", "cluster_id", "name", "position", "description", "description_source", "example_programs",
    "verified", "verification"
]);
table!(ALIASES, "catalog_aliases", Replace, key 3, ["kind", "entity_id", "alias"]);
table!(SOC_CODES, "soc_codes", Upsert, key 1, ["code", "title"]);
table!(SUBCLUSTER_SOCS, "subcluster_socs", Replace, key 2, ["subcluster_id", "soc_code", "interdisciplinary"]);
table!(CIP_PROGRAMS, "cip_programs", Upsert, key 1, ["code", "title"]);
table!(SUBCLUSTER_CIPS, "subcluster_cips", Replace, key 2, ["subcluster_id", "cip_code", "interdisciplinary"]);
table!(NAICS_SECTORS, "naics_sectors", Upsert, key 1, ["code", "title"]);
table!(SUBCLUSTER_NAICS, "subcluster_naics", Replace, key 2, ["subcluster_id", "naics_code"]);
table!(CIP_SOCS, "cip_socs", Replace, key 2, ["cip_code", "soc_code"]);
table!(JOB_ZONES, "job_zones", Upsert, key 1, [
    "zone", "name", "experience", "education", "job_training", "examples", "svp_range"
]);
table!(EDUCATION_LEVELS, "education_levels", Upsert, key 1, ["category", "label"]);
table!(OCCUPATIONS, "occupations", Upsert, key 1, [
    "code", "soc_code", "title", "description", "job_zone", "riasec_code", "realistic", "investigative",
    "artistic", "social", "enterprising", "conventional", "education_category", "education_percent"
]);
table!(OCCUPATION_TITLES, "occupation_titles", Replace, key 3, [
    "occupation_code", "kind", "position", "title", "short_title", "shown_in_my_next_move"
]);
table!(OCCUPATION_TASKS, "occupation_tasks", Replace, key 1, [
    "task_id", "occupation_code", "position", "task", "task_type"
]);
table!(RELATED_OCCUPATIONS, "related_occupations", Replace, key 2, [
    "occupation_code", "related_code", "tier", "rank"
]);
table!(BLS_PROJECTIONS, "bls_projections", Replace, key 1, [
    "soc_code", "title", "occupation_type", "employment_2024", "employment_2034", "change_thousands",
    "change_percent", "self_employed_percent", "annual_openings_thousands", "median_wage",
    "median_wage_is_floor", "typical_education", "work_experience", "typical_training"
]);
table!(PRACTICES, "practices", Upsert, key 1, [
    "id", "framework_version", "code", "number", "statement", "verified", "source", "note", "position"
]);
table!(EMPLOYABILITY_SKILLS, "employability_skills", Replace, key 1, [
    "position", "category", "skill", "sub_skill", "sub_skill_verified"
]);
table!(LEGACY_CLUSTERS, "legacy_clusters", Upsert, key 1, ["id", "name", "alias", "position"]);
table!(LEGACY_PATHWAYS, "legacy_pathways", Upsert, key 1, [
    "id", "legacy_cluster_id", "name", "onet_name", "in_onet_export", "verified", "source_note", "position"
]);
table!(LEGACY_CLUSTER_LINKS, "legacy_cluster_links", Replace, key 2, [
    "legacy_cluster_id", "position", "modern_cluster_id", "relationship", "basis", "verified", "soc_overlap"
]);
table!(LEGACY_PATHWAY_SUBCLUSTERS, "legacy_pathway_subclusters", Replace, key 2, [
    "legacy_pathway_id", "subcluster_id", "shared_soc_count", "pathway_soc_count", "found_soc_count",
    "share_of_found"
]);
table!(LEGACY_PATHWAY_OCCUPATIONS, "legacy_pathway_occupations", Replace, key 2, [
    "legacy_pathway_id", "occupation_code"
]);

table!(PROFILER_ITEMS, "interest_profiler_items", Upsert, key 1, ["item_no", "area_code", "statement"]);
table!(RIASEC_KEYWORDS, "riasec_keywords", Replace, key 2, ["area_code", "keyword", "keyword_type"]);
table!(BASIC_INTERESTS, "basic_interests", Upsert, key 1, ["id", "name"]);
table!(BASIC_INTEREST_AREAS, "basic_interest_areas", Replace, key 2, ["basic_interest_id", "area_code"]);
table!(ILLUSTRATIVE_ACTIVITIES, "illustrative_activities", Replace, key 1, [
    "position", "interest", "interest_type", "activity"
]);
table!(ILLUSTRATIVE_OCCUPATIONS, "illustrative_occupations", Replace, key 2, [
    "interest", "occupation_code", "interest_type"
]);

/// Every catalog table in an order where a row's references are written before it.
pub static ALL_TABLES: [&TableSpec; 31] = [
    &GROUPINGS,
    &CLUSTERS,
    &SUBCLUSTERS,
    &ALIASES,
    &SOC_CODES,
    &SUBCLUSTER_SOCS,
    &CIP_PROGRAMS,
    &SUBCLUSTER_CIPS,
    &NAICS_SECTORS,
    &SUBCLUSTER_NAICS,
    &CIP_SOCS,
    &JOB_ZONES,
    &EDUCATION_LEVELS,
    &OCCUPATIONS,
    &OCCUPATION_TITLES,
    &OCCUPATION_TASKS,
    &RELATED_OCCUPATIONS,
    &BLS_PROJECTIONS,
    &PRACTICES,
    &EMPLOYABILITY_SKILLS,
    &LEGACY_CLUSTERS,
    &LEGACY_PATHWAYS,
    &LEGACY_CLUSTER_LINKS,
    &LEGACY_PATHWAY_SUBCLUSTERS,
    &LEGACY_PATHWAY_OCCUPATIONS,
    &PROFILER_ITEMS,
    &RIASEC_KEYWORDS,
    &BASIC_INTERESTS,
    &BASIC_INTEREST_AREAS,
    &ILLUSTRATIVE_ACTIVITIES,
    &ILLUSTRATIVE_OCCUPATIONS,
];

/// The rows of one table, in the column order of its spec.
pub struct TableRows {
    pub spec: &'static TableSpec,
    pub rows: Vec<Vec<Value>>,
}

/// What the framework file says about itself, kept in `catalog_meta`.
#[derive(Clone, Debug, Default)]
pub struct FrameworkInfo {
    pub framework: String,
    pub steward: String,
    pub released: String,
    pub data_version: String,
}

/// Everything read from the data folder, checked and ready to write.
pub struct CatalogSource {
    pub tables: Vec<TableRows>,
    pub fingerprint: String,
    pub framework: FrameworkInfo,
}

impl CatalogSource {
    pub fn rows_of(&self, spec: &TableSpec) -> &[Vec<Value>] {
        self.tables.iter().find(|t| std::ptr::eq(t.spec, spec)).map(|t| t.rows.as_slice()).unwrap_or(&[])
    }
}

/// The files read, in order, with the folder they live in.
pub const FILES: &[&str] = &[
    "career-clusters/framework.json",
    "career-clusters/subcluster_soc.csv",
    "career-clusters/subcluster_cip.csv",
    "career-clusters/subcluster_naics.csv",
    "onet/cip_soc.csv",
    "onet/job_zone_reference.csv",
    "onet/education_categories.csv",
    "onet/occupations.csv",
    "onet/interests.csv",
    "onet/job_zones.csv",
    "onet/education.csv",
    "onet/alternate_titles.csv",
    "onet/reported_titles.csv",
    "onet/task_statements.csv",
    "onet/related_occupations.csv",
    "onet/bls_projections.csv",
    "career-clusters/career_ready_practices.csv",
    "career-clusters/employability_skills_framework.csv",
    "career-clusters/legacy_clusters.csv",
    "career-clusters/legacy_to_modern_clusters.csv",
    "career-clusters/legacy_pathway_to_subcluster_derived.csv",
    "career-clusters/legacy_onet_cluster_occupations.csv",
    "onet/interest_profiler_60.csv",
    "onet/riasec_keywords.csv",
    "onet/basic_interests_to_riasec.csv",
    "onet/interests_illustrative_activities.csv",
    "onet/interests_illustrative_occupations.csv",
];

/// Reads and checks the whole data folder. Nothing is written anywhere.
pub fn read_catalog(dir: &Path, progress: &dyn Progress) -> Result<CatalogSource, DataError> {
    if !dir.is_dir() {
        return Err(DataError::file(
            &dir.display().to_string(),
            "the reference data folder does not exist; set PATHWAYS_DATA_DIR or --data-dir to the folder holding career-clusters/ and onet/",
        ));
    }
    let mut reader = SourceReader::new(dir, progress);
    let framework = reader.framework()?;
    reader.crosswalks()?;
    reader.occupations()?;
    reader.practices()?;
    reader.legacy()?;
    reader.interests()?;
    progress.finish();
    Ok(reader.finish(framework))
}

/// Accumulates rows while remembering what exists, so later files can be checked against it.
struct SourceReader<'a> {
    dir: &'a Path,
    progress: &'a dyn Progress,
    hasher: Sha256,
    tables: HashMap<&'static str, Vec<Vec<Value>>>,
    clusters: HashSet<String>,
    subclusters: HashMap<String, String>,
    soc_titles: BTreeMap<SocCode, String>,
    cip_titles: BTreeMap<CipCode, String>,
    occupations: HashSet<OnetCode>,
}

impl<'a> SourceReader<'a> {
    fn new(dir: &'a Path, progress: &'a dyn Progress) -> Self {
        let mut hasher = Sha256::new();
        hasher.update(LOADER_VERSION.as_bytes());
        progress.begin("reading data files", FILES.len() as u64);
        Self {
            dir,
            progress,
            hasher,
            tables: HashMap::new(),
            clusters: HashSet::new(),
            subclusters: HashMap::new(),
            soc_titles: BTreeMap::new(),
            cip_titles: BTreeMap::new(),
            occupations: HashSet::new(),
        }
    }

    fn push(&mut self, spec: &'static TableSpec, row: Vec<Value>) {
        debug_assert_eq!(row.len(), spec.columns.len(), "{}", spec.name);
        self.tables.entry(spec.name).or_default().push(row);
    }

    fn text_file(&mut self, name: &str) -> Result<String, DataError> {
        let text = read_text(&self.dir.join(name), name)?;
        self.hasher.update(name.as_bytes());
        self.hasher.update((text.len() as u64).to_le_bytes());
        self.hasher.update(text.as_bytes());
        self.progress.advance(1);
        Ok(text)
    }

    fn csv(&mut self, name: &str, required: &[&str]) -> Result<CsvTable, DataError> {
        let text = self.text_file(name)?;
        CsvTable::parse(name, &text, required)
    }

    fn framework(&mut self) -> Result<FrameworkInfo, DataError> {
        const NAME: &str = "career-clusters/framework.json";
        let json = self.text_file(NAME)?;
        let file: FrameworkFile = serde_json::from_str(&json).map_err(|e| DataError {
            file: NAME.to_string(),
            line: Some(e.line() as u64),
            field: None,
            message: format!("not the expected framework JSON: {e}"),
        })?;
        let at = |field: String, message: String| DataError {
            file: NAME.to_string(),
            line: None,
            field: Some(field),
            message,
        };
        let mut grouping_of: HashMap<&str, &str> = HashMap::new();
        for (i, g) in file.groupings.iter().enumerate() {
            check_slug(&g.id).map_err(|m| at(format!("groupings[{i}].id"), m))?;
            for cluster in &g.clusters {
                if grouping_of.insert(cluster, &g.id).is_some() {
                    return Err(at(
                        format!("groupings[{i}].clusters"),
                        format!("cluster {cluster:?} is listed in two groupings"),
                    ));
                }
            }
        }
        let mut seen_groupings = HashSet::new();
        for (i, g) in file.groupings.iter().enumerate() {
            if !seen_groupings.insert(g.id.clone()) {
                return Err(at(format!("groupings[{i}].id"), format!("duplicate grouping id {:?}", g.id)));
            }
            self.push(
                &GROUPINGS,
                vec![
                    text(&g.id),
                    text(&g.name),
                    Value::Int(Some(i as i64)),
                    Value::Bool(g.membership_verified),
                    text(&g.note),
                ],
            );
        }
        for (i, c) in file.clusters.iter().enumerate() {
            check_slug(&c.id).map_err(|m| at(format!("clusters[{i}].id"), m))?;
            if !seen_groupings.contains(&c.grouping) {
                return Err(at(
                    format!("clusters[{i}].grouping"),
                    format!("unknown grouping {:?}; expected one of the ids under `groupings`", c.grouping),
                ));
            }
            if grouping_of.get(c.id.as_str()) != Some(&c.grouping.as_str()) {
                return Err(at(
                    format!("clusters[{i}].grouping"),
                    format!("cluster {:?} says grouping {:?} but that grouping does not list it", c.id, c.grouping),
                ));
            }
            if !self.clusters.insert(c.id.clone()) {
                return Err(at(format!("clusters[{i}].id"), format!("duplicate cluster id {:?}", c.id)));
            }
            self.push(
                &CLUSTERS,
                vec![
                    text(&c.id),
                    text(&c.grouping),
                    text(&c.name),
                    Value::Int(Some(i as i64)),
                    Value::Bool(c.cross_cutting),
                    text(&c.description),
                    text(&c.description_basis),
                    text(&c.naics_2digit),
                    opt_text(c.onet_cluster_code.as_deref()),
                    Value::Bool(c.onet_cluster_code_verified),
                ],
            );
            for alias in &c.aliases {
                self.push(&ALIASES, vec![text("cluster"), text(&c.id), text(alias)]);
            }
            for (j, s) in c.subclusters.iter().enumerate() {
                let field = format!("clusters[{i}].subclusters[{j}]");
                check_slug(&s.id).map_err(|m| at(format!("{field}.id"), m))?;
                if self.subclusters.insert(s.id.clone(), c.id.clone()).is_some() {
                    return Err(at(format!("{field}.id"), format!("duplicate sub-cluster id {:?}", s.id)));
                }
                let programs = s.example_programs_of_study.as_ref().map(|p| p.join("; "));
                self.push(
                    &SUBCLUSTERS,
                    vec![
                        text(&s.id),
                        text(&c.id),
                        text(&s.name),
                        Value::Int(Some(j as i64)),
                        opt_text(s.description.as_deref()),
                        opt_text(s.description_source.as_deref()),
                        opt_text(programs),
                        Value::Bool(s.verified),
                        text(&s.verification),
                    ],
                );
                for alias in &s.aliases {
                    self.push(&ALIASES, vec![text("subcluster"), text(&s.id), text(alias)]);
                }
            }
        }
        if let Some(orphan) = grouping_of.keys().find(|id| !self.clusters.contains(**id)) {
            return Err(at("groupings".into(), format!("lists cluster {orphan:?}, which is not under `clusters`")));
        }
        Ok(FrameworkInfo {
            framework: file.framework,
            steward: file.steward,
            released: file.released,
            data_version: file.data_version,
        })
    }

    /// Checks that a row's sub-cluster exists under the cluster it names.
    fn subcluster_of(&self, row: &Row) -> Result<String, DataError> {
        let cluster = row.text("cluster_id")?;
        let subcluster = row.text("subcluster_id")?;
        match self.subclusters.get(subcluster) {
            Some(parent) if parent == cluster => Ok(subcluster.to_string()),
            Some(parent) => {
                Err(row
                    .error("cluster_id", format!("sub-cluster {subcluster:?} belongs to {parent:?}, not {cluster:?}")))
            }
            None => Err(row.error(
                "subcluster_id",
                format!("unknown sub-cluster {subcluster:?}; it must be one of the ids in framework.json"),
            )),
        }
    }

    fn crosswalks(&mut self) -> Result<(), DataError> {
        let socs = self.subcluster_links::<SocCode>(
            "career-clusters/subcluster_soc.csv",
            ("soc_code_2018", "occupation_title", Some("soc_interdisciplinary")),
            &SUBCLUSTER_SOCS,
        )?;
        for (code, title) in socs {
            self.soc_titles.entry(code).or_insert(title);
        }
        let cips = self.subcluster_links::<CipCode>(
            "career-clusters/subcluster_cip.csv",
            ("cip_code_2020", "cip_title_2020", Some("cip_interdisciplinary")),
            &SUBCLUSTER_CIPS,
        )?;
        for (code, title) in cips {
            self.cip_titles.entry(code).or_insert(title);
        }
        let sectors = self.subcluster_links::<NaicsSector>(
            "career-clusters/subcluster_naics.csv",
            ("naics_2digit", "naics_title", None),
            &SUBCLUSTER_NAICS,
        )?;
        for (code, title) in sectors {
            self.push(&NAICS_SECTORS, vec![text(code.as_str()), text(title)]);
        }

        let table =
            self.csv("onet/cip_soc.csv", &["cip2020_code", "cip2020_title", "soc2018_code", "soc2018_title"])?;
        let mut links = HashMap::new();
        for row in table.rows() {
            // NCES marks programs without an occupation with this placeholder.
            if row.get("soc2018_code") == "99-9999" {
                continue;
            }
            let cip: CipCode = row.parse("cip2020_code", CipCode::EXPECTED)?;
            let soc: SocCode = row.parse("soc2018_code", SocCode::EXPECTED)?;
            check_unique(&mut links, (cip.clone(), soc.clone()), &row, "soc2018_code")?;
            self.cip_titles.entry(cip.clone()).or_insert_with(|| row.get("cip2020_title").to_string());
            self.soc_titles.entry(soc.clone()).or_insert_with(|| row.get("soc2018_title").to_string());
            self.push(&CIP_SOCS, vec![text(cip.as_str()), text(soc.as_str())]);
        }
        Ok(())
    }

    /// Reads a crosswalk of sub-clusters to codes (`cluster_id, subcluster_id, CODE, TITLE`
    /// and optionally an interdisciplinary flag) into `spec`; returns each code's first title.
    fn subcluster_links<C>(
        &mut self,
        file: &str,
        (code_field, title_field, flag_field): (&str, &str, Option<&str>),
        spec: &'static TableSpec,
    ) -> Result<BTreeMap<C, String>, DataError>
    where
        C: Code,
    {
        let mut columns = vec!["cluster_id", "subcluster_id", code_field, title_field];
        columns.extend(flag_field);
        let table = self.csv(file, &columns)?;
        let mut titles = BTreeMap::new();
        let mut links = HashMap::new();
        for row in table.rows() {
            let subcluster = self.subcluster_of(&row)?;
            let code: C = row.parse(code_field, C::EXPECTED)?;
            check_unique(&mut links, (subcluster.clone(), code.clone()), &row, code_field)?;
            titles.entry(code.clone()).or_insert_with(|| row.get(title_field).to_string());
            let mut values = vec![text(subcluster), text(code.as_ref())];
            if let Some(flag) = flag_field {
                values.push(Value::Bool(row.flag(flag)?));
            }
            self.push(spec, values);
        }
        Ok(titles)
    }

    fn occupations(&mut self) -> Result<(), DataError> {
        let zones = self.csv(
            "onet/job_zone_reference.csv",
            &["job_zone", "name", "experience", "education", "job_training", "examples", "svp_range"],
        )?;
        let mut zone_lines = HashMap::new();
        for row in zones.rows() {
            let zone: i64 = row.parse("job_zone", "a job zone number from 1 to 5")?;
            check_unique(&mut zone_lines, zone, &row, "job_zone")?;
            let mut values = vec![Value::Int(Some(zone))];
            for field in ["name", "experience", "education", "job_training", "examples", "svp_range"] {
                values.push(text(row.text(field)?));
            }
            self.push(&JOB_ZONES, values);
        }

        let categories = self.csv("onet/education_categories.csv", &["rl_category", "label"])?;
        let mut category_lines = HashMap::new();
        for row in categories.rows() {
            let category: i64 = row.parse("rl_category", "an education category number")?;
            check_unique(&mut category_lines, category, &row, "rl_category")?;
            self.push(&EDUCATION_LEVELS, vec![Value::Int(Some(category)), text(row.text("label")?)]);
        }

        let table = self.csv("onet/occupations.csv", &["onetsoc_code", "title", "description"])?;
        let mut occupations: BTreeMap<OnetCode, OccupationDraft> = BTreeMap::new();
        let mut first_line = HashMap::new();
        for row in table.rows() {
            let code: OnetCode = row.parse("onetsoc_code", OnetCode::EXPECTED)?;
            check_unique(&mut first_line, code.clone(), &row, "onetsoc_code")?;
            occupations.insert(
                code,
                OccupationDraft {
                    title: row.text("title")?.to_string(),
                    description: row.get("description").to_string(),
                    ..OccupationDraft::default()
                },
            );
        }
        self.occupations = occupations.keys().cloned().collect();

        let table = self.csv(
            "onet/interests.csv",
            &[
                "onetsoc_code",
                "realistic",
                "investigative",
                "artistic",
                "social",
                "enterprising",
                "conventional",
                "riasec_code",
            ],
        )?;
        for row in table.rows() {
            let draft = occupation_entry(&mut occupations, &row)?;
            let mut scores = [0.0; 6];
            for (score, field) in scores.iter_mut().zip([
                "realistic",
                "investigative",
                "artistic",
                "social",
                "enterprising",
                "conventional",
            ]) {
                *score = row.parse(field, "an interest score from 1 to 7")?;
                if !(1.0..=7.0).contains(score) {
                    return Err(row.error(field, format!("expected an interest score from 1 to 7, found {score}")));
                }
            }
            let code = row.get("riasec_code");
            if !code.chars().all(|c| "RIASEC".contains(c)) || code.len() > 3 {
                return Err(row.error(
                    "riasec_code",
                    format!("expected up to three of the letters R, I, A, S, E, C, found {code:?}"),
                ));
            }
            draft.interests = Some(scores);
            draft.riasec_code = (!code.is_empty()).then(|| code.to_string());
        }

        let table = self.csv("onet/job_zones.csv", &["onetsoc_code", "job_zone"])?;
        for row in table.rows() {
            let zone: i64 = row.parse("job_zone", "a job zone number from 1 to 5")?;
            if !zone_lines.contains_key(&zone) {
                return Err(row.error("job_zone", format!("job zone {zone} is not in job_zone_reference.csv")));
            }
            occupation_entry(&mut occupations, &row)?.job_zone = Some(zone);
        }

        let table = self.csv("onet/education.csv", &["onetsoc_code", "typical_rl_category", "typical_rl_pct"])?;
        for row in table.rows() {
            let category: i64 = row.parse("typical_rl_category", "an education category number")?;
            if !category_lines.contains_key(&category) {
                return Err(
                    row.error("typical_rl_category", format!("category {category} is not in education_categories.csv"))
                );
            }
            let percent: f64 = row.parse("typical_rl_pct", "a percentage")?;
            occupation_entry(&mut occupations, &row)?.education = Some((category, percent));
        }

        for (code, o) in &occupations {
            let [r, i, a, s, e, c] = o.interests.map(|v| v.map(Some)).unwrap_or([None; 6]);
            let (category, percent) = o.education.map(|(c, p)| (Some(c), Some(p))).unwrap_or((None, None));
            self.soc_titles.entry(code.soc()).or_insert_with(|| o.title.clone());
            let row = vec![
                text(code.as_str()),
                text(code.soc().as_str()),
                text(&o.title),
                text(&o.description),
                Value::Int(o.job_zone),
                opt_text(o.riasec_code.as_deref()),
                Value::Real(r),
                Value::Real(i),
                Value::Real(a),
                Value::Real(s),
                Value::Real(e),
                Value::Real(c),
                Value::Int(category),
                Value::Real(percent),
            ];
            self.push(&OCCUPATIONS, row);
        }
        self.occupation_details()
    }

    fn occupation_details(&mut self) -> Result<(), DataError> {
        let table = self.csv("onet/alternate_titles.csv", &["onetsoc_code", "alternate_title", "short_title"])?;
        let mut positions: HashMap<OnetCode, i64> = HashMap::new();
        for row in table.rows() {
            let code = self.known_occupation(&row, "onetsoc_code")?;
            let position = next_position(&mut positions, &code);
            self.push(
                &OCCUPATION_TITLES,
                vec![
                    text(code.as_str()),
                    text("alternate"),
                    Value::Int(Some(position)),
                    text(row.text("alternate_title")?),
                    opt_text(row.optional("short_title", &[])),
                    Value::Bool(false),
                ],
            );
        }

        let table =
            self.csv("onet/reported_titles.csv", &["onetsoc_code", "reported_title", "shown_in_my_next_move"])?;
        let mut positions: HashMap<OnetCode, i64> = HashMap::new();
        for row in table.rows() {
            let code = self.known_occupation(&row, "onetsoc_code")?;
            let position = next_position(&mut positions, &code);
            let shown = row.flag("shown_in_my_next_move")?;
            self.push(
                &OCCUPATION_TITLES,
                vec![
                    text(code.as_str()),
                    text("reported"),
                    Value::Int(Some(position)),
                    text(row.text("reported_title")?),
                    Value::Text(None),
                    Value::Bool(shown),
                ],
            );
        }

        let table = self.csv("onet/task_statements.csv", &["onetsoc_code", "task_id", "task", "task_type"])?;
        let mut positions: HashMap<OnetCode, i64> = HashMap::new();
        let mut task_ids = HashMap::new();
        for row in table.rows() {
            let code = self.known_occupation(&row, "onetsoc_code")?;
            let task_id: i64 = row.parse("task_id", "a whole-number task id")?;
            check_unique(&mut task_ids, task_id, &row, "task_id")?;
            let task_type = row.optional("task_type", &[]);
            if let Some(kind) = task_type
                && kind != "Core"
                && kind != "Supplemental"
            {
                return Err(row.error("task_type", format!("expected Core, Supplemental or empty, found {kind:?}")));
            }
            let position = next_position(&mut positions, &code);
            self.push(
                &OCCUPATION_TASKS,
                vec![
                    Value::Int(Some(task_id)),
                    text(code.as_str()),
                    Value::Int(Some(position)),
                    text(row.text("task")?),
                    opt_text(task_type),
                ],
            );
        }

        let table = self.csv(
            "onet/related_occupations.csv",
            &["onetsoc_code", "related_onetsoc_code", "relatedness_tier", "rank"],
        )?;
        let mut links = HashMap::new();
        for row in table.rows() {
            let code = self.known_occupation(&row, "onetsoc_code")?;
            let related = self.known_occupation(&row, "related_onetsoc_code")?;
            check_unique(&mut links, (code.clone(), related.clone()), &row, "related_onetsoc_code")?;
            let rank: i64 = row.parse("rank", "a whole-number rank")?;
            self.push(
                &RELATED_OCCUPATIONS,
                vec![
                    text(code.as_str()),
                    text(related.as_str()),
                    text(row.text("relatedness_tier")?),
                    Value::Int(Some(rank)),
                ],
            );
        }
        self.projections()
    }

    fn projections(&mut self) -> Result<(), DataError> {
        const NOT_AVAILABLE: &[&str] = &["—", "-", "–", "N/A", "n/a"];
        let table = self.csv(
            "onet/bls_projections.csv",
            &[
                "soc_code",
                "title",
                "occupation_type",
                "employment_2024_thousands",
                "employment_2034_thousands",
                "employment_change_2024_34_thousands",
                "employment_change_2024_34_percent",
                "percent_self_employed_2024",
                "annual_openings_2024_34_thousands",
                "median_annual_wage_2024",
                "typical_education",
                "work_experience",
                "typical_ojt",
            ],
        )?;
        let mut seen = HashMap::new();
        for row in table.rows() {
            let soc: SocCode = row.parse("soc_code", SocCode::EXPECTED)?;
            check_unique(&mut seen, soc.clone(), &row, "soc_code")?;
            let mut values = vec![text(soc.as_str()), text(row.text("title")?), text(row.text("occupation_type")?)];
            for field in [
                "employment_2024_thousands",
                "employment_2034_thousands",
                "employment_change_2024_34_thousands",
                "employment_change_2024_34_percent",
                "percent_self_employed_2024",
                "annual_openings_2024_34_thousands",
            ] {
                values.push(Value::Real(row.parse_optional(field, NOT_AVAILABLE, "a number")?));
            }
            let (wage, floor) = parse_wage(&row, NOT_AVAILABLE)?;
            values.push(Value::Int(wage));
            values.push(Value::Bool(floor));
            for field in ["typical_education", "work_experience", "typical_ojt"] {
                values.push(opt_text(row.optional(field, NOT_AVAILABLE)));
            }
            self.push(&BLS_PROJECTIONS, values);
        }
        Ok(())
    }

    fn known_occupation(&self, row: &Row, field: &str) -> Result<OnetCode, DataError> {
        let code: OnetCode = row.parse(field, OnetCode::EXPECTED)?;
        if self.occupations.contains(&code) {
            Ok(code)
        } else {
            Err(row.error(field, format!("occupation {code} is not in onet/occupations.csv")))
        }
    }

    fn practices(&mut self) -> Result<(), DataError> {
        let table = self.csv(
            "career-clusters/career_ready_practices.csv",
            &["framework_version", "code", "number", "practice", "verified", "source", "note"],
        )?;
        let mut ids = HashMap::new();
        for (position, row) in table.rows().enumerate() {
            let version = row.text("framework_version")?;
            let code = row.text("code")?;
            let id = format!("{version}/{code}");
            check_unique(&mut ids, id.clone(), &row, "code")?;
            self.push(
                &PRACTICES,
                vec![
                    text(id),
                    text(version),
                    text(code),
                    Value::Int(row.parse_optional("number", &[], "a whole number")?),
                    text(row.text("practice")?),
                    Value::Bool(row.flag("verified")?),
                    text(row.get("source")),
                    opt_text(row.optional("note", &[])),
                    Value::Int(Some(position as i64)),
                ],
            );
        }

        let table = self.csv(
            "career-clusters/employability_skills_framework.csv",
            &["category", "skill", "sub_skill", "sub_skill_verified"],
        )?;
        for (position, row) in table.rows().enumerate() {
            self.push(
                &EMPLOYABILITY_SKILLS,
                vec![
                    Value::Int(Some(position as i64)),
                    text(row.text("category")?),
                    text(row.text("skill")?),
                    text(row.text("sub_skill")?),
                    Value::Bool(row.flag("sub_skill_verified")?),
                ],
            );
        }
        Ok(())
    }

    fn legacy(&mut self) -> Result<(), DataError> {
        let table = self.csv(
            "career-clusters/legacy_clusters.csv",
            &[
                "legacy_cluster_id",
                "legacy_cluster",
                "legacy_cluster_alias",
                "legacy_pathway_id",
                "legacy_pathway",
                "onet_pathway_name",
                "in_onet_legacy_export",
                "verified",
                "source_note",
            ],
        )?;
        let mut clusters: Vec<String> = Vec::new();
        let mut cluster_names: HashMap<String, String> = HashMap::new();
        let mut pathway_ids = HashMap::new();
        let mut pathway_by_names: HashMap<(String, String), String> = HashMap::new();
        for (position, row) in table.rows().enumerate() {
            let cluster = row.text("legacy_cluster_id")?.to_string();
            check_slug(&cluster).map_err(|m| row.error("legacy_cluster_id", m))?;
            let cluster_name = row.text("legacy_cluster")?.to_string();
            if !cluster_names.contains_key(&cluster) {
                clusters.push(cluster.clone());
                cluster_names.insert(cluster.clone(), cluster_name.clone());
                self.push(
                    &LEGACY_CLUSTERS,
                    vec![
                        text(&cluster),
                        text(&cluster_name),
                        opt_text(row.optional("legacy_cluster_alias", &[])),
                        Value::Int(Some(clusters.len() as i64 - 1)),
                    ],
                );
            }
            let pathway = row.text("legacy_pathway_id")?.to_string();
            check_unique(&mut pathway_ids, pathway.clone(), &row, "legacy_pathway_id")?;
            let onet_name = row.optional("onet_pathway_name", &[]);
            if let Some(name) = onet_name {
                pathway_by_names.insert((cluster_name.clone(), name.to_string()), pathway.clone());
            }
            self.push(
                &LEGACY_PATHWAYS,
                vec![
                    text(&pathway),
                    text(&cluster),
                    text(row.text("legacy_pathway")?),
                    opt_text(onet_name),
                    Value::Bool(row.flag("in_onet_legacy_export")?),
                    Value::Bool(row.flag("verified")?),
                    text(row.get("source_note")),
                    Value::Int(Some(position as i64)),
                ],
            );
        }

        let table = self.csv(
            "career-clusters/legacy_to_modern_clusters.csv",
            &[
                "legacy_cluster_id",
                "modern_cluster_id",
                "relationship",
                "basis",
                "verified_by_published_statement",
                "soc_overlap_top_modern_clusters",
            ],
        )?;
        let mut positions: HashMap<String, i64> = HashMap::new();
        for row in table.rows() {
            let legacy = row.text("legacy_cluster_id")?.to_string();
            if !cluster_names.contains_key(&legacy) {
                return Err(row.error(
                    "legacy_cluster_id",
                    format!("unknown legacy cluster {legacy:?}; it must be in legacy_clusters.csv"),
                ));
            }
            let modern = row.optional("modern_cluster_id", &[]);
            if let Some(modern) = modern
                && !self.clusters.contains(modern)
            {
                return Err(row.error(
                    "modern_cluster_id",
                    format!("unknown cluster {modern:?}; it must be one of the ids in framework.json"),
                ));
            }
            let position = next_position(&mut positions, &legacy);
            self.push(
                &LEGACY_CLUSTER_LINKS,
                vec![
                    text(&legacy),
                    Value::Int(Some(position)),
                    opt_text(modern),
                    text(row.text("relationship")?),
                    text(row.get("basis")),
                    Value::Bool(row.flag("verified_by_published_statement")?),
                    text(row.get("soc_overlap_top_modern_clusters")),
                ],
            );
        }

        let table = self.csv(
            "career-clusters/legacy_pathway_to_subcluster_derived.csv",
            &[
                "legacy_pathway_id",
                "modern_subcluster_id",
                "shared_soc_count",
                "legacy_pathway_soc_count",
                "legacy_pathway_socs_found_in_modern_crosswalk",
                "share_of_found",
            ],
        )?;
        let mut links = HashMap::new();
        for row in table.rows() {
            let pathway = row.text("legacy_pathway_id")?.to_string();
            if !pathway_ids.contains_key(&pathway) {
                return Err(row.error(
                    "legacy_pathway_id",
                    format!("unknown legacy pathway {pathway:?}; it must be in legacy_clusters.csv"),
                ));
            }
            let subcluster = row.text("modern_subcluster_id")?.to_string();
            if !self.subclusters.contains_key(&subcluster) {
                return Err(row.error(
                    "modern_subcluster_id",
                    format!("unknown sub-cluster {subcluster:?}; it must be one of the ids in framework.json"),
                ));
            }
            check_unique(&mut links, (pathway.clone(), subcluster.clone()), &row, "modern_subcluster_id")?;
            self.push(
                &LEGACY_PATHWAY_SUBCLUSTERS,
                vec![
                    text(pathway),
                    text(subcluster),
                    Value::Int(Some(row.parse("shared_soc_count", "a whole number")?)),
                    Value::Int(Some(row.parse("legacy_pathway_soc_count", "a whole number")?)),
                    Value::Int(Some(row.parse("legacy_pathway_socs_found_in_modern_crosswalk", "a whole number")?)),
                    Value::Real(Some(row.parse("share_of_found", "a share from 0 to 1")?)),
                ],
            );
        }

        let table = self.csv(
            "career-clusters/legacy_onet_cluster_occupations.csv",
            &["legacy_cluster", "legacy_pathway_onet_name", "onet_soc_code"],
        )?;
        let mut links = HashMap::new();
        for row in table.rows() {
            let key = (row.text("legacy_cluster")?.to_string(), row.text("legacy_pathway_onet_name")?.to_string());
            let Some(pathway) = pathway_by_names.get(&key).cloned() else {
                return Err(row.error(
                    "legacy_pathway_onet_name",
                    format!(
                        "no pathway {:?} in cluster {:?} in legacy_clusters.csv (column onet_pathway_name)",
                        key.1, key.0
                    ),
                ));
            };
            let code = self.known_occupation(&row, "onet_soc_code")?;
            // The same occupation may appear twice under one pathway when two legacy
            // clusters share a pathway name; one link is enough.
            if links.insert((pathway.clone(), code.clone()), row.line()).is_none() {
                self.push(&LEGACY_PATHWAY_OCCUPATIONS, vec![text(pathway), text(code.as_str())]);
            }
        }
        Ok(())
    }

    fn interests(&mut self) -> Result<(), DataError> {
        let table = self.csv("onet/interest_profiler_60.csv", &["item_no", "area_code", "statement"])?;
        let mut items = HashMap::new();
        for row in table.rows() {
            let item: i64 = row.parse("item_no", "an item number from 1 to 60")?;
            check_unique(&mut items, item, &row, "item_no")?;
            let area = riasec_letter(&row, "area_code")?;
            self.push(&PROFILER_ITEMS, vec![Value::Int(Some(item)), text(area), text(row.text("statement")?)]);
        }

        let table = self.csv("onet/riasec_keywords.csv", &["area", "keyword", "keyword_type"])?;
        let mut keywords = HashMap::new();
        for row in table.rows() {
            let area = riasec_area(&row, "area")?;
            let keyword = row.text("keyword")?;
            check_unique(&mut keywords, (area, keyword.to_string()), &row, "keyword")?;
            self.push(&RIASEC_KEYWORDS, vec![text(area), text(keyword), text(row.text("keyword_type")?)]);
        }

        let table = self.csv(
            "onet/basic_interests_to_riasec.csv",
            &["basic_interest_element_id", "basic_interest", "riasec_area"],
        )?;
        let mut basic: HashMap<String, String> = HashMap::new();
        let mut links = HashMap::new();
        for row in table.rows() {
            let id = row.text("basic_interest_element_id")?.to_string();
            let name = row.text("basic_interest")?.to_string();
            if !basic.contains_key(&name) {
                self.push(&BASIC_INTERESTS, vec![text(&id), text(&name)]);
                basic.insert(name.clone(), id.clone());
            }
            let area = riasec_area(&row, "riasec_area")?;
            check_unique(&mut links, (id.clone(), area), &row, "riasec_area")?;
            self.push(&BASIC_INTEREST_AREAS, vec![text(id), text(area)]);
        }

        let table = self.csv("onet/interests_illustrative_activities.csv", &["area", "interest_type", "activity"])?;
        for (position, row) in table.rows().enumerate() {
            let (interest, kind) = illustrative_interest(&row, &basic)?;
            self.push(
                &ILLUSTRATIVE_ACTIVITIES,
                vec![Value::Int(Some(position as i64)), text(interest), text(kind), text(row.text("activity")?)],
            );
        }

        let table =
            self.csv("onet/interests_illustrative_occupations.csv", &["area", "interest_type", "onetsoc_code"])?;
        let mut seen = HashMap::new();
        for row in table.rows() {
            let (interest, kind) = illustrative_interest(&row, &basic)?;
            let code = self.known_occupation(&row, "onetsoc_code")?;
            check_unique(&mut seen, (interest.to_string(), code.clone()), &row, "onetsoc_code")?;
            self.push(&ILLUSTRATIVE_OCCUPATIONS, vec![text(interest), text(code.as_str()), text(kind)]);
        }
        Ok(())
    }

    fn finish(mut self, framework: FrameworkInfo) -> CatalogSource {
        for (code, title) in std::mem::take(&mut self.soc_titles) {
            self.push(&SOC_CODES, vec![text(code.as_str()), text(title)]);
        }
        for (code, title) in std::mem::take(&mut self.cip_titles) {
            self.push(&CIP_PROGRAMS, vec![text(code.as_str()), text(title)]);
        }
        let fingerprint = format!("{:x}", self.hasher.finalize());
        let tables = ALL_TABLES
            .iter()
            .map(|spec| TableRows { spec, rows: self.tables.remove(spec.name).unwrap_or_default() })
            .collect();
        CatalogSource { tables, fingerprint, framework }
    }
}

#[derive(Default)]
struct OccupationDraft {
    title: String,
    description: String,
    job_zone: Option<i64>,
    riasec_code: Option<String>,
    interests: Option<[f64; 6]>,
    education: Option<(i64, f64)>,
}

fn occupation_entry<'m>(
    occupations: &'m mut BTreeMap<OnetCode, OccupationDraft>,
    row: &Row,
) -> Result<&'m mut OccupationDraft, DataError> {
    let code: OnetCode = row.parse("onetsoc_code", OnetCode::EXPECTED)?;
    occupations
        .get_mut(&code)
        .ok_or_else(|| row.error("onetsoc_code", format!("occupation {code} is not in onet/occupations.csv")))
}

fn parse_wage(row: &Row, absent: &[&str]) -> Result<(Option<i64>, bool), DataError> {
    const FIELD: &str = "median_annual_wage_2024";
    let Some(raw) = row.optional(FIELD, absent) else {
        return Ok((None, false));
    };
    let floor = raw.starts_with(">=");
    let digits: String = raw.trim_start_matches(">=").chars().filter(|c| *c != '$' && *c != ',').collect();
    let wage: f64 = digits.parse().map_err(|_| {
        row.error(FIELD, format!("expected a wage in dollars such as 52340 or >=$239,200, found {raw:?}"))
    })?;
    Ok((Some(wage.round() as i64), floor))
}

const RIASEC_AREAS: [(&str, &str); 6] = [
    ("Realistic", "R"),
    ("Investigative", "I"),
    ("Artistic", "A"),
    ("Social", "S"),
    ("Enterprising", "E"),
    ("Conventional", "C"),
];

/// A RIASEC area written out ("Social") as its letter.
fn riasec_area(row: &Row, field: &str) -> Result<&'static str, DataError> {
    let value = row.text(field)?;
    RIASEC_AREAS.iter().find(|(name, _)| name.eq_ignore_ascii_case(value)).map(|(_, code)| *code).ok_or_else(|| {
        row.error(field, format!("expected one of Realistic, Investigative, Artistic, Social, Enterprising, Conventional, found {value:?}"))
    })
}

/// A RIASEC letter (R, I, A, S, E or C).
fn riasec_letter(row: &Row, field: &str) -> Result<&'static str, DataError> {
    let value = row.text(field)?;
    RIASEC_AREAS
        .iter()
        .find(|(_, code)| code.eq_ignore_ascii_case(value))
        .map(|(_, code)| *code)
        .ok_or_else(|| row.error(field, format!("expected one of the letters R, I, A, S, E, C, found {value:?}")))
}

/// The interest an illustrative row is about: a RIASEC area (General) or a basic interest (Basic).
fn illustrative_interest<'r>(row: &Row<'r>, basic: &HashMap<String, String>) -> Result<(&'r str, &'r str), DataError> {
    let interest = row.text("area")?;
    let kind = row.text("interest_type")?;
    let known = match kind {
        "General" => riasec_area(row, "area").is_ok(),
        "Basic" => basic.contains_key(interest),
        _ => return Err(row.error("interest_type", format!("expected General or Basic, found {kind:?}"))),
    };
    if known {
        Ok((interest, kind))
    } else {
        Err(row.error(
            "area",
            format!("{interest:?} is neither a RIASEC area nor a basic interest in basic_interests_to_riasec.csv"),
        ))
    }
}

/// Records `key` as seen on this row, or reports the line where it was first seen.
fn check_unique<K: std::hash::Hash + Eq>(
    seen: &mut HashMap<K, u64>,
    key: K,
    row: &Row,
    field: &str,
) -> Result<(), DataError> {
    match seen.insert(key, row.line()) {
        None => Ok(()),
        Some(first) => Err(row.error(field, format!("duplicate of line {first}; each value may appear only once"))),
    }
}

fn next_position<K: std::hash::Hash + Eq + Clone>(positions: &mut HashMap<K, i64>, key: &K) -> i64 {
    let next = positions.entry(key.clone()).or_insert(0);
    *next += 1;
    *next - 1
}

/// Ids appear in URLs and message keys: lower-case letters, digits and single hyphens.
fn check_slug(id: &str) -> Result<(), String> {
    let ok = !id.is_empty()
        && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-')
        && !id.ends_with('-');
    if ok { Ok(()) } else { Err(format!("expected an id of lower-case letters, digits and hyphens, found {id:?}")) }
}

#[derive(Deserialize)]
struct FrameworkFile {
    framework: String,
    steward: String,
    released: String,
    data_version: String,
    groupings: Vec<GroupingJson>,
    clusters: Vec<ClusterJson>,
}

#[derive(Deserialize)]
struct GroupingJson {
    id: String,
    name: String,
    clusters: Vec<String>,
    membership_verified: bool,
    #[serde(default)]
    note: String,
}

#[derive(Deserialize)]
struct ClusterJson {
    id: String,
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
    grouping: String,
    cross_cutting: bool,
    description: String,
    #[serde(default)]
    description_basis: String,
    #[serde(default)]
    naics_2digit: String,
    onet_cluster_code: Option<String>,
    #[serde(default)]
    onet_cluster_code_verified: bool,
    subclusters: Vec<SubclusterJson>,
}

#[derive(Deserialize)]
struct SubclusterJson {
    id: String,
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
    description: Option<String>,
    description_source: Option<String>,
    example_programs_of_study: Option<Vec<String>>,
    verified: bool,
    #[serde(default)]
    verification: String,
}
