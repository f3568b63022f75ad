use super::requests::NEW_ID;
use crate::model::complaint::{Complaint, ComplaintAction, ComplaintInput};
use rusqlite::{params, Connection, OptionalExtension, Row};
use std::collections::HashMap;

const COLUMNS: &str = "id, reference, received_on, channel, complainant, complainant_contact,
    subject, description, resolution, closed_on, version, created_at, updated_at";

fn from_row(row: &Row<'_>) -> rusqlite::Result<Complaint> {
    Ok(Complaint {
        id: row.get(0)?,
        fields: ComplaintInput {
            reference: row.get(1)?,
            received_on: row.get(2)?,
            channel: row.get(3)?,
            complainant: row.get(4)?,
            complainant_contact: row.get(5)?,
            subject: row.get(6)?,
            description: row.get(7)?,
            holding_ids: Vec::new(),
        },
        actions: Vec::new(),
        resolution: row.get(8)?,
        closed_on: row.get(9)?,
        version: row.get(10)?,
        created_at: row.get(11)?,
        updated_at: row.get(12)?,
    })
}

fn values(c: &Complaint) -> Vec<rusqlite::types::Value> {
    use rusqlite::types::Value as V;
    let text = |s: &str| V::Text(s.to_owned());
    let date = |d: chrono::NaiveDate| V::Text(d.format("%Y-%m-%d").to_string());
    let f = &c.fields;
    vec![
        if c.id == NEW_ID {
            V::Null
        } else {
            V::Integer(c.id)
        },
        text(&f.reference),
        date(f.received_on),
        text(f.channel.code()),
        text(&f.complainant),
        text(&f.complainant_contact),
        text(&f.subject),
        text(&f.description),
        text(&c.resolution),
        c.closed_on.map_or(V::Null, date),
        V::Integer(c.version),
        text(&c.created_at),
        text(&c.updated_at),
    ]
}

struct Children {
    holdings: HashMap<i64, Vec<i64>>,
    actions: HashMap<i64, Vec<ComplaintAction>>,
}

fn children(conn: &Connection, complaint_id: Option<i64>) -> rusqlite::Result<Children> {
    let mut holdings: HashMap<i64, Vec<i64>> = HashMap::new();
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT complaint_id, holding_id FROM complaint_holding
         WHERE {} ORDER BY complaint_id, position",
        super::owned_by("complaint_id", complaint_id)
    ))?;
    let rows = stmt.query_map([complaint_id], |row| Ok((row.get(0)?, row.get(1)?)))?;
    for row in rows {
        let (complaint, holding) = row?;
        holdings.entry(complaint).or_default().push(holding);
    }
    let mut actions: HashMap<i64, Vec<ComplaintAction>> = HashMap::new();
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT complaint_id, id, taken_on, description, taken_by FROM complaint_action
         WHERE {} ORDER BY complaint_id, taken_on, id",
        super::owned_by("complaint_id", complaint_id)
    ))?;
    let rows = stmt.query_map([complaint_id], |row| {
        Ok((
            row.get::<_, i64>(0)?,
            ComplaintAction {
                id: row.get(1)?,
                on: row.get(2)?,
                description: row.get(3)?,
                by: row.get(4)?,
            },
        ))
    })?;
    for row in rows {
        let (complaint, action) = row?;
        actions.entry(complaint).or_default().push(action);
    }
    Ok(Children { holdings, actions })
}

impl Children {
    fn attach(&mut self, mut complaint: Complaint) -> Complaint {
        complaint.fields.holding_ids = self.holdings.remove(&complaint.id).unwrap_or_default();
        complaint.actions = self.actions.remove(&complaint.id).unwrap_or_default();
        complaint
    }
}

/// Every complaint, newest first.
pub fn list(conn: &Connection) -> rusqlite::Result<Vec<Complaint>> {
    let mut children = children(conn, None)?;
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM complaint ORDER BY received_on DESC, id DESC"
    ))?;
    let rows = stmt.query_map([], from_row)?;
    rows.map(|row| row.map(|c| children.attach(c))).collect()
}

pub fn get(conn: &Connection, id: i64) -> rusqlite::Result<Option<Complaint>> {
    let complaint = conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM complaint WHERE id = ?1"),
            [id],
            from_row,
        )
        .optional()?;
    match complaint {
        Some(complaint) => Ok(Some(children(conn, Some(id))?.attach(complaint))),
        None => Ok(None),
    }
}

/// Inserts the complaint row, keeping `complaint.id` unless it is [`NEW_ID`]; returns the id.
pub fn insert(conn: &Connection, complaint: &Complaint) -> rusqlite::Result<i64> {
    let placeholders: Vec<String> = (1..=COLUMNS.split(',').count())
        .map(|i| format!("?{i}"))
        .collect();
    conn.execute(
        &format!(
            "INSERT INTO complaint ({COLUMNS}) VALUES ({})",
            placeholders.join(", ")
        ),
        rusqlite::params_from_iter(values(complaint)),
    )?;
    Ok(conn.last_insert_rowid())
}

pub fn update(conn: &Connection, complaint: &Complaint) -> rusqlite::Result<()> {
    let assignments: Vec<String> = COLUMNS
        .split(',')
        .map(str::trim)
        .enumerate()
        .filter(|(_, c)| *c != "id" && *c != "created_at")
        .map(|(i, c)| format!("{c} = ?{}", i + 1))
        .collect();
    conn.execute(
        &format!(
            "UPDATE complaint SET {} WHERE id = ?1",
            assignments.join(", ")
        ),
        rusqlite::params_from_iter(values(complaint)),
    )?;
    Ok(())
}

/// Makes the stored links and actions of complaint `id` those of `after`; actions are only
/// ever added ([`NEW_ID`] for a new one, an imported one keeps its id).
pub fn save_children(
    conn: &Connection,
    id: i64,
    before: Option<&Complaint>,
    after: &Complaint,
) -> rusqlite::Result<()> {
    if before.map(|b| &b.fields.holding_ids) != Some(&after.fields.holding_ids) {
        conn.execute(
            "DELETE FROM complaint_holding WHERE complaint_id = ?1",
            [id],
        )?;
        for (position, holding) in after.fields.holding_ids.iter().enumerate() {
            conn.execute(
                "INSERT INTO complaint_holding (complaint_id, holding_id, position)
                 VALUES (?1, ?2, ?3)",
                params![id, holding, position as i64],
            )?;
        }
    }
    let old: &[ComplaintAction] = before.map_or(&[], |b| &b.actions);
    for action in &after.actions {
        if action.id == NEW_ID || !old.iter().any(|a| a.id == action.id) {
            conn.execute(
                "INSERT INTO complaint_action (id, complaint_id, taken_on, description, taken_by)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![
                    (action.id != NEW_ID).then_some(action.id),
                    id,
                    action.on,
                    action.description,
                    action.by
                ],
            )?;
        }
    }
    Ok(())
}

/// References of the complaints that name holding `holding_id`.
pub fn referring_to_holding(conn: &Connection, holding_id: i64) -> rusqlite::Result<Vec<String>> {
    let mut stmt = conn.prepare(
        "SELECT c.reference FROM complaint AS c
         JOIN complaint_holding AS h ON h.complaint_id = c.id
         WHERE h.holding_id = ?1 ORDER BY c.reference",
    )?;
    let rows = stmt.query_map([holding_id], |row| row.get(0))?;
    rows.collect()
}
