//! Multi-row inserts shared by every bulk write (catalog load, demo district, roster
//! import): rows of typed values, written in statements sized under both backends' limits.

use std::cmp::Ordering;
use std::future::Future;

use sqlx::{PgConnection, SqliteConnection};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;
use uuid::Uuid;

/// Bind parameters per INSERT statement, under SQLite's limit (32,766) and PostgreSQL's
/// (65,535): fewer, larger statements spend less time per row outside the insert itself.
pub const BINDS_PER_STATEMENT: usize = 32_000;

/// Rows for one table, written together.
#[derive(Clone, Debug, Default)]
pub struct TableRows {
    pub table: &'static str,
    pub columns: &'static [&'static str],
    pub rows: Vec<Vec<Value>>,
}

impl TableRows {
    /// Orders the rows by their first `n` columns, the table's key: B-tree inserts in key
    /// order touch each page once instead of splitting pages all over the index.
    pub fn sort_by_leading_columns(&mut self, n: usize) {
        self.rows.sort_unstable_by(|a, b| {
            a.iter().zip(b).take(n).map(|(x, y)| x.key_order(y)).find(|o| o.is_ne()).unwrap_or(Ordering::Equal)
        });
    }
}

/// A value bound into an insert; nulls carry their column type (PostgreSQL needs it).
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Text(Option<String>),
    Int(Option<i64>),
    Real(Option<f64>),
    Bool(bool),
    /// A yes/no that may be unknown.
    MaybeBool(Option<bool>),
    Uuid(Option<Uuid>),
    Time(OffsetDateTime),
    Date(Option<time::Date>),
}

impl Value {
    pub fn text(value: impl Into<String>) -> Self {
        Value::Text(Some(value.into()))
    }

    pub fn opt_text(value: Option<impl Into<String>>) -> Self {
        Value::Text(value.map(Into::into))
    }

    pub fn uuid(value: impl Into<Uuid>) -> Self {
        Value::Uuid(Some(value.into()))
    }

    /// The order of two values of one key column, as both databases order them.
    fn key_order(&self, other: &Self) -> Ordering {
        match (self, other) {
            (Value::Uuid(a), Value::Uuid(b)) => a.map(|u| u.as_u128()).cmp(&b.map(|u| u.as_u128())),
            (Value::Text(a), Value::Text(b)) => a.cmp(b),
            (Value::Int(a), Value::Int(b)) => a.cmp(b),
            _ => Ordering::Equal,
        }
    }

    /// The value as text, for comparing keys.
    pub fn key_text(&self) -> String {
        match self {
            Value::Text(v) => v.clone().unwrap_or_default(),
            Value::Int(v) => v.map(|n| n.to_string()).unwrap_or_default(),
            Value::Real(v) => v.map(|n| n.to_string()).unwrap_or_default(),
            Value::Bool(v) => v.to_string(),
            Value::MaybeBool(v) => v.map(|b| b.to_string()).unwrap_or_default(),
            Value::Uuid(v) => v.map(|u| u.to_string()).unwrap_or_default(),
            Value::Time(v) => v.to_string(),
            Value::Date(v) => v.map(|d| d.to_string()).unwrap_or_default(),
        }
    }
}

/// Rows per statement for a table of `columns` columns.
pub fn rows_per_statement(columns: usize) -> usize {
    (BINDS_PER_STATEMENT / columns.max(1)).max(1)
}

/// Inserts `$rows` (slices of [`Value`]) into `$table` (`$columns`) on connection `$conn`
/// with multi-row INSERT statements, appending `$suffix` (e.g. an ON CONFLICT clause) to
/// each, calling `$after(rows_written)` after each. Expands once per backend.
macro_rules! insert_values {
    ($conn:expr, $table:expr, $columns:expr, $rows:expr, $suffix:expr, $after:expr) => {{
        let columns: &[&str] = $columns;
        for chunk in $rows.chunks(rows_per_statement(columns.len())) {
            let mut query = sqlx::QueryBuilder::new(format!("INSERT INTO {} ({}) ", $table, columns.join(", ")));
            query.push_values(chunk, |mut values, row| {
                for value in row.iter() {
                    match value {
                        Value::Text(v) => values.push_bind(v.as_deref()),
                        Value::Int(v) => values.push_bind(*v),
                        Value::Real(v) => values.push_bind(*v),
                        Value::Bool(v) => values.push_bind(*v),
                        Value::MaybeBool(v) => values.push_bind(*v),
                        Value::Uuid(v) => values.push_bind(*v),
                        Value::Time(v) => values.push_bind(*v),
                        Value::Date(v) => values.push_bind(*v),
                    };
                }
            });
            query.push($suffix);
            query.build().execute(&mut *$conn).await?;
            ($after)(chunk.len());
        }
        Ok(())
    }};
}

