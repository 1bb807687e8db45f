//! What is written is what is read, at the edges: words and dates with spaces around
//! them, `!!binary` data, days the calendar lacks, empty list items and duplicate keys.
//! The loader and the JSON schema must give the same verdict on each, the fast and the
//! slow YAML paths must read each alike, and every problem is reported where it stands.

use base64::Engine as _;
use brief::briefing::{self, Pos, yaml};
use proptest::prelude::*;
use serde_json::{Value as Json, json};

mod common;
use common::yaml::assert_fast_is_slow;
use common::{diagnostics, located};

fn validator() -> jsonschema::Validator {
    jsonschema::draft7::new(&briefing::schema::schema()).expect("the schema is valid draft-07")
}

/// The same text with an anchor on the title, which the fast path leaves to serde-saphyr:
/// both readings must report the same problems at the same places (the anchor only moves
/// columns on the first line, where none of these problems are).
fn assert_slow_reports_alike(text: &str) {
    let slow = text.replacen("title: ", "title: &t ", 1);
    assert!(
        yaml::read_fast(&slow).is_none(),
        "an anchor goes the slow way"
    );
    assert_eq!(
        diagnostics(text),
        diagnostics(&slow),
        "the fast and the slow path report differently on:\n{text}"
    );
}

const GOOD: &str = "title: T
as_of: 2026-11-27
summary:
  bluf: B
actors:
  - id: a
    name: A
    kind: government
    role: r
    stance: s
";

// Vocabulary words.

#[test]
fn a_padded_vocabulary_word_is_refused_with_the_word_it_may_mean() {
    for (written, shown) in [
        ("'government '", "\"government \""),
        ("\" government\"", "\" government\""),
        ("\"government\\t\"", "\"government\\t\""),
    ] {
        let text = GOOD.replace("kind: government", &format!("kind: {written}"));
        assert!(assert_fast_is_slow(&text), "{text}");
        assert_slow_reports_alike(&text);
        assert_eq!(
            diagnostics(&text),
            [format!(
                "8:11: error: `kind: {shown}` is not one of: government | organisation | movement | person | bloc | company | party | armed-group | media; did you mean `government`, without the spaces?"
            )],
            "{text}"
        );
    }
    // A word the vocabulary lacks gets no such hint.
    let text = GOOD.replace("kind: government", "kind: ' state '");
    assert_eq!(
        diagnostics(&text),
        [
            "8:11: error: `kind: \" state \"` is not one of: government | organisation | movement | person | bloc | company | party | armed-group | media"
        ]
    );
}

// Binary data.

#[test]
fn binary_data_is_refused_where_it_stands_with_the_other_problems() {
    let text = "title: T
summary:
  bluf: !!binary aGVsbG8=
  key_points: [a, !binary /w==]
actors:
  - id: a
    name: !<tag:yaml.org,2002:binary> QQ==
    kind: maybe
    role: r
    stance: s
";
    let binary = "binary data (`!!binary`) where a briefing holds text: write the text itself, without the tag";
    assert_eq!(
        diagnostics(text),
        [
            format!("3:18: error: {binary}"),
            format!("4:27: error: {binary}"),
            format!("7:39: error: {binary}"),
            "8:11: error: `kind: maybe` is not one of: government | organisation | movement | person | bloc | company | party | armed-group | media".to_owned(),
        ]
    );
    // Other tags keep the text as written: only binary data is refused.
    let tagged = GOOD.replace("kind: government", "kind: !!str government");
    assert!(briefing::parse(&tagged).is_ok());
    let custom = GOOD.replace("bluf: B", "bluf: !note B");
    assert_eq!(briefing::parse(&custom).unwrap().briefing.summary.bluf, "B");
}

// Dates.

fn as_of_verdicts(written: &str, validator: &jsonschema::Validator) -> (Vec<String>, bool) {
    let text = GOOD.replace("as_of: 2026-11-27", &format!("as_of: '{written}'"));
    assert!(assert_fast_is_slow(&text));
    assert_slow_reports_alike(&text);
    let instance = json!({"title": "T", "as_of": written});
    (diagnostics(&text), validator.is_valid(&instance))
}

