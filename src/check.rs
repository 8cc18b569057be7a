//! Checking files as `ropa check` and `ropa evaluate` do: load each file within a budget of
//! bytes, lint every register, pair every proposal with its register and evaluate it, apply the
//! project configuration, and gather the outcome as a [`RunReport`] with the texts to render it.
//!
//! The command line only finds the files ([`Input`]s), renders the report and picks the exit
//! code, so an embedder that calls [`check`] gets the same verdicts as `ropa check`, including
//! the input errors that keep a run from passing silently: a proposal without a register, or
//! with several equally near ones, is an input error, never a skipped file.
//!
//! ```no_run
//! use ropa::check::{CheckOptions, Input, check};
//!
//! let inputs = [Input::named("privacy/register.yaml"), Input::named("privacy/proposals/portaal.yaml")];
//! let run = check(inputs, &CheckOptions::default());
//! assert!(!run.report.summary.failed, "{}", ropa::report::render_json(&run.report));
//! ```

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::config::{Config, Place, register_activity};
use crate::engine::{Engine, Subject};
use crate::model::{Proposal, Register};
use crate::pairing::{Pairing, Registers};
use crate::report::{Documents, EvaluationEntry, FileEntry, LoadErrorEntry, RunReport, Sources};
use crate::source::{Document, DocumentKind, Format, LoadError, ReadOptions};

/// The default budget of bytes read in one run (256 MiB: sixteen files at the largest size).
pub const DEFAULT_MAX_TOTAL_SIZE: u64 = 256 * 1024 * 1024;

/// How files are read and judged.
#[derive(Debug, Clone)]
pub struct CheckOptions {
    /// How each file is read (format, limits, symbolic links).
    pub read: ReadOptions,
    /// Most bytes read in one run, over all files: a pull request of many huge files is refused
    /// clearly instead of exhausting the runner.
    pub max_total_size: u64,
    /// Most findings listed in full in the report (and as many suppressed ones); past it they
    /// are counted in the summary, so the counts and the exit code stay right while a hostile
    /// file cannot make gigabytes of report.
    pub max_findings: usize,
    /// Whether files named by the caller are skipped too when they are plainly not registers or
    /// proposals (a walked file always is).
    pub skip_other_named_files: bool,
    /// The project configuration: severity overrides, suppressions, the fail level.
    pub config: Config,
}

impl Default for CheckOptions {
    fn default() -> Self {
        Self {
            read: ReadOptions::default(),
            max_total_size: DEFAULT_MAX_TOTAL_SIZE,
            max_findings: crate::report::DEFAULT_MAX_FINDINGS,
            skip_other_named_files: false,
            config: Config::default(),
        }
    }
}

/// A file to check, or a problem met while finding files.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Input {
    /// A file, with the tree it was found in (the directory given, or the directory of a file
    /// given): with `--follow-symlinks`, a link is followed only within that tree.
    File {
        /// The file.
        path: PathBuf,
        /// The tree it belongs to.
        tree: PathBuf,
        /// Whether the caller named it. A named file is always loaded, so a mistake in it is
        /// reported; a file found by walking a directory is skipped, and counted, when it plainly
        /// is not a register or proposal (a `package.json`, a CI configuration).
        named: bool,
    },
    /// A file of a format ropa reads that a directory walk passed over (hidden, in `target`, or
    /// named by an ignore file such as `.gitignore`): counted in the summary when it is a
    /// register or proposal, so that what a walk leaves out is never silent.
    Ignored {
        /// The file.
        path: PathBuf,
    },
    /// A place that could not be searched, with why: an input error of the run.
    Problem {
        /// The place.
        path: PathBuf,
        /// What went wrong.
        problem: String,
    },
}

impl Input {
    /// A file named by the caller, in the tree of its own directory.
    pub fn named(path: impl Into<PathBuf>) -> Self {
        let path = path.into();
        Self::File {
            tree: tree_of(&path),
            path,
            named: true,
        }
    }
}

/// The tree a named file belongs to: its directory.
pub fn tree_of(file: &Path) -> PathBuf {
    file.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .to_path_buf()
}

