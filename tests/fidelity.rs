//! What the analyst wrote is what brief holds: a briefing generated as data is written as
//! YAML in many ways (block and flow style and mixtures of them, JSON, every scalar
//! style, comments, anchors and aliases, tags, CRLF, document markers, blank lines) and
//! every way must load to exactly the data generated, texts as written.

use brief::briefing::{self, Briefing, sanitize};
use proptest::prelude::*;
use serde_json::Value as Json;

mod common;
use common::yaml::{Dice, Style, Tree, assert_fast_is_slow, emit, from_model, strip_positions};

/// Words that YAML would read as something other than text, in several scripts, and
/// with the characters that need quoting.
const WORDS: &[&str] = &[
    "NO",
    "no",
    "on",
    "Off",
    "y",
    "yes",
    "true",
    "0x1F",
    "+7",
    "1.10",
    "1.1",
    "9223372036854775808",
    ".inf",
    "-.Inf",
    ".NaN",
    "1e3",
    "007",
    "1_000",
    "0o17",
    "-0",
    "2026-11-27",
    "12:30",
    "Лукашенко",
    "Ціханоўская",
    "日本郵船",
    "北京",
    "it's",
    "\"quoted\"",
    "a: b",
    "#hash",
    "x #y",
    "50%",
    "[bracket]",
    "{brace}",
    "a,b",
    "&amp",
    "*star",
    "!bang",
    "|pipe",
    ">gt",
    "@at",
    "back\\slash",
    "tab\there",
    "- dash",
    "?",
    "~",
    "null",
    "Belarus",
    "potash",
    "redeploy",
];

fn word() -> impl Strategy<Value = String> {
    prop::sample::select(WORDS).prop_map(str::to_owned)
}

fn line() -> impl Strategy<Value = String> {
    prop::collection::vec(word(), 1..5).prop_map(|words| words.join(" "))
}

/// A text that may run over several lines (a paragraph break is a line of its own).
fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(line(), 1..4).prop_map(|lines| lines.join("\n"))
}

/// The data of a briefing, as plain values; ids are made unique by `build`.
#[derive(Debug, Clone)]
struct Data {
    title: String,
    bluf: String,
    key_points: Vec<String>,
    actors: Vec<(String, String, String)>,
    topics: Vec<String>,
    quotes: Vec<(String, String)>,
    risks: Vec<(String, String, usize, usize)>,
    timeline: Vec<(String, String)>,
}

fn data() -> impl Strategy<Value = Data> {
    (
        line(),
        text(),
        prop::collection::vec(text(), 0..3),
        prop::collection::vec((line(), text(), text()), 1..4),
        prop::collection::vec(line(), 0..3),
        prop::collection::vec((line(), text()), 0..4),
        prop::collection::vec((line(), text(), 0..3usize, 0..3usize), 0..3),
        prop::collection::vec((line(), text()), 0..3),
    )
        .prop_map(
            |(title, bluf, key_points, actors, topics, quotes, risks, timeline)| Data {
                title,
                bluf,
                key_points,
                actors,
                topics,
                quotes,
                risks,
                timeline,
            },
        )
}

/// An id made of tricky words, unique by its index.
fn id(section: &str, i: usize) -> String {
    let tricky = WORDS[(i * 7 + section.len()) % 22];
    format!(
        "{tricky}{}",
        if i == 0 {
            String::new()
        } else {
            format!("-{i}")
        }
    )
}

const LEVELS: [&str; 3] = ["low", "medium", "high"];

