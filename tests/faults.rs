//! Faults an unlucky officer meets, reproduced against the `daicho` command line as it ships
//! (issue 12): several processes at once, kill -9 at random points of the demo, an import, a
//! backup and a restore, a pipe given as a file, history cut or rewritten behind the app.
//! Each kill run checks that the register still opens, verifies, and holds either everything
//! or nothing of the interrupted work.
//!
//! The kill runs are few in `make test` (`DAICHO_FAULT_RUNS`, default 4 per operation);
//! `make faults` runs 100 of each. `DAICHO_FAULT_SEED` reproduces a run; a failure prints it.
#![cfg(unix)]

use crate::common;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

const DEFAULT_RUNS: u32 = 4;
const DEFAULT_SEED: u64 = 0x0fa0_17da_1c40_0012;

fn cli(db: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_daicho"));
    command
        .arg("--db")
        .arg(db)
        .args(["--actor", "fault-test"])
        .env_remove("DAICHO_DB")
        .env("DAICHO_PASSPHRASE", common::CLI_PASSPHRASE)
        .stdin(Stdio::null());
    command
}

fn run(db: &Path, args: &[&str]) -> Output {
    cli(db).args(args).output().expect("daicho runs")
}

fn ok(db: &Path, args: &[&str]) -> String {
    let output = run(db, args);
    assert!(
        output.status.success(),
        "daicho {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Holdings listed by `holdings list`, one per line.
fn holding_count(db: &Path) -> usize {
    ok(db, &["holdings", "list"])
        .lines()
        .filter(|line| line.starts_with("H-"))
        .count()
}

fn assert_verifies(db: &Path, context: &str) {
    let output = run(db, &["verify"]);
    assert!(
        output.status.success() && String::from_utf8_lossy(&output.stdout).contains("intact"),
        "{context}: verify: {}{}",
        String::from_utf8_lossy(&output.stdout),
        stderr(&output)
    );
}

fn runs() -> u32 {
    std::env::var("DAICHO_FAULT_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(DEFAULT_RUNS)
}

fn seed() -> u64 {
    std::env::var("DAICHO_FAULT_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(DEFAULT_SEED)
}

/// Starts `daicho args`, and kills it with SIGKILL after `after`, unless it ended first.
/// Returns whether it was killed.
fn kill_after(db: &Path, args: &[&str], after: Duration) -> bool {
    let mut child: Child = cli(db)
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("daicho starts");
    let started = Instant::now();
    while started.elapsed() < after {
        if child.try_wait().expect("the child is there").is_some() {
            return false;
        }
        std::thread::sleep(Duration::from_millis(1));
    }
    let _ = child.kill();
    let _ = child.wait();
    true
}

/// Kills `args` at random points and checks the register after each kill with `check`.
fn kill_runs(
    name: &str,
    prepare: &dyn Fn(&Path) -> PathBuf,
    args: &dyn Fn(&Path) -> Vec<String>,
    check: &dyn Fn(&Path, &Path, &str),
) {
    let seed = seed()
        ^ name
            .bytes()
            .fold(0u64, |h, b| h.rotate_left(7) ^ u64::from(b));
    let mut random = common::XorShift::new(seed);
    let probe = tempfile::tempdir().unwrap();
    let probe_db = prepare(probe.path());
    let probe_args = args(probe.path());
    let probe_args: Vec<&str> = probe_args.iter().map(String::as_str).collect();
    let full = {
        let started = Instant::now();
        ok(&probe_db, &probe_args);
        started.elapsed()
    };
    let mut killed = 0;
    for run_index in 0..runs() {
        let dir = tempfile::tempdir().unwrap();
        let db = prepare(dir.path());
        let args = args(dir.path());
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let after = Duration::from_micros(random.below(full.as_micros() as u64 + 1));
        if kill_after(&db, &args, after) {
            killed += 1;
        }
        let context = format!("{name} run {run_index} killed after {after:?} (seed {seed})");
        check(dir.path(), &db, &context);
    }
    eprintln!(
        "{name}: {} runs, {killed} killed part-way (a full run takes {full:?})",
        runs()
    );
}

/// The backup a `daicho backup` wrote into `dir`.
fn backup_in(dir: &Path) -> PathBuf {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "db"))
        .expect("a backup was written")
}

fn initialised(dir: &Path) -> PathBuf {
    let db = dir.join("register.db");
    ok(&db, &["init"]);
    db
}

#[test]
fn demo_killed_at_any_point_leaves_nothing_or_everything() {
    let complete = {
        let dir = tempfile::tempdir().unwrap();
        let db = initialised(dir.path());
        ok(&db, &["demo"]);
        holding_count(&db)
    };
    assert!(complete > 0);
    kill_runs(
        "demo",
        &initialised,
        &|_| vec!["demo".to_owned()],
        &|_, db, context| {
            assert_verifies(db, context);
            let count = holding_count(db);
            assert!(
                count == 0 || count == complete,
                "{context}: {count} of {complete} holdings"
            );
            // Whatever happened, the officer can go on: an empty register takes the demo.
            if count == 0 {
                ok(db, &["demo"]);
            }
        },
    );
}

#[test]
fn import_killed_at_any_point_leaves_nothing_or_everything() {
    let source = tempfile::tempdir().unwrap();
    let source_db = initialised(source.path());
    ok(&source_db, &["demo"]);
    let document = source.path().join("register.json");
    ok(
        &source_db,
        &[
            "export",
            "--format",
            "json",
            "--out",
            document.to_str().unwrap(),
        ],
    );
    let complete = holding_count(&source_db);
    let document_text = document.to_str().unwrap().to_owned();
    kill_runs(
        "import",
        &initialised,
        &|_| vec!["import".to_owned(), document_text.clone()],
        &|_, db, context| {
            assert_verifies(db, context);
            let count = holding_count(db);
            assert!(
                count == 0 || count == complete,
                "{context}: {count} of {complete} holdings"
            );
        },
    );
}

#[test]
fn backup_killed_at_any_point_costs_nothing_and_leaves_nothing_behind() {
    let with_demo = |dir: &Path| {
        let db = initialised(dir);
        ok(&db, &["demo"]);
        db
    };
    kill_runs(
        "backup",
        &with_demo,
        &|dir| {
            vec![
                "backup".to_owned(),
                "--dir".to_owned(),
                dir.join("backups").to_str().unwrap().to_owned(),
            ]
        },
        &|dir, db, context| {
            assert_verifies(db, context);
            let backups = dir.join("backups");
            // The next backup clears what the killed one left, and says so.
            let next = ok(db, &["backup", "--dir", backups.to_str().unwrap()]);
            assert!(next.contains("backed up and verified"), "{context}: {next}");
            let names: Vec<String> = std::fs::read_dir(&backups)
                .unwrap()
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect();
            assert!(
                names.iter().all(|n| !n.contains(".part")),
                "{context}: leftovers remain: {names:?}"
            );
            let listing = ok(db, &["backups", "--dir", backups.to_str().unwrap()]);
            assert!(!listing.contains("problem"), "{context}: {listing}");
        },
    );
}

#[test]
fn restore_killed_at_any_point_leaves_a_register_that_opens() {
    // A register with the demo and a backup of it, then one more holding: a restore takes the
    // register back to the backup.
    let prepare = |dir: &Path| {
        let db = initialised(dir);
        ok(&db, &["demo"]);
        let backups = dir.join("backups");
        ok(&db, &["backup", "--dir", backups.to_str().unwrap()]);
        db
    };
    let backup_of =
        |dir: &Path| -> String { backup_in(&dir.join("backups")).to_str().unwrap().to_owned() };
    kill_runs(
        "restore",
        &prepare,
        &|dir| vec!["restore".to_owned(), backup_of(dir), "--yes".to_owned()],
        &|_, db, context| {
            assert_verifies(db, context);
            assert!(
                holding_count(db) > 0,
                "{context}: the register lost its holdings"
            );
        },
    );
}

#[test]
fn three_backups_at_once_all_succeed() {
    let dir = tempfile::tempdir().unwrap();
    let db = initialised(dir.path());
    ok(&db, &["demo"]);
    let backups = dir.path().join("backups");
    for round in 0..3 {
        let children: Vec<Child> = (0..3)
            .map(|_| {
                cli(&db)
                    .args(["backup", "--dir", backups.to_str().unwrap()])
                    .stdout(Stdio::piped())
                    .stderr(Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for child in children {
            let output = child.wait_with_output().unwrap();
            assert!(
                output.status.success(),
                "round {round}: a backup beside two others failed: {}",
                stderr(&output)
            );
        }
    }
    let listing = ok(&db, &["backups", "--dir", backups.to_str().unwrap()]);
    assert!(!listing.contains("problem"), "{listing}");
    let names: Vec<String> = std::fs::read_dir(&backups)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.iter().all(|n| !n.contains(".part")), "{names:?}");
}

#[test]
fn a_backup_clears_only_the_leftovers_of_its_own_kind() {
    let dir = tempfile::tempdir().unwrap();
    let db = initialised(dir.path());
    let backups = dir.path().join("backups");
    std::fs::create_dir_all(&backups).unwrap();
    let leftovers = [
        "daicho-20260101-120000.db.part",
        "daicho-20260101-120000.db.part-journal",
        "daicho-20260101-120000.db.json.part",
    ];
    // Files a person put there, whose names only look alike: never touched.
    let strangers = [
        "daicho-2026-notes.db.part",
        "mine.db.part",
        "daicho-20260101-120000.db.part.keep",
    ];
    for name in leftovers.iter().chain(&strangers) {
        std::fs::write(backups.join(name), b"half a backup").unwrap();
    }
    let out = ok(&db, &["backup", "--dir", backups.to_str().unwrap()]);
    for name in leftovers {
        assert!(!backups.join(name).exists(), "{name} was left");
        assert!(
            out.contains(name),
            "the removal of {name} was not reported: {out}"
        );
    }
    for name in strangers {
        assert!(backups.join(name).exists(), "{name}, not ours, was removed");
    }
}

#[test]
fn a_pipe_given_to_import_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let db = initialised(dir.path());
    let fifo = dir.path().join("document.fifo");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let mut child = cli(&db)
        .args(["import", fifo.to_str().unwrap()])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > Duration::from_secs(30) {
            let _ = child.kill();
            panic!("import of a FIFO was still waiting after 30 s");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let output = child.wait_with_output().unwrap();
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains("is not a regular file"),
        "{}",
        stderr(&output)
    );
    // The register was never touched, and is still empty.
    assert_eq!(holding_count(&db), 0);
}

/// An insider with the passphrase and a SQLite shell removes the last entries of the trail
/// together with the record they describe, putting the trail's protection back afterwards:
/// the chain that is left is intact link by link, and only the chain head the last write left
/// beside the register shows what happened (issue 12, item 10).
#[test]
fn entries_cut_from_the_end_of_the_trail_are_reported_through_the_witness() {
    let dir = tempfile::tempdir().unwrap();
    let db = initialised(dir.path());
    let register = daicho::Register::open(&db, &common::cli_key()).unwrap();
    register
        .create_holding(common::holding("職員名簿"), common::ACTOR)
        .unwrap();
    let last = register
        .create_holding(common::holding("来庁者名簿"), common::ACTOR)
        .unwrap();
    drop(register);
    let witness = daicho::audit::witness_file::read(&db)
        .unwrap()
        .expect("a witness");
    {
        let conn = common::keyed(&db, &common::cli_key());
        let trigger: String = conn
            .query_row(
                "SELECT sql FROM sqlite_schema WHERE name = 'audit_event_no_delete'",
                [],
                |row| row.get(0),
            )
            .unwrap();
        conn.execute_batch("PRAGMA foreign_keys = ON; DROP TRIGGER audit_event_no_delete")
            .unwrap();
        conn.execute(
            "DELETE FROM audit_event WHERE seq = (SELECT max(seq) FROM audit_event)",
            [],
        )
        .unwrap();
        conn.execute(
            "DELETE FROM holding_data_item WHERE holding_id = ?1",
            [last.id],
        )
        .unwrap();
        conn.execute("DELETE FROM holding WHERE id = ?1", [last.id])
            .unwrap();
        conn.execute_batch(&trigger).unwrap();
    }
    let output = run(&db, &["verify"]);
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(!output.status.success(), "{text}");
    assert!(
        text.contains(&format!(
            "the trail ends at entry #{}, but the chain head the last write left beside the \
             register is entry #{}",
            witness.seq - 1,
            witness.seq
        )),
        "{text}"
    );
    // The link-by-link walk alone finds nothing: that is why the witness is kept.
    assert!(
        !text.contains("BROKEN") && !text.contains("ALTERED"),
        "{text}"
    );
    // A write after the cut leaves the witness as it was: the evidence stays.
    daicho::Register::open(&db, &common::cli_key())
        .unwrap()
        .create_holding(common::holding("研修受講者名簿"), common::ACTOR)
        .unwrap();
    let after = run(&db, &["verify"]);
    assert!(!after.status.success());
    assert_eq!(
        daicho::audit::witness_file::read(&db).unwrap(),
        Some(witness)
    );
}

/// A crashed writer's committed entries live in the write-ahead log until a checkpoint;
/// deleting the `-wal` loses them, and the witness the write left says so (issue 12, item 8).
#[test]
fn a_deleted_write_ahead_log_is_reported_through_the_witness() {
    let dir = tempfile::tempdir().unwrap();
    let db = initialised(dir.path());
    let register = daicho::Register::open(&db, &common::cli_key()).unwrap();
    register
        .create_holding(common::holding("職員名簿"), common::ACTOR)
        .unwrap();
    let witness = daicho::audit::witness_file::read(&db)
        .unwrap()
        .expect("a witness");
    // What a crash leaves: the main file as it was before the write, without its -wal, with
    // the witness beside it (copied while the writer still runs, as a kill would leave them).
    let crashed = dir.path().join("crashed");
    std::fs::create_dir(&crashed).unwrap();
    let copy = crashed.join("register.db");
    std::fs::copy(&db, &copy).unwrap();
    std::fs::copy(
        daicho::audit::witness_file::path_of(&db),
        daicho::audit::witness_file::path_of(&copy),
    )
    .unwrap();
    drop(register);
    let output = run(&copy, &["verify"]);
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(!output.status.success(), "{text}");
    assert!(
        text.contains(&format!("is entry #{}: entries were removed", witness.seq)),
        "{text}"
    );
}

#[test]
fn a_dropped_protection_of_the_trail_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let db = initialised(dir.path());
    ok(&db, &["demo"]);
    common::keyed(&db, &common::cli_key())
        .execute_batch("DROP TRIGGER audit_event_no_update")
        .unwrap();
    let output = run(&db, &["verify"]);
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(!output.status.success(), "{text}");
    assert!(
        text.contains("the protection audit_event_no_update of the trail is missing"),
        "{text}"
    );
}

#[test]
fn verify_compares_the_trail_with_an_anchor_typed_in() {
    let dir = tempfile::tempdir().unwrap();
    let db = initialised(dir.path());
    ok(&db, &["demo"]);
    let head = daicho::audit::witness_file::read(&db).unwrap().unwrap();
    let anchor = format!("{}:{}", head.seq, head.hash);
    let matching = ok(&db, &["verify", "--anchor", &anchor]);
    assert!(matching.contains(&format!("entry #{} matches the anchor", head.seq)));
    // The same entry with another hash: the history was rewritten from it.
    let other = format!("{}:{}", head.seq, "0".repeat(64));
    let output = run(&db, &["verify", "--anchor", &other]);
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stdout).contains(&format!(
        "entry #{} is not the one the anchor given names",
        head.seq
    )));
    // An entry beyond the end: entries were removed.
    let beyond = format!("{}:{}", head.seq + 5, head.hash);
    let output = run(&db, &["verify", "--anchor", &beyond]);
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stdout).contains("but the anchor given is entry"));
    // Not an anchor at all: refused with the form it takes.
    let output = run(&db, &["verify", "--anchor", "yesterday"]);
    assert!(!output.status.success());
    assert!(stderr(&output).contains("SEQ:HASH"), "{}", stderr(&output));
}

