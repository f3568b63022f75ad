//! The printed documents of the sharing, control and incident sections: provision and receipt
//! registers and the per-person extract, the joint-use notice, the subcontractor register,
//! the security measures of the art. 32 announcement, the breach report and notice, and the
//! recipients and transfers of the GDPR record. Checked the way a reader would: the text
//! poppler extracts, the fonts embedded, qpdf's check, and the rows of the CSV and XLSX.

use crate::common;
use crate::printed;

use common::*;
use daicho::model::organisation::Regime;
use daicho::model::provision::{
    ProvisionBasis, ProvisionDirection, ProvisionRecordInput, RecordingMethod,
};
use daicho::print::{DocumentKind, PrintFormat, PrintRequest};
use daicho::{ErrorKind, FieldErrorCode, Language, Register};
use printed::*;

const YAMAMOTO: &str = "記号12 番号3456 山本 健一";
const OGAWA: &str = "小川 真理子";

fn refused(register: &Register, request: &PrintRequest) -> daicho::CoreError {
    daicho::print::print(register, request, d(PRINTED_ON), &mut |_| {}).expect_err("refused")
}

/// The organisation, the chain head and "n / N" on the page: what every document carries.
fn assert_frame(register: &Register, text: &str) {
    let head = register.chain_head().unwrap().expect("history");
    assert_prints(text, &[&head.hash, "みらい健康保険組合"]);
    let pages = squash(text);
    assert!(pages.contains("1/"), "page n / N in {text}");
}

/// Prints `request` as PDF and checks the text, the frame, the fonts and the structure.
fn check_pdf(register: &Register, request: &PrintRequest, expected: &[&str]) -> String {
    let pdf = print(register, request);
    let text = pdf_text(&pdf);
    assert_prints(&text, expected);
    assert_frame(register, &text);
    assert_fonts(&pdf);
    assert_sound(&pdf);
    text
}

// --- 第三者提供記録簿 / 確認記録簿 ---------------------------------------------------------

#[test]
fn provision_and_receipt_registers_print_every_recorded_item_and_the_retention_end() {
    let register = demo_register();
    let records = register.provision_records(d(PRINTED_ON)).unwrap();
    let provided = records
        .iter()
        .filter(|v| v.record.fields.direction == ProvisionDirection::Provided)
        .count();
    let received = records.len() - provided;
    assert!(provided > 0 && received > 0, "the demo has both kinds");

    check_pdf(
        &register,
        &ask(
            DocumentKind::ProvisionRecords,
            Language::Ja,
            PrintFormat::Pdf,
        ),
        &[
            "第三者提供記録簿",
            "個人情報の保護に関する法律第29条第1項",
            "記録番号",
            "提供の年月日",
            "記録の作成",
            "根拠・本人の同意",
            "提供先の氏名又は名称・住所・代表者",
            "本人の氏名その他の本人を特定するに足りる事項",
            "個人データ又は個人関連情報の項目",
            "保存期間の満了日",
            "本人の同意：有",
            YAMAMOTO,
            "一括して作成",
        ],
    );
    check_pdf(
        &register,
        &ask(DocumentKind::ReceiptRecords, Language::Ja, PrintFormat::Pdf),
        &[
            "確認記録簿",
            "個人情報の保護に関する法律第30条第3項",
            "受領の年月日",
            "提供者の氏名又は名称・住所・代表者",
            "取得の経緯",
            "保存期間の満了日",
        ],
    );
    check_pdf(
        &register,
        &ask(
            DocumentKind::ProvisionRecords,
            Language::En,
            PrintFormat::Pdf,
        ),
        &[
            "Register of Records of Provision",
            "Provided on",
            "Basis and consent",
            "Recipient: name, address, representative",
            "Persons concerned",
            "Items of personal data or personal-related information",
            "Keep until",
        ],
    );
    check_pdf(
        &register,
        &ask(DocumentKind::ReceiptRecords, Language::En, PrintFormat::Pdf),
        &[
            "Register of Records of Receipt",
            "Received on",
            "Provider: name, address, representative",
            "How the provider acquired the data",
        ],
    );

    // One row per record of the direction, each with the retention end the register computes.
    let csv = parse_csv(&print(
        &register,
        &ask(
            DocumentKind::ProvisionRecords,
            Language::Ja,
            PrintFormat::Csv,
        ),
    ));
    assert_eq!(csv.len(), provided + 1);
    assert_eq!(csv[0].len(), 9);
    for view in records
        .iter()
        .filter(|v| v.record.fields.direction == ProvisionDirection::Provided)
    {
        let row = csv
            .iter()
            .find(|r| r[0] == view.record.fields.reference)
            .expect("a row per record");
        let keep = &row[8];
        match view.retain_until {
            Some(until) => assert!(
                keep.starts_with(&format!(
                    "{}年{}月{}日",
                    until.format("%Y"),
                    until.format("%-m"),
                    until.format("%-d")
                )),
                "{keep}"
            ),
            None => assert!(keep.contains("継続中"), "{keep}"),
        }
    }
    let receipts = parse_csv(&print(
        &register,
        &ask(DocumentKind::ReceiptRecords, Language::En, PrintFormat::Csv),
    ));
    assert_eq!(receipts.len(), received + 1);
    assert_eq!(receipts[0][5], "How the provider acquired the data");

    let xlsx = print(
        &register,
        &ask(
            DocumentKind::ProvisionRecords,
            Language::Ja,
            PrintFormat::Xlsx,
        ),
    );
    assert_eq!(xlsx_rows_by_libreoffice(&xlsx), csv);
}

