//! Regular recipients, provision and receipt records, security measures, disposals, matters
//! treated as consented unless the person objects, and objections through the register. They share one write path: validate the whole record
//! after the change, check what needs the register (linked holdings exist, references are
//! free), write, and append one audit entry in the same transaction.

use crate::audit::Entity;
use crate::deadline::retention::{latest_event_past, retention, Retention, RetentionEvent};
use crate::error::{FieldError, FieldErrorCode, RecordError, Result};
use crate::model::consent_matter::{ConsentMatter, ConsentMatterInput};
use crate::model::disposal::{Disposal, DisposalDue, DisposalInput};
use crate::model::holding::{Holding, RetentionTrigger};
use crate::model::measure::{Measure, MeasureInput};
use crate::model::objection::{Objection, ObjectionInput};
use crate::model::provision::{
    number_act_errors, ProvisionBasis, ProvisionDirection, ProvisionRecord, ProvisionRecordInput,
    ProvisionRecordView, Recipient, RecipientInput,
};
use crate::model::search::{self, SearchDoc};
use crate::register::holdings::holdings_exist;
use crate::register::record::{self, record_basics, Change, Record, Removable, NEW_ID};
use crate::register::Register;
use crate::store;
use crate::store::sections::{self, Table};
use crate::validation::FieldChecks;
use chrono::{Datelike, NaiveDate};
use rusqlite::Connection;

/// A record kind kept in one row with its links to holdings ([`Table`]); the five share their
/// storage and their register-level checks.
pub(crate) trait Section: Record + Removable + Table {
    fn collect_errors(&self, checks: &mut FieldChecks);
    /// Checks beyond the linked holdings that need the register.
    fn register_checks(&self, _conn: &Connection, _checks: &mut FieldChecks) -> Result<()> {
        Ok(())
    }
    /// The regular recipient the record names, checked on import.
    fn recipient_link(&self) -> Option<i64> {
        None
    }
    /// The consent matter the record names, checked on import.
    fn matter_link(&self) -> Option<i64> {
        None
    }
    /// What the search across the register finds the record by ([`Record::search_docs`]).
    fn search_entries(&self) -> Vec<SearchDoc> {
        Vec::new()
    }
}

/// The [`Record`] face of a section kind: its storage is the shared table code, its checks
/// [`section_checks`]. `label` names the field messages call the record by; `numbered` names
/// the reference field a series numbers.
macro_rules! section_record {
    ($kind:ty, $entity:expr, $name:literal, label: $label:ident $(, numbered: $field:ident by $series:expr)?) => {
        impl Record for $kind {
            const ENTITY: Entity = $entity;
            const NAME: &'static str = $name;
            record_basics!(label: $label $(, numbered: $field by $series)?);
            fn get(conn: &Connection, id: i64) -> Result<Option<Self>> {
                Ok(sections::get::<Self>(conn, id)?)
            }
            fn list(conn: &Connection) -> Result<Vec<Self>> {
                Ok(sections::list::<Self>(conn)?)
            }
            fn insert(conn: &Connection, record: &Self) -> Result<i64> {
                Ok(sections::insert(conn, record)?)
            }
            fn update(conn: &Connection, before: &Self, after: &Self) -> Result<()> {
                Ok(sections::update(conn, before, after)?)
            }
            fn checks(&self, conn: &Connection, before: Option<&Self>) -> Result<FieldChecks> {
                section_checks(conn, self, before.map(|b| b.id))
            }
            fn naming_holding(conn: &Connection, holding_id: i64) -> Result<Vec<String>> {
                Ok(sections::referring_to_holding::<Self>(conn, holding_id)?
                    .iter()
                    .map(Record::label)
                    .collect())
            }
            fn search_docs(&self) -> Vec<$crate::model::search::SearchDoc> {
                <Self as $crate::register::controls::Section>::search_entries(self)
            }
        }
    };
}
pub(crate) use section_record;

