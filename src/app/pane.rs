//! The panes, and what each one lists: its rows, their ids and their searchable text.

use super::Needle;
use crate::briefing::Loaded;
use crate::briefing::format::{self, Held, Item, Value};
use std::any::Any;
use std::borrow::Cow;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pane {
    Summary,
    Actors,
    Quotes,
    Risks,
    Questions,
    Stances,
    Timeline,
    /// The versions of the briefing in git.
    History,
}

impl Pane {
    pub const ALL: [Pane; 8] = [
        Pane::Summary,
        Pane::Actors,
        Pane::Quotes,
        Pane::Risks,
        Pane::Questions,
        Pane::Stances,
        Pane::Timeline,
        Pane::History,
    ];

    pub fn index(self) -> usize {
        Self::ALL.iter().position(|p| *p == self).unwrap_or(0)
    }

    pub fn title(self) -> &'static str {
        match self {
            Pane::Summary => "Summary",
            Pane::Actors => "Actors",
            Pane::Quotes => "Quotes",
            Pane::Risks => "Risks",
            Pane::Questions => "Questions",
            Pane::Stances => "Stances",
            Pane::Timeline => "Timeline",
            Pane::History => "History",
        }
    }

    /// The pane `step` places along the tab bar, wrapping around.
    pub fn cycle(self, step: isize) -> Pane {
        let n = Self::ALL.len() as isize;
        Self::ALL[(self.index() as isize + step).rem_euclid(n) as usize]
    }

    /// Whether the pane is a list with a detail beside it (the summary is one page).
    /// History lists versions, not items of the briefing, and keeps its own list.
    pub fn has_list(self) -> bool {
        !matches!(self, Pane::Summary | Pane::History)
    }

    /// Whether a search counts matches on the pane and `n` stops there: the lists, and
    /// the summary's one page.
    pub fn is_searched(self) -> bool {
        self.has_list() || self == Pane::Summary
    }

    /// The model items this pane lists, in display order, as indexes into their section.
    /// Stances are listed by actor, then topic; timeline events by date. The summary is
    /// one item, its page.
    pub fn items(self, loaded: &Loaded) -> Vec<usize> {
        let b = &loaded.briefing;
        match self {
            Pane::Summary => vec![0],
            Pane::History => Vec::new(),
            Pane::Actors => (0..b.actors.len()).collect(),
            Pane::Quotes => (0..b.quotes.len()).collect(),
            Pane::Risks => loaded.index.risks_by_severity.clone(),
            Pane::Questions => (0..b.questions.len()).collect(),
            Pane::Stances => loaded.index.stances_by_actor.concat(),
            Pane::Timeline => loaded.index.timeline_by_date.clone(),
        }
    }

    /// A stable id for an item, so a selection survives reloads that reorder the file.
    pub fn item_id(self, loaded: &Loaded, item: usize) -> Cow<'_, str> {
        let b = &loaded.briefing;
        match self {
            Pane::Summary | Pane::History => Cow::Borrowed(""),
            Pane::Actors => Cow::Borrowed(&b.actors[item].id),
            Pane::Quotes => Cow::Borrowed(&b.quotes[item].id),
            Pane::Risks => Cow::Borrowed(&b.risks[item].id),
            Pane::Questions => Cow::Borrowed(&b.questions[item].id),
            Pane::Stances => b.stances[item].key().into(),
            Pane::Timeline => b.timeline[item].key(),
        }
    }

    /// Whether an item matches a search over the text its row and detail show: the
    /// keys the format marks searched, references by the names of what they refer to.
    pub fn item_matches(self, loaded: &Loaded, item: usize, needle: &Needle) -> bool {
        let b = &loaded.briefing;
        let (kind, model): (&'static Item, &dyn Any) = match self {
            Pane::History => return false,
            Pane::Summary => (&format::SUMMARY, &b.summary),
            Pane::Actors => (&format::ACTOR, &b.actors[item]),
            Pane::Quotes => (&format::QUOTE, &b.quotes[item]),
            Pane::Risks => (&format::RISK, &b.risks[item]),
            Pane::Questions => (&format::QUESTION, &b.questions[item]),
            Pane::Stances => (&format::STANCE, &b.stances[item]),
            Pane::Timeline => (&format::EVENT, &b.timeline[item]),
        };
        searched_item_matches(loaded, kind, model, needle)
    }
}

fn searched_item_matches(
    loaded: &Loaded,
    kind: &'static Item,
    model: &dyn Any,
    needle: &Needle,
) -> bool {
    kind.keys
        .iter()
        .filter(|key| key.searched)
        .any(|key| match ((key.read)(model), key.value) {
            (Held::Absent, _) => false,
            (Held::Text(id), Value::Id(target)) => name_matches(loaded, target, id, needle),
            (Held::Texts(ids), Value::Ids(target)) => ids
                .iter()
                .any(|id| name_matches(loaded, target, id, needle)),
            (Held::Text(text), _) => needle.matches(text),
            (Held::Word(word), _) => needle.matches(word),
            (Held::Texts(texts), _) => texts.iter().any(|t| needle.matches(t)),
            (Held::Item(inner), Value::Item(inner_kind)) => {
                searched_item_matches(loaded, inner_kind, inner, needle)
            }
            (Held::Items(items), Value::Items(inner_kind)) => items
                .into_iter()
                .any(|inner| searched_item_matches(loaded, inner_kind, inner, needle)),
            (Held::Item(_) | Held::Items(_), _) => false,
        })
}

