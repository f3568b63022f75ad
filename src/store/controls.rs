//! Row mappings of the provision, measure, disposal, consent matter and objection sections onto
//! the shared [`Table`] SQL.

use super::sections::{date, flag, opt_date, text, Table};
use super::{list_from_json, list_to_json};
use crate::model::consent_matter::{ConsentMatter, ConsentMatterInput};
use crate::model::disposal::{Disposal, DisposalInput};
use crate::model::measure::{Measure, MeasureInput};
use crate::model::objection::{Objection, ObjectionInput};
use crate::model::provision::{ProvisionRecord, ProvisionRecordInput, Recipient, RecipientInput};
use rusqlite::types::Value;
use rusqlite::Row;

impl Table for Recipient {
    const TABLE: &'static str = "regular_recipient";
    const COLUMNS: &'static str = "id, name, address, representative, purpose, basis, exception,
        items, frequency, notes, version, created_at, updated_at, public_ground";
    const ORDER_BY: &'static str = "name, id";
    const HOLDING_LINKS: Option<&'static str> = Some("regular_recipient_holding");
    const REFERRING_TO_HOLDING: &'static str =
        "SELECT owner_id FROM regular_recipient_holding WHERE holding_id = ?1 ORDER BY owner_id";

    fn from_row(row: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(Recipient {
            id: row.get(0)?,
            fields: RecipientInput {
                name: row.get(1)?,
                address: row.get(2)?,
                representative: row.get(3)?,
                purpose: row.get(4)?,
                basis: row.get(5)?,
                exception: row.get(6)?,
                public_ground: row.get(13)?,
                items: list_from_json(&row.get::<_, String>(7)?)?,
                frequency: row.get(8)?,
                holding_ids: Vec::new(),
                notes: row.get(9)?,
            },
            version: row.get(10)?,
            created_at: row.get(11)?,
            updated_at: row.get(12)?,
        })
    }

    fn values(&self) -> Vec<Value> {
        let f = &self.fields;
        vec![
            Value::Integer(self.id),
            text(&f.name),
            text(&f.address),
            text(&f.representative),
            text(&f.purpose),
            text(f.basis.code()),
            f.exception.map_or(Value::Null, |e| text(e.code())),
            text(&list_to_json(&f.items)),
            text(&f.frequency),
            text(&f.notes),
            Value::Integer(self.version),
            text(&self.created_at),
            text(&self.updated_at),
            f.public_ground.map_or(Value::Null, |g| text(g.code())),
        ]
    }

    fn row_id(&self) -> i64 {
        self.id
    }
    fn linked_holdings(&self) -> &[i64] {
        &self.fields.holding_ids
    }
    fn set_linked_holdings(&mut self, ids: Vec<i64>) {
        self.fields.holding_ids = ids;
    }
}

impl Table for ProvisionRecord {
    const TABLE: &'static str = "provision_record";
    const COLUMNS: &'static str = "id, reference, direction, basis, exception, recording_method,
        provided_on, last_provided_on, recorded_on, recipient_id, counterparty_name,
        counterparty_address, counterparty_representative, acquisition_circumstances,
        opt_out_published, persons, persons_description, items, consent_obtained, consent_note,
        notes, version, created_at, updated_at, information, consent_confirmation_method,
        foreign_information_confirmed, public_ground";
    const ORDER_BY: &'static str = "provided_on DESC, id DESC";
    const HOLDING_LINKS: Option<&'static str> = Some("provision_record_holding");
    const REFERRING_TO_HOLDING: &'static str =
        "SELECT owner_id FROM provision_record_holding WHERE holding_id = ?1 ORDER BY owner_id";

    fn from_row(row: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(ProvisionRecord {
            id: row.get(0)?,
            fields: ProvisionRecordInput {
                reference: row.get(1)?,
                direction: row.get(2)?,
                basis: row.get(3)?,
                exception: row.get(4)?,
                public_ground: row.get(27)?,
                recording_method: row.get(5)?,
                provided_on: row.get(6)?,
                last_provided_on: row.get(7)?,
                recorded_on: row.get(8)?,
                recipient_id: row.get(9)?,
                counterparty_name: row.get(10)?,
                counterparty_address: row.get(11)?,
                counterparty_representative: row.get(12)?,
                acquisition_circumstances: row.get(13)?,
                opt_out_published: row.get(14)?,
                persons: list_from_json(&row.get::<_, String>(15)?)?,
                persons_description: row.get(16)?,
                items: list_from_json(&row.get::<_, String>(17)?)?,
                consent_obtained: row.get(18)?,
                consent_note: row.get(19)?,
                holding_ids: Vec::new(),
                notes: row.get(20)?,
                information: row.get(24)?,
                consent_confirmation_method: row.get(25)?,
                foreign_information_confirmed: row.get(26)?,
            },
            version: row.get(21)?,
            created_at: row.get(22)?,
            updated_at: row.get(23)?,
        })
    }

