//! Importing existing registers from Excel and CSV (issue 15): every file is generated here,
//! with rust_xlsxwriter or encoding_rs. Expected values and messages are written out by hand.

use crate::common::{self, d, ACTOR};
use daicho::audit::Entity;
use daicho::model::holding::{
    AcquisitionMethod, Consent, DataItem, Holding, Medium, RetentionRule, RetentionTrigger,
};
use daicho::model::organisation::Regime;
use daicho::spreadsheet::{self, Field, Mapping, Options, Preview, RowAction, TextEncoding};
use daicho::{CoreError, Register};
use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook};

/// A cell to write: text, a number, a date, or a formula.
#[derive(Clone)]
enum W {
    T(&'static str),
    S(String),
    N(f64),
    Date(u16, u8, u8),
    F(&'static str),
}
use W::*;

fn write_rows(sheet: &mut rust_xlsxwriter::Worksheet, first_row: u32, rows: &[Vec<W>]) {
    let date = Format::new().set_num_format("yyyy/m/d");
    for (r, row) in rows.iter().enumerate() {
        let r = first_row + r as u32;
        for (c, cell) in row.iter().enumerate() {
            let c = c as u16;
            match cell {
                T(t) => sheet.write_string(r, c, *t).map(|_| ()),
                S(t) => sheet.write_string(r, c, t).map(|_| ()),
                N(n) => sheet.write_number(r, c, *n).map(|_| ()),
                Date(y, m, dd) => sheet
                    .write_datetime_with_format(
                        r,
                        c,
                        ExcelDateTime::from_ymd(*y, *m, *dd).unwrap(),
                        &date,
                    )
                    .map(|_| ()),
                F(f) => sheet.write_formula(r, c, Formula::new(*f)).map(|_| ()),
            }
            .unwrap();
        }
    }
}

/// The JIS Q 15001 ledger as offices keep it: a title row, a two-row heading with merged
/// cells (管理番号 over both rows, 個人情報 over 名称 and 項目, 保管 over 場所 and 期限), and a
/// sheet per department, which names the department.
fn jis_ledger(departments: &[(&str, Vec<Vec<W>>)]) -> Vec<u8> {
    let mut book = Workbook::new();
    for (name, rows) in departments {
        let sheet = book.add_worksheet();
        sheet.set_name(*name).unwrap();
        let plain = Format::new();
        sheet
            .merge_range(0, 0, 0, 11, "個人情報管理台帳", &plain)
            .unwrap();
        for (col, text) in [
            (0, "管理番号"),
            (3, "要配慮個人情報"),
            (4, "利用目的"),
            (5, "取得方法"),
            (6, "本人同意"),
            (7, "媒体（電子／紙）"),
            (10, "件数"),
            (11, "最終確認日"),
        ] {
            sheet.merge_range(2, col, 3, col, text, &plain).unwrap();
        }
        sheet.merge_range(2, 1, 2, 2, "個人情報", &plain).unwrap();
        sheet.merge_range(2, 8, 2, 9, "保管", &plain).unwrap();
        for (col, text) in [(1, "名称"), (2, "項目"), (8, "場所"), (9, "期限")] {
            sheet.write_string(3, col, text).unwrap();
        }
        write_rows(sheet, 4, rows);
    }
    book.save_to_buffer().unwrap()
}

fn general_affairs() -> Vec<Vec<W>> {
    vec![
        vec![
            T("H-0001"),
            T("職員名簿"),
            T("氏名、住所・電話番号"),
            T("×"),
            T("1. 人事管理\n2. 給与の支払"),
            T("本人から書面で直接取得"),
            T("不要"),
            T("電子・紙"),
            T("人事システム"),
            T("退職後5年（労働基準法第109条）"),
            T("約１，２００件"),
            T("令和6年4月1日"),
        ],
        vec![
            T("H-0002"),
            T("健康診断結果"),
            T("氏名、健診結果"),
            T("○"),
            T("健康管理"),
            T("第三者から取得"),
            T("取得済み"),
            T("紙"),
            T("保健室の施錠書庫"),
            T("取得から5年"),
            N(1200.0),
            T("R6.4.1"),
        ],
    ]
}

fn sales() -> Vec<Vec<W>> {
    vec![vec![
        T("H-0101"),
        T("顧客名簿"),
        T("氏名\nメールアドレス"),
        T("－"),
        T("商品の発送\nご案内の送付"),
        T("Webフォーム"),
        T("取得済み"),
        T("電子"),
        T("顧客管理システム"),
        T("契約終了から3年"),
        T("1.2万人"),
        Date(2019, 4, 30),
    ]]
}

fn preview_of(register: &Register, name: &str, bytes: &[u8], options: &Options) -> Preview {
    spreadsheet::preview(register, name, bytes, options).expect("the file is previewed")
}

fn errors(preview: &Preview) -> Vec<String> {
    preview.errors().map(ToString::to_string).collect()
}

fn by_ledger(register: &Register, ledger_no: &str) -> Holding {
    register
        .holdings()
        .unwrap()
        .into_iter()
        .find(|h| h.fields.ledger_no == ledger_no)
        .expect("the holding was imported")
}

fn items(holding: &Holding) -> Vec<(&str, bool)> {
    holding
        .fields
        .data_items
        .iter()
        .map(|i| (i.name.as_str(), i.sensitive))
        .collect()
}

/// Nothing was written: no holding and no audit entry.
fn untouched(register: &Register) {
    assert!(register.holdings().unwrap().is_empty());
    assert_eq!(register.verify().unwrap().entries, 0);
}

#[test]
fn a_jis_ledger_with_merged_two_row_headings_and_a_sheet_per_department_imports() {
    let register = common::memory_register();
    let bytes = jis_ledger(&[("総務課", general_affairs()), ("営業部", sales())]);
    let preview = preview_of(&register, "台帳.xlsx", &bytes, &Options::default());

    assert_eq!(preview.sheets.len(), 2);
    assert_eq!(preview.sheets[0].heading_rows, Some((3, 4)));
    assert_eq!(preview.sheets[1].rows, 1);
    let mapped: Vec<(&str, Option<Field>)> = preview
        .mapping
        .columns
        .iter()
        .map(|c| (c.heading.as_str(), c.field))
        .collect();
    assert_eq!(
        mapped,
        [
            ("管理番号", Some(Field::LedgerNo)),
            ("個人情報 名称", Some(Field::Name)),
            ("個人情報 項目", Some(Field::DataItems)),
            ("要配慮個人情報", Some(Field::Sensitive)),
            ("利用目的", Some(Field::Purposes)),
            ("取得方法", Some(Field::AcquisitionMethod)),
            ("本人同意", Some(Field::Consent)),
            ("媒体（電子／紙）", Some(Field::Medium)),
            ("保管 場所", Some(Field::StoragePlace)),
            ("保管 期限", Some(Field::Retention)),
            ("件数", Some(Field::ApproxCount)),
            ("最終確認日", Some(Field::LastReview)),
        ]
    );
    assert_eq!(errors(&preview), Vec::<String>::new());
    let notes: Vec<String> = preview
        .problems
        .iter()
        .chain(preview.rows.iter().flat_map(|r| r.problems.iter()))
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        notes,
        [
            "総務課: 部署 — no column; the sheet's name is used",
            "営業部: 部署 — no column; the sheet's name is used",
            "総務課!D6: 要配慮個人情報 — the sheet does not say which item is \
             special-care-required; every item of the row is marked so: correct it after the \
             import",
        ]
    );
    assert_eq!(preview.count(RowAction::Create), 3);
    // Nothing is written by a preview.
    untouched(&register);

    let report = spreadsheet::apply(&register, &preview, ACTOR).expect("the import applies");
    assert_eq!(
        (report.rows_read, report.created, report.updated),
        (3, 3, 0)
    );

    let staff = by_ledger(&register, "H-0001");
    assert_eq!(staff.fields.department, "総務課");
    assert_eq!(
        items(&staff),
        [("氏名", false), ("住所", false), ("電話番号", false)]
    );
    assert_eq!(staff.fields.purposes, ["人事管理", "給与の支払"]);
    assert_eq!(
        staff.fields.acquisition_method,
        AcquisitionMethod::DirectWritten
    );
    assert_eq!(staff.fields.consent, Consent::NotRequired);
    assert_eq!(staff.fields.medium, Medium::Both);
    assert_eq!(
        staff.fields.retention,
        Some(RetentionRule {
            years: 5,
            months: 0,
            trigger: RetentionTrigger::LeavingService,
            trigger_note: String::new(),
            legal_basis: "労働基準法第109条".to_owned(),
        })
    );
    assert_eq!(staff.fields.approx_count, Some(1200));
    assert_eq!(staff.fields.last_review, Some(d("2024-04-01")));

    let health = by_ledger(&register, "H-0002");
    assert_eq!(items(&health), [("氏名", true), ("健診結果", true)]);
    assert_eq!(
        health.fields.acquisition_method,
        AcquisitionMethod::ThirdParty
    );
    assert_eq!(health.fields.consent, Consent::Obtained);
    assert_eq!(health.fields.medium, Medium::Paper);
    assert_eq!(health.fields.approx_count, Some(1200));
    assert_eq!(health.fields.last_review, Some(d("2024-04-01")));
    assert_eq!(
        health
            .fields
            .retention
            .as_ref()
            .map(|r| (r.years, r.trigger)),
        Some((5, RetentionTrigger::Acquisition))
    );

    let customers = by_ledger(&register, "H-0101");
    assert_eq!(customers.fields.department, "営業部");
    assert_eq!(
        items(&customers),
        [("氏名", false), ("メールアドレス", false)]
    );
    assert_eq!(customers.fields.purposes, ["商品の発送", "ご案内の送付"]);
    assert_eq!(
        customers.fields.acquisition_method,
        AcquisitionMethod::DirectOther
    );
    assert_eq!(customers.fields.approx_count, Some(12_000));
    assert_eq!(customers.fields.last_review, Some(d("2019-04-30")));

    // The audit trail names the file by its SHA-256, with the mapping used.
    let noted = register
        .history(Entity::SheetImport, &preview.sha256)
        .unwrap();
    assert_eq!(noted.len(), 1);
    let fields: Vec<&str> = noted[0].changes.iter().map(|c| c.field.as_str()).collect();
    for field in ["fileName", "sha256", "mapping", "created"] {
        assert!(fields.contains(&field), "{field} in {fields:?}");
    }
    assert!(register.verify().unwrap().is_intact());

    // The same file again changes nothing; a changed cell is an update with its difference.
    let again = preview_of(&register, "台帳.xlsx", &bytes, &Options::default());
    assert_eq!(again.count(RowAction::Unchanged), 3);
    let mut changed = general_affairs();
    changed[1][9] = T("取得から7年");
    let bytes = jis_ledger(&[("総務課", changed), ("営業部", sales())]);
    let update = preview_of(&register, "台帳.xlsx", &bytes, &Options::default());
    let row = update
        .rows
        .iter()
        .find(|r| r.action == RowAction::Update)
        .expect("one update");
    assert_eq!(
        (row.key().as_str(), row.ledger_no.as_str()),
        ("総務課!6", "H-0002")
    );
    let changes: Vec<&str> = row.changes.iter().map(|c| c.field.as_str()).collect();
    assert_eq!(changes, ["retention"]);
    let report = spreadsheet::apply(&register, &update, ACTOR).unwrap();
    assert_eq!(
        (report.created, report.updated, report.unchanged),
        (0, 1, 2)
    );
    let health = by_ledger(&register, "H-0002");
    assert_eq!(health.version, 2);
    assert_eq!(health.fields.retention.map(|r| r.years), Some(7));
}

const FILE_REGISTER_HEADINGS: [&str; 11] = [
    "個人情報ファイルの名称",
    "行政機関等の名称及び事務をつかさどる組織の名称",
    "個人情報ファイルの利用目的",
    "記録項目",
    "記録範囲",
    "記録情報の収集方法",
    "要配慮個人情報が含まれるときは、その旨",
    "記録情報の経常的提供先",
    "開示請求等を受理する組織の名称及び所在地",
    "訂正及び利用停止に関する他の法令の規定による特別の手続等",
    "電算処理ファイル・マニュアル処理ファイルの別",
];

fn file_register_form() -> Vec<u8> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("ファイル簿").unwrap();
    for (c, heading) in FILE_REGISTER_HEADINGS.iter().enumerate() {
        sheet.write_string(0, c as u16, *heading).unwrap();
    }
    write_rows(
        sheet,
        1,
        &[vec![
            T("国民健康保険被保険者台帳ファイル"),
            T("○○市 保険年金課"),
            T("国民健康保険の資格管理及び保険給付"),
            T("氏名、生年月日、住所、被保険者番号"),
            T("○○市国民健康保険の被保険者"),
            T("本人からの届出書"),
            T("含まない"),
            T("国民健康保険団体連合会"),
            T("○○市総務課 ○○市○○町1-1"),
            T(""),
            T("電算処理ファイル"),
        ]],
    );
    book.save_to_buffer().unwrap()
}

