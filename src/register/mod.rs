//! The register: the one entry point through which every read and write passes. Each write
//! validates its input, changes the records and appends its audit entry in one transaction.

pub(crate) mod complaints;
pub(crate) mod controls;
pub(crate) mod holdings;
pub(crate) mod incidents;
pub(crate) mod organisation;
pub(crate) mod processed;
pub mod quality;
pub(crate) mod record;
pub(crate) mod requests;
pub mod sharing;
pub(crate) mod verify;

pub use holdings::SheetRow;

use crate::audit::Verification;
use crate::error::{CoreError, Result};
use crate::protection::passphrase::Passphrase;
use rusqlite::{Connection, TransactionBehavior};
use serde::Serialize;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

#[derive(Debug)]
pub struct Register {
    // One connection: a single officer's desktop app has one writer, and SQLite serialises
    // writers anyway. The mutex is never held across an await.
    conn: Mutex<Connection>,
    path: Option<PathBuf>,
    /// The key the file is encrypted under, kept to open backups and their checks; `None`
    /// for an in-memory register, which never touches the disk.
    pub(crate) key: Mutex<Option<Passphrase>>,
    /// The last time the audit chain and the records were verified (quickly on open, in full
    /// by verify).
    pub(crate) last_verification: Mutex<Option<Verification>>,
    /// True while [`Register::all_or_nothing`] holds one transaction open for many writes.
    batch: Mutex<bool>,
    /// Opened where nothing can be written ([`crate::db::Access::ReadOnly`]): every write is
    /// refused before it starts.
    read_only: bool,
}

impl Register {
    /// Opens the existing encrypted register file under `key`, migrating it if needed. Nothing
    /// at the path, or an empty file, is refused ([`CoreError::NoRegister`]): a mistyped path
    /// never becomes a new empty register. A file that cannot be opened, is damaged, is not
    /// encrypted, does not open under `key`, or that a newer Daicho wrote, is left untouched
    /// and reported. The audit chain after the verified checkpoint, and the records it speaks
    /// of, are verified on open ([`Register::verify_quick`]); [`Register::last_verification`]
    /// says what was found.
    pub fn open(path: &Path, key: &Passphrase) -> Result<Self> {
        let (conn, access) = crate::db::open_file(path, key)?;
        Self::verified(path, key, conn, access == crate::db::Access::ReadOnly)
    }

    /// Creates the register at `path` when nothing (or an empty file) is there, or opens the
    /// one that is: for `daicho init` and the app's first-run screen only. A new register
    /// needs a passphrase that passes the strength rule.
    pub fn create(path: &Path, key: &Passphrase) -> Result<Self> {
        let new = crate::db::file_kind(path)? == crate::db::FileKind::New;
        let conn = crate::db::create_file(path, key)?;
        if new {
            // A witness left by a register that was once at this path belongs to that one, and
            // would report the new register's empty trail as entries removed.
            crate::audit::witness_file::write(path, None)
                .map_err(|e| CoreError::io("removing an old chain head beside the register", e))?;
        }
        Self::verified(path, key, conn, false)
    }

    fn verified(path: &Path, key: &Passphrase, conn: Connection, read_only: bool) -> Result<Self> {
        let register = Register {
            conn: Mutex::new(conn),
            path: Some(path.to_owned()),
            key: Mutex::new(Some(key.clone())),
            last_verification: Mutex::new(None),
            batch: Mutex::new(false),
            read_only,
        };
        let report = register.verify_quick()?;
        if !report.is_intact() {
            tracing::warn!(
                broken_at = report.broken_link.as_ref().map(|l| l.seq),
                altered = report.altered_records.len(),
                "the audit trail did not verify on open"
            );
        }
        Ok(register)
    }

    pub fn open_in_memory() -> Result<Self> {
        Ok(Register {
            conn: Mutex::new(crate::db::open_memory()?),
            path: None,
            key: Mutex::new(None),
            last_verification: Mutex::new(None),
            batch: Mutex::new(false),
            read_only: false,
        })
    }

    /// The key the register is open under, so that the shell can open it again after work
    /// that needs it closed (a restore that fails puts the previous register back).
    pub fn passphrase(&self) -> Option<Passphrase> {
        lock(&self.key).clone()
    }

    /// What the last verification found: on open, or the last [`Register::verify`].
    pub fn last_verification(&self) -> Option<Verification> {
        lock(&self.last_verification).clone()
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// True when the register was opened where nothing can be written (a read-only mount):
    /// it reads, verifies, prints and exports, and refuses every write.
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    fn conn(&self) -> MutexGuard<'_, Connection> {
        // A panic while holding the lock leaves no half-done SQL behind (the transaction rolls
        // back on drop), so the connection is still good to use.
        lock(&self.conn)
    }

