//! Subcontracting chains, joint-use arrangements and cross-border transfers through the
//! register: each write validates the whole record against the register (holdings and their
//! items, the parent tier, the subcontractor a transfer goes to), writes it and appends its
//! audit entry in one transaction. Also the flags these records raise, as plain functions the
//! data-quality panel can call, and the links a holding's page shows.

use crate::audit::Entity;
use crate::error::{CoreError, FieldErrorCode, Result};
use crate::model::coded_enum;
use crate::model::joint_use::{
    JointUse, JointUseChange, JointUseEdition, JointUseInput, StatutoryItem,
};
use crate::model::search::{self, SearchDoc};
use crate::model::subcontractor::{Subcontractor, SubcontractorInput};
use crate::model::transfer::{Transfer, TransferBasis, TransferInput};
use crate::register::record::{self, record_basics, Change, Record, Removable, NEW_ID};
use crate::register::Register;
use crate::store;
use crate::store::{
    ReferenceSeries, JOINT_USE_REFERENCES, SUBCONTRACTOR_REFERENCES, TRANSFER_REFERENCES,
};
use crate::validation::FieldChecks;
use chrono::NaiveDate;
use rusqlite::Connection;
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use ts_rs::TS;

coded_enum!(
    /// What a flag on one of these records is about.
    SharingRule {
        /// A tier with no recorded prior consent or approval; for a sub-tier, the consent of
        /// the party that entrusted it.
        SubcontractorWithoutConsent => "subcontractorWithoutConsent",
        /// A tier whose next supervision check is before today.
        SupervisionOverdue => "supervisionOverdue",
        /// A joint-use arrangement missing one of the five statutory items.
        JointUseMissingItem => "jointUseMissingItem",
        /// A tier outside Japan with no transfer record giving a basis for the provision.
        ForeignSubcontractorWithoutTransfer => "foreignSubcontractorWithoutTransfer",
        /// An equivalent-measures transfer whose periodic check is before today.
        TransferCheckOverdue => "transferCheckOverdue",
    }
);

/// One flagged record: what the data-quality panel lists and links to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SharingFinding {
    /// `subcontractor`, `jointUse` or `transfer`: the screen the entry links to.
    pub entity: Entity,
    #[ts(type = "number")]
    pub record_id: i64,
    pub reference: String,
    /// Reference and name, e.g. `SC-0003 株式会社クラウドベース`.
    pub label: String,
    pub rule: SharingRule,
    /// For `jointUseMissingItem`: which of the five items.
    pub missing: Vec<StatutoryItem>,
    /// For the overdue rules: the check date that passed.
    pub due_on: Option<NaiveDate>,
}

/// A tier in the tree: depth 0 is entrusted by the organisation itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SubcontractorNode {
    pub subcontractor: Subcontractor,
    pub depth: u32,
    pub parent_reference: Option<String>,
    #[ts(type = "number")]
    pub children: i64,
    pub findings: Vec<SharingFinding>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct JointUseView {
    pub joint_use: JointUse,
    pub findings: Vec<SharingFinding>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct TransferView {
    pub transfer: Transfer,
    pub findings: Vec<SharingFinding>,
}

/// A record linked to a holding, as the holding's page lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct LinkedRecord {
    #[ts(type = "number")]
    pub id: i64,
    pub reference: String,
    pub label: String,
}

/// Who a holding's data is shared with: its subcontractors (and the items each handles),
/// its joint uses and its cross-border transfers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct HoldingSharing {
    pub subcontractors: Vec<LinkedRecord>,
    pub joint_uses: Vec<LinkedRecord>,
    pub transfers: Vec<LinkedRecord>,
}

// --- findings -------------------------------------------------------------------------------

fn finding(
    entity: Entity,
    id: i64,
    reference: &str,
    name: &str,
    rule: SharingRule,
) -> SharingFinding {
    SharingFinding {
        entity,
        record_id: id,
        reference: reference.to_owned(),
        label: format!("{reference} {name}"),
        rule,
        missing: Vec::new(),
        due_on: None,
    }
}