#[test]
fn the_government_file_register_form_imports_with_a_default_for_consent() {
    let register = common::register_under(Regime::LocalGovernment, false);
    let entries = register.verify().unwrap().entries;
    let bytes = file_register_form();
    // The form has no consent column: a new holding needs one, or a default in the mapping.
    let preview = preview_of(&register, "file.xlsx", &bytes, &Options::default());
    assert_eq!(
        errors(&preview),
        [
            "ファイル簿: 本人同意の有無 — no column for this required field; add one, or give \
             a default in the mapping",
            "ファイル簿!G2: 要配慮個人情報が含まれるときは、その旨 — expected 有/無, ○/× or 済/未",
        ]
    );
    assert!(matches!(
        spreadsheet::apply(&register, &preview, ACTOR),
        Err(CoreError::Import(_))
    ));
    assert!(register.holdings().unwrap().is_empty());
    assert_eq!(register.verify().unwrap().entries, entries);

    // The officer maps 含まない by editing the cell to 無 and gives the consent default.
    let mut mapping = preview.mapping.clone();
    mapping.defaults.insert(Field::Consent, "不要".to_owned());
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("ファイル簿").unwrap();
    let grid = calamine_rows(&bytes);
    for (r, row) in grid.iter().enumerate() {
        for (c, text) in row.iter().enumerate() {
            let text = if text == "含まない" { "無" } else { text };
            sheet.write_string(r as u32, c as u16, text).unwrap();
        }
    }
    let fixed = book.save_to_buffer().unwrap();
    let options = Options {
        mapping: Some(mapping),
        ..Options::default()
    };
    let preview = preview_of(&register, "file.xlsx", &fixed, &options);
    assert_eq!(errors(&preview), Vec::<String>::new());
    spreadsheet::apply(&register, &preview, ACTOR).unwrap();
    let holdings = register.holdings().unwrap();
    let file = &holdings[0].fields;
    assert_eq!(file.ledger_no, "H-0001", "numbered by the register");
    assert_eq!(file.department, "○○市 保険年金課");
    assert_eq!(file.persons_recorded, "○○市国民健康保険の被保険者");
    assert_eq!(file.acquisition_method, AcquisitionMethod::DirectWritten);
    assert_eq!(file.acquisition_sources, ["本人からの届出書"]);
    assert_eq!(file.consent, Consent::NotRequired);
    assert_eq!(file.medium, Medium::Electronic);
    assert_eq!(
        file.file_register.regular_recipients,
        ["国民健康保険団体連合会"]
    );
    assert_eq!(file.data_items.len(), 4);
}

