//! The demo society's pseudonymised and anonymised claims data. Health insurance societies
//! analyse their members' claims (レセプト) and check-up data for their data health plans
//! (データヘルス計画) in pseudonymised form, and some produce anonymised data for research;
//! the anonymised record here was provided once to a university, published in advance.

use super::texts;
use crate::error::Result;
use crate::model::anonymised::{AnonymisedInformationInput, AnonymisedProvision};
use crate::model::pseudonymised::PseudonymisedInformationInput;
use crate::register::Register;
use chrono::Days;

const WEBSITE: &str = "当組合ウェブサイト「個人情報の取扱いについて」";

/// `holdings` are the ids of the demo holdings in the order `holdings()` lists them: the
/// claims data is the second, the check-up data the third.
pub(super) fn load(register: &Register, holdings: &[i64], actor: &str) -> Result<()> {
    let today = crate::clock::today();
    let ago = |days: u64| today.checked_sub_days(Days::new(days)).unwrap_or(today);
    let sources: Vec<i64> = holdings.iter().skip(1).take(2).copied().collect();
    register.create_pseudonymised(
        PseudonymisedInformationInput {
            name: "データヘルス計画分析用 仮名加工レセプト・健診データ".to_owned(),
            holding_ids: sources.clone(),
            items: texts(&[
                "仮ID",
                "生年月",
                "性別",
                "診療年月",
                "傷病名",
                "医療費点数",
                "健診結果（検査値）",
            ]),
            processing_method: "氏名・被保険者記号番号を削除し、組合内でのみ対応表を保持する仮IDに置換。生年月日は生年月に、住所は削除。".to_owned(),
            identifying_descriptions_removed: true,
            identification_codes_removed: true,
            financial_risk_descriptions_removed: true,
            purposes: texts(&[
                "データヘルス計画の策定及び評価のための医療費・健診結果の分析",
                "保健事業の対象者選定基準の検討",
            ]),
            purposes_published_on: Some(ago(200)),
            published_where: WEBSITE.to_owned(),
            deleted_information_security: "対応表は保健事業グループ長のみがアクセスできる暗号化領域に分析データと分離して保管し、アクセスログを四半期ごとに点検。".to_owned(),
            erased_on: None,
            shared_by_joint_use: false,
            entrusted: true,
            sharing_notes: "分析業務をデータ分析事業者に委託（委託契約に再識別禁止条項）".to_owned(),
            notes: String::new(),
        },
        actor,
    )?;
    register.create_anonymised(
        AnonymisedInformationInput {
            name: "医療費研究用 匿名加工レセプトデータ（前年度分）".to_owned(),
            holding_ids: sources.into_iter().take(1).collect(),
            items: texts(&["性別", "年齢階級（5歳刻み）", "診療年月", "傷病名（ICD-10中分類）", "医療費点数"]),
            produced_on: ago(120),
            items_published_on: Some(ago(118)),
            published_where: WEBSITE.to_owned(),
            processing_security: "加工方法等情報は作成担当者2名のみが閲覧できる文書管理システムに保管し、持出しを禁止。".to_owned(),
            provisions: vec![AnonymisedProvision {
                recipient: "みらい大学 医療経済学研究室".to_owned(),
                provided_on: ago(90),
                method: "暗号化した電子ファイルを記録媒体で手渡し".to_owned(),
                published_on: ago(100),
                stated_to_recipient: true,
            }],
            notes: String::new(),
        },
        actor,
    )?;
    Ok(())
}
