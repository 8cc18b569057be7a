//! SARIF 2.1.0 output, for GitHub code scanning and other SARIF viewers.
//!
//! One run: the tool driver lists every rule with its summary, explanation and articles; each
//! finding is a result with its file and region (1-based lines, columns counted in Unicode code
//! points, as `columnKind` says); suppressed findings carry their reason as an external
//! suppression; load errors are tool execution notifications *and* results of the rule
//! `load-error`, so an unreadable register shows up as an alert.
//!
//! Each result carries a `partialFingerprints` entry (`ropa/v1`) that code scanning uses to
//! track an alert across commits: a hash of the rule, the file, the field path with its list
//! indexes left out, and the message (which names the activity or entry by id), so an edit that
//! shifts lines or inserts an activity above leaves it unchanged. Identical keys get an
//! occurrence number. Rules link to their page in `docs/rules/` when the package names its
//! repository.
//!
//! Artifact URIs are relative to the repository root (`%SRCROOT%`) when an [`ArtifactRoot`] is
//! given, so code scanning can link a result to the file in the pull request wherever ropa ran
//! from; a file outside the root gets an absolute `file:` URI. The paths are resolved lexically,
//! without touching the file system.

use std::path::{Component, Path, PathBuf};

use serde::Serialize;

use super::locate::{LocatedFinding, SourceLocation};
use super::run::{LoadErrorEntry, RunReport};
use crate::engine::{RULES, Severity};

