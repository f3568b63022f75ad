//! Breach incidents: the triage by regime, the reporting deadlines, the record's validation,
//! its lifecycle and timeline, and the drafts.

use crate::common;

use common::{d, incident, incident_item, register_under, ACTOR};
use daicho::audit::Entity;
use daicho::breach::draft::{DraftKind, ReportItem};
use daicho::breach::{triage, BreachLaw, TriageFact, TriageRule};
use daicho::deadline::{DeadlineRule, DeadlineStep};
use daicho::model::agenda::AgendaKind;
use daicho::model::incident::{
    FilingChannel, FilingInput, FilingLaw, FilingPhase, Incident, IncidentActionInput,
    IncidentEventKind, IncidentInput, IncidentItem, NoticeInput, NoticeMethod, Perpetrator,
    SecondaryDamage,
};
use daicho::model::organisation::Regime;
use daicho::model::request::DeadlineState;
use daicho::model::subcontractor::{
    Approval, ApprovalForm, EntrustedData, SubcontractorClass, SubcontractorInput, Supervision,
    SupervisionMethod,
};
use daicho::{ErrorKind, Language};

fn stored(regime: Regime, gdpr_applies: bool, fields: IncidentInput) -> Incident {
    Incident {
        id: 1,
        fields,
        regime,
        gdpr_applies,
        filings: Vec::new(),
        notices: Vec::new(),
        timeline: Vec::new(),
        closed_on: None,
        version: 1,
        created_at: String::new(),
        updated_at: String::new(),
    }
}

fn flagged(name: &str, set: impl Fn(&mut IncidentItem)) -> IncidentItem {
    let mut item = incident_item(name);
    set(&mut item);
    item
}

const AWARE: &str = "2026-11-21T10:15:00+09:00";

/// One hand-checked case: the facts, then for each law listed, whether a report is required
/// and which rules fired.
struct Case {
    name: &'static str,
    regime: Regime,
    gdpr_applies: bool,
    facts: fn(&mut IncidentInput),
    expect: &'static [(BreachLaw, bool, &'static [TriageRule])],
    /// The final report is due in 60 days.
    sixty_days: bool,
}

fn sensitive(f: &mut IncidentInput) {
    f.items.push(flagged("健診結果", |i| i.sensitive = true));
}

fn encrypted(f: &mut IncidentInput) {
    f.strong_encryption = true;
    f.encryption_detail = "AES-256、鍵は別管理".to_owned();
}

fn my_number_items(f: &mut IncidentInput) {
    f.items.push(flagged("個人番号", |i| i.my_number = true));
}

use BreachLaw::{AppiLocalGovernment, AppiNationalOrgan, AppiPrivate, Gdpr, MyNumber};
use Regime::{GdprController, LocalGovernment, NationalOrgan, PrivateOperator};
use TriageRule::{
    FinancialDamage, GdprRisk, MyNumberSystem, OrdinanceSensitive, PersonsOverThreshold,
    PubliclyExposed, Sensitive, WrongfulPurpose,
};

