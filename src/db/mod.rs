//! Opening the register file: connection settings, the embedded migrations, and the refusal
//! rules. A file that cannot be opened, or that a newer Daicho wrote, is never modified.
//! Every connection to a file is keyed first: the register exists on disk only encrypted.

use crate::error::{CoreError, Result};
use crate::protection::passphrase::Passphrase;
use rusqlite::config::DbConfig;
use rusqlite::{Connection, OpenFlags, TransactionBehavior};
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::time::Duration;

pub mod key_witness;

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
    (
        "0007_incident_entrustee",
        include_str!("migrations/0007_incident_entrustee.sql"),
    ),
    (
        "0008_individual_numbers_joint_parties",
        include_str!("migrations/0008_individual_numbers_joint_parties.sql"),
    ),
    (
        "0009_implicit_consent_request_procedure",
        include_str!("migrations/0009_implicit_consent_request_procedure.sql"),
    ),
    (
        "0010_personal_related_provisions",
        include_str!("migrations/0010_personal_related_provisions.sql"),
    ),
    (
        "0011_pseudonymised_anonymised",
        include_str!("migrations/0011_pseudonymised_anonymised.sql"),
    ),
    (
        "0012_audit_checkpoint",
        include_str!("migrations/0012_audit_checkpoint.sql"),
    ),
    ("0013_search", include_str!("migrations/0013_search.sql")),
    (
        "0014_management_system",
        include_str!("migrations/0014_management_system.sql"),
    ),
    (
        "0015_public_bodies_and_seeds",
        include_str!("migrations/0015_public_bodies_and_seeds.sql"),
    ),
];

/// The schema version this binary writes, which is also the newest it can open.
pub fn supported_version() -> i64 {
    MIGRATIONS.len() as i64
}

/// The first bytes of every unencrypted SQLite file. An SQLCipher file starts with its random
/// salt instead, so these bytes tell a plaintext register from an encrypted one.
const PLAIN_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// What is at a register path, judged from its size and first bytes without opening it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// Nothing yet (or an empty file a crash left while creating it): a new register.
    New,
    /// An SQLite file in plain text: a register from before encryption, or someone else's.
    Plain,
    /// Encrypted, or at least shaped like an SQLCipher file (whole pages of random bytes).
    Encrypted,
    /// Not a database at all.
    Foreign,
}

/// The refusal of a file that is neither an SQLite nor an SQLCipher file.
pub fn foreign(path: &Path) -> CoreError {
    CoreError::Unopenable {
        path: path.to_owned(),
        reason: "file is not a database (neither SQLite nor SQLCipher)".to_owned(),
    }
}

/// The refusal of a path with nothing (or an empty file) at it, where a register must exist.
pub fn no_register(path: &Path) -> CoreError {
    CoreError::NoRegister {
        path: path.to_owned(),
        empty: path.exists(),
    }
}

pub fn file_kind(path: &Path) -> Result<FileKind> {
    let metadata = match std::fs::metadata(path) {
        Ok(metadata) => metadata,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(FileKind::New),
        Err(e) => return Err(CoreError::io(format!("reading {}", path.display()), e)),
    };
    if !metadata.is_file() {
        return Ok(FileKind::Foreign);
    }
    if metadata.len() == 0 {
        return Ok(FileKind::New);
    }
    let mut header = [0u8; 16];
    let read = std::fs::File::open(path)
        .and_then(|mut file| std::io::Read::read(&mut file, &mut header))
        .map_err(|e| CoreError::io(format!("reading {}", path.display()), e))?;
    if read == header.len() && &header == PLAIN_HEADER {
        return Ok(FileKind::Plain);
    }
    // SQLCipher writes whole pages (512 bytes at the least); anything else is not one.
    if metadata.len() < 512 || metadata.len() % 512 != 0 {
        return Ok(FileKind::Foreign);
    }
    Ok(FileKind::Encrypted)
}

/// Opens the existing encrypted register file at `path` under `key` and brings its schema up
/// to date. Nothing at the path (a typo in `--db`, a vanished file) or an empty file is
/// refused as [`CoreError::NoRegister`], never turned into a new empty register. A wrong key,
/// an unencrypted file, a damaged file (SQLite's quick check) or a newer schema are
/// refused with the file left untouched.
///
/// A register in a place that takes no writes (a read-only mount, a write-protected share or
/// medium) is opened for reading only ([`Access::ReadOnly`]): it can be listed, verified,
/// printed, exported and backed up elsewhere, and every write is refused as
/// [`CoreError::ReadOnly`] (issue 12, item 5).
pub fn open_file(path: &Path, key: &Passphrase) -> Result<(Connection, Access)> {
    if file_kind(path)? == FileKind::Encrypted && !takes_writes(path) {
        return open_read_only(path, key).map(|conn| (conn, Access::ReadOnly));
    }
    let conn = open_at(path, key, false)?;
    key_witness::leave_if_missing(path, key);
    Ok((conn, Access::ReadWrite))
}

