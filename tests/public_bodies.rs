//! Public bodies (行政機関等, APPI chapter V): the regime of incorporated administrative agencies
//! and similar bodies (独立行政法人等), the grounds of art. 69 on which a public body provides
//! what it holds (art. 71 for a recipient abroad), the legal basis of the duties a holding
//! serves (法令の定める所掌事務, art. 61(1)) and the purposes and sources kept per data item.
//! Every expectation is worked out from the Act, not from what the program printed.

use crate::common;
use crate::printed::{ask, assert_prints, pdf_text, print};

use common::{d, holding, register_under, ACTOR};
use daicho::audit::Entity;
use daicho::deadline::PublicPeriods;
use daicho::model::deadline_settings::DeadlineSettingsInput;
use daicho::model::holding::{DataItem, HoldingInput};
use daicho::model::organisation::{OrganisationInput, Regime};
use daicho::model::provision::{
    ProvisionBasis, ProvisionDirection, ProvisionInformation, ProvisionRecordInput, PublicGround,
    RecipientInput, RecordingMethod, StatutoryException,
};
use daicho::model::request::{RequestTrack, RequestType};
use daicho::print::{DocumentKind, PrintFormat};
use daicho::{ErrorKind, FieldErrorCode, Language, Register};

const DUTY_BASIS: &str =
    "検疫法第16条の2、感染症の予防及び感染症の患者に対する医療に関する法律第15条の3";

/// Which regimes are public bodies, and the track a disclosure request takes under each.
/// 行政機関等 (art. 2(11)) are the national organs, the organs of local governments, the
/// incorporated administrative agencies etc. and the local incorporated administrative
/// agencies; chapter IV's operators exclude them (art. 16(2)). Disclosure: art. 33 for an
/// operator, art. 76 for 行政機関の長等; the GDPR alone has no APPI disclosure.
#[test]
fn which_regime_is_a_public_body_and_which_track_a_request_takes() {
    use RequestTrack as T;
    let table: [(Regime, bool, Option<RequestTrack>); 5] = [
        (Regime::PrivateOperator, false, Some(T::PrivateOperator)),
        (Regime::NationalOrgan, true, Some(T::NationalOrgan)),
        (Regime::LocalGovernment, true, Some(T::LocalGovernment)),
        (
            Regime::IncorporatedAgency,
            true,
            Some(T::IncorporatedAgency),
        ),
        (Regime::GdprController, false, None),
    ];
    for (regime, public, track) in table {
        assert_eq!(regime.is_public_body(), public, "{regime:?}");
        assert_eq!(
            RequestTrack::for_request(regime, false, RequestType::Disclosure),
            track,
            "{regime:?}"
        );
        assert_eq!(Regime::from_code(regime.code()), Some(regime));
    }
    // Chapter V gives an agency the same requests as a national organ: disclosure (art. 76),
    // correction (art. 90) and suspension of use (art. 98); none of chapter IV's others
    // (a purpose notification, art. 32(2), or the stop of a third-party provision, art. 35(3),
    // stand apart from art. 98 only for operators).
    assert_eq!(
        RequestType::available(Regime::IncorporatedAgency, false),
        RequestType::available(Regime::NationalOrgan, false)
    );
    // The periods are the Act's own (art. 83: 30 days, extendable by 30); only a local
    // government may shorten them by ordinance (art. 108), so an ordinance entered by
    // mistake does not reach an agency's requests.
    let settings = DeadlineSettingsInput {
        ordinance_decision_days: Some(14),
        ..DeadlineSettingsInput::default()
    };
    assert_eq!(
        settings.public_periods(RequestTrack::IncorporatedAgency),
        PublicPeriods::STATUTORY
    );
    assert_eq!(PublicPeriods::STATUTORY.decision_days, 30);
    assert_ne!(
        settings.public_periods(RequestTrack::LocalGovernment),
        PublicPeriods::STATUTORY
    );
}