#[test]
fn the_extract_holds_only_the_persons_records_and_names_no_one_else() {
    let register = demo_register();
    let about = register
        .provision_records_about(YAMAMOTO, d(PRINTED_ON))
        .unwrap();
    let all = register.provision_records(d(PRINTED_ON)).unwrap();
    assert!(about.len() >= 2 && about.len() < all.len());

    let request = PrintRequest {
        person: Some(YAMAMOTO.to_owned()),
        ..ask(
            DocumentKind::ProvisionExtract,
            Language::Ja,
            PrintFormat::Pdf,
        )
    };
    let text = check_pdf(
        &register,
        &request,
        &[
            "第三者提供記録の開示（本人別抜粋）",
            "個人情報の保護に関する法律第33条第5項",
            "開示の対象",
            "該当する記録の数",
            YAMAMOTO,
            "区分",
            "提供",
            "受領",
        ],
    );
    // A record about two persons is disclosed to one of them without naming the other.
    assert!(
        all.iter()
            .any(|v| v.record.fields.concerns(YAMAMOTO) && v.record.fields.concerns(OGAWA)),
        "the demo has a shared record"
    );
    assert!(!squash(&text).contains(&squash(OGAWA)), "{text}");
    for other in all.iter().filter(|v| !v.record.fields.concerns(YAMAMOTO)) {
        assert!(
            !squash(&text).contains(&squash(&other.record.fields.reference)),
            "{} is not about the person",
            other.record.fields.reference
        );
    }

    let csv = parse_csv(&print(
        &register,
        &PrintRequest {
            format: PrintFormat::Csv,
            ..request.clone()
        },
    ));
    let mut printed: Vec<&str> = csv[1..].iter().map(|r| r[0].as_str()).collect();
    let mut expected: Vec<&str> = about
        .iter()
        .map(|v| v.record.fields.reference.as_str())
        .collect();
    printed.sort();
    expected.sort();
    assert_eq!(printed, expected);
    assert!(csv[1..].iter().all(|r| r[6] == YAMAMOTO), "{csv:?}");

    // Matching ignores spaces, as the register's search does.
    let spaced = parse_csv(&print(
        &register,
        &PrintRequest {
            person: Some("山本　健一".to_owned()),
            format: PrintFormat::Csv,
            ..request.clone()
        },
    ));
    assert_eq!(spaced.len(), csv.len());

    check_pdf(
        &register,
        &PrintRequest {
            language: Language::En,
            ..request.clone()
        },
        &[
            "Disclosure of Records of Third-Party Provision",
            "art. 33(5)",
            "Subject of the disclosure",
            "Records found",
            "Recipient or provider: name, address, representative",
        ],
    );

    for person in [None, Some("  ".to_owned())] {
        let error = refused(
            &register,
            &PrintRequest {
                person,
                ..request.clone()
            },
        );
        assert_eq!(error.kind(), ErrorKind::Validation);
        assert_eq!(error.field_errors()[0].field, "person");
        assert_eq!(error.field_errors()[0].code, FieldErrorCode::Required);
    }

    let nobody = print(
        &register,
        &PrintRequest {
            person: Some("該当者なし 999".to_owned()),
            ..request
        },
    );
    assert_prints(
        &pdf_text(&nobody),
        &["この本人に係る第三者提供記録及び確認記録はありません。"],
    );
}

// --- 共同利用に関する公表文 -------------------------------------------------------------

