use crate::state::AppState;
use daicho::audit::{AuditEntry, Entity};
use daicho::clock::today;
use daicho::ipc::{ErrorReport, Wire};
use daicho::model::joint_use::{JointUse, JointUseChange, JointUseInput};
use daicho::model::subcontractor::{Subcontractor, SubcontractorInput};
use daicho::model::transfer::{Transfer, TransferInput};
use daicho::register::sharing::{
    HoldingSharing, JointUseView, SharingFinding, SubcontractorNode, TransferView,
};
use tauri::State;

#[tauri::command(async)]
pub fn list_subcontractors(
    state: State<'_, AppState>,
) -> Result<Vec<SubcontractorNode>, ErrorReport> {
    Ok(state.register()?.subcontractor_tree(today())?)
}

#[tauri::command(async)]
pub fn get_subcontractor(
    state: State<'_, AppState>,
    id: i64,
) -> Result<Subcontractor, ErrorReport> {
    Ok(state.register()?.subcontractor(id)?)
}

#[tauri::command(async)]
pub fn create_subcontractor(
    state: State<'_, AppState>,
    input: Wire<SubcontractorInput>,
) -> Result<Subcontractor, ErrorReport> {
    let input = input.into_inner()?;
    Ok(state
        .register()?
        .create_subcontractor(input, &state.actor)?)
}

#[tauri::command(async)]
pub fn update_subcontractor(
    state: State<'_, AppState>,
    id: i64,
    expected_version: i64,
    input: Wire<SubcontractorInput>,
) -> Result<Subcontractor, ErrorReport> {
    let input = input.into_inner()?;
    let register = state.register()?;
    Ok(register.update_subcontractor(id, expected_version, input, &state.actor)?)
}

#[tauri::command(async)]
pub fn delete_subcontractor(
    state: State<'_, AppState>,
    id: i64,
    expected_version: i64,
) -> Result<(), ErrorReport> {
    let register = state.register()?;
    Ok(register.delete_subcontractor(id, expected_version, &state.actor)?)
}

#[tauri::command(async)]
pub fn list_joint_uses(state: State<'_, AppState>) -> Result<Vec<JointUseView>, ErrorReport> {
    Ok(state.register()?.joint_uses()?)
}

#[tauri::command(async)]
pub fn get_joint_use(state: State<'_, AppState>, id: i64) -> Result<JointUseView, ErrorReport> {
    Ok(state.register()?.joint_use(id)?)
}

#[tauri::command(async)]
pub fn create_joint_use(
    state: State<'_, AppState>,
    input: Wire<JointUseInput>,
) -> Result<JointUse, ErrorReport> {
    let input = input.into_inner()?;
    Ok(state.register()?.create_joint_use(input, &state.actor)?)
}

#[tauri::command(async)]
pub fn update_joint_use(
    state: State<'_, AppState>,
    id: i64,
    expected_version: i64,
    input: Wire<JointUseInput>,
    change: Option<JointUseChange>,
) -> Result<JointUse, ErrorReport> {
    let input = input.into_inner()?;
    let register = state.register()?;
    Ok(register.update_joint_use(id, expected_version, input, change, &state.actor)?)
}

#[tauri::command(async)]
pub fn delete_joint_use(
    state: State<'_, AppState>,
    id: i64,
    expected_version: i64,
) -> Result<(), ErrorReport> {
    let register = state.register()?;
    Ok(register.delete_joint_use(id, expected_version, &state.actor)?)
}

#[tauri::command(async)]
pub fn list_transfers(state: State<'_, AppState>) -> Result<Vec<TransferView>, ErrorReport> {
    Ok(state.register()?.transfers(today())?)
}

#[tauri::command(async)]
pub fn get_transfer(state: State<'_, AppState>, id: i64) -> Result<TransferView, ErrorReport> {
    Ok(state.register()?.transfer(id, today())?)
}

#[tauri::command(async)]
pub fn create_transfer(
    state: State<'_, AppState>,
    input: Wire<TransferInput>,
) -> Result<Transfer, ErrorReport> {
    let input = input.into_inner()?;
    Ok(state.register()?.create_transfer(input, &state.actor)?)
}

#[tauri::command(async)]
pub fn update_transfer(
    state: State<'_, AppState>,
    id: i64,
    expected_version: i64,
    input: Wire<TransferInput>,
) -> Result<Transfer, ErrorReport> {
    let input = input.into_inner()?;
    let register = state.register()?;
    Ok(register.update_transfer(id, expected_version, input, &state.actor)?)
}

#[tauri::command(async)]
pub fn delete_transfer(
    state: State<'_, AppState>,
    id: i64,
    expected_version: i64,
) -> Result<(), ErrorReport> {
    let register = state.register()?;
    Ok(register.delete_transfer(id, expected_version, &state.actor)?)
}

#[tauri::command(async)]
pub fn holding_sharing(
    state: State<'_, AppState>,
    holding_id: i64,
) -> Result<HoldingSharing, ErrorReport> {
    Ok(state.register()?.holding_sharing(holding_id)?)
}

#[tauri::command(async)]
pub fn sharing_findings(state: State<'_, AppState>) -> Result<Vec<SharingFinding>, ErrorReport> {
    Ok(state.register()?.sharing_findings(today())?)
}

/// The change history of a subcontractor, joint use or transfer, newest first.
#[tauri::command(async)]
pub fn sharing_history(
    state: State<'_, AppState>,
    entity: Entity,
    id: i64,
) -> Result<Vec<AuditEntry>, ErrorReport> {
    Ok(state.register()?.history(entity, &id.to_string())?)
}
