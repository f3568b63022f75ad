//! A request by an individual about their own information (開示等の請求): purpose
//! notification, disclosure, correction, suspension (APPI arts. 32–35 for private operators,
//! arts. 76–103 for public bodies) or a GDPR right (Arts. 15–21).
//!
//! The intake fields ([`RequestInput`]) are edited like any form. Everything that happens
//! afterwards (identity check, pauses, extension, decision, answer, closure) is a step the
//! core records through [`RequestStep`] and the pause and extension methods of the
//! [`Register`](crate::Register), each checked against the state machine and written to the
//! request's timeline, so the record shows what happened in the order it happened.

use super::coded_enum;
use super::organisation::Regime;
use crate::deadline::Deadline;
use crate::error::FieldErrorCode;
use crate::validation::{tidy, tidy_list, FieldChecks, LONG_TEXT, MAX_LIST, SHORT_TEXT};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use ts_rs::TS;

/// Highest fee accepted, in yen: far above any cost-based fee (art. 38(2)), low enough to catch
/// a slipped digit.
pub const MAX_FEE_YEN: i64 = 1_000_000;

coded_enum!(
    /// What the individual asks for.
    RequestType {
        /// 利用目的の通知 (art. 32(2)); private operators only.
        PurposeNotification => "purposeNotification",
        /// 開示 (art. 33(1); public bodies art. 76). The form asked for (writing, an electronic
        /// record) is `requestedMethod`.
        Disclosure => "disclosure",
        /// 第三者提供記録の開示 (art. 33(5)); private operators only.
        ProvisionRecordDisclosure => "provisionRecordDisclosure",
        /// 訂正・追加・削除 (art. 34; public bodies art. 90).
        Correction => "correction",
        /// 利用停止・消去 (art. 35(1), (5); public bodies art. 98(1)(i)).
        SuspensionOrErasure => "suspensionOrErasure",
        /// 第三者提供の停止 (art. 35(3), (5); public bodies art. 98(1)(ii)).
        StopThirdPartyProvision => "stopThirdPartyProvision",
        /// GDPR Art. 15.
        GdprAccess => "gdprAccess",
        /// GDPR Art. 16.
        GdprRectification => "gdprRectification",
        /// GDPR Art. 17.
        GdprErasure => "gdprErasure",
        /// GDPR Art. 18.
        GdprRestriction => "gdprRestriction",
        /// GDPR Art. 20.
        GdprPortability => "gdprPortability",
        /// GDPR Art. 21.
        GdprObjection => "gdprObjection",
    }
);

coded_enum!(
    /// The rules a request is handled under. Fixed from the organisation's regime and the
    /// request type when the request is received, so a later change of regime does not
    /// rewrite the deadlines of past requests.
    RequestTrack {
        /// APPI chapter IV: "without delay", with the art. 39 two-week line.
        PrivateOperator => "privateOperator",
        /// APPI chapter V, national organs: 30-day decisions, extendable by 30.
        NationalOrgan => "nationalOrgan",
        /// APPI chapter V, local governments: as national organs, periods shortened by
        /// ordinance where one applies.
        LocalGovernment => "localGovernment",
        /// APPI chapter V, incorporated administrative agencies etc. (独立行政法人等): the
        /// national periods (arts. 83–84 speak of 行政機関の長等, which includes them).
        IncorporatedAgency => "incorporatedAgency",
        /// GDPR Art. 12(3): one month, extendable by two.
        Gdpr => "gdpr",
    }
);

coded_enum!(
    /// How the request or complaint arrived.
    ReceiptChannel {
        Counter => "counter",
        Post => "post",
        Email => "email",
        Web => "web",
        Phone => "phone",
    }
);

coded_enum!(
    /// Who made the request on the individual's behalf (代理人, Cabinet Order art. 13).
    AgentKind {
        /// The individual asked in person.
        NoAgent => "none",
        /// 未成年者又は成年被後見人の法定代理人.
        LegalRepresentative => "legalRepresentative",
        /// 委任による代理人 (an attorney or other person authorised by the individual).
        Attorney => "attorney",
        Other => "other",
    }
);

coded_enum!(
    /// How the answer is given, or the form the requester asked for.
    ResponseMethod {
        /// 書面の交付.
        Writing => "writing",
        /// 電磁的記録の提供 (art. 33(1)).
        Electronic => "electronic",
        /// 閲覧 (public bodies, art. 87).
        Inspection => "inspection",
        /// 写しの交付・送付.
        CopyDelivery => "copyDelivery",
        /// By telephone or in person, where the requester asked for it.
        Oral => "oral",
    }
);

coded_enum!(
    /// Where the request stands.
    RequestStatus {
        Received => "received",
        /// The office is checking who the requester is, or waiting for documents.
        IdentityCheck => "identityCheck",
        /// Identity confirmed; the office is preparing its decision.
        UnderReview => "underReview",
        Decided => "decided",
        /// The decision was communicated to the requester.
        Notified => "notified",
        Closed => "closed",
        /// The requester withdrew the request (or abandoned it) before an answer.
        Withdrawn => "withdrawn",
    }
);

coded_enum!(
    /// What the office decided.
    DecisionOutcome {
        /// Disclosed, corrected or stopped as requested.
        Full => "full",
        /// 一部開示 and the like: part granted, part refused on stated grounds.
        Partial => "partial",
        Refusal => "refusal",
        /// The organisation holds no such information (不存在).
        NotHeld => "notHeld",
        /// 存否応答拒否 (art. 81): public bodies answering a disclosure request only.
        NeitherConfirmNorDeny => "neitherConfirmNorDeny",
    }
);

