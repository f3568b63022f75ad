//! `make bench`: how long printing the ledger of 1,000 holdings takes, in Japanese and in
//! English, as PDF and XLSX. Builds the register in a temporary directory, its holdings spread
//! over ten departments as a register that size is; one more line times the Japanese PDF with
//! every holding in one department. Prints wall-clock times: the first run of each, which is
//! what an officer waits for, and the best of a few repeats, which Typst's memoised layout
//! makes faster. Target: under 1 s for the Japanese PDF on a 2-core machine, release build.

use daicho::model::holding::{
    AcquisitionMethod, Consent, DataItem, DisposalMethod, FileRegisterItems, HoldingInput, Medium,
    PurposeNotice, RetentionRule, RetentionTrigger,
};
use daicho::model::organisation::{OrganisationInput, Regime};
use daicho::print::{DocumentKind, Fonts, PrintFormat, PrintRequest, PrintStage};
use daicho::{Language, Passphrase, Register};
use std::time::{Duration, Instant};

const HOLDINGS: usize = 1_000;
const RUNS: usize = 3;

/// A register of this size has many departments; the ledger prints each on its own pages.
const DEPARTMENTS: [&str; 10] = [
    "適用グループ",
    "給付グループ",
    "保健事業グループ",
    "総務グループ",
    "経理グループ",
    "情報システムグループ",
    "健康管理センター",
    "直営保養所",
    "企画調整グループ",
    "審査グループ",
];

fn main() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    // A real passphrase, so the register is keyed as an officer's is; its derivation is paid
    // once, at open, outside the timed printing.
    let key = Passphrase::new("ベンチマーク用の合言葉 2026").expect("a passphrase");
    let register = Register::create(&dir.path().join("bench.db"), &key).expect("a register");
    let started = Instant::now();
    fill(&register, &DEPARTMENTS);
    println!(
        "register: {HOLDINGS} holdings in {} departments written in {:.2} s ({})",
        DEPARTMENTS.len(),
        started.elapsed().as_secs_f64(),
        dir.path().display()
    );

    let started = Instant::now();
    let fonts = Fonts::shared().expect("the Japanese font is installed");
    println!(
        "fonts: loaded from {} in {:.3} s (once per process)",
        fonts.dir.display(),
        started.elapsed().as_secs_f64()
    );

    for format in [PrintFormat::Pdf, PrintFormat::Xlsx] {
        for language in [Language::Ja, Language::En] {
            time_ledger(&register, language, format, "");
        }
    }

    // The same ledger with every holding in one department: one continuous table, which Typst
    // lays out on one thread.
    let single = Register::create(&dir.path().join("single.db"), &key).expect("a register");
    fill(&single, &DEPARTMENTS[..1]);
    time_ledger(&single, Language::Ja, PrintFormat::Pdf, ", one department");
}

fn time_ledger(register: &Register, language: Language, format: PrintFormat, case: &str) {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).expect("a date");
    let request = PrintRequest {
        document: DocumentKind::Ledger,
        language,
        format,
        request_id: None,
        person: None,
        incident_id: None,
        joint_use_id: None,
        edition: None,
    };
    let mut times = Vec::new();
    let mut size = 0;
    let mut first_stages = String::new();
    let mut stages = String::new();
    for run in 0..RUNS {
        let started = Instant::now();
        let mut marks: Vec<(PrintStage, Duration)> = Vec::new();
        let bytes = daicho::print::print(register, &request, today, &mut |stage| {
            marks.push((stage, started.elapsed()))
        })
        .expect("the ledger prints");
        let total = started.elapsed();
        times.push(total);
        size = bytes.len();
        // Where the time went: each stage until the next one began.
        marks.push((PrintStage::Done, total));
        stages = marks
            .windows(2)
            .map(|w| format!("{:?} {:.3}", w[0].0, (w[1].1 - w[0].1).as_secs_f64()))
            .collect::<Vec<_>>()
            .join(", ");
        if run == 0 {
            first_stages = stages.clone();
        }
    }
    let best = times.iter().min().copied().unwrap_or(Duration::ZERO);
    // The first print of a document is what an officer waits for: Typst memoises layout, so
    // the repeats of the same document mostly measure the PDF encoder.
    println!(
        "ledger of {HOLDINGS} holdings{case}, {} {}: first {:.3} s ({first_stages}); \
         repeated: best {:.3} s ({stages}); {} KB",
        language.code(),
        format.extension(),
        times[0].as_secs_f64(),
        best.as_secs_f64(),
        size / 1024
    );
}

