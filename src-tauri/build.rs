//! Tauri build script: generates the ACL manifest for the app's own commands.
//!
//! The names come from `src/commands/list.rs`, the one list `lib.rs` also builds its
//! `generate_handler!` from, so a command cannot be registered without its permission or the
//! other way round. Listing a command makes it deny-by-default: a window may call it only if
//! its capability file (`capabilities/*.json`) grants `allow-<command-name-in-kebab-case>`.

/// Keeps only the function names: the build script cannot see the crate's modules.
macro_rules! app_commands {
    ($($module:ident :: $name:ident),* $(,)?) => {
        const COMMANDS: &[&str] = &[$(stringify!($name)),*];
    };
}

// Cargo rebuilds (and so reruns) this script when an `include!`d file changes: rustc records
// it in the script's dep-info, so no `rerun-if-changed` is needed for the list.
include!("src/commands/list.rs");

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
