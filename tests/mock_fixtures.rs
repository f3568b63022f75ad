//! Records the core's answers to the app's commands into `ui/src/mock/fixtures/`, which the UI
//! mock replays (Vitest and mock mode). The mock computes no rule of its own: whatever it
//! answers, the core answered here, through the same calls and the same serde shapes as the
//! Tauri commands in `src-tauri/src/commands/`.
//!
//! Like the ts-rs bindings, the fixtures are rewritten on every run and `make test-core` fails
//! when they differ from the commit. For that they must come out the same byte for byte: the
//! clock is pinned, every register is in memory, the actor is fixed and the few paths the shell
//! would report are replaced by fixed ones.
//!
//! Format: one file per state, `ui/src/mock/fixtures/<state>.json` (`demo.json`,
//! `demo/en.json`, …): `{ "$parent": "<state>" | null, "<command>": [ { "args": {…}, "ok": … }
//! | { "args": {…}, "err": ErrorReport } ] }`. A state is its parent plus one recorded write; it
//! lists only the answers that differ from its parent's (the replay looks a command up from the
//! state towards the root). A write that succeeded names the state it leads to in `"then"`.
//! Keys starting with `$` are not commands (the contract test in src-tauri skips them).

use chrono::{DateTime, Utc};
use daicho::ipc::{DeadlineSettingsState, ErrorReport, LockState, StartupStatus};
use daicho::{CoreError, Register};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Every recorded register reads the clock at this instant; "today" is 2026-04-01.
const PINNED_AT: &str = "2026-04-01T09:00:00Z";
/// The author of every write, as the shell records the OS user.
const ACTOR: &str = "yamada";
/// Where the shell would say the register is; the real path is the officer's app-data folder.
pub const DB_PATH: &str = "/home/yamada/.local/share/daicho/register.db";
/// Where backups go by default: beside the register.
const BACKUP_DIR: &str = "/home/yamada/.local/share/daicho/backups";

type Answer = Result<Value, ErrorReport>;

fn pinned() -> daicho::clock::PinGuard {
    let at: DateTime<Utc> = PINNED_AT.parse().expect("a valid instant");
    daicho::clock::pin(at)
}

fn to_value(value: impl Serialize) -> Value {
    serde_json::to_value(value).expect("answers serialise")
}

/// An argument as Tauri deserialises it: a missing key is `null`, which an `Option` reads as
/// `None`.
fn arg<T: DeserializeOwned>(args: &Value, name: &str) -> Result<T, ErrorReport> {
    let value = args.get(name).cloned().unwrap_or(Value::Null);
    serde_json::from_value(value).map_err(|e| ErrorReport {
        kind: daicho::ErrorKind::Validation,
        message: format!("invalid args `{name}`: {e}"),
        fields: Vec::new(),
        records: Vec::new(),
        references: Vec::new(),
    })
}

fn ok(value: impl Serialize) -> Answer {
    Ok(to_value(value))
}

fn core<T: Serialize>(result: Result<T, CoreError>) -> Answer {
    result.map(to_value).map_err(ErrorReport::from)
}

/// What `startup_status` answers for an open register (src-tauri/src/commands/startup.rs).
fn startup_status(register: &Register) -> Result<StartupStatus, CoreError> {
    Ok(StartupStatus {
        db_path: DB_PATH.to_owned(),
        error: None,
        organisation: register.organisation()?,
        language: register.language()?,
        era_dates: register.era_dates()?,
        chain_head: register.chain_head()?,
        lock_state: LockState::Open,
        verification: register.last_verification(),
        lock_after_minutes: daicho::protection::settings(register)?.lock_after_minutes,
        read_only: register.is_read_only(),
    })
}

/// What the shell answers while no register is open.
fn closed_status(lock_state: LockState, error: Option<ErrorReport>) -> StartupStatus {
    StartupStatus {
        db_path: DB_PATH.to_owned(),
        error,
        organisation: None,
        language: None,
        era_dates: false,
        chain_head: None,
        lock_state,
        verification: None,
        lock_after_minutes: 0,
        read_only: false,
    }
}

