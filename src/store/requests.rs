use super::{list_from_json, list_to_json};
use crate::model::request::{
    Decision, Extension, IdentityVerification, LargeVolumeNotice, Notification, Request,
    RequestEvent, RequestInput, RequestPause,
};
use rusqlite::{params, Connection, OptionalExtension, Row};
use std::collections::HashMap;

/// Marks a pause or timeline entry not yet stored; the database assigns its id.
pub const NEW_ID: i64 = 0;

const COLUMNS: &str = "id, reference, request_type, track, received_on, channel, requester_name,
    requester_contact, agent, agent_name, description, requested_method, fee_yen, notes, status,
    identity_documents, identity_checked_by, identity_checked_on, extension_reason,
    extension_notified_on, decision_outcome, decided_on, decision_grounds, decision_reason,
    response_method, responded_on, closed_on, version, created_at, updated_at,
    large_volume_reason, large_volume_notified_on, large_volume_remainder_by";

fn from_row(row: &Row<'_>) -> rusqlite::Result<Request> {
    let identity = match row.get::<_, Option<String>>(15)? {
        Some(documents) => Some(IdentityVerification {
            documents: list_from_json(&documents)?,
            checked_by: row.get(16)?,
            checked_on: row.get(17)?,
        }),
        None => None,
    };
    let extension = match row.get::<_, Option<String>>(18)? {
        Some(reason) => Some(Extension {
            reason,
            notified_on: row.get(19)?,
        }),
        None => None,
    };
    let decision = match row.get(20)? {
        Some(outcome) => Some(Decision {
            outcome,
            decided_on: row.get(21)?,
            grounds: list_from_json(&row.get::<_, String>(22)?)?,
            reason: row.get(23)?,
        }),
        None => None,
    };
    let notification = match row.get(24)? {
        Some(method) => Some(Notification {
            method,
            responded_on: row.get(25)?,
        }),
        None => None,
    };
    let large_volume = match row.get::<_, Option<String>>(30)? {
        Some(reason) => Some(LargeVolumeNotice {
            reason,
            notified_on: row.get(31)?,
            remainder_by: row.get(32)?,
        }),
        None => None,
    };
    Ok(Request {
        id: row.get(0)?,
        fields: RequestInput {
            reference: row.get(1)?,
            request_type: row.get(2)?,
            received_on: row.get(4)?,
            channel: row.get(5)?,
            requester_name: row.get(6)?,
            requester_contact: row.get(7)?,
            agent: row.get(8)?,
            agent_name: row.get(9)?,
            description: row.get(10)?,
            holding_ids: Vec::new(),
            requested_method: row.get(11)?,
            fee_yen: row.get(12)?,
            notes: row.get(13)?,
        },
        track: row.get(3)?,
        status: row.get(14)?,
        identity,
        pauses: Vec::new(),
        extension,
        large_volume,
        decision,
        notification,
        closed_on: row.get(26)?,
        timeline: Vec::new(),
        version: row.get(27)?,
        created_at: row.get(28)?,
        updated_at: row.get(29)?,
    })
}

fn values(r: &Request) -> Vec<rusqlite::types::Value> {
    use rusqlite::types::Value as V;
    let text = |s: &str| V::Text(s.to_owned());
    let opt_text = |s: Option<&str>| s.map_or(V::Null, |s| V::Text(s.to_owned()));
    let date = |d: chrono::NaiveDate| V::Text(d.format("%Y-%m-%d").to_string());
    let opt_date = |d: Option<chrono::NaiveDate>| d.map_or(V::Null, date);
    let f = &r.fields;
    let identity = r.identity.as_ref();
    let extension = r.extension.as_ref();
    let decision = r.decision.as_ref();
    let notification = r.notification.as_ref();
    let large_volume = r.large_volume.as_ref();
    vec![
        if r.id == NEW_ID {
            V::Null
        } else {
            V::Integer(r.id)
        },
        text(&f.reference),
        text(f.request_type.code()),
        text(r.track.code()),
        date(f.received_on),
        text(f.channel.code()),
        text(&f.requester_name),
        text(&f.requester_contact),
        text(f.agent.code()),
        text(&f.agent_name),
        text(&f.description),
        opt_text(f.requested_method.map(|m| m.code())),
        f.fee_yen.map_or(V::Null, V::Integer),
        text(&f.notes),
        text(r.status.code()),
        opt_text(identity.map(|i| list_to_json(&i.documents)).as_deref()),
        opt_text(identity.map(|i| i.checked_by.as_str())),
        opt_date(identity.map(|i| i.checked_on)),
        opt_text(extension.map(|e| e.reason.as_str())),
        opt_date(extension.map(|e| e.notified_on)),
        opt_text(decision.map(|d| d.outcome.code())),
        opt_date(decision.map(|d| d.decided_on)),
        opt_text(decision.map(|d| list_to_json(&d.grounds)).as_deref()),
        opt_text(decision.map(|d| d.reason.as_str())),
        opt_text(notification.map(|n| n.method.code())),
        opt_date(notification.map(|n| n.responded_on)),
        opt_date(r.closed_on),
        V::Integer(r.version),
        text(&r.created_at),
        text(&r.updated_at),
        opt_text(large_volume.map(|l| l.reason.as_str())),
        opt_date(large_volume.map(|l| l.notified_on)),
        opt_date(large_volume.map(|l| l.remainder_by)),
    ]
}

