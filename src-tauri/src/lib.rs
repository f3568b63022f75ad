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
    // Nothing is opened before the officer gives the passphrase.
    let state = state::AppState::new(db_path);

    let result = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .manage(state)
        .setup(|app| {
            commands::protection::start_daily_backups(app.handle().clone());
            Ok(())
        })
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
            commands::controls::list_recipients,
            commands::controls::get_recipient,
            commands::controls::create_recipient,
            commands::controls::update_recipient,
            commands::controls::delete_recipient,
            commands::controls::list_provision_records,
            commands::controls::get_provision_record,
            commands::controls::create_provision_record,
            commands::controls::update_provision_record,
            commands::controls::delete_provision_record,
            commands::controls::list_measures,
            commands::controls::get_measure,
            commands::controls::create_measure,
            commands::controls::update_measure,
            commands::controls::delete_measure,
            commands::controls::list_disposals,
            commands::controls::get_disposal,
            commands::controls::create_disposal,
            commands::controls::update_disposal,
            commands::controls::delete_disposal,
            commands::controls::list_objections,
            commands::controls::get_objection,
            commands::controls::create_objection,
            commands::controls::update_objection,
            commands::controls::delete_objection,
            commands::controls::provision_records_about,
            commands::controls::list_disposals_due,
            commands::controls::list_findings,
            commands::controls::section_history,
            commands::sharing::list_subcontractors,
            commands::sharing::get_subcontractor,
            commands::sharing::create_subcontractor,
            commands::sharing::update_subcontractor,
            commands::sharing::delete_subcontractor,
            commands::sharing::list_joint_uses,
            commands::sharing::get_joint_use,
            commands::sharing::create_joint_use,
            commands::sharing::update_joint_use,
            commands::sharing::delete_joint_use,
            commands::sharing::list_transfers,
            commands::sharing::get_transfer,
            commands::sharing::create_transfer,
            commands::sharing::update_transfer,
            commands::sharing::delete_transfer,
            commands::sharing::holding_sharing,
            commands::sharing::sharing_findings,
            commands::sharing::sharing_history,
            commands::incidents::list_incidents,
            commands::incidents::get_incident,
            commands::incidents::create_incident,
            commands::incidents::update_incident,
            commands::incidents::add_incident_action,
            commands::incidents::add_incident_filing,
            commands::incidents::add_incident_notice,
            commands::incidents::close_incident,
            commands::incidents::incident_draft,
            commands::incidents::incident_history,
            commands::protection::unlock_register,
            commands::protection::create_register,
            commands::protection::encrypt_register,
            commands::protection::lock_register,
            commands::protection::change_passphrase,
            commands::protection::protection_overview,
            commands::protection::save_protection_settings,
            commands::protection::choose_backup_dir,
            commands::protection::backup_now,
            commands::protection::restore_backup,
            commands::protection::damaged_register_backups,
            commands::protection::restore_damaged_register,
            commands::protection::choose_damaged_backup_dir,
            commands::print::printable_documents,
            commands::print::print_document,
            commands::print::open_printed,
        ])
        .build(tauri::generate_context!())
        .map(|app| {
            app.run(|handle, event| {
                // The backup on close runs before the window goes, while the register is
                // still open; a locked register is not backed up.
                if let tauri::RunEvent::ExitRequested { .. } = event {
                    commands::protection::backup_if_due(handle, std::time::Duration::ZERO);
                }
            })
        });

    if let Err(err) = result {
        tracing::error!(error = %err, "Daicho exited with an error");
        std::process::exit(1);
    }
}
