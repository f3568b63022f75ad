//! A realistic demo register, modelled on the published policy of a health insurance society
//! (被保険者 records with Individual Numbers, receipts, checkups, joint use with employers) and
//! on the consultation desk of a migrant-worker platform. Names are fictional.

use crate::error::{CoreError, Result};
use crate::model::complaint::{ComplaintActionInput, ComplaintInput};
use crate::model::holding::{
    AcquisitionMethod, Consent, DataItem, DisposalMethod, FileRegisterItems, HoldingInput, Medium,
    PurposeNotice, RetentionRule, RetentionTrigger,
};
use crate::model::organisation::{OrganisationInput, Regime};
use crate::model::request::{
    AgentKind, Decision, DecisionOutcome, IdentityVerification, Notification, PauseInput,
    PauseReason, ReceiptChannel, RefusalGround, RequestInput, RequestStep, RequestType,
    ResponseMethod,
};
use crate::register::Register;
use chrono::{Days, NaiveDate};

impl Register {
    /// Fills an empty register with the demo organisation, holdings, requests and complaints,
    /// all audited. Returns the number of holdings. Request and complaint dates are set
    /// relative to today, so the agenda always shows one request paused for identity
    /// documents, one overdue and one due this week.
    pub fn load_demo(&self, actor: &str) -> Result<usize> {
        if !self.is_empty()? {
            return Err(CoreError::Conflict(
                "the register already holds records; the demo loads only into an empty register"
                    .to_owned(),
            ));
        }
        self.save_organisation(organisation(), None, actor)?;
        let holdings = holdings();
        let count = holdings.len();
        let mut ids = Vec::with_capacity(count);
        for holding in holdings {
            ids.push(self.create_holding(holding, actor)?.id);
        }
        let holding = |index: usize| ids.get(index).copied().into_iter().collect::<Vec<i64>>();
        self.load_demo_requests(&holding, actor)?;
        self.load_demo_complaints(&holding, actor)?;
        self.load_demo_sharing(&ids, actor)?;
        self.load_demo_sections(&ids, actor)?;
        self.load_demo_incidents(&holding, actor)?;
        Ok(count)
    }

