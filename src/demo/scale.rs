//! A generated register at the size of a ministry (issue 20): `daicho demo --scale N` writes
//! N holdings of 5 to 15 items in 20 departments, 10·N requests received over three years,
//! N/2 complaints and N/20 incidents, each with its audit entry, so that speed can be measured
//! at the sizes an office reaches (`make bench`) and tested at small ones.
//!
//! The records are the demo's, copied: the demo register is built in memory through the
//! public verbs (so every template passed the register's rules and state machines), then each
//! generated record is a copy of one template with its own ids, references, links and dates.
//! Every date of a copy moves by the same number of days, which keeps each request's, each
//! complaint's and each incident's steps in the order and distance the rules checked. The
//! copies are written in one transaction through the import's insert path
//! (`record::import`: stored, reloaded, audited), so the generator is as fast as an import
//! and writes nothing if any record is refused.
//!
//! Deterministic: the same seed, size and day give the same register. Dates count back from
//! today, as the demo's do, so that the deadlines screens show what an office sees.

use crate::document::{self, RegisterDocument};
use crate::error::{CoreError, Result};
use crate::model::complaint::Complaint;
use crate::model::holding::{DataItem, Holding};
use crate::model::incident::Incident;
use crate::model::request::Request;
use crate::register::record;
use crate::register::Register;
use chrono::{Days, NaiveDate};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

/// What the generator wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScaleSummary {
    pub holdings: usize,
    pub requests: usize,
    pub complaints: usize,
    pub incidents: usize,
}

impl ScaleSummary {
    /// The sizes of each section for a register of `holdings` holdings.
    pub fn for_holdings(holdings: usize) -> Self {
        ScaleSummary {
            holdings,
            requests: holdings * 10,
            complaints: holdings / 2,
            incidents: holdings / 20,
        }
    }
}

/// A ministry's departments; the ledger prints each on its own pages.
const DEPARTMENTS: [&str; 20] = [
    "大臣官房総務課",
    "大臣官房人事課",
    "大臣官房会計課",
    "大臣官房情報システム室",
    "政策統括室",
    "医政局総務課",
    "健康局健康課",
    "医薬局総務課",
    "労働基準局監督課",
    "職業安定局雇用政策課",
    "雇用環境・均等局総務課",
    "社会・援護局保護課",
    "障害保健福祉部企画課",
    "老健局介護保険計画課",
    "保険局国民健康保険課",
    "年金局事業管理課",
    "人材開発統括官付政策企画室",
    "統計情報部企画調整課",
    "地方厚生局管理課",
    "国立保健医療科学院総務部",
];

/// Items added to a template's own until a holding has as many as it was dealt.
const EXTRA_ITEMS: [&str; 14] = [
    "住所",
    "電話番号",
    "メールアドレス",
    "勤務先",
    "職歴",
    "学歴",
    "家族構成",
    "申請年月日",
    "受付番号",
    "処理状況",
    "担当者メモ",
    "口座情報",
    "資格の種別",
    "備考",
];

const FAMILY_NAMES: [&str; 12] = [
    "佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤", "吉田", "山田",
];
const GIVEN_NAMES: [&str; 12] = [
    "一郎",
    "花子",
    "健",
    "美咲",
    "直人",
    "由美",
    "翔太",
    "陽菜",
    "大輔",
    "さくら",
    "拓也",
    "結衣",
];

/// Requests are received over this many days before today.
const SPAN_DAYS: u64 = 3 * 365;
/// A copy is dated at least this many days back, so that every step of the longest template
/// (a request closed 15 days after receipt) still lies before today.
const MIN_AGE_DAYS: u64 = 25;
/// Copies of still-open templates are received within this many days; older requests are
/// copies of the closed one, as an office's are.
const OPEN_WITHIN_DAYS: u64 = 60;

