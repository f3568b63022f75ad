//! Anonymised information (APPI art. 43): its row and holding links through the shared
//! [`Table`] SQL, and its provisions to third parties (art. 43(4)) as child rows.

use super::sections::{self, date, opt_date, text, Table};
use super::{list_from_json, list_to_json};
use crate::model::anonymised::{
    AnonymisedInformation, AnonymisedInformationInput, AnonymisedProvision,
};
use rusqlite::types::Value;
use rusqlite::{params, Connection, Row};
use std::collections::HashMap;

impl Table for AnonymisedInformation {
    const TABLE: &'static str = "anonymised_information";
    const COLUMNS: &'static str = "id, name, items, produced_on, items_published_on,
        published_where, processing_security, notes, version, created_at, updated_at";
    const ORDER_BY: &'static str = "produced_on DESC, id DESC";
    const HOLDING_LINKS: Option<&'static str> = Some("anonymised_information_holding");
    const REFERRING_TO_HOLDING: &'static str = "SELECT owner_id FROM \
        anonymised_information_holding WHERE holding_id = ?1 ORDER BY owner_id";

    fn from_row(row: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(AnonymisedInformation {
            id: row.get(0)?,
            fields: AnonymisedInformationInput {
                name: row.get(1)?,
                holding_ids: Vec::new(),
                items: list_from_json(&row.get::<_, String>(2)?)?,
                produced_on: row.get(3)?,
                items_published_on: row.get(4)?,
                published_where: row.get(5)?,
                processing_security: row.get(6)?,
                provisions: Vec::new(),
                notes: row.get(7)?,
            },
            version: row.get(8)?,
            created_at: row.get(9)?,
            updated_at: row.get(10)?,
        })
    }

    fn values(&self) -> Vec<Value> {
        let f = &self.fields;
        vec![
            Value::Integer(self.id),
            text(&f.name),
            text(&list_to_json(&f.items)),
            date(f.produced_on),
            opt_date(f.items_published_on),
            text(&f.published_where),
            text(&f.processing_security),
            text(&f.notes),
            Value::Integer(self.version),
            text(&self.created_at),
            text(&self.updated_at),
        ]
    }

    fn row_id(&self) -> i64 {
        self.id
    }
    fn linked_holdings(&self) -> &[i64] {
        &self.fields.holding_ids
    }
    fn set_linked_holdings(&mut self, ids: Vec<i64>) {
        self.fields.holding_ids = ids;
    }
}

fn provisions(
    conn: &Connection,
    owner: Option<i64>,
) -> rusqlite::Result<HashMap<i64, Vec<AnonymisedProvision>>> {
    let mut map: HashMap<i64, Vec<AnonymisedProvision>> = HashMap::new();
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT owner_id, recipient, provided_on, method, published_on, stated_to_recipient
         FROM anonymised_provision WHERE {}
         ORDER BY owner_id, position",
        super::owned_by("owner_id", owner)
    ))?;
    let rows = stmt.query_map([owner], |row| {
        Ok((
            row.get::<_, i64>(0)?,
            AnonymisedProvision {
                recipient: row.get(1)?,
                provided_on: row.get(2)?,
                method: row.get(3)?,
                published_on: row.get(4)?,
                stated_to_recipient: row.get(5)?,
            },
        ))
    })?;
    for row in rows {
        let (owner, provision) = row?;
        map.entry(owner).or_default().push(provision);
    }
    Ok(map)
}

pub fn list(conn: &Connection) -> rusqlite::Result<Vec<AnonymisedInformation>> {
    let mut children = provisions(conn, None)?;
    let mut records = sections::list::<AnonymisedInformation>(conn)?;
    for record in &mut records {
        record.fields.provisions = children.remove(&record.id).unwrap_or_default();
    }
    Ok(records)
}

pub fn get(conn: &Connection, id: i64) -> rusqlite::Result<Option<AnonymisedInformation>> {
    let Some(mut record) = sections::get::<AnonymisedInformation>(conn, id)? else {
        return Ok(None);
    };
    record.fields.provisions = provisions(conn, Some(id))?.remove(&id).unwrap_or_default();
    Ok(Some(record))
}

/// The row; its links and provisions are written by [`save_children`].
pub fn insert(conn: &Connection, record: &AnonymisedInformation) -> rusqlite::Result<i64> {
    sections::insert_row(conn, record)
}

pub fn update(conn: &Connection, after: &AnonymisedInformation) -> rusqlite::Result<()> {
    sections::update_row(conn, after)
}

/// The holding links and the provisions, each replaced when it changed.
pub fn save_children(
    conn: &Connection,
    id: i64,
    before: Option<&AnonymisedInformation>,
    after: &AnonymisedInformation,
) -> rusqlite::Result<()> {
    sections::save_links(conn, id, before, after)?;
    if before.map(|b| &b.fields.provisions) == Some(&after.fields.provisions) {
        return Ok(());
    }
    conn.execute("DELETE FROM anonymised_provision WHERE owner_id = ?1", [id])?;
    for (position, p) in after.fields.provisions.iter().enumerate() {
        conn.execute(
            "INSERT INTO anonymised_provision (owner_id, position, recipient, provided_on,
                 method, published_on, stated_to_recipient)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                id,
                position as i64,
                p.recipient,
                p.provided_on,
                p.method,
                p.published_on,
                p.stated_to_recipient
            ],
        )?;
    }
    Ok(())
}

/// The names of the anonymised information made from holding `holding_id`.
pub fn referring_to_holding(conn: &Connection, holding_id: i64) -> rusqlite::Result<Vec<String>> {
    Ok(
        sections::referring_to_holding::<AnonymisedInformation>(conn, holding_id)?
            .into_iter()
            .map(|r| r.fields.name)
            .collect(),
    )
}
