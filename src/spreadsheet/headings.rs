//! Which row holds the headings, and which holding field each column feeds: suggested from the
//! heading text (the JIS Q 15001 management ledger, the government personal information file
//! register form, the PPC data-mapping sheet and their common variants), or taken from a saved
//! mapping.

use super::grid::{column_letters, Sheet};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use unicode_normalization::UnicodeNormalization;

/// A holding field a column can feed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum Field {
    LedgerNo,
    Name,
    /// The department; a second line is the business process (Daicho's ledger prints
    /// 部署・業務名 in one cell).
    Department,
    BusinessProcess,
    Manager,
    /// Data items split on 、・/ and lines; 「（要配慮）」「（個人番号）」 mark items.
    DataItems,
    /// A 有/無 column: whether any item is special-care-required (要配慮個人情報).
    Sensitive,
    PersonsRecorded,
    ApproxCount,
    /// 取得方法; lines after the first are the sources.
    AcquisitionMethod,
    AcquisitionSources,
    Purposes,
    PurposeNotice,
    Consent,
    ConsentNote,
    Medium,
    StoragePlace,
    StorageMethod,
    AccessHolders,
    UseDeadline,
    Retention,
    DisposalMethod,
    DisposalNote,
    RetainedPersonalData,
    LastReview,
    NextReview,
    RegularRecipients,
    SpecialProcedure,
    Notes,
}

impl Field {
    /// The Japanese heading messages name the field by when the sheet's own heading is empty.
    pub fn heading(self) -> &'static str {
        match self {
            Field::LedgerNo => "管理番号",
            Field::Name => "個人情報の名称",
            Field::Department => "部署",
            Field::BusinessProcess => "業務名",
            Field::Manager => "管理責任者",
            Field::DataItems => "個人情報の項目",
            Field::Sensitive => "要配慮個人情報の有無",
            Field::PersonsRecorded => "記録範囲",
            Field::ApproxCount => "件数",
            Field::AcquisitionMethod => "取得方法",
            Field::AcquisitionSources => "取得元",
            Field::Purposes => "利用目的",
            Field::PurposeNotice => "明示・通知・公表の方法",
            Field::Consent => "本人同意の有無",
            Field::ConsentNote => "同意に関する備考",
            Field::Medium => "媒体",
            Field::StoragePlace => "保管場所",
            Field::StorageMethod => "保管方法",
            Field::AccessHolders => "アクセス権を有する者",
            Field::UseDeadline => "利用期限",
            Field::Retention => "保管期限",
            Field::DisposalMethod => "廃棄方法",
            Field::DisposalNote => "廃棄に関する備考",
            Field::RetainedPersonalData => "保有個人データ",
            Field::LastReview => "最終確認日",
            Field::NextReview => "次回見直し日",
            Field::RegularRecipients => "経常的提供先",
            Field::SpecialProcedure => "他の法令による特別の手続",
            Field::Notes => "備考",
        }
    }
}