    /// Runs `work` in an IMMEDIATE transaction, so the audit head it reads cannot move before
    /// it appends, and commits only if `work` succeeds. Inside [`Register::all_or_nothing`]
    /// it runs in a savepoint of that one transaction instead: a write that fails undoes only
    /// itself, and nothing is committed until the whole batch is.
    pub(crate) fn write<T>(&self, work: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        if self.read_only {
            return Err(CoreError::ReadOnly);
        }
        let mut conn = self.conn();
        if *lock(&self.batch) {
            let savepoint = conn.savepoint()?;
            let value = work(&savepoint)?;
            savepoint.commit()?;
            return Ok(value);
        }
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let value = work(&tx)?;
        tx.commit()?;
        self.leave_witness(&conn);
        Ok(value)
    }

    /// Runs `work`, which makes many writes through the register's own verbs (the demo), as one
    /// transaction: everything it wrote is committed together, or, if it fails or the process
    /// is killed or the disk fills part-way, nothing is (issue 12, item 6). Each write inside
    /// keeps its own checks and audit entry, so the history reads as if made one by one.
    pub(crate) fn all_or_nothing<T>(&self, work: impl FnOnce() -> Result<T>) -> Result<T> {
        if self.read_only {
            return Err(CoreError::ReadOnly);
        }
        {
            let conn = self.conn();
            let mut batch = lock(&self.batch);
            if *batch {
                return Err(CoreError::Conflict(
                    "another batch of writes is under way; try again when it has finished"
                        .to_owned(),
                ));
            }
            crate::db::begin_batch(&conn)?;
            *batch = true;
        }
        let result = work();
        let conn = self.conn();
        *lock(&self.batch) = false;
        match result {
            Ok(value) => match crate::db::commit_batch(&conn) {
                Ok(()) => {
                    self.leave_witness(&conn);
                    Ok(value)
                }
                Err(e) => {
                    crate::db::roll_back_batch(&conn);
                    Err(e.into())
                }
            },
            Err(error) => {
                crate::db::roll_back_batch(&conn);
                Err(error)
            }
        }
    }

    /// Leaves the chain head beside the register after a commit ([`audit::witness_file`]),
    /// unless the witness already shows a history problem: then it stays as evidence of what
    /// the trail held, until a restore replaces the history. A witness that cannot be written
    /// costs the write nothing; it is only behind, which verification never reports.
    fn leave_witness(&self, conn: &Connection) {
        let Some(path) = &self.path else { return };
        let consistent = match crate::audit::witness_file::read(path) {
            Ok(None) => true,
            Ok(Some(seen)) => matches!(
                crate::audit::compare_with_witness(conn, &seen, crate::audit::Witness::File),
                Ok(None)
            ),
            Err(_) => false,
        };
        if !consistent {
            return;
        }
        match crate::audit::head(conn) {
            Ok(head) => {
                if let Err(e) = crate::audit::witness_file::write(path, head.as_ref()) {
                    tracing::warn!(error = %e, "the chain head could not be left beside the register");
                }
            }
            Err(e) => tracing::warn!(error = %e, "the chain head could not be read after a write"),
        }
    }

    /// Runs `work` in a transaction that is always rolled back: a preview runs the real write
    /// path to learn exactly what it would refuse, and keeps nothing.
    pub(crate) fn rehearse<T>(&self, work: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        let value = work(&tx);
        tx.rollback()?;
        value
    }

    pub(crate) fn read<T>(&self, work: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        let conn = self.conn();
        work(&conn)
    }

    /// True when the register holds no organisation profile and no records.
    pub fn is_empty(&self) -> Result<bool> {
        self.read(|conn| Ok(crate::store::record_count(conn)? == 0))
    }

    /// Runs `work` in one write transaction with access to the crate's insert paths; used by
    /// import and the demo loader, which must write everything or nothing.
    pub(crate) fn write_all<T>(&self, work: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        self.write(work)
    }

    pub(crate) fn read_all<T>(&self, work: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        self.read(work)
    }

    /// Runs `work` on the connection outside any transaction, for whole-file operations
    /// (rekeying) that SQLite refuses inside one.
    pub(crate) fn with_connection<T>(
        &self,
        work: impl FnOnce(&mut Connection) -> Result<T>,
    ) -> Result<T> {
        if self.read_only {
            return Err(CoreError::ReadOnly);
        }
        let mut conn = self.conn();
        work(&mut conn)
    }
}

pub(crate) fn to_json<T: Serialize>(value: &T) -> Value {
    serde_json::to_value(value).unwrap_or(Value::Null)
}

/// Locks `mutex`, recovering from a panic in another holder: every value behind these locks
/// is left consistent between statements.
pub(crate) fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

pub(crate) fn stale(what: &str, reference: &str) -> CoreError {
    CoreError::Conflict(format!(
        "{what} {reference} was changed elsewhere since it was opened; reload it and try again"
    ))
}
