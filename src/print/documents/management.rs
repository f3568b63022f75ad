//! The management system's printed records (issue 17): the risk assessment sheet, the
//! training record, the internal audit report, the corrective action list and the minutes
//! of the management reviews. Each is a list, so each also prints as XLSX and CSV.

use super::Page;
use crate::model::corrective_action::{ActionStatus, CorrectiveActionView};
use crate::model::holding::Holding;
use crate::model::internal_audit::{FindingGrade, InternalAudit};
use crate::model::management_review::ManagementReview;
use crate::model::measure::Measure;
use crate::model::risk_assessment::{LifeStage, RiskAssessment, RiskKind, RiskLevel};
use crate::model::training::{TrainingCourse, TrainingSession};
use crate::print::labels::{date, opt_date, tr};
use crate::print::model::{Column, Orientation, PrintDocument, Section, Table};
use crate::Language;

fn stage(lang: Language, v: LifeStage) -> String {
    match v {
        LifeStage::Acquisition => tr(lang, "取得・入力", "Acquisition"),
        LifeStage::Use => tr(lang, "利用・加工", "Use"),
        LifeStage::Storage => tr(lang, "保管・バックアップ", "Storage"),
        LifeStage::Transfer => tr(lang, "移送・送信・委託", "Transfer and entrustment"),
        LifeStage::Disposal => tr(lang, "消去・廃棄", "Disposal"),
    }
}

fn risk(lang: Language, v: RiskKind) -> String {
    match v {
        RiskKind::Leak => tr(lang, "漏えい", "Leak"),
        RiskKind::Loss => tr(lang, "滅失", "Loss"),
        RiskKind::Damage => tr(lang, "き損", "Damage"),
        RiskKind::Misuse => tr(lang, "不正利用", "Misuse"),
        RiskKind::WrongPurpose => tr(lang, "目的外利用", "Use for another purpose"),
    }
}

fn level(lang: Language, v: RiskLevel) -> String {
    match v {
        RiskLevel::Low => tr(lang, "低", "Low"),
        RiskLevel::Medium => tr(lang, "中", "Medium"),
        RiskLevel::High => tr(lang, "高", "High"),
    }
}

fn grade(lang: Language, v: FindingGrade) -> String {
    match v {
        FindingGrade::Nonconformity => tr(lang, "不適合", "Nonconformity"),
        FindingGrade::Observation => tr(lang, "観察事項", "Observation"),
        FindingGrade::GoodPractice => tr(lang, "良好事例", "Good practice"),
    }
}

fn status(lang: Language, v: ActionStatus) -> String {
    match v {
        ActionStatus::Open => tr(lang, "未完了", "Open"),
        ActionStatus::AwaitingCheck => tr(lang, "有効性確認待ち", "Awaiting check"),
        ActionStatus::Closed => tr(lang, "完了", "Closed"),
        ActionStatus::Ineffective => tr(lang, "有効でない", "Not effective"),
    }
}

fn table(sheet: String, columns: Vec<Column>, rows: Vec<Vec<String>>, empty: String) -> Table {
    Table {
        groups: Vec::new(),
        heading: String::new(),
        sheet,
        columns,
        rows,
        empty,
        note: String::new(),
    }
}

