//! Opening, creating and migrating the register file, and the refusals that keep a file safe.

use crate::common;

use common::TempRegister;
use daicho::db::{supported_version, MIGRATIONS};
use daicho::model::organisation::{OrganisationInput, Regime};
use daicho::model::provision::ProvisionBasis;
use daicho::{ErrorKind, Register};
use sha2::{Digest, Sha256};

/// Released migrations are append-only: editing one would give two installations different
/// schemas under the same version. Add a new migration instead of changing a hash here.
#[test]
fn released_migrations_are_never_edited() {
    let released = [
        (
            "0001_init",
            "8fe8de54618d539b146d6de805a17764ac2ed84bcf7d9da410e98b8312ea6cc3",
        ),
        (
            "0002_requests_complaints",
            "ba368645ebeb5e7978ca35e3e54270b50c38853c1b48ef24032a9f9ad6d5bc63",
        ),
        (
            "0003_large_volume",
            "4674c79144c529c40fa33a9204bd0c92cd0aa117e0b96173c69bd325530e1acb",
        ),
        (
            "0004_subcontracting_joint_use_transfers",
            "46b41ca0aed8566db9bae7c80e6c41865effd47d91d28ad726f44d769c79218d",
        ),
        (
            "0005_provision_measures_disposal_objections",
            "5bd4ec7d8ef197583191e27fcef6e3788ddfdd701eeee6c38040347170a58df2",
        ),
        (
            "0006_incidents",
            "3ddcde089ae8695497d6405ce098cabb8b48ca87f63110e06a0688a443f2a633",
        ),
        (
            "0007_incident_entrustee",
            "4608391511768a7d68c2ab1df21485c0bf1f9911192bc861cabe81a62b472afb",
        ),
        (
            "0008_individual_numbers_joint_parties",
            "aa2e2c89b0d94d026093a0e6e513620ffcc01be5d0484ede689680deec1d1870",
        ),
        (
            "0009_implicit_consent_request_procedure",
            "631a6ba5da879888d87d97d80cebab6fc51dc777fd30147c95f578b3df6ce3f0",
        ),
        (
            "0010_personal_related_provisions",
            "9fb98cb5ef5f9163e0fa9696eef8f2859ba0c996834693b193d7253fc7df10ab",
        ),
        (
            "0011_pseudonymised_anonymised",
            "48dca8f63e3887c239add1c2f054505f95b4c7422a823a382b1ae1f523e8efc3",
        ),
        (
            "0012_audit_checkpoint",
            "2f5d4ea00153e57245d89f8c433fb72e6ecbbd95f2e717abaec57303564f4f89",
        ),
        (
            "0013_search",
            "16ebb3afb79a68a4f76f370a7b4827806d02c90be7cde08ce8e975df5c058bf6",
        ),
        (
            "0014_management_system",
            "967c0ffbbeb4302395c6f2a2c5f76706d99e8b3fca4a6173417ae08ac685cd45",
        ),
        (
            "0015_public_bodies_and_seeds",
            "59b7a7f3e9453ae8f184d3c90a621a6ceae84d0f59906b51555d147434edf382",
        ),
    ];
    assert!(
        MIGRATIONS.len() >= released.len(),
        "a released migration was removed"
    );
    for ((name, sql), (released_name, released_hash)) in MIGRATIONS.iter().zip(released) {
        assert_eq!(*name, released_name);
        assert_eq!(
            hex::encode(Sha256::digest(sql.as_bytes())),
            released_hash,
            "{name} was edited"
        );
    }
}

#[test]
fn a_new_register_is_created_migrated_with_wal_and_foreign_keys() {
    let temp = TempRegister::new();
    let nested = temp.dir.path().join("a/b/register.db");
    drop(
        Register::create(&nested, &common::test_key()).expect("creates missing parent directories"),
    );
    drop(temp.open());
    let conn = temp.raw();
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, supported_version());
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal", "WAL is persistent once set");
}

#[test]
fn reopening_a_register_keeps_its_records() {
    let temp = TempRegister::new();
    let id = temp
        .open()
        .create_holding(common::holding("職員名簿"), common::ACTOR)
        .unwrap()
        .id;
    let reopened = temp.open();
    assert_eq!(reopened.holding(id).unwrap().fields.name, "職員名簿");
}