/// Writing many rows into one table, the fastest way each backend offers.
pub trait BulkInsert {
    /// Inserts `rows` into `table` (`columns`), each statement ending with `suffix` (e.g. an
    /// ON CONFLICT clause); `after(n)` is told of every `n` rows written.
    fn insert_rows(
        &mut self,
        table: &str,
        columns: &[&str],
        rows: &[Vec<Value>],
        suffix: &str,
        after: &mut (dyn FnMut(usize) + Send),
    ) -> impl Future<Output = Result<(), sqlx::Error>> + Send;
}

impl BulkInsert for SqliteConnection {
    async fn insert_rows(
        &mut self,
        table: &str,
        columns: &[&str],
        rows: &[Vec<Value>],
        suffix: &str,
        after: &mut (dyn FnMut(usize) + Send),
    ) -> Result<(), sqlx::Error> {
        insert_values!(self, table, columns, rows, suffix, after)
    }
}

/// From this many rows on, PostgreSQL gets them through COPY rather than INSERT statements.
const COPY_MIN_ROWS: usize = 1_000;

/// Bytes of COPY data sent at a time.
const COPY_CHUNK_BYTES: usize = 1 << 20;

impl BulkInsert for PgConnection {
    /// Many rows go through COPY: straight into the table when nothing can conflict, else
    /// into a staging table and from there with one INSERT … SELECT carrying the suffix.
    async fn insert_rows(
        &mut self,
        table: &str,
        columns: &[&str],
        rows: &[Vec<Value>],
        suffix: &str,
        after: &mut (dyn FnMut(usize) + Send),
    ) -> Result<(), sqlx::Error> {
        if rows.len() < COPY_MIN_ROWS {
            return insert_values!(self, table, columns, rows, suffix, after);
        }
        let column_list = columns.join(", ");
        let target = if suffix.is_empty() { table.to_string() } else { format!("staging_{table}") };
        if !suffix.is_empty() {
            sqlx::query(&format!("CREATE TEMP TABLE {target} (LIKE {table} INCLUDING DEFAULTS) ON COMMIT DROP"))
                .execute(&mut *self)
                .await?;
        }
        let binary = binary_columns(self, table, columns, rows).await?;
        let format = if binary.is_some() { " (FORMAT binary)" } else { "" };
        let mut copy = self.copy_in_raw(&format!("COPY {target} ({column_list}) FROM STDIN{format}")).await?;
        let mut data = Vec::with_capacity(COPY_CHUNK_BYTES + 4096);
        if binary.is_some() {
            data.extend_from_slice(BINARY_HEADER);
        }
        let mut pending = 0;
        for row in rows {
            match &binary {
                Some(wires) => copy_binary_row(&mut data, row, wires),
                None => copy_text_row(&mut data, row),
            }
            pending += 1;
            if data.len() >= COPY_CHUNK_BYTES {
                copy.send(data.as_slice()).await?;
                data.clear();
                after(std::mem::take(&mut pending));
            }
        }
        if binary.is_some() {
            data.extend_from_slice(&(-1i16).to_be_bytes());
        }
        copy.send(data.as_slice()).await?;
        copy.finish().await?;
        after(pending);
        if !suffix.is_empty() {
            sqlx::query(&format!("INSERT INTO {table} ({column_list}) SELECT {column_list} FROM {target}{suffix}"))
                .execute(&mut *self)
                .await?;
            sqlx::query(&format!("DROP TABLE {target}")).execute(&mut *self).await?;
        }
        Ok(())
    }
}

/// The start of COPY's binary format: signature, flags, header extension length.
const BINARY_HEADER: &[u8] = b"PGCOPY\n\xff\r\n\0\0\0\0\0\0\0\0\0";

/// How a column of a PostgreSQL type takes values in COPY's binary format, which the server
/// stores without parsing text.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Wire {
    Text,
    Uuid,
    Int2,
    Int4,
    Int8,
    Float4,
    Float8,
    Bool,
    TimestampTz,
    Date,
}

impl Wire {
    /// By the type's name as `regtype` spells it; `None` for types sent as text only.
    fn of(type_name: &str) -> Option<Self> {
        Some(match type_name {
            "text" | "character varying" => Wire::Text,
            "uuid" => Wire::Uuid,
            "smallint" => Wire::Int2,
            "integer" => Wire::Int4,
            "bigint" => Wire::Int8,
            "real" => Wire::Float4,
            "double precision" => Wire::Float8,
            "boolean" => Wire::Bool,
            "timestamp with time zone" => Wire::TimestampTz,
            "date" => Wire::Date,
            _ => return None,
        })
    }

