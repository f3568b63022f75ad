//! The core's error type. Every failure the UI or the CLI can show is one of these, and each
//! carries a machine-readable [`ErrorKind`] so that callers switch on the kind, never on text.

use serde::Serialize;
use std::path::PathBuf;
use ts_rs::TS;

/// What went wrong, as a caller needs to react to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum ErrorKind {
    /// Input failed validation; `fields` says which and why. Nothing was written.
    Validation,
    /// The record does not exist (any more).
    NotFound,
    /// The record changed since it was read, or the operation conflicts with other records.
    Conflict,
    /// The record cannot be deleted because other records refer to it; `references` names them.
    InUse,
    /// The register file could not be opened; it was left untouched.
    Unopenable,
    /// The register was written by a newer Daicho; it was left untouched.
    TooNew,
    /// An import document was rejected; `records` says which records and fields. Nothing was imported.
    Import,
    /// The audit chain or a record failed verification.
    Integrity,
    /// A file could not be read or written.
    Io,
    /// The database refused an operation for another reason.
    Storage,
    /// The passphrase does not open the register; the file was left untouched.
    WrongPassphrase,
    /// The register file is not encrypted; it can be encrypted in place.
    Unencrypted,
    /// SQLite's integrity check failed; the file was left untouched and a backup should be
    /// restored.
    Damaged,
    /// The register is locked; unlock it with the passphrase.
    Locked,
    /// There is no register at the path (nothing there, or an empty file), and this operation
    /// does not create one: only `daicho init` and the app's first-run screen do.
    NoRegister,
    /// Another process held the register for longer than the wait allows; nothing was
    /// written, and trying again in a moment is expected to work.
    Busy,
    /// The disk is full; nothing of the operation was written.
    DiskFull,
    /// The register was opened where nothing can be written (a read-only mount); it reads,
    /// and every write is refused.
    ReadOnly,
}

/// Why one field of one record was refused. `code` is stable and translated by the UI;
/// `message` is an English fallback for logs and the CLI.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct FieldError {
    /// Path of the field in the input, e.g. `name`, `dataItems[2].name`, `retention.years`.
    pub field: String,
    pub code: FieldErrorCode,
    /// Limit that was exceeded, for `tooLong`, `tooMany` and `outOfRange`; for
    /// `controlCharacter`, the position (from 1, in characters) of the first refused character.
    #[ts(type = "number | null")]
    pub limit: Option<i64>,
    /// The field this one is compared with, as a path in the same input: for `dateOrder`,
    /// the date it must not come before (`receivedOn`, `identity.checkedOn`), so that the UI
    /// names it in the user's language instead of the English `message`. For `notInRegime`
    /// measured against the organisation's regime, `regime`.
    pub other: Option<String>,
    pub message: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum FieldErrorCode {
    Required,
    TooLong,
    TooMany,
    OutOfRange,
    Duplicate,
    /// A date that must come after another one does not.
    DateOrder,
    /// A value that only makes sense with another one (e.g. "other" without a note).
    NeedsNote,
    /// A data item cannot be removed because other records point at it.
    InUse,
    Malformed,
    /// A value the organisation's legal regime does not provide for: a refusal ground from
    /// another statute's catalogue, a request type only another regime knows.
    NotInRegime,
    /// Something the Number Act forbids for specific personal information (information with
    /// an Individual Number): a provision or joint use outside the cases of its art. 19.
    NumberAct,
    /// Something APPI art. 31 does not provide for personal-related information (個人関連情報):
    /// opt-out, a contract standing in for the record, a receipt recorded under it.
    PersonalRelated,
    /// A new passphrase is too short or too repetitive; `limit` is the minimum length.
    TooWeak,
    /// The confirmation differs from the value it confirms.
    Mismatch,
    /// A text holds a control character (NUL, BEL, ESC, a C1 control), a bidirectional
    /// override or isolate, or a line break or tab in a single-line field;
    /// `limit` is its position. See `validation::refused_character`.
    ControlCharacter,
    /// An auditor would audit their own department (JIS Q 15001 9.2.2 c).
    NotIndependent,
}

