//! The management system around the register (issue 17): risk assessments per holding,
//! training courses and sessions, internal audits, corrective actions and management reviews.
//! They are section records ([`Section`]): one row each, written through `record.rs` with
//! their own rules and those that need the register (the measures, courses, audits,
//! incidents and complaints they name exist).

use crate::audit::Entity;
use crate::error::{FieldErrorCode, Result};
use crate::model::complaint::Complaint;
use crate::model::corrective_action::{
    ActionSource, CorrectiveAction, CorrectiveActionInput, CorrectiveActionView,
};
use crate::model::incident::Incident;
use crate::model::internal_audit::{
    FindingGrade, InternalAudit, InternalAuditInput, InternalAuditView,
};
use crate::model::language::Language;
use crate::model::management_review::{
    ManagementReview, ManagementReviewInput, ReviewDraft, ReviewInputs,
};
use crate::model::measure::Measure;
use crate::model::risk_assessment::{RiskAssessment, RiskAssessmentGap, RiskAssessmentInput};
use crate::model::training::{
    fiscal_year, same_person, TrainingCourse, TrainingCourseInput, TrainingSession,
    TrainingSessionInput, Untrained,
};
use crate::register::controls::{new_record, section_checks, section_record, Section};
use crate::register::record::{self, record_basics, Record, Removable};
use crate::register::Register;
use crate::store;
use crate::store::sections;
use crate::validation::FieldChecks;
use chrono::NaiveDate;
use rusqlite::Connection;

section_record!(
    RiskAssessment,
    Entity::RiskAssessment,
    "risk assessment",
    label: reference,
    numbered: reference by store::RISK_ASSESSMENT_REFERENCES
);
section_record!(
    TrainingCourse,
    Entity::TrainingCourse,
    "training course",
    label: reference,
    numbered: reference by store::TRAINING_COURSE_REFERENCES
);
section_record!(
    TrainingSession,
    Entity::TrainingSession,
    "training session",
    label: reference,
    numbered: reference by store::TRAINING_SESSION_REFERENCES
);
section_record!(
    InternalAudit,
    Entity::InternalAudit,
    "internal audit",
    label: reference,
    numbered: reference by store::AUDIT_REFERENCES
);
section_record!(
    CorrectiveAction,
    Entity::CorrectiveAction,
    "corrective action",
    label: reference,
    numbered: reference by store::ACTION_REFERENCES
);
section_record!(
    ManagementReview,
    Entity::ManagementReview,
    "management review",
    label: reference,
    numbered: reference by store::REVIEW_REFERENCES
);

impl Section for RiskAssessment {
    fn collect_errors(&self, checks: &mut FieldChecks) {
        self.fields.collect_errors(checks);
    }
    fn register_checks(&self, conn: &Connection, checks: &mut FieldChecks) -> Result<()> {
        for (i, risk) in self.fields.risks.iter().enumerate() {
            for (m, id) in risk.measure_ids.iter().enumerate() {
                if sections::get::<Measure>(conn, *id)?.is_none() {
                    checks.fail_with(
                        format!("risks[{i}].measureIds[{m}]"),
                        FieldErrorCode::Malformed,
                        format!("security measure {id} does not exist"),
                    );
                }
            }
        }
        Ok(())
    }
}

impl Section for TrainingCourse {
    fn collect_errors(&self, checks: &mut FieldChecks) {
        self.fields.collect_errors(checks);
    }
}

impl Section for TrainingSession {
    fn collect_errors(&self, checks: &mut FieldChecks) {
        self.fields.collect_errors(checks);
    }
    fn register_checks(&self, conn: &Connection, checks: &mut FieldChecks) -> Result<()> {
        let course = self.fields.course_id;
        if sections::get::<TrainingCourse>(conn, course)?.is_none() {
            checks.fail_with(
                "courseId",
                FieldErrorCode::Malformed,
                format!("training course {course} does not exist"),
            );
        }
        Ok(())
    }
}

