//! Complaints through the register: intake, corrections while open, the actions taken, and
//! closure with a resolution. Each write validates the whole complaint after the change and
//! appends one audit entry in the same transaction.

use crate::audit::Entity;
use crate::error::{CoreError, FieldErrorCode, Result};
use crate::model::complaint::{
    Complaint, ComplaintAction, ComplaintActionInput, ComplaintInput, ComplaintView,
};
use crate::model::search::{self, SearchDoc};
use crate::register::holdings::holdings_exist;
use crate::register::record::{self, record_basics, stored_with_children, Change, Record, NEW_ID};
use crate::register::Register;
use crate::store;
use crate::validation::{tidy, FieldChecks};
use chrono::NaiveDate;
use rusqlite::Connection;

impl Register {
    /// Every complaint, newest first, with its days open as of `today`.
    pub fn complaints(&self, today: NaiveDate) -> Result<Vec<ComplaintView>> {
        self.read_all(|conn| {
            Ok(store::complaints::list(conn)?
                .into_iter()
                .map(|c| complaint_view(c, today))
                .collect())
        })
    }

    pub fn complaint(&self, id: i64, today: NaiveDate) -> Result<ComplaintView> {
        self.read_all(|conn| Ok(complaint_view(record::load::<Complaint>(conn, id)?, today)))
    }

    pub fn create_complaint(&self, mut input: ComplaintInput, actor: &str) -> Result<Complaint> {
        input.tidy();
        self.write_all(|tx| {
            let now = crate::clock::now();
            let complaint = Complaint {
                id: NEW_ID,
                fields: input,
                actions: Vec::new(),
                resolution: String::new(),
                closed_on: None,
                version: 1,
                created_at: now.clone(),
                updated_at: now,
            };
            record::create(tx, actor, complaint, Change::default())
        })
    }

    /// Corrects the details of an open complaint.
    pub fn update_complaint(
        &self,
        id: i64,
        expected_version: i64,
        mut input: ComplaintInput,
        actor: &str,
    ) -> Result<Complaint> {
        input.tidy();
        self.change_complaint(id, expected_version, actor, |complaint| {
            if input.reference.is_empty() {
                input.reference = complaint.fields.reference.clone();
            }
            complaint.fields = input;
            Ok(())
        })
    }

    /// Records something done about an open complaint. Field errors name `action.on`,
    /// `action.description` and `action.by`.
    pub fn add_complaint_action(
        &self,
        id: i64,
        expected_version: i64,
        mut action: ComplaintActionInput,
        actor: &str,
    ) -> Result<Complaint> {
        action.tidy();
        let mut index = 0;
        self.change_complaint(id, expected_version, actor, |complaint| {
            index = complaint.actions.len();
            complaint.actions.push(ComplaintAction {
                id: NEW_ID,
                on: action.on,
                description: action.description,
                by: action.by,
            });
            Ok(())
        })
        .map_err(|error| match error {
            CoreError::Validation(mut fields) => {
                crate::validation::rename_prefix(
                    &mut fields,
                    &format!("actions[{index}]"),
                    "action",
                );
                CoreError::Validation(fields)
            }
            other => other,
        })
    }

    /// Closes the complaint; a resolution is required.
    pub fn close_complaint(
        &self,
        id: i64,
        expected_version: i64,
        closed_on: NaiveDate,
        mut resolution: String,
        actor: &str,
    ) -> Result<Complaint> {
        tidy(&mut resolution);
        self.change_complaint(id, expected_version, actor, |complaint| {
            complaint.closed_on = Some(closed_on);
            complaint.resolution = resolution;
            Ok(())
        })
    }

    /// Loads an open complaint, checks the version, applies `change`, validates the whole
    /// complaint, writes and audits it. A closed complaint is kept as it was closed.
    fn change_complaint(
        &self,
        id: i64,
        expected_version: i64,
        actor: &str,
        change: impl FnOnce(&mut Complaint) -> Result<()>,
    ) -> Result<Complaint> {
        self.write_all(|tx| {
            record::update(
                tx,
                actor,
                id,
                expected_version,
                |_, before: &Complaint, after| {
                    if let Some(closed) = before.closed_on {
                        return Err(CoreError::Conflict(format!(
                        "complaint {} was closed on {closed}; a closed complaint is kept as it \
                         was closed",
                        before.fields.reference
                    )));
                    }
                    change(after)?;
                    Ok(Change::default())
                },
            )
        })
    }
}

/// The whole-record rules plus those that need the register: the holdings exist and the
/// reference is free.
pub(crate) fn complaint_checks(
    conn: &Connection,
    complaint: &Complaint,
    id: Option<i64>,
) -> Result<FieldChecks> {
    let mut checks = FieldChecks::new();
    complaint.collect_errors(&mut checks);
    holdings_exist(conn, &complaint.fields.holding_ids, &mut checks)?;
    let reference = &complaint.fields.reference;
    if !reference.is_empty()
        && !checks.has_error_for("reference")
        && store::COMPLAINT_REFERENCES.is_taken(conn, reference, id)?
    {
        checks.fail("reference", FieldErrorCode::Duplicate, None);
    }
    Ok(checks)
}

pub(crate) fn complaint_view(complaint: Complaint, today: NaiveDate) -> ComplaintView {
    let end = complaint.closed_on.unwrap_or(today);
    ComplaintView {
        days_open: (end - complaint.fields.received_on).num_days().max(0),
        open: complaint.is_open(),
        complaint,
    }
}

impl Record for Complaint {
    fn search_docs(&self) -> Vec<SearchDoc> {
        let f = &self.fields;
        vec![SearchDoc::new(
            "complaint",
            search::join(&[&f.reference, &f.complainant]),
            f.subject.clone(),
        )
        .with([&f.complainant_contact, &f.description, &self.resolution])
        .with(self.actions.iter().flat_map(|a| [&a.description, &a.by]))]
    }
    const ENTITY: Entity = Entity::Complaint;
    const NAME: &'static str = "complaint";
    record_basics!(label: reference, numbered: reference by store::COMPLAINT_REFERENCES);
    stored_with_children!(complaints);
    fn checks(&self, conn: &Connection, before: Option<&Self>) -> Result<FieldChecks> {
        complaint_checks(conn, self, before.map(|b| b.id))
    }
}
