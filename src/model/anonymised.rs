//! Anonymised information (匿名加工情報, APPI art. 2(6)) the organisation produced: information
//! about individuals processed so that no one can be identified and the original cannot be
//! restored, made under the standards of the PPC Rules art. 34 (art. 43(1)). The register keeps
//! what arts. 43 and 44 make the organisation answer for: the holdings it was made from, the
//! items of information about individuals it contains and when and where they were published
//! (art. 43(3), Rules art. 36: without delay after producing it), the security of the
//! processing method (art. 43(2), Rules art. 35), and each provision to a third party with the
//! advance publication of its items and method and the statement to the recipient that the
//! information is anonymised information (art. 43(4), Rules art. 37).

use super::provision::holding_list_errors;
use crate::error::FieldErrorCode;
use crate::validation::{tidy, tidy_list, FieldChecks, LONG_TEXT, MAX_LIST, SHORT_TEXT};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One provision of the information to a third party (art. 43(4)).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct AnonymisedProvision {
    /// Who received it, e.g. a university research group.
    pub recipient: String,
    pub provided_on: NaiveDate,
    /// How it was provided, e.g. 暗号化した電子ファイルを送付.
    pub method: String,
    /// The day the items and the method of provision were published, which art. 43(4) puts
    /// before the provision.
    pub published_on: NaiveDate,
    /// The recipient was told explicitly that the information is anonymised information
    /// (art. 43(4); Rules art. 37(2)).
    pub stated_to_recipient: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct AnonymisedInformationInput {
    /// One line, e.g. 「医療費分析用匿名加工データ（令和6年度）」; unique in the register.
    pub name: String,
    /// The holdings it was made from.
    #[ts(type = "Array<number>")]
    pub holding_ids: Vec<i64>,
    /// The items of information about individuals it contains: what art. 43(3) publishes.
    pub items: Vec<String>,
    pub produced_on: NaiveDate,
    /// The day the items were published; empty until then, which the screens flag.
    pub items_published_on: Option<NaiveDate>,
    /// Where, e.g. the society's website page (Rules art. 36(1): the internet or another
    /// appropriate method).
    pub published_where: String,
    /// Art. 43(2), Rules art. 35: how the processing method is kept safe, so the information
    /// cannot be restored.
    pub processing_security: String,
    /// Each provision to a third party, in the order they were made.
    pub provisions: Vec<AnonymisedProvision>,
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct AnonymisedInformation {
    #[ts(type = "number")]
    pub id: i64,
    #[serde(flatten)]
    pub fields: AnonymisedInformationInput,
    #[ts(type = "number")]
    pub version: i64,
    pub created_at: String,
    pub updated_at: String,
}

impl AnonymisedInformation {
    /// Produced but its items not yet published: art. 43(3) wants that without delay.
    pub fn items_unpublished(&self) -> bool {
        self.fields.items_published_on.is_none()
    }
}

impl AnonymisedInformationInput {
    pub(crate) fn tidy(&mut self) {
        for value in [
            &mut self.name,
            &mut self.published_where,
            &mut self.processing_security,
            &mut self.notes,
        ] {
            tidy(value);
        }
        tidy_list(&mut self.items);
        for provision in &mut self.provisions {
            tidy(&mut provision.recipient);
            tidy(&mut provision.method);
        }
    }

    pub(crate) fn collect_errors(&self, checks: &mut FieldChecks) {
        checks.required("name", &self.name, SHORT_TEXT);
        holding_list_errors(&self.holding_ids, checks);
        checks.text_list("items", &self.items, true, SHORT_TEXT);
        checks.date("producedOn", self.produced_on);
        // Publishing before producing is allowed: the PPC guidelines let an organisation that
        // produces the same kind repeatedly publish the items once, in advance.
        if let Some(published) = self.items_published_on {
            checks.date("itemsPublishedOn", published);
            checks.required("publishedWhere", &self.published_where, SHORT_TEXT);
        } else {
            checks.max_len("publishedWhere", &self.published_where, SHORT_TEXT);
        }
        checks.required("processingSecurity", &self.processing_security, LONG_TEXT);
        if self.provisions.len() > MAX_LIST {
            checks.fail("provisions", FieldErrorCode::TooMany, Some(MAX_LIST as i64));
        }
        for (i, p) in self.provisions.iter().enumerate() {
            let field = |name: &str| format!("provisions[{i}].{name}");
            checks.required(&field("recipient"), &p.recipient, SHORT_TEXT);
            checks.required(&field("method"), &p.method, SHORT_TEXT);
            checks.date(&field("providedOn"), p.provided_on);
            checks.date(&field("publishedOn"), p.published_on);
            if p.provided_on < self.produced_on {
                checks.date_order(
                    field("providedOn"),
                    "producedOn",
                    format!(
                        "provision {} cannot be made on {}, before the information was produced \
                         on {}",
                        i + 1,
                        p.provided_on,
                        self.produced_on
                    ),
                );
            }
            // Art. 43(4): the items and the method are published before the provision.
            if p.published_on > p.provided_on {
                checks.date_order(
                    field("publishedOn"),
                    field("providedOn"),
                    format!(
                        "the items and method of provision {} must be published in advance \
                         (art. 43(4)): published on {}, provided on {}",
                        i + 1,
                        p.published_on,
                        p.provided_on
                    ),
                );
            }
            // Art. 43(4): the recipient must be told the information is anonymised
            // information; a provision without that statement breaches it.
            if !p.stated_to_recipient {
                checks.fail_with(
                    field("statedToRecipient"),
                    FieldErrorCode::Required,
                    format!(
                        "provision {}: the recipient must be told explicitly that the \
                         information is anonymised information (art. 43(4))",
                        i + 1
                    ),
                );
            }
        }
        checks.max_len("notes", &self.notes, LONG_TEXT);
    }
}
