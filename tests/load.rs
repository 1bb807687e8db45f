//! Loading and validation against the fixtures: good files load whole, and each bad file
//! is refused with the right message at the right line and column.

use brief::briefing::{self, Budget, Diagnostic, LoadError, Loaded};
use std::path::Path;

fn load(path: &str) -> Result<Loaded, LoadError> {
    briefing::load_file(Path::new(path), Budget::default())
}

fn errors(path: &str) -> Vec<Diagnostic> {
    let error = load(path).expect_err("the fixture should be refused");
    error
        .diagnostics
        .into_iter()
        .filter(Diagnostic::is_error)
        .collect()
}

/// Asserts one error at `line:col` whose message contains every fragment.
fn assert_error(diags: &[Diagnostic], line: u32, col: u32, fragments: &[&str]) {
    let found = diags.iter().find(|d| {
        d.pos.is_some_and(|p| p.line == line && p.col == col)
            && fragments.iter().all(|f| d.message.contains(f))
    });
    assert!(
        found.is_some(),
        "no error at {line}:{col} containing {fragments:?}; got: {:#?}",
        diags.iter().map(|d| d.headline("f")).collect::<Vec<_>>()
    );
}

#[test]
fn bundled_briefing_loads_clean_and_checks_its_quotes() {
    let loaded = briefing::load_bundled().expect("the bundled briefing loads");
    // The bundled model is built at compile time; parsed now, the text gives the same.
    let parsed = briefing::parse(briefing::BUNDLED_TEXT).expect("the bundled text parses");
    assert_eq!(parsed.briefing, loaded.briefing);
    assert_eq!(parsed.warnings, loaded.warnings);
    let b = &loaded.briefing;
    assert!(b.actors.len() >= 7);
    for id in ["us", "by", "opposition", "ru", "eu"] {
        assert!(
            loaded.index.actor_by_id.contains_key(id),
            "actor {id} missing"
        );
    }
    assert!(b.topics.len() >= 3);
    assert_eq!(
        b.stances.len(),
        b.actors.len() * b.topics.len(),
        "a stance per actor per topic"
    );
    assert!(b.risks.len() >= 5 && b.questions.len() >= 5);
    assert!(b.summary.caveats.iter().any(|c| c.contains("Biden")));
    // The file on disk checks itself against the source text shipped beside it.
    let from_disk = load("briefings/belarus-us-thaw.yaml").expect("loads from disk");
    assert_eq!(from_disk.briefing, loaded.briefing);
}

#[test]
fn every_bundled_quote_is_verbatim_in_the_shipped_article() {
    let article = briefing::provenance::normalise(briefing::BUNDLED_SOURCES[0].1);
    let loaded = briefing::load_bundled().unwrap();
    assert!(loaded.briefing.quotes.len() >= 10);
    for quote in &loaded.briefing.quotes {
        let text = briefing::provenance::normalise(&quote.text);
        assert!(
            article.contains(&text),
            "quote {} is not in the article: {text}",
            quote.id
        );
        assert!(quote.context.is_some(), "quote {} has no context", quote.id);
    }
}

#[test]
fn good_fixtures_load() {
    for path in [
        "tests/fixtures/good/arctic-shipping.yaml",
        "tests/fixtures/good/minimal.yaml",
        "tests/fixtures/good/one-of-each.yaml",
    ] {
        let loaded = load(path).unwrap_or_else(|e| panic!("{path}: {:?}", e.diagnostics));
        assert!(!loaded.briefing.title.is_empty());
    }
    let arctic = load("tests/fixtures/good/arctic-shipping.yaml").unwrap();
    assert_eq!(arctic.briefing.actors.len(), 7);
    assert!(arctic.briefing.actors.iter().any(|a| a.name == "Росатом"));
    assert!(arctic.briefing.actors.iter().any(|a| a.name == "日本郵船"));
}

#[test]
fn minimal_briefing_has_empty_sections() {
    let loaded = load("tests/fixtures/good/minimal.yaml").unwrap();
    assert_eq!(loaded.briefing.title, "Minimal briefing");
    assert!(loaded.briefing.actors.is_empty() && loaded.briefing.quotes.is_empty());
}

