//! A joint-use arrangement (共同利用, APPI art. 27(5)(iii)): personal data shared with named
//! partners without being a third-party provision, provided the five statutory items were
//! notified to the persons or made easy for them to know beforehand. Every edition of those
//! items is kept, with how each change was made known (art. 27(6)).

use super::coded_enum;
use crate::error::FieldErrorCode;
use crate::validation::{tidy, tidy_list, FieldChecks, LONG_TEXT, MAX_LIST, SHORT_TEXT};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use ts_rs::TS;

coded_enum!(
    /// How the five items were notified or made easy to know.
    PublicationMethod {
        Website => "website",
        NoticeToPersons => "noticeToPersons",
        PostedAtOffice => "postedAtOffice",
        Bulletin => "bulletin",
        Other => "other",
    }
);

coded_enum!(
    /// How a change to the arrangement must be made known (art. 27(6)): a change of the
    /// responsible party's name, address or representative without delay after it; a change
    /// of the items, the range of users or the purposes in advance.
    ChangeNotice {
        NotifyWithoutDelay => "notifyWithoutDelay",
        NotifyInAdvance => "notifyInAdvance",
    }
);

coded_enum!(
    /// The five statutory items, for naming the ones an arrangement lacks.
    StatutoryItem {
        Fact => "fact",
        Items => "items",
        UsersRange => "usersRange",
        Purposes => "purposes",
        Responsible => "responsible",
    }
);

/// One joint user's purpose of use (item 4 lists each user's purposes).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct UserPurpose {
    pub user: String,
    pub purpose: String,
}

/// One party responsible for managing the jointly used data (item 5). An arrangement may name
/// several, e.g. a health insurance society and an employer for a joint health check-up.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct ResponsibleParty {
    /// 氏名又は名称
    pub name: String,
    /// 住所
    pub address: String,
    /// 法人にあっては、その代表者の氏名
    pub representative: String,
}

/// The five statutory items as notified or published. An arrangement may be saved while one
/// is still missing (a draft); the register flags it until it is complete.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", from = "TermsAsWritten")]
#[ts(export)]
pub struct JointUseTerms {
    /// 1. 共同利用をする旨
    pub fact_statement: String,
    /// 2. 共同して利用される個人データの項目
    pub items: Vec<String>,
    /// 3. 共同して利用する者の範囲
    pub users_range: String,
    /// 4. 利用する者の利用目的
    pub purposes: Vec<UserPurpose>,
    /// 5. 管理について責任を有する者の氏名又は名称、住所、代表者の氏名: every party named.
    pub responsible_parties: Vec<ResponsibleParty>,
}

/// The terms as any Daicho wrote them. Documents and editions from before several responsible
/// parties carry one party as three fields; they read as a list of that one party (none when
/// all three were still empty), the same rule migration 0008 applies to stored registers.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct TermsAsWritten {
    fact_statement: String,
    items: Vec<String>,
    users_range: String,
    purposes: Vec<UserPurpose>,
    #[serde(default)]
    responsible_parties: Vec<ResponsibleParty>,
    #[serde(default)]
    responsible_name: Option<String>,
    #[serde(default)]
    responsible_address: Option<String>,
    #[serde(default)]
    responsible_representative: Option<String>,
}

