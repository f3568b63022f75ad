//! Shapes that cross to the desktop UI besides the records themselves. They live in the core,
//! not the Tauri shell, so their TypeScript bindings are generated and checked by the core's
//! own `cargo test`, which needs no WebKit.

use crate::audit::ChainHead;
use crate::error::{CoreError, ErrorKind, FieldError, RecordError};
use crate::model::language::Language;
use crate::model::organisation::Organisation;
use serde::Serialize;
use ts_rs::TS;

/// An error as the UI receives it. The UI switches on `kind`; `fields` drives inline form
/// errors and `records` the import report.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ErrorReport {
    pub kind: ErrorKind,
    pub message: String,
    pub fields: Vec<FieldError>,
    pub records: Vec<RecordError>,
    /// For `inUse`: the records that refer to the one that could not be deleted.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<String>>", optional)]
    pub references: Vec<String>,
}

impl From<CoreError> for ErrorReport {
    fn from(error: CoreError) -> Self {
        ErrorReport {
            kind: error.kind(),
            message: error.to_string(),
            fields: error.field_errors().to_vec(),
            records: error.record_errors().to_vec(),
            references: error.references().to_vec(),
        }
    }
}

/// What the UI needs to decide its first screen.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct StartupStatus {
    /// Where the register file is (shown in settings and in error screens).
    pub db_path: String,
    /// Set when the register could not be opened; the app then shows only this.
    pub error: Option<ErrorReport>,
    /// `None` on first run: the UI asks for the profile or offers the demo register.
    pub organisation: Option<Organisation>,
    pub language: Option<Language>,
    /// Japanese dates with the era (令和8年4月1日): the organisation's choice, by default on
    /// for public bodies ([`crate::Register::era_dates`]); false while no register is open.
    pub era_dates: bool,
    pub chain_head: Option<ChainHead>,
    /// Whether the register is open, or what must happen before it can be.
    pub lock_state: LockState,
    /// What the verification on open (or the last one asked for) found.
    pub verification: Option<crate::audit::Verification>,
    /// Lock after this many minutes without input (0: never), from the protection settings.
    pub lock_after_minutes: u32,
    /// The register is in a place that cannot be written and is open for reading only
    /// ([`crate::Register::is_read_only`]); the UI says so above every screen.
    pub read_only: bool,
}

/// Where the register stands before anything can be shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum LockState {
    /// No register yet: the officer sets its passphrase, which creates it.
    New,
    /// An encrypted register waits for its passphrase.
    Locked,
    /// A register from before encryption: it can be encrypted in place.
    Unencrypted,
    /// Unlocked: the records can be read and written.
    Open,
}

/// The deadline settings screen needs both what is saved (for its version) and what applies.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DeadlineSettingsState {
    /// `None` while the defaults apply.
    pub saved: Option<crate::model::deadline_settings::DeadlineSettings>,
    pub effective: crate::model::deadline_settings::DeadlineSettingsInput,
}
