//! What needs attention on a given day: open requests by their next deadline, then open
//! complaints, which have no deadline in law, oldest first. Open breach incidents take their
//! place among requests by their next reporting deadline.

use super::request::{RequestDeadline, RequestStatus, RequestType};
use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

/// A deadline falls "this week" when it is due within this many days, today included.
pub const DUE_SOON_DAYS: i64 = 7;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum AgendaKind {
    Request,
    Complaint,
    Incident,
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
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Agenda {
    pub today: NaiveDate,
    /// Items with a deadline first, by next due date; then the rest, oldest first.
    pub items: Vec<AgendaItem>,
}
