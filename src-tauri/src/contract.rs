//! The command contract, checked at test time instead of by a failed `invoke` at run time.
//!
//! `commands/list.rs` is the one list of commands; the handler and the ACL manifest are built
//! from it. What cannot be generated from it is read here and compared with it:
//! the capability file that grants each command to the main window, the UI's typed wrappers in
//! `ui/src/api/commands.ts`, and the mock's recorded answers in `ui/src/mock/fixtures/`.
//! Every mismatch is reported at once, so one run names everything to fix.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::COMMAND_NAMES;

fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

fn listed() -> BTreeSet<&'static str> {
    COMMAND_NAMES.iter().copied().collect()
}

/// Panics with every problem found, one a line, naming where the list lives.
fn assert_no_problems(what: &str, problems: &[String]) {
    assert!(
        problems.is_empty(),
        "{what} disagrees with the command list (src-tauri/src/commands/list.rs):\n  {}\n",
        problems.join("\n  ")
    );
}

#[test]
fn the_list_names_each_command_once() {
    let mut seen = BTreeSet::new();
    let twice: Vec<String> = COMMAND_NAMES
        .iter()
        .filter(|name| !seen.insert(**name))
        .map(|name| format!("`{name}` is listed more than once"))
        .collect();
    assert_no_problems("the list itself", &twice);
}

// ---- capabilities/main.json ------------------------------------------------------------------

/// The app's own permissions in a capability file: identifiers without a `plugin:` prefix.
/// An entry may be a plain identifier or an object with an `identifier` (scoped permission).
fn app_permissions(capability: &serde_json::Value) -> Vec<String> {
    let Some(entries) = capability["permissions"].as_array() else {
        return Vec::new();
    };
    entries
        .iter()
        .filter_map(|entry| entry.as_str().or_else(|| entry["identifier"].as_str()))
        .filter(|identifier| !identifier.contains(':'))
        .map(str::to_owned)
        .collect()
}

/// What `capabilities/main.json` gets wrong: an app permission that names no listed command
/// (or is not a plain `allow-`), and a listed command it does not allow. tauri-build already
/// refuses to build with a grant of an unknown permission; a missing grant it accepts, and
/// the command then fails only when the webview calls it.
fn capability_problems(capability: &serde_json::Value) -> Vec<String> {
    let listed = listed();
    let mut problems = Vec::new();
    let mut allowed = BTreeSet::new();
    for permission in app_permissions(capability) {
        let command = permission
            .strip_prefix("allow-")
            .map(|c| c.replace('-', "_"));
        match command {
            Some(command) if listed.contains(command.as_str()) => {
                allowed.insert(command);
            }
            Some(command) => problems.push(format!(
                "grants `{permission}`, but no command `{command}` is in the list"
            )),
            None => problems.push(format!(
                "grants `{permission}`, which is not an `allow-<command>` permission"
            )),
        }
    }
    for command in listed {
        if !allowed.contains(command) {
            problems.push(format!(
                "does not grant `allow-{}` for the listed command `{command}`",
                command.replace('_', "-")
            ));
        }
    }
    problems
}

#[test]
fn the_main_window_is_granted_exactly_the_listed_commands() {
    let path = manifest_dir().join("capabilities/main.json");
    let capability: serde_json::Value = serde_json::from_str(&read(&path))
        .unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display()));
    assert_no_problems("capabilities/main.json", &capability_problems(&capability));
}

// ---- ui/src/api/commands.ts ------------------------------------------------------------------

/// The call sites in commands.ts that name a command: every wrapper goes through
/// `call(name, args)` (or `call<T>(…)`), and `call` alone forwards its `command` to `invoke`.
const CALLERS: &[&str] = &["call", "invoke"];

/// The parameter `call` forwards to `invoke`; the only first argument that need not be a
/// literal, since it is not a command name but the wrapper passing one on.
const FORWARDED: &str = "command";

/// A string or template literal in TypeScript source, with the text after it.
fn literal(text: &str) -> Option<(char, &str, &str)> {
    let quote = text
        .chars()
        .next()
        .filter(|c| matches!(c, '\'' | '"' | '`'))?;
    let end = text[1..].find(quote)? + 1;
    Some((quote, &text[1..end], &text[end + 1..]))
}

