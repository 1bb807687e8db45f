//! brief as git's diff driver, and its history commands, at the edges: renames, copies,
//! additions and deletions through the real `git diff` and `git log -p`, YAML that is
//! not a briefing, names that are not UTF-8, and versions too big to read.

mod common;
use common::git::{
    commit_on, git, git_command, pay_repo, pay_repo_with_a_big_version, pay_version,
};
use std::ffi::OsStr;
use std::path::Path;
use std::process::{Command, Output};

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Makes brief the diff driver of every YAML file in `dir`, configured as the README
/// says (with `driver_args` after the binary, such as `--max-size`).
fn drive(dir: &Path, driver_args: &str) {
    let driver = format!("{} {driver_args} diff --git", env!("CARGO_BIN_EXE_brief"));
    git(dir, &["config", "diff.brief.command", &driver]);
    std::fs::write(dir.join(".gitattributes"), "*.yaml diff=brief\n").unwrap();
}

/// A repository of the pay briefing's first version, with brief as its diff driver.
fn driven_repo() -> tempfile::TempDir {
    let repo = pay_repo(1);
    drive(repo.path(), "");
    git(repo.path(), &["add", ".gitattributes"]);
    commit_on(repo.path(), 1, "Use brief to diff briefings");
    repo
}

/// git run in `dir` as a person runs it, its output not paged.
fn git_run(dir: &Path, args: &[&str]) -> Output {
    git_command(dir, None)
        .args(args)
        .env("GIT_PAGER", "cat")
        .output()
        .expect("running git")
}

/// git's output for `args`, which must succeed: a driver that fails stops git with
/// `fatal: external diff died`.
fn git_ok(dir: &Path, args: &[&str]) -> String {
    let out = git_run(dir, args);
    assert_eq!(
        out.status.code(),
        Some(0),
        "git {args:?}: {}\n{}",
        text(&out.stderr),
        text(&out.stdout)
    );
    text(&out.stdout)
}

fn brief_in(dir: &Path, args: &[&OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("running brief")
}

/// `args` as the OS strings a command line is made of.
fn os<'a>(args: &[&'a str]) -> Vec<&'a OsStr> {
    args.iter().map(|&arg| OsStr::new(arg)).collect()
}

#[test]
fn a_renamed_briefing_is_compared_and_labelled_as_a_rename() {
    let repo = driven_repo();
    git(repo.path(), &["mv", "pay.yaml", "wage.yaml"]);
    std::fs::write(repo.path().join("wage.yaml"), pay_version(2)).unwrap();
    commit_on(repo.path(), 2, "Rename and revise");
    let out = git_ok(repo.path(), &["diff", "-M", "HEAD~1", "HEAD"]);
    assert!(out.contains("brief diff a/pay.yaml b/wage.yaml\n"), "{out}");
    assert!(out.contains("similarity index "), "{out}");
    assert!(
        out.contains("rename from pay.yaml\nrename to wage.yaml\n"),
        "{out}"
    );
    assert!(
        out.contains("Union on pay: supports \u{2192} mixed"),
        "{out}"
    );

    let log = git_ok(repo.path(), &["log", "-p", "--ext-diff", "-M"]);
    assert!(
        log.contains("rename from pay.yaml\nrename to wage.yaml\n"),
        "{log}"
    );
    assert!(
        log.contains("Union on pay: supports \u{2192} mixed"),
        "{log}"
    );
}

#[test]
fn a_copied_briefing_is_labelled_as_a_copy() {
    let repo = driven_repo();
    std::fs::copy(
        repo.path().join("pay.yaml"),
        repo.path().join("pay-copy.yaml"),
    )
    .unwrap();
    git(repo.path(), &["add", "pay-copy.yaml"]);
    commit_on(repo.path(), 2, "Copy the briefing");
    for finds_copies in [&["-C", "-C"][..], &["--find-copies-harder"]] {
        let mut args = vec!["diff"];
        args.extend_from_slice(finds_copies);
        args.extend(["HEAD~1", "HEAD"]);
        let out = git_ok(repo.path(), &args);
        assert!(
            out.contains("brief diff a/pay.yaml b/pay-copy.yaml\nsimilarity index 100%\n"),
            "{out}"
        );
        assert!(
            out.contains("copy from pay.yaml\ncopy to pay-copy.yaml\n"),
            "{out}"
        );
        assert!(out.contains("No change in judgments."), "{out}");
    }
    let log = git_ok(repo.path(), &["log", "-p", "--ext-diff", "-C", "-C"]);
    assert!(
        log.contains("copy from pay.yaml\ncopy to pay-copy.yaml\n"),
        "{log}"
    );
}

