//! The organisation profile and the officer's preferences.

use super::{to_json, Register};
use crate::audit::{self, AuditAction, Entity};
use crate::error::{CoreError, Result};
use crate::model::language::Language;
use crate::model::organisation::{Organisation, OrganisationInput};
use crate::store;

const LANGUAGE_KEY: &str = "language";

impl Register {
    // --- organisation -------------------------------------------------------------------

    pub fn organisation(&self) -> Result<Option<Organisation>> {
        self.read(|conn| Ok(store::organisation::get(conn)?))
    }

    /// Creates or updates the profile. `expected_version` is the version the form was loaded
    /// from (`None` on first run).
    pub fn save_organisation(
        &self,
        mut input: OrganisationInput,
        expected_version: Option<i64>,
        actor: &str,
    ) -> Result<Organisation> {
        input.tidy();
        input.check()?;
        self.write(|tx| {
            let before = store::organisation::get(tx)?;
            let current_version = before.as_ref().map(|o| o.version);
            if current_version != expected_version {
                return Err(CoreError::Conflict(
                    "the organisation profile was changed elsewhere; reload it and try again"
                        .to_owned(),
                ));
            }
            let now = crate::clock::now();
            store::organisation::put(tx, &input, current_version.unwrap_or(0) + 1, &now)?;
            let after = store::organisation::get(tx)?.ok_or_else(|| {
                CoreError::Integrity("organisation vanished while being saved".to_owned())
            })?;
            let action = if before.is_some() {
                AuditAction::Update
            } else {
                AuditAction::Create
            };
            audit::append(
                tx,
                actor,
                action,
                Entity::Organisation,
                "1",
                before.as_ref().map(to_json).as_ref(),
                Some(&to_json(&after)),
            )?;
            Ok(after)
        })
    }

    // --- preferences --------------------------------------------------------------------

    pub fn language(&self) -> Result<Option<Language>> {
        self.read(|conn| {
            Ok(store::preferences::get(conn, LANGUAGE_KEY)?
                .as_deref()
                .and_then(Language::from_code))
        })
    }

    pub fn set_language(&self, language: Language, actor: &str) -> Result<()> {
        self.write(|tx| {
            let before = store::preferences::get(tx, LANGUAGE_KEY)?;
            if before.as_deref() == Some(language.code()) {
                return Ok(());
            }
            store::preferences::put(tx, LANGUAGE_KEY, language.code())?;
            audit::append(
                tx,
                actor,
                if before.is_some() {
                    AuditAction::Update
                } else {
                    AuditAction::Create
                },
                Entity::Preference,
                LANGUAGE_KEY,
                before.map(|v| serde_json::json!({ "value": v })).as_ref(),
                Some(&serde_json::json!({ "value": language.code() })),
            )
        })
    }
}
