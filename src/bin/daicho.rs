//! `daicho`: the register from the command line. Every command goes through the same core as
//! the desktop app, so its writes are validated and audited the same way.

use clap::{Parser, Subcommand, ValueEnum};
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
            println!("loaded the demo register: 1 organisation, {count} holdings");
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
                "wrote {} holdings to {}",
                document.holdings.len(),
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
                "imported {} holdings{}",
                summary.holdings,
                if summary.organisation {
                    " and the organisation profile"
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
    }
    Ok(ExitCode::SUCCESS)
}
