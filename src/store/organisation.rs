use super::{list_from_json, list_to_json};
use crate::model::organisation::{Organisation, OrganisationInput, Regime};
use rusqlite::{params, Connection, OptionalExtension};

pub fn get(conn: &Connection) -> rusqlite::Result<Option<Organisation>> {
    conn.query_row(
        "SELECT name, address, representative, privacy_manager, request_desk, complaint_desk,
                regime, gdpr_applies, version, updated_at, officers
         FROM organisation WHERE id = 1",
        [],
        |row| {
            let regime: String = row.get(6)?;
            Ok(Organisation {
                profile: OrganisationInput {
                    name: row.get(0)?,
                    address: row.get(1)?,
                    representative: row.get(2)?,
                    privacy_manager: row.get(3)?,
                    request_desk: row.get(4)?,
                    complaint_desk: row.get(5)?,
                    regime: Regime::from_code(&regime).ok_or_else(|| {
                        rusqlite::Error::InvalidColumnType(
                            6,
                            regime.clone(),
                            rusqlite::types::Type::Text,
                        )
                    })?,
                    gdpr_applies: row.get(7)?,
                    officers: list_from_json(&row.get::<_, String>(10)?)?,
                },
                version: row.get(8)?,
                updated_at: row.get(9)?,
            })
        },
    )
    .optional()
}

pub fn put(
    conn: &Connection,
    input: &OrganisationInput,
    version: i64,
    now: &str,
) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO organisation (id, name, address, representative, privacy_manager, request_desk,
                                   complaint_desk, regime, gdpr_applies, version, updated_at,
                                   officers)
         VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
         ON CONFLICT (id) DO UPDATE SET
            name = excluded.name, address = excluded.address,
            representative = excluded.representative, privacy_manager = excluded.privacy_manager,
            request_desk = excluded.request_desk, complaint_desk = excluded.complaint_desk,
            regime = excluded.regime, gdpr_applies = excluded.gdpr_applies,
            version = excluded.version, updated_at = excluded.updated_at,
            officers = excluded.officers",
        params![
            input.name,
            input.address,
            input.representative,
            input.privacy_manager,
            input.request_desk,
            input.complaint_desk,
            input.regime.code(),
            input.gdpr_applies,
            version,
            now,
            list_to_json(&input.officers)
        ],
    )?;
    Ok(())
}