fn tier_findings(
    tier: &Subcontractor,
    transferred: &HashSet<i64>,
    today: NaiveDate,
) -> Vec<SharingFinding> {
    let f = &tier.fields;
    let flag = |rule| finding(Entity::Subcontractor, tier.id, &f.reference, &f.name, rule);
    let mut findings = Vec::new();
    if f.approval.is_none() {
        findings.push(flag(SharingRule::SubcontractorWithoutConsent));
    }
    if let Some(next) = f.supervision.next_check.filter(|next| *next < today) {
        findings.push(SharingFinding {
            due_on: Some(next),
            ..flag(SharingRule::SupervisionOverdue)
        });
    }
    if f.country != "JP" && !transferred.contains(&tier.id) {
        findings.push(flag(SharingRule::ForeignSubcontractorWithoutTransfer));
    }
    findings
}

fn joint_use_flags(joint_use: &JointUse) -> Vec<SharingFinding> {
    let missing = joint_use.fields.terms.missing();
    if missing.is_empty() {
        return Vec::new();
    }
    let f = &joint_use.fields;
    vec![SharingFinding {
        missing,
        ..finding(
            Entity::JointUse,
            joint_use.id,
            &f.reference,
            &f.title,
            SharingRule::JointUseMissingItem,
        )
    }]
}

fn transfer_flags(transfer: &Transfer, today: NaiveDate) -> Vec<SharingFinding> {
    let f = &transfer.fields;
    let overdue = f.next_check.filter(|next| *next < today);
    match overdue {
        Some(next) if f.basis == TransferBasis::EquivalentMeasures && f.is_active() => {
            vec![SharingFinding {
                due_on: Some(next),
                ..finding(
                    Entity::Transfer,
                    transfer.id,
                    &f.reference,
                    &f.recipient,
                    SharingRule::TransferCheckOverdue,
                )
            }]
        }
        _ => Vec::new(),
    }
}

/// Subcontractors whose transfer records give a basis for their foreign provision: those
/// named by a transfer that has not been stopped.
fn transferred_subcontractors(transfers: &[Transfer]) -> HashSet<i64> {
    transfers
        .iter()
        .filter(|t| t.fields.is_active())
        .filter_map(|t| t.fields.subcontractor_id)
        .collect()
}

/// Flags on subcontracting tiers: `subcontractorWithoutConsent`, `supervisionOverdue`
/// (next check before `today`) and `foreignSubcontractorWithoutTransfer` (country not JP and
/// no active transfer naming the tier). In tree order.
pub fn subcontractor_findings(conn: &Connection, today: NaiveDate) -> Result<Vec<SharingFinding>> {
    let transferred = transferred_subcontractors(&store::transfers::list(conn)?);
    Ok(tree(store::subcontractors::list(conn)?)
        .iter()
        .flat_map(|(tier, _)| tier_findings(tier, &transferred, today))
        .collect())
}

/// Flags on joint-use arrangements: `jointUseMissingItem`, naming the missing items.
pub fn joint_use_findings(conn: &Connection) -> Result<Vec<SharingFinding>> {
    Ok(store::joint_uses::list(conn)?
        .iter()
        .flat_map(joint_use_flags)
        .collect())
}

/// Flags on cross-border transfers: `transferCheckOverdue` (equivalent-measures basis, not
/// stopped, next check before `today`).
pub fn transfer_findings(conn: &Connection, today: NaiveDate) -> Result<Vec<SharingFinding>> {
    Ok(store::transfers::list(conn)?
        .iter()
        .flat_map(|t| transfer_flags(t, today))
        .collect())
}

/// Orders tiers depth-first, siblings by reference, each with its depth. A tier whose parent
/// is missing (which the schema prevents) is shown at the top rather than lost.
fn tree(tiers: Vec<Subcontractor>) -> Vec<(Subcontractor, u32)> {
    let ids: HashSet<i64> = tiers.iter().map(|t| t.id).collect();
    let mut by_parent: HashMap<Option<i64>, Vec<Subcontractor>> = HashMap::new();
    for tier in tiers {
        let parent = tier.fields.parent_id.filter(|p| ids.contains(p));
        by_parent.entry(parent).or_default().push(tier);
    }
    let mut ordered = Vec::new();
    let mut stack: Vec<(Subcontractor, u32)> = by_parent
        .remove(&None)
        .unwrap_or_default()
        .into_iter()
        .rev()
        .map(|t| (t, 0))
        .collect();
    while let Some((tier, depth)) = stack.pop() {
        if let Some(children) = by_parent.remove(&Some(tier.id)) {
            stack.extend(children.into_iter().rev().map(|c| (c, depth + 1)));
        }
        ordered.push((tier, depth));
    }
    // Whatever is left sits in a loop the schema should have made impossible; keep it visible.
    for (_, rest) in by_parent {
        ordered.extend(rest.into_iter().map(|t| (t, 0)));
    }
    ordered
}

