//! Daicho core: the privacy office's statutory register.
//!
//! Everything that knows about records lives here, never in the Tauri shell or the UI:
//! - [`model`]: the records (holdings, requests, complaints, the organisation profile and its
//!   deadline settings) and their validation rules;
//! - [`register::Register`]: the only way to read and write them; every write is validated,
//!   applied and audited in one transaction;
//! - [`audit`]: the append-only, hash-chained trail and its verification;
//! - [`backup`]: verified backups, their rotation, restore, and the full integrity check;
//! - [`passphrase`] and [`protection`]: the register's key, encrypting an unencrypted
//!   register in place, the last verification and the protection settings;
//! - [`db`]: opening the file, connection settings and embedded migrations;
//! - [`deadline`]: the statutory deadline engine the register computes request deadlines with;
//! - [`document`]: the versioned JSON document used for export and import;
//! - [`demo`]: a realistic demo register;
//! - [`sharing`]: subcontracting chains, joint uses and cross-border transfers, and their flags.
//! - [`print`]: the printed registers (PDF through Typst, XLSX, CSV).
//!
//! Invariants: a register file that fails to open is never modified; a register newer than
//! this binary is refused; nothing is half-written.

pub mod audit;
pub mod breach;
pub mod clock;
pub mod db;
pub mod deadline;
pub mod demo;
pub mod document;
pub mod error;
pub mod ipc;
pub mod model;
pub mod paths;
pub mod print;
pub mod protection;
pub mod register;
pub mod spreadsheet;
mod store;
mod validation;

pub use error::{CoreError, ErrorKind, FieldError, FieldErrorCode, RecordError, Result};
pub use model::language::Language;
pub use protection::passphrase::Passphrase;
pub use register::controls::{disposal_cutoff, expired_through};
pub use register::incidents::IncidentView;
pub use register::Register;

/// This build: Cargo's version and the git commit it was built from (`build.rs`), as
/// `0.1.0 (1770270a1b2c)`. Shown by `daicho --version` and the About screen, and written into
/// every printed PDF's metadata, so a document names the build that printed it.
pub const VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), " (", env!("DAICHO_COMMIT"), ")");

/// For printing a stored text to a terminal: control characters and bidi overrides escaped.
pub use validation::printable;