/// 30 hand-checked triage cases: 10 private operator, 5 national organ, 4 local government,
/// 6 Individual Number, 2 GDPR controller, 3 also-GDPR. Each was checked against PPC Rules
/// arts. 7 and 43, the Number Act Rules art. 2 and GDPR Art. 33(1).
const CASES: &[Case] = &[
    // --- private business operator (Rules art. 7; threshold: more than 1,000) ---
    Case {
        name: "one person's sensitive data: item (i), even for one person",
        regime: PrivateOperator,
        gdpr_applies: false,
        facts: sensitive,
        expect: &[(AppiPrivate, true, &[Sensitive])],
        sixty_days: false,
    },
    Case {
        name: "one person's name only: nothing fires",
        regime: PrivateOperator,
        gdpr_applies: false,
        facts: |_| {},
        expect: &[(AppiPrivate, false, &[])],
        sixty_days: false,
    },
    Case {
        name: "exactly 1,000 persons is not more than 1,000",
        regime: PrivateOperator,
        gdpr_applies: false,
        facts: |f| f.persons = 1_000,
        expect: &[(AppiPrivate, false, &[])],
        sixty_days: false,
    },
    Case {
        name: "1,001 persons: item (iv)",
        regime: PrivateOperator,
        gdpr_applies: false,
        facts: |f| f.persons = 1_001,
        expect: &[(AppiPrivate, true, &[PersonsOverThreshold])],
        sixty_days: false,
    },
    Case {
        name: "card numbers: financial damage, item (ii)",
        regime: PrivateOperator,
        gdpr_applies: false,
        facts: |f| f.financial_damage_risk = true,
        expect: &[(AppiPrivate, true, &[FinancialDamage])],
        sixty_days: false,
    },
    Case {
        name: "unauthorised access: wrongful purpose, item (iii), 60 days",
        regime: PrivateOperator,
        gdpr_applies: false,
        facts: |f| f.wrongful_purpose = true,
        expect: &[(AppiPrivate, true, &[WrongfulPurpose])],
        sixty_days: true,
    },
    Case {
        name: "web skimming of data being acquired: item (iii) since 2024-04-01",
        regime: PrivateOperator,
        gdpr_applies: false,
        facts: |f| f.data_being_acquired = true,
        expect: &[(AppiPrivate, true, &[WrongfulPurpose])],
        sixty_days: true,
    },
    Case {
        name: "sensitive and wrongful purpose together: mixed case, 60 days",
        regime: PrivateOperator,
        gdpr_applies: false,
        facts: |f| {
            sensitive(f);
            f.wrongful_purpose = true;
        },
        expect: &[(AppiPrivate, true, &[Sensitive, WrongfulPurpose])],
        sixty_days: true,
    },
    Case {
        name: "sensitive data, strongly encrypted: excluded",
        regime: PrivateOperator,
        gdpr_applies: false,
        facts: |f| {
            sensitive(f);
            encrypted(f);
        },
        expect: &[(AppiPrivate, false, &[Sensitive])],
        sixty_days: false,
    },
    Case {
        name: "5,000 persons on an encrypted USB memory: excluded",
        regime: PrivateOperator,
        gdpr_applies: false,
        facts: |f| {
            f.persons = 5_000;
            encrypted(f);
        },
        expect: &[(AppiPrivate, false, &[PersonsOverThreshold])],
        sixty_days: false,
    },
    // --- national organ (Rules art. 43; threshold: more than 100) ---
    Case {
        name: "national organ, 101 persons: item (iv)",
        regime: NationalOrgan,
        gdpr_applies: false,
        facts: |f| f.persons = 101,
        expect: &[(AppiNationalOrgan, true, &[PersonsOverThreshold])],
        sixty_days: false,
    },
    Case {
        name: "national organ, exactly 100 persons: not more than 100",
        regime: NationalOrgan,
        gdpr_applies: false,
        facts: |f| f.persons = 100,
        expect: &[(AppiNationalOrgan, false, &[])],
        sixty_days: false,
    },
    Case {
        name: "national organ, 500 persons (under the private line): reported",
        regime: NationalOrgan,
        gdpr_applies: false,
        facts: |f| f.persons = 500,
        expect: &[(AppiNationalOrgan, true, &[PersonsOverThreshold])],
        sixty_days: false,
    },
    Case {
        name: "national organ, sensitive: item (i)",
        regime: NationalOrgan,
        gdpr_applies: false,
        facts: sensitive,
        expect: &[(AppiNationalOrgan, true, &[Sensitive])],
        sixty_days: false,
    },
    Case {
        name: "national organ, ordinance-sensitive item: item (v) is for local governments",
        regime: NationalOrgan,
        gdpr_applies: false,
        facts: |f| {
            f.items
                .push(flagged("本籍", |i| i.ordinance_sensitive = true))
        },
        expect: &[(AppiNationalOrgan, false, &[])],
        sixty_days: false,
    },
    // --- local government (Rules art. 43 with item (v)) ---
    Case {
        name: "local government, ordinance-sensitive item: item (v)",
        regime: LocalGovernment,
        gdpr_applies: false,
        facts: |f| {
            f.items
                .push(flagged("本籍", |i| i.ordinance_sensitive = true))
        },
        expect: &[(AppiLocalGovernment, true, &[OrdinanceSensitive])],
        sixty_days: false,
    },
    Case {
        name: "local government, 101 persons",
        regime: LocalGovernment,
        gdpr_applies: false,
        facts: |f| f.persons = 101,
        expect: &[(AppiLocalGovernment, true, &[PersonsOverThreshold])],
        sixty_days: false,
    },
    Case {
        name: "local government, theft of a laptop: wrongful purpose, 60 days",
        regime: LocalGovernment,
        gdpr_applies: false,
        facts: |f| f.wrongful_purpose = true,
        expect: &[(AppiLocalGovernment, true, &[WrongfulPurpose])],
        sixty_days: true,
    },
    Case {
        name: "local government, 300 persons' sensitive data encrypted: excluded",
        regime: LocalGovernment,
        gdpr_applies: false,
        facts: |f| {
            f.persons = 300;
            sensitive(f);
            encrypted(f);
        },
        expect: &[(
            AppiLocalGovernment,
            false,
            &[Sensitive, PersonsOverThreshold],
        )],
        sixty_days: false,
    },
    // --- Individual Number data (Number Act Rules art. 2; threshold: more than 100) ---
    Case {
        name: "101 persons' Individual Numbers at a private operator: Number Act only",
        regime: PrivateOperator,
        gdpr_applies: false,
        facts: |f| {
            my_number_items(f);
            f.persons = 101;
            f.my_number_persons = 101;
        },
        expect: &[
            (AppiPrivate, false, &[]),
            (MyNumber, true, &[PersonsOverThreshold]),
        ],
        sixty_days: false,
    },
    Case {
        name: "100 persons' Individual Numbers: not more than 100",
        regime: PrivateOperator,
        gdpr_applies: false,
        facts: |f| {
            my_number_items(f);
            f.persons = 100;
            f.my_number_persons = 100;
        },
        expect: &[(AppiPrivate, false, &[]), (MyNumber, false, &[])],
        sixty_days: false,
    },
    Case {
        name: "one record in an Individual Number use system: item (i)",
        regime: LocalGovernment,
        gdpr_applies: false,
        facts: |f| {
            my_number_items(f);
            f.my_number_persons = 1;
            f.my_number_system = true;
        },
        expect: &[
            (AppiLocalGovernment, false, &[]),
            (MyNumber, true, &[MyNumberSystem]),
        ],
        sixty_days: false,
    },
    Case {
        name: "Individual Numbers posted on the web site: item (iii)",
        regime: PrivateOperator,
        gdpr_applies: false,
        facts: |f| {
            my_number_items(f);
            f.my_number_persons = 1;
            f.publicly_exposed = true;
        },
        expect: &[
            (AppiPrivate, false, &[]),
            (MyNumber, true, &[PubliclyExposed]),
        ],
        sixty_days: false,
    },
    Case {
        name: "skimming of Individual Numbers being acquired: APPI (iii), not Number Act (ii)",
        regime: PrivateOperator,
        gdpr_applies: false,
        facts: |f| {
            my_number_items(f);
            f.my_number_persons = 1;
            f.data_being_acquired = true;
        },
        expect: &[
            (AppiPrivate, true, &[WrongfulPurpose]),
            (MyNumber, false, &[]),
        ],
        sixty_days: true,
    },
    Case {
        name: "Individual Numbers of 500 persons, encrypted: both excluded",
        regime: NationalOrgan,
        gdpr_applies: false,
        facts: |f| {
            my_number_items(f);
            f.persons = 500;
            f.my_number_persons = 500;
            encrypted(f);
        },
        expect: &[
            (AppiNationalOrgan, false, &[PersonsOverThreshold]),
            (MyNumber, false, &[PersonsOverThreshold]),
        ],
        sixty_days: false,
    },
    // --- GDPR controller (Art. 33(1)) ---
    Case {
        name: "GDPR controller, risk not ruled out: notify within 72 hours; no APPI",
        regime: GdprController,
        gdpr_applies: false,
        facts: sensitive,
        expect: &[(Gdpr, true, &[GdprRisk])],
        sixty_days: false,
    },
    Case {
        name: "GDPR controller, unlikely to result in a risk: documented only",
        regime: GdprController,
        gdpr_applies: false,
        facts: |f| {
            f.gdpr_risk_unlikely = true;
            f.gdpr_risk_reason = "暗号化済みで鍵は漏えいしていない".to_owned();
        },
        expect: &[(Gdpr, false, &[])],
        sixty_days: false,
    },
    // --- private operator also answering to the GDPR: both ---
    Case {
        name: "also-GDPR, sensitive: both laws",
        regime: PrivateOperator,
        gdpr_applies: true,
        facts: sensitive,
        expect: &[(AppiPrivate, true, &[Sensitive]), (Gdpr, true, &[GdprRisk])],
        sixty_days: false,
    },
    Case {
        name: "also-GDPR, one name: APPI no, GDPR yes (risk judgement, no threshold)",
        regime: PrivateOperator,
        gdpr_applies: true,
        facts: |_| {},
        expect: &[(AppiPrivate, false, &[]), (Gdpr, true, &[GdprRisk])],
        sixty_days: false,
    },
    Case {
        name: "also-GDPR, encrypted sensitive data: APPI excluded, GDPR still asks",
        regime: PrivateOperator,
        gdpr_applies: true,
        facts: |f| {
            sensitive(f);
            encrypted(f);
        },
        expect: &[
            (AppiPrivate, false, &[Sensitive]),
            (Gdpr, true, &[GdprRisk]),
        ],
        sixty_days: false,
    },
];

