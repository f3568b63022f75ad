//! Backups, restore and the full integrity check.
//!
//! A backup is only worth keeping if it can be restored, so every backup is verified after it
//! is written, and every restore verifies the backup again before it replaces anything:
//! - a backup is `VACUUM INTO` a temporary name, checked, and only then renamed to
//!   `daicho-YYYYMMDD-HHMMSS.db` (local wall-clock time), so a file with that name is always
//!   complete and verified;
//! - beside it a small JSON description (`….db.json`) records what it holds and its SHA-256,
//!   so the restore screen can show a backup's contents without opening it, and a backup
//!   damaged on its way to or from removable media is noticed;
//! - a restore never deletes the register it replaces: it moves it aside and says where, so
//!   the restore can be undone by restoring that file.
//!
//! Files are opened here only through [`open_for_reading`], which applies the key first.
//! `VACUUM INTO` writes the copy under the register's own key, so a backup is encrypted like
//! the register, and opens with the passphrase the register had when the backup was made.

use crate::audit::{self, ChainHead};
use crate::db::{file_uri, supported_version, with_suffix};
use crate::error::{CoreError, Result};
use crate::protection::passphrase::Passphrase;
use crate::register::verify::verify_connection;
use crate::register::Register;
use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, Utc};
use rusqlite::{Connection, OpenFlags};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::HashSet;
use std::fs::File;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;
use ts_rs::TS;

const NAME_PREFIX: &str = "daicho-";
const NAME_SUFFIX: &str = ".db";
const NAME_TIME_FORMAT: &str = "%Y%m%d-%H%M%S";
/// Identifies a backup description, so that another JSON file beside a backup is not misread.
const SIDECAR_FORMAT: &str = "daicho-backup";
const SIDECAR_VERSION: u32 = 1;

/// What a register file holds, as far as a restore screen needs to say.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RegisterContents {
    #[ts(type = "number")]
    pub schema_version: i64,
    #[ts(type = "number")]
    pub holdings: i64,
    #[ts(type = "number")]
    pub requests: i64,
    #[ts(type = "number")]
    pub complaints: i64,
    #[ts(type = "number")]
    pub audit_entries: i64,
    /// The newest audit entry: matches a backup to the exports and paper copies of that state.
    pub chain_head: Option<ChainHead>,
}

/// One backup file: when it was made, what it holds, and how to tell it is still intact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct BackupInfo {
    pub file_name: String,
    /// RFC 3339 in UTC, like every timestamp in the register. For a file without its
    /// description, the time it was last modified.
    pub created_at: String,
    #[ts(type = "number")]
    pub size_bytes: u64,
    /// SHA-256 of the whole file, in hex.
    pub sha256: String,
    pub contents: RegisterContents,
}

/// A backup found in a folder. A file that cannot be described is listed with the reason, so
/// that the officer sees a damaged backup instead of it silently missing from the list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct BackupListing {
    pub path: PathBuf,
    pub info: Option<BackupInfo>,
    pub problem: Option<String>,
}

/// What a restore did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RestoreOutcome {
    pub register_path: PathBuf,
    pub restored: BackupInfo,
    /// Where the register that was replaced now is; restoring this file undoes the restore.
    /// `None` when there was no register to replace.
    pub previous_register: Option<PathBuf>,
    /// The last audit entry the replaced register's witness had seen, when the restored
    /// register's history ends before it: the entries after the backup's head are only in the
    /// register kept aside. `None` when nothing was rolled back.
    #[ts(type = "number | null")]
    pub rolled_back_from: Option<i64>,
}

/// The result of SQLite's full integrity check and foreign-key check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct IntegrityReport {
    pub ok: bool,
    /// What `PRAGMA integrity_check` reported, one problem a line (at most 100).
    pub problems: Vec<String>,
    pub foreign_key_violations: Vec<ForeignKeyViolation>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ForeignKeyViolation {
    pub table: String,
    #[ts(type = "number | null")]
    pub rowid: Option<i64>,
    /// The table the row should point into.
    pub parent: String,
}

/// What [`Register::back_up_and_rotate`] did.
#[derive(Debug)]
pub struct RotatedBackup {
    /// The new backup, written and verified.
    pub info: BackupInfo,
    /// The old backups rotation removed, or why it stopped.
    pub rotation: Result<Vec<PathBuf>>,
    /// What an earlier backup, killed half-way, had left in the folder and was removed.
    pub leftovers_removed: Vec<PathBuf>,
}

/// How old the newest backup may be before an automatic backup is due: one a day.
pub const DAILY_BACKUP_AGE: Duration = Duration::from_secs(24 * 60 * 60);

/// The automatic-backup rule: a backup is due at `now` when there is none yet, or when the
/// newest (`newest`, from its name, local wall-clock time like `now`) is at least `max_age`
/// old. A `max_age` of zero is always due (the backup on close). A newest backup dated after
/// `now` means a clock was wrong: its age counts as zero, so no backup is due (but on close)
/// until `now` is `max_age` past it, rather than one on every check.
pub fn backup_due(newest: Option<NaiveDateTime>, now: NaiveDateTime, max_age: Duration) -> bool {
    newest
        .is_none_or(|time| now.signed_duration_since(time).to_std().unwrap_or_default() >= max_age)
}

