//! Protecting the register at rest: its passphrase, encrypting a register written before
//! encryption, what the last verification found, and the workstation's protection settings
//! (backup folder and rotation, automatic backups, the idle lock).
//!
//! Invariants:
//! - the register exists on disk only encrypted; a plaintext file is never written, and an
//!   unencrypted register being encrypted is kept until its encrypted copy has verified;
//! - a passphrase change re-encrypts every page in place (`PRAGMA rekey`), and is checked by
//!   opening the file again under the new passphrase before the new key is kept.

pub mod backup;
pub mod passphrase;

use crate::audit::{self, Verification};
use crate::db::{self, supported_version};
use crate::error::{CoreError, FieldError, FieldErrorCode, Result};
use crate::register::verify::verify_connection;
use crate::register::{lock, Register};
use crate::store;
use backup::{BackupInfo, BackupListing, RegisterContents};
use chrono::NaiveDateTime;
use passphrase::Passphrase;
use rusqlite::{Connection, OpenFlags};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::time::Duration;
use ts_rs::TS;

/// What encrypting a register in place did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct EncryptionOutcome {
    pub register_path: PathBuf,
    /// What the register held before and, verified, after.
    pub contents: RegisterContents,
}

/// What the protection section of the settings shows.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ProtectionOverview {
    pub settings: ProtectionSettings,
    /// Where backups go: the chosen folder, or `backups` beside the register.
    pub backup_dir: String,
    pub verification: Option<Verification>,
    pub backups: Vec<BackupListing>,
}

/// The backups the damaged-register screen offers, and the folder they are in.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DamagedBackups {
    pub dir: String,
    pub backups: Vec<BackupListing>,
}

/// What an automatic backup did, for the toast.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct BackupEvent {
    pub info: Option<BackupInfo>,
    pub error: Option<crate::ipc::ErrorReport>,
}
const SETTINGS_KEY: &str = "protection";
pub const MAX_KEEP: u32 = 365;
pub const MAX_LOCK_MINUTES: u32 = 480;

/// The workstation's protection settings, kept in the register's preferences (and audited
/// like any preference).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ProtectionSettings {
    /// Where backups are written; `None` until the officer chooses a folder.
    pub backup_dir: Option<String>,
    /// Keep the newest backup of each of this many recent days.
    pub keep_daily: u32,
    /// Keep the newest backup of each of this many recent ISO weeks.
    pub keep_weekly: u32,
    /// Back up when the app closes, at start when the newest backup is older than a day, and
    /// once a day while it runs.
    pub auto_backup: bool,
    /// Lock after this many minutes without input; 0 never locks on its own.
    pub lock_after_minutes: u32,
}

impl Default for ProtectionSettings {
    fn default() -> Self {
        ProtectionSettings {
            backup_dir: None,
            keep_daily: 7,
            keep_weekly: 8,
            auto_backup: true,
            lock_after_minutes: 10,
        }
    }
}

impl ProtectionSettings {
    /// Whether the app should back up into `dir` on its own at `now` (local wall-clock time):
    /// automatic backups are on, and [`backup::backup_due`] holds for the newest backup
    /// there (`max_age`: [`backup::DAILY_BACKUP_AGE`] at unlock and while the app runs, zero
    /// on close). The settings gate lives here, not in `backup`, which must not depend on
    /// this module that depends on it.
    pub fn automatic_backup_due(
        &self,
        dir: &Path,
        now: NaiveDateTime,
        max_age: Duration,
    ) -> Result<bool> {
        if !self.auto_backup {
            return Ok(false);
        }
        Ok(backup::backup_due(
            backup::newest_backup_time(dir)?,
            now,
            max_age,
        ))
    }

    fn check(&self) -> Result<()> {
        let mut errors = Vec::new();
        let mut range = |field: &str, value: u32, min: u32, max: u32| {
            if value < min || value > max {
                errors.push(FieldError::new(
                    field,
                    FieldErrorCode::OutOfRange,
                    Some(i64::from(max)),
                ));
            }
        };
        range("keepDaily", self.keep_daily, 1, MAX_KEEP);
        range("keepWeekly", self.keep_weekly, 0, MAX_KEEP);
        range(
            "lockAfterMinutes",
            self.lock_after_minutes,
            0,
            MAX_LOCK_MINUTES,
        );
        if let Some(dir) = &self.backup_dir {
            if dir.trim().is_empty() || !Path::new(dir).is_absolute() {
                errors.push(FieldError::new(
                    "backupDir",
                    FieldErrorCode::Malformed,
                    None,
                ));
            }
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(CoreError::Validation(errors))
        }
    }
}