coded_enum!(
    /// The statutory grounds for withholding, by catalogue. A decision may name only grounds
    /// of its request's catalogue (see [`RefusalGround::catalogue`]).
    RefusalGround {
        /// Art. 33(2)(i): would harm the life, body, property or other rights of the person or
        /// a third party.
        HarmToPersonOrThirdParty => "harmToPersonOrThirdParty",
        /// Art. 33(2)(ii): would seriously impede the operator's proper conduct of business.
        SeriousBusinessImpediment => "seriousBusinessImpediment",
        /// Art. 33(2)(iii): would violate other laws.
        ViolationOfOtherLaws => "violationOfOtherLaws",
        /// Art. 78(1)(i): would harm the requester's life, health, livelihood or property.
        RequesterLifeOrHealth => "requesterLifeOrHealth",
        /// Art. 78(1)(ii): information about individuals other than the requester.
        OtherIndividuals => "otherIndividuals",
        /// Art. 78(1)(iii): information about corporations and other bodies.
        CorporateInformation => "corporateInformation",
        /// Art. 78(1)(iv): national security and international relations.
        NationalSecurity => "nationalSecurity",
        /// Art. 78(1)(v): crime prevention, investigation and public safety.
        PublicSafety => "publicSafety",
        /// Art. 78(1)(vi): internal deliberation, examination or consultation.
        Deliberation => "deliberation",
        /// Art. 78(1)(vii): would impede the proper conduct of public affairs or business.
        AdministrativeAffairs => "administrativeAffairs",
        /// GDPR Art. 12(5): the request is manifestly unfounded.
        ManifestlyUnfounded => "manifestlyUnfounded",
        /// GDPR Art. 12(5): the request is manifestly excessive, in particular repetitive.
        ManifestlyExcessive => "manifestlyExcessive",
    }
);

coded_enum!(
    /// What the clock stopped for. Only these stop it: the days a deficient request spends
    /// being corrected (補正, art. 83(1) proviso), which includes missing identity documents.
    PauseReason {
        IdentityDocuments => "identityDocuments",
        Correction => "correction",
    }
);

coded_enum!(
    /// One entry of a request's timeline.
    RequestEventKind {
        Received => "received",
        /// The date of receipt was corrected; the note gives the old and new dates.
        ReceiptDateCorrected => "receiptDateCorrected",
        IdentityCheckStarted => "identityCheckStarted",
        IdentityConfirmed => "identityConfirmed",
        Paused => "paused",
        Resumed => "resumed",
        /// A pause entered in error was removed.
        PauseRemoved => "pauseRemoved",
        Extended => "extended",
        /// An extension entered in error was removed.
        ExtensionRemoved => "extensionRemoved",
        /// The requester was told the large-volume special track applies (art. 84).
        LargeVolumeNotified => "largeVolumeNotified",
        /// A large-volume notice entered in error was removed.
        LargeVolumeRemoved => "largeVolumeRemoved",
        Decided => "decided",
        Notified => "notified",
        Closed => "closed",
        Withdrawn => "withdrawn",
    }
);

const PRIVATE_GROUNDS: &[RefusalGround] = &[
    RefusalGround::HarmToPersonOrThirdParty,
    RefusalGround::SeriousBusinessImpediment,
    RefusalGround::ViolationOfOtherLaws,
];
const PUBLIC_GROUNDS: &[RefusalGround] = &[
    RefusalGround::RequesterLifeOrHealth,
    RefusalGround::OtherIndividuals,
    RefusalGround::CorporateInformation,
    RefusalGround::NationalSecurity,
    RefusalGround::PublicSafety,
    RefusalGround::Deliberation,
    RefusalGround::AdministrativeAffairs,
];
const GDPR_GROUNDS: &[RefusalGround] = &[
    RefusalGround::ManifestlyUnfounded,
    RefusalGround::ManifestlyExcessive,
];

impl RequestType {
    pub fn is_gdpr(self) -> bool {
        matches!(
            self,
            RequestType::GdprAccess
                | RequestType::GdprRectification
                | RequestType::GdprErasure
                | RequestType::GdprRestriction
                | RequestType::GdprPortability
                | RequestType::GdprObjection
        )
    }

    /// The Japanese types a public body receives: chapter V has no purpose notification and
    /// no provision-record disclosure.
    fn open_to_public_bodies(self) -> bool {
        matches!(
            self,
            RequestType::Disclosure
                | RequestType::Correction
                | RequestType::SuspensionOrErasure
                | RequestType::StopThirdPartyProvision
        )
    }

    /// The request types an organisation under `regime` receives.
    pub fn available(regime: Regime, gdpr_applies: bool) -> Vec<RequestType> {
        RequestType::ALL
            .iter()
            .copied()
            .filter(|t| RequestTrack::for_request(regime, gdpr_applies, *t).is_some())
            .collect()
    }

