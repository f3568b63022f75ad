use crate::state::AppState;
use chrono::NaiveDate;
use daicho::audit::{AuditEntry, Entity};
use daicho::breach::draft::{DraftKind, IncidentDraft};
use daicho::clock::today;
use daicho::ipc::{ErrorReport, Wire};
use daicho::model::incident::{
    FilingInput, Incident, IncidentActionInput, IncidentInput, NoticeInput,
};
use daicho::{IncidentView, Language};
use tauri::State;

#[tauri::command(async)]
pub fn list_incidents(state: State<'_, AppState>) -> Result<Vec<IncidentView>, ErrorReport> {
    Ok(state.register()?.incidents(today())?)
}

#[tauri::command(async)]
pub fn get_incident(state: State<'_, AppState>, id: i64) -> Result<IncidentView, ErrorReport> {
    Ok(state.register()?.incident(id, today())?)
}

#[tauri::command(async)]
pub fn create_incident(
    state: State<'_, AppState>,
    input: Wire<IncidentInput>,
) -> Result<Incident, ErrorReport> {
    let input = input.into_inner()?;
    Ok(state.register()?.create_incident(input, &state.actor)?)
}

#[tauri::command(async)]
pub fn update_incident(
    state: State<'_, AppState>,
    id: i64,
    expected_version: i64,
    input: Wire<IncidentInput>,
) -> Result<Incident, ErrorReport> {
    let input = input.into_inner()?;
    Ok(state
        .register()?
        .update_incident(id, expected_version, input, &state.actor)?)
}

#[tauri::command(async)]
pub fn add_incident_action(
    state: State<'_, AppState>,
    id: i64,
    expected_version: i64,
    action: Wire<IncidentActionInput>,
) -> Result<Incident, ErrorReport> {
    let action = action.into_inner()?;
    let register = state.register()?;
    Ok(register.add_incident_action(id, expected_version, action, &state.actor)?)
}

#[tauri::command(async)]
pub fn add_incident_filing(
    state: State<'_, AppState>,
    id: i64,
    expected_version: i64,
    filing: Wire<FilingInput>,
) -> Result<Incident, ErrorReport> {
    let filing = filing.into_inner()?;
    let register = state.register()?;
    Ok(register.add_incident_filing(id, expected_version, filing, &state.actor)?)
}

#[tauri::command(async)]
pub fn add_incident_notice(
    state: State<'_, AppState>,
    id: i64,
    expected_version: i64,
    notice: Wire<NoticeInput>,
) -> Result<Incident, ErrorReport> {
    let notice = notice.into_inner()?;
    let register = state.register()?;
    Ok(register.add_incident_notice(id, expected_version, notice, &state.actor)?)
}

#[tauri::command(async)]
pub fn close_incident(
    state: State<'_, AppState>,
    id: i64,
    expected_version: i64,
    closed_on: NaiveDate,
    note: String,
) -> Result<Incident, ErrorReport> {
    let register = state.register()?;
    Ok(register.close_incident(id, expected_version, closed_on, note, &state.actor)?)
}

#[tauri::command(async)]
pub fn incident_draft(
    state: State<'_, AppState>,
    id: i64,
    kind: DraftKind,
    language: Language,
) -> Result<IncidentDraft, ErrorReport> {
    Ok(state.register()?.incident_draft(id, kind, language)?)
}

#[tauri::command(async)]
pub fn incident_history(
    state: State<'_, AppState>,
    id: i64,
) -> Result<Vec<AuditEntry>, ErrorReport> {
    Ok(state
        .register()?
        .history(Entity::Incident, &id.to_string())?)
}