/// One Tauri command against an open register: the same core call, the same answer shape.
/// Commands that show dialogs or write files are not here.
fn call(register: &Register, cmd: &str, args: &Value) -> Answer {
    let today = daicho::clock::today();
    let id = || arg::<i64>(args, "id");
    let version = || arg::<i64>(args, "expectedVersion");
    let r = register;
    let history = |entity: &str| -> Answer {
        core(r.history(
            serde_json::from_value(json!(entity)).unwrap(),
            &id()?.to_string(),
        ))
    };
    match cmd {
        "startup_status" => core(startup_status(r)),
        "save_organisation" => {
            core(r.save_organisation(arg(args, "input")?, arg(args, "expectedVersion")?, ACTOR))
        }
        "load_demo" => core(daicho::demo::load(r, ACTOR)),
        "set_language" => core(r.set_language(arg(args, "language")?, ACTOR)),
        "set_era_dates" => core(r.set_era_dates(arg(args, "on")?, ACTOR)),
        "get_deadline_settings" => (|| {
            Ok(DeadlineSettingsState {
                saved: r.deadline_settings()?,
                effective: r.effective_deadline_settings()?,
            })
        })()
        .map(to_value)
        .map_err(|e: CoreError| e.into()),
        "save_deadline_settings" => core(r.save_deadline_settings(
            arg(args, "input")?,
            arg(args, "expectedVersion")?,
            ACTOR,
        )),

        "list_holdings" => core(r.holdings()),
        "get_holding" => core(r.holding(id()?)),
        "create_holding" => core(r.create_holding(arg(args, "input")?, ACTOR)),
        "update_holding" => core(r.update_holding(id()?, version()?, arg(args, "input")?, ACTOR)),
        "delete_holding" => core(r.delete_holding(id()?, version()?, ACTOR)),
        "holding_history" => history("holding"),
        "verify_register" => core(r.verify()),
        "change_log" => core(r.change_log(&arg(args, "filter")?, 100)),
        "search_register" => core(r.search(
            &arg::<String>(args, "query")?,
            daicho::register::search::RESULTS_PER_SECTION,
        )),

        "request_types" => core(r.request_types()),
        "list_requests" => core(r.requests(today)),
        "get_request" => core(r.request(id()?, today)),
        "create_request" => core(r.create_request(arg(args, "input")?, ACTOR)),
        "update_request" => core(r.update_request(id()?, version()?, arg(args, "input")?, ACTOR)),
        "advance_request" => core(r.advance_request(id()?, version()?, arg(args, "step")?, ACTOR)),
        "add_request_pause" => {
            core(r.add_request_pause(id()?, version()?, arg(args, "pause")?, ACTOR))
        }
        "end_request_pause" => core(r.end_request_pause(
            id()?,
            version()?,
            arg(args, "pauseId")?,
            arg(args, "to")?,
            ACTOR,
        )),
        "remove_request_pause" => {
            core(r.remove_request_pause(id()?, version()?, arg(args, "pauseId")?, ACTOR))
        }
        "set_request_extension" => {
            core(r.set_request_extension(id()?, version()?, arg(args, "extension")?, ACTOR))
        }
        "set_request_large_volume" => {
            core(r.set_request_large_volume(id()?, version()?, arg(args, "largeVolume")?, ACTOR))
        }
        "agenda" => core(r.agenda(today)),

        "list_complaints" => core(r.complaints(today)),
        "get_complaint" => core(r.complaint(id()?, today)),
        "create_complaint" => core(r.create_complaint(arg(args, "input")?, ACTOR)),
        "update_complaint" => {
            core(r.update_complaint(id()?, version()?, arg(args, "input")?, ACTOR))
        }
        "add_complaint_action" => {
            core(r.add_complaint_action(id()?, version()?, arg(args, "action")?, ACTOR))
        }
        "close_complaint" => core(r.close_complaint(
            id()?,
            version()?,
            arg(args, "closedOn")?,
            arg(args, "resolution")?,
            ACTOR,
        )),

        "list_recipients" => core(r.recipients()),
        "get_recipient" => core(r.recipient(id()?)),
        "create_recipient" => core(r.create_recipient(arg(args, "input")?, ACTOR)),
        "update_recipient" => {
            core(r.update_recipient(id()?, version()?, arg(args, "input")?, ACTOR))
        }
        "delete_recipient" => core(r.delete_recipient(id()?, version()?, ACTOR)),
        "list_provision_records" => core(r.provision_records(today)),
        "get_provision_record" => core(r.provision_record(id()?, today)),
        "create_provision_record" => core(r.create_provision_record(arg(args, "input")?, ACTOR)),
        "update_provision_record" => {
            core(r.update_provision_record(id()?, version()?, arg(args, "input")?, ACTOR))
        }
        "delete_provision_record" => core(r.delete_provision_record(id()?, version()?, ACTOR)),
        "list_measures" => core(r.measures()),
        "get_measure" => core(r.measure(id()?)),
        "create_measure" => core(r.create_measure(arg(args, "input")?, ACTOR)),
        "update_measure" => core(r.update_measure(id()?, version()?, arg(args, "input")?, ACTOR)),
        "delete_measure" => core(r.delete_measure(id()?, version()?, ACTOR)),
        "list_disposals" => core(r.disposals()),
        "get_disposal" => core(r.disposal(id()?)),
        "create_disposal" => core(r.create_disposal(arg(args, "input")?, ACTOR)),
        "update_disposal" => core(r.update_disposal(id()?, version()?, arg(args, "input")?, ACTOR)),
        "delete_disposal" => core(r.delete_disposal(id()?, version()?, ACTOR)),
        "list_objections" => core(r.objections()),
        "get_objection" => core(r.objection(id()?)),
        "create_objection" => core(r.create_objection(arg(args, "input")?, ACTOR)),
        "update_objection" => {
            core(r.update_objection(id()?, version()?, arg(args, "input")?, ACTOR))
        }
        "delete_objection" => core(r.delete_objection(id()?, version()?, ACTOR)),
        "list_consent_matters" => core(r.consent_matters()),
        "get_consent_matter" => core(r.consent_matter(id()?)),
        "create_consent_matter" => core(r.create_consent_matter(arg(args, "input")?, ACTOR)),
        "update_consent_matter" => {
            core(r.update_consent_matter(id()?, version()?, arg(args, "input")?, ACTOR))
        }
        "delete_consent_matter" => core(r.delete_consent_matter(id()?, version()?, ACTOR)),
        "list_pseudonymised_information" => core(r.pseudonymised_information()),
        "get_pseudonymised_information" => core(r.pseudonymised(id()?)),
        "create_pseudonymised_information" => {
            core(r.create_pseudonymised(arg(args, "input")?, ACTOR))
        }
        "update_pseudonymised_information" => {
            core(r.update_pseudonymised(id()?, version()?, arg(args, "input")?, ACTOR))
        }
        "delete_pseudonymised_information" => {
            core(r.delete_pseudonymised(id()?, version()?, ACTOR))
        }
        "list_anonymised_information" => core(r.anonymised_information()),
        "get_anonymised_information" => core(r.anonymised(id()?)),
        "create_anonymised_information" => core(r.create_anonymised(arg(args, "input")?, ACTOR)),
        "update_anonymised_information" => {
            core(r.update_anonymised(id()?, version()?, arg(args, "input")?, ACTOR))
        }
        "delete_anonymised_information" => core(r.delete_anonymised(id()?, version()?, ACTOR)),
        "get_request_procedure" => core(r.request_procedure()),
        "save_request_procedure" => core(r.save_request_procedure(
            arg(args, "input")?,
            arg(args, "expectedVersion")?,
            ACTOR,
        )),
        "provision_records_about" => {
            core(r.provision_records_about(&arg::<String>(args, "person")?, today))
        }
        "list_disposals_due" => core(r.disposals_due(today)),
        "list_findings" => core(r.findings(today)),
        "section_history" | "sharing_history" => {
            core(r.history(arg(args, "entity")?, &id()?.to_string()))
        }

        "list_subcontractors" => core(r.subcontractor_tree(today)),
        "get_subcontractor" => core(r.subcontractor(id()?)),
        "create_subcontractor" => core(r.create_subcontractor(arg(args, "input")?, ACTOR)),
        "update_subcontractor" => {
            core(r.update_subcontractor(id()?, version()?, arg(args, "input")?, ACTOR))
        }
        "delete_subcontractor" => core(r.delete_subcontractor(id()?, version()?, ACTOR)),
        "list_joint_uses" => core(r.joint_uses()),
        "get_joint_use" => core(r.joint_use(id()?)),
        "create_joint_use" => core(r.create_joint_use(arg(args, "input")?, ACTOR)),
        "update_joint_use" => core(r.update_joint_use(
            id()?,
            version()?,
            arg(args, "input")?,
            arg(args, "change")?,
            ACTOR,
        )),
        "delete_joint_use" => core(r.delete_joint_use(id()?, version()?, ACTOR)),
        "list_transfers" => core(r.transfers(today)),
        "get_transfer" => core(r.transfer(id()?, today)),
        "create_transfer" => core(r.create_transfer(arg(args, "input")?, ACTOR)),
        "update_transfer" => core(r.update_transfer(id()?, version()?, arg(args, "input")?, ACTOR)),
        "delete_transfer" => core(r.delete_transfer(id()?, version()?, ACTOR)),
        "holding_sharing" => core(r.holding_sharing(arg(args, "holdingId")?)),
        "sharing_findings" => core(r.sharing_findings(today)),

        "list_incidents" => core(r.incidents(today)),
        "get_incident" => core(r.incident(id()?, today)),
        "create_incident" => core(r.create_incident(arg(args, "input")?, ACTOR)),
        "update_incident" => core(r.update_incident(id()?, version()?, arg(args, "input")?, ACTOR)),
        "add_incident_action" => {
            core(r.add_incident_action(id()?, version()?, arg(args, "action")?, ACTOR))
        }
        "add_incident_filing" => {
            core(r.add_incident_filing(id()?, version()?, arg(args, "filing")?, ACTOR))
        }
        "add_incident_notice" => {
            core(r.add_incident_notice(id()?, version()?, arg(args, "notice")?, ACTOR))
        }
        "close_incident" => core(r.close_incident(
            id()?,
            version()?,
            arg(args, "closedOn")?,
            arg(args, "note")?,
            ACTOR,
        )),
        "incident_draft" => {
            core(r.incident_draft(id()?, arg(args, "kind")?, arg(args, "language")?))
        }
        "incident_history" => history("incident"),

        "protection_overview" => (|| {
            let settings = daicho::protection::settings(r)?;
            let dir = settings
                .backup_dir
                .clone()
                .unwrap_or_else(|| BACKUP_DIR.to_owned());
            // No backup is made while recording: a backup's name and time come from the
            // system clock in the shell.
            Ok(daicho::protection::ProtectionOverview {
                backups: Vec::new(),
                backup_dir: dir,
                verification: r.last_verification(),
                settings,
            })
        })()
        .map(to_value)
        .map_err(|e: CoreError| e.into()),
        "save_protection_settings" => core(daicho::protection::save_settings(
            r,
            arg(args, "settings")?,
            ACTOR,
        )),
        "printable_documents" => core(daicho::print::printable_documents(r)),
        // The shell drops the register (and its key); a recorded lock leaves the state alone.
        "lock_register" => Ok(Value::Null),
        other => panic!("mock_fixtures: no recording for command `{other}`"),
    }
}

