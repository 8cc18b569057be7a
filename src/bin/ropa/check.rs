//! `ropa check` and `ropa evaluate`: load files, lint registers, evaluate proposals, apply the
//! project configuration, and report in the chosen format.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use ropa::config::{Config, Place, register_activity};
use ropa::engine::{Engine, Subject};
use ropa::model::{Proposal, Register};
use ropa::pairing::{Pairing, nearest_register};
use ropa::report::{
    ArtifactRoot, Documents, EvaluationEntry, FileEntry, HumanRenderer, LoadErrorEntry, RunReport, Sources,
    render_github, render_json, render_markdown, render_run, render_sarif,
};
use ropa::source::{Document, DocumentKind, Format, LoadError, ReadOptions};

use crate::files::{Found, expand, tree_of};
use crate::{Outcome, OutputFormat};

/// The default budget of bytes read in one run (256 MiB: sixteen files at the largest size).
pub const DEFAULT_MAX_TOTAL_SIZE: u64 = 256 * 1024 * 1024;

/// How the run is read, judged and reported.
pub struct Settings {
    pub read: ReadOptions,
    /// Most bytes read in one run, over all files.
    pub max_total_size: u64,
    /// Whether named files that are not registers or proposals are skipped too.
    pub skip_other_named_files: bool,
    pub config: Config,
    pub format: OutputFormat,
    /// Where SARIF file URIs start from.
    pub artifact_root: Option<ArtifactRoot>,
    pub style: HumanRenderer,
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

enum Loaded {
    Register(Box<LoadedRegister>),
    Proposal(Box<LoadedProposal>),
}

/// Collects the run's results and the source texts to render them with.
struct Collector<'s> {
    settings: &'s Settings,
    run: RunReport,
    sources: Sources,
    /// Bytes read so far, against `settings.max_total_size`.
    bytes_read: u64,
}

impl<'s> Collector<'s> {
    fn new(settings: &'s Settings) -> Self {
        Self {
            settings,
            run: RunReport::new(settings.config.fail_level()),
            sources: Sources::new(),
            bytes_read: 0,
        }
    }

    /// Loads a file; one a directory walk found (`named` false) is first read as text and skipped,
    /// counted, when it does not look like a register or proposal.
    fn load(&mut self, path: &Path, tree: &Path, named: bool) -> Option<Loaded> {
        if (!named || self.settings.skip_other_named_files) && self.not_ropa(path) {
            self.run.summary.skipped += 1;
            return None;
        }
        let name = path.display().to_string();
        // The budget is checked before reading, on the size the file system reports, so a file
        // past it is never read.
        let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
        if self.bytes_read.saturating_add(size) > self.settings.max_total_size {
            self.run.files.push(FileEntry {
                path: name.clone(),
                kind: None,
            });
            self.run.load_errors.push(LoadErrorEntry {
                file: name,
                code: "over-budget".to_owned(),
                message: format!(
                    "not read: the files of this run would exceed the budget of {} bytes",
                    self.settings.max_total_size
                ),
                help: Some("check fewer files at once, or raise the budget with --max-total-size".to_owned()),
                path: None,
                location: None,
            });
            return None;
        }
        self.bytes_read = self.bytes_read.saturating_add(size);
        let confined = if self.settings.read.follow_symlinks {
            ropa::source::check_within_tree(path, tree)
        } else {
            Ok(())
        };
        match confined
            .map_err(|e| vec![e])
            .and_then(|()| load(path, &self.settings.read))
        {
            Ok(loaded) => {
                let (kind, document) = match &loaded {
                    Loaded::Register(r) => (DocumentKind::Register, &r.document),
                    Loaded::Proposal(p) => (DocumentKind::Proposal, &p.document),
                };
                self.sources.insert(name.clone(), Arc::clone(document.source()));
                self.run.files.push(FileEntry {
                    path: name,
                    kind: Some(kind),
                });
                Some(loaded)
            }
            Err(errors) => {
                self.load_errors(&errors);
                None
            }
        }
    }

    /// Whether a walked file is plainly not a register or proposal. Links, files over the size
    /// limit and text that is not UTF-8 are not judged here: loading reports them.
    fn not_ropa(&self, path: &Path) -> bool {
        let Ok(meta) = std::fs::symlink_metadata(path) else {
            return false;
        };
        if !meta.is_file() || meta.len() > self.settings.read.limits.max_file_size {
            return false;
        }
        let format = self.settings.read.format.or_else(|| Format::from_path(path));
        match (
            std::fs::read(path).ok().and_then(|b| String::from_utf8(b).ok()),
            format,
        ) {
            (Some(text), Some(format)) => !ropa::source::looks_like_ropa(&text, format),
            _ => false,
        }
    }

