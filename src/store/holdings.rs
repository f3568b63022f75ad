use super::{list_from_json, list_to_json, object_from_json, object_to_json};
use crate::model::holding::{
    DataItem, FileRegisterItems, Holding, HoldingInput, NumberMasking, RetentionRule,
};
use rusqlite::{params, Connection, OptionalExtension, Row};
use std::collections::HashMap;

const COLUMNS: &str =
    "id, ledger_no, name, department, business_process, manager, persons_recorded,
    approx_count, acquisition_method, acquisition_sources, purposes, purpose_notice, consent,
    consent_note, medium, storage_place, storage_method, access_holders, use_deadline,
    retention_years, retention_months, retention_trigger, retention_trigger_note,
    retention_legal_basis, disposal_method, disposal_note, retained_personal_data, last_review,
    next_review, regular_recipients, file_register_exemption, withheld_items, special_procedure,
    notes, version, created_at, updated_at, number_affairs, number_masking, number_masking_note,
    duty_basis, consent_details";

fn from_row(row: &Row<'_>) -> rusqlite::Result<Holding> {
    let retention = match row.get::<_, Option<u32>>(19)? {
        Some(years) => Some(RetentionRule {
            years,
            months: row.get(20)?,
            trigger: row.get(21)?,
            trigger_note: row.get(22)?,
            legal_basis: row.get(23)?,
        }),
        None => None,
    };
    Ok(Holding {
        id: row.get(0)?,
        fields: HoldingInput {
            ledger_no: row.get(1)?,
            name: row.get(2)?,
            department: row.get(3)?,
            business_process: row.get(4)?,
            manager: row.get(5)?,
            duty_basis: row.get(40)?,
            data_items: Vec::new(),
            persons_recorded: row.get(6)?,
            approx_count: row.get(7)?,
            acquisition_method: row.get(8)?,
            acquisition_sources: list_from_json(&row.get::<_, String>(9)?)?,
            purposes: list_from_json(&row.get::<_, String>(10)?)?,
            purpose_notice: list_from_json(&row.get::<_, String>(11)?)?,
            consent: row.get(12)?,
            consent_note: row.get(13)?,
            consent_details: object_from_json(&row.get::<_, String>(41)?)?,
            medium: row.get(14)?,
            storage_place: row.get(15)?,
            storage_method: row.get(16)?,
            access_holders: list_from_json(&row.get::<_, String>(17)?)?,
            use_deadline: row.get(18)?,
            retention,
            disposal_method: row.get(24)?,
            disposal_note: row.get(25)?,
            retained_personal_data: row.get(26)?,
            last_review: row.get(27)?,
            next_review: row.get(28)?,
            file_register: FileRegisterItems {
                regular_recipients: list_from_json(&row.get::<_, String>(29)?)?,
                exemption: row.get(30)?,
                withheld_items: list_from_json(&row.get::<_, String>(31)?)?,
                special_procedure: row.get(32)?,
            },
            number_affairs: list_from_json(&row.get::<_, String>(37)?)?,
            number_masking: match row.get::<_, Option<_>>(38)? {
                Some(method) => Some(NumberMasking {
                    method,
                    note: row.get(39)?,
                }),
                None => None,
            },
            notes: row.get(33)?,
        },
        version: row.get(34)?,
        created_at: row.get(35)?,
        updated_at: row.get(36)?,
    })
}

fn items_by_holding(
    conn: &Connection,
    holding_id: Option<i64>,
) -> rusqlite::Result<HashMap<i64, Vec<DataItem>>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT holding_id, id, name, sensitive, my_number, purposes, sources FROM holding_data_item
         WHERE {} ORDER BY holding_id, position",
        super::owned_by("holding_id", holding_id)
    ))?;
    let rows = stmt.query_map([holding_id], |row| {
        Ok((
            row.get::<_, i64>(0)?,
            DataItem {
                id: Some(row.get(1)?),
                name: row.get(2)?,
                sensitive: row.get(3)?,
                my_number: row.get(4)?,
                purposes: list_from_json(&row.get::<_, String>(5)?)?,
                sources: list_from_json(&row.get::<_, String>(6)?)?,
            },
        ))
    })?;
    let mut map: HashMap<i64, Vec<DataItem>> = HashMap::new();
    for row in rows {
        let (holding, item) = row?;
        map.entry(holding).or_default().push(item);
    }
    Ok(map)
}