#[test]
fn yaml_that_is_not_a_briefing_gets_a_plain_unified_diff() {
    let repo = driven_repo();
    let ci = repo.path().join("ci.yaml");
    std::fs::write(&ci, "jobs:\n  build:\n    runs-on: ubuntu-22.04\n").unwrap();
    git(repo.path(), &["add", "ci.yaml"]);
    commit_on(repo.path(), 2, "Add CI");
    std::fs::write(&ci, "jobs:\n  build:\n    runs-on: ubuntu-24.04\n").unwrap();
    commit_on(repo.path(), 3, "Newer runner");

    let out = git_ok(repo.path(), &["diff", "HEAD~1", "HEAD"]);
    assert_eq!(
        out,
        "diff --git a/ci.yaml b/ci.yaml\n\
         --- a/ci.yaml\n\
         +++ b/ci.yaml\n\
         @@ -1,3 +1,3 @@\n \
         jobs:\n   \
         build:\n\
         -    runs-on: ubuntu-22.04\n\
         +    runs-on: ubuntu-24.04\n"
    );
    // Its addition, and a briefing that does not parse, the same way.
    let added = git_ok(repo.path(), &["diff", "HEAD~2", "HEAD~1"]);
    assert!(
        added.contains("new file mode 100644\n--- /dev/null\n+++ b/ci.yaml\n"),
        "{added}"
    );
    std::fs::write(repo.path().join("pay.yaml"), "title: [unclosed\n").unwrap();
    let broken = git_ok(repo.path(), &["diff"]);
    assert!(
        broken.contains("--- a/pay.yaml\n+++ b/pay.yaml\n"),
        "{broken}"
    );
    assert!(broken.contains("+title: [unclosed\n"), "{broken}");

    let log = git_ok(repo.path(), &["log", "-p", "--ext-diff"]);
    for subject in [
        "Newer runner",
        "Add CI",
        "First assessment of the pay offer",
    ] {
        assert!(log.contains(subject), "{log}");
    }
    assert!(log.contains("+    runs-on: ubuntu-24.04\n"), "{log}");
    assert!(log.contains("brief diff /dev/null b/pay.yaml\n"), "{log}");
}

#[test]
fn a_deleted_and_an_added_briefing_are_compared_with_nothing() {
    let repo = driven_repo();
    git(repo.path(), &["rm", "-q", "pay.yaml"]);
    std::fs::write(repo.path().join("wage.yaml"), pay_version(3)).unwrap();
    git(repo.path(), &["add", "wage.yaml"]);
    commit_on(repo.path(), 2, "Replace the briefing");
    // Without rename detection: one deletion, one addition.
    let out = git_ok(repo.path(), &["diff", "--no-renames", "HEAD~1", "HEAD"]);
    assert!(
        out.contains("brief diff a/pay.yaml /dev/null\ndeleted file mode 100644\n"),
        "{out}"
    );
    assert!(
        out.contains("brief diff /dev/null b/wage.yaml\nnew file mode 100644\n"),
        "{out}"
    );
    assert!(out.contains("\u{2212} quote q1 (Dana Reyes)"), "{out}");
    assert!(out.contains("+ quote q13 (Dana Reyes)"), "{out}");
    let log = git_ok(repo.path(), &["log", "-p", "--ext-diff", "--no-renames"]);
    assert!(log.contains("deleted file mode 100644\n"), "{log}");
}

