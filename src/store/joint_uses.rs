use super::requests::NEW_ID;
use super::{list_from_json, list_to_json};
use crate::model::joint_use::{
    JointUse, JointUseChange, JointUseEdition, JointUseInput, JointUseTerms, ResponsibleParty,
};
use rusqlite::{params, Connection, OptionalExtension, Row};
use std::collections::HashMap;

const COLUMNS: &str = "id, reference, title, fact_statement, items, users_range, purposes,
    inquiry_contact, publication_methods, published_on, notes, version, created_at, updated_at";

fn from_row(row: &Row<'_>) -> rusqlite::Result<JointUse> {
    Ok(JointUse {
        id: row.get(0)?,
        fields: JointUseInput {
            reference: row.get(1)?,
            title: row.get(2)?,
            terms: JointUseTerms {
                fact_statement: row.get(3)?,
                items: list_from_json(&row.get::<_, String>(4)?)?,
                users_range: row.get(5)?,
                purposes: list_from_json(&row.get::<_, String>(6)?)?,
                responsible_parties: Vec::new(),
            },
            inquiry_contact: row.get(7)?,
            publication_methods: list_from_json(&row.get::<_, String>(8)?)?,
            published_on: row.get(9)?,
            holding_ids: Vec::new(),
            notes: row.get(10)?,
        },
        editions: Vec::new(),
        version: row.get(11)?,
        created_at: row.get(12)?,
        updated_at: row.get(13)?,
    })
}

fn values(j: &JointUse) -> Vec<rusqlite::types::Value> {
    use rusqlite::types::Value as V;
    let text = |s: &str| V::Text(s.to_owned());
    let f = &j.fields;
    let t = &f.terms;
    vec![
        if j.id == NEW_ID {
            V::Null
        } else {
            V::Integer(j.id)
        },
        text(&f.reference),
        text(&f.title),
        text(&t.fact_statement),
        text(&list_to_json(&t.items)),
        text(&t.users_range),
        text(&list_to_json(&t.purposes)),
        text(&f.inquiry_contact),
        text(&list_to_json(&f.publication_methods)),
        f.published_on
            .map_or(V::Null, |d| V::Text(d.format("%Y-%m-%d").to_string())),
        text(&f.notes),
        V::Integer(j.version),
        text(&j.created_at),
        text(&j.updated_at),
    ]
}

struct Children {
    holdings: HashMap<i64, Vec<i64>>,
    parties: HashMap<i64, Vec<ResponsibleParty>>,
    editions: HashMap<i64, Vec<JointUseEdition>>,
}

fn children(conn: &Connection, id: Option<i64>) -> rusqlite::Result<Children> {
    let mut holdings: HashMap<i64, Vec<i64>> = HashMap::new();
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT joint_use_id, holding_id FROM joint_use_holding
         WHERE {} ORDER BY joint_use_id, position",
        super::owned_by("joint_use_id", id)
    ))?;
    for row in stmt.query_map([id], |row| Ok((row.get(0)?, row.get(1)?)))? {
        let (joint_use, holding) = row?;
        holdings.entry(joint_use).or_default().push(holding);
    }
    let mut parties: HashMap<i64, Vec<ResponsibleParty>> = HashMap::new();
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT joint_use_id, name, address, representative FROM joint_use_party
         WHERE {} ORDER BY joint_use_id, position",
        super::owned_by("joint_use_id", id)
    ))?;
    let rows = stmt.query_map([id], |row| {
        Ok((
            row.get::<_, i64>(0)?,
            ResponsibleParty {
                name: row.get(1)?,
                address: row.get(2)?,
                representative: row.get(3)?,
            },
        ))
    })?;
    for row in rows {
        let (joint_use, party) = row?;
        parties.entry(joint_use).or_default().push(party);
    }
    let mut editions: HashMap<i64, Vec<JointUseEdition>> = HashMap::new();
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT joint_use_id, number, terms, change_kind, notified_on, effective_on, summary,
                recorded_at
         FROM joint_use_edition WHERE {}
         ORDER BY joint_use_id, number",
        super::owned_by("joint_use_id", id)
    ))?;
    let rows = stmt.query_map([id], |row| {
        let terms: String = row.get(2)?;
        let terms: JointUseTerms = serde_json::from_str(&terms).map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(2, rusqlite::types::Type::Text, Box::new(e))
        })?;
        let change = match row.get::<_, Option<_>>(3)? {
            Some(kind) => Some(JointUseChange {
                kind,
                notified_on: row.get(4)?,
                effective_on: row.get(5)?,
                summary: row.get(6)?,
            }),
            None => None,
        };
        Ok((
            row.get::<_, i64>(0)?,
            JointUseEdition {
                number: row.get(1)?,
                terms,
                change,
                recorded_at: row.get(7)?,
            },
        ))
    })?;
    for row in rows {
        let (joint_use, edition) = row?;
        editions.entry(joint_use).or_default().push(edition);
    }
    Ok(Children {
        holdings,
        parties,
        editions,
    })
}

