//! The `daicho` command line, run as a user would run it, on registers in a temp directory.

use crate::common;

use std::path::Path;
use std::process::{Command, Output};

fn daicho(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_daicho"))
        .arg("--db")
        .arg(db)
        .args(["--actor", "cli-test"])
        .args(args)
        .env_remove("DAICHO_DB")
        .env("DAICHO_PASSPHRASE", common::CLI_PASSPHRASE)
        .output()
        .expect("daicho runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn version_names_the_cargo_version_and_the_commit() {
    let output = Command::new(env!("CARGO_BIN_EXE_daicho"))
        .arg("--version")
        .output()
        .expect("daicho runs");
    assert!(output.status.success());
    assert_eq!(stdout(&output), format!("daicho {}\n", daicho::VERSION));
    assert!(
        daicho::VERSION.starts_with(concat!(env!("CARGO_PKG_VERSION"), " (")),
        "{}",
        daicho::VERSION
    );
}

#[test]
fn demo_list_export_import_verify_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("register.db");
    let copy = dir.path().join("copy.db");
    let json = dir.path().join("register.json");
    let json_again = dir.path().join("again.json");

    assert!(daicho(&db, &["init"]).status.success());
    let demo = daicho(&db, &["demo"]);
    assert!(demo.status.success(), "{demo:?}");
    let list = stdout(&daicho(&db, &["holdings", "list"]));
    assert!(list.contains("H-0001\t被保険者・被扶養者台帳"), "{list}");
    assert!(daicho(
        &db,
        &[
            "export",
            "--format",
            "json",
            "--out",
            json.to_str().unwrap()
        ]
    )
    .status
    .success());

    assert!(daicho(&copy, &["init"]).status.success());
    let import = daicho(&copy, &["import", json.to_str().unwrap()]);
    assert!(import.status.success(), "{import:?}");
    assert!(daicho(
        &copy,
        &[
            "export",
            "--format",
            "json",
            "--out",
            json_again.to_str().unwrap()
        ]
    )
    .status
    .success());
    let read = |p: &Path| -> serde_json::Value {
        let mut v: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap();
        // The time of export and the audit chain are the copy's own; the records must match.
        v.as_object_mut().unwrap().remove("exportedAt");
        v.as_object_mut().unwrap().remove("chainHead");
        v
    };
    assert_eq!(read(&json), read(&json_again));

    let verify = daicho(&copy, &["verify"]);
    assert!(verify.status.success());
    assert!(stdout(&verify).contains("verified: intact"));
}

#[test]
fn verify_fails_and_names_the_record_after_tampering() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("register.db");
    assert!(
        daicho(&db, &["init"]).status.success(),
        "init first: only init creates"
    );
    assert!(daicho(&db, &["demo"]).status.success());
    let full = daicho(&db, &["verify", "--full"]);
    assert!(
        stdout(&full).contains("(full verification"),
        "{}",
        stdout(&full)
    );
    let conn = common::keyed(&db, &common::cli_key());
    conn.execute(
        "UPDATE holding SET approx_count = 1 WHERE ledger_no = 'H-0002'",
        [],
    )
    .unwrap();
    drop(conn);
    // The quick form checks what was written since the last full verification, and says so.
    let quick = daicho(&db, &["verify"]);
    assert!(quick.status.success());
    assert!(
        stdout(&quick).contains("0 entries after the checkpoint")
            && stdout(&quick).contains("quick verification"),
        "{}",
        stdout(&quick)
    );
    let verify = daicho(&db, &["verify", "--full"]);
    assert_eq!(verify.status.code(), Some(1));
    assert!(
        stdout(&verify).contains("ALTERED holding 2"),
        "{}",
        stdout(&verify)
    );
}

#[test]
fn demo_scale_generates_a_register_of_the_size_asked() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("register.db");
    assert!(daicho(&db, &["init"]).status.success());
    let generated = daicho(&db, &["demo", "--scale", "20", "--seed", "5"]);
    assert!(generated.status.success(), "{generated:?}");
    assert!(
        stdout(&generated).contains("20 holdings, 200 requests, 10 complaints and 1 incidents"),
        "{}",
        stdout(&generated)
    );
    let listing = stdout(&daicho(&db, &["holdings", "list"]));
    assert_eq!(listing.matches("H-000").count(), 20, "{listing}");
    let again = daicho(&db, &["demo", "--scale", "20"]);
    assert_eq!(again.status.code(), Some(2), "only into an empty register");
}