impl Section for InternalAudit {
    fn collect_errors(&self, checks: &mut FieldChecks) {
        self.fields.collect_errors(checks);
    }
    /// A finding a corrective action names stays: its number is how the action names it.
    fn register_checks(&self, conn: &Connection, checks: &mut FieldChecks) -> Result<()> {
        let count = self.fields.findings.len() as u32;
        let named: Vec<String> = sections::list::<CorrectiveAction>(conn)?
            .into_iter()
            .filter(|a| a.fields.audit_id == Some(self.id))
            .filter(|a| a.fields.finding_number.is_some_and(|n| n > count))
            .map(|a| a.fields.reference)
            .collect();
        if !named.is_empty() {
            checks.fail_with(
                "findings",
                FieldErrorCode::InUse,
                format!(
                    "corrective actions {} name findings of this audit; they stay",
                    named.join(", ")
                ),
            );
        }
        Ok(())
    }
}

impl Section for CorrectiveAction {
    fn collect_errors(&self, checks: &mut FieldChecks) {
        self.fields.collect_errors(checks);
    }
    fn register_checks(&self, conn: &Connection, checks: &mut FieldChecks) -> Result<()> {
        let f = &self.fields;
        if let Some(audit_id) = f.audit_id {
            match sections::get::<InternalAudit>(conn, audit_id)? {
                None => checks.fail_with(
                    "auditId",
                    FieldErrorCode::Malformed,
                    format!("internal audit {audit_id} does not exist"),
                ),
                Some(audit) => {
                    if let Some(n) = f.finding_number.filter(|n| *n >= 1) {
                        match audit.fields.findings.get(n as usize - 1) {
                            None => checks.fail_with(
                                "findingNumber",
                                FieldErrorCode::Malformed,
                                format!("audit {} has no finding {n}", audit.fields.reference),
                            ),
                            Some(finding) if finding.grade == FindingGrade::GoodPractice => checks
                                .fail_with(
                                    "findingNumber",
                                    FieldErrorCode::Malformed,
                                    "a good practice calls for no corrective action",
                                ),
                            Some(_) => {}
                        }
                    }
                }
            }
        }
        if let Some(id) = f.incident_id {
            if store::incidents::get(conn, id)?.is_none() {
                checks.fail_with(
                    "incidentId",
                    FieldErrorCode::Malformed,
                    format!("incident {id} does not exist"),
                );
            }
        }
        if let Some(id) = f.complaint_id {
            if store::complaints::get(conn, id)?.is_none() {
                checks.fail_with(
                    "complaintId",
                    FieldErrorCode::Malformed,
                    format!("complaint {id} does not exist"),
                );
            }
        }
        Ok(())
    }
}

impl Section for ManagementReview {
    fn collect_errors(&self, checks: &mut FieldChecks) {
        self.fields.collect_errors(checks);
    }
}

macro_rules! removable {
    ($($kind:ty),+) => {$(
        impl Removable for $kind {
            fn remove(conn: &Connection, id: i64) -> Result<()> {
                sections::delete::<Self>(conn, id)?;
                Ok(())
            }
        }
    )+};
}
removable!(
    RiskAssessment,
    TrainingSession,
    CorrectiveAction,
    ManagementReview
);

impl Removable for TrainingCourse {
    fn remove(conn: &Connection, id: i64) -> Result<()> {
        sections::delete::<Self>(conn, id)?;
        Ok(())
    }
    /// The sessions are the record that people were trained on this course.
    fn refuse_removal(&self, conn: &Connection) -> Result<()> {
        let sessions = sections::list::<TrainingSession>(conn)?
            .into_iter()
            .filter(|s| s.fields.course_id == self.id)
            .map(|s| s.fields.reference)
            .collect();
        record::refuse_while_named(Self::NAME, &self.fields.reference, "sessions", sessions)
    }
}

impl Removable for InternalAudit {
    fn remove(conn: &Connection, id: i64) -> Result<()> {
        sections::delete::<Self>(conn, id)?;
        Ok(())
    }
    fn refuse_removal(&self, conn: &Connection) -> Result<()> {
        let actions = sections::list::<CorrectiveAction>(conn)?
            .into_iter()
            .filter(|a| a.fields.audit_id == Some(self.id))
            .map(|a| a.fields.reference)
            .collect();
        record::refuse_while_named(
            Self::NAME,
            &self.fields.reference,
            "corrective actions",
            actions,
        )
    }
}