/// The description written beside each backup.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Sidecar {
    format: String,
    format_version: u32,
    backup: BackupInfo,
}

/// Why a file is not a usable register copy.
enum Refusal {
    TooNew(i64),
    Unusable(String),
}

/// Writes a verified copy of the register into `dir` (created if missing) as
/// `daicho-YYYYMMDD-HHMMSS.db`, named after `now` in its own offset, with its description
/// beside it. A damaged register (full integrity check) is refused before anything is
/// written; a copy that does not verify (broken audit chain, a record that differs from
/// its audited state, or a chain head other than the register's) is deleted and refused:
/// a backup must be something the officer can safely restore. An existing backup of the
/// same second is never overwritten.
///
/// Backups into one folder take turns (a lock file in the folder), so that several at once
/// (the app's automatic backup and a scheduled `daicho backup`) never remove each other's
/// half-written copy; a second backup in the same second of a register that has not changed
/// since reports the backup already made.
pub fn backup_to(
    register: &Register,
    dir: &Path,
    now: DateTime<FixedOffset>,
) -> Result<BackupInfo> {
    let _turn = FolderTurn::take(dir)?;
    backup_in_turn(register, dir, now)
}

/// Holds the backup folder locked while it lives. The lock goes with the process, so a backup
/// killed half-way never leaves the folder locked.
struct FolderTurn {
    _file: File,
}

impl FolderTurn {
    fn take(dir: &Path) -> Result<Self> {
        std::fs::create_dir_all(dir)
            .map_err(|e| CoreError::io(format!("creating {}", dir.display()), e))?;
        let io = |e| CoreError::io(format!("locking {}", dir.display()), e);
        let file = Self::lockable(dir).map_err(io)?;
        file.lock().map_err(io)?;
        Ok(FolderTurn { _file: file })
    }

    /// On Unix the folder itself is locked, so nothing is added to it.
    #[cfg(unix)]
    fn lockable(dir: &Path) -> std::io::Result<File> {
        File::open(dir)
    }

    /// Elsewhere a folder cannot be opened as a file: a lock file in it, kept for the next
    /// backup (removing it would let two backups lock two different files).
    #[cfg(not(unix))]
    fn lockable(dir: &Path) -> std::io::Result<File> {
        std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(dir.join(".daicho-backup.lock"))
    }
}

/// Removes what a backup killed half-way left in `dir`: the copy under its temporary name,
/// SQLite's journal beside it, and a half-written description. Only names this code writes
/// (a backup's exact name followed by `.part`, `.part-journal`, `.part-wal`, `.json.part`)
/// are touched, and only while holding the folder's turn, when no backup is writing them.
/// Returns what was removed, for the caller to report.
pub fn remove_leftovers(dir: &Path) -> Result<Vec<PathBuf>> {
    let _turn = FolderTurn::take(dir)?;
    leftovers_in_turn(dir)
}

fn leftovers_in_turn(dir: &Path) -> Result<Vec<PathBuf>> {
    let io = |e| CoreError::io(format!("reading {}", dir.display()), e);
    let mut removed = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(io)? {
        let entry = entry.map_err(io)?;
        if !entry.file_type().map_err(io)?.is_file() {
            continue;
        }
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        let leftover = [
            ".part",
            ".part-journal",
            ".part-wal",
            ".part-shm",
            ".json.part",
        ]
        .iter()
        .any(|suffix| {
            name.strip_suffix(suffix)
                .is_some_and(|backup| backup_time(backup).is_some())
        });
        if leftover {
            remove_if_present(&entry.path())?;
            removed.push(entry.path());
        }
    }
    if !removed.is_empty() {
        tracing::warn!(
            count = removed.len(),
            "removed what an interrupted backup left in the backup folder"
        );
    }
    removed.sort();
    Ok(removed)
}

fn backup_in_turn(
    register: &Register,
    dir: &Path,
    now: DateTime<FixedOffset>,
) -> Result<BackupInfo> {
    let file_name = backup_file_name(now.naive_local());
    let target = dir.join(&file_name);
    if target.symlink_metadata().is_ok() {
        let head = register.read_all(audit::head)?;
        // The same second and the same history: the backup asked for is the one just made.
        if let Some(info) = read_sidecar(&target).filter(|info| info.contents.chain_head == head) {
            if hash_file(&target).is_ok_and(|(_, sha256)| sha256 == info.sha256) {
                return Ok(info);
            }
        }
        return Err(CoreError::Conflict(format!(
            "a backup named {} already exists; it was left as it is (back up again in a \
             second)",
            target.display()
        )));
    }
    let part = with_suffix(&target, ".part");
    let sidecar = sidecar_path(&target);
    remove_if_present(&part)?;
    let result = write_backup(register, &part, &target, &sidecar, file_name, now);
    if result.is_err() {
        // Only our own half-written files: the target name never existed.
        let _ = remove_if_present(&part);
        let _ = remove_if_present(&with_suffix(&sidecar, ".part"));
        if target.symlink_metadata().is_err() {
            let _ = remove_if_present(&sidecar);
        }
    }
    result
}

