//! Seed 000: the health ministry's privacy policy for the quarantine and health monitoring
//! (follow-up) of overseas entrants. A national organ (APPI chapter V) holding data under the
//! Quarantine Act art. 16-2 and the Infectious Diseases Act art. 15-3, with a table of seven
//! information types, each with its own purposes and sources, kept as one holding; its
//! recipients on the grounds of art. 69, the notice to the destination country under the
//! International Health Regulations art. 30 (art. 71), its four classes of subcontractors and
//! its security policy. What the policy states is entered in Japanese; what it leaves open
//! (counts, dates, company names, telephone numbers) is invented and marked as such.

use super::{date, item, texts};
use crate::error::Result;
use crate::model::holding::{
    AcquisitionMethod, Consent, ConsentDetails, DataItem, DisposalMethod, FileRegisterItems,
    HoldingInput, Medium, PurposeNotice, RetentionRule, RetentionTrigger,
};
use crate::model::measure::{MeasureHeading, MeasureInput};
use crate::model::organisation::{Officer, OrganisationInput, Regime};
use crate::model::provision::{
    ProvisionBasis, ProvisionDirection, ProvisionInformation, ProvisionRecordInput, PublicGround,
    RecipientInput, RecordingMethod,
};
use crate::model::subcontractor::{
    EntrustedData, SubcontractorClass, SubcontractorInput, Supervision, SupervisionMethod,
};
use crate::model::transfer::{InformationGiven, TransferBasis, TransferInput};
use crate::register::Register;

const MINISTRY: &str = "厚生労働省";
const ADDRESS: &str = "東京都千代田区霞が関1-2-2";
/// The policy's section 4: the laws the ministry holds the information under.
pub const DUTY_BASIS: &str =
    "検疫法第16条の2、感染症の予防及び感染症の患者に対する医療に関する法律第15条の3";

// The three sources the policy repeats for most types (section 4).
const FROM_ENTRANTS: &str = "入国者本人から（MySOS、健康カード、質問票、誓約書等。電子又は書面）";
const FROM_RECEIVERS: &str =
    "受入責任者（入国者を雇用し、又は業務・興行目的で受け入れる企業・団体）から";
const FROM_AUTHORITIES: &str =
    "法務省（出入国在留管理庁）、外務省（在外公館）、保健所、医療機関、宿泊施設等から";
const FROM_SMARTPHONE: &str = "入国者によるスマートフォンの機能の利用から";

// The purposes (section 4).
const IDENTIFY: &str = "入国者の本人確認、管理及び確認のため";
const COMMUNICATE: &str = "法務省（出入国在留管理庁）、外務省（在外公館）その他の関係省庁、保健所、医療機関、宿泊施設等との連絡のため";
const BEFORE_ENTRY: &str = "入国前及び入国時の健康状態の確認のため";
const AFTER_ENTRY: &str = "入国後の健康状態のフォローアップ（健康観察）のため";
const ISOLATION: &str = "入国者が報告した待機場所における待機状況の確認（現在地の確認）のため";
const INVESTIGATION: &str = "感染症法第15条に基づく積極的疫学調査のため";

fn with(name: &str, purposes: &[&str], sources: &[&str]) -> DataItem {
    DataItem {
        purposes: texts(purposes),
        sources: texts(sources),
        ..item(name)
    }
}

pub(super) fn organisation() -> OrganisationInput {
    OrganisationInput {
        name: MINISTRY.to_owned(),
        address: ADDRESS.to_owned(),
        representative: "厚生労働大臣".to_owned(),
        // Section 3: the two directors appointed as data protection officers.
        privacy_manager: "健康局健康課長、医薬・生活衛生局検疫所業務課長（データ保護責任者）"
            .to_owned(),
        // Section 10; the telephone number is invented.
        request_desk: "厚生労働省 入国者健康確認センター 問合せ窓口（電話 03-0000-5100）"
            .to_owned(),
        complaint_desk: "厚生労働省 入国者健康確認センター 問合せ窓口（電話 03-0000-5100）。\
            解決しない場合は、居住する国又は地域の監督機関に相談することができます。"
            .to_owned(),
        regime: Regime::NationalOrgan,
        // Section 4 rests the handling on a task carried out in the public interest or in the
        // exercise of official authority (GDPR Art. 6(1)(e)) and section 10 on the rights of
        // the GDPR; the policy addresses entrants from the EU among others.
        gdpr_applies: true,
        // Section 3: two directors as data protection officers, each with a contact (the
        // telephone numbers are invented).
        officers: vec![
            Officer {
                name: "健康局健康課長".to_owned(),
                role: "データ保護責任者".to_owned(),
                contact: "健康局健康課（電話 03-0000-5201）".to_owned(),
            },
            Officer {
                name: "医薬・生活衛生局検疫所業務課長".to_owned(),
                role: "データ保護責任者".to_owned(),
                contact: "医薬・生活衛生局検疫所業務課（電話 03-0000-5202）".to_owned(),
            },
        ],
    }
}

