//! Backups, rotation and restore: a backup is only made, kept and restored if it verifies,
//! and a restore never loses the register it replaces.

use crate::common;

use chrono::{DateTime, FixedOffset};
use common::{holding, test_key, TempRegister, ACTOR};
use daicho::protection::backup::{self, inspect_backup, prune_backups, restore, verify_backup};
use daicho::protection::ProtectionSettings;
use daicho::{ErrorKind, Register};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).expect("a valid test time")
}

/// A register with an organisation, the demo records and one edit, closed.
fn filled_register() -> TempRegister {
    let temp = TempRegister::new();
    let register = temp.open();
    daicho::demo::load(&register, ACTOR).expect("the demo loads");
    let first = register.holdings().unwrap().remove(0);
    let mut input = first.fields.clone();
    input.approx_count = Some(4321);
    register
        .update_holding(first.id, first.version, input, ACTOR)
        .unwrap();
    temp
}

fn without_export_time(register: &Register) -> serde_json::Value {
    let mut document = serde_json::to_value(daicho::document::export(register).unwrap()).unwrap();
    document.as_object_mut().unwrap().remove("exportedAt");
    document
}

fn names_in(dir: &Path) -> BTreeSet<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect()
}

/// Every file in `dir` with its bytes, to show that nothing there changed.
fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .map(|p| {
            let bytes = std::fs::read(&p).unwrap();
            (p.file_name().unwrap().to_string_lossy().into_owned(), bytes)
        })
        .collect();
    files.sort();
    files
}

#[test]
fn a_backup_restored_into_a_fresh_path_reproduces_the_register_and_verifies() {
    let temp = filled_register();
    let backups = temp.dir.path().join("backups");
    let register = temp.open();
    let info =
        daicho::protection::backup::backup_to(&register, &backups, at("2026-11-20T10:15:30+09:00"))
            .expect("the backup is written");
    assert_eq!(info.file_name, "daicho-20261120-101530.db");
    assert_eq!(info.created_at, "2026-11-20T01:15:30.000Z");
    assert_eq!(
        names_in(&backups),
        BTreeSet::from([
            "daicho-20261120-101530.db".to_owned(),
            "daicho-20261120-101530.db.json".to_owned()
        ]),
        "no temporary file is left behind"
    );
    let expected_head = register.chain_head().unwrap();
    assert_eq!(info.contents.chain_head, expected_head);
    assert_eq!(
        info.contents.holdings,
        register.holdings().unwrap().len() as i64
    );
    assert_eq!(info.contents.requests, 4);
    assert_eq!(info.contents.complaints, 2);
    let backup_path = backups.join(&info.file_name);
    assert_eq!(
        info.size_bytes,
        std::fs::metadata(&backup_path).unwrap().len()
    );
    assert_eq!(inspect_backup(&backup_path, &test_key()).unwrap(), info);
    assert_eq!(verify_backup(&backup_path, &test_key()).unwrap(), info);

    let fresh = temp.dir.path().join("elsewhere/restored.db");
    let outcome = restore(
        &fresh,
        &backup_path,
        &test_key(),
        at("2026-11-21T09:00:00+09:00"),
    )
    .unwrap();
    assert_eq!(outcome.previous_register, None, "there was nothing to keep");
    assert_eq!(outcome.restored, info);
    let restored = Register::open(&fresh, &test_key()).unwrap();
    assert!(restored.verify().unwrap().is_intact());
    assert_eq!(
        without_export_time(&restored),
        without_export_time(&register)
    );
}

#[test]
fn a_backup_without_its_description_is_described_from_the_file_itself() {
    let temp = filled_register();
    let backups = temp.dir.path().join("backups");
    let info = daicho::protection::backup::backup_to(
        &temp.open(),
        &backups,
        at("2026-11-20T10:15:30+09:00"),
    )
    .unwrap();
    let backup_path = backups.join(&info.file_name);
    std::fs::remove_file(backups.join("daicho-20261120-101530.db.json")).unwrap();
    let described = inspect_backup(&backup_path, &test_key()).unwrap();
    assert_eq!(described.contents, info.contents);
    assert_eq!(described.sha256, info.sha256);
    assert_eq!(described.size_bytes, info.size_bytes);
}