impl FieldError {
    pub fn new(field: impl Into<String>, code: FieldErrorCode, limit: Option<i64>) -> Self {
        let field = field.into();
        let message = match code {
            FieldErrorCode::Required => format!("{field} is required"),
            FieldErrorCode::TooLong => {
                format!(
                    "{field} is longer than {} characters",
                    limit.unwrap_or_default()
                )
            }
            FieldErrorCode::TooMany => {
                format!(
                    "{field} has more than {} entries",
                    limit.unwrap_or_default()
                )
            }
            FieldErrorCode::OutOfRange => format!("{field} is out of range"),
            FieldErrorCode::Duplicate => format!("{field} duplicates another entry"),
            FieldErrorCode::DateOrder => format!("{field} must be after the earlier date"),
            FieldErrorCode::NeedsNote => format!("{field} needs an explanatory note"),
            FieldErrorCode::InUse => format!("{field} is referred to by other records"),
            FieldErrorCode::Malformed => format!("{field} is malformed"),
            FieldErrorCode::NotInRegime => {
                format!("{field} is not provided for by the organisation's regime")
            }
            FieldErrorCode::NumberAct => {
                format!("{field} is not allowed for specific personal information (Number Act)")
            }
            FieldErrorCode::PersonalRelated => {
                format!("{field} is not provided for personal-related information (APPI art. 31)")
            }
            FieldErrorCode::TooWeak => format!("{field} is too weak"),
            FieldErrorCode::Mismatch => format!("{field} does not match"),
            FieldErrorCode::NotIndependent => {
                format!("{field}: an auditor does not audit their own department")
            }
            FieldErrorCode::ControlCharacter => format!(
                "{field} contains a control character at character {}",
                limit.unwrap_or_default()
            ),
        };
        Self {
            field,
            code,
            limit,
            other: None,
            message,
        }
    }
}

/// The problems found in one record of an import document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RecordError {
    /// e.g. `holdings[3]`
    pub record: String,
    /// The record's own reference where it has one (a ledger number), to find it in the file.
    pub reference: Option<String>,
    pub fields: Vec<FieldError>,
}

#[derive(Debug, thiserror::Error)]
pub enum CoreError {
    #[error("{}", describe_fields(.0))]
    Validation(Vec<FieldError>),
    #[error("{entity} {id} does not exist")]
    NotFound { entity: &'static str, id: String },
    #[error("{0}")]
    Conflict(String),
    #[error("{message}")]
    InUse {
        message: String,
        /// The references (e.g. `R-0001`) of the records that point at this one.
        references: Vec<String>,
    },
    #[error("the register at {path} could not be opened and was left untouched: {reason}")]
    Unopenable { path: PathBuf, reason: String },
    #[error(
        "the register at {path} has schema version {found}, newer than this Daicho understands \
         ({supported}); it was left untouched. Install a newer Daicho to open it"
    )]
    TooNew {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
    #[error("the import was refused and nothing was imported: {}", describe_records(.0))]
    Import(Vec<RecordError>),
    #[error("{0}")]
    Integrity(String),
    #[error("{context}: {source}")]
    Io {
        context: String,
        #[source]
        source: std::io::Error,
    },
    #[error("database error: {0}")]
    Storage(rusqlite::Error),
    #[error(
        "the passphrase does not open the register at {path} (or the file is not a Daicho \
         register); it was left untouched"
    )]
    WrongPassphrase { path: PathBuf },
    #[error(
        "the register at {path} is not encrypted; it was left untouched. Encrypt it in place \
         (daicho encrypt) to open it"
    )]
    Unencrypted { path: PathBuf },
    #[error(
        "the register at {path} is damaged and was left untouched (SQLite's integrity check: \
         {problems}); restore the newest good backup"
    )]
    Damaged { path: PathBuf, problems: String },
    #[error("the register is locked; unlock it with the passphrase")]
    Locked,
    #[error(
        "there is no register at {path}{}; none was created. Check the path, or create a \
         register on purpose (daicho init)",
        if *.empty { " (the file is empty)" } else { "" }
    )]
    NoRegister { path: PathBuf, empty: bool },
    #[error(
        "the register is in use by another process that did not finish within {seconds} s; \
         nothing was written. Try again in a moment"
    )]
    Busy { seconds: u64 },
    #[error(
        "the disk is full; nothing of this operation was written. Free some space and try again"
    )]
    DiskFull,
    #[error(
        "the register is in a place that cannot be written (a read-only disk or folder) and was \
         opened for reading only; nothing was written. To change it, copy it to a folder you \
         can write to, or restore a backup there"
    )]
    ReadOnly,
}

