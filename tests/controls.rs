//! Regular recipients, provision and receipt records, security measures, disposals,
//! objections and the data-quality panel.

use crate::common;

use common::{d, holding, memory_register, TempRegister, ACTOR};
use daicho::audit::Entity;
use daicho::model::disposal::{DisposalInput, DisposalMedium};
use daicho::model::holding::{DisposalMethod, RetentionRule, RetentionTrigger};
use daicho::model::measure::{MeasureHeading, MeasureInput};
use daicho::model::objection::ObjectionInput;
use daicho::model::provision::{
    ProvisionBasis, ProvisionDirection, ProvisionRecordInput, RecipientInput, RecordingMethod,
    StatutoryException,
};
use daicho::model::quality::{FindingRule, FindingSection};
use daicho::{ErrorKind, FieldErrorCode, Register};

fn provided(holding_id: i64) -> ProvisionRecordInput {
    ProvisionRecordInput {
        reference: String::new(),
        direction: ProvisionDirection::Provided,
        basis: ProvisionBasis::Consent,
        exception: None,
        public_ground: None,
        recording_method: RecordingMethod::Individual,
        provided_on: d("2026-04-10"),
        last_provided_on: None,
        recorded_on: d("2026-04-10"),
        recipient_id: None,
        counterparty_name: "みらい生命保険株式会社".to_owned(),
        counterparty_address: String::new(),
        counterparty_representative: String::new(),
        acquisition_circumstances: String::new(),
        opt_out_published: false,
        persons: vec!["山本 健一".to_owned()],
        persons_description: String::new(),
        items: vec!["氏名".to_owned()],
        consent_obtained: true,
        consent_note: String::new(),
        holding_ids: vec![holding_id],
        notes: String::new(),
        information: Default::default(),
        consent_confirmation_method: String::new(),
        foreign_information_confirmed: false,
    }
}

fn received(holding_id: i64) -> ProvisionRecordInput {
    ProvisionRecordInput {
        direction: ProvisionDirection::Received,
        counterparty_address: "東京都港区芝浦3-1-1".to_owned(),
        acquisition_circumstances: "入社時に本人から取得".to_owned(),
        ..provided(holding_id)
    }
}

fn recipient(holding_id: i64) -> RecipientInput {
    RecipientInput {
        name: "株式会社みらい製作所".to_owned(),
        address: "東京都港区".to_owned(),
        representative: String::new(),
        purpose: "高額療養費の事業主経由の支給".to_owned(),
        basis: ProvisionBasis::Consent,
        exception: None,
        public_ground: None,
        items: vec!["氏名".to_owned()],
        frequency: "毎月".to_owned(),
        holding_ids: vec![holding_id],
        notes: String::new(),
    }
}

fn disposal(holding_id: i64) -> DisposalInput {
    DisposalInput {
        reference: String::new(),
        holding_id,
        disposed_on: d("2026-05-20"),
        description: "2020年度分".to_owned(),
        covers_through: Some(d("2021-03-31")),
        medium: DisposalMedium::Paper,
        method: DisposalMethod::Shredding,
        method_note: String::new(),
        performed_by: "総務課 田中".to_owned(),
        witness: String::new(),
        vendor: String::new(),
        certificate_ref: String::new(),
        notes: String::new(),
    }
}

fn objection(holding_id: i64) -> ObjectionInput {
    ObjectionInput {
        reference: String::new(),
        person: "記号12 番号7788 木村 達也".to_owned(),
        purpose: "健診結果の保健事業への利用".to_owned(),
        reason: String::new(),
        received_on: d("2026-06-01"),
        in_writing: true,
        applied_on: None,
        applied_by: String::new(),
        holding_ids: vec![holding_id],
        notes: String::new(),
        matter_id: None,
        withdrawn_on: None,
    }
}

fn measure(holding_id: i64, heading: MeasureHeading, title: &str) -> MeasureInput {
    MeasureInput {
        heading,
        title: title.to_owned(),
        description: "説明".to_owned(),
        publishable: true,
        holding_ids: vec![holding_id],
    }
}

fn with_holding() -> (Register, i64) {
    let register = memory_register();
    let id = register
        .create_holding(holding("健診データ"), ACTOR)
        .unwrap()
        .id;
    (register, id)
}

/// The field errors of a refused write, as `(field, code)` pairs.
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

// --- provision records ---------------------------------------------------------------------

#[test]
fn a_provision_record_is_numbered_audited_and_read_back() {
    let (register, h) = with_holding();
    let record = register
        .create_provision_record(provided(h), ACTOR)
        .unwrap();
    assert_eq!(record.fields.reference, "P-0001");
    assert_eq!(record.version, 1);
    let second = register
        .create_provision_record(provided(h), ACTOR)
        .unwrap();
    assert_eq!(second.fields.reference, "P-0002");
    let history = register
        .history(Entity::ProvisionRecord, &record.id.to_string())
        .unwrap();
    assert_eq!(history.len(), 1);
    let view = register
        .provision_record(record.id, d("2026-05-01"))
        .unwrap();
    assert_eq!(view.record, record);
}

