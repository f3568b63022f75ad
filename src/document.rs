//! The register as one versioned JSON document: what `daicho export --format json` writes and
//! `daicho import` reads. Importing an export into an empty register reproduces it: the same
//! ids, ledger numbers, versions and timestamps. The schema is described in
//! `docs/register-document.md`.

use crate::audit::{self, ChainHead};
use crate::error::{CoreError, FieldError, FieldErrorCode, RecordError, Result};
use crate::model::anonymised::{AnonymisedInformation, AnonymisedInformationInput};
use crate::model::complaint::{Complaint, ComplaintInput};
use crate::model::consent_matter::{ConsentMatter, ConsentMatterInput};
use crate::model::corrective_action::{CorrectiveAction, CorrectiveActionInput};
use crate::model::deadline_settings::DeadlineSettings;
use crate::model::disposal::{Disposal, DisposalInput};
use crate::model::holding::{Holding, HoldingInput};
use crate::model::incident::{Incident, IncidentInput};
use crate::model::internal_audit::{FindingGrade, InternalAudit, InternalAuditInput};
use crate::model::joint_use::{JointUse, JointUseInput};
use crate::model::management_review::{ManagementReview, ManagementReviewInput};
use crate::model::measure::{Measure, MeasureInput};
use crate::model::objection::{Objection, ObjectionInput};
use crate::model::organisation::Organisation;
use crate::model::provision::{ProvisionRecord, ProvisionRecordInput, Recipient, RecipientInput};
use crate::model::pseudonymised::{PseudonymisedInformation, PseudonymisedInformationInput};
use crate::model::request::{Request, RequestInput};
use crate::model::request_procedure::RequestProcedure;
use crate::model::risk_assessment::{RiskAssessment, RiskAssessmentInput};
use crate::model::subcontractor::{Subcontractor, SubcontractorInput};
use crate::model::training::{
    TrainingCourse, TrainingCourseInput, TrainingSession, TrainingSessionInput,
};
use crate::model::transfer::{Transfer, TransferInput};
use crate::register::controls::check_import;
use crate::register::holdings::holding_checks;
use crate::register::record::{self, Record};
use crate::register::sharing::{
    check_joint_use_holdings, check_subcontractor_links, check_transfer_links, Links,
};
use crate::register::Register;
use crate::store;
use crate::validation::FieldChecks;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::HashSet;
use ts_rs::TS;

/// Identifies the document type, so that another JSON file is refused rather than misread.
pub const FORMAT: &str = "daicho-register";
/// Bumped whenever the document's shape changes; import reads this version and older ones.
pub const DOCUMENT_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RegisterDocument {
    pub format: String,
    pub document_version: u32,
    pub exported_at: String,
    /// The audit chain head at export time, so a copy can be matched to the register state.
    pub chain_head: Option<ChainHead>,
    pub organisation: Option<Organisation>,
    /// Absent from documents written before requests existed, and while the defaults apply.
    #[serde(default)]
    pub deadline_settings: Option<DeadlineSettings>,
    /// Absent from documents written before the request procedure existed, and until it is
    /// saved.
    #[serde(default)]
    pub request_procedure: Option<RequestProcedure>,
    pub holdings: Vec<Holding>,
    #[serde(default)]
    pub requests: Vec<Request>,
    #[serde(default)]
    pub complaints: Vec<Complaint>,
    #[serde(default)]
    pub subcontractors: Vec<Subcontractor>,
    #[serde(default)]
    pub joint_uses: Vec<JointUse>,
    #[serde(default)]
    pub transfers: Vec<Transfer>,
    pub recipients: Vec<Recipient>,
    #[serde(default)]
    pub provision_records: Vec<ProvisionRecord>,
    #[serde(default)]
    pub measures: Vec<Measure>,
    #[serde(default)]
    pub disposals: Vec<Disposal>,
    /// Absent from documents written before the catalogue existed.
    #[serde(default)]
    pub consent_matters: Vec<ConsentMatter>,
    #[serde(default)]
    pub objections: Vec<Objection>,
    /// Absent from documents written before incidents existed.
    #[serde(default)]
    pub incidents: Vec<Incident>,
    /// Pseudonymised information held (APPI art. 41). Absent from documents written before
    /// the section existed.
    #[serde(default)]
    pub pseudonymised_information: Vec<PseudonymisedInformation>,
    /// Anonymised information produced, with its provisions (APPI art. 43). Absent from
    /// documents written before the section existed.
    #[serde(default)]
    pub anonymised_information: Vec<AnonymisedInformation>,
    /// The management system (issue 17). Absent from documents written before it existed.
    #[serde(default)]
    pub risk_assessments: Vec<RiskAssessment>,
    #[serde(default)]
    pub training_courses: Vec<TrainingCourse>,
    #[serde(default)]
    pub training_sessions: Vec<TrainingSession>,
    #[serde(default)]
    pub internal_audits: Vec<InternalAudit>,
    #[serde(default)]
    pub corrective_actions: Vec<CorrectiveAction>,
    #[serde(default)]
    pub management_reviews: Vec<ManagementReview>,
}

/// What an import wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ImportSummary {
    pub organisation: bool,
    pub deadline_settings: bool,
    pub request_procedure: bool,
    #[ts(type = "number")]
    pub holdings: i64,
    #[ts(type = "number")]
    pub requests: i64,
    #[ts(type = "number")]
    pub complaints: i64,
    #[ts(type = "number")]
    pub subcontractors: i64,
    #[ts(type = "number")]
    pub joint_uses: i64,
    #[ts(type = "number")]
    pub transfers: i64,
    pub recipients: i64,
    #[ts(type = "number")]
    pub provision_records: i64,
    #[ts(type = "number")]
    pub measures: i64,
    #[ts(type = "number")]
    pub disposals: i64,
    #[ts(type = "number")]
    pub consent_matters: i64,
    #[ts(type = "number")]
    pub objections: i64,
    pub incidents: i64,
    #[ts(type = "number")]
    pub pseudonymised_information: i64,
    #[ts(type = "number")]
    pub anonymised_information: i64,
    #[ts(type = "number")]
    pub risk_assessments: i64,
    #[ts(type = "number")]
    pub training_courses: i64,
    #[ts(type = "number")]
    pub training_sessions: i64,
    #[ts(type = "number")]
    pub internal_audits: i64,
    #[ts(type = "number")]
    pub corrective_actions: i64,
    #[ts(type = "number")]
    pub management_reviews: i64,
}

