//! A breach incident (漏えい等事案): personal information leaked, lost or damaged, or possibly
//! so (APPI art. 26; public bodies art. 68; Number Act art. 29-4; GDPR Arts. 33–34).
//!
//! The facts are entered as a form ([`IncidentInput`]) and corrected as they become known; the
//! core decides from them whether a report is required ([`crate::breach`]) and when it is due.
//! What the office does about it (actions, filings with the authority, notices to persons) is
//! added step by step and each step is written to the incident's append-only timeline, so the
//! record is also the GDPR Art. 33(5) documentation of every breach.

use super::coded_enum;
use super::organisation::Regime;
use crate::error::FieldErrorCode;
use crate::validation::{tidy, FieldChecks, LONG_TEXT, MAX_LIST, SHORT_TEXT};
use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use ts_rs::TS;

/// More persons than any register could hold; catches a slipped digit.
pub const MAX_PERSONS: i64 = 200_000_000;

coded_enum!(
    /// 漏えい・滅失・毀損 (Rules art. 7 and the PPC guideline 3-5-1).
    IncidentNature {
        /// 漏えい: the data left the organisation's control (mis-sent mail, theft, intrusion).
        Leakage => "leakage",
        /// 滅失: the data no longer exists anywhere (lost with no copy).
        Loss => "loss",
        /// 毀損: the data was altered or made unusable (ransomware encryption).
        Damage => "damage",
    }
);

coded_enum!(
    /// Whether the leakage etc. has happened or may have happened: both are reportable
    /// (「発生し、又は発生したおそれがある事態」).
    IncidentCertainty {
        Actual => "actual",
        Possible => "possible",
    }
);

coded_enum!(
    /// 二次被害: whether harm beyond the breach itself (fraud, spam, extortion) has occurred.
    SecondaryDamage {
        None => "none",
        MayOccur => "mayOccur",
        Occurred => "occurred",
    }
);

coded_enum!(
    /// Who caused the incident, when known.
    Perpetrator {
        Unknown => "unknown",
        /// An outside party (intruder, thief).
        Outsider => "outsider",
        /// An officer or employee, by error or on purpose.
        Insider => "insider",
        /// An entrusted party (委託先) or one of its sub-entrustees.
        Subcontractor => "subcontractor",
    }
);

coded_enum!(
    /// The report's phase. The APPI has two (速報, 確報); a supplementary report adds what was
    /// learned later, as GDPR Art. 33(4) allows in phases.
    FilingPhase {
        Preliminary => "preliminary",
        Final => "final",
        Supplementary => "supplementary",
    }
);

coded_enum!(
    /// The law a filing is made under: the PPC (or the ministry it delegated to, art. 150)
    /// receives APPI and Number Act reports; a GDPR supervisory authority receives Art. 33
    /// notifications.
    FilingLaw {
        Appi => "appi",
        Gdpr => "gdpr",
    }
);

coded_enum!(
    /// How a filing reached the authority.
    FilingChannel {
        /// The PPC's web report form.
        WebForm => "webForm",
        Email => "email",
        Post => "post",
        InPerson => "inPerson",
        Other => "other",
    }
);

coded_enum!(
    /// How persons were told (Rules art. 10). A public announcement is the alternative when
    /// notifying each person is difficult.
    NoticeMethod {
        Letter => "letter",
        Email => "email",
        Phone => "phone",
        InPerson => "inPerson",
        PublicAnnouncement => "publicAnnouncement",
        Other => "other",
    }
);

coded_enum!(
    /// One entry of an incident's timeline.
    IncidentEventKind {
        /// The incident was entered.
        Recorded => "recorded",
        /// Facts were corrected; the note names the fields.
        Updated => "updated",
        /// Something the office did (an investigation, a recall request, a meeting).
        Action => "action",
        /// A report was filed with an authority.
        Filed => "filed",
        /// Affected persons were told.
        PersonsNotified => "personsNotified",
        Closed => "closed",
    }
);

