//! Requests through the register: intake, the steps of the state machine, pauses and
//! extensions, the organisation's deadline settings, and the deadlines and agenda computed for
//! a given day. Every write validates the whole request after the change, appends its timeline
//! entries and one audit entry in the same transaction.

use crate::audit::Entity;
use crate::deadline::{
    gdpr_response, private_litigation_line, private_target, public_decision, public_filing_limit,
    public_large_volume, Deadline, DeadlineError, PauseInterval,
};
use crate::error::{CoreError, FieldErrorCode, Result};
use crate::model::agenda::{Agenda, AgendaItem, AgendaKind, DUE_SOON_DAYS};
use crate::model::deadline_settings::DeadlineSettingsInput;
use crate::model::organisation::{Organisation, Regime};
use crate::model::request::{
    DeadlineState, Decision, DecisionOutcome, Extension, LargeVolumeNotice, Notification,
    PauseInput, Request, RequestDeadline, RequestEvent, RequestEventKind, RequestInput,
    RequestPause, RequestRules, RequestStatus, RequestStep, RequestTrack, RequestType, RequestView,
};
use crate::model::search::{self, SearchDoc};
use crate::register::holdings::holdings_exist;
use crate::register::organisation::effective_settings;
use crate::register::record::{self, record_basics, stored_with_children, Change, Record, NEW_ID};
use crate::register::Register;
use crate::store;
use crate::validation::{rename_prefix, tidy, FieldChecks, LONG_TEXT};
use chrono::NaiveDate;
use rusqlite::Connection;

/// A timeline entry a step adds: what, on which day, with what note.
type Step = (RequestEventKind, NaiveDate, String);

impl Register {
    // --- requests -----------------------------------------------------------------------

    /// The request types the organisation receives under its regime; empty before the
    /// organisation profile is entered.
    pub fn request_types(&self) -> Result<Vec<RequestType>> {
        self.read_all(|conn| {
            Ok(store::organisation::get(conn)?
                .map(|o| RequestType::available(o.profile.regime, o.profile.gdpr_applies))
                .unwrap_or_default())
        })
    }

    /// Every request, newest first, with its deadlines as they stand on `today`.
    pub fn requests(&self, today: NaiveDate) -> Result<Vec<RequestView>> {
        self.read_all(|conn| {
            let settings = effective_settings(conn)?;
            store::requests::list(conn)?
                .into_iter()
                .map(|r| request_view(r, &settings, today))
                .collect()
        })
    }

    pub fn request(&self, id: i64, today: NaiveDate) -> Result<RequestView> {
        self.read_all(|conn| {
            let settings = effective_settings(conn)?;
            request_view(record::load::<Request>(conn, id)?, &settings, today)
        })
    }

    /// Records a request as received. The organisation profile must exist: the request's
    /// track, and so its deadlines and refusal grounds, follow from the regime.
    pub fn create_request(&self, mut input: RequestInput, actor: &str) -> Result<Request> {
        input.tidy();
        self.write_all(|tx| {
            let organisation = require_organisation(tx)?;
            let (track, refusal) = track_for(&organisation, input.request_type);
            let now = crate::clock::now();
            let received_on = input.received_on;
            let request = Request {
                id: NEW_ID,
                fields: input,
                track,
                status: RequestStatus::Received,
                identity: None,
                pauses: Vec::new(),
                extension: None,
                large_volume: None,
                decision: None,
                notification: None,
                closed_on: None,
                timeline: vec![RequestEvent {
                    id: NEW_ID,
                    kind: RequestEventKind::Received,
                    on: received_on,
                    status: RequestStatus::Received,
                    note: String::new(),
                    actor: actor.to_owned(),
                    recorded_at: now.clone(),
                }],
                version: 1,
                created_at: now.clone(),
                updated_at: now,
            };
            let mut errors = FieldChecks::new();
            if let Some(message) = refusal {
                errors.fail_with("requestType", FieldErrorCode::NotInRegime, message);
            }
            record::create(tx, actor, request, Change::with_errors(errors))
        })
    }