/// Writes a verified backup into `dir` ([`Register::backup_to`]), then rotates the folder
/// ([`prune_backups`]), counting days and weeks from `now`'s date. The one sequence the
/// CLI's `backup`, the app's "back up now" and its automatic backups all run.
///
/// Rotation runs only once the new backup has verified, so a failed backup never costs an
/// old one. A rotation that fails leaves the new backup in place: its error is returned
/// beside the backup, not instead of it, so the caller can still say where it went.
pub fn back_up_and_rotate(
    register: &Register,
    dir: &Path,
    keep_daily: u32,
    keep_weekly: u32,
    now: DateTime<FixedOffset>,
) -> Result<RotatedBackup> {
    let _turn = FolderTurn::take(dir)?;
    let leftovers_removed = leftovers_in_turn(dir)?;
    let info = backup_in_turn(register, dir, now)?;
    let rotation = prune_backups(dir, keep_daily, keep_weekly, now.date_naive());
    Ok(RotatedBackup {
        info,
        rotation,
        leftovers_removed,
    })
}

fn write_backup(
    register: &Register,
    part: &Path,
    target: &Path,
    sidecar: &Path,
    file_name: String,
    now: DateTime<FixedOffset>,
) -> Result<BackupInfo> {
    let part_text = part.to_str().ok_or_else(|| {
        CoreError::io(
            format!("writing {}", part.display()),
            std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                "SQLite needs a backup folder whose path is valid Unicode",
            ),
        )
    })?;
    let key = crate::register::lock(&register.key)
        .clone()
        .ok_or_else(|| CoreError::Conflict("an in-memory register is not backed up".to_owned()))?;
    let head = register.read_all(|conn| {
        let problems = integrity_problems(conn)?;
        if !problems.is_empty() {
            return Err(CoreError::Integrity(format!(
                "the register is damaged and was not backed up (restore a good backup \
                 instead): {}",
                problems.join("; ")
            )));
        }
        let head = audit::head(conn)?;
        conn.execute("VACUUM INTO ?1", [part_text])?;
        Ok(head)
    })?;
    sync_file(part)?;
    let contents = {
        let conn = open_for_reading(part, &key, true)
            .map_err(|e| not_backed_up(format!("its copy cannot be opened: {e}")))?;
        examine(&conn).map_err(|refusal| match refusal {
            Refusal::TooNew(found) => not_backed_up(format!("its copy has schema version {found}")),
            Refusal::Unusable(reason) => not_backed_up(reason),
        })?
    };
    if contents.chain_head != head {
        return Err(not_backed_up(
            "the register changed while it was being copied; back up again".to_owned(),
        ));
    }
    let (size_bytes, sha256) = hash_file(part)?;
    let info = BackupInfo {
        file_name,
        created_at: now
            .with_timezone(&Utc)
            .format("%Y-%m-%dT%H:%M:%S%.3fZ")
            .to_string(),
        size_bytes,
        sha256,
        contents,
    };
    let description = Sidecar {
        format: SIDECAR_FORMAT.to_owned(),
        format_version: SIDECAR_VERSION,
        backup: info.clone(),
    };
    let json = serde_json::to_vec_pretty(&description)
        .map_err(|e| CoreError::Integrity(format!("describing the backup: {e}")))?;
    // The description goes first, so that a backup under its final name always has one.
    write_synced(sidecar, &json)?;
    std::fs::rename(part, target)
        .map_err(|e| CoreError::io(format!("renaming {}", part.display()), e))?;
    sync_parent(target);
    Ok(info)
}

/// Runs SQLite's full `integrity_check` and `foreign_key_check`. Slower than the quick
/// check done on every open; meant for the verify screen and before backups.
pub fn integrity(register: &Register) -> Result<IntegrityReport> {
    register.read_all(|conn| {
        let problems = integrity_problems(conn)?;
        let mut stmt = conn.prepare("PRAGMA foreign_key_check")?;
        let rows = stmt.query_map([], |row| {
            Ok(ForeignKeyViolation {
                table: row.get(0)?,
                rowid: row.get(1)?,
                parent: row.get(2)?,
            })
        })?;
        let foreign_key_violations = rows.collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(IntegrityReport {
            ok: problems.is_empty() && foreign_key_violations.is_empty(),
            problems,
            foreign_key_violations,
        })
    })
}

/// Describes a backup cheaply: from its description if there is one (after checking that the
/// file still has the SHA-256 recorded there), otherwise by opening it read-only and checking
/// it as [`verify_backup`] does. The file is never modified.
pub fn inspect_backup(path: &Path, key: &Passphrase) -> Result<BackupInfo> {
    describe_backup(path, key, false)
}

/// Checks a backup as a restore does: the recorded SHA-256 if it has a description, then
/// SQLite's integrity check, a schema this Daicho knows, an intact audit chain and records
/// that match it. The file is never modified.
pub fn verify_backup(path: &Path, key: &Passphrase) -> Result<BackupInfo> {
    describe_backup(path, key, true)
}