/// The employers' joint use names the society and an employer as responsible parties, each
/// with its address and representative, and the desk persons ask (art. 27(5)(iii)).
#[test]
fn joint_use_notice_prints_every_responsible_party_and_the_inquiry_contact() {
    let register = demo_register();
    let uses = register.joint_uses().unwrap();
    let employers = uses
        .iter()
        .find(|u| u.joint_use.fields.terms.responsible_parties.len() == 2)
        .expect("the demo names two responsible parties");
    let request = PrintRequest {
        joint_use_id: Some(employers.joint_use.id),
        ..ask(DocumentKind::JointUseNotice, Language::Ja, PrintFormat::Pdf)
    };
    check_pdf(
        &register,
        &request,
        &[
            "（1）",
            "氏名又は名称：みらい健康保険組合",
            "住所：（未記載）",
            "（2）",
            "氏名又は名称：株式会社みらい製作所",
            "住所：東京都港区芝浦三丁目1番1号",
            "代表者の氏名：代表取締役社長 高田 誠",
            "お問合せ窓口",
            "みらい健康保険組合 総務グループ 個人情報相談窓口",
            "第1版（全1版）",
        ],
    );
    check_pdf(
        &register,
        &PrintRequest {
            language: Language::En,
            ..request.clone()
        },
        &[
            "(1)",
            "Name: みらい健康保険組合",
            "Address: (not stated)",
            "(2)",
            "Name: 株式会社みらい製作所",
            "Address: 東京都港区芝浦三丁目1番1号",
            "Representative: 代表取締役社長 高田 誠",
            "Inquiries",
            "Where to ask about the joint use",
        ],
    );
}

#[test]
fn joint_use_notice_prints_the_five_items_of_the_current_or_an_earlier_edition() {
    let register = demo_register();
    let uses = register.joint_uses().unwrap();
    let changed = uses
        .iter()
        .find(|u| u.joint_use.editions.len() > 1)
        .expect("the demo has a changed arrangement");
    let request = PrintRequest {
        joint_use_id: Some(changed.joint_use.id),
        ..ask(DocumentKind::JointUseNotice, Language::Ja, PrintFormat::Pdf)
    };
    let current = check_pdf(
        &register,
        &request,
        &[
            "共同利用に関する公表文",
            "個人情報の保護に関する法律第27条第5項第3号",
            "1. 共同利用をする旨",
            "2. 共同して利用される個人データの項目",
            "3. 共同して利用する者の範囲",
            "4. 利用する者の利用目的",
            "5. 当該個人データの管理について責任を有する者の氏名又は名称及び住所並びに代表者の氏名",
            "診療報酬明細書（調剤報酬明細書を含む）の電子データ又は写し",
            "健康保険組合連合会：",
            "東京都港区芝公園四丁目2番8号 みらいビル5階",
            "理事長 田中 修",
            "公表の方法",
            "ホームページへの掲載",
            "第2版（全2版）",
            "変更の内容",
            "変更後遅滞なく通知・公表",
            "2025年7月3日",
        ],
    );
    // The change summary names the former representative; item 5 names only the current one.
    assert!(
        !squash(&current).contains("代表者の氏名：理事長佐藤一郎"),
        "{current}"
    );

    let first = check_pdf(
        &register,
        &PrintRequest {
            edition: Some(1),
            ..request.clone()
        },
        &[
            "第1版（全2版）",
            "代表者の氏名：理事長 佐藤 一郎",
            "2025年7月1日から第2版に改められた",
        ],
    );
    assert!(!squash(&first).contains("田中修"), "{first}");
    assert!(
        !squash(&first).contains("変更の内容"),
        "edition 1 has no change"
    );

    check_pdf(
        &register,
        &PrintRequest {
            language: Language::En,
            ..request.clone()
        },
        &[
            "Notice of Joint Use of Personal Data",
            "1. That the data is used jointly",
            "2. Items of personal data used jointly",
            "3. Range of the joint users",
            "4. Purposes of use of the joint users",
            "5. Name and address of the party responsible for managing the data, and its representative",
            "How it is published",
            "2 of 2",
        ],
    );

    // An arrangement lacking statutory items says so rather than printing blanks.
    let incomplete = uses
        .iter()
        .find(|u| !u.joint_use.fields.terms.missing().is_empty())
        .expect("the demo has an incomplete arrangement");
    check_pdf(
        &register,
        &PrintRequest {
            joint_use_id: Some(incomplete.joint_use.id),
            ..request.clone()
        },
        &["（未記載）", "法定の5項目のうち未記載の項目がある"],
    );

    let missing = refused(
        &register,
        &PrintRequest {
            joint_use_id: None,
            ..request.clone()
        },
    );
    assert_eq!(missing.field_errors()[0].field, "jointUseId");
    assert_eq!(missing.field_errors()[0].code, FieldErrorCode::Required);
    let no_edition = refused(
        &register,
        &PrintRequest {
            edition: Some(3),
            ..request.clone()
        },
    );
    assert_eq!(no_edition.field_errors()[0].field, "edition");
    assert_eq!(
        no_edition.field_errors()[0].code,
        FieldErrorCode::OutOfRange
    );
    let unknown = refused(
        &register,
        &PrintRequest {
            joint_use_id: Some(9999),
            ..request.clone()
        },
    );
    assert_eq!(unknown.kind(), ErrorKind::NotFound);
    let not_a_list = refused(
        &register,
        &PrintRequest {
            format: PrintFormat::Csv,
            ..request
        },
    );
    assert_eq!(not_a_list.field_errors()[0].field, "format");
}