#[test]
fn a_register_with_an_altered_audit_entry_is_not_backed_up() {
    let temp = filled_register();
    temp.raw()
        .execute_batch(
            "DROP TRIGGER audit_event_no_update;
             UPDATE audit_event SET actor = 'someone-else' WHERE seq = 2;",
        )
        .unwrap();
    let backups = temp.dir.path().join("backups");
    let error = daicho::protection::backup::backup_to(
        &temp.open(),
        &backups,
        at("2026-11-20T10:15:30+09:00"),
    )
    .expect_err("a register whose trail was rewritten is not backed up");
    assert_eq!(error.kind(), ErrorKind::Integrity);
    let message = error.to_string();
    assert!(
        message.contains("not backed up") && message.contains("broken at entry #2"),
        "{message}"
    );
    assert!(names_in(&backups).is_empty(), "{:?}", names_in(&backups));
}

/// Points an index at another column behind SQLite's back: only the full integrity check
/// compares indexes with their tables.
fn damage_an_index(temp: &TempRegister) {
    let conn = temp.raw();
    conn.execute_batch(
        "PRAGMA writable_schema = ON;
         UPDATE sqlite_schema
            SET sql = 'CREATE INDEX audit_event_by_record ON audit_event (entity_id, entity, seq)'
          WHERE name = 'audit_event_by_record';",
    )
    .unwrap();
    // A connection that is already open reads the schema again only when its cookie moves.
    let cookie: i64 = conn
        .query_row("PRAGMA schema_version", [], |row| row.get(0))
        .unwrap();
    conn.pragma_update(None, "schema_version", cookie + 1)
        .unwrap();
}

#[test]
fn damage_is_found_by_the_full_integrity_check_and_a_damaged_register_is_neither_backed_up_nor_opened(
) {
    let temp = filled_register();
    let register = temp.open();
    let report = daicho::protection::backup::integrity(&register).unwrap();
    assert!(report.ok, "{report:?}");
    assert!(report.problems.is_empty() && report.foreign_key_violations.is_empty());

    // Damaged while the app has it open: the integrity check and the backup find it.
    damage_an_index(&temp);
    let report = daicho::protection::backup::integrity(&register).unwrap();
    assert!(!report.ok);
    assert!(
        report
            .problems
            .iter()
            .any(|p| p.contains("missing from index audit_event_by_record")),
        "{report:?}"
    );
    let backups = temp.dir.path().join("backups");
    let error =
        daicho::protection::backup::backup_to(&register, &backups, at("2026-11-20T10:15:30+09:00"))
            .expect_err("a damaged register is not backed up");
    assert_eq!(error.kind(), ErrorKind::Integrity);
    assert!(error.to_string().contains("damaged"), "{error}");
    assert!(names_in(&backups).is_empty());
    drop(register);

    // The next start runs SQLite's quick check, which reads and decrypts every page but does
    // not match each index to its table (issue 20: the full check on every open grew with
    // the register): the register opens, and the full verification (Settings, `daicho verify
    // --full`) refuses it as damaged and names the index, with the file left as it was.
    temp.raw()
        .execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
        .unwrap();
    let before = common::file_hash(&temp.path);
    let register = Register::open(&temp.path, &test_key()).expect("the quick check passes");
    let error = register.verify().expect_err("a damaged register");
    assert_eq!(error.kind(), ErrorKind::Damaged, "{error}");
    assert!(
        error.to_string().contains("audit_event_by_record"),
        "{error}"
    );
    drop(register);
    assert_eq!(common::file_hash(&temp.path), before);
}