    /// Records a file that could not be loaded, with every mistake found in it.
    fn load_errors(&mut self, errors: &[LoadError]) {
        let Some(first) = errors.first() else {
            return;
        };
        let name = first.file.display().to_string();
        if let Some(source) = &first.source_file {
            self.sources.insert(name.clone(), Arc::clone(source));
        }
        self.run.files.push(FileEntry {
            path: name,
            kind: None,
        });
        self.run
            .load_errors
            .extend(errors.iter().map(LoadErrorEntry::from));
    }

    fn problem(&mut self, path: &Path, problem: String) {
        let name = path.display().to_string();
        self.run.files.push(FileEntry {
            path: name.clone(),
            kind: None,
        });
        self.run.load_errors.push(LoadErrorEntry {
            file: name,
            code: "io".to_owned(),
            message: problem,
            help: None,
            path: None,
            location: None,
        });
    }

    /// A proposal that cannot be paired with one register: an input error (exit 2), never a
    /// silent skip that would let a non-compliant proposal pass.
    fn unpaired(&mut self, proposal: &Path, problem: String) {
        self.run.load_errors.push(LoadErrorEntry {
            file: proposal.display().to_string(),
            code: "unpaired-proposal".to_owned(),
            message: problem,
            help: Some(
                "name its register with `ropa evaluate --register REGISTER PROPOSAL`, or keep the proposal in or below its register's directory".to_owned(),
            ),
            path: None,
            location: None,
        });
    }

    fn lint(&mut self, register: &LoadedRegister, engine: &Engine<'_>) {
        let applied = self.settings.config.apply(engine.lint().findings, |f| Place {
            activity: register_activity(&register.register, &f.path),
            file: Some(&register.path),
        });
        let documents = Documents {
            register: Some(&register.document),
            proposal: None,
        };
        self.run.add(applied, documents);
    }

    fn evaluate(&mut self, register: &LoadedRegister, engine: &Engine<'_>, proposal: &LoadedProposal) {
        let findings = engine.evaluate(&proposal.proposal).report.findings;
        let documents = Documents {
            register: Some(&register.document),
            proposal: Some(&proposal.document),
        };
        let applied = self.settings.config.apply(findings, |f| match f.subject {
            Subject::Proposal => Place {
                activity: Some(proposal.proposal.activity.id.clone()),
                file: Some(&proposal.path),
            },
            Subject::Register => Place {
                activity: register_activity(&register.register, &f.path),
                file: Some(&register.path),
            },
        });
        // The verdict follows the configuration, as the library gives it.
        let evaluation = applied.evaluation();
        self.run.add(applied, documents);
        self.run.evaluations.push(EvaluationEntry {
            proposal: proposal.path.display().to_string(),
            register: register.path.display().to_string(),
            compliant: evaluation.compliant,
            verdict: evaluation.verdict(),
        });
    }

    fn finish(mut self) -> Outcome {
        self.run.finish();
        let text = match self.settings.format {
            OutputFormat::Human => render_run(&self.run, &self.sources, self.settings.style),
            OutputFormat::Json => render_json(&self.run),
            OutputFormat::Sarif => render_sarif(&self.run, self.settings.artifact_root.as_ref()),
            OutputFormat::Github => render_github(&self.run),
            OutputFormat::Markdown => render_markdown(&self.run),
        };
        crate::emit(&text);
        let summary = &self.run.summary;
        if summary.unreadable > 0 {
            Outcome::InputError
        } else if summary.failed {
            Outcome::Findings
        } else {
            Outcome::Clean
        }
    }
}

/// `ropa check`: every register is linted; every proposal is evaluated against the nearest
/// register in its directory or above (see [`ropa::pairing`]), or reported as an input error.
pub fn run(paths: &[PathBuf], settings: &Settings) -> Outcome {
    let mut collector = Collector::new(settings);
    let mut registers = Vec::new();
    let mut proposals = Vec::new();
    for found in expand(paths) {
        match found {
            Found::File { path, tree, named } => match collector.load(&path, &tree, named) {
                Some(Loaded::Register(r)) => registers.push(r),
                Some(Loaded::Proposal(p)) => proposals.push(p),
                None => {}
            },
            Found::Problem(path, problem) => collector.problem(&path, problem),
        }
    }
    // A proposal checked without its register (a staged proposal in a pre-commit hook, or one
    // named on its own) is paired with the nearest register on disk in its directory or above,
    // within the current directory; that register is read for the evaluation, not linted.
    let checked = registers.len();
    for proposal in &proposals {
        let paths: Vec<&Path> = registers.iter().map(|r| r.path.as_path()).collect();
        if nearest_register(&proposal.path, &paths) == Pairing::NoRegister {
            for path in registers_near(&proposal.path) {
                if registers.iter().all(|r| r.path != path)
                    && let Some(Loaded::Register(r)) = collector.load(&path, &tree_of(&path), true)
                {
                    registers.push(r);
                }
            }
        }
    }
    let engines: Vec<Engine<'_>> = registers.iter().map(|r| Engine::new(&r.register)).collect();
    for (register, engine) in registers.iter().zip(&engines).take(checked) {
        collector.lint(register, engine);
    }
    let register_paths: Vec<&Path> = registers.iter().map(|r| r.path.as_path()).collect();
    for proposal in &proposals {
        match nearest_register(&proposal.path, &register_paths) {
            Pairing::Register(i) => {
                if let (Some(register), Some(engine)) = (registers.get(i), engines.get(i)) {
                    collector.evaluate(register, engine, proposal);
                }
            }
            Pairing::Ambiguous(candidates) => {
                let names: Vec<String> = candidates
                    .iter()
                    .filter_map(|&i| register_paths.get(i))
                    .map(|p| p.display().to_string())
                    .collect();
                collector.unpaired(
                    &proposal.path,
                    format!(
                        "this proposal has {} equally near registers ({}), so ropa cannot tell which one it must stay within",
                        names.len(),
                        names.join(", ")
                    ),
                );
            }
            _ => collector.unpaired(
                &proposal.path,
                "no register was checked in this proposal's directory or any directory above it, so it was not evaluated".to_owned(),
            ),
        }
    }
    collector.finish()
}