/// A provision record whose basis, ground and consent the table changes.
fn provision(
    direction: ProvisionDirection,
    basis: ProvisionBasis,
    exception: Option<StatutoryException>,
    ground: Option<PublicGround>,
    consent: bool,
) -> ProvisionRecordInput {
    ProvisionRecordInput {
        reference: String::new(),
        direction,
        basis,
        exception,
        public_ground: ground,
        recording_method: RecordingMethod::Individual,
        provided_on: d("2026-03-02"),
        last_provided_on: None,
        recorded_on: d("2026-03-02"),
        recipient_id: None,
        counterparty_name: "東京都○○保健所".to_owned(),
        counterparty_address: "東京都新宿区西新宿2-8-1".to_owned(),
        counterparty_representative: String::new(),
        acquisition_circumstances: "検疫所において質問票により取得".to_owned(),
        opt_out_published: false,
        persons: vec!["入国者 A-0001".to_owned()],
        persons_description: String::new(),
        items: vec!["氏名".to_owned(), "滞在場所".to_owned()],
        consent_obtained: consent,
        consent_note: String::new(),
        holding_ids: Vec::new(),
        notes: String::new(),
        information: ProvisionInformation::PersonalData,
        consent_confirmation_method: String::new(),
        foreign_information_confirmed: false,
    }
}

fn outcome(register: &Register, input: ProvisionRecordInput) -> Vec<(String, FieldErrorCode)> {
    match register.create_provision_record(input, ACTOR) {
        Ok(_) => Vec::new(),
        Err(error) => {
            assert_eq!(error.kind(), ErrorKind::Validation, "{error}");
            error
                .field_errors()
                .iter()
                .map(|f| (f.field.clone(), f.code))
                .collect()
        }
    }
}

/// The bases a provision may rest on, by regime, hand-worked from the articles cited.
#[test]
fn a_provision_rests_on_the_bases_of_the_organisations_regime() {
    use FieldErrorCode as E;
    use ProvisionBasis as B;
    use ProvisionDirection::{Provided, Received};
    use PublicGround as G;
    type Row = (
        Regime,
        ProvisionDirection,
        ProvisionBasis,
        Option<StatutoryException>,
        Option<PublicGround>,
        bool,
        &'static [(&'static str, FieldErrorCode)],
        &'static str,
    );
    let table: &[Row] = &[
        (
            Regime::NationalOrgan,
            Provided,
            B::PublicBody,
            None,
            Some(G::LawsAndRegulations),
            false,
            &[],
            "art. 69(1): based on laws and regulations",
        ),
        (
            Regime::NationalOrgan,
            Provided,
            B::PublicBody,
            None,
            Some(G::WithinPurpose),
            false,
            &[],
            "art. 69(1): for the purposes of use, which the article leaves open",
        ),
        (
            Regime::NationalOrgan,
            Provided,
            B::PublicBody,
            None,
            Some(G::OtherPublicBody),
            false,
            &[],
            "art. 69(2)(iii): to another public body for its duties",
        ),
        (
            Regime::NationalOrgan,
            Provided,
            B::PublicBody,
            None,
            Some(G::InternalUse),
            false,
            &[],
            "art. 69(2)(ii): internal use",
        ),
        (
            Regime::NationalOrgan,
            Provided,
            B::PublicBody,
            None,
            None,
            false,
            &[("publicGround", E::Required)],
            "art. 69: a public body's provision names its ground",
        ),
        (
            Regime::NationalOrgan,
            Provided,
            B::Consent,
            None,
            None,
            true,
            &[("basis", E::NotInRegime)],
            "art. 16(2): art. 27 binds operators, not 行政機関等",
        ),
        (
            Regime::NationalOrgan,
            Provided,
            B::StatutoryException,
            Some(StatutoryException::LawsAndRegulations),
            None,
            false,
            &[("basis", E::NotInRegime)],
            "art. 16(2): the art. 27(1) exceptions are an operator's",
        ),
        (
            Regime::NationalOrgan,
            Received,
            B::Consent,
            None,
            None,
            true,
            &[],
            "a receipt names the provider's basis, an operator's art. 27 included",
        ),
        (
            Regime::PrivateOperator,
            Provided,
            B::PublicBody,
            None,
            Some(G::OtherPublicBody),
            false,
            &[("basis", E::NotInRegime)],
            "art. 69 binds 行政機関の長等 only",
        ),
        (
            Regime::PrivateOperator,
            Received,
            B::PublicBody,
            None,
            Some(G::OtherPublicBody),
            false,
            &[],
            "an operator receiving from a ministry records the ministry's art. 69 ground",
        ),
        (
            Regime::PrivateOperator,
            Provided,
            B::Consent,
            None,
            Some(G::ConsentOrPerson),
            true,
            &[("publicGround", E::Malformed)],
            "an art. 69 ground goes only with a public body's basis",
        ),
        (
            Regime::IncorporatedAgency,
            Provided,
            B::PublicBody,
            None,
            Some(G::StatisticsOrResearch),
            false,
            &[],
            "art. 69(2)(iv): statistics or academic research; art. 69 binds 独立行政法人等 too",
        ),
        (
            Regime::IncorporatedAgency,
            Provided,
            B::PublicBodyForeign,
            None,
            Some(G::StatisticsOrResearch),
            false,
            &[],
            "art. 71(1): the cases of art. 69(2)(iv) need no consent to the provision abroad",
        ),
        (
            Regime::IncorporatedAgency,
            Provided,
            B::PublicBodyForeign,
            None,
            Some(G::SpecialGrounds),
            false,
            &[],
            "art. 71(1): the cases of art. 69(2)(iv), special grounds among them",
        ),
        (
            Regime::IncorporatedAgency,
            Provided,
            B::PublicBodyForeign,
            None,
            Some(G::InternalUse),
            false,
            &[("publicGround", E::Malformed)],
            "art. 71(1): internal use is no provision to a third party abroad",
        ),
        (
            Regime::IncorporatedAgency,
            Provided,
            B::PublicBodyForeign,
            None,
            Some(G::OtherPublicBody),
            false,
            &[("publicGround", E::Malformed)],
            "art. 69(2)(iii) names Japanese public bodies; a recipient abroad is none",
        ),
        (
            Regime::LocalGovernment,
            Provided,
            B::PublicBodyForeign,
            None,
            Some(G::LawsAndRegulations),
            false,
            &[],
            "art. 71(1): based on laws and regulations",
        ),
        (
            Regime::LocalGovernment,
            Provided,
            B::PublicBodyForeign,
            None,
            Some(G::ConsentOrPerson),
            false,
            &[("consentObtained", E::Required)],
            "art. 71(1): otherwise the person's prior consent to the provision abroad",
        ),
        (
            Regime::LocalGovernment,
            Provided,
            B::PublicBodyForeign,
            None,
            Some(G::ConsentOrPerson),
            true,
            &[],
            "art. 71(1): with that consent",
        ),
        (
            Regime::LocalGovernment,
            Provided,
            B::ForeignProvision,
            None,
            None,
            true,
            &[("basis", E::NotInRegime)],
            "art. 28 is an operator's; a public body provides abroad under art. 71",
        ),
    ];
    for (regime, direction, basis, exception, ground, consent, expected, why) in table {
        let register = register_under(*regime, false);
        let got = outcome(
            &register,
            provision(*direction, *basis, *exception, *ground, *consent),
        );
        let expected: Vec<(String, FieldErrorCode)> = expected
            .iter()
            .map(|(f, c)| ((*f).to_owned(), *c))
            .collect();
        assert_eq!(got, expected, "{regime:?} {basis:?} {ground:?}: {why}");
    }
}

