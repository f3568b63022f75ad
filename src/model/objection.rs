//! The objection log: where the organisation treats a use or provision as consented to unless
//! the person objects in writing (the health insurance societies' 黙示の同意), each objection,
//! the day it was put into effect, and the day the person withdrew it.

use super::provision::holding_list_errors;
use crate::error::FieldErrorCode;
use crate::validation::{tidy, FieldChecks, LONG_TEXT, SHORT_TEXT};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct ObjectionInput {
    /// Assigned as `O-0001`, `O-0002`, … when left empty.
    pub reference: String,
    /// Who objected, e.g. 「記号123 番号45 山田 花子（被扶養者）」.
    pub person: String,
    /// The use or provision objected to.
    pub purpose: String,
    pub reason: String,
    pub received_on: NaiveDate,
    /// Received in writing, as the policy asks.
    pub in_writing: bool,
    /// The day the objection took effect (the use stopped); empty until then.
    pub applied_on: Option<NaiveDate>,
    pub applied_by: String,
    #[ts(type = "Array<number>")]
    pub holding_ids: Vec<i64>,
    pub notes: String,
    /// The published matter treated as consented to that the person objects to; empty for an
    /// objection to something the catalogue does not list. Absent from older documents.
    #[serde(default)]
    #[ts(type = "number | null")]
    pub matter_id: Option<i64>,
    /// The day the person withdrew the objection (the policy lets a member change it at any
    /// time): from then on the matter applies to them again. Absent from older documents.
    #[serde(default)]
    pub withdrawn_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct Objection {
    #[ts(type = "number")]
    pub id: i64,
    #[serde(flatten)]
    pub fields: ObjectionInput,
    #[ts(type = "number")]
    pub version: i64,
    pub created_at: String,
    pub updated_at: String,
}

impl Objection {
    /// Received but neither put into effect nor withdrawn: the use it objects to may still go
    /// on although the person has not withdrawn it.
    pub fn pending(&self) -> bool {
        self.fields.applied_on.is_none() && self.fields.withdrawn_on.is_none()
    }
}

impl ObjectionInput {
    pub(crate) fn tidy(&mut self) {
        for value in [
            &mut self.reference,
            &mut self.person,
            &mut self.purpose,
            &mut self.reason,
            &mut self.applied_by,
            &mut self.notes,
        ] {
            tidy(value);
        }
    }

    pub(crate) fn collect_errors(&self, checks: &mut FieldChecks) {
        checks.max_len("reference", &self.reference, 40);
        checks.required("person", &self.person, SHORT_TEXT);
        checks.required("purpose", &self.purpose, LONG_TEXT);
        checks.max_len("reason", &self.reason, LONG_TEXT);
        checks.date("receivedOn", self.received_on);
        if let Some(applied) = self.applied_on {
            checks.date("appliedOn", applied);
            if applied < self.received_on {
                checks.date_order(
                    "appliedOn",
                    "receivedOn",
                    format!(
                        "the objection cannot take effect on {applied}, before it was received on \
                         {}",
                        self.received_on
                    ),
                );
            }
            if self.applied_by.is_empty() {
                checks.fail("appliedBy", FieldErrorCode::Required, None);
            }
        }
        checks.max_len("appliedBy", &self.applied_by, SHORT_TEXT);
        if let Some(withdrawn) = self.withdrawn_on {
            checks.date("withdrawnOn", withdrawn);
            // A person can only withdraw what the organisation has received.
            if withdrawn < self.received_on {
                checks.date_order(
                    "withdrawnOn",
                    "receivedOn",
                    format!(
                        "the objection cannot be withdrawn on {withdrawn}, before it was received \
                         on {}",
                        self.received_on
                    ),
                );
            }
        }
        holding_list_errors(&self.holding_ids, checks);
        checks.max_len("notes", &self.notes, LONG_TEXT);
    }
}