pub(super) fn holding() -> HoldingInput {
    HoldingInput {
        ledger_no: String::new(),
        name: "入国者情報（検疫業務及び入国者健康確認業務）".to_owned(),
        department: "健康局 健康課 入国者健康確認センター".to_owned(),
        business_process: "検疫業務及び入国者健康確認（フォローアップ）業務".to_owned(),
        manager: "医薬・生活衛生局検疫所業務課長".to_owned(),
        duty_basis: DUTY_BASIS.to_owned(),
        // Section 4, on children's information and automated decisions.
        consent_details: ConsentDetails {
            minors_up_to_age: Some(12),
            representative_consent: "保護者の同意による（保護者が署名した誓約書の提出、保護者の MySOS の「同行者登録」による入力）"
                .to_owned(),
            automated_decisions: Some(false),
            automated_decisions_note: "プロファイリング等の自動化された意思決定には利用しない"
                .to_owned(),
            ..ConsentDetails::default()
        },
        data_items: vec![
            with(
                "基本情報（氏名、性別、生年月日、住所、メールアドレス、電話番号、国籍、在留資格認定証明書番号（技能実習・留学）等）",
                &[IDENTIFY, COMMUNICATE],
                &[FROM_ENTRANTS, FROM_RECEIVERS, FROM_AUTHORITIES],
            ),
            with(
                "旅券情報（旅券番号及び写真）",
                &[
                    IDENTIFY,
                    "法務省（出入国在留管理庁）、外務省（在外公館）その他の関係省庁との連絡のため",
                ],
                &[FROM_ENTRANTS, FROM_RECEIVERS, FROM_AUTHORITIES],
            ),
            with(
                "渡航情報（便名・船名、空港・港名、入国日、出国予定日、過去14日以内の滞在地等）",
                &[BEFORE_ENTRY, AFTER_ENTRY, COMMUNICATE],
                &[FROM_ENTRANTS, FROM_RECEIVERS, FROM_AUTHORITIES],
            ),
            DataItem {
                sensitive: true,
                ..with(
                    "健康情報（検査証明書・ワクチン接種証明書の情報、PCR検査結果、待機期間中の健康状態、フォローアップの状況、COVID-19陽性者等との接触、発熱等の症状、服薬、医療機関の受診等）",
                    &[
                        BEFORE_ENTRY,
                        AFTER_ENTRY,
                        "法務省（出入国在留管理庁）、外務省（在外公館）その他の関係省庁、保健所、医療機関、宿泊施設等との協力のため",
                        "適切な診断及び治療の確保のため（体調不良を報告した入国者に保健所への連絡を促す）",
                    ],
                    &[FROM_ENTRANTS, FROM_RECEIVERS, FROM_AUTHORITIES],
                )
            },
            with(
                "待機場所、現在地及び空港から待機場所までの移動手段",
                &[ISOLATION],
                &[FROM_ENTRANTS, FROM_RECEIVERS, FROM_SMARTPHONE],
            ),
            with(
                "映像・音声情報（ビデオ通話時の顔、背景及び音声）",
                &["入国者の本人確認及び管理のため", ISOLATION],
                &[FROM_SMARTPHONE],
            ),
            with(
                "輸出物品販売場（免税店）の利用に関する情報",
                &[INVESTIGATION],
                &["輸出物品販売場、国税庁等から"],
            ),
        ],
        persons_recorded: "日本に入国する予定の者及び入国した者（12歳以下の子どもを含む）"
            .to_owned(),
        // Invented: the policy gives no count.
        approx_count: Some(480_000),
        acquisition_method: AcquisitionMethod::Mixed,
        acquisition_sources: texts(&[FROM_ENTRANTS, FROM_RECEIVERS, FROM_AUTHORITIES]),
        purposes: texts(&[
            "検疫業務（検査・ワクチン接種の状況、誓約書・質問票の内容の確認）",
            "入国者健康確認（フォローアップ）業務（待機期間中の健康状態、待機場所及び現在地の報告の管理）",
        ]),
        purpose_notice: vec![PurposeNotice::Published, PurposeNotice::ExplicitlyShown],
        consent: Consent::Obtained,
        consent_note: "健康情報等の要配慮個人情報は事前の同意の範囲内でのみ利用".to_owned(),
        medium: Medium::Both,
        storage_place: "厚生労働省が承認したホスティング事業者の国内サーバ".to_owned(),
        storage_method: "「厚生労働省情報セキュリティポリシー」に基づく管理".to_owned(),
        access_holders: texts(&["入国者健康確認センター職員", "検疫所職員", "委託先の従事者"]),
        use_deadline: "業務の目的に必要な最小限の期間として定める期間".to_owned(),
        retention: Some(RetentionRule {
            years: 0,
            months: 0,
            trigger: RetentionTrigger::PurposeAchieved,
            trigger_note: "業務の目的に必要な最小限の期間を定め、経過後遅滞なく消去・廃棄"
                .to_owned(),
            legal_basis: "本ポリシー6（保存期間）".to_owned(),
        }),
        disposal_method: Some(DisposalMethod::ErasureSoftware),
        disposal_note: String::new(),
        retained_personal_data: true,
        last_review: date(2026, 4, 1),
        next_review: date(2027, 4, 1),
        file_register: FileRegisterItems {
            regular_recipients: texts(&[
                "法務省（出入国在留管理庁）、外務省（在外公館）その他の関係省庁",
                "保健所及び医療機関",
                "受入責任者、受入企業・団体の所管省庁及び水際対策の所管省庁",
                "宿泊施設",
                "出国先の国の権限ある当局",
            ]),
            ..FileRegisterItems::default()
        },
        number_affairs: Vec::new(),
        number_masking: None,
        notes: "MySOS（健康居所確認アプリ）における取扱いは同アプリのプライバシーポリシー及び利用規約による。"
            .to_owned(),
    }
}

