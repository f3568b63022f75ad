//! Breach incidents through the register: intake, corrections as the facts become known, the
//! actions taken, filings with the authorities, notices to persons, closure, and the drafts.
//! Each write validates the whole incident after the change, appends its timeline entry and
//! one audit entry in the same transaction.

use crate::audit::Entity;
use crate::breach::draft::{self, DraftContext, DraftKind, IncidentDraft};
use crate::breach::{self, Triage};
use crate::error::{CoreError, FieldErrorCode, Result};
use crate::model::incident::{
    Filing, FilingInput, Incident, IncidentActionInput, IncidentEvent, IncidentEventKind,
    IncidentInput, Notice, NoticeInput,
};
use crate::model::language::Language;
use crate::model::organisation::Regime;
use crate::model::request::{DeadlineState, RequestDeadline};
use crate::model::search::{self, SearchDoc};
use crate::register::holdings::holdings_exist;
use crate::register::record::{self, record_basics, stored_with_children, Change, Record, NEW_ID};
use crate::register::{to_json, Register};
use crate::store;
use crate::validation::{tidy, FieldChecks, LONG_TEXT};
use chrono::NaiveDate;
use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

/// An incident with what the register computes for it on a given day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct IncidentView {
    pub incident: Incident,
    pub triage: Triage,
    /// The reporting deadlines, met or not, in the order the law sets them.
    pub deadlines: Vec<RequestDeadline>,
    /// The first due date among deadlines still to be met.
    pub next_due: Option<NaiveDate>,
    pub overdue: bool,
    /// Calendar days from awareness to closure, or to today while open.
    #[ts(type = "number")]
    pub days_open: i64,
    pub open: bool,
}

impl Register {
    /// Every incident, newest first, as of `today`.
    pub fn incidents(&self, today: NaiveDate) -> Result<Vec<IncidentView>> {
        self.read_all(|conn| {
            store::incidents::list(conn)?
                .into_iter()
                .map(|i| incident_view(i, today))
                .collect()
        })
    }

    pub fn incident(&self, id: i64, today: NaiveDate) -> Result<IncidentView> {
        self.read_all(|conn| incident_view(record::load::<Incident>(conn, id)?, today))
    }

    /// Enters a new incident under the organisation's current regime.
    pub fn create_incident(&self, mut input: IncidentInput, actor: &str) -> Result<Incident> {
        input.tidy();
        self.write_all(|tx| {
            let organisation = store::organisation::get(tx)?.ok_or_else(|| {
                CoreError::Conflict(
                    "enter the organisation profile first: whether an incident must be \
                     reported follows from the organisation's regime"
                        .to_owned(),
                )
            })?;
            let now = crate::clock::now();
            let recorded_on = input.aware_at.date_naive();
            let incident = Incident {
                id: NEW_ID,
                fields: input,
                regime: organisation.profile.regime,
                gdpr_applies: organisation.profile.gdpr_applies
                    || organisation.profile.regime == Regime::GdprController,
                filings: Vec::new(),
                notices: Vec::new(),
                timeline: Vec::new(),
                closed_on: None,
                version: 1,
                created_at: now.clone(),
                updated_at: now.clone(),
            };
            let change = Change::default().then(move |incident: &mut Incident, _: &str| {
                // The entry is dated with the record's own creation time, so the two agree.
                let recorded_at = incident.created_at.clone();
                incident.timeline.push(event(
                    IncidentEventKind::Recorded,
                    recorded_on,
                    String::new(),
                    actor,
                    &recorded_at,
                ));
            });
            record::create(tx, actor, incident, change)
        })
    }

