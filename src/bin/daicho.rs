//! `daicho`: the register from the command line. Every command goes through the same core as
//! the desktop app, so its writes are validated and audited the same way.

use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};
use daicho::deadline::DeadlineRule;
use daicho::model::agenda::{Agenda, AgendaKind};
use daicho::model::request::DeadlineState;
use daicho::{paths, CoreError, Register};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "daicho",
    version,
    about = "Daicho (台帳): the privacy office's statutory register"
)]
struct Cli {
    /// The register file [default: register.db in the app-data directory]
    #[arg(long, global = true, env = paths::DB_ENV)]
    db: Option<PathBuf>,
    /// Name recorded in the audit trail for writes [default: the OS user]
    #[arg(long, global = true)]
    actor: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Create the register file (or bring an existing one up to date)
    Init,
    /// Load the demo register into an empty register
    Demo,
    /// Data holdings (the personal information management ledger)
    Holdings {
        #[command(subcommand)]
        command: HoldingsCommand,
    },
    /// Write the whole register to a file
    Export {
        #[arg(long, value_enum)]
        format: ExportFormat,
        #[arg(long)]
        out: PathBuf,
    },
    /// Read a JSON register document into an empty register (all records or none)
    Import { file: PathBuf },
    /// Check the audit chain and that every record matches its last audited state
    Verify,
    /// Open requests and complaints: what is due and overdue, with how each deadline was counted
    Deadlines {
        /// The day to compute for (YYYY-MM-DD) [default: today]
        #[arg(long)]
        today: Option<NaiveDate>,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum HoldingsCommand {
    /// List holdings: ledger number, name, department, items, approximate count
    List {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum ExportFormat {
    Json,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(error) => {
            eprintln!("error: {error}");
            for record in error.record_errors() {
                let reference = record
                    .reference
                    .as_deref()
                    .map(|r| format!(" ({r})"))
                    .unwrap_or_default();
                for field in &record.fields {
                    eprintln!(
                        "  {}{}: {}: {}",
                        record.record, reference, field.field, field.message
                    );
                }
            }
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode, CoreError> {
    let path = cli.db.or_else(paths::default_db_path).ok_or_else(|| {
        CoreError::Conflict(
            "no app-data directory is known on this system; pass --db PATH or set DAICHO_DB"
                .to_owned(),
        )
    })?;
    let actor = cli.actor.unwrap_or_else(paths::current_actor);
    let register = Register::open(&path)?;
    match cli.command {
        Command::Init => {
            println!("register ready at {}", path.display());
        }
        Command::Demo => {
            let count = register.load_demo(&actor)?;
            let today = daicho::clock::today();
            println!(
                "loaded the demo register: 1 organisation, {count} holdings, {} requests, {} \
                 complaints",
                register.requests(today)?.len(),
                register.complaints(today)?.len()
            );
        }
        Command::Holdings {
            command: HoldingsCommand::List { json },
        } => {
            let holdings = register.holdings()?;
            if json {
                println!(
                    "{}",
                    serde_json::to_string_pretty(&holdings).unwrap_or_default()
                );
            } else {
                for h in &holdings {
                    let count = h
                        .fields
                        .approx_count
                        .map(|c| c.to_string())
                        .unwrap_or_else(|| "-".to_owned());
                    println!(
                        "{}\t{}\t{}\t{} items\t{}",
                        h.fields.ledger_no,
                        h.fields.name,
                        h.fields.department,
                        h.fields.data_items.len(),
                        count
                    );
                }
                eprintln!("{} holdings", holdings.len());
            }
        }
        Command::Export {
            format: ExportFormat::Json,
            out,
        } => {
            let document = register.export_document()?;
            let text = serde_json::to_string_pretty(&document).unwrap_or_default();
            daicho::document::write_atomically(&out, text.as_bytes())?;
            println!(
                "wrote {} holdings, {} requests and {} complaints to {}",
                document.holdings.len(),
                document.requests.len(),
                document.complaints.len(),
                out.display()
            );
        }
        Command::Import { file } => {
            let text = std::fs::read_to_string(&file).map_err(|e| CoreError::Io {
                context: format!("reading {}", file.display()),
                source: e,
            })?;
            let summary = register.import_document(&text, &actor)?;
            println!(
                "imported {} holdings, {} requests, {} complaints{}{}",
                summary.holdings,
                summary.requests,
                summary.complaints,
                if summary.organisation {
                    ", the organisation profile"
                } else {
                    ""
                },
                if summary.deadline_settings {
                    ", the deadline settings"
                } else {
                    ""
                }
            );
        }
        Command::Verify => {
            let report = register.verify()?;
            match &report.head {
                Some(head) => println!(
                    "audit chain: {} entries, head #{} {}",
                    report.entries, head.seq, head.hash
                ),
                None => println!("audit chain: empty"),
            }
            if let Some(link) = &report.broken_link {
                println!("BROKEN at entry #{}: {}", link.seq, link.reason);
            }
            for record in &report.altered_records {
                println!(
                    "ALTERED {} {}: {}",
                    record.entity, record.entity_id, record.reason
                );
            }
            if !report.is_intact() {
                return Ok(ExitCode::from(1));
            }
            println!("verified: intact");
        }
        Command::Deadlines { today, json } => {
            let agenda = register.agenda(today.unwrap_or_else(daicho::clock::today))?;
            if json {
                println!(
                    "{}",
                    serde_json::to_string_pretty(&agenda).unwrap_or_default()
                );
            } else {
                print_agenda(&agenda);
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn print_agenda(agenda: &Agenda) {
    let count = |kind, one: &str, many: &str| match agenda
        .items
        .iter()
        .filter(|i| i.kind == kind)
        .count()
    {
        1 => format!("1 {one}"),
        n => format!("{n} {many}"),
    };
    println!(
        "open on {}: {}, {}",
        agenda.today,
        count(AgendaKind::Request, "request", "requests"),
        count(AgendaKind::Complaint, "complaint", "complaints")
    );
    for item in &agenda.items {
        let what = match (item.kind, item.request_type) {
            (AgendaKind::Request, Some(request_type)) => request_type.label(),
            (AgendaKind::Request, None) => "request",
            (AgendaKind::Complaint, _) => "complaint",
        };
        let status = item
            .request_status
            .map(|s| format!(", {}", s.label()))
            .unwrap_or_default();
        let mut flags = Vec::new();
        if item.overdue {
            flags.push("OVERDUE");
        }
        if item.due_this_week {
            flags.push("due this week");
        }
        if item.paused {
            flags.push("paused");
        }
        let flags = if flags.is_empty() {
            String::new()
        } else {
            format!("  [{}]", flags.join(", "))
        };
        println!(
            "\n{}  {what}: {}, received {}, {} days open{status}{flags}",
            item.reference, item.label, item.received_on, item.days_open
        );
        for deadline in &item.deadlines {
            let when = match deadline.state {
                DeadlineState::Overdue => format!("{} days overdue", -deadline.days_left),
                _ if deadline.days_left == 0 => "due today".to_owned(),
                _ => format!("{} days left", deadline.days_left),
            };
            println!(
                "  {}: due {}, {when}",
                rule_label(deadline.deadline.rule),
                deadline.deadline.due
            );
            println!("    {}", deadline.deadline);
        }
    }
}

fn rule_label(rule: DeadlineRule) -> &'static str {
    match rule {
        DeadlineRule::PublicDecision => "decision (APPI arts. 83, 94, 102)",
        DeadlineRule::PublicDecisionExtended => {
            "decision, extended (APPI arts. 83(2), 94(2), 102(2))"
        }
        DeadlineRule::PublicLargeVolumeNotice => "large-volume notice (APPI art. 84)",
        DeadlineRule::PublicLargeVolumePart => "decision on a substantial part (APPI art. 84)",
        DeadlineRule::PublicLargeVolumeRemainder => "decision on the rest (APPI art. 84)",
        DeadlineRule::PublicFilingLimit => "requester's filing limit (APPI arts. 90(3), 98(3))",
        DeadlineRule::PrivateTarget => "internal target for answering without delay",
        DeadlineRule::PrivateLitigationLine => "two weeks before a suit is possible (APPI art. 39)",
        DeadlineRule::GdprResponse => "response (GDPR Art. 12(3))",
        DeadlineRule::GdprResponseExtended => "response, extended (GDPR Art. 12(3))",
        DeadlineRule::AppiPreliminaryReport => "preliminary breach report",
        DeadlineRule::AppiFinalReport | DeadlineRule::AppiFinalReportWrongfulPurpose => {
            "final breach report"
        }
        DeadlineRule::GdprBreachNotification => "breach notification (GDPR Art. 33(1))",
    }
}
