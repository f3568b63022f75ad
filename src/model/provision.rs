//! Third-party provision: the parties personal data goes to regularly (経常的提供先) and the
//! records of each provision and receipt (第三者提供記録・確認記録, APPI arts. 29–30, PPC Rules
//! arts. 19–25), with how long each record must be kept; and the records of providing
//! personal-related information (個人関連情報) to a recipient who will make it personal data,
//! with the confirmation that the person consented (APPI art. 31, PPC Rules arts. 26–29).

use super::coded_enum;
use crate::deadline::retention::{retention, Retention, RetentionEvent};
use crate::error::FieldErrorCode;
use crate::validation::{tidy, tidy_list, FieldChecks, LONG_TEXT, MAX_LIST, SHORT_TEXT};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use ts_rs::TS;

coded_enum!(
    /// What the provision rests on.
    ProvisionBasis {
        /// The person's prior consent (art. 27(1) main clause).
        Consent => "consent",
        /// Opt-out notified to the PPC and published (art. 27(2)).
        OptOut => "optOut",
        /// Provision to a third party in a foreign country (art. 28).
        ForeignProvision => "foreignProvision",
        /// One of the art. 27(1) exceptions; which one is recorded beside it.
        StatutoryException => "statutoryException",
        /// A public body's provision (行政機関等, APPI chapter V) on one of the grounds of
        /// art. 69; which one is recorded beside it. Arts. 27–28 do not bind public bodies.
        PublicBody => "publicBody",
        /// A public body's provision to a third party in a foreign country (art. 71): outside
        /// the purposes of use it needs the person's prior consent to the foreign provision
        /// unless it rests on laws and regulations or on art. 69(2)(iv).
        PublicBodyForeign => "publicBodyForeign",
    }
);

coded_enum!(
    /// The grounds on which a public body may provide (or use) the personal information it
    /// holds (保有個人情報), APPI art. 69.
    PublicGround {
        /// Art. 69(1): provision for the purposes of use the body specified (art. 61), which
        /// the article leaves open.
        WithinPurpose => "withinPurpose",
        /// Art. 69(1): based on laws and regulations (法令に基づく場合).
        LawsAndRegulations => "lawsAndRegulations",
        /// Art. 69(2)(i): the person consented, or the information goes to the person.
        ConsentOrPerson => "consentOrPerson",
        /// Art. 69(2)(ii): use inside the body, to the extent its duties under laws and
        /// regulations need, with reasonable grounds.
        InternalUse => "internalUse",
        /// Art. 69(2)(iii): provision to another national organ, incorporated administrative
        /// agency, local government organ or local incorporated administrative agency that
        /// needs it for its duties under laws and regulations, with reasonable grounds.
        OtherPublicBody => "otherPublicBody",
        /// Art. 69(2)(iv): provision solely for statistics or academic research.
        StatisticsOrResearch => "statisticsOrResearch",
        /// Art. 69(2)(iv): provision clearly in the person's interest, or on other special
        /// grounds.
        SpecialGrounds => "specialGrounds",
    }
);

impl PublicGround {
    /// Whether a public body may rest a provision abroad on this ground (art. 71(1)): outside
    /// the purposes of use only laws and regulations and the cases of art. 69(2)(iv) spare
    /// the person's consent to the foreign provision; consent itself is the other way; a
    /// provision within the purposes of use is not reached by art. 71(1). Internal use is no
    /// provision to a third party, and a recipient abroad is none of the Japanese public
    /// bodies of art. 69(2)(iii).
    pub fn allowed_abroad(self) -> bool {
        !matches!(
            self,
            PublicGround::InternalUse | PublicGround::OtherPublicBody
        )
    }
}

