//! Commands of the management system (issue 17): risk assessments, training, internal audits,
//! corrective actions, management reviews, and the agenda of everything due.

use crate::state::AppState;
use daicho::clock::today;
use daicho::ipc::{ErrorReport, Wire};
use daicho::model::agenda::{Agenda, AgendaQuery};
use daicho::model::corrective_action::{
    CorrectiveAction, CorrectiveActionInput, CorrectiveActionView,
};
use daicho::model::internal_audit::{InternalAudit, InternalAuditInput, InternalAuditView};
use daicho::model::language::Language;
use daicho::model::management_review::{ManagementReview, ManagementReviewInput, ReviewDraft};
use daicho::model::risk_assessment::{RiskAssessment, RiskAssessmentGap, RiskAssessmentInput};
use daicho::model::training::{
    TrainingCourse, TrainingCourseInput, TrainingSession, TrainingSessionInput, Untrained,
};
use tauri::State;

#[tauri::command(async)]
pub fn list_risk_assessments(
    state: State<'_, AppState>,
) -> Result<Vec<RiskAssessment>, ErrorReport> {
    Ok(state.register()?.risk_assessments()?)
}

#[tauri::command(async)]
pub fn create_risk_assessment(
    state: State<'_, AppState>,
    input: Wire<RiskAssessmentInput>,
) -> Result<RiskAssessment, ErrorReport> {
    let input = input.into_inner()?;
    Ok(state
        .register()?
        .create_risk_assessment(input, &state.actor)?)
}

#[tauri::command(async)]
pub fn update_risk_assessment(
    state: State<'_, AppState>,
    id: i64,
    expected_version: i64,
    input: Wire<RiskAssessmentInput>,
) -> Result<RiskAssessment, ErrorReport> {
    let input = input.into_inner()?;
    let register = state.register()?;
    Ok(register.update_risk_assessment(id, expected_version, input, &state.actor)?)
}

#[tauri::command(async)]
pub fn delete_risk_assessment(
    state: State<'_, AppState>,
    id: i64,
    expected_version: i64,
) -> Result<(), ErrorReport> {
    let register = state.register()?;
    Ok(register.delete_risk_assessment(id, expected_version, &state.actor)?)
}

#[tauri::command(async)]
pub fn list_risk_assessment_gaps(
    state: State<'_, AppState>,
) -> Result<Vec<RiskAssessmentGap>, ErrorReport> {
    Ok(state.register()?.risk_assessment_gaps(today())?)
}

#[tauri::command(async)]
pub fn list_training_courses(
    state: State<'_, AppState>,
) -> Result<Vec<TrainingCourse>, ErrorReport> {
    Ok(state.register()?.training_courses()?)
}

#[tauri::command(async)]
pub fn create_training_course(
    state: State<'_, AppState>,
    input: Wire<TrainingCourseInput>,
) -> Result<TrainingCourse, ErrorReport> {
    let input = input.into_inner()?;
    Ok(state
        .register()?
        .create_training_course(input, &state.actor)?)
}

#[tauri::command(async)]
pub fn update_training_course(
    state: State<'_, AppState>,
    id: i64,
    expected_version: i64,
    input: Wire<TrainingCourseInput>,
) -> Result<TrainingCourse, ErrorReport> {
    let input = input.into_inner()?;
    let register = state.register()?;
    Ok(register.update_training_course(id, expected_version, input, &state.actor)?)
}

#[tauri::command(async)]
pub fn list_training_sessions(
    state: State<'_, AppState>,
) -> Result<Vec<TrainingSession>, ErrorReport> {
    Ok(state.register()?.training_sessions()?)
}

#[tauri::command(async)]
pub fn create_training_session(
    state: State<'_, AppState>,
    input: Wire<TrainingSessionInput>,
) -> Result<TrainingSession, ErrorReport> {
    let input = input.into_inner()?;
    Ok(state
        .register()?
        .create_training_session(input, &state.actor)?)
}