/// リスクアセスメント表: one row per risk of each holding's assessments, newest first.
pub(crate) fn risk_assessments(
    page: &Page<'_>,
    assessments: &[RiskAssessment],
    holdings: &[Holding],
    measures: &[Measure],
) -> PrintDocument {
    let lang = page.lang;
    let dates = page.dates;
    let columns = vec![
        Column::new(page.tr("番号", "Reference"), 0.8),
        Column::new(page.tr("保有個人情報", "Holding"), 1.6),
        Column::new(page.tr("評価日（評価者）", "Assessed (by)"), 1.3),
        Column::new(page.tr("局面", "Stage"), 1.0),
        Column::new(page.tr("リスク", "Risk"), 0.8),
        Column::new(page.tr("想定される事象", "How it could happen"), 2.0),
        Column::new(page.tr("発生可能性", "Likelihood"), 0.7),
        Column::new(page.tr("影響度", "Impact"), 0.7),
        Column::new(page.tr("対策", "Measures"), 1.8),
        Column::new(page.tr("残留リスク", "Residual"), 0.7),
        Column::new(page.tr("承認（承認日）", "Accepted (on)"), 1.3),
        Column::new(page.tr("次回評価", "Next"), 0.9),
    ];
    let mut rows = Vec::new();
    for a in assessments {
        let f = &a.fields;
        let holding = holdings
            .iter()
            .find(|h| h.id == f.holding_id)
            .map(|h| format!("{} {}", h.fields.ledger_no, h.fields.name))
            .unwrap_or_default();
        for r in &f.risks {
            let named: Vec<String> = r
                .measure_ids
                .iter()
                .filter_map(|id| measures.iter().find(|m| m.id == *id))
                .map(|m| m.fields.title.clone())
                .collect();
            rows.push(vec![
                f.reference.clone(),
                holding.clone(),
                format!("{}（{}）", date(dates, f.assessed_on), f.assessed_by),
                stage(lang, r.stage),
                risk(lang, r.risk),
                r.description.clone(),
                level(lang, r.likelihood),
                level(lang, r.impact),
                named.join("\n"),
                level(lang, r.residual),
                format!("{}（{}）", f.accepted_by, opt_date(dates, f.accepted_on)),
                date(dates, f.due_again()),
            ]);
        }
    }
    page.document(
        page.tr("リスクアセスメント表", "Risk Assessment Sheet"),
        page.tr(
            "JIS Q 15001 6.1.2、A.3.3.3",
            "JIS Q 15001 6.1.2 and A.3.3.3",
        ),
        Orientation::Landscape,
        7.0,
        vec![Section::Table(table(
            page.tr("リスクアセスメント", "Risk assessments"),
            columns,
            rows,
            page.tr(
                "リスクアセスメントの記録はありません。",
                "No risk assessment is recorded.",
            ),
        ))],
    )
}

/// 教育実施記録: each session with its attendees, completion and score.
pub(crate) fn training_record(
    page: &Page<'_>,
    courses: &[TrainingCourse],
    sessions: &[TrainingSession],
) -> PrintDocument {
    let dates = page.dates;
    let columns = vec![
        Column::new(page.tr("番号", "Reference"), 0.8),
        Column::new(page.tr("研修名", "Course"), 1.8),
        Column::new(page.tr("実施日", "Held on"), 1.0),
        Column::new(page.tr("講師", "Trainer"), 1.3),
        Column::new(page.tr("受講者", "Attendee"), 1.2),
        Column::new(page.tr("部署", "Department"), 1.1),
        Column::new(page.tr("修了", "Completed"), 0.6),
        Column::new(page.tr("点数（合格点）", "Score (pass mark)"), 0.9),
    ];
    let mut rows = Vec::new();
    for s in sessions {
        let f = &s.fields;
        let course = courses
            .iter()
            .find(|c| c.id == f.course_id)
            .map(|c| c.fields.subject.clone())
            .unwrap_or_default();
        for a in &f.attendees {
            let score = match (a.score, f.pass_mark) {
                (Some(score), Some(mark)) => format!("{score}（{mark}）"),
                (Some(score), None) => score.to_string(),
                (None, _) => String::new(),
            };
            rows.push(vec![
                f.reference.clone(),
                course.clone(),
                date(dates, f.held_on),
                f.trainer.clone(),
                a.name.clone(),
                a.department.clone(),
                if a.completed {
                    page.tr("○", "Yes")
                } else {
                    page.tr("×", "No")
                },
                score,
            ]);
        }
    }
    page.document(
        page.tr("教育実施記録", "Training Record"),
        page.tr(
            "JIS Q 15001 7.2、7.3、A.3.4.5",
            "JIS Q 15001 7.2, 7.3 and A.3.4.5",
        ),
        Orientation::Landscape,
        8.0,
        vec![Section::Table(table(
            page.tr("教育", "Training"),
            columns,
            rows,
            page.tr(
                "研修の実施記録はありません。",
                "No training session is recorded.",
            ),
        ))],
    )
}

