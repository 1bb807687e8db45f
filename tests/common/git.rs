//! Repositories the tests build themselves, with the `git` binary (which only the tests
//! need), with a fixed author and dates so that what they show does not depend on the
//! machine or the clock.

use std::path::{Path, PathBuf};
use std::process::Command;

pub const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/history");

/// git in `dir`, with a fixed identity and none of the user's or the system's
/// configuration; `date`, when given, is the author's and the committer's.
pub fn git_command(dir: &Path, date: Option<&str>) -> Command {
    let mut command = Command::new("git");
    command
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
    command
}

/// Runs git in `dir` without the user's or the system's configuration.
pub fn git(dir: &Path, args: &[&str]) {
    git_dated(dir, args, None);
}

/// `git` with the author and committer dates set (`2026-10-01 12:00:00 +0000`).
pub fn git_dated(dir: &Path, args: &[&str], date: Option<&str>) {
    let status = git_command(dir, date)
        .args(args)
        .status()
        .expect("running git");
    assert!(status.success(), "git {args:?} failed");
}

/// What git prints for `args` in `dir`, for a test that reads git's own view (a hash, a
/// status) to compare brief's with.
pub fn git_output(dir: &Path, args: &[&str]) -> String {
    let out = git_command(dir, None)
        .args(args)
        .output()
        .expect("running git");
    assert!(
        out.status.success(),
        "git {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The abbreviated hash git gives `revision`.
pub fn short_hash(dir: &Path, revision: &str) -> String {
    git_output(dir, &["rev-parse", "--short", revision])
        .trim()
        .to_owned()
}

/// Noon UTC on `day` of October 2026, the month the tests' commits are made in.
pub fn october(day: usize) -> String {
    format!("2026-10-{day:02} 12:00:00 +0000")
}

/// Commits everything staged and every change to a tracked file, on `day` of October 2026.
pub fn commit_on(dir: &Path, day: usize, subject: &str) {
    git_dated(dir, &["commit", "-q", "-am", subject], Some(&october(day)));
}

/// Merges `branch` into the checked-out branch with a merge commit (even where a
/// fast-forward would do), on `day` of October 2026.
pub fn merge_on(dir: &Path, day: usize, branch: &str, subject: &str) {
    git_dated(
        dir,
        &["merge", "-q", "--no-ff", "-m", subject, branch],
        Some(&october(day)),
    );
}

/// Version `n` of the pay briefing (tests/fixtures/history/pay-vN.yaml).
pub fn pay_version(n: usize) -> String {
    std::fs::read_to_string(format!("{FIXTURES}/pay-v{n}.yaml")).unwrap()
}

/// Writes version `n` of the pay briefing as `pay.yaml` and commits it (alone) with
/// `subject`, on day `n` of October 2026.
pub fn commit_pay_version(dir: &Path, n: usize, subject: &str) {
    std::fs::write(dir.join("pay.yaml"), pay_version(n)).unwrap();
    git(dir, &["add", "pay.yaml"]);
    git_dated(dir, &["commit", "-q", "-m", subject], Some(&october(n)));
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

/// A shallow clone of `repo` with the last `depth` commits, made with `options` (such as
/// `--no-single-branch`), in a directory of its own: the directory (removed when dropped)
/// and the clone's work tree inside it.
pub fn shallow_clone(repo: &Path, depth: usize, options: &[&str]) -> (tempfile::TempDir, PathBuf) {
    let parent = tempfile::tempdir().unwrap();
    let url = format!("file://{}", repo.display());
    let depth = depth.to_string();
    let mut args = vec!["clone", "-q", "--depth", &depth];
    args.extend_from_slice(options);
    args.extend([url.as_str(), "shallow"]);
    git(parent.path(), &args);
    let clone = parent.path().join("shallow");
    (parent, clone)
}

/// A repository of the pay briefing's three versions, the second padded with a comment
/// to at least `big` bytes: a version too big to read under a small `--max-size`.
pub fn pay_repo_with_a_big_version(big: usize) -> tempfile::TempDir {
    let repo = pay_repo(1);
    let mut padded = pay_version(2);
    while padded.len() < big {
        padded.push_str("# padding to make this version too big to read\n");
    }
    std::fs::write(repo.path().join("pay.yaml"), padded).unwrap();
    commit_on(repo.path(), 2, "Union wavers, with an appendix");
    std::fs::write(repo.path().join("pay.yaml"), pay_version(3)).unwrap();
    commit_on(repo.path(), 3, "Rally quote");
    repo
}
