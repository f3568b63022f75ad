//! Pseudonymised information held (仮名加工情報, APPI art. 41) and anonymised information
//! produced and provided (匿名加工情報, APPI art. 43): the refusals the Act and the PPC Rules
//! call for, the audit trail, the holdings they keep, the JSON document and the announcement.

use crate::common;
use crate::printed;

use common::{d, holding, memory_register, ACTOR};
use daicho::audit::Entity;
use daicho::model::anonymised::{AnonymisedInformationInput, AnonymisedProvision};
use daicho::model::pseudonymised::PseudonymisedInformationInput;
use daicho::model::quality::{FindingRule, FindingSection};
use daicho::print::{DocumentKind, PrintFormat};
use daicho::{ErrorKind, FieldErrorCode, Language, Register};
use printed::{ask, assert_prints, pdf_text, print, squash};

fn pseudonymised(holding_id: i64, name: &str) -> PseudonymisedInformationInput {
    PseudonymisedInformationInput {
        name: name.to_owned(),
        holding_ids: vec![holding_id],
        items: vec!["仮ID".to_owned(), "傷病名".to_owned()],
        processing_method: "氏名・記号番号を仮IDに置換".to_owned(),
        identifying_descriptions_removed: true,
        identification_codes_removed: true,
        financial_risk_descriptions_removed: true,
        purposes: vec!["医療費分析による保健事業の検討".to_owned()],
        purposes_published_on: Some(d("2026-04-01")),
        published_where: "当組合ウェブサイト".to_owned(),
        deleted_information_security: "対応表を分離し保管".to_owned(),
        erased_on: None,
        shared_by_joint_use: false,
        entrusted: false,
        sharing_notes: String::new(),
        notes: String::new(),
    }
}

fn provision(provided_on: &str, published_on: &str) -> AnonymisedProvision {
    AnonymisedProvision {
        recipient: "みらい大学 医療経済学研究室".to_owned(),
        provided_on: d(provided_on),
        method: "暗号化した電子ファイルの送付".to_owned(),
        published_on: d(published_on),
        stated_to_recipient: true,
    }
}

fn anonymised(holding_id: i64, name: &str) -> AnonymisedInformationInput {
    AnonymisedInformationInput {
        name: name.to_owned(),
        holding_ids: vec![holding_id],
        items: vec![
            "性別".to_owned(),
            "年齢階級".to_owned(),
            "医療費点数".to_owned(),
        ],
        produced_on: d("2026-04-01"),
        items_published_on: Some(d("2026-04-03")),
        published_where: "当組合ウェブサイト".to_owned(),
        processing_security: "加工方法等情報は担当者のみ閲覧可".to_owned(),
        provisions: vec![provision("2026-05-10", "2026-05-01")],
        notes: String::new(),
    }
}

fn with_holding() -> (Register, i64) {
    let register = memory_register();
    let id = register
        .create_holding(holding("レセプトデータ"), ACTOR)
        .unwrap()
        .id;
    (register, id)
}

fn refusal<T: std::fmt::Debug>(result: daicho::Result<T>) -> Vec<(String, FieldErrorCode)> {
    let error = result.expect_err("the write is refused");
    assert_eq!(error.kind(), ErrorKind::Validation, "{error}");
    error
        .field_errors()
        .iter()
        .map(|f| (f.field.clone(), f.code))
        .collect()
}

fn has(errors: &[(String, FieldErrorCode)], field: &str, code: FieldErrorCode) -> bool {
    errors.iter().any(|(f, c)| f == field && *c == code)
}

fn history(register: &Register, entity: Entity, id: i64) -> Vec<String> {
    register
        .history(entity, &id.to_string())
        .unwrap()
        .iter()
        .map(|e| format!("{:?}", e.action))
        .collect()
}

// --- pseudonymised information (art. 41) ----------------------------------------------------

