//! Test support shared by the integration tests; not part of the shipped library.

#![allow(dead_code)]

pub mod git;
pub mod harness;
pub mod pty;
pub mod yaml;

/// `cases` by default; `PROPTEST_CASES=N` runs more for a deeper search. Failures are
/// reported with their minimal input; nothing is written to disk.
pub fn proptest_config(cases: u32) -> proptest::test_runner::Config {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(cases);
    proptest::test_runner::Config {
        cases,
        failure_persistence: None,
        ..Default::default()
    }
}

/// The real binary run with `args`, as a script or CI runs it.
pub fn brief(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(args)
        .output()
        .expect("running brief")
}

/// `actual` compared with `tests/golden/NAME`; `BRIEF_UPDATE_GOLDEN=1` rewrites the file
/// after an intended change (then review the diff).
pub fn golden(name: &str, actual: &str) {
    let path = format!("{}/tests/golden/{name}", env!("CARGO_MANIFEST_DIR"));
    if std::env::var_os("BRIEF_UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).unwrap();
    }
    let expected =
        std::fs::read_to_string(&path).unwrap_or_else(|_| panic!("missing golden file {path}"));
    assert_eq!(actual, expected, "output differs from {path}");
}

/// The section headings `brief export --format markdown` writes, in the order it writes
/// them, for a briefing with something in every section.
pub const MARKDOWN_SECTIONS: &[&str] = &[
    "## Summary",
    "### Key points",
    "### Caveats",
    "## Actors",
    "## Stances",
    "## Quotes",
    "## Risks",
    "## Questions",
    "## Timeline",
    "## Sources",
];

/// Asserts that `markdown` has each of `MARKDOWN_SECTIONS` as a line of its own, in order.
pub fn assert_markdown_sections(markdown: &str) {
    let mut lines = markdown.lines();
    for section in MARKDOWN_SECTIONS {
        assert!(
            lines.any(|line| line == *section),
            "no {section}, or out of order, in:\n{markdown}"
        );
    }
}

/// Every diagnostic of a briefing's text, errors and warnings, as
/// `line:col: severity: message`, in file order.
pub fn diagnostics(text: &str) -> Vec<String> {
    let list = match brief::briefing::parse(text) {
        Ok(loaded) => loaded.warnings,
        Err(error) => error.diagnostics,
    };
    list.iter().map(located).collect()
}

pub fn located(d: &brief::briefing::Diagnostic) -> String {
    let pos = d.pos.map_or("-".to_owned(), |p| p.to_string());
    let severity = if d.is_error() { "error" } else { "warning" };
    format!("{pos}: {severity}: {}", d.message)
}
