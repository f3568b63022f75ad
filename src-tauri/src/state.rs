//! What the shell keeps between commands: the register while it is unlocked, behind a lock
//! so that locking (on demand or when idle) drops it, and its key, from memory.

use daicho::ipc::{ErrorReport, LockState};
use daicho::{CoreError, Passphrase, Register};
use std::ops::Deref;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, RwLock, RwLockReadGuard};

pub struct AppState {
    pub db_path: PathBuf,
    /// `None` while locked. Commands borrow it through [`AppState::register`]; locking waits
    /// for the borrows in progress to end, then drops the connection and its key.
    register: RwLock<Option<Register>>,
    /// The passphrase that decrypted a register that then failed its integrity check, kept
    /// only so that the damaged-register screen can read and restore a backup made under it.
    damaged_key: Mutex<Option<Passphrase>>,
    /// Where the damaged-register screen looks for backups when the officer chose a folder:
    /// the folder set in the settings is inside the damaged register and cannot be read.
    pub damaged_backup_dir: Mutex<Option<PathBuf>>,
    /// Recorded as the author of every write in the audit trail.
    pub actor: String,
}

/// The unlocked register, borrowed for one command.
pub struct RegisterGuard<'a>(RwLockReadGuard<'a, Option<Register>>);

impl Deref for RegisterGuard<'_> {
    type Target = Register;

    fn deref(&self) -> &Register {
        // Only built by `AppState::register` after checking that the register is there.
        self.0.as_ref().unwrap_or_else(|| unreachable!())
    }
}

impl AppState {
    /// Nothing is opened before the officer gives the passphrase.
    pub fn new(db_path: PathBuf) -> Self {
        AppState {
            db_path,
            register: RwLock::new(None),
            damaged_key: Mutex::new(None),
            damaged_backup_dir: Mutex::new(None),
            actor: daicho::paths::current_actor(),
        }
    }

    /// The unlocked register, or a `locked` error for the UI to show the unlock screen.
    pub fn register(&self) -> Result<RegisterGuard<'_>, ErrorReport> {
        let guard = self
            .register
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if guard.is_none() {
            drop(guard);
            // A file that can never be opened says so to every command, not just "locked".
            self.lock_state()?;
            return Err(CoreError::Locked.into());
        }
        Ok(RegisterGuard(guard))
    }

    pub fn is_unlocked(&self) -> bool {
        self.register
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .is_some()
    }

    /// Where the register stands, judged from the file while locked.
    pub fn lock_state(&self) -> Result<LockState, ErrorReport> {
        if self.is_unlocked() {
            return Ok(LockState::Open);
        }
        Ok(match daicho::db::file_kind(&self.db_path)? {
            daicho::db::FileKind::New => LockState::New,
            daicho::db::FileKind::Plain => LockState::Unencrypted,
            daicho::db::FileKind::Encrypted => LockState::Locked,
            daicho::db::FileKind::Foreign => return Err(daicho::db::foreign(&self.db_path).into()),
        })
    }

    /// Opens the register under `key`. A register that decrypts but is damaged keeps the key
    /// aside for the restore screen.
    pub fn unlock(&self, key: &Passphrase) -> Result<(), ErrorReport> {
        self.open_with(key, Register::open)
    }

    /// Creates the register under `key`: the first-run screen's answer, after it has said
    /// that a new register will be made.
    pub fn create(&self, key: &Passphrase) -> Result<(), ErrorReport> {
        self.open_with(key, Register::create)
    }

    fn open_with(
        &self,
        key: &Passphrase,
        open: fn(&Path, &Passphrase) -> Result<Register, CoreError>,
    ) -> Result<(), ErrorReport> {
        let mut slot = self
            .register
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        match open(&self.db_path, key) {
            Ok(register) => {
                *slot = Some(register);
                *self.damaged_key() = None;
                tracing::info!("the register was unlocked");
                Ok(())
            }
            Err(error) => {
                if matches!(error, CoreError::Damaged { .. }) {
                    *self.damaged_key() = Some(key.clone());
                }
                tracing::warn!(kind = ?error.kind(), "the register was not unlocked");
                Err(error.into())
            }
        }
    }

    /// Drops the register, its connection and its key.
    pub fn lock(&self) {
        let mut slot = self
            .register
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if slot.take().is_some() {
            tracing::info!("the register was locked");
        }
    }

    /// Runs `work` with the register closed (restoring replaces its file), then opens it again
    /// under `key`. If `work` fails (a restore then puts the previous register back), the
    /// register is opened again under the key it had, so the officer is not locked out.
    pub fn with_register_closed<T>(
        &self,
        key: &Passphrase,
        work: impl FnOnce(&Path) -> Result<T, ErrorReport>,
    ) -> Result<T, ErrorReport> {
        let previous = self
            .register
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .as_ref()
            .and_then(Register::passphrase);
        self.lock();
        let result = work(&self.db_path);
        match (&result, previous) {
            (Ok(_), _) => self.unlock(key)?,
            (Err(_), Some(previous)) => {
                // The error of `work` is the one to report; a failure to reopen shows as the
                // lock screen on the next command.
                let _ = self.unlock(&previous);
            }
            (Err(_), None) => {}
        }
        result
    }

    pub fn damaged_key(&self) -> std::sync::MutexGuard<'_, Option<Passphrase>> {
        self.damaged_key
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The folder backups go to when the officer has not chosen one: beside the register.
    pub fn default_backup_dir(&self) -> PathBuf {
        daicho::paths::default_backup_dir(&self.db_path)
    }
}