/// The briefing the data describes, as YAML keys and values.
fn build(data: &Data) -> Tree {
    use Tree::{List, Map, Text};
    let t = |s: &str| Text(s.to_owned());
    let actor_ids: Vec<String> = (0..data.actors.len()).map(|i| id("actor", i)).collect();
    let source = Map(vec![
        ("id", t("src")),
        ("outlet", t("Outlet")),
        ("title", t("A source")),
    ]);
    let actors = data
        .actors
        .iter()
        .enumerate()
        .map(|(i, (name, role, stance))| {
            Map(vec![
                ("id", Text(actor_ids[i].clone())),
                ("name", Text(name.clone())),
                ("kind", t("government")),
                ("role", Text(role.clone())),
                ("stance", Text(stance.clone())),
            ])
        })
        .collect();
    let topics: Vec<Tree> = data
        .topics
        .iter()
        .enumerate()
        .map(|(i, name)| {
            Map(vec![
                ("id", Text(id("topic", i))),
                ("name", Text(name.clone())),
            ])
        })
        .collect();
    let stances = (0..data.topics.len())
        .flat_map(|topic| {
            actor_ids.iter().map(move |actor| {
                Map(vec![
                    ("actor", Text(actor.clone())),
                    ("topic", Text(id("topic", topic))),
                    ("position", t("mixed")),
                    ("summary", t("Both ways")),
                ])
            })
        })
        .collect();
    let quotes = data
        .quotes
        .iter()
        .enumerate()
        .map(|(i, (speaker, text))| {
            Map(vec![
                ("id", Text(id("quote", i))),
                ("speaker", Text(speaker.clone())),
                ("actor", Text(actor_ids[i % actor_ids.len()].clone())),
                ("text", Text(text.clone())),
                ("context", t("At a briefing")),
                ("source", t("src")),
            ])
        })
        .collect();
    let risks = data
        .risks
        .iter()
        .enumerate()
        .map(|(i, (title, description, likelihood, impact))| {
            Map(vec![
                ("id", Text(id("risk", i))),
                ("title", Text(title.clone())),
                ("description", Text(description.clone())),
                ("likelihood", t(LEVELS[*likelihood])),
                ("impact", t(LEVELS[*impact])),
                ("actors", List(vec![Text(actor_ids[0].clone())])),
            ])
        })
        .collect();
    let timeline = data
        .timeline
        .iter()
        .map(|(date, event)| {
            Map(vec![
                ("date", Text(date.clone())),
                ("event", Text(event.clone())),
            ])
        })
        .collect();
    Map(vec![
        ("title", Text(data.title.clone())),
        ("as_of", t("2026-11-27")),
        ("sources", List(vec![source])),
        (
            "summary",
            Map(vec![
                ("bluf", Text(data.bluf.clone())),
                (
                    "key_points",
                    List(data.key_points.iter().cloned().map(Text).collect()),
                ),
            ]),
        ),
        ("actors", List(actors)),
        ("topics", List(topics)),
        ("stances", List(stances)),
        ("quotes", List(quotes)),
        ("risks", List(risks)),
        ("timeline", List(timeline)),
    ])
}

/// What the model must hold for the data: every text as generated, cleaned of controls
/// as every loaded text is, with no positions.
fn expected(tree: &Tree) -> Json {
    let text = emit(tree, &Style::json(), &mut Dice::new(&[]));
    let loaded = load(&text).expect("the JSON form loads");
    let model = strip_positions(serde_json::to_value(&loaded.briefing).unwrap());
    assert_texts_as_generated(tree, &model);
    model
}

/// Each generated text stands in the model as it was generated.
fn assert_texts_as_generated(tree: &Tree, model: &Json) {
    let mut generated = Vec::new();
    tree.texts(&mut generated);
    let mut held = Vec::new();
    collect_strings(model, &mut held);
    for text in generated {
        let line = sanitize::clean_line(&text);
        let block = sanitize::clean(&text);
        assert!(
            held.iter().any(|h| *h == line || *h == block),
            "{text:?} is not in the model: {held:?}"
        );
    }
}

fn collect_strings(json: &Json, out: &mut Vec<String>) {
    match json {
        Json::String(s) => out.push(s.clone()),
        Json::Array(items) => items.iter().for_each(|i| collect_strings(i, out)),
        Json::Object(map) => map.values().for_each(|v| collect_strings(v, out)),
        _ => {}
    }
}

fn load(text: &str) -> Result<briefing::Loaded, String> {
    briefing::parse(text).map_err(|e| {
        let rendered: Vec<String> = e
            .diagnostics
            .iter()
            .map(|d| d.render("b.yaml", text))
            .collect();
        format!("{}\n--- text ---\n{text}", rendered.join("\n"))
    })
}

fn model_of(text: &str) -> Json {
    let loaded = load(text).unwrap_or_else(|e| panic!("does not load: {e}"));
    strip_positions(serde_json::to_value(&loaded.briefing).unwrap())
}

proptest! {
    #![proptest_config(common::proptest_config(96))]

    /// Block, flow, JSON and mixtures, with every scalar style: one model, the data's.
    #[test]
    fn every_spelling_of_a_briefing_loads_as_the_data(
        data in data(),
        dice in prop::collection::vec(any::<u8>(), 64..512),
    ) {
        let tree = build(&data);
        let expected = expected(&tree);
        for style in [Style::block(), Style::flow(), Style::mixed(), Style::json()] {
            let text = emit(&tree, &style, &mut Dice::new(&dice));
            let model = model_of(&text);
            prop_assert_eq!(&model, &expected, "{:?}:\n{}", style, text);
            assert_fast_is_slow(&text);
        }
        // The JSON export loads back to the same briefing, and exports the same again.
        let loaded = load(&emit(&tree, &Style::mixed(), &mut Dice::new(&dice))).unwrap();
        let exported = brief::export::json(&loaded, brief::export::Positions::Omit);
        prop_assert_eq!(&model_of(&exported), &expected);
        let again = brief::export::json(&load(&exported).unwrap(), brief::export::Positions::Omit);
        prop_assert_eq!(again, exported);
    }
}

