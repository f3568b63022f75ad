//! Subcontracting chains, joint uses and cross-border transfers: every validation rule, the
//! links to holdings and between tiers, the refusals that keep links whole, the flags, the
//! audit trail, verify and the JSON document.

use crate::common;

use common::{d, holding, item, memory_register, TempRegister, ACTOR};
use daicho::audit::Entity;
use daicho::model::holding::{DataItem, Holding, NumberAffair, NumberAffairKind};
use daicho::model::joint_use::{
    ChangeNotice, JointUseChange, JointUseInput, JointUseTerms, PublicationMethod,
    ResponsibleParty, StatutoryItem, UserPurpose,
};
use daicho::model::quality::{FindingRule, FindingSection};
use daicho::model::subcontractor::{
    Approval, ApprovalForm, EntrustedData, SubcontractorClass, SubcontractorInput, Supervision,
    SupervisionMethod,
};
use daicho::model::transfer::{InformationGiven, MeasuresBasis, TransferBasis, TransferInput};
use daicho::register::sharing::{self, SharingRule};
use daicho::{CoreError, ErrorKind, FieldErrorCode, Register};
use serde_json::Value;

fn with_holding(register: &Register) -> Holding {
    let mut input = holding("健診結果データ");
    input.data_items = vec![item("氏名"), item("住所"), item("健診結果")];
    register.create_holding(input, ACTOR).unwrap()
}

fn items(h: &Holding) -> Vec<i64> {
    h.fields.data_items.iter().filter_map(|i| i.id).collect()
}

fn tier(h: &Holding) -> SubcontractorInput {
    SubcontractorInput {
        reference: String::new(),
        parent_id: None,
        name: "株式会社テスト健診".to_owned(),
        address: "東京都新宿区1-1".to_owned(),
        representative: "代表取締役 山田 一郎".to_owned(),
        country: "JP".to_owned(),
        classification: SubcontractorClass::CheckupProvider,
        classification_note: String::new(),
        work_description: "健診の実施".to_owned(),
        entrusted: vec![EntrustedData {
            holding_id: h.id,
            item_ids: items(h),
        }],
        contract_reference: "R7-01".to_owned(),
        contract_clauses: "安全管理措置".to_owned(),
        approval: Some(Approval {
            approved_by: "常務理事".to_owned(),
            approved_on: d("2025-04-01"),
            form: ApprovalForm::InternalDecision,
            note: "決裁 R7-1".to_owned(),
        }),
        supervision: Supervision {
            method: SupervisionMethod::OnSiteAudit,
            frequency_months: 12,
            last_check: Some(d("2025-06-01")),
            next_check: Some(d("2026-06-01")),
            findings: String::new(),
        },
        incident_notified_on: None,
        incident_note: String::new(),
        notes: String::new(),
    }
}

fn terms() -> JointUseTerms {
    JointUseTerms {
        fact_statement: "共同して利用します".to_owned(),
        items: vec!["氏名".to_owned(), "健診結果".to_owned()],
        users_range: "当組合及び加入事業所の事業主".to_owned(),
        purposes: vec![UserPurpose {
            user: "事業主".to_owned(),
            purpose: "健康管理".to_owned(),
        }],
        responsible_parties: vec![party(
            "テスト健康保険組合",
            "東京都千代田区1-1",
            "理事長 山田 太郎",
        )],
    }
}

fn party(name: &str, address: &str, representative: &str) -> ResponsibleParty {
    ResponsibleParty {
        name: name.to_owned(),
        address: address.to_owned(),
        representative: representative.to_owned(),
    }
}

fn joint_use(h: &Holding) -> JointUseInput {
    JointUseInput {
        reference: String::new(),
        title: "事業主との共同利用".to_owned(),
        terms: terms(),
        publication_methods: vec![PublicationMethod::Website],
        inquiry_contact: String::new(),
        published_on: Some(d("2025-04-01")),
        holding_ids: vec![h.id],
        notes: String::new(),
    }
}

fn transfer(h: &Holding) -> TransferInput {
    TransferInput {
        reference: String::new(),
        holding_id: h.id,
        recipient: "Example Translations LLC".to_owned(),
        subcontractor_id: None,
        country: Some("US".to_owned()),
        country_undetermined_reason: String::new(),
        basis: TransferBasis::EquivalentMeasures,
        measures_basis: Some(MeasuresBasis::Contract),
        legal_basis: String::new(),
        items: vec!["氏名".to_owned()],
        information_given: InformationGiven::default(),
        check_frequency_months: Some(6),
        last_check: Some(d("2025-10-01")),
        next_check: Some(d("2026-04-01")),
        check_results: String::new(),
        started_on: Some(d("2025-06-01")),
        stopped_on: None,
        notes: String::new(),
    }
}

/// The (field, code) pairs of a validation error.
fn fields(error: CoreError) -> Vec<(String, FieldErrorCode)> {
    match error {
        CoreError::Validation(fields) => fields.into_iter().map(|f| (f.field, f.code)).collect(),
        other => panic!("expected a validation error, got {other:?}"),
    }
}

fn has(errors: &[(String, FieldErrorCode)], field: &str, code: FieldErrorCode) -> bool {
    errors.iter().any(|(f, c)| f == field && *c == code)
}

// --- subcontractors -------------------------------------------------------------------------

#[test]
fn a_tier_is_created_with_a_reference_and_audited() {
    let register = memory_register();
    let h = with_holding(&register);
    let created = register.create_subcontractor(tier(&h), ACTOR).unwrap();
    assert_eq!(created.fields.reference, "SC-0001");
    assert_eq!(created.fields.entrusted[0].item_ids, items(&h));
    let history = register
        .history(Entity::Subcontractor, &created.id.to_string())
        .unwrap();
    assert_eq!(history.len(), 1);
    assert!(register.verify().unwrap().is_intact());
}

