//! The management review (マネジメントレビュー, JIS Q 15001:2017 9.3 and A.3.9): top management
//! reviews the whole system on a date, with the inputs the standard lists, and records the
//! decisions taken. Daicho gathers the inputs it keeps (audits, actions, incidents, complaints,
//! risk assessments, training, changes to the ledger) into a draft the officer edits.

use crate::error::FieldErrorCode;
use crate::validation::{tidy, tidy_list, FieldChecks, LONG_TEXT, MAX_LIST, SHORT_TEXT};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The inputs of 9.3 (a–f) and A.3.9, as written for the review.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct ReviewInputs {
    /// a) the status of actions from previous reviews.
    pub previous_actions: String,
    /// b) changes inside and outside the organisation (laws, the ledger, the business).
    pub changes: String,
    /// c) audit results.
    pub audit_results: String,
    /// c) nonconformities and corrective actions.
    pub corrective_actions: String,
    /// c) incidents (漏えい等事案).
    pub incidents: String,
    /// d) feedback from interested parties, complaints included.
    pub complaints: String,
    /// e) risk assessment results and the status of risk treatment; training.
    pub risks_and_training: String,
    /// f) opportunities for improvement.
    pub improvements: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct ReviewDecision {
    pub description: String,
    pub owner: String,
    pub due_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct ManagementReviewInput {
    /// Assigned as `MR-0001`, … when left empty.
    pub reference: String,
    pub held_on: NaiveDate,
    /// The top manager who chaired it (代表者).
    pub chaired_by: String,
    pub attendees: Vec<String>,
    pub inputs: ReviewInputs,
    pub decisions: Vec<ReviewDecision>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct ManagementReview {
    #[ts(type = "number")]
    pub id: i64,
    #[serde(flatten)]
    pub fields: ManagementReviewInput,
    #[ts(type = "number")]
    pub version: i64,
    pub created_at: String,
    pub updated_at: String,
}

impl ManagementReviewInput {
    pub(crate) fn tidy(&mut self) {
        tidy(&mut self.reference);
        tidy(&mut self.chaired_by);
        tidy_list(&mut self.attendees);
        let i = &mut self.inputs;
        for value in [
            &mut i.previous_actions,
            &mut i.changes,
            &mut i.audit_results,
            &mut i.corrective_actions,
            &mut i.incidents,
            &mut i.complaints,
            &mut i.risks_and_training,
            &mut i.improvements,
        ] {
            tidy(value);
        }
        for decision in &mut self.decisions {
            tidy(&mut decision.description);
            tidy(&mut decision.owner);
        }
    }

    pub(crate) fn collect_errors(&self, checks: &mut FieldChecks) {
        checks.max_len("reference", &self.reference, 40);
        checks.date("heldOn", self.held_on);
        checks.required("chairedBy", &self.chaired_by, SHORT_TEXT);
        checks.text_list("attendees", &self.attendees, false, SHORT_TEXT);
        let i = &self.inputs;
        for (field, value) in [
            ("inputs.previousActions", &i.previous_actions),
            ("inputs.changes", &i.changes),
            ("inputs.auditResults", &i.audit_results),
            ("inputs.correctiveActions", &i.corrective_actions),
            ("inputs.incidents", &i.incidents),
            ("inputs.complaints", &i.complaints),
            ("inputs.risksAndTraining", &i.risks_and_training),
            ("inputs.improvements", &i.improvements),
        ] {
            checks.max_len(field, value, LONG_TEXT);
        }
        if self.decisions.len() > MAX_LIST {
            checks.fail("decisions", FieldErrorCode::TooMany, Some(MAX_LIST as i64));
        }
        for (n, decision) in self.decisions.iter().enumerate() {
            let field = |name: &str| format!("decisions[{n}].{name}");
            checks.required(&field("description"), &decision.description, LONG_TEXT);
            checks.max_len(&field("owner"), &decision.owner, SHORT_TEXT);
            if let Some(due) = decision.due_on {
                checks.date(&field("dueOn"), due);
                if due < self.held_on {
                    checks.date_order(
                        field("dueOn"),
                        "heldOn",
                        format!(
                            "a decision cannot be due before the review on {}",
                            self.held_on
                        ),
                    );
                }
            }
        }
    }
}

/// What Daicho gathered for a review: the text of each input, and the figures behind it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ReviewDraft {
    /// The period covered: from the day after the previous review (or a year back).
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub input: ManagementReviewInput,
    #[ts(type = "number")]
    pub audits_performed: i64,
    #[ts(type = "number")]
    pub nonconformities: i64,
    #[ts(type = "number")]
    pub open_actions: i64,
    #[ts(type = "number")]
    pub overdue_actions: i64,
    #[ts(type = "number")]
    pub incidents: i64,
    #[ts(type = "number")]
    pub complaints: i64,
    #[ts(type = "number")]
    pub holdings_without_assessment: i64,
    #[ts(type = "number")]
    pub untrained: i64,
}