section_record!(Recipient, Entity::Recipient, "regular recipient", label: name);
section_record!(
    ProvisionRecord,
    Entity::ProvisionRecord,
    "provision record",
    label: reference,
    numbered: reference by store::PROVISION_REFERENCES
);
section_record!(Measure, Entity::Measure, "security measure", label: title);
section_record!(
    Disposal,
    Entity::Disposal,
    "disposal",
    label: reference,
    numbered: reference by store::DISPOSAL_REFERENCES
);
section_record!(
    ConsentMatter,
    Entity::ConsentMatter,
    "consent matter",
    label: title
);
section_record!(
    Objection,
    Entity::Objection,
    "objection",
    label: reference,
    numbered: reference by store::OBJECTION_REFERENCES
);

impl Section for Recipient {
    fn search_entries(&self) -> Vec<SearchDoc> {
        let f = &self.fields;
        vec![
            SearchDoc::new("recipient", f.name.clone(), f.purpose.clone())
                .with([&f.address, &f.representative, &f.frequency, &f.notes])
                .with(&f.items),
        ]
    }
    fn collect_errors(&self, checks: &mut FieldChecks) {
        self.fields.collect_errors(checks);
    }
    fn register_checks(&self, conn: &Connection, checks: &mut FieldChecks) -> Result<()> {
        if carries_individual_numbers(conn, &self.fields.holding_ids)? {
            number_act_errors(
                self.fields.basis,
                self.fields.public_ground,
                ProvisionDirection::Provided,
                checks,
            );
        }
        regime_basis_errors(conn, self.fields.basis, checks)
    }
}

/// What the organisation provides rests on the bases of its regime: a public body's on art. 69
/// (art. 71 abroad), which arts. 27–28 do not bind (art. 16(2) leaves 行政機関等 out of the
/// operators of chapter IV), and anyone else's on arts. 27–28 or the GDPR, never on art. 69.
/// A receipt names the provider's basis, which may be either. Checked when a record is
/// written, not on import: a document keeps the records as they were made.
fn regime_basis_errors(
    conn: &Connection,
    basis: ProvisionBasis,
    checks: &mut FieldChecks,
) -> Result<()> {
    let public = store::organisation::get(conn)?.is_some_and(|o| o.profile.regime.is_public_body());
    if public && !basis.is_public_body() {
        checks.not_in_regime(
            "basis",
            "a public body provides on the grounds of APPI art. 69 (art. 71 for a recipient \
             abroad); arts. 27 and 28 bind private operators",
        );
    } else if !public && basis.is_public_body() {
        checks.not_in_regime(
            "basis",
            "the grounds of APPI art. 69 are a public body's; a private operator provides on \
             arts. 27 and 28",
        );
    }
    Ok(())
}

/// Whether a linked holding has an Individual Number item, which makes what the record covers
/// specific personal information. Checked when a record is written, not on import: a document
/// keeps the records as they were made.
fn carries_individual_numbers(conn: &Connection, holding_ids: &[i64]) -> Result<bool> {
    for id in holding_ids {
        if store::holdings::get(conn, *id)?.is_some_and(|h| h.has_my_number()) {
            return Ok(true);
        }
    }
    Ok(false)
}

impl Removable for Recipient {
    fn remove(conn: &Connection, id: i64) -> Result<()> {
        sections::delete::<Self>(conn, id)?;
        Ok(())
    }
    fn refuse_removal(&self, conn: &Connection) -> Result<()> {
        let records = store::controls::records_for_recipient(conn, self.id)?;
        record::refuse_while_named(Self::NAME, &self.fields.name, "provision records", records)
    }
}

