//! Requests from data subjects (開示等の請求) and their deadlines. Views are computed for the
//! officer's local date, so "overdue" means what it means on the office calendar.

use crate::state::AppState;
use chrono::NaiveDate;
use daicho::clock::today;
use daicho::ipc::{ErrorReport, Wire};
use daicho::model::agenda::Agenda;
use daicho::model::request::{
    Extension, LargeVolumeNotice, PauseInput, Request, RequestInput, RequestStep, RequestType,
    RequestView,
};
use tauri::State;

#[tauri::command(async)]
pub fn request_types(state: State<'_, AppState>) -> Result<Vec<RequestType>, ErrorReport> {
    Ok(state.register()?.request_types()?)
}

#[tauri::command(async)]
pub fn list_requests(state: State<'_, AppState>) -> Result<Vec<RequestView>, ErrorReport> {
    Ok(state.register()?.requests(today())?)
}

#[tauri::command(async)]
pub fn get_request(state: State<'_, AppState>, id: i64) -> Result<RequestView, ErrorReport> {
    Ok(state.register()?.request(id, today())?)
}

#[tauri::command(async)]
pub fn create_request(
    state: State<'_, AppState>,
    input: Wire<RequestInput>,
) -> Result<Request, ErrorReport> {
    let input = input.into_inner()?;
    Ok(state.register()?.create_request(input, &state.actor)?)
}

#[tauri::command(async)]
pub fn update_request(
    state: State<'_, AppState>,
    id: i64,
    expected_version: i64,
    input: Wire<RequestInput>,
) -> Result<Request, ErrorReport> {
    let input = input.into_inner()?;
    Ok(state
        .register()?
        .update_request(id, expected_version, input, &state.actor)?)
}

#[tauri::command(async)]
pub fn advance_request(
    state: State<'_, AppState>,
    id: i64,
    expected_version: i64,
    step: RequestStep,
) -> Result<Request, ErrorReport> {
    Ok(state
        .register()?
        .advance_request(id, expected_version, step, &state.actor)?)
}

#[tauri::command(async)]
pub fn add_request_pause(
    state: State<'_, AppState>,
    id: i64,
    expected_version: i64,
    pause: Wire<PauseInput>,
) -> Result<Request, ErrorReport> {
    let pause = pause.into_inner()?;
    Ok(state
        .register()?
        .add_request_pause(id, expected_version, pause, &state.actor)?)
}

#[tauri::command(async)]
pub fn end_request_pause(
    state: State<'_, AppState>,
    id: i64,
    expected_version: i64,
    pause_id: i64,
    to: NaiveDate,
) -> Result<Request, ErrorReport> {
    let register = state.register()?;
    Ok(register.end_request_pause(id, expected_version, pause_id, to, &state.actor)?)
}

#[tauri::command(async)]
pub fn remove_request_pause(
    state: State<'_, AppState>,
    id: i64,
    expected_version: i64,
    pause_id: i64,
) -> Result<Request, ErrorReport> {
    let register = state.register()?;
    Ok(register.remove_request_pause(id, expected_version, pause_id, &state.actor)?)
}

#[tauri::command(async)]
pub fn set_request_extension(
    state: State<'_, AppState>,
    id: i64,
    expected_version: i64,
    extension: Option<Extension>,
) -> Result<Request, ErrorReport> {
    let register = state.register()?;
    Ok(register.set_request_extension(id, expected_version, extension, &state.actor)?)
}

/// Applies the large-volume special track (art. 84) or, with `null`, removes it.
#[tauri::command(async)]
pub fn set_request_large_volume(
    state: State<'_, AppState>,
    id: i64,
    expected_version: i64,
    large_volume: Option<LargeVolumeNotice>,
) -> Result<Request, ErrorReport> {
    let register = state.register()?;
    Ok(register.set_request_large_volume(id, expected_version, large_volume, &state.actor)?)
}

#[tauri::command(async)]
pub fn agenda(state: State<'_, AppState>) -> Result<Agenda, ErrorReport> {
    Ok(state.register()?.agenda(today())?)
}
