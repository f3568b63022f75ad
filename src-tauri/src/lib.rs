//! Daicho desktop shell: wires Tauri plugins and commands to the `daicho` core.
//!
//! Keep application logic out of this crate; commands call into the core library.

mod commands;
mod state;

use std::io::IsTerminal;

use tracing_subscriber::EnvFilter;

/// Sets up logging. Log record ids and action names only, never personal data.
fn init_tracing() {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    // `try_init` so a second call (e.g. from tests) is harmless.
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal())
        .try_init();
}

/// Builds and runs the desktop application. Called from `main.rs`.
pub fn run() {
    init_tracing();
    tracing::info!(version = env!("CARGO_PKG_VERSION"), "starting Daicho");

    // The register is opened before the window exists; a failure is kept in the state and
    // shown by the UI, never answered by deleting or recreating the file.
    let db_path = match daicho::paths::default_db_path() {
        Some(path) => path,
        None => {
            tracing::error!("no app-data directory is known; set DAICHO_DB");
            std::process::exit(2);
        }
    };
    let state = state::AppState::open(db_path);

    let result = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .manage(state)
        .invoke_handler(tauri::generate_handler![
            commands::startup::startup_status,
            commands::organisation::save_organisation,
            commands::organisation::load_demo,
            commands::organisation::set_language,
            commands::holdings::list_holdings,
            commands::holdings::get_holding,
            commands::holdings::create_holding,
            commands::holdings::update_holding,
            commands::holdings::delete_holding,
            commands::holdings::holding_history,
            commands::register::verify_register,
            commands::register::export_register_json,
            commands::register::import_register_json,
            commands::requests::request_types,
            commands::requests::list_requests,
            commands::requests::get_request,
            commands::requests::create_request,
            commands::requests::update_request,
            commands::requests::advance_request,
            commands::requests::add_request_pause,
            commands::requests::end_request_pause,
            commands::requests::remove_request_pause,
            commands::requests::set_request_extension,
            commands::requests::set_request_large_volume,
            commands::requests::agenda,
            commands::complaints::list_complaints,
            commands::complaints::get_complaint,
            commands::complaints::create_complaint,
            commands::complaints::update_complaint,
            commands::complaints::add_complaint_action,
            commands::complaints::close_complaint,
            commands::organisation::get_deadline_settings,
            commands::organisation::save_deadline_settings,
            commands::print::printable_documents,
            commands::print::print_document,
            commands::print::open_printed,
        ])
        .run(tauri::generate_context!());

    if let Err(err) = result {
        tracing::error!(error = %err, "Daicho exited with an error");
        std::process::exit(1);
    }
}
