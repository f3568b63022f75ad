//! Printed registers, checked the way a reader would: the text poppler extracts from the PDF,
//! the fonts it embeds, qpdf's structural check, and the rows LibreOffice reads back from an
//! XLSX. poppler prints harmless syntax warnings for tagged PDFs on stderr; only exit codes
//! and stdout are checked.

use crate::common;
use crate::printed;

use common::*;
use daicho::model::holding::{DataItem, WithheldItem};
use daicho::model::organisation::Regime;
use daicho::print::pdf::Fonts;
use daicho::print::{DocumentKind, PrintFormat, PrintParameter, PrintRequest, PrintStage};
use daicho::{ErrorKind, FieldErrorCode, Language, Register};
use printed::*;
use std::process::Command;

fn set_regime(register: &Register, regime: Regime, gdpr_applies: bool) {
    let current = register.organisation().unwrap().expect("a profile");
    let profile = daicho::model::organisation::OrganisationInput {
        regime,
        gdpr_applies,
        ..current.profile
    };
    register
        .save_organisation(profile, Some(current.version), ACTOR)
        .expect("the regime changes");
}

fn frame(register: &Register, text: &str) {
    let head = register.chain_head().unwrap().expect("history");
    assert_prints(text, &[&head.hash, "みらい健康保険組合"]);
}

// --- every document, every language: statutory headings, frame, fonts, structure -----------

#[test]
fn ledger_prints_every_column_in_japanese_and_english() {
    let register = demo_register();
    let ja = print(
        &register,
        &ask(DocumentKind::Ledger, Language::Ja, PrintFormat::Pdf),
    );
    let text = pdf_text(&ja);
    assert_prints(
        &text,
        &[
            "個人情報管理台帳",
            "出力日 2026年11月23日",
            "管理番号",
            "部署・業務名",
            "個人情報の名称",
            "個人情報の項目",
            "要配慮個人情報の有無",
            "件数（概数）",
            "取得方法・取得元",
            "利用目的",
            "明示・通知・公表の方法",
            "本人同意の有無",
            "媒体",
            "保管場所",
            "保管方法",
            "アクセス権を有する者",
            "利用期限",
            "保管期限",
            "廃棄方法",
            "委託の有無・委託先",
            "第三者提供・共同利用",
            "開示対象（保有個人データ）",
            "最終確認日",
            "被保険者・被扶養者台帳",
            "42,000",
        ],
    );
    frame(&register, &text);
    assert_fonts(&ja);
    assert_sound(&ja);

    let en = print(
        &register,
        &ask(DocumentKind::Ledger, Language::En, PrintFormat::Pdf),
    );
    let text = pdf_text(&en);
    assert_prints(
        &text,
        &[
            "Personal Information Management Ledger",
            "Printed 23 November 2026",
            "Ledger ID",
            "Department, business process",
            "Name of the holding",
            "Data items",
            "Sensitive information present",
            "Approximate record count",
            "Acquisition method and source",
            "Purposes of use",
            "How the purpose was made known",
            "Consent obtained",
            "Medium",
            "Storage location",
            "Storage method",
            "Persons with access rights",
            "Use deadline",
            "Retention deadline",
            "Disposal method",
            "Entrustment and entrustees",
            "Third-party provision and joint use",
            "Retained personal data",
            "Last annual review",
        ],
    );
    frame(&register, &text);
    // English labels, Japanese user data: still only the one embedded face.
    assert_fonts(&en);
    assert_sound(&en);
}

#[test]
fn file_register_prints_the_article_74_items_in_both_languages() {
    let register = demo_register();
    set_regime(&register, Regime::LocalGovernment, false);
    let ja = print(
        &register,
        &ask(DocumentKind::FileRegister, Language::Ja, PrintFormat::Pdf),
    );
    let text = pdf_text(&ja);
    assert_prints(
        &text,
        &[
            "個人情報ファイル簿",
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
        ],
    );
    frame(&register, &text);
    assert_fonts(&ja);
    assert_sound(&ja);

    let en = print(
        &register,
        &ask(DocumentKind::FileRegister, Language::En, PrintFormat::Pdf),
    );
    assert_prints(
        &pdf_text(&en),
        &[
            "Personal Information File Register",
            "Name of the file",
            "Organ and the unit in charge of the work",
            "Purpose of use",
            "Recorded items",
            "Persons recorded",
            "How the information is collected",
            "Contains sensitive information",
            "Regular recipients outside the organ",
            "Office that accepts disclosure, correction and suspension requests",
            "Special correction or suspension procedure under another law",
            "Electronic or manual file",
        ],
    );
    assert_fonts(&en);
}