impl ProvisionBasis {
    /// Whether a provision of specific personal information (特定個人情報: information with an
    /// Individual Number) is refused on this basis. Number Act art. 19 lists the only cases in
    /// which it may be provided and art. 20 the only ones in which it may be collected or kept;
    /// neither has the APPI's consent (art. 27(1)) or opt-out (art. 27(2)), so consent alone
    /// never suffices (the one case that mentions consent also needs the protection of a
    /// person's life, body or property). An art. 27(1) exception or a foreign provision may
    /// coincide with an art. 19 case (a statutory report, an entrustment), which the register
    /// cannot tell, so those are left to the officer.
    pub fn refused_for_individual_numbers(self) -> bool {
        matches!(self, ProvisionBasis::Consent | ProvisionBasis::OptOut)
    }

    /// The art. 69 bases of a public body.
    pub fn is_public_body(self) -> bool {
        matches!(
            self,
            ProvisionBasis::PublicBody | ProvisionBasis::PublicBodyForeign
        )
    }
}

/// Whether a provision on `basis` (and, for a public body, `ground`) is refused when it
/// carries Individual Numbers: consent and opt-out (see
/// [`ProvisionBasis::refused_for_individual_numbers`]), and a public body's consent ground
/// (art. 69(2)(i)), which is no case of Number Act art. 19 either.
pub fn refused_for_individual_numbers(basis: ProvisionBasis, ground: Option<PublicGround>) -> bool {
    basis.refused_for_individual_numbers()
        || (basis.is_public_body() && ground == Some(PublicGround::ConsentOrPerson))
}

/// The Number Act refusal on `basis` for a record that carries Individual Numbers: art. 19 for
/// what the organisation provides, art. 20 for what it receives (collects and keeps).
pub(crate) fn number_act_errors(
    basis: ProvisionBasis,
    ground: Option<PublicGround>,
    direction: ProvisionDirection,
    checks: &mut FieldChecks,
) {
    if !refused_for_individual_numbers(basis, ground) {
        return;
    }
    let message = match direction {
        ProvisionDirection::Provided => {
            "a linked holding has Individual Numbers: specific personal information may be \
             provided only in the cases Number Act art. 19 lists, and consent or opt-out is not \
             one of them"
        }
        ProvisionDirection::Received => {
            "a linked holding has Individual Numbers: specific personal information may be \
             collected and kept only in the cases of Number Act art. 19 (art. 20), and consent \
             or opt-out is not one of them"
        }
    };
    checks.fail_with("basis", FieldErrorCode::NumberAct, message);
}

coded_enum!(
    /// What was provided, which decides the rules a record follows.
    ProvisionInformation {
        /// Personal data (個人データ): arts. 27–30, PPC Rules arts. 19–25.
        PersonalData => "personalData",
        /// Personal-related information (個人関連情報: cookies, browsing history, device IDs —
        /// about a living individual but not personal, pseudonymised or anonymised information)
        /// provided to a recipient expected to acquire it as personal data: art. 31, PPC Rules
        /// arts. 26–29. The provider cannot identify the persons, so none are recorded.
        PersonalRelated => "personalRelated",
    }
);

/// Older documents and records predate personal-related information: they are personal data.
impl Default for ProvisionInformation {
    fn default() -> Self {
        ProvisionInformation::PersonalData
    }
}

coded_enum!(
    /// The PPC Rules item that sets how long a record is kept, cited beside its retention so
    /// the officer can see which rule was applied.
    ProvisionRetentionRule {
        /// Rules art. 21(i): a contract standing in for a provision record, one year from the
        /// last provision.
        Rules21i => "rules21i",
        /// Rules art. 21(ii): a bulk provision record, three years from the last provision.
        Rules21ii => "rules21ii",
        /// Rules art. 21(iii): any other provision record, three years.
        Rules21iii => "rules21iii",
        /// Rules art. 25(i): a contract standing in for a receipt record, one year from the
        /// last receipt.
        Rules25i => "rules25i",
        /// Rules art. 25(ii): a bulk receipt record, three years from the last receipt.
        Rules25ii => "rules25ii",
        /// Rules art. 25(iii): any other receipt record, three years.
        Rules25iii => "rules25iii",
        /// Rules art. 29(i): a bulk record of providing personal-related information (art. 27(2)
        /// proviso), three years from the last provision it covers.
        Rules29i => "rules29i",
        /// Rules art. 29(ii): any other record of providing personal-related information,
        /// three years.
        Rules29ii => "rules29ii",
    }
);