/// The whole register as one document, read in one snapshot so that it matches its chain head.
pub fn export(register: &Register) -> Result<RegisterDocument> {
    register.read_all(|conn| {
        Ok(RegisterDocument {
            format: FORMAT.to_owned(),
            document_version: DOCUMENT_VERSION,
            exported_at: crate::clock::now(),
            chain_head: audit::head(conn)?,
            organisation: store::organisation::get(conn)?,
            deadline_settings: store::deadline_settings::get(conn)?,
            request_procedure: store::request_procedure::get(conn)?,
            holdings: store::holdings::list(conn)?,
            requests: store::requests::list(conn)?,
            complaints: store::complaints::list(conn)?,
            subcontractors: store::subcontractors::list(conn)?,
            joint_uses: store::joint_uses::list(conn)?,
            transfers: store::transfers::list(conn)?,
            recipients: store::sections::list(conn)?,
            provision_records: store::sections::list(conn)?,
            measures: store::sections::list(conn)?,
            disposals: store::sections::list(conn)?,
            consent_matters: store::sections::list(conn)?,
            objections: store::sections::list(conn)?,
            incidents: store::incidents::list(conn)?,
            pseudonymised_information: store::sections::list(conn)?,
            anonymised_information: store::anonymised::list(conn)?,
            risk_assessments: store::sections::list(conn)?,
            training_courses: store::sections::list(conn)?,
            training_sessions: store::sections::list(conn)?,
            internal_audits: store::sections::list(conn)?,
            corrective_actions: store::sections::list(conn)?,
            management_reviews: store::sections::list(conn)?,
        })
    })
}

/// Reads a document and writes every record, or nothing. Any invalid record refuses the
/// whole import with a report naming each record and field.
pub fn import(register: &Register, json: &str, actor: &str) -> Result<ImportSummary> {
    let (document, unreadable, positions, listed) = parse(json)?;
    register.write_all(|tx| {
        // Checked inside the write transaction, which holds the write lock from its start:
        // two imports at once cannot both find the register empty and merge (issue 12).
        if crate::store::record_count(tx)? != 0 {
            return Err(CoreError::Conflict(
                "the register already holds records; import only into an empty register".to_owned(),
            ));
        }
        // The checks below number the records they were given, which are the readable ones;
        // `positions` turns those numbers back into places in the document before the
        // problems are merged with the unreadable records' (issue 12, item 15).
        let mut problems = Vec::new();
        if let Some(organisation) = &document.organisation {
            let mut checks = FieldChecks::new();
            organisation.profile.collect_errors(&mut checks);
            let mut fields = checks.into_errors();
            if organisation.version < 1 {
                fields.push(FieldError::new("version", FieldErrorCode::OutOfRange, None));
            }
            if !fields.is_empty() {
                problems.push(RecordError {
                    record: "organisation".to_owned(),
                    reference: Some(organisation.profile.name.clone()),
                    fields,
                });
            }
        }
        let mut ids = HashSet::new();
        let mut item_ids = HashSet::new();
        for (index, holding) in document.holdings.iter().enumerate() {
            let mut fields = Vec::new();
            fields.extend(holding_checks(tx, &holding.fields, None)?.into_errors());
            if holding.fields.ledger_no.is_empty() {
                fields.push(FieldError::new("ledgerNo", FieldErrorCode::Required, None));
            }
            if holding.id < 1 {
                fields.push(FieldError::new("id", FieldErrorCode::OutOfRange, None));
            } else if !ids.insert(holding.id) {
                fields.push(FieldError::new("id", FieldErrorCode::Duplicate, None));
            }
            for (i, item) in holding.fields.data_items.iter().enumerate() {
                if let Some(id) = item.id {
                    if id < 1 {
                        let field = format!("dataItems[{i}].id");
                        fields.push(FieldError::new(field, FieldErrorCode::OutOfRange, None));
                    } else if !item_ids.insert(id) {
                        let field = format!("dataItems[{i}].id");
                        fields.push(FieldError::new(field, FieldErrorCode::Duplicate, None));
                    }
                }
            }
            // holding_checks compares item ids to a holding that does not exist yet; on
            // import the ids come from the exporting register and are kept.
            fields.retain(|f| !(f.field.ends_with(".id") && f.code == FieldErrorCode::Malformed));
            if holding.version < 1 {
                fields.push(FieldError::new("version", FieldErrorCode::OutOfRange, None));
            }
            if !fields.is_empty() {
                problems.push(RecordError {
                    record: format!("holdings[{index}]"),
                    reference: Some(holding.fields.ledger_no.clone()),
                    fields,
                });
            }
        }
        let mut seen_ledger = HashSet::new();
        for (index, holding) in document.holdings.iter().enumerate() {
            if !holding.fields.ledger_no.is_empty()
                && !seen_ledger.insert(&holding.fields.ledger_no)
            {
                problems.push(RecordError {
                    record: format!("holdings[{index}]"),
                    reference: Some(holding.fields.ledger_no.clone()),
                    fields: vec![FieldError::new("ledgerNo", FieldErrorCode::Duplicate, None)],
                });
            }
        }
        if let Some(settings) = &document.deadline_settings {
            let mut checks = FieldChecks::new();
            settings.settings.collect_errors(&mut checks);
            let mut fields = checks.into_errors();
            if settings.version < 1 {
                fields.push(FieldError::new("version", FieldErrorCode::OutOfRange, None));
            }
            if !fields.is_empty() {
                problems.push(RecordError {
                    record: "deadlineSettings".to_owned(),
                    reference: None,
                    fields,
                });
            }
        }
        if let Some(procedure) = &document.request_procedure {
            let mut checks = FieldChecks::new();
            procedure.procedure.collect_errors(&mut checks);
            let mut fields = checks.into_errors();
            if procedure.version < 1 {
                fields.push(FieldError::new("version", FieldErrorCode::OutOfRange, None));
            }
            if !fields.is_empty() {
                problems.push(RecordError {
                    record: "requestProcedure".to_owned(),
                    reference: None,
                    fields,
                });
            }
        }
        // Links are checked against every holding, tier, recipient and matter the document
        // lists, readable or not, so that one unreadable record is reported once rather than
        // again by each record that links to it.
        let Listed {
            holdings: holding_ids,
            subcontractors: subcontractor_ids,
            recipients: recipient_ids,
            consent_matters: matter_ids,
            management,
            holding_items,
        } = listed;
        problems.extend(check_requests(&document.requests, &holding_ids));
        problems.extend(check_complaints(&document.complaints, &holding_ids));
        problems.extend(check_sharing(
            &holding_items,
            &document.subcontractors,
            &subcontractor_ids,
            &document.joint_uses,
            &document.transfers,
        ));
        problems.extend(check_import(
            "recipients",
            &document.recipients,
            &holding_ids,
            &recipient_ids,
            &matter_ids,
        ));
        problems.extend(check_import(
            "provisionRecords",
            &document.provision_records,
            &holding_ids,
            &recipient_ids,
            &matter_ids,
        ));
        problems.extend(check_import(
            "measures",
            &document.measures,
            &holding_ids,
            &recipient_ids,
            &matter_ids,
        ));
        problems.extend(check_import(
            "disposals",
            &document.disposals,
            &holding_ids,
            &recipient_ids,
            &matter_ids,
        ));
        problems.extend(check_import(
            "consentMatters",
            &document.consent_matters,
            &holding_ids,
            &recipient_ids,
            &matter_ids,
        ));
        problems.extend(check_import(
            "objections",
            &document.objections,
            &holding_ids,
            &recipient_ids,
            &matter_ids,
        ));
        problems.extend(check_import(
            "pseudonymisedInformation",
            &document.pseudonymised_information,
            &holding_ids,
            &recipient_ids,
            &matter_ids,
        ));
        problems.extend(check_import(
            "anonymisedInformation",
            &document.anonymised_information,
            &holding_ids,
            &recipient_ids,
            &matter_ids,
        ));
        problems.extend(check_incidents(
            &document.incidents,
            &holding_ids,
            &subcontractor_ids,
        ));
        problems.extend(check_import(
            "riskAssessments",
            &document.risk_assessments,
            &holding_ids,
            &recipient_ids,
            &matter_ids,
        ));
        problems.extend(check_import(
            "trainingCourses",
            &document.training_courses,
            &holding_ids,
            &recipient_ids,
            &matter_ids,
        ));
        problems.extend(check_import(
            "trainingSessions",
            &document.training_sessions,
            &holding_ids,
            &recipient_ids,
            &matter_ids,
        ));
        problems.extend(check_import(
            "internalAudits",
            &document.internal_audits,
            &holding_ids,
            &recipient_ids,
            &matter_ids,
        ));
        problems.extend(check_import(
            "correctiveActions",
            &document.corrective_actions,
            &holding_ids,
            &recipient_ids,
            &matter_ids,
        ));
        problems.extend(check_import(
            "managementReviews",
            &document.management_reviews,
            &holding_ids,
            &recipient_ids,
            &matter_ids,
        ));
        problems.extend(check_management_links(&document, &management));
        let problems = report(problems, unreadable, &positions);
        if !problems.is_empty() {
            return Err(CoreError::Import(problems));
        }

        import_profiles(tx, actor, &document)?;
        import_all(tx, actor, &document.holdings)?;
        import_all(tx, actor, &document.requests)?;
        import_all(tx, actor, &document.complaints)?;
        // Parent tiers may follow their sub-tiers in the document, so the parent links are
        // checked at commit rather than row by row.
        store::defer_foreign_keys(tx)?;
        import_all(tx, actor, &document.subcontractors)?;
        import_all(tx, actor, &document.joint_uses)?;
        import_all(tx, actor, &document.transfers)?;
        import_all(tx, actor, &document.recipients)?;
        import_all(tx, actor, &document.provision_records)?;
        import_all(tx, actor, &document.measures)?;
        import_all(tx, actor, &document.disposals)?;
        import_all(tx, actor, &document.consent_matters)?;
        import_all(tx, actor, &document.objections)?;
        import_all(tx, actor, &document.incidents)?;
        import_all(tx, actor, &document.pseudonymised_information)?;
        import_all(tx, actor, &document.anonymised_information)?;
        import_all(tx, actor, &document.risk_assessments)?;
        import_all(tx, actor, &document.training_courses)?;
        import_all(tx, actor, &document.training_sessions)?;
        import_all(tx, actor, &document.internal_audits)?;
        import_all(tx, actor, &document.corrective_actions)?;
        import_all(tx, actor, &document.management_reviews)?;
        Ok(ImportSummary {
            organisation: document.organisation.is_some(),
            deadline_settings: document.deadline_settings.is_some(),
            request_procedure: document.request_procedure.is_some(),
            holdings: document.holdings.len() as i64,
            requests: document.requests.len() as i64,
            complaints: document.complaints.len() as i64,
            subcontractors: document.subcontractors.len() as i64,
            joint_uses: document.joint_uses.len() as i64,
            transfers: document.transfers.len() as i64,
            recipients: document.recipients.len() as i64,
            provision_records: document.provision_records.len() as i64,
            measures: document.measures.len() as i64,
            disposals: document.disposals.len() as i64,
            consent_matters: document.consent_matters.len() as i64,
            objections: document.objections.len() as i64,
            incidents: document.incidents.len() as i64,
            pseudonymised_information: document.pseudonymised_information.len() as i64,
            anonymised_information: document.anonymised_information.len() as i64,
            risk_assessments: document.risk_assessments.len() as i64,
            training_courses: document.training_courses.len() as i64,
            training_sessions: document.training_sessions.len() as i64,
            internal_audits: document.internal_audits.len() as i64,
            corrective_actions: document.corrective_actions.len() as i64,
            management_reviews: document.management_reviews.len() as i64,
        })
    })
}

