//! Dates as Japanese officers write them: the Gregorian forms (`2026/4/1`, `2026年4月1日`,
//! `2026-04-01`) and the era forms (`令和8年4月1日`, `令和元年5月1日`, `R8.4.1`, `H31.4.30`),
//! with full-width digits, read into one calendar date; and the same date written back in the
//! form a screen or a document asks for. One reader and one writer for the whole product, so
//! that the screens, the CLI, the sheet import and the printed documents agree.
//!
//! An era date outside its era (`平成32年`, `H31.5.1`: Heisei ended on 30 April 2019) is refused
//! rather than carried over into the next era: a register is evidence, and a date that cannot
//! have been written is more likely a typo than a convention.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The modern eras, from the Cabinet Order or Imperial Rescript that started each one. Meiji
/// counts from 1 January 1873, the first day of the Gregorian calendar in Japan: earlier Meiji
/// dates were lunisolar and have no one Gregorian equivalent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum Era {
    Meiji,
    Taisho,
    Showa,
    Heisei,
    Reiwa,
}

struct EraSpan {
    era: Era,
    kanji: &'static str,
    latin: char,
    /// The first day of the era's first year counted in the Gregorian calendar.
    first_day: (i32, u32, u32),
    /// The Gregorian year that is year 1 (元年) of the era.
    gannen: i32,
}

const ERAS: [EraSpan; 5] = [
    EraSpan {
        era: Era::Meiji,
        kanji: "明治",
        latin: 'M',
        first_day: (1873, 1, 1),
        gannen: 1868,
    },
    EraSpan {
        era: Era::Taisho,
        kanji: "大正",
        latin: 'T',
        first_day: (1912, 7, 30),
        gannen: 1912,
    },
    EraSpan {
        era: Era::Showa,
        kanji: "昭和",
        latin: 'S',
        first_day: (1926, 12, 25),
        gannen: 1926,
    },
    EraSpan {
        era: Era::Heisei,
        kanji: "平成",
        latin: 'H',
        first_day: (1989, 1, 8),
        gannen: 1989,
    },
    EraSpan {
        era: Era::Reiwa,
        kanji: "令和",
        latin: 'R',
        first_day: (2019, 5, 1),
        gannen: 2019,
    },
];

fn span(era: Era) -> &'static EraSpan {
    ERAS.iter()
        .find(|s| s.era == era)
        .expect("every era has a span")
}

fn first_day(span: &EraSpan) -> NaiveDate {
    let (y, m, d) = span.first_day;
    NaiveDate::from_ymd_opt(y, m, d).expect("era start dates are real dates")
}

/// The day after the era's last day, or `None` for the current era.
fn end(span: &EraSpan) -> Option<NaiveDate> {
    let next = ERAS.iter().position(|s| s.era == span.era)? + 1;
    ERAS.get(next).map(first_day)
}

/// The era `day` falls in and its year within it (1 for 元年), or `None` before Meiji 6.
pub fn era_of(day: NaiveDate) -> Option<(Era, i32)> {
    ERAS.iter()
        .rev()
        .find(|s| day >= first_day(s))
        .map(|s| (s.era, day.year() - s.gannen + 1))
}

/// Why a typed date was not read. Never carries the text itself: a date field may sit next to
/// personal values, and the caller names the field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", tag = "problem")]
#[ts(export)]
pub enum DateProblem {
    /// Not a date in any form this reader knows.
    Unrecognised,
    /// The parts do not make a calendar day (31 April, 29 February of a common year).
    NoSuchDay,
    /// An era date outside its era: before its first day or after its last.
    OutsideEra { era: Era },
}

/// Reads a date typed or stored the way Japanese offices write them. Spaces around the parts
/// are ignored, full-width digits and punctuation count as their ASCII forms, and `元` is year
/// 1 of an era.
pub fn parse_date(text: &str) -> Result<NaiveDate, DateProblem> {
    let text = normalise(text);
    let text = text.trim();
    if let Some(found) = parse_era(text) {
        return found;
    }
    parse_gregorian(text)
}

/// Full-width ASCII (digits, letters, `／`, `．`, `－`) as half-width, and the spaces officers
/// put between parts dropped, so `令和 ６年 ４月 １日` reads as `令和6年4月1日`.
fn normalise(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFF01 + 0x21),
            ' ' | '\u{3000}' => None,
            _ => Some(c),
        })
        .collect()
}

