//! Encryption at rest: what is on disk is unreadable without the passphrase, a wrong
//! passphrase changes nothing, the passphrase can be changed, an unencrypted register is
//! encrypted in place without ever risking the original, and the protection settings.

use crate::common;

use common::{file_hash, other_key, test_key, TempRegister, ACTOR};
use daicho::db::{file_kind, FileKind};
use daicho::protection::backup;
use daicho::protection::{encrypt_in_place, ProtectionSettings};
use daicho::{ErrorKind, FieldErrorCode, Passphrase, Register};
use std::collections::BTreeSet;
use std::path::Path;

fn at(text: &str) -> chrono::DateTime<chrono::FixedOffset> {
    chrono::DateTime::parse_from_rfc3339(text).unwrap()
}

fn names_in(dir: &Path) -> BTreeSet<String> {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default()
}

/// The demo register in a temporary file, under the test key.
fn demo_register() -> TempRegister {
    let temp = TempRegister::new();
    daicho::demo::load(&temp.open(), ACTOR).expect("the demo loads");
    temp
}

/// Every personal value the demo register holds (people, their contacts, the organisation's
/// officers), as the bytes a plaintext file would contain.
fn personal_values(register: &Register) -> Vec<String> {
    let document = daicho::document::export(register).unwrap();
    let mut values = BTreeSet::new();
    if let Some(organisation) = &document.organisation {
        values.insert(organisation.profile.name.clone());
        values.insert(organisation.profile.address.clone());
        values.insert(organisation.profile.representative.clone());
    }
    for request in &document.requests {
        values.insert(request.fields.requester_name.clone());
        values.insert(request.fields.requester_contact.clone());
        values.insert(request.fields.description.clone());
    }
    for complaint in &document.complaints {
        values.insert(complaint.fields.complainant.clone());
        values.insert(complaint.fields.complainant_contact.clone());
        values.insert(complaint.fields.description.clone());
    }
    for holding in &document.holdings {
        values.insert(holding.fields.name.clone());
    }
    values.retain(|v| v.len() >= 6);
    assert!(
        values.len() >= 15,
        "the demo holds personal values: {values:?}"
    );
    values.into_iter().collect()
}

fn found_in(bytes: &[u8], values: &[String]) -> Vec<String> {
    values
        .iter()
        .filter(|v| bytes.windows(v.len()).any(|w| w == v.as_bytes()))
        .cloned()
        .collect()
}

#[test]
fn no_personal_value_is_in_the_register_its_log_or_its_backups() {
    let temp = demo_register();
    let register = temp.open();
    let values = personal_values(&register);
    // A write while the register is open leaves it in the write-ahead log.
    register
        .create_holding(common::holding("ログに残る台帳名"), ACTOR)
        .unwrap();
    let mut values = values;
    values.push("ログに残る台帳名".to_owned());
    let wal = temp.dir.path().join("register.db-wal");
    let wal_bytes = std::fs::read(&wal).expect("the register has a write-ahead log while open");
    assert!(wal_bytes.len() > 4096, "the log holds the write");
    assert_eq!(found_in(&wal_bytes, &values), Vec::<String>::new());
    let backups = temp.dir.path().join("backups");
    let info =
        daicho::protection::backup::backup_to(&register, &backups, at("2026-11-20T10:15:30+09:00"))
            .unwrap();
    drop(register);
    for file in [
        temp.path.clone(),
        backups.join(&info.file_name),
        backups.join(format!("{}.json", info.file_name)),
    ] {
        let bytes = std::fs::read(&file).unwrap();
        assert_eq!(
            found_in(&bytes, &values),
            Vec::<String>::new(),
            "{}",
            file.display()
        );
    }

    // The search does find them where they are in clear: the check above can fail.
    let plain = temp.dir.path().join("plain.db");
    common::write_plaintext_copy(&temp.path, &test_key(), &plain);
    let in_clear = found_in(&std::fs::read(&plain).unwrap(), &values);
    assert!(in_clear.len() >= values.len() - 1, "{in_clear:?}");
}