// --- links used by validation ---------------------------------------------------------------

/// What the link checks need to know about holdings and tiers, read from the register or
/// from an import document.
#[derive(Default)]
pub(crate) struct Links {
    holding_items: HashMap<i64, HashSet<i64>>,
    tiers: HashMap<i64, TierLinks>,
}

struct TierLinks {
    reference: String,
    parent: Option<i64>,
    items: HashSet<i64>,
}

impl Links {
    pub(crate) fn read(conn: &Connection) -> Result<Self> {
        let holdings = store::holdings::list(conn)?;
        let tiers = store::subcontractors::list(conn)?;
        Ok(Self::from_records(
            holdings
                .iter()
                .map(|h| (h.id, h.fields.data_items.iter().filter_map(|i| i.id))),
            &tiers,
        ))
    }

    pub(crate) fn from_records<I: Iterator<Item = i64>>(
        holdings: impl Iterator<Item = (i64, I)>,
        tiers: &[Subcontractor],
    ) -> Self {
        Links {
            holding_items: holdings.map(|(id, items)| (id, items.collect())).collect(),
            tiers: tiers
                .iter()
                .map(|t| {
                    (
                        t.id,
                        TierLinks {
                            reference: t.fields.reference.clone(),
                            parent: t.fields.parent_id,
                            items: t.fields.item_ids().collect(),
                        },
                    )
                })
                .collect(),
        }
    }

    pub(crate) fn holding_exists(&self, id: i64) -> bool {
        self.holding_items.contains_key(&id)
    }

    pub(crate) fn tier_exists(&self, id: i64) -> bool {
        self.tiers.contains_key(&id)
    }
}

/// The rules a tier must pass against the others: holdings and items exist and belong
/// together, the parent exists and is not the tier or one of its sub-tiers, a sub-tier
/// handles only items its parent was entrusted, and a tier keeps every item its own sub-tiers
/// still handle.
pub(crate) fn check_subcontractor_links(
    input: &SubcontractorInput,
    id: Option<i64>,
    links: &Links,
    checks: &mut FieldChecks,
) {
    let parent_items = match input.parent_id {
        None => None,
        Some(parent) if Some(parent) == id => {
            checks.fail_with(
                "parentId",
                FieldErrorCode::Malformed,
                "a tier cannot be its own parent",
            );
            None
        }
        Some(parent) => match links.tiers.get(&parent) {
            None => {
                checks.fail_with(
                    "parentId",
                    FieldErrorCode::Malformed,
                    format!("subcontractor {parent} does not exist"),
                );
                None
            }
            Some(parent_tier) => {
                // Walk up from the parent: meeting this tier again would close a loop.
                let mut seen = HashSet::new();
                let mut cursor = Some(parent);
                while let Some(current) = cursor {
                    if Some(current) == id || !seen.insert(current) {
                        checks.fail_with(
                            "parentId",
                            FieldErrorCode::Malformed,
                            "a tier cannot be placed under one of its own sub-tiers",
                        );
                        break;
                    }
                    cursor = links.tiers.get(&current).and_then(|t| t.parent);
                }
                Some(parent_tier)
            }
        },
    };
    for (i, entrusted) in input.entrusted.iter().enumerate() {
        let Some(items) = links.holding_items.get(&entrusted.holding_id) else {
            checks.fail_with(
                format!("entrusted[{i}].holdingId"),
                FieldErrorCode::Malformed,
                format!("holding {} does not exist", entrusted.holding_id),
            );
            continue;
        };
        for (j, item) in entrusted.item_ids.iter().enumerate() {
            let field = format!("entrusted[{i}].itemIds[{j}]");
            if !items.contains(item) {
                checks.fail_with(
                    field,
                    FieldErrorCode::Malformed,
                    format!(
                        "data item {item} is not an item of holding {}",
                        entrusted.holding_id
                    ),
                );
            } else if let Some(parent) = parent_items.filter(|p| !p.items.contains(item)) {
                checks.fail_with(
                    field,
                    FieldErrorCode::OutOfRange,
                    format!(
                        "data item {item} was not entrusted to the parent tier {}; a sub-tier \
                         handles only what its parent was entrusted",
                        parent.reference
                    ),
                );
            }
        }
    }
    if let Some(id) = id {
        let own: HashSet<i64> = input.item_ids().collect();
        let mut still_needed: Vec<&str> = links
            .tiers
            .values()
            .filter(|t| t.parent == Some(id) && !t.items.is_subset(&own))
            .map(|t| t.reference.as_str())
            .collect();
        if !still_needed.is_empty() {
            still_needed.sort();
            checks.fail_with(
                "entrusted",
                FieldErrorCode::InUse,
                format!(
                    "sub-tier {} still handles items this change removes; change it first",
                    still_needed.join(", ")
                ),
            );
        }
    }
}

