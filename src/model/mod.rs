//! Register records as the core, the UI (through generated TypeScript) and the JSON document
//! see them, with the validation each one must pass before it is written.

pub mod agenda;
pub mod anonymised;
pub mod complaint;
pub mod consent_matter;
pub mod corrective_action;
pub mod deadline_settings;
pub mod disposal;
pub mod era;
pub mod holding;
pub mod internal_audit;
pub mod joint_use;
pub mod language;
pub mod management_review;
pub mod measure;
pub mod objection;
pub mod organisation;
pub mod provision;
pub mod pseudonymised;
pub mod quality;
pub mod request;
pub mod request_procedure;
pub mod risk_assessment;
pub mod search;
pub mod subcontractor;
pub mod training;
pub mod transfer;
// Breach incidents.
pub mod incident;

/// Declares an enum stored as a short camelCase code in SQL and JSON. The code list is the
/// one the migration's `CHECK` constraints repeat, so both must change together.
macro_rules! coded_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident => $code:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize, ts_rs::TS)]
        #[ts(export)]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $code)] $variant),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }

            pub fn from_code(code: &str) -> Option<$name> {
                match code { $($code => Some($name::$variant),)+ _ => None }
            }
        }

        impl rusqlite::types::ToSql for $name {
            fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
                Ok(self.code().into())
            }
        }

        impl rusqlite::types::FromSql for $name {
            fn column_result(value: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
                let text = value.as_str()?;
                $name::from_code(text).ok_or_else(|| {
                    rusqlite::types::FromSqlError::Other(
                        format!("unknown {} code {text:?}", stringify!($name)).into(),
                    )
                })
            }
        }
    };
}
pub(crate) use coded_enum;