    /// Whether `value` goes into a column of this type in binary as it is (a null always does).
    fn accepts(self, value: &Value) -> bool {
        match (value, self) {
            (Value::Text(None) | Value::Int(None) | Value::Real(None), _) => true,
            (Value::MaybeBool(None) | Value::Uuid(None) | Value::Date(None), _) => true,
            (Value::Text(Some(_)), Wire::Text) | (Value::Uuid(Some(_)), Wire::Uuid) => true,
            (Value::Int(Some(n)), Wire::Int2) => i16::try_from(*n).is_ok(),
            (Value::Int(Some(n)), Wire::Int4) => i32::try_from(*n).is_ok(),
            (Value::Int(Some(_)), Wire::Int8) | (Value::Real(Some(_)), Wire::Float4 | Wire::Float8) => true,
            (Value::Bool(_) | Value::MaybeBool(Some(_)), Wire::Bool) => true,
            (Value::Time(_), Wire::TimestampTz | Wire::Text) | (Value::Date(Some(_)), Wire::Date | Wire::Text) => true,
            _ => false,
        }
    }
}

/// Each column's binary form when the table's types take every row's values that way, else
/// `None` (the rows go as text).
async fn binary_columns(
    conn: &mut PgConnection,
    table: &str,
    columns: &[&str],
    rows: &[Vec<Value>],
) -> Result<Option<Vec<Wire>>, sqlx::Error> {
    let types: Vec<(String, String)> = sqlx::query_as(
        "SELECT attname::text, atttypid::regtype::text FROM pg_attribute
         WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped",
    )
    .bind(table)
    .fetch_all(&mut *conn)
    .await?;
    let wire_of = |column: &str| types.iter().find(|(name, _)| name == column).and_then(|(_, t)| Wire::of(t));
    let Some(wires) = columns.iter().map(|c| wire_of(c)).collect::<Option<Vec<Wire>>>() else { return Ok(None) };
    let fits = rows.iter().all(|row| row.len() == wires.len() && row.iter().zip(&wires).all(|(v, w)| w.accepts(v)));
    Ok(fits.then_some(wires))
}

/// Appends `row` as one tuple of COPY's binary format: the field count, then each field's
/// length (-1 for null) and bytes. The values were checked with [`Wire::accepts`].
fn copy_binary_row(out: &mut Vec<u8>, row: &[Value], wires: &[Wire]) {
    out.extend_from_slice(&(row.len() as i16).to_be_bytes());
    fn put(out: &mut Vec<u8>, bytes: &[u8]) {
        out.extend_from_slice(&(bytes.len() as i32).to_be_bytes());
        out.extend_from_slice(bytes);
    }
    for (value, wire) in row.iter().zip(wires) {
        match (value, wire) {
            (Value::Text(Some(text)), _) => put(out, text.as_bytes()),
            (Value::Uuid(Some(id)), _) => put(out, id.as_bytes()),
            (Value::Int(Some(n)), Wire::Int2) => put(out, &(*n as i16).to_be_bytes()),
            (Value::Int(Some(n)), Wire::Int4) => put(out, &(*n as i32).to_be_bytes()),
            (Value::Int(Some(n)), _) => put(out, &n.to_be_bytes()),
            (Value::Real(Some(n)), Wire::Float4) => put(out, &(*n as f32).to_be_bytes()),
            (Value::Real(Some(n)), _) => put(out, &n.to_be_bytes()),
            (Value::Bool(b) | Value::MaybeBool(Some(b)), _) => put(out, &[u8::from(*b)]),
            (Value::Time(at), Wire::TimestampTz) => {
                // Microseconds since 2000-01-01 UTC, cut to whole microseconds as sqlx binds them.
                let since = *at - time::macros::datetime!(2000-01-01 0:00 UTC);
                put(out, &(since.whole_microseconds() as i64).to_be_bytes())
            }
            (Value::Time(at), _) => put(out, at.format(&Rfc3339).unwrap_or_default().as_bytes()),
            (Value::Date(Some(day)), Wire::Date) => {
                put(out, &(day.to_julian_day() - time::macros::date!(2000 - 01 - 01).to_julian_day()).to_be_bytes())
            }
            (Value::Date(Some(day)), _) => put(out, day.to_string().as_bytes()),
            (Value::Text(None) | Value::Int(None) | Value::Real(None), _)
            | (Value::MaybeBool(None) | Value::Uuid(None) | Value::Date(None), _) => {
                out.extend_from_slice(&(-1i32).to_be_bytes())
            }
        }
    }
}

