//! Opening the register file: connection settings, the embedded migrations, and the refusal
//! rules. A file that cannot be opened, or that a newer Daicho wrote, is never modified.

use crate::error::{CoreError, Result};
use rusqlite::{Connection, OpenFlags, TransactionBehavior};
use std::path::Path;
use std::time::Duration;

/// Embedded migrations, in order. Released entries are never edited; a test pins their hashes.
pub const MIGRATIONS: &[(&str, &str)] = &[
    ("0001_init", include_str!("migrations/0001_init.sql")),
    (
        "0002_requests_complaints",
        include_str!("migrations/0002_requests_complaints.sql"),
    ),
    (
        "0003_large_volume",
        include_str!("migrations/0003_large_volume.sql"),
    ),
    (
        "0004_subcontracting_joint_use_transfers",
        include_str!("migrations/0004_subcontracting_joint_use_transfers.sql"),
    ),
    (
        "0005_provision_measures_disposal_objections",
        include_str!("migrations/0005_provision_measures_disposal_objections.sql"),
    ),
    (
        "0006_incidents",
        include_str!("migrations/0006_incidents.sql"),
    ),
];

/// The schema version this binary writes, which is also the newest it can open.
pub fn supported_version() -> i64 {
    MIGRATIONS.len() as i64
}

/// Opens (or creates) the register file at `path` and brings its schema up to date.
pub fn open_file(path: &Path) -> Result<Connection> {
    let unopenable = |reason: String| CoreError::Unopenable {
        path: path.to_owned(),
        reason,
    };
    let exists = path.exists();
    if !exists {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent)
                .map_err(|e| CoreError::io(format!("creating {}", parent.display()), e))?;
        }
    }
    // An existing file is opened without CREATE so that a vanished path is not silently
    // replaced by an empty register.
    let flags = if exists {
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX
    } else {
        OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX
    };
    let conn = Connection::open_with_flags(path, flags).map_err(|e| unopenable(e.to_string()))?;
    // Reading the header is the first thing that touches the file: a file that is not a
    // database, or is damaged, fails here before any pragma could write to it.
    let found: i64 = conn
        .query_row("PRAGMA user_version", [], |row| row.get(0))
        .map_err(|e| unopenable(e.to_string()))?;
    if found > supported_version() {
        return Err(CoreError::TooNew {
            path: path.to_owned(),
            found,
            supported: supported_version(),
        });
    }
    let quick: String = conn
        .query_row("PRAGMA quick_check", [], |row| row.get(0))
        .map_err(|e| unopenable(e.to_string()))?;
    if quick != "ok" {
        return Err(unopenable(format!("integrity check failed: {quick}")));
    }
    configure(&conn, true).map_err(|e| unopenable(e.to_string()))?;
    let mut conn = conn;
    migrate(&mut conn)?;
    Ok(conn)
}

/// A private, migrated register in memory, for tests and previews.
pub fn open_memory() -> Result<Connection> {
    let mut conn = Connection::open_in_memory()?;
    configure(&conn, false)?;
    migrate(&mut conn)?;
    Ok(conn)
}

fn configure(conn: &Connection, on_disk: bool) -> rusqlite::Result<()> {
    if on_disk {
        // WAL lets the UI read while a long export holds a read transaction.
        let _mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |row| row.get(0))?;
    }
    // A register of record: losing the last acknowledged write on power loss is not acceptable,
    // and the write volume is tiny, so FULL costs nothing noticeable.
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    // The schema never needs functions from untrusted sources.
    conn.pragma_update(None, "trusted_schema", "OFF")?;
    conn.busy_timeout(Duration::from_secs(5))?;
    Ok(())
}

/// Applies every pending migration in one transaction: either the register moves to the
/// newest schema or it stays exactly as it was.
fn migrate(conn: &mut Connection) -> Result<()> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Exclusive)?;
    let current: i64 = tx.query_row("PRAGMA user_version", [], |row| row.get(0))?;
    for (index, (_name, sql)) in MIGRATIONS.iter().enumerate() {
        let version = index as i64 + 1;
        if version <= current {
            continue;
        }
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", version)?;
    }
    let violations: i64 =
        tx.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |row| {
            row.get(0)
        })?;
    if violations > 0 {
        return Err(CoreError::Integrity(format!(
            "{violations} foreign key violations after migration"
        )));
    }
    tx.commit()?;
    Ok(())
}
