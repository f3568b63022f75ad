//! Records of providing personal-related information (個人関連情報) to a recipient who will
//! acquire it as personal data: APPI art. 31, PPC Rules arts. 26–29. Every expectation below is
//! worked out from the statute and the Rules, not from what the program printed.

use crate::common;
use crate::printed::{ask, assert_prints, pdf_text, print};

use common::{d, holding, memory_register, ACTOR};
use daicho::audit::Entity;
use daicho::deadline::retention::RetentionEvent;
use daicho::model::provision::{
    ProvisionBasis, ProvisionDirection, ProvisionInformation, ProvisionRecordInput,
    ProvisionRetentionRule, RecordingMethod, StatutoryException,
};
use daicho::print::{DocumentKind, PrintFormat};
use daicho::{ErrorKind, FieldErrorCode, Language, Register};

const RECIPIENT: &str = "Global Tracking Network Inc.";
const METHOD: &str = "提供先からの申告（同意取得画面の写しを受領）";

/// Cookie IDs and browsing history sent to an ad-tech company abroad that links them with its
/// members' data: art. 31(1) applies with both confirmations, (i) and (ii).
fn to_abroad() -> ProvisionRecordInput {
    ProvisionRecordInput {
        reference: String::new(),
        direction: ProvisionDirection::Provided,
        basis: ProvisionBasis::ForeignProvision,
        exception: None,
        public_ground: None,
        recording_method: RecordingMethod::Individual,
        provided_on: d("2026-02-01"),
        last_provided_on: None,
        recorded_on: d("2026-02-01"),
        recipient_id: None,
        counterparty_name: RECIPIENT.to_owned(),
        counterparty_address: "100 Market Street, San Francisco, CA, USA".to_owned(),
        counterparty_representative: "Jane Doe, CEO".to_owned(),
        acquisition_circumstances: String::new(),
        opt_out_published: false,
        // The provider cannot identify the persons: no persons, no description (Rules art. 28(1)).
        persons: Vec::new(),
        persons_description: String::new(),
        items: vec!["Cookie ID".to_owned(), "閲覧履歴".to_owned()],
        consent_obtained: true,
        consent_note: String::new(),
        holding_ids: Vec::new(),
        notes: String::new(),
        information: ProvisionInformation::PersonalRelated,
        consent_confirmation_method: METHOD.to_owned(),
        foreign_information_confirmed: true,
    }
}

/// The field errors of a refused write, as `(field, code)` pairs; no message names a value.
fn refusal(register: &Register, input: ProvisionRecordInput) -> Vec<(String, FieldErrorCode)> {
    let error = register
        .create_provision_record(input, ACTOR)
        .expect_err("the write is refused");
    assert_eq!(error.kind(), ErrorKind::Validation, "{error}");
    for field in error.field_errors() {
        assert!(!field.message.contains(RECIPIENT), "{}", field.message);
        assert!(!field.message.contains(METHOD), "{}", field.message);
    }
    error
        .field_errors()
        .iter()
        .map(|f| (f.field.clone(), f.code))
        .collect()
}

#[test]
fn a_provision_abroad_with_both_confirmations_needs_no_persons_and_is_audited() {
    let register = memory_register();
    let record = register
        .create_provision_record(to_abroad(), ACTOR)
        .unwrap();
    assert_eq!(record.fields.reference, "P-0001");
    assert_eq!(
        record.fields.information,
        ProvisionInformation::PersonalRelated
    );

    // The audit entry carries the new fields, so the trail shows what was confirmed and how.
    let history = register
        .history(Entity::ProvisionRecord, &record.id.to_string())
        .unwrap();
    assert_eq!(history.len(), 1);
    let after = |field: &str| {
        history[0]
            .changes
            .iter()
            .find(|c| c.field == field)
            .unwrap_or_else(|| panic!("{field} in the audit entry"))
            .after
            .clone()
    };
    assert_eq!(
        after("information"),
        Some(serde_json::json!("personalRelated"))
    );
    assert_eq!(
        after("consentConfirmationMethod"),
        Some(serde_json::json!(METHOD))
    );
    assert_eq!(
        after("foreignInformationConfirmed"),
        Some(serde_json::json!(true))
    );
    assert!(register.verify().unwrap().is_intact());
}