pub(crate) fn check_transfer_links(
    input: &TransferInput,
    holding_exists: bool,
    subcontractor_exists: bool,
    checks: &mut FieldChecks,
) {
    if !holding_exists {
        checks.fail_with(
            "holdingId",
            FieldErrorCode::Malformed,
            format!("holding {} does not exist", input.holding_id),
        );
    }
    if let Some(id) = input.subcontractor_id.filter(|_| !subcontractor_exists) {
        checks.fail_with(
            "subcontractorId",
            FieldErrorCode::Malformed,
            format!("subcontractor {id} does not exist"),
        );
    }
}

pub(crate) fn check_joint_use_holdings(
    holding_ids: &[i64],
    exists: impl Fn(i64) -> bool,
    checks: &mut FieldChecks,
) {
    for (i, id) in holding_ids.iter().enumerate() {
        if !exists(*id) {
            checks.fail_with(
                format!("holdingIds[{i}]"),
                FieldErrorCode::Malformed,
                format!("holding {id} does not exist"),
            );
        }
    }
}

fn reference_free(
    conn: &Connection,
    series: &ReferenceSeries,
    reference: &str,
    id: Option<i64>,
    checks: &mut FieldChecks,
) -> Result<()> {
    if !reference.is_empty()
        && !checks.has_error_for("reference")
        && series.is_taken(conn, reference, id)?
    {
        checks.fail("reference", FieldErrorCode::Duplicate, None);
    }
    Ok(())
}

// --- register operations --------------------------------------------------------------------

fn subcontractor_checks(
    conn: &Connection,
    input: &SubcontractorInput,
    id: Option<i64>,
) -> Result<FieldChecks> {
    let mut checks = FieldChecks::new();
    input.collect_errors(&mut checks);
    check_subcontractor_links(input, id, &Links::read(conn)?, &mut checks);
    reference_free(
        conn,
        &SUBCONTRACTOR_REFERENCES,
        &input.reference,
        id,
        &mut checks,
    )?;
    Ok(checks)
}

fn transfer_checks(
    conn: &Connection,
    input: &TransferInput,
    id: Option<i64>,
) -> Result<FieldChecks> {
    let mut checks = FieldChecks::new();
    input.collect_errors(&mut checks);
    let subcontractor_exists = match input.subcontractor_id {
        Some(s) => store::subcontractors::get(conn, s)?.is_some(),
        None => true,
    };
    check_transfer_links(
        input,
        store::holdings::exists(conn, input.holding_id)?,
        subcontractor_exists,
        &mut checks,
    );
    reference_free(
        conn,
        &TRANSFER_REFERENCES,
        &input.reference,
        id,
        &mut checks,
    )?;
    Ok(checks)
}

/// Why a joint use cannot name a holding with Individual Numbers. Checked when the arrangement
/// is written, not on import: a document keeps the records as they were made.
pub(crate) const JOINT_USE_OF_NUMBERS: &str =
    "this holding has Individual Numbers: joint use (APPI art. 27(5)(iii)) is not among the \
     cases in which Number Act art. 19 allows specific personal information to be provided";

fn joint_use_checks(
    conn: &Connection,
    joint_use: &JointUse,
    id: Option<i64>,
) -> Result<FieldChecks> {
    let mut checks = FieldChecks::new();
    joint_use.collect_errors(&mut checks);
    let mut missing = Vec::new();
    for (i, id) in joint_use.fields.holding_ids.iter().enumerate() {
        match store::holdings::get(conn, *id)? {
            None => missing.push(*id),
            Some(holding) if holding.has_my_number() => {
                checks.fail_with(
                    format!("holdingIds[{i}]"),
                    FieldErrorCode::NumberAct,
                    JOINT_USE_OF_NUMBERS,
                );
            }
            Some(_) => {}
        }
    }
    check_joint_use_holdings(
        &joint_use.fields.holding_ids,
        |h| !missing.contains(&h),
        &mut checks,
    );
    reference_free(
        conn,
        &JOINT_USE_REFERENCES,
        &joint_use.fields.reference,
        id,
        &mut checks,
    )?;
    Ok(checks)
}