#[test]
fn plain_sqlite_cannot_read_the_register_or_its_backups() {
    let temp = demo_register();
    let backups = temp.dir.path().join("backups");
    let info = daicho::protection::backup::backup_to(
        &temp.open(),
        &backups,
        at("2026-11-20T10:15:30+09:00"),
    )
    .unwrap();
    for file in [temp.path.clone(), backups.join(&info.file_name)] {
        assert_eq!(file_kind(&file).unwrap(), FileKind::Encrypted);
        // An unkeyed connection of the same library.
        let conn = rusqlite::Connection::open(&file).unwrap();
        let error = conn
            .query_row("SELECT count(*) FROM holding", [], |r| r.get::<_, i64>(0))
            .expect_err("unreadable without the key");
        assert_eq!(
            error.sqlite_error_code(),
            Some(rusqlite::ErrorCode::NotADatabase),
            "{error}"
        );
        drop(conn);
        // The sqlite3 command-line shell, as anyone who copied the file would try.
        let shell = std::process::Command::new("sqlite3")
            .arg(&file)
            .arg("SELECT requester_name FROM request;")
            .output()
            .expect("the sqlite3 shell is installed (scripts/install-system-deps.sh)");
        assert!(!shell.status.success());
        assert!(
            String::from_utf8_lossy(&shell.stderr).contains("file is not a database"),
            "{shell:?}"
        );
        assert!(shell.stdout.is_empty());
    }
}

#[test]
fn a_wrong_passphrase_is_named_and_changes_nothing() {
    let temp = demo_register();
    let before_hash = file_hash(&temp.path);
    let before_names = names_in(temp.dir.path());
    for wrong in [
        other_key(),
        Passphrase::new("台帳を守る correct horse 8").unwrap(),
    ] {
        let error = Register::open(&temp.path, &wrong).expect_err("a wrong passphrase");
        assert_eq!(error.kind(), ErrorKind::WrongPassphrase, "{error}");
        assert!(error.to_string().contains("left untouched"), "{error}");
        assert_eq!(file_hash(&temp.path), before_hash);
        assert_eq!(names_in(temp.dir.path()), before_names);
    }
    // And the right one still opens it, with everything in it.
    assert_eq!(temp.open().holdings().unwrap().len(), 8);
}

/// Flips one byte of the register file at `offset`.
fn flip_byte(path: &Path, offset: usize) {
    let mut bytes = std::fs::read(path).unwrap();
    bytes[offset] ^= 0x5a;
    std::fs::write(path, bytes).unwrap();
}

#[test]
fn a_damaged_first_page_is_reported_as_damage_and_a_wrong_passphrase_still_as_such() {
    let temp = demo_register();
    let witness = daicho::db::key_witness::path_of(&temp.path);
    assert!(witness.is_file(), "opening leaves a witness of the key");

    // A byte inside the first page, past the 16-byte salt: the page no longer decrypts under
    // any key. The right passphrase is now told apart by the witness.
    flip_byte(&temp.path, 100);
    let error = Register::open(&temp.path, &test_key()).expect_err("a damaged first page");
    assert_eq!(error.kind(), ErrorKind::Damaged, "{error}");
    assert!(error.to_string().contains("key witness"), "{error}");
    let error = Register::open(&temp.path, &other_key()).expect_err("a wrong passphrase");
    assert_eq!(error.kind(), ErrorKind::WrongPassphrase, "{error}");
    flip_byte(&temp.path, 100);

    // A byte of the salt itself.
    flip_byte(&temp.path, 3);
    let error = Register::open(&temp.path, &test_key()).expect_err("a damaged salt");
    assert_eq!(error.kind(), ErrorKind::Damaged, "{error}");
    assert!(error.to_string().contains("encryption salt"), "{error}");
    flip_byte(&temp.path, 3);

    // Without a witness (a passphrase change cut short removes it first), nothing more is
    // known than before: a refused key is reported as a wrong passphrase.
    flip_byte(&temp.path, 100);
    std::fs::remove_file(&witness).unwrap();
    let error = Register::open(&temp.path, &test_key()).expect_err("no witness");
    assert_eq!(error.kind(), ErrorKind::WrongPassphrase, "{error}");
    flip_byte(&temp.path, 100);
    assert_eq!(temp.open().holdings().unwrap().len(), 8);
    assert!(witness.is_file(), "the next open leaves a new witness");
}