#[test]
fn the_triage_table_holds_for_every_regime() {
    assert_eq!(CASES.len(), 30);
    for case in CASES {
        let mut fields = incident(AWARE);
        (case.facts)(&mut fields);
        let incident = stored(case.regime, case.gdpr_applies, fields);
        let result = triage(&incident);
        let laws: Vec<BreachLaw> = result.laws.iter().map(|l| l.law).collect();
        let expected_laws: Vec<BreachLaw> = case.expect.iter().map(|(l, _, _)| *l).collect();
        assert_eq!(laws, expected_laws, "{}: laws", case.name);
        for (law, (_, required, fired)) in result.laws.iter().zip(case.expect) {
            assert_eq!(
                law.report_required, *required,
                "{}: {:?}",
                case.name, law.law
            );
            let met: Vec<TriageRule> = law
                .checks
                .iter()
                .filter(|c| c.met)
                .map(|c| c.rule)
                .collect();
            assert_eq!(&met, fired, "{}: rules met under {:?}", case.name, law.law);
            let excluded = law.excluded_by.is_some();
            assert_eq!(
                excluded,
                !fired.is_empty() && !required,
                "{}: exclusion",
                case.name
            );
        }
        let any = case.expect.iter().any(|(_, required, _)| *required);
        assert_eq!(result.report_required, any, "{}", case.name);
        assert_eq!(result.wrongful_purpose, case.sixty_days, "{}", case.name);
    }
}

#[test]
fn each_rule_names_the_facts_it_was_decided_on() {
    let mut fields = incident(AWARE);
    fields.persons = 1_200;
    sensitive(&mut fields);
    fields.items.push(flagged("病歴", |i| i.sensitive = true));
    let result = triage(&stored(PrivateOperator, false, fields));
    let law = &result.laws[0];
    let check = |rule| law.checks.iter().find(|c| c.rule == rule).unwrap();
    assert_eq!(
        check(Sensitive).facts,
        vec![TriageFact::SensitiveItems {
            items: vec!["健診結果".to_owned(), "病歴".to_owned()]
        }]
    );
    assert_eq!(
        check(PersonsOverThreshold).facts,
        vec![TriageFact::Persons {
            persons: 1_200,
            threshold: 1_000
        }]
    );
    assert!(
        !check(FinancialDamage).met,
        "every rule is listed, met or not"
    );
    assert!(result.notice_required, "a reportable incident is notified");

    let mut fields = incident(AWARE);
    sensitive(&mut fields);
    encrypted(&mut fields);
    let result = triage(&stored(PrivateOperator, false, fields));
    assert_eq!(
        result.laws[0].excluded_by,
        Some(TriageFact::StrongEncryption {
            detail: "AES-256、鍵は別管理".to_owned()
        })
    );
    assert!(!result.notice_required);
}

/// A hand-checked deadline case: awareness, wrongful purpose, then the final report's due date
/// and the preliminary window.
struct DeadlineCase {
    name: &'static str,
    aware_at: &'static str,
    wrongful: bool,
    final_due: &'static str,
    window: (&'static str, &'static str),
}

/// 8 hand-checked cases against the 2026–2027 calendar (awareness day = day 1; weekends,
/// holidays and 12/29–1/3 roll the last day over; the preliminary window never moves).
const DEADLINE_CASES: &[DeadlineCase] = &[
    DeadlineCase {
        name: "day 30 is Sunday 2026-12-20: Monday",
        aware_at: "2026-11-21T10:15:00+09:00",
        wrongful: false,
        final_due: "2026-12-21",
        window: ("2026-11-24", "2026-11-26"),
    },
    DeadlineCase {
        name: "day 30 is 2026-12-30: past the year-end closure to Monday 2027-01-04",
        aware_at: "2026-12-01T09:00:00+09:00",
        wrongful: false,
        final_due: "2027-01-04",
        window: ("2026-12-04", "2026-12-06"),
    },
    DeadlineCase {
        name: "preliminary window over the new year is not moved",
        aware_at: "2026-12-28T16:00:00+09:00",
        wrongful: false,
        final_due: "2027-01-26",
        window: ("2026-12-31", "2027-01-02"),
    },
    DeadlineCase {
        name: "day 30 is Greenery Day 2027-05-04, then Children's Day: Thursday 05-06",
        aware_at: "2027-04-05T11:00:00+09:00",
        wrongful: false,
        final_due: "2027-05-06",
        window: ("2027-04-08", "2027-04-10"),
    },
    DeadlineCase {
        name: "60 days ending on an ordinary Thursday",
        aware_at: "2026-03-02T09:30:00+09:00",
        wrongful: true,
        final_due: "2026-04-30",
        window: ("2026-03-05", "2026-03-07"),
    },
    DeadlineCase {
        name: "60 days into Golden Week 2026: 05-04, 05-05 and the 05-06 substitute holiday",
        aware_at: "2026-03-06T14:00:00+09:00",
        wrongful: true,
        final_due: "2026-05-07",
        window: ("2026-03-09", "2026-03-11"),
    },
    DeadlineCase {
        name: "awareness entered in CET late at night is the next day in Japan",
        aware_at: "2026-11-20T20:00:00+01:00",
        wrongful: false,
        final_due: "2026-12-21",
        window: ("2026-11-24", "2026-11-26"),
    },
    DeadlineCase {
        name: "day 30 is an ordinary Wednesday: not moved",
        aware_at: "2026-06-04T08:00:00+09:00",
        wrongful: false,
        final_due: "2026-07-03",
        window: ("2026-06-07", "2026-06-09"),
    },
];