/// The cells of the first sheet as text, read back with the import's own reader.
fn calamine_rows(bytes: &[u8]) -> Vec<Vec<String>> {
    let grid = spreadsheet::grid::read(bytes, "x.xlsx", None).unwrap();
    grid.sheets[0]
        .rows
        .iter()
        .map(|r| r.iter().map(|c| c.text()).collect())
        .collect()
}

const CSV_HEADINGS: &str = "台帳番号,個人情報の名称,所管部署,個人情報の項目,要配慮個人情報,利用目的,取得方法,本人同意の有無,媒体,保存期間,件数,見直し日\r\n";

fn cp932(text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding_rs::SHIFT_JIS.encode(text);
    assert!(!unmappable);
    bytes.into_owned()
}

#[test]
fn a_cp932_csv_with_era_dates_and_marks_imports() {
    let register = common::memory_register();
    let csv = format!(
        "{CSV_HEADINGS}\
         A-1,採用応募者情報,人事部,\"氏名・学歴・職歴\",無,採用選考,本人から書面で直接取得,不要,紙,\"取得から1年（社内規程）\",５０,H31.4.30\r\n\
         A-2,従業員健康情報,人事部,\"氏名、病歴\",有,健康管理,本人から書面で直接取得,取得済み,\"電子、紙\",退職後5年,\"1,000\",令和元年5月1日\r\n"
    );
    let bytes = cp932(&csv);
    let preview = preview_of(&register, "台帳.csv", &bytes, &Options::default());
    assert_eq!(preview.encoding, Some(TextEncoding::ShiftJis));
    assert!(preview.encoding_detected);
    assert_eq!(errors(&preview), Vec::<String>::new());
    spreadsheet::apply(&register, &preview, ACTOR).unwrap();

    let applicants = by_ledger(&register, "A-1");
    assert_eq!(applicants.fields.department, "人事部");
    assert_eq!(
        items(&applicants),
        [("氏名", false), ("学歴", false), ("職歴", false)]
    );
    assert_eq!(applicants.fields.approx_count, Some(50));
    assert_eq!(applicants.fields.last_review, Some(d("2019-04-30")));
    assert_eq!(
        applicants
            .fields
            .retention
            .as_ref()
            .map(|r| r.legal_basis.as_str()),
        Some("社内規程")
    );
    let health = by_ledger(&register, "A-2");
    assert_eq!(items(&health), [("氏名", true), ("病歴", true)]);
    assert_eq!(health.fields.medium, Medium::Both);
    assert_eq!(health.fields.approx_count, Some(1000));
    assert_eq!(health.fields.last_review, Some(d("2019-05-01")));

    // Read as UTF-8 on request, the same bytes are refused, naming the encoding to try.
    let asked = Options {
        encoding: Some(TextEncoding::Utf8),
        ..Options::default()
    };
    match spreadsheet::preview(&register, "台帳.csv", &bytes, &asked) {
        Err(e @ CoreError::Import(_)) => assert_eq!(
            e.to_string(),
            "the import was refused and nothing was imported: file: the file is not valid \
             UTF-8; try --encoding sjis"
        ),
        other => panic!("expected a refusal, got {other:?}"),
    }
    // UTF-8 with a BOM reads the same.
    let mut utf8 = "\u{FEFF}".as_bytes().to_vec();
    utf8.extend(csv.replace("A-1", "B-1").replace("A-2", "B-2").as_bytes());
    let preview = preview_of(&register, "bom.csv", &utf8, &Options::default());
    assert_eq!(preview.encoding, Some(TextEncoding::Utf8));
    assert_eq!(preview.count(RowAction::Create), 2);
}