impl Section for ProvisionRecord {
    fn search_entries(&self) -> Vec<SearchDoc> {
        let f = &self.fields;
        vec![SearchDoc::new(
            "provisionRecord",
            search::join(&[&f.reference, &f.counterparty_name]),
            f.persons_description.clone(),
        )
        .with([
            &f.counterparty_address,
            &f.counterparty_representative,
            &f.acquisition_circumstances,
            &f.consent_note,
            &f.notes,
        ])
        .with(&f.persons)
        .with(&f.items)]
    }
    fn collect_errors(&self, checks: &mut FieldChecks) {
        self.fields.collect_errors(checks);
    }
    fn recipient_link(&self) -> Option<i64> {
        self.fields.recipient_id
    }
    fn register_checks(&self, conn: &Connection, checks: &mut FieldChecks) -> Result<()> {
        // Personal-related information is by definition not personal information, so it is
        // never specific personal information and the Number Act does not reach it.
        if !self.fields.is_personal_related()
            && carries_individual_numbers(conn, &self.fields.holding_ids)?
        {
            number_act_errors(
                self.fields.basis,
                self.fields.public_ground,
                self.fields.direction,
                checks,
            );
        }
        if self.fields.direction == ProvisionDirection::Provided {
            regime_basis_errors(conn, self.fields.basis, checks)?;
        }
        if let Some(recipient) = self.fields.recipient_id {
            if sections::get::<Recipient>(conn, recipient)?.is_none() {
                checks.fail_with(
                    "recipientId",
                    FieldErrorCode::Malformed,
                    format!("regular recipient {recipient} does not exist"),
                );
            } else if self.fields.direction == ProvisionDirection::Received {
                checks.fail_with(
                    "recipientId",
                    FieldErrorCode::Malformed,
                    "a regular recipient receives data from the organisation; a receipt names \
                     its provider as the counterparty",
                );
            }
        }
        Ok(())
    }
}

/// Deleting these leaves nothing pointing at nothing: no other record names them.
macro_rules! removable_section {
    ($($kind:ty),+) => {$(
        impl Removable for $kind {
            fn remove(conn: &Connection, id: i64) -> Result<()> {
                sections::delete::<Self>(conn, id)?;
                Ok(())
            }
        }
    )+};
}
removable_section!(ProvisionRecord, Measure, Disposal, Objection);

impl Section for Measure {
    fn collect_errors(&self, checks: &mut FieldChecks) {
        self.fields.collect_errors(checks);
    }
}

impl Section for Disposal {
    fn collect_errors(&self, checks: &mut FieldChecks) {
        self.fields.collect_errors(checks);
    }
}

impl Section for ConsentMatter {
    fn collect_errors(&self, checks: &mut FieldChecks) {
        self.fields.collect_errors(checks);
    }
    /// Two matters with one title would print as one line in the announcement and leave an
    /// objection's link ambiguous to the officer choosing it.
    fn register_checks(&self, conn: &Connection, checks: &mut FieldChecks) -> Result<()> {
        let title = &self.fields.title;
        if !title.is_empty()
            && sections::list::<ConsentMatter>(conn)?
                .iter()
                .any(|m| m.id != self.id && m.fields.title == *title)
        {
            checks.fail("title", FieldErrorCode::Duplicate, None);
        }
        Ok(())
    }
}

impl Removable for ConsentMatter {
    fn remove(conn: &Connection, id: i64) -> Result<()> {
        sections::delete::<Self>(conn, id)?;
        Ok(())
    }
    /// The objections to a matter are the evidence that those persons did not consent; they
    /// keep the matter they name.
    fn refuse_removal(&self, conn: &Connection) -> Result<()> {
        let objections = store::controls::objections_to_matter(conn, self.id)?;
        record::refuse_while_named(Self::NAME, &self.fields.title, "objections", objections)
    }
}

impl Section for Objection {
    fn collect_errors(&self, checks: &mut FieldChecks) {
        self.fields.collect_errors(checks);
    }
    fn matter_link(&self) -> Option<i64> {
        self.fields.matter_id
    }
    fn register_checks(&self, conn: &Connection, checks: &mut FieldChecks) -> Result<()> {
        if let Some(matter) = self.fields.matter_id {
            if sections::get::<ConsentMatter>(conn, matter)?.is_none() {
                checks.fail_with(
                    "matterId",
                    FieldErrorCode::Malformed,
                    format!("consent matter {matter} does not exist"),
                );
            }
        }
        Ok(())
    }
}

