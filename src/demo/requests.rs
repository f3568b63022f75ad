//! The demo's requests: one answered and closed, one paused for identity documents, one
//! overdue and one due this week, dated relative to today.

use super::texts;
use crate::error::Result;
use crate::model::request::{
    AgentKind, Decision, DecisionOutcome, IdentityVerification, Notification, PauseInput,
    PauseReason, ReceiptChannel, RefusalGround, RequestInput, RequestStep, RequestType,
    ResponseMethod,
};
use crate::register::Register;
use chrono::{Days, NaiveDate};

pub(super) fn load(
    register: &Register,
    holding: &dyn Fn(usize) -> Vec<i64>,
    actor: &str,
) -> Result<()> {
    let today = crate::clock::today();
    let ago = |days: u64| today.checked_sub_days(Days::new(days)).unwrap_or(today);

    // Answered and closed: health consultation records disclosed in part, the notes a
    // family member gave the counsellor withheld under art. 33(2)(i).
    let mut request = register.create_request(
        RequestInput {
            fee_yen: Some(300),
            description: "2025年度の健康相談窓口での相談記録の開示".to_owned(),
            holding_ids: holding(4),
            requested_method: Some(ResponseMethod::Writing),
            ..request_input(ago(40), ReceiptChannel::Counter, "高橋 美咲")
        },
        actor,
    )?;
    let steps = [
        RequestStep::ConfirmIdentity {
            identity: identity(&["運転免許証"], ago(40)),
        },
        RequestStep::Decide {
            decision: Decision {
                outcome: DecisionOutcome::Partial,
                decided_on: ago(31),
                grounds: vec![RefusalGround::HarmToPersonOrThirdParty],
                reason: "相談記録のうち、ご家族から寄せられた情報は第三者の権利利益を害する\
                         おそれがあるため開示しない（法第33条第2項第1号）"
                    .to_owned(),
            },
        },
        RequestStep::Notify {
            notification: Notification {
                method: ResponseMethod::Writing,
                responded_on: ago(30),
            },
        },
        RequestStep::Close { closed_on: ago(25) },
    ];
    for step in steps {
        request = register.advance_request(request.id, request.version, step, actor)?;
    }

    // Paused: the copy of the identity document was missing from a postal request.
    let mut request = register.create_request(
        RequestInput {
            description: "レセプト（2024年4月〜2025年3月診療分）の開示".to_owned(),
            holding_ids: holding(1),
            requested_method: Some(ResponseMethod::Electronic),
            ..request_input(ago(5), ReceiptChannel::Post, "伊藤 健")
        },
        actor,
    )?;
    let step = RequestStep::StartIdentityCheck { on: ago(4) };
    request = register.advance_request(request.id, request.version, step, actor)?;
    register.add_request_pause(
        request.id,
        request.version,
        PauseInput {
            from: ago(4),
            to: None,
            reason: PauseReason::IdentityDocuments,
            note: "本人確認書類の写しが同封されていないため、補正を依頼する文書を郵送".to_owned(),
        },
        actor,
    )?;

    // Overdue: an agent's request to stop the joint use of checkup results with the
    // employer, still under review after the 14-day target.
    let request = register.create_request(
        RequestInput {
            request_type: RequestType::SuspensionOrErasure,
            agent: AgentKind::Attorney,
            agent_name: "弁護士 中村 亮".to_owned(),
            description: "事業主との共同利用による健診結果の利用停止".to_owned(),
            holding_ids: holding(2),
            ..request_input(ago(20), ReceiptChannel::Email, "小林 直人")
        },
        actor,
    )?;
    let step = RequestStep::ConfirmIdentity {
        identity: identity(&["委任状", "弁護士登録番号の確認"], ago(18)),
    };
    register.advance_request(request.id, request.version, step, actor)?;

    // Due this week: a purpose notification asked for by telephone ten days ago.
    register.create_request(
        RequestInput {
            request_type: RequestType::PurposeNotification,
            description: "ウェブサイト問合せ記録の利用目的".to_owned(),
            holding_ids: holding(5),
            ..request_input(ago(10), ReceiptChannel::Phone, "渡辺 由美")
        },
        actor,
    )?;
    Ok(())
}

fn request_input(received_on: NaiveDate, channel: ReceiptChannel, name: &str) -> RequestInput {
    RequestInput {
        reference: String::new(),
        request_type: RequestType::Disclosure,
        received_on,
        channel,
        requester_name: name.to_owned(),
        requester_contact: "東京都内（デモ）".to_owned(),
        agent: AgentKind::NoAgent,
        agent_name: String::new(),
        description: String::new(),
        holding_ids: Vec::new(),
        requested_method: None,
        fee_yen: None,
        notes: String::new(),
    }
}

fn identity(documents: &[&str], checked_on: NaiveDate) -> IdentityVerification {
    IdentityVerification {
        documents: texts(documents),
        checked_by: "総務グループ 鈴木".to_owned(),
        checked_on,
    }
}
