//! How the organisation counts request deadlines: the days it is closed, the shorter periods a
//! local ordinance sets, and the internal target a private operator gives "without delay".

use super::request::RequestTrack;
use crate::deadline::{Calendar, ClosureRange, DeadlineError, MonthDay, PublicPeriods};
use crate::error::FieldErrorCode;
use crate::validation::{FieldChecks, MAX_LIST};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, HashSet};
use ts_rs::TS;

/// Fourteen days: the art. 39 line after which a requester may sue. A target later than that
/// would let the organisation be sued before its own target is missed.
pub const DEFAULT_PRIVATE_TARGET_DAYS: u32 = 14;
/// Most recurring closures accepted; an office has a handful (year end, summer, foundation day).
pub const MAX_RECURRING_CLOSURES: usize = 50;

/// What the settings form edits. Until the organisation saves its own, [`Default`] applies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct DeadlineSettingsInput {
    /// Closures recurring every year, in the order entered. The default is 12/29–1/3, the public
    /// bodies' year-end closure; saving an empty list means the organisation has none.
    pub recurring_closures: Vec<ClosureRange>,
    /// Single closure days.
    pub closed_dates: Vec<NaiveDate>,
    /// A local ordinance's decision period in days (arts. 83(1), 94(1), 102(1)): at most the
    /// statute's 30, and applied only to requests on the local-government track.
    pub ordinance_decision_days: Option<u32>,
    /// A local ordinance's extension in days (arts. 83(2), 94(2), 102(2)): at most 30.
    pub ordinance_extension_days: Option<u32>,
    /// A private operator's internal target for answering a request, in days after receipt.
    pub private_target_days: u32,
}

impl Default for DeadlineSettingsInput {
    fn default() -> Self {
        DeadlineSettingsInput {
            recurring_closures: vec![ClosureRange::YEAR_END],
            closed_dates: Vec::new(),
            ordinance_decision_days: None,
            ordinance_extension_days: None,
            private_target_days: DEFAULT_PRIVATE_TARGET_DAYS,
        }
    }
}

/// The stored settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct DeadlineSettings {
    #[serde(flatten)]
    pub settings: DeadlineSettingsInput,
    #[ts(type = "number")]
    pub version: i64,
    pub updated_at: String,
}

impl DeadlineSettingsInput {
    /// The calendar public-body periods are counted on: weekends, national holidays and the
    /// organisation's closures.
    pub fn calendar(&self) -> Result<Calendar, DeadlineError> {
        Calendar::with_closures(self.recurring_closures.clone(), self.closed_dates.clone())
    }

    /// The periods that apply on `track`: the statute's, shortened by ordinance only for a
    /// local government.
    pub fn public_periods(&self, track: RequestTrack) -> PublicPeriods {
        let statutory = PublicPeriods::STATUTORY;
        if track != RequestTrack::LocalGovernment {
            return statutory;
        }
        PublicPeriods {
            decision_days: self
                .ordinance_decision_days
                .unwrap_or(statutory.decision_days),
            extension_days: self
                .ordinance_extension_days
                .unwrap_or(statutory.extension_days),
            large_volume_days: statutory.large_volume_days,
        }
    }

    pub(crate) fn collect_errors(&self, checks: &mut FieldChecks) {
        if self.recurring_closures.len() > MAX_RECURRING_CLOSURES {
            checks.fail(
                "recurringClosures",
                FieldErrorCode::TooMany,
                Some(MAX_RECURRING_CLOSURES as i64),
            );
        }
        let mut seen = BTreeSet::new();
        for (i, range) in self.recurring_closures.iter().enumerate() {
            let mut valid = true;
            for (end, day) in [("from", range.from), ("to", range.to)] {
                if MonthDay::new(day.month, day.day).is_err() {
                    valid = false;
                    checks.fail_with(
                        format!("recurringClosures[{i}].{end}"),
                        FieldErrorCode::OutOfRange,
                        format!("{}/{} is not a day of the year", day.month, day.day),
                    );
                }
            }
            if valid && !seen.insert((range.from, range.to)) {
                checks.fail(
                    format!("recurringClosures[{i}]"),
                    FieldErrorCode::Duplicate,
                    None,
                );
            }
        }
        if self.closed_dates.len() > MAX_LIST {
            checks.fail(
                "closedDates",
                FieldErrorCode::TooMany,
                Some(MAX_LIST as i64),
            );
        }
        let mut dates = HashSet::new();
        for (i, date) in self.closed_dates.iter().enumerate() {
            let field = format!("closedDates[{i}]");
            checks.date(&field, *date);
            if !dates.insert(date) {
                checks.fail(field, FieldErrorCode::Duplicate, None);
            }
        }
        let statutory = PublicPeriods::STATUTORY;
        let ordinance = [
            (
                "ordinanceDecisionDays",
                self.ordinance_decision_days,
                statutory.decision_days,
            ),
            (
                "ordinanceExtensionDays",
                self.ordinance_extension_days,
                statutory.extension_days,
            ),
        ];
        for (field, days, max) in ordinance {
            if let Some(days) = days.filter(|d| *d == 0 || *d > max) {
                checks.fail_with(
                    field,
                    FieldErrorCode::OutOfRange,
                    format!(
                        "{field} must be between 1 and {max} days, not {days}: an ordinance \
                         may shorten the statutory period but never lengthen it"
                    ),
                );
            }
        }
        checks.range(
            "privateTargetDays",
            i64::from(self.private_target_days),
            1,
            365,
        );
    }
}
