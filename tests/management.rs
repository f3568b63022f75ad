//! The management system around the register (issue 17): risk assessments, training, internal
//! audits, corrective actions, management reviews, and the one agenda of everything due.
//! Each rule is worked out by hand from the clause of JIS Q 15001:2017 it implements.

use crate::common;

use common::{d, holding, item, memory_register, ACTOR};
use daicho::audit::Entity;
use daicho::model::agenda::{AgendaKind, AgendaQuery};
use daicho::model::corrective_action::{ActionSource, ActionStatus, CorrectiveActionInput};
use daicho::model::holding::{Holding, RetentionRule, RetentionTrigger};
use daicho::model::internal_audit::{
    AuditFinding, ChecklistItem, ChecklistResult, FindingGrade, InternalAuditInput,
};
use daicho::model::language::Language;
use daicho::model::management_review::{ManagementReviewInput, ReviewDecision, ReviewInputs};
use daicho::model::measure::{MeasureHeading, MeasureInput};
use daicho::model::risk_assessment::{
    IdentifiedRisk, LifeStage, RiskAssessmentInput, RiskKind, RiskLevel,
};
use daicho::model::training::{
    fiscal_year, Attendee, Trainee, TrainingCourseInput, TrainingSessionInput,
};
use daicho::{ErrorKind, FieldErrorCode, Register};

fn refusal<T: std::fmt::Debug>(result: daicho::Result<T>) -> Vec<(String, FieldErrorCode)> {
    let error = result.expect_err("the write is refused");
    assert_eq!(error.kind(), ErrorKind::Validation, "{error}");
    error
        .field_errors()
        .iter()
        .map(|f| (f.field.clone(), f.code))
        .collect()
}

fn has(errors: &[(String, FieldErrorCode)], field: &str, code: FieldErrorCode) -> bool {
    errors.iter().any(|(f, c)| f == field && *c == code)
}

fn sensitive_holding(register: &Register) -> Holding {
    let mut input = holding("健診結果データ");
    let mut result = item("健診結果");
    result.sensitive = true;
    input.data_items = vec![item("氏名"), result];
    register.create_holding(input, ACTOR).unwrap()
}

fn measure(register: &Register, holding_id: i64) -> i64 {
    register
        .create_measure(
            MeasureInput {
                heading: MeasureHeading::Technical,
                title: "アクセス制御".to_owned(),
                description: String::new(),
                publishable: true,
                holding_ids: vec![holding_id],
            },
            ACTOR,
        )
        .unwrap()
        .id
}

fn risk(likelihood: RiskLevel, impact: RiskLevel, residual: RiskLevel) -> IdentifiedRisk {
    IdentifiedRisk {
        stage: LifeStage::Storage,
        risk: RiskKind::Leak,
        description: "サーバからの漏えい".to_owned(),
        likelihood,
        impact,
        measure_ids: Vec::new(),
        residual,
    }
}

fn assessment(holding_id: i64, assessed_on: &str) -> RiskAssessmentInput {
    RiskAssessmentInput {
        reference: String::new(),
        holding_id,
        assessed_on: d(assessed_on),
        assessed_by: "個人情報保護管理者".to_owned(),
        risks: vec![risk(RiskLevel::Low, RiskLevel::Medium, RiskLevel::Low)],
        accepted_by: "常務理事".to_owned(),
        accepted_on: Some(d(assessed_on)),
        next_assessment_on: None,
        notes: String::new(),
    }
}

#[test]
fn the_level_before_treatment_is_read_off_the_three_by_three_matrix() {
    use RiskLevel::{High, Low, Medium};
    // Likelihood × impact on 1–3: 1–2 low, 3–4 medium, 6–9 high.
    let table = [
        (Low, Low, Low),          // 1
        (Low, Medium, Low),       // 2
        (Medium, Low, Low),       // 2
        (Low, High, Medium),      // 3
        (High, Low, Medium),      // 3
        (Medium, Medium, Medium), // 4
        (Medium, High, High),     // 6
        (High, Medium, High),     // 6
        (High, High, High),       // 9
    ];
    for (likelihood, impact, level) in table {
        assert_eq!(
            RiskLevel::inherent(likelihood, impact),
            level,
            "{likelihood:?} × {impact:?}"
        );
    }
}

