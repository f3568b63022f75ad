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

/// The five statutory items as notified or published. An arrangement may be saved while one
/// is still missing (a draft); the register flags it until it is complete.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
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
    /// 5. 管理について責任を有する者の氏名又は名称、住所、代表者の氏名
    pub responsible_name: String,
    pub responsible_address: String,
    pub responsible_representative: String,
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
        for value in [
            &mut self.fact_statement,
            &mut self.users_range,
            &mut self.responsible_name,
            &mut self.responsible_address,
            &mut self.responsible_representative,
        ] {
            tidy(value);
        }
        tidy_list(&mut self.items);
        for purpose in &mut self.purposes {
            tidy(&mut purpose.user);
            tidy(&mut purpose.purpose);
        }
    }

    /// The statutory items this edition lacks. The responsible party needs its name, address
    /// and representative (the latter two since the 2020 amendment).
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
        if self.responsible_name.is_empty()
            || self.responsible_address.is_empty()
            || self.responsible_representative.is_empty()
        {
            missing.push(StatutoryItem::Responsible);
        }
        missing
    }

    /// The notice a change from `self` to `after` needs: in advance when the items, the range
    /// of users or the purposes change; without delay when only the responsible party's name,
    /// address or representative does; none when nothing statutory changed.
    pub fn change_notice(&self, after: &JointUseTerms) -> Option<ChangeNotice> {
        if self.items != after.items
            || self.users_range != after.users_range
            || self.purposes != after.purposes
            || self.fact_statement != after.fact_statement
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
        checks.max_len("terms.responsibleName", &self.responsible_name, SHORT_TEXT);
        checks.max_len(
            "terms.responsibleAddress",
            &self.responsible_address,
            LONG_TEXT,
        );
        checks.max_len(
            "terms.responsibleRepresentative",
            &self.responsible_representative,
            SHORT_TEXT,
        );
    }
}

impl JointUseInput {
    pub(crate) fn tidy(&mut self) {
        tidy(&mut self.reference);
        tidy(&mut self.title);
        tidy(&mut self.notes);
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
            checks.fail_with(
                "change.notifiedOn",
                FieldErrorCode::DateOrder,
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
