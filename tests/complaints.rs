//! Complaints: intake, actions, closure with a resolution, and their refusals.

use crate::common;

use common::{complaint, d, holding, memory_register, ACTOR};
use daicho::audit::{AuditAction, Entity};
use daicho::model::complaint::{ComplaintActionInput, ComplaintInput};
use daicho::{CoreError, ErrorKind, FieldErrorCode};

fn fields(error: &CoreError) -> Vec<(String, FieldErrorCode)> {
    assert_eq!(error.kind(), ErrorKind::Validation, "{error}");
    error
        .field_errors()
        .iter()
        .map(|f| (f.field.clone(), f.code))
        .collect()
}

fn action(on: &str, description: &str, by: &str) -> ComplaintActionInput {
    ComplaintActionInput {
        on: d(on),
        description: description.to_owned(),
        by: by.to_owned(),
    }
}

#[test]
fn a_complaint_goes_from_intake_through_actions_to_closure() {
    let register = memory_register();
    let created = register
        .create_complaint(complaint("2026-04-01"), ACTOR)
        .unwrap();
    assert_eq!(created.fields.reference, "C-0001");
    assert_eq!(created.version, 1);
    assert!(created.is_open());

    let acted = register
        .add_complaint_action(
            created.id,
            created.version,
            action("2026-04-03", " 送付リストから削除 ", "総務課 田中"),
            ACTOR,
        )
        .unwrap();
    let acted = register
        .add_complaint_action(
            acted.id,
            acted.version,
            action("2026-04-02", "申出者に電話で事情を確認", "総務課 田中"),
            ACTOR,
        )
        .unwrap();
    let descriptions: Vec<&str> = acted
        .actions
        .iter()
        .map(|a| a.description.as_str())
        .collect();
    assert_eq!(
        descriptions,
        ["申出者に電話で事情を確認", "送付リストから削除"],
        "in date order, trimmed"
    );

    let view = register.complaint(acted.id, d("2026-04-11")).unwrap();
    assert_eq!((view.days_open, view.open), (10, true));

    let closed = register
        .close_complaint(
            acted.id,
            acted.version,
            d("2026-04-06"),
            "送付停止を確認し、申出者に結果を連絡".to_owned(),
            ACTOR,
        )
        .unwrap();
    assert_eq!(closed.closed_on, Some(d("2026-04-06")));
    let view = register.complaint(closed.id, d("2026-06-01")).unwrap();
    assert_eq!(
        (view.days_open, view.open),
        (5, false),
        "counted to the closure"
    );

    let history = register
        .history(Entity::Complaint, &closed.id.to_string())
        .unwrap();
    assert_eq!(history.len(), 4, "one audit entry per write");
    assert_eq!(history[3].action, AuditAction::Create);
    assert!(history[0].changes.iter().any(|c| c.field == "resolution"));
    assert!(register.verify().unwrap().is_intact());
}

#[test]
fn every_complaint_rule_is_enforced_and_named() {
    type Case = (
        &'static str,
        fn(&mut ComplaintInput),
        &'static str,
        FieldErrorCode,
    );
    let cases: &[Case] = &[
        (
            "blank subject",
            |c| c.subject = "  ".into(),
            "subject",
            FieldErrorCode::Required,
        ),
        (
            "long subject",
            |c| c.subject = "件".repeat(201),
            "subject",
            FieldErrorCode::TooLong,
        ),
        (
            "duplicate holding",
            |c| c.holding_ids = vec![1, 1],
            "holdingIds[1]",
            FieldErrorCode::Duplicate,
        ),
        (
            "unknown holding",
            |c| c.holding_ids = vec![42],
            "holdingIds[0]",
            FieldErrorCode::Malformed,
        ),
        (
            "a date the engine cannot count from",
            |c| c.received_on = d("2100-01-01"),
            "receivedOn",
            FieldErrorCode::OutOfRange,
        ),
        (
            "long description",
            |c| c.description = "x".repeat(4001),
            "description",
            FieldErrorCode::TooLong,
        ),
    ];
    for (case, change, field, code) in cases {
        let register = memory_register();
        register.create_holding(holding("名簿"), ACTOR).unwrap();
        let mut input = complaint("2026-04-01");
        change(&mut input);
        let error = register.create_complaint(input, ACTOR).unwrap_err();
        assert!(
            fields(&error).contains(&(field.to_string(), *code)),
            "{case}: expected {field} {code:?}, got {:?}",
            fields(&error)
        );
        assert!(register.complaints(d("2026-04-01")).unwrap().is_empty());
    }
    // An anonymous complaint is fine.
    let mut anonymous = complaint("2026-04-01");
    anonymous.complainant.clear();
    anonymous.complainant_contact.clear();
    assert!(memory_register().create_complaint(anonymous, ACTOR).is_ok());
}

