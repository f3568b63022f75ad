//! Bringing an existing register in from Excel, LibreOffice or CSV: read the file into cells
//! that know their sheet and address ([`grid`]), find the heading rows and map columns to
//! holding fields ([`headings`]), read each cell's value ([`values`]), then preview what would
//! change (new or updated, matched by ledger number, field by field, and every problem by
//! sheet and cell) and apply it whole through the register's write path.
//!
//! Above the register: it calls `Register::holdings` and `Register::write_sheet_rows`, which
//! writes each holding through `record.rs` and notes the source file in the audit trail.

pub mod grid;
pub mod headings;
pub mod values;

pub use grid::{SourceFormat, TextEncoding};
pub use headings::{ColumnRule, Field, Mapping};

use crate::error::{CoreError, FieldError, FieldErrorCode, RecordError, Result};
use crate::model::holding::{
    AcquisitionMethod, Consent, DataItem, FileRegisterItems, HoldingInput, Medium,
};
use crate::register::{Register, SheetRow};
use grid::{address, Cell, Grid, Sheet, Value};
use headings::{find_layout, mapping_of, Layout};
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use ts_rs::TS;

/// A refusal of the whole file (unreadable, no ledger in it): an import error on `record`.
pub(crate) fn refused(record: &str, message: String) -> CoreError {
    CoreError::Import(vec![RecordError {
        record: record.to_owned(),
        reference: None,
        fields: vec![FieldError {
            field: record.to_owned(),
            code: FieldErrorCode::Malformed,
            limit: None,
            other: None,
            message,
        }],
    }])
}

/// What to read and how.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Read only this sheet [default: every sheet with ledger headings].
    pub sheet: Option<String>,
    /// A saved mapping instead of the suggested one.
    pub mapping: Option<Mapping>,
    /// The CSV encoding instead of the detected one.
    pub encoding: Option<TextEncoding>,
    /// Rows to leave out, as `12` (any sheet) or `台帳!12`.
    pub skip: Vec<String>,
}

/// One problem, at a sheet and cell: `台帳!F12: 保管期限 — no event the period runs from`.
/// Messages never repeat what the cell holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Problem {
    pub sheet: String,
    /// `F12`; a row number alone (`12`) when no one cell is at fault; empty for the sheet.
    pub cell: String,
    /// The column's heading as the sheet spells it, or the field's Japanese name.
    pub heading: String,
    pub message: String,
    /// False for a note that does not stop the import (the sheet name used as department).
    pub blocking: bool,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let sheet = crate::printable(&self.sheet);
        let heading = crate::printable(&self.heading);
        match (self.cell.is_empty(), heading.is_empty()) {
            (true, true) => write!(f, "{sheet}: {}", self.message),
            (true, false) => write!(f, "{sheet}: {heading} — {}", self.message),
            (false, true) => write!(f, "{sheet}!{}: {}", self.cell, self.message),
            (false, false) => write!(f, "{sheet}!{}: {heading} — {}", self.cell, self.message),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum RowAction {
    Create,
    Update,
    /// Matched a holding and would change nothing.
    Unchanged,
    /// Left out on request.
    Skip,
}

/// One field an update changes.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RowChange {
    pub field: String,
    pub before: serde_json::Value,
    pub after: serde_json::Value,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RowPreview {
    pub sheet: String,
    /// The row's number as the spreadsheet shows it (from 1).
    pub row: u32,
    pub ledger_no: String,
    pub action: RowAction,
    #[ts(type = "number | null")]
    pub holding_id: Option<i64>,
    pub changes: Vec<RowChange>,
    pub problems: Vec<Problem>,
    #[serde(skip)]
    #[ts(skip)]
    input: Option<HoldingInput>,
    #[serde(skip)]
    #[ts(skip)]
    version: Option<i64>,
}

impl RowPreview {
    /// `台帳!12`: how reports and skip lists name the row.
    pub fn key(&self) -> String {
        format!("{}!{}", self.sheet, self.row)
    }

    pub fn has_errors(&self) -> bool {
        self.problems.iter().any(|p| p.blocking)
    }
}

/// What was read from one sheet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SheetSummary {
    pub name: String,
    /// The heading rows, from 1 (`[3, 4]` for a two-row heading); `None`: not read.
    pub heading_rows: Option<(u32, u32)>,
    pub rows: u32,
    /// Why a sheet was not read (empty, no ledger headings).
    pub note: String,
}

