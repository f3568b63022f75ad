//! A realistic demo register, modelled on the published policy of a health insurance society
//! (被保険者 records with Individual Numbers, receipts, checkups, joint use with employers) and
//! on the consultation desk of a migrant-worker platform. Names are fictional.
//!
//! One module per register section; each fills its section through the register's public
//! verbs, so the demo is validated and audited like anything an officer types.

mod complaints;
mod controls;
mod incidents;
mod management;
mod processed;
mod quarantine;
mod requests;
pub mod scale;
mod sharing;
mod website;

use crate::error::{CoreError, Result};
use crate::model::holding::{
    AcquisitionMethod, Consent, DataItem, DisposalMethod, FileRegisterItems, HoldingInput, Medium,
    NumberAffair, NumberAffairKind, NumberMasking, NumberMaskingMethod, PurposeNotice,
    RetentionRule, RetentionTrigger,
};
use crate::model::organisation::{OrganisationInput, Regime};
use crate::model::request_procedure::{AnswerMethod, RequestProcedureInput};
use crate::register::Register;
use chrono::NaiveDate;

/// Fills an empty register with the demo organisation, holdings, requests and complaints,
/// all audited. Returns the number of holdings. Request and complaint dates are set
/// relative to today, so the agenda always shows one request paused for identity
/// documents, one overdue and one due this week.
pub fn load(register: &Register, actor: &str) -> Result<usize> {
    load_seed(register, Seed::HealthInsurance, actor)
}

/// The seed registers, each built from one of the published policies the register was
/// designed from (`shared/seeds/NNN_*.txt`), named by the policy's number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum Seed {
    /// 000: the health ministry's quarantine and health monitoring of overseas entrants, a
    /// national organ with a table of seven information types.
    Quarantine,
    /// 004: a health insurance society, a private operator (the default demo).
    HealthInsurance,
    /// 002: the foreign ministry's official website, a national organ holding access
    /// information and mail-service registrations.
    MinistryWebsite,
}

impl Seed {
    pub const ALL: [Seed; 3] = [
        Seed::HealthInsurance,
        Seed::Quarantine,
        Seed::MinistryWebsite,
    ];

    /// The policy's number, which `daicho demo --org` takes.
    pub fn number(self) -> &'static str {
        match self {
            Seed::Quarantine => "000",
            Seed::HealthInsurance => "004",
            Seed::MinistryWebsite => "002",
        }
    }

    pub fn from_number(number: &str) -> Option<Seed> {
        Seed::ALL.into_iter().find(|s| s.number() == number)
    }
}

/// Fills an empty register with the seed register `seed`, in one transaction.
pub fn load_seed(register: &Register, seed: Seed, actor: &str) -> Result<usize> {
    if !register.is_empty()? {
        return Err(CoreError::Conflict(
            "the register already holds records; the demo loads only into an empty register"
                .to_owned(),
        ));
    }
    // One transaction: a demo killed or stopped by a full disk leaves the register as empty
    // as it was, never an organisation and a few holdings that make the next demo or import
    // refuse (issue 12, item 6).
    register.all_or_nothing(|| {
        // Checked again inside the transaction, which holds the write lock: a second demo or
        // an import started at the same time cannot both find the register empty.
        if !register.is_empty()? {
            return Err(CoreError::Conflict(
                "the register already holds records; the demo loads only into an empty register"
                    .to_owned(),
            ));
        }
        match seed {
            Seed::HealthInsurance => fill(register, actor),
            Seed::Quarantine => quarantine::fill(register, actor),
            Seed::MinistryWebsite => website::fill(register, actor),
        }
    })
}

/// Writes the demo into `register` record by record through the register's verbs, as an
/// officer would, so that every record is made and checked by the same rules.
fn fill(register: &Register, actor: &str) -> Result<usize> {
    register.save_organisation(organisation(), None, actor)?;
    register.save_request_procedure(request_procedure(), None, actor)?;
    let holdings = holdings();
    let count = holdings.len();
    let mut ids = Vec::with_capacity(count);
    for holding in holdings {
        ids.push(register.create_holding(holding, actor)?.id);
    }
    let holding = |index: usize| ids.get(index).copied().into_iter().collect::<Vec<i64>>();
    requests::load(register, &holding, actor)?;
    complaints::load(register, &holding, actor)?;
    sharing::load(register, &ids, actor)?;
    controls::load(register, &ids, actor)?;
    incidents::load(register, &holding, actor)?;
    processed::load(register, &ids, actor)?;
    management::load(register, &ids, actor)?;
    Ok(count)
}