/// Builds a new record of a kind with the usual `id, fields, version, created_at, updated_at`.
macro_rules! build {
    ($kind:ident, $input:expr) => {
        new_record($input, |id, fields, version, created_at, updated_at| {
            $kind {
                id,
                fields,
                version,
                created_at,
                updated_at,
            }
        })
    };
}

impl Register {
    // --- risk assessments ---------------------------------------------------------------

    /// Every assessment, newest first.
    pub fn risk_assessments(&self) -> Result<Vec<RiskAssessment>> {
        self.section_list()
    }

    pub fn risk_assessment(&self, id: i64) -> Result<RiskAssessment> {
        self.section_get(id)
    }

    pub fn create_risk_assessment(
        &self,
        mut input: RiskAssessmentInput,
        actor: &str,
    ) -> Result<RiskAssessment> {
        input.tidy();
        self.create_section(build!(RiskAssessment, input), actor)
    }

    pub fn update_risk_assessment(
        &self,
        id: i64,
        expected_version: i64,
        mut input: RiskAssessmentInput,
        actor: &str,
    ) -> Result<RiskAssessment> {
        input.tidy();
        self.update_section(id, expected_version, actor, |r: &mut RiskAssessment| {
            r.fields = input
        })
    }

    pub fn delete_risk_assessment(
        &self,
        id: i64,
        expected_version: i64,
        actor: &str,
    ) -> Result<()> {
        self.delete_section::<RiskAssessment>(id, expected_version, actor)
    }

    /// Holdings with sensitive or Individual Number items that were never assessed, and
    /// holdings whose latest assessment is due again by `today`; in ledger order.
    pub fn risk_assessment_gaps(&self, today: NaiveDate) -> Result<Vec<RiskAssessmentGap>> {
        self.read_all(|conn| risk_assessment_gaps(conn, today, true))
    }

    // --- training -----------------------------------------------------------------------

    pub fn training_courses(&self) -> Result<Vec<TrainingCourse>> {
        self.section_list()
    }

    pub fn training_course(&self, id: i64) -> Result<TrainingCourse> {
        self.section_get(id)
    }

    pub fn create_training_course(
        &self,
        mut input: TrainingCourseInput,
        actor: &str,
    ) -> Result<TrainingCourse> {
        input.tidy();
        self.create_section(build!(TrainingCourse, input), actor)
    }

    pub fn update_training_course(
        &self,
        id: i64,
        expected_version: i64,
        mut input: TrainingCourseInput,
        actor: &str,
    ) -> Result<TrainingCourse> {
        input.tidy();
        self.update_section(id, expected_version, actor, |r: &mut TrainingCourse| {
            r.fields = input
        })
    }

    pub fn delete_training_course(
        &self,
        id: i64,
        expected_version: i64,
        actor: &str,
    ) -> Result<()> {
        self.delete_section::<TrainingCourse>(id, expected_version, actor)
    }

    /// Every session, newest first.
    pub fn training_sessions(&self) -> Result<Vec<TrainingSession>> {
        self.section_list()
    }

    pub fn training_session(&self, id: i64) -> Result<TrainingSession> {
        self.section_get(id)
    }

    pub fn create_training_session(
        &self,
        mut input: TrainingSessionInput,
        actor: &str,
    ) -> Result<TrainingSession> {
        input.tidy();
        self.create_section(build!(TrainingSession, input), actor)
    }

    pub fn update_training_session(
        &self,
        id: i64,
        expected_version: i64,
        mut input: TrainingSessionInput,
        actor: &str,
    ) -> Result<TrainingSession> {
        input.tidy();
        self.update_section(id, expected_version, actor, |r: &mut TrainingSession| {
            r.fields = input
        })
    }

    pub fn delete_training_session(
        &self,
        id: i64,
        expected_version: i64,
        actor: &str,
    ) -> Result<()> {
        self.delete_section::<TrainingSession>(id, expected_version, actor)
    }