#[test]
fn each_field_rule_of_a_tier_is_enforced() {
    let register = memory_register();
    let h = with_holding(&register);
    let mut input = tier(&h);
    input.name = " ".to_owned();
    input.country = "Japan".to_owned();
    input.classification = SubcontractorClass::Other;
    input.representative = "x".repeat(201);
    input.entrusted = vec![
        EntrustedData {
            holding_id: h.id,
            item_ids: vec![items(&h)[0], items(&h)[0]],
        },
        EntrustedData {
            holding_id: h.id,
            item_ids: vec![],
        },
    ];
    input.approval.as_mut().unwrap().approved_by = String::new();
    input.approval.as_mut().unwrap().approved_on = d("1900-01-01");
    input.supervision.frequency_months = 0;
    input.supervision.method = SupervisionMethod::Other;
    input.supervision.next_check = Some(d("2025-06-01"));
    input.incident_notified_on = Some(d("1800-01-01"));
    let errors = fields(register.create_subcontractor(input, ACTOR).unwrap_err());
    for (field, code) in [
        ("name", FieldErrorCode::Required),
        ("country", FieldErrorCode::Malformed),
        ("classificationNote", FieldErrorCode::NeedsNote),
        ("representative", FieldErrorCode::TooLong),
        ("entrusted[0].itemIds[1]", FieldErrorCode::Duplicate),
        ("entrusted[1].holdingId", FieldErrorCode::Duplicate),
        ("entrusted[1].itemIds", FieldErrorCode::Required),
        ("approval.approvedBy", FieldErrorCode::Required),
        ("approval.approvedOn", FieldErrorCode::OutOfRange),
        ("supervision.frequencyMonths", FieldErrorCode::OutOfRange),
        ("supervision.findings", FieldErrorCode::NeedsNote),
        ("supervision.nextCheck", FieldErrorCode::DateOrder),
        ("incidentNotifiedOn", FieldErrorCode::OutOfRange),
    ] {
        assert!(has(&errors, field, code), "{field} {code:?} in {errors:?}");
    }
    let mut blank_country = tier(&h);
    blank_country.country = String::new();
    let errors = fields(
        register
            .create_subcontractor(blank_country, ACTOR)
            .unwrap_err(),
    );
    assert!(has(&errors, "country", FieldErrorCode::Required));
    assert!(register
        .subcontractor_tree(d("2026-01-01"))
        .unwrap()
        .is_empty());
}

#[test]
fn a_lower_case_country_is_accepted_as_its_code() {
    let register = memory_register();
    let h = with_holding(&register);
    let created = register
        .create_subcontractor(
            SubcontractorInput {
                country: " us ".to_owned(),
                ..tier(&h)
            },
            ACTOR,
        )
        .unwrap();
    assert_eq!(created.fields.country, "US");
}

#[test]
fn entrusted_holdings_items_and_parents_must_exist_and_belong_together() {
    let register = memory_register();
    let h = with_holding(&register);
    let other = register.create_holding(holding("別の台帳"), ACTOR).unwrap();
    let mut input = tier(&h);
    input.parent_id = Some(999);
    input.entrusted = vec![
        EntrustedData {
            holding_id: 4242,
            item_ids: vec![1],
        },
        EntrustedData {
            holding_id: h.id,
            item_ids: vec![items(&other)[0]],
        },
    ];
    let errors = fields(register.create_subcontractor(input, ACTOR).unwrap_err());
    assert!(has(&errors, "parentId", FieldErrorCode::Malformed));
    assert!(has(
        &errors,
        "entrusted[0].holdingId",
        FieldErrorCode::Malformed
    ));
    assert!(has(
        &errors,
        "entrusted[1].itemIds[0]",
        FieldErrorCode::Malformed
    ));
}

#[test]
fn a_sub_tier_handles_only_what_its_parent_was_entrusted() {
    let register = memory_register();
    let h = with_holding(&register);
    let all = items(&h);
    let mut parent = tier(&h);
    parent.entrusted[0].item_ids = vec![all[0], all[1]];
    let parent = register.create_subcontractor(parent, ACTOR).unwrap();
    let mut child = tier(&h);
    child.parent_id = Some(parent.id);
    let errors = fields(
        register
            .create_subcontractor(child.clone(), ACTOR)
            .unwrap_err(),
    );
    assert!(has(
        &errors,
        "entrusted[0].itemIds[2]",
        FieldErrorCode::OutOfRange
    ));
    child.entrusted[0].item_ids = vec![all[1]];
    let child = register.create_subcontractor(child, ACTOR).unwrap();
    assert_eq!(child.fields.reference, "SC-0002");

    // The parent cannot give up an item its sub-tier still handles.
    let mut shrink = parent.fields.clone();
    shrink.entrusted[0].item_ids = vec![all[0]];
    let errors = fields(
        register
            .update_subcontractor(parent.id, parent.version, shrink, ACTOR)
            .unwrap_err(),
    );
    assert!(has(&errors, "entrusted", FieldErrorCode::InUse));

    let tree = register.subcontractor_tree(d("2026-01-01")).unwrap();
    let depths: Vec<(String, u32, i64)> = tree
        .iter()
        .map(|n| {
            (
                n.subcontractor.fields.reference.clone(),
                n.depth,
                n.children,
            )
        })
        .collect();
    assert_eq!(
        depths,
        vec![("SC-0001".to_owned(), 0, 1), ("SC-0002".to_owned(), 1, 0)]
    );
    assert_eq!(tree[1].parent_reference.as_deref(), Some("SC-0001"));
}