    /// English, for messages and the CLI; the UI translates the code.
    pub fn label(self) -> &'static str {
        match self {
            RequestType::PurposeNotification => "purpose notification",
            RequestType::Disclosure => "disclosure",
            RequestType::ProvisionRecordDisclosure => "provision-record disclosure",
            RequestType::Correction => "correction",
            RequestType::SuspensionOrErasure => "suspension or erasure",
            RequestType::StopThirdPartyProvision => "stop of third-party provision",
            RequestType::GdprAccess => "GDPR access",
            RequestType::GdprRectification => "GDPR rectification",
            RequestType::GdprErasure => "GDPR erasure",
            RequestType::GdprRestriction => "GDPR restriction",
            RequestType::GdprPortability => "GDPR portability",
            RequestType::GdprObjection => "GDPR objection",
        }
    }
}

impl RequestTrack {
    /// The track a request of type `request_type` takes under `regime`; `None` when the regime
    /// does not provide for that request.
    pub fn for_request(
        regime: Regime,
        gdpr_applies: bool,
        request_type: RequestType,
    ) -> Option<RequestTrack> {
        if request_type.is_gdpr() {
            return (regime == Regime::GdprController || gdpr_applies)
                .then_some(RequestTrack::Gdpr);
        }
        match regime {
            Regime::PrivateOperator => Some(RequestTrack::PrivateOperator),
            Regime::NationalOrgan if request_type.open_to_public_bodies() => {
                Some(RequestTrack::NationalOrgan)
            }
            Regime::LocalGovernment if request_type.open_to_public_bodies() => {
                Some(RequestTrack::LocalGovernment)
            }
            Regime::IncorporatedAgency if request_type.open_to_public_bodies() => {
                Some(RequestTrack::IncorporatedAgency)
            }
            _ => None,
        }
    }

    /// Whether a request of `request_type` can be on this track at all.
    pub fn accepts(self, request_type: RequestType) -> bool {
        match self {
            RequestTrack::Gdpr => request_type.is_gdpr(),
            RequestTrack::PrivateOperator => !request_type.is_gdpr(),
            RequestTrack::NationalOrgan
            | RequestTrack::LocalGovernment
            | RequestTrack::IncorporatedAgency => request_type.open_to_public_bodies(),
        }
    }

    pub fn is_public_body(self) -> bool {
        matches!(
            self,
            RequestTrack::NationalOrgan
                | RequestTrack::LocalGovernment
                | RequestTrack::IncorporatedAgency
        )
    }

    pub fn label(self) -> &'static str {
        match self {
            RequestTrack::PrivateOperator => "a private operator",
            RequestTrack::NationalOrgan => "a national organ",
            RequestTrack::LocalGovernment => "a local government",
            RequestTrack::IncorporatedAgency => "an incorporated administrative agency",
            RequestTrack::Gdpr => "the GDPR",
        }
    }
}

impl RequestStatus {
    /// Still to be handled: neither closed nor withdrawn.
    pub fn is_open(self) -> bool {
        !matches!(self, RequestStatus::Closed | RequestStatus::Withdrawn)
    }

    /// Not yet decided, so the clock is still running and may be paused or extended.
    pub fn is_before_decision(self) -> bool {
        matches!(
            self,
            RequestStatus::Received | RequestStatus::IdentityCheck | RequestStatus::UnderReview
        )
    }

    fn has_identity(self) -> bool {
        matches!(
            self,
            RequestStatus::UnderReview
                | RequestStatus::Decided
                | RequestStatus::Notified
                | RequestStatus::Closed
        )
    }

    fn has_decision(self) -> bool {
        matches!(
            self,
            RequestStatus::Decided | RequestStatus::Notified | RequestStatus::Closed
        )
    }

    fn has_notification(self) -> bool {
        matches!(self, RequestStatus::Notified | RequestStatus::Closed)
    }

    pub fn label(self) -> &'static str {
        match self {
            RequestStatus::Received => "received",
            RequestStatus::IdentityCheck => "identity check",
            RequestStatus::UnderReview => "under review",
            RequestStatus::Decided => "decided",
            RequestStatus::Notified => "notified",
            RequestStatus::Closed => "closed",
            RequestStatus::Withdrawn => "withdrawn",
        }
    }
}

impl DecisionOutcome {
    /// Outcomes that withhold something and so must say why.
    pub fn withholds(self) -> bool {
        matches!(
            self,
            DecisionOutcome::Partial
                | DecisionOutcome::Refusal
                | DecisionOutcome::NeitherConfirmNorDeny
        )
    }

    pub fn label(self) -> &'static str {
        match self {
            DecisionOutcome::Full => "full",
            DecisionOutcome::Partial => "partial",
            DecisionOutcome::Refusal => "refusal",
            DecisionOutcome::NotHeld => "not held",
            DecisionOutcome::NeitherConfirmNorDeny => "neither confirm nor deny",
        }
    }
}

