//! Field checks shared by every record type. Each check appends to one list so that a form
//! shows every problem at once rather than one per save.

use crate::error::{CoreError, FieldError, FieldErrorCode};
use chrono::{Datelike, NaiveDate};
use std::collections::HashSet;

/// Longest free-text value accepted in a short field (names, places).
pub const SHORT_TEXT: usize = 200;
/// Longest free-text value accepted in a descriptive field (purposes, notes).
pub const LONG_TEXT: usize = 4000;
/// Most entries accepted in one list field.
pub const MAX_LIST: usize = 500;
/// Dates are accepted in the years whose holidays the deadline engine knows, less the last
/// one, so that every period counted from an accepted date can still be computed.
pub const FIRST_DATE_YEAR: i32 = crate::deadline::FIRST_YEAR;
pub const LAST_DATE_YEAR: i32 = crate::deadline::LAST_YEAR - 1;

#[derive(Default)]
pub struct FieldChecks {
    errors: Vec<FieldError>,
}

impl FieldChecks {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn fail(&mut self, field: impl Into<String>, code: FieldErrorCode, limit: Option<i64>) {
        self.errors.push(FieldError::new(field, code, limit));
    }

    /// A refusal worded for the case at hand, where the generic message would not tell an
    /// officer what to do (dates out of order, a ground from the wrong statute).
    pub fn fail_with(
        &mut self,
        field: impl Into<String>,
        code: FieldErrorCode,
        message: impl Into<String>,
    ) {
        let mut error = FieldError::new(field, code, None);
        error.message = message.into();
        self.errors.push(error);
    }

    /// `field` is out of order with the date in `other` (a path in the same input), which
    /// the UI names: "on or after the date received", not "after the earlier date".
    pub fn date_order(
        &mut self,
        field: impl Into<String>,
        other: impl Into<String>,
        message: impl Into<String>,
    ) {
        let mut error = FieldError::new(field, FieldErrorCode::DateOrder, None);
        error.other = Some(other.into());
        error.message = message.into();
        self.errors.push(error);
    }

    /// `field` holds a value the organisation's regime does not provide for: `other` is
    /// `regime`, so that the UI can word the refusal for the regime rather than for another
    /// record's use of the same field name.
    pub fn not_in_regime(&mut self, field: impl Into<String>, message: impl Into<String>) {
        let mut error = FieldError::new(field, FieldErrorCode::NotInRegime, None);
        error.other = Some("regime".to_owned());
        error.message = message.into();
        self.errors.push(error);
    }

    pub fn has_error_for(&self, field: &str) -> bool {
        self.errors.iter().any(|e| e.field == field)
    }

    /// A text that must not be blank.
    pub fn required(&mut self, field: &str, value: &str, max: usize) {
        if value.trim().is_empty() {
            self.fail(field, FieldErrorCode::Required, None);
        } else {
            self.max_len(field, value, max);
        }
    }

    /// A text of at most `max` characters, free of the characters no register entry may hold
    /// (see [`refused_character`]). Every text check (`required`, `text_list`) ends here, so
    /// every text field of every record is held to the same rule on create, update and import.
    /// A field allowed [`LONG_TEXT`] is a multi-line one (a textarea in the app); the shorter
    /// ones are single-line.
    pub fn max_len(&mut self, field: &str, value: &str, max: usize) {
        if value.chars().count() > max {
            self.fail(field, FieldErrorCode::TooLong, Some(max as i64));
        }
        if let Some((position, c)) = refused_character(value, max >= LONG_TEXT) {
            // The message names the character by code point and its position, never the
            // value: values are personal data and this text reaches logs and stderr.
            let mut error = FieldError::new(
                field,
                FieldErrorCode::ControlCharacter,
                Some(position as i64),
            );
            error.message = format!(
                "{field} contains {} (U+{:04X}) at character {position}; {}",
                character_kind(c),
                c as u32,
                if max >= LONG_TEXT {
                    "only line breaks and tabs are allowed among control characters"
                } else {
                    "a single-line field takes no line breaks, tabs or control characters"
                }
            );
            self.errors.push(error);
        }
    }