#[test]
fn a_large_briefing_reads_the_same_as_flow_and_as_json() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/good/arctic-shipping.yaml"
    ))
    .unwrap();
    let small = briefing::parse(&text).unwrap().briefing;
    let big = repeat(&small, 150);
    let tree = from_model(&big);
    let block = emit(
        &tree,
        &Style::block().without_aliases(),
        &mut Dice::new(&[1, 2, 3]),
    );
    assert!(block.len() > 600_000, "only {} bytes", block.len());
    let expected = model_of(&block);
    assert!(expected == common::yaml::strip_positions(serde_json::to_value(&big).unwrap()));
    for style in [Style::flow(), Style::json(), Style::mixed()] {
        let text = emit(
            &tree,
            &style.without_aliases(),
            &mut Dice::new(&[7, 1, 9, 4]),
        );
        assert!(text.len() > 600_000);
        assert!(model_of(&text) == expected, "{style:?} reads differently");
        assert_fast_is_slow(&text);
    }
}

/// `times` copies of every item of `b`, ids made unique.
fn repeat(b: &Briefing, times: usize) -> Briefing {
    let mut out = b.clone();
    for n in 1..times {
        let suffix = |id: &str| format!("{id}-{n}");
        for q in &b.quotes {
            let mut q = q.clone();
            q.id = suffix(&q.id);
            out.quotes.push(q);
        }
        for r in &b.risks {
            let mut r = r.clone();
            r.id = suffix(&r.id);
            out.risks.push(r);
        }
        for q in &b.questions {
            let mut q = q.clone();
            q.id = suffix(&q.id);
            out.questions.push(q);
        }
        out.timeline.extend(b.timeline.iter().cloned());
    }
    out
}

#[test]
fn the_seven_spellings_show_as_written() {
    let text = "title: NO\nas_of: 2026-11-27\nsummary:\n  bluf: on\n  key_points: [y, 0x1F, +7, 1.10, 9223372036854775808, .inf]\n";
    let b = briefing::parse(text).unwrap().briefing;
    assert_eq!(b.title, "NO");
    assert_eq!(b.summary.bluf, "on");
    assert_eq!(
        b.summary.key_points,
        ["y", "0x1F", "+7", "1.10", "9223372036854775808", ".inf"]
    );
}

#[test]
fn null_in_a_required_text_is_an_error_where_it_stands() {
    let text = "title: ~\nsummary:\n  bluf: null\n";
    let error = briefing::parse(text).unwrap_err();
    let found: Vec<(String, u32)> = error
        .diagnostics
        .iter()
        .map(|d| (d.message.clone(), d.pos.map_or(0, |p| p.line)))
        .collect();
    assert!(
        found.contains(&("`title` is empty in the briefing".to_owned(), 1)),
        "{found:?}"
    );
    assert!(
        found.contains(&("`bluf` is empty in summary".to_owned(), 3)),
        "{found:?}"
    );
    // In an optional key, null is simply absent.
    let ok = briefing::parse("title: t\nas_of: ~\nsummary: {bluf: b}\n").unwrap();
    assert_eq!(ok.briefing.as_of, None);
}

#[test]
fn ids_written_alike_by_number_are_different_ids() {
    let text = "title: t\nsummary: {bluf: b}\nquestions:\n  - {id: 1.10, question: q, why: w, actors: []}\n  - {id: 1.1, question: q, why: w, actors: []}\n";
    let b = briefing::parse(text).unwrap().briefing;
    let ids: Vec<&str> = b.questions.iter().map(|q| q.id.as_str()).collect();
    assert_eq!(ids, ["1.10", "1.1"]);
}

/// The fast path takes the plain briefings it is there for (block, flow and JSON, with
/// comments and every scalar style), and gives serde-saphyr's tree on each of them and
/// on every fixture, good, bad or hostile.
#[test]
fn the_fast_path_takes_plain_briefings_and_agrees_on_every_fixture() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let (mut files, mut fast) = (0, 0);
    for dir in [
        "briefings",
        "tests/fixtures/good",
        "tests/fixtures/bad",
        "tests/fixtures/hostile",
    ] {
        for entry in std::fs::read_dir(root.join(dir)).unwrap() {
            let Ok(text) = std::fs::read_to_string(entry.unwrap().path()) else {
                continue;
            };
            files += 1;
            fast += usize::from(assert_fast_is_slow(&text));
        }
    }
    assert!(
        fast * 2 >= files,
        "fast path taken on {fast} of {files} files"
    );
    let text =
        std::fs::read_to_string(root.join("tests/fixtures/good/arctic-shipping.yaml")).unwrap();
    let tree = from_model(&briefing::parse(&text).unwrap().briefing);
    for style in [Style::block(), Style::flow(), Style::json()] {
        let plain = emit(
            &tree,
            &style.without_aliases().without_tags(),
            &mut Dice::new(&[3, 1, 4]),
        );
        assert!(
            assert_fast_is_slow(&plain),
            "{style:?} went the slow way:\n{plain}"
        );
    }
    for spelling in [
        "NO",
        "on",
        "0x1F",
        "+7",
        "1.10",
        "9223372036854775808",
        ".inf",
        "~",
        "",
        "'x'",
    ] {
        for text in [
            format!("a: {spelling}\n"),
            format!("{spelling}: a\n"),
            format!("{{a: [{spelling}]}}\n"),
        ] {
            assert_fast_is_slow(&text);
        }
    }
}
