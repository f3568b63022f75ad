//! The JSON register document: export, import into an empty register, and refusals.

use crate::common;

use common::{d, holding, memory_register, ACTOR};
use daicho::model::deadline_settings::DeadlineSettingsInput;
use daicho::ErrorKind;
use serde_json::Value;

fn demo_export() -> String {
    let register = memory_register();
    daicho::demo::load(&register, ACTOR).unwrap();
    serde_json::to_string(&daicho::document::export(&register).unwrap()).unwrap()
}

#[test]
fn importing_an_export_into_an_empty_register_reproduces_it() {
    let source = memory_register();
    daicho::demo::load(&source, ACTOR).unwrap();
    // Make ids non-trivial: a deletion leaves a gap the import must keep. Every demo holding
    // is named by other records, so the gap comes from a holding added for the purpose.
    let extra = source.create_holding(holding("削除予定"), ACTOR).unwrap();
    source.create_holding(holding("追加台帳"), ACTOR).unwrap();
    source
        .delete_holding(extra.id, extra.version, ACTOR)
        .unwrap();
    let settings = DeadlineSettingsInput {
        closed_dates: vec![d("2026-06-15")],
        ..DeadlineSettingsInput::default()
    };
    source
        .save_deadline_settings(settings, None, ACTOR)
        .unwrap();
    let exported = daicho::document::export(&source).unwrap();
    assert_eq!(exported.requests.len(), 4);
    assert_eq!(exported.complaints.len(), 2);
    assert_eq!(exported.incidents.len(), 3);
    assert!(exported.incidents.iter().all(|i| !i.timeline.is_empty()));

    let target = memory_register();
    let summary =
        daicho::document::import(&target, &serde_json::to_string(&exported).unwrap(), ACTOR)
            .unwrap();
    assert_eq!(summary.holdings, exported.holdings.len() as i64);
    assert_eq!((summary.requests, summary.complaints), (4, 2));
    assert!(summary.organisation && summary.deadline_settings);
    let reimported = daicho::document::export(&target).unwrap();
    assert_eq!(reimported.organisation, exported.organisation);
    assert_eq!(reimported.deadline_settings, exported.deadline_settings);
    assert_eq!(reimported.holdings, exported.holdings);
    assert_eq!(
        reimported.requests, exported.requests,
        "ids, versions, pauses and timelines"
    );
    assert_eq!(reimported.complaints, exported.complaints);
    assert_eq!(
        reimported.incidents, exported.incidents,
        "ids, filings, notices and timelines"
    );
    assert_eq!(summary.incidents, 3);
    assert!(target.verify().unwrap().is_intact());

    // The imported register carries on: the paused request's pause can be ended, and new
    // records continue the numbering.
    let today = daicho::clock::today();
    let paused = target
        .requests(today)
        .unwrap()
        .into_iter()
        .find(|v| v.paused)
        .unwrap()
        .request;
    let pause = paused.open_pause().unwrap().id;
    target
        .end_request_pause(paused.id, paused.version, pause, today, ACTOR)
        .unwrap();
    let next = target
        .create_complaint(common::complaint("2026-04-01"), ACTOR)
        .unwrap();
    assert_eq!(next.fields.reference, "C-0003");
    assert!(target.verify().unwrap().is_intact());
}

#[test]
fn a_document_from_before_requests_existed_still_imports() {
    let mut document: Value = serde_json::from_str(&demo_export()).unwrap();
    let object = document.as_object_mut().unwrap();
    for key in ["deadlineSettings", "requests", "complaints"] {
        object.remove(key);
    }
    let register = memory_register();
    let summary = daicho::document::import(&register, &document.to_string(), ACTOR).unwrap();
    assert_eq!((summary.requests, summary.complaints), (0, 0));
    assert!(!summary.deadline_settings);
    assert_eq!(summary.holdings, 8);
}