/// 内部監査報告書: each audit with its scope, auditor and findings.
pub(crate) fn audit_report(page: &Page<'_>, audits: &[InternalAudit]) -> PrintDocument {
    let lang = page.lang;
    let dates = page.dates;
    let columns = vec![
        Column::new(page.tr("番号", "Reference"), 0.8),
        Column::new(page.tr("予定日／実施日", "Planned / performed"), 1.3),
        Column::new(page.tr("監査範囲（対象部署）", "Scope (departments)"), 2.0),
        Column::new(page.tr("監査員（所属）", "Auditor (department)"), 1.4),
        Column::new(page.tr("指摘", "Finding"), 0.4),
        Column::new(page.tr("区分", "Grade"), 0.9),
        Column::new(page.tr("条項", "Clause"), 0.7),
        Column::new(page.tr("指摘事項", "Finding"), 2.2),
        Column::new(page.tr("証拠", "Evidence"), 1.6),
    ];
    let mut rows = Vec::new();
    for a in audits {
        let f = &a.fields;
        let head = [
            f.reference.clone(),
            format!(
                "{}／{}",
                date(dates, f.planned_on),
                opt_date(dates, f.performed_on)
            ),
            format!("{}（{}）", f.scope, f.departments.join("、")),
            format!("{}（{}）", f.auditor, f.auditor_department),
        ];
        if f.findings.is_empty() {
            let mut row = head.to_vec();
            row.extend([
                String::new(),
                String::new(),
                String::new(),
                f.summary.clone(),
                String::new(),
            ]);
            rows.push(row);
        }
        for (i, finding) in f.findings.iter().enumerate() {
            let mut row = head.to_vec();
            row.extend([
                (i + 1).to_string(),
                grade(lang, finding.grade),
                finding.clause.clone(),
                finding.description.clone(),
                finding.evidence.clone(),
            ]);
            rows.push(row);
        }
    }
    page.document(
        page.tr("内部監査報告書", "Internal Audit Report"),
        page.tr("JIS Q 15001 9.2、A.3.7.2", "JIS Q 15001 9.2 and A.3.7.2"),
        Orientation::Landscape,
        7.0,
        vec![Section::Table(table(
            page.tr("内部監査", "Internal audits"),
            columns,
            rows,
            page.tr(
                "内部監査の記録はありません。",
                "No internal audit is recorded.",
            ),
        ))],
    )
}

/// 是正処置一覧: every action with its source, cause, action, dates and status.
pub(crate) fn corrective_actions(
    page: &Page<'_>,
    actions: &[CorrectiveActionView],
) -> PrintDocument {
    let lang = page.lang;
    let dates = page.dates;
    let columns = vec![
        Column::new(page.tr("番号", "Reference"), 0.8),
        Column::new(page.tr("起因", "Source"), 1.0),
        Column::new(page.tr("問題点", "Problem"), 1.8),
        Column::new(page.tr("原因", "Cause"), 1.6),
        Column::new(page.tr("処置", "Action"), 1.8),
        Column::new(page.tr("担当", "Owner"), 1.1),
        Column::new(page.tr("期限", "Due"), 0.9),
        Column::new(page.tr("完了日", "Done"), 0.9),
        Column::new(page.tr("有効性確認", "Effectiveness"), 1.3),
        Column::new(page.tr("状況", "Status"), 0.9),
    ];
    let rows = actions
        .iter()
        .map(|v| {
            let f = &v.action.fields;
            let mut state = status(lang, v.status);
            if v.overdue {
                state = format!("{state}（{}）", page.tr("期限超過", "overdue"));
            }
            let check = match f.checked_on {
                Some(on) => format!("{} {}", date(dates, on), f.check_note),
                None => String::new(),
            };
            vec![
                f.reference.clone(),
                v.source_label.clone(),
                f.problem.clone(),
                f.cause.clone(),
                f.action.clone(),
                f.owner.clone(),
                date(dates, f.due_on),
                opt_date(dates, f.done_on),
                check,
                state,
            ]
        })
        .collect();
    page.document(
        page.tr("是正処置一覧", "Corrective Actions"),
        page.tr("JIS Q 15001 10.1、A.3.8", "JIS Q 15001 10.1 and A.3.8"),
        Orientation::Landscape,
        7.0,
        vec![Section::Table(table(
            page.tr("是正処置", "Corrective actions"),
            columns,
            rows,
            page.tr(
                "是正処置の記録はありません。",
                "No corrective action is recorded.",
            ),
        ))],
    )
}

