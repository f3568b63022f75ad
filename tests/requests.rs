//! Requests from individuals: intake rules, the state machine and its refusals, pauses,
//! extensions, decisions, and the deadlines the register computes for each regime.
//!
//! Every expected date was worked out by hand from the statutes; the comment beside each case
//! shows the count. Weekdays: 2026-04-01 is a Wednesday, 2026-04-20 a Monday, 2026-06-01 a
//! Monday, 2026-07-15 a Wednesday, 2026-12-01 a Tuesday.

use crate::common;

use common::{d, holding, identity, memory_register, register_under, request, ACTOR};
use daicho::audit::{AuditAction, Entity};
use daicho::deadline::{ClosureRange, DeadlineRule, DeadlineStep, MonthDay};
use daicho::model::deadline_settings::DeadlineSettingsInput;
use daicho::model::organisation::Regime;
use daicho::model::request::{
    AgentKind, DeadlineState, Decision, DecisionOutcome, Extension, LargeVolumeNotice,
    Notification, PauseInput, PauseReason, RefusalGround, Request, RequestEventKind, RequestInput,
    RequestStatus, RequestStep, RequestTrack, RequestType, ResponseMethod,
};
use daicho::{CoreError, ErrorKind, FieldErrorCode, Register};

fn private() -> Register {
    register_under(Regime::PrivateOperator, false)
}

fn create(register: &Register, input: RequestInput) -> Request {
    register
        .create_request(input, ACTOR)
        .expect("the request is recorded")
}

fn step(register: &Register, request: &Request, step: RequestStep) -> Request {
    register
        .advance_request(request.id, request.version, step, ACTOR)
        .expect("the step is taken")
}

fn try_step(register: &Register, request: &Request, step: RequestStep) -> CoreError {
    register
        .advance_request(request.id, request.version, step, ACTOR)
        .expect_err("the step is refused")
}

fn confirm(register: &Register, request: &Request, on: &str) -> Request {
    let identity = identity(on);
    step(register, request, RequestStep::ConfirmIdentity { identity })
}

fn decision(outcome: DecisionOutcome, on: &str) -> Decision {
    Decision {
        outcome,
        decided_on: d(on),
        grounds: Vec::new(),
        reason: String::new(),
    }
}

fn decide(register: &Register, request: &Request, outcome: DecisionOutcome, on: &str) -> Request {
    let decision = decision(outcome, on);
    step(register, request, RequestStep::Decide { decision })
}

fn notify(register: &Register, request: &Request, on: &str) -> Request {
    let notification = Notification {
        method: ResponseMethod::Writing,
        responded_on: d(on),
    };
    step(register, request, RequestStep::Notify { notification })
}

fn pause(from: &str, to: Option<&str>) -> PauseInput {
    PauseInput {
        from: d(from),
        to: to.map(d),
        reason: PauseReason::IdentityDocuments,
        note: "本人確認書類の補正依頼".to_owned(),
    }
}

fn fields(error: &CoreError) -> Vec<(String, FieldErrorCode)> {
    assert_eq!(error.kind(), ErrorKind::Validation, "{error}");
    error
        .field_errors()
        .iter()
        .map(|f| (f.field.clone(), f.code))
        .collect()
}

fn has(error: &CoreError, field: &str, code: FieldErrorCode) -> bool {
    fields(error).contains(&(field.to_owned(), code))
}

/// Asserts a refusal changed nothing: same version, no audit entry.
fn unchanged(register: &Register, request: &Request) {
    let now = register
        .request(request.id, d("2026-04-01"))
        .unwrap()
        .request;
    assert_eq!(
        now.version, request.version,
        "a refused step writes nothing"
    );
    let entries = register
        .history(Entity::Request, &request.id.to_string())
        .unwrap();
    assert_eq!(
        entries.len() as i64,
        request.version,
        "no audit entry when refused"
    );
}

fn due(register: &Register, request: &Request, today: &str) -> Vec<(DeadlineRule, String)> {
    register
        .request(request.id, d(today))
        .unwrap()
        .deadlines
        .iter()
        .map(|x| (x.deadline.rule, x.deadline.due.to_string()))
        .collect()
}

fn under_review(register: &Register, received: &str) -> Request {
    let created = create(register, request(received));
    confirm(register, &created, received)
}

// ---------------------------------------------------------------------------------------------
// Intake
// ---------------------------------------------------------------------------------------------

#[test]
fn a_request_needs_the_organisation_profile() {
    let register = memory_register();
    let error = register
        .create_request(request("2026-04-01"), ACTOR)
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Conflict);
    assert!(
        error.to_string().contains("organisation profile"),
        "{error}"
    );
}

#[test]
fn a_new_request_gets_a_reference_its_track_a_timeline_and_an_audit_entry() {
    let register = private();
    let first = create(&register, request("2026-04-01"));
    let second = create(&register, request("2026-04-02"));
    assert_eq!(first.fields.reference, "R-0001");
    assert_eq!(second.fields.reference, "R-0002");
    assert_eq!(first.track, RequestTrack::PrivateOperator);
    assert_eq!(first.status, RequestStatus::Received);
    assert_eq!(first.version, 1);
    assert_eq!(first.timeline.len(), 1);
    let received = &first.timeline[0];
    assert_eq!(
        (received.kind, received.on, received.actor.as_str()),
        (RequestEventKind::Received, d("2026-04-01"), ACTOR)
    );
    let history = register
        .history(Entity::Request, &first.id.to_string())
        .unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!(history[0].action, AuditAction::Create);
    assert!(register.verify().unwrap().is_intact());
}

#[test]
fn surrounding_white_space_is_trimmed_and_a_reference_can_be_chosen() {
    let register = private();
    let mut input = request("2026-04-01");
    input.requester_name = "  山田 花子 ".into();
    input.reference = " 受付-2026-001 ".into();
    let stored = create(&register, input.clone());
    assert_eq!(stored.fields.requester_name, "山田 花子");
    assert_eq!(stored.fields.reference, "受付-2026-001");
    let error = register.create_request(input, ACTOR).unwrap_err();
    assert!(
        has(&error, "reference", FieldErrorCode::Duplicate),
        "{error}"
    );
}

#[test]
fn every_intake_rule_is_enforced_and_named() {
    type Case = (
        &'static str,
        fn(&mut RequestInput),
        &'static str,
        FieldErrorCode,
    );
    let cases: &[Case] = &[
        (
            "blank requester",
            |r| r.requester_name = " ".into(),
            "requesterName",
            FieldErrorCode::Required,
        ),
        (
            "long requester",
            |r| r.requester_name = "名".repeat(201),
            "requesterName",
            FieldErrorCode::TooLong,
        ),
        (
            "agent without a name",
            |r| r.agent = AgentKind::LegalRepresentative,
            "agentName",
            FieldErrorCode::Required,
        ),
        (
            "a name without an agent",
            |r| r.agent_name = "山田 太郎".into(),
            "agentName",
            FieldErrorCode::Malformed,
        ),
        (
            "duplicate holding",
            |r| r.holding_ids = vec![1, 1],
            "holdingIds[1]",
            FieldErrorCode::Duplicate,
        ),
        (
            "unknown holding",
            |r| r.holding_ids = vec![1, 999],
            "holdingIds[1]",
            FieldErrorCode::Malformed,
        ),
        (
            "negative fee",
            |r| r.fee_yen = Some(-300),
            "feeYen",
            FieldErrorCode::OutOfRange,
        ),
        (
            "fee for a correction (art. 38 allows none)",
            |r| {
                r.request_type = RequestType::Correction;
                r.fee_yen = Some(300);
            },
            "feeYen",
            FieldErrorCode::NotInRegime,
        ),
        (
            "a date the engine cannot count from",
            |r| r.received_on = d("1899-12-31"),
            "receivedOn",
            FieldErrorCode::OutOfRange,
        ),
        (
            "long reference",
            |r| r.reference = "R".repeat(41),
            "reference",
            FieldErrorCode::TooLong,
        ),
        (
            "long description",
            |r| r.description = "あ".repeat(4001),
            "description",
            FieldErrorCode::TooLong,
        ),
        (
            "GDPR type without the GDPR",
            |r| r.request_type = RequestType::GdprAccess,
            "requestType",
            FieldErrorCode::NotInRegime,
        ),
    ];
    for (case, change, field, code) in cases {
        let register = private();
        register
            .create_holding(holding("健診データ"), ACTOR)
            .unwrap();
        let mut input = request("2026-04-01");
        change(&mut input);
        let error = register.create_request(input, ACTOR).unwrap_err();
        assert!(
            has(&error, field, *code),
            "{case}: expected {field} {code:?}, got {:?}",
            fields(&error)
        );
        assert!(
            register.requests(d("2026-04-01")).unwrap().is_empty(),
            "{case}"
        );
    }
    // A free request and a fee for a disclosure are fine.
    let register = private();
    let mut input = request("2026-04-01");
    input.fee_yen = Some(300);
    assert_eq!(create(&register, input).fields.fee_yen, Some(300));
}

#[test]
fn all_intake_problems_are_reported_at_once() {
    let register = private();
    let mut input = request("2026-04-01");
    input.requester_name.clear();
    input.agent = AgentKind::Attorney;
    input.fee_yen = Some(-1);
    let error = register.create_request(input, ACTOR).unwrap_err();
    let names: Vec<String> = fields(&error).into_iter().map(|(f, _)| f).collect();
    assert_eq!(names, ["requesterName", "agentName", "feeYen"]);
}

