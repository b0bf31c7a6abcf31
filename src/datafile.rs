//! Reading data files people hand us (reference data, later roster exports): UTF-8 with or
//! without a byte-order mark, or Windows-1252 as spreadsheets save it; CSV rows addressed by
//! header name; every problem reported with the file, line and field, and what to do.

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;

/// A problem in a data file, precise enough for a person to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataError {
    pub file: String,
    pub line: Option<u64>,
    pub field: Option<String>,
    pub message: String,
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ", line {line}")?;
        }
        if let Some(field) = &self.field {
            write!(f, ", field `{field}`")?;
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for DataError {}

impl DataError {
    pub fn file(file: &str, message: impl Into<String>) -> Self {
        Self { file: file.to_string(), line: None, field: None, message: message.into() }
    }

    pub fn at_line(file: &str, line: u64, message: impl Into<String>) -> Self {
        Self { file: file.to_string(), line: Some(line), field: None, message: message.into() }
    }
}

/// Reads a whole text file, accepting UTF-8 (with or without BOM) and falling back to
/// Windows-1252 for bytes that are not UTF-8. `name` is how errors refer to the file.
pub fn read_text(path: &Path, name: &str) -> Result<String, DataError> {
    let bytes = std::fs::read(path).map_err(|error| {
        let what = if error.kind() == std::io::ErrorKind::NotFound {
            format!("file not found (looked for {})", path.display())
        } else {
            format!("could not read {}: {error}", path.display())
        };
        DataError::file(name, what)
    })?;
    Ok(decode_text(bytes))
}

/// Decodes bytes as UTF-8 without a BOM, or as Windows-1252 when they are not UTF-8.
pub fn decode_text(bytes: Vec<u8>) -> String {
    let without_bom = bytes.strip_prefix(b"\xEF\xBB\xBF").map(<[u8]>::to_vec).unwrap_or(bytes);
    match String::from_utf8(without_bom) {
        Ok(text) => text,
        Err(error) => {
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(error.as_bytes());
            text.into_owned()
        }
    }
}

/// A CSV file read into memory with its header row indexed by column name.
pub struct CsvTable {
    name: String,
    columns: HashMap<String, usize>,
    rows: Vec<(u64, csv::StringRecord)>,
}

impl CsvTable {
    /// Reads `dir/name`, requiring every column in `required`.
    pub fn read(dir: &Path, name: &str, required: &[&str]) -> Result<Self, DataError> {
        let path: PathBuf = dir.join(name);
        let text = read_text(&path, name)?;
        Self::parse(name, &text, required)
    }

    /// Parses CSV text; `name` is used in error messages.
    pub fn parse(name: &str, text: &str, required: &[&str]) -> Result<Self, DataError> {
        let lines = LineIndex::new(text);
        let mut reader = csv::ReaderBuilder::new().has_headers(true).from_reader(text.as_bytes());
        let headers = reader.headers().map_err(|e| csv_error(name, e, &lines))?.clone();
        let columns: HashMap<String, usize> =
            headers.iter().enumerate().map(|(i, h)| (h.trim().to_string(), i)).collect();
        let missing: Vec<&str> = required.iter().copied().filter(|c| !columns.contains_key(*c)).collect();
        if !missing.is_empty() {
            return Err(DataError::at_line(
                name,
                1,
                format!(
                    "the header row lacks column(s) {}; expected the columns {} (found {})",
                    quote_list(&missing),
                    quote_list(required),
                    quote_list(&headers.iter().collect::<Vec<_>>())
                ),
            ));
        }
        let mut rows = Vec::new();
        for record in reader.records() {
            let record = record.map_err(|e| csv_error(name, e, &lines))?;
            if record.iter().all(|field| field.trim().is_empty()) {
                continue;
            }
            let line = record.position().map(|p| lines.line_at(p.byte() as usize)).unwrap_or(0);
            rows.push((line, record));
        }
        Ok(Self { name: name.to_string(), columns, rows })
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The data rows, each knowing its line number for error messages.
    pub fn rows(&self) -> impl Iterator<Item = Row<'_>> {
        self.rows.iter().map(move |(line, record)| Row { table: self, line: *line, record })
    }
}

/// Line numbers of byte offsets. The csv crate's own line counter can lag by one, and a
/// record's byte position may point at the line break before it, so we count ourselves.
struct LineIndex<'t> {
    text: &'t str,
    starts: Vec<usize>,
}

impl<'t> LineIndex<'t> {
    fn new(text: &'t str) -> Self {
        let starts = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect();
        Self { text, starts }
    }

    /// The 1-based line of the first character at or after `offset` that is not a line break.
    fn line_at(&self, offset: usize) -> u64 {
        let skipped = self
            .text
            .as_bytes()
            .get(offset..)
            .map_or(0, |rest| rest.iter().take_while(|b| **b == b'\n' || **b == b'\r').count());
        self.starts.partition_point(|&start| start <= offset + skipped) as u64
    }
}

fn csv_error(name: &str, error: csv::Error, lines: &LineIndex) -> DataError {
    let line = error.position().map(|p| lines.line_at(p.byte() as usize));
    let message = match error.kind() {
        csv::ErrorKind::UnequalLengths { expected_len, len, .. } => format!(
            "this row has {len} fields but the header has {expected_len}; check for an unquoted comma or a missing field"
        ),
        _ => format!("not valid CSV: {error}"),
    };
    DataError { file: name.to_string(), line, field: None, message }
}

