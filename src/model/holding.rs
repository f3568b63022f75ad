//! A data holding: one row of the personal information management ledger (個人情報管理台帳,
//! JIS Q 15001 A.3.3.1) and, for public bodies, one entry of the personal information file
//! register (個人情報ファイル簿, APPI arts. 74–75).

use super::coded_enum;
use crate::error::FieldErrorCode;
use crate::validation::{tidy, tidy_list, FieldChecks, LONG_TEXT, MAX_LIST, SHORT_TEXT};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use ts_rs::TS;

coded_enum!(
    /// 取得方法: how the information reaches the organisation.
    AcquisitionMethod {
        /// Directly from the person, in writing (書面による直接取得; triggers art. 21(2) notice).
        DirectWritten => "directWritten",
        /// Directly from the person, not in writing.
        DirectOther => "directOther",
        /// From a third party (receipt records may apply, art. 30).
        ThirdParty => "thirdParty",
        /// From published sources.
        PublicSource => "publicSource",
        Mixed => "mixed",
    }
);

coded_enum!(
    /// 明示・通知・公表: how the purposes of use were made known.
    PurposeNotice {
        Published => "published",
        Notified => "notified",
        ExplicitlyShown => "explicitlyShown",
        NotRequired => "notRequired",
    }
);

coded_enum!(
    /// 本人同意の有無
    Consent {
        Obtained => "obtained",
        NotRequired => "notRequired",
        NotObtained => "notObtained",
    }
);

coded_enum!(
    /// 媒体. For the file register, electronic means 電算処理ファイル and paper マニュアル処理ファイル.
    Medium {
        Electronic => "electronic",
        Paper => "paper",
        Both => "both",
    }
);

coded_enum!(
    /// The event from which a retention period runs.
    RetentionTrigger {
        Acquisition => "acquisition",
        ContractEnd => "contractEnd",
        LastUse => "lastUse",
        FiscalYearEnd => "fiscalYearEnd",
        LeavingService => "leavingService",
        PurposeAchieved => "purposeAchieved",
        Other => "other",
    }
);

coded_enum!(
    /// 廃棄方法
    DisposalMethod {
        Shredding => "shredding",
        Dissolving => "dissolving",
        ErasureSoftware => "erasureSoftware",
        PhysicalDestruction => "physicalDestruction",
        Outsourced => "outsourced",
        Other => "other",
    }
);

coded_enum!(
    /// File register items a public body may withhold from publication (art. 75(3)).
    WithheldItem {
        CollectionMethod => "collectionMethod",
        RegularRecipients => "regularRecipients",
    }
);

coded_enum!(
    /// Which of the two kinds of Individual Number affairs (番号法 art. 2(10)–(11), art. 9) a
    /// holding with Individual Numbers serves; the Act allows the numbers to be used for
    /// nothing else.
    NumberAffairKind {
        /// 個人番号関係事務 (art. 9(4)): putting numbers on documents for the bodies that use
        /// them, e.g. an employer's or an insurer's reports to the tax office or a pension office.
        Related => "related",
        /// 個人番号利用事務 (art. 9(1)–(2)): the affairs the Act's Appended Table 1 or a local
        /// ordinance lists, e.g. a health insurance society's eligibility and benefits.
        Use => "use",
    }
);

coded_enum!(
    /// How the number is kept from where it is not needed (番号法 art. 20 allows keeping it only
    /// for the affairs; the PPC guideline allows masking it and keeping the rest).
    NumberMaskingMethod {
        /// The number is masked in copies and outputs not used for the affairs.
        MaskedInCopies => "maskedInCopies",
        /// The number is deleted once the affairs and their retention period end.
        DeletedAfterAffair => "deletedAfterAffair",
        /// Neither applies; the note says why.
        NotApplicable => "notApplicable",
    }
);

/// One Individual Number affair a holding serves.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct NumberAffair {
    pub kind: NumberAffairKind,
    /// e.g. 「健康保険法による保険給付の支給（別表第一）」.
    pub description: String,
}

/// The masking or deletion of the number recorded on a holding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct NumberMasking {
    pub method: NumberMaskingMethod,
    pub note: String,
}

/// One recorded item (個人情報の項目), e.g. 氏名, 住所, 健診結果.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct DataItem {
    /// Absent for an item being added; kept on edits so that links to the item survive.
    #[ts(type = "number | null")]
    #[serde(default)]
    pub id: Option<i64>,
    pub name: String,
    /// 要配慮個人情報 (art. 2(3)).
    pub sensitive: bool,
    /// 個人番号 / 特定個人情報 (Number Act).
    pub my_number: bool,
    /// The purposes this item serves, when they differ from item to item (a table of type,
    /// purpose and source such as a ministry's policy prints); empty when the holding's
    /// purposes cover it. Absent from older documents.
    #[serde(default)]
    pub purposes: Vec<String>,
    /// Where this item comes from, when it differs from item to item. Absent from older
    /// documents.
    #[serde(default)]
    pub sources: Vec<String>,
}