/// The `$schema` SARIF logs name.
pub const SARIF_SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Log {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: Vec<Run>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run {
    tool: Tool,
    invocations: Vec<Invocation>,
    results: Vec<SarifResult>,
    column_kind: &'static str,
    original_uri_base_ids: OriginalUriBaseIds,
}

#[derive(Serialize)]
struct OriginalUriBaseIds {
    #[serde(rename = "%SRCROOT%")]
    src_root: ArtifactLocationBase,
}

#[derive(Serialize)]
struct ArtifactLocationBase {
    description: Message,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    semantic_version: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    information_uri: Option<String>,
    rules: Vec<ReportingDescriptor>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ReportingDescriptor {
    id: &'static str,
    short_description: Message,
    full_description: Message,
    #[serde(skip_serializing_if = "Option::is_none")]
    help_uri: Option<String>,
    help: MultiformatMessage,
    default_configuration: Configuration,
    properties: Properties,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
struct Properties {
    tags: Vec<String>,
}

#[derive(Serialize)]
struct Message {
    text: String,
}

#[derive(Serialize)]
struct MultiformatMessage {
    text: String,
    markdown: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Invocation {
    execution_successful: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    tool_execution_notifications: Vec<Notification>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Notification {
    level: &'static str,
    message: Message,
    descriptor: NotificationDescriptor,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    locations: Vec<Location>,
}

#[derive(Serialize)]
struct NotificationDescriptor {
    id: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult {
    rule_id: &'static str,
    rule_index: usize,
    level: &'static str,
    message: Message,
    partial_fingerprints: Fingerprints,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    locations: Vec<Location>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<Location>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    suppressions: Vec<Suppression>,
    properties: ResultProperties,
}

#[derive(Serialize)]
struct Fingerprints {
    #[serde(rename = "ropa/v1")]
    v1: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ResultProperties {
    /// The field path, so results stay meaningful without a location.
    field_path: String,
    hint: String,
}

/// The id of the rule under which load errors are reported as results.
const LOAD_ERROR_RULE: &str = "load-error";

/// The address of the repository, when the package names one.
fn repository() -> Option<&'static str> {
    option_env!("CARGO_PKG_REPOSITORY").filter(|r| !r.is_empty())
}

/// FNV-1a, 64 bits: a small stable hash, the same on every platform and version of Rust.
fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The path without its list indexes: `/activities/3/recipients/1` becomes
/// `/activities/*/recipients/*`.
fn path_shape(path: &str) -> String {
    path.split('/')
        .map(|segment| {
            if segment.bytes().all(|b| b.is_ascii_digit()) && !segment.is_empty() {
                "*"
            } else {
                segment
            }
        })
        .collect::<Vec<_>>()
        .join("/")
}

/// Numbers the fingerprints of results whose keys coincide, in report order.
#[derive(Default)]
struct FingerprintCounter {
    seen: std::collections::HashMap<u64, usize>,
}

impl FingerprintCounter {
    fn next(&mut self, rule: &str, file: &str, path: &str, message: &str) -> Fingerprints {
        let key = fnv1a(&format!(
            "{rule}\u{1f}{file}\u{1f}{}\u{1f}{message}",
            path_shape(path)
        ));
        let occurrence = self.seen.entry(key).or_insert(0);
        *occurrence += 1;
        Fingerprints {
            v1: format!("{key:016x}:{occurrence}"),
        }
    }
}

#[derive(Serialize)]
struct Suppression {
    kind: &'static str,
    justification: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    physical_location: PhysicalLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<Message>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: Region,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactLocation {
    uri: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    uri_base_id: Option<&'static str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// Where a run's files sit: SARIF names them relative to `root`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArtifactRoot {
    /// The absolute directory the run's relative file names start from (the current directory
    /// of the run).
    pub current_dir: PathBuf,
    /// The absolute repository root, which artifact URIs are relative to.
    pub root: PathBuf,
}

impl ArtifactRoot {
    /// The root for a run over `checked` (as the run names it): the nearest directory at or above
    /// it that `is_root` accepts (the `ropa` command asks whether it holds `.git`), else
    /// `current_dir`. Paths are taken lexically, as the run's file names are, so the root and
    /// the names agree even where a directory on the way is a symbolic link.
    pub fn discover(current_dir: PathBuf, checked: &Path, is_root: impl Fn(&Path) -> bool) -> Self {
        let start = lexical(&current_dir.join(checked));
        let root = start
            .ancestors()
            .find(|dir| is_root(dir))
            .map_or_else(|| current_dir.clone(), Path::to_path_buf);
        Self { current_dir, root }
    }

    /// `file` (as a run names it) relative to the root, with `/` separators; `None` when it lies
    /// outside the root.
    pub fn relative(&self, file: &str) -> Option<String> {
        let file = file.replace('\\', "/");
        let absolute = lexical(&self.current_dir.join(Path::new(&file)));
        let relative = absolute.strip_prefix(lexical(&self.root)).ok()?;
        let parts: Vec<&str> = relative
            .components()
            .filter_map(|c| match c {
                Component::Normal(part) => part.to_str(),
                _ => None,
            })
            .collect();
        Some(parts.join("/"))
    }

    /// `file` as an absolute path, `.` and `..` resolved.
    fn absolute(&self, file: &str) -> PathBuf {
        lexical(&self.current_dir.join(Path::new(&file.replace('\\', "/"))))
    }
}

/// The path with `.` dropped and `..` applied to what precedes it, as text (no symbolic links
/// are followed: the run names files as the user gave them).
fn lexical(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// The artifact location of a file as the run names it: relative to the root (with `%SRCROOT%`
/// as its base) when it lies inside it, otherwise an absolute `file:` URI. Without a root, a
/// relative name is taken as relative to `%SRCROOT%`, as given.
fn artifact(file: &str, root: Option<&ArtifactRoot>) -> ArtifactLocation {
    let forward = file.replace('\\', "/");
    let relative = match root {
        Some(root) => root.relative(file),
        None if forward.starts_with('/') => None,
        None => Some(forward.trim_start_matches("./").to_owned()),
    };
    match relative {
        Some(relative) => ArtifactLocation {
            uri: percent_encode(&relative),
            uri_base_id: Some("%SRCROOT%"),
        },
        None => {
            let absolute = match root {
                Some(root) => root.absolute(file).to_string_lossy().replace('\\', "/"),
                None => forward,
            };
            let absolute = if absolute.starts_with('/') {
                absolute
            } else {
                // A Windows path (`C:/…`) takes a slash before its drive letter.
                format!("/{absolute}")
            };
            ArtifactLocation {
                uri: format!("file://{}", percent_encode(&absolute)),
                uri_base_id: None,
            }
        }
    }
}

/// Encodes the characters a URI reference may not hold as they are.
fn percent_encode(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/!$&'()*+,;=:@".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

fn location(
    at: &SourceLocation,
    id: Option<usize>,
    message: Option<String>,
    root: Option<&ArtifactRoot>,
) -> Location {
    Location {
        id,
        physical_location: PhysicalLocation {
            artifact_location: artifact(&at.file, root),
            region: Region {
                start_line: at.line,
                start_column: at.column,
                end_line: at.end_line,
                end_column: at.end_column,
            },
        },
        message: message.map(|text| Message { text }),
    }
}

/// Where a load error is: its position, or the first line of its file for an error about the
/// whole file (empty, unreadable, too large, a refused link). GitHub code scanning shows, and
/// accepts, only results with a region.
fn load_error_location(error: &LoadErrorEntry, root: Option<&ArtifactRoot>) -> Location {
    match &error.location {
        Some(at) => location(at, None, None, root),
        None => Location {
            id: None,
            physical_location: PhysicalLocation {
                artifact_location: artifact(&error.file, root),
                region: Region {
                    start_line: 1,
                    start_column: 1,
                    end_line: 1,
                    end_column: 1,
                },
            },
            message: None,
        },
    }
}

fn result(
    finding: &LocatedFinding,
    suppression: Option<&str>,
    fingerprints: &mut FingerprintCounter,
    root: Option<&ArtifactRoot>,
) -> SarifResult {
    let rule_index = RULES.iter().position(|r| r.id == finding.rule).unwrap_or(0);
    let file = finding
        .location
        .as_ref()
        .map_or(String::new(), |l| artifact(&l.file, root).uri);
    SarifResult {
        rule_id: finding.rule,
        rule_index,
        level: level(finding.severity),
        message: Message {
            text: format!("{}\nhint: {}", finding.message, finding.hint),
        },
        partial_fingerprints: fingerprints.next(
            finding.rule,
            &file,
            &finding.path.to_string(),
            &finding.message,
        ),
        locations: finding
            .location
            .iter()
            .map(|l| location(l, None, None, root))
            .collect(),
        related_locations: finding
            .related
            .iter()
            .enumerate()
            .filter_map(|(i, r)| {
                Some(location(
                    r.location.as_ref()?,
                    Some(i + 1),
                    Some(r.message.to_string()),
                    root,
                ))
            })
            .collect(),
        suppressions: suppression
            .map(|reason| Suppression {
                kind: "external",
                justification: reason.to_owned(),
            })
            .into_iter()
            .collect(),
        properties: ResultProperties {
            field_path: finding.path.to_string(),
            hint: finding.hint.to_string(),
        },
    }
}

/// The run as a SARIF 2.1.0 log; artifact URIs are relative to `root` when it is given (see
/// [`ArtifactRoot`]), otherwise to the directory the run's file names start from.
pub fn to_sarif(run: &RunReport, root: Option<&ArtifactRoot>) -> serde_json::Value {
    let mut rules: Vec<ReportingDescriptor> = RULES
        .iter()
        .map(|rule| ReportingDescriptor {
            id: rule.id,
            short_description: Message {
                text: rule.summary.to_owned(),
            },
            full_description: Message {
                text: rule.why.to_owned(),
            },
            help_uri: repository().map(|r| format!("{r}/blob/main/docs/rules/{}.md", rule.id)),
            help: MultiformatMessage {
                text: format!("{}\n\n{}", rule.summary, rule.why),
                markdown: rule.explanation(),
            },
            default_configuration: Configuration {
                level: level(rule.severity),
            },
            properties: Properties {
                tags: std::iter::once("privacy".to_owned())
                    .chain(rule.articles.iter().map(|a| (*a).to_owned()))
                    .collect(),
            },
        })
        .collect();
    let load_error_index = rules.len();
    rules.push(ReportingDescriptor {
        id: LOAD_ERROR_RULE,
        short_description: Message {
            text: "a file could not be read as a register or proposal".to_owned(),
        },
        full_description: Message {
            text: "ropa could not load the file: it is not valid YAML, TOML or JSON, or not a register or proposal ropa can read. Nothing in it was checked.".to_owned(),
        },
        help_uri: None,
        help: MultiformatMessage {
            text: "Fix the error named in the result and run ropa again.".to_owned(),
            markdown: "Fix the error named in the result and run ropa again.".to_owned(),
        },
        default_configuration: Configuration { level: "error" },
        properties: Properties {
            tags: vec!["privacy".to_owned()],
        },
    });
    let mut fingerprints = FingerprintCounter::default();
    let load_results: Vec<SarifResult> = run
        .load_errors
        .iter()
        .map(|error| SarifResult {
            rule_id: LOAD_ERROR_RULE,
            rule_index: load_error_index,
            level: "error",
            message: Message {
                text: match &error.help {
                    Some(help) => format!("{}\nhint: {help}", error.message),
                    None => error.message.clone(),
                },
            },
            partial_fingerprints: fingerprints.next(
                LOAD_ERROR_RULE,
                &artifact(&error.file, root).uri,
                error.path.as_deref().unwrap_or(""),
                &error.code,
            ),
            locations: vec![load_error_location(error, root)],
            related_locations: Vec::new(),
            suppressions: Vec::new(),
            properties: ResultProperties {
                field_path: error.path.clone().unwrap_or_default(),
                hint: error.help.clone().unwrap_or_default(),
            },
        })
        .collect();
    let notifications = run
        .load_errors
        .iter()
        .map(|error| Notification {
            level: "error",
            message: Message {
                text: match &error.help {
                    Some(help) => format!("{}: {}. {help}", error.file, error.message),
                    None => format!("{}: {}", error.file, error.message),
                },
            },
            descriptor: NotificationDescriptor {
                id: error.code.clone(),
            },
            locations: vec![load_error_location(error, root)],
        })
        .collect();
    let mut results = load_results;
    for finding in &run.findings {
        results.push(result(finding, None, &mut fingerprints, root));
    }
    for suppressed in &run.suppressed {
        results.push(result(
            &suppressed.finding,
            Some(&suppressed.reason),
            &mut fingerprints,
            root,
        ));
    }
    let log = Log {
        schema: SARIF_SCHEMA,
        version: "2.1.0",
        runs: vec![Run {
            tool: Tool {
                driver: Driver {
                    name: "ropa",
                    version: env!("CARGO_PKG_VERSION"),
                    semantic_version: env!("CARGO_PKG_VERSION"),
                    information_uri: option_env!("CARGO_PKG_HOMEPAGE")
                        .filter(|h| !h.is_empty())
                        .or_else(repository)
                        .map(str::to_owned),
                    rules,
                },
            },
            invocations: vec![Invocation {
                execution_successful: run.load_errors.is_empty(),
                tool_execution_notifications: notifications,
            }],
            results,
            column_kind: "unicodeCodePoints",
            original_uri_base_ids: OriginalUriBaseIds {
                src_root: ArtifactLocationBase {
                    description: Message {
                        text: if root.is_some() {
                            "The root of the repository holding the checked files"
                        } else {
                            "The directory ropa was run from"
                        }
                        .to_owned(),
                    },
                },
            },
        }],
    };
    serde_json::to_value(log).unwrap_or(serde_json::Value::Null)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn root() -> ArtifactRoot {
        ArtifactRoot {
            current_dir: PathBuf::from("/work/repo/docs"),
            root: PathBuf::from("/work/repo"),
        }
    }

    fn uri(file: &str) -> (String, Option<&'static str>) {
        let location = artifact(file, Some(&root()));
        (location.uri, location.uri_base_id)
    }

    #[test]
    fn files_inside_the_root_are_relative_to_it() {
        let relative = |uri: &str| (uri.to_owned(), Some("%SRCROOT%"));
        assert_eq!(uri("register.yaml"), relative("docs/register.yaml"));
        assert_eq!(uri("./a/../register.yaml"), relative("docs/register.yaml"));
        assert_eq!(uri("../privacy/register.yaml"), relative("privacy/register.yaml"));
        assert_eq!(
            uri("..\\privacy\\register.yaml"),
            relative("privacy/register.yaml")
        );
        assert_eq!(uri("/work/repo/register.yaml"), relative("register.yaml"));
        assert_eq!(
            uri("../privacy/mijn register.yaml"),
            relative("privacy/mijn%20register.yaml")
        );
    }

    #[test]
    fn files_outside_the_root_get_an_absolute_file_uri() {
        assert_eq!(
            uri("../../elders.yaml"),
            ("file:///work/elders.yaml".to_owned(), None)
        );
        assert_eq!(
            uri("/etc/register.yaml"),
            ("file:///etc/register.yaml".to_owned(), None)
        );
        // `..` past the file-system root stays at the root, as the operating system has it.
        assert_eq!(uri("../../../../x.yaml"), ("file:///x.yaml".to_owned(), None));
    }

    #[test]
    fn the_root_is_the_nearest_accepted_directory_above_the_checked_path() {
        let is_repository = |dir: &Path| dir == Path::new("/work/repo");
        let found = ArtifactRoot::discover(
            PathBuf::from("/work/repo/docs"),
            Path::new("../privacy/r.yaml"),
            is_repository,
        );
        assert_eq!(found.root, PathBuf::from("/work/repo"));
        let none = ArtifactRoot::discover(PathBuf::from("/tmp/x"), Path::new("r.yaml"), is_repository);
        assert_eq!(none.root, PathBuf::from("/tmp/x"));
    }

    #[test]
    fn without_a_root_names_are_taken_as_given() {
        let location = artifact("./privacy/register.yaml", None);
        assert_eq!(location.uri, "privacy/register.yaml");
        assert_eq!(artifact("/etc/r.yaml", None).uri, "file:///etc/r.yaml");
    }
}
