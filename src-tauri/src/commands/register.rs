//! Whole-register operations: verification and the JSON document. File dialogs are shown
//! from Rust and files are written by Rust, so the webview never gets filesystem access.

use crate::state::AppState;
use daicho::audit::{ChangeLog, ChangeLogFilter, VerifyReport};
use daicho::document::ImportSummary;
use daicho::ipc::ErrorReport;
use daicho::model::search::SearchGroup;
use daicho::CoreError;
use std::path::PathBuf;
use tauri::{AppHandle, Manager, State};
use tauri_plugin_dialog::DialogExt;

#[tauri::command(async)]
pub fn verify_register(state: State<'_, AppState>) -> Result<VerifyReport, ErrorReport> {
    Ok(state.register()?.verify()?)
}

/// The search across the register: results by section (see `Register::search`).
#[tauri::command(async)]
pub fn search_register(
    state: State<'_, AppState>,
    query: String,
) -> Result<Vec<SearchGroup>, ErrorReport> {
    Ok(state
        .register()?
        .search(&query, daicho::register::search::RESULTS_PER_SECTION)?)
}

/// A page of the register-wide change log.
#[tauri::command(async)]
pub fn change_log(
    state: State<'_, AppState>,
    filter: ChangeLogFilter,
) -> Result<ChangeLog, ErrorReport> {
    Ok(state.register()?.change_log(&filter, CHANGE_LOG_PAGE)?)
}

/// Entries a page of the change log shows.
const CHANGE_LOG_PAGE: usize = 100;

/// Asks where to save, then writes the JSON document. Returns the path, or `None` if the
/// officer cancelled.
#[tauri::command]
pub async fn export_register_json(app: AppHandle) -> Result<Option<String>, ErrorReport> {
    let file_name = format!(
        "daicho-register-{}.json",
        daicho::clock::today().format("%Y%m%d")
    );
    let Some(path) = pick(
        app.dialog()
            .file()
            .add_filter("JSON", &["json"])
            .set_file_name(file_name),
        true,
    )
    .await
    else {
        return Ok(None);
    };
    // Serialising a large register is long work: keep it off the async runtime's workers.
    let written = tauri::async_runtime::spawn_blocking(move || {
        let state = app.state::<AppState>();
        let document = daicho::document::export(&*state.register()?)?;
        let text = serde_json::to_string_pretty(&document).map_err(|e| {
            CoreError::Integrity(format!("the register could not be serialised: {e}"))
        })?;
        daicho::document::write_atomically(&path, text.as_bytes())?;
        Ok::<_, ErrorReport>(path)
    })
    .await
    .map_err(|e| ErrorReport::from(CoreError::Integrity(format!("export task failed: {e}"))))??;
    Ok(Some(written.display().to_string()))
}

/// Asks for a JSON document and imports it into the (empty) register: every record or none.
#[tauri::command]
pub async fn import_register_json(app: AppHandle) -> Result<Option<ImportSummary>, ErrorReport> {
    let Some(path) = pick(app.dialog().file().add_filter("JSON", &["json"]), false).await else {
        return Ok(None);
    };
    let summary = tauri::async_runtime::spawn_blocking(move || {
        let state = app.state::<AppState>();
        let text = std::fs::read_to_string(&path).map_err(|e| CoreError::Io {
            context: format!("reading {}", path.display()),
            source: e,
        })?;
        let summary = daicho::document::import(&*state.register()?, &text, &state.actor)?;
        Ok::<_, ErrorReport>(summary)
    })
    .await
    .map_err(|e| ErrorReport::from(CoreError::Integrity(format!("import task failed: {e}"))))??;
    Ok(Some(summary))
}

/// Shows the native save or open dialog without blocking the main thread.
async fn pick(
    dialog: tauri_plugin_dialog::FileDialogBuilder<tauri::Wry>,
    save: bool,
) -> Option<PathBuf> {
    let (tx, rx) = tauri::async_runtime::channel(1);
    let answer = move |file: Option<tauri_plugin_dialog::FilePath>| {
        let _ = tx.try_send(file.and_then(|f| f.into_path().ok()));
    };
    if save {
        dialog.save_file(answer);
    } else {
        dialog.pick_file(answer);
    }
    let mut rx = rx;
    rx.recv().await.flatten()
}