impl RefusalGround {
    /// The grounds a request of `request_type` on `track` may be refused on. Art. 33(2) is the
    /// private operator's catalogue for disclosure; art. 78(1) the public body's for
    /// disclosure; Art. 12(5) the GDPR's for any request. Correction and suspension have no
    /// catalogue in the APPI: a refusal there rests on its stated reasons alone.
    pub fn catalogue(track: RequestTrack, request_type: RequestType) -> &'static [RefusalGround] {
        match track {
            RequestTrack::PrivateOperator
                if matches!(
                    request_type,
                    RequestType::Disclosure | RequestType::ProvisionRecordDisclosure
                ) =>
            {
                PRIVATE_GROUNDS
            }
            RequestTrack::NationalOrgan
            | RequestTrack::LocalGovernment
            | RequestTrack::IncorporatedAgency
                if request_type == RequestType::Disclosure =>
            {
                PUBLIC_GROUNDS
            }
            RequestTrack::Gdpr => GDPR_GROUNDS,
            _ => &[],
        }
    }

    /// The article and item, for messages.
    pub fn citation(self) -> &'static str {
        match self {
            RefusalGround::HarmToPersonOrThirdParty => "APPI art. 33(2)(i)",
            RefusalGround::SeriousBusinessImpediment => "APPI art. 33(2)(ii)",
            RefusalGround::ViolationOfOtherLaws => "APPI art. 33(2)(iii)",
            RefusalGround::RequesterLifeOrHealth => "APPI art. 78(1)(i)",
            RefusalGround::OtherIndividuals => "APPI art. 78(1)(ii)",
            RefusalGround::CorporateInformation => "APPI art. 78(1)(iii)",
            RefusalGround::NationalSecurity => "APPI art. 78(1)(iv)",
            RefusalGround::PublicSafety => "APPI art. 78(1)(v)",
            RefusalGround::Deliberation => "APPI art. 78(1)(vi)",
            RefusalGround::AdministrativeAffairs => "APPI art. 78(1)(vii)",
            RefusalGround::ManifestlyUnfounded | RefusalGround::ManifestlyExcessive => {
                "GDPR Art. 12(5)"
            }
        }
    }
}

/// What the rules allow for one request, so the UI offers only valid choices.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RequestRules {
    pub outcomes: Vec<DecisionOutcome>,
    /// The refusal grounds of this request's catalogue; empty when the statute gives none.
    pub grounds: Vec<RefusalGround>,
    /// A partial disclosure, refusal or neither-confirm-nor-deny answer must name at least one
    /// ground. True for APPI disclosure requests. Under the GDPR a refusal may rest on
    /// exceptions outside Art. 12(5) (Arts. 15(4), 17(3), 23), so grounds are optional there.
    pub grounds_required: bool,
    /// Public bodies (arts. 83(2), 94(2), 102(2)) and GDPR controllers (Art. 12(3)) may extend;
    /// a private operator's period is its own target and has no extension.
    pub extension_allowed: bool,
    /// 開示決定等の期限の特例 (art. 84): only a public body answering a disclosure request of a
    /// very large volume may decide a substantial part within 60 days and the rest later.
    pub large_volume_allowed: bool,
    /// Whether recorded pauses move this request's deadline. They do on the APPI tracks (the
    /// days a deficient request spends being corrected are not counted). Under the GDPR the
    /// month runs from receipt and Daicho does not stop it: pauses are recorded, and the
    /// deadline shown stays the earlier, safe one.
    pub pauses_stop_the_clock: bool,
    /// A fee may be charged: private operators for purpose notification and disclosure
    /// (art. 38), public bodies for disclosure (art. 89); under the GDPR only exceptionally
    /// (Arts. 12(5), 15(3)), which is left to the officer.
    pub fee_allowed: bool,
}

impl RequestRules {
    pub fn for_request(track: RequestTrack, request_type: RequestType) -> RequestRules {
        let grounds = RefusalGround::catalogue(track, request_type).to_vec();
        let outcomes = DecisionOutcome::ALL
            .iter()
            .copied()
            .filter(|o| {
                *o != DecisionOutcome::NeitherConfirmNorDeny
                    || (track.is_public_body() && request_type == RequestType::Disclosure)
            })
            .collect();
        let fee_allowed = match track {
            RequestTrack::PrivateOperator => matches!(
                request_type,
                RequestType::PurposeNotification
                    | RequestType::Disclosure
                    | RequestType::ProvisionRecordDisclosure
            ),
            RequestTrack::NationalOrgan
            | RequestTrack::LocalGovernment
            | RequestTrack::IncorporatedAgency => request_type == RequestType::Disclosure,
            RequestTrack::Gdpr => true,
        };
        RequestRules {
            outcomes,
            grounds_required: track != RequestTrack::Gdpr && !grounds.is_empty(),
            grounds,
            extension_allowed: track != RequestTrack::PrivateOperator,
            large_volume_allowed: track.is_public_body() && request_type == RequestType::Disclosure,
            pauses_stop_the_clock: track != RequestTrack::Gdpr,
            fee_allowed,
        }
    }
}

/// What a user enters when a request arrives, and may correct while it is open.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct RequestInput {
    /// 受付番号; assigned as `R-0001`, `R-0002`, … when left empty.
    pub reference: String,
    pub request_type: RequestType,
    pub received_on: NaiveDate,
    pub channel: ReceiptChannel,
    pub requester_name: String,
    /// Address, telephone or e-mail, as the answer will be sent.
    pub requester_contact: String,
    pub agent: AgentKind,
    /// Required when `agent` is not `none`.
    pub agent_name: String,
    /// What the requester asks for, in their words (the information to be identified,
    /// art. 77(1)(ii)).
    pub description: String,
    /// The holdings the request concerns.
    #[ts(type = "Array<number>")]
    pub holding_ids: Vec<i64>,
    /// The form the requester asked for (art. 33(1): writing or an electronic record).
    pub requested_method: Option<ResponseMethod>,
    /// 手数料 in yen.
    #[ts(type = "number | null")]
    pub fee_yen: Option<i64>,
    pub notes: String,
}

/// 本人確認: how the requester's identity (or the agent's authority) was checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct IdentityVerification {
    /// The documents presented, e.g. 運転免許証, 委任状.
    pub documents: Vec<String>,
    pub checked_by: String,
    pub checked_on: NaiveDate,
}

