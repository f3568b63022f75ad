//! A subcontractor (委託先): one tier of a subcontracting chain. The organisation entrusts
//! the first tier; each tier may entrust part of its work to sub-subcontractors, to any depth
//! (APPI art. 25, and art. 66(2) for public bodies). Each tier records the prior consent or
//! approval that allowed it, the subset of holding items it handles, and how it is supervised.

use super::coded_enum;
use crate::error::FieldErrorCode;
use crate::validation::{tidy, FieldChecks, LONG_TEXT, MAX_LIST, SHORT_TEXT};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use ts_rs::TS;

coded_enum!(
    /// 委託先の区分, as the seed policies list them (the health ministry's system vendors,
    /// consultancies, security companies and cloud providers; the health insurance society's
    /// checkup providers, translators and disposal companies; a nonprofit consultation desk).
    SubcontractorClass {
        SystemVendor => "systemVendor",
        CloudProvider => "cloudProvider",
        Consultancy => "consultancy",
        SecurityCompany => "securityCompany",
        CheckupProvider => "checkupProvider",
        Translator => "translator",
        PrintMail => "printMail",
        DisposalCompany => "disposalCompany",
        CallCentre => "callCentre",
        Nonprofit => "nonprofit",
        Other => "other",
    }
);

coded_enum!(
    /// The form in which a tier was approved: for the first tier the organisation's own
    /// decision, for a sub-tier the entrusting party's consent to re-entrustment.
    ApprovalForm {
        WrittenApproval => "writtenApproval",
        ElectronicApproval => "electronicApproval",
        /// Consent given in advance by a clause of the parent contract.
        ContractClause => "contractClause",
        /// 決裁: the organisation's internal approval of its own choice of entrustee.
        InternalDecision => "internalDecision",
        Oral => "oral",
    }
);

coded_enum!(
    /// How the organisation grasps the tier's handling of the data (PPC guidelines on art. 25).
    SupervisionMethod {
        OnSiteAudit => "onSiteAudit",
        WrittenReport => "writtenReport",
        Questionnaire => "questionnaire",
        /// Checking a third-party certification (PrivacyMark, ISMS) is still in force.
        CertificationCheck => "certificationCheck",
        /// A sub-tier supervised through the tier that entrusted it.
        IndirectThroughParent => "indirectThroughParent",
        Other => "other",
    }
);

/// The items of one holding entrusted to a tier: a subset of the holding's data items,
/// named by their stable ids.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct EntrustedData {
    #[ts(type = "number")]
    pub holding_id: i64,
    #[ts(type = "Array<number>")]
    pub item_ids: Vec<i64>,
}

/// The prior consent or approval for this tier: who gave it, when and in what form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct Approval {
    pub approved_by: String,
    pub approved_on: NaiveDate,
    pub form: ApprovalForm,
    /// The document that records it, e.g. 「再委託承認書 2025-07号」.
    pub note: String,
}

/// The supervision plan of a tier and what the last check found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct Supervision {
    pub method: SupervisionMethod,
    pub frequency_months: u32,
    pub last_check: Option<NaiveDate>,
    pub next_check: Option<NaiveDate>,
    pub findings: String,
}

/// What a user enters for a tier. The reference may be left empty on creation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct SubcontractorInput {
    /// Assigned as `SC-0001`, `SC-0002`, … when left empty.
    pub reference: String,
    /// The tier that entrusted this one; `None` when the organisation entrusted it directly.
    #[ts(type = "number | null")]
    pub parent_id: Option<i64>,
    pub name: String,
    pub address: String,
    pub representative: String,
    /// ISO 3166-1 alpha-2 code, e.g. `JP`, `US`.
    pub country: String,
    pub classification: SubcontractorClass,
    /// Names the class when `classification` is `other`.
    pub classification_note: String,
    /// The work entrusted, e.g. 「特定健診の実施と結果データの作成」.
    pub work_description: String,
    pub entrusted: Vec<EntrustedData>,
    pub contract_reference: String,
    /// The contract's personal-information clauses (安全管理措置, 再委託の条件, 事故時の報告…).
    pub contract_clauses: String,
    pub approval: Option<Approval>,
    pub supervision: Supervision,
    /// When the subcontractor notified the organisation of an incident; `None` if it never has.
    pub incident_notified_on: Option<NaiveDate>,
    pub incident_note: String,
    pub notes: String,
}

/// A stored tier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct Subcontractor {
    #[ts(type = "number")]
    pub id: i64,
    #[serde(flatten)]
    pub fields: SubcontractorInput,
    #[ts(type = "number")]
    pub version: i64,
    pub created_at: String,
    pub updated_at: String,
}

/// True for a two-letter upper-case code; whether the code is assigned is not checked, so
/// that a country added to ISO 3166 later is not refused.
pub(crate) fn is_country_code(code: &str) -> bool {
    code.len() == 2 && code.chars().all(|c| c.is_ascii_uppercase())
}

