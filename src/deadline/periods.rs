//! The periods the statutes set, each counted the way its own text or guideline counts it.
//!
//! Two counting conventions recur:
//! - 初日不算入 (Civil Code art. 140): the day of the event is not counted, day 1 is the next
//!   day. Public-body decisions, the 90-day filing limit and the art. 39 two-week line use it;
//! - the PPC's breach guideline counts the day of awareness as day 1 (通則編 3-5-3-4).
//!
//! A period that must be met by an office ends on its next open day when its last day is closed;
//! internal targets and warnings are never moved, since moving them later would only hide risk.

use super::calendar::{Calendar, ClosedDay, ClosureReason};
use super::DeadlineError;
use chrono::{DateTime, Datelike, FixedOffset, Months, NaiveDate, TimeDelta};
use serde::{Deserialize, Serialize};
use std::fmt;
use ts_rs::TS;

/// Days during which the clock stops, both ends included: typically from the day the office
/// asked the requester to correct a deficient request (補正) to the day the correction arrived.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct PauseInterval {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

/// A public body's decision periods. The statute's are the defaults; a local government may
/// shorten them by ordinance but never lengthen them (PPC FAQ Q5-6-1), so longer values are
/// refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct PublicPeriods {
    /// Art. 83(1): 30 days.
    pub decision_days: u32,
    /// Art. 83(2): up to 30 more days.
    pub extension_days: u32,
    /// Art. 84: a substantial part within 60 days.
    pub large_volume_days: u32,
}

impl PublicPeriods {
    pub const STATUTORY: PublicPeriods = PublicPeriods {
        decision_days: 30,
        extension_days: 30,
        large_volume_days: 60,
    };

    fn check(&self) -> Result<(), DeadlineError> {
        let limits = [
            ("decisionDays", self.decision_days, 30),
            ("extensionDays", self.extension_days, 30),
            ("largeVolumeDays", self.large_volume_days, 60),
        ];
        for (field, days, max) in limits {
            check_days(field, days, max)?;
        }
        Ok(())
    }
}

impl Default for PublicPeriods {
    fn default() -> Self {
        PublicPeriods::STATUTORY
    }
}

/// Which rule produced a deadline. A stable code: stored, sent to the UI and translated there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum DeadlineRule {
    /// Disclosure, correction or suspension decision by a public body (arts. 83, 94, 102).
    PublicDecision,
    /// The same, extended (arts. 83(2), 94(2), 102(2)).
    PublicDecisionExtended,
    /// Written notice that the large-volume track applies, due within the ordinary period (art. 84).
    PublicLargeVolumeNotice,
    /// Decision on a substantial part under the large-volume track (art. 84).
    PublicLargeVolumePart,
    /// Decision on the rest, by the date the organ fixed (art. 84).
    PublicLargeVolumeRemainder,
    /// Last day to file a correction or suspension request after disclosure (arts. 90(3), 98(3)).
    PublicFilingLimit,
    /// A private operator's internal target for "without delay" (arts. 33–35).
    PrivateTarget,
    /// After this day the requester may sue (art. 39).
    PrivateLitigationLine,
    /// GDPR Art. 12(3): one month.
    GdprResponse,
    /// GDPR Art. 12(3): extended by two further months.
    GdprResponseExtended,
    /// APPI 速報: "promptly", roughly 3–5 days (PPC 通則編 3-5-3-3).
    AppiPreliminaryReport,
    /// APPI 確報: 30 days (PPC Rules art. 8(2)).
    AppiFinalReport,
    /// APPI 確報 where a wrongful purpose may be involved: 60 days.
    AppiFinalReportWrongfulPurpose,
    /// GDPR Art. 33(1): 72 hours.
    GdprBreachNotification,
}

/// How binding a deadline is, which decides how the UI warns about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum DeadlineKind {
    /// Set by law; missing it is a breach of duty.
    Statutory,
    /// A target for a duty the law leaves as "without delay" or "promptly".
    Target,
    /// Not a duty, but a risk begins after it (the right to sue).
    Warning,
}