// --- 委託先管理台帳 -----------------------------------------------------------------------

#[test]
fn subcontractor_register_prints_every_tier_with_consent_supervision_and_flags() {
    let register = demo_register();
    let today = d(PRINTED_ON);
    let tree = register.subcontractor_tree(today).unwrap();
    assert!(tree.iter().any(|n| n.depth >= 1), "the demo re-entrusts");
    assert!(
        tree.iter().any(|n| !n.findings.is_empty()),
        "the demo flags a tier"
    );

    let text = check_pdf(
        &register,
        &ask(
            DocumentKind::SubcontractorRegister,
            Language::Ja,
            PrintFormat::Pdf,
        ),
        &[
            "委託先管理台帳",
            "階層・委託経路",
            "委託先（名称・所在地・代表者・国）",
            "委託する業務",
            "委託する個人データ・項目",
            "契約",
            "同意・承認（者・日・形式）",
            "監督の状況",
            "事故の通知",
            "要対応事項",
            "第1次",
            "第2次",
            "▲",
        ],
    );
    for node in &tree {
        assert_prints(&text, &[&node.subcontractor.fields.name]);
    }
    check_pdf(
        &register,
        &ask(
            DocumentKind::SubcontractorRegister,
            Language::En,
            PrintFormat::Pdf,
        ),
        &[
            "Register of Subcontractors",
            "Tier and path",
            "Holdings and items entrusted",
            "Consent (by, on, form)",
            "Supervision",
            "Incident notified",
            "Needs action",
            "Tier 2",
        ],
    );

    let csv = parse_csv(&print(
        &register,
        &ask(
            DocumentKind::SubcontractorRegister,
            Language::Ja,
            PrintFormat::Csv,
        ),
    ));
    assert_eq!(csv.len(), tree.len() + 1);
    for (node, row) in tree.iter().zip(&csv[1..]) {
        let f = &node.subcontractor.fields;
        // The path runs from the first tier down to this one.
        assert!(row[0].ends_with(&f.reference), "{row:?}");
        if let Some(parent) = &node.parent_reference {
            assert!(
                row[0].contains(&format!("{parent} › {}", f.reference)),
                "{row:?}"
            );
        }
        assert!(row[0].starts_with(&"\u{3000}".repeat(node.depth as usize)));
        match &f.approval {
            Some(a) => assert!(row[5].contains(&a.approved_by), "{row:?}"),
            None => assert!(row[5].contains("▲ 記録なし"), "{row:?}"),
        }
        assert_eq!(node.findings.is_empty(), row[8].is_empty(), "{row:?}");
        assert_eq!(
            node.findings.is_empty(),
            !row[1].starts_with('▲'),
            "{row:?}"
        );
        if node
            .findings
            .iter()
            .any(|x| x.rule == daicho::register::sharing::SharingRule::SupervisionOverdue)
        {
            assert!(row[6].contains("期限超過"), "{row:?}");
        }
    }
    let xlsx = print(
        &register,
        &ask(
            DocumentKind::SubcontractorRegister,
            Language::Ja,
            PrintFormat::Xlsx,
        ),
    );
    assert_eq!(xlsx_rows_by_libreoffice(&xlsx), csv);
}

// --- art. 32 announcement: security measures -----------------------------------------------

