//! Reading the values officers type into ledger sheets: ○/× and 有/無 marks, media, counts
//! with 約 and 件, lists in one cell, numbered purposes, retention periods, and dates in every
//! Japanese form (through `model::era::parse_date`) or as spreadsheet serial numbers.
//! Messages say what was expected and never repeat the cell's text.

use super::grid::{Cell, Value};
use crate::model::era::{parse_date, DateProblem};
use crate::model::holding::{
    AcquisitionMethod, Consent, DisposalMethod, Medium, PurposeNotice, RetentionRule,
    RetentionTrigger,
};
use chrono::NaiveDate;
use unicode_normalization::UnicodeNormalization;

pub type Read<T> = Result<T, String>;

fn plain(text: &str) -> String {
    text.nfkc().filter(|c| !c.is_whitespace()).collect()
}

/// 有/無, ○/×/－, 済/未, あり/なし, Yes/No. Empty reads as `None`.
pub fn yes_no(text: &str) -> Read<Option<bool>> {
    let t = plain(text).to_lowercase();
    const YES: &[&str] = &[
        "有", "あり", "有り", "○", "〇", "◯", "●", "◎", "✓", "✔", "済", "済み", "yes", "y", "true",
        "1", "該当", "対象", "はい",
    ];
    const NO: &[&str] = &[
        "無",
        "なし",
        "無し",
        "×",
        "✕",
        "✖",
        "-",
        "−",
        "－",
        "―",
        "ー",
        "未",
        "no",
        "n",
        "false",
        "0",
        "非該当",
        "対象外",
        "いいえ",
    ];
    if t.is_empty() {
        Ok(None)
    } else if YES.contains(&t.as_str()) {
        Ok(Some(true))
    } else if NO.contains(&t.as_str()) {
        Ok(Some(false))
    } else {
        Err("expected 有/無, ○/× or 済/未".to_owned())
    }
}

/// 電子/紙/電子・紙, and the file register's 電算処理ファイル/マニュアル処理ファイル.
pub fn medium(text: &str) -> Read<Medium> {
    let t = plain(text).to_lowercase();
    let electronic = ["電子", "電算", "電磁", "データ", "システム", "electronic"]
        .iter()
        .any(|w| t.contains(w));
    let paper = ["紙", "マニュアル", "書面", "paper"]
        .iter()
        .any(|w| t.contains(w));
    match (electronic, paper) {
        (true, true) => Ok(Medium::Both),
        (true, false) => Ok(Medium::Electronic),
        (false, true) => Ok(Medium::Paper),
        (false, false) => Err("expected 電子, 紙 or 電子・紙".to_owned()),
    }
}