/// Whether the event day is day 1 or the day after it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum CountStart {
    /// 初日不算入 (Civil Code art. 140).
    DayAfterEvent,
    /// The event day is day 1 (PPC 通則編 3-5-3-4).
    EventDay,
}

/// One step of a deadline's explanation. The UI renders each in Japanese or English; the CLI
/// uses [`Deadline`]'s `Display`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(
    tag = "step",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
#[ts(export)]
pub enum DeadlineStep {
    /// `days` days counted from `event`; day 1 is `day_one`, the last counted day `last_day`
    /// (after any pauses).
    CountDays {
        days: u32,
        start: CountStart,
        event: NaiveDate,
        day_one: NaiveDate,
        last_day: NaiveDate,
    },
    /// `days` of the counted days are an extension.
    ExtendedByDays { days: u32 },
    /// Days from `from` to `to` (both included) were not counted.
    Paused {
        from: NaiveDate,
        to: NaiveDate,
        days: u32,
    },
    /// Calendar months from `from`; `clamped` when `from`'s day does not exist in the last month
    /// and the month's last day was taken.
    AddMonths {
        months: u32,
        from: NaiveDate,
        to: NaiveDate,
        clamped: bool,
    },
    /// `months` of the added months are an extension.
    ExtendedByMonths { months: u32 },
    /// Clock hours from an instant.
    AddHours {
        hours: u32,
        from: DateTime<FixedOffset>,
        to: DateTime<FixedOffset>,
    },
    /// The last day `from` was closed; the period ends on the next open day `to`. `closed` lists
    /// each closed day passed over, with its reasons.
    RolledOver {
        from: NaiveDate,
        to: NaiveDate,
        closed: Vec<ClosedDay>,
    },
    /// A target window rather than a date: from `opens` to `closes` after `event`.
    TargetWindow {
        event: NaiveDate,
        opens: NaiveDate,
        closes: NaiveDate,
    },
    /// The consequence the deadline warns of becomes possible on `date`.
    ActionPossibleFrom { date: NaiveDate },
    /// The date was fixed by the organ, not computed.
    FixedByOrgan { date: NaiveDate },
}

/// A computed deadline and how it was reached.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Deadline {
    pub rule: DeadlineRule,
    pub kind: DeadlineKind,
    /// The last day on which the duty can be met (for a target window, the window's end).
    pub due: NaiveDate,
    /// The exact instant, for deadlines counted in hours; `due` is then its date in the same
    /// offset.
    pub due_at: Option<DateTime<FixedOffset>>,
    pub explanation: Vec<DeadlineStep>,
    /// The calendar consulted for closed days; absent when the rule ignores closed days.
    pub calendar: Option<Calendar>,
}

/// The large-volume track (特例, art. 84): three dates instead of one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct LargeVolume {
    /// The written notice that the track applies is due within the ordinary decision period.
    pub notice: Deadline,
    pub substantial_part: Deadline,
    /// Present once the organ has fixed the date for the rest.
    pub remainder: Option<Deadline>,
}

/// A public body's decision on a disclosure, correction or suspension request: `decision_days`
/// (30) counted from the day after receipt, pauses not counted, plus `extension_days` when
/// `extended`; a last day that is closed moves to the next open day. The caller records the
/// extension's reason and notice date.
pub fn public_decision(
    received: NaiveDate,
    pauses: &[PauseInterval],
    periods: &PublicPeriods,
    extended: bool,
    calendar: &Calendar,
) -> Result<Deadline, DeadlineError> {
    periods.check()?;
    let (rule, days, extension) = if extended {
        let days = periods.decision_days + periods.extension_days;
        (
            DeadlineRule::PublicDecisionExtended,
            days,
            Some(periods.extension_days),
        )
    } else {
        (DeadlineRule::PublicDecision, periods.decision_days, None)
    };
    counted_deadline(rule, received, days, extension, pauses, Some(calendar))
}

