//! Security control measures (安全管理措置, APPI art. 23; PPC 通則編 10 and its annex), kept as
//! a catalogue under the PPC headings, each marked publishable or internal for the art. 32
//! notice and linked to the holdings it protects.

use super::coded_enum;
use super::provision::holding_list_errors;
use crate::validation::{tidy, FieldChecks, LONG_TEXT, SHORT_TEXT};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

coded_enum!(
    /// The PPC headings, in the guideline's order (通則編 10-1 to 10-7).
    MeasureHeading {
        BasicPolicy => "basicPolicy",
        HandlingRules => "handlingRules",
        Organisational => "organisational",
        Personnel => "personnel",
        Physical => "physical",
        Technical => "technical",
        ExternalEnvironment => "externalEnvironment",
    }
);

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct MeasureInput {
    pub heading: MeasureHeading,
    /// One line, e.g. 「個人データ取扱区域の入退室管理」.
    pub title: String,
    pub description: String,
    /// Shown in the art. 32 notice; internal measures whose publication would weaken them stay
    /// unpublished.
    pub publishable: bool,
    #[ts(type = "Array<number>")]
    pub holding_ids: Vec<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct Measure {
    #[ts(type = "number")]
    pub id: i64,
    #[serde(flatten)]
    pub fields: MeasureInput,
    #[ts(type = "number")]
    pub version: i64,
    pub created_at: String,
    pub updated_at: String,
}

impl MeasureInput {
    pub(crate) fn tidy(&mut self) {
        tidy(&mut self.title);
        tidy(&mut self.description);
    }

    pub(crate) fn collect_errors(&self, checks: &mut FieldChecks) {
        checks.required("title", &self.title, SHORT_TEXT);
        checks.max_len("description", &self.description, LONG_TEXT);
        holding_list_errors(&self.holding_ids, checks);
    }
}