/// Everything the officer sees before anything is written.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Preview {
    pub file_name: String,
    pub sha256: String,
    pub format: SourceFormat,
    pub encoding: Option<TextEncoding>,
    pub encoding_detected: bool,
    pub sheets: Vec<SheetSummary>,
    /// The mapping used: suggested, or the one given. Save it to reuse it.
    pub mapping: Mapping,
    pub rows: Vec<RowPreview>,
    /// Problems of the file or a sheet as a whole (a required column missing).
    pub problems: Vec<Problem>,
}

impl Preview {
    /// Every blocking problem of the rows that would be written, and of the file.
    pub fn errors(&self) -> impl Iterator<Item = &Problem> {
        self.problems.iter().filter(|p| p.blocking).chain(
            self.rows
                .iter()
                .filter(|r| r.action != RowAction::Skip)
                .flat_map(|r| r.problems.iter().filter(|p| p.blocking)),
        )
    }

    pub fn count(&self, action: RowAction) -> usize {
        self.rows.iter().filter(|r| r.action == action).count()
    }
}

/// What an applied import did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ImportReport {
    pub file_name: String,
    pub sha256: String,
    pub rows_read: u32,
    pub created: u32,
    pub updated: u32,
    pub unchanged: u32,
    /// `台帳!12: skipped on request`.
    pub skipped: Vec<String>,
}

/// Reads `bytes` and works out what importing it would do, without writing anything: the
/// rows are run through the register's write path in a transaction that is rolled back, so
/// the preview names every refusal the import would meet.
pub fn preview(
    register: &Register,
    file_name: &str,
    bytes: &[u8],
    options: &Options,
) -> Result<Preview> {
    let grid = grid::read(bytes, file_name, options.encoding)?;
    let sha256 = hex::encode(Sha256::digest(bytes));
    let existing: HashMap<String, crate::model::holding::Holding> = register
        .holdings()?
        .into_iter()
        .map(|h| (h.fields.ledger_no.clone(), h))
        .collect();
    let mut preview = Preview {
        file_name: file_name.to_owned(),
        sha256,
        format: grid.format,
        encoding: grid.encoding,
        encoding_detected: grid.encoding_detected,
        sheets: Vec::new(),
        mapping: Mapping::default(),
        rows: Vec::new(),
        problems: Vec::new(),
    };
    let sheets = chosen_sheets(&grid, options)?;
    let defaults = options.mapping.clone().unwrap_or_default();
    let mut layouts = Vec::new();
    let mut seen: HashMap<String, String> = HashMap::new();
    for sheet in sheets {
        if sheet.is_blank() {
            preview.sheets.push(SheetSummary {
                name: sheet.name.clone(),
                heading_rows: None,
                rows: 0,
                note: "empty sheet; nothing read".to_owned(),
            });
            continue;
        }
        let Some(layout) = find_layout(sheet, options.mapping.as_ref()) else {
            preview.sheets.push(SheetSummary {
                name: sheet.name.clone(),
                heading_rows: None,
                rows: 0,
                note: "no ledger headings found; not read".to_owned(),
            });
            continue;
        };
        let before = preview.rows.len();
        read_rows(
            sheet,
            &layout,
            &defaults,
            &existing,
            &mut seen,
            &mut preview.rows,
        );
        sheet_problems(
            sheet,
            &layout,
            &defaults,
            &preview.rows[before..],
            &mut preview.problems,
        );
        preview.sheets.push(SheetSummary {
            name: sheet.name.clone(),
            heading_rows: Some((
                layout.heading_rows.start() + 1,
                layout.heading_rows.end() + 1,
            )),
            rows: (preview.rows.len() - before) as u32,
            note: String::new(),
        });
        layouts.push(layout);
    }
    if layouts.is_empty() {
        return Err(refused(
            "file",
            "no sheet holds ledger headings (管理番号, 個人情報の名称, 利用目的, …); nothing was read"
                .to_owned(),
        ));
    }
    preview.mapping = match &options.mapping {
        Some(given) => given.clone(),
        None => mapping_of(&layouts.iter().collect::<Vec<_>>(), &defaults),
    };
    for row in &mut preview.rows {
        if options
            .skip
            .iter()
            .any(|s| *s == row.key() || *s == row.row.to_string())
        {
            row.action = RowAction::Skip;
        }
    }
    rehearse(register, &layouts_by_sheet(&preview, layouts), &mut preview)?;
    Ok(preview)
}

