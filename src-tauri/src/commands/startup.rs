use crate::state::AppState;
use daicho::ipc::{ErrorReport, StartupStatus};
use tauri::State;

/// Everything the UI needs to pick its first screen.
#[tauri::command(async)]
pub fn startup_status(state: State<'_, AppState>) -> Result<StartupStatus, ErrorReport> {
    let db_path = state.db_path.display().to_string();
    let register = match state.register() {
        Ok(register) => register,
        Err(error) => {
            return Ok(StartupStatus {
                db_path,
                error: Some(error),
                organisation: None,
                language: None,
                chain_head: None,
            })
        }
    };
    Ok(StartupStatus {
        db_path,
        error: None,
        organisation: register.organisation()?,
        language: register.language()?,
        chain_head: register.chain_head()?,
    })
}