#[test]
fn actions_and_closure_are_checked_against_the_complaint_s_dates() {
    let register = memory_register();
    let created = register
        .create_complaint(complaint("2026-04-10"), ACTOR)
        .unwrap();
    let cases = [
        (
            action("2026-04-09", "確認", "田中"),
            "action.on",
            FieldErrorCode::DateOrder,
        ),
        (
            action("2026-04-11", " ", "田中"),
            "action.description",
            FieldErrorCode::Required,
        ),
        (
            action("2026-04-11", "確認", ""),
            "action.by",
            FieldErrorCode::Required,
        ),
    ];
    for (input, field, code) in cases {
        let error = register
            .add_complaint_action(created.id, created.version, input, ACTOR)
            .unwrap_err();
        assert!(
            fields(&error).contains(&(field.to_owned(), code)),
            "{field}: {:?}",
            fields(&error)
        );
    }
    let acted = register
        .add_complaint_action(
            created.id,
            created.version,
            action("2026-04-15", "調査", "田中"),
            ACTOR,
        )
        .unwrap();

    let error = register
        .close_complaint(
            acted.id,
            acted.version,
            d("2026-04-20"),
            "  ".to_owned(),
            ACTOR,
        )
        .unwrap_err();
    assert_eq!(
        fields(&error),
        [("resolution".to_owned(), FieldErrorCode::Required)]
    );
    assert!(error.to_string().contains("only with its resolution"));
    let error = register
        .close_complaint(
            acted.id,
            acted.version,
            d("2026-04-09"),
            "解決".to_owned(),
            ACTOR,
        )
        .unwrap_err();
    assert!(
        fields(&error).contains(&("closedOn".to_owned(), FieldErrorCode::DateOrder)),
        "{error}"
    );
    let error = register
        .close_complaint(
            acted.id,
            acted.version,
            d("2026-04-14"),
            "解決".to_owned(),
            ACTOR,
        )
        .unwrap_err();
    assert!(
        error
            .to_string()
            .contains("before the action taken on 2026-04-15"),
        "{error}"
    );
    assert_eq!(
        register
            .history(Entity::Complaint, &acted.id.to_string())
            .unwrap()
            .len(),
        2,
        "refusals write nothing"
    );
}

#[test]
fn a_closed_complaint_is_kept_as_it_was_closed() {
    let register = memory_register();
    let created = register
        .create_complaint(complaint("2026-04-01"), ACTOR)
        .unwrap();
    let closed = register
        .close_complaint(
            created.id,
            created.version,
            d("2026-04-02"),
            "説明し了承を得た".to_owned(),
            ACTOR,
        )
        .unwrap();
    let refusals = [
        register
            .update_complaint(closed.id, closed.version, closed.fields.clone(), ACTOR)
            .unwrap_err(),
        register
            .add_complaint_action(
                closed.id,
                closed.version,
                action("2026-04-03", "追加対応", "田中"),
                ACTOR,
            )
            .unwrap_err(),
        register
            .close_complaint(
                closed.id,
                closed.version,
                d("2026-04-03"),
                "再".to_owned(),
                ACTOR,
            )
            .unwrap_err(),
    ];
    for error in refusals {
        assert_eq!(error.kind(), ErrorKind::Conflict);
        assert!(
            error
                .to_string()
                .contains("C-0001 was closed on 2026-04-02"),
            "{error}"
        );
    }
}