#[test]
fn an_exception_is_named_exactly_when_the_basis_is_one() {
    let (register, h) = with_holding();
    let errors = refusal(register.create_provision_record(
        ProvisionRecordInput {
            basis: ProvisionBasis::StatutoryException,
            ..provided(h)
        },
        ACTOR,
    ));
    assert!(has(&errors, "exception", FieldErrorCode::Required));
    let errors = refusal(register.create_provision_record(
        ProvisionRecordInput {
            exception: Some(StatutoryException::PublicHealth),
            public_ground: None,
            ..provided(h)
        },
        ACTOR,
    ));
    assert!(has(&errors, "exception", FieldErrorCode::Malformed));
    register
        .create_provision_record(
            ProvisionRecordInput {
                basis: ProvisionBasis::StatutoryException,
                exception: Some(StatutoryException::LawsAndRegulations),
                public_ground: None,
                consent_obtained: false,
                ..provided(h)
            },
            ACTOR,
        )
        .unwrap();
}

#[test]
fn the_dates_of_a_record_must_hang_together() {
    let (register, h) = with_holding();
    let errors = refusal(register.create_provision_record(
        ProvisionRecordInput {
            last_provided_on: Some(d("2026-05-01")),
            ..provided(h)
        },
        ACTOR,
    ));
    assert!(
        has(&errors, "lastProvidedOn", FieldErrorCode::Malformed),
        "individual with a series"
    );
    let errors = refusal(register.create_provision_record(
        ProvisionRecordInput {
            recording_method: RecordingMethod::Bulk,
            last_provided_on: Some(d("2026-04-01")),
            ..provided(h)
        },
        ACTOR,
    ));
    assert!(has(&errors, "lastProvidedOn", FieldErrorCode::DateOrder));
    let errors = refusal(register.create_provision_record(
        ProvisionRecordInput {
            recorded_on: d("2026-04-09"),
            ..provided(h)
        },
        ACTOR,
    ));
    assert!(has(&errors, "recordedOn", FieldErrorCode::DateOrder));
    // A bulk record may be made before the series starts.
    register
        .create_provision_record(
            ProvisionRecordInput {
                recording_method: RecordingMethod::Bulk,
                recorded_on: d("2026-04-01"),
                ..provided(h)
            },
            ACTOR,
        )
        .unwrap();
    let errors = refusal(register.create_provision_record(
        ProvisionRecordInput {
            provided_on: d("1899-01-01"),
            recorded_on: d("1899-01-01"),
            ..provided(h)
        },
        ACTOR,
    ));
    assert!(has(&errors, "providedOn", FieldErrorCode::OutOfRange));
}

#[test]
fn a_receipt_records_the_confirmation_items() {
    let (register, h) = with_holding();
    let errors = refusal(register.create_provision_record(
        ProvisionRecordInput {
            counterparty_address: String::new(),
            acquisition_circumstances: "  ".to_owned(),
            ..received(h)
        },
        ACTOR,
    ));
    assert!(has(
        &errors,
        "counterpartyAddress",
        FieldErrorCode::Required
    ));
    assert!(has(
        &errors,
        "acquisitionCircumstances",
        FieldErrorCode::Required
    ));
    let errors = refusal(register.create_provision_record(
        ProvisionRecordInput {
            basis: ProvisionBasis::OptOut,
            ..received(h)
        },
        ACTOR,
    ));
    assert!(has(&errors, "optOutPublished", FieldErrorCode::Required));
    register
        .create_provision_record(
            ProvisionRecordInput {
                basis: ProvisionBasis::OptOut,
                opt_out_published: true,
                consent_obtained: false,
                ..received(h)
            },
            ACTOR,
        )
        .unwrap();
    // A provision needs neither.
    register
        .create_provision_record(
            ProvisionRecordInput {
                basis: ProvisionBasis::OptOut,
                consent_obtained: false,
                ..provided(h)
            },
            ACTOR,
        )
        .unwrap();
}

#[test]
fn counterparty_persons_items_and_consent_are_required() {
    let (register, h) = with_holding();
    let errors = refusal(register.create_provision_record(
        ProvisionRecordInput {
            counterparty_name: String::new(),
            persons: Vec::new(),
            items: Vec::new(),
            consent_obtained: false,
            ..provided(h)
        },
        ACTOR,
    ));
    assert!(has(&errors, "counterpartyName", FieldErrorCode::Required));
    assert!(has(&errors, "persons", FieldErrorCode::Required));
    assert!(has(&errors, "items", FieldErrorCode::Required));
    assert!(has(&errors, "consentObtained", FieldErrorCode::Required));
    let errors = refusal(register.create_provision_record(
        ProvisionRecordInput {
            persons: vec!["山本".to_owned(), "山本".to_owned()],
            items: vec!["氏名".to_owned(), "x".repeat(201)],
            counterparty_name: "x".repeat(201),
            ..provided(h)
        },
        ACTOR,
    ));
    assert!(has(&errors, "persons[1]", FieldErrorCode::Duplicate));
    assert!(has(&errors, "items[1]", FieldErrorCode::TooLong));
    assert!(has(&errors, "counterpartyName", FieldErrorCode::TooLong));
    // Persons described rather than listed are enough.
    register
        .create_provision_record(
            ProvisionRecordInput {
                persons: Vec::new(),
                persons_description: "2025年度受診者".to_owned(),
                ..provided(h)
            },
            ACTOR,
        )
        .unwrap();
}

