//! The format's table, walked key by key, against everything it drives: every key
//! survives every export (its value is in the JSON, Markdown and HTML, and the JSON loads
//! back to an equal briefing), the diff reports an edit of each, the loader requires
//! exactly the required ones, and every reference is resolved. A key added to the format
//! but left out of any of them fails here, by name.

use brief::briefing::format::{self, Held, Item, Value};
use brief::briefing::{self, Budget, Loaded};
use brief::export::{self, Positions};
use std::any::Any;
use std::collections::BTreeSet;
use std::path::Path;

const FIXTURE: &str = "tests/fixtures/good/one-of-each.yaml";

/// A source's `file:` needs its copy beside the briefing, and many tests copy the fixture
/// alone into a directory of their own; so the fixture names none, and the walk adds one
/// here, with the copy it names.
const LOCAL_COPY: &str = "gazette.txt";

fn one_of_each(dir: &Path) -> Loaded {
    let text = std::fs::read_to_string(FIXTURE).unwrap();
    let note = "    note: Invented source for a test fixture.\n";
    assert!(text.contains(note), "the fixture's source note changed");
    let text = text.replace(note, &format!("{note}    file: {LOCAL_COPY}\n"));
    let unchecked = briefing::parse(&text).unwrap();
    let quotes: Vec<&str> = unchecked
        .briefing
        .quotes
        .iter()
        .map(|q| q.text.as_str())
        .collect();
    std::fs::write(dir.join(LOCAL_COPY), quotes.join("\n")).unwrap();
    load_text(dir, "one-of-each.yaml", &text)
}

fn load_text(dir: &Path, name: &str, text: &str) -> Loaded {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    let loaded = briefing::load_file(&path, Budget::default())
        .unwrap_or_else(|e| panic!("{name} does not load: {:?}", e.diagnostics));
    assert!(loaded.warnings.is_empty(), "{name}: {:?}", loaded.warnings);
    loaded
}

/// One value the briefing holds under a key of an item.
struct Leaf {
    item: &'static str,
    key: &'static str,
    value: Value,
    text: String,
}

/// Every value under every key, walking the format's table from the briefing down, and
/// the keys (`item.key`) that held one.
fn walk(item: &'static Item, model: &dyn Any, leaves: &mut Vec<Leaf>, seen: &mut BTreeSet<String>) {
    for key in item.keys {
        let held = (key.read)(model);
        if !matches!(held, Held::Absent) {
            seen.insert(format!("{}.{}", item.what, key.name));
        }
        let mut leaf = |text: &str| {
            leaves.push(Leaf {
                item: item.what,
                key: key.name,
                value: key.value,
                text: text.to_owned(),
            })
        };
        match (held, key.value) {
            (Held::Absent, _) => {}
            (Held::Text(text), _) => leaf(text),
            (Held::Word(word), _) => leaf(word),
            (Held::Texts(texts), _) => texts.iter().for_each(|t| leaf(t)),
            (Held::Item(inner), Value::Item(kind)) => walk(kind, inner, leaves, seen),
            (Held::Items(inner), Value::Items(kind)) => {
                for each in inner {
                    walk(kind, each, leaves, seen);
                }
            }
            (held, value) => panic!(
                "{}.{}: the model holds {held:?} for a {value:?}",
                item.what, key.name
            ),
        }
    }
}

/// Every kind of item the briefing's table reaches, with its keys.
fn every_key() -> BTreeSet<String> {
    fn reach(item: &'static Item, keys: &mut BTreeSet<String>) {
        for key in item.keys {
            keys.insert(format!("{}.{}", item.what, key.name));
            if let Value::Item(inner) | Value::Items(inner) = key.value {
                reach(inner, keys);
            }
        }
    }
    let mut keys = BTreeSet::new();
    reach(&format::BRIEFING, &mut keys);
    keys
}

/// Markdown as the text it renders: every escape undone.
fn rendered_markdown(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    let mut chars = markdown.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' && chars.peek().is_some_and(char::is_ascii_punctuation) {
            continue;
        }
        out.push(c);
    }
    out
}