#[test]
fn the_driver_takes_an_unmerged_path_and_refuses_a_wrong_count() {
    let dir = tempfile::tempdir().unwrap();
    let unmerged = brief_in(dir.path(), &os(&["diff", "--git", "pay.yaml"]));
    assert_eq!(
        unmerged.status.code(),
        Some(0),
        "{}",
        text(&unmerged.stderr)
    );
    assert_eq!(text(&unmerged.stdout), "* Unmerged path pay.yaml\n");
    let four = brief_in(dir.path(), &os(&["diff", "--git", "a", "b", "c", "d"]));
    assert_eq!(four.status.code(), Some(2));
    assert!(
        text(&four.stderr).contains("got 4"),
        "{}",
        text(&four.stderr)
    );
}

/// A briefing named `café brief.yaml` in Latin-1, which is not UTF-8, committed twice: in
/// place of pay.yaml, then changed.
#[cfg(unix)]
fn latin1_repo() -> (tempfile::TempDir, std::ffi::OsString) {
    use std::os::unix::ffi::OsStrExt;
    let name = OsStr::from_bytes(b"caf\xe9 brief.yaml").to_owned();
    let repo = driven_repo();
    git(repo.path(), &["rm", "-q", "pay.yaml"]);
    std::fs::write(repo.path().join(&name), pay_version(1)).unwrap();
    git(repo.path(), &["add", "-A"]);
    commit_on(repo.path(), 2, "First assessment");
    std::fs::write(repo.path().join(&name), pay_version(2)).unwrap();
    commit_on(repo.path(), 3, "Union wavers");
    (repo, name)
}