#[test]
fn links_must_point_at_records_that_exist_and_fit() {
    let (register, h) = with_holding();
    let errors = refusal(register.create_provision_record(
        ProvisionRecordInput {
            holding_ids: vec![h, 999, h],
            recipient_id: Some(77),
            ..provided(h)
        },
        ACTOR,
    ));
    assert!(has(&errors, "holdingIds[1]", FieldErrorCode::Malformed));
    assert!(has(&errors, "holdingIds[2]", FieldErrorCode::Duplicate));
    assert!(has(&errors, "recipientId", FieldErrorCode::Malformed));
    let regular = register.create_recipient(recipient(h), ACTOR).unwrap();
    let errors = refusal(register.create_provision_record(
        ProvisionRecordInput {
            recipient_id: Some(regular.id),
            ..received(h)
        },
        ACTOR,
    ));
    assert!(
        has(&errors, "recipientId", FieldErrorCode::Malformed),
        "a receipt names no recipient"
    );
    let first = register
        .create_provision_record(provided(h), ACTOR)
        .unwrap();
    let errors = refusal(register.create_provision_record(
        ProvisionRecordInput {
            reference: first.fields.reference.clone(),
            ..provided(h)
        },
        ACTOR,
    ));
    assert!(has(&errors, "reference", FieldErrorCode::Duplicate));
}

#[test]
fn retention_follows_the_recording_method() {
    // Rules art. 21: individual records 3 years from the day made; bulk 3 years and contract
    // substitutes 1 year from the last provision covered; the day of the event is not counted
    // and the period ends on its corresponding day (Civil Code arts. 140, 143; the PPC's FAQ).
    let (register, h) = with_holding();
    let individual = register
        .create_provision_record(
            ProvisionRecordInput {
                recorded_on: d("2026-04-12"),
                ..provided(h)
            },
            ACTOR,
        )
        .unwrap();
    let bulk = register
        .create_provision_record(
            ProvisionRecordInput {
                recording_method: RecordingMethod::Bulk,
                provided_on: d("2025-04-01"),
                last_provided_on: Some(d("2026-03-31")),
                recorded_on: d("2025-04-01"),
                ..provided(h)
            },
            ACTOR,
        )
        .unwrap();
    let contract = register
        .create_provision_record(
            ProvisionRecordInput {
                recording_method: RecordingMethod::ContractSubstitute,
                provided_on: d("2024-02-01"),
                last_provided_on: Some(d("2024-02-29")),
                recorded_on: d("2024-01-20"),
                ..provided(h)
            },
            ACTOR,
        )
        .unwrap();
    let continuing = register
        .create_provision_record(
            ProvisionRecordInput {
                recording_method: RecordingMethod::Bulk,
                ..provided(h)
            },
            ACTOR,
        )
        .unwrap();
    let today = d("2026-06-01");
    let until = |id| register.provision_record(id, today).unwrap();
    // Made 2026-04-12: 起算日 4/13, kept through 2029-04-12.
    assert_eq!(until(individual.id).retain_until, Some(d("2029-04-12")));
    // Last provision 2026-03-31: 起算日 4/1, three whole years to 2029-03-31 (art. 143(1)).
    assert_eq!(until(bulk.id).retain_until, Some(d("2029-03-31")));
    // Last provision 29 February 2024: 起算日 1 March 2024, the day before 1 March 2025.
    assert_eq!(until(contract.id).retain_until, Some(d("2025-02-28")));
    let explained = until(individual.id).retention.expect("an explanation");
    assert_eq!(
        explained.counted_from,
        daicho::deadline::RetentionEvent::RecordMade
    );
    assert_eq!(
        (explained.event, explained.first_day, explained.past_from),
        (d("2026-04-12"), d("2026-04-13"), d("2029-04-13"))
    );
    assert_eq!(
        until(contract.id).retention.map(|r| r.counted_from),
        Some(daicho::deadline::RetentionEvent::LastProvision)
    );
    assert_eq!(until(continuing.id).retention, None);
    assert!(until(contract.id).past_retention);
    assert!(!until(individual.id).past_retention);
    assert_eq!(until(continuing.id).retain_until, None);
    assert!(!until(continuing.id).past_retention);
    // The last day itself is still within retention.
    assert!(
        !register
            .provision_record(contract.id, d("2025-02-28"))
            .unwrap()
            .past_retention
    );
    assert!(
        register
            .provision_record(contract.id, d("2025-03-01"))
            .unwrap()
            .past_retention
    );

    let findings = register.findings(today).unwrap();
    let past: Vec<_> = findings
        .iter()
        .filter(|f| f.rule == FindingRule::ProvisionPastRetention)
        .collect();
    assert_eq!(past.len(), 1);
    assert_eq!(past[0].record_id, contract.id);
    assert_eq!(past[0].section, FindingSection::ProvisionRecord);
    assert_eq!(past[0].params["retainUntil"], "2025-02-28");
}