#[test]
fn the_deadline_table_holds() {
    assert_eq!(DEADLINE_CASES.len(), 8);
    for case in DEADLINE_CASES {
        let mut fields = incident(case.aware_at);
        sensitive(&mut fields);
        fields.wrongful_purpose = case.wrongful;
        let incident = stored(PrivateOperator, false, fields);
        let result = triage(&incident);
        let deadlines =
            daicho::breach::deadlines(&incident, &result, d("2026-01-01")).expect("computed");
        assert_eq!(deadlines.len(), 2, "{}", case.name);
        let preliminary = &deadlines[0].deadline;
        assert_eq!(preliminary.rule, DeadlineRule::AppiPreliminaryReport);
        match &preliminary.explanation[..] {
            [DeadlineStep::TargetWindow { opens, closes, .. }] => {
                assert_eq!(
                    (*opens, *closes),
                    (d(case.window.0), d(case.window.1)),
                    "{}",
                    case.name
                );
            }
            other => panic!("{}: {other:?}", case.name),
        }
        let final_report = &deadlines[1].deadline;
        let rule = if case.wrongful {
            DeadlineRule::AppiFinalReportWrongfulPurpose
        } else {
            DeadlineRule::AppiFinalReport
        };
        assert_eq!(final_report.rule, rule, "{}", case.name);
        assert_eq!(final_report.due, d(case.final_due), "{}", case.name);
    }
}

#[test]
fn the_gdpr_clock_runs_72_hours_in_the_entered_offset_through_the_new_year() {
    let mut fields = incident("2026-12-30T17:00:00+09:00");
    sensitive(&mut fields);
    let incident = stored(PrivateOperator, true, fields);
    let result = triage(&incident);
    let deadlines = daicho::breach::deadlines(&incident, &result, d("2026-12-31")).unwrap();
    let gdpr = deadlines
        .iter()
        .find(|d| d.deadline.rule == DeadlineRule::GdprBreachNotification)
        .unwrap();
    assert_eq!(
        gdpr.deadline.due_at.unwrap().to_rfc3339(),
        "2027-01-02T17:00:00+09:00",
        "clock hours: the year-end closure does not stop them"
    );
    assert_eq!(gdpr.state, DeadlineState::Pending);

    let fields = common::incident("2026-03-27T10:00:00+01:00");
    let incident = stored(GdprController, false, fields);
    let deadlines = daicho::breach::deadlines(&incident, &triage(&incident), d("2026-04-01"))
        .expect("computed");
    assert_eq!(deadlines.len(), 1, "a GDPR controller has no APPI periods");
    assert_eq!(
        deadlines[0].deadline.due_at.unwrap().to_rfc3339(),
        "2026-03-30T10:00:00+01:00"
    );
    assert_eq!(deadlines[0].state, DeadlineState::Overdue);
}

fn filing(phase: FilingPhase, law: FilingLaw, on: &str) -> FilingInput {
    FilingInput {
        phase,
        law,
        filed_on: d(on),
        authority: "個人情報保護委員会".to_owned(),
        channel: FilingChannel::WebForm,
        reference_no: "R-123".to_owned(),
        note: String::new(),
    }
}

