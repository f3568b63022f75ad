//! Commands of the provision, measure, disposal, consent matter and objection sections and the
//! data-quality panel.

use crate::state::AppState;
use daicho::audit::{AuditEntry, Entity};
use daicho::clock::today;
use daicho::ipc::{ErrorReport, Wire};
use daicho::model::consent_matter::{ConsentMatter, ConsentMatterInput};
use daicho::model::disposal::{Disposal, DisposalDue, DisposalInput};
use daicho::model::measure::{Measure, MeasureInput};
use daicho::model::objection::{Objection, ObjectionInput};
use daicho::model::provision::{
    ProvisionRecord, ProvisionRecordInput, ProvisionRecordView, Recipient, RecipientInput,
};
use daicho::model::quality::Finding;
use tauri::State;

#[tauri::command(async)]
pub fn list_recipients(state: State<'_, AppState>) -> Result<Vec<Recipient>, ErrorReport> {
    Ok(state.register()?.recipients()?)
}

#[tauri::command(async)]
pub fn get_recipient(state: State<'_, AppState>, id: i64) -> Result<Recipient, ErrorReport> {
    Ok(state.register()?.recipient(id)?)
}

#[tauri::command(async)]
pub fn create_recipient(
    state: State<'_, AppState>,
    input: Wire<RecipientInput>,
) -> Result<Recipient, ErrorReport> {
    let input = input.into_inner()?;
    Ok(state.register()?.create_recipient(input, &state.actor)?)
}

#[tauri::command(async)]
pub fn update_recipient(
    state: State<'_, AppState>,
    id: i64,
    expected_version: i64,
    input: Wire<RecipientInput>,
) -> Result<Recipient, ErrorReport> {
    let input = input.into_inner()?;
    let register = state.register()?;
    Ok(register.update_recipient(id, expected_version, input, &state.actor)?)
}

#[tauri::command(async)]
pub fn delete_recipient(
    state: State<'_, AppState>,
    id: i64,
    expected_version: i64,
) -> Result<(), ErrorReport> {
    let register = state.register()?;
    Ok(register.delete_recipient(id, expected_version, &state.actor)?)
}

#[tauri::command(async)]
pub fn list_provision_records(
    state: State<'_, AppState>,
) -> Result<Vec<ProvisionRecordView>, ErrorReport> {
    Ok(state.register()?.provision_records(today())?)
}

#[tauri::command(async)]
pub fn get_provision_record(
    state: State<'_, AppState>,
    id: i64,
) -> Result<ProvisionRecordView, ErrorReport> {
    Ok(state.register()?.provision_record(id, today())?)
}

#[tauri::command(async)]
pub fn create_provision_record(
    state: State<'_, AppState>,
    input: Wire<ProvisionRecordInput>,
) -> Result<ProvisionRecord, ErrorReport> {
    let input = input.into_inner()?;
    Ok(state
        .register()?
        .create_provision_record(input, &state.actor)?)
}

#[tauri::command(async)]
pub fn update_provision_record(
    state: State<'_, AppState>,
    id: i64,
    expected_version: i64,
    input: Wire<ProvisionRecordInput>,
) -> Result<ProvisionRecord, ErrorReport> {
    let input = input.into_inner()?;
    let register = state.register()?;
    Ok(register.update_provision_record(id, expected_version, input, &state.actor)?)
}

#[tauri::command(async)]
pub fn delete_provision_record(
    state: State<'_, AppState>,
    id: i64,
    expected_version: i64,
) -> Result<(), ErrorReport> {
    let register = state.register()?;
    Ok(register.delete_provision_record(id, expected_version, &state.actor)?)
}

#[tauri::command(async)]
pub fn list_measures(state: State<'_, AppState>) -> Result<Vec<Measure>, ErrorReport> {
    Ok(state.register()?.measures()?)
}

#[tauri::command(async)]
pub fn get_measure(state: State<'_, AppState>, id: i64) -> Result<Measure, ErrorReport> {
    Ok(state.register()?.measure(id)?)
}

#[tauri::command(async)]
pub fn create_measure(
    state: State<'_, AppState>,
    input: Wire<MeasureInput>,
) -> Result<Measure, ErrorReport> {
    let input = input.into_inner()?;
    Ok(state.register()?.create_measure(input, &state.actor)?)
}

#[tauri::command(async)]
pub fn update_measure(
    state: State<'_, AppState>,
    id: i64,
    expected_version: i64,
    input: Wire<MeasureInput>,
) -> Result<Measure, ErrorReport> {
    let input = input.into_inner()?;
    let register = state.register()?;
    Ok(register.update_measure(id, expected_version, input, &state.actor)?)
}

#[tauri::command(async)]
pub fn delete_measure(
    state: State<'_, AppState>,
    id: i64,
    expected_version: i64,
) -> Result<(), ErrorReport> {
    let register = state.register()?;
    Ok(register.delete_measure(id, expected_version, &state.actor)?)
}

#[tauri::command(async)]
pub fn list_disposals(state: State<'_, AppState>) -> Result<Vec<Disposal>, ErrorReport> {
    Ok(state.register()?.disposals()?)
}

