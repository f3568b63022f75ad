//! Row mapping of pseudonymised information (APPI art. 41) onto the shared [`Table`] SQL.

use super::sections::{flag, opt_date, text, Table};
use super::{list_from_json, list_to_json};
use crate::model::pseudonymised::{PseudonymisedInformation, PseudonymisedInformationInput};
use rusqlite::types::Value;
use rusqlite::Row;

impl Table for PseudonymisedInformation {
    const TABLE: &'static str = "pseudonymised_information";
    const COLUMNS: &'static str = "id, name, items, processing_method,
        identifying_descriptions_removed, identification_codes_removed,
        financial_risk_descriptions_removed, purposes, purposes_published_on, published_where,
        deleted_information_security, erased_on, shared_by_joint_use, entrusted, sharing_notes,
        notes, version, created_at, updated_at";
    const ORDER_BY: &'static str = "name, id";
    const HOLDING_LINKS: Option<&'static str> = Some("pseudonymised_information_holding");
    const REFERRING_TO_HOLDING: &'static str = "SELECT owner_id FROM \
        pseudonymised_information_holding WHERE holding_id = ?1 ORDER BY owner_id";

    fn from_row(row: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(PseudonymisedInformation {
            id: row.get(0)?,
            fields: PseudonymisedInformationInput {
                name: row.get(1)?,
                holding_ids: Vec::new(),
                items: list_from_json(&row.get::<_, String>(2)?)?,
                processing_method: row.get(3)?,
                identifying_descriptions_removed: row.get(4)?,
                identification_codes_removed: row.get(5)?,
                financial_risk_descriptions_removed: row.get(6)?,
                purposes: list_from_json(&row.get::<_, String>(7)?)?,
                purposes_published_on: row.get(8)?,
                published_where: row.get(9)?,
                deleted_information_security: row.get(10)?,
                erased_on: row.get(11)?,
                shared_by_joint_use: row.get(12)?,
                entrusted: row.get(13)?,
                sharing_notes: row.get(14)?,
                notes: row.get(15)?,
            },
            version: row.get(16)?,
            created_at: row.get(17)?,
            updated_at: row.get(18)?,
        })
    }

    fn values(&self) -> Vec<Value> {
        let f = &self.fields;
        vec![
            Value::Integer(self.id),
            text(&f.name),
            text(&list_to_json(&f.items)),
            text(&f.processing_method),
            flag(f.identifying_descriptions_removed),
            flag(f.identification_codes_removed),
            flag(f.financial_risk_descriptions_removed),
            text(&list_to_json(&f.purposes)),
            opt_date(f.purposes_published_on),
            text(&f.published_where),
            text(&f.deleted_information_security),
            opt_date(f.erased_on),
            flag(f.shared_by_joint_use),
            flag(f.entrusted),
            text(&f.sharing_notes),
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
