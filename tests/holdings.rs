//! The ledger of data holdings: creation, validation, edits, deletion and their history.

use crate::common;

use common::{holding, item, memory_register, ACTOR};
use daicho::audit::{AuditAction, Entity};
use daicho::model::holding::{DisposalMethod, HoldingInput, RetentionTrigger};
use daicho::{ErrorKind, FieldErrorCode};

fn field_errors(input: HoldingInput) -> Vec<(String, FieldErrorCode)> {
    let register = memory_register();
    let error = register.create_holding(input, ACTOR).expect_err("refused");
    assert_eq!(error.kind(), ErrorKind::Validation, "{error}");
    assert!(
        register.holdings().unwrap().is_empty(),
        "nothing is written when refused"
    );
    assert_eq!(
        register.chain_head().unwrap(),
        None,
        "no audit entry when refused"
    );
    error
        .field_errors()
        .iter()
        .map(|f| (f.field.clone(), f.code))
        .collect()
}

#[test]
fn a_new_holding_gets_the_next_ledger_number_and_an_audit_entry() {
    let register = memory_register();
    let first = register.create_holding(holding("職員名簿"), ACTOR).unwrap();
    let second = register
        .create_holding(holding("採用応募者"), ACTOR)
        .unwrap();
    assert_eq!(first.fields.ledger_no, "H-0001");
    assert_eq!(second.fields.ledger_no, "H-0002");
    assert_eq!(first.version, 1);
    let history = register
        .history(Entity::Holding, &first.id.to_string())
        .unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!(history[0].action, AuditAction::Create);
    assert_eq!(history[0].actor, ACTOR);
    assert!(history[0].changes.iter().any(|c| c.field == "name"));
}

#[test]
fn surrounding_white_space_is_trimmed() {
    let register = memory_register();
    let mut input = holding("  職員名簿 ");
    input.purposes = vec![" 人事管理\t".to_owned()];
    let stored = register.create_holding(input, ACTOR).unwrap();
    assert_eq!(stored.fields.name, "職員名簿");
    assert_eq!(stored.fields.purposes, vec!["人事管理"]);
}

