//! The disposal log (廃棄・削除の記録, PPC 通則編 10-5; the Number Act guideline for Individual
//! Numbers): what was destroyed, how, by whom, and the proof.

use super::coded_enum;
use super::holding::DisposalMethod;
use crate::deadline::retention::Retention;
use crate::error::FieldErrorCode;
use crate::validation::{tidy, FieldChecks, LONG_TEXT, SHORT_TEXT};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

coded_enum!(
    /// What was destroyed or erased.
    DisposalMedium {
        Paper => "paper",
        /// Files or database records deleted in place.
        ElectronicData => "electronicData",
        /// Hard disks, SSDs, PCs and servers.
        StorageDevice => "storageDevice",
        /// USB sticks, optical discs, tapes.
        RemovableMedia => "removableMedia",
        Other => "other",
    }
);

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct DisposalInput {
    /// Assigned as `D-0001`, `D-0002`, … when left empty.
    pub reference: String,
    #[ts(type = "number")]
    pub holding_id: i64,
    pub disposed_on: NaiveDate,
    /// What was disposed of, e.g. 「2020年度受付分 療養費支給申請書 段ボール12箱」.
    pub description: String,
    /// Data whose retention period started on or before this day is gone; the disposal
    /// schedule counts from it.
    pub covers_through: Option<NaiveDate>,
    pub medium: DisposalMedium,
    pub method: DisposalMethod,
    pub method_note: String,
    pub performed_by: String,
    pub witness: String,
    /// The disposal company, when outsourced.
    pub vendor: String,
    /// 廃棄証明書・消去証明書 number.
    pub certificate_ref: String,
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct Disposal {
    #[ts(type = "number")]
    pub id: i64,
    #[serde(flatten)]
    pub fields: DisposalInput,
    #[ts(type = "number")]
    pub version: i64,
    pub created_at: String,
    pub updated_at: String,
}

/// A holding whose retention has run out for some of its data since the last disposal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DisposalDue {
    #[ts(type = "number")]
    pub holding_id: i64,
    pub ledger_no: String,
    pub holding_name: String,
    /// Data whose retention period started on or before this day has run out its retention.
    pub expired_through: NaiveDate,
    /// The retention of data from that day, with how its end was reached.
    pub retention: Retention,
    /// What the last disposal covered, if any was recorded.
    pub last_covered_through: Option<NaiveDate>,
    #[ts(type = "number | null")]
    pub last_disposal_id: Option<i64>,
}

impl DisposalInput {
    pub(crate) fn tidy(&mut self) {
        for value in [
            &mut self.reference,
            &mut self.description,
            &mut self.method_note,
            &mut self.performed_by,
            &mut self.witness,
            &mut self.vendor,
            &mut self.certificate_ref,
            &mut self.notes,
        ] {
            tidy(value);
        }
    }

    pub(crate) fn collect_errors(&self, checks: &mut FieldChecks) {
        checks.max_len("reference", &self.reference, 40);
        checks.date("disposedOn", self.disposed_on);
        checks.max_len("description", &self.description, LONG_TEXT);
        if let Some(covers) = self.covers_through {
            checks.date("coversThrough", covers);
            if covers > self.disposed_on {
                checks.date_order(
                    "coversThrough",
                    "disposedOn",
                    format!(
                        "a disposal on {} cannot cover data from after that day ({covers})",
                        self.disposed_on
                    ),
                );
            }
        }
        if self.method == DisposalMethod::Other && self.method_note.is_empty() {
            checks.fail("methodNote", FieldErrorCode::NeedsNote, None);
        }
        checks.max_len("methodNote", &self.method_note, LONG_TEXT);
        checks.required("performedBy", &self.performed_by, SHORT_TEXT);
        checks.max_len("witness", &self.witness, SHORT_TEXT);
        checks.max_len("vendor", &self.vendor, SHORT_TEXT);
        checks.max_len("certificateRef", &self.certificate_ref, SHORT_TEXT);
        if self.method == DisposalMethod::Outsourced {
            // Outsourced disposal is confirmed with the vendor's certificate (通則編 10-5).
            if self.vendor.is_empty() {
                checks.fail_with(
                    "vendor",
                    FieldErrorCode::Required,
                    "an outsourced disposal names the disposal company",
                );
            }
            if self.certificate_ref.is_empty() {
                checks.fail_with(
                    "certificateRef",
                    FieldErrorCode::Required,
                    "an outsourced disposal is confirmed with the company's certificate",
                );
            }
        }
        checks.max_len("notes", &self.notes, LONG_TEXT);
    }
}
