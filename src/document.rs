//! The register as one versioned JSON document: what `daicho export --format json` writes and
//! `daicho import` reads. Importing an export into an empty register reproduces it: the same
//! ids, ledger numbers, versions and timestamps. The schema is described in
//! `docs/register-document.md`.

use crate::audit::{self, AuditAction, ChainHead, Entity};
use crate::error::{CoreError, FieldError, FieldErrorCode, RecordError, Result};
use crate::model::holding::{Holding, HoldingInput};
use crate::model::organisation::Organisation;
use crate::register::{check_holding, to_json, Register};
use crate::store;
use crate::validation::FieldChecks;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::HashSet;
use ts_rs::TS;

/// Identifies the document type, so that another JSON file is refused rather than misread.
pub const FORMAT: &str = "daicho-register";
/// Bumped whenever the document's shape changes; import reads this version and older ones.
pub const DOCUMENT_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RegisterDocument {
    pub format: String,
    pub document_version: u32,
    pub exported_at: String,
    /// The audit chain head at export time, so a copy can be matched to the register state.
    pub chain_head: Option<ChainHead>,
    pub organisation: Option<Organisation>,
    pub holdings: Vec<Holding>,
}

/// What an import wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ImportSummary {
    pub organisation: bool,
    #[ts(type = "number")]
    pub holdings: i64,
}

impl Register {
    pub fn export_document(&self) -> Result<RegisterDocument> {
        self.read_all(|conn| {
            Ok(RegisterDocument {
                format: FORMAT.to_owned(),
                document_version: DOCUMENT_VERSION,
                exported_at: crate::clock::now(),
                chain_head: audit::head(conn)?,
                organisation: store::organisation::get(conn)?,
                holdings: store::holdings::list(conn)?,
            })
        })
    }

    /// Reads a document and writes every record, or nothing. Any invalid record refuses the
    /// whole import with a report naming each record and field.
    pub fn import_document(&self, json: &str, actor: &str) -> Result<ImportSummary> {
        let (document, unreadable) = parse(json)?;
        if !self.is_empty()? {
            return Err(CoreError::Conflict(
                "the register already holds records; import only into an empty register".to_owned(),
            ));
        }
        self.write_all(|tx| {
            let mut problems = unreadable;
            if let Some(organisation) = &document.organisation {
                let mut checks = FieldChecks::new();
                organisation.profile.collect_errors(&mut checks);
                let fields = checks.into_errors();
                if !fields.is_empty() {
                    problems.push(RecordError {
                        record: "organisation".to_owned(),
                        reference: Some(organisation.profile.name.clone()),
                        fields,
                    });
                }
            }
            let mut ids = HashSet::new();
            let mut item_ids = HashSet::new();
            for (index, holding) in document.holdings.iter().enumerate() {
                let mut fields = Vec::new();
                if let Err(error) = check_holding(tx, &holding.fields, None) {
                    fields.extend(error.field_errors().iter().cloned());
                }
                if holding.fields.ledger_no.is_empty() {
                    fields.push(FieldError::new("ledgerNo", FieldErrorCode::Required, None));
                }
                if !ids.insert(holding.id) {
                    fields.push(FieldError::new("id", FieldErrorCode::Duplicate, None));
                }
                for (i, item) in holding.fields.data_items.iter().enumerate() {
                    if let Some(id) = item.id {
                        if !item_ids.insert(id) {
                            let field = format!("dataItems[{i}].id");
                            fields.push(FieldError::new(field, FieldErrorCode::Duplicate, None));
                        }
                    }
                }
                // check_holding compares item ids to a holding that does not exist yet; on
                // import the ids come from the exporting register and are kept.
                fields
                    .retain(|f| !(f.field.ends_with(".id") && f.code == FieldErrorCode::Malformed));
                if holding.version < 1 {
                    fields.push(FieldError::new("version", FieldErrorCode::OutOfRange, None));
                }
                if !fields.is_empty() {
                    problems.push(RecordError {
                        record: format!("holdings[{index}]"),
                        reference: Some(holding.fields.ledger_no.clone()),
                        fields,
                    });
                }
            }
            let mut seen_ledger = HashSet::new();
            for (index, holding) in document.holdings.iter().enumerate() {
                if !holding.fields.ledger_no.is_empty()
                    && !seen_ledger.insert(&holding.fields.ledger_no)
                {
                    problems.push(RecordError {
                        record: format!("holdings[{index}]"),
                        reference: Some(holding.fields.ledger_no.clone()),
                        fields: vec![FieldError::new("ledgerNo", FieldErrorCode::Duplicate, None)],
                    });
                }
            }
            if !problems.is_empty() {
                problems.sort_by_key(|p| record_order(&p.record));
                return Err(CoreError::Import(problems));
            }

            if let Some(organisation) = &document.organisation {
                store::organisation::put(
                    tx,
                    &organisation.profile,
                    organisation.version,
                    &organisation.updated_at,
                )?;
                let stored = store::organisation::get(tx)?;
                audit::append(
                    tx,
                    actor,
                    AuditAction::Create,
                    Entity::Organisation,
                    "1",
                    None,
                    stored.as_ref().map(to_json).as_ref(),
                )?;
            }
            for holding in &document.holdings {
                let id = store::holdings::insert(
                    tx,
                    Some(holding.id),
                    &holding.fields,
                    holding.version,
                    &holding.created_at,
                    &holding.updated_at,
                )?;
                store::holdings::insert_items_with_ids(tx, id, &holding.fields.data_items)?;
                let stored = crate::register::load_holding(tx, id)?;
                audit::append(
                    tx,
                    actor,
                    AuditAction::Create,
                    Entity::Holding,
                    &id.to_string(),
                    None,
                    Some(&to_json(&stored)),
                )?;
            }
            Ok(ImportSummary {
                organisation: document.organisation.is_some(),
                holdings: document.holdings.len() as i64,
            })
        })
    }
}