fn recipient(basis: ProvisionBasis, ground: Option<PublicGround>) -> RecipientInput {
    RecipientInput {
        name: "出入国在留管理庁".to_owned(),
        address: "東京都千代田区霞が関1-1-1".to_owned(),
        representative: String::new(),
        purpose: "入国者の本人確認及び所在の確認".to_owned(),
        basis,
        exception: None,
        public_ground: ground,
        items: vec!["氏名".to_owned(), "旅券番号".to_owned()],
        frequency: "随時、電子データで".to_owned(),
        holding_ids: Vec::new(),
        notes: String::new(),
    }
}

/// A regular recipient (経常的提供先, file register item vii) of a public body rests on art. 69
/// as a provision record does; an Individual Number goes nowhere on consent (Number Act
/// art. 19 lists no consent case, for public bodies as for operators).
#[test]
fn a_public_bodys_regular_recipient_and_the_number_act() {
    let register = register_under(Regime::NationalOrgan, false);
    let created = register
        .create_recipient(
            recipient(
                ProvisionBasis::PublicBody,
                Some(PublicGround::OtherPublicBody),
            ),
            ACTOR,
        )
        .unwrap();
    assert_eq!(
        created.fields.public_ground,
        Some(PublicGround::OtherPublicBody)
    );
    let refused = register
        .create_recipient(recipient(ProvisionBasis::Consent, None), ACTOR)
        .expect_err("a private operator's basis is refused");
    assert_eq!(refused.field_errors()[0].field, "basis");
    assert_eq!(refused.field_errors()[0].code, FieldErrorCode::NotInRegime);

    let mut numbered = holding("個人番号管理ファイル");
    numbered.data_items.push(DataItem {
        my_number: true,
        ..common::item("個人番号")
    });
    numbered.number_affairs = vec![daicho::model::holding::NumberAffair {
        kind: daicho::model::holding::NumberAffairKind::Use,
        description: "番号法別表第一の事務".to_owned(),
    }];
    let numbered = register.create_holding(numbered, ACTOR).unwrap();
    let on_consent = RecipientInput {
        holding_ids: vec![numbered.id],
        ..recipient(
            ProvisionBasis::PublicBody,
            Some(PublicGround::ConsentOrPerson),
        )
    };
    let refused = register
        .create_recipient(on_consent.clone(), ACTOR)
        .expect_err("consent is no case of Number Act art. 19");
    assert_eq!(refused.field_errors()[0].code, FieldErrorCode::NumberAct);
    register
        .create_recipient(
            RecipientInput {
                public_ground: Some(PublicGround::LawsAndRegulations),
                ..on_consent
            },
            ACTOR,
        )
        .expect("a provision based on laws and regulations may be an art. 19 case");
}

