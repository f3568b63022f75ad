//! The register's passphrase: the only secret Daicho handles.
//!
//! SQLCipher derives the page key from it (PBKDF2-HMAC-SHA512, 256,000 iterations, a random
//! salt in the file header), so no cryptography is written here. What this module guarantees:
//! - the text is wiped from memory when the value is dropped, and neither `Debug` nor
//!   `Display` can print it, so it cannot reach a log by accident;
//! - an empty key is unrepresentable: SQLCipher would take it to mean "no encryption";
//! - the strength rule for a new passphrase lives here, in the core, so the CLI and the app
//!   enforce the same one.

use crate::error::{CoreError, FieldError, FieldErrorCode, Result};
use rusqlite::Connection;
use std::fmt;
use zeroize::Zeroizing;

/// A new passphrase must have at least this many characters (not bytes: a Japanese
/// passphrase of 12 characters is as acceptable as a Latin one).
pub const MIN_CHARS: usize = 12;
/// ... and at least this many different characters, which refuses `aaaaaaaaaaaa` and
/// `121212121212` without inventing composition rules that a Japanese passphrase cannot meet.
pub const MIN_DISTINCT_CHARS: usize = 6;

/// A register key: a passphrase typed by the officer, or (for keys derived elsewhere, and for
/// tests that cannot afford the KDF on every open) a raw 256-bit key.
#[derive(Clone)]
pub struct Passphrase(Zeroizing<String>);

impl Passphrase {
    /// A passphrase as typed. Refused when empty, which SQLCipher would read as "no key".
    pub fn new(text: impl Into<String>) -> Result<Self> {
        let text = Zeroizing::new(text.into());
        if text.is_empty() {
            return Err(CoreError::Validation(vec![FieldError::new(
                "passphrase",
                FieldErrorCode::Required,
                None,
            )]));
        }
        Ok(Passphrase(text))
    }

    /// A raw 256-bit key, used as is: no key derivation on open (about 3 ms instead of about
    /// 130 ms). SQLCipher recognises the `x'…'` form.
    pub fn raw_key(key: &[u8; 32]) -> Self {
        let mut text = Zeroizing::new(String::with_capacity(67));
        text.push_str("x'");
        text.push_str(&hex::encode(key));
        text.push('\'');
        Passphrase(text)
    }

    /// Checks the rule for a passphrase that is about to protect a register, naming the field
    /// `passphrase`. A raw key is always strong enough.
    pub fn check_strength(&self) -> Result<()> {
        if self.is_raw_key() {
            return Ok(());
        }
        let chars = self.0.chars().count();
        let mut distinct: Vec<char> = self.0.chars().collect();
        distinct.sort_unstable();
        distinct.dedup();
        let mut distinct = Zeroizing::new(distinct);
        let distinct_count = distinct.len();
        distinct.clear();
        if chars < MIN_CHARS || distinct_count < MIN_DISTINCT_CHARS {
            let mut error = FieldError::new(
                "passphrase",
                FieldErrorCode::TooWeak,
                Some(MIN_CHARS as i64),
            );
            error.message = format!(
                "the passphrase needs at least {MIN_CHARS} characters, at least \
                 {MIN_DISTINCT_CHARS} of them different"
            );
            return Err(CoreError::Validation(vec![error]));
        }
        Ok(())
    }

    /// Checks a new passphrase and its confirmation as typed twice, naming each field.
    pub fn check_new(passphrase: &str, confirmation: &str) -> Result<Passphrase> {
        let mut errors = Vec::new();
        let candidate = Passphrase::new(passphrase.to_owned());
        match &candidate {
            Ok(p) => {
                if let Err(CoreError::Validation(fields)) = p.check_strength() {
                    errors.extend(fields);
                }
            }
            Err(CoreError::Validation(fields)) => errors.extend(fields.iter().cloned()),
            Err(_) => {}
        }
        if passphrase != confirmation {
            errors.push(FieldError::new(
                "confirmation",
                FieldErrorCode::Mismatch,
                None,
            ));
        }
        match candidate {
            Ok(p) if errors.is_empty() => Ok(p),
            _ => Err(CoreError::Validation(errors)),
        }
    }

    fn is_raw_key(&self) -> bool {
        let text = self.0.as_str();
        text.len() == 67
            && text.starts_with("x'")
            && text.ends_with('\'')
            && text[2..66].bytes().all(|b| b.is_ascii_hexdigit())
    }

    /// The key as an SQL string literal, quotes doubled. Wiped when dropped.
    fn literal(&self) -> Zeroizing<String> {
        let mut literal = Zeroizing::new(String::with_capacity(self.0.len() + 2));
        literal.push('\'');
        for c in self.0.chars() {
            if c == '\'' {
                literal.push('\'');
            }
            literal.push(c);
        }
        literal.push('\'');
        literal
    }

    /// Keys `schema` on `conn`. Must be the first statement on the connection.
    pub(crate) fn apply(&self, conn: &Connection) -> rusqlite::Result<()> {
        // SQLCipher's own log goes to stderr and says "hmac check failed" for every wrong
        // passphrase; Daicho reports those itself. The setting reads nothing from the file,
        // so the key still comes first.
        conn.query_row("PRAGMA cipher_log_level = NONE", [], |_| Ok(()))?;
        let sql = Zeroizing::new(format!("PRAGMA key = {}", self.literal().as_str()));
        conn.execute_batch(&sql)
    }

    /// Re-encrypts every page of the open database under `self`.
    pub(crate) fn rekey(&self, conn: &Connection) -> rusqlite::Result<()> {
        let sql = Zeroizing::new(format!("PRAGMA rekey = {}", self.literal().as_str()));
        conn.execute_batch(&sql)
    }
}

impl PartialEq for Passphrase {
    fn eq(&self, other: &Self) -> bool {
        self.0.as_bytes() == other.0.as_bytes()
    }
}

impl fmt::Debug for Passphrase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Passphrase(<redacted>)")
    }
}
