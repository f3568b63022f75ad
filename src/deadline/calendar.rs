//! Which days count as closed: Japanese national holidays, weekends, and the organisation's own
//! closure days.
//!
//! Holidays are computed from the rules of 国民の祝日に関する法律 and the special laws that
//! moved or added days, not shipped as a list, so the app works offline for any year from 1973
//! (the year substitute holidays began) to 2099 (the end of the equinox formula's validity).
//! The equinox days are officially fixed only a year ahead by the Cabinet Office gazette; the
//! formula used here reproduces every date in the Cabinet Office list (checked for 1973–2027),
//! but a far-future year could in principle differ by a day. A future change to the holiday law needs a new [`HOLIDAY_RULES`] version.

use super::DeadlineError;
use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// First year whose holidays are computed: 振替休日 began on 1973-04-12.
pub const FIRST_YEAR: i32 = 1973;
/// Last year whose holidays are computed: the equinox formula is published for 1980–2099.
pub const LAST_YEAR: i32 = 2099;
/// Names the holiday rules encoded here, so that a deadline can say which calendar produced it.
/// `2021` is the last amendment encoded: the Olympic moves of 海の日, スポーツの日 and 山の日.
pub const HOLIDAY_RULES: &str = "jp-holidays-2021";

/// A national holiday or other day off under the holiday laws. The UI translates the code; the
/// official names are available through [`HolidayName::ja`] and [`HolidayName::en`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum HolidayName {
    NewYearsDay,
    ComingOfAgeDay,
    NationalFoundationDay,
    EmperorsBirthday,
    VernalEquinoxDay,
    /// 4/29 from 1989 to 2006, 5/4 since 2007.
    GreeneryDay,
    ShowaDay,
    ConstitutionMemorialDay,
    ChildrensDay,
    MarineDay,
    MountainDay,
    RespectForTheAgedDay,
    AutumnalEquinoxDay,
    /// 体育の日, renamed スポーツの日 from 2020.
    HealthAndSportsDay,
    SportsDay,
    CultureDay,
    LabourThanksgivingDay,
    /// 振替休日: a holiday that fell on a Sunday, taken on a later day (art. 3(2)).
    SubstituteHoliday,
    /// 国民の休日: a day between two holidays (art. 3(3)), e.g. 2026-09-22.
    CitizensHoliday,
    /// 1989-02-24, by special law.
    FuneralOfEmperorShowa,
    /// 1990-11-12 and 2019-10-22, by special laws.
    EnthronementCeremony,
    /// 1993-06-09, by special law.
    CrownPrinceWedding,
    /// 2019-05-01, by special law.
    EnthronementDay,
}

