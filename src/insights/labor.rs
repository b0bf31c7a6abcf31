//! Labor demand by occupation: the national BLS employment projections by default, or the
//! district's own regional figures imported from a CSV file (one row per 2018 SOC
//! occupation: annual openings, median wage, growth), read as tolerantly as rosters —
//! byte-order marks, Windows-1252, header spellings of state labor-market files, "$52,000",
//! "3.1%", suppressed cells — and imported all or nothing.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use time::OffsetDateTime;

use crate::audit::{self, Action, Entry};
use crate::db::Db;
use crate::db::batch::{BulkInsert, Value};
use crate::ids::{DistrictId, UserId};
use crate::oneroster::input::Source;
use crate::oneroster::read::{FileSpec, Row, read_file};
use crate::oneroster::report::{Report, Status};
use crate::orgs::model::User;
use crate::with_pool;

/// How the file is named in the report.
pub const FILE: &str = "labor-demand.csv";

/// Hours in a working year, to turn an hourly median wage into an annual one.
const HOURS_PER_YEAR: f64 = 2080.0;

pub const SPEC: FileSpec = FileSpec {
    name: FILE,
    required: &[],
    known: &[
        "soccode",
        "title",
        "annualopenings",
        "annualopeningsthousands",
        "medianwage",
        "medianhourlywage",
        "growthpercent",
    ],
    columns: demand_column,
};

/// The canonical name of a column of a labor-demand file, from the spellings of BLS and
/// state labor-market files ("OCC_CODE", "Annual Openings", "A_MEDIAN", "Percent Change").
pub fn demand_column(name: &str) -> String {
    let plain: String = name.chars().filter(char::is_ascii_alphanumeric).collect::<String>().to_ascii_lowercase();
    let has = |part: &str| plain.contains(part);
    let canonical = match plain.as_str() {
        "soc" | "soccode" | "occcode" | "occupationcode" | "code" | "onetsoccode" | "soc2018" | "soc2018code"
        | "soccode2018" | "socid" => "soccode",
        "title" | "occupation" | "occtitle" | "occupationtitle" | "soctitle" | "occupationname" | "name" => "title",
        "amedian" | "wage" | "annualwage" => "medianwage",
        "hmedian" | "hourlywage" => "medianhourlywage",
        "growth" | "percentchange" | "pctchange" => "growthpercent",
        _ if has("openings") && has("thousand") => "annualopeningsthousands",
        _ if has("openings") => "annualopenings",
        _ if has("median") && has("hour") => "medianhourlywage",
        _ if has("median") => "medianwage",
        _ if has("growth") || (has("change") && (has("percent") || has("pct"))) => "growthpercent",
        _ => return plain,
    };
    canonical.to_string()
}

/// One occupation's demand as a district imported it.
#[derive(Clone, Debug, PartialEq)]
pub struct DemandRow {
    pub soc_code: String,
    pub title: Option<String>,
    pub annual_openings: f64,
    pub median_wage: Option<f64>,
    pub growth_percent: Option<f64>,
}

/// A 2018 SOC code written as 29-1141, 291141, 29-1141.00 (O*NET-SOC) or with spaces.
pub fn soc_code(text: &str) -> Option<String> {
    let text = text.trim().trim_start_matches('=').trim_matches('"').trim();
    let base = match text.split_once('.') {
        Some((base, suffix)) if suffix.len() == 2 && suffix.bytes().all(|b| b.is_ascii_digit()) => base,
        Some(_) => return None,
        None => text,
    };
    let digits: String = base.chars().filter(|c| !matches!(c, '-' | ' ')).collect();
    (digits.len() == 6 && digits.bytes().all(|b| b.is_ascii_digit()))
        .then(|| format!("{}-{}", &digits[..2], &digits[2..]))
}

/// A cell that is neither a figure nor a suppressed one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotANumber;

