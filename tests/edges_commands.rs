//! The subcommands at the edges of what they are given: a folder to check, an output
//! name whose extension says no format, options a command has no use for, the manual.

mod common;
use common::brief;
use std::path::Path;

fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
        .display()
        .to_string()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn check_of_a_folder_checks_every_briefing_in_it() {
    let output = brief(&["check", &fixture("good")]);
    let stdout = text(&output.stdout);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{stdout}{}",
        text(&output.stderr)
    );
    for name in ["arctic-shipping", "mekong-water", "minimal", "one-of-each"] {
        assert!(
            stdout.contains(&format!("{name}.yaml: ok")),
            "`brief check good/` did not check {name}.yaml:\n{stdout}"
        );
    }
}

#[test]
fn check_of_a_folder_fails_when_one_of_its_briefings_does() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(fixture("good/minimal.yaml"), dir.path().join("a.yaml")).unwrap();
    std::fs::copy(fixture("bad/missing-title.yaml"), dir.path().join("b.yaml")).unwrap();
    std::fs::write(dir.path().join("notes.txt"), "not a briefing").unwrap();
    let output = brief(&["check", "--format", "json", dir.path().to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let reports: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let files: Vec<(String, bool)> = reports
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let file = r["file"].as_str().unwrap();
            let name = Path::new(file).file_name().unwrap().to_str().unwrap();
            (name.to_owned(), r["ok"].as_bool().unwrap())
        })
        .collect();
    assert_eq!(
        files,
        [("a.yaml".to_owned(), true), ("b.yaml".to_owned(), false)]
    );
}

#[test]
fn check_of_a_folder_without_briefings_is_a_failure_that_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let output = brief(&["check", dir.path().to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        text(&output.stderr).contains("no briefings (*.yaml, *.yml) in this directory"),
        "{}",
        text(&output.stderr)
    );
}

#[test]
fn export_to_a_name_with_an_unknown_extension_is_refused_naming_the_formats() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("notes.txt");
    let output = brief(&["export", "-o", target.to_str().unwrap()]);
    let stderr = text(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    for format in [".md", ".json", ".html", "--format"] {
        assert!(
            stderr.contains(format),
            "the refusal does not name {format}: {stderr}"
        );
    }
    assert!(
        !target.exists(),
        "a refused export wrote {}",
        target.display()
    );
}

#[test]
fn export_with_a_format_named_writes_whatever_the_extension() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("notes.txt");
    let output = brief(&["export", "--format", "json", "-o", target.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let written = std::fs::read_to_string(&target).unwrap();
    assert!(
        written.starts_with('{'),
        "not JSON: {}",
        &written[..40.min(written.len())]
    );
}

#[test]
fn export_to_known_extensions_and_to_a_bare_name_still_works() {
    let dir = tempfile::tempdir().unwrap();
    for (name, start) in [
        ("a.md", "# "),
        ("a.HTML", "<!DOCTYPE"),
        ("a.json", "{"),
        ("a", "# "),
    ] {
        let target = dir.path().join(name);
        let output = brief(&["export", "-o", target.to_str().unwrap()]);
        assert_eq!(
            output.status.code(),
            Some(0),
            "{name}: {}",
            text(&output.stderr)
        );
        let written = std::fs::read_to_string(&target).unwrap();
        assert!(written.starts_with(start), "{name}: {}", &written[..40]);
    }
}