#[test]
fn a_bad_import_names_each_record_and_leaves_the_register_empty() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("register.db");
    let file = dir.path().join("bad.json");
    std::fs::write(
        &file,
        r#"{"format":"daicho-register","documentVersion":1,"holdings":[{"id":1,"ledgerNo":"H-1"}]}"#,
    )
    .unwrap();
    assert!(daicho(&db, &["init"]).status.success());
    let import = daicho(&db, &["import", file.to_str().unwrap()]);
    assert_eq!(import.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&import.stderr);
    assert!(stderr.contains("holdings[0] (H-1)"), "{stderr}");
    assert_eq!(stdout(&daicho(&db, &["holdings", "list"])), "");
}

/// Issue 12, items 14 and 16: a document with a wrong-typed field and a terminal escape in a
/// name is refused with each record and field named on stderr, and neither value printed.
#[test]
fn a_hostile_import_names_record_and_field_on_stderr_without_the_values() {
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("source.db");
    let db = dir.path().join("register.db");
    let json = dir.path().join("register.json");
    assert!(daicho(&source, &["init"]).status.success());
    assert!(daicho(&source, &["demo"]).status.success());
    let export = daicho(
        &source,
        &[
            "export",
            "--format",
            "json",
            "--out",
            json.to_str().unwrap(),
        ],
    );
    assert!(export.status.success(), "{export:?}");
    let mut document: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    document["holdings"][1]["approxCount"] = "山田花子 東京都港区".into();
    document["holdings"][2]["name"] = "山田花子\u{1b}[31m東京都港区".into();
    std::fs::write(&json, document.to_string()).unwrap();

    assert!(daicho(&db, &["init"]).status.success());
    let import = daicho(&db, &["import", json.to_str().unwrap()]);
    assert_eq!(import.status.code(), Some(2), "{import:?}");
    let stderr = String::from_utf8_lossy(&import.stderr);
    assert!(
        stderr.contains("holdings[1] (H-0002): approxCount"),
        "{stderr}"
    );
    assert!(stderr.contains("holdings[2] (H-0003): name"), "{stderr}");
    assert!(stderr.contains("U+001B"), "{stderr}");
    assert!(
        !stderr.contains("山田花子") && !stderr.contains("港区") && !stderr.contains('\u{1b}'),
        "{stderr}"
    );
    assert_eq!(stdout(&daicho(&db, &["holdings", "list"])), "");
}

/// A value stored before control characters were refused (written here behind the app's back)
/// is listed with them escaped, so it cannot rewrite the officer's terminal.
#[test]
fn the_holdings_list_escapes_control_characters_stored_before_they_were_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("register.db");
    assert!(daicho(&db, &["init"]).status.success());
    assert!(daicho(&db, &["demo"]).status.success());
    common::keyed(&db, &common::cli_key())
        .execute(
            "UPDATE holding SET name = '名簿' || char(27) || '[2J' || char(8238) WHERE id = 1",
            [],
        )
        .unwrap();
    let list = stdout(&daicho(&db, &["holdings", "list"]));
    assert!(list.contains("名簿\\u{1B}[2J\\u{202E}"), "{list}");
    assert!(
        !list.contains('\u{1b}') && !list.contains('\u{202E}'),
        "{list:?}"
    );
}

#[test]
fn an_unopenable_file_is_reported_and_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("register.db");
    std::fs::write(&db, "not a database").unwrap();
    let output = daicho(&db, &["holdings", "list"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("left untouched"));
    assert_eq!(std::fs::read_to_string(&db).unwrap(), "not a database");
}

#[test]
fn deadlines_lists_what_is_due_with_each_explanation() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("register.db");
    assert!(
        daicho(&db, &["init"]).status.success(),
        "init first: only init creates"
    );
    assert!(daicho(&db, &["demo"]).status.success());
    let output = daicho(&db, &["deadlines"]);
    assert!(output.status.success(), "{output:?}");
    let text = stdout(&output);
    assert!(text.contains("open on "), "{text}");
    assert!(text.contains("[OVERDUE]"), "{text}");
    assert!(text.contains("[paused]"), "{text}");
    assert!(
        text.contains("internal target for answering without delay: due"),
        "{text}"
    );
    assert!(text.contains("14 days from the day after"), "{text}");
    assert!(text.contains("a suit is possible from"), "{text}");
    assert!(
        text.contains("complaint: 資格喪失後も医療費通知が届く"),
        "{text}"
    );

    // Far enough ahead, every open request of the demo is overdue.
    let later = stdout(&daicho(
        &db,
        &["deadlines", "--today", "2099-01-01", "--json"],
    ));
    let agenda: serde_json::Value = serde_json::from_str(&later).unwrap();
    assert_eq!(agenda["today"], "2099-01-01");
    let items = agenda["items"].as_array().unwrap();
    assert_eq!(
        items.len(),
        6,
        "three open requests, one open complaint and two open incidents"
    );
    assert!(items
        .iter()
        .any(|i| i["kind"] == "incident" && i["overdue"] == true));
    assert!(items
        .iter()
        .filter(|i| i["kind"] == "request")
        .all(|i| i["overdue"] == true));

    let bad = daicho(&db, &["deadlines", "--today", "2026-02-30"]);
    assert!(!bad.status.success());
}