/// The large-volume track: the ordinary period for the notice, `large_volume_days` (60) for a
/// substantial part, both counted like [`public_decision`], and the rest by `remainder_by`, the
/// date the organ fixes.
pub fn public_large_volume(
    received: NaiveDate,
    pauses: &[PauseInterval],
    periods: &PublicPeriods,
    remainder_by: Option<NaiveDate>,
    calendar: &Calendar,
) -> Result<LargeVolume, DeadlineError> {
    periods.check()?;
    let notice = counted_deadline(
        DeadlineRule::PublicLargeVolumeNotice,
        received,
        periods.decision_days,
        None,
        pauses,
        Some(calendar),
    )?;
    let substantial_part = counted_deadline(
        DeadlineRule::PublicLargeVolumePart,
        received,
        periods.large_volume_days,
        None,
        pauses,
        Some(calendar),
    )?;
    let remainder = match remainder_by {
        Some(date) if date < received => {
            return Err(DeadlineError::DateBeforeStart {
                date,
                start: received,
            })
        }
        Some(date) => Some(Deadline {
            rule: DeadlineRule::PublicLargeVolumeRemainder,
            kind: DeadlineKind::Statutory,
            due: date,
            due_at: None,
            explanation: vec![DeadlineStep::FixedByOrgan { date }],
            calendar: None,
        }),
        None => None,
    };
    Ok(LargeVolume {
        notice,
        substantial_part,
        remainder,
    })
}

/// The last day to file a correction or suspension request: 90 days from the day after the
/// requester received the disclosure. A filing is an act toward the organ, so a closed last day
/// moves to the next open day (行政機関の休日に関する法律 art. 2).
pub fn public_filing_limit(
    disclosed_on: NaiveDate,
    calendar: &Calendar,
) -> Result<Deadline, DeadlineError> {
    counted_deadline(
        DeadlineRule::PublicFilingLimit,
        disclosed_on,
        90,
        None,
        &[],
        Some(calendar),
    )
}

/// A private operator's internal target for answering "without delay": `target_days` from the
/// day after receipt, pauses not counted, never moved off a closed day.
pub fn private_target(
    received: NaiveDate,
    pauses: &[PauseInterval],
    target_days: u32,
) -> Result<Deadline, DeadlineError> {
    check_days("targetDays", target_days, 365)?;
    counted_deadline(
        DeadlineRule::PrivateTarget,
        received,
        target_days,
        None,
        pauses,
        None,
    )
}

/// Art. 39: a suit may be filed once two weeks have passed since the request reached the
/// operator. `due` is the last day of the two weeks; the step after it says when a suit becomes
/// possible. Pauses do not stop this clock: the statute gives them no effect.
pub fn private_litigation_line(received: NaiveDate) -> Result<Deadline, DeadlineError> {
    let mut deadline = counted_deadline(
        DeadlineRule::PrivateLitigationLine,
        received,
        14,
        None,
        &[],
        None,
    )?;
    let from = next_day(deadline.due)?;
    deadline
        .explanation
        .push(DeadlineStep::ActionPossibleFrom { date: from });
    Ok(deadline)
}

