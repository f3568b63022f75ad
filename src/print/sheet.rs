//! The lists of a printed document as XLSX (one worksheet per list, header row frozen,
//! filters on, columns sized for Japanese text) and CSV (UTF-8 with a BOM so that Excel
//! reads Japanese correctly; RFC 4180 quoting; CRLF line ends).

use super::model::{PrintDocument, Table};
use crate::error::{CoreError, Result};
use chrono::Datelike;
use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, XlsxError,
};
use unicode_width::UnicodeWidthStr;

/// Column width limits, in character cells (a Japanese character is two).
const MIN_WIDTH: usize = 6;
const MAX_WIDTH: usize = 60;

/// Register entries are user text: a cell that a spreadsheet would read as a formula is
/// prefixed with an apostrophe, in CSV and XLSX alike, so both give the same rows.
pub fn neutralise(value: &str) -> std::borrow::Cow<'_, str> {
    match value.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{value}").into(),
        _ => value.into(),
    }
}

/// The document's one list as CSV. Every list document has exactly one table.
pub fn csv(document: &PrintDocument) -> Result<Vec<u8>> {
    let tables: Vec<&Table> = document.tables().collect();
    let [table] = tables.as_slice() else {
        return Err(CoreError::Integrity(format!(
            "{} has {} lists; CSV holds exactly one",
            document.title,
            tables.len()
        )));
    };
    let mut out = String::from("\u{FEFF}");
    let mut line = |cells: &mut dyn Iterator<Item = &str>| {
        let quoted: Vec<String> = cells
            .map(|cell| format!("\"{}\"", neutralise(cell).replace('"', "\"\"")))
            .collect();
        out.push_str(&quoted.join(","));
        out.push_str("\r\n");
    };
    line(&mut table.columns.iter().map(|c| c.label.as_str()));
    for row in &table.rows {
        line(&mut row.iter().map(String::as_str));
    }
    Ok(out.into_bytes())
}

/// The document's lists as worksheets, then a sheet naming the organisation, the print date
/// and the audit chain head. The first sheet is the main list, as spreadsheet converters
/// read the first sheet.
pub fn xlsx(document: &PrintDocument) -> Result<Vec<u8>> {
    build_workbook(document).map_err(|e| CoreError::Integrity(format!("writing XLSX: {e}")))
}

fn build_workbook(document: &PrintDocument) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let day = document.printed_date;
    // A fixed creation time keeps the bytes identical for the same register and print date.
    let created = ExcelDateTime::from_ymd(day.year() as u16, day.month() as u8, day.day() as u8)?;
    workbook.set_properties(
        &DocProperties::new()
            .set_title(&document.title)
            .set_company(&document.organisation)
            .set_creation_datetime(&created),
    );
    let header = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_background_color(0xE4E4E4)
        .set_border(FormatBorder::Thin);
    let cell = Format::new()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_border(FormatBorder::Thin);

    for table in document.tables() {
        let sheet = workbook.add_worksheet();
        sheet.set_name(&table.sheet)?;
        for (col, column) in table.columns.iter().enumerate() {
            let col = col as u16;
            sheet.write_string_with_format(0, col, neutralise(&column.label), &header)?;
            let widest = table
                .rows
                .iter()
                .filter_map(|row| row.get(col as usize))
                .chain(std::iter::once(&column.label))
                .map(|text| display_width(text))
                .max()
                .unwrap_or(0);
            sheet.set_column_width(col, widest.clamp(MIN_WIDTH, MAX_WIDTH) as f64 + 1.0)?;
        }
        for (r, row) in table.rows.iter().enumerate() {
            for (c, value) in row.iter().enumerate() {
                sheet.write_string_with_format(r as u32 + 1, c as u16, neutralise(value), &cell)?;
            }
        }
        sheet.set_freeze_panes(1, 0)?;
        let last_col = table.columns.len().saturating_sub(1) as u16;
        sheet.autofilter(0, 0, table.rows.len() as u32, last_col)?;
    }

    let about = workbook.add_worksheet();
    about.set_name(if document.lang == "ja" {
        "出力情報"
    } else {
        "About"
    })?;
    let label = Format::new().set_bold();
    let lines = [
        (document.title.as_str(), document.basis.as_str()),
        (
            document.labels.organisation.as_str(),
            document.organisation.as_str(),
        ),
        (
            document.labels.printed_on.as_str(),
            document.printed_on.as_str(),
        ),
        (
            document.labels.chain_head.as_str(),
            document.chain_head.as_str(),
        ),
    ];
    for (row, (name, value)) in lines.iter().enumerate() {
        about.write_string_with_format(row as u32, 0, neutralise(name), &label)?;
        about.write_string(row as u32, 1, neutralise(value))?;
    }
    about.set_column_width(0, 24)?;
    about.set_column_width(1, 80)?;
    workbook.save_to_buffer()
}

/// The width of the longest line in character cells: full-width characters count two.
/// (rust_xlsxwriter's autofit counts every non-ASCII character as narrow.)
fn display_width(text: &str) -> usize {
    text.lines().map(UnicodeWidthStr::width).max().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn japanese_counts_double_width() {
        assert_eq!(display_width("氏名"), 4);
        assert_eq!(display_width("abc"), 3);
        assert_eq!(display_width("住所\nphone number"), 12);
    }

    #[test]
    fn formula_like_cells_are_neutralised() {
        assert_eq!(neutralise("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(neutralise("@cmd"), "'@cmd");
        assert_eq!(neutralise("氏名"), "氏名");
    }
}
