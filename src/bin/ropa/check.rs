//! `ropa check` and `ropa evaluate`: load files, lint registers, evaluate proposals, print
//! findings and a summary.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use ropa::engine::{Engine, Evaluation, Report, Severity};
use ropa::model::{Proposal, Register};
use ropa::report::{Documents, HumanRenderer, locate, render_finding, render_load_error, sanitize};
use ropa::source::{Document, DocumentKind, ReadOptions};

use crate::Outcome;
use crate::files::{Found, expand};

/// How the run is reported and judged.
pub struct Settings {
    pub read: ReadOptions,
    pub style: HumanRenderer,
    /// Findings at or above this severity fail the run.
    pub fail_at: Severity,
}

/// Counts for the summary line and the exit code.
#[derive(Default)]
struct Tally {
    registers: usize,
    proposals: usize,
    unreadable: usize,
    errors: usize,
    warnings: usize,
    infos: usize,
    failing: bool,
}

impl Tally {
    fn add(&mut self, report: &Report, fail_at: Severity) {
        let (e, w, i) = report.counts();
        self.errors += e;
        self.warnings += w;
        self.infos += i;
        self.failing |= report.max_severity().is_some_and(|s| s >= fail_at);
    }

    fn summary(&self) -> String {
        let files = self.registers + self.proposals + self.unreadable;
        let mut line = format!(
            "checked {files} file{}: {} register{}, {} proposal{}",
            plural(files),
            self.registers,
            plural(self.registers),
            self.proposals,
            plural(self.proposals)
        );
        if self.unreadable > 0 {
            line.push_str(&format!(", {} that could not be loaded", self.unreadable));
        }
        line.push_str(&format!(
            "; {} error{}, {} warning{}, {} info",
            self.errors,
            plural(self.errors),
            self.warnings,
            plural(self.warnings),
            self.infos
        ));
        line
    }