fn describe_backup(path: &Path, key: &Passphrase, open_always: bool) -> Result<BackupInfo> {
    let metadata = std::fs::metadata(path)
        .map_err(|e| CoreError::io(format!("reading {}", path.display()), e))?;
    if !metadata.is_file() {
        return Err(unusable(path, "it is not a file".to_owned()));
    }
    let (size_bytes, sha256) = hash_file(path)?;
    let recorded = read_sidecar(path);
    if let Some(recorded) = &recorded {
        if recorded.sha256 != sha256 || recorded.size_bytes != size_bytes {
            return Err(unusable(
                path,
                "it has changed since it was written (its SHA-256 no longer matches the one \
                 recorded beside it), so it is damaged or was altered"
                    .to_owned(),
            ));
        }
        if !open_always {
            // The description says what the backup holds, not that this passphrase opens it:
            // a listing under another passphrase would otherwise call every backup fine
            // (issue 12, item 12). One key derivation per backup.
            drop(open_for_reading(path, key, true)?);
            return Ok(BackupInfo {
                file_name: file_name_of(path),
                ..recorded.clone()
            });
        }
    }
    let conn = open_for_reading(path, key, true)?;
    let contents = examine_register(&conn, path)?;
    drop(conn);
    if let Some(recorded) = recorded {
        if recorded.contents != contents {
            return Err(unusable(
                path,
                "it does not hold what the description beside it says".to_owned(),
            ));
        }
        return Ok(BackupInfo {
            file_name: file_name_of(path),
            ..recorded
        });
    }
    let modified: DateTime<Utc> = metadata
        .modified()
        .map_err(|e| CoreError::io(format!("reading {}", path.display()), e))?
        .into();
    Ok(BackupInfo {
        file_name: file_name_of(path),
        created_at: modified.format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string(),
        size_bytes,
        sha256,
        contents,
    })
}

/// What a register file holds, read without changing it: for showing the current register
/// beside a backup before a restore. Unlike a backup, a live register's write-ahead log is
/// read too, so the counts include its latest writes.
pub fn inspect_register(path: &Path, key: &Passphrase) -> Result<RegisterContents> {
    if !path.exists() {
        return Err(CoreError::NotFound {
            entity: "register",
            id: path.display().to_string(),
        });
    }
    // A register closed cleanly has no write-ahead log to read and is opened like a backup,
    // leaving no -wal or -shm behind; one that is open or crashed needs its log read.
    let has_log = std::fs::metadata(with_suffix(path, "-wal")).is_ok_and(|m| m.len() > 0);
    let conn = open_for_reading(path, key, !has_log)?;
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |row| row.get(0))
        .map_err(|e| unopenable(path, e))?;
    read_contents(&conn, version).map_err(|e| match e {
        CoreError::Storage(e) => unopenable(path, e),
        other => other,
    })
}

/// Every backup in `dir` that this code named, newest first, each described by
/// [`inspect_backup`] or with the reason it cannot be.
pub fn list_backups(dir: &Path, key: &Passphrase) -> Result<Vec<BackupListing>> {
    Ok(backup_files(dir)?
        .into_iter()
        .map(|(_, path)| match inspect_backup(&path, key) {
            Ok(info) => BackupListing {
                path,
                info: Some(info),
                problem: None,
            },
            Err(error) => BackupListing {
                path,
                info: None,
                problem: Some(error.to_string()),
            },
        })
        .collect())
}

/// Removes old backups from `dir`, keeping the newest backup of each of the last `keep_daily`
/// days (today included) and of each of the last `keep_weekly` ISO weeks (this week
/// included). The newest backup is always kept, and so is any dated after `today`: a clock
/// was wrong, and nothing can be concluded about their age (the newest backup then means the
/// newest not after `today`, so a wrong clock cannot cost the last good backup), and so is the
/// newest of those whose description records the longest audit trail. Only files
/// named exactly like the backups this code writes are considered, and only those whose
/// description records their size and SHA-256 are removed; their descriptions go with them.
/// Returns what was removed.
pub fn prune_backups(
    dir: &Path,
    keep_daily: u32,
    keep_weekly: u32,
    today: NaiveDate,
) -> Result<Vec<PathBuf>> {
    let monday = |day: NaiveDate| {
        day - chrono::Duration::days(i64::from(day.weekday().num_days_from_monday()))
    };
    let this_week = monday(today);
    let mut days = HashSet::new();
    let mut weeks = HashSet::new();
    let mut removed = Vec::new();
    let mut newest_kept = false;
    let backups = backup_files(dir)?;
    // The backup holding the longest history is kept whatever its age: when the register's
    // trail was cut (entries removed from its end), later backups hold the shorter trail, and
    // this one may be the last copy of what was removed (issue 12, item 10). Newest first, so
    // of equals the newest is the one kept.
    let longest_history = backups
        .iter()
        .filter_map(|(_, path)| {
            let seq = read_sidecar(path)?.contents.chain_head?.seq;
            Some((seq, path))
        })
        .fold(None::<(i64, &PathBuf)>, |best, (seq, path)| match best {
            Some((best_seq, _)) if best_seq >= seq => best,
            _ => Some((seq, path)),
        })
        .map(|(_, path)| path.clone());
    for (time, path) in backups {
        let day = time.date();
        if day > today {
            continue;
        }
        let week = monday(day);
        let recent_day = (today - day).num_days() < i64::from(keep_daily);
        let recent_week = (this_week - week).num_days() / 7 < i64::from(keep_weekly);
        // Newest first, so the first backup seen of a day or week is its newest.
        let keep_for_day = recent_day && days.insert(day);
        let keep_for_week = recent_week && weeks.insert(week);
        let newest = !std::mem::replace(&mut newest_kept, true);
        let longest = longest_history.as_ref() == Some(&path);
        if newest || keep_for_day || keep_for_week || longest {
            continue;
        }
        // Only a backup this code wrote is removed, recognised by its content: the description
        // beside it, written with it, records this very file's size and SHA-256. A file that
        // only has the name (a copy someone put there, a file of their own) is left alone.
        if !written_here(&path) {
            tracing::warn!(
                "rotation left a file named like a backup that has no matching description"
            );
            continue;
        }
        std::fs::remove_file(&path)
            .map_err(|e| CoreError::io(format!("removing {}", path.display()), e))?;
        remove_if_present(&sidecar_path(&path))?;
        removed.push(path);
    }
    Ok(removed)
}