/// The society's published procedure: its policy says requests follow "the procedures
/// established by the Association"; these are the ones a health insurance society typically
/// sets (fictional amounts).
fn request_procedure() -> RequestProcedureInput {
    RequestProcedureInput {
        forms: "所定の「保有個人データ開示等請求書」に記入のうえ、窓口へ持参又は郵送してください。請求書は窓口及び当組合ウェブサイトで入手できます。"
            .to_owned(),
        identity_documents: texts(&[
            "運転免許証",
            "マイナンバーカード（表面のみ）",
            "パスポート",
            "健康保険の資格確認書",
        ]),
        agent_identity_documents: texts(&["運転免許証", "マイナンバーカード（表面のみ）", "パスポート"]),
        legal_representative_proof: "戸籍謄本その他法定代理権を確認できる書類（発行から3か月以内）"
            .to_owned(),
        appointed_agent_proof: "本人が実印を押印した委任状及び本人の印鑑登録証明書（発行から3か月以内）"
            .to_owned(),
        disclosure_fee_yen: Some(300),
        provision_record_fee_yen: Some(300),
        payment_method: "窓口では現金、郵送の場合は定額小為替証書を同封".to_owned(),
        answer_methods: vec![AnswerMethod::Paper, AnswerMethod::ElectronicRecord],
        notes: String::new(),
    }
}

fn organisation() -> OrganisationInput {
    OrganisationInput {
        name: "みらい健康保険組合".to_owned(),
        address: "東京都港区芝公園四丁目2番8号 みらいビル5階".to_owned(),
        representative: "理事長 佐藤 一郎".to_owned(),
        privacy_manager: "常務理事 鈴木 花子".to_owned(),
        request_desk: "総務グループ 個人情報開示等請求窓口（電話 03-0000-1234、平日9時〜17時）"
            .to_owned(),
        complaint_desk:
            "総務グループ 個人情報相談窓口（電話 03-0000-1235、privacy@mirai-kenpo.example.jp）"
                .to_owned(),
        regime: Regime::PrivateOperator,
        gdpr_applies: false,
        officers: Vec::new(),
    }
}

pub(super) fn item(name: &str) -> DataItem {
    DataItem {
        id: None,
        name: name.to_owned(),
        sensitive: false,
        my_number: false,
        purposes: Vec::new(),
        sources: Vec::new(),
    }
}

fn sensitive(name: &str) -> DataItem {
    DataItem {
        sensitive: true,
        ..item(name)
    }
}

fn affair(kind: NumberAffairKind, description: &str) -> NumberAffair {
    NumberAffair {
        kind,
        description: description.to_owned(),
    }
}

fn my_number(name: &str) -> DataItem {
    DataItem {
        my_number: true,
        ..item(name)
    }
}

pub(super) fn texts(values: &[&str]) -> Vec<String> {
    values.iter().map(|v| (*v).to_owned()).collect()
}

pub(super) fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn retention(years: u32, trigger: RetentionTrigger, legal_basis: &str) -> Option<RetentionRule> {
    Some(RetentionRule {
        years,
        months: 0,
        trigger,
        trigger_note: String::new(),
        legal_basis: legal_basis.to_owned(),
    })
}

/// The fields every demo holding shares; each holding overrides what differs.
fn base(name: &str, department: &str, process: &str) -> HoldingInput {
    HoldingInput {
        ledger_no: String::new(),
        name: name.to_owned(),
        department: department.to_owned(),
        business_process: process.to_owned(),
        manager: "業務グループ長".to_owned(),
        duty_basis: String::new(),
        consent_details: Default::default(),
        data_items: vec![
            item("氏名"),
            item("生年月日"),
            item("性別"),
            item("被保険者記号・番号"),
        ],
        persons_recorded: "被保険者及び被扶養者".to_owned(),
        approx_count: Some(42_000),
        acquisition_method: AcquisitionMethod::DirectWritten,
        acquisition_sources: texts(&["本人（事業主経由の届出書）"]),
        purposes: texts(&["保険給付の実施"]),
        purpose_notice: vec![PurposeNotice::Published],
        consent: Consent::NotRequired,
        consent_note: String::new(),
        medium: Medium::Electronic,
        storage_place: "基幹システム（データセンター、東京都）".to_owned(),
        storage_method: "アクセス制御されたサーバ、通信・保存時暗号化".to_owned(),
        access_holders: texts(&["業務グループ担当者", "システム管理者"]),
        use_deadline: "資格喪失後、給付の時効まで".to_owned(),
        retention: retention(5, RetentionTrigger::LeavingService, "健康保険法施行規則"),
        disposal_method: Some(DisposalMethod::ErasureSoftware),
        disposal_note: String::new(),
        retained_personal_data: true,
        last_review: date(2026, 4, 15),
        next_review: date(2027, 4, 15),
        file_register: FileRegisterItems::default(),
        number_affairs: Vec::new(),
        number_masking: None,
        notes: String::new(),
    }
}