/// A run's outcome: the report, and the texts of the files it points into, for rendering source
/// lines.
#[derive(Debug)]
pub struct CheckRun {
    /// What the run found, counted, with its verdict (`report.summary.failed`).
    pub report: RunReport,
    /// The loaded files' texts by name.
    pub sources: Sources,
}

/// `ropa check`: every register is linted; every proposal is evaluated against the nearest
/// register in its directory or above (see [`crate::pairing`]), or reported as an input error.
/// A proposal checked without its register (a staged proposal in a pre-commit hook, or one
/// named on its own) is paired with the nearest register on disk in its directory or above,
/// within the current directory (hidden files are passed over, as a walk passes over them); that
/// register is linted too: a register that decides a proposal's verdict is itself checked.
pub fn check(inputs: impl IntoIterator<Item = Input>, options: &CheckOptions) -> CheckRun {
    let mut collector = Collector::new(options);
    let mut registers = Vec::new();
    let mut proposals = Vec::new();
    // Every file looked at once: a register on disk near a proposal is read only if the run has
    // not read it already (a broken one would be reported twice).
    let mut looked_at = HashSet::new();
    for input in inputs {
        if let Input::File { path, .. } = &input {
            looked_at.insert(without_dots(path));
        }
        match collector.input(input) {
            Some(Loaded::Register(r)) => registers.push(r),
            Some(Loaded::Proposal(p)) => proposals.push(p),
            None => {}
        }
    }
    // The registers beside or above each proposal on disk, named or not (a pre-commit hook names
    // only the staged files): the nearest directory that holds one decides. Each directory is
    // listed and judged once, so many proposals cost no more than their directories.
    let mut register_like: HashSet<PathBuf> = registers
        .iter()
        .map(|r| without_dots(&r.path))
        .chain(collector.broken_registers())
        .collect();
    let mut on_disk: HashMap<PathBuf, Vec<PathBuf>> = HashMap::new();
    for proposal in &proposals {
        let near = nearest_on_disk(&mut on_disk, &proposal.path, |path| {
            let key = without_dots(path);
            if looked_at.contains(&key) {
                register_like.contains(&key)
            } else {
                collector.is_register_on_disk(path)
            }
        });
        for path in near {
            let key = without_dots(&path);
            if looked_at.insert(key.clone()) {
                // A register that does not load is reported by loading, and pairs as broken.
                if let Some(Loaded::Register(r)) = collector.input(Input::named(path)) {
                    registers.push(r);
                }
                register_like.insert(key);
            }
        }
    }
    let engines: Vec<Engine<'_>> = registers.iter().map(|r| Engine::new(&r.register)).collect();
    // Every register, those found on disk for pairing too: a register a pull request adds
    // beside a proposal must not decide the proposal's verdict unchecked.
    for (register, engine) in registers.iter().zip(&engines) {
        collector.lint(register, engine);
    }
    // Pairing sees the registers that loaded and those that did not: a proposal whose nearest
    // register is broken is not evaluated against one farther up.
    let loaded: HashSet<PathBuf> = registers.iter().map(|r| without_dots(&r.path)).collect();
    let mut broken: Vec<PathBuf> = register_like
        .into_iter()
        .filter(|p| !loaded.contains(p))
        .collect();
    broken.sort();
    let register_paths: Vec<&Path> = (registers.iter().map(|r| r.path.as_path()))
        .chain(broken.iter().map(PathBuf::as_path))
        .collect();
    let pairing = Registers::new(&register_paths);
    for proposal in &proposals {
        match pairing.nearest(&proposal.path) {
            Pairing::Register(i) => match (registers.get(i), engines.get(i)) {
                (Some(register), Some(engine)) => collector.evaluate(register, engine, proposal),
                _ => {
                    let name = register_paths.get(i).map(|p| p.display().to_string()).unwrap_or_default();
                    collector.unpaired(
                        &proposal.path,
                        format!("its register ({name}) could not be loaded, so it was not evaluated"),
                    );
                }
            },
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

/// `ropa evaluate`: every proposal among `proposals` against the register at `register`.
pub fn evaluate(
    register: &Path,
    proposals: impl IntoIterator<Item = Input>,
    options: &CheckOptions,
) -> CheckRun {
    let mut collector = Collector::new(options);
    let register = match collector.input(Input::named(register)) {
        Some(Loaded::Register(r)) => r,
        Some(Loaded::Proposal(_)) => {
            collector.run.files.pop();
            collector.problem(
                register,
                "this is a proposal, not a register (it has `activity` and no `controller`)".to_owned(),
            );
            return collector.finish();
        }
        None => return collector.finish(),
    };
    let engine = Engine::new(&register.register);
    for input in proposals {
        let path = match &input {
            Input::File { path, .. } | Input::Problem { path, .. } | Input::Ignored { path } => path.clone(),
        };
        match collector.input(input) {
            Some(Loaded::Proposal(proposal)) => collector.evaluate(&register, &engine, &proposal),
            Some(Loaded::Register(_)) => {
                collector.run.files.pop();
                collector.problem(&path, "this is a register, not a proposal".to_owned());
            }
            None => {}
        }
    }
    collector.finish()
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
struct Collector<'o> {
    options: &'o CheckOptions,
    run: RunReport,
    sources: Sources,
    /// Bytes read so far, against `options.max_total_size`.
    bytes_read: u64,
    /// Bytes read to judge files a walk passed over, against [`PASSED_OVER_BUDGET`]: kept apart,
    /// so that an ignored `node_modules` never uses up the budget of the files checked.
    passed_over_read: u64,
}

/// The most bytes read to judge the files a walk passed over (hidden, in `target`, or ignored),
/// and the largest such file judged: a proposal is a few kilobytes, and a run in a repository
/// with a large ignored dependency folder must not read all of it.
const PASSED_OVER_BUDGET: u64 = 64 * 1024 * 1024;
const PASSED_OVER_FILE: u64 = 1024 * 1024;

impl<'o> Collector<'o> {
    fn new(options: &'o CheckOptions) -> Self {
        Self {
            options,
            run: RunReport::new(options.config.fail_level()).with_max_findings(options.max_findings),
            sources: Sources::new(),
            bytes_read: 0,
            passed_over_read: 0,
        }
    }

    /// Loads a file, or records the problem met finding it.
    fn input(&mut self, input: Input) -> Option<Loaded> {
        match input {
            Input::File { path, tree, named } => self.load(&path, &tree, named),
            Input::Problem { path, problem } => {
                self.problem(&path, problem);
                None
            }
            Input::Ignored { path } => {
                let size = std::fs::symlink_metadata(&path).map_or(u64::MAX, |m| m.len());
                let read = self.passed_over_read.saturating_add(size);
                if size <= PASSED_OVER_FILE && read <= PASSED_OVER_BUDGET {
                    self.passed_over_read = read;
                    if judge_on_disk(&path).is_some() {
                        self.run.summary.ignored += 1;
                    }
                } else {
                    // Not read, so not known to be harmless: counted, never silent.
                    self.run.summary.unjudged += 1;
                }
                None
            }
        }
    }

    /// Loads a file; one a directory walk found (`named` false) is first read as text and skipped,
    /// counted, when it does not look like a register or proposal.
    fn load(&mut self, path: &Path, tree: &Path, named: bool) -> Option<Loaded> {
        let name = path.display().to_string();
        // The budget is checked before reading, on the size the file system reports, so a file
        // past it is never read.
        let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
        if self.bytes_read.saturating_add(size) > self.options.max_total_size {
            self.run.files.push(FileEntry {
                path: name.clone(),
                kind: None,
            });
            let message = format!(
                "not read: the files of this run would exceed the budget of {} bytes",
                self.options.max_total_size
            );
            self.input_error(
                name,
                "over-budget",
                message,
                Some("check fewer files at once, or raise the budget with --max-total-size"),
            );
            return None;
        }
        self.bytes_read = self.bytes_read.saturating_add(size);
        let confined = if self.options.read.follow_symlinks {
            crate::source::check_within_tree(path, tree)
        } else {
            Ok(())
        };
        // A walked file is read and parsed once, then judged by what it holds: skipped, counted,
        // when it is plainly not a register or proposal.
        let sniff = !named || self.options.skip_other_named_files;
        let document = confined.and_then(|()| Document::read(path, &self.options.read));
        let skip = match &document {
            // A misspelled top-level key (`activty:`) is a broken proposal to report, not
            // another kind of file.
            Ok(document) => !document.is_ropa() && !misspells_ropa(document),
            // Text that does not parse is judged by its words; links, files over the size limit
            // and text that is not UTF-8 (no source text) are reported by loading.
            Err(error) => error
                .source_file
                .as_ref()
                .zip(self.options.read.format.or_else(|| Format::from_path(path)))
                .is_some_and(|(source, format)| !crate::source::looks_like_ropa(source.text(), format)),
        };
        if sniff && skip {
            self.run.summary.skipped += 1;
            return None;
        }
        match document
            .map_err(|e| vec![e])
            .and_then(|document| load(path, document))
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

    /// The files that could not be loaded and were meant as registers (their text has a
    /// `controller` key).
    fn broken_registers(&self) -> Vec<PathBuf> {
        (self.run.files.iter())
            .filter(|f| f.kind.is_none())
            .filter(|f| {
                let format = Format::from_path(Path::new(&f.path)).unwrap_or(Format::Yaml);
                (self.sources.get(&f.path)).is_some_and(|source| may_be_register(source.text(), format))
            })
            .map(|f| without_dots(Path::new(&f.path)))
            .collect()
    }

    /// Whether a file on disk, not among the files checked, is a register (see
    /// [`Collector::ropa_on_disk`]).
    fn is_register_on_disk(&mut self, path: &Path) -> bool {
        self.ropa_on_disk(path) == Some(DocumentKind::Register)
    }

    /// What a file on disk that the run does not check holds ([`judge_on_disk`]), its bytes
    /// counted towards the run's budget; past it, no more files are judged.
    fn ropa_on_disk(&mut self, path: &Path) -> Option<DocumentKind> {
        let size = std::fs::symlink_metadata(path).map_or(0, |m| m.len());
        if self.bytes_read.saturating_add(size) > self.options.max_total_size {
            // Not read, so not known: taken for a register, whose loading then reports the
            // budget, rather than passed over for a farther register.
            return Some(DocumentKind::Register);
        }
        self.bytes_read = self.bytes_read.saturating_add(size);
        judge_on_disk(path)
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
        self.input_error(name, "io", problem, None);
    }

    /// A proposal that cannot be paired with one register: an input error (exit 2), never a
    /// silent skip that would let a non-compliant proposal pass.
    fn unpaired(&mut self, proposal: &Path, problem: String) {
        self.input_error(
            proposal.display().to_string(),
            crate::report::UNPAIRED,
            problem,
            Some("name its register with `ropa evaluate --register REGISTER PROPOSAL`, or keep the proposal in or below its register's directory"),
        );
    }

    /// An input error about a whole file, which fails the run.
    fn input_error(&mut self, file: String, code: &str, message: String, help: Option<&str>) {
        self.run.load_errors.push(LoadErrorEntry {
            file,
            code: code.to_owned(),
            message,
            help: help.map(str::to_owned),
            path: None,
            location: None,
        });
    }

    fn lint(&mut self, register: &LoadedRegister, engine: &Engine<'_>) {
        let applied = self.options.config.apply(engine.lint().findings, |f| Place {
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
        let applied = self.options.config.apply(findings, |f| match f.subject {
            Subject::Proposal => Place {
                activity: Some(proposal.proposal.activity.id.clone()),
                file: Some(&proposal.path),
            },
            Subject::Register => Place {
                activity: register_activity(&register.register, &f.path),
                file: Some(&register.path),
            },
        });
        // The verdict follows the configuration.
        let evaluation = applied.evaluation();
        self.run.add(applied, documents);
        self.run.evaluations.push(EvaluationEntry {
            proposal: proposal.path.display().to_string(),
            register: register.path.display().to_string(),
            compliant: evaluation.compliant,
            verdict: evaluation.verdict(),
        });
    }

    fn finish(mut self) -> CheckRun {
        self.run.finish();
        CheckRun {
            report: self.run,
            sources: self.sources,
        }
    }
}

/// The register files, not hidden, in the nearest directory, from the proposal's own upward, that
/// holds any (`is_register` judges each file once; `listed` keeps each directory's answer). A relative path
/// is searched up to the current directory and an absolute one only in its own directory, so
/// ropa never reads outside the project.
fn nearest_on_disk(
    listed: &mut HashMap<PathBuf, Vec<PathBuf>>,
    proposal: &Path,
    mut is_register: impl FnMut(&Path) -> bool,
) -> Vec<PathBuf> {
    let start = proposal.parent().unwrap_or(Path::new(""));
    // Not past a `..`: the directory above `../other` is not the current one.
    let climbs = start.components().any(|c| c == std::path::Component::ParentDir);
    let levels: Vec<&Path> = if start.is_absolute() || climbs {
        vec![start]
    } else {
        start.ancestors().collect()
    };
    for dir in levels {
        let found = listed.entry(dir.to_path_buf()).or_insert_with(|| {
            let listing = if dir.as_os_str().is_empty() {
                Path::new(".")
            } else {
                dir
            };
            let mut found: Vec<PathBuf> = std::fs::read_dir(listing)
                .map(|entries| {
                    entries
                        .filter_map(|e| e.ok())
                        .filter(|e| e.file_type().is_ok_and(|t| t.is_file() || t.is_symlink()))
                        // Hidden files are passed over, as a directory walk passes over them: a
                        // `.register.json` must not quietly govern the proposals beside it.
                        .filter(|e| !e.file_name().as_encoded_bytes().starts_with(b"."))
                        .map(|e| dir.join(e.file_name()))
                        .filter(|p| is_register(p))
                        .collect()
                })
                .unwrap_or_default();
            found.sort();
            found
        });
        if !found.is_empty() {
            return found.clone();
        }
    }
    Vec::new()
}

/// What a file on disk holds: a register or proposal when it is a regular file of a format ropa
/// reads whose parsed top level says so (however the keys are written), or which does not parse
/// but has a `controller` or `activity` key (a broken one).
fn judge_on_disk(path: &Path) -> Option<DocumentKind> {
    let format = Format::from_path(path)?;
    let read = ReadOptions {
        format: Some(format),
        ..ReadOptions::default()
    };
    match Document::read(path, &read) {
        Ok(document) => document.is_ropa().then(|| document.kind()),
        // A file that cannot be read as text (a link, too large, not UTF-8) may be a register:
        // pairing must not pass over it for a farther one, so loading will report it.
        Err(error) => match error.source_file.as_ref().map(|source| source.text()) {
            None => Some(DocumentKind::Register),
            Some(text) if may_be_register(text, format) => Some(DocumentKind::Register),
            Some(text) => crate::source::looks_like_ropa(text, format).then_some(DocumentKind::Proposal),
        },
    }
}

/// Whether text that does not load may have been meant as a register: a `controller` key, or
/// in JSON a `\u` escape, which could spell it.
fn may_be_register(text: &str, format: Format) -> bool {
    crate::source::has_key(text, "controller") || (format == Format::Json && text.contains("\\u"))
}

/// Whether a document's top level has a key one or two edits from `controller` or `activity`
/// holding what ropa's would.
fn misspells_ropa(document: &Document) -> bool {
    let crate::source::Value::Mapping(entries) = &document.root().value else {
        return false;
    };
    // And whose value reads as ropa's: `controllers:` of a web framework is not a typo.
    let own = |node: &crate::source::Node| match &node.value {
        crate::source::Value::Mapping(fields) => fields
            .iter()
            .any(|f| matches!(f.key.as_str(), "id" | "purposes" | "public_authority" | "dpo")),
        _ => false,
    };
    entries.iter().any(|entry| {
        own(&entry.value)
            && ["controller", "activity"]
                .iter()
                .any(|key| strsim::levenshtein(&entry.key, key) <= 2)
    })
}

/// `path` without its `.` components (`./privacy/register.yaml` is `privacy/register.yaml`).
fn without_dots(path: &Path) -> PathBuf {
    path.components()
        .filter(|c| *c != std::path::Component::CurDir)
        .collect()
}

/// Loads a register or proposal, reporting every mistake in it rather than the first.
fn load(path: &Path, document: Document) -> Result<Loaded, Vec<LoadError>> {
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
