//! The audit trail: who changed which record, when, from what to what. Entries are written in
//! the same transaction as the change they describe and chained by SHA-256, so `verify` can
//! name the first entry that was altered, removed or reordered behind the app's back.

use crate::error::Result;
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha2::{Digest, Sha256};
use ts_rs::TS;

const GENESIS: [u8; 32] = [0; 32];
const DOMAIN_TAG: &[u8] = b"daicho.audit.v1";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum AuditAction {
    Create,
    Update,
    Delete,
}

impl AuditAction {
    fn code(self) -> &'static str {
        match self {
            AuditAction::Create => "create",
            AuditAction::Update => "update",
            AuditAction::Delete => "delete",
        }
    }

    fn from_code(code: &str) -> Option<Self> {
        [
            AuditAction::Create,
            AuditAction::Update,
            AuditAction::Delete,
        ]
        .into_iter()
        .find(|a| a.code() == code)
    }
}

/// The kinds of record the trail speaks of; the code is stored in `audit_event.entity`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum Entity {
    Organisation,
    Holding,
    Preference,
    Request,
    Complaint,
    DeadlineSettings,
    Subcontractor,
    JointUse,
    Transfer,
    Recipient,
    ProvisionRecord,
    Measure,
    Disposal,
    Objection,
    Incident,
    ConsentMatter,
    RequestProcedure,
    PseudonymisedInformation,
    AnonymisedInformation,
    RiskAssessment,
    TrainingCourse,
    TrainingSession,
    InternalAudit,
    CorrectiveAction,
    ManagementReview,
    /// A spreadsheet import: its source file and mapping (an event, not a stored record).
    SheetImport,
}

impl Entity {
    pub fn code(self) -> &'static str {
        match self {
            Entity::Organisation => "organisation",
            Entity::Holding => "holding",
            Entity::Preference => "preference",
            Entity::Request => "request",
            Entity::Complaint => "complaint",
            Entity::DeadlineSettings => "deadlineSettings",
            Entity::Subcontractor => "subcontractor",
            Entity::JointUse => "jointUse",
            Entity::Transfer => "transfer",
            Entity::Recipient => "recipient",
            Entity::ProvisionRecord => "provisionRecord",
            Entity::Measure => "measure",
            Entity::Disposal => "disposal",
            Entity::Objection => "objection",
            Entity::Incident => "incident",
            Entity::ConsentMatter => "consentMatter",
            Entity::RequestProcedure => "requestProcedure",
            Entity::PseudonymisedInformation => "pseudonymisedInformation",
            Entity::AnonymisedInformation => "anonymisedInformation",
            Entity::RiskAssessment => "riskAssessment",
            Entity::TrainingCourse => "trainingCourse",
            Entity::TrainingSession => "trainingSession",
            Entity::InternalAudit => "internalAudit",
            Entity::CorrectiveAction => "correctiveAction",
            Entity::ManagementReview => "managementReview",
            Entity::SheetImport => "sheetImport",
        }
    }
}

/// The newest entry of the chain. Printed on exports so that a paper copy can be matched to
/// the register state it came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ChainHead {
    #[ts(type = "number")]
    pub seq: i64,
    pub hash: String,
}

/// One changed field in a history entry.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct FieldChange {
    pub field: String,
    pub before: Option<Value>,
    pub after: Option<Value>,
    /// For a list (purposes, data items, a timeline, filings): which entries were added,
    /// removed and changed, so the history can say what changed rather than how many there are.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub list: Option<ListChange>,
}

/// What changed inside a list between two states of a record.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ListChange {
    pub added: Vec<Value>,
    pub removed: Vec<Value>,
    /// Entries kept (the same `id`) whose content changed.
    pub changed: Vec<EntryChange>,
}

/// One list entry before and after a change.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct EntryChange {
    pub before: Value,
    pub after: Value,
}

