//! The request and complaint logs, and the decision notice sent for one request.

use super::{refused, Page};
use crate::deadline::DeadlineKind;
use crate::error::{FieldErrorCode, Result};
use crate::model::complaint::Complaint;
use crate::model::era::DateStyle;
use crate::model::holding::Holding;
use crate::model::organisation::Regime;
use crate::model::request::{
    AgentKind, DeadlineState, DecisionOutcome, RequestDeadline, RequestType, RequestView,
};
use crate::print::labels::{self, bracket, date, list, opt_date, yen};
use crate::print::model::{Column, Field, LetterHead, Orientation, PrintDocument, Section, Table};
use crate::Language;

pub(crate) fn request_log(page: &Page<'_>, requests: &[RequestView]) -> PrintDocument {
    let lang = page.lang;
    let dates = page.dates;
    let columns = vec![
        Column::new(page.tr("受付番号", "Reference"), 0.9),
        Column::new(page.tr("請求の種類", "Type of request"), 1.4),
        Column::new(page.tr("受付日", "Received"), 1.0),
        Column::new(page.tr("受付方法", "Channel"), 0.8),
        Column::new(page.tr("請求者（代理人）", "Requester (agent)"), 1.3),
        Column::new(page.tr("請求の内容", "What was asked for"), 2.2),
        Column::new(page.tr("状況", "Status"), 0.8),
        Column::new(page.tr("期限", "Deadline"), 1.1),
        Column::new(page.tr("決定（決定日）", "Decision (date)"), 1.5),
        Column::new(page.tr("通知日・方法", "Answered (method)"), 1.2),
        Column::new(page.tr("完了日", "Closed"), 1.0),
        Column::new(page.tr("手数料", "Fee"), 0.7),
    ];
    let rows = requests
        .iter()
        .map(|view| {
            let r = &view.request;
            let f = &r.fields;
            let mut requester = f.requester_name.clone();
            if f.agent != AgentKind::NoAgent {
                requester.push('\n');
                requester.push_str(&format!(
                    "{}: {}",
                    labels::agent(lang, f.agent),
                    f.agent_name
                ));
            }
            let decision = r
                .decision
                .as_ref()
                .map(|d| {
                    let mut text = labels::outcome(lang, d.outcome).to_owned();
                    text.push('\n');
                    text.push_str(&date(dates, d.decided_on));
                    text
                })
                .unwrap_or_default();
            let answered = r
                .notification
                .as_ref()
                .map(|n| {
                    let mut text = date(dates, n.responded_on);
                    text.push('\n');
                    text.push_str(labels::response_method(lang, n.method));
                    text
                })
                .unwrap_or_default();
            vec![
                f.reference.clone(),
                labels::request_type(lang, f.request_type).to_owned(),
                date(dates, f.received_on),
                labels::channel(lang, f.channel).to_owned(),
                requester,
                f.description.clone(),
                labels::request_status(lang, r.status).to_owned(),
                deadline_cell(lang, dates, &view.deadlines),
                decision,
                answered,
                opt_date(dates, r.closed_on),
                f.fee_yen.map(|fee| yen(lang, fee)).unwrap_or_default(),
            ]
        })
        .collect();
    let table = Table {
        groups: Vec::new(),
        heading: String::new(),
        sheet: page.tr("開示等の請求", "Requests"),
        columns,
        rows,
        empty: page.tr(
            "受け付けた請求はありません。",
            "No requests have been received.",
        ),
        note: page.tr(
            "※ 期限は出力日現在で計算したもの。「済」は期限内に対応したことを示す。",
            "Deadlines as computed on the print date; \"met\" means the duty was met.",
        ),
    };
    page.document(
        page.tr("開示等の請求の処理記録", "Log of Requests from Individuals"),
        page.tr(
            "個人情報の保護に関する法律第32条から第39条まで、第76条から第108条まで",
            "Act on the Protection of Personal Information, arts. 32–39 and 76–108",
        ),
        Orientation::Landscape,
        7.0,
        vec![Section::Table(table)],
    )
}

/// The duty's deadline, not the warning lines: the first statutory or target date, marked
/// as met or overdue.
fn deadline_cell(lang: Language, dates: DateStyle, deadlines: &[RequestDeadline]) -> String {
    let Some(first) = deadlines.iter().find(|d| {
        d.deadline.kind != DeadlineKind::Warning && d.state != DeadlineState::Informational
    }) else {
        return String::new();
    };
    let state = match (first.state, lang) {
        (DeadlineState::Met, Language::Ja) => "済",
        (DeadlineState::Met, Language::En) => "met",
        (DeadlineState::Overdue, Language::Ja) => "期限超過",
        (DeadlineState::Overdue, Language::En) => "overdue",
        _ => "",
    };
    let mut text = date(dates, first.deadline.due);
    if !state.is_empty() {
        text.push_str(&bracket(lang, state));
    }
    text
}