    /// The trainees of every yearly course who have not completed it in the fiscal year of
    /// `today` (April to March), by department, then name, then course.
    pub fn untrained(&self, today: NaiveDate) -> Result<Vec<Untrained>> {
        self.read_all(|conn| untrained(conn, today))
    }

    // --- internal audits ----------------------------------------------------------------

    /// Every audit, latest planned first, with its nonconformities still without an action.
    pub fn internal_audits(&self, today: NaiveDate) -> Result<Vec<InternalAuditView>> {
        self.read_all(|conn| {
            let actions = sections::list::<CorrectiveAction>(conn)?;
            Ok(sections::list::<InternalAudit>(conn)?
                .into_iter()
                .map(|a| audit_view(a, &actions, today))
                .collect())
        })
    }

    pub fn internal_audit(&self, id: i64, today: NaiveDate) -> Result<InternalAuditView> {
        self.read_all(|conn| {
            let actions = sections::list::<CorrectiveAction>(conn)?;
            Ok(audit_view(record::load(conn, id)?, &actions, today))
        })
    }

    /// Refused with a field error on `auditorDepartment` when the auditor belongs to a
    /// department the audit covers.
    pub fn create_internal_audit(
        &self,
        mut input: InternalAuditInput,
        actor: &str,
    ) -> Result<InternalAudit> {
        input.tidy();
        self.create_section(build!(InternalAudit, input), actor)
    }

    pub fn update_internal_audit(
        &self,
        id: i64,
        expected_version: i64,
        mut input: InternalAuditInput,
        actor: &str,
    ) -> Result<InternalAudit> {
        input.tidy();
        self.update_section(id, expected_version, actor, |r: &mut InternalAudit| {
            r.fields = input
        })
    }

    pub fn delete_internal_audit(&self, id: i64, expected_version: i64, actor: &str) -> Result<()> {
        self.delete_section::<InternalAudit>(id, expected_version, actor)
    }

    // --- corrective actions -------------------------------------------------------------

    /// Every action by due date, with its status and whether it is overdue on `today`.
    pub fn corrective_actions(&self, today: NaiveDate) -> Result<Vec<CorrectiveActionView>> {
        self.read_all(|conn| {
            let mut views = Vec::new();
            for action in sections::list::<CorrectiveAction>(conn)? {
                views.push(action_view(conn, action, today)?);
            }
            Ok(views)
        })
    }

    pub fn corrective_action(&self, id: i64, today: NaiveDate) -> Result<CorrectiveActionView> {
        self.read_all(|conn| action_view(conn, record::load(conn, id)?, today))
    }

    pub fn create_corrective_action(
        &self,
        mut input: CorrectiveActionInput,
        actor: &str,
    ) -> Result<CorrectiveAction> {
        input.tidy();
        self.create_section(build!(CorrectiveAction, input), actor)
    }

    pub fn update_corrective_action(
        &self,
        id: i64,
        expected_version: i64,
        mut input: CorrectiveActionInput,
        actor: &str,
    ) -> Result<CorrectiveAction> {
        input.tidy();
        self.update_section(id, expected_version, actor, |r: &mut CorrectiveAction| {
            r.fields = input
        })
    }

    pub fn delete_corrective_action(
        &self,
        id: i64,
        expected_version: i64,
        actor: &str,
    ) -> Result<()> {
        self.delete_section::<CorrectiveAction>(id, expected_version, actor)
    }

    // --- management reviews -------------------------------------------------------------

    pub fn management_reviews(&self) -> Result<Vec<ManagementReview>> {
        self.section_list()
    }

    pub fn management_review(&self, id: i64) -> Result<ManagementReview> {
        self.section_get(id)
    }

    pub fn create_management_review(
        &self,
        mut input: ManagementReviewInput,
        actor: &str,
    ) -> Result<ManagementReview> {
        input.tidy();
        self.create_section(build!(ManagementReview, input), actor)
    }

    pub fn update_management_review(
        &self,
        id: i64,
        expected_version: i64,
        mut input: ManagementReviewInput,
        actor: &str,
    ) -> Result<ManagementReview> {
        input.tidy();
        self.update_section(id, expected_version, actor, |r: &mut ManagementReview| {
            r.fields = input
        })
    }