/// The values of every `field: 'value'` inside the object literal `const <table> … = { … };`.
/// commands.ts builds the generic section commands as `` `list_${SECTION_COMMANDS[kind].plural}` ``.
fn table_values(source: &str, table: &str, field: &str) -> Result<Vec<String>, String> {
    let start = source
        .find(&format!("const {table}"))
        .ok_or_else(|| format!("the template names the table `{table}`, which is not found"))?;
    let body = &source[start..];
    let body = &body[..body.find("};").unwrap_or(body.len())];
    let key = format!("{field}:");
    let values: Vec<String> = body
        .match_indices(&key)
        .filter_map(|(at, _)| literal(body[at + key.len()..].trim_start()))
        .map(|(_, value, _)| value.to_owned())
        .collect();
    if values.is_empty() {
        return Err(format!("`{table}` has no `{field}` values"));
    }
    Ok(values)
}

/// Every name a template literal can take: `prefix${TABLE[key].field}suffix`, one placeholder.
fn expand_template(source: &str, template: &str) -> Result<Vec<String>, String> {
    let Some((prefix, rest)) = template.split_once("${") else {
        return Ok(vec![template.to_owned()]);
    };
    let (placeholder, suffix) = rest.split_once('}').ok_or("an unclosed `${`")?;
    let unreadable = || format!("cannot expand `${{{placeholder}}}`; name the command literally");
    let (table, field) = placeholder.split_once('[').ok_or_else(unreadable)?;
    let field = field
        .split_once("].")
        .map(|(_, field)| field)
        .ok_or_else(unreadable)?;
    if suffix.contains("${") {
        return Err(unreadable());
    }
    Ok(table_values(source, table.trim(), field.trim())?
        .into_iter()
        .map(|value| format!("{prefix}{value}{suffix}"))
        .collect())
}

/// What follows `call<Record<string, T>>`: the text after the (nested) type arguments.
fn skip_type_arguments(text: &str) -> &str {
    if !text.starts_with('<') {
        return text;
    }
    let mut depth = 0;
    for (at, c) in text.char_indices() {
        match c {
            '<' => depth += 1,
            '>' => depth -= 1,
            _ => {}
        }
        if depth == 0 {
            return &text[at + 1..];
        }
    }
    ""
}

/// The command names commands.ts invokes, or what could not be read (with its line).
fn invoked_names(source: &str) -> (BTreeSet<String>, Vec<String>) {
    let mut names = BTreeSet::new();
    let mut problems = Vec::new();
    for caller in CALLERS {
        for (at, _) in source.match_indices(caller) {
            let line = source[..at].matches('\n').count() + 1;
            let before = source[..at].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.') {
                continue; // part of another identifier or a method call
            }
            if source[..at].trim_end().ends_with("function") {
                continue; // the wrapper's own definition
            }
            let rest = skip_type_arguments(&source[at + caller.len()..]);
            let Some(arguments) = rest.strip_prefix('(') else {
                continue; // `invoke` imported or mentioned, not called
            };
            let arguments = arguments.trim_start();
            match literal(arguments) {
                Some(('`', template, _)) => match expand_template(source, template) {
                    Ok(expanded) => names.extend(expanded),
                    Err(why) => problems.push(format!("line {line}: {why}")),
                },
                Some((_, name, _)) => {
                    names.insert(name.to_owned());
                }
                None if arguments.starts_with(FORWARDED)
                    && !arguments[FORWARDED.len()..].starts_with(|c: char| c.is_alphanumeric()) => {
                }
                None => problems.push(format!(
                    "line {line}: `{caller}(` is not given the command name as a literal; \
                     name it literally so the contract can be checked"
                )),
            }
        }
    }
    (names, problems)
}

fn commands_ts_problems(source: &str) -> Vec<String> {
    let (invoked, mut problems) = invoked_names(source);
    let listed = listed();
    for name in &invoked {
        if !listed.contains(name.as_str()) {
            problems.push(format!("invokes `{name}`, which is not in the list"));
        }
    }
    for name in listed {
        if !invoked.contains(name) {
            problems.push(format!(
                "has no wrapper that invokes the listed command `{name}`"
            ));
        }
    }
    problems
}