#[test]
fn a_lowered_residual_risk_names_its_measures_and_is_accepted_by_name_and_date() {
    let register = memory_register();
    let h = sensitive_holding(&register);
    let m = measure(&register, h.id);

    // High × high is high; claiming low residual risk with no measure is refused (6.1.3 b–c).
    let mut input = assessment(h.id, "2026-05-01");
    input.risks = vec![risk(RiskLevel::High, RiskLevel::High, RiskLevel::Low)];
    let errors = refusal(register.create_risk_assessment(input.clone(), ACTOR));
    assert!(
        has(&errors, "risks[0].measureIds", FieldErrorCode::Required),
        "{errors:?}"
    );

    // A residual risk above the risk before treatment cannot be.
    let mut higher = input.clone();
    higher.risks = vec![risk(RiskLevel::Low, RiskLevel::Low, RiskLevel::High)];
    let errors = refusal(register.create_risk_assessment(higher, ACTOR));
    assert!(has(
        &errors,
        "risks[0].residual",
        FieldErrorCode::OutOfRange
    ));

    // A measure that does not exist is refused by its place.
    input.risks[0].measure_ids = vec![m + 100];
    let errors = refusal(register.create_risk_assessment(input.clone(), ACTOR));
    assert!(has(
        &errors,
        "risks[0].measureIds[0]",
        FieldErrorCode::Malformed
    ));

    // Acceptance by the risk owner, by name and date not before the assessment (6.1.3 f).
    input.risks[0].measure_ids = vec![m];
    let mut unaccepted = input.clone();
    unaccepted.accepted_by = String::new();
    unaccepted.accepted_on = Some(d("2026-04-30"));
    let errors = refusal(register.create_risk_assessment(unaccepted, ACTOR));
    assert!(has(&errors, "acceptedBy", FieldErrorCode::Required));
    assert!(has(&errors, "acceptedOn", FieldErrorCode::DateOrder));

    // The same risk twice at one stage.
    let mut twice = input.clone();
    twice.risks.push(twice.risks[0].clone());
    let errors = refusal(register.create_risk_assessment(twice, ACTOR));
    assert!(has(&errors, "risks[1].risk", FieldErrorCode::Duplicate));

    let stored = register.create_risk_assessment(input, ACTOR).unwrap();
    assert_eq!(stored.fields.reference, "RA-0001");
    // Without a next date it is due again a year later.
    assert_eq!(stored.fields.due_again(), d("2027-05-01"));
    let trail = register
        .history(Entity::RiskAssessment, &stored.id.to_string())
        .unwrap();
    assert_eq!(trail.len(), 1);

    // The holding it assesses is kept.
    let refused = register.delete_holding(h.id, h.version, ACTOR).unwrap_err();
    assert_eq!(refused.kind(), ErrorKind::InUse);
}

#[test]
fn holdings_with_sensitive_or_individual_number_items_and_no_assessment_are_flagged() {
    let register = memory_register();
    let plain = register.create_holding(holding("職員名簿"), ACTOR).unwrap();
    let sensitive = sensitive_holding(&register);
    let mut numbers = holding("扶養控除申告書");
    let mut number = item("個人番号");
    number.my_number = true;
    numbers.data_items = vec![item("氏名"), number];
    numbers.number_affairs = vec![daicho::model::holding::NumberAffair {
        kind: daicho::model::holding::NumberAffairKind::Related,
        description: "源泉徴収票の作成".to_owned(),
    }];
    let numbers = register.create_holding(numbers, ACTOR).unwrap();

    let today = d("2026-06-01");
    let gaps = register.risk_assessment_gaps(today).unwrap();
    let flagged: Vec<(i64, bool, bool)> = gaps
        .iter()
        .map(|g| (g.holding_id, g.sensitive, g.my_number))
        .collect();
    // The plain holding needs no assessment before it has one; the other two do.
    assert_eq!(
        flagged,
        vec![(sensitive.id, true, false), (numbers.id, false, true)]
    );
    assert!(gaps.iter().all(|g| g.last_assessed_on.is_none()));

    register
        .create_risk_assessment(assessment(sensitive.id, "2025-06-01"), ACTOR)
        .unwrap();
    register
        .create_risk_assessment(assessment(plain.id, "2026-05-01"), ACTOR)
        .unwrap();
    // Assessed 2025-06-01, due again 2026-06-01: due on that very day.
    let gaps = register.risk_assessment_gaps(today).unwrap();
    let flagged: Vec<(i64, Option<chrono::NaiveDate>)> =
        gaps.iter().map(|g| (g.holding_id, g.due_on)).collect();
    assert_eq!(
        flagged,
        vec![(sensitive.id, Some(d("2026-06-01"))), (numbers.id, None)]
    );
    // The day before, only the never-assessed holding is.
    let gaps = register.risk_assessment_gaps(d("2026-05-31")).unwrap();
    assert_eq!(gaps.len(), 1);
    assert_eq!(gaps[0].holding_id, numbers.id);
}

fn trainee(name: &str, department: &str) -> Trainee {
    Trainee {
        name: name.to_owned(),
        department: department.to_owned(),
    }
}

fn attendee(name: &str, department: &str, completed: bool, score: Option<u8>) -> Attendee {
    Attendee {
        name: name.to_owned(),
        department: department.to_owned(),
        completed,
        score,
    }
}

fn course() -> TrainingCourseInput {
    TrainingCourseInput {
        reference: String::new(),
        subject: "個人情報保護基礎研修".to_owned(),
        audience: "全職員".to_owned(),
        materials: "研修資料 第3版".to_owned(),
        yearly: true,
        trainees: vec![
            trainee("青木 一郎", "総務課"),
            trainee("井上 花子", "総務課"),
            trainee("上田 健", "業務課"),
        ],
    }
}

fn session(course_id: i64, held_on: &str, attendees: Vec<Attendee>) -> TrainingSessionInput {
    TrainingSessionInput {
        reference: String::new(),
        course_id,
        held_on: d(held_on),
        trainer: "個人情報保護管理者".to_owned(),
        pass_mark: Some(70),
        attendees,
        notes: String::new(),
    }
}

#[test]
fn the_fiscal_year_runs_from_april_to_march() {
    assert_eq!(
        fiscal_year(d("2026-04-01")),
        (d("2026-04-01"), d("2027-03-31"))
    );
    assert_eq!(
        fiscal_year(d("2026-03-31")),
        (d("2025-04-01"), d("2026-03-31"))
    );
    assert_eq!(
        fiscal_year(d("2027-01-15")),
        (d("2026-04-01"), d("2027-03-31"))
    );
}