/// What art. 31 and PPC Rules art. 27 refuse, each on the field that carries it.
#[test]
fn what_art_31_does_not_provide_for_is_refused_on_its_field() {
    let register = memory_register();
    let table: [(&str, ProvisionRecordInput, &str, FieldErrorCode); 7] = [
        (
            // Art. 31(1): no opt-out route for personal-related information (art. 27(2) is for
            // personal data only).
            "opt-out",
            ProvisionRecordInput {
                basis: ProvisionBasis::OptOut,
                ..to_abroad()
            },
            "basis",
            FieldErrorCode::PersonalRelated,
        ),
        (
            // PPC Rules art. 27 knows individual and bulk records only; the contract of art.
            // 19(3) is for personal data. A contract serves as a bulk record (FAQ Q8-13).
            "contract substitute",
            ProvisionRecordInput {
                recording_method: RecordingMethod::ContractSubstitute,
                provided_on: d("2026-01-01"),
                last_provided_on: Some(d("2026-03-31")),
                ..to_abroad()
            },
            "recordingMethod",
            FieldErrorCode::PersonalRelated,
        ),
        (
            // Art. 31(1) binds the provider; a receipt is recorded as personal data (art. 30).
            "received",
            ProvisionRecordInput {
                direction: ProvisionDirection::Received,
                acquisition_circumstances: "Cookie同期により取得".to_owned(),
                ..to_abroad()
            },
            "direction",
            FieldErrorCode::PersonalRelated,
        ),
        (
            // Art. 31(1)(i); Rules art. 28(1)(i): that the consent was confirmed.
            "consent not confirmed",
            ProvisionRecordInput {
                consent_obtained: false,
                ..to_abroad()
            },
            "consentObtained",
            FieldErrorCode::Required,
        ),
        (
            // Rules art. 26: the confirmation is by a declaration or another appropriate method.
            "no method",
            ProvisionRecordInput {
                consent_confirmation_method: "  ".to_owned(),
                ..to_abroad()
            },
            "consentConfirmationMethod",
            FieldErrorCode::Required,
        ),
        (
            // Art. 31(1)(ii); Rules art. 28(1)(i): for a recipient abroad, the art. 28(2)
            // information was given to the person.
            "foreign information not confirmed",
            ProvisionRecordInput {
                foreign_information_confirmed: false,
                ..to_abroad()
            },
            "foreignInformationConfirmed",
            FieldErrorCode::Required,
        ),
        (
            // Art. 31(1): the confirmation comes first for consent within Japan too.
            "domestic without method",
            ProvisionRecordInput {
                basis: ProvisionBasis::Consent,
                foreign_information_confirmed: false,
                consent_confirmation_method: String::new(),
                ..to_abroad()
            },
            "consentConfirmationMethod",
            FieldErrorCode::Required,
        ),
    ];
    for (case, input, field, code) in table {
        let errors = refusal(&register, input);
        assert!(
            errors.iter().any(|(f, c)| f == field && *c == code),
            "{case}: {errors:?}"
        );
    }
    // None of them was written.
    assert!(register
        .provision_records(d("2026-11-23"))
        .unwrap()
        .is_empty());
}