pub fn list(conn: &Connection) -> rusqlite::Result<Vec<Holding>> {
    let mut items = items_by_holding(conn, None)?;
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM holding ORDER BY ledger_no, id"
    ))?;
    let rows = stmt.query_map([], from_row)?;
    rows.map(|row| {
        row.map(|mut holding| {
            holding.fields.data_items = items.remove(&holding.id).unwrap_or_default();
            holding
        })
    })
    .collect()
}

pub fn get(conn: &Connection, id: i64) -> rusqlite::Result<Option<Holding>> {
    let holding = conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM holding WHERE id = ?1"),
            [id],
            from_row,
        )
        .optional()?;
    Ok(match holding {
        Some(mut holding) => {
            holding.fields.data_items = items_by_holding(conn, Some(id))?
                .remove(&id)
                .unwrap_or_default();
            Some(holding)
        }
        None => None,
    })
}

pub fn exists(conn: &Connection, id: i64) -> rusqlite::Result<bool> {
    conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM holding WHERE id = ?1)",
        [id],
        |row| row.get(0),
    )
}

/// Inserts a holding with the given id (an import) or a new one; returns the id.
pub fn insert(
    conn: &Connection,
    id: Option<i64>,
    input: &HoldingInput,
    version: i64,
    created_at: &str,
    updated_at: &str,
) -> rusqlite::Result<i64> {
    conn.execute(
        &format!(
            "INSERT INTO holding ({COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,
            ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27,
            ?28, ?29, ?30, ?31, ?32, ?33, ?34, ?35, ?36, ?37, ?38, ?39, ?40, ?41, ?42)"
        ),
        rusqlite::params_from_iter(values(id, input, version, created_at, updated_at)),
    )?;
    Ok(conn.last_insert_rowid())
}

pub fn update(
    conn: &Connection,
    id: i64,
    input: &HoldingInput,
    version: i64,
    updated_at: &str,
) -> rusqlite::Result<()> {
    let assignments: Vec<String> = COLUMNS
        .split(',')
        .map(str::trim)
        .enumerate()
        .filter(|(_, c)| *c != "id" && *c != "created_at")
        .map(|(i, c)| format!("{c} = ?{}", i + 1))
        .collect();
    conn.execute(
        &format!(
            "UPDATE holding SET {} WHERE id = ?1",
            assignments.join(", ")
        ),
        rusqlite::params_from_iter(values(Some(id), input, version, "", updated_at)),
    )?;
    Ok(())
}

fn values(
    id: Option<i64>,
    h: &HoldingInput,
    version: i64,
    created_at: &str,
    updated_at: &str,
) -> Vec<rusqlite::types::Value> {
    use rusqlite::types::Value as V;
    let text = |s: &str| V::Text(s.to_owned());
    let opt_text = |s: Option<&str>| s.map_or(V::Null, |s| V::Text(s.to_owned()));
    let int = |n: i64| V::Integer(n);
    let flag = |b: bool| V::Integer(i64::from(b));
    let date = |d: Option<chrono::NaiveDate>| {
        d.map_or(V::Null, |d| V::Text(d.format("%Y-%m-%d").to_string()))
    };
    let rule = h.retention.as_ref();
    vec![
        id.map_or(V::Null, int),
        text(&h.ledger_no),
        text(&h.name),
        text(&h.department),
        text(&h.business_process),
        text(&h.manager),
        text(&h.persons_recorded),
        h.approx_count.map_or(V::Null, int),
        text(h.acquisition_method.code()),
        text(&list_to_json(&h.acquisition_sources)),
        text(&list_to_json(&h.purposes)),
        text(&list_to_json(&h.purpose_notice)),
        text(h.consent.code()),
        text(&h.consent_note),
        text(h.medium.code()),
        text(&h.storage_place),
        text(&h.storage_method),
        text(&list_to_json(&h.access_holders)),
        text(&h.use_deadline),
        rule.map_or(V::Null, |r| int(i64::from(r.years))),
        rule.map_or(V::Null, |r| int(i64::from(r.months))),
        opt_text(rule.map(|r| r.trigger.code())),
        opt_text(rule.map(|r| r.trigger_note.as_str())),
        opt_text(rule.map(|r| r.legal_basis.as_str())),
        opt_text(h.disposal_method.map(|m| m.code())),
        text(&h.disposal_note),
        flag(h.retained_personal_data),
        date(h.last_review),
        date(h.next_review),
        text(&list_to_json(&h.file_register.regular_recipients)),
        text(&h.file_register.exemption),
        text(&list_to_json(&h.file_register.withheld_items)),
        text(&h.file_register.special_procedure),
        text(&h.notes),
        int(version),
        text(created_at),
        text(updated_at),
        text(&list_to_json(&h.number_affairs)),
        opt_text(h.number_masking.as_ref().map(|m| m.method.code())),
        opt_text(h.number_masking.as_ref().map(|m| m.note.as_str())),
        text(&h.duty_basis),
        text(&object_to_json(&h.consent_details)),
    ]
}

