//! Whether a breach must be reported, and by when, by the rules of each law that applies.
//!
//! Pure computation over an [`Incident`]: the answer lists every rule of every applicable law
//! with whether it fired and the recorded facts it was decided on, so the UI can render it in
//! Japanese or English and an officer (or the PPC) can retrace the decision.
//!
//! The rules, as the texts read:
//! - private business operators, PPC Rules art. 7: (i) sensitive personal information,
//!   (ii) data whose misuse may cause financial damage, (iii) possibly done for a wrongful
//!   purpose, including personal information being acquired (since the 2024-04-01
//!   amendment), (iv) more than 1,000 persons;
//! - national organs and local governments, PPC Rules art. 43: the same (i)–(iii), (iv) more
//!   than 100 persons, and for local governments (v) information made sensitive by their own
//!   ordinance (条例要配慮個人情報);
//! - Individual Number data, Number Act art. 29-4 and its Rules art. 2: (i) data in the
//!   information-provision network system or an Individual Number use system, (ii) possibly
//!   done for a wrongful purpose, (iii) exposed electronically to unspecified numerous persons,
//!   (iv) more than 100 persons;
//! - all three exclude data protected by advanced encryption or an equivalent measure (the
//!   parenthesis in item (i) of each article applies to every item);
//! - GDPR Art. 33(1): every breach, unless it is unlikely to result in a risk to persons.

pub mod draft;
pub mod hints;

pub use hints::TriageHint;

use crate::deadline::{
    appi_final_report, appi_preliminary_report, gdpr_breach_notification, DeadlineError,
};
use crate::model::incident::{FilingLaw, FilingPhase, Incident};
use crate::model::organisation::Regime;
use crate::model::request::{DeadlineState, RequestDeadline};
use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

/// Private operators report from more than this many persons (Rules art. 7(iv)).
pub const PRIVATE_PERSONS_THRESHOLD: i64 = 1_000;
/// Public bodies report from more than this many persons (Rules art. 43(iv)).
pub const PUBLIC_PERSONS_THRESHOLD: i64 = 100;
/// Individual Number data is reported from more than this many persons (Number Act Rules
/// art. 2(iv)).
pub const MY_NUMBER_PERSONS_THRESHOLD: i64 = 100;

/// A body of rules an incident is triaged under.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum BreachLaw {
    /// APPI art. 26; PPC Rules art. 7.
    AppiPrivate,
    /// APPI art. 68; PPC Rules art. 43, for a national administrative organ.
    AppiNationalOrgan,
    /// APPI art. 68; PPC Rules art. 43, for a local government's organ.
    AppiLocalGovernment,
    /// Number Act art. 29-4; its Rules art. 2.
    MyNumber,
    /// GDPR Art. 33.
    Gdpr,
}

/// One reporting rule. Stable codes, translated by the UI.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum TriageRule {
    /// Rules art. 7(i) / 43(i).
    Sensitive,
    /// Rules art. 7(ii) / 43(ii).
    FinancialDamage,
    /// Rules art. 7(iii) / 43(iii); Number Act Rules art. 2(ii).
    WrongfulPurpose,
    /// Rules art. 7(iv) / 43(iv); Number Act Rules art. 2(iv).
    PersonsOverThreshold,
    /// Rules art. 43(v).
    OrdinanceSensitive,
    /// Number Act Rules art. 2(i).
    MyNumberSystem,
    /// Number Act Rules art. 2(iii).
    PubliclyExposed,
    /// GDPR Art. 33(1).
    GdprRisk,
}

/// A recorded fact a rule was decided on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(
    tag = "fact",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
#[ts(export)]
pub enum TriageFact {
    /// The affected items marked sensitive (empty: none is).
    SensitiveItems {
        items: Vec<String>,
    },
    OrdinanceSensitiveItems {
        items: Vec<String>,
    },
    /// Recorded as yes or no by the officer.
    FinancialDamageRisk {
        recorded: bool,
    },
    WrongfulPurpose {
        recorded: bool,
    },
    DataBeingAcquired {
        recorded: bool,
    },
    /// `persons` affected against the rule's `threshold` (more than it fires).
    Persons {
        #[ts(type = "number")]
        persons: i64,
        #[ts(type = "number")]
        threshold: i64,
    },
    /// The same, counting only persons whose Individual Number data is affected.
    MyNumberPersons {
        #[ts(type = "number")]
        persons: i64,
        #[ts(type = "number")]
        threshold: i64,
    },
    MyNumberSystem {
        recorded: bool,
    },
    PubliclyExposed {
        recorded: bool,
    },
    /// The officer's risk judgement under the GDPR, with the reasons when risk is unlikely.
    GdprRisk {
        unlikely: bool,
        reason: String,
    },
    /// The data was protected by advanced encryption: the reporting rules do not apply.
    StrongEncryption {
        detail: String,
    },
}