impl ListChange {
    /// Pairs the entries of two lists: equal entries first (an order change is no change),
    /// then entries with the same `id` whose content changed; whatever is left was added or
    /// removed. Entries without ids (texts, items of a fresh copy) match only when equal.
    pub fn between(before: &[Value], after: &[Value]) -> ListChange {
        let mut unmatched_before: Vec<Option<&Value>> = before.iter().map(Some).collect();
        let mut left_after = Vec::new();
        for new in after {
            match unmatched_before.iter_mut().find(|old| *old == &Some(new)) {
                Some(slot) => *slot = None,
                None => left_after.push(new),
            }
        }
        let id_of = |v: &Value| v.get("id").and_then(Value::as_i64);
        let mut changed = Vec::new();
        let mut added = Vec::new();
        for new in left_after {
            let same_id = id_of(new).and_then(|id| {
                unmatched_before
                    .iter_mut()
                    .find(|old| old.is_some_and(|o| id_of(o) == Some(id)))
            });
            match same_id {
                Some(slot) => {
                    if let Some(old) = slot.take() {
                        changed.push(EntryChange {
                            before: old.clone(),
                            after: new.clone(),
                        });
                    }
                }
                None => added.push(new.clone()),
            }
        }
        ListChange {
            added,
            removed: unmatched_before.into_iter().flatten().cloned().collect(),
            changed,
        }
    }
}

/// One entry of a record's history, with the fields it changed.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AuditEntry {
    #[ts(type = "number")]
    pub seq: i64,
    pub at: String,
    pub actor: String,
    pub action: AuditAction,
    pub entity: String,
    pub entity_id: String,
    pub changes: Vec<FieldChange>,
}

/// What `verify` found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct VerifyReport {
    #[ts(type = "number")]
    pub entries: i64,
    pub head: Option<ChainHead>,
    /// The first entry whose link does not hold; entries after it cannot be trusted either.
    pub broken_link: Option<BrokenLink>,
    /// Records whose stored state differs from what the trail says was last written.
    pub altered_records: Vec<AlteredRecord>,
    /// What the trail's witnesses (the chain head kept beside the register, a head typed in
    /// from a printed page) and its protections say about the history as a whole: entries
    /// removed from its end, entries rewritten, a protection dropped.
    pub history_problems: Vec<HistoryProblem>,
    /// True when the whole chain and every record were checked; false for the quick form
    /// run on open, which checks only the entries after `checkpoint` and the records they
    /// speak of.
    pub full: bool,
    /// Where a quick verification started: the last entry a full verification found intact.
    pub checkpoint: Option<ChainHead>,
}

impl VerifyReport {
    pub fn is_intact(&self) -> bool {
        self.broken_link.is_none()
            && self.altered_records.is_empty()
            && self.history_problems.is_empty()
    }
}

/// Where a chain head the register is compared with came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum Witness {
    /// The file beside the register that each write leaves the new head in.
    File,
    /// A head typed in by the officer, from a printed document or an earlier export.
    Anchor,
}

/// Something wrong with the history as a whole, which the links alone cannot show: a chain
/// that is intact from its first entry to its last says nothing about entries cut from its
/// end or a chain recomputed from a rewritten entry on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase", tag = "problem")]
#[ts(export)]
pub enum HistoryProblem {
    /// The trail ends before an entry the witness saw: entries were removed from its end (a
    /// deleted write-ahead log, a truncated trail, an older copy of the file put in place).
    ShorterThanWitness {
        witness: Witness,
        #[ts(type = "number")]
        witnessed: i64,
        #[ts(type = "number")]
        found: i64,
    },
    /// The entry the witness saw holds something else now: the history was rewritten from it.
    DiffersFromWitness {
        witness: Witness,
        #[ts(type = "number")]
        seq: i64,
    },
    /// A protection the schema gives the trail (a trigger refusing changes to its entries) is
    /// missing or was replaced.
    ProtectionMissing { trigger: String },
}

/// Compares the trail with a head a witness saw: the entry at that sequence number must be
/// there and end in that hash. `None` when it does.
pub(crate) fn compare_with_witness(
    conn: &Connection,
    seen: &ChainHead,
    witness: Witness,
) -> Result<Option<HistoryProblem>> {
    let stored: Option<Vec<u8>> = conn
        .query_row(
            "SELECT hash FROM audit_event WHERE seq = ?1",
            [seen.seq],
            |row| row.get(0),
        )
        .optional()?;
    Ok(match stored {
        None if seen.seq > 0 => Some(HistoryProblem::ShorterThanWitness {
            witness,
            witnessed: seen.seq,
            found: head(conn)?.map_or(0, |h| h.seq),
        }),
        None => None,
        Some(hash) if !hex::encode(&hash).eq_ignore_ascii_case(&seen.hash) => {
            Some(HistoryProblem::DiffersFromWitness {
                witness,
                seq: seen.seq,
            })
        }
        Some(_) => None,
    })
}