#[test]
fn a_restore_that_rolls_the_history_back_says_so_and_verifies_afterwards() {
    let dir = tempfile::tempdir().unwrap();
    let db = initialised(dir.path());
    ok(&db, &["demo"]);
    let backups = dir.path().join("backups");
    ok(&db, &["backup", "--dir", backups.to_str().unwrap()]);
    let backup = backup_in(&backups);
    let before = daicho::audit::witness_file::read(&db).unwrap().unwrap();
    // More work after the backup: a restore now takes the history back.
    let register = daicho::Register::open(&db, &common::cli_key()).unwrap();
    register
        .create_holding(common::holding("来庁者名簿"), common::ACTOR)
        .unwrap();
    drop(register);
    let later = daicho::audit::witness_file::read(&db).unwrap().unwrap();
    assert!(later.seq > before.seq);
    let restored = ok(&db, &["restore", backup.to_str().unwrap(), "--yes"]);
    assert!(
        restored.contains(&format!(
            "the history went back from entry #{} to entry #{}",
            later.seq, before.seq
        )),
        "{restored}"
    );
    // The restored history is the register's history now: it verifies.
    assert_verifies(&db, "after the restore");
}

/// A listing under a passphrase that does not open the backups says so for each one, instead
/// of reading only their descriptions and calling them fine (issue 12, item 12).
#[test]
fn backups_listed_under_another_passphrase_are_not_called_fine() {
    let dir = tempfile::tempdir().unwrap();
    let db = initialised(dir.path());
    ok(&db, &["demo"]);
    let backups = dir.path().join("backups");
    ok(&db, &["backup", "--dir", backups.to_str().unwrap()]);
    let listing = cli(&db)
        .args(["backups", "--dir", backups.to_str().unwrap()])
        .env("DAICHO_PASSPHRASE", "another passphrase entirely 42")
        .output()
        .unwrap();
    assert!(!listing.status.success());
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&listing.stdout),
        stderr(&listing)
    );
    assert!(
        text.contains("UNUSABLE") && text.contains("passphrase"),
        "{text}"
    );
    assert!(!text.contains("holdings"), "{text}");
}