#[cfg(unix)]
#[test]
fn a_name_that_is_not_utf8_has_a_log_and_a_diff() {
    let (repo, name) = latin1_repo();
    let shown = "caf\u{FFFD} brief.yaml";

    let log = brief_in(repo.path(), &[OsStr::new("log"), &name]);
    assert_eq!(log.status.code(), Some(0), "{}", text(&log.stderr));
    let said = String::from_utf8(log.stdout).expect("printed as UTF-8");
    assert!(
        said.contains("Union wavers\n    1 stance moved, 1 risk raised"),
        "{said}"
    );
    // It took the place of pay.yaml, and is followed back to it.
    assert!(
        said.contains("First assessment\n    renamed from pay.yaml; no change in judgments"),
        "{said}"
    );

    let json = brief_in(
        repo.path(),
        &[OsStr::new("log"), OsStr::new("--format=json"), &name],
    );
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(json[0]["path"], shown);

    let diff = brief_in(
        repo.path(),
        &[OsStr::new("diff"), OsStr::new("HEAD~1"), &name],
    );
    assert_eq!(diff.status.code(), Some(0), "{}", text(&diff.stderr));
    let said = String::from_utf8(diff.stdout).expect("printed as UTF-8");
    assert!(
        said.contains("Union on pay: supports \u{2192} mixed"),
        "{said}"
    );
    let json = brief_in(
        repo.path(),
        &[
            OsStr::new("diff"),
            OsStr::new("--format=json"),
            OsStr::new("HEAD~1"),
            OsStr::new("HEAD"),
            &name,
        ],
    );
    assert_eq!(json.status.code(), Some(0), "{}", text(&json.stderr));
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(json["old"], format!("HEAD~1:{shown}"));

    // git passes the name's bytes to the driver as they are.
    let out = git_run(repo.path(), &["diff", "HEAD~1", "HEAD"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let said = String::from_utf8(out.stdout).expect("printed as UTF-8");
    assert!(
        said.starts_with(&format!("brief diff a/{shown} b/{shown}\n")),
        "{said}"
    );
}

/// The pay briefing's three versions, the second too big for `--max-size 100000`, with
/// brief as the diff driver under that limit.
fn repo_with_a_big_version() -> tempfile::TempDir {
    let repo = pay_repo_with_a_big_version(300_000);
    drive(repo.path(), "--max-size 100000");
    repo
}

#[test]
fn log_skips_a_version_over_the_size_limit_and_lists_the_others() {
    let repo = repo_with_a_big_version();
    let out = brief_in(
        repo.path(),
        &os(&["--max-size", "100000", "log", "pay.yaml"]),
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let said = text(&out.stdout);
    assert!(
        said.contains(
            "Union wavers, with an appendix\n    293.0 KiB, over the 97.7 KiB limit: not read"
        ),
        "{said}"
    );
    assert!(
        said.contains("Rally quote\n    the version before is over the size limit, not read"),
        "{said}"
    );
    assert!(
        said.contains("First assessment of the pay offer\n    first version: "),
        "{said}"
    );
    // Within the limit, it is read like any other.
    let roomy = brief_in(repo.path(), &os(&["log", "pay.yaml"]));
    assert!(
        !text(&roomy.stdout).contains("not read"),
        "{}",
        text(&roomy.stdout)
    );
}

#[test]
fn diff_of_a_version_over_the_size_limit_says_so_and_fails() {
    let repo = repo_with_a_big_version();
    let out = brief_in(
        repo.path(),
        &os(&["--max-size", "100000", "diff", "HEAD~1", "pay.yaml"]),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty(), "{}", text(&out.stdout));
    assert_eq!(
        text(&out.stderr),
        "brief diff: HEAD~1:pay.yaml: 293.0 KiB, over the 97.7 KiB limit: not read \
         (raise it with --max-size)\n"
    );
    // The versions either side are still compared.
    let around = brief_in(
        repo.path(),
        &os(&["--max-size", "100000", "diff", "HEAD~2", "HEAD", "pay.yaml"]),
    );
    assert_eq!(around.status.code(), Some(0), "{}", text(&around.stderr));
    assert!(
        text(&around.stdout).contains("+ quote q13"),
        "{}",
        text(&around.stdout)
    );

    // As git's driver (configured with the same limit) it says so and lets git go on.
    let driven = git_ok(repo.path(), &["diff", "HEAD~2", "HEAD~1"]);
    assert!(
        driven.contains("b/pay.yaml: 293.0 KiB, over the 97.7 KiB limit: not compared"),
        "{driven}"
    );
}

#[test]
fn the_history_pane_skips_a_version_over_the_size_limit() {
    use brief::app::Action;
    use brief::runtime::history::{Reader, Request};
    let repo = repo_with_a_big_version();
    let file = repo.path().join("pay.yaml");
    let budget = brief::briefing::Budget { max_bytes: 100_000 };
    let tracked = brief::history::Tracked::open(&file).unwrap().within(budget);
    let entries = brief::history::entries(&tracked, None, |_| {}).unwrap();
    let summaries: Vec<_> = entries.iter().map(|e| e.summary.as_str()).collect();
    assert_eq!(entries.len(), 3, "{summaries:?}");
    assert_eq!(
        summaries[1],
        "293.0 KiB, over the 97.7 KiB limit: not read (raise it with --max-size)"
    );
    assert!(summaries[0].contains("the version before is over the size limit"));
    assert!(summaries[2].starts_with("first version: "), "{summaries:?}");

    // Selecting it, the pane's detail says why there is nothing to show.
    let (tx, rx) = std::sync::mpsc::channel();
    let mut reader = Reader::new(move |action| {
        let _ = tx.send(action);
    })
    .within(budget);
    reader.handle(Request::Refresh(file));
    reader.handle(Request::Diff {
        blob: entries[1].blob,
        previous: entries[1].previous,
    });
    let detail = rx
        .try_iter()
        .find_map(|action| match action {
            Action::VersionRead { diff, .. } => Some(*diff),
            _ => None,
        })
        .expect("the version's diff");
    assert_eq!(
        detail.err().as_deref(),
        Some(
            "This version is 293.0 KiB, over the 97.7 KiB limit: not read (raise it with --max-size)"
        )
    );
}

#[test]
fn sizes_are_said_as_people_read_them() {
    use brief::briefing::{Budget, human_size};
    assert_eq!(human_size(512), "512 bytes");
    assert_eq!(human_size(8 * 1024 * 1024), "8 MiB");
    assert_eq!(human_size(45_088_768), "43 MiB");
    assert_eq!(human_size(45_100_000), "43.0 MiB");
    assert_eq!(
        Budget::default().over(45_100_000),
        "43.0 MiB, over the 8 MiB limit"
    );
}