    pub fn delete_management_review(
        &self,
        id: i64,
        expected_version: i64,
        actor: &str,
    ) -> Result<()> {
        self.delete_section::<ManagementReview>(id, expected_version, actor)
    }

    /// The inputs of a review to be held on `held_on`, gathered from the register since the
    /// previous review (or for the year before `held_on` when there was none), written in
    /// `language`.
    pub fn management_review_draft(
        &self,
        held_on: NaiveDate,
        language: Language,
    ) -> Result<ReviewDraft> {
        self.read_all(|conn| review_draft(conn, held_on, language))
    }
}

pub(crate) fn risk_assessment_gaps(
    conn: &Connection,
    today: NaiveDate,
    include_due: bool,
) -> Result<Vec<RiskAssessmentGap>> {
    let assessments = sections::list::<RiskAssessment>(conn)?;
    let mut gaps = Vec::new();
    for holding in store::holdings::list(conn)? {
        // Newest first, so the first one found is the latest.
        let latest = assessments
            .iter()
            .filter(|a| a.fields.holding_id == holding.id)
            .max_by_key(|a| (a.fields.assessed_on, a.id));
        let (sensitive, my_number) = (holding.has_sensitive_items(), holding.has_my_number());
        let gap = match latest {
            None => sensitive || my_number,
            Some(a) => include_due && a.fields.due_again() <= today,
        };
        if gap {
            gaps.push(RiskAssessmentGap {
                holding_id: holding.id,
                ledger_no: holding.fields.ledger_no.clone(),
                holding_name: holding.fields.name.clone(),
                department: holding.fields.department.clone(),
                sensitive,
                my_number,
                last_assessed_on: latest.map(|a| a.fields.assessed_on),
                due_on: latest.map(|a| a.fields.due_again()),
            });
        }
    }
    gaps.sort_by(|a, b| a.ledger_no.cmp(&b.ledger_no));
    Ok(gaps)
}

pub(crate) fn untrained(conn: &Connection, today: NaiveDate) -> Result<Vec<Untrained>> {
    let (first, last) = fiscal_year(today);
    let sessions = sections::list::<TrainingSession>(conn)?;
    let mut people = Vec::new();
    for course in sections::list::<TrainingCourse>(conn)? {
        if !course.fields.yearly {
            continue;
        }
        for trainee in &course.fields.trainees {
            let completions: Vec<NaiveDate> = sessions
                .iter()
                .filter(|s| s.fields.course_id == course.id && s.fields.held_on <= last)
                .filter(|s| {
                    s.fields.attendees.iter().any(|a| {
                        a.completed
                            && same_person(
                                &a.name,
                                &a.department,
                                &trainee.name,
                                &trainee.department,
                            )
                    })
                })
                .map(|s| s.fields.held_on)
                .collect();
            if completions.iter().any(|on| *on >= first) {
                continue;
            }
            people.push(Untrained {
                department: trainee.department.clone(),
                name: trainee.name.clone(),
                course_id: course.id,
                course_reference: course.fields.reference.clone(),
                course_subject: course.fields.subject.clone(),
                last_completed_on: completions.into_iter().max(),
            });
        }
    }
    people.sort_by(|a, b| {
        (&a.department, &a.name, &a.course_reference).cmp(&(
            &b.department,
            &b.name,
            &b.course_reference,
        ))
    });
    Ok(people)
}

fn audit_view(
    audit: InternalAudit,
    actions: &[CorrectiveAction],
    today: NaiveDate,
) -> InternalAuditView {
    let nonconformities_without_action = audit
        .fields
        .findings
        .iter()
        .enumerate()
        .filter(|(_, f)| f.grade == FindingGrade::Nonconformity)
        .map(|(i, _)| i as u32 + 1)
        .filter(|n| {
            !actions
                .iter()
                .any(|a| a.fields.audit_id == Some(audit.id) && a.fields.finding_number == Some(*n))
        })
        .collect();
    InternalAuditView {
        overdue: audit.fields.performed_on.is_none() && audit.fields.planned_on < today,
        nonconformities_without_action,
        audit,
    }
}