#[test]
fn only_days_the_calendar_has_are_dates_for_the_loader_and_the_schema() {
    let validator = validator();
    for day in [
        "2026-11-27",
        "2024-02-29",
        "2000-02-29",
        "0400-02-29",
        "0001-01-01",
        "2026-04-30",
        "2026-12-31",
        "9999-12-31",
    ] {
        let (loader, schema) = as_of_verdicts(day, &validator);
        assert_eq!(loader, Vec::<String>::new(), "{day}");
        assert!(schema, "the schema refuses {day}");
    }
    for (day, why) in [
        ("2026-02-30", " (there is no such day)"),
        ("2026-02-29", " (there is no such day)"),
        ("2100-02-29", " (there is no such day)"),
        ("1900-02-29", " (there is no such day)"),
        ("2026-04-31", " (there is no such day)"),
        ("2026-06-31", " (there is no such day)"),
        ("2026-09-31", " (there is no such day)"),
        ("2026-11-31", " (there is no such day)"),
        ("2026-13-01", " (there is no such day)"),
        ("2026-01-00", " (there is no such day)"),
        ("0000-01-01", " (the years start at 0001)"),
        ("0000-02-29", " (the years start at 0001)"),
        ("27/11/2026", ""),
    ] {
        let (loader, schema) = as_of_verdicts(day, &validator);
        assert_eq!(
            loader,
            [format!(
                "2:8: error: `as_of: {day}` is not a date in the form YYYY-MM-DD{why}"
            )],
            "{day}"
        );
        assert!(!schema, "the schema accepts {day}");
    }
    let (loader, schema) = as_of_verdicts(" 2026-11-27", &validator);
    assert_eq!(
        loader,
        [
            "2:8: error: `as_of: \" 2026-11-27\"` is not a date in the form YYYY-MM-DD; did you mean `2026-11-27`, without the spaces?"
        ]
    );
    assert!(!schema);
}

