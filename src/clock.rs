//! Timestamps as the register stores them: RFC 3339 in UTC with milliseconds, so that they
//! sort as text and read the same on every machine.
//!
//! The clock can be pinned for the current thread ([`pin`]) so that recorded fixtures (the
//! UI mock's answers, `tests/mock_fixtures.rs`) and tests come out the same byte for byte,
//! run after run. Production never pins: the app and the CLI always read the system clock.

use chrono::{DateTime, Utc};
use std::cell::Cell;

thread_local! {
    static PINNED: Cell<Option<DateTime<Utc>>> = const { Cell::new(None) };
}

pub fn now() -> String {
    PINNED
        .get()
        .unwrap_or_else(Utc::now)
        .format("%Y-%m-%dT%H:%M:%S%.3fZ")
        .to_string()
}

/// The officer's local date; while pinned, the date of the pinned instant in UTC, so the
/// answer does not depend on the machine's time zone either.
pub fn today() -> chrono::NaiveDate {
    match PINNED.get() {
        Some(at) => at.date_naive(),
        None => chrono::Local::now().date_naive(),
    }
}

/// Pins [`now`] and [`today`] to `at` on this thread until the guard is dropped.
#[must_use = "the clock is unpinned when the guard is dropped"]
pub fn pin(at: DateTime<Utc>) -> PinGuard {
    PinGuard(PINNED.replace(Some(at)))
}

/// Puts back what the clock read before [`pin`] (the system clock, or an outer pin).
pub struct PinGuard(Option<DateTime<Utc>>);

impl Drop for PinGuard {
    fn drop(&mut self) {
        PINNED.set(self.0);
    }
}
