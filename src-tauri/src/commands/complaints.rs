use crate::state::AppState;
use chrono::NaiveDate;
use daicho::clock::today;
use daicho::ipc::{ErrorReport, Wire};
use daicho::model::complaint::{Complaint, ComplaintActionInput, ComplaintInput, ComplaintView};
use tauri::State;

#[tauri::command(async)]
pub fn list_complaints(state: State<'_, AppState>) -> Result<Vec<ComplaintView>, ErrorReport> {
    Ok(state.register()?.complaints(today())?)
}

#[tauri::command(async)]
pub fn get_complaint(state: State<'_, AppState>, id: i64) -> Result<ComplaintView, ErrorReport> {
    Ok(state.register()?.complaint(id, today())?)
}

#[tauri::command(async)]
pub fn create_complaint(
    state: State<'_, AppState>,
    input: Wire<ComplaintInput>,
) -> Result<Complaint, ErrorReport> {
    let input = input.into_inner()?;
    Ok(state.register()?.create_complaint(input, &state.actor)?)
}

#[tauri::command(async)]
pub fn update_complaint(
    state: State<'_, AppState>,
    id: i64,
    expected_version: i64,
    input: Wire<ComplaintInput>,
) -> Result<Complaint, ErrorReport> {
    let input = input.into_inner()?;
    Ok(state
        .register()?
        .update_complaint(id, expected_version, input, &state.actor)?)
}

#[tauri::command(async)]
pub fn add_complaint_action(
    state: State<'_, AppState>,
    id: i64,
    expected_version: i64,
    action: Wire<ComplaintActionInput>,
) -> Result<Complaint, ErrorReport> {
    let action = action.into_inner()?;
    let register = state.register()?;
    Ok(register.add_complaint_action(id, expected_version, action, &state.actor)?)
}

#[tauri::command(async)]
pub fn close_complaint(
    state: State<'_, AppState>,
    id: i64,
    expected_version: i64,
    closed_on: NaiveDate,
    resolution: String,
) -> Result<Complaint, ErrorReport> {
    let register = state.register()?;
    Ok(register.close_complaint(id, expected_version, closed_on, resolution, &state.actor)?)
}
