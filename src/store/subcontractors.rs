use super::requests::NEW_ID;
use crate::model::subcontractor::{
    Approval, EntrustedData, Subcontractor, SubcontractorInput, Supervision,
};
use rusqlite::{params, Connection, OptionalExtension, Row};
use std::collections::HashMap;

const COLUMNS: &str = "id, reference, parent_id, name, address, representative, country,
    classification, classification_note, work_description, contract_reference, contract_clauses,
    approved_by, approved_on, approval_form, approval_note, supervision_method,
    supervision_frequency_months, last_check, next_check, findings, incident_notified_on,
    incident_note, notes, version, created_at, updated_at";

fn from_row(row: &Row<'_>) -> rusqlite::Result<Subcontractor> {
    let approval = match row.get::<_, Option<String>>(12)? {
        Some(approved_by) => Some(Approval {
            approved_by,
            approved_on: row.get(13)?,
            form: row.get(14)?,
            note: row.get(15)?,
        }),
        None => None,
    };
    Ok(Subcontractor {
        id: row.get(0)?,
        fields: SubcontractorInput {
            reference: row.get(1)?,
            parent_id: row.get(2)?,
            name: row.get(3)?,
            address: row.get(4)?,
            representative: row.get(5)?,
            country: row.get(6)?,
            classification: row.get(7)?,
            classification_note: row.get(8)?,
            work_description: row.get(9)?,
            entrusted: Vec::new(),
            contract_reference: row.get(10)?,
            contract_clauses: row.get(11)?,
            approval,
            supervision: Supervision {
                method: row.get(16)?,
                frequency_months: row.get(17)?,
                last_check: row.get(18)?,
                next_check: row.get(19)?,
                findings: row.get(20)?,
            },
            incident_notified_on: row.get(21)?,
            incident_note: row.get(22)?,
            notes: row.get(23)?,
        },
        version: row.get(24)?,
        created_at: row.get(25)?,
        updated_at: row.get(26)?,
    })
}

fn values(s: &Subcontractor) -> Vec<rusqlite::types::Value> {
    use rusqlite::types::Value as V;
    let text = |s: &str| V::Text(s.to_owned());
    let date = |d: Option<chrono::NaiveDate>| {
        d.map_or(V::Null, |d| V::Text(d.format("%Y-%m-%d").to_string()))
    };
    let f = &s.fields;
    let approval = f.approval.as_ref();
    vec![
        if s.id == NEW_ID {
            V::Null
        } else {
            V::Integer(s.id)
        },
        text(&f.reference),
        f.parent_id.map_or(V::Null, V::Integer),
        text(&f.name),
        text(&f.address),
        text(&f.representative),
        text(&f.country),
        text(f.classification.code()),
        text(&f.classification_note),
        text(&f.work_description),
        text(&f.contract_reference),
        text(&f.contract_clauses),
        approval.map_or(V::Null, |a| text(&a.approved_by)),
        date(approval.map(|a| a.approved_on)),
        approval.map_or(V::Null, |a| text(a.form.code())),
        approval.map_or(V::Null, |a| text(&a.note)),
        text(f.supervision.method.code()),
        V::Integer(i64::from(f.supervision.frequency_months)),
        date(f.supervision.last_check),
        date(f.supervision.next_check),
        text(&f.supervision.findings),
        date(f.incident_notified_on),
        text(&f.incident_note),
        text(&f.notes),
        V::Integer(s.version),
        text(&s.created_at),
        text(&s.updated_at),
    ]
}

fn entrusted_by_subcontractor(
    conn: &Connection,
    id: Option<i64>,
) -> rusqlite::Result<HashMap<i64, Vec<EntrustedData>>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT subcontractor_id, holding_id, item_id FROM subcontractor_item
         WHERE {}
         ORDER BY subcontractor_id, holding_position, item_position",
        super::owned_by("subcontractor_id", id)
    ))?;
    let rows = stmt.query_map([id], |row| {
        Ok((
            row.get::<_, i64>(0)?,
            row.get::<_, i64>(1)?,
            row.get::<_, i64>(2)?,
        ))
    })?;
    let mut map: HashMap<i64, Vec<EntrustedData>> = HashMap::new();
    for row in rows {
        let (subcontractor, holding_id, item) = row?;
        let list = map.entry(subcontractor).or_default();
        match list.last_mut() {
            Some(last) if last.holding_id == holding_id => last.item_ids.push(item),
            _ => list.push(EntrustedData {
                holding_id,
                item_ids: vec![item],
            }),
        }
    }
    Ok(map)
}

