//! `brief check` and `brief export` as a script or CI would run them: output compared
//! with golden files in tests/golden/ (set BRIEF_UPDATE_GOLDEN=1 to rewrite them after an
//! intended change, then review the diff).

mod common;
use common::{assert_markdown_sections, brief, golden};

#[test]
fn check_reports_every_problem_rustc_style_and_exits_1() {
    let out = brief(&["check", "tests/fixtures/bad/three-problems.yaml"]);
    assert_eq!(out.status.code(), Some(1));
    golden(
        "three-problems.txt",
        &String::from_utf8(out.stdout).unwrap(),
    );
}

#[test]
fn check_as_json_for_editors() {
    let out = brief(&[
        "check",
        "--format",
        "json",
        "tests/fixtures/bad/three-problems.yaml",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    let parsed: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
    assert_eq!(parsed[0]["ok"], false);
    assert_eq!(parsed[0]["diagnostics"].as_array().unwrap().len(), 3);
    assert_eq!(parsed[0]["diagnostics"][0]["line"], 20);
    assert_eq!(parsed[0]["diagnostics"][0]["column"], 5);
    assert_eq!(parsed[0]["diagnostics"][0]["severity"], "error");
    golden("three-problems.json", &text);
}

#[test]
fn check_of_clean_files_exits_0_and_lists_warnings() {
    let out = brief(&[
        "check",
        "briefings/belarus-us-thaw.yaml",
        "tests/fixtures/good/arctic-shipping.yaml",
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    golden("clean.txt", &String::from_utf8(out.stdout).unwrap());
}

#[test]
fn check_of_several_files_fails_if_any_fails() {
    let out = brief(&[
        "check",
        "tests/fixtures/good/minimal.yaml",
        "tests/fixtures/bad/bad-date.yaml",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("tests/fixtures/good/minimal.yaml: ok"));
    assert!(text.contains("tests/fixtures/bad/bad-date.yaml:2:8: error:"));
}

#[test]
fn check_of_a_missing_file_names_it() {
    let out = brief(&["check", "no/such/briefing.yaml"]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("no/such/briefing.yaml: error: no such file"),
        "{text}"
    );
}

#[test]
fn export_markdown_of_the_bundled_briefing() {
    let out = brief(&["export"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("# U.S.-Belarus thaw"));
    assert!(text.contains("\n**Bottom line.** "), "no bottom line");
    assert_markdown_sections(&text);
    golden(
        "one-of-each.md",
        &String::from_utf8(brief(&["export", "tests/fixtures/good/one-of-each.yaml"]).stdout)
            .unwrap(),
    );
}

#[test]
fn export_json_keeps_the_contract_keys() {
    let out = brief(&[
        "export",
        "--format",
        "json",
        "tests/fixtures/good/one-of-each.yaml",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(value["title"], "One of each");
    assert_eq!(value["actors"][0]["kind"], "government");
    assert_eq!(value["risks"][0]["likelihood"], "medium");
    assert!(
        value["quotes"][0].get("at").is_none(),
        "positions only when asked for"
    );
    let with_positions = brief(&[
        "export",
        "--format",
        "json",
        "--positions",
        "tests/fixtures/good/one-of-each.yaml",
    ]);
    let value: serde_json::Value = serde_json::from_slice(&with_positions.stdout).unwrap();
    assert_eq!(value["quotes"][0]["at"]["line"], 47);
    assert_eq!(value["quotes"][0]["at"]["column"], 5);
}

#[test]
fn init_writes_a_copy_that_checks_itself() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mine.yaml");
    let out = brief(&["init", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    assert!(dir.path().join("sources/cbs-us-belarus-thaw.txt").exists());
    let copy = std::fs::read_to_string(&path).unwrap();
    assert_eq!(
        copy.lines().next(),
        Some("# yaml-language-server: $schema=briefing.schema.json"),
        "line 1 names the schema written beside the copy"
    );
    assert_eq!(
        brief::briefing::BUNDLED_TEXT.lines().next(),
        Some("# yaml-language-server: $schema=../schema/briefing.schema.json"),
        "the bundled briefing names the repository's schema"
    );
    let schema = std::fs::read_to_string(dir.path().join("briefing.schema.json")).unwrap();
    assert_eq!(schema, brief::briefing::schema::text());
    let out = brief(&["check", path.to_str().unwrap()]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let again = brief(&["init", path.to_str().unwrap()]);
    assert_eq!(
        again.status.code(),
        Some(1),
        "refuses to overwrite without --force"
    );
}

#[test]
fn help_and_version() {
    let help = brief(&["--help"]);
    assert_eq!(help.status.code(), Some(0));
    let text = String::from_utf8(help.stdout).unwrap();
    for word in ["check", "export", "init", "--max-size"] {
        assert!(text.contains(word), "--help does not mention {word}");
    }
    let version = brief(&["--version"]);
    assert!(
        String::from_utf8(version.stdout)
            .unwrap()
            .starts_with("brief ")
    );
}