/// Splits a cell listing several things: 、 ・ / ， ; and line breaks.
pub fn split_list(text: &str) -> Vec<String> {
    text.split(['、', '・', '/', '／', ',', '，', ';', '；', '\n', '\r'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Purposes, one per line, their numbering (1. ① (1) １．) dropped; a single line as it is.
pub fn purposes(text: &str) -> Vec<String> {
    text.lines()
        .map(|line| strip_numbering(line.trim()).trim().to_owned())
        .filter(|l| !l.is_empty())
        .collect()
}

fn strip_numbering(line: &str) -> &str {
    let mut chars = line.char_indices();
    let Some((_, first)) = chars.next() else {
        return line;
    };
    // ①–⑳
    if ('\u{2460}'..='\u{2473}').contains(&first) {
        return &line[first.len_utf8()..];
    }
    let digits_end = line
        .char_indices()
        .find(|(_, c)| {
            !(c.is_ascii_digit() || ('０'..='９').contains(c) || *c == '(' || *c == '（')
        })
        .map(|(i, _)| i)
        .unwrap_or(line.len());
    if digits_end == 0 {
        return line;
    }
    let rest = &line[digits_end..];
    for mark in [". ", ".", "．", ")", "）", "、", " "] {
        if let Some(after) = rest.strip_prefix(mark) {
            return after;
        }
    }
    line
}

/// 1,200 / 約1200件 / 1.2万人 / a number cell. Empty reads as `None`.
pub fn count(cell: &Cell) -> Read<Option<i64>> {
    if let Value::Number(n) = cell.value {
        return if n >= 0.0 && n.fract() == 0.0 && n < 1e13 {
            Ok(Some(n as i64))
        } else {
            Err("expected a whole number of records".to_owned())
        };
    }
    let mut t = plain(&cell.text());
    if t.is_empty() {
        return Ok(None);
    }
    for word in [
        "約",
        "概ね",
        "およそ",
        "程度",
        "以上",
        "未満",
        "件",
        "人",
        "名",
        "世帯",
        ",",
    ] {
        t = t.replace(word, "");
    }
    let (number, factor) = match t.strip_suffix('万') {
        Some(n) => (n, 10_000.0),
        None => (t.as_str(), 1.0),
    };
    match number.parse::<f64>().map(|n| n * factor) {
        // 1.2万 is 12000 although 1.2 × 10000 is not exactly that in binary.
        Ok(n) if (0.0..1e13).contains(&n) && (n - n.round()).abs() < 1e-6 => {
            Ok(Some(n.round() as i64))
        }
        _ => Err("expected a number of records (e.g. 約1,200件)".to_owned()),
    }
}

/// A date cell, a serial number, or text in any form `parse_date` reads (令和6年4月1日,
/// R6.4.1, H31.4.30, 2024/4/1, 2024-04-01). Empty reads as `None`.
pub fn date(cell: &Cell) -> Read<Option<NaiveDate>> {
    match &cell.value {
        Value::Serial(n) | Value::Number(n) => serial_date(*n).map(Some),
        _ => {
            let text = cell.text();
            if text.trim().is_empty() {
                return Ok(None);
            }
            parse_date(&text)
                .map(Some)
                .map_err(|problem| match problem {
                    DateProblem::Unrecognised => {
                        "not a date (e.g. 令和6年4月1日, R6.4.1, 2024/4/1)".to_owned()
                    }
                    DateProblem::NoSuchDay => "no such day in the calendar".to_owned(),
                    DateProblem::OutsideEra { .. } => "a year outside its era".to_owned(),
                })
        }
    }
}

/// A spreadsheet serial day (1900 date system, day 60 the phantom 29 February 1900).
pub fn serial_date(n: f64) -> Read<NaiveDate> {
    if !(1.0..2_958_466.0).contains(&n) {
        return Err("a number that is not a date".to_owned());
    }
    let epoch = NaiveDate::from_ymd_opt(1899, 12, 30).unwrap_or_default();
    let days = n.floor() as i64;
    epoch
        .checked_add_signed(chrono::Duration::days(days))
        .ok_or_else(|| "a number that is not a date".to_owned())
}

/// Takes trailing （…） or (…) groups off `text`: 「取得済み（書面）」 → 「取得済み」, [書面].
pub fn trailing_brackets(text: &str) -> (String, Vec<String>) {
    let mut rest = text.trim().to_owned();
    let mut groups = Vec::new();
    loop {
        let close = if rest.ends_with('）') {
            '）'
        } else if rest.ends_with(')') {
            ')'
        } else {
            break;
        };
        let open = if close == '）' { '（' } else { '(' };
        // The matching opening bracket, counting nested pairs from the end.
        let mut depth = 0;
        let mut start = None;
        for (i, c) in rest.char_indices().rev() {
            if c == close {
                depth += 1;
            } else if c == open {
                depth -= 1;
                if depth == 0 {
                    start = Some(i);
                    break;
                }
            }
        }
        let Some(start) = start else { break };
        if start == 0 {
            break;
        }
        let inner = rest[start + open.len_utf8()..rest.len() - close.len_utf8()].to_owned();
        groups.insert(0, inner);
        rest.truncate(start);
        rest = rest.trim_end().to_owned();
    }
    (rest, groups)
}

pub fn acquisition(text: &str) -> Read<AcquisitionMethod> {
    let t = plain(text);
    if t.contains("複数") || t.to_lowercase().contains("several") {
        return Ok(AcquisitionMethod::Mixed);
    }
    let mut found = Vec::new();
    if ["第三者", "委託元", "他社", "他機関", "提供を受け"]
        .iter()
        .any(|w| t.contains(w))
    {
        found.push(AcquisitionMethod::ThirdParty);
    }
    if ["公開", "公表", "官報", "名簿"]
        .iter()
        .any(|w| t.contains(w))
    {
        found.push(AcquisitionMethod::PublicSource);
    }
    if [
        "書面以外",
        "口頭",
        "電話",
        "web",
        "WEB",
        "Web",
        "ウェブ",
        "フォーム",
        "メール",
    ]
    .iter()
    .any(|w| t.contains(w))
    {
        found.push(AcquisitionMethod::DirectOther);
    } else if [
        "書面",
        "申込書",
        "申請書",
        "届出",
        "本人",
        "直接",
        "調査票",
        "履歴書",
    ]
    .iter()
    .any(|w| t.contains(w))
    {
        // A direct acquisition not said to be otherwise is taken as in writing, the case that
        // carries the notice duty of art. 21(2): the safer reading.
        found.push(AcquisitionMethod::DirectWritten);
    }
    match found.as_slice() {
        [one] => Ok(*one),
        [] => Err(
            "expected 本人から書面で, 本人から書面以外で, 第三者から, 公開情報から or 複数"
                .to_owned(),
        ),
        _ => Ok(AcquisitionMethod::Mixed),
    }
}

pub fn purpose_notices(text: &str) -> Read<Vec<PurposeNotice>> {
    let mut out = Vec::new();
    for part in split_list(text) {
        let t = plain(&part);
        let notice = if t.contains("不要") || t.contains("適用除外") {
            PurposeNotice::NotRequired
        } else if t.contains("明示") {
            PurposeNotice::ExplicitlyShown
        } else if t.contains("通知") {
            PurposeNotice::Notified
        } else if t.contains("公表") || t.contains("公開") {
            PurposeNotice::Published
        } else {
            return Err("expected 公表, 通知, 明示 or 不要".to_owned());
        };
        if !out.contains(&notice) {
            out.push(notice);
        }
    }
    Ok(out)
}

pub fn consent(text: &str) -> Read<Consent> {
    let t = plain(text);
    if t.contains("不要") || t.contains("対象外") || t.contains("該当なし") {
        Ok(Consent::NotRequired)
    } else if t.contains("未") || matches!(yes_no(&t), Ok(Some(false))) {
        Ok(Consent::NotObtained)
    } else if t.contains("取得") || t.contains("同意") || matches!(yes_no(&t), Ok(Some(true))) {
        Ok(Consent::Obtained)
    } else {
        Err("expected 取得済み/有, 未取得/無 or 不要".to_owned())
    }
}

/// A disposal method; text it does not recognise is kept as the note of 「その他」.
pub fn disposal(text: &str) -> (DisposalMethod, String) {
    let (main, notes) = trailing_brackets(text);
    let t = plain(&main);
    let method = if t.contains("シュレッダ") || t.contains("裁断") {
        DisposalMethod::Shredding
    } else if t.contains("溶解") {
        DisposalMethod::Dissolving
    } else if t.contains("消去") || t.contains("削除") {
        DisposalMethod::ErasureSoftware
    } else if t.contains("破壊") || t.contains("破砕") {
        DisposalMethod::PhysicalDestruction
    } else if t.contains("業者") || t.contains("委託") {
        DisposalMethod::Outsourced
    } else if t == "その他" {
        DisposalMethod::Other
    } else {
        return (DisposalMethod::Other, text.trim().to_owned());
    };
    (method, notes.join("、"))
}

/// 「取得から5年」「契約終了後3年」「退職後7年間」「利用目的の達成まで」「年度末から1年6か月」, with
/// a trailing （trigger note）（legal basis）. A bare period (「5年間」) names no event and is
/// refused: from when it runs decides when the information must go.
pub fn retention(text: &str) -> Read<Option<RetentionRule>> {
    let (main, brackets) = trailing_brackets(text);
    let main = main
        .nfkc()
        .filter(|c| !c.is_whitespace())
        .collect::<String>();
    if main.is_empty() {
        return Ok(None);
    }
    let (event, duration) = if let Some(event) = main.strip_suffix("まで") {
        (event.to_owned(), String::new())
    } else if let Some((event, duration)) = main.split_once("から") {
        (event.to_owned(), duration.to_owned())
    } else if let Some((event, duration)) = main.rsplit_once('後') {
        (event.to_owned(), duration.to_owned())
    } else {
        return Err(
            "no event the period runs from; write e.g. 取得から5年, 契約終了後3年 or 利用目的の達成まで"
                .to_owned(),
        );
    };
    let (years, months) = period(&duration)?;
    let trigger = trigger(&event);
    let (trigger_note, legal_basis) = match (trigger, brackets.as_slice()) {
        (RetentionTrigger::Other, [basis]) => (event.clone(), basis.clone()),
        (RetentionTrigger::Other, []) => (event.clone(), String::new()),
        (RetentionTrigger::Other, [.., basis]) => (event.clone(), basis.clone()),
        (_, []) => (String::new(), String::new()),
        (_, [basis]) => (String::new(), basis.clone()),
        (_, [note, basis, ..]) => (note.clone(), basis.clone()),
    };
    if years == 0 && months == 0 && trigger != RetentionTrigger::PurposeAchieved {
        return Err("no period; write e.g. 取得から5年 or 利用目的の達成まで".to_owned());
    }
    Ok(Some(RetentionRule {
        years,
        months,
        trigger,
        trigger_note,
        legal_basis,
    }))
}

fn trigger(event: &str) -> RetentionTrigger {
    let e = event.trim_end_matches('日');
    if e.contains("契約") {
        RetentionTrigger::ContractEnd
    } else if e.contains("最終利用") {
        RetentionTrigger::LastUse
    } else if e.contains("年度") {
        RetentionTrigger::FiscalYearEnd
    } else if e.contains("退職") || e.contains("資格喪失") || e.contains("退会") {
        RetentionTrigger::LeavingService
    } else if e.contains("目的") {
        RetentionTrigger::PurposeAchieved
    } else if e == "取得" || e == "収集" || e == "受領" || e == "作成" {
        RetentionTrigger::Acquisition
    } else {
        RetentionTrigger::Other
    }
}

/// 「5年」「5年間」「3か月」「1年6ヶ月」 → (years, months).
fn period(text: &str) -> Read<(u32, u32)> {
    let t = text.trim_end_matches('間');
    if t.is_empty() {
        return Ok((0, 0));
    }
    let bad = || "a period in years and months (e.g. 5年, 1年6か月)".to_owned();
    let (years, rest) = match t.split_once('年') {
        Some((y, rest)) => (y.parse::<u32>().map_err(|_| bad())?, rest),
        None => (0, t),
    };
    let rest = rest.trim_end_matches('間');
    let months = if rest.is_empty() {
        0
    } else {
        let m = ["か月", "ヶ月", "カ月", "ケ月", "箇月", "ヵ月", "月"]
            .iter()
            .find_map(|unit| rest.strip_suffix(unit))
            .ok_or_else(bad)?;
        m.parse::<u32>().map_err(|_| bad())?
    };
    Ok((years, months))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_read_as_yes_or_no() {
        for yes in ["有", "○", "〇", "済", "あり", "Yes"] {
            assert_eq!(yes_no(yes), Ok(Some(true)), "{yes}");
        }
        for no in ["無", "×", "－", "-", "未", "なし"] {
            assert_eq!(yes_no(no), Ok(Some(false)), "{no}");
        }
        assert_eq!(yes_no(""), Ok(None));
        assert!(yes_no("たぶん").is_err());
    }

    #[test]
    fn media() {
        assert_eq!(medium("電子"), Ok(Medium::Electronic));
        assert_eq!(medium("紙"), Ok(Medium::Paper));
        assert_eq!(medium("電子・紙"), Ok(Medium::Both));
        assert_eq!(medium("紙・電子"), Ok(Medium::Both));
        assert_eq!(medium("電算処理ファイル"), Ok(Medium::Electronic));
        assert_eq!(medium("マニュアル処理ファイル"), Ok(Medium::Paper));
        assert!(medium("不明").is_err());
    }

    #[test]
    fn counts_and_lists() {
        let text = |t: &str| Cell {
            value: Value::Text(t.to_owned()),
            formula: false,
        };
        assert_eq!(count(&text("約１，２００件")), Ok(Some(1200)));
        assert_eq!(count(&text("1.2万人")), Ok(Some(12000)));
        assert_eq!(count(&text("")), Ok(None));
        assert!(count(&text("多数")).is_err());
        assert_eq!(
            split_list("氏名、住所・電話番号/メール\n生年月日"),
            ["氏名", "住所", "電話番号", "メール", "生年月日"]
        );
        assert_eq!(
            purposes("1. 給与計算\n2. 社会保険手続"),
            ["給与計算", "社会保険手続"]
        );
        assert_eq!(purposes("①給与計算"), ["給与計算"]);
    }

    /// Retention as ledgers write it; PPC Rules and JIS Q 15001 A.3.4.3.2 ask for a period and
    /// the event it runs from.
    #[test]
    fn retention_periods() {
        let rule = |y, m, trigger, note: &str, basis: &str| {
            Ok(Some(RetentionRule {
                years: y,
                months: m,
                trigger,
                trigger_note: note.to_owned(),
                legal_basis: basis.to_owned(),
            }))
        };
        assert_eq!(
            retention("取得から5年"),
            rule(5, 0, RetentionTrigger::Acquisition, "", "")
        );
        assert_eq!(
            retention("契約終了後3年間"),
            rule(3, 0, RetentionTrigger::ContractEnd, "", "")
        );
        assert_eq!(
            retention("退職から7年（労働基準法第109条）"),
            rule(
                7,
                0,
                RetentionTrigger::LeavingService,
                "",
                "労働基準法第109条"
            )
        );
        assert_eq!(
            retention("利用目的の達成まで"),
            rule(0, 0, RetentionTrigger::PurposeAchieved, "", "")
        );
        assert_eq!(
            retention("年度末から1年6か月"),
            rule(1, 6, RetentionTrigger::FiscalYearEnd, "", "")
        );
        assert_eq!(
            retention("卒業から20年"),
            rule(20, 0, RetentionTrigger::Other, "卒業", "")
        );
        assert!(retention("5年間").is_err());
        assert_eq!(retention(""), Ok(None));
    }

    #[test]
    fn serial_dates() {
        assert_eq!(
            serial_date(45383.0),
            Ok(NaiveDate::from_ymd_opt(2024, 4, 1).unwrap())
        );
        assert!(serial_date(-3.0).is_err());
    }
}