#[test]
fn request_types_and_tracks_follow_the_regime() {
    use RequestType as T;
    let cases = [
        (
            Regime::PrivateOperator,
            false,
            T::PurposeNotification,
            Some(RequestTrack::PrivateOperator),
        ),
        (Regime::PrivateOperator, false, T::GdprAccess, None),
        (
            Regime::PrivateOperator,
            true,
            T::GdprErasure,
            Some(RequestTrack::Gdpr),
        ),
        (
            Regime::NationalOrgan,
            false,
            T::Disclosure,
            Some(RequestTrack::NationalOrgan),
        ),
        (Regime::NationalOrgan, false, T::PurposeNotification, None),
        (
            Regime::NationalOrgan,
            false,
            T::ProvisionRecordDisclosure,
            None,
        ),
        (
            Regime::LocalGovernment,
            false,
            T::SuspensionOrErasure,
            Some(RequestTrack::LocalGovernment),
        ),
        (
            Regime::GdprController,
            false,
            T::GdprPortability,
            Some(RequestTrack::Gdpr),
        ),
        (Regime::GdprController, false, T::Disclosure, None),
    ];
    for (regime, gdpr, request_type, expected) in cases {
        let register = register_under(regime, gdpr);
        let mut input = request("2026-04-01");
        input.request_type = request_type;
        let result = register.create_request(input, ACTOR);
        match expected {
            Some(track) => assert_eq!(result.unwrap().track, track, "{regime:?} {request_type:?}"),
            None => {
                let error = result.unwrap_err();
                assert!(
                    has(&error, "requestType", FieldErrorCode::NotInRegime),
                    "{regime:?} {request_type:?}: {error}"
                );
            }
        }
        let offered = register.request_types().unwrap();
        assert_eq!(offered.contains(&request_type), expected.is_some());
    }
    assert!(memory_register().request_types().unwrap().is_empty());
}

#[test]
fn editing_the_intake_keeps_the_process_and_notes_a_corrected_date() {
    let register = private();
    let created = create(&register, request("2026-04-01"));
    let reviewed = confirm(&register, &created, "2026-04-02");
    let mut input = reviewed.fields.clone();
    input.received_on = d("2026-03-31");
    input.reference.clear(); // empty keeps the reference
    input.requester_contact = "大阪府".into();
    let edited = register
        .update_request(reviewed.id, reviewed.version, input, ACTOR)
        .unwrap();
    assert_eq!(edited.fields.reference, "R-0001");
    assert_eq!(edited.status, RequestStatus::UnderReview);
    assert_eq!(edited.identity, reviewed.identity);
    let corrected = edited
        .timeline
        .iter()
        .find(|e| e.kind == RequestEventKind::ReceiptDateCorrected)
        .expect("the timeline says the date was corrected");
    assert_eq!(corrected.note, "2026-04-01 → 2026-03-31");
    // A date of receipt after the identity check is refused.
    let mut input = edited.fields.clone();
    input.received_on = d("2026-04-03");
    let error = register
        .update_request(edited.id, edited.version, input, ACTOR)
        .unwrap_err();
    assert!(
        has(&error, "identity.checkedOn", FieldErrorCode::DateOrder),
        "{error}"
    );
}

#[test]
fn changing_the_type_moves_the_request_to_that_types_track() {
    let register = register_under(Regime::PrivateOperator, true);
    let created = create(&register, request("2026-04-01"));
    let mut input = created.fields.clone();
    input.request_type = RequestType::GdprAccess;
    let moved = register
        .update_request(created.id, created.version, input, ACTOR)
        .unwrap();
    assert_eq!(moved.track, RequestTrack::Gdpr);
    assert_eq!(
        due(&register, &moved, "2026-04-01"),
        // One calendar month from 2026-04-01.
        [(DeadlineRule::GdprResponse, "2026-05-01".to_owned())]
    );
}

#[test]
fn the_step_shapes_are_camel_case_and_tagged() {
    let json = r#"{"step": "decide", "decision": {"outcome": "partial", "decidedOn": "2026-04-10",
                   "grounds": ["seriousBusinessImpediment"], "reason": "業務の適正な実施に支障"}}"#;
    let parsed: RequestStep = serde_json::from_str(json).unwrap();
    assert_eq!(
        parsed,
        RequestStep::Decide {
            decision: Decision {
                outcome: DecisionOutcome::Partial,
                decided_on: d("2026-04-10"),
                grounds: vec![RefusalGround::SeriousBusinessImpediment],
                reason: "業務の適正な実施に支障".into(),
            }
        }
    );
    let close: RequestStep =
        serde_json::from_str(r#"{"step": "close", "closedOn": "2026-05-01"}"#).unwrap();
    assert_eq!(
        close,
        RequestStep::Close {
            closed_on: d("2026-05-01")
        }
    );
}

// ---------------------------------------------------------------------------------------------
// The state machine
// ---------------------------------------------------------------------------------------------

#[test]
fn a_request_goes_from_intake_to_closure_with_one_audit_entry_per_step() {
    let register = private();
    let mut input = request("2026-04-01");
    input.fee_yen = Some(300);
    let created = create(&register, input);
    let checking = step(
        &register,
        &created,
        RequestStep::StartIdentityCheck {
            on: d("2026-04-01"),
        },
    );
    assert_eq!(checking.status, RequestStatus::IdentityCheck);
    let reviewed = confirm(&register, &checking, "2026-04-03");
    assert_eq!(reviewed.status, RequestStatus::UnderReview);
    let decided = register
        .record_decision(
            reviewed.id,
            reviewed.version,
            Decision {
                outcome: DecisionOutcome::Partial,
                decided_on: d("2026-04-10"),
                grounds: vec![RefusalGround::HarmToPersonOrThirdParty],
                reason: "第三者の情報を含む部分を除いて開示".into(),
            },
            ACTOR,
        )
        .unwrap();
    assert_eq!(decided.status, RequestStatus::Decided);
    let notified = register
        .record_notification(
            decided.id,
            decided.version,
            Notification {
                method: ResponseMethod::CopyDelivery,
                responded_on: d("2026-04-13"),
            },
            ACTOR,
        )
        .unwrap();
    assert_eq!(notified.status, RequestStatus::Notified);
    let closed = register
        .close_request(notified.id, notified.version, d("2026-04-20"), ACTOR)
        .unwrap();
    assert_eq!(closed.status, RequestStatus::Closed);
    assert_eq!(closed.closed_on, Some(d("2026-04-20")));
    assert_eq!(closed.version, 6);

    let kinds: Vec<RequestEventKind> = closed.timeline.iter().map(|e| e.kind).collect();
    use RequestEventKind as K;
    assert_eq!(
        kinds,
        [
            K::Received,
            K::IdentityCheckStarted,
            K::IdentityConfirmed,
            K::Decided,
            K::Notified,
            K::Closed
        ]
    );
    let statuses: Vec<RequestStatus> = closed.timeline.iter().map(|e| e.status).collect();
    use RequestStatus as S;
    assert_eq!(
        statuses,
        [
            S::Received,
            S::IdentityCheck,
            S::UnderReview,
            S::Decided,
            S::Notified,
            S::Closed
        ]
    );

    let history = register
        .history(Entity::Request, &closed.id.to_string())
        .unwrap();
    assert_eq!(history.len(), 6, "one audit entry per write");
    assert!(history[0].changes.iter().any(|c| c.field == "status"));
    assert!(history[2].changes.iter().any(|c| c.field == "decision"));

    // Private operator, received 04-01: the 14-day target and the art. 39 line both end on
    // 04-15, and both were met by the answer on 04-13.
    let view = register.request(closed.id, d("2026-06-01")).unwrap();
    assert_eq!(view.days_open, 19, "04-01 to the closure on 04-20");
    assert!(!view.overdue && !view.paused && !view.due_this_week);
    for deadline in &view.deadlines {
        assert_eq!(deadline.state, DeadlineState::Met);
        assert_eq!(deadline.met_on, Some(d("2026-04-13")));
        assert_eq!(deadline.deadline.due, d("2026-04-15"));
    }
    assert!(register.verify().unwrap().is_intact());
}

