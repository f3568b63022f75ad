//! A cross-border transfer (外国にある第三者への提供, APPI art. 28; art. 71 for public
//! bodies): what is provided to whom in which country, on which basis, what the person was
//! told, and for the equivalent-measures basis the periodic checks the PPC Rules (art. 18)
//! require.

use super::coded_enum;
use super::subcontractor::is_country_code;
use crate::error::FieldErrorCode;
use crate::validation::{tidy, tidy_list, FieldChecks, LONG_TEXT, SHORT_TEXT};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

coded_enum!(
    /// Why the provision abroad is lawful.
    TransferBasis {
        /// Prior consent to foreign provision, after the art. 28(2) information was given.
        Consent => "consent",
        /// The recipient keeps a system of measures equivalent to the Act (art. 28(1), Rules 16).
        EquivalentMeasures => "equivalentMeasures",
        /// A country the PPC designated as equivalent: the EU/EEA states and the UK.
        Adequacy => "adequacy",
        /// A legal obligation, e.g. the International Health Regulations art. 30 notice to the
        /// destination country's authority.
        LegalObligation => "legalObligation",
        /// Another art. 27(1) exception or, for public bodies, a law or treaty (art. 71).
        OtherLaw => "otherLaw",
    }
);

coded_enum!(
    /// What the recipient's equivalent system rests on (PPC Rules art. 16).
    MeasuresBasis {
        Contract => "contract",
        GroupRules => "groupRules",
        /// Recognition under the APEC CBPR system.
        Cbpr => "cbpr",
    }
);

/// Member states of the EEA and the United Kingdom: the countries the PPC designated as
/// having an equivalent system (PPC notice of 2019, as amended for the UK's withdrawal).
pub const ADEQUATE_COUNTRIES: &[&str] = &[
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV",
    "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO", "GB",
];

