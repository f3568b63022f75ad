//! The demo society's provision and receipt records, its security measures as published, its
//! disposal log and the objections its members filed against implicit consent. Dates run
//! relative to today, so that the panel always shows one record past retention, one holding
//! due for disposal and one objection not yet applied.

use super::texts;
use crate::error::Result;
use crate::model::consent_matter::ConsentMatterInput;
use crate::model::disposal::{DisposalInput, DisposalMedium};
use crate::model::holding::{DisposalMethod, HoldingInput, RetentionRule, RetentionTrigger};
use crate::model::measure::{MeasureHeading, MeasureInput};
use crate::model::objection::ObjectionInput;
use crate::model::provision::{
    ProvisionBasis, ProvisionDirection, ProvisionRecordInput, RecipientInput, RecordingMethod,
    StatutoryException,
};
use crate::register::Register;
use chrono::{Datelike, Days, Months, NaiveDate};

/// Stands for the claims holding whose retention this module sets, in lists of linked holdings.
const CLAIMS: usize = usize::MAX;
const EMPLOYER: &str = "株式会社みらい製作所";
const EMPLOYER_ADDRESS: &str = "東京都港区芝浦三丁目1番1号";
const EMPLOYER_REPRESENTATIVE: &str = "代表取締役社長 高田 誠";