#[test]
fn announcement_prints_the_publishable_measures_under_the_ppc_headings_only() {
    let register = demo_register();
    let measures = register.measures().unwrap();
    let internal: Vec<_> = measures.iter().filter(|m| !m.fields.publishable).collect();
    assert!(!internal.is_empty(), "the demo has an internal measure");

    let ja = print(
        &register,
        &ask(DocumentKind::Announcement, Language::Ja, PrintFormat::Pdf),
    );
    let text = pdf_text(&ja);
    assert_prints(
        &text,
        &[
            "4. 保有個人データの安全管理のために講じた措置（施行令第10条第1号）",
            "基本方針の策定",
            "個人データの取扱いに係る規律の整備",
            "組織的安全管理措置",
            "人的安全管理措置",
            "物理的安全管理措置",
            "技術的安全管理措置",
            "外的環境の把握",
            "取扱区域の入退室管理と持込機器の制限",
            // After the pseudonymised and anonymised information of the demo (5 and 6 are the
            // consent matters and the pseudonymised purposes, 7 the anonymised items).
            "8. 苦情の申出先",
        ],
    );
    for measure in measures.iter().filter(|m| m.fields.publishable) {
        assert_prints(&text, &[&measure.fields.title]);
    }
    for measure in &internal {
        assert!(
            !squash(&text).contains(&squash(&measure.fields.title)),
            "unpublishable {} printed",
            measure.fields.title
        );
        assert!(!squash(&text).contains(&squash(&measure.fields.description)));
    }
    assert_frame(&register, &text);
    assert_fonts(&ja);
    assert_sound(&ja);

    let en = print(
        &register,
        &ask(DocumentKind::Announcement, Language::En, PrintFormat::Pdf),
    );
    assert_prints(
        &pdf_text(&en),
        &[
            "Security control measures taken for retained personal data",
            "Basic policy",
            "Rules for handling personal data",
            "Organisational security measures",
            "Personnel security measures",
            "Physical security measures",
            "Technical security measures",
            "Understanding the external environment",
        ],
    );
    assert_fonts(&en);

    // Only internal measures: the section is left out, not printed empty.
    let bare = register_under(Regime::PrivateOperator, false);
    bare.create_measure(
        daicho::model::measure::MeasureInput {
            heading: daicho::model::measure::MeasureHeading::Technical,
            title: "検知条件の設定".to_owned(),
            description: "非公開".to_owned(),
            publishable: false,
            holding_ids: Vec::new(),
        },
        ACTOR,
    )
    .unwrap();
    let text = pdf_text(&print(
        &bare,
        &ask(DocumentKind::Announcement, Language::Ja, PrintFormat::Pdf),
    ));
    assert!(!squash(&text).contains("安全管理"), "{text}");
    assert!(!squash(&text).contains("検知条件"), "{text}");
    assert_prints(&text, &["4. 苦情の申出先"]);
}

// --- art. 32 announcement: the request procedure and the implicit-consent matters ---------

/// The procedure art. 32(1)(iii) makes public: the desk (the organisation's request desk), the
/// form, the identity documents for the person and an agent and what an agent must prove
/// (art. 37; Cabinet Order art. 12), the fees (art. 38) and how they are paid, and how answers
/// are given (art. 33(1)); then the matters treated as consented unless the person objects.
#[test]
fn announcement_prints_the_request_procedure_and_the_implicit_consent_matters() {
    let register = demo_register();
    let matters = register.consent_matters().unwrap();
    assert_eq!(matters.len(), 3);
    let ja = print(
        &register,
        &ask(DocumentKind::Announcement, Language::Ja, PrintFormat::Pdf),
    );
    let text = pdf_text(&ja);
    assert_prints(
        &text,
        &[
            "3. 開示等の請求等に応じる手続",
            "請求の受付窓口",
            "総務グループ 個人情報開示等請求窓口",
            "請求の方式（様式）",
            "保有個人データ開示等請求書",
            "本人確認書類",
            "運転免許証、マイナンバーカード（表面のみ）、パスポート、健康保険の資格確認書",
            "代理人の本人確認書類",
            "法定代理人であることを証する書類",
            "戸籍謄本",
            "任意代理人であることを証する書類",
            "委任状",
            "開示の手数料（法第38条）",
            "300円",
            "第三者提供記録の開示の手数料",
            "手数料の徴収方法",
            "定額小為替証書",
            "回答の方法",
            "書面の交付、電磁的記録の提供（法第33条第1項）",
            "5. 黙示の同意とする事項",
            "公表場所：",
            "（2022年4月1日から）",
            // After the pseudonymised and anonymised information of the demo (5 and 6 are the
            // consent matters and the pseudonymised purposes, 7 the anonymised items).
            "8. 苦情の申出先",
        ],
    );
    for matter in &matters {
        assert_prints(&text, &[&matter.fields.title]);
    }
    assert_fonts(&ja);
    assert_sound(&ja);

    let en = print(
        &register,
        &ask(DocumentKind::Announcement, Language::En, PrintFormat::Pdf),
    );
    assert_prints(
        &pdf_text(&en),
        &[
            "Where to make a request",
            "Form of the request",
            "Identity documents (person)",
            "Identity documents (agent)",
            "Proof: legal representative",
            "Proof: appointed agent",
            "Disclosure fee (art. 38)",
            "300 yen",
            "Provision records fee",
            "How fees are paid",
            "How answers are given",
            "On paper; As an electronic record (art. 33(1))",
            "5. Matters treated as consented unless the person objects",
            "Published in:",
            "(since 1 April 2022)",
        ],
    );
    assert_fonts(&en);

    // Without a saved procedure or any matter, neither prints: no empty fee lines, no empty
    // section.
    let bare = register_under(Regime::PrivateOperator, false);
    let text = pdf_text(&print(
        &bare,
        &ask(DocumentKind::Announcement, Language::Ja, PrintFormat::Pdf),
    ));
    assert!(!squash(&text).contains("手数料"), "{text}");
    assert!(!squash(&text).contains("黙示の同意"), "{text}");
}

