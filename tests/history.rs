//! `brief diff` and `brief log` against repositories the tests build themselves (with the
//! `git` binary, which only the tests need). Human output is compared with golden files
//! in tests/golden/ (BRIEF_UPDATE_GOLDEN=1 rewrites them; review the diff).

mod common;
use common::golden;
use std::path::Path;
use std::process::{Command, Output};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/history");

fn brief_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .output()
        .expect("running brief")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn git(dir: &Path, args: &[&str]) {
    let status = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_NAME", "Ana Analyst")
        .env("GIT_AUTHOR_EMAIL", "ana@example.invalid")
        .env("GIT_COMMITTER_NAME", "Ana Analyst")
        .env("GIT_COMMITTER_EMAIL", "ana@example.invalid")
        .status()
        .expect("running git");
    assert!(status.success(), "git {args:?} failed");
}

/// A repository with three commits of the pay briefing, a day apart.
fn pay_repo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    git(dir.path(), &["init", "-q", "-b", "main"]);
    let subjects = [
        "First assessment of the pay offer",
        "Union wavers; strike risk up",
        "Rally quote; ratification question dropped",
    ];
    for (i, subject) in subjects.iter().enumerate() {
        let text = std::fs::read_to_string(format!("{FIXTURES}/pay-v{}.yaml", i + 1)).unwrap();
        std::fs::write(dir.path().join("pay.yaml"), text).unwrap();
        git(dir.path(), &["add", "pay.yaml"]);
        let date = format!("2026-10-0{} 12:00:00 +0000", i + 1);
        let status = Command::new("git")
            .args(["commit", "-q", "-m", subject])
            .current_dir(dir.path())
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_AUTHOR_NAME", "Ana Analyst")
            .env("GIT_AUTHOR_EMAIL", "ana@example.invalid")
            .env("GIT_COMMITTER_NAME", "Ana Analyst")
            .env("GIT_COMMITTER_EMAIL", "ana@example.invalid")
            .env("GIT_AUTHOR_DATE", &date)
            .env("GIT_COMMITTER_DATE", &date)
            .status()
            .unwrap();
        assert!(status.success());
    }
    dir
}