/// GDPR Art. 12(3): one month from receipt, ending on the same date in the next month or, when
/// that month has no such date, on its last day (Reg. 1182/71 art. 3(2)(c)); a last day on a
/// Saturday, Sunday or public holiday moves to the next working day (art. 3(4)), as the EDPB
/// (Guidelines 01/2022 on the right of access) and the ICO apply it. Japanese national holidays
/// are not the Regulation's public holidays, so the days moved over are weekends and the
/// organisation's own closure days in `calendar` (see [`Calendar::for_gdpr`]).
///
/// Extended by two further months, the three months are counted from the receipt date, not from
/// the end of the first month (which may itself have moved off a weekend): "the period may be
/// extended by two further months" lengthens the period that runs from receipt.
pub fn gdpr_response(
    received: NaiveDate,
    extended: bool,
    calendar: &Calendar,
) -> Result<Deadline, DeadlineError> {
    let (rule, months) = if extended {
        (DeadlineRule::GdprResponseExtended, 3)
    } else {
        (DeadlineRule::GdprResponse, 1)
    };
    let last_day = received
        .checked_add_months(Months::new(months))
        .ok_or(DeadlineError::OutsideCalendar { date: received })?;
    let mut explanation = vec![DeadlineStep::AddMonths {
        months,
        from: received,
        to: last_day,
        clamped: last_day.day() != received.day(),
    }];
    if extended {
        explanation.push(DeadlineStep::ExtendedByMonths { months: 2 });
    }
    let calendar = calendar.for_gdpr();
    let due = roll_over(last_day, &calendar, &mut explanation)?;
    Ok(Deadline {
        rule,
        kind: DeadlineKind::Statutory,
        due,
        due_at: None,
        explanation,
        calendar: Some(calendar),
    })
}

/// APPI 速報: "promptly", which the PPC glosses as roughly 3–5 days. Shown as a window from 3 to
/// 5 days after awareness; `due` is its end. A target, so never moved off closed days.
pub fn appi_preliminary_report(aware_on: NaiveDate) -> Result<Deadline, DeadlineError> {
    let opens = add_days(aware_on, 3)?;
    let closes = add_days(aware_on, 5)?;
    Ok(Deadline {
        rule: DeadlineRule::AppiPreliminaryReport,
        kind: DeadlineKind::Target,
        due: closes,
        due_at: None,
        explanation: vec![DeadlineStep::TargetWindow {
            event: aware_on,
            opens,
            closes,
        }],
        calendar: None,
    })
}

/// APPI 確報: 30 days, or 60 where a wrongful purpose may be involved (mixed cases included),
/// with the day of awareness as day 1. A last day on a weekend, national holiday or 12/29–1/3
/// moves to the next day that is none of these: the PPC's calendar, whatever the organisation's.
pub fn appi_final_report(
    aware_on: NaiveDate,
    wrongful_purpose: bool,
) -> Result<Deadline, DeadlineError> {
    let (rule, days) = if wrongful_purpose {
        (DeadlineRule::AppiFinalReportWrongfulPurpose, 60)
    } else {
        (DeadlineRule::AppiFinalReport, 30)
    };
    let last_day = add_days(aware_on, days - 1)?;
    let mut explanation = vec![DeadlineStep::CountDays {
        days,
        start: CountStart::EventDay,
        event: aware_on,
        day_one: aware_on,
        last_day,
    }];
    let calendar = Calendar::japan();
    let due = roll_over(last_day, &calendar, &mut explanation)?;
    Ok(Deadline {
        rule,
        kind: DeadlineKind::Statutory,
        due,
        due_at: None,
        explanation,
        calendar: Some(calendar),
    })
}

/// GDPR Art. 33(1): 72 clock hours from awareness. The result keeps the awareness offset, so
/// pass awareness in the organisation's offset; the instant is exact whatever the offset.
pub fn gdpr_breach_notification(
    aware_at: DateTime<FixedOffset>,
) -> Result<Deadline, DeadlineError> {
    let hours = 72;
    let due_at = aware_at
        .checked_add_signed(TimeDelta::hours(i64::from(hours)))
        .ok_or(DeadlineError::OutsideCalendar {
            date: aware_at.date_naive(),
        })?;
    Ok(Deadline {
        rule: DeadlineRule::GdprBreachNotification,
        kind: DeadlineKind::Statutory,
        due: due_at.date_naive(),
        due_at: Some(due_at),
        explanation: vec![DeadlineStep::AddHours {
            hours,
            from: aware_at,
            to: due_at,
        }],
        calendar: None,
    })
}

impl DeadlineRule {
    fn kind(self) -> DeadlineKind {
        match self {
            DeadlineRule::PrivateTarget | DeadlineRule::AppiPreliminaryReport => {
                DeadlineKind::Target
            }
            DeadlineRule::PrivateLitigationLine => DeadlineKind::Warning,
            _ => DeadlineKind::Statutory,
        }
    }
}

