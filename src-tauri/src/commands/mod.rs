//! Tauri commands, grouped by register section. Each one is a few lines that call the core
//! and convert its error into the `{kind, message, …}` report the UI switches on.

pub mod complaints;
pub mod controls;
pub mod holdings;
pub mod management;
pub mod organisation;
pub mod print;
pub mod processed;
pub mod protection;
pub mod register;
pub mod requests;
pub mod sharing;
pub mod startup;
// Breach incidents.
pub mod incidents;
