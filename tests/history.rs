//! `brief diff` and `brief log` against repositories the tests build themselves (with the
//! `git` binary, which only the tests need). Human output is compared with golden files
//! in tests/golden/ (BRIEF_UPDATE_GOLDEN=1 rewrites them; review the diff).

mod common;
use common::git::{
    FIXTURES, PAY_SUBJECTS, commit_on, commit_pay_version, git, git_command, git_output, merge_on,
    pay_repo, pay_version, shallow_clone, short_hash,
};
use common::golden;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::SystemTime;

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

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Asserts that a run printed exactly `expected`, showing what it said on stderr if not.
fn assert_stdout(out: &Output, expected: &str) {
    assert_eq!(stdout(out), expected, "{}", stderr(out));
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
    let repo = pay_repo(3);
    let out = brief_in(repo.path(), &["log", "pay.yaml"]);
    assert!(out.status.success(), "{}", stderr(&out));
    golden("log-pay.txt", &without_hashes(&stdout(&out)));
    let text = stdout(&out);
    assert!(text.contains("1 stance moved, 1 risk raised"), "{text}");
    assert!(text.contains("+1 quote, \u{2212}1 question"), "{text}");
}

#[test]
fn log_limits_and_json() {
    let repo = pay_repo(3);
    let out = brief_in(
        repo.path(),
        &["log", "-n", "1", "--format", "json", "pay.yaml"],
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let entries = json.as_array().unwrap();
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0]["subject"], PAY_SUBJECTS[2]);
    assert_eq!(entries[0]["date"], "2026-10-03");
    assert_eq!(entries[0]["author"], "Ana Analyst");
    let since = brief_in(repo.path(), &["log", "--since", "2026-10-02", "pay.yaml"]);
    assert_eq!(stdout(&since).matches("Ana Analyst").count(), 2);
    // Limits that leave every commit out say so, and are not an error.
    let after = brief_in(repo.path(), &["log", "--since", "2026-11-01", "pay.yaml"]);
    assert_eq!(after.status.code(), Some(0));
    assert_stdout(&after, "pay.yaml: no commit since 2026-11-01 changed it\n");
    let none = brief_in(repo.path(), &["log", "-n", "0", "pay.yaml"]);
    assert_eq!(none.status.code(), Some(0));
    assert_stdout(&none, "");
}

#[test]
fn log_says_when_a_version_does_not_parse() {
    let repo = pay_repo(3);
    std::fs::write(repo.path().join("pay.yaml"), "title: [unclosed\n").unwrap();
    git(repo.path(), &["commit", "-q", "-am", "Broken save"]);
    let out = brief_in(repo.path(), &["log", "-n", "1", "pay.yaml"]);
    let text = stdout(&out);
    assert!(text.contains("Broken save"), "{text}");
    assert!(text.contains("does not parse: 1:"), "{text}");
}

#[test]
fn log_follows_a_rename() {
    let repo = pay_repo(3);
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
    std::fs::write(dir.path().join("pay.yaml"), pay_version(1)).unwrap();
    let out = brief_in(dir.path(), &["log", "pay.yaml"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("not in a git repository"), "{err}");
}

#[test]
fn diff_of_two_revisions_names_the_moves() {
    let repo = pay_repo(3);
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
    let repo = pay_repo(3);
    std::fs::write(repo.path().join("pay.yaml"), pay_version(1)).unwrap();
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
    let err = stderr(&out);
    assert!(err.contains("bad.yaml:"), "{err}");
    assert!(err.contains("not a valid briefing"), "{err}");
}

#[test]
fn git_diff_with_the_driver_shows_judgments() {
    let repo = pay_repo(3);
    std::fs::write(repo.path().join(".gitattributes"), "*.yaml diff=brief\n").unwrap();
    let driver = format!("{} diff --git", env!("CARGO_BIN_EXE_brief"));
    let out = git_command(repo.path(), None)
        .args([
            "-c",
            &format!("diff.brief.command={driver}"),
            "diff",
            "HEAD~1",
            "HEAD",
            "--",
            "pay.yaml",
        ])
        .env("GIT_PAGER", "cat")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("brief diff a/pay.yaml b/pay.yaml"), "{text}");
    assert!(text.contains("+ quote q13 (Dana Reyes)"), "{text}");
    assert!(text.contains("\u{2212} question q7"), "{text}");
}