#[test]
fn backup_lists_and_restores_only_with_confirmation() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("register.db");
    let backups = dir.path().join("backups");
    let backups_arg = backups.to_str().unwrap();
    assert!(
        daicho(&db, &["init"]).status.success(),
        "init first: only init creates"
    );
    assert!(daicho(&db, &["demo"]).status.success());
    let backup = daicho(&db, &["backup", "--dir", backups_arg]);
    assert!(backup.status.success(), "{backup:?}");
    let text = stdout(&backup);
    assert!(text.contains("backed up and verified"), "{text}");
    assert!(
        text.contains("8 holdings, 4 requests, 2 complaints"),
        "{text}"
    );

    let listing = daicho(&db, &["backups", "--dir", backups_arg]);
    assert!(listing.status.success());
    let file = std::fs::read_dir(&backups)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "db"))
        .expect("one backup file");
    let file_arg = file.to_str().unwrap();
    assert!(stdout(&listing).contains(file_arg), "{}", stdout(&listing));
    // The demo's size grows with the register's sections; the backup must hold all of it.
    let head = daicho::Register::open(&db, &common::cli_key())
        .unwrap()
        .chain_head()
        .unwrap()
        .unwrap()
        .seq;
    assert!(stdout(&listing).contains(&format!("audit chain: {head} entries, head #{head}")));

    // A change after the backup, made through the core so that the register still verifies.
    daicho::Register::open(&db, &common::cli_key())
        .unwrap()
        .set_language(daicho::Language::En, "cli-test")
        .unwrap();
    let language = || {
        daicho::Register::open(&db, &common::cli_key())
            .unwrap()
            .language()
            .unwrap()
    };

    let refused = daicho(&db, &["restore", file_arg]);
    assert_eq!(refused.status.code(), Some(1), "{refused:?}");
    assert!(String::from_utf8_lossy(&refused.stderr).contains("--yes"));
    assert!(
        stdout(&refused).contains("current register"),
        "shows both before asking"
    );
    assert_eq!(
        language(),
        Some(daicho::Language::En),
        "nothing was restored"
    );

    let restored = daicho(&db, &["restore", file_arg, "--yes"]);
    assert!(restored.status.success(), "{restored:?}");
    assert!(stdout(&restored).contains("the previous register was kept at"));
    assert_eq!(language(), None, "the register is as it was at the backup");
    assert!(stdout(&daicho(&db, &["verify"])).contains("verified: intact"));
}

#[test]
fn incidents_are_listed_and_their_drafts_printed_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("register.db");
    assert!(
        daicho(&db, &["init"]).status.success(),
        "init first: only init creates"
    );
    assert!(daicho(&db, &["demo"]).status.success());
    let list = stdout(&daicho(&db, &["incidents", "list"]));
    assert!(list.contains("I-0001\t"), "{list}");
    assert!(list.contains("report required"), "{list}");
    assert!(
        list.contains("no report required\tclosed"),
        "the encrypted USB memory: {list}"
    );

    let ja = stdout(&daicho(
        &db,
        &["incidents", "report", "I-0001", "--lang", "ja"],
    ));
    assert!(
        ja.starts_with("個人データの漏えい等に関する報告書（案）"),
        "{ja}"
    );
    for heading in ["1. 概要", "3. 漏えい等が発生し", "9. その他参考となる事項"]
    {
        assert!(ja.contains(heading), "{heading} in {ja}");
    }
    let en = stdout(&daicho(
        &db,
        &["incidents", "notice", "I-0001", "--lang", "en"],
    ));
    assert!(en.contains("5. Other matters for reference"), "{en}");
    assert!(!en.contains("6. "), "a notice has five items: {en}");

    let json = stdout(&daicho(&db, &["incidents", "report", "I-0001", "--json"]));
    let draft: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(draft["sections"].as_array().unwrap().len(), 9);
    let missing = daicho(&db, &["incidents", "report", "I-0099"]);
    assert!(!missing.status.success());

    let deadlines = stdout(&daicho(&db, &["deadlines"]));
    assert!(deadlines.contains("I-0001  incident:"), "{deadlines}");
    assert!(
        deadlines.contains("counting"),
        "the final report explained: {deadlines}"
    );
}