impl SubcontractorInput {
    pub(crate) fn tidy(&mut self) {
        for value in [
            &mut self.reference,
            &mut self.name,
            &mut self.address,
            &mut self.representative,
            &mut self.classification_note,
            &mut self.work_description,
            &mut self.contract_reference,
            &mut self.contract_clauses,
            &mut self.incident_note,
            &mut self.notes,
            &mut self.supervision.findings,
        ] {
            tidy(value);
        }
        self.country = self.country.trim().to_ascii_uppercase();
        if let Some(approval) = &mut self.approval {
            tidy(&mut approval.approved_by);
            tidy(&mut approval.note);
        }
    }

    /// Every rule a tier must satisfy on its own; the links (holdings, items, parent) are
    /// checked against the register or the import document by the caller.
    pub(crate) fn collect_errors(&self, checks: &mut FieldChecks) {
        checks.max_len("reference", &self.reference, 40);
        checks.required("name", &self.name, SHORT_TEXT);
        checks.max_len("address", &self.address, LONG_TEXT);
        checks.max_len("representative", &self.representative, SHORT_TEXT);
        if self.country.is_empty() {
            checks.fail("country", FieldErrorCode::Required, None);
        } else if !is_country_code(&self.country) {
            checks.fail_with(
                "country",
                FieldErrorCode::Malformed,
                "country must be a two-letter ISO 3166 code such as JP or US",
            );
        }
        if self.classification == SubcontractorClass::Other && self.classification_note.is_empty() {
            checks.fail("classificationNote", FieldErrorCode::NeedsNote, None);
        }
        checks.max_len("classificationNote", &self.classification_note, SHORT_TEXT);
        checks.max_len("workDescription", &self.work_description, LONG_TEXT);
        if self.entrusted.len() > MAX_LIST {
            checks.fail("entrusted", FieldErrorCode::TooMany, Some(MAX_LIST as i64));
        }
        let mut holdings = HashSet::new();
        for (i, entrusted) in self.entrusted.iter().enumerate() {
            if !holdings.insert(entrusted.holding_id) {
                checks.fail(
                    format!("entrusted[{i}].holdingId"),
                    FieldErrorCode::Duplicate,
                    None,
                );
            }
            if entrusted.item_ids.is_empty() {
                checks.fail_with(
                    format!("entrusted[{i}].itemIds"),
                    FieldErrorCode::Required,
                    "name at least one data item entrusted from this holding",
                );
            }
            let mut items = HashSet::new();
            for (j, item) in entrusted.item_ids.iter().enumerate() {
                if !items.insert(item) {
                    checks.fail(
                        format!("entrusted[{i}].itemIds[{j}]"),
                        FieldErrorCode::Duplicate,
                        None,
                    );
                }
            }
        }
        checks.max_len("contractReference", &self.contract_reference, SHORT_TEXT);
        checks.max_len("contractClauses", &self.contract_clauses, LONG_TEXT);
        if let Some(approval) = &self.approval {
            checks.required("approval.approvedBy", &approval.approved_by, SHORT_TEXT);
            checks.date("approval.approvedOn", approval.approved_on);
            checks.max_len("approval.note", &approval.note, LONG_TEXT);
        }
        let supervision = &self.supervision;
        checks.range(
            "supervision.frequencyMonths",
            i64::from(supervision.frequency_months),
            1,
            60,
        );
        if supervision.method == SupervisionMethod::Other && supervision.findings.is_empty() {
            checks.fail_with(
                "supervision.findings",
                FieldErrorCode::NeedsNote,
                "describe the supervision method in the findings when it is \"other\"",
            );
        }
        if let Some(last) = supervision.last_check {
            checks.date("supervision.lastCheck", last);
        }
        if let Some(next) = supervision.next_check {
            checks.date("supervision.nextCheck", next);
        }
        if let (Some(last), Some(next)) = (supervision.last_check, supervision.next_check) {
            if next <= last {
                checks.date_order(
                    "supervision.nextCheck",
                    "supervision.lastCheck",
                    format!("the next check ({next}) must come after the last one ({last})"),
                );
            }
        }
        checks.max_len("supervision.findings", &supervision.findings, LONG_TEXT);
        if let Some(on) = self.incident_notified_on {
            checks.date("incidentNotifiedOn", on);
        }
        checks.max_len("incidentNote", &self.incident_note, LONG_TEXT);
        checks.max_len("notes", &self.notes, LONG_TEXT);
    }

    /// Every holding item this tier handles.
    pub fn item_ids(&self) -> impl Iterator<Item = i64> + '_ {
        self.entrusted
            .iter()
            .flat_map(|e| e.item_ids.iter().copied())
    }
}