/// Heading words, most specific first: the first rule whose every word the normalised
/// heading contains wins. Words are matched after NFKC and with spaces removed.
const RULES: &[(&[&str], Field)] = &[
    (&["要配慮"], Field::Sensitive),
    (&["管理番号"], Field::LedgerNo),
    (&["台帳番号"], Field::LedgerNo),
    (&["整理番号"], Field::LedgerNo),
    (&["ledgerid"], Field::LedgerNo),
    (&["経常的提供先"], Field::RegularRecipients),
    (&["特別の手続"], Field::SpecialProcedure),
    (&["電算処理ファイル"], Field::Medium),
    (&["マニュアル処理ファイル"], Field::Medium),
    (&["事務をつかさどる組織"], Field::Department),
    (&["ファイルの名称"], Field::Name),
    (&["個人情報の名称"], Field::Name),
    (&["台帳名"], Field::Name),
    (&["名称"], Field::Name),
    (&["部署", "業務"], Field::Department),
    (&["所管"], Field::Department),
    (&["部署"], Field::Department),
    (&["部門"], Field::Department),
    (&["担当課"], Field::Department),
    (&["業務"], Field::BusinessProcess),
    (&["管理責任者"], Field::Manager),
    (&["責任者"], Field::Manager),
    (&["記録範囲"], Field::PersonsRecorded),
    (&["本人の範囲"], Field::PersonsRecorded),
    (&["対象者"], Field::PersonsRecorded),
    (&["項目"], Field::DataItems),
    (&["件数"], Field::ApproxCount),
    (&["人数"], Field::ApproxCount),
    (&["取得方法"], Field::AcquisitionMethod),
    (&["取得元"], Field::AcquisitionSources),
    (&["取得先"], Field::AcquisitionSources),
    (&["収集方法"], Field::AcquisitionMethod),
    (&["取得経路"], Field::AcquisitionMethod),
    (&["明示"], Field::PurposeNotice),
    (&["通知", "公表"], Field::PurposeNotice),
    (&["利用目的"], Field::Purposes),
    (&["同意"], Field::Consent),
    (&["媒体"], Field::Medium),
    (&["保管場所"], Field::StoragePlace),
    (&["保存場所"], Field::StoragePlace),
    (&["保管方法"], Field::StorageMethod),
    (&["保存方法"], Field::StorageMethod),
    (&["アクセス"], Field::AccessHolders),
    (&["利用者の範囲"], Field::AccessHolders),
    (&["取扱者"], Field::AccessHolders),
    (&["利用期限"], Field::UseDeadline),
    (&["利用期間"], Field::UseDeadline),
    (&["保管期限"], Field::Retention),
    (&["保管期間"], Field::Retention),
    (&["保存期間"], Field::Retention),
    (&["保存期限"], Field::Retention),
    (&["廃棄"], Field::DisposalMethod),
    (&["保有個人データ"], Field::RetainedPersonalData),
    (&["開示対象"], Field::RetainedPersonalData),
    (&["次回"], Field::NextReview),
    (&["最終確認"], Field::LastReview),
    (&["見直し"], Field::LastReview),
    (&["確認日"], Field::LastReview),
    (&["備考"], Field::Notes),
];

/// Columns that Daicho's own ledger derives from other records (entrustment, provision,
/// Individual Number affairs) or that the file register form fills from the organisation:
/// recognised as headings but not imported.
const DERIVED: &[&str] = &["特定個人情報", "委託", "第三者提供", "開示請求等を受理"];

pub(crate) fn normalise(text: &str) -> String {
    text.nfkc()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_lowercase()
}

/// The field a heading suggests, if any; `Ok(None)` for a heading that is recognised but
/// deliberately not imported.
pub fn suggest(heading: &str) -> Option<Option<Field>> {
    let text = normalise(heading);
    if text.is_empty() {
        return None;
    }
    if DERIVED.iter().any(|w| text.contains(w)) {
        return Some(None);
    }
    RULES
        .iter()
        .find(|(words, _)| words.iter().all(|w| text.contains(w)))
        .map(|(_, field)| Some(*field))
}

/// One column of the mapping: its heading as the sheet spells it, and the field it feeds
/// (`None`: left out).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct ColumnRule {
    pub heading: String,
    pub field: Option<Field>,
}

/// How a sheet's columns map to holding fields. Saved as JSON (`--save-mapping`) and reused
/// (`--mapping`): columns are matched by heading, so the same mapping serves every sheet of a
/// workbook with a sheet per department, whatever the column order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct Mapping {
    pub columns: Vec<ColumnRule>,
    /// Values for required fields the sheet has no column for, as the sheet would spell them
    /// (e.g. `{"consent": "不要"}`); used for new holdings only.
    #[serde(default)]
    pub defaults: std::collections::BTreeMap<Field, String>,
}