/// One affected data item. Copied from the ledger when it comes from a holding, so the
/// incident keeps what was affected even if the ledger changes later; an item not in the
/// ledger (a card number typed into a form) is entered by name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct IncidentItem {
    /// The ledger item it was copied from, if any (a soft link: the ledger may drop the item).
    #[ts(type = "number | null")]
    pub data_item_id: Option<i64>,
    pub name: String,
    /// 要配慮個人情報 (art. 2(3)).
    pub sensitive: bool,
    /// 条例要配慮個人情報: sensitive under the local government's own ordinance (art. 60(5)).
    pub ordinance_sensitive: bool,
    /// Individual Number data (特定個人情報).
    pub my_number: bool,
    /// The officer answered the sensitive-data hint "no" for this item (a health-check booking
    /// date is not a health-check result): the question is not asked again for it, and the
    /// answer, like any change, is in the audit trail. Absent in older documents.
    #[serde(default)]
    pub not_sensitive_confirmed: bool,
    /// The officer answered the financial-damage hint "no" for this item (a login time is not
    /// a credential). Absent in older documents.
    #[serde(default)]
    pub no_financial_risk_confirmed: bool,
}

/// The facts of an incident as the officer enters and corrects them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct IncidentInput {
    /// Assigned as `I-0001`, `I-0002`, … when left empty.
    pub reference: String,
    /// One line for lists, e.g. 「健診結果の誤送信」.
    pub title: String,
    /// When any department of the organisation first knew (PPC 通則編 3-5-3-3), with the
    /// offset of the organisation's time zone: the GDPR's 72 hours run from this instant.
    #[ts(type = "string")]
    pub aware_at: DateTime<FixedOffset>,
    /// The department that first knew.
    pub aware_department: String,
    /// When the incident happened, if known.
    pub occurred_on: Option<NaiveDate>,
    pub nature: Vec<IncidentNature>,
    pub certainty: IncidentCertainty,
    /// 概要: what happened, in a few sentences.
    pub summary: String,
    #[ts(type = "Array<number>")]
    pub holding_ids: Vec<i64>,
    pub items: Vec<IncidentItem>,
    /// Number of persons affected (or possibly affected).
    #[ts(type = "number")]
    pub persons: i64,
    /// Of them, persons whose Individual Number data is affected.
    #[ts(type = "number")]
    pub my_number_persons: i64,
    pub cause: String,
    pub secondary_damage: SecondaryDamage,
    pub secondary_damage_detail: String,
    /// The data was protected by advanced encryption or an equivalent measure (the exclusion
    /// in Rules arts. 7 and 43 and Number Act Rules art. 2).
    pub strong_encryption: bool,
    /// How it was protected: algorithm, key management, whether the key also leaked.
    pub encryption_detail: String,
    /// Misuse may cause financial damage (card numbers, banking credentials).
    pub financial_damage_risk: bool,
    /// May have been done for a wrongful purpose (unauthorised access, theft, take-out).
    pub wrongful_purpose: bool,
    /// The data was being acquired when it was taken (web skimming): covered since the
    /// 2024-04-01 amendment of Rules arts. 7(iii) and 43(iii).
    pub data_being_acquired: bool,
    /// Individual Number data recorded in the information-provision network system or an
    /// Individual Number use system (Number Act Rules art. 2(i)).
    pub my_number_system: bool,
    /// Exposed electronically to unspecified numerous persons, e.g. posted on the internet
    /// (Number Act Rules art. 2(iii)).
    pub publicly_exposed: bool,
    /// GDPR Art. 33(1): the controller judges the breach unlikely to result in a risk.
    pub gdpr_risk_unlikely: bool,
    /// Why; required with `gdprRiskUnlikely` (Art. 33(5) documentation).
    pub gdpr_risk_reason: String,
    pub perpetrator: Perpetrator,
    /// The entrusted party's name when the perpetrator is a subcontractor. Filled from the
    /// linked tier when one is linked; kept as written when the party is not in the register.
    pub entrusted_party: String,
    /// The subcontractor tier the incident happened at, when it is in the register.
    /// Absent in documents written before the link existed.
    #[serde(default)]
    #[ts(type = "number | null")]
    pub entrustee_id: Option<i64>,
    /// The day the entrusted party notified the organisation (art. 26(1) proviso).
    pub entrustee_notified_on: Option<NaiveDate>,
    /// 本人への対応等: what has been done for the persons affected.
    pub responses_to_persons: String,
    /// 公表の実施状況
    pub public_announcement: String,
    /// 再発防止のための措置
    pub prevention: String,
    /// その他参考となる事項
    pub other: String,
}