#[test]
fn a_register_from_a_newer_daicho_is_refused_and_left_byte_for_byte() {
    let temp = TempRegister::new();
    drop(temp.open());
    temp.raw()
        .pragma_update(None, "user_version", supported_version() + 1)
        .unwrap();
    // Checkpoint so the main file holds everything, then compare bytes before and after.
    temp.raw()
        .execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
        .unwrap();
    let before = std::fs::read(&temp.path).unwrap();
    let error =
        Register::open(&temp.path, &common::test_key()).expect_err("a newer register is refused");
    assert_eq!(error.kind(), ErrorKind::TooNew);
    assert!(
        error.to_string().contains("newer"),
        "message explains: {error}"
    );
    assert_eq!(
        std::fs::read(&temp.path).unwrap(),
        before,
        "the file was modified"
    );
}

/// Issue 12, item 17: a migration that would leave rows pointing at rows that are not there
/// is undone, and the refusal names the tables and counts in words, not SQLite's raw
/// "foreign key violations".
#[test]
fn a_migration_that_finds_orphaned_rows_is_undone_and_says_where_they_are() {
    // A register made by the first release (only the first migration applied) holding two
    // data items of a holding that does not exist; every later migration then runs on open.
    let temp = TempRegister::new();
    let conn = common::keyed(&temp.path, &common::test_key());
    conn.execute_batch(MIGRATIONS[0].1).unwrap();
    conn.execute_batch(
        "PRAGMA foreign_keys = OFF;
         INSERT INTO holding_data_item (holding_id, position, name, sensitive, my_number)
           VALUES (999, 0, '氏名', 0, 0), (999, 1, '住所', 0, 0);
         PRAGMA user_version = 1;",
    )
    .unwrap();
    drop(conn);
    let before = std::fs::read(&temp.path).unwrap();
    let error = Register::open(&temp.path, &common::test_key()).expect_err("orphaned rows");
    assert_eq!(error.kind(), ErrorKind::Unopenable, "{error}");
    let message = error.to_string();
    assert!(
        message.contains("2 in holding_data_item") && message.contains("undone"),
        "{message}"
    );
    assert!(
        !message.contains("氏名") && !message.contains("foreign key"),
        "{message}"
    );
    assert_eq!(
        std::fs::read(&temp.path).unwrap(),
        before,
        "nothing was changed"
    );
}

#[test]
fn a_file_that_is_not_a_register_is_refused_and_left_untouched() {
    let temp = TempRegister::new();
    let content = b"Excel ledger, not a database\n".repeat(200);
    std::fs::write(&temp.path, &content).unwrap();
    let error = Register::open(&temp.path, &common::test_key()).expect_err("garbage is refused");
    assert_eq!(error.kind(), ErrorKind::Unopenable);
    assert!(error.to_string().contains("left untouched"), "{error}");
    assert_eq!(std::fs::read(&temp.path).unwrap(), content);
    let siblings: Vec<_> = std::fs::read_dir(temp.dir.path()).unwrap().collect();
    assert_eq!(
        siblings.len(),
        1,
        "no -wal/-shm or replacement file was created"
    );
}

/// Issue 12 item 4: a mistyped path or a 0-byte file is refused, never made into a new empty
/// register that `verify` would then call intact. Only `create` (init, first run) makes one.
#[test]
fn a_missing_or_empty_register_is_refused_and_nothing_is_created() {
    let temp = TempRegister::new();
    let typo = temp.dir.path().join("regsiter.db");
    let error = Register::open(&typo, &common::test_key()).expect_err("no register there");
    assert_eq!(error.kind(), ErrorKind::NoRegister);
    assert!(error.to_string().contains("none was created"), "{error}");
    assert!(!typo.exists(), "nothing was created at the mistyped path");
    assert_eq!(std::fs::read_dir(temp.dir.path()).unwrap().count(), 0);

    std::fs::write(&temp.path, b"").unwrap();
    let error = Register::open(&temp.path, &common::test_key()).expect_err("an empty file");
    assert_eq!(error.kind(), ErrorKind::NoRegister);
    assert!(error.to_string().contains("the file is empty"), "{error}");
    assert_eq!(
        std::fs::metadata(&temp.path).unwrap().len(),
        0,
        "left as it was"
    );
    assert_eq!(
        std::fs::read_dir(temp.dir.path()).unwrap().count(),
        1,
        "no -wal or -shm beside it"
    );

    // Made on purpose, it is a register; opened again, it is the same one.
    let made = Register::create(&temp.path, &common::test_key()).unwrap();
    made.create_holding(common::holding("職員名簿"), common::ACTOR)
        .unwrap();
    drop(made);
    let again = Register::open(&temp.path, &common::test_key()).unwrap();
    assert_eq!(again.holdings().unwrap().len(), 1);
}

