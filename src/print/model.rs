//! The export model: one printed document as plain data. Every document (ledger, file
//! register, announcement, logs, notices) is built as a title, a page frame and a list of
//! sections; the one Typst template, the XLSX writer and the CSV writer each render any
//! document from this shape, so a new document is only a new builder.

use serde::Serialize;

/// A4 portrait for letters and notices, landscape for wide ledgers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Orientation {
    Portrait,
    Landscape,
}

/// One printed document, ready for any output format.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PrintDocument {
    /// `ja` or `en`: the language of the labels (user data stays as entered).
    pub lang: String,
    pub title: String,
    /// The statute or standard the document answers to, under the title.
    pub basis: String,
    pub orientation: Orientation,
    /// Base text size in points; wide ledgers use a smaller one.
    pub text_size: f32,
    pub organisation: String,
    /// The print date, as written in the document's language.
    pub printed_on: String,
    /// The same date as data, for file metadata.
    pub printed_date: chrono::NaiveDate,
    /// The head of the audit chain (`#seq sha256`), so a paper copy can be matched to the
    /// register state it came from; a fixed text when the register has no history yet.
    pub chain_head: String,
    pub labels: FrameLabels,
    /// Only for letters (decision notices): reference, date, addressee and sender.
    pub letter: Option<LetterHead>,
    /// A tagged PDF (structure a screen reader follows) for what the public or a person
    /// reads; registers kept on file print untagged, which makes a 1,000-row ledger about
    /// seven times smaller and its encoding twice as fast.
    pub tagged: bool,
    pub sections: Vec<Section>,
}

/// The words of the page frame.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FrameLabels {
    pub organisation: String,
    pub printed_on: String,
    pub chain_head: String,
    pub page: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LetterHead {
    /// Lines at the top right: the notice number and its date.
    pub reference_lines: Vec<String>,
    pub addressee: String,
    pub sender_lines: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum Section {
    /// A list: the rows of a register. XLSX and CSV print these.
    Table(Table),
    /// Label and value pairs, e.g. the operator's name and address.
    Fields { heading: String, fields: Vec<Field> },
    /// Running text.
    Text {
        heading: String,
        paragraphs: Vec<String>,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Table {
    pub heading: String,
    /// The worksheet name in XLSX (at most 31 characters, none of `[]:*?/\`).
    pub sheet: String,
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<String>>,
    /// Printed in place of the rows when there are none.
    pub empty: String,
    /// A remark printed under the table.
    pub note: String,
    /// Where the PDF starts a new page with a sub-heading (a ledger's departments); empty
    /// for one continuous table. Spreadsheets keep the rows as one list.
    pub groups: Vec<RowGroup>,
}

/// The rows from `start` up to the next group's start, printed under `heading`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RowGroup {
    pub heading: String,
    pub start: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Column {
    pub label: String,
    /// Relative width in the PDF (Typst `fr`); fixed so that layout never measures cells.
    pub width: f32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Field {
    pub label: String,
    pub value: String,
}

impl Column {
    pub(crate) fn new(label: impl Into<String>, width: f32) -> Self {
        Column {
            label: label.into(),
            width,
        }
    }
}

impl Field {
    pub(crate) fn new(label: impl Into<String>, value: impl Into<String>) -> Self {
        Field {
            label: label.into(),
            value: value.into(),
        }
    }
}

impl PrintDocument {
    /// The list sections, which XLSX and CSV print.
    pub fn tables(&self) -> impl Iterator<Item = &Table> {
        self.sections.iter().filter_map(|s| match s {
            Section::Table(table) => Some(table),
            _ => None,
        })
    }
}