#[test]
fn a_second_backup_in_the_same_second_is_the_first_or_refused_and_the_first_kept() {
    let temp = filled_register();
    let backups = temp.dir.path().join("backups");
    let register = temp.open();
    let now = at("2026-11-20T10:15:30+09:00");
    let info = daicho::protection::backup::backup_to(&register, &backups, now).unwrap();
    let before = snapshot(&backups);
    // Nothing changed since: the backup asked for is the one just made (several backups
    // started at once, by the app and a scheduled `daicho backup`, all succeed).
    let again = daicho::protection::backup::backup_to(&register, &backups, now).unwrap();
    assert_eq!(again, info);
    assert_eq!(snapshot(&backups), before);
    // A change since: the first backup is not what the register holds now, and is kept.
    register
        .create_holding(holding("来庁者名簿"), ACTOR)
        .unwrap();
    let error = daicho::protection::backup::backup_to(&register, &backups, now).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Conflict);
    assert_eq!(snapshot(&backups), before);
    assert_eq!(
        inspect_backup(&backups.join(&info.file_name), &test_key()).unwrap(),
        info
    );
}

/// Flips the first bytes of the page in the middle of the file: a b-tree page header, which
/// SQLite's integrity check always notices even when no description records the hash.
fn corrupt_the_middle(path: &Path) {
    let mut bytes = std::fs::read(path).unwrap();
    let page = 4096;
    let middle = (bytes.len() / page / 2) * page;
    for byte in &mut bytes[middle..middle + 16] {
        *byte ^= 0xff;
    }
    std::fs::write(path, bytes).unwrap();
}

#[test]
fn a_corrupted_backup_is_refused_by_inspect_and_restore_and_the_register_is_untouched() {
    let temp = filled_register();
    let backups = temp.dir.path().join("backups");
    let info = daicho::protection::backup::backup_to(
        &temp.open(),
        &backups,
        at("2026-11-20T10:15:30+09:00"),
    )
    .unwrap();
    let backup_path = backups.join(&info.file_name);
    corrupt_the_middle(&backup_path);
    let corrupted = std::fs::read(&backup_path).unwrap();
    let register_files = snapshot(temp.dir.path());

    let error = inspect_backup(&backup_path, &test_key()).expect_err("the hash no longer matches");
    assert_eq!(error.kind(), ErrorKind::Integrity);
    assert!(error.to_string().contains("SHA-256"), "{error}");
    let error = restore(
        &temp.path,
        &backup_path,
        &test_key(),
        at("2026-11-21T09:00:00+09:00"),
    )
    .expect_err("a corrupted backup is not restored");
    assert_eq!(error.kind(), ErrorKind::Integrity);
    assert_eq!(
        snapshot(temp.dir.path()),
        register_files,
        "the register is untouched"
    );
    assert_eq!(std::fs::read(&backup_path).unwrap(), corrupted);

    // Without its description, SQLite's own check refuses it.
    std::fs::remove_file(backups.join("daicho-20261120-101530.db.json")).unwrap();
    let error =
        inspect_backup(&backup_path, &test_key()).expect_err("the damage is found by opening it");
    // An encrypted page fails its HMAC when read: during the integrity check, or already while
    // opening when the damaged page holds the schema. Either way the backup is refused.
    assert!(
        matches!(error.kind(), ErrorKind::Integrity | ErrorKind::Unopenable),
        "{error}"
    );
    let error = restore(
        &temp.path,
        &backup_path,
        &test_key(),
        at("2026-11-21T09:00:00+09:00"),
    )
    .expect_err("a corrupted backup is not restored");
    assert!(
        matches!(error.kind(), ErrorKind::Integrity | ErrorKind::Unopenable),
        "{error}"
    );
    assert_eq!(
        snapshot(temp.dir.path()),
        register_files,
        "the register is untouched"
    );
    assert_eq!(names_in(&backups), BTreeSet::from([info.file_name]));
}