/// Issue 12 item 2: a current register opens and reads while another process holds a write
/// transaction (WAL), instead of waiting for the migration's exclusive lock; a write that
/// cannot get the lock in time is reported as busy, with nothing written.
#[test]
fn a_register_opens_and_reads_while_another_connection_writes() {
    let temp = TempRegister::new();
    let register = temp.open();
    register
        .create_holding(common::holding("職員名簿"), common::ACTOR)
        .unwrap();
    drop(register);

    let writer = temp.raw();
    writer
        .execute_batch("BEGIN IMMEDIATE; UPDATE holding SET name = name WHERE id = 1;")
        .unwrap();
    // The writer never lets go before the open ends, so an open that needed its lock would
    // fail as busy rather than succeed late.
    let reader = Register::open(&temp.path, &common::test_key()).expect("opens while written");
    assert_eq!(reader.holdings().unwrap().len(), 1, "and reads");
    let error = reader
        .create_holding(common::holding("来客名簿"), common::ACTOR)
        .expect_err("the writer still holds the lock");
    assert_eq!(error.kind(), ErrorKind::Busy);
    assert!(error.to_string().contains("nothing was written"), "{error}");
    writer.execute_batch("COMMIT").unwrap();
    assert_eq!(
        reader.holdings().unwrap().len(),
        1,
        "the busy write left nothing"
    );
    reader
        .create_holding(common::holding("来客名簿"), common::ACTOR)
        .expect("written once the other process is done");
}

#[test]
fn tables_are_strict_and_checked() {
    let temp = TempRegister::new();
    temp.open()
        .create_holding(common::holding("名簿"), common::ACTOR)
        .unwrap();
    let conn = temp.raw();
    let wrong_type = conn.execute("UPDATE holding SET approx_count = 'many'", []);
    assert!(
        wrong_type.is_err(),
        "STRICT refuses text in an INTEGER column"
    );
    let bad_enum = conn.execute("UPDATE holding SET medium = 'papyrus'", []);
    assert!(bad_enum.is_err(), "CHECK refuses an unknown medium");
    let bad_date = conn.execute("UPDATE holding SET last_review = '2026-02-30'", []);
    assert!(bad_date.is_err(), "CHECK refuses an impossible date");
    let half_rule = conn.execute("UPDATE holding SET retention_years = NULL", []);
    assert!(half_rule.is_err(), "a retention rule is all or nothing");
}

#[test]
fn request_and_settings_tables_are_checked() {
    let temp = TempRegister::new();
    drop(temp.open());
    let conn = temp.raw();
    let settings = conn.execute(
        "INSERT INTO deadline_settings VALUES (1, 31, NULL, 14, 1, 'now')",
        [],
    );
    assert!(
        settings.is_err(),
        "an ordinance cannot lengthen the 30 days"
    );
    conn.execute(
        "INSERT INTO deadline_settings VALUES (1, NULL, NULL, 14, 1, 'now')",
        [],
    )
    .unwrap();
    let leap = conn.execute(
        "INSERT INTO closure_range (position, from_month, from_day, to_month, to_day)
         VALUES (0, 2, 29, 3, 1)",
        [],
    );
    assert!(leap.is_ok(), "2/29 is a day of the year");
    let impossible = conn.execute(
        "INSERT INTO closure_range (position, from_month, from_day, to_month, to_day)
         VALUES (1, 2, 30, 3, 1)",
        [],
    );
    assert!(impossible.is_err(), "2/30 is not");
    let undecided_but_closed = conn.execute(
        "INSERT INTO request (reference, request_type, track, received_on, channel,
            requester_name, requester_contact, agent, agent_name, description, notes, status,
            closed_on, version, created_at, updated_at)
         VALUES ('R-1', 'disclosure', 'privateOperator', '2026-04-01', 'post', '山田', '', 'none',
            '', '', '', 'closed', '2026-04-02', 1, 'now', 'now')",
        [],
    );
    assert!(
        undecided_but_closed.is_err(),
        "a closed request has its decision and answer"
    );
}