#[test]
fn staff_not_trained_this_fiscal_year_are_listed_by_department() {
    let register = memory_register();
    let c = register.create_training_course(course(), ACTOR).unwrap();
    assert_eq!(c.fields.reference, "TC-0001");

    // Last fiscal year (2025-04-01 to 2026-03-31): 上田 completed.
    register
        .create_training_session(
            session(
                c.id,
                "2026-03-20",
                vec![attendee("上田 健", "業務課", true, Some(90))],
            ),
            ACTOR,
        )
        .unwrap();
    // This fiscal year: 青木 completed (the sheet wrote the name without its space);
    // 井上 scored below the pass mark and did not complete.
    register
        .create_training_session(
            session(
                c.id,
                "2026-05-10",
                vec![
                    attendee("青木一郎", "総務課", true, Some(80)),
                    attendee("井上 花子", "総務課", false, Some(50)),
                ],
            ),
            ACTOR,
        )
        .unwrap();

    let untrained = register.untrained(d("2026-06-01")).unwrap();
    let listed: Vec<(&str, &str, Option<chrono::NaiveDate>)> = untrained
        .iter()
        .map(|u| (u.department.as_str(), u.name.as_str(), u.last_completed_on))
        .collect();
    // By department (業務課 sorts before 総務課), then name.
    assert_eq!(
        listed,
        vec![
            ("業務課", "上田 健", Some(d("2026-03-20"))),
            ("総務課", "井上 花子", None),
        ]
    );
    // Back in the last fiscal year, 上田 was trained and the other two were not.
    let last_year = register.untrained(d("2026-03-31")).unwrap();
    let names: Vec<&str> = last_year.iter().map(|u| u.name.as_str()).collect();
    assert_eq!(names, vec!["井上 花子", "青木 一郎"]);
}

#[test]
fn a_completion_below_the_pass_mark_or_without_a_score_is_refused() {
    let register = memory_register();
    let c = register.create_training_course(course(), ACTOR).unwrap();
    let errors = refusal(register.create_training_session(
        session(
            c.id,
            "2026-05-10",
            vec![
                attendee("青木 一郎", "総務課", true, Some(69)),
                attendee("井上 花子", "総務課", true, None),
                attendee("井上 花子", "総務課", false, Some(101)),
            ],
        ),
        ACTOR,
    ));
    assert!(has(
        &errors,
        "attendees[0].completed",
        FieldErrorCode::OutOfRange
    ));
    assert!(has(&errors, "attendees[1].score", FieldErrorCode::Required));
    assert!(has(&errors, "attendees[2].name", FieldErrorCode::Duplicate));
    assert!(has(
        &errors,
        "attendees[2].score",
        FieldErrorCode::OutOfRange
    ));
    let errors = refusal(register.create_training_session(
        session(
            c.id + 9,
            "2026-05-10",
            vec![attendee("青木 一郎", "総務課", true, Some(70))],
        ),
        ACTOR,
    ));
    assert!(has(&errors, "courseId", FieldErrorCode::Malformed));
    // Exactly the pass mark completes the course.
    let s = register
        .create_training_session(
            session(
                c.id,
                "2026-05-10",
                vec![attendee("青木 一郎", "総務課", true, Some(70))],
            ),
            ACTOR,
        )
        .unwrap();
    // A course with sessions is kept.
    let refused = register
        .delete_training_course(c.id, c.version, ACTOR)
        .unwrap_err();
    assert_eq!(refused.kind(), ErrorKind::InUse);
    register
        .delete_training_session(s.id, s.version, ACTOR)
        .unwrap();
    register
        .delete_training_course(c.id, c.version, ACTOR)
        .unwrap();
}

fn audit(departments: &[&str], auditor_department: &str) -> InternalAuditInput {
    InternalAuditInput {
        reference: String::new(),
        planned_on: d("2026-06-10"),
        performed_on: None,
        scope: "保有個人情報の取扱い".to_owned(),
        departments: departments.iter().map(|d| (*d).to_owned()).collect(),
        auditor: "監査 太郎".to_owned(),
        auditor_department: auditor_department.to_owned(),
        checklist: vec![ChecklistItem {
            clause: "A.3.3.3".to_owned(),
            question: "リスクアセスメントは実施されているか".to_owned(),
            result: None,
            note: String::new(),
        }],
        findings: Vec::new(),
        summary: String::new(),
    }
}

fn finding(grade: FindingGrade) -> AuditFinding {
    AuditFinding {
        grade,
        clause: "A.3.3.3".to_owned(),
        department: "業務課".to_owned(),
        description: "リスクアセスメントが未実施".to_owned(),
        evidence: "台帳 H-0002".to_owned(),
    }
}

fn performed(mut input: InternalAuditInput, findings: Vec<AuditFinding>) -> InternalAuditInput {
    input.performed_on = Some(d("2026-06-12"));
    input.checklist[0].result = Some(ChecklistResult::Nonconforming);
    input.findings = findings;
    input
}