/// Created, changed (art. 41(9): the purposes may change, and the change is published) and
/// deleted through the one write path, each with its audit entry.
#[test]
fn pseudonymised_information_is_created_changed_and_deleted_with_audit_entries() {
    let (register, h) = with_holding();
    let created = register
        .create_pseudonymised(pseudonymised(h, "分析用仮名加工データ"), ACTOR)
        .unwrap();
    assert_eq!(created.version, 1);
    assert_eq!(created.fields.holding_ids, [h]);
    assert!(!created.purposes_unpublished());

    let changed = register
        .update_pseudonymised(
            created.id,
            1,
            PseudonymisedInformationInput {
                purposes: vec![
                    "医療費分析による保健事業の検討".to_owned(),
                    "重症化予防事業の対象者選定".to_owned(),
                ],
                purposes_published_on: Some(d("2026-06-01")),
                ..pseudonymised(h, "分析用仮名加工データ")
            },
            ACTOR,
        )
        .unwrap();
    assert_eq!(changed.version, 2);
    assert_eq!(changed.fields.purposes.len(), 2);
    assert_eq!(register.pseudonymised(created.id).unwrap(), changed);
    register.delete_pseudonymised(created.id, 2, ACTOR).unwrap();
    assert!(register.pseudonymised_information().unwrap().is_empty());
    let actions = history(&register, Entity::PseudonymisedInformation, created.id);
    assert_eq!(actions.len(), 3, "{actions:?}");
    assert!(register.verify().unwrap().is_intact());
}

/// Art. 41(3)/(4): purposes are required; art. 41(2): the security of the deleted information
/// is required; PPC Rules art. 31: each of the three processing measures must have been
/// applied; the holdings it was made from must exist; names are unique.
#[test]
fn pseudonymised_information_refuses_missing_purposes_security_steps_and_holdings() {
    let (register, h) = with_holding();
    let errors = refusal(register.create_pseudonymised(
        PseudonymisedInformationInput {
            purposes: Vec::new(),
            deleted_information_security: " ".to_owned(),
            identification_codes_removed: false,
            financial_risk_descriptions_removed: false,
            holding_ids: vec![h, 4242],
            ..pseudonymised(h, "分析用仮名加工データ")
        },
        ACTOR,
    ));
    assert!(has(&errors, "purposes", FieldErrorCode::Required));
    assert!(has(
        &errors,
        "deletedInformationSecurity",
        FieldErrorCode::Required
    ));
    assert!(has(
        &errors,
        "identificationCodesRemoved",
        FieldErrorCode::Required
    ));
    assert!(has(
        &errors,
        "financialRiskDescriptionsRemoved",
        FieldErrorCode::Required
    ));
    assert!(!errors
        .iter()
        .any(|(f, _)| f == "identifyingDescriptionsRemoved"));
    assert!(
        errors.iter().any(|(f, _)| f.starts_with("holdingIds")),
        "{errors:?}"
    );

    // Published purposes need a place (art. 41(4)); sharing needs saying with whom (art. 41(6)).
    let errors = refusal(register.create_pseudonymised(
        PseudonymisedInformationInput {
            published_where: String::new(),
            entrusted: true,
            ..pseudonymised(h, "分析用仮名加工データ")
        },
        ACTOR,
    ));
    assert!(has(&errors, "publishedWhere", FieldErrorCode::Required));
    assert!(has(&errors, "sharingNotes", FieldErrorCode::Required));

    register
        .create_pseudonymised(pseudonymised(h, "分析用仮名加工データ"), ACTOR)
        .unwrap();
    let errors =
        refusal(register.create_pseudonymised(pseudonymised(h, "分析用仮名加工データ"), ACTOR));
    assert!(has(&errors, "name", FieldErrorCode::Duplicate));
    // Not yet published is allowed, and flagged.
    let unpublished = register
        .create_pseudonymised(
            PseudonymisedInformationInput {
                purposes_published_on: None,
                published_where: String::new(),
                ..pseudonymised(h, "公表前の仮名加工データ")
            },
            ACTOR,
        )
        .unwrap();
    assert!(unpublished.purposes_unpublished());
}

// --- anonymised information (art. 43) -------------------------------------------------------