#[test]
fn the_default_path_honours_daicho_db() {
    // Read-only check of the override; the real data directory is never opened here.
    let path = daicho::paths::default_db_path();
    match std::env::var_os(daicho::paths::DB_ENV) {
        Some(value) if !value.is_empty() => assert_eq!(path, Some(value.into())),
        _ => {
            let path = path.expect("an app-data directory");
            assert!(
                path.ends_with("jp.daicho.app/register.db"),
                "{}",
                path.display()
            );
        }
    }
}

#[test]
fn the_large_volume_columns_are_all_or_nothing_with_valid_dates() {
    let temp = TempRegister::new();
    {
        let register = temp.open();
        register
            .save_organisation(common::organisation(), None, common::ACTOR)
            .unwrap();
        register
            .create_request(common::request("2026-04-01"), common::ACTOR)
            .unwrap();
    }
    let conn = temp.raw();
    let set = |reason: &str, notified: &str, remainder: &str| {
        conn.execute(
            &format!(
                "UPDATE request SET large_volume_reason = {reason},
                 large_volume_notified_on = {notified}, large_volume_remainder_by = {remainder}"
            ),
            [],
        )
    };
    assert!(
        set("'大量'", "'2026-04-20'", "NULL").is_err(),
        "all or nothing"
    );
    assert!(
        set("NULL", "'2026-04-20'", "'2026-09-30'").is_err(),
        "all or nothing"
    );
    assert!(
        set("'大量'", "'2026-02-30'", "'2026-09-30'").is_err(),
        "impossible date"
    );
    assert!(
        set("'大量'", "'2026-03-31'", "'2026-09-30'").is_err(),
        "before receipt"
    );
    assert!(
        set("'大量'", "'2026-04-20'", "'2026-04-19'").is_err(),
        "rest before notice"
    );
    assert!(set("'大量'", "'2026-04-20'", "'2026-09-30'").is_ok());
    let with_extension = conn.execute(
        "UPDATE request SET extension_reason = '延長', extension_notified_on = '2026-04-20'",
        [],
    );
    assert!(with_extension.is_err(), "never together with an extension");
    assert!(set("NULL", "NULL", "NULL").is_ok());
}

#[test]
fn a_version_2_register_keeps_its_timeline_through_the_large_volume_migration() {
    let temp = TempRegister::new();
    {
        let conn = common::keyed(&temp.path, &common::test_key());
        for (_, sql) in &MIGRATIONS[..2] {
            conn.execute_batch(sql).unwrap();
        }
        conn.execute_batch(
            "INSERT INTO request (id, reference, request_type, track, received_on, channel,
                 requester_name, requester_contact, agent, agent_name, description, notes, status,
                 version, created_at, updated_at)
             VALUES (1, 'R-0001', 'disclosure', 'localGovernment', '2026-04-01', 'post', '山田',
                 '', 'none', '', '', '', 'received', 1, 't', 't');
             INSERT INTO request_event (id, request_id, kind, occurred_on, status, note, actor,
                 recorded_at)
             VALUES (5, 1, 'received', '2026-04-01', 'received', 'note', 'actor', 't');
             PRAGMA user_version = 2;",
        )
        .unwrap();
    }
    drop(temp.open());
    let conn = temp.raw();
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, supported_version());
    let event: (i64, String, String) = conn
        .query_row("SELECT id, kind, note FROM request_event", [], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .unwrap();
    assert_eq!(event, (5, "received".to_owned(), "note".to_owned()));
    let large_volume: Option<String> = conn
        .query_row("SELECT large_volume_reason FROM request", [], |r| r.get(0))
        .unwrap();
    assert_eq!(large_volume, None);
    assert!(
        conn.execute("UPDATE request_event SET note = 'x'", [])
            .is_err(),
        "the timeline stays append-only"
    );
    assert!(conn
        .execute(
            "INSERT INTO request_event (request_id, kind, occurred_on, status, note, actor,
                 recorded_at)
             VALUES (1, 'largeVolumeNotified', '2026-04-20', 'received', '', 'a', 't')",
            [],
        )
        .is_ok());
}