    fn outcome(&self) -> Outcome {
        if self.unreadable > 0 {
            Outcome::InputError
        } else if self.failing {
            Outcome::Findings
        } else {
            Outcome::Clean
        }
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

struct LoadedRegister {
    path: PathBuf,
    document: Document,
    register: Register,
}

struct LoadedProposal {
    path: PathBuf,
    document: Document,
    proposal: Proposal,
}

/// `ropa check`: every register is linted; every proposal is evaluated against the register in
/// its own directory when there is exactly one.
pub fn run(paths: &[PathBuf], settings: &Settings) -> Outcome {
    let mut tally = Tally::default();
    let mut registers = Vec::new();
    let mut proposals = Vec::new();
    for found in expand(paths) {
        match found {
            Found::File(path) => match load(&path, &settings.read) {
                Ok(Loaded::Register(r)) => registers.push(r),
                Ok(Loaded::Proposal(p)) => proposals.push(p),
                Err(error) => {
                    tally.unreadable += 1;
                    println!("{}\n", render_load_error(&error, settings.style));
                }
            },
            Found::Problem(path, problem) => {
                tally.unreadable += 1;
                println!(
                    "error: {}: {}\n",
                    sanitize(&path.display().to_string()),
                    sanitize(&problem)
                );
            }
        }
    }
    let mut by_directory: BTreeMap<&Path, Vec<usize>> = BTreeMap::new();
    for (i, r) in registers.iter().enumerate() {
        by_directory.entry(parent(&r.path)).or_default().push(i);
    }
    let engines: Vec<Engine<'_>> = registers.iter().map(|r| Engine::new(&r.register)).collect();
    for (register, engine) in registers.iter().zip(&engines) {
        tally.registers += 1;
        let documents = Documents {
            register: Some(&register.document),
            proposal: None,
        };
        print_report(engine.lint(), &documents, settings, &mut tally);
    }
    for proposal in &proposals {
        tally.proposals += 1;
        match by_directory.get(parent(&proposal.path)).map(Vec::as_slice) {
            Some(&[only]) => {
                let (Some(register), Some(engine)) = (registers.get(only), engines.get(only)) else {
                    continue;
                };
                evaluate_one(engine, register, proposal, settings, &mut tally);
            }
            _ => println!(
                "note: {} was loaded but not evaluated: its directory has no single register; use `ropa evaluate --register REGISTER {}`\n",
                sanitize(&proposal.path.display().to_string()),
                sanitize(&proposal.path.display().to_string()),
            ),
        }
    }
    println!("{}", tally.summary());
    tally.outcome()
}

/// `ropa evaluate`: every proposal against one register.
pub fn evaluate(register_path: &Path, proposal_paths: &[PathBuf], settings: &Settings) -> Outcome {
    let mut tally = Tally::default();
    let register = match load(register_path, &settings.read) {
        Ok(Loaded::Register(r)) => r,
        Ok(Loaded::Proposal(_)) => {
            println!(
                "error: {} is a proposal, not a register (it has `activity` and no `controller`)",
                sanitize(&register_path.display().to_string())
            );
            return Outcome::InputError;
        }
        Err(error) => {
            println!("{}\n", render_load_error(&error, settings.style));
            return Outcome::InputError;
        }
    };
    tally.registers += 1;
    let engine = Engine::new(&register.register);
    for found in expand(proposal_paths) {
        let path = match found {
            Found::File(path) => path,
            Found::Problem(path, problem) => {
                tally.unreadable += 1;
                println!(
                    "error: {}: {}\n",
                    sanitize(&path.display().to_string()),
                    sanitize(&problem)
                );
                continue;
            }
        };
        match load(&path, &settings.read) {
            Ok(Loaded::Proposal(proposal)) => {
                tally.proposals += 1;
                evaluate_one(&engine, &register, &proposal, settings, &mut tally);
            }
            Ok(Loaded::Register(_)) => {
                tally.unreadable += 1;
                println!(
                    "error: {} is a register, not a proposal\n",
                    sanitize(&path.display().to_string())
                );
            }
            Err(error) => {
                tally.unreadable += 1;
                println!("{}\n", render_load_error(&error, settings.style));
            }
        }
    }
    println!("{}", tally.summary());
    tally.outcome()
}

fn evaluate_one(
    engine: &Engine<'_>,
    register: &LoadedRegister,
    proposal: &LoadedProposal,
    settings: &Settings,
    tally: &mut Tally,
) {
    let Evaluation { compliant, report } = engine.evaluate(&proposal.proposal);
    let verdict = Evaluation {
        compliant,
        report: report.clone(),
    }
    .verdict();
    let documents = Documents {
        register: Some(&register.document),
        proposal: Some(&proposal.document),
    };
    print_report(report, &documents, settings, tally);
    println!(
        "{} against {}: {verdict}\n",
        sanitize(&proposal.path.display().to_string()),
        sanitize(&register.path.display().to_string())
    );
}

fn print_report(mut report: Report, documents: &Documents<'_>, settings: &Settings, tally: &mut Tally) {
    locate(&mut report.findings, *documents);
    for finding in &report.findings {
        println!("{}\n", render_finding(finding, documents, settings.style));
    }
    tally.add(&report, settings.fail_at);
}

enum Loaded {
    Register(LoadedRegister),
    Proposal(LoadedProposal),
}

fn load(path: &Path, options: &ReadOptions) -> Result<Loaded, ropa::source::LoadError> {
    let document = Document::read(path, options)?;
    Ok(match document.kind() {
        DocumentKind::Register => Loaded::Register(LoadedRegister {
            path: path.to_path_buf(),
            register: document.register()?,
            document,
        }),
        DocumentKind::Proposal => Loaded::Proposal(LoadedProposal {
            path: path.to_path_buf(),
            proposal: document.proposal()?,
            document,
        }),
    })
}

fn parent(path: &Path) -> &Path {
    path.parent().unwrap_or(Path::new(""))
}
