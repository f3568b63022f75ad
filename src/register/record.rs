//! The one write path. Every record kind the register keeps (holdings, requests, complaints,
//! incidents, subcontractors, joint uses, transfers, recipients, provision records, measures,
//! disposals, consent matters, objections, pseudonymised and anonymised information) and its
//! profiles (the organisation, the deadline settings, the request procedure) is
//! written here and only here: load, version check, the record's own rules and those that need
//! the register, store, reload, and one audit entry, all inside the caller's transaction.
//!
//! Why one path: the audit chain is the register's proof, and `verify` compares every record
//! with the state the chain last recorded. A write that skipped a step (validated but did not
//! audit, audited the input rather than what was stored) would surface later as an "altered"
//! record. With one path there is one place to get that right, and `audit::append` is called
//! from nowhere else (`make lint` holds the crate to that).
//!
//! The SQL stays in `store/`: a [`Record`] names the store functions of its kind, so a second
//! storage engine can sit behind the same trait.

use super::{stale, to_json};
use crate::audit::{self, AuditAction, Entity};
use crate::error::{CoreError, Result};
use crate::model::search::SearchDoc;
use crate::store::ReferenceSeries;
use crate::validation::FieldChecks;
use rusqlite::Connection;
use serde::Serialize;
use serde_json::Value;

/// The id a record carries before the database gives it one.
pub(crate) use crate::store::requests::NEW_ID;

/// A record kind the register writes.
pub(crate) trait Record: Serialize + Clone + Sized {
    const ENTITY: Entity;
    /// How messages name the kind, e.g. "provision record".
    const NAME: &'static str;
    /// Numbers records of the kind (`PR-0001`) when the officer leaves the reference empty.
    const REFERENCES: Option<&'static ReferenceSeries> = None;

    fn id(&self) -> i64;
    fn version(&self) -> i64;
    /// Sets the version and the time of the change about to be stored.
    fn stamp(&mut self, version: i64, updated_at: String);
    /// The reference, or the name where the kind has none: what messages call the record.
    fn label(&self) -> String;
    /// The reference a series numbers, for kinds that have [`Record::REFERENCES`].
    fn reference_mut(&mut self) -> Option<&mut String> {
        None
    }

    fn get(conn: &Connection, id: i64) -> Result<Option<Self>>;
    fn list(conn: &Connection) -> Result<Vec<Self>>;
    /// Inserts the record with its children; keeps its id unless it is [`NEW_ID`].
    fn insert(conn: &Connection, record: &Self) -> Result<i64>;
    fn update(conn: &Connection, before: &Self, after: &Self) -> Result<()>;

    /// Every rule the record must pass to be stored: its own and those that need the register
    /// (links exist, the reference is free). `before` is the stored record on an update.
    /// Returned unfinished, so a step can add its own errors.
    fn checks(&self, conn: &Connection, before: Option<&Self>) -> Result<FieldChecks>;
    /// Fills in what the register knows once the record passed its checks (an incident takes
    /// the entrusted party's name from the tier it names).
    fn complete(&mut self, _conn: &Connection) -> Result<()> {
        Ok(())
    }
    /// The labels of the records of this kind that name holding `holding_id`: a holding they
    /// name cannot be deleted.
    fn naming_holding(_conn: &Connection, _holding_id: i64) -> Result<Vec<String>> {
        Ok(Vec::new())
    }
    /// What the search across the register finds the record by, and shows it as; nothing for
    /// kinds the search does not cover.
    fn search_docs(&self) -> Vec<SearchDoc> {
        Vec::new()
    }
}

/// Replaces what the search finds the stored record by: called by every write of the record,
/// inside its transaction, so the index never disagrees with what was committed.
fn index<R: Record>(tx: &Connection, stored: &R) -> Result<()> {
    crate::store::search::replace(tx, R::ENTITY.code(), stored.id(), &stored.search_docs())?;
    Ok(())
}

/// Indexes every stored record of a kind anew: for a register written before the index
/// existed (see `Register::build_search`).
pub(crate) fn index_all<R: Record>(tx: &Connection) -> Result<()> {
    for record in R::list(tx)? {
        index(tx, &record)?;
    }
    Ok(())
}

