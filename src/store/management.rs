//! Row mappings of the management system's records (risk assessments, training courses and
//! sessions, internal audits, corrective actions, management reviews) onto the shared
//! [`Table`] SQL. Their inner lists are JSON columns: always read and written whole.

use super::sections::{date, flag, opt_date, text, Table};
use super::{list_from_json, list_to_json};
use crate::model::corrective_action::{CorrectiveAction, CorrectiveActionInput};
use crate::model::internal_audit::{InternalAudit, InternalAuditInput};
use crate::model::management_review::{ManagementReview, ManagementReviewInput};
use crate::model::risk_assessment::{RiskAssessment, RiskAssessmentInput};
use crate::model::training::{
    TrainingCourse, TrainingCourseInput, TrainingSession, TrainingSessionInput,
};
use rusqlite::types::Value;
use rusqlite::Row;

fn opt_int(value: Option<i64>) -> Value {
    value.map_or(Value::Null, Value::Integer)
}

impl Table for RiskAssessment {
    const TABLE: &'static str = "risk_assessment";
    const COLUMNS: &'static str = "id, reference, holding_id, assessed_on, assessed_by, risks,
        accepted_by, accepted_on, next_assessment_on, notes, version, created_at, updated_at";
    const ORDER_BY: &'static str = "assessed_on DESC, id DESC";
    const HOLDING_LINKS: Option<&'static str> = None;
    const REFERRING_TO_HOLDING: &'static str =
        "SELECT id FROM risk_assessment WHERE holding_id = ?1 ORDER BY assessed_on, id";

    fn from_row(row: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(RiskAssessment {
            id: row.get(0)?,
            fields: RiskAssessmentInput {
                reference: row.get(1)?,
                holding_id: row.get(2)?,
                assessed_on: row.get(3)?,
                assessed_by: row.get(4)?,
                risks: list_from_json(&row.get::<_, String>(5)?)?,
                accepted_by: row.get(6)?,
                accepted_on: row.get(7)?,
                next_assessment_on: row.get(8)?,
                notes: row.get(9)?,
            },
            version: row.get(10)?,
            created_at: row.get(11)?,
            updated_at: row.get(12)?,
        })
    }

    fn values(&self) -> Vec<Value> {
        let f = &self.fields;
        vec![
            Value::Integer(self.id),
            text(&f.reference),
            Value::Integer(f.holding_id),
            date(f.assessed_on),
            text(&f.assessed_by),
            text(&list_to_json(&f.risks)),
            text(&f.accepted_by),
            opt_date(f.accepted_on),
            opt_date(f.next_assessment_on),
            text(&f.notes),
            Value::Integer(self.version),
            text(&self.created_at),
            text(&self.updated_at),
        ]
    }

    fn row_id(&self) -> i64 {
        self.id
    }
    fn linked_holdings(&self) -> &[i64] {
        std::slice::from_ref(&self.fields.holding_id)
    }
    fn set_linked_holdings(&mut self, _ids: Vec<i64>) {}
}

/// The kinds below name no holding.
macro_rules! no_holdings {
    () => {
        const HOLDING_LINKS: Option<&'static str> = None;
        const REFERRING_TO_HOLDING: &'static str = "SELECT NULL WHERE 0 AND ?1";
        fn row_id(&self) -> i64 {
            self.id
        }
        fn linked_holdings(&self) -> &[i64] {
            &[]
        }
        fn set_linked_holdings(&mut self, _ids: Vec<i64>) {}
    };
}

impl Table for TrainingCourse {
    const TABLE: &'static str = "training_course";
    const COLUMNS: &'static str = "id, reference, subject, audience, materials, yearly, trainees,
        version, created_at, updated_at";
    const ORDER_BY: &'static str = "reference, id";
    no_holdings!();

    fn from_row(row: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(TrainingCourse {
            id: row.get(0)?,
            fields: TrainingCourseInput {
                reference: row.get(1)?,
                subject: row.get(2)?,
                audience: row.get(3)?,
                materials: row.get(4)?,
                yearly: row.get(5)?,
                trainees: list_from_json(&row.get::<_, String>(6)?)?,
            },
            version: row.get(7)?,
            created_at: row.get(8)?,
            updated_at: row.get(9)?,
        })
    }

    fn values(&self) -> Vec<Value> {
        let f = &self.fields;
        vec![
            Value::Integer(self.id),
            text(&f.reference),
            text(&f.subject),
            text(&f.audience),
            text(&f.materials),
            flag(f.yearly),
            text(&list_to_json(&f.trainees)),
            Value::Integer(self.version),
            text(&self.created_at),
            text(&self.updated_at),
        ]
    }
}

impl Table for TrainingSession {
    const TABLE: &'static str = "training_session";
    const COLUMNS: &'static str = "id, reference, course_id, held_on, trainer, pass_mark,
        attendees, notes, version, created_at, updated_at";
    const ORDER_BY: &'static str = "held_on DESC, id DESC";
    no_holdings!();

    fn from_row(row: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(TrainingSession {
            id: row.get(0)?,
            fields: TrainingSessionInput {
                reference: row.get(1)?,
                course_id: row.get(2)?,
                held_on: row.get(3)?,
                trainer: row.get(4)?,
                pass_mark: row.get(5)?,
                attendees: list_from_json(&row.get::<_, String>(6)?)?,
                notes: row.get(7)?,
            },
            version: row.get(8)?,
            created_at: row.get(9)?,
            updated_at: row.get(10)?,
        })
    }