#[test]
fn every_field_rule_is_enforced_and_named() {
    type Case = (
        &'static str,
        fn(&mut HoldingInput),
        &'static str,
        FieldErrorCode,
    );
    let cases: &[Case] = &[
        (
            "blank name",
            |h| h.name = "  ".into(),
            "name",
            FieldErrorCode::Required,
        ),
        (
            "blank department",
            |h| h.department.clear(),
            "department",
            FieldErrorCode::Required,
        ),
        (
            "long name",
            |h| h.name = "名".repeat(201),
            "name",
            FieldErrorCode::TooLong,
        ),
        (
            "no data items",
            |h| h.data_items.clear(),
            "dataItems",
            FieldErrorCode::Required,
        ),
        (
            "blank item",
            |h| h.data_items[1].name = " ".into(),
            "dataItems[1].name",
            FieldErrorCode::Required,
        ),
        (
            "duplicate item",
            |h| h.data_items[1].name = "氏名".into(),
            "dataItems[1].name",
            FieldErrorCode::Duplicate,
        ),
        (
            "no purpose",
            |h| h.purposes.clear(),
            "purposes",
            FieldErrorCode::Required,
        ),
        (
            "blank purpose",
            |h| h.purposes.push(String::new()),
            "purposes[1]",
            FieldErrorCode::Required,
        ),
        (
            "negative count",
            |h| h.approx_count = Some(-1),
            "approxCount",
            FieldErrorCode::OutOfRange,
        ),
        (
            "duplicate source",
            |h| h.acquisition_sources = vec!["本人".into(), "本人".into()],
            "acquisitionSources[1]",
            FieldErrorCode::Duplicate,
        ),
        (
            "duplicate notice",
            |h| h.purpose_notice.push(h.purpose_notice[0]),
            "purposeNotice[1]",
            FieldErrorCode::Duplicate,
        ),
        (
            "retention months",
            |h| h.retention.as_mut().unwrap().months = 12,
            "retention.months",
            FieldErrorCode::OutOfRange,
        ),
        (
            "retention years",
            |h| h.retention.as_mut().unwrap().years = 101,
            "retention.years",
            FieldErrorCode::OutOfRange,
        ),
        (
            "retention without duration",
            |h| h.retention.as_mut().unwrap().years = 0,
            "retention.years",
            FieldErrorCode::Required,
        ),
        (
            "other trigger without note",
            |h| h.retention.as_mut().unwrap().trigger = RetentionTrigger::Other,
            "retention.triggerNote",
            FieldErrorCode::NeedsNote,
        ),
        (
            "other disposal without note",
            |h| h.disposal_method = Some(DisposalMethod::Other),
            "disposalNote",
            FieldErrorCode::NeedsNote,
        ),
        (
            "review order",
            |h| h.next_review = h.last_review,
            "nextReview",
            FieldErrorCode::DateOrder,
        ),
        (
            "long ledger no",
            |h| h.ledger_no = "X".repeat(41),
            "ledgerNo",
            FieldErrorCode::TooLong,
        ),
        (
            "blank recipient",
            |h| h.file_register.regular_recipients = vec![String::new()],
            "fileRegister.regularRecipients[0]",
            FieldErrorCode::Required,
        ),
        (
            "unknown item id",
            |h| h.data_items[0].id = Some(999),
            "dataItems[0].id",
            FieldErrorCode::Malformed,
        ),
    ];
    for (case, change, field, code) in cases {
        let mut input = holding("職員名簿");
        change(&mut input);
        let errors = field_errors(input);
        assert!(
            errors.contains(&(field.to_string(), *code)),
            "{case}: expected {field} {code:?}, got {errors:?}"
        );
    }
}

#[test]
fn all_problems_are_reported_at_once() {
    let mut input = holding("");
    input.department.clear();
    input.purposes.clear();
    let fields: Vec<String> = field_errors(input).into_iter().map(|(f, _)| f).collect();
    assert_eq!(fields, ["name", "department", "purposes"]);
}

#[test]
fn a_rule_until_the_purpose_is_achieved_needs_no_duration() {
    let register = memory_register();
    let mut input = holding("問合せ記録");
    let rule = input.retention.as_mut().unwrap();
    rule.years = 0;
    rule.trigger = RetentionTrigger::PurposeAchieved;
    assert!(register.create_holding(input, ACTOR).is_ok());
}

#[test]
fn ledger_numbers_are_unique() {
    let register = memory_register();
    let mut input = holding("職員名簿");
    input.ledger_no = "総-01".into();
    register.create_holding(input.clone(), ACTOR).unwrap();
    let error = register.create_holding(input, ACTOR).unwrap_err();
    assert_eq!(error.field_errors()[0].field, "ledgerNo");
    assert_eq!(error.field_errors()[0].code, FieldErrorCode::Duplicate);
}

#[test]
fn an_edit_bumps_the_version_and_its_history_shows_before_and_after() {
    let register = memory_register();
    let created = register.create_holding(holding("職員名簿"), ACTOR).unwrap();
    let mut input = created.fields.clone();
    input.storage_place = "書庫A（施錠）".into();
    input.approx_count = Some(150);
    let updated = register
        .update_holding(created.id, 1, input, "another-officer")
        .unwrap();
    assert_eq!(updated.version, 2);
    assert_eq!(updated.created_at, created.created_at);

    let history = register
        .history(Entity::Holding, &created.id.to_string())
        .unwrap();
    assert_eq!(history.len(), 2);
    let edit = &history[0];
    assert_eq!(
        (edit.action, edit.actor.as_str()),
        (AuditAction::Update, "another-officer")
    );
    let changed: Vec<&str> = edit.changes.iter().map(|c| c.field.as_str()).collect();
    assert_eq!(
        changed,
        ["approxCount", "storagePlace"],
        "only what changed is listed"
    );
    let place = edit
        .changes
        .iter()
        .find(|c| c.field == "storagePlace")
        .unwrap();
    assert_eq!(place.before, Some("人事システム".into()));
    assert_eq!(place.after, Some("書庫A（施錠）".into()));
}

