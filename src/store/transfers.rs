use super::requests::NEW_ID;
use super::{list_from_json, list_to_json};
use crate::model::transfer::{InformationGiven, Transfer, TransferInput};
use rusqlite::{Connection, OptionalExtension, Row};

const COLUMNS: &str = "id, reference, holding_id, recipient, subcontractor_id, country,
    country_undetermined_reason, basis, measures_basis, legal_basis, items, info_country_system,
    info_recipient_measures, info_given_on, info_method, check_frequency_months, last_check,
    next_check, check_results, started_on, stopped_on, notes, version, created_at, updated_at";

fn from_row(row: &Row<'_>) -> rusqlite::Result<Transfer> {
    Ok(Transfer {
        id: row.get(0)?,
        fields: TransferInput {
            reference: row.get(1)?,
            holding_id: row.get(2)?,
            recipient: row.get(3)?,
            subcontractor_id: row.get(4)?,
            country: row.get(5)?,
            country_undetermined_reason: row.get(6)?,
            basis: row.get(7)?,
            measures_basis: row.get(8)?,
            legal_basis: row.get(9)?,
            items: list_from_json(&row.get::<_, String>(10)?)?,
            information_given: InformationGiven {
                country_system: row.get(11)?,
                recipient_measures: row.get(12)?,
                given_on: row.get(13)?,
                method: row.get(14)?,
            },
            check_frequency_months: row.get(15)?,
            last_check: row.get(16)?,
            next_check: row.get(17)?,
            check_results: row.get(18)?,
            started_on: row.get(19)?,
            stopped_on: row.get(20)?,
            notes: row.get(21)?,
        },
        version: row.get(22)?,
        created_at: row.get(23)?,
        updated_at: row.get(24)?,
    })
}

fn values(t: &Transfer) -> Vec<rusqlite::types::Value> {
    use rusqlite::types::Value as V;
    let text = |s: &str| V::Text(s.to_owned());
    let date = |d: Option<chrono::NaiveDate>| {
        d.map_or(V::Null, |d| V::Text(d.format("%Y-%m-%d").to_string()))
    };
    let f = &t.fields;
    vec![
        if t.id == NEW_ID {
            V::Null
        } else {
            V::Integer(t.id)
        },
        text(&f.reference),
        V::Integer(f.holding_id),
        text(&f.recipient),
        f.subcontractor_id.map_or(V::Null, V::Integer),
        f.country.as_deref().map_or(V::Null, text),
        text(&f.country_undetermined_reason),
        text(f.basis.code()),
        f.measures_basis.map_or(V::Null, |m| text(m.code())),
        text(&f.legal_basis),
        text(&list_to_json(&f.items)),
        text(&f.information_given.country_system),
        text(&f.information_given.recipient_measures),
        date(f.information_given.given_on),
        text(&f.information_given.method),
        f.check_frequency_months
            .map_or(V::Null, |m| V::Integer(i64::from(m))),
        date(f.last_check),
        date(f.next_check),
        text(&f.check_results),
        date(f.started_on),
        date(f.stopped_on),
        text(&f.notes),
        V::Integer(t.version),
        text(&t.created_at),
        text(&t.updated_at),
    ]
}

pub fn list(conn: &Connection) -> rusqlite::Result<Vec<Transfer>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM transfer ORDER BY reference, id"
    ))?;
    let rows = stmt.query_map([], from_row)?;
    rows.collect()
}

pub fn get(conn: &Connection, id: i64) -> rusqlite::Result<Option<Transfer>> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM transfer WHERE id = ?1"),
        [id],
        from_row,
    )
    .optional()
}

pub fn insert(conn: &Connection, t: &Transfer) -> rusqlite::Result<i64> {
    let placeholders: Vec<String> = (1..=COLUMNS.split(',').count())
        .map(|i| format!("?{i}"))
        .collect();
    conn.execute(
        &format!(
            "INSERT INTO transfer ({COLUMNS}) VALUES ({})",
            placeholders.join(", ")
        ),
        rusqlite::params_from_iter(values(t)),
    )?;
    Ok(conn.last_insert_rowid())
}

pub fn update(conn: &Connection, t: &Transfer) -> rusqlite::Result<()> {
    let assignments: Vec<String> = COLUMNS
        .split(',')
        .map(str::trim)
        .enumerate()
        .filter(|(_, c)| *c != "id" && *c != "created_at")
        .map(|(i, c)| format!("{c} = ?{}", i + 1))
        .collect();
    conn.execute(
        &format!(
            "UPDATE transfer SET {} WHERE id = ?1",
            assignments.join(", ")
        ),
        rusqlite::params_from_iter(values(t)),
    )?;
    Ok(())
}

pub fn delete(conn: &Connection, id: i64) -> rusqlite::Result<usize> {
    conn.execute("DELETE FROM transfer WHERE id = ?1", [id])
}

pub fn referring_to_holding(conn: &Connection, holding_id: i64) -> rusqlite::Result<Vec<String>> {
    let mut stmt =
        conn.prepare("SELECT reference FROM transfer WHERE holding_id = ?1 ORDER BY reference")?;
    let rows = stmt.query_map([holding_id], |row| row.get(0))?;
    rows.collect()
}

pub fn referring_to_subcontractor(
    conn: &Connection,
    subcontractor_id: i64,
) -> rusqlite::Result<Vec<String>> {
    let mut stmt = conn
        .prepare("SELECT reference FROM transfer WHERE subcontractor_id = ?1 ORDER BY reference")?;
    let rows = stmt.query_map([subcontractor_id], |row| row.get(0))?;
    rows.collect()
}