fn quote_list(items: &[&str]) -> String {
    items.iter().map(|i| format!("`{i}`")).collect::<Vec<_>>().join(", ")
}

/// One data row of a [`CsvTable`].
#[derive(Clone, Copy)]
pub struct Row<'a> {
    table: &'a CsvTable,
    line: u64,
    record: &'a csv::StringRecord,
}

impl<'a> Row<'a> {
    pub fn line(&self) -> u64 {
        self.line
    }

    /// An error about `field` of this row.
    pub fn error(&self, field: &str, message: impl Into<String>) -> DataError {
        DataError {
            file: self.table.name.clone(),
            line: Some(self.line),
            field: Some(field.to_string()),
            message: message.into(),
        }
    }

    /// The trimmed value of `field`, empty when the column is absent.
    pub fn get(&self, field: &str) -> &'a str {
        self.table.columns.get(field).and_then(|&i| self.record.get(i)).map(str::trim).unwrap_or("")
    }

    /// A value that must not be empty.
    pub fn text(&self, field: &str) -> Result<&'a str, DataError> {
        let value = self.get(field);
        if value.is_empty() { Err(self.error(field, "is empty; a value is required")) } else { Ok(value) }
    }

    /// `None` for an empty value (or one of the `absent` markers such as "—").
    pub fn optional(&self, field: &str, absent: &[&str]) -> Option<&'a str> {
        let value = self.get(field);
        (!value.is_empty() && !absent.contains(&value)).then_some(value)
    }

    /// A required value parsed with `FromStr`; `expected` describes a valid value.
    pub fn parse<T: FromStr>(&self, field: &str, expected: &str) -> Result<T, DataError> {
        let value = self.text(field)?;
        value.parse().map_err(|_| self.error(field, format!("expected {expected}, found {value:?}")))
    }

    /// An optional value parsed with `FromStr`.
    pub fn parse_optional<T: FromStr>(
        &self,
        field: &str,
        absent: &[&str],
        expected: &str,
    ) -> Result<Option<T>, DataError> {
        match self.optional(field, absent) {
            None => Ok(None),
            Some(value) => value
                .parse()
                .map(Some)
                .map_err(|_| self.error(field, format!("expected {expected} or an empty value, found {value:?}"))),
        }
    }

    /// A yes/no value: true/false, yes/no, y/n (any case).
    pub fn flag(&self, field: &str) -> Result<bool, DataError> {
        let value = self.text(field)?;
        match value.to_ascii_lowercase().as_str() {
            "true" | "yes" | "y" | "1" => Ok(true),
            "false" | "no" | "n" | "0" => Ok(false),
            _ => Err(self.error(field, format!("expected true/false or Yes/No, found {value:?}"))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_order_mark_is_ignored() {
        let text = decode_text(b"\xEF\xBB\xBFcode,title\n1,A\n".to_vec());
        let table = CsvTable::parse("x.csv", &text, &["code", "title"]).unwrap();
        assert_eq!(table.rows().next().unwrap().get("code"), "1");
    }

    #[test]
    fn windows_1252_is_decoded() {
        let text = decode_text(b"title\nCaf\xE9 worker\n".to_vec());
        assert_eq!(text, "title\nCafé worker\n");
    }

    #[test]
    fn blank_lines_are_skipped_and_lines_are_counted() {
        let table = CsvTable::parse("x.csv", "a,b\n1,2\n\n,\n3,\"4,5\"\n", &["a", "b"]).unwrap();
        let rows: Vec<_> = table.rows().map(|r| (r.line(), r.get("b").to_string())).collect();
        assert_eq!(rows, vec![(2, "2".to_string()), (5, "4,5".to_string())]);
    }

    #[test]
    fn line_numbers_are_right_for_long_rows_and_blank_lines() {
        let header = "cluster_id,cluster,subcluster_id,subcluster,soc_code_2018,occupation_title,soc_interdisciplinary";
        let row = |n: u32| {
            format!(
                "management-entrepreneurship,Management & Entrepreneurship,leadership-operations,Leadership & Operations,11-10{n:02},Chief Executives,No"
            )
        };
        let text = format!("{header}\n{}\n{}\n\n{}\r\n{}\n", row(1), row(2), row(3), row(4));
        let table = CsvTable::parse("x.csv", &text, &["cluster_id"]).unwrap();
        let lines: Vec<u64> = table.rows().map(|r| r.line()).collect();
        assert_eq!(lines, vec![2, 3, 5, 6]);
    }

    #[test]
    fn missing_column_names_the_file_line_and_columns() {
        let error = CsvTable::parse("onet/x.csv", "code,name\n1,2\n", &["code", "title"]).err().unwrap();
        let message = error.to_string();
        assert!(message.starts_with("onet/x.csv, line 1:"), "{message}");
        assert!(message.contains("`title`"), "{message}");
    }

    #[test]
    fn ragged_row_names_its_line() {
        let error = CsvTable::parse("x.csv", "a,b\n1,2\n3,4,5\n", &["a"]).err().unwrap();
        assert_eq!(error.line, Some(3));
        assert!(error.message.contains("3 fields"), "{}", error.message);
    }

    #[test]
    fn parse_error_names_field_and_expectation() {
        let table = CsvTable::parse("x.csv", "zone\nfive\n", &["zone"]).unwrap();
        let row = table.rows().next().unwrap();
        let error = row.parse::<i64>("zone", "a whole number from 1 to 5").unwrap_err();
        assert_eq!(
            error.to_string(),
            "x.csv, line 2, field `zone`: expected a whole number from 1 to 5, found \"five\""
        );
    }
}
