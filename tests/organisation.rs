//! The organisation profile and the demo register.

use crate::common;

use common::{memory_register, organisation, ACTOR};
use daicho::audit::Entity;
use daicho::model::organisation::Regime;
use daicho::{ErrorKind, FieldErrorCode};

#[test]
fn the_profile_is_created_then_updated_with_its_version() {
    let register = memory_register();
    assert_eq!(register.organisation().unwrap(), None);
    let created = register
        .save_organisation(organisation(), None, ACTOR)
        .unwrap();
    assert_eq!(created.version, 1);
    let mut input = created.profile.clone();
    input.regime = Regime::LocalGovernment;
    let updated = register
        .save_organisation(input.clone(), Some(1), ACTOR)
        .unwrap();
    assert_eq!(
        (updated.version, updated.profile.regime),
        (2, Regime::LocalGovernment)
    );
    let stale = register
        .save_organisation(input, Some(1), ACTOR)
        .err()
        .unwrap();
    assert_eq!(stale.kind(), ErrorKind::Conflict);
    let history = register.history(Entity::Organisation, "1").unwrap();
    assert_eq!(history.len(), 2);
    assert_eq!(history[0].changes[0].field, "regime");
}

#[test]
fn the_statutory_profile_fields_are_required() {
    let register = memory_register();
    let mut input = organisation();
    input.name = " ".into();
    input.representative.clear();
    let error = register
        .save_organisation(input, None, ACTOR)
        .err()
        .unwrap();
    let fields: Vec<(&str, FieldErrorCode)> = error
        .field_errors()
        .iter()
        .map(|f| (f.field.as_str(), f.code))
        .collect();
    assert_eq!(
        fields,
        [
            ("name", FieldErrorCode::Required),
            ("representative", FieldErrorCode::Required)
        ]
    );
    assert_eq!(register.organisation().unwrap(), None);
}

#[test]
fn the_demo_register_is_complete_valid_and_audited() {
    let register = memory_register();
    let count = daicho::demo::load(&register, ACTOR).unwrap();
    let holdings = register.holdings().unwrap();
    assert_eq!(holdings.len(), count);
    assert!(count >= 8);
    assert!(
        holdings.iter().any(|h| h.has_my_number()),
        "Individual Number data is modelled"
    );
    assert!(
        holdings.iter().any(|h| h.has_sensitive_items()),
        "sensitive data is modelled"
    );
    assert!(
        holdings.iter().any(|h| h.fields.retention.is_none()),
        "one holding lacks a retention rule, for the data-quality panel"
    );
    let report = register.verify().unwrap();
    assert!(report.is_intact());
    // One entry per write: every record is created at version 1 and each change adds one.
    let today = daicho::clock::today();
    let request_writes: i64 = register
        .requests(today)
        .unwrap()
        .iter()
        .map(|v| v.request.version)
        .sum();
    let complaint_writes: i64 = register
        .complaints(today)
        .unwrap()
        .iter()
        .map(|v| v.complaint.version)
        .sum();
    // The demo's sections also set one holding's retention rule: one more write.
    let section_writes = 1
        + (register.recipients().unwrap().len()
            + register.provision_records(today).unwrap().len()
            + register.measures().unwrap().len()
            + register.disposals().unwrap().len()
            + register.consent_matters().unwrap().len()
            + register.objections().unwrap().len()) as i64;
    // The published request procedure: one more.
    let section_writes = section_writes + 1;
    // The pseudonymised and anonymised information: one write each.
    let section_writes = section_writes
        + (register.pseudonymised_information().unwrap().len()
            + register.anonymised_information().unwrap().len()) as i64;
    let document = daicho::document::export(&register).unwrap();
    let sharing_writes: i64 = document
        .subcontractors
        .iter()
        .map(|s| s.version)
        .sum::<i64>()
        + document.joint_uses.iter().map(|j| j.version).sum::<i64>()
        + document.transfers.iter().map(|t| t.version).sum::<i64>();
    let incident_writes: i64 = register
        .incidents(today)
        .unwrap()
        .iter()
        .map(|v| v.incident.version)
        .sum();
    assert_eq!(
        incident_writes, 7,
        "three incidents: one acted on, notified and filed; one at a subcontractor; one closed"
    );
    let management_writes: i64 = document
        .risk_assessments
        .iter()
        .map(|r| r.version)
        .sum::<i64>()
        + document
            .training_courses
            .iter()
            .map(|c| c.version)
            .sum::<i64>()
        + document
            .training_sessions
            .iter()
            .map(|s| s.version)
            .sum::<i64>()
        + document
            .internal_audits
            .iter()
            .map(|a| a.version)
            .sum::<i64>()
        + document
            .corrective_actions
            .iter()
            .map(|a| a.version)
            .sum::<i64>()
        + document
            .management_reviews
            .iter()
            .map(|r| r.version)
            .sum::<i64>();
    assert_eq!(
        management_writes, 7,
        "the management system: one risk assessment, one course, one session, two audits (one \
         performed, one planned), one corrective action and last year's review, each written once"
    );
    assert_eq!(
        report.entries,
        count as i64
            + 1
            + request_writes
            + complaint_writes
            + section_writes
            + sharing_writes
            + incident_writes
            + management_writes
    );
    let again = daicho::demo::load(&register, ACTOR).unwrap_err();
    assert_eq!(again.kind(), ErrorKind::Conflict);
}
