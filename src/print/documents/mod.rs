//! Builders: one function per document, from a register snapshot to a [`PrintDocument`].
//! Adding a document means adding a builder here and a [`DocumentKind`] variant; the
//! renderers print any document.

mod announcement;
mod holdings;
mod incidents;
mod logs;
mod management;
mod provisions;
mod requests;
mod sharing;

use super::labels::{self, date, tr};
use super::model::{FrameLabels, Orientation, PrintDocument, Section};
use super::{DocumentKind, PrintRequest};
use crate::audit::{self, ChainHead};
use crate::breach::draft::{DraftKind, IncidentDraft};
use crate::error::{CoreError, FieldError, FieldErrorCode, Result};
use crate::model::anonymised::AnonymisedInformation;
use crate::model::complaint::Complaint;
use crate::model::consent_matter::ConsentMatter;
use crate::model::disposal::Disposal;
use crate::model::era::DateStyle;
use crate::model::holding::Holding;
use crate::model::joint_use::JointUse;
use crate::model::measure::Measure;
use crate::model::objection::Objection;
use crate::model::organisation::Organisation;
use crate::model::provision::{
    ProvisionDirection, ProvisionRecord, ProvisionRecordView, Recipient,
};
use crate::model::pseudonymised::PseudonymisedInformation;
use crate::model::request::RequestView;
use crate::model::request_procedure::RequestProcedure;
use crate::model::transfer::Transfer;
use crate::register::sharing::SubcontractorNode;
use crate::store;
use crate::Language;
use chrono::NaiveDate;
use rusqlite::Connection;

/// Everything a document may print, read under one lock so that the records and the chain
/// head printed beside them belong to the same register state.
pub(crate) struct Snapshot {
    pub organisation: Option<Organisation>,
    pub chain_head: Option<ChainHead>,
    pub holdings: Vec<Holding>,
    /// Oldest first, as a log reads.
    pub requests: Vec<RequestView>,
    pub complaints: Vec<Complaint>,
    pub recipients: Vec<Recipient>,
    /// In the register's order; the log sorts them by date.
    pub disposals: Vec<Disposal>,
    pub objections: Vec<Objection>,
    /// In the register's order, with retention as of the print date.
    pub provision_records: Vec<ProvisionRecordView>,
    pub measures: Vec<Measure>,
    /// In the order published.
    pub consent_matters: Vec<ConsentMatter>,
    pub request_procedure: Option<RequestProcedure>,
    /// By name.
    pub pseudonymised: Vec<PseudonymisedInformation>,
    /// Newest production first.
    pub anonymised: Vec<AnonymisedInformation>,
    /// In tree order, flagged as of the print date.
    pub subcontractors: Vec<SubcontractorNode>,
    pub joint_uses: Vec<JointUse>,
    pub transfers: Vec<Transfer>,
    /// The breach draft asked for, built under the same lock.
    pub incident_draft: Option<IncidentDraft>,
    /// Whether the organisation writes dates with the era ([`crate::Register::era_dates`]).
    pub era_dates: bool,
    /// The management system (issue 17), in the register's orders.
    pub risk_assessments: Vec<crate::model::risk_assessment::RiskAssessment>,
    pub training_courses: Vec<crate::model::training::TrainingCourse>,
    pub training_sessions: Vec<crate::model::training::TrainingSession>,
    pub internal_audits: Vec<crate::model::internal_audit::InternalAudit>,
    /// With their status as of the print date.
    pub corrective_actions: Vec<crate::model::corrective_action::CorrectiveActionView>,
    pub management_reviews: Vec<crate::model::management_review::ManagementReview>,
}

