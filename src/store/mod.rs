//! SQL for each kind of record. Functions here neither validate nor audit: the
//! [`Register`](crate::Register) does both around them, inside one transaction.

pub mod anonymised;
pub mod complaints;
pub mod controls;
pub mod deadline_settings;
pub mod holdings;
pub mod joint_uses;
pub mod management;
pub mod organisation;
pub mod preferences;
pub mod pseudonymised;
pub mod request_procedure;
pub mod requests;
pub mod search;
pub mod sections;
pub mod subcontractors;
pub mod transfers;
// Breach incidents.
pub mod incidents;

use rusqlite::Connection;
use serde::{de::DeserializeOwned, Serialize};

/// The `WHERE` condition for the child rows of one owner (`Some`) or of every owner (`None`),
/// with the owner bound as `?1` either way. One statement for both, `?1 IS NULL OR col = ?1`,
/// is planned once for the general case, as a scan of the whole child table: loading one
/// request read every request's timeline, which made an import quadratic (issue 20). Two texts
/// give SQLite two plans, the single-owner one an index lookup.
pub(crate) fn owned_by(column: &str, owner: Option<i64>) -> String {
    match owner {
        Some(_) => format!("{column} = ?1"),
        None => "?1 IS NULL".to_owned(),
    }
}

/// A list column is a JSON array; a value that fails to parse means the file was edited by
/// something other than Daicho.
pub(crate) fn list_from_json<T: DeserializeOwned>(text: &str) -> rusqlite::Result<Vec<T>> {
    serde_json::from_str(text).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
    })
}

/// An object column is a JSON object, read and written like a list column.
pub(crate) fn object_from_json<T: DeserializeOwned>(text: &str) -> rusqlite::Result<T> {
    serde_json::from_str(text).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
    })
}

pub(crate) fn object_to_json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| "{}".to_owned())
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
pub(crate) const RISK_ASSESSMENT_REFERENCES: ReferenceSeries = ReferenceSeries {
    table: "risk_assessment",
    column: "reference",
    prefix: "RA-",
};
pub(crate) const TRAINING_COURSE_REFERENCES: ReferenceSeries = ReferenceSeries {
    table: "training_course",
    column: "reference",
    prefix: "TC-",
};
pub(crate) const TRAINING_SESSION_REFERENCES: ReferenceSeries = ReferenceSeries {
    table: "training_session",
    column: "reference",
    prefix: "TS-",
};
pub(crate) const AUDIT_REFERENCES: ReferenceSeries = ReferenceSeries {
    table: "internal_audit",
    column: "reference",
    prefix: "IA-",
};
pub(crate) const ACTION_REFERENCES: ReferenceSeries = ReferenceSeries {
    table: "corrective_action",
    column: "reference",
    prefix: "CA-",
};
pub(crate) const REVIEW_REFERENCES: ReferenceSeries = ReferenceSeries {
    table: "management_review",
    column: "reference",
    prefix: "MR-",
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
              + (SELECT count(*) FROM anonymised_information)
              + (SELECT count(*) FROM risk_assessment)
              + (SELECT count(*) FROM training_course)
              + (SELECT count(*) FROM training_session)
              + (SELECT count(*) FROM internal_audit)
              + (SELECT count(*) FROM corrective_action)
              + (SELECT count(*) FROM management_review)",
        [],
        |row| row.get(0),
    )
}

/// Checks foreign keys at commit rather than row by row, for the rest of the transaction:
/// an imported document may list a sub-tier before its parent.
pub fn defer_foreign_keys(conn: &Connection) -> rusqlite::Result<()> {
    conn.pragma_update(None, "defer_foreign_keys", true)
}

#[cfg(test)]
mod tests {
    /// Every child table a single-record load reads, with the column naming its owner
    /// (the statements built with [`super::owned_by`]).
    const CHILDREN: &[(&str, &str)] = &[
        ("holding_data_item", "holding_id"),
        ("request_holding", "request_id"),
        ("request_pause", "request_id"),
        ("request_event", "request_id"),
        ("complaint_holding", "complaint_id"),
        ("complaint_action", "complaint_id"),
        ("subcontractor_item", "subcontractor_id"),
        ("joint_use_holding", "joint_use_id"),
        ("joint_use_party", "joint_use_id"),
        ("joint_use_edition", "joint_use_id"),
        ("incident_holding", "incident_id"),
        ("incident_filing", "incident_id"),
        ("incident_notice", "incident_id"),
        ("incident_event", "incident_id"),
        ("anonymised_provision", "owner_id"),
        ("regular_recipient_holding", "owner_id"),
        ("provision_record_holding", "owner_id"),
        ("security_measure_holding", "owner_id"),
        ("objection_holding", "owner_id"),
        ("consent_matter_holding", "owner_id"),
        ("anonymised_information_holding", "owner_id"),
        ("pseudonymised_information_holding", "owner_id"),
    ];

    fn plan(conn: &rusqlite::Connection, table: &str, condition: &str) -> Vec<String> {
        let sql = format!("EXPLAIN QUERY PLAN SELECT * FROM {table} WHERE {condition}");
        let mut stmt = conn.prepare(&sql).unwrap();
        let rows = stmt.query_map([1], |row| row.get::<_, String>(3)).unwrap();
        rows.collect::<rusqlite::Result<_>>().unwrap()
    }

    /// Issue 20: `?1 IS NULL OR owner = ?1` made every single-record load scan the whole child
    /// table, and an import of n records n² rows.
    #[test]
    fn a_single_record_load_looks_its_children_up_by_index() {
        let conn = crate::db::open_memory().unwrap();
        for (table, column) in CHILDREN {
            let steps = plan(&conn, table, &super::owned_by(column, Some(1)));
            assert!(
                steps.iter().all(|s| !s.starts_with("SCAN"))
                    && steps.iter().any(|s| s.starts_with("SEARCH")),
                "{table}: {steps:?}"
            );
            // What the one-statement form did, for the record.
            let old = plan(&conn, table, &format!("?1 IS NULL OR {column} = ?1"));
            assert!(
                old.iter().any(|s| s.starts_with("SCAN")),
                "{table}: {old:?}"
            );
        }
    }

    #[test]
    fn the_condition_for_every_owner_selects_every_row() {
        let conn = crate::db::open_memory().unwrap();
        conn.execute_batch("CREATE TEMP TABLE t (owner INTEGER); INSERT INTO t VALUES (1), (2);")
            .unwrap();
        let count = |owner: Option<i64>| -> i64 {
            conn.query_row(
                &format!(
                    "SELECT count(*) FROM t WHERE {}",
                    super::owned_by("owner", owner)
                ),
                [owner],
                |row| row.get(0),
            )
            .unwrap()
        };
        assert_eq!((count(None), count(Some(2))), (2, 1));
    }
}