/// HTML as the text it renders: every entity the export writes undone.
fn rendered_html(html: &str) -> String {
    html.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// The model without positions, which differ between a YAML file and its JSON.
fn without_positions(loaded: &Loaded) -> serde_json::Value {
    fn strip(value: &mut serde_json::Value) {
        match value {
            serde_json::Value::Object(map) => {
                map.remove("at");
                map.values_mut().for_each(strip);
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(strip),
            _ => {}
        }
    }
    let mut value = serde_json::to_value(&loaded.briefing).unwrap();
    strip(&mut value);
    value
}

#[test]
fn every_key_of_the_format_survives_every_export() {
    let dir = tempfile::tempdir().unwrap();
    let loaded = one_of_each(dir.path());
    let mut leaves = Vec::new();
    let mut seen = BTreeSet::new();
    walk(&format::BRIEFING, &loaded.briefing, &mut leaves, &mut seen);

    // Where an item was written is no key anyone writes; the JSON export gives it on
    // request, and `json_positions_only_on_request` covers that.
    let unwritten: BTreeSet<String> = every_key()
        .into_iter()
        .filter(|k| !k.ends_with(".at") && !seen.contains(k))
        .collect();
    assert!(
        unwritten.is_empty(),
        "{FIXTURE} should hold every key of the format; it lacks {unwritten:?}"
    );

    let json = export::json(&loaded, Positions::Omit);
    let markdown = rendered_markdown(&export::markdown(&loaded));
    let html = rendered_html(&export::html(&loaded));
    let mut dropped = Vec::new();
    for leaf in &leaves {
        let quoted = serde_json::to_string(&leaf.text).unwrap();
        let in_json = json.contains(&format!("\"{}\": {quoted}", leaf.key))
            || (matches!(leaf.value, Value::Texts | Value::Ids(_))
                && json.contains(&format!("\"{}\": [", leaf.key))
                && json.contains(&quoted));
        // Markdown and HTML are read by people: they name an item rather than give its
        // id, and give the name of what a reference points to (checked where each
        // exporter resolves references), so ids are the JSON's alone.
        let for_people = leaf.key != "id" && !matches!(leaf.value, Value::Id(_) | Value::Ids(_));
        for (export, ok) in [
            ("JSON", in_json),
            ("Markdown", !for_people || markdown.contains(&leaf.text)),
            ("HTML", !for_people || html.contains(&leaf.text)),
        ] {
            if !ok {
                dropped.push(format!(
                    "{export} drops {}.{}: {:?}",
                    leaf.item, leaf.key, leaf.text
                ));
            }
        }
    }
    assert!(dropped.is_empty(), "{}", dropped.join("\n"));

    let reloaded = load_text(dir.path(), "one-of-each.json", &json);
    assert_eq!(
        without_positions(&reloaded),
        without_positions(&loaded),
        "the JSON export loads back to a different briefing"
    );
}

/// Where the first item of `kind` is in the briefing's JSON, from the table: the
/// briefing itself, its summary, a section's first item, or the first of an item's list.
fn first_of(kind: &'static Item) -> Option<Vec<String>> {
    fn find(at: &'static Item, kind: &'static Item, path: Vec<String>) -> Option<Vec<String>> {
        if std::ptr::eq(at, kind) {
            return Some(path);
        }
        at.keys.iter().find_map(|key| {
            let mut path = path.clone();
            path.push(key.name.to_owned());
            match key.value {
                Value::Item(inner) => find(inner, kind, path),
                Value::Items(inner) => {
                    path.push("0".to_owned());
                    find(inner, kind, path)
                }
                _ => None,
            }
        })
    }
    find(&format::BRIEFING, kind, Vec::new())
}

/// A different value of the same type.
fn edited(value: &serde_json::Value, key: &format::Key) -> serde_json::Value {
    match (value, key.value) {
        (_, Value::Word(vocab)) => {
            let other = (vocab.words)().into_iter().find(|w| value != w).unwrap();
            serde_json::json!(other)
        }
        (_, Value::Date) => serde_json::json!("1999-12-31"),
        (serde_json::Value::String(text), _) => serde_json::json!(format!("{text} (edited)")),
        (serde_json::Value::Array(items), _) => {
            let mut items = items.clone();
            let mut extra = items[0].clone();
            if let Some(text) = extra.as_str() {
                extra = serde_json::json!(format!("{text} (edited)"));
            } else if let Some(name) = extra.get_mut("name") {
                *name = serde_json::json!("Someone else");
            }
            items.push(extra);
            serde_json::Value::Array(items)
        }
        (other, _) => panic!("{}: no edit for {other}", key.name),
    }
}

#[test]
fn a_diff_compares_every_key_of_the_format_under_its_label() {
    let dir = tempfile::tempdir().unwrap();
    let loaded = one_of_each(dir.path());
    let original = serde_json::to_value(&loaded.briefing).unwrap();
    let mut unreported = Vec::new();
    for kind in format::ITEMS {
        let path = first_of(kind).unwrap_or_else(|| panic!("{} is unreachable", kind.what));
        // The briefing's mappings and lists of them are walked as kinds of their own.
        let nested = |key: &&format::Key| {
            matches!(key.value, Value::Item(_))
                || (std::ptr::eq(*kind, &format::BRIEFING) && matches!(key.value, Value::Items(_)))
        };
        for key in kind.compared().filter(|k| !nested(k)) {
            let mut json = original.clone();
            let mut item = &mut json;
            for step in &path {
                item = match step.parse::<usize>() {
                    Ok(n) => &mut item[n],
                    Err(_) => &mut item[step.as_str()],
                };
            }
            item[key.name] = edited(&item[key.name], key);
            let changed: briefing::Briefing = serde_json::from_value(json).unwrap();
            let diff = briefing::diff::BriefingDiff::between(&loaded.briefing, &changed);
            // A person is one line of its actor's `people`.
            let label = if std::ptr::eq(*kind, &format::PERSON) {
                "people"
            } else {
                key.label
            };
            let reported = diff.changes.iter().any(|c| match &c.kind {
                briefing::diff::ChangeKind::Edited { fields } => {
                    fields.iter().any(|f| f.field == label)
                }
                _ => false,
            });
            if !reported {
                unreported.push(format!("{}.{}: {diff:?}", kind.what, key.name));
            }
        }
    }
    assert!(
        unreported.is_empty(),
        "edits the diff does not report:\n{}",
        unreported.join("\n")
    );
}

#[test]
fn the_loader_requires_exactly_the_keys_the_format_marks_required() {
    let dir = tempfile::tempdir().unwrap();
    let loaded = one_of_each(dir.path());
    let original = serde_json::to_value(&loaded.briefing).unwrap();
    let mut wrong = Vec::new();
    for kind in format::ITEMS {
        let path = first_of(kind).unwrap_or_else(|| panic!("{} is unreachable", kind.what));
        for key in kind
            .keys
            .iter()
            .filter(|k| !matches!(k.value, Value::WrittenAt))
        {
            let mut json = original.clone();
            let mut item = &mut json;
            for step in &path {
                item = match step.parse::<usize>() {
                    Ok(n) => &mut item[n],
                    Err(_) => &mut item[step.as_str()],
                };
            }
            item.as_object_mut().unwrap().remove(key.name);
            let missing = format!("missing required key `{}` in {}", key.name, kind.what);
            let reported = match briefing::parse(&json.to_string()) {
                Ok(_) => false,
                Err(e) => e.diagnostics.iter().any(|d| d.message == missing),
            };
            if reported != key.required {
                wrong.push(format!(
                    "{}.{}: required in the format: {}, by the loader: {reported}",
                    kind.what, key.name, key.required
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn every_reference_the_format_names_is_resolved_against_its_kind() {
    let dir = tempfile::tempdir().unwrap();
    let loaded = one_of_each(dir.path());
    let original = serde_json::to_value(&loaded.briefing).unwrap();
    let mut checked = 0;
    let mut unresolved = Vec::new();
    for kind in format::ITEMS {
        let path = first_of(kind).unwrap_or_else(|| panic!("{} is unreachable", kind.what));
        for key in kind.keys {
            let (target, many) = match key.value {
                Value::Id(target) => (target, false),
                Value::Ids(target) => (target, true),
                _ => continue,
            };
            let mut json = original.clone();
            let mut item = &mut json;
            for step in &path {
                item = match step.parse::<usize>() {
                    Ok(n) => &mut item[n],
                    Err(_) => &mut item[step.as_str()],
                };
            }
            item[key.name] = if many {
                serde_json::json!(["no-such-id"])
            } else {
                serde_json::json!("no-such-id")
            };
            let expected = format!(
                "{} refers to unknown {} `no-such-id`",
                kind.what, target.what
            );
            let reported = match briefing::parse(&json.to_string()) {
                Ok(_) => false,
                Err(e) => e
                    .diagnostics
                    .iter()
                    .any(|d| d.message.starts_with(&expected)),
            };
            if !reported {
                unresolved.push(format!("{}.{}", kind.what, key.name));
            }
            checked += 1;
        }
    }
    assert!(checked >= 8, "only {checked} references checked");
    assert!(unresolved.is_empty(), "not resolved: {unresolved:?}");
}