#[tauri::command(async)]
pub fn list_untrained(state: State<'_, AppState>) -> Result<Vec<Untrained>, ErrorReport> {
    Ok(state.register()?.untrained(today())?)
}

#[tauri::command(async)]
pub fn list_internal_audits(
    state: State<'_, AppState>,
) -> Result<Vec<InternalAuditView>, ErrorReport> {
    Ok(state.register()?.internal_audits(today())?)
}

#[tauri::command(async)]
pub fn create_internal_audit(
    state: State<'_, AppState>,
    input: Wire<InternalAuditInput>,
) -> Result<InternalAudit, ErrorReport> {
    let input = input.into_inner()?;
    Ok(state
        .register()?
        .create_internal_audit(input, &state.actor)?)
}

#[tauri::command(async)]
pub fn update_internal_audit(
    state: State<'_, AppState>,
    id: i64,
    expected_version: i64,
    input: Wire<InternalAuditInput>,
) -> Result<InternalAudit, ErrorReport> {
    let input = input.into_inner()?;
    let register = state.register()?;
    Ok(register.update_internal_audit(id, expected_version, input, &state.actor)?)
}

#[tauri::command(async)]
pub fn list_corrective_actions(
    state: State<'_, AppState>,
) -> Result<Vec<CorrectiveActionView>, ErrorReport> {
    Ok(state.register()?.corrective_actions(today())?)
}

#[tauri::command(async)]
pub fn create_corrective_action(
    state: State<'_, AppState>,
    input: Wire<CorrectiveActionInput>,
) -> Result<CorrectiveAction, ErrorReport> {
    let input = input.into_inner()?;
    Ok(state
        .register()?
        .create_corrective_action(input, &state.actor)?)
}

#[tauri::command(async)]
pub fn update_corrective_action(
    state: State<'_, AppState>,
    id: i64,
    expected_version: i64,
    input: Wire<CorrectiveActionInput>,
) -> Result<CorrectiveAction, ErrorReport> {
    let input = input.into_inner()?;
    let register = state.register()?;
    Ok(register.update_corrective_action(id, expected_version, input, &state.actor)?)
}

#[tauri::command(async)]
pub fn list_management_reviews(
    state: State<'_, AppState>,
) -> Result<Vec<ManagementReview>, ErrorReport> {
    Ok(state.register()?.management_reviews()?)
}

#[tauri::command(async)]
pub fn management_review_draft(
    state: State<'_, AppState>,
    language: Language,
) -> Result<ReviewDraft, ErrorReport> {
    Ok(state
        .register()?
        .management_review_draft(today(), language)?)
}

#[tauri::command(async)]
pub fn create_management_review(
    state: State<'_, AppState>,
    input: Wire<ManagementReviewInput>,
) -> Result<ManagementReview, ErrorReport> {
    let input = input.into_inner()?;
    Ok(state
        .register()?
        .create_management_review(input, &state.actor)?)
}

/// The whole agenda as `query` filters it.
#[tauri::command(async)]
pub fn full_agenda(state: State<'_, AppState>, query: AgendaQuery) -> Result<Agenda, ErrorReport> {
    Ok(state.register()?.agenda_for(today(), &query)?)
}

/// Notes that the agenda was opened today; answers the day it was opened before.
#[tauri::command(async)]
pub fn open_agenda(state: State<'_, AppState>) -> Result<Option<chrono::NaiveDate>, ErrorReport> {
    Ok(state.register()?.open_agenda(today(), &state.actor)?)
}

#[tauri::command(async)]
pub fn get_agenda_notifications(state: State<'_, AppState>) -> Result<bool, ErrorReport> {
    Ok(state.register()?.agenda_notifications()?)
}

#[tauri::command(async)]
pub fn set_agenda_notifications(state: State<'_, AppState>, on: bool) -> Result<(), ErrorReport> {
    Ok(state
        .register()?
        .set_agenda_notifications(on, &state.actor)?)
}
