//! The `ropa` command: a thin shell over the library. It parses arguments, finds files, calls
//! the library and maps outcomes to exit codes; everything else lives in the library.

mod check;
mod files;
mod import;
mod init;
mod render;
mod rules;
mod schema;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use ropa::config::Config;
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
    /// Write a commented starter register that passes `ropa check`.
    #[command(after_help = "Examples:\n  ropa init\n  ropa init privacy/register.toml")]
    Init {
        /// Where to write it; the extension picks the format.
        #[arg(default_value = "register.yaml")]
        path: PathBuf,
        /// Overwrite an existing file.
        #[arg(long)]
        force: bool,
    },
    /// List every rule with its default severity.
    #[command(after_help = "Examples:\n  ropa rules\n  ropa rules --markdown > docs/rules.md")]
    Rules {
        /// Print the full rule catalogue as Markdown (as in docs/rules.md).
        #[arg(long)]
        markdown: bool,
        /// Write one Markdown page per rule into this directory (as in docs/rules/), the pages
        /// SARIF results link to.
        #[arg(long, value_name = "DIR")]
        pages: Option<std::path::PathBuf>,
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
    /// Generate the privacy statement or the public register from a register.
    #[command(
        after_help = "Examples:\n  ropa render statement register.yaml --lang nl --format html -o public/privacy.html\n  ropa render register register.yaml --format csv -o public/register.csv\n\nExit codes: 0 written and complete, 1 written but showing things the register does not state (unless --allow-gaps), 2 input errors."
    )]
    Render(render::RenderArgs),
    /// Import a register from a spreadsheet or CSV file (.csv, .xlsx, .xls, .ods).
    #[command(
        after_help = "Examples:\n  ropa import verwerkingsregister.xlsx -o register.yaml\n  ropa import export.csv --controller \"Gemeente Voorbeeld\" --map kolommen.toml -o register.yaml\n\nEvery cell is kept: what could not be read as a typed field stays in the organisation's words,\nlisted as notes on standard error and by `ropa check` (unclassified-text).\n\nExit codes: 0 imported, 2 input errors."
    )]
    Import(import::ImportArgs),
}

#[derive(Debug, Args)]
struct CheckArgs {
    /// Files or directories (directories are searched for .yaml, .yml, .toml and .json files).
    #[arg(required = true, value_name = "FILE|DIR")]
    paths: Vec<PathBuf>,
    /// Skip named files that are not registers or proposals, as a directory walk does (for
    /// hooks that pass every changed .yaml, .toml or .json file, such as pre-commit).
    #[arg(long)]
    skip_other_files: bool,
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

/// How findings are reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// rustc-style snippets for people.
    Human,
    /// One JSON document (shape: `ropa schema report`).
    Json,
    /// SARIF 2.1.0, for GitHub code scanning.
    Sarif,
    /// GitHub Actions workflow commands: findings as annotations on the pull request.
    Github,
    /// A Markdown summary, for `$GITHUB_STEP_SUMMARY` or a review comment.
    Markdown,
}

#[derive(Debug, Args)]
struct InputArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Human)]
    format: OutputFormat,
    /// Show every finding in full; by default a finding that repeats in a file is shown once,
    /// with the places of the others, after a summary per file.
    #[arg(long, short)]
    verbose: bool,
    /// Fail (exit 1) on warnings too (`warnings`), or on every finding (`infos`); overrides the
    /// config's `fail_level`.
    #[arg(long, value_enum, value_name = "LEVEL")]
    deny: Option<DenyLevel>,
    /// The project configuration; by default the nearest `ropa.toml` in this directory or above.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Ignore any `ropa.toml`.
    #[arg(long, conflicts_with = "config")]
    no_config: bool,
    /// Read every file as this format instead of choosing by extension.
    #[arg(long, value_enum)]
    input_format: Option<InputFormat>,
    /// Read files through symbolic links (off by default: a link in a pull request could point
    /// at a secret that error messages would quote).
    #[arg(long)]
    follow_symlinks: bool,
    /// Walk directories without honouring `.gitignore` and `.ignore` files (a walk counts the
    /// register-format files they pass over, in the summary).
    #[arg(long)]
    no_ignore: bool,
    /// Largest file accepted, in bytes.
    #[arg(long, default_value_t = Limits::default().max_file_size)]
    max_file_size: u64,
    /// Most values (scalars, mappings, sequences) one file may hold: about 30 000 activities at
    /// the default. Raise it, with `--max-file-size`, for larger registers.
    #[arg(long, default_value_t = Limits::default().max_values)]
    max_values: usize,
    /// Most bytes read in one run, over all files; files past it are refused unread, so a pull
    /// request of many large files cannot exhaust the runner.
    #[arg(long, default_value_t = ropa::check::DEFAULT_MAX_TOTAL_SIZE)]
    max_total_size: u64,
    /// Most findings listed in full; past it findings are counted in the summary (and still
    /// fail the run), so a hostile file cannot make gigabytes of report.
    #[arg(long, default_value_t = ropa::report::DEFAULT_MAX_FINDINGS)]
    max_findings: usize,
    /// The repository root SARIF file URIs are relative to; by default the nearest directory
    /// holding `.git` at or above the first checked path, else the current directory.
    #[arg(long, value_name = "DIR")]
    root: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum DenyLevel {
    /// Fail on warnings and errors.
    Warnings,
    /// Fail on every finding.
    Infos,
}