coded_enum!(
    /// The items of art. 27(1), under which no consent is needed.
    StatutoryException {
        /// (i) 法令に基づく場合
        LawsAndRegulations => "lawsAndRegulations",
        /// (ii) 人の生命、身体又は財産の保護
        LifeBodyProperty => "lifeBodyProperty",
        /// (iii) 公衆衛生の向上又は児童の健全な育成
        PublicHealth => "publicHealth",
        /// (iv) 国の機関等への協力
        PublicBodyCooperation => "publicBodyCooperation",
        /// (v) 学術研究の成果の公表又は教授
        AcademicPublication => "academicPublication",
        /// (vi) 学術研究機関等である提供者の学術研究目的
        AcademicProvider => "academicProvider",
        /// (vii) 学術研究機関等である提供先の学術研究目的
        AcademicRecipient => "academicRecipient",
    }
);

coded_enum!(
    ProvisionDirection {
        /// We provided the data (提供記録, art. 29).
        Provided => "provided",
        /// We received it (確認記録, art. 30).
        Received => "received",
    }
);

coded_enum!(
    /// How the record was made, which decides how long it is kept (PPC Rules arts. 21, 25).
    RecordingMethod {
        /// One record for one provision, made promptly.
        Individual => "individual",
        /// One record for a continuous or repeated series (Rules 19(2) proviso).
        Bulk => "bulk",
        /// A contract or other document holding the items stands in for the record when the
        /// data goes to deliver goods or services to the person (Rules 19(3)).
        ContractSubstitute => "contractSubstitute",
    }
);

/// A regular recipient as entered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct RecipientInput {
    pub name: String,
    pub address: String,
    pub representative: String,
    pub purpose: String,
    pub basis: ProvisionBasis,
    pub exception: Option<StatutoryException>,
    /// For a public body's basis: the art. 69 ground. Absent from older documents.
    #[serde(default)]
    pub public_ground: Option<PublicGround>,
    /// The data items provided, e.g. 氏名, 健診結果.
    pub items: Vec<String>,
    /// 提供の頻度・方法, e.g. 「毎月、電子媒体で」.
    pub frequency: String,
    #[ts(type = "Array<number>")]
    pub holding_ids: Vec<i64>,
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct Recipient {
    #[ts(type = "number")]
    pub id: i64,
    #[serde(flatten)]
    pub fields: RecipientInput,
    #[ts(type = "number")]
    pub version: i64,
    pub created_at: String,
    pub updated_at: String,
}