#[test]
fn announcement_prints_the_article_32_items_from_the_register() {
    let register = demo_register();
    let ja = print(
        &register,
        &ask(DocumentKind::Announcement, Language::Ja, PrintFormat::Pdf),
    );
    let text = pdf_text(&ja);
    assert_prints(
        &text,
        &[
            "保有個人データに関する事項の公表",
            "個人情報取扱事業者の氏名又は名称、住所及び代表者の氏名",
            "東京都港区芝公園四丁目2番8号",
            "理事長 佐藤 一郎",
            "全ての保有個人データの利用目的",
            "保険料の徴収及び標準報酬の決定",
            "開示等の請求等に応じる手続",
            "総務グループ 個人情報開示等請求窓口",
            "4. 保有個人データの安全管理のために講じた措置",
            // 5 to 7: the consent matters, the pseudonymised purposes, the anonymised items.
            "8. 苦情の申出先",
            "総務グループ 個人情報相談窓口",
        ],
    );
    frame(&register, &text);
    assert_fonts(&ja);
    assert_sound(&ja);

    let en = print(
        &register,
        &ask(DocumentKind::Announcement, Language::En, PrintFormat::Pdf),
    );
    assert_prints(
        &pdf_text(&en),
        &[
            "Public Announcement on Retained Personal Data",
            "Name and address of the business operator and its representative",
            "Purposes of use of all retained personal data",
            "Procedure for requests",
            "Where to lodge complaints",
        ],
    );
    assert_fonts(&en);
}

#[test]
fn request_and_complaint_logs_print_in_both_languages() {
    let register = demo_register();
    for (language, requests, complaints) in [
        (
            Language::Ja,
            vec![
                "開示等の請求の処理記録",
                "受付番号",
                "請求の種類",
                "受付日",
                "請求者（代理人）",
                "請求の内容",
                "状況",
                "期限",
                "決定（決定日）",
                "通知日・方法",
                "完了日",
                "手数料",
                "R-0001",
                "一部開示（一部認容）",
            ],
            vec![
                "苦情の処理記録",
                "受付番号",
                "申出者",
                "件名",
                "苦情の内容",
                "対応の経過",
                "処理結果",
                "完了日",
            ],
        ),
        (
            Language::En,
            vec![
                "Log of Requests from Individuals",
                "Reference",
                "Type of request",
                "Received",
                "Requester (agent)",
                "What was asked for",
                "Status",
                "Deadline",
                "Decision (date)",
                "Answered (method)",
                "Closed",
                "Fee",
                "Granted in part",
            ],
            vec![
                "Log of Complaints",
                "Complainant",
                "Subject",
                "Actions taken",
                "Resolution",
            ],
        ),
    ] {
        let pdf = print(
            &register,
            &ask(DocumentKind::RequestLog, language, PrintFormat::Pdf),
        );
        let text = pdf_text(&pdf);
        assert_prints(&text, &requests);
        frame(&register, &text);
        assert_fonts(&pdf);
        assert_sound(&pdf);

        let pdf = print(
            &register,
            &ask(DocumentKind::ComplaintLog, language, PrintFormat::Pdf),
        );
        let text = pdf_text(&pdf);
        assert_prints(&text, &complaints);
        frame(&register, &text);
        assert_fonts(&pdf);
    }
}

#[test]
fn decision_notice_prints_the_decision_grounds_and_reasons() {
    let register = demo_register();
    let decided = register
        .requests(d(PRINTED_ON))
        .unwrap()
        .into_iter()
        .find(|v| v.request.decision.is_some())
        .expect("the demo has a decided request");
    let request = PrintRequest {
        request_id: Some(decided.request.id),
        ..ask(DocumentKind::DecisionNotice, Language::Ja, PrintFormat::Pdf)
    };
    let pdf = print(&register, &request);
    let text = pdf_text(&pdf);
    assert_prints(
        &text,
        &[
            "開示請求に対する決定通知書",
            &format!("{} 様", decided.request.fields.requester_name),
            "記",
            "請求の種類",
            "受付日",
            "請求の内容",
            "決定の内容",
            "一部開示（一部認容）",
            "決定日",
            "適用条項",
            "法第33条第2項第1号",
            "理由",
            "第三者の権利利益を害するおそれ",
            "理由の説明について",
            "問合せ先",
            &decided.request.fields.reference,
        ],
    );
    assert_fonts(&pdf);
    assert_sound(&pdf);

    let en = print(
        &register,
        &PrintRequest {
            language: Language::En,
            ..request
        },
    );
    assert_prints(
        &pdf_text(&en),
        &[
            "Notice of Decision on a Request: Disclosure",
            "Decision",
            "Granted in part",
            "Grounds",
            "art. 33(2)(i)",
            "Reasons",
            "About the reasons",
        ],
    );
}