/// `holdings` are the ids of the demo holdings in the order `holdings()` lists them.
pub(super) fn load(register: &Register, holdings: &[i64], actor: &str) -> Result<()> {
    let today = crate::clock::today();
    let ago = |days: u64| today.checked_sub_days(Days::new(days)).unwrap_or(today);
    let h = |index: usize| {
        holdings
            .get(index)
            .copied()
            .into_iter()
            .collect::<Vec<i64>>()
    };

    // Claims data (レセプト) is kept five years from the end of the fiscal year it belongs
    // to: the last disposal covered the year before the one whose retention has now run
    // out, so the holding is due for disposal.
    let claims_id = holdings.get(1).copied().unwrap_or_default();
    let claims = register.holding(claims_id)?;
    let claims_data = register.update_holding(
        claims.id,
        claims.version,
        HoldingInput {
            retention: Some(RetentionRule {
                years: 5,
                months: 0,
                trigger: RetentionTrigger::FiscalYearEnd,
                trigger_note: "診療月の属する年度の末日".to_owned(),
                legal_basis: "組合文書管理規程（診療報酬明細書 5年）".to_owned(),
            }),
            ..claims.fields.clone()
        },
        actor,
    )?;
    // --- regular recipients and provision/receipt records -------------------------
    let employer = register.create_recipient(
        RecipientInput {
            name: EMPLOYER.to_owned(),
            address: EMPLOYER_ADDRESS.to_owned(),
            representative: EMPLOYER_REPRESENTATIVE.to_owned(),
            purpose: "高額療養費・付加給付を本人の申請によらず事業主経由で支給するため".to_owned(),
            basis: ProvisionBasis::Consent,
            exception: None,
            public_ground: None,
            items: texts(&["氏名", "被保険者記号・番号", "支給決定額", "支給月"]),
            frequency: "毎月（支給決定の都度、給与振込と同時に）".to_owned(),
            holding_ids: vec![claims_data.id],
            notes: "黙示の同意による（書面で異議を申し出た者を除く）。".to_owned(),
        },
        actor,
    )?;
    register.create_recipient(
        RecipientInput {
            name: "社会保険診療報酬支払基金（特定健診等データ収集）".to_owned(),
            address: "東京都港区新橋二丁目1番3号".to_owned(),
            representative: "理事長".to_owned(),
            purpose: "特定健康診査・特定保健指導の実施結果の国への報告".to_owned(),
            basis: ProvisionBasis::StatutoryException,
            exception: Some(StatutoryException::LawsAndRegulations),
            public_ground: None,
            items: texts(&[
                "被保険者記号・番号",
                "生年月日",
                "健診結果（検査値）",
                "保健指導の記録",
            ]),
            frequency: "毎年11月（前年度実施分）".to_owned(),
            holding_ids: h(2),
            notes: "高齢者の医療の確保に関する法律第142条に基づく報告。".to_owned(),
        },
        actor,
    )?;

    let yamamoto = "記号12 番号3456 山本 健一";
    register.create_provision_record(
        ProvisionRecordInput {
            direction: ProvisionDirection::Provided,
            basis: ProvisionBasis::Consent,
            recording_method: RecordingMethod::Bulk,
            provided_on: ago(230),
            last_provided_on: None,
            recorded_on: ago(230),
            recipient_id: Some(employer.id),
            counterparty_name: EMPLOYER.to_owned(),
            counterparty_address: EMPLOYER_ADDRESS.to_owned(),
            counterparty_representative: EMPLOYER_REPRESENTATIVE.to_owned(),
            persons: texts(&[yamamoto, "記号12 番号5521 小川 真理子"]),
            persons_description: "事業主経由で高額療養費・付加給付を支給した被保険者（月30名程度）"
                .to_owned(),
            items: texts(&["氏名", "被保険者記号・番号", "支給決定額", "支給月"]),
            consent_obtained: true,
            consent_note: "個人情報保護方針で黙示の同意として公表。異議申出者は対象外。".to_owned(),
            holding_ids: vec![claims_data.id],
            notes: "継続的な提供のため一括して記録（規則第19条第2項ただし書）。".to_owned(),
            ..provision(ProvisionDirection::Provided)
        },
        actor,
    )?;
    register.create_provision_record(
        ProvisionRecordInput {
            basis: ProvisionBasis::StatutoryException,
            exception: Some(StatutoryException::LawsAndRegulations),
            public_ground: None,
            recording_method: RecordingMethod::Bulk,
            provided_on: ago(390),
            last_provided_on: Some(ago(388)),
            recorded_on: ago(388),
            counterparty_name: "社会保険診療報酬支払基金".to_owned(),
            counterparty_address: "東京都港区新橋二丁目1番3号".to_owned(),
            persons_description: "前年度の特定健診受診者及び特定保健指導利用者（約26,000名）"
                .to_owned(),
            items: texts(&[
                "被保険者記号・番号",
                "生年月日",
                "健診結果（検査値）",
                "保健指導の記録",
            ]),
            holding_ids: h(2),
            notes: "法令に基づく提供のため記録義務はないが、監査対応のため記録する。".to_owned(),
            ..provision(ProvisionDirection::Provided)
        },
        actor,
    )?;
    register.create_provision_record(
        ProvisionRecordInput {
            basis: ProvisionBasis::StatutoryException,
            exception: Some(StatutoryException::LawsAndRegulations),
            public_ground: None,
            recording_method: RecordingMethod::Bulk,
            provided_on: ago(600),
            last_provided_on: None,
            recorded_on: ago(600),
            counterparty_name: EMPLOYER.to_owned(),
            counterparty_address: EMPLOYER_ADDRESS.to_owned(),
            counterparty_representative: EMPLOYER_REPRESENTATIVE.to_owned(),
            acquisition_circumstances: "入社時に従業員本人から取得した情報を、健康保険法第48条に\
                基づく被保険者資格取得届として提出するもの"
                .to_owned(),
            persons: texts(&[yamamoto]),
            persons_description: "新たに資格を取得した被保険者（事業主からの資格取得届）"
                .to_owned(),
            items: texts(&[
                "氏名",
                "生年月日",
                "性別",
                "住所",
                "資格取得年月日",
                "標準報酬月額",
            ]),
            holding_ids: h(0),
            ..provision(ProvisionDirection::Received)
        },
        actor,
    )?;
    register.create_provision_record(
        ProvisionRecordInput {
            basis: ProvisionBasis::Consent,
            recording_method: RecordingMethod::Individual,
            provided_on: ago(12),
            recorded_on: ago(11),
            counterparty_name: "医療法人社団 青葉会 あおば健診クリニック".to_owned(),
            counterparty_address: "東京都品川区大崎一丁目6番1号".to_owned(),
            counterparty_representative: "理事長 森 和彦".to_owned(),
            acquisition_circumstances: "人間ドック受診時に受診者本人から取得。結果を健康保険組合へ\
                提供することについて受診申込書で同意を得ている"
                .to_owned(),
            persons: texts(&[yamamoto]),
            items: texts(&[
                "氏名",
                "生年月日",
                "被保険者記号・番号",
                "健診結果（検査値）",
                "問診結果",
            ]),
            consent_obtained: true,
            consent_note: "人間ドック受診申込書（同意欄に署名）".to_owned(),
            holding_ids: h(2),
            ..provision(ProvisionDirection::Received)
        },
        actor,
    )?;
    // Past its three years: the panel lists it as eligible for deletion.
    let old = ago(3 * 365 + 40);
    register.create_provision_record(
        ProvisionRecordInput {
            basis: ProvisionBasis::Consent,
            recording_method: RecordingMethod::Individual,
            provided_on: old,
            recorded_on: old,
            counterparty_name: "みらい生命保険株式会社".to_owned(),
            counterparty_address: "東京都千代田区丸の内二丁目4番1号".to_owned(),
            counterparty_representative: "代表取締役 中島 修".to_owned(),
            persons: texts(&[yamamoto]),
            items: texts(&["氏名", "療養の期間", "支給決定額"]),
            consent_obtained: true,
            consent_note: "本人の依頼書（民間医療保険の請求のため）".to_owned(),
            holding_ids: vec![claims_data.id],
            ..provision(ProvisionDirection::Provided)
        },
        actor,
    )?;
    register.create_provision_record(
        ProvisionRecordInput {
            basis: ProvisionBasis::Consent,
            recording_method: RecordingMethod::ContractSubstitute,
            provided_on: ago(120),
            last_provided_on: Some(ago(118)),
            recorded_on: ago(125),
            counterparty_name: "株式会社みなと保養ホテルズ（契約保養所）".to_owned(),
            counterparty_address: "静岡県熱海市銀座町7番1号".to_owned(),
            counterparty_representative: "代表取締役 村上 亮".to_owned(),
            persons: texts(&["記号12 番号5521 小川 真理子"]),
            items: texts(&["氏名", "被保険者記号・番号", "利用人数", "利用日"]),
            consent_obtained: true,
            consent_note: "保養所利用申込書（提携施設への提供に同意）".to_owned(),
            holding_ids: h(5),
            notes: "保養所利用申込書と施設利用契約書を記録に代える（規則第19条第3項）。".to_owned(),
            ..provision(ProvisionDirection::Provided)
        },
        actor,
    )?;

    // --- security control measures, as the society publishes them -----------------
    for (heading, title, description, publishable, linked) in measures() {
        let holding_ids = linked
            .iter()
            .flat_map(|i| {
                if *i == CLAIMS {
                    vec![claims_data.id]
                } else {
                    h(*i)
                }
            })
            .collect();
        register.create_measure(
            MeasureInput {
                heading,
                title: title.to_owned(),
                description: description.to_owned(),
                publishable,
                holding_ids,
            },
            actor,
        )?;
    }

    // --- disposals ------------------------------------------------------------------
    let probe = register.holding(claims_data.id)?;
    if let Some(expired) = crate::register::controls::expired_through(&probe, today) {
        let covered = expired
            .checked_sub_months(Months::new(12))
            .unwrap_or(expired);
        let disposed = covered
            .checked_add_months(Months::new(60))
            .and_then(|d| d.checked_add_days(Days::new(50)))
            .unwrap_or(covered);
        register.create_disposal(
            DisposalInput {
                holding_id: claims_data.id,
                disposed_on: disposed,
                // The fiscal year ending on 31 March of `covered`'s year began a year before.
                description: format!("{}年度診療分の紙レセプト（保存箱6箱）", covered.year() - 1),
                covers_through: Some(covered),
                medium: DisposalMedium::Paper,
                method: DisposalMethod::Outsourced,
                vendor: "株式会社セキュアリサイクル東京（機密文書溶解処理）".to_owned(),
                certificate_ref: format!("SR-{}-04417", disposed.format("%Y")),
                witness: "給付グループ 中村 智子（搬出立会い）".to_owned(),
                ..disposal(claims_data.id, disposed)
            },
            actor,
        )?;
    }
    register.create_disposal(
        DisposalInput {
            description: "退職者用ノートPC 3台の内蔵SSD".to_owned(),
            medium: DisposalMedium::StorageDevice,
            method: DisposalMethod::ErasureSoftware,
            witness: "常務理事 鈴木 花子".to_owned(),
            certificate_ref: "消去ツール発行レポート ER-0032〜ER-0034".to_owned(),
            ..disposal(holdings.get(6).copied().unwrap_or_default(), ago(45))
        },
        actor,
    )?;
    let checkups = register.holding(holdings.get(2).copied().unwrap_or_default())?;
    if let Some(expired) = crate::register::controls::expired_through(&checkups, today) {
        register.create_disposal(
            DisposalInput {
                description: "保存期間（5年）を経過した特定健診・保健指導データ".to_owned(),
                covers_through: Some(expired),
                medium: DisposalMedium::ElectronicData,
                method: DisposalMethod::Other,
                method_note: "基幹システムの削除機能で削除し、バックアップ世代の満了（90日）を確認"
                    .to_owned(),
                witness: "システム管理者 小林 大輔".to_owned(),
                ..disposal(checkups.id, today)
            },
            actor,
        )?;
    }

    // --- matters treated as consented unless the member objects ------------------------
    // The three the society's policy lists under 「黙示の同意事項」, in its order and words.
    let benefits = h(3).into_iter();
    let matters = [
        (
            "高額療養費を本人の申請によらず事業主経由で支給すること",
            "高額療養費について、被保険者からの申請を待たずに当組合が支給額を算定し、事業主を経由して支給します。\
             本人に利益があり、個別に明示の同意を得ることが事業主に多大な負担となるため、異議の申出がない限り同意があったものとして取り扱います。",
        ),
        (
            "付加給付を本人の申請によらず事業主経由で支給すること",
            "法定の給付を上回る付加給付（一部負担還元金等）について、被保険者からの申請を待たずに当組合が支給額を算定し、事業主を経由して支給します。",
        ),
        (
            "被扶養者（家族）を含む世帯全体の医療費通知を被保険者に送付すること",
            "被扶養者の受診分を含む世帯全体の医療費の額を、被保険者あての医療費通知に記載して送付します。",
        ),
    ];
    let mut matter_ids = Vec::new();
    for (index, (title, description)) in matters.into_iter().enumerate() {
        let mut holding_ids = vec![claims_data.id];
        if index < 2 {
            holding_ids.extend(benefits.clone());
        }
        let matter = register.create_consent_matter(
            ConsentMatterInput {
                title: title.to_owned(),
                description: description.to_owned(),
                holding_ids,
                published_where: "当組合ウェブサイト「個人情報保護に関する基本方針」の「黙示の同意事項」、加入時配布の「健康保険のしおり」"
                    .to_owned(),
                published_since: NaiveDate::from_ymd_opt(2022, 4, 1).unwrap_or(today),
                notes: "異議のある方は、その理由を書面で当組合に提出いただく（いつでも変更可）。"
                    .to_owned(),
            },
            actor,
        )?;
        matter_ids.push(matter.id);
    }
    let matter = |index: usize| matter_ids.get(index).copied();

    // --- objections to implicit consent --------------------------------------------
    let objections = [
        (
            "記号12 番号3456 山本 美香（被扶養者）",
            "世帯全体の医療費通知を被保険者に送付すること",
            "自身の受診内容を家族に知られたくないため",
            ago(20),
            Some(ago(15)),
            1,
            matter(2),
        ),
        (
            "記号12 番号7788 木村 達也",
            "健診結果を保健事業（生活習慣病予防の受診勧奨）に利用すること",
            "受診勧奨の案内を希望しないため",
            ago(4),
            None,
            2,
            None,
        ),
        (
            "記号15 番号0210 藤田 美穂",
            "高額療養費を本人の申請によらず事業主経由で支給すること",
            "給付の内容を勤務先に知られたくないため、本人の口座への直接振込を希望",
            ago(60),
            Some(ago(55)),
            CLAIMS,
            matter(0),
        ),
    ];
    for (person, purpose, reason, received_on, applied_on, holding, matter_id) in objections {
        let holding_ids = if holding == CLAIMS {
            vec![claims_data.id]
        } else {
            h(holding)
        };
        register.create_objection(
            ObjectionInput {
                reference: String::new(),
                person: person.to_owned(),
                purpose: purpose.to_owned(),
                reason: reason.to_owned(),
                received_on,
                in_writing: true,
                applied_on,
                applied_by: if applied_on.is_some() {
                    "給付グループ 中村 智子".to_owned()
                } else {
                    String::new()
                },
                holding_ids,
                notes: String::new(),
                matter_id,
                withdrawn_on: None,
            },
            actor,
        )?;
    }
    Ok(())
}

