//! History you can read (issue 16 item 5): a changed list says which entries were added,
//! removed and changed, and the register-wide change log filters the audit trail by days,
//! kind of record and officer, page by page.

use crate::common;

use common::{holding, item, memory_register, register_under, request, ACTOR};
use daicho::audit::{ChangeLogFilter, Entity, EntryChange, ListChange};
use daicho::model::organisation::Regime;
use serde_json::json;

#[test]
fn a_list_change_pairs_equal_entries_then_entries_by_id() {
    // Worked by hand: 人事管理 stays, 給与計算 is new, 福利厚生 went.
    let change = ListChange::between(
        &[json!("人事管理"), json!("福利厚生")],
        &[json!("給与計算"), json!("人事管理")],
    );
    assert_eq!(change.added, [json!("給与計算")]);
    assert_eq!(change.removed, [json!("福利厚生")]);
    assert!(change.changed.is_empty());
    // Only the order changed: nothing added, removed or changed.
    let change = ListChange::between(&[json!("a"), json!("b")], &[json!("b"), json!("a")]);
    assert_eq!(
        (
            change.added.len(),
            change.removed.len(),
            change.changed.len()
        ),
        (0, 0, 0)
    );
    // The entry with id 2 was edited, id 3 is new, id 1 stays as it was.
    let change = ListChange::between(
        &[
            json!({"id": 1, "name": "氏名"}),
            json!({"id": 2, "name": "住所"}),
        ],
        &[
            json!({"id": 1, "name": "氏名"}),
            json!({"id": 2, "name": "現住所"}),
            json!({"id": 3, "name": "電話番号"}),
        ],
    );
    assert_eq!(change.added, [json!({"id": 3, "name": "電話番号"})]);
    assert!(change.removed.is_empty());
    assert_eq!(
        change.changed,
        [EntryChange {
            before: json!({"id": 2, "name": "住所"}),
            after: json!({"id": 2, "name": "現住所"}),
        }]
    );
}

#[test]
fn a_holdings_history_names_the_purpose_added_and_the_item_renamed() {
    let register = memory_register();
    let created = register.create_holding(holding("職員名簿"), ACTOR).unwrap();
    let mut edited = created.fields.clone();
    edited.purposes.push("給与計算".to_owned());
    edited.data_items[1].name = "現住所".to_owned();
    edited.data_items.push(item("電話番号"));
    register
        .update_holding(created.id, created.version, edited, ACTOR)
        .unwrap();
    let history = register
        .history(Entity::Holding, &created.id.to_string())
        .unwrap();
    let update = &history[0];
    let field = |name: &str| {
        update
            .changes
            .iter()
            .find(|c| c.field == name)
            .and_then(|c| c.list.clone())
            .unwrap_or_else(|| panic!("no list change for {name}: {update:?}"))
    };
    let purposes = field("purposes");
    assert_eq!(purposes.added, [json!("給与計算")]);
    assert!(purposes.removed.is_empty() && purposes.changed.is_empty());
    let items = field("dataItems");
    let names = |values: &[serde_json::Value]| -> Vec<String> {
        values
            .iter()
            .map(|v| v["name"].as_str().unwrap_or_default().to_owned())
            .collect()
    };
    // Item ids are kept across an edit, so the renamed item reads as changed, not as one
    // removed and one added.
    assert_eq!(names(&items.added), ["電話番号"]);
    assert!(items.removed.is_empty(), "{items:?}");
    assert_eq!(items.changed.len(), 1, "{items:?}");
    assert_eq!(items.changed[0].before["name"], "住所");
    assert_eq!(items.changed[0].after["name"], "現住所");
}

#[test]
fn the_change_log_filters_by_kind_officer_and_day_and_pages() {
    // The organisation profile is saved first, by ACTOR: the first entry.
    let register = register_under(Regime::PrivateOperator, false);
    let h = register
        .create_holding(holding("顧客台帳"), "sato")
        .unwrap();
    register
        .create_request(request("2026-04-01"), "suzuki")
        .unwrap();
    register
        .create_request(request("2026-04-02"), "sato")
        .unwrap();

    let all = register
        .change_log(&ChangeLogFilter::default(), 100)
        .unwrap();
    assert_eq!(all.entries.len(), 4);
    assert!(!all.more);
    assert_eq!(all.actors, ["sato", "suzuki", ACTOR]);
    // Newest first.
    assert!(all.entries[0].seq > all.entries[2].seq);
    assert_eq!(all.entries[2].entity_id, h.id.to_string());
    assert_eq!(all.entries[3].entity, "organisation");

    let requests = ChangeLogFilter {
        entity: Some("request".to_owned()),
        ..ChangeLogFilter::default()
    };
    assert_eq!(
        register.change_log(&requests, 100).unwrap().entries.len(),
        2
    );
    let by_sato = ChangeLogFilter {
        actor: Some("sato".to_owned()),
        ..requests.clone()
    };
    let sato = register.change_log(&by_sato, 100).unwrap();
    assert_eq!(sato.entries.len(), 1);
    assert_eq!(sato.entries[0].actor, "sato");

    // Everything was written today: a range ending yesterday holds nothing, one from today
    // everything.
    let today = daicho::clock::today();
    let until_yesterday = ChangeLogFilter {
        to: today.pred_opt(),
        ..ChangeLogFilter::default()
    };
    assert!(register
        .change_log(&until_yesterday, 100)
        .unwrap()
        .entries
        .is_empty());
    let from_today = ChangeLogFilter {
        from: Some(today),
        to: Some(today),
        ..ChangeLogFilter::default()
    };
    assert_eq!(
        register.change_log(&from_today, 100).unwrap().entries.len(),
        4
    );

    // Two a page: the second page starts after the first one's last entry.
    let first = register.change_log(&ChangeLogFilter::default(), 3).unwrap();
    assert!(first.more);
    let next = ChangeLogFilter {
        before_seq: Some(first.entries[2].seq),
        ..ChangeLogFilter::default()
    };
    let second = register.change_log(&next, 3).unwrap();
    assert!(!second.more);
    assert_eq!(second.entries.len(), 1);
    assert_eq!(second.entries[0].seq, all.entries[3].seq);
}