#[test]
fn gdpr_record_of_processing_prints_the_article_30_items() {
    let register = demo_register();
    set_regime(&register, Regime::PrivateOperator, true);
    for (language, expected) in [
        (
            Language::En,
            vec![
                "Record of Processing Activities",
                "Controller (Art. 30(1)(a))",
                "Name of the controller",
                "Data protection contact",
                "Purposes of the processing (b)",
                "Categories of data subjects (c)",
                "Categories of personal data (c)",
                "Categories of recipients (d)",
                "Time limits for erasure (f)",
                "Technical and organisational security measures (g)",
            ],
        ),
        (
            Language::Ja,
            vec![
                "処理活動の記録（GDPR 第30条）",
                "管理者の名称",
                "処理の目的 (b)",
                "データ主体の類型 (c)",
                "個人データの類型 (c)",
                "取得者の類型 (d)",
                "消去の期限 (f)",
                "技術的・組織的安全管理措置の概要 (g)",
            ],
        ),
    ] {
        let pdf = print(
            &register,
            &ask(DocumentKind::Ropa, language, PrintFormat::Pdf),
        );
        let text = pdf_text(&pdf);
        assert_prints(&text, &expected);
        frame(&register, &text);
        assert_fonts(&pdf);
        assert_sound(&pdf);
    }
}

// --- the rules each document follows -------------------------------------------------------

#[test]
fn file_register_honours_the_threshold_exemptions_and_withheld_items() {
    let register = register_under(Regime::NationalOrgan, false);
    let add = |name: &str, count: Option<i64>, exemption: &str, withheld: Vec<WithheldItem>| {
        let mut input = holding(name);
        input.approx_count = count;
        input.acquisition_sources = vec![format!("{name}の収集元")];
        input.file_register.regular_recipients = vec![format!("{name}の提供先")];
        input.file_register.exemption = exemption.to_owned();
        input.file_register.withheld_items = withheld;
        register.create_holding(input, ACTOR).unwrap();
    };
    add("九百九十九人ファイル", Some(999), "", vec![]);
    add("千人ファイル", Some(1000), "", vec![]);
    add("人数不明ファイル", None, "", vec![]);
    add(
        "適用除外ファイル",
        Some(50_000),
        "法第74条第2項第2号（犯罪の捜査）",
        vec![],
    );
    add(
        "一部非公表ファイル",
        Some(20_000),
        "",
        vec![
            WithheldItem::CollectionMethod,
            WithheldItem::RegularRecipients,
        ],
    );

    let document = daicho::print::build_document(
        &register,
        &ask(DocumentKind::FileRegister, Language::Ja, PrintFormat::Pdf),
        d(PRINTED_ON),
    )
    .unwrap();
    let table = document.tables().next().unwrap();
    let names: Vec<&str> = table.rows.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(
        names,
        ["千人ファイル", "人数不明ファイル", "一部非公表ファイル"]
    );

    let text = pdf_text(&print(
        &register,
        &ask(DocumentKind::FileRegister, Language::Ja, PrintFormat::Pdf),
    ));
    assert_prints(
        &text,
        &[
            "千人ファイルの収集元",
            "千人ファイルの提供先",
            "（法第75条第3項の規定により記載しない）",
        ],
    );
    let flat = squash(&text);
    assert!(!flat.contains("一部非公表ファイルの収集元"), "{text}");
    assert!(!flat.contains("一部非公表ファイルの提供先"), "{text}");
    assert!(!flat.contains("九百九十九人ファイル"));
    assert!(!flat.contains("適用除外ファイル"));
}