/// A record of provision or receipt as entered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct ProvisionRecordInput {
    /// Assigned as `P-0001`, `P-0002`, … when left empty.
    pub reference: String,
    pub direction: ProvisionDirection,
    pub basis: ProvisionBasis,
    pub exception: Option<StatutoryException>,
    /// For a public body's basis: the art. 69 ground. Absent from older documents.
    #[serde(default)]
    pub public_ground: Option<PublicGround>,
    pub recording_method: RecordingMethod,
    /// The day of the provision, or the first one a bulk record or contract covers.
    pub provided_on: NaiveDate,
    /// The last provision a bulk record or contract covers; empty while the series goes on.
    pub last_provided_on: Option<NaiveDate>,
    /// The day the record was made.
    pub recorded_on: NaiveDate,
    /// The regular recipient this provision went to, if it is one.
    #[ts(type = "number | null")]
    pub recipient_id: Option<i64>,
    /// The recipient, or for a receipt the provider.
    pub counterparty_name: String,
    pub counterparty_address: String,
    /// The representative's name, when the counterparty is a corporation.
    pub counterparty_representative: String,
    /// For a receipt: how the provider acquired the data (取得の経緯, art. 30(1)(ii)).
    pub acquisition_circumstances: String,
    /// For an opt-out receipt: the PPC has published the provider's notice.
    pub opt_out_published: bool,
    /// The persons concerned, one reference each (a name, a member number), so that every
    /// record about one person can be found for an art. 33(5) request.
    pub persons: Vec<String>,
    /// Who they are when not listed one by one, e.g. 「2026年度特定健診受診者（約1,200名）」.
    pub persons_description: String,
    pub items: Vec<String>,
    /// The person consented to the provision.
    pub consent_obtained: bool,
    pub consent_note: String,
    #[ts(type = "Array<number>")]
    pub holding_ids: Vec<i64>,
    pub notes: String,
    /// Personal data, or personal-related information provided under art. 31. For the latter,
    /// `consent_obtained` records that the provider confirmed the recipient has the person's
    /// consent (art. 31(1)(i); Rules art. 28(1)(i)). Absent from older documents.
    #[serde(default)]
    pub information: ProvisionInformation,
    /// For personal-related information: how that consent was confirmed (Rules art. 26), e.g.
    /// 「提供先からの申告（同意取得画面の写しを受領）」. Absent from older documents.
    #[serde(default)]
    pub consent_confirmation_method: String,
    /// For personal-related information going abroad: confirmed that the person was given the
    /// information on the foreign country's system (art. 31(1)(ii)). Absent from older
    /// documents.
    #[serde(default)]
    pub foreign_information_confirmed: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct ProvisionRecord {
    #[ts(type = "number")]
    pub id: i64,
    #[serde(flatten)]
    pub fields: ProvisionRecordInput,
    #[ts(type = "number")]
    pub version: i64,
    pub created_at: String,
    pub updated_at: String,
}

/// A record with the retention the register computes for it on a given day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ProvisionRecordView {
    pub record: ProvisionRecord,
    /// The last day the record must be kept; `None` while a series is still going on.
    pub retain_until: Option<NaiveDate>,
    /// Kept past its retention: it may now be deleted.
    pub past_retention: bool,
    /// How `retain_until` was reached, shown beside it.
    pub retention: Option<Retention>,
    /// The PPC Rules item that sets the period, cited beside the explanation.
    pub retention_rule: ProvisionRetentionRule,
}

impl ProvisionRecordInput {
    pub fn is_personal_related(&self) -> bool {
        self.information == ProvisionInformation::PersonalRelated
    }

    /// The Rules item that sets how long this record is kept. Personal-related information has
    /// no contract-substitute record (Rules art. 27 knows only individual and bulk records), so
    /// a contract-substitute record — refused by validation — is read by art. 29(i) like a
    /// bulk record rather than given a year it has no rule for.
    pub fn retention_rule(&self) -> ProvisionRetentionRule {
        use RecordingMethod::*;
        match (self.information, self.direction, self.recording_method) {
            (ProvisionInformation::PersonalRelated, _, Individual) => {
                ProvisionRetentionRule::Rules29ii
            }
            (ProvisionInformation::PersonalRelated, _, Bulk | ContractSubstitute) => {
                ProvisionRetentionRule::Rules29i
            }
            (_, ProvisionDirection::Provided, ContractSubstitute) => {
                ProvisionRetentionRule::Rules21i
            }
            (_, ProvisionDirection::Provided, Bulk) => ProvisionRetentionRule::Rules21ii,
            (_, ProvisionDirection::Provided, Individual) => ProvisionRetentionRule::Rules21iii,
            (_, ProvisionDirection::Received, ContractSubstitute) => {
                ProvisionRetentionRule::Rules25i
            }
            (_, ProvisionDirection::Received, Bulk) => ProvisionRetentionRule::Rules25ii,
            (_, ProvisionDirection::Received, Individual) => ProvisionRetentionRule::Rules25iii,
        }
    }

