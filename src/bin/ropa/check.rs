//! `ropa check` and `ropa evaluate`: find the files, let the library check them
//! ([`ropa::check`]), render the report in the chosen format and pick the exit code.

use std::path::{Path, PathBuf};

use ropa::check::{CheckOptions, CheckRun};
use ropa::report::{
    ArtifactRoot, HumanRenderer, render_github, render_json, render_markdown, render_run, render_sarif,
};

use crate::files::{Walk, expand};
use crate::{Outcome, OutputFormat};

/// How the run is read, judged and reported.
pub struct Settings {
    /// How files are read and judged.
    pub options: CheckOptions,
    pub format: OutputFormat,
    /// Whether directory walks honour `.gitignore` and `.ignore` files.
    pub respect_ignore_files: bool,
    /// Where SARIF file URIs start from.
    pub artifact_root: Option<ArtifactRoot>,
    pub style: HumanRenderer,
}

/// `ropa check`: see [`ropa::check::check`].
pub fn run(paths: &[PathBuf], settings: &Settings) -> Outcome {
    report(
        ropa::check::check(expand(paths, &walk(settings)), &settings.options),
        settings,
    )
}

/// `ropa evaluate`: see [`ropa::check::evaluate`].
pub fn evaluate(register: &Path, proposals: &[PathBuf], settings: &Settings) -> Outcome {
    report(
        ropa::check::evaluate(register, expand(proposals, &walk(settings)), &settings.options),
        settings,
    )
}

/// How the settings walk directories.
fn walk(settings: &Settings) -> Walk {
    Walk {
        follow_symlinks: settings.options.read.follow_symlinks,
        respect_ignore_files: settings.respect_ignore_files,
    }
}

/// Writes the run in the chosen format; the exit code follows its summary.
fn report(run: CheckRun, settings: &Settings) -> Outcome {
    let CheckRun { report, sources } = run;
    let text = match settings.format {
        OutputFormat::Human => render_run(&report, &sources, settings.style),
        OutputFormat::Json => render_json(&report),
        OutputFormat::Sarif => render_sarif(&report, settings.artifact_root.as_ref()),
        OutputFormat::Github => render_github(&report, settings.artifact_root.as_ref()),
        OutputFormat::Markdown => render_markdown(&report),
    };
    crate::emit(&text);
    if report.summary.unreadable > 0 || report.summary.unpaired > 0 {
        Outcome::InputError
    } else if report.summary.failed {
        Outcome::Findings
    } else {
        Outcome::Clean
    }
}
