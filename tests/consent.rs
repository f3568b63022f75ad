//! Matters treated as consented unless the person objects (黙示の同意), objections linked to
//! them and withdrawn, and the published request procedure (APPI arts. 32(1)(iii), 37, 38).

use crate::common;

use common::{d, holding, memory_register, ACTOR};
use daicho::audit::Entity;
use daicho::model::consent_matter::ConsentMatterInput;
use daicho::model::objection::ObjectionInput;
use daicho::model::quality::FindingRule;
use daicho::model::request_procedure::{AnswerMethod, RequestProcedureInput};
use daicho::{ErrorKind, FieldErrorCode, Register};

fn matter(holding_id: i64, title: &str) -> ConsentMatterInput {
    ConsentMatterInput {
        title: title.to_owned(),
        description: "被保険者からの申請を待たずに事業主経由で支給する。".to_owned(),
        holding_ids: vec![holding_id],
        published_where: "当組合ウェブサイト「黙示の同意事項」".to_owned(),
        published_since: d("2022-04-01"),
        notes: String::new(),
    }
}

fn objection(holding_id: i64, matter_id: Option<i64>) -> ObjectionInput {
    ObjectionInput {
        reference: String::new(),
        person: "記号15 番号0210 藤田 美穂".to_owned(),
        purpose: "高額療養費の事業主経由の支給".to_owned(),
        reason: String::new(),
        received_on: d("2026-06-01"),
        in_writing: true,
        applied_on: None,
        applied_by: String::new(),
        holding_ids: vec![holding_id],
        notes: String::new(),
        matter_id,
        withdrawn_on: None,
    }
}

