//! The deadline engine against hand-checked cases.
//!
//! Every expected date here was worked out by hand from the statutes and the published Cabinet
//! Office holiday lists; the comment beside each case shows the count. None was produced by
//! running the code under test. Weekdays: 2026-01-01 is a Thursday, 2027-01-01 a Friday,
//! 2028-01-01 a Saturday.

use chrono::{DateTime, NaiveDate};
use daicho::deadline::{
    appi_final_report, appi_preliminary_report, gdpr_breach_notification, gdpr_response,
    holiday_on, holidays, private_litigation_line, private_target, public_decision,
    public_filing_limit, public_large_volume, Calendar, ClosedDay, ClosureRange, ClosureReason,
    CountStart, Deadline, DeadlineError, DeadlineKind, DeadlineRule, DeadlineStep, HolidayName,
    MonthDay, PauseInterval, PublicPeriods,
};

fn d(text: &str) -> NaiveDate {
    text.parse().expect("a valid test date")
}

fn pause(from: &str, to: &str) -> PauseInterval {
    PauseInterval {
        from: d(from),
        to: d(to),
    }
}

fn at(text: &str) -> DateTime<chrono::FixedOffset> {
    DateTime::parse_from_rfc3339(text).expect("a valid test instant")
}

const STATUTORY: PublicPeriods = PublicPeriods::STATUTORY;

// ---------------------------------------------------------------------------------------------
// Holidays: every holiday of seven years, from the Cabinet Office lists.
// ---------------------------------------------------------------------------------------------

use HolidayName as H;

const HOLIDAYS_2019: &[(&str, HolidayName)] = &[
    ("2019-01-01", H::NewYearsDay),
    ("2019-01-14", H::ComingOfAgeDay),
    ("2019-02-11", H::NationalFoundationDay),
    ("2019-03-21", H::VernalEquinoxDay),
    ("2019-04-29", H::ShowaDay),
    ("2019-04-30", H::CitizensHoliday), // between 4/29 and the enthronement day
    ("2019-05-01", H::EnthronementDay),
    ("2019-05-02", H::CitizensHoliday), // between the enthronement day and 5/3
    ("2019-05-03", H::ConstitutionMemorialDay),
    ("2019-05-04", H::GreeneryDay),
    ("2019-05-05", H::ChildrensDay), // Sunday
    ("2019-05-06", H::SubstituteHoliday),
    ("2019-07-15", H::MarineDay),
    ("2019-08-11", H::MountainDay), // Sunday
    ("2019-08-12", H::SubstituteHoliday),
    ("2019-09-16", H::RespectForTheAgedDay),
    ("2019-09-23", H::AutumnalEquinoxDay),
    ("2019-10-14", H::HealthAndSportsDay),
    ("2019-10-22", H::EnthronementCeremony),
    ("2019-11-03", H::CultureDay), // Sunday
    ("2019-11-04", H::SubstituteHoliday),
    ("2019-11-23", H::LabourThanksgivingDay),
    // No Emperor's Birthday in 2019: 12/23 ended with 2018, 2/23 began with 2020.
];

const HOLIDAYS_2020: &[(&str, HolidayName)] = &[
    ("2020-01-01", H::NewYearsDay),
    ("2020-01-13", H::ComingOfAgeDay),
    ("2020-02-11", H::NationalFoundationDay),
    ("2020-02-23", H::EmperorsBirthday), // Sunday
    ("2020-02-24", H::SubstituteHoliday),
    ("2020-03-20", H::VernalEquinoxDay),
    ("2020-04-29", H::ShowaDay),
    ("2020-05-03", H::ConstitutionMemorialDay), // Sunday; 5/4 and 5/5 are holidays too
    ("2020-05-04", H::GreeneryDay),
    ("2020-05-05", H::ChildrensDay),
    ("2020-05-06", H::SubstituteHoliday),
    ("2020-07-23", H::MarineDay),   // Olympic move
    ("2020-07-24", H::SportsDay),   // Olympic move
    ("2020-08-10", H::MountainDay), // Olympic move
    ("2020-09-21", H::RespectForTheAgedDay),
    ("2020-09-22", H::AutumnalEquinoxDay),
    ("2020-11-03", H::CultureDay),
    ("2020-11-23", H::LabourThanksgivingDay),
];

const HOLIDAYS_2021: &[(&str, HolidayName)] = &[
    ("2021-01-01", H::NewYearsDay),
    ("2021-01-11", H::ComingOfAgeDay),
    ("2021-02-11", H::NationalFoundationDay),
    ("2021-02-23", H::EmperorsBirthday),
    ("2021-03-20", H::VernalEquinoxDay),
    ("2021-04-29", H::ShowaDay),
    ("2021-05-03", H::ConstitutionMemorialDay),
    ("2021-05-04", H::GreeneryDay),
    ("2021-05-05", H::ChildrensDay),
    ("2021-07-22", H::MarineDay),   // Olympic move
    ("2021-07-23", H::SportsDay),   // Olympic move
    ("2021-08-08", H::MountainDay), // Olympic move, a Sunday
    ("2021-08-09", H::SubstituteHoliday),
    ("2021-09-20", H::RespectForTheAgedDay),
    ("2021-09-23", H::AutumnalEquinoxDay),
    ("2021-11-03", H::CultureDay),
    ("2021-11-23", H::LabourThanksgivingDay),
];

const HOLIDAYS_2024: &[(&str, HolidayName)] = &[
    ("2024-01-01", H::NewYearsDay),
    ("2024-01-08", H::ComingOfAgeDay),
    ("2024-02-11", H::NationalFoundationDay), // Sunday
    ("2024-02-12", H::SubstituteHoliday),
    ("2024-02-23", H::EmperorsBirthday),
    ("2024-03-20", H::VernalEquinoxDay),
    ("2024-04-29", H::ShowaDay),
    ("2024-05-03", H::ConstitutionMemorialDay),
    ("2024-05-04", H::GreeneryDay),
    ("2024-05-05", H::ChildrensDay), // Sunday
    ("2024-05-06", H::SubstituteHoliday),
    ("2024-07-15", H::MarineDay),
    ("2024-08-11", H::MountainDay), // Sunday
    ("2024-08-12", H::SubstituteHoliday),
    ("2024-09-16", H::RespectForTheAgedDay),
    ("2024-09-22", H::AutumnalEquinoxDay), // Sunday
    ("2024-09-23", H::SubstituteHoliday),
    ("2024-10-14", H::SportsDay),
    ("2024-11-03", H::CultureDay), // Sunday
    ("2024-11-04", H::SubstituteHoliday),
    ("2024-11-23", H::LabourThanksgivingDay),
];

const HOLIDAYS_2025: &[(&str, HolidayName)] = &[
    ("2025-01-01", H::NewYearsDay),
    ("2025-01-13", H::ComingOfAgeDay),
    ("2025-02-11", H::NationalFoundationDay),
    ("2025-02-23", H::EmperorsBirthday), // Sunday
    ("2025-02-24", H::SubstituteHoliday),
    ("2025-03-20", H::VernalEquinoxDay),
    ("2025-04-29", H::ShowaDay),
    ("2025-05-03", H::ConstitutionMemorialDay),
    ("2025-05-04", H::GreeneryDay), // Sunday; 5/5 is a holiday, so the substitute is 5/6
    ("2025-05-05", H::ChildrensDay),
    ("2025-05-06", H::SubstituteHoliday),
    ("2025-07-21", H::MarineDay),
    ("2025-08-11", H::MountainDay),
    ("2025-09-15", H::RespectForTheAgedDay),
    ("2025-09-23", H::AutumnalEquinoxDay),
    ("2025-10-13", H::SportsDay),
    ("2025-11-03", H::CultureDay),
    ("2025-11-23", H::LabourThanksgivingDay), // Sunday
    ("2025-11-24", H::SubstituteHoliday),
];

