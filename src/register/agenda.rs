//! One agenda of everything due across the register (issue 17): the open requests,
//! complaints and incidents of [`Register::agenda`], and every other dated duty the register
//! keeps, by due day, with filters by kind and department, and what came due since the agenda
//! was last opened.

use crate::error::Result;
use crate::model::agenda::{
    Agenda, AgendaItem, AgendaKind, AgendaQuery, DUE_SOON_DAYS, HORIZON_DAYS,
};
use crate::model::corrective_action::CorrectiveAction;
use crate::model::internal_audit::InternalAudit;
use crate::model::provision::ProvisionRecord;
use crate::model::risk_assessment::RiskAssessment;
use crate::model::training::{fiscal_year, TrainingCourse};
use crate::register::controls::{disposals_due, provision_view};
use crate::register::management::untrained;
use crate::register::{record, Register};
use crate::store;
use crate::store::sections;
use chrono::NaiveDate;
use rusqlite::Connection;
use std::collections::HashMap;

/// The preference under which the day the agenda was last opened is kept.
const LAST_OPENED_KEY: &str = "agenda.lastOpened";
/// The preference that turns desktop notifications off ("off"); on while unset.
const NOTIFICATIONS_KEY: &str = "agenda.notifications";

impl Register {
    /// Everything due on `today` that `query` admits, by due day (overdue first), then the
    /// items without a due day, oldest first.
    pub fn agenda_for(&self, today: NaiveDate, query: &AgendaQuery) -> Result<Agenda> {
        let mut agenda = self.agenda(today)?;
        self.read_all(|conn| {
            agenda.items.extend(dated_duties(conn, today)?);
            Ok(())
        })?;
        agenda.items.retain(|item| query.admits(item));
        if let Some(since) = query.since {
            for item in &mut agenda.items {
                item.became_due = item.next_due.is_some_and(|due| due > since && due <= today);
            }
        }
        agenda.since = query.since;
        agenda.items.sort_by(|a, b| {
            let key = |i: &AgendaItem| (i.next_due.is_none(), i.next_due, i.received_on);
            key(a)
                .cmp(&key(b))
                .then_with(|| a.reference.cmp(&b.reference))
        });
        Ok(agenda)
    }

    /// Notes that the agenda was opened on `today` and returns the day it was opened before
    /// (`None` the first time), for [`AgendaQuery::since`]. Opening it again the same day
    /// writes nothing.
    pub fn open_agenda(&self, today: NaiveDate, actor: &str) -> Result<Option<NaiveDate>> {
        self.write(|tx| {
            let before = store::preferences::get(tx, LAST_OPENED_KEY)?
                .and_then(|v| NaiveDate::parse_from_str(&v, "%Y-%m-%d").ok());
            // The clock may have been set back; the mark never moves backwards.
            if before.is_none_or(|b| b < today) {
                record::put_preference(tx, actor, LAST_OPENED_KEY, &today.to_string())?;
            }
            Ok(before.filter(|b| *b < today))
        })
    }

    /// Whether the app shows desktop notifications for items due today or overdue.
    pub fn agenda_notifications(&self) -> Result<bool> {
        self.read(|conn| {
            Ok(store::preferences::get(conn, NOTIFICATIONS_KEY)?.as_deref() != Some("off"))
        })
    }

    pub fn set_agenda_notifications(&self, on: bool, actor: &str) -> Result<()> {
        let value = if on { "on" } else { "off" };
        self.write(|tx| record::put_preference(tx, actor, NOTIFICATIONS_KEY, value))
    }
}

/// One dated duty as an agenda item.
struct Duty {
    kind: AgendaKind,
    id: i64,
    reference: String,
    label: String,
    department: Option<String>,
    /// The day the duty started (the last review, the day an action was raised).
    since: NaiveDate,
    due: NaiveDate,
}

fn item(duty: Duty, today: NaiveDate) -> AgendaItem {
    let days_left = (duty.due - today).num_days();
    AgendaItem {
        kind: duty.kind,
        id: duty.id,
        reference: duty.reference,
        label: duty.label,
        request_type: None,
        request_status: None,
        received_on: duty.since,
        days_open: (today - duty.since).num_days().max(0),
        deadlines: Vec::new(),
        next_due: Some(duty.due),
        overdue: days_left < 0,
        due_this_week: (0..DUE_SOON_DAYS).contains(&days_left),
        paused: false,
        department: duty.department.filter(|d| !d.is_empty()),
        became_due: false,
    }
}

