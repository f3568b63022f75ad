//! SQL shared by the register's simpler sections (regular recipients, provision records,
//! security measures, disposals, consent matters, objections, pseudonymised and anonymised
//! information): one row per record, list columns as JSON, and
//! links to holdings in a `<table>_holding (owner_id, holding_id, position)` table.

use super::requests::NEW_ID;
use rusqlite::types::Value;
use rusqlite::{params, Connection, OptionalExtension, Row};
use std::collections::HashMap;

pub(crate) trait Table: Sized {
    const TABLE: &'static str;
    /// Starts with `id`; `values` gives them in this order.
    const COLUMNS: &'static str;
    const ORDER_BY: &'static str;
    /// The link table to holdings, if the record links to several.
    const HOLDING_LINKS: Option<&'static str>;
    /// Selects the ids of the records that name holding `?1`.
    const REFERRING_TO_HOLDING: &'static str;

    fn from_row(row: &Row<'_>) -> rusqlite::Result<Self>;
    fn values(&self) -> Vec<Value>;
    fn row_id(&self) -> i64;
    fn linked_holdings(&self) -> &[i64];
    fn set_linked_holdings(&mut self, ids: Vec<i64>);
}

fn links(
    conn: &Connection,
    table: &str,
    owner: Option<i64>,
) -> rusqlite::Result<HashMap<i64, Vec<i64>>> {
    let mut map: HashMap<i64, Vec<i64>> = HashMap::new();
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT owner_id, holding_id FROM {table} WHERE {}
         ORDER BY owner_id, position",
        super::owned_by("owner_id", owner)
    ))?;
    let rows = stmt.query_map([owner], |row| Ok((row.get(0)?, row.get(1)?)))?;
    for row in rows {
        let (owner, holding) = row?;
        map.entry(owner).or_default().push(holding);
    }
    Ok(map)
}

pub fn list<T: Table>(conn: &Connection) -> rusqlite::Result<Vec<T>> {
    let mut linked = match T::HOLDING_LINKS {
        Some(table) => links(conn, table, None)?,
        None => HashMap::new(),
    };
    let mut stmt = conn.prepare(&format!(
        "SELECT {} FROM {} ORDER BY {}",
        T::COLUMNS,
        T::TABLE,
        T::ORDER_BY
    ))?;
    let rows = stmt.query_map([], T::from_row)?;
    rows.map(|row| {
        row.map(|mut record| {
            if T::HOLDING_LINKS.is_some() {
                record.set_linked_holdings(linked.remove(&record.row_id()).unwrap_or_default());
            }
            record
        })
    })
    .collect()
}

pub fn get<T: Table>(conn: &Connection, id: i64) -> rusqlite::Result<Option<T>> {
    let record = conn
        .query_row(
            &format!("SELECT {} FROM {} WHERE id = ?1", T::COLUMNS, T::TABLE),
            [id],
            T::from_row,
        )
        .optional()?;
    match (record, T::HOLDING_LINKS) {
        (Some(mut record), Some(table)) => {
            record.set_linked_holdings(
                links(conn, table, Some(id))?
                    .remove(&id)
                    .unwrap_or_default(),
            );
            Ok(Some(record))
        }
        (record, _) => Ok(record),
    }
}

/// Inserts the row, keeping the record's id unless it is [`NEW_ID`]; returns the id.
pub fn insert<T: Table>(conn: &Connection, record: &T) -> rusqlite::Result<i64> {
    let id = insert_row(conn, record)?;
    save_links(conn, id, None, record)?;
    Ok(id)
}

/// The row alone, for a kind whose store writes its links with its other children.
pub(crate) fn insert_row<T: Table>(conn: &Connection, record: &T) -> rusqlite::Result<i64> {
    let mut values = record.values();
    if record.row_id() == NEW_ID {
        values[0] = Value::Null;
    }
    let placeholders: Vec<String> = (1..=values.len()).map(|i| format!("?{i}")).collect();
    conn.execute(
        &format!(
            "INSERT INTO {} ({}) VALUES ({})",
            T::TABLE,
            T::COLUMNS,
            placeholders.join(", ")
        ),
        rusqlite::params_from_iter(values),
    )?;
    Ok(conn.last_insert_rowid())
}

pub fn update<T: Table>(conn: &Connection, before: &T, after: &T) -> rusqlite::Result<()> {
    update_row(conn, after)?;
    save_links(conn, after.row_id(), Some(before), after)
}

/// The row alone, for a kind whose store writes its links with its other children.
pub(crate) fn update_row<T: Table>(conn: &Connection, after: &T) -> rusqlite::Result<()> {
    let assignments: Vec<String> = T::COLUMNS
        .split(',')
        .map(str::trim)
        .enumerate()
        .filter(|(_, c)| *c != "id" && *c != "created_at")
        .map(|(i, c)| format!("{c} = ?{}", i + 1))
        .collect();
    conn.execute(
        &format!(
            "UPDATE {} SET {} WHERE id = ?1",
            T::TABLE,
            assignments.join(", ")
        ),
        rusqlite::params_from_iter(after.values()),
    )?;
    Ok(())
}

/// Replaces the links to holdings when they changed (always for a new record).
pub(crate) fn save_links<T: Table>(
    conn: &Connection,
    id: i64,
    before: Option<&T>,
    after: &T,
) -> rusqlite::Result<()> {
    let Some(table) = T::HOLDING_LINKS else {
        return Ok(());
    };
    if before.map(T::linked_holdings) == Some(after.linked_holdings()) {
        return Ok(());
    }
    conn.execute(&format!("DELETE FROM {table} WHERE owner_id = ?1"), [id])?;
    for (position, holding) in after.linked_holdings().iter().enumerate() {
        conn.execute(
            &format!("INSERT INTO {table} (owner_id, holding_id, position) VALUES (?1, ?2, ?3)"),
            params![id, holding, position as i64],
        )?;
    }
    Ok(())
}

pub fn delete<T: Table>(conn: &Connection, id: i64) -> rusqlite::Result<usize> {
    conn.execute(&format!("DELETE FROM {} WHERE id = ?1", T::TABLE), [id])
}

/// The records of kind `T` that name holding `holding_id`.
pub fn referring_to_holding<T: Table>(
    conn: &Connection,
    holding_id: i64,
) -> rusqlite::Result<Vec<T>> {
    let mut stmt = conn.prepare(T::REFERRING_TO_HOLDING)?;
    let ids: Vec<i64> = stmt
        .query_map([holding_id], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut records = Vec::with_capacity(ids.len());
    for id in ids {
        records.extend(get::<T>(conn, id)?);
    }
    Ok(records)
}

pub(crate) fn text(s: &str) -> Value {
    Value::Text(s.to_owned())
}

pub(crate) fn date(d: chrono::NaiveDate) -> Value {
    Value::Text(d.format("%Y-%m-%d").to_string())
}

pub(crate) fn opt_date(d: Option<chrono::NaiveDate>) -> Value {
    d.map_or(Value::Null, date)
}

pub(crate) fn flag(b: bool) -> Value {
    Value::Integer(i64::from(b))
}