/// The log with hashes blanked, which differ with git's version and the clock.
fn without_hashes(text: &str) -> String {
    text.lines()
        .map(|line| match line.split_once(' ') {
            Some((hash, rest))
                if hash.len() >= 7 && hash.chars().all(|c| c.is_ascii_hexdigit()) =>
            {
                format!("HASH {rest}")
            }
            _ => line.to_owned(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn log_lists_each_commit_with_what_it_changed() {
    let repo = pay_repo();
    let out = brief_in(repo.path(), &["log", "pay.yaml"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    golden("log-pay.txt", &without_hashes(&stdout(&out)));
    let text = stdout(&out);
    assert!(text.contains("1 stance moved, 1 risk raised"), "{text}");
    assert!(text.contains("+1 quote, \u{2212}1 question"), "{text}");
}

#[test]
fn log_limits_and_json() {
    let repo = pay_repo();
    let out = brief_in(
        repo.path(),
        &["log", "-n", "1", "--format", "json", "pay.yaml"],
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let entries = json.as_array().unwrap();
    assert_eq!(entries.len(), 1);
    assert_eq!(
        entries[0]["subject"],
        "Rally quote; ratification question dropped"
    );
    assert_eq!(entries[0]["date"], "2026-10-03");
    assert_eq!(entries[0]["author"], "Ana Analyst");
    let since = brief_in(repo.path(), &["log", "--since", "2026-10-02", "pay.yaml"]);
    assert_eq!(stdout(&since).matches("Ana Analyst").count(), 2);
}

#[test]
fn log_says_when_a_version_does_not_parse() {
    let repo = pay_repo();
    std::fs::write(repo.path().join("pay.yaml"), "title: [unclosed\n").unwrap();
    git(repo.path(), &["commit", "-q", "-am", "Broken save"]);
    let out = brief_in(repo.path(), &["log", "-n", "1", "pay.yaml"]);
    let text = stdout(&out);
    assert!(text.contains("Broken save"), "{text}");
    assert!(text.contains("does not parse: 1:"), "{text}");
}

#[test]
fn log_follows_a_rename() {
    let repo = pay_repo();
    std::fs::create_dir(repo.path().join("briefings")).unwrap();
    git(repo.path(), &["mv", "pay.yaml", "briefings/pay.yaml"]);
    git(repo.path(), &["commit", "-q", "-m", "Move into briefings/"]);
    let out = brief_in(repo.path(), &["log", "briefings/pay.yaml"]);
    let text = stdout(&out);
    assert!(
        text.contains("renamed from pay.yaml; no change in judgments"),
        "{text}"
    );
    assert!(text.contains("First assessment"), "{text}");
    assert_eq!(text.matches("Ana Analyst").count(), 4, "{text}");
}

#[test]
fn log_outside_a_repository_says_so_and_fails() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        format!("{FIXTURES}/pay-v1.yaml"),
        dir.path().join("pay.yaml"),
    )
    .unwrap();
    let out = brief_in(dir.path(), &["log", "pay.yaml"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("not in a git repository"), "{err}");
}

#[test]
fn diff_of_two_revisions_names_the_moves() {
    let repo = pay_repo();
    let out = brief_in(repo.path(), &["diff", "HEAD~2", "HEAD~1", "pay.yaml"]);
    let text = stdout(&out);
    assert!(
        text.contains("Union on pay: supports \u{2192} mixed"),
        "{text}"
    );
    assert!(
        text.contains("Risk \"Strike at the port\": likelihood low \u{2192} high"),
        "{text}"
    );
}

#[test]
fn diff_of_a_revision_against_the_working_copy() {
    let repo = pay_repo();
    let v1 = std::fs::read_to_string(format!("{FIXTURES}/pay-v1.yaml")).unwrap();
    std::fs::write(repo.path().join("pay.yaml"), v1).unwrap();
    let out = brief_in(repo.path(), &["diff", "--exit-code", "HEAD~2", "pay.yaml"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout(&out), "No change in judgments.\n");
    let out = brief_in(repo.path(), &["diff", "--exit-code", "HEAD", "pay.yaml"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("Union on pay: mixed \u{2192} supports"));
}

#[test]
fn diff_of_two_files_golden_and_json() {
    let dir = Path::new(FIXTURES);
    let out = brief_in(dir, &["diff", "pay-v1.yaml", "pay-v2.yaml"]);
    assert_eq!(out.status.code(), Some(0));
    golden("diff-pay-v1-v2.txt", &stdout(&out));
    let out = brief_in(dir, &["diff", "pay-v2.yaml", "pay-v3.yaml"]);
    golden("diff-pay-v2-v3.txt", &stdout(&out));
    let out = brief_in(
        dir,
        &["diff", "--color", "always", "pay-v1.yaml", "pay-v2.yaml"],
    );
    assert!(stdout(&out).contains("\x1b[33msupports \u{2192} mixed\x1b[0m"));

    let out = brief_in(
        dir,
        &[
            "diff",
            "--format",
            "json",
            "--exit-code",
            "pay-v1.yaml",
            "pay-v2.yaml",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["same"], false);
    assert_eq!(json["gist"], "1 stance moved, 1 risk raised");
    let stance = &json["changes"][0];
    assert_eq!(stance["section"], "stances");
    assert_eq!(stance["key"], "union/pay");
    assert_eq!(stance["fields"][0]["field"], "position");
    assert_eq!(stance["fields"][0]["before"], "supports");
    assert_eq!(stance["fields"][0]["after"], "mixed");
}

#[test]
fn diff_refuses_an_invalid_side_with_its_diagnostics() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bad.yaml"), "title: Bad\nstances: 3\n").unwrap();
    let good = format!("{FIXTURES}/pay-v1.yaml");
    let out = brief_in(dir.path(), &["diff", &good, "bad.yaml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bad.yaml:"), "{err}");
    assert!(err.contains("not a valid briefing"), "{err}");
}

#[test]
fn git_diff_with_the_driver_shows_judgments() {
    let repo = pay_repo();
    std::fs::write(repo.path().join(".gitattributes"), "*.yaml diff=brief\n").unwrap();
    let driver = format!("{} diff --git", env!("CARGO_BIN_EXE_brief"));
    let out = Command::new("git")
        .args([
            "-c",
            &format!("diff.brief.command={driver}"),
            "diff",
            "HEAD~1",
            "HEAD",
            "--",
            "pay.yaml",
        ])
        .current_dir(repo.path())
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_PAGER", "cat")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = stdout(&out);
    assert!(text.contains("brief diff a/pay.yaml b/pay.yaml"), "{text}");
    assert!(text.contains("+ quote q13 (Dana Reyes)"), "{text}");
    assert!(text.contains("\u{2212} question q7"), "{text}");
}

#[test]
fn listing_for_the_history_pane_has_the_working_copy_then_each_commit() {
    let repo = pay_repo();
    let file = repo.path().join("pay.yaml");
    let tracked = brief::history::Tracked::open(&file).unwrap();
    let mut seen = Vec::new();
    let committed = brief::history::entries(&tracked, None, |n| seen.push(n)).unwrap();
    assert_eq!(seen, [1, 2, 3]);
    let subjects: Vec<_> = committed.iter().map(|e| e.subject.as_str()).collect();
    assert_eq!(
        subjects,
        [
            "Rally quote; ratification question dropped",
            "Union wavers; strike risk up",
            "First assessment of the pay offer",
        ]
    );
    assert_eq!(committed[1].summary, "1 stance moved, 1 risk raised");
    assert_eq!(committed[1].date, "2026-10-02");
    assert_eq!(committed[1].author, "Ana Analyst");
    assert!(committed[2].summary.starts_with("first version: "));
    assert!(committed[2].previous.is_none());

    // The working copy is listed only while it differs from HEAD.
    let head = std::fs::read_to_string(&file).unwrap();
    let same = brief::history::entries(&tracked, Some(&head), |_| {}).unwrap();
    assert_eq!(same.len(), 3);
    let edited = std::fs::read_to_string(format!("{FIXTURES}/pay-v2.yaml")).unwrap();
    let with_working = brief::history::entries(&tracked, Some(&edited), |_| {}).unwrap();
    assert_eq!(with_working.len(), 4);
    assert!(with_working[0].blob.is_none());
    assert_eq!(with_working[0].previous, committed[0].blob);

    // A version's briefing is read from git when it is wanted.
    let first = brief::history::parse_blob(&tracked, committed[2].blob.unwrap()).unwrap();
    assert!(!first.briefing.stances.is_empty());
}

#[test]
fn listing_outside_a_repository_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("pay.yaml");
    std::fs::write(&file, "title: x\n").unwrap();
    let error = brief::history::Tracked::open(&file).err().unwrap();
    assert!(
        error.to_string().contains("not in a git repository"),
        "{error}"
    );
}