/// Something done about an incident, as entered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct IncidentActionInput {
    pub on: NaiveDate,
    pub description: String,
}

/// A report filed with an authority, as entered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct FilingInput {
    pub phase: FilingPhase,
    pub law: FilingLaw,
    pub filed_on: NaiveDate,
    /// 個人情報保護委員会, or the delegated ministry (e.g. 厚生労働省), or a GDPR authority.
    pub authority: String,
    pub channel: FilingChannel,
    /// The number the authority gave the report (受付番号), if any.
    pub reference_no: String,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct Filing {
    #[ts(type = "number")]
    pub id: i64,
    #[serde(flatten)]
    pub fields: FilingInput,
}

/// Persons told about the incident, as entered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct NoticeInput {
    pub notified_on: NaiveDate,
    pub method: NoticeMethod,
    /// How many persons this notice reached.
    #[ts(type = "number")]
    pub persons: i64,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct Notice {
    #[ts(type = "number")]
    pub id: i64,
    #[serde(flatten)]
    pub fields: NoticeInput,
}

/// One timeline entry; never rewritten.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct IncidentEvent {
    #[ts(type = "number")]
    pub id: i64,
    pub kind: IncidentEventKind,
    pub on: NaiveDate,
    pub note: String,
    pub actor: String,
    pub recorded_at: String,
}

/// A stored incident.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct Incident {
    #[ts(type = "number")]
    pub id: i64,
    #[serde(flatten)]
    pub fields: IncidentInput,
    /// The organisation's regime when the incident was entered; the triage follows it, so a
    /// later change of regime does not rewrite a past incident's obligations.
    pub regime: Regime,
    /// The organisation also answered to the GDPR when the incident was entered.
    pub gdpr_applies: bool,
    pub filings: Vec<Filing>,
    pub notices: Vec<Notice>,
    /// In the order recorded.
    pub timeline: Vec<IncidentEvent>,
    pub closed_on: Option<NaiveDate>,
    #[ts(type = "number")]
    pub version: i64,
    pub created_at: String,
    pub updated_at: String,
}

impl IncidentInput {
    pub(crate) fn tidy(&mut self) {
        for value in [
            &mut self.reference,
            &mut self.title,
            &mut self.aware_department,
            &mut self.summary,
            &mut self.cause,
            &mut self.secondary_damage_detail,
            &mut self.encryption_detail,
            &mut self.gdpr_risk_reason,
            &mut self.entrusted_party,
            &mut self.responses_to_persons,
            &mut self.public_announcement,
            &mut self.prevention,
            &mut self.other,
        ] {
            tidy(value);
        }
        for item in &mut self.items {
            tidy(&mut item.name);
        }
    }

    /// The awareness day on the Japanese calendar, which the APPI's periods count from
    /// whatever offset the instant was entered in.
    pub fn aware_on_in_japan(&self) -> NaiveDate {
        let japan = FixedOffset::east_opt(9 * 3600).unwrap_or(*self.aware_at.offset());
        self.aware_at.with_timezone(&japan).date_naive()
    }