/// How long a connection waits for another process's write to finish before giving up with
/// [`CoreError::Busy`]: long enough for any single write of the register, short enough that a
/// stuck process is reported rather than waited on forever.
pub const BUSY_WAIT_SECONDS: u64 = 5;

/// Storage errors the user can act on get their own kind; the rest stay storage errors.
impl From<rusqlite::Error> for CoreError {
    fn from(error: rusqlite::Error) -> Self {
        match error.sqlite_error_code() {
            Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) => {
                CoreError::Busy {
                    seconds: BUSY_WAIT_SECONDS,
                }
            }
            Some(rusqlite::ErrorCode::DiskFull) => CoreError::DiskFull,
            Some(rusqlite::ErrorCode::ReadOnly) => CoreError::ReadOnly,
            _ => CoreError::Storage(error),
        }
    }
}

pub type Result<T, E = CoreError> = std::result::Result<T, E>;

impl CoreError {
    pub fn kind(&self) -> ErrorKind {
        match self {
            CoreError::Validation(_) => ErrorKind::Validation,
            CoreError::NotFound { .. } => ErrorKind::NotFound,
            CoreError::Conflict(_) => ErrorKind::Conflict,
            CoreError::InUse { .. } => ErrorKind::InUse,
            CoreError::Unopenable { .. } => ErrorKind::Unopenable,
            CoreError::TooNew { .. } => ErrorKind::TooNew,
            CoreError::Import(_) => ErrorKind::Import,
            CoreError::Integrity(_) => ErrorKind::Integrity,
            CoreError::Io { .. } => ErrorKind::Io,
            CoreError::Storage(_) => ErrorKind::Storage,
            CoreError::WrongPassphrase { .. } => ErrorKind::WrongPassphrase,
            CoreError::Unencrypted { .. } => ErrorKind::Unencrypted,
            CoreError::Damaged { .. } => ErrorKind::Damaged,
            CoreError::Locked => ErrorKind::Locked,
            CoreError::NoRegister { .. } => ErrorKind::NoRegister,
            CoreError::Busy { .. } => ErrorKind::Busy,
            CoreError::DiskFull => ErrorKind::DiskFull,
            CoreError::ReadOnly => ErrorKind::ReadOnly,
        }
    }

    pub fn field_errors(&self) -> &[FieldError] {
        match self {
            CoreError::Validation(fields) => fields,
            _ => &[],
        }
    }

    pub fn references(&self) -> &[String] {
        match self {
            CoreError::InUse { references, .. } => references,
            _ => &[],
        }
    }

    pub fn record_errors(&self) -> &[RecordError] {
        match self {
            CoreError::Import(records) => records,
            _ => &[],
        }
    }

    pub(crate) fn io(context: impl Into<String>, source: std::io::Error) -> Self {
        CoreError::Io {
            context: context.into(),
            source,
        }
    }
}

fn describe_fields(fields: &[FieldError]) -> String {
    let parts: Vec<&str> = fields.iter().map(|f| f.message.as_str()).collect();
    format!("invalid input: {}", parts.join("; "))
}

fn describe_records(records: &[RecordError]) -> String {
    records
        .iter()
        .map(|r| {
            let reference = r
                .reference
                .as_deref()
                .map(|x| format!(" ({x})"))
                .unwrap_or_default();
            let fields: Vec<&str> = r.fields.iter().map(|f| f.message.as_str()).collect();
            format!("{}{}: {}", r.record, reference, fields.join("; "))
        })
        .collect::<Vec<_>>()
        .join(" | ")
}