    /// A list of short texts: no blank entries, no duplicates, bounded length.
    pub fn text_list(&mut self, field: &str, values: &[String], required: bool, max: usize) {
        if required && values.is_empty() {
            self.fail(field, FieldErrorCode::Required, None);
        }
        if values.len() > MAX_LIST {
            self.fail(field, FieldErrorCode::TooMany, Some(MAX_LIST as i64));
        }
        let mut seen = HashSet::new();
        for (i, value) in values.iter().enumerate() {
            let entry = format!("{field}[{i}]");
            if value.trim().is_empty() {
                self.fail(entry, FieldErrorCode::Required, None);
            } else if !seen.insert(value.trim()) {
                self.fail(entry, FieldErrorCode::Duplicate, None);
            } else {
                self.max_len(&entry, value, max);
            }
        }
    }

    pub fn range(&mut self, field: &str, value: i64, min: i64, max: i64) {
        if value < min || value > max {
            self.fail(field, FieldErrorCode::OutOfRange, Some(max));
        }
    }

    /// A date the deadline engine can count from.
    pub fn date(&mut self, field: &str, date: NaiveDate) {
        if !(FIRST_DATE_YEAR..=LAST_DATE_YEAR).contains(&date.year()) {
            self.fail_with(
                field,
                FieldErrorCode::OutOfRange,
                format!(
                    "{field} must fall between {FIRST_DATE_YEAR} and {LAST_DATE_YEAR}, \
                     the years whose holidays Daicho knows"
                ),
            );
        }
    }

    /// Moves errors reported under `from` (a path inside the whole record) to `to` (the
    /// path in the form that was submitted), e.g. `pauses[2].from` to `pause.from`.
    pub fn rename_prefix(&mut self, from: &str, to: &str) {
        rename_prefix(&mut self.errors, from, to);
    }

    pub fn finish(self) -> Result<(), CoreError> {
        if self.errors.is_empty() {
            Ok(())
        } else {
            Err(CoreError::Validation(self.errors))
        }
    }

    pub fn into_errors(self) -> Vec<FieldError> {
        self.errors
    }

    /// Adds `other`'s errors after this one's, in the order they were found.
    pub fn absorb(&mut self, other: FieldChecks) {
        self.errors.extend(other.errors);
    }
}

/// See [`FieldChecks::rename_prefix`]; for errors already collected into a `CoreError`.
pub fn rename_prefix(errors: &mut [FieldError], from: &str, to: &str) {
    for error in errors {
        let rest = error
            .field
            .strip_prefix(from)
            .filter(|rest| rest.is_empty() || rest.starts_with('.') || rest.starts_with('['));
        if let Some(rest) = rest {
            let renamed = format!("{to}{rest}");
            error.message = error.message.replace(&error.field, &renamed);
            error.field = renamed;
        }
        // The date compared with moves with the form too (`pauses[2].from` → `pause.from`).
        if let Some(other) = error.other.as_mut() {
            let rest = other
                .strip_prefix(from)
                .filter(|rest| rest.is_empty() || rest.starts_with('.') || rest.starts_with('['));
            if let Some(rest) = rest {
                *other = format!("{to}{rest}");
            }
        }
    }
}