#[test]
fn items_keep_their_source_line() {
    let loaded = load("tests/fixtures/good/one-of-each.yaml").unwrap();
    let b = &loaded.briefing;
    assert_eq!(b.actors[0].pos.line, 19);
    assert_eq!(b.quotes[0].pos.line, 47);
    assert_eq!(b.risks[0].pos.line, 58);
    assert_eq!(b.timeline[0].pos.line, 78);
}

#[test]
fn typo_in_a_key_is_refused_with_a_suggestion() {
    let diags = errors("tests/fixtures/bad/typo-key.yaml");
    assert_eq!(diags.len(), 1, "{diags:?}");
    assert_error(
        &diags,
        20,
        5,
        &["unknown key `nmae`", "actor", "did you mean `name`"],
    );
}

#[test]
fn dangling_reference_names_the_missing_id() {
    let diags = errors("tests/fixtures/bad/dangling-actor.yaml");
    assert_error(
        &diags,
        49,
        12,
        &["unknown actor `harbour-board`", "city-council"],
    );
}

#[test]
fn value_outside_the_vocabulary_lists_the_choices() {
    let diags = errors("tests/fixtures/bad/bad-vocabulary.yaml");
    assert_error(
        &diags,
        58,
        17,
        &["`likelihood: severe`", "low | medium | high"],
    );
}

#[test]
fn every_problem_in_a_file_is_reported() {
    let diags = errors("tests/fixtures/bad/three-problems.yaml");
    assert_eq!(diags.len(), 3, "{diags:#?}");
    assert_error(&diags, 20, 5, &["nmae"]);
    assert_error(&diags, 49, 12, &["harbour-board"]);
    assert_error(&diags, 58, 17, &["severe"]);
}

#[test]
fn missing_title_is_reported() {
    let diags = errors("tests/fixtures/bad/missing-title.yaml");
    assert_error(&diags, 1, 1, &["missing required key `title`"]);
}

#[test]
fn duplicate_ids_point_at_both() {
    let diags = errors("tests/fixtures/bad/duplicate-id.yaml");
    assert_error(
        &diags,
        54,
        9,
        &["duplicate quote id `q-holt-ferry`", "line 47"],
    );
}

#[test]
fn duplicate_key_is_a_syntax_error() {
    let diags = errors("tests/fixtures/bad/duplicate-key.yaml");
    assert_error(&diags, 36, 5, &["duplicate key `name`"]);
}

#[test]
fn unterminated_string_points_back_to_where_it_opened() {
    let diags = errors("tests/fixtures/bad/unterminated-string.yaml");
    assert_eq!(diags.len(), 1);
    assert!(diags[0].message.contains("line 23"), "{}", diags[0].message);
}

#[test]
fn wrong_type_and_bad_date() {
    let diags = errors("tests/fixtures/bad/wrong-type.yaml");
    assert_error(&diags, 14, 5, &["`key_points` to be a list", "mapping"]);
    let diags = errors("tests/fixtures/bad/bad-date.yaml");
    assert_error(&diags, 2, 8, &["YYYY-MM-DD"]);
}

#[test]
fn rendered_diagnostic_has_path_position_and_caret() {
    let error = load("tests/fixtures/bad/bad-vocabulary.yaml").unwrap_err();
    let text = error
        .first_error()
        .render("b.yaml", error.source.as_deref().unwrap());
    let expected = "b.yaml:58:17: error: `likelihood: severe` is not one of: low | medium | high\n   |\n58 |     likelihood: severe\n   |                 ^";
    assert_eq!(text, expected);
}

#[test]
fn whole_file_problems_name_the_problem() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, bytes: &[u8]| {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        path
    };
    let cases: Vec<(std::path::PathBuf, &str)> = vec![
        (write("empty.yaml", b""), "empty"),
        (write("comments.yaml", b"# nothing here\n"), "empty"),
        (write("nul.yaml", b"title: a\0b\n"), "NUL"),
        (write("latin1.yaml", b"title: caf\xe9\n"), "UTF-8"),
        (write("list.yaml", b"- a\n- b\n"), "a list"),
        (write("scalar.yaml", b"just text\n"), "text"),
        (dir.path().to_path_buf(), "directory"),
        (dir.path().join("absent.yaml"), "no such file"),
    ];
    for (path, fragment) in cases {
        let error = briefing::load_file(&path, Budget::default()).unwrap_err();
        let message = &error.first_error().message;
        assert!(message.contains(fragment), "{}: {message}", path.display());
    }
    let big = write("big.yaml", &vec![b'#'; 2000]);
    let error = briefing::load_file(&big, Budget { max_bytes: 1000 }).unwrap_err();
    assert!(error.first_error().message.contains("--max-size"));
}