/// The checks a request must pass to be imported: the register's own rules, plus what an
/// import must keep: unique ids and references, and holdings that are in the document.
fn check_requests(requests: &[Request], holding_ids: &HashSet<i64>) -> Vec<RecordError> {
    let mut problems = Vec::new();
    let mut ids = HashSet::new();
    let mut references = HashSet::new();
    let mut pause_ids = HashSet::new();
    let mut event_ids = HashSet::new();
    for (index, request) in requests.iter().enumerate() {
        let mut checks = FieldChecks::new();
        request.collect_errors(&mut checks);
        let mut fields = checks.into_errors();
        fields.extend(record_keys(
            request.id,
            &request.fields.reference,
            request.version,
            &mut ids,
            &mut references,
        ));
        fields.extend(missing_holdings(&request.fields.holding_ids, holding_ids));
        for (i, pause) in request.pauses.iter().enumerate() {
            if pause.id < 1 || !pause_ids.insert(pause.id) {
                let field = format!("pauses[{i}].id");
                fields.push(FieldError::new(field, FieldErrorCode::Duplicate, None));
            }
        }
        for (i, event) in request.timeline.iter().enumerate() {
            if event.id < 1 || !event_ids.insert(event.id) {
                let field = format!("timeline[{i}].id");
                fields.push(FieldError::new(field, FieldErrorCode::Duplicate, None));
            }
        }
        if !fields.is_empty() {
            problems.push(RecordError {
                record: format!("requests[{index}]"),
                reference: Some(request.fields.reference.clone()),
                fields,
            });
        }
    }
    problems
}

fn check_complaints(complaints: &[Complaint], holding_ids: &HashSet<i64>) -> Vec<RecordError> {
    let mut problems = Vec::new();
    let mut ids = HashSet::new();
    let mut references = HashSet::new();
    let mut action_ids = HashSet::new();
    for (index, complaint) in complaints.iter().enumerate() {
        let mut checks = FieldChecks::new();
        complaint.collect_errors(&mut checks);
        let mut fields = checks.into_errors();
        fields.extend(record_keys(
            complaint.id,
            &complaint.fields.reference,
            complaint.version,
            &mut ids,
            &mut references,
        ));
        fields.extend(missing_holdings(&complaint.fields.holding_ids, holding_ids));
        for (i, action) in complaint.actions.iter().enumerate() {
            if action.id < 1 || !action_ids.insert(action.id) {
                let field = format!("actions[{i}].id");
                fields.push(FieldError::new(field, FieldErrorCode::Duplicate, None));
            }
        }
        if !fields.is_empty() {
            problems.push(RecordError {
                record: format!("complaints[{index}]"),
                reference: Some(complaint.fields.reference.clone()),
                fields,
            });
        }
    }
    problems
}