/// A figure as labor-market files write it: "1,250", "$52,000", ">=$239,200", "3.1%",
/// "(2.5)" for a negative. `Ok(None)` for an empty or suppressed cell ("*", "-", "N/A").
pub fn figure(text: &str) -> Result<Option<f64>, NotANumber> {
    let text = text.trim();
    let lower = text.to_ascii_lowercase();
    if matches!(lower.as_str(), "" | "-" | "—" | "–" | "n/a" | "na" | "#" | "..." | "(d)" | "(s)" | "(x)")
        || lower.chars().all(|c| c == '*')
    {
        return Ok(None);
    }
    let (negative, text) = match text.strip_prefix('(').and_then(|t| t.strip_suffix(')')) {
        Some(inner) => (true, inner),
        None => (false, text),
    };
    let cleaned: String = text
        .trim_start_matches(['>', '<', '=', '≥', '≤', '~'])
        .chars()
        .filter(|c| !matches!(c, '$' | ',' | '%' | ' ' | '\u{a0}'))
        .collect();
    let value: f64 = cleaned.parse().map_err(|_| NotANumber)?;
    if !value.is_finite() {
        return Err(NotANumber);
    }
    Ok(Some(if negative { -value } else { value }))
}

/// What the catalog knows of SOC codes: the BLS line items and summary rows, and the codes
/// of occupations and sub-clusters.
pub struct KnownSocs {
    summaries: HashSet<String>,
    known: HashSet<String>,
}

impl KnownSocs {
    pub async fn load(db: &Db) -> Result<Self, sqlx::Error> {
        let bls: Vec<(String, String)> = with_pool!(db, pool => {
            sqlx::query_as("SELECT soc_code, occupation_type FROM bls_projections").fetch_all(pool).await
        })?;
        let others: Vec<(String,)> = with_pool!(db, pool => {
            sqlx::query_as("SELECT soc_code FROM subcluster_socs UNION SELECT soc_code FROM occupations")
                .fetch_all(pool).await
        })?;
        let summaries = bls.iter().filter(|(_, kind)| kind == "Summary").map(|(soc, _)| soc.clone()).collect();
        let known = bls.into_iter().map(|(soc, _)| soc).chain(others.into_iter().map(|(soc,)| soc)).collect();
        Ok(Self { summaries, known })
    }

    /// Codes known without a database: `summaries` are totals, `known` every code.
    pub fn from_codes(summaries: &[&str], known: &[&str]) -> Self {
        let set = |codes: &[&str]| codes.iter().map(|c| c.to_string()).collect();
        Self { summaries: set(summaries), known: set(known) }
    }

    /// Major and minor groups (29-0000, 29-1100): totals of the detailed rows.
    fn is_summary(&self, soc: &str) -> bool {
        self.summaries.contains(soc) || (soc.ends_with("00") && !self.known.contains(soc))
    }
}

/// Reads the rows of a labor-demand file into `report`; nothing is written.
pub fn read(source: &Source, socs: &KnownSocs, report: &mut Report) -> Vec<DemandRow> {
    let mut rows = Vec::new();
    let mut seen: HashMap<String, u64> = HashMap::new();
    let mut columns_checked = false;
    let read = read_file(source, &SPEC, report, |row, report| {
        if !columns_checked {
            columns_checked = true;
            check_columns(row, report);
        }
        if let Some(demand) = demand_row(row, socs, &mut seen, report) {
            rows.push(demand);
        }
    });
    match read {
        Err(error) => report.error(FILE, None, None, error.to_string()),
        Ok(false) => report.error(FILE, None, None, "the file is missing"),
        Ok(true) if rows.is_empty() && !report.has_errors() => report.error(
            FILE,
            None,
            None,
            "the file has no occupations; give one row per SOC code with its annual openings",
        ),
        Ok(true) => {}
    }
    report.count(FILE).imported = rows.len() as u64;
    rows
}

fn check_columns(row: &Row, report: &mut Report) {
    if !row.has("soccode") {
        report.error(
            FILE,
            Some(1),
            Some("soc_code"),
            "the file needs a soc_code column (a 2018 SOC code such as 29-1141)",
        );
    }
    if !row.has("annualopenings") && !row.has("annualopeningsthousands") {
        report.error(
            FILE,
            Some(1),
            Some("annual_openings"),
            "the file needs an annual_openings column (openings per year; a header with \"thousands\" is read as thousands)",
        );
    }
}