/// Migration 0008: a joint use's one responsible party becomes a one-element list, in its row
/// and in every stored edition (none when all three were empty); holdings gain no affairs.
#[test]
fn a_version_7_joint_use_keeps_its_responsible_party_as_a_one_element_list() {
    let temp = TempRegister::new();
    {
        let conn = common::keyed(&temp.path, &common::test_key());
        for (_, sql) in &MIGRATIONS[..7] {
            conn.execute_batch(sql).unwrap();
        }
        let terms = |name: &str| {
            format!(
                r#"{{"factStatement":"f","items":["氏名"],"usersRange":"r","purposes":[],
                   "responsibleName":"{name}","responsibleAddress":"","responsibleRepresentative":""}}"#
            )
        };
        conn.execute_batch(&format!(
            "INSERT INTO joint_use (id, reference, title, fact_statement, items, users_range,
                 purposes, responsible_name, responsible_address, responsible_representative,
                 publication_methods, published_on, notes, version, created_at, updated_at)
             VALUES (1, 'JU-0001', '共同利用', 'f', '[\"氏名\"]', 'r', '[]', '組合', '', '', '[]',
                 NULL, '', 1, 't', 't'),
                    (2, 'JU-0002', '下書き', 'f', '[\"氏名\"]', 'r', '[]', '', '', '', '[]',
                 NULL, '', 1, 't', 't');
             INSERT INTO joint_use_edition (joint_use_id, number, terms, summary, recorded_at)
             VALUES (1, 1, '{}', '', 't'), (2, 1, '{}', '', 't');
             PRAGMA user_version = 7;",
            terms("組合"),
            terms("")
        ))
        .unwrap();
    }
    let register = temp.open();
    let uses = register.joint_uses().unwrap();
    let first = &uses[0].joint_use;
    assert_eq!(first.fields.terms.responsible_parties.len(), 1);
    assert_eq!(first.fields.terms.responsible_parties[0].name, "組合");
    assert_eq!(first.editions[0].terms, first.fields.terms);
    assert_eq!(first.fields.inquiry_contact, "");
    let draft = &uses[1].joint_use;
    assert!(draft.fields.terms.responsible_parties.is_empty());
    assert!(draft.editions[0].terms.responsible_parties.is_empty());
}