#[test]
fn what_art_31_does_not_ask_for_is_not_required() {
    let (register, numbered) = with_numbers();
    let accepted = [
        // Art. 31(1)(ii) is about a third party in a foreign country only.
        ProvisionRecordInput {
            basis: ProvisionBasis::Consent,
            foreign_information_confirmed: false,
            ..to_abroad()
        },
        // Art. 31(1) main clause: "except in the cases of art. 27(1) items" — no confirmation.
        ProvisionRecordInput {
            basis: ProvisionBasis::StatutoryException,
            exception: Some(StatutoryException::LawsAndRegulations),
            public_ground: None,
            consent_obtained: false,
            consent_confirmation_method: String::new(),
            foreign_information_confirmed: false,
            ..to_abroad()
        },
        // A series recorded once (Rules art. 27(2) proviso), still going on.
        ProvisionRecordInput {
            recording_method: RecordingMethod::Bulk,
            ..to_abroad()
        },
        // Personal-related information is not personal information, so never specific
        // personal information: the Number Act art. 19 check on linked holdings does not reach
        // it (the same record as personal data on consent is refused, see tests/controls.rs).
        ProvisionRecordInput {
            basis: ProvisionBasis::Consent,
            holding_ids: vec![numbered],
            ..to_abroad()
        },
    ];
    for input in accepted {
        register
            .create_provision_record(input.clone(), ACTOR)
            .unwrap_or_else(|e| panic!("{input:?}: {e}"));
    }
    // The same as personal data: the persons are a record item again (Rules art. 20(1)(iii)).
    let errors = refusal(
        &register,
        ProvisionRecordInput {
            information: ProvisionInformation::PersonalData,
            ..to_abroad()
        },
    );
    assert!(errors
        .iter()
        .any(|(f, c)| f == "persons" && *c == FieldErrorCode::Required));
}

fn with_numbers() -> (Register, i64) {
    let register = memory_register();
    let mut input = holding("給与・社会保険台帳");
    input.data_items.push(daicho::model::holding::DataItem {
        id: None,
        name: "個人番号".to_owned(),
        sensitive: false,
        my_number: true,
        purposes: Vec::new(),
        sources: Vec::new(),
    });
    input.number_affairs = vec![daicho::model::holding::NumberAffair {
        kind: daicho::model::holding::NumberAffairKind::Related,
        description: "源泉徴収票の作成".to_owned(),
    }];
    let id = register.create_holding(input, ACTOR).unwrap().id;
    (register, id)
}

