//! The demo's complaints, dated relative to today.

use crate::error::Result;
use crate::model::complaint::{ComplaintActionInput, ComplaintInput};
use crate::model::request::ReceiptChannel;
use crate::register::Register;
use chrono::Days;

pub(super) fn load(
    register: &Register,
    holding: &dyn Fn(usize) -> Vec<i64>,
    actor: &str,
) -> Result<()> {
    let today = crate::clock::today();
    let ago = |days: u64| today.checked_sub_days(Days::new(days)).unwrap_or(today);

    let complaint = register.create_complaint(
        ComplaintInput {
            reference: String::new(),
            received_on: ago(60),
            channel: ReceiptChannel::Web,
            complainant: "山本 一郎".to_owned(),
            complainant_contact: "yamamoto@example.jp".to_owned(),
            subject: "健康相談の内容が勤務先に伝わっていないか".to_owned(),
            description: "健康相談窓口で話した内容が事業主に共有されていないか不安、との申出"
                .to_owned(),
            holding_ids: holding(4),
        },
        actor,
    )?;
    let complaint = register.add_complaint_action(
        complaint.id,
        complaint.version,
        ComplaintActionInput {
            on: ago(58),
            description: "相談記録のアクセスログを確認し、事業主への提供がないことを確認"
                .to_owned(),
            by: "保健事業グループ 佐々木".to_owned(),
        },
        actor,
    )?;
    register.close_complaint(
        complaint.id,
        complaint.version,
        ago(55),
        "申出者に電話で確認結果と共同利用の範囲（健診結果のみ）を説明し、了解を得た".to_owned(),
        actor,
    )?;

    let complaint = register.create_complaint(
        ComplaintInput {
            reference: String::new(),
            received_on: ago(9),
            channel: ReceiptChannel::Phone,
            complainant: String::new(),
            complainant_contact: String::new(),
            subject: "資格喪失後も医療費通知が届く".to_owned(),
            description: "退職して資格を喪失した元被保険者宛ての医療費通知が、転居前の住所に\
                          届いているとの匿名の電話"
                .to_owned(),
            holding_ids: holding(0),
        },
        actor,
    )?;
    register.add_complaint_action(
        complaint.id,
        complaint.version,
        ComplaintActionInput {
            on: ago(8),
            description: "資格喪失処理と医療費通知の抽出条件を確認中".to_owned(),
            by: "適用グループ 田中".to_owned(),
        },
        actor,
    )?;
    Ok(())
}