// --- 漏えい等報告 / 本人への通知 -----------------------------------------------------------

#[test]
fn breach_report_and_notice_print_the_nine_and_five_items() {
    let register = demo_register();
    let incident = register
        .incidents(d(PRINTED_ON))
        .unwrap()
        .into_iter()
        .next()
        .expect("the demo has an incident");
    let id = incident.incident.id;
    let reference = incident.incident.fields.reference.clone();
    let report = PrintRequest {
        incident_id: Some(id),
        ..ask(DocumentKind::BreachReport, Language::Ja, PrintFormat::Pdf)
    };
    check_pdf(
        &register,
        &report,
        &[
            "個人データの漏えい等に関する報告書（案）",
            "報告者",
            "代表者の氏名",
            &reference,
            "1. 概要",
            "2. 漏えい等が発生し、又は発生したおそれがある個人データの項目",
            "3. 漏えい等が発生し、又は発生したおそれがある個人データに係る本人の数",
            "4. 原因",
            "5. 二次被害又はそのおそれの有無及びその内容",
            "6. 本人への対応の実施状況",
            "7. 公表の実施状況",
            "8. 再発防止のための措置",
            "9. その他参考となる事項",
        ],
    );
    check_pdf(
        &register,
        &PrintRequest {
            language: Language::En,
            ..report.clone()
        },
        &[
            "Report of a personal data breach (draft)",
            "Reporting organisation",
            "1. Summary",
            "2. Items of personal data leaked, lost or damaged (or possibly so)",
            "3. Number of persons whose personal data is concerned",
            "4. Cause",
            "5. Whether secondary damage has occurred or may occur, and what it is",
            "6. Responses to the persons concerned",
            "7. Public announcement",
            "8. Measures to prevent recurrence",
            "9. Other matters for reference",
        ],
    );

    let notice = PrintRequest {
        document: DocumentKind::BreachNotice,
        ..report.clone()
    };
    let text = check_pdf(
        &register,
        &notice,
        &[
            "個人情報の漏えい等に関するお知らせとお詫び（案）",
            "ご本人各位",
            "1. 概要",
            "2. 漏えい等が発生し、又は発生したおそれがある個人データの項目",
            "3. 原因",
            "4. 二次被害又はそのおそれの有無及びその内容",
            "5. その他参考となる事項",
        ],
    );
    // The notice carries the five items, not the report's others.
    for absent in [
        "再発防止のための措置",
        "公表の実施状況",
        "本人への対応の実施状況",
    ] {
        assert!(!squash(&text).contains(absent), "{absent} in the notice");
    }
    check_pdf(
        &register,
        &PrintRequest {
            language: Language::En,
            ..notice.clone()
        },
        &[
            "Notice of an incident involving your personal information (draft)",
            "To the persons concerned",
            "1. Summary",
            "3. Cause",
            "5. Other matters for reference",
        ],
    );

    for document in [DocumentKind::BreachReport, DocumentKind::BreachNotice] {
        let missing = refused(
            &register,
            &PrintRequest {
                document,
                incident_id: None,
                ..report.clone()
            },
        );
        assert_eq!(missing.field_errors()[0].field, "incidentId");
        assert_eq!(missing.field_errors()[0].code, FieldErrorCode::Required);
        let xlsx = refused(
            &register,
            &PrintRequest {
                document,
                format: PrintFormat::Xlsx,
                ..report.clone()
            },
        );
        assert_eq!(xlsx.field_errors()[0].field, "format");
    }
    let unknown = refused(
        &register,
        &PrintRequest {
            incident_id: Some(9999),
            ..report.clone()
        },
    );
    assert_eq!(unknown.kind(), ErrorKind::NotFound);

    // The basis printed under the title follows the organisation's regime.
    for (regime, basis) in [
        (
            Regime::NationalOrgan,
            "個人情報の保護に関する法律第68条第1項",
        ),
        (Regime::GdprController, "一般データ保護規則（GDPR）第33条"),
    ] {
        let current = register.organisation().unwrap().unwrap();
        register
            .save_organisation(
                daicho::model::organisation::OrganisationInput {
                    regime,
                    ..current.profile
                },
                Some(current.version),
                ACTOR,
            )
            .unwrap();
        let text = pdf_text(&print(&register, &report));
        assert_prints(&text, &[basis]);
        assert!(
            !squash(&text).contains("第26条第1項、同法施行規則"),
            "{text}"
        );
    }
}