fn demand_row(row: &Row, socs: &KnownSocs, seen: &mut HashMap<String, u64>, report: &mut Report) -> Option<DemandRow> {
    if !row.has("soccode") || !(row.has("annualopenings") || row.has("annualopeningsthousands")) {
        return None;
    }
    let text = row.get("soccode");
    let Some(soc) = soc_code(text) else {
        report.error(
            FILE,
            Some(row.line),
            Some("soc_code"),
            format!("{text:?} is not a SOC code; write a 2018 SOC code such as 29-1141"),
        );
        return None;
    };
    if socs.is_summary(&soc) {
        report.warn(
            "summary",
            FILE,
            Some(row.line),
            Some("soc_code"),
            format!("{soc} is a group total, left out so its occupations are not counted twice"),
        );
        report.count(FILE).skipped += 1;
        return None;
    }
    if let Some(first) = seen.insert(soc.clone(), row.line) {
        report.error(
            FILE,
            Some(row.line),
            Some("soc_code"),
            format!("{soc} is also on line {first}; give each occupation one row (one area per file)"),
        );
        return None;
    }
    let (column, scale) =
        if row.has("annualopenings") { ("annualopenings", 1.0) } else { ("annualopeningsthousands", 1000.0) };
    let openings = match number(row, column, "annual_openings", report)? {
        Some(value) if value >= 0.0 => value * scale,
        Some(_) => {
            report.error(FILE, Some(row.line), Some("annual_openings"), "annual openings cannot be negative");
            return None;
        }
        None => {
            report.warn(
                "no openings",
                FILE,
                Some(row.line),
                Some("annual_openings"),
                format!("{soc} has no annual openings figure (suppressed or empty); the row is left out"),
            );
            report.count(FILE).skipped += 1;
            return None;
        }
    };
    let median_wage = if row.has("medianwage") {
        number(row, "medianwage", "median_wage", report)?
    } else {
        number(row, "medianhourlywage", "median_wage", report)?.map(|hourly| hourly * HOURS_PER_YEAR)
    };
    let growth_percent = number(row, "growthpercent", "growth_percent", report)?;
    if !socs.known.contains(&soc) {
        report.warn(
            "unknown soc",
            FILE,
            Some(row.line),
            Some("soc_code"),
            format!("{soc} is not a 2018 SOC occupation the catalog knows; it counts toward no sub-cluster"),
        );
    }
    Some(DemandRow {
        soc_code: soc,
        title: row.optional("title"),
        annual_openings: openings,
        median_wage,
        growth_percent,
    })
}

/// The figure in `column`; `None` (outer) with an error when it is not a number.
fn number(row: &Row, column: &str, shown: &str, report: &mut Report) -> Option<Option<f64>> {
    let text = row.get(column);
    match figure(text) {
        Ok(value) => Some(value),
        Err(NotANumber) => {
            report.error(
                FILE,
                Some(row.line),
                Some(shown),
                format!("{text:?} is not a number; write it like 1250, $52,000 or 3.1%, or leave it empty"),
            );
            None
        }
    }
}

/// Where a district's figures come from.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct RegionalSource {
    pub region: String,
    pub file_name: String,
    pub occupations: i64,
    pub imported_by: Option<UserId>,
    pub imported_at: OffsetDateTime,
}

pub async fn regional_source(db: &Db, district: DistrictId) -> Result<Option<RegionalSource>, sqlx::Error> {
    const SQL: &str = "SELECT region, file_name, occupations, imported_by, imported_at
         FROM labor_demand_sources WHERE district_id = $1";
    with_pool!(db, pool => sqlx::query_as(SQL).bind(district).fetch_optional(pool).await)
}

/// Who imports, and what the figures are called.
pub struct Import<'a> {
    pub district: DistrictId,
    pub region: &'a str,
    pub file_name: &'a str,
    pub actor: Option<&'a User>,
    pub dry_run: bool,
}

/// Reads the file at `path` and, when it has no errors, replaces the district's regional
/// figures with it in one transaction.
pub async fn import(db: &Db, path: &Path, import: &Import<'_>) -> Result<Report, sqlx::Error> {
    let mut report = Report::new(import.file_name.to_string());
    let source = match Source::single(path, FILE) {
        Ok(source) => source,
        Err(error) => {
            report.error(FILE, None, None, error.to_string());
            return Ok(report);
        }
    };
    let socs = KnownSocs::load(db).await?;
    let rows = read(&source, &socs, &mut report);
    if report.has_errors() {
        report.count(FILE).imported = 0;
        return Ok(report);
    }
    if import.dry_run {
        report.status = Status::Valid;
        return Ok(report);
    }
    replace(db, import, &rows).await?;
    report.status = Status::Imported;
    Ok(report)
}

