//! Reading a workbook (XLSX, XLS, ODS through calamine) or a CSV file (the csv crate, with
//! encoding_rs for Shift_JIS) into sheets of cells that each know their sheet and A1 address.
//! Nothing here knows what a holding is.

use crate::error::{CoreError, Result};
use calamine::{open_workbook_auto_from_rs, Data, Reader, Sheets};
use serde::{Deserialize, Serialize};
use std::io::Cursor;
use ts_rs::TS;

/// The text encoding of a CSV file. Workbooks carry their own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub enum TextEncoding {
    #[serde(rename = "utf-8")]
    Utf8,
    /// Shift_JIS as Windows writes it (CP932, the WHATWG "Shift_JIS").
    #[serde(rename = "sjis")]
    ShiftJis,
}

impl TextEncoding {
    pub fn code(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "utf-8",
            TextEncoding::ShiftJis => "sjis",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        match code.to_ascii_lowercase().replace('_', "-").as_str() {
            "utf-8" | "utf8" => Some(TextEncoding::Utf8),
            "sjis" | "shift-jis" | "cp932" | "windows-31j" => Some(TextEncoding::ShiftJis),
            _ => None,
        }
    }
}

/// The kind of file read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum SourceFormat {
    Xlsx,
    Xls,
    Xlsb,
    Ods,
    Csv,
}

/// What a cell holds, as far as the import cares.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Empty,
    Text(String),
    Number(f64),
    Bool(bool),
    /// A date-formatted cell: the spreadsheet's serial day number (1900 date system).
    Serial(f64),
    /// An error value (#N/A, #REF!, …).
    Error,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub value: Value,
    /// The cell holds a formula; the import reads values only.
    pub formula: bool,
}

impl Cell {
    pub const EMPTY: Cell = Cell {
        value: Value::Empty,
        formula: false,
    };

    /// The cell as text, as a person reading the sheet would see it (numbers without a
    /// trailing `.0`).
    pub fn text(&self) -> String {
        match &self.value {
            Value::Empty | Value::Error => String::new(),
            Value::Text(t) => t.clone(),
            Value::Number(n) | Value::Serial(n) => number_text(*n),
            Value::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_owned(),
        }
    }

    pub fn is_empty(&self) -> bool {
        match &self.value {
            Value::Empty => !self.formula,
            Value::Text(t) => t.trim().is_empty() && !self.formula,
            _ => false,
        }
    }
}

fn number_text(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        n.to_string()
    }
}

/// A rectangle of merged cells, zero-based and inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Merge {
    pub first: (u32, u32),
    pub last: (u32, u32),
}

/// One sheet: rows of cells from A1, and its merged regions.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    pub name: String,
    pub rows: Vec<Vec<Cell>>,
    pub merges: Vec<Merge>,
}

impl Sheet {
    pub fn cell(&self, row: u32, col: u32) -> &Cell {
        self.rows
            .get(row as usize)
            .and_then(|r| r.get(col as usize))
            .unwrap_or(&Cell::EMPTY)
    }

    pub fn width(&self) -> u32 {
        self.rows.iter().map(Vec::len).max().unwrap_or(0) as u32
    }

    pub fn is_blank(&self) -> bool {
        self.rows.iter().all(|r| r.iter().all(Cell::is_empty))
    }

    /// The merged region `(row, col)` lies in, if any.
    pub fn merge_at(&self, row: u32, col: u32) -> Option<Merge> {
        self.merges.iter().copied().find(|m| {
            (m.first.0..=m.last.0).contains(&row) && (m.first.1..=m.last.1).contains(&col)
        })
    }
}

/// A file read whole.
#[derive(Debug, Clone, PartialEq)]
pub struct Grid {
    pub format: SourceFormat,
    /// For CSV: the encoding used (detected unless one was asked for).
    pub encoding: Option<TextEncoding>,
    /// True when the encoding was detected rather than given.
    pub encoding_detected: bool,
    pub sheets: Vec<Sheet>,
}