fn parse_era(text: &str) -> Option<Result<NaiveDate, DateProblem>> {
    let (span, rest) = ERAS.iter().find_map(|s| {
        text.strip_prefix(s.kanji)
            .or_else(|| {
                text.strip_prefix(s.latin)
                    .or_else(|| text.strip_prefix(s.latin.to_ascii_lowercase()))
            })
            .map(|rest| (s, rest))
    })?;
    let (year, rest) = match rest.strip_prefix('元') {
        Some(rest) => (1, rest),
        None => take_number(rest)?,
    };
    let Some([month, day]) = month_day(rest) else {
        return Some(Err(DateProblem::Unrecognised));
    };
    if year < 1 {
        return Some(Err(DateProblem::OutsideEra { era: span.era }));
    }
    let gregorian = span.gannen + year as i32 - 1;
    let Some(date) = NaiveDate::from_ymd_opt(gregorian, month, day) else {
        return Some(Err(DateProblem::NoSuchDay));
    };
    if date < first_day(span) || end(span).is_some_and(|end| date >= end) {
        return Some(Err(DateProblem::OutsideEra { era: span.era }));
    }
    Some(Ok(date))
}

/// After the year: `年4月1日`, `.4.1`, `/4/1` or `-4-1` (the day's `日` optional after `月`).
fn month_day(rest: &str) -> Option<[u32; 2]> {
    if let Some(rest) = rest.strip_prefix('年') {
        let (month, rest) = take_number(rest)?;
        let rest = rest.strip_prefix('月')?;
        let (day, rest) = take_number(rest)?;
        let rest = rest.strip_prefix('日').unwrap_or(rest);
        return rest.is_empty().then_some([month, day]);
    }
    let separator = rest
        .chars()
        .next()
        .filter(|c| matches!(c, '.' | '/' | '-'))?;
    let mut parts = rest[separator.len_utf8()..].split(separator);
    let month = digits(parts.next()?)?;
    let day = digits(parts.next()?)?;
    parts.next().is_none().then_some([month, day])
}

fn parse_gregorian(text: &str) -> Result<NaiveDate, DateProblem> {
    let parts = take_number(text).and_then(|(year, rest)| Some((year, month_day(rest)?)));
    let Some((year, [month, day])) = parts else {
        return Err(DateProblem::Unrecognised);
    };
    // Two-digit years are ambiguous (a Gregorian 26 or an era year?): only four digits.
    if !(1000..=9999).contains(&year) {
        return Err(DateProblem::Unrecognised);
    }
    NaiveDate::from_ymd_opt(year as i32, month, day).ok_or(DateProblem::NoSuchDay)
}

/// The leading ASCII digits of `text` as a number, and what follows them.
fn take_number(text: &str) -> Option<(u32, &str)> {
    let end = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let number = digits(&text[..end])?;
    Some((number, &text[end..]))
}

fn digits(text: &str) -> Option<u32> {
    if text.is_empty() || text.len() > 4 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// How a date is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum DateStyle {
    /// `2026-04-01`: for files and machines.
    Iso,
    /// `2026/04/01`: a compact Japanese form for tables and inputs.
    Slashed,
    /// `2026年4月1日`.
    Kanji,
    /// `令和8年4月1日`, `令和元年5月1日`; before Meiji 6 the Gregorian kanji form.
    Era,
    /// `1 April 2026`: unambiguous in English, whatever the reader's locale.
    English,
}

