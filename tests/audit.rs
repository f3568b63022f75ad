//! The audit trail: append-only, hash-chained, and verified against the records it describes.

use crate::common;

use common::{holding, TempRegister, ACTOR};

fn register_with_history(temp: &TempRegister) -> i64 {
    let register = temp.open();
    register
        .save_organisation(common::organisation(), None, ACTOR)
        .unwrap();
    let created = register.create_holding(holding("職員名簿"), ACTOR).unwrap();
    let mut input = created.fields.clone();
    input.approx_count = Some(200);
    register
        .update_holding(created.id, 1, input, ACTOR)
        .unwrap();
    register
        .create_holding(holding("採用応募者"), ACTOR)
        .unwrap();
    created.id
}

#[test]
fn an_untouched_register_verifies() {
    let temp = TempRegister::new();
    register_with_history(&temp);
    let report = temp.open().verify().unwrap();
    assert!(report.is_intact(), "{report:?}");
    assert_eq!(report.entries, 4);
    assert_eq!(report.head.as_ref().map(|h| h.seq), Some(4));
    assert_eq!(report.head.unwrap().hash.len(), 64);
}

#[test]
fn the_trail_refuses_update_and_delete() {
    let temp = TempRegister::new();
    register_with_history(&temp);
    let conn = temp.raw();
    let update = conn.execute(
        "UPDATE audit_event SET actor = 'someone-else' WHERE seq = 1",
        [],
    );
    assert!(update.unwrap_err().to_string().contains("append-only"));
    let delete = conn.execute("DELETE FROM audit_event WHERE seq = 2", []);
    assert!(delete.unwrap_err().to_string().contains("append-only"));
}

#[test]
fn a_rewritten_entry_is_named_even_when_the_triggers_are_dropped() {
    let temp = TempRegister::new();
    register_with_history(&temp);
    let conn = temp.raw();
    conn.execute_batch(
        "DROP TRIGGER audit_event_no_update;
         UPDATE audit_event SET actor = 'someone-else' WHERE seq = 2;",
    )
    .unwrap();
    let report = temp.open().verify().unwrap();
    let link = report.broken_link.expect("the rewrite is detected");
    assert_eq!(link.seq, 2);
    assert!(link.reason.contains("altered"), "{}", link.reason);
}

#[test]
fn a_removed_entry_is_detected() {
    let temp = TempRegister::new();
    register_with_history(&temp);
    temp.raw()
        .execute_batch("DROP TRIGGER audit_event_no_delete; DELETE FROM audit_event WHERE seq = 2;")
        .unwrap();
    let link = temp.open().verify().unwrap().broken_link.expect("detected");
    assert_eq!(link.seq, 3);
    assert!(link.reason.contains("missing"), "{}", link.reason);
}

#[test]
fn a_record_edited_behind_the_apps_back_is_named() {
    let temp = TempRegister::new();
    let id = register_with_history(&temp);
    temp.raw()
        .execute(
            "UPDATE holding SET storage_place = '自宅' WHERE id = ?1",
            [id],
        )
        .unwrap();
    let report = temp.open().verify().unwrap();
    assert!(report.broken_link.is_none(), "the chain itself is intact");
    assert_eq!(report.altered_records.len(), 1);
    let altered = &report.altered_records[0];
    assert_eq!(
        (altered.entity.as_str(), altered.entity_id.clone()),
        ("holding", id.to_string())
    );
    assert!(altered.reason.contains("differs"));
}

#[test]
fn a_record_deleted_or_inserted_behind_the_apps_back_is_named() {
    let temp = TempRegister::new();
    let id = register_with_history(&temp);
    temp.raw()
        .execute("DELETE FROM holding WHERE id = ?1", [id])
        .unwrap();
    let report = temp.open().verify().unwrap();
    assert_eq!(report.altered_records.len(), 1);
    assert!(report.altered_records[0].reason.contains("missing"));

    temp.raw()
        .execute(
            // Columns named, so that columns added later take their defaults.
            "INSERT INTO holding (id, ledger_no, name, department, business_process, manager,
             persons_recorded, approx_count, acquisition_method, acquisition_sources, purposes,
             purpose_notice, consent, consent_note, medium, storage_place, storage_method,
             access_holders, use_deadline, retention_years, retention_months, retention_trigger,
             retention_trigger_note, retention_legal_basis, disposal_method, disposal_note,
             retained_personal_data, last_review, next_review, regular_recipients,
             file_register_exemption, withheld_items, special_procedure, notes, version,
             created_at, updated_at, number_affairs, number_masking, number_masking_note)
             SELECT 99, 'X-99', name, department, business_process, manager,
             persons_recorded, approx_count, acquisition_method, acquisition_sources, purposes,
             purpose_notice, consent, consent_note, medium, storage_place, storage_method,
             access_holders, use_deadline, retention_years, retention_months, retention_trigger,
             retention_trigger_note, retention_legal_basis, disposal_method, disposal_note,
             retained_personal_data, last_review, next_review, regular_recipients,
             file_register_exemption, withheld_items, special_procedure, notes, version,
             created_at, updated_at, number_affairs, number_masking, number_masking_note
             FROM holding LIMIT 1",
            [],
        )
        .unwrap();
    let report = temp.open().verify().unwrap();
    assert!(report
        .altered_records
        .iter()
        .any(|r| r.entity_id == "99" && r.reason.contains("no audit entry")));
}