    /// Corrects the facts of an open incident; the timeline entry names the fields changed.
    pub fn update_incident(
        &self,
        id: i64,
        expected_version: i64,
        mut input: IncidentInput,
        actor: &str,
    ) -> Result<Incident> {
        input.tidy();
        self.change_incident(id, expected_version, actor, |incident| {
            if input.reference.is_empty() {
                input.reference = incident.fields.reference.clone();
            }
            let changed = changed_fields(&incident.fields, &input);
            incident.fields = input;
            Ok((
                IncidentEventKind::Updated,
                crate::clock::today(),
                changed.join(", "),
            ))
        })
    }

    /// Records something done about an open incident. Field errors name `action.on` and
    /// `action.description`.
    pub fn add_incident_action(
        &self,
        id: i64,
        expected_version: i64,
        mut action: IncidentActionInput,
        actor: &str,
    ) -> Result<Incident> {
        tidy(&mut action.description);
        self.change_incident(id, expected_version, actor, |incident| {
            let mut checks = FieldChecks::new();
            checks.date("action.on", action.on);
            if action.on < incident.fields.aware_at.date_naive() {
                checks.date_order(
                    "action.on",
                    "awareAt",
                    format!(
                        "the action is dated {}, before the organisation became aware of the \
                         incident on {}",
                        action.on,
                        incident.fields.aware_at.date_naive()
                    ),
                );
            }
            checks.required("action.description", &action.description, LONG_TEXT);
            checks.finish()?;
            Ok((IncidentEventKind::Action, action.on, action.description))
        })
    }

    /// Records a report filed with an authority. Field errors name `filing.*`.
    pub fn add_incident_filing(
        &self,
        id: i64,
        expected_version: i64,
        mut filing: FilingInput,
        actor: &str,
    ) -> Result<Incident> {
        filing.tidy();
        let index = std::cell::Cell::new(0);
        self.change_incident(id, expected_version, actor, |incident| {
            index.set(incident.filings.len());
            let on = filing.filed_on;
            let note = [
                filing.phase.code(),
                filing.law.code(),
                filing.authority.as_str(),
                filing.reference_no.as_str(),
            ]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" · ");
            incident.filings.push(Filing {
                id: NEW_ID,
                fields: filing,
            });
            Ok((IncidentEventKind::Filed, on, note))
        })
        .map_err(|e| rename(e, &format!("filings[{}]", index.get()), "filing"))
    }

    /// Records a notice to persons (or the public announcement made instead). Field errors
    /// name `notice.*`.
    pub fn add_incident_notice(
        &self,
        id: i64,
        expected_version: i64,
        mut notice: NoticeInput,
        actor: &str,
    ) -> Result<Incident> {
        notice.tidy();
        let index = std::cell::Cell::new(0);
        self.change_incident(id, expected_version, actor, |incident| {
            index.set(incident.notices.len());
            let on = notice.notified_on;
            let note = format!("{} · {}", notice.method.code(), notice.persons);
            incident.notices.push(Notice {
                id: NEW_ID,
                fields: notice,
            });
            Ok((IncidentEventKind::PersonsNotified, on, note))
        })
        .map_err(|e| rename(e, &format!("notices[{}]", index.get()), "notice"))
    }

    /// Closes the incident. A closed incident is kept as it was closed.
    pub fn close_incident(
        &self,
        id: i64,
        expected_version: i64,
        closed_on: NaiveDate,
        mut note: String,
        actor: &str,
    ) -> Result<Incident> {
        tidy(&mut note);
        self.change_incident(id, expected_version, actor, |incident| {
            incident.closed_on = Some(closed_on);
            Ok((IncidentEventKind::Closed, closed_on, note))
        })
    }

    /// The report to the authority or the notice to persons, generated from the incident.
    pub fn incident_draft(
        &self,
        id: i64,
        kind: DraftKind,
        language: Language,
    ) -> Result<IncidentDraft> {
        self.read_all(|conn| draft_in(conn, id, kind, language))
    }

    /// Loads an open incident, checks the version, lets `change` apply the step and name its
    /// timeline entry, validates the whole incident, writes and audits it.
    fn change_incident(
        &self,
        id: i64,
        expected_version: i64,
        actor: &str,
        change: impl FnOnce(&mut Incident) -> Result<(IncidentEventKind, NaiveDate, String)>,
    ) -> Result<Incident> {
        self.write_all(|tx| {
            record::update(
                tx,
                actor,
                id,
                expected_version,
                |_, before: &Incident, after| {
                    if let Some(closed) = before.closed_on {
                        return Err(CoreError::Conflict(format!(
                            "incident {} was closed on {closed}; a closed incident is kept as it \
                         was closed",
                            before.fields.reference
                        )));
                    }
                    let (kind, on, note) = change(after)?;
                    Ok(
                        Change::default().then(move |incident: &mut Incident, now: &str| {
                            let on = on.max(incident.fields.aware_at.date_naive());
                            incident.timeline.push(event(kind, on, note, actor, now));
                        }),
                    )
                },
            )
        })
    }
}

