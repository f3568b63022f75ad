//! Pseudonymised information (仮名加工情報, APPI art. 2(5)) the organisation holds: information
//! about individuals processed so that it no longer identifies anyone unless collated with
//! other information, made under the standards of the PPC Rules art. 31 (art. 41(1)). The
//! register keeps what the Act makes the organisation answer for: the holdings it was made
//! from, its items, how it was made, the purposes (art. 41(3): no use beyond them; art. 41(4):
//! published, art. 21 read with "publish" for "notify or publish"), the security of the deleted
//! information and the processing method (削除情報等, art. 41(2); Rules art. 32), when it was
//! erased (art. 41(5)), and whether it is shared by joint use or entrusted (art. 41(6): the only
//! ways it may leave the organisation).

use super::provision::holding_list_errors;
use crate::error::FieldErrorCode;
use crate::validation::{tidy, tidy_list, FieldChecks, LONG_TEXT, SHORT_TEXT};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct PseudonymisedInformationInput {
    /// One line, e.g. 「レセプト分析用仮名加工データ（令和6年度）」; unique in the register.
    pub name: String,
    /// The holdings it was made from.
    #[ts(type = "Array<number>")]
    pub holding_ids: Vec<i64>,
    /// The items it contains, e.g. 仮ID, 生年月, 傷病名.
    pub items: Vec<String>,
    /// How it was made: which descriptions were deleted or replaced and how.
    pub processing_method: String,
    /// Rules art. 31(i): all or part of the descriptions that identify a specific individual
    /// deleted or replaced.
    pub identifying_descriptions_removed: bool,
    /// Rules art. 31(ii): every individual identification code deleted (or none contained).
    pub identification_codes_removed: bool,
    /// Rules art. 31(iii): descriptions that could cause financial damage if used improperly
    /// (a card number) deleted or replaced (or none contained).
    pub financial_risk_descriptions_removed: bool,
    /// The purposes of use; art. 41(3) forbids any use beyond them.
    pub purposes: Vec<String>,
    /// The day the purposes (or their latest change, art. 41(9)) were published; empty until
    /// then.
    pub purposes_published_on: Option<NaiveDate>,
    /// Where they are published, e.g. the society's website page.
    pub published_where: String,
    /// Art. 41(2), Rules art. 32: how the deleted descriptions and the processing method are
    /// kept safe (who may see them, where they are kept apart).
    pub deleted_information_security: String,
    /// Art. 41(5): the day it was erased once no longer needed.
    pub erased_on: Option<NaiveDate>,
    /// Shared by joint use (art. 41(6) applying art. 27(5)(iii)).
    pub shared_by_joint_use: bool,
    /// Handled by an entrusted party (art. 41(6) applying art. 27(5)(i)).
    pub entrusted: bool,
    /// With whom it is shared or to whom entrusted, and for joint use where the joint-use
    /// matters are published.
    pub sharing_notes: String,
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct PseudonymisedInformation {
    #[ts(type = "number")]
    pub id: i64,
    #[serde(flatten)]
    pub fields: PseudonymisedInformationInput,
    #[ts(type = "number")]
    pub version: i64,
    pub created_at: String,
    pub updated_at: String,
}

impl PseudonymisedInformation {
    /// Held but its purposes not yet published: art. 41(4) requires the publication.
    pub fn purposes_unpublished(&self) -> bool {
        self.fields.purposes_published_on.is_none() && self.fields.erased_on.is_none()
    }
}

impl PseudonymisedInformationInput {
    pub(crate) fn tidy(&mut self) {
        for value in [
            &mut self.name,
            &mut self.processing_method,
            &mut self.published_where,
            &mut self.deleted_information_security,
            &mut self.sharing_notes,
            &mut self.notes,
        ] {
            tidy(value);
        }
        tidy_list(&mut self.items);
        tidy_list(&mut self.purposes);
    }

    pub(crate) fn collect_errors(&self, checks: &mut FieldChecks) {
        checks.required("name", &self.name, SHORT_TEXT);
        holding_list_errors(&self.holding_ids, checks);
        checks.text_list("items", &self.items, true, SHORT_TEXT);
        checks.required("processingMethod", &self.processing_method, LONG_TEXT);
        // Rules art. 31 requires each of the three measures; information processed without
        // one of them is not pseudonymised information and may not be handled as such. A
        // source without card numbers or identification codes meets (ii) and (iii) by
        // containing none, which the form's hint says.
        for (field, done, step) in [
            (
                "identifyingDescriptionsRemoved",
                self.identifying_descriptions_removed,
                "(i)",
            ),
            (
                "identificationCodesRemoved",
                self.identification_codes_removed,
                "(ii)",
            ),
            (
                "financialRiskDescriptionsRemoved",
                self.financial_risk_descriptions_removed,
                "(iii)",
            ),
        ] {
            if !done {
                checks.fail_with(
                    field,
                    FieldErrorCode::Required,
                    format!(
                        "PPC Rules art. 31{step} must have been applied for the information to \
                         be pseudonymised information"
                    ),
                );
            }
        }
        checks.text_list("purposes", &self.purposes, true, LONG_TEXT);
        if let Some(published) = self.purposes_published_on {
            checks.date("purposesPublishedOn", published);
            // A publication the person cannot find is none: art. 41(4) needs a place.
            checks.required("publishedWhere", &self.published_where, SHORT_TEXT);
        } else {
            checks.max_len("publishedWhere", &self.published_where, SHORT_TEXT);
        }
        checks.required(
            "deletedInformationSecurity",
            &self.deleted_information_security,
            LONG_TEXT,
        );
        if let Some(erased) = self.erased_on {
            checks.date("erasedOn", erased);
        }
        // Art. 41(6) lets it leave the organisation only to an entrusted party or a joint user;
        // the register must say which.
        if self.shared_by_joint_use || self.entrusted {
            checks.required("sharingNotes", &self.sharing_notes, LONG_TEXT);
        } else {
            checks.max_len("sharingNotes", &self.sharing_notes, LONG_TEXT);
        }
        checks.max_len("notes", &self.notes, LONG_TEXT);
    }
}
