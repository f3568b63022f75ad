//! Protecting the register: the passphrase (create, unlock, lock, change), encrypting an
//! unencrypted register, the protection settings, backups and restore. A passphrase crosses
//! IPC once per action and is wrapped at once in the core's zeroizing `Passphrase`.

use crate::commands::startup::status_of;
use crate::state::AppState;
use daicho::ipc::{ErrorReport, LockState, StartupStatus};
use daicho::protection::backup::{self, BackupInfo, RestoreOutcome};
use daicho::protection::{BackupEvent, DamagedBackups, ProtectionOverview, ProtectionSettings};
use daicho::{CoreError, Passphrase};
use std::path::{Path, PathBuf};
use std::time::Duration;
use tauri::{AppHandle, Emitter, Manager, State};
use tauri_plugin_dialog::DialogExt;

/// The event the UI shows a toast for when an automatic backup has run.
pub const BACKUP_EVENT: &str = "daicho://backup";

fn status_after(state: &AppState) -> StartupStatus {
    status_of(state)
}

fn refuse_unless(state: &AppState, expected: LockState) -> Result<(), ErrorReport> {
    let found = state.lock_state()?;
    if found != expected {
        return Err(CoreError::Conflict(format!(
            "the register is {found:?}, not {expected:?}; nothing was changed"
        ))
        .into());
    }
    Ok(())
}

#[tauri::command(async)]
pub fn unlock_register(
    app: AppHandle,
    state: State<'_, AppState>,
    passphrase: String,
) -> Result<StartupStatus, ErrorReport> {
    let key = Passphrase::new(passphrase)?;
    state.unlock(&key)?;
    backup_in_background(app, backup::DAILY_BACKUP_AGE);
    Ok(status_after(&state))
}

/// First run: the passphrase, typed twice, creates the encrypted register.
#[tauri::command(async)]
pub fn create_register(
    state: State<'_, AppState>,
    passphrase: String,
    confirmation: String,
) -> Result<StartupStatus, ErrorReport> {
    refuse_unless(&state, LockState::New)?;
    let key = Passphrase::check_new(&passphrase, &confirmation)?;
    state.create(&key)?;
    Ok(status_after(&state))
}

/// Encrypts a register from before encryption in place, then opens it.
#[tauri::command(async)]
pub fn encrypt_register(
    state: State<'_, AppState>,
    passphrase: String,
    confirmation: String,
) -> Result<StartupStatus, ErrorReport> {
    refuse_unless(&state, LockState::Unencrypted)?;
    let key = Passphrase::check_new(&passphrase, &confirmation)?;
    daicho::protection::encrypt_in_place(&state.db_path, &key)?;
    state.unlock(&key)?;
    Ok(status_after(&state))
}

#[tauri::command(async)]
pub fn lock_register(state: State<'_, AppState>) -> Result<(), ErrorReport> {
    state.lock();
    Ok(())
}

#[tauri::command(async)]
pub fn change_passphrase(
    state: State<'_, AppState>,
    current: String,
    passphrase: String,
    confirmation: String,
) -> Result<(), ErrorReport> {
    let current = Passphrase::new(current).map_err(|_| CoreError::WrongPassphrase {
        path: state.db_path.clone(),
    })?;
    let new = Passphrase::check_new(&passphrase, &confirmation).map_err(rename_new_fields)?;
    Ok(daicho::protection::change_passphrase(
        &*state.register()?,
        &current,
        &new,
    )?)
}

/// The form calls the new passphrase `newPassphrase`, as the core does when it refuses one.
fn rename_new_fields(error: CoreError) -> CoreError {
    match error {
        CoreError::Validation(mut fields) => {
            for field in &mut fields {
                if field.field == "passphrase" {
                    field.field = "newPassphrase".to_owned();
                }
            }
            CoreError::Validation(fields)
        }
        other => other,
    }
}

fn backup_dir(state: &AppState, settings: &ProtectionSettings) -> PathBuf {
    settings
        .backup_dir
        .as_ref()
        .map(PathBuf::from)
        .unwrap_or_else(|| state.default_backup_dir())
}