/// `Holding` flattens its `HoldingInput`, and serde loses the path inside a flattened struct;
/// reading the same value as a bare `HoldingInput` finds the field that failed.
fn locate_in_holding_fields(value: &Value) -> Option<String> {
    let mut fields = value.clone();
    let object = fields.as_object_mut()?;
    for key in ["id", "version", "createdAt", "updatedAt"] {
        object.remove(key);
    }
    let error = serde_path_to_error::deserialize::<_, HoldingInput>(&fields).err()?;
    let path = error.path().to_string();
    (path != ".").then_some(path)
}

/// Orders problems as the records stand in the document: organisation first, then by index.
fn record_order(record: &str) -> (u8, usize) {
    let index = record
        .split_once('[')
        .and_then(|(_, rest)| rest.trim_end_matches(']').parse().ok())
        .unwrap_or(0);
    (u8::from(record != "organisation"), index)
}

/// Parses the document record by record, so that a type error in one holding is reported
/// against that holding rather than as one opaque parse failure. Returns the readable records
/// and the problems of the unreadable ones; only a document that is not a register document
/// at all is an error here.
fn parse(json: &str) -> Result<(RegisterDocument, Vec<RecordError>)> {
    let whole = |code, message: String| {
        let mut field = FieldError::new("document", code, None);
        field.message = message;
        CoreError::Import(vec![RecordError {
            record: "document".to_owned(),
            reference: None,
            fields: vec![field],
        }])
    };
    let root: Value = serde_json::from_str(json).map_err(|e| {
        whole(
            FieldErrorCode::Malformed,
            format!("not a JSON document: {e}"),
        )
    })?;
    let Some(object) = root.as_object() else {
        return Err(whole(
            FieldErrorCode::Malformed,
            "the document is not a JSON object".to_owned(),
        ));
    };
    if object.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(whole(
            FieldErrorCode::Malformed,
            format!("format is not {FORMAT:?}"),
        ));
    }
    let version = object
        .get("documentVersion")
        .and_then(Value::as_u64)
        .unwrap_or(0);
    if version == 0 || version > u64::from(DOCUMENT_VERSION) {
        return Err(whole(
            FieldErrorCode::OutOfRange,
            format!(
                "documentVersion {version} is not one this Daicho reads (1 to {DOCUMENT_VERSION})"
            ),
        ));
    }

    let mut problems = Vec::new();
    // serde_path_to_error names the field inside the record that failed to read, so the
    // report says `holdings[6].medium` rather than only `holdings[6]`.
    let malformed = |record: String,
                     reference: Option<String>,
                     error: serde_path_to_error::Error<serde_json::Error>| {
        let path = error.path().to_string();
        let field = if path == "." {
            "record".to_owned()
        } else {
            path
        };
        let mut field = FieldError::new(field, FieldErrorCode::Malformed, None);
        field.message = error.inner().to_string();
        RecordError {
            record,
            reference,
            fields: vec![field],
        }
    };
    let organisation = match object.get("organisation") {
        None | Some(Value::Null) => None,
        Some(value) => match serde_path_to_error::deserialize::<_, Organisation>(value) {
            Ok(o) => Some(o),
            Err(e) => {
                problems.push(malformed("organisation".to_owned(), None, e));
                None
            }
        },
    };
    let mut holdings = Vec::new();
    match object.get("holdings") {
        None | Some(Value::Null) => {}
        Some(Value::Array(values)) => {
            for (index, value) in values.iter().enumerate() {
                match serde_path_to_error::deserialize::<_, Holding>(value) {
                    Ok(h) => holdings.push(h),
                    Err(e) => {
                        let reference = value
                            .get("ledgerNo")
                            .and_then(Value::as_str)
                            .map(str::to_owned);
                        let mut problem = malformed(format!("holdings[{index}]"), reference, e);
                        if let Some(field) = locate_in_holding_fields(value) {
                            problem.fields[0].field = field;
                        }
                        problems.push(problem);
                    }
                }
            }
        }
        Some(_) => {
            return Err(whole(
                FieldErrorCode::Malformed,
                "holdings is not a list".to_owned(),
            ))
        }
    }
    let chain_head = object
        .get("chainHead")
        .cloned()
        .and_then(|v| serde_json::from_value(v).ok());
    let document = RegisterDocument {
        format: FORMAT.to_owned(),
        document_version: version as u32,
        exported_at: object
            .get("exportedAt")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned(),
        chain_head,
        organisation,
        holdings,
    };
    Ok((document, problems))
}

/// Writes to a temporary file beside the target and renames it over the target, so an
/// interrupted export never leaves a truncated file where a good one was.
pub fn write_atomically(path: &std::path::Path, bytes: &[u8]) -> Result<()> {
    let io = |e| CoreError::io(format!("writing {}", path.display()), e);
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".part");
    let tmp = std::path::PathBuf::from(tmp);
    std::fs::write(&tmp, bytes).map_err(io)?;
    std::fs::rename(&tmp, path).map_err(io)
}