/// Every tier in tree order (depth-first, siblings by reference) with its flags as of
/// `today`, read on one connection so that a printed register matches its chain head.
pub(crate) fn subcontractor_nodes(
    conn: &Connection,
    today: NaiveDate,
) -> Result<Vec<SubcontractorNode>> {
    let transferred = transferred_subcontractors(&store::transfers::list(conn)?);
    let tiers = store::subcontractors::list(conn)?;
    let references: HashMap<i64, String> = tiers
        .iter()
        .map(|t| (t.id, t.fields.reference.clone()))
        .collect();
    let mut children: HashMap<i64, i64> = HashMap::new();
    for tier in &tiers {
        if let Some(parent) = tier.fields.parent_id {
            *children.entry(parent).or_default() += 1;
        }
    }
    Ok(tree(tiers)
        .into_iter()
        .map(|(tier, depth)| SubcontractorNode {
            findings: tier_findings(&tier, &transferred, today),
            parent_reference: tier
                .fields
                .parent_id
                .and_then(|p| references.get(&p).cloned()),
            children: children.get(&tier.id).copied().unwrap_or(0),
            depth,
            subcontractor: tier,
        })
        .collect())
}

impl Register {
    // --- subcontractors -----------------------------------------------------------------

    /// Every tier in tree order (depth-first, siblings by reference) with its flags as of
    /// `today`.
    pub fn subcontractor_tree(&self, today: NaiveDate) -> Result<Vec<SubcontractorNode>> {
        self.read_all(|conn| subcontractor_nodes(conn, today))
    }

    pub fn subcontractor(&self, id: i64) -> Result<Subcontractor> {
        self.read_all(|conn| record::load(conn, id))
    }

    pub fn create_subcontractor(
        &self,
        mut input: SubcontractorInput,
        actor: &str,
    ) -> Result<Subcontractor> {
        input.tidy();
        let now = crate::clock::now();
        let tier = Subcontractor {
            id: NEW_ID,
            fields: input,
            version: 1,
            created_at: now.clone(),
            updated_at: now,
        };
        self.write_all(|tx| record::create(tx, actor, tier, Change::default()))
    }

    /// Changes a tier. A tier with sub-tiers keeps its place in the chain: moving it would
    /// move a whole branch whose consents were given for the old place.
    pub fn update_subcontractor(
        &self,
        id: i64,
        expected_version: i64,
        mut input: SubcontractorInput,
        actor: &str,
    ) -> Result<Subcontractor> {
        input.tidy();
        self.write_all(|tx| {
            record::update(
                tx,
                actor,
                id,
                expected_version,
                |_, _, tier: &mut Subcontractor| {
                    tier.fields = input;
                    Ok(Change::default())
                },
            )
        })
    }

    /// Deletes a tier that has no sub-tiers and that no transfer or incident names.
    pub fn delete_subcontractor(&self, id: i64, expected_version: i64, actor: &str) -> Result<()> {
        self.write_all(|tx| record::delete::<Subcontractor>(tx, actor, id, expected_version))
    }

    // --- joint uses ---------------------------------------------------------------------

    pub fn joint_uses(&self) -> Result<Vec<JointUseView>> {
        self.read_all(|conn| {
            Ok(store::joint_uses::list(conn)?
                .into_iter()
                .map(|joint_use| JointUseView {
                    findings: joint_use_flags(&joint_use),
                    joint_use,
                })
                .collect())
        })
    }

    pub fn joint_use(&self, id: i64) -> Result<JointUseView> {
        self.read_all(|conn| {
            let joint_use: JointUse = record::load(conn, id)?;
            Ok(JointUseView {
                findings: joint_use_flags(&joint_use),
                joint_use,
            })
        })
    }