/// Counts `days` from the day after `event`, skipping pauses, then moves a closed last day to
/// the next open day when a calendar is given.
fn counted_deadline(
    rule: DeadlineRule,
    event: NaiveDate,
    days: u32,
    extension: Option<u32>,
    pauses: &[PauseInterval],
    calendar: Option<&Calendar>,
) -> Result<Deadline, DeadlineError> {
    let pauses = merge_pauses(event, pauses)?;
    let day_one = first_counted_day(event, &pauses)?;
    let last_day = count_days(event, days, &pauses)?;
    let mut explanation = vec![DeadlineStep::CountDays {
        days,
        start: CountStart::DayAfterEvent,
        event,
        day_one,
        last_day,
    }];
    if let Some(days) = extension {
        explanation.push(DeadlineStep::ExtendedByDays { days });
    }
    for pause in &pauses {
        // Only the days actually skipped: the receipt day is never counted anyway, and a pause
        // after the last day changes nothing.
        let from = pause.from.max(next_day(event)?);
        let to = pause.to.min(last_day);
        if from <= to {
            explanation.push(DeadlineStep::Paused {
                from,
                to,
                days: days_between(from, to),
            });
        }
    }
    let due = match calendar {
        Some(calendar) => roll_over(last_day, calendar, &mut explanation)?,
        None => last_day,
    };
    Ok(Deadline {
        rule,
        kind: rule.kind(),
        due,
        due_at: None,
        explanation,
        calendar: calendar.cloned(),
    })
}

/// Validates the pauses and returns them sorted, with overlapping or adjacent ones merged.
fn merge_pauses(
    received: NaiveDate,
    pauses: &[PauseInterval],
) -> Result<Vec<PauseInterval>, DeadlineError> {
    for pause in pauses {
        if pause.from > pause.to {
            return Err(DeadlineError::PauseInverted {
                from: pause.from,
                to: pause.to,
            });
        }
        if pause.from < received {
            return Err(DeadlineError::PauseBeforeReceipt {
                from: pause.from,
                received,
            });
        }
    }
    let mut sorted = pauses.to_vec();
    sorted.sort_by_key(|p| (p.from, p.to));
    let mut merged: Vec<PauseInterval> = Vec::with_capacity(sorted.len());
    for pause in sorted {
        match merged.last_mut() {
            Some(last) if pause.from <= last.to.succ_opt().unwrap_or(last.to) => {
                last.to = last.to.max(pause.to);
            }
            _ => merged.push(pause),
        }
    }
    Ok(merged)
}

fn first_counted_day(
    event: NaiveDate,
    pauses: &[PauseInterval],
) -> Result<NaiveDate, DeadlineError> {
    count_days(event, 1, pauses)
}

/// The `days`-th day after `event` that lies in no pause. `pauses` must be merged.
fn count_days(
    event: NaiveDate,
    days: u32,
    pauses: &[PauseInterval],
) -> Result<NaiveDate, DeadlineError> {
    let mut day = event;
    let mut counted = 0;
    let mut upcoming = pauses.iter().peekable();
    while counted < days {
        day = next_day(day)?;
        while upcoming.next_if(|p| p.to < day).is_some() {}
        if let Some(pause) = upcoming.peek().filter(|p| p.from <= day) {
            // Jump to the pause's last day; the loop steps past it.
            day = pause.to;
            continue;
        }
        counted += 1;
    }
    Ok(day)
}

/// Moves a closed `last_day` to the next open day, recording why.
fn roll_over(
    last_day: NaiveDate,
    calendar: &Calendar,
    explanation: &mut Vec<DeadlineStep>,
) -> Result<NaiveDate, DeadlineError> {
    let mut closed = Vec::new();
    let mut day = last_day;
    loop {
        let reasons = calendar.why_closed(day)?;
        if reasons.is_empty() {
            break;
        }
        closed.push(ClosedDay { date: day, reasons });
        if closed.len() > 366 {
            return Err(DeadlineError::NoOpenDay { date: last_day });
        }
        day = next_day(day)?;
    }
    if !closed.is_empty() {
        explanation.push(DeadlineStep::RolledOver {
            from: last_day,
            to: day,
            closed,
        });
    }
    Ok(day)
}

