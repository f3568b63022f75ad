//! Arguments that do not fit their type, as the app's forms can send them: each is refused as a
//! validation error on the field's own path (so the form shows it under the field, in the
//! user's language), never as the bridge's English sentence, and never quoting the value.

use crate::common::{complaint, holding};
use daicho::error::{ErrorKind, FieldErrorCode};
use daicho::ipc::{decode, ErrorReport};
use daicho::model::complaint::ComplaintInput;
use daicho::model::holding::HoldingInput;
use serde_json::{json, Value};

fn refusal<T: serde::de::DeserializeOwned + std::fmt::Debug>(value: Value) -> ErrorReport {
    decode::<T>(&value).expect_err("the argument does not fit its type")
}

fn only_field(report: &ErrorReport) -> (&str, FieldErrorCode) {
    assert_eq!(report.kind, ErrorKind::Validation);
    assert_eq!(report.fields.len(), 1, "{:?}", report.fields);
    (report.fields[0].field.as_str(), report.fields[0].code)
}

#[test]
fn a_fitting_argument_decodes_unchanged() {
    let input = complaint("2026-04-01");
    let value = serde_json::to_value(&input).unwrap();
    assert_eq!(decode::<ComplaintInput>(&value).unwrap(), input);
}

#[test]
fn a_required_date_left_blank_is_required_on_its_field() {
    // The date input holds "" when the officer clears it.
    let mut value = serde_json::to_value(complaint("2026-04-01")).unwrap();
    value["receivedOn"] = json!("");
    let report = refusal::<ComplaintInput>(value);
    assert_eq!(
        only_field(&report),
        ("receivedOn", FieldErrorCode::Required)
    );
}

#[test]
fn an_absent_field_is_required_by_its_own_name() {
    let mut value = serde_json::to_value(complaint("2026-04-01")).unwrap();
    value.as_object_mut().unwrap().remove("subject");
    let report = refusal::<ComplaintInput>(value);
    assert_eq!(only_field(&report), ("subject", FieldErrorCode::Required));
}

#[test]
fn a_value_of_the_wrong_shape_inside_a_list_is_malformed_at_its_path_without_its_value() {
    let mut value = serde_json::to_value(holding("職員名簿")).unwrap();
    // A personal value where a number belongs: named by path, the value never repeated.
    value["approxCount"] = json!("山田太郎");
    let report = refusal::<HoldingInput>(value.clone());
    assert_eq!(
        only_field(&report),
        ("approxCount", FieldErrorCode::Malformed)
    );
    assert!(!report.message.contains("山田太郎"), "{}", report.message);
    assert!(!report.fields[0].message.contains("山田太郎"));

    value["approxCount"] = json!(120);
    value["dataItems"][1]["name"] = json!(42);
    let report = refusal::<HoldingInput>(value);
    assert_eq!(
        only_field(&report),
        ("dataItems[1].name", FieldErrorCode::Malformed)
    );
    assert!(
        !report.fields[0].message.contains("42"),
        "{}",
        report.fields[0].message
    );
}
