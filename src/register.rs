//! The register: the one entry point through which every read and write passes. Each write
//! validates its input, changes the records and appends its audit entry in one transaction.

use crate::audit::{self, AuditAction, AuditEntry, ChainHead, Entity, VerifyReport};
use crate::error::{CoreError, FieldErrorCode, Result};
use crate::model::holding::{Holding, HoldingInput};
use crate::model::organisation::{Organisation, OrganisationInput};
use crate::passphrase::Passphrase;
use crate::protection::Verification;
use crate::store;
use crate::validation::FieldChecks;
use rusqlite::{Connection, Transaction, TransactionBehavior};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};
use ts_rs::TS;

/// UI and document language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum Language {
    Ja,
    En,
}

impl Language {
    pub fn code(self) -> &'static str {
        match self {
            Language::Ja => "ja",
            Language::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "ja" => Some(Language::Ja),
            "en" => Some(Language::En),
            _ => None,
        }
    }
}

const LANGUAGE_KEY: &str = "language";

#[derive(Debug)]
pub struct Register {
    // One connection: a single officer's desktop app has one writer, and SQLite serialises
    // writers anyway. The mutex is never held across an await.
    conn: Mutex<Connection>,
    path: Option<PathBuf>,
    /// The key the file is encrypted under, kept to open backups and their checks; `None`
    /// for an in-memory register, which never touches the disk.
    pub(crate) key: Mutex<Option<Passphrase>>,
    /// The last time the audit chain and the records were verified (on open, and by verify).
    pub(crate) last_verification: Mutex<Option<Verification>>,
}

impl Register {
    /// Opens the encrypted register file under `key`, creating and migrating it if needed (a
    /// new register needs a passphrase that passes the strength rule). A file that cannot be
    /// opened, is damaged, is not encrypted, does not open under `key`, or that a newer
    /// Daicho wrote, is left untouched and reported. The audit chain and the records are
    /// verified on open; [`Register::last_verification`] says what was found.
    pub fn open(path: &Path, key: &Passphrase) -> Result<Self> {
        let register = Register {
            conn: Mutex::new(crate::db::open_file(path, key)?),
            path: Some(path.to_owned()),
            key: Mutex::new(Some(key.clone())),
            last_verification: Mutex::new(None),
        };
        let report = register.verify()?;
        if !report.is_intact() {
            tracing::warn!(
                broken_at = report.broken_link.as_ref().map(|l| l.seq),
                altered = report.altered_records.len(),
                "the audit trail did not verify on open"
            );
        }
        Ok(register)
    }

    pub fn open_in_memory() -> Result<Self> {
        Ok(Register {
            conn: Mutex::new(crate::db::open_memory()?),
            path: None,
            key: Mutex::new(None),
            last_verification: Mutex::new(None),
        })
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    fn conn(&self) -> MutexGuard<'_, Connection> {
        // A panic while holding the lock leaves no half-done SQL behind (the transaction rolls
        // back on drop), so the connection is still good to use.
        lock(&self.conn)
    }

