use crate::state::AppState;
use daicho::ipc::DeadlineSettingsState;
use daicho::ipc::{ErrorReport, Wire};
use daicho::model::deadline_settings::{DeadlineSettings, DeadlineSettingsInput};
use daicho::model::organisation::{Organisation, OrganisationInput};
use daicho::model::request_procedure::{RequestProcedure, RequestProcedureInput};
use daicho::Language;
use tauri::State;

#[tauri::command(async)]
pub fn save_organisation(
    state: State<'_, AppState>,
    input: Wire<OrganisationInput>,
    expected_version: Option<i64>,
) -> Result<Organisation, ErrorReport> {
    let input = input.into_inner()?;
    Ok(state
        .register()?
        .save_organisation(input, expected_version, &state.actor)?)
}

#[tauri::command(async)]
pub fn load_demo(
    state: State<'_, AppState>,
    seed: Option<daicho::demo::Seed>,
) -> Result<usize, ErrorReport> {
    // Bound first: written inline, `?` infers `Register` from the parameter and the guard
    // is not deref-coerced to it.
    let register = state.register()?;
    let seed = seed.unwrap_or(daicho::demo::Seed::HealthInsurance);
    Ok(daicho::demo::load_seed(&register, seed, &state.actor)?)
}

#[tauri::command(async)]
pub fn set_language(state: State<'_, AppState>, language: Language) -> Result<(), ErrorReport> {
    Ok(state.register()?.set_language(language, &state.actor)?)
}

/// Japanese dates with the era (令和8年4月1日) or the Gregorian year, on screens and in print.
#[tauri::command(async)]
pub fn set_era_dates(state: State<'_, AppState>, on: bool) -> Result<(), ErrorReport> {
    Ok(state.register()?.set_era_dates(on, &state.actor)?)
}

/// The organisation's closure days and local periods; the defaults while none are saved.
#[tauri::command(async)]
pub fn get_deadline_settings(
    state: State<'_, AppState>,
) -> Result<DeadlineSettingsState, ErrorReport> {
    let register = state.register()?;
    Ok(DeadlineSettingsState {
        saved: register.deadline_settings()?,
        effective: register.effective_deadline_settings()?,
    })
}

#[tauri::command(async)]
pub fn save_deadline_settings(
    state: State<'_, AppState>,
    input: Wire<DeadlineSettingsInput>,
    expected_version: Option<i64>,
) -> Result<DeadlineSettings, ErrorReport> {
    let input = input.into_inner()?;
    let register = state.register()?;
    Ok(register.save_deadline_settings(input, expected_version, &state.actor)?)
}

/// The published request procedure; `None` until the organisation saves one.
#[tauri::command(async)]
pub fn get_request_procedure(
    state: State<'_, AppState>,
) -> Result<Option<RequestProcedure>, ErrorReport> {
    Ok(state.register()?.request_procedure()?)
}

#[tauri::command(async)]
pub fn save_request_procedure(
    state: State<'_, AppState>,
    input: Wire<RequestProcedureInput>,
    expected_version: Option<i64>,
) -> Result<RequestProcedure, ErrorReport> {
    let input = input.into_inner()?;
    let register = state.register()?;
    Ok(register.save_request_procedure(input, expected_version, &state.actor)?)
}