fn check_days(field: &'static str, days: u32, max: u32) -> Result<(), DeadlineError> {
    if days == 0 || days > max {
        return Err(DeadlineError::DaysOutOfRange { field, days, max });
    }
    Ok(())
}

fn next_day(date: NaiveDate) -> Result<NaiveDate, DeadlineError> {
    date.succ_opt()
        .ok_or(DeadlineError::OutsideCalendar { date })
}

fn add_days(date: NaiveDate, days: u32) -> Result<NaiveDate, DeadlineError> {
    date.checked_add_days(chrono::Days::new(u64::from(days)))
        .ok_or(DeadlineError::OutsideCalendar { date })
}

fn days_between(from: NaiveDate, to: NaiveDate) -> u32 {
    u32::try_from((to - from).num_days() + 1).unwrap_or(u32::MAX)
}

/// English, for the CLI and logs, e.g. "30 days from the day after 2026-04-01, paused 3 days
/// (2026-04-10 to 2026-04-12), ends on a holiday (2026-05-04) → 2026-05-07".
impl fmt::Display for Deadline {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parts: Vec<String> = self.explanation.iter().map(describe_step).collect();
        let due = match self.due_at {
            Some(at) => at.to_rfc3339(),
            None => self.due.to_string(),
        };
        write!(f, "{} → {due}", parts.join(", "))
    }
}

fn describe_step(step: &DeadlineStep) -> String {
    let plural = |n: u32, unit: &str| {
        if n == 1 {
            format!("1 {unit}")
        } else {
            format!("{n} {unit}s")
        }
    };
    match step {
        DeadlineStep::CountDays {
            days,
            start: CountStart::DayAfterEvent,
            event,
            ..
        } => format!("{} from the day after {event}", plural(*days, "day")),
        DeadlineStep::CountDays {
            days,
            start: CountStart::EventDay,
            event,
            ..
        } => format!("{} counting {event} as day 1", plural(*days, "day")),
        DeadlineStep::ExtendedByDays { days } => format!("including a {days}-day extension"),
        DeadlineStep::Paused { from, to, days } => {
            format!("paused {} ({from} to {to})", plural(*days, "day"))
        }
        DeadlineStep::AddMonths {
            months,
            from,
            clamped,
            ..
        } => {
            let clamp = if *clamped {
                " (no such date: the month's last day)"
            } else {
                ""
            };
            format!("{} from {from}{clamp}", plural(*months, "month"))
        }
        DeadlineStep::ExtendedByMonths { months } => {
            format!("including a {months}-month extension, counted from receipt")
        }
        DeadlineStep::AddHours { hours, from, .. } => {
            format!("{} from {}", plural(*hours, "hour"), from.to_rfc3339())
        }
        DeadlineStep::RolledOver { from, closed, .. } => {
            let reason = closed
                .first()
                .and_then(|day| day.reasons.first())
                .map(|reason| match reason {
                    ClosureReason::Holiday { .. } => "a holiday",
                    ClosureReason::RecurringClosure { .. } | ClosureReason::ClosedDate => {
                        "a closure day"
                    }
                    ClosureReason::Weekend => "a weekend",
                })
                .unwrap_or("a closed day");
            format!("ends on {reason} ({from})")
        }
        DeadlineStep::TargetWindow {
            event,
            opens,
            closes,
        } => format!(
            "target {} to {} days after {event} ({opens} to {closes})",
            (*opens - *event).num_days(),
            (*closes - *event).num_days()
        ),
        DeadlineStep::ActionPossibleFrom { date } => format!("a suit is possible from {date}"),
        DeadlineStep::FixedByOrgan { date } => format!("fixed by the organ as {date}"),
    }
}