#[test]
fn a_tier_with_sub_tiers_cannot_be_moved_or_deleted_and_no_tier_is_its_own_parent() {
    let register = memory_register();
    let h = with_holding(&register);
    let top = register.create_subcontractor(tier(&h), ACTOR).unwrap();
    let other_top = register.create_subcontractor(tier(&h), ACTOR).unwrap();
    let child = register
        .create_subcontractor(
            SubcontractorInput {
                parent_id: Some(top.id),
                ..tier(&h)
            },
            ACTOR,
        )
        .unwrap();

    let mut moved = top.fields.clone();
    moved.parent_id = Some(other_top.id);
    let errors = fields(
        register
            .update_subcontractor(top.id, top.version, moved, ACTOR)
            .unwrap_err(),
    );
    assert!(has(&errors, "parentId", FieldErrorCode::InUse));

    let mut own = child.fields.clone();
    own.parent_id = Some(child.id);
    let errors = fields(
        register
            .update_subcontractor(child.id, child.version, own, ACTOR)
            .unwrap_err(),
    );
    assert!(has(&errors, "parentId", FieldErrorCode::Malformed));

    let error = register
        .delete_subcontractor(top.id, top.version, ACTOR)
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::InUse);
    assert_eq!(error.references(), ["SC-0003"]);
    assert!(error.to_string().contains("sub-tiers SC-0003"), "{error}");

    // A leaf moves freely, and then the emptied tier can go.
    let mut leaf = child.fields.clone();
    leaf.parent_id = Some(other_top.id);
    register
        .update_subcontractor(child.id, child.version, leaf, ACTOR)
        .unwrap();
    register
        .delete_subcontractor(top.id, top.version, ACTOR)
        .unwrap();
    let history = register
        .history(Entity::Subcontractor, &top.id.to_string())
        .unwrap();
    assert_eq!(history.len(), 2);
}

#[test]
fn a_stale_edit_of_a_tier_is_refused() {
    let register = memory_register();
    let h = with_holding(&register);
    let created = register.create_subcontractor(tier(&h), ACTOR).unwrap();
    register
        .update_subcontractor(created.id, 1, created.fields.clone(), ACTOR)
        .unwrap();
    let error = register
        .update_subcontractor(created.id, 1, created.fields.clone(), ACTOR)
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Conflict);
    let duplicate = SubcontractorInput {
        reference: "SC-0001".to_owned(),
        ..tier(&h)
    };
    let errors = fields(register.create_subcontractor(duplicate, ACTOR).unwrap_err());
    assert!(has(&errors, "reference", FieldErrorCode::Duplicate));
}

#[test]
fn tiers_without_consent_overdue_or_abroad_without_a_transfer_are_flagged() {
    let register = memory_register();
    let h = with_holding(&register);
    let ok = register.create_subcontractor(tier(&h), ACTOR).unwrap();
    let unapproved = register
        .create_subcontractor(
            SubcontractorInput {
                parent_id: Some(ok.id),
                approval: None,
                ..tier(&h)
            },
            ACTOR,
        )
        .unwrap();
    let mut late = tier(&h);
    late.supervision.next_check = Some(d("2025-12-31"));
    let late = register.create_subcontractor(late, ACTOR).unwrap();
    let abroad = register
        .create_subcontractor(
            SubcontractorInput {
                country: "US".to_owned(),
                ..tier(&h)
            },
            ACTOR,
        )
        .unwrap();
    let today = d("2026-01-01");
    let findings = register.sharing_findings(today).unwrap();
    let flagged: Vec<(i64, SharingRule)> = findings.iter().map(|f| (f.record_id, f.rule)).collect();
    assert!(flagged.contains(&(unapproved.id, SharingRule::SubcontractorWithoutConsent)));
    assert!(flagged.contains(&(late.id, SharingRule::SupervisionOverdue)));
    assert!(flagged.contains(&(abroad.id, SharingRule::ForeignSubcontractorWithoutTransfer)));
    assert!(!flagged.iter().any(|(id, _)| *id == ok.id));
    let overdue = findings
        .iter()
        .find(|f| f.rule == SharingRule::SupervisionOverdue)
        .unwrap();
    assert_eq!(overdue.due_on, Some(d("2025-12-31")));
    assert_eq!(
        overdue.label,
        format!("{} 株式会社テスト健診", late.fields.reference)
    );
    // On the day of the check it is not overdue yet.
    assert!(!register
        .sharing_findings(d("2025-12-31"))
        .unwrap()
        .iter()
        .any(|f| f.rule == SharingRule::SupervisionOverdue));

    // A transfer naming the foreign tier clears its flag; a stopped one does not.
    let mut to_abroad = transfer(&h);
    to_abroad.subcontractor_id = Some(abroad.id);
    let created = register.create_transfer(to_abroad.clone(), ACTOR).unwrap();
    let rules = |register: &Register| -> Vec<SharingRule> {
        register
            .sharing_findings(today)
            .unwrap()
            .into_iter()
            .filter(|f| f.record_id == abroad.id && f.entity == Entity::Subcontractor)
            .map(|f| f.rule)
            .collect()
    };
    assert!(rules(&register).is_empty());
    to_abroad.stopped_on = Some(d("2025-12-01"));
    register
        .update_transfer(created.id, created.version, to_abroad, ACTOR)
        .unwrap();
    assert_eq!(
        rules(&register),
        vec![SharingRule::ForeignSubcontractorWithoutTransfer]
    );
    // The same findings through the plain function the data-quality panel calls.
    let tree = register.subcontractor_tree(today).unwrap();
    let node = tree
        .iter()
        .find(|n| n.subcontractor.id == unapproved.id)
        .unwrap();
    assert_eq!(
        node.findings[0].rule,
        SharingRule::SubcontractorWithoutConsent
    );
    let _ = sharing::subcontractor_findings;
}

// --- holdings -------------------------------------------------------------------------------

#[test]
fn a_holding_that_sharing_records_name_is_kept_and_the_links_are_shown() {
    let register = memory_register();
    let h = with_holding(&register);
    let sc = register.create_subcontractor(tier(&h), ACTOR).unwrap();
    let ju = register.create_joint_use(joint_use(&h), ACTOR).unwrap();
    let tr = register.create_transfer(transfer(&h), ACTOR).unwrap();
    let error = register.delete_holding(h.id, h.version, ACTOR).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::InUse);
    assert_eq!(error.references(), ["SC-0001", "JU-0001", "TR-0001"]);
    assert!(
        error
            .to_string()
            .contains("subcontractor SC-0001 and joint use JU-0001 and transfer TR-0001"),
        "{error}"
    );
    let links = register.holding_sharing(h.id).unwrap();
    assert_eq!(links.subcontractors[0].id, sc.id);
    assert_eq!(links.joint_uses[0].id, ju.id);
    assert_eq!(links.transfers[0].id, tr.id);
    assert_eq!(links.transfers[0].label, "Example Translations LLC");

    // An entrusted data item cannot be dropped from the holding.
    let mut fewer = h.fields.clone();
    fewer.data_items.remove(0);
    let errors = fields(
        register
            .update_holding(h.id, h.version, fewer, ACTOR)
            .unwrap_err(),
    );
    assert!(has(&errors, "dataItems", FieldErrorCode::InUse));
}