#[test]
fn an_incident_goes_from_intake_to_final_report_on_its_timeline() {
    let register = register_under(PrivateOperator, false);
    let holding = register
        .create_holding(common::holding("特定健診データ"), ACTOR)
        .unwrap();
    let mut input = incident(AWARE);
    sensitive(&mut input);
    input.holding_ids = vec![holding.id];
    let created = register.create_incident(input.clone(), ACTOR).unwrap();
    assert_eq!(created.fields.reference, "I-0001");
    assert_eq!(created.regime, PrivateOperator);
    assert_eq!(created.timeline.len(), 1);
    assert_eq!(created.timeline[0].kind, IncidentEventKind::Recorded);

    let view = register.incident(created.id, d("2026-11-23")).unwrap();
    assert!(view.triage.report_required);
    assert_eq!(
        view.next_due,
        Some(d("2026-11-26")),
        "the preliminary window"
    );
    let agenda = register.agenda(d("2026-11-23")).unwrap();
    let item = agenda
        .items
        .iter()
        .find(|i| i.kind == AgendaKind::Incident)
        .unwrap();
    assert_eq!(item.reference, "I-0001");
    assert_eq!(item.next_due, Some(d("2026-11-26")));
    assert!(item.due_this_week);

    input.persons = 2;
    input.cause = "宛先の選択誤りと確認不足".to_owned();
    let updated = register
        .update_incident(created.id, created.version, input, ACTOR)
        .unwrap();
    assert_eq!(updated.fields.reference, "I-0001", "kept when left empty");
    let last = updated.timeline.last().unwrap();
    assert_eq!(last.kind, IncidentEventKind::Updated);
    assert_eq!(last.note, "cause, persons", "the changed fields, by name");

    let acted = register
        .add_incident_action(
            created.id,
            updated.version,
            IncidentActionInput {
                on: d("2026-11-21"),
                description: "誤送信先に削除を依頼".to_owned(),
            },
            ACTOR,
        )
        .unwrap();
    let filed = register
        .add_incident_filing(
            created.id,
            acted.version,
            filing(FilingPhase::Preliminary, FilingLaw::Appi, "2026-11-24"),
            ACTOR,
        )
        .unwrap();
    let notified = register
        .add_incident_notice(
            created.id,
            filed.version,
            NoticeInput {
                notified_on: d("2026-11-25"),
                method: NoticeMethod::Letter,
                persons: 2,
                note: String::new(),
            },
            ACTOR,
        )
        .unwrap();
    let view = register.incident(created.id, d("2026-11-30")).unwrap();
    assert_eq!(view.deadlines[0].state, DeadlineState::Met);
    assert_eq!(view.deadlines[0].met_on, Some(d("2026-11-24")));
    assert_eq!(view.deadlines[1].state, DeadlineState::Pending);
    assert_eq!(view.next_due, Some(d("2026-12-21")));

    let late = register.incident(created.id, d("2026-12-22")).unwrap();
    assert!(late.overdue, "the final report is overdue after 2026-12-21");

    let final_filed = register
        .add_incident_filing(
            created.id,
            notified.version,
            filing(FilingPhase::Final, FilingLaw::Appi, "2026-12-18"),
            ACTOR,
        )
        .unwrap();
    let view = register.incident(created.id, d("2026-12-22")).unwrap();
    assert!(!view.overdue);
    assert_eq!(view.deadlines[1].state, DeadlineState::Met);
    assert_eq!(view.next_due, None);

    let closed = register
        .close_incident(
            created.id,
            final_filed.version,
            d("2026-12-25"),
            "確報済み".to_owned(),
            ACTOR,
        )
        .unwrap();
    let kinds: Vec<IncidentEventKind> = closed.timeline.iter().map(|e| e.kind).collect();
    assert_eq!(
        kinds,
        vec![
            IncidentEventKind::Recorded,
            IncidentEventKind::Updated,
            IncidentEventKind::Action,
            IncidentEventKind::Filed,
            IncidentEventKind::PersonsNotified,
            IncidentEventKind::Filed,
            IncidentEventKind::Closed,
        ]
    );
    let error = register
        .add_incident_action(
            created.id,
            closed.version,
            IncidentActionInput {
                on: d("2026-12-26"),
                description: "追記".to_owned(),
            },
            ACTOR,
        )
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Conflict, "a closed incident stays");
    let stale = register
        .update_incident(created.id, 1, incident(AWARE), ACTOR)
        .unwrap_err();
    assert_eq!(stale.kind(), ErrorKind::Conflict);

    let history = register
        .history(Entity::Incident, &created.id.to_string())
        .unwrap();
    assert_eq!(history.len(), 7, "one audit entry per write");
    assert!(register.verify().unwrap().is_intact());
    assert!(register
        .agenda(d("2026-12-26"))
        .unwrap()
        .items
        .iter()
        .all(|i| i.kind != AgendaKind::Incident));

    let error = register
        .delete_holding(holding.id, holding.version, ACTOR)
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::InUse);
    assert!(error.to_string().contains("incident I-0001"), "{error}");
}

#[test]
fn an_incident_needs_the_organisation_profile() {
    let register = common::memory_register();
    let error = register
        .create_incident(incident(AWARE), ACTOR)
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Conflict);
}

fn fields_of(error: &daicho::CoreError) -> Vec<String> {
    error
        .field_errors()
        .iter()
        .map(|f| f.field.clone())
        .collect()
}

#[test]
fn every_validation_rule_names_its_field() {
    let register = register_under(PrivateOperator, false);
    let mut bad = incident(AWARE);
    bad.title = "  ".to_owned();
    bad.aware_department = String::new();
    bad.occurred_on = Some(d("2026-11-22"));
    bad.nature = Vec::new();
    bad.items.push(incident_item("氏名"));
    bad.persons = -1;
    bad.secondary_damage = SecondaryDamage::MayOccur;
    bad.strong_encryption = true;
    bad.gdpr_risk_unlikely = true;
    bad.perpetrator = Perpetrator::Insider;
    bad.entrustee_notified_on = Some(d("2026-11-21"));
    bad.holding_ids = vec![999];
    let error = register.create_incident(bad, ACTOR).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Validation);
    let fields = fields_of(&error);
    for field in [
        "title",
        "awareDepartment",
        "occurredOn",
        "nature",
        "items[1].name",
        "persons",
        "secondaryDamageDetail",
        "encryptionDetail",
        "gdprRiskReason",
        "entrusteeNotifiedOn",
        "holdingIds[0]",
    ] {
        assert!(fields.contains(&field.to_owned()), "{field} in {fields:?}");
    }

    let mut bad = incident(AWARE);
    bad.my_number_persons = 2;
    bad.perpetrator = Perpetrator::Subcontractor;
    let fields = fields_of(&register.create_incident(bad, ACTOR).unwrap_err());
    assert!(fields.contains(&"myNumberPersons".to_owned()), "{fields:?}");
    assert!(fields.contains(&"entrustedParty".to_owned()), "{fields:?}");

    let mut bad = incident(AWARE);
    my_number_items(&mut bad);
    bad.my_number_persons = 1;
    assert!(
        register.create_incident(bad, ACTOR).is_ok(),
        "counted persons with a marked item are accepted"
    );
    assert!(register.verify().unwrap().is_intact());

    let created = register.create_incident(incident(AWARE), ACTOR).unwrap();
    let error = register
        .add_incident_filing(
            created.id,
            created.version,
            FilingInput {
                authority: String::new(),
                ..filing(FilingPhase::Supplementary, FilingLaw::Appi, "2026-11-20")
            },
            ACTOR,
        )
        .unwrap_err();
    let fields = fields_of(&error);
    for field in ["filing.filedOn", "filing.authority", "filing.phase"] {
        assert!(fields.contains(&field.to_owned()), "{field} in {fields:?}");
    }
    let error = register
        .add_incident_notice(
            created.id,
            created.version,
            NoticeInput {
                notified_on: d("2026-11-22"),
                method: NoticeMethod::Other,
                persons: 1,
                note: String::new(),
            },
            ACTOR,
        )
        .unwrap_err();
    assert_eq!(fields_of(&error), vec!["notice.note".to_owned()]);
    let error = register
        .add_incident_action(
            created.id,
            created.version,
            IncidentActionInput {
                on: d("2026-11-01"),
                description: String::new(),
            },
            ACTOR,
        )
        .unwrap_err();
    assert_eq!(
        fields_of(&error),
        vec!["action.on".to_owned(), "action.description".to_owned()]
    );
    let unchanged = register.incident(created.id, d("2026-11-23")).unwrap();
    assert_eq!(unchanged.incident.version, 1, "nothing half-written");
}

