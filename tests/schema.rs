//! `brief schema` against the loader: the JSON Schema editors read must accept and refuse
//! what the loader accepts and refuses, for keys, types, vocabularies and required keys.
//! References between items are the loader's alone.

use brief::briefing::{self, Diagnostic};
use serde_json::{Value, json};
use std::path::Path;
use std::process::Command;

fn validator() -> jsonschema::Validator {
    jsonschema::draft7::new(&briefing::schema::schema()).expect("the schema is valid draft-07")
}

/// Errors a JSON Schema can express. Others (references, duplicate ids or keys, YAML
/// syntax, quotes missing from their source's text) only the loader sees.
fn is_schema_matter(d: &Diagnostic) -> bool {
    let m = &d.message;
    d.is_error()
        && (m.starts_with("unknown key")
            || m.starts_with("expected ")
            || m.contains("is not one of")
            || m.starts_with("missing required key")
            || m.contains("is empty in")
            || m.contains("is not a date")
            || m.contains("is not a BCP 47 language tag")
            // The document as a whole is not a mapping.
            || m.starts_with("the file is empty")
            || (m.starts_with("the document is ") && m.contains("a briefing is a mapping")))
}

fn loader_errors(text: &str) -> Vec<Diagnostic> {
    match briefing::parse(text) {
        Ok(_) => Vec::new(),
        Err(error) => error.diagnostics,
    }
}

fn schema_errors(validator: &jsonschema::Validator, instance: &Value) -> Vec<String> {
    validator
        .iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

fn assert_agree(validator: &jsonschema::Validator, what: &str, text: &str, instance: &Value) {
    let loader: Vec<_> = loader_errors(text)
        .into_iter()
        .filter(is_schema_matter)
        .collect();
    let schema = schema_errors(validator, instance);
    assert_eq!(
        loader.is_empty(),
        schema.is_empty(),
        "{what}: the loader says {loader:?}, the schema says {schema:?}"
    );
}

fn fixtures() -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for dir in [
        "tests/fixtures/good",
        "tests/fixtures/bad",
        "tests/fixtures/hostile",
    ] {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "yaml") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

#[test]
fn the_committed_schema_is_the_generated_one() {
    let committed = std::fs::read_to_string("schema/briefing.schema.json").unwrap();
    assert_eq!(
        committed,
        briefing::schema::text(),
        "schema/briefing.schema.json is stale: run `brief schema > schema/briefing.schema.json`"
    );
    let printed = Command::new(env!("CARGO_BIN_EXE_brief"))
        .arg("schema")
        .output()
        .unwrap();
    assert_eq!(printed.status.code(), Some(0));
    assert_eq!(String::from_utf8(printed.stdout).unwrap(), committed);
}

#[test]
fn the_schema_is_draft_07() {
    let schema = briefing::schema::schema();
    assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
    assert!(jsonschema::draft7::meta::is_valid(&schema));
}

#[test]
fn loader_and_schema_agree_on_every_fixture() {
    let validator = validator();
    let mut compared = 0;
    for path in fixtures() {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let what = path.display().to_string();
        match serde_saphyr::from_str::<Value>(&text) {
            Ok(instance) => {
                assert_agree(&validator, &what, &text, &instance);
                compared += 1;
            }
            // Not YAML a schema can be applied to: the loader must refuse it as well.
            Err(_) => assert!(briefing::parse(&text).is_err(), "{what} loads"),
        }
    }
    assert!(compared >= 15, "only {compared} fixtures compared");
}

#[test]
fn named_cases_a_new_user_tries() {
    let validator = validator();
    let good = std::fs::read_to_string("tests/fixtures/good/one-of-each.yaml").unwrap();
    for (what, from, to) in [
        ("a misspelt key", "    position:", "    stnace:"),
        (
            "a word outside the vocabulary",
            "position: supports",
            "position: maybe",
        ),
        ("no title", "title: One of each", "# no title"),
    ] {
        assert!(good.contains(from), "{what}: the fixture changed");
        let text = good.replacen(from, to, 1);
        let instance: Value = serde_saphyr::from_str(&text).unwrap();
        assert!(
            !schema_errors(&validator, &instance).is_empty(),
            "the schema accepts {what}"
        );
        assert!(briefing::parse(&text).is_err(), "the loader accepts {what}");
    }
    for path in [
        "briefings/belarus-us-thaw.yaml",
        "tests/fixtures/good/arctic-shipping.yaml",
    ] {
        let text = std::fs::read_to_string(path).unwrap();
        let instance: Value = serde_saphyr::from_str(&text).unwrap();
        assert_eq!(
            schema_errors(&validator, &instance),
            Vec::<String>::new(),
            "{path}"
        );
    }
}

/// Every object in the document, by its JSON pointer.
fn objects(value: &Value, pointer: String, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            out.push(pointer.clone());
            for (key, child) in map {
                objects(child, format!("{pointer}/{key}"), out);
            }
        }
        Value::Array(items) => {
            for (n, child) in items.iter().enumerate() {
                objects(child, format!("{pointer}/{n}"), out);
            }
        }
        _ => {}
    }
}

/// Each key of each item of a good briefing removed, misspelt, or given a value of
/// another type: the loader and the schema must agree every time. JSON is YAML, so the
/// mutated document goes to the loader as it is.
#[test]
fn loader_and_schema_agree_on_every_mutation_of_a_good_briefing() {
    let validator = validator();
    let loaded = briefing::load_file(
        Path::new("tests/fixtures/good/one-of-each.yaml"),
        briefing::Budget::default(),
    )
    .unwrap();
    let document: Value =
        serde_json::from_str(&brief::export::json(&loaded, Default::default())).unwrap();
    let mut pointers = Vec::new();
    objects(&document, String::new(), &mut pointers);
    let replacements = [
        json!(null),
        json!(7),
        json!(true),
        json!(""),
        json!("maybe"),
        json!(["a", "b"]),
        json!([{"a": 1}]),
        json!({"a": 1}),
    ];
    let mut tried = 0;
    for pointer in &pointers {
        let keys: Vec<String> = document
            .pointer(pointer)
            .unwrap()
            .as_object()
            .unwrap()
            .keys()
            .cloned()
            .collect();
        let mut mutate = |what: String, change: &dyn Fn(&mut serde_json::Map<String, Value>)| {
            let mut doc = document.clone();
            change(doc.pointer_mut(pointer).unwrap().as_object_mut().unwrap());
            let text = serde_json::to_string_pretty(&doc).unwrap();
            assert_agree(&validator, &what, &text, &doc);
            tried += 1;
        };
        mutate(format!("unknown key in {pointer}"), &|m| {
            m.insert("zzz".into(), json!("x"));
        });
        for key in &keys {
            mutate(format!("{pointer}/{key} removed"), &|m| {
                m.remove(key);
            });
            for value in &replacements {
                mutate(format!("{pointer}/{key} = {value}"), &|m| {
                    m.insert(key.clone(), value.clone());
                });
            }
        }
    }
    assert!(tried > 300, "only {tried} mutations");
}

#[test]
fn the_readme_format_reference_is_the_generated_one() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let block = readme
        .split("<!-- format:begin -->\n")
        .nth(1)
        .and_then(|rest| rest.split("<!-- format:end -->").next())
        .expect("README has a generated format block");
    assert_eq!(
        block,
        briefing::reference::markdown(),
        "README's format reference is stale: paste `brief schema --markdown` between the markers"
    );
}