/// `(row, col)` zero-based to `F12`.
pub fn address(row: u32, col: u32) -> String {
    format!("{}{}", column_letters(col), row + 1)
}

pub fn column_letters(col: u32) -> String {
    let mut n = col + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

/// Reads `bytes`; `file_name` decides CSV (`.csv`, `.txt`, `.tsv`) against a workbook, whose
/// kind calamine finds from the content. `encoding` overrides CSV detection.
pub fn read(bytes: &[u8], file_name: &str, encoding: Option<TextEncoding>) -> Result<Grid> {
    let lower = file_name.to_lowercase();
    if lower.ends_with(".csv") || lower.ends_with(".txt") || lower.ends_with(".tsv") {
        let delimiter = if lower.ends_with(".tsv") { b'\t' } else { b',' };
        return read_csv(bytes, sheet_name_of(file_name), encoding, delimiter);
    }
    read_workbook(bytes)
}

fn sheet_name_of(file_name: &str) -> String {
    let base = std::path::Path::new(file_name)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    if base.is_empty() {
        "CSV".to_owned()
    } else {
        base
    }
}

fn unreadable(what: &str) -> CoreError {
    super::refused("file", what.to_owned())
}

/// UTF-8 (a BOM is dropped) unless the bytes are not UTF-8, then CP932; a CP932 file that does
/// not decode cleanly is refused rather than read with replacement characters.
fn decode(bytes: &[u8], asked: Option<TextEncoding>) -> Result<(String, TextEncoding)> {
    let utf8 = |b: &[u8]| -> Option<String> {
        let b = b.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(b);
        std::str::from_utf8(b).ok().map(str::to_owned)
    };
    let sjis = |b: &[u8]| -> Option<String> {
        let (text, had_errors) = encoding_rs::SHIFT_JIS.decode_without_bom_handling(b);
        (!had_errors).then(|| text.into_owned())
    };
    match asked {
        Some(TextEncoding::Utf8) => utf8(bytes)
            .map(|t| (t, TextEncoding::Utf8))
            .ok_or_else(|| unreadable("the file is not valid UTF-8; try --encoding sjis")),
        Some(TextEncoding::ShiftJis) => sjis(bytes)
            .map(|t| (t, TextEncoding::ShiftJis))
            .ok_or_else(|| {
                unreadable("the file is not valid Shift_JIS (CP932); try --encoding utf-8")
            }),
        None => utf8(bytes)
            .map(|t| (t, TextEncoding::Utf8))
            .or_else(|| sjis(bytes).map(|t| (t, TextEncoding::ShiftJis)))
            .ok_or_else(|| unreadable("the file is neither UTF-8 nor Shift_JIS (CP932) text")),
    }
}

fn read_csv(
    bytes: &[u8],
    sheet: String,
    asked: Option<TextEncoding>,
    delimiter: u8,
) -> Result<Grid> {
    let (text, encoding) = decode(bytes, asked)?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| {
            unreadable(&format!(
                "the CSV file cannot be read at line {}: {}",
                e.position().map(|p| p.line()).unwrap_or(i as u64 + 1),
                csv_reason(&e)
            ))
        })?;
        rows.push(
            record
                .iter()
                .map(|field| Cell {
                    value: if field.is_empty() {
                        Value::Empty
                    } else {
                        Value::Text(field.to_owned())
                    },
                    formula: false,
                })
                .collect(),
        );
    }
    Ok(Grid {
        format: SourceFormat::Csv,
        encoding: Some(encoding),
        encoding_detected: asked.is_none(),
        sheets: vec![Sheet {
            name: sheet,
            rows,
            merges: Vec::new(),
        }],
    })
}

/// The kind of CSV error, without the record's text.
fn csv_reason(error: &csv::Error) -> &'static str {
    match error.kind() {
        csv::ErrorKind::Utf8 { .. } => "invalid text",
        csv::ErrorKind::UnequalLengths { .. } => "a row of a different length",
        _ => "malformed quoting",
    }
}