#[test]
fn an_auditor_does_not_audit_their_own_department() {
    let register = memory_register();
    // JIS Q 15001 9.2.2 c): objectivity and impartiality; the auditor from 総務課 cannot
    // audit 総務課, whether or not the name is spaced the same way.
    for own in ["総務課", "総務 課"] {
        let errors =
            refusal(register.create_internal_audit(audit(&["業務課", own], "総務課"), ACTOR));
        assert_eq!(
            errors,
            vec![(
                "auditorDepartment".to_owned(),
                FieldErrorCode::NotIndependent
            )]
        );
    }
    let error = register
        .create_internal_audit(audit(&["総務課"], "総務課"), ACTOR)
        .unwrap_err();
    assert!(error.to_string().contains("own department"), "{error}");
    let stored = register
        .create_internal_audit(audit(&["業務課"], "総務課"), ACTOR)
        .unwrap();
    assert_eq!(stored.fields.reference, "IA-0001");
    // Moving the auditor into the audited department later is refused the same way.
    let mut moved = stored.fields.clone();
    moved.auditor_department = "業務課".to_owned();
    let errors = refusal(register.update_internal_audit(stored.id, stored.version, moved, ACTOR));
    assert!(has(
        &errors,
        "auditorDepartment",
        FieldErrorCode::NotIndependent
    ));
}

#[test]
fn findings_and_answers_wait_for_the_audit_to_be_performed() {
    let register = memory_register();
    let mut input = audit(&["業務課"], "総務課");
    input.findings = vec![finding(FindingGrade::Nonconformity)];
    input.checklist[0].result = Some(ChecklistResult::Conforming);
    let errors = refusal(register.create_internal_audit(input, ACTOR));
    assert!(has(&errors, "findings[0].grade", FieldErrorCode::NeedsNote));
    assert!(has(
        &errors,
        "checklist[0].result",
        FieldErrorCode::NeedsNote
    ));
    // A nonconformity carries its evidence (9.2 g).
    let mut bare = finding(FindingGrade::Nonconformity);
    bare.evidence = String::new();
    let errors = refusal(
        register.create_internal_audit(performed(audit(&["業務課"], "総務課"), vec![bare]), ACTOR),
    );
    assert!(has(
        &errors,
        "findings[0].evidence",
        FieldErrorCode::Required
    ));
    // Hostile text is refused by the write path's text rule, naming the field.
    let mut hostile = finding(FindingGrade::Observation);
    hostile.description = "観察\u{202e}事項".to_owned();
    let errors = refusal(register.create_internal_audit(
        performed(audit(&["業務課"], "総務課"), vec![hostile]),
        ACTOR,
    ));
    assert!(has(
        &errors,
        "findings[0].description",
        FieldErrorCode::ControlCharacter
    ));
}

fn action_from(audit_id: i64, finding: u32) -> CorrectiveActionInput {
    CorrectiveActionInput {
        reference: String::new(),
        source: ActionSource::AuditFinding,
        audit_id: Some(audit_id),
        finding_number: Some(finding),
        incident_id: None,
        complaint_id: None,
        preventive: false,
        raised_on: d("2026-06-12"),
        problem: "リスクアセスメントが未実施".to_owned(),
        cause: String::new(),
        action: String::new(),
        owner: "業務課長".to_owned(),
        department: "業務課".to_owned(),
        due_on: d("2026-06-30"),
        done_on: None,
        checked_on: None,
        effective: None,
        check_note: String::new(),
    }
}