#[test]
fn the_format_reference_says_which_dates_are_refused() {
    let description = briefing::schema::schema()["properties"]["as_of"]["description"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(description.contains("2026-02-30"), "{description}");
    assert!(description.contains("0001"), "{description}");
    let readme = std::fs::read_to_string("README.md").unwrap();
    assert!(readme.contains(&description), "the README's table is stale");
}

// Empty list items.

#[test]
fn an_empty_list_item_is_a_warning_at_its_line_and_column() {
    let text = "title: T
summary:
  bluf: B
  key_points:
    - one
    -
    - ~
    - null
    - two
  caveats: [x, ~, null]
risks:
  - id: r
    title: R
    description: d
    likelihood: low
    impact: low
    actors:
      -
";
    assert!(assert_fast_is_slow(text));
    assert_slow_reports_alike(text);
    let loaded = briefing::parse(text).expect("empty items are no error");
    assert_eq!(loaded.briefing.summary.key_points, ["one", "two"]);
    let warnings: Vec<String> = loaded.warnings.iter().map(located).collect();
    assert_eq!(
        warnings,
        [
            "6:6: warning: an empty item in `key_points` is left out",
            "7:7: warning: an empty item in `key_points` is left out",
            "8:7: warning: an empty item in `key_points` is left out",
            "10:16: warning: an empty item in `caveats` is left out",
            "10:19: warning: an empty item in `caveats` is left out",
            "18:8: warning: an empty item in `actors` is left out",
        ]
    );
}

// Duplicate keys.

#[test]
fn a_duplicate_key_is_reported_with_every_other_problem() {
    let text = "title: T
summary:
  bluf: B
  bluf: again
actors:
  - id: a
    name: A
    name: B
    kind: goverment
    role: r
    stance: s
    colour: blue
stances:
  - actor: nobody
    topic: t
    position: mixed
    summary: s
topics:
  - {id: t, name: T}
summary:
  bluf: twice
";
    assert_eq!(
        diagnostics(text),
        [
            "4:3: error: duplicate key `bluf` in the same mapping (the first is at line 3, column 3)",
            "8:5: error: duplicate key `name` in the same mapping (the first is at line 7, column 5)",
            "9:11: error: `kind: goverment` is not one of: government | organisation | movement | person | bloc | company | party | armed-group | media; did you mean `government`?",
            "12:5: error: unknown key `colour` in actor; expected one of: id, name, short, kind, role, stance, interests, leverage, people",
            "14:12: error: stance refers to unknown actor `nobody`; known actors: a",
            "20:1: error: duplicate key `summary` in the same mapping (the first is at line 2, column 1)",
            "6:5: warning: actor `a` has no stance on topic `t` (use `position: unclear` if the sources are silent)",
        ]
    );
    let fixture = briefing::load_file(
        std::path::Path::new("tests/fixtures/bad/duplicate-key.yaml"),
        briefing::Budget::default(),
    )
    .unwrap_err();
    let first = fixture.first_error();
    assert_eq!(first.pos, Some(Pos::new(36, 5)));
    assert!(first.message.contains("the first is at line 35, column 5"));
}

// Blank required texts.

#[test]
fn a_required_text_is_blank_for_the_loader_where_it_is_for_the_schema() {
    let validator = validator();
    for (text, blank) in [
        ("", true),
        (" \t", true),
        ("\u{85}", true),
        ("\u{a0}\u{3000}\u{2028}", true),
        ("\u{202e}", true),
        ("\u{202e} \u{2066}", true),
        ("\u{feff}", false),
        ("\u{200b}", false),
        ("\u{1b}", false),
        (" x ", false),
    ] {
        let escaped: String = text
            .chars()
            .map(|c| format!("\\u{:04X}", u32::from(c)))
            .collect();
        let yaml = GOOD.replace("bluf: B", &format!("bluf: \"{escaped}\""));
        let loader = briefing::parse(&yaml);
        let instance = json!({"title": "T", "summary": {"bluf": text}});
        assert_eq!(loader.is_err(), blank, "the loader on {text:?}: {loader:?}");
        assert_eq!(
            !validator.is_valid(&instance),
            blank,
            "the schema on {text:?}"
        );
        if let Ok(loaded) = loader {
            let held = &loaded.briefing.summary.bluf;
            assert_eq!(
                held.trim(),
                held,
                "{text:?} is held with white space around it"
            );
        }
    }
}

// The loader against the schema, on generated briefings.

/// A value as the analyst wrote it in the YAML, and the same value as JSON, which is what
/// the schema validator sees.
#[derive(Debug, Clone)]
struct Written {
    yaml: String,
    json: Json,
}

fn written(yaml: impl Into<String>, json: Json) -> Written {
    Written {
        yaml: yaml.into(),
        json,
    }
}

/// `text` written in one of YAML's ways that keep it a string, whatever it holds.
fn quoted(text: &str, style: u8) -> String {
    let plain_is_safe = !text.is_empty()
        && text.trim() == text
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '/'))
        && text
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphanumeric());
    match style % 3 {
        0 if plain_is_safe => text.to_owned(),
        1 if !text.contains(['\'', '\t', '\n']) => format!("'{text}'"),
        _ => serde_json::to_string(text).unwrap(),
    }
}

/// Binary data: JSON has no bytes, and serde's JSON form of them, a list of numbers, is
/// no text, so the schema cannot take it for one.
fn binary(payload: &str, tag: u8) -> Written {
    let encoded = base64::engine::general_purpose::STANDARD.encode(payload);
    let tag = ["!!binary", "!binary", "!<tag:yaml.org,2002:binary>"][usize::from(tag % 3)];
    written(format!("{tag} {encoded}"), json!(payload.as_bytes()))
}

/// Spaces, tabs or nothing on either side of a text.
fn padding() -> impl Strategy<Value = (String, String)> {
    let side = prop::sample::select(vec!["", "", " ", "  ", "\t"]);
    (side.clone(), side).prop_map(|(l, r)| (l.to_owned(), r.to_owned()))
}