/// 000's table: seven types of information, each with its own purposes and sources, kept as
/// one holding (the three first rows of the policy's section 4, abridged).
fn quarantine_holding() -> HoldingInput {
    let item = |name: &str, purposes: &[&str], sources: &[&str]| DataItem {
        purposes: purposes.iter().map(|p| (*p).to_owned()).collect(),
        sources: sources.iter().map(|s| (*s).to_owned()).collect(),
        ..common::item(name)
    };
    HoldingInput {
        name: "入国者健康確認情報".to_owned(),
        department: "健康・生活衛生局 感染症対策部".to_owned(),
        duty_basis: DUTY_BASIS.to_owned(),
        consent_details: Default::default(),
        data_items: vec![
            item(
                "基本情報（氏名、性別、生年月日、住所、国籍等）",
                &[
                    "入国者の本人確認及び管理のため",
                    "関係省庁、保健所等との連絡のため",
                ],
                &["入国者本人（MySOS、質問票、誓約書等）", "受入責任者"],
            ),
            item(
                "旅券情報（旅券番号及び写真）",
                &["入国者の本人確認及び管理のため"],
                &["入国者本人（MySOS、質問票、誓約書等）"],
            ),
            item(
                "輸出物品販売場（免税店）の利用に関する情報",
                &["感染症法第15条に基づく積極的疫学調査のため"],
                &["輸出物品販売場、国税庁等"],
            ),
            // An item without its own purposes or sources follows the holding's.
            common::item("備考"),
        ],
        purposes: vec!["検疫業務及び入国者健康確認業務の実施".to_owned()],
        approx_count: Some(250_000),
        ..holding("入国者健康確認情報")
    }
}

fn ministry() -> OrganisationInput {
    OrganisationInput {
        name: "厚生労働省".to_owned(),
        address: "東京都千代田区霞が関1-2-2".to_owned(),
        representative: "厚生労働大臣".to_owned(),
        regime: Regime::NationalOrgan,
        gdpr_applies: true,
        ..common::organisation()
    }
}