impl InputArgs {
    /// The settings for a run over `checked` (the first path the run checks), or the error that
    /// makes the configuration unusable.
    fn settings(
        &self,
        color: bool,
        checked: Option<&std::path::Path>,
    ) -> Result<check::Settings, ropa::config::ConfigError> {
        let path = match (&self.config, self.no_config) {
            (Some(path), _) => Some(path.clone()),
            (None, true) => None,
            (None, false) => std::env::current_dir()
                .ok()
                .and_then(|dir| Config::discover(&dir)),
        };
        let mut config = match path {
            Some(path) => Config::read(&path)?,
            None => Config::default(),
        };
        match self.deny {
            Some(DenyLevel::Warnings) => config.fail_level = Some(Severity::Warning),
            Some(DenyLevel::Infos) => config.fail_level = Some(Severity::Info),
            None => {}
        }
        Ok(check::Settings {
            options: ropa::check::CheckOptions {
                read: self.read_options(),
                max_total_size: self.max_total_size,
                max_findings: self.max_findings,
                skip_other_named_files: false,
                config,
            },
            format: self.format,
            respect_ignore_files: !self.no_ignore,
            artifact_root: files::artifact_root(self.root.as_deref(), checked),
            style: ropa::report::HumanRenderer {
                color: color && self.format == OutputFormat::Human,
                group_repeats: !self.verbose,
            },
        })
    }

    fn read_options(&self) -> ReadOptions {
        ReadOptions {
            format: self.input_format.map(Format::from),
            limits: Limits {
                max_file_size: self.max_file_size,
                max_values: self.max_values,
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

/// Whether standard output gets colour, by the conventions `anstream` implements: `NO_COLOR`
/// turns it off, `CLICOLOR_FORCE` turns it on even through a pipe, `CLICOLOR=0` and
/// `TERM=dumb` turn it off, and otherwise only a terminal gets colour.
fn use_color() -> bool {
    !matches!(
        anstream::AutoStream::choice(&std::io::stdout()),
        anstream::ColorChoice::Never
    )
}

/// Writes to standard output. A closed pipe (`ropa ... | head`) ends the output quietly instead
/// of panicking.
pub fn emit(text: &str) {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    let _ = stdout.write_all(text.as_bytes()).and_then(|()| stdout.flush());
}

/// A configuration that cannot be used is an input error.
fn config_error(error: &ropa::config::ConfigError) -> Outcome {
    eprintln!(
        "{}",
        ropa::report::render_config_error(
            error,
            ropa::report::HumanRenderer {
                color: use_color(),
                group_repeats: false,
            }
        )
    );
    Outcome::InputError
}

fn main() -> ExitCode {
    // A panic in the workbook reader is caught and reported as a damaged workbook naming the
    // file: its panic message would only stand above that error, looking like a crash.
    let report_panic = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if !ropa::import::is_reading_workbook() {
            report_panic(info);
        }
    }));
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
        Command::Check(args) => match args
            .input
            .settings(use_color(), args.paths.first().map(PathBuf::as_path))
        {
            Ok(mut settings) => {
                settings.options.skip_other_named_files = args.skip_other_files;
                check::run(&args.paths, &settings)
            }
            Err(error) => config_error(&error),
        },
        Command::Evaluate(args) => match args.input.settings(use_color(), Some(&args.register)) {
            Ok(settings) => check::evaluate(&args.register, &args.proposals, &settings),
            Err(error) => config_error(&error),
        },
        Command::Init { path, force } => init::run(&path, force),
        Command::Rules {
            markdown,
            pages: Some(dir),
        } if !markdown => rules::pages(&dir),
        Command::Rules { markdown, .. } => rules::list(markdown),
        Command::Explain { rule } => rules::explain(&rule),
        Command::Schema(args) => schema::run(args.which, args.out.as_deref()),
        Command::Render(args) => render::run(&args),
        Command::Import(args) => import::run(&args),
    };
    outcome.into()
}