    fn load_demo_requests(&self, holding: &dyn Fn(usize) -> Vec<i64>, actor: &str) -> Result<()> {
        let today = crate::clock::today();
        let ago = |days: u64| today.checked_sub_days(Days::new(days)).unwrap_or(today);

        // Answered and closed: health consultation records disclosed in part, the notes a
        // family member gave the counsellor withheld under art. 33(2)(i).
        let mut request = self.create_request(
            RequestInput {
                fee_yen: Some(300),
                description: "2025年度の健康相談窓口での相談記録の開示".to_owned(),
                holding_ids: holding(4),
                requested_method: Some(ResponseMethod::Writing),
                ..request_input(ago(40), ReceiptChannel::Counter, "高橋 美咲")
            },
            actor,
        )?;
        let steps = [
            RequestStep::ConfirmIdentity {
                identity: identity(&["運転免許証"], ago(40)),
            },
            RequestStep::Decide {
                decision: Decision {
                    outcome: DecisionOutcome::Partial,
                    decided_on: ago(31),
                    grounds: vec![RefusalGround::HarmToPersonOrThirdParty],
                    reason: "相談記録のうち、ご家族から寄せられた情報は第三者の権利利益を害する\
                             おそれがあるため開示しない（法第33条第2項第1号）"
                        .to_owned(),
                },
            },
            RequestStep::Notify {
                notification: Notification {
                    method: ResponseMethod::Writing,
                    responded_on: ago(30),
                },
            },
            RequestStep::Close { closed_on: ago(25) },
        ];
        for step in steps {
            request = self.advance_request(request.id, request.version, step, actor)?;
        }

        // Paused: the copy of the identity document was missing from a postal request.
        let mut request = self.create_request(
            RequestInput {
                description: "レセプト（2024年4月〜2025年3月診療分）の開示".to_owned(),
                holding_ids: holding(1),
                requested_method: Some(ResponseMethod::Electronic),
                ..request_input(ago(5), ReceiptChannel::Post, "伊藤 健")
            },
            actor,
        )?;
        let step = RequestStep::StartIdentityCheck { on: ago(4) };
        request = self.advance_request(request.id, request.version, step, actor)?;
        self.add_request_pause(
            request.id,
            request.version,
            PauseInput {
                from: ago(4),
                to: None,
                reason: PauseReason::IdentityDocuments,
                note: "本人確認書類の写しが同封されていないため、補正を依頼する文書を郵送"
                    .to_owned(),
            },
            actor,
        )?;

        // Overdue: an agent's request to stop the joint use of checkup results with the
        // employer, still under review after the 14-day target.
        let request = self.create_request(
            RequestInput {
                request_type: RequestType::SuspensionOrErasure,
                agent: AgentKind::Attorney,
                agent_name: "弁護士 中村 亮".to_owned(),
                description: "事業主との共同利用による健診結果の利用停止".to_owned(),
                holding_ids: holding(2),
                ..request_input(ago(20), ReceiptChannel::Email, "小林 直人")
            },
            actor,
        )?;
        let step = RequestStep::ConfirmIdentity {
            identity: identity(&["委任状", "弁護士登録番号の確認"], ago(18)),
        };
        self.advance_request(request.id, request.version, step, actor)?;

        // Due this week: a purpose notification asked for by telephone ten days ago.
        self.create_request(
            RequestInput {
                request_type: RequestType::PurposeNotification,
                description: "ウェブサイト問合せ記録の利用目的".to_owned(),
                holding_ids: holding(5),
                ..request_input(ago(10), ReceiptChannel::Phone, "渡辺 由美")
            },
            actor,
        )?;
        Ok(())
    }

    fn load_demo_complaints(&self, holding: &dyn Fn(usize) -> Vec<i64>, actor: &str) -> Result<()> {
        let today = crate::clock::today();
        let ago = |days: u64| today.checked_sub_days(Days::new(days)).unwrap_or(today);

        let complaint = self.create_complaint(
            ComplaintInput {
                reference: String::new(),
                received_on: ago(60),
                channel: ReceiptChannel::Web,
                complainant: "山本 一郎".to_owned(),
                complainant_contact: "yamamoto@example.jp".to_owned(),
                subject: "健康相談の内容が勤務先に伝わっていないか".to_owned(),
                description: "健康相談窓口で話した内容が事業主に共有されていないか不安、との申出"
                    .to_owned(),
                holding_ids: holding(4),
            },
            actor,
        )?;
        let complaint = self.add_complaint_action(
            complaint.id,
            complaint.version,
            ComplaintActionInput {
                on: ago(58),
                description: "相談記録のアクセスログを確認し、事業主への提供がないことを確認"
                    .to_owned(),
                by: "保健事業グループ 佐々木".to_owned(),
            },
            actor,
        )?;
        self.close_complaint(
            complaint.id,
            complaint.version,
            ago(55),
            "申出者に電話で確認結果と共同利用の範囲（健診結果のみ）を説明し、了解を得た".to_owned(),
            actor,
        )?;

        let complaint = self.create_complaint(
            ComplaintInput {
                reference: String::new(),
                received_on: ago(9),
                channel: ReceiptChannel::Phone,
                complainant: String::new(),
                complainant_contact: String::new(),
                subject: "資格喪失後も医療費通知が届く".to_owned(),
                description: "退職して資格を喪失した元被保険者宛ての医療費通知が、転居前の住所に\
                              届いているとの匿名の電話"
                    .to_owned(),
                holding_ids: holding(0),
            },
            actor,
        )?;
        self.add_complaint_action(
            complaint.id,
            complaint.version,
            ComplaintActionInput {
                on: ago(8),
                description: "資格喪失処理と医療費通知の抽出条件を確認中".to_owned(),
                by: "適用グループ 田中".to_owned(),
            },
            actor,
        )?;
        Ok(())
    }
}