/// A personal value that must never appear in a message.
const SECRET: &str = "山田花子";

fn refused_untouched(register: &Register, preview: &Preview) {
    let error = spreadsheet::apply(register, preview, ACTOR).expect_err("refused");
    assert!(matches!(error, CoreError::Import(_)), "{error:?}");
    assert!(!error.to_string().contains(SECRET), "{error}");
    untouched(register);
}

fn csv_row(ledger: &str, retention: &str, review: &str) -> String {
    format!(
        "{ledger},{SECRET}の名簿,総務課,氏名,無,連絡,本人から書面で直接取得,不要,紙,\"{retention}\",10,\"{review}\"\r\n"
    )
}

#[test]
fn broken_sheets_are_refused_with_each_cell_named_and_nothing_written() {
    let register = common::memory_register();

    // Bad dates and periods, and a ledger number twice.
    let csv = format!(
        "{CSV_HEADINGS}{}{}{}",
        csv_row("H-1", "5年間", "R6.4.1"),
        csv_row("H-2", "取得から5年", &format!("{SECRET}の日")),
        csv_row("H-1", "取得から5年", "2024/2/30"),
    );
    let preview = preview_of(&register, "bad.csv", csv.as_bytes(), &Options::default());
    assert_eq!(
        errors(&preview),
        [
            "bad!J2: 保存期間 — no event the period runs from; write e.g. 取得から5年, \
             契約終了後3年 or 利用目的の達成まで",
            "bad!L3: 見直し日 — not a date (e.g. 令和6年4月1日, R6.4.1, 2024/4/1)",
            "bad!A4: 台帳番号 — the same ledger number as bad!A2; each holding once",
            "bad!L4: 見直し日 — no such day in the calendar",
        ]
    );
    for message in errors(&preview) {
        assert!(!message.contains(SECRET), "{message}");
    }
    refused_untouched(&register, &preview);

    // Skipping the rows with errors explicitly lets the rest through.
    let options = Options {
        skip: vec!["bad!2".to_owned(), "3".to_owned(), "bad!4".to_owned()],
        ..Options::default()
    };
    let skipped = preview_of(&register, "bad.csv", csv.as_bytes(), &options);
    assert_eq!(errors(&skipped), Vec::<String>::new());
    assert_eq!(skipped.count(RowAction::Skip), 3);

    // A missing required column.
    let csv = "台帳番号,個人情報の名称,所管部署,個人情報の項目,取得方法,本人同意の有無,媒体\r\nH-1,名簿,総務課,氏名,本人,不要,紙\r\n";
    let preview = preview_of(&register, "cols.csv", csv.as_bytes(), &Options::default());
    assert_eq!(
        errors(&preview),
        ["cols: 利用目的 — no column for this required field"]
    );
    refused_untouched(&register, &preview);

    // A formula, and an empty sheet beside the ledger.
    let mut book = Workbook::new();
    book.add_worksheet().set_name("空").unwrap();
    let sheet = book.add_worksheet();
    sheet.set_name("台帳").unwrap();
    for (c, heading) in [
        "管理番号",
        "個人情報の名称",
        "部署",
        "個人情報の項目",
        "利用目的",
        "取得方法",
        "本人同意",
        "媒体",
        "件数",
    ]
    .iter()
    .enumerate()
    {
        sheet.write_string(0, c as u16, *heading).unwrap();
    }
    write_rows(
        sheet,
        1,
        &[vec![
            T("H-1"),
            S(format!("{SECRET}の名簿")),
            T("総務課"),
            T("氏名"),
            T("連絡"),
            T("本人"),
            T("不要"),
            T("紙"),
            F("=10*10"),
        ]],
    );
    let bytes = book.save_to_buffer().unwrap();
    let preview = preview_of(&register, "f.xlsx", &bytes, &Options::default());
    assert_eq!(preview.sheets[0].note, "empty sheet; nothing read");
    assert_eq!(
        errors(&preview),
        ["台帳!I2: 件数 — a formula; the import reads values only: paste the column as values and import again"]
    );
    refused_untouched(&register, &preview);

    // Only empty sheets; a truncated workbook; a file that is no workbook at all.
    let mut book = Workbook::new();
    book.add_worksheet();
    let empty = book.save_to_buffer().unwrap();
    let truncated = &bytes[..bytes.len() / 2];
    for (name, bytes, message) in [
        (
            "empty.xlsx",
            empty.as_slice(),
            "file: no sheet holds ledger headings (管理番号, 個人情報の名称, 利用目的, …); nothing was read",
        ),
        (
            "cut.xlsx",
            truncated,
            "file: the file is not a workbook Daicho can read (XLSX, XLS, ODS), or it is damaged, truncated or password-protected",
        ),
        (
            "text.xlsx",
            SECRET.as_bytes(),
            "file: the file is not a workbook Daicho can read (XLSX, XLS, ODS), or it is damaged, truncated or password-protected",
        ),
    ] {
        let error = spreadsheet::preview(&register, name, bytes, &Options::default())
            .expect_err("refused");
        assert_eq!(
            error.to_string(),
            format!("the import was refused and nothing was imported: {message}"),
            "{name}"
        );
    }
    untouched(&register);
}

