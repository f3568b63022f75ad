//! The assessment of one holding's risks (リスクアセスメント, JIS Q 15001:2017 6.1.2 and
//! A.3.3.3): for each stage of the holding's life, the risks identified, their likelihood and
//! impact, the security measures that treat them, the residual risk, and who accepted it.
//!
//! The level of a risk before treatment is read off a three-by-three matrix (likelihood ×
//! impact, each low/medium/high). A residual risk lower than that level claims that measures
//! treat the risk, so it must name them (6.1.3 b–c); accepting the residual risk is the risk
//! owner's decision and is recorded by name and date (6.1.3 f).

use super::coded_enum;
use crate::error::FieldErrorCode;
use crate::validation::{tidy, FieldChecks, LONG_TEXT, MAX_LIST, SHORT_TEXT};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use ts_rs::TS;

coded_enum!(
    /// The stages of a holding's life the standard asks to be assessed one by one
    /// (A.3.3.3: 取得・入力, 利用・加工, 保管・バックアップ, 移送・送信・委託, 消去・廃棄).
    LifeStage {
        Acquisition => "acquisition",
        Use => "use",
        Storage => "storage",
        Transfer => "transfer",
        Disposal => "disposal",
    }
);

coded_enum!(
    /// The risks A.3.3.3 names: 漏えい, 滅失, き損, 目的外利用 and, for the PPC guideline's
    /// misuse, 不正利用.
    RiskKind {
        Leak => "leak",
        Loss => "loss",
        Damage => "damage",
        Misuse => "misuse",
        WrongPurpose => "wrongPurpose",
    }
);

coded_enum!(
    /// A likelihood, an impact, or the level of a risk.
    RiskLevel {
        Low => "low",
        Medium => "medium",
        High => "high",
    }
);

impl RiskLevel {
    fn rank(self) -> i64 {
        match self {
            RiskLevel::Low => 1,
            RiskLevel::Medium => 2,
            RiskLevel::High => 3,
        }
    }

    /// The level before treatment: likelihood × impact on a 1–3 scale gives 1–9; 1–2 is low,
    /// 3–4 medium, 6–9 high (a score of 5 cannot occur).
    pub fn inherent(likelihood: RiskLevel, impact: RiskLevel) -> RiskLevel {
        match likelihood.rank() * impact.rank() {
            1..=2 => RiskLevel::Low,
            3..=4 => RiskLevel::Medium,
            _ => RiskLevel::High,
        }
    }
}

/// One risk at one stage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct IdentifiedRisk {
    pub stage: LifeStage,
    pub risk: RiskKind,
    /// How it could happen, e.g. 「窓口での申請書の取り違え」.
    pub description: String,
    pub likelihood: RiskLevel,
    pub impact: RiskLevel,
    /// The security measures that treat it.
    #[ts(type = "Array<number>")]
    pub measure_ids: Vec<i64>,
    pub residual: RiskLevel,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct RiskAssessmentInput {
    /// Assigned as `RA-0001`, … when left empty.
    pub reference: String,
    #[ts(type = "number")]
    pub holding_id: i64,
    pub assessed_on: NaiveDate,
    pub assessed_by: String,
    pub risks: Vec<IdentifiedRisk>,
    /// The risk owner who accepted the residual risks (6.1.3 f).
    pub accepted_by: String,
    pub accepted_on: Option<NaiveDate>,
    /// When it is to be assessed again; a year after `assessed_on` when left empty.
    pub next_assessment_on: Option<NaiveDate>,
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct RiskAssessment {
    #[ts(type = "number")]
    pub id: i64,
    #[serde(flatten)]
    pub fields: RiskAssessmentInput,
    #[ts(type = "number")]
    pub version: i64,
    pub created_at: String,
    pub updated_at: String,
}

/// A holding that needs an assessment it does not have: one with sensitive (要配慮) or
/// Individual Number items and no assessment at all, or one whose latest assessment is due
/// again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RiskAssessmentGap {
    #[ts(type = "number")]
    pub holding_id: i64,
    pub ledger_no: String,
    pub holding_name: String,
    pub department: String,
    pub sensitive: bool,
    pub my_number: bool,
    /// The latest assessment, if there is one.
    pub last_assessed_on: Option<NaiveDate>,
    /// When the latest assessment is to be repeated; `None` when there is none.
    pub due_on: Option<NaiveDate>,
}