const HOLIDAYS_2026: &[(&str, HolidayName)] = &[
    ("2026-01-01", H::NewYearsDay),
    ("2026-01-12", H::ComingOfAgeDay),
    ("2026-02-11", H::NationalFoundationDay),
    ("2026-02-23", H::EmperorsBirthday),
    ("2026-03-20", H::VernalEquinoxDay),
    ("2026-04-29", H::ShowaDay),
    ("2026-05-03", H::ConstitutionMemorialDay), // Sunday
    ("2026-05-04", H::GreeneryDay),
    ("2026-05-05", H::ChildrensDay),
    ("2026-05-06", H::SubstituteHoliday),
    ("2026-07-20", H::MarineDay),
    ("2026-08-11", H::MountainDay),
    ("2026-09-21", H::RespectForTheAgedDay),
    ("2026-09-22", H::CitizensHoliday), // between 9/21 and 9/23
    ("2026-09-23", H::AutumnalEquinoxDay),
    ("2026-10-12", H::SportsDay),
    ("2026-11-03", H::CultureDay),
    ("2026-11-23", H::LabourThanksgivingDay),
];

const HOLIDAYS_2027: &[(&str, HolidayName)] = &[
    ("2027-01-01", H::NewYearsDay),
    ("2027-01-11", H::ComingOfAgeDay),
    ("2027-02-11", H::NationalFoundationDay),
    ("2027-02-23", H::EmperorsBirthday),
    ("2027-03-21", H::VernalEquinoxDay), // Sunday
    ("2027-03-22", H::SubstituteHoliday),
    ("2027-04-29", H::ShowaDay),
    ("2027-05-03", H::ConstitutionMemorialDay),
    ("2027-05-04", H::GreeneryDay),
    ("2027-05-05", H::ChildrensDay),
    ("2027-07-19", H::MarineDay),
    ("2027-08-11", H::MountainDay),
    ("2027-09-20", H::RespectForTheAgedDay),
    ("2027-09-23", H::AutumnalEquinoxDay),
    ("2027-10-11", H::SportsDay),
    ("2027-11-03", H::CultureDay),
    ("2027-11-23", H::LabourThanksgivingDay),
];

#[test]
fn holidays_match_the_cabinet_office_lists_exactly() {
    let tables = [
        (2019, HOLIDAYS_2019),
        (2020, HOLIDAYS_2020),
        (2021, HOLIDAYS_2021),
        (2024, HOLIDAYS_2024),
        (2025, HOLIDAYS_2025),
        (2026, HOLIDAYS_2026),
        (2027, HOLIDAYS_2027),
    ];
    for (year, table) in tables {
        let expected: Vec<(NaiveDate, HolidayName)> =
            table.iter().map(|(date, name)| (d(date), *name)).collect();
        let computed: Vec<(NaiveDate, HolidayName)> = holidays(year)
            .expect("a supported year")
            .into_iter()
            .map(|h| (h.date, h.name))
            .collect();
        let missing: Vec<_> = expected.iter().filter(|e| !computed.contains(e)).collect();
        let extra: Vec<_> = computed.iter().filter(|c| !expected.contains(c)).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "{year}: missing {missing:?}, not in the official list {extra:?}"
        );
        assert_eq!(computed, expected, "{year}: order");
    }
}

#[test]
fn historical_rules_apply_in_their_own_years() {
    let cases: &[(&str, Option<HolidayName>)] = &[
        // 1973-02-11 was a Sunday, before 振替休日 existed (1973-04-12): no substitute.
        ("1973-02-12", None),
        // 1973-04-29 (Sunday, then the Emperor's Birthday): the first substitute holiday.
        ("1973-04-29", Some(H::EmperorsBirthday)),
        ("1973-04-30", Some(H::SubstituteHoliday)),
        // Equinox formula before 1980 truncates toward zero: 1976 spring is 3/20, 1979 autumn 9/24.
        ("1976-03-20", Some(H::VernalEquinoxDay)),
        ("1979-09-24", Some(H::AutumnalEquinoxDay)),
        // 1986-05-04 was a Sunday: before 2007 a Sunday was never a 国民の休日.
        ("1986-05-04", None),
        // 1988-05-04 (Wednesday): the 国民の休日 rule from the 1985 amendment.
        ("1988-05-04", Some(H::CitizensHoliday)),
        ("1989-02-24", Some(H::FuneralOfEmperorShowa)),
        ("1989-04-29", Some(H::GreeneryDay)),
        ("1989-12-23", Some(H::EmperorsBirthday)),
        ("1990-11-12", Some(H::EnthronementCeremony)),
        ("1993-06-09", Some(H::CrownPrinceWedding)),
        ("1996-07-20", Some(H::MarineDay)),
        ("1999-01-15", Some(H::ComingOfAgeDay)),
        ("1999-10-10", Some(H::HealthAndSportsDay)),
        ("2000-01-10", Some(H::ComingOfAgeDay)), // first Happy Monday: 2nd Monday of January
        ("2000-01-15", None),
        ("2002-09-15", Some(H::RespectForTheAgedDay)),
        ("2003-09-15", Some(H::RespectForTheAgedDay)), // 3rd Monday of September 2003
        ("2003-07-21", Some(H::MarineDay)),
        // 2006-05-04 (Thursday) was still a 国民の休日; from 2007 it is Greenery Day.
        ("2006-05-04", Some(H::CitizensHoliday)),
        ("2007-04-29", Some(H::ShowaDay)),
        ("2007-05-04", Some(H::GreeneryDay)),
        // 2008-05-04 (Sunday): under the 2007 rule the substitute skips 5/5 and lands on 5/6.
        ("2008-05-06", Some(H::SubstituteHoliday)),
        ("2009-09-22", Some(H::CitizensHoliday)),
        ("2015-09-22", Some(H::CitizensHoliday)),
        ("2016-08-11", Some(H::MountainDay)),
        ("2015-08-11", None),
        ("2018-12-23", Some(H::EmperorsBirthday)),
        ("2018-12-24", Some(H::SubstituteHoliday)),
        ("2019-12-23", None),
        ("2019-02-23", None),
        // 2032: 敬老の日 9/20 (3rd Monday), 秋分の日 9/22 by the formula, so 9/21 is sandwiched.
        ("2032-09-21", Some(H::CitizensHoliday)),
        ("2026-12-29", None),
        ("2026-12-31", None),
    ];
    for (date, expected) in cases {
        assert_eq!(holiday_on(d(date)), Ok(*expected), "{date}");
    }
}

#[test]
fn holidays_outside_the_supported_years_are_refused() {
    assert_eq!(
        holidays(1972),
        Err(DeadlineError::OutsideCalendar {
            date: d("1972-01-01")
        })
    );
    assert!(holidays(2099).is_ok());
    assert_eq!(
        holiday_on(d("2100-01-01")),
        Err(DeadlineError::OutsideCalendar {
            date: d("2100-01-01")
        })
    );
}

