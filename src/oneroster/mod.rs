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
    let Some((parsed, references)) =
        input_step(plan::read_people(&source, &manifest, known.existing(), &mut report), &mut report)
    else {
        return Ok(report);
    };
    let now = OffsetDateTime::now_utc();
    if report.has_errors() || options.dry_run {
        let attachments = input_step(plan::read_attachments(&source, &manifest, &references, &mut report), &mut report);
        progress.finish();
        if let Some(attachments) = attachments
            && !report.has_errors()
            && write::plan(&parsed, &attachments, &known, &mut report, now, &mut |_| {}).is_some()
            && !report.has_errors()
        {
            report.status = Status::Valid;
        }
        report.sort_problems(&plan::SET_FILES);
        return Ok(report);
    }
    progress.finish();
    // The people are planned and written while enrollments and demographics are still read
    // (on a thread of their own); a problem found in those keeps the writer from committing.
    let (sender, steps) = tokio::sync::mpsc::unbounded_channel();
    let planner = tokio::task::spawn_blocking(move || {
        let mut send = |step| {
            let _ = sender.send(step);
        };
        let mut read_report = Report::new(report.source.clone());
        let (people, attachments) = std::thread::scope(|scope| {
            let reading = scope.spawn(|| {
                input_step(plan::read_attachments(&source, &manifest, &references, &mut read_report), &mut read_report)
            });
            let people = write::plan_people(&parsed, &known, &mut report, now, &mut send);
            let attachments = reading.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            (people, attachments)
        });
        report.absorb(read_report);
        if let (Some(people), Some(attachments)) = (&people, attachments)
            && !report.has_errors()
        {
            write::plan_attachments(&attachments, people, &mut report, &mut send);
            if !report.has_errors() {
                send(write::Step::Commit);
            }
        }
        report.sort_problems(&plan::SET_FILES);
        (people.map(|p| p.district), report)
    });
    let written = write::store(db, steps, progress).await;
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

fn input_step<T>(result: Result<T, input::InputError>, report: &mut Report) -> Option<T> {
    match result {
        Ok(value) => Some(value),
        Err(error) => {
            report.error(&report.source.clone(), None, None, error.to_string());
            None
        }
    }
}