fn procedure() -> RequestProcedureInput {
    RequestProcedureInput {
        forms: "所定の開示等請求書".to_owned(),
        identity_documents: vec!["運転免許証".to_owned(), "パスポート".to_owned()],
        agent_identity_documents: vec!["運転免許証".to_owned()],
        legal_representative_proof: "戸籍謄本".to_owned(),
        appointed_agent_proof: "委任状及び印鑑登録証明書".to_owned(),
        disclosure_fee_yen: Some(300),
        provision_record_fee_yen: None,
        payment_method: "定額小為替".to_owned(),
        answer_methods: vec![AnswerMethod::Paper],
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

fn not_applied(register: &Register) -> Vec<i64> {
    register
        .findings(d("2026-06-10"))
        .unwrap()
        .into_iter()
        .filter(|f| f.rule == FindingRule::ObjectionNotApplied)
        .map(|f| f.record_id)
        .collect()
}

// --- the catalogue ------------------------------------------------------------------------

/// A matter can be presumed consented to only while the person can know of it (APPI art.
/// 27(1) consent, presumed under the MHLW guidance for health insurance societies): it needs a
/// title, a description, and where and since when it is published; its holdings must exist.
#[test]
fn a_consent_matter_is_published_names_holdings_that_exist_and_has_its_own_title() {
    let (register, h) = with_holding();
    let errors = refusal(register.create_consent_matter(
        ConsentMatterInput {
            title: " ".to_owned(),
            description: String::new(),
            published_where: String::new(),
            published_since: d("1800-01-01"),
            holding_ids: vec![h, 999],
            ..matter(h, "")
        },
        ACTOR,
    ));
    assert!(has(&errors, "title", FieldErrorCode::Required));
    assert!(has(&errors, "description", FieldErrorCode::Required));
    assert!(has(&errors, "publishedWhere", FieldErrorCode::Required));
    assert!(has(&errors, "publishedSince", FieldErrorCode::OutOfRange));
    assert!(errors.iter().any(|(f, _)| f.starts_with("holdingIds")));

    let created = register
        .create_consent_matter(matter(h, "高額療養費の事業主経由の支給"), ACTOR)
        .unwrap();
    assert_eq!(created.version, 1);
    assert_eq!(created.fields.holding_ids, [h]);
    assert_eq!(
        register
            .history(Entity::ConsentMatter, &created.id.to_string())
            .unwrap()
            .len(),
        1
    );
    let errors =
        refusal(register.create_consent_matter(matter(h, "高額療養費の事業主経由の支給"), ACTOR));
    assert!(has(&errors, "title", FieldErrorCode::Duplicate));
    // Saving it again under its own title is not a duplicate of itself.
    let updated = register
        .update_consent_matter(
            created.id,
            1,
            ConsentMatterInput {
                notes: "書面で申出".to_owned(),
                ..matter(h, "高額療養費の事業主経由の支給")
            },
            ACTOR,
        )
        .unwrap();
    assert_eq!(updated.version, 2);
    let stale = register
        .update_consent_matter(created.id, 1, matter(h, "別"), ACTOR)
        .unwrap_err();
    assert_eq!(stale.kind(), ErrorKind::Conflict);
}

#[test]
fn an_objection_links_only_to_a_matter_that_exists() {
    let (register, h) = with_holding();
    let errors = refusal(register.create_objection(objection(h, Some(42)), ACTOR));
    assert!(has(&errors, "matterId", FieldErrorCode::Malformed));
    let m = register
        .create_consent_matter(matter(h, "高額療養費"), ACTOR)
        .unwrap();
    let linked = register
        .create_objection(objection(h, Some(m.id)), ACTOR)
        .unwrap();
    assert_eq!(linked.fields.matter_id, Some(m.id));
    // The link stays optional: an objection to something the catalogue does not list.
    let unlinked = register
        .create_objection(objection(h, None), ACTOR)
        .unwrap();
    assert_eq!(unlinked.fields.matter_id, None);
}

/// The society's policy lets a member change an objection at any time; a withdrawal is dated,
/// never before the objection was received, and a withdrawn objection is no longer one "not
/// yet applied".
#[test]
fn a_withdrawn_objection_is_dated_after_receipt_and_no_longer_flagged() {
    let (register, h) = with_holding();
    let m = register
        .create_consent_matter(matter(h, "高額療養費"), ACTOR)
        .unwrap();
    let o = register
        .create_objection(objection(h, Some(m.id)), ACTOR)
        .unwrap();
    assert_eq!(not_applied(&register), [o.id]);

    let errors = refusal(register.update_objection(
        o.id,
        1,
        ObjectionInput {
            withdrawn_on: Some(d("2026-05-31")),
            ..objection(h, Some(m.id))
        },
        ACTOR,
    ));
    assert!(has(&errors, "withdrawnOn", FieldErrorCode::DateOrder));
    assert_eq!(not_applied(&register), [o.id]);

    let withdrawn = register
        .update_objection(
            o.id,
            1,
            ObjectionInput {
                withdrawn_on: Some(d("2026-06-01")),
                ..objection(h, Some(m.id))
            },
            ACTOR,
        )
        .unwrap();
    assert_eq!(withdrawn.fields.withdrawn_on, Some(d("2026-06-01")));
    assert!(!withdrawn.pending());
    assert!(not_applied(&register).is_empty());
    assert!(register.verify().unwrap().is_intact());
}

#[test]
fn a_matter_objections_name_cannot_be_deleted_and_the_refusal_names_them() {
    let (register, h) = with_holding();
    let m = register
        .create_consent_matter(matter(h, "高額療養費"), ACTOR)
        .unwrap();
    let first = register
        .create_objection(objection(h, Some(m.id)), ACTOR)
        .unwrap();
    let second = register
        .create_objection(objection(h, Some(m.id)), ACTOR)
        .unwrap();
    let error = register.delete_consent_matter(m.id, 1, ACTOR).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::InUse);
    assert_eq!(error.references(), ["O-0001", "O-0002"]);
    assert!(error.to_string().contains("O-0001, O-0002"), "{error}");
    assert!(
        !error.to_string().contains("藤田"),
        "the refusal names records, not persons: {error}"
    );
    assert!(register.consent_matter(m.id).is_ok());

    // The holding a matter covers is named by its title when the holding is deleted.
    let error = register.delete_holding(h, 1, ACTOR).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::InUse);
    assert!(error.references().iter().any(|r| r == "高額療養費"));

    // Once no objection names it, it goes.
    register.delete_objection(first.id, 1, ACTOR).unwrap();
    register.delete_objection(second.id, 1, ACTOR).unwrap();
    register.delete_consent_matter(m.id, 1, ACTOR).unwrap();
    assert!(register.consent_matters().unwrap().is_empty());
    assert!(register.verify().unwrap().is_intact());
}

// --- the published request procedure -------------------------------------------------------