#[test]
fn holiday_names_in_both_languages() {
    assert_eq!(H::CitizensHoliday.ja(), "国民の休日");
    assert_eq!(H::CitizensHoliday.en(), "Citizens' Holiday");
    assert_eq!(H::SubstituteHoliday.ja(), "振替休日");
    assert_eq!(H::MountainDay.en(), "Mountain Day");
    assert_eq!(H::SportsDay.ja(), "スポーツの日");
}

// ---------------------------------------------------------------------------------------------
// Calendar
// ---------------------------------------------------------------------------------------------

#[test]
fn calendar_explains_why_a_day_is_closed() {
    let japan = Calendar::japan();
    // 2026-05-03 is Constitution Day and a Sunday.
    assert_eq!(
        japan.why_closed(d("2026-05-03")),
        Ok(vec![
            ClosureReason::Holiday {
                name: H::ConstitutionMemorialDay
            },
            ClosureReason::Weekend
        ])
    );
    // 2027-01-01: New Year's Day inside the year-end closure.
    assert_eq!(
        japan.why_closed(d("2027-01-01")),
        Ok(vec![
            ClosureReason::Holiday {
                name: H::NewYearsDay
            },
            ClosureReason::RecurringClosure {
                range: ClosureRange::YEAR_END
            }
        ])
    );
    // 2026-12-29 (Tuesday): only the year-end closure.
    assert_eq!(
        japan.why_closed(d("2026-12-29")),
        Ok(vec![ClosureReason::RecurringClosure {
            range: ClosureRange::YEAR_END
        }])
    );
    assert_eq!(japan.why_closed(d("2026-12-28")), Ok(vec![]));
    assert_eq!(japan.is_closed(d("2026-04-04")), Ok(true)); // Saturday
    assert_eq!(japan.is_closed(d("2026-09-22")), Ok(true)); // 国民の休日
    assert_eq!(japan.is_closed(d("2026-09-24")), Ok(false)); // Thursday
}

#[test]
fn next_open_day_skips_every_kind_of_closure() {
    let japan = Calendar::japan();
    // Thu 2026-12-24 → Fri 12/25 open.
    assert_eq!(japan.next_open_day(d("2026-12-24")), Ok(d("2026-12-25")));
    // Fri 12/25 → Sat 26, Sun 27 closed; Mon 28 open.
    assert_eq!(japan.next_open_day(d("2026-12-25")), Ok(d("2026-12-28")));
    // Mon 12/28 → 12/29–1/3 closed; Mon 2027-01-04 open.
    assert_eq!(japan.next_open_day(d("2026-12-28")), Ok(d("2027-01-04")));
    // Thu 2026-04-30 → Fri 5/1 open.
    assert_eq!(japan.next_open_day(d("2026-04-30")), Ok(d("2026-05-01")));
    // Fri 5/1 → Sat 2, Sun 3, Mon 4, Tue 5, Wed 6 (振替) closed; Thu 5/7.
    assert_eq!(japan.next_open_day(d("2026-05-01")), Ok(d("2026-05-07")));
    // Fri 9/18 → Sat 19, Sun 20, Mon 21, Tue 22, Wed 23 closed; Thu 9/24.
    assert_eq!(japan.next_open_day(d("2026-09-18")), Ok(d("2026-09-24")));
}

#[test]
fn organisation_closures_replace_the_year_end_default() {
    let obon = ClosureRange {
        from: MonthDay::new(8, 13).expect("a day"),
        to: MonthDay::new(8, 16).expect("a day"),
    };
    let calendar = Calendar::with_closures(vec![obon], vec![d("2026-06-15")]).expect("valid");
    assert_eq!(calendar.is_closed(d("2026-12-30")), Ok(false)); // Wednesday, no year-end closure
    assert_eq!(calendar.is_closed(d("2027-01-01")), Ok(true)); // still New Year's Day
    assert_eq!(
        calendar.why_closed(d("2026-08-13")),
        Ok(vec![ClosureReason::RecurringClosure { range: obon }])
    );
    assert_eq!(
        calendar.why_closed(d("2026-06-15")),
        Ok(vec![ClosureReason::ClosedDate])
    );
    assert_eq!(calendar.closed_dates(), &[d("2026-06-15")]);
}

#[test]
fn invalid_closures_are_refused() {
    assert_eq!(
        MonthDay::new(2, 30),
        Err(DeadlineError::InvalidMonthDay { month: 2, day: 30 })
    );
    assert!(MonthDay::new(2, 29).is_ok());
    let bad = ClosureRange {
        from: MonthDay { month: 13, day: 1 },
        to: MonthDay { month: 1, day: 3 },
    };
    assert_eq!(
        Calendar::with_closures(vec![bad], vec![]),
        Err(DeadlineError::InvalidMonthDay { month: 13, day: 1 })
    );
}

#[test]
fn a_calendar_closed_every_day_gives_an_error_not_a_hang() {
    let all_year = ClosureRange {
        from: MonthDay { month: 1, day: 1 },
        to: MonthDay { month: 12, day: 31 },
    };
    let calendar = Calendar::with_closures(vec![all_year], vec![]).expect("valid");
    assert_eq!(
        calendar.next_open_day(d("2026-04-01")),
        Err(DeadlineError::NoOpenDay {
            date: d("2026-04-01")
        })
    );
    assert_eq!(
        public_decision(d("2026-04-01"), &[], &STATUTORY, false, &calendar),
        Err(DeadlineError::NoOpenDay {
            date: d("2026-05-01")
        })
    );
}

// ---------------------------------------------------------------------------------------------
// Deadlines: the table
// ---------------------------------------------------------------------------------------------

struct Case {
    name: &'static str,
    compute: fn() -> Result<Deadline, DeadlineError>,
    rule: DeadlineRule,
    due: &'static str,
}

fn obon_calendar() -> Calendar {
    let obon = ClosureRange {
        from: MonthDay { month: 8, day: 13 },
        to: MonthDay { month: 8, day: 16 },
    };
    Calendar::with_closures(vec![obon, ClosureRange::YEAR_END], vec![d("2026-06-15")])
        .expect("valid closures")
}

/// The organisation's default closures: 12/29–1/3 only.
fn office_calendar() -> Calendar {
    Calendar::with_closures(vec![ClosureRange::YEAR_END], vec![]).expect("valid closures")
}

fn no_year_end_calendar() -> Calendar {
    Calendar::with_closures(vec![], vec![]).expect("valid closures")
}