fn placeholders() -> String {
    (1..=COLUMNS.split(',').count())
        .map(|i| format!("?{i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Holding links, pauses and the timeline of one request (`Some(id)`) or of all.
struct Children {
    holdings: HashMap<i64, Vec<i64>>,
    pauses: HashMap<i64, Vec<RequestPause>>,
    events: HashMap<i64, Vec<RequestEvent>>,
}

fn children(conn: &Connection, request_id: Option<i64>) -> rusqlite::Result<Children> {
    let mut holdings: HashMap<i64, Vec<i64>> = HashMap::new();
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT request_id, holding_id FROM request_holding
         WHERE {} ORDER BY request_id, position",
        super::owned_by("request_id", request_id)
    ))?;
    let rows = stmt.query_map([request_id], |row| Ok((row.get(0)?, row.get(1)?)))?;
    for row in rows {
        let (request, holding) = row?;
        holdings.entry(request).or_default().push(holding);
    }

    let mut pauses: HashMap<i64, Vec<RequestPause>> = HashMap::new();
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT request_id, id, starts_on, ends_on, reason, note FROM request_pause
         WHERE {} ORDER BY request_id, starts_on, id",
        super::owned_by("request_id", request_id)
    ))?;
    let rows = stmt.query_map([request_id], |row| {
        Ok((
            row.get::<_, i64>(0)?,
            RequestPause {
                id: row.get(1)?,
                from: row.get(2)?,
                to: row.get(3)?,
                reason: row.get(4)?,
                note: row.get(5)?,
            },
        ))
    })?;
    for row in rows {
        let (request, pause) = row?;
        pauses.entry(request).or_default().push(pause);
    }

    let mut events: HashMap<i64, Vec<RequestEvent>> = HashMap::new();
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT request_id, id, kind, occurred_on, status, note, actor, recorded_at
         FROM request_event
         WHERE {} ORDER BY request_id, occurred_on, id",
        super::owned_by("request_id", request_id)
    ))?;
    let rows = stmt.query_map([request_id], |row| {
        Ok((
            row.get::<_, i64>(0)?,
            RequestEvent {
                id: row.get(1)?,
                kind: row.get(2)?,
                on: row.get(3)?,
                status: row.get(4)?,
                note: row.get(5)?,
                actor: row.get(6)?,
                recorded_at: row.get(7)?,
            },
        ))
    })?;
    for row in rows {
        let (request, event) = row?;
        events.entry(request).or_default().push(event);
    }
    Ok(Children {
        holdings,
        pauses,
        events,
    })
}

impl Children {
    fn attach(&mut self, mut request: Request) -> Request {
        request.fields.holding_ids = self.holdings.remove(&request.id).unwrap_or_default();
        request.pauses = self.pauses.remove(&request.id).unwrap_or_default();
        request.timeline = self.events.remove(&request.id).unwrap_or_default();
        request
    }
}

/// Every request, newest reception first.
pub fn list(conn: &Connection) -> rusqlite::Result<Vec<Request>> {
    let mut children = children(conn, None)?;
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM request ORDER BY received_on DESC, id DESC"
    ))?;
    let rows = stmt.query_map([], from_row)?;
    rows.map(|row| row.map(|r| children.attach(r))).collect()
}