pub(crate) fn action_view(
    conn: &Connection,
    action: CorrectiveAction,
    today: NaiveDate,
) -> Result<CorrectiveActionView> {
    let f = &action.fields;
    let source_label = match f.source {
        ActionSource::AuditFinding => {
            let audit = match f.audit_id {
                Some(id) => sections::get::<InternalAudit>(conn, id)?.map(|a| a.fields.reference),
                None => None,
            };
            format!(
                "{} #{}",
                audit.unwrap_or_default(),
                f.finding_number.unwrap_or_default()
            )
        }
        ActionSource::Incident => match f.incident_id {
            Some(id) => store::incidents::get(conn, id)?
                .map(|i: Incident| i.fields.reference)
                .unwrap_or_default(),
            None => String::new(),
        },
        ActionSource::Complaint => match f.complaint_id {
            Some(id) => store::complaints::get(conn, id)?
                .map(|c: Complaint| c.fields.reference)
                .unwrap_or_default(),
            None => String::new(),
        },
        ActionSource::Other => String::new(),
    };
    let overdue = f.is_overdue(today);
    Ok(CorrectiveActionView {
        status: f.status(),
        overdue,
        days_overdue: if overdue {
            (today - f.due_on).num_days()
        } else {
            0
        },
        source_label,
        action,
    })
}

