use super::{list_from_json, list_to_json};
use crate::model::request_procedure::{RequestProcedure, RequestProcedureInput};
use rusqlite::{params, Connection, OptionalExtension};

pub fn get(conn: &Connection) -> rusqlite::Result<Option<RequestProcedure>> {
    let row = conn
        .query_row(
            "SELECT forms, identity_documents, agent_identity_documents,
                    legal_representative_proof, appointed_agent_proof, disclosure_fee_yen,
                    provision_record_fee_yen, payment_method, answer_methods, notes, version,
                    updated_at
             FROM request_procedure WHERE id = 1",
            [],
            |row| {
                Ok((
                    row.get::<_, String>(1)?,
                    row.get::<_, String>(2)?,
                    row.get::<_, String>(8)?,
                    RequestProcedure {
                        procedure: RequestProcedureInput {
                            forms: row.get(0)?,
                            identity_documents: Vec::new(),
                            agent_identity_documents: Vec::new(),
                            legal_representative_proof: row.get(3)?,
                            appointed_agent_proof: row.get(4)?,
                            disclosure_fee_yen: row.get(5)?,
                            provision_record_fee_yen: row.get(6)?,
                            payment_method: row.get(7)?,
                            answer_methods: Vec::new(),
                            notes: row.get(9)?,
                        },
                        version: row.get(10)?,
                        updated_at: row.get(11)?,
                    },
                ))
            },
        )
        .optional()?;
    let Some((identity, agent, answers, mut procedure)) = row else {
        return Ok(None);
    };
    procedure.procedure.identity_documents = list_from_json(&identity)?;
    procedure.procedure.agent_identity_documents = list_from_json(&agent)?;
    procedure.procedure.answer_methods = list_from_json(&answers)?;
    Ok(Some(procedure))
}

pub fn put(
    conn: &Connection,
    input: &RequestProcedureInput,
    version: i64,
    updated_at: &str,
) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO request_procedure (id, forms, identity_documents, agent_identity_documents,
                legal_representative_proof, appointed_agent_proof, disclosure_fee_yen,
                provision_record_fee_yen, payment_method, answer_methods, notes, version,
                updated_at)
         VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
         ON CONFLICT (id) DO UPDATE SET
            forms = excluded.forms, identity_documents = excluded.identity_documents,
            agent_identity_documents = excluded.agent_identity_documents,
            legal_representative_proof = excluded.legal_representative_proof,
            appointed_agent_proof = excluded.appointed_agent_proof,
            disclosure_fee_yen = excluded.disclosure_fee_yen,
            provision_record_fee_yen = excluded.provision_record_fee_yen,
            payment_method = excluded.payment_method, answer_methods = excluded.answer_methods,
            notes = excluded.notes, version = excluded.version, updated_at = excluded.updated_at",
        params![
            input.forms,
            list_to_json(&input.identity_documents),
            list_to_json(&input.agent_identity_documents),
            input.legal_representative_proof,
            input.appointed_agent_proof,
            input.disclosure_fee_yen,
            input.provision_record_fee_yen,
            input.payment_method,
            list_to_json(&input.answer_methods),
            input.notes,
            version,
            updated_at
        ],
    )?;
    Ok(())
}