#[test]
fn a_subcontractor_a_transfer_names_cannot_be_deleted() {
    let register = memory_register();
    let h = with_holding(&register);
    let sc = register.create_subcontractor(tier(&h), ACTOR).unwrap();
    register
        .create_transfer(
            TransferInput {
                subcontractor_id: Some(sc.id),
                ..transfer(&h)
            },
            ACTOR,
        )
        .unwrap();
    let error = register
        .delete_subcontractor(sc.id, sc.version, ACTOR)
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::InUse);
    assert_eq!(error.references(), ["TR-0001"]);
}

// --- joint uses -----------------------------------------------------------------------------

#[test]
fn each_field_rule_of_a_joint_use_is_enforced() {
    let register = memory_register();
    let h = with_holding(&register);
    let mut input = joint_use(&h);
    input.title = String::new();
    input.terms.purposes[0].user = String::new();
    input.terms.items.push("氏名".to_owned());
    input.publication_methods = vec![PublicationMethod::Website, PublicationMethod::Website];
    input.holding_ids = vec![h.id, h.id, 999];
    input.published_on = Some(d("1900-01-01"));
    let errors = fields(register.create_joint_use(input, ACTOR).unwrap_err());
    for (field, code) in [
        ("title", FieldErrorCode::Required),
        ("terms.purposes[0].user", FieldErrorCode::Required),
        ("terms.items[2]", FieldErrorCode::Duplicate),
        ("publicationMethods[1]", FieldErrorCode::Duplicate),
        ("holdingIds[1]", FieldErrorCode::Duplicate),
        ("holdingIds[2]", FieldErrorCode::Malformed),
        ("publishedOn", FieldErrorCode::OutOfRange),
    ] {
        assert!(has(&errors, field, code), "{field} {code:?} in {errors:?}");
    }
}

#[test]
fn a_change_of_the_five_items_is_typed_dated_and_the_earlier_edition_stays() {
    let register = memory_register();
    let h = with_holding(&register);
    let created = register.create_joint_use(joint_use(&h), ACTOR).unwrap();
    assert_eq!(created.editions.len(), 1);

    // A new representative: notified without delay.
    let mut input = created.fields.clone();
    input.terms.responsible_parties[0].representative = "理事長 田中 修".to_owned();
    let errors = fields(
        register
            .update_joint_use(created.id, 1, input.clone(), None, ACTOR)
            .unwrap_err(),
    );
    assert!(has(&errors, "change", FieldErrorCode::Required));
    let blank = JointUseChange {
        kind: ChangeNotice::NotifyWithoutDelay,
        notified_on: d("2026-04-03"),
        effective_on: d("2026-04-01"),
        summary: String::new(),
    };
    let errors = fields(
        register
            .update_joint_use(created.id, 1, input.clone(), Some(blank.clone()), ACTOR)
            .unwrap_err(),
    );
    assert!(has(&errors, "change.summary", FieldErrorCode::Required));
    let changed = register
        .update_joint_use(
            created.id,
            1,
            input,
            Some(JointUseChange {
                summary: "代表者の交代".to_owned(),
                ..blank.clone()
            }),
            ACTOR,
        )
        .unwrap();
    assert_eq!(changed.editions.len(), 2);
    assert_eq!(
        changed.editions[0].terms.responsible_parties[0].representative,
        "理事長 山田 太郎"
    );
    assert_eq!(
        changed.editions[1].change.as_ref().unwrap().kind,
        ChangeNotice::NotifyWithoutDelay
    );

    // New purposes: only in advance, and dated no later than the change.
    let mut input = changed.fields.clone();
    input.terms.purposes.push(UserPurpose {
        user: "当組合".to_owned(),
        purpose: "医療費分析".to_owned(),
    });
    let late = JointUseChange {
        kind: ChangeNotice::NotifyWithoutDelay,
        notified_on: d("2026-06-10"),
        effective_on: d("2026-06-01"),
        summary: "目的の追加".to_owned(),
    };
    let errors = fields(
        register
            .update_joint_use(created.id, 2, input.clone(), Some(late.clone()), ACTOR)
            .unwrap_err(),
    );
    assert!(has(&errors, "change.kind", FieldErrorCode::OutOfRange));
    let errors = fields(
        register
            .update_joint_use(
                created.id,
                2,
                input.clone(),
                Some(JointUseChange {
                    kind: ChangeNotice::NotifyInAdvance,
                    ..late.clone()
                }),
                ACTOR,
            )
            .unwrap_err(),
    );
    assert!(has(&errors, "change.notifiedOn", FieldErrorCode::DateOrder));
    let third = register
        .update_joint_use(
            created.id,
            2,
            input,
            Some(JointUseChange {
                kind: ChangeNotice::NotifyInAdvance,
                notified_on: d("2026-05-01"),
                ..late
            }),
            ACTOR,
        )
        .unwrap();
    assert_eq!(third.editions.len(), 3);

    // Editing the title or notes adds no edition.
    let mut input = third.fields.clone();
    input.notes = "ウェブサイトの掲載場所を変更".to_owned();
    let fourth = register
        .update_joint_use(created.id, 3, input, None, ACTOR)
        .unwrap();
    assert_eq!(fourth.editions.len(), 3);
    assert_eq!(fourth.version, 4);
    assert!(register.verify().unwrap().is_intact());
}

