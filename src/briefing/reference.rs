//! The format reference in Markdown, generated from `format` for the README
//! (`brief schema --markdown`), so the documented keys are the checked ones.

use super::format::{self, Item, Value};
use std::fmt::Write as _;

pub fn markdown() -> String {
    let mut out = String::new();
    for item in format::ITEMS {
        out.push_str(&item_table(item));
        out.push('\n');
    }
    out.push_str(&vocabularies());
    out
}

/// One kind of item: its name and description, then a row per key.
pub fn item_table(item: &Item) -> String {
    let mut out = String::new();
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
    out
}

/// Each closed vocabulary with its words, in the model's order.
pub fn vocabularies() -> String {
    let mut out = String::new();
    for vocab in format::VOCABULARIES {
        let words: Vec<String> = (vocab.words)().iter().map(|w| format!("`{w}`")).collect();
        let _ = writeln!(out, "- {}: {}", vocab.name, words.join(" | "));
    }
    out
}

/// How a risk's likelihood and impact make its severity, as every pane and export shows it.
pub fn severity_table() -> String {
    use super::model::{Level, Severity, Vocabulary};
    let mut out = String::from("| likelihood ↑ impact → |");
    for impact in Level::ALL {
        let _ = write!(out, " {} |", impact.word());
    }
    out.push_str("\n| --- |");
    out.push_str(&" --- |".repeat(Level::ALL.len()));
    out.push('\n');
    for likelihood in Level::ALL.iter().rev() {
        let _ = write!(out, "| {} |", likelihood.word());
        for impact in Level::ALL {
            // As `Risk::score` and `Risk::severity` reckon it.
            let score = likelihood.weight() * impact.weight();
            let severity = Severity::from_score(score);
            let _ = write!(out, " {} {} ({score}) |", severity.bar(), severity.word());
        }
        out.push('\n');
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
        Value::Language => "language tag, BCP 47".into(),
        Value::Word(vocab) => format!("a {} word", vocab.name),
        Value::Item(item) => format!("a {}", item.what),
        Value::Items(item) => format!("list of {}", item.plural),
        Value::WrittenAt => "`{line, column}`".into(),
    }
}