fn layouts_by_sheet(preview: &Preview, layouts: Vec<Layout>) -> HashMap<String, Layout> {
    preview
        .sheets
        .iter()
        .filter(|s| s.heading_rows.is_some())
        .map(|s| s.name.clone())
        .zip(layouts)
        .collect()
}

fn chosen_sheets<'g>(grid: &'g Grid, options: &Options) -> Result<Vec<&'g Sheet>> {
    match &options.sheet {
        Some(name) => grid
            .sheets
            .iter()
            .find(|s| s.name == *name)
            .map(|s| vec![s])
            .ok_or_else(|| {
                refused(
                    "file",
                    format!(
                        "the file has no sheet named {}; its sheets are {}",
                        crate::printable(name),
                        grid.sheets
                            .iter()
                            .map(|s| crate::printable(&s.name))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                )
            }),
        None => Ok(grid.sheets.iter().collect()),
    }
}

/// A holding with nothing entered; the enums are placeholders a new row's cells or the
/// mapping's defaults replace (a row that leaves one unset gets a problem).
fn blank() -> HoldingInput {
    HoldingInput {
        ledger_no: String::new(),
        name: String::new(),
        department: String::new(),
        business_process: String::new(),
        manager: String::new(),
        duty_basis: String::new(),
        consent_details: Default::default(),
        data_items: Vec::new(),
        persons_recorded: String::new(),
        approx_count: None,
        acquisition_method: AcquisitionMethod::Mixed,
        acquisition_sources: Vec::new(),
        purposes: Vec::new(),
        purpose_notice: Vec::new(),
        consent: Consent::NotRequired,
        consent_note: String::new(),
        medium: Medium::Electronic,
        storage_place: String::new(),
        storage_method: String::new(),
        access_holders: Vec::new(),
        use_deadline: String::new(),
        retention: None,
        disposal_method: None,
        disposal_note: String::new(),
        retained_personal_data: false,
        last_review: None,
        next_review: None,
        file_register: FileRegisterItems::default(),
        number_affairs: Vec::new(),
        number_masking: None,
        notes: String::new(),
    }
}

/// The enums a new holding cannot do without.
const REQUIRED_CHOICES: [Field; 3] = [Field::AcquisitionMethod, Field::Consent, Field::Medium];
/// The texts a new holding cannot do without.
const REQUIRED_COLUMNS: [Field; 3] = [Field::Name, Field::DataItems, Field::Purposes];