/// The triggers a freshly made register of this schema has on its tables, against those this
/// register has: a trigger dropped or replaced (by someone with the passphrase and a SQLite
/// shell) would let entries be changed without the change being refused.
pub(crate) fn missing_protections(conn: &Connection) -> Result<Vec<HistoryProblem>> {
    let triggers = |conn: &Connection| -> Result<Vec<(String, String)>> {
        let mut stmt = conn
            .prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' ORDER BY name")?;
        let rows = stmt.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    };
    let expected = triggers(&crate::db::open_memory()?)?;
    let found: std::collections::HashMap<String, String> = triggers(conn)?.into_iter().collect();
    Ok(expected
        .into_iter()
        .filter(|(name, sql)| found.get(name) != Some(sql))
        .map(|(trigger, _)| HistoryProblem::ProtectionMissing { trigger })
        .collect())
}

/// The witness file: the chain head as the last write left it, in a small file beside the
/// register (`register.db.head`). Rewritten after every commit, it lets `verify` see entries
/// cut from the end of the trail together with the records they describe (a deleted
/// write-ahead log, a truncation by someone with the passphrase), which an intact chain alone
/// cannot show. It holds no personal information: a sequence number and a hash.
pub mod witness_file {
    use super::ChainHead;
    use serde::{Deserialize, Serialize};
    use std::path::{Path, PathBuf};

    const FORMAT: &str = "daicho-chain-head";

    #[derive(Serialize, Deserialize)]
    struct Stored {
        format: String,
        seq: i64,
        hash: String,
    }

    pub fn path_of(register: &Path) -> PathBuf {
        crate::db::with_suffix(register, ".head")
    }