fn daicho_with(db: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_daicho"));
    command
        .arg("--db")
        .arg(db)
        .args(["--actor", "cli-test"])
        .args(args)
        .env_remove("DAICHO_DB")
        .env_remove("DAICHO_PASSPHRASE")
        .env_remove("DAICHO_NEW_PASSPHRASE")
        .stdin(std::process::Stdio::null());
    for (key, value) in env {
        command.env(key, value);
    }
    command.output().expect("daicho runs")
}

fn hash(path: &Path) -> String {
    common::file_hash(path)
}

#[test]
fn without_a_passphrase_or_a_terminal_the_cli_says_how_and_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("register.db");
    let output = daicho_with(&db, &["init"], &[]);
    assert_eq!(output.status.code(), Some(2));
    let error = String::from_utf8_lossy(&output.stderr);
    assert!(
        error.contains("DAICHO_PASSPHRASE") && error.contains("no terminal"),
        "{error}"
    );
    assert!(!db.exists());

    let weak = daicho_with(&db, &["init"], &[("DAICHO_PASSPHRASE", "weak")]);
    assert_eq!(weak.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&weak.stderr)
            .contains("passphrase: the passphrase needs at least 12"),
        "{weak:?}"
    );
    assert!(!db.exists());
}

#[test]
fn a_wrong_passphrase_is_refused_and_nothing_personal_or_secret_is_printed() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("register.db");
    let backups = dir.path().join("backups");
    let backups_arg = backups.to_str().unwrap();
    let mut outputs = vec![
        daicho(&db, &["init"]),
        daicho(&db, &["demo"]),
        daicho(&db, &["verify"]),
        daicho(&db, &["backup", "--dir", backups_arg]),
        daicho(&db, &["backups", "--dir", backups_arg]),
    ];
    // `holdings list` and `deadlines` exist to show the records to the officer; every other
    // command, and every error, speaks of counts, references and hashes only.
    assert!(outputs.iter().all(|o| o.status.success()), "{outputs:?}");
    let before = hash(&db);
    let wrong = daicho_with(
        &db,
        &["verify"],
        &[("DAICHO_PASSPHRASE", "まちがった合言葉 wrong horse")],
    );
    assert_eq!(wrong.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&wrong.stderr).contains("the passphrase does not open"),
        "{wrong:?}"
    );
    assert_eq!(hash(&db), before);
    outputs.push(wrong);

    let register = daicho::Register::open(&db, &common::cli_key()).unwrap();
    let document = daicho::document::export(&register).unwrap();
    let mut personal: Vec<String> = document
        .requests
        .iter()
        .flat_map(|r| {
            [
                r.fields.requester_name.clone(),
                r.fields.description.clone(),
            ]
        })
        .chain(
            document
                .complaints
                .iter()
                .map(|c| c.fields.complainant.clone()),
        )
        .filter(|v| !v.is_empty())
        .collect();
    personal.push(common::CLI_PASSPHRASE.to_owned());
    for output in &outputs {
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        for value in &personal {
            assert!(!text.contains(value.as_str()), "{value} printed in {text}");
        }
    }
}

#[test]
fn the_cli_changes_the_passphrase_and_encrypts_an_unencrypted_register() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("register.db");
    assert!(
        daicho(&db, &["init"]).status.success(),
        "init first: only init creates"
    );
    assert!(daicho(&db, &["demo"]).status.success());
    // An unencrypted register, as a Daicho before encryption left it.
    let plain = dir.path().join("plain.db");
    common::write_plaintext_copy(&db, &common::cli_key(), &plain);
    let new = "新しい合言葉 battery staple 9";
    let weak = daicho_with(
        &db,
        &["passphrase"],
        &[
            ("DAICHO_PASSPHRASE", common::CLI_PASSPHRASE),
            ("DAICHO_NEW_PASSPHRASE", "weak"),
        ],
    );
    assert_eq!(weak.status.code(), Some(2), "{weak:?}");
    let changed = daicho_with(
        &db,
        &["passphrase"],
        &[
            ("DAICHO_PASSPHRASE", common::CLI_PASSPHRASE),
            ("DAICHO_NEW_PASSPHRASE", new),
        ],
    );
    assert!(changed.status.success(), "{changed:?}");
    assert_eq!(daicho(&db, &["verify"]).status.code(), Some(2));
    let verify = daicho_with(&db, &["verify"], &[("DAICHO_PASSPHRASE", new)]);
    assert!(stdout(&verify).contains("verified: intact"), "{verify:?}");

    let refused = daicho(&plain, &["verify"]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&refused.stderr).contains("daicho encrypt"),
        "{refused:?}"
    );
    let encrypted = daicho(&plain, &["encrypt"]);
    assert!(encrypted.status.success(), "{encrypted:?}");
    assert!(stdout(&encrypted).contains("8 holdings"), "{encrypted:?}");
    assert!(stdout(&daicho(&plain, &["verify"])).contains("verified: intact"));
    let again = daicho(&plain, &["encrypt"]);
    assert_eq!(again.status.code(), Some(2), "only an unencrypted register");
}

