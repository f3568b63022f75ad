//! The deadline engine: how many days a privacy office has, counted the way each statute counts
//! them, and why.
//!
//! Pure computation, no I/O and no clock: callers pass the dates they recorded (receipt,
//! awareness, pauses) and get back a [`Deadline`] whose explanation is structured data, so that
//! the UI can render it in Japanese or English and an auditor can retrace every step.
//!
//! - [`calendar`]: Japanese national holidays computed from the holiday law's rules (offline, for
//!   1973–2099) and a [`Calendar`] that adds weekends and the organisation's closure days;
//! - [`periods`]: the rules themselves (public-body decisions, the private operator's target and
//!   litigation line, GDPR months and hours, APPI breach reports);
//! - [`retention`]: how long records are kept (provision records, holdings' retention rules).

pub mod calendar;
pub mod periods;
pub mod retention;

pub use calendar::{
    holiday_on, holidays, Calendar, ClosedDay, ClosureRange, ClosureReason, Holiday, HolidayName,
    MonthDay, FIRST_YEAR, HOLIDAY_RULES, LAST_YEAR,
};
pub use periods::{
    appi_final_report, appi_preliminary_report, gdpr_breach_notification, gdpr_response,
    private_litigation_line, private_target, public_decision, public_filing_limit,
    public_large_volume, CountStart, Deadline, DeadlineKind, DeadlineRule, DeadlineStep,
    LargeVolume, PauseInterval, PublicPeriods,
};
pub use retention::{latest_event_past, retention, Retention, RetentionEvent};

use chrono::NaiveDate;

/// Why a deadline could not be computed. Each variant is a problem with the caller's input (or a
/// date outside what the engine knows), never a bug: the engine does not panic.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DeadlineError {
    /// National holidays are computed for [`FIRST_YEAR`]–[`LAST_YEAR`] only; a date outside that
    /// range cannot be classified as open or closed, so no deadline depending on it is given.
    #[error("national holidays are known for {FIRST_YEAR}–{LAST_YEAR} only; {date} is outside")]
    OutsideCalendar { date: NaiveDate },
    #[error("the pause from {from} to {to} ends before it starts")]
    PauseInverted { from: NaiveDate, to: NaiveDate },
    #[error("the pause starting {from} begins before the request was received on {received}")]
    PauseBeforeReceipt {
        from: NaiveDate,
        received: NaiveDate,
    },
    /// A configured number of days is zero or longer than the statute allows.
    #[error("{field} must be between 1 and {max} days, not {days}")]
    DaysOutOfRange {
        field: &'static str,
        days: u32,
        max: u32,
    },
    #[error("{month}/{day} is not a day of the year")]
    InvalidMonthDay { month: u32, day: u32 },
    /// The closure settings close every day of a whole year, so a period can never end.
    #[error("no open day within a year after {date}: the calendar closes every day")]
    NoOpenDay { date: NaiveDate },
    #[error("{date} is before {start}")]
    DateBeforeStart { date: NaiveDate, start: NaiveDate },
}
