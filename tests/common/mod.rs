//! Fixtures shared by the core's integration tests. Every register here is in memory or in a
//! temporary directory: no test touches the real app-data directory.
#![allow(dead_code)]

use daicho::model::holding::{
    AcquisitionMethod, Consent, DataItem, FileRegisterItems, HoldingInput, Medium, PurposeNotice,
    RetentionRule, RetentionTrigger,
};
use daicho::model::organisation::{OrganisationInput, Regime};
use daicho::{Passphrase, Register};
use std::path::{Path, PathBuf};

pub const ACTOR: &str = "test-officer";

/// The key of every register the core's tests create: a raw 256-bit key, so that opening
/// skips SQLCipher's deliberately slow key derivation (about 3 ms instead of about 130 ms),
/// which the crash harness and the backup tests would otherwise pay hundreds of times.
pub fn test_key() -> Passphrase {
    Passphrase::raw_key(&[0x7a; 32])
}

/// Another raw key, for "the wrong passphrase" and for rekeying.
pub fn other_key() -> Passphrase {
    Passphrase::raw_key(&[0x3c; 32])
}

/// The passphrase of registers made through the CLI (`DAICHO_PASSPHRASE`): a real one, so
/// those tests go through the key derivation a user's passphrase goes through.
pub const CLI_PASSPHRASE: &str = "台帳を守る correct horse 7";

pub fn cli_key() -> Passphrase {
    Passphrase::new(CLI_PASSPHRASE).expect("a passphrase")
}

/// A raw connection to an encrypted file under `key`, to play someone who knows the
/// passphrase editing the register behind the app's back.
pub fn keyed(path: &Path, key: &Passphrase) -> rusqlite::Connection {
    let conn = rusqlite::Connection::open(path).expect("raw connection");
    conn.execute_batch(&format!("PRAGMA key = {}", key_literal(key)))
        .expect("the key is accepted");
    conn
}

/// The key as an SQL literal, rebuilt from what the tests know (the core never exposes it).
fn key_literal(key: &Passphrase) -> String {
    if *key == test_key() {
        format!("\"x'{}'\"", "7a".repeat(32))
    } else if *key == other_key() {
        format!("\"x'{}'\"", "3c".repeat(32))
    } else if *key == cli_key() {
        format!("'{CLI_PASSPHRASE}'")
    } else {
        panic!("keyed() knows only the tests' own keys")
    }
}

/// Writes an unencrypted copy of the encrypted register at `encrypted` to `plain`: a register
/// as Daicho wrote it before encryption, for the encrypt-in-place tests.
pub fn write_plaintext_copy(encrypted: &Path, key: &Passphrase, plain: &Path) {
    let conn = keyed(encrypted, key);
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    conn.execute(
        "ATTACH DATABASE ?1 AS plain KEY ''",
        [plain.to_str().unwrap()],
    )
    .unwrap();
    conn.query_row("SELECT sqlcipher_export('plain')", [], |_| Ok(()))
        .unwrap();
    conn.execute_batch(&format!(
        "PRAGMA plain.user_version = {version}; DETACH DATABASE plain"
    ))
    .unwrap();
}

/// SHA-256 of a file, to show it did not change.
pub fn file_hash(path: &Path) -> String {
    use sha2::Digest;
    hex::encode(sha2::Sha256::digest(
        std::fs::read(path).expect("the file is readable"),
    ))
}

pub fn memory_register() -> Register {
    Register::open_in_memory().expect("a migrated in-memory register")
}

pub struct TempRegister {
    pub dir: tempfile::TempDir,
    pub path: PathBuf,
}

impl TempRegister {
    pub fn new() -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("register.db");
        TempRegister { dir, path }
    }

    /// Opens the register, creating it the first time (as `daicho init` would).
    pub fn open(&self) -> Register {
        Register::create(&self.path, &test_key()).expect("the register opens")
    }

    /// A raw connection to the same file under the test key, to play someone editing it
    /// behind the app's back.
    pub fn raw(&self) -> rusqlite::Connection {
        keyed(&self.path, &test_key())
    }
}

pub fn organisation() -> OrganisationInput {
    OrganisationInput {
        name: "テスト健康保険組合".to_owned(),
        address: "東京都千代田区1-1".to_owned(),
        representative: "理事長 山田 太郎".to_owned(),
        privacy_manager: "常務理事".to_owned(),
        request_desk: "総務課".to_owned(),
        complaint_desk: "総務課".to_owned(),
        regime: Regime::PrivateOperator,
        gdpr_applies: false,
        officers: Vec::new(),
    }
}

pub fn item(name: &str) -> DataItem {
    DataItem {
        id: None,
        name: name.to_owned(),
        sensitive: false,
        my_number: false,
        purposes: Vec::new(),
        sources: Vec::new(),
    }
}

/// A complete, valid holding; tests change the fields they are about.
pub fn holding(name: &str) -> HoldingInput {
    HoldingInput {
        ledger_no: String::new(),
        name: name.to_owned(),
        department: "総務課".to_owned(),
        business_process: "人事".to_owned(),
        manager: "総務課長".to_owned(),
        duty_basis: String::new(),
        consent_details: Default::default(),
        data_items: vec![item("氏名"), item("住所")],
        persons_recorded: "職員".to_owned(),
        approx_count: Some(120),
        acquisition_method: AcquisitionMethod::DirectWritten,
        acquisition_sources: vec!["本人".to_owned()],
        purposes: vec!["人事管理".to_owned()],
        purpose_notice: vec![PurposeNotice::Notified],
        consent: Consent::NotRequired,
        consent_note: String::new(),
        medium: Medium::Electronic,
        storage_place: "人事システム".to_owned(),
        storage_method: "アクセス制御".to_owned(),
        access_holders: vec!["人事担当".to_owned()],
        use_deadline: "退職まで".to_owned(),
        retention: Some(RetentionRule {
            years: 5,
            months: 0,
            trigger: RetentionTrigger::LeavingService,
            trigger_note: String::new(),
            legal_basis: "労働基準法第109条".to_owned(),
        }),
        disposal_method: None,
        disposal_note: String::new(),
        retained_personal_data: true,
        last_review: chrono::NaiveDate::from_ymd_opt(2026, 4, 1),
        next_review: chrono::NaiveDate::from_ymd_opt(2027, 4, 1),
        file_register: FileRegisterItems::default(),
        number_affairs: Vec::new(),
        number_masking: None,
        notes: String::new(),
    }
}

