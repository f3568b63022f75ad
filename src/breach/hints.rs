//! What the affected items suggest: a trigger of PPC Rules art. 7 (or 43) the officer has not
//! ticked, worded as a question rather than decided. The triage itself stays decided by the
//! facts the officer recorded; a hint only asks.
//!
//! Matching is by the item's name, ignoring case and width (NFKC, so ＰＡＳＳＷＯＲＤ, ﾊﾟｽﾜｰﾄﾞ and
//! パスワード are one word), against a short table of terms. A term is a substring, so
//! 「ID・パスワード」 and 「ログインID」 match パスワード and ログイン; terms short enough to
//! occur inside unrelated words (the English "pin", which is in "shipping") are left out.

use super::TriageRule;
use crate::model::incident::IncidentItem;
use serde::Serialize;
use ts_rs::TS;
use unicode_normalization::UnicodeNormalization;

/// A trigger the items suggest but the record does not tick, and the items that suggest it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct TriageHint {
    pub rule: TriageRule,
    /// The affected items' names, as recorded.
    pub items: Vec<String>,
}

/// Data whose misuse may cause financial damage (Rules art. 7(ii)): the PPC's examples are
/// credit card numbers, bank account numbers with their PINs, and IDs and passwords of online
/// banking or shopping (通則編 3-5-3-1).
const FINANCIAL_TERMS: &[&str] = &[
    "カード番号",
    "クレジットカード",
    "キャッシュカード",
    "セキュリティコード",
    "口座番号",
    "口座情報",
    "暗証番号",
    "パスワード",
    "ログイン",
    "認証情報",
    "credit card",
    "card number",
    "bank account",
    "account number",
    "security code",
    "password",
    "passcode",
    "login",
    "log-in",
    "credential",
];

/// Health data, sensitive under APPI art. 2(3) and its Cabinet Order art. 2(i)–(iii): medical
/// history, the results of health checks, and medical treatment or prescriptions.
const HEALTH_TERMS: &[&str] = &[
    "病歴",
    "病名",
    "傷病",
    "既往歴",
    "健康診断",
    "健診",
    "検診",
    "人間ドック",
    "診療",
    "診断",
    "カルテ",
    "処方",
    "服薬",
    "レセプト",
    "ストレスチェック",
    "medical",
    "diagnosis",
    "health check",
    "checkup",
    "check-up",
    "treatment",
    "prescription",
];

/// NFKC folds full-width Latin and half-width katakana to their ordinary forms; lowercasing
/// then makes the match case-insensitive.
fn fold(text: &str) -> String {
    text.nfkc().flat_map(char::to_lowercase).collect()
}

/// True when `name` contains one of `terms`.
pub fn mentions(name: &str, terms: &[&str]) -> bool {
    let name = fold(name);
    terms.iter().any(|term| name.contains(&fold(term)))
}

/// The items that suggest a risk of financial damage, less those the officer answered "no" for.
pub fn financial_items(items: &[IncidentItem]) -> Vec<String> {
    items
        .iter()
        .filter(|i| !i.no_financial_risk_confirmed && mentions(&i.name, FINANCIAL_TERMS))
        .map(|i| i.name.clone())
        .collect()
}

/// The health items neither marked sensitive nor answered "not sensitive".
pub fn unmarked_health_items(items: &[IncidentItem]) -> Vec<String> {
    items
        .iter()
        .filter(|i| !i.sensitive && !i.not_sensitive_confirmed && mentions(&i.name, HEALTH_TERMS))
        .map(|i| i.name.clone())
        .collect()
}

/// The hints for an incident under a Japanese law: unmarked health items (art. 7(i)), and
/// financial items while the financial-damage risk is not ticked (art. 7(ii)).
pub fn hints(items: &[IncidentItem], financial_damage_risk: bool) -> Vec<TriageHint> {
    let mut hints = Vec::new();
    let health = unmarked_health_items(items);
    if !health.is_empty() {
        hints.push(TriageHint {
            rule: TriageRule::Sensitive,
            items: health,
        });
    }
    let financial = financial_items(items);
    if !financial_damage_risk && !financial.is_empty() {
        hints.push(TriageHint {
            rule: TriageRule::FinancialDamage,
            items: financial,
        });
    }
    hints
}