#[test]
fn steps_out_of_turn_are_refused_in_words_an_officer_can_act_on() {
    let register = private();
    let received = create(&register, request("2026-04-01"));

    let error = try_step(
        &register,
        &received,
        RequestStep::Decide {
            decision: decision(DecisionOutcome::Full, "2026-04-05"),
        },
    );
    assert_eq!(error.kind(), ErrorKind::Conflict);
    assert!(
        error
            .to_string()
            .contains("before the requester's identity is confirmed"),
        "{error}"
    );

    let error = try_step(
        &register,
        &received,
        RequestStep::Notify {
            notification: Notification {
                method: ResponseMethod::Writing,
                responded_on: d("2026-04-05"),
            },
        },
    );
    assert_eq!(error.kind(), ErrorKind::Conflict);
    assert!(
        error.to_string().contains("no decision to notify yet"),
        "{error}"
    );

    let error = try_step(
        &register,
        &received,
        RequestStep::Close {
            closed_on: d("2026-04-05"),
        },
    );
    assert_eq!(error.kind(), ErrorKind::Conflict);
    assert!(
        error
            .to_string()
            .contains("cannot be closed before its decision has been notified"),
        "{error}"
    );
    unchanged(&register, &received);

    let reviewed = confirm(&register, &received, "2026-04-02");
    let error = try_step(
        &register,
        &reviewed,
        RequestStep::StartIdentityCheck {
            on: d("2026-04-02"),
        },
    );
    assert!(
        error
            .to_string()
            .contains("already past the identity check"),
        "{error}"
    );
    let error = try_step(
        &register,
        &reviewed,
        RequestStep::ConfirmIdentity {
            identity: identity("2026-04-02"),
        },
    );
    assert!(
        error
            .to_string()
            .contains("already confirmed on 2026-04-02"),
        "{error}"
    );
    let error = try_step(
        &register,
        &reviewed,
        RequestStep::Close {
            closed_on: d("2026-04-05"),
        },
    );
    assert!(
        error.to_string().contains("(it is at “under review”)"),
        "{error}"
    );

    let decided = decide(&register, &reviewed, DecisionOutcome::Full, "2026-04-05");
    let error = try_step(
        &register,
        &decided,
        RequestStep::Decide {
            decision: decision(DecisionOutcome::Full, "2026-04-06"),
        },
    );
    assert!(
        error.to_string().contains("already decided on 2026-04-05"),
        "{error}"
    );
    let error = try_step(
        &register,
        &decided,
        RequestStep::Close {
            closed_on: d("2026-04-06"),
        },
    );
    assert_eq!(
        error.kind(),
        ErrorKind::Conflict,
        "closing an unanswered request"
    );
    unchanged(&register, &decided);

    let notified = notify(&register, &decided, "2026-04-06");
    let error = try_step(
        &register,
        &notified,
        RequestStep::Withdraw {
            withdrawn_on: d("2026-04-07"),
            reason: String::new(),
        },
    );
    assert!(error.to_string().contains("close it instead"), "{error}");

    let closed = step(
        &register,
        &notified,
        RequestStep::Close {
            closed_on: d("2026-04-07"),
        },
    );
    for refused in [
        RequestStep::Close {
            closed_on: d("2026-04-08"),
        },
        RequestStep::Withdraw {
            withdrawn_on: d("2026-04-08"),
            reason: String::new(),
        },
        RequestStep::Notify {
            notification: Notification {
                method: ResponseMethod::Writing,
                responded_on: d("2026-04-08"),
            },
        },
    ] {
        let error = try_step(&register, &closed, refused);
        assert_eq!(error.kind(), ErrorKind::Conflict);
        assert!(
            error.to_string().contains("was closed on 2026-04-07"),
            "{error}"
        );
    }
    let error = register
        .update_request(closed.id, closed.version, closed.fields.clone(), ACTOR)
        .unwrap_err();
    assert!(error.to_string().contains("cannot be edited"), "{error}");
    let error = register
        .add_request_pause(closed.id, closed.version, pause("2026-04-02", None), ACTOR)
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Conflict);
    unchanged(&register, &closed);
}

#[test]
fn dates_out_of_order_are_refused_naming_the_field() {
    let register = private();
    let received = create(&register, request("2026-04-10"));

    let error = try_step(
        &register,
        &received,
        RequestStep::StartIdentityCheck {
            on: d("2026-04-09"),
        },
    );
    assert!(has(&error, "on", FieldErrorCode::DateOrder), "{error}");

    let error = try_step(
        &register,
        &received,
        RequestStep::ConfirmIdentity {
            identity: identity("2026-04-09"),
        },
    );
    assert!(
        has(&error, "identity.checkedOn", FieldErrorCode::DateOrder),
        "{error}"
    );
    assert!(
        error.to_string().contains("received only on 2026-04-10"),
        "{error}"
    );

    let mut bad = identity("2026-04-11");
    bad.checked_by = " ".into();
    bad.documents.clear();
    let error = try_step(
        &register,
        &received,
        RequestStep::ConfirmIdentity { identity: bad },
    );
    assert!(
        has(&error, "identity.checkedBy", FieldErrorCode::Required),
        "{error}"
    );
    assert!(
        has(&error, "identity.documents", FieldErrorCode::Required),
        "{error}"
    );
    unchanged(&register, &received);

    let reviewed = confirm(&register, &received, "2026-04-12");
    let error = try_step(
        &register,
        &reviewed,
        RequestStep::Decide {
            decision: decision(DecisionOutcome::Full, "2026-04-09"),
        },
    );
    assert!(
        has(&error, "decision.decidedOn", FieldErrorCode::DateOrder),
        "{error}"
    );
    assert!(
        error.to_string().contains("received only on 2026-04-10"),
        "{error}"
    );
    let error = try_step(
        &register,
        &reviewed,
        RequestStep::Decide {
            decision: decision(DecisionOutcome::Full, "2026-04-11"),
        },
    );
    assert!(
        error
            .to_string()
            .contains("identity was confirmed only on 2026-04-12"),
        "{error}"
    );

    let decided = decide(&register, &reviewed, DecisionOutcome::Full, "2026-04-15");
    let error = try_step(
        &register,
        &decided,
        RequestStep::Notify {
            notification: Notification {
                method: ResponseMethod::Writing,
                responded_on: d("2026-04-14"),
            },
        },
    );
    assert!(
        has(
            &error,
            "notification.respondedOn",
            FieldErrorCode::DateOrder
        ),
        "{error}"
    );
    assert!(
        error
            .to_string()
            .contains("decision was made only on 2026-04-15"),
        "{error}"
    );

    let notified = notify(&register, &decided, "2026-04-16");
    let error = try_step(
        &register,
        &notified,
        RequestStep::Close {
            closed_on: d("2026-04-15"),
        },
    );
    assert!(
        has(&error, "closedOn", FieldErrorCode::DateOrder),
        "{error}"
    );
    unchanged(&register, &notified);

    let other = under_review(&register, "2026-04-10");
    let error = try_step(
        &register,
        &other,
        RequestStep::Withdraw {
            withdrawn_on: d("2026-04-09"),
            reason: "本人から取下げの申出".into(),
        },
    );
    assert!(
        has(&error, "withdrawnOn", FieldErrorCode::DateOrder),
        "{error}"
    );
}

#[test]
fn a_withdrawal_ends_an_open_pause_and_leaves_the_agenda() {
    let register = private();
    let created = create(&register, request("2026-04-01"));
    let paused = register
        .add_request_pause(
            created.id,
            created.version,
            pause("2026-04-02", None),
            ACTOR,
        )
        .unwrap();
    let withdrawn = step(
        &register,
        &paused,
        RequestStep::Withdraw {
            withdrawn_on: d("2026-04-20"),
            reason: " 書類が届かず、本人が取下げ ".into(),
        },
    );
    assert_eq!(withdrawn.status, RequestStatus::Withdrawn);
    assert_eq!(withdrawn.closed_on, Some(d("2026-04-20")));
    assert_eq!(withdrawn.pauses[0].to, Some(d("2026-04-20")));
    let last = withdrawn.timeline.last().unwrap();
    assert_eq!(
        (last.kind, last.note.as_str()),
        (RequestEventKind::Withdrawn, "書類が届かず、本人が取下げ")
    );
    let view = register.request(withdrawn.id, d("2026-05-01")).unwrap();
    assert!(view.deadlines.is_empty());
    assert!(!view.paused);
    assert_eq!(view.days_open, 19);
    assert!(register.agenda(d("2026-05-01")).unwrap().items.is_empty());
}

#[test]
fn an_edit_or_step_from_a_stale_version_is_refused() {
    let register = private();
    let created = create(&register, request("2026-04-01"));
    confirm(&register, &created, "2026-04-02");
    let stale = [
        register
            .advance_request(
                created.id,
                1,
                RequestStep::StartIdentityCheck {
                    on: d("2026-04-02"),
                },
                ACTOR,
            )
            .unwrap_err(),
        register
            .update_request(created.id, 1, created.fields.clone(), ACTOR)
            .unwrap_err(),
        register
            .add_request_pause(created.id, 1, pause("2026-04-02", None), ACTOR)
            .unwrap_err(),
        register
            .set_request_extension(created.id, 1, None, ACTOR)
            .unwrap_err(),
    ];
    for error in stale {
        assert_eq!(error.kind(), ErrorKind::Conflict);
        assert!(
            error.to_string().contains("R-0001 was changed elsewhere"),
            "{error}"
        );
    }
    assert_eq!(
        register.request(99, d("2026-04-01")).unwrap_err().kind(),
        ErrorKind::NotFound
    );
}

// ---------------------------------------------------------------------------------------------
// Decisions
// ---------------------------------------------------------------------------------------------