#[test]
fn a_joint_use_missing_a_statutory_item_is_flagged_with_the_items() {
    let register = memory_register();
    let h = with_holding(&register);
    let mut input = joint_use(&h);
    input.terms.responsible_parties[0].address = String::new();
    input.terms.users_range = String::new();
    let created = register.create_joint_use(input, ACTOR).unwrap();
    let complete = register.create_joint_use(joint_use(&h), ACTOR).unwrap();
    let findings: Vec<_> = register
        .sharing_findings(d("2026-01-01"))
        .unwrap()
        .into_iter()
        .filter(|f| f.entity == Entity::JointUse)
        .collect();
    assert_eq!(findings.len(), 1);
    assert_eq!(findings[0].record_id, created.id);
    assert_eq!(findings[0].rule, SharingRule::JointUseMissingItem);
    assert_eq!(
        findings[0].missing,
        vec![StatutoryItem::UsersRange, StatutoryItem::Responsible]
    );
    assert!(register.joint_use(complete.id).unwrap().findings.is_empty());
    for missing in [
        StatutoryItem::Fact,
        StatutoryItem::Items,
        StatutoryItem::Purposes,
    ] {
        let mut t = terms();
        match missing {
            StatutoryItem::Fact => t.fact_statement.clear(),
            StatutoryItem::Items => t.items.clear(),
            _ => t.purposes.clear(),
        }
        assert_eq!(t.missing(), vec![missing]);
    }
}

// --- transfers ------------------------------------------------------------------------------

#[test]
fn each_rule_of_a_transfer_is_enforced() {
    let register = memory_register();
    let h = with_holding(&register);
    let refused =
        |input: TransferInput| fields(register.create_transfer(input, ACTOR).unwrap_err());

    let errors = refused(TransferInput {
        recipient: String::new(),
        items: vec![],
        holding_id: 999,
        subcontractor_id: Some(999),
        stopped_on: Some(d("2025-01-01")),
        last_check: Some(d("2026-05-01")),
        ..transfer(&h)
    });
    for (field, code) in [
        ("recipient", FieldErrorCode::Required),
        ("items", FieldErrorCode::Required),
        ("holdingId", FieldErrorCode::Malformed),
        ("subcontractorId", FieldErrorCode::Malformed),
        ("stoppedOn", FieldErrorCode::DateOrder),
        ("nextCheck", FieldErrorCode::DateOrder),
    ] {
        assert!(has(&errors, field, code), "{field} {code:?} in {errors:?}");
    }

    let errors = refused(TransferInput {
        country: None,
        ..transfer(&h)
    });
    assert!(has(
        &errors,
        "countryUndeterminedReason",
        FieldErrorCode::NeedsNote
    ));
    let errors = refused(TransferInput {
        country: Some("USA".to_owned()),
        ..transfer(&h)
    });
    assert!(has(&errors, "country", FieldErrorCode::Malformed));
    let errors = refused(TransferInput {
        country: Some("jp".to_owned()),
        ..transfer(&h)
    });
    assert!(has(&errors, "country", FieldErrorCode::OutOfRange));

    let errors = refused(TransferInput {
        measures_basis: None,
        check_frequency_months: None,
        next_check: None,
        last_check: None,
        ..transfer(&h)
    });
    assert!(has(&errors, "measuresBasis", FieldErrorCode::Required));
    assert!(has(
        &errors,
        "checkFrequencyMonths",
        FieldErrorCode::Required
    ));
    assert!(has(&errors, "nextCheck", FieldErrorCode::Required));
    let errors = refused(TransferInput {
        check_frequency_months: Some(61),
        ..transfer(&h)
    });
    assert!(has(
        &errors,
        "checkFrequencyMonths",
        FieldErrorCode::OutOfRange
    ));

    let errors = refused(TransferInput {
        basis: TransferBasis::Consent,
        ..transfer(&h)
    });
    assert!(has(
        &errors,
        "informationGiven.countrySystem",
        FieldErrorCode::Required
    ));
    assert!(has(
        &errors,
        "informationGiven.recipientMeasures",
        FieldErrorCode::Required
    ));
    assert!(has(
        &errors,
        "informationGiven.givenOn",
        FieldErrorCode::Required
    ));
    assert!(has(&errors, "measuresBasis", FieldErrorCode::OutOfRange));

    let errors = refused(TransferInput {
        basis: TransferBasis::Adequacy,
        measures_basis: None,
        ..transfer(&h)
    });
    assert!(has(&errors, "basis", FieldErrorCode::NotInRegime));
    let errors = refused(TransferInput {
        basis: TransferBasis::Adequacy,
        measures_basis: None,
        country: None,
        country_undetermined_reason: "未定".to_owned(),
        ..transfer(&h)
    });
    assert!(has(&errors, "basis", FieldErrorCode::NotInRegime));
    for basis in [TransferBasis::LegalObligation, TransferBasis::OtherLaw] {
        let errors = refused(TransferInput {
            basis,
            measures_basis: None,
            ..transfer(&h)
        });
        assert!(has(&errors, "legalBasis", FieldErrorCode::NeedsNote));
    }

    // The valid shapes of each basis.
    for input in [
        transfer(&h),
        TransferInput {
            basis: TransferBasis::Adequacy,
            measures_basis: None,
            country: Some("DE".to_owned()),
            ..transfer(&h)
        },
        TransferInput {
            basis: TransferBasis::LegalObligation,
            measures_basis: None,
            country: None,
            country_undetermined_reason: "渡航先ごとに異なる".to_owned(),
            legal_basis: "国際保健規則第30条".to_owned(),
            ..transfer(&h)
        },
        TransferInput {
            basis: TransferBasis::Consent,
            measures_basis: None,
            information_given: InformationGiven {
                country_system: "米国には包括的な連邦法がない".to_owned(),
                recipient_measures: "契約でOECD8原則に沿う措置".to_owned(),
                given_on: Some(d("2025-06-01")),
                method: "同意書".to_owned(),
            },
            ..transfer(&h)
        },
    ] {
        register.create_transfer(input, ACTOR).unwrap();
    }
    assert_eq!(register.transfers(d("2026-01-01")).unwrap().len(), 4);
}