impl Children {
    fn attach(&mut self, mut j: JointUse) -> JointUse {
        j.fields.holding_ids = self.holdings.remove(&j.id).unwrap_or_default();
        j.fields.terms.responsible_parties = self.parties.remove(&j.id).unwrap_or_default();
        j.editions = self.editions.remove(&j.id).unwrap_or_default();
        j
    }
}

pub fn list(conn: &Connection) -> rusqlite::Result<Vec<JointUse>> {
    let mut children = children(conn, None)?;
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM joint_use ORDER BY reference, id"
    ))?;
    let rows = stmt.query_map([], from_row)?;
    rows.map(|row| row.map(|j| children.attach(j))).collect()
}

pub fn get(conn: &Connection, id: i64) -> rusqlite::Result<Option<JointUse>> {
    let found = conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM joint_use WHERE id = ?1"),
            [id],
            from_row,
        )
        .optional()?;
    match found {
        Some(j) => Ok(Some(children(conn, Some(id))?.attach(j))),
        None => Ok(None),
    }
}

pub fn insert(conn: &Connection, j: &JointUse) -> rusqlite::Result<i64> {
    let placeholders: Vec<String> = (1..=COLUMNS.split(',').count())
        .map(|i| format!("?{i}"))
        .collect();
    conn.execute(
        &format!(
            "INSERT INTO joint_use ({COLUMNS}) VALUES ({})",
            placeholders.join(", ")
        ),
        rusqlite::params_from_iter(values(j)),
    )?;
    let id = conn.last_insert_rowid();
    save_children(conn, id, None, j)?;
    Ok(id)
}

pub fn update(conn: &Connection, before: &JointUse, after: &JointUse) -> rusqlite::Result<()> {
    let assignments: Vec<String> = COLUMNS
        .split(',')
        .map(str::trim)
        .enumerate()
        .filter(|(_, c)| *c != "id" && *c != "created_at")
        .map(|(i, c)| format!("{c} = ?{}", i + 1))
        .collect();
    conn.execute(
        &format!(
            "UPDATE joint_use SET {} WHERE id = ?1",
            assignments.join(", ")
        ),
        rusqlite::params_from_iter(values(after)),
    )?;
    save_children(conn, after.id, Some(before), after)
}

/// Links are replaced; editions are only ever added.
fn save_children(
    conn: &Connection,
    id: i64,
    before: Option<&JointUse>,
    after: &JointUse,
) -> rusqlite::Result<()> {
    if before.map(|b| &b.fields.holding_ids) != Some(&after.fields.holding_ids) {
        conn.execute(
            "DELETE FROM joint_use_holding WHERE joint_use_id = ?1",
            [id],
        )?;
        for (position, holding) in after.fields.holding_ids.iter().enumerate() {
            conn.execute(
                "INSERT INTO joint_use_holding (joint_use_id, holding_id, position)
                 VALUES (?1, ?2, ?3)",
                params![id, holding, position as i64],
            )?;
        }
    }
    fn parties(j: &JointUse) -> &Vec<ResponsibleParty> {
        &j.fields.terms.responsible_parties
    }
    if before.map(parties) != Some(parties(after)) {
        conn.execute("DELETE FROM joint_use_party WHERE joint_use_id = ?1", [id])?;
        for (position, party) in parties(after).iter().enumerate() {
            conn.execute(
                "INSERT INTO joint_use_party (joint_use_id, position, name, address, representative)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![
                    id,
                    position as i64,
                    party.name,
                    party.address,
                    party.representative
                ],
            )?;
        }
    }
    let known = before.map_or(0, |b| b.editions.len());
    for edition in after.editions.iter().skip(known) {
        let change = edition.change.as_ref();
        conn.execute(
            "INSERT INTO joint_use_edition (joint_use_id, number, terms, change_kind, notified_on,
                 effective_on, summary, recorded_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                id,
                edition.number,
                serde_json::to_string(&edition.terms).unwrap_or_else(|_| "{}".to_owned()),
                change.map(|c| c.kind),
                change.map(|c| c.notified_on),
                change.map(|c| c.effective_on),
                change.map_or("", |c| c.summary.as_str()),
                edition.recorded_at,
            ],
        )?;
    }
    Ok(())
}

pub fn delete(conn: &Connection, id: i64) -> rusqlite::Result<usize> {
    conn.execute("DELETE FROM joint_use WHERE id = ?1", [id])
}

pub fn referring_to_holding(conn: &Connection, holding_id: i64) -> rusqlite::Result<Vec<String>> {
    let mut stmt = conn.prepare(
        "SELECT j.reference FROM joint_use AS j
         JOIN joint_use_holding AS h ON h.joint_use_id = j.id
         WHERE h.holding_id = ?1 ORDER BY j.reference",
    )?;
    let rows = stmt.query_map([holding_id], |row| row.get(0))?;
    rows.collect()
}