/// How a register file was opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    ReadWrite,
    /// Its place takes no writes; see [`open_file`].
    ReadOnly,
}

/// Whether the file at `path` can be opened for writing. Opening for writing writes nothing;
/// it fails on a read-only file system even for root, and where permissions forbid it.
fn takes_writes(path: &Path) -> bool {
    match std::fs::OpenOptions::new().write(true).open(path) {
        Ok(_) => true,
        Err(e) => !matches!(
            e.kind(),
            std::io::ErrorKind::ReadOnlyFilesystem | std::io::ErrorKind::PermissionDenied
        ),
    }
}

/// Opens a register whose place takes no writes. SQLite would need to create the `-shm`
/// beside a WAL register even to read it, so the file is opened immutable: no lock, nothing
/// beside it. Nobody can write to it there, which is what immutable asks. Writes a crash left
/// in a `-wal` cannot be read that way, and a register behind this binary's schema cannot be
/// migrated: both are refused with what to do, rather than read as something they are not.
fn open_read_only(path: &Path, key: &Passphrase) -> Result<Connection> {
    let unopenable = |reason: String| CoreError::Unopenable {
        path: path.to_owned(),
        reason,
    };
    let wal = with_suffix(path, "-wal");
    if std::fs::metadata(&wal).is_ok_and(|m| m.len() > 0) {
        return Err(unopenable(format!(
            "it is in a place that cannot be written, and {} holds writes not yet in the file, \
             which can only be read where they can be written into it; copy both files to a \
             folder you can write to and open the copy",
            wal.display()
        )));
    }
    let conn = Connection::open_with_flags(
        file_uri(path, true)?,
        OpenFlags::SQLITE_OPEN_READ_ONLY
            | OpenFlags::SQLITE_OPEN_URI
            | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| unopenable(e.to_string()))?;
    key.apply(&conn).map_err(|e| unopenable(e.to_string()))?;
    let found = schema_version(&conn, path, key, true)?;
    if found < supported_version() {
        return Err(unopenable(format!(
            "it is in a place that cannot be written, and its layout (version {found}) must \
             first be brought up to this Daicho's (version {}); open it once where it can be \
             written",
            supported_version()
        )));
    }
    let problems = quick_problems(&conn).map_err(|e| unopenable(e.to_string()))?;
    if !problems.is_empty() {
        return Err(CoreError::Damaged {
            path: path.to_owned(),
            problems: problems.join("; "),
        });
    }
    configure(&conn).map_err(|e| unopenable(e.to_string()))?;
    Ok(conn)
}

/// Creates the encrypted register at `path` when nothing (or an empty file a crash left while
/// creating it) is there, or opens the register that is; for `daicho init` and the app's
/// first-run screen, the only places a register is made on purpose. A new register needs a
/// passphrase that passes the strength rule.
pub fn create_file(path: &Path, key: &Passphrase) -> Result<Connection> {
    if file_kind(path)? == FileKind::New {
        // A witness left by a register once at this path is not this one's.
        key_witness::remove(path)
            .map_err(|e| CoreError::io("removing an old key witness beside the register", e))?;
    }
    let conn = open_at(path, key, true)?;
    key_witness::leave_if_missing(path, key);
    Ok(conn)
}

/// The register's schema version, read as the first thing that touches the file after the
/// key: under a wrong key, or for a file that is not a database, it fails before any pragma
/// could write to it. A key an encrypted file refuses is told apart from damage
/// ([`refused_key`]); a newer schema than this binary's is refused.
fn schema_version(
    conn: &Connection,
    path: &Path,
    key: &Passphrase,
    encrypted: bool,
) -> Result<i64> {
    let found: i64 = conn
        .query_row("PRAGMA user_version", [], |row| row.get(0))
        .map_err(|e| match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::NotADatabase) if encrypted => refused_key(path, key),
            _ => CoreError::Unopenable {
                path: path.to_owned(),
                reason: e.to_string(),
            },
        })?;
    if found > supported_version() {
        return Err(CoreError::TooNew {
            path: path.to_owned(),
            found,
            supported: supported_version(),
        });
    }
    Ok(found)
}

