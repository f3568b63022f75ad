//! Shapes that cross to the desktop UI besides the records themselves. They live in the core,
//! not the Tauri shell, so their TypeScript bindings are generated and checked by the core's
//! own `cargo test`, which needs no WebKit.

use crate::audit::ChainHead;
use crate::error::{CoreError, ErrorKind, FieldError, FieldErrorCode, RecordError};
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

/// A command's argument as it came over IPC, decoded in the command's body rather than by the
/// webview bridge. The bridge refuses a value that does not fit its type (an empty required
/// date, text where a number belongs) with an English sentence that names no field and may
/// quote the value; decoded here, the same mistake comes back as a validation error on the
/// field's path, which the form shows under the field in the user's language, and the
/// message says what kind of value was found, never the value.
pub struct Wire<T>(std::result::Result<T, ErrorReport>);

impl<'de, T: serde::de::DeserializeOwned> serde::Deserialize<'de> for Wire<T> {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> std::result::Result<Self, D::Error> {
        let value = serde_json::Value::deserialize(deserializer)?;
        Ok(Wire(decode(&value)))
    }
}

impl<T> Wire<T> {
    /// The decoded argument, or the field error that refuses it.
    pub fn into_inner(self) -> std::result::Result<T, ErrorReport> {
        self.0
    }
}

/// Decodes an argument, naming the field that does not fit: `required` where the field is
/// empty or absent (a date field left blank sends `""`), `malformed` otherwise.
pub fn decode<T: serde::de::DeserializeOwned>(
    value: &serde_json::Value,
) -> std::result::Result<T, ErrorReport> {
    serde_path_to_error::deserialize::<_, T>(value).map_err(|error| {
        let path = error.path();
        let found = path.iter().try_fold(value, |at, segment| match segment {
            serde_path_to_error::Segment::Seq { index } => at.get(*index),
            serde_path_to_error::Segment::Map { key } => at.get(key.as_str()),
            _ => None,
        });
        let mut field = match path.to_string() {
            root if root == "." => String::new(),
            field => field,
        };
        // serde reports an absent field at the struct that lacks it; name the field itself.
        let mut found = found;
        if let Some(missing) = error
            .inner()
            .to_string()
            .strip_prefix("missing field `")
            .and_then(|rest| rest.split('`').next())
        {
            if !field.is_empty() {
                field.push('.');
            }
            field.push_str(missing);
            found = None;
        }
        let empty = match found {
            None | Some(serde_json::Value::Null) => true,
            Some(serde_json::Value::String(text)) => text.trim().is_empty(),
            Some(_) => false,
        };
        let code = if empty && !field.is_empty() {
            FieldErrorCode::Required
        } else {
            FieldErrorCode::Malformed
        };
        let mut refusal = FieldError::new(field, code, None);
        refusal.message = format!(
            "{}: {}",
            refusal.field,
            crate::document::without_value(error.inner())
        );
        ErrorReport::from(CoreError::Validation(vec![refusal]))
    })
}