#[test]
fn a_file_that_is_not_a_backup_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("daicho-20261120-101530.db");
    let content = b"Excel ledger, not a database\n".repeat(200);
    std::fs::write(&text, &content).unwrap();
    let error = inspect_backup(&text, &test_key()).expect_err("text is refused");
    assert!(
        matches!(error.kind(), ErrorKind::Integrity | ErrorKind::Unopenable),
        "{error}"
    );
    assert_eq!(std::fs::read(&text).unwrap(), content);

    let other_database = dir.path().join("other.db");
    common::keyed(&other_database, &test_key())
        .execute_batch("CREATE TABLE invoice (id INTEGER PRIMARY KEY)")
        .unwrap();
    let before = std::fs::read(&other_database).unwrap();
    let error =
        verify_backup(&other_database, &test_key()).expect_err("another program's database");
    assert!(
        error
            .to_string()
            .contains("does not hold a Daicho register"),
        "{error}"
    );
    assert_eq!(std::fs::read(&other_database).unwrap(), before);
    assert_eq!(
        names_in(dir.path()),
        BTreeSet::from([
            "daicho-20261120-101530.db".to_owned(),
            "other.db".to_owned()
        ]),
        "no -wal, -shm or journal was created beside them"
    );
}

#[test]
fn a_backup_from_a_newer_daicho_is_refused_as_too_new() {
    let temp = filled_register();
    let backups = temp.dir.path().join("backups");
    let info = daicho::protection::backup::backup_to(
        &temp.open(),
        &backups,
        at("2026-11-20T10:15:30+09:00"),
    )
    .unwrap();
    let backup_path = backups.join(&info.file_name);
    std::fs::remove_file(backups.join("daicho-20261120-101530.db.json")).unwrap();
    common::keyed(&backup_path, &test_key())
        .pragma_update(None, "user_version", daicho::db::supported_version() + 1)
        .unwrap();
    let error = restore(
        &temp.path,
        &backup_path,
        &test_key(),
        at("2026-11-21T09:00:00+09:00"),
    )
    .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::TooNew);
}

#[test]
fn restore_keeps_the_previous_register_aside_and_it_can_be_restored_back() {
    let temp = filled_register();
    let backups = temp.dir.path().join("backups");
    let info = {
        let register = temp.open();
        let info = daicho::protection::backup::backup_to(
            &register,
            &backups,
            at("2026-11-20T10:15:30+09:00"),
        )
        .unwrap();
        register
            .create_holding(holding("バックアップ後の台帳"), ACTOR)
            .unwrap();
        info
    };
    let later = |register: &Register| {
        register
            .holdings()
            .unwrap()
            .iter()
            .any(|h| h.fields.name == "バックアップ後の台帳")
    };

    let outcome = restore(
        &temp.path,
        &backups.join(&info.file_name),
        &test_key(),
        at("2026-11-21T09:00:00+09:00"),
    )
    .unwrap();
    let aside = outcome
        .previous_register
        .expect("the replaced register is kept");
    assert_eq!(
        aside,
        temp.dir
            .path()
            .join("register.db.before-restore-20261121-090000")
    );
    let restored = temp.open();
    assert!(!later(&restored), "the register is as it was at the backup");
    assert_eq!(restored.chain_head().unwrap(), info.contents.chain_head);
    drop(restored);

    let kept = Register::open(&aside, &test_key()).expect("the register kept aside still opens");
    assert!(later(&kept));
    assert!(kept.verify().unwrap().is_intact());
    drop(kept);

    let undo = restore(
        &temp.path,
        &aside,
        &test_key(),
        at("2026-11-21T09:05:00+09:00"),
    )
    .unwrap();
    assert!(
        later(&temp.open()),
        "restoring the kept register undoes the restore"
    );
    assert!(temp.open().verify().unwrap().is_intact());
    assert!(undo.previous_register.is_some_and(|p| p.exists()));
}