/// The refusal of `key` by the register at `path`, told apart from damage by the key witness
/// beside it ([`key_witness`]): a first page that does not decrypt under the register's own
/// key is damage, and the app then offers the backups.
fn refused_key(path: &Path, key: &Passphrase) -> CoreError {
    let damaged = |problems: &str| CoreError::Damaged {
        path: path.to_owned(),
        problems: problems.to_owned(),
    };
    match key_witness::diagnose(path, key) {
        key_witness::Diagnosis::DamagedUnderRightKey => damaged(
            "the first page does not decrypt under the register's own passphrase (the key \
             witness beside it accepts the passphrase)",
        ),
        key_witness::Diagnosis::SaltChanged => damaged(
            "the file's first 16 bytes (its encryption salt) are not those it had when its \
             passphrase was last set: the file was damaged there or replaced by another file",
        ),
        key_witness::Diagnosis::WrongKey | key_witness::Diagnosis::Unknown => {
            CoreError::WrongPassphrase {
                path: path.to_owned(),
            }
        }
    }
}

fn open_at(path: &Path, key: &Passphrase, may_create: bool) -> Result<Connection> {
    let unopenable = |reason: String| CoreError::Unopenable {
        path: path.to_owned(),
        reason,
    };
    let kind = file_kind(path)?;
    match kind {
        FileKind::Plain => {
            return Err(CoreError::Unencrypted {
                path: path.to_owned(),
            })
        }
        FileKind::Foreign => return Err(foreign(path)),
        FileKind::New if !may_create => return Err(no_register(path)),
        FileKind::New => key.check_strength()?,
        FileKind::Encrypted => {}
    }
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
    // A write-ahead log left by a crash is opened before the key is checked, and closing the
    // connection would checkpoint it into the file even under a wrong key: until the register
    // has been accepted, closing must leave the files exactly as they were.
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, true)
        .map_err(|e| unopenable(e.to_string()))?;
    key.apply(&conn).map_err(|e| unopenable(e.to_string()))?;
    // Wait for another process's write from the first read on, not only once configured.
    conn.busy_timeout(Duration::from_secs(crate::error::BUSY_WAIT_SECONDS))
        .map_err(|e| unopenable(e.to_string()))?;
    // Reading the header is the first thing that touches the file: under a wrong key, or for
    // a file that is not a database, it fails here before any pragma could write to it.
    let found = schema_version(&conn, path, key, kind == FileKind::Encrypted)?;
    let damaged = |problems: String| CoreError::Damaged {
        path: path.to_owned(),
        problems,
    };
    // Another process's write in progress is not damage: it is reported as busy. The quick
    // form (every page readable and decrypting, b-trees well formed, without matching every
    // index to its table) keeps an open fast at any size (issue 20); the full check runs on
    // a full verification and before a backup.
    let problems = quick_problems(&conn).map_err(|e| match CoreError::from(e) {
        CoreError::Storage(e) => damaged(e.to_string()),
        busy_or_full => busy_or_full,
    })?;
    if !problems.is_empty() {
        return Err(damaged(problems.join("; ")));
    }
    configure(&conn).map_err(|e| unopenable(e.to_string()))?;
    let mut conn = conn;
    // Only a register behind this binary's schema takes the migration's exclusive lock: a
    // current one opens as a reader, so it opens while another process writes (WAL).
    if found < supported_version() {
        migrate(&mut conn).map_err(|e| match e {
            CoreError::Integrity(reason) => unopenable(reason),
            other => other,
        })?;
    }
    // Only once the register is accepted and current: switching a register from before WAL
    // writes its header, and a migration that was undone must leave the file as it was.
    use_wal(&conn).map_err(|e| unopenable(e.to_string()))?;
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, false)?;
    Ok(conn)
}

/// Opens an unencrypted register file read-only, for encrypting it in place. Nothing is
/// written to it.
pub(crate) fn open_plain_for_reading(path: &Path) -> Result<Connection> {
    if file_kind(path)? != FileKind::Plain {
        return Err(CoreError::Conflict(format!(
            "{} is not an unencrypted SQLite file; it was left untouched",
            path.display()
        )));
    }
    let wal = with_suffix(path, "-wal");
    if std::fs::metadata(&wal).is_ok_and(|m| m.len() > 0) {
        return Err(CoreError::Conflict(format!(
            "{} has writes in {} that are not in the file yet; open it once with the Daicho \
             that wrote it so that they are written into it, then try again",
            path.display(),
            wal.display()
        )));
    }
    // Immutable: no locks, no -wal or -shm beside it, so the original stays byte for byte.
    Connection::open_with_flags(
        file_uri(path, true)?,
        OpenFlags::SQLITE_OPEN_READ_ONLY
            | OpenFlags::SQLITE_OPEN_URI
            | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| CoreError::Unopenable {
        path: path.to_owned(),
        reason: e.to_string(),
    })
}

