//! What needs attention on a given day: open requests by their next deadline, then open
//! complaints, which have no deadline in law, oldest first. Open breach incidents take their
//! place among requests by their next reporting deadline. Everything else the register dates
//! (annual reviews, risk reassessments, supervision and transfer checks, disposals due,
//! provision records reaching their retention end, training, audits, corrective actions)
//! joins them by its due day (issue 17).

use super::request::{RequestDeadline, RequestStatus, RequestType};
use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

/// A deadline falls "this week" when it is due within this many days, today included.
pub const DUE_SOON_DAYS: i64 = 7;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum AgendaKind {
    Request,
    Complaint,
    Incident,
    /// A holding's annual review (next review, or a year after the last).
    AnnualReview,
    /// A holding's risk assessment due again.
    RiskAssessment,
    /// A subcontractor's next supervision check.
    SupervisionCheck,
    /// A foreign transfer's next periodic check.
    TransferCheck,
    /// A holding whose data is past its retention and not yet disposed of.
    Disposal,
    /// A provision record whose retention ends: it may then be deleted.
    ProvisionRecordEnd,
    /// A yearly course some trainees have not completed this fiscal year.
    Training,
    /// An internal audit planned and not yet performed.
    Audit,
    /// A corrective action not yet done.
    CorrectiveAction,
}

/// One open request or complaint.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AgendaItem {
    pub kind: AgendaKind,
    #[ts(type = "number")]
    pub id: i64,
    pub reference: String,
    /// The requester's name, the complaint's subject or the incident's title.
    pub label: String,
    pub request_type: Option<RequestType>,
    pub request_status: Option<RequestStatus>,
    pub received_on: NaiveDate,
    #[ts(type = "number")]
    pub days_open: i64,
    /// The office's deadlines still to be met, soonest first (pending or overdue).
    pub deadlines: Vec<RequestDeadline>,
    /// The first of `deadlines`' due dates.
    pub next_due: Option<NaiveDate>,
    pub overdue: bool,
    /// A deadline falls within [`DUE_SOON_DAYS`] days, today included.
    pub due_this_week: bool,
    /// Waiting on a pause today.
    pub paused: bool,
    /// The department the item belongs to, where it has one (a holding's, an action's
    /// owner's, the trainees'); requests, complaints and incidents concern the whole office.
    pub department: Option<String>,
    /// Came due after the day the agenda was last opened, up to today.
    pub became_due: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Agenda {
    pub today: NaiveDate,
    /// The day the agenda was last opened before, when asked.
    pub since: Option<NaiveDate>,
    /// Items with a deadline first, by next due date; then the rest, oldest first.
    pub items: Vec<AgendaItem>,
}

/// Upcoming items that recur (reviews, checks, audits, retention ends) are listed once they
/// fall due within this many days; past-due ones always are.
pub const HORIZON_DAYS: i64 = 90;

/// What part of the agenda to show.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct AgendaQuery {
    /// Only these kinds; every kind when empty.
    pub kinds: Vec<AgendaKind>,
    /// Only items of this department (compared ignoring spaces).
    pub department: Option<String>,
    /// Marks the items that came due after this day (`became_due`).
    pub since: Option<NaiveDate>,
}

impl AgendaQuery {
    pub fn admits(&self, item: &AgendaItem) -> bool {
        let key = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        (self.kinds.is_empty() || self.kinds.contains(&item.kind))
            && self.department.as_deref().is_none_or(|wanted| {
                item.department
                    .as_deref()
                    .is_some_and(|d| key(d) == key(wanted))
            })
    }
}