#[test]
fn the_timeline_and_filings_cannot_be_rewritten_behind_the_app() {
    let temp = common::TempRegister::new();
    let register = temp.open();
    register
        .save_organisation(common::organisation(), None, ACTOR)
        .unwrap();
    let created = register.create_incident(incident(AWARE), ACTOR).unwrap();
    register
        .add_incident_filing(
            created.id,
            created.version,
            filing(FilingPhase::Preliminary, FilingLaw::Appi, "2026-11-22"),
            ACTOR,
        )
        .unwrap();
    drop(register);
    let conn = temp.raw();
    for sql in [
        "UPDATE incident_event SET note = 'x'",
        "UPDATE incident_filing SET reference_no = 'x'",
    ] {
        assert!(conn.execute(sql, []).is_err(), "{sql}");
    }
    conn.execute("UPDATE incident SET persons = 5000", [])
        .unwrap();
    drop(conn);
    let report = temp.open().verify().unwrap();
    assert!(!report.is_intact());
    assert_eq!(report.altered_records[0].entity, "incident");
}

#[test]
fn the_drafts_carry_the_nine_and_five_items_in_both_languages() {
    let register = register_under(PrivateOperator, false);
    let mut input = incident(AWARE);
    sensitive(&mut input);
    input.prevention = "二名確認を義務付ける".to_owned();
    let created = register.create_incident(input, ACTOR).unwrap();
    for language in [Language::Ja, Language::En] {
        let report = register
            .incident_draft(created.id, DraftKind::Report, language)
            .unwrap();
        let items: Vec<ReportItem> = report.sections.iter().map(|s| s.item).collect();
        assert_eq!(items, ReportItem::ALL.to_vec());
        let text = report.to_text();
        assert!(text.contains("二名確認を義務付ける"));
        assert!(text.contains("9. "), "{text}");
        let notice = register
            .incident_draft(created.id, DraftKind::Notice, language)
            .unwrap();
        let items: Vec<ReportItem> = notice.sections.iter().map(|s| s.item).collect();
        assert_eq!(items, ReportItem::NOTICE.to_vec());
        assert!(!notice.to_text().contains("二名確認"), "not a notice item");
    }
    let ja = register
        .incident_draft(created.id, DraftKind::Report, Language::Ja)
        .unwrap()
        .to_text();
    assert!(ja.contains("8. 再発防止のための措置"), "{ja}");
    assert!(ja.contains("個人情報保護法施行規則第7条第1号"), "{ja}");
    assert!(ja.contains("健診結果（要配慮個人情報）"), "{ja}");
    let en = register
        .incident_draft(created.id, DraftKind::Report, Language::En)
        .unwrap()
        .to_text();
    assert!(en.contains("PPC Rules art. 7(i)"), "{en}");
    assert!(en.contains("Reported under APPI art. 26(1)."), "{en}");
}

/// A tier of a subcontracting chain entrusted every item of `holding`.
fn tier(
    name: &str,
    parent_id: Option<i64>,
    holding: &daicho::model::holding::Holding,
) -> SubcontractorInput {
    SubcontractorInput {
        reference: String::new(),
        parent_id,
        name: name.to_owned(),
        address: format!("{name}の所在地"),
        representative: "代表取締役 山田 一郎".to_owned(),
        country: "JP".to_owned(),
        classification: SubcontractorClass::PrintMail,
        classification_note: String::new(),
        work_description: "通知の印刷と発送".to_owned(),
        entrusted: vec![EntrustedData {
            holding_id: holding.id,
            item_ids: holding
                .fields
                .data_items
                .iter()
                .filter_map(|i| i.id)
                .collect(),
        }],
        contract_reference: "R7-01".to_owned(),
        contract_clauses: "安全管理措置".to_owned(),
        approval: Some(Approval {
            approved_by: "常務理事".to_owned(),
            approved_on: d("2025-04-01"),
            form: ApprovalForm::InternalDecision,
            note: String::new(),
        }),
        supervision: Supervision {
            method: SupervisionMethod::OnSiteAudit,
            frequency_months: 12,
            last_check: Some(d("2026-06-01")),
            next_check: Some(d("2027-06-01")),
            findings: String::new(),
        },
        incident_notified_on: None,
        incident_note: String::new(),
        notes: String::new(),
    }
}