/// Ids of the data items a holding has now.
pub fn item_ids(conn: &Connection, holding_id: i64) -> rusqlite::Result<Vec<i64>> {
    let mut stmt = conn.prepare("SELECT id FROM holding_data_item WHERE holding_id = ?1")?;
    let rows = stmt.query_map([holding_id], |row| row.get(0))?;
    rows.collect()
}

/// Makes the stored items equal to `items`: kept items keep their ids (links to them survive),
/// new ones are added, missing ones removed. Item ids must already be checked to belong to
/// this holding.
pub fn replace_items(
    conn: &Connection,
    holding_id: i64,
    items: &[DataItem],
) -> rusqlite::Result<()> {
    let kept: Vec<i64> = items.iter().filter_map(|i| i.id).collect();
    for existing in item_ids(conn, holding_id)? {
        if !kept.contains(&existing) {
            conn.execute("DELETE FROM holding_data_item WHERE id = ?1", [existing])?;
        }
    }
    // Move kept items out of the way first: reordering or swapping names would otherwise
    // collide with the UNIQUE constraints halfway through.
    conn.execute(
        "UPDATE holding_data_item SET position = 1000000 + id, name = char(1) || id WHERE holding_id = ?1",
        [holding_id],
    )?;
    for (position, item) in items.iter().enumerate() {
        match item.id {
            Some(id) => conn.execute(
                "UPDATE holding_data_item SET position = ?2, name = ?3, sensitive = ?4, my_number = ?5,
                 purposes = ?6, sources = ?7 WHERE id = ?1",
                params![
                    id,
                    position as i64,
                    item.name,
                    item.sensitive,
                    item.my_number,
                    list_to_json(&item.purposes),
                    list_to_json(&item.sources)
                ],
            )?,
            None => conn.execute(
                "INSERT INTO holding_data_item (holding_id, position, name, sensitive, my_number,
                 purposes, sources) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    holding_id,
                    position as i64,
                    item.name,
                    item.sensitive,
                    item.my_number,
                    list_to_json(&item.purposes),
                    list_to_json(&item.sources)
                ],
            )?,
        };
    }
    Ok(())
}

/// Inserts items keeping their ids, for an import that must reproduce the exported register.
pub fn insert_items_with_ids(
    conn: &Connection,
    holding_id: i64,
    items: &[DataItem],
) -> rusqlite::Result<()> {
    for (position, item) in items.iter().enumerate() {
        conn.execute(
            "INSERT INTO holding_data_item (id, holding_id, position, name, sensitive, my_number,
             purposes, sources) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                item.id,
                holding_id,
                position as i64,
                item.name,
                item.sensitive,
                item.my_number,
                list_to_json(&item.purposes),
                list_to_json(&item.sources)
            ],
        )?;
    }
    Ok(())
}

pub fn delete(conn: &Connection, id: i64) -> rusqlite::Result<usize> {
    conn.execute("DELETE FROM holding WHERE id = ?1", [id])
}