#[test]
fn hostile_text_is_refused_by_the_write_path_at_its_cell_without_echoing_it() {
    let register = common::memory_register();
    let csv = format!(
        "{CSV_HEADINGS}H-1,\"{SECRET}\u{202E}名簿\",総務課,氏名,無,連絡,本人から書面で直接取得,不要,紙,取得から1年,1,R6.4.1\r\n"
    );
    let preview = preview_of(
        &register,
        "hostile.csv",
        csv.as_bytes(),
        &Options::default(),
    );
    assert_eq!(
        errors(&preview),
        [
            "hostile!B2: 個人情報の名称 — name contains a bidirectional formatting control \
             (U+202E) at character 5; a single-line field takes no line breaks, tabs or control \
             characters"
        ]
    );
    refused_untouched(&register, &preview);
}

/// Daicho's own ledger export reads back into a fresh register as the same holdings: every
/// field the ledger prints (the fields it does not print are left empty here).
#[test]
fn the_ledger_export_imports_back_unchanged() {
    let source = common::register_under(Regime::PrivateOperator, false);
    let mut staff = common::holding("職員名簿");
    staff.ledger_no = "H-0001".to_owned();
    staff.next_review = None;
    let mut health = common::holding("健康診断結果");
    health.ledger_no = "H-0002".to_owned();
    health.department = "人事部".to_owned();
    health.business_process = String::new();
    health.data_items = vec![
        common::item("氏名"),
        DataItem {
            sensitive: true,
            ..common::item("健診結果")
        },
    ];
    health.purposes = vec!["健康管理".to_owned(), "産業医への提供".to_owned()];
    health.consent = Consent::Obtained;
    health.consent_note = "入社時の同意書".to_owned();
    health.medium = Medium::Both;
    health.acquisition_method = AcquisitionMethod::ThirdParty;
    health.acquisition_sources = vec!["健診機関".to_owned(), "本人".to_owned()];
    health.approx_count = Some(12_345);
    health.retention = Some(RetentionRule {
        years: 5,
        months: 6,
        trigger: RetentionTrigger::Acquisition,
        trigger_note: String::new(),
        legal_basis: "労働安全衛生規則第51条".to_owned(),
    });
    health.disposal_method = Some(daicho::model::holding::DisposalMethod::Dissolving);
    health.retained_personal_data = false;
    health.next_review = None;
    for input in [staff, health] {
        source.create_holding(input, ACTOR).unwrap();
    }
    let export = daicho::print::print(
        &source,
        &daicho::print::PrintRequest {
            document: daicho::print::DocumentKind::Ledger,
            language: daicho::Language::Ja,
            format: daicho::print::PrintFormat::Xlsx,
            request_id: None,
            person: None,
            incident_id: None,
            joint_use_id: None,
            edition: None,
        },
        d("2026-05-01"),
        &mut |_| {},
    )
    .unwrap();

    let fresh = common::memory_register();
    let preview = preview_of(&fresh, "ledger.xlsx", &export, &Options::default());
    assert_eq!(errors(&preview), Vec::<String>::new());
    spreadsheet::apply(&fresh, &preview, ACTOR).unwrap();
    let fields = |register: &Register| {
        let mut all: Vec<_> = register
            .holdings()
            .unwrap()
            .into_iter()
            .map(|mut h| {
                for item in &mut h.fields.data_items {
                    item.id = None;
                }
                h.fields
            })
            .collect();
        all.sort_by(|a, b| a.ledger_no.cmp(&b.ledger_no));
        all
    };
    assert_eq!(fields(&fresh), fields(&source));
}

