//! Check time and peak memory of `ropa check` on generated registers (`tests/common/generate.rs`)
//! of 10 to 100 000 activities, in JSON and YAML: the whole command as a user runs it, timed by
//! GNU time (`/usr/bin/time`, which reports the peak resident memory). Linear scaling shows as
//! a flat time and memory per activity.
//!
//! Run with `cargo bench --bench scaling`; `ROPA_SCALING_MAX=10000` stops at that size.

use std::path::PathBuf;
use std::process::Command;

use ropa::source::Format;

#[path = "../tests/common/generate.rs"]
mod generate;

fn main() {
    let time = PathBuf::from("/usr/bin/time");
    if !time.exists() {
        println!("scaling: skipped, GNU time (/usr/bin/time) is not installed");
        return;
    }
    let largest: usize = std::env::var("ROPA_SCALING_MAX")
        .ok()
        .and_then(|m| m.parse().ok())
        .unwrap_or(100_000);
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("scaling");
    std::fs::create_dir_all(&dir).expect("scratch directory");
    println!("| format | activities | file MiB | seconds | peak MiB | µs per activity | KiB per activity |");
    println!("|---|---:|---:|---:|---:|---:|---:|");
    for format in [Format::Json, Format::Yaml] {
        for activities in [10, 100, 1_000, 10_000, 100_000]
            .into_iter()
            .filter(|&n| n <= largest)
        {
            let path = dir.join(format!("register-{activities}.{format}"));
            let text = generate::register_text(activities, format);
            std::fs::write(&path, &text).expect("write register");
            let out = Command::new(&time)
                .args(["-f", "%e %M"])
                .arg(env!("CARGO_BIN_EXE_ropa"))
                .args(["check", "--no-config", "--format", "json"])
                .args(["--max-file-size", &(text.len() + 1).to_string()])
                .args(["--max-values", &usize::MAX.to_string()])
                .arg(&path)
                .output()
                .expect("ropa runs");
            assert!(
                out.status.code().is_some_and(|c| c < 2),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
            let stderr = String::from_utf8_lossy(&out.stderr);
            let mut figures = stderr.lines().last().unwrap_or_default().split_whitespace();
            let seconds: f64 = figures.next().and_then(|s| s.parse().ok()).unwrap_or(f64::NAN);
            let peak_kib: f64 = figures.next().and_then(|s| s.parse().ok()).unwrap_or(f64::NAN);
            let n = activities as f64;
            println!(
                "| {format} | {activities} | {:.1} | {seconds:.2} | {:.0} | {:.0} | {:.1} |",
                text.len() as f64 / 1_048_576.0,
                peak_kib / 1024.0,
                seconds * 1e6 / n,
                peak_kib / n,
            );
            let _ = std::fs::remove_file(&path);
        }
    }
}
