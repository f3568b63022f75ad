//! Printed registers: the statutory documents in Japanese and English, as PDF, XLSX and CSV.
//!
//! The pipeline has three stages with one boundary each:
//! 1. [`Register::print_document`] reads one consistent snapshot of the register and a
//!    builder in [`documents`] turns it into a [`PrintDocument`]: a title, a page frame and a
//!    list of sections (tables, label/value fields, text), all wording already in the chosen
//!    language.
//! 2. [`pdf`] typesets any `PrintDocument` with Typst used as a library: one embedded
//!    template reads the document as JSON data, so user text is never parsed as markup.
//! 3. [`sheet`] writes the document's tables as XLSX or CSV.
//!
//! A new document is a new [`DocumentKind`] and a builder; the renderers need no change.

pub mod documents;
pub(crate) mod labels;
pub mod model;
pub mod pdf;
pub mod sheet;

use crate::error::{CoreError, FieldError, FieldErrorCode, Result};
use crate::{Language, Register};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use model::PrintDocument;
pub use pdf::Fonts;

/// The documents Daicho prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum DocumentKind {
    /// 個人情報管理台帳 (JIS Q 15001 A.3.3.1): every holding with the §3.2 columns.
    Ledger,
    /// 個人情報ファイル簿 (APPI art. 75): public bodies only; files of 1,000 persons or more
    /// that are not exempt, with art. 75(3) withholdings honoured.
    FileRegister,
    /// 保有個人データに関する事項の公表 (APPI art. 32; Cabinet Order art. 10).
    Announcement,
    /// 開示等の請求の処理記録: every request with its deadline and decision.
    RequestLog,
    /// 苦情の処理記録: every complaint with its actions and resolution.
    ComplaintLog,
    /// 開示決定等通知書: the decision on one request, as sent to the requester.
    DecisionNotice,
    /// GDPR Art. 30(1) record of processing activities.
    Ropa,
    /// 第三者提供記録簿 (APPI art. 29): every record of a provision to a third party.
    ProvisionRecords,
    /// 確認記録簿 (APPI art. 30): every record of a receipt from a third party.
    ReceiptRecords,
    /// The provision and receipt records about one person, for disclosure under art. 33(5).
    ProvisionExtract,
    /// 共同利用に関する公表文 (art. 27(5)(iii)): the five items of one arrangement, as published.
    JointUseNotice,
    /// 委託先管理台帳: every tier of the subcontracting tree with its consent and supervision.
    SubcontractorRegister,
    /// 廃棄記録: every disposal of personal information, oldest first.
    DisposalLog,
    /// 異議の申出の記録: every objection to a matter treated as consented to.
    ObjectionLog,
    /// 経常的提供先一覧: the regular recipients with their bases.
    RecipientList,
    /// 漏えい等報告 (art. 26(1); PPC Rules art. 8): the nine items of the report, as a draft.
    BreachReport,
    /// 本人への通知 (art. 26(2); PPC Rules art. 10): the notice to the persons affected.
    BreachNotice,
    /// リスクアセスメント表 (JIS Q 15001 A.3.3.3): every risk of every assessment.
    RiskAssessments,
    /// 教育実施記録 (A.3.4.5): every session with its attendees.
    TrainingRecord,
    /// 内部監査報告書 (9.2, A.3.7.2): every audit with its findings.
    AuditReport,
    /// 是正処置一覧 (10.1, A.3.8).
    CorrectiveActions,
    /// マネジメントレビュー議事録 (9.3, A.3.9).
    ReviewMinutes,
}

impl DocumentKind {
    pub const ALL: [DocumentKind; 22] = [
        DocumentKind::Ledger,
        DocumentKind::FileRegister,
        DocumentKind::Announcement,
        DocumentKind::RequestLog,
        DocumentKind::ComplaintLog,
        DocumentKind::DecisionNotice,
        DocumentKind::Ropa,
        DocumentKind::ProvisionRecords,
        DocumentKind::ReceiptRecords,
        DocumentKind::ProvisionExtract,
        DocumentKind::JointUseNotice,
        DocumentKind::SubcontractorRegister,
        DocumentKind::DisposalLog,
        DocumentKind::ObjectionLog,
        DocumentKind::RecipientList,
        DocumentKind::BreachReport,
        DocumentKind::BreachNotice,
        DocumentKind::RiskAssessments,
        DocumentKind::TrainingRecord,
        DocumentKind::AuditReport,
        DocumentKind::CorrectiveActions,
        DocumentKind::ReviewMinutes,
    ];