/// A pause as entered: `to` is left empty while the office is still waiting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct PauseInput {
    pub from: NaiveDate,
    pub to: Option<NaiveDate>,
    pub reason: PauseReason,
    pub note: String,
}

/// Days the clock stopped, both ends included.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct RequestPause {
    #[ts(type = "number")]
    pub id: i64,
    pub from: NaiveDate,
    /// Empty while the office is still waiting.
    pub to: Option<NaiveDate>,
    pub reason: PauseReason,
    pub note: String,
}

/// 期限の延長: the reason and the day the requester was told, which must fall within the
/// original period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct Extension {
    pub reason: String,
    pub notified_on: NaiveDate,
}

/// 開示決定等の期限の特例 (art. 84): the notice, given within the ordinary period, that a
/// substantial part will be decided within 60 days and the rest by `remainder_by`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct LargeVolumeNotice {
    /// Why the special track applies, as told to the requester.
    pub reason: String,
    pub notified_on: NaiveDate,
    /// The date the organ fixed for deciding the rest.
    pub remainder_by: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct Decision {
    pub outcome: DecisionOutcome,
    pub decided_on: NaiveDate,
    /// Grounds from the request's catalogue ([`RequestRules::grounds`]).
    pub grounds: Vec<RefusalGround>,
    /// The reasons told to the requester (art. 36; 行政手続法 art. 8; GDPR Art. 12(4));
    /// required when anything is withheld.
    pub reason: String,
}

/// The answer as sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct Notification {
    pub method: ResponseMethod,
    pub responded_on: NaiveDate,
}

/// One step of the timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct RequestEvent {
    #[ts(type = "number")]
    pub id: i64,
    pub kind: RequestEventKind,
    /// The day the step took effect, which may be earlier than the day it was recorded.
    pub on: NaiveDate,
    /// The request's status once the step was taken.
    pub status: RequestStatus,
    pub note: String,
    pub actor: String,
    pub recorded_at: String,
}

/// A stored request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct Request {
    #[ts(type = "number")]
    pub id: i64,
    #[serde(flatten)]
    pub fields: RequestInput,
    pub track: RequestTrack,
    pub status: RequestStatus,
    pub identity: Option<IdentityVerification>,
    /// In the order they start.
    pub pauses: Vec<RequestPause>,
    pub extension: Option<Extension>,
    /// The large-volume special track (art. 84); absent from documents written before it
    /// existed.
    #[serde(default)]
    pub large_volume: Option<LargeVolumeNotice>,
    pub decision: Option<Decision>,
    pub notification: Option<Notification>,
    /// The day the request was closed or withdrawn.
    pub closed_on: Option<NaiveDate>,
    /// Every step, in date order.
    pub timeline: Vec<RequestEvent>,
    #[ts(type = "number")]
    pub version: i64,
    pub created_at: String,
    pub updated_at: String,
}

/// A step of the state machine, as the UI submits it to
/// [`Register::advance_request`](crate::Register::advance_request).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(
    tag = "step",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
#[ts(export)]
pub enum RequestStep {
    /// received → identityCheck: the office is checking identity or has asked for documents.
    StartIdentityCheck { on: NaiveDate },
    /// received or identityCheck → underReview.
    ConfirmIdentity { identity: IdentityVerification },
    /// underReview → decided.
    Decide { decision: Decision },
    /// decided → notified.
    Notify { notification: Notification },
    /// notified → closed.
    Close { closed_on: NaiveDate },
    /// Any status before notification → withdrawn. An open pause ends on the same day.
    Withdraw {
        withdrawn_on: NaiveDate,
        reason: String,
    },
}

/// How a deadline stands on the day a view is computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum DeadlineState {
    /// Still to be met; the last day has not passed.
    Pending,
    /// Met on `metOn`, which may be after `due` (late).
    Met,
    /// Not met and the last day has passed.
    Overdue,
    /// Not the office's duty but the requester's line, such as the 90 days to file a
    /// correction after a disclosure (arts. 90(3), 98(3)).
    Informational,
}

/// A computed deadline of one request, with where it stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RequestDeadline {
    pub deadline: Deadline,
    pub state: DeadlineState,
    /// The day the duty was met: the decision for a public body's decision period, the answer
    /// for every other deadline.
    pub met_on: Option<NaiveDate>,
    /// Days from today to `due`; negative once past.
    #[ts(type = "number")]
    pub days_left: i64,
}

/// A request with what the register computes for it on a given day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RequestView {
    pub request: Request,
    /// Empty for a withdrawn request. While a pause is open, deadlines are shown as if it
    /// ended today, so they move one day later each day the office waits.
    pub deadlines: Vec<RequestDeadline>,
    /// Calendar days from receipt to closure, or to today while open.
    #[ts(type = "number")]
    pub days_open: i64,
    pub overdue: bool,
    /// A deadline still to be met falls within the next seven days, today included.
    pub due_this_week: bool,
    /// Open and waiting on a pause today.
    pub paused: bool,
    pub rules: RequestRules,
}

impl RequestInput {
    pub(crate) fn tidy(&mut self) {
        for value in [
            &mut self.reference,
            &mut self.requester_name,
            &mut self.requester_contact,
            &mut self.agent_name,
            &mut self.description,
            &mut self.notes,
        ] {
            tidy(value);
        }
    }