/// Every rule a record must pass to be written: its own, the links, and a free reference.
pub(crate) fn section_checks<S: Section>(
    conn: &Connection,
    record: &S,
    id: Option<i64>,
) -> Result<FieldChecks> {
    let mut checks = FieldChecks::new();
    record.collect_errors(&mut checks);
    let linked = record.linked_holdings();
    if S::HOLDING_LINKS.is_some() {
        holdings_exist(conn, linked, &mut checks)?;
    } else {
        for holding in linked {
            if !store::holdings::exists(conn, *holding)? {
                checks.fail_with(
                    "holdingId",
                    FieldErrorCode::Malformed,
                    format!("holding {holding} does not exist"),
                );
            }
        }
    }
    record.register_checks(conn, &mut checks)?;
    if let (Some(series), Some(reference)) = (S::REFERENCES, record.clone().reference_mut()) {
        if !reference.is_empty()
            && !checks.has_error_for("reference")
            && series.is_taken(conn, reference, id)?
        {
            checks.fail("reference", FieldErrorCode::Duplicate, None);
        }
    }
    Ok(checks)
}

impl Register {
    pub(super) fn create_section<S: Section>(&self, record: S, actor: &str) -> Result<S> {
        self.write_all(|tx| record::create(tx, actor, record, Change::default()))
    }

    pub(super) fn update_section<S: Section>(
        &self,
        id: i64,
        expected_version: i64,
        actor: &str,
        change: impl FnOnce(&mut S),
    ) -> Result<S> {
        self.write_all(|tx| {
            record::update(tx, actor, id, expected_version, |_, _, after: &mut S| {
                change(after);
                Ok(Change::default())
            })
        })
    }

    pub(super) fn delete_section<S: Section>(
        &self,
        id: i64,
        expected_version: i64,
        actor: &str,
    ) -> Result<()> {
        self.write_all(|tx| record::delete::<S>(tx, actor, id, expected_version))
    }

    pub(super) fn section_list<S: Section>(&self) -> Result<Vec<S>> {
        self.read_all(|conn| S::list(conn))
    }

    pub(super) fn section_get<S: Section>(&self, id: i64) -> Result<S> {
        self.read_all(|conn| record::load::<S>(conn, id))
    }

    // --- regular recipients -------------------------------------------------------------

    pub fn recipients(&self) -> Result<Vec<Recipient>> {
        self.section_list()
    }

    pub fn recipient(&self, id: i64) -> Result<Recipient> {
        self.section_get(id)
    }

    pub fn create_recipient(&self, mut input: RecipientInput, actor: &str) -> Result<Recipient> {
        input.tidy();
        self.create_section(
            new_record(input, |id, fields, v, c, u| Recipient {
                id,
                fields,
                version: v,
                created_at: c,
                updated_at: u,
            }),
            actor,
        )
    }

    pub fn update_recipient(
        &self,
        id: i64,
        expected_version: i64,
        mut input: RecipientInput,
        actor: &str,
    ) -> Result<Recipient> {
        input.tidy();
        self.update_section(id, expected_version, actor, |r: &mut Recipient| {
            r.fields = input
        })
    }

    pub fn delete_recipient(&self, id: i64, expected_version: i64, actor: &str) -> Result<()> {
        self.delete_section::<Recipient>(id, expected_version, actor)
    }

    // --- provision and receipt records --------------------------------------------------

    /// Every record, newest provision first, with its retention as of `today`.
    pub fn provision_records(&self, today: NaiveDate) -> Result<Vec<ProvisionRecordView>> {
        Ok(self
            .section_list::<ProvisionRecord>()?
            .into_iter()
            .map(|r| provision_view(r, today))
            .collect())
    }

    /// Every provision and receipt record about one person, for a disclosure request under
    /// art. 33(5). Matches ignore case and spaces.
    pub fn provision_records_about(
        &self,
        person: &str,
        today: NaiveDate,
    ) -> Result<Vec<ProvisionRecordView>> {
        Ok(self
            .provision_records(today)?
            .into_iter()
            .filter(|v| v.record.fields.concerns(person))
            .collect())
    }

