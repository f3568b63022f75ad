//! Pseudonymised information held (仮名加工情報, APPI art. 41) and anonymised information
//! produced and provided (匿名加工情報, APPI arts. 43 and 44) through the register. Both are
//! sections like the consent matters: one row linked to the holdings it was made from, the
//! shared write path, and the holding the information was made from kept while it is named.
//! Anonymised information also keeps its provisions to third parties as child rows.

use super::controls::{new_record, section_checks, section_record, Section};
use super::record::{record_basics, stored_with_children, Record, Removable};
use super::Register;
use crate::audit::Entity;
use crate::error::{FieldErrorCode, Result};
use crate::model::anonymised::{AnonymisedInformation, AnonymisedInformationInput};
use crate::model::pseudonymised::{PseudonymisedInformation, PseudonymisedInformationInput};
use crate::store;
use crate::store::sections::{self, Table};
use crate::validation::FieldChecks;
use rusqlite::Connection;

section_record!(
    PseudonymisedInformation,
    Entity::PseudonymisedInformation,
    "pseudonymised information",
    label: name
);

impl Record for AnonymisedInformation {
    const ENTITY: Entity = Entity::AnonymisedInformation;
    const NAME: &'static str = "anonymised information";
    record_basics!(label: name);
    stored_with_children!(anonymised);
    fn checks(&self, conn: &Connection, before: Option<&Self>) -> Result<FieldChecks> {
        section_checks(conn, self, before.map(|b| b.id))
    }
}

/// Nothing else in the register names either kind, so nothing holds back their deletion; the
/// trail keeps what was deleted.
impl Removable for PseudonymisedInformation {
    fn remove(conn: &Connection, id: i64) -> Result<()> {
        sections::delete::<Self>(conn, id)?;
        Ok(())
    }
}

impl Removable for AnonymisedInformation {
    fn remove(conn: &Connection, id: i64) -> Result<()> {
        // The provisions and holding links go with the row (ON DELETE CASCADE).
        sections::delete::<Self>(conn, id)?;
        Ok(())
    }
}

impl Section for PseudonymisedInformation {
    fn collect_errors(&self, checks: &mut FieldChecks) {
        self.fields.collect_errors(checks);
    }
    fn register_checks(&self, conn: &Connection, checks: &mut FieldChecks) -> Result<()> {
        unique_name::<Self>(conn, self.id, &self.fields.name, |r| &r.fields.name, checks)
    }
}

impl Section for AnonymisedInformation {
    fn collect_errors(&self, checks: &mut FieldChecks) {
        self.fields.collect_errors(checks);
    }
    fn register_checks(&self, conn: &Connection, checks: &mut FieldChecks) -> Result<()> {
        unique_name::<Self>(conn, self.id, &self.fields.name, |r| &r.fields.name, checks)
    }
}

/// Two records with one name would print as one line in the announcement, and the officer
/// could not tell which one a publication belongs to.
fn unique_name<S: Section>(
    conn: &Connection,
    id: i64,
    name: &str,
    name_of: impl Fn(&S) -> &String,
    checks: &mut FieldChecks,
) -> Result<()> {
    if !name.is_empty()
        && S::list(conn)?
            .iter()
            .any(|r| Table::row_id(r) != id && name_of(r) == name)
    {
        checks.fail("name", FieldErrorCode::Duplicate, None);
    }
    Ok(())
}

impl Register {
    // --- pseudonymised information (art. 41) --------------------------------------------

    pub fn pseudonymised_information(&self) -> Result<Vec<PseudonymisedInformation>> {
        self.section_list()
    }

    pub fn pseudonymised(&self, id: i64) -> Result<PseudonymisedInformation> {
        self.section_get(id)
    }

    pub fn create_pseudonymised(
        &self,
        mut input: PseudonymisedInformationInput,
        actor: &str,
    ) -> Result<PseudonymisedInformation> {
        input.tidy();
        self.create_section(
            new_record(input, |id, fields, v, c, u| PseudonymisedInformation {
                id,
                fields,
                version: v,
                created_at: c,
                updated_at: u,
            }),
            actor,
        )
    }

    pub fn update_pseudonymised(
        &self,
        id: i64,
        expected_version: i64,
        mut input: PseudonymisedInformationInput,
        actor: &str,
    ) -> Result<PseudonymisedInformation> {
        input.tidy();
        self.update_section(
            id,
            expected_version,
            actor,
            |r: &mut PseudonymisedInformation| r.fields = input,
        )
    }

    pub fn delete_pseudonymised(&self, id: i64, expected_version: i64, actor: &str) -> Result<()> {
        self.delete_section::<PseudonymisedInformation>(id, expected_version, actor)
    }

    // --- anonymised information (art. 43) -----------------------------------------------

    /// Newest production first.
    pub fn anonymised_information(&self) -> Result<Vec<AnonymisedInformation>> {
        self.section_list()
    }

    pub fn anonymised(&self, id: i64) -> Result<AnonymisedInformation> {
        self.section_get(id)
    }

    pub fn create_anonymised(
        &self,
        mut input: AnonymisedInformationInput,
        actor: &str,
    ) -> Result<AnonymisedInformation> {
        input.tidy();
        self.create_section(
            new_record(input, |id, fields, v, c, u| AnonymisedInformation {
                id,
                fields,
                version: v,
                created_at: c,
                updated_at: u,
            }),
            actor,
        )
    }

    pub fn update_anonymised(
        &self,
        id: i64,
        expected_version: i64,
        mut input: AnonymisedInformationInput,
        actor: &str,
    ) -> Result<AnonymisedInformation> {
        input.tidy();
        self.update_section(
            id,
            expected_version,
            actor,
            |r: &mut AnonymisedInformation| r.fields = input,
        )
    }

    pub fn delete_anonymised(&self, id: i64, expected_version: i64, actor: &str) -> Result<()> {
        self.delete_section::<AnonymisedInformation>(id, expected_version, actor)
    }
}