fn check_incidents(
    incidents: &[Incident],
    holding_ids: &HashSet<i64>,
    subcontractor_ids: &HashSet<i64>,
) -> Vec<RecordError> {
    let mut problems = Vec::new();
    let mut ids = HashSet::new();
    let mut references = HashSet::new();
    let mut filing_ids = HashSet::new();
    let mut notice_ids = HashSet::new();
    let mut event_ids = HashSet::new();
    for (index, incident) in incidents.iter().enumerate() {
        let mut checks = FieldChecks::new();
        incident.collect_errors(&mut checks);
        let mut fields = checks.into_errors();
        fields.extend(record_keys(
            incident.id,
            &incident.fields.reference,
            incident.version,
            &mut ids,
            &mut references,
        ));
        fields.extend(missing_holdings(&incident.fields.holding_ids, holding_ids));
        if let Some(tier) = incident.fields.entrustee_id {
            if !subcontractor_ids.contains(&tier) {
                let mut field = FieldError::new("entrusteeId", FieldErrorCode::Malformed, None);
                field.message = format!("subcontractor {tier} is not in the document");
                fields.push(field);
            }
        }
        let child_ids = [
            (
                "filings",
                incident.filings.iter().map(|f| f.id).collect::<Vec<_>>(),
                &mut filing_ids,
            ),
            (
                "notices",
                incident.notices.iter().map(|n| n.id).collect(),
                &mut notice_ids,
            ),
            (
                "timeline",
                incident.timeline.iter().map(|e| e.id).collect(),
                &mut event_ids,
            ),
        ];
        for (list, list_ids, seen) in child_ids {
            for (i, id) in list_ids.into_iter().enumerate() {
                if id < 1 || !seen.insert(id) {
                    let field = format!("{list}[{i}].id");
                    fields.push(FieldError::new(field, FieldErrorCode::Duplicate, None));
                }
            }
        }
        if !fields.is_empty() {
            problems.push(RecordError {
                record: format!("incidents[{index}]"),
                reference: Some(incident.fields.reference.clone()),
                fields,
            });
        }
    }
    problems
}

/// Ids and references are kept on import, so they must be present and unique.
pub(crate) fn record_keys(
    id: i64,
    reference: &str,
    version: i64,
    ids: &mut HashSet<i64>,
    references: &mut HashSet<String>,
) -> Vec<FieldError> {
    let mut fields = Vec::new();
    if id < 1 {
        fields.push(FieldError::new("id", FieldErrorCode::OutOfRange, None));
    } else if !ids.insert(id) {
        fields.push(FieldError::new("id", FieldErrorCode::Duplicate, None));
    }
    if reference.is_empty() {
        fields.push(FieldError::new("reference", FieldErrorCode::Required, None));
    } else if !references.insert(reference.to_owned()) {
        fields.push(FieldError::new(
            "reference",
            FieldErrorCode::Duplicate,
            None,
        ));
    }
    if version < 1 {
        fields.push(FieldError::new("version", FieldErrorCode::OutOfRange, None));
    }
    fields
}

fn missing_holdings(linked: &[i64], holding_ids: &HashSet<i64>) -> Vec<FieldError> {
    linked
        .iter()
        .enumerate()
        .filter(|(_, id)| !holding_ids.contains(id))
        .map(|(i, id)| {
            let mut field =
                FieldError::new(format!("holdingIds[{i}]"), FieldErrorCode::Malformed, None);
            field.message = format!("holding {id} is not in the document");
            field
        })
        .collect()
}

/// A record flattens its input struct, and serde loses the path inside a flattened struct;
/// reading the same value, less the record's own `keys`, as a bare input finds the field that
/// failed.
/// Returns the path and the value-free description of what failed there.
fn locate_in_fields<I: DeserializeOwned>(value: &Value, keys: &[&str]) -> Option<(String, String)> {
    let mut fields = value.clone();
    let object = fields.as_object_mut()?;
    for key in keys {
        object.remove(*key);
    }
    let error = serde_path_to_error::deserialize::<_, I>(&fields).err()?;
    let path = error.path().to_string();
    (path != ".").then(|| (path, without_value(error.inner())))
}

const HOLDING_KEYS: &[&str] = &["id", "version", "createdAt", "updatedAt"];
const REQUEST_KEYS: &[&str] = &[
    "id",
    "track",
    "status",
    "identity",
    "pauses",
    "extension",
    "largeVolume",
    "decision",
    "notification",
    "closedOn",
    "timeline",
    "version",
    "createdAt",
    "updatedAt",
];
const COMPLAINT_KEYS: &[&str] = &[
    "id",
    "actions",
    "resolution",
    "closedOn",
    "version",
    "createdAt",
    "updatedAt",
];

const SHARING_KEYS: &[&str] = &["id", "version", "createdAt", "updatedAt"];
const JOINT_USE_KEYS: &[&str] = &["id", "editions", "version", "createdAt", "updatedAt"];
/// The ids every list of the document names, readable records or not, read from the parsed
/// document before its records are taken out of it. (Each used to parse the whole document
/// again: five more passes over it, and five more copies of it in memory at a time.)
struct ManagementIds {
    measures: HashSet<i64>,
    courses: HashSet<i64>,
    audits: HashSet<i64>,
    incidents: HashSet<i64>,
    complaints: HashSet<i64>,
}

struct Listed {
    holdings: HashSet<i64>,
    subcontractors: HashSet<i64>,
    recipients: HashSet<i64>,
    consent_matters: HashSet<i64>,
    /// The measures, courses, audits, incidents and complaints the management system's
    /// records may name.
    management: ManagementIds,
    /// Every holding with the ids of its data items, for the links of the sharing sections.
    holding_items: Vec<(i64, Vec<i64>)>,
}

impl Listed {
    fn of(root: &serde_json::Map<String, Value>) -> Self {
        Listed {
            holdings: listed_ids(root, "holdings"),
            management: ManagementIds {
                measures: listed_ids(root, "measures"),
                courses: listed_ids(root, "trainingCourses"),
                audits: listed_ids(root, "internalAudits"),
                incidents: listed_ids(root, "incidents"),
                complaints: listed_ids(root, "complaints"),
            },
            subcontractors: listed_ids(root, "subcontractors"),
            recipients: listed_ids(root, "recipients"),
            consent_matters: listed_ids(root, "consentMatters"),
            holding_items: listed_holdings(root),
        }
    }
}

/// The `id`s of the records listed under `key`, readable or not.
fn listed_ids(root: &serde_json::Map<String, Value>, key: &str) -> HashSet<i64> {
    root.get(key)
        .and_then(Value::as_array)
        .map(|records| {
            records
                .iter()
                .filter_map(|r| r.get("id").and_then(Value::as_i64))
                .collect()
        })
        .unwrap_or_default()
}