/// A backup made under an earlier passphrase: after the restore the register opens with that
/// passphrase, and the command line says so (issue 12, item 13).
#[test]
fn a_restore_under_an_earlier_passphrase_says_which_passphrase_opens_the_register() {
    let dir = tempfile::tempdir().unwrap();
    let db = initialised(dir.path());
    ok(&db, &["demo"]);
    let backups = dir.path().join("backups");
    ok(&db, &["backup", "--dir", backups.to_str().unwrap()]);
    let backup = backup_in(&backups);
    let newer = "新しい合言葉 staple battery 9";
    let changed = cli(&db)
        .arg("passphrase")
        .env("DAICHO_NEW_PASSPHRASE", newer)
        .output()
        .unwrap();
    assert!(changed.status.success(), "{}", stderr(&changed));
    let restored = ok(&db, &["restore", backup.to_str().unwrap(), "--yes"]);
    assert!(
        restored.contains("the restored register opens with the backup's passphrase"),
        "{restored}"
    );
    // And it does: the backup's passphrase opens it.
    assert_verifies(
        &db,
        "after restoring a backup made under the earlier passphrase",
    );
}

/// A mount made for one test, undone when dropped. `None` where this process may not mount
/// (not root, or a sandbox without the right): the caller says so and skips.
struct Mount {
    target: PathBuf,
}