#[test]
fn an_edit_from_a_stale_version_is_refused() {
    let register = memory_register();
    let created = register.create_holding(holding("職員名簿"), ACTOR).unwrap();
    register
        .update_holding(created.id, 1, created.fields.clone(), ACTOR)
        .unwrap();
    let error = register
        .update_holding(created.id, 1, created.fields.clone(), ACTOR)
        .err()
        .unwrap();
    assert_eq!(error.kind(), ErrorKind::Conflict);
    let error = register.delete_holding(created.id, 1, ACTOR).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Conflict);
    assert_eq!(register.holding(created.id).unwrap().version, 2);
}

#[test]
fn data_items_keep_their_ids_when_reordered_renamed_or_added() {
    let register = memory_register();
    let created = register.create_holding(holding("職員名簿"), ACTOR).unwrap();
    let ids: Vec<i64> = created
        .fields
        .data_items
        .iter()
        .map(|i| i.id.unwrap())
        .collect();
    let mut input = created.fields.clone();
    input.data_items.swap(0, 1);
    input.data_items[0].name = "氏名".into(); // the former 住所 takes the name 氏名 …
    input.data_items[1].name = "住所".into(); // … while the former 氏名 becomes 住所
    input.data_items.push(item("電話番号"));
    let updated = register
        .update_holding(created.id, 1, input, ACTOR)
        .unwrap();
    let items = &updated.fields.data_items;
    assert_eq!(
        items.iter().map(|i| i.name.as_str()).collect::<Vec<_>>(),
        ["氏名", "住所", "電話番号"]
    );
    assert_eq!(items[0].id, Some(ids[1]));
    assert_eq!(items[1].id, Some(ids[0]));
    assert!(items[2].id.is_some() && !ids.contains(&items[2].id.unwrap()));
}

#[test]
fn an_item_of_another_holding_cannot_be_claimed() {
    let register = memory_register();
    let a = register.create_holding(holding("A"), ACTOR).unwrap();
    let b = register.create_holding(holding("B"), ACTOR).unwrap();
    let mut input = b.fields.clone();
    input.data_items[0].id = a.fields.data_items[0].id;
    let error = register
        .update_holding(b.id, 1, input, ACTOR)
        .err()
        .unwrap();
    assert_eq!(error.field_errors()[0].field, "dataItems[0].id");
}

#[test]
fn deleting_is_audited_with_the_deleted_state() {
    let register = memory_register();
    let created = register.create_holding(holding("職員名簿"), ACTOR).unwrap();
    register.delete_holding(created.id, 1, ACTOR).unwrap();
    assert_eq!(
        register.holding(created.id).unwrap_err().kind(),
        ErrorKind::NotFound
    );
    let history = register
        .history(Entity::Holding, &created.id.to_string())
        .unwrap();
    assert_eq!(history[0].action, AuditAction::Delete);
    let name = history[0]
        .changes
        .iter()
        .find(|c| c.field == "name")
        .unwrap();
    assert_eq!(
        (name.before.clone(), name.after.clone()),
        (Some("職員名簿".into()), None)
    );
    assert!(register.verify().unwrap().is_intact());
}