/// Replaces the register at `register_path` with the backup at `backup_path`. The register
/// must be closed. The backup is verified first; the current register (with its -wal and
/// -shm) is moved aside to `<name>.before-restore-YYYYMMDD-HHMMSS`, never deleted; the backup
/// is copied in under a temporary name and renamed into place, then opened and verified. If
/// any step fails, the previous register is put back.
pub fn restore(
    register_path: &Path,
    backup_path: &Path,
    key: &Passphrase,
    now: DateTime<FixedOffset>,
) -> Result<RestoreOutcome> {
    let info = verify_backup(backup_path, key)?;
    if let Some(dir) = parent_dir(register_path) {
        std::fs::create_dir_all(dir)
            .map_err(|e| CoreError::io(format!("creating {}", dir.display()), e))?;
    }
    let incoming = with_suffix(register_path, ".restoring");
    remove_if_present(&incoming)?;
    if let Err(error) = copy_in(backup_path, &incoming, &info) {
        let _ = remove_if_present(&incoming);
        return Err(error);
    }
    let aside = with_suffix(
        register_path,
        &format!(
            ".before-restore-{}",
            now.naive_local().format(NAME_TIME_FORMAT)
        ),
    );
    if aside.symlink_metadata().is_ok() {
        let _ = remove_if_present(&incoming);
        return Err(CoreError::Conflict(format!(
            "{} already exists; it was left as it is. Try again in a second",
            aside.display()
        )));
    }
    // The head the replaced register's witness saw: the restored history starts again from
    // the backup's head, and entries after it are reported as rolled back.
    let witnessed = audit::witness_file::read(register_path).ok().flatten();
    if let Some(seen) = &witnessed {
        if let Err(error) = same_history(register_path, backup_path, key, seen) {
            let _ = remove_if_present(&incoming);
            return Err(error);
        }
    }
    let moved = match keep_aside(register_path, &aside) {
        Ok(moved) => moved,
        Err(error) => {
            let _ = remove_if_present(&incoming);
            return Err(error);
        }
    };
    // From here the previous register is safe at `aside` whatever happens, and the register's
    // path keeps a whole register (the previous one, then the backup, swapped by one rename):
    // a restore killed at any point leaves a register that opens (issue 12).
    let swapped = remove_journals(register_path)
        .and_then(|()| {
            // The replaced register's key witness is not the backup's (db::key_witness).
            crate::db::key_witness::remove(register_path)
                .map_err(|e| CoreError::io("removing the key witness beside the register", e))
        })
        .and_then(|()| {
            std::fs::rename(&incoming, register_path)
                .map_err(|e| CoreError::io(format!("renaming {}", incoming.display()), e))
        })
        .and_then(|()| {
            sync_parent(register_path);
            audit::witness_file::write(register_path, info.contents.chain_head.as_ref())
                .map_err(|e| CoreError::io("writing the chain head beside the register", e))
        })
        .and_then(|()| check_restored(register_path, key, &info));
    if let Err(error) = swapped {
        let _ = remove_if_present(&incoming);
        for suffix in SQLITE_FILES.iter().skip(1) {
            let _ = remove_if_present(&with_suffix(register_path, suffix));
        }
        let _ = audit::witness_file::write(register_path, witnessed.as_ref());
        return Err(match put_back(&moved) {
            Ok(()) => error,
            Err(put_back_error) => CoreError::Integrity(format!(
                "{error}; putting the previous register back failed too ({put_back_error}): it \
                 is kept at {}",
                aside.display()
            )),
        });
    }
    let restored_seq = info.contents.chain_head.as_ref().map_or(0, |h| h.seq);
    let rolled_back_from = witnessed
        .map(|head| head.seq)
        .filter(|&seq| seq > restored_seq);
    if let Some(seq) = rolled_back_from {
        tracing::warn!(
            from = seq,
            to = restored_seq,
            "the restore took the audit trail back to an earlier entry"
        );
    }
    Ok(RestoreOutcome {
        register_path: register_path.to_owned(),
        restored: info,
        previous_register: (!moved.is_empty()).then_some(aside),
        rolled_back_from,
    })
}

/// Refuses a backup whose trail holds something else at the entry the replaced register's
/// witness saw: it is not a copy of this register's history, but another register's or one
/// rewritten and recomputed by someone with the passphrase (issue 12, item 11). A backup that
/// ends before that entry (an earlier copy) is a roll-back, which the restore reports.
fn same_history(
    register_path: &Path,
    backup_path: &Path,
    key: &Passphrase,
    seen: &audit::ChainHead,
) -> Result<()> {
    let conn = open_for_reading(backup_path, key, true)?;
    match audit::compare_with_witness(&conn, seen, audit::Witness::File)? {
        Some(audit::HistoryProblem::DiffersFromWitness { seq, .. }) => {
            Err(CoreError::Integrity(format!(
                "the backup's history holds something else at entry #{seq} than this \
                 register's (the chain head left beside it): it is not a copy of this \
                 register's history, and nothing was replaced. To replace this register with \
                 another one on purpose, move {} away first",
                audit::witness_file::path_of(register_path).display()
            )))
        }
        _ => Ok(()),
    }
}