/// Every holding the document lists, readable or not, with the ids of its data items (as far
/// as they can be read), for the links of the sharing sections.
fn listed_holdings(root: &serde_json::Map<String, Value>) -> Vec<(i64, Vec<i64>)> {
    root.get("holdings")
        .and_then(Value::as_array)
        .map(|records| {
            records
                .iter()
                .filter_map(|r| {
                    let id = r.get("id").and_then(Value::as_i64)?;
                    let items = r
                        .get("dataItems")
                        .and_then(Value::as_array)
                        .map(|items| {
                            items
                                .iter()
                                .filter_map(|i| i.get("id").and_then(Value::as_i64))
                                .collect()
                        })
                        .unwrap_or_default();
                    Some((id, items))
                })
                .collect()
        })
        .unwrap_or_default()
}

/// Where each readable record stood in the document: `positions[list][i]` is the index in the
/// document of the `i`th readable record of `list`.
type Positions = std::collections::HashMap<&'static str, Vec<usize>>;

/// The import's report: the checks' problems renumbered to the records' places in the
/// document, merged with the unreadable records' and with each other where they name the same
/// record, in document order, with references and field paths made safe to print.
fn report(
    checked: Vec<RecordError>,
    unreadable: Vec<RecordError>,
    positions: &Positions,
) -> Vec<RecordError> {
    let mut problems: Vec<RecordError> = Vec::new();
    let renumbered = checked.into_iter().map(|mut problem| {
        if let Some((list, rest)) = problem.record.split_once('[') {
            let index = rest.trim_end_matches(']').parse::<usize>().ok();
            let place = positions
                .get(list)
                .zip(index)
                .and_then(|(places, i)| places.get(i));
            if let Some(place) = place {
                problem.record = format!("{list}[{place}]");
            }
        }
        problem
    });
    let mut places = std::collections::HashMap::new();
    for problem in unreadable.into_iter().chain(renumbered) {
        match places.get(&problem.record) {
            Some(&at) => {
                let same: &mut RecordError = &mut problems[at];
                for field in problem.fields {
                    // The text backstop and the record's own checks may name the same field.
                    let known = same
                        .fields
                        .iter()
                        .position(|f| f.field == field.field && f.code == field.code);
                    match known {
                        Some(i) => same.fields[i] = field,
                        None => same.fields.push(field),
                    }
                }
            }
            None => {
                places.insert(problem.record.clone(), problems.len());
                problems.push(problem);
            }
        }
    }
    for problem in &mut problems {
        if let Some(reference) = &mut problem.reference {
            *reference = crate::validation::printable(reference);
        }
        for field in &mut problem.fields {
            let safe = crate::validation::printable(&field.field);
            if safe != field.field {
                field.message = field.message.replace(&field.field, &safe);
                field.field = safe;
            }
        }
    }
    problems.sort_by_key(|p| record_order(&p.record));
    problems
}

/// Timestamps the register writes (`createdAt`, `updatedAt`, `recordedAt`, at any depth of a
/// record) must be RFC 3339 instants, as `clock::now` writes them; anything else (`yesterday`)
/// would be stored and shown as if it were one.
fn timestamp_errors(value: &Value) -> Vec<FieldError> {
    fn walk(value: &Value, path: &str, errors: &mut Vec<FieldError>) {
        match value {
            Value::Object(object) => {
                for (key, inner) in object {
                    let here = if path.is_empty() {
                        key.clone()
                    } else {
                        format!("{path}.{key}")
                    };
                    if crate::validation::is_timestamp_key(key) {
                        let valid = inner
                            .as_str()
                            .is_some_and(|t| chrono::DateTime::parse_from_rfc3339(t).is_ok());
                        if !valid {
                            let mut error = FieldError::new(&here, FieldErrorCode::Malformed, None);
                            error.message = format!(
                                "{here} is not a timestamp (expected RFC 3339, e.g. \
                                 2026-04-01T09:30:00.000Z)"
                            );
                            errors.push(error);
                        }
                    } else {
                        walk(inner, &here, errors);
                    }
                }
            }
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    walk(item, &format!("{path}[{i}]"), errors);
                }
            }
            _ => {}
        }
    }
    let mut errors = Vec::new();
    walk(value, "", &mut errors);
    errors
}

/// The keys of a provision, measure, disposal or objection record outside its input.
const SECTION_KEYS: &[&str] = &["id", "version", "createdAt", "updatedAt"];
const INCIDENT_KEYS: &[&str] = &[
    "id",
    "regime",
    "gdprApplies",
    "filings",
    "notices",
    "timeline",
    "closedOn",
    "version",
    "createdAt",
    "updatedAt",
];

/// Orders problems as the records stand in the document: organisation and settings first,
/// then each list in document order, by index.
fn record_order(record: &str) -> (u8, usize) {
    let (section, index) = match record.split_once('[') {
        Some((section, rest)) => (section, rest.trim_end_matches(']').parse().unwrap_or(0)),
        None => (record, 0),
    };
    let rank = match section {
        "organisation" => 0,
        "deadlineSettings" => 1,
        "requestProcedure" => 2,
        "holdings" => 3,
        "requests" => 4,
        "complaints" => 5,
        "subcontractors" => 6,
        "jointUses" => 7,
        "transfers" => 8,
        "recipients" => 9,
        "provisionRecords" => 10,
        "measures" => 11,
        "disposals" => 12,
        "consentMatters" => 13,
        "objections" => 14,
        "incidents" => 15,
        "pseudonymisedInformation" => 16,
        "anonymisedInformation" => 17,
        "riskAssessments" => 18,
        "trainingCourses" => 19,
        "trainingSessions" => 20,
        "internalAudits" => 21,
        "correctiveActions" => 22,
        "managementReviews" => 23,
        _ => 24,
    };
    (rank, index)
}

/// Reads the list under `key` record by record, reporting each unreadable record with the
/// field that failed and its reference (read from `reference_key`).
fn parse_list<T: DeserializeOwned, I: DeserializeOwned>(
    object: &mut serde_json::Map<String, Value>,
    key: &'static str,
    reference_key: &str,
    record_keys: &[&str],
    problems: &mut Vec<RecordError>,
    positions: &mut Positions,
) -> std::result::Result<Vec<T>, String> {
    let mut records = Vec::new();
    let places = positions.entry(key).or_default();
    // Taken out of the document, each record's tree is freed once read: the document is not
    // held twice over, as a tree and as records.
    match object.remove(key) {
        None | Some(Value::Null) => {}
        Some(Value::Array(values)) => {
            for (index, value) in values.into_iter().enumerate() {
                let value = &value;
                match serde_path_to_error::deserialize::<_, T>(value) {
                    Ok(record) => {
                        let mut fields = timestamp_errors(value);
                        fields.extend(crate::validation::text_errors(value));
                        if !fields.is_empty() {
                            problems.push(RecordError {
                                record: format!("{key}[{index}]"),
                                reference: reference_of(value, reference_key),
                                fields,
                            });
                        }
                        records.push(record);
                        places.push(index);
                    }
                    Err(e) => {
                        let reference = reference_of(value, reference_key);
                        let mut problem = malformed(format!("{key}[{index}]"), reference, e);
                        if let Some((field, what)) = locate_in_fields::<I>(value, record_keys) {
                            problem.fields[0].message = format!("{field}: {what}");
                            problem.fields[0].field = field;
                        }
                        problems.push(problem);
                    }
                }
            }
        }
        Some(_) => return Err(format!("{key} is not a list")),
    }
    Ok(records)
}