fn fill(register: &Register, departments: &[&str]) {
    let actor = "bench";
    register
        .save_organisation(
            OrganisationInput {
                name: "ベンチマーク健康保険組合".to_owned(),
                address: "東京都千代田区霞が関一丁目1番1号".to_owned(),
                representative: "理事長 山田 太郎".to_owned(),
                privacy_manager: "常務理事 鈴木 花子".to_owned(),
                request_desk: "総務課 個人情報開示等請求窓口".to_owned(),
                complaint_desk: "総務課 個人情報相談窓口".to_owned(),
                regime: Regime::PrivateOperator,
                gdpr_applies: false,
                officers: Vec::new(),
            },
            None,
            actor,
        )
        .expect("the organisation");
    let item = |name: &str, sensitive: bool| DataItem {
        id: None,
        name: name.to_owned(),
        sensitive,
        my_number: false,
        purposes: Vec::new(),
        sources: Vec::new(),
    };
    for i in 0..HOLDINGS {
        let input = HoldingInput {
            ledger_no: String::new(),
            name: format!("被保険者・被扶養者台帳 第{i}号"),
            department: departments[i % departments.len()].to_owned(),
            business_process: "資格管理".to_owned(),
            manager: "業務グループ長".to_owned(),
            data_items: vec![
                item("氏名", false),
                item("生年月日", false),
                item("住所", false),
                item("被保険者記号・番号", false),
                item("健診結果", true),
            ],
            persons_recorded: "被保険者及び被扶養者".to_owned(),
            approx_count: Some(42_000 + i as i64),
            acquisition_method: AcquisitionMethod::DirectWritten,
            acquisition_sources: vec!["本人（資格取得届）".to_owned(), "事業主".to_owned()],
            purposes: vec![
                "被保険者の資格の取得・喪失の確認".to_owned(),
                "保険料の徴収及び標準報酬の決定".to_owned(),
                "個人番号関係事務（資格確認、地方公共団体等との情報連携）".to_owned(),
            ],
            purpose_notice: vec![PurposeNotice::Published],
            consent: Consent::NotRequired,
            consent_note: String::new(),
            consent_details: Default::default(),
            duty_basis: String::new(),
            medium: Medium::Electronic,
            storage_place: "基幹システム（データセンター、東京都）".to_owned(),
            storage_method: "アクセス制御されたサーバ、通信・保存時暗号化".to_owned(),
            access_holders: vec!["業務グループ担当者".to_owned(), "システム管理者".to_owned()],
            use_deadline: "資格喪失後、給付の時効まで".to_owned(),
            retention: Some(RetentionRule {
                years: 7,
                months: 0,
                trigger: RetentionTrigger::LeavingService,
                trigger_note: String::new(),
                legal_basis: "健康保険法施行規則".to_owned(),
            }),
            disposal_method: Some(DisposalMethod::ErasureSoftware),
            disposal_note: String::new(),
            retained_personal_data: true,
            last_review: chrono::NaiveDate::from_ymd_opt(2026, 4, 15),
            next_review: chrono::NaiveDate::from_ymd_opt(2027, 4, 15),
            file_register: FileRegisterItems::default(),
            number_affairs: Vec::new(),
            number_masking: None,
            notes: String::new(),
        };
        register.create_holding(input, actor).expect("a holding");
    }
}