/// Keeps the register and its journal files at `aside` as well, without taking them from
/// their place: a hard link (a copy where the file system has none). Returns the pairs that
/// [`put_back`] renames back over the register's path should the restore fail.
fn keep_aside(register_path: &Path, aside: &Path) -> Result<Vec<(PathBuf, PathBuf)>> {
    let mut kept: Vec<(PathBuf, PathBuf)> = Vec::new();
    for suffix in SQLITE_FILES {
        let from = with_suffix(register_path, suffix);
        if from.symlink_metadata().is_err() {
            continue;
        }
        let to = with_suffix(aside, suffix);
        let linked = std::fs::hard_link(&from, &to)
            .or_else(|_| std::fs::copy(&from, &to).and_then(|_| sync_file_io(&to)));
        if let Err(e) = linked {
            for (_, done) in &kept {
                let _ = remove_if_present(done);
            }
            let _ = remove_if_present(&to);
            return Err(CoreError::io(
                format!(
                    "keeping {} aside; nothing was replaced",
                    register_path.display()
                ),
                e,
            ));
        }
        kept.push((from, to));
    }
    if let Some((_, to)) = kept.first() {
        sync_parent(to);
    }
    Ok(kept)
}

fn sync_file_io(path: &Path) -> std::io::Result<()> {
    File::open(path).and_then(|file| file.sync_all())
}

/// Removes the register's journal files, which belong to the register being replaced and
/// would be replayed into the restored one. They are kept aside already.
fn remove_journals(register_path: &Path) -> Result<()> {
    for suffix in SQLITE_FILES.iter().skip(1) {
        remove_if_present(&with_suffix(register_path, suffix))?;
    }
    Ok(())
}

/// The files SQLite keeps for one database: moved together, or its journal would be applied
/// to the wrong file.
const SQLITE_FILES: [&str; 4] = ["", "-wal", "-shm", "-journal"];

fn copy_in(backup_path: &Path, incoming: &Path, info: &BackupInfo) -> Result<()> {
    std::fs::copy(backup_path, incoming)
        .map_err(|e| CoreError::io(format!("copying to {}", incoming.display()), e))?;
    sync_file(incoming)?;
    // Removable media can hand back other bytes on a second read.
    let (_, sha256) = hash_file(incoming)?;
    if sha256 != info.sha256 {
        return Err(CoreError::Integrity(format!(
            "the copy of {} read back differently from the backup; nothing was replaced",
            backup_path.display()
        )));
    }
    Ok(())
}

/// Moves the register and any of its journal files to `aside`; on failure moves back what
/// was moved. A stray -wal is moved even without its register, or SQLite would replay it into
/// the restored file.
pub(crate) fn move_aside(register_path: &Path, aside: &Path) -> Result<Vec<(PathBuf, PathBuf)>> {
    let mut moved = Vec::new();
    for suffix in SQLITE_FILES {
        let from = with_suffix(register_path, suffix);
        if from.symlink_metadata().is_err() {
            continue;
        }
        let to = with_suffix(aside, suffix);
        if let Err(e) = std::fs::rename(&from, &to) {
            let error = CoreError::io(
                format!(
                    "moving {} aside; nothing was replaced",
                    register_path.display()
                ),
                e,
            );
            let _ = put_back(&moved);
            return Err(error);
        }
        moved.push((from, to));
    }
    if let Some((_, to)) = moved.first() {
        sync_parent(to);
    }
    Ok(moved)
}

pub(crate) fn put_back(moved: &[(PathBuf, PathBuf)]) -> Result<()> {
    let mut first_error = None;
    for (original, aside) in moved {
        if let Err(e) = std::fs::rename(aside, original) {
            first_error.get_or_insert(CoreError::io(format!("moving {} back", aside.display()), e));
        }
    }
    first_error.map_or(Ok(()), Err)
}

fn check_restored(register_path: &Path, key: &Passphrase, info: &BackupInfo) -> Result<()> {
    let register = Register::open(register_path, key)?;
    let report = register.verify()?;
    if !report.is_intact() || report.head != info.contents.chain_head {
        return Err(CoreError::Integrity(format!(
            "the restored register did not verify, so the previous register was put back \
             (audit chain head {:?}, expected {:?})",
            report.head, info.contents.chain_head
        )));
    }
    Ok(())
}