pub fn format_date(day: NaiveDate, style: DateStyle) -> String {
    let (y, m, d) = (day.year(), day.month(), day.day());
    match style {
        DateStyle::Iso => day.format("%Y-%m-%d").to_string(),
        DateStyle::Slashed => format!("{y:04}/{m:02}/{d:02}"),
        DateStyle::Kanji => format!("{y}年{m}月{d}日"),
        DateStyle::Era => match era_of(day) {
            Some((era, 1)) => format!("{}元年{m}月{d}日", span(era).kanji),
            Some((era, year)) => format!("{}{year}年{m}月{d}日", span(era).kanji),
            None => format!("{y}年{m}月{d}日"),
        },
        DateStyle::English => day.format("%-d %B %Y").to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// Worked from the era start dates: Reiwa began on 1 May 2019 (政令第143号 of 2019 under
    /// the Act on the Era Name, 元号法), Heisei on 8 January 1989 (政令第1号 of 1989),
    /// Showa on 25 December 1926, Taisho on 30 July 1912; year 1 of an era is 元年, and
    /// Gregorian year = first Gregorian year of the era + era year − 1.
    #[test]
    fn reads_the_forms_officers_type() {
        let cases: &[(&str, NaiveDate)] = &[
            ("2026/4/1", day(2026, 4, 1)),
            ("2026/04/01", day(2026, 4, 1)),
            ("2026-04-01", day(2026, 4, 1)),
            ("2026.4.1", day(2026, 4, 1)),
            ("2026年4月1日", day(2026, 4, 1)),
            ("２０２６年４月１日", day(2026, 4, 1)),
            // Reiwa 8 = 2019 + 8 − 1 = 2026.
            ("令和8年4月1日", day(2026, 4, 1)),
            ("令和 ８年 ４月 １日", day(2026, 4, 1)),
            ("R8.4.1", day(2026, 4, 1)),
            ("r8/4/1", day(2026, 4, 1)),
            ("Ｒ８．４．１", day(2026, 4, 1)),
            // Reiwa 6 = 2024.
            ("R6.4.1", day(2024, 4, 1)),
            ("令和元年5月1日", day(2019, 5, 1)),
            ("令和1年5月1日", day(2019, 5, 1)),
            // Heisei 31 = 1989 + 31 − 1 = 2019, its last day 30 April.
            ("H31.4.30", day(2019, 4, 30)),
            ("平成31年4月30日", day(2019, 4, 30)),
            ("平成元年1月8日", day(1989, 1, 8)),
            // Showa 64 = 1926 + 64 − 1 = 1989, its last day 7 January.
            ("昭和64年1月7日", day(1989, 1, 7)),
            ("S50.10.1", day(1975, 10, 1)),
            ("大正15年12月24日", day(1926, 12, 24)),
            ("2024/2/29", day(2024, 2, 29)),
        ];
        for (text, expected) in cases {
            assert_eq!(parse_date(text), Ok(*expected), "{text}");
        }
    }

    #[test]
    fn refuses_what_cannot_be_a_date() {
        let cases: &[(&str, DateProblem)] = &[
            ("", DateProblem::Unrecognised),
            ("5年間", DateProblem::Unrecognised),
            ("26/4/1", DateProblem::Unrecognised),
            ("4/1/2026", DateProblem::Unrecognised),
            ("2026/4/1/2", DateProblem::Unrecognised),
            ("令和8年4月", DateProblem::Unrecognised),
            ("2026/4/31", DateProblem::NoSuchDay),
            ("2025/2/29", DateProblem::NoSuchDay),
            ("R8.13.1", DateProblem::NoSuchDay),
            // Heisei ended on 30 April 2019.
            ("H31.5.1", DateProblem::OutsideEra { era: Era::Heisei }),
            (
                "平成32年1月1日",
                DateProblem::OutsideEra { era: Era::Heisei },
            ),
            // Reiwa began on 1 May 2019.
            ("R1.4.30", DateProblem::OutsideEra { era: Era::Reiwa }),
            ("令和0年5月1日", DateProblem::OutsideEra { era: Era::Reiwa }),
            // Heisei began on 8 January 1989.
            (
                "平成元年1月7日",
                DateProblem::OutsideEra { era: Era::Heisei },
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(parse_date(text), Err(*expected), "{text:?}");
        }
    }

    #[test]
    fn writes_each_style() {
        let cases: &[(NaiveDate, DateStyle, &str)] = &[
            (day(2026, 4, 1), DateStyle::Iso, "2026-04-01"),
            (day(2026, 4, 1), DateStyle::Slashed, "2026/04/01"),
            (day(2026, 4, 1), DateStyle::Kanji, "2026年4月1日"),
            (day(2026, 4, 1), DateStyle::Era, "令和8年4月1日"),
            (day(2019, 5, 1), DateStyle::Era, "令和元年5月1日"),
            (day(2019, 4, 30), DateStyle::Era, "平成31年4月30日"),
            (day(1989, 1, 7), DateStyle::Era, "昭和64年1月7日"),
            (day(1989, 1, 8), DateStyle::Era, "平成元年1月8日"),
            (day(2026, 4, 1), DateStyle::English, "1 April 2026"),
        ];
        for (date, style, expected) in cases {
            assert_eq!(format_date(*date, *style), *expected, "{date} {style:?}");
        }
    }

    #[test]
    fn every_written_form_reads_back() {
        let mut date = day(1873, 1, 1);
        while date < day(2040, 1, 1) {
            for style in [
                DateStyle::Iso,
                DateStyle::Slashed,
                DateStyle::Kanji,
                DateStyle::Era,
            ] {
                assert_eq!(parse_date(&format_date(date, style)), Ok(date), "{date}");
            }
            date += chrono::Duration::days(97);
        }
    }
}
