use crate::state::AppState;
use daicho::audit::{AuditEntry, Entity};
use daicho::ipc::{ErrorReport, Wire};
use daicho::model::holding::{Holding, HoldingInput};
use tauri::State;

#[tauri::command(async)]
pub fn list_holdings(state: State<'_, AppState>) -> Result<Vec<Holding>, ErrorReport> {
    Ok(state.register()?.holdings()?)
}

#[tauri::command(async)]
pub fn get_holding(state: State<'_, AppState>, id: i64) -> Result<Holding, ErrorReport> {
    Ok(state.register()?.holding(id)?)
}

#[tauri::command(async)]
pub fn create_holding(
    state: State<'_, AppState>,
    input: Wire<HoldingInput>,
) -> Result<Holding, ErrorReport> {
    let input = input.into_inner()?;
    Ok(state.register()?.create_holding(input, &state.actor)?)
}

#[tauri::command(async)]
pub fn update_holding(
    state: State<'_, AppState>,
    id: i64,
    expected_version: i64,
    input: Wire<HoldingInput>,
) -> Result<Holding, ErrorReport> {
    let input = input.into_inner()?;
    Ok(state
        .register()?
        .update_holding(id, expected_version, input, &state.actor)?)
}

#[tauri::command(async)]
pub fn delete_holding(
    state: State<'_, AppState>,
    id: i64,
    expected_version: i64,
) -> Result<(), ErrorReport> {
    Ok(state
        .register()?
        .delete_holding(id, expected_version, &state.actor)?)
}

#[tauri::command(async)]
pub fn holding_history(
    state: State<'_, AppState>,
    id: i64,
) -> Result<Vec<AuditEntry>, ErrorReport> {
    Ok(state
        .register()?
        .history(Entity::Holding, &id.to_string())?)
}