#[test]
fn every_write_appends_exactly_one_entry_and_a_refused_write_none() {
    let temp = TempRegister::new();
    let register = temp.open();
    let created = register.create_holding(holding("名簿"), ACTOR).unwrap();
    assert_eq!(common::audit_count(&temp.path), 1);
    let mut bad = created.fields.clone();
    bad.name.clear();
    assert!(register.update_holding(created.id, 1, bad, ACTOR).is_err());
    assert_eq!(common::audit_count(&temp.path), 1);
    register.set_language(daicho::Language::En, ACTOR).unwrap();
    register.set_language(daicho::Language::En, ACTOR).unwrap();
    assert_eq!(
        common::audit_count(&temp.path),
        2,
        "an unchanged preference is not a write"
    );
    assert_eq!(register.language().unwrap(), Some(daicho::Language::En));
}

#[test]
fn deadline_settings_edited_behind_the_apps_back_are_named() {
    let temp = TempRegister::new();
    let register = temp.open();
    register
        .save_deadline_settings(
            daicho::model::deadline_settings::DeadlineSettingsInput::default(),
            None,
            ACTOR,
        )
        .unwrap();
    drop(register);
    // Someone removes the year-end closure to make a late decision look timely.
    temp.raw().execute("DELETE FROM closure_range", []).unwrap();
    let report = temp.open().verify().unwrap();
    assert_eq!(report.altered_records.len(), 1, "{report:?}");
    assert_eq!(report.altered_records[0].entity, "deadlineSettings");
}

/// A register whose four entries a full verification walked: the checkpoint is at entry 4.
fn fully_verified(temp: &TempRegister) -> i64 {
    let id = register_with_history(temp);
    let report = temp.open().verify().unwrap();
    assert!(report.is_intact() && report.full, "{report:?}");
    id
}

/// Changes holding `id` through the register: entry 5, after the checkpoint.
fn change_after_checkpoint(temp: &TempRegister, id: i64) {
    let register = temp.open();
    let holding = register.holding(id).unwrap();
    let mut input = holding.fields.clone();
    input.approx_count = Some(300);
    register
        .update_holding(id, holding.version, input, ACTOR)
        .unwrap();
}

#[test]
fn an_open_verifies_only_the_entries_after_the_checkpoint_and_says_so() {
    let temp = TempRegister::new();
    let id = fully_verified(&temp);
    let verification = temp.open().last_verification().unwrap();
    assert!(
        verification.intact && !verification.full,
        "{verification:?}"
    );
    assert_eq!(verification.entries, 0);
    assert_eq!(verification.checkpoint.map(|c| c.seq), Some(4));
    assert_eq!(verification.head.map(|h| h.seq), Some(4));

    change_after_checkpoint(&temp, id);
    let verification = temp.open().last_verification().unwrap();
    assert!(
        verification.intact && !verification.full,
        "{verification:?}"
    );
    assert_eq!(verification.entries, 1);
    assert_eq!(verification.head.map(|h| h.seq), Some(5));
    assert_eq!(verification.checkpoint.map(|c| c.seq), Some(4));

    // The full verification walks all five and moves the checkpoint to the head.
    let register = temp.open();
    let report = register.verify().unwrap();
    assert!(report.is_intact() && report.full);
    assert_eq!(report.entries, 5);
    assert_eq!(report.checkpoint, None);
    assert!(register.last_verification().unwrap().full);
    drop(register);
    let verification = temp.open().last_verification().unwrap();
    assert_eq!(verification.checkpoint.map(|c| c.seq), Some(5));
    assert_eq!(verification.entries, 0);
}

#[test]
fn the_first_open_of_a_register_never_fully_verified_walks_everything_and_sets_the_checkpoint() {
    let temp = TempRegister::new();
    register_with_history(&temp);
    let verification = temp.open().last_verification().unwrap();
    assert!(verification.intact && verification.full, "{verification:?}");
    assert_eq!(verification.entries, 4);
    let verification = temp.open().last_verification().unwrap();
    assert!(!verification.full);
    assert_eq!(verification.checkpoint.map(|c| c.seq), Some(4));
}

