//! The organisation profile and the demo register.

mod common;

use common::{memory_register, organisation, ACTOR};
use daicho::audit::Entity;
use daicho::model::organisation::Regime;
use daicho::{ErrorKind, FieldErrorCode};

#[test]
fn the_profile_is_created_then_updated_with_its_version() {
    let register = memory_register();
    assert_eq!(register.organisation().unwrap(), None);
    let created = register
        .save_organisation(organisation(), None, ACTOR)
        .unwrap();
    assert_eq!(created.version, 1);
    let mut input = created.profile.clone();
    input.regime = Regime::LocalGovernment;
    let updated = register
        .save_organisation(input.clone(), Some(1), ACTOR)
        .unwrap();
    assert_eq!(
        (updated.version, updated.profile.regime),
        (2, Regime::LocalGovernment)
    );
    let stale = register
        .save_organisation(input, Some(1), ACTOR)
        .err()
        .unwrap();
    assert_eq!(stale.kind(), ErrorKind::Conflict);
    let history = register.history(Entity::Organisation, "1").unwrap();
    assert_eq!(history.len(), 2);
    assert_eq!(history[0].changes[0].field, "regime");
}

#[test]
fn the_statutory_profile_fields_are_required() {
    let register = memory_register();
    let mut input = organisation();
    input.name = " ".into();
    input.representative.clear();
    let error = register
        .save_organisation(input, None, ACTOR)
        .err()
        .unwrap();
    let fields: Vec<(&str, FieldErrorCode)> = error
        .field_errors()
        .iter()
        .map(|f| (f.field.as_str(), f.code))
        .collect();
    assert_eq!(
        fields,
        [
            ("name", FieldErrorCode::Required),
            ("representative", FieldErrorCode::Required)
        ]
    );
    assert_eq!(register.organisation().unwrap(), None);
}

#[test]
fn the_demo_register_is_complete_valid_and_audited() {
    let register = memory_register();
    let count = register.load_demo(ACTOR).unwrap();
    let holdings = register.holdings().unwrap();
    assert_eq!(holdings.len(), count);
    assert!(count >= 8);
    assert!(
        holdings.iter().any(|h| h.has_my_number()),
        "Individual Number data is modelled"
    );
    assert!(
        holdings.iter().any(|h| h.has_sensitive_items()),
        "sensitive data is modelled"
    );
    assert!(
        holdings.iter().any(|h| h.fields.retention.is_none()),
        "one holding lacks a retention rule, for the data-quality panel"
    );
    let report = register.verify().unwrap();
    assert!(report.is_intact());
    // One entry per write: every record is created at version 1 and each change adds one.
    let today = daicho::clock::today();
    let request_writes: i64 = register
        .requests(today)
        .unwrap()
        .iter()
        .map(|v| v.request.version)
        .sum();
    let complaint_writes: i64 = register
        .complaints(today)
        .unwrap()
        .iter()
        .map(|v| v.complaint.version)
        .sum();
    let sharing_writes: i64 = register
        .subcontractor_tree(today)
        .unwrap()
        .iter()
        .map(|n| n.subcontractor.version)
        .chain(
            register
                .joint_uses()
                .unwrap()
                .iter()
                .map(|v| v.joint_use.version),
        )
        .chain(
            register
                .transfers(today)
                .unwrap()
                .iter()
                .map(|v| v.transfer.version),
        )
        .sum();
    assert_eq!(
        report.entries,
        count as i64 + 1 + request_writes + complaint_writes + sharing_writes
    );
    let again = register.load_demo(ACTOR).unwrap_err();
    assert_eq!(again.kind(), ErrorKind::Conflict);
}