#[tauri::command(async)]
pub fn protection_overview(state: State<'_, AppState>) -> Result<ProtectionOverview, ErrorReport> {
    let register = state.register()?;
    let settings = daicho::protection::settings(&register)?;
    let dir = backup_dir(&state, &settings);
    Ok(ProtectionOverview {
        backups: daicho::protection::backups_in(&register, &dir)?,
        backup_dir: dir.display().to_string(),
        verification: register.last_verification(),
        settings,
    })
}

#[tauri::command(async)]
pub fn save_protection_settings(
    state: State<'_, AppState>,
    settings: ProtectionSettings,
) -> Result<ProtectionSettings, ErrorReport> {
    Ok(daicho::protection::save_settings(
        &*state.register()?,
        settings,
        &state.actor,
    )?)
}

/// Asks for the backup folder with the native dialog and saves it. `None` if cancelled.
#[tauri::command]
pub async fn choose_backup_dir(app: AppHandle) -> Result<Option<ProtectionSettings>, ErrorReport> {
    let (tx, mut rx) = tauri::async_runtime::channel(1);
    app.dialog().file().pick_folder(move |folder| {
        let _ = tx.try_send(folder.and_then(|f| f.into_path().ok()));
    });
    let Some(folder) = rx.recv().await.flatten() else {
        return Ok(None);
    };
    let state = app.state::<AppState>();
    let register = state.register()?;
    let settings = ProtectionSettings {
        backup_dir: Some(folder.display().to_string()),
        ..daicho::protection::settings(&register)?
    };
    Ok(Some(daicho::protection::save_settings(
        &register,
        settings,
        &state.actor,
    )?))
}

/// A verified backup now, then rotation. Runs on a worker thread, never the UI's.
#[tauri::command(async)]
pub fn backup_now(state: State<'_, AppState>) -> Result<BackupInfo, ErrorReport> {
    Ok(back_up(&state)?)
}

/// The core's backup-then-rotate with this workstation's folder and rotation settings. A
/// rotation that failed is reported as the backup's failure, as the UI has no other place
/// for it; the new backup is in the folder all the same.
fn back_up(state: &AppState) -> Result<BackupInfo, CoreError> {
    let register = state.register().map_err(|_| CoreError::Locked)?;
    let settings = daicho::protection::settings(&register)?;
    let run = daicho::protection::backup::back_up_and_rotate(
        &register,
        &backup_dir(state, &settings),
        settings.keep_daily,
        settings.keep_weekly,
        chrono::Local::now().fixed_offset(),
    )?;
    let removed = run.rotation?;
    tracing::info!(
        removed = removed.len(),
        leftovers = run.leftovers_removed.len(),
        "backed up the register"
    );
    Ok(run.info)
}

/// Replaces the register with a backup in the backup folder, after the officer confirmed and
/// typed the passphrase the backup was made under. The current register is kept aside.
#[tauri::command(async)]
pub fn restore_backup(
    state: State<'_, AppState>,
    file_name: String,
    passphrase: String,
) -> Result<RestoreOutcome, ErrorReport> {
    let key = Passphrase::new(passphrase)?;
    let dir = {
        let register = state.register()?;
        backup_dir(&state, &daicho::protection::settings(&register)?)
    };
    let backup_path = backup_file(&dir, &file_name)?;
    // Checked before the register is closed, so a wrong passphrase changes nothing.
    backup::verify_backup(&backup_path, &key)?;
    let current = state.register()?.passphrase();
    let outcome = state.with_register_closed(&key, |path| {
        Ok(backup::restore(
            path,
            &backup_path,
            &key,
            chrono::Local::now().fixed_offset(),
        )?)
    })?;
    // A backup made under an earlier passphrase: the restored register is re-encrypted under
    // the passphrase the officer uses now, so that it does not open only with the old one at
    // the next start (issue 12, item 13). Should that fail, the register stays under the
    // backup's passphrase, which the officer has just typed; the restore itself stands.
    if let Some(current) = current.filter(|current| *current != key) {
        let register = state.register()?;
        if let Err(error) = daicho::protection::change_passphrase(&register, &key, &current) {
            tracing::warn!(kind = ?error.kind(), "the restored register kept the backup's passphrase");
        }
    }
    Ok(outcome)
}

/// Where the damaged-register screen looks: the folder the officer chose there, else the
/// default folder beside the register.
fn damaged_dir(state: &AppState) -> PathBuf {
    state
        .damaged_backup_dir
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
        .clone()
        .unwrap_or_else(|| state.default_backup_dir())
}

