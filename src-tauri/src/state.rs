//! What the shell keeps between commands: the opened register, or why it could not be opened.

use daicho::ipc::ErrorReport;
use daicho::Register;
use std::path::PathBuf;

pub struct AppState {
    pub db_path: PathBuf,
    /// A register that failed to open stays failed for the whole session: the file is left
    /// untouched and every command reports the same error, so the UI can show it.
    pub register: Result<Register, ErrorReport>,
    /// Recorded as the author of every write in the audit trail.
    pub actor: String,
}

impl AppState {
    pub fn open(db_path: PathBuf) -> Self {
        let register = Register::open(&db_path).map_err(ErrorReport::from);
        if let Err(error) = &register {
            tracing::error!(kind = ?error.kind, "the register could not be opened");
        }
        AppState {
            db_path,
            register,
            actor: daicho::paths::current_actor(),
        }
    }

    pub fn register(&self) -> Result<&Register, ErrorReport> {
        self.register.as_ref().map_err(Clone::clone)
    }
}