/// Opens a register file for reading only. `immutable` is for backups, which nobody writes:
/// SQLite then takes no locks and creates no -wal or -shm beside them, so examining a file
/// on read-only media, or a file that is not ours, changes nothing. The key is applied before
/// the first read; a key that does not open the file is reported as such.
pub(crate) fn open_for_reading(
    path: &Path,
    key: &Passphrase,
    immutable: bool,
) -> Result<Connection> {
    let wal = with_suffix(path, "-wal");
    if immutable && std::fs::metadata(&wal).is_ok_and(|m| m.len() > 0) {
        return Err(CoreError::Conflict(format!(
            "{} has writes in {} that a copy of it alone would lose; open it once with Daicho \
             (for example `daicho --db {} verify`) so that they are written into it, then try \
             again",
            path.display(),
            wal.display(),
            path.display()
        )));
    }
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
        | OpenFlags::SQLITE_OPEN_URI
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(file_uri(path, immutable)?, flags)
        .map_err(|e| unopenable(path, e))?;
    key.apply(&conn).map_err(|e| unopenable(path, e))?;
    match conn.query_row("SELECT count(*) FROM sqlite_schema", [], |row| {
        row.get::<_, i64>(0)
    }) {
        Ok(_) => Ok(conn),
        Err(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::NotADatabase) => {
            match crate::db::file_kind(path)? {
                crate::db::FileKind::Plain => Err(CoreError::Unencrypted {
                    path: path.to_owned(),
                }),
                crate::db::FileKind::Encrypted => Err(CoreError::WrongPassphrase {
                    path: path.to_owned(),
                }),
                _ => Err(unopenable(path, e)),
            }
        }
        Err(e) => Err(unopenable(path, e)),
    }
}

/// Checks an opened copy the way a restore must trust it, with the refusal worded for `path`.
pub(crate) fn examine_register(conn: &Connection, path: &Path) -> Result<RegisterContents> {
    examine(conn).map_err(|refusal| match refusal {
        Refusal::TooNew(found) => CoreError::TooNew {
            path: path.to_owned(),
            found,
            supported: supported_version(),
        },
        Refusal::Unusable(reason) => unusable(path, reason),
    })
}

/// Checks an opened copy the way a restore must trust it. Any SQL error while reading means
/// the file is not usable, whatever SQLite calls it.
fn examine(conn: &Connection) -> std::result::Result<RegisterContents, Refusal> {
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |row| row.get(0))
        .map_err(|e| Refusal::Unusable(e.to_string()))?;
    if version > supported_version() {
        return Err(Refusal::TooNew(version));
    }
    examine_known(conn, version).map_err(|e| match e {
        ExamineError::Refused(reason) => Refusal::Unusable(reason),
        ExamineError::Core(error) => Refusal::Unusable(error.to_string()),
    })
}

enum ExamineError {
    Refused(String),
    Core(CoreError),
}

impl From<CoreError> for ExamineError {
    fn from(error: CoreError) -> Self {
        ExamineError::Core(error)
    }
}

impl From<rusqlite::Error> for ExamineError {
    fn from(error: rusqlite::Error) -> Self {
        ExamineError::Core(error.into())
    }
}

fn examine_known(
    conn: &Connection,
    version: i64,
) -> std::result::Result<RegisterContents, ExamineError> {
    if version < 1 || !has_table(conn, "audit_event")? {
        return Err(ExamineError::Refused(
            "it does not hold a Daicho register".to_owned(),
        ));
    }
    let problems = integrity_problems(conn)?;
    if !problems.is_empty() {
        return Err(ExamineError::Refused(format!(
            "SQLite's integrity check failed: {}",
            problems.join("; ")
        )));
    }
    // Records can only be compared with the trail in the current schema; an older copy has
    // its records checked after a restore has migrated it.
    let (broken_link, altered) = if version == supported_version() {
        let report = verify_connection(conn)?;
        (report.broken_link, report.altered_records)
    } else {
        (audit::verify_chain(conn)?.2, Vec::new())
    };
    if let Some(link) = broken_link {
        return Err(ExamineError::Refused(format!(
            "its audit chain is broken at entry #{}: {}",
            link.seq, link.reason
        )));
    }
    if let Some(record) = altered.first() {
        return Err(ExamineError::Refused(format!(
            "{} {} {}{}",
            record.entity,
            record.entity_id,
            record.reason,
            match altered.len() {
                1 => String::new(),
                n => format!(" (and {} more records)", n - 1),
            }
        )));
    }
    Ok(read_contents(conn, version)?)
}

pub(crate) fn read_contents(conn: &Connection, version: i64) -> Result<RegisterContents> {
    let count = |table: &str| -> Result<i64> {
        // Tables a migration added later are simply empty in an older copy.
        if !has_table(conn, table)? {
            return Ok(0);
        }
        Ok(
            conn.query_row(&format!("SELECT count(*) FROM \"{table}\""), [], |row| {
                row.get(0)
            })?,
        )
    };
    Ok(RegisterContents {
        schema_version: version,
        holdings: count("holding")?,
        requests: count("request")?,
        complaints: count("complaint")?,
        audit_entries: count("audit_event")?,
        chain_head: if has_table(conn, "audit_event")? {
            audit::head(conn)?
        } else {
            None
        },
    })
}

fn has_table(conn: &Connection, name: &str) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT count(*) > 0 FROM sqlite_schema WHERE type = 'table' AND name = ?1",
        [name],
        |row| row.get(0),
    )?)
}

fn integrity_problems(conn: &Connection) -> Result<Vec<String>> {
    Ok(crate::db::integrity_problems(conn)?)
}

