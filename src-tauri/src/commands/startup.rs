use crate::state::AppState;
use daicho::ipc::{ErrorReport, LockState, StartupStatus};
use tauri::State;

/// Everything the UI needs to pick its first screen: while locked, only where the register
/// is and what must happen before it can be opened.
#[tauri::command(async)]
pub fn startup_status(state: State<'_, AppState>) -> Result<StartupStatus, ErrorReport> {
    Ok(status_of(&state))
}

pub fn status_of(state: &AppState) -> StartupStatus {
    let db_path = state.db_path.display().to_string();
    let closed = |lock_state, error| StartupStatus {
        db_path: db_path.clone(),
        error,
        organisation: None,
        language: None,
        era_dates: false,
        chain_head: None,
        lock_state,
        verification: None,
        lock_after_minutes: 0,
        read_only: false,
    };
    let lock_state = match state.lock_state() {
        Ok(lock_state) => lock_state,
        Err(error) => return closed(LockState::Locked, Some(error)),
    };
    if lock_state != LockState::Open {
        return closed(lock_state, None);
    }
    let read = || -> Result<StartupStatus, ErrorReport> {
        let register = state.register()?;
        Ok(StartupStatus {
            db_path: db_path.clone(),
            error: None,
            organisation: register.organisation()?,
            language: register.language()?,
            era_dates: register.era_dates()?,
            chain_head: register.chain_head()?,
            lock_state,
            verification: register.last_verification(),
            lock_after_minutes: daicho::protection::settings(&register)?.lock_after_minutes,
            read_only: register.is_read_only(),
        })
    };
    read().unwrap_or_else(|error| closed(LockState::Locked, Some(error)))
}
