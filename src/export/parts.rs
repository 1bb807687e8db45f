//! What the Markdown and HTML exports write of an item below its heading: its other keys,
//! in the format's order, each under its label. So a key added to the format is exported,
//! in its place, before anyone writes a layout for it.

use crate::briefing::format::{Held, Item, Value};
use std::any::Any;

/// The keys each kind's layout writes by hand (or leaves out on purpose), the same in the
/// Markdown and the HTML export: the rest of an item's keys follow as `parts`.
pub mod laid_out {
    pub const SUMMARY: &[&str] = &["bluf", "key_points", "caveats"];
    pub const ACTOR: &[&str] = &["id", "name", "short", "kind"];
    pub const TOPIC: &[&str] = &["id", "name", "description"];
    pub const STANCE: &[&str] = &["actor", "topic", "position", "summary", "quotes"];
    pub const QUOTE: &[&str] = &["id", "speaker", "actor", "text", "context", "source"];
    pub const RISK: &[&str] = &[
        "id",
        "title",
        "description",
        "likelihood",
        "impact",
        "actors",
    ];
    pub const QUESTION: &[&str] = &["id", "question", "why", "actors", "watch"];
    pub const EVENT: &[&str] = &["id", "date", "event", "source"];
    pub const SOURCE: &[&str] = &["id", "outlet", "title", "url", "note", "file"];
}

pub enum Part<'a> {
    /// A text after its label: `Role. …`.
    Text(String, &'a str),
    /// A list of texts under its label.
    List(String, &'a [String]),
    /// Mappings under their label, each as the values it holds, in the format's order.
    Items(String, Vec<Vec<&'a str>>),
}

/// The parts of `model`, an item of `kind`, but for the keys its layout writes by hand
/// or leaves out on purpose (`laid_out`).
pub fn parts<'a>(kind: &'static Item, model: &'a dyn Any, laid_out: &[&str]) -> Vec<Part<'a>> {
    debug_assert!(
        laid_out.iter().all(|name| kind.key(name).is_some()),
        "{laid_out:?} names a key {} does not have",
        kind.what
    );
    kind.keys
        .iter()
        .filter(|key| !laid_out.contains(&key.name) && !matches!(key.value, Value::WrittenAt))
        .filter_map(|key| {
            let title = title(key.label);
            match ((key.read)(model), key.value) {
                (Held::Absent, _) => None,
                (Held::Text(text), _) => Some(Part::Text(title, text)),
                (Held::Word(word), _) => Some(Part::Text(title, word)),
                (Held::Texts(texts), _) => Some(Part::List(title, texts)),
                (Held::Items(items), Value::Items(inner)) => {
                    let values = items.into_iter().map(|item| values(inner, item)).collect();
                    Some(Part::Items(title, values))
                }
                (Held::Item(item), Value::Item(inner)) => {
                    Some(Part::Items(title, vec![values(inner, item)]))
                }
                (Held::Items(_) | Held::Item(_), _) => None,
            }
        })
        .collect()
}

/// The parts as a run of text that ends an item written on one line (a list item, a
/// table cell): ` (Title: value)`, each value escaped by `esc`; in brackets, as the
/// text before may or may not end a sentence.
pub fn inline(
    kind: &'static Item,
    model: &dyn Any,
    laid_out: &[&str],
    esc: impl Fn(&str) -> String,
) -> String {
    let joined = |values: &[&str], by: &str| -> String {
        values.iter().map(|v| esc(v)).collect::<Vec<_>>().join(by)
    };
    parts(kind, model, laid_out)
        .into_iter()
        .map(|part| match part {
            Part::Text(title, value) => format!(" ({title}: {})", esc(value)),
            Part::List(title, items) => {
                let items: Vec<&str> = items.iter().map(String::as_str).collect();
                format!(" ({title}: {})", joined(&items, "; "))
            }
            Part::Items(title, items) => {
                let items: Vec<String> = items.iter().map(|values| joined(values, " — ")).collect();
                format!(" ({title}: {})", items.join("; "))
            }
        })
        .collect()
}

/// The values a mapping holds, in the format's order.
fn values<'a>(kind: &'static Item, model: &'a dyn Any) -> Vec<&'a str> {
    let mut values = Vec::new();
    for key in kind.keys {
        match (key.read)(model) {
            Held::Text(text) => values.push(text),
            Held::Word(word) => values.push(word),
            Held::Texts(texts) => values.extend(texts.iter().map(String::as_str)),
            Held::Absent | Held::Item(_) | Held::Items(_) => {}
        }
    }
    values
}

/// `role` → `Role`: a key's label as the exports title it.
fn title(label: &str) -> String {
    let mut chars = label.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::briefing::format;

    #[test]
    fn an_actor_below_its_heading_is_its_other_keys_in_the_formats_order() {
        let loaded =
            crate::briefing::parse(include_str!("../../tests/fixtures/good/one-of-each.yaml"))
                .unwrap();
        let actor = &loaded.briefing.actors[0];
        let titles: Vec<String> = parts(&format::ACTOR, actor, &["id", "name", "short", "kind"])
            .into_iter()
            .map(|part| match part {
                Part::Text(title, _) | Part::List(title, _) | Part::Items(title, _) => title,
            })
            .collect();
        assert_eq!(
            titles,
            ["Role", "Stance", "Interests", "Leverage", "People"]
        );
        let Some(Part::Items(_, people)) = parts(&format::ACTOR, actor, &[]).pop() else {
            panic!("people come last");
        };
        assert_eq!(people, [["Mary Holt", "Council leader"]]);
    }

    #[test]
    fn a_one_line_item_ends_with_the_keys_its_layout_leaves_to_the_table() {
        let loaded =
            crate::briefing::parse(include_str!("../../tests/fixtures/good/one-of-each.yaml"))
                .unwrap();
        let stance = &loaded.briefing.stances[0];
        let all = ["actor", "topic", "position", "summary", "quotes"];
        assert_eq!(inline(&format::STANCE, stance, &all, str::to_owned), "");
        assert_eq!(
            inline(&format::STANCE, stance, &all[..4], str::to_uppercase),
            " (Quotes: Q-HOLT-FERRY)"
        );
    }
}