impl HolidayName {
    pub fn ja(self) -> &'static str {
        match self {
            HolidayName::NewYearsDay => "元日",
            HolidayName::ComingOfAgeDay => "成人の日",
            HolidayName::NationalFoundationDay => "建国記念の日",
            HolidayName::EmperorsBirthday => "天皇誕生日",
            HolidayName::VernalEquinoxDay => "春分の日",
            HolidayName::GreeneryDay => "みどりの日",
            HolidayName::ShowaDay => "昭和の日",
            HolidayName::ConstitutionMemorialDay => "憲法記念日",
            HolidayName::ChildrensDay => "こどもの日",
            HolidayName::MarineDay => "海の日",
            HolidayName::MountainDay => "山の日",
            HolidayName::RespectForTheAgedDay => "敬老の日",
            HolidayName::AutumnalEquinoxDay => "秋分の日",
            HolidayName::HealthAndSportsDay => "体育の日",
            HolidayName::SportsDay => "スポーツの日",
            HolidayName::CultureDay => "文化の日",
            HolidayName::LabourThanksgivingDay => "勤労感謝の日",
            HolidayName::SubstituteHoliday => "振替休日",
            HolidayName::CitizensHoliday => "国民の休日",
            HolidayName::FuneralOfEmperorShowa => "昭和天皇の大喪の礼",
            HolidayName::EnthronementCeremony => "即位礼正殿の儀",
            HolidayName::CrownPrinceWedding => "皇太子徳仁親王の結婚の儀",
            HolidayName::EnthronementDay => "天皇の即位の日",
        }
    }

    pub fn en(self) -> &'static str {
        match self {
            HolidayName::NewYearsDay => "New Year's Day",
            HolidayName::ComingOfAgeDay => "Coming of Age Day",
            HolidayName::NationalFoundationDay => "National Foundation Day",
            HolidayName::EmperorsBirthday => "The Emperor's Birthday",
            HolidayName::VernalEquinoxDay => "Vernal Equinox Day",
            HolidayName::GreeneryDay => "Greenery Day",
            HolidayName::ShowaDay => "Showa Day",
            HolidayName::ConstitutionMemorialDay => "Constitution Memorial Day",
            HolidayName::ChildrensDay => "Children's Day",
            HolidayName::MarineDay => "Marine Day",
            HolidayName::MountainDay => "Mountain Day",
            HolidayName::RespectForTheAgedDay => "Respect for the Aged Day",
            HolidayName::AutumnalEquinoxDay => "Autumnal Equinox Day",
            HolidayName::HealthAndSportsDay => "Health and Sports Day",
            HolidayName::SportsDay => "Sports Day",
            HolidayName::CultureDay => "Culture Day",
            HolidayName::LabourThanksgivingDay => "Labour Thanksgiving Day",
            HolidayName::SubstituteHoliday => "Substitute Holiday",
            HolidayName::CitizensHoliday => "Citizens' Holiday",
            HolidayName::FuneralOfEmperorShowa => "Funeral Ceremony of Emperor Showa",
            HolidayName::EnthronementCeremony => "Ceremony of the Enthronement",
            HolidayName::CrownPrinceWedding => "Wedding of Crown Prince Naruhito",
            HolidayName::EnthronementDay => "Day of the Emperor's Enthronement",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Holiday {
    pub date: NaiveDate,
    pub name: HolidayName,
}

/// The holidays of `year`, in date order.
pub fn holidays(year: i32) -> Result<Vec<Holiday>, DeadlineError> {
    if !(FIRST_YEAR..=LAST_YEAR).contains(&year) {
        let date = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(NaiveDate::MAX);
        return Err(DeadlineError::OutsideCalendar { date });
    }
    Ok(compute_year(year))
}

/// The holiday on `date`, if there is one.
pub fn holiday_on(date: NaiveDate) -> Result<Option<HolidayName>, DeadlineError> {
    if !(FIRST_YEAR..=LAST_YEAR).contains(&date.year()) {
        return Err(DeadlineError::OutsideCalendar { date });
    }
    Ok(compute_year(date.year())
        .into_iter()
        .find(|h| h.date == date)
        .map(|h| h.name))
}

/// 振替休日 applies to holidays on or after the 1973 amendment's entry into force.
const SUBSTITUTES_FROM: (i32, u32, u32) = (1973, 4, 12);
/// 国民の休日 (the day between two holidays) exists since the 1985 amendment.
const CITIZENS_HOLIDAY_FROM: (i32, u32, u32) = (1985, 12, 27);
/// The 2005 amendment, in force 2007: substitutes move past consecutive holidays, and a Sunday
/// between two holidays is no longer excluded from 国民の休日.
const AMENDMENT_2007: (i32, u32, u32) = (2007, 1, 1);

fn on_or_after(date: NaiveDate, since: (i32, u32, u32)) -> bool {
    (date.year(), date.month(), date.day()) >= since
}

fn compute_year(year: i32) -> Vec<Holiday> {
    // 国民の祝日 proper. The two 2019 enthronement days are "deemed national holidays" for the
    // 国民の休日 rule by their special law, which is what makes 4/30 and 5/2 holidays.
    let national = national_holidays(year);
    let is_national = |d: NaiveDate| national.iter().any(|h| h.date == d);
    let mut all = national.clone();

    // Days off by special law that are not 国民の祝日 and so trigger neither rule below.
    let special = [
        (1989, 2, 24, HolidayName::FuneralOfEmperorShowa),
        (1990, 11, 12, HolidayName::EnthronementCeremony),
        (1993, 6, 9, HolidayName::CrownPrinceWedding),
    ];
    for (y, m, d, name) in special {
        if y == year {
            push(&mut all, year, m, d, name);
        }
    }

    for holiday in &national {
        let eligible = on_or_after(holiday.date, SUBSTITUTES_FROM);
        if holiday.date.weekday() != Weekday::Sun || !eligible {
            continue;
        }
        let mut day = holiday.date.succ_opt();
        if on_or_after(holiday.date, AMENDMENT_2007) {
            // "その日後においてその日に最も近い「国民の祝日」でない日"
            while let Some(d) = day.filter(|d| is_national(*d)) {
                day = d.succ_opt();
            }
        } else {
            // Before 2007 only the next day, and only if it was not itself a holiday.
            day = day.filter(|d| !is_national(*d));
        }
        if let Some(date) = day.filter(|d| d.year() == year) {
            all.push(Holiday {
                date,
                name: HolidayName::SubstituteHoliday,
            });
        }
    }

    for holiday in &national {
        let Some(middle) = holiday.date.succ_opt() else {
            continue;
        };
        let Some(after) = middle.succ_opt() else {
            continue;
        };
        let in_force = on_or_after(middle, CITIZENS_HOLIDAY_FROM);
        if !in_force || is_national(middle) || !is_national(after) {
            continue;
        }
        let already_off = all.iter().any(|h| h.date == middle);
        let sunday_excluded =
            !on_or_after(middle, AMENDMENT_2007) && middle.weekday() == Weekday::Sun;
        if !already_off && !sunday_excluded {
            all.push(Holiday {
                date: middle,
                name: HolidayName::CitizensHoliday,
            });
        }
    }

    all.sort_by_key(|h| h.date);
    all
}

fn national_holidays(year: i32) -> Vec<Holiday> {
    use HolidayName as H;
    let mut days = Vec::with_capacity(20);
    let mut fixed = |m: u32, d: u32, name| push(&mut days, year, m, d, name);

    fixed(1, 1, H::NewYearsDay);
    if year < 2000 {
        fixed(1, 15, H::ComingOfAgeDay);
    }
    fixed(2, 11, H::NationalFoundationDay);
    match year {
        ..=1988 => fixed(4, 29, H::EmperorsBirthday),
        1989..=2006 => fixed(4, 29, H::GreeneryDay),
        _ => fixed(4, 29, H::ShowaDay),
    }
    match year {
        1989..=2018 => fixed(12, 23, H::EmperorsBirthday),
        2020.. => fixed(2, 23, H::EmperorsBirthday),
        _ => {}
    }
    fixed(5, 3, H::ConstitutionMemorialDay);
    if year >= 2007 {
        fixed(5, 4, H::GreeneryDay);
    }
    fixed(5, 5, H::ChildrensDay);
    fixed(11, 3, H::CultureDay);
    fixed(11, 23, H::LabourThanksgivingDay);
    if year <= 2002 {
        fixed(9, 15, H::RespectForTheAgedDay);
    }
    if year < 2000 {
        fixed(10, 10, H::HealthAndSportsDay);
    }
    match year {
        1996..=2002 => fixed(7, 20, H::MarineDay),
        // Tokyo Olympics special measures: 海の日, スポーツの日 and 山の日 moved for two years.
        2020 => {
            fixed(7, 23, H::MarineDay);
            fixed(7, 24, H::SportsDay);
            fixed(8, 10, H::MountainDay);
        }
        2021 => {
            fixed(7, 22, H::MarineDay);
            fixed(7, 23, H::SportsDay);
            fixed(8, 8, H::MountainDay);
        }
        _ => {}
    }
    if (2016..=2019).contains(&year) || year >= 2022 {
        fixed(8, 11, H::MountainDay);
    }
    if year == 2019 {
        fixed(5, 1, H::EnthronementDay);
        fixed(10, 22, H::EnthronementCeremony);
    }

    // Happy Monday days (2000 and 2003 amendments).
    let mut monday = |m: u32, n: u8, name| {
        if let Some(date) = NaiveDate::from_weekday_of_month_opt(year, m, Weekday::Mon, n) {
            days.push(Holiday { date, name });
        }
    };
    if year >= 2000 {
        monday(1, 2, H::ComingOfAgeDay);
    }
    if year >= 2003 && year != 2020 && year != 2021 {
        monday(7, 3, H::MarineDay);
    }
    if year >= 2003 {
        monday(9, 3, H::RespectForTheAgedDay);
    }
    match year {
        2000..=2019 => monday(10, 2, H::HealthAndSportsDay),
        2022.. => monday(10, 2, H::SportsDay),
        _ => {}
    }

    push(
        &mut days,
        year,
        3,
        spring_equinox(year),
        H::VernalEquinoxDay,
    );
    push(
        &mut days,
        year,
        9,
        autumn_equinox(year),
        H::AutumnalEquinoxDay,
    );

    days.sort_by_key(|h| h.date);
    days
}

fn push(days: &mut Vec<Holiday>, year: i32, month: u32, day: u32, name: HolidayName) {
    if let Some(date) = NaiveDate::from_ymd_opt(year, month, day) {
        days.push(Holiday { date, name });
    }
}

/// Day of March of 春分日, by the approximation the National Astronomical Observatory's figures
/// follow. Integer division truncates toward zero, as the published formula assumes: with a
/// floor instead, 1972 and 1976 would come out a day late.
fn spring_equinox(year: i32) -> u32 {
    equinox(year, 20.8431, 20.8357)
}

/// Day of September of 秋分日; see [`spring_equinox`].
fn autumn_equinox(year: i32) -> u32 {
    equinox(year, 23.2488, 23.2588)
}

fn equinox(year: i32, base_from_1980: f64, base_before_1980: f64) -> u32 {
    let (base, leap_days) = if year >= 1980 {
        (base_from_1980, (year - 1980) / 4)
    } else {
        (base_before_1980, (year - 1983) / 4)
    };
    let day = base + 0.242194 * f64::from(year - 1980) - f64::from(leap_days);
    day.floor() as u32
}

/// A month and day without a year, for closures that recur every year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct MonthDay {
    pub month: u32,
    pub day: u32,
}

