//! The search across the register (issue 16 item 3): how text becomes tokens, what a query
//! finds and in which section, that the index follows every write inside its transaction
//! (and nothing of a refused one), that a register written before the index gets one on
//! open, that an imported document is searchable, and that the index is encrypted with the
//! register.

use crate::common;

use common::{complaint, holding, item, register_under, request, TempRegister, ACTOR};
use daicho::model::organisation::Regime;
use daicho::model::search::{match_expression, tokens, SearchGroup};
use daicho::{ErrorKind, Register};

/// The sections of the groups found, in order, each with its titles.
fn found(register: &Register, query: &str) -> Vec<(String, Vec<String>)> {
    register
        .search(query, 20)
        .unwrap()
        .into_iter()
        .map(|SearchGroup { section, hits, .. }| {
            (section, hits.into_iter().map(|h| h.title).collect())
        })
        .collect()
}

fn sections(register: &Register, query: &str) -> Vec<String> {
    found(register, query).into_iter().map(|(s, _)| s).collect()
}

#[test]
fn japanese_runs_become_overlapping_bigrams_and_latin_words_stay_whole() {
    // Worked by hand: 従業員台帳 has the four neighbouring pairs; NFKC makes the full-width
    // ＡＢＣ１２３ ASCII and the half-width ｶﾅ full-width; Latin is lower-cased; the
    // punctuation ・ and - separate runs.
    let t = tokens("従業員台帳");
    assert_eq!(t.words, ["従業", "業員", "員台", "台帳"]);
    assert_eq!(t.chars, ["従", "業", "員", "台", "帳"]);
    let t = tokens("ＡＢＣ１２３顧客");
    assert_eq!(t.words, ["abc123", "顧客"]);
    let t = tokens("ｶﾅ・R-0001 Payroll");
    assert_eq!(t.words, ["カナ", "r", "0001", "payroll"]);
    assert_eq!(t.chars, ["カ", "ナ"]);
    // A one-character run is its own token, so a phrase across it still matches.
    assert_eq!(tokens("A社").words, ["a", "社"]);
    assert!(tokens(" ・、。 ").words.is_empty());
}

#[test]
fn a_query_is_a_phrase_per_term_with_single_characters_and_prefixes_handled() {
    assert_eq!(match_expression("田").as_deref(), Some("chars:\"田\""));
    assert_eq!(match_expression("田中").as_deref(), Some("words:\"田中\""));
    assert_eq!(
        match_expression("会員情報").as_deref(),
        Some("words:\"会員 員情 情報\"")
    );
    assert_eq!(
        match_expression("田中 pay").as_deref(),
        Some("words:\"田中\" AND words:\"pay\"*")
    );
    // Quotes, FTS operators and column names typed by the officer are only text.
    assert_eq!(
        match_expression("\"NEAR(a\" OR words:").as_deref(),
        Some("words:\"near a\" AND words:\"or\"* AND words:\"words\"")
    );
    assert_eq!(match_expression(" ・ \" "), None);
}

#[test]
fn a_person_is_found_across_three_sections_by_two_one_and_more_characters() {
    let register = register_under(Regime::PrivateOperator, false);
    let mut h = holding("職員名簿");
    h.manager = "人事課 田中 一郎".to_owned();
    h.data_items = vec![item("氏名"), item("健康診断結果")];
    let held = register.create_holding(h, ACTOR).unwrap();
    let mut r = request("2026-04-01");
    r.requester_name = "田中 花子".to_owned();
    let req = register.create_request(r, ACTOR).unwrap();
    let mut c = complaint("2026-04-02");
    c.complainant = "田中 太郎".to_owned();
    register.create_complaint(c, ACTOR).unwrap();
    // Someone else, who must not be found.
    let mut other = request("2026-04-03");
    other.requester_name = "佐藤 次郎".to_owned();
    register.create_request(other, ACTOR).unwrap();

    let all = found(&register, "田中");
    assert_eq!(
        all,
        [
            (
                "holding".to_owned(),
                vec![format!("{} · 職員名簿", held.fields.ledger_no)]
            ),
            (
                "request".to_owned(),
                vec![format!("{} · 田中 花子", req.fields.reference)]
            ),
            (
                "complaint".to_owned(),
                vec!["C-0001 · 田中 太郎".to_owned()]
            ),
        ]
    );
    // One character finds the same records; a pair across the space between family and given
    // name does not (中花 was never written together).
    assert_eq!(
        sections(&register, "田"),
        ["holding", "request", "complaint"]
    );
    assert!(found(&register, "中花").is_empty());
    // Both terms must match: only the request's 田中 花子.
    assert_eq!(sections(&register, "田中 花子"), ["request"]);
    // A data item is found as itself, pointing at its holding.
    let items = register.search("診断", 20).unwrap();
    assert_eq!(items.len(), 1);
    assert_eq!(items[0].section, "dataItem");
    assert_eq!(items[0].hits[0].title, "健康診断結果");
    assert_eq!(items[0].hits[0].record_id, held.id);
    // By reference, in any width and case, and by an English word's beginning.
    assert_eq!(sections(&register, "ｒ－０００１"), ["request"]);
    assert_eq!(sections(&register, "c-0001"), ["complaint"]);
    assert!(found(&register, "").is_empty());
}