    /// Corrects the intake details of an open request. A changed type is placed on the track
    /// the organisation's current regime gives it; a changed date of receipt is noted on the
    /// timeline.
    pub fn update_request(
        &self,
        id: i64,
        expected_version: i64,
        mut input: RequestInput,
        actor: &str,
    ) -> Result<Request> {
        input.tidy();
        self.change_request(id, expected_version, actor, None, |conn, request| {
            refuse_if_ended(request, "edited")?;
            let mut refusal = None;
            if input.request_type != request.fields.request_type {
                let organisation = require_organisation(conn)?;
                let (track, message) = track_for(&organisation, input.request_type);
                request.track = track;
                refusal = message;
            }
            if input.reference.is_empty() {
                input.reference = request.fields.reference.clone();
            }
            let mut steps = Vec::new();
            let old_date = request.fields.received_on;
            if input.received_on != old_date {
                steps.push((
                    RequestEventKind::ReceiptDateCorrected,
                    input.received_on,
                    format!("{old_date} → {}", input.received_on),
                ));
            }
            request.fields = input;
            Ok((steps, refusal))
        })
    }

    /// Takes one step of the state machine. A step out of turn (deciding before the identity
    /// is confirmed, closing before the answer) is refused with [`CoreError::Conflict`]; dates
    /// out of order with a field error naming the field.
    pub fn advance_request(
        &self,
        id: i64,
        expected_version: i64,
        step: RequestStep,
        actor: &str,
    ) -> Result<Request> {
        let rename = match &step {
            RequestStep::Withdraw { .. } => Some(("closedOn", "withdrawnOn")),
            _ => None,
        };
        self.change_request(id, expected_version, actor, rename, |_, request| {
            let steps = take_step(request, step)?;
            Ok((steps, None))
        })
    }

    pub fn record_decision(
        &self,
        id: i64,
        expected_version: i64,
        decision: Decision,
        actor: &str,
    ) -> Result<Request> {
        self.advance_request(
            id,
            expected_version,
            RequestStep::Decide { decision },
            actor,
        )
    }

    pub fn record_notification(
        &self,
        id: i64,
        expected_version: i64,
        notification: Notification,
        actor: &str,
    ) -> Result<Request> {
        let step = RequestStep::Notify { notification };
        self.advance_request(id, expected_version, step, actor)
    }

    pub fn close_request(
        &self,
        id: i64,
        expected_version: i64,
        closed_on: NaiveDate,
        actor: &str,
    ) -> Result<Request> {
        self.advance_request(
            id,
            expected_version,
            RequestStep::Close { closed_on },
            actor,
        )
    }

    pub fn withdraw_request(
        &self,
        id: i64,
        expected_version: i64,
        withdrawn_on: NaiveDate,
        reason: String,
        actor: &str,
    ) -> Result<Request> {
        let step = RequestStep::Withdraw {
            withdrawn_on,
            reason,
        };
        self.advance_request(id, expected_version, step, actor)
    }

    /// Stops the clock from `pause.from`; leave `to` empty while still waiting. Only before the
    /// decision: afterwards the period is spent.
    pub fn add_request_pause(
        &self,
        id: i64,
        expected_version: i64,
        mut pause: PauseInput,
        actor: &str,
    ) -> Result<Request> {
        pause.tidy();
        let mut index = 0;
        self.change_request(id, expected_version, actor, None, |_, request| {
            refuse_after_decision(request, "paused")?;
            let mut steps = vec![(RequestEventKind::Paused, pause.from, pause.note.clone())];
            if let Some(to) = pause.to {
                steps.push((RequestEventKind::Resumed, to, String::new()));
            }
            index = request.pauses.len();
            request.pauses.push(RequestPause {
                id: NEW_ID,
                from: pause.from,
                to: pause.to,
                reason: pause.reason,
                note: pause.note,
            });
            Ok((steps, None))
        })
        .map_err(|e| rename_pause_errors(e, index))
    }

    /// Records the day an open pause ended (the documents or the correction arrived).
    pub fn end_request_pause(
        &self,
        id: i64,
        expected_version: i64,
        pause_id: i64,
        to: NaiveDate,
        actor: &str,
    ) -> Result<Request> {
        let mut index = 0;
        self.change_request(id, expected_version, actor, None, |_, request| {
            let reference = request.fields.reference.clone();
            let (i, pause) = find_pause(request, pause_id)?;
            if let Some(ended) = pause.to {
                return Err(CoreError::Conflict(format!(
                    "the pause of request {reference} from {} already ended on {ended}",
                    pause.from
                )));
            }
            index = i;
            pause.to = Some(to);
            Ok((vec![(RequestEventKind::Resumed, to, String::new())], None))
        })
        .map_err(|e| rename_pause_errors(e, index))
    }

