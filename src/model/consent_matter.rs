//! Matters treated as consented unless the person objects (黙示の同意): a provision the
//! organisation would otherwise need the person's prior consent for (APPI art. 27(1)), which it
//! publishes and then treats as consented to by every member who raises no objection. The
//! health insurance societies do this for benefits paid through the employer, following the
//! MHLW guidance for health insurance societies. An objection names the matter it objects to.

use super::provision::holding_list_errors;
use crate::validation::{tidy, FieldChecks, LONG_TEXT, SHORT_TEXT};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct ConsentMatterInput {
    /// One line, e.g. 「高額療養費を事業主経由で本人の申請なく支給すること」.
    pub title: String,
    /// What is done, to whom the data goes, and why consent is presumed.
    pub description: String,
    #[ts(type = "Array<number>")]
    pub holding_ids: Vec<i64>,
    /// Where the person can read it (the website page, the member handbook): the presumption
    /// holds only for a matter the person could know of and object to.
    pub published_where: String,
    /// Since when it is published there.
    pub published_since: NaiveDate,
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct ConsentMatter {
    #[ts(type = "number")]
    pub id: i64,
    #[serde(flatten)]
    pub fields: ConsentMatterInput,
    #[ts(type = "number")]
    pub version: i64,
    pub created_at: String,
    pub updated_at: String,
}

impl ConsentMatterInput {
    pub(crate) fn tidy(&mut self) {
        for value in [
            &mut self.title,
            &mut self.description,
            &mut self.published_where,
            &mut self.notes,
        ] {
            tidy(value);
        }
    }

    pub(crate) fn collect_errors(&self, checks: &mut FieldChecks) {
        checks.required("title", &self.title, SHORT_TEXT);
        checks.required("description", &self.description, LONG_TEXT);
        holding_list_errors(&self.holding_ids, checks);
        // An unpublished matter cannot be presumed consented to: the person had no chance to
        // object.
        checks.required("publishedWhere", &self.published_where, SHORT_TEXT);
        checks.date("publishedSince", self.published_since);
        checks.max_len("notes", &self.notes, LONG_TEXT);
    }
}