fn sheet_problems(
    sheet: &Sheet,
    layout: &Layout,
    defaults: &Mapping,
    rows: &[RowPreview],
    problems: &mut Vec<Problem>,
) {
    let creates = rows.iter().any(|r| r.action == RowAction::Create);
    let mut missing = |field: Field, message: &str, blocking: bool| {
        problems.push(Problem {
            sheet: sheet.name.clone(),
            cell: String::new(),
            heading: field.heading().to_owned(),
            message: message.to_owned(),
            blocking,
        })
    };
    if layout.column_of(Field::LedgerNo).is_none() {
        missing(
            Field::LedgerNo,
            "no column; every row is a new holding, numbered by the register",
            false,
        );
    }
    if layout.column_of(Field::Department).is_none() {
        missing(
            Field::Department,
            "no column; the sheet's name is used",
            false,
        );
    }
    if !creates {
        return;
    }
    for field in REQUIRED_COLUMNS {
        if layout.column_of(field).is_none() {
            missing(field, "no column for this required field", true);
        }
    }
    for field in REQUIRED_CHOICES {
        if layout.column_of(field).is_none() && !defaults.defaults.contains_key(&field) {
            missing(
                field,
                "no column for this required field; add one, or give a default in the mapping",
                true,
            );
        }
    }
}

fn read_rows(
    sheet: &Sheet,
    layout: &Layout,
    defaults: &Mapping,
    existing: &HashMap<String, crate::model::holding::Holding>,
    seen: &mut HashMap<String, String>,
    out: &mut Vec<RowPreview>,
) {
    let mut columns: Vec<&headings::MappedColumn> = layout
        .columns
        .iter()
        .filter(|c| c.field.is_some())
        .collect();
    // Fields in a fixed order: the items before the 有/無 column that marks them.
    columns.sort_by_key(|c| c.field);
    let mapped = |f: Field| layout.column_of(f).is_some();
    for row in layout.first_data_row()..sheet.rows.len() as u32 {
        if columns.iter().all(|c| sheet.cell(row, c.col).is_empty()) {
            continue;
        }
        let mut problems = Vec::new();
        let mut problem = |col: u32, heading: &str, message: String| {
            problems.push(Problem {
                sheet: sheet.name.clone(),
                cell: address(row, col),
                heading: heading.to_owned(),
                message,
                blocking: true,
            })
        };
        let ledger_no = layout
            .column_of(Field::LedgerNo)
            .map(|c| sheet.cell(row, c.col).text().trim().to_owned())
            .unwrap_or_default();
        if let Some(column) = layout.column_of(Field::LedgerNo) {
            if !ledger_no.is_empty() {
                let here = format!("{}!{}", sheet.name, address(row, column.col));
                if let Some(first) = seen.get(&ledger_no) {
                    problem(
                        column.col,
                        &column.heading,
                        format!(
                            "the same ledger number as {}; each holding once",
                            crate::printable(first)
                        ),
                    );
                } else {
                    seen.insert(ledger_no.clone(), here);
                }
            }
        }
        let stored = existing.get(&ledger_no).filter(|_| !ledger_no.is_empty());
        let mut input = stored.map(|h| h.fields.clone()).unwrap_or_else(blank);
        if stored.is_none() {
            for field in REQUIRED_CHOICES {
                if let (false, Some(text)) = (mapped(field), defaults.defaults.get(&field)) {
                    let cell = Cell {
                        value: Value::Text(text.clone()),
                        formula: false,
                    };
                    if let Err(message) = set(field, &cell, &mut input, &mapped, true) {
                        problem(
                            0,
                            field.heading(),
                            format!("the mapping's default: {message}"),
                        );
                    }
                }
            }
        }
        if !mapped(Field::Department) {
            input.department = sheet.name.clone();
        }
        for column in &columns {
            let Some(field) = column.field else { continue };
            let cell = sheet.cell(row, column.col);
            if cell.formula {
                problem(
                    column.col,
                    &column.heading,
                    "a formula; the import reads values only: paste the column as values and \
                     import again"
                        .to_owned(),
                );
                continue;
            }
            if cell.value == Value::Error {
                problem(
                    column.col,
                    &column.heading,
                    "an error value (#N/A, #REF!, …)".to_owned(),
                );
                continue;
            }
            if let Err(message) = set(field, cell, &mut input, &mapped, stored.is_none()) {
                problem(column.col, &column.heading, message);
            }
        }
        if let Some(column) = layout.column_of(Field::Sensitive) {
            let cell = sheet.cell(row, column.col);
            if let Ok(Some(true)) = values::yes_no(&cell.text()) {
                if !input.data_items.iter().any(|i| i.sensitive) && !input.data_items.is_empty() {
                    for item in &mut input.data_items {
                        item.sensitive = true;
                    }
                    problems.push(Problem {
                        sheet: sheet.name.clone(),
                        cell: address(row, column.col),
                        heading: column.heading.clone(),
                        message: "the sheet does not say which item is special-care-required; \
                                  every item of the row is marked so: correct it after the import"
                            .to_owned(),
                        blocking: false,
                    });
                }
            }
        }
        input.ledger_no = ledger_no.clone();
        let (action, changes) = match stored {
            None => (RowAction::Create, Vec::new()),
            Some(holding) => {
                let mut tidied = input.clone();
                tidied.tidy();
                let changes = diff(&holding.fields, &tidied);
                if changes.is_empty() {
                    (RowAction::Unchanged, changes)
                } else {
                    (RowAction::Update, changes)
                }
            }
        };
        out.push(RowPreview {
            sheet: sheet.name.clone(),
            row: row + 1,
            ledger_no,
            action,
            holding_id: stored.map(|h| h.id),
            changes,
            problems,
            input: Some(input),
            version: stored.map(|h| h.version),
        });
    }
}

