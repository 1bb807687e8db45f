//! The format reference in Markdown, generated from `format` for the README
//! (`brief schema --markdown`), so the documented keys are the checked ones.

use super::format::{self, Item, Value};
use std::fmt::Write as _;

pub fn markdown() -> String {
    let mut out = String::new();
    for item in format::ITEMS {
        let _ = writeln!(out, "**{}** — {}\n", heading(item), item.description);
        let _ = writeln!(
            out,
            "| Key | Holds | | Meaning |\n| --- | --- | --- | --- |"
        );
        for key in item.keys {
            let _ = writeln!(
                out,
                "| `{}` | {} | {} | {} |",
                key.name,
                holds(key.value),
                if key.required { "required" } else { "" },
                key.description
            );
        }
        out.push('\n');
    }
    for vocab in format::VOCABULARIES {
        let words: Vec<String> = (vocab.words)().iter().map(|w| format!("`{w}`")).collect();
        let _ = writeln!(out, "- {}: {}", vocab.name, words.join(" | "));
    }
    out
}

fn heading(item: &Item) -> String {
    let mut name = item.what.to_owned();
    if let Some(first) = name.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    name
}

fn holds(value: Value) -> String {
    match value {
        Value::Line => "a line".into(),
        Value::Text => "text".into(),
        Value::Texts => "list of texts".into(),
        Value::Id(_) => "an id".into(),
        Value::Ids(_) => "list of ids".into(),
        Value::Date => "date, YYYY-MM-DD".into(),
        Value::Word(vocab) => format!("a {} word", vocab.name),
        Value::Item(item) => format!("a {}", item.what),
        Value::Items(item) => format!("list of {}", item.plural),
        Value::WrittenAt => "`{line, column}`".into(),
    }
}