    pub(crate) fn collect_errors(&self, checks: &mut FieldChecks) {
        checks.max_len("reference", &self.reference, 40);
        checks.required("title", &self.title, SHORT_TEXT);
        checks.date("awareAt", self.aware_at.date_naive());
        checks.required("awareDepartment", &self.aware_department, SHORT_TEXT);
        if let Some(occurred) = self.occurred_on {
            checks.date("occurredOn", occurred);
            if occurred > self.aware_at.date_naive() {
                checks.date_order(
                    "occurredOn",
                    "awareAt",
                    format!(
                        "the incident is dated {occurred}, after the organisation became aware \
                         of it on {}",
                        self.aware_at.date_naive()
                    ),
                );
            }
        }
        if self.nature.is_empty() {
            checks.fail("nature", FieldErrorCode::Required, None);
        }
        let mut seen = HashSet::new();
        for (i, nature) in self.nature.iter().enumerate() {
            if !seen.insert(nature) {
                checks.fail(format!("nature[{i}]"), FieldErrorCode::Duplicate, None);
            }
        }
        checks.max_len("summary", &self.summary, LONG_TEXT);
        if self.holding_ids.len() > MAX_LIST {
            checks.fail("holdingIds", FieldErrorCode::TooMany, Some(MAX_LIST as i64));
        }
        let mut seen = HashSet::new();
        for (i, id) in self.holding_ids.iter().enumerate() {
            if !seen.insert(id) {
                checks.fail(format!("holdingIds[{i}]"), FieldErrorCode::Duplicate, None);
            }
        }
        if self.items.len() > MAX_LIST {
            checks.fail("items", FieldErrorCode::TooMany, Some(MAX_LIST as i64));
        }
        let mut seen = HashSet::new();
        for (i, item) in self.items.iter().enumerate() {
            let field = format!("items[{i}].name");
            if item.name.is_empty() {
                checks.fail(field, FieldErrorCode::Required, None);
            } else if !seen.insert(item.name.as_str()) {
                checks.fail(field, FieldErrorCode::Duplicate, None);
            } else {
                checks.max_len(&field, &item.name, SHORT_TEXT);
            }
            // "Not sensitive" and "sensitive" at once would leave the triage reading one answer
            // and the hint the other.
            if item.not_sensitive_confirmed && (item.sensitive || item.ordinance_sensitive) {
                checks.fail_with(
                    format!("items[{i}].notSensitiveConfirmed"),
                    FieldErrorCode::Malformed,
                    "an item marked sensitive cannot also be answered not sensitive",
                );
            }
        }
        checks.range("persons", self.persons, 0, MAX_PERSONS);
        checks.range("myNumberPersons", self.my_number_persons, 0, MAX_PERSONS);
        if self.my_number_persons > self.persons && !checks.has_error_for("persons") {
            checks.fail_with(
                "myNumberPersons",
                FieldErrorCode::OutOfRange,
                format!(
                    "{} persons with Individual Number data is more than the {} persons affected",
                    self.my_number_persons, self.persons
                ),
            );
        }
        if self.my_number_persons > 0 && !self.items.iter().any(|i| i.my_number) {
            checks.fail_with(
                "myNumberPersons",
                FieldErrorCode::NeedsNote,
                "persons with Individual Number data are counted, but no affected item is \
                 marked as Individual Number data",
            );
        }
        checks.max_len("cause", &self.cause, LONG_TEXT);
        checks.max_len(
            "secondaryDamageDetail",
            &self.secondary_damage_detail,
            LONG_TEXT,
        );
        if self.secondary_damage != SecondaryDamage::None && self.secondary_damage_detail.is_empty()
        {
            checks.fail_with(
                "secondaryDamageDetail",
                FieldErrorCode::NeedsNote,
                "say what secondary damage occurred or may occur",
            );
        }
        checks.max_len("encryptionDetail", &self.encryption_detail, LONG_TEXT);
        if self.strong_encryption && self.encryption_detail.is_empty() {
            checks.fail_with(
                "encryptionDetail",
                FieldErrorCode::NeedsNote,
                "the encryption exclusion needs the measure written down: how the data was \
                 encrypted and that the key did not leak",
            );
        }
        checks.max_len("gdprRiskReason", &self.gdpr_risk_reason, LONG_TEXT);
        if self.gdpr_risk_unlikely && self.gdpr_risk_reason.is_empty() {
            checks.fail_with(
                "gdprRiskReason",
                FieldErrorCode::NeedsNote,
                "a breach judged unlikely to result in a risk needs the reasons documented \
                 (GDPR Art. 33(5))",
            );
        }
        checks.max_len("entrustedParty", &self.entrusted_party, SHORT_TEXT);
        if self.perpetrator == Perpetrator::Subcontractor
            && self.entrusted_party.is_empty()
            && self.entrustee_id.is_none()
        {
            checks.fail_with(
                "entrustedParty",
                FieldErrorCode::Required,
                "name the entrusted party, or choose its tier from the subcontractors",
            );
        }
        if self.entrustee_id.is_some() && self.perpetrator != Perpetrator::Subcontractor {
            checks.fail_with(
                "entrusteeId",
                FieldErrorCode::NeedsNote,
                "a subcontractor tier is linked only when a subcontractor caused the incident; \
                 choose subcontractor as the perpetrator or remove the tier",
            );
        }
        if let Some(notified) = self.entrustee_notified_on {
            checks.date("entrusteeNotifiedOn", notified);
            if self.perpetrator != Perpetrator::Subcontractor {
                checks.fail_with(
                    "entrusteeNotifiedOn",
                    FieldErrorCode::NeedsNote,
                    "only an entrusted party notifies the organisation; choose subcontractor as \
                     the perpetrator",
                );
            }
        }
        checks.max_len("responsesToPersons", &self.responses_to_persons, LONG_TEXT);
        checks.max_len("publicAnnouncement", &self.public_announcement, LONG_TEXT);
        checks.max_len("prevention", &self.prevention, LONG_TEXT);
        checks.max_len("other", &self.other, LONG_TEXT);
    }
}

