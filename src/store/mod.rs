//! SQL for each kind of record. Functions here neither validate nor audit: the
//! [`Register`](crate::Register) does both around them, inside one transaction.

pub mod complaints;
pub mod deadline_settings;
pub mod holdings;
pub mod organisation;
pub mod preferences;
pub mod requests;

use serde::{de::DeserializeOwned, Serialize};

/// A list column is a JSON array; a value that fails to parse means the file was edited by
/// something other than Daicho.
pub(crate) fn list_from_json<T: DeserializeOwned>(text: &str) -> rusqlite::Result<Vec<T>> {
    serde_json::from_str(text).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
    })
}

pub(crate) fn list_to_json<T: Serialize>(values: &[T]) -> String {
    serde_json::to_string(values).unwrap_or_else(|_| "[]".to_owned())
}