impl MonthDay {
    pub fn new(month: u32, day: u32) -> Result<MonthDay, DeadlineError> {
        // 2000 is a leap year, so 2/29 is accepted (it simply never matches in other years).
        if NaiveDate::from_ymd_opt(2000, month, day).is_none() {
            return Err(DeadlineError::InvalidMonthDay { month, day });
        }
        Ok(MonthDay { month, day })
    }

    fn of(date: NaiveDate) -> MonthDay {
        MonthDay {
            month: date.month(),
            day: date.day(),
        }
    }
}

/// Days the organisation closes every year, both ends included. A range whose `from` comes after
/// its `to` wraps over the new year, as 12/29–1/3 does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct ClosureRange {
    pub from: MonthDay,
    pub to: MonthDay,
}

impl ClosureRange {
    /// 12/29–1/3, the public bodies' year-end closure (行政機関の休日に関する法律 art. 1), which
    /// the PPC also applies to breach report deadlines.
    pub const YEAR_END: ClosureRange = ClosureRange {
        from: MonthDay { month: 12, day: 29 },
        to: MonthDay { month: 1, day: 3 },
    };

    pub fn contains(&self, date: NaiveDate) -> bool {
        let day = MonthDay::of(date);
        if self.from <= self.to {
            self.from <= day && day <= self.to
        } else {
            day >= self.from || day <= self.to
        }
    }
}