impl From<TermsAsWritten> for JointUseTerms {
    fn from(written: TermsAsWritten) -> Self {
        let mut responsible_parties = written.responsible_parties;
        let single = ResponsibleParty {
            name: written.responsible_name.unwrap_or_default(),
            address: written.responsible_address.unwrap_or_default(),
            representative: written.responsible_representative.unwrap_or_default(),
        };
        if single != ResponsibleParty::default() {
            responsible_parties.insert(0, single);
        }
        JointUseTerms {
            fact_statement: written.fact_statement,
            items: written.items,
            users_range: written.users_range,
            purposes: written.purposes,
            responsible_parties,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct JointUseInput {
    /// Assigned as `JU-0001`, … when left empty.
    pub reference: String,
    /// e.g. 「事業主との共同利用」.
    pub title: String,
    pub terms: JointUseTerms,
    pub publication_methods: Vec<PublicationMethod>,
    /// 問合せ窓口: where persons ask about the joint use. Not one of the five items, so a
    /// change needs no new edition; absent in documents from before it existed.
    #[serde(default)]
    pub inquiry_contact: String,
    /// When the current edition was first published or notified.
    pub published_on: Option<NaiveDate>,
    #[ts(type = "Array<number>")]
    pub holding_ids: Vec<i64>,
    pub notes: String,
}

/// How a change of the five items was made known. Required when the items change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct JointUseChange {
    pub kind: ChangeNotice,
    pub notified_on: NaiveDate,
    /// When the changed arrangement took or takes effect.
    pub effective_on: NaiveDate,
    /// What changed, in a sentence, e.g. 「代表者の交代（理事長 佐藤 一郎 → 田中 修）」.
    pub summary: String,
}

/// One edition of the five items. Edition 1 is the original and has no change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct JointUseEdition {
    #[ts(type = "number")]
    pub number: i64,
    pub terms: JointUseTerms,
    pub change: Option<JointUseChange>,
    pub recorded_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct JointUse {
    #[ts(type = "number")]
    pub id: i64,
    #[serde(flatten)]
    pub fields: JointUseInput,
    /// Oldest first; the last one carries the current terms.
    pub editions: Vec<JointUseEdition>,
    #[ts(type = "number")]
    pub version: i64,
    pub created_at: String,
    pub updated_at: String,
}

impl JointUseTerms {
    fn tidy(&mut self) {
        for value in [&mut self.fact_statement, &mut self.users_range] {
            tidy(value);
        }
        for party in &mut self.responsible_parties {
            tidy(&mut party.name);
            tidy(&mut party.address);
            tidy(&mut party.representative);
        }
        // A row the form added and left blank names nobody.
        self.responsible_parties
            .retain(|p| *p != ResponsibleParty::default());
        tidy_list(&mut self.items);
        for purpose in &mut self.purposes {
            tidy(&mut purpose.user);
            tidy(&mut purpose.purpose);
        }
    }

    /// The statutory items this edition lacks. At least one responsible party, and each one
    /// named needs its name, address and representative (the latter two since the 2020
    /// amendment).
    pub fn missing(&self) -> Vec<StatutoryItem> {
        let mut missing = Vec::new();
        if self.fact_statement.is_empty() {
            missing.push(StatutoryItem::Fact);
        }
        if self.items.is_empty() {
            missing.push(StatutoryItem::Items);
        }
        if self.users_range.is_empty() {
            missing.push(StatutoryItem::UsersRange);
        }
        if self.purposes.is_empty() {
            missing.push(StatutoryItem::Purposes);
        }
        if self.responsible_parties.is_empty()
            || self
                .responsible_parties
                .iter()
                .any(|p| p.name.is_empty() || p.address.is_empty() || p.representative.is_empty())
        {
            missing.push(StatutoryItem::Responsible);
        }
        missing
    }

    /// The notice a change from `self` to `after` needs: in advance when the items, the range
    /// of users or the purposes change, or when a responsible party is added or removed (art.
    /// 27(6): changing who the responsible party is, 「当該責任を有する者を変更しようとするとき」);
    /// without delay when only a party's name, address or representative changes (「氏名、名称
    /// 若しくは住所又は…代表者の氏名に変更があったとき」), party by party in the order listed;
    /// none when nothing statutory changed.
    pub fn change_notice(&self, after: &JointUseTerms) -> Option<ChangeNotice> {
        if self.items != after.items
            || self.users_range != after.users_range
            || self.purposes != after.purposes
            || self.fact_statement != after.fact_statement
            || self.responsible_parties.len() != after.responsible_parties.len()
        {
            Some(ChangeNotice::NotifyInAdvance)
        } else if self != after {
            Some(ChangeNotice::NotifyWithoutDelay)
        } else {
            None
        }
    }

    fn collect_errors(&self, checks: &mut FieldChecks) {
        checks.max_len("terms.factStatement", &self.fact_statement, LONG_TEXT);
        checks.text_list("terms.items", &self.items, false, SHORT_TEXT);
        checks.max_len("terms.usersRange", &self.users_range, LONG_TEXT);
        if self.purposes.len() > MAX_LIST {
            checks.fail(
                "terms.purposes",
                FieldErrorCode::TooMany,
                Some(MAX_LIST as i64),
            );
        }
        for (i, purpose) in self.purposes.iter().enumerate() {
            checks.required(
                &format!("terms.purposes[{i}].user"),
                &purpose.user,
                SHORT_TEXT,
            );
            checks.required(
                &format!("terms.purposes[{i}].purpose"),
                &purpose.purpose,
                LONG_TEXT,
            );
        }
        if self.responsible_parties.len() > MAX_LIST {
            checks.fail(
                "terms.responsibleParties",
                FieldErrorCode::TooMany,
                Some(MAX_LIST as i64),
            );
        }
        let mut names = HashSet::new();
        for (i, party) in self.responsible_parties.iter().enumerate() {
            let field = |name: &str| format!("terms.responsibleParties[{i}].{name}");
            checks.max_len(&field("name"), &party.name, SHORT_TEXT);
            checks.max_len(&field("address"), &party.address, LONG_TEXT);
            checks.max_len(&field("representative"), &party.representative, SHORT_TEXT);
            if !party.name.is_empty() && !names.insert(party.name.as_str()) {
                checks.fail(field("name"), FieldErrorCode::Duplicate, None);
            }
        }
    }
}

impl JointUseInput {
    pub(crate) fn tidy(&mut self) {
        tidy(&mut self.reference);
        tidy(&mut self.title);
        tidy(&mut self.notes);
        tidy(&mut self.inquiry_contact);
        self.terms.tidy();
    }

    pub(crate) fn collect_errors(&self, checks: &mut FieldChecks) {
        checks.max_len("reference", &self.reference, 40);
        checks.required("title", &self.title, SHORT_TEXT);
        self.terms.collect_errors(checks);
        let mut methods = HashSet::new();
        for (i, method) in self.publication_methods.iter().enumerate() {
            if !methods.insert(method) {
                checks.fail(
                    format!("publicationMethods[{i}]"),
                    FieldErrorCode::Duplicate,
                    None,
                );
            }
        }
        if let Some(on) = self.published_on {
            checks.date("publishedOn", on);
        }
        if self.holding_ids.len() > MAX_LIST {
            checks.fail("holdingIds", FieldErrorCode::TooMany, Some(MAX_LIST as i64));
        }
        let mut seen = HashSet::new();
        for (i, id) in self.holding_ids.iter().enumerate() {
            if !seen.insert(id) {
                checks.fail(format!("holdingIds[{i}]"), FieldErrorCode::Duplicate, None);
            }
        }
        checks.max_len("inquiryContact", &self.inquiry_contact, LONG_TEXT);
        checks.max_len("notes", &self.notes, LONG_TEXT);
    }
}

impl JointUseChange {
    pub(crate) fn tidy(&mut self) {
        tidy(&mut self.summary);
    }

    /// `needed` is what the change of terms calls for; a change that needs notice in advance
    /// cannot be recorded as one notified afterwards, and notice in advance is dated no later
    /// than the change.
    pub(crate) fn collect_errors(&self, needed: ChangeNotice, checks: &mut FieldChecks) {
        checks.date("change.notifiedOn", self.notified_on);
        checks.date("change.effectiveOn", self.effective_on);
        checks.required("change.summary", &self.summary, LONG_TEXT);
        if needed == ChangeNotice::NotifyInAdvance && self.kind != ChangeNotice::NotifyInAdvance {
            checks.fail_with(
                "change.kind",
                FieldErrorCode::OutOfRange,
                "a change of the items, the range of joint users or the purposes must be \
                 notified in advance (art. 27(6))",
            );
        }
        if self.kind == ChangeNotice::NotifyInAdvance && self.notified_on > self.effective_on {
            checks.date_order(
                "change.notifiedOn",
                "change.effectiveOn",
                format!(
                    "a notice in advance must be dated no later than the change ({})",
                    self.effective_on
                ),
            );
        }
    }
}

impl JointUse {
    /// The whole-record rules, run on every write and on import: the input's rules, each
    /// edition's terms, and edition numbering from 1 with a change on every later edition.
    pub(crate) fn collect_errors(&self, checks: &mut FieldChecks) {
        self.fields.collect_errors(checks);
        if self.editions.is_empty() {
            checks.fail("editions", FieldErrorCode::Required, None);
        }
        for (i, edition) in self.editions.iter().enumerate() {
            let mut edition_checks = FieldChecks::new();
            edition.terms.collect_errors(&mut edition_checks);
            if edition.number != i as i64 + 1 {
                edition_checks.fail("number", FieldErrorCode::OutOfRange, None);
            }
            if (i == 0) != edition.change.is_none() {
                edition_checks.fail_with(
                    "change",
                    FieldErrorCode::Malformed,
                    "the first edition has no change and every later edition has one",
                );
            }
            for error in edition_checks.into_errors() {
                let field = format!("editions[{i}].{}", error.field);
                checks.fail_with(field, error.code, error.message);
            }
        }
        if let Some(last) = self.editions.last() {
            if last.terms != self.fields.terms {
                checks.fail_with(
                    "editions",
                    FieldErrorCode::Malformed,
                    "the last edition must carry the current terms",
                );
            }
        }
    }
}
