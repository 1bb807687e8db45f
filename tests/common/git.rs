//! Repositories the tests build themselves, with the `git` binary (which only the tests
//! need), with a fixed author and dates so that what they show does not depend on the
//! machine or the clock.

use std::path::Path;
use std::process::Command;

pub const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/history");

/// Runs git in `dir` without the user's or the system's configuration.
pub fn git(dir: &Path, args: &[&str]) {
    git_dated(dir, args, None);
}

/// `git` with the author and committer dates set (`2026-10-01 12:00:00 +0000`).
pub fn git_dated(dir: &Path, args: &[&str], date: Option<&str>) {
    let mut command = Command::new("git");
    command
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_NAME", "Ana Analyst")
        .env("GIT_AUTHOR_EMAIL", "ana@example.invalid")
        .env("GIT_COMMITTER_NAME", "Ana Analyst")
        .env("GIT_COMMITTER_EMAIL", "ana@example.invalid");
    if let Some(date) = date {
        command
            .env("GIT_AUTHOR_DATE", date)
            .env("GIT_COMMITTER_DATE", date);
    }
    let status = command.status().expect("running git");
    assert!(status.success(), "git {args:?} failed");
}

/// Writes version `n` of the pay briefing (tests/fixtures/history/pay-vN.yaml) as
/// `pay.yaml` and commits it with `subject`, on day `n` of October 2026.
pub fn commit_pay_version(dir: &Path, n: usize, subject: &str) {
    let text = std::fs::read_to_string(format!("{FIXTURES}/pay-v{n}.yaml")).unwrap();
    std::fs::write(dir.join("pay.yaml"), text).unwrap();
    git(dir, &["add", "pay.yaml"]);
    let date = format!("2026-10-{n:02} 12:00:00 +0000");
    git_dated(dir, &["commit", "-q", "-m", subject], Some(&date));
}

/// The subjects `pay_repo` commits its three versions with.
pub const PAY_SUBJECTS: [&str; 3] = [
    "First assessment of the pay offer",
    "Union wavers; strike risk up",
    "Rally quote; ratification question dropped",
];

/// A repository with the first `versions` commits of the pay briefing, a day apart.
pub fn pay_repo(versions: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    git(dir.path(), &["init", "-q", "-b", "main"]);
    for (i, subject) in PAY_SUBJECTS.iter().take(versions).enumerate() {
        commit_pay_version(dir.path(), i + 1, subject);
    }
    dir
}