/// `PRAGMA integrity_check` in full; empty when it reports "ok". Under SQLCipher a page whose
/// HMAC does not verify makes the check itself fail, which callers treat as damage too.
pub(crate) fn integrity_problems(conn: &Connection) -> rusqlite::Result<Vec<String>> {
    let mut stmt = conn.prepare("PRAGMA integrity_check")?;
    let lines = stmt
        .query_map([], |row| row.get::<_, String>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(if lines == ["ok"] { Vec::new() } else { lines })
}

/// `PRAGMA quick_check`: what `integrity_check` checks but whether each index holds exactly
/// the rows of its table (and UNIQUE constraints), in time that grows with the file rather
/// than with the file times its indexes.
pub(crate) fn quick_problems(conn: &Connection) -> rusqlite::Result<Vec<String>> {
    let mut stmt = conn.prepare("PRAGMA quick_check")?;
    let lines = stmt
        .query_map([], |row| row.get::<_, String>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(if lines == ["ok"] { Vec::new() } else { lines })
}

/// A private, migrated register in memory, for tests and previews.
pub fn open_memory() -> Result<Connection> {
    let mut conn = Connection::open_in_memory()?;
    configure(&conn)?;
    migrate(&mut conn)?;
    Ok(conn)
}

/// WAL lets the UI read while a long export holds a read transaction, and other processes
/// read while one writes.
fn use_wal(conn: &Connection) -> rusqlite::Result<()> {
    let _mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |row| row.get(0))?;
    Ok(())
}

fn configure(conn: &Connection) -> rusqlite::Result<()> {
    // A register of record: losing the last acknowledged write on power loss is not acceptable,
    // and the write volume is tiny, so FULL costs nothing noticeable.
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    // The schema never needs functions from untrusted sources.
    conn.pragma_update(None, "trusted_schema", "OFF")?;
    // Pages in the cache are not decrypted again: with the working set cached, SQLCipher
    // costs almost nothing (scans were 1.8 times slower with SQLite's default 2 MB).
    conn.pragma_update(None, "cache_size", -65536)?;
    // An import writes each record with a dozen statements; kept prepared, they are parsed
    // once per import rather than once per record.
    conn.set_prepared_statement_cache_capacity(64);
    conn.busy_timeout(Duration::from_secs(crate::error::BUSY_WAIT_SECONDS))?;
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
    // Which tables hold rows that point at rows that are not there, and how many: table
    // names only, never a row's values.
    let mut stmt = tx.prepare(
        "SELECT \"table\", count(*) FROM pragma_foreign_key_check GROUP BY \"table\" \
         ORDER BY \"table\"",
    )?;
    let orphans = stmt
        .query_map([], |row| {
            Ok((row.get::<_, String>(0)?, row.get::<_, i64>(1)?))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    drop(stmt);
    if !orphans.is_empty() {
        let listed: Vec<String> = orphans
            .iter()
            .map(|(table, count)| format!("{count} in {table}"))
            .collect();
        return Err(CoreError::Integrity(format!(
            "its layout could not be brought up to this Daicho's, because some of its rows \
             refer to rows that are not there ({}); the update was undone. Restore the newest \
             good backup, or keep this file for support",
            listed.join(", ")
        )));
    }
    tx.commit()?;
    Ok(())
}

/// A `file:` URI for SQLite, which is the only way to ask for `immutable`.
pub(crate) fn file_uri(path: &Path, immutable: bool) -> Result<String> {
    let absolute = std::path::absolute(path)
        .map_err(|e| CoreError::io(format!("reading {}", path.display()), e))?;
    let text = absolute.to_str().ok_or_else(|| {
        CoreError::io(
            format!("reading {}", path.display()),
            std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                "SQLite needs a path that is valid Unicode",
            ),
        )
    })?;
    let mut uri = String::from("file:");
    if cfg!(windows) {
        uri.push('/');
    }
    for c in text.chars() {
        match c {
            '%' => uri.push_str("%25"),
            '?' => uri.push_str("%3f"),
            '#' => uri.push_str("%23"),
            '\\' if cfg!(windows) => uri.push('/'),
            c => uri.push(c),
        }
    }
    uri.push_str("?mode=ro");
    if immutable {
        uri.push_str("&immutable=1");
    }
    Ok(uri)
}

pub(crate) fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = OsString::from(path.as_os_str());
    name.push(suffix);
    PathBuf::from(name)
}

/// Opens the one IMMEDIATE transaction a batch of writes runs in
/// ([`crate::register::Register`]'s `all_or_nothing`); each write inside it is a savepoint.
pub(crate) fn begin_batch(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute_batch("BEGIN IMMEDIATE")
}

pub(crate) fn commit_batch(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute_batch("COMMIT")
}

/// Undoes the whole batch. Nothing is left to undo when SQLite already rolled it back (a full
/// disk does that), so an error here says nothing more than the one being reported.
pub(crate) fn roll_back_batch(conn: &Connection) {
    let _ = conn.execute_batch("ROLLBACK");
}