    pub fn provision_record(&self, id: i64, today: NaiveDate) -> Result<ProvisionRecordView> {
        Ok(provision_view(self.section_get(id)?, today))
    }

    pub fn create_provision_record(
        &self,
        mut input: ProvisionRecordInput,
        actor: &str,
    ) -> Result<ProvisionRecord> {
        input.tidy();
        self.create_section(
            new_record(input, |id, fields, v, c, u| ProvisionRecord {
                id,
                fields,
                version: v,
                created_at: c,
                updated_at: u,
            }),
            actor,
        )
    }

    pub fn update_provision_record(
        &self,
        id: i64,
        expected_version: i64,
        mut input: ProvisionRecordInput,
        actor: &str,
    ) -> Result<ProvisionRecord> {
        input.tidy();
        self.update_section(id, expected_version, actor, |r: &mut ProvisionRecord| {
            r.fields = input
        })
    }

    pub fn delete_provision_record(
        &self,
        id: i64,
        expected_version: i64,
        actor: &str,
    ) -> Result<()> {
        self.delete_section::<ProvisionRecord>(id, expected_version, actor)
    }

    // --- security measures --------------------------------------------------------------

    /// The catalogue in the PPC's order of headings.
    pub fn measures(&self) -> Result<Vec<Measure>> {
        self.section_list()
    }

    pub fn measure(&self, id: i64) -> Result<Measure> {
        self.section_get(id)
    }

    pub fn create_measure(&self, mut input: MeasureInput, actor: &str) -> Result<Measure> {
        input.tidy();
        self.create_section(
            new_record(input, |id, fields, v, c, u| Measure {
                id,
                fields,
                version: v,
                created_at: c,
                updated_at: u,
            }),
            actor,
        )
    }

    pub fn update_measure(
        &self,
        id: i64,
        expected_version: i64,
        mut input: MeasureInput,
        actor: &str,
    ) -> Result<Measure> {
        input.tidy();
        self.update_section(id, expected_version, actor, |r: &mut Measure| {
            r.fields = input
        })
    }

    pub fn delete_measure(&self, id: i64, expected_version: i64, actor: &str) -> Result<()> {
        self.delete_section::<Measure>(id, expected_version, actor)
    }

    // --- disposals ----------------------------------------------------------------------

    pub fn disposals(&self) -> Result<Vec<Disposal>> {
        self.section_list()
    }

    pub fn disposal(&self, id: i64) -> Result<Disposal> {
        self.section_get(id)
    }

    pub fn create_disposal(&self, mut input: DisposalInput, actor: &str) -> Result<Disposal> {
        input.tidy();
        self.create_section(
            new_record(input, |id, fields, v, c, u| Disposal {
                id,
                fields,
                version: v,
                created_at: c,
                updated_at: u,
            }),
            actor,
        )
    }

    pub fn update_disposal(
        &self,
        id: i64,
        expected_version: i64,
        mut input: DisposalInput,
        actor: &str,
    ) -> Result<Disposal> {
        input.tidy();
        self.update_section(id, expected_version, actor, |r: &mut Disposal| {
            r.fields = input
        })
    }

    pub fn delete_disposal(&self, id: i64, expected_version: i64, actor: &str) -> Result<()> {
        self.delete_section::<Disposal>(id, expected_version, actor)
    }

    /// Holdings with data past its retention that no recorded disposal covers yet.
    pub fn disposals_due(&self, today: NaiveDate) -> Result<Vec<DisposalDue>> {
        self.read_all(|conn| disposals_due(conn, today))
    }

    // --- matters treated as consented unless the person objects --------------------------

    /// The catalogue, in the order entered (the order it is published in).
    pub fn consent_matters(&self) -> Result<Vec<ConsentMatter>> {
        self.section_list()
    }

    pub fn consent_matter(&self, id: i64) -> Result<ConsentMatter> {
        self.section_get(id)
    }

    pub fn create_consent_matter(
        &self,
        mut input: ConsentMatterInput,
        actor: &str,
    ) -> Result<ConsentMatter> {
        input.tidy();
        self.create_section(
            new_record(input, |id, fields, v, c, u| ConsentMatter {
                id,
                fields,
                version: v,
                created_at: c,
                updated_at: u,
            }),
            actor,
        )
    }