#[test]
fn the_index_follows_every_write_and_keeps_nothing_of_a_refused_one() {
    let register = register_under(Regime::PrivateOperator, false);
    let mut r = request("2026-04-01");
    r.requester_name = "高橋 健".to_owned();
    let req = register.create_request(r.clone(), ACTOR).unwrap();
    assert_eq!(sections(&register, "高橋"), ["request"]);

    // A refused change (a bidi override in the name) rolls back the index with the record.
    let mut hostile = r.clone();
    hostile.requester_name = "渡辺\u{202e}健".to_owned();
    let err = register
        .update_request(req.id, req.version, hostile, ACTOR)
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Validation);
    assert_eq!(sections(&register, "高橋"), ["request"]);
    assert!(found(&register, "渡辺").is_empty());

    // A stored change replaces what the record is found by.
    let mut renamed = r;
    renamed.requester_name = "渡辺 健".to_owned();
    register
        .update_request(req.id, req.version, renamed, ACTOR)
        .unwrap();
    assert!(found(&register, "高橋").is_empty());
    assert_eq!(sections(&register, "渡辺"), ["request"]);

    // A deleted record, with its data items, is found no more.
    let held = register.create_holding(holding("顧客台帳"), ACTOR).unwrap();
    assert_eq!(sections(&register, "顧客"), ["holding"]);
    assert_eq!(sections(&register, "住所"), ["dataItem"]);
    register
        .delete_holding(held.id, held.version, ACTOR)
        .unwrap();
    assert!(found(&register, "顧客").is_empty());
    assert!(found(&register, "住所").is_empty());
}

#[test]
fn a_section_shows_its_newest_results_first_and_says_when_there_are_more() {
    let register = register_under(Regime::PrivateOperator, false);
    for (day, name) in [("01", "山本 一"), ("02", "山本 二"), ("03", "山本 三")] {
        let mut r = request(&format!("2026-04-{day}"));
        r.requester_name = name.to_owned();
        register.create_request(r, ACTOR).unwrap();
    }
    let groups = register.search("山本", 2).unwrap();
    assert_eq!(groups.len(), 1);
    assert!(groups[0].more);
    let titles: Vec<_> = groups[0].hits.iter().map(|h| h.title.as_str()).collect();
    assert_eq!(titles, ["R-0003 · 山本 三", "R-0002 · 山本 二"]);
    let groups = register.search("山本", 3).unwrap();
    assert!(!groups[0].more);
}

#[test]
fn a_register_written_before_the_index_is_indexed_on_open_and_the_index_is_encrypted() {
    let temp = TempRegister::new();
    {
        let register = temp.open();
        register
            .save_organisation(common::organisation(), None, ACTOR)
            .unwrap();
        let mut r = request("2026-04-01");
        r.requester_name = "中村 由美".to_owned();
        register.create_request(r, ACTOR).unwrap();
    }
    // As migration 0013 leaves a register that already held records: an empty index, not
    // yet built.
    {
        let raw = temp.raw();
        raw.execute_batch(
            "INSERT INTO search_index (search_index) VALUES ('delete-all'); DELETE FROM search_entry;
             UPDATE search_state SET built = 0;",
        )
        .unwrap();
    }
    let register = temp.open();
    assert_eq!(sections(&register, "中村"), ["request"]);
    drop(register);
    let built: i64 = temp
        .raw()
        .query_row("SELECT built FROM search_state", [], |r| r.get(0))
        .unwrap();
    assert_eq!(built, 1);
    // Neither the name nor its tokens are anywhere in the file in plain text.
    let bytes = std::fs::read(&temp.path).unwrap();
    for needle in ["中村", "由美", "R-0001"] {
        assert!(
            !bytes.windows(needle.len()).any(|w| w == needle.as_bytes()),
            "{needle} in plain text"
        );
    }
}

#[test]
fn an_imported_document_is_searchable() {
    let register = register_under(Regime::PrivateOperator, false);
    let mut r = request("2026-04-01");
    r.requester_name = "小林 さくら".to_owned();
    register.create_request(r, ACTOR).unwrap();
    let json = serde_json::to_string(&daicho::document::export(&register).unwrap()).unwrap();
    let copy = common::memory_register();
    daicho::document::import(&copy, &json, ACTOR).unwrap();
    assert_eq!(sections(&copy, "さくら"), ["request"]);
    assert_eq!(sections(&copy, "小"), ["request"]);
}