fn reference_of(value: &Value, reference_key: &str) -> Option<String> {
    value
        .get(reference_key)
        .and_then(Value::as_str)
        .map(str::to_owned)
}

/// One unreadable record; serde_path_to_error names the field inside it that failed, so the
/// report says `holdings[6].medium` rather than only `holdings[6]`. The message says what was
/// expected there and what kind of value was found, never the value: a document holds names,
/// addresses and health information, and this message reaches stderr and logs (issue 12,
/// item 16).
fn malformed(
    record: String,
    reference: Option<String>,
    error: serde_path_to_error::Error<serde_json::Error>,
) -> RecordError {
    let path = error.path().to_string();
    let field = if path == "." {
        "record".to_owned()
    } else {
        path
    };
    let mut field = FieldError::new(field, FieldErrorCode::Malformed, None);
    field.message = format!("{}: {}", field.field, without_value(error.inner()));
    RecordError {
        record,
        reference,
        fields: vec![field],
    }
}

/// serde's description of a data error with the offending value left out. serde words its
/// errors in a few fixed shapes (`invalid type: string "…", expected i64`, `unknown variant
/// `…`, expected one of …`, `missing field `…``); each is rebuilt from its parts that are not
/// the value, and anything else (a custom message) is replaced by a generic one.
pub(crate) fn without_value(error: &serde_json::Error) -> String {
    let text = error.to_string();
    let text = match text.rfind(" at line ") {
        Some(at) if error.line() > 0 => &text[..at],
        _ => text.as_str(),
    };
    // `string "…"`, `integer `5``, `map`: the kind is what precedes the quoted value.
    let kind = |unexpected: &str| {
        unexpected
            .split(['"', '`', '\''])
            .next()
            .unwrap_or_default()
            .trim()
            .to_owned()
    };
    let split = |rest: &str| {
        rest.rsplit_once(", expected ").map(|(found, expected)| {
            let found = kind(found);
            let article = if found.starts_with(['a', 'e', 'i', 'o', 'u', 'O']) {
                "an"
            } else {
                "a"
            };
            (format!("{article} {found}"), expected.to_owned())
        })
    };
    if let Some((found, expected)) = text.strip_prefix("invalid type: ").and_then(split) {
        format!("expected {expected}, found {found}")
    } else if let Some((found, expected)) = text.strip_prefix("invalid value: ").and_then(split) {
        format!("not a valid value ({found}); expected {expected}")
    } else if let Some((_, expected)) = text
        .strip_prefix("unknown variant ")
        .and_then(|rest| rest.split_once(", expected "))
    {
        format!("not one of the values this field takes; expected {expected}")
    } else if text.starts_with("unknown variant ") {
        "not one of the values this field takes".to_owned()
    } else if text.starts_with("invalid length ") || text.starts_with("missing field ") {
        // The length of a list, the name of a field the schema defines: no personal value.
        text.to_owned()
    } else if text.starts_with("unknown field ") || text.starts_with("duplicate field ") {
        // The key is the document's, not the schema's, so it is left out as well.
        let what = text.split(' ').take(2).collect::<Vec<_>>().join(" ");
        format!("{what} that this record does not have")
    } else if is_date_parse_error(text) {
        // chrono's parse errors (a date such as 9999-99-99) carry no value.
        format!("not a valid date (expected YYYY-MM-DD): {text}")
    } else {
        "a value that could not be read here".to_owned()
    }
}

fn is_date_parse_error(text: &str) -> bool {
    [
        "input is out of range",
        "no possible date and time matching input",
        "input is not enough for unique date and time",
        "input contains invalid characters",
        "premature end of input",
        "trailing input",
        "bad or unsupported format string",
    ]
    .contains(&text)
}