fn diff(before: &HoldingInput, after: &HoldingInput) -> Vec<RowChange> {
    let (serde_json::Value::Object(before), serde_json::Value::Object(after)) = (
        serde_json::to_value(before).unwrap_or_default(),
        serde_json::to_value(after).unwrap_or_default(),
    ) else {
        return Vec::new();
    };
    after
        .into_iter()
        .filter(|(key, value)| before.get(key) != Some(value))
        .map(|(key, value)| RowChange {
            before: before.get(&key).cloned().unwrap_or_default(),
            field: key,
            after: value,
        })
        .collect()
}

/// Reads one cell into `input`. `mapped` says which fields have their own column: a combined
/// cell (Daicho's ledger prints the manager under the name, the business process under the
/// department) fills the others only when they have none.
fn set(
    field: Field,
    cell: &Cell,
    input: &mut HoldingInput,
    mapped: &dyn Fn(Field) -> bool,
    new: bool,
) -> values::Read<()> {
    let text = cell.text().replace("\r\n", "\n");
    let text = text.trim();
    let required = |what: &str| -> values::Read<()> {
        if new {
            Err(format!("empty; {what} is required"))
        } else {
            Ok(())
        }
    };
    match field {
        Field::LedgerNo => {}
        Field::Name => {
            let mut name = Vec::new();
            for line in text.lines() {
                match manager_line(line) {
                    Some(manager) if !mapped(Field::Manager) => input.manager = manager.to_owned(),
                    _ => name.push(line),
                }
            }
            input.name = name.join("\n");
        }
        Field::Department => {
            if mapped(Field::BusinessProcess) {
                input.department = text.to_owned();
            } else {
                let (department, process) = text.split_once('\n').unwrap_or((text, ""));
                input.department = department.trim().to_owned();
                input.business_process = process.trim().to_owned();
            }
        }
        Field::BusinessProcess => input.business_process = text.to_owned(),
        Field::Manager => input.manager = text.to_owned(),
        Field::DataItems => {
            let mut items = Vec::new();
            for line in text.lines() {
                match line.split_once(['：', ':']) {
                    Some((label, persons))
                        if !mapped(Field::PersonsRecorded)
                            && matches!(label.trim(), "記録範囲" | "Persons") =>
                    {
                        input.persons_recorded = persons.trim().to_owned();
                    }
                    _ => items.push(line),
                }
            }
            let before = std::mem::take(&mut input.data_items);
            for part in values::split_list(&items.join("\n")) {
                let (name, marks) = values::trailing_brackets(&part);
                let mut item = DataItem {
                    id: None,
                    name: name.clone(),
                    sensitive: false,
                    my_number: false,
                    purposes: Vec::new(),
                    sources: Vec::new(),
                };
                let mut kept = Vec::new();
                for mark in marks {
                    match mark.as_str() {
                        "要配慮" | "sensitive" => item.sensitive = true,
                        "個人番号" | "My Number" => item.my_number = true,
                        _ => kept.push(format!("（{mark}）")),
                    }
                }
                item.name = format!("{name}{}", kept.concat());
                if let Some(old) = before.iter().find(|o| o.name == item.name) {
                    // The same item keeps its id (entrustments name it) and its marks.
                    item.id = old.id;
                    item.sensitive |= old.sensitive;
                    item.my_number |= old.my_number;
                }
                if !input.data_items.iter().any(|i| i.name == item.name) {
                    input.data_items.push(item);
                }
            }
        }
        Field::Sensitive => {
            if let Some(false) = values::yes_no(text)? {
                if input.data_items.iter().any(|i| i.sensitive) {
                    return Err("says none, but an item of the row is marked （要配慮）".to_owned());
                }
            }
        }
        Field::PersonsRecorded => input.persons_recorded = text.to_owned(),
        Field::ApproxCount => input.approx_count = values::count(cell)?,
        Field::AcquisitionMethod => {
            if text.is_empty() {
                return required("the acquisition method");
            }
            let (first, rest) = text.split_once('\n').unwrap_or((text, ""));
            input.acquisition_method = values::acquisition(first)?;
            if !mapped(Field::AcquisitionSources) {
                input.acquisition_sources = if rest.is_empty() {
                    if is_acquisition_label(first) {
                        Vec::new()
                    } else {
                        // The file register's 収集方法 is prose: kept as the source.
                        vec![first.trim().to_owned()]
                    }
                } else {
                    values::split_list(rest)
                };
            }
        }
        Field::AcquisitionSources => input.acquisition_sources = values::split_list(text),
        Field::Purposes => input.purposes = values::purposes(text),
        Field::PurposeNotice => input.purpose_notice = values::purpose_notices(text)?,
        Field::Consent => {
            if text.is_empty() {
                return required("consent");
            }
            let (main, notes) = values::trailing_brackets(text);
            input.consent = values::consent(&main)?;
            if !mapped(Field::ConsentNote) {
                input.consent_note = notes.join("、");
            }
        }
        Field::ConsentNote => input.consent_note = text.to_owned(),
        Field::Medium => {
            if text.is_empty() {
                return required("the medium");
            }
            input.medium = values::medium(text)?;
        }
        Field::StoragePlace => input.storage_place = text.to_owned(),
        Field::StorageMethod => input.storage_method = text.to_owned(),
        Field::AccessHolders => input.access_holders = values::split_list(text),
        Field::UseDeadline => input.use_deadline = text.to_owned(),
        Field::Retention => {
            if matches!(cell.value, Value::Number(_)) {
                return Err(
                    "a bare number; write the period and the event it runs from (e.g. 取得から5年)"
                        .to_owned(),
                );
            }
            input.retention = values::retention(text)?;
        }
        Field::DisposalMethod => {
            if text.is_empty() {
                input.disposal_method = None;
            } else {
                let (method, note) = values::disposal(text);
                input.disposal_method = Some(method);
                if !mapped(Field::DisposalNote) {
                    input.disposal_note = note;
                }
            }
        }
        Field::DisposalNote => input.disposal_note = text.to_owned(),
        Field::RetainedPersonalData => {
            if let Some(value) = values::yes_no(text)? {
                input.retained_personal_data = value;
            }
        }
        Field::LastReview => input.last_review = values::date(cell)?,
        Field::NextReview => input.next_review = values::date(cell)?,
        Field::RegularRecipients => {
            input.file_register.regular_recipients = values::split_list(text)
        }
        Field::SpecialProcedure => input.file_register.special_procedure = text.to_owned(),
        Field::Notes => input.notes = text.to_owned(),
    }
    Ok(())
}