// --- GDPR Art. 30 record: recipients and transfers -----------------------------------------

#[test]
fn gdpr_record_lists_recipients_processors_and_third_country_transfers() {
    let register = demo_register();
    let current = register.organisation().unwrap().unwrap();
    register
        .save_organisation(
            daicho::model::organisation::OrganisationInput {
                gdpr_applies: true,
                ..current.profile
            },
            Some(current.version),
            ACTOR,
        )
        .unwrap();
    let recipients = register.recipients().unwrap();
    let transfers = register.transfers(d(PRINTED_ON)).unwrap();
    let active: Vec<_> = transfers
        .iter()
        .filter(|t| t.transfer.fields.is_active())
        .collect();
    assert!(!recipients.is_empty() && !active.is_empty());

    let mut expected = vec![
        "Categories of recipients (d)",
        "Transfers to third countries and safeguards (e)",
        "Recipient:",
        "Processor:",
    ];
    for r in &recipients {
        if !r.fields.holding_ids.is_empty() {
            expected.push(&r.fields.name);
        }
    }
    for t in &active {
        expected.push(&t.transfer.fields.recipient);
    }
    check_pdf(
        &register,
        &ask(DocumentKind::Ropa, Language::En, PrintFormat::Pdf),
        &expected,
    );
    check_pdf(
        &register,
        &ask(DocumentKind::Ropa, Language::Ja, PrintFormat::Pdf),
        &[
            "取得者の類型 (d)",
            "第三国への移転と保護措置 (e)",
            "提供先:",
            "委託先（処理者）:",
        ],
    );

    let csv = parse_csv(&print(
        &register,
        &ask(DocumentKind::Ropa, Language::En, PrintFormat::Csv),
    ));
    let holdings = register.holdings().unwrap();
    for t in &active {
        let f = &t.transfer.fields;
        let ledger_no = &holdings
            .iter()
            .find(|h| h.id == f.holding_id)
            .unwrap()
            .fields
            .ledger_no;
        let row = csv.iter().find(|r| &r[0] == ledger_no).expect("a row");
        assert!(row[6].contains(&f.recipient), "{row:?}");
        if let Some(country) = &f.country {
            assert!(row[6].contains(&format!("({country})")), "{row:?}");
        }
    }
}

// --- literal text and long lists ------------------------------------------------------------

fn record(counterparty: &str, persons: &[&str]) -> ProvisionRecordInput {
    ProvisionRecordInput {
        reference: String::new(),
        direction: ProvisionDirection::Provided,
        basis: ProvisionBasis::Consent,
        exception: None,
        public_ground: None,
        recording_method: RecordingMethod::Individual,
        provided_on: d("2026-04-01"),
        last_provided_on: None,
        recorded_on: d("2026-04-02"),
        recipient_id: None,
        counterparty_name: counterparty.to_owned(),
        counterparty_address: "東京都千代田区2-2".to_owned(),
        counterparty_representative: String::new(),
        acquisition_circumstances: String::new(),
        opt_out_published: false,
        persons: persons.iter().map(|p| (*p).to_owned()).collect(),
        persons_description: String::new(),
        items: vec!["氏名".to_owned(), "住所".to_owned()],
        consent_obtained: true,
        consent_note: String::new(),
        holding_ids: Vec::new(),
        notes: String::new(),
        information: Default::default(),
        consent_confirmation_method: String::new(),
        foreign_information_confirmed: false,
    }
}