/// Fills an empty register with a generated register of `holdings` holdings (see the module
/// comment), all in one transaction. Refused, with nothing written, when the register holds
/// records.
pub fn load(register: &Register, holdings: usize, seed: u64, actor: &str) -> Result<ScaleSummary> {
    if !register.is_empty()? {
        return Err(CoreError::Conflict(
            "the register already holds records; a generated register loads only into an \
             empty register"
                .to_owned(),
        ));
    }
    let templates = templates(actor)?;
    let sizes = ScaleSummary::for_holdings(holdings);
    let mut generator = Generator {
        rng: SplitMix64(seed),
        today: crate::clock::today(),
        holdings: holdings as i64,
        next_item: 0,
        next_child: 0,
    };
    register.write_all(|tx| {
        document::import_profiles(tx, actor, &templates)?;
        for id in 1..=sizes.holdings {
            let holding = generator.holding(&templates.holdings, id as i64);
            record::import(tx, actor, &holding)?;
        }
        for id in 1..=sizes.requests {
            let request = generator.request(&templates.requests, id as i64)?;
            record::import(tx, actor, &request)?;
        }
        for id in 1..=sizes.complaints {
            let complaint = generator.complaint(&templates.complaints, id as i64)?;
            record::import(tx, actor, &complaint)?;
        }
        let incidents: Vec<Incident> = templates
            .incidents
            .iter()
            // A copy names no subcontractor: the generated register has none.
            .filter(|i| i.fields.entrustee_id.is_none())
            .cloned()
            .collect();
        for id in 1..=sizes.incidents {
            let incident = generator.incident(&incidents, id as i64)?;
            record::import(tx, actor, &incident)?;
        }
        Ok(())
    })?;
    Ok(sizes)
}

/// The demo register, built in memory through the public verbs, as a document.
fn templates(actor: &str) -> Result<RegisterDocument> {
    let demo = Register::open_in_memory()?;
    super::load(&demo, actor)?;
    let templates = document::export(&demo)?;
    let missing = [
        ("holdings", templates.holdings.is_empty()),
        ("requests", templates.requests.is_empty()),
        ("complaints", templates.complaints.is_empty()),
        (
            "incidents",
            !templates
                .incidents
                .iter()
                .any(|i| i.fields.entrustee_id.is_none()),
        ),
    ];
    if let Some((section, _)) = missing.iter().find(|(_, empty)| *empty) {
        return Err(CoreError::Integrity(format!(
            "the demo register has no {section} to copy"
        )));
    }
    Ok(templates)
}

/// SplitMix64 (Steele, Lea and Flood 2014): a few lines, well mixed, and the same sequence
/// on every platform, which is all a deterministic test register needs.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

struct Generator {
    rng: SplitMix64,
    today: NaiveDate,
    holdings: i64,
    /// The last data item id given out: item ids are unique across the register.
    next_item: i64,
    /// The last id given to a pause, timeline entry, action, filing or notice: each kind's
    /// ids are unique across the register, and one counter keeps them so.
    next_child: i64,
}

impl Generator {
    fn holding(&mut self, templates: &[Holding], id: i64) -> Holding {
        let mut holding = templates[(id as usize - 1) % templates.len()].clone();
        let wanted = 5 + self.rng.below(11) as usize;
        let items = &mut holding.fields.data_items;
        for name in EXTRA_ITEMS {
            if items.len() >= wanted {
                break;
            }
            if !items.iter().any(|item| item.name == name) {
                items.push(DataItem {
                    id: None,
                    name: name.to_owned(),
                    sensitive: false,
                    my_number: false,
                    purposes: Vec::new(),
                    sources: Vec::new(),
                });
            }
        }
        for item in items.iter_mut() {
            self.next_item += 1;
            item.id = Some(self.next_item);
        }
        holding.id = id;
        holding.fields.ledger_no = format!("H-{id:05}");
        holding.fields.name = format!("{}（第{id}号）", holding.fields.name);
        holding.fields.department = (*self.rng.pick(&DEPARTMENTS)).to_owned();
        let age = SPAN_DAYS + self.rng.below(365);
        let created = self.days_ago(age);
        holding.version = 1;
        holding.created_at = format!("{created}T09:00:00Z");
        holding.updated_at = holding.created_at.clone();
        holding
    }

    fn request(&mut self, templates: &[Request], id: i64) -> Result<Request> {
        let age = MIN_AGE_DAYS + self.rng.below(SPAN_DAYS - MIN_AGE_DAYS);
        // Old requests are closed; recent ones are at any step.
        let template = if age < OPEN_WITHIN_DAYS {
            self.rng.pick(templates)
        } else {
            templates
                .iter()
                .find(|r| r.closed_on.is_some())
                .unwrap_or(&templates[0])
        };
        let received = self.days_ago(age);
        let mut request: Request = moved(template, template.fields.received_on, received)?;
        request.id = id;
        request.fields.reference = format!("R-{id:06}");
        request.fields.requester_name = self.person();
        request.fields.holding_ids = self.holding_links();
        for pause in &mut request.pauses {
            pause.id = self.child();
        }
        for event in &mut request.timeline {
            event.id = self.child();
        }
        Ok(request)
    }