/// What the person was told before consenting (art. 28(2); Rules art. 17), as it was given.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct InformationGiven {
    /// The country's personal information protection system.
    pub country_system: String,
    /// The measures the recipient takes to protect personal information.
    pub recipient_measures: String,
    pub given_on: Option<NaiveDate>,
    /// e.g. 「申請画面での表示と同意チェック」.
    pub method: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct TransferInput {
    /// Assigned as `TR-0001`, … when left empty.
    pub reference: String,
    #[ts(type = "number")]
    pub holding_id: i64,
    pub recipient: String,
    /// The subcontractor this transfer is to, when the recipient is one of them.
    #[ts(type = "number | null")]
    pub subcontractor_id: Option<i64>,
    /// ISO 3166-1 alpha-2; `None` when the country could not be determined.
    pub country: Option<String>,
    /// Why the country is not determined (Rules art. 17(3)); required then.
    pub country_undetermined_reason: String,
    pub basis: TransferBasis,
    /// Required for `equivalentMeasures`.
    pub measures_basis: Option<MeasuresBasis>,
    /// The law or provision relied on, e.g. 「国際保健規則（IHR）第30条」.
    pub legal_basis: String,
    /// The data items provided.
    pub items: Vec<String>,
    pub information_given: InformationGiven,
    /// For `equivalentMeasures`: how often the recipient's measures are checked.
    pub check_frequency_months: Option<u32>,
    pub last_check: Option<NaiveDate>,
    pub next_check: Option<NaiveDate>,
    pub check_results: String,
    pub started_on: Option<NaiveDate>,
    /// Provision stopped (Rules art. 18(1)(ii): when continued implementation became difficult).
    pub stopped_on: Option<NaiveDate>,
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct Transfer {
    #[ts(type = "number")]
    pub id: i64,
    #[serde(flatten)]
    pub fields: TransferInput,
    #[ts(type = "number")]
    pub version: i64,
    pub created_at: String,
    pub updated_at: String,
}

impl TransferInput {
    pub(crate) fn tidy(&mut self) {
        for value in [
            &mut self.reference,
            &mut self.recipient,
            &mut self.country_undetermined_reason,
            &mut self.legal_basis,
            &mut self.check_results,
            &mut self.notes,
            &mut self.information_given.country_system,
            &mut self.information_given.recipient_measures,
            &mut self.information_given.method,
        ] {
            tidy(value);
        }
        if let Some(country) = &mut self.country {
            *country = country.trim().to_ascii_uppercase();
        }
        if self.country.as_deref() == Some("") {
            self.country = None;
        }
        tidy_list(&mut self.items);
    }

    pub fn is_active(&self) -> bool {
        self.stopped_on.is_none()
    }

    pub(crate) fn collect_errors(&self, checks: &mut FieldChecks) {
        checks.max_len("reference", &self.reference, 40);
        checks.required("recipient", &self.recipient, SHORT_TEXT);
        match self.country.as_deref() {
            None => {
                if self.country_undetermined_reason.is_empty() {
                    checks.fail_with(
                        "countryUndeterminedReason",
                        FieldErrorCode::NeedsNote,
                        "when the country is not determined, say why (PPC Rules art. 17(3))",
                    );
                }
            }
            Some(code) if !is_country_code(code) => checks.fail_with(
                "country",
                FieldErrorCode::Malformed,
                "country must be a two-letter ISO 3166 code such as US or DE",
            ),
            Some("JP") => checks.fail_with(
                "country",
                FieldErrorCode::OutOfRange,
                "a provision within Japan is not a cross-border transfer",
            ),
            Some(_) => {}
        }
        checks.max_len(
            "countryUndeterminedReason",
            &self.country_undetermined_reason,
            LONG_TEXT,
        );
        match self.basis {
            TransferBasis::Consent => {
                let info = &self.information_given;
                // The country's system can only be described once the country is known.
                if self.country.is_some() && info.country_system.is_empty() {
                    checks.fail_with(
                        "informationGiven.countrySystem",
                        FieldErrorCode::Required,
                        "consent to foreign provision needs the country's system as it was \
                         described to the person (art. 28(2))",
                    );
                }
                if info.recipient_measures.is_empty() {
                    checks.fail_with(
                        "informationGiven.recipientMeasures",
                        FieldErrorCode::Required,
                        "consent to foreign provision needs the recipient's measures as they \
                         were described to the person, or why they could not be (art. 28(2))",
                    );
                }
                if info.given_on.is_none() {
                    checks.fail("informationGiven.givenOn", FieldErrorCode::Required, None);
                }
            }
            TransferBasis::EquivalentMeasures => {
                if self.measures_basis.is_none() {
                    checks.fail("measuresBasis", FieldErrorCode::Required, None);
                }
                if self.check_frequency_months.is_none() {
                    checks.fail_with(
                        "checkFrequencyMonths",
                        FieldErrorCode::Required,
                        "the equivalent-measures basis needs periodic checks (PPC Rules art. 18)",
                    );
                }
                if self.next_check.is_none() && self.stopped_on.is_none() {
                    checks.fail_with(
                        "nextCheck",
                        FieldErrorCode::Required,
                        "schedule the next periodic check of the recipient's measures",
                    );
                }
            }
            TransferBasis::Adequacy => {
                if let Some(code) = self.country.as_deref() {
                    if is_country_code(code) && !ADEQUATE_COUNTRIES.contains(&code) {
                        checks.fail_with(
                            "basis",
                            FieldErrorCode::NotInRegime,
                            format!(
                                "{code} is not a country the PPC designated as equivalent \
                                 (EU/EEA, UK)"
                            ),
                        );
                    }
                } else {
                    checks.fail_with(
                        "basis",
                        FieldErrorCode::NotInRegime,
                        "the adequacy basis needs a determined, designated country",
                    );
                }
            }
            TransferBasis::LegalObligation | TransferBasis::OtherLaw => {
                if self.legal_basis.is_empty() {
                    checks.fail("legalBasis", FieldErrorCode::NeedsNote, None);
                }
            }
        }
        if self.basis != TransferBasis::EquivalentMeasures && self.measures_basis.is_some() {
            checks.fail_with(
                "measuresBasis",
                FieldErrorCode::OutOfRange,
                "a measures basis applies only to the equivalent-measures basis",
            );
        }
        checks.max_len("legalBasis", &self.legal_basis, LONG_TEXT);
        checks.text_list("items", &self.items, true, SHORT_TEXT);
        let info = &self.information_given;
        checks.max_len(
            "informationGiven.countrySystem",
            &info.country_system,
            LONG_TEXT,
        );
        checks.max_len(
            "informationGiven.recipientMeasures",
            &info.recipient_measures,
            LONG_TEXT,
        );
        checks.max_len("informationGiven.method", &info.method, SHORT_TEXT);
        if let Some(on) = info.given_on {
            checks.date("informationGiven.givenOn", on);
        }
        if let Some(months) = self.check_frequency_months {
            checks.range("checkFrequencyMonths", i64::from(months), 1, 60);
        }
        for (field, date) in [
            ("lastCheck", self.last_check),
            ("nextCheck", self.next_check),
            ("startedOn", self.started_on),
            ("stoppedOn", self.stopped_on),
        ] {
            if let Some(date) = date {
                checks.date(field, date);
            }
        }
        if let (Some(last), Some(next)) = (self.last_check, self.next_check) {
            if next <= last {
                checks.date_order(
                    "nextCheck",
                    "lastCheck",
                    format!("the next check ({next}) must come after the last one ({last})"),
                );
            }
        }
        if let (Some(started), Some(stopped)) = (self.started_on, self.stopped_on) {
            if stopped < started {
                checks.date_order(
                    "stoppedOn",
                    "startedOn",
                    format!("provision cannot stop ({stopped}) before it started ({started})"),
                );
            }
        }
        checks.max_len("checkResults", &self.check_results, LONG_TEXT);
        checks.max_len("notes", &self.notes, LONG_TEXT);
    }
}
