//! The scale register generator (`daicho demo --scale N`, issue 20), at a size small enough
//! for the test suite; its speed at large sizes is measured by `make bench`, never here.

use crate::common;

use common::{memory_register, ACTOR};
use daicho::demo::scale::{self, ScaleSummary};
use daicho::ErrorKind;
use std::collections::BTreeSet;

const HOLDINGS: usize = 40;

#[test]
fn the_generator_writes_the_sizes_it_promises_and_a_register_that_verifies() {
    let register = memory_register();
    let summary = scale::load(&register, HOLDINGS, 7, ACTOR).unwrap();
    assert_eq!(
        summary,
        ScaleSummary {
            holdings: 40,
            requests: 400,
            complaints: 20,
            incidents: 2
        }
    );
    let document = daicho::document::export(&register).unwrap();
    assert_eq!(document.holdings.len(), 40);
    assert_eq!(document.requests.len(), 400);
    assert_eq!(document.complaints.len(), 20);
    assert_eq!(document.incidents.len(), 2);
    assert!(document.organisation.is_some());
    for holding in &document.holdings {
        let items = holding.fields.data_items.len();
        assert!((5..=15).contains(&items), "{items} items");
    }
    let departments: BTreeSet<_> = document
        .holdings
        .iter()
        .map(|h| h.fields.department.as_str())
        .collect();
    assert!(
        departments.len() > 10 && departments.len() <= 20,
        "{departments:?}"
    );
    // Received over three years, none in the future.
    let today = daicho::clock::today();
    let oldest = document
        .requests
        .iter()
        .map(|r| r.fields.received_on)
        .min()
        .unwrap();
    assert!(today.signed_duration_since(oldest).num_days() > 365);
    assert!(document
        .requests
        .iter()
        .all(|r| r.fields.received_on <= today));
    // One audit entry per record and profile, all of them linked and matching the records.
    let report = register.verify().unwrap();
    assert!(report.is_intact(), "{report:?}");
    let records = 40 + 400 + 20 + 2;
    assert!(
        report.entries > records && report.entries <= records + 3,
        "{}",
        report.entries
    );
}

#[test]
fn a_generated_register_passes_every_check_of_an_import() {
    let register = memory_register();
    scale::load(&register, 20, 3, ACTOR).unwrap();
    let json = serde_json::to_string(&daicho::document::export(&register).unwrap()).unwrap();
    let copy = memory_register();
    let summary = daicho::document::import(&copy, &json, ACTOR).unwrap();
    assert_eq!((summary.holdings, summary.requests), (20, 200));
    assert!(copy.verify().unwrap().is_intact());
}

#[test]
fn the_same_seed_gives_the_same_register_and_another_seed_another() {
    let records = |seed: u64| {
        let register = memory_register();
        scale::load(&register, 20, seed, ACTOR).unwrap();
        let document = daicho::document::export(&register).unwrap();
        (document.holdings, document.requests, document.incidents)
    };
    let first = records(11);
    assert_eq!(first, records(11));
    assert_ne!(first, records(12));
}

#[test]
fn the_generator_loads_only_into_an_empty_register_and_writes_nothing_otherwise() {
    let register = memory_register();
    register
        .save_organisation(common::organisation(), None, ACTOR)
        .unwrap();
    let error = scale::load(&register, 20, 1, ACTOR).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Conflict, "{error}");
    assert!(register.holdings().unwrap().is_empty());
    assert_eq!(register.chain_head().unwrap().unwrap().seq, 1);
}
