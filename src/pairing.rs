//! Which register a proposal is checked against when a directory tree holds several.
//!
//! The convention: a proposal belongs to the nearest register in its own directory or in any
//! directory above it, among the registers being checked. A proposal kept in `proposals/` next to
//! `register.yaml` is paired with that register. No register above it, or two equally near, is an
//! error the caller must report: silently skipping the proposal would let a non-compliant
//! proposal pass CI.
//!
//! ```
//! use std::path::Path;
//! use ropa::pairing::{Pairing, nearest_register};
//!
//! let registers = [Path::new("privacy/register.yaml"), Path::new("other/register.toml")];
//! let pairing = nearest_register(Path::new("privacy/proposals/nieuwsbrief.yaml"), &registers);
//! assert_eq!(pairing, Pairing::Register(0));
//! ```

use std::path::{Component, Path, PathBuf};

/// The register a proposal pairs with.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Pairing {
    /// The index of the nearest register.
    Register(usize),
    /// No register in the proposal's directory or above it.
    NoRegister,
    /// Several registers in the nearest directory that holds any; their indexes.
    Ambiguous(Vec<usize>),
}

/// The nearest of `registers` for `proposal`: in the proposal's directory, else the closest
/// directory above it. Paths are compared as written (after dropping `.` components), so give
/// both the way they were found. For many proposals, build a [`Registers`] once instead.
pub fn nearest_register(proposal: &Path, registers: &[&Path]) -> Pairing {
    Registers::new(registers).nearest(proposal)
}

/// Registers indexed by directory, so that pairing each of many proposals costs the depth of its
/// directory, not the number of registers.
#[derive(Debug, Clone, Default)]
pub struct Registers {
    by_directory: std::collections::HashMap<PathBuf, Vec<usize>>,
}

impl Registers {
    /// Indexes `registers`, keeping their order for the indexes [`Pairing`] gives.
    pub fn new(registers: &[&Path]) -> Self {
        let mut by_directory: std::collections::HashMap<PathBuf, Vec<usize>> =
            std::collections::HashMap::new();
        for (i, register) in registers.iter().enumerate() {
            by_directory.entry(directory_of(register)).or_default().push(i);
        }
        Self { by_directory }
    }

    /// The register `proposal` pairs with.
    pub fn nearest(&self, proposal: &Path) -> Pairing {
        let mut level = directory_of(proposal);
        loop {
            match self.by_directory.get(&level).map(Vec::as_slice) {
                Some([only]) => return Pairing::Register(*only),
                Some(here) if !here.is_empty() => return Pairing::Ambiguous(here.to_vec()),
                _ => {}
            }
            // `..` is not climbed past: the directory above `../other` is not the current one.
            let climbed_out = matches!(level.components().next_back(), Some(Component::ParentDir));
            if climbed_out || !level.pop() {
                return Pairing::NoRegister;
            }
        }
    }
}

/// The directory of a file, without `.` components (`./a/b.yaml` and `a/b.yaml` are in `a`).
fn directory_of(file: &Path) -> PathBuf {
    let mut directory: PathBuf = file
        .components()
        .filter(|c| !matches!(c, Component::CurDir))
        .collect();
    directory.pop();
    directory
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pair(proposal: &str, registers: &[&str]) -> Pairing {
        let registers: Vec<&Path> = registers.iter().map(Path::new).collect();
        nearest_register(Path::new(proposal), &registers)
    }

    #[test]
    fn the_nearest_directory_wins() {
        assert_eq!(pair("a/p.yaml", &["a/r.yaml", "r.yaml"]), Pairing::Register(0));
        assert_eq!(
            pair("a/proposals/p.yaml", &["r.yaml", "a/r.yaml"]),
            Pairing::Register(1)
        );
        assert_eq!(pair("./a/b/c/p.yaml", &["a/r.yaml"]), Pairing::Register(0));
        assert_eq!(pair("p.yaml", &["./r.json"]), Pairing::Register(0));
    }

    #[test]
    fn no_register_above_or_two_equally_near_are_reported() {
        assert_eq!(pair("a/p.yaml", &["b/r.yaml"]), Pairing::NoRegister);
        assert_eq!(pair("../other/p.yaml", &["r.yaml"]), Pairing::NoRegister);
        assert_eq!(pair("../other/p.yaml", &["../r.yaml"]), Pairing::Register(0));
        assert_eq!(pair("a/p.yaml", &[]), Pairing::NoRegister);
        assert_eq!(
            pair("a/b/p.yaml", &["a/r.yaml", "a/s.toml", "r.yaml"]),
            Pairing::Ambiguous(vec![0, 1])
        );
    }
}