    pub fn update_consent_matter(
        &self,
        id: i64,
        expected_version: i64,
        mut input: ConsentMatterInput,
        actor: &str,
    ) -> Result<ConsentMatter> {
        input.tidy();
        self.update_section(id, expected_version, actor, |r: &mut ConsentMatter| {
            r.fields = input
        })
    }

    pub fn delete_consent_matter(&self, id: i64, expected_version: i64, actor: &str) -> Result<()> {
        self.delete_section::<ConsentMatter>(id, expected_version, actor)
    }

    // --- objections ---------------------------------------------------------------------

    pub fn objections(&self) -> Result<Vec<Objection>> {
        self.section_list()
    }

    pub fn objection(&self, id: i64) -> Result<Objection> {
        self.section_get(id)
    }

    pub fn create_objection(&self, mut input: ObjectionInput, actor: &str) -> Result<Objection> {
        input.tidy();
        self.create_section(
            new_record(input, |id, fields, v, c, u| Objection {
                id,
                fields,
                version: v,
                created_at: c,
                updated_at: u,
            }),
            actor,
        )
    }

    pub fn update_objection(
        &self,
        id: i64,
        expected_version: i64,
        mut input: ObjectionInput,
        actor: &str,
    ) -> Result<Objection> {
        input.tidy();
        self.update_section(id, expected_version, actor, |r: &mut Objection| {
            r.fields = input
        })
    }

    pub fn delete_objection(&self, id: i64, expected_version: i64, actor: &str) -> Result<()> {
        self.delete_section::<Objection>(id, expected_version, actor)
    }
}

pub(super) fn new_record<I, S>(
    input: I,
    build: impl FnOnce(i64, I, i64, String, String) -> S,
) -> S {
    let now = crate::clock::now();
    build(NEW_ID, input, 1, now.clone(), now)
}

pub(crate) fn provision_view(record: ProvisionRecord, today: NaiveDate) -> ProvisionRecordView {
    let retention = record.fields.retention();
    ProvisionRecordView {
        past_retention: retention.as_ref().is_some_and(|r| today >= r.past_from),
        retain_until: retention.as_ref().map(|r| r.until),
        retention,
        retention_rule: record.fields.retention_rule(),
        record,
    }
}

/// The latest day such that data whose retention started on or before it has run out its
/// retention by `today`, for the triggers the register can date: acquisition, and the end of
/// the fiscal year (31 March) the data belongs to. Other triggers depend on events the
/// register does not hold (a contract's end, a member leaving), so nothing is computed.
pub fn expired_through(holding: &Holding, today: NaiveDate) -> Option<NaiveDate> {
    disposal_cutoff(holding, today).map(|r| r.event)
}

/// The retention of the latest data past it by `today`, with how its end was reached: the
/// period is counted from the day after the trigger (Civil Code art. 140) and ends on the day
/// corresponding to the trigger, so data acquired on 1 February 2023 under a three-year rule
/// is kept through 1 February 2026 and due for disposal from 2 February.
pub fn disposal_cutoff(holding: &Holding, today: NaiveDate) -> Option<Retention> {
    let rule = holding.fields.retention.as_ref()?;
    let latest = latest_event_past(today, rule.years * 12 + rule.months)?;
    let (event, day) = match rule.trigger {
        RetentionTrigger::Acquisition => (RetentionEvent::Acquisition, latest),
        RetentionTrigger::FiscalYearEnd => {
            // The latest 31 March on or before the latest day past retention.
            let march_end = |year| NaiveDate::from_ymd_opt(year, 3, 31);
            let this_year = march_end(latest.year())?;
            let day = if this_year <= latest {
                this_year
            } else {
                march_end(latest.year() - 1)?
            };
            (RetentionEvent::FiscalYearEnd, day)
        }
        _ => return None,
    };
    retention(event, day, rule.years, rule.months).ok()
}

