//! Japanese and English wording of printed documents: the names of the register's coded
//! values and the date format. The UI keeps its own catalogue; printed documents are made by
//! the core (the CLI prints too), so their words live here.

use crate::model::era::{format_date, DateStyle};
use crate::model::holding::{
    AcquisitionMethod, Consent, DisposalMethod, Medium, NumberAffairKind, NumberMaskingMethod,
    PurposeNotice, RetentionRule, RetentionTrigger,
};
use crate::model::request::{
    AgentKind, DecisionOutcome, ReceiptChannel, RefusalGround, RequestStatus, RequestType,
    ResponseMethod,
};
use crate::Language;
use chrono::NaiveDate;

/// Picks the Japanese or the English wording.
pub(crate) fn tr(lang: Language, ja: &str, en: &str) -> String {
    match lang {
        Language::Ja => ja.to_owned(),
        Language::En => en.to_owned(),
    }
}

fn pick(lang: Language, pair: (&'static str, &'static str)) -> &'static str {
    match lang {
        Language::Ja => pair.0,
        Language::En => pair.1,
    }
}

/// How a document writes its dates: 令和8年4月1日 when the organisation keeps era dates (public
/// bodies by default, [`crate::Register::era_dates`]), else 2026年4月1日; 1 April 2026 in
/// English. The same writer as the screens' (`model::era`), so screen and paper agree.
pub(crate) fn date_style(lang: Language, era_dates: bool) -> DateStyle {
    match (lang, era_dates) {
        (Language::Ja, true) => DateStyle::Era,
        (Language::Ja, false) => DateStyle::Kanji,
        (Language::En, _) => DateStyle::English,
    }
}

pub(crate) fn date(style: DateStyle, day: NaiveDate) -> String {
    format_date(day, style)
}

pub(crate) fn opt_date(style: DateStyle, day: Option<NaiveDate>) -> String {
    day.map(|d| date(style, d)).unwrap_or_default()
}

pub(crate) fn yes_no(lang: Language, value: bool) -> String {
    match (lang, value) {
        (Language::Ja, true) => "有".to_owned(),
        (Language::Ja, false) => "無".to_owned(),
        (Language::En, true) => "Yes".to_owned(),
        (Language::En, false) => "No".to_owned(),
    }
}

/// A count as people write it: 12,000 / 12,000.
pub(crate) fn count(value: i64) -> String {
    let digits = value.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if value < 0 {
        out.insert(0, '-');
    }
    out
}

pub(crate) fn yen(lang: Language, value: i64) -> String {
    match lang {
        Language::Ja => format!("{}円", count(value)),
        Language::En => format!("¥{}", count(value)),
    }
}

pub(crate) fn acquisition(lang: Language, value: AcquisitionMethod) -> &'static str {
    pick(
        lang,
        match value {
            AcquisitionMethod::DirectWritten => (
                "本人から書面で直接取得",
                "Directly from the person, in writing",
            ),
            AcquisitionMethod::DirectOther => (
                "本人から書面以外で直接取得",
                "Directly from the person, not in writing",
            ),
            AcquisitionMethod::ThirdParty => ("第三者から取得", "From a third party"),
            AcquisitionMethod::PublicSource => (
                "公開されている情報から取得",
                "From publicly available sources",
            ),
            AcquisitionMethod::Mixed => ("複数の方法で取得", "Several methods"),
        },
    )
}

pub(crate) fn purpose_notice(lang: Language, value: PurposeNotice) -> &'static str {
    pick(
        lang,
        match value {
            PurposeNotice::Published => ("公表", "Published"),
            PurposeNotice::Notified => ("本人への通知", "Notified to the person"),
            PurposeNotice::ExplicitlyShown => ("本人への明示", "Shown explicitly to the person"),
            PurposeNotice::NotRequired => ("不要（適用除外）", "Not required (exempt)"),
        },
    )
}

pub(crate) fn number_affair(lang: Language, value: NumberAffairKind) -> &'static str {
    pick(
        lang,
        match value {
            NumberAffairKind::Related => ("個人番号関係事務", "Individual Number-related affair"),
            NumberAffairKind::Use => ("個人番号利用事務", "Individual Number use affair"),
        },
    )
}

pub(crate) fn number_masking(lang: Language, value: NumberMaskingMethod) -> &'static str {
    pick(
        lang,
        match value {
            NumberMaskingMethod::MaskedInCopies => ("写しではマスキング", "Masked in copies"),
            NumberMaskingMethod::DeletedAfterAffair => {
                ("事務終了後に削除", "Deleted after the affairs end")
            }
            NumberMaskingMethod::NotApplicable => ("該当なし", "Not applicable"),
        },
    )
}