/// PPC Rules art. 29: (i) a bulk record (art. 27(2) proviso) is kept until three years counted
/// from the last provision it covers; (ii) any other record three years from the day it was
/// made. Counted as the Civil Code counts: the event day is not counted (art. 140), the
/// period ends on the day before the corresponding day of the last year (art. 143(2)), or on
/// that month's last day when it has none (proviso). Each row worked by hand.
#[test]
fn retention_follows_rules_art_29_counted_the_civil_code_way() {
    // (method, first provision, last provision, recorded on, rule, event, keep until, month end)
    let table = [
        // (ii) made 1 Feb 2026: counted from 2 Feb 2026; 2 Feb 2029 corresponds; the day before.
        (
            RecordingMethod::Individual,
            "2026-02-01",
            None,
            "2026-02-01",
            ProvisionRetentionRule::Rules29ii,
            RetentionEvent::RecordMade,
            Some("2029-02-01"),
            false,
        ),
        // (ii) made 31 Dec 2026 for a provision on 28 Dec: from 1 Jan 2027 to 31 Dec 2029.
        (
            RecordingMethod::Individual,
            "2026-12-28",
            None,
            "2026-12-31",
            ProvisionRetentionRule::Rules29ii,
            RetentionEvent::RecordMade,
            Some("2029-12-31"),
            false,
        ),
        // (ii) made on 29 Feb 2028: counted from 1 Mar 2028; 1 Mar 2031 corresponds, so the
        // period ends 28 Feb 2031 by the main rule, not the proviso.
        (
            RecordingMethod::Individual,
            "2028-02-29",
            None,
            "2028-02-29",
            ProvisionRetentionRule::Rules29ii,
            RetentionEvent::RecordMade,
            Some("2031-02-28"),
            false,
        ),
        // (i) last provision 29 Feb 2028: from 1 Mar 2028, the day before 1 Mar 2031.
        (
            RecordingMethod::Bulk,
            "2027-04-01",
            Some("2028-02-29"),
            "2027-04-01",
            ProvisionRetentionRule::Rules29i,
            RetentionEvent::LastProvision,
            Some("2031-02-28"),
            false,
        ),
        // (i) last provision 28 Feb 2028: counted from 29 Feb 2028; 2031 has no 29 Feb, so the
        // period ends on the last day of February 2031 (art. 143(2) proviso).
        (
            RecordingMethod::Bulk,
            "2027-04-01",
            Some("2028-02-28"),
            "2027-04-01",
            ProvisionRetentionRule::Rules29i,
            RetentionEvent::LastProvision,
            Some("2031-02-28"),
            true,
        ),
        // (i) a basic contract for fiscal 2026 used as the bulk record (FAQ Q8-13): last
        // provision 31 Mar 2027, from 1 Apr 2027 to 31 Mar 2030. The record was made at the
        // start of the period; the day it was made does not count for a bulk record.
        (
            RecordingMethod::Bulk,
            "2026-04-01",
            Some("2027-03-31"),
            "2026-04-01",
            ProvisionRetentionRule::Rules29i,
            RetentionEvent::LastProvision,
            Some("2030-03-31"),
            false,
        ),
        // (i) a series still going on has no end yet.
        (
            RecordingMethod::Bulk,
            "2026-04-01",
            None,
            "2026-04-01",
            ProvisionRetentionRule::Rules29i,
            RetentionEvent::LastProvision,
            None,
            false,
        ),
    ];
    let register = memory_register();
    for (method, first, last, recorded, rule, event, until, month_end) in table {
        let record = register
            .create_provision_record(
                ProvisionRecordInput {
                    recording_method: method,
                    provided_on: d(first),
                    last_provided_on: last.map(d),
                    recorded_on: d(recorded),
                    ..to_abroad()
                },
                ACTOR,
            )
            .unwrap();
        let view = register
            .provision_record(record.id, d("2026-11-23"))
            .unwrap();
        let case = format!("{method:?} {first} {last:?} {recorded}");
        assert_eq!(view.retention_rule, rule, "{case}");
        assert_eq!(view.retain_until, until.map(d), "{case}");
        if let Some(retention) = &view.retention {
            assert_eq!(retention.counted_from, event, "{case}");
            assert_eq!(retention.years, 3, "{case}: three years under art. 29");
            assert_eq!(retention.month_end, month_end, "{case}");
        }
    }

    // The personal-data record beside it keeps citing Rules art. 21 (provision) and its
    // contract-substitute year (art. 21(i)): one year from 31 Mar 2027 ends 31 Mar 2028.
    let contract = register
        .create_provision_record(
            ProvisionRecordInput {
                information: ProvisionInformation::PersonalData,
                recording_method: RecordingMethod::ContractSubstitute,
                provided_on: d("2026-04-01"),
                last_provided_on: Some(d("2027-03-31")),
                recorded_on: d("2026-04-01"),
                persons_description: "会員（約300名）".to_owned(),
                ..to_abroad()
            },
            ACTOR,
        )
        .unwrap();
    let view = register
        .provision_record(contract.id, d("2026-11-23"))
        .unwrap();
    assert_eq!(view.retention_rule, ProvisionRetentionRule::Rules21i);
    assert_eq!(view.retain_until, Some(d("2028-03-31")));
}