// Breach incidents: a mis-sent e-mail with checkup results (sensitive, so reportable; the
// preliminary report is filed and the final one is due), notices mis-enclosed by the
// print-and-mail subcontractor (12 persons, not reportable), and a lost USB memory whose
// encryption excludes it from reporting (closed).
impl Register {
    fn load_demo_incidents(&self, holding: &dyn Fn(usize) -> Vec<i64>, actor: &str) -> Result<()> {
        use crate::model::incident::{
            FilingChannel, FilingInput, FilingLaw, FilingPhase, IncidentActionInput,
            IncidentCertainty, IncidentInput, IncidentItem, IncidentNature, NoticeInput,
            NoticeMethod, Perpetrator, SecondaryDamage,
        };
        use crate::model::subcontractor::SubcontractorClass;
        let today = crate::clock::today();
        let ago = |days: u64| today.checked_sub_days(Days::new(days)).unwrap_or(today);
        let japan = chrono::FixedOffset::east_opt(9 * 3600)
            .ok_or_else(|| CoreError::Integrity("the Japan offset is out of range".to_owned()))?;
        let at = |day: NaiveDate, hour: u32, minute: u32| {
            day.and_hms_opt(hour, minute, 0)
                .and_then(|t| t.and_local_timezone(japan).single())
                .ok_or_else(|| CoreError::Integrity(format!("no such time {day} {hour}:{minute}")))
        };
        let items_of = |index: usize, names: &[&str]| -> Result<Vec<IncidentItem>> {
            let mut items = Vec::new();
            for id in holding(index) {
                for item in self.holding(id)?.fields.data_items {
                    if names.contains(&item.name.as_str()) {
                        items.push(IncidentItem {
                            data_item_id: item.id,
                            name: item.name,
                            sensitive: item.sensitive,
                            ordinance_sensitive: false,
                            my_number: item.my_number,
                        });
                    }
                }
            }
            Ok(items)
        };
        let blank = |title: &str, aware_at, department: &str| IncidentInput {
            reference: String::new(),
            title: title.to_owned(),
            aware_at,
            aware_department: department.to_owned(),
            occurred_on: None,
            nature: vec![IncidentNature::Leakage],
            certainty: IncidentCertainty::Actual,
            summary: String::new(),
            holding_ids: Vec::new(),
            items: Vec::new(),
            persons: 1,
            my_number_persons: 0,
            cause: String::new(),
            secondary_damage: SecondaryDamage::None,
            secondary_damage_detail: String::new(),
            strong_encryption: false,
            encryption_detail: String::new(),
            financial_damage_risk: false,
            wrongful_purpose: false,
            data_being_acquired: false,
            my_number_system: false,
            publicly_exposed: false,
            gdpr_risk_unlikely: false,
            gdpr_risk_reason: String::new(),
            perpetrator: Perpetrator::Insider,
            entrusted_party: String::new(),
            entrustee_id: None,
            entrustee_notified_on: None,
            responses_to_persons: String::new(),
            public_announcement: String::new(),
            prevention: String::new(),
            other: String::new(),
        };

        let incident = self.create_incident(
            IncidentInput {
                occurred_on: Some(ago(3)),
                summary: "特定保健指導の案内メールに、別の被保険者1名の特定健診結果（PDF）を誤って\
                          添付して送信した。受信者からの連絡で判明した。"
                    .to_owned(),
                holding_ids: holding(2),
                items: items_of(2, &["氏名", "生年月日", "健診結果（検査値）", "問診結果"])?,
                cause: "添付ファイルの選択時に、ファイル名が類似した別人のPDFを選択した。送信前の\
                        ダブルチェックが行われていなかった。"
                    .to_owned(),
                responses_to_persons: "本人に電話で経緯を説明し謝罪した。".to_owned(),
                public_announcement: "本人1名の事案であり、公表は行わない。".to_owned(),
                prevention: "健診結果の送付は専用システムからのダウンロード方式に切り替え、メール\
                             添付を禁止する。切替えまでの間は送信前の二名確認を義務付ける。"
                    .to_owned(),
                ..blank(
                    "特定健診結果の誤送信",
                    at(ago(2), 10, 15)?,
                    "保健事業グループ",
                )
            },
            actor,
        )?;
        let incident = self.add_incident_action(
            incident.id,
            incident.version,
            IncidentActionInput {
                on: ago(2),
                description:
                    "誤送信先の被保険者に連絡し、メールと添付ファイルの削除を依頼。削除済み\
                              との回答を得た"
                        .to_owned(),
            },
            actor,
        )?;
        let incident = self.add_incident_notice(
            incident.id,
            incident.version,
            NoticeInput {
                notified_on: ago(2),
                method: NoticeMethod::Phone,
                persons: 1,
                note: "後日、書面でも通知する".to_owned(),
            },
            actor,
        )?;
        self.add_incident_filing(
            incident.id,
            incident.version,
            FilingInput {
                phase: FilingPhase::Preliminary,
                law: FilingLaw::Appi,
                filed_on: ago(1),
                authority: "個人情報保護委員会".to_owned(),
                channel: FilingChannel::WebForm,
                reference_no: "PPC-R0001234".to_owned(),
                note: String::new(),
            },
            actor,
        )?;

        // An incident at a tier of the subcontracting chain: the print-and-mail vendor put
        // notices into the wrong envelopes and told the society the next day.
        let print_mail = self
            .subcontractor_tree(today)?
            .into_iter()
            .map(|node| node.subcontractor)
            .find(|s| s.fields.classification == SubcontractorClass::PrintMail);
        if let Some(vendor) = print_mail {
            self.create_incident(
                IncidentInput {
                    occurred_on: Some(ago(8)),
                    summary: "委託先の印刷・発送事業者が医療費通知を封入する際、封入機の設定誤り\
                              により、12名分の通知を別の被保険者宛の封筒に封入して発送した。"
                        .to_owned(),
                    holding_ids: holding(0),
                    items: items_of(0, &["氏名", "住所", "被保険者記号・番号"])?,
                    persons: 12,
                    cause: "封入機の丁合設定の変更後に、抜取り検査が行われなかった。".to_owned(),
                    perpetrator: Perpetrator::Subcontractor,
                    entrustee_id: Some(vendor.id),
                    entrustee_notified_on: Some(ago(7)),
                    responses_to_persons: "対象の被保険者12名に電話で連絡し、誤送付分の回収を\
                                           依頼している。"
                        .to_owned(),
                    prevention: "委託先に設定変更時の全数照合を義務付け、翌月に立入検査を行う。"
                        .to_owned(),
                    ..blank(
                        "医療費通知の誤封入（委託先）",
                        at(ago(7), 9, 30)?,
                        "業務グループ",
                    )
                },
                actor,
            )?;
        }

        let incident = self.create_incident(
            IncidentInput {
                nature: vec![IncidentNature::Leakage, IncidentNature::Loss],
                certainty: IncidentCertainty::Possible,
                occurred_on: Some(ago(21)),
                summary: "職員が人事給与データを保存したUSBメモリを帰宅途中に紛失した。".to_owned(),
                holding_ids: holding(6),
                items: items_of(6, &["氏名", "住所"])?,
                persons: 38,
                cause: "持出し許可を得たUSBメモリの管理不備".to_owned(),
                strong_encryption: true,
                encryption_detail:
                    "AES-256によるハードウェア暗号化。パスワードは別管理で、紛失して\
                                    いない。"
                        .to_owned(),
                prevention: "USBメモリによる持出しを禁止し、リモートアクセスに切り替える。"
                    .to_owned(),
                ..blank(
                    "暗号化USBメモリの紛失",
                    at(ago(20), 18, 40)?,
                    "総務グループ",
                )
            },
            actor,
        )?;
        self.close_incident(
            incident.id,
            incident.version,
            ago(10),
            "高度な暗号化により報告対象外と判断。警察への遺失届を提出済み。".to_owned(),
            actor,
        )?;
        Ok(())
    }
}