/// The regular recipients of section 7, each on its art. 69 ground.
fn recipients(holding_id: i64) -> Vec<RecipientInput> {
    let recipient =
        |name: &str, purpose: &str, ground: PublicGround, items: &[&str]| RecipientInput {
            name: name.to_owned(),
            address: String::new(),
            representative: String::new(),
            purpose: purpose.to_owned(),
            basis: ProvisionBasis::PublicBody,
            exception: None,
            public_ground: Some(ground),
            items: texts(items),
            frequency: "随時、電子データ又は書面で".to_owned(),
            holding_ids: vec![holding_id],
            notes: String::new(),
        };
    vec![
        recipient(
            "法務省（出入国在留管理庁）、外務省（在外公館）その他の関係省庁",
            "誓約書に違反し又は違反のおそれがある場合の出入国管理及び難民認定法に基づく措置（在留資格の取消し、退去強制手続等）、感染症法第15条に基づく積極的疫学調査、査証の発給",
            PublicGround::OtherPublicBody,
            &["基本情報", "旅券情報", "渡航情報"],
        ),
        recipient(
            "保健所及び医療機関",
            "体調不良を報告した入国者の案内及び適切な診断・治療の確保、感染症法第15条に基づく積極的疫学調査",
            PublicGround::WithinPurpose,
            &["基本情報", "渡航情報", "健康情報"],
        ),
        recipient(
            "受入責任者、受入企業・団体の所管省庁及び水際対策の所管省庁",
            "誓約書に違反し又は違反のおそれがある場合の「水際対策」に基づく必要な措置",
            PublicGround::WithinPurpose,
            &["基本情報", "待機場所、現在地"],
        ),
        recipient(
            "宿泊施設",
            "検疫所が宿泊施設を待機場所に指定した場合の入国者の案内",
            PublicGround::WithinPurpose,
            &["基本情報", "渡航情報"],
        ),
        RecipientInput {
            basis: ProvisionBasis::PublicBodyForeign,
            notes: "国際保健規則（IHR）第30条".to_owned(),
            ..recipient(
                "出国先の国の権限ある当局（日本から出国する場合）",
                "国際保健規則（IHR）第30条に定める締約国の義務の履行",
                PublicGround::LawsAndRegulations,
                &[
                    "本人確認情報（氏名、生年月日、旅券番号、国籍、連絡先）",
                    "入国時の航空便情報（到着空港、日程、便名）",
                    "出国時の航空便情報（出発空港、日程、便名）",
                ],
            )
        },
    ]
}

fn subcontractor(
    name: &str,
    class: SubcontractorClass,
    work: &str,
    entrusted: EntrustedData,
) -> SubcontractorInput {
    SubcontractorInput {
        reference: String::new(),
        parent_id: None,
        name: name.to_owned(),
        address: String::new(),
        representative: String::new(),
        country: "JP".to_owned(),
        classification: class,
        classification_note: String::new(),
        work_description: work.to_owned(),
        entrusted: vec![entrusted],
        contract_reference: String::new(),
        contract_clauses: "個人情報の取扱いに関する契約（委託先の選定への配慮、適切な管理・監督、\
            再委託は厚生労働省の同意を得た場合に限る）"
            .to_owned(),
        approval: None,
        supervision: Supervision {
            method: SupervisionMethod::WrittenReport,
            frequency_months: 12,
            last_check: None,
            next_check: None,
            findings: String::new(),
        },
        incident_notified_on: None,
        incident_note: String::new(),
        notes: String::new(),
    }
}