pub(crate) fn complaint_log(page: &Page<'_>, complaints: &[Complaint]) -> PrintDocument {
    let lang = page.lang;
    let dates = page.dates;
    let columns = vec![
        Column::new(page.tr("受付番号", "Reference"), 0.9),
        Column::new(page.tr("受付日", "Received"), 1.0),
        Column::new(page.tr("受付方法", "Channel"), 0.8),
        Column::new(page.tr("申出者", "Complainant"), 1.2),
        Column::new(page.tr("件名", "Subject"), 1.4),
        Column::new(page.tr("苦情の内容", "Complaint"), 2.4),
        Column::new(page.tr("対応の経過", "Actions taken"), 2.6),
        Column::new(page.tr("処理結果", "Resolution"), 1.8),
        Column::new(page.tr("完了日", "Closed"), 1.0),
    ];
    let rows = complaints
        .iter()
        .map(|c| {
            let f = &c.fields;
            let actions = c
                .actions
                .iter()
                .map(|a| {
                    let mut line = format!("{} {}", date(dates, a.on), a.description);
                    if !a.by.is_empty() {
                        line.push_str(&bracket(lang, &a.by));
                    }
                    line
                })
                .collect::<Vec<_>>()
                .join("\n");
            vec![
                f.reference.clone(),
                date(dates, f.received_on),
                labels::channel(lang, f.channel).to_owned(),
                f.complainant.clone(),
                f.subject.clone(),
                f.description.clone(),
                actions,
                c.resolution.clone(),
                opt_date(dates, c.closed_on),
            ]
        })
        .collect();
    let table = Table {
        groups: Vec::new(),
        heading: String::new(),
        sheet: page.tr("苦情", "Complaints"),
        columns,
        rows,
        empty: page.tr(
            "受け付けた苦情はありません。",
            "No complaints have been received.",
        ),
        note: String::new(),
    };
    page.document(
        page.tr("苦情の処理記録", "Log of Complaints"),
        page.tr(
            "個人情報の保護に関する法律第40条、JIS Q 15001 A.3.6",
            "Act on the Protection of Personal Information, art. 40; JIS Q 15001 A.3.6",
        ),
        Orientation::Landscape,
        7.0,
        vec![Section::Table(table)],
    )
}