pub(crate) fn consent(lang: Language, value: Consent) -> &'static str {
    pick(
        lang,
        match value {
            Consent::Obtained => ("取得済み", "Obtained"),
            Consent::NotRequired => ("不要", "Not required"),
            Consent::NotObtained => ("未取得", "Not obtained"),
        },
    )
}

pub(crate) fn medium(lang: Language, value: Medium) -> &'static str {
    pick(
        lang,
        match value {
            Medium::Electronic => ("電子", "Electronic"),
            Medium::Paper => ("紙", "Paper"),
            Medium::Both => ("紙・電子", "Paper and electronic"),
        },
    )
}

/// The file register's own terms for the medium (施行令第20条第6項).
pub(crate) fn file_kind(lang: Language, value: Medium) -> &'static str {
    pick(
        lang,
        match value {
            Medium::Electronic => ("電算処理ファイル", "Electronically processed file"),
            Medium::Paper => ("マニュアル処理ファイル", "Manually processed file"),
            Medium::Both => (
                "電算処理ファイル・マニュアル処理ファイル",
                "Electronically and manually processed file",
            ),
        },
    )
}

fn retention_trigger(lang: Language, value: RetentionTrigger) -> &'static str {
    pick(
        lang,
        match value {
            RetentionTrigger::Acquisition => ("取得", "acquisition"),
            RetentionTrigger::ContractEnd => ("契約終了", "the end of the contract"),
            RetentionTrigger::LastUse => ("最終利用", "last use"),
            RetentionTrigger::FiscalYearEnd => ("年度末", "the end of the fiscal year"),
            RetentionTrigger::LeavingService => {
                ("退職・資格喪失", "leaving service or losing eligibility")
            }
            RetentionTrigger::PurposeAchieved => ("利用目的の達成", "the purpose is achieved"),
            RetentionTrigger::Other => ("その他", "another event"),
        },
    )
}

/// 「契約終了から5年（健康保険法施行規則第34条）」 / "5 years from the end of the contract (…)".
pub(crate) fn retention(lang: Language, rule: &RetentionRule) -> String {
    let event = if rule.trigger == RetentionTrigger::Other && !rule.trigger_note.is_empty() {
        rule.trigger_note.clone()
    } else {
        retention_trigger(lang, rule.trigger).to_owned()
    };
    let duration = match lang {
        Language::Ja => match (rule.years, rule.months) {
            (0, 0) => String::new(),
            (y, 0) => format!("{y}年"),
            (0, m) => format!("{m}か月"),
            (y, m) => format!("{y}年{m}か月"),
        },
        Language::En => {
            let unit =
                |n: u32, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
            match (rule.years, rule.months) {
                (0, 0) => String::new(),
                (y, 0) => unit(y, "year", "years"),
                (0, m) => unit(m, "month", "months"),
                (y, m) => format!(
                    "{} {}",
                    unit(y, "year", "years"),
                    unit(m, "month", "months")
                ),
            }
        }
    };
    let mut text = match (lang, duration.is_empty()) {
        (Language::Ja, true) => format!("{event}まで"),
        (Language::Ja, false) => format!("{event}から{duration}"),
        (Language::En, true) => format!("until {event}"),
        (Language::En, false) => format!("{duration} from {event}"),
    };
    if rule.trigger != RetentionTrigger::Other && !rule.trigger_note.is_empty() {
        text.push_str(&bracket(lang, &rule.trigger_note));
    }
    if !rule.legal_basis.is_empty() {
        text.push_str(&bracket(lang, &rule.legal_basis));
    }
    text
}

pub(crate) fn bracket(lang: Language, text: &str) -> String {
    match lang {
        Language::Ja => format!("（{text}）"),
        Language::En => format!(" ({text})"),
    }
}

pub(crate) fn disposal(lang: Language, value: DisposalMethod) -> &'static str {
    pick(
        lang,
        match value {
            DisposalMethod::Shredding => ("シュレッダーによる裁断", "Shredding"),
            DisposalMethod::Dissolving => ("溶解処理", "Dissolving (pulping)"),
            DisposalMethod::ErasureSoftware => {
                ("消去ソフトウェアによるデータ消去", "Erasure software")
            }
            DisposalMethod::PhysicalDestruction => {
                ("媒体の物理的破壊", "Physical destruction of media")
            }
            DisposalMethod::Outsourced => {
                ("専門業者への委託", "Outsourced to a disposal contractor")
            }
            DisposalMethod::Other => ("その他", "Other"),
        },
    )
}