/// Every dated duty outside requests, complaints and incidents: past due, or due within
/// [`HORIZON_DAYS`] for those that recur.
fn dated_duties(conn: &Connection, today: NaiveDate) -> Result<Vec<AgendaItem>> {
    let horizon = today + chrono::Days::new(HORIZON_DAYS as u64);
    let mut duties = Vec::new();
    let holdings = store::holdings::list(conn)?;
    let department_of: HashMap<i64, String> = holdings
        .iter()
        .map(|h| (h.id, h.fields.department.clone()))
        .collect();
    let year = chrono::Months::new(12);

    for h in &holdings {
        let f = &h.fields;
        let due = f
            .next_review
            .or_else(|| f.last_review.and_then(|l| l.checked_add_months(year)));
        if let Some(due) = due.filter(|d| *d <= horizon) {
            duties.push(Duty {
                kind: AgendaKind::AnnualReview,
                id: h.id,
                reference: f.ledger_no.clone(),
                label: f.name.clone(),
                department: Some(f.department.clone()),
                since: f.last_review.unwrap_or(due),
                due,
            });
        }
    }

    // The latest assessment of each holding is the one due again.
    let mut latest: HashMap<i64, RiskAssessment> = HashMap::new();
    for a in sections::list::<RiskAssessment>(conn)? {
        let newer = latest
            .get(&a.fields.holding_id)
            .is_none_or(|b| (a.fields.assessed_on, a.id) > (b.fields.assessed_on, b.id));
        if newer {
            latest.insert(a.fields.holding_id, a);
        }
    }
    for a in latest.values() {
        let due = a.fields.due_again();
        if due <= horizon {
            let holding = holdings.iter().find(|h| h.id == a.fields.holding_id);
            duties.push(Duty {
                kind: AgendaKind::RiskAssessment,
                id: a.id,
                reference: a.fields.reference.clone(),
                label: holding.map(|h| h.fields.name.clone()).unwrap_or_default(),
                department: department_of.get(&a.fields.holding_id).cloned(),
                since: a.fields.assessed_on,
                due,
            });
        }
    }

    for tier in store::subcontractors::list(conn)? {
        let f = &tier.fields;
        if let Some(due) = f.supervision.next_check.filter(|d| *d <= horizon) {
            duties.push(Duty {
                kind: AgendaKind::SupervisionCheck,
                id: tier.id,
                reference: f.reference.clone(),
                label: f.name.clone(),
                department: f
                    .entrusted
                    .first()
                    .and_then(|e| department_of.get(&e.holding_id).cloned()),
                since: f.supervision.last_check.unwrap_or(due),
                due,
            });
        }
    }

    for transfer in store::transfers::list(conn)? {
        let f = &transfer.fields;
        if !f.is_active() {
            continue;
        }
        if let Some(due) = f.next_check.filter(|d| *d <= horizon) {
            duties.push(Duty {
                kind: AgendaKind::TransferCheck,
                id: transfer.id,
                reference: f.reference.clone(),
                label: f.recipient.clone(),
                department: department_of.get(&f.holding_id).cloned(),
                since: f.last_check.unwrap_or(due),
                due,
            });
        }
    }

    for due in disposals_due(conn, today)? {
        duties.push(Duty {
            kind: AgendaKind::Disposal,
            id: due.holding_id,
            reference: due.ledger_no.clone(),
            label: due.holding_name.clone(),
            department: department_of.get(&due.holding_id).cloned(),
            since: due.retention.event,
            due: due.retention.past_from,
        });
    }

    for record in sections::list::<ProvisionRecord>(conn)? {
        let view = provision_view(record, today);
        let Some(until) = view.retain_until.filter(|d| *d <= horizon) else {
            continue;
        };
        let r = view.record;
        duties.push(Duty {
            kind: AgendaKind::ProvisionRecordEnd,
            id: r.id,
            reference: r.fields.reference.clone(),
            label: r.fields.counterparty_name.clone(),
            department: r
                .fields
                .holding_ids
                .first()
                .and_then(|id| department_of.get(id).cloned()),
            since: r.fields.provided_on,
            due: until,
        });
    }

    // One item per yearly course and department with trainees still to be trained, due at
    // the end of the fiscal year.
    let (first, last) = fiscal_year(today);
    let courses: HashMap<i64, TrainingCourse> = sections::list::<TrainingCourse>(conn)?
        .into_iter()
        .map(|c| (c.id, c))
        .collect();
    let mut groups: Vec<((i64, String), usize)> = Vec::new();
    for person in untrained(conn, today)? {
        let key = (person.course_id, person.department.clone());
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, n)) => *n += 1,
            None => groups.push((key, 1)),
        }
    }
    for ((course_id, department), count) in groups {
        let Some(course) = courses.get(&course_id) else {
            continue;
        };
        duties.push(Duty {
            kind: AgendaKind::Training,
            id: course_id,
            reference: course.fields.reference.clone(),
            label: format!("{} ({count})", course.fields.subject),
            department: Some(department),
            since: first,
            due: last,
        });
    }

    for audit in sections::list::<InternalAudit>(conn)? {
        let f = &audit.fields;
        if f.performed_on.is_some() || f.planned_on > horizon {
            continue;
        }
        duties.push(Duty {
            kind: AgendaKind::Audit,
            id: audit.id,
            reference: f.reference.clone(),
            label: f.scope.clone(),
            department: f.departments.first().cloned(),
            since: f.planned_on,
            due: f.planned_on,
        });
    }

    for action in sections::list::<CorrectiveAction>(conn)? {
        let f = &action.fields;
        if f.done_on.is_some() {
            continue;
        }
        duties.push(Duty {
            kind: AgendaKind::CorrectiveAction,
            id: action.id,
            reference: f.reference.clone(),
            label: f.problem.clone(),
            department: Some(f.department.clone()),
            since: f.raised_on,
            due: f.due_on,
        });
    }

    Ok(duties.into_iter().map(|d| item(d, today)).collect())
}