#[test]
fn edits_keep_the_reference_and_need_the_current_version() {
    let register = memory_register();
    let linked = register.create_holding(holding("顧客名簿"), ACTOR).unwrap();
    let created = register
        .create_complaint(complaint("2026-04-01"), ACTOR)
        .unwrap();
    let mut input = created.fields.clone();
    input.reference.clear();
    input.holding_ids = vec![linked.id];
    input.subject = "退会後もメールが届く".into();
    let updated = register
        .update_complaint(created.id, created.version, input.clone(), ACTOR)
        .unwrap();
    assert_eq!(updated.fields.reference, "C-0001");
    assert_eq!(updated.fields.holding_ids, [linked.id]);
    assert_eq!(updated.version, 2);
    let stale = register
        .update_complaint(created.id, created.version, input, ACTOR)
        .unwrap_err();
    assert_eq!(stale.kind(), ErrorKind::Conflict);
    assert_eq!(
        register.complaint(99, d("2026-04-01")).unwrap_err().kind(),
        ErrorKind::NotFound
    );
    let second = register
        .create_complaint(complaint("2026-04-02"), ACTOR)
        .unwrap();
    let mut clash = second.fields.clone();
    clash.reference = "C-0001".into();
    let error = register
        .update_complaint(second.id, second.version, clash, ACTOR)
        .unwrap_err();
    assert_eq!(
        fields(&error),
        [("reference".to_owned(), FieldErrorCode::Duplicate)]
    );
}

#[test]
fn a_complaint_edited_behind_the_apps_back_is_named() {
    let temp = common::TempRegister::new();
    let register = temp.open();
    let created = register
        .create_complaint(complaint("2026-04-01"), ACTOR)
        .unwrap();
    register
        .add_complaint_action(
            created.id,
            created.version,
            action("2026-04-02", "確認", "田中"),
            ACTOR,
        )
        .unwrap();
    drop(register);
    temp.raw()
        .execute("UPDATE complaint_action SET taken_by = '別人'", [])
        .unwrap();
    let report = temp.open().verify().unwrap();
    assert_eq!(report.altered_records.len(), 1);
    assert_eq!(
        (
            report.altered_records[0].entity.as_str(),
            report.altered_records[0].entity_id.as_str()
        ),
        ("complaint", "1")
    );
    let unresolved = temp.raw().execute(
        "UPDATE complaint SET closed_on = '2026-04-03', resolution = ''",
        [],
    );
    assert!(
        unresolved.is_err(),
        "the schema refuses a closure without a resolution"
    );
}

/// The text rule is one rule in the shared checks, so a complaint is held to it like a
/// holding: the complainant's name with a bidi override, a NUL in the description.
#[test]
fn a_complaint_with_control_characters_is_refused_with_the_fields_named() {
    let register = memory_register();
    let mut input = complaint("2026-04-01");
    input.complainant = "鈴木\u{202E}一郎".to_owned();
    input.description = "申出\u{0}の内容\n二行目".to_owned();
    let error = register.create_complaint(input, ACTOR).unwrap_err();
    let named = fields(&error);
    assert!(named.contains(&("complainant".to_owned(), FieldErrorCode::ControlCharacter)));
    assert!(named.contains(&("description".to_owned(), FieldErrorCode::ControlCharacter)));
    assert_eq!(
        named.len(),
        2,
        "the line break in the description is fine: {named:?}"
    );
    assert!(!error.to_string().contains("一郎"), "{error}");
}
