//! A witness of the key beside the register (`register.db.key`), so that a register whose
//! first page was damaged is reported as damaged, not as opened with a wrong passphrase
//! (issue 12, item 7).
//!
//! SQLCipher cannot tell the two apart: either way the first page does not decrypt. The
//! witness is a tiny SQLCipher database of its own, encrypted under the same key (with its own
//! random salt, and the same key derivation as the register, so it offers an attacker nothing
//! the register file does not), holding the register's salt (the first 16 bytes of its file).
//! When the register refuses a key:
//! - the witness refuses it too: the passphrase is wrong;
//! - the witness takes it: the passphrase is the register's, so the register is damaged,
//!   or, if its salt is no longer the one recorded, damaged there or replaced by another file.
//!
//! The witness is removed before the register's key changes (a passphrase change, a restore)
//! and written again after, so a change cut short leaves no witness (then a refused key is
//! reported as a wrong passphrase, as without one) rather than a witness of the old key, which
//! would call the old passphrase's refusal damage. A witness is written on create and on any
//! open that finds none.

use crate::protection::passphrase::Passphrase;
use rusqlite::{Connection, OpenFlags};
use std::io::Read;
use std::path::{Path, PathBuf};

/// What the witness says of a key the register refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Diagnosis {
    /// No witness, or one that cannot be read: nothing more is known.
    Unknown,
    /// The witness refuses the key as well.
    WrongKey,
    /// The key is the register's, and the file still starts with the salt it had.
    DamagedUnderRightKey,
    /// The key is the register's, but the file's salt is not the one it had.
    SaltChanged,
}

pub fn path_of(register: &Path) -> PathBuf {
    super::with_suffix(register, ".key")
}

/// The register's salt: its file's first 16 bytes, as hex.
fn salt_of(register: &Path) -> std::io::Result<String> {
    let mut salt = [0u8; 16];
    std::fs::File::open(register)?.read_exact(&mut salt)?;
    Ok(hex::encode(salt))
}

/// Leaves a witness of `key` for the register at `register`, replacing any. Written under a
/// name of this process's own and renamed into place, so a reader never sees half of one.
pub fn leave(register: &Path, key: &Passphrase) -> std::io::Result<()> {
    let salt = salt_of(register)?;
    let path = path_of(register);
    let part = super::with_suffix(&path, &format!(".{}.part", std::process::id()));
    let written = (|| -> rusqlite::Result<()> {
        let conn = Connection::open(&part)?;
        key.apply(&conn)?;
        conn.execute_batch("CREATE TABLE witness (register_salt TEXT NOT NULL)")?;
        conn.execute("INSERT INTO witness (register_salt) VALUES (?1)", [&salt])?;
        conn.close().map_err(|(_, e)| e)
    })();
    written
        .map_err(std::io::Error::other)
        .and_then(|()| std::fs::rename(&part, &path))
        .inspect_err(|_| {
            let _ = std::fs::remove_file(&part);
            let _ = std::fs::remove_file(super::with_suffix(&part, "-journal"));
        })
}

/// Leaves a witness unless there is one already: on every open, at the cost of a key
/// derivation only the first time.
pub fn leave_if_missing(register: &Path, key: &Passphrase) {
    if path_of(register).exists() {
        return;
    }
    if let Err(e) = leave(register, key) {
        tracing::warn!(error = %e, "the key witness could not be left beside the register");
    }
}

/// Removes the witness before the register's key changes.
pub fn remove(register: &Path) -> std::io::Result<()> {
    match std::fs::remove_file(path_of(register)) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

/// What the witness says of `key`, which the register at `register` refused. Opens the
/// witness read-only and immutable, so asking changes nothing.
pub fn diagnose(register: &Path, key: &Passphrase) -> Diagnosis {
    let path = path_of(register);
    if !path.is_file() {
        return Diagnosis::Unknown;
    }
    let Ok(uri) = super::file_uri(&path, true) else {
        return Diagnosis::Unknown;
    };
    let Ok(conn) = Connection::open_with_flags(
        uri,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI,
    ) else {
        return Diagnosis::Unknown;
    };
    if key.apply(&conn).is_err() {
        return Diagnosis::Unknown;
    }
    let recorded = conn.query_row("SELECT register_salt FROM witness", [], |row| {
        row.get::<_, String>(0)
    });
    match recorded {
        Ok(recorded) => match salt_of(register) {
            Ok(salt) if salt == recorded => Diagnosis::DamagedUnderRightKey,
            _ => Diagnosis::SaltChanged,
        },
        Err(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::NotADatabase) => {
            Diagnosis::WrongKey
        }
        Err(_) => Diagnosis::Unknown,
    }
}
