//! Installs a pinned npm package set for a test that runs a Node.js tool (ajv, axe-core with
//! headless Chromium), once, into the target directory.

use std::path::Path;

/// Copies `files` (a `package.json`, scripts) from `source` to `work` and installs
/// `source/package-lock.json` there with `npm ci`, unless the same lock file is installed there
/// already. The error says why the tool cannot be had (no Node.js, no registry), for a test to
/// print when it skips.
pub fn install(source: &Path, work: &Path, files: &[&str]) -> Result<(), String> {
    let lock = std::fs::read_to_string(source.join("package-lock.json"))
        .map_err(|e| format!("{}: {e}", source.join("package-lock.json").display()))?;
    let installed = std::fs::read_to_string(work.join("package-lock.json")).unwrap_or_default();
    std::fs::create_dir_all(work).map_err(|e| e.to_string())?;
    for file in files {
        std::fs::copy(source.join(file), work.join(file)).map_err(|e| format!("{file}: {e}"))?;
    }
    if installed == lock && work.join("node_modules").is_dir() {
        return Ok(());
    }
    std::fs::write(work.join("package-lock.json"), &lock).map_err(|e| e.to_string())?;
    let npm = std::process::Command::new("npm")
        .args(["ci", "--ignore-scripts", "--no-audit", "--no-fund"])
        .current_dir(work)
        .output()
        .map_err(|e| format!("npm cannot be run ({e}); install Node.js to run this test"))?;
    if !npm.status.success() {
        // A failed install must not pass for a finished one next time.
        let _ = std::fs::remove_file(work.join("package-lock.json"));
        return Err(format!(
            "`npm ci` failed: {}",
            String::from_utf8_lossy(&npm.stderr).trim()
        ));
    }
    Ok(())
}