fn vocabulary_word(words: &'static [&'static str]) -> impl Strategy<Value = Written> {
    let near = prop::sample::select(vec!["Government", "maybe", "severe", "", "government."]);
    prop_oneof![
        4 => (prop::sample::select(words), any::<u8>())
            .prop_map(|(w, style)| written(quoted(w, style), json!(w))),
        3 => (prop::sample::select(words), padding(), any::<u8>()).prop_map(|(w, (l, r), style)| {
            let text = format!("{l}{w}{r}");
            written(quoted(&text, style | 1), json!(text))
        }),
        1 => (near, any::<u8>()).prop_map(|(w, style)| written(quoted(w, style), json!(w))),
        1 => (prop::sample::select(words), any::<u8>()).prop_map(|(w, tag)| binary(w, tag)),
        1 => (prop::sample::select(words), prop::sample::select(vec!["!!str", "!note", "!"]))
            .prop_map(|(w, tag)| written(format!("{tag} {w}"), json!(w))),
    ]
}

fn date() -> impl Strategy<Value = Option<Written>> {
    let day = (
        prop_oneof![
            Just(0u32),
            1u32..=3,
            Just(1900),
            Just(2000),
            Just(2100),
            2020u32..=2030,
            0u32..=9999
        ],
        0u32..=13,
        0u32..=32,
    )
        .prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}"));
    prop_oneof![
        1 => Just(None),
        6 => (day.clone(), any::<u8>()).prop_map(|(d, style)| Some(written(quoted(&d, style), json!(d)))),
        2 => (day.clone(), padding()).prop_map(|(d, (l, r))| {
            let text = format!("{l}{d}{r}");
            Some(written(quoted(&text, 1), json!(text)))
        }),
        1 => (day, any::<u8>()).prop_map(|(d, tag)| Some(binary(&d, tag))),
    ]
}

/// An item of a list of texts: text, an empty item in any of its spellings, or binary.
fn list_item() -> impl Strategy<Value = Written> {
    prop_oneof![
        4 => (prop::sample::select(vec!["a point", "NO", "1.10", " padded "]), any::<u8>())
            .prop_map(|(t, style)| written(quoted(t, style), json!(t))),
        2 => prop::sample::select(vec!["", "~", "null", "Null"]).prop_map(|w| written(w, Json::Null)),
        1 => Just(written("''", json!(""))),
        1 => any::<u8>().prop_map(|tag| binary("hello", tag)),
    ]
}

/// A text of white space, bidi controls, a byte order mark and letters, which a required
/// text must hold more than white space and bidi controls of. Written with YAML's escapes,
/// as a line break among them must not be read as one.
fn blankish() -> impl Strategy<Value = Written> {
    let blank = vec![
        ' ', '\t', '\r', '\u{85}', '\u{a0}', '\u{2003}', '\u{2028}', '\u{3000}', '\u{feff}',
        '\u{202e}', '\u{2066}',
    ];
    let mut any = blank.clone();
    any.extend(['\u{200b}', '\u{1b}', 'x']);
    let chars = prop_oneof![
        3 => prop::collection::vec(prop::sample::select(blank), 0..4),
        1 => prop::collection::vec(prop::sample::select(any), 0..4),
    ];
    chars.prop_map(|chars| {
        let text: String = chars.into_iter().collect();
        let escaped: String = text
            .chars()
            .map(|c| match c {
                ' ' | 'x' => c.to_string(),
                _ => format!("\\u{:04X}", u32::from(c)),
            })
            .collect();
        written(format!("\"{escaped}\""), json!(text))
    })
}

#[derive(Debug, Clone)]
struct Generated {
    bluf: Written,
    name: Written,
    as_of: Option<Written>,
    key_points: Vec<Written>,
    kind: Written,
    position: Written,
    likelihood: Written,
    impact: Written,
}

fn generated() -> impl Strategy<Value = Generated> {
    (
        (blankish(), blankish()),
        date(),
        prop::collection::vec(list_item(), 0..5),
        vocabulary_word(&["government", "organisation", "movement", "person", "bloc"]),
        vocabulary_word(&["supports", "opposes", "mixed", "neutral", "unclear"]),
        vocabulary_word(&["low", "medium", "high"]),
        vocabulary_word(&["low", "medium", "high"]),
    )
        .prop_map(
            |((bluf, name), as_of, key_points, kind, position, likelihood, impact)| Generated {
                bluf,
                name,
                as_of,
                key_points,
                kind,
                position,
                likelihood,
                impact,
            },
        )
}