fn provision(direction: ProvisionDirection) -> ProvisionRecordInput {
    let today = crate::clock::today();
    ProvisionRecordInput {
        reference: String::new(),
        direction,
        basis: ProvisionBasis::Consent,
        exception: None,
        public_ground: None,
        recording_method: RecordingMethod::Individual,
        provided_on: today,
        last_provided_on: None,
        recorded_on: today,
        recipient_id: None,
        counterparty_name: String::new(),
        counterparty_address: String::new(),
        counterparty_representative: String::new(),
        acquisition_circumstances: String::new(),
        opt_out_published: false,
        persons: Vec::new(),
        persons_description: String::new(),
        items: Vec::new(),
        consent_obtained: false,
        consent_note: String::new(),
        holding_ids: Vec::new(),
        notes: String::new(),
        information: Default::default(),
        consent_confirmation_method: String::new(),
        foreign_information_confirmed: false,
    }
}

fn disposal(holding_id: i64, disposed_on: NaiveDate) -> DisposalInput {
    DisposalInput {
        reference: String::new(),
        holding_id,
        disposed_on,
        description: String::new(),
        covers_through: None,
        medium: DisposalMedium::Paper,
        method: DisposalMethod::Shredding,
        method_note: String::new(),
        performed_by: "総務グループ 田中 浩二".to_owned(),
        witness: String::new(),
        vendor: String::new(),
        certificate_ref: String::new(),
        notes: String::new(),
    }
}