    /// Runs `work` in an IMMEDIATE transaction, so the audit head it reads cannot move before
    /// it appends, and commits only if `work` succeeds.
    fn write<T>(&self, work: impl FnOnce(&Transaction<'_>) -> Result<T>) -> Result<T> {
        let mut conn = self.conn();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let value = work(&tx)?;
        tx.commit()?;
        Ok(value)
    }

    fn read<T>(&self, work: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        let conn = self.conn();
        work(&conn)
    }

    // --- organisation -------------------------------------------------------------------

    pub fn organisation(&self) -> Result<Option<Organisation>> {
        self.read(|conn| Ok(store::organisation::get(conn)?))
    }

    /// Creates or updates the profile. `expected_version` is the version the form was loaded
    /// from (`None` on first run).
    pub fn save_organisation(
        &self,
        mut input: OrganisationInput,
        expected_version: Option<i64>,
        actor: &str,
    ) -> Result<Organisation> {
        input.tidy();
        input.check()?;
        self.write(|tx| {
            let before = store::organisation::get(tx)?;
            let current_version = before.as_ref().map(|o| o.version);
            if current_version != expected_version {
                return Err(CoreError::Conflict(
                    "the organisation profile was changed elsewhere; reload it and try again"
                        .to_owned(),
                ));
            }
            let now = crate::clock::now();
            store::organisation::put(tx, &input, current_version.unwrap_or(0) + 1, &now)?;
            let after = store::organisation::get(tx)?.ok_or_else(|| {
                CoreError::Integrity("organisation vanished while being saved".to_owned())
            })?;
            let action = if before.is_some() {
                AuditAction::Update
            } else {
                AuditAction::Create
            };
            audit::append(
                tx,
                actor,
                action,
                Entity::Organisation,
                "1",
                before.as_ref().map(to_json).as_ref(),
                Some(&to_json(&after)),
            )?;
            Ok(after)
        })
    }

    // --- preferences --------------------------------------------------------------------

    pub fn language(&self) -> Result<Option<Language>> {
        self.read(|conn| {
            Ok(store::preferences::get(conn, LANGUAGE_KEY)?
                .as_deref()
                .and_then(Language::from_code))
        })
    }

    pub fn set_language(&self, language: Language, actor: &str) -> Result<()> {
        self.write(|tx| {
            let before = store::preferences::get(tx, LANGUAGE_KEY)?;
            if before.as_deref() == Some(language.code()) {
                return Ok(());
            }
            store::preferences::put(tx, LANGUAGE_KEY, language.code())?;
            audit::append(
                tx,
                actor,
                if before.is_some() {
                    AuditAction::Update
                } else {
                    AuditAction::Create
                },
                Entity::Preference,
                LANGUAGE_KEY,
                before.map(|v| serde_json::json!({ "value": v })).as_ref(),
                Some(&serde_json::json!({ "value": language.code() })),
            )
        })
    }

    // --- holdings -----------------------------------------------------------------------

    pub fn holdings(&self) -> Result<Vec<Holding>> {
        self.read(|conn| Ok(store::holdings::list(conn)?))
    }

    pub fn holding(&self, id: i64) -> Result<Holding> {
        self.read(|conn| load_holding(conn, id))
    }

    pub fn create_holding(&self, mut input: HoldingInput, actor: &str) -> Result<Holding> {
        input.tidy();
        self.write(|tx| {
            check_holding(tx, &input, None)?;
            if input.ledger_no.is_empty() {
                input.ledger_no = store::LEDGER_NUMBERS.next(tx)?;
            }
            let now = crate::clock::now();
            let id = store::holdings::insert(tx, None, &input, 1, &now, &now)?;
            store::holdings::replace_items(tx, id, &input.data_items)?;
            let after = load_holding(tx, id)?;
            audit::append(
                tx,
                actor,
                AuditAction::Create,
                Entity::Holding,
                &id.to_string(),
                None,
                Some(&to_json(&after)),
            )?;
            Ok(after)
        })
    }

    pub fn update_holding(
        &self,
        id: i64,
        expected_version: i64,
        mut input: HoldingInput,
        actor: &str,
    ) -> Result<Holding> {
        input.tidy();
        self.write(|tx| {
            let before = load_holding(tx, id)?;
            if before.version != expected_version {
                return Err(stale("holding", &before.fields.ledger_no));
            }
            check_holding(tx, &input, Some(id))?;
            if input.ledger_no.is_empty() {
                input.ledger_no = before.fields.ledger_no.clone();
            }
            let now = crate::clock::now();
            store::holdings::update(tx, id, &input, before.version + 1, &now)?;
            store::holdings::replace_items(tx, id, &input.data_items)?;
            let after = load_holding(tx, id)?;
            audit::append(
                tx,
                actor,
                AuditAction::Update,
                Entity::Holding,
                &id.to_string(),
                Some(&to_json(&before)),
                Some(&to_json(&after)),
            )?;
            Ok(after)
        })
    }

    pub fn delete_holding(&self, id: i64, expected_version: i64, actor: &str) -> Result<()> {
        self.write(|tx| {
            let before = load_holding(tx, id)?;
            if before.version != expected_version {
                return Err(stale("holding", &before.fields.ledger_no));
            }
            refuse_if_linked(tx, &before)?;
            store::holdings::delete(tx, id)?;
            audit::append(
                tx,
                actor,
                AuditAction::Delete,
                Entity::Holding,
                &id.to_string(),
                Some(&to_json(&before)),
                None,
            )
        })
    }

    // --- audit --------------------------------------------------------------------------

    pub fn history(&self, entity: Entity, entity_id: &str) -> Result<Vec<AuditEntry>> {
        self.read(|conn| audit::history(conn, entity, entity_id))
    }

    pub fn chain_head(&self) -> Result<Option<ChainHead>> {
        self.read(audit::head)
    }

    /// Checks the audit chain link by link, then checks that every record is in the state
    /// the chain says it was last left in.
    pub fn verify(&self) -> Result<VerifyReport> {
        let report = self.read(verify_connection)?;
        *lock(&self.last_verification) = Some(Verification::of(&report));
        Ok(report)
    }

    /// True when the register holds no organisation profile and no records.
    pub fn is_empty(&self) -> Result<bool> {
        self.read(|conn| {
            let records: i64 = conn.query_row(
                "SELECT (SELECT count(*) FROM organisation) + (SELECT count(*) FROM holding)
                      + (SELECT count(*) FROM request) + (SELECT count(*) FROM complaint)
                      + (SELECT count(*) FROM deadline_settings)
                      + (SELECT count(*) FROM subcontractor) + (SELECT count(*) FROM joint_use)
                      + (SELECT count(*) FROM transfer)
                      + (SELECT count(*) FROM regular_recipient)
                      + (SELECT count(*) FROM provision_record)
                      + (SELECT count(*) FROM security_measure)
                      + (SELECT count(*) FROM disposal) + (SELECT count(*) FROM objection)
                      + (SELECT count(*) FROM incident)",
                [],
                |row| row.get(0),
            )?;
            Ok(records == 0)
        })
    }

    /// Runs `work` in one write transaction with access to the crate's insert paths; used by
    /// import and the demo loader, which must write everything or nothing.
    pub(crate) fn write_all<T>(
        &self,
        work: impl FnOnce(&Transaction<'_>) -> Result<T>,
    ) -> Result<T> {
        self.write(work)
    }

    pub(crate) fn read_all<T>(&self, work: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        self.read(work)
    }

    /// Runs `work` on the connection outside any transaction, for whole-file operations
    /// (rekeying) that SQLite refuses inside one.
    pub(crate) fn with_connection<T>(
        &self,
        work: impl FnOnce(&mut Connection) -> Result<T>,
    ) -> Result<T> {
        let mut conn = self.conn();
        work(&mut conn)
    }
}

/// The body of [`Register::verify`], on any connection to a register of the current schema:
/// backups are verified with it before they are trusted.
pub(crate) fn verify_connection(conn: &Connection) -> Result<VerifyReport> {
    let (entries, head, broken_link) = audit::verify_chain(conn)?;
    let mut altered_records = Vec::new();
    let mut compare = |entity: Entity, current: Vec<(String, Value)>| -> Result<()> {
        let mut recorded: std::collections::HashMap<String, Option<Value>> =
            audit::last_states(conn, entity)?.into_iter().collect();
        for (id, value) in current {
            let reason = match recorded.remove(&id) {
                Some(Some(last)) if last == value => continue,
                Some(Some(_)) => "differs from its last audited state",
                Some(None) => "exists although the trail records its deletion",
                None => "has no audit entry",
            };
            altered_records.push(altered(entity, &id, reason));
        }
        for (id, last) in recorded {
            if last.is_some() {
                altered_records.push(altered(
                    entity,
                    &id,
                    "is missing although the trail records no deletion",
                ));
            }
        }
        Ok(())
    };
    let holdings = store::holdings::list(conn)?
        .iter()
        .map(|h| (h.id.to_string(), to_json(h)))
        .collect();
    compare(Entity::Holding, holdings)?;
    let organisation = store::organisation::get(conn)?
        .map(|o| ("1".to_owned(), to_json(&o)))
        .into_iter()
        .collect();
    compare(Entity::Organisation, organisation)?;
    let preferences = store::preferences::all(conn)?
        .into_iter()
        .map(|(k, v)| (k, serde_json::json!({ "value": v })))
        .collect();
    compare(Entity::Preference, preferences)?;
    let settings = store::deadline_settings::get(conn)?
        .map(|s| ("1".to_owned(), to_json(&s)))
        .into_iter()
        .collect();
    compare(Entity::DeadlineSettings, settings)?;
    let requests = store::requests::list(conn)?
        .iter()
        .map(|r| (r.id.to_string(), to_json(r)))
        .collect();
    compare(Entity::Request, requests)?;
    let complaints = store::complaints::list(conn)?
        .iter()
        .map(|c| (c.id.to_string(), to_json(c)))
        .collect();
    compare(Entity::Complaint, complaints)?;
    for (entity, current) in crate::sharing::audited_states(conn)? {
        compare(entity, current)?;
    }
    for (entity, current) in crate::controls::audited_states(conn)? {
        compare(entity, current)?;
    }
    let incidents = store::incidents::list(conn)?
        .iter()
        .map(|i| (i.id.to_string(), to_json(i)))
        .collect();
    compare(Entity::Incident, incidents)?;
    altered_records.sort_by(|a, b| (&a.entity, &a.entity_id).cmp(&(&b.entity, &b.entity_id)));
    Ok(VerifyReport {
        entries,
        head,
        broken_link,
        altered_records,
    })
}

pub(crate) fn to_json<T: Serialize>(value: &T) -> Value {
    serde_json::to_value(value).unwrap_or(Value::Null)
}

/// Locks `mutex`, recovering from a panic in another holder: every value behind these locks
/// is left consistent between statements.
pub(crate) fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn altered(entity: Entity, id: &str, reason: &str) -> audit::AlteredRecord {
    audit::AlteredRecord {
        entity: entity.code().to_owned(),
        entity_id: id.to_owned(),
        reason: reason.to_owned(),
    }
}

pub(crate) fn stale(what: &str, reference: &str) -> CoreError {
    CoreError::Conflict(format!(
        "{what} {reference} was changed elsewhere since it was opened; reload it and try again"
    ))
}

/// A holding that requests, complaints or incidents name stays: deleting it would leave those records
/// pointing at nothing, and the officer needs to know which ones to unlink first.
fn refuse_if_linked(conn: &Connection, holding: &Holding) -> Result<()> {
    let mut groups = vec![
        (
            "request",
            "requests",
            store::requests::referring_to_holding(conn, holding.id)?,
        ),
        (
            "complaint",
            "complaints",
            store::complaints::referring_to_holding(conn, holding.id)?,
        ),
        (
            "incident",
            "incidents",
            store::incidents::referring_to_holding(conn, holding.id)?,
        ),
    ];
    groups.extend(crate::sharing::holding_references(conn, holding.id)?);
    // Provision records, recipients, measures, disposals and objections, as (kind, label).
    let controls = crate::controls::referring_to_holding(conn, holding.id)?;
    let total: usize = groups.iter().map(|(_, _, refs)| refs.len()).sum::<usize>() + controls.len();
    if total == 0 {
        return Ok(());
    }
    let mut named = Vec::new();
    for (one, many, references) in &groups {
        match references.len() {
            0 => {}
            1 => named.push(format!("{one} {}", references.join(", "))),
            _ => named.push(format!("{many} {}", references.join(", "))),
        }
    }
    let mut kinds: Vec<&str> = controls.iter().map(|(kind, _)| *kind).collect();
    kinds.dedup();
    for kind in kinds {
        let labels: Vec<&str> = controls
            .iter()
            .filter(|(k, _)| *k == kind)
            .map(|(_, label)| label.as_str())
            .collect();
        let plural = if labels.len() == 1 { "" } else { "s" };
        named.push(format!("{kind}{plural} {}", labels.join(", ")));
    }
    let (verb, them) = if total == 1 {
        ("concerns", "it")
    } else {
        ("concern", "them")
    };
    Err(CoreError::InUse {
        message: format!(
            "holding {} ({}) cannot be deleted: {} {verb} it; remove the holding from {them} first",
            holding.fields.ledger_no,
            holding.fields.name,
            named.join(" and ")
        ),
        references: groups
            .into_iter()
            .flat_map(|(_, _, refs)| refs)
            .chain(controls.into_iter().map(|(_, label)| label))
            .collect(),
    })
}

pub(crate) fn load_holding(conn: &Connection, id: i64) -> Result<Holding> {
    store::holdings::get(conn, id)?.ok_or(CoreError::NotFound {
        entity: "holding",
        id: id.to_string(),
    })
}

/// Validation that needs the register: ledger numbers are unique, and kept data items belong
/// to this holding.
pub(crate) fn check_holding(
    conn: &Connection,
    input: &HoldingInput,
    id: Option<i64>,
) -> Result<()> {
    let mut checks = FieldChecks::new();
    input.collect_errors(&mut checks);
    if !input.ledger_no.is_empty()
        && !checks.has_error_for("ledgerNo")
        && store::LEDGER_NUMBERS.is_taken(conn, &input.ledger_no, id)?
    {
        checks.fail("ledgerNo", FieldErrorCode::Duplicate, None);
    }
    let own_items = match id {
        Some(id) => store::holdings::item_ids(conn, id)?,
        None => Vec::new(),
    };
    for (i, item) in input.data_items.iter().enumerate() {
        if let Some(item_id) = item.id {
            if !own_items.contains(&item_id) {
                checks.fail(
                    format!("dataItems[{i}].id"),
                    FieldErrorCode::Malformed,
                    None,
                );
            }
        }
    }
    if let Some(id) = id {
        let kept: Vec<i64> = input.data_items.iter().filter_map(|i| i.id).collect();
        let mut dropped: Vec<String> = crate::sharing::entrusted_items(conn, id)?
            .into_iter()
            .filter(|(item, _)| !kept.contains(item))
            .map(|(_, tier)| tier)
            .collect();
        dropped.dedup();
        if !dropped.is_empty() {
            checks.fail_with(
                "dataItems",
                FieldErrorCode::InUse,
                format!(
                    "an item removed here is entrusted to subcontractor {}; take it out of the \
                     entrustment first",
                    dropped.join(", ")
                ),
            );
        }
    }
    checks.finish()
}
