//! Holdings: the register's core records, and the checks other sections make against them.

use super::record::{self, record_basics, Change, Record, Removable, NEW_ID};
use super::Register;
use crate::audit::Entity;
use crate::error::{CoreError, FieldErrorCode, Result};
use crate::model::anonymised::AnonymisedInformation;
use crate::model::complaint::Complaint;
use crate::model::consent_matter::ConsentMatter;
use crate::model::disposal::Disposal;
use crate::model::holding::{Holding, HoldingInput};
use crate::model::incident::Incident;
use crate::model::joint_use::JointUse;
use crate::model::measure::Measure;
use crate::model::objection::Objection;
use crate::model::provision::{ProvisionRecord, Recipient};
use crate::model::pseudonymised::PseudonymisedInformation;
use crate::model::request::Request;
use crate::model::search::{self, SearchDoc};
use crate::model::subcontractor::Subcontractor;
use crate::model::transfer::Transfer;
use crate::store;
use crate::validation::FieldChecks;
use rusqlite::Connection;

impl Register {
    pub fn holdings(&self) -> Result<Vec<Holding>> {
        self.read(|conn| Ok(store::holdings::list(conn)?))
    }

    pub fn holding(&self, id: i64) -> Result<Holding> {
        self.read(|conn| record::load(conn, id))
    }

    pub fn create_holding(&self, mut input: HoldingInput, actor: &str) -> Result<Holding> {
        input.tidy();
        let holding = unsaved(input);
        self.write(|tx| record::create(tx, actor, holding, Change::default()))
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
            record::update(
                tx,
                actor,
                id,
                expected_version,
                |_, _, holding: &mut Holding| {
                    holding.fields = input;
                    Ok(Change::default())
                },
            )
        })
    }

    /// Writes the holdings a sheet import prepared, each through the write path (checked and
    /// audited), and notes the source in the audit trail, all in one transaction. Returns the
    /// rows the write path refused, by index: with `rehearse` the transaction is always rolled
    /// back (the preview); without, any refusal rolls everything back and is returned as the
    /// error, so an import is written whole or not at all.
    pub fn write_sheet_rows(
        &self,
        rows: &[SheetRow],
        source: &serde_json::Value,
        actor: &str,
        rehearse: bool,
    ) -> Result<Vec<(usize, CoreError)>> {
        let run = |tx: &rusqlite::Connection| -> Result<Vec<(usize, CoreError)>> {
            let mut refused = Vec::new();
            for (i, row) in rows.iter().enumerate() {
                let mut input = row.input.clone();
                input.tidy();
                let written = match row.existing {
                    Some((id, version)) => {
                        record::update(tx, actor, id, version, |_, _, holding: &mut Holding| {
                            holding.fields = input;
                            Ok(Change::default())
                        })
                    }
                    None => record::create(tx, actor, unsaved(input), Change::default()),
                };
                match written {
                    Ok(_) => {}
                    // The checks refuse before anything of the row is stored.
                    Err(
                        e @ (CoreError::Validation(_)
                        | CoreError::Conflict(_)
                        | CoreError::NotFound { .. }),
                    ) => refused.push((i, e)),
                    Err(e) => return Err(e),
                }
            }
            Ok(refused)
        };
        if rehearse {
            return self.rehearse(run);
        }
        self.write(|tx| {
            let refused = run(tx)?;
            if let Some((_, first)) = refused.into_iter().next() {
                return Err(first);
            }
            let id = source
                .get("sha256")
                .and_then(|v| v.as_str())
                .unwrap_or_default()
                .to_owned();
            record::note_source(tx, actor, Entity::SheetImport, &id, source)?;
            Ok(Vec::new())
        })
    }

    pub fn delete_holding(&self, id: i64, expected_version: i64, actor: &str) -> Result<()> {
        self.write(|tx| record::delete::<Holding>(tx, actor, id, expected_version))
    }
}

/// One holding a sheet import writes: a new one, or the stored one at `existing` (id, version)
/// matched by ledger number.
#[derive(Debug, Clone)]
pub struct SheetRow {
    pub existing: Option<(i64, i64)>,
    pub input: HoldingInput,
}

impl Record for Holding {
    const ENTITY: Entity = Entity::Holding;
    const NAME: &'static str = "holding";
    record_basics!(label: ledger_no, numbered: ledger_no by store::LEDGER_NUMBERS);
    fn get(conn: &Connection, id: i64) -> Result<Option<Self>> {
        Ok(store::holdings::get(conn, id)?)
    }
    fn list(conn: &Connection) -> Result<Vec<Self>> {
        Ok(store::holdings::list(conn)?)
    }
    fn insert(conn: &Connection, holding: &Self) -> Result<i64> {
        let id = store::holdings::insert(
            conn,
            (holding.id != NEW_ID).then_some(holding.id),
            &holding.fields,
            holding.version,
            &holding.created_at,
            &holding.updated_at,
        )?;
        // A new holding's items carry no ids (the checks refuse any); an imported one keeps
        // the ids that subcontractors' entrustments name.
        store::holdings::insert_items_with_ids(conn, id, &holding.fields.data_items)?;
        Ok(id)
    }
    fn update(conn: &Connection, _before: &Self, after: &Self) -> Result<()> {
        store::holdings::update(
            conn,
            after.id,
            &after.fields,
            after.version,
            &after.updated_at,
        )?;
        store::holdings::replace_items(conn, after.id, &after.fields.data_items)?;
        Ok(())
    }
    fn search_docs(&self) -> Vec<SearchDoc> {
        let f = &self.fields;
        let holding = SearchDoc::new(
            "holding",
            search::join(&[&f.ledger_no, &f.name]),
            search::join(&[&f.department, &f.business_process]),
        )
        .with([&f.manager, &f.persons_recorded, &f.storage_place, &f.notes])
        .with(&f.purposes)
        .with(&f.acquisition_sources)
        .with(&f.access_holders)
        .with(&f.file_register.regular_recipients);
        // An item is found by its own name only: the holding's name shows beside it, but
        // would otherwise make every item of 顧客台帳 a result for 顧客.
        let items = f.data_items.iter().map(|item| SearchDoc {
            texts: vec![item.name.clone()],
            ..SearchDoc::new(
                "dataItem",
                item.name.clone(),
                search::join(&[&f.ledger_no, &f.name, &f.department]),
            )
        });
        std::iter::once(holding).chain(items).collect()
    }
    fn checks(&self, conn: &Connection, before: Option<&Self>) -> Result<FieldChecks> {
        let mut checks = holding_checks(conn, &self.fields, before.map(|b| b.id))?;
        self.fields.number_act_errors(&mut checks);
        if let Some(before) = before {
            number_act_links(conn, self, before, &mut checks)?;
        }
        Ok(checks)
    }
}

