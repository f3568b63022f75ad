//! A complaint about the organisation's handling of personal information (苦情, APPI art. 40):
//! what was raised, what was done about it, and how it ended.
//!
//! The law sets no period ("appropriately and promptly"), so a complaint has no deadline; the
//! register shows how long it has been open instead.

use super::request::ReceiptChannel;
use crate::error::FieldErrorCode;
use crate::validation::{tidy, FieldChecks, LONG_TEXT, MAX_LIST, SHORT_TEXT};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use ts_rs::TS;

/// What a user enters when a complaint arrives, and may correct while it is open.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct ComplaintInput {
    /// Assigned as `C-0001`, `C-0002`, … when left empty.
    pub reference: String,
    pub received_on: NaiveDate,
    pub channel: ReceiptChannel,
    /// Empty when the complainant stayed anonymous.
    pub complainant: String,
    pub complainant_contact: String,
    /// One line, for lists, e.g. 「退会後もDMが届く」.
    pub subject: String,
    pub description: String,
    /// The holdings the complaint concerns.
    #[ts(type = "Array<number>")]
    pub holding_ids: Vec<i64>,
}

/// One thing done about a complaint, as entered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct ComplaintActionInput {
    pub on: NaiveDate,
    /// What was done.
    pub description: String,
    /// Who did it.
    pub by: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct ComplaintAction {
    #[ts(type = "number")]
    pub id: i64,
    pub on: NaiveDate,
    pub description: String,
    pub by: String,
}

/// A stored complaint.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct Complaint {
    #[ts(type = "number")]
    pub id: i64,
    #[serde(flatten)]
    pub fields: ComplaintInput,
    /// In date order.
    pub actions: Vec<ComplaintAction>,
    /// How the complaint was resolved; written when it is closed.
    pub resolution: String,
    pub closed_on: Option<NaiveDate>,
    #[ts(type = "number")]
    pub version: i64,
    pub created_at: String,
    pub updated_at: String,
}

/// A complaint with what the register computes for it on a given day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ComplaintView {
    pub complaint: Complaint,
    /// Calendar days from receipt to closure, or to today while open.
    #[ts(type = "number")]
    pub days_open: i64,
    pub open: bool,
}

impl ComplaintInput {
    pub(crate) fn tidy(&mut self) {
        for value in [
            &mut self.reference,
            &mut self.complainant,
            &mut self.complainant_contact,
            &mut self.subject,
            &mut self.description,
        ] {
            tidy(value);
        }
    }

    pub(crate) fn collect_errors(&self, checks: &mut FieldChecks) {
        checks.max_len("reference", &self.reference, 40);
        checks.date("receivedOn", self.received_on);
        checks.max_len("complainant", &self.complainant, SHORT_TEXT);
        checks.max_len("complainantContact", &self.complainant_contact, LONG_TEXT);
        checks.required("subject", &self.subject, SHORT_TEXT);
        checks.max_len("description", &self.description, LONG_TEXT);
        if self.holding_ids.len() > MAX_LIST {
            checks.fail("holdingIds", FieldErrorCode::TooMany, Some(MAX_LIST as i64));
        }
        let mut seen = HashSet::new();
        for (i, id) in self.holding_ids.iter().enumerate() {
            if !seen.insert(id) {
                checks.fail(format!("holdingIds[{i}]"), FieldErrorCode::Duplicate, None);
            }
        }
    }
}

impl ComplaintActionInput {
    pub(crate) fn tidy(&mut self) {
        tidy(&mut self.description);
        tidy(&mut self.by);
    }
}

impl Complaint {
    /// Every rule the whole record must satisfy; run after each change and on import.
    pub(crate) fn collect_errors(&self, checks: &mut FieldChecks) {
        let received = self.fields.received_on;
        self.fields.collect_errors(checks);
        if self.actions.len() > MAX_LIST {
            checks.fail("actions", FieldErrorCode::TooMany, Some(MAX_LIST as i64));
        }
        for (i, action) in self.actions.iter().enumerate() {
            let field = |name: &str| format!("actions[{i}].{name}");
            checks.date(&field("on"), action.on);
            if action.on < received {
                checks.date_order(
                    field("on"),
                    "receivedOn",
                    format!(
                        "the action is dated {} but the complaint was received only on \
                         {received}",
                        action.on
                    ),
                );
            }
            checks.required(&field("description"), &action.description, LONG_TEXT);
            checks.required(&field("by"), &action.by, SHORT_TEXT);
        }
        checks.max_len("resolution", &self.resolution, LONG_TEXT);
        if let Some(closed) = self.closed_on {
            checks.date("closedOn", closed);
            let last_action = self
                .actions
                .iter()
                .enumerate()
                .max_by_key(|(_, a)| a.on)
                .map(|(i, a)| (i, a.on));
            if closed < received {
                checks.date_order(
                    "closedOn",
                    "receivedOn",
                    format!(
                        "the complaint cannot be closed on {closed}, before it was received on \
                         {received}"
                    ),
                );
            } else if let Some((i, last)) = last_action.filter(|(_, last)| closed < *last) {
                checks.date_order(
                    "closedOn",
                    format!("actions[{i}].on"),
                    format!(
                        "the complaint cannot be closed on {closed}, before the action taken on \
                         {last}"
                    ),
                );
            }
            if self.resolution.is_empty() {
                checks.fail_with(
                    "resolution",
                    FieldErrorCode::Required,
                    "a complaint is closed only with its resolution written down",
                );
            }
        }
    }

    pub fn is_open(&self) -> bool {
        self.closed_on.is_none()
    }
}