/// Migration 0015 rebuilds the organisation, the regular recipients, the provision records and
/// the incidents (their CHECKs list the regimes and the bases): a version-12 register with rows
/// in every rebuilt table and its link tables keeps them all, ids and links included, the
/// append-only triggers still hold, no row points nowhere, and the new regime can be saved.
#[test]
fn a_version_12_register_keeps_its_recipients_provisions_and_incidents_through_0015() {
    let temp = TempRegister::new();
    {
        let conn = common::keyed(&temp.path, &common::test_key());
        for (_, sql) in &MIGRATIONS[..12] {
            conn.execute_batch(sql).unwrap();
        }
        conn.execute_batch(VERSION_12_ROWS).unwrap();
        conn.execute_batch("PRAGMA user_version = 12;").unwrap();
    }
    let register = temp.open();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();

    let organisation = register.organisation().unwrap().expect("the organisation");
    assert_eq!(organisation.profile.name, "国立研究所");
    assert_eq!(organisation.profile.regime, Regime::NationalOrgan);
    assert_eq!(organisation.version, 2);
    assert!(organisation.profile.officers.is_empty());

    let recipients = register.recipients().unwrap();
    assert_eq!(recipients.len(), 1);
    assert_eq!(recipients[0].id, 3);
    assert_eq!(recipients[0].fields.holding_ids, vec![1, 2]);
    assert_eq!(
        recipients[0].fields.basis,
        ProvisionBasis::StatutoryException
    );
    assert_eq!(recipients[0].fields.public_ground, None);

    let records = register.provision_records(today).unwrap();
    assert_eq!(records.len(), 1);
    let record = &records[0].record;
    assert_eq!(record.id, 7);
    assert_eq!(record.fields.reference, "P-0007");
    assert_eq!(record.fields.recipient_id, Some(3));
    assert_eq!(record.fields.holding_ids, vec![2]);
    assert_eq!(record.fields.public_ground, None);

    let incidents = register.incidents(today).unwrap();
    assert_eq!(incidents.len(), 1);
    let incident = &incidents[0].incident;
    assert_eq!(incident.id, 4);
    assert_eq!(incident.fields.title, "名簿の誤送信");
    assert_eq!(incident.fields.holding_ids, vec![1]);
    assert_eq!(incident.regime, Regime::NationalOrgan);
    assert_eq!(
        incident.filings.iter().map(|f| f.id).collect::<Vec<_>>(),
        vec![8]
    );
    assert_eq!(
        incident.notices.iter().map(|n| n.id).collect::<Vec<_>>(),
        vec![9]
    );
    assert_eq!(
        incident.timeline.iter().map(|e| e.id).collect::<Vec<_>>(),
        vec![11, 12]
    );

    let conn = temp.raw();
    let orphans: i64 = conn
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(orphans, 0);
    let leftovers: i64 = conn
        .query_row(
            "SELECT count(*) FROM sqlite_schema WHERE name LIKE '%\\_v1_' ESCAPE '\\'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(leftovers, 0, "no table keeps its rebuild name");
    for table in ["incident_event", "incident_filing", "incident_notice"] {
        assert!(
            conn.execute(&format!("UPDATE {table} SET incident_id = 4"), [])
                .is_err(),
            "{table} stays append-only"
        );
    }
    // Deleting the incident still cascades to its own rows, and only to them.
    conn.execute("DELETE FROM incident WHERE id = 4", [])
        .unwrap();
    let children: i64 = conn
        .query_row(
            "SELECT (SELECT count(*) FROM incident_holding) + (SELECT count(*) FROM incident_filing)
                 + (SELECT count(*) FROM incident_notice) + (SELECT count(*) FROM incident_event)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(children, 0);
    drop(conn);

    // The regime the rebuild is for.
    let saved = register
        .save_organisation(
            OrganisationInput {
                regime: Regime::IncorporatedAgency,
                ..organisation.profile.clone()
            },
            Some(organisation.version),
            "tester",
        )
        .unwrap();
    assert_eq!(saved.profile.regime, Regime::IncorporatedAgency);
}

/// Rows as a version-12 register holds them (ids chosen apart so that a renumbering shows).
const VERSION_12_ROWS: &str = r#"
INSERT INTO organisation (id, name, address, representative, privacy_manager, request_desk,
    complaint_desk, regime, gdpr_applies, version, updated_at)
VALUES (1, '国立研究所', '東京都', '理事長', '総務課長', '総務課', '総務課', 'nationalOrgan', 0, 2, 't');
INSERT INTO holding (id, ledger_no, name, department, business_process, manager, persons_recorded,
    approx_count, acquisition_method, acquisition_sources, purposes, purpose_notice, consent,
    consent_note, medium, storage_place, storage_method, access_holders, use_deadline,
    disposal_note, retained_personal_data, regular_recipients, file_register_exemption,
    withheld_items, special_procedure, notes, version, created_at, updated_at)
VALUES (1, 'H-0001', '職員名簿', '総務課', '人事', '課長', '職員', 100, 'directWritten', '[]',
        '["人事管理"]', '[]', 'notRequired', '', 'electronic', '', '', '[]', '', '', 1, '[]', '',
        '[]', '', '', 1, 't', 't'),
       (2, 'H-0002', '来訪者記録', '総務課', '受付', '課長', '来訪者', 50, 'directWritten', '[]',
        '["入館管理"]', '[]', 'notRequired', '', 'paper', '', '', '[]', '', '', 1, '[]', '',
        '[]', '', '', 1, 't', 't');
INSERT INTO regular_recipient (id, name, address, representative, purpose, basis, exception, items,
    frequency, notes, version, created_at, updated_at)
VALUES (3, '共済組合', '東京都', '理事長', '給付', 'statutoryException', 'lawsAndRegulations',
        '["氏名"]', '毎月', '', 1, 't', 't');
INSERT INTO regular_recipient_holding (owner_id, holding_id, position) VALUES (3, 1, 0), (3, 2, 1);
INSERT INTO provision_record (id, reference, direction, basis, exception, recording_method,
    provided_on, last_provided_on, recorded_on, recipient_id, counterparty_name,
    counterparty_address, counterparty_representative, acquisition_circumstances,
    opt_out_published, persons, persons_description, items, consent_obtained, consent_note, notes,
    version, created_at, updated_at)
VALUES (7, 'P-0007', 'provided', 'consent', NULL, 'individual', '2026-04-01', NULL, '2026-04-01', 3,
        '共済組合', '東京都', '理事長', '', 0, '["山田"]', '', '["氏名"]', 1, '', '', 1, 't', 't');
INSERT INTO provision_record_holding (owner_id, holding_id, position) VALUES (7, 2, 0);
INSERT INTO incident (id, reference, title, aware_at, aware_department, occurred_on, nature,
    certainty, summary, items, persons, my_number_persons, cause, secondary_damage,
    secondary_damage_detail, strong_encryption, encryption_detail, financial_damage_risk,
    wrongful_purpose, data_being_acquired, my_number_system, publicly_exposed,
    gdpr_risk_unlikely, gdpr_risk_reason, perpetrator, entrusted_party, entrustee_notified_on,
    responses_to_persons, public_announcement, prevention, other, regime, gdpr_applies,
    closed_on, version, created_at, updated_at)
VALUES (4, 'I-0004', '名簿の誤送信', '2026-05-01T10:00:00+09:00', '総務課', '2026-05-01',
        '["leakage"]', 'actual', '',
        '[{"dataItemId":null,"name":"氏名","sensitive":false,"ordinanceSensitive":false,"myNumber":false}]', 3, 0, '', 'none', '', 0, '', 0, 0, 0, 0, 0, 0,
        '', 'insider', '', NULL, '', '', '', '', 'nationalOrgan', 0, NULL, 1, 't', 't');
INSERT INTO incident_holding (incident_id, holding_id, position) VALUES (4, 1, 0);
INSERT INTO incident_filing (id, incident_id, phase, law, filed_on, authority, channel,
    reference_no, note)
VALUES (8, 4, 'preliminary', 'appi', '2026-05-02', '個人情報保護委員会', 'webForm', 'R-1', '');
INSERT INTO incident_notice (id, incident_id, notified_on, method, persons, note)
VALUES (9, 4, '2026-05-03', 'letter', 3, '');
INSERT INTO incident_event (id, incident_id, kind, occurred_on, note, actor, recorded_at)
VALUES (11, 4, 'recorded', '2026-05-01', '', 'a', 't'),
       (12, 4, 'filed', '2026-05-02', '', 'a', 't');
"#;

/// Issue 12 item 1: two imports into one empty register at once, from two connections (as two
/// processes would open it): the emptiness check runs inside the write transaction, so one
/// import writes its document and the other is refused, instead of both merging.
#[test]
fn two_imports_at_once_do_not_merge() {
    let demo = daicho::Register::open_in_memory().unwrap();
    daicho::demo::load(&demo, common::ACTOR).unwrap();
    let full = serde_json::to_string(&daicho::document::export(&demo).unwrap()).unwrap();
    let small = Register::open_in_memory().unwrap();
    small
        .save_organisation(common::organisation(), None, common::ACTOR)
        .unwrap();
    small
        .create_holding(common::holding("来客名簿"), common::ACTOR)
        .unwrap();
    let one = serde_json::to_string(&daicho::document::export(&small).unwrap()).unwrap();

    let temp = TempRegister::new();
    drop(temp.open());
    // A third connection holds the write lock while both imports start, so both are under
    // way (each past reading the document) before either can write.
    let holder = temp.raw();
    holder.execute_batch("BEGIN IMMEDIATE").unwrap();
    let started = std::sync::Barrier::new(3);
    let outcomes: Vec<_> = std::thread::scope(|scope| {
        let handles = [full, one].map(|document| {
            let (path, started) = (temp.path.clone(), &started);
            scope.spawn(move || {
                let register = Register::open(&path, &common::test_key()).unwrap();
                started.wait();
                daicho::document::import(&register, &document, common::ACTOR)
                    .map(|summary| summary.holdings)
                    .map_err(|e| e.kind())
            })
        });
        started.wait();
        std::thread::sleep(std::time::Duration::from_millis(500));
        holder.execute_batch("COMMIT").unwrap();
        handles.map(|handle| handle.join().unwrap()).to_vec()
    });
    let written: Vec<_> = outcomes.iter().filter_map(|o| o.as_ref().ok()).collect();
    assert_eq!(written.len(), 1, "exactly one import wrote: {outcomes:?}");
    assert!(
        outcomes
            .iter()
            .any(|o| matches!(o, Err(ErrorKind::Conflict | ErrorKind::Busy))),
        "the other was refused: {outcomes:?}"
    );
    let register = temp.open();
    assert_eq!(register.holdings().unwrap().len() as i64, *written[0]);
    assert!(register.verify().unwrap().is_intact());
}