#[test]
fn a_nonconformity_opens_an_action_that_is_overdue_after_its_due_day_until_done() {
    let register = memory_register();
    let a = register
        .create_internal_audit(
            performed(
                audit(&["業務課"], "総務課"),
                vec![
                    finding(FindingGrade::Nonconformity),
                    finding(FindingGrade::GoodPractice),
                ],
            ),
            ACTOR,
        )
        .unwrap();
    let view = register.internal_audit(a.id, d("2026-06-12")).unwrap();
    assert_eq!(view.nonconformities_without_action, vec![1]);

    // Only a finding that exists, and not a good practice, opens an action.
    let errors = refusal(register.create_corrective_action(action_from(a.id, 3), ACTOR));
    assert!(has(&errors, "findingNumber", FieldErrorCode::Malformed));
    let errors = refusal(register.create_corrective_action(action_from(a.id, 2), ACTOR));
    assert!(has(&errors, "findingNumber", FieldErrorCode::Malformed));
    // An audit finding names its audit; an incident id does not belong.
    let mut mixed = action_from(a.id, 1);
    mixed.incident_id = Some(1);
    mixed.audit_id = None;
    let errors = refusal(register.create_corrective_action(mixed, ACTOR));
    assert!(has(&errors, "auditId", FieldErrorCode::Required));
    assert!(has(&errors, "incidentId", FieldErrorCode::Malformed));

    let action = register
        .create_corrective_action(action_from(a.id, 1), ACTOR)
        .unwrap();
    assert_eq!(action.fields.reference, "CA-0001");
    let view = register.internal_audit(a.id, d("2026-06-12")).unwrap();
    assert!(view.nonconformities_without_action.is_empty());

    // Due 2026-06-30: not overdue on that day, one day overdue the next.
    let on_due = register
        .corrective_action(action.id, d("2026-06-30"))
        .unwrap();
    assert_eq!((on_due.status, on_due.overdue), (ActionStatus::Open, false));
    let after = register
        .corrective_action(action.id, d("2026-07-01"))
        .unwrap();
    assert_eq!((after.overdue, after.days_overdue), (true, 1));
    assert_eq!(after.source_label, "IA-0001 #1");

    // Done only with the cause and the action written (10.1 b–c); the effectiveness is
    // checked once done and not before (10.1 d).
    let mut done = action.fields.clone();
    done.done_on = Some(d("2026-07-03"));
    done.checked_on = Some(d("2026-07-02"));
    done.effective = Some(true);
    let errors =
        refusal(register.update_corrective_action(action.id, action.version, done.clone(), ACTOR));
    assert!(has(&errors, "cause", FieldErrorCode::Required));
    assert!(has(&errors, "action", FieldErrorCode::Required));
    assert!(has(&errors, "checkedOn", FieldErrorCode::DateOrder));
    done.cause = "年次計画に再評価が入っていなかった".to_owned();
    done.action = "年次計画に組み入れ、全台帳を評価".to_owned();
    done.checked_on = None;
    done.effective = None;
    let done = register
        .update_corrective_action(action.id, action.version, done, ACTOR)
        .unwrap();
    let view = register
        .corrective_action(done.id, d("2026-07-10"))
        .unwrap();
    assert_eq!(
        (view.status, view.overdue),
        (ActionStatus::AwaitingCheck, false)
    );
    let mut checked = done.fields.clone();
    checked.checked_on = Some(d("2026-09-01"));
    checked.effective = Some(true);
    let closed = register
        .update_corrective_action(done.id, done.version, checked, ACTOR)
        .unwrap();
    let view = register
        .corrective_action(closed.id, d("2026-09-01"))
        .unwrap();
    assert_eq!(view.status, ActionStatus::Closed);

    // The finding the action names stays, and so does the audit.
    let mut shrunk = a.fields.clone();
    shrunk.findings.clear();
    let errors = refusal(register.update_internal_audit(a.id, a.version, shrunk, ACTOR));
    assert!(has(&errors, "findings", FieldErrorCode::InUse));
    let refused = register
        .delete_internal_audit(a.id, a.version, ACTOR)
        .unwrap_err();
    assert_eq!(refused.kind(), ErrorKind::InUse);
    assert!(register.verify().unwrap().is_intact());
}

#[test]
fn an_ineffective_action_says_why_and_stays_open_for_a_new_one() {
    let register = memory_register();
    let mut input = action_from(0, 1);
    input.source = ActionSource::Other;
    input.audit_id = None;
    input.finding_number = None;
    input.cause = "手順の不足".to_owned();
    input.action = "手順書の改訂".to_owned();
    input.done_on = Some(d("2026-06-20"));
    input.checked_on = Some(d("2026-08-01"));
    input.effective = Some(false);
    let errors = refusal(register.create_corrective_action(input.clone(), ACTOR));
    assert!(has(&errors, "checkNote", FieldErrorCode::Required));
    input.check_note = "同種の誤りが再発".to_owned();
    let stored = register.create_corrective_action(input, ACTOR).unwrap();
    let view = register
        .corrective_action(stored.id, d("2026-08-01"))
        .unwrap();
    assert_eq!(view.status, ActionStatus::Ineffective);
}

#[test]
fn the_review_draft_gathers_the_period_since_the_last_review() {
    let register = memory_register();
    let h = sensitive_holding(&register);
    let a = register
        .create_internal_audit(
            performed(
                audit(&["業務課"], "総務課"),
                vec![
                    finding(FindingGrade::Nonconformity),
                    finding(FindingGrade::Observation),
                ],
            ),
            ACTOR,
        )
        .unwrap();
    register
        .create_corrective_action(action_from(a.id, 1), ACTOR)
        .unwrap();
    register
        .create_complaint(common::complaint("2026-06-20"), ACTOR)
        .unwrap();
    // Before the period: a complaint from the year before the previous review.
    register
        .create_complaint(common::complaint("2025-05-01"), ACTOR)
        .unwrap();
    let previous = register
        .create_management_review(
            ManagementReviewInput {
                reference: String::new(),
                held_on: d("2026-03-25"),
                chaired_by: "理事長".to_owned(),
                attendees: vec!["常務理事".to_owned()],
                inputs: ReviewInputs::default(),
                decisions: vec![ReviewDecision {
                    description: "全台帳のリスク再評価".to_owned(),
                    owner: "個人情報保護管理者".to_owned(),
                    due_on: Some(d("2026-09-30")),
                }],
            },
            ACTOR,
        )
        .unwrap();
    assert_eq!(previous.fields.reference, "MR-0001");

    let draft = register
        .management_review_draft(d("2026-07-15"), Language::Ja)
        .unwrap();
    assert_eq!((draft.from, draft.to), (d("2026-03-26"), d("2026-07-15")));
    assert_eq!(draft.audits_performed, 1);
    assert_eq!(draft.nonconformities, 1);
    // The action was due 2026-06-30 and is not done.
    assert_eq!((draft.open_actions, draft.overdue_actions), (1, 1));
    assert_eq!(draft.complaints, 1);
    assert_eq!(draft.holdings_without_assessment, 1);
    let inputs = &draft.input.inputs;
    assert!(inputs.previous_actions.contains("全台帳のリスク再評価"));
    assert!(
        inputs.audit_results.contains("不適合1件、観察事項1件"),
        "{}",
        inputs.audit_results
    );
    assert!(inputs
        .corrective_actions
        .contains("未完了1件（うち期限超過1件）"));
    assert!(inputs.changes.contains(&h.fields.ledger_no) || inputs.changes.contains("変更"));
    let english = register
        .management_review_draft(d("2026-07-15"), Language::En)
        .unwrap();
    assert!(english
        .input
        .inputs
        .corrective_actions
        .contains("1 open (1 overdue)"));

    // A decision due before the review is refused.
    let mut input = draft.input.clone();
    input.chaired_by = "理事長".to_owned();
    input.decisions = vec![ReviewDecision {
        description: "教育の追加".to_owned(),
        owner: String::new(),
        due_on: Some(d("2026-07-01")),
    }];
    let errors = refusal(register.create_management_review(input.clone(), ACTOR));
    assert!(has(
        &errors,
        "decisions[0].dueOn",
        FieldErrorCode::DateOrder
    ));
    input.decisions[0].due_on = Some(d("2026-12-31"));
    register.create_management_review(input, ACTOR).unwrap();
}

