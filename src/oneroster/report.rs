//! The import report: per file, rows read, imported and skipped; per problem, where it is
//! (file, line, column), what is wrong and what to do. Printed for people, written as JSON
//! with `--report`.

use std::collections::BTreeMap;

use foldhash::{HashMap, HashMapExt};

use serde::Serialize;

/// Most problems listed one by one; the rest are counted.
const MAX_LISTED: usize = 200;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Imported,
    Rejected,
    /// Checked with `--dry-run`: it would be imported.
    Valid,
}

#[derive(Clone, Debug, Default, Serialize, PartialEq, Eq)]
pub struct FileCount {
    pub read: u64,
    pub imported: u64,
    pub skipped: u64,
}

#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<String>,
    pub message: String,
    /// How many more rows have the same problem.
    #[serde(skip_serializing_if = "is_zero")]
    pub more: u64,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

#[derive(Clone, Debug, Serialize)]
pub struct Report {
    pub status: Status,
    pub source: String,
    pub counts: BTreeMap<String, FileCount>,
    pub errors: Vec<Problem>,
    pub warnings: Vec<Problem>,
    #[serde(skip)]
    grouped: HashMap<String, usize>,
    #[serde(skip)]
    unlisted_errors: u64,
}

impl Report {
    pub fn new(source: String) -> Self {
        Self {
            status: Status::Rejected,
            source,
            counts: BTreeMap::new(),
            errors: Vec::new(),
            warnings: Vec::new(),
            grouped: HashMap::new(),
            unlisted_errors: 0,
        }
    }

    /// Takes in the counts and problems of `other`, a report on other files of the same set.
    pub fn absorb(&mut self, other: Report) {
        for (file, count) in other.counts {
            let mine = self.count(&file);
            mine.read += count.read;
            mine.imported += count.imported;
            mine.skipped += count.skipped;
        }
        for problem in other.errors {
            self.error(&problem.file, problem.line, problem.column.as_deref(), problem.message);
        }
        self.unlisted_errors += other.unlisted_errors;
        let key_of: HashMap<usize, String> = other.grouped.into_iter().map(|(key, index)| (index, key)).collect();
        for (index, problem) in other.warnings.into_iter().enumerate() {
            match key_of.get(&index).map(|key| (key, self.grouped.get(key).copied())) {
                Some((_, Some(mine))) => self.warnings[mine].more += 1 + problem.more,
                Some((key, None)) => {
                    self.grouped.insert(key.clone(), self.warnings.len());
                    self.warnings.push(problem);
                }
                None => self.warnings.push(problem),
            }
        }
    }

    /// Orders the problems by file (in the order of `files`, others last) and line, each
    /// file's problems without a line first.
    pub fn sort_problems(&mut self, files: &[&str]) {
        let position = |p: &Problem| (files.iter().position(|f| *f == p.file).unwrap_or(files.len()), p.line);
        self.errors.sort_by_key(position);
        self.warnings.sort_by_key(position);
    }

    pub fn count(&mut self, file: &str) -> &mut FileCount {
        if !self.counts.contains_key(file) {
            self.counts.insert(file.to_string(), FileCount::default());
        }
        self.counts.get_mut(file).expect("inserted above")
    }

    /// Something that stops the import.
    pub fn error(&mut self, file: &str, line: Option<u64>, column: Option<&str>, message: impl Into<String>) {
        if self.errors.len() >= MAX_LISTED {
            self.unlisted_errors += 1;
            return;
        }
        self.errors.push(Problem {
            file: file.to_string(),
            line,
            column: column.map(str::to_string),
            message: message.into(),
            more: 0,
        });
    }

    /// Something tolerated; warnings of the same `kind` in a file are listed once and counted.
    pub fn warn(
        &mut self,
        kind: &str,
        file: &str,
        line: Option<u64>,
        column: Option<&str>,
        message: impl Into<String>,
    ) {
        let key = format!("{file}\u{0}{kind}");
        if let Some(&index) = self.grouped.get(&key) {
            self.warnings[index].more += 1;
            return;
        }
        self.grouped.insert(key, self.warnings.len());
        self.warnings.push(Problem {
            file: file.to_string(),
            line,
            column: column.map(str::to_string),
            message: message.into(),
            more: 0,
        });
    }

    /// The message key of the outcome, among `{prefix}-status-imported`, `-valid` and `-rejected`.
    pub fn status_key(&self, prefix: &str) -> String {
        let status = match self.status {
            Status::Imported => "imported",
            Status::Valid => "valid",
            Status::Rejected => "rejected",
        };
        format!("{prefix}-status-{status}")
    }

    /// Errors, then warnings, each with its heading's message key.
    pub fn problem_lists(&self) -> [(&'static str, &[Problem]); 2] {
        [("roster-errors", self.errors.as_slice()), ("roster-warnings", self.warnings.as_slice())]
    }

    pub fn has_errors(&self) -> bool {
        !self.errors.is_empty()
    }

    /// The report as people read it.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        let verdict = match self.status {
            Status::Imported => "imported",
            Status::Valid => "valid (dry run: nothing was written)",
            Status::Rejected => "REJECTED: nothing was written",
        };
        out.push_str(&format!("{}: {verdict}\n\n", self.source));
        out.push_str(&format!("{:<22} {:>10} {:>10} {:>10}\n", "file", "read", "imported", "skipped"));
        for (file, count) in &self.counts {
            out.push_str(&format!("{file:<22} {:>10} {:>10} {:>10}\n", count.read, count.imported, count.skipped));
        }
        let list = |out: &mut String, title: &str, problems: &[Problem]| {
            if problems.is_empty() {
                return;
            }
            out.push_str(&format!("\n{title}:\n"));
            for p in problems {
                let mut place = p.file.clone();
                if let Some(line) = p.line {
                    place.push_str(&format!(":{line}"));
                }
                if let Some(column) = &p.column {
                    place.push_str(&format!(" [{column}]"));
                }
                let more = if p.more > 0 { format!(" (and {} more like it)", p.more) } else { String::new() };
                out.push_str(&format!("  {place}: {}{more}\n", p.message));
            }
        };
        list(&mut out, "Errors", &self.errors);
        if self.unlisted_errors > 0 {
            out.push_str(&format!("  … and {} more errors\n", self.unlisted_errors));
        }
        list(&mut out, "Warnings", &self.warnings);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn absorbed_reports_add_counts_and_group_warnings_of_the_same_kind() {
        let mut mine = Report::new("set".into());
        mine.count("users.csv").read = 2;
        mine.warn("date", "enrollments.csv", Some(3), None, "bad date");
        let mut other = Report::new("set".into());
        other.count("users.csv").read = 1;
        other.count("enrollments.csv").imported = 5;
        other.warn("date", "enrollments.csv", Some(9), None, "bad date");
        other.warn("date", "enrollments.csv", Some(12), None, "bad date");
        other.warn("status", "enrollments.csv", Some(4), None, "odd status");
        other.error("enrollments.csv", Some(7), Some("role"), "no role");

        mine.absorb(other);
        assert_eq!(mine.counts["users.csv"].read, 3);
        assert_eq!(mine.counts["enrollments.csv"].imported, 5);
        assert_eq!(mine.errors.len(), 1);
        let warnings: Vec<(Option<u64>, u64)> = mine.warnings.iter().map(|w| (w.line, w.more)).collect();
        assert_eq!(warnings, [(Some(3), 2), (Some(4), 0)]);
        mine.warn("status", "enrollments.csv", Some(8), None, "odd status");
        assert_eq!(mine.warnings[1].more, 1, "later warnings join the absorbed group");
    }
}
