//! The `ropa` command: a thin shell over the library. It parses arguments, finds files, calls
//! the library and maps outcomes to exit codes; everything else lives in the library.

mod check;
mod files;
mod schema;

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use ropa::source::{Format, Limits, ReadOptions};

/// Check GDPR records of processing activities (Art 30 registers) and privacy-statement
/// commitments kept as YAML, TOML or JSON files.
#[derive(Debug, Parser)]
#[command(name = "ropa", version, about, long_about = None)]
#[command(
    after_help = "Exit codes:\n  0  every file loaded\n  2  usage or input errors (a file could not be read or is not a valid register or proposal)"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Load registers and proposals and report every error with file:line:column and a fix.
    #[command(
        after_help = "Examples:\n  ropa check register.yaml\n  ropa check examples/\n  ropa check --input-format yaml register.txt"
    )]
    Check(CheckArgs),
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
struct InputArgs {
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

impl InputArgs {
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
    /// Everything loaded.
    Clean,
    /// Usage or input errors.
    InputError,
}

impl From<Outcome> for ExitCode {
    fn from(outcome: Outcome) -> Self {
        match outcome {
            Outcome::Clean => ExitCode::SUCCESS,
            Outcome::InputError => ExitCode::from(2),
        }
    }
}

/// Colour only on a terminal, and never when `NO_COLOR` is set (no-color.org).
fn use_color() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && std::io::stderr().is_terminal()
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
        Command::Check(args) => check::run(&args.paths, &args.input.read_options(), use_color()),
        Command::Schema(args) => schema::run(args.which, args.out.as_deref()),
    };
    outcome.into()
}