impl Snapshot {
    pub(crate) fn read(
        conn: &Connection,
        request: &PrintRequest,
        printed_on: NaiveDate,
    ) -> Result<Snapshot> {
        let settings = crate::register::organisation::effective_settings(conn)?;
        let mut requests = store::requests::list(conn)?
            .into_iter()
            .map(|r| crate::register::requests::request_view(r, &settings, printed_on))
            .collect::<Result<Vec<_>>>()?;
        requests.sort_by_key(|v| (v.request.fields.received_on, v.request.id));
        let mut complaints = store::complaints::list(conn)?;
        complaints.sort_by_key(|c| (c.fields.received_on, c.id));
        Ok(Snapshot {
            organisation: store::organisation::get(conn)?,
            chain_head: audit::head(conn)?,
            holdings: store::holdings::list(conn)?,
            requests,
            complaints,
            recipients: store::sections::list::<Recipient>(conn)?,
            disposals: store::sections::list::<Disposal>(conn)?,
            objections: store::sections::list::<Objection>(conn)?,
            provision_records: store::sections::list::<ProvisionRecord>(conn)?
                .into_iter()
                .map(|r| crate::register::controls::provision_view(r, printed_on))
                .collect(),
            measures: store::sections::list::<Measure>(conn)?,
            consent_matters: store::sections::list::<ConsentMatter>(conn)?,
            request_procedure: store::request_procedure::get(conn)?,
            pseudonymised: store::sections::list::<PseudonymisedInformation>(conn)?,
            anonymised: store::anonymised::list(conn)?,
            subcontractors: crate::register::sharing::subcontractor_nodes(conn, printed_on)?,
            joint_uses: store::joint_uses::list(conn)?,
            transfers: store::transfers::list(conn)?,
            incident_draft: incident_draft(conn, request)?,
            era_dates: crate::register::organisation::era_dates_in(conn)?,
            risk_assessments: store::sections::list(conn)?,
            training_courses: store::sections::list(conn)?,
            training_sessions: store::sections::list(conn)?,
            internal_audits: store::sections::list(conn)?,
            corrective_actions: store::sections::list(conn)?
                .into_iter()
                .map(|a| crate::register::management::action_view(conn, a, printed_on))
                .collect::<Result<Vec<_>>>()?,
            management_reviews: store::sections::list(conn)?,
        })
    }
}

pub(crate) fn build(
    snapshot: &Snapshot,
    request: &PrintRequest,
    printed_on: NaiveDate,
) -> Result<PrintDocument> {
    let organisation = snapshot.organisation.as_ref().ok_or_else(|| {
        refused(
            "organisation",
            FieldErrorCode::Required,
            "a printed document names its organisation: enter the organisation profile first",
        )
    })?;
    let page = Page {
        lang: request.language,
        dates: labels::date_style(request.language, snapshot.era_dates),
        organisation,
        printed_on,
        chain_head: snapshot.chain_head.as_ref(),
    };
    match request.document {
        DocumentKind::Ledger => Ok(holdings::ledger(&page, snapshot)),
        DocumentKind::FileRegister => holdings::file_register(&page, &snapshot.holdings),
        DocumentKind::Ropa => holdings::ropa(&page, snapshot),
        DocumentKind::Announcement => Ok(announcement::announcement(
            &page,
            &snapshot.holdings,
            &snapshot.measures,
            &snapshot.consent_matters,
            snapshot.request_procedure.as_ref(),
            &snapshot.pseudonymised,
            &snapshot.anonymised,
        )),
        DocumentKind::RequestLog => Ok(requests::request_log(&page, &snapshot.requests)),
        DocumentKind::ComplaintLog => Ok(requests::complaint_log(&page, &snapshot.complaints)),
        DocumentKind::RiskAssessments => Ok(management::risk_assessments(
            &page,
            &snapshot.risk_assessments,
            &snapshot.holdings,
            &snapshot.measures,
        )),
        DocumentKind::TrainingRecord => Ok(management::training_record(
            &page,
            &snapshot.training_courses,
            &snapshot.training_sessions,
        )),
        DocumentKind::AuditReport => Ok(management::audit_report(&page, &snapshot.internal_audits)),
        DocumentKind::CorrectiveActions => Ok(management::corrective_actions(
            &page,
            &snapshot.corrective_actions,
        )),
        DocumentKind::ReviewMinutes => Ok(management::review_minutes(
            &page,
            &snapshot.management_reviews,
        )),
        DocumentKind::DecisionNotice => {
            let id = request.request_id.ok_or_else(|| {
                refused(
                    "requestId",
                    FieldErrorCode::Required,
                    "a decision notice is printed for one request: choose the request",
                )
            })?;
            let view = snapshot
                .requests
                .iter()
                .find(|v| v.request.id == id)
                .ok_or_else(|| CoreError::NotFound {
                    entity: "request",
                    id: id.to_string(),
                })?;
            requests::decision_notice(&page, view, &snapshot.holdings)
        }
        DocumentKind::ProvisionRecords => Ok(provisions::register(
            &page,
            ProvisionDirection::Provided,
            &snapshot.provision_records,
            &snapshot.holdings,
        )),
        DocumentKind::ReceiptRecords => Ok(provisions::register(
            &page,
            ProvisionDirection::Received,
            &snapshot.provision_records,
            &snapshot.holdings,
        )),
        DocumentKind::ProvisionExtract => {
            let person = request
                .person
                .as_deref()
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .ok_or_else(|| {
                    refused(
                        "person",
                        FieldErrorCode::Required,
                        "an extract is printed for one person: give the name or number the records use",
                    )
                })?;
            Ok(provisions::extract(
                &page,
                person,
                &snapshot.provision_records,
            ))
        }
        DocumentKind::JointUseNotice => {
            let id = request.joint_use_id.ok_or_else(|| {
                refused(
                    "jointUseId",
                    FieldErrorCode::Required,
                    "a joint-use notice is printed for one arrangement: choose the arrangement",
                )
            })?;
            let joint_use = snapshot
                .joint_uses
                .iter()
                .find(|j| j.id == id)
                .ok_or_else(|| CoreError::NotFound {
                    entity: "joint use",
                    id: id.to_string(),
                })?;
            sharing::joint_use_notice(&page, joint_use, request.edition)
        }
        DocumentKind::DisposalLog => Ok(logs::disposal_log(
            &page,
            &snapshot.disposals,
            &snapshot.holdings,
        )),
        DocumentKind::ObjectionLog => Ok(logs::objection_log(
            &page,
            &snapshot.objections,
            &snapshot.consent_matters,
            &snapshot.holdings,
        )),
        DocumentKind::RecipientList => Ok(logs::recipient_list(
            &page,
            &snapshot.recipients,
            &snapshot.holdings,
        )),
        DocumentKind::SubcontractorRegister => Ok(sharing::subcontractor_register(
            &page,
            &snapshot.subcontractors,
            &snapshot.holdings,
        )),
        DocumentKind::BreachReport | DocumentKind::BreachNotice => {
            let draft = snapshot.incident_draft.as_ref().ok_or_else(|| {
                refused(
                    "incidentId",
                    FieldErrorCode::Required,
                    "a breach report or notice is printed for one incident: choose the incident",
                )
            })?;
            Ok(incidents::draft_document(&page, draft))
        }
    }
}