#[test]
fn decision_rules_follow_the_catalogue_of_the_request_s_regime() {
    type Case = (
        &'static str,
        Regime,
        bool,
        RequestType,
        Decision,
        Option<(&'static str, FieldErrorCode)>,
    );
    let on = "2026-04-10";
    let with = |outcome, grounds: &[RefusalGround], reason: &str| Decision {
        outcome,
        decided_on: d(on),
        grounds: grounds.to_vec(),
        reason: reason.to_owned(),
    };
    use DecisionOutcome as O;
    use RefusalGround as G;
    let cases: Vec<Case> = vec![
        (
            "partial without grounds",
            Regime::PrivateOperator,
            false,
            RequestType::Disclosure,
            with(O::Partial, &[], "理由"),
            Some(("decision.grounds", FieldErrorCode::Required)),
        ),
        (
            "refusal without reasons",
            Regime::PrivateOperator,
            false,
            RequestType::Disclosure,
            with(O::Refusal, &[G::SeriousBusinessImpediment], ""),
            Some(("decision.reason", FieldErrorCode::NeedsNote)),
        ),
        (
            "a public body's ground on a private request",
            Regime::PrivateOperator,
            false,
            RequestType::Disclosure,
            with(O::Refusal, &[G::OtherIndividuals], "理由"),
            Some(("decision.grounds[0]", FieldErrorCode::NotInRegime)),
        ),
        (
            "a private operator's ground on a public request",
            Regime::NationalOrgan,
            false,
            RequestType::Disclosure,
            with(O::Partial, &[G::SeriousBusinessImpediment], "理由"),
            Some(("decision.grounds[0]", FieldErrorCode::NotInRegime)),
        ),
        (
            "a GDPR ground on an APPI request",
            Regime::PrivateOperator,
            true,
            RequestType::Disclosure,
            with(O::Refusal, &[G::ManifestlyExcessive], "理由"),
            Some(("decision.grounds[0]", FieldErrorCode::NotInRegime)),
        ),
        (
            "neither confirm nor deny at a private operator",
            Regime::PrivateOperator,
            false,
            RequestType::Disclosure,
            with(
                O::NeitherConfirmNorDeny,
                &[G::HarmToPersonOrThirdParty],
                "理由",
            ),
            Some(("decision.outcome", FieldErrorCode::NotInRegime)),
        ),
        (
            "neither confirm nor deny on a correction",
            Regime::NationalOrgan,
            false,
            RequestType::Correction,
            with(O::NeitherConfirmNorDeny, &[], "理由"),
            Some(("decision.outcome", FieldErrorCode::NotInRegime)),
        ),
        (
            "grounds on a full disclosure",
            Regime::PrivateOperator,
            false,
            RequestType::Disclosure,
            with(O::Full, &[G::ViolationOfOtherLaws], ""),
            Some(("decision.grounds", FieldErrorCode::Malformed)),
        ),
        (
            "the same ground twice",
            Regime::NationalOrgan,
            false,
            RequestType::Disclosure,
            with(
                O::Partial,
                &[G::OtherIndividuals, G::OtherIndividuals],
                "理由",
            ),
            Some(("decision.grounds[1]", FieldErrorCode::Duplicate)),
        ),
        (
            "a ground on a correction, which has no catalogue",
            Regime::PrivateOperator,
            false,
            RequestType::Correction,
            with(
                O::Refusal,
                &[G::SeriousBusinessImpediment],
                "内容は事実に合致",
            ),
            Some(("decision.grounds[0]", FieldErrorCode::NotInRegime)),
        ),
        // Allowed:
        (
            "partial with an art. 33(2) ground",
            Regime::PrivateOperator,
            false,
            RequestType::ProvisionRecordDisclosure,
            with(O::Partial, &[G::ViolationOfOtherLaws], "他の法令に違反"),
            None,
        ),
        (
            "public refusal on art. 78(1) grounds",
            Regime::LocalGovernment,
            false,
            RequestType::Disclosure,
            with(
                O::Refusal,
                &[G::OtherIndividuals, G::Deliberation],
                "第三者情報及び審議検討情報",
            ),
            None,
        ),
        (
            "neither confirm nor deny at a public body",
            Regime::NationalOrgan,
            false,
            RequestType::Disclosure,
            with(
                O::NeitherConfirmNorDeny,
                &[G::PublicSafety],
                "存否を答えるだけで犯罪捜査に支障",
            ),
            None,
        ),
        (
            "a correction refused on its reasons",
            Regime::PrivateOperator,
            false,
            RequestType::Correction,
            with(O::Refusal, &[], "記録は事実と合致しているため訂正しない"),
            None,
        ),
        (
            "GDPR: a refusal may rest on other exceptions",
            Regime::GdprController,
            false,
            RequestType::GdprErasure,
            with(O::Refusal, &[], "Art. 17(3)(b): legal obligation to retain"),
            None,
        ),
        (
            "GDPR: manifestly excessive",
            Regime::GdprController,
            false,
            RequestType::GdprAccess,
            with(
                O::Refusal,
                &[G::ManifestlyExcessive],
                "fourth identical request this month",
            ),
            None,
        ),
        (
            "not held",
            Regime::NationalOrgan,
            false,
            RequestType::Disclosure,
            with(O::NotHeld, &[], ""),
            None,
        ),
    ];
    for (case, regime, gdpr, request_type, decision, expected) in cases {
        let register = register_under(regime, gdpr);
        let mut input = request("2026-04-01");
        input.request_type = request_type;
        let created = create(&register, input);
        let reviewed = confirm(&register, &created, "2026-04-02");
        let result = register.record_decision(reviewed.id, reviewed.version, decision, ACTOR);
        match expected {
            None => {
                let decided = result.unwrap_or_else(|e| panic!("{case}: {e}"));
                assert_eq!(decided.status, RequestStatus::Decided, "{case}");
            }
            Some((field, code)) => {
                let error = result.expect_err(case);
                assert!(
                    has(&error, field, code),
                    "{case}: expected {field} {code:?}, got {:?}",
                    fields(&error)
                );
                unchanged(&register, &reviewed);
            }
        }
    }
}

#[test]
fn the_view_offers_the_choices_the_regime_allows() {
    let register = register_under(Regime::NationalOrgan, false);
    let created = create(&register, request("2026-04-01"));
    let rules = register.request(created.id, d("2026-04-01")).unwrap().rules;
    assert!(rules
        .outcomes
        .contains(&DecisionOutcome::NeitherConfirmNorDeny));
    assert_eq!(rules.grounds.len(), 7, "art. 78(1) items i–vii");
    assert!(rules.grounds_required && rules.extension_allowed && rules.fee_allowed);

    let register = private();
    let mut input = request("2026-04-01");
    input.request_type = RequestType::Correction;
    let created = create(&register, input);
    let rules = register.request(created.id, d("2026-04-01")).unwrap().rules;
    assert!(!rules
        .outcomes
        .contains(&DecisionOutcome::NeitherConfirmNorDeny));
    assert!(rules.grounds.is_empty() && !rules.grounds_required);
    assert!(!rules.extension_allowed && !rules.fee_allowed);
    assert!(rules.pauses_stop_the_clock);
}

#[test]
fn a_gdpr_month_runs_from_receipt_whatever_pauses_are_recorded() {
    let register = register_under(Regime::GdprController, false);
    let mut input = request("2026-03-05");
    input.request_type = RequestType::GdprRectification;
    let created = create(&register, input);
    let paused = register
        .add_request_pause(
            created.id,
            created.version,
            pause("2026-03-06", Some("2026-03-20")),
            ACTOR,
        )
        .unwrap();
    let view = register.request(paused.id, d("2026-03-21")).unwrap();
    assert!(!view.rules.pauses_stop_the_clock);
    // 2026-03-05 + one month = 2026-04-05 (Sun), not paused; a last day on a Sunday moves to
    // Monday 04-06 (Reg. 1182/71 art. 3(4)).
    assert_eq!(view.deadlines[0].deadline.due, d("2026-04-06"));
    assert_eq!(
        view.deadlines[0].deadline.to_string(),
        "1 month from 2026-03-05, ends on a weekend (2026-04-05) → 2026-04-06"
    );
}

// ---------------------------------------------------------------------------------------------
// Pauses and extensions
// ---------------------------------------------------------------------------------------------

#[test]
fn pauses_stop_the_clock_and_show_in_the_explanation() {
    let register = private();
    let created = create(&register, request("2026-04-01"));
    let paused = register
        .add_request_pause(
            created.id,
            created.version,
            pause("2026-04-03", None),
            ACTOR,
        )
        .unwrap();
    assert_eq!(paused.pauses.len(), 1);
    let pause_id = paused.pauses[0].id;

    // While open, the pause counts up to today. Today 04-10: 04-03..04-10 = 8 days; day 1 is
    // 04-02, days 2–14 are 04-11..04-23 → target 04-23. The art. 39 line ignores pauses: 04-15.
    let view = register.request(paused.id, d("2026-04-10")).unwrap();
    assert!(view.paused);
    let target = &view.deadlines[0];
    assert_eq!(target.deadline.rule, DeadlineRule::PrivateTarget);
    assert_eq!(target.deadline.due, d("2026-04-23"));
    assert!(target.deadline.explanation.contains(&DeadlineStep::Paused {
        from: d("2026-04-03"),
        to: d("2026-04-10"),
        days: 8
    }));
    assert_eq!(view.deadlines[1].deadline.due, d("2026-04-15"));
    // A day later the target moves a day later.
    assert_eq!(due(&register, &paused, "2026-04-11")[0].1, "2026-04-24");

    // The identity can be confirmed while a pause is open, but no decision can be taken.
    let paused = confirm(&register, &paused, "2026-04-04");
    let error = register
        .record_decision(
            paused.id,
            paused.version,
            decision(DecisionOutcome::Full, "2026-04-10"),
            ACTOR,
        )
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Conflict);
    assert!(
        error
            .to_string()
            .contains("is paused (waiting since 2026-04-03)"),
        "{error}"
    );

    // The documents arrived on 04-05: 3 days paused (04-03..04-05) → target 04-15 + 3 = 04-18.
    let resumed = register
        .end_request_pause(paused.id, paused.version, pause_id, d("2026-04-05"), ACTOR)
        .unwrap();
    assert_eq!(resumed.pauses[0].to, Some(d("2026-04-05")));
    assert_eq!(
        resumed.timeline.last().unwrap().kind,
        RequestEventKind::Resumed
    );
    let view = register.request(resumed.id, d("2026-04-10")).unwrap();
    assert!(!view.paused);
    assert_eq!(view.deadlines[0].deadline.due, d("2026-04-18"));
    assert_eq!(
        view.deadlines[0].deadline.to_string(),
        "14 days from the day after 2026-04-01, paused 3 days (2026-04-03 to 2026-04-05) → 2026-04-18"
    );
    let error = register
        .end_request_pause(
            resumed.id,
            resumed.version,
            pause_id,
            d("2026-04-06"),
            ACTOR,
        )
        .unwrap_err();
    assert!(
        error.to_string().contains("already ended on 2026-04-05"),
        "{error}"
    );
    let error = register
        .end_request_pause(resumed.id, resumed.version, 999, d("2026-04-06"), ACTOR)
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::NotFound);

    let removed = register
        .remove_request_pause(resumed.id, resumed.version, pause_id, ACTOR)
        .unwrap();
    assert!(removed.pauses.is_empty());
    let last = removed.timeline.last().unwrap();
    assert_eq!(
        (last.kind, last.note.as_str()),
        (RequestEventKind::PauseRemoved, "2026-04-03 – 2026-04-05")
    );
    assert_eq!(due(&register, &removed, "2026-04-10")[0].1, "2026-04-15");
    assert!(register.verify().unwrap().is_intact());
}