/// The new fields are written through the one write path: audited, refused with a field error
/// when too long or hostile, exported and imported whole, and absent keys of an older
/// document read as empty.
#[test]
fn the_new_fields_are_audited_checked_and_carried_by_the_document() {
    let register = common::memory_register();
    register.save_organisation(ministry(), None, ACTOR).unwrap();
    let held = register
        .create_holding(quarantine_holding(), ACTOR)
        .unwrap();
    assert_eq!(held.fields.duty_basis, DUTY_BASIS);
    assert_eq!(held.fields.data_items[0].sources.len(), 2);
    let history = register
        .history(Entity::Holding, &held.id.to_string())
        .unwrap();
    let changed: Vec<&str> = history[0]
        .changes
        .iter()
        .map(|c| c.field.as_str())
        .collect();
    assert!(changed.contains(&"dutyBasis"), "{changed:?}");
    assert!(
        changed.iter().any(|f| f.starts_with("dataItems")),
        "{changed:?}"
    );

    let record = register
        .create_provision_record(
            ProvisionRecordInput {
                holding_ids: vec![held.id],
                ..provision(
                    ProvisionDirection::Provided,
                    ProvisionBasis::PublicBody,
                    None,
                    Some(PublicGround::OtherPublicBody),
                    false,
                )
            },
            ACTOR,
        )
        .unwrap();
    let history = register
        .history(Entity::ProvisionRecord, &record.id.to_string())
        .unwrap();
    let ground = history[0]
        .changes
        .iter()
        .find(|c| c.field == "publicGround")
        .expect("the ground is in the audit entry");
    assert_eq!(ground.after, Some(serde_json::json!("otherPublicBody")));

    // Field errors name the field and never echo the value.
    let mut hostile = quarantine_holding();
    hostile.name = "別の台帳".to_owned();
    hostile.duty_basis = "法".repeat(5_000);
    hostile.data_items[1].sources = vec!["入国者\u{202E}本人".to_owned()];
    let error = register
        .create_holding(hostile, ACTOR)
        .expect_err("refused");
    let fields: Vec<(&str, FieldErrorCode)> = error
        .field_errors()
        .iter()
        .map(|f| (f.field.as_str(), f.code))
        .collect();
    assert!(
        fields.contains(&("dutyBasis", FieldErrorCode::TooLong)),
        "{fields:?}"
    );
    assert!(
        fields.contains(&("dataItems[1].sources[0]", FieldErrorCode::ControlCharacter)),
        "{fields:?}"
    );
    for f in error.field_errors() {
        assert!(!f.message.contains("入国者"), "{}", f.message);
    }

    let exported = daicho::document::export(&register).unwrap();
    let json = serde_json::to_string(&exported).unwrap();
    let target = common::memory_register();
    daicho::document::import(&target, &json, ACTOR).unwrap();
    let again = daicho::document::export(&target).unwrap();
    assert_eq!(again.holdings, exported.holdings);
    assert_eq!(again.provision_records, exported.provision_records);
    assert_eq!(again.organisation, exported.organisation);
    assert!(target.verify().unwrap().is_intact());

    // A document from before these fields: no dutyBasis, no per-item purposes or sources, no
    // publicGround on a private operator's records. It imports with them empty.
    let demo = common::memory_register();
    daicho::demo::load(&demo, ACTOR).unwrap();
    let mut document: serde_json::Value =
        serde_json::to_value(daicho::document::export(&demo).unwrap()).unwrap();
    for holding in document["holdings"].as_array_mut().unwrap() {
        let holding = holding.as_object_mut().unwrap();
        assert!(holding.remove("dutyBasis").is_some());
        for item in holding["dataItems"].as_array_mut().unwrap() {
            let item = item.as_object_mut().unwrap();
            assert!(item.remove("purposes").is_some());
            assert!(item.remove("sources").is_some());
        }
    }
    for key in ["recipients", "provisionRecords"] {
        for record in document[key].as_array_mut().unwrap() {
            assert!(record
                .as_object_mut()
                .unwrap()
                .remove("publicGround")
                .is_some());
        }
    }
    let older = common::memory_register();
    daicho::document::import(&older, &document.to_string(), ACTOR).unwrap();
    let holdings = older.holdings().unwrap();
    assert!(!holdings.is_empty());
    assert!(holdings.iter().all(|h| h.fields.duty_basis.is_empty()
        && h.fields
            .data_items
            .iter()
            .all(|i| i.purposes.is_empty() && i.sources.is_empty())));
    assert!(older.verify().unwrap().is_intact());
}