impl RiskAssessmentInput {
    pub(crate) fn tidy(&mut self) {
        for value in [
            &mut self.reference,
            &mut self.assessed_by,
            &mut self.accepted_by,
            &mut self.notes,
        ] {
            tidy(value);
        }
        for risk in &mut self.risks {
            tidy(&mut risk.description);
        }
    }

    /// When the assessment falls due again.
    pub fn due_again(&self) -> NaiveDate {
        self.next_assessment_on.unwrap_or_else(|| {
            self.assessed_on
                .checked_add_months(chrono::Months::new(12))
                .unwrap_or(self.assessed_on)
        })
    }

    pub(crate) fn collect_errors(&self, checks: &mut FieldChecks) {
        checks.max_len("reference", &self.reference, 40);
        checks.date("assessedOn", self.assessed_on);
        checks.required("assessedBy", &self.assessed_by, SHORT_TEXT);
        checks.max_len("notes", &self.notes, LONG_TEXT);
        if self.risks.is_empty() {
            checks.fail_with(
                "risks",
                FieldErrorCode::Required,
                "an assessment names at least one risk it identified (JIS Q 15001 6.1.2 c)",
            );
        }
        if self.risks.len() > MAX_LIST {
            checks.fail("risks", FieldErrorCode::TooMany, Some(MAX_LIST as i64));
        }
        let mut seen = HashSet::new();
        for (i, risk) in self.risks.iter().enumerate() {
            let field = |name: &str| format!("risks[{i}].{name}");
            if !seen.insert((risk.stage, risk.risk)) {
                checks.fail_with(
                    field("risk"),
                    FieldErrorCode::Duplicate,
                    "this risk is already assessed at this stage",
                );
            }
            checks.max_len(&field("description"), &risk.description, LONG_TEXT);
            let mut measures = HashSet::new();
            for (m, id) in risk.measure_ids.iter().enumerate() {
                if !measures.insert(id) {
                    checks.fail(
                        format!("risks[{i}].measureIds[{m}]"),
                        FieldErrorCode::Duplicate,
                        None,
                    );
                }
            }
            let inherent = RiskLevel::inherent(risk.likelihood, risk.impact);
            if risk.residual.rank() > inherent.rank() {
                checks.fail_with(
                    field("residual"),
                    FieldErrorCode::OutOfRange,
                    format!(
                        "the residual risk cannot be higher than the risk before treatment ({})",
                        inherent.code()
                    ),
                );
            } else if risk.residual.rank() < inherent.rank() && risk.measure_ids.is_empty() {
                checks.fail_with(
                    field("measureIds"),
                    FieldErrorCode::Required,
                    "a residual risk lower than the risk before treatment names the measures \
                     that lower it (JIS Q 15001 6.1.3)",
                );
            }
        }
        if !self.risks.is_empty() {
            checks.required("acceptedBy", &self.accepted_by, SHORT_TEXT);
            match self.accepted_on {
                None => checks.fail_with(
                    "acceptedOn",
                    FieldErrorCode::Required,
                    "the residual risks are accepted on a date (JIS Q 15001 6.1.3 f)",
                ),
                Some(on) => {
                    checks.date("acceptedOn", on);
                    if on < self.assessed_on {
                        checks.date_order(
                            "acceptedOn",
                            "assessedOn",
                            format!(
                                "the residual risks cannot be accepted on {on}, before they were \
                                 assessed on {}",
                                self.assessed_on
                            ),
                        );
                    }
                }
            }
        } else {
            checks.max_len("acceptedBy", &self.accepted_by, SHORT_TEXT);
        }
        if let Some(next) = self.next_assessment_on {
            checks.date("nextAssessmentOn", next);
            if next <= self.assessed_on {
                checks.date_order(
                    "nextAssessmentOn",
                    "assessedOn",
                    format!(
                        "the next assessment must come after this one ({})",
                        self.assessed_on
                    ),
                );
            }
        }
    }
}