#[test]
fn bad_pauses_are_refused_naming_the_pause_form() {
    let register = private();
    let created = create(&register, request("2026-04-10"));
    let cases = [
        (
            pause("2026-04-09", None),
            "pause.from",
            FieldErrorCode::DateOrder,
        ),
        (
            pause("2026-04-12", Some("2026-04-11")),
            "pause.to",
            FieldErrorCode::DateOrder,
        ),
        (
            pause("1850-04-12", None),
            "pause.from",
            FieldErrorCode::OutOfRange,
        ),
    ];
    for (input, field, code) in cases {
        let error = register
            .add_request_pause(created.id, created.version, input, ACTOR)
            .unwrap_err();
        assert!(has(&error, field, code), "{field}: {:?}", fields(&error));
    }
    let mut long = pause("2026-04-12", None);
    long.note = "x".repeat(4001);
    let error = register
        .add_request_pause(created.id, created.version, long, ACTOR)
        .unwrap_err();
    assert!(has(&error, "pause.note", FieldErrorCode::TooLong));

    let one = register
        .add_request_pause(
            created.id,
            created.version,
            pause("2026-04-11", Some("2026-04-13")),
            ACTOR,
        )
        .unwrap();
    let kinds: Vec<RequestEventKind> = one.timeline.iter().map(|e| e.kind).collect();
    assert_eq!(
        kinds,
        [
            RequestEventKind::Received,
            RequestEventKind::Paused,
            RequestEventKind::Resumed
        ]
    );
    let error = register
        .add_request_pause(one.id, one.version, pause("2026-04-13", None), ACTOR)
        .unwrap_err();
    assert!(
        has(&error, "pause.from", FieldErrorCode::Duplicate),
        "overlap: {error}"
    );
    let two = register
        .add_request_pause(one.id, one.version, pause("2026-04-15", None), ACTOR)
        .unwrap();
    let error = register
        .add_request_pause(two.id, two.version, pause("2026-04-20", None), ACTOR)
        .unwrap_err();
    assert!(
        has(&error, "pause.from", FieldErrorCode::Duplicate),
        "inside the open pause: {error}"
    );
    unchanged(&register, &two);
}

#[test]
fn a_decided_request_can_no_longer_be_paused_or_extended() {
    let register = register_under(Regime::NationalOrgan, false);
    let reviewed = under_review(&register, "2026-04-01");
    let decided = decide(&register, &reviewed, DecisionOutcome::Full, "2026-04-20");
    let error = register
        .add_request_pause(
            decided.id,
            decided.version,
            pause("2026-04-02", Some("2026-04-03")),
            ACTOR,
        )
        .unwrap_err();
    assert!(
        error.to_string().contains("was decided on 2026-04-20"),
        "{error}"
    );
    let extension = Extension {
        reason: "大量".into(),
        notified_on: d("2026-04-10"),
    };
    let error = register
        .set_request_extension(decided.id, decided.version, Some(extension), ACTOR)
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Conflict);
}

#[test]
fn extensions_belong_to_public_bodies_and_the_gdpr_and_must_be_notified_in_time() {
    // Private operators have no extension.
    let register = private();
    let created = create(&register, request("2026-04-01"));
    let extension = |on: &str| Extension {
        reason: "対象文書が大量で確認に時間を要するため".into(),
        notified_on: d(on),
    };
    let error = register
        .set_request_extension(
            created.id,
            created.version,
            Some(extension("2026-04-05")),
            ACTOR,
        )
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Conflict);
    assert!(error.to_string().contains("art. 39"), "{error}");

    // National organ, received 04-01: the original period ends 05-01 (Fri). A notice on 05-02
    // comes too late; one on 05-01 extends to 60 days: 05-31 (Sun) → 06-01 (Mon).
    let register = register_under(Regime::NationalOrgan, false);
    let created = create(&register, request("2026-04-01"));
    let error = register
        .set_request_extension(
            created.id,
            created.version,
            Some(extension("2026-05-02")),
            ACTOR,
        )
        .unwrap_err();
    assert!(
        has(&error, "extension.notifiedOn", FieldErrorCode::DateOrder),
        "{error}"
    );
    assert!(
        error.to_string().contains("must be notified by 2026-05-01"),
        "{error}"
    );
    let mut blank = extension("2026-04-20");
    blank.reason = " ".into();
    let error = register
        .set_request_extension(created.id, created.version, Some(blank), ACTOR)
        .unwrap_err();
    assert!(
        has(&error, "extension.reason", FieldErrorCode::Required),
        "{error}"
    );
    let error = register
        .set_request_extension(
            created.id,
            created.version,
            Some(extension("2026-03-31")),
            ACTOR,
        )
        .unwrap_err();
    assert!(
        has(&error, "extension.notifiedOn", FieldErrorCode::DateOrder),
        "{error}"
    );

    let extended = register
        .set_request_extension(
            created.id,
            created.version,
            Some(extension("2026-05-01")),
            ACTOR,
        )
        .unwrap();
    assert_eq!(
        due(&register, &extended, "2026-04-01"),
        [(
            DeadlineRule::PublicDecisionExtended,
            "2026-06-01".to_owned()
        )]
    );
    let last = extended.timeline.last().unwrap();
    assert_eq!(
        (last.kind, last.on),
        (RequestEventKind::Extended, d("2026-05-01"))
    );

    let removed = register
        .set_request_extension(extended.id, extended.version, None, ACTOR)
        .unwrap();
    assert_eq!(removed.extension, None);
    assert_eq!(
        removed.timeline.last().unwrap().kind,
        RequestEventKind::ExtensionRemoved
    );
    assert_eq!(due(&register, &removed, "2026-04-01")[0].1, "2026-05-01");
    let error = register
        .set_request_extension(removed.id, removed.version, None, ACTOR)
        .unwrap_err();
    assert!(
        error.to_string().contains("no extension to remove"),
        "{error}"
    );

    // GDPR, received 2027-01-31: one month ends 02-28 (no 02-31), a Sunday, so Monday 03-01
    // (Reg. 1182/71 art. 3(4)); notice on 03-02 is too late; extended by two months counted
    // from receipt: 04-30 (no 04-31), a Friday.
    let register = register_under(Regime::GdprController, false);
    let mut input = request("2027-01-31");
    input.request_type = RequestType::GdprAccess;
    let created = create(&register, input);
    assert_eq!(
        due(&register, &created, "2027-02-01"),
        [(DeadlineRule::GdprResponse, "2027-03-01".to_owned())]
    );
    let error = register
        .set_request_extension(
            created.id,
            created.version,
            Some(extension("2027-03-02")),
            ACTOR,
        )
        .unwrap_err();
    assert!(
        error.to_string().contains("must be notified by 2027-03-01"),
        "{error}"
    );
    let extended = register
        .set_request_extension(
            created.id,
            created.version,
            Some(extension("2027-03-01")),
            ACTOR,
        )
        .unwrap();
    assert_eq!(
        due(&register, &extended, "2027-02-01"),
        [(DeadlineRule::GdprResponseExtended, "2027-04-30".to_owned())]
    );
}

// ---------------------------------------------------------------------------------------------
// Deadlines by regime
// ---------------------------------------------------------------------------------------------

#[test]
fn private_operator_deadlines_honour_the_target_setting_and_pauses() {
    let register = private();
    let created = create(&register, request("2026-04-01"));
    // 04-01 + 14 = 04-15 for both; the line adds that a suit is possible from 04-16.
    let view = register.request(created.id, d("2026-04-01")).unwrap();
    assert_eq!(
        due(&register, &created, "2026-04-01"),
        [
            (DeadlineRule::PrivateTarget, "2026-04-15".to_owned()),
            (DeadlineRule::PrivateLitigationLine, "2026-04-15".to_owned())
        ]
    );
    assert!(view.deadlines[1]
        .deadline
        .explanation
        .contains(&DeadlineStep::ActionPossibleFrom {
            date: d("2026-04-16")
        }));

    // A 10-day internal target: 04-01 + 10 = 04-11 (Sat), a target is never moved.
    let settings = DeadlineSettingsInput {
        private_target_days: 10,
        ..DeadlineSettingsInput::default()
    };
    register
        .save_deadline_settings(settings, None, ACTOR)
        .unwrap();
    assert_eq!(due(&register, &created, "2026-04-01")[0].1, "2026-04-11");
}