/// One rule, whether its condition is met, and the facts it was decided on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RuleCheck {
    pub rule: TriageRule,
    pub met: bool,
    pub facts: Vec<TriageFact>,
}

/// The answer of one law.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct LawTriage {
    pub law: BreachLaw,
    /// A report to the authority is required under this law.
    pub report_required: bool,
    /// Every rule of this law, in the article's order.
    pub checks: Vec<RuleCheck>,
    /// Why no report is required although a rule's condition is met (the encryption
    /// exclusion).
    pub excluded_by: Option<TriageFact>,
}

/// The triage of an incident.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Triage {
    /// A report is required under at least one law.
    pub report_required: bool,
    /// The persons must be notified wherever a Japanese report is required: APPI
    /// arts. 26(2) and 68(2), Number Act art. 29-4(2)). A public announcement may replace it when
    /// notifying is difficult.
    pub notice_required: bool,
    /// A wrongful-purpose rule fired: the final report is due in 60 days, not 30.
    pub wrongful_purpose: bool,
    pub laws: Vec<LawTriage>,
    /// Triggers the affected items suggest but the officer has not ticked: questions for the
    /// officer, never counted in the decision above.
    pub hints: Vec<TriageHint>,
}

/// Decides, for every law that applies to the incident's organisation and data, whether a
/// report is required.
pub fn triage(incident: &Incident) -> Triage {
    let f = &incident.fields;
    let names = |pick: fn(&crate::model::incident::IncidentItem) -> bool| -> Vec<String> {
        f.items
            .iter()
            .filter(|i| pick(i))
            .map(|i| i.name.clone())
            .collect()
    };
    let sensitive = names(|i| i.sensitive);
    let ordinance = names(|i| i.ordinance_sensitive);
    let encryption = f.strong_encryption.then(|| TriageFact::StrongEncryption {
        detail: f.encryption_detail.clone(),
    });
    let wrongful = RuleCheck {
        rule: TriageRule::WrongfulPurpose,
        met: f.wrongful_purpose || f.data_being_acquired,
        facts: vec![
            TriageFact::WrongfulPurpose {
                recorded: f.wrongful_purpose,
            },
            TriageFact::DataBeingAcquired {
                recorded: f.data_being_acquired,
            },
        ],
    };
    let persons = |threshold: i64, persons: i64| RuleCheck {
        rule: TriageRule::PersonsOverThreshold,
        met: persons > threshold,
        facts: vec![TriageFact::Persons { persons, threshold }],
    };

    let mut laws = Vec::new();
    let japanese = match incident.regime {
        Regime::PrivateOperator => Some((BreachLaw::AppiPrivate, PRIVATE_PERSONS_THRESHOLD)),
        // Art. 68 binds every 行政機関の長等, an incorporated administrative agency as a national
        // organ, with the one threshold of PPC Rules art. 43.
        Regime::NationalOrgan | Regime::IncorporatedAgency => {
            Some((BreachLaw::AppiNationalOrgan, PUBLIC_PERSONS_THRESHOLD))
        }
        Regime::LocalGovernment => Some((BreachLaw::AppiLocalGovernment, PUBLIC_PERSONS_THRESHOLD)),
        Regime::GdprController => None,
    };
    if let Some((law, threshold)) = japanese {
        let mut checks = vec![
            RuleCheck {
                rule: TriageRule::Sensitive,
                met: !sensitive.is_empty(),
                facts: vec![TriageFact::SensitiveItems {
                    items: sensitive.clone(),
                }],
            },
            RuleCheck {
                rule: TriageRule::FinancialDamage,
                met: f.financial_damage_risk,
                facts: vec![TriageFact::FinancialDamageRisk {
                    recorded: f.financial_damage_risk,
                }],
            },
            wrongful.clone(),
            persons(threshold, f.persons),
        ];
        if law == BreachLaw::AppiLocalGovernment {
            checks.push(RuleCheck {
                rule: TriageRule::OrdinanceSensitive,
                met: !ordinance.is_empty(),
                facts: vec![TriageFact::OrdinanceSensitiveItems { items: ordinance }],
            });
        }
        laws.push(law_triage(law, checks, encryption.clone()));
    }
    let my_number_data = f.my_number_persons > 0 || f.items.iter().any(|i| i.my_number);
    if japanese.is_some() && my_number_data {
        let mut my_number_wrongful = wrongful.clone();
        // The Number Act's item (ii) has no acquisition clause: only the act itself counts.
        my_number_wrongful.met = f.wrongful_purpose;
        my_number_wrongful.facts.truncate(1);
        let checks = vec![
            RuleCheck {
                rule: TriageRule::MyNumberSystem,
                met: f.my_number_system,
                facts: vec![TriageFact::MyNumberSystem {
                    recorded: f.my_number_system,
                }],
            },
            my_number_wrongful,
            RuleCheck {
                rule: TriageRule::PubliclyExposed,
                met: f.publicly_exposed,
                facts: vec![TriageFact::PubliclyExposed {
                    recorded: f.publicly_exposed,
                }],
            },
            RuleCheck {
                rule: TriageRule::PersonsOverThreshold,
                met: f.my_number_persons > MY_NUMBER_PERSONS_THRESHOLD,
                facts: vec![TriageFact::MyNumberPersons {
                    persons: f.my_number_persons,
                    threshold: MY_NUMBER_PERSONS_THRESHOLD,
                }],
            },
        ];
        laws.push(law_triage(BreachLaw::MyNumber, checks, encryption.clone()));
    }
    if incident.regime == Regime::GdprController || incident.gdpr_applies {
        let checks = vec![RuleCheck {
            rule: TriageRule::GdprRisk,
            met: !f.gdpr_risk_unlikely,
            facts: vec![TriageFact::GdprRisk {
                unlikely: f.gdpr_risk_unlikely,
                reason: f.gdpr_risk_reason.clone(),
            }],
        }];
        // Encryption weighs in the controller's risk judgement (and excuses the Art. 34
        // notice), but is not an exclusion from Art. 33 of its own.
        laws.push(law_triage(BreachLaw::Gdpr, checks, None));
    }

    let japanese_required = laws
        .iter()
        .any(|l| l.report_required && l.law != BreachLaw::Gdpr);
    let wrongful_purpose = japanese_required
        && laws.iter().any(|l| {
            l.report_required
                && l.law != BreachLaw::Gdpr
                && l.checks
                    .iter()
                    .any(|c| c.rule == TriageRule::WrongfulPurpose && c.met)
        });
    // Only the Japanese laws have the sensitive and financial-damage triggers.
    let hints = match japanese {
        Some(_) => hints::hints(&f.items, f.financial_damage_risk),
        None => Vec::new(),
    };
    Triage {
        report_required: laws.iter().any(|l| l.report_required),
        notice_required: japanese_required,
        wrongful_purpose,
        laws,
        hints,
    }
}

