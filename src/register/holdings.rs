//! Holdings: the register's core records, and the checks other sections make against them.

use super::{stale, to_json, Register};
use crate::audit::{self, AuditAction, Entity};
use crate::error::{CoreError, FieldErrorCode, Result};
use crate::model::holding::{Holding, HoldingInput};
use crate::store;
use crate::validation::FieldChecks;
use rusqlite::Connection;

impl Register {
    // --- holdings -----------------------------------------------------------------------

    pub fn holdings(&self) -> Result<Vec<Holding>> {
        self.read(|conn| Ok(store::holdings::list(conn)?))
    }

    pub fn holding(&self, id: i64) -> Result<Holding> {
        self.read(|conn| load_holding(conn, id))
    }

    pub fn create_holding(&self, mut input: HoldingInput, actor: &str) -> Result<Holding> {
        input.tidy();
        self.write(|tx| {
            check_holding(tx, &input, None)?;
            if input.ledger_no.is_empty() {
                input.ledger_no = store::LEDGER_NUMBERS.next(tx)?;
            }
            let now = crate::clock::now();
            let id = store::holdings::insert(tx, None, &input, 1, &now, &now)?;
            store::holdings::replace_items(tx, id, &input.data_items)?;
            let after = load_holding(tx, id)?;
            audit::append(
                tx,
                actor,
                AuditAction::Create,
                Entity::Holding,
                &id.to_string(),
                None,
                Some(&to_json(&after)),
            )?;
            Ok(after)
        })
    }

    pub fn update_holding(
        &self,
        id: i64,
        expected_version: i64,
        mut input: HoldingInput,
        actor: &str,
    ) -> Result<Holding> {
        input.tidy();
        self.write(|tx| {
            let before = load_holding(tx, id)?;
            if before.version != expected_version {
                return Err(stale("holding", &before.fields.ledger_no));
            }
            check_holding(tx, &input, Some(id))?;
            if input.ledger_no.is_empty() {
                input.ledger_no = before.fields.ledger_no.clone();
            }
            let now = crate::clock::now();
            store::holdings::update(tx, id, &input, before.version + 1, &now)?;
            store::holdings::replace_items(tx, id, &input.data_items)?;
            let after = load_holding(tx, id)?;
            audit::append(
                tx,
                actor,
                AuditAction::Update,
                Entity::Holding,
                &id.to_string(),
                Some(&to_json(&before)),
                Some(&to_json(&after)),
            )?;
            Ok(after)
        })
    }

    pub fn delete_holding(&self, id: i64, expected_version: i64, actor: &str) -> Result<()> {
        self.write(|tx| {
            let before = load_holding(tx, id)?;
            if before.version != expected_version {
                return Err(stale("holding", &before.fields.ledger_no));
            }
            refuse_if_linked(tx, &before)?;
            store::holdings::delete(tx, id)?;
            audit::append(
                tx,
                actor,
                AuditAction::Delete,
                Entity::Holding,
                &id.to_string(),
                Some(&to_json(&before)),
                None,
            )
        })
    }
}