/// 保管期限 as a rule rather than free text: how long, from which event, on what basis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct RetentionRule {
    pub years: u32,
    pub months: u32,
    pub trigger: RetentionTrigger,
    /// Names the event when `trigger` is `other`; optional detail otherwise.
    pub trigger_note: String,
    /// The law, regulation or internal rule that sets the period, e.g. 健康保険法施行規則第34条.
    pub legal_basis: String,
}

/// The items only the personal information file register needs.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct FileRegisterItems {
    /// 経常的提供先
    pub regular_recipients: Vec<String>,
    /// Why the file is left out of the published register (art. 74(2)/75(2)); empty if it is not.
    pub exemption: String,
    /// Items withheld from publication under art. 75(3).
    pub withheld_items: Vec<WithheldItem>,
    /// A correction or suspension procedure under another law (ファイル簿 item x).
    pub special_procedure: String,
}

/// What the persons are told about giving the data, beyond the purposes: whether children
/// give it through a legal representative, whether giving it is voluntary and what follows
/// if they do not, automated decisions, and statistics made from it. Empty when not stated.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
#[ts(export)]
pub struct ConsentDetails {
    /// Persons of this age or younger give the data with their legal representative's
    /// consent (seed 000: children aged 12 and younger). Minors are those under 18 (Civil
    /// Code art. 4), so the limit is 0 to 17.
    pub minors_up_to_age: Option<u32>,
    /// How the legal representative consents, e.g. 「保護者が署名した誓約書」.
    pub representative_consent: String,
    /// Giving the data is voluntary (`Some(true)`), required (`Some(false)`), or not stated.
    pub voluntary: Option<bool>,
    /// What follows if the person does not give it, e.g. 「サービスを利用できません」.
    pub if_not_given: String,
    /// Automated decision-making, including profiling, is used (`Some(true)`), is not
    /// (`Some(false)`, as seed 000 states), or not stated.
    pub automated_decisions: Option<bool>,
    pub automated_decisions_note: String,
    /// Statistics made from the holding, e.g. 「国籍別の利用者数」.
    pub statistics: String,
    /// The statistics are published.
    pub statistics_published: bool,
}

impl ConsentDetails {
    pub fn is_empty(&self) -> bool {
        *self == ConsentDetails::default()
    }

    fn collect_errors(&self, checks: &mut FieldChecks) {
        let field = |name: &str| format!("consentDetails.{name}");
        if let Some(age) = self.minors_up_to_age {
            checks.range(&field("minorsUpToAge"), i64::from(age), 0, 17);
            if self.representative_consent.is_empty() {
                checks.fail(
                    field("representativeConsent"),
                    FieldErrorCode::NeedsNote,
                    None,
                );
            }
        }
        checks.max_len(
            &field("representativeConsent"),
            &self.representative_consent,
            LONG_TEXT,
        );
        checks.max_len(&field("ifNotGiven"), &self.if_not_given, LONG_TEXT);
        checks.max_len(
            &field("automatedDecisionsNote"),
            &self.automated_decisions_note,
            LONG_TEXT,
        );
        checks.max_len(&field("statistics"), &self.statistics, LONG_TEXT);
        if self.statistics_published && self.statistics.is_empty() {
            checks.fail(field("statistics"), FieldErrorCode::Required, None);
        }
    }
}

/// What a user enters for a holding. The ledger number may be left empty on creation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct HoldingInput {
    /// 管理番号; assigned as `H-0001`, `H-0002`, … when left empty.
    pub ledger_no: String,
    pub name: String,
    pub department: String,
    pub business_process: String,
    /// The person responsible for the holding (管理責任者).
    pub manager: String,
    /// For a public body: the laws and regulations that set the duties the holding serves
    /// (法令の定める所掌事務又は業務, APPI art. 61(1)), e.g. 「検疫法第16条の2」. Absent from
    /// older documents.
    #[serde(default)]
    pub duty_basis: String,
    pub data_items: Vec<DataItem>,
    /// 記録範囲: whose information this is.
    pub persons_recorded: String,
    #[ts(type = "number | null")]
    pub approx_count: Option<i64>,
    pub acquisition_method: AcquisitionMethod,
    pub acquisition_sources: Vec<String>,
    pub purposes: Vec<String>,
    pub purpose_notice: Vec<PurposeNotice>,
    pub consent: Consent,
    pub consent_note: String,
    /// Minors, voluntariness, automated decisions and statistics. Absent from older
    /// documents.
    #[serde(default)]
    pub consent_details: ConsentDetails,
    pub medium: Medium,
    pub storage_place: String,
    pub storage_method: String,
    pub access_holders: Vec<String>,
    /// 利用期限, e.g. 「契約終了まで」.
    pub use_deadline: String,
    pub retention: Option<RetentionRule>,
    pub disposal_method: Option<DisposalMethod>,
    pub disposal_note: String,
    /// 保有個人データ: open to disclosure and other requests.
    pub retained_personal_data: bool,
    pub last_review: Option<NaiveDate>,
    pub next_review: Option<NaiveDate>,
    pub file_register: FileRegisterItems,
    /// The Individual Number affairs served; required once a data item is an Individual
    /// Number. Absent in documents from before they were recorded.
    #[serde(default)]
    pub number_affairs: Vec<NumberAffair>,
    /// How the number is masked or deleted where not needed; absent in older documents.
    #[serde(default)]
    pub number_masking: Option<NumberMasking>,
    pub notes: String,
}