#[test]
fn the_document_carries_the_new_fields_and_an_older_one_still_imports() {
    let source = memory_register();
    daicho::demo::load(&source, ACTOR).unwrap();
    source.create_provision_record(to_abroad(), ACTOR).unwrap();
    let exported = daicho::document::export(&source).unwrap();
    let json = serde_json::to_string(&exported).unwrap();
    assert!(json.contains("\"information\":\"personalRelated\""));
    assert!(json.contains("\"foreignInformationConfirmed\":true"));
    let target = memory_register();
    daicho::document::import(&target, &json, ACTOR).unwrap();
    let again = daicho::document::export(&target).unwrap();
    assert_eq!(again.provision_records, exported.provision_records);

    // A document written before art. 31 records existed has none of the three keys: every
    // record reads as personal data, with nothing confirmed.
    let demo = memory_register();
    daicho::demo::load(&demo, ACTOR).unwrap();
    let mut document: serde_json::Value =
        serde_json::to_value(daicho::document::export(&demo).unwrap()).unwrap();
    let records = document["provisionRecords"].as_array_mut().unwrap();
    assert!(!records.is_empty());
    let count = records.len();
    for record in records {
        let record = record.as_object_mut().unwrap();
        for key in [
            "information",
            "consentConfirmationMethod",
            "foreignInformationConfirmed",
        ] {
            assert!(record.remove(key).is_some(), "{key} is exported");
        }
    }
    let older = memory_register();
    let summary = daicho::document::import(&older, &document.to_string(), ACTOR).unwrap();
    assert_eq!(summary.provision_records, count as i64);
    let imported = older.provision_records(d("2026-11-23")).unwrap();
    assert_eq!(imported.len(), count);
    assert!(imported.iter().all(|v| {
        let f = &v.record.fields;
        f.information == ProvisionInformation::PersonalData
            && f.consent_confirmation_method.is_empty()
            && !f.foreign_information_confirmed
    }));
    assert!(older.verify().unwrap().is_intact());
}

/// The provision register prints the record as personal-related, the confirmations of Rules
/// art. 28(1)(i) in place of the persons, and for every record its retention end with how it
/// was counted and under which Rules item.
#[test]
fn the_provision_register_prints_the_kind_the_confirmation_and_how_retention_was_counted() {
    let register = memory_register();
    register
        .save_organisation(common::organisation(), None, ACTOR)
        .unwrap();
    register
        .create_provision_record(to_abroad(), ACTOR)
        .unwrap();
    register
        .create_provision_record(
            ProvisionRecordInput {
                information: ProvisionInformation::PersonalData,
                basis: ProvisionBasis::Consent,
                counterparty_name: "みらい生命保険株式会社".to_owned(),
                persons: vec!["山本 健一".to_owned()],
                provided_on: d("2026-04-10"),
                recorded_on: d("2026-04-10"),
                consent_confirmation_method: String::new(),
                foreign_information_confirmed: false,
                ..to_abroad()
            },
            ACTOR,
        )
        .unwrap();
    let ja = pdf_text(&print(
        &register,
        &ask(
            DocumentKind::ProvisionRecords,
            Language::Ja,
            PrintFormat::Pdf,
        ),
    ));
    assert_prints(
        &ja,
        &[
            "第31条第3項",
            "個人データ又は個人関連情報の項目",
            "【個人関連情報】（法第31条）",
            "提供先における本人の同意取得：確認済",
            METHOD,
            "外国の制度等の情報の本人への提供：確認済",
            "本人は記録事項ではない",
            // Rules art. 29(ii): made 1 Feb 2026, kept until 1 Feb 2029.
            "2029年2月1日",
            "記録の作成日（2026年2月1日）の翌日から起算して3年（規則第29条第2号",
            // The personal-data record: Rules art. 21(iii), made 10 Apr 2026 → 10 Apr 2029.
            "2029年4月10日",
            "記録の作成日（2026年4月10日）の翌日から起算して3年（規則第21条第3号",
            "民法第140条・第143条",
        ],
    );
    let en = pdf_text(&print(
        &register,
        &ask(
            DocumentKind::ProvisionRecords,
            Language::En,
            PrintFormat::Pdf,
        ),
    ));
    assert_prints(
        &en,
        &[
            "[Personal-related information] (art. 31)",
            "Recipient's consent from the person: confirmed",
            "Information on the foreign country's system given to the person: confirmed",
            "persons are not a record item",
            "PPC Rules art. 29(ii)",
            "PPC Rules art. 21(iii)",
        ],
    );
}