    /// Years the record is kept under its rule: one for a contract standing in for a record of
    /// personal data (Rules arts. 21(i), 25(i)), three otherwise (arts. 21, 25, 29).
    pub fn retention_years(&self) -> u32 {
        match self.retention_rule() {
            ProvisionRetentionRule::Rules21i | ProvisionRetentionRule::Rules25i => 1,
            _ => 3,
        }
    }

    /// The day the retention period runs from: the day an individual record was made, or the
    /// last provision a bulk record or contract covers (`None` while the series goes on).
    pub fn retention_start(&self) -> Option<NaiveDate> {
        match self.recording_method {
            RecordingMethod::Individual => Some(self.recorded_on),
            RecordingMethod::Bulk | RecordingMethod::ContractSubstitute => self.last_provided_on,
        }
    }

    /// How long the record is kept, counted as the PPC's FAQ counts it: a record made on
    /// 1 February is kept until 1 February three years later (see [`crate::deadline::retention`]).
    /// `None` while a series goes on, or for a date at the end of the calendar.
    pub fn retention(&self) -> Option<Retention> {
        let event = match self.recording_method {
            RecordingMethod::Individual => RetentionEvent::RecordMade,
            RecordingMethod::Bulk | RecordingMethod::ContractSubstitute => {
                RetentionEvent::LastProvision
            }
        };
        retention(event, self.retention_start()?, self.retention_years(), 0).ok()
    }

    pub fn retain_until(&self) -> Option<NaiveDate> {
        self.retention().map(|r| r.until)
    }

    /// True when one of the persons matches `person`, ignoring case and spaces (a name typed
    /// with a full-width space still finds the record).
    pub fn concerns(&self, person: &str) -> bool {
        self.persons.iter().any(|p| person_matches(p, person))
    }

    pub(crate) fn tidy(&mut self) {
        for value in [
            &mut self.reference,
            &mut self.counterparty_name,
            &mut self.counterparty_address,
            &mut self.counterparty_representative,
            &mut self.acquisition_circumstances,
            &mut self.persons_description,
            &mut self.consent_note,
            &mut self.consent_confirmation_method,
            &mut self.notes,
        ] {
            tidy(value);
        }
        tidy_list(&mut self.persons);
        tidy_list(&mut self.items);
    }