fn law_triage(law: BreachLaw, checks: Vec<RuleCheck>, encryption: Option<TriageFact>) -> LawTriage {
    let met = checks.iter().any(|c| c.met);
    let excluded_by = if met { encryption } else { None };
    LawTriage {
        law,
        report_required: met && excluded_by.is_none(),
        checks,
        excluded_by,
    }
}

/// The office's reporting deadlines for the incident as of `today`: the APPI's preliminary
/// window and final report when a Japanese report is required (Number Act reports follow the
/// same periods), and the GDPR's 72 hours when Art. 33 requires a notification. Each is met by
/// the first filing of the matching law and phase (a final report filed first meets the
/// preliminary one too).
pub fn deadlines(
    incident: &Incident,
    triage: &Triage,
    today: NaiveDate,
) -> Result<Vec<RequestDeadline>, DeadlineError> {
    let first_filing = |law: FilingLaw, phases: &[FilingPhase]| {
        incident
            .filings
            .iter()
            .filter(|f| f.fields.law == law && phases.contains(&f.fields.phase))
            .map(|f| f.fields.filed_on)
            .min()
    };
    let mut deadlines = Vec::new();
    if triage.notice_required {
        let aware_on = incident.fields.aware_on_in_japan();
        let preliminary = appi_preliminary_report(aware_on)?;
        let met = first_filing(
            FilingLaw::Appi,
            &[FilingPhase::Preliminary, FilingPhase::Final],
        );
        deadlines.push(with_state(preliminary, met, today));
        let final_report = appi_final_report(aware_on, triage.wrongful_purpose)?;
        let met = first_filing(FilingLaw::Appi, &[FilingPhase::Final]);
        deadlines.push(with_state(final_report, met, today));
    }
    let gdpr_required = triage
        .laws
        .iter()
        .any(|l| l.law == BreachLaw::Gdpr && l.report_required);
    if gdpr_required {
        let notification = gdpr_breach_notification(incident.fields.aware_at)?;
        let met = first_filing(
            FilingLaw::Gdpr,
            &[
                FilingPhase::Preliminary,
                FilingPhase::Final,
                FilingPhase::Supplementary,
            ],
        );
        deadlines.push(with_state(notification, met, today));
    }
    Ok(deadlines)
}

fn with_state(
    deadline: crate::deadline::Deadline,
    met_on: Option<NaiveDate>,
    today: NaiveDate,
) -> RequestDeadline {
    let state = match met_on {
        Some(_) => DeadlineState::Met,
        None if today > deadline.due => DeadlineState::Overdue,
        None => DeadlineState::Pending,
    };
    RequestDeadline {
        days_left: (deadline.due - today).num_days(),
        deadline,
        state,
        met_on,
    }
}
