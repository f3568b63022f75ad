//! The JSON register document: export, import into an empty register, and refusals.

mod common;

use common::{holding, memory_register, ACTOR};
use daicho::ErrorKind;
use serde_json::Value;

fn demo_export() -> String {
    let register = memory_register();
    register.load_demo(ACTOR).unwrap();
    serde_json::to_string(&register.export_document().unwrap()).unwrap()
}

#[test]
fn importing_an_export_into_an_empty_register_reproduces_it() {
    let source = memory_register();
    source.load_demo(ACTOR).unwrap();
    // Make ids and items non-trivial: a deletion leaves a gap the import must keep.
    let first = source.holdings().unwrap()[0].clone();
    source
        .delete_holding(first.id, first.version, ACTOR)
        .unwrap();
    let exported = source.export_document().unwrap();

    let target = memory_register();
    let summary = target
        .import_document(&serde_json::to_string(&exported).unwrap(), ACTOR)
        .unwrap();
    assert_eq!(summary.holdings, exported.holdings.len() as i64);
    assert!(summary.organisation);
    let reimported = target.export_document().unwrap();
    assert_eq!(reimported.organisation, exported.organisation);
    assert_eq!(reimported.holdings, exported.holdings);
    assert!(target.verify().unwrap().is_intact());
}

#[test]
fn an_invalid_record_refuses_the_whole_import_naming_record_and_field() {
    let mut document: Value = serde_json::from_str(&demo_export()).unwrap();
    document["holdings"][2]["name"] = Value::from("");
    document["holdings"][5]["dataItems"][0]["name"] = Value::from("  ");
    document["holdings"][6]["medium"] = Value::from("papyrus");
    let register = memory_register();
    let error = register
        .import_document(&document.to_string(), ACTOR)
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
    let unreadable = &error.record_errors()[2].fields[0];
    assert!(
        unreadable.message.contains("papyrus"),
        "{}",
        unreadable.message
    );
    assert!(register.is_empty().unwrap());
    assert_eq!(register.chain_head().unwrap(), None);
}

#[test]
fn duplicate_ids_and_ledger_numbers_in_a_document_are_refused() {
    let mut document: Value = serde_json::from_str(&demo_export()).unwrap();
    document["holdings"][1]["ledgerNo"] = document["holdings"][0]["ledgerNo"].clone();
    document["holdings"][3]["id"] = document["holdings"][2]["id"].clone();
    let error = memory_register()
        .import_document(&document.to_string(), ACTOR)
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
    let error = register
        .import_document(&demo_export(), ACTOR)
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
        let error = register.import_document(text, ACTOR).unwrap_err();
        assert_eq!(error.kind(), ErrorKind::Import);
        assert!(error.to_string().contains(expected), "{text}: {error}");
    }
}

#[test]
fn the_export_carries_the_chain_head() {
    let register = memory_register();
    register.load_demo(ACTOR).unwrap();
    let document = register.export_document().unwrap();
    assert_eq!(document.format, "daicho-register");
    assert_eq!(document.chain_head, register.chain_head().unwrap());
}