/// A small deterministic generator, so that a failure reproduces.
struct Dice(u64);
impl Dice {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[(self.next() % from.len() as u64) as usize]
    }
}

/// Arbitrary cell contents and truncated files never panic and never write half an import:
/// each file is previewed and applied, and the register holds either nothing new or every
/// row the preview promised.
#[test]
fn arbitrary_cells_and_truncated_files_never_panic_or_write_half() {
    let register = common::memory_register();
    let mut dice = Dice(0x5EED_1234_ABCD);
    let pool = [
        "",
        " ",
        "○",
        "×",
        "有",
        "無",
        "－",
        "電子",
        "紙",
        "電子・紙",
        "令和6年4月1日",
        "R6.4.1",
        "H31.4.30",
        "2024/4/1",
        "令和99年1月1日",
        "2024/2/30",
        "取得から5年",
        "5年間",
        "約1,200件",
        "=1+1",
        "+cmd",
        "@x",
        "\u{202E}逆",
        "a\u{0007}b",
        "\u{FEFF}",
        "氏名、住所",
        "H-0001",
        "H-0002",
        "本人から書面で直接取得",
        "第三者",
        "不要",
        "取得済み",
        "1.5",
        "-3",
        "1e400",
        "（要配慮）",
        "氏名（個人番号）",
        "\"",
        "\r\n",
        "😀",
        "ｶﾀｶﾅ",
        "１２３",
    ];
    let headings = [
        "管理番号",
        "個人情報の名称",
        "部署",
        "個人情報の項目",
        "要配慮",
        "利用目的",
        "取得方法",
        "本人同意",
        "媒体",
        "保管期限",
        "件数",
        "最終確認日",
    ];
    let mut applied_rows = 0;
    for round in 0..120 {
        let mut book = Workbook::new();
        let sheet = book.add_worksheet();
        for (c, h) in headings.iter().enumerate() {
            sheet.write_string(0, c as u16, *h).unwrap();
        }
        let rows = 1 + dice.next() % 4;
        for r in 1..=rows as u32 {
            for c in 0..headings.len() as u16 {
                match dice.next() % 5 {
                    0 => sheet.write_number(r, c, (dice.next() % 100_000) as f64 / 7.0),
                    _ => sheet.write_string(r, c, dice.pick(&pool)),
                }
                .map(|_| ())
                .unwrap();
            }
        }
        let bytes = book.save_to_buffer().unwrap();
        let cut = (dice.next() as usize) % (bytes.len() + 1);
        let file = if round % 3 == 0 {
            &bytes[..cut]
        } else {
            &bytes[..]
        };
        let before = (
            register.holdings().unwrap().len(),
            register.verify().unwrap().entries,
        );
        let Ok(preview) = spreadsheet::preview(&register, "fuzz.xlsx", file, &Options::default())
        else {
            assert_eq!(
                (
                    register.holdings().unwrap().len(),
                    register.verify().unwrap().entries
                ),
                before
            );
            continue;
        };
        let creates = preview.count(RowAction::Create);
        match spreadsheet::apply(&register, &preview, ACTOR) {
            Ok(report) => {
                assert_eq!(
                    register.holdings().unwrap().len(),
                    before.0 + report.created as usize
                );
                assert_eq!(report.created as usize, creates);
                applied_rows += creates;
            }
            Err(_) => assert_eq!(
                (
                    register.holdings().unwrap().len(),
                    register.verify().unwrap().entries
                ),
                before
            ),
        }
        assert!(register.verify().unwrap().is_intact());
    }
    // Random bytes as CSV never panic either.
    for _ in 0..50 {
        let bytes: Vec<u8> = (0..(dice.next() % 400))
            .map(|_| dice.next() as u8)
            .collect();
        let _ = spreadsheet::preview(&register, "noise.csv", &bytes, &Options::default());
    }
    assert!(
        applied_rows < 10_000,
        "the generator applied {applied_rows} rows"
    );
}

#[test]
fn a_saved_mapping_is_reused_for_another_file() {
    let register = common::memory_register();
    let csv = format!("{CSV_HEADINGS}{}", csv_row("H-1", "取得から1年", "R6.4.1"));
    let preview = preview_of(&register, "a.csv", csv.as_bytes(), &Options::default());
    let json = serde_json::to_string(&preview.mapping).unwrap();
    let mut mapping: Mapping = serde_json::from_str(&json).unwrap();
    // The officer leaves the count out of the import.
    for column in &mut mapping.columns {
        if column.heading == "件数" {
            column.field = None;
        }
    }
    let options = Options {
        mapping: Some(mapping.clone()),
        ..Options::default()
    };
    let preview = preview_of(&register, "a.csv", csv.as_bytes(), &options);
    assert_eq!(preview.mapping, mapping);
    spreadsheet::apply(&register, &preview, ACTOR).unwrap();
    assert_eq!(by_ledger(&register, "H-1").fields.approx_count, None);
}
