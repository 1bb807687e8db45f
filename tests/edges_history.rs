//! `brief log` and the History pane list a file's versions through one summariser: what
//! each says of a version is the same, even where two versions make the same change.

mod common;
use common::git::{commit_on, git, git_dated, october, pay_version};
use std::path::Path;

/// pay-v1 as `a.yaml`; then renamed to `pay.yaml` and changed to pay-v2; back to pay-v1;
/// and pay-v2 again. The rename and the last commit make the same change (pay-v1 to
/// pay-v2), one of them across the rename.
fn renamed_then_same_change_again() -> tempfile::TempDir {
    let repo = tempfile::tempdir().unwrap();
    let dir = repo.path();
    git(dir, &["init", "-q", "-b", "main"]);
    std::fs::write(dir.join("a.yaml"), pay_version(1)).unwrap();
    git(dir, &["add", "a.yaml"]);
    git_dated(dir, &["commit", "-q", "-m", "First"], Some(&october(1)));
    git(dir, &["mv", "a.yaml", "pay.yaml"]);
    std::fs::write(dir.join("pay.yaml"), pay_version(2)).unwrap();
    commit_on(dir, 2, "Renamed and changed");
    std::fs::write(dir.join("pay.yaml"), pay_version(1)).unwrap();
    commit_on(dir, 3, "Back");
    std::fs::write(dir.join("pay.yaml"), pay_version(2)).unwrap();
    commit_on(dir, 4, "Again");
    repo
}

/// What `brief log` says of each version, newest first.
fn logged(file: &Path) -> Vec<String> {
    let out = common::brief(&["log", "--format=json", file.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    json.as_array()
        .unwrap()
        .iter()
        .map(|entry| entry["changes"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn a_rename_making_the_same_change_as_a_later_commit_still_says_it_was_renamed() {
    let repo = renamed_then_same_change_again();
    let file = repo.path().join("pay.yaml");
    let tracked = brief::history::Tracked::open(&file).unwrap();
    let pane: Vec<String> = brief::history::entries(&tracked, None, |_| {})
        .unwrap()
        .into_iter()
        .map(|entry| entry.summary)
        .collect();
    assert_eq!(pane.len(), 4, "{pane:?}");
    assert_eq!(pane[0], "1 stance moved, 1 risk raised", "{pane:?}");
    assert_eq!(
        pane[2], "renamed from a.yaml; 1 stance moved, 1 risk raised",
        "{pane:?}"
    );
    assert_eq!(logged(&file), pane, "brief log says what the pane says");
}

#[test]
fn the_pane_read_again_after_a_new_commit_says_what_brief_log_says() {
    let repo = renamed_then_same_change_again();
    let file = repo.path().join("pay.yaml");
    let mut summaries = brief::history::Summaries::default();
    let read = |summaries: &mut brief::history::Summaries| -> Vec<String> {
        let tracked = brief::history::Tracked::open(&file).unwrap();
        brief::history::entries_with(&tracked, None, summaries, |_| {})
            .unwrap()
            .into_iter()
            .map(|entry| entry.summary)
            .collect()
    };
    read(&mut summaries);
    std::fs::write(&file, pay_version(3)).unwrap();
    commit_on(repo.path(), 5, "Rally");
    assert_eq!(read(&mut summaries), logged(&file));
}

#[test]
fn a_history_longer_than_one_reading_is_listed_whole_and_in_order() {
    let repo = common::git::pay_repo(1);
    let dir = repo.path();
    for day in 2..=20 {
        std::fs::write(dir.join("pay.yaml"), pay_version(1 + day % 3)).unwrap();
        commit_on(dir, day, &format!("Day {day}"));
    }
    let file = dir.join("pay.yaml");
    let tracked = brief::history::Tracked::open(&file).unwrap();
    let mut seen = Vec::new();
    let entries = brief::history::entries(&tracked, None, |n| seen.push(n)).unwrap();
    assert_eq!(seen, (1..=20).collect::<Vec<_>>());
    let subjects: Vec<_> = entries.iter().map(|e| e.subject.as_str()).collect();
    assert_eq!(subjects[0], "Day 20");
    assert_eq!(subjects[18], "Day 2");
    let summaries: Vec<_> = entries.iter().map(|e| e.summary.clone()).collect();
    assert_eq!(logged(&file), summaries);

    let out = common::brief(&["log", "-n", "17", "--format=json", file.to_str().unwrap()]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let listed = json.as_array().unwrap();
    assert_eq!(listed.len(), 17);
    assert_eq!(listed[16]["subject"], "Day 4");
}
