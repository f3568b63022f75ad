//! The published procedure for requests about retained personal data: how a person asks for
//! notification of the purpose, disclosure, correction or suspension (APPI arts. 32(2), 33–35).
//! Art. 37 and Cabinet Order art. 12 let the operator set where and how requests are made, how
//! the person or an agent is identified, and how fees are paid; art. 32(1)(iii) makes it publish
//! them, with the fees art. 38 allows (purpose notification and disclosure only, in an amount
//! reasonable against the actual cost). Where requests go is the organisation's request desk:
//! it is kept once, in the organisation profile, and printed from there.

use super::coded_enum;
use crate::error::FieldErrorCode;
use crate::validation::{tidy, tidy_list, FieldChecks, LONG_TEXT, SHORT_TEXT};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use ts_rs::TS;

/// A fee above this many yen is refused as a typing slip: art. 38(2) allows only a reasonable
/// amount against the actual cost, which for a disclosure is a few hundred or thousand yen.
pub const MAX_FEE_YEN: u32 = 100_000;

coded_enum!(
    /// How an answer to a disclosure is given (art. 33(1): an electronic record, a paper copy,
    /// or another way the operator sets, as the person asks).
    AnswerMethod {
        ElectronicRecord => "electronicRecord",
        Paper => "paper",
        InPerson => "inPerson",
    }
);

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct RequestProcedureInput {
    /// The forms and where to obtain them, e.g. 「所定の開示等請求書（当組合ウェブサイトから入手）」.
    pub forms: String,
    /// Documents accepted to identify the person, e.g. 運転免許証, マイナンバーカード (表面).
    /// The request form offers them as quick picks.
    pub identity_documents: Vec<String>,
    /// Documents accepted to identify an agent (the agent's own identity).
    pub agent_identity_documents: Vec<String>,
    /// What a legal representative must also show, e.g. 戸籍謄本 (for a parent of a minor).
    pub legal_representative_proof: String,
    /// What an appointed agent must also show, e.g. 委任状 with the person's seal certificate.
    pub appointed_agent_proof: String,
    /// Fee per disclosure request in yen (art. 38(1)); `None` when free.
    pub disclosure_fee_yen: Option<u32>,
    /// Fee per request to disclose the records of provision to third parties (art. 33(5)).
    pub provision_record_fee_yen: Option<u32>,
    /// How fees are paid, e.g. 定額小為替 enclosed with a postal request.
    pub payment_method: String,
    /// The ways answers are given, in the order offered.
    pub answer_methods: Vec<AnswerMethod>,
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct RequestProcedure {
    #[serde(flatten)]
    pub procedure: RequestProcedureInput,
    #[ts(type = "number")]
    pub version: i64,
    pub updated_at: String,
}

impl RequestProcedureInput {
    pub(crate) fn tidy(&mut self) {
        for value in [
            &mut self.forms,
            &mut self.legal_representative_proof,
            &mut self.appointed_agent_proof,
            &mut self.payment_method,
            &mut self.notes,
        ] {
            tidy(value);
        }
        tidy_list(&mut self.identity_documents);
        tidy_list(&mut self.agent_identity_documents);
    }

    pub(crate) fn collect_errors(&self, checks: &mut FieldChecks) {
        checks.required("forms", &self.forms, LONG_TEXT);
        // Art. 37(1) and Cabinet Order art. 12(iii): the published procedure says how the
        // person is identified, so at least one document must be listed.
        checks.text_list(
            "identityDocuments",
            &self.identity_documents,
            true,
            SHORT_TEXT,
        );
        checks.text_list(
            "agentIdentityDocuments",
            &self.agent_identity_documents,
            false,
            SHORT_TEXT,
        );
        checks.max_len(
            "legalRepresentativeProof",
            &self.legal_representative_proof,
            LONG_TEXT,
        );
        checks.max_len(
            "appointedAgentProof",
            &self.appointed_agent_proof,
            LONG_TEXT,
        );
        let mut charged = false;
        for (field, fee) in [
            ("disclosureFeeYen", self.disclosure_fee_yen),
            ("provisionRecordFeeYen", self.provision_record_fee_yen),
        ] {
            if let Some(fee) = fee {
                checks.range(field, i64::from(fee), 0, i64::from(MAX_FEE_YEN));
                charged |= fee > 0;
            }
        }
        // Cabinet Order art. 12(iv): a fee the person cannot find out how to pay cannot be
        // collected.
        if charged && self.payment_method.is_empty() {
            checks.fail("paymentMethod", FieldErrorCode::Required, None);
        }
        checks.max_len("paymentMethod", &self.payment_method, LONG_TEXT);
        if self.answer_methods.is_empty() {
            checks.fail("answerMethods", FieldErrorCode::Required, None);
        }
        let mut seen = HashSet::new();
        for (i, method) in self.answer_methods.iter().enumerate() {
            if !seen.insert(method) {
                checks.fail(
                    format!("answerMethods[{i}]"),
                    FieldErrorCode::Duplicate,
                    None,
                );
            }
        }
        checks.max_len("notes", &self.notes, LONG_TEXT);
    }
}