    pub(crate) fn collect_errors(&self, checks: &mut FieldChecks) {
        checks.max_len("reference", &self.reference, 40);
        basis_errors(self.basis, self.exception, self.public_ground, checks);
        if self.basis == ProvisionBasis::PublicBodyForeign
            && self.public_ground == Some(PublicGround::ConsentOrPerson)
            && !self.consent_obtained
        {
            checks.fail_with(
                "consentObtained",
                FieldErrorCode::Required,
                "a provision abroad on consent records that the person consented in advance to \
                 the provision to a third party in a foreign country (art. 71(1))",
            );
        }
        checks.date("providedOn", self.provided_on);
        checks.date("recordedOn", self.recorded_on);
        if let Some(last) = self.last_provided_on {
            checks.date("lastProvidedOn", last);
            if self.recording_method == RecordingMethod::Individual {
                checks.fail_with(
                    "lastProvidedOn",
                    FieldErrorCode::Malformed,
                    "an individual record covers one provision; record a series as a bulk record",
                );
            } else if last < self.provided_on {
                checks.date_order(
                    "lastProvidedOn",
                    "providedOn",
                    format!(
                        "the last provision ({last}) cannot come before the first ({})",
                        self.provided_on
                    ),
                );
            }
        }
        if self.recording_method == RecordingMethod::Individual
            && self.recorded_on < self.provided_on
        {
            checks.date_order(
                "recordedOn",
                "providedOn",
                format!(
                    "an individual record is made after the provision on {}, not before",
                    self.provided_on
                ),
            );
        }
        checks.required("counterpartyName", &self.counterparty_name, SHORT_TEXT);
        checks.max_len(
            "counterpartyAddress",
            &self.counterparty_address,
            SHORT_TEXT,
        );
        checks.max_len(
            "counterpartyRepresentative",
            &self.counterparty_representative,
            SHORT_TEXT,
        );
        checks.max_len(
            "acquisitionCircumstances",
            &self.acquisition_circumstances,
            LONG_TEXT,
        );
        if self.direction == ProvisionDirection::Received {
            // The confirmation items of art. 30(1): who the provider is and how it got the data.
            if self.counterparty_address.is_empty() {
                checks.fail("counterpartyAddress", FieldErrorCode::Required, None);
            }
            if self.acquisition_circumstances.is_empty() {
                checks.fail("acquisitionCircumstances", FieldErrorCode::Required, None);
            }
            if self.basis == ProvisionBasis::OptOut && !self.opt_out_published {
                checks.fail_with(
                    "optOutPublished",
                    FieldErrorCode::Required,
                    "an opt-out receipt records that the PPC published the provider's notice",
                );
            }
        }
        checks.text_list("persons", &self.persons, false, SHORT_TEXT);
        checks.max_len("personsDescription", &self.persons_description, LONG_TEXT);
        checks.max_len(
            "consentConfirmationMethod",
            &self.consent_confirmation_method,
            LONG_TEXT,
        );
        if self.is_personal_related() {
            self.personal_related_errors(checks);
        } else {
            if self.basis == ProvisionBasis::Consent && !self.consent_obtained {
                checks.fail_with(
                    "consentObtained",
                    FieldErrorCode::Required,
                    "a provision on consent records that the person consented",
                );
            }
            if self.persons.is_empty() && self.persons_description.is_empty() {
                checks.fail_with(
                    "persons",
                    FieldErrorCode::Required,
                    "name the persons concerned, or describe them",
                );
            }
        }
        checks.text_list("items", &self.items, true, SHORT_TEXT);
        checks.max_len("consentNote", &self.consent_note, LONG_TEXT);
        holding_list_errors(&self.holding_ids, checks);
        checks.max_len("notes", &self.notes, LONG_TEXT);
    }
}

impl ProvisionRecordInput {
    /// The rules of art. 31 for a record of providing personal-related information. The
    /// persons are not a record item (Rules art. 28(1)): the provider cannot identify them.
    fn personal_related_errors(&self, checks: &mut FieldChecks) {
        if self.direction == ProvisionDirection::Received {
            // Art. 31 binds the provider; what the recipient does is a confirmation of personal
            // data it acquires (art. 30), recorded as personal data.
            checks.fail_with(
                "direction",
                FieldErrorCode::PersonalRelated,
                "art. 31 records the provision of personal-related information; a receipt in \
                 which the data becomes personal data is recorded as personal data (art. 30)",
            );
        }
        if self.basis == ProvisionBasis::OptOut {
            checks.fail_with(
                "basis",
                FieldErrorCode::PersonalRelated,
                "personal-related information has no opt-out route: the recipient's consent \
                 from the person is confirmed first (art. 31(1))",
            );
        }
        if self.recording_method == RecordingMethod::ContractSubstitute {
            checks.fail_with(
                "recordingMethod",
                FieldErrorCode::PersonalRelated,
                "PPC Rules art. 27 has no contract standing in for the record; record a \
                 contract as a bulk record of the period it covers",
            );
        }
        // Art. 31(1) asks for the confirmation except in the cases of art. 27(1).
        let confirms = matches!(
            self.basis,
            ProvisionBasis::Consent | ProvisionBasis::ForeignProvision
        );
        if confirms && !self.consent_obtained {
            checks.fail_with(
                "consentObtained",
                FieldErrorCode::Required,
                "record that the recipient's consent from the person was confirmed \
                 (art. 31(1)(i))",
            );
        }
        if confirms && self.consent_confirmation_method.is_empty() {
            checks.fail_with(
                "consentConfirmationMethod",
                FieldErrorCode::Required,
                "record how the consent was confirmed: the recipient's declaration or another \
                 appropriate method (PPC Rules art. 26)",
            );
        }
        if self.basis == ProvisionBasis::ForeignProvision && !self.foreign_information_confirmed {
            checks.fail_with(
                "foreignInformationConfirmed",
                FieldErrorCode::Required,
                "for a recipient abroad, record that the person was given the information on \
                 the foreign country's system (art. 31(1)(ii))",
            );
        }
    }
}