impl FilingInput {
    pub(crate) fn tidy(&mut self) {
        tidy(&mut self.authority);
        tidy(&mut self.reference_no);
        tidy(&mut self.note);
    }
}

impl NoticeInput {
    pub(crate) fn tidy(&mut self) {
        tidy(&mut self.note);
    }
}

impl Incident {
    /// Every rule the whole record must satisfy; run after each change and on import.
    pub(crate) fn collect_errors(&self, checks: &mut FieldChecks) {
        self.fields.collect_errors(checks);
        let aware = self.fields.aware_at.date_naive();
        let not_before_awareness = |checks: &mut FieldChecks, field: String, on: NaiveDate| {
            if on < aware {
                checks.date_order(
                    field,
                    "awareAt",
                    format!(
                        "dated {on}, before the organisation became aware of the incident on \
                         {aware}"
                    ),
                );
            }
        };
        for (list, len) in [
            ("filings", self.filings.len()),
            ("notices", self.notices.len()),
        ] {
            if len > MAX_LIST {
                checks.fail(list, FieldErrorCode::TooMany, Some(MAX_LIST as i64));
            }
        }
        for (i, filing) in self.filings.iter().enumerate() {
            let field = |name: &str| format!("filings[{i}].{name}");
            let f = &filing.fields;
            checks.date(&field("filedOn"), f.filed_on);
            not_before_awareness(checks, field("filedOn"), f.filed_on);
            checks.required(&field("authority"), &f.authority, SHORT_TEXT);
            checks.max_len(&field("referenceNo"), &f.reference_no, SHORT_TEXT);
            checks.max_len(&field("note"), &f.note, LONG_TEXT);
            let has_earlier = self.filings[..i]
                .iter()
                .any(|earlier| earlier.fields.law == f.law);
            if f.phase == FilingPhase::Supplementary && !has_earlier {
                checks.fail_with(
                    field("phase"),
                    FieldErrorCode::DateOrder,
                    "a supplementary report follows an earlier report under the same law",
                );
            }
        }
        for (i, notice) in self.notices.iter().enumerate() {
            let field = |name: &str| format!("notices[{i}].{name}");
            let n = &notice.fields;
            checks.date(&field("notifiedOn"), n.notified_on);
            not_before_awareness(checks, field("notifiedOn"), n.notified_on);
            checks.range(&field("persons"), n.persons, 0, MAX_PERSONS);
            checks.max_len(&field("note"), &n.note, LONG_TEXT);
            if n.method == NoticeMethod::Other && n.note.is_empty() {
                checks.fail(field("note"), FieldErrorCode::NeedsNote, None);
            }
        }
        for (i, event) in self.timeline.iter().enumerate() {
            checks.date(&format!("timeline[{i}].on"), event.on);
        }
        if let Some(closed) = self.closed_on {
            checks.date("closedOn", closed);
            not_before_awareness(checks, "closedOn".to_owned(), closed);
        }
    }

    pub fn is_open(&self) -> bool {
        self.closed_on.is_none()
    }
}