    /// The intake rules that need nothing but the input and its track; existing holdings and a
    /// unique reference are checked against the register by the caller.
    pub(crate) fn collect_errors(&self, track: RequestTrack, checks: &mut FieldChecks) {
        checks.max_len("reference", &self.reference, 40);
        if !track.accepts(self.request_type) {
            checks.fail_with(
                "requestType",
                FieldErrorCode::NotInRegime,
                format!(
                    "a {} request is not provided for {}",
                    self.request_type.label(),
                    match track {
                        RequestTrack::Gdpr => "under the GDPR".to_owned(),
                        other => format!("for {}", other.label()),
                    }
                ),
            );
        }
        checks.date("receivedOn", self.received_on);
        checks.required("requesterName", &self.requester_name, SHORT_TEXT);
        checks.max_len("requesterContact", &self.requester_contact, LONG_TEXT);
        match self.agent {
            AgentKind::NoAgent if !self.agent_name.is_empty() => checks.fail_with(
                "agentName",
                FieldErrorCode::Malformed,
                "an agent's name is given but no agent is recorded; choose the kind of agent \
                 or clear the name",
            ),
            AgentKind::NoAgent => {}
            _ => checks.required("agentName", &self.agent_name, SHORT_TEXT),
        }
        checks.max_len("description", &self.description, LONG_TEXT);
        if self.holding_ids.len() > MAX_LIST {
            checks.fail("holdingIds", FieldErrorCode::TooMany, Some(MAX_LIST as i64));
        }
        let mut seen = HashSet::new();
        for (i, id) in self.holding_ids.iter().enumerate() {
            if !seen.insert(id) {
                checks.fail(format!("holdingIds[{i}]"), FieldErrorCode::Duplicate, None);
            }
        }
        if let Some(fee) = self.fee_yen {
            checks.range("feeYen", fee, 0, MAX_FEE_YEN);
            let rules = RequestRules::for_request(track, self.request_type);
            if fee > 0 && !rules.fee_allowed && track.accepts(self.request_type) {
                checks.fail_with(
                    "feeYen",
                    FieldErrorCode::NotInRegime,
                    format!(
                        "no fee may be charged for a {} request: the Act allows fees only for \
                         purpose notification and disclosure (arts. 38, 89)",
                        self.request_type.label()
                    ),
                );
            }
        }
        checks.max_len("notes", &self.notes, LONG_TEXT);
    }
}

impl IdentityVerification {
    pub(crate) fn tidy(&mut self) {
        tidy_list(&mut self.documents);
        tidy(&mut self.checked_by);
    }
}

impl PauseInput {
    pub(crate) fn tidy(&mut self) {
        tidy(&mut self.note);
    }
}

impl Decision {
    pub(crate) fn tidy(&mut self) {
        tidy(&mut self.reason);
    }
}

impl Extension {
    pub(crate) fn tidy(&mut self) {
        tidy(&mut self.reason);
    }
}

impl LargeVolumeNotice {
    pub(crate) fn tidy(&mut self) {
        tidy(&mut self.reason);
    }
}

impl Request {
    /// Every rule the whole record must satisfy: the intake rules, the order of its dates,
    /// and that its status agrees with the steps recorded. The register runs it after each
    /// step and on import, so a record that breaks it is never written.
    pub(crate) fn collect_errors(&self, checks: &mut FieldChecks) {
        let received = self.fields.received_on;
        self.fields.collect_errors(self.track, checks);

        if let Some(identity) = &self.identity {
            checks.text_list("identity.documents", &identity.documents, true, SHORT_TEXT);
            checks.required("identity.checkedBy", &identity.checked_by, SHORT_TEXT);
            checks.date("identity.checkedOn", identity.checked_on);
            if identity.checked_on < received {
                checks.date_order(
                    "identity.checkedOn",
                    "receivedOn",
                    format!(
                        "the identity check is dated {} but the request was received only on \
                         {received}",
                        identity.checked_on
                    ),
                );
            }
        }

        self.pause_errors(checks);

        if let Some(extension) = &self.extension {
            checks.required("extension.reason", &extension.reason, LONG_TEXT);
            checks.date("extension.notifiedOn", extension.notified_on);
            if extension.notified_on < received {
                checks.date_order(
                    "extension.notifiedOn",
                    "receivedOn",
                    format!(
                        "the extension notice is dated {} but the request was received only on \
                         {received}",
                        extension.notified_on
                    ),
                );
            }
            if !RequestRules::for_request(self.track, self.fields.request_type).extension_allowed {
                checks.fail_with(
                    "extension",
                    FieldErrorCode::NotInRegime,
                    "a private operator's period has no statutory extension: it is the \
                     organisation's own target for answering without delay",
                );
            }
        }

        if let Some(large_volume) = &self.large_volume {
            self.large_volume_errors(large_volume, checks);
        }

        if let Some(decision) = &self.decision {
            self.decision_errors(decision, checks);
        }

        if let Some(notification) = &self.notification {
            checks.date("notification.respondedOn", notification.responded_on);
            match &self.decision {
                Some(decision) if notification.responded_on < decision.decided_on => checks
                    .date_order(
                        "notification.respondedOn",
                        "decision.decidedOn",
                        format!(
                            "the answer is dated {} but the decision was made only on {}",
                            notification.responded_on, decision.decided_on
                        ),
                    ),
                Some(_) => {}
                None => checks.fail_with(
                    "notification",
                    FieldErrorCode::Malformed,
                    "an answer is recorded but no decision",
                ),
            }
        }

        if let Some(closed_on) = self.closed_on {
            checks.date("closedOn", closed_on);
            let latest = self.latest_step_date();
            if closed_on < latest {
                checks.date_order(
                    "closedOn",
                    // Not one field: the latest of the steps' dates, which the UI names as such.
                    "lastStep",
                    format!(
                        "the request cannot end on {closed_on}, before its last recorded step on \
                         {latest}"
                    ),
                );
            }
        }

        self.status_errors(checks);
    }