#[test]
fn an_overdue_periodic_check_is_flagged_unless_the_transfer_stopped() {
    let register = memory_register();
    let h = with_holding(&register);
    let created = register.create_transfer(transfer(&h), ACTOR).unwrap();
    let view = register.transfer(created.id, d("2026-04-02")).unwrap();
    assert_eq!(view.findings[0].rule, SharingRule::TransferCheckOverdue);
    assert_eq!(view.findings[0].due_on, Some(d("2026-04-01")));
    assert!(register
        .transfer(created.id, d("2026-04-01"))
        .unwrap()
        .findings
        .is_empty());
    let stopped = register
        .update_transfer(
            created.id,
            1,
            TransferInput {
                stopped_on: Some(d("2026-03-01")),
                ..transfer(&h)
            },
            ACTOR,
        )
        .unwrap();
    assert!(register
        .transfer(stopped.id, d("2026-04-02"))
        .unwrap()
        .findings
        .is_empty());
    register.delete_transfer(stopped.id, 2, ACTOR).unwrap();
    assert!(register.transfers(d("2026-04-02")).unwrap().is_empty());
}

// --- verify and the document ----------------------------------------------------------------

#[test]
fn verify_names_a_tier_a_joint_use_or_a_transfer_altered_behind_the_apps_back() {
    let temp = TempRegister::new();
    {
        let register = temp.open();
        let h = with_holding(&register);
        register.create_subcontractor(tier(&h), ACTOR).unwrap();
        register.create_joint_use(joint_use(&h), ACTOR).unwrap();
        register.create_transfer(transfer(&h), ACTOR).unwrap();
        assert!(register.verify().unwrap().is_intact());
    }
    let conn = temp.raw();
    conn.execute("UPDATE subcontractor SET name = 'すり替え'", [])
        .unwrap();
    conn.execute("DELETE FROM joint_use_edition", []).unwrap();
    conn.execute("UPDATE transfer SET country = 'CN'", [])
        .unwrap();
    drop(conn);
    let report = temp.open().verify().unwrap();
    let altered: Vec<&str> = report
        .altered_records
        .iter()
        .map(|a| a.entity.as_str())
        .collect();
    assert_eq!(altered, ["jointUse", "subcontractor", "transfer"]);
}

#[test]
fn the_demo_fills_the_three_sections_with_flags_and_round_trips() {
    let source = memory_register();
    daicho::demo::load(&source, ACTOR).unwrap();
    let today = daicho::clock::today();
    let tree = source.subcontractor_tree(today).unwrap();
    assert!(tree.len() >= 7);
    assert!(tree.iter().any(|n| n.depth == 1));
    let joint_uses = source.joint_uses().unwrap();
    assert_eq!(joint_uses.len(), 2);
    assert!(joint_uses.iter().any(|j| j.joint_use.editions.len() == 2));
    let rules: Vec<SharingRule> = source
        .sharing_findings(today)
        .unwrap()
        .into_iter()
        .map(|f| f.rule)
        .collect();
    for rule in SharingRule::ALL {
        if *rule != SharingRule::ForeignSubcontractorWithoutTransfer {
            assert!(rules.contains(rule), "the demo shows {rule:?}");
        }
    }

    let exported = serde_json::to_string(&daicho::document::export(&source).unwrap()).unwrap();
    let target = memory_register();
    let summary = daicho::document::import(&target, &exported, ACTOR).unwrap();
    assert_eq!(summary.subcontractors, tree.len() as i64);
    assert_eq!(summary.joint_uses, 2);
    assert_eq!(summary.transfers, 3);
    let again = daicho::document::export(&target).unwrap();
    let first = daicho::document::export(&source).unwrap();
    assert_eq!(first.subcontractors, again.subcontractors);
    assert_eq!(first.joint_uses, again.joint_uses);
    assert_eq!(first.transfers, again.transfers);
    assert!(target.verify().unwrap().is_intact());
}

#[test]
fn the_data_quality_panel_lists_every_sharing_flag_linked_to_its_record() {
    let register = memory_register();
    daicho::demo::load(&register, ACTOR).unwrap();
    let today = daicho::clock::today();
    let flags = register.sharing_findings(today).unwrap();
    assert!(!flags.is_empty());
    let panel: Vec<_> = register
        .findings(today)
        .unwrap()
        .into_iter()
        .filter(|f| {
            matches!(
                f.section,
                FindingSection::Subcontractor | FindingSection::JointUse | FindingSection::Transfer
            )
        })
        .collect();
    assert_eq!(panel.len(), flags.len(), "one panel entry per flag");
    for (flag, finding) in flags.iter().zip(&panel) {
        assert_eq!(finding.record_id, flag.record_id);
        assert_eq!(finding.record_label, flag.label);
        assert_eq!(finding.rule.code(), flag.rule.code(), "{flag:?}");
        let expected_section = match flag.entity {
            Entity::Subcontractor => FindingSection::Subcontractor,
            Entity::JointUse => FindingSection::JointUse,
            _ => FindingSection::Transfer,
        };
        assert_eq!(finding.section, expected_section);
        assert_eq!(
            finding.params.get("dueOn").cloned(),
            flag.due_on.map(|d| d.to_string())
        );
    }
    let (flag, finding) = flags
        .iter()
        .zip(&panel)
        .find(|(_, f)| f.rule == FindingRule::JointUseMissingItem)
        .expect("the employers' notice lacks an item");
    assert!(!flag.missing.is_empty());
    assert_eq!(finding.params["missing"], flag.missing.len().to_string());
}

fn demo_document() -> Value {
    let source = memory_register();
    daicho::demo::load(&source, ACTOR).unwrap();
    serde_json::to_value(daicho::document::export(&source).unwrap()).unwrap()
}

fn import_problems(document: &Value) -> Vec<(String, Vec<String>)> {
    let target = memory_register();
    match daicho::document::import(&target, &document.to_string(), ACTOR).unwrap_err() {
        CoreError::Import(records) => {
            assert!(target.is_empty().unwrap(), "nothing was imported");
            records
                .into_iter()
                .map(|r| (r.record, r.fields.into_iter().map(|f| f.field).collect()))
                .collect()
        }
        other => panic!("expected an import error, got {other:?}"),
    }
}