fn event(
    kind: IncidentEventKind,
    on: NaiveDate,
    note: String,
    actor: &str,
    now: &str,
) -> IncidentEvent {
    IncidentEvent {
        id: NEW_ID,
        kind,
        on,
        note,
        actor: actor.to_owned(),
        recorded_at: now.to_owned(),
    }
}

fn rename(error: CoreError, from: &str, to: &str) -> CoreError {
    match error {
        CoreError::Validation(mut fields) => {
            crate::validation::rename_prefix(&mut fields, from, to);
            CoreError::Validation(fields)
        }
        other => other,
    }
}

/// The camelCase names of the input fields that differ, for the timeline.
fn changed_fields(before: &IncidentInput, after: &IncidentInput) -> Vec<String> {
    let (before, after) = (to_json(before), to_json(after));
    let (Some(before), Some(after)) = (before.as_object(), after.as_object()) else {
        return Vec::new();
    };
    after
        .iter()
        .filter(|(key, value)| before.get(*key) != Some(value))
        .map(|(key, _)| key.clone())
        .collect()
}

/// [`Register::incident_draft`] on an open connection, so that a printed draft and the chain
/// head printed beside it come from one register state.
pub(crate) fn draft_in(
    conn: &Connection,
    id: i64,
    kind: DraftKind,
    language: Language,
) -> Result<IncidentDraft> {
    let incident = record::load::<Incident>(conn, id)?;
    let organisation = store::organisation::get(conn)?;
    let mut holdings = Vec::new();
    for holding_id in &incident.fields.holding_ids {
        if let Some(h) = store::holdings::get(conn, *holding_id)? {
            holdings.push(format!("{} {}", h.fields.ledger_no, h.fields.name));
        }
    }
    let (name, contact) = organisation
        .as_ref()
        .map(|o| (o.profile.name.as_str(), o.profile.complaint_desk.as_str()))
        .unwrap_or_default();
    let entrustee_chain = match incident.fields.entrustee_id {
        Some(tier) => entrustee_chain(conn, tier, language)?,
        None => Vec::new(),
    };
    let context = DraftContext {
        organisation: name,
        holdings: &holdings,
        contact,
        entrustee_chain: &entrustee_chain,
    };
    let triage = breach::triage(&incident);
    Ok(match kind {
        DraftKind::Report => draft::report(&incident, &triage, &context, language),
        DraftKind::Notice => draft::notice(&incident, &triage, &context, language),
    })
}

/// A linked tier gives the entrusted party's name, as the tier is named when the incident is
/// written: the report quotes the party as it was known then, even if the tier is renamed.
fn name_entrustee(conn: &Connection, fields: &mut IncidentInput) -> Result<()> {
    if let Some(tier) = fields.entrustee_id {
        if let Some(subcontractor) = store::subcontractors::get(conn, tier)? {
            fields.entrusted_party = subcontractor.fields.name;
        }
    }
    Ok(())
}