    /// Removes a pause entered in error. The timeline keeps the pause and notes its removal.
    pub fn remove_request_pause(
        &self,
        id: i64,
        expected_version: i64,
        pause_id: i64,
        actor: &str,
    ) -> Result<Request> {
        self.change_request(id, expected_version, actor, None, |_, request| {
            refuse_after_decision(request, "changed")?;
            let (i, pause) = find_pause(request, pause_id)?;
            let until = pause
                .to
                .map_or_else(|| "open".to_owned(), |d| d.to_string());
            let note = format!("{} – {until}", pause.from);
            request.pauses.remove(i);
            let today = crate::clock::today();
            Ok((vec![(RequestEventKind::PauseRemoved, today, note)], None))
        })
    }

    /// Records an extension of the period (public bodies, GDPR), or removes one entered in
    /// error (`None`). The notice must fall within the original period: a later notice does
    /// not extend it.
    pub fn set_request_extension(
        &self,
        id: i64,
        expected_version: i64,
        extension: Option<Extension>,
        actor: &str,
    ) -> Result<Request> {
        let extension = extension.map(|mut e| {
            e.tidy();
            e
        });
        self.change_request(id, expected_version, actor, None, |conn, request| {
            let reference = request.fields.reference.clone();
            refuse_after_decision(request, "extended")?;
            let settings = effective_settings(conn)?;
            let rules = RequestRules::for_request(request.track, request.fields.request_type);
            let Some(extension) = extension else {
                if request.extension.take().is_none() {
                    return Err(CoreError::Conflict(format!(
                        "request {reference} has no extension to remove"
                    )));
                }
                let today = crate::clock::today();
                let step = (RequestEventKind::ExtensionRemoved, today, String::new());
                return Ok((vec![step], None));
            };
            if !rules.extension_allowed {
                return Err(CoreError::Conflict(format!(
                    "request {reference} cannot be extended: a private operator's period is \
                     its own target for answering without delay, and the Act provides no \
                     extension (the requester may sue two weeks after the request, art. 39)"
                )));
            }
            if let Some(large_volume) = &request.large_volume {
                return Err(CoreError::Conflict(format!(
                    "request {reference} is on the large-volume special track (art. 84, notified \
                     on {}); a request is either extended or on the special track, not both — \
                     remove the special track first if it was entered in error",
                    large_volume.notified_on
                )));
            }
            let mut unextended = request.clone();
            unextended.extension = None;
            let original = office_deadline(&unextended, &settings, extension.notified_on)
                .map_err(|e| deadline_error(&reference, e))?;
            if let Some(original) = original.filter(|d| extension.notified_on > d.due) {
                let mut checks = FieldChecks::new();
                // Compared with a computed deadline, not a field: the UI names it.
                checks.date_order(
                    "extension.notifiedOn",
                    "deadline",
                    format!(
                        "the extension must be notified by {}, the last day of the original \
                         period; notified on {} it does not extend the period",
                        original.due, extension.notified_on
                    ),
                );
                checks.finish()?;
            }
            let step = (
                RequestEventKind::Extended,
                extension.notified_on,
                extension.reason.clone(),
            );
            request.extension = Some(extension);
            Ok((vec![step], None))
        })
    }