#[test]
fn invalid_requests_and_complaints_are_named_by_record_and_field() {
    let mut document: Value = serde_json::from_str(&demo_export()).unwrap();
    document["requests"][0]["requesterName"] = Value::from(" ");
    document["requests"][1]["holdingIds"] = serde_json::json!([999]);
    document["requests"][2]["status"] = Value::from("lost");
    document["requests"][3]["channel"] = Value::from("pigeon");
    document["requests"][3]["decision"]["decidedOn"] = Value::from("2000-01-01");
    document["complaints"][1]["id"] = document["complaints"][0]["id"].clone();
    document["complaints"][0]["actions"][0]["on"] = Value::from("1999-01-01");
    let register = memory_register();
    let error = daicho::document::import(&register, &document.to_string(), ACTOR)
        .err()
        .unwrap();
    assert_eq!(error.kind(), ErrorKind::Import);
    let named: Vec<(String, String)> = error
        .record_errors()
        .iter()
        .flat_map(|r| {
            r.fields
                .iter()
                .map(move |f| (r.record.clone(), f.field.clone()))
        })
        .collect();
    let has = |record: &str, field: &str| named.contains(&(record.to_owned(), field.to_owned()));
    assert!(has("requests[0]", "requesterName"), "{named:?}");
    assert!(has("requests[1]", "holdingIds[0]"), "{named:?}");
    assert!(has("requests[2]", "status"), "{named:?}");
    assert!(has("requests[3]", "channel"), "{named:?}");
    assert!(has("complaints[0]", "actions[0].on"), "{named:?}");
    assert!(has("complaints[1]", "id"), "{named:?}");
    let records: Vec<&str> = error
        .record_errors()
        .iter()
        .map(|r| r.record.as_str())
        .collect();
    let mut sorted = records.clone();
    sorted.sort_by_key(|r| (!r.starts_with("requests"), r.to_string()));
    assert_eq!(records, sorted, "in document order");
    assert!(register.is_empty().unwrap());
    assert_eq!(register.chain_head().unwrap(), None);
}

#[test]
fn an_invalid_record_refuses_the_whole_import_naming_record_and_field() {
    let mut document: Value = serde_json::from_str(&demo_export()).unwrap();
    document["holdings"][2]["name"] = Value::from("");
    document["holdings"][5]["dataItems"][0]["name"] = Value::from("  ");
    document["holdings"][6]["medium"] = Value::from("papyrus");
    let register = memory_register();
    let error = daicho::document::import(&register, &document.to_string(), ACTOR)
        .err()
        .unwrap();
    assert_eq!(error.kind(), ErrorKind::Import);
    let named: Vec<(String, String, Option<String>)> = error
        .record_errors()
        .iter()
        .flat_map(|r| {
            r.fields
                .iter()
                .map(move |f| (r.record.clone(), f.field.clone(), r.reference.clone()))
        })
        .collect();
    let expected = [
        ("holdings[2]", "name", "H-0003"),
        ("holdings[5]", "dataItems[0].name", "H-0006"),
        ("holdings[6]", "medium", "H-0007"),
    ]
    .map(|(r, f, l)| (r.to_owned(), f.to_owned(), Some(l.to_owned())));
    assert_eq!(
        named, expected,
        "every bad record is named, in document order"
    );
    // The unreadable value names the field and what it takes, not the value (item 16).
    let unreadable = &error.record_errors()[2].fields[0];
    assert!(
        unreadable.message.contains("medium") && unreadable.message.contains("expected one of"),
        "{}",
        unreadable.message
    );
    assert!(!error.to_string().contains("papyrus"), "{error}");
    assert!(register.is_empty().unwrap());
    assert_eq!(register.chain_head().unwrap(), None);
}

