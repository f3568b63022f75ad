//! Commands of the pseudonymised information (APPI art. 41) and anonymised information (APPI
//! art. 43) sections.

use crate::state::AppState;
use daicho::ipc::{ErrorReport, Wire};
use daicho::model::anonymised::{AnonymisedInformation, AnonymisedInformationInput};
use daicho::model::pseudonymised::{PseudonymisedInformation, PseudonymisedInformationInput};
use tauri::State;

#[tauri::command(async)]
pub fn list_pseudonymised_information(
    state: State<'_, AppState>,
) -> Result<Vec<PseudonymisedInformation>, ErrorReport> {
    Ok(state.register()?.pseudonymised_information()?)
}

#[tauri::command(async)]
pub fn get_pseudonymised_information(
    state: State<'_, AppState>,
    id: i64,
) -> Result<PseudonymisedInformation, ErrorReport> {
    Ok(state.register()?.pseudonymised(id)?)
}

#[tauri::command(async)]
pub fn create_pseudonymised_information(
    state: State<'_, AppState>,
    input: Wire<PseudonymisedInformationInput>,
) -> Result<PseudonymisedInformation, ErrorReport> {
    let input = input.into_inner()?;
    Ok(state
        .register()?
        .create_pseudonymised(input, &state.actor)?)
}

#[tauri::command(async)]
pub fn update_pseudonymised_information(
    state: State<'_, AppState>,
    id: i64,
    expected_version: i64,
    input: Wire<PseudonymisedInformationInput>,
) -> Result<PseudonymisedInformation, ErrorReport> {
    let input = input.into_inner()?;
    let register = state.register()?;
    Ok(register.update_pseudonymised(id, expected_version, input, &state.actor)?)
}

#[tauri::command(async)]
pub fn delete_pseudonymised_information(
    state: State<'_, AppState>,
    id: i64,
    expected_version: i64,
) -> Result<(), ErrorReport> {
    let register = state.register()?;
    Ok(register.delete_pseudonymised(id, expected_version, &state.actor)?)
}

#[tauri::command(async)]
pub fn list_anonymised_information(
    state: State<'_, AppState>,
) -> Result<Vec<AnonymisedInformation>, ErrorReport> {
    Ok(state.register()?.anonymised_information()?)
}

#[tauri::command(async)]
pub fn get_anonymised_information(
    state: State<'_, AppState>,
    id: i64,
) -> Result<AnonymisedInformation, ErrorReport> {
    Ok(state.register()?.anonymised(id)?)
}

#[tauri::command(async)]
pub fn create_anonymised_information(
    state: State<'_, AppState>,
    input: Wire<AnonymisedInformationInput>,
) -> Result<AnonymisedInformation, ErrorReport> {
    let input = input.into_inner()?;
    Ok(state.register()?.create_anonymised(input, &state.actor)?)
}

#[tauri::command(async)]
pub fn update_anonymised_information(
    state: State<'_, AppState>,
    id: i64,
    expected_version: i64,
    input: Wire<AnonymisedInformationInput>,
) -> Result<AnonymisedInformation, ErrorReport> {
    let input = input.into_inner()?;
    let register = state.register()?;
    Ok(register.update_anonymised(id, expected_version, input, &state.actor)?)
}

#[tauri::command(async)]
pub fn delete_anonymised_information(
    state: State<'_, AppState>,
    id: i64,
    expected_version: i64,
) -> Result<(), ErrorReport> {
    let register = state.register()?;
    Ok(register.delete_anonymised(id, expected_version, &state.actor)?)
}