#[test]
fn documents_refuse_what_the_regime_does_not_provide_for() {
    let register = demo_register();
    let refused = |request: PrintRequest| {
        daicho::print::print(&register, &request, d(PRINTED_ON), &mut |_| {}).expect_err("refused")
    };
    let private_file_register = refused(ask(
        DocumentKind::FileRegister,
        Language::Ja,
        PrintFormat::Pdf,
    ));
    assert_eq!(private_file_register.kind(), ErrorKind::Validation);
    assert_eq!(
        private_file_register.field_errors()[0].code,
        FieldErrorCode::NotInRegime
    );

    let no_gdpr = refused(ask(DocumentKind::Ropa, Language::En, PrintFormat::Pdf));
    assert_eq!(no_gdpr.field_errors()[0].code, FieldErrorCode::NotInRegime);

    let no_request = refused(ask(
        DocumentKind::DecisionNotice,
        Language::Ja,
        PrintFormat::Pdf,
    ));
    assert_eq!(no_request.field_errors()[0].field, "requestId");
    assert_eq!(no_request.field_errors()[0].code, FieldErrorCode::Required);

    let undecided = register
        .requests(d(PRINTED_ON))
        .unwrap()
        .into_iter()
        .find(|v| v.request.decision.is_none())
        .unwrap();
    let not_decided = refused(PrintRequest {
        request_id: Some(undecided.request.id),
        ..ask(DocumentKind::DecisionNotice, Language::Ja, PrintFormat::Pdf)
    });
    assert_eq!(not_decided.field_errors()[0].code, FieldErrorCode::Required);

    let unknown = refused(PrintRequest {
        request_id: Some(9999),
        ..ask(DocumentKind::DecisionNotice, Language::Ja, PrintFormat::Pdf)
    });
    assert_eq!(unknown.kind(), ErrorKind::NotFound);

    for (document, format) in [
        (DocumentKind::Announcement, PrintFormat::Xlsx),
        (DocumentKind::DecisionNotice, PrintFormat::Csv),
    ] {
        let error = refused(ask(document, Language::Ja, format));
        assert_eq!(error.field_errors()[0].field, "format");
    }

    let empty = memory_register();
    let error = daicho::print::print(
        &empty,
        &ask(DocumentKind::Ledger, Language::Ja, PrintFormat::Pdf),
        d(PRINTED_ON),
        &mut |_| {},
    )
    .expect_err("no organisation");
    assert_eq!(error.field_errors()[0].field, "organisation");
}

#[test]
fn special_characters_and_very_long_values_print_literally() {
    let register = register_under(Regime::PrivateOperator, false);
    let tricky = r##"#set text(red) [link] $x^2$ <label> "quoted" \n @ref *bold* _em_ // c"##;
    // 200 characters without a space: in the narrow purposes column it wraps over 25 lines,
    // which stay on the first page, so the extracted text holds it whole.
    let long_latin = "A1b2C3d4".repeat(25);
    let long_japanese = "個人情報の長い説明文".repeat(15);
    let mut input = holding(tricky);
    input.purposes = vec![long_latin.clone(), long_japanese.clone()];
    input.data_items = vec![DataItem {
        name: "=HYPERLINK(\"x\")".to_owned(),
        ..item("x")
    }];
    register.create_holding(input, ACTOR).unwrap();

    let pdf = print(
        &register,
        &ask(DocumentKind::Ledger, Language::Ja, PrintFormat::Pdf),
    );
    let text = pdf_text(&pdf);
    assert_prints(&text, &[tricky, &long_latin, &long_japanese]);
    assert_sound(&pdf);

    let csv = print(
        &register,
        &ask(DocumentKind::Ledger, Language::Ja, PrintFormat::Csv),
    );
    let rows = parse_csv(&csv);
    assert_eq!(rows[1][2], format!("{tricky}\n管理責任者: 総務課長"));
    // A formula-like cell is neutralised, not evaluated.
    assert!(
        rows[1][3].starts_with("'=HYPERLINK(\"x\")"),
        "{:?}",
        rows[1][3]
    );
}

#[test]
fn long_ledgers_repeat_the_header_and_number_every_page() {
    let register = register_under(Regime::PrivateOperator, false);
    for i in 0..60 {
        let mut input = holding(&format!("台帳{i:03}"));
        input.purposes = vec![
            "職員の人事管理、給与の計算及び支払、社会保険の手続その他の労務管理のため".to_owned(),
        ];
        register.create_holding(input, ACTOR).unwrap();
    }
    let pdf = print(
        &register,
        &ask(DocumentKind::Ledger, Language::Ja, PrintFormat::Pdf),
    );
    let total = pages(&pdf);
    assert!(total >= 3, "60 holdings fill several pages, got {total}");
    with_file(&pdf, "pdf", |path| {
        for page in 1..=total {
            let out = Command::new("pdftotext")
                .args(["-raw", "-f", &page.to_string(), "-l", &page.to_string()])
                .arg(path)
                .arg("-")
                .output()
                .unwrap();
            let text = squash(&String::from_utf8(out.stdout).unwrap());
            assert!(text.contains("アクセス権を有する者"), "page {page} header");
            assert!(
                text.contains(&format!("{page}/{total}")),
                "page {page} numbered n / N"
            );
        }
    });
}