    fn complaint(&mut self, templates: &[Complaint], id: i64) -> Result<Complaint> {
        let template = self.rng.pick(templates);
        let age = MIN_AGE_DAYS + self.rng.below(SPAN_DAYS - MIN_AGE_DAYS);
        let received = self.days_ago(age);
        let mut complaint: Complaint = moved(template, template.fields.received_on, received)?;
        complaint.id = id;
        complaint.fields.reference = format!("C-{id:05}");
        if !complaint.fields.complainant.is_empty() {
            complaint.fields.complainant = self.person();
        }
        complaint.fields.holding_ids = self.holding_links();
        for action in &mut complaint.actions {
            action.id = self.child();
        }
        Ok(complaint)
    }

    fn incident(&mut self, templates: &[Incident], id: i64) -> Result<Incident> {
        let template = self.rng.pick(templates);
        let age = MIN_AGE_DAYS + self.rng.below(SPAN_DAYS - MIN_AGE_DAYS);
        let aware = template.fields.aware_at.date_naive();
        let mut incident: Incident = moved(template, aware, self.days_ago(age))?;
        incident.id = id;
        incident.fields.reference = format!("I-{id:04}");
        incident.fields.holding_ids = self.holding_links();
        for item in &mut incident.fields.items {
            // A soft link to a ledger item; the copy's holdings have other items.
            item.data_item_id = None;
        }
        for filing in &mut incident.filings {
            filing.id = self.child();
        }
        for notice in &mut incident.notices {
            notice.id = self.child();
        }
        for event in &mut incident.timeline {
            event.id = self.child();
        }
        Ok(incident)
    }

    fn days_ago(&self, days: u64) -> NaiveDate {
        self.today
            .checked_sub_days(Days::new(days))
            .unwrap_or(self.today)
    }

    fn child(&mut self) -> i64 {
        self.next_child += 1;
        self.next_child
    }

    fn person(&mut self) -> String {
        format!(
            "{} {}",
            self.rng.pick(&FAMILY_NAMES),
            self.rng.pick(&GIVEN_NAMES)
        )
    }

    /// One to three distinct holdings.
    fn holding_links(&mut self) -> Vec<i64> {
        let mut links = Vec::new();
        for _ in 0..=self.rng.below(3) {
            let id = 1 + self.rng.below(self.holdings as u64) as i64;
            if !links.contains(&id) {
                links.push(id);
            }
        }
        links
    }
}

/// A copy of `record` with every date and timestamp in it moved by the days from `from` to
/// `to`, so that its steps keep their order and distance.
fn moved<R: Serialize + DeserializeOwned>(record: &R, from: NaiveDate, to: NaiveDate) -> Result<R> {
    let days = to.signed_duration_since(from).num_days();
    let mut value = serde_json::to_value(record)
        .map_err(|e| CoreError::Integrity(format!("copying a demo record: {e}")))?;
    move_dates(&mut value, days);
    serde_json::from_value(value)
        .map_err(|e| CoreError::Integrity(format!("copying a demo record: {e}")))
}

/// Moves every `YYYY-MM-DD` string, and the date of every RFC 3339 timestamp, by `days`. A
/// timestamp's time becomes 09:00 UTC: the templates were written moments ago, and their
/// times would make two runs differ.
fn move_dates(value: &mut Value, days: i64) {
    match value {
        Value::String(text) => {
            let timestamp = text.as_bytes().get(10) == Some(&b'T');
            let date = text
                .get(..10)
                .filter(|_| text.len() == 10 || timestamp)
                .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
                .and_then(|d| d.checked_add_signed(chrono::Duration::days(days)));
            if let Some(moved) = date {
                *text = if timestamp {
                    format!("{moved}T09:00:00Z")
                } else {
                    moved.to_string()
                };
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|v| move_dates(v, days)),
        Value::Object(map) => map.values_mut().for_each(|v| move_dates(v, days)),
        _ => {}
    }
}
