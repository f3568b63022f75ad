//! Verification: the audit chain link by link, and every record against the state the chain
//! says it was last left in.

use super::record::{audited_states, preference_json, Record};
use super::{lock, to_json, Register};
use crate::audit::{self, AuditEntry, ChainHead, Entity, Verification, VerifyReport, Witness};
use crate::error::Result;
use crate::model::anonymised::AnonymisedInformation;
use crate::model::complaint::Complaint;
use crate::model::consent_matter::ConsentMatter;
use crate::model::disposal::Disposal;
use crate::model::holding::Holding;
use crate::model::incident::Incident;
use crate::model::joint_use::JointUse;
use crate::model::measure::Measure;
use crate::model::objection::Objection;
use crate::model::provision::{ProvisionRecord, Recipient};
use crate::model::pseudonymised::PseudonymisedInformation;
use crate::model::request::Request;
use crate::model::subcontractor::Subcontractor;
use crate::model::transfer::Transfer;
use crate::store;
use rusqlite::Connection;
use serde::de::DeserializeOwned;
use serde_json::Value;

impl Register {
    // --- audit --------------------------------------------------------------------------

    pub fn history(&self, entity: Entity, entity_id: &str) -> Result<Vec<AuditEntry>> {
        self.read(|conn| audit::history(conn, entity, entity_id))
    }

    pub fn chain_head(&self) -> Result<Option<ChainHead>> {
        self.read(audit::head)
    }

    /// Checks the audit chain link by link, then checks that every record is in the state
    /// the chain says it was last left in.
    ///
    /// The whole history is also compared with the chain head the last write left beside the
    /// register (entries cut from the end of the trail show there, and nowhere else); a
    /// register without that witness yet (made before it existed, or whose witness was
    /// removed) gets one from its current head.
    pub fn verify(&self) -> Result<VerifyReport> {
        self.verify_against(None)
    }

    /// [`Register::verify`], and the history compared with `anchor` as well: a chain head the
    /// officer typed in from a printed document or an earlier export (`daicho verify --anchor
    /// SEQ:HASH`). A trail that ends before it or holds something else at it is reported.
    pub fn verify_against(&self, anchor: Option<&ChainHead>) -> Result<VerifyReport> {
        let mut report = self.read(|conn| {
            let mut report = verify_connection(conn)?;
            if let Some(anchor) = anchor {
                report
                    .history_problems
                    .extend(audit::compare_with_witness(conn, anchor, Witness::Anchor)?);
            }
            if let Some(path) = &self.path {
                match audit::witness_file::read(path) {
                    Ok(Some(seen)) => report
                        .history_problems
                        .extend(audit::compare_with_witness(conn, &seen, Witness::File)?),
                    Ok(None) => {
                        if let Err(e) = audit::witness_file::write(path, report.head.as_ref()) {
                            tracing::warn!(error = %e, "the chain head could not be left beside the register");
                        }
                    }
                    Err(reason) => {
                        tracing::warn!(%reason, "the chain head beside the register is unreadable");
                    }
                }
            }
            Ok(report)
        })?;
        report.history_problems.sort_by_key(|p| format!("{p:?}"));
        *lock(&self.last_verification) = Some(Verification::of(&report));
        Ok(report)
    }
}

/// The body of [`Register::verify`], on any connection to a register of the current schema:
/// backups are verified with it before they are trusted.
pub(crate) fn verify_connection(conn: &Connection) -> Result<VerifyReport> {
    let (entries, head, broken_link) = audit::verify_chain(conn)?;
    let mut altered_records = Vec::new();
    let mut compare = |entity: Entity,
                       current: Vec<(String, Value)>,
                       upgrade: fn(Value) -> Value|
     -> Result<()> {
        let mut recorded: std::collections::HashMap<String, Option<Value>> =
            audit::last_states(conn, entity)?
                .into_iter()
                .map(|(id, state)| (id, state.map(upgrade)))
                .collect();
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
    let organisation = store::organisation::get(conn)?
        .map(|o| ("1".to_owned(), to_json(&o)))
        .into_iter()
        .collect();
    compare(Entity::Organisation, organisation, as_recorded)?;
    let preferences = store::preferences::all(conn)?
        .into_iter()
        .map(|(k, v)| (k, preference_json(&v)))
        .collect();
    compare(Entity::Preference, preferences, as_recorded)?;
    let settings = store::deadline_settings::get(conn)?
        .map(|s| ("1".to_owned(), to_json(&s)))
        .into_iter()
        .collect();
    compare(Entity::DeadlineSettings, settings, as_recorded)?;
    let procedure = store::request_procedure::get(conn)?
        .map(|p| ("1".to_owned(), to_json(&p)))
        .into_iter()
        .collect();
    compare(Entity::RequestProcedure, procedure, as_recorded)?;
    // Every record kind the write path keeps.
    for (entity, current, upgrade) in [
        kind::<Holding>(conn)?,
        kind::<Request>(conn)?,
        kind::<Complaint>(conn)?,
        kind::<Subcontractor>(conn)?,
        kind::<JointUse>(conn)?,
        kind::<Transfer>(conn)?,
        kind::<Recipient>(conn)?,
        kind::<ProvisionRecord>(conn)?,
        kind::<Measure>(conn)?,
        kind::<Disposal>(conn)?,
        kind::<ConsentMatter>(conn)?,
        kind::<Objection>(conn)?,
        kind::<Incident>(conn)?,
        kind::<PseudonymisedInformation>(conn)?,
        kind::<AnonymisedInformation>(conn)?,
    ] {
        compare(entity, current, upgrade)?;
    }
    altered_records.sort_by(|a, b| (&a.entity, &a.entity_id).cmp(&(&b.entity, &b.entity_id)));
    Ok(VerifyReport {
        entries,
        head,
        broken_link,
        altered_records,
        history_problems: audit::missing_protections(conn)?,
    })
}

type KindStates = (Entity, Vec<(String, Value)>, fn(Value) -> Value);

/// A record kind's current states, and how to read a state the trail recorded before the
/// kind's shape last changed.
fn kind<R: Record + DeserializeOwned>(conn: &Connection) -> Result<KindStates> {
    let (entity, current) = audited_states::<R>(conn)?;
    Ok((entity, current, as_now::<R>))
}

/// A recorded state as the current code writes it: a state from before a migration added a
/// field (holdings' Individual Number affairs) or reshaped one (a joint use's one responsible
/// party, now a list) reads into the record type the same way the migration moved the row, so
/// upgrading a register does not make every record look altered. A state that does not read
/// is compared as it was recorded.
fn as_now<R: serde::Serialize + DeserializeOwned>(recorded: Value) -> Value {
    match serde_json::from_value::<R>(recorded.clone()) {
        Ok(record) => to_json(&record),
        Err(_) => recorded,
    }
}

fn as_recorded(recorded: Value) -> Value {
    recorded
}

fn altered(entity: Entity, id: &str, reason: &str) -> audit::AlteredRecord {
    audit::AlteredRecord {
        entity: entity.code().to_owned(),
        entity_id: id.to_owned(),
        reason: reason.to_owned(),
    }
}
