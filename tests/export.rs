//! `brief export` as a user runs it: every format, the JSON round trip, `-o` and its
//! refusals. Golden files in tests/golden/ (BRIEF_UPDATE_GOLDEN=1 rewrites them; review
//! the diff).

mod common;
use brief::briefing::{self, Budget, Loaded};
use brief::export::{self, Positions};
use common::{assert_markdown_sections, brief, golden};
use serde_json::Value;
use std::path::Path;

fn load(path: &str) -> Loaded {
    briefing::load_file(Path::new(path), Budget::default())
        .unwrap_or_else(|e| panic!("{path}: {:?}", e.diagnostics))
}

/// The model without the positions, which differ between a YAML file and its JSON.
fn without_positions(loaded: &Loaded) -> Value {
    fn strip(value: &mut Value) {
        match value {
            Value::Object(map) => {
                map.remove("at");
                map.values_mut().for_each(strip);
            }
            Value::Array(items) => items.iter_mut().for_each(strip),
            _ => {}
        }
    }
    let mut value = serde_json::to_value(&loaded.briefing).unwrap();
    strip(&mut value);
    value
}

fn good_fixtures() -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir("tests/fixtures/good")
        .unwrap()
        .map(|e| e.unwrap().path().display().to_string())
        .filter(|p| p.ends_with(".yaml"))
        .collect();
    files.push("briefings/belarus-us-thaw.yaml".into());
    files.sort();
    files
}

#[test]
fn json_loads_back_to_an_equal_briefing_and_exports_the_same_json() {
    let dir = tempfile::tempdir().unwrap();
    for path in good_fixtures() {
        let original = load(&path);
        let first = export::json(&original, Positions::Omit);
        // Beside the original, so that `source.file` paths still resolve.
        let copy = Path::new(&path).with_extension("roundtrip.json");
        let copy = dir.path().join(copy.file_name().unwrap());
        let sources = Path::new(&path).parent().unwrap().join("sources");
        if sources.exists() && !dir.path().join("sources").exists() {
            std::os::unix::fs::symlink(
                std::fs::canonicalize(&sources).unwrap(),
                dir.path().join("sources"),
            )
            .unwrap();
        }
        std::fs::write(&copy, &first).unwrap();
        let reloaded = briefing::load_file(&copy, Budget::default())
            .unwrap_or_else(|e| panic!("{path}: its JSON does not load: {:?}", e.diagnostics));
        assert_eq!(
            without_positions(&reloaded),
            without_positions(&original),
            "{path}: the JSON loads back to a different briefing"
        );
        assert_eq!(
            export::json(&reloaded, Positions::Omit),
            first,
            "{path}: exporting the reloaded JSON gives different JSON"
        );
        assert_eq!(
            export::json(&original, Positions::Omit),
            first,
            "{path}: not deterministic"
        );
        let value: Value = serde_json::from_str(&first).unwrap();
        assert!(!first.contains("null"), "{path}: absent keys are left out");
        assert!(value["title"].is_string());
    }
}

#[test]
fn json_positions_only_on_request() {
    let loaded = load("tests/fixtures/good/one-of-each.yaml");
    assert!(!export::json(&loaded, Positions::Omit).contains("\"at\""));
    let with: Value = serde_json::from_str(&export::json(&loaded, Positions::Include)).unwrap();
    assert_eq!(with["actors"][0]["at"]["line"], 19);
}