#[test]
fn a_record_altered_after_the_checkpoint_is_caught_on_open() {
    let temp = TempRegister::new();
    let id = fully_verified(&temp);
    change_after_checkpoint(&temp, id);
    temp.raw()
        .execute(
            "UPDATE holding SET storage_place = '自宅' WHERE id = ?1",
            [id],
        )
        .unwrap();
    let register = temp.open();
    let verification = register.last_verification().unwrap();
    assert!(
        !verification.intact && !verification.full,
        "{verification:?}"
    );
    assert_eq!(verification.altered_records, 1);
    let report = register.verify_quick().unwrap();
    assert_eq!(report.altered_records.len(), 1);
    assert_eq!(report.altered_records[0].entity_id, id.to_string());
    assert!(report.altered_records[0].reason.contains("differs"));
}

#[test]
fn a_record_deleted_after_the_checkpoint_is_caught_on_open() {
    let temp = TempRegister::new();
    let id = fully_verified(&temp);
    change_after_checkpoint(&temp, id);
    temp.raw()
        .execute("DELETE FROM holding WHERE id = ?1", [id])
        .unwrap();
    let report = temp.open().verify_quick().unwrap();
    assert_eq!(report.altered_records.len(), 1, "{report:?}");
    assert!(report.altered_records[0].reason.contains("missing"));
}

#[test]
fn an_entry_rewritten_after_the_checkpoint_is_caught_on_open() {
    let temp = TempRegister::new();
    let id = fully_verified(&temp);
    change_after_checkpoint(&temp, id);
    temp.raw()
        .execute_batch(
            "DROP TRIGGER audit_event_no_update;
             UPDATE audit_event SET actor = 'someone-else' WHERE seq = 5;",
        )
        .unwrap();
    let verification = temp.open().last_verification().unwrap();
    assert!(!verification.intact);
    assert_eq!(verification.broken_at, Some(5));
}

#[test]
fn a_rewritten_checkpoint_entry_is_caught_on_open() {
    // Its content changed under its old hash.
    let temp = TempRegister::new();
    fully_verified(&temp);
    temp.raw()
        .execute_batch(
            "DROP TRIGGER audit_event_no_update;
             UPDATE audit_event SET actor = 'someone-else' WHERE seq = 4;",
        )
        .unwrap();
    let report = temp.open().verify_quick().unwrap();
    let link = report.broken_link.expect("the rewrite is detected on open");
    assert_eq!(link.seq, 4);
    assert!(link.reason.contains("checkpoint"), "{}", link.reason);

    // Its hash replaced, as a rewrite that recomputed it would.
    let temp = TempRegister::new();
    fully_verified(&temp);
    temp.raw()
        .execute_batch(
            "DROP TRIGGER audit_event_no_update;
             UPDATE audit_event SET hash = zeroblob(32) WHERE seq = 4;",
        )
        .unwrap();
    let verification = temp.open().last_verification().unwrap();
    assert!(!verification.intact);
    assert_eq!(verification.broken_at, Some(4));

    // Removed.
    let temp = TempRegister::new();
    fully_verified(&temp);
    temp.raw()
        .execute_batch("DROP TRIGGER audit_event_no_delete; DELETE FROM audit_event WHERE seq = 4;")
        .unwrap();
    let link = temp.open().verify_quick().unwrap().broken_link.unwrap();
    assert_eq!(link.seq, 4);
    assert!(link.reason.contains("missing"), "{}", link.reason);
}

#[test]
fn tampering_below_the_checkpoint_is_caught_by_the_full_verification() {
    let temp = TempRegister::new();
    let id = fully_verified(&temp);
    let conn = temp.raw();
    // A careful insider puts the trail's protection back afterwards: a missing trigger is
    // seen on every open (a_dropped_protection_of_the_trail_is_reported).
    let trigger: String = conn
        .query_row(
            "SELECT sql FROM sqlite_schema WHERE name = 'audit_event_no_update'",
            [],
            |row| row.get(0),
        )
        .unwrap();
    conn.execute_batch(
        "DROP TRIGGER audit_event_no_update;
         UPDATE audit_event SET actor = 'someone-else' WHERE seq = 2;",
    )
    .unwrap();
    conn.execute_batch(&trigger).unwrap();
    conn.execute(
        "UPDATE holding SET storage_place = '自宅' WHERE id = ?1",
        [id],
    )
    .unwrap();
    drop(conn);
    let register = temp.open();
    // The open checks only what follows the checkpoint: old history is the full walk's.
    assert!(register.last_verification().unwrap().intact);
    let report = register.verify().unwrap();
    assert!(report.full);
    assert_eq!(report.broken_link.map(|l| l.seq), Some(2));
    assert_eq!(report.altered_records.len(), 1);
    assert_eq!(report.altered_records[0].entity_id, id.to_string());
    let verification = register.last_verification().unwrap();
    assert!(!verification.intact && verification.full);
    drop(register);
    // A failed full verification does not move the checkpoint.
    let verification = temp.open().last_verification().unwrap();
    assert_eq!(verification.checkpoint.map(|c| c.seq), Some(4));
}
