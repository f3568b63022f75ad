use crate::deadline::{ClosureRange, MonthDay};
use crate::model::deadline_settings::{DeadlineSettings, DeadlineSettingsInput};
use rusqlite::{params, Connection, OptionalExtension};

pub fn get(conn: &Connection) -> rusqlite::Result<Option<DeadlineSettings>> {
    let row = conn
        .query_row(
            "SELECT ordinance_decision_days, ordinance_extension_days, private_target_days,
                    version, updated_at
             FROM deadline_settings WHERE id = 1",
            [],
            |row| {
                Ok(DeadlineSettings {
                    settings: DeadlineSettingsInput {
                        recurring_closures: Vec::new(),
                        closed_dates: Vec::new(),
                        ordinance_decision_days: row.get(0)?,
                        ordinance_extension_days: row.get(1)?,
                        private_target_days: row.get(2)?,
                    },
                    version: row.get(3)?,
                    updated_at: row.get(4)?,
                })
            },
        )
        .optional()?;
    let Some(mut settings) = row else {
        return Ok(None);
    };
    let mut stmt = conn.prepare(
        "SELECT from_month, from_day, to_month, to_day FROM closure_range ORDER BY position",
    )?;
    let ranges = stmt.query_map([], |row| {
        Ok(ClosureRange {
            from: MonthDay {
                month: row.get(0)?,
                day: row.get(1)?,
            },
            to: MonthDay {
                month: row.get(2)?,
                day: row.get(3)?,
            },
        })
    })?;
    settings.settings.recurring_closures = ranges.collect::<rusqlite::Result<_>>()?;
    let mut stmt = conn.prepare("SELECT closed_on FROM closure_date ORDER BY closed_on")?;
    let dates = stmt.query_map([], |row| row.get(0))?;
    settings.settings.closed_dates = dates.collect::<rusqlite::Result<_>>()?;
    Ok(Some(settings))
}

pub fn put(
    conn: &Connection,
    input: &DeadlineSettingsInput,
    version: i64,
    updated_at: &str,
) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO deadline_settings (id, ordinance_decision_days, ordinance_extension_days,
                                        private_target_days, version, updated_at)
         VALUES (1, ?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (id) DO UPDATE SET
            ordinance_decision_days = excluded.ordinance_decision_days,
            ordinance_extension_days = excluded.ordinance_extension_days,
            private_target_days = excluded.private_target_days,
            version = excluded.version, updated_at = excluded.updated_at",
        params![
            input.ordinance_decision_days,
            input.ordinance_extension_days,
            input.private_target_days,
            version,
            updated_at
        ],
    )?;
    conn.execute("DELETE FROM closure_range", [])?;
    for (position, range) in input.recurring_closures.iter().enumerate() {
        conn.execute(
            "INSERT INTO closure_range (position, from_month, from_day, to_month, to_day)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![
                position as i64,
                range.from.month,
                range.from.day,
                range.to.month,
                range.to.day
            ],
        )?;
    }
    conn.execute("DELETE FROM closure_date", [])?;
    for date in &input.closed_dates {
        conn.execute("INSERT INTO closure_date (closed_on) VALUES (?1)", [date])?;
    }
    Ok(())
}
