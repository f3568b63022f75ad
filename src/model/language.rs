//! The language of the UI and of printed documents.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// UI and document language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum Language {
    Ja,
    En,
}

impl Language {
    pub fn code(self) -> &'static str {
        match self {
            Language::Ja => "ja",
            Language::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "ja" => Some(Language::Ja),
            "en" => Some(Language::En),
            _ => None,
        }
    }
}