async fn replace(db: &Db, import: &Import<'_>, rows: &[DemandRow]) -> Result<(), sqlx::Error> {
    const COLUMNS: &[&str] = &["district_id", "soc_code", "title", "annual_openings", "median_wage", "growth_percent"];
    const SOURCE: &str = "INSERT INTO labor_demand_sources (district_id, region, file_name, occupations, imported_by, imported_at)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (district_id) DO UPDATE SET region = excluded.region, file_name = excluded.file_name,
             occupations = excluded.occupations, imported_by = excluded.imported_by, imported_at = excluded.imported_at";
    let values: Vec<Vec<Value>> = rows
        .iter()
        .map(|r| {
            vec![
                Value::uuid(import.district.uuid()),
                Value::text(&r.soc_code),
                Value::opt_text(r.title.clone()),
                Value::Real(Some(r.annual_openings)),
                Value::Real(r.median_wage),
                Value::Real(r.growth_percent),
            ]
        })
        .collect();
    let now = OffsetDateTime::now_utc();
    let actor = import.actor.map(|u| u.id);
    with_pool!(db, pool => {
        let mut tx = pool.begin().await?;
        sqlx::query("DELETE FROM labor_demand WHERE district_id = $1").bind(import.district).execute(&mut *tx).await?;
        BulkInsert::insert_rows(&mut *tx, "labor_demand", COLUMNS, &values, "", &mut |_| ()).await?;
        sqlx::query(SOURCE).bind(import.district).bind(import.region).bind(import.file_name)
            .bind(rows.len() as i64).bind(actor).bind(now).execute(&mut *tx).await?;
        tx.commit().await
    })?;
    let detail = format!("{} occupations of {}", rows.len(), import.region);
    let entry = match import.actor {
        Some(user) => Entry::by(user, Action::Import, "labor demand"),
        None => Entry::without_actor(Action::Import, Some(import.district), "labor demand"),
    };
    audit::record(db, &Entry { district: Some(import.district), detail: Some(&detail), ..entry }, now).await
}

/// Returns the district to the national projections.
pub async fn forget(db: &Db, district: DistrictId, actor: &User) -> Result<(), sqlx::Error> {
    with_pool!(db, pool => {
        let mut tx = pool.begin().await?;
        sqlx::query("DELETE FROM labor_demand WHERE district_id = $1").bind(district).execute(&mut *tx).await?;
        sqlx::query("DELETE FROM labor_demand_sources WHERE district_id = $1").bind(district).execute(&mut *tx).await?;
        tx.commit().await
    })?;
    let entry = Entry::by(actor, Action::Change, "labor demand");
    let detail = "back to the national projections";
    audit::record(db, &Entry { district: Some(district), detail: Some(detail), ..entry }, OffsetDateTime::now_utc())
        .await
}

/// One occupation's demand linked to a sub-cluster.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct LinkedDemand {
    pub subcluster_id: String,
    pub soc_code: String,
    pub title: String,
    pub annual_openings: f64,
    pub median_wage: Option<f64>,
    pub growth_percent: Option<f64>,
}

/// Every sub-cluster's occupations with their demand: the district's regional figures when
/// it imported some, else the national projections (in openings per year, not thousands).
pub async fn linked_demand(db: &Db, district: DistrictId, regional: bool) -> Result<Vec<LinkedDemand>, sqlx::Error> {
    const NATIONAL: &str =
        "SELECT ss.subcluster_id, b.soc_code, b.title, b.annual_openings_thousands * 1000.0 AS annual_openings,
             CAST(b.median_wage AS DOUBLE PRECISION) AS median_wage, b.change_percent AS growth_percent
         FROM subcluster_socs ss JOIN bls_projections b ON b.soc_code = ss.soc_code
         WHERE b.occupation_type = 'Line item' AND b.annual_openings_thousands IS NOT NULL";
    const REGIONAL: &str = "SELECT ss.subcluster_id, d.soc_code, COALESCE(d.title, b.title, d.soc_code) AS title,
             d.annual_openings, d.median_wage, d.growth_percent
         FROM subcluster_socs ss JOIN labor_demand d ON d.soc_code = ss.soc_code
         LEFT JOIN bls_projections b ON b.soc_code = d.soc_code
         WHERE d.district_id = $1";
    if regional {
        with_pool!(db, pool => sqlx::query_as(REGIONAL).bind(district).fetch_all(pool).await)
    } else {
        let national = match db {
            Db::Sqlite(_) => NATIONAL.replace("DOUBLE PRECISION", "REAL"),
            Db::Postgres(_) => NATIONAL.to_string(),
        };
        with_pool!(db, pool => sqlx::query_as(&national).fetch_all(pool).await)
    }
}