    fn values(&self) -> Vec<Value> {
        let f = &self.fields;
        vec![
            Value::Integer(self.id),
            text(&f.reference),
            text(f.direction.code()),
            text(f.basis.code()),
            f.exception.map_or(Value::Null, |e| text(e.code())),
            text(f.recording_method.code()),
            date(f.provided_on),
            opt_date(f.last_provided_on),
            date(f.recorded_on),
            f.recipient_id.map_or(Value::Null, Value::Integer),
            text(&f.counterparty_name),
            text(&f.counterparty_address),
            text(&f.counterparty_representative),
            text(&f.acquisition_circumstances),
            flag(f.opt_out_published),
            text(&list_to_json(&f.persons)),
            text(&f.persons_description),
            text(&list_to_json(&f.items)),
            flag(f.consent_obtained),
            text(&f.consent_note),
            text(&f.notes),
            Value::Integer(self.version),
            text(&self.created_at),
            text(&self.updated_at),
            text(f.information.code()),
            text(&f.consent_confirmation_method),
            flag(f.foreign_information_confirmed),
            f.public_ground.map_or(Value::Null, |g| text(g.code())),
        ]
    }

    fn row_id(&self) -> i64 {
        self.id
    }
    fn linked_holdings(&self) -> &[i64] {
        &self.fields.holding_ids
    }
    fn set_linked_holdings(&mut self, ids: Vec<i64>) {
        self.fields.holding_ids = ids;
    }
}

impl Table for Measure {
    const TABLE: &'static str = "security_measure";
    const COLUMNS: &'static str =
        "id, heading, title, description, publishable, version, created_at, updated_at";
    // The guideline's order of headings, then the order entered.
    const ORDER_BY: &'static str =
        "CASE heading WHEN 'basicPolicy' THEN 1 WHEN 'handlingRules' THEN 2
        WHEN 'organisational' THEN 3 WHEN 'personnel' THEN 4 WHEN 'physical' THEN 5
        WHEN 'technical' THEN 6 ELSE 7 END, id";
    const HOLDING_LINKS: Option<&'static str> = Some("security_measure_holding");
    const REFERRING_TO_HOLDING: &'static str =
        "SELECT owner_id FROM security_measure_holding WHERE holding_id = ?1 ORDER BY owner_id";

    fn from_row(row: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(Measure {
            id: row.get(0)?,
            fields: MeasureInput {
                heading: row.get(1)?,
                title: row.get(2)?,
                description: row.get(3)?,
                publishable: row.get(4)?,
                holding_ids: Vec::new(),
            },
            version: row.get(5)?,
            created_at: row.get(6)?,
            updated_at: row.get(7)?,
        })
    }

    fn values(&self) -> Vec<Value> {
        let f = &self.fields;
        vec![
            Value::Integer(self.id),
            text(f.heading.code()),
            text(&f.title),
            text(&f.description),
            flag(f.publishable),
            Value::Integer(self.version),
            text(&self.created_at),
            text(&self.updated_at),
        ]
    }

    fn row_id(&self) -> i64 {
        self.id
    }
    fn linked_holdings(&self) -> &[i64] {
        &self.fields.holding_ids
    }
    fn set_linked_holdings(&mut self, ids: Vec<i64>) {
        self.fields.holding_ids = ids;
    }
}

impl Table for Disposal {
    const TABLE: &'static str = "disposal";
    const COLUMNS: &'static str = "id, reference, holding_id, disposed_on, description,
        covers_through, medium, method, method_note, performed_by, witness, vendor,
        certificate_ref, notes, version, created_at, updated_at";
    const ORDER_BY: &'static str = "disposed_on DESC, id DESC";
    const HOLDING_LINKS: Option<&'static str> = None;
    const REFERRING_TO_HOLDING: &'static str =
        "SELECT id FROM disposal WHERE holding_id = ?1 ORDER BY disposed_on, id";

    fn from_row(row: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(Disposal {
            id: row.get(0)?,
            fields: DisposalInput {
                reference: row.get(1)?,
                holding_id: row.get(2)?,
                disposed_on: row.get(3)?,
                description: row.get(4)?,
                covers_through: row.get(5)?,
                medium: row.get(6)?,
                method: row.get(7)?,
                method_note: row.get(8)?,
                performed_by: row.get(9)?,
                witness: row.get(10)?,
                vendor: row.get(11)?,
                certificate_ref: row.get(12)?,
                notes: row.get(13)?,
            },
            version: row.get(14)?,
            created_at: row.get(15)?,
            updated_at: row.get(16)?,
        })
    }

    fn values(&self) -> Vec<Value> {
        let f = &self.fields;
        vec![
            Value::Integer(self.id),
            text(&f.reference),
            Value::Integer(f.holding_id),
            date(f.disposed_on),
            text(&f.description),
            opt_date(f.covers_through),
            text(f.medium.code()),
            text(f.method.code()),
            text(&f.method_note),
            text(&f.performed_by),
            text(&f.witness),
            text(&f.vendor),
            text(&f.certificate_ref),
            text(&f.notes),
            Value::Integer(self.version),
            text(&self.created_at),
            text(&self.updated_at),
        ]
    }