fn holdings() -> Vec<HoldingInput> {
    vec![
        HoldingInput {
            data_items: vec![
                item("氏名"),
                item("生年月日"),
                item("性別"),
                item("住所"),
                item("被保険者記号・番号"),
                item("資格取得・喪失年月日"),
                item("標準報酬月額"),
                my_number("個人番号"),
            ],
            acquisition_sources: texts(&["事業主（資格取得届）", "本人（被扶養者異動届）"]),
            purposes: texts(&[
                "被保険者の資格の取得・喪失の確認",
                "保険料の徴収及び標準報酬の決定",
                "個人番号関係事務（資格確認、地方公共団体等との情報連携）",
            ]),
            retention: retention(
                7,
                RetentionTrigger::LeavingService,
                "番号法第20条、健康保険法施行規則",
            ),
            // A health insurance society uses the numbers itself: its eligibility and benefit
            // affairs are in the Number Act's Appended Table 1.
            number_affairs: vec![
                affair(
                    NumberAffairKind::Use,
                    "健康保険法による被保険者資格の管理及び保険給付の支給に関する事務（番号法別表第一）",
                ),
                affair(
                    NumberAffairKind::Use,
                    "情報提供ネットワークシステムを使用した地方公共団体等との情報連携（番号法第19条）",
                ),
            ],
            number_masking: Some(NumberMasking {
                method: NumberMaskingMethod::MaskedInCopies,
                note: "給付決定通知書、窓口交付用の帳票及び写しには個人番号を印字しない".to_owned(),
            }),
            ..base("被保険者・被扶養者台帳", "適用グループ", "資格管理")
        },
        HoldingInput {
            data_items: vec![
                item("氏名"),
                item("被保険者記号・番号"),
                item("医療機関名"),
                sensitive("傷病名"),
                sensitive("診療内容"),
                item("診療報酬点数"),
            ],
            acquisition_method: AcquisitionMethod::ThirdParty,
            acquisition_sources: texts(&["社会保険診療報酬支払基金", "保険医療機関"]),
            purposes: texts(&[
                "レセプト点検及び医療費の支払",
                "医療費通知の作成",
                "高額療養費の共同事業への申請（健康保険組合連合会）",
            ]),
            approx_count: Some(510_000),
            ..base(
                "診療報酬明細書（レセプト）データ",
                "給付グループ",
                "レセプト点検",
            )
        },
        HoldingInput {
            data_items: vec![
                item("氏名"),
                item("生年月日"),
                item("被保険者記号・番号"),
                sensitive("健診結果（検査値）"),
                sensitive("問診結果"),
                sensitive("保健指導の記録"),
            ],
            acquisition_method: AcquisitionMethod::Mixed,
            acquisition_sources: texts(&["健診機関", "事業主（労働安全衛生法に基づく定期健診）"]),
            purposes: texts(&[
                "特定健康診査・特定保健指導の実施",
                "事業主との共同利用による被保険者の健康管理",
                "生活習慣病予防のための保健事業",
            ]),
            purpose_notice: vec![PurposeNotice::Published, PurposeNotice::Notified],
            approx_count: Some(28_000),
            retention: retention(
                5,
                RetentionTrigger::Acquisition,
                "高齢者の医療の確保に関する法律",
            ),
            ..base(
                "特定健診・特定保健指導データ",
                "保健事業グループ",
                "特定健診",
            )
        },
        HoldingInput {
            data_items: vec![
                item("氏名"),
                item("住所"),
                item("電話番号"),
                item("振込先口座"),
                sensitive("療養の内容"),
            ],
            medium: Medium::Both,
            storage_place: "事務所 書庫（施錠）、基幹システム".to_owned(),
            storage_method: "申請書原本は施錠キャビネット、画像はアクセス制御されたサーバ"
                .to_owned(),
            purposes: texts(&["療養費・高額療養費・付加給付の支給"]),
            approx_count: Some(6_500),
            disposal_method: Some(DisposalMethod::Outsourced),
            disposal_note: "機密文書溶解処理業者に委託し、溶解証明書を受領".to_owned(),
            ..base("療養費等支給申請書", "給付グループ", "現金給付")
        },
        HoldingInput {
            data_items: vec![
                item("氏名"),
                item("連絡先"),
                sensitive("相談内容（健康状態）"),
                item("対応記録"),
            ],
            persons_recorded: "健康相談窓口の利用者（被保険者、被扶養者）".to_owned(),
            approx_count: Some(900),
            acquisition_method: AcquisitionMethod::DirectOther,
            acquisition_sources: texts(&["本人（電話・ウェブ相談）"]),
            purposes: texts(&["健康相談への対応", "相談窓口の運営改善（統計化して利用）"]),
            purpose_notice: vec![PurposeNotice::ExplicitlyShown],
            consent: Consent::Obtained,
            consent_note: "相談受付時に口頭及び画面で同意を取得".to_owned(),
            retention: retention(3, RetentionTrigger::LastUse, "組合文書管理規程"),
            ..base("健康相談窓口記録", "保健事業グループ", "健康相談")
        },
        HoldingInput {
            data_items: vec![item("氏名"), item("メールアドレス"), item("問合せ内容")],
            persons_recorded: "ウェブサイトからの問合せ者".to_owned(),
            approx_count: Some(1_200),
            acquisition_method: AcquisitionMethod::DirectOther,
            acquisition_sources: texts(&["本人（ウェブフォーム）"]),
            purposes: texts(&["問合せへの回答"]),
            purpose_notice: vec![PurposeNotice::ExplicitlyShown],
            retained_personal_data: true,
            retention: retention(1, RetentionTrigger::PurposeAchieved, "組合文書管理規程"),
            last_review: date(2025, 3, 1),
            next_review: date(2026, 3, 1),
            ..base("ウェブサイト問合せ記録", "総務グループ", "広報・問合せ対応")
        },
        HoldingInput {
            data_items: vec![
                item("氏名"),
                item("住所"),
                item("職歴"),
                item("給与額"),
                my_number("個人番号"),
                sensitive("健康診断結果"),
            ],
            persons_recorded: "組合職員".to_owned(),
            approx_count: Some(45),
            acquisition_sources: texts(&["本人"]),
            purposes: texts(&[
                "人事・給与・労務管理",
                "源泉徴収・社会保険手続（個人番号関係事務）",
            ]),
            purpose_notice: vec![PurposeNotice::Notified],
            medium: Medium::Both,
            storage_place: "総務グループ 施錠書庫、人事給与システム".to_owned(),
            access_holders: texts(&["総務グループ長", "人事担当者"]),
            use_deadline: "退職まで".to_owned(),
            retention: retention(
                7,
                RetentionTrigger::LeavingService,
                "労働基準法第109条、番号法",
            ),
            // As the staff's employer the society only puts numbers on reports to others.
            number_affairs: vec![
                affair(
                    NumberAffairKind::Related,
                    "源泉徴収票・給与支払報告書の作成及び提出（所得税法、地方税法）",
                ),
                affair(
                    NumberAffairKind::Related,
                    "健康保険・厚生年金保険の資格取得届等の作成及び提出",
                ),
            ],
            number_masking: Some(NumberMasking {
                method: NumberMaskingMethod::DeletedAfterAffair,
                note: "退職後、法定保存期間の経過後速やかに削除・廃棄し、削除記録を残す".to_owned(),
            }),
            disposal_method: Some(DisposalMethod::Shredding),
            retained_personal_data: true,
            ..base("職員人事・給与ファイル", "総務グループ", "人事給与")
        },
        HoldingInput {
            data_items: vec![
                item("氏名"),
                item("事業所名"),
                sensitive("健診結果の数値"),
                item("法定検査項目"),
            ],
            persons_recorded: "被保険者（従業員）".to_owned(),
            approx_count: Some(30_000),
            acquisition_method: AcquisitionMethod::ThirdParty,
            acquisition_sources: texts(&["事業主"]),
            purposes: texts(&["事業主との共同健診事業における健康管理"]),
            purpose_notice: vec![PurposeNotice::Published],
            retention: None,
            disposal_method: None,
            access_holders: Vec::new(),
            notes: "保管期限と廃棄方法は事業主との協議中（年次点検で要確認）".to_owned(),
            last_review: None,
            next_review: None,
            ..base("事業主共同健診データ", "保健事業グループ", "共同健診")
        },
    ]
}