/// A register with one item of every kind the agenda lists, seen on 2026-06-15.
fn every_kind() -> Register {
    use daicho::model::subcontractor::{
        Approval, ApprovalForm, EntrustedData, SubcontractorClass, SubcontractorInput, Supervision,
        SupervisionMethod,
    };
    use daicho::model::transfer::{InformationGiven, MeasuresBasis, TransferBasis, TransferInput};
    let register = memory_register();
    register
        .save_organisation(common::organisation(), None, ACTOR)
        .unwrap();
    // Created "in 2020", so that it can hold data acquired long enough ago to be past a
    // one-year retention (data from 2025-06-14 is kept through 2026-06-14, Civil Code
    // arts. 140 and 143, and is due for disposal from 2026-06-15).
    let old = {
        let _then = daicho::clock::pin("2020-01-01T00:00:00Z".parse().unwrap());
        let mut input = holding("来庁者記録");
        input.department = "業務課".to_owned();
        input.retention = Some(RetentionRule {
            years: 1,
            months: 0,
            trigger: RetentionTrigger::Acquisition,
            trigger_note: String::new(),
            legal_basis: "文書管理規程".to_owned(),
        });
        register.create_holding(input, ACTOR).unwrap()
    };
    let mut input = holding("職員名簿");
    input.last_review = Some(d("2025-07-01"));
    input.next_review = Some(d("2026-07-01"));
    let reviewed = register.create_holding(input, ACTOR).unwrap();
    let m = measure(&register, reviewed.id);
    let mut ra = assessment(reviewed.id, "2025-06-20");
    ra.risks[0].measure_ids = vec![m];
    register.create_risk_assessment(ra, ACTOR).unwrap();

    register
        .create_subcontractor(
            SubcontractorInput {
                reference: String::new(),
                parent_id: None,
                name: "株式会社テスト印刷".to_owned(),
                address: "東京都新宿区1-1".to_owned(),
                representative: "代表取締役 山田 一郎".to_owned(),
                country: "JP".to_owned(),
                classification: SubcontractorClass::Other,
                classification_note: "印刷".to_owned(),
                work_description: "通知書の印刷".to_owned(),
                entrusted: vec![EntrustedData {
                    holding_id: reviewed.id,
                    item_ids: reviewed
                        .fields
                        .data_items
                        .iter()
                        .filter_map(|i| i.id)
                        .collect(),
                }],
                contract_reference: "R7-01".to_owned(),
                contract_clauses: "安全管理措置".to_owned(),
                approval: Some(Approval {
                    approved_by: "常務理事".to_owned(),
                    approved_on: d("2025-04-01"),
                    form: ApprovalForm::InternalDecision,
                    note: String::new(),
                }),
                supervision: Supervision {
                    method: SupervisionMethod::OnSiteAudit,
                    frequency_months: 12,
                    last_check: Some(d("2025-06-01")),
                    next_check: Some(d("2026-06-01")),
                    findings: String::new(),
                },
                incident_notified_on: None,
                incident_note: String::new(),
                notes: String::new(),
            },
            ACTOR,
        )
        .unwrap();
    register
        .create_transfer(
            TransferInput {
                reference: String::new(),
                holding_id: reviewed.id,
                recipient: "Example Translations LLC".to_owned(),
                subcontractor_id: None,
                country: Some("US".to_owned()),
                country_undetermined_reason: String::new(),
                basis: TransferBasis::EquivalentMeasures,
                measures_basis: Some(MeasuresBasis::Contract),
                legal_basis: String::new(),
                items: vec!["氏名".to_owned()],
                information_given: InformationGiven::default(),
                check_frequency_months: Some(12),
                last_check: Some(d("2025-08-01")),
                next_check: Some(d("2026-08-01")),
                check_results: String::new(),
                started_on: Some(d("2025-06-01")),
                stopped_on: None,
                notes: String::new(),
            },
            ACTOR,
        )
        .unwrap();
    let mut provided = daicho::model::provision::ProvisionRecordInput {
        reference: String::new(),
        direction: daicho::model::provision::ProvisionDirection::Provided,
        basis: daicho::model::provision::ProvisionBasis::Consent,
        exception: None,
        public_ground: None,
        recording_method: daicho::model::provision::RecordingMethod::Individual,
        provided_on: d("2023-07-01"),
        last_provided_on: None,
        recorded_on: d("2023-07-01"),
        recipient_id: None,
        counterparty_name: "みらい生命保険株式会社".to_owned(),
        counterparty_address: String::new(),
        counterparty_representative: String::new(),
        acquisition_circumstances: String::new(),
        opt_out_published: false,
        persons: vec!["山本 健一".to_owned()],
        persons_description: String::new(),
        items: vec!["氏名".to_owned()],
        consent_obtained: true,
        consent_note: String::new(),
        holding_ids: vec![reviewed.id],
        notes: String::new(),
        information: Default::default(),
        consent_confirmation_method: String::new(),
        foreign_information_confirmed: false,
    };
    provided.notes = String::new();
    register.create_provision_record(provided, ACTOR).unwrap();

    let mut c = course();
    c.trainees = vec![trainee("上田 健", "業務課")];
    register.create_training_course(c, ACTOR).unwrap();
    register
        .create_internal_audit(audit(&["業務課"], "総務課"), ACTOR)
        .unwrap();
    let mut done = audit(&["業務課"], "総務課");
    done.planned_on = d("2026-06-01");
    let done = register
        .create_internal_audit(
            performed(done, vec![finding(FindingGrade::Nonconformity)]),
            ACTOR,
        )
        .unwrap();
    register
        .create_corrective_action(action_from(done.id, 1), ACTOR)
        .unwrap();

    register
        .create_request(common::request("2026-06-12"), ACTOR)
        .unwrap();
    register
        .create_complaint(common::complaint("2026-06-01"), ACTOR)
        .unwrap();
    register
        .create_incident(common::incident("2026-06-14T10:00:00+09:00"), ACTOR)
        .unwrap();
    drop(old);
    register
}

