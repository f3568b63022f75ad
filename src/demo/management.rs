//! The demo society's management system, as its policy describes it: regular training of
//! employees with its effectiveness verified (a comprehension test), audits by auditors, and
//! what follows from them. Dates run relative to today, so that the agenda always shows a
//! planned audit, an overdue corrective action, a risk assessment due again and people still
//! to be trained; one holding with sensitive items is left unassessed so that it is flagged.

use super::texts;
use crate::error::Result;
use crate::model::corrective_action::{ActionSource, CorrectiveActionInput};
use crate::model::internal_audit::{
    AuditFinding, ChecklistItem, ChecklistResult, FindingGrade, InternalAuditInput,
};
use crate::model::management_review::{ManagementReviewInput, ReviewDecision, ReviewInputs};
use crate::model::risk_assessment::{
    IdentifiedRisk, LifeStage, RiskAssessmentInput, RiskKind, RiskLevel,
};
use crate::model::training::{Attendee, Trainee, TrainingCourseInput, TrainingSessionInput};
use crate::register::Register;
use chrono::Days;

fn trainee(name: &str, department: &str) -> Trainee {
    Trainee {
        name: name.to_owned(),
        department: department.to_owned(),
    }
}

fn risk(
    stage: LifeStage,
    kind: RiskKind,
    description: &str,
    (likelihood, impact, residual): (RiskLevel, RiskLevel, RiskLevel),
    measure_ids: Vec<i64>,
) -> IdentifiedRisk {
    IdentifiedRisk {
        stage,
        risk: kind,
        description: description.to_owned(),
        likelihood,
        impact,
        measure_ids,
        residual,
    }
}