#[test]
fn every_record_about_one_person_is_extracted() {
    let (register, h) = with_holding();
    let a = register
        .create_provision_record(
            ProvisionRecordInput {
                persons: vec![
                    "記号12 番号3456 山本　健一".to_owned(),
                    "小川 真理子".to_owned(),
                ],
                ..provided(h)
            },
            ACTOR,
        )
        .unwrap();
    let b = register
        .create_provision_record(received(h), ACTOR)
        .unwrap();
    register
        .create_provision_record(
            ProvisionRecordInput {
                persons: vec!["小川 真理子".to_owned()],
                ..provided(h)
            },
            ACTOR,
        )
        .unwrap();
    let today = d("2026-06-01");
    let found: Vec<i64> = register
        .provision_records_about("山本健一", today)
        .unwrap()
        .iter()
        .map(|v| v.record.id)
        .collect();
    assert_eq!(found.len(), 2);
    assert!(found.contains(&a.id) && found.contains(&b.id));
    assert!(register
        .provision_records_about("  ", today)
        .unwrap()
        .is_empty());
    assert!(register
        .provision_records_about("佐藤", today)
        .unwrap()
        .is_empty());
}

#[test]
fn an_edit_from_a_stale_version_is_refused_and_a_good_one_keeps_the_reference() {
    let (register, h) = with_holding();
    let record = register
        .create_provision_record(provided(h), ACTOR)
        .unwrap();
    let changed = register
        .update_provision_record(
            record.id,
            1,
            ProvisionRecordInput {
                reference: String::new(),
                notes: "本人の依頼書あり".to_owned(),
                ..provided(h)
            },
            ACTOR,
        )
        .unwrap();
    assert_eq!(changed.fields.reference, "P-0001");
    assert_eq!(changed.version, 2);
    let stale = register.update_provision_record(record.id, 1, provided(h), ACTOR);
    assert_eq!(stale.unwrap_err().kind(), ErrorKind::Conflict);
    let history = register
        .history(Entity::ProvisionRecord, &record.id.to_string())
        .unwrap();
    assert_eq!(history.len(), 2);
    assert!(history[0].changes.iter().any(|c| c.field == "notes"));
    register
        .delete_provision_record(record.id, 2, ACTOR)
        .unwrap();
    let gone = register.provision_record(record.id, d("2026-06-01"));
    assert_eq!(gone.unwrap_err().kind(), ErrorKind::NotFound);
}

// --- regular recipients ------------------------------------------------------------------

#[test]
fn a_recipient_needs_a_name_purpose_items_and_a_fitting_exception() {
    let (register, h) = with_holding();
    let errors = refusal(register.create_recipient(
        RecipientInput {
            name: " ".to_owned(),
            purpose: String::new(),
            items: Vec::new(),
            basis: ProvisionBasis::StatutoryException,
            holding_ids: vec![h, h],
            ..recipient(h)
        },
        ACTOR,
    ));
    assert!(has(&errors, "name", FieldErrorCode::Required));
    assert!(has(&errors, "purpose", FieldErrorCode::Required));
    assert!(has(&errors, "items", FieldErrorCode::Required));
    assert!(has(&errors, "exception", FieldErrorCode::Required));
    assert!(has(&errors, "holdingIds[1]", FieldErrorCode::Duplicate));
    let errors = refusal(register.create_recipient(
        RecipientInput {
            exception: Some(StatutoryException::LifeBodyProperty),
            public_ground: None,
            ..recipient(h)
        },
        ACTOR,
    ));
    assert!(has(&errors, "exception", FieldErrorCode::Malformed));
}

#[test]
fn a_recipient_that_records_name_cannot_be_deleted() {
    let (register, h) = with_holding();
    let regular = register.create_recipient(recipient(h), ACTOR).unwrap();
    let record = register
        .create_provision_record(
            ProvisionRecordInput {
                recipient_id: Some(regular.id),
                ..provided(h)
            },
            ACTOR,
        )
        .unwrap();
    let error = register.delete_recipient(regular.id, 1, ACTOR).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::InUse);
    assert_eq!(error.references(), ["P-0001".to_owned()]);
    register
        .delete_provision_record(record.id, 1, ACTOR)
        .unwrap();
    register.delete_recipient(regular.id, 1, ACTOR).unwrap();
    assert!(register.recipients().unwrap().is_empty());
}

// --- measures ----------------------------------------------------------------------------

#[test]
fn measures_are_listed_in_the_guideline_order() {
    let (register, h) = with_holding();
    register
        .create_measure(measure(h, MeasureHeading::Technical, "アクセス制御"), ACTOR)
        .unwrap();
    register
        .create_measure(measure(h, MeasureHeading::BasicPolicy, "基本方針"), ACTOR)
        .unwrap();
    register
        .create_measure(
            MeasureInput {
                publishable: false,
                ..measure(h, MeasureHeading::Physical, "入退室管理")
            },
            ACTOR,
        )
        .unwrap();
    let titles: Vec<String> = register
        .measures()
        .unwrap()
        .into_iter()
        .map(|m| m.fields.title)
        .collect();
    assert_eq!(titles, ["基本方針", "入退室管理", "アクセス制御"]);
    let errors = refusal(register.create_measure(
        MeasureInput {
            title: String::new(),
            description: "x".repeat(4001),
            holding_ids: vec![404],
            ..measure(h, MeasureHeading::Personnel, "")
        },
        ACTOR,
    ));
    assert!(has(&errors, "title", FieldErrorCode::Required));
    assert!(has(&errors, "description", FieldErrorCode::TooLong));
    assert!(has(&errors, "holdingIds[0]", FieldErrorCode::Malformed));
}

