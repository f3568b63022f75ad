//! How long records are kept, against hand-checked cases.
//!
//! Every expected date was worked out by hand from the Civil Code's counting rules, which the
//! PPC Rules' 「起算して N 年を経過する日」 and a holding's retention rule follow:
//! - art. 140: the day of the event is not counted; the period runs from the next day (起算日);
//! - art. 143(1): a period starting on the first of a month ends at the end of its last month;
//! - art. 143(2): otherwise it ends on the day before the day corresponding to the 起算日 in the
//!   last year or month, and when that month has no such day, on its last day (proviso).
//!
//! The PPC's FAQ gives the anchor: a record made on 1 February is kept until 1 February three
//! years later. None of the dates was produced by running the code under test.

use crate::common::d;
use daicho::deadline::{latest_event_past, retention, RetentionEvent};

struct Case {
    name: &'static str,
    counted_from: RetentionEvent,
    event: &'static str,
    years: u32,
    months: u32,
    /// 起算日, the day after the event.
    first_day: &'static str,
    /// The last day kept.
    until: &'static str,
    /// The art. 143(2) proviso applied.
    month_end: bool,
}

const CASES: &[Case] = &[
    Case {
        name: "PPC FAQ: a record made on 1 February is kept until 1 February three years later",
        // Rules art. 21(iii): 3 years. 起算日 2023-02-02; the day before 2026-02-02 is 2/1.
        counted_from: RetentionEvent::RecordMade,
        event: "2023-02-01",
        years: 3,
        months: 0,
        first_day: "2023-02-02",
        until: "2026-02-01",
        month_end: false,
    },
    Case {
        name: "individual record made mid-month",
        // Rules art. 21(iii). 起算日 2026-04-13; the day before 2029-04-13 is 4/12.
        counted_from: RetentionEvent::RecordMade,
        event: "2026-04-12",
        years: 3,
        months: 0,
        first_day: "2026-04-13",
        until: "2029-04-12",
        month_end: false,
    },
    Case {
        name: "bulk record whose last provision is a month end",
        // Rules art. 21(ii): 3 years from the last provision. 起算日 2026-04-01 is the first of a
        // month: art. 143(1), the period ends at the end of March 2029.
        counted_from: RetentionEvent::LastProvision,
        event: "2026-03-31",
        years: 3,
        months: 0,
        first_day: "2026-04-01",
        until: "2029-03-31",
        month_end: false,
    },
    Case {
        name: "contract substitute, last provision on 29 February",
        // Rules art. 21(i): 1 year. 起算日 2024-03-01; the day before 2025-03-01 is 2/28.
        counted_from: RetentionEvent::LastProvision,
        event: "2024-02-29",
        years: 1,
        months: 0,
        first_day: "2024-03-01",
        until: "2025-02-28",
        month_end: false,
    },
    Case {
        name: "contract substitute whose 起算日 is 29 February",
        // Rules art. 21(i): 1 year. 起算日 2024-02-29 has no 29 February in 2025: the proviso of
        // art. 143(2) ends the period on 2025-02-28.
        counted_from: RetentionEvent::LastProvision,
        event: "2024-02-28",
        years: 1,
        months: 0,
        first_day: "2024-02-29",
        until: "2025-02-28",
        month_end: true,
    },
    Case {
        name: "contract substitute ending in a leap February",
        // Rules art. 21(i): 1 year. 起算日 2023-03-01; the day before 2024-03-01 is 2024-02-29.
        counted_from: RetentionEvent::LastProvision,
        event: "2023-02-28",
        years: 1,
        months: 0,
        first_day: "2023-03-01",
        until: "2024-02-29",
        month_end: false,
    },
    Case {
        name: "receipt record made on 28 February, three years into a leap year",
        // Rules art. 25(iii): 3 years. 起算日 2025-03-01; the day before 2028-03-01 is 2/29.
        counted_from: RetentionEvent::RecordMade,
        event: "2025-02-28",
        years: 3,
        months: 0,
        first_day: "2025-03-01",
        until: "2028-02-29",
        month_end: false,
    },
    Case {
        name: "record made on 29 February",
        // Rules art. 21(iii). 起算日 2024-03-01; the day before 2027-03-01 is 2027-02-28.
        counted_from: RetentionEvent::RecordMade,
        event: "2024-02-29",
        years: 3,
        months: 0,
        first_day: "2024-03-01",
        until: "2027-02-28",
        month_end: false,
    },
    Case {
        name: "record made on New Year's Eve",
        // 起算日 2026-01-01, the first of a year: art. 143(1), ends at the end of 2028.
        counted_from: RetentionEvent::RecordMade,
        event: "2025-12-31",
        years: 3,
        months: 0,
        first_day: "2026-01-01",
        until: "2028-12-31",
        month_end: false,
    },
    Case {
        name: "a holding's four years from 28 February of a leap year",
        // 起算日 2024-02-29; 2028 has a 29 February, so the day before it: 2028-02-28.
        counted_from: RetentionEvent::Acquisition,
        event: "2024-02-28",
        years: 4,
        months: 0,
        first_day: "2024-02-29",
        until: "2028-02-28",
        month_end: false,
    },
    Case {
        name: "one month whose 起算日 is the 31st",
        // 起算日 2026-01-31; February 2026 has no 31st: proviso, 2026-02-28.
        counted_from: RetentionEvent::Acquisition,
        event: "2026-01-30",
        years: 0,
        months: 1,
        first_day: "2026-01-31",
        until: "2026-02-28",
        month_end: true,
    },
    Case {
        name: "one month from a month end",
        // 起算日 2026-02-01, the first of a month: art. 143(1), ends at the end of February.
        counted_from: RetentionEvent::Acquisition,
        event: "2026-01-31",
        years: 0,
        months: 1,
        first_day: "2026-02-01",
        until: "2026-02-28",
        month_end: false,
    },
    Case {
        name: "one month from 30 April runs to the end of May",
        // 起算日 2026-05-01: art. 143(1), ends on 2026-05-31 (not on 30 May).
        counted_from: RetentionEvent::Acquisition,
        event: "2026-04-30",
        years: 0,
        months: 1,
        first_day: "2026-05-01",
        until: "2026-05-31",
        month_end: false,
    },
    Case {
        name: "five years from the end of fiscal 2020",
        // 起算日 2021-04-01: art. 143(1), ends at the end of 2026-03-31.
        counted_from: RetentionEvent::FiscalYearEnd,
        event: "2021-03-31",
        years: 5,
        months: 0,
        first_day: "2021-04-01",
        until: "2026-03-31",
        month_end: false,
    },
    Case {
        name: "a year and six months into a short February",
        // 起算日 2025-08-31; 18 months on is February 2027, which has no 31st: 2027-02-28.
        counted_from: RetentionEvent::Acquisition,
        event: "2025-08-30",
        years: 1,
        months: 6,
        first_day: "2025-08-31",
        until: "2027-02-28",
        month_end: true,
    },
];