/// Why a day is closed. A day can have several reasons (a holiday on a Sunday).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
#[ts(export)]
pub enum ClosureReason {
    Holiday { name: HolidayName },
    RecurringClosure { range: ClosureRange },
    ClosedDate,
    Weekend,
}

/// A closed day and its reasons, as listed when a period rolls over to the next open day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ClosedDay {
    pub date: NaiveDate,
    pub reasons: Vec<ClosureReason>,
}

/// The days an organisation is open: not a weekend, not a national holiday, not one of its
/// closure days. It is serialised into every deadline that consulted it, so the deadline can
/// show which calendar produced it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Calendar {
    holiday_rules: String,
    /// Japanese national holidays close the day. False for a GDPR period, which moves off
    /// weekends and the organisation's own closure days only (see [`Calendar::for_gdpr`]).
    national_holidays: bool,
    recurring_closures: Vec<ClosureRange>,
    closed_dates: Vec<NaiveDate>,
}

impl Calendar {
    /// The government calendar: weekends, national holidays and 12/29–1/3.
    pub fn japan() -> Calendar {
        Calendar {
            holiday_rules: HOLIDAY_RULES.to_string(),
            national_holidays: true,
            recurring_closures: vec![ClosureRange::YEAR_END],
            closed_dates: Vec::new(),
        }
    }