/// Art. 37 and Cabinet Order art. 12: the procedure says how the person and an agent are
/// identified and how fees are paid; art. 38: fees only in a reasonable amount.
#[test]
fn the_request_procedure_is_checked_versioned_and_audited() {
    let register = memory_register();
    assert!(register.request_procedure().unwrap().is_none());
    let errors = refusal(register.save_request_procedure(
        RequestProcedureInput {
            forms: String::new(),
            identity_documents: Vec::new(),
            agent_identity_documents: vec!["旅券".to_owned(), " 旅券".to_owned()],
            disclosure_fee_yen: Some(1_000_000),
            provision_record_fee_yen: Some(500),
            payment_method: String::new(),
            answer_methods: vec![AnswerMethod::Paper, AnswerMethod::Paper],
            ..procedure()
        },
        None,
        ACTOR,
    ));
    assert!(has(&errors, "forms", FieldErrorCode::Required));
    assert!(has(&errors, "identityDocuments", FieldErrorCode::Required));
    assert!(has(
        &errors,
        "agentIdentityDocuments[1]",
        FieldErrorCode::Duplicate
    ));
    assert!(has(&errors, "disclosureFeeYen", FieldErrorCode::OutOfRange));
    assert!(has(&errors, "paymentMethod", FieldErrorCode::Required));
    assert!(has(&errors, "answerMethods[1]", FieldErrorCode::Duplicate));
    let errors = refusal(register.save_request_procedure(
        RequestProcedureInput {
            answer_methods: Vec::new(),
            ..procedure()
        },
        None,
        ACTOR,
    ));
    assert!(has(&errors, "answerMethods", FieldErrorCode::Required));
    // Free of charge needs no payment method.
    let free = RequestProcedureInput {
        disclosure_fee_yen: None,
        payment_method: String::new(),
        ..procedure()
    };

    let first = register
        .save_request_procedure(free.clone(), None, ACTOR)
        .unwrap();
    assert_eq!(first.version, 1);
    // A second first save is someone else's: refused.
    let again = register
        .save_request_procedure(free.clone(), None, ACTOR)
        .unwrap_err();
    assert_eq!(again.kind(), ErrorKind::Conflict);
    let second = register
        .save_request_procedure(procedure(), Some(1), ACTOR)
        .unwrap();
    assert_eq!(second.version, 2);
    assert_eq!(second.procedure, procedure());
    let stale = register
        .save_request_procedure(free, Some(1), ACTOR)
        .unwrap_err();
    assert_eq!(stale.kind(), ErrorKind::Conflict);
    assert_eq!(
        register
            .history(Entity::RequestProcedure, "1")
            .unwrap()
            .len(),
        2
    );
    assert!(register.verify().unwrap().is_intact());
}

// --- the JSON document ---------------------------------------------------------------------

#[test]
fn matters_withdrawals_and_the_procedure_round_trip_through_the_document() {
    let source = memory_register();
    daicho::demo::load(&source, ACTOR).unwrap();
    // Withdraw one objection, so the document carries a withdrawal.
    let objection = source
        .objections()
        .unwrap()
        .into_iter()
        .find(|o| o.fields.matter_id.is_some())
        .expect("the demo links objections to matters");
    let mut fields = objection.fields.clone();
    fields.withdrawn_on = Some(fields.received_on);
    source
        .update_objection(objection.id, objection.version, fields, ACTOR)
        .unwrap();

    let exported = daicho::document::export(&source).unwrap();
    assert_eq!(
        exported.consent_matters.len(),
        3,
        "the three matters of seed 004"
    );
    assert!(exported.request_procedure.is_some());
    let json = serde_json::to_string(&exported).unwrap();
    let target = memory_register();
    let summary = daicho::document::import(&target, &json, ACTOR).unwrap();
    assert_eq!(summary.consent_matters, 3);
    assert!(summary.request_procedure);
    let again = daicho::document::export(&target).unwrap();
    assert_eq!(again.consent_matters, exported.consent_matters);
    assert_eq!(again.objections, exported.objections);
    assert_eq!(again.request_procedure, exported.request_procedure);
    assert!(again
        .objections
        .iter()
        .any(|o| o.fields.withdrawn_on.is_some()));
    assert!(target.verify().unwrap().is_intact());

    // An objection naming a matter the document lacks is refused, naming record and field.
    let mut document: serde_json::Value = serde_json::from_str(&json).unwrap();
    document["objections"][0]["matterId"] = 4242.into();
    document["requestProcedure"]["identityDocuments"] = serde_json::json!([]);
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
        ("objections[0]", "matterId"),
        ("requestProcedure", "identityDocuments"),
    ] {
        assert!(
            problems.contains(&(expected.0.to_owned(), expected.1.to_owned())),
            "{expected:?} in {problems:?}"
        );
    }
}

/// A document written before the catalogue, the withdrawal and the procedure existed has
/// none of their keys; it imports as it did.
#[test]
fn an_older_document_without_matters_withdrawals_or_procedure_still_imports() {
    let source = memory_register();
    daicho::demo::load(&source, ACTOR).unwrap();
    let mut document: serde_json::Value =
        serde_json::to_value(daicho::document::export(&source).unwrap()).unwrap();
    let root = document.as_object_mut().unwrap();
    root.remove("consentMatters");
    root.remove("requestProcedure");
    for objection in root["objections"].as_array_mut().unwrap() {
        let objection = objection.as_object_mut().unwrap();
        objection.remove("matterId");
        objection.remove("withdrawnOn");
    }
    let target = memory_register();
    let summary = daicho::document::import(&target, &document.to_string(), ACTOR).unwrap();
    assert_eq!(summary.consent_matters, 0);
    assert!(!summary.request_procedure);
    assert_eq!(summary.objections, 3);
    assert!(target
        .objections()
        .unwrap()
        .iter()
        .all(|o| o.fields.matter_id.is_none() && o.fields.withdrawn_on.is_none()));
    assert!(target.request_procedure().unwrap().is_none());
    assert!(target.verify().unwrap().is_intact());
}