#[test]
fn rotation_keeps_the_newest_of_each_recent_day_and_week_and_nothing_it_did_not_write() {
    let dir = tempfile::tempdir().unwrap();
    let ours = [
        ("daicho-20261120-180000.db", true),  // newest; today
        ("daicho-20261120-090000.db", false), // today, but not the newest of today
        ("daicho-20261119-230000.db", true),  // newest of yesterday
        ("daicho-20261119-080000.db", false),
        ("daicho-20261118-120000.db", true),  // the third day
        ("daicho-20261117-120000.db", false), // this week, whose newest is kept
        ("daicho-20261115-120000.db", true),  // newest of last week (Sunday)
        ("daicho-20261110-120000.db", false),
        ("daicho-20261103-120000.db", true), // newest of the week before
        ("daicho-20261102-080000.db", false),
        ("daicho-20261026-120000.db", false), // four weeks back: beyond the window
    ];
    let foreign = [
        "daicho-20261001-120000.db.bak",
        "daicho-2026101-120000.db",
        "daicho-20261001-120000.DB",
        "daicho-20261001-250000.db",
        "daicho-20261001-120000.db.part",
        "register.db",
        "notes.txt",
    ];
    for (name, _) in ours {
        fake_backup(dir.path(), name);
    }
    // Named like a backup, in the period rotation removes, but with no description of it:
    // a file this code did not write, which rotation must leave alone.
    std::fs::write(dir.path().join("daicho-20261002-120000.db"), "mine").unwrap();
    for name in foreign {
        std::fs::write(dir.path().join(name), name).unwrap();
    }
    std::fs::create_dir(dir.path().join("daicho-20200101-000000.db")).unwrap();

    let today = common::d("2026-11-20"); // a Friday
    let removed = prune_backups(dir.path(), 3, 3, today).unwrap();

    let mut expected: BTreeSet<String> = foreign.iter().map(|n| n.to_string()).collect();
    expected.insert("daicho-20200101-000000.db".to_owned());
    expected.insert("daicho-20261002-120000.db".to_owned());
    for (name, kept) in ours {
        if kept {
            expected.insert(name.to_owned());
            expected.insert(format!("{name}.json"));
        }
    }
    assert_eq!(names_in(dir.path()), expected);
    let removed: BTreeSet<PathBuf> = removed.into_iter().collect();
    let expected_removed: BTreeSet<PathBuf> = ours
        .iter()
        .filter(|(_, kept)| !kept)
        .map(|(name, _)| dir.path().join(name))
        .collect();
    assert_eq!(removed, expected_removed);

    // Running it again the same day removes nothing more.
    assert!(prune_backups(dir.path(), 3, 3, today).unwrap().is_empty());
}

#[test]
fn rotation_never_removes_the_newest_backup_nor_one_dated_in_the_future() {
    let dir = tempfile::tempdir().unwrap();
    for name in [
        "daicho-20260105-120000.db",
        "daicho-20260104-120000.db",
        "daicho-20260103-120000.db",
    ] {
        fake_backup(dir.path(), name);
    }
    prune_backups(dir.path(), 0, 0, common::d("2026-11-20")).unwrap();
    assert_eq!(
        names_in(dir.path()),
        BTreeSet::from([
            "daicho-20260105-120000.db".to_owned(),
            "daicho-20260105-120000.db.json".to_owned()
        ])
    );

    fake_backup(dir.path(), "daicho-20261201-120000.db");
    fake_backup(dir.path(), "daicho-20261130-120000.db");
    prune_backups(dir.path(), 0, 0, common::d("2026-11-20")).unwrap();
    assert_eq!(
        names_in(dir.path()),
        BTreeSet::from([
            "daicho-20260105-120000.db".to_owned(),
            "daicho-20260105-120000.db.json".to_owned(),
            "daicho-20261130-120000.db".to_owned(),
            "daicho-20261130-120000.db.json".to_owned(),
            "daicho-20261201-120000.db".to_owned(),
            "daicho-20261201-120000.db.json".to_owned()
        ]),
        "backups dated after today say the clock was wrong, not that they are old"
    );
}

