//! The demo register's subcontracting chain, joint-use notices and cross-border transfers,
//! after the health insurance society's published policy (checkups, receipts translated for
//! treatment abroad, confidential disposal, joint use for the high-cost medical grant and with
//! employers), the health ministry's subcontractor classes and its IHR Art. 30 basis, and the
//! migrant-worker platform's consultation desk entrusted to a nonprofit. Names are fictional.

use crate::error::Result;
use crate::model::holding::Holding;
use crate::model::joint_use::{
    ChangeNotice, JointUseChange, JointUseInput, JointUseTerms, PublicationMethod,
    ResponsibleParty, UserPurpose,
};
use crate::model::subcontractor::{
    Approval, ApprovalForm, EntrustedData, SubcontractorClass, SubcontractorInput, Supervision,
    SupervisionMethod,
};
use crate::model::transfer::{InformationGiven, MeasuresBasis, TransferBasis, TransferInput};
use crate::register::Register;
use chrono::{Days, Months, NaiveDate};

fn texts(values: &[&str]) -> Vec<String> {
    values.iter().map(|v| (*v).to_owned()).collect()
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a valid demo date")
}

/// The items of `holding` named in `names`, for an entrustment.
fn entrust(holding: &Holding, names: &[&str]) -> EntrustedData {
    EntrustedData {
        holding_id: holding.id,
        item_ids: holding
            .fields
            .data_items
            .iter()
            .filter(|i| names.contains(&i.name.as_str()))
            .filter_map(|i| i.id)
            .collect(),
    }
}

fn all_items(holding: &Holding) -> EntrustedData {
    EntrustedData {
        holding_id: holding.id,
        item_ids: holding
            .fields
            .data_items
            .iter()
            .filter_map(|i| i.id)
            .collect(),
    }
}

fn approval(by: &str, on: NaiveDate, form: ApprovalForm, note: &str) -> Option<Approval> {
    Some(Approval {
        approved_by: by.to_owned(),
        approved_on: on,
        form,
        note: note.to_owned(),
    })
}

fn tier(name: &str, class: SubcontractorClass, work: &str) -> SubcontractorInput {
    SubcontractorInput {
        reference: String::new(),
        parent_id: None,
        name: name.to_owned(),
        address: String::new(),
        representative: String::new(),
        country: "JP".to_owned(),
        classification: class,
        classification_note: String::new(),
        work_description: work.to_owned(),
        entrusted: Vec::new(),
        contract_reference: String::new(),
        contract_clauses: String::new(),
        approval: None,
        supervision: Supervision {
            method: SupervisionMethod::WrittenReport,
            frequency_months: 12,
            last_check: None,
            next_check: None,
            findings: String::new(),
        },
        incident_notified_on: None,
        incident_note: String::new(),
        notes: String::new(),
    }
}

const CLAUSES: &str = "個人情報の取扱いに関する特記事項（安全管理措置、目的外利用の禁止、\
    再委託の事前承認、事故発生時の直ちの報告、契約終了時の返却・消去と消去証明の提出、\
    組合による立入検査）";

/// The three sections of the demo register, over the demo holdings (in the order
/// `demo::holdings` creates them). Check dates are set relative to today so that one
/// supervision check and one transfer check are always overdue.
const SOCIETY: &str = "みらい健康保険組合";
/// Where persons ask about the society's joint uses (問合せ窓口).
const SOCIETY_DESK: &str =
    "みらい健康保険組合 総務グループ 個人情報相談窓口（電話 03-0000-1234、平日9時〜17時）";

/// The society as a responsible party, with the representative of the day.
fn society(representative: &str) -> ResponsibleParty {
    ResponsibleParty {
        name: SOCIETY.to_owned(),
        address: "東京都港区芝公園四丁目2番8号 みらいビル5階".to_owned(),
        representative: representative.to_owned(),
    }
}