/// A stored holding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct Holding {
    #[ts(type = "number")]
    pub id: i64,
    #[serde(flatten)]
    pub fields: HoldingInput,
    /// Incremented on every change; an edit must name the version it started from.
    #[ts(type = "number")]
    pub version: i64,
    pub created_at: String,
    pub updated_at: String,
}

impl Holding {
    pub fn has_sensitive_items(&self) -> bool {
        self.fields.data_items.iter().any(|i| i.sensitive)
    }

    /// Holds specific personal information (特定個人情報, 番号法 art. 2(8)): information that
    /// contains an Individual Number.
    pub fn has_my_number(&self) -> bool {
        self.fields.has_my_number()
    }
}

impl HoldingInput {
    pub fn has_my_number(&self) -> bool {
        self.data_items.iter().any(|i| i.my_number)
    }

    /// What the register asks of a holding that is written (not of one imported as it was):
    /// a holding with an Individual Number records the affairs it serves, since the numbers may
    /// be used only for them (番号法 art. 9) and kept only while they need them (art. 20).
    pub(crate) fn number_act_errors(&self, checks: &mut FieldChecks) {
        if self.has_my_number() && self.number_affairs.is_empty() {
            checks.fail_with(
                "numberAffairs",
                FieldErrorCode::Required,
                "a holding with an Individual Number item names the Individual Number affairs it \
                 serves (Number Act art. 9)",
            );
        }
    }
}

impl HoldingInput {
    pub(crate) fn tidy(&mut self) {
        for value in [
            &mut self.ledger_no,
            &mut self.name,
            &mut self.department,
            &mut self.business_process,
            &mut self.manager,
            &mut self.duty_basis,
            &mut self.persons_recorded,
            &mut self.consent_note,
            &mut self.consent_details.representative_consent,
            &mut self.consent_details.if_not_given,
            &mut self.consent_details.automated_decisions_note,
            &mut self.consent_details.statistics,
            &mut self.storage_place,
            &mut self.storage_method,
            &mut self.use_deadline,
            &mut self.disposal_note,
            &mut self.notes,
            &mut self.file_register.exemption,
            &mut self.file_register.special_procedure,
        ] {
            tidy(value);
        }
        for affair in &mut self.number_affairs {
            tidy(&mut affair.description);
        }
        if let Some(masking) = &mut self.number_masking {
            tidy(&mut masking.note);
        }
        for item in &mut self.data_items {
            tidy(&mut item.name);
            tidy_list(&mut item.purposes);
            tidy_list(&mut item.sources);
        }
        tidy_list(&mut self.acquisition_sources);
        tidy_list(&mut self.purposes);
        tidy_list(&mut self.access_holders);
        tidy_list(&mut self.file_register.regular_recipients);
        if let Some(rule) = &mut self.retention {
            tidy(&mut rule.trigger_note);
            tidy(&mut rule.legal_basis);
        }
    }