    /// Records that the large-volume special track applies (開示決定等の期限の特例, art. 84),
    /// or removes a notice entered in error (`None`). Only a public body's disclosure request,
    /// before its decision and without an ordinary extension. The notice must fall within the
    /// ordinary period, and the rest must be due after the substantial part.
    pub fn set_request_large_volume(
        &self,
        id: i64,
        expected_version: i64,
        large_volume: Option<LargeVolumeNotice>,
        actor: &str,
    ) -> Result<Request> {
        let large_volume = large_volume.map(|mut l| {
            l.tidy();
            l
        });
        self.change_request(id, expected_version, actor, None, |conn, request| {
            let reference = request.fields.reference.clone();
            refuse_after_decision(request, "put on the large-volume special track")?;
            let Some(large_volume) = large_volume else {
                if request.large_volume.take().is_none() {
                    return Err(CoreError::Conflict(format!(
                        "request {reference} is not on the large-volume special track"
                    )));
                }
                let today = crate::clock::today();
                let step = (RequestEventKind::LargeVolumeRemoved, today, String::new());
                return Ok((vec![step], None));
            };
            let rules = RequestRules::for_request(request.track, request.fields.request_type);
            if !rules.large_volume_allowed {
                return Err(CoreError::Conflict(format!(
                    "request {reference} cannot use the large-volume special track: art. 84 \
                     applies only to a public body (national organ or local government) \
                     answering a disclosure request; this is a {} request of {}",
                    request.fields.request_type.label(),
                    request.track.label()
                )));
            }
            if let Some(extension) = &request.extension {
                return Err(CoreError::Conflict(format!(
                    "request {reference} was already extended (notified on {}); a request is \
                     either extended or on the large-volume special track, not both — remove \
                     the extension first if it was entered in error",
                    extension.notified_on
                )));
            }
            let settings = effective_settings(conn)?;
            let mut ordinary = request.clone();
            ordinary.large_volume = None;
            let original = office_deadline(&ordinary, &settings, large_volume.notified_on)
                .map_err(|e| deadline_error(&reference, e))?;
            let mut checks = FieldChecks::new();
            if let Some(original) = original.filter(|d| large_volume.notified_on > d.due) {
                checks.date_order(
                    "largeVolume.notifiedOn",
                    "deadline",
                    format!(
                        "the special track must be notified by {}, the last day of the ordinary \
                         period; notified on {} it does not apply",
                        original.due, large_volume.notified_on
                    ),
                );
            }
            if large_volume.notified_on >= request.fields.received_on {
                let calendar = settings
                    .calendar()
                    .map_err(|e| deadline_error(&reference, e))?;
                let periods = settings.public_periods(request.track);
                let pauses = pause_intervals(request, large_volume.notified_on);
                let track = public_large_volume(
                    request.fields.received_on,
                    &pauses,
                    &periods,
                    None,
                    &calendar,
                )
                .map_err(|e| deadline_error(&reference, e))?;
                let part = track.substantial_part.due;
                if large_volume.remainder_by <= part {
                    checks.date_order(
                        "largeVolume.remainderBy",
                        "deadline",
                        format!(
                            "the rest must be due after {part}, the last day for deciding a \
                             substantial part; {} is not later",
                            large_volume.remainder_by
                        ),
                    );
                }
            }
            checks.finish()?;
            let step = (
                RequestEventKind::LargeVolumeNotified,
                large_volume.notified_on,
                large_volume.reason.clone(),
            );
            request.large_volume = Some(large_volume);
            Ok((vec![step], None))
        })
    }

    // --- agenda -------------------------------------------------------------------------

    /// Open requests by their next deadline (overdue first), then open complaints and answered
    /// requests awaiting closure, oldest first.
    pub fn agenda(&self, today: NaiveDate) -> Result<Agenda> {
        self.read_all(|conn| {
            let settings = effective_settings(conn)?;
            let mut items = Vec::new();
            for request in store::requests::list(conn)? {
                if !request.status.is_open() {
                    continue;
                }
                let view = request_view(request, &settings, today)?;
                let mut deadlines: Vec<RequestDeadline> = view
                    .deadlines
                    .into_iter()
                    .filter(|d| matches!(d.state, DeadlineState::Pending | DeadlineState::Overdue))
                    .collect();
                deadlines.sort_by_key(|d| d.deadline.due);
                let r = view.request;
                items.push(AgendaItem {
                    kind: AgendaKind::Request,
                    id: r.id,
                    reference: r.fields.reference,
                    label: r.fields.requester_name,
                    request_type: Some(r.fields.request_type),
                    request_status: Some(r.status),
                    received_on: r.fields.received_on,
                    days_open: view.days_open,
                    next_due: deadlines.first().map(|d| d.deadline.due),
                    deadlines,
                    overdue: view.overdue,
                    due_this_week: view.due_this_week,
                    paused: view.paused,
                    department: None,
                    became_due: false,
                });
            }
            for complaint in store::complaints::list(conn)? {
                if !complaint.is_open() {
                    continue;
                }
                let days_open = days_between(complaint.fields.received_on, today);
                items.push(AgendaItem {
                    kind: AgendaKind::Complaint,
                    id: complaint.id,
                    reference: complaint.fields.reference,
                    label: complaint.fields.subject,
                    request_type: None,
                    request_status: None,
                    received_on: complaint.fields.received_on,
                    days_open,
                    deadlines: Vec::new(),
                    next_due: None,
                    overdue: false,
                    due_this_week: false,
                    paused: false,
                    department: None,
                    became_due: false,
                });
            }
            for view in store::incidents::list(conn)?
                .into_iter()
                .filter(|i| i.is_open())
                .map(|i| crate::register::incidents::incident_view(i, today))
            {
                let view = view?;
                let mut deadlines: Vec<RequestDeadline> = view
                    .deadlines
                    .into_iter()
                    .filter(|d| matches!(d.state, DeadlineState::Pending | DeadlineState::Overdue))
                    .collect();
                deadlines.sort_by_key(|d| d.deadline.due);
                let i = view.incident;
                items.push(AgendaItem {
                    kind: AgendaKind::Incident,
                    id: i.id,
                    reference: i.fields.reference,
                    label: i.fields.title,
                    request_type: None,
                    request_status: None,
                    received_on: i.fields.aware_at.date_naive(),
                    days_open: view.days_open,
                    next_due: view.next_due,
                    due_this_week: deadlines
                        .iter()
                        .any(|d| (0..DUE_SOON_DAYS).contains(&d.days_left)),
                    deadlines,
                    overdue: view.overdue,
                    paused: false,
                    department: None,
                    became_due: false,
                });
            }
            items.sort_by(|a, b| {
                let key = |i: &AgendaItem| (i.next_due.is_none(), i.next_due, i.received_on);
                key(a)
                    .cmp(&key(b))
                    .then_with(|| a.reference.cmp(&b.reference))
            });
            Ok(Agenda {
                today,
                since: None,
                items,
            })
        })
    }

