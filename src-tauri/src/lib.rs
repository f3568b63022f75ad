//! Daicho desktop shell: wires Tauri plugins and commands to the `daicho` core.
//!
//! Keep application logic out of this crate; commands call into the core library.

mod commands;
#[cfg(test)]
mod contract;
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

/// Expands the one command list (`commands/list.rs`, shared with `build.rs`) into the handler
/// and into the names the contract tests compare with the capability file and the UI.
macro_rules! app_commands {
    ($($module:ident :: $name:ident),* $(,)?) => {
        /// Every command name, in list order, exactly as `generate_handler!` registers it.
        #[cfg(test)]
        const COMMAND_NAMES: &[&str] = &[$(stringify!($name)),*];

        fn invoke_handler() -> impl Fn(tauri::ipc::Invoke) -> bool + Send + Sync + 'static {
            tauri::generate_handler![$(commands::$module::$name),*]
        }
    };
}

include!("commands/list.rs");

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
        // Desktop notifications of agenda items due today or overdue (issue 17); the UI asks
        // for permission and honours the officer's setting to turn them off.
        .plugin(tauri_plugin_notification::init())
        .manage(state)
        .setup(|app| {
            commands::protection::start_daily_backups(app.handle().clone());
            Ok(())
        })
        .invoke_handler(invoke_handler())
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