/// The register files in the nearest directory, from the proposal's own upward, that holds any:
/// files whose text has a top-level `controller`. A relative path is searched up to the current
/// directory and an absolute one only in its own directory, so ropa never reads outside the
/// project.
fn registers_near(proposal: &Path) -> Vec<PathBuf> {
    let start = proposal.parent().unwrap_or(Path::new(""));
    let levels: Vec<&Path> = if start.is_absolute() {
        vec![start]
    } else {
        start.ancestors().collect()
    };
    for dir in levels {
        let listing = if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        };
        let mut found: Vec<PathBuf> = std::fs::read_dir(listing)
            .map(|entries| {
                entries
                    .filter_map(|e| e.ok())
                    .map(|e| dir.join(e.file_name()))
                    .filter(|p| is_register_file(p))
                    .collect()
            })
            .unwrap_or_default();
        if !found.is_empty() {
            found.sort();
            return found;
        }
    }
    Vec::new()
}

/// Whether a file on disk is a register: a regular file (not a link) of a format ropa reads, at
/// most the default size limit, whose text has a top-level `controller`.
fn is_register_file(path: &Path) -> bool {
    let Some(format) = Format::from_path(path) else {
        return false;
    };
    let limit = ropa::source::Limits::default().max_file_size;
    let regular = std::fs::symlink_metadata(path).is_ok_and(|m| m.is_file() && m.len() <= limit);
    regular
        && std::fs::read_to_string(path).is_ok_and(|text| match format {
            Format::Yaml => text.lines().any(|l| l.starts_with("controller:")),
            Format::Toml => text.lines().any(|l| l.trim_start().starts_with("[controller")),
            Format::Json => text.contains("\"controller\""),
        })
}

/// `ropa evaluate`: every proposal against one register.
pub fn evaluate(register_path: &Path, proposal_paths: &[PathBuf], settings: &Settings) -> Outcome {
    let mut collector = Collector::new(settings);
    let register = match collector.load(register_path, &tree_of(register_path), true) {
        Some(Loaded::Register(r)) => r,
        Some(Loaded::Proposal(_)) => {
            collector.problem(
                register_path,
                "this is a proposal, not a register (it has `activity` and no `controller`)".to_owned(),
            );
            return collector.finish();
        }
        None => return collector.finish(),
    };
    let engine = Engine::new(&register.register);
    for found in expand(proposal_paths) {
        match found {
            Found::File { path, tree, named } => match collector.load(&path, &tree, named) {
                Some(Loaded::Proposal(proposal)) => collector.evaluate(&register, &engine, &proposal),
                Some(Loaded::Register(_)) => {
                    collector.run.files.pop();
                    collector.problem(&path, "this is a register, not a proposal".to_owned());
                }
                None => {}
            },
            Found::Problem(path, problem) => collector.problem(&path, problem),
        }
    }
    collector.finish()
}

/// Loads a register or proposal, reporting every mistake in it rather than the first.
fn load(path: &Path, options: &ReadOptions) -> Result<Loaded, Vec<LoadError>> {
    let document = Document::read(path, options).map_err(|e| vec![e])?;
    Ok(match document.kind() {
        DocumentKind::Register => Loaded::Register(Box::new(LoadedRegister {
            path: path.to_path_buf(),
            register: document.deserialize_all()?,
            document,
        })),
        DocumentKind::Proposal => Loaded::Proposal(Box::new(LoadedProposal {
            path: path.to_path_buf(),
            proposal: document.deserialize_all()?,
            document,
        })),
    })
}