    /// Loads the request, checks the version, lets `change` apply the step, then validates
    /// the whole request, writes it with the step's timeline entries, and audits it.
    /// `rename` moves field errors from a record path to the submitted form's path.
    fn change_request(
        &self,
        id: i64,
        expected_version: i64,
        actor: &str,
        rename: Option<(&str, &str)>,
        change: impl FnOnce(&Connection, &mut Request) -> Result<(Vec<Step>, Option<String>)>,
    ) -> Result<Request> {
        self.write_all(|tx| {
            record::update(
                tx,
                actor,
                id,
                expected_version,
                |conn, _, request: &mut Request| {
                    let (steps, type_refusal) = change(conn, request)?;
                    let mut errors = FieldChecks::new();
                    if let Some(message) = type_refusal {
                        errors.fail_with("requestType", FieldErrorCode::NotInRegime, message);
                    }
                    Ok(Change {
                        errors,
                        rename,
                        then: None,
                    }
                    .then(move |request: &mut Request, now: &str| {
                        for (kind, on, note) in steps {
                            request.timeline.push(RequestEvent {
                                id: NEW_ID,
                                kind,
                                on,
                                status: request.status,
                                note,
                                actor: actor.to_owned(),
                                recorded_at: now.to_owned(),
                            });
                        }
                    }))
                },
            )
        })
    }
}

/// The whole-record rules plus those that need the register: the holdings exist and the
/// reference is free. Returned unfinished so the caller can add or rename errors.
pub(crate) fn request_checks(
    conn: &Connection,
    request: &Request,
    id: Option<i64>,
) -> Result<FieldChecks> {
    let mut checks = FieldChecks::new();
    request.collect_errors(&mut checks);
    holdings_exist(conn, &request.fields.holding_ids, &mut checks)?;
    let reference = &request.fields.reference;
    if !reference.is_empty()
        && !checks.has_error_for("reference")
        && store::REQUEST_REFERENCES.is_taken(conn, reference, id)?
    {
        checks.fail("reference", FieldErrorCode::Duplicate, None);
    }
    Ok(checks)
}

fn require_organisation(conn: &Connection) -> Result<Organisation> {
    store::organisation::get(conn)?.ok_or_else(|| {
        CoreError::Conflict(
            "enter the organisation profile first: a request's deadlines and refusal grounds \
             follow from the organisation's regime"
                .to_owned(),
        )
    })
}

/// The track for `request_type` under the organisation's regime, or, when the regime does not
/// provide for it, a stand-in track (so the rest of the form is still checked) and the reason.
fn track_for(
    organisation: &Organisation,
    request_type: RequestType,
) -> (RequestTrack, Option<String>) {
    let profile = &organisation.profile;
    if let Some(track) =
        RequestTrack::for_request(profile.regime, profile.gdpr_applies, request_type)
    {
        return (track, None);
    }
    let label = request_type.label();
    let (stand_in, reason) = if request_type.is_gdpr() {
        (
            RequestTrack::Gdpr,
            format!(
                "a {label} request applies only where the GDPR does; mark the organisation as \
                 subject to the GDPR in its profile first"
            ),
        )
    } else if profile.regime == Regime::GdprController {
        (
            RequestTrack::PrivateOperator,
            format!(
                "a {label} request is an APPI request, and the organisation is registered as a \
                 GDPR controller outside the Japanese regimes"
            ),
        )
    } else {
        (
            RequestTrack::PrivateOperator,
            format!(
                "public bodies receive no {label} requests: APPI chapter V provides for \
                 disclosure, correction and suspension only"
            ),
        )
    };
    (stand_in, Some(reason))
}