#[test]
fn invalid_sharing_records_are_named_by_record_and_field_on_import() {
    let mut document = demo_document();
    // An unreadable record is reported on its own (the others are re-indexed without it).
    let mut unreadable = document.clone();
    unreadable["subcontractors"][0]["classification"] = Value::from("astrologer");
    assert_eq!(
        import_problems(&unreadable)[0],
        (
            "subcontractors[0]".to_owned(),
            vec!["classification".to_owned()]
        )
    );
    let tiers = document["subcontractors"].as_array_mut().unwrap();
    tiers[1]["name"] = Value::from("");
    // A loop: the first tier's child becomes its parent.
    let first_id = tiers[2]["id"].clone();
    let child = tiers
        .iter()
        .position(|t| t["parentId"] == first_id)
        .expect("the demo has a sub-tier");
    let child_id = tiers[child]["id"].clone();
    tiers[2]["parentId"] = child_id;
    document["jointUses"][0]["editions"][0]["number"] = Value::from(5);
    document["transfers"][1]["country"] = Value::from("JP");
    document["transfers"][2]["subcontractorId"] = Value::from(9999);
    let problems = import_problems(&document);
    let named = |record: &str, field: &str| {
        problems
            .iter()
            .any(|(r, fields)| r == record && fields.iter().any(|f| f == field))
    };
    assert!(named("subcontractors[1]", "name"), "{problems:?}");
    assert!(named("subcontractors[2]", "parentId"), "{problems:?}");
    assert!(named("jointUses[0]", "editions[0].number"), "{problems:?}");
    assert!(named("transfers[1]", "country"), "{problems:?}");
    assert!(named("transfers[2]", "subcontractorId"), "{problems:?}");
}

#[test]
fn duplicate_sharing_ids_and_references_are_refused_on_import() {
    let mut document = demo_document();
    let tiers = document["subcontractors"].as_array_mut().unwrap();
    tiers[1]["reference"] = tiers[0]["reference"].clone();
    let transfers = document["transfers"].as_array_mut().unwrap();
    transfers[1]["id"] = transfers[0]["id"].clone();
    let problems = import_problems(&document);
    assert!(problems
        .iter()
        .any(|(r, f)| r == "subcontractors[1]" && f.contains(&"reference".to_owned())));
    assert!(problems
        .iter()
        .any(|(r, f)| r == "transfers[1]" && f.contains(&"id".to_owned())));
}

#[test]
fn each_users_purpose_needs_its_text_and_editions_must_be_whole_on_import() {
    let register = memory_register();
    let h = with_holding(&register);
    let mut input = joint_use(&h);
    input.terms.purposes[0].purpose = String::new();
    let errors = fields(register.create_joint_use(input, ACTOR).unwrap_err());
    assert!(has(
        &errors,
        "terms.purposes[0].purpose",
        FieldErrorCode::Required
    ));

    let mut document = demo_document();
    let joint_uses = document["jointUses"].as_array_mut().unwrap();
    let changed = joint_uses
        .iter()
        .position(|j| j["editions"].as_array().unwrap().len() == 2)
        .expect("the demo has a changed arrangement");
    // A later edition without its change, and current terms that no edition carries.
    joint_uses[changed]["editions"][1]["change"] = Value::Null;
    joint_uses[changed]["terms"]["usersRange"] = Value::from("書き換えられた範囲");
    let other = 1 - changed;
    joint_uses[other]["editions"] = Value::Array(Vec::new());
    let problems = import_problems(&document);
    let named = |record: &str, field: &str| {
        problems
            .iter()
            .any(|(r, fields)| r == record && fields.iter().any(|f| f == field))
    };
    assert!(
        named(&format!("jointUses[{changed}]"), "editions[1].change"),
        "{problems:?}"
    );
    assert!(
        named(&format!("jointUses[{changed}]"), "editions"),
        "{problems:?}"
    );
    assert!(
        named(&format!("jointUses[{other}]"), "editions"),
        "{problems:?}"
    );
}

#[test]
fn consent_to_a_transfer_to_an_undetermined_country_needs_no_country_system() {
    let register = memory_register();
    let h = with_holding(&register);
    let input = TransferInput {
        basis: TransferBasis::Consent,
        measures_basis: None,
        country: None,
        country_undetermined_reason: "提供時点で渡航先が未定".to_owned(),
        information_given: InformationGiven {
            country_system: String::new(),
            recipient_measures: "提供先の措置は特定できないため提供できない旨を説明".to_owned(),
            given_on: Some(d("2026-01-05")),
            method: "同意書".to_owned(),
        },
        items: vec!["氏名".to_owned(), "氏名".to_owned()],
        ..transfer(&h)
    };
    let errors = fields(register.create_transfer(input.clone(), ACTOR).unwrap_err());
    assert_eq!(
        errors,
        vec![("items[1]".to_owned(), FieldErrorCode::Duplicate)]
    );
    let created = register
        .create_transfer(
            TransferInput {
                items: vec!["氏名".to_owned()],
                ..input
            },
            ACTOR,
        )
        .unwrap();
    assert_eq!(created.fields.country, None);
    assert!(register
        .transfer(created.id, d("2026-02-01"))
        .unwrap()
        .findings
        .is_empty());
}

// --- several responsible parties and the inquiry contact ----------------------------------