    /// Every rule a holding must satisfy on its own; uniqueness of the ledger number is
    /// checked against the register by the caller.
    pub(crate) fn collect_errors(&self, checks: &mut FieldChecks) {
        checks.max_len("ledgerNo", &self.ledger_no, 40);
        checks.required("name", &self.name, SHORT_TEXT);
        checks.required("department", &self.department, SHORT_TEXT);
        checks.max_len("businessProcess", &self.business_process, SHORT_TEXT);
        checks.max_len("manager", &self.manager, SHORT_TEXT);
        checks.max_len("dutyBasis", &self.duty_basis, LONG_TEXT);

        if self.data_items.is_empty() {
            checks.fail("dataItems", FieldErrorCode::Required, None);
        }
        if self.data_items.len() > MAX_LIST {
            checks.fail("dataItems", FieldErrorCode::TooMany, Some(MAX_LIST as i64));
        }
        let mut names = HashSet::new();
        for (i, item) in self.data_items.iter().enumerate() {
            let field = format!("dataItems[{i}].name");
            if item.name.trim().is_empty() {
                checks.fail(field, FieldErrorCode::Required, None);
            } else if !names.insert(item.name.as_str()) {
                checks.fail(field, FieldErrorCode::Duplicate, None);
            } else {
                checks.max_len(&field, &item.name, SHORT_TEXT);
            }
            checks.text_list(
                &format!("dataItems[{i}].purposes"),
                &item.purposes,
                false,
                LONG_TEXT,
            );
            checks.text_list(
                &format!("dataItems[{i}].sources"),
                &item.sources,
                false,
                LONG_TEXT,
            );
        }

        checks.max_len("personsRecorded", &self.persons_recorded, LONG_TEXT);
        if let Some(count) = self.approx_count {
            checks.range("approxCount", count, 0, 10_000_000_000);
        }
        checks.text_list(
            "acquisitionSources",
            &self.acquisition_sources,
            false,
            SHORT_TEXT,
        );
        checks.text_list("purposes", &self.purposes, true, LONG_TEXT);
        let mut notices = HashSet::new();
        for (i, notice) in self.purpose_notice.iter().enumerate() {
            if !notices.insert(notice) {
                checks.fail(
                    format!("purposeNotice[{i}]"),
                    FieldErrorCode::Duplicate,
                    None,
                );
            }
        }
        checks.max_len("consentNote", &self.consent_note, LONG_TEXT);
        self.consent_details.collect_errors(checks);
        checks.max_len("storagePlace", &self.storage_place, LONG_TEXT);
        checks.max_len("storageMethod", &self.storage_method, LONG_TEXT);
        checks.text_list("accessHolders", &self.access_holders, false, SHORT_TEXT);
        checks.max_len("useDeadline", &self.use_deadline, SHORT_TEXT);

        if let Some(rule) = &self.retention {
            checks.range("retention.years", i64::from(rule.years), 0, 100);
            checks.range("retention.months", i64::from(rule.months), 0, 11);
            let no_duration = rule.years == 0 && rule.months == 0;
            if no_duration && rule.trigger != RetentionTrigger::PurposeAchieved {
                // Only "until the purpose is achieved" is a rule without a duration.
                checks.fail("retention.years", FieldErrorCode::Required, None);
            }
            if rule.trigger == RetentionTrigger::Other && rule.trigger_note.is_empty() {
                checks.fail("retention.triggerNote", FieldErrorCode::NeedsNote, None);
            }
            checks.max_len("retention.triggerNote", &rule.trigger_note, SHORT_TEXT);
            checks.max_len("retention.legalBasis", &rule.legal_basis, SHORT_TEXT);
        }
        if self.disposal_method == Some(DisposalMethod::Other) && self.disposal_note.is_empty() {
            checks.fail("disposalNote", FieldErrorCode::NeedsNote, None);
        }
        checks.max_len("disposalNote", &self.disposal_note, LONG_TEXT);

        if let (Some(last), Some(next)) = (self.last_review, self.next_review) {
            if next <= last {
                checks.date_order(
                    "nextReview",
                    "lastReview",
                    "the next review must come after the last one",
                );
            }
        }

        let register = &self.file_register;
        checks.text_list(
            "fileRegister.regularRecipients",
            &register.regular_recipients,
            false,
            SHORT_TEXT,
        );
        checks.max_len("fileRegister.exemption", &register.exemption, LONG_TEXT);
        checks.max_len(
            "fileRegister.specialProcedure",
            &register.special_procedure,
            LONG_TEXT,
        );
        let mut withheld = HashSet::new();
        for (i, item) in register.withheld_items.iter().enumerate() {
            if !withheld.insert(item) {
                checks.fail(
                    format!("fileRegister.withheldItems[{i}]"),
                    FieldErrorCode::Duplicate,
                    None,
                );
            }
        }
        if self.number_affairs.len() > MAX_LIST {
            checks.fail(
                "numberAffairs",
                FieldErrorCode::TooMany,
                Some(MAX_LIST as i64),
            );
        }
        for (i, affair) in self.number_affairs.iter().enumerate() {
            checks.required(
                &format!("numberAffairs[{i}].description"),
                &affair.description,
                LONG_TEXT,
            );
        }
        if let Some(masking) = &self.number_masking {
            if masking.method == NumberMaskingMethod::NotApplicable && masking.note.is_empty() {
                checks.fail("numberMasking.note", FieldErrorCode::NeedsNote, None);
            }
            checks.max_len("numberMasking.note", &masking.note, LONG_TEXT);
        }
        checks.max_len("notes", &self.notes, LONG_TEXT);
    }
}