/// Parses the document record by record, so that a type error in one holding is reported
/// against that holding rather than as one opaque parse failure. Returns the readable records
/// and the problems of the unreadable ones; only a document that is not a register document
/// at all is an error here.
fn parse(json: &str) -> Result<(RegisterDocument, Vec<RecordError>, Positions, Listed)> {
    let whole = |code, message: String| {
        let mut field = FieldError::new("document", code, None);
        field.message = message;
        CoreError::Import(vec![RecordError {
            record: "document".to_owned(),
            reference: None,
            fields: vec![field],
        }])
    };
    let mut root: Value = serde_json::from_str(json).map_err(|e| {
        whole(
            FieldErrorCode::Malformed,
            format!("not a JSON document: {e}"),
        )
    })?;
    let Some(object) = root.as_object_mut() else {
        return Err(whole(
            FieldErrorCode::Malformed,
            "the document is not a JSON object".to_owned(),
        ));
    };
    if object.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(whole(
            FieldErrorCode::Malformed,
            format!("format is not {FORMAT:?}"),
        ));
    }
    let version = object
        .get("documentVersion")
        .and_then(Value::as_u64)
        .unwrap_or(0);
    if version == 0 || version > u64::from(DOCUMENT_VERSION) {
        return Err(whole(
            FieldErrorCode::OutOfRange,
            format!(
                "documentVersion {version} is not one this Daicho reads (1 to {DOCUMENT_VERSION})"
            ),
        ));
    }

    let listed = Listed::of(object);
    let mut problems = Vec::new();
    let mut positions = Positions::new();
    // The profiles' timestamps are checked like the records'.
    for key in ["organisation", "deadlineSettings", "requestProcedure"] {
        if let Some(value) = object.get(key).filter(|v| v.is_object()) {
            let mut fields = timestamp_errors(value);
            fields.extend(crate::validation::text_errors(value));
            if !fields.is_empty() {
                problems.push(RecordError {
                    record: key.to_owned(),
                    reference: None,
                    fields,
                });
            }
        }
    }
    let organisation = match object.get("organisation") {
        None | Some(Value::Null) => None,
        Some(value) => match serde_path_to_error::deserialize::<_, Organisation>(value) {
            Ok(o) => Some(o),
            Err(e) => {
                problems.push(malformed("organisation".to_owned(), None, e));
                None
            }
        },
    };
    let deadline_settings = match object.get("deadlineSettings") {
        None | Some(Value::Null) => None,
        Some(value) => match serde_path_to_error::deserialize::<_, DeadlineSettings>(value) {
            Ok(s) => Some(s),
            Err(e) => {
                problems.push(malformed("deadlineSettings".to_owned(), None, e));
                None
            }
        },
    };
    let request_procedure = match object.get("requestProcedure") {
        None | Some(Value::Null) => None,
        Some(value) => match serde_path_to_error::deserialize::<_, RequestProcedure>(value) {
            Ok(p) => Some(p),
            Err(e) => {
                problems.push(malformed("requestProcedure".to_owned(), None, e));
                None
            }
        },
    };
    let not_a_list = |message| whole(FieldErrorCode::Malformed, message);
    let holdings = parse_list::<Holding, HoldingInput>(
        &mut *object,
        "holdings",
        "ledgerNo",
        HOLDING_KEYS,
        &mut problems,
        &mut positions,
    )
    .map_err(not_a_list)?;
    let requests = parse_list::<Request, RequestInput>(
        &mut *object,
        "requests",
        "reference",
        REQUEST_KEYS,
        &mut problems,
        &mut positions,
    )
    .map_err(not_a_list)?;
    let complaints = parse_list::<Complaint, ComplaintInput>(
        &mut *object,
        "complaints",
        "reference",
        COMPLAINT_KEYS,
        &mut problems,
        &mut positions,
    )
    .map_err(not_a_list)?;
    let subcontractors = parse_list::<Subcontractor, SubcontractorInput>(
        &mut *object,
        "subcontractors",
        "reference",
        SHARING_KEYS,
        &mut problems,
        &mut positions,
    )
    .map_err(not_a_list)?;
    let joint_uses = parse_list::<JointUse, JointUseInput>(
        &mut *object,
        "jointUses",
        "reference",
        JOINT_USE_KEYS,
        &mut problems,
        &mut positions,
    )
    .map_err(not_a_list)?;
    let transfers = parse_list::<Transfer, TransferInput>(
        &mut *object,
        "transfers",
        "reference",
        SHARING_KEYS,
        &mut problems,
        &mut positions,
    )
    .map_err(not_a_list)?;
    let recipients = parse_list::<Recipient, RecipientInput>(
        &mut *object,
        "recipients",
        "name",
        SECTION_KEYS,
        &mut problems,
        &mut positions,
    )
    .map_err(not_a_list)?;
    let provision_records = parse_list::<ProvisionRecord, ProvisionRecordInput>(
        &mut *object,
        "provisionRecords",
        "reference",
        SECTION_KEYS,
        &mut problems,
        &mut positions,
    )
    .map_err(not_a_list)?;
    let measures = parse_list::<Measure, MeasureInput>(
        &mut *object,
        "measures",
        "title",
        SECTION_KEYS,
        &mut problems,
        &mut positions,
    )
    .map_err(not_a_list)?;
    let disposals = parse_list::<Disposal, DisposalInput>(
        &mut *object,
        "disposals",
        "reference",
        SECTION_KEYS,
        &mut problems,
        &mut positions,
    )
    .map_err(not_a_list)?;
    let consent_matters = parse_list::<ConsentMatter, ConsentMatterInput>(
        &mut *object,
        "consentMatters",
        "title",
        SECTION_KEYS,
        &mut problems,
        &mut positions,
    )
    .map_err(not_a_list)?;
    let objections = parse_list::<Objection, ObjectionInput>(
        &mut *object,
        "objections",
        "reference",
        SECTION_KEYS,
        &mut problems,
        &mut positions,
    )
    .map_err(not_a_list)?;
    let incidents = parse_list::<Incident, IncidentInput>(
        &mut *object,
        "incidents",
        "reference",
        INCIDENT_KEYS,
        &mut problems,
        &mut positions,
    )
    .map_err(not_a_list)?;
    let pseudonymised_information =
        parse_list::<PseudonymisedInformation, PseudonymisedInformationInput>(
            &mut *object,
            "pseudonymisedInformation",
            "name",
            SECTION_KEYS,
            &mut problems,
            &mut positions,
        )
        .map_err(not_a_list)?;
    let anonymised_information = parse_list::<AnonymisedInformation, AnonymisedInformationInput>(
        &mut *object,
        "anonymisedInformation",
        "name",
        SECTION_KEYS,
        &mut problems,
        &mut positions,
    )
    .map_err(not_a_list)?;
    let risk_assessments = parse_list::<RiskAssessment, RiskAssessmentInput>(
        &mut *object,
        "riskAssessments",
        "reference",
        SECTION_KEYS,
        &mut problems,
        &mut positions,
    )
    .map_err(not_a_list)?;
    let training_courses = parse_list::<TrainingCourse, TrainingCourseInput>(
        &mut *object,
        "trainingCourses",
        "reference",
        SECTION_KEYS,
        &mut problems,
        &mut positions,
    )
    .map_err(not_a_list)?;
    let training_sessions = parse_list::<TrainingSession, TrainingSessionInput>(
        &mut *object,
        "trainingSessions",
        "reference",
        SECTION_KEYS,
        &mut problems,
        &mut positions,
    )
    .map_err(not_a_list)?;
    let internal_audits = parse_list::<InternalAudit, InternalAuditInput>(
        &mut *object,
        "internalAudits",
        "reference",
        SECTION_KEYS,
        &mut problems,
        &mut positions,
    )
    .map_err(not_a_list)?;
    let corrective_actions = parse_list::<CorrectiveAction, CorrectiveActionInput>(
        &mut *object,
        "correctiveActions",
        "reference",
        SECTION_KEYS,
        &mut problems,
        &mut positions,
    )
    .map_err(not_a_list)?;
    let management_reviews = parse_list::<ManagementReview, ManagementReviewInput>(
        &mut *object,
        "managementReviews",
        "reference",
        SECTION_KEYS,
        &mut problems,
        &mut positions,
    )
    .map_err(not_a_list)?;
    let chain_head = object
        .get("chainHead")
        .cloned()
        .and_then(|v| serde_json::from_value(v).ok());
    let document = RegisterDocument {
        format: FORMAT.to_owned(),
        document_version: version as u32,
        exported_at: object
            .get("exportedAt")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned(),
        chain_head,
        organisation,
        deadline_settings,
        request_procedure,
        holdings,
        requests,
        complaints,
        subcontractors,
        joint_uses,
        transfers,
        recipients,
        provision_records,
        measures,
        disposals,
        consent_matters,
        objections,
        incidents,
        pseudonymised_information,
        anonymised_information,
        risk_assessments,
        training_courses,
        training_sessions,
        internal_audits,
        corrective_actions,
        management_reviews,
    };
    Ok((document, problems, positions, listed))
}

/// Writes the organisation profile, the deadline settings and the request procedure a
/// document carries, each with its audit entry: the import, and the scale generator, which
/// writes its registers as documents.
pub(crate) fn import_profiles(
    tx: &rusqlite::Connection,
    actor: &str,
    document: &RegisterDocument,
) -> Result<()> {
    if let Some(organisation) = &document.organisation {
        record::import_profile::<Organisation>(
            tx,
            actor,
            &organisation.profile,
            organisation.version,
            &organisation.updated_at,
        )?;
    }
    if let Some(settings) = &document.deadline_settings {
        record::import_profile::<DeadlineSettings>(
            tx,
            actor,
            &settings.settings,
            settings.version,
            &settings.updated_at,
        )?;
    }
    if let Some(procedure) = &document.request_procedure {
        record::import_profile::<RequestProcedure>(
            tx,
            actor,
            &procedure.procedure,
            procedure.version,
            &procedure.updated_at,
        )?;
    }
    Ok(())
}

