//! Multi-row inserts shared by every bulk write (catalog load, demo district, roster
//! import): rows of typed values, written in statements sized under both backends' limits.

use std::cmp::Ordering;

use time::OffsetDateTime;
use uuid::Uuid;

/// Bind parameters per INSERT statement, well under SQLite's and PostgreSQL's limits.
pub const BINDS_PER_STATEMENT: usize = 8_000;

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
            (Value::Uuid(a), Value::Uuid(b)) => a.cmp(b),
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

/// Inserts `$rows` (slices of [`Value`]) into `$table` (`$columns`) on connection `$conn`,
/// appending `$suffix` (e.g. an ON CONFLICT clause) to each statement, calling
/// `$after(rows_written)` after each. Expands once per backend inside `with_pool!`.
#[macro_export]
macro_rules! insert_batch {
    ($conn:expr, $table:expr, $columns:expr, $rows:expr, $suffix:expr, $after:expr) => {{
        let columns: &[&str] = $columns;
        for chunk in $rows.chunks($crate::db::batch::rows_per_statement(columns.len())) {
            let mut query = sqlx::QueryBuilder::new(format!("INSERT INTO {} ({}) ", $table, columns.join(", ")));
            query.push_values(chunk, |mut values, row| {
                for value in row.iter() {
                    match value {
                        $crate::db::batch::Value::Text(v) => values.push_bind(v.as_deref()),
                        $crate::db::batch::Value::Int(v) => values.push_bind(*v),
                        $crate::db::batch::Value::Real(v) => values.push_bind(*v),
                        $crate::db::batch::Value::Bool(v) => values.push_bind(*v),
                        $crate::db::batch::Value::MaybeBool(v) => values.push_bind(*v),
                        $crate::db::batch::Value::Uuid(v) => values.push_bind(*v),
                        $crate::db::batch::Value::Time(v) => values.push_bind(*v),
                        $crate::db::batch::Value::Date(v) => values.push_bind(*v),
                    };
                }
            });
            query.push($suffix);
            query.build().execute(&mut *$conn).await?;
            ($after)(chunk.len());
        }
    }};
}