/// A holding that requests, complaints or incidents name stays: deleting it would leave those records
/// pointing at nothing, and the officer needs to know which ones to unlink first.
fn refuse_if_linked(conn: &Connection, holding: &Holding) -> Result<()> {
    let mut groups = vec![
        (
            "request",
            "requests",
            store::requests::referring_to_holding(conn, holding.id)?,
        ),
        (
            "complaint",
            "complaints",
            store::complaints::referring_to_holding(conn, holding.id)?,
        ),
        (
            "incident",
            "incidents",
            store::incidents::referring_to_holding(conn, holding.id)?,
        ),
    ];
    groups.extend(crate::register::sharing::holding_references(
        conn, holding.id,
    )?);
    // Provision records, recipients, measures, disposals and objections, as (kind, label).
    let controls = crate::register::controls::referring_to_holding(conn, holding.id)?;
    let total: usize = groups.iter().map(|(_, _, refs)| refs.len()).sum::<usize>() + controls.len();
    if total == 0 {
        return Ok(());
    }
    let mut named = Vec::new();
    for (one, many, references) in &groups {
        match references.len() {
            0 => {}
            1 => named.push(format!("{one} {}", references.join(", "))),
            _ => named.push(format!("{many} {}", references.join(", "))),
        }
    }
    let mut kinds: Vec<&str> = controls.iter().map(|(kind, _)| *kind).collect();
    kinds.dedup();
    for kind in kinds {
        let labels: Vec<&str> = controls
            .iter()
            .filter(|(k, _)| *k == kind)
            .map(|(_, label)| label.as_str())
            .collect();
        let plural = if labels.len() == 1 { "" } else { "s" };
        named.push(format!("{kind}{plural} {}", labels.join(", ")));
    }
    let (verb, them) = if total == 1 {
        ("concerns", "it")
    } else {
        ("concern", "them")
    };
    Err(CoreError::InUse {
        message: format!(
            "holding {} ({}) cannot be deleted: {} {verb} it; remove the holding from {them} first",
            holding.fields.ledger_no,
            holding.fields.name,
            named.join(" and ")
        ),
        references: groups
            .into_iter()
            .flat_map(|(_, _, refs)| refs)
            .chain(controls.into_iter().map(|(_, label)| label))
            .collect(),
    })
}

pub(crate) fn load_holding(conn: &Connection, id: i64) -> Result<Holding> {
    store::holdings::get(conn, id)?.ok_or(CoreError::NotFound {
        entity: "holding",
        id: id.to_string(),
    })
}

/// Validation that needs the register: ledger numbers are unique, and kept data items belong
/// to this holding.
pub(crate) fn check_holding(
    conn: &Connection,
    input: &HoldingInput,
    id: Option<i64>,
) -> Result<()> {
    let mut checks = FieldChecks::new();
    input.collect_errors(&mut checks);
    if !input.ledger_no.is_empty()
        && !checks.has_error_for("ledgerNo")
        && store::LEDGER_NUMBERS.is_taken(conn, &input.ledger_no, id)?
    {
        checks.fail("ledgerNo", FieldErrorCode::Duplicate, None);
    }
    let own_items = match id {
        Some(id) => store::holdings::item_ids(conn, id)?,
        None => Vec::new(),
    };
    for (i, item) in input.data_items.iter().enumerate() {
        if let Some(item_id) = item.id {
            if !own_items.contains(&item_id) {
                checks.fail(
                    format!("dataItems[{i}].id"),
                    FieldErrorCode::Malformed,
                    None,
                );
            }
        }
    }
    if let Some(id) = id {
        let kept: Vec<i64> = input.data_items.iter().filter_map(|i| i.id).collect();
        let mut dropped: Vec<String> = crate::register::sharing::entrusted_items(conn, id)?
            .into_iter()
            .filter(|(item, _)| !kept.contains(item))
            .map(|(_, tier)| tier)
            .collect();
        dropped.dedup();
        if !dropped.is_empty() {
            checks.fail_with(
                "dataItems",
                FieldErrorCode::InUse,
                format!(
                    "an item removed here is entrusted to subcontractor {}; take it out of the \
                     entrustment first",
                    dropped.join(", ")
                ),
            );
        }
    }
    checks.finish()
}

/// Every holding a record links to must exist; each missing one is an error on its index.
pub(crate) fn holdings_exist(
    conn: &Connection,
    holding_ids: &[i64],
    checks: &mut FieldChecks,
) -> Result<()> {
    for (i, holding) in holding_ids.iter().enumerate() {
        if !store::holdings::exists(conn, *holding)? {
            checks.fail_with(
                format!("holdingIds[{i}]"),
                FieldErrorCode::Malformed,
                format!("holding {holding} does not exist"),
            );
        }
    }
    Ok(())
}