/// The catalogue in the words of the society's art. 32 notice, plus the internal measures it
/// does not publish. The last element lists the demo holdings each measure is linked to.
fn measures() -> Vec<(
    MeasureHeading,
    &'static str,
    &'static str,
    bool,
    &'static [usize],
)> {
    use MeasureHeading::*;
    vec![
        (BasicPolicy, "個人情報保護方針の策定・公表",
         "関係法令・ガイドラインの遵守、質問及び苦情処理の窓口等について個人情報保護方針を定め、ホームページで公表している。", true, &[]),
        (HandlingRules, "個人データ取扱規程の策定",
         "取得、利用、保存、提供、削除・廃棄の段階ごとに、取扱方法、責任者・担当者及びその任務を定めた取扱規程を策定している。", true, &[]),
        (Organisational, "個人情報保護管理者の設置と取扱者・取扱範囲の明確化",
         "個人情報保護管理者を置くとともに、個人データを取り扱う職員及び当該職員が取り扱う個人データの範囲を明確化している。", true, &[0, 1, 2]),
        (Organisational, "法令・規程違反や漏えい等の報告連絡体制",
         "法令や組合規程に違反している事実又は兆候を把握した場合の責任者への報告連絡体制を整備している。", true, &[]),
        (Organisational, "自己点検と監事による監査",
         "個人データの取扱状況について定期的に自己点検を実施するとともに、監事による監査を実施している。", true, &[]),
        (Personnel, "就業規則への秘密保持の規定",
         "個人データの取扱いに関する秘密保持に関する事項を就業規則に記載している。", true, &[]),
        (Personnel, "職員研修と効果の確認",
         "個人データの取扱いに関する留意事項について職員に年1回以上の研修を行い、理解度テストで効果を確認している。", true, &[]),
        (Physical, "取扱区域の入退室管理と持込機器の制限",
         "個人データを取り扱う区域において、ICカードによる入退室管理及び持ち込む機器等の制限を行うとともに、権限を有しない者による閲覧を防止する措置を講じている。", true, &[1, 2]),
        (Physical, "機器・電子媒体・書類の盗難・紛失防止",
         "個人データを取り扱う機器、電子媒体及び書類等の盗難又は紛失等を防止するための施錠保管等の措置を講じるとともに、事業所内の移動を含め、持ち運ぶ場合に容易に個人データが判明しないよう措置を講じている。", true, &[CLAIMS]),
        (Physical, "書類の廃棄と電子媒体の消去",
         "保存期間を経過した書類は判読できない大きさに裁断し、大量の場合は機密文書処理業者に委託して廃棄証明書を受領する。パソコン・磁気媒体はデータ消去ソフトウェアで読み取れない状態にして廃棄又はリース返却する。", true, &[CLAIMS, 6]),
        (Technical, "アクセス制御",
         "担当者及び取り扱う個人情報データベース等の範囲を限定するために、適切なアクセス制御を実施している。", true, &[0, 1, 2]),
        (Technical, "不正アクセス・マルウェア対策",
         "個人データを取り扱う情報システムを外部からの不正アクセス又は不正ソフトウェアから保護する仕組みを導入し、適切に運用している。", true, &[]),
        (Technical, "基幹システムの操作ログ監視",
         "基幹システムの操作ログを集中管理し、大量出力や時間外アクセスを検知した場合は即日確認する（検知条件は公表しない）。", false, &[0, 1]),
        (ExternalEnvironment, "クラウドサービスの保存場所の把握",
         "利用するクラウドサービスの個人データの保存場所が国内であることを契約時及び年次に確認している。外国において個人データを取り扱うことはない。", true, &[]),
    ]
}