/// Writes to a temporary file beside the target and renames it over the target, so an
/// interrupted export never leaves a truncated file where a good one was; a write that fails
/// (a full disk) removes its temporary file rather than leave it beside the target.
pub fn write_atomically(path: &std::path::Path, bytes: &[u8]) -> Result<()> {
    let io = |e| CoreError::io(format!("writing {}", path.display()), e);
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".part");
    let tmp = std::path::PathBuf::from(tmp);
    let written = std::fs::File::create(&tmp).and_then(|mut file| {
        std::io::Write::write_all(&mut file, bytes)?;
        file.sync_all()
    });
    let result = written.and_then(|()| std::fs::rename(&tmp, path));
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.map_err(io)
}

/// Writes the records of one kind from a checked document, each with its audit entry.
/// The links of the management system's records to other records of the document: the
/// measures a risk names, the course of a session, and the audit finding, incident or
/// complaint a corrective action comes from.
/// Links are checked against every record the document lists, readable or not, so that an
/// unreadable record is reported once.
fn check_management_links(document: &RegisterDocument, listed: &ManagementIds) -> Vec<RecordError> {
    let ManagementIds {
        measures,
        courses,
        audits,
        incidents,
        complaints,
    } = listed;
    let missing = |field: String, what: &str, id: i64| {
        let mut error = FieldError::new(field, FieldErrorCode::Malformed, None);
        error.message = format!("{what} {id} is not in the document");
        error
    };
    let mut problems = Vec::new();
    let mut push = |record: String, reference: &str, fields: Vec<FieldError>| {
        if !fields.is_empty() {
            problems.push(RecordError {
                record,
                reference: Some(reference.to_owned()),
                fields,
            });
        }
    };
    for (index, a) in document.risk_assessments.iter().enumerate() {
        let mut fields = Vec::new();
        for (i, risk) in a.fields.risks.iter().enumerate() {
            for (m, id) in risk.measure_ids.iter().enumerate() {
                if !measures.contains(id) {
                    let field = format!("risks[{i}].measureIds[{m}]");
                    fields.push(missing(field, "security measure", *id));
                }
            }
        }
        push(
            format!("riskAssessments[{index}]"),
            &a.fields.reference,
            fields,
        );
    }
    for (index, s) in document.training_sessions.iter().enumerate() {
        let mut fields = Vec::new();
        if !courses.contains(&s.fields.course_id) {
            fields.push(missing(
                "courseId".to_owned(),
                "training course",
                s.fields.course_id,
            ));
        }
        push(
            format!("trainingSessions[{index}]"),
            &s.fields.reference,
            fields,
        );
    }
    for (index, a) in document.corrective_actions.iter().enumerate() {
        let f = &a.fields;
        let mut fields = Vec::new();
        if let Some(audit_id) = f.audit_id {
            match document.internal_audits.iter().find(|x| x.id == audit_id) {
                None if !audits.contains(&audit_id) => {
                    fields.push(missing("auditId".to_owned(), "internal audit", audit_id))
                }
                // Listed but unreadable: reported as such, once.
                None => {}
                Some(audit) => {
                    let finding = f
                        .finding_number
                        .filter(|n| *n >= 1)
                        .and_then(|n| audit.fields.findings.get(n as usize - 1));
                    if finding.is_none_or(|x| x.grade == FindingGrade::GoodPractice) {
                        fields.push(FieldError::new(
                            "findingNumber",
                            FieldErrorCode::Malformed,
                            None,
                        ));
                    }
                }
            }
        }
        if let Some(id) = f.incident_id.filter(|id| !incidents.contains(id)) {
            fields.push(missing("incidentId".to_owned(), "incident", id));
        }
        if let Some(id) = f.complaint_id.filter(|id| !complaints.contains(id)) {
            fields.push(missing("complaintId".to_owned(), "complaint", id));
        }
        push(format!("correctiveActions[{index}]"), &f.reference, fields);
    }
    problems
}

fn import_all<R: Record>(tx: &rusqlite::Connection, actor: &str, records: &[R]) -> Result<()> {
    for r in records {
        record::import(tx, actor, r)?;
    }
    Ok(())
}

/// The import checks of the three sections, against the holdings in the document: each
/// record's own rules, its links, and unique ids, references and versions.
fn check_sharing(
    holdings: &[(i64, Vec<i64>)],
    subcontractors: &[Subcontractor],
    listed_subcontractors: &HashSet<i64>,
    joint_uses: &[JointUse],
    transfers: &[Transfer],
) -> Vec<RecordError> {
    let links = Links::from_records(
        holdings
            .iter()
            .map(|(id, items)| (*id, items.iter().copied())),
        subcontractors,
    );
    let mut problems = Vec::new();
    let mut report = |section: &str, index: usize, reference: &str, fields: Vec<_>| {
        if !fields.is_empty() {
            problems.push(RecordError {
                record: format!("{section}[{index}]"),
                reference: Some(reference.to_owned()),
                fields,
            });
        }
    };
    let (mut ids, mut references) = (HashSet::new(), HashSet::new());
    for (index, tier) in subcontractors.iter().enumerate() {
        let mut checks = FieldChecks::new();
        tier.fields.collect_errors(&mut checks);
        check_subcontractor_links(&tier.fields, Some(tier.id), &links, &mut checks);
        let mut fields = checks.into_errors();
        // A parent tier that is in the document but could not be read is reported once, as
        // unreadable, not again as missing by each of its sub-tiers.
        if let Some(parent) = tier.fields.parent_id {
            if !links.tier_exists(parent) && listed_subcontractors.contains(&parent) {
                fields.retain(|f| f.field != "parentId");
            }
        }
        fields.extend(record_keys(
            tier.id,
            &tier.fields.reference,
            tier.version,
            &mut ids,
            &mut references,
        ));
        report("subcontractors", index, &tier.fields.reference, fields);
    }
    let (mut ids, mut references) = (HashSet::new(), HashSet::new());
    for (index, joint_use) in joint_uses.iter().enumerate() {
        let mut checks = FieldChecks::new();
        joint_use.collect_errors(&mut checks);
        check_joint_use_holdings(
            &joint_use.fields.holding_ids,
            |h| links.holding_exists(h),
            &mut checks,
        );
        let mut fields = checks.into_errors();
        fields.extend(record_keys(
            joint_use.id,
            &joint_use.fields.reference,
            joint_use.version,
            &mut ids,
            &mut references,
        ));
        report("jointUses", index, &joint_use.fields.reference, fields);
    }
    let (mut ids, mut references) = (HashSet::new(), HashSet::new());
    for (index, transfer) in transfers.iter().enumerate() {
        let mut checks = FieldChecks::new();
        transfer.fields.collect_errors(&mut checks);
        check_transfer_links(
            &transfer.fields,
            links.holding_exists(transfer.fields.holding_id),
            transfer
                .fields
                .subcontractor_id
                .is_none_or(|s| links.tier_exists(s) || listed_subcontractors.contains(&s)),
            &mut checks,
        );
        let mut fields = checks.into_errors();
        fields.extend(record_keys(
            transfer.id,
            &transfer.fields.reference,
            transfer.version,
            &mut ids,
            &mut references,
        ));
        report("transfers", index, &transfer.fields.reference, fields);
    }
    problems
}