#[test]
fn same_register_and_date_give_the_same_bytes() {
    let register = demo_register();
    for format in [PrintFormat::Pdf, PrintFormat::Xlsx, PrintFormat::Csv] {
        let request = ask(DocumentKind::Ledger, Language::Ja, format);
        assert_eq!(
            print(&register, &request),
            print(&register, &request),
            "{format:?}"
        );
    }
    let request = ask(DocumentKind::Ledger, Language::Ja, PrintFormat::Pdf);
    let later = daicho::print::print(&register, &request, d("2026-11-24"), &mut |_| {}).unwrap();
    assert_ne!(
        print(&register, &request),
        later,
        "the print date is printed"
    );
}

#[test]
fn the_pdf_names_the_build_that_printed_it() {
    let register = demo_register();
    let pdf = print(
        &register,
        &ask(DocumentKind::Ledger, Language::Ja, PrintFormat::Pdf),
    );
    // daicho::VERSION is Cargo's version and the commit from build.rs.
    let creator = pdfinfo_field(&pdf, "Creator:");
    assert_eq!(creator, format!("Daicho {}", daicho::VERSION));
    let (version, commit) = daicho::VERSION.split_once(' ').unwrap();
    assert_eq!(version, env!("CARGO_PKG_VERSION"));
    let commit = commit.trim_start_matches('(').trim_end_matches(')');
    assert!(
        commit == "unknown"
            || (commit.len() == 12 && commit.chars().all(|c| c.is_ascii_hexdigit())),
        "{commit}"
    );
}

#[test]
fn the_package_copy_of_the_font_is_searched_before_the_system_one() {
    let path = Fonts::search_path();
    let position = |dir: &str| path.iter().position(|p| p == std::path::Path::new(dir));
    let package = position("/usr/share/fonts/opentype/daicho").expect("the .deb's folder");
    let system = position("/usr/share/fonts/opentype/noto").expect("fonts-noto-cjk's folder");
    assert!(package < system, "{path:?}");
    // Beside the executable: the Windows installer's and the macOS bundle's resources.
    let exe_dir = std::env::current_exe()
        .unwrap()
        .parent()
        .unwrap()
        .to_owned();
    assert!(path.contains(&exe_dir.join("fonts")), "{path:?}");
    assert!(
        path.contains(&exe_dir.join("../Resources/fonts")),
        "{path:?}"
    );
}

#[test]
fn progress_reports_each_stage_in_order() {
    let register = demo_register();
    let mut stages = Vec::new();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("ledger.pdf");
    daicho::print::print_to_file(
        &register,
        &ask(DocumentKind::Ledger, Language::En, PrintFormat::Pdf),
        d(PRINTED_ON),
        &out,
        &mut |stage| stages.push(stage),
    )
    .unwrap();
    assert_eq!(
        stages,
        [
            PrintStage::Reading,
            PrintStage::Fonts,
            PrintStage::Typesetting,
            PrintStage::Encoding,
            PrintStage::Saving,
            PrintStage::Done
        ]
    );
    assert!(std::fs::read(&out).unwrap().starts_with(b"%PDF-"));
    assert!(!dir.path().join("ledger.pdf.part").exists());
}

#[test]
fn a_missing_font_is_a_clear_error() {
    let empty = tempfile::tempdir().unwrap();
    let error = Fonts::load_from(&[empty.path().to_owned()])
        .err()
        .expect("no fonts there");
    assert_eq!(error.kind(), ErrorKind::Io);
    let message = error.to_string();
    assert!(message.contains("fonts-noto-cjk"), "{message}");
    assert!(message.contains("DAICHO_FONT_DIR"), "{message}");
}

// --- XLSX and CSV --------------------------------------------------------------------------

#[test]
fn csv_has_a_bom_quotes_every_field_and_ends_lines_with_crlf() {
    let register = demo_register();
    let csv = print(
        &register,
        &ask(DocumentKind::Ledger, Language::Ja, PrintFormat::Csv),
    );
    assert!(csv.starts_with("\u{FEFF}\"管理番号\",".as_bytes()));
    let text = String::from_utf8(csv.clone()).unwrap();
    assert!(text.ends_with("\"\r\n"));
    let rows = parse_csv(&csv);
    assert_eq!(rows.len(), register.holdings().unwrap().len() + 1);
    assert!(
        rows.iter().all(|r| r.len() == 22),
        "22 columns in every row"
    );
}