/// The [`Record`] members every kind spells the same way: the `id`, `version` and
/// `updated_at` fields, the label taken from one field of `fields`, and for a numbered kind the
/// reference field with its series.
macro_rules! record_basics {
    (label: $label:ident) => {
        fn id(&self) -> i64 {
            self.id
        }
        fn version(&self) -> i64 {
            self.version
        }
        fn stamp(&mut self, version: i64, updated_at: String) {
            self.version = version;
            self.updated_at = updated_at;
        }
        fn label(&self) -> String {
            self.fields.$label.clone()
        }
    };
    (label: $label:ident, numbered: $field:ident by $series:expr) => {
        const REFERENCES: Option<&'static $crate::store::ReferenceSeries> = Some(&$series);
        $crate::register::record::record_basics!(label: $label);
        fn reference_mut(&mut self) -> Option<&mut String> {
            Some(&mut self.fields.$field)
        }
    };
}
pub(crate) use record_basics;

/// The [`Record`] storage of a kind kept as one row plus child tables (a request's pauses
/// and timeline, a complaint's actions): the store module's `get`, `list`, `insert`, `update`
/// and `save_children`, which compares the children before and after.
macro_rules! stored_with_children {
    ($store:ident) => {
        fn get(conn: &Connection, id: i64) -> Result<Option<Self>> {
            Ok(store::$store::get(conn, id)?)
        }
        fn list(conn: &Connection) -> Result<Vec<Self>> {
            Ok(store::$store::list(conn)?)
        }
        fn insert(conn: &Connection, record: &Self) -> Result<i64> {
            let id = store::$store::insert(conn, record)?;
            store::$store::save_children(conn, id, None, record)?;
            Ok(id)
        }
        fn update(conn: &Connection, before: &Self, after: &Self) -> Result<()> {
            store::$store::update(conn, after)?;
            store::$store::save_children(conn, after.id, Some(before), after)?;
            Ok(())
        }
        fn naming_holding(conn: &Connection, holding_id: i64) -> Result<Vec<String>> {
            Ok(store::$store::referring_to_holding(conn, holding_id)?)
        }
    };
}
pub(crate) use stored_with_children;

/// A record kind the officer may delete, unless other records still name it.
pub(crate) trait Removable: Record {
    fn remove(conn: &Connection, id: i64) -> Result<()>;
    /// Refuses with [`CoreError::InUse`], naming what still points at the record.
    fn refuse_removal(&self, _conn: &Connection) -> Result<()> {
        Ok(())
    }
}

/// Work done on a record once it passed its checks, given the time of the write.
pub(crate) type Settle<'a, R> = Box<dyn FnOnce(&mut R, &str) + 'a>;

/// The refusal [`Removable::refuse_removal`] gives while records of another kind still name
/// the record: `naming` says what they are ("provision records"), `references` which ones.
pub(crate) fn refuse_while_named(
    kind: &str,
    label: &str,
    naming: &str,
    references: Vec<String>,
) -> Result<()> {
    if references.is_empty() {
        return Ok(());
    }
    Err(CoreError::InUse {
        message: format!(
            "{kind} {label} cannot be deleted: {naming} {} name it",
            references.join(", ")
        ),
        references,
    })
}

/// What a change adds to the record's own rules.
pub(crate) struct Change<'a, R> {
    /// Errors the step found beyond the record's rules (a type the regime does not provide).
    pub errors: FieldChecks,
    /// Moves field errors from a record path to the submitted form's path.
    pub rename: Option<(&'a str, &'a str)>,
    /// Applied once the record passed every check, with the time of the write: the timeline
    /// entries a step adds record what was done and are not themselves under review.
    pub then: Option<Settle<'a, R>>,
}

impl<R> Default for Change<'_, R> {
    fn default() -> Self {
        Change {
            errors: FieldChecks::new(),
            rename: None,
            then: None,
        }
    }
}

impl<'a, R> Change<'a, R> {
    pub fn with_errors(errors: FieldChecks) -> Self {
        Change {
            errors,
            ..Change::default()
        }
    }

    pub fn then(mut self, then: impl FnOnce(&mut R, &str) + 'a) -> Self {
        self.then = Some(Box::new(then));
        self
    }
}

pub(crate) fn load<R: Record>(conn: &Connection, id: i64) -> Result<R> {
    R::get(conn, id)?.ok_or(CoreError::NotFound {
        entity: R::NAME,
        id: id.to_string(),
    })
}