/// Changes the passphrase: `current` must be the one the register was opened with, `new`
/// must pass the strength rule. Every page is re-encrypted; the register is then opened
/// again under `new` before the change is accepted. Backups made earlier keep the
/// passphrase they were made under.
pub fn change_passphrase(
    register: &Register,
    current: &Passphrase,
    new: &Passphrase,
) -> Result<()> {
    let path = register
        .path()
        .map(Path::to_owned)
        .ok_or_else(|| CoreError::Conflict("an in-memory register has no passphrase".to_owned()))?;
    let mut stored = lock(&register.key);
    if stored.as_ref() != Some(current) {
        return Err(CoreError::WrongPassphrase { path });
    }
    if let Err(CoreError::Validation(mut fields)) = new.check_strength() {
        for field in &mut fields {
            field.field = "newPassphrase".to_owned();
        }
        return Err(CoreError::Validation(fields));
    }
    // The witness of the old key goes first: a change cut short must not leave one that
    // would call the old passphrase's refusal damage (db::key_witness).
    db::key_witness::remove(&path)
        .map_err(|e| CoreError::io("removing the key witness beside the register", e))?;
    register.with_connection(|conn| Ok(new.rekey(conn)?))?;
    let check = backup::open_for_reading(&path, new, false)?;
    check.query_row("SELECT count(*) FROM sqlite_schema", [], |row| {
        row.get::<_, i64>(0)
    })?;
    *stored = Some(new.clone());
    if let Err(e) = db::key_witness::leave(&path, new) {
        tracing::warn!(error = %e, "the key witness could not be left beside the register");
    }
    tracing::info!("the register's passphrase was changed");
    Ok(())
}

/// The backups in `dir`, newest first, each described (see [`backup::list_backups`]);
/// a backup without its description is opened under the register's current key.
pub fn backups_in(register: &Register, dir: &Path) -> Result<Vec<backup::BackupListing>> {
    if !dir.is_dir() {
        return Ok(Vec::new());
    }
    let key = lock(&register.key)
        .clone()
        .ok_or_else(|| CoreError::Conflict("an in-memory register has no backups".to_owned()))?;
    backup::list_backups(dir, &key)
}

pub fn settings(register: &Register) -> Result<ProtectionSettings> {
    register.read_all(|conn| {
        Ok(store::preferences::get(conn, SETTINGS_KEY)?
            .and_then(|text| serde_json::from_str(&text).ok())
            .unwrap_or_default())
    })
}

pub fn save_settings(
    register: &Register,
    mut settings: ProtectionSettings,
    actor: &str,
) -> Result<ProtectionSettings> {
    settings.backup_dir = settings
        .backup_dir
        .map(|d| d.trim().to_owned())
        .filter(|d| !d.is_empty());
    settings.check()?;
    let text = serde_json::to_string(&settings)
        .map_err(|e| CoreError::Integrity(format!("saving the settings: {e}")))?;
    register
        .write_all(|tx| crate::register::record::put_preference(tx, actor, SETTINGS_KEY, &text))?;
    Ok(settings)
}

/// Encrypts the unencrypted register at `path` under `key`, in place. The plaintext register
/// is checked first (integrity, audit chain, records); an encrypted copy is written beside it
/// with `sqlcipher_export` and checked again (integrity, the same chain head, the same counts,
/// the same schema); only then is the original moved aside, the copy renamed into its place
/// and opened under `key`, and the original removed. Any failure leaves the original where it
/// was, as it was.
pub fn encrypt_in_place(path: &Path, key: &Passphrase) -> Result<EncryptionOutcome> {
    key.check_strength()?;
    let source = check_plain(path)?;
    let target = db::with_suffix(path, ".encrypting");
    backup::remove_if_present(&target)?;
    if let Err(error) = write_encrypted(path, &target, key, &source) {
        let _ = backup::remove_if_present(&target);
        let _ = backup::remove_if_present(&db::with_suffix(&target, "-journal"));
        return Err(error);
    }
    backup::sync_file(&target)?;
    let aside = db::with_suffix(path, ".unencrypted");
    if aside.symlink_metadata().is_ok() {
        let _ = backup::remove_if_present(&target);
        return Err(CoreError::Conflict(format!(
            "{} already exists from an earlier attempt; move it away, then try again",
            aside.display()
        )));
    }
    let moved = match backup::move_aside(path, &aside) {
        Ok(moved) => moved,
        Err(error) => {
            let _ = backup::remove_if_present(&target);
            return Err(error);
        }
    };
    let swapped = std::fs::rename(&target, path)
        .map_err(|e| CoreError::io(format!("renaming {}", target.display()), e))
        .and_then(|()| {
            backup::sync_parent(path);
            let register = Register::open(path, key)?;
            let report = register.verify()?;
            if !report.is_intact() || report.head != source.chain_head {
                return Err(CoreError::Integrity(
                    "the encrypted register did not verify; the unencrypted one was put back"
                        .to_owned(),
                ));
            }
            Ok(())
        });
    if let Err(error) = swapped {
        for suffix in ["", "-wal", "-shm"] {
            let _ = backup::remove_if_present(&db::with_suffix(path, suffix));
        }
        return Err(match backup::put_back(&moved) {
            Ok(()) => error,
            Err(put_back_error) => CoreError::Integrity(format!(
                "{error}; putting the unencrypted register back failed too ({put_back_error}): \
                 it is kept at {}",
                aside.display()
            )),
        });
    }
    for (_, aside) in &moved {
        backup::remove_if_present(aside)?;
    }
    backup::sync_parent(path);
    tracing::info!("an unencrypted register was encrypted in place");
    Ok(EncryptionOutcome {
        register_path: path.to_owned(),
        contents: source,
    })
}