/// The first character (1-based position, character) a register text must not hold:
///
/// - C0 controls (U+0000–U+001F), DEL and the C1 controls (U+007F–U+009F): NUL, BEL, ESC
///   (terminal escape sequences), NEL… are never typed by an officer and, printed raw by the
///   CLI, a CSV or a log, can rewrite what the reader sees. In a multi-line field line feed and
///   tab are what a textarea produces and stay allowed; carriage returns are folded into line
///   feeds by [`tidy`] on every write, and allowed there too, so that a document exported by
///   an older Daicho with CR LF in a note (import keeps records as they were) still imports.
/// - In a single-line field (a name, a ledger number, a place) line feed and tab are refused
///   as well rather than silently turned into spaces: the app's single-line inputs cannot
///   produce them, so one arriving there comes from an import, a script or a paste of several
///   cells, and the officer should see and fix it rather than find a changed value stored.
///   U+2028/U+2029 (line and paragraph separators) count as line breaks there too.
/// - The bidirectional embedding, override and isolate controls (U+202A–U+202E,
///   U+2066–U+2069) reorder the text around them on screen and in print, so that a name reads
///   differently from what is stored ("Trojan Source"); nothing in a register needs them.
///   The left-to-right and right-to-left marks (U+200E, U+200F, and Arabic's U+061C) are
///   allowed: they only settle the direction of neighbouring punctuation in mixed-script
///   text (an Arabic or Hebrew counterpart's name beside Latin or Japanese) and cannot
///   reorder anything beyond it.
pub fn refused_character(value: &str, multi_line: bool) -> Option<(usize, char)> {
    value
        .chars()
        .enumerate()
        .find(|&(_, c)| match c {
            '\n' | '\t' | '\r' => !multi_line,
            '\u{2028}' | '\u{2029}' => !multi_line,
            '\u{0}'..='\u{1F}' | '\u{7F}'..='\u{9F}' => true,
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => true,
            _ => false,
        })
        .map(|(i, c)| (i + 1, c))
}

fn character_kind(c: char) -> &'static str {
    match c {
        '\n' | '\r' | '\u{2028}' | '\u{2029}' => "a line break",
        '\t' => "a tab",
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => "a bidirectional formatting control",
        _ => "a control character",
    }
}

/// A text as it may be printed to a terminal or a log (a reference read from an import document,
/// a value stored before these checks existed): control characters, line breaks and
/// bidirectional overrides written as `\u{…}` escapes, so that it cannot rewrite what the
/// officer reads.
pub fn printable(text: &str) -> String {
    if refused_character(text, false).is_none() {
        return text.to_owned();
    }
    text.chars()
        .map(|c| {
            if refused_character(c.encode_utf8(&mut [0; 4]), false).is_some() {
                format!("\\u{{{:X}}}", c as u32)
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// Every text of a record as stored (its JSON form), at any depth, held to the multi-line
/// rule of [`refused_character`]. The write path runs it on what it is about to store, after
/// the record's own checks, so a text those checks do not cover (a timeline's note and actor,
/// which the register writes itself; a field a rule checks only in some cases) cannot be
/// stored with a control character either; an import runs it on each record of the document.
/// Timestamps are left to their own, stricter check.
pub fn text_errors(value: &serde_json::Value) -> Vec<FieldError> {
    use serde_json::Value;
    fn walk(value: &Value, path: &str, checks: &mut FieldChecks) {
        match value {
            // No length limit here: only the character rule can fail.
            Value::String(text) => checks.max_len(path, text, usize::MAX),
            Value::Object(object) => {
                for (key, inner) in object.iter().filter(|(key, _)| !is_timestamp_key(key)) {
                    let here = if path.is_empty() {
                        key.clone()
                    } else {
                        format!("{path}.{key}")
                    };
                    walk(inner, &here, checks);
                }
            }
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    walk(item, &format!("{path}[{i}]"), checks);
                }
            }
            _ => {}
        }
    }
    let mut checks = FieldChecks::new();
    walk(value, "", &mut checks);
    checks.into_errors()
}

/// The keys under which the register keeps the instants it wrote.
pub fn is_timestamp_key(key: &str) -> bool {
    matches!(key, "createdAt" | "updatedAt" | "recordedAt")
}

/// Trims surrounding white space, which users paste from Excel and never mean, and folds
/// Windows line endings (CR LF, or a lone CR) into the line feed a textarea produces.
pub fn tidy(value: &mut String) {
    if value.contains('\r') {
        *value = value.replace("\r\n", "\n").replace('\r', "\n");
    }
    let trimmed = value.trim();
    if trimmed.len() != value.len() {
        *value = trimmed.to_owned();
    }
}

pub fn tidy_list(values: &mut [String]) {
    values.iter_mut().for_each(tidy);
}