/// The ledger, the file register and the GDPR record print the statutory duties; the ledger
/// and the file register add the type -> purpose -> source table; the provision register cites
/// the art. 69 ground.
#[test]
fn the_duties_the_item_table_and_the_ground_are_printed() {
    let register = common::memory_register();
    register.save_organisation(ministry(), None, ACTOR).unwrap();
    let held = register
        .create_holding(quarantine_holding(), ACTOR)
        .unwrap();
    register
        .create_provision_record(
            ProvisionRecordInput {
                holding_ids: vec![held.id],
                ..provision(
                    ProvisionDirection::Provided,
                    ProvisionBasis::PublicBody,
                    None,
                    Some(PublicGround::OtherPublicBody),
                    false,
                )
            },
            ACTOR,
        )
        .unwrap();
    let text = |kind, lang| pdf_text(&print(&register, &ask(kind, lang, PrintFormat::Pdf)));
    let table_ja = [
        "項目ごとの利用目的及び取得元",
        "旅券情報（旅券番号及び写真）",
        "感染症法第15条に基づく積極的疫学調査のため",
        "輸出物品販売場、国税庁等",
        "受入責任者",
        "（個人情報全体の利用目的による）",
    ];
    for kind in [DocumentKind::Ledger, DocumentKind::FileRegister] {
        let ja = text(kind, Language::Ja);
        assert_prints(&ja, &["法令の定める所掌事務", DUTY_BASIS]);
        assert_prints(&ja, &table_ja);
    }
    assert_prints(
        &text(DocumentKind::Ropa, Language::Ja),
        &["法令の定める所掌事務", DUTY_BASIS],
    );
    assert_prints(
        &text(DocumentKind::Ledger, Language::En),
        &[
            "Statutory duties served",
            "Purposes and sources by data item",
        ],
    );
    assert_prints(
        &text(DocumentKind::ProvisionRecords, Language::Ja),
        &[
            "行政機関等の利用及び提供の制限（法第69条）",
            "法第69条第2項第3号",
        ],
    );
    assert_prints(
        &text(DocumentKind::ProvisionRecords, Language::En),
        &[
            "Use and provision by a public body (art. 69)",
            "Art. 69(2)(iii)",
        ],
    );
}

/// An incorporated administrative agency keeps a file register (art. 75 binds 行政機関の長等)
/// and reports a breach under art. 68 with the public bodies' threshold.
#[test]
fn an_incorporated_agency_keeps_a_file_register() {
    let register = register_under(Regime::IncorporatedAgency, false);
    register
        .create_holding(
            HoldingInput {
                approx_count: Some(5_000),
                ..holding("職員の人事記録")
            },
            ACTOR,
        )
        .unwrap();
    assert_prints(
        &pdf_text(&print(
            &register,
            &ask(DocumentKind::FileRegister, Language::Ja, PrintFormat::Pdf),
        )),
        &["個人情報ファイル簿", "職員の人事記録"],
    );
}

/// Several officers, each with a contact (seed 000 names two data protection officers): kept,
/// audited with the profile, printed in the art. 32 announcement and the GDPR record, and
/// refused on the field when a name is missing or repeated.
#[test]
fn several_officers_each_with_their_own_contact() {
    use daicho::model::organisation::Officer;
    let officer = |name: &str, contact: &str| Officer {
        name: name.to_owned(),
        role: "データ保護責任者".to_owned(),
        contact: contact.to_owned(),
    };
    let register = common::memory_register();
    let profile = OrganisationInput {
        gdpr_applies: true,
        officers: vec![
            officer("健康局健康課長", "健康局健康課（電話 03-0000-5201）"),
            officer("検疫所業務課長", "検疫所業務課（電話 03-0000-5202）"),
        ],
        ..common::organisation()
    };
    let saved = register
        .save_organisation(profile.clone(), None, ACTOR)
        .unwrap();
    assert_eq!(saved.profile.officers.len(), 2);
    for kind in [DocumentKind::Announcement, DocumentKind::Ropa] {
        assert_prints(
            &pdf_text(&print(
                &register,
                &ask(kind, Language::Ja, PrintFormat::Pdf),
            )),
            &[
                "データ保護責任者",
                "健康局健康課長",
                "健康局健康課（電話03-0000-5201）",
                "検疫所業務課長",
                "検疫所業務課（電話03-0000-5202）",
            ],
        );
    }
    let mut twice = profile.clone();
    twice.officers[1].name = "健康局健康課長".to_owned();
    twice.officers.push(officer("", "内線 1234"));
    let error = register
        .save_organisation(twice, Some(saved.version), ACTOR)
        .expect_err("refused");
    let fields: Vec<(&str, FieldErrorCode)> = error
        .field_errors()
        .iter()
        .map(|f| (f.field.as_str(), f.code))
        .collect();
    assert_eq!(
        fields,
        [
            ("officers[1].name", FieldErrorCode::Duplicate),
            ("officers[2].name", FieldErrorCode::Required),
        ]
    );
    // The JSON document carries them; a document without the key imports with none.
    let exported = daicho::document::export(&register).unwrap();
    let target = common::memory_register();
    daicho::document::import(&target, &serde_json::to_string(&exported).unwrap(), ACTOR).unwrap();
    assert_eq!(
        target.organisation().unwrap().unwrap().profile.officers,
        saved.profile.officers
    );
    let mut older = serde_json::to_value(&exported).unwrap();
    assert!(older["organisation"]
        .as_object_mut()
        .unwrap()
        .remove("officers")
        .is_some());
    let again = common::memory_register();
    daicho::document::import(&again, &older.to_string(), ACTOR).unwrap();
    assert!(again
        .organisation()
        .unwrap()
        .unwrap()
        .profile
        .officers
        .is_empty());
}

