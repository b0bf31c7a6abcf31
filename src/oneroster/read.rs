//! Reading the CSV files of a set into records, tolerant where the meaning is clear (header
//! case, order and known misspellings, extra columns, blank lines, `{type:id}` lists,
//! several date formats, capitalized values) and strict where it matters (missing required
//! columns, duplicate sourcedIds).

use foldhash::{HashMap, HashMapExt, HashSet};
use std::io::BufRead;

use super::input::{DecodedLines, InputError, Source};
use super::report::Report;

/// A row's `status`: in delta files, `tobedeleted` deactivates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowStatus {
    Active,
    ToBeDeleted,
}

/// One parsed row: its line, and its fields by canonical (normalized) column name.
pub struct Row<'a> {
    pub file: &'static str,
    pub line: u64,
    columns: &'a HashMap<String, usize>,
    record: &'a csv::StringRecord,
}

impl Row<'_> {
    /// The trimmed value of `column` (normalized name), "" when absent.
    pub fn get(&self, column: &str) -> &str {
        self.columns.get(column).and_then(|&i| self.record.get(i)).map(str::trim).unwrap_or("")
    }

    /// Whether the file has `column` (normalized name).
    pub fn has(&self, column: &str) -> bool {
        self.columns.contains_key(column)
    }

    pub fn optional(&self, column: &str) -> Option<String> {
        Some(self.get(column)).filter(|v| !v.is_empty()).map(str::to_string)
    }

    /// A list field: comma-separated, each item possibly `{type:id}`.
    pub fn list(&self, column: &str) -> Vec<String> {
        split_list(self.get(column))
    }

    pub fn status(&self, report: &mut Report) -> RowStatus {
        match self.get("status").to_ascii_lowercase().as_str() {
            "" | "active" => RowStatus::Active,
            "tobedeleted" | "inactive" | "deleted" => RowStatus::ToBeDeleted,
            other => {
                report.warn(
                    "status",
                    self.file,
                    Some(self.line),
                    Some("status"),
                    format!("status {other:?} is neither active nor tobedeleted; read as active"),
                );
                RowStatus::Active
            }
        }
    }
}

/// Splits `a,b`, `{SIS:1},{LDAP:x}` or `[a, b]` into items (the id of `{type:id}`).
pub fn split_list(value: &str) -> Vec<String> {
    value
        .trim_matches(|c| c == '[' || c == ']')
        .split(',')
        .map(|item| {
            let item = item.trim().trim_matches(|c| c == '{' || c == '}' || c == '"');
            item.split_once(':').map_or(item, |(_, id)| id).trim().to_string()
        })
        .filter(|item| !item.is_empty())
        .collect()
}

/// The normalized form of a column name: lower case, letters and digits only, with the
/// misspellings seen in real exports mapped to the standard name.
pub fn normalize_column(name: &str) -> String {
    let plain: String = name.chars().filter(char::is_ascii_alphanumeric).collect::<String>().to_ascii_lowercase();
    let plain = plain.replace("sourceid", "sourcedid");
    match plain.as_str() {
        "id" | "sourced" => "sourcedid".into(),
        "firstname" | "first" => "givenname".into(),
        "lastname" | "last" | "surname" => "familyname".into(),
        "emailaddress" | "mail" => "email".into(),
        "grade" | "gradelevel" => "grades".into(),
        "lastmodified" | "datemodified" | "modified" => "datelastmodified".into(),
        "orgsourcedid" | "schoolsourcedids" => "orgsourcedid".into(),
        "agentsourcedid" | "agents" => "agentsourcedids".into(),
        "termsourcedid" => "termsourcedids".into(),
        "period" => "periods".into(),
        "studentid" | "studentsourcedid" => "sourcedid".into(),
        "econdisadv" | "economicallydisadvantagedflag" | "frl" | "freereducedlunch" | "freeorreducedlunch" => {
            "economicallydisadvantaged".into()
        }
        "ell" | "el" | "lep" | "englishlanguagelearner" => "englishlearner".into(),
        "iep" | "section504" | "iepor504" | "sped" => "iep504".into(),
        "subject" => "subjects".into(),
        _ => plain,
    }
}