#[test]
fn duplicate_ids_and_ledger_numbers_in_a_document_are_refused() {
    let mut document: Value = serde_json::from_str(&demo_export()).unwrap();
    document["holdings"][1]["ledgerNo"] = document["holdings"][0]["ledgerNo"].clone();
    document["holdings"][3]["id"] = document["holdings"][2]["id"].clone();
    let error = daicho::document::import(&memory_register(), &document.to_string(), ACTOR)
        .err()
        .unwrap();
    let text = error.to_string();
    assert!(text.contains("holdings[1] (H-0001): ledgerNo"), "{text}");
    assert!(text.contains("holdings[3] (H-0004): id"), "{text}");
}

#[test]
fn an_import_into_a_register_with_records_is_refused() {
    let register = memory_register();
    register.create_holding(holding("名簿"), ACTOR).unwrap();
    let error = daicho::document::import(&register, &demo_export(), ACTOR)
        .err()
        .unwrap();
    assert_eq!(error.kind(), ErrorKind::Conflict);
    assert_eq!(register.holdings().unwrap().len(), 1);
}

#[test]
fn other_files_are_refused_with_a_reason() {
    let register = memory_register();
    for (text, expected) in [
        ("not json", "not a JSON document"),
        ("[1, 2]", "not a JSON object"),
        (r#"{"format": "something-else"}"#, "format is not"),
        (
            r#"{"format": "daicho-register", "documentVersion": 99}"#,
            "documentVersion 99",
        ),
    ] {
        let error = daicho::document::import(&register, text, ACTOR).unwrap_err();
        assert_eq!(error.kind(), ErrorKind::Import);
        assert!(error.to_string().contains(expected), "{text}: {error}");
    }
}

#[test]
fn the_export_carries_the_chain_head() {
    let register = memory_register();
    daicho::demo::load(&register, ACTOR).unwrap();
    let document = daicho::document::export(&register).unwrap();
    assert_eq!(document.format, "daicho-register");
    assert_eq!(document.chain_head, register.chain_head().unwrap());
}

#[test]
fn invalid_incidents_are_named_by_record_and_field() {
    let mut document: Value = serde_json::from_str(&demo_export()).unwrap();
    document["incidents"][0]["title"] = Value::from(" ");
    document["incidents"][0]["filings"][0]["filedOn"] = Value::from("2000-01-01");
    document["incidents"][1]["nature"] = serde_json::json!(["flood"]);
    let register = memory_register();
    let error = daicho::document::import(&register, &document.to_string(), ACTOR)
        .err()
        .unwrap();
    assert_eq!(error.kind(), ErrorKind::Import);
    let named: Vec<(String, String)> = error
        .record_errors()
        .iter()
        .flat_map(|r| {
            r.fields
                .iter()
                .map(move |f| (r.record.clone(), f.field.clone()))
        })
        .collect();
    let has = |record: &str, field: &str| named.contains(&(record.to_owned(), field.to_owned()));
    assert!(has("incidents[0]", "title"), "{named:?}");
    assert!(has("incidents[0]", "filings[0].filedOn"), "{named:?}");
    assert!(has("incidents[1]", "nature[0]"), "{named:?}");
    assert!(register.is_empty().unwrap());
}

#[test]
fn the_individual_number_affairs_and_several_responsible_parties_survive_a_round_trip() {
    let exported: Value = serde_json::from_str(&demo_export()).unwrap();
    let holdings = exported["holdings"].as_array().unwrap();
    let with_numbers: Vec<&Value> = holdings
        .iter()
        .filter(|h| !h["numberAffairs"].as_array().unwrap().is_empty())
        .collect();
    assert_eq!(with_numbers.len(), 2, "the two demo holdings with 個人番号");
    assert_eq!(with_numbers[0]["numberAffairs"][0]["kind"], "use");
    assert!(with_numbers[0]["numberMasking"]["method"].is_string());
    let employers = exported["jointUses"]
        .as_array()
        .unwrap()
        .iter()
        .find(|j| j["terms"]["responsibleParties"].as_array().unwrap().len() == 2)
        .expect("the employers' joint use names two parties");
    assert!(!employers["inquiryContact"].as_str().unwrap().is_empty());

    let register = memory_register();
    daicho::document::import(&register, &exported.to_string(), ACTOR).unwrap();
    let again = serde_json::to_value(daicho::document::export(&register).unwrap()).unwrap();
    assert_eq!(again["holdings"], exported["holdings"]);
    assert_eq!(again["jointUses"], exported["jointUses"]);
    assert!(register.verify().unwrap().is_intact());
}

/// A document written before holdings recorded Individual Number affairs and joint uses named
/// several responsible parties: no `numberAffairs`/`numberMasking`, one party as three fields
/// in the terms and in every edition, no `inquiryContact`.
#[test]
fn an_older_document_with_one_responsible_party_and_no_affairs_still_imports() {
    let mut document: Value = serde_json::from_str(&demo_export()).unwrap();
    for holding in document["holdings"].as_array_mut().unwrap() {
        let holding = holding.as_object_mut().unwrap();
        holding.remove("numberAffairs");
        holding.remove("numberMasking");
    }
    let one_party = |terms: &mut Value| {
        let first = terms["responsibleParties"][0].clone();
        let terms = terms.as_object_mut().unwrap();
        terms.remove("responsibleParties");
        for (old, new) in [
            ("responsibleName", "name"),
            ("responsibleAddress", "address"),
            ("responsibleRepresentative", "representative"),
        ] {
            terms.insert(old.to_owned(), first[new].clone());
        }
    };
    for joint_use in document["jointUses"].as_array_mut().unwrap() {
        joint_use.as_object_mut().unwrap().remove("inquiryContact");
        one_party(&mut joint_use["terms"]);
        for edition in joint_use["editions"].as_array_mut().unwrap() {
            one_party(&mut edition["terms"]);
        }
        // The one party stands in the current terms and in the last edition alike (the
        // employers' second party is dropped: an older document had one).
        let last = joint_use["editions"].as_array().unwrap().last().unwrap()["terms"].clone();
        joint_use["terms"] = last;
    }
    let register = memory_register();
    let summary = daicho::document::import(&register, &document.to_string(), ACTOR).unwrap();
    assert_eq!(summary.holdings, 8);
    let holdings = register.holdings().unwrap();
    let numbered = holdings.iter().find(|h| h.has_my_number()).unwrap();
    assert!(numbered.fields.number_affairs.is_empty());
    assert_eq!(numbered.fields.number_masking, None);
    let uses = register.joint_uses().unwrap();
    assert!(!uses.is_empty());
    for view in &uses {
        let j = &view.joint_use;
        assert_eq!(
            j.fields.terms.responsible_parties.len(),
            1,
            "one-element list"
        );
        assert_eq!(j.fields.inquiry_contact, "");
        for edition in &j.editions {
            assert!(edition.terms.responsible_parties.len() <= 1);
        }
    }
    assert!(register.verify().unwrap().is_intact());

    // Written again, such a holding must name its affairs (Number Act art. 9).
    let error = register
        .update_holding(
            numbered.id,
            numbered.version,
            numbered.fields.clone(),
            ACTOR,
        )
        .unwrap_err();
    assert!(error
        .field_errors()
        .iter()
        .any(|f| f.field == "numberAffairs" && f.code == daicho::FieldErrorCode::Required));
}

/// Every (record, field) pair of a refused import, in report order.
fn named_fields(error: &daicho::CoreError) -> Vec<(String, String)> {
    assert_eq!(error.kind(), ErrorKind::Import, "{error}");
    error
        .record_errors()
        .iter()
        .flat_map(|r| {
            r.fields
                .iter()
                .map(move |f| (r.record.clone(), f.field.clone()))
        })
        .collect()
}

/// Issue 12, item 14: the shared text rule refuses control characters and bidi overrides on
/// import as on create, naming the record and field, echoing nothing, writing nothing.
#[test]
fn an_import_with_control_characters_is_refused_naming_record_and_field() {
    let mut document: Value = serde_json::from_str(&demo_export()).unwrap();
    document["holdings"][3]["name"] = Value::from("山田花子\u{1b}[31m");
    document["holdings"][4]["notes"] = Value::from("備考\n\t字下げ\u{0}");
    document["requests"][0]["requesterName"] = Value::from("山田\u{202E}花子");
    document["complaints"][0]["complainant"] = Value::from("山田\u{2066}花子");
    document["holdings"][5]["purposes"][0] = Value::from("目的\u{85}");
    // Texts the register writes itself (a timeline's note and actor) are checked on import too.
    document["requests"][2]["timeline"][0]["note"] = Value::from("受付\u{1b}[2J");
    document["incidents"][0]["timeline"][0]["actor"] = Value::from("担当\u{202E}者");
    let register = memory_register();
    let error = daicho::document::import(&register, &document.to_string(), ACTOR).unwrap_err();
    let named = named_fields(&error);
    for (record, field) in [
        ("holdings[3]", "name"),
        ("holdings[4]", "notes"),
        ("holdings[5]", "purposes[0]"),
        ("requests[0]", "requesterName"),
        ("complaints[0]", "complainant"),
        ("requests[2]", "timeline[0].note"),
        ("incidents[0]", "timeline[0].actor"),
    ] {
        assert!(
            named.contains(&(record.to_owned(), field.to_owned())),
            "{record} {field}: {named:?}"
        );
    }
    assert_eq!(named.len(), 7, "each field once: {named:?}");
    assert!(error
        .record_errors()
        .iter()
        .flat_map(|r| &r.fields)
        .all(|f| f.code == daicho::FieldErrorCode::ControlCharacter));
    let text = error.to_string();
    assert!(!text.contains("花子") && !text.contains('\u{1b}'), "{text}");
    assert!(register.is_empty().unwrap());
    assert_eq!(register.chain_head().unwrap(), None);
}

/// Issue 12, item 16: a value of the wrong type is reported with its field and the type
/// expected, never with the value itself.
#[test]
fn a_wrong_typed_field_is_named_with_the_expected_type_and_not_its_value() {
    let secret = "山田花子 東京都港区";
    let mut document: Value = serde_json::from_str(&demo_export()).unwrap();
    document["holdings"][1]["approxCount"] = Value::from(secret);
    document["holdings"][2]["dataItems"][0]["name"] = serde_json::json!({ "x": secret });
    document["requests"][1]["channel"] = Value::from(secret);
    document["complaints"][0]["receivedOn"] = Value::from(secret);
    document["holdings"][3]["medium"] = Value::from(7);
    let error =
        daicho::document::import(&memory_register(), &document.to_string(), ACTOR).unwrap_err();
    let named = named_fields(&error);
    for (record, field) in [
        ("holdings[1]", "approxCount"),
        ("holdings[2]", "dataItems[0].name"),
        ("holdings[3]", "medium"),
        ("requests[1]", "channel"),
        ("complaints[0]", "receivedOn"),
    ] {
        assert!(
            named.contains(&(record.to_owned(), field.to_owned())),
            "{record} {field}: {named:?}"
        );
    }
    let messages: Vec<&str> = error
        .record_errors()
        .iter()
        .flat_map(|r| &r.fields)
        .map(|f| f.message.as_str())
        .collect();
    for message in &messages {
        assert!(
            !message.contains("山田") && !message.contains("港区"),
            "{message}"
        );
        assert!(message.contains("expected"), "{message}");
    }
    let count = messages
        .iter()
        .find(|m| m.contains("approxCount"))
        .expect("the field is named");
    assert!(count.contains("found a string"), "{count}");
    assert!(
        count.contains("expected u") || count.contains("expected i"),
        "{count}"
    );
    let text = error.to_string();
    assert!(!text.contains("山田") && !text.contains("港区"), "{text}");
}

/// Issue 12, item 15: one unreadable record does not shift the numbers of the records after
/// it, and records that link to it are not reported as linking to nothing.
#[test]
fn an_unreadable_record_keeps_the_numbering_and_causes_no_follow_on_errors() {
    let mut document: Value = serde_json::from_str(&demo_export()).unwrap();
    // Every holding is named by some other record, so making any one unreadable used to
    // report the records that link to it as well.
    for index in 0..2 {
        document["holdings"][index]["medium"] = Value::from(false);
    }
    document["holdings"][2]["name"] = Value::from("");
    document["subcontractors"][0]["entrusted"] = Value::from("all");
    document["requests"][1]["requesterName"] = Value::from(" ");
    let error =
        daicho::document::import(&memory_register(), &document.to_string(), ACTOR).unwrap_err();
    let named = named_fields(&error);
    assert_eq!(
        named,
        [
            ("holdings[0]", "medium"),
            ("holdings[1]", "medium"),
            ("holdings[2]", "name"),
            ("requests[1]", "requesterName"),
            ("subcontractors[0]", "entrusted"),
        ]
        .map(|(r, f)| (r.to_owned(), f.to_owned())),
        "{error}"
    );
    let text = error.to_string();
    assert!(text.contains("holdings[2] (H-0003): name"), "{text}");
}

/// Issue 12, item 14: ids, versions and timestamps are range- and format-checked on import,
/// and an impossible date is a named field error, not a parse failure of the whole document.
#[test]
fn ids_versions_timestamps_and_dates_out_of_range_are_refused_by_field() {
    let mut document: Value = serde_json::from_str(&demo_export()).unwrap();
    document["holdings"][0]["createdAt"] = Value::from("yesterday");
    document["holdings"][1]["version"] = Value::from(0);
    document["holdings"][2]["dataItems"][0]["id"] = Value::from(-1);
    document["requests"][0]["id"] = Value::from(0);
    document["requests"][1]["id"] = Value::from(-1);
    document["requests"][2]["timeline"][0]["recordedAt"] = Value::from("2026-13-45T99:00:00Z");
    document["complaints"][0]["version"] = Value::from(0);
    document["complaints"][1]["receivedOn"] = Value::from("9999-99-99");
    document["organisation"]["updatedAt"] = Value::from("");
    document["recipients"][0]["id"] = Value::from(0);
    let register = memory_register();
    let error = daicho::document::import(&register, &document.to_string(), ACTOR).unwrap_err();
    let named = named_fields(&error);
    for (record, field) in [
        ("organisation", "updatedAt"),
        ("holdings[0]", "createdAt"),
        ("holdings[1]", "version"),
        ("holdings[2]", "dataItems[0].id"),
        ("requests[0]", "id"),
        ("requests[1]", "id"),
        ("requests[2]", "timeline[0].recordedAt"),
        ("complaints[0]", "version"),
        ("complaints[1]", "receivedOn"),
        ("recipients[0]", "id"),
    ] {
        assert!(
            named.contains(&(record.to_owned(), field.to_owned())),
            "{record} {field}: {named:?}"
        );
    }
    let text = error.to_string();
    assert!(
        !text.contains("yesterday") && !text.contains("9999-99-99"),
        "{text}"
    );
    assert!(register.is_empty().unwrap());
}

/// A reference read from a hostile document is printed with its control characters escaped.
#[test]
fn references_in_the_report_are_safe_to_print() {
    let mut document: Value = serde_json::from_str(&demo_export()).unwrap();
    document["holdings"][0]["ledgerNo"] = Value::from("H-\u{1b}[2J0001");
    let error =
        daicho::document::import(&memory_register(), &document.to_string(), ACTOR).unwrap_err();
    let text = error.to_string();
    assert!(!text.contains('\u{1b}'), "{text:?}");
    assert!(text.contains("H-\\u{1B}[2J0001"), "{text}");
}

/// Every text of every section, poisoned with an escape sequence, refuses the import naming
/// that record and field once, whichever check (the record's own or the import's backstop for
/// texts the register writes itself) found it. Strings that are not free text (enums, dates,
/// timestamps) make the record unreadable instead, also named by field.
#[test]
fn every_text_of_every_section_is_held_to_the_text_rule_on_import() {
    fn strings(value: &Value, path: &str, out: &mut Vec<String>) {
        match value {
            Value::String(_) => out.push(path.to_owned()),
            Value::Object(object) => {
                for (key, inner) in object {
                    strings(inner, &format!("{path}/{key}"), out);
                }
            }
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    strings(item, &format!("{path}/{i}"), out);
                }
            }
            _ => {}
        }
    }
    let document: Value = serde_json::from_str(&demo_export()).unwrap();
    let register = memory_register();
    let mut checked = 0;
    for (section, records) in document.as_object().unwrap() {
        let (first, at, name) = match records {
            Value::Array(list) if !list.is_empty() => {
                (&list[0], format!("/{section}/0"), format!("{section}[0]"))
            }
            Value::Object(_) if section != "chainHead" => {
                (records, format!("/{section}"), section.clone())
            }
            _ => continue,
        };
        let mut paths = Vec::new();
        strings(first, &at, &mut paths);
        for path in paths {
            let mut poisoned = document.clone();
            let text = poisoned.pointer_mut(&path).unwrap();
            *text = Value::from(format!("{}\u{1b}[2J", text.as_str().unwrap()));
            let error =
                daicho::document::import(&register, &poisoned.to_string(), ACTOR).expect_err(&path);
            let records = error.record_errors();
            assert_eq!(records.len(), 1, "{path}: {error}");
            assert_eq!(records[0].record, name, "{path}");
            let fields = &records[0].fields;
            let controls = fields
                .iter()
                .filter(|f| f.code == daicho::FieldErrorCode::ControlCharacter)
                .count();
            // A joint use's older edition also no longer matches the current terms, an agent's
            // name given makes the missing agent an error; nothing else is reported.
            assert!(
                controls == 1 && fields.len() <= 2 || controls == 0 && fields.len() == 1,
                "{path}: {error}"
            );
            // An empty text made non-empty may also break another rule of its own field (an
            // agent's name with no agent), but no field is reported twice for the same reason.
            let mut names: Vec<_> = fields.iter().map(|f| (&f.field, f.code)).collect();
            names.sort_by_key(|(field, _)| field.as_str());
            names.dedup();
            assert_eq!(
                names.len(),
                fields.len(),
                "each field once: {path}: {error}"
            );
            assert!(!error.to_string().contains('\u{1b}'), "{path}: {error}");
            checked += controls;
        }
    }
    assert!(checked > 100, "{checked}");
    assert!(register.is_empty().unwrap());
}

/// A document written before carriage returns were folded on save (a note typed with CR LF
/// through an older Daicho) still imports: import keeps records as they were, and a CR in a
/// multi-line text is a line break, not a control character. In a single-line text it is
/// refused like any other line break.
#[test]
fn an_older_document_with_crlf_in_a_note_still_imports() {
    let source = memory_register();
    source.create_holding(holding("職員名簿"), ACTOR).unwrap();
    let mut document = serde_json::to_value(daicho::document::export(&source).unwrap()).unwrap();
    document["holdings"][0]["notes"] = serde_json::json!("一行目\r\n二行目");
    let target = memory_register();
    daicho::document::import(&target, &document.to_string(), ACTOR).expect("imports");
    assert_eq!(target.holdings().unwrap().len(), 1);

    document["holdings"][0]["name"] = serde_json::json!("職員\r名簿");
    let error = daicho::document::import(&memory_register(), &document.to_string(), ACTOR)
        .expect_err("a CR in a name");
    assert!(error.to_string().contains("holdings[0]"), "{error}");
    assert!(error.to_string().contains("name"), "{error}");
}