fn read_workbook(bytes: &[u8]) -> Result<Grid> {
    let mut book = open_workbook_auto_from_rs(Cursor::new(bytes.to_vec())).map_err(|_| {
        unreadable(
            "the file is not a workbook Daicho can read (XLSX, XLS, ODS), or it is damaged, \
             truncated or password-protected",
        )
    })?;
    let format = match &book {
        Sheets::Xls(_) => SourceFormat::Xls,
        Sheets::Xlsx(_) => SourceFormat::Xlsx,
        Sheets::Xlsb(_) => SourceFormat::Xlsb,
        Sheets::Ods(_) => SourceFormat::Ods,
    };
    let mut sheets = Vec::new();
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name).map_err(|_| {
            super::refused(
                &crate::printable(&name),
                "the sheet cannot be read; the file is damaged or truncated".to_owned(),
            )
        })?;
        // A workbook without formulas (or a format calamine reads none from) has none to flag.
        let formulas = book.worksheet_formula(&name).ok();
        let merges = match &mut book {
            Sheets::Xlsx(x) => x.merge_cells_by_sheet_name(&name).unwrap_or_default(),
            Sheets::Xls(x) => x.merge_cells_by_sheet_name(&name).unwrap_or_default(),
            _ => Vec::new(),
        };
        let mut rows: Vec<Vec<Cell>> = Vec::new();
        fn put(rows: &mut Vec<Vec<Cell>>, row: u32, col: u32, cell: Cell) {
            let (r, c) = (row as usize, col as usize);
            if rows.len() <= r {
                rows.resize_with(r + 1, Vec::new);
            }
            if rows[r].len() <= c {
                rows[r].resize(c + 1, Cell::EMPTY);
            }
            rows[r][c] = cell;
        }
        for (row, col, data) in range.used_cells() {
            let (start_row, start_col) = range.start().unwrap_or((0, 0));
            let (row, col) = (start_row + row as u32, start_col + col as u32);
            put(
                &mut rows,
                row,
                col,
                Cell {
                    value: value_of(data),
                    formula: false,
                },
            );
        }
        if let Some(formulas) = formulas {
            let (start_row, start_col) = formulas.start().unwrap_or((0, 0));
            for (row, col, formula) in formulas.used_cells() {
                if formula.is_empty() {
                    continue;
                }
                let (row, col) = (start_row + row as u32, start_col + col as u32);
                let mut cell = rows
                    .get(row as usize)
                    .and_then(|r| r.get(col as usize))
                    .cloned()
                    .unwrap_or(Cell::EMPTY);
                cell.formula = true;
                put(&mut rows, row, col, cell);
            }
        }
        sheets.push(Sheet {
            name,
            rows,
            merges: merges
                .into_iter()
                .map(|d| Merge {
                    first: d.start,
                    last: d.end,
                })
                .collect(),
        });
    }
    Ok(Grid {
        format,
        encoding: None,
        encoding_detected: false,
        sheets,
    })
}

fn value_of(data: &Data) -> Value {
    match data {
        Data::Empty => Value::Empty,
        Data::String(s) => Value::Text(s.clone()),
        Data::Int(i) => Value::Number(*i as f64),
        Data::Float(f) => Value::Number(*f),
        Data::Bool(b) => Value::Bool(*b),
        Data::DateTime(d) => Value::Serial(d.as_f64()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => Value::Text(s.clone()),
        Data::Error(_) => Value::Error,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_a1() {
        assert_eq!(address(0, 0), "A1");
        assert_eq!(address(11, 5), "F12");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(701), "ZZ");
        assert_eq!(column_letters(702), "AAA");
    }

    #[test]
    fn encodings_are_detected() {
        let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode("管理番号,名称\r\n");
        let (text, found) = decode(&sjis, None).unwrap();
        assert_eq!(
            (text.as_str(), found),
            ("管理番号,名称\r\n", TextEncoding::ShiftJis)
        );
        let (text, found) = decode("\u{FEFF}管理番号".as_bytes(), None).unwrap();
        assert_eq!((text.as_str(), found), ("管理番号", TextEncoding::Utf8));
        assert!(decode(&sjis, Some(TextEncoding::Utf8)).is_err());
    }
}