#[test]
fn public_body_deadlines_count_pauses_holidays_and_closures() {
    let register = register_under(Regime::NationalOrgan, false);
    // Received 04-01: day 30 is 05-01 (Fri).
    let plain = create(&register, request("2026-04-01"));
    assert_eq!(
        due(&register, &plain, "2026-04-01"),
        [(DeadlineRule::PublicDecision, "2026-05-01".to_owned())]
    );
    // With 04-10..04-12 paused for a correction: 05-01 + 3 = 05-04 (みどりの日); 05-05, 05-06
    // closed → 05-07 (Thu).
    let paused = register
        .add_request_pause(
            plain.id,
            plain.version,
            pause("2026-04-10", Some("2026-04-12")),
            ACTOR,
        )
        .unwrap();
    let view = register.request(paused.id, d("2026-04-01")).unwrap();
    let deadline = &view.deadlines[0].deadline;
    assert_eq!(deadline.due, d("2026-05-07"));
    assert_eq!(
        deadline.to_string(),
        "30 days from the day after 2026-04-01, paused 3 days (2026-04-10 to 2026-04-12), \
         ends on a holiday (2026-05-04) → 2026-05-07"
    );

    // Default closures (12/29–1/3): received 12-01, day 30 = 12-31 closed → 2027-01-04 (Mon).
    let year_end = create(&register, request("2026-12-01"));
    assert_eq!(due(&register, &year_end, "2026-12-01")[0].1, "2027-01-04");
    // Received 07-15: day 30 = 08-14 (Fri), open by default.
    let summer = create(&register, request("2026-07-15"));
    assert_eq!(due(&register, &summer, "2026-07-15")[0].1, "2026-08-14");
    // Received 05-16 (Sat): day 30 = 06-15 (Mon).
    let june = create(&register, request("2026-05-16"));
    assert_eq!(due(&register, &june, "2026-05-16")[0].1, "2026-06-15");

    // The organisation's own closures replace the default: obon 8/13–8/16 and 2026-06-15, no
    // year-end closure. 08-14 is in obon, 08-15/16 a weekend → 08-17 (Mon); 06-15 closed →
    // 06-16 (Tue); 12-31 (Thu) now open → 12-31.
    let settings = DeadlineSettingsInput {
        recurring_closures: vec![ClosureRange {
            from: MonthDay { month: 8, day: 13 },
            to: MonthDay { month: 8, day: 16 },
        }],
        closed_dates: vec![d("2026-06-15")],
        ..DeadlineSettingsInput::default()
    };
    register
        .save_deadline_settings(settings, None, ACTOR)
        .unwrap();
    assert_eq!(due(&register, &summer, "2026-07-15")[0].1, "2026-08-17");
    assert_eq!(due(&register, &june, "2026-05-16")[0].1, "2026-06-16");
    assert_eq!(due(&register, &year_end, "2026-12-01")[0].1, "2026-12-31");
}

#[test]
fn an_ordinance_shortens_periods_for_local_governments_only() {
    let settings = DeadlineSettingsInput {
        ordinance_decision_days: Some(14),
        ordinance_extension_days: Some(10),
        ..DeadlineSettingsInput::default()
    };
    let local = register_under(Regime::LocalGovernment, false);
    local
        .save_deadline_settings(settings.clone(), None, ACTOR)
        .unwrap();
    // Received 04-20 (Mon): 04-20 + 14 = 05-04 (みどりの日); 05-05, 05-06 closed → 05-07.
    let created = create(&local, request("2026-04-20"));
    assert_eq!(due(&local, &created, "2026-04-20")[0].1, "2026-05-07");
    // Extended by the ordinance's 10 days: 24 days → 05-14 (Thu).
    let extension = Extension {
        reason: "事務処理上の困難".into(),
        notified_on: d("2026-05-01"),
    };
    let extended = local
        .set_request_extension(created.id, created.version, Some(extension), ACTOR)
        .unwrap();
    assert_eq!(due(&local, &extended, "2026-04-20")[0].1, "2026-05-14");

    // A national organ has no ordinance: 04-20 + 30 = 05-20 (Wed).
    let national = register_under(Regime::NationalOrgan, false);
    national
        .save_deadline_settings(settings, None, ACTOR)
        .unwrap();
    let created = create(&national, request("2026-04-20"));
    assert_eq!(due(&national, &created, "2026-04-20")[0].1, "2026-05-20");
}

#[test]
fn after_a_disclosure_the_requester_s_filing_limit_is_shown() {
    let register = register_under(Regime::NationalOrgan, false);
    let reviewed = under_review(&register, "2026-05-01");
    let decided = decide(&register, &reviewed, DecisionOutcome::Full, "2026-05-20");
    let notified = notify(&register, &decided, "2026-06-01");
    let view = register.request(notified.id, d("2026-06-02")).unwrap();
    // Decision: 05-01 + 30 = 05-31 (Sun) → 06-01, met on 05-20. Filing limit: 06-01 + 90 =
    // 08-30 (Sun) → 08-31 (Mon), the requester's line.
    let summary: Vec<_> = view
        .deadlines
        .iter()
        .map(|x| {
            (
                x.deadline.rule,
                x.deadline.due.to_string(),
                x.state,
                x.met_on,
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            (
                DeadlineRule::PublicDecision,
                "2026-06-01".to_owned(),
                DeadlineState::Met,
                Some(d("2026-05-20"))
            ),
            (
                DeadlineRule::PublicFilingLimit,
                "2026-08-31".to_owned(),
                DeadlineState::Informational,
                None
            ),
        ]
    );
    assert!(!view.overdue);
    // Not after a refusal: there is nothing disclosed to correct.
    let reviewed = under_review(&register, "2026-05-01");
    let mut refusal = decision(DecisionOutcome::Refusal, "2026-05-20");
    refusal.grounds = vec![RefusalGround::OtherIndividuals];
    refusal.reason = "第三者の個人情報".into();
    let decided = step(
        &register,
        &reviewed,
        RequestStep::Decide { decision: refusal },
    );
    let notified = notify(&register, &decided, "2026-06-01");
    assert_eq!(due(&register, &notified, "2026-06-02").len(), 1);
}

#[test]
fn overdue_due_this_week_and_pending_follow_today() {
    let register = private();
    let created = create(&register, request("2026-04-01"));
    // Due 04-15.
    let at = |today: &str| {
        let view = register.request(created.id, d(today)).unwrap();
        (
            view.overdue,
            view.due_this_week,
            view.deadlines[0].state,
            view.deadlines[0].days_left,
        )
    };
    assert_eq!(at("2026-04-08"), (false, false, DeadlineState::Pending, 7));
    assert_eq!(at("2026-04-09"), (false, true, DeadlineState::Pending, 6));
    assert_eq!(at("2026-04-15"), (false, true, DeadlineState::Pending, 0));
    assert_eq!(at("2026-04-16"), (true, false, DeadlineState::Overdue, -1));
    assert_eq!(
        register
            .request(created.id, d("2026-04-16"))
            .unwrap()
            .days_open,
        15
    );
}

#[test]
fn the_agenda_lists_open_items_by_next_deadline_then_the_rest_oldest_first() {
    let register = private();
    let late = create(&register, request("2026-04-05")); // due 04-19
    let early = create(&register, request("2026-04-01")); // due 04-15
    let answered = under_review(&register, "2026-03-20");
    let answered = decide(&register, &answered, DecisionOutcome::Full, "2026-03-25");
    notify(&register, &answered, "2026-03-26");
    let closed = under_review(&register, "2026-03-01");
    let closed = decide(&register, &closed, DecisionOutcome::NotHeld, "2026-03-02");
    let closed = notify(&register, &closed, "2026-03-03");
    step(
        &register,
        &closed,
        RequestStep::Close {
            closed_on: d("2026-03-04"),
        },
    );
    let complaint = register
        .create_complaint(common::complaint("2026-03-10"), ACTOR)
        .unwrap();
    let paused = create(&register, request("2026-04-10"));
    register
        .add_request_pause(paused.id, paused.version, pause("2026-04-11", None), ACTOR)
        .unwrap();

    let agenda = register.agenda(d("2026-04-16")).unwrap();
    let order: Vec<&str> = agenda.items.iter().map(|i| i.reference.as_str()).collect();
    // early (04-15, overdue), late (04-19), paused (line 04-24; target later), then without a
    // pending deadline: the complaint (03-10) before the answered request (03-20).
    assert_eq!(order, ["R-0002", "R-0001", "R-0005", "C-0001", "R-0003"]);
    let flags: Vec<(bool, bool, bool)> = agenda
        .items
        .iter()
        .map(|i| (i.overdue, i.due_this_week, i.paused))
        .collect();
    assert_eq!(
        flags,
        [
            (true, false, false),
            (false, true, false),
            (false, false, true),
            (false, false, false),
            (false, false, false)
        ]
    );
    assert_eq!(agenda.items[0].next_due, Some(d("2026-04-15")));
    assert_eq!(agenda.items[0].id, early.id);
    assert_eq!(agenda.items[1].id, late.id);
    assert_eq!(agenda.items[3].id, complaint.id);
    assert_eq!(agenda.items[3].days_open, 37);
    assert!(
        agenda.items[4].deadlines.is_empty(),
        "answered: nothing left to meet"
    );
}

// ---------------------------------------------------------------------------------------------
// Links, audit and the demo
// ---------------------------------------------------------------------------------------------

#[test]
fn a_holding_named_by_requests_or_complaints_cannot_be_deleted() {
    let register = private();
    let named = register
        .create_holding(holding("健診データ"), ACTOR)
        .unwrap();
    let mut input = request("2026-04-01");
    input.holding_ids = vec![named.id];
    let first = create(&register, input.clone());
    create(&register, input);
    let mut complaint = common::complaint("2026-04-02");
    complaint.holding_ids = vec![named.id];
    register.create_complaint(complaint, ACTOR).unwrap();

    let error = register
        .delete_holding(named.id, named.version, ACTOR)
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::InUse);
    assert_eq!(error.references(), ["R-0001", "R-0002", "C-0001"]);
    assert_eq!(
        error.to_string(),
        "holding H-0001 (健診データ) cannot be deleted: requests R-0001, R-0002 and complaint \
         C-0001 concern it; remove the holding from them first"
    );
    assert!(register.holding(named.id).is_ok());
    assert_eq!(
        register
            .history(Entity::Holding, &named.id.to_string())
            .unwrap()
            .len(),
        1
    );

    // Unlinking the first request leaves the others in the message.
    let mut fields = first.fields.clone();
    fields.holding_ids.clear();
    register
        .update_request(first.id, first.version, fields, ACTOR)
        .unwrap();
    let error = register
        .delete_holding(named.id, named.version, ACTOR)
        .unwrap_err();
    assert!(
        error
            .to_string()
            .contains("request R-0002 and complaint C-0001 concern it"),
        "{error}"
    );
}