/// The disposal log, the objection log and the regular recipients print as lists in ja and en,
/// as PDF, CSV and XLSX, each row carrying what was entered.
#[test]
fn disposals_objections_and_recipients_print_as_lists() {
    use daicho::model::consent_matter::ConsentMatterInput;
    use daicho::model::disposal::{DisposalInput, DisposalMedium};
    use daicho::model::holding::DisposalMethod;
    use daicho::model::objection::ObjectionInput;
    let register = common::memory_register();
    register
        .save_organisation(common::organisation(), None, ACTOR)
        .unwrap();
    let held = register
        .create_holding(holding("健診結果台帳"), ACTOR)
        .unwrap();
    register
        .create_disposal(
            DisposalInput {
                reference: String::new(),
                holding_id: held.id,
                disposed_on: d("2026-04-20"),
                description: "2020年度受診分の健診票（保存箱3箱）".to_owned(),
                covers_through: Some(d("2021-03-31")),
                medium: DisposalMedium::Paper,
                method: DisposalMethod::Dissolving,
                method_note: String::new(),
                performed_by: "総務課 田中".to_owned(),
                witness: "総務課長".to_owned(),
                vendor: "株式会社溶解センター".to_owned(),
                certificate_ref: "SR-2026-0042".to_owned(),
                notes: String::new(),
            },
            ACTOR,
        )
        .unwrap();
    let matter = register
        .create_consent_matter(
            ConsentMatterInput {
                title: "健診結果の事業主への提供".to_owned(),
                description: "異議がない限り、健診結果を事業主に提供します".to_owned(),
                holding_ids: vec![held.id],
                published_where: "ウェブサイト".to_owned(),
                published_since: d("2025-04-01"),
                notes: String::new(),
            },
            ACTOR,
        )
        .unwrap();
    register
        .create_objection(
            ObjectionInput {
                reference: String::new(),
                person: "記号12 番号34 山田 花子".to_owned(),
                purpose: "健診結果の提供".to_owned(),
                reason: "事業主に知られたくない".to_owned(),
                received_on: d("2026-05-01"),
                in_writing: true,
                applied_on: Some(d("2026-05-08")),
                applied_by: "保健課 中村".to_owned(),
                holding_ids: vec![held.id],
                notes: String::new(),
                matter_id: Some(matter.id),
                withdrawn_on: None,
            },
            ACTOR,
        )
        .unwrap();
    register
        .create_recipient(
            RecipientInput {
                name: "社会保険診療報酬支払基金".to_owned(),
                basis: ProvisionBasis::StatutoryException,
                exception: Some(StatutoryException::LawsAndRegulations),
                public_ground: None,
                holding_ids: vec![held.id],
                ..recipient(ProvisionBasis::Consent, None)
            },
            ACTOR,
        )
        .unwrap();
    let cases: [(DocumentKind, &[&str], &[&str]); 3] = [
        (
            DocumentKind::DisposalLog,
            &[
                "廃棄記録",
                "D-0001",
                "2020年度受診分の健診票（保存箱3箱）",
                "株式会社溶解センター",
                "SR-2026-0042",
                "総務課長",
            ],
            &["Disposal Log", "D-0001", "Witness"],
        ),
        (
            DocumentKind::ObjectionLog,
            &[
                "異議の申出の記録",
                "O-0001",
                "記号12番号34山田花子",
                "健診結果の事業主への提供",
                "事業主に知られたくない",
                "保健課中村",
            ],
            &["Objection Log", "O-0001", "In writing"],
        ),
        (
            DocumentKind::RecipientList,
            &[
                "経常的提供先一覧",
                "社会保険診療報酬支払基金",
                "第1号法令に基づく場合",
                "随時、電子データで",
            ],
            &["Regular Recipients", "Exception under art. 27(1)"],
        ),
    ];
    for (kind, ja, en) in cases {
        assert_prints(
            &pdf_text(&print(
                &register,
                &ask(kind, Language::Ja, PrintFormat::Pdf),
            )),
            ja,
        );
        assert_prints(
            &pdf_text(&print(
                &register,
                &ask(kind, Language::En, PrintFormat::Pdf),
            )),
            en,
        );
        let csv = crate::printed::parse_csv(&print(
            &register,
            &ask(kind, Language::Ja, PrintFormat::Csv),
        ));
        assert_eq!(csv.len(), 2, "{kind:?}: a heading row and one record");
        let xlsx = print(&register, &ask(kind, Language::Ja, PrintFormat::Xlsx));
        assert!(xlsx.starts_with(b"PK"), "{kind:?} is a zip (XLSX)");
    }

    // The objection form fills the purpose in from the matter's title: the list then names
    // the matter once, and a purpose of its own under the title otherwise.
    register
        .create_objection(
            ObjectionInput {
                reference: String::new(),
                person: "記号12 番号35 山田 一郎".to_owned(),
                purpose: "健診結果の事業主への提供".to_owned(),
                reason: String::new(),
                received_on: d("2026-05-02"),
                in_writing: true,
                applied_on: None,
                applied_by: String::new(),
                holding_ids: vec![held.id],
                notes: String::new(),
                matter_id: Some(matter.id),
                withdrawn_on: None,
            },
            ACTOR,
        )
        .unwrap();
    let csv = crate::printed::parse_csv(&print(
        &register,
        &ask(DocumentKind::ObjectionLog, Language::Ja, PrintFormat::Csv),
    ));
    let objected: Vec<(&str, &str)> = csv[1..]
        .iter()
        .map(|row| (row[0].as_str(), row[3].as_str()))
        .collect();
    assert_eq!(
        objected,
        [
            ("O-0001", "健診結果の事業主への提供\n健診結果の提供"),
            ("O-0002", "健診結果の事業主への提供"),
        ]
    );
}