#[test]
fn an_incident_at_a_sub_tier_links_the_tier_and_the_report_shows_the_chain() {
    let temp = common::TempRegister::new();
    let register = temp.open();
    register
        .save_organisation(common::organisation(), None, ACTOR)
        .unwrap();
    let holding = register
        .create_holding(common::holding("医療費通知データ"), ACTOR)
        .unwrap();
    let first = register
        .create_subcontractor(tier("一次印刷株式会社", None, &holding), ACTOR)
        .unwrap();
    let sub = register
        .create_subcontractor(tier("二次封入株式会社", Some(first.id), &holding), ACTOR)
        .unwrap();

    let mut input = incident(AWARE);
    input.holding_ids = vec![holding.id];
    input.perpetrator = Perpetrator::Subcontractor;
    input.entrustee_id = Some(sub.id);
    input.entrustee_notified_on = Some(d("2026-11-21"));
    let created = register.create_incident(input.clone(), ACTOR).unwrap();
    assert_eq!(created.fields.entrustee_id, Some(sub.id));
    assert_eq!(
        created.fields.entrusted_party, "二次封入株式会社",
        "the linked tier names the entrusted party"
    );

    let ja = register
        .incident_draft(created.id, DraftKind::Report, Language::Ja)
        .unwrap()
        .to_text();
    assert!(
        ja.contains("再委託先：二次封入株式会社（二次封入株式会社の所在地）"),
        "{ja}"
    );
    assert!(
        ja.contains("委託の経路：一次印刷株式会社 → 二次封入株式会社（"),
        "{ja}"
    );
    assert!(ja.contains("委託先から通知を受けた日：2026-11-21"), "{ja}");
    let en = register
        .incident_draft(created.id, DraftKind::Report, Language::En)
        .unwrap()
        .to_text();
    assert!(
        en.contains("Sub-entrusted party: 二次封入株式会社 (二次封入株式会社の所在地)"),
        "{en}"
    );
    assert!(
        en.contains("Chain of entrustment: 一次印刷株式会社 → "),
        "{en}"
    );

    // The tier cannot go while the incident names it; the refusal names the incident.
    let error = register
        .delete_subcontractor(sub.id, sub.version, ACTOR)
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::InUse);
    assert!(
        error.to_string().contains(&created.fields.reference),
        "{error}"
    );

    // A tier that does not exist, and a tier on an incident nobody entrusted, name the field.
    let mut missing = input.clone();
    missing.reference = String::new();
    missing.entrustee_id = Some(9_999);
    let error = register.create_incident(missing, ACTOR).unwrap_err();
    assert_eq!(fields_of(&error), vec!["entrusteeId".to_owned()]);
    let mut insider = input.clone();
    insider.perpetrator = Perpetrator::Insider;
    insider.entrustee_notified_on = None;
    let error = register
        .update_incident(created.id, created.version, insider, ACTOR)
        .unwrap_err();
    assert_eq!(fields_of(&error), vec!["entrusteeId".to_owned()]);

    // Unlinking keeps the name as written, so the report still says who it was.
    let mut unlinked = input.clone();
    unlinked.entrustee_id = None;
    unlinked.entrusted_party = created.fields.entrusted_party.clone();
    let updated = register
        .update_incident(created.id, created.version, unlinked, ACTOR)
        .unwrap();
    assert_eq!(updated.fields.entrustee_id, None);
    register
        .delete_subcontractor(sub.id, sub.version, ACTOR)
        .expect("no incident names the tier any more");
    assert!(register.verify().unwrap().is_intact());
    drop(register);

    // The schema holds the rule too: a tier only on a subcontractor's incident.
    let conn = temp.raw();
    conn.execute(
        "UPDATE incident SET perpetrator = 'insider', entrustee_notified_on = NULL",
        [],
    )
    .unwrap();
    let refused = conn.execute("UPDATE incident SET entrustee_id = ?1", [first.id]);
    assert!(refused.is_err(), "an insider's incident linked a tier");
}

#[test]
fn the_document_carries_the_tier_link_and_refuses_a_tier_it_does_not_hold() {
    let source = register_under(PrivateOperator, false);
    let holding = source
        .create_holding(common::holding("医療費通知データ"), ACTOR)
        .unwrap();
    let vendor = source
        .create_subcontractor(tier("一次印刷株式会社", None, &holding), ACTOR)
        .unwrap();
    let mut input = incident(AWARE);
    input.perpetrator = Perpetrator::Subcontractor;
    input.entrustee_id = Some(vendor.id);
    let created = source.create_incident(input, ACTOR).unwrap();

    let document = serde_json::to_value(daicho::document::export(&source).unwrap()).unwrap();
    assert_eq!(document["incidents"][0]["entrusteeId"], vendor.id);
    let target = common::memory_register();
    daicho::document::import(&target, &document.to_string(), ACTOR).unwrap();
    let imported = target.incident(created.id, d("2026-11-23")).unwrap();
    assert_eq!(imported.incident.fields.entrustee_id, Some(vendor.id));

    // A document from before the link existed has no entrusteeId, and still imports.
    let mut older = document.clone();
    older["incidents"][0]
        .as_object_mut()
        .unwrap()
        .remove("entrusteeId");
    older["incidents"][0]["perpetrator"] = "insider".into();
    daicho::document::import(&common::memory_register(), &older.to_string(), ACTOR)
        .expect("an older document without the link imports");

    let mut broken = document.clone();
    broken["subcontractors"] = serde_json::json!([]);
    let error = daicho::document::import(&common::memory_register(), &broken.to_string(), ACTOR)
        .unwrap_err();
    let daicho::CoreError::Import(problems) = &error else {
        panic!("expected an import error, got {error:?}");
    };
    let incident_problem = problems
        .iter()
        .find(|p| p.record == "incidents[0]")
        .expect("the incident is named");
    assert!(
        incident_problem
            .fields
            .iter()
            .any(|f| f.field == "entrusteeId" && f.message.contains(&vendor.id.to_string())),
        "{incident_problem:?}"
    );
}

// ---------------------------------------------------------------------------------------------
// Triage hints: what the items suggest, asked rather than decided
// ---------------------------------------------------------------------------------------------

/// Item names against the two term tables, each case worked out from the rule it points to:
/// PPC Rules art. 7(ii) and the PPC's examples for it (card numbers, bank accounts with PINs,
/// online IDs and passwords, 通則編 3-5-3-1), and art. 7(i) with APPI art. 2(3) and Cabinet
/// Order art. 2(i)–(iii) (medical history, health-check results, treatment).
#[test]
fn the_items_that_suggest_a_trigger_are_found_in_either_language_and_any_width() {
    use daicho::breach::hints::{financial_items, unmarked_health_items};
    // (name, suggests financial damage, suggests health data)
    let cases: &[(&str, bool, bool)] = &[
        ("クレジットカード番号", true, false),
        ("カード番号（下4桁以外）", true, false),
        ("振込先口座番号", true, false),
        ("キャッシュカード暗証番号", true, false),
        ("ID・パスワード", true, false),
        ("ログインID", true, false),
        ("ﾊﾟｽﾜｰﾄﾞ", true, false),            // half-width katakana
        ("ＰＡＳＳＷＯＲＤ", true, false), // full-width Latin
        ("Credit Card Number", true, false),
        ("Bank account details", true, false),
        ("Login credentials", true, false),
        ("病歴", false, true),
        ("既往歴・病名", false, true),
        ("健康診断結果", false, true),
        ("健診結果", false, true),
        ("診療報酬明細書（レセプト）", false, true),
        ("Medical history", false, true),
        ("HEALTH CHECK results", false, true),
        // Not suggesting either: ordinary identity and contact items, and words that only
        // contain a short term by accident ("pin" in "shipping" is not in the table).
        ("氏名", false, false),
        ("住所", false, false),
        ("被保険者番号", false, false),
        ("健康保険証の記号・番号", false, false),
        ("Shipping address", false, false),
        ("メールアドレス", false, false),
    ];
    for (name, financial, health) in cases {
        let items = vec![incident_item(name)];
        assert_eq!(
            !financial_items(&items).is_empty(),
            *financial,
            "{name}: financial"
        );
        assert_eq!(
            !unmarked_health_items(&items).is_empty(),
            *health,
            "{name}: health"
        );
    }
}