#[test]
fn a_backup_of_another_history_is_refused_and_the_register_left_as_it_was() {
    // A register and a backup whose trail holds something else at the entry the register's
    // witness saw: what a backup rewritten and recomputed by someone with the passphrase, or
    // another register's backup, looks like (issue 12, item 11).
    let ours = filled_register();
    ours.open()
        .create_holding(holding("この台帳の記録"), ACTOR)
        .unwrap();
    let theirs = filled_register();
    {
        let register = theirs.open();
        for name in ["別の台帳の記録", "別の台帳の次の記録"] {
            register.create_holding(holding(name), ACTOR).unwrap();
        }
    }
    let backups = theirs.dir.path().join("backups");
    let info = daicho::protection::backup::backup_to(
        &theirs.open(),
        &backups,
        at("2026-11-20T10:15:30+09:00"),
    )
    .unwrap();
    let witnessed = daicho::audit::witness_file::read(&ours.path)
        .unwrap()
        .expect("a witness");
    assert!(info.contents.chain_head.as_ref().unwrap().seq >= witnessed.seq);
    let before = common::file_hash(&ours.path);
    let error = restore(
        &ours.path,
        &backups.join(&info.file_name),
        &test_key(),
        at("2026-11-21T09:00:00+09:00"),
    )
    .expect_err("another history");
    assert_eq!(error.kind(), daicho::ErrorKind::Integrity, "{error}");
    assert!(
        error
            .to_string()
            .contains(&format!("something else at entry #{}", witnessed.seq)),
        "{error}"
    );
    assert_eq!(common::file_hash(&ours.path), before);
    assert!(!names_in(ours.dir.path())
        .iter()
        .any(|n| n.contains("restoring") || n.contains("before-restore")));

    // The same backup restores into a place with no history of its own.
    let elsewhere = TempRegister::new();
    restore(
        &elsewhere.path,
        &backups.join(&info.file_name),
        &test_key(),
        at("2026-11-21T09:00:00+09:00"),
    )
    .unwrap();
}

#[test]
fn rotation_keeps_the_only_backup_of_the_longest_history() {
    // Entries cut from the end of the trail: the backups made after the cut hold a shorter
    // history (entry 40) than the one made before it (entry 57), which rotation would
    // otherwise remove as old (issue 12, item 10).
    let dir = tempfile::tempdir().unwrap();
    fake_backup_with_head(dir.path(), "daicho-20261120-180000.db", Some(40));
    fake_backup_with_head(dir.path(), "daicho-20261119-180000.db", Some(40));
    fake_backup_with_head(dir.path(), "daicho-20261110-180000.db", Some(57));
    fake_backup_with_head(dir.path(), "daicho-20261109-180000.db", Some(57));
    fake_backup_with_head(dir.path(), "daicho-20261101-180000.db", Some(50));
    let removed = prune_backups(dir.path(), 1, 0, common::d("2026-11-20")).unwrap();
    let removed: BTreeSet<String> = removed
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    // Kept: the newest (always) and the newest of those that reach entry 57.
    assert_eq!(
        removed,
        BTreeSet::from([
            "daicho-20261119-180000.db".to_owned(),
            "daicho-20261109-180000.db".to_owned(),
            "daicho-20261101-180000.db".to_owned(),
        ])
    );
    assert!(dir.path().join("daicho-20261110-180000.db").exists());
}

#[test]
fn listing_describes_each_backup_and_names_the_damaged_one() {
    let temp = filled_register();
    let backups = temp.dir.path().join("backups");
    let register = temp.open();
    let first =
        daicho::protection::backup::backup_to(&register, &backups, at("2026-11-19T10:00:00+09:00"))
            .unwrap();
    let second =
        daicho::protection::backup::backup_to(&register, &backups, at("2026-11-20T10:00:00+09:00"))
            .unwrap();
    corrupt_the_middle(&backups.join(&first.file_name));
    std::fs::write(backups.join("notes.txt"), "not a backup").unwrap();
    let listings = backup::list_backups(&backups, &test_key()).unwrap();
    assert_eq!(listings.len(), 2, "only backups are listed");
    assert_eq!(listings[0].info.as_ref(), Some(&second), "newest first");
    assert!(listings[1].info.is_none());
    assert!(listings[1]
        .problem
        .as_deref()
        .is_some_and(|p| p.contains("SHA-256")));
}

/// A directory nobody may write to. Root ignores permission bits, so for root the directory
/// is also made immutable (`chattr +i`), which binds root too; where neither works the
/// caller skips the test.
#[cfg(unix)]
struct ReadOnlyDir {
    path: PathBuf,
    immutable: bool,
}