/// マネジメントレビュー議事録: each review with its inputs and decisions.
pub(crate) fn review_minutes(page: &Page<'_>, reviews: &[ManagementReview]) -> PrintDocument {
    let dates = page.dates;
    let columns = vec![
        Column::new(page.tr("番号", "Reference"), 0.7),
        Column::new(page.tr("実施日", "Held on"), 0.9),
        Column::new(page.tr("主宰者（出席者）", "Chaired by (attendees)"), 1.4),
        Column::new(page.tr("インプット", "Inputs"), 4.0),
        Column::new(page.tr("決定事項", "Decisions"), 2.4),
    ];
    let rows = reviews
        .iter()
        .map(|r| {
            let f = &r.fields;
            let i = &f.inputs;
            let inputs = [
                (
                    page.tr("前回の見直しへの対応", "Previous actions"),
                    &i.previous_actions,
                ),
                (page.tr("内外の変化", "Changes"), &i.changes),
                (page.tr("内部監査の結果", "Audit results"), &i.audit_results),
                (
                    page.tr("是正処置", "Corrective actions"),
                    &i.corrective_actions,
                ),
                (page.tr("漏えい等事案", "Incidents"), &i.incidents),
                (page.tr("苦情・外部の意見", "Complaints"), &i.complaints),
                (
                    page.tr("リスク・教育", "Risks and training"),
                    &i.risks_and_training,
                ),
                (page.tr("改善の機会", "Improvements"), &i.improvements),
            ]
            .into_iter()
            .filter(|(_, text)| !text.is_empty())
            .map(|(name, text)| format!("【{name}】\n{text}"))
            .collect::<Vec<_>>()
            .join("\n");
            let decisions = f
                .decisions
                .iter()
                .map(|d| {
                    let mut line = format!("・{}", d.description);
                    if !d.owner.is_empty() {
                        line.push_str(&format!("（{}）", d.owner));
                    }
                    if let Some(due) = d.due_on {
                        line.push_str(&format!(" {}", date(dates, due)));
                    }
                    line
                })
                .collect::<Vec<_>>()
                .join("\n");
            let mut people = f.chaired_by.clone();
            if !f.attendees.is_empty() {
                people.push_str(&format!("（{}）", f.attendees.join("、")));
            }
            vec![
                f.reference.clone(),
                date(dates, f.held_on),
                people,
                inputs,
                decisions,
            ]
        })
        .collect();
    page.document(
        page.tr("マネジメントレビュー議事録", "Management Review Minutes"),
        page.tr("JIS Q 15001 9.3、A.3.9", "JIS Q 15001 9.3 and A.3.9"),
        Orientation::Landscape,
        7.5,
        vec![Section::Table(table(
            page.tr("マネジメントレビュー", "Management reviews"),
            columns,
            rows,
            page.tr(
                "マネジメントレビューの記録はありません。",
                "No management review is recorded.",
            ),
        ))],
    )
}
