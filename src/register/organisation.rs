//! The organisation profile, its deadline settings, its published request procedure and the
//! officer's preferences: what the register is set up with before records are kept in it.

use super::record::{self, Profile};
use super::Register;
use crate::audit::Entity;
use crate::error::Result;
use crate::model::deadline_settings::{DeadlineSettings, DeadlineSettingsInput};
use crate::model::language::Language;
use crate::model::organisation::{Organisation, OrganisationInput};
use crate::model::request_procedure::{RequestProcedure, RequestProcedureInput};
use crate::store;
use crate::validation::FieldChecks;
use rusqlite::Connection;

const LANGUAGE_KEY: &str = "language";
/// `on` or `off`; absent until the organisation chooses, when its regime decides.
const ERA_DATES_KEY: &str = "eraDates";

impl Register {
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
        self.write(|tx| record::save_profile(tx, actor, &input, expected_version))
    }

    /// The stored settings; `None` until the organisation saves its own, when
    /// [`DeadlineSettingsInput::default`] applies.
    pub fn deadline_settings(&self) -> Result<Option<DeadlineSettings>> {
        self.read(|conn| Ok(store::deadline_settings::get(conn)?))
    }

    /// The settings deadlines are computed with: the stored ones or the defaults.
    pub fn effective_deadline_settings(&self) -> Result<DeadlineSettingsInput> {
        self.read(effective_settings)
    }

    /// Creates or updates the settings. `expected_version` is the version the form was loaded
    /// from (`None` while the defaults apply).
    pub fn save_deadline_settings(
        &self,
        input: DeadlineSettingsInput,
        expected_version: Option<i64>,
        actor: &str,
    ) -> Result<DeadlineSettings> {
        let mut checks = FieldChecks::new();
        input.collect_errors(&mut checks);
        checks.finish()?;
        self.write(|tx| record::save_profile(tx, actor, &input, expected_version))
    }

    /// The published request procedure; `None` until the organisation saves one.
    pub fn request_procedure(&self) -> Result<Option<RequestProcedure>> {
        self.read(|conn| Ok(store::request_procedure::get(conn)?))
    }

    /// Creates or updates the procedure. `expected_version` is the version the form was loaded
    /// from (`None` while none is stored).
    pub fn save_request_procedure(
        &self,
        mut input: RequestProcedureInput,
        expected_version: Option<i64>,
        actor: &str,
    ) -> Result<RequestProcedure> {
        input.tidy();
        let mut checks = FieldChecks::new();
        input.collect_errors(&mut checks);
        checks.finish()?;
        self.write(|tx| record::save_profile(tx, actor, &input, expected_version))
    }

    pub fn language(&self) -> Result<Option<Language>> {
        self.read(|conn| {
            Ok(store::preferences::get(conn, LANGUAGE_KEY)?
                .as_deref()
                .and_then(Language::from_code))
        })
    }

    pub fn set_language(&self, language: Language, actor: &str) -> Result<()> {
        self.write(|tx| record::put_preference(tx, actor, LANGUAGE_KEY, language.code()))
    }

    /// Whether Japanese dates are shown and printed with the era (令和8年4月1日). Until the
    /// organisation chooses, public bodies get era dates, as their documents are written in
    /// them (公文書の日付は元号), and everyone else the Gregorian year.
    pub fn era_dates(&self) -> Result<bool> {
        self.read(era_dates_in)
    }

    pub fn set_era_dates(&self, on: bool, actor: &str) -> Result<()> {
        let value = if on { "on" } else { "off" };
        self.write(|tx| record::put_preference(tx, actor, ERA_DATES_KEY, value))
    }
}

/// [`Register::era_dates`] inside a read, for what is built under one lock (printing).
pub(crate) fn era_dates_in(conn: &Connection) -> Result<bool> {
    let saved = store::preferences::get(conn, ERA_DATES_KEY)?;
    Ok(match saved.as_deref() {
        Some("on") => true,
        Some("off") => false,
        _ => store::organisation::get(conn)?.is_some_and(|o| o.profile.regime.is_public_body()),
    })
}

pub(crate) fn effective_settings(conn: &Connection) -> Result<DeadlineSettingsInput> {
    Ok(store::deadline_settings::get(conn)?
        .map(|s| s.settings)
        .unwrap_or_default())
}

impl Profile for Organisation {
    type Input = OrganisationInput;
    const ENTITY: Entity = Entity::Organisation;
    const NAME: &'static str = "the organisation profile";
    const CHANGED_ELSEWHERE: &'static str =
        "the organisation profile was changed elsewhere; reload it and try again";

    fn get(conn: &Connection) -> Result<Option<Self>> {
        Ok(store::organisation::get(conn)?)
    }
    fn version(&self) -> i64 {
        self.version
    }
    fn put(conn: &Connection, input: &Self::Input, version: i64, updated_at: &str) -> Result<()> {
        Ok(store::organisation::put(conn, input, version, updated_at)?)
    }
}

impl Profile for DeadlineSettings {
    type Input = DeadlineSettingsInput;
    const ENTITY: Entity = Entity::DeadlineSettings;
    const NAME: &'static str = "the deadline settings";
    const CHANGED_ELSEWHERE: &'static str =
        "the deadline settings were changed elsewhere; reload them and try again";

    fn get(conn: &Connection) -> Result<Option<Self>> {
        Ok(store::deadline_settings::get(conn)?)
    }
    fn version(&self) -> i64 {
        self.version
    }
    fn put(conn: &Connection, input: &Self::Input, version: i64, updated_at: &str) -> Result<()> {
        Ok(store::deadline_settings::put(
            conn, input, version, updated_at,
        )?)
    }
}

/// Its own profile rather than fields of the organisation: the organisation profile is what
/// first run asks for, while the procedure is a published document revised on its own (a new
/// fee, another accepted identity document) with its own version and audit history. The desk
/// is not repeated here: it stays the organisation's request desk.
impl Profile for RequestProcedure {
    type Input = RequestProcedureInput;
    const ENTITY: Entity = Entity::RequestProcedure;
    const NAME: &'static str = "the request procedure";
    const CHANGED_ELSEWHERE: &'static str =
        "the request procedure was changed elsewhere; reload it and try again";

    fn get(conn: &Connection) -> Result<Option<Self>> {
        Ok(store::request_procedure::get(conn)?)
    }
    fn version(&self) -> i64 {
        self.version
    }
    fn put(conn: &Connection, input: &Self::Input, version: i64, updated_at: &str) -> Result<()> {
        Ok(store::request_procedure::put(
            conn, input, version, updated_at,
        )?)
    }
}
