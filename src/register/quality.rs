//! The data-quality panel's rules. Each section contributes one function returning its
//! findings; [`FINDING_SOURCES`] lists them, so a new section adds its rules with one line
//! there and its codes in [`FindingSection`] and [`FindingRule`].

use crate::audit::Entity;
use crate::error::Result;
use crate::model::anonymised::AnonymisedInformation;
use crate::model::objection::Objection;
use crate::model::provision::ProvisionRecord;
use crate::model::pseudonymised::PseudonymisedInformation;
use crate::model::quality::{Finding, FindingRule, FindingSection};
use crate::register::controls::{disposals_due, provision_view};
use crate::register::sharing::{SharingFinding, SharingRule};
use crate::register::Register;
use crate::store;
use crate::store::sections;
use chrono::{Months, NaiveDate};
use rusqlite::Connection;

pub type FindingSource = fn(&Connection, NaiveDate) -> Result<Vec<Finding>>;

/// Every section's rules, in the order the panel lists them.
pub const FINDING_SOURCES: &[FindingSource] = &[
    holding_findings,
    provision_findings,
    objection_findings,
    sharing_findings,
    processed_findings,
];

impl Register {
    /// What needs attention on `today`, section by section.
    pub fn findings(&self, today: NaiveDate) -> Result<Vec<Finding>> {
        self.read_all(|conn| {
            let mut all = Vec::new();
            for source in FINDING_SOURCES {
                all.extend(source(conn, today)?);
            }
            Ok(all)
        })
    }
}

/// A ledger row is incomplete without a retention rule, a disposal method, access holders
/// and a manager; it is stale when its last review is more than a year old (JIS Q 15001
/// A.3.3.1 asks for at least yearly review); and it is due for disposal when retention has
/// run out for data no disposal covers.
pub fn holding_findings(conn: &Connection, today: NaiveDate) -> Result<Vec<Finding>> {
    let holdings = store::holdings::list(conn)?;
    let due = disposals_due(conn, today)?;
    let year_ago = today.checked_sub_months(Months::new(12)).unwrap_or(today);
    let mut findings = Vec::new();
    for holding in &holdings {
        let h = &holding.fields;
        let label = format!("{} {}", h.ledger_no, h.name);
        let finding = |rule| Finding::new(FindingSection::Holding, rule, holding.id, &label);
        if h.retention.is_none() {
            findings.push(finding(FindingRule::NoRetentionRule));
        }
        if h.disposal_method.is_none() {
            findings.push(finding(FindingRule::NoDisposalMethod));
        }
        if h.access_holders.is_empty() {
            findings.push(finding(FindingRule::NoAccessHolders));
        }
        if h.manager.is_empty() {
            findings.push(finding(FindingRule::NoManager));
        }
        match h.last_review {
            Some(last) if last < year_ago => {
                findings.push(finding(FindingRule::ReviewOverdue).with("lastReview", last))
            }
            None => findings.push(finding(FindingRule::ReviewOverdue)),
            Some(_) => {}
        }
        if let Some(d) = due.iter().find(|d| d.holding_id == holding.id) {
            let mut f =
                finding(FindingRule::DueForDisposal).with("expiredThrough", d.expired_through);
            if let Some(last) = d.last_covered_through {
                f = f.with("lastCoveredThrough", last);
            }
            findings.push(f);
        }
    }
    Ok(findings)
}

/// Records kept past their retention may now be deleted (PPC Rules arts. 21, 25, 29).
pub fn provision_findings(conn: &Connection, today: NaiveDate) -> Result<Vec<Finding>> {
    Ok(sections::list::<ProvisionRecord>(conn)?
        .into_iter()
        .map(|r| provision_view(r, today))
        .filter(|v| v.past_retention)
        .map(|v| {
            let mut f = Finding::new(
                FindingSection::ProvisionRecord,
                FindingRule::ProvisionPastRetention,
                v.record.id,
                format!(
                    "{} {}",
                    v.record.fields.reference, v.record.fields.counterparty_name
                ),
            );
            if let Some(until) = v.retain_until {
                f = f.with("retainUntil", until);
            }
            f
        })
        .collect())
}

/// An objection received but not yet applied: the use it objects to may still go on.
pub fn objection_findings(conn: &Connection, _today: NaiveDate) -> Result<Vec<Finding>> {
    Ok(sections::list::<Objection>(conn)?
        .into_iter()
        .filter(Objection::pending)
        .map(|o| {
            Finding::new(
                FindingSection::Objection,
                FindingRule::ObjectionNotApplied,
                o.id,
                format!("{} {}", o.fields.reference, o.fields.person),
            )
            .with("receivedOn", o.fields.received_on)
        })
        .collect())
}

/// Pseudonymised information whose purposes are not published (art. 41(4) applies art. 21,
/// read as "publish"), and anonymised information produced without its items published (art.
/// 43(3), Rules art. 36: without delay after producing it).
pub fn processed_findings(conn: &Connection, _today: NaiveDate) -> Result<Vec<Finding>> {
    let pseudonymised = sections::list::<PseudonymisedInformation>(conn)?
        .into_iter()
        .filter(PseudonymisedInformation::purposes_unpublished)
        .map(|p| {
            Finding::new(
                FindingSection::PseudonymisedInformation,
                FindingRule::PseudonymisedPurposesUnpublished,
                p.id,
                p.fields.name,
            )
        });
    let anonymised = store::anonymised::list(conn)?
        .into_iter()
        .filter(AnonymisedInformation::items_unpublished)
        .map(|a| {
            Finding::new(
                FindingSection::AnonymisedInformation,
                FindingRule::AnonymisedItemsUnpublished,
                a.id,
                a.fields.name,
            )
            .with("producedOn", a.fields.produced_on)
        });
    Ok(pseudonymised.chain(anonymised).collect())
}

/// Subcontracting tiers without consent or overdue supervision, foreign subcontractors without
/// a transfer basis, joint uses missing a statutory item and overdue transfer checks: the
/// sharing module's own flags, restated in the panel's terms.
pub fn sharing_findings(conn: &Connection, today: NaiveDate) -> Result<Vec<Finding>> {
    let flagged = crate::register::sharing::subcontractor_findings(conn, today)?
        .into_iter()
        .chain(crate::register::sharing::joint_use_findings(conn)?)
        .chain(crate::register::sharing::transfer_findings(conn, today)?);
    Ok(flagged.map(panel_finding).collect())
}

fn panel_finding(flag: SharingFinding) -> Finding {
    let section = match flag.entity {
        Entity::JointUse => FindingSection::JointUse,
        Entity::Transfer => FindingSection::Transfer,
        _ => FindingSection::Subcontractor,
    };
    let rule = match flag.rule {
        SharingRule::SubcontractorWithoutConsent => FindingRule::SubcontractorWithoutConsent,
        SharingRule::SupervisionOverdue => FindingRule::SupervisionOverdue,
        SharingRule::ForeignSubcontractorWithoutTransfer => {
            FindingRule::ForeignSubcontractorWithoutTransfer
        }
        SharingRule::JointUseMissingItem => FindingRule::JointUseMissingItem,
        SharingRule::TransferCheckOverdue => FindingRule::TransferCheckOverdue,
    };
    let mut finding = Finding::new(section, rule, flag.record_id, flag.label);
    if let Some(due) = flag.due_on {
        finding = finding.with("dueOn", due);
    }
    if !flag.missing.is_empty() {
        finding = finding.with("missing", flag.missing.len());
    }
    finding
}
