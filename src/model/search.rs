//! Search across the register: what a result is, and how text becomes the tokens the full-text
//! index holds. Tokenising here rather than in an SQLite tokenizer is deliberate: SQLite's
//! `unicode61` keeps an unbroken Japanese run (`従業員台帳`) as one token, so `台帳` would never
//! match, and `trigram` cannot match the one- and two-character queries Japanese names and
//! terms usually are (`田中`, `顧客`). Overlapping bigrams match both, and ports to other
//! engines as plain space-separated tokens (docs in /work/shared/reference/stack-notes.md §3).

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use unicode_normalization::UnicodeNormalization;

/// The sections results are grouped under, in the order the search screen lists them.
pub const SECTIONS: &[&str] = &[
    "holding",
    "dataItem",
    "request",
    "complaint",
    "incident",
    "subcontractor",
    "recipient",
    "jointUse",
    "transfer",
    "provisionRecord",
];

/// What one record is found by and shown as: a record yields one or more (a holding is found
/// by itself and by each of its data items).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchDoc {
    /// One of [`SECTIONS`].
    pub section: &'static str,
    /// The line a result shows first (the reference and name).
    pub title: String,
    /// A second line that tells similar results apart (the department, the holding).
    pub detail: String,
    /// Every text the record is found by, titles included.
    pub texts: Vec<String>,
}

impl SearchDoc {
    pub fn new(section: &'static str, title: String, detail: String) -> Self {
        SearchDoc {
            texts: vec![title.clone(), detail.clone()],
            section,
            title,
            detail,
        }
    }

    /// Adds texts the record is found by; empty ones are skipped.
    pub fn with<'a>(mut self, texts: impl IntoIterator<Item = &'a String>) -> Self {
        self.texts
            .extend(texts.into_iter().filter(|t| !t.is_empty()).cloned());
        self
    }
}

/// Joins the non-empty parts with a separator that is not itself a token.
pub fn join(parts: &[&str]) -> String {
    parts
        .iter()
        .filter(|p| !p.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" · ")
}

/// One result: the record to open and how the list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SearchHit {
    /// The record to open: for a data item, the holding that has it.
    #[ts(type = "number")]
    pub record_id: i64,
    pub title: String,
    pub detail: String,
}

/// The results of one section, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SearchGroup {
    /// One of the section codes (`holding`, `dataItem`, `request`, ...).
    pub section: String,
    pub hits: Vec<SearchHit>,
    /// True when the section has more results than are shown.
    pub more: bool,
}

/// The tokens of a text as the index holds them: `words` keeps Latin words and numbers whole
/// and Japanese runs as overlapping bigrams (a one-character run as itself), in text order, so
/// a query is a phrase; `chars` holds every Japanese character alone, for one-character
/// queries.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tokens {
    pub words: Vec<String>,
    pub chars: Vec<String>,
}

/// Kana, kanji and the marks written inside Japanese words. Full-width Latin letters and digits
/// are not here: NFKC has already made them ASCII.
fn is_japanese(c: char) -> bool {
    matches!(c,
        '\u{3005}'..='\u{3007}'     // 々 〆 〇
        | '\u{3041}'..='\u{309F}'   // hiragana
        | '\u{30A1}'..='\u{30FA}'   // katakana (not the ・ that separates words)
        | '\u{30FC}'..='\u{30FF}'   // ー and the katakana iteration marks
        | '\u{31F0}'..='\u{31FF}'   // katakana extensions
        | '\u{3400}'..='\u{4DBF}'   // CJK extension A
        | '\u{4E00}'..='\u{9FFF}'   // CJK unified ideographs
        | '\u{F900}'..='\u{FAFF}'   // compatibility ideographs
        | '\u{20000}'..='\u{3FFFF}' // CJK extensions B and later
    )
}

/// Splits `text` into tokens: NFKC (full-width `ＡＢＣ１２３` and half-width `ｶﾅ` become what
/// officers type), lower case, then runs of Japanese characters and runs of other letters and
/// digits; anything else separates.
pub fn tokens(text: &str) -> Tokens {
    let normal: String = text.nfkc().flat_map(char::to_lowercase).collect();
    let mut out = Tokens::default();
    let mut run: Vec<char> = Vec::new();
    let mut run_japanese = false;
    let flush = |run: &mut Vec<char>, japanese: bool, out: &mut Tokens| {
        if run.is_empty() {
            return;
        }
        if japanese {
            if run.len() == 1 {
                out.words.push(run[0].to_string());
            } else {
                out.words
                    .extend(run.windows(2).map(|pair| pair.iter().collect::<String>()));
            }
            out.chars.extend(run.iter().map(char::to_string));
        } else {
            out.words.push(run.iter().collect());
        }
        run.clear();
    };
    for c in normal.chars() {
        let japanese = is_japanese(c);
        if japanese || c.is_alphanumeric() {
            if !run.is_empty() && japanese != run_japanese {
                flush(&mut run, run_japanese, &mut out);
            }
            run_japanese = japanese;
            run.push(c);
        } else {
            flush(&mut run, run_japanese, &mut out);
        }
    }
    flush(&mut run, run_japanese, &mut out);
    out
}

/// The full-text query for what the officer typed, or `None` when it has nothing to search
/// by (only punctuation or spaces). Each space-separated term must match: a single Japanese
/// character anywhere in the `chars` column, anything else as a phrase of its tokens in
/// `words`, the last Latin word as a prefix so that results come while typing.
pub fn match_expression(query: &str) -> Option<String> {
    let mut terms = Vec::new();
    for term in query.split_whitespace() {
        let t = tokens(term);
        if t.words.is_empty() {
            continue;
        }
        if t.words.len() == 1 && t.chars.len() == 1 {
            terms.push(format!("chars:\"{}\"", t.chars[0]));
            continue;
        }
        // Tokens hold only letters, digits and Japanese characters, never a quote.
        let phrase = t.words.join(" ");
        let last_is_latin = term
            .nfkc()
            .last()
            .is_some_and(|c| c.is_alphanumeric() && !is_japanese(c));
        terms.push(format!(
            "words:\"{phrase}\"{}",
            if last_is_latin { "*" } else { "" }
        ));
    }
    (!terms.is_empty()).then(|| terms.join(" AND "))
}