/// The backups in `dir` named exactly as [`backup_file_name`] names them, newest first.
fn backup_files(dir: &Path) -> Result<Vec<(NaiveDateTime, PathBuf)>> {
    let io = |e| CoreError::io(format!("reading {}", dir.display()), e);
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(io)? {
        let entry = entry.map_err(io)?;
        if !entry.file_type().map_err(io)?.is_file() {
            continue;
        }
        let name = entry.file_name();
        if let Some(time) = name.to_str().and_then(backup_time) {
            found.push((time, entry.path()));
        }
    }
    found.sort_by(|a, b| b.cmp(a));
    Ok(found)
}

fn backup_file_name(time: NaiveDateTime) -> String {
    format!(
        "{NAME_PREFIX}{}{NAME_SUFFIX}",
        time.format(NAME_TIME_FORMAT)
    )
}

/// The time in a backup's name, if the name is exactly one this code writes.
fn backup_time(name: &str) -> Option<NaiveDateTime> {
    let stamp = name.strip_prefix(NAME_PREFIX)?.strip_suffix(NAME_SUFFIX)?;
    let shaped = stamp.len() == 15
        && stamp
            .char_indices()
            .all(|(i, c)| if i == 8 { c == '-' } else { c.is_ascii_digit() });
    if !shaped {
        return None;
    }
    NaiveDateTime::parse_from_str(stamp, NAME_TIME_FORMAT)
        .ok()
        .filter(|time| backup_file_name(*time) == name)
}

fn sidecar_path(backup: &Path) -> PathBuf {
    with_suffix(backup, ".json")
}

/// The description beside a backup, if there is a readable one. An unreadable description is
/// ignored rather than fatal: the backup itself is then examined, which is the stronger check.
fn read_sidecar(backup: &Path) -> Option<BackupInfo> {
    let text = std::fs::read(sidecar_path(backup)).ok()?;
    let sidecar: Sidecar = serde_json::from_slice(&text).ok()?;
    (sidecar.format == SIDECAR_FORMAT && sidecar.format_version <= SIDECAR_VERSION)
        .then_some(sidecar.backup)
}

/// Whether `path` is a backup this code wrote: its description is there and records this
/// file's size and SHA-256.
fn written_here(path: &Path) -> bool {
    let Some(recorded) = read_sidecar(path) else {
        return false;
    };
    let size_matches = std::fs::metadata(path).is_ok_and(|m| m.len() == recorded.size_bytes);
    size_matches && hash_file(path).is_ok_and(|(_, sha256)| sha256 == recorded.sha256)
}

fn hash_file(path: &Path) -> Result<(u64, String)> {
    let io = |e| CoreError::io(format!("reading {}", path.display()), e);
    let mut file = File::open(path).map_err(io)?;
    let mut hasher = Sha256::new();
    let mut buffer = vec![0u8; 64 * 1024];
    let mut size = 0u64;
    loop {
        let read = file.read(&mut buffer).map_err(io)?;
        if read == 0 {
            break;
        }
        size += read as u64;
        hasher.update(&buffer[..read]);
    }
    Ok((size, hex::encode(hasher.finalize())))
}

/// Writes `bytes` to a temporary name, flushes it to disk and renames it into place.
fn write_synced(path: &Path, bytes: &[u8]) -> Result<()> {
    let part = with_suffix(path, ".part");
    let io = |e| CoreError::io(format!("writing {}", path.display()), e);
    let mut file = File::create(&part).map_err(io)?;
    file.write_all(bytes).map_err(io)?;
    file.sync_all().map_err(io)?;
    drop(file);
    std::fs::rename(&part, path).map_err(io)
}

pub(crate) fn sync_file(path: &Path) -> Result<()> {
    File::open(path)
        .and_then(|file| file.sync_all())
        .map_err(|e| CoreError::io(format!("flushing {}", path.display()), e))
}

/// Makes a rename durable. Best effort: not every platform can open a directory, and the
/// rename itself has already happened.
pub(crate) fn sync_parent(path: &Path) {
    #[cfg(unix)]
    if let Some(dir) = parent_dir(path) {
        if let Err(error) = File::open(dir).and_then(|d| d.sync_all()) {
            tracing::warn!("flushing {}: {error}", dir.display());
        }
    }
    #[cfg(not(unix))]
    let _ = path;
}

fn parent_dir(path: &Path) -> Option<&Path> {
    path.parent().filter(|p| !p.as_os_str().is_empty())
}

fn file_name_of(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

pub(crate) fn remove_if_present(path: &Path) -> Result<()> {
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
            Err(CoreError::io(format!("removing {}", path.display()), e))
        }
        _ => Ok(()),
    }
}

fn not_backed_up(reason: String) -> CoreError {
    CoreError::Integrity(format!("the register was not backed up: {reason}"))
}

fn unusable(path: &Path, reason: String) -> CoreError {
    CoreError::Integrity(format!(
        "{} is not a usable backup and was left untouched: {reason}",
        path.display()
    ))
}

fn unopenable(path: &Path, error: rusqlite::Error) -> CoreError {
    CoreError::Unopenable {
        path: path.to_owned(),
        reason: error.to_string(),
    }
}

/// When the newest backup in `dir` was made (local time, from its name); `None` when there is
/// none or the folder does not exist yet. Decides whether an automatic backup is due.
pub fn newest_backup_time(dir: &Path) -> Result<Option<NaiveDateTime>> {
    if !dir.is_dir() {
        return Ok(None);
    }
    Ok(backup_files(dir)?.first().map(|(time, _)| *time))
}