#[test]
fn invalid_utf8_is_located() {
    let error = briefing::load_file(
        Path::new("tests/fixtures/bad/invalid-utf8.bin"),
        Budget::default(),
    );
    if let Err(error) = error {
        let pos = error.first_error().pos.expect("a position");
        assert_eq!((pos.line, pos.col), (2, 12));
    } else {
        panic!("invalid UTF-8 accepted");
    }
}

#[test]
fn hostile_structures_are_refused_quickly() {
    let deep = "[".repeat(10_000);
    let error = briefing::parse(&deep).unwrap_err();
    assert!(
        error.first_error().message.contains("nested")
            || error.first_error().message.contains("recursion")
    );
    let mut bomb = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
    for level in 1..9u8 {
        let (prev, name) = ((b'a' + level - 1) as char, (b'a' + level) as char);
        bomb.push_str(&format!(
            "{name}: &{name} [{}]\n",
            vec![format!("*{prev}"); 10].join(", ")
        ));
    }
    let error = briefing::parse(&bomb).unwrap_err();
    assert!(error.first_error().is_error());
}

#[test]
fn strings_are_sanitised_on_load() {
    let text = "title: \"a\\e]0;pwned\\ab\\e[31m\\u202Ec\"\n";
    let loaded = briefing::parse(text).unwrap();
    assert!(!loaded.briefing.title.contains('\u{1b}'));
    assert!(!loaded.briefing.title.contains('\u{202e}'));
    assert_eq!(loaded.briefing.title, "a␛]0;pwned␇b␛[31mc");
}

#[test]
fn bom_and_crlf_are_accepted() {
    let text = "\u{feff}title: With BOM  \r\nas_of: 2026-01-02\r\n";
    let loaded = briefing::parse(text).unwrap();
    assert_eq!(loaded.briefing.title, "With BOM");
}

/// The node budget holds for every file alike: two million key points are too many
/// whether or not a tag is among them (the fast path that once took the plain file past
/// the budget is gone).
#[test]
fn the_node_budget_is_the_same_for_plain_and_tagged_files() {
    let mut plain = String::from("title: t\nsummary:\n  bluf: b\n  key_points: [");
    plain.push_str(&"p,".repeat(2_000_000));
    plain.push_str("p]\n");
    let tagged = plain.replacen("[p,", "[!!str p,", 1);
    for text in [&plain, &tagged] {
        let error = briefing::parse(text).unwrap_err();
        assert!(
            error
                .first_error()
                .message
                .starts_with("too large for a briefing"),
            "{}",
            error.first_error().message
        );
    }
}

/// A file and its text have one meaning, whatever byte order marks start it: exactly
/// one is dropped, by the parse, on either way in.
#[test]
fn a_file_and_its_text_read_alike_with_byte_order_marks() {
    let dir = tempfile::tempdir().unwrap();
    for text in [
        "\u{feff}\u{feff}",
        "\u{feff}title: t\nsummary: {bluf: b}\n",
        "\u{feff}\u{feff}title: t\n",
    ] {
        let path = dir.path().join("b.yaml");
        std::fs::write(&path, text).unwrap();
        assert_eq!(
            briefing::load_file(&path, Budget::default()),
            briefing::parse_file(&path, text, Budget::default()),
            "{text:?}"
        );
    }
    let path = dir.path().join("nul.yaml");
    std::fs::write(&path, "\u{feff}ab\0").unwrap();
    let error = briefing::load_file(&path, Budget::default()).unwrap_err();
    assert_eq!(error.first_error().pos, Some(briefing::Pos::new(1, 3)));
}