#[test]
fn the_ledger_names_each_holdings_entrustees_and_recipients() {
    let register = demo_register();
    let rows = parse_csv(&print(
        &register,
        &ask(DocumentKind::Ledger, Language::Ja, PrintFormat::Csv),
    ));
    let header = &rows[0];
    let column = |name: &str| {
        header
            .iter()
            .position(|h| h.trim_start_matches('\u{FEFF}') == name)
            .unwrap_or_else(|| panic!("no column {name} in {header:?}"))
    };
    let (entrustment, provision) = (column("委託の有無・委託先"), column("第三者提供・共同利用"));
    let row_of = |name: &str| {
        rows.iter()
            .find(|r| r.iter().any(|cell| cell.starts_with(name)))
            .unwrap_or_else(|| panic!("no row for {name}"))
    };
    let members = row_of("被保険者・被扶養者台帳");
    assert!(
        members[entrustment].starts_with("有\n"),
        "{}",
        members[entrustment]
    );
    for tier in [
        "株式会社みなとシステムズ",
        "└さくらクラウドホスティング株式会社（再委託）",
        "東和ダイレクトメール株式会社",
    ] {
        assert!(
            members[entrustment].lines().any(|line| line == tier),
            "{tier} in {}",
            members[entrustment]
        );
    }
    let provided: Vec<&str> = rows[1..]
        .iter()
        .flat_map(|r| r[provision].lines())
        .collect();
    for entry in [
        "共同利用: 高額医療給付の共同事業に関する共同利用",
        "共同利用: 事業主との健診結果等の共同利用",
        "提供: 社会保険診療報酬支払基金（特定健診等データ収集）",
    ] {
        assert!(provided.contains(&entry), "{entry} in {provided:?}");
    }
    assert!(
        rows[1..].iter().any(|r| r[provision] == "無"),
        "a holding nobody receives says so"
    );
}

