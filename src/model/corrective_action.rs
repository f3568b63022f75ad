//! Corrective and preventive actions (是正処置・予防処置, JIS Q 15001:2017 10.1 and A.3.8):
//! raised from an audit finding, an incident or a complaint (or on their own), with the cause,
//! the action, who owns it, when it is due and done, and the later check that it worked.
//!
//! 10.1 asks to determine the causes (b), implement the action (c) and review its
//! effectiveness (d); so an action is marked done only with its cause and action written, and
//! its effectiveness is checked only once it is done. An open action past its due day is
//! overdue.

use super::coded_enum;
use crate::error::FieldErrorCode;
use crate::validation::{tidy, FieldChecks, LONG_TEXT, SHORT_TEXT};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

coded_enum!(
    /// Where the action came from.
    ActionSource {
        AuditFinding => "auditFinding",
        Incident => "incident",
        Complaint => "complaint",
        Other => "other",
    }
);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum ActionStatus {
    /// Not done yet.
    Open,
    /// Done; its effectiveness not yet checked.
    AwaitingCheck,
    /// Done and found effective.
    Closed,
    /// Checked and found not effective: a new action is needed.
    Ineffective,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct CorrectiveActionInput {
    /// Assigned as `CA-0001`, … when left empty.
    pub reference: String,
    pub source: ActionSource,
    #[ts(type = "number | null")]
    pub audit_id: Option<i64>,
    /// The finding's number in the audit (1 for its first finding).
    pub finding_number: Option<u32>,
    #[ts(type = "number | null")]
    pub incident_id: Option<i64>,
    #[ts(type = "number | null")]
    pub complaint_id: Option<i64>,
    /// A preventive action (a potential nonconformity) rather than a corrective one.
    pub preventive: bool,
    pub raised_on: NaiveDate,
    /// What went wrong (or could).
    pub problem: String,
    pub cause: String,
    pub action: String,
    pub owner: String,
    pub department: String,
    pub due_on: NaiveDate,
    pub done_on: Option<NaiveDate>,
    /// When the effectiveness was checked.
    pub checked_on: Option<NaiveDate>,
    pub effective: Option<bool>,
    pub check_note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct CorrectiveAction {
    #[ts(type = "number")]
    pub id: i64,
    #[serde(flatten)]
    pub fields: CorrectiveActionInput,
    #[ts(type = "number")]
    pub version: i64,
    pub created_at: String,
    pub updated_at: String,
}

/// An action with its status on a given day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CorrectiveActionView {
    pub action: CorrectiveAction,
    pub status: ActionStatus,
    /// Not done and past its due day.
    pub overdue: bool,
    /// Days past the due day while overdue, else 0.
    #[ts(type = "number")]
    pub days_overdue: i64,
    /// What the action came from, e.g. 「IA-0001 #2」 or an incident's reference.
    pub source_label: String,
}

impl CorrectiveActionInput {
    pub(crate) fn tidy(&mut self) {
        for value in [
            &mut self.reference,
            &mut self.problem,
            &mut self.cause,
            &mut self.action,
            &mut self.owner,
            &mut self.department,
            &mut self.check_note,
        ] {
            tidy(value);
        }
    }

    pub fn status(&self) -> ActionStatus {
        match (self.done_on, self.effective) {
            (None, _) => ActionStatus::Open,
            (Some(_), None) => ActionStatus::AwaitingCheck,
            (Some(_), Some(true)) => ActionStatus::Closed,
            (Some(_), Some(false)) => ActionStatus::Ineffective,
        }
    }

    /// Open and past its due day on `today`.
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.done_on.is_none() && today > self.due_on
    }

    pub(crate) fn collect_errors(&self, checks: &mut FieldChecks) {
        checks.max_len("reference", &self.reference, 40);
        checks.date("raisedOn", self.raised_on);
        checks.date("dueOn", self.due_on);
        checks.required("problem", &self.problem, LONG_TEXT);
        checks.max_len("cause", &self.cause, LONG_TEXT);
        checks.max_len("action", &self.action, LONG_TEXT);
        checks.required("owner", &self.owner, SHORT_TEXT);
        checks.max_len("department", &self.department, SHORT_TEXT);
        checks.max_len("checkNote", &self.check_note, LONG_TEXT);
        let links = [
            (
                "auditId",
                ActionSource::AuditFinding,
                self.audit_id.is_some(),
            ),
            (
                "findingNumber",
                ActionSource::AuditFinding,
                self.finding_number.is_some(),
            ),
            (
                "incidentId",
                ActionSource::Incident,
                self.incident_id.is_some(),
            ),
            (
                "complaintId",
                ActionSource::Complaint,
                self.complaint_id.is_some(),
            ),
        ];
        for (field, source, present) in links {
            if source == self.source && !present {
                checks.fail(field, FieldErrorCode::Required, None);
            } else if source != self.source && present {
                checks.fail_with(
                    field,
                    FieldErrorCode::Malformed,
                    format!(
                        "an action raised from {} names no {field}",
                        self.source.code()
                    ),
                );
            }
        }
        if self.finding_number == Some(0) {
            checks.fail("findingNumber", FieldErrorCode::OutOfRange, None);
        }
        if self.due_on < self.raised_on {
            checks.date_order(
                "dueOn",
                "raisedOn",
                format!(
                    "the action cannot be due before it was raised on {}",
                    self.raised_on
                ),
            );
        }
        if let Some(done) = self.done_on {
            checks.date("doneOn", done);
            if done < self.raised_on {
                checks.date_order(
                    "doneOn",
                    "raisedOn",
                    format!(
                        "the action cannot be done before it was raised on {}",
                        self.raised_on
                    ),
                );
            }
            for (field, value) in [("cause", &self.cause), ("action", &self.action)] {
                if value.is_empty() {
                    checks.fail_with(
                        field,
                        FieldErrorCode::Required,
                        "an action is done only with its cause and what was done written down \
                         (JIS Q 15001 10.1 b–c)",
                    );
                }
            }
        }
        match (self.checked_on, self.effective) {
            (Some(checked), Some(_)) => {
                checks.date("checkedOn", checked);
                match self.done_on {
                    None => checks.fail_with(
                        "checkedOn",
                        FieldErrorCode::DateOrder,
                        "the effectiveness is checked once the action is done (JIS Q 15001 10.1 d)",
                    ),
                    Some(done) if checked < done => checks.date_order(
                        "checkedOn",
                        "doneOn",
                        format!("the effectiveness cannot be checked before the action was done on {done}"),
                    ),
                    Some(_) => {}
                }
                if self.effective == Some(false) && self.check_note.is_empty() {
                    checks.fail_with(
                        "checkNote",
                        FieldErrorCode::Required,
                        "say why the action was not effective",
                    );
                }
            }
            (None, None) => {}
            (None, Some(_)) => checks.fail("checkedOn", FieldErrorCode::Required, None),
            (Some(_), None) => checks.fail("effective", FieldErrorCode::Required, None),
        }
    }
}