/// The standard spelling of a normalized column name, for messages.
pub fn display_column(normalized: &str) -> String {
    const NAMES: &[&str] = &[
        "sourcedId",
        "status",
        "dateLastModified",
        "name",
        "type",
        "identifier",
        "parentSourcedId",
        "title",
        "startDate",
        "endDate",
        "schoolYear",
        "schoolYearSourcedId",
        "courseCode",
        "grades",
        "orgSourcedId",
        "subjects",
        "subjectCodes",
        "courseSourcedId",
        "classCode",
        "classType",
        "location",
        "schoolSourcedId",
        "termSourcedIds",
        "periods",
        "enabledUser",
        "orgSourcedIds",
        "role",
        "username",
        "userIds",
        "givenName",
        "familyName",
        "middleName",
        "email",
        "sms",
        "phone",
        "agentSourcedIds",
        "password",
        "primaryOrgSourcedId",
        "userSourcedId",
        "roleType",
        "userProfileSourcedId",
        "beginDate",
        "classSourcedId",
        "primary",
        "birthDate",
        "sex",
        "propertyName",
        "value",
    ];
    NAMES.iter().find(|n| normalize_column(n) == normalized).map_or_else(|| normalized.to_string(), |n| n.to_string())
}

/// Reads dates written as 2026-09-01, 2026-09-01T08:00:00Z, 09/01/2026 or 9/1/26.
pub fn parse_date(value: &str) -> Option<time::Date> {
    let value = value.trim();
    let day = value.get(..10).unwrap_or(value);
    let iso = time::macros::format_description!("[year]-[month]-[day]");
    if let Ok(date) = time::Date::parse(day, &iso) {
        return Some(date);
    }
    let parts: Vec<&str> = value.split(['/', '-', '.']).collect();
    if let [m, d, y] = parts.as_slice() {
        let (m, d, mut y): (u8, u8, i32) = (m.parse().ok()?, d.parse().ok()?, y.parse().ok()?);
        if y < 100 {
            y += 2000;
        }
        return time::Date::from_calendar_date(y, time::Month::try_from(m).ok()?, d).ok();
    }
    None
}

/// A file's columns: the required ones must be there, unknown ones are reported once.
pub struct FileSpec {
    pub name: &'static str,
    pub required: &'static [&'static str],
    pub known: &'static [&'static str],
    /// The canonical name of a header as written.
    pub columns: fn(&str) -> String,
}

/// Streams the rows of `spec` through `each`. Returns `Ok(false)` when the file is absent.
/// Rows with a problem are reported by `each`; a missing required column stops the file.
pub fn read_file(
    source: &Source,
    spec: &FileSpec,
    report: &mut Report,
    mut each: impl FnMut(&Row, &mut Report),
) -> Result<bool, InputError> {
    let started = std::time::Instant::now();
    let outcome = source.read(spec.name, |lines| read_rows(lines, spec, report, &mut each))?;
    tracing::debug!(file = spec.name, seconds = started.elapsed().as_secs_f64(), "roster file read");
    Ok(outcome.is_some())
}

