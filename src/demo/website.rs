//! Seed 002: the foreign ministry's privacy policy for its official website (1 December 2020).
//! A national organ (APPI chapter V) whose website collects access information (domain
//! names, IP addresses, access dates and pages, cookies) and e-mail addresses for its mail
//! services: two holdings, no recipient (section 4 rules out use for other purposes and
//! provision to third parties save for the art. 69 cases it names), statistics that may be
//! published, the security measure of section 5. What the policy states is entered in
//! Japanese; what it leaves open (counts, departments, telephone numbers) is invented and
//! marked as such. Its cookies as a website tool, the social-media services of section 7 and
//! the policy's date as an edition have no record yet (issue 13, items 4 and 6).

use super::{date, item, texts};
use crate::error::Result;
use crate::model::holding::{
    AcquisitionMethod, Consent, ConsentDetails, DisposalMethod, FileRegisterItems, HoldingInput,
    Medium, PurposeNotice, RetentionRule, RetentionTrigger,
};
use crate::model::measure::{MeasureHeading, MeasureInput};
use crate::model::organisation::{OrganisationInput, Regime};
use crate::register::Register;

/// Section 1: what the Site is.
const SITE: &str = "外務省ホームページ（在外公館のウェブサイトを含む。以下「当サイト」）";
/// Section 4: the only cases of use for other purposes or provision to third parties.
const LIMITATION: &str = "法令に基づく開示請求があった場合、不正アクセス、脅迫等の違法行為があった場合その他特別の理由のある場合を除き、利用目的以外の目的のための利用及び第三者への提供は行わない（本ポリシー4、個人情報保護法第69条）";
/// Section 2(1): how the Site collects access information.
const FROM_ACCESS: &str = "当サイトの利用者の閲覧から自動的に取得";

pub(super) fn organisation() -> OrganisationInput {
    OrganisationInput {
        name: "外務省".to_owned(),
        address: "東京都千代田区霞が関2-2-1".to_owned(),
        representative: "外務大臣".to_owned(),
        // Invented: the policy names no officer.
        privacy_manager: "大臣官房総務課長".to_owned(),
        // Invented: the policy gives no desk; the telephone number is invented.
        request_desk: "外務省 大臣官房総務課 情報公開・個人情報保護室（電話 03-0000-3802）"
            .to_owned(),
        complaint_desk: "外務省 大臣官房総務課 情報公開・個人情報保護室（電話 03-0000-3802）"
            .to_owned(),
        regime: Regime::NationalOrgan,
        gdpr_applies: false,
        officers: Vec::new(),
    }
}

/// Section 2(1) and 3(1): the access information the Site collects.
fn access_log() -> HoldingInput {
    HoldingInput {
        ledger_no: String::new(),
        name: "当サイトのアクセス情報".to_owned(),
        // Invented: the policy names no department.
        department: "大臣官房 広報文化外交戦略課".to_owned(),
        business_process: "外務省ホームページの運営".to_owned(),
        manager: "広報文化外交戦略課長".to_owned(),
        duty_basis: "外務省設置法第4条第1項（所掌事務）".to_owned(),
        consent_details: ConsentDetails {
            // Section 4: statistics may be made public.
            statistics: "当サイトへのアクセスに関する統計情報及び利用者の属性に関する情報"
                .to_owned(),
            statistics_published: true,
            ..ConsentDetails::default()
        },
        data_items: vec![
            item("インターネットドメイン名"),
            item("IPアドレス"),
            item("当サイトへのアクセス状況（アクセス日時、閲覧したページ）"),
            item("Cookie（サーバが利用者を識別するために利用者のブラウザに送信し、利用者のコンピュータに保存される情報）"),
        ],
        persons_recorded: format!(
            "{SITE}の利用者（氏名、生年月日その他の特定の個人を識別できる情報は収集しない）"
        ),
        // Invented: the policy gives no count.
        approx_count: Some(3_000_000),
        acquisition_method: AcquisitionMethod::DirectOther,
        acquisition_sources: texts(&[FROM_ACCESS]),
        purposes: texts(&[
            "当サイトが提供するサービス（情報提供等）の円滑な運営のための参考とするため",
            "Cookie：正確なアクセス数の把握及びブラウザの表示機能の利便性の向上のため",
        ]),
        purpose_notice: vec![PurposeNotice::Published],
        consent: Consent::NotRequired,
        consent_note: "利用者はブラウザの設定により Cookie を無効にできる".to_owned(),
        medium: Medium::Electronic,
        storage_place: "当サイトのサーバ".to_owned(),
        storage_method: "漏えい、滅失又は毀損の防止その他の必要な措置（本ポリシー5）".to_owned(),
        access_holders: texts(&["当サイトの運営担当職員"]),
        use_deadline: "当サイトの運営に必要な期間".to_owned(),
        // Invented: the policy gives no retention.
        retention: Some(RetentionRule {
            years: 1,
            months: 0,
            trigger: RetentionTrigger::Acquisition,
            trigger_note: String::new(),
            legal_basis: String::new(),
        }),
        disposal_method: Some(DisposalMethod::ErasureSoftware),
        disposal_note: String::new(),
        retained_personal_data: false,
        last_review: date(2026, 4, 1),
        next_review: date(2027, 4, 1),
        file_register: FileRegisterItems {
            regular_recipients: texts(&[LIMITATION]),
            ..FileRegisterItems::default()
        },
        number_affairs: Vec::new(),
        number_masking: None,
        notes: String::new(),
    }
}

/// Section 2(2), 3(2) and 6: the e-mail addresses of the mail services.
fn mail_service() -> HoldingInput {
    HoldingInput {
        name: "メールサービス（「新着情報」等）の登録者情報".to_owned(),
        data_items: vec![item("メールアドレス")],
        persons_recorded: "「新着情報」等のメールサービスに登録した利用者".to_owned(),
        // Invented: the policy gives no count.
        approx_count: Some(40_000),
        acquisition_method: AcquisitionMethod::DirectOther,
        acquisition_sources: texts(&["利用者本人による当サイトでの登録"]),
        purposes: texts(&["メールマガジンの配信のため"]),
        consent: Consent::Obtained,
        consent_note: "利用者自身の登録による".to_owned(),
        consent_details: ConsentDetails::default(),
        use_deadline: "登録の解除まで".to_owned(),
        retention: Some(RetentionRule {
            years: 0,
            months: 0,
            // Invented: the purpose ends with the registration.
            trigger: RetentionTrigger::PurposeAchieved,
            trigger_note: "登録の解除後遅滞なく消去".to_owned(),
            legal_basis: String::new(),
        }),
        file_register: FileRegisterItems {
            regular_recipients: texts(&[LIMITATION]),
            // Section 6.
            special_procedure: "特定の個人を識別できる情報は収集しないため、メールサービスの利用者からの個人情報の開示請求には応じない（本ポリシー6）"
                .to_owned(),
            ..FileRegisterItems::default()
        },
        ..access_log()
    }
}

pub(super) fn fill(register: &Register, actor: &str) -> Result<usize> {
    register.save_organisation(organisation(), None, actor)?;
    let access = register.create_holding(access_log(), actor)?;
    let mail = register.create_holding(mail_service(), actor)?;
    register.create_measure(
        MeasureInput {
            heading: MeasureHeading::BasicPolicy,
            title: "取得した情報の適切な取扱い".to_owned(),
            description: "取得した情報の漏えい、滅失又は毀損の防止その他の必要な措置を講じる"
                .to_owned(),
            publishable: true,
            holding_ids: vec![access.id, mail.id],
        },
        actor,
    )?;
    Ok(2)
}