/// Stores a new record: its rules, then its reference, then the row, then the audit entry of
/// what was stored.
pub(crate) fn create<R: Record>(
    tx: &Connection,
    actor: &str,
    mut record: R,
    change: Change<'_, R>,
) -> Result<R> {
    finish(record.checks(tx, None)?, change.errors, change.rename)?;
    record.complete(tx)?;
    if let (Some(series), Some(reference)) = (R::REFERENCES, record.reference_mut()) {
        if reference.is_empty() {
            *reference = series.next(tx)?;
        }
    }
    if let Some(then) = change.then {
        then(&mut record, &crate::clock::now());
    }
    clean_texts(&record, change.rename)?;
    let id = R::insert(tx, &record)?;
    let stored = load::<R>(tx, id)?;
    index(tx, &stored)?;
    audit::append(
        tx,
        actor,
        AuditAction::Create,
        R::ENTITY,
        &id.to_string(),
        None,
        Some(&to_json(&stored)),
    )?;
    Ok(stored)
}

/// Changes a stored record: the version the officer saw must still be the stored one; `change`
/// edits a copy (and may refuse); a reference left empty keeps the stored one.
pub(crate) fn update<'a, R: Record>(
    tx: &Connection,
    actor: &str,
    id: i64,
    expected_version: i64,
    change: impl FnOnce(&Connection, &R, &mut R) -> Result<Change<'a, R>>,
) -> Result<R> {
    let before = load::<R>(tx, id)?;
    if before.version() != expected_version {
        return Err(stale(R::NAME, &before.label()));
    }
    let mut after = before.clone();
    let Change {
        errors,
        rename,
        then,
    } = change(tx, &before, &mut after)?;
    if let (Some(reference), Some(old)) = (after.reference_mut(), before.clone().reference_mut()) {
        if reference.is_empty() {
            *reference = old.clone();
        }
    }
    finish(after.checks(tx, Some(&before))?, errors, rename)?;
    after.complete(tx)?;
    let now = crate::clock::now();
    if let Some(then) = then {
        then(&mut after, &now);
    }
    after.stamp(before.version() + 1, now);
    clean_texts(&after, rename)?;
    R::update(tx, &before, &after)?;
    let stored = load::<R>(tx, id)?;
    index(tx, &stored)?;
    audit::append(
        tx,
        actor,
        AuditAction::Update,
        R::ENTITY,
        &id.to_string(),
        Some(&to_json(&before)),
        Some(&to_json(&stored)),
    )?;
    Ok(stored)
}

/// Deletes a record nothing names any more.
pub(crate) fn delete<R: Removable>(
    tx: &Connection,
    actor: &str,
    id: i64,
    expected_version: i64,
) -> Result<()> {
    let before = load::<R>(tx, id)?;
    if before.version() != expected_version {
        return Err(stale(R::NAME, &before.label()));
    }
    before.refuse_removal(tx)?;
    R::remove(tx, id)?;
    crate::store::search::remove(tx, R::ENTITY.code(), id)?;
    audit::append(
        tx,
        actor,
        AuditAction::Delete,
        R::ENTITY,
        &id.to_string(),
        Some(&to_json(&before)),
        None,
    )
}

/// Stores a record from a JSON document as it was exported: id, version and timestamps kept.
/// The document was checked whole before anything is written.
pub(crate) fn import<R: Record>(tx: &Connection, actor: &str, record: &R) -> Result<R> {
    clean_texts(record, None)?;
    let id = R::insert(tx, record)?;
    let stored = load::<R>(tx, id)?;
    index(tx, &stored)?;
    audit::append(
        tx,
        actor,
        AuditAction::Create,
        R::ENTITY,
        &id.to_string(),
        None,
        Some(&to_json(&stored)),
    )?;
    Ok(stored)
}

/// Records where a batch of writes came from (a sheet import: the file's name and SHA-256, the
/// mapping, what was created and updated), in the same transaction as the writes. An event
/// rather than a record: nothing is stored for `verify` to compare it with.
pub(crate) fn note_source(
    tx: &Connection,
    actor: &str,
    entity: Entity,
    id: &str,
    details: &Value,
) -> Result<()> {
    audit::append(
        tx,
        actor,
        AuditAction::Create,
        entity,
        id,
        None,
        Some(details),
    )
}