/// The reads the UI can make in a state, with the arguments it would make them with: every
/// list, and every record of every list by id.
fn reads(register: &Register) -> Vec<(&'static str, Value)> {
    const LISTS: &[&str] = &[
        "startup_status",
        "list_holdings",
        "verify_register",
        "request_types",
        "list_requests",
        "agenda",
        "list_complaints",
        "get_deadline_settings",
        "list_recipients",
        "list_provision_records",
        "list_measures",
        "list_disposals",
        "list_objections",
        "list_consent_matters",
        "list_pseudonymised_information",
        "list_anonymised_information",
        "get_request_procedure",
        "list_disposals_due",
        "list_findings",
        "list_subcontractors",
        "list_joint_uses",
        "list_transfers",
        "sharing_findings",
        "list_incidents",
        "protection_overview",
        "printable_documents",
    ];
    let mut out: Vec<(&'static str, Value)> = LISTS.iter().map(|c| (*c, json!({}))).collect();
    // What the search box asks while an officer types a name the demo has: one character,
    // then two; and a word it does not have.
    out.push((
        "change_log",
        json!({ "filter": { "from": null, "to": null, "entity": null, "actor": null, "beforeSeq": null } }),
    ));
    for query in ["山", "山本", "該当なし"] {
        out.push(("search_register", json!({ "query": query })));
    }
    let list = |cmd: &str| -> Vec<Value> {
        match call(register, cmd, &json!({})) {
            Ok(Value::Array(items)) => items,
            _ => Vec::new(),
        }
    };
    let ids = |cmd: &str, pointer: &str| -> Vec<i64> {
        list(cmd)
            .iter()
            .filter_map(|item| item.pointer(pointer).and_then(Value::as_i64))
            .collect()
    };
    for id in ids("list_holdings", "/id") {
        out.push(("get_holding", json!({ "id": id })));
        out.push(("holding_history", json!({ "id": id })));
        out.push(("holding_sharing", json!({ "holdingId": id })));
    }
    for id in ids("list_requests", "/request/id") {
        out.push(("get_request", json!({ "id": id })));
        out.push(("section_history", json!({ "entity": "request", "id": id })));
    }
    for id in ids("list_complaints", "/complaint/id") {
        out.push(("get_complaint", json!({ "id": id })));
        out.push((
            "section_history",
            json!({ "entity": "complaint", "id": id }),
        ));
    }
    let sections = [
        ("list_recipients", "/id", "get_recipient", "recipient"),
        (
            "list_provision_records",
            "/record/id",
            "get_provision_record",
            "provisionRecord",
        ),
        ("list_measures", "/id", "get_measure", "measure"),
        ("list_disposals", "/id", "get_disposal", "disposal"),
        ("list_objections", "/id", "get_objection", "objection"),
        (
            "list_consent_matters",
            "/id",
            "get_consent_matter",
            "consentMatter",
        ),
        (
            "list_pseudonymised_information",
            "/id",
            "get_pseudonymised_information",
            "pseudonymisedInformation",
        ),
        (
            "list_anonymised_information",
            "/id",
            "get_anonymised_information",
            "anonymisedInformation",
        ),
    ];
    for (list_cmd, pointer, get, entity) in sections {
        for id in ids(list_cmd, pointer) {
            out.push((get, json!({ "id": id })));
            out.push(("section_history", json!({ "entity": entity, "id": id })));
        }
    }
    let mut people: Vec<String> = list("list_provision_records")
        .iter()
        .filter_map(|v| v.pointer("/record/personName").and_then(Value::as_str))
        .filter(|name| !name.is_empty())
        .map(str::to_owned)
        .collect();
    people.sort();
    people.dedup();
    for person in people {
        out.push(("provision_records_about", json!({ "person": person })));
    }
    let sharing = [
        (
            "list_subcontractors",
            "/subcontractor/id",
            "get_subcontractor",
            "subcontractor",
        ),
        (
            "list_joint_uses",
            "/jointUse/id",
            "get_joint_use",
            "jointUse",
        ),
        ("list_transfers", "/transfer/id", "get_transfer", "transfer"),
    ];
    for (list_cmd, pointer, get, entity) in sharing {
        for id in ids(list_cmd, pointer) {
            out.push((get, json!({ "id": id })));
            out.push(("sharing_history", json!({ "entity": entity, "id": id })));
        }
    }
    for id in ids("list_incidents", "/incident/id") {
        out.push(("get_incident", json!({ "id": id })));
        out.push(("incident_history", json!({ "id": id })));
        for kind in ["report", "notice"] {
            for language in ["ja", "en"] {
                let args = json!({ "id": id, "kind": kind, "language": language });
                out.push(("incident_draft", args));
            }
        }
    }
    out
}

/// A write recorded in a state. When it succeeds and `leads_to` names a state, the replay
/// moves there; a refused write leaves the state as it was.
struct Write {
    from: &'static str,
    leads_to: Option<&'static str>,
    cmd: &'static str,
    args: Value,
}

/// A state with what the UI gets for each (command, args).
#[derive(Default)]
struct Recorded {
    parent: Option<String>,
    /// Reads, which a child state re-reads.
    answers: BTreeMap<(String, String), Value>,
    /// Writes made in this state, which only this state answers.
    writes: BTreeMap<(String, String), Value>,
}

fn entry(args: &Value, answer: &Answer, then: Option<&str>) -> Value {
    let mut entry = Map::new();
    entry.insert("args".into(), args.clone());
    match answer {
        Ok(value) => {
            entry.insert("ok".into(), value.clone());
            if let Some(state) = then {
                entry.insert("then".into(), json!(state));
            }
        }
        Err(report) => {
            entry.insert("err".into(), to_value(report));
        }
    }
    Value::Object(entry)
}

struct Recorder {
    states: BTreeMap<String, Recorded>,
}

impl Recorder {
    /// The answer a state would replay for `key`, looking towards the root.
    fn effective(&self, state: &str, key: &(String, String)) -> Option<&Value> {
        let mut current = Some(state);
        while let Some(name) = current {
            let recorded = self.states.get(name)?;
            if let Some(found) = recorded.answers.get(key) {
                return Some(found);
            }
            current = recorded.parent.as_deref();
        }
        None
    }

    /// Every key known to `state` or its ancestors, so a child re-reads them all (a deleted
    /// record then answers `notFound` instead of its parent's stale answer).
    fn known_keys(&self, state: &str) -> Vec<(String, String)> {
        let mut keys = Vec::new();
        let mut current = Some(state);
        while let Some(name) = current {
            let Some(recorded) = self.states.get(name) else {
                break;
            };
            keys.extend(recorded.answers.keys().cloned());
            current = recorded.parent.as_deref();
        }
        keys
    }

    /// Records the reads of `register` as `state`, keeping only what differs from `parent`.
    fn record_state(&mut self, state: &str, parent: Option<&str>, register: &Register) {
        let mut keys: Vec<(String, String)> = reads(register)
            .into_iter()
            .map(|(cmd, args)| (cmd.to_owned(), args.to_string()))
            .collect();
        if let Some(parent) = parent {
            keys.extend(self.known_keys(parent));
        }
        keys.sort();
        keys.dedup();
        let mut answers = BTreeMap::new();
        for key in keys {
            let args: Value = serde_json::from_str(&key.1).expect("args are JSON");
            let recorded = entry(&args, &call(register, &key.0, &args), None);
            let same = parent.and_then(|p| self.effective(p, &key)) == Some(&recorded);
            if !same {
                answers.insert(key, recorded);
            }
        }
        self.states.insert(
            state.to_owned(),
            Recorded {
                parent: parent.map(str::to_owned),
                answers,
                writes: BTreeMap::new(),
            },
        );
    }

    fn record_answer(&mut self, state: &str, cmd: &str, args: &Value, answer: Value) {
        let key = (cmd.to_owned(), args.to_string());
        self.states
            .get_mut(state)
            .unwrap_or_else(|| panic!("state {state} is recorded before its writes"))
            .writes
            .insert(key, answer);
    }

    fn write_files(&self, dir: &Path) {
        let mut files: BTreeMap<PathBuf, String> = BTreeMap::new();
        for (name, recorded) in &self.states {
            let mut state: Map<String, Value> = Map::new();
            state.insert("$parent".into(), json!(recorded.parent));
            for ((cmd, _), answer) in recorded.answers.iter().chain(&recorded.writes) {
                let list = state.entry(cmd.clone()).or_insert_with(|| json!([]));
                list.as_array_mut().expect("a list").push(answer.clone());
            }
            let mut text = serde_json::to_string_pretty(&Value::Object(state)).expect("JSON");
            text.push('\n');
            files.insert(dir.join(format!("{name}.json")), text);
        }
        // A state no longer recorded must not linger for the replay to serve.
        let mut found = Vec::new();
        json_files(dir, &mut found);
        for path in found {
            if !files.contains_key(&path) {
                std::fs::remove_file(&path).expect("stale fixture removed");
            }
        }
        for (path, text) in files {
            std::fs::create_dir_all(path.parent().expect("a folder")).expect("fixtures folder");
            // Unchanged files are not rewritten, so their timestamps do not trigger rebuilds.
            if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
                std::fs::write(&path, text).expect("fixture written");
            }
        }
    }
}