impl Mapping {
    pub fn field_for(&self, heading: &str) -> Option<Option<Field>> {
        let key = normalise(heading);
        self.columns
            .iter()
            .find(|c| normalise(&c.heading) == key)
            .map(|c| c.field)
    }
}

/// Where a sheet's headings are and what each column feeds.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    /// Zero-based rows holding the headings (two for a merged two-row heading).
    pub heading_rows: std::ops::RangeInclusive<u32>,
    pub columns: Vec<MappedColumn>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct MappedColumn {
    pub col: u32,
    pub heading: String,
    pub field: Option<Field>,
}

impl Layout {
    pub fn first_data_row(&self) -> u32 {
        self.heading_rows.end() + 1
    }

    pub fn column_of(&self, field: Field) -> Option<&MappedColumn> {
        self.columns.iter().find(|c| c.field == Some(field))
    }
}

/// How many rows from the top are searched for headings.
const SEARCH_ROWS: u32 = 30;

/// The text a heading cell shows: a cell inside a merged region shows the region's first cell.
fn shown(sheet: &Sheet, row: u32, col: u32) -> String {
    let (r, c) = match sheet.merge_at(row, col) {
        Some(m) => m.first,
        None => (row, col),
    };
    sheet.cell(r, c).text().trim().to_owned()
}

/// The headings of rows `rows` joined per column: a two-row heading reads 「保管 / 期限」 as
/// the upper and lower text, once each where a merge repeats it.
fn headings(sheet: &Sheet, rows: &std::ops::RangeInclusive<u32>) -> Vec<String> {
    (0..sheet.width())
        .map(|col| {
            let mut parts: Vec<String> = Vec::new();
            for row in rows.clone() {
                let text = shown(sheet, row, col);
                if !text.is_empty() && parts.last() != Some(&text) {
                    parts.push(text);
                }
            }
            parts.join(" ")
        })
        .collect()
}

fn map_columns(texts: Vec<String>, mapping: Option<&Mapping>) -> Vec<MappedColumn> {
    let mut taken = std::collections::HashSet::new();
    texts
        .into_iter()
        .enumerate()
        .filter(|(_, t)| !t.is_empty())
        .map(|(col, heading)| {
            let field = match mapping {
                Some(m) => m
                    .field_for(&heading)
                    .or_else(|| {
                        // A two-row heading also matches its lower line alone.
                        heading
                            .rsplit(' ')
                            .next()
                            .and_then(|last| m.field_for(last))
                    })
                    .flatten(),
                None => lower_first(&heading).flatten(),
            };
            // A field fed by two columns would be ambiguous: the first one feeds it.
            let field = field.filter(|f| taken.insert(*f));
            MappedColumn {
                col: col as u32,
                heading,
                field,
            }
        })
        .collect()
}

/// A two-row heading (「個人情報 / 項目」 under a merged 「個人情報」) is suggested from its
/// lower line first, which names the column, then from the whole.
fn lower_first(heading: &str) -> Option<Option<Field>> {
    let last = heading.rsplit(' ').next().unwrap_or(heading);
    match suggest(last) {
        Some(found) => Some(found),
        None => suggest(heading),
    }
}

/// Finds the heading rows: the one or two rows among the first [`SEARCH_ROWS`] whose headings
/// map the most distinct fields (at least three). `None`: the sheet holds no ledger.
pub fn find_layout(sheet: &Sheet, mapping: Option<&Mapping>) -> Option<Layout> {
    let last = SEARCH_ROWS.min(sheet.rows.len() as u32);
    let mut best: Option<(usize, Layout)> = None;
    for start in 0..last {
        for depth in 0..2u32 {
            let rows = start..=start + depth;
            // A two-row heading comes with merged cells in its upper row (a group heading over
            // its columns, or one heading spanning both rows); without one, the row below is
            // taken for data, never for a second heading row.
            if depth == 1
                && (start + 1 >= sheet.rows.len() as u32
                    || !sheet.merges.iter().any(|m| m.first.0 == start))
            {
                continue;
            }
            let columns = map_columns(headings(sheet, &rows), mapping);
            let score = columns.iter().filter(|c| c.field.is_some()).count();
            if score >= 3 && best.as_ref().is_none_or(|(s, _)| score > *s) {
                best = Some((
                    score,
                    Layout {
                        heading_rows: rows,
                        columns,
                    },
                ));
            }
        }
    }
    best.map(|(_, layout)| layout)
}