#[test]
fn the_agenda_lists_one_item_of_every_kind_by_due_day() {
    let register = every_kind();
    let today = d("2026-06-15");
    let agenda = register.agenda_for(today, &AgendaQuery::default()).unwrap();
    let kinds: Vec<AgendaKind> = agenda.items.iter().map(|i| i.kind).collect();
    for kind in [
        AgendaKind::Request,
        AgendaKind::Complaint,
        AgendaKind::Incident,
        AgendaKind::AnnualReview,
        AgendaKind::RiskAssessment,
        AgendaKind::SupervisionCheck,
        AgendaKind::TransferCheck,
        AgendaKind::Disposal,
        AgendaKind::ProvisionRecordEnd,
        AgendaKind::Training,
        AgendaKind::Audit,
        AgendaKind::CorrectiveAction,
    ] {
        assert_eq!(
            kinds.iter().filter(|k| **k == kind).count(),
            1,
            "{kind:?} once in {kinds:?}"
        );
    }
    assert_eq!(kinds.len(), 12);

    // The due days of the duties, each worked out from its record.
    let due = |kind| {
        agenda
            .items
            .iter()
            .find(|i| i.kind == kind)
            .and_then(|i| i.next_due)
    };
    assert_eq!(due(AgendaKind::SupervisionCheck), Some(d("2026-06-01")));
    assert_eq!(due(AgendaKind::Audit), Some(d("2026-06-10")));
    assert_eq!(due(AgendaKind::Disposal), Some(d("2026-06-15")));
    // Assessed 2025-06-20 with no next date: a year later.
    assert_eq!(due(AgendaKind::RiskAssessment), Some(d("2026-06-20")));
    assert_eq!(due(AgendaKind::CorrectiveAction), Some(d("2026-06-30")));
    assert_eq!(due(AgendaKind::AnnualReview), Some(d("2026-07-01")));
    // An individual record is kept three years from the day it was made (PPC Rules art. 21
    // (3)), counted from the next day: made 2023-07-01, kept through 2026-07-01.
    assert_eq!(due(AgendaKind::ProvisionRecordEnd), Some(d("2026-07-01")));
    assert_eq!(due(AgendaKind::TransferCheck), Some(d("2026-08-01")));
    // The end of the fiscal year the untrained must be trained in.
    assert_eq!(due(AgendaKind::Training), Some(d("2027-03-31")));
    // A complaint has no deadline in law, nor has an incident that is not reportable: they
    // come last, oldest first (received 06-01, aware 06-14).
    let undated: Vec<AgendaKind> = agenda
        .items
        .iter()
        .filter(|i| i.next_due.is_none())
        .map(|i| i.kind)
        .collect();
    assert_eq!(undated, vec![AgendaKind::Complaint, AgendaKind::Incident]);

    // By due day throughout, the undated last.
    let days: Vec<_> = agenda
        .items
        .iter()
        .map(|i| (i.next_due.is_none(), i.next_due))
        .collect();
    let mut sorted = days.clone();
    sorted.sort();
    assert_eq!(days, sorted);
    let overdue: Vec<AgendaKind> = agenda
        .items
        .iter()
        .filter(|i| i.overdue)
        .map(|i| i.kind)
        .collect();
    assert_eq!(
        overdue,
        vec![AgendaKind::SupervisionCheck, AgendaKind::Audit]
    );
}