#[test]
fn every_write_appends_exactly_one_entry_and_a_refused_write_none() {
    let temp = common::TempRegister::new();
    let register = temp.open();
    register
        .save_organisation(common::organisation(), None, ACTOR)
        .unwrap();
    let base = common::audit_count(&temp.path);
    let created = create(&register, request("2026-04-01"));
    let paused = register
        .add_request_pause(
            created.id,
            created.version,
            pause("2026-04-02", None),
            ACTOR,
        )
        .unwrap();
    let ended = register
        .end_request_pause(
            paused.id,
            paused.version,
            paused.pauses[0].id,
            d("2026-04-03"),
            ACTOR,
        )
        .unwrap();
    assert_eq!(common::audit_count(&temp.path), base + 3);
    assert!(register
        .record_decision(
            ended.id,
            ended.version,
            decision(DecisionOutcome::Full, "2026-04-04"),
            ACTOR
        )
        .is_err());
    assert_eq!(common::audit_count(&temp.path), base + 3);
    let history = register
        .history(Entity::Request, &created.id.to_string())
        .unwrap();
    assert_eq!(history.len(), 3);
    assert!(history[0].changes.iter().any(|c| c.field == "pauses"));
    assert!(history[0].changes.iter().any(|c| c.field == "timeline"));
    assert!(register.verify().unwrap().is_intact());
}

#[test]
fn deadline_settings_are_validated_versioned_and_audited() {
    let register = private();
    assert_eq!(register.deadline_settings().unwrap(), None);
    assert_eq!(
        register.effective_deadline_settings().unwrap(),
        DeadlineSettingsInput::default()
    );
    let bad = DeadlineSettingsInput {
        recurring_closures: vec![
            ClosureRange {
                from: MonthDay { month: 2, day: 30 },
                to: MonthDay { month: 3, day: 1 },
            },
            ClosureRange::YEAR_END,
            ClosureRange::YEAR_END,
        ],
        closed_dates: vec![d("2026-06-15"), d("2026-06-15")],
        ordinance_decision_days: Some(31),
        ordinance_extension_days: Some(0),
        private_target_days: 0,
    };
    let error = register
        .save_deadline_settings(bad, None, ACTOR)
        .unwrap_err();
    assert_eq!(
        fields(&error),
        [
            (
                "recurringClosures[0].from".to_owned(),
                FieldErrorCode::OutOfRange
            ),
            ("recurringClosures[2]".to_owned(), FieldErrorCode::Duplicate),
            ("closedDates[1]".to_owned(), FieldErrorCode::Duplicate),
            (
                "ordinanceDecisionDays".to_owned(),
                FieldErrorCode::OutOfRange
            ),
            (
                "ordinanceExtensionDays".to_owned(),
                FieldErrorCode::OutOfRange
            ),
            ("privateTargetDays".to_owned(), FieldErrorCode::OutOfRange),
        ]
    );
    let saved = register
        .save_deadline_settings(DeadlineSettingsInput::default(), None, ACTOR)
        .unwrap();
    assert_eq!(saved.version, 1);
    let stale = register
        .save_deadline_settings(DeadlineSettingsInput::default(), None, ACTOR)
        .unwrap_err();
    assert_eq!(stale.kind(), ErrorKind::Conflict);
    let none = DeadlineSettingsInput {
        recurring_closures: Vec::new(),
        ..DeadlineSettingsInput::default()
    };
    let updated = register
        .save_deadline_settings(none, Some(1), ACTOR)
        .unwrap();
    assert_eq!(updated.version, 2);
    assert!(
        updated.settings.recurring_closures.is_empty(),
        "an empty list means no closures"
    );
    let history = register.history(Entity::DeadlineSettings, "1").unwrap();
    assert_eq!(history.len(), 2);
    assert_eq!(history[0].changes[0].field, "recurringClosures");
    assert!(register.verify().unwrap().is_intact());
}

#[test]
fn a_request_edited_behind_the_apps_back_is_named() {
    let temp = common::TempRegister::new();
    let register = temp.open();
    register
        .save_organisation(common::organisation(), None, ACTOR)
        .unwrap();
    let created = create(&register, request("2026-04-01"));
    confirm(&register, &created, "2026-04-02");
    drop(register);
    temp.raw()
        .execute("UPDATE request SET received_on = '2026-03-01'", [])
        .unwrap();
    let report = temp.open().verify().unwrap();
    assert_eq!(report.altered_records.len(), 1, "{report:?}");
    assert_eq!(report.altered_records[0].entity, "request");
    assert!(report.altered_records[0].reason.contains("differs"));
    // The schema itself refuses an impossible state.
    let skipped = temp
        .raw()
        .execute("UPDATE request SET status = 'decided'", []);
    assert!(skipped.is_err(), "decided without a decision");
    let timeline = temp
        .raw()
        .execute("UPDATE request_event SET note = 'x'", []);
    assert!(timeline.unwrap_err().to_string().contains("append-only"));
}

#[test]
fn the_demo_shows_a_paused_an_overdue_and_a_partially_refused_request() {
    let register = memory_register();
    daicho::demo::load(&register, ACTOR).unwrap();
    let today = daicho::clock::today();
    let views = register.requests(today).unwrap();
    assert!(views.iter().any(|v| v.paused
        && v.request.open_pause().map(|p| p.reason) == Some(PauseReason::IdentityDocuments)));
    assert!(views.iter().any(|v| v.overdue));
    assert!(views.iter().any(|v| v.due_this_week));
    assert!(views
        .iter()
        .any(|v| v.request.decision.as_ref().is_some_and(|d| {
            d.outcome == DecisionOutcome::Partial
                && d.grounds == [RefusalGround::HarmToPersonOrThirdParty]
        })));
    let complaints = register.complaints(today).unwrap();
    assert_eq!(complaints.len(), 2);
    assert!(complaints.iter().any(|c| !c.open) && complaints.iter().any(|c| c.open));
    assert!(register.verify().unwrap().is_intact());
}

// ---------------------------------------------------------------------------------------------
// The large-volume special track (開示決定等の期限の特例, art. 84)
// ---------------------------------------------------------------------------------------------

fn large_volume(notified_on: &str, remainder_by: &str) -> LargeVolumeNotice {
    LargeVolumeNotice {
        reason: "対象文書が約3万枚に及び、60日以内にすべてを判断すると事務に著しい支障が生ずるため"
            .into(),
        notified_on: d(notified_on),
        remainder_by: d(remainder_by),
    }
}