    /// The head the witness holds; `Ok(None)` when there is no witness file yet, `Err` with
    /// the reason when there is one that cannot be read.
    pub fn read(register: &Path) -> Result<Option<ChainHead>, String> {
        let bytes = match std::fs::read(path_of(register)) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(e.to_string()),
        };
        let stored: Stored = serde_json::from_slice(&bytes).map_err(|e| e.to_string())?;
        if stored.format != FORMAT {
            return Err(format!("not a {FORMAT} file"));
        }
        Ok(Some(ChainHead {
            seq: stored.seq,
            hash: stored.hash,
        }))
    }

    /// Leaves `head` in the witness file (none: removes it). Written under a name of this
    /// process's own and renamed over the old one, so a reader never sees half a file and two
    /// processes never write into each other's. Not flushed to disk: a witness lost in a
    /// power cut is only behind the trail, which is never reported as a problem.
    pub fn write(register: &Path, head: Option<&ChainHead>) -> std::io::Result<()> {
        let path = path_of(register);
        let Some(head) = head else {
            return match std::fs::remove_file(&path) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
                _ => Ok(()),
            };
        };
        let stored = Stored {
            format: FORMAT.to_owned(),
            seq: head.seq,
            hash: head.hash.clone(),
        };
        let bytes = serde_json::to_vec(&stored).map_err(std::io::Error::other)?;
        let part = crate::db::with_suffix(&path, &format!(".{}.part", std::process::id()));
        std::fs::write(&part, bytes)
            .and_then(|()| std::fs::rename(&part, &path))
            .inspect_err(|_| {
                let _ = std::fs::remove_file(&part);
            })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct BrokenLink {
    #[ts(type = "number")]
    pub seq: i64,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AlteredRecord {
    pub entity: String,
    pub entity_id: String,
    pub reason: String,
}

/// Appends one entry. Must run inside the transaction that makes the change, begun
/// IMMEDIATE so that reading the head and appending cannot interleave with another writer.
pub(crate) fn append(
    tx: &Connection,
    actor: &str,
    action: AuditAction,
    entity: Entity,
    entity_id: &str,
    before: Option<&Value>,
    after: Option<&Value>,
) -> Result<()> {
    // The actor (the CLI's --actor, the app's officer name) is printed by the audit listing and
    // stored in timelines; it is held to the single-line text rule of every record field, so a
    // terminal escape or bidi override cannot reach the trail (issue 12, item 14).
    if crate::validation::refused_character(actor, false).is_some() {
        let mut checks = crate::validation::FieldChecks::new();
        checks.max_len("actor", actor, crate::validation::SHORT_TEXT);
        return checks.finish();
    }
    let (last_seq, prev_hash) = tx
        .prepare_cached("SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1")?
        .query_row([], |row| {
            Ok((row.get::<_, i64>(0)?, row.get::<_, Vec<u8>>(1)?))
        })
        .optional()?
        .unwrap_or((0, GENESIS.to_vec()));
    let entry = StoredEntry {
        seq: last_seq + 1,
        at: crate::clock::now(),
        actor: actor.to_owned(),
        action: action.code().to_owned(),
        entity: entity.code().to_owned(),
        entity_id: entity_id.to_owned(),
        before: before.map(Value::to_string),
        after: after.map(Value::to_string),
        prev_hash,
    };
    let hash = entry.hash();
    tx.prepare_cached(
        "INSERT INTO audit_event (seq, at, actor, action, entity, entity_id, before, after, prev_hash, hash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?
    .execute(params![
            entry.seq,
            entry.at,
            entry.actor,
            entry.action,
            entry.entity,
            entry.entity_id,
            entry.before,
            entry.after,
            entry.prev_hash,
            hash.to_vec()
        ])?;
    Ok(())
}

struct StoredEntry {
    seq: i64,
    at: String,
    actor: String,
    action: String,
    entity: String,
    entity_id: String,
    before: Option<String>,
    after: Option<String>,
    prev_hash: Vec<u8>,
}

impl StoredEntry {
    const COLUMNS: &'static str =
        "seq, at, actor, action, entity, entity_id, before, after, prev_hash";

    fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Self> {
        Ok(StoredEntry {
            seq: row.get(0)?,
            at: row.get(1)?,
            actor: row.get(2)?,
            action: row.get(3)?,
            entity: row.get(4)?,
            entity_id: row.get(5)?,
            before: row.get(6)?,
            after: row.get(7)?,
            prev_hash: row.get(8)?,
        })
    }

    /// Every field is length-prefixed so that moving bytes between adjacent fields changes the
    /// hash; `None` and an empty string are told apart by a presence byte.
    fn hash(&self) -> [u8; 32] {
        let mut hasher = Sha256::new();
        hasher.update(DOMAIN_TAG);
        let mut field = |bytes: Option<&[u8]>| match bytes {
            None => hasher.update([0u8]),
            Some(bytes) => {
                hasher.update([1u8]);
                hasher.update((bytes.len() as u64).to_le_bytes());
                hasher.update(bytes);
            }
        };
        field(Some(self.seq.to_string().as_bytes()));
        field(Some(self.at.as_bytes()));
        field(Some(self.actor.as_bytes()));
        field(Some(self.action.as_bytes()));
        field(Some(self.entity.as_bytes()));
        field(Some(self.entity_id.as_bytes()));
        field(self.before.as_deref().map(str::as_bytes));
        field(self.after.as_deref().map(str::as_bytes));
        field(Some(&self.prev_hash));
        hasher.finalize().into()
    }
}

pub(crate) fn head(conn: &Connection) -> Result<Option<ChainHead>> {
    Ok(conn
        .query_row(
            "SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1",
            [],
            |row| {
                Ok(ChainHead {
                    seq: row.get(0)?,
                    hash: hex::encode(row.get::<_, Vec<u8>>(1)?),
                })
            },
        )
        .optional()?)
}

/// Walks the whole chain from the genesis entry and stops at the first broken link.
pub(crate) fn verify_chain(
    conn: &Connection,
) -> Result<(i64, Option<ChainHead>, Option<BrokenLink>)> {
    verify_chain_from(conn, None)
}

/// Walks the chain after `checkpoint` (from the genesis entry when `None`) and stops at the
/// first broken link. The entry at the checkpoint must still be there, hold the content its
/// hash says and carry the hash the checkpoint recorded: otherwise history below the
/// checkpoint was rewritten, and the link is reported broken at the checkpoint. Returns the
/// number of entries checked after the checkpoint and the head reached.
pub(crate) fn verify_chain_from(
    conn: &Connection,
    checkpoint: Option<&ChainHead>,
) -> Result<(i64, Option<ChainHead>, Option<BrokenLink>)> {
    let mut expected_prev = GENESIS.to_vec();
    let mut expected_seq = 1;
    let mut head = None;
    if let Some(checkpoint) = checkpoint {
        let broken = |reason: &str| BrokenLink {
            seq: checkpoint.seq,
            reason: reason.to_owned(),
        };
        let at = conn
            .query_row(
                &format!(
                    "SELECT {}, hash FROM audit_event WHERE seq = ?1",
                    StoredEntry::COLUMNS
                ),
                [checkpoint.seq],
                |row| Ok((StoredEntry::from_row(row)?, row.get::<_, Vec<u8>>(9)?)),
            )
            .optional()?;
        let Some((entry, stored_hash)) = at else {
            let reason = "the entry at the verified checkpoint is missing: history was removed";
            return Ok((0, None, Some(broken(reason))));
        };
        if hex::encode(&stored_hash) != checkpoint.hash
            || entry.hash().as_slice() != stored_hash.as_slice()
        {
            let reason = "the entry at the verified checkpoint no longer matches the hash \
                          recorded when it was verified: history was rewritten";
            return Ok((0, None, Some(broken(reason))));
        }
        expected_prev = stored_hash;
        expected_seq = checkpoint.seq + 1;
        head = Some(checkpoint.clone());
    }
    let mut stmt = conn.prepare(&format!(
        "SELECT {}, hash FROM audit_event WHERE seq >= ?1 ORDER BY seq",
        StoredEntry::COLUMNS
    ))?;
    let mut rows = stmt.query([expected_seq])?;
    let mut count = 0;
    while let Some(row) = rows.next()? {
        let entry = StoredEntry::from_row(row)?;
        let stored_hash: Vec<u8> = row.get(9)?;
        let broken = |reason: &str| BrokenLink {
            seq: entry.seq,
            reason: reason.to_owned(),
        };
        if entry.seq != expected_seq {
            let reason = format!(
                "entry {} follows entry {}: entries are missing",
                entry.seq,
                expected_seq - 1
            );
            return Ok((count, head, Some(broken(&reason))));
        }
        if entry.prev_hash != expected_prev {
            let reason = "its link to the previous entry does not match: an earlier entry was \
                          altered or removed";
            return Ok((count, head, Some(broken(reason))));
        }
        if entry.hash().as_slice() != stored_hash.as_slice() {
            let reason = "its content does not match its hash: the entry was altered";
            return Ok((count, head, Some(broken(reason))));
        }
        count += 1;
        expected_seq += 1;
        head = Some(ChainHead {
            seq: entry.seq,
            hash: hex::encode(&stored_hash),
        });
        expected_prev = stored_hash;
    }
    Ok((count, head, None))
}

/// The last entry a full verification found intact, if one did.
pub(crate) fn checkpoint(conn: &Connection) -> Result<Option<ChainHead>> {
    Ok(conn
        .query_row("SELECT seq, hash FROM audit_checkpoint", [], |row| {
            Ok(ChainHead {
                seq: row.get(0)?,
                hash: hex::encode(row.get::<_, Vec<u8>>(1)?),
            })
        })
        .optional()?)
}

/// Records `head` as verified by a full walk: later opens verify only what follows it.
/// Never moves the checkpoint back.
pub(crate) fn set_checkpoint(conn: &Connection, head: &ChainHead) -> Result<()> {
    let hash = hex::decode(&head.hash)
        .map_err(|e| crate::CoreError::Integrity(format!("chain head hash: {e}")))?;
    conn.execute(
        "INSERT INTO audit_checkpoint (id, seq, hash, verified_at) VALUES (1, ?1, ?2, ?3)
         ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash,
                                        verified_at = excluded.verified_at
         WHERE excluded.seq >= audit_checkpoint.seq",
        params![head.seq, hash, crate::clock::now()],
    )?;
    Ok(())
}

/// The records (entity code, id) that entries after `seq` speak of, each once.
pub(crate) fn touched_after(conn: &Connection, seq: i64) -> Result<Vec<(String, String)>> {
    let mut stmt = conn.prepare(
        "SELECT DISTINCT entity, entity_id FROM audit_event WHERE seq > ?1 ORDER BY entity, entity_id",
    )?;
    let rows = stmt.query_map([seq], |row| Ok((row.get(0)?, row.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The state the trail says one record was last left in: `None` when the trail never spoke
/// of it, `Some(None)` once deleted.
pub(crate) fn last_state(
    conn: &Connection,
    entity: &str,
    entity_id: &str,
) -> Result<Option<Option<Value>>> {
    let after = conn
        .prepare_cached(
            "SELECT after FROM audit_event WHERE entity = ?1 AND entity_id = ?2
             ORDER BY seq DESC LIMIT 1",
        )?
        .query_row(params![entity, entity_id], |row| {
            row.get::<_, Option<String>>(0)
        })
        .optional()?;
    match after {
        None => Ok(None),
        Some(None) => Ok(Some(None)),
        Some(Some(text)) => Ok(Some(Some(serde_json::from_str(&text).map_err(|e| {
            crate::CoreError::Integrity(format!("audit entry for {entity_id} is not JSON: {e}"))
        })?))),
    }
}

/// The state the trail says each record of `entity` was last left in (`None` once deleted).
pub(crate) fn last_states(
    conn: &Connection,
    entity: Entity,
) -> Result<Vec<(String, Option<Value>)>> {
    let mut stmt = conn.prepare(
        "SELECT entity_id, after FROM audit_event AS a
         WHERE entity = ?1 AND seq = (SELECT max(seq) FROM audit_event AS b
                                      WHERE b.entity = a.entity AND b.entity_id = a.entity_id)
         ORDER BY seq",
    )?;
    let rows = stmt.query_map([entity.code()], |row| {
        Ok((row.get::<_, String>(0)?, row.get::<_, Option<String>>(1)?))
    })?;
    let mut states = Vec::new();
    for row in rows {
        let (id, after) = row?;
        let value = match after {
            Some(text) => Some(serde_json::from_str(&text).map_err(|e| {
                crate::CoreError::Integrity(format!("audit entry for {id} is not JSON: {e}"))
            })?),
            None => None,
        };
        states.push((id, value));
    }
    Ok(states)
}

/// The history of one record, newest first, as lists of changed fields.
pub(crate) fn history(
    conn: &Connection,
    entity: Entity,
    entity_id: &str,
) -> Result<Vec<AuditEntry>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {} FROM audit_event WHERE entity = ?1 AND entity_id = ?2 ORDER BY seq DESC",
        StoredEntry::COLUMNS
    ))?;
    let rows = stmt.query_map(params![entity.code(), entity_id], StoredEntry::from_row)?;
    let mut entries = Vec::new();
    for row in rows {
        entries.push(readable(row?));
    }
    Ok(entries)
}

/// A stored entry as the history shows it: the fields it changed.
fn readable(entry: StoredEntry) -> AuditEntry {
    let parse = |text: &Option<String>| -> Option<Value> {
        text.as_deref().and_then(|t| serde_json::from_str(t).ok())
    };
    let changes = diff(parse(&entry.before).as_ref(), parse(&entry.after).as_ref());
    AuditEntry {
        seq: entry.seq,
        at: entry.at,
        actor: entry.actor,
        action: AuditAction::from_code(&entry.action).unwrap_or(AuditAction::Update),
        entity: entry.entity,
        entity_id: entry.entity_id,
        changes,
    }
}

/// Which entries the register-wide change log shows: all of them by default, newest first.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct ChangeLogFilter {
    /// The first day shown, in the officer's time zone.
    pub from: Option<chrono::NaiveDate>,
    /// The last day shown, in the officer's time zone.
    pub to: Option<chrono::NaiveDate>,
    /// Only this kind of record (an entity code: `holding`, `request`, ...).
    pub entity: Option<String>,
    /// Only what this officer did.
    pub actor: Option<String>,
    /// Entries before this sequence number: the next page.
    #[ts(type = "number | null")]
    pub before_seq: Option<i64>,
}

/// A page of the change log, and what the filters can choose from.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ChangeLog {
    pub entries: Vec<AuditEntry>,
    /// More entries match than this page holds.
    pub more: bool,
    /// Everyone who has written to the register, for the actor filter.
    pub actors: Vec<String>,
}

/// The first instant of `day` in the machine's time zone, as the trail writes instants.
fn local_day_start(day: chrono::NaiveDate) -> String {
    use chrono::TimeZone;
    let midnight = day.and_hms_opt(0, 0, 0).unwrap_or_default();
    let instant = chrono::Local
        .from_local_datetime(&midnight)
        .earliest()
        .map(|t| t.with_timezone(&chrono::Utc))
        .unwrap_or_else(|| midnight.and_utc());
    instant.format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()
}

/// The entries `filter` selects, newest first, at most `limit`, each with its changes.
pub(crate) fn change_log(
    conn: &Connection,
    filter: &ChangeLogFilter,
    limit: usize,
) -> Result<ChangeLog> {
    let from = filter.from.map(local_day_start);
    let until = filter.to.and_then(|d| d.succ_opt()).map(local_day_start);
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {} FROM audit_event
          WHERE (?1 IS NULL OR at >= ?1) AND (?2 IS NULL OR at < ?2)
            AND (?3 IS NULL OR entity = ?3) AND (?4 IS NULL OR actor = ?4)
            AND (?5 IS NULL OR seq < ?5)
          ORDER BY seq DESC LIMIT ?6",
        StoredEntry::COLUMNS
    ))?;
    let rows = stmt.query_map(
        params![
            from,
            until,
            filter.entity,
            filter.actor,
            filter.before_seq,
            limit as i64 + 1
        ],
        StoredEntry::from_row,
    )?;
    let mut entries = Vec::new();
    for row in rows {
        entries.push(readable(row?));
    }
    let more = entries.len() > limit;
    entries.truncate(limit);
    let actors = conn
        .prepare_cached("SELECT DISTINCT actor FROM audit_event ORDER BY actor")?
        .query_map([], |row| row.get(0))?
        .collect::<rusqlite::Result<Vec<String>>>()?;
    Ok(ChangeLog {
        entries,
        more,
        actors,
    })
}

