//! Builders: one function per document, from a register snapshot to a [`PrintDocument`].
//! Adding a document means adding a builder here and a [`DocumentKind`] variant; the
//! renderers print any document.

mod announcement;
mod holdings;
mod requests;

use super::labels::{date, tr};
use super::model::{FrameLabels, Orientation, PrintDocument, Section};
use super::{DocumentKind, PrintRequest};
use crate::audit::{self, ChainHead};
use crate::error::{CoreError, FieldError, FieldErrorCode, Result};
use crate::model::complaint::Complaint;
use crate::model::holding::Holding;
use crate::model::organisation::Organisation;
use crate::model::request::RequestView;
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
}

impl Snapshot {
    pub(crate) fn read(conn: &Connection, printed_on: NaiveDate) -> Result<Snapshot> {
        let settings = crate::requests::effective_settings(conn)?;
        let mut requests = store::requests::list(conn)?
            .into_iter()
            .map(|r| crate::requests::request_view(r, &settings, printed_on))
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
        organisation,
        printed_on,
        chain_head: snapshot.chain_head.as_ref(),
    };
    match request.document {
        DocumentKind::Ledger => Ok(holdings::ledger(&page, &snapshot.holdings)),
        DocumentKind::FileRegister => holdings::file_register(&page, &snapshot.holdings),
        DocumentKind::Ropa => holdings::ropa(&page, &snapshot.holdings),
        DocumentKind::Announcement => Ok(announcement::announcement(&page, &snapshot.holdings)),
        DocumentKind::RequestLog => Ok(requests::request_log(&page, &snapshot.requests)),
        DocumentKind::ComplaintLog => Ok(requests::complaint_log(&page, &snapshot.complaints)),
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
    }
}

/// What every page of every document carries.
pub(crate) struct Page<'a> {
    pub lang: Language,
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
            printed_on: date(lang, self.printed_on),
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
            sections,
        }
    }
}

pub(crate) fn refused(field: &str, code: FieldErrorCode, message: &str) -> CoreError {
    CoreError::Validation(vec![FieldError {
        field: field.to_owned(),
        code,
        limit: None,
        message: message.to_owned(),
    }])
}
