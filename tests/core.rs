//! The core's integration tests, as one test binary. Every test binary links SQLCipher and the
//! Typst engine; as seventeen separate binaries they took about 9 GB of disk and most of the
//! link time of `make test`, which ran a fresh CI machine out of space.

mod common;
mod printed;

mod audit;
mod backup;
mod catalogue;
mod change_log;
mod cli;
mod complaints;
mod consent;
mod controls;
mod crash;
mod deadline;
mod document;
mod encryption;
mod faults;
mod holdings;
mod incidents;
mod management;
mod mock_fixtures;
mod organisation;
mod personal_related;
mod print;
mod print_sections;
mod processed_information;
mod public_bodies;
mod requests;
mod retention;
mod scale;
mod search;
mod seeds;
mod sharing;
mod sheets;
mod storage;
mod wire;