#[test]
fn after_a_passphrase_change_the_old_passphrase_is_wrong_not_damage() {
    let temp = demo_register();
    let register = temp.open();
    daicho::protection::change_passphrase(&register, &test_key(), &other_key()).unwrap();
    drop(register);
    // The damage case under the new key is damage; the old key is a wrong passphrase, damaged
    // file or not (the witness was written again under the new key).
    flip_byte(&temp.path, 100);
    let error = Register::open(&temp.path, &test_key()).expect_err("the old passphrase");
    assert_eq!(error.kind(), ErrorKind::WrongPassphrase, "{error}");
    let error = Register::open(&temp.path, &other_key()).expect_err("damaged");
    assert_eq!(error.kind(), ErrorKind::Damaged, "{error}");
}

#[test]
fn a_new_register_needs_a_strong_passphrase_and_nothing_is_created_otherwise() {
    let temp = TempRegister::new();
    for weak in [
        "short1",
        "aaaaaaaaaaaaaaaa",
        "121212121212121",
        "台帳台帳台帳台帳台帳台帳",
    ] {
        let error = Register::create(&temp.path, &Passphrase::new(weak).unwrap())
            .expect_err("a weak passphrase is refused");
        assert_eq!(error.kind(), ErrorKind::Validation);
        assert_eq!(error.field_errors()[0].field, "passphrase");
        assert_eq!(error.field_errors()[0].code, FieldErrorCode::TooWeak);
        assert_eq!(error.field_errors()[0].limit, Some(12));
        assert!(!temp.path.exists(), "nothing was created for {weak:?}");
    }
    let empty = Passphrase::new("").expect_err("an empty passphrase is no key");
    assert_eq!(empty.field_errors()[0].code, FieldErrorCode::Required);

    // Typed twice: each field is named.
    let error = Passphrase::check_new("short", "other").unwrap_err();
    let fields: Vec<_> = error
        .field_errors()
        .iter()
        .map(|f| (f.field.as_str(), f.code))
        .collect();
    assert_eq!(
        fields,
        [
            ("passphrase", FieldErrorCode::TooWeak),
            ("confirmation", FieldErrorCode::Mismatch)
        ]
    );
    let strong = Passphrase::check_new("個人情報 保護台帳 2026", "個人情報 保護台帳 2026").unwrap();
    drop(Register::create(&temp.path, &strong).expect("a strong passphrase creates it"));
    // What SQLCipher's key derivation costs on every open (printed for the note).
    let started = std::time::Instant::now();
    drop(Register::open(&temp.path, &strong).unwrap());
    let with_kdf = started.elapsed();
    let raw = TempRegister::new();
    drop(raw.open());
    let started = std::time::Instant::now();
    drop(raw.open());
    eprintln!(
        "open with a passphrase: {with_kdf:?}; with a raw key: {:?}",
        started.elapsed()
    );
    assert_eq!(file_kind(&temp.path).unwrap(), FileKind::Encrypted);
}

#[test]
fn the_passphrase_never_appears_in_debug_output() {
    let passphrase = Passphrase::new("秘密の合言葉 correct horse").unwrap();
    let shown = format!("{passphrase:?} {:?}", Some(&passphrase));
    assert!(
        !shown.contains("秘密") && !shown.contains("horse"),
        "{shown}"
    );
    assert!(!format!("{:?}", test_key()).contains("7a7a"));
}

#[test]
fn changing_the_passphrase_reencrypts_and_earlier_backups_keep_theirs() {
    let temp = demo_register();
    let backups = temp.dir.path().join("backups");
    let register = temp.open();
    let before =
        daicho::protection::backup::backup_to(&register, &backups, at("2026-11-20T10:15:30+09:00"))
            .unwrap();

    let error = daicho::protection::change_passphrase(&register, &other_key(), &other_key())
        .expect_err("the current passphrase must be given");
    assert_eq!(error.kind(), ErrorKind::WrongPassphrase);
    let error = daicho::protection::change_passphrase(
        &register,
        &test_key(),
        &Passphrase::new("weak").unwrap(),
    )
    .expect_err("the new one must be strong");
    assert_eq!(error.field_errors()[0].field, "newPassphrase");
    assert_eq!(error.field_errors()[0].code, FieldErrorCode::TooWeak);

    let started = std::time::Instant::now();
    daicho::protection::change_passphrase(&register, &test_key(), &other_key()).unwrap();
    eprintln!("rekey of the demo register: {:?}", started.elapsed());
    // The open register keeps working, and its next backup is under the new passphrase.
    register
        .create_holding(common::holding("鍵の変更後の台帳"), ACTOR)
        .unwrap();
    let after =
        daicho::protection::backup::backup_to(&register, &backups, at("2026-11-20T10:20:00+09:00"))
            .unwrap();
    drop(register);

    let error = Register::open(&temp.path, &test_key()).expect_err("the old passphrase");
    assert_eq!(error.kind(), ErrorKind::WrongPassphrase);
    let reopened = Register::open(&temp.path, &other_key()).unwrap();
    assert_eq!(reopened.holdings().unwrap().len(), 9);
    assert!(reopened.verify().unwrap().is_intact());

    let old_backup = backups.join(&before.file_name);
    let new_backup = backups.join(&after.file_name);
    assert_eq!(
        backup::verify_backup(&old_backup, &test_key()).unwrap(),
        before
    );
    assert_eq!(
        backup::verify_backup(&old_backup, &other_key())
            .unwrap_err()
            .kind(),
        ErrorKind::WrongPassphrase
    );
    assert_eq!(
        backup::verify_backup(&new_backup, &other_key()).unwrap(),
        after
    );
}