impl Removable for Holding {
    fn remove(conn: &Connection, id: i64) -> Result<()> {
        store::holdings::delete(conn, id)?;
        Ok(())
    }
    fn refuse_removal(&self, conn: &Connection) -> Result<()> {
        refuse_if_linked(conn, self)
    }
}

/// A holding that other records name stays: deleting it would leave them pointing at nothing,
/// and the officer needs to know which ones to unlink first.
fn refuse_if_linked(conn: &Connection, holding: &Holding) -> Result<()> {
    fn group<R: Record>(
        conn: &Connection,
        holding: i64,
        many: &'static str,
    ) -> Result<(&'static str, &'static str, Vec<String>)> {
        Ok((R::NAME, many, R::naming_holding(conn, holding)?))
    }
    fn labels<R: Record>(conn: &Connection, holding: i64) -> Result<Vec<(&'static str, String)>> {
        Ok(R::naming_holding(conn, holding)?
            .into_iter()
            .map(|label| (R::NAME, label))
            .collect())
    }
    let id = holding.id;
    let groups = vec![
        group::<Request>(conn, id, "requests")?,
        group::<Complaint>(conn, id, "complaints")?,
        group::<Incident>(conn, id, "incidents")?,
        group::<Subcontractor>(conn, id, "subcontractors")?,
        group::<JointUse>(conn, id, "joint uses")?,
        group::<Transfer>(conn, id, "transfers")?,
    ];
    // The registers of provisions and controls, named record by record as (kind, label).
    let mut controls = labels::<Recipient>(conn, id)?;
    controls.extend(labels::<ProvisionRecord>(conn, id)?);
    controls.extend(labels::<Measure>(conn, id)?);
    controls.extend(labels::<Disposal>(conn, id)?);
    controls.extend(labels::<ConsentMatter>(conn, id)?);
    controls.extend(labels::<Objection>(conn, id)?);
    controls.extend(labels::<PseudonymisedInformation>(conn, id)?);
    controls.extend(labels::<AnonymisedInformation>(conn, id)?);
    controls.extend(labels::<crate::model::risk_assessment::RiskAssessment>(
        conn, id,
    )?);
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

/// A holding that gains an Individual Number item must not be named by a joint use or by a
/// provision resting on consent or opt-out: the record would become one Number Act art. 19
/// forbids. The error is on `dataItems` and names the records to change first.
fn number_act_links(
    conn: &Connection,
    after: &Holding,
    before: &Holding,
    checks: &mut FieldChecks,
) -> Result<()> {
    if !after.has_my_number() || before.has_my_number() {
        return Ok(());
    }
    let id = after.id;
    let mut named = JointUse::naming_holding(conn, id)?;
    use crate::model::provision::refused_for_individual_numbers as refused;
    named.extend(
        store::sections::list::<Recipient>(conn)?
            .into_iter()
            .filter(|r| {
                r.fields.holding_ids.contains(&id)
                    && refused(r.fields.basis, r.fields.public_ground)
            })
            .map(|r| r.fields.name),
    );
    named.extend(
        store::sections::list::<ProvisionRecord>(conn)?
            .into_iter()
            .filter(|p| {
                p.fields.holding_ids.contains(&id)
                    && refused(p.fields.basis, p.fields.public_ground)
            })
            .map(|p| p.fields.reference),
    );
    if !named.is_empty() {
        checks.fail_with(
            "dataItems",
            FieldErrorCode::NumberAct,
            format!(
                "an Individual Number item makes this specific personal information, which Number \
                 Act art. 19 does not allow to be jointly used or provided on consent or opt-out; \
                 change {} first",
                named.join(", ")
            ),
        );
    }
    Ok(())
}

/// Validation that needs the register: ledger numbers are unique, and kept data items belong
/// to this holding.
pub(crate) fn holding_checks(
    conn: &Connection,
    input: &HoldingInput,
    id: Option<i64>,
) -> Result<FieldChecks> {
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
        let mut dropped: Vec<String> = store::subcontractors::entrusted_items(conn, id)?
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
    Ok(checks)
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

/// A holding not yet written: the write path gives it its id, and it is stamped now.
fn unsaved(fields: HoldingInput) -> Holding {
    let now = crate::clock::now();
    Holding {
        id: NEW_ID,
        fields,
        version: 1,
        created_at: now.clone(),
        updated_at: now,
    }
}