impl RecipientInput {
    pub(crate) fn tidy(&mut self) {
        for value in [
            &mut self.name,
            &mut self.address,
            &mut self.representative,
            &mut self.purpose,
            &mut self.frequency,
            &mut self.notes,
        ] {
            tidy(value);
        }
        tidy_list(&mut self.items);
    }

    pub(crate) fn collect_errors(&self, checks: &mut FieldChecks) {
        checks.required("name", &self.name, SHORT_TEXT);
        checks.max_len("address", &self.address, SHORT_TEXT);
        checks.max_len("representative", &self.representative, SHORT_TEXT);
        checks.required("purpose", &self.purpose, LONG_TEXT);
        basis_errors(self.basis, self.exception, self.public_ground, checks);
        checks.text_list("items", &self.items, true, SHORT_TEXT);
        checks.max_len("frequency", &self.frequency, SHORT_TEXT);
        holding_list_errors(&self.holding_ids, checks);
        checks.max_len("notes", &self.notes, LONG_TEXT);
    }
}

/// An exception is named exactly when the basis is an exception, an art. 69 ground exactly
/// when the basis is a public body's, and a provision abroad rests on a ground art. 71 allows.
fn basis_errors(
    basis: ProvisionBasis,
    exception: Option<StatutoryException>,
    ground: Option<PublicGround>,
    checks: &mut FieldChecks,
) {
    match (basis.is_public_body(), ground) {
        (true, None) => checks.fail_with(
            "publicGround",
            FieldErrorCode::Required,
            "name the art. 69 ground the public body's provision rests on",
        ),
        (false, Some(_)) => checks.fail_with(
            "publicGround",
            FieldErrorCode::Malformed,
            "an art. 69 ground is named only when the basis is a public body's",
        ),
        (true, Some(ground))
            if basis == ProvisionBasis::PublicBodyForeign && !ground.allowed_abroad() =>
        {
            checks.fail_with(
                "publicGround",
                FieldErrorCode::Malformed,
                "a provision to a third party abroad rests on laws and regulations, the \
                 person's consent or art. 69(2)(iv) (art. 71(1)); internal use and provision \
                 to another Japanese public body are not provisions abroad",
            );
        }
        _ => {}
    }
    match (basis, exception) {
        (ProvisionBasis::StatutoryException, None) => {
            checks.fail_with(
                "exception",
                FieldErrorCode::Required,
                "name the art. 27(1) exception the provision rests on",
            );
        }
        (ProvisionBasis::StatutoryException, Some(_)) | (_, None) => {}
        (_, Some(_)) => checks.fail_with(
            "exception",
            FieldErrorCode::Malformed,
            "an art. 27(1) exception is named only when the basis is an exception",
        ),
    }
}

/// Linked holdings: bounded and without repeats; their existence is checked by the register.
pub(crate) fn holding_list_errors(holding_ids: &[i64], checks: &mut FieldChecks) {
    if holding_ids.len() > MAX_LIST {
        checks.fail("holdingIds", FieldErrorCode::TooMany, Some(MAX_LIST as i64));
    }
    let mut seen = HashSet::new();
    for (i, id) in holding_ids.iter().enumerate() {
        if !seen.insert(id) {
            checks.fail(format!("holdingIds[{i}]"), FieldErrorCode::Duplicate, None);
        }
    }
}

/// True when `reference`, one of a record's persons, names `person` in the way
/// [`ProvisionRecordInput::concerns`] matches: ignoring case and spaces.
pub fn person_matches(reference: &str, person: &str) -> bool {
    let wanted = normalise_person(person);
    !wanted.is_empty() && normalise_person(reference).contains(&wanted)
}

fn normalise_person(value: &str) -> String {
    value
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}