/// The backups a damaged register can be restored from, read with the passphrase that
/// decrypted the damaged register.
#[tauri::command(async)]
pub fn damaged_register_backups(state: State<'_, AppState>) -> Result<DamagedBackups, ErrorReport> {
    let key = state.damaged_key().clone().ok_or(CoreError::Locked)?;
    let dir = damaged_dir(&state);
    let backups = if dir.is_dir() {
        backup::list_backups(&dir, &key)?
    } else {
        Vec::new()
    };
    Ok(DamagedBackups {
        dir: dir.display().to_string(),
        backups,
    })
}

/// Asks for another folder to look for backups in (the one set in the settings, on removable
/// media for example). `None` if cancelled.
#[tauri::command]
pub async fn choose_damaged_backup_dir(
    app: AppHandle,
) -> Result<Option<DamagedBackups>, ErrorReport> {
    let (tx, mut rx) = tauri::async_runtime::channel(1);
    app.dialog().file().pick_folder(move |folder| {
        let _ = tx.try_send(folder.and_then(|f| f.into_path().ok()));
    });
    let Some(folder) = rx.recv().await.flatten() else {
        return Ok(None);
    };
    let state = app.state::<AppState>();
    *state
        .damaged_backup_dir
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner()) = Some(folder);
    damaged_register_backups(state).map(Some)
}

/// Restores a damaged register from a backup; the damaged file is kept aside, never
/// overwritten.
#[tauri::command(async)]
pub fn restore_damaged_register(
    state: State<'_, AppState>,
    file_name: String,
) -> Result<StartupStatus, ErrorReport> {
    let key = state.damaged_key().clone().ok_or(CoreError::Locked)?;
    let backup_path = backup_file(&damaged_dir(&state), &file_name)?;
    state.with_register_closed(&key, |path| {
        Ok(backup::restore(
            path,
            &backup_path,
            &key,
            chrono::Local::now().fixed_offset(),
        )?)
    })?;
    Ok(status_after(&state))
}

/// Only a plain file name inside the backup folder: the webview never names other paths.
fn backup_file(dir: &Path, file_name: &str) -> Result<PathBuf, ErrorReport> {
    let plain = Path::new(file_name)
        .file_name()
        .is_some_and(|name| name == file_name);
    if !plain {
        return Err(CoreError::NotFound {
            entity: "backup",
            id: file_name.to_owned(),
        }
        .into());
    }
    Ok(dir.join(file_name))
}

/// Backs up in the background when the core says an automatic backup is due
/// (`ProtectionSettings::automatic_backup_due`; `max_age` zero: always), then tells the UI.
pub fn backup_in_background(app: AppHandle, max_age: Duration) {
    std::thread::spawn(move || backup_if_due(&app, max_age));
}

pub fn backup_if_due(app: &AppHandle, max_age: Duration) {
    let state = app.state::<AppState>();
    let due = || -> Result<bool, CoreError> {
        let register = state.register().map_err(|_| CoreError::Locked)?;
        let settings = daicho::protection::settings(&register)?;
        settings.automatic_backup_due(
            &backup_dir(&state, &settings),
            chrono::Local::now().naive_local(),
            max_age,
        )
    };
    match due() {
        Ok(true) => {}
        Ok(false) | Err(CoreError::Locked) => return,
        Err(error) => {
            tracing::warn!(kind = ?error.kind(), "could not tell whether a backup is due");
            return;
        }
    }
    let event = match back_up(&state) {
        Ok(info) => BackupEvent {
            info: Some(info),
            error: None,
        },
        Err(error) => {
            tracing::warn!(kind = ?error.kind(), "the automatic backup failed");
            BackupEvent {
                info: None,
                error: Some(error.into()),
            }
        }
    };
    let _ = app.emit(BACKUP_EVENT, event);
}

/// Checks once in a while, for as long as the app runs, whether the daily backup is due.
pub fn start_daily_backups(app: AppHandle) {
    std::thread::spawn(move || loop {
        std::thread::sleep(Duration::from_secs(10 * 60));
        backup_if_due(&app, backup::DAILY_BACKUP_AGE);
    });
}