    /// The name used on the command line and in default file names.
    pub fn slug(self) -> &'static str {
        match self {
            DocumentKind::Ledger => "ledger",
            DocumentKind::FileRegister => "file-register",
            DocumentKind::Announcement => "announcement",
            DocumentKind::RequestLog => "request-log",
            DocumentKind::ComplaintLog => "complaint-log",
            DocumentKind::DecisionNotice => "decision-notice",
            DocumentKind::Ropa => "ropa",
            DocumentKind::ProvisionRecords => "provision-records",
            DocumentKind::ReceiptRecords => "receipt-records",
            DocumentKind::ProvisionExtract => "provision-extract",
            DocumentKind::JointUseNotice => "joint-use-notice",
            DocumentKind::SubcontractorRegister => "subcontractor-register",
            DocumentKind::DisposalLog => "disposal-log",
            DocumentKind::ObjectionLog => "objection-log",
            DocumentKind::RecipientList => "recipient-list",
            DocumentKind::BreachReport => "breach-report",
            DocumentKind::BreachNotice => "breach-notice",
            DocumentKind::RiskAssessments => "risk-assessments",
            DocumentKind::TrainingRecord => "training-record",
            DocumentKind::AuditReport => "audit-report",
            DocumentKind::CorrectiveActions => "corrective-actions",
            DocumentKind::ReviewMinutes => "review-minutes",
        }
    }

    /// Documents handed to the public or to a person, rather than kept on file: they print
    /// as tagged PDF so that a screen reader can follow them.
    pub fn is_handed_out(self) -> bool {
        matches!(
            self,
            DocumentKind::Announcement
                | DocumentKind::FileRegister
                | DocumentKind::JointUseNotice
                | DocumentKind::DecisionNotice
                | DocumentKind::ProvisionExtract
                | DocumentKind::BreachNotice
        )
    }

    /// Lists print as XLSX and CSV too; letters and notices only as PDF.
    pub fn is_list(self) -> bool {
        !matches!(
            self,
            DocumentKind::Announcement
                | DocumentKind::DecisionNotice
                | DocumentKind::JointUseNotice
                | DocumentKind::BreachReport
                | DocumentKind::BreachNotice
        )
    }

    pub fn formats(self) -> &'static [PrintFormat] {
        if self.is_list() {
            &[PrintFormat::Pdf, PrintFormat::Xlsx, PrintFormat::Csv]
        } else {
            &[PrintFormat::Pdf]
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum PrintFormat {
    Pdf,
    Xlsx,
    Csv,
}

impl PrintFormat {
    pub fn extension(self) -> &'static str {
        match self {
            PrintFormat::Pdf => "pdf",
            PrintFormat::Xlsx => "xlsx",
            PrintFormat::Csv => "csv",
        }
    }
}

/// What to print.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct PrintRequest {
    pub document: DocumentKind,
    pub language: Language,
    pub format: PrintFormat,
    /// The request a decision notice is for; ignored by other documents.
    #[ts(type = "number | null")]
    #[serde(default)]
    pub request_id: Option<i64>,
    /// The person an extract of provision records is for, as the records name them (a name,
    /// a member number); read only by the extract.
    #[serde(default)]
    pub person: Option<String>,
    /// The incident a breach report or notice is for.
    #[ts(type = "number | null")]
    #[serde(default)]
    pub incident_id: Option<i64>,
    /// The joint-use arrangement a notice is for.
    #[ts(type = "number | null")]
    #[serde(default)]
    pub joint_use_id: Option<i64>,
    /// An earlier edition of the joint-use notice; the current one when empty.
    #[ts(type = "number | null")]
    #[serde(default)]
    pub edition: Option<i64>,
}

/// How far a print has got; long documents report each stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum PrintStage {
    /// Reading the register and building the document.
    Reading,
    /// Loading the fonts (once per process).
    Fonts,
    /// Typesetting the pages.
    Typesetting,
    /// Writing the PDF, XLSX or CSV bytes.
    Encoding,
    /// Saving the file.
    Saving,
    Done,
}

/// A printed file, as the print screen reports it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PrintedFile {
    pub path: String,
    #[ts(type = "number")]
    pub bytes: u64,
    #[ts(type = "number")]
    pub millis: u64,
}

/// A document as the print screen offers it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PrintableDocument {
    pub document: DocumentKind,
    pub formats: Vec<PrintFormat>,
    /// The record the document is printed for, when it is printed for one.
    pub parameter: Option<PrintParameter>,
    /// Why the document cannot be printed for this register now; `None` when it can.
    pub unavailable: Option<Unavailable>,
}

/// What the print screen must ask for before a document can be printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum PrintParameter {
    /// A decided request (`requestId`).
    Request,
    /// A person as the provision records name them (`person`).
    Person,
    /// An incident (`incidentId`).
    Incident,
    /// A joint-use arrangement (`jointUseId`, optionally `edition`).
    JointUse,
}