    /// Weekends and national holidays plus the organisation's own closures, which replace the
    /// year-end default (pass [`ClosureRange::YEAR_END`] to keep it).
    pub fn with_closures(
        recurring: Vec<ClosureRange>,
        dates: Vec<NaiveDate>,
    ) -> Result<Calendar, DeadlineError> {
        for range in &recurring {
            MonthDay::new(range.from.month, range.from.day)?;
            MonthDay::new(range.to.month, range.to.day)?;
        }
        let mut dates = dates;
        dates.sort();
        dates.dedup();
        Ok(Calendar {
            holiday_rules: HOLIDAY_RULES.to_string(),
            national_holidays: true,
            recurring_closures: recurring,
            closed_dates: dates,
        })
    }

    /// The same closures without Japanese national holidays: the days a GDPR period moves off
    /// are Saturdays, Sundays and public holidays (Reg. 1182/71 art. 3(4)), and which public
    /// holidays apply is not Japan's to say; the organisation's own closure days stand for them.
    pub fn for_gdpr(&self) -> Calendar {
        Calendar {
            national_holidays: false,
            ..self.clone()
        }
    }

    pub fn national_holidays(&self) -> bool {
        self.national_holidays
    }

    pub fn recurring_closures(&self) -> &[ClosureRange] {
        &self.recurring_closures
    }

    pub fn closed_dates(&self) -> &[NaiveDate] {
        &self.closed_dates
    }

    /// Every reason `date` is closed; empty when it is open.
    pub fn why_closed(&self, date: NaiveDate) -> Result<Vec<ClosureReason>, DeadlineError> {
        let mut reasons = Vec::new();
        if self.national_holidays {
            if let Some(name) = holiday_on(date)? {
                reasons.push(ClosureReason::Holiday { name });
            }
        }
        if let Some(range) = self.recurring_closures.iter().find(|r| r.contains(date)) {
            reasons.push(ClosureReason::RecurringClosure { range: *range });
        }
        if self.closed_dates.binary_search(&date).is_ok() {
            reasons.push(ClosureReason::ClosedDate);
        }
        if matches!(date.weekday(), Weekday::Sat | Weekday::Sun) {
            reasons.push(ClosureReason::Weekend);
        }
        Ok(reasons)
    }

    pub fn is_closed(&self, date: NaiveDate) -> Result<bool, DeadlineError> {
        Ok(!self.why_closed(date)?.is_empty())
    }

    /// The first open day after `date` (not `date` itself).
    pub fn next_open_day(&self, date: NaiveDate) -> Result<NaiveDate, DeadlineError> {
        let mut day = date;
        // A year of closed days means the settings close everything; stop rather than loop.
        for _ in 0..=366 {
            day = day
                .succ_opt()
                .ok_or(DeadlineError::OutsideCalendar { date: day })?;
            if !self.is_closed(day)? {
                return Ok(day);
            }
        }
        Err(DeadlineError::NoOpenDay { date })
    }
}