/// Openings per year of every occupation counted once (an occupation can belong to several
/// sub-clusters), the base of each sub-cluster's share.
pub fn total_openings(linked: &[LinkedDemand]) -> f64 {
    let mut seen = HashSet::new();
    linked.iter().filter(|d| seen.insert(d.soc_code.as_str())).map(|d| d.annual_openings).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads `bytes` as a regional file; the catalog knows 29-1141 and the group 29-0000.
    fn read_bytes(bytes: &[u8]) -> (Vec<DemandRow>, Report) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("county.csv");
        std::fs::write(&path, bytes).unwrap();
        let socs = KnownSocs {
            summaries: HashSet::from(["29-0000".to_string()]),
            known: HashSet::from(["29-0000".to_string(), "29-1141".to_string()]),
        };
        let mut report = Report::new("county.csv".into());
        let rows = read(&Source::single(&path, FILE).unwrap(), &socs, &mut report);
        (rows, report)
    }

    #[test]
    fn problems_name_the_line_whatever_the_line_endings() {
        for bytes in [
            &b"\xef\xbb\xbfOCC_CODE,Annual Openings\r\n29-0000,\"9,000\"\r\n29-1141,\"1,250\"\r\n29-1141,5\r\n"[..],
            &b"OCC_CODE,Annual Openings\n29-0000,\"9,000\"\n29-1141,\"1,250\"\n29-1141,5\n"[..],
        ] {
            let (rows, report) = read_bytes(bytes);
            assert_eq!(rows.len(), 1);
            assert_eq!(report.warnings[0].line, Some(2), "{:?}", report.warnings);
            assert_eq!(report.errors[0].line, Some(4), "{:?}", report.errors);
        }
    }

    #[test]
    fn soc_codes_come_in_several_spellings() {
        for text in ["29-1141", "291141", " 29-1141.00 ", "=\"29-1141\"", "29 1141"] {
            assert_eq!(soc_code(text).as_deref(), Some("29-1141"), "{text}");
        }
        for text in ["29-114", "RN", "29-1141.1", "2911410", ""] {
            assert_eq!(soc_code(text), None, "{text}");
        }
    }

    #[test]
    fn figures_as_labor_market_files_write_them() {
        assert_eq!(figure("1,250"), Ok(Some(1250.0)));
        assert_eq!(figure("$52,000"), Ok(Some(52000.0)));
        assert_eq!(figure(">=$239,200"), Ok(Some(239200.0)));
        assert_eq!(figure("3.1%"), Ok(Some(3.1)));
        assert_eq!(figure("-2.5"), Ok(Some(-2.5)));
        assert_eq!(figure("(2.5)"), Ok(Some(-2.5)));
        for suppressed in ["", "*", "**", "—", "N/A", "(D)"] {
            assert_eq!(figure(suppressed), Ok(None), "{suppressed}");
        }
        assert_eq!(figure("many"), Err(NotANumber));
        assert_eq!(figure("NaN"), Err(NotANumber));
    }

    #[test]
    fn columns_of_bls_and_state_files_are_recognized() {
        let cases = [
            ("OCC_CODE", "soccode"),
            ("SOC Code", "soccode"),
            ("Occupation Title", "title"),
            ("Annual Openings", "annualopenings"),
            ("annual_openings_2024_34_thousands", "annualopeningsthousands"),
            ("A_MEDIAN", "medianwage"),
            ("Median Annual Wage (2024)", "medianwage"),
            ("Median Hourly Wage", "medianhourlywage"),
            ("employment_change_2024_34_percent", "growthpercent"),
            ("Percent Change", "growthpercent"),
            ("Growth Rate", "growthpercent"),
            ("employment_change_2024_34_thousands", "employmentchange202434thousands"),
        ];
        for (header, canonical) in cases {
            assert_eq!(demand_column(header), canonical, "{header}");
        }
    }
}
