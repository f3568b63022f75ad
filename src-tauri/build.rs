//! Tauri build script: generates the ACL manifest for the app's own commands.
//!
//! Every `#[tauri::command]` registered in `lib.rs` must be listed in `COMMANDS`.
//! Listing them makes each command deny-by-default: a window may call it only if its
//! capability file (`capabilities/*.json`) grants `allow-<command-name-in-kebab-case>`.

const COMMANDS: &[&str] = &[
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
    "list_recipients",
    "get_recipient",
    "create_recipient",
    "update_recipient",
    "delete_recipient",
    "list_provision_records",
    "get_provision_record",
    "create_provision_record",
    "update_provision_record",
    "delete_provision_record",
    "list_measures",
    "get_measure",
    "create_measure",
    "update_measure",
    "delete_measure",
    "list_disposals",
    "get_disposal",
    "create_disposal",
    "update_disposal",
    "delete_disposal",
    "list_objections",
    "get_objection",
    "create_objection",
    "update_objection",
    "delete_objection",
    "provision_records_about",
    "list_disposals_due",
    "list_findings",
    "section_history",
];

fn main() {
    // `generate_context!` embeds ../ui/dist when this crate compiles, but nothing tells cargo
    // to recompile when only the UI changed; re-running this script does.
    println!("cargo:rerun-if-changed=../ui/dist");
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("failed to run tauri-build");
}