pub(crate) fn request_type(lang: Language, value: RequestType) -> &'static str {
    pick(
        lang,
        match value {
            RequestType::PurposeNotification => {
                ("利用目的の通知", "Notification of purpose of use")
            }
            RequestType::Disclosure => ("開示", "Disclosure"),
            RequestType::ProvisionRecordDisclosure => {
                ("第三者提供記録の開示", "Disclosure of provision records")
            }
            RequestType::Correction => ("訂正・追加・削除", "Correction, addition or deletion"),
            RequestType::SuspensionOrErasure => ("利用停止・消去", "Suspension of use or erasure"),
            RequestType::StopThirdPartyProvision => {
                ("第三者提供の停止", "Stop of provision to third parties")
            }
            RequestType::GdprAccess => ("アクセス（GDPR 第15条）", "Access (GDPR Art. 15)"),
            RequestType::GdprRectification => {
                ("訂正（GDPR 第16条）", "Rectification (GDPR Art. 16)")
            }
            RequestType::GdprErasure => ("消去（GDPR 第17条）", "Erasure (GDPR Art. 17)"),
            RequestType::GdprRestriction => (
                "処理の制限（GDPR 第18条）",
                "Restriction of processing (GDPR Art. 18)",
            ),
            RequestType::GdprPortability => (
                "データポータビリティ（GDPR 第20条）",
                "Data portability (GDPR Art. 20)",
            ),
            RequestType::GdprObjection => ("異議（GDPR 第21条）", "Objection (GDPR Art. 21)"),
        },
    )
}

pub(crate) fn request_status(lang: Language, value: RequestStatus) -> &'static str {
    pick(
        lang,
        match value {
            RequestStatus::Received => ("受付", "Received"),
            RequestStatus::IdentityCheck => ("本人確認中", "Identity check"),
            RequestStatus::UnderReview => ("検討中", "Under review"),
            RequestStatus::Decided => ("決定済み", "Decided"),
            RequestStatus::Notified => ("通知済み", "Answered"),
            RequestStatus::Closed => ("完了", "Closed"),
            RequestStatus::Withdrawn => ("取下げ", "Withdrawn"),
        },
    )
}

pub(crate) fn outcome(lang: Language, value: DecisionOutcome) -> &'static str {
    pick(
        lang,
        match value {
            DecisionOutcome::Full => ("全部開示（請求どおり）", "Granted in full"),
            DecisionOutcome::Partial => ("一部開示（一部認容）", "Granted in part"),
            DecisionOutcome::Refusal => ("不開示（不承認）", "Refused"),
            DecisionOutcome::NotHeld => ("不存在", "Not held"),
            DecisionOutcome::NeitherConfirmNorDeny => ("存否応答拒否", "Neither confirm nor deny"),
        },
    )
}

pub(crate) fn ground(lang: Language, value: RefusalGround) -> &'static str {
    pick(lang, match value {
        RefusalGround::HarmToPersonOrThirdParty => (
            "本人又は第三者の生命、身体、財産その他の権利利益を害するおそれ（法第33条第2項第1号）",
            "Harm to the life, body, property or other rights of the person or a third party (art. 33(2)(i))",
        ),
        RefusalGround::SeriousBusinessImpediment => (
            "業務の適正な実施に著しい支障を及ぼすおそれ（法第33条第2項第2号）",
            "Serious impediment to the proper conduct of business (art. 33(2)(ii))",
        ),
        RefusalGround::ViolationOfOtherLaws => (
            "他の法令に違反することとなる場合（法第33条第2項第3号）",
            "Violation of other laws (art. 33(2)(iii))",
        ),
        RefusalGround::RequesterLifeOrHealth => (
            "開示請求者の生命、健康、生活又は財産を害するおそれがある情報（法第78条第1項第1号）",
            "Harm to the requester's life, health, livelihood or property (art. 78(1)(i))",
        ),
        RefusalGround::OtherIndividuals => (
            "開示請求者以外の個人に関する情報（法第78条第1項第2号）",
            "Information about other individuals (art. 78(1)(ii))",
        ),
        RefusalGround::CorporateInformation => (
            "法人等に関する情報（法第78条第1項第3号）",
            "Information about corporations and other bodies (art. 78(1)(iii))",
        ),
        RefusalGround::NationalSecurity => (
            "国の安全等に関する情報（法第78条第1項第4号）",
            "National security and international relations (art. 78(1)(iv))",
        ),
        RefusalGround::PublicSafety => (
            "公共の安全等に関する情報（法第78条第1項第5号）",
            "Public safety and order (art. 78(1)(v))",
        ),
        RefusalGround::Deliberation => (
            "審議、検討等に関する情報（法第78条第1項第6号）",
            "Internal deliberation and examination (art. 78(1)(vi))",
        ),
        RefusalGround::AdministrativeAffairs => (
            "事務又は事業に関する情報（法第78条第1項第7号）",
            "Proper conduct of public affairs or business (art. 78(1)(vii))",
        ),
        RefusalGround::ManifestlyUnfounded => (
            "明らかに根拠のない請求（GDPR 第12条第5項）",
            "Manifestly unfounded (GDPR Art. 12(5))",
        ),
        RefusalGround::ManifestlyExcessive => (
            "明らかに過剰な請求（GDPR 第12条第5項）",
            "Manifestly excessive (GDPR Art. 12(5))",
        ),
    })
}