const CASES: &[Case] = &[
    // ---- Public bodies: disclosure decision, 30 days, day after receipt is day 1 ----
    Case {
        name: "plain 30 days",
        // receipt 2026-04-01 (Wed); day 1 = 04-02; day 30 = 05-01 (Fri) → open → 05-01.
        compute: || public_decision(d("2026-04-01"), &[], &STATUTORY, false, &Calendar::japan()),
        rule: DeadlineRule::PublicDecision,
        due: "2026-05-01",
    },
    Case {
        name: "paused 3 days, ends in Golden Week (the issue's example)",
        // receipt 04-01; day 30 without pause = 05-01; 3 paused days (04-10..12) → 05-04 (Mon,
        // みどりの日); 05-05 こどもの日, 05-06 振替休日 → 05-07 (Thu).
        compute: || {
            public_decision(
                d("2026-04-01"),
                &[pause("2026-04-10", "2026-04-12")],
                &STATUTORY,
                false,
                &Calendar::japan(),
            )
        },
        rule: DeadlineRule::PublicDecision,
        due: "2026-05-07",
    },
    Case {
        name: "ends on 12/31, year-end closure",
        // receipt 2026-12-01 (Tue); day 30 = 12-31 (Thu) closed (12/29–1/3); 1/1–1/3 closed;
        // 2027-01-04 (Mon) open.
        compute: || public_decision(d("2026-12-01"), &[], &STATUTORY, false, &Calendar::japan()),
        rule: DeadlineRule::PublicDecision,
        due: "2027-01-04",
    },
    Case {
        name: "ends on 12/29, first day of the closure",
        // receipt 2026-11-29 (Sun); day 1 = 11-30; day 30 = 12-29 (Tue) closed → 12/30, 12/31,
        // 1/1, 1/2 (Sat), 1/3 (Sun) closed → 2027-01-04 (Mon).
        compute: || public_decision(d("2026-11-29"), &[], &STATUTORY, false, &Calendar::japan()),
        rule: DeadlineRule::PublicDecision,
        due: "2027-01-04",
    },
    Case {
        name: "ends on the 国民の休日 2026-09-22",
        // receipt 2026-08-23 (Sun); 8/23 + 30 = 9/22 (Tue, 国民の休日); 9/23 秋分の日 → 9/24 (Thu).
        compute: || public_decision(d("2026-08-23"), &[], &STATUTORY, false, &Calendar::japan()),
        rule: DeadlineRule::PublicDecision,
        due: "2026-09-24",
    },
    Case {
        name: "ends on 敬老の日, start of the 2026 silver week",
        // receipt 2026-08-22 (Sat); day 30 = 9/21 (Mon, 敬老の日); 9/22, 9/23 closed → 9/24.
        compute: || public_decision(d("2026-08-22"), &[], &STATUTORY, false, &Calendar::japan()),
        rule: DeadlineRule::PublicDecision,
        due: "2026-09-24",
    },
    Case {
        name: "ends on a Sunday before a Monday holiday",
        // receipt 2026-06-19 (Fri); 6/19 + 30 = 7/19 (Sun); 7/20 (Mon) 海の日 → 7/21 (Tue).
        compute: || public_decision(d("2026-06-19"), &[], &STATUTORY, false, &Calendar::japan()),
        rule: DeadlineRule::PublicDecision,
        due: "2026-07-21",
    },
    Case {
        name: "extended by 30 days",
        // receipt 04-01; 60 days: 4/1 + 60 = 5/31 (Sun) → 6/1 (Mon).
        compute: || public_decision(d("2026-04-01"), &[], &STATUTORY, true, &Calendar::japan()),
        rule: DeadlineRule::PublicDecisionExtended,
        due: "2026-06-01",
    },
    Case {
        name: "extended, with a pause",
        // receipt 04-01; 60 days → 5/31; pause 4/10–4/12 adds 3 → 6/3 (Wed) open.
        compute: || {
            public_decision(
                d("2026-04-01"),
                &[pause("2026-04-10", "2026-04-12")],
                &STATUTORY,
                true,
                &Calendar::japan(),
            )
        },
        rule: DeadlineRule::PublicDecisionExtended,
        due: "2026-06-03",
    },
    Case {
        name: "ordinance shortens the period to 14 days",
        // receipt 2026-04-20 (Mon); 4/20 + 14 = 5/4 (みどりの日); 5/5, 5/6 closed → 5/7.
        compute: || {
            let periods = PublicPeriods {
                decision_days: 14,
                ..PublicPeriods::STATUTORY
            };
            public_decision(d("2026-04-20"), &[], &periods, false, &Calendar::japan())
        },
        rule: DeadlineRule::PublicDecision,
        due: "2026-05-07",
    },
    Case {
        name: "ordinance: 14 days, extended by an ordinance-shortened 10",
        // receipt 04-01; 24 days: 4/1 + 24 = 4/25 (Sat); 4/26 Sun → 4/27 (Mon).
        compute: || {
            let periods = PublicPeriods {
                decision_days: 14,
                extension_days: 10,
                large_volume_days: 60,
            };
            public_decision(d("2026-04-01"), &[], &periods, true, &Calendar::japan())
        },
        rule: DeadlineRule::PublicDecisionExtended,
        due: "2026-04-27",
    },
    Case {
        name: "pause spanning Golden Week",
        // receipt 2026-04-20 (Mon); days 1–7 = 4/21–4/27; pause 4/28–5/7 (10 days, holidays
        // included, not counted); day 8 = 5/8; day 30 = 5/8 + 22 = 5/30 (Sat); 5/31 Sun → 6/1.
        compute: || {
            public_decision(
                d("2026-04-20"),
                &[pause("2026-04-28", "2026-05-07")],
                &STATUTORY,
                false,
                &Calendar::japan(),
            )
        },
        rule: DeadlineRule::PublicDecision,
        due: "2026-06-01",
    },
    Case {
        name: "overlapping, unsorted pauses are merged",
        // receipt 04-01; pauses 4/15–17, 4/10–12, 4/11–16 → one pause 4/10–4/17 = 8 days;
        // 5/1 + 8 = 5/9 (Sat); 5/10 Sun → 5/11 (Mon).
        compute: || {
            public_decision(
                d("2026-04-01"),
                &[
                    pause("2026-04-15", "2026-04-17"),
                    pause("2026-04-10", "2026-04-12"),
                    pause("2026-04-11", "2026-04-16"),
                ],
                &STATUTORY,
                false,
                &Calendar::japan(),
            )
        },
        rule: DeadlineRule::PublicDecision,
        due: "2026-05-11",
    },
    Case {
        name: "adjacent pauses add up",
        // receipt 04-01; 4/10–4/11 and 4/12 → 3 days, as in the example → 5/7.
        compute: || {
            public_decision(
                d("2026-04-01"),
                &[
                    pause("2026-04-12", "2026-04-12"),
                    pause("2026-04-10", "2026-04-11"),
                ],
                &STATUTORY,
                false,
                &Calendar::japan(),
            )
        },
        rule: DeadlineRule::PublicDecision,
        due: "2026-05-07",
    },
    Case {
        name: "a pause after the period ended changes nothing",
        // receipt 04-01; day 30 = 5/1 is reached before the pause 5/10–5/12 → 5/1.
        compute: || {
            public_decision(
                d("2026-04-01"),
                &[pause("2026-05-10", "2026-05-12")],
                &STATUTORY,
                false,
                &Calendar::japan(),
            )
        },
        rule: DeadlineRule::PublicDecision,
        due: "2026-05-01",
    },
    Case {
        name: "a pause starting on the receipt day",
        // receipt 04-01, pause 4/1–4/3: 4/1 is never counted, 4/2–4/3 are skipped (2 days);
        // day 1 = 4/4; day 30 = 5/3 (Sun, 憲法記念日); 5/4, 5/5, 5/6 closed → 5/7.
        compute: || {
            public_decision(
                d("2026-04-01"),
                &[pause("2026-04-01", "2026-04-03")],
                &STATUTORY,
                false,
                &Calendar::japan(),
            )
        },
        rule: DeadlineRule::PublicDecision,
        due: "2026-05-07",
    },
    Case {
        name: "pause over the year end",
        // receipt 2026-12-10 (Thu); days 1–18 = 12/11–12/28; pause 12/29–2027-01-05 (8 days);
        // day 19 = 1/6; day 30 = 1/6 + 11 = 1/17 (Sun) → 1/18 (Mon). (成人の日 2027 is 1/11.)
        compute: || {
            public_decision(
                d("2026-12-10"),
                &[pause("2026-12-29", "2027-01-05")],
                &STATUTORY,
                false,
                &Calendar::japan(),
            )
        },
        rule: DeadlineRule::PublicDecision,
        due: "2027-01-18",
    },
    Case {
        name: "leap February",
        // receipt 2028-02-01 (Tue); Feb 2028 has 29 days; 2/1 + 30 = 3/2 (Thu) → open.
        compute: || public_decision(d("2028-02-01"), &[], &STATUTORY, false, &Calendar::japan()),
        rule: DeadlineRule::PublicDecision,
        due: "2028-03-02",
    },
    Case {
        name: "organisation closure (obon) at the end",
        // receipt 2026-07-15 (Wed); 7/15 + 30 = 8/14 (Fri) in obon 8/13–8/16; 8/15 Sat, 8/16 Sun
        // → 8/17 (Mon).
        compute: || public_decision(d("2026-07-15"), &[], &STATUTORY, false, &obon_calendar()),
        rule: DeadlineRule::PublicDecision,
        due: "2026-08-17",
    },
    Case {
        name: "organisation's specific closed date",
        // receipt 2026-05-16 (Sat); 5/16 + 30 = 6/15 (Mon), a closed date → 6/16 (Tue).
        compute: || public_decision(d("2026-05-16"), &[], &STATUTORY, false, &obon_calendar()),
        rule: DeadlineRule::PublicDecision,
        due: "2026-06-16",
    },
    Case {
        name: "without the year-end closure 12/31 is open",
        // receipt 2026-12-01; day 30 = 12/31 (Thu), no closure configured → 12/31.
        compute: || {
            public_decision(
                d("2026-12-01"),
                &[],
                &STATUTORY,
                false,
                &no_year_end_calendar(),
            )
        },
        rule: DeadlineRule::PublicDecision,
        due: "2026-12-31",
    },
    // ---- Public bodies: 90 days to file a correction or suspension request ----
    Case {
        name: "filing limit ends in the year-end closure",
        // disclosed 2026-10-01 (Thu); 10/1 + 90: Oct has 31 → 11/30 is +60, 12/30 is +90 (Wed)
        // closed → 12/31, 1/1–1/3 closed → 2027-01-04 (Mon).
        compute: || public_filing_limit(d("2026-10-01"), &Calendar::japan()),
        rule: DeadlineRule::PublicFilingLimit,
        due: "2027-01-04",
    },
    Case {
        name: "filing limit ends on a Sunday",
        // disclosed 2026-06-01 (Mon); +90: 7/1 is +30, 7/31 +60, 8/30 +90 (Sun) → 8/31 (Mon).
        compute: || public_filing_limit(d("2026-06-01"), &Calendar::japan()),
        rule: DeadlineRule::PublicFilingLimit,
        due: "2026-08-31",
    },
    Case {
        name: "filing limit on an open day",
        // disclosed 2026-02-02 (Mon); +90: Feb 2026 has 28 days → 3/2 is +28, 4/2 is +59,
        // 5/2 is +89, 5/3 is +90 (Sun, 憲法記念日) → 5/4, 5/5, 5/6 closed → 5/7.
        compute: || public_filing_limit(d("2026-02-02"), &Calendar::japan()),
        rule: DeadlineRule::PublicFilingLimit,
        due: "2026-05-07",
    },
    // ---- Private operators ----
    Case {
        name: "internal target, default 14 days",
        // receipt 2026-04-01; 4/1 + 14 = 4/15 (Wed).
        compute: || private_target(d("2026-04-01"), &[], 14),
        rule: DeadlineRule::PrivateTarget,
        due: "2026-04-15",
    },
    Case {
        name: "internal target on a holiday is not moved",
        // receipt 2026-04-20; 4/20 + 14 = 5/4 (holiday) → stays 5/4: a target, not a term.
        compute: || private_target(d("2026-04-20"), &[], 14),
        rule: DeadlineRule::PrivateTarget,
        due: "2026-05-04",
    },
    Case {
        name: "internal target with an identity-check pause",
        // receipt 04-01, 10 days, pause 4/3–4/5: day 1 = 4/2, days 2–10 = 4/6–4/14 → 4/14.
        compute: || private_target(d("2026-04-01"), &[pause("2026-04-03", "2026-04-05")], 10),
        rule: DeadlineRule::PrivateTarget,
        due: "2026-04-14",
    },
    Case {
        name: "art. 39 two-week line",
        // receipt 2026-04-01; two weeks end 4/15; a suit is possible from 4/16.
        compute: || private_litigation_line(d("2026-04-01")),
        rule: DeadlineRule::PrivateLitigationLine,
        due: "2026-04-15",
    },
    Case {
        name: "art. 39 line over the year end is not moved",
        // receipt 2026-12-25 (Fri); 12/25 + 14 = 2027-01-08 (Fri).
        compute: || private_litigation_line(d("2026-12-25")),
        rule: DeadlineRule::PrivateLitigationLine,
        due: "2027-01-08",
    },
    Case {
        name: "art. 39 line ignoring a holiday end",
        // receipt 2026-04-20; 4/20 + 14 = 5/4 (holiday) → 5/4 (a warning is never moved later).
        compute: || private_litigation_line(d("2026-04-20")),
        rule: DeadlineRule::PrivateLitigationLine,
        due: "2026-05-04",
    },
    // ---- GDPR requests: one calendar month (Art. 12(3)), counted by Reg. 1182/71 art. 3 ----
    // Art. 3(2)(c): the period ends on the day of the last month with the same date as the day
    // of receipt, or on that month's last day when there is none (the EDPB's Guidelines 01/2022
    // and the ICO's guidance give the same examples: 3 September → 3 October; 31 March →
    // 30 April). Art. 3(4): a last day on a Saturday, Sunday or public holiday moves to the next
    // working day. The public holidays are the organisation's own closure days here (default
    // 12/29–1/3), never Japan's national holidays.
    Case {
        name: "GDPR same date next month, moved off a Sunday",
        // receipt 2026-03-05 → 2026-04-05 (Sun) → Mon 4/6. Art. 3(2)(c), 3(4).
        compute: || gdpr_response(d("2026-03-05"), false, &office_calendar()),
        rule: DeadlineRule::GdprResponse,
        due: "2026-04-06",
    },
    Case {
        name: "GDPR 31 January in a leap year",
        // 2028-01-31 → no 2/31 → last day of February 2028 = 2/29 (Tue), open. Art. 3(2)(c).
        compute: || gdpr_response(d("2028-01-31"), false, &office_calendar()),
        rule: DeadlineRule::GdprResponse,
        due: "2028-02-29",
    },
    Case {
        name: "GDPR 31 January 2025, month end on a Friday",
        // 2025-01-31 → no 2/31 → 2025-02-28 (Fri), open: not moved. Art. 3(2)(c).
        compute: || gdpr_response(d("2025-01-31"), false, &office_calendar()),
        rule: DeadlineRule::GdprResponse,
        due: "2025-02-28",
    },
    Case {
        name: "GDPR 31 January in a common year, month end on a Sunday",
        // 2027-01-31 → no 2/31 → 2027-02-28 (Sun) → Mon 3/1. Art. 3(2)(c), 3(4).
        compute: || gdpr_response(d("2027-01-31"), false, &office_calendar()),
        rule: DeadlineRule::GdprResponse,
        due: "2027-03-01",
    },
    Case {
        name: "GDPR 31 March (the EDPB's and ICO's example)",
        // 2026-03-31 → no 4/31 → 4/30 (Thu), open. Art. 3(2)(c).
        compute: || gdpr_response(d("2026-03-31"), false, &office_calendar()),
        rule: DeadlineRule::GdprResponse,
        due: "2026-04-30",
    },
    Case {
        name: "GDPR last day on a Saturday moves over the weekend",
        // 2026-04-30 → 2026-05-30 (Sat), 5/31 (Sun) → Mon 6/1. Art. 3(4).
        compute: || gdpr_response(d("2026-04-30"), false, &office_calendar()),
        rule: DeadlineRule::GdprResponse,
        due: "2026-06-01",
    },
    Case {
        name: "GDPR over the year end on an open day",
        // 2026-12-15 → 2027-01-15 (Fri), open. Art. 3(2)(c).
        compute: || gdpr_response(d("2026-12-15"), false, &office_calendar()),
        rule: DeadlineRule::GdprResponse,
        due: "2027-01-15",
    },
    Case {
        name: "GDPR last day in the organisation's year-end closure",
        // 2026-11-30 → 2026-12-30 (Wed, closed 12/29–1/3); 12/31, 1/1 closed, 1/2 Sat, 1/3 Sun
        // → Mon 2027-01-04. Art. 3(4), the organisation's closures standing for public holidays.
        compute: || gdpr_response(d("2026-11-30"), false, &office_calendar()),
        rule: DeadlineRule::GdprResponse,
        due: "2027-01-04",
    },
    Case {
        name: "GDPR ignores Japanese national holidays",
        // 2026-04-03 → 2026-05-03 (Sun, 憲法記念日) → Mon 5/4: みどりの日 in Japan, but not a
        // day the Regulation's period moves over. Art. 3(4).
        compute: || gdpr_response(d("2026-04-03"), false, &office_calendar()),
        rule: DeadlineRule::GdprResponse,
        due: "2026-05-04",
    },
    Case {
        name: "GDPR last day on an organisation's closed date",
        // 2026-05-15 → 2026-06-15 (Mon), a closed date of the organisation → Tue 6/16.
        compute: || gdpr_response(d("2026-05-15"), false, &obon_calendar()),
        rule: DeadlineRule::GdprResponse,
        due: "2026-06-16",
    },
    Case {
        name: "GDPR last day in a recurring summer closure",
        // 2026-07-13 → 2026-08-13 (Thu); closed 8/13–8/16 (Thu–Sun) → Mon 8/17.
        compute: || gdpr_response(d("2026-07-13"), false, &obon_calendar()),
        rule: DeadlineRule::GdprResponse,
        due: "2026-08-17",
    },
    // Extended by two further months: three months counted from receipt (Art. 12(3)).
    Case {
        name: "GDPR extended: three months from receipt",
        // 2026-01-31 + 3 months → no 4/31 → 4/30 (Thu), open.
        compute: || gdpr_response(d("2026-01-31"), true, &office_calendar()),
        rule: DeadlineRule::GdprResponseExtended,
        due: "2026-04-30",
    },
    Case {
        name: "GDPR extended into a leap February",
        // 2027-11-30 + 3 months → no 2028-02-30 → 2/29 (Tue), open.
        compute: || gdpr_response(d("2027-11-30"), true, &office_calendar()),
        rule: DeadlineRule::GdprResponseExtended,
        due: "2028-02-29",
    },
    Case {
        name: "GDPR extended: counted from receipt, not from the moved first month",
        // 2026-04-30 + 3 months → 7/30 (Thu). The first month ended on Mon 6/1 after moving off
        // the weekend; two months from 6/1 would give 8/1 (Sat) → 8/3, which is not the rule.
        compute: || gdpr_response(d("2026-04-30"), true, &office_calendar()),
        rule: DeadlineRule::GdprResponseExtended,
        due: "2026-07-30",
    },
    Case {
        name: "GDPR extended, last day on a Saturday",
        // 2026-07-31 + 3 months → 10/31 (Sat), 11/1 (Sun) → Mon 11/2. Art. 3(4).
        compute: || gdpr_response(d("2026-07-31"), true, &office_calendar()),
        rule: DeadlineRule::GdprResponseExtended,
        due: "2026-11-02",
    },
    // ---- APPI breach: preliminary report window ----
    Case {
        name: "速報 window 3–5 days",
        // aware 2026-04-01 → window 4/4 (Sat) to 4/6 (Mon); due = 4/6.
        compute: || appi_preliminary_report(d("2026-04-01")),
        rule: DeadlineRule::AppiPreliminaryReport,
        due: "2026-04-06",
    },
    Case {
        name: "速報 window over the year end is not moved",
        // aware 2026-12-30 → window 2027-01-02 to 2027-01-04; due 1/4.
        compute: || appi_preliminary_report(d("2026-12-30")),
        rule: DeadlineRule::AppiPreliminaryReport,
        due: "2027-01-04",
    },
    // ---- APPI breach: final report, awareness day is day 1 ----
    Case {
        name: "確報 30 days on an open day",
        // aware 2026-04-01 (day 1); day 30 = 4/1 + 29 = 4/30 (Thu) open.
        compute: || appi_final_report(d("2026-04-01"), false),
        rule: DeadlineRule::AppiFinalReport,
        due: "2026-04-30",
    },
    Case {
        name: "確報 30 days ending in Golden Week",
        // aware 2026-04-05 (Sun); day 30 = 4/5 + 29 = 5/4 (holiday); 5/5, 5/6 → 5/7.
        compute: || appi_final_report(d("2026-04-05"), false),
        rule: DeadlineRule::AppiFinalReport,
        due: "2026-05-07",
    },
    Case {
        name: "確報 30 days ending in 12/29–1/3",
        // aware 2026-12-01; day 30 = 12/30 (Wed) → 12/31, 1/1–1/3 → 2027-01-04 (Mon).
        compute: || appi_final_report(d("2026-12-01"), false),
        rule: DeadlineRule::AppiFinalReport,
        due: "2027-01-04",
    },
    Case {
        name: "確報 ending on a Sunday before a Monday holiday",
        // aware 2026-06-20 (Sat); day 30 = 6/20 + 29 = 7/19 (Sun); 7/20 海の日 → 7/21 (Tue).
        compute: || appi_final_report(d("2026-06-20"), false),
        rule: DeadlineRule::AppiFinalReport,
        due: "2026-07-21",
    },
    Case {
        name: "確報 in a leap year",
        // aware 2028-02-01 (Tue); day 30 = 2/1 + 29 = 3/1 (Wed; Feb 2028 has 29 days) → open.
        compute: || appi_final_report(d("2028-02-01"), false),
        rule: DeadlineRule::AppiFinalReport,
        due: "2028-03-01",
    },
    Case {
        name: "確報 60 days, wrongful purpose",
        // aware 2026-04-01; day 60 = 4/1 + 59 = 5/30 (Sat); 5/31 Sun → 6/1 (Mon).
        compute: || appi_final_report(d("2026-04-01"), true),
        rule: DeadlineRule::AppiFinalReportWrongfulPurpose,
        due: "2026-06-01",
    },
    Case {
        name: "確報 60 days ending on 2026-09-22",
        // aware 2026-07-25 (Sat); +59: 8/25 is +31, 9/22 is +59 (国民の休日); 9/23 → 9/24.
        compute: || appi_final_report(d("2026-07-25"), true),
        rule: DeadlineRule::AppiFinalReportWrongfulPurpose,
        due: "2026-09-24",
    },
    Case {
        name: "確報 ignores the organisation's own closures",
        // aware 2026-07-16 (Thu); day 30 = 7/16 + 29 = 8/14 (Fri): obon is not the PPC's closure
        // → 8/14.
        compute: || appi_final_report(d("2026-07-16"), false),
        rule: DeadlineRule::AppiFinalReport,
        due: "2026-08-14",
    },
    // ---- GDPR breach: 72 clock hours ----
    Case {
        name: "GDPR 72 hours in JST",
        // 2026-04-01 10:00 +09:00 + 72 h = 2026-04-04 10:00 +09:00.
        compute: || gdpr_breach_notification(at("2026-04-01T10:00:00+09:00")),
        rule: DeadlineRule::GdprBreachNotification,
        due: "2026-04-04",
    },
    Case {
        name: "GDPR 72 hours over the new year, CET",
        // 2026-12-30 23:30 +01:00 + 72 h = 2027-01-02 23:30 +01:00.
        compute: || gdpr_breach_notification(at("2026-12-30T23:30:00+01:00")),
        rule: DeadlineRule::GdprBreachNotification,
        due: "2027-01-02",
    },
    Case {
        name: "GDPR 72 hours across a leap day",
        // 2028-02-27 12:00 Z → 2/28, 2/29, 3/1 12:00 Z.
        compute: || gdpr_breach_notification(at("2028-02-27T12:00:00Z")),
        rule: DeadlineRule::GdprBreachNotification,
        due: "2028-03-01",
    },
    Case {
        name: "GDPR 72 hours: the date is the organisation's local date",
        // 2026-04-01 23:00 +09:00 + 72 h = 2026-04-04 23:00 +09:00 (14:00 UTC the same day).
        compute: || gdpr_breach_notification(at("2026-04-01T23:00:00+09:00")),
        rule: DeadlineRule::GdprBreachNotification,
        due: "2026-04-04",
    },
];