pub(super) fn load(register: &Register, holding_ids: &[i64], actor: &str) -> Result<()> {
    let today = crate::clock::today();
    let holdings: Vec<Holding> = holding_ids
        .iter()
        .map(|id| register.holding(*id))
        .collect::<Result<_>>()?;
    let [members, receipts, checkups, claims, consultations, _web, _staff, _employer_checkups] =
        &holdings[..]
    else {
        return Ok(());
    };
    let months_ago = |m: u32| today.checked_sub_months(Months::new(m)).unwrap_or(today);
    let months_ahead = |m: u32| today.checked_add_months(Months::new(m)).unwrap_or(today);
    let days_ago = |d: u64| today.checked_sub_days(Days::new(d)).unwrap_or(today);

    // The system vendor runs the society's benefit and eligibility system; its cloud
    // host is a sub-subcontractor approved in writing.
    let vendor = register.create_subcontractor(
        SubcontractorInput {
            address: "東京都江東区豊洲三丁目3番3号".to_owned(),
            representative: "代表取締役 小林 誠".to_owned(),
            entrusted: vec![
                entrust(
                    members,
                    &[
                        "氏名",
                        "生年月日",
                        "性別",
                        "住所",
                        "被保険者記号・番号",
                        "資格取得・喪失年月日",
                        "標準報酬月額",
                    ],
                ),
                all_items(receipts),
            ],
            contract_reference: "業務委託契約 R6-基幹-01".to_owned(),
            contract_clauses: CLAUSES.to_owned(),
            approval: approval(
                "常務理事 鈴木 花子",
                date(2024, 3, 15),
                ApprovalForm::InternalDecision,
                "委託先選定決裁 R6-12号（プライバシーマーク取得を確認）",
            ),
            supervision: Supervision {
                method: SupervisionMethod::OnSiteAudit,
                frequency_months: 12,
                last_check: Some(months_ago(5)),
                next_check: Some(months_ahead(7)),
                findings: "アクセスログの定期点検を確認。指摘事項なし".to_owned(),
            },
            ..tier(
                "株式会社みなとシステムズ",
                SubcontractorClass::SystemVendor,
                "健保基幹システム（適用・給付）の開発、運用及び保守",
            )
        },
        actor,
    )?;
    register.create_subcontractor(
        SubcontractorInput {
            parent_id: Some(vendor.id),
            address: "東京都品川区大崎一丁目11番2号".to_owned(),
            representative: "代表取締役 森 直樹".to_owned(),
            entrusted: vec![
                entrust(members, &["氏名", "生年月日", "住所", "被保険者記号・番号"]),
                all_items(receipts),
            ],
            contract_reference: "みなとシステムズ・クラウド利用契約 CL-2024-118".to_owned(),
            contract_clauses: "国内データセンターでの保管、暗号化、再々委託の禁止".to_owned(),
            approval: approval(
                "常務理事 鈴木 花子",
                date(2024, 4, 2),
                ApprovalForm::WrittenApproval,
                "再委託承認書 R6-03号（みなとシステムズからの再委託申請に対して）",
            ),
            supervision: Supervision {
                method: SupervisionMethod::IndirectThroughParent,
                frequency_months: 12,
                last_check: Some(months_ago(14)),
                next_check: Some(months_ago(2)),
                findings: "ISMAP登録の継続をみなとシステムズ経由で確認".to_owned(),
            },
            ..tier(
                "さくらクラウドホスティング株式会社",
                SubcontractorClass::CloudProvider,
                "基幹システムのサーバー基盤（IaaS）の提供",
            )
        },
        actor,
    )?;

    // Checkup providers: one direct, with a lab analysing the samples as a sub-tier whose
    // re-entrustment was never approved — the register flags it.
    let checkup = register.create_subcontractor(
        SubcontractorInput {
            address: "東京都新宿区西新宿二丁目4番1号".to_owned(),
            representative: "理事長 医師 岡田 裕子".to_owned(),
            entrusted: vec![entrust(
                checkups,
                &[
                    "氏名",
                    "生年月日",
                    "被保険者記号・番号",
                    "健診結果（検査値）",
                    "問診結果",
                ],
            )],
            contract_reference: "特定健康診査等委託契約 R7-健診-04".to_owned(),
            contract_clauses: CLAUSES.to_owned(),
            approval: approval(
                "常務理事 鈴木 花子",
                date(2025, 3, 28),
                ApprovalForm::InternalDecision,
                "健診機関選定決裁 R6-41号",
            ),
            supervision: Supervision {
                method: SupervisionMethod::Questionnaire,
                frequency_months: 12,
                last_check: Some(months_ago(3)),
                next_check: Some(months_ahead(9)),
                findings: "結果データの受渡しを暗号化ファイルに統一するよう要請し、対応済み"
                    .to_owned(),
            },
            ..tier(
                "医療法人社団 新都心健診会",
                SubcontractorClass::CheckupProvider,
                "特定健康診査・人間ドックの実施と結果データの作成、組合システムへの入力",
            )
        },
        actor,
    )?;
    register.create_subcontractor(
        SubcontractorInput {
            parent_id: Some(checkup.id),
            address: "埼玉県さいたま市大宮区桜木町一丁目7番5号".to_owned(),
            representative: "代表取締役 池田 聡".to_owned(),
            entrusted: vec![entrust(
                checkups,
                &["被保険者記号・番号", "健診結果（検査値）"],
            )],
            contract_reference: "検体検査委託契約（新都心健診会）".to_owned(),
            contract_clauses: "検体番号による仮名での取扱い".to_owned(),
            supervision: Supervision {
                method: SupervisionMethod::IndirectThroughParent,
                frequency_months: 12,
                last_check: None,
                next_check: Some(months_ahead(4)),
                findings: String::new(),
            },
            notes: "再委託承認の申請を新都心健診会に依頼中".to_owned(),
            ..tier(
                "株式会社関東臨床ラボ",
                SubcontractorClass::CheckupProvider,
                "血液検体の検査",
            )
        },
        actor,
    )?;

    // Print and mail: notices of benefits and checkup invitations.
    register.create_subcontractor(
        SubcontractorInput {
            address: "東京都板橋区舟渡三丁目15番2号".to_owned(),
            representative: "代表取締役 松本 徹".to_owned(),
            entrusted: vec![entrust(members, &["氏名", "住所", "被保険者記号・番号"])],
            contract_reference: "印刷・発送業務委託契約 R7-印刷-02".to_owned(),
            contract_clauses: CLAUSES.to_owned(),
            approval: approval(
                "総務グループ長 西村 健",
                date(2025, 4, 1),
                ApprovalForm::InternalDecision,
                "委託決裁 R7-05号",
            ),
            supervision: Supervision {
                method: SupervisionMethod::CertificationCheck,
                frequency_months: 12,
                last_check: Some(months_ago(6)),
                next_check: Some(months_ahead(6)),
                findings: "プライバシーマークの有効期限を確認".to_owned(),
            },
            ..tier(
                "東和ダイレクトメール株式会社",
                SubcontractorClass::PrintMail,
                "医療費通知・健診案内の印刷、封入及び発送",
            )
        },
        actor,
    )?;

    // Translation of receipts for treatment abroad, done by a translator in the US: the
    // provision abroad is recorded below as a transfer with the equivalent-measures basis.
    let translator = register.create_subcontractor(
        SubcontractorInput {
            address: "1200 Pine Street, Suite 400, Seattle, WA 98101, USA".to_owned(),
            representative: "CEO Emily Tanaka-Brooks".to_owned(),
            country: "US".to_owned(),
            entrusted: vec![entrust(claims, &["氏名", "療養の内容"])],
            contract_reference: "翻訳業務委託契約 R7-翻訳-01（データ保護条項付）".to_owned(),
            contract_clauses:
                "個人情報保護法と同等の措置を定めるデータ保護条項、翻訳後30日以内の消去".to_owned(),
            approval: approval(
                "常務理事 鈴木 花子",
                date(2025, 5, 20),
                ApprovalForm::InternalDecision,
                "委託決裁 R7-18号",
            ),
            supervision: Supervision {
                method: SupervisionMethod::WrittenReport,
                frequency_months: 6,
                last_check: Some(months_ago(4)),
                next_check: Some(months_ahead(2)),
                findings: "消去証明の提出を確認".to_owned(),
            },
            ..tier(
                "Pacific Medical Translations LLC",
                SubcontractorClass::Translator,
                "海外療養費申請に添付された外国語の診療内容明細書の日本語訳",
            )
        },
        actor,
    )?;

    // The health consultation desk, entrusted in part to a nonprofit that answers
    // members in their own languages (as the migrant-worker platform does with CINGA).
    register.create_subcontractor(
        SubcontractorInput {
            address: "東京都千代田区神田駿河台二丁目1番地".to_owned(),
            representative: "代表理事 石川 由美".to_owned(),
            entrusted: vec![all_items(consultations)],
            contract_reference: "多言語健康相談業務委託契約 R7-相談-01".to_owned(),
            contract_clauses: CLAUSES.to_owned(),
            approval: approval(
                "常務理事 鈴木 花子",
                date(2025, 6, 10),
                ApprovalForm::InternalDecision,
                "委託決裁 R7-22号",
            ),
            supervision: Supervision {
                method: SupervisionMethod::OnSiteAudit,
                frequency_months: 6,
                last_check: Some(months_ago(8)),
                next_check: Some(days_ago(20)),
                findings: "相談記録の施錠保管を確認。通訳者の守秘誓約書の更新漏れ1件を指摘"
                    .to_owned(),
            },
            incident_notified_on: Some(days_ago(45)),
            incident_note: "相談者への返信メールの誤送信1件（相談内容を含まない）の報告を受けた"
                .to_owned(),
            ..tier(
                "特定非営利活動法人 多文化共生ネットワーク",
                SubcontractorClass::Nonprofit,
                "外国籍の加入者向け多言語健康相談窓口の運営の一部（通訳・一次対応）",
            )
        },
        actor,
    )?;

    register.create_subcontractor(
        SubcontractorInput {
            address: "千葉県市川市二俣新町20番地".to_owned(),
            representative: "代表取締役 吉田 浩二".to_owned(),
            entrusted: vec![all_items(claims)],
            contract_reference: "機密文書溶解処理委託契約 R7-廃棄-01".to_owned(),
            contract_clauses: "溶解処理への立会い又は処理証明書（溶解証明書）の提出".to_owned(),
            approval: approval(
                "総務グループ長 西村 健",
                date(2025, 4, 1),
                ApprovalForm::InternalDecision,
                "委託決裁 R7-06号",
            ),
            supervision: Supervision {
                method: SupervisionMethod::OnSiteAudit,
                frequency_months: 12,
                last_check: Some(months_ago(9)),
                next_check: Some(months_ahead(3)),
                findings: "溶解処理に立会い、溶解証明書を受領".to_owned(),
            },
            ..tier(
                "株式会社ベイサイド機密処理",
                SubcontractorClass::DisposalCompany,
                "保存期間を経過した紙の申請書類の溶解処理",
            )
        },
        actor,
    )?;

    // The two joint-use notices the society publishes.
    let grant = register.create_joint_use(
        JointUseInput {
            reference: String::new(),
            title: "高額医療給付の共同事業に関する共同利用".to_owned(),
            terms: JointUseTerms {
                fact_statement: "当組合は、健康保険組合連合会が行う高額医療給付の共同事業\
                    （交付金交付事業）の申請のため、以下のとおり個人データを共同して利用します。"
                    .to_owned(),
                items: texts(&[
                    "診療報酬明細書（調剤報酬明細書を含む）の電子データ又は写し",
                    "患者氏名、性別、本人・家族の別、入院・外来の別、診療年月、請求金額",
                ]),
                users_range: "当組合及び健康保険組合連合会（交付金交付事業グループ）並びに\
                    同会からの委託先（公益財団法人等）"
                    .to_owned(),
                purposes: vec![
                    UserPurpose {
                        user: "当組合".to_owned(),
                        purpose: "高額医療交付金の交付申請".to_owned(),
                    },
                    UserPurpose {
                        user: "健康保険組合連合会".to_owned(),
                        purpose: "高額医療給付の共同事業の適正な実施、医療費の動向の分析\
                            （個人を特定しない形での公表を含む）"
                            .to_owned(),
                    },
                ],
                responsible_parties: vec![society("理事長 佐藤 一郎")],
            },
            inquiry_contact: SOCIETY_DESK.to_owned(),
            publication_methods: vec![PublicationMethod::Website, PublicationMethod::Bulletin],
            published_on: Some(date(2022, 4, 1)),
            holding_ids: vec![receipts.id],
            notes: String::new(),
        },
        actor,
    )?;
    // The representative changed: notified without delay after the change.
    let mut terms = grant.fields.terms.clone();
    terms.responsible_parties[0].representative = "理事長 田中 修".to_owned();
    register.update_joint_use(
        grant.id,
        grant.version,
        JointUseInput {
            terms,
            ..grant.fields.clone()
        },
        Some(JointUseChange {
            kind: ChangeNotice::NotifyWithoutDelay,
            notified_on: date(2025, 7, 3),
            effective_on: date(2025, 7, 1),
            summary: "理事長の交代（佐藤 一郎 → 田中 修）に伴う代表者氏名の変更".to_owned(),
        }),
        actor,
    )?;

    // Joint use with the employers: the society and the largest employer are responsible
    // parties, with one desk for inquiries. Published before the 2020 amendment added the
    // address and representative, the society's are still to be filled in: the register flags
    // it until they are.
    register.create_joint_use(
        JointUseInput {
            reference: String::new(),
            title: "事業主との健診結果等の共同利用".to_owned(),
            terms: JointUseTerms {
                fact_statement: "当組合は、加入事業所の事業主と共同して健康診断を実施し、\
                    その結果等を以下のとおり共同して利用します。"
                    .to_owned(),
                items: texts(&[
                    "氏名、性別、生年月日、事業所名、社員番号",
                    "健康診断（定期健康診断、人間ドック等）の受診日、実施項目、結果、所見",
                    "労働安全衛生法に基づく法定検査項目",
                    "生活習慣病予防指導対象者の受療の有無",
                ]),
                users_range: "当組合、加入事業所の事業主（人事担当部門、産業医・保健師等の\
                    産業保健スタッフ）及び健診委託先"
                    .to_owned(),
                purposes: vec![
                    UserPurpose {
                        user: "当組合".to_owned(),
                        purpose: "保健事業（特定保健指導、受診勧奨）の実施と評価".to_owned(),
                    },
                    UserPurpose {
                        user: "事業主".to_owned(),
                        purpose: "労働安全衛生法に基づく健康管理、事後措置及び保健指導".to_owned(),
                    },
                ],
                responsible_parties: vec![
                    ResponsibleParty {
                        name: SOCIETY.to_owned(),
                        ..ResponsibleParty::default()
                    },
                    ResponsibleParty {
                        name: "株式会社みらい製作所".to_owned(),
                        address: "東京都港区芝浦三丁目1番1号".to_owned(),
                        representative: "代表取締役社長 高田 誠".to_owned(),
                    },
                ],
            },
            inquiry_contact: SOCIETY_DESK.to_owned(),
            publication_methods: vec![PublicationMethod::Website],
            published_on: Some(date(2019, 4, 1)),
            // H-0008 (the employers' own copy) is left unlinked: the e2e suite deletes it.
            holding_ids: vec![checkups.id],
            notes: "令和2年改正で追加された住所・代表者の追記が未了".to_owned(),
        },
        actor,
    )?;

    // Cross-border: the translator in the US under a contract with equivalent measures,
    // checked periodically (one check now overdue), and an inquiry to a hospital in
    // Germany about treatment abroad under the adequacy designation.
    register.create_transfer(
        TransferInput {
            reference: String::new(),
            holding_id: claims.id,
            recipient: "Pacific Medical Translations LLC".to_owned(),
            subcontractor_id: Some(translator.id),
            country: Some("US".to_owned()),
            country_undetermined_reason: String::new(),
            basis: TransferBasis::EquivalentMeasures,
            measures_basis: Some(MeasuresBasis::Contract),
            legal_basis: "個人情報保護法第28条第1項、同法施行規則第16条第1号".to_owned(),
            items: texts(&["氏名", "療養の内容（外国語の診療内容明細書）"]),
            information_given: InformationGiven::default(),
            check_frequency_months: Some(6),
            last_check: Some(months_ago(7)),
            next_check: Some(months_ago(1)),
            check_results: "前回確認：データ保護条項の遵守状況報告書を受領。米国ワシントン州法の\
                影響なしと判断"
                .to_owned(),
            started_on: Some(date(2025, 6, 1)),
            stopped_on: None,
            notes: String::new(),
        },
        actor,
    )?;
    register.create_transfer(
        TransferInput {
            reference: String::new(),
            holding_id: claims.id,
            recipient: "Universitätsklinikum Rhein-Main（ドイツ）".to_owned(),
            subcontractor_id: None,
            country: Some("DE".to_owned()),
            country_undetermined_reason: String::new(),
            basis: TransferBasis::Adequacy,
            measures_basis: None,
            legal_basis: "個人情報保護法第28条第1項（個人情報保護委員会が指定する外国：EU）"
                .to_owned(),
            items: texts(&["氏名", "生年月日", "受診日", "療養の内容"]),
            information_given: InformationGiven::default(),
            check_frequency_months: None,
            last_check: None,
            next_check: None,
            check_results: String::new(),
            started_on: Some(date(2025, 9, 1)),
            stopped_on: None,
            notes: "海外療養費の不正請求防止のため、受診の事実を医療機関に照会する".to_owned(),
        },
        actor,
    )?;
    // Modelled on the health ministry's IHR Art. 30 basis: a member who fell ill with a
    // notifiable disease on a business trip, reported to the destination's authority.
    register.create_transfer(
        TransferInput {
            reference: String::new(),
            holding_id: consultations.id,
            recipient: "渡航先国の保健当局（IHR国家連絡窓口）".to_owned(),
            subcontractor_id: None,
            country: None,
            country_undetermined_reason: "渡航先は事案ごとに異なり、通報の時点で決まるため"
                .to_owned(),
            basis: TransferBasis::LegalObligation,
            measures_basis: None,
            legal_basis: "国際保健規則（IHR）第30条（検疫所経由の通報への協力）".to_owned(),
            items: texts(&["氏名", "生年月日", "旅券番号", "連絡先", "出国便の情報"]),
            information_given: InformationGiven::default(),
            check_frequency_months: None,
            last_check: None,
            next_check: None,
            check_results: String::new(),
            started_on: None,
            stopped_on: None,
            notes: String::new(),
        },
        actor,
    )?;
    Ok(())
}
