//! The data-quality panel: what in the register needs attention. Each finding names its
//! section and rule by code, the record it is about, and the values the UI words it with, so
//! the UI renders it in either language and links to the record.

use super::coded_enum;
use serde::Serialize;
use std::collections::BTreeMap;
use ts_rs::TS;

coded_enum!(
    /// The kind of record a finding is about; the UI links to its detail page.
    FindingSection {
        Holding => "holding",
        ProvisionRecord => "provisionRecord",
        Objection => "objection",
        Subcontractor => "subcontractor",
        JointUse => "jointUse",
        Transfer => "transfer",
        PseudonymisedInformation => "pseudonymisedInformation",
        AnonymisedInformation => "anonymisedInformation",
    }
);

coded_enum!(
    /// Which rule found it. Each code has a message in the UI catalogue
    /// (`quality.rule.<code>`), worded with the finding's `params`.
    FindingRule {
        NoRetentionRule => "noRetentionRule",
        NoDisposalMethod => "noDisposalMethod",
        NoAccessHolders => "noAccessHolders",
        NoManager => "noManager",
        ReviewOverdue => "reviewOverdue",
        DueForDisposal => "dueForDisposal",
        ProvisionPastRetention => "provisionPastRetention",
        ObjectionNotApplied => "objectionNotApplied",
        SubcontractorWithoutConsent => "subcontractorWithoutConsent",
        SupervisionOverdue => "supervisionOverdue",
        ForeignSubcontractorWithoutTransfer => "foreignSubcontractorWithoutTransfer",
        JointUseMissingItem => "jointUseMissingItem",
        TransferCheckOverdue => "transferCheckOverdue",
        PseudonymisedPurposesUnpublished => "pseudonymisedPurposesUnpublished",
        AnonymisedItemsUnpublished => "anonymisedItemsUnpublished",
    }
);

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Finding {
    pub section: FindingSection,
    pub rule: FindingRule,
    #[ts(type = "number")]
    pub record_id: i64,
    /// How the record is named in lists: a ledger number and name, a reference.
    pub record_label: String,
    /// Values for the message, e.g. `{"lastReview": "2024-03-01"}`; dates are `YYYY-MM-DD`.
    pub params: BTreeMap<String, String>,
}

impl Finding {
    pub fn new(
        section: FindingSection,
        rule: FindingRule,
        record_id: i64,
        record_label: impl Into<String>,
    ) -> Self {
        Finding {
            section,
            rule,
            record_id,
            record_label: record_label.into(),
            params: BTreeMap::new(),
        }
    }

    pub fn with(mut self, key: &str, value: impl ToString) -> Self {
        self.params.insert(key.to_owned(), value.to_string());
        self
    }
}