fn refuse_if_ended(request: &Request, verb: &str) -> Result<()> {
    if request.status.is_open() {
        return Ok(());
    }
    Err(CoreError::Conflict(format!(
        "request {} was {} on {}; an ended request is kept as it ended and cannot be {verb}",
        request.fields.reference,
        request.status.label(),
        request
            .closed_on
            .map_or_else(String::new, |d| d.to_string()),
    )))
}

fn refuse_after_decision(request: &Request, verb: &str) -> Result<()> {
    refuse_if_ended(request, verb)?;
    match &request.decision {
        Some(decision) if !request.status.is_before_decision() => {
            Err(CoreError::Conflict(format!(
                "request {} was decided on {}; its period is spent and cannot be {verb}",
                request.fields.reference, decision.decided_on
            )))
        }
        _ => Ok(()),
    }
}

fn find_pause(request: &mut Request, pause_id: i64) -> Result<(usize, &mut RequestPause)> {
    request
        .pauses
        .iter_mut()
        .enumerate()
        .find(|(_, p)| p.id == pause_id)
        .ok_or(CoreError::NotFound {
            entity: "pause",
            id: pause_id.to_string(),
        })
}

/// Field errors about the pause being added or ended are reported under `pause.`, the form
/// the officer filled in, rather than its index in the record.
fn rename_pause_errors(error: CoreError, index: usize) -> CoreError {
    match error {
        CoreError::Validation(mut fields) => {
            rename_prefix(&mut fields, &format!("pauses[{index}]"), "pause");
            CoreError::Validation(fields)
        }
        other => other,
    }
}