fn review_draft(conn: &Connection, held_on: NaiveDate, language: Language) -> Result<ReviewDraft> {
    let ja = language == Language::Ja;
    let pick = |ja_text: &str, en_text: &str| {
        if ja {
            ja_text.to_owned()
        } else {
            en_text.to_owned()
        }
    };
    let previous = sections::list::<ManagementReview>(conn)?
        .into_iter()
        .filter(|r| r.fields.held_on < held_on)
        .max_by_key(|r| (r.fields.held_on, r.id));
    let from = match &previous {
        Some(p) => p.fields.held_on.succ_opt().unwrap_or(p.fields.held_on),
        None => held_on
            .checked_sub_months(chrono::Months::new(12))
            .and_then(|d| d.succ_opt())
            .unwrap_or(held_on),
    };
    let within = |d: NaiveDate| d >= from && d <= held_on;
    let lines = |items: Vec<String>, none: &str| {
        if items.is_empty() {
            none.to_owned()
        } else {
            items.join("\n")
        }
    };

    let previous_actions = match &previous {
        None => pick("前回の見直しの記録なし", "No previous review recorded"),
        Some(p) => lines(
            p.fields
                .decisions
                .iter()
                .map(|d| {
                    let due = d.due_on.map(|d| d.to_string()).unwrap_or_default();
                    format!(
                        "・{} {} ({}) {due}",
                        p.fields.reference, d.description, d.owner
                    )
                })
                .collect(),
            &pick("前回の決定事項なし", "No decisions at the previous review"),
        ),
    };

    let audits: Vec<InternalAudit> = sections::list::<InternalAudit>(conn)?
        .into_iter()
        .filter(|a| a.fields.performed_on.is_some_and(within))
        .collect();
    let count = |a: &InternalAudit, g: FindingGrade| {
        a.fields.findings.iter().filter(|f| f.grade == g).count()
    };
    let nonconformities: usize = audits
        .iter()
        .map(|a| count(a, FindingGrade::Nonconformity))
        .sum();
    let audit_results = lines(
        audits
            .iter()
            .map(|a| {
                let (n, o, g) = (
                    count(a, FindingGrade::Nonconformity),
                    count(a, FindingGrade::Observation),
                    count(a, FindingGrade::GoodPractice),
                );
                let on = a
                    .fields
                    .performed_on
                    .map(|d| d.to_string())
                    .unwrap_or_default();
                if ja {
                    format!(
                        "・{} {on} {}: 不適合{n}件、観察事項{o}件、良好事例{g}件",
                        a.fields.reference, a.fields.scope
                    )
                } else {
                    format!(
                        "・{} {on} {}: {n} nonconformities, {o} observations, {g} good practices",
                        a.fields.reference, a.fields.scope
                    )
                }
            })
            .collect(),
        &pick(
            "期間中に実施した内部監査なし",
            "No internal audit performed in the period",
        ),
    );

    let actions = sections::list::<CorrectiveAction>(conn)?;
    let open: Vec<&CorrectiveAction> = actions
        .iter()
        .filter(|a| a.fields.done_on.is_none())
        .collect();
    let overdue = open.iter().filter(|a| a.fields.is_overdue(held_on)).count();
    let closed = actions
        .iter()
        .filter(|a| a.fields.done_on.is_some_and(within))
        .count();
    let corrective_actions = if ja {
        format!(
            "期間中に完了した処置{closed}件、未完了{}件（うち期限超過{overdue}件）",
            open.len()
        )
    } else {
        format!(
            "{closed} actions done in the period; {} open ({overdue} overdue)",
            open.len()
        )
    };

    let incidents: Vec<Incident> = store::incidents::list(conn)?
        .into_iter()
        .filter(|i| within(i.fields.aware_at.date_naive()))
        .collect();
    let incidents_text = lines(
        incidents
            .iter()
            .map(|i| format!("・{} {}", i.fields.reference, i.fields.title))
            .collect(),
        &pick("期間中の漏えい等事案なし", "No incident in the period"),
    );
    let complaints: Vec<Complaint> = store::complaints::list(conn)?
        .into_iter()
        .filter(|c| within(c.fields.received_on))
        .collect();
    let complaints_text = lines(
        complaints
            .iter()
            .map(|c| format!("・{} {}", c.fields.reference, c.fields.subject))
            .collect(),
        &pick("期間中の苦情なし", "No complaint in the period"),
    );

    let changed: Vec<String> = store::holdings::list(conn)?
        .into_iter()
        .filter(|h| {
            NaiveDate::parse_from_str(h.updated_at.get(..10).unwrap_or_default(), "%Y-%m-%d")
                .is_ok_and(within)
        })
        .map(|h| format!("・{} {}", h.fields.ledger_no, h.fields.name))
        .collect();
    let changes = if changed.is_empty() {
        pick(
            "期間中の台帳の変更なし",
            "No change to the ledger in the period",
        )
    } else if ja {
        format!(
            "期間中に変更された保有個人情報{}件:\n{}",
            changed.len(),
            changed.join("\n")
        )
    } else {
        format!(
            "{} holdings changed in the period:\n{}",
            changed.len(),
            changed.join("\n")
        )
    };

    let gaps = risk_assessment_gaps(conn, held_on, false)?;
    let due = risk_assessment_gaps(conn, held_on, true)?.len() - gaps.len();
    let untrained = untrained(conn, held_on)?;
    let risks_and_training = if ja {
        format!(
            "要配慮個人情報又は個人番号を含み、リスクアセスメント未実施の保有個人情報{}件、再評価期限到来{due}件。今年度の未受講者{}名。",
            gaps.len(),
            untrained.len()
        )
    } else {
        format!(
            "{} holdings with sensitive or Individual Number items have no risk assessment; {due} are due for reassessment. {} people untrained this fiscal year.",
            gaps.len(),
            untrained.len()
        )
    };

    Ok(ReviewDraft {
        from,
        to: held_on,
        input: ManagementReviewInput {
            reference: String::new(),
            held_on,
            chaired_by: String::new(),
            attendees: Vec::new(),
            inputs: ReviewInputs {
                previous_actions,
                changes,
                audit_results,
                corrective_actions,
                incidents: incidents_text,
                complaints: complaints_text,
                risks_and_training,
                improvements: String::new(),
            },
            decisions: Vec::new(),
        },
        audits_performed: audits.len() as i64,
        nonconformities: nonconformities as i64,
        open_actions: open.len() as i64,
        overdue_actions: overdue as i64,
        incidents: incidents.len() as i64,
        complaints: complaints.len() as i64,
        holdings_without_assessment: gaps.len() as i64,
        untrained: untrained.len() as i64,
    })
}