/// What an unencrypted register holds, after checking that it is a sound Daicho register.
fn check_plain(path: &Path) -> Result<RegisterContents> {
    let conn = db::open_plain_for_reading(path)?;
    let refuse = |reason: String| {
        CoreError::Integrity(format!(
            "{} was not encrypted and was left untouched: {reason}",
            path.display()
        ))
    };
    let version: i64 = conn.query_row("PRAGMA user_version", [], |row| row.get(0))?;
    if version > supported_version() {
        return Err(CoreError::TooNew {
            path: path.to_owned(),
            found: version,
            supported: supported_version(),
        });
    }
    let problems = db::integrity_problems(&conn).map_err(|e| refuse(e.to_string()))?;
    if !problems.is_empty() {
        return Err(refuse(format!(
            "SQLite's integrity check failed: {}",
            problems.join("; ")
        )));
    }
    let broken = if version == supported_version() {
        let report = verify_connection(&conn)?;
        if let Some(record) = report.altered_records.first() {
            return Err(refuse(format!(
                "{} {} {}",
                record.entity, record.entity_id, record.reason
            )));
        }
        report.broken_link
    } else {
        audit::verify_chain(&conn)?.2
    };
    if let Some(link) = broken {
        return Err(refuse(format!(
            "its audit chain is broken at entry #{}: {}",
            link.seq, link.reason
        )));
    }
    backup::read_contents(&conn, version)
}

fn write_encrypted(
    path: &Path,
    target: &Path,
    key: &Passphrase,
    source: &RegisterContents,
) -> Result<()> {
    let target_text = target.to_str().ok_or_else(|| {
        CoreError::io(
            format!("writing {}", target.display()),
            std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                "SQLite needs a path that is valid Unicode",
            ),
        )
    })?;
    {
        let conn = Connection::open_with_flags(
            target_text,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_URI
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        key.apply(&conn)?;
        // The plaintext side is attached read-only and immutable, so nothing can write to it.
        conn.execute(
            "ATTACH DATABASE ?1 AS plain KEY ''",
            [db::file_uri(path, true)?],
        )?;
        conn.query_row("SELECT sqlcipher_export('main', 'plain')", [], |_| Ok(()))?;
        conn.pragma_update(None, "user_version", source.schema_version)?;
        conn.execute_batch("DETACH DATABASE plain")?;
    }
    let copy = backup::open_for_reading(target, key, true)?;
    let copied = backup::examine_register(&copy, target)?;
    if &copied != source {
        return Err(CoreError::Integrity(format!(
            "{} was not encrypted and was left untouched: the encrypted copy does not hold \
             the same records",
            path.display()
        )));
    }
    let plain = db::open_plain_for_reading(path)?;
    if schema_of(&plain)? != schema_of(&copy)? {
        return Err(CoreError::Integrity(format!(
            "{} was not encrypted and was left untouched: the encrypted copy's schema differs",
            path.display()
        )));
    }
    Ok(())
}

fn schema_of(conn: &Connection) -> Result<Vec<(String, String, Option<String>)>> {
    let mut stmt = conn.prepare(
        "SELECT type, name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY name",
    )?;
    let rows = stmt.query_map([], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}
