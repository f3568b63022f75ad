//! SQL for each kind of record. Functions here neither validate nor audit: the
//! [`Register`](crate::Register) does both around them, inside one transaction.

pub mod anonymised;
pub mod complaints;
pub mod controls;
pub mod deadline_settings;
pub mod holdings;
pub mod joint_uses;
pub mod organisation;
pub mod preferences;
pub mod pseudonymised;
pub mod request_procedure;
pub mod requests;
pub mod sections;
pub mod subcontractors;
pub mod transfers;
// Breach incidents.
pub mod incidents;

use rusqlite::Connection;
use serde::{de::DeserializeOwned, Serialize};

/// A list column is a JSON array; a value that fails to parse means the file was edited by
/// something other than Daicho.
pub(crate) fn list_from_json<T: DeserializeOwned>(text: &str) -> rusqlite::Result<Vec<T>> {
    serde_json::from_str(text).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
    })
}

pub(crate) fn list_to_json<T: Serialize>(values: &[T]) -> String {
    serde_json::to_string(values).unwrap_or_else(|_| "[]".to_owned())
}

/// A series of human references such as `H-0001`, `R-0001`: unique per table, numbered from
/// the highest one in use. Table and column names come from these constants, never from input.
pub(crate) struct ReferenceSeries {
    table: &'static str,
    column: &'static str,
    prefix: &'static str,
}

pub(crate) const LEDGER_NUMBERS: ReferenceSeries = ReferenceSeries {
    table: "holding",
    column: "ledger_no",
    prefix: "H-",
};
pub(crate) const REQUEST_REFERENCES: ReferenceSeries = ReferenceSeries {
    table: "request",
    column: "reference",
    prefix: "R-",
};
pub(crate) const COMPLAINT_REFERENCES: ReferenceSeries = ReferenceSeries {
    table: "complaint",
    column: "reference",
    prefix: "C-",
};
pub(crate) const SUBCONTRACTOR_REFERENCES: ReferenceSeries = ReferenceSeries {
    table: "subcontractor",
    column: "reference",
    prefix: "SC-",
};
pub(crate) const JOINT_USE_REFERENCES: ReferenceSeries = ReferenceSeries {
    table: "joint_use",
    column: "reference",
    prefix: "JU-",
};
pub(crate) const TRANSFER_REFERENCES: ReferenceSeries = ReferenceSeries {
    table: "transfer",
    column: "reference",
    prefix: "TR-",
};

pub(crate) const PROVISION_REFERENCES: ReferenceSeries = ReferenceSeries {
    table: "provision_record",
    column: "reference",
    prefix: "P-",
};
pub(crate) const DISPOSAL_REFERENCES: ReferenceSeries = ReferenceSeries {
    table: "disposal",
    column: "reference",
    prefix: "D-",
};
pub(crate) const OBJECTION_REFERENCES: ReferenceSeries = ReferenceSeries {
    table: "objection",
    column: "reference",
    prefix: "O-",
};
pub(crate) const INCIDENT_REFERENCES: ReferenceSeries = ReferenceSeries {
    table: "incident",
    column: "reference",
    prefix: "I-",
};

impl ReferenceSeries {
    pub fn is_taken(
        &self,
        conn: &rusqlite::Connection,
        reference: &str,
        except_id: Option<i64>,
    ) -> rusqlite::Result<bool> {
        conn.query_row(
            &format!(
                "SELECT EXISTS (SELECT 1 FROM {} WHERE {} = ?1 AND id IS NOT ?2)",
                self.table, self.column
            ),
            rusqlite::params![reference, except_id],
            |row| row.get(0),
        )
    }

    /// The first free number after the highest one of this series; references typed by the
    /// officer in another style are left out of the count.
    pub fn next(&self, conn: &rusqlite::Connection) -> rusqlite::Result<String> {
        let start = self.prefix.chars().count() + 1;
        let highest: i64 = conn.query_row(
            &format!(
                "SELECT coalesce(max(CAST(substr({column}, {start}) AS INTEGER)), 0) FROM {table}
                 WHERE {column} GLOB '{prefix}[0-9]*' AND substr({column}, {start}) NOT GLOB '*[^0-9]*'",
                column = self.column,
                table = self.table,
                prefix = self.prefix,
            ),
            [],
            |row| row.get(0),
        )?;
        Ok(format!("{}{:04}", self.prefix, highest + 1))
    }
}

/// How many records and profiles the register holds, all kinds together: an import or the
/// demo loads only into a register that holds none.
pub fn record_count(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row(
        "SELECT (SELECT count(*) FROM organisation) + (SELECT count(*) FROM holding)
              + (SELECT count(*) FROM request) + (SELECT count(*) FROM complaint)
              + (SELECT count(*) FROM deadline_settings)
              + (SELECT count(*) FROM subcontractor) + (SELECT count(*) FROM joint_use)
              + (SELECT count(*) FROM transfer)
              + (SELECT count(*) FROM regular_recipient)
              + (SELECT count(*) FROM provision_record)
              + (SELECT count(*) FROM security_measure)
              + (SELECT count(*) FROM disposal) + (SELECT count(*) FROM objection)
              + (SELECT count(*) FROM incident)
              + (SELECT count(*) FROM consent_matter)
              + (SELECT count(*) FROM request_procedure)
              + (SELECT count(*) FROM pseudonymised_information)
              + (SELECT count(*) FROM anonymised_information)",
        [],
        |row| row.get(0),
    )
}

/// Checks foreign keys at commit rather than row by row, for the rest of the transaction:
/// an imported document may list a sub-tier before its parent.
pub fn defer_foreign_keys(conn: &Connection) -> rusqlite::Result<()> {
    conn.pragma_update(None, "defer_foreign_keys", true)
}