#[test]
fn hints_ask_about_unticked_triggers_and_leave_the_triage_to_the_ticked_facts() {
    let mut fields = incident(AWARE);
    fields.persons = 12;
    fields.items = vec![
        incident_item("氏名"),
        incident_item("カード番号"),
        incident_item("病歴"),
        flagged("健診結果", |i| i.sensitive = true),
    ];
    let result = triage(&stored(PrivateOperator, false, fields.clone()));
    // Nothing ticked fires: 健診結果 is marked sensitive, so art. 7(i) does fire on it; 病歴 is
    // not marked and card numbers are not ticked as a financial risk, so both are asked about.
    let appi = &result.laws[0];
    let fired: Vec<_> = appi
        .checks
        .iter()
        .filter(|c| c.met)
        .map(|c| c.rule)
        .collect();
    assert_eq!(fired, [Sensitive]);
    let hints: Vec<_> = result
        .hints
        .iter()
        .map(|h| (h.rule, h.items.clone()))
        .collect();
    assert_eq!(
        hints,
        [
            (Sensitive, vec!["病歴".to_owned()]),
            (FinancialDamage, vec!["カード番号".to_owned()]),
        ]
    );

    // Ticked, the question is answered and the hint goes; the triage follows the tick.
    fields.financial_damage_risk = true;
    fields.items[2].sensitive = true;
    let result = triage(&stored(PrivateOperator, false, fields.clone()));
    assert!(result.hints.is_empty());
    assert!(result.laws[0]
        .checks
        .iter()
        .any(|c| c.rule == FinancialDamage && c.met));

    // A card number alone, unticked: no report is required and the hint asks.
    let mut only_card = incident(AWARE);
    only_card.persons = 3;
    only_card.items = vec![incident_item("クレジットカード番号")];
    let result = triage(&stored(PrivateOperator, false, only_card.clone()));
    assert!(!result.report_required);
    assert_eq!(result.hints.len(), 1);
    // The GDPR has no such triggers: no hint for a GDPR controller.
    let result = triage(&stored(GdprController, false, only_card));
    assert!(result.hints.is_empty());
}

/// A hint is a question; "no" is an answer too. The officer answers it per item through the
/// ordinary update, so the answer is in the audit trail with who gave it; the question goes
/// for those items only, and an item added later is asked about again. The triage stays what
/// the ticked facts make it: a "no" to the financial-damage question leaves PPC Rules
/// art. 7(ii) unmet, as an unticked box does.
#[test]
fn a_hint_answered_no_is_recorded_per_item_and_not_asked_again() {
    let register = register_under(PrivateOperator, false);
    let mut input = incident(AWARE);
    input.persons = 4;
    input.items = vec![
        incident_item("ログイン日時"),
        incident_item("健診予約日"),
        incident_item("氏名"),
    ];
    let created = register.create_incident(input.clone(), ACTOR).unwrap();
    let today = d("2026-11-23");
    let rules = |id| {
        register
            .incident(id, today)
            .unwrap()
            .triage
            .hints
            .iter()
            .map(|h| (h.rule, h.items.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        rules(created.id),
        [
            (Sensitive, vec!["健診予約日".to_owned()]),
            (FinancialDamage, vec!["ログイン日時".to_owned()]),
        ]
    );

    // "No" to both: a login time is not a credential, a booking date is not a result.
    input.items[0].no_financial_risk_confirmed = true;
    input.items[1].not_sensitive_confirmed = true;
    let answered = register
        .update_incident(created.id, created.version, input.clone(), ACTOR)
        .unwrap();
    assert!(rules(created.id).is_empty(), "answered, not asked again");
    let view = register.incident(created.id, today).unwrap();
    assert!(!view.triage.report_required, "a 'no' ticks nothing");
    assert!(view.triage.laws[0].checks.iter().all(|c| !c.met));
    let history = register
        .history(Entity::Incident, &created.id.to_string())
        .unwrap();
    let last = &history[0]; // newest first
    assert_eq!(last.action, daicho::audit::AuditAction::Update);
    assert_eq!(last.actor, ACTOR);
    let items = last
        .changes
        .iter()
        .find(|c| c.field == "items")
        .and_then(|c| c.after.clone())
        .expect("the answer is a change to the items");
    let item = |name: &str| {
        items
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["name"] == name)
            .unwrap_or_else(|| panic!("{name} in {items}"))
            .clone()
    };
    assert_eq!(item("ログイン日時")["noFinancialRiskConfirmed"], true);
    assert_eq!(item("ログイン日時")["notSensitiveConfirmed"], false);
    assert_eq!(item("健診予約日")["notSensitiveConfirmed"], true);
    assert_eq!(item("氏名")["notSensitiveConfirmed"], false);

    // An item added later is its own question.
    input.items.push(incident_item("パスワード"));
    register
        .update_incident(created.id, answered.version, input.clone(), ACTOR)
        .unwrap();
    assert_eq!(
        rules(created.id),
        [(FinancialDamage, vec!["パスワード".to_owned()])]
    );

    // "Not sensitive" and "sensitive" on one item contradict each other.
    let mut both = incident(AWARE);
    both.items = vec![flagged("健診結果", |i| {
        i.sensitive = true;
        i.not_sensitive_confirmed = true;
    })];
    let error = register.create_incident(both, ACTOR).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Validation);
    assert_eq!(fields_of(&error), ["items[0].notSensitiveConfirmed"]);
}