impl Mount {
    fn new(args: &[&str], target: &Path) -> Option<Mount> {
        std::fs::create_dir_all(target).unwrap();
        let status = Command::new("mount")
            .args(args)
            .arg(target)
            .stderr(Stdio::null())
            .status()
            .ok()?;
        status.success().then(|| Mount {
            target: target.to_owned(),
        })
    }

    /// `source` seen again at `target`, read-only (a bind mount, then remounted read-only,
    /// which is what a read-only share or medium looks like to the program).
    fn read_only(source: &Path, target: &Path) -> Option<Mount> {
        let mount = Mount::new(&["--bind", source.to_str().unwrap()], target)?;
        let status = Command::new("mount")
            .args(["-o", "remount,bind,ro"])
            .arg(target)
            .status()
            .ok()?;
        status.success().then_some(mount)
    }

    /// A file system of `size` bytes, to fill.
    fn tmpfs(size: u64, target: &Path) -> Option<Mount> {
        Mount::new(
            &["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"],
            target,
        )
    }
}

impl Drop for Mount {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.target).status();
    }
}

/// Every file in `dir` with its bytes, to show that nothing in it changed.
fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .map(|p| {
            let bytes = std::fs::read(&p).unwrap();
            (p, bytes)
        })
        .collect();
    files.sort();
    files
}