fn read_rows(
    lines: &mut DecodedLines<&mut dyn BufRead>,
    spec: &FileSpec,
    report: &mut Report,
    each: &mut dyn FnMut(&Row, &mut Report),
) {
    let mut reader = csv::ReaderBuilder::new().flexible(true).has_headers(true).from_reader(&mut *lines);
    let headers = match reader.headers() {
        Ok(headers) => headers.clone(),
        Err(error) => {
            report.error(spec.name, Some(1), None, format!("the header row cannot be read: {error}"));
            return;
        }
    };
    let mut columns = HashMap::new();
    for (index, name) in headers.iter().enumerate() {
        let normalized = (spec.columns)(name);
        if normalized.is_empty() {
            continue;
        }
        if !spec.known.contains(&normalized.as_str()) && !spec.required.contains(&normalized.as_str()) {
            report.warn(
                &format!("column {normalized}"),
                spec.name,
                Some(1),
                Some(name.trim()),
                format!("unknown column {:?} ignored", name.trim()),
            );
        }
        columns.entry(normalized).or_insert(index);
    }
    let missing: Vec<&str> = spec.required.iter().copied().filter(|c| !columns.contains_key(*c)).collect();
    if !missing.is_empty() {
        for column in missing {
            let column = display_column(column);
            report.error(
                spec.name,
                Some(1),
                Some(&column),
                format!(
                    "required column {column} is missing; the header row has: {}",
                    headers.iter().collect::<Vec<_>>().join(", ")
                ),
            );
        }
        return;
    }
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                if record.iter().all(|f| f.trim().is_empty()) {
                    continue;
                }
                let line = record.position().map_or(0, csv::Position::line);
                report.count(spec.name).read += 1;
                each(&Row { file: spec.name, line, columns: &columns, record: &record }, report);
            }
            Err(error) => {
                let line = error.position().map(csv::Position::line);
                report.error(spec.name, line, None, format!("this row cannot be read as CSV: {error}"));
                if !matches!(error.kind(), csv::ErrorKind::Utf8 { .. }) {
                    break;
                }
            }
        }
    }
    if let Some(line) = lines.windows_1252_from {
        report.warn(
            "encoding",
            spec.name,
            Some(line),
            None,
            "this file is not UTF-8; it was read as Windows-1252 (export as UTF-8 to be sure of accents)",
        );
    }
}

/// Remembers the sourcedIds of a file and reports duplicates.
#[derive(Default)]
pub struct SeenIds(HashMap<String, u64>);

impl SeenIds {
    /// Records `id` at `row`; `false` (with an error) when empty or seen before.
    pub fn first(&mut self, row: &Row, normalized: &str, report: &mut Report) -> Option<String> {
        let id = row.get(normalized);
        if !id.is_empty() && !self.0.contains_key(id) {
            self.0.insert(id.to_string(), row.line);
            return Some(id.to_string());
        }
        let column = display_column(normalized);
        let column = column.as_str();
        if id.is_empty() {
            report.error(row.file, Some(row.line), Some(column), format!("{column} is empty; every row needs one"));
            return None;
        }
        if let Some(first) = self.0.get(id) {
            report.error(
                row.file,
                Some(row.line),
                Some(column),
                format!("duplicate {column} {id:?}, first used on line {first}; sourcedIds must be unique"),
            );
            return None;
        }
        self.0.insert(id.to_string(), row.line);
        Some(id.to_string())
    }

    pub fn contains(&self, id: &str) -> bool {
        self.0.contains_key(id)
    }

    pub fn ids(&self) -> HashSet<&str> {
        self.0.keys().map(String::as_str).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_matched_whatever_their_spelling() {
        assert_eq!(normalize_column("sourcedId"), "sourcedid");
        assert_eq!(normalize_column(" SourcedID "), "sourcedid");
        assert_eq!(normalize_column("sourceId"), "sourcedid");
        assert_eq!(normalize_column("orgSourceIds"), "orgsourcedids");
        assert_eq!(normalize_column("First Name"), "givenname");
        assert_eq!(normalize_column("class_sourced_id"), "classsourcedid");
    }

    #[test]
    fn lists_take_plain_ids_and_typed_ids() {
        assert_eq!(split_list("a, b,,c"), ["a", "b", "c"]);
        assert_eq!(split_list("{SIS:123},{LDAP:jdoe}"), ["123", "jdoe"]);
        assert!(split_list("").is_empty());
    }

    #[test]
    fn dates_come_in_several_formats() {
        let day = time::macros::date!(2026 - 09 - 01);
        for text in ["2026-09-01", "2026-09-01T08:00:00.000Z", "09/01/2026", "9/1/26"] {
            assert_eq!(parse_date(text), Some(day), "{text}");
        }
        assert_eq!(parse_date("next week"), None);
        assert_eq!(parse_date("13/45/2026"), None);
    }
}