/// The report or notice a breach document prints, in the document's language; `None` for
/// other documents and when no incident is named (refused with the field named by `build`).
fn incident_draft(conn: &Connection, request: &PrintRequest) -> Result<Option<IncidentDraft>> {
    let kind = match request.document {
        DocumentKind::BreachReport => DraftKind::Report,
        DocumentKind::BreachNotice => DraftKind::Notice,
        _ => return Ok(None),
    };
    let Some(id) = request.incident_id else {
        return Ok(None);
    };
    crate::register::incidents::draft_in(conn, id, kind, request.language).map(Some)
}

/// What every page of every document carries.
pub(crate) struct Page<'a> {
    pub lang: Language,
    /// How dates are written: the organisation's era setting in Japanese, 1 April 2026 in
    /// English.
    pub dates: DateStyle,
    pub organisation: &'a Organisation,
    pub printed_on: NaiveDate,
    pub chain_head: Option<&'a ChainHead>,
}

impl Page<'_> {
    pub fn tr(&self, ja: &str, en: &str) -> String {
        tr(self.lang, ja, en)
    }

    /// The common frame; the builder fills in the sections.
    pub fn document(
        &self,
        title: String,
        basis: String,
        orientation: Orientation,
        text_size: f32,
        sections: Vec<Section>,
    ) -> PrintDocument {
        let lang = self.lang;
        PrintDocument {
            lang: lang.code().to_owned(),
            title,
            basis,
            orientation,
            text_size,
            organisation: self.organisation.profile.name.clone(),
            printed_on: date(self.dates, self.printed_on),
            printed_date: self.printed_on,
            chain_head: match self.chain_head {
                Some(head) => format!("#{} {}", head.seq, head.hash),
                None => tr(lang, "（変更履歴なし）", "(no history yet)"),
            },
            labels: FrameLabels {
                organisation: tr(lang, "作成者", "Organisation"),
                printed_on: tr(lang, "出力日", "Printed"),
                chain_head: tr(lang, "監査証跡", "Audit chain head"),
                page: tr(lang, "頁", "Page"),
            },
            letter: None,
            tagged: false,
            sections,
        }
    }
}

pub(crate) fn refused(field: &str, code: FieldErrorCode, message: &str) -> CoreError {
    CoreError::Validation(vec![FieldError {
        field: field.to_owned(),
        code,
        limit: None,
        other: None,
        message: message.to_owned(),
    }])
}

/// One officer as printed beside their role: the name, then the contact in brackets.
fn officer_line(page: &Page<'_>, officer: &crate::model::organisation::Officer) -> String {
    if officer.contact.is_empty() {
        officer.name.clone()
    } else {
        format!(
            "{}{}",
            officer.name,
            labels::bracket(page.lang, &officer.contact)
        )
    }
}