/// The files of a snapshot by name and SHA-256, short enough to show when they differ.
fn fingerprint(files: &[(PathBuf, Vec<u8>)]) -> Vec<(String, String)> {
    use sha2::Digest;
    files
        .iter()
        .map(|(path, bytes)| {
            (
                path.file_name().unwrap().to_string_lossy().into_owned(),
                hex::encode(sha2::Sha256::digest(bytes)),
            )
        })
        .collect()
}

#[test]
fn a_register_on_a_read_only_mount_reads_and_refuses_writes_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("source");
    std::fs::create_dir(&source).unwrap();
    let db = initialised(&source);
    ok(&db, &["demo"]);
    let holdings = holding_count(&db);
    let before = fingerprint(&snapshot(&source));
    let Some(_mount) = Mount::read_only(&source, &dir.path().join("ro")) else {
        eprintln!("skipped: this process may not mount (a read-only mount needs root)");
        return;
    };
    let ro_db = dir.path().join("ro").join("register.db");

    // Reading works, and says why writes will not.
    let listed = run(&ro_db, &["holdings", "list"]);
    assert!(listed.status.success(), "{}", stderr(&listed));
    assert!(
        stderr(&listed).contains("open for reading only"),
        "{}",
        stderr(&listed)
    );
    assert_eq!(
        String::from_utf8_lossy(&listed.stdout)
            .lines()
            .filter(|l| l.starts_with("H-"))
            .count(),
        holdings
    );
    assert_verifies(&ro_db, "read-only mount");
    let full = run(&ro_db, &["verify", "--full"]);
    assert!(full.status.success(), "{}", stderr(&full));
    // A backup and an export go elsewhere, so they work from a read-only register.
    let elsewhere = dir.path().join("backups");
    ok(&ro_db, &["backup", "--dir", elsewhere.to_str().unwrap()]);
    let restored = dir.path().join("copy.db");
    std::fs::copy(backup_in(&elsewhere), &restored).unwrap();
    assert_eq!(holding_count(&restored), holdings);

    // A write is refused as such, not as "unable to open database file".
    let write = run(&ro_db, &["demo"]);
    assert!(!write.status.success());
    assert!(
        stderr(&write).contains("cannot be written") && !stderr(&write).contains("unable to open"),
        "{}",
        stderr(&write)
    );
    drop(_mount);
    assert_eq!(
        fingerprint(&snapshot(&source)),
        before,
        "nothing on the read-only mount changed"
    );
}