/// Each record of a kind by id, as the audit trail should last have seen it; for `verify`.
pub(crate) fn audited_states<R: Record>(
    conn: &Connection,
) -> Result<(Entity, Vec<(String, Value)>)> {
    Ok((
        R::ENTITY,
        R::list(conn)?
            .iter()
            .map(|r| (r.id().to_string(), to_json(r)))
            .collect(),
    ))
}

/// A profile the register keeps once (the organisation, the deadline settings): created by
/// the first save, then versioned like a record.
pub(crate) trait Profile: Serialize + Sized {
    type Input;
    const ENTITY: Entity;
    /// How messages name the profile, e.g. "the deadline settings".
    const NAME: &'static str;
    /// The conflict message when the profile changed since the form was loaded.
    const CHANGED_ELSEWHERE: &'static str;

    fn get(conn: &Connection) -> Result<Option<Self>>;
    fn version(&self) -> i64;
    fn put(conn: &Connection, input: &Self::Input, version: i64, updated_at: &str) -> Result<()>;
}

/// Saves a profile: `expected_version` is the version the form was loaded from (`None` while
/// none is stored). The input was checked by the caller, which needs no register for it.
pub(crate) fn save_profile<P: Profile>(
    tx: &Connection,
    actor: &str,
    input: &P::Input,
    expected_version: Option<i64>,
) -> Result<P> {
    let before = P::get(tx)?;
    let current_version = before.as_ref().map(P::version);
    if current_version != expected_version {
        return Err(CoreError::Conflict(P::CHANGED_ELSEWHERE.to_owned()));
    }
    P::put(
        tx,
        input,
        current_version.unwrap_or(0) + 1,
        &crate::clock::now(),
    )?;
    let after = P::get(tx)?
        .ok_or_else(|| CoreError::Integrity(format!("{} vanished while being saved", P::NAME)))?;
    // Refused after the write, inside its transaction, which the error rolls back.
    clean_texts(&after, None)?;
    let action = if before.is_some() {
        AuditAction::Update
    } else {
        AuditAction::Create
    };
    audit::append(
        tx,
        actor,
        action,
        P::ENTITY,
        "1",
        before.as_ref().map(to_json).as_ref(),
        Some(&to_json(&after)),
    )?;
    Ok(after)
}

/// Stores a profile from a JSON document with its version and time kept.
pub(crate) fn import_profile<P: Profile>(
    tx: &Connection,
    actor: &str,
    input: &P::Input,
    version: i64,
    updated_at: &str,
) -> Result<()> {
    P::put(tx, input, version, updated_at)?;
    let stored = P::get(tx)?;
    audit::append(
        tx,
        actor,
        AuditAction::Create,
        P::ENTITY,
        "1",
        None,
        stored.as_ref().map(to_json).as_ref(),
    )
}

/// Sets one of the officer's preferences (stored as text under `key`); an unchanged value
/// writes nothing and adds no audit entry.
pub(crate) fn put_preference(tx: &Connection, actor: &str, key: &str, value: &str) -> Result<()> {
    let before = crate::store::preferences::get(tx, key)?;
    if before.as_deref() == Some(value) {
        return Ok(());
    }
    crate::store::preferences::put(tx, key, value)?;
    audit::append(
        tx,
        actor,
        if before.is_some() {
            AuditAction::Update
        } else {
            AuditAction::Create
        },
        Entity::Preference,
        key,
        before.map(|v| preference_json(&v)).as_ref(),
        Some(&preference_json(value)),
    )
}

/// How the trail records a preference, and how `verify` reads it back.
pub(crate) fn preference_json(value: &str) -> Value {
    serde_json::json!({ "value": value })
}

/// No text of what is about to be stored holds a control character or a bidi override, whether
/// or not the record's own checks cover it (see `validation::text_errors`).
fn clean_texts<R: Serialize>(record: &R, rename: Option<(&str, &str)>) -> Result<()> {
    let mut errors = crate::validation::text_errors(&to_json(record));
    if errors.is_empty() {
        return Ok(());
    }
    if let Some((from, to)) = rename {
        crate::validation::rename_prefix(&mut errors, from, to);
    }
    Err(CoreError::Validation(errors))
}

fn finish(mut all: FieldChecks, errors: FieldChecks, rename: Option<(&str, &str)>) -> Result<()> {
    all.absorb(errors);
    if let Some((from, to)) = rename {
        all.rename_prefix(from, to);
    }
    all.finish()
}