// --- disposals ---------------------------------------------------------------------------

#[test]
fn a_disposal_records_its_proof() {
    let (register, h) = with_holding();
    let errors = refusal(register.create_disposal(
        DisposalInput {
            method: DisposalMethod::Outsourced,
            performed_by: String::new(),
            ..disposal(h)
        },
        ACTOR,
    ));
    assert!(has(&errors, "vendor", FieldErrorCode::Required));
    assert!(has(&errors, "certificateRef", FieldErrorCode::Required));
    assert!(has(&errors, "performedBy", FieldErrorCode::Required));
    let errors = refusal(register.create_disposal(
        DisposalInput {
            method: DisposalMethod::Other,
            covers_through: Some(d("2026-05-21")),
            holding_id: 999,
            ..disposal(h)
        },
        ACTOR,
    ));
    assert!(has(&errors, "methodNote", FieldErrorCode::NeedsNote));
    assert!(has(&errors, "coversThrough", FieldErrorCode::DateOrder));
    assert!(has(&errors, "holdingId", FieldErrorCode::Malformed));
    let stored = register
        .create_disposal(
            DisposalInput {
                method: DisposalMethod::Outsourced,
                vendor: "株式会社セキュアリサイクル".to_owned(),
                certificate_ref: "SR-2026-001".to_owned(),
                ..disposal(h)
            },
            ACTOR,
        )
        .unwrap();
    assert_eq!(stored.fields.reference, "D-0001");
}

fn with_retention(register: &Register, trigger: RetentionTrigger, years: u32) -> i64 {
    register
        .create_holding(
            daicho::model::holding::HoldingInput {
                retention: Some(RetentionRule {
                    years,
                    months: 0,
                    trigger,
                    trigger_note: String::new(),
                    legal_basis: String::new(),
                }),
                ..holding("支給決定通知書（控）")
            },
            ACTOR,
        )
        .unwrap()
        .id
}

#[test]
fn holdings_whose_retention_ran_out_are_due_until_a_disposal_covers_them() {
    let register = memory_register();
    let fiscal = with_retention(
        &register,
        daicho::model::holding::RetentionTrigger::FiscalYearEnd,
        5,
    );
    let acquired = with_retention(&register, RetentionTrigger::Acquisition, 3);
    let leaving = with_retention(&register, RetentionTrigger::LeavingService, 5);
    // With no disposal recorded, a holding registered today cannot hold data that old.
    let today = daicho::clock::today();
    assert!(register.disposals_due(today).unwrap().is_empty());

    let fiscal_holding = register.holding(fiscal).unwrap();
    // Five years from the end of fiscal 2020 (31 March 2021) run from 1 April 2021 to the end
    // of 31 March 2026 (Civil Code arts. 140, 143(1)): fiscal 2020 is due from 1 April 2026.
    assert_eq!(
        daicho::expired_through(&fiscal_holding, d("2026-03-30")),
        Some(d("2020-03-31"))
    );
    assert_eq!(
        daicho::expired_through(&fiscal_holding, d("2026-03-31")),
        Some(d("2020-03-31"))
    );
    assert_eq!(
        daicho::expired_through(&fiscal_holding, d("2026-04-01")),
        Some(d("2021-03-31"))
    );
    assert_eq!(
        daicho::expired_through(&fiscal_holding, d("2026-11-23")),
        Some(d("2021-03-31"))
    );
    let acquired_holding = register.holding(acquired).unwrap();
    // Three years from acquisition on 14 June 2023 run to the end of 14 June 2026; data from
    // 15 June 2023 is kept through 15 June 2026.
    assert_eq!(
        daicho::expired_through(&acquired_holding, d("2026-06-15")),
        Some(d("2023-06-14"))
    );
    assert_eq!(
        daicho::expired_through(&register.holding(leaving).unwrap(), today),
        None
    );

    // A disposal that covered fiscal 2019 leaves fiscal 2020 due.
    let older = register
        .create_disposal(
            DisposalInput {
                covers_through: Some(d("2020-03-31")),
                ..disposal(fiscal)
            },
            ACTOR,
        )
        .unwrap();
    let due = register.disposals_due(d("2026-11-23")).unwrap();
    assert_eq!(due.len(), 1);
    assert_eq!(due[0].holding_id, fiscal);
    assert_eq!(due[0].expired_through, d("2021-03-31"));
    let explained = &due[0].retention;
    assert_eq!(
        explained.counted_from,
        daicho::deadline::RetentionEvent::FiscalYearEnd
    );
    assert_eq!(
        (explained.first_day, explained.until, explained.past_from),
        (d("2021-04-01"), d("2026-03-31"), d("2026-04-01"))
    );
    assert_eq!(due[0].last_covered_through, Some(d("2020-03-31")));
    assert_eq!(due[0].last_disposal_id, Some(older.id));
    let findings = register.findings(d("2026-11-23")).unwrap();
    assert!(findings
        .iter()
        .any(|f| f.rule == FindingRule::DueForDisposal
            && f.record_id == fiscal
            && f.params["expiredThrough"] == "2021-03-31"));

    register.create_disposal(disposal(fiscal), ACTOR).unwrap();
    assert!(register.disposals_due(d("2026-11-23")).unwrap().is_empty());
}