#[test]
fn retention_ends_on_the_day_corresponding_to_the_event() {
    for case in CASES {
        let r = retention(case.counted_from, d(case.event), case.years, case.months)
            .unwrap_or_else(|e| panic!("{}: {e}", case.name));
        assert_eq!(r.first_day, d(case.first_day), "{}: first day", case.name);
        assert_eq!(r.until, d(case.until), "{}: until", case.name);
        assert_eq!(r.month_end, case.month_end, "{}: proviso", case.name);
        // Past retention the day after the last day kept, never on it.
        assert_eq!(
            r.past_from,
            d(case.until).succ_opt().unwrap(),
            "{}",
            case.name
        );
        assert_eq!(
            (r.event, r.counted_from),
            (d(case.event), case.counted_from)
        );
    }
}

/// The disposal schedule asks the other way round: on `today`, data from which latest day has
/// run out its retention? Each answer is the latest event of the table above's counting whose
/// last day kept lies before `today`.
#[test]
fn the_latest_data_past_retention_on_a_day() {
    let cases: &[(&str, u32, &str, &str)] = &[
        // PPC FAQ: data from 1 February 2023 is past its 3 years from 2 February 2026…
        ("2026-02-02", 36, "2023-02-01", "PPC FAQ, first day past"),
        // …and on 1 February 2026 only data up to 31 January 2023 is.
        ("2026-02-01", 36, "2023-01-31", "PPC FAQ, last day kept"),
        // 1 month: 29, 30 and 31 January all end on 28 February 2026 (art. 143(2) proviso and
        // art. 143(1)); 1 February ends on 1 March.
        ("2026-03-01", 1, "2026-01-31", "month-end events bunch"),
        // 27 January ends on 27 February; 28 January (起算日 29 January) ends on 28 February.
        (
            "2026-02-28",
            1,
            "2026-01-27",
            "the last day of February itself",
        ),
        // 12 months: 28 February 2023 (起算日 1 March) ends on 29 February 2024.
        ("2024-03-01", 12, "2023-02-28", "into a leap February"),
        ("2024-02-29", 12, "2023-02-27", "on 29 February itself"),
        // 30 April (起算日 1 May) ends on 31 May.
        ("2026-06-01", 1, "2026-04-30", "art. 143(1) month"),
        (
            "2026-05-31",
            1,
            "2026-04-29",
            "art. 143(1) month, last day kept",
        ),
        // Five years: 31 March 2021 ends on 31 March 2026.
        (
            "2026-04-01",
            60,
            "2021-03-31",
            "fiscal year end, first day past",
        ),
        (
            "2026-03-31",
            60,
            "2021-03-30",
            "fiscal year end, last day kept",
        ),
    ];
    for (today, months, latest, name) in cases {
        assert_eq!(
            latest_event_past(d(today), *months),
            Some(d(latest)),
            "{name}"
        );
    }
    assert_eq!(latest_event_past(d("2026-04-01"), 0), None);
}
