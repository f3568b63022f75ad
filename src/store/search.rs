//! SQL of the search across the register (`search_entry` and the FTS5 table `search_index`,
//! migration 0013). The tokens come from `model::search`; nothing here decides what a record
//! is found by.

use crate::model::search::{tokens, SearchDoc, SearchHit};
use rusqlite::{params, Connection, OptionalExtension};

/// Replaces the entries record `owner`/`owner_id` is found by with `docs`.
pub fn replace(
    conn: &Connection,
    owner: &str,
    owner_id: i64,
    docs: &[SearchDoc],
) -> rusqlite::Result<()> {
    remove(conn, owner, owner_id)?;
    let mut entry = conn.prepare_cached(
        "INSERT INTO search_entry (owner, owner_id, section, title, detail)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    let mut index = conn.prepare_cached(
        "INSERT INTO search_index (rowid, section, words, chars) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for doc in docs {
        entry.execute(params![owner, owner_id, doc.section, doc.title, doc.detail])?;
        let rowid = conn.last_insert_rowid();
        let mut words = Vec::new();
        let mut chars = Vec::new();
        for text in &doc.texts {
            let t = tokens(text);
            words.extend(t.words);
            chars.extend(t.chars);
        }
        // Single characters repeat a lot; once each is enough to be found.
        chars.sort_unstable();
        chars.dedup();
        index.execute(params![
            rowid,
            doc.section,
            words.join(" "),
            chars.join(" ")
        ])?;
    }
    Ok(())
}

/// Removes the entries of a deleted record.
pub fn remove(conn: &Connection, owner: &str, owner_id: i64) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "DELETE FROM search_index WHERE rowid IN
           (SELECT id FROM search_entry WHERE owner = ?1 AND owner_id = ?2)",
    )?
    .execute(params![owner, owner_id])?;
    conn.prepare_cached("DELETE FROM search_entry WHERE owner = ?1 AND owner_id = ?2")?
        .execute(params![owner, owner_id])?;
    Ok(())
}

/// Up to `limit` entries of `section` matching `expression` (a full-text query from
/// `model::search::match_expression`), newest first, and whether there were more. Newest
/// first rather than by relevance: FTS5 walks its rowids in order and stops at the limit,
/// where ranking would score every match, which for a common two-character term in a large
/// register is thousands of rows per keystroke.
pub fn find(
    conn: &Connection,
    section: &str,
    expression: &str,
    limit: usize,
) -> rusqlite::Result<(Vec<SearchHit>, bool)> {
    let mut statement = conn.prepare_cached(
        "SELECT e.owner_id, e.title, e.detail
           FROM search_index
           JOIN search_entry e ON e.id = search_index.rowid
          WHERE search_index MATCH ?1
          ORDER BY search_index.rowid DESC
          LIMIT ?2",
    )?;
    let query = format!("section:\"{section}\" AND ({expression})");
    let mut hits = statement
        .query_map(params![query, limit as i64 + 1], |row| {
            Ok(SearchHit {
                record_id: row.get(0)?,
                title: row.get(1)?,
                detail: row.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let more = hits.len() > limit;
    hits.truncate(limit);
    Ok((hits, more))
}

/// Whether the index holds every record (see the migration).
pub fn is_built(conn: &Connection) -> rusqlite::Result<bool> {
    Ok(conn
        .query_row("SELECT built FROM search_state WHERE id = 1", [], |row| {
            row.get::<_, i64>(0)
        })
        .optional()?
        == Some(1))
}

/// Empties the index before it is built again from the records.
pub fn clear(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO search_index (search_index) VALUES ('delete-all')",
        [],
    )?;
    conn.execute("DELETE FROM search_entry", [])?;
    Ok(())
}

pub fn mark_built(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute("UPDATE search_state SET built = 1 WHERE id = 1", [])?;
    Ok(())
}