// --- objections --------------------------------------------------------------------------

#[test]
fn an_objection_needs_a_person_and_purpose_and_is_flagged_until_applied() {
    let (register, h) = with_holding();
    let errors = refusal(register.create_objection(
        ObjectionInput {
            person: String::new(),
            purpose: " ".to_owned(),
            applied_on: Some(d("2026-05-31")),
            ..objection(h)
        },
        ACTOR,
    ));
    assert!(has(&errors, "person", FieldErrorCode::Required));
    assert!(has(&errors, "purpose", FieldErrorCode::Required));
    assert!(has(&errors, "appliedOn", FieldErrorCode::DateOrder));
    assert!(has(&errors, "appliedBy", FieldErrorCode::Required));
    let pending = register.create_objection(objection(h), ACTOR).unwrap();
    assert_eq!(pending.fields.reference, "O-0001");
    let flagged = |register: &Register| {
        register
            .findings(d("2026-06-10"))
            .unwrap()
            .into_iter()
            .filter(|f| f.rule == FindingRule::ObjectionNotApplied)
            .map(|f| f.record_id)
            .collect::<Vec<_>>()
    };
    assert_eq!(flagged(&register), [pending.id]);
    register
        .update_objection(
            pending.id,
            1,
            ObjectionInput {
                applied_on: Some(d("2026-06-05")),
                applied_by: "給付グループ 中村".to_owned(),
                ..objection(h)
            },
            ACTOR,
        )
        .unwrap();
    assert!(flagged(&register).is_empty());
}

// --- holdings, the panel, verify and the document ---------------------------------------

#[test]
fn a_holding_these_records_name_cannot_be_deleted_and_the_refusal_names_them() {
    let (register, h) = with_holding();
    register
        .create_provision_record(provided(h), ACTOR)
        .unwrap();
    register.create_recipient(recipient(h), ACTOR).unwrap();
    register
        .create_measure(measure(h, MeasureHeading::Physical, "施錠保管"), ACTOR)
        .unwrap();
    register.create_disposal(disposal(h), ACTOR).unwrap();
    register.create_objection(objection(h), ACTOR).unwrap();
    let error = register.delete_holding(h, 1, ACTOR).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::InUse);
    let message = error.to_string();
    for expected in [
        "P-0001",
        "株式会社みらい製作所",
        "施錠保管",
        "D-0001",
        "O-0001",
    ] {
        assert!(message.contains(expected), "{message}");
        assert!(error.references().iter().any(|r| r == expected));
    }
    assert!(register.holding(h).is_ok());
}

#[test]
fn the_panel_lists_incomplete_and_stale_holdings() {
    let register = memory_register();
    let complete = register
        .create_holding(
            daicho::model::holding::HoldingInput {
                disposal_method: Some(DisposalMethod::Shredding),
                last_review: Some(d("2026-04-01")),
                next_review: Some(d("2027-04-01")),
                ..holding("完全な台帳")
            },
            ACTOR,
        )
        .unwrap();
    let incomplete = register
        .create_holding(
            daicho::model::holding::HoldingInput {
                retention: None,
                disposal_method: None,
                access_holders: Vec::new(),
                manager: String::new(),
                last_review: Some(d("2025-05-31")),
                next_review: None,
                ..holding("不完全な台帳")
            },
            ACTOR,
        )
        .unwrap();
    let never_reviewed = register
        .create_holding(
            daicho::model::holding::HoldingInput {
                disposal_method: Some(DisposalMethod::Shredding),
                last_review: None,
                next_review: None,
                ..holding("未点検の台帳")
            },
            ACTOR,
        )
        .unwrap();
    let findings = register.findings(d("2026-06-01")).unwrap();
    let rules_for = |id| {
        findings
            .iter()
            .filter(|f| f.record_id == id && f.section == FindingSection::Holding)
            .map(|f| f.rule)
            .collect::<Vec<_>>()
    };
    assert!(rules_for(complete.id).is_empty(), "{findings:?}");
    assert_eq!(
        rules_for(incomplete.id),
        [
            FindingRule::NoRetentionRule,
            FindingRule::NoDisposalMethod,
            FindingRule::NoAccessHolders,
            FindingRule::NoManager,
            FindingRule::ReviewOverdue,
        ]
    );
    let overdue = findings
        .iter()
        .find(|f| f.record_id == incomplete.id && f.rule == FindingRule::ReviewOverdue)
        .unwrap();
    assert_eq!(overdue.params["lastReview"], "2025-05-31");
    assert_eq!(
        overdue.record_label,
        format!("{} 不完全な台帳", incomplete.fields.ledger_no)
    );
    assert_eq!(rules_for(never_reviewed.id), [FindingRule::ReviewOverdue]);
    // Exactly one year is not yet more than a year.
    let a_year = register.findings(d("2026-05-31")).unwrap();
    assert!(!a_year
        .iter()
        .any(|f| f.record_id == incomplete.id && f.rule == FindingRule::ReviewOverdue));
}