fn manager_line(line: &str) -> Option<&str> {
    let (label, name) = line.split_once(['：', ':'])?;
    matches!(label.trim(), "管理責任者" | "Manager").then(|| name.trim())
}

/// Daicho's own labels for the acquisition methods, which carry no source of their own.
fn is_acquisition_label(text: &str) -> bool {
    [
        "本人から書面で直接取得",
        "本人から書面以外で直接取得",
        "第三者から取得",
        "公開されている情報から取得",
        "複数の方法で取得",
    ]
    .contains(&text.trim())
}

/// The field of a write-path error's path (`retention.years`, `dataItems[2].name`), with the
/// fields a combined cell fills as fallbacks.
fn fields_of(path: &str) -> Vec<Field> {
    let head = path.split(['.', '[']).next().unwrap_or(path);
    match head {
        "ledgerNo" => vec![Field::LedgerNo],
        "name" => vec![Field::Name],
        "department" => vec![Field::Department],
        "businessProcess" => vec![Field::BusinessProcess, Field::Department],
        "manager" => vec![Field::Manager, Field::Name],
        "dataItems" | "numberAffairs" | "numberMasking" => vec![Field::DataItems],
        "personsRecorded" => vec![Field::PersonsRecorded, Field::DataItems],
        "approxCount" => vec![Field::ApproxCount],
        "acquisitionMethod" => vec![Field::AcquisitionMethod],
        "acquisitionSources" => vec![Field::AcquisitionSources, Field::AcquisitionMethod],
        "purposes" => vec![Field::Purposes],
        "purposeNotice" => vec![Field::PurposeNotice],
        "consent" => vec![Field::Consent],
        "consentNote" => vec![Field::ConsentNote, Field::Consent],
        "medium" => vec![Field::Medium],
        "storagePlace" => vec![Field::StoragePlace],
        "storageMethod" => vec![Field::StorageMethod],
        "accessHolders" => vec![Field::AccessHolders],
        "useDeadline" => vec![Field::UseDeadline],
        "retention" => vec![Field::Retention],
        "disposalMethod" => vec![Field::DisposalMethod],
        "disposalNote" => vec![Field::DisposalNote, Field::DisposalMethod],
        "lastReview" => vec![Field::LastReview],
        "nextReview" => vec![Field::NextReview],
        "fileRegister" if path.contains("regularRecipients") => vec![Field::RegularRecipients],
        "fileRegister" => vec![Field::SpecialProcedure],
        "notes" => vec![Field::Notes],
        _ => Vec::new(),
    }
}