/// Issue 12 item 4 at the command line: a mistyped `--db` or an empty file is refused by every
/// command but `init`, before any passphrase is asked for, and nothing is created; `verify`
/// no longer calls a register that is not there intact.
#[test]
fn only_init_creates_a_register_and_a_mistyped_path_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let typo = dir.path().join("regsiter.db");
    for args in [&["verify"][..], &["demo"], &["holdings", "list"]] {
        let output = daicho(&typo, args);
        assert!(!output.status.success(), "{args:?} on a missing register");
        let error = String::from_utf8_lossy(&output.stderr);
        assert!(
            error.contains("there is no register at"),
            "{args:?}: {error}"
        );
        assert!(error.contains("daicho init"), "{args:?}: {error}");
        assert!(!typo.exists(), "{args:?} created nothing");
    }
    let empty = dir.path().join("empty.db");
    std::fs::write(&empty, b"").unwrap();
    let output = daicho(&empty, &["verify"]);
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("the file is empty"));
    assert_eq!(std::fs::metadata(&empty).unwrap().len(), 0);

    assert!(daicho(&typo, &["init"]).status.success(), "init makes it");
    let verified = daicho(&typo, &["verify"]);
    assert!(verified.status.success(), "{verified:?}");
}

#[test]
fn import_sheet_previews_saves_the_mapping_and_applies_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("register.db");
    assert!(daicho(&db, &["init"]).status.success());
    let csv = dir.path().join("台帳.csv");
    let (bytes, _, _) = encoding_rs::SHIFT_JIS.encode(
        "管理番号,個人情報の名称,部署,個人情報の項目,利用目的,取得方法,本人同意,媒体,保管期限,最終確認日\r\n\
         H-1,職員名簿,総務課,氏名、住所,人事管理,本人から書面で直接取得,不要,紙,退職後5年,R6.4.1\r\n\
         H-2,来訪者記録,総務課,氏名,入館管理,本人,不要,紙,5年間,令和6年4月1日\r\n",
    );
    std::fs::write(&csv, &bytes).unwrap();
    let mapping = dir.path().join("mapping.json");
    let csv_arg = csv.to_str().unwrap();

    let dry = daicho(
        &db,
        &[
            "import-sheet",
            csv_arg,
            "--dry-run",
            "--save-mapping",
            mapping.to_str().unwrap(),
        ],
    );
    let out = stdout(&dry);
    assert!(!dry.status.success(), "a dry run with errors fails: {out}");
    assert!(out.contains("(Csv, sjis detected)"), "{out}");
    assert!(out.contains("台帳!2 new H-1"), "{out}");
    assert!(
        out.contains(
            "    error: 台帳!I3: 保管期限 — no event the period runs from; write e.g. \
             取得から5年, 契約終了後3年 or 利用目的の達成まで"
        ),
        "{out}"
    );
    assert!(out.contains("dry run: nothing was written"), "{out}");
    assert!(mapping.exists());

    // Applying without skipping the bad row is refused whole.
    let refused = daicho(&db, &["import-sheet", csv_arg]);
    assert!(!refused.status.success());
    let listed = stdout(&daicho(&db, &["holdings", "list"]));
    assert!(!listed.contains("H-1"), "{listed}");

    let applied = daicho(
        &db,
        &[
            "import-sheet",
            csv_arg,
            "--mapping",
            mapping.to_str().unwrap(),
            "--skip",
            "台帳!3",
        ],
    );
    let out = stdout(&applied);
    assert!(applied.status.success(), "{out}");
    assert!(
        out.contains("2 rows read, 1 created, 0 updated, 0 unchanged, 1 skipped"),
        "{out}"
    );
    assert!(out.contains("台帳!3: skipped on request"), "{out}");
    let listed = stdout(&daicho(&db, &["holdings", "list"]));
    assert!(listed.contains("H-1"), "{listed}");
    assert!(daicho(&db, &["verify"]).status.success());
}
