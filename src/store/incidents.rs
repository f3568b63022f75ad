use super::requests::NEW_ID;
use super::{list_from_json, list_to_json};
use crate::model::incident::{
    Filing, FilingInput, Incident, IncidentEvent, IncidentInput, Notice, NoticeInput,
};
use chrono::{DateTime, FixedOffset};
use rusqlite::{params, Connection, OptionalExtension, Row};
use std::collections::HashMap;

const COLUMNS: &str = "id, reference, title, aware_at, aware_department, occurred_on, nature,
    certainty, summary, items, persons, my_number_persons, cause, secondary_damage,
    secondary_damage_detail, strong_encryption, encryption_detail, financial_damage_risk,
    wrongful_purpose, data_being_acquired, my_number_system, publicly_exposed,
    gdpr_risk_unlikely, gdpr_risk_reason, perpetrator, entrusted_party, entrustee_notified_on,
    responses_to_persons, public_announcement, prevention, other, regime, gdpr_applies,
    closed_on, version, created_at, updated_at, entrustee_id";

fn parse_instant(text: &str) -> rusqlite::Result<DateTime<FixedOffset>> {
    DateTime::parse_from_rfc3339(text).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(3, rusqlite::types::Type::Text, Box::new(e))
    })
}

fn from_row(row: &Row<'_>) -> rusqlite::Result<Incident> {
    let regime: String = row.get(31)?;
    Ok(Incident {
        id: row.get(0)?,
        fields: IncidentInput {
            reference: row.get(1)?,
            title: row.get(2)?,
            aware_at: parse_instant(&row.get::<_, String>(3)?)?,
            aware_department: row.get(4)?,
            occurred_on: row.get(5)?,
            nature: list_from_json(&row.get::<_, String>(6)?)?,
            certainty: row.get(7)?,
            summary: row.get(8)?,
            holding_ids: Vec::new(),
            items: list_from_json(&row.get::<_, String>(9)?)?,
            persons: row.get(10)?,
            my_number_persons: row.get(11)?,
            cause: row.get(12)?,
            secondary_damage: row.get(13)?,
            secondary_damage_detail: row.get(14)?,
            strong_encryption: row.get(15)?,
            encryption_detail: row.get(16)?,
            financial_damage_risk: row.get(17)?,
            wrongful_purpose: row.get(18)?,
            data_being_acquired: row.get(19)?,
            my_number_system: row.get(20)?,
            publicly_exposed: row.get(21)?,
            gdpr_risk_unlikely: row.get(22)?,
            gdpr_risk_reason: row.get(23)?,
            perpetrator: row.get(24)?,
            entrusted_party: row.get(25)?,
            entrustee_notified_on: row.get(26)?,
            entrustee_id: row.get(37)?,
            responses_to_persons: row.get(27)?,
            public_announcement: row.get(28)?,
            prevention: row.get(29)?,
            other: row.get(30)?,
        },
        regime: crate::model::organisation::Regime::from_code(&regime).ok_or_else(|| {
            rusqlite::Error::FromSqlConversionFailure(
                31,
                rusqlite::types::Type::Text,
                format!("unknown regime {regime:?}").into(),
            )
        })?,
        gdpr_applies: row.get(32)?,
        filings: Vec::new(),
        notices: Vec::new(),
        timeline: Vec::new(),
        closed_on: row.get(33)?,
        version: row.get(34)?,
        created_at: row.get(35)?,
        updated_at: row.get(36)?,
    })
}

fn values(incident: &Incident) -> Vec<rusqlite::types::Value> {
    use rusqlite::types::Value as V;
    let text = |s: &str| V::Text(s.to_owned());
    let date = |d: chrono::NaiveDate| V::Text(d.format("%Y-%m-%d").to_string());
    let flag = |b: bool| V::Integer(i64::from(b));
    let f = &incident.fields;
    vec![
        if incident.id == NEW_ID {
            V::Null
        } else {
            V::Integer(incident.id)
        },
        text(&f.reference),
        text(&f.title),
        text(&f.aware_at.to_rfc3339()),
        text(&f.aware_department),
        f.occurred_on.map_or(V::Null, date),
        text(&list_to_json(&f.nature)),
        text(f.certainty.code()),
        text(&f.summary),
        text(&list_to_json(&f.items)),
        V::Integer(f.persons),
        V::Integer(f.my_number_persons),
        text(&f.cause),
        text(f.secondary_damage.code()),
        text(&f.secondary_damage_detail),
        flag(f.strong_encryption),
        text(&f.encryption_detail),
        flag(f.financial_damage_risk),
        flag(f.wrongful_purpose),
        flag(f.data_being_acquired),
        flag(f.my_number_system),
        flag(f.publicly_exposed),
        flag(f.gdpr_risk_unlikely),
        text(&f.gdpr_risk_reason),
        text(f.perpetrator.code()),
        text(&f.entrusted_party),
        f.entrustee_notified_on.map_or(V::Null, date),
        text(&f.responses_to_persons),
        text(&f.public_announcement),
        text(&f.prevention),
        text(&f.other),
        text(incident.regime.code()),
        flag(incident.gdpr_applies),
        incident.closed_on.map_or(V::Null, date),
        V::Integer(incident.version),
        text(&incident.created_at),
        text(&incident.updated_at),
        f.entrustee_id.map_or(V::Null, V::Integer),
    ]
}