#[test]
fn xlsx_read_back_by_libreoffice_gives_the_csv_rows() {
    let register = demo_register();
    for document in [DocumentKind::Ledger, DocumentKind::RequestLog] {
        let xlsx = print(&register, &ask(document, Language::Ja, PrintFormat::Xlsx));
        assert!(xlsx.starts_with(b"PK"), "a zip container");
        let csv = print(&register, &ask(document, Language::Ja, PrintFormat::Csv));
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("list.xlsx");
        std::fs::write(&input, &xlsx).unwrap();
        let profile = format!("file://{}/lo-profile", dir.path().display());
        let out = Command::new("soffice")
            .arg(format!("-env:UserInstallation={profile}"))
            .args(["--headless", "--convert-to"])
            // 44: comma, 34: double quote, 76: UTF-8.
            .arg("csv:Text - txt - csv (StarCalc):44,34,76")
            .arg("--outdir")
            .arg(dir.path())
            .arg(&input)
            .output()
            .expect("soffice runs (libreoffice-calc-nogui)");
        assert!(
            out.status.success(),
            "soffice: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let converted = std::fs::read(dir.path().join("list.csv")).expect("converted csv");
        assert_eq!(parse_csv(&converted), parse_csv(&csv), "{document:?}");
    }
}

#[test]
fn printable_documents_follow_the_regime_and_the_register() {
    use daicho::print::Unavailable;
    let empty = memory_register();
    assert!(daicho::print::printable_documents(&empty)
        .unwrap()
        .iter()
        .all(|d| d.unavailable == Some(Unavailable::NoOrganisation)));

    let register = demo_register();
    let by_kind = |register: &Register, kind: DocumentKind| {
        daicho::print::printable_documents(register)
            .unwrap()
            .into_iter()
            .find(|d| d.document == kind)
            .unwrap()
    };
    let ledger = by_kind(&register, DocumentKind::Ledger);
    assert_eq!(ledger.unavailable, None);
    assert_eq!(
        ledger.formats,
        [PrintFormat::Pdf, PrintFormat::Xlsx, PrintFormat::Csv]
    );
    let notice = by_kind(&register, DocumentKind::DecisionNotice);
    assert_eq!(notice.parameter, Some(PrintParameter::Request));
    assert_eq!(ledger.parameter, None);
    for (kind, parameter) in [
        (DocumentKind::ProvisionExtract, PrintParameter::Person),
        (DocumentKind::BreachReport, PrintParameter::Incident),
        (DocumentKind::BreachNotice, PrintParameter::Incident),
        (DocumentKind::JointUseNotice, PrintParameter::JointUse),
    ] {
        let offered = by_kind(&register, kind);
        assert_eq!(offered.parameter, Some(parameter), "{kind:?}");
        assert_eq!(
            offered.unavailable, None,
            "the demo has what {kind:?} needs"
        );
    }
    assert_eq!(notice.formats, [PrintFormat::Pdf]);
    assert_eq!(notice.unavailable, None, "the demo has a decided request");
    assert_eq!(
        by_kind(&register, DocumentKind::FileRegister).unavailable,
        Some(Unavailable::NotPublicBody)
    );
    assert_eq!(
        by_kind(&register, DocumentKind::Ropa).unavailable,
        Some(Unavailable::NoGdpr)
    );
    set_regime(&register, Regime::NationalOrgan, true);
    assert_eq!(
        by_kind(&register, DocumentKind::FileRegister).unavailable,
        None
    );
    assert_eq!(by_kind(&register, DocumentKind::Ropa).unavailable, None);

    let fresh = register_under(Regime::PrivateOperator, false);
    assert_eq!(
        by_kind(&fresh, DocumentKind::DecisionNotice).unavailable,
        Some(Unavailable::NoDecidedRequest)
    );
    for kind in [DocumentKind::BreachReport, DocumentKind::BreachNotice] {
        assert_eq!(
            by_kind(&fresh, kind).unavailable,
            Some(Unavailable::NoIncident)
        );
    }
    assert_eq!(
        by_kind(&fresh, DocumentKind::JointUseNotice).unavailable,
        Some(Unavailable::NoJointUse)
    );
}

#[test]
fn the_ledger_prints_each_department_on_its_own_pages_and_lists_them_together() {
    let register = demo_register();
    let mut departments: Vec<(String, usize)> = Vec::new();
    for holding in register.holdings().unwrap() {
        let name = holding.fields.department.clone();
        match departments.iter_mut().find(|(d, _)| *d == name) {
            Some((_, n)) => *n += 1,
            None => departments.push((name, 1)),
        }
    }
    assert!(departments.len() > 2, "the demo has several departments");

    let pdf = print(
        &register,
        &ask(DocumentKind::Ledger, Language::Ja, PrintFormat::Pdf),
    );
    let pages = crate::printed::page_texts(&pdf);
    let mut last_page = None;
    for (name, n) in &departments {
        let heading = crate::printed::squash(&format!("{name}（{n}件）"));
        let page = pages
            .iter()
            .position(|text| text.contains(&heading))
            .unwrap_or_else(|| panic!("{heading} is printed"));
        assert!(
            last_page.is_none_or(|last| page > last),
            "{heading} starts a page after the department before it"
        );
        last_page = Some(page);
    }

    let english = crate::printed::squash(&pdf_text(&print(
        &register,
        &ask(DocumentKind::Ledger, Language::En, PrintFormat::Pdf),
    )));
    for (name, n) in &departments {
        let heading = match n {
            1 => format!("{name} (1 holding)"),
            _ => format!("{name} ({n} holdings)"),
        };
        assert!(
            english.contains(&crate::printed::squash(&heading)),
            "{heading} in English"
        );
    }

    // The spreadsheet keeps one list, in the same department order.
    let rows = parse_csv(&print(
        &register,
        &ask(DocumentKind::Ledger, Language::Ja, PrintFormat::Csv),
    ));
    let order: Vec<&str> = rows[1..]
        .iter()
        .map(|r| r[1].lines().next().unwrap_or_default())
        .collect();
    let mut seen: Vec<&str> = Vec::new();
    for department in order {
        if seen.last() != Some(&department) {
            assert!(
                !seen.contains(&department),
                "{department} is listed in one run"
            );
            seen.push(department);
        }
    }
    let expected: Vec<&str> = departments.iter().map(|(d, _)| d.as_str()).collect();
    assert_eq!(seen, expected);
}

#[test]
fn documents_handed_out_are_tagged_and_registers_on_file_are_not() {
    let register = demo_register();
    let joint_use = register.joint_uses().unwrap()[0].joint_use.id;
    let incident = register.incidents(d(PRINTED_ON)).unwrap()[0].incident.id;
    let requests = [
        ask(DocumentKind::Ledger, Language::Ja, PrintFormat::Pdf),
        ask(DocumentKind::RequestLog, Language::En, PrintFormat::Pdf),
        ask(
            DocumentKind::SubcontractorRegister,
            Language::Ja,
            PrintFormat::Pdf,
        ),
        ask(DocumentKind::Announcement, Language::Ja, PrintFormat::Pdf),
        PrintRequest {
            joint_use_id: Some(joint_use),
            ..ask(DocumentKind::JointUseNotice, Language::Ja, PrintFormat::Pdf)
        },
        PrintRequest {
            incident_id: Some(incident),
            ..ask(DocumentKind::BreachNotice, Language::En, PrintFormat::Pdf)
        },
    ];
    for request in requests {
        let expected = if request.document.is_handed_out() {
            "yes"
        } else {
            "no"
        };
        let pdf = print(&register, &request);
        assert_eq!(
            pdfinfo_field(&pdf, "Tagged:"),
            expected,
            "{:?}",
            request.document
        );
    }
    assert!(DocumentKind::Announcement.is_handed_out());
    assert!(!DocumentKind::Ledger.is_handed_out());
}

/// A holding with Individual Number items is specific personal information (番号法 art. 2(8)):
/// the ledger says so with the affairs it serves and the masking, the file register flags it;
/// in Japanese and English.
#[test]
fn the_ledger_and_file_register_flag_specific_personal_information() {
    let register = demo_register();
    let ja = pdf_text(&print(
        &register,
        &ask(DocumentKind::Ledger, Language::Ja, PrintFormat::Pdf),
    ));
    assert_prints(
        &ja,
        &[
            "特定個人情報の有無・個人番号関係事務等",
            "有（特定個人情報）",
            "個人番号利用事務: 健康保険法による被保険者資格の管理及び保険給付の支給に関する事務（番号法別表第一）",
            "個人番号関係事務: 源泉徴収票・給与支払報告書の作成及び提出（所得税法、地方税法）",
            "マスキング・削除: 写しではマスキング",
            "マスキング・削除: 事務終了後に削除",
        ],
    );
    let en = pdf_text(&print(
        &register,
        &ask(DocumentKind::Ledger, Language::En, PrintFormat::Pdf),
    ));
    assert_prints(
        &en,
        &[
            "Specific Personal Information and Individual Number affairs",
            "Yes (Specific Personal Information)",
            "Individual Number use affair:",
            "Individual Number-related affair:",
            "Masking or deletion: Masked in copies",
        ],
    );

    set_regime(&register, Regime::LocalGovernment, false);
    let ja = pdf_text(&print(
        &register,
        &ask(DocumentKind::FileRegister, Language::Ja, PrintFormat::Pdf),
    ));
    assert_prints(&ja, &["特定個人情報（個人番号を含む）"]);
    let en = pdf_text(&print(
        &register,
        &ask(DocumentKind::FileRegister, Language::En, PrintFormat::Pdf),
    ));
    assert_prints(
        &en,
        &["Specific Personal Information (contains Individual Numbers)"],
    );
}

/// Printed dates follow the organisation's era setting (issue 16): a private operator prints
/// 2026年4月1日 until it chooses era dates; a local government prints 令和8年… by default
/// (Reiwa 8 = 2019 + 8 − 1 = 2026) and can switch them off; English prints the month's name
/// either way. Checked on the complaint log's CSV, whose received dates are the demo's.
#[test]
fn printed_dates_follow_the_era_setting() {
    let register = demo_register();
    let received = |language| {
        let rows = parse_csv(&print(
            &register,
            &ask(DocumentKind::ComplaintLog, language, PrintFormat::Csv),
        ));
        let column = rows[0]
            .iter()
            .position(|h| h == "受付日" || h == "Received")
            .expect("a received column");
        rows[1][column].clone()
    };
    let private = received(Language::Ja);
    assert!(private.starts_with("2026年"), "{private}");
    register.set_era_dates(true, ACTOR).unwrap();
    let era = received(Language::Ja);
    assert!(era.starts_with("令和8年"), "{era}");
    assert_eq!(
        era.trim_start_matches("令和8年"),
        private.trim_start_matches("2026年")
    );
    assert!(
        received(Language::En).ends_with(" 2026"),
        "{}",
        received(Language::En)
    );

    register.set_era_dates(false, ACTOR).unwrap();
    set_regime(&register, Regime::LocalGovernment, false);
    assert_eq!(
        received(Language::Ja),
        private,
        "the organisation's choice stands"
    );
    let fresh = demo_register();
    set_regime(&fresh, Regime::LocalGovernment, false);
    assert!(
        fresh.era_dates().unwrap(),
        "a local government has era dates by default"
    );
}