#[cfg(unix)]
impl ReadOnlyDir {
    fn new(path: &Path) -> Option<Self> {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o555)).unwrap();
        let mut guard = ReadOnlyDir {
            path: path.to_owned(),
            immutable: false,
        };
        if guard.is_writable() {
            guard.immutable = std::process::Command::new("chattr")
                .arg("+i")
                .arg(path)
                .status()
                .is_ok_and(|s| s.success());
        }
        (!guard.is_writable()).then_some(guard)
    }

    fn is_writable(&self) -> bool {
        let probe = self.path.join(".probe");
        let writable = std::fs::write(&probe, b"").is_ok();
        let _ = std::fs::remove_file(&probe);
        writable
    }
}

#[cfg(unix)]
impl Drop for ReadOnlyDir {
    fn drop(&mut self) {
        use std::os::unix::fs::PermissionsExt;
        if self.immutable {
            let _ = std::process::Command::new("chattr")
                .arg("-i")
                .arg(&self.path)
                .status();
        }
        let _ = std::fs::set_permissions(&self.path, std::fs::Permissions::from_mode(0o755));
    }
}

#[cfg(unix)]
#[test]
fn restore_into_a_read_only_directory_fails_and_leaves_the_register_in_place() {
    let temp = filled_register();
    let backups = tempfile::tempdir().unwrap();
    let info = daicho::protection::backup::backup_to(
        &temp.open(),
        backups.path(),
        at("2026-11-20T10:15:30+09:00"),
    )
    .unwrap();
    let before = snapshot(temp.dir.path());
    {
        let Some(_read_only) = ReadOnlyDir::new(temp.dir.path()) else {
            eprintln!(
                "skipped: this process can write to a directory without write permission \
                 (root or CAP_DAC_OVERRIDE) and `chattr +i` is unavailable, so there is no \
                 read-only directory to restore into"
            );
            return;
        };
        let error = restore(
            &temp.path,
            &backups.path().join(&info.file_name),
            &test_key(),
            at("2026-11-21T09:00:00+09:00"),
        )
        .expect_err("nothing can be written beside the register");
        assert_eq!(error.kind(), ErrorKind::Io, "{error}");
        assert_eq!(
            snapshot(temp.dir.path()),
            before,
            "the register is in place"
        );
    }
    // Writable again (SQLite needs to create its -wal), the register opens as it was.
    assert!(temp.open().verify().unwrap().is_intact());
}

#[test]
fn backup_and_rotation_run_as_one_sequence_and_a_failed_backup_rotates_nothing() {
    let temp = filled_register();
    let backups = temp.dir.path().join("backups");
    std::fs::create_dir_all(&backups).unwrap();
    // A backup of two weeks ago, beyond one day and no week: the rotation's to remove.
    let old = "daicho-20261106-120000.db";
    fake_backup(&backups, old);
    let register = temp.open();
    let now = at("2026-11-20T10:15:30+09:00");

    let run =
        daicho::protection::backup::back_up_and_rotate(&register, &backups, 1, 0, now).unwrap();
    assert_eq!(run.info.file_name, "daicho-20261120-101530.db");
    assert_eq!(run.rotation.unwrap(), [backups.join(old)]);
    assert_eq!(
        names_in(&backups),
        BTreeSet::from([
            "daicho-20261120-101530.db".to_owned(),
            "daicho-20261120-101530.db.json".to_owned()
        ])
    );

    // The same second again, after a change: the backup is refused, so nothing is rotated
    // away either.
    register
        .create_holding(holding("来庁者名簿"), ACTOR)
        .unwrap();
    fake_backup(&backups, old);
    let error =
        daicho::protection::backup::back_up_and_rotate(&register, &backups, 1, 0, now).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Conflict);
    assert!(backups.join(old).exists());
}

