//! How long a record must be kept, counted the way the Civil Code counts a period of years or
//! months: the day of the event is not counted (art. 140), the period runs from the next day
//! (起算日) and ends at the end of the day before the day corresponding to it in the last year
//! or month, that is on the day corresponding to the event (art. 143(2)); when the last month
//! has no corresponding day (29 February, or the 31st), it ends on that month's last day
//! (art. 143(2) proviso).
//!
//! The PPC's FAQ on records of provision reads the Rules this way: a record made on 1 February
//! is kept until 1 February three years later. Reading "N years from the day" as ending the day
//! before the anniversary would mark a record disposable a day early, so the register never
//! does.

use super::DeadlineError;
use chrono::{Datelike, Months, NaiveDate};
use serde::Serialize;
use ts_rs::TS;

/// The event a retention period is counted from, as the rule that sets it words it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum RetentionEvent {
    /// The day an individual record of provision or receipt was made (PPC Rules arts. 21(iii),
    /// 25(iii), and 29(ii) for personal-related information: 「3年」 from the record).
    RecordMade,
    /// The last provision a bulk record or a contract standing in for the record covers
    /// (Rules arts. 21(i)–(ii), 25(i)–(ii): 「最後に当該記録に係る個人データの提供を行った日から
    /// 起算して」; art. 29(i) the same for a bulk record of personal-related information).
    LastProvision,
    /// The day the data was acquired (a holding's retention rule).
    Acquisition,
    /// 31 March, the end of the fiscal year the data belongs to (a holding's retention rule): the
    /// period runs from 1 April, as the public bodies' filing rules count it.
    FiscalYearEnd,
}

/// A retention period and how its end was reached, for the officer to retrace.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Retention {
    pub counted_from: RetentionEvent,
    /// The day of the event itself, which is not counted (Civil Code art. 140).
    pub event: NaiveDate,
    /// 起算日: the first day counted, the day after the event.
    pub first_day: NaiveDate,
    pub years: u32,
    pub months: u32,
    /// The last day the record must be kept, to its end (art. 143(2)).
    pub until: NaiveDate,
    /// The last month has no day corresponding to the first day, so the period ends on the
    /// month's last day (art. 143(2) proviso).
    pub month_end: bool,
    /// The first day the record is past its retention and may be disposed of.
    pub past_from: NaiveDate,
}

/// The retention of `years` and `months` counted from `event`.
pub fn retention(
    counted_from: RetentionEvent,
    event: NaiveDate,
    years: u32,
    months: u32,
) -> Result<Retention, DeadlineError> {
    let outside = DeadlineError::OutsideCalendar { date: event };
    let first_day = event.succ_opt().ok_or(outside.clone())?;
    let total = Months::new(years * 12 + months);
    let corresponding = first_day.checked_add_months(total).ok_or(outside.clone())?;
    // chrono clamps a missing day to the month's end; then the proviso applies and the period
    // ends on that last day rather than the day before it.
    let month_end = corresponding.day() != first_day.day();
    let until = if month_end {
        corresponding
    } else {
        corresponding.pred_opt().ok_or(outside.clone())?
    };
    let past_from = until.succ_opt().ok_or(outside)?;
    Ok(Retention {
        counted_from,
        event,
        first_day,
        years,
        months,
        until,
        month_end,
        past_from,
    })
}

/// The latest event day whose retention of `months` months has run out by `today`, i.e. the
/// latest `event` with `retention(event).until < today`; `None` for a zero period or a date
/// outside chrono's range.
///
/// The end of a period moves forward with its event, a day at a time except where month ends
/// bunch several events onto one end (29–31 January all end a one-month period on the last day
/// of February), and it never lies more than a few days from the event moved by `months`. So
/// the answer is found by starting there and stepping: back while that event is not yet past,
/// forward while the next one is.
pub fn latest_event_past(today: NaiveDate, months: u32) -> Option<NaiveDate> {
    if months == 0 {
        return None;
    }
    let until = |event: NaiveDate| {
        retention(RetentionEvent::Acquisition, event, 0, months)
            .ok()
            .map(|r| r.until)
    };
    let mut event = today.checked_sub_months(Months::new(months))?;
    while until(event)? >= today {
        event = event.pred_opt()?;
    }
    while let Some(next) = event
        .succ_opt()
        .filter(|next| until(*next).is_some_and(|u| u < today))
    {
        event = next;
    }
    Some(event)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    /// `latest_event_past` inverts `retention`: every event up to the answer has run out by
    /// `today`, the day after it has not. Checked over every day of 2027–2030 for a few
    /// periods, so that month ends and 29 February all come up.
    #[test]
    fn the_latest_event_past_agrees_with_the_period_it_inverts() {
        for months in [1, 2, 12, 13, 36, 48, 60] {
            let mut today = d(2027, 1, 1);
            while today < d(2031, 1, 1) {
                let latest = latest_event_past(today, months).unwrap();
                let until = |event| {
                    retention(RetentionEvent::Acquisition, event, 0, months)
                        .unwrap()
                        .until
                };
                assert!(until(latest) < today, "{today} {months}: {latest} not past");
                let next = latest.succ_opt().unwrap();
                assert!(until(next) >= today, "{today} {months}: {next} also past");
                today = today.succ_opt().unwrap();
            }
        }
    }
}