/// Issue 12, item 14: text that would rewrite what the reader sees (terminal escapes, bidi
/// overrides) or that no officer types (NUL, BEL, C1 controls) is refused in every text
/// field, with the field named and the value not repeated in the message.
#[test]
fn control_characters_and_bidi_overrides_are_refused_without_echoing_the_value() {
    let hostile = [
        ("山田\u{0}花子", 3, 0x0),
        ("山田\u{7}花子", 3, 0x7),
        ("山田\u{1b}[31m花子", 3, 0x1b),
        ("山田\u{202E}花子", 3, 0x202E),
        ("山田\u{2066}花子", 3, 0x2066),
        ("山田\u{85}花子", 3, 0x85),
        ("山田\u{7f}花子", 3, 0x7f),
        ("山田\n花子", 3, 0xA),
        ("山田\t花子", 3, 0x9),
    ];
    for (value, position, code_point) in hostile {
        let register = memory_register();
        let error = register
            .create_holding(holding(value), ACTOR)
            .expect_err("refused");
        assert_eq!(error.kind(), ErrorKind::Validation, "{error}");
        let field = &error.field_errors()[0];
        assert_eq!(
            (field.field.as_str(), field.code, field.limit),
            ("name", FieldErrorCode::ControlCharacter, Some(position)),
            "{value:?}"
        );
        assert!(
            field.message.contains(&format!("U+{code_point:04X}")),
            "{}",
            field.message
        );
        for text in [field.message.clone(), error.to_string()] {
            assert!(!text.contains(value), "{text:?} repeats the value");
            assert!(!text.contains("花子"), "{text:?} repeats part of the value");
        }
        assert!(register.holdings().unwrap().is_empty());
    }

    // Lists and multi-line fields are held to the same rule: NUL is refused everywhere.
    let mut input = holding("名簿");
    input.notes = "備考\u{0}".to_owned();
    input.purposes = vec!["人事管理\u{202E}".to_owned()];
    input.data_items[1].name = "住所\u{1b}[2J".to_owned();
    let fields = field_errors(input);
    for field in ["notes", "purposes[0]", "dataItems[1].name"] {
        assert!(
            fields.contains(&(field.to_owned(), FieldErrorCode::ControlCharacter)),
            "{field}: {fields:?}"
        );
    }

    // Updates run the same checks.
    let register = memory_register();
    let stored = register.create_holding(holding("名簿"), ACTOR).unwrap();
    let mut change = holding("名簿");
    change.manager = "課長\u{202E}".to_owned();
    let error = register
        .update_holding(stored.id, stored.version, change, ACTOR)
        .expect_err("refused");
    assert_eq!(error.field_errors()[0].field, "manager");
    assert_eq!(
        error.field_errors()[0].code,
        FieldErrorCode::ControlCharacter
    );
}

#[test]
fn line_breaks_and_tabs_are_kept_in_multi_line_fields_and_japanese_text_is_accepted() {
    let register = memory_register();
    // Full-width spaces, emoji with joiners and skin tones, combining marks (が as か + U+3099),
    // half-width kana, and the direction marks of mixed-script text are all ordinary text.
    let name = "山田　花子 👩\u{200D}💻👍🏽 か\u{3099}ｶﾞ \u{200F}شركة\u{200E} Ltd.";
    let mut input = holding(name);
    input.notes = "一行目\n\t二行目（字下げ）\r\n三行目".to_owned();
    let stored = register.create_holding(input, ACTOR).unwrap();
    assert_eq!(stored.fields.name, name);
    assert_eq!(
        stored.fields.notes, "一行目\n\t二行目（字下げ）\n三行目",
        "Windows line endings become line feeds"
    );
}

/// The actor is printed by the audit listing and stored in timelines: it is held to the same
/// single-line rule, whichever verb writes.
#[test]
fn an_actor_with_control_characters_writes_nothing() {
    let register = memory_register();
    let error = register
        .create_holding(holding("名簿"), "山田\u{1b}[31m")
        .expect_err("refused");
    assert_eq!(error.kind(), ErrorKind::Validation, "{error}");
    assert_eq!(error.field_errors()[0].field, "actor");
    assert_eq!(
        error.field_errors()[0].code,
        FieldErrorCode::ControlCharacter
    );
    assert!(!error.to_string().contains('\u{1b}'), "{error}");
    assert!(register.holdings().unwrap().is_empty());
    assert_eq!(register.chain_head().unwrap(), None);
}