fn request_input(received_on: NaiveDate, channel: ReceiptChannel, name: &str) -> RequestInput {
    RequestInput {
        reference: String::new(),
        request_type: RequestType::Disclosure,
        received_on,
        channel,
        requester_name: name.to_owned(),
        requester_contact: "東京都内（デモ）".to_owned(),
        agent: AgentKind::NoAgent,
        agent_name: String::new(),
        description: String::new(),
        holding_ids: Vec::new(),
        requested_method: None,
        fee_yen: None,
        notes: String::new(),
    }
}

fn identity(documents: &[&str], checked_on: NaiveDate) -> IdentityVerification {
    IdentityVerification {
        documents: texts(documents),
        checked_by: "総務グループ 鈴木".to_owned(),
        checked_on,
    }
}

fn organisation() -> OrganisationInput {
    OrganisationInput {
        name: "みらい健康保険組合".to_owned(),
        address: "東京都港区芝公園四丁目2番8号 みらいビル5階".to_owned(),
        representative: "理事長 佐藤 一郎".to_owned(),
        privacy_manager: "常務理事 鈴木 花子".to_owned(),
        request_desk: "総務グループ 個人情報開示等請求窓口（電話 03-0000-1234、平日9時〜17時）"
            .to_owned(),
        complaint_desk:
            "総務グループ 個人情報相談窓口（電話 03-0000-1235、privacy@mirai-kenpo.example.jp）"
                .to_owned(),
        regime: Regime::PrivateOperator,
        gdpr_applies: false,
    }
}