/// Runs the rows without problems through the write path, rolled back, and files each
/// refusal under the cell it concerns.
fn rehearse(
    register: &Register,
    layouts: &HashMap<String, Layout>,
    preview: &mut Preview,
) -> Result<()> {
    // A sheet that misses a required column is refused as a whole; its rows' own refusals
    // would only repeat that.
    let blocked: Vec<String> = preview
        .problems
        .iter()
        .filter(|p| p.blocking)
        .map(|p| p.sheet.clone())
        .collect();
    let (indices, rows): (Vec<usize>, Vec<SheetRow>) = {
        let (indices, rows) = writable(preview);
        indices
            .into_iter()
            .zip(rows)
            .filter(|(i, _)| !blocked.contains(&preview.rows[*i].sheet))
            .unzip()
    };
    let refused = register.write_sheet_rows(&rows, &serde_json::Value::Null, "preview", true)?;
    for (i, error) in refused {
        let row = &mut preview.rows[indices[i]];
        let layout = &layouts[&row.sheet];
        let problem = |cell: String, heading: String, message: String| Problem {
            sheet: row.sheet.clone(),
            cell,
            heading,
            message,
            blocking: true,
        };
        let mut found = Vec::new();
        match &error {
            CoreError::Validation(fields) => {
                for f in fields {
                    let column = fields_of(&f.field)
                        .into_iter()
                        .find_map(|field| layout.column_of(field));
                    found.push(match column {
                        Some(c) => problem(
                            address(row.row - 1, c.col),
                            c.heading.clone(),
                            f.message.clone(),
                        ),
                        None => problem(
                            row.row.to_string(),
                            fields_of(&f.field)
                                .first()
                                .map(|f| f.heading().to_owned())
                                .unwrap_or_default(),
                            f.message.clone(),
                        ),
                    });
                }
            }
            other => found.push(problem(
                row.row.to_string(),
                String::new(),
                other.to_string(),
            )),
        }
        row.problems.extend(found);
    }
    Ok(())
}

