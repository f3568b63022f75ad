//! PDF, CSV and XLSX checks shared by the print tests: the text poppler extracts, the fonts
//! a PDF embeds, qpdf's structural check and an RFC 4180 reader. poppler prints harmless
//! syntax warnings for tagged PDFs on stderr; only exit codes and stdout are checked.
#![allow(dead_code)]

use crate::common::{d, memory_register, ACTOR};
use daicho::print::pdf::FONT_FAMILY;
use daicho::print::{DocumentKind, PrintFormat, PrintRequest};
use daicho::{Language, Register};
use std::path::Path;
use std::process::Command;

pub fn with_file<T>(bytes: &[u8], ext: &str, work: impl FnOnce(&Path) -> T) -> T {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(format!("out.{ext}"));
    std::fs::write(&path, bytes).unwrap();
    work(&path)
}

/// The text of a PDF in content order, as poppler reads it.
pub fn pdf_text(pdf: &[u8]) -> String {
    with_file(pdf, "pdf", |path| {
        let out = Command::new("pdftotext")
            .args(["-raw", "-enc", "UTF-8"])
            .arg(path)
            .arg("-")
            .output()
            .expect("pdftotext runs (poppler-utils)");
        assert!(out.status.success(), "pdftotext failed");
        String::from_utf8(out.stdout).unwrap()
    })
}

/// Whitespace and the zero-width break points the PDF renderer adds inside long Latin runs
/// do not matter for "is this text printed"; headings wrap inside narrow columns.
pub fn squash(text: &str) -> String {
    // English words are hyphenated to fit narrow columns.
    text.replace("-\n", "")
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '\u{200B}' | '\u{AD}'))
        .collect()
}

pub fn assert_prints(pdf_text: &str, expected: &[&str]) {
    let text = squash(pdf_text);
    let missing: Vec<&&str> = expected
        .iter()
        .filter(|e| !text.contains(&squash(e)))
        .collect();
    assert!(missing.is_empty(), "missing {missing:?} in:\n{pdf_text}");
}

pub fn pdffonts(pdf: &[u8]) -> String {
    with_file(pdf, "pdf", |path| {
        let out = Command::new("pdffonts")
            .arg(path)
            .output()
            .expect("pdffonts runs");
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap()
    })
}

pub fn assert_sound(pdf: &[u8]) {
    with_file(pdf, "pdf", |path| {
        let out = Command::new("qpdf")
            .arg("--check")
            .arg(path)
            .output()
            .expect("qpdf runs");
        assert!(
            out.status.success(),
            "qpdf --check: {}",
            String::from_utf8_lossy(&out.stdout)
        );
    });
}

/// Only the Japanese face, embedded and subset, and no fallback face of any kind.
pub fn assert_fonts(pdf: &[u8]) {
    let table = pdffonts(pdf);
    let faces: Vec<&str> = table.lines().skip(2).collect();
    assert!(!faces.is_empty(), "no fonts in the PDF");
    for face in &faces {
        assert!(
            face.contains("NotoSansCJKjp-"),
            "a face other than {FONT_FAMILY}: {face}"
        );
        let columns: Vec<&str> = face.split_whitespace().collect();
        let flags = &columns[columns.len() - 5..columns.len() - 2];
        assert_eq!(flags, ["yes", "yes", "yes"], "emb/sub/uni: {face}");
    }
    assert!(faces.iter().any(|f| f.contains("NotoSansCJKjp-Regular")));
}

pub fn pages(pdf: &[u8]) -> usize {
    pdfinfo_field(pdf, "Pages:").parse().expect("a page count")
}

/// One field of what `pdfinfo` reports (`Pages:`, `Tagged:`), trimmed.
pub fn pdfinfo_field(pdf: &[u8], field: &str) -> String {
    with_file(pdf, "pdf", |path| {
        let out = Command::new("pdfinfo").arg(path).output().unwrap();
        String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .find_map(|l| l.strip_prefix(field))
            .map(|v| v.trim().to_owned())
            .unwrap_or_else(|| panic!("pdfinfo printed no {field}"))
    })
}

/// RFC 4180, as both our writer and LibreOffice produce it.
pub fn parse_csv(bytes: &[u8]) -> Vec<Vec<String>> {
    let text = std::str::from_utf8(bytes).unwrap();
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}

/// The first sheet of an XLSX as LibreOffice reads it, converted to CSV rows.
pub fn xlsx_rows_by_libreoffice(xlsx: &[u8]) -> Vec<Vec<String>> {
    assert!(xlsx.starts_with(b"PK"), "a zip container");
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("list.xlsx");
    std::fs::write(&input, xlsx).unwrap();
    let profile = format!("file://{}/lo-profile", dir.path().display());
    let out = Command::new("soffice")
        .arg(format!("-env:UserInstallation={profile}"))
        .args(["--headless", "--convert-to"])
        // 44: comma, 34: double quote, 76: UTF-8.
        .arg("csv:Text - txt - csv (StarCalc):44,34,76")
        .arg("--outdir")
        .arg(dir.path())
        .arg(&input)
        .output()
        .expect("soffice runs (libreoffice-calc-nogui)");
    assert!(
        out.status.success(),
        "soffice: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    parse_csv(&std::fs::read(dir.path().join("list.csv")).expect("converted csv"))
}

/// The text of each page, squashed, to check what every page repeats.
pub fn page_texts(pdf: &[u8]) -> Vec<String> {
    let total = pages(pdf);
    with_file(pdf, "pdf", |path| {
        (1..=total)
            .map(|page| {
                let out = Command::new("pdftotext")
                    .args(["-raw", "-f", &page.to_string(), "-l", &page.to_string()])
                    .arg(path)
                    .arg("-")
                    .output()
                    .unwrap();
                squash(&String::from_utf8(out.stdout).unwrap())
            })
            .collect()
    })
}

/// The date every printed document in these tests carries, so that output is reproducible.
pub const PRINTED_ON: &str = "2026-11-23";

pub fn demo_register() -> Register {
    let register = memory_register();
    daicho::demo::load(&register, ACTOR).expect("the demo loads");
    register
}

pub fn ask(document: DocumentKind, language: Language, format: PrintFormat) -> PrintRequest {
    PrintRequest {
        document,
        language,
        format,
        request_id: None,
        person: None,
        incident_id: None,
        joint_use_id: None,
        edition: None,
    }
}

pub fn print(register: &Register, request: &PrintRequest) -> Vec<u8> {
    daicho::print::print(register, request, d(PRINTED_ON), &mut |_| {})
        .unwrap_or_else(|e| panic!("{request:?} prints: {e}"))
}