impl DocumentKind {
    pub fn parameter(self) -> Option<PrintParameter> {
        match self {
            DocumentKind::DecisionNotice => Some(PrintParameter::Request),
            DocumentKind::ProvisionExtract => Some(PrintParameter::Person),
            DocumentKind::BreachReport | DocumentKind::BreachNotice => {
                Some(PrintParameter::Incident)
            }
            DocumentKind::JointUseNotice => Some(PrintParameter::JointUse),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum Unavailable {
    /// No organisation profile yet.
    NoOrganisation,
    /// The file register is kept by public bodies only.
    NotPublicBody,
    /// The Art. 30 record is for organisations that answer to the GDPR.
    NoGdpr,
    /// No request has a decision yet.
    NoDecidedRequest,
    /// No incident is recorded.
    NoIncident,
    /// No joint-use arrangement is recorded.
    NoJointUse,
}

/// Every document, with the formats it prints in and whether this register can print it.
pub fn printable_documents(register: &Register) -> Result<Vec<PrintableDocument>> {
    let organisation = register.organisation()?;
    let (decided, incidents, joint_uses) = register.read_all(|conn| {
        Ok((
            crate::store::requests::list(conn)?
                .iter()
                .any(|r| r.decision.is_some()),
            !crate::store::incidents::list(conn)?.is_empty(),
            !crate::store::joint_uses::list(conn)?.is_empty(),
        ))
    })?;
    Ok(DocumentKind::ALL
        .into_iter()
        .map(|document| {
            let unavailable = match (&organisation, document) {
                (None, _) => Some(Unavailable::NoOrganisation),
                (Some(o), DocumentKind::FileRegister) if !o.profile.regime.is_public_body() => {
                    Some(Unavailable::NotPublicBody)
                }
                (Some(o), DocumentKind::Ropa)
                    if !(o.profile.gdpr_applies
                        || o.profile.regime
                            == crate::model::organisation::Regime::GdprController) =>
                {
                    Some(Unavailable::NoGdpr)
                }
                (Some(_), DocumentKind::DecisionNotice) if !decided => {
                    Some(Unavailable::NoDecidedRequest)
                }
                (Some(_), DocumentKind::BreachReport | DocumentKind::BreachNotice)
                    if !incidents =>
                {
                    Some(Unavailable::NoIncident)
                }
                (Some(_), DocumentKind::JointUseNotice) if !joint_uses => {
                    Some(Unavailable::NoJointUse)
                }
                _ => None,
            };
            PrintableDocument {
                document,
                formats: document.formats().to_vec(),
                parameter: document.parameter(),
                unavailable,
            }
        })
        .collect())
}

/// Builds the document from one consistent snapshot of the register. `printed_on` is the
/// date printed on it; with the same register state it fixes the output completely.
pub fn build_document(
    register: &Register,
    request: &PrintRequest,
    printed_on: NaiveDate,
) -> Result<PrintDocument> {
    let snapshot =
        register.read_all(|conn| documents::Snapshot::read(conn, request, printed_on))?;
    let mut document = documents::build(&snapshot, request, printed_on)?;
    document.tagged = request.document.is_handed_out();
    Ok(document)
}

/// Prints a document to bytes in the requested format. Identical register state and
/// `printed_on` give identical bytes.
pub fn print(
    register: &Register,
    request: &PrintRequest,
    printed_on: NaiveDate,
    progress: &mut dyn FnMut(PrintStage),
) -> Result<Vec<u8>> {
    check_format(request)?;
    progress(PrintStage::Reading);
    let document = build_document(register, request, printed_on)?;
    render(&document, request.format, progress)
}

/// [`print`], then writes the file atomically (a temporary file renamed
/// over the target), so an interrupted print never leaves a truncated file.
pub fn print_to_file(
    register: &Register,
    request: &PrintRequest,
    printed_on: NaiveDate,
    out: &std::path::Path,
    progress: &mut dyn FnMut(PrintStage),
) -> Result<()> {
    let bytes = print(register, request, printed_on, progress)?;
    progress(PrintStage::Saving);
    crate::document::write_atomically(out, &bytes)?;
    progress(PrintStage::Done);
    Ok(())
}

/// Renders a built document in `format`.
pub fn render(
    document: &PrintDocument,
    format: PrintFormat,
    progress: &mut dyn FnMut(PrintStage),
) -> Result<Vec<u8>> {
    match format {
        PrintFormat::Pdf => {
            progress(PrintStage::Fonts);
            let fonts = Fonts::shared()?;
            pdf::render(document, fonts, progress)
        }
        PrintFormat::Xlsx => {
            progress(PrintStage::Encoding);
            sheet::xlsx(document)
        }
        PrintFormat::Csv => {
            progress(PrintStage::Encoding);
            sheet::csv(document)
        }
    }
}

fn check_format(request: &PrintRequest) -> Result<()> {
    if request.document.formats().contains(&request.format) {
        Ok(())
    } else {
        Err(CoreError::Validation(vec![FieldError {
            field: "format".to_owned(),
            code: FieldErrorCode::Malformed,
            limit: None,
            other: None,
            message: format!(
                "the {} is not a list and prints only as PDF",
                request.document.slug()
            ),
        }]))
    }
}