#[test]
fn anonymised_information_and_its_provisions_are_created_changed_and_deleted_with_audit_entries() {
    let (register, h) = with_holding();
    let created = register
        .create_anonymised(
            AnonymisedInformationInput {
                items_published_on: None,
                published_where: String::new(),
                ..anonymised(h, "医療費研究用匿名加工データ")
            },
            ACTOR,
        )
        .unwrap();
    // Art. 43(3): produced, items not yet published, which the screens flag.
    assert!(created.items_unpublished());
    assert_eq!(
        created.fields.provisions,
        [provision("2026-05-10", "2026-05-01")]
    );

    let mut second = provision("2026-07-01", "2026-06-20");
    second.recipient = "みらい県 保健医療課".to_owned();
    let changed = register
        .update_anonymised(
            created.id,
            1,
            AnonymisedInformationInput {
                provisions: vec![provision("2026-05-10", "2026-05-01"), second.clone()],
                ..anonymised(h, "医療費研究用匿名加工データ")
            },
            ACTOR,
        )
        .unwrap();
    assert!(!changed.items_unpublished());
    assert_eq!(changed.fields.provisions.len(), 2);
    assert_eq!(changed.fields.provisions[1], second);
    assert_eq!(register.anonymised(created.id).unwrap(), changed);
    assert_eq!(
        register.anonymised_information().unwrap(),
        std::slice::from_ref(&changed)
    );
    assert!(register.verify().unwrap().is_intact());

    register.delete_anonymised(created.id, 2, ACTOR).unwrap();
    assert!(register.anonymised_information().unwrap().is_empty());
    assert_eq!(
        history(&register, Entity::AnonymisedInformation, created.id).len(),
        3
    );
    assert!(register.verify().unwrap().is_intact());
}

/// Art. 43(4): the items and method are published in advance of each provision, and the
/// recipient is told the information is anonymised information; art. 43(2): the processing
/// method is kept safe. Each refusal names the provision and field.
#[test]
fn anonymised_information_refuses_late_publication_no_statement_and_missing_security() {
    let (register, h) = with_holding();
    let mut unstated = provision("2026-05-10", "2026-05-01");
    unstated.stated_to_recipient = false;
    let errors = refusal(register.create_anonymised(
        AnonymisedInformationInput {
            processing_security: String::new(),
            items: Vec::new(),
            provisions: vec![provision("2026-05-10", "2026-05-11"), unstated],
            ..anonymised(h, "医療費研究用匿名加工データ")
        },
        ACTOR,
    ));
    assert!(has(&errors, "processingSecurity", FieldErrorCode::Required));
    assert!(has(&errors, "items", FieldErrorCode::Required));
    assert!(has(
        &errors,
        "provisions[0].publishedOn",
        FieldErrorCode::DateOrder
    ));
    assert!(!has(
        &errors,
        "provisions[1].publishedOn",
        FieldErrorCode::DateOrder
    ));
    assert!(has(
        &errors,
        "provisions[1].statedToRecipient",
        FieldErrorCode::Required
    ));

    // Published on the day of the provision counts as in advance of it; a provision before
    // the information existed does not.
    let errors = refusal(register.create_anonymised(
        AnonymisedInformationInput {
            provisions: vec![provision("2026-03-01", "2026-03-01")],
            holding_ids: vec![4242],
            ..anonymised(h, "医療費研究用匿名加工データ")
        },
        ACTOR,
    ));
    assert!(has(
        &errors,
        "provisions[0].providedOn",
        FieldErrorCode::DateOrder
    ));
    assert!(!errors.iter().any(|(f, _)| f == "provisions[0].publishedOn"));
    assert!(errors.iter().any(|(f, _)| f.starts_with("holdingIds")));
    let same_day = register
        .create_anonymised(
            AnonymisedInformationInput {
                provisions: vec![provision("2026-05-10", "2026-05-10")],
                ..anonymised(h, "医療費研究用匿名加工データ")
            },
            ACTOR,
        )
        .unwrap();
    let errors =
        refusal(register.create_anonymised(anonymised(h, "医療費研究用匿名加工データ"), ACTOR));
    assert!(has(&errors, "name", FieldErrorCode::Duplicate));
    // A refused update leaves the stored record and the trail as they were.
    let errors = refusal(register.update_anonymised(
        same_day.id,
        1,
        AnonymisedInformationInput {
            provisions: vec![provision("2026-05-10", "2026-05-12")],
            ..anonymised(h, "医療費研究用匿名加工データ")
        },
        ACTOR,
    ));
    assert!(has(
        &errors,
        "provisions[0].publishedOn",
        FieldErrorCode::DateOrder
    ));
    assert_eq!(register.anonymised(same_day.id).unwrap(), same_day);
    assert_eq!(
        history(&register, Entity::AnonymisedInformation, same_day.id).len(),
        1
    );
}