    pub fn create_joint_use(&self, mut input: JointUseInput, actor: &str) -> Result<JointUse> {
        input.tidy();
        let now = crate::clock::now();
        let joint_use = JointUse {
            id: NEW_ID,
            editions: vec![JointUseEdition {
                number: 1,
                terms: input.terms.clone(),
                change: None,
                recorded_at: now.clone(),
            }],
            fields: input,
            version: 1,
            created_at: now.clone(),
            updated_at: now,
        };
        self.write_all(|tx| record::create(tx, actor, joint_use, Change::default()))
    }

    /// Changes an arrangement. When any of the five items changes, `change` says how the
    /// change was made known and a new edition is recorded; the earlier ones stay readable.
    /// Other edits (title, linked holdings, notes) need no change.
    pub fn update_joint_use(
        &self,
        id: i64,
        expected_version: i64,
        mut input: JointUseInput,
        mut change: Option<JointUseChange>,
        actor: &str,
    ) -> Result<JointUse> {
        input.tidy();
        if let Some(change) = &mut change {
            change.tidy();
        }
        self.write_all(|tx| {
            record::update(
                tx,
                actor,
                id,
                expected_version,
                |_, before, after: &mut JointUse| {
                    let needed = before.fields.terms.change_notice(&input.terms);
                    let mut errors = FieldChecks::new();
                    let mut edition_added = false;
                    match (needed, &change) {
                        (None, _) => {}
                        (Some(_), None) => errors.fail_with(
                            "change",
                            FieldErrorCode::Required,
                            "the five statutory items changed: say how and when the change was \
                         notified",
                        ),
                        (Some(needed), Some(change)) => {
                            change.collect_errors(needed, &mut errors);
                            // The edition is part of what the checks read (the last edition carries
                            // the current terms); it is dated with the write below.
                            after.editions.push(JointUseEdition {
                                number: before.editions.len() as i64 + 1,
                                terms: input.terms.clone(),
                                change: Some(change.clone()),
                                recorded_at: String::new(),
                            });
                            edition_added = true;
                        }
                    }
                    after.fields = input;
                    Ok(Change::with_errors(errors).then(
                        move |joint_use: &mut JointUse, now: &str| {
                            if let Some(edition) =
                                joint_use.editions.last_mut().filter(|_| edition_added)
                            {
                                edition.recorded_at = now.to_owned();
                            }
                        },
                    ))
                },
            )
        })
    }

    pub fn delete_joint_use(&self, id: i64, expected_version: i64, actor: &str) -> Result<()> {
        self.write_all(|tx| record::delete::<JointUse>(tx, actor, id, expected_version))
    }

    // --- transfers ----------------------------------------------------------------------

    pub fn transfers(&self, today: NaiveDate) -> Result<Vec<TransferView>> {
        self.read_all(|conn| {
            Ok(store::transfers::list(conn)?
                .into_iter()
                .map(|transfer| TransferView {
                    findings: transfer_flags(&transfer, today),
                    transfer,
                })
                .collect())
        })
    }

    pub fn transfer(&self, id: i64, today: NaiveDate) -> Result<TransferView> {
        self.read_all(|conn| {
            let transfer: Transfer = record::load(conn, id)?;
            Ok(TransferView {
                findings: transfer_flags(&transfer, today),
                transfer,
            })
        })
    }

    pub fn create_transfer(&self, mut input: TransferInput, actor: &str) -> Result<Transfer> {
        input.tidy();
        let now = crate::clock::now();
        let transfer = Transfer {
            id: NEW_ID,
            fields: input,
            version: 1,
            created_at: now.clone(),
            updated_at: now,
        };
        self.write_all(|tx| record::create(tx, actor, transfer, Change::default()))
    }

    pub fn update_transfer(
        &self,
        id: i64,
        expected_version: i64,
        mut input: TransferInput,
        actor: &str,
    ) -> Result<Transfer> {
        input.tidy();
        self.write_all(|tx| {
            record::update(
                tx,
                actor,
                id,
                expected_version,
                |_, _, transfer: &mut Transfer| {
                    transfer.fields = input;
                    Ok(Change::default())
                },
            )
        })
    }

    pub fn delete_transfer(&self, id: i64, expected_version: i64, actor: &str) -> Result<()> {
        self.write_all(|tx| record::delete::<Transfer>(tx, actor, id, expected_version))
    }

    // --- across ---------------------------------------------------------------------------

    /// Every flag of the three sections as of `today`: tiers, then joint uses, then transfers.
    pub fn sharing_findings(&self, today: NaiveDate) -> Result<Vec<SharingFinding>> {
        self.read_all(|conn| {
            let mut findings = subcontractor_findings(conn, today)?;
            findings.extend(joint_use_findings(conn)?);
            findings.extend(transfer_findings(conn, today)?);
            Ok(findings)
        })
    }