fn json_files(dir: &Path, found: &mut Vec<PathBuf>) {
    for path in std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
    {
        if path.is_dir() {
            json_files(&path, found);
        } else if path.extension().is_some_and(|e| e == "json") {
            found.push(path);
        }
    }
}

/// The register a state describes: an empty one, then the writes leading to it.
fn build(state: &str, writes: &[Write]) -> Register {
    let register = Register::open_in_memory().expect("in-memory register");
    for write in path_to(state, writes) {
        call(&register, write.cmd, &write.args)
            .unwrap_or_else(|e| panic!("{} on the way to {state} was refused: {e:?}", write.cmd));
    }
    register
}

fn path_to<'a>(state: &str, writes: &'a [Write]) -> Vec<&'a Write> {
    if state == "empty" {
        return Vec::new();
    }
    let write = writes
        .iter()
        .find(|w| w.leads_to == Some(state))
        .unwrap_or_else(|| panic!("no recorded write leads to {state}"));
    let mut path = path_to(write.from, writes);
    path.push(write);
    path
}

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("ui/src/mock/fixtures")
}

#[test]
fn mock_fixtures_record_the_cores_answers() {
    let _clock = pinned();
    let writes = scenarios::writes();
    let mut recorder = Recorder {
        states: BTreeMap::new(),
    };
    let empty = build("empty", &writes);
    recorder.record_state("empty", None, &empty);
    // Parents are recorded before their children: a write's `from` must be known when the
    // state it leads to is diffed against it.
    let mut pending: Vec<&Write> = writes.iter().collect();
    while !pending.is_empty() {
        let before = pending.len();
        pending.retain(|write| {
            if !recorder.states.contains_key(write.from) {
                return true;
            }
            let register = build(write.from, &writes);
            let answer = call(&register, write.cmd, &write.args);
            let then = write.leads_to.filter(|_| answer.is_ok());
            recorder.record_answer(
                write.from,
                write.cmd,
                &write.args,
                entry(&write.args, &answer, then),
            );
            if let Some(state) = write.leads_to {
                assert!(
                    answer.is_ok(),
                    "{} in {} must succeed to lead to {state}: {answer:?}",
                    write.cmd,
                    write.from
                );
                recorder.record_state(state, Some(write.from), &register);
            }
            false
        });
        assert!(pending.len() < before, "writes start from unknown states");
    }
    scenarios::record_shell_states(&mut recorder);
    recorder.write_files(&fixtures_dir());

    // The replay relies on these: a state lists only what its parent does not already say.
    let demo = &recorder.states["demo"];
    assert!(demo.answers.len() > 100, "the demo answers every read");
    let holdings = recorder.effective("demo", &("list_holdings".into(), "{}".into()));
    assert!(holdings.and_then(|h| h.pointer("/ok/0/id")).is_some());
}

/// The states the UI tests and mock mode start from, and the writes between them.
mod scenarios {
    use super::*;
    use crate::common::{keyed, test_key};

    /// The passphrase of the recorded encrypted registers (the lock screens' tests type it).
    pub const PASSPHRASE: &str = "correct horse 台帳 battery";

    fn write(
        from: &'static str,
        leads_to: Option<&'static str>,
        cmd: &'static str,
        args: Value,
    ) -> Write {
        Write {
            from,
            leads_to,
            cmd,
            args,
        }
    }

    /// The first-run organisation as the first-run form sends it.
    fn organisation_input() -> Value {
        json!({
            "name": "厚生労働省 検疫所",
            "address": "東京都千代田区霞が関1-2-2",
            "representative": "所長 山田 太郎",
            "privacyManager": "総務課長",
            "requestDesk": "",
            "complaintDesk": "",
            "regime": "nationalOrgan",
            "gdprApplies": true,
            "officers": [],
        })
    }

    /// The demo register, to read the ids and versions the writes refer to.
    fn demo() -> Register {
        let register = Register::open_in_memory().expect("in-memory register");
        daicho::demo::load(&register, ACTOR).expect("the demo loads");
        register
    }

    fn list(register: &Register, cmd: &str) -> Vec<Value> {
        match call(register, cmd, &json!({})) {
            Ok(Value::Array(items)) => items,
            other => panic!("{cmd}: {other:?}"),
        }
    }