/// Whether the item `id` refers to is found by its name: an actor's or a topic's, the
/// names the panes show for them; anything else by its id.
fn name_matches(loaded: &Loaded, target: &'static Item, id: &str, needle: &Needle) -> bool {
    let b = &loaded.briefing;
    if std::ptr::eq(target, &format::ACTOR) {
        let actor = loaded.index.actor_by_id.get(id);
        actor.is_some_and(|&a| needle.matches(&b.actors[a].name))
    } else if std::ptr::eq(target, &format::TOPIC) {
        let topic = loaded.index.topic_by_id.get(id);
        topic.is_some_and(|&t| needle.matches(&b.topics[t].name))
    } else {
        needle.matches(id)
    }
}

/// Case-insensitive containment; `needle` must already be lower-case.
pub fn contains_folded(haystack: &str, needle: &str) -> bool {
    if haystack.is_ascii() && needle.is_ascii() {
        return haystack
            .as_bytes()
            .windows(needle.len().max(1))
            .any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
            || needle.is_empty();
    }
    haystack.to_lowercase().contains(needle)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::briefing::format::Key;

    #[test]
    fn cycles_both_ways() {
        assert_eq!(Pane::Summary.cycle(1), Pane::Actors);
        assert_eq!(Pane::Summary.cycle(-1), Pane::History);
        assert_eq!(Pane::History.cycle(1), Pane::Summary);
    }

    #[test]
    fn a_timeline_event_is_known_by_its_id_else_by_date_and_text() {
        let loaded = crate::briefing::parse(
            "title: Talks\ntimeline:\n  - id: talks\n    date: 2026-03-01\n    event: Talks open.\n  - date: 2026-03-02\n    event: A strike.\n",
        )
        .unwrap();
        assert_eq!(Pane::Timeline.item_id(&loaded, 0), "talks");
        assert_eq!(Pane::Timeline.item_id(&loaded, 1), "2026-03-02/A strike.");
    }

    /// Each pane's items are found by every key the format marks searched (a reference
    /// by the name of what it refers to), and not by the others.
    #[test]
    fn search_looks_in_the_keys_the_format_marks_searched() {
        let loaded =
            crate::briefing::parse(include_str!("../../tests/fixtures/good/one-of-each.yaml"))
                .unwrap();
        let b = &loaded.briefing;
        let shown = |value: Value, text: &str| -> String {
            match value {
                Value::Id(target) | Value::Ids(target) if std::ptr::eq(target, &format::ACTOR) => {
                    b.actors.iter().find(|a| a.id == text).unwrap().name.clone()
                }
                Value::Id(target) if std::ptr::eq(target, &format::TOPIC) => {
                    b.topics.iter().find(|t| t.id == text).unwrap().name.clone()
                }
                _ => text.to_owned(),
            }
        };
        let mut checked = 0;
        for pane in Pane::ALL.into_iter().filter(|p| p.has_list()) {
            let (kind, model): (&Item, &dyn Any) = match pane {
                Pane::Actors => (&format::ACTOR, &b.actors[0]),
                Pane::Quotes => (&format::QUOTE, &b.quotes[0]),
                Pane::Risks => (&format::RISK, &b.risks[0]),
                Pane::Questions => (&format::QUESTION, &b.questions[0]),
                Pane::Stances => (&format::STANCE, &b.stances[0]),
                Pane::Timeline => (&format::EVENT, &b.timeline[0]),
                Pane::Summary | Pane::History => unreachable!(),
            };
            let item = pane.items(&loaded)[0];
            let mut keys: Vec<(&Key, &dyn Any, bool)> = Vec::new();
            for key in kind.keys {
                match (key.read)(model) {
                    Held::Items(inner) => {
                        let Value::Items(inner_kind) = key.value else {
                            unreachable!()
                        };
                        for key in inner_kind.keys {
                            keys.push((key, inner[0], key.searched));
                        }
                    }
                    _ => keys.push((key, model, key.searched)),
                }
            }
            for (key, model, searched) in keys {
                let text = match (key.read)(model) {
                    Held::Text(text) => shown(key.value, text),
                    Held::Word(word) => word.to_owned(),
                    Held::Texts(texts) => shown(key.value, &texts[0]),
                    Held::Absent | Held::Item(_) | Held::Items(_) => continue,
                };
                let found = pane.item_matches(&loaded, item, &Needle::new(&text));
                assert_eq!(found, searched, "{:?}: {}: {text:?}", pane, key.name);
                checked += 1;
            }
        }
        assert!(checked > 30, "only {checked} keys checked");
    }

    #[test]
    fn folds_case_in_any_script() {
        assert!(contains_folded("Lukashenko", "lukash"));
        assert!(contains_folded("Росатом", "росат"));
        assert!(!contains_folded("abc", "abd"));
    }
}