#[test]
fn an_unencrypted_register_is_refused_then_encrypted_in_place() {
    let source = demo_register();
    let temp = TempRegister::new();
    common::write_plaintext_copy(&source.path, &test_key(), &temp.path);
    let expected = backup::inspect_register(&source.path, &test_key()).unwrap();

    let before = file_hash(&temp.path);
    let error = Register::open(&temp.path, &test_key()).expect_err("not encrypted");
    assert_eq!(error.kind(), ErrorKind::Unencrypted, "{error}");
    assert_eq!(file_hash(&temp.path), before);
    assert_eq!(
        names_in(temp.dir.path()),
        BTreeSet::from(["register.db".to_owned()])
    );

    let weak = encrypt_in_place(&temp.path, &Passphrase::new("weak").unwrap())
        .expect_err("a weak passphrase");
    assert_eq!(weak.kind(), ErrorKind::Validation);
    assert_eq!(file_hash(&temp.path), before);

    let outcome = encrypt_in_place(&temp.path, &other_key()).unwrap();
    assert_eq!(outcome.contents, expected);
    assert_eq!(file_kind(&temp.path).unwrap(), FileKind::Encrypted);
    assert_eq!(
        names_in(temp.dir.path()),
        // The chain head and the key witness beside the register: the encrypted register's,
        // left when it was checked before the swap.
        BTreeSet::from([
            "register.db".to_owned(),
            "register.db.head".to_owned(),
            "register.db.key".to_owned()
        ]),
        "the original and the work file are gone"
    );
    let register = Register::open(&temp.path, &other_key()).unwrap();
    assert_eq!(register.holdings().unwrap().len(), 8);
    let verification = register.last_verification().unwrap();
    assert!(verification.intact);
    assert_eq!(verification.head, expected.chain_head);
}

#[test]
fn encrypting_a_register_that_does_not_verify_fails_and_leaves_it_as_it_was() {
    let source = demo_register();
    let temp = TempRegister::new();
    common::write_plaintext_copy(&source.path, &test_key(), &temp.path);
    // Edited behind the app's back: the record no longer matches its audited state.
    rusqlite::Connection::open(&temp.path)
        .unwrap()
        .execute(
            "UPDATE holding SET approx_count = 1 WHERE ledger_no = 'H-0002'",
            [],
        )
        .unwrap();
    let before = file_hash(&temp.path);
    let error = encrypt_in_place(&temp.path, &other_key()).expect_err("refused");
    assert_eq!(error.kind(), ErrorKind::Integrity, "{error}");
    assert!(
        error.to_string().contains("left untouched") && error.to_string().contains("holding"),
        "{error}"
    );
    assert_eq!(file_hash(&temp.path), before);
    assert_eq!(
        names_in(temp.dir.path()),
        BTreeSet::from(["register.db".to_owned()])
    );
    assert_eq!(file_kind(&temp.path).unwrap(), FileKind::Plain);

    // A leftover from an earlier attempt is never taken for the result.
    let sound = TempRegister::new();
    common::write_plaintext_copy(&source.path, &test_key(), &sound.path);
    std::fs::write(sound.dir.path().join("register.db.unencrypted"), b"earlier").unwrap();
    let before = file_hash(&sound.path);
    let error = encrypt_in_place(&sound.path, &other_key()).expect_err("refused");
    assert_eq!(error.kind(), ErrorKind::Conflict, "{error}");
    assert_eq!(file_hash(&sound.path), before);
    assert_eq!(
        names_in(sound.dir.path()),
        BTreeSet::from([
            "register.db".to_owned(),
            "register.db.unencrypted".to_owned()
        ])
    );
}