    fn find<'a>(items: &'a [Value], pointer: &str, value: &str) -> &'a Value {
        items
            .iter()
            .find(|item| item.pointer(pointer).and_then(Value::as_str) == Some(value))
            .unwrap_or_else(|| panic!("no item with {pointer} = {value}"))
    }

    fn num(value: &Value, pointer: &str) -> i64 {
        value
            .pointer(pointer)
            .and_then(Value::as_i64)
            .unwrap_or_else(|| panic!("{pointer} in {value}"))
    }

    pub fn writes() -> Vec<Write> {
        let demo = demo();
        let holdings = list(&demo, "list_holdings");
        let requests = list(&demo, "list_requests");
        let complaints = list(&demo, "list_complaints");
        let incidents = list(&demo, "list_incidents");
        // The first holding nothing else names, so the delete goes through.
        let deletable = holdings
            .iter()
            .find(|h| {
                let id = num(h, "/id");
                let register = self::demo();
                register
                    .delete_holding(id, num(h, "/version"), ACTOR)
                    .is_ok()
            })
            .expect("a holding nothing names");
        let second = &holdings[1];
        let review = find(&requests, "/request/reference", "R-0003");
        let open_complaint = complaints
            .iter()
            .find(|c| c.pointer("/open") == Some(&json!(true)))
            .expect("an open complaint");
        let incident = &incidents[0];
        let renamed = {
            let mut input = second.clone();
            let object = input.as_object_mut().expect("a holding");
            for key in ["id", "version", "createdAt", "updatedAt"] {
                object.remove(key);
            }
            object.insert("name".into(), json!("別の画面での変更"));
            input
        };
        let mine = {
            let mut input = renamed.clone();
            input["name"] = json!("私の変更");
            input
        };
        let today = "2026-04-01";
        let tier = &list(&demo, "list_subcontractors")[0];
        // A recipient other records name, so its delete is refused.
        let recipient = list(&demo, "list_recipients")
            .into_iter()
            .find(|m| {
                let register = self::demo();
                register
                    .delete_recipient(num(m, "/id"), num(m, "/version"), ACTOR)
                    .is_err()
            })
            .expect("a recipient other records name");
        let tier_id = num(tier, "/subcontractor/id");
        // An objection to a published matter, withdrawn by the member on the recorded day.
        let objection = list(&demo, "list_objections")
            .into_iter()
            .find(|o| !o["matterId"].is_null())
            .expect("a demo objection names a matter");
        let withdrawn = {
            let mut input = objection.clone();
            let fields = input.as_object_mut().expect("an objection is an object");
            for key in ["id", "version", "createdAt", "updatedAt"] {
                fields.remove(key);
            }
            input["withdrawnOn"] = json!(today);
            input
        };
        let hinted = {
            let mut input = incident_form_input("会員情報の誤送信", "総務課", 3, None);
            let item = |name: &str| {
                json!({ "dataItemId": null, "name": name, "sensitive": false,
                    "ordinanceSensitive": false, "myNumber": false })
            };
            input["items"] = json!([item("氏名"), item("クレジットカード番号"), item("病歴")]);
            input
        };
        // An Individual Number item names the affair it serves (Number Act art. 9).
        let new_holding = {
            let mut input = holding_form_input();
            input["numberAffairs"] =
                json!([{ "kind": "use", "description": "健康保険法による保険給付の支給" }]);
            input
        };
        let too_long = {
            let mut input = holding_form_input();
            input["approxCount"] = Value::Null;
            input["dataItems"][0]["myNumber"] = json!(false);
            input["ledgerNo"] = json!("H-".repeat(21));
            input["retention"] = json!({ "years": 500, "months": 0, "trigger": "acquisition",
                "triggerNote": "", "legalBasis": "" });
            input
        };
        let at_tier = incident_form_input("誤封入", "業務課", 12, Some(tier_id));
        // The form sends back the reference the core gave the new incident.
        let created = call(
            &self::demo(),
            "create_incident",
            &json!({ "input": at_tier }),
        )
        .expect("the incident at a tier is recorded");
        let at_tier_saved = {
            let mut input = at_tier.clone();
            input["reference"] = created["reference"].clone();
            input
        };
        vec![
            write("empty", Some("demo"), "load_demo", json!({})),
            write(
                "empty",
                Some("setup"),
                "save_organisation",
                json!({ "input": organisation_input(), "expectedVersion": null }),
            ),
            write(
                "demo",
                Some("demo/en"),
                "set_language",
                json!({ "language": "en" }),
            ),
            // A private operator choosing era dates (public bodies have them by default).
            write(
                "demo",
                Some("demo/eraDates"),
                "set_era_dates",
                json!({ "on": true }),
            ),
            write(
                "demo",
                Some("demo/holdingDeleted"),
                "delete_holding",
                json!({ "id": num(deletable, "/id"), "expectedVersion": num(deletable, "/version") }),
            ),
            write(
                "demo",
                Some("demo/holdingRenamed"),
                "update_holding",
                json!({ "id": num(second, "/id"), "expectedVersion": num(second, "/version"), "input": renamed }),
            ),
            write(
                "demo/holdingRenamed",
                None,
                "update_holding",
                json!({ "id": num(second, "/id"), "expectedVersion": num(second, "/version"), "input": mine }),
            ),
            write(
                "demo",
                None,
                "advance_request",
                json!({
                    "id": num(review, "/request/id"),
                    "expectedVersion": num(review, "/request/version"),
                    "step": { "step": "decide", "decision": {
                        "outcome": "full", "decidedOn": "2026-03-13", "grounds": [], "reason": "" } },
                }),
            ),
            write(
                "demo",
                Some("demo/requestDecided"),
                "advance_request",
                json!({
                    "id": num(review, "/request/id"),
                    "expectedVersion": num(review, "/request/version"),
                    "step": { "step": "decide", "decision": {
                        "outcome": "full", "decidedOn": today, "grounds": [], "reason": "" } },
                }),
            ),
            write(
                "demo",
                None,
                "close_complaint",
                json!({
                    "id": num(open_complaint, "/complaint/id"),
                    "expectedVersion": num(open_complaint, "/complaint/version"),
                    "closedOn": today,
                    "resolution": "",
                }),
            ),
            write(
                "demo",
                Some("demo/complaintClosed"),
                "close_complaint",
                json!({
                    "id": num(open_complaint, "/complaint/id"),
                    "expectedVersion": num(open_complaint, "/complaint/version"),
                    "closedOn": today,
                    "resolution": "抽出条件を修正し、申出者に説明した",
                }),
            ),
            write(
                "demo",
                Some("demo/incidentFiled"),
                "add_incident_filing",
                json!({
                    "id": num(incident, "/incident/id"),
                    "expectedVersion": num(incident, "/incident/version"),
                    "filing": { "phase": "final", "law": "appi", "filedOn": today,
                        "authority": "個人情報保護委員会", "channel": "webForm",
                        "referenceNo": "", "note": "" },
                }),
            ),
            write(
                "demo",
                Some("demo/holdingCreated"),
                "create_holding",
                json!({ "input": new_holding }),
            ),
            write("demo", None, "create_holding", json!({ "input": too_long })),
            write(
                "demo",
                Some("demo/requestCreated"),
                "create_request",
                json!({ "input": {
                    "reference": "", "requestType": "disclosure", "receivedOn": today,
                    "channel": "counter", "requesterName": "山田 花子", "requesterContact": "",
                    "agent": "none", "agentName": "", "description": "",
                    "holdingIds": [num(&holdings[0], "/id")], "requestedMethod": null,
                    "feeYen": null, "notes": "" } }),
            ),
            write(
                "demo",
                Some("demo/incidentCreated"),
                "create_incident",
                json!({ "input": incident_form_input("名簿の紛失", "総務課", 1200, None) }),
            ),
            // Items that suggest triggers the officer has not ticked: the page asks about them.
            write(
                "demo",
                Some("demo/incidentHinted"),
                "create_incident",
                json!({ "input": hinted }),
            ),
            write(
                "demo",
                Some("demo/incidentAtTier"),
                "create_incident",
                json!({ "input": at_tier }),
            ),
            write(
                "demo/incidentAtTier",
                Some("demo/incidentAtTierSaved"),
                "update_incident",
                json!({ "id": created["id"], "expectedVersion": created["version"], "input": at_tier_saved }),
            ),
            write(
                "demo/incidentAtTierSaved",
                None,
                "delete_subcontractor",
                json!({ "id": tier_id, "expectedVersion": num(tier, "/subcontractor/version") }),
            ),
            write(
                "demo",
                Some("demo/recipientCreated"),
                "create_recipient",
                json!({ "input": {
                    "name": "株式会社みらい製作所", "address": "", "representative": "",
                    "purpose": "高額療養費の支給", "basis": "consent", "exception": null,
                    "publicGround": null, "items": ["氏名"], "frequency": "", "holdingIds": [], "notes": "" } }),
            ),
            write(
                "demo",
                Some("demo/objectionWithdrawn"),
                "update_objection",
                json!({ "id": num(&objection, "/id"), "expectedVersion": num(&objection, "/version"),
                    "input": withdrawn }),
            ),
            // Personal-related information (APPI art. 31) to a recipient abroad, as the provision
            // form sends it: on opt-out, which art. 31 has no route for (refused on `basis`),
            // then on foreign provision with both confirmations (saved).
            write(
                "demo",
                None,
                "create_provision_record",
                json!({ "input": personal_related_input("optOut", false) }),
            ),
            write(
                "demo",
                Some("demo/personalRelatedCreated"),
                "create_provision_record",
                json!({ "input": personal_related_input("foreignProvision", true) }),
            ),
            // The published request procedure, saved the first time as the form sends it (the
            // demo publishes one already, so from the first-run state).
            write(
                "setup",
                Some("setup/procedureSaved"),
                "save_request_procedure",
                json!({ "expectedVersion": null, "input": {
                    "forms": "所定の開示等請求書", "identityDocuments": ["運転免許証"],
                    "agentIdentityDocuments": [], "legalRepresentativeProof": "",
                    "appointedAgentProof": "", "disclosureFeeYen": 300,
                    "provisionRecordFeeYen": null, "paymentMethod": "定額小為替",
                    "answerMethods": ["paper"], "notes": "" } }),
            ),
            // Refusals the detail screens show: records that name the holding or the recipient,
            // and a holding another window saved meanwhile.
            write(
                "demo",
                None,
                "delete_holding",
                json!({ "id": num(second, "/id"), "expectedVersion": num(second, "/version") }),
            ),
            write(
                "demo",
                None,
                "delete_recipient",
                json!({ "id": num(&recipient, "/id"), "expectedVersion": num(&recipient, "/version") }),
            ),
            write(
                "demo/holdingRenamed",
                None,
                "delete_holding",
                json!({ "id": num(second, "/id"), "expectedVersion": num(second, "/version") }),
            ),
            // A disposal dated before the data it covers.
            write(
                "demo",
                None,
                "create_disposal",
                json!({ "input": {
                    "certificateRef": "", "coversThrough": "2026-04-30", "description": "",
                    "disposedOn": today, "holdingId": num(&holdings[0], "/id"), "medium": "paper",
                    "method": "shredding", "methodNote": "", "notes": "",
                    "performedBy": "総務 田中", "reference": "", "vendor": "", "witness": "" } }),
            ),
            // Anonymised information whose provision was published after it was made (art.
            // 43(4) wants it in advance), then the same with the publication moved before.
            write(
                "demo",
                None,
                "create_anonymised_information",
                json!({ "input": anonymised_form_input("2026-04-02") }),
            ),
            write(
                "demo",
                Some("demo/anonymisedCreated"),
                "create_anonymised_information",
                json!({ "input": anonymised_form_input("2026-03-25") }),
            ),
            // The person search sends what the officer typed, not a recorded name.
            write(
                "demo",
                None,
                "provision_records_about",
                json!({ "person": "佐藤" }),
            ),
            write(
                "demo",
                None,
                "provision_records_about",
                json!({ "person": "山本健一" }),
            ),
        ]
    }

    /// A provision of personal-related information as the provision form sends it: the
    /// persons and the receipt's fields hidden (sent empty), the confirmation filled in; the
    /// foreign confirmation shows only for a recipient abroad, so it is sent `false` otherwise.
    fn personal_related_input(basis: &str, foreign: bool) -> Value {
        json!({
            "reference": "", "direction": "provided", "basis": basis, "exception": null,
            "publicGround": null, "recordingMethod": "individual", "providedOn": "2026-04-01", "lastProvidedOn": null,
            "recordedOn": "2026-04-01", "recipientId": null,
            "counterpartyName": "Global Tracking Network Inc.", "counterpartyAddress": "",
            "counterpartyRepresentative": "", "acquisitionCircumstances": "",
            "optOutPublished": false, "persons": [], "personsDescription": "",
            "items": ["Cookie ID"], "consentObtained": true, "consentNote": "",
            "holdingIds": [], "notes": "", "information": "personalRelated",
            "consentConfirmationMethod": "提供先からの申告（同意取得画面の写しを受領）",
            "foreignInformationConfirmed": foreign,
        })
    }

    /// New anonymised information as the section form sends it: produced today, its items not
    /// yet published, provided today after publishing the items and method on `published_on`.
    fn anonymised_form_input(published_on: &str) -> Value {
        json!({
            "name": "健診結果分析用 匿名加工データ", "holdingIds": [],
            "items": ["性別", "年齢階級"], "producedOn": "2026-04-01", "itemsPublishedOn": null,
            "publishedWhere": "", "processingSecurity": "加工方法等情報は作成担当者のみ閲覧可",
            "provisions": [{ "recipient": "みらい大学 公衆衛生学教室", "providedOn": "2026-04-01",
                "method": "暗号化した電子ファイルの送付", "publishedOn": published_on,
                "statedToRecipient": true }],
            "notes": "",
        })
    }

    /// A new holding as the holding form sends it with the required fields filled in.
    fn holding_form_input() -> Value {
        json!({
            "ledgerNo": "", "name": "被保険者台帳", "department": "適用グループ",
            "businessProcess": "", "manager": "", "dutyBasis": "",
            "dataItems": [{ "id": null, "name": "氏名", "sensitive": false, "myNumber": true,
                "purposes": [], "sources": [] }],
            "personsRecorded": "", "approxCount": 42000, "acquisitionMethod": "directWritten",
            "acquisitionSources": [], "purposes": ["資格管理"], "purposeNotice": [],
            "consent": "notRequired", "consentNote": "",
            "consentDetails": { "minorsUpToAge": null, "representativeConsent": "",
                "voluntary": null, "ifNotGiven": "", "automatedDecisions": null,
                "automatedDecisionsNote": "", "statistics": "", "statisticsPublished": false },
            "medium": "electronic", "storagePlace": "", "storageMethod": "", "accessHolders": [], "useDeadline": "",
            "retention": null, "disposalMethod": null, "disposalNote": "",
            "retainedPersonalData": false, "lastReview": null, "nextReview": null,
            "fileRegister": { "regularRecipients": [], "exemption": "", "withheldItems": [],
                "specialProcedure": "" },
            "numberAffairs": [], "numberMasking": null,
            "notes": "",
        })
    }

    /// A new incident as the incident form sends it, known at the pinned instant.
    fn incident_form_input(
        title: &str,
        department: &str,
        persons: u32,
        tier: Option<i64>,
    ) -> Value {
        json!({
            "reference": "", "title": title, "awareDepartment": department, "occurredOn": null,
            "nature": ["leakage"], "certainty": "actual", "summary": "", "holdingIds": [],
            "items": [], "persons": persons, "myNumberPersons": 0, "cause": "",
            "secondaryDamage": "none", "secondaryDamageDetail": "", "strongEncryption": false,
            "encryptionDetail": "", "financialDamageRisk": false, "wrongfulPurpose": false,
            "dataBeingAcquired": false, "myNumberSystem": false, "publiclyExposed": false,
            "gdprRiskUnlikely": false, "gdprRiskReason": "",
            "perpetrator": if tier.is_some() { "subcontractor" } else { "unknown" },
            "entrustedParty": "", "entrusteeId": tier, "entrusteeNotifiedOn": null,
            "responsesToPersons": "", "publicAnnouncement": "", "prevention": "", "other": "",
            "awareAt": "2026-04-01T09:00:00+09:00",
        })
    }

    /// Replaces the temporary folder the core was given by where the shell's register lives.
    fn shell_paths(report: ErrorReport, temp: &Path) -> ErrorReport {
        let text = serde_json::to_string(&report).expect("JSON");
        let temp = serde_json::to_string(&temp.display().to_string()).expect("JSON");
        let text = text.replace(temp.trim_matches('"'), "/home/yamada/.local/share/daicho");
        let value: Value = serde_json::from_str(&text).expect("JSON");
        ErrorReport {
            message: value["message"].as_str().unwrap_or_default().to_owned(),
            ..report
        }
    }

    /// States the shell answers without an open register: the lock screens and a file that
    /// cannot be opened. Their answers come from the core, with the shell's shapes.
    pub fn record_shell_states(recorder: &mut Recorder) {
        let temp = tempfile::tempdir().expect("temp dir");
        let dir = temp.path().join("daicho");
        std::fs::create_dir_all(&dir).expect("dir");
        let path = dir.join("register.db");
        let shell = |report: ErrorReport| shell_paths(report, &dir);
        let key = daicho::Passphrase::new(PASSPHRASE).expect("a passphrase");

        let status_of = |state: &str| -> Value {
            let register = build(state, &writes());
            to_value(startup_status(&register).expect("status"))
        };
        let root = |recorder: &mut Recorder, name: &str, status: StartupStatus| {
            recorder.states.insert(
                name.to_owned(),
                Recorded {
                    parent: None,
                    answers: BTreeMap::from([(
                        ("startup_status".to_owned(), "{}".to_owned()),
                        entry(&json!({}), &Ok(to_value(status)), None),
                    )]),
                    writes: BTreeMap::new(),
                },
            );
        };

        // First run: the passphrase, typed twice, creates the register.
        root(recorder, "new", closed_status(LockState::New, None));
        let weak = json!({ "passphrase": "short", "confirmation": "other" });
        let refused = daicho::Passphrase::check_new("short", "other").map(|_| ());
        recorder.record_answer(
            "new",
            "create_register",
            &weak,
            entry(&weak, &core(refused), None),
        );
        let good = json!({ "passphrase": PASSPHRASE, "confirmation": PASSPHRASE });
        let created = daicho::Passphrase::check_new(PASSPHRASE, PASSPHRASE).map(|_| ());
        assert!(created.is_ok(), "the recorded passphrase is strong enough");
        let answer = Ok(status_of("empty"));
        recorder.record_answer(
            "new",
            "create_register",
            &good,
            entry(&good, &answer, Some("empty")),
        );

        // A locked demo register: a wrong passphrase changes nothing, the right one opens it.
        Register::create(&path, &key)
            .and_then(|r| daicho::demo::load(&r, ACTOR))
            .expect("an encrypted demo register");
        root(recorder, "locked", closed_status(LockState::Locked, None));
        let wrong = json!({ "passphrase": "wrong passphrase here" });
        let wrong_key = daicho::Passphrase::new("wrong passphrase here").expect("a passphrase");
        let refused = Register::open(&path, &wrong_key)
            .map(|_| ())
            .map_err(|e| shell(e.into()));
        assert!(refused.is_err(), "a wrong passphrase is refused");
        recorder.record_answer(
            "locked",
            "unlock_register",
            &wrong,
            entry(&wrong, &refused.map(to_value), None),
        );
        let right = json!({ "passphrase": PASSPHRASE });
        let answer = Ok(status_of("demo"));
        recorder.record_answer(
            "locked",
            "unlock_register",
            &right,
            entry(&right, &answer, Some("demo")),
        );
        // Changing the passphrase of the open register: the current one must open it.
        let new = "新しい合言葉 battery staple 9";
        let file = Register::open(&path, &key).expect("the demo register opens");
        for current in ["not the passphrase", PASSPHRASE] {
            let args = json!({ "current": current, "passphrase": new, "confirmation": new });
            let answer = daicho::Passphrase::new(current)
                .and_then(|current| {
                    let next = daicho::Passphrase::check_new(new, new)?;
                    daicho::protection::change_passphrase(&file, &current, &next)
                })
                .map(to_value)
                .map_err(|e| shell(e.into()));
            recorder.record_answer(
                "demo",
                "change_passphrase",
                &args,
                entry(&args, &answer, None),
            );
        }
        drop(file);
        recorder.record_answer(
            "demo",
            "lock_register",
            &json!({}),
            entry(&json!({}), &Ok(Value::Null), Some("locked")),
        );

        // A register from before encryption, encrypted in place.
        root(
            recorder,
            "unencrypted",
            closed_status(LockState::Unencrypted, None),
        );
        let answer = Ok(status_of("demo"));
        recorder.record_answer(
            "unencrypted",
            "encrypt_register",
            &good,
            entry(&good, &answer, Some("demo")),
        );

        // Files the app cannot open: the shell says so on the startup screen and touches nothing.
        let too_new = dir.join("too-new.db");
        Register::create(&too_new, &test_key()).expect("a register");
        keyed(&too_new, &test_key())
            .execute_batch(&format!(
                "PRAGMA user_version = {}",
                daicho::db::supported_version() + 1
            ))
            .expect("a newer schema");
        let Err(error) = Register::open(&too_new, &test_key()) else {
            panic!("a register too new is refused")
        };
        root(
            recorder,
            "tooNew",
            closed_status(LockState::Locked, Some(shell(error.into()))),
        );
        let foreign = dir.join("foreign.db");
        std::fs::write(&foreign, b"not a register at all, but some other file").expect("file");
        // As the shell judges it: from the first bytes, before any passphrase is asked.
        assert_eq!(
            daicho::db::file_kind(&foreign).expect("kind"),
            daicho::db::FileKind::Foreign
        );
        let error = daicho::db::foreign(&foreign);
        root(
            recorder,
            "unopenable",
            closed_status(LockState::Locked, Some(shell(error.into()))),
        );

        // An import the core refuses, every record or none: the demo's document with a data
        // item of the third holding named twice. The shell reads the file the officer picked;
        // the answer is the core's.
        let mut document =
            to_value(daicho::document::export(&self::demo()).expect("the demo exports"));
        let first_item = document["holdings"][2]["dataItems"][0]["name"].clone();
        document["holdings"][2]["dataItems"][1]["name"] = first_item;
        let empty = Register::open_in_memory().expect("in-memory register");
        let refused = core(daicho::document::import(
            &empty,
            &document.to_string(),
            ACTOR,
        ));
        assert!(refused.is_err(), "a duplicate data item is refused");
        recorder.states.insert(
            "empty/importRefused".to_owned(),
            Recorded {
                parent: Some("empty".to_owned()),
                answers: BTreeMap::new(),
                writes: BTreeMap::from([(
                    ("import_register_json".to_owned(), "{}".to_owned()),
                    entry(&json!({}), &refused, None),
                )]),
            },
        );

        // Not a command (hence `$`): the rules the core attaches to every request view, for every track
        // and type, so a suite can render a view of any track without a register of it.
        let mut answers = BTreeMap::new();
        for track in [
            "privateOperator",
            "nationalOrgan",
            "localGovernment",
            "gdpr",
        ] {
            for request_type in REQUEST_TYPES {
                let args = json!({ "track": track, "requestType": request_type });
                let rules = daicho::model::request::RequestRules::for_request(
                    serde_json::from_value(json!(track)).expect("a track"),
                    serde_json::from_value(json!(request_type)).expect("a request type"),
                );
                answers.insert(
                    ("$request_rules".to_owned(), args.to_string()),
                    entry(&args, &ok(rules), None),
                );
            }
        }
        record_dates(&mut answers);
        recorder.states.insert(
            "catalogue".to_owned(),
            Recorded {
                parent: None,
                answers,
                writes: BTreeMap::new(),
            },
        );
    }

    /// Not commands (hence `$`): the core's date reader and writer (`src/model/era.rs`) on a
    /// table of inputs and dates, which `ui/src/lib/dates.test.ts` replays against the UI's
    /// reader and writer, so that the date fields cannot read a text differently from the core.
    fn record_dates(answers: &mut BTreeMap<(String, String), Value>) {
        use chrono::NaiveDate;
        use daicho::model::era::{format_date, parse_date, DateStyle};
        const INPUTS: &[&str] = &[
            // The forms officers type, Gregorian and era, half- and full-width.
            "2026/4/1",
            "2026/04/01",
            "2026-04-01",
            "2026.4.1",
            "2026年4月1日",
            "2026年4月1",
            "２０２６年４月１日",
            "２０２６／０４／０１",
            " 2026/4/1 ",
            "\t2026-04-01\n",
            "令和8年4月1日",
            "令和 ８年 ４月 １日",
            "令和　8年4月1日",
            "R8.4.1",
            "r8/4/1",
            "R8-4-1",
            "Ｒ８．４．１",
            "R6.4.1",
            "令和元年5月1日",
            "令和1年5月1日",
            "R1.5.1",
            "H31.4.30",
            "平成31年4月30日",
            "平成元年1月8日",
            "h1.1.8",
            "昭和64年1月7日",
            "S50.10.1",
            "大正15年12月24日",
            "T1.7.30",
            "明治6年1月1日",
            "M45.7.29",
            "2024/2/29",
            "2000/2/29",
            "1000/1/1",
            "9999/12/31",
            "R0008.04.01",
            // Out of their era: Heisei ended on 30 April 2019, Reiwa began on 1 May 2019.
            "H31.5.1",
            "平成32年1月1日",
            "R1.4.30",
            "令和0年5月1日",
            "平成元年1月7日",
            "昭和64年1月8日",
            "明治5年12月31日",
            "大正元年7月29日",
            "M46.1.1",
            // No such day.
            "2026/4/31",
            "2025/2/29",
            "1900/2/29",
            "R8.13.1",
            "R8.0.1",
            "2026/4/0",
            "令和8年2月30日",
            // Not a date at all.
            "",
            " ",
            "5年間",
            "26/4/1",
            "4/1/2026",
            "2026/4/1/2",
            "令和8年4月",
            "令和8年",
            "R8",
            "R8.4",
            "2026/4",
            "2026年4月1日日",
            "2026/4-1",
            "2026//4/1",
            "20260401",
            "99999/1/1",
            "R12345.1.1",
            "X8.4.1",
            "令8年4月1日",
            "2026 4 1",
            "2026年04月01日です",
            "－2026/4/1",
            "2026/４/1",
            "0999/1/1",
            "R8.4.1.",
            "元年5月1日",
            "令和元5月1日",
        ];
        for text in INPUTS {
            let args = json!({ "text": text });
            let answer = match parse_date(text) {
                Ok(date) => json!({ "args": args, "ok": format_date(date, DateStyle::Iso) }),
                Err(problem) => json!({ "args": args, "err": problem }),
            };
            answers.insert(("$date_cases".to_owned(), args.to_string()), answer);
        }
        // Each era's first and last days, and a walk across the whole range in steps that
        // land on every month and day count.
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).expect("a real day");
        let mut dates = vec![
            day(1873, 1, 1),
            day(1912, 7, 29),
            day(1912, 7, 30),
            day(1926, 12, 24),
            day(1926, 12, 25),
            day(1989, 1, 7),
            day(1989, 1, 8),
            day(2019, 4, 30),
            day(2019, 5, 1),
            day(2019, 12, 31),
            day(2020, 1, 1),
            day(2026, 4, 1),
            day(1872, 12, 31),
            day(1000, 1, 1),
            day(9999, 12, 31),
        ];
        let mut walk = day(1870, 1, 1);
        while walk < day(2060, 1, 1) {
            dates.push(walk);
            walk += chrono::Duration::days(1009);
        }
        for date in dates {
            let args = json!({ "date": format_date(date, DateStyle::Iso) });
            let styles = json!({
                "iso": format_date(date, DateStyle::Iso),
                "slashed": format_date(date, DateStyle::Slashed),
                "kanji": format_date(date, DateStyle::Kanji),
                "era": format_date(date, DateStyle::Era),
                "english": format_date(date, DateStyle::English),
            });
            answers.insert(
                ("$date_styles".to_owned(), args.to_string()),
                json!({ "args": args, "ok": styles }),
            );
        }
    }

    const REQUEST_TYPES: &[&str] = &[
        "purposeNotification",
        "disclosure",
        "provisionRecordDisclosure",
        "correction",
        "suspensionOrErasure",
        "stopThirdPartyProvision",
        "gdprAccess",
        "gdprRectification",
        "gdprErasure",
        "gdprRestriction",
        "gdprPortability",
        "gdprObjection",
    ];
}