#[test]
fn the_agenda_filters_by_kind_and_department_and_marks_what_came_due_since() {
    let register = every_kind();
    let today = d("2026-06-15");
    let only = AgendaQuery {
        kinds: vec![AgendaKind::Audit, AgendaKind::CorrectiveAction],
        ..AgendaQuery::default()
    };
    let agenda = register.agenda_for(today, &only).unwrap();
    let kinds: Vec<AgendaKind> = agenda.items.iter().map(|i| i.kind).collect();
    assert_eq!(kinds, vec![AgendaKind::Audit, AgendaKind::CorrectiveAction]);

    // 業務課: the old holding's disposal, the training of its trainee, the audit of it and
    // the action it owns. The office-wide requests, complaints and incidents have none.
    let department = AgendaQuery {
        department: Some("業務 課".to_owned()),
        ..AgendaQuery::default()
    };
    let agenda = register.agenda_for(today, &department).unwrap();
    let kinds: Vec<AgendaKind> = agenda.items.iter().map(|i| i.kind).collect();
    assert_eq!(
        kinds,
        vec![
            AgendaKind::Audit,
            AgendaKind::Disposal,
            AgendaKind::CorrectiveAction,
            AgendaKind::Training
        ]
    );

    // Last opened on 2026-06-12: since then (13th to 15th) only the disposal came due.
    let since = AgendaQuery {
        since: Some(d("2026-06-12")),
        ..AgendaQuery::default()
    };
    let agenda = register.agenda_for(today, &since).unwrap();
    let became: Vec<AgendaKind> = agenda
        .items
        .iter()
        .filter(|i| i.became_due)
        .map(|i| i.kind)
        .collect();
    assert_eq!(became, vec![AgendaKind::Disposal]);
}

#[test]
fn opening_the_agenda_remembers_the_day_and_notifications_can_be_turned_off() {
    let register = memory_register();
    assert_eq!(register.open_agenda(d("2026-06-12"), ACTOR).unwrap(), None);
    assert_eq!(register.open_agenda(d("2026-06-12"), ACTOR).unwrap(), None);
    assert_eq!(
        register.open_agenda(d("2026-06-15"), ACTOR).unwrap(),
        Some(d("2026-06-12"))
    );
    assert!(register.agenda_notifications().unwrap());
    register.set_agenda_notifications(false, ACTOR).unwrap();
    assert!(!register.agenda_notifications().unwrap());
    assert!(register.verify().unwrap().is_intact());
}

#[test]
fn the_management_records_round_trip_through_the_document_and_are_verified() {
    let source = every_kind();
    let a = source.internal_audits(d("2026-06-15")).unwrap();
    assert_eq!(a.len(), 2);
    source
        .create_training_session(
            session(
                source.training_courses().unwrap()[0].id,
                "2026-05-10",
                vec![attendee("上田 健", "業務課", true, Some(95))],
            ),
            ACTOR,
        )
        .unwrap();
    source
        .create_management_review(
            ManagementReviewInput {
                reference: String::new(),
                held_on: d("2026-06-30"),
                chaired_by: "理事長".to_owned(),
                attendees: vec![],
                inputs: ReviewInputs::default(),
                decisions: vec![],
            },
            ACTOR,
        )
        .unwrap();
    let exported = daicho::document::export(&source).unwrap();
    assert_eq!(exported.risk_assessments.len(), 1);
    assert_eq!(exported.training_courses.len(), 1);
    assert_eq!(exported.training_sessions.len(), 1);
    assert_eq!(exported.internal_audits.len(), 2);
    assert_eq!(exported.corrective_actions.len(), 1);
    assert_eq!(exported.management_reviews.len(), 1);

    let target = memory_register();
    let summary =
        daicho::document::import(&target, &serde_json::to_string(&exported).unwrap(), ACTOR)
            .unwrap();
    assert_eq!(summary.corrective_actions, 1);
    let again = daicho::document::export(&target).unwrap();
    assert_eq!(again.risk_assessments, exported.risk_assessments);
    assert_eq!(again.training_courses, exported.training_courses);
    assert_eq!(again.training_sessions, exported.training_sessions);
    assert_eq!(again.internal_audits, exported.internal_audits);
    assert_eq!(again.corrective_actions, exported.corrective_actions);
    assert_eq!(again.management_reviews, exported.management_reviews);
    assert!(target.verify().unwrap().is_intact());

    // A document whose action names an audit it does not carry is refused by record and field.
    let mut broken = serde_json::to_value(&exported).unwrap();
    broken["internalAudits"] = serde_json::json!([]);
    let error =
        daicho::document::import(&memory_register(), &broken.to_string(), ACTOR).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Import);
    let text = format!("{:?}", error);
    assert!(
        text.contains("correctiveActions[0]") && text.contains("auditId"),
        "{text}"
    );
}

#[test]
fn verify_names_a_management_record_altered_behind_the_apps_back() {
    let temp = common::TempRegister::new();
    {
        let register = temp.open();
        let a = register
            .create_internal_audit(audit(&["業務課"], "総務課"), ACTOR)
            .unwrap();
        assert_eq!(a.id, 1);
    }
    temp.raw()
        .execute(
            "UPDATE internal_audit SET auditor_department = '業務課' WHERE id = 1",
            [],
        )
        .unwrap();
    let register = temp.open();
    let report = register.verify().unwrap();
    assert!(
        report
            .altered_records
            .iter()
            .any(|r| r.entity == "internalAudit" && r.entity_id == "1"),
        "{report:?}"
    );
}