pub(super) fn fill(register: &Register, actor: &str) -> Result<usize> {
    register.save_organisation(organisation(), None, actor)?;
    let held = register.create_holding(holding(), actor)?;
    for recipient in recipients(held.id) {
        register.create_recipient(recipient, actor)?;
    }
    let all_items = || EntrustedData {
        holding_id: held.id,
        item_ids: held.fields.data_items.iter().filter_map(|i| i.id).collect(),
    };
    // Section 8's four classes; the companies' names are invented.
    for (name, class, work) in [
        (
            "株式会社みらいシステムズ（架空）",
            SubcontractorClass::SystemVendor,
            "関係システムの開発及び運用",
        ),
        (
            "みらいコンサルティング株式会社（架空）",
            SubcontractorClass::Consultancy,
            "健康観察（フォローアップ）業務の運用支援",
        ),
        (
            "みらい警備保障株式会社（架空）",
            SubcontractorClass::SecurityCompany,
            "待機状況の確認",
        ),
        (
            "みらいクラウド株式会社（架空）",
            SubcontractorClass::CloudProvider,
            "関係システムのクラウドサービスの提供（国内サーバ）",
        ),
    ] {
        register.create_subcontractor(subcontractor(name, class, work, all_items()), actor)?;
    }
    // Section 9: the one transfer to a third country.
    register.create_transfer(
        TransferInput {
            reference: String::new(),
            holding_id: held.id,
            recipient: "出国先の国の権限ある当局".to_owned(),
            subcontractor_id: None,
            country: None,
            country_undetermined_reason: "出国者ごとに出国先の国が異なるため".to_owned(),
            basis: TransferBasis::OtherLaw,
            measures_basis: None,
            legal_basis: "国際保健規則（IHR）第30条（個人情報保護法第71条第1項：法令に基づく場合）"
                .to_owned(),
            items: texts(&[
                "本人確認情報（氏名、生年月日、旅券番号、国籍、連絡先）",
                "入国時の航空便情報（到着空港、日程、便名）",
                "出国時の航空便情報（出発空港、日程、便名）",
            ]),
            information_given: InformationGiven::default(),
            check_frequency_months: None,
            last_check: None,
            next_check: None,
            check_results: String::new(),
            started_on: date(2022, 2, 18),
            stopped_on: None,
            notes: String::new(),
        },
        actor,
    )?;
    // One provision on record (invented): a health office asked about an entrant who
    // reported fever, a provision to another public body under art. 69(2)(iii).
    register.create_provision_record(
        ProvisionRecordInput {
            reference: String::new(),
            direction: ProvisionDirection::Provided,
            basis: ProvisionBasis::PublicBody,
            exception: None,
            public_ground: Some(PublicGround::OtherPublicBody),
            recording_method: RecordingMethod::Individual,
            provided_on: date(2026, 5, 12).unwrap_or_default(),
            last_provided_on: None,
            recorded_on: date(2026, 5, 12).unwrap_or_default(),
            recipient_id: None,
            counterparty_name: "東京都○○保健所（架空）".to_owned(),
            counterparty_address: "東京都".to_owned(),
            counterparty_representative: String::new(),
            acquisition_circumstances: String::new(),
            opt_out_published: false,
            persons: Vec::new(),
            persons_description: "待機期間中に発熱を報告した入国者1名".to_owned(),
            items: texts(&["基本情報", "健康情報"]),
            consent_obtained: false,
            consent_note: String::new(),
            holding_ids: vec![held.id],
            notes: "感染症法第15条に基づく積極的疫学調査".to_owned(),
            information: ProvisionInformation::PersonalData,
            consent_confirmation_method: String::new(),
            foreign_information_confirmed: false,
        },
        actor,
    )?;
    register.create_measure(
        MeasureInput {
            heading: MeasureHeading::BasicPolicy,
            title: "「厚生労働省情報セキュリティポリシー」に基づく安全管理措置".to_owned(),
            description: "漏えい、滅失又は毀損の防止その他の必要な措置を講じ、収集した入国者情報を適切に管理する"
                .to_owned(),
            publishable: true,
            holding_ids: vec![held.id],
        },
        actor,
    )?;
    Ok(1)
}