#[test]
fn markdown_of_another_briefing_has_every_section_and_every_quote() {
    let path = "tests/fixtures/good/arctic-shipping.yaml";
    let loaded = load(path);
    let out = brief(&["export", "--format", "markdown", path]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    let title = format!("# {}\n", loaded.briefing.title);
    assert!(text.starts_with(&title));
    assert_markdown_sections(&text);
    for quote in &loaded.briefing.quotes {
        for line in quote.text.lines() {
            assert!(
                text.contains(&format!("> {line}")),
                "quote {} missing",
                quote.id
            );
        }
        assert!(text.contains(&quote.speaker));
    }
    for source in &loaded.briefing.sources {
        assert!(text.contains(&source.title), "source {} missing", source.id);
    }
    golden("arctic-shipping.md", &text);
}

#[test]
fn golden_exports_of_one_of_each() {
    let path = "tests/fixtures/good/one-of-each.yaml";
    for (format, name) in [
        ("markdown", "one-of-each.md"),
        ("json", "one-of-each.json"),
        ("html", "one-of-each.html"),
    ] {
        let out = brief(&["export", "--format", format, path]);
        assert_eq!(out.status.code(), Some(0), "{format}");
        let text = String::from_utf8(out.stdout).unwrap();
        // The HTML's origin line names the commit and the time of export, which a golden
        // file cannot hold; tests/first_hour_timeline.rs checks it.
        let text: String = text
            .split_inclusive('\n')
            .filter(|line| !line.starts_with("<p class=\"origin dim\">"))
            .collect();
        golden(name, &text);
    }
}

#[test]
fn html_stands_alone() {
    let out = brief(&[
        "export",
        "--format",
        "html",
        "tests/fixtures/good/arctic-shipping.yaml",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let page = String::from_utf8(out.stdout).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(page.contains("<style>") && page.contains("@media print"));
    for outside in ["<script", "<link", "src=", "@import", "url("] {
        assert!(!page.contains(outside), "the page has {outside}");
    }
    for section in [
        "Summary",
        "Actors",
        "Stances",
        "Quotes",
        "Risks",
        "Questions",
        "Timeline",
        "Sources",
    ] {
        assert!(
            page.contains(&format!("<h2>{section}</h2>")),
            "no {section}"
        );
    }
    // Colour comes with its sign and word: the heat map and the severities read in print.
    assert!(page.contains("<span class=\"position supports\">+ supports</span>"));
    assert!(page.contains("<span class=\"severity elevated\">███░ elevated (6)</span>"));
}

#[test]
fn html_shows_hostile_controls_as_text() {
    let page = export::html(&load("tests/fixtures/hostile/escapes.yaml"));
    assert!(
        !page.chars().any(|c| c.is_control() && c != '\n'),
        "a control character reached the page"
    );
    assert!(
        page.contains("␛]0;pwned␇"),
        "escape sequences show as visible symbols"
    );
}

#[test]
fn html_shows_hostile_markup_as_text() {
    let good = std::fs::read_to_string("tests/fixtures/good/one-of-each.yaml").unwrap();
    let hostile = good
        .replacen(
            "title: One of each",
            "title: \"<script>alert(1)</script> & co\"",
            1,
        )
        .replacen(
            "text: This contract",
            "text: <img src=x onerror=alert(1)> This contract",
            1,
        )
        .replacen(
            "url: https://example.invalid/harbour-gazette/ferry-contract",
            "url: \"javascript:alert('x')\"",
            1,
        );
    let loaded = briefing::parse(&hostile).unwrap_or_else(|e| panic!("{:?}", e.diagnostics));
    let page = export::html(&loaded);
    assert!(
        !page.contains("<script") && !page.contains("<img"),
        "markup from the briefing became markup"
    );
    assert!(page.contains("<title>&lt;script&gt;alert(1)&lt;/script&gt; &amp; co</title>"));
    assert!(page.contains("&lt;img src=x onerror=alert(1)&gt;"));
    assert!(
        !page.contains("href=\"javascript"),
        "only web addresses become links"
    );
    assert!(
        page.contains("javascript:alert(&#39;x&#39;)"),
        "the address still shows as text"
    );
}

#[test]
fn output_file_follows_the_extension_and_is_written_whole() {
    let dir = tempfile::tempdir().unwrap();
    for (name, start) in [
        ("out.html", "<!DOCTYPE html>"),
        ("out.json", "{"),
        ("out.md", "# One of each"),
    ] {
        let target = dir.path().join(name);
        let out = brief(&[
            "export",
            "-o",
            target.to_str().unwrap(),
            "tests/fixtures/good/one-of-each.yaml",
        ]);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(out.stdout.is_empty());
        let text = std::fs::read_to_string(&target).unwrap();
        assert!(text.starts_with(start), "{name}: {}", &text[..20]);
    }
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .filter(|n| n.to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
    // An explicit --format wins over the extension.
    let target = dir.path().join("notes.md");
    brief(&[
        "export",
        "--format",
        "json",
        "-o",
        target.to_str().unwrap(),
        "tests/fixtures/good/minimal.yaml",
    ]);
    assert!(std::fs::read_to_string(&target).unwrap().starts_with('{'));
}

#[test]
fn export_refuses_to_write_over_the_briefing_it_reads() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("b.yaml");
    std::fs::copy("tests/fixtures/good/one-of-each.yaml", &path).unwrap();
    let before = std::fs::read(&path).unwrap();
    let via_dot = dir.path().join(".").join("b.yaml");
    for target in [&path, &via_dot] {
        let out = brief(&[
            "export",
            "-o",
            target.to_str().unwrap(),
            path.to_str().unwrap(),
        ]);
        assert_eq!(out.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&out.stderr).contains("refusing to write"));
    }
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "the briefing was touched"
    );
}

#[test]
fn a_broken_briefing_is_not_exported() {
    let out = brief(&["export", "tests/fixtures/bad/typo-key.yaml"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("did you mean `name`"));
}