#[test]
fn a_joint_use_names_several_responsible_parties_and_each_change_is_noticed() {
    let register = memory_register();
    let h = with_holding(&register);
    let mut input = joint_use(&h);
    input.terms.responsible_parties.push(party(
        "株式会社テスト製作所",
        "東京都港区芝浦3-1-1",
        "代表取締役 高田 誠",
    ));
    input.inquiry_contact = "総務グループ 個人情報相談窓口".to_owned();
    let created = register.create_joint_use(input, ACTOR).unwrap();
    assert_eq!(created.fields.terms.responsible_parties.len(), 2);
    assert_eq!(created.editions[0].terms.responsible_parties.len(), 2);
    assert!(created.fields.terms.missing().is_empty());

    // The inquiry contact is not one of the five items: no edition, no notice.
    let mut contact = created.fields.clone();
    contact.inquiry_contact = "総務グループ（電話 03-0000-1234）".to_owned();
    let v2 = register
        .update_joint_use(created.id, 1, contact, None, ACTOR)
        .unwrap();
    assert_eq!(v2.editions.len(), 1);

    // Art. 27(6), party by party: the second party's representative is a change after the
    // fact (without delay); adding or removing a party changes who is responsible (in
    // advance); a blank row names nobody.
    // What is changed, how, and the notice the law then needs.
    type Case = (&'static str, fn(&mut JointUseTerms), Option<ChangeNotice>);
    let cases: [Case; 5] = [
        (
            "second party's representative",
            |t| t.responsible_parties[1].representative = "代表取締役 山田 一".to_owned(),
            Some(ChangeNotice::NotifyWithoutDelay),
        ),
        (
            "second party's address",
            |t| t.responsible_parties[1].address = "東京都品川区1-1".to_owned(),
            Some(ChangeNotice::NotifyWithoutDelay),
        ),
        (
            "a third party added",
            |t| {
                t.responsible_parties
                    .push(party("第三者", "大阪市", "代表"))
            },
            Some(ChangeNotice::NotifyInAdvance),
        ),
        (
            "the second party removed",
            |t| {
                t.responsible_parties.pop();
            },
            Some(ChangeNotice::NotifyInAdvance),
        ),
        ("nothing", |_| {}, None),
    ];
    for (what, change, expected) in cases {
        let mut after = v2.fields.terms.clone();
        change(&mut after);
        assert_eq!(v2.fields.terms.change_notice(&after), expected, "{what}");
    }

    // Adding a party refuses a notice after the fact, then records a third edition... the
    // second one here.
    let mut added = v2.fields.clone();
    added
        .terms
        .responsible_parties
        .push(party("第三者株式会社", "大阪市北区1-1", "代表取締役 甲"));
    added.terms.responsible_parties.push(party("", "", ""));
    let late = JointUseChange {
        kind: ChangeNotice::NotifyWithoutDelay,
        notified_on: d("2026-05-01"),
        effective_on: d("2026-05-01"),
        summary: "管理責任者の追加".to_owned(),
    };
    let errors = fields(
        register
            .update_joint_use(created.id, 2, added.clone(), Some(late.clone()), ACTOR)
            .unwrap_err(),
    );
    assert!(has(&errors, "change.kind", FieldErrorCode::OutOfRange));
    let v3 = register
        .update_joint_use(
            created.id,
            2,
            added,
            Some(JointUseChange {
                kind: ChangeNotice::NotifyInAdvance,
                ..late
            }),
            ACTOR,
        )
        .unwrap();
    assert_eq!(
        v3.fields.terms.responsible_parties.len(),
        3,
        "the blank row dropped"
    );
    assert_eq!(v3.editions.len(), 2);
    assert_eq!(v3.editions[0].terms.responsible_parties.len(), 2);

    // A party lacking its address is a missing statutory item; a duplicate name an error.
    let mut incomplete = v3.fields.clone();
    incomplete.terms.responsible_parties[2].address = String::new();
    assert_eq!(incomplete.terms.missing(), vec![StatutoryItem::Responsible]);
    let mut twice = v3.fields.clone();
    twice.terms.responsible_parties[2].name = "テスト健康保険組合".to_owned();
    let errors = fields(
        register
            .update_joint_use(created.id, 3, twice, Some(late_fix()), ACTOR)
            .unwrap_err(),
    );
    assert!(has(
        &errors,
        "terms.responsibleParties[2].name",
        FieldErrorCode::Duplicate
    ));
    assert!(register.verify().unwrap().is_intact());
}

fn late_fix() -> JointUseChange {
    JointUseChange {
        kind: ChangeNotice::NotifyWithoutDelay,
        notified_on: d("2026-06-01"),
        effective_on: d("2026-06-01"),
        summary: "名称の変更".to_owned(),
    }
}

/// Joint use (APPI art. 27(5)(iii)) is not among the cases in which Number Act art. 19 allows
/// specific personal information to be provided: naming a holding with Individual Numbers is
/// refused on that holding's entry.
#[test]
fn a_joint_use_of_a_holding_with_individual_numbers_is_refused_citing_art_19() {
    let register = memory_register();
    let plain = with_holding(&register);
    let mut numbered = common::holding("給与台帳");
    numbered.data_items.push(DataItem {
        id: None,
        name: "個人番号".to_owned(),
        sensitive: false,
        my_number: true,
        purposes: Vec::new(),
        sources: Vec::new(),
    });
    numbered.number_affairs = vec![NumberAffair {
        kind: NumberAffairKind::Related,
        description: "源泉徴収票の作成".to_owned(),
    }];
    let numbered = register.create_holding(numbered, ACTOR).unwrap();
    let mut input = joint_use(&plain);
    input.holding_ids.push(numbered.id);
    let error = register.create_joint_use(input, ACTOR).unwrap_err();
    let field = &error.field_errors()[0];
    assert_eq!(field.field, "holdingIds[1]");
    assert_eq!(field.code, FieldErrorCode::NumberAct);
    assert!(field.message.contains("art. 19"), "{}", field.message);

    // And a jointly used holding cannot gain an Individual Number item.
    let used = register.create_joint_use(joint_use(&plain), ACTOR).unwrap();
    let mut fields_now = plain.fields.clone();
    fields_now.data_items.push(DataItem {
        id: None,
        name: "個人番号".to_owned(),
        sensitive: false,
        my_number: true,
        purposes: Vec::new(),
        sources: Vec::new(),
    });
    fields_now.number_affairs = numbered.fields.number_affairs.clone();
    let error = register
        .update_holding(plain.id, plain.version, fields_now, ACTOR)
        .unwrap_err();
    let field = &error.field_errors()[0];
    assert_eq!(
        (field.field.as_str(), field.code),
        ("dataItems", FieldErrorCode::NumberAct)
    );
    assert!(field.message.contains(&used.fields.reference));
}
