//! Verification: the audit chain link by link, and every record against the state the chain
//! says it was last left in.

use super::record::{audited_states, preference_json, Record};
use super::{lock, to_json, Register};
use crate::audit::{self, AuditEntry, ChainHead, Entity, Verification, VerifyReport, Witness};
use crate::error::Result;
use crate::model::anonymised::AnonymisedInformation;
use crate::model::complaint::Complaint;
use crate::model::consent_matter::ConsentMatter;
use crate::model::corrective_action::CorrectiveAction;
use crate::model::disposal::Disposal;
use crate::model::holding::Holding;
use crate::model::incident::Incident;
use crate::model::internal_audit::InternalAudit;
use crate::model::joint_use::JointUse;
use crate::model::management_review::ManagementReview;
use crate::model::measure::Measure;
use crate::model::objection::Objection;
use crate::model::organisation::Organisation;
use crate::model::provision::{ProvisionRecord, Recipient};
use crate::model::pseudonymised::PseudonymisedInformation;
use crate::model::request::Request;
use crate::model::risk_assessment::RiskAssessment;
use crate::model::subcontractor::Subcontractor;
use crate::model::training::{TrainingCourse, TrainingSession};
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

    /// The register-wide change log: what changed, by whom, newest first, filtered by days,
    /// kind of record and officer; `limit` entries a page.
    pub fn change_log(
        &self,
        filter: &audit::ChangeLogFilter,
        limit: usize,
    ) -> Result<audit::ChangeLog> {
        self.read(|conn| audit::change_log(conn, filter, limit))
    }

    pub fn chain_head(&self) -> Result<Option<ChainHead>> {
        self.read(audit::head)
    }

    /// The full verification (`daicho verify --full`, the app's Settings): SQLite's full
    /// integrity check, then the audit chain link by link from the first entry, then every
    /// record against the state the chain says it was last left in. When all of it holds, the
    /// head becomes the verified checkpoint from which opens verify.
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
        let problems = self.read(|conn| Ok(crate::db::integrity_problems(conn)?))?;
        if !problems.is_empty() {
            return Err(crate::error::CoreError::Damaged {
                path: self.path.clone().unwrap_or_default(),
                problems: problems.join("; "),
            });
        }
        let report = self.read(|conn| {
            let mut report = verify_connection(conn)?;
            self.compare_with_witnesses(conn, &mut report, anchor)?;
            Ok(report)
        })?;
        self.advance_checkpoint(&report)?;
        *lock(&self.last_verification) = Some(Verification::of(&report));
        Ok(report)
    }

    /// Adds to `report` what the trail's witnesses say: the chain head the last write left
    /// beside the register, and `anchor` when the officer typed one in. Cheap (one indexed
    /// lookup each), so the quick verification on open runs it too: entries cut from the end
    /// of the trail show on the next start.
    fn compare_with_witnesses(
        &self,
        conn: &Connection,
        report: &mut VerifyReport,
        anchor: Option<&ChainHead>,
    ) -> Result<()> {
        if let Some(anchor) = anchor {
            report.history_problems.extend(audit::compare_with_witness(
                conn,
                anchor,
                Witness::Anchor,
            )?);
        }
        if let Some(path) = &self.path {
            match audit::witness_file::read(path) {
                Ok(Some(seen)) => report.history_problems.extend(audit::compare_with_witness(
                    conn,
                    &seen,
                    Witness::File,
                )?),
                Ok(None) if self.read_only => {}
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
        report.history_problems.sort_by_key(|p| format!("{p:?}"));
        Ok(())
    }

    /// The quick verification run on every open (and by `daicho verify` without `--full`):
    /// the entry at the verified checkpoint still has the hash the full walk recorded, the
    /// entries after it link up, and every record they speak of is in the state they last
    /// recorded. Its cost follows the writes since the last full verification, not the size
    /// of the register. Without a checkpoint (a register never fully verified) it is the full
    /// walk, which then sets one.
    pub fn verify_quick(&self) -> Result<VerifyReport> {
        let report = self.read(|conn| {
            let mut report = match audit::checkpoint(conn)? {
                Some(checkpoint) => verify_since(conn, &checkpoint)?,
                None => verify_connection(conn)?,
            };
            self.compare_with_witnesses(conn, &mut report, None)?;
            Ok(report)
        })?;
        // The first open after an upgrade walked everything; recording that saves the next
        // open the walk. Best effort: a register another process is writing still opens.
        if let Err(error) = self.advance_checkpoint(&report) {
            tracing::warn!(%error, "the verified checkpoint could not be recorded");
        }
        *lock(&self.last_verification) = Some(Verification::of(&report));
        Ok(report)
    }

    /// The head of an intact full verification becomes the checkpoint.
    fn advance_checkpoint(&self, report: &VerifyReport) -> Result<()> {
        match &report.head {
            Some(head) if report.full && report.is_intact() && !self.read_only => {
                self.write(|tx| audit::set_checkpoint(tx, head))
            }
            _ => Ok(()),
        }
    }
}

/// The body of the quick verification, from `checkpoint` on.
fn verify_since(conn: &Connection, checkpoint: &ChainHead) -> Result<VerifyReport> {
    let (entries, head, broken_link) = audit::verify_chain_from(conn, Some(checkpoint))?;
    let mut altered_records = Vec::new();
    if broken_link.is_none() {
        for (entity, id) in audit::touched_after(conn, checkpoint.seq)? {
            // A kind this binary does not know (a newer one's) is not compared, as in the full
            // verification.
            let Some(kind) = KINDS.iter().find(|k| k.0.code() == entity) else {
                continue;
            };
            let current = (kind.1)(conn, &id)?;
            let recorded = audit::last_state(conn, &entity, &id)?.map(|s| s.map(kind.2));
            let reason = match (recorded, current) {
                (Some(Some(last)), Some(value)) if last == value => continue,
                (Some(Some(_)), Some(_)) => "differs from its last audited state",
                (Some(None), Some(_)) => "exists although the trail records its deletion",
                (Some(Some(_)), None) => "is missing although the trail records no deletion",
                (Some(None), None) | (None, _) => continue,
            };
            altered_records.push(altered(kind.0, &id, reason));
        }
    }
    Ok(VerifyReport {
        entries,
        head,
        broken_link,
        altered_records,
        history_problems: audit::missing_protections(conn)?,
        full: false,
        checkpoint: Some(checkpoint.clone()),
    })
}

/// How the quick verification reads one record of a kind as the trail records it: its
/// current state by id, and how a recorded state from before a migration reads today.
type OneState = (
    Entity,
    fn(&Connection, &str) -> Result<Option<Value>>,
    fn(Value) -> Value,
);

const KINDS: &[OneState] = &[
    (
        Entity::Organisation,
        organisation_state,
        as_now::<Organisation>,
    ),
    (Entity::Preference, preference_state, as_recorded),
    (Entity::DeadlineSettings, settings_state, as_recorded),
    (Entity::RequestProcedure, procedure_state, as_recorded),
    (Entity::Holding, one::<Holding>, as_now::<Holding>),
    (Entity::Request, one::<Request>, as_now::<Request>),
    (Entity::Complaint, one::<Complaint>, as_now::<Complaint>),
    (
        Entity::Subcontractor,
        one::<Subcontractor>,
        as_now::<Subcontractor>,
    ),
    (Entity::JointUse, one::<JointUse>, as_now::<JointUse>),
    (Entity::Transfer, one::<Transfer>, as_now::<Transfer>),
    (Entity::Recipient, one::<Recipient>, as_now::<Recipient>),
    (
        Entity::ProvisionRecord,
        one::<ProvisionRecord>,
        as_now::<ProvisionRecord>,
    ),
    (Entity::Measure, one::<Measure>, as_now::<Measure>),
    (Entity::Disposal, one::<Disposal>, as_now::<Disposal>),
    (
        Entity::ConsentMatter,
        one::<ConsentMatter>,
        as_now::<ConsentMatter>,
    ),
    (Entity::Objection, one::<Objection>, as_now::<Objection>),
    (Entity::Incident, one::<Incident>, as_now::<Incident>),
    (
        Entity::PseudonymisedInformation,
        one::<PseudonymisedInformation>,
        as_now::<PseudonymisedInformation>,
    ),
    (
        Entity::AnonymisedInformation,
        one::<AnonymisedInformation>,
        as_now::<AnonymisedInformation>,
    ),
    (
        Entity::RiskAssessment,
        one::<RiskAssessment>,
        as_now::<RiskAssessment>,
    ),
    (
        Entity::TrainingCourse,
        one::<TrainingCourse>,
        as_now::<TrainingCourse>,
    ),
    (
        Entity::TrainingSession,
        one::<TrainingSession>,
        as_now::<TrainingSession>,
    ),
    (
        Entity::InternalAudit,
        one::<InternalAudit>,
        as_now::<InternalAudit>,
    ),
    (
        Entity::CorrectiveAction,
        one::<CorrectiveAction>,
        as_now::<CorrectiveAction>,
    ),
    (
        Entity::ManagementReview,
        one::<ManagementReview>,
        as_now::<ManagementReview>,
    ),
];

fn one<R: Record>(conn: &Connection, id: &str) -> Result<Option<Value>> {
    // Record ids are numbers; an entry naming anything else names no record.
    let Ok(id) = id.parse::<i64>() else {
        return Ok(None);
    };
    Ok(R::get(conn, id)?.map(|r| to_json(&r)))
}

fn organisation_state(conn: &Connection, id: &str) -> Result<Option<Value>> {
    Ok(store::organisation::get(conn)?
        .filter(|_| id == "1")
        .map(|o| to_json(&o)))
}

fn preference_state(conn: &Connection, key: &str) -> Result<Option<Value>> {
    Ok(store::preferences::get(conn, key)?.map(|v| preference_json(&v)))
}

fn settings_state(conn: &Connection, id: &str) -> Result<Option<Value>> {
    Ok(store::deadline_settings::get(conn)?
        .filter(|_| id == "1")
        .map(|s| to_json(&s)))
}

fn procedure_state(conn: &Connection, id: &str) -> Result<Option<Value>> {
    Ok(store::request_procedure::get(conn)?
        .filter(|_| id == "1")
        .map(|p| to_json(&p)))
}

/// The body of [`Register::verify`] after the integrity check, on any connection to a
/// register of the current schema: backups are verified with it before they are trusted.
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
    compare(Entity::Organisation, organisation, as_now::<Organisation>)?;
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
        kind::<RiskAssessment>(conn)?,
        kind::<TrainingCourse>(conn)?,
        kind::<TrainingSession>(conn)?,
        kind::<InternalAudit>(conn)?,
        kind::<CorrectiveAction>(conn)?,
        kind::<ManagementReview>(conn)?,
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
        full: true,
        checkpoint: None,
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
