//! Tauri build script: generates the ACL manifest for the app's own commands.
//!
//! Every `#[tauri::command]` registered in `lib.rs` must be listed in `COMMANDS`.
//! Listing them makes each command deny-by-default: a window may call it only if its
//! capability file (`capabilities/*.json`) grants `allow-<command-name-in-kebab-case>`.

const COMMANDS: [&str; 36] = [
    "startup_status",
    "save_organisation",
    "load_demo",
    "set_language",
    "list_holdings",
    "get_holding",
    "create_holding",
    "update_holding",
    "delete_holding",
    "holding_history",
    "verify_register",
    "export_register_json",
    "import_register_json",
    "request_types",
    "list_requests",
    "get_request",
    "create_request",
    "update_request",
    "advance_request",
    "add_request_pause",
    "end_request_pause",
    "remove_request_pause",
    "set_request_extension",
    "set_request_large_volume",
    "agenda",
    "list_complaints",
    "get_complaint",
    "create_complaint",
    "update_complaint",
    "add_complaint_action",
    "close_complaint",
    "get_deadline_settings",
    "save_deadline_settings",
    "printable_documents",
    "print_document",
    "open_printed",
];

fn main() {
    // `generate_context!` embeds ../ui/dist when this crate compiles, but nothing tells cargo
    // to recompile when only the UI changed; re-running this script does.
    println!("cargo:rerun-if-changed=../ui/dist");
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(&COMMANDS)),
    )
    .expect("failed to run tauri-build");
}