#[test]
fn a_register_with_unwritten_writes_on_a_read_only_mount_is_refused_with_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("source");
    std::fs::create_dir(&source).unwrap();
    initialised(&source);
    // A write-ahead log with content beside the register, as a crash leaves it.
    std::fs::write(source.join("register.db-wal"), vec![1u8; 4096]).unwrap();
    let Some(_mount) = Mount::read_only(&source, &dir.path().join("ro")) else {
        eprintln!("skipped: this process may not mount (a read-only mount needs root)");
        return;
    };
    let output = run(
        &dir.path().join("ro").join("register.db"),
        &["holdings", "list"],
    );
    assert!(!output.status.success());
    let message = stderr(&output);
    assert!(
        message.contains("register.db-wal holds writes not yet in the file")
            && message.contains("copy both files"),
        "{message}"
    );
}

#[test]
fn a_full_disk_leaves_the_register_as_it_was_and_nothing_half_written() {
    let dir = tempfile::tempdir().unwrap();
    let roomy = dir.path().join("roomy");
    std::fs::create_dir(&roomy).unwrap();
    let made = initialised(&roomy);
    let files = snapshot(&roomy);
    let size: usize = files.iter().map(|(_, bytes)| bytes.len()).sum();
    // Room for the initialised register and a little more, not for the demo's writes.
    let disk = dir.path().join("disk");
    let Some(_mount) = Mount::tmpfs(size as u64 + 96 * 1024, &disk) else {
        eprintln!("skipped: this process may not mount a tmpfs (it needs root)");
        return;
    };
    for (path, bytes) in &files {
        std::fs::write(disk.join(path.file_name().unwrap()), bytes).unwrap();
    }
    let db = disk.join(made.file_name().unwrap());
    let demo = run(&db, &["demo"]);
    assert!(
        !demo.status.success(),
        "the demo fitted; make the disk smaller"
    );
    assert!(
        stderr(&demo).contains("the disk is full"),
        "{}",
        stderr(&demo)
    );
    assert_eq!(holding_count(&db), 0, "nothing of the demo stays");
    assert_verifies(&db, "after the full disk");

    // Writes that go to the full disk from a register elsewhere leave nothing behind there.
    let big = made;
    ok(&big, &["demo"]);
    let filler = disk.join("filler");
    {
        // Fill what is left, so that the export and the backup meet a full disk at once.
        let mut file = std::fs::File::create(&filler).unwrap();
        let chunk = vec![0u8; 4096];
        while std::io::Write::write_all(&mut file, &chunk).is_ok() {}
    }
    let before = snapshot(&disk);
    let export = run(
        &big,
        &[
            "export",
            "--format",
            "json",
            "--out",
            disk.join("all.json").to_str().unwrap(),
        ],
    );
    assert!(!export.status.success());
    let backup = run(
        &big,
        &["backup", "--dir", disk.join("backups").to_str().unwrap()],
    );
    assert!(!backup.status.success());
    let after: Vec<PathBuf> = snapshot(&disk).into_iter().map(|(p, _)| p).collect();
    let before: Vec<PathBuf> = before.into_iter().map(|(p, _)| p).collect();
    let backups_left: Vec<PathBuf> = std::fs::read_dir(disk.join("backups"))
        .map(|d| d.map(|e| e.unwrap().path()).collect())
        .unwrap_or_default();
    assert!(
        after
            .iter()
            .all(|p| before.contains(p) || p.ends_with("backups")),
        "left on the full disk: {after:?}"
    );
    assert!(
        backups_left.is_empty(),
        "left in the backup folder: {backups_left:?}"
    );
}
