//! OneRoster 1.1 and 1.2 CSV import: a folder or zip of CSV files (manifest, orgs,
//! academicSessions, courses, classes, users, roles, userProfiles, enrollments,
//! demographics) becomes the district's schools, people, classes and enrollments. Every file
//! is read and checked before anything is written; then everything is written in one
//! transaction, or nothing is.

pub mod attributes;
pub mod export;
pub mod input;
pub mod plan;
pub mod read;
pub mod report;
pub mod upload;
pub mod write;

use std::path::Path;

use time::OffsetDateTime;

use crate::audit::{self, Action, Entry};
use crate::db::Db;
use crate::ids::DistrictId;
use crate::orgs::model::User;
use crate::progress::Progress;
use input::Source;
pub use report::{Report, Status};

/// How to import.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Check everything, write nothing.
    pub dry_run: bool,
    /// The district a delta set without a district row belongs to (its slug).
    pub district: Option<String>,
    /// Refuse the set unless it is this district's (an administrator's upload).
    pub only_district: Option<DistrictId>,
    /// Who imports, for the audit log (`None`: the command line).
    pub actor: Option<User>,
    /// What to call the set in the report (default: its path).
    pub name: Option<String>,
}

/// The district sourcedId of the set's orgs.csv, if it has exactly one.
fn district_in_set(source: &Source) -> Option<String> {
    let mut scratch = Report::new(String::new());
    let mut found = Vec::new();
    let _ = read::read_file(source, &plan::ORGS, &mut scratch, |row, _| {
        if row.get("type").eq_ignore_ascii_case("district") {
            found.push(row.get("sourcedid").to_string());
        }
    });
    if found.len() == 1 { found.pop() } else { None }
}

/// Imports the set at `path`. The report says whether it was imported or rejected (and
/// then nothing was written); `Err` only when the database fails.
pub async fn import(db: &Db, path: &Path, options: &Options, progress: &dyn Progress) -> Result<Report, sqlx::Error> {
    let name = options.name.clone().unwrap_or_else(|| path.display().to_string());
    let mut report = Report::new(name.clone());
    let source = match Source::open_as(path, &name) {
        Ok(source) => source,
        Err(error) => {
            report.error(&name, None, None, error.to_string());
            return Ok(report);
        }
    };
    progress.begin("reading roster files", 0);
    let Some(Some(manifest)) = input_step(plan::read_manifest(&source, &mut report), &mut report) else {
        return Ok(report);
    };
    let known = write::load_known(db, district_in_set(&source).as_deref(), options.district.as_deref()).await?;
    if options.district.is_some() && known.district.is_none() {
        let slug = options.district.clone().unwrap_or_default();
        report.error("orgs.csv", None, None, format!("no district has the slug {slug:?}"));
        return Ok(report);
    }
    if let Some(required) = options.only_district
        && known.district.as_ref().map(|(id, _)| *id) != Some(required)
    {
        let message = "this set is not your district's: its district sourcedId matches no district you administer. Export the set for your own district and upload it again.";
        report.error("orgs.csv", None, None, message);
        return Ok(report);
    }
    if let (Some(wanted), Some(found)) = (&options.district, &known.slug)
        && wanted != found
    {
        let message = format!(
            "the set's district row is the district {found:?}, not {wanted:?}: import it without --district, or use the set of {wanted:?}"
        );
        report.error("orgs.csv", None, None, message);
        return Ok(report);
    }
    let now = OffsetDateTime::now_utc();
    let dry_run = options.dry_run;
    let (sender, steps) = tokio::sync::mpsc::unbounded_channel();
    let planner = tokio::task::spawn_blocking(move || {
        let mut send = |step| {
            let _ = sender.send(step);
        };
        let mut send_nothing = |_| {};
        let to_writer: &mut dyn FnMut(write::Step) = if dry_run { &mut send_nothing } else { &mut send };
        let district = read_and_plan(&source, &manifest, &known, &mut report, now, to_writer);
        if district.is_some() && dry_run {
            report.status = Status::Valid;
        }
        report.sort_problems(&plan::SET_FILES);
        (district, report)
    });
    let written = write::store(db, steps, progress).await;
    progress.finish();
    let (district, planned_report) =
        planner.await.unwrap_or_else(|panic| std::panic::resume_unwind(panic.into_panic()));
    report = planned_report;
    let (true, Some(district)) = (written?, district) else { return Ok(report) };
    report.status = Status::Imported;
    let detail = report.counts.iter().map(|(f, c)| format!("{f}: {}", c.imported)).collect::<Vec<_>>().join(", ");
    let entry = Entry {
        actor: options.actor.as_ref(),
        action: Action::Import,
        district: Some(district.into()),
        student: None,
        resource: "oneroster",
        ip: None,
        detail: Some(&detail),
    };
    audit::record(db, &entry, now).await?;
    Ok(report)
}

/// Reads the set and maps it to rows for `send`: the people are planned (and written) as soon
/// as they are read, while roles, then enrollments and demographics (most of a set) are read
/// on a thread of their own from the start. The writer is told to commit only when no
/// problem was found anywhere; then the district's id is returned.
pub fn read_and_plan(
    source: &Source,
    manifest: &plan::Manifest,
    known: &write::Known,
    report: &mut Report,
    now: OffsetDateTime,
    send: &mut dyn FnMut(write::Step),
) -> Option<uuid::Uuid> {
    let name = report.source.clone();
    std::thread::scope(|scope| {
        let (roles_read, roles) = std::sync::mpsc::sync_channel(1);
        let reading = scope.spawn(move || {
            let mut own = Report::new(name);
            let _ = roles_read.send(plan::read_roles(source, manifest, &mut own));
            let attachments = input_step(plan::read_attachments(source, manifest, &mut own), &mut own);
            (attachments, own)
        });
        let role_rows = || roles.recv().unwrap_or_else(|_| Ok(Vec::new()));
        let people = input_step(plan::read_people(source, manifest, known.existing(), role_rows, report), report);
        let planned = match &people {
            Some((parsed, _)) if !report.has_errors() => write::plan_people(parsed, known, report, now, send),
            _ => None,
        };
        let (attachments, read_report) = reading.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        report.absorb(read_report);
        let (Some((_, references)), Some(mut attachments)) = (&people, attachments) else { return None };
        references.check(&mut attachments, report);
        let planned = planned.filter(|_| !report.has_errors())?;
        write::plan_attachments(&attachments, &planned, report, send);
        if report.has_errors() {
            return None;
        }
        send(write::Step::Commit);
        Some(planned.district)
    })
}

fn input_step<T>(result: Result<T, input::InputError>, report: &mut Report) -> Option<T> {
    match result {
        Ok(value) => Some(value),
        Err(error) => {
            report.error(&report.source.clone(), None, None, error.to_string());
            None
        }
    }
}