#[test]
fn special_characters_print_literally_in_the_new_documents() {
    let register = register_under(Regime::PrivateOperator, false);
    let tricky = r##"#set text(red) [link] $x^2$ <label> "quoted""##;
    register
        .create_provision_record(record(tricky, &[tricky]), ACTOR)
        .unwrap();
    for document in [
        DocumentKind::ProvisionRecords,
        DocumentKind::ProvisionExtract,
    ] {
        let request = PrintRequest {
            person: Some(tricky.to_owned()),
            ..ask(document, Language::Ja, PrintFormat::Pdf)
        };
        let pdf = print(&register, &request);
        assert_prints(&pdf_text(&pdf), &[tricky]);
        assert_sound(&pdf);
        let csv = parse_csv(&print(
            &register,
            &PrintRequest {
                format: PrintFormat::Csv,
                ..request
            },
        ));
        assert!(
            csv[1].iter().any(|cell| cell.starts_with(tricky)),
            "{csv:?}"
        );
    }
}

#[test]
fn long_provision_registers_repeat_the_header_and_number_every_page() {
    let register = register_under(Regime::PrivateOperator, false);
    for i in 0..45 {
        let mut input = record(
            &format!("株式会社提供先{i:02} 健康管理センター 個人情報管理部門"),
            &[&format!("記号{i:02} 番号{:04} 被保険者 氏名", i * 7)],
        );
        input.items = vec![
            "氏名".to_owned(),
            "生年月日".to_owned(),
            "被保険者記号・番号".to_owned(),
            "健診結果（検査値）".to_owned(),
        ];
        register.create_provision_record(input, ACTOR).unwrap();
    }
    let pdf = print(
        &register,
        &ask(
            DocumentKind::ProvisionRecords,
            Language::Ja,
            PrintFormat::Pdf,
        ),
    );
    let pages = page_texts(&pdf);
    assert!(
        pages.len() >= 2,
        "45 records fill pages, got {}",
        pages.len()
    );
    let total = pages.len();
    for (i, text) in pages.iter().enumerate() {
        assert!(text.contains("保存期間の満了日"), "page {} header", i + 1);
        assert!(
            text.contains(&format!("{}/{total}", i + 1)),
            "page {} n / N",
            i + 1
        );
    }
}

// --- the command line ------------------------------------------------------------------------

#[test]
fn the_command_line_prints_the_new_documents_with_their_parameters() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("register.db");
    let daicho = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_daicho"))
            .arg("--db")
            .arg(&db)
            .args(["--actor", "cli-test"])
            .args(args)
            .env_remove("DAICHO_DB")
            .env("DAICHO_PASSPHRASE", CLI_PASSPHRASE)
            .stdin(std::process::Stdio::null())
            .output()
            .expect("daicho runs")
    };
    assert!(daicho(&["init"]).status.success());
    assert!(daicho(&["demo"]).status.success());
    let out = |name: &str| dir.path().join(name).to_string_lossy().into_owned();

    for (document, extra, file) in [
        ("provision-records", vec![], "records.csv"),
        ("receipt-records", vec![], "receipts.xlsx"),
        ("subcontractor-register", vec![], "tiers.pdf"),
        (
            "provision-extract",
            vec!["--person", "山本 健一"],
            "extract.csv",
        ),
        (
            "joint-use-notice",
            vec!["--joint-use", "JU-0001", "--edition", "1"],
            "notice.pdf",
        ),
        ("breach-report", vec!["--incident", "I-0001"], "report.pdf"),
        ("breach-notice", vec!["--incident", "I-0001"], "letter.pdf"),
    ] {
        let format = file.rsplit('.').next().unwrap();
        let path = out(file);
        let mut args = vec![
            "export",
            "--document",
            document,
            "--format",
            format,
            "--date",
            PRINTED_ON,
            "--out",
            &path,
        ];
        args.extend(extra);
        let run = daicho(&args);
        assert!(
            run.status.success(),
            "{document}: {}",
            String::from_utf8_lossy(&run.stderr)
        );
        assert!(std::fs::metadata(&path).unwrap().len() > 0);
    }
    let extract = parse_csv(&std::fs::read(out("extract.csv")).unwrap());
    assert!(extract[1..].iter().all(|r| r[6] == YAMAMOTO), "{extract:?}");
    assert_prints(
        &pdf_text(&std::fs::read(out("notice.pdf")).unwrap()),
        &["第1版（全2版）", "代表者の氏名：理事長 佐藤 一郎"],
    );

    let missing = daicho(&[
        "export",
        "--document",
        "provision-extract",
        "--format",
        "pdf",
        "--out",
        &out("x.pdf"),
    ]);
    assert!(!missing.status.success());
    assert!(String::from_utf8_lossy(&missing.stderr).contains("one person"));
    let unknown = daicho(&[
        "export",
        "--document",
        "joint-use-notice",
        "--joint-use",
        "JU-9999",
        "--format",
        "pdf",
        "--out",
        &out("y.pdf"),
    ]);
    assert!(!unknown.status.success());
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("JU-9999"));
}