#[tauri::command(async)]
pub fn get_disposal(state: State<'_, AppState>, id: i64) -> Result<Disposal, ErrorReport> {
    Ok(state.register()?.disposal(id)?)
}

#[tauri::command(async)]
pub fn create_disposal(
    state: State<'_, AppState>,
    input: Wire<DisposalInput>,
) -> Result<Disposal, ErrorReport> {
    let input = input.into_inner()?;
    Ok(state.register()?.create_disposal(input, &state.actor)?)
}

#[tauri::command(async)]
pub fn update_disposal(
    state: State<'_, AppState>,
    id: i64,
    expected_version: i64,
    input: Wire<DisposalInput>,
) -> Result<Disposal, ErrorReport> {
    let input = input.into_inner()?;
    let register = state.register()?;
    Ok(register.update_disposal(id, expected_version, input, &state.actor)?)
}

#[tauri::command(async)]
pub fn delete_disposal(
    state: State<'_, AppState>,
    id: i64,
    expected_version: i64,
) -> Result<(), ErrorReport> {
    let register = state.register()?;
    Ok(register.delete_disposal(id, expected_version, &state.actor)?)
}

#[tauri::command(async)]
pub fn list_consent_matters(state: State<'_, AppState>) -> Result<Vec<ConsentMatter>, ErrorReport> {
    Ok(state.register()?.consent_matters()?)
}

#[tauri::command(async)]
pub fn get_consent_matter(
    state: State<'_, AppState>,
    id: i64,
) -> Result<ConsentMatter, ErrorReport> {
    Ok(state.register()?.consent_matter(id)?)
}

#[tauri::command(async)]
pub fn create_consent_matter(
    state: State<'_, AppState>,
    input: Wire<ConsentMatterInput>,
) -> Result<ConsentMatter, ErrorReport> {
    let input = input.into_inner()?;
    Ok(state
        .register()?
        .create_consent_matter(input, &state.actor)?)
}

#[tauri::command(async)]
pub fn update_consent_matter(
    state: State<'_, AppState>,
    id: i64,
    expected_version: i64,
    input: Wire<ConsentMatterInput>,
) -> Result<ConsentMatter, ErrorReport> {
    let input = input.into_inner()?;
    let register = state.register()?;
    Ok(register.update_consent_matter(id, expected_version, input, &state.actor)?)
}

#[tauri::command(async)]
pub fn delete_consent_matter(
    state: State<'_, AppState>,
    id: i64,
    expected_version: i64,
) -> Result<(), ErrorReport> {
    let register = state.register()?;
    Ok(register.delete_consent_matter(id, expected_version, &state.actor)?)
}

#[tauri::command(async)]
pub fn list_objections(state: State<'_, AppState>) -> Result<Vec<Objection>, ErrorReport> {
    Ok(state.register()?.objections()?)
}

#[tauri::command(async)]
pub fn get_objection(state: State<'_, AppState>, id: i64) -> Result<Objection, ErrorReport> {
    Ok(state.register()?.objection(id)?)
}

#[tauri::command(async)]
pub fn create_objection(
    state: State<'_, AppState>,
    input: Wire<ObjectionInput>,
) -> Result<Objection, ErrorReport> {
    let input = input.into_inner()?;
    Ok(state.register()?.create_objection(input, &state.actor)?)
}

#[tauri::command(async)]
pub fn update_objection(
    state: State<'_, AppState>,
    id: i64,
    expected_version: i64,
    input: Wire<ObjectionInput>,
) -> Result<Objection, ErrorReport> {
    let input = input.into_inner()?;
    let register = state.register()?;
    Ok(register.update_objection(id, expected_version, input, &state.actor)?)
}

#[tauri::command(async)]
pub fn delete_objection(
    state: State<'_, AppState>,
    id: i64,
    expected_version: i64,
) -> Result<(), ErrorReport> {
    let register = state.register()?;
    Ok(register.delete_objection(id, expected_version, &state.actor)?)
}

/// Every provision and receipt record about one person (art. 33(5)).
#[tauri::command(async)]
pub fn provision_records_about(
    state: State<'_, AppState>,
    person: String,
) -> Result<Vec<ProvisionRecordView>, ErrorReport> {
    Ok(state
        .register()?
        .provision_records_about(&person, today())?)
}

#[tauri::command(async)]
pub fn list_disposals_due(state: State<'_, AppState>) -> Result<Vec<DisposalDue>, ErrorReport> {
    Ok(state.register()?.disposals_due(today())?)
}

#[tauri::command(async)]
pub fn list_findings(state: State<'_, AppState>) -> Result<Vec<Finding>, ErrorReport> {
    Ok(state.register()?.findings(today())?)
}

/// The history of one record of these sections.
#[tauri::command(async)]
pub fn section_history(
    state: State<'_, AppState>,
    entity: Entity,
    id: i64,
) -> Result<Vec<AuditEntry>, ErrorReport> {
    Ok(state.register()?.history(entity, &id.to_string())?)
}