/// `holdings` are the ids of the demo holdings in the order `holdings()` lists them.
pub(super) fn load(register: &Register, holdings: &[i64], actor: &str) -> Result<()> {
    use RiskLevel::{High, Low, Medium};
    let today = crate::clock::today();
    let ago = |days: u64| today.checked_sub_days(Days::new(days)).unwrap_or(today);
    let ahead = |days: u64| today.checked_add_days(Days::new(days)).unwrap_or(today);
    let measures: Vec<i64> = register.measures()?.iter().map(|m| m.id).collect();
    let measure = |i: usize| measures.get(i).copied().into_iter().collect::<Vec<i64>>();

    // The members' ledger, with Individual Numbers, was assessed eleven months and three
    // weeks ago: its reassessment falls due next week.
    if let Some(&members) = holdings.first() {
        register.create_risk_assessment(
            RiskAssessmentInput {
                reference: String::new(),
                holding_id: members,
                assessed_on: ago(358),
                assessed_by: "個人情報保護管理者 小林 直子".to_owned(),
                risks: vec![
                    risk(
                        LifeStage::Acquisition,
                        RiskKind::Leak,
                        "事業所から届く資格取得届（個人番号記載）の郵送途中での紛失",
                        (Medium, High, Medium),
                        measure(0),
                    ),
                    risk(
                        LifeStage::Storage,
                        RiskKind::Leak,
                        "適用システムへの不正アクセス",
                        (Medium, High, Low),
                        measure(1),
                    ),
                    risk(
                        LifeStage::Use,
                        RiskKind::WrongPurpose,
                        "個人番号の事務外での参照",
                        (Low, High, Medium),
                        Vec::new(),
                    ),
                    risk(
                        LifeStage::Disposal,
                        RiskKind::Leak,
                        "保存期間を過ぎた届書の廃棄漏れ",
                        (Low, Medium, Low),
                        Vec::new(),
                    ),
                ],
                accepted_by: "常務理事 山口 和夫".to_owned(),
                accepted_on: Some(ago(350)),
                next_assessment_on: None,
                notes: String::new(),
            },
            actor,
        )?;
    }

    // Training once a year for everyone who handles members' data, with a test; two of the
    // six have not attended this fiscal year.
    let course = register.create_training_course(
        TrainingCourseInput {
            reference: String::new(),
            subject: "個人情報保護・特定個人情報取扱研修".to_owned(),
            audience: "個人情報を取り扱う全職員".to_owned(),
            materials: "研修資料（組合作成）、理解度テスト".to_owned(),
            yearly: true,
            trainees: vec![
                trainee("佐藤 美咲", "適用グループ"),
                trainee("鈴木 大輔", "適用グループ"),
                trainee("高橋 由美", "給付グループ"),
                trainee("田中 健一", "給付グループ"),
                trainee("伊藤 恵", "保健事業グループ"),
                trainee("渡辺 翔", "保健事業グループ"),
            ],
        },
        actor,
    )?;
    let attended = |name: &str, department: &str, score: u8| Attendee {
        name: name.to_owned(),
        department: department.to_owned(),
        completed: score >= 70,
        score: Some(score),
    };
    register.create_training_session(
        TrainingSessionInput {
            reference: String::new(),
            course_id: course.id,
            held_on: ago(20),
            trainer: "個人情報保護管理者 小林 直子".to_owned(),
            pass_mark: Some(70),
            attendees: vec![
                attended("佐藤 美咲", "適用グループ", 90),
                attended("鈴木 大輔", "適用グループ", 85),
                attended("高橋 由美", "給付グループ", 75),
                attended("伊藤 恵", "保健事業グループ", 60),
            ],
            notes: "理解度テスト70点未満の者は再受講".to_owned(),
        },
        actor,
    )?;

    // Last month's audit of the benefits group, by the auditor from general affairs, found a
    // nonconformity whose corrective action is now overdue.
    let audit = register.create_internal_audit(
        InternalAuditInput {
            reference: String::new(),
            planned_on: ago(40),
            performed_on: Some(ago(35)),
            scope: "給付グループにおける個人情報の取扱い".to_owned(),
            departments: texts(&["給付グループ"]),
            auditor: "監査員 中村 亮".to_owned(),
            auditor_department: "総務グループ".to_owned(),
            checklist: vec![
                ChecklistItem {
                    clause: "A.3.3.3".to_owned(),
                    question: "保有個人情報ごとにリスクアセスメントが実施されているか".to_owned(),
                    result: Some(ChecklistResult::Nonconforming),
                    note: String::new(),
                },
                ChecklistItem {
                    clause: "A.3.4.5".to_owned(),
                    question: "従業者の教育が計画どおり実施されているか".to_owned(),
                    result: Some(ChecklistResult::Conforming),
                    note: String::new(),
                },
            ],
            findings: vec![
                AuditFinding {
                    grade: FindingGrade::Nonconformity,
                    clause: "A.3.3.3".to_owned(),
                    department: "給付グループ".to_owned(),
                    description: "レセプトデータのリスクアセスメントが実施されていない".to_owned(),
                    evidence: "個人情報管理台帳、リスク分析表（該当なし）".to_owned(),
                },
                AuditFinding {
                    grade: FindingGrade::Observation,
                    clause: "A.3.4.3.2".to_owned(),
                    department: "給付グループ".to_owned(),
                    description: "書類保管庫の鍵の貸出記録に記入漏れがある".to_owned(),
                    evidence: "鍵貸出簿（5月分）".to_owned(),
                },
            ],
            summary: "概ね適切。リスクアセスメントの未実施1件を是正すること。".to_owned(),
        },
        actor,
    )?;
    register.create_corrective_action(
        CorrectiveActionInput {
            reference: String::new(),
            source: ActionSource::AuditFinding,
            audit_id: Some(audit.id),
            finding_number: Some(1),
            incident_id: None,
            complaint_id: None,
            preventive: false,
            raised_on: ago(34),
            problem: "レセプトデータのリスクアセスメントが実施されていない".to_owned(),
            cause: String::new(),
            action: String::new(),
            owner: "給付グループ長 岡本 聡".to_owned(),
            department: "給付グループ".to_owned(),
            due_on: ago(4),
            done_on: None,
            checked_on: None,
            effective: None,
            check_note: String::new(),
        },
        actor,
    )?;
    // The next audit, of the enrolment group, is planned.
    register.create_internal_audit(
        InternalAuditInput {
            reference: String::new(),
            planned_on: ahead(21),
            performed_on: None,
            scope: "適用グループにおける特定個人情報の取扱い".to_owned(),
            departments: texts(&["適用グループ"]),
            auditor: "監査員 中村 亮".to_owned(),
            auditor_department: "総務グループ".to_owned(),
            checklist: Vec::new(),
            findings: Vec::new(),
            summary: String::new(),
        },
        actor,
    )?;

    // Last year's review, with its decisions.
    register.create_management_review(
        ManagementReviewInput {
            reference: String::new(),
            held_on: ago(300),
            chaired_by: "理事長 森 正樹".to_owned(),
            attendees: texts(&["常務理事 山口 和夫", "個人情報保護管理者 小林 直子"]),
            // Written as the officer would for the review, so the printed minutes show every
            // input the standard asks for (9.3 a-f).
            inputs: ReviewInputs {
                previous_actions: "前回決定した個人データ取扱規程の改定は実施済み".to_owned(),
                changes: "漏えい等報告の手順を見直した".to_owned(),
                audit_results: "前年度の内部監査で不適合の指摘はなかった".to_owned(),
                corrective_actions: "未完了の是正処置はない".to_owned(),
                incidents: "漏えい等事案の発生状況と再発防止策の実施状況を確認した".to_owned(),
                complaints: "苦情の受付件数と対応状況を確認した".to_owned(),
                risks_and_training: "リスクアセスメント未実施の保有個人情報が残る".to_owned(),
                improvements: "リスクアセスメントの計画的な実施".to_owned(),
            },
            decisions: vec![ReviewDecision {
                description: "全保有個人情報のリスクアセスメントを年度内に実施する".to_owned(),
                owner: "個人情報保護管理者".to_owned(),
                due_on: Some(ago(200)),
            }],
        },
        actor,
    )?;
    Ok(())
}