#[test]
fn the_ui_wrappers_invoke_exactly_the_listed_commands() {
    let path = manifest_dir().join("../ui/src/api/commands.ts");
    assert_no_problems(
        "ui/src/api/commands.ts",
        &commands_ts_problems(&read(&path)),
    );
}

// ---- ui/src/mock/fixtures --------------------------------------------------------------------

fn json_files(dir: &Path, found: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for path in entries.flatten().map(|entry| entry.path()) {
        if path.is_dir() {
            json_files(&path, found);
        } else if path.extension().is_some_and(|ext| ext == "json") {
            found.push(path);
        }
    }
}

/// The command names a recorded-answers file keys on: a `command` field (of the file's object
/// or of each entry of its array), else the top-level keys. Keys starting with `$` or `_`
/// (`$schema`, `_comment`) are metadata, not commands.
fn fixture_commands(fixture: &serde_json::Value) -> Vec<String> {
    let command_of = |value: &serde_json::Value| value["command"].as_str().map(str::to_owned);
    match fixture {
        serde_json::Value::Array(entries) => entries.iter().filter_map(command_of).collect(),
        serde_json::Value::Object(object) => match command_of(fixture) {
            Some(command) => vec![command],
            None => object
                .keys()
                .filter(|key| !key.starts_with(['$', '_']))
                .cloned()
                .collect(),
        },
        _ => Vec::new(),
    }
}

#[test]
fn the_mock_fixtures_answer_only_listed_commands() {
    // The recorded answers are new and optional: no folder, nothing to check.
    let dir = manifest_dir().join("../ui/src/mock/fixtures");
    let mut files = Vec::new();
    json_files(&dir, &mut files);
    files.sort();
    let listed = listed();
    let mut problems = Vec::new();
    for file in files {
        let shown = file
            .strip_prefix(&dir)
            .unwrap_or(&file)
            .display()
            .to_string();
        let fixture: serde_json::Value = match serde_json::from_str(&read(&file)) {
            Ok(fixture) => fixture,
            Err(e) => {
                problems.push(format!("{shown} is not JSON: {e}"));
                continue;
            }
        };
        for command in fixture_commands(&fixture) {
            if !listed.contains(command.as_str()) {
                problems.push(format!(
                    "{shown} answers `{command}`, which is not in the list"
                ));
            }
        }
    }
    assert_no_problems("ui/src/mock/fixtures", &problems);
}

// ---- the checks themselves, on small inputs ---------------------------------------------------

#[test]
fn a_bogus_grant_and_a_missing_grant_are_both_reported() {
    let mut permissions = vec![
        "core:default".to_owned(),
        "allow-no-such-command".to_owned(),
    ];
    permissions.extend(
        COMMAND_NAMES[1..]
            .iter()
            .map(|name| format!("allow-{}", name.replace('_', "-"))),
    );
    let problems = capability_problems(&serde_json::json!({ "permissions": permissions }));
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(problems[0].contains("no_such_command"), "{problems:?}");
    assert!(problems[1].contains(COMMAND_NAMES[0]), "{problems:?}");
}

#[test]
fn templates_expand_through_their_table_and_other_arguments_are_refused() {
    let source =
        "const SECTION_COMMANDS = {\n  a: { plural: 'recipients', single: 'recipient' },\n};\n\
                  call<unknown[]>(`list_${SECTION_COMMANDS[kind].plural}`);\n\
                  call<Record<string, X>>(\"agenda\");\ncall(someName);\n";
    let (names, problems) = invoked_names(source);
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    assert_eq!(names, ["agenda", "list_recipients"]);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].starts_with("line 6:"), "{problems:?}");
}

#[test]
fn fixtures_key_on_command_fields_or_top_level_keys() {
    let keyed = serde_json::json!({ "$schema": "x", "list_holdings": [], "agenda": {} });
    let mut keys = fixture_commands(&keyed);
    keys.sort();
    assert_eq!(keys, ["agenda", "list_holdings"]);
    let recorded = serde_json::json!([{ "command": "get_holding", "result": {} }]);
    assert_eq!(fixture_commands(&recorded), ["get_holding"]);
}
