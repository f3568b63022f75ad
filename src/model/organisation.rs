//! The organisation that keeps the register, and the legal regime it answers to.

use crate::error::FieldErrorCode;
use crate::validation::{tidy, FieldChecks, LONG_TEXT, MAX_LIST, SHORT_TEXT};
use crate::CoreError;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use ts_rs::TS;

/// Which body of law governs the organisation's handling of personal information. Deadlines,
/// reporting thresholds and the printed forms follow from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum Regime {
    /// 個人情報取扱事業者 (APPI chapter IV): companies, health insurance societies.
    PrivateOperator,
    /// 行政機関 (APPI chapter V): ministries and national agencies.
    NationalOrgan,
    /// 地方公共団体の機関 (APPI chapter V since 2023-04).
    LocalGovernment,
    /// 独立行政法人等 (APPI art. 2(9), Appended Table 2) and bodies treated like them:
    /// incorporated administrative agencies, national university corporations, special
    /// corporations. Chapter V binds them as 行政機関等 (art. 2(11)): the file register
    /// (art. 75), the art. 69 limits, the requests of arts. 76–108 with the national periods
    /// (art. 83), breach reports under art. 68; unlike a national organ they set their own
    /// disclosure fee (art. 89(3)) and decide appeals against themselves.
    IncorporatedAgency,
    /// A GDPR controller outside the Japanese regimes.
    GdprController,
}

impl Regime {
    pub const ALL: [Regime; 5] = [
        Regime::PrivateOperator,
        Regime::NationalOrgan,
        Regime::LocalGovernment,
        Regime::IncorporatedAgency,
        Regime::GdprController,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Regime::PrivateOperator => "privateOperator",
            Regime::NationalOrgan => "nationalOrgan",
            Regime::LocalGovernment => "localGovernment",
            Regime::IncorporatedAgency => "incorporatedAgency",
            Regime::GdprController => "gdprController",
        }
    }

    pub fn from_code(code: &str) -> Option<Regime> {
        Regime::ALL.into_iter().find(|r| r.code() == code)
    }

    /// Public bodies (行政機関等, art. 2(11)) keep a personal information file register
    /// (個人情報ファイル簿) and provide data on the grounds of art. 69, not art. 27.
    pub fn is_public_body(self) -> bool {
        matches!(
            self,
            Regime::NationalOrgan | Regime::LocalGovernment | Regime::IncorporatedAgency
        )
    }
}

/// A person in charge of personal information, with their own contact: a 個人情報保護管理者,
/// a data protection officer, the director responsible for one operation (seed 000 names two).
/// A holding's manager may be chosen from them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct Officer {
    pub name: String,
    /// e.g. 「データ保護責任者」「個人情報保護管理者」.
    pub role: String,
    /// Where the officer is reached: a desk, a telephone number, an address.
    pub contact: String,
}

/// The organisation profile, as entered on first run and in settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct OrganisationInput {
    pub name: String,
    pub address: String,
    /// 代表者 (private operators must publish it, art. 32).
    pub representative: String,
    /// 個人情報保護管理者 (JIS Q 15001).
    pub privacy_manager: String,
    /// Where requests for disclosure etc. are received (ファイル簿 item ix, art. 32).
    pub request_desk: String,
    /// Where complaints are received (art. 40; Cabinet Order art. 10).
    pub complaint_desk: String,
    pub regime: Regime,
    /// Also answers to the GDPR (adds the Art. 30 record to the printed documents).
    pub gdpr_applies: bool,
    /// The officers in charge, each with a contact. Absent from older documents.
    #[serde(default)]
    pub officers: Vec<Officer>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct Organisation {
    #[serde(flatten)]
    pub profile: OrganisationInput,
    #[ts(type = "number")]
    pub version: i64,
    pub updated_at: String,
}

impl OrganisationInput {
    pub(crate) fn tidy(&mut self) {
        for value in [
            &mut self.name,
            &mut self.address,
            &mut self.representative,
            &mut self.privacy_manager,
            &mut self.request_desk,
            &mut self.complaint_desk,
        ] {
            tidy(value);
        }
        for officer in &mut self.officers {
            tidy(&mut officer.name);
            tidy(&mut officer.role);
            tidy(&mut officer.contact);
        }
    }

    pub(crate) fn check(&self) -> Result<(), CoreError> {
        let mut checks = FieldChecks::new();
        self.collect_errors(&mut checks);
        checks.finish()
    }

    pub(crate) fn collect_errors(&self, checks: &mut FieldChecks) {
        checks.required("name", &self.name, SHORT_TEXT);
        checks.required("address", &self.address, SHORT_TEXT);
        checks.required("representative", &self.representative, SHORT_TEXT);
        checks.max_len("privacyManager", &self.privacy_manager, SHORT_TEXT);
        checks.max_len("requestDesk", &self.request_desk, LONG_TEXT);
        checks.max_len("complaintDesk", &self.complaint_desk, LONG_TEXT);
        if self.officers.len() > MAX_LIST {
            checks.fail("officers", FieldErrorCode::TooMany, Some(MAX_LIST as i64));
        }
        let mut names = HashSet::new();
        for (i, officer) in self.officers.iter().enumerate() {
            checks.required(&format!("officers[{i}].name"), &officer.name, SHORT_TEXT);
            // A holding's manager names an officer; two of one name could not be told apart.
            if !officer.name.is_empty() && !names.insert(officer.name.as_str()) {
                checks.fail(
                    format!("officers[{i}].name"),
                    FieldErrorCode::Duplicate,
                    None,
                );
            }
            checks.max_len(&format!("officers[{i}].role"), &officer.role, SHORT_TEXT);
            checks.max_len(
                &format!("officers[{i}].contact"),
                &officer.contact,
                LONG_TEXT,
            );
        }
    }
}