/// 開示決定等通知書: the decision on one request as a letter to the requester, with the
/// grounds, the reasons and, where something is withheld, how the decision can be challenged.
pub(crate) fn decision_notice(
    page: &Page<'_>,
    view: &RequestView,
    holdings: &[Holding],
) -> Result<PrintDocument> {
    let lang = page.lang;
    let dates = page.dates;
    let request = &view.request;
    let f = &request.fields;
    let profile = &page.organisation.profile;
    let Some(decision) = &request.decision else {
        return Err(refused(
            "requestId",
            FieldErrorCode::Required,
            "the request has no decision yet: record the decision before printing its notice",
        ));
    };
    let kind = labels::request_type(lang, f.request_type);
    let title = match (lang, f.request_type.is_gdpr()) {
        (Language::Ja, false) => format!("{kind}請求に対する決定通知書"),
        (Language::Ja, true) => format!("{kind}の請求に対する決定通知書"),
        (Language::En, _) => format!("Notice of Decision on a Request: {kind}"),
    };
    let body = match lang {
        Language::Ja => format!(
            "{}付けで受け付けた{}請求（受付番号 {}）について、下記のとおり決定しましたので通知します。",
            date(dates, f.received_on),
            kind,
            f.reference
        ),
        Language::En => format!(
            "We have decided as follows on your request received on {} (reference {}).",
            date(dates, f.received_on),
            f.reference
        ),
    };

    let mut fields = vec![
        Field::new(page.tr("請求の種類", "Type of request"), kind),
        Field::new(page.tr("受付日", "Received on"), date(dates, f.received_on)),
        Field::new(page.tr("請求者", "Requester"), &f.requester_name),
    ];
    if f.agent != AgentKind::NoAgent {
        fields.push(Field::new(
            page.tr("代理人", "Agent"),
            format!(
                "{}{}",
                f.agent_name,
                bracket(lang, labels::agent(lang, f.agent))
            ),
        ));
    }
    fields.push(Field::new(
        page.tr("請求の内容", "What was asked for"),
        &f.description,
    ));
    let concerned: Vec<&str> = holdings
        .iter()
        .filter(|h| f.holding_ids.contains(&h.id))
        .map(|h| h.fields.name.as_str())
        .collect();
    if !concerned.is_empty() {
        fields.push(Field::new(
            page.tr("対象となる保有個人情報", "Personal information concerned"),
            list(lang, concerned),
        ));
    }
    fields.push(Field::new(
        page.tr("決定の内容", "Decision"),
        labels::outcome(lang, decision.outcome),
    ));
    fields.push(Field::new(
        page.tr("決定日", "Decided on"),
        date(dates, decision.decided_on),
    ));
    if !decision.grounds.is_empty() {
        fields.push(Field::new(
            page.tr("適用条項", "Grounds"),
            decision
                .grounds
                .iter()
                .map(|g| labels::ground(lang, *g))
                .collect::<Vec<_>>()
                .join("\n"),
        ));
    }
    if !decision.reason.is_empty() {
        fields.push(Field::new(page.tr("理由", "Reasons"), &decision.reason));
    }
    if let Some(notification) = &request.notification {
        fields.push(Field::new(
            page.tr("開示等の方法", "How the answer is given"),
            labels::response_method(lang, notification.method),
        ));
    } else if let Some(method) = f.requested_method {
        fields.push(Field::new(
            page.tr("求められた方法", "Method asked for"),
            labels::response_method(lang, method),
        ));
    }
    if let Some(fee) = f.fee_yen {
        fields.push(Field::new(page.tr("手数料", "Fee"), yen(lang, fee)));
    }

    let mut sections = vec![
        Section::Text {
            heading: String::new(),
            paragraphs: vec![body],
        },
        Section::Fields {
            heading: page.tr("記", "Details"),
            fields,
        },
    ];
    if let Some(remedy) = remedy(page, profile.regime, f.request_type, decision.outcome) {
        sections.push(remedy);
    }
    sections.push(Section::Text {
        heading: page.tr("問合せ先", "Contact"),
        paragraphs: vec![if profile.request_desk.is_empty() {
            profile.address.clone()
        } else {
            profile.request_desk.clone()
        }],
    });

    let mut document = page.document(
        title,
        page.tr("開示決定等通知書", "Decision notice"),
        Orientation::Portrait,
        10.0,
        sections,
    );
    document.letter = Some(LetterHead {
        reference_lines: vec![
            format!("{} {}", page.tr("受付番号", "Reference"), f.reference),
            date(dates, decision.decided_on),
        ],
        addressee: match lang {
            Language::Ja => format!("{} 様", f.requester_name),
            Language::En => f.requester_name.clone(),
        },
        sender_lines: vec![profile.name.clone(), profile.representative.clone()],
    });
    Ok(document)
}

/// How the requester can challenge a decision that withholds something: 審査請求 and
/// 取消訴訟 for public bodies, the supervisory authority and the courts under the GDPR
/// (Art. 12(4)), and art. 39's action in court for private operators.
fn remedy(
    page: &Page<'_>,
    regime: Regime,
    request_type: RequestType,
    outcome: DecisionOutcome,
) -> Option<Section> {
    if !outcome.withholds() {
        return None;
    }
    let heading = if request_type.is_gdpr() || regime.is_public_body() {
        page.tr("教示", "Your rights")
    } else {
        page.tr("理由の説明について", "About the reasons")
    };
    let paragraphs = if request_type.is_gdpr() {
        vec![page.tr(
            "この決定に不服がある場合は、監督機関に苦情を申し立てること及び司法上の救済を求めることができます（GDPR 第12条第4項、第77条、第79条）。",
            "You may lodge a complaint with a supervisory authority and seek a judicial remedy (GDPR Arts. 12(4), 77 and 79).",
        )]
    } else if regime.is_public_body() {
        vec![
            page.tr(
                "この決定に不服がある場合は、行政不服審査法の規定により、この決定があったことを知った日の翌日から起算して3か月以内に、審査請求をすることができます。",
                "You may request a review of this decision under the Administrative Complaint Review Act within three months of the day after you learned of it.",
            ),
            page.tr(
                "また、この決定の取消しを求める訴訟を、この決定があったことを知った日から6か月以内に提起することができます（行政事件訴訟法）。",
                "You may also bring an action for the revocation of this decision within six months of the day you learned of it (Administrative Case Litigation Act).",
            ),
        ]
    } else {
        vec![page.tr(
            "この決定の理由については、個人情報の保護に関する法律第36条に基づき説明しています。ご不明な点は下記の問合せ先までお問い合わせください。",
            "The reasons for this decision are given under art. 36 of the Act on the Protection of Personal Information. Please contact us at the address below with any questions.",
        )]
    };
    Some(Section::Text {
        heading,
        paragraphs,
    })
}