/// The state machine. Each arm refuses a step out of turn in words an officer can act on,
/// applies the step, and returns the timeline entries it adds.
fn take_step(request: &mut Request, step: RequestStep) -> Result<Vec<Step>> {
    let reference = request.fields.reference.clone();
    let status = request.status;
    let out_of_turn = |message: String| Err(CoreError::Conflict(message));
    let ended = |request: &Request| -> Result<Vec<Step>> {
        refuse_if_ended(request, "changed")?;
        Ok(Vec::new())
    };
    match step {
        RequestStep::StartIdentityCheck { on } => {
            if status != RequestStatus::Received {
                ended(request)?;
                return out_of_turn(format!(
                    "request {reference} is already past the identity check (it is at “{}”)",
                    status.label()
                ));
            }
            let mut checks = FieldChecks::new();
            checks.date("on", on);
            if on < request.fields.received_on {
                checks.date_order(
                    "on",
                    "receivedOn",
                    format!(
                        "the identity check cannot start on {on}, before the request was \
                         received on {}",
                        request.fields.received_on
                    ),
                );
            }
            checks.finish()?;
            request.status = RequestStatus::IdentityCheck;
            Ok(vec![(
                RequestEventKind::IdentityCheckStarted,
                on,
                String::new(),
            )])
        }
        RequestStep::ConfirmIdentity { mut identity } => {
            if !matches!(
                status,
                RequestStatus::Received | RequestStatus::IdentityCheck
            ) {
                ended(request)?;
                return out_of_turn(format!(
                    "the identity of request {reference}'s requester was already confirmed{}",
                    request
                        .identity
                        .as_ref()
                        .map_or_else(String::new, |i| format!(" on {}", i.checked_on))
                ));
            }
            identity.tidy();
            let on = identity.checked_on;
            request.identity = Some(identity);
            request.status = RequestStatus::UnderReview;
            Ok(vec![(
                RequestEventKind::IdentityConfirmed,
                on,
                String::new(),
            )])
        }
        RequestStep::Decide { mut decision } => {
            match status {
                RequestStatus::UnderReview => {}
                RequestStatus::Received | RequestStatus::IdentityCheck => {
                    return out_of_turn(format!(
                        "request {reference} cannot be decided before the requester's identity \
                         is confirmed (it is at “{}”); record the identity check first",
                        status.label()
                    ))
                }
                RequestStatus::Decided | RequestStatus::Notified => {
                    return out_of_turn(format!(
                        "request {reference} was already decided on {}",
                        request
                            .decision
                            .as_ref()
                            .map_or_else(String::new, |d| d.decided_on.to_string())
                    ))
                }
                RequestStatus::Closed | RequestStatus::Withdrawn => return ended(request),
            }
            if let Some(pause) = request.open_pause() {
                return out_of_turn(format!(
                    "request {reference} is paused (waiting since {}); record the day the pause \
                     ended before deciding",
                    pause.from
                ));
            }
            decision.tidy();
            let on = decision.decided_on;
            request.decision = Some(decision);
            request.status = RequestStatus::Decided;
            Ok(vec![(RequestEventKind::Decided, on, String::new())])
        }
        RequestStep::Notify { notification } => {
            match status {
                RequestStatus::Decided => {}
                RequestStatus::Notified => {
                    return out_of_turn(format!(
                        "request {reference} was already answered on {}",
                        request
                            .notification
                            .as_ref()
                            .map_or_else(String::new, |n| n.responded_on.to_string())
                    ))
                }
                RequestStatus::Closed | RequestStatus::Withdrawn => return ended(request),
                _ => {
                    return out_of_turn(format!(
                        "request {reference} has no decision to notify yet (it is at “{}”); \
                         record the decision first",
                        status.label()
                    ))
                }
            }
            let on = notification.responded_on;
            request.notification = Some(notification);
            request.status = RequestStatus::Notified;
            Ok(vec![(RequestEventKind::Notified, on, String::new())])
        }
        RequestStep::Close { closed_on } => {
            match status {
                RequestStatus::Notified => {}
                RequestStatus::Closed | RequestStatus::Withdrawn => return ended(request),
                _ => {
                    return out_of_turn(format!(
                        "request {reference} cannot be closed before its decision has been \
                         notified to the requester (it is at “{}”)",
                        status.label()
                    ))
                }
            }
            request.closed_on = Some(closed_on);
            request.status = RequestStatus::Closed;
            Ok(vec![(RequestEventKind::Closed, closed_on, String::new())])
        }
        RequestStep::Withdraw {
            withdrawn_on,
            mut reason,
        } => {
            match status {
                RequestStatus::Notified => {
                    return out_of_turn(format!(
                        "request {reference} was already answered; close it instead of \
                         withdrawing it"
                    ))
                }
                RequestStatus::Closed | RequestStatus::Withdrawn => return ended(request),
                _ => {}
            }
            tidy(&mut reason);
            let mut checks = FieldChecks::new();
            checks.max_len("reason", &reason, LONG_TEXT);
            checks.finish()?;
            let mut steps = Vec::new();
            if let Some(pause) = request
                .pauses
                .iter_mut()
                .find(|p| p.to.is_none() && p.from <= withdrawn_on)
            {
                // Waiting ends with the request: a withdrawn request waits for nothing.
                pause.to = Some(withdrawn_on);
                steps.push((RequestEventKind::Resumed, withdrawn_on, String::new()));
            }
            request.closed_on = Some(withdrawn_on);
            request.status = RequestStatus::Withdrawn;
            steps.push((RequestEventKind::Withdrawn, withdrawn_on, reason));
            Ok(steps)
        }
    }
}

// --- deadlines ----------------------------------------------------------------------------

fn deadline_error(reference: &str, error: DeadlineError) -> CoreError {
    CoreError::Conflict(format!(
        "the deadlines of request {reference} cannot be computed: {error}; check the closure \
         days in the deadline settings"
    ))
}

/// The pauses as the engine counts them; an open pause is counted as if it ended on `today`.
fn pause_intervals(request: &Request, today: NaiveDate) -> Vec<PauseInterval> {
    request
        .pauses
        .iter()
        .map(|p| PauseInterval {
            from: p.from,
            to: p.to.unwrap_or_else(|| today.max(p.from)),
        })
        .collect()
}

/// The office's own deadline for the request (the decision or answer it owes), as it stands
/// with its pauses counted up to `today`; `None` for a withdrawn request.
fn office_deadline(
    request: &Request,
    settings: &DeadlineSettingsInput,
    today: NaiveDate,
) -> Result<Option<Deadline>, DeadlineError> {
    Ok(deadlines_of(request, settings, today)?
        .into_iter()
        .next()
        .map(|(deadline, _, _)| deadline))
}

