//! Every code the core can put in an `ErrorReport` has a message in both UI catalogues, so no
//! refusal reaches a screen as a bare code or as the core's English fallback `message`.
//!
//! The codes are read from the TypeScript bindings ts-rs writes from the core's own enums
//! (`ui/src/bindings/FieldErrorCode.ts`, `ErrorKind.ts`, `DateProblem.ts`; `make test-core`
//! fails when they are stale), so a code added to the core without a catalogue entry fails
//! here.

use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The string literals of a ts-rs union type: `export type X = "a" | "b";`.
fn union_members(binding: &str) -> Vec<String> {
    let text = std::fs::read_to_string(root().join("ui/src/bindings").join(binding))
        .unwrap_or_else(|e| panic!("{binding}: {e}"));
    let body = text
        .split_once("= ")
        .map(|(_, body)| body)
        .unwrap_or_else(|| panic!("{binding} is not a type alias"));
    let members: Vec<String> = body
        .split('|')
        .map(|part| {
            part.trim()
                .trim_end_matches(';')
                .trim()
                .trim_matches('"')
                .to_owned()
        })
        .collect();
    assert!(members.len() > 3, "{binding} read as {members:?}");
    members
}

/// The tags of `DateProblem` (`{ "problem": "noSuchDay" } | …`): why a date field's text
/// was not read, which the date input shows under the field.
fn date_problems() -> Vec<String> {
    let text = std::fs::read_to_string(root().join("ui/src/bindings/DateProblem.ts"))
        .expect("DateProblem binding");
    let problems: Vec<String> = text
        .split("\"problem\": \"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(str::to_owned)
        .collect();
    assert!(problems.len() >= 3, "DateProblem read as {problems:?}");
    problems
}

fn catalogue(lang: &str) -> serde_json::Map<String, serde_json::Value> {
    let path = root().join(format!("ui/src/i18n/{lang}.json"));
    let text = std::fs::read_to_string(&path).expect("catalogue");
    match serde_json::from_str(&text).expect("catalogue JSON") {
        serde_json::Value::Object(map) => map,
        _ => panic!("{lang}.json is not an object"),
    }
}

#[test]
fn every_core_error_code_has_a_message_in_both_catalogues() {
    let mut missing = Vec::new();
    for lang in ["ja", "en"] {
        let messages = catalogue(lang);
        let keys = union_members("FieldErrorCode.ts")
            .into_iter()
            .map(|code| format!("error.code.{code}"))
            .chain(
                union_members("ErrorKind.ts")
                    .into_iter()
                    .map(|kind| format!("enum.errorKind.{kind}")),
            )
            .chain(
                date_problems()
                    .into_iter()
                    .map(|problem| format!("date.problem.{problem}")),
            )
            // A date out of order names the date it is compared with (`FieldError::other`);
            // a date in the current era has no last day to name.
            .chain([
                "error.code.dateOrderOther".to_owned(),
                "date.problem.outsideCurrentEra".to_owned(),
            ]);
        for key in keys {
            let present = messages
                .get(&key)
                .and_then(|v| v.as_str())
                .is_some_and(|text| !text.trim().is_empty());
            if !present {
                missing.push(format!("{lang}.json: {key}"));
            }
        }
    }
    assert!(missing.is_empty(), "no message for: {missing:#?}");
}
