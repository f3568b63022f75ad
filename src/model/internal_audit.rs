//! Internal audits (内部監査, JIS Q 15001:2017 9.2 and A.3.7.2): the yearly plan is the audits
//! planned in a fiscal year; each audit has its scope (the departments audited), its auditor,
//! a checklist, and findings graded nonconformity, observation or good practice, each with its
//! evidence.
//!
//! An auditor does not audit their own department: 9.2.2 c) asks that auditors be chosen so
//! that the audit is objective and impartial, which the Privacy Mark scheme's guidance reads as
//! 「監査員は自己の所属する部署を監査しない」. A finding is numbered by its place in the list
//! (1, 2, …), which is how a corrective action names it.

use super::coded_enum;
use crate::error::FieldErrorCode;
use crate::validation::{tidy, tidy_list, FieldChecks, LONG_TEXT, MAX_LIST, SHORT_TEXT};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

coded_enum!(
    /// How a checklist question was answered.
    ChecklistResult {
        Conforming => "conforming",
        Nonconforming => "nonconforming",
        NotApplicable => "notApplicable",
    }
);

coded_enum!(
    /// The grade of a finding.
    FindingGrade {
        /// 不適合: a requirement is not met; calls for a corrective action (10.1).
        Nonconformity => "nonconformity",
        /// 観察事項: not a breach, but a weakness worth watching.
        Observation => "observation",
        /// 良好事例.
        GoodPractice => "goodPractice",
    }
);

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct ChecklistItem {
    /// The clause checked, e.g. 「A.3.3.3」.
    pub clause: String,
    pub question: String,
    /// Empty until the audit is performed.
    pub result: Option<ChecklistResult>,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct AuditFinding {
    pub grade: FindingGrade,
    pub clause: String,
    /// The department the finding concerns.
    pub department: String,
    pub description: String,
    /// What was seen: documents, records, interviews (9.2 g, retained as evidence).
    pub evidence: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct InternalAuditInput {
    /// Assigned as `IA-0001`, … when left empty.
    pub reference: String,
    pub planned_on: NaiveDate,
    /// Empty while the audit is only planned.
    pub performed_on: Option<NaiveDate>,
    /// What is audited, in words.
    pub scope: String,
    /// The departments audited.
    pub departments: Vec<String>,
    pub auditor: String,
    pub auditor_department: String,
    pub checklist: Vec<ChecklistItem>,
    pub findings: Vec<AuditFinding>,
    pub summary: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct InternalAudit {
    #[ts(type = "number")]
    pub id: i64,
    #[serde(flatten)]
    pub fields: InternalAuditInput,
    #[ts(type = "number")]
    pub version: i64,
    pub created_at: String,
    pub updated_at: String,
}

/// An audit with what the register knows about its findings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct InternalAuditView {
    pub audit: InternalAudit,
    /// The numbers of the nonconformities no corrective action names yet.
    pub nonconformities_without_action: Vec<u32>,
    /// Planned, not performed, and the planned day has passed.
    pub overdue: bool,
}

/// People and departments are compared ignoring spaces (full-width included).
fn key(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

impl InternalAuditInput {
    pub(crate) fn tidy(&mut self) {
        for value in [
            &mut self.reference,
            &mut self.scope,
            &mut self.auditor,
            &mut self.auditor_department,
            &mut self.summary,
        ] {
            tidy(value);
        }
        tidy_list(&mut self.departments);
        for item in &mut self.checklist {
            tidy(&mut item.clause);
            tidy(&mut item.question);
            tidy(&mut item.note);
        }
        for finding in &mut self.findings {
            tidy(&mut finding.clause);
            tidy(&mut finding.department);
            tidy(&mut finding.description);
            tidy(&mut finding.evidence);
        }
    }

    /// Whether the auditor belongs to one of the departments audited.
    pub fn audits_own_department(&self) -> bool {
        let own = key(&self.auditor_department);
        !own.is_empty() && self.departments.iter().any(|d| key(d) == own)
    }

    pub(crate) fn collect_errors(&self, checks: &mut FieldChecks) {
        checks.max_len("reference", &self.reference, 40);
        checks.date("plannedOn", self.planned_on);
        checks.required("scope", &self.scope, LONG_TEXT);
        checks.text_list("departments", &self.departments, true, SHORT_TEXT);
        checks.required("auditor", &self.auditor, SHORT_TEXT);
        checks.required("auditorDepartment", &self.auditor_department, SHORT_TEXT);
        checks.max_len("summary", &self.summary, LONG_TEXT);
        if self.audits_own_department() {
            checks.fail_with(
                "auditorDepartment",
                FieldErrorCode::NotIndependent,
                "the auditor belongs to a department this audit covers; an auditor does not \
                 audit their own department (JIS Q 15001 9.2.2 c)",
            );
        }
        if let Some(on) = self.performed_on {
            checks.date("performedOn", on);
        }
        for (list, len) in [
            ("checklist", self.checklist.len()),
            ("findings", self.findings.len()),
        ] {
            if len > MAX_LIST {
                checks.fail(list, FieldErrorCode::TooMany, Some(MAX_LIST as i64));
            }
        }
        for (i, item) in self.checklist.iter().enumerate() {
            let field = |name: &str| format!("checklist[{i}].{name}");
            checks.max_len(&field("clause"), &item.clause, SHORT_TEXT);
            checks.required(&field("question"), &item.question, LONG_TEXT);
            checks.max_len(&field("note"), &item.note, LONG_TEXT);
            if item.result.is_some() && self.performed_on.is_none() {
                checks.fail_with(
                    field("result"),
                    FieldErrorCode::NeedsNote,
                    "a checklist is answered once the audit is performed: give the day it was",
                );
            }
        }
        for (i, finding) in self.findings.iter().enumerate() {
            let field = |name: &str| format!("findings[{i}].{name}");
            checks.max_len(&field("clause"), &finding.clause, SHORT_TEXT);
            checks.max_len(&field("department"), &finding.department, SHORT_TEXT);
            checks.required(&field("description"), &finding.description, LONG_TEXT);
            if finding.grade == FindingGrade::Nonconformity {
                checks.required(&field("evidence"), &finding.evidence, LONG_TEXT);
            } else {
                checks.max_len(&field("evidence"), &finding.evidence, LONG_TEXT);
            }
            if self.performed_on.is_none() {
                checks.fail_with(
                    field("grade"),
                    FieldErrorCode::NeedsNote,
                    "findings are recorded once the audit is performed: give the day it was",
                );
            }
        }
    }
}
