//! Where the register lives. The desktop app and the CLI agree on one default so that both
//! open the same register, and both honour `DAICHO_DB` so tests never touch the real one.

use std::path::PathBuf;

/// The Tauri bundle identifier; the app's data directory is named after it.
pub const APP_IDENTIFIER: &str = "jp.daicho.app";
pub const DB_FILE_NAME: &str = "register.db";
pub const DB_ENV: &str = "DAICHO_DB";

/// `$DAICHO_DB` if set, else `register.db` in the OS app-data directory
/// (`~/.local/share/jp.daicho.app` on Linux, the same directory Tauri's `app_data_dir` gives).
pub fn default_db_path() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os(DB_ENV).filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(path));
    }
    dirs::data_dir().map(|dir| dir.join(APP_IDENTIFIER).join(DB_FILE_NAME))
}

/// The folder backups go to when the officer has not chosen one: `backups` beside the
/// register. The app and the CLI look there when a register does not open.
pub fn default_backup_dir(db_path: &std::path::Path) -> PathBuf {
    db_path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(std::path::Path::new("."))
        .join("backups")
}

/// Who is writing, for the audit trail: the operating-system account of the officer.
pub fn current_actor() -> String {
    ["USER", "USERNAME", "LOGNAME"]
        .iter()
        .find_map(|key| std::env::var(key).ok().filter(|v| !v.trim().is_empty()))
        .unwrap_or_else(|| "unknown".to_owned())
}