/// Every tier, parents before children is not guaranteed; ordered by reference.
pub fn list(conn: &Connection) -> rusqlite::Result<Vec<Subcontractor>> {
    let mut entrusted = entrusted_by_subcontractor(conn, None)?;
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM subcontractor ORDER BY reference, id"
    ))?;
    let rows = stmt.query_map([], from_row)?;
    rows.map(|row| {
        row.map(|mut s| {
            s.fields.entrusted = entrusted.remove(&s.id).unwrap_or_default();
            s
        })
    })
    .collect()
}

pub fn get(conn: &Connection, id: i64) -> rusqlite::Result<Option<Subcontractor>> {
    let found = conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM subcontractor WHERE id = ?1"),
            [id],
            from_row,
        )
        .optional()?;
    match found {
        Some(mut s) => {
            s.fields.entrusted = entrusted_by_subcontractor(conn, Some(id))?
                .remove(&id)
                .unwrap_or_default();
            Ok(Some(s))
        }
        None => Ok(None),
    }
}

/// Inserts the row, keeping `s.id` unless it is [`NEW_ID`]; returns the id.
pub fn insert(conn: &Connection, s: &Subcontractor) -> rusqlite::Result<i64> {
    let placeholders: Vec<String> = (1..=COLUMNS.split(',').count())
        .map(|i| format!("?{i}"))
        .collect();
    conn.execute(
        &format!(
            "INSERT INTO subcontractor ({COLUMNS}) VALUES ({})",
            placeholders.join(", ")
        ),
        rusqlite::params_from_iter(values(s)),
    )?;
    let id = conn.last_insert_rowid();
    replace_entrusted(conn, id, &s.fields.entrusted)?;
    Ok(id)
}

pub fn update(conn: &Connection, s: &Subcontractor) -> rusqlite::Result<()> {
    let assignments: Vec<String> = COLUMNS
        .split(',')
        .map(str::trim)
        .enumerate()
        .filter(|(_, c)| *c != "id" && *c != "created_at")
        .map(|(i, c)| format!("{c} = ?{}", i + 1))
        .collect();
    conn.execute(
        &format!(
            "UPDATE subcontractor SET {} WHERE id = ?1",
            assignments.join(", ")
        ),
        rusqlite::params_from_iter(values(s)),
    )?;
    replace_entrusted(conn, s.id, &s.fields.entrusted)
}

fn replace_entrusted(
    conn: &Connection,
    id: i64,
    entrusted: &[EntrustedData],
) -> rusqlite::Result<()> {
    conn.execute(
        "DELETE FROM subcontractor_item WHERE subcontractor_id = ?1",
        [id],
    )?;
    for (holding_position, data) in entrusted.iter().enumerate() {
        for (item_position, item) in data.item_ids.iter().enumerate() {
            conn.execute(
                "INSERT INTO subcontractor_item
                 (subcontractor_id, holding_id, item_id, holding_position, item_position)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![
                    id,
                    data.holding_id,
                    item,
                    holding_position as i64,
                    item_position as i64
                ],
            )?;
        }
    }
    Ok(())
}

pub fn delete(conn: &Connection, id: i64) -> rusqlite::Result<usize> {
    conn.execute("DELETE FROM subcontractor WHERE id = ?1", [id])
}

/// References of the tiers entrusted directly by tier `id`.
pub fn children(conn: &Connection, id: i64) -> rusqlite::Result<Vec<String>> {
    let mut stmt = conn
        .prepare("SELECT reference FROM subcontractor WHERE parent_id = ?1 ORDER BY reference")?;
    let rows = stmt.query_map([id], |row| row.get(0))?;
    rows.collect()
}

/// References of the tiers that handle items of holding `holding_id`.
pub fn referring_to_holding(conn: &Connection, holding_id: i64) -> rusqlite::Result<Vec<String>> {
    let mut stmt = conn.prepare(
        "SELECT DISTINCT s.reference FROM subcontractor AS s
         JOIN subcontractor_item AS i ON i.subcontractor_id = s.id
         WHERE i.holding_id = ?1 ORDER BY s.reference",
    )?;
    let rows = stmt.query_map([holding_id], |row| row.get(0))?;
    rows.collect()
}

/// Item ids of holding `holding_id` that a tier handles, with the tier's reference.
pub fn entrusted_items(conn: &Connection, holding_id: i64) -> rusqlite::Result<Vec<(i64, String)>> {
    let mut stmt = conn.prepare(
        "SELECT i.item_id, s.reference FROM subcontractor_item AS i
         JOIN subcontractor AS s ON s.id = i.subcontractor_id
         WHERE i.holding_id = ?1 ORDER BY s.reference",
    )?;
    let rows = stmt.query_map([holding_id], |row| Ok((row.get(0)?, row.get(1)?)))?;
    rows.collect()
}