#[test]
fn the_demo_fills_every_section_and_its_flags() {
    let register = memory_register();
    daicho::demo::load(&register, ACTOR).unwrap();
    let today = daicho::clock::today();
    assert_eq!(register.recipients().unwrap().len(), 2);
    let records = register.provision_records(today).unwrap();
    assert_eq!(records.len(), 6);
    assert!(records
        .iter()
        .any(|r| r.record.fields.direction == ProvisionDirection::Received));
    assert!(records
        .iter()
        .any(|r| r.record.fields.recording_method == RecordingMethod::Bulk));
    let measures = register.measures().unwrap();
    for heading in MeasureHeading::ALL {
        assert!(
            measures.iter().any(|m| m.fields.heading == *heading),
            "{heading:?}"
        );
    }
    assert!(measures.iter().any(|m| !m.fields.publishable));
    assert_eq!(register.disposals().unwrap().len(), 3);
    assert_eq!(register.disposals_due(today).unwrap().len(), 1);
    assert_eq!(register.objections().unwrap().len(), 3);
    assert_eq!(
        register
            .provision_records_about("山本健一", today)
            .unwrap()
            .len(),
        4
    );
    let rules: Vec<FindingRule> = register
        .findings(today)
        .unwrap()
        .into_iter()
        .map(|f| f.rule)
        .collect();
    for rule in [
        FindingRule::NoRetentionRule,
        FindingRule::DueForDisposal,
        FindingRule::ProvisionPastRetention,
        FindingRule::ObjectionNotApplied,
    ] {
        assert!(rules.contains(&rule), "{rule:?} in {rules:?}");
    }
    assert!(register.verify().unwrap().is_intact());
}

#[test]
fn verify_names_a_record_of_each_section_edited_behind_the_apps_back() {
    let temp = TempRegister::new();
    {
        let register = temp.open();
        daicho::demo::load(&register, ACTOR).unwrap();
        assert!(register.verify().unwrap().is_intact());
    }
    let raw = temp.raw();
    for sql in [
        "UPDATE regular_recipient SET purpose = 'x' WHERE id = 1",
        "UPDATE provision_record SET persons = '[]' WHERE id = 1",
        "UPDATE security_measure SET publishable = 0 WHERE id = 1",
        "DELETE FROM disposal WHERE id = 1",
        "UPDATE objection SET applied_on = NULL WHERE id = 1",
    ] {
        raw.execute(sql, []).unwrap();
    }
    raw.execute(
        "DELETE FROM security_measure_holding WHERE owner_id = 3",
        [],
    )
    .unwrap();
    drop(raw);
    let report = temp.open().verify().unwrap();
    let named: Vec<(String, String)> = report
        .altered_records
        .iter()
        .map(|a| (a.entity.clone(), a.entity_id.clone()))
        .collect();
    for expected in [
        ("recipient", "1"),
        ("provisionRecord", "1"),
        ("measure", "1"),
        ("measure", "3"),
        ("disposal", "1"),
        ("objection", "1"),
    ] {
        assert!(
            named.contains(&(expected.0.to_owned(), expected.1.to_owned())),
            "{expected:?} in {named:?}"
        );
    }
}

#[test]
fn the_document_carries_every_section_and_round_trips() {
    let source = memory_register();
    daicho::demo::load(&source, ACTOR).unwrap();
    let exported = daicho::document::export(&source).unwrap();
    assert_eq!(exported.provision_records.len(), 6);
    assert_eq!(exported.recipients.len(), 2);
    assert_eq!(exported.measures.len(), 14);
    assert_eq!(exported.disposals.len(), 3);
    assert_eq!(exported.objections.len(), 3);
    let target = memory_register();
    let summary =
        daicho::document::import(&target, &serde_json::to_string(&exported).unwrap(), ACTOR)
            .unwrap();
    assert_eq!(
        (
            summary.recipients,
            summary.provision_records,
            summary.measures,
            summary.disposals,
            summary.objections
        ),
        (2, 6, 14, 3, 3)
    );
    let again = daicho::document::export(&target).unwrap();
    assert_eq!(again.recipients, exported.recipients);
    assert_eq!(again.provision_records, exported.provision_records);
    assert_eq!(again.measures, exported.measures);
    assert_eq!(again.disposals, exported.disposals);
    assert_eq!(again.objections, exported.objections);
    assert!(target.verify().unwrap().is_intact());
    // Numbering carries on after the imported references.
    // A holding without Individual Numbers: the others cannot be provided on consent.
    let h = again
        .holdings
        .iter()
        .find(|h| !h.has_my_number())
        .unwrap()
        .id;
    let next = target.create_provision_record(provided(h), ACTOR).unwrap();
    assert_eq!(next.fields.reference, "P-0007");
}