/// The rows an apply would write: new or changed, not skipped, without problems.
fn writable(preview: &Preview) -> (Vec<usize>, Vec<SheetRow>) {
    preview
        .rows
        .iter()
        .enumerate()
        .filter(|(_, r)| matches!(r.action, RowAction::Create | RowAction::Update))
        .filter(|(_, r)| !r.has_errors())
        .filter_map(|(i, r)| {
            Some((
                i,
                SheetRow {
                    existing: r.holding_id.zip(r.version),
                    input: r.input.clone()?,
                },
            ))
        })
        .unzip()
}

/// The preview's blocking problems as one import error, by row.
fn refusal(preview: &Preview) -> CoreError {
    let mut records: Vec<RecordError> = Vec::new();
    for p in preview.errors() {
        let record = if p.cell.is_empty() {
            p.sheet.clone()
        } else {
            let row: String = p.cell.chars().filter(char::is_ascii_digit).collect();
            format!("{}!{row}", p.sheet)
        };
        let field = FieldError {
            field: if p.cell.is_empty() {
                p.sheet.clone()
            } else {
                format!("{}!{}", p.sheet, p.cell)
            },
            code: FieldErrorCode::Malformed,
            limit: None,
            other: None,
            message: if p.heading.is_empty() {
                p.message.clone()
            } else {
                format!("{} — {}", p.heading, p.message)
            },
        };
        match records.iter_mut().find(|r| r.record == record) {
            Some(r) => r.fields.push(field),
            None => records.push(RecordError {
                reference: preview
                    .rows
                    .iter()
                    .find(|r| r.key() == record && !r.ledger_no.is_empty())
                    .map(|r| r.ledger_no.clone()),
                record,
                fields: vec![field],
            }),
        }
    }
    CoreError::Import(records)
}

/// Writes what `preview` showed, all or nothing: refused while a row that is not skipped has
/// a problem. The audit trail notes the file's name and SHA-256, the mapping and the rows.
pub fn apply(register: &Register, preview: &Preview, actor: &str) -> Result<ImportReport> {
    if preview.errors().next().is_some() {
        return Err(refusal(preview));
    }
    let (_, rows) = writable(preview);
    let skipped: Vec<String> = preview
        .rows
        .iter()
        .filter(|r| r.action == RowAction::Skip)
        .map(|r| format!("{}: skipped on request", r.key()))
        .collect();
    let report = ImportReport {
        file_name: preview.file_name.clone(),
        sha256: preview.sha256.clone(),
        rows_read: preview.rows.len() as u32,
        created: preview.count(RowAction::Create) as u32,
        updated: preview.count(RowAction::Update) as u32,
        unchanged: preview.count(RowAction::Unchanged) as u32,
        skipped,
    };
    let source = serde_json::json!({
        "fileName": preview.file_name,
        "sha256": preview.sha256,
        "format": preview.format,
        "encoding": preview.encoding,
        "mapping": preview.mapping,
        "rowsRead": report.rows_read,
        "created": report.created,
        "updated": report.updated,
        "unchanged": report.unchanged,
        "skipped": preview.rows.iter().filter(|r| r.action == RowAction::Skip).map(RowPreview::key).collect::<Vec<_>>(),
    });
    register
        .write_sheet_rows(&rows, &source, actor, false)
        .map_err(|e| match e {
            // A row the preview passed was refused: the register changed in between.
            CoreError::Validation(_) => CoreError::Conflict(
                "the register changed since the preview; preview the file again".to_owned(),
            ),
            other => other,
        })?;
    Ok(report)
}