    /// The subcontractors, joint uses and transfers of holding `holding_id`.
    pub fn holding_sharing(&self, holding_id: i64) -> Result<HoldingSharing> {
        self.read_all(|conn| {
            let tiers = store::subcontractors::list(conn)?
                .into_iter()
                .filter(|t| {
                    t.fields
                        .entrusted
                        .iter()
                        .any(|e| e.holding_id == holding_id)
                })
                .map(|t| LinkedRecord {
                    id: t.id,
                    label: t.fields.name,
                    reference: t.fields.reference,
                })
                .collect();
            let joint_uses = store::joint_uses::list(conn)?
                .into_iter()
                .filter(|j| j.fields.holding_ids.contains(&holding_id))
                .map(|j| LinkedRecord {
                    id: j.id,
                    label: j.fields.title,
                    reference: j.fields.reference,
                })
                .collect();
            let transfers = store::transfers::list(conn)?
                .into_iter()
                .filter(|t| t.fields.holding_id == holding_id)
                .map(|t| LinkedRecord {
                    id: t.id,
                    label: t.fields.recipient,
                    reference: t.fields.reference,
                })
                .collect();
            Ok(HoldingSharing {
                subcontractors: tiers,
                joint_uses,
                transfers,
            })
        })
    }
}

impl Record for Subcontractor {
    fn search_docs(&self) -> Vec<SearchDoc> {
        let f = &self.fields;
        vec![SearchDoc::new(
            "subcontractor",
            search::join(&[&f.reference, &f.name]),
            f.work_description.clone(),
        )
        .with([
            &f.address,
            &f.representative,
            &f.contract_reference,
            &f.incident_note,
            &f.notes,
        ])]
    }
    const ENTITY: Entity = Entity::Subcontractor;
    const NAME: &'static str = "subcontractor";
    record_basics!(label: reference, numbered: reference by SUBCONTRACTOR_REFERENCES);

    fn get(conn: &Connection, id: i64) -> Result<Option<Self>> {
        Ok(store::subcontractors::get(conn, id)?)
    }
    fn list(conn: &Connection) -> Result<Vec<Self>> {
        Ok(store::subcontractors::list(conn)?)
    }
    fn insert(conn: &Connection, tier: &Self) -> Result<i64> {
        Ok(store::subcontractors::insert(conn, tier)?)
    }
    fn update(conn: &Connection, _before: &Self, after: &Self) -> Result<()> {
        Ok(store::subcontractors::update(conn, after)?)
    }
    /// Beyond the links: a tier with sub-tiers keeps its place in the chain.
    fn checks(&self, conn: &Connection, before: Option<&Self>) -> Result<FieldChecks> {
        let id = before.map(|b| b.id);
        let mut checks = subcontractor_checks(conn, &self.fields, id)?;
        if let Some(before) = before.filter(|b| b.fields.parent_id != self.fields.parent_id) {
            let children = store::subcontractors::children(conn, before.id)?;
            if !children.is_empty() {
                checks.fail_with(
                    "parentId",
                    FieldErrorCode::InUse,
                    format!(
                        "{} has sub-tiers ({}); a tier with sub-tiers cannot be moved. \
                         Move or remove its sub-tiers first",
                        before.fields.reference,
                        children.join(", ")
                    ),
                );
            }
        }
        Ok(checks)
    }
    fn naming_holding(conn: &Connection, holding_id: i64) -> Result<Vec<String>> {
        Ok(store::subcontractors::referring_to_holding(
            conn, holding_id,
        )?)
    }
}