#[test]
fn opening_verifies_the_trail_and_reports_the_head_and_time() {
    let temp = demo_register();
    let register = temp.open();
    let verification = register.last_verification().expect("verified on open");
    assert!(verification.intact);
    assert!(
        verification.full,
        "never fully verified before: the whole trail is walked"
    );
    assert_eq!(verification.head, register.chain_head().unwrap());
    assert_eq!(
        verification.entries,
        verification.head.as_ref().unwrap().seq
    );
    assert!(verification.verified_at.ends_with('Z'));
    drop(register);

    temp.raw()
        .execute(
            "UPDATE request SET requester_name = '別人' WHERE reference = 'R-0001'",
            [],
        )
        .unwrap();
    // The first open walked everything and set the checkpoint: later opens check what was
    // written since, and an edit to an older record is the full verification's to find.
    let register = temp.open();
    let verification = register.last_verification().unwrap();
    assert!(
        verification.intact && !verification.full,
        "{verification:?}"
    );
    register.verify().unwrap();
    let verification = register.last_verification().unwrap();
    assert!(!verification.intact && verification.full);
    assert_eq!(verification.altered_records, 1);
    assert_eq!(verification.broken_at, None);
}

#[test]
fn protection_settings_are_validated_kept_and_audited() {
    let temp = TempRegister::new();
    let register = temp.open();
    assert_eq!(
        daicho::protection::settings(&register).unwrap(),
        ProtectionSettings::default()
    );
    let bad = ProtectionSettings {
        backup_dir: Some("relative/folder".to_owned()),
        keep_daily: 0,
        keep_weekly: 400,
        auto_backup: true,
        lock_after_minutes: 10_000,
    };
    let error = daicho::protection::save_settings(&register, bad, ACTOR).unwrap_err();
    let fields: BTreeSet<_> = error
        .field_errors()
        .iter()
        .map(|f| f.field.as_str())
        .collect();
    assert_eq!(
        fields,
        BTreeSet::from(["backupDir", "keepDaily", "keepWeekly", "lockAfterMinutes"])
    );
    let good = ProtectionSettings {
        backup_dir: Some(temp.dir.path().join("usb").display().to_string()),
        keep_daily: 14,
        keep_weekly: 4,
        auto_backup: false,
        lock_after_minutes: 5,
    };
    assert_eq!(
        daicho::protection::save_settings(&register, good.clone(), ACTOR).unwrap(),
        good
    );
    drop(register);
    let register = temp.open();
    assert_eq!(daicho::protection::settings(&register).unwrap(), good);
    let report = register.verify().unwrap();
    assert!(report.is_intact(), "{report:?}");
    assert_eq!(
        register
            .history(daicho::audit::Entity::Preference, "protection")
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn a_wrong_passphrase_leaves_a_crashed_registers_log_unapplied() {
    let temp = demo_register();
    // A writer that died without closing: its last writes are only in the write-ahead log.
    {
        let conn = temp.raw();
        conn.set_db_config(
            rusqlite::config::DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE,
            true,
        )
        .unwrap();
        conn.execute_batch("CREATE TABLE scratch (x INTEGER); INSERT INTO scratch VALUES (1);")
            .unwrap();
    }
    let wal = temp.dir.path().join("register.db-wal");
    let (main_before, wal_before) = (file_hash(&temp.path), file_hash(&wal));
    for wrong in [
        other_key(),
        Passphrase::new("まちがった合言葉 wrong horse").unwrap(),
    ] {
        let error = Register::open(&temp.path, &wrong).expect_err("a wrong passphrase");
        assert_eq!(error.kind(), ErrorKind::WrongPassphrase);
        assert_eq!(file_hash(&temp.path), main_before, "the register file");
        assert_eq!(file_hash(&wal), wal_before, "its write-ahead log");
    }
    // The right passphrase still finds the logged write.
    let count: i64 = temp
        .raw()
        .query_row("SELECT count(*) FROM scratch", [], |r| r.get(0))
        .unwrap();
    assert_eq!(count, 1);
}