#[derive(Default)]
struct Children {
    holdings: HashMap<i64, Vec<i64>>,
    filings: HashMap<i64, Vec<Filing>>,
    notices: HashMap<i64, Vec<Notice>>,
    events: HashMap<i64, Vec<IncidentEvent>>,
}

fn children(conn: &Connection, incident_id: Option<i64>) -> rusqlite::Result<Children> {
    let mut children = Children::default();
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT incident_id, holding_id FROM incident_holding
         WHERE {} ORDER BY incident_id, position",
        super::owned_by("incident_id", incident_id)
    ))?;
    for row in stmt.query_map([incident_id], |row| Ok((row.get(0)?, row.get(1)?)))? {
        let (incident, holding) = row?;
        children.holdings.entry(incident).or_default().push(holding);
    }
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT incident_id, id, phase, law, filed_on, authority, channel, reference_no, note
         FROM incident_filing WHERE {}
         ORDER BY incident_id, filed_on, id",
        super::owned_by("incident_id", incident_id)
    ))?;
    let rows = stmt.query_map([incident_id], |row| {
        Ok((
            row.get::<_, i64>(0)?,
            Filing {
                id: row.get(1)?,
                fields: FilingInput {
                    phase: row.get(2)?,
                    law: row.get(3)?,
                    filed_on: row.get(4)?,
                    authority: row.get(5)?,
                    channel: row.get(6)?,
                    reference_no: row.get(7)?,
                    note: row.get(8)?,
                },
            },
        ))
    })?;
    for row in rows {
        let (incident, filing) = row?;
        children.filings.entry(incident).or_default().push(filing);
    }
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT incident_id, id, notified_on, method, persons, note
         FROM incident_notice WHERE {}
         ORDER BY incident_id, notified_on, id",
        super::owned_by("incident_id", incident_id)
    ))?;
    let rows = stmt.query_map([incident_id], |row| {
        Ok((
            row.get::<_, i64>(0)?,
            Notice {
                id: row.get(1)?,
                fields: NoticeInput {
                    notified_on: row.get(2)?,
                    method: row.get(3)?,
                    persons: row.get(4)?,
                    note: row.get(5)?,
                },
            },
        ))
    })?;
    for row in rows {
        let (incident, notice) = row?;
        children.notices.entry(incident).or_default().push(notice);
    }
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT incident_id, id, kind, occurred_on, note, actor, recorded_at
         FROM incident_event WHERE {} ORDER BY incident_id, id",
        super::owned_by("incident_id", incident_id)
    ))?;
    let rows = stmt.query_map([incident_id], |row| {
        Ok((
            row.get::<_, i64>(0)?,
            IncidentEvent {
                id: row.get(1)?,
                kind: row.get(2)?,
                on: row.get(3)?,
                note: row.get(4)?,
                actor: row.get(5)?,
                recorded_at: row.get(6)?,
            },
        ))
    })?;
    for row in rows {
        let (incident, event) = row?;
        children.events.entry(incident).or_default().push(event);
    }
    Ok(children)
}

impl Children {
    fn attach(&mut self, mut incident: Incident) -> Incident {
        incident.fields.holding_ids = self.holdings.remove(&incident.id).unwrap_or_default();
        incident.filings = self.filings.remove(&incident.id).unwrap_or_default();
        incident.notices = self.notices.remove(&incident.id).unwrap_or_default();
        incident.timeline = self.events.remove(&incident.id).unwrap_or_default();
        incident
    }
}

/// Every incident, newest awareness first.
pub fn list(conn: &Connection) -> rusqlite::Result<Vec<Incident>> {
    let mut children = children(conn, None)?;
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM incident ORDER BY datetime(aware_at) DESC, id DESC"
    ))?;
    let rows = stmt.query_map([], from_row)?;
    rows.map(|row| row.map(|i| children.attach(i))).collect()
}

pub fn get(conn: &Connection, id: i64) -> rusqlite::Result<Option<Incident>> {
    let incident = conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM incident WHERE id = ?1"),
            [id],
            from_row,
        )
        .optional()?;
    match incident {
        Some(incident) => Ok(Some(children(conn, Some(id))?.attach(incident))),
        None => Ok(None),
    }
}