#[test]
fn an_import_names_the_record_and_field_of_each_problem_and_writes_nothing() {
    let source = memory_register();
    daicho::demo::load(&source, ACTOR).unwrap();
    let mut document: serde_json::Value =
        serde_json::to_value(daicho::document::export(&source).unwrap()).unwrap();
    document["provisionRecords"][0]["exception"] = "lawsAndRegulations".into();
    document["provisionRecords"][1]["recipientId"] = 999.into();
    document["measures"][2]["heading"] = "cosmic".into();
    document["disposals"][0]["holdingId"] = 4242.into();
    document["objections"][1]["appliedOn"] = "2000-01-01".into();
    document["recipients"][0]["holdingIds"] = serde_json::json!([31337]);
    let target = memory_register();
    let error = daicho::document::import(&target, &document.to_string(), ACTOR).unwrap_err();
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
        ("provisionRecords[0]", "exception"),
        ("provisionRecords[1]", "recipientId"),
        ("measures[2]", "heading"),
        ("disposals[0]", "holdingId"),
        ("objections[1]", "appliedOn"),
        ("recipients[0]", "holdingIds[0]"),
    ] {
        assert!(
            problems.contains(&(expected.0.to_owned(), expected.1.to_owned())),
            "{expected:?} in {problems:?}"
        );
    }
    assert!(target.is_empty().unwrap());
}

// --- Individual Numbers (番号法) ---------------------------------------------------------------

/// A holding with an Individual Number item, its affairs recorded.
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

/// Which bases a record of specific personal information may rest on. Number Act art. 19 lists
/// the only cases in which it may be provided, art. 20 the only ones in which it may be
/// collected and kept: the APPI's consent (art. 27(1)) and opt-out (art. 27(2)) are not among
/// them. An art. 27(1) exception or a foreign provision may coincide with an art. 19 case
/// (a statutory report, an entrustment), which the officer judges.
#[test]
fn a_provision_of_individual_numbers_on_consent_or_opt_out_is_refused_citing_art_19() {
    let table = [
        // (basis, refused, citing)
        (ProvisionBasis::Consent, true, "art. 19"), // 番号法第19条: no consent case
        (ProvisionBasis::OptOut, true, "art. 19"),  // 番号法第19条: no opt-out case
        // Reports under law (個人番号関係事務) are art. 19 cases; the officer names them.
        (ProvisionBasis::StatutoryException, false, ""),
        // Decided by the art. 19 case (e.g. an entrustment), not by the basis.
        (ProvisionBasis::ForeignProvision, false, ""),
    ];
    let (register, numbered) = with_numbers();
    let plain = register
        .create_holding(holding("健診データ"), ACTOR)
        .unwrap()
        .id;
    for (basis, refused, citing) in table {
        let exception = (basis == ProvisionBasis::StatutoryException)
            .then_some(StatutoryException::LawsAndRegulations);
        let input = ProvisionRecordInput {
            basis,
            exception,
            opt_out_published: true,
            ..provided(numbered)
        };
        let result = register.create_provision_record(input.clone(), ACTOR);
        let recipient_result = register.create_recipient(
            RecipientInput {
                basis,
                exception,
                ..recipient(numbered)
            },
            ACTOR,
        );
        if refused {
            for error in [result.unwrap_err(), recipient_result.unwrap_err()] {
                let field = error
                    .field_errors()
                    .iter()
                    .find(|f| f.field == "basis" && f.code == FieldErrorCode::NumberAct)
                    .unwrap_or_else(|| panic!("{basis:?}: {error}"));
                assert!(field.message.contains(citing), "{}", field.message);
                assert!(field.message.contains("Number Act"));
            }
            // The same record about a holding without Individual Numbers is fine.
            register
                .create_provision_record(
                    ProvisionRecordInput {
                        holding_ids: vec![plain],
                        ..input
                    },
                    ACTOR,
                )
                .unwrap();
        } else {
            result.unwrap_or_else(|e| panic!("{basis:?}: {e}"));
            recipient_result.unwrap_or_else(|e| panic!("{basis:?}: {e}"));
        }
    }
    // Receiving specific personal information on consent is collecting it: art. 20.
    let error = register
        .create_provision_record(received(numbered), ACTOR)
        .unwrap_err();
    let field = &error.field_errors()[0];
    assert_eq!(
        (field.field.as_str(), field.code),
        ("basis", FieldErrorCode::NumberAct)
    );
    assert!(field.message.contains("art. 20"), "{}", field.message);
    assert!(!field.message.contains("個人番号"), "names no value");
}

#[test]
fn an_individual_number_item_cannot_join_a_holding_provided_on_consent() {
    let (register, id) = with_holding();
    let record = register
        .create_provision_record(provided(id), ACTOR)
        .unwrap();
    let holding = register.holding(id).unwrap();
    let mut input = holding.fields.clone();
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
    let error = register
        .update_holding(id, holding.version, input, ACTOR)
        .unwrap_err();
    let field = &error.field_errors()[0];
    assert_eq!(
        (field.field.as_str(), field.code),
        ("dataItems", FieldErrorCode::NumberAct)
    );
    assert!(field.message.contains("art. 19"));
    assert!(field.message.contains(&record.fields.reference));
}