    /// The rules of the notice itself; that it falls within the ordinary period and that the
    /// rest comes after the substantial part need the deadline settings and are checked by the
    /// register.
    fn large_volume_errors(&self, large_volume: &LargeVolumeNotice, checks: &mut FieldChecks) {
        let received = self.fields.received_on;
        checks.required("largeVolume.reason", &large_volume.reason, LONG_TEXT);
        checks.date("largeVolume.notifiedOn", large_volume.notified_on);
        checks.date("largeVolume.remainderBy", large_volume.remainder_by);
        if large_volume.notified_on < received {
            checks.date_order(
                "largeVolume.notifiedOn",
                "receivedOn",
                format!(
                    "the large-volume notice is dated {} but the request was received only on \
                     {received}",
                    large_volume.notified_on
                ),
            );
        }
        if large_volume.remainder_by < large_volume.notified_on {
            checks.date_order(
                "largeVolume.remainderBy",
                "largeVolume.notifiedOn",
                format!(
                    "the rest cannot be due on {}, before the notice of {}",
                    large_volume.remainder_by, large_volume.notified_on
                ),
            );
        }
        if !RequestRules::for_request(self.track, self.fields.request_type).large_volume_allowed {
            checks.fail_with(
                "largeVolume",
                FieldErrorCode::NotInRegime,
                "the large-volume special track (art. 84) is open only to a public body \
                 answering a disclosure request",
            );
        }
        if self.extension.is_some() {
            checks.fail_with(
                "largeVolume",
                FieldErrorCode::Malformed,
                "a request is either extended (art. 83(2)) or on the large-volume special track \
                 (art. 84), not both",
            );
        }
    }

    fn pause_errors(&self, checks: &mut FieldChecks) {
        let received = self.fields.received_on;
        let mut open = 0;
        for (i, pause) in self.pauses.iter().enumerate() {
            let field = |name: &str| format!("pauses[{i}].{name}");
            checks.date(&field("from"), pause.from);
            if pause.from < received {
                checks.date_order(
                    field("from"),
                    "receivedOn",
                    format!(
                        "a pause cannot start on {}, before the request was received on \
                         {received}",
                        pause.from
                    ),
                );
            }
            match pause.to {
                Some(to) => {
                    checks.date(&field("to"), to);
                    if to < pause.from {
                        checks.date_order(
                            field("to"),
                            field("from"),
                            format!("the pause ends on {to}, before it starts on {}", pause.from),
                        );
                    }
                }
                None => {
                    open += 1;
                    if open > 1 {
                        checks.fail_with(
                            field("to"),
                            FieldErrorCode::Required,
                            "another pause is still open: record the day it ended first",
                        );
                    }
                }
            }
            checks.max_len(&field("note"), &pause.note, LONG_TEXT);
            let end = pause.to.unwrap_or(NaiveDate::MAX);
            if let Some(other) = self.pauses[..i]
                .iter()
                .find(|p| p.from <= end && pause.from <= p.to.unwrap_or(NaiveDate::MAX))
            {
                let until = other
                    .to
                    .map_or_else(|| "still open".to_owned(), |d| d.to_string());
                checks.fail_with(
                    field("from"),
                    FieldErrorCode::Duplicate,
                    format!(
                        "this pause overlaps the pause from {} ({until}): a day cannot be \
                         paused twice",
                        other.from
                    ),
                );
            }
        }
    }