    fn values(&self) -> Vec<Value> {
        let f = &self.fields;
        vec![
            Value::Integer(self.id),
            text(&f.reference),
            Value::Integer(f.course_id),
            date(f.held_on),
            text(&f.trainer),
            opt_int(f.pass_mark.map(i64::from)),
            text(&list_to_json(&f.attendees)),
            text(&f.notes),
            Value::Integer(self.version),
            text(&self.created_at),
            text(&self.updated_at),
        ]
    }
}

impl Table for InternalAudit {
    const TABLE: &'static str = "internal_audit";
    const COLUMNS: &'static str = "id, reference, planned_on, performed_on, scope, departments,
        auditor, auditor_department, checklist, findings, summary, version, created_at,
        updated_at";
    const ORDER_BY: &'static str = "planned_on DESC, id DESC";
    no_holdings!();

    fn from_row(row: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(InternalAudit {
            id: row.get(0)?,
            fields: InternalAuditInput {
                reference: row.get(1)?,
                planned_on: row.get(2)?,
                performed_on: row.get(3)?,
                scope: row.get(4)?,
                departments: list_from_json(&row.get::<_, String>(5)?)?,
                auditor: row.get(6)?,
                auditor_department: row.get(7)?,
                checklist: list_from_json(&row.get::<_, String>(8)?)?,
                findings: list_from_json(&row.get::<_, String>(9)?)?,
                summary: row.get(10)?,
            },
            version: row.get(11)?,
            created_at: row.get(12)?,
            updated_at: row.get(13)?,
        })
    }

    fn values(&self) -> Vec<Value> {
        let f = &self.fields;
        vec![
            Value::Integer(self.id),
            text(&f.reference),
            date(f.planned_on),
            opt_date(f.performed_on),
            text(&f.scope),
            text(&list_to_json(&f.departments)),
            text(&f.auditor),
            text(&f.auditor_department),
            text(&list_to_json(&f.checklist)),
            text(&list_to_json(&f.findings)),
            text(&f.summary),
            Value::Integer(self.version),
            text(&self.created_at),
            text(&self.updated_at),
        ]
    }
}

impl Table for CorrectiveAction {
    const TABLE: &'static str = "corrective_action";
    const COLUMNS: &'static str = "id, reference, source, audit_id, finding_number, incident_id,
        complaint_id, preventive, raised_on, problem, cause, action, owner, department, due_on,
        done_on, checked_on, effective, check_note, version, created_at, updated_at";
    const ORDER_BY: &'static str = "due_on, id";
    no_holdings!();

    fn from_row(row: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(CorrectiveAction {
            id: row.get(0)?,
            fields: CorrectiveActionInput {
                reference: row.get(1)?,
                source: row.get(2)?,
                audit_id: row.get(3)?,
                finding_number: row.get(4)?,
                incident_id: row.get(5)?,
                complaint_id: row.get(6)?,
                preventive: row.get(7)?,
                raised_on: row.get(8)?,
                problem: row.get(9)?,
                cause: row.get(10)?,
                action: row.get(11)?,
                owner: row.get(12)?,
                department: row.get(13)?,
                due_on: row.get(14)?,
                done_on: row.get(15)?,
                checked_on: row.get(16)?,
                effective: row.get(17)?,
                check_note: row.get(18)?,
            },
            version: row.get(19)?,
            created_at: row.get(20)?,
            updated_at: row.get(21)?,
        })
    }

    fn values(&self) -> Vec<Value> {
        let f = &self.fields;
        vec![
            Value::Integer(self.id),
            text(&f.reference),
            text(f.source.code()),
            opt_int(f.audit_id),
            opt_int(f.finding_number.map(i64::from)),
            opt_int(f.incident_id),
            opt_int(f.complaint_id),
            flag(f.preventive),
            date(f.raised_on),
            text(&f.problem),
            text(&f.cause),
            text(&f.action),
            text(&f.owner),
            text(&f.department),
            date(f.due_on),
            opt_date(f.done_on),
            opt_date(f.checked_on),
            f.effective.map_or(Value::Null, flag),
            text(&f.check_note),
            Value::Integer(self.version),
            text(&self.created_at),
            text(&self.updated_at),
        ]
    }
}

impl Table for ManagementReview {
    const TABLE: &'static str = "management_review";
    const COLUMNS: &'static str = "id, reference, held_on, chaired_by, attendees, inputs,
        decisions, version, created_at, updated_at";
    const ORDER_BY: &'static str = "held_on DESC, id DESC";
    no_holdings!();

    fn from_row(row: &Row<'_>) -> rusqlite::Result<Self> {
        let inputs: String = row.get(5)?;
        Ok(ManagementReview {
            id: row.get(0)?,
            fields: ManagementReviewInput {
                reference: row.get(1)?,
                held_on: row.get(2)?,
                chaired_by: row.get(3)?,
                attendees: list_from_json(&row.get::<_, String>(4)?)?,
                inputs: serde_json::from_str(&inputs).map_err(|e| {
                    rusqlite::Error::FromSqlConversionFailure(
                        5,
                        rusqlite::types::Type::Text,
                        Box::new(e),
                    )
                })?,
                decisions: list_from_json(&row.get::<_, String>(6)?)?,
            },
            version: row.get(7)?,
            created_at: row.get(8)?,
            updated_at: row.get(9)?,
        })
    }

    fn values(&self) -> Vec<Value> {
        let f = &self.fields;
        vec![
            Value::Integer(self.id),
            text(&f.reference),
            date(f.held_on),
            text(&f.chaired_by),
            text(&list_to_json(&f.attendees)),
            text(&serde_json::to_string(&f.inputs).unwrap_or_else(|_| "{}".to_owned())),
            text(&list_to_json(&f.decisions)),
            Value::Integer(self.version),
            text(&self.created_at),
            text(&self.updated_at),
        ]
    }
}