    fn row_id(&self) -> i64 {
        self.id
    }
    fn linked_holdings(&self) -> &[i64] {
        std::slice::from_ref(&self.fields.holding_id)
    }
    fn set_linked_holdings(&mut self, _ids: Vec<i64>) {}
}

impl Table for Objection {
    const TABLE: &'static str = "objection";
    const COLUMNS: &'static str = "id, reference, person, purpose, reason, received_on,
        in_writing, applied_on, applied_by, notes, version, created_at, updated_at, matter_id,
        withdrawn_on";
    const ORDER_BY: &'static str = "received_on DESC, id DESC";
    const HOLDING_LINKS: Option<&'static str> = Some("objection_holding");
    const REFERRING_TO_HOLDING: &'static str =
        "SELECT owner_id FROM objection_holding WHERE holding_id = ?1 ORDER BY owner_id";

    fn from_row(row: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(Objection {
            id: row.get(0)?,
            fields: ObjectionInput {
                reference: row.get(1)?,
                person: row.get(2)?,
                purpose: row.get(3)?,
                reason: row.get(4)?,
                received_on: row.get(5)?,
                in_writing: row.get(6)?,
                applied_on: row.get(7)?,
                applied_by: row.get(8)?,
                holding_ids: Vec::new(),
                notes: row.get(9)?,
                matter_id: row.get(13)?,
                withdrawn_on: row.get(14)?,
            },
            version: row.get(10)?,
            created_at: row.get(11)?,
            updated_at: row.get(12)?,
        })
    }

    fn values(&self) -> Vec<Value> {
        let f = &self.fields;
        vec![
            Value::Integer(self.id),
            text(&f.reference),
            text(&f.person),
            text(&f.purpose),
            text(&f.reason),
            date(f.received_on),
            flag(f.in_writing),
            opt_date(f.applied_on),
            text(&f.applied_by),
            text(&f.notes),
            Value::Integer(self.version),
            text(&self.created_at),
            text(&self.updated_at),
            f.matter_id.map_or(Value::Null, Value::Integer),
            opt_date(f.withdrawn_on),
        ]
    }

    fn row_id(&self) -> i64 {
        self.id
    }
    fn linked_holdings(&self) -> &[i64] {
        &self.fields.holding_ids
    }
    fn set_linked_holdings(&mut self, ids: Vec<i64>) {
        self.fields.holding_ids = ids;
    }
}

impl Table for ConsentMatter {
    const TABLE: &'static str = "consent_matter";
    const COLUMNS: &'static str = "id, title, description, published_where, published_since,
        notes, version, created_at, updated_at";
    // The order the organisation entered them, which is the order it publishes them in.
    const ORDER_BY: &'static str = "id";
    const HOLDING_LINKS: Option<&'static str> = Some("consent_matter_holding");
    const REFERRING_TO_HOLDING: &'static str =
        "SELECT owner_id FROM consent_matter_holding WHERE holding_id = ?1 ORDER BY owner_id";

    fn from_row(row: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(ConsentMatter {
            id: row.get(0)?,
            fields: ConsentMatterInput {
                title: row.get(1)?,
                description: row.get(2)?,
                holding_ids: Vec::new(),
                published_where: row.get(3)?,
                published_since: row.get(4)?,
                notes: row.get(5)?,
            },
            version: row.get(6)?,
            created_at: row.get(7)?,
            updated_at: row.get(8)?,
        })
    }

    fn values(&self) -> Vec<Value> {
        let f = &self.fields;
        vec![
            Value::Integer(self.id),
            text(&f.title),
            text(&f.description),
            text(&f.published_where),
            date(f.published_since),
            text(&f.notes),
            Value::Integer(self.version),
            text(&self.created_at),
            text(&self.updated_at),
        ]
    }

    fn row_id(&self) -> i64 {
        self.id
    }
    fn linked_holdings(&self) -> &[i64] {
        &self.fields.holding_ids
    }
    fn set_linked_holdings(&mut self, ids: Vec<i64>) {
        self.fields.holding_ids = ids;
    }
}

/// References of the objections to consent matter `matter_id`.
pub fn objections_to_matter(
    conn: &rusqlite::Connection,
    matter_id: i64,
) -> rusqlite::Result<Vec<String>> {
    let mut stmt =
        conn.prepare("SELECT reference FROM objection WHERE matter_id = ?1 ORDER BY reference")?;
    let rows = stmt.query_map([matter_id], |row| row.get(0))?;
    rows.collect()
}

/// Ids of the provision records made for regular recipient `recipient_id`.
pub fn records_for_recipient(
    conn: &rusqlite::Connection,
    recipient_id: i64,
) -> rusqlite::Result<Vec<String>> {
    let mut stmt = conn.prepare(
        "SELECT reference FROM provision_record WHERE recipient_id = ?1 ORDER BY reference",
    )?;
    let rows = stmt.query_map([recipient_id], |row| row.get(0))?;
    rows.collect()
}