impl Removable for Subcontractor {
    fn remove(conn: &Connection, id: i64) -> Result<()> {
        store::subcontractors::delete(conn, id)?;
        Ok(())
    }
    /// Sub-tiers, transfers and incidents that name the tier keep it.
    fn refuse_removal(&self, conn: &Connection) -> Result<()> {
        let children = store::subcontractors::children(conn, self.id)?;
        let transfers = store::transfers::referring_to_subcontractor(conn, self.id)?;
        let incidents = store::incidents::referring_to_subcontractor(conn, self.id)?;
        if children.is_empty() && transfers.is_empty() && incidents.is_empty() {
            return Ok(());
        }
        let mut named = Vec::new();
        if !children.is_empty() {
            named.push(format!("its sub-tiers {}", children.join(", ")));
        }
        if !transfers.is_empty() {
            named.push(format!("the transfers {}", transfers.join(", ")));
        }
        if !incidents.is_empty() {
            named.push(format!("the incidents {}", incidents.join(", ")));
        }
        Err(CoreError::InUse {
            message: format!(
                "subcontractor {} ({}) cannot be deleted while {} refer to it; remove or change \
                 them first",
                self.fields.reference,
                self.fields.name,
                named.join(" and ")
            ),
            references: children
                .into_iter()
                .chain(transfers)
                .chain(incidents)
                .collect(),
        })
    }
}

impl Record for JointUse {
    fn search_docs(&self) -> Vec<SearchDoc> {
        let f = &self.fields;
        let parties = f.terms.responsible_parties.iter();
        vec![SearchDoc::new(
            "jointUse",
            search::join(&[&f.reference, &f.title]),
            f.terms.users_range.clone(),
        )
        .with([&f.terms.fact_statement, &f.inquiry_contact, &f.notes])
        .with(&f.terms.items)
        .with(f.terms.purposes.iter().flat_map(|p| [&p.user, &p.purpose]))
        .with(parties.flat_map(|p| [&p.name, &p.address, &p.representative]))]
    }
    const ENTITY: Entity = Entity::JointUse;
    const NAME: &'static str = "joint use";
    record_basics!(label: reference, numbered: reference by JOINT_USE_REFERENCES);

    fn get(conn: &Connection, id: i64) -> Result<Option<Self>> {
        Ok(store::joint_uses::get(conn, id)?)
    }
    fn list(conn: &Connection) -> Result<Vec<Self>> {
        Ok(store::joint_uses::list(conn)?)
    }
    fn insert(conn: &Connection, joint_use: &Self) -> Result<i64> {
        Ok(store::joint_uses::insert(conn, joint_use)?)
    }
    fn update(conn: &Connection, before: &Self, after: &Self) -> Result<()> {
        Ok(store::joint_uses::update(conn, before, after)?)
    }
    fn checks(&self, conn: &Connection, before: Option<&Self>) -> Result<FieldChecks> {
        joint_use_checks(conn, self, before.map(|b| b.id))
    }
    fn naming_holding(conn: &Connection, holding_id: i64) -> Result<Vec<String>> {
        Ok(store::joint_uses::referring_to_holding(conn, holding_id)?)
    }
}

impl Removable for JointUse {
    fn remove(conn: &Connection, id: i64) -> Result<()> {
        store::joint_uses::delete(conn, id)?;
        Ok(())
    }
}

impl Record for Transfer {
    fn search_docs(&self) -> Vec<SearchDoc> {
        let f = &self.fields;
        vec![SearchDoc::new(
            "transfer",
            search::join(&[&f.reference, &f.recipient]),
            f.country.clone().unwrap_or_default(),
        )
        .with([&f.legal_basis, &f.check_results, &f.notes])
        .with(&f.items)]
    }
    const ENTITY: Entity = Entity::Transfer;
    const NAME: &'static str = "transfer";
    record_basics!(label: reference, numbered: reference by TRANSFER_REFERENCES);

    fn get(conn: &Connection, id: i64) -> Result<Option<Self>> {
        Ok(store::transfers::get(conn, id)?)
    }
    fn list(conn: &Connection) -> Result<Vec<Self>> {
        Ok(store::transfers::list(conn)?)
    }
    fn insert(conn: &Connection, transfer: &Self) -> Result<i64> {
        Ok(store::transfers::insert(conn, transfer)?)
    }
    fn update(conn: &Connection, _before: &Self, after: &Self) -> Result<()> {
        Ok(store::transfers::update(conn, after)?)
    }
    fn checks(&self, conn: &Connection, before: Option<&Self>) -> Result<FieldChecks> {
        transfer_checks(conn, &self.fields, before.map(|b| b.id))
    }
    fn naming_holding(conn: &Connection, holding_id: i64) -> Result<Vec<String>> {
        Ok(store::transfers::referring_to_holding(conn, holding_id)?)
    }
}

impl Removable for Transfer {
    fn remove(conn: &Connection, id: i64) -> Result<()> {
        store::transfers::delete(conn, id)?;
        Ok(())
    }
}