/// The briefing as YAML text for the loader, and as JSON for the schema. It has no
/// problem but those in the generated values, which a schema can see.
fn briefing_of(g: &Generated) -> (String, Json) {
    let mut text = String::from("title: T\n");
    if let Some(as_of) = &g.as_of {
        text.push_str(&format!("as_of: {}\n", as_of.yaml));
    }
    text.push_str(&format!(
        "summary:\n  bluf: {}\n  key_points:\n",
        g.bluf.yaml
    ));
    for item in &g.key_points {
        match item.yaml.as_str() {
            "" => text.push_str("    -\n"),
            yaml => text.push_str(&format!("    - {yaml}\n")),
        }
    }
    text.push_str(&format!(
        "actors:\n  - id: a\n    name: {}\n    kind: {}\n    role: r\n    stance: s\n\
         topics:\n  - id: t\n    name: T\n\
         stances:\n  - actor: a\n    topic: t\n    position: {}\n    summary: s\n\
         risks:\n  - id: r\n    title: R\n    description: d\n    likelihood: {}\n    impact: {}\n",
        g.name.yaml, g.kind.yaml, g.position.yaml, g.likelihood.yaml, g.impact.yaml
    ));
    let mut instance = json!({
        "title": "T",
        "summary": {
            "bluf": g.bluf.json,
            "key_points": g.key_points.iter().map(|w| w.json.clone()).collect::<Vec<_>>(),
        },
        "actors": [{"id": "a", "name": g.name.json, "kind": g.kind.json, "role": "r", "stance": "s"}],
        "topics": [{"id": "t", "name": "T"}],
        "stances": [{"actor": "a", "topic": "t", "position": g.position.json, "summary": "s"}],
        "risks": [{
            "id": "r", "title": "R", "description": "d",
            "likelihood": g.likelihood.json, "impact": g.impact.json,
        }],
    });
    if let Some(as_of) = &g.as_of {
        instance["as_of"] = as_of.json.clone();
    }
    (text, instance)
}

proptest! {
    #![proptest_config(common::proptest_config(256))]

    /// Padded words and dates, impossible days, binary data, other tags and empty items:
    /// the loader refuses exactly what the schema refuses, by both YAML paths alike.
    #[test]
    fn the_loader_and_the_schema_agree_on_values_at_the_edges(g in generated()) {
        let validator = validator();
        let (text, instance) = briefing_of(&g);
        let loader = briefing::parse(&text);
        let schema: Vec<String> = validator.iter_errors(&instance).map(|e| e.to_string()).collect();
        prop_assert_eq!(
            loader.is_ok(),
            schema.is_empty(),
            "the loader says {:?}, the schema says {:?}, on:\n{}",
            loader.as_ref().err().map(|e| e.diagnostics.iter().map(located).collect::<Vec<_>>()),
            schema,
            text
        );
        let tagged = text.contains('!');
        prop_assert_eq!(assert_fast_is_slow(&text), !tagged, "{}", text);
        assert_slow_reports_alike(&text);
    }
}

// As `brief check` prints them.

#[test]
fn brief_check_prints_each_problem_at_the_edges_where_it_stands() {
    let output = common::brief(&[
        "check",
        "tests/fixtures/bad/padded-word.yaml",
        "tests/fixtures/bad/impossible-date.yaml",
    ]);
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8(output.stdout).unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    let printed = format!("{stdout}{stderr}");
    for line in [
        "tests/fixtures/bad/padded-word.yaml:14:11: error: `kind: \"government \"` is not one of: government | organisation | movement | person | bloc | company | party | armed-group | media; did you mean `government`, without the spaces?",
        "tests/fixtures/bad/padded-word.yaml:8:6: warning: an empty item in `key_points` is left out",
        "tests/fixtures/bad/padded-word.yaml:9:7: warning: an empty item in `key_points` is left out",
        "tests/fixtures/bad/impossible-date.yaml:2:8: error: `as_of: 2026-02-30` is not a date in the form YYYY-MM-DD (there is no such day)",
    ] {
        assert!(
            printed.lines().any(|l| l == line),
            "no {line:?} in:\n{printed}"
        );
    }
}