/// Each deadline of the request, with the day its duty was met and whether it is only the
/// requester's line. The office's main deadline comes first.
fn deadlines_of(
    request: &Request,
    settings: &DeadlineSettingsInput,
    today: NaiveDate,
) -> Result<Vec<(Deadline, Option<NaiveDate>, bool)>, DeadlineError> {
    if request.status == RequestStatus::Withdrawn {
        return Ok(Vec::new());
    }
    let received = request.fields.received_on;
    let pauses = pause_intervals(request, today);
    let extended = request.extension.is_some();
    let answered = request.notification.as_ref().map(|n| n.responded_on);
    let mut deadlines = Vec::new();
    match request.track {
        RequestTrack::PrivateOperator => {
            let target = private_target(received, &pauses, settings.private_target_days)?;
            deadlines.push((target, answered, false));
            deadlines.push((private_litigation_line(received)?, answered, false));
        }
        RequestTrack::NationalOrgan
        | RequestTrack::LocalGovernment
        | RequestTrack::IncorporatedAgency => {
            let calendar = settings.calendar()?;
            let periods = settings.public_periods(request.track);
            let decided = request.decision.as_ref().map(|d| d.decided_on);
            if let Some(large_volume) = &request.large_volume {
                // The notice is met the day it was given; the decision recorded meets both
                // the substantial part and the rest.
                let remainder_by = Some(large_volume.remainder_by);
                let track =
                    public_large_volume(received, &pauses, &periods, remainder_by, &calendar)?;
                deadlines.push((track.notice, Some(large_volume.notified_on), false));
                deadlines.push((track.substantial_part, decided, false));
                if let Some(remainder) = track.remainder {
                    deadlines.push((remainder, decided, false));
                }
            } else {
                let decision = public_decision(received, &pauses, &periods, extended, &calendar)?;
                deadlines.push((decision, decided, false));
            }
            let disclosed = request.fields.request_type == RequestType::Disclosure
                && request.decision.as_ref().is_some_and(|d| {
                    matches!(d.outcome, DecisionOutcome::Full | DecisionOutcome::Partial)
                });
            // The answer's date stands in for the day the requester received the disclosure,
            // from which the 90 days to ask for a correction or suspension run.
            if let Some(answered) = answered.filter(|_| disclosed) {
                deadlines.push((public_filing_limit(answered, &calendar)?, None, true));
            }
        }
        RequestTrack::Gdpr => {
            let calendar = settings.calendar()?;
            deadlines.push((
                gdpr_response(received, extended, &calendar)?,
                answered,
                false,
            ));
        }
    }
    Ok(deadlines)
}

fn days_between(from: NaiveDate, to: NaiveDate) -> i64 {
    (to - from).num_days().max(0)
}

pub(crate) fn request_view(
    request: Request,
    settings: &DeadlineSettingsInput,
    today: NaiveDate,
) -> Result<RequestView> {
    let computed = deadlines_of(&request, settings, today)
        .map_err(|e| deadline_error(&request.fields.reference, e))?;
    let deadlines: Vec<RequestDeadline> = computed
        .into_iter()
        .map(|(deadline, met_on, informational)| {
            let state = if informational {
                DeadlineState::Informational
            } else if met_on.is_some() {
                DeadlineState::Met
            } else if today > deadline.due {
                DeadlineState::Overdue
            } else {
                DeadlineState::Pending
            };
            RequestDeadline {
                days_left: (deadline.due - today).num_days(),
                deadline,
                state,
                met_on,
            }
        })
        .collect();
    let open = request.status.is_open();
    let end = request.closed_on.unwrap_or(today);
    let paused = open
        && request
            .pauses
            .iter()
            .any(|p| p.from <= today && p.to.is_none_or(|to| to >= today));
    Ok(RequestView {
        days_open: days_between(request.fields.received_on, end),
        overdue: deadlines.iter().any(|d| d.state == DeadlineState::Overdue),
        due_this_week: deadlines
            .iter()
            .any(|d| d.state == DeadlineState::Pending && d.days_left < DUE_SOON_DAYS),
        paused,
        rules: RequestRules::for_request(request.track, request.fields.request_type),
        deadlines,
        request,
    })
}

impl Record for Request {
    const ENTITY: Entity = Entity::Request;
    const NAME: &'static str = "request";
    record_basics!(label: reference, numbered: reference by store::REQUEST_REFERENCES);
    stored_with_children!(requests);
    fn checks(&self, conn: &Connection, before: Option<&Self>) -> Result<FieldChecks> {
        request_checks(conn, self, before.map(|b| b.id))
    }
    fn search_docs(&self) -> Vec<SearchDoc> {
        let f = &self.fields;
        vec![SearchDoc::new(
            "request",
            search::join(&[&f.reference, &f.requester_name]),
            search::join(&[&f.agent_name, &f.description]),
        )
        .with([&f.requester_contact, &f.notes])]
    }
}