/// Bookkeeping fields that change on every write and say nothing to a reader of the history.
const UNINTERESTING: &[&str] = &["version", "createdAt", "updatedAt", "id"];

fn diff(before: Option<&Value>, after: Option<&Value>) -> Vec<FieldChange> {
    let empty = serde_json::Map::new();
    let before_map = before.and_then(Value::as_object).unwrap_or(&empty);
    let after_map = after.and_then(Value::as_object).unwrap_or(&empty);
    let mut keys: Vec<&String> = after_map.keys().chain(before_map.keys()).collect();
    keys.dedup();
    let mut seen = std::collections::HashSet::new();
    keys.into_iter()
        .filter(|k| seen.insert(k.as_str()) && !UNINTERESTING.contains(&k.as_str()))
        .filter_map(|key| {
            let old = before_map.get(key).filter(|v| !is_blank(v));
            let new = after_map.get(key).filter(|v| !is_blank(v));
            (old != new).then(|| FieldChange {
                field: key.clone(),
                before: old.cloned(),
                after: new.cloned(),
                list: match (old, new) {
                    (Some(Value::Array(b)), Some(Value::Array(a))) => {
                        Some(ListChange::between(b, a))
                    }
                    (None, Some(Value::Array(a))) => Some(ListChange::between(&[], a)),
                    (Some(Value::Array(b)), None) => Some(ListChange::between(b, &[])),
                    _ => None,
                },
            })
        })
        .collect()
}