#[test]
fn hand_checked_deadlines() {
    assert!(CASES.len() >= 40, "the table holds {} cases", CASES.len());
    let mut failures = Vec::new();
    for case in CASES {
        match (case.compute)() {
            Ok(deadline) => {
                if deadline.due != d(case.due) || deadline.rule != case.rule {
                    failures.push(format!(
                        "{}: expected {:?} {}, got {:?} {} ({deadline})",
                        case.name, case.rule, case.due, deadline.rule, deadline.due
                    ));
                }
            }
            Err(error) => failures.push(format!("{}: {error}", case.name)),
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

// ---------------------------------------------------------------------------------------------
// Explanations
// ---------------------------------------------------------------------------------------------

#[test]
fn the_explanation_is_structured() {
    let deadline = public_decision(
        d("2026-04-01"),
        &[pause("2026-04-10", "2026-04-12")],
        &STATUTORY,
        false,
        &Calendar::japan(),
    )
    .expect("a deadline");
    let holiday = |name| vec![ClosureReason::Holiday { name }];
    assert_eq!(
        deadline.explanation,
        vec![
            DeadlineStep::CountDays {
                days: 30,
                start: CountStart::DayAfterEvent,
                event: d("2026-04-01"),
                day_one: d("2026-04-02"),
                last_day: d("2026-05-04"),
            },
            DeadlineStep::Paused {
                from: d("2026-04-10"),
                to: d("2026-04-12"),
                days: 3,
            },
            DeadlineStep::RolledOver {
                from: d("2026-05-04"),
                to: d("2026-05-07"),
                closed: vec![
                    ClosedDay {
                        date: d("2026-05-04"),
                        reasons: holiday(H::GreeneryDay),
                    },
                    ClosedDay {
                        date: d("2026-05-05"),
                        reasons: holiday(H::ChildrensDay),
                    },
                    ClosedDay {
                        date: d("2026-05-06"),
                        reasons: holiday(H::SubstituteHoliday),
                    },
                ],
            },
        ]
    );
    assert_eq!(deadline.kind, DeadlineKind::Statutory);
    assert_eq!(deadline.calendar, Some(Calendar::japan()));
    assert_eq!(
        deadline.to_string(),
        "30 days from the day after 2026-04-01, paused 3 days (2026-04-10 to 2026-04-12), \
         ends on a holiday (2026-05-04) → 2026-05-07"
    );
}

#[test]
fn a_pause_before_day_one_moves_day_one() {
    // receipt 04-01, pause 4/1–4/3: day 1 is 4/4; only 4/2–4/3 are reported as paused.
    let deadline = public_decision(
        d("2026-04-01"),
        &[pause("2026-04-01", "2026-04-03")],
        &STATUTORY,
        false,
        &Calendar::japan(),
    )
    .expect("a deadline");
    assert!(matches!(
        deadline.explanation[0],
        DeadlineStep::CountDays { day_one, last_day, .. }
            if day_one == d("2026-04-04") && last_day == d("2026-05-03")
    ));
    assert_eq!(
        deadline.explanation[1],
        DeadlineStep::Paused {
            from: d("2026-04-02"),
            to: d("2026-04-03"),
            days: 2
        }
    );
}

#[test]
fn english_renderings_for_the_cli() {
    let extended = public_decision(d("2026-04-01"), &[], &STATUTORY, true, &Calendar::japan())
        .expect("a deadline");
    assert_eq!(
        extended.to_string(),
        "60 days from the day after 2026-04-01, including a 30-day extension, \
         ends on a weekend (2026-05-31) → 2026-06-01"
    );
    let year_end = public_decision(d("2026-11-29"), &[], &STATUTORY, false, &Calendar::japan())
        .expect("a deadline");
    assert_eq!(
        year_end.to_string(),
        "30 days from the day after 2026-11-29, ends on a closure day (2026-12-29) → 2027-01-04"
    );
    let gdpr = gdpr_response(d("2027-01-31"), false, &office_calendar()).expect("a deadline");
    assert_eq!(
        gdpr.to_string(),
        "1 month from 2027-01-31 (no such date: the month's last day), \
         ends on a weekend (2027-02-28) → 2027-03-01"
    );
    let gdpr_extended =
        gdpr_response(d("2026-03-05"), true, &office_calendar()).expect("a deadline");
    assert_eq!(
        gdpr_extended.to_string(),
        "3 months from 2026-03-05, including a 2-month extension, counted from receipt → 2026-06-05"
    );
    let breach = gdpr_breach_notification(at("2026-04-01T10:00:00+09:00")).expect("a deadline");
    assert_eq!(
        breach.to_string(),
        "72 hours from 2026-04-01T10:00:00+09:00 → 2026-04-04T10:00:00+09:00"
    );
    assert_eq!(breach.due_at, Some(at("2026-04-04T10:00:00+09:00")));
    let final_report = appi_final_report(d("2026-04-05"), false).expect("a deadline");
    assert_eq!(
        final_report.to_string(),
        "30 days counting 2026-04-05 as day 1, ends on a holiday (2026-05-04) → 2026-05-07"
    );
    let preliminary = appi_preliminary_report(d("2026-04-01")).expect("a deadline");
    assert_eq!(
        preliminary.to_string(),
        "target 3 to 5 days after 2026-04-01 (2026-04-04 to 2026-04-06) → 2026-04-06"
    );
    let line = private_litigation_line(d("2026-04-01")).expect("a deadline");
    assert_eq!(
        line.to_string(),
        "14 days from the day after 2026-04-01, a suit is possible from 2026-04-16 → 2026-04-15"
    );
}

#[test]
fn kinds_follow_the_rule() {
    let target = private_target(d("2026-04-01"), &[], 14).expect("a deadline");
    assert_eq!(target.kind, DeadlineKind::Target);
    assert_eq!(target.calendar, None);
    let line = private_litigation_line(d("2026-04-01")).expect("a deadline");
    assert_eq!(line.kind, DeadlineKind::Warning);
    let preliminary = appi_preliminary_report(d("2026-04-01")).expect("a deadline");
    assert_eq!(preliminary.kind, DeadlineKind::Target);
    let final_report = appi_final_report(d("2026-04-01"), false).expect("a deadline");
    assert_eq!(final_report.kind, DeadlineKind::Statutory);
    assert_eq!(final_report.calendar, Some(Calendar::japan()));
}

#[test]
fn large_volume_track() {
    // receipt 2026-04-01: notice within 30 days → 5/1 (Fri); substantial part 60 days → 5/31
    // (Sun) → 6/1 (Mon); the rest by the organ's date 2026-09-30.
    let track = public_large_volume(
        d("2026-04-01"),
        &[],
        &STATUTORY,
        Some(d("2026-09-30")),
        &Calendar::japan(),
    )
    .expect("a track");
    assert_eq!(track.notice.rule, DeadlineRule::PublicLargeVolumeNotice);
    assert_eq!(track.notice.due, d("2026-05-01"));
    assert_eq!(
        track.substantial_part.rule,
        DeadlineRule::PublicLargeVolumePart
    );
    assert_eq!(track.substantial_part.due, d("2026-06-01"));
    let remainder = track.remainder.expect("a remainder");
    assert_eq!(remainder.rule, DeadlineRule::PublicLargeVolumeRemainder);
    assert_eq!(remainder.due, d("2026-09-30"));
    assert_eq!(
        remainder.explanation,
        vec![DeadlineStep::FixedByOrgan {
            date: d("2026-09-30")
        }]
    );

    // With a 5-day pause 4/6–4/10: notice 5/1 + 5 = 5/6 (振替休日) → 5/7; part 5/31 + 5 = 6/5
    // (Fri) → 6/5. No remainder date yet.
    let paused = public_large_volume(
        d("2026-04-01"),
        &[pause("2026-04-06", "2026-04-10")],
        &STATUTORY,
        None,
        &Calendar::japan(),
    )
    .expect("a track");
    assert_eq!(paused.notice.due, d("2026-05-07"));
    assert_eq!(paused.substantial_part.due, d("2026-06-05"));
    assert_eq!(paused.remainder, None);
}

#[test]
fn deadlines_serialise_in_camel_case_with_tagged_steps() {
    let deadline = public_decision(d("2026-08-23"), &[], &STATUTORY, false, &Calendar::japan())
        .expect("a deadline");
    let json = serde_json::to_value(&deadline).expect("serialisable");
    assert_eq!(json["rule"], "publicDecision");
    assert_eq!(json["kind"], "statutory");
    assert_eq!(json["due"], "2026-09-24");
    assert_eq!(json["dueAt"], serde_json::Value::Null);
    assert_eq!(json["explanation"][0]["step"], "countDays");
    assert_eq!(json["explanation"][0]["dayOne"], "2026-08-24");
    assert_eq!(json["explanation"][0]["start"], "dayAfterEvent");
    assert_eq!(json["explanation"][1]["step"], "rolledOver");
    let first_closed = &json["explanation"][1]["closed"][0];
    assert_eq!(first_closed["date"], "2026-09-22");
    assert_eq!(first_closed["reasons"][0]["kind"], "holiday");
    assert_eq!(first_closed["reasons"][0]["name"], "citizensHoliday");
    assert_eq!(json["calendar"]["holidayRules"], "jp-holidays-2021");
    assert_eq!(
        json["calendar"]["recurringClosures"][0]["from"]["month"],
        12
    );
}

// ---------------------------------------------------------------------------------------------
// Refusals
// ---------------------------------------------------------------------------------------------

#[test]
fn bad_input_is_a_typed_error() {
    let japan = Calendar::japan();
    let received = d("2026-04-01");
    assert_eq!(
        public_decision(
            received,
            &[pause("2026-04-12", "2026-04-10")],
            &STATUTORY,
            false,
            &japan
        ),
        Err(DeadlineError::PauseInverted {
            from: d("2026-04-12"),
            to: d("2026-04-10")
        })
    );
    assert_eq!(
        public_decision(
            received,
            &[pause("2026-03-31", "2026-04-02")],
            &STATUTORY,
            false,
            &japan
        ),
        Err(DeadlineError::PauseBeforeReceipt {
            from: d("2026-03-31"),
            received
        })
    );
    assert_eq!(
        private_target(received, &[pause("2026-04-05", "2026-04-04")], 14),
        Err(DeadlineError::PauseInverted {
            from: d("2026-04-05"),
            to: d("2026-04-04")
        })
    );
    let longer = PublicPeriods {
        decision_days: 31,
        ..PublicPeriods::STATUTORY
    };
    assert_eq!(
        public_decision(received, &[], &longer, false, &japan),
        Err(DeadlineError::DaysOutOfRange {
            field: "decisionDays",
            days: 31,
            max: 30
        })
    );
    let zero = PublicPeriods {
        decision_days: 0,
        ..PublicPeriods::STATUTORY
    };
    assert!(matches!(
        public_decision(received, &[], &zero, false, &japan),
        Err(DeadlineError::DaysOutOfRange { days: 0, .. })
    ));
    let long_extension = PublicPeriods {
        extension_days: 31,
        ..PublicPeriods::STATUTORY
    };
    assert!(matches!(
        public_decision(received, &[], &long_extension, true, &japan),
        Err(DeadlineError::DaysOutOfRange {
            field: "extensionDays",
            ..
        })
    ));
    assert!(matches!(
        private_target(received, &[], 0),
        Err(DeadlineError::DaysOutOfRange {
            field: "targetDays",
            ..
        })
    ));
    assert_eq!(
        public_large_volume(received, &[], &STATUTORY, Some(d("2026-03-31")), &japan),
        Err(DeadlineError::DateBeforeStart {
            date: d("2026-03-31"),
            start: received
        })
    );
}

#[test]
fn deadlines_beyond_the_known_holidays_are_refused() {
    // receipt 2099-12-15; day 30 = 2100-01-14, whose holidays are not computed.
    assert_eq!(
        public_decision(d("2099-12-15"), &[], &STATUTORY, false, &Calendar::japan()),
        Err(DeadlineError::OutsideCalendar {
            date: d("2100-01-14")
        })
    );
    // Rules that never consult the national holidays still answer: 2100-01-31 → 2100-02-28
    // (Sun) → Mon 3/1, weekends being known for any year.
    assert_eq!(
        gdpr_response(d("2100-01-31"), false, &office_calendar()).map(|x| x.due),
        Ok(d("2100-03-01"))
    );
    assert!(gdpr_response(NaiveDate::MAX, false, &office_calendar()).is_err());
    assert!(private_target(NaiveDate::MAX, &[], 14).is_err());
}