#[test]
fn listing_for_the_history_pane_has_the_working_copy_then_each_commit() {
    let repo = pay_repo(3);
    let file = repo.path().join("pay.yaml");
    let tracked = brief::history::Tracked::open(&file).unwrap();
    let mut seen = Vec::new();
    let committed = brief::history::entries(&tracked, None, |n| seen.push(n)).unwrap();
    assert_eq!(seen, [1, 2, 3]);
    let subjects: Vec<_> = committed.iter().map(|e| e.subject.as_str()).collect();
    assert_eq!(
        subjects,
        [PAY_SUBJECTS[2], PAY_SUBJECTS[1], PAY_SUBJECTS[0]]
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
    let edited = pay_version(2);
    let with_working = brief::history::entries(&tracked, Some(&edited), |_| {}).unwrap();
    assert_eq!(with_working.len(), 4);
    assert!(with_working[0].blob.is_none());
    assert_eq!(with_working[0].previous, committed[0].blob);

    // A version's briefing is read from git when it is wanted.
    let first = brief::history::parse_blob(&tracked, committed[2].blob.unwrap()).unwrap();
    assert!(!first.briefing.stances.is_empty());
}

#[test]
fn reading_the_list_again_with_what_was_read_before_gives_the_same_list() {
    let repo = pay_repo(2);
    let file = repo.path().join("pay.yaml");
    let mut summaries = brief::history::Summaries::default();
    let read = |summaries: &mut brief::history::Summaries, working: Option<&str>| {
        let tracked = brief::history::Tracked::open(&file).unwrap();
        brief::history::entries_with(&tracked, working, summaries, |_| {}).unwrap()
    };
    let first = read(&mut summaries, None);
    assert_eq!(
        read(&mut summaries, None),
        first,
        "from what was read before"
    );
    // A new commit and an edited working copy: only they are new.
    commit_pay_version(repo.path(), 3, PAY_SUBJECTS[2]);
    let edited = pay_version(3).replace("likelihood: high", "likelihood: low");
    let again = read(&mut summaries, Some(&edited));
    let tracked = brief::history::Tracked::open(&file).unwrap();
    let fresh = brief::history::entries(&tracked, Some(&edited), |_| {}).unwrap();
    assert_eq!(again, fresh, "the same as a reading from nothing");
    assert_eq!(again.len(), 4);
    assert_eq!(again[2..], first[..], "the older versions as they were");
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

/// Every file and directory under `root` with its modification time and, for a file, its
/// bytes: a run that wrote, created or removed anything there (a lock file, a refreshed
/// index, a cache) leaves a different snapshot.
fn snapshot(root: &Path) -> BTreeMap<PathBuf, (SystemTime, Vec<u8>)> {
    let mut seen = BTreeMap::new();
    let mut pending = vec![root.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let meta = std::fs::symlink_metadata(&path).unwrap();
            let bytes = if meta.is_dir() {
                pending.push(path.clone());
                Vec::new()
            } else if meta.is_file() {
                std::fs::read(&path).unwrap()
            } else {
                Vec::new()
            };
            seen.insert(path, (meta.modified().unwrap(), bytes));
        }
    }
    let meta = std::fs::metadata(root).unwrap();
    seen.insert(root.to_path_buf(), (meta.modified().unwrap(), Vec::new()));
    seen
}

/// `git status --porcelain`, read without the optional index refresh so that looking
/// writes nothing itself.
fn porcelain(dir: &Path) -> String {
    git_output(
        dir,
        &[
            "--no-optional-locks",
            "status",
            "--porcelain",
            "--untracked-files=all",
        ],
    )
}

/// Runs `runs` and checks that they left the repository (and everything else under
/// `root`) exactly as it was: the same `git status` in `work`, the same files, bytes and
/// times.
fn without_writes<T>(root: &Path, work: &Path, runs: impl FnOnce() -> T) -> T {
    let status = porcelain(work);
    let before = snapshot(root);
    let result = runs();
    let after = snapshot(root);
    let changed: BTreeSet<_> = before
        .keys()
        .chain(after.keys())
        .filter(|path| before.get(*path) != after.get(*path))
        .collect();
    assert!(changed.is_empty(), "brief changed {changed:?}");
    assert_eq!(porcelain(work), status);
    result
}

/// The subjects `brief log --format json` lists, newest first.
fn logged_subjects(dir: &Path, file: &str) -> Vec<String> {
    let out = brief_in(dir, &["log", "--format", "json", file]);
    assert!(out.status.success(), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    json.as_array()
        .unwrap()
        .iter()
        .map(|entry| entry["subject"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn diff_finds_a_renamed_file_at_its_old_path_in_the_revision() {
    let repo = pay_repo(3);
    let dir = repo.path();
    std::fs::create_dir(dir.join("briefings")).unwrap();
    git(dir, &["mv", "pay.yaml", "briefings/port-pay.yaml"]);
    let moved = dir.join("briefings/port-pay.yaml");
    let opposes = pay_version(3).replacen("position: mixed", "position: opposes", 1);
    std::fs::write(&moved, opposes).unwrap();
    commit_on(dir, 4, "Move into briefings/; the union now opposes");

    let (against_working, between_revisions, across_both) = without_writes(dir, dir, || {
        (
            brief_in(dir, &["diff", "HEAD~1", "briefings/port-pay.yaml"]),
            brief_in(dir, &["diff", "HEAD~1", "HEAD", "briefings/port-pay.yaml"]),
            brief_in(
                dir,
                &["diff", "HEAD~3", "HEAD~1", "briefings/port-pay.yaml"],
            ),
        )
    });
    for out in [&against_working, &between_revisions] {
        assert_eq!(out.status.code(), Some(0), "{}", stderr(out));
        assert_stdout(out, "Stances\n  Union on pay: mixed \u{2192} opposes\n\n");
    }
    // Both revisions from before the move, two versions apart.
    assert_eq!(
        across_both.status.code(),
        Some(0),
        "{}",
        stderr(&across_both)
    );
    let text = stdout(&across_both);
    assert!(
        text.contains("Union on pay: supports \u{2192} mixed"),
        "{text}"
    );
    assert!(text.contains("+ quote q13 (Dana Reyes)"), "{text}");

    // Each side is labelled as git names the file in that revision.
    let json = brief_in(
        dir,
        &[
            "diff",
            "--format",
            "json",
            "HEAD~1",
            "HEAD",
            "briefings/port-pay.yaml",
        ],
    );
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(json["old"], "HEAD~1:pay.yaml", "{json}");
    assert_eq!(json["new"], "HEAD:briefings/port-pay.yaml", "{json}");

    // From inside the new directory, with the path relative to it.
    let out = brief_in(&dir.join("briefings"), &["diff", "HEAD~1", "port-pay.yaml"]);
    assert!(
        stdout(&out).contains("mixed \u{2192} opposes"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn diff_follows_a_file_through_two_renames_and_a_pure_move() {
    let repo = pay_repo(3);
    let dir = repo.path();
    git(dir, &["mv", "pay.yaml", "port.yaml"]);
    commit_on(dir, 4, "Rename to port.yaml");
    git(dir, &["mv", "port.yaml", "port-pay.yaml"]);
    commit_on(dir, 5, "Rename to port-pay.yaml");

    let out = brief_in(dir, &["diff", "HEAD~1", "HEAD", "port-pay.yaml"]);
    assert_stdout(&out, "No change in judgments.\n");
    let out = brief_in(dir, &["diff", "HEAD~4", "HEAD~1", "port-pay.yaml"]);
    let text = stdout(&out);
    assert!(
        text.contains("Union on pay: supports \u{2192} mixed"),
        "{text}"
    );
    assert!(text.contains("\u{2212} question q7"), "{text}");
    let out = brief_in(
        dir,
        &["diff", "--format", "json", "HEAD~3", "port-pay.yaml"],
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        json["gist"],
        "+1 quote, \u{2212}1 question",
        "{}",
        stderr(&out)
    );
}

#[test]
fn diff_says_where_the_history_begins_when_the_revision_predates_the_file() {
    let repo = pay_repo(3);
    let dir = repo.path();
    std::fs::write(dir.join("ports.yaml"), pay_version(1)).unwrap();
    git(dir, &["add", "ports.yaml"]);
    commit_on(dir, 4, "Second briefing: the ports");
    git(dir, &["mv", "ports.yaml", "harbours.yaml"]);
    commit_on(dir, 5, "Ports become harbours");

    let out = brief_in(dir, &["diff", "HEAD~2", "harbours.yaml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert_eq!(
        stderr(&out),
        format!(
            "brief diff: harbours.yaml does not exist in HEAD~2 (its history begins in \
             {} \u{201c}Second briefing: the ports\u{201d}, which added it)\n",
            short_hash(dir, "HEAD~1")
        )
    );
    // The revision that added it, under its first name, is found.
    let out = brief_in(dir, &["diff", "HEAD~1", "HEAD", "harbours.yaml"]);
    assert_stdout(&out, "No change in judgments.\n");
}

#[test]
fn diff_follows_a_rename_to_a_branch_that_still_has_the_old_name() {
    let repo = pay_repo(3);
    let dir = repo.path();
    git(dir, &["checkout", "-q", "-b", "colleague"]);
    let opposes = pay_version(3).replacen("position: mixed", "position: opposes", 1);
    std::fs::write(dir.join("pay.yaml"), opposes).unwrap();
    commit_on(dir, 4, "The union now opposes");
    git(dir, &["checkout", "-q", "-b", "dropped", "main"]);
    git(dir, &["rm", "-q", "pay.yaml"]);
    commit_on(dir, 4, "Drop the pay briefing here");
    git(dir, &["checkout", "-q", "main"]);
    std::fs::create_dir(dir.join("briefings")).unwrap();
    git(dir, &["mv", "pay.yaml", "briefings/port-pay.yaml"]);
    commit_on(dir, 5, "Move into briefings/");
    let file = "briefings/port-pay.yaml";

    let (against_working, between, dropped) = without_writes(dir, dir, || {
        (
            brief_in(dir, &["diff", "colleague", file]),
            brief_in(dir, &["diff", "HEAD", "colleague", file]),
            brief_in(dir, &["diff", "dropped", file]),
        )
    });
    assert_stdout(
        &against_working,
        "Stances\n  Union on pay: opposes \u{2192} mixed\n\n",
    );
    assert_stdout(
        &between,
        "Stances\n  Union on pay: mixed \u{2192} opposes\n\n",
    );
    assert_eq!(dropped.status.code(), Some(2));
    assert_eq!(
        stderr(&dropped),
        format!(
            "brief diff: {file} does not exist in dropped (it was removed on that branch, in \
             {} \u{201c}Drop the pay briefing here\u{201d})\n",
            short_hash(dir, "dropped")
        )
    );

    // Once merged, the branch's commit is a second parent, and still found.
    merge_on(dir, 6, "colleague", "Merge the colleague's view");
    let out = brief_in(dir, &["diff", "HEAD^2", "HEAD", file]);
    assert_stdout(&out, "No change in judgments.\n");
    let out = brief_in(dir, &["diff", "HEAD~1", "HEAD^2", file]);
    assert!(
        stdout(&out).contains("Union on pay: mixed \u{2192} opposes"),
        "{}",
        stderr(&out)
    );
    // An older commit checked out: a newer revision is followed forward to its name.
    git(dir, &["checkout", "-q", "--detach", "HEAD~2"]);
    let out = brief_in(dir, &["diff", "main", "pay.yaml"]);
    assert!(
        stdout(&out).contains("Union on pay: opposes \u{2192} mixed"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn shallow_clone_lists_what_it_has_and_says_the_history_ends_at_its_boundary() {
    let repo = pay_repo(3);
    let (_parent, clone) = shallow_clone(repo.path(), 2, &[]);

    let (log, json, within, beyond) = without_writes(&clone, &clone, || {
        (
            brief_in(&clone, &["log", "pay.yaml"]),
            brief_in(&clone, &["log", "--format", "json", "pay.yaml"]),
            brief_in(&clone, &["diff", "HEAD~1", "HEAD", "pay.yaml"]),
            brief_in(&clone, &["diff", "HEAD~2", "pay.yaml"]),
        )
    });
    assert!(log.status.success(), "{}", stderr(&log));
    golden("log-pay-shallow.txt", &without_hashes(&stdout(&log)));
    let text = stdout(&log);
    assert!(!text.contains("First assessment"), "{text}");
    assert!(
        text.contains("history ends here (shallow clone): 2 stances, 1 risk, 1 quote"),
        "{text}"
    );
    assert!(
        text.ends_with("`git fetch --unshallow` brings the rest)\n"),
        "{text}"
    );

    // The History pane's rows say the same.
    let tracked = brief::history::Tracked::open(&clone.join("pay.yaml")).unwrap();
    let rows = without_writes(&clone, &clone, || {
        brief::history::entries(&tracked, None, |_| {}).unwrap()
    });
    let summaries: Vec<_> = rows.iter().map(|row| row.summary.as_str()).collect();
    assert_eq!(
        summaries,
        [
            "+1 quote, \u{2212}1 question",
            "history ends here (shallow clone): 2 stances, 1 risk, 1 quote, 1 question"
        ]
    );
    assert!(rows[1].previous.is_none());

    let json: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let entries = json.as_array().unwrap();
    assert_eq!(entries.len(), 2);
    assert_eq!(entries[1]["subject"], PAY_SUBJECTS[1]);
    assert!(
        entries[1]["changes"]
            .as_str()
            .unwrap()
            .starts_with("history ends here (shallow clone)"),
        "{json}"
    );

    // Both sides inside the clone compare; one beyond its boundary is said to be so.
    assert_eq!(within.status.code(), Some(0), "{}", stderr(&within));
    assert!(stdout(&within).contains("+ quote q13 (Dana Reyes)"));
    assert_eq!(beyond.status.code(), Some(2));
    assert!(beyond.stdout.is_empty());
    assert_eq!(
        stderr(&beyond),
        format!(
            "brief diff: `HEAD~2` is not a commit in this shallow clone, whose history ends \
             at {} (`git fetch --unshallow` brings the rest)\n",
            short_hash(&clone, "HEAD~1")
        )
    );
}

#[test]
fn shallow_clone_says_a_rename_is_not_followed_past_its_boundary() {
    let repo = pay_repo(3);
    let dir = repo.path();
    git(dir, &["branch", "colleague"]);
    git(dir, &["mv", "pay.yaml", "port-pay.yaml"]);
    commit_on(dir, 4, "Rename to port-pay.yaml");
    let (_parent, clone) = shallow_clone(dir, 1, &["--no-single-branch"]);

    let out = without_writes(&clone, &clone, || {
        brief_in(&clone, &["diff", "origin/colleague", "port-pay.yaml"])
    });
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        format!(
            "brief diff: port-pay.yaml does not exist in origin/colleague (its history in this \
             shallow clone ends at {}; `git fetch --unshallow` brings the rest)\n",
            short_hash(&clone, "HEAD")
        )
    );
}

#[test]
fn detached_head_log_and_diff_start_at_the_checked_out_commit() {
    let repo = pay_repo(3);
    let dir = repo.path();
    git(dir, &["checkout", "-q", "--detach", "HEAD~1"]);

    let (subjects, log, against_working, between) = without_writes(dir, dir, || {
        (
            logged_subjects(dir, "pay.yaml"),
            brief_in(dir, &["log", "-n", "1", "pay.yaml"]),
            brief_in(dir, &["diff", "HEAD", "pay.yaml"]),
            brief_in(dir, &["diff", "HEAD~1", "HEAD", "pay.yaml"]),
        )
    });
    assert_eq!(subjects, [PAY_SUBJECTS[1], PAY_SUBJECTS[0]]);
    assert_eq!(
        without_hashes(&stdout(&log)),
        "HASH 2026-10-02 Ana Analyst  Union wavers; strike risk up\n    \
         1 stance moved, 1 risk raised"
    );
    assert_eq!(stdout(&against_working), "No change in judgments.\n");
    let text = stdout(&between);
    assert!(
        text.contains("Union on pay: supports \u{2192} mixed"),
        "{text}"
    );
    assert!(!text.contains("q13"), "{text}");
}

#[test]
fn linked_worktree_reads_its_own_head_and_working_copy() {
    let repo = pay_repo(3);
    let elsewhere = tempfile::tempdir().unwrap();
    let tree = elsewhere.path().join("older");
    git(
        repo.path(),
        &[
            "worktree",
            "add",
            "-q",
            "-b",
            "older",
            tree.to_str().unwrap(),
            "HEAD~1",
        ],
    );
    std::fs::create_dir(tree.join("notes")).unwrap();
    std::fs::write(tree.join("pay.yaml"), pay_version(3)).unwrap();

    let (subjects, against_head, between, from_below) =
        without_writes(elsewhere.path(), &tree, || {
            without_writes(repo.path(), repo.path(), || {
                (
                    logged_subjects(&tree, "pay.yaml"),
                    brief_in(&tree, &["diff", "HEAD", "pay.yaml"]),
                    brief_in(&tree, &["diff", "HEAD~1", "HEAD", "pay.yaml"]),
                    brief_in(&tree.join("notes"), &["log", "-n", "1", "../pay.yaml"]),
                )
            })
        });
    // The worktree's branch, one commit behind main's.
    assert_eq!(subjects, [PAY_SUBJECTS[1], PAY_SUBJECTS[0]]);
    // Its working copy, not the main checkout's.
    assert_stdout(
        &against_head,
        "Quotes\n  + quote q13 (Dana Reyes): \"Our members will not sign a pay cut dressed up \
         as a rise.\"\n\nQuestions\n  \u{2212} question q7: Will the members ratify the \
         offer?\n\n",
    );
    assert!(
        stdout(&between).contains("Union on pay: supports \u{2192} mixed"),
        "{}",
        stderr(&between)
    );
    let text = stdout(&from_below);
    assert!(text.contains(PAY_SUBJECTS[1]), "{text}");
    assert!(!text.contains("Rally quote"), "{text}");
}

#[test]
fn merge_is_listed_against_its_first_parent_and_the_merged_branch_is_not() {
    let repo = pay_repo(2);
    let dir = repo.path();
    git(dir, &["checkout", "-q", "-b", "rally"]);
    std::fs::write(dir.join("pay.yaml"), pay_version(3)).unwrap();
    commit_on(dir, 3, "Rally quote, on the side branch");
    git(dir, &["checkout", "-q", "main"]);
    std::fs::write(dir.join("sources.txt"), "Port Bulletin\n").unwrap();
    git(dir, &["add", "sources.txt"]);
    commit_on(dir, 4, "Sources list, on main");
    merge_on(dir, 5, "rally", "Merge the rally branch");

    let (log, subjects, merge_diff) = without_writes(dir, dir, || {
        (
            brief_in(dir, &["log", "pay.yaml"]),
            logged_subjects(dir, "pay.yaml"),
            brief_in(dir, &["diff", "HEAD~1", "HEAD", "pay.yaml"]),
        )
    });
    // git log --first-parent: the merge, not the side branch's commit; and not the
    // commit on main that left the briefing alone.
    assert_eq!(
        subjects,
        ["Merge the rally branch", PAY_SUBJECTS[1], PAY_SUBJECTS[0]]
    );
    let text = without_hashes(&stdout(&log));
    assert!(
        text.starts_with(
            "HASH 2026-10-05 Ana Analyst  Merge the rally branch\n    +1 quote, \u{2212}1 question\n"
        ),
        "{text}"
    );
    let text = stdout(&merge_diff);
    assert!(text.contains("+ quote q13 (Dana Reyes)"), "{text}");
    assert!(text.contains("\u{2212} question q7"), "{text}");
}

#[test]
fn a_file_not_yet_committed_has_no_history_and_no_revision_to_diff() {
    let repo = pay_repo(3);
    let dir = repo.path();
    std::fs::write(dir.join("draft.yaml"), pay_version(1)).unwrap();
    std::fs::write(dir.join("staged.yaml"), pay_version(2)).unwrap();
    git(dir, &["add", "staged.yaml"]);

    for file in ["draft.yaml", "staged.yaml"] {
        let (log, diff, older) = without_writes(dir, dir, || {
            (
                brief_in(dir, &["log", file]),
                brief_in(dir, &["diff", "HEAD", file]),
                brief_in(dir, &["diff", "HEAD~1", "HEAD", file]),
            )
        });
        assert_eq!(log.status.code(), Some(0));
        assert_eq!(
            stdout(&log),
            format!(
                "{file} has not been committed yet: its history starts with its first commit\n"
            )
        );
        assert_eq!(diff.status.code(), Some(2));
        assert!(diff.stdout.is_empty());
        assert_eq!(
            stderr(&diff),
            format!("brief diff: {file} does not exist in HEAD: it is not committed yet\n")
        );
        // The History pane lists the working copy alone, as not committed yet.
        let text = std::fs::read_to_string(dir.join(file)).unwrap();
        let tracked = brief::history::Tracked::open(&dir.join(file)).unwrap();
        let rows = brief::history::entries(&tracked, Some(&text), |_| {}).unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].subject, "Not committed yet");
        assert!(rows[0].blob.is_none() && rows[0].previous.is_none());
        assert!(rows[0].summary.starts_with("first version: "), "{rows:?}");
        assert_eq!(older.status.code(), Some(2));
        assert_eq!(
            stderr(&older),
            format!(
                "brief diff: {file} does not exist in HEAD~1, nor in HEAD: it is not committed \
                 yet\n"
            )
        );
    }
}

#[test]
fn log_of_a_path_neither_on_disk_nor_at_head_says_there_is_no_such_file() {
    let repo = pay_repo(3);
    let dir = repo.path();
    let outside = tempfile::tempdir().unwrap();
    // A mistyped name, a mistyped directory, and a name outside any repository.
    for (cwd, typo) in [
        (dir, "pay.yml"),
        (dir, "briefngs/pay.yaml"),
        (outside.path(), "pay.yaml"),
    ] {
        let (text, json) = without_writes(dir, dir, || {
            (
                brief_in(cwd, &["log", typo]),
                brief_in(cwd, &["log", "--format", "json", typo]),
            )
        });
        for out in [&text, &json] {
            assert_eq!(out.status.code(), Some(1), "{typo}");
            assert!(out.stdout.is_empty(), "{typo}: {}", stdout(out));
            assert_eq!(stderr(out), format!("brief log: no such file: {typo}\n"));
        }
    }
}

#[test]
fn log_of_a_directory_asks_for_a_briefing_in_it() {
    let repo = pay_repo(3);
    let dir = repo.path();
    std::fs::create_dir(dir.join("briefings")).unwrap();
    for path in ["briefings", "."] {
        let out = brief_in(dir, &["log", path]);
        assert_eq!(out.status.code(), Some(1));
        assert!(out.stdout.is_empty(), "{}", stdout(&out));
        assert_eq!(
            stderr(&out),
            format!(
                "brief log: {path} is a directory: name the briefing in it whose history you \
                 want\n"
            )
        );
    }
}

#[test]
fn log_of_a_file_deleted_from_the_working_tree_lists_its_history() {
    let repo = pay_repo(3);
    let dir = repo.path();
    std::fs::remove_file(dir.join("pay.yaml")).unwrap();
    let deleted = brief_in(dir, &["log", "pay.yaml"]);
    // Staged for removal, not yet committed: HEAD still has it.
    git(dir, &["rm", "-q", "pay.yaml"]);
    let staged = brief_in(dir, &["log", "pay.yaml"]);
    for out in [&deleted, &staged] {
        assert_eq!(out.status.code(), Some(0), "{}", stderr(out));
        golden("log-pay.txt", &without_hashes(&stdout(out)));
    }
    assert_eq!(
        logged_subjects(dir, "pay.yaml"),
        [PAY_SUBJECTS[2], PAY_SUBJECTS[1], PAY_SUBJECTS[0]]
    );
}

#[test]
fn log_of_a_file_whose_directory_is_gone_from_the_working_tree_lists_its_history() {
    let repo = pay_repo(3);
    let dir = repo.path();
    std::fs::create_dir(dir.join("desk")).unwrap();
    git(dir, &["mv", "pay.yaml", "desk/pay.yaml"]);
    git(dir, &["commit", "-q", "-m", "Move to the desk"]);
    std::fs::remove_dir_all(dir.join("desk")).unwrap();
    let out = brief_in(dir, &["log", "desk/pay.yaml"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let listed = stdout(&out);
    assert!(listed.contains("Move to the desk"), "{listed}");
    assert!(listed.contains("renamed from pay.yaml"), "{listed}");
    assert!(listed.contains(PAY_SUBJECTS[0]), "{listed}");
}

#[test]
fn log_of_a_file_deleted_in_a_commit_lists_the_deletion_then_its_history() {
    let repo = pay_repo(3);
    let dir = repo.path();
    git(dir, &["rm", "-q", "pay.yaml"]);
    git(dir, &["commit", "-q", "-m", "Drop the pay briefing"]);
    let out = brief_in(dir, &["log", "pay.yaml"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let listed = stdout(&out);
    let lines: Vec<&str> = listed.lines().collect();
    assert!(lines[0].ends_with("Drop the pay briefing"), "{listed}");
    assert_eq!(lines[1], "    deleted", "{listed}");
    assert!(lines[2].ends_with(PAY_SUBJECTS[2]), "{listed}");
    assert!(listed.contains(PAY_SUBJECTS[0]), "{listed}");
    assert!(!listed.contains("not been committed"), "{listed}");
    let one = stdout(&brief_in(dir, &["log", "-n", "1", "pay.yaml"]));
    assert_eq!(one.lines().count(), 2, "-n 1 is the deletion alone:\n{one}");
    let typo = brief_in(dir, &["log", "pya.yaml"]);
    assert_eq!(
        typo.status.code(),
        Some(1),
        "a name no commit had is still a typo"
    );
}

#[test]
fn a_repository_without_commits_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    git(dir, &["init", "-q", "-b", "main"]);
    std::fs::write(dir.join("pay.yaml"), pay_version(1)).unwrap();

    let (log, diff) = without_writes(dir, dir, || {
        (
            brief_in(dir, &["log", "pay.yaml"]),
            brief_in(dir, &["diff", "HEAD", "pay.yaml"]),
        )
    });
    assert_eq!(log.status.code(), Some(0));
    assert_eq!(
        stdout(&log),
        "pay.yaml has not been committed yet: its history starts with its first commit\n"
    );
    assert_eq!(diff.status.code(), Some(2));
    assert_eq!(
        stderr(&diff),
        "brief diff: `HEAD` is not a commit: this repository has no commits yet\n"
    );
}