/// The panel flags what the Act wants published and is not: the purposes of pseudonymised
/// information (art. 41(4)) unless it was erased, and the items of anonymised information
/// after it was produced (art. 43(3)). Publishing clears the flag.
#[test]
fn the_panel_flags_unpublished_purposes_and_items_until_published() {
    let (register, h) = with_holding();
    let unpublished = |r: &Register| -> Vec<(FindingSection, FindingRule, i64)> {
        r.findings(d("2026-04-10"))
            .unwrap()
            .into_iter()
            .filter(|f| {
                matches!(
                    f.rule,
                    FindingRule::PseudonymisedPurposesUnpublished
                        | FindingRule::AnonymisedItemsUnpublished
                )
            })
            .map(|f| (f.section, f.rule, f.record_id))
            .collect()
    };
    let p = register
        .create_pseudonymised(
            PseudonymisedInformationInput {
                purposes_published_on: None,
                ..pseudonymised(h, "分析用仮名加工データ")
            },
            ACTOR,
        )
        .unwrap();
    let erased = register
        .create_pseudonymised(
            PseudonymisedInformationInput {
                purposes_published_on: None,
                erased_on: Some(d("2026-04-05")),
                ..pseudonymised(h, "消去済み仮名加工データ")
            },
            ACTOR,
        )
        .unwrap();
    let a = register
        .create_anonymised(
            AnonymisedInformationInput {
                items_published_on: None,
                ..anonymised(h, "医療費研究用匿名加工データ")
            },
            ACTOR,
        )
        .unwrap();
    let flagged = unpublished(&register);
    assert_eq!(
        flagged,
        [
            (
                FindingSection::PseudonymisedInformation,
                FindingRule::PseudonymisedPurposesUnpublished,
                p.id
            ),
            (
                FindingSection::AnonymisedInformation,
                FindingRule::AnonymisedItemsUnpublished,
                a.id
            ),
        ],
        "the erased record {} is not flagged",
        erased.id
    );
    register
        .update_anonymised(a.id, 1, anonymised(h, "医療費研究用匿名加工データ"), ACTOR)
        .unwrap();
    register
        .update_pseudonymised(p.id, 1, pseudonymised(h, "分析用仮名加工データ"), ACTOR)
        .unwrap();
    assert!(unpublished(&register).is_empty());
}

/// The holding the information was made from stays while either kind names it: the record
/// must still say what it was made from. The refusal names the records.
#[test]
fn a_holding_named_as_a_source_cannot_be_deleted() {
    let (register, h) = with_holding();
    let p = register
        .create_pseudonymised(pseudonymised(h, "分析用仮名加工データ"), ACTOR)
        .unwrap();
    let a = register
        .create_anonymised(anonymised(h, "医療費研究用匿名加工データ"), ACTOR)
        .unwrap();
    let version = register.holding(h).unwrap().version;
    let error = register.delete_holding(h, version, ACTOR).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::InUse, "{error}");
    let message = error.to_string();
    assert!(
        message.contains("pseudonymised information 分析用仮名加工データ"),
        "{message}"
    );
    assert!(
        message.contains("anonymised information 医療費研究用匿名加工データ"),
        "{message}"
    );

    register
        .delete_pseudonymised(p.id, p.version, ACTOR)
        .unwrap();
    register.delete_anonymised(a.id, a.version, ACTOR).unwrap();
    register.delete_holding(h, version, ACTOR).unwrap();
}

// --- the JSON document ----------------------------------------------------------------------

#[test]
fn both_kinds_round_trip_through_the_document_and_bad_ones_are_refused_by_field() {
    let source = memory_register();
    daicho::demo::load(&source, ACTOR).unwrap();
    let exported = daicho::document::export(&source).unwrap();
    assert_eq!(exported.pseudonymised_information.len(), 1);
    assert_eq!(exported.anonymised_information.len(), 1);
    assert_eq!(
        exported.anonymised_information[0].fields.provisions.len(),
        1
    );
    let json = serde_json::to_string(&exported).unwrap();
    let target = memory_register();
    let summary = daicho::document::import(&target, &json, ACTOR).unwrap();
    assert_eq!(summary.pseudonymised_information, 1);
    assert_eq!(summary.anonymised_information, 1);
    let again = daicho::document::export(&target).unwrap();
    assert_eq!(
        again.pseudonymised_information,
        exported.pseudonymised_information
    );
    assert_eq!(
        again.anonymised_information,
        exported.anonymised_information
    );
    assert!(target.verify().unwrap().is_intact());

    let mut document: serde_json::Value = serde_json::from_str(&json).unwrap();
    document["anonymisedInformation"][0]["provisions"][0]["statedToRecipient"] = false.into();
    document["pseudonymisedInformation"][0]["holdingIds"] = serde_json::json!([4242]);
    let error =
        daicho::document::import(&memory_register(), &document.to_string(), ACTOR).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Import);
    let problems: Vec<(String, String)> = error
        .record_errors()
        .iter()
        .flat_map(|r| {
            r.fields
                .iter()
                .map(move |f| (r.record.clone(), f.field.clone()))
        })
        .collect();
    for expected in [
        ("pseudonymisedInformation[0]", "holdingIds[0]"),
        (
            "anonymisedInformation[0]",
            "provisions[0].statedToRecipient",
        ),
    ] {
        assert!(
            problems.contains(&(expected.0.to_owned(), expected.1.to_owned())),
            "{expected:?} in {problems:?}"
        );
    }
}