fn item(name: &str) -> DataItem {
    DataItem {
        id: None,
        name: name.to_owned(),
        sensitive: false,
        my_number: false,
    }
}

fn sensitive(name: &str) -> DataItem {
    DataItem {
        sensitive: true,
        ..item(name)
    }
}

fn my_number(name: &str) -> DataItem {
    DataItem {
        my_number: true,
        ..item(name)
    }
}

fn texts(values: &[&str]) -> Vec<String> {
    values.iter().map(|v| (*v).to_owned()).collect()
}

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn retention(years: u32, trigger: RetentionTrigger, legal_basis: &str) -> Option<RetentionRule> {
    Some(RetentionRule {
        years,
        months: 0,
        trigger,
        trigger_note: String::new(),
        legal_basis: legal_basis.to_owned(),
    })
}

/// The fields every demo holding shares; each holding overrides what differs.
fn base(name: &str, department: &str, process: &str) -> HoldingInput {
    HoldingInput {
        ledger_no: String::new(),
        name: name.to_owned(),
        department: department.to_owned(),
        business_process: process.to_owned(),
        manager: "業務グループ長".to_owned(),
        data_items: vec![
            item("氏名"),
            item("生年月日"),
            item("性別"),
            item("被保険者記号・番号"),
        ],
        persons_recorded: "被保険者及び被扶養者".to_owned(),
        approx_count: Some(42_000),
        acquisition_method: AcquisitionMethod::DirectWritten,
        acquisition_sources: texts(&["本人（事業主経由の届出書）"]),
        purposes: texts(&["保険給付の実施"]),
        purpose_notice: vec![PurposeNotice::Published],
        consent: Consent::NotRequired,
        consent_note: String::new(),
        medium: Medium::Electronic,
        storage_place: "基幹システム（データセンター、東京都）".to_owned(),
        storage_method: "アクセス制御されたサーバ、通信・保存時暗号化".to_owned(),
        access_holders: texts(&["業務グループ担当者", "システム管理者"]),
        use_deadline: "資格喪失後、給付の時効まで".to_owned(),
        retention: retention(5, RetentionTrigger::LeavingService, "健康保険法施行規則"),
        disposal_method: Some(DisposalMethod::ErasureSoftware),
        disposal_note: String::new(),
        retained_personal_data: true,
        last_review: date(2026, 4, 15),
        next_review: date(2027, 4, 15),
        file_register: FileRegisterItems::default(),
        notes: String::new(),
    }
}

