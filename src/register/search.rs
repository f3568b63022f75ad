//! The search across the register (issue 16 item 3): one query over holdings, their data
//! items, requests, complaints, incidents, subcontractors, regular recipients, joint uses,
//! transfers and provision records, answered from the full-text index the write path keeps
//! current (`record::index`), grouped by section.

use super::record::index_all;
use super::Register;
use crate::error::Result;
use crate::model::complaint::Complaint;
use crate::model::holding::Holding;
use crate::model::incident::Incident;
use crate::model::joint_use::JointUse;
use crate::model::provision::{ProvisionRecord, Recipient};
use crate::model::request::Request;
use crate::model::search::{match_expression, SearchGroup, SECTIONS};
use crate::model::subcontractor::Subcontractor;
use crate::model::transfer::Transfer;
use crate::store;
use rusqlite::Connection;

/// How many results a section shows before it says there are more: enough to pick from, few
/// enough that a common two-character term answers at once.
pub const RESULTS_PER_SECTION: usize = 20;

impl Register {
    /// The records `query` finds, by section in [`SECTIONS`] order, sections without results
    /// left out. Every space-separated term must match (see `model::search::match_expression`);
    /// a query with nothing to search by finds nothing.
    pub fn search(&self, query: &str, per_section: usize) -> Result<Vec<SearchGroup>> {
        let Some(expression) = match_expression(query) else {
            return Ok(Vec::new());
        };
        self.read(|conn| {
            let mut groups = Vec::new();
            for section in SECTIONS {
                let (hits, more) = store::search::find(conn, section, &expression, per_section)?;
                if !hits.is_empty() {
                    groups.push(SearchGroup {
                        section: (*section).to_owned(),
                        hits,
                        more,
                    });
                }
            }
            Ok(groups)
        })
    }

    /// Indexes every record written before the index existed, once: on the first open after
    /// migration 0013. A register that cannot take the write now (another process holds it)
    /// is indexed on a later open; until then the search misses only those older records.
    pub(crate) fn build_search_if_needed(&self) {
        let built = self.read(|conn| Ok(store::search::is_built(conn)?));
        if built.unwrap_or(true) {
            return;
        }
        if let Err(e) = self.write(rebuild) {
            tracing::warn!(error = %e, "the search index could not be built on open");
        }
    }
}

/// Empties the index and indexes every searched record kind again.
fn rebuild(tx: &Connection) -> Result<()> {
    store::search::clear(tx)?;
    index_all::<Holding>(tx)?;
    index_all::<Request>(tx)?;
    index_all::<Complaint>(tx)?;
    index_all::<Incident>(tx)?;
    index_all::<Subcontractor>(tx)?;
    index_all::<Recipient>(tx)?;
    index_all::<JointUse>(tx)?;
    index_all::<Transfer>(tx)?;
    index_all::<ProvisionRecord>(tx)?;
    store::search::mark_built(tx)?;
    Ok(())
}