#[test]
fn the_large_volume_track_gives_three_deadlines_instead_of_one() {
    // Local government, received 2026-04-01 (Wed). The ordinary period: day 1 is 04-02, day 30
    // is 05-01 (Fri, open), so the notice is due 05-01. The substantial part: day 60 is 05-31
    // (Sun) → next open day 06-01 (Mon). The rest: 2026-09-30, the date the organ fixed.
    let register = register_under(Regime::LocalGovernment, false);
    let created = create(&register, request("2026-04-01"));
    let view = register.request(created.id, d("2026-04-01")).unwrap();
    assert!(view.rules.large_volume_allowed);
    assert_eq!(
        due(&register, &created, "2026-04-01"),
        [(DeadlineRule::PublicDecision, "2026-05-01".to_owned())]
    );

    let tracked = register
        .set_request_large_volume(
            created.id,
            created.version,
            Some(large_volume("2026-05-01", "2026-09-30")),
            ACTOR,
        )
        .unwrap();
    assert_eq!(tracked.version, created.version + 1);
    assert_eq!(
        tracked.large_volume,
        Some(large_volume("2026-05-01", "2026-09-30"))
    );
    let last = tracked.timeline.last().unwrap();
    assert_eq!(
        (last.kind, last.on),
        (RequestEventKind::LargeVolumeNotified, d("2026-05-01"))
    );
    let entries = register
        .history(Entity::Request, &tracked.id.to_string())
        .unwrap();
    assert_eq!(
        entries.len() as i64,
        tracked.version,
        "one audit entry per change"
    );

    let view = register.request(tracked.id, d("2026-05-10")).unwrap();
    let got: Vec<_> = view
        .deadlines
        .iter()
        .map(|x| {
            (
                x.deadline.rule,
                x.deadline.due.to_string(),
                x.state,
                x.met_on,
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                DeadlineRule::PublicLargeVolumeNotice,
                "2026-05-01".to_owned(),
                DeadlineState::Met,
                Some(d("2026-05-01"))
            ),
            (
                DeadlineRule::PublicLargeVolumePart,
                "2026-06-01".to_owned(),
                DeadlineState::Pending,
                None
            ),
            (
                DeadlineRule::PublicLargeVolumeRemainder,
                "2026-09-30".to_owned(),
                DeadlineState::Pending,
                None
            ),
        ]
    );
    assert_eq!(
        view.deadlines[2].deadline.explanation,
        [DeadlineStep::FixedByOrgan {
            date: d("2026-09-30")
        }]
    );
    assert!(matches!(
        view.deadlines[1].deadline.explanation.last(),
        Some(DeadlineStep::RolledOver { .. })
    ));
    assert!(register.verify().unwrap().is_intact());

    // The agenda shows the part as the next deadline; the met notice is not listed.
    let agenda = register.agenda(d("2026-05-10")).unwrap();
    assert_eq!(agenda.items[0].next_due, Some(d("2026-06-01")));

    // Deciding meets the part and the rest.
    let reviewed = confirm(&register, &tracked, "2026-05-02");
    let decided = decide(&register, &reviewed, DecisionOutcome::Full, "2026-05-29");
    let view = register.request(decided.id, d("2026-06-10")).unwrap();
    assert!(view.deadlines.iter().all(|x| x.state == DeadlineState::Met));

    // Removed in error: back to the single decision deadline.
    let created = create(&register, request("2026-04-01"));
    let tracked = register
        .set_request_large_volume(
            created.id,
            created.version,
            Some(large_volume("2026-04-20", "2026-08-31")),
            ACTOR,
        )
        .unwrap();
    let removed = register
        .set_request_large_volume(tracked.id, tracked.version, None, ACTOR)
        .unwrap();
    assert_eq!(removed.large_volume, None);
    assert_eq!(
        removed.timeline.last().unwrap().kind,
        RequestEventKind::LargeVolumeRemoved
    );
    assert_eq!(
        due(&register, &removed, "2026-04-01"),
        [(DeadlineRule::PublicDecision, "2026-05-01".to_owned())]
    );
    let error = register
        .set_request_large_volume(removed.id, removed.version, None, ACTOR)
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Conflict);
    assert!(
        error.to_string().contains("not on the large-volume"),
        "{error}"
    );
}

#[test]
fn the_large_volume_track_is_refused_outside_its_rules() {
    // National organ, received 2026-04-01: ordinary period ends 05-01 (Fri); substantial part
    // 05-31 (Sun) → 06-01 (Mon).
    let register = register_under(Regime::NationalOrgan, false);
    let created = create(&register, request("2026-04-01"));
    let refuse = |notice: LargeVolumeNotice| {
        register
            .set_request_large_volume(created.id, created.version, Some(notice), ACTOR)
            .unwrap_err()
    };

    // A notice on 05-02 comes after the ordinary period.
    let error = refuse(large_volume("2026-05-02", "2026-09-30"));
    assert!(
        has(&error, "largeVolume.notifiedOn", FieldErrorCode::DateOrder),
        "{error}"
    );
    assert!(
        error.to_string().contains("must be notified by 2026-05-01"),
        "{error}"
    );
    // The rest must be due after the substantial part (06-01), not on it.
    let error = refuse(large_volume("2026-04-20", "2026-06-01"));
    assert!(
        has(&error, "largeVolume.remainderBy", FieldErrorCode::DateOrder),
        "{error}"
    );
    assert!(error.to_string().contains("after 2026-06-01"), "{error}");
    let mut blank = large_volume("2026-04-20", "2026-09-30");
    blank.reason = "  ".into();
    let error = refuse(blank);
    assert!(
        has(&error, "largeVolume.reason", FieldErrorCode::Required),
        "{error}"
    );
    let error = refuse(large_volume("2026-03-31", "2026-09-30"));
    assert!(
        has(&error, "largeVolume.notifiedOn", FieldErrorCode::DateOrder),
        "{error}"
    );
    unchanged(&register, &created);

    // A pause of 5 days (04-10..04-14) moves the part: day 60 is 06-05 (Fri).
    let paused = register
        .add_request_pause(
            created.id,
            created.version,
            PauseInput {
                from: d("2026-04-10"),
                to: Some(d("2026-04-14")),
                reason: PauseReason::Correction,
                note: String::new(),
            },
            ACTOR,
        )
        .unwrap();
    let error = register
        .set_request_large_volume(
            paused.id,
            paused.version,
            Some(large_volume("2026-04-20", "2026-06-05")),
            ACTOR,
        )
        .unwrap_err();
    assert!(error.to_string().contains("after 2026-06-05"), "{error}");
    let tracked = register
        .set_request_large_volume(
            paused.id,
            paused.version,
            Some(large_volume("2026-04-20", "2026-06-08")),
            ACTOR,
        )
        .unwrap();

    // Not together with an ordinary extension, either way round.
    let extension = Extension {
        reason: "事務処理上の困難".into(),
        notified_on: d("2026-04-20"),
    };
    let error = register
        .set_request_extension(tracked.id, tracked.version, Some(extension.clone()), ACTOR)
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Conflict);
    assert!(error.to_string().contains("not both"), "{error}");
    unchanged(&register, &tracked);
    let other = create(&register, request("2026-04-01"));
    let extended = register
        .set_request_extension(other.id, other.version, Some(extension), ACTOR)
        .unwrap();
    let error = register
        .set_request_large_volume(
            extended.id,
            extended.version,
            Some(large_volume("2026-04-20", "2026-09-30")),
            ACTOR,
        )
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Conflict);
    assert!(error.to_string().contains("not both"), "{error}");
    unchanged(&register, &extended);

    // Not after the decision.
    let reviewed = confirm(&register, &tracked, "2026-04-02");
    let decided = decide(&register, &reviewed, DecisionOutcome::Full, "2026-04-25");
    let error = register
        .set_request_large_volume(
            decided.id,
            decided.version,
            Some(large_volume("2026-04-20", "2026-09-30")),
            ACTOR,
        )
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Conflict);

    // Only a public body's disclosure request.
    let mut correction = request("2026-04-01");
    correction.request_type = RequestType::Correction;
    let correction = create(&register, correction);
    let view = register.request(correction.id, d("2026-04-01")).unwrap();
    assert!(!view.rules.large_volume_allowed);
    let error = register
        .set_request_large_volume(
            correction.id,
            correction.version,
            Some(large_volume("2026-04-20", "2026-09-30")),
            ACTOR,
        )
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Conflict);
    assert!(error.to_string().contains("art. 84"), "{error}");

    let register = private();
    let created = create(&register, request("2026-04-01"));
    let view = register.request(created.id, d("2026-04-01")).unwrap();
    assert!(!view.rules.large_volume_allowed);
    let error = register
        .set_request_large_volume(
            created.id,
            created.version,
            Some(large_volume("2026-04-20", "2026-09-30")),
            ACTOR,
        )
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Conflict);
    unchanged(&register, &created);
}

#[test]
fn the_large_volume_notice_survives_an_export_and_import() {
    let source = register_under(Regime::LocalGovernment, false);
    let created = create(&source, request("2026-04-01"));
    source
        .set_request_large_volume(
            created.id,
            created.version,
            Some(large_volume("2026-04-30", "2026-10-30")),
            ACTOR,
        )
        .unwrap();
    let exported = daicho::document::export(&source).unwrap();
    let json = serde_json::to_value(&exported).unwrap();
    assert_eq!(
        json["requests"][0]["largeVolume"]["remainderBy"],
        "2026-10-30"
    );
    let target = memory_register();
    daicho::document::import(&target, &serde_json::to_string(&exported).unwrap(), ACTOR).unwrap();
    let imported = &target.requests(d("2026-05-01")).unwrap()[0];
    assert_eq!(
        imported.request.large_volume,
        Some(large_volume("2026-04-30", "2026-10-30"))
    );
    assert_eq!(imported.deadlines.len(), 3);
    assert!(target.verify().unwrap().is_intact());

    // A document from before the track existed has no `largeVolume` key and still imports.
    let mut old = serde_json::to_value(&exported).unwrap();
    old["requests"][0]
        .as_object_mut()
        .unwrap()
        .remove("largeVolume");
    let request: Request = serde_json::from_value(old["requests"][0].clone()).unwrap();
    assert_eq!(request.large_volume, None);
}