/// The tier `tier` and the tiers that entrusted it, first tier first.
fn entrustee_chain(conn: &Connection, tier: i64, language: Language) -> Result<Vec<String>> {
    let mut chain = Vec::new();
    let mut next = Some(tier);
    // Parent loops are refused on write; the bound keeps a damaged register from hanging here.
    while let Some(id) = next.filter(|_| chain.len() < 64) {
        let Some(subcontractor) = store::subcontractors::get(conn, id)? else {
            break;
        };
        let fields = subcontractor.fields;
        chain.push(if id != tier || fields.address.is_empty() {
            fields.name
        } else if language == Language::Ja {
            format!("{}（{}）", fields.name, fields.address)
        } else {
            format!("{} ({})", fields.name, fields.address)
        });
        next = fields.parent_id;
    }
    chain.reverse();
    Ok(chain)
}

/// The whole-record rules plus those that need the register: the holdings exist and the
/// reference is free.
pub(crate) fn incident_checks(
    conn: &Connection,
    incident: &Incident,
    id: Option<i64>,
) -> Result<FieldChecks> {
    let mut checks = FieldChecks::new();
    incident.collect_errors(&mut checks);
    holdings_exist(conn, &incident.fields.holding_ids, &mut checks)?;
    if let Some(tier) = incident.fields.entrustee_id {
        if store::subcontractors::get(conn, tier)?.is_none() {
            checks.fail_with(
                "entrusteeId",
                FieldErrorCode::Malformed,
                format!("subcontractor {tier} does not exist"),
            );
        }
    }
    let reference = &incident.fields.reference;
    if !reference.is_empty()
        && !checks.has_error_for("reference")
        && store::INCIDENT_REFERENCES.is_taken(conn, reference, id)?
    {
        checks.fail("reference", FieldErrorCode::Duplicate, None);
    }
    Ok(checks)
}

pub(crate) fn incident_view(incident: Incident, today: NaiveDate) -> Result<IncidentView> {
    let triage = breach::triage(&incident);
    let deadlines = breach::deadlines(&incident, &triage, today).map_err(|e| {
        CoreError::Integrity(format!("incident {}: {e}", incident.fields.reference))
    })?;
    let open = incident.is_open();
    let pending = deadlines
        .iter()
        .filter(|d| matches!(d.state, DeadlineState::Pending | DeadlineState::Overdue));
    let next_due = if open {
        pending.clone().map(|d| d.deadline.due).min()
    } else {
        None
    };
    let overdue = open && pending.clone().any(|d| d.state == DeadlineState::Overdue);
    let aware = incident.fields.aware_at.date_naive();
    let end = incident.closed_on.unwrap_or(today);
    Ok(IncidentView {
        days_open: (end - aware).num_days().max(0),
        next_due,
        overdue,
        open,
        deadlines,
        triage,
        incident,
    })
}

impl Record for Incident {
    fn search_docs(&self) -> Vec<SearchDoc> {
        let f = &self.fields;
        vec![SearchDoc::new(
            "incident",
            search::join(&[&f.reference, &f.title]),
            f.aware_department.clone(),
        )
        .with([
            &f.summary,
            &f.cause,
            &f.entrusted_party,
            &f.responses_to_persons,
            &f.prevention,
            &f.other,
        ])
        .with(self.timeline.iter().map(|e| &e.note))]
    }
    const ENTITY: Entity = Entity::Incident;
    const NAME: &'static str = "incident";
    record_basics!(label: reference, numbered: reference by store::INCIDENT_REFERENCES);
    stored_with_children!(incidents);
    fn checks(&self, conn: &Connection, before: Option<&Self>) -> Result<FieldChecks> {
        incident_checks(conn, self, before.map(|b| b.id))
    }
    /// The entrusted party is named as the tier is named when the incident is written.
    fn complete(&mut self, conn: &Connection) -> Result<()> {
        name_entrustee(conn, &mut self.fields)
    }
}