/// The mapping a layout implies, to save and reuse.
pub fn mapping_of(layouts: &[&Layout], defaults: &Mapping) -> Mapping {
    let mut columns: Vec<ColumnRule> = Vec::new();
    for layout in layouts {
        for column in &layout.columns {
            if !columns.iter().any(|c| c.heading == column.heading) {
                columns.push(ColumnRule {
                    heading: column.heading.clone(),
                    field: column.field,
                });
            }
        }
    }
    Mapping {
        columns,
        defaults: defaults.defaults.clone(),
    }
}

/// `F` for column 5: how the preview names a column.
pub fn letters(col: u32) -> String {
    column_letters(col)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Headings of the JIS Q 15001 ledger, the file register form (総務省様式) and the PPC
    /// data-mapping sheet, with common variants.
    #[test]
    fn usual_headings_are_suggested() {
        let table: &[(&str, Option<Field>)] = &[
            ("管理番号", Some(Field::LedgerNo)),
            ("台帳番号", Some(Field::LedgerNo)),
            ("個人情報の名称", Some(Field::Name)),
            ("個人情報ファイルの名称", Some(Field::Name)),
            ("利用目的", Some(Field::Purposes)),
            ("個人情報ファイルの利用目的", Some(Field::Purposes)),
            ("取得方法", Some(Field::AcquisitionMethod)),
            ("記録情報の収集方法", Some(Field::AcquisitionMethod)),
            ("保管場所", Some(Field::StoragePlace)),
            ("保管期限", Some(Field::Retention)),
            ("保存期間", Some(Field::Retention)),
            ("管理責任者", Some(Field::Manager)),
            ("所管部署", Some(Field::Department)),
            ("部署・業務名", Some(Field::Department)),
            (
                "行政機関等の名称及び事務をつかさどる組織の名称",
                Some(Field::Department),
            ),
            ("媒体", Some(Field::Medium)),
            ("媒体（電子／紙）", Some(Field::Medium)),
            (
                "電算処理ファイル・マニュアル処理ファイルの別",
                Some(Field::Medium),
            ),
            ("件数", Some(Field::ApproxCount)),
            ("件数（概数）", Some(Field::ApproxCount)),
            ("要配慮個人情報", Some(Field::Sensitive)),
            (
                "要配慮個人情報が含まれるときは、その旨",
                Some(Field::Sensitive),
            ),
            ("個人情報の項目", Some(Field::DataItems)),
            ("記録項目", Some(Field::DataItems)),
            ("記録範囲", Some(Field::PersonsRecorded)),
            ("記録情報の経常的提供先", Some(Field::RegularRecipients)),
            ("本人同意の有無", Some(Field::Consent)),
            ("明示・通知・公表の方法", Some(Field::PurposeNotice)),
            ("アクセス権を有する者", Some(Field::AccessHolders)),
            ("廃棄方法", Some(Field::DisposalMethod)),
            (
                "開示対象（保有個人データ）",
                Some(Field::RetainedPersonalData),
            ),
            ("最終確認日", Some(Field::LastReview)),
            ("備考", Some(Field::Notes)),
            ("委託の有無・委託先", None),
            ("特定個人情報の有無・個人番号関係事務等", None),
        ];
        for (heading, field) in table {
            let got = suggest(heading).flatten();
            assert_eq!(got, *field, "{heading}");
        }
        assert_eq!(suggest("色"), None);
    }
}