pub fn audit_count(register_path: &std::path::Path) -> i64 {
    let conn = keyed(register_path, &test_key());
    conn.query_row("SELECT count(*) FROM audit_event", [], |r| r.get(0))
        .expect("count")
}

/// A date written as in the statutes' worked examples.
pub fn d(text: &str) -> chrono::NaiveDate {
    text.parse().expect("a valid test date")
}

/// A register whose organisation answers to `regime`.
pub fn register_under(regime: Regime, gdpr_applies: bool) -> Register {
    let register = memory_register();
    let profile = OrganisationInput {
        regime,
        gdpr_applies,
        ..organisation()
    };
    register
        .save_organisation(profile, None, ACTOR)
        .expect("the profile is saved");
    register
}

/// A complete, valid disclosure request received on `received`; tests change what they are
/// about.
pub fn request(received: &str) -> daicho::model::request::RequestInput {
    use daicho::model::request::{AgentKind, ReceiptChannel, RequestInput, RequestType};
    RequestInput {
        reference: String::new(),
        request_type: RequestType::Disclosure,
        received_on: d(received),
        channel: ReceiptChannel::Post,
        requester_name: "山田 花子".to_owned(),
        requester_contact: "東京都千代田区1-2-3".to_owned(),
        agent: AgentKind::NoAgent,
        agent_name: String::new(),
        description: "健診結果の開示".to_owned(),
        holding_ids: Vec::new(),
        requested_method: None,
        fee_yen: None,
        notes: String::new(),
    }
}

pub fn identity(checked_on: &str) -> daicho::model::request::IdentityVerification {
    daicho::model::request::IdentityVerification {
        documents: vec!["運転免許証".to_owned()],
        checked_by: "総務課 佐藤".to_owned(),
        checked_on: d(checked_on),
    }
}

/// A complete, valid complaint received on `received`.
pub fn complaint(received: &str) -> daicho::model::complaint::ComplaintInput {
    daicho::model::complaint::ComplaintInput {
        reference: String::new(),
        received_on: d(received),
        channel: daicho::model::request::ReceiptChannel::Phone,
        complainant: "鈴木 一郎".to_owned(),
        complainant_contact: "03-0000-0000".to_owned(),
        subject: "退職後もDMが届く".to_owned(),
        description: "退職後も案内が届くとの申出".to_owned(),
        holding_ids: Vec::new(),
    }
}

/// A complete, valid incident the organisation became aware of at `aware_at` (RFC 3339): one
/// person's name leaked, nothing that makes it reportable; tests add the facts they are about.
pub fn incident(aware_at: &str) -> daicho::model::incident::IncidentInput {
    use daicho::model::incident::{
        IncidentCertainty, IncidentInput, IncidentNature, Perpetrator, SecondaryDamage,
    };
    IncidentInput {
        reference: String::new(),
        title: "案内メールの誤送信".to_owned(),
        aware_at: chrono::DateTime::parse_from_rfc3339(aware_at).expect("a valid instant"),
        aware_department: "総務課".to_owned(),
        occurred_on: None,
        nature: vec![IncidentNature::Leakage],
        certainty: IncidentCertainty::Actual,
        summary: "別の加入者宛てに送信した".to_owned(),
        holding_ids: Vec::new(),
        items: vec![incident_item("氏名")],
        persons: 1,
        my_number_persons: 0,
        cause: "宛先の選択誤り".to_owned(),
        secondary_damage: SecondaryDamage::None,
        secondary_damage_detail: String::new(),
        strong_encryption: false,
        encryption_detail: String::new(),
        financial_damage_risk: false,
        wrongful_purpose: false,
        data_being_acquired: false,
        my_number_system: false,
        publicly_exposed: false,
        gdpr_risk_unlikely: false,
        gdpr_risk_reason: String::new(),
        perpetrator: Perpetrator::Insider,
        entrusted_party: String::new(),
        entrustee_id: None,
        entrustee_notified_on: None,
        responses_to_persons: String::new(),
        public_announcement: String::new(),
        prevention: String::new(),
        other: String::new(),
    }
}

pub fn incident_item(name: &str) -> daicho::model::incident::IncidentItem {
    daicho::model::incident::IncidentItem {
        data_item_id: None,
        name: name.to_owned(),
        sensitive: false,
        ordinance_sensitive: false,
        my_number: false,
        not_sensitive_confirmed: false,
        no_financial_risk_confirmed: false,
    }
}

/// xorshift64*: reproducible from the seed, and no crate needed for it; the kill harnesses
/// (crash.rs, faults.rs) draw their kill points from it.
pub struct XorShift(u64);

impl XorShift {
    pub fn new(seed: u64) -> Self {
        XorShift(seed.max(1))
    }

    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    pub fn below(&mut self, bound: u64) -> u64 {
        self.next() % bound.max(1)
    }
}