/// Appends `row` in COPY's text format: tab-separated, `\N` for null, backslash escapes.
fn copy_text_row(out: &mut Vec<u8>, row: &[Value]) {
    for (i, value) in row.iter().enumerate() {
        if i > 0 {
            out.push(b'\t');
        }
        match value {
            Value::Text(Some(text)) => copy_text(out, text),
            Value::Int(Some(n)) => out.extend_from_slice(n.to_string().as_bytes()),
            Value::Real(Some(n)) => out.extend_from_slice(n.to_string().as_bytes()),
            Value::Bool(b) | Value::MaybeBool(Some(b)) => out.push(if *b { b't' } else { b'f' }),
            Value::Uuid(Some(id)) => {
                out.extend_from_slice(id.hyphenated().encode_lower(&mut Uuid::encode_buffer()).as_bytes())
            }
            Value::Time(at) => copy_text(out, &at.format(&Rfc3339).unwrap_or_default()),
            Value::Date(Some(day)) => copy_text(out, &day.to_string()),
            Value::Text(None)
            | Value::Int(None)
            | Value::Real(None)
            | Value::MaybeBool(None)
            | Value::Uuid(None)
            | Value::Date(None) => out.extend_from_slice(b"\\N"),
        }
    }
    out.push(b'\n');
}

fn copy_text(out: &mut Vec<u8>, text: &str) {
    for byte in text.bytes() {
        match byte {
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\t' => out.extend_from_slice(b"\\t"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            other => out.push(other),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binary_copy_rows_carry_each_value_in_its_column_type() {
        let at = time::macros::datetime!(2000-01-02 0:00:01 UTC);
        let day = time::macros::date!(1999 - 12 - 31);
        let row = [
            Value::text("né"),
            Value::Text(None),
            Value::Bool(true),
            Value::Int(Some(-2)),
            Value::Int(Some(7)),
            Value::uuid(Uuid::from_u128(1)),
            Value::Time(at),
            Value::Date(Some(day)),
            Value::Date(Some(day)),
        ];
        let wires = [
            Wire::Text,
            Wire::Uuid,
            Wire::Bool,
            Wire::Int4,
            Wire::Int8,
            Wire::Uuid,
            Wire::TimestampTz,
            Wire::Date,
            Wire::Text,
        ];
        let mut out = Vec::new();
        copy_binary_row(&mut out, &row, &wires);
        let mut expected = vec![0, 9];
        expected.extend([0, 0, 0, 3, b'n', 0xC3, 0xA9]);
        expected.extend([0xFF, 0xFF, 0xFF, 0xFF]);
        expected.extend([0, 0, 0, 1, 1]);
        expected.extend([0, 0, 0, 4, 0xFF, 0xFF, 0xFF, 0xFE]);
        expected.extend([0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 7]);
        expected.extend([0, 0, 0, 16]);
        expected.extend(Uuid::from_u128(1).as_bytes());
        // One day and one second after 2000-01-01, in microseconds; one day before it.
        expected.extend([0, 0, 0, 8]);
        expected.extend(86_401_000_000i64.to_be_bytes());
        expected.extend([0, 0, 0, 4, 0xFF, 0xFF, 0xFF, 0xFF]);
        expected.extend([0, 0, 0, 10]);
        expected.extend(b"1999-12-31");
        assert_eq!(out, expected);
    }

    #[test]
    fn values_a_column_type_cannot_take_in_binary_send_the_rows_as_text() {
        assert!(Wire::Int4.accepts(&Value::Int(Some(i64::from(i32::MAX)))));
        assert!(!Wire::Int4.accepts(&Value::Int(Some(i64::from(i32::MAX) + 1))));
        assert!(!Wire::Uuid.accepts(&Value::text("not a uuid")));
        assert!(Wire::Uuid.accepts(&Value::Text(None)), "a null fits any column");
        assert_eq!(Wire::of("jsonb"), None);
        assert_eq!(Wire::of("timestamp with time zone"), Some(Wire::TimestampTz));
    }

    #[test]
    fn copy_rows_escape_what_copy_would_read_as_structure() {
        let mut out = Vec::new();
        let row = [
            Value::text("tab\there\nnew \\ back"),
            Value::Text(None),
            Value::Bool(true),
            Value::MaybeBool(None),
            Value::Int(Some(-7)),
            Value::uuid(Uuid::nil()),
        ];
        copy_text_row(&mut out, &row);
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "tab\\there\\nnew \\\\ back\t\\N\tt\t\\N\t-7\t00000000-0000-0000-0000-000000000000\n"
        );
    }
}