pub(crate) fn channel(lang: Language, value: ReceiptChannel) -> &'static str {
    pick(
        lang,
        match value {
            ReceiptChannel::Counter => ("窓口", "At the counter"),
            ReceiptChannel::Post => ("郵送", "By post"),
            ReceiptChannel::Email => ("電子メール", "By e-mail"),
            ReceiptChannel::Web => ("ウェブフォーム", "Web form"),
            ReceiptChannel::Phone => ("電話", "By telephone"),
        },
    )
}

pub(crate) fn agent(lang: Language, value: AgentKind) -> &'static str {
    pick(
        lang,
        match value {
            AgentKind::NoAgent => ("本人", "The individual"),
            AgentKind::LegalRepresentative => ("法定代理人", "Legal representative"),
            AgentKind::Attorney => ("任意代理人", "Authorised agent"),
            AgentKind::Other => ("その他の代理人", "Other agent"),
        },
    )
}

pub(crate) fn response_method(lang: Language, value: ResponseMethod) -> &'static str {
    pick(
        lang,
        match value {
            ResponseMethod::Writing => ("書面の交付", "In writing"),
            ResponseMethod::Electronic => ("電磁的記録の提供", "Electronic record"),
            ResponseMethod::Inspection => ("閲覧", "Inspection"),
            ResponseMethod::CopyDelivery => ("写しの交付・送付", "Copy delivered"),
            ResponseMethod::Oral => ("口頭", "Orally"),
        },
    )
}

/// Joins a list the way each language lists things inside one cell.
pub(crate) fn list(lang: Language, items: impl IntoIterator<Item = impl AsRef<str>>) -> String {
    let separator = match lang {
        Language::Ja => "、",
        Language::En => "; ",
    };
    items
        .into_iter()
        .map(|s| s.as_ref().to_owned())
        .collect::<Vec<_>>()
        .join(separator)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_group_thousands() {
        assert_eq!(count(0), "0");
        assert_eq!(count(999), "999");
        assert_eq!(count(1000), "1,000");
        assert_eq!(count(1234567), "1,234,567");
        assert_eq!(count(-4500), "-4,500");
    }

    /// The organisation's era setting decides Japanese dates (Reiwa 8 = 2019 + 8 − 1 = 2026);
    /// English documents always write the day, the month's name and the year.
    #[test]
    fn dates_follow_each_language_and_the_era_setting() {
        let day = NaiveDate::from_ymd_opt(2026, 4, 1).unwrap();
        let cases = [
            (Language::Ja, false, "2026年4月1日"),
            (Language::Ja, true, "令和8年4月1日"),
            (Language::En, false, "1 April 2026"),
            (Language::En, true, "1 April 2026"),
        ];
        for (lang, era, expected) in cases {
            assert_eq!(date(date_style(lang, era), day), expected, "{lang:?} {era}");
        }
    }

    #[test]
    fn retention_rules_read_naturally() {
        let rule = RetentionRule {
            years: 5,
            months: 0,
            trigger: RetentionTrigger::ContractEnd,
            trigger_note: String::new(),
            legal_basis: "文書管理規程".to_owned(),
        };
        assert_eq!(
            retention(Language::Ja, &rule),
            "契約終了から5年（文書管理規程）"
        );
        assert_eq!(
            retention(Language::En, &rule),
            "5 years from the end of the contract (文書管理規程)"
        );
        let until = RetentionRule {
            years: 0,
            months: 0,
            trigger: RetentionTrigger::PurposeAchieved,
            trigger_note: String::new(),
            legal_basis: String::new(),
        };
        assert_eq!(retention(Language::Ja, &until), "利用目的の達成まで");
        assert_eq!(
            retention(Language::En, &until),
            "until the purpose is achieved"
        );
    }
}