/// The automatic-backup rule, worked by hand: due when there is no backup, or when the newest
/// is a full day old (at start and while the app runs) or any age (on close).
#[test]
fn a_backup_is_due_when_there_is_none_or_the_newest_is_a_day_old() {
    let day = backup::DAILY_BACKUP_AGE;
    assert_eq!(day, std::time::Duration::from_secs(86_400));
    let close = std::time::Duration::ZERO;
    let now = common::d("2026-11-20").and_hms_opt(10, 0, 0).unwrap();
    let newest = |text: &str| {
        Some(chrono::NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S").unwrap())
    };
    let cases = [
        // (newest backup, max age, due?)
        (None, day, true),
        (newest("2026-11-19 10:01:00"), day, false), // 23h59m old
        (newest("2026-11-19 10:00:01"), day, false), // 23h59m59s old
        (newest("2026-11-19 10:00:00"), day, true),  // exactly 24h
        (newest("2026-11-18 09:00:00"), day, true),  // 49h
        (newest("2026-11-20 10:00:00"), day, false), // made just now
        (newest("2026-11-20 10:00:00"), close, true), // on close: always
        (newest("2026-11-20 12:00:00"), day, false), // dated ahead of the clock
        (newest("2026-11-20 12:00:00"), close, true),
        (None, close, true),
    ];
    for (newest, max_age, due) in cases {
        assert_eq!(
            backup::backup_due(newest, now, max_age),
            due,
            "newest {newest:?}, max age {max_age:?}"
        );
    }
}

#[test]
fn an_automatic_backup_is_due_only_when_switched_on_and_by_the_newest_in_the_folder() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("not-yet");
    let now = common::d("2026-11-20").and_hms_opt(10, 0, 0).unwrap();
    let day = backup::DAILY_BACKUP_AGE;
    let on = ProtectionSettings::default();
    let off = ProtectionSettings {
        auto_backup: false,
        ..ProtectionSettings::default()
    };
    assert!(on.auto_backup, "automatic backups are on unless turned off");

    assert!(on.automatic_backup_due(&missing, now, day).unwrap());
    assert!(on.automatic_backup_due(dir.path(), now, day).unwrap());
    assert!(!off.automatic_backup_due(dir.path(), now, day).unwrap());
    assert!(!off
        .automatic_backup_due(dir.path(), now, std::time::Duration::ZERO)
        .unwrap());

    // Only the newest counts, and only a name this code writes counts as a backup.
    std::fs::write(dir.path().join("daicho-20261118-090000.db"), "").unwrap();
    std::fs::write(dir.path().join("daicho-20261119-100100.db"), "").unwrap();
    std::fs::write(dir.path().join("daicho-20261120-095900.db.part"), "").unwrap();
    assert!(!on.automatic_backup_due(dir.path(), now, day).unwrap());
    let a_day_later = now + chrono::Duration::minutes(1);
    assert!(on
        .automatic_backup_due(dir.path(), a_day_later, day)
        .unwrap());
}

/// A file named and described as a backup this code writes (its description records its size
/// and SHA-256), without being a register: enough for rotation, which reads names and
/// descriptions, never the backup itself.
fn fake_backup(dir: &Path, name: &str) {
    fake_backup_with_head(dir, name, None);
}

/// [`fake_backup`], described as holding an audit trail that ends at entry `seq`.
fn fake_backup_with_head(dir: &Path, name: &str, seq: Option<i64>) {
    use sha2::Digest;
    std::fs::write(dir.join(name), name).unwrap();
    let description = serde_json::json!({
        "format": "daicho-backup",
        "formatVersion": 1,
        "backup": {
            "fileName": name,
            "createdAt": "2026-01-01T00:00:00.000Z",
            "sizeBytes": name.len(),
            "sha256": hex::encode(sha2::Sha256::digest(name.as_bytes())),
            "contents": {
                "schemaVersion": 1,
                "holdings": 0,
                "requests": 0,
                "complaints": 0,
                "auditEntries": seq.unwrap_or(0),
                "chainHead": seq.map(|seq| serde_json::json!({"seq": seq, "hash": "ab".repeat(32)}))
            }
        }
    });
    std::fs::write(
        dir.join(format!("{name}.json")),
        serde_json::to_vec(&description).unwrap(),
    )
    .unwrap();
}
