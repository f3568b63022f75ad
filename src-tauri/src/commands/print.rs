//! Printed registers. The save dialog is shown and the file written from Rust; the webview
//! gets neither filesystem access nor the opener plugin: it asks Rust to open a file that
//! this session printed, and nothing else.
//!
//! Test hook: when `DAICHO_E2E_SAVE_DIR` is set, `print_document` writes into that folder
//! under the suggested file name instead of showing the native dialog (WebKitWebDriver cannot
//! drive a GTK file chooser), and `open_printed` checks the file but launches no viewer.

use crate::state::AppState;
use daicho::ipc::ErrorReport;
use daicho::print::{PrintRequest, PrintStage, PrintableDocument, PrintedFile};
use daicho::CoreError;
use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::{Mutex, OnceLock};
use tauri::{AppHandle, Emitter, Manager, State};
use tauri_plugin_dialog::DialogExt;
use tauri_plugin_opener::OpenerExt;

const E2E_SAVE_DIR: &str = "DAICHO_E2E_SAVE_DIR";
/// The event the print screen listens to for progress.
const PROGRESS_EVENT: &str = "print-progress";

/// The files this session printed: the only ones the UI may ask to open.
fn printed() -> &'static Mutex<HashSet<PathBuf>> {
    static PRINTED: OnceLock<Mutex<HashSet<PathBuf>>> = OnceLock::new();
    PRINTED.get_or_init(Default::default)
}

#[tauri::command(async)]
pub fn printable_documents(
    state: State<'_, AppState>,
) -> Result<Vec<PrintableDocument>, ErrorReport> {
    Ok(daicho::print::printable_documents(&*state.register()?)?)
}

/// Asks where to save, prints the document there and reports progress as `print-progress`
/// events. Returns `None` if the officer cancelled the dialog.
#[tauri::command]
pub async fn print_document(
    app: AppHandle,
    request: PrintRequest,
    suggested_name: String,
) -> Result<Option<PrintedFile>, ErrorReport> {
    let extension = request.format.extension();
    let file_name = format!(
        "{}-{}.{extension}",
        sanitise(&suggested_name),
        daicho::clock::today().format("%Y%m%d")
    );
    let path = match std::env::var_os(E2E_SAVE_DIR) {
        Some(dir) => Some(PathBuf::from(dir).join(&file_name)),
        None => {
            save_dialog(
                app.dialog()
                    .file()
                    .add_filter(extension.to_uppercase(), &[extension])
                    .set_file_name(file_name),
            )
            .await
        }
    };
    let Some(path) = path else {
        return Ok(None);
    };
    let started = std::time::Instant::now();
    let emitter = app.clone();
    let written = tauri::async_runtime::spawn_blocking(move || {
        let state = app.state::<AppState>();
        daicho::print::print_to_file(
            &*state.register()?,
            &request,
            daicho::clock::today(),
            &path,
            &mut |stage: PrintStage| {
                let _ = emitter.emit(PROGRESS_EVENT, stage);
            },
        )?;
        Ok::<_, ErrorReport>(path)
    })
    .await
    .map_err(|e| ErrorReport::from(CoreError::Integrity(format!("print task failed: {e}"))))??;
    let bytes = std::fs::metadata(&written).map(|m| m.len()).unwrap_or(0);
    printed()
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .insert(written.clone());
    Ok(Some(PrintedFile {
        path: written.display().to_string(),
        bytes,
        millis: started.elapsed().as_millis() as u64,
    }))
}

/// Opens a file this session printed in the system's viewer.
#[tauri::command(async)]
pub fn open_printed(app: AppHandle, path: String) -> Result<(), ErrorReport> {
    let path = PathBuf::from(path);
    let known = printed()
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .contains(&path);
    if !known || !path.is_file() {
        return Err(CoreError::NotFound {
            entity: "printed file",
            id: path.display().to_string(),
        }
        .into());
    }
    if std::env::var_os(E2E_SAVE_DIR).is_some() {
        return Ok(());
    }
    app.opener()
        .open_path(path.display().to_string(), None::<&str>)
        .map_err(|e| {
            ErrorReport::from(CoreError::Io {
                context: format!("opening {} in the system viewer", path.display()),
                source: std::io::Error::other(e.to_string()),
            })
        })
}

/// Keeps a suggested file name to characters every file system accepts.
fn sanitise(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| {
            if c.is_control() || r#"/\:*?"<>|"#.contains(c) {
                '_'
            } else {
                c
            }
        })
        .collect();
    let trimmed = cleaned.trim().trim_matches('.');
    if trimmed.is_empty() {
        "daicho".to_owned()
    } else {
        trimmed.chars().take(80).collect()
    }
}

async fn save_dialog(
    dialog: tauri_plugin_dialog::FileDialogBuilder<tauri::Wry>,
) -> Option<PathBuf> {
    let (tx, mut rx) = tauri::async_runtime::channel(1);
    dialog.save_file(move |file| {
        let _ = tx.try_send(file.and_then(|f| f.into_path().ok()));
    });
    rx.recv().await.flatten()
}