pub fn get(conn: &Connection, id: i64) -> rusqlite::Result<Option<Request>> {
    let request = conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM request WHERE id = ?1"),
            [id],
            from_row,
        )
        .optional()?;
    match request {
        Some(request) => Ok(Some(children(conn, Some(id))?.attach(request))),
        None => Ok(None),
    }
}

/// Inserts the request row, keeping `request.id` unless it is [`NEW_ID`]; returns the id.
pub fn insert(conn: &Connection, request: &Request) -> rusqlite::Result<i64> {
    conn.execute(
        &format!(
            "INSERT INTO request ({COLUMNS}) VALUES ({})",
            placeholders()
        ),
        rusqlite::params_from_iter(values(request)),
    )?;
    Ok(conn.last_insert_rowid())
}

pub fn update(conn: &Connection, request: &Request) -> rusqlite::Result<()> {
    let assignments: Vec<String> = COLUMNS
        .split(',')
        .map(str::trim)
        .enumerate()
        .filter(|(_, c)| *c != "id" && *c != "created_at")
        .map(|(i, c)| format!("{c} = ?{}", i + 1))
        .collect();
    conn.execute(
        &format!(
            "UPDATE request SET {} WHERE id = ?1",
            assignments.join(", ")
        ),
        rusqlite::params_from_iter(values(request)),
    )?;
    Ok(())
}

/// Makes the stored links, pauses and timeline of request `id` those of `after`. Pauses and
/// entries with [`NEW_ID`] are added; other ids are kept (an import brings its own); pauses
/// missing from `after` are removed. Timeline entries are only ever added.
pub fn save_children(
    conn: &Connection,
    id: i64,
    before: Option<&Request>,
    after: &Request,
) -> rusqlite::Result<()> {
    if before.map(|b| &b.fields.holding_ids) != Some(&after.fields.holding_ids) {
        conn.execute("DELETE FROM request_holding WHERE request_id = ?1", [id])?;
        for (position, holding) in after.fields.holding_ids.iter().enumerate() {
            conn.execute(
                "INSERT INTO request_holding (request_id, holding_id, position)
                 VALUES (?1, ?2, ?3)",
                params![id, holding, position as i64],
            )?;
        }
    }
    let old_pauses: &[RequestPause] = before.map_or(&[], |b| &b.pauses);
    for old in old_pauses {
        if !after.pauses.iter().any(|p| p.id == old.id) {
            conn.execute("DELETE FROM request_pause WHERE id = ?1", [old.id])?;
        }
    }
    for pause in &after.pauses {
        match old_pauses.iter().find(|p| p.id == pause.id) {
            Some(old) if old == pause => {}
            Some(_) => {
                conn.execute(
                    "UPDATE request_pause SET starts_on = ?2, ends_on = ?3, reason = ?4, note = ?5
                     WHERE id = ?1",
                    params![pause.id, pause.from, pause.to, pause.reason, pause.note],
                )?;
            }
            None => {
                conn.execute(
                    "INSERT INTO request_pause (id, request_id, starts_on, ends_on, reason, note)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    params![
                        (pause.id != NEW_ID).then_some(pause.id),
                        id,
                        pause.from,
                        pause.to,
                        pause.reason,
                        pause.note
                    ],
                )?;
            }
        }
    }
    let old_events: &[RequestEvent] = before.map_or(&[], |b| &b.timeline);
    for event in &after.timeline {
        if event.id == NEW_ID || !old_events.iter().any(|e| e.id == event.id) {
            conn.execute(
                "INSERT INTO request_event (id, request_id, kind, occurred_on, status, note, actor,
                                            recorded_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![
                    (event.id != NEW_ID).then_some(event.id),
                    id,
                    event.kind,
                    event.on,
                    event.status,
                    event.note,
                    event.actor,
                    event.recorded_at
                ],
            )?;
        }
    }
    Ok(())
}

/// References of the requests that name holding `holding_id`.
pub fn referring_to_holding(conn: &Connection, holding_id: i64) -> rusqlite::Result<Vec<String>> {
    let mut stmt = conn.prepare(
        "SELECT r.reference FROM request AS r JOIN request_holding AS h ON h.request_id = r.id
         WHERE h.holding_id = ?1 ORDER BY r.reference",
    )?;
    let rows = stmt.query_map([holding_id], |row| row.get(0))?;
    rows.collect()
}