/// Inserts the incident row, keeping `incident.id` unless it is [`NEW_ID`]; returns the id.
pub fn insert(conn: &Connection, incident: &Incident) -> rusqlite::Result<i64> {
    let placeholders: Vec<String> = (1..=COLUMNS.split(',').count())
        .map(|i| format!("?{i}"))
        .collect();
    conn.execute(
        &format!(
            "INSERT INTO incident ({COLUMNS}) VALUES ({})",
            placeholders.join(", ")
        ),
        rusqlite::params_from_iter(values(incident)),
    )?;
    Ok(conn.last_insert_rowid())
}

pub fn update(conn: &Connection, incident: &Incident) -> rusqlite::Result<()> {
    let assignments: Vec<String> = COLUMNS
        .split(',')
        .map(str::trim)
        .enumerate()
        .filter(|(_, c)| *c != "id" && *c != "created_at")
        .map(|(i, c)| format!("{c} = ?{}", i + 1))
        .collect();
    conn.execute(
        &format!(
            "UPDATE incident SET {} WHERE id = ?1",
            assignments.join(", ")
        ),
        rusqlite::params_from_iter(values(incident)),
    )?;
    Ok(())
}

/// Makes the stored links of incident `id` those of `after`, and stores the filings, notices
/// and timeline entries `before` did not have ([`NEW_ID`] for a new one; an imported one keeps
/// its id). Those three are only ever added.
pub fn save_children(
    conn: &Connection,
    id: i64,
    before: Option<&Incident>,
    after: &Incident,
) -> rusqlite::Result<()> {
    if before.map(|b| &b.fields.holding_ids) != Some(&after.fields.holding_ids) {
        conn.execute("DELETE FROM incident_holding WHERE incident_id = ?1", [id])?;
        for (position, holding) in after.fields.holding_ids.iter().enumerate() {
            conn.execute(
                "INSERT INTO incident_holding (incident_id, holding_id, position)
                 VALUES (?1, ?2, ?3)",
                params![id, holding, position as i64],
            )?;
        }
    }
    let new_id = |id: i64| (id != NEW_ID).then_some(id);
    let old_filings: &[Filing] = before.map_or(&[], |b| &b.filings);
    for filing in &after.filings {
        if filing.id == NEW_ID || !old_filings.iter().any(|f| f.id == filing.id) {
            let f = &filing.fields;
            conn.execute(
                "INSERT INTO incident_filing (id, incident_id, phase, law, filed_on, authority,
                     channel, reference_no, note)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                params![
                    new_id(filing.id),
                    id,
                    f.phase,
                    f.law,
                    f.filed_on,
                    f.authority,
                    f.channel,
                    f.reference_no,
                    f.note
                ],
            )?;
        }
    }
    let old_notices: &[Notice] = before.map_or(&[], |b| &b.notices);
    for notice in &after.notices {
        if notice.id == NEW_ID || !old_notices.iter().any(|n| n.id == notice.id) {
            let n = &notice.fields;
            conn.execute(
                "INSERT INTO incident_notice (id, incident_id, notified_on, method, persons, note)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![
                    new_id(notice.id),
                    id,
                    n.notified_on,
                    n.method,
                    n.persons,
                    n.note
                ],
            )?;
        }
    }
    let old_events: &[IncidentEvent] = before.map_or(&[], |b| &b.timeline);
    for event in &after.timeline {
        if event.id == NEW_ID || !old_events.iter().any(|e| e.id == event.id) {
            conn.execute(
                "INSERT INTO incident_event (id, incident_id, kind, occurred_on, note, actor,
                     recorded_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    new_id(event.id),
                    id,
                    event.kind,
                    event.on,
                    event.note,
                    event.actor,
                    event.recorded_at
                ],
            )?;
        }
    }
    Ok(())
}

/// References of the incidents that name holding `holding_id`.
/// The incidents that name a subcontractor tier, by reference.
pub fn referring_to_subcontractor(
    conn: &Connection,
    subcontractor_id: i64,
) -> rusqlite::Result<Vec<String>> {
    let mut stmt =
        conn.prepare("SELECT reference FROM incident WHERE entrustee_id = ?1 ORDER BY reference")?;
    let rows = stmt.query_map([subcontractor_id], |row| row.get(0))?;
    rows.collect()
}

pub fn referring_to_holding(conn: &Connection, holding_id: i64) -> rusqlite::Result<Vec<String>> {
    let mut stmt = conn.prepare(
        "SELECT i.reference FROM incident AS i
         JOIN incident_holding AS h ON h.incident_id = i.id
         WHERE h.holding_id = ?1 ORDER BY i.reference",
    )?;
    let rows = stmt.query_map([holding_id], |row| row.get(0))?;
    rows.collect()
}
