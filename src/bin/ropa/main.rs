//! The `ropa` command: a thin shell over the library. It parses arguments, finds files, calls
//! the library and maps outcomes to exit codes; everything else lives in the library.

mod check;
mod files;
mod rules;
mod schema;

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use ropa::engine::Severity;
use ropa::source::{Format, Limits, ReadOptions};

const EXIT_CODES: &str = "Exit codes:\n  0  no findings at or above the fail level (error, or warning with --deny warnings)\n  1  findings at or above the fail level\n  2  usage or input errors (a file could not be read or is not a valid register or proposal)";

/// Check GDPR records of processing activities (Art 30 registers) and privacy-statement
/// commitments kept as YAML, TOML or JSON files.
#[derive(Debug, Parser)]
#[command(name = "ropa", version, about, long_about = None)]
#[command(after_help = EXIT_CODES)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Lint registers, and evaluate each proposal against the register in its directory.
    #[command(
        after_help = "Examples:\n  ropa check register.yaml\n  ropa check examples/\n  ropa check --deny warnings register.toml\n\nExit codes: 0 clean, 1 findings at or above the fail level, 2 input errors."
    )]
    Check(CheckArgs),
    /// Check proposed processing activities against a register and the law.
    #[command(
        after_help = "Examples:\n  ropa evaluate --register register.yaml proposals/newsletter.yaml\n  ropa evaluate --register register.yaml proposals/\n\nExit codes: 0 compliant, 1 findings at or above the fail level, 2 input errors."
    )]
    Evaluate(EvaluateArgs),
    /// List every rule with its default severity.
    #[command(after_help = "Examples:\n  ropa rules\n  ropa rules --markdown > docs/rules.md")]
    Rules {
        /// Print the full rule catalogue as Markdown (as in docs/rules.md).
        #[arg(long)]
        markdown: bool,
    },
    /// Explain a rule: what it checks, why, and examples.
    #[command(after_help = "Example:\n  ropa explain special-category-without-condition")]
    Explain {
        /// The rule id.
        rule: String,
    },
    /// Print or write the JSON Schemas of register and proposal files.
    #[command(
        after_help = "Examples:\n  ropa schema                 # the register schema on stdout\n  ropa schema proposal\n  ropa schema --out schema/   # write both schema files"
    )]
    Schema(SchemaArgs),
}

#[derive(Debug, Args)]
struct CheckArgs {
    /// Files or directories (directories are searched for .yaml, .yml, .toml and .json files).
    #[arg(required = true, value_name = "FILE|DIR")]
    paths: Vec<PathBuf>,
    #[command(flatten)]
    input: InputArgs,
}

#[derive(Debug, Args)]
struct EvaluateArgs {
    /// The register to check against.
    #[arg(long, short, value_name = "REGISTER")]
    register: PathBuf,
    /// Proposal files or directories.
    #[arg(required = true, value_name = "PROPOSAL")]
    proposals: Vec<PathBuf>,
    #[command(flatten)]
    input: InputArgs,
}

#[derive(Debug, Args)]
struct InputArgs {
    /// Fail (exit 1) on warnings too, not only on errors.
    #[arg(long, value_enum, value_name = "LEVEL")]
    deny: Option<DenyLevel>,
    /// Read every file as this format instead of choosing by extension.
    #[arg(long, value_enum)]
    input_format: Option<InputFormat>,
    /// Read files through symbolic links (off by default: a link in a pull request could point
    /// at a secret that error messages would quote).
    #[arg(long)]
    follow_symlinks: bool,
    /// Largest file accepted, in bytes.
    #[arg(long, default_value_t = Limits::default().max_file_size)]
    max_file_size: u64,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum DenyLevel {
    /// Fail on warnings and errors.
    Warnings,
    /// Fail on every finding.
    Infos,
}

impl InputArgs {
    fn settings(&self, color: bool) -> check::Settings {
        check::Settings {
            read: self.read_options(),
            style: ropa::report::HumanRenderer { color },
            fail_at: match self.deny {
                None => Severity::Error,
                Some(DenyLevel::Warnings) => Severity::Warning,
                Some(DenyLevel::Infos) => Severity::Info,
            },
        }
    }

    fn read_options(&self) -> ReadOptions {
        ReadOptions {
            format: self.input_format.map(Format::from),
            limits: Limits {
                max_file_size: self.max_file_size,
                ..Limits::default()
            },
            follow_symlinks: self.follow_symlinks,
        }
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum InputFormat {
    Yaml,
    Toml,
    Json,
}

impl From<InputFormat> for Format {
    fn from(format: InputFormat) -> Self {
        match format {
            InputFormat::Yaml => Format::Yaml,
            InputFormat::Toml => Format::Toml,
            InputFormat::Json => Format::Json,
        }
    }
}

#[derive(Debug, Args)]
struct SchemaArgs {
    /// Which schema to print.
    #[arg(value_enum, default_value_t = schema::Which::Register)]
    which: schema::Which,
    /// Write both schema files into this directory instead of printing.
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
}

/// How a run ended, as the process exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    /// No findings at or above the fail level.
    Clean,
    /// Findings at or above the fail level.
    Findings,
    /// Usage or input errors.
    InputError,
}

impl From<Outcome> for ExitCode {
    fn from(outcome: Outcome) -> Self {
        match outcome {
            Outcome::Clean => ExitCode::SUCCESS,
            Outcome::Findings => ExitCode::from(1),
            Outcome::InputError => ExitCode::from(2),
        }
    }
}

/// Colour only on a terminal, and never when `NO_COLOR` is set (no-color.org).
fn use_color() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && std::io::stdout().is_terminal()
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            let _ = error.print();
            return if error.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    let outcome = match cli.command {
        Command::Check(args) => check::run(&args.paths, &args.input.settings(use_color())),
        Command::Evaluate(args) => {
            check::evaluate(&args.register, &args.proposals, &args.input.settings(use_color()))
        }
        Command::Rules { markdown } => rules::list(markdown),
        Command::Explain { rule } => rules::explain(&rule),
        Command::Schema(args) => schema::run(args.which, args.out.as_deref()),
    };
    outcome.into()
}