    fn decision_errors(&self, decision: &Decision, checks: &mut FieldChecks) {
        let received = self.fields.received_on;
        let request_type = self.fields.request_type;
        let rules = RequestRules::for_request(self.track, request_type);
        let decided = decision.decided_on;
        checks.date("decision.decidedOn", decided);
        let mut date_order = |other: String, message: String| {
            checks.date_order("decision.decidedOn", other, message);
        };
        if decided < received {
            date_order(
                "receivedOn".to_owned(),
                format!(
                    "the decision is dated {decided} but the request was received only on \
                     {received}"
                ),
            );
        } else if let Some(identity) = self.identity.as_ref().filter(|i| decided < i.checked_on) {
            date_order(
                "identity.checkedOn".to_owned(),
                format!(
                "the decision is dated {decided} but the requester's identity was confirmed only \
                 on {}",
                identity.checked_on
            ),
            );
        } else if let Some((i, until)) = self
            .pauses
            .iter()
            .enumerate()
            .filter_map(|(i, p)| p.to.map(|to| (i, to)))
            .max_by_key(|(_, to)| *to)
        {
            if decided < until {
                date_order(
                    format!("pauses[{i}].to"),
                    format!(
                        "the decision is dated {decided} but the request was paused until {until}"
                    ),
                );
            }
        }
        if let Some(extension) = self.extension.as_ref().filter(|e| e.notified_on > decided) {
            checks.date_order(
                "decision.decidedOn",
                "extension.notifiedOn",
                format!(
                    "the decision is dated {decided} but the extension was notified only on {}",
                    extension.notified_on
                ),
            );
        }
        if let Some(large_volume) = self
            .large_volume
            .as_ref()
            .filter(|l| l.notified_on > decided)
        {
            checks.date_order(
                "decision.decidedOn",
                "largeVolume.notifiedOn",
                format!(
                    "the decision is dated {decided} but the large-volume notice was given only \
                     on {}",
                    large_volume.notified_on
                ),
            );
        }

        if !rules.outcomes.contains(&decision.outcome) {
            checks.fail_with(
                "decision.outcome",
                FieldErrorCode::NotInRegime,
                "neither confirming nor denying (art. 81) is open only to a public body \
                 answering a disclosure request",
            );
        }
        let mut seen = HashSet::new();
        for (i, ground) in decision.grounds.iter().enumerate() {
            let field = format!("decision.grounds[{i}]");
            if !seen.insert(ground) {
                checks.fail(field, FieldErrorCode::Duplicate, None);
            } else if !rules.grounds.contains(ground) {
                let catalogue = match rules.grounds.first() {
                    Some(first) => format!("its grounds are those of {}", first.citation()),
                    None => "the Act gives no catalogue of grounds for it; state the reasons \
                             instead"
                        .to_owned(),
                };
                checks.fail_with(
                    field,
                    FieldErrorCode::NotInRegime,
                    format!(
                        "{} is not a ground for refusing a {} request of {}: {catalogue}",
                        ground.citation(),
                        request_type.label(),
                        self.track.label()
                    ),
                );
            }
        }
        if decision.outcome.withholds() {
            if decision.grounds.is_empty() && rules.grounds_required {
                let citation = rules.grounds.first().map_or("", |g| g.citation());
                checks.fail_with(
                    "decision.grounds",
                    FieldErrorCode::Required,
                    format!(
                        "a {} decision must name the ground(s) it rests on ({citation})",
                        decision.outcome.label()
                    ),
                );
            }
            if decision.reason.is_empty() {
                checks.fail_with(
                    "decision.reason",
                    FieldErrorCode::NeedsNote,
                    format!(
                        "a {} decision must give the requester its reasons",
                        decision.outcome.label()
                    ),
                );
            }
        } else if !decision.grounds.is_empty() {
            checks.fail_with(
                "decision.grounds",
                FieldErrorCode::Malformed,
                format!(
                    "a {} decision withholds nothing and names no refusal grounds",
                    decision.outcome.label()
                ),
            );
        }
        checks.max_len("decision.reason", &decision.reason, LONG_TEXT);
    }

    /// The status must agree with the steps recorded. Steps taken through the register always
    /// do; this catches an imported document that does not.
    fn status_errors(&self, checks: &mut FieldChecks) {
        let status = self.status;
        let mismatch = |checks: &mut FieldChecks, field: &str, message: String| {
            checks.fail_with(field, FieldErrorCode::Malformed, message);
        };
        if status.has_identity() && self.identity.is_none() {
            checks.fail_with(
                "identity",
                FieldErrorCode::Required,
                format!(
                    "a request {} must have its identity check recorded",
                    status.label()
                ),
            );
        }
        match (&self.decision, status) {
            (None, s) if s.has_decision() => checks.fail_with(
                "decision",
                FieldErrorCode::Required,
                format!("a request {} must have its decision recorded", s.label()),
            ),
            (Some(_), s) if s.is_before_decision() => mismatch(
                checks,
                "decision",
                format!("a request still {} has no decision yet", s.label()),
            ),
            _ => {}
        }
        if status.has_notification() != self.notification.is_some() {
            let message = if self.notification.is_some() {
                format!("a request {} has not been answered yet", status.label())
            } else {
                format!("a request {} must have its answer recorded", status.label())
            };
            mismatch(checks, "notification", message);
        }
        let ended = matches!(status, RequestStatus::Closed | RequestStatus::Withdrawn);
        if ended != self.closed_on.is_some() {
            let message = if ended {
                format!("a request {} needs the day it ended", status.label())
            } else {
                format!("a request still {} has not ended", status.label())
            };
            mismatch(checks, "closedOn", message);
        }
        if !status.is_before_decision() {
            if let Some(i) = self.pauses.iter().position(|p| p.to.is_none()) {
                checks.fail_with(
                    format!("pauses[{i}].to"),
                    FieldErrorCode::Required,
                    format!(
                        "a request {} can no longer be waiting: record the day the pause ended",
                        status.label()
                    ),
                );
            }
        }
    }

    /// The latest date any recorded step carries.
    pub(crate) fn latest_step_date(&self) -> NaiveDate {
        let mut dates = vec![self.fields.received_on];
        dates.extend(self.identity.as_ref().map(|i| i.checked_on));
        for pause in &self.pauses {
            dates.push(pause.from);
            dates.extend(pause.to);
        }
        dates.extend(self.extension.as_ref().map(|e| e.notified_on));
        dates.extend(self.large_volume.as_ref().map(|l| l.notified_on));
        dates.extend(self.decision.as_ref().map(|d| d.decided_on));
        dates.extend(self.notification.as_ref().map(|n| n.responded_on));
        dates.into_iter().max().unwrap_or(self.fields.received_on)
    }

    /// The pause still waiting, if any.
    pub fn open_pause(&self) -> Option<&RequestPause> {
        self.pauses.iter().find(|p| p.to.is_none())
    }
}