/// Children's data through a legal representative: minors are those under 18 (Civil Code
/// art. 4), so the age limit runs 0 to 17 and names how the representative consents; published
/// statistics are named.
#[test]
fn consent_details_are_checked_and_printed() {
    use daicho::model::holding::ConsentDetails;
    let register = common::memory_register();
    register
        .save_organisation(common::organisation(), None, ACTOR)
        .unwrap();
    let with = |details: ConsentDetails| HoldingInput {
        consent_details: details,
        ..holding("入国者情報")
    };
    let refused = |details: ConsentDetails| -> Vec<(String, FieldErrorCode)> {
        register
            .create_holding(with(details), ACTOR)
            .expect_err("refused")
            .field_errors()
            .iter()
            .map(|f| (f.field.clone(), f.code))
            .collect()
    };
    assert_eq!(
        refused(ConsentDetails {
            minors_up_to_age: Some(18),
            representative_consent: "保護者の署名".to_owned(),
            ..ConsentDetails::default()
        }),
        [(
            "consentDetails.minorsUpToAge".to_owned(),
            FieldErrorCode::OutOfRange
        )]
    );
    assert_eq!(
        refused(ConsentDetails {
            minors_up_to_age: Some(12),
            ..ConsentDetails::default()
        }),
        [(
            "consentDetails.representativeConsent".to_owned(),
            FieldErrorCode::NeedsNote
        )]
    );
    assert_eq!(
        refused(ConsentDetails {
            statistics_published: true,
            ..ConsentDetails::default()
        }),
        [(
            "consentDetails.statistics".to_owned(),
            FieldErrorCode::Required
        )]
    );
    register
        .create_holding(
            with(ConsentDetails {
                minors_up_to_age: Some(12),
                representative_consent: "保護者が署名した誓約書".to_owned(),
                voluntary: Some(true),
                if_not_given: "健康確認の連絡ができません".to_owned(),
                automated_decisions: Some(false),
                automated_decisions_note: String::new(),
                statistics: "国籍別の入国者数".to_owned(),
                statistics_published: true,
            }),
            ACTOR,
        )
        .unwrap();
    assert_prints(
        &pdf_text(&print(
            &register,
            &ask(DocumentKind::Ledger, Language::Ja, PrintFormat::Pdf),
        )),
        &[
            "12歳以下は法定代理人の同意（保護者が署名した誓約書）",
            "提供は任意。提供しない場合:健康確認の連絡ができません",
            "自動化された意思決定:なし",
            "統計:国籍別の入国者数（公表）",
        ],
    );
}