pub(crate) fn disposals_due(conn: &Connection, today: NaiveDate) -> Result<Vec<DisposalDue>> {
    let disposals = sections::list::<Disposal>(conn)?;
    let mut due = Vec::new();
    for holding in store::holdings::list(conn)? {
        let Some(expired) = disposal_cutoff(&holding, today) else {
            continue;
        };
        let latest = disposals
            .iter()
            .filter(|d| d.fields.holding_id == holding.id)
            .filter_map(|d| d.fields.covers_through.map(|c| (c, d.id)))
            .max();
        let covered = match latest {
            Some((through, _)) => through >= expired.event,
            // With no disposal recorded, only a holding registered before the cutoff can
            // hold data that old.
            None => registered_on(&holding).is_none_or(|registered| registered > expired.event),
        };
        if !covered {
            due.push(DisposalDue {
                holding_id: holding.id,
                ledger_no: holding.fields.ledger_no.clone(),
                holding_name: holding.fields.name.clone(),
                expired_through: expired.event,
                retention: expired,
                last_covered_through: latest.map(|(through, _)| through),
                last_disposal_id: latest.map(|(_, id)| id),
            });
        }
    }
    Ok(due)
}

fn registered_on(holding: &Holding) -> Option<NaiveDate> {
    holding
        .created_at
        .get(..10)
        .and_then(|day| NaiveDate::parse_from_str(day, "%Y-%m-%d").ok())
}

/// The import checks of one section's records: the register's own rules, plus what an import
/// must keep: present and unique ids and references, and links to records in the document.
pub(crate) fn check_import<S: Section>(
    key: &str,
    records: &[S],
    holding_ids: &std::collections::HashSet<i64>,
    recipient_ids: &std::collections::HashSet<i64>,
    matter_ids: &std::collections::HashSet<i64>,
) -> Vec<RecordError> {
    let mut problems = Vec::new();
    let mut ids = std::collections::HashSet::new();
    let mut references = std::collections::HashSet::new();
    for (index, record) in records.iter().enumerate() {
        let mut checks = FieldChecks::new();
        record.collect_errors(&mut checks);
        let mut fields = checks.into_errors();
        if record.id() < 1 {
            fields.push(FieldError::new("id", FieldErrorCode::OutOfRange, None));
        } else if !ids.insert(record.id()) {
            fields.push(FieldError::new("id", FieldErrorCode::Duplicate, None));
        }
        if record.version() < 1 {
            fields.push(FieldError::new("version", FieldErrorCode::OutOfRange, None));
        }
        if let Some(reference) = record.clone().reference_mut() {
            if reference.is_empty() {
                fields.push(FieldError::new("reference", FieldErrorCode::Required, None));
            } else if !references.insert(reference.clone()) {
                fields.push(FieldError::new(
                    "reference",
                    FieldErrorCode::Duplicate,
                    None,
                ));
            }
        }
        for (i, holding) in record.linked_holdings().iter().enumerate() {
            if !holding_ids.contains(holding) {
                let field = if S::HOLDING_LINKS.is_some() {
                    format!("holdingIds[{i}]")
                } else {
                    "holdingId".to_owned()
                };
                let mut error = FieldError::new(field, FieldErrorCode::Malformed, None);
                error.message = format!("holding {holding} is not in the document");
                fields.push(error);
            }
        }
        if let Some(recipient) = record.recipient_link() {
            if !recipient_ids.contains(&recipient) {
                let mut error = FieldError::new("recipientId", FieldErrorCode::Malformed, None);
                error.message = format!("regular recipient {recipient} is not in the document");
                fields.push(error);
            }
        }
        if let Some(matter) = record.matter_link() {
            if !matter_ids.contains(&matter) {
                let mut error = FieldError::new("matterId", FieldErrorCode::Malformed, None);
                error.message = format!("consent matter {matter} is not in the document");
                fields.push(error);
            }
        }
        if !fields.is_empty() {
            problems.push(RecordError {
                record: format!("{key}[{index}]"),
                reference: Some(record.label()),
                fields,
            });
        }
    }
    problems
}