fn is_blank(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::String(s) => s.is_empty(),
        Value::Array(a) => a.is_empty(),
        _ => false,
    }
}

/// What the last verification of the audit trail found, and when. Kept for the session: the
/// register is verified every time it is opened (the entries after the verified checkpoint),
/// and in full whenever the officer asks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Verification {
    /// RFC 3339, UTC.
    pub verified_at: String,
    pub intact: bool,
    #[ts(type = "number")]
    pub entries: i64,
    pub head: Option<ChainHead>,
    /// The first entry whose link does not hold.
    #[ts(type = "number | null")]
    pub broken_at: Option<i64>,
    #[ts(type = "number")]
    pub altered_records: i64,
    /// Problems with the history as a whole ([`VerifyReport::history_problems`]).
    #[ts(type = "number")]
    pub history_problems: i64,
    /// Whether every entry and record was checked, or only those after `checkpoint`.
    pub full: bool,
    pub checkpoint: Option<ChainHead>,
}

impl Verification {
    pub(crate) fn of(report: &VerifyReport) -> Self {
        Verification {
            verified_at: crate::clock::now(),
            intact: report.is_intact(),
            entries: report.entries,
            head: report.head.clone(),
            broken_at: report.broken_link.as_ref().map(|link| link.seq),
            altered_records: report.altered_records.len() as i64,
            history_problems: report.history_problems.len() as i64,
            full: report.full,
            checkpoint: report.checkpoint.clone(),
        }
    }
}
