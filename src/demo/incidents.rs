//! The demo's breach incidents.
//!
//! Breach incidents: a mis-sent e-mail with checkup results (sensitive, so reportable; the
//! preliminary report is filed and the final one is due), notices mis-enclosed by the
//! print-and-mail subcontractor (12 persons, not reportable), and a lost USB memory whose
//! encryption excludes it from reporting (closed).

use crate::error::{CoreError, Result};
use crate::register::Register;
use chrono::{Days, NaiveDate};

pub(super) fn load(
    register: &Register,
    holding: &dyn Fn(usize) -> Vec<i64>,
    actor: &str,
) -> Result<()> {
    use crate::model::incident::{
        FilingChannel, FilingInput, FilingLaw, FilingPhase, IncidentActionInput, IncidentCertainty,
        IncidentInput, IncidentItem, IncidentNature, NoticeInput, NoticeMethod, Perpetrator,
        SecondaryDamage,
    };
    use crate::model::subcontractor::SubcontractorClass;
    let today = crate::clock::today();
    let ago = |days: u64| today.checked_sub_days(Days::new(days)).unwrap_or(today);
    let japan = chrono::FixedOffset::east_opt(9 * 3600)
        .ok_or_else(|| CoreError::Integrity("the Japan offset is out of range".to_owned()))?;
    let at = |day: NaiveDate, hour: u32, minute: u32| {
        day.and_hms_opt(hour, minute, 0)
            .and_then(|t| t.and_local_timezone(japan).single())
            .ok_or_else(|| CoreError::Integrity(format!("no such time {day} {hour}:{minute}")))
    };
    let items_of = |index: usize, names: &[&str]| -> Result<Vec<IncidentItem>> {
        let mut items = Vec::new();
        for id in holding(index) {
            for item in register.holding(id)?.fields.data_items {
                if names.contains(&item.name.as_str()) {
                    items.push(IncidentItem {
                        data_item_id: item.id,
                        name: item.name,
                        sensitive: item.sensitive,
                        ordinance_sensitive: false,
                        my_number: item.my_number,
                        not_sensitive_confirmed: false,
                        no_financial_risk_confirmed: false,
                    });
                }
            }
        }
        Ok(items)
    };
    let blank = |title: &str, aware_at, department: &str| IncidentInput {
        reference: String::new(),
        title: title.to_owned(),
        aware_at,
        aware_department: department.to_owned(),
        occurred_on: None,
        nature: vec![IncidentNature::Leakage],
        certainty: IncidentCertainty::Actual,
        summary: String::new(),
        holding_ids: Vec::new(),
        items: Vec::new(),
        persons: 1,
        my_number_persons: 0,
        cause: String::new(),
        secondary_damage: SecondaryDamage::None,
        secondary_damage_detail: String::new(),
        strong_encryption: false,
        encryption_detail: String::new(),
        financial_damage_risk: false,
        wrongful_purpose: false,
        data_being_acquired: false,
        my_number_system: false,
        publicly_exposed: false,
        gdpr_risk_unlikely: false,
        gdpr_risk_reason: String::new(),
        perpetrator: Perpetrator::Insider,
        entrusted_party: String::new(),
        entrustee_id: None,
        entrustee_notified_on: None,
        responses_to_persons: String::new(),
        public_announcement: String::new(),
        prevention: String::new(),
        other: String::new(),
    };

    let incident = register.create_incident(
        IncidentInput {
            occurred_on: Some(ago(3)),
            summary: "特定保健指導の案内メールに、別の被保険者1名の特定健診結果（PDF）を誤って\
                      添付して送信した。受信者からの連絡で判明した。"
                .to_owned(),
            holding_ids: holding(2),
            items: items_of(2, &["氏名", "生年月日", "健診結果（検査値）", "問診結果"])?,
            cause: "添付ファイルの選択時に、ファイル名が類似した別人のPDFを選択した。送信前の\
                    ダブルチェックが行われていなかった。"
                .to_owned(),
            responses_to_persons: "本人に電話で経緯を説明し謝罪した。".to_owned(),
            public_announcement: "本人1名の事案であり、公表は行わない。".to_owned(),
            prevention: "健診結果の送付は専用システムからのダウンロード方式に切り替え、メール\
                         添付を禁止する。切替えまでの間は送信前の二名確認を義務付ける。"
                .to_owned(),
            ..blank(
                "特定健診結果の誤送信",
                at(ago(2), 10, 15)?,
                "保健事業グループ",
            )
        },
        actor,
    )?;
    let incident = register.add_incident_action(
        incident.id,
        incident.version,
        IncidentActionInput {
            on: ago(2),
            description: "誤送信先の被保険者に連絡し、メールと添付ファイルの削除を依頼。削除済み\
                          との回答を得た"
                .to_owned(),
        },
        actor,
    )?;
    let incident = register.add_incident_notice(
        incident.id,
        incident.version,
        NoticeInput {
            notified_on: ago(2),
            method: NoticeMethod::Phone,
            persons: 1,
            note: "後日、書面でも通知する".to_owned(),
        },
        actor,
    )?;
    register.add_incident_filing(
        incident.id,
        incident.version,
        FilingInput {
            phase: FilingPhase::Preliminary,
            law: FilingLaw::Appi,
            filed_on: ago(1),
            authority: "個人情報保護委員会".to_owned(),
            channel: FilingChannel::WebForm,
            reference_no: "PPC-R0001234".to_owned(),
            note: String::new(),
        },
        actor,
    )?;

    // An incident at a tier of the subcontracting chain: the print-and-mail vendor put
    // notices into the wrong envelopes and told the society the next day.
    let print_mail = register
        .subcontractor_tree(today)?
        .into_iter()
        .map(|node| node.subcontractor)
        .find(|s| s.fields.classification == SubcontractorClass::PrintMail);
    if let Some(vendor) = print_mail {
        register.create_incident(
            IncidentInput {
                occurred_on: Some(ago(8)),
                summary: "委託先の印刷・発送事業者が医療費通知を封入する際、封入機の設定誤り\
                          により、12名分の通知を別の被保険者宛の封筒に封入して発送した。"
                    .to_owned(),
                holding_ids: holding(0),
                items: items_of(0, &["氏名", "住所", "被保険者記号・番号"])?,
                persons: 12,
                cause: "封入機の丁合設定の変更後に、抜取り検査が行われなかった。".to_owned(),
                perpetrator: Perpetrator::Subcontractor,
                entrustee_id: Some(vendor.id),
                entrustee_notified_on: Some(ago(7)),
                responses_to_persons: "対象の被保険者12名に電話で連絡し、誤送付分の回収を\
                                       依頼している。"
                    .to_owned(),
                prevention: "委託先に設定変更時の全数照合を義務付け、翌月に立入検査を行う。"
                    .to_owned(),
                ..blank(
                    "医療費通知の誤封入（委託先）",
                    at(ago(7), 9, 30)?,
                    "業務グループ",
                )
            },
            actor,
        )?;
    }

    let incident = register.create_incident(
        IncidentInput {
            nature: vec![IncidentNature::Leakage, IncidentNature::Loss],
            certainty: IncidentCertainty::Possible,
            occurred_on: Some(ago(21)),
            summary: "職員が人事給与データを保存したUSBメモリを帰宅途中に紛失した。".to_owned(),
            holding_ids: holding(6),
            items: items_of(6, &["氏名", "住所"])?,
            persons: 38,
            cause: "持出し許可を得たUSBメモリの管理不備".to_owned(),
            strong_encryption: true,
            encryption_detail: "AES-256によるハードウェア暗号化。パスワードは別管理で、紛失して\
                                いない。"
                .to_owned(),
            prevention: "USBメモリによる持出しを禁止し、リモートアクセスに切り替える。".to_owned(),
            ..blank(
                "暗号化USBメモリの紛失",
                at(ago(20), 18, 40)?,
                "総務グループ",
            )
        },
        actor,
    )?;
    register.close_incident(
        incident.id,
        incident.version,
        ago(10),
        "高度な暗号化により報告対象外と判断。警察への遺失届を提出済み。".to_owned(),
        actor,
    )?;
    Ok(())
}