fn holdings() -> Vec<HoldingInput> {
    vec![
        HoldingInput {
            data_items: vec![
                item("氏名"),
                item("生年月日"),
                item("性別"),
                item("住所"),
                item("被保険者記号・番号"),
                item("資格取得・喪失年月日"),
                item("標準報酬月額"),
                my_number("個人番号"),
            ],
            acquisition_sources: texts(&["事業主（資格取得届）", "本人（被扶養者異動届）"]),
            purposes: texts(&[
                "被保険者の資格の取得・喪失の確認",
                "保険料の徴収及び標準報酬の決定",
                "個人番号関係事務（資格確認、地方公共団体等との情報連携）",
            ]),
            retention: retention(
                7,
                RetentionTrigger::LeavingService,
                "番号法第20条、健康保険法施行規則",
            ),
            ..base("被保険者・被扶養者台帳", "適用グループ", "資格管理")
        },
        HoldingInput {
            data_items: vec![
                item("氏名"),
                item("被保険者記号・番号"),
                item("医療機関名"),
                sensitive("傷病名"),
                sensitive("診療内容"),
                item("診療報酬点数"),
            ],
            acquisition_method: AcquisitionMethod::ThirdParty,
            acquisition_sources: texts(&["社会保険診療報酬支払基金", "保険医療機関"]),
            purposes: texts(&[
                "レセプト点検及び医療費の支払",
                "医療費通知の作成",
                "高額療養費の共同事業への申請（健康保険組合連合会）",
            ]),
            approx_count: Some(510_000),
            ..base(
                "診療報酬明細書（レセプト）データ",
                "給付グループ",
                "レセプト点検",
            )
        },
        HoldingInput {
            data_items: vec![
                item("氏名"),
                item("生年月日"),
                item("被保険者記号・番号"),
                sensitive("健診結果（検査値）"),
                sensitive("問診結果"),
                sensitive("保健指導の記録"),
            ],
            acquisition_method: AcquisitionMethod::Mixed,
            acquisition_sources: texts(&["健診機関", "事業主（労働安全衛生法に基づく定期健診）"]),
            purposes: texts(&[
                "特定健康診査・特定保健指導の実施",
                "事業主との共同利用による被保険者の健康管理",
                "生活習慣病予防のための保健事業",
            ]),
            purpose_notice: vec![PurposeNotice::Published, PurposeNotice::Notified],
            approx_count: Some(28_000),
            retention: retention(
                5,
                RetentionTrigger::Acquisition,
                "高齢者の医療の確保に関する法律",
            ),
            ..base(
                "特定健診・特定保健指導データ",
                "保健事業グループ",
                "特定健診",
            )
        },
        HoldingInput {
            data_items: vec![
                item("氏名"),
                item("住所"),
                item("電話番号"),
                item("振込先口座"),
                sensitive("療養の内容"),
            ],
            medium: Medium::Both,
            storage_place: "事務所 書庫（施錠）、基幹システム".to_owned(),
            storage_method: "申請書原本は施錠キャビネット、画像はアクセス制御されたサーバ"
                .to_owned(),
            purposes: texts(&["療養費・高額療養費・付加給付の支給"]),
            approx_count: Some(6_500),
            disposal_method: Some(DisposalMethod::Outsourced),
            disposal_note: "機密文書溶解処理業者に委託し、溶解証明書を受領".to_owned(),
            ..base("療養費等支給申請書", "給付グループ", "現金給付")
        },
        HoldingInput {
            data_items: vec![
                item("氏名"),
                item("連絡先"),
                sensitive("相談内容（健康状態）"),
                item("対応記録"),
            ],
            persons_recorded: "健康相談窓口の利用者（被保険者、被扶養者）".to_owned(),
            approx_count: Some(900),
            acquisition_method: AcquisitionMethod::DirectOther,
            acquisition_sources: texts(&["本人（電話・ウェブ相談）"]),
            purposes: texts(&["健康相談への対応", "相談窓口の運営改善（統計化して利用）"]),
            purpose_notice: vec![PurposeNotice::ExplicitlyShown],
            consent: Consent::Obtained,
            consent_note: "相談受付時に口頭及び画面で同意を取得".to_owned(),
            retention: retention(3, RetentionTrigger::LastUse, "組合文書管理規程"),
            ..base("健康相談窓口記録", "保健事業グループ", "健康相談")
        },
        HoldingInput {
            data_items: vec![item("氏名"), item("メールアドレス"), item("問合せ内容")],
            persons_recorded: "ウェブサイトからの問合せ者".to_owned(),
            approx_count: Some(1_200),
            acquisition_method: AcquisitionMethod::DirectOther,
            acquisition_sources: texts(&["本人（ウェブフォーム）"]),
            purposes: texts(&["問合せへの回答"]),
            purpose_notice: vec![PurposeNotice::ExplicitlyShown],
            retained_personal_data: true,
            retention: retention(1, RetentionTrigger::PurposeAchieved, "組合文書管理規程"),
            last_review: date(2025, 3, 1),
            next_review: date(2026, 3, 1),
            ..base("ウェブサイト問合せ記録", "総務グループ", "広報・問合せ対応")
        },
        HoldingInput {
            data_items: vec![
                item("氏名"),
                item("住所"),
                item("職歴"),
                item("給与額"),
                my_number("個人番号"),
                sensitive("健康診断結果"),
            ],
            persons_recorded: "組合職員".to_owned(),
            approx_count: Some(45),
            acquisition_sources: texts(&["本人"]),
            purposes: texts(&[
                "人事・給与・労務管理",
                "源泉徴収・社会保険手続（個人番号関係事務）",
            ]),
            purpose_notice: vec![PurposeNotice::Notified],
            medium: Medium::Both,
            storage_place: "総務グループ 施錠書庫、人事給与システム".to_owned(),
            access_holders: texts(&["総務グループ長", "人事担当者"]),
            use_deadline: "退職まで".to_owned(),
            retention: retention(
                7,
                RetentionTrigger::LeavingService,
                "労働基準法第109条、番号法",
            ),
            disposal_method: Some(DisposalMethod::Shredding),
            retained_personal_data: true,
            ..base("職員人事・給与ファイル", "総務グループ", "人事給与")
        },
        HoldingInput {
            data_items: vec![
                item("氏名"),
                item("事業所名"),
                sensitive("健診結果の数値"),
                item("法定検査項目"),
            ],
            persons_recorded: "被保険者（従業員）".to_owned(),
            approx_count: Some(30_000),
            acquisition_method: AcquisitionMethod::ThirdParty,
            acquisition_sources: texts(&["事業主"]),
            purposes: texts(&["事業主との共同健診事業における健康管理"]),
            purpose_notice: vec![PurposeNotice::Published],
            retention: None,
            disposal_method: None,
            access_holders: Vec::new(),
            notes: "保管期限と廃棄方法は事業主との協議中（年次点検で要確認）".to_owned(),
            last_review: None,
            next_review: None,
            ..base("事業主共同健診データ", "保健事業グループ", "共同健診")
        },
    ]
}

mod sections;