/// A document written before these sections existed has neither key; it imports as it did.
#[test]
fn an_older_document_without_processed_information_still_imports() {
    let source = memory_register();
    daicho::demo::load(&source, ACTOR).unwrap();
    let mut document: serde_json::Value =
        serde_json::to_value(daicho::document::export(&source).unwrap()).unwrap();
    let root = document.as_object_mut().unwrap();
    root.remove("pseudonymisedInformation");
    root.remove("anonymisedInformation");
    let target = memory_register();
    let summary = daicho::document::import(&target, &document.to_string(), ACTOR).unwrap();
    assert_eq!(summary.pseudonymised_information, 0);
    assert_eq!(summary.anonymised_information, 0);
    assert!(summary.holdings > 0);
    assert!(target.pseudonymised_information().unwrap().is_empty());
    assert!(target.anonymised_information().unwrap().is_empty());
    assert!(target.verify().unwrap().is_intact());
}

// --- the announcement -----------------------------------------------------------------------

/// Art. 41(4): the purposes of pseudonymised information are published; art. 43(3)/(4): the
/// items of anonymised information, and for a provision the items and method. Recipients are
/// not published; erased pseudonymised information drops out.
#[test]
fn the_announcement_prints_the_purposes_and_the_items_in_both_languages() {
    let (register, h) = with_holding();
    register
        .save_organisation(common::organisation(), None, ACTOR)
        .unwrap();
    register
        .create_pseudonymised(pseudonymised(h, "分析用仮名加工データ"), ACTOR)
        .unwrap();
    register
        .create_pseudonymised(
            PseudonymisedInformationInput {
                erased_on: Some(d("2026-05-01")),
                purposes: vec!["消去済みの目的".to_owned()],
                ..pseudonymised(h, "消去済み仮名加工データ")
            },
            ACTOR,
        )
        .unwrap();
    register
        .create_anonymised(anonymised(h, "医療費研究用匿名加工データ"), ACTOR)
        .unwrap();

    let ja = pdf_text(&print(
        &register,
        &ask(DocumentKind::Announcement, Language::Ja, PrintFormat::Pdf),
    ));
    assert_prints(
        &ja,
        &[
            "仮名加工情報の利用目的（法第41条第4項により読み替えて適用する法第21条）",
            "分析用仮名加工データ",
            "・医療費分析による保健事業の検討",
            "匿名加工情報に含まれる個人に関する情報の項目及び第三者提供（法第43条第3項・第4項）",
            "医療費研究用匿名加工データ",
            "含まれる個人に関する情報の項目：性別、年齢階級、医療費点数",
            "第三者に提供する情報の項目：性別、年齢階級、医療費点数",
            "提供の方法：暗号化した電子ファイルの送付",
        ],
    );
    let squashed = squash(&ja);
    assert!(!squashed.contains("消去済み"), "{ja}");
    assert!(!squashed.contains("みらい大学"), "{ja}");

    let en = pdf_text(&print(
        &register,
        &ask(DocumentKind::Announcement, Language::En, PrintFormat::Pdf),
    ));
    assert_prints(
        &en,
        &[
            "Purposes of use of pseudonymised information (art. 21 as applied by art. 41(4))",
            "医療費分析による保健事業の検討",
            "Anonymised information: items of information about individuals and provision to third parties (art. 43(3) and (4))",
            "Items of information about individuals:",
            "Items provided to third parties:",
            "Method of provision: 暗号化した電子ファイルの送付",
        ],
    );
}
