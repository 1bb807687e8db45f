//! The panes, and what each one lists: its rows, their ids and their searchable text.

use super::Needle;
use crate::briefing::{Loaded, Vocabulary};
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

    /// The model items this pane lists, in display order, as indexes into their section.
    /// Stances are listed by actor, then topic.
    pub fn items(self, loaded: &Loaded) -> Vec<usize> {
        let b = &loaded.briefing;
        match self {
            Pane::Summary | Pane::History => Vec::new(),
            Pane::Actors => (0..b.actors.len()).collect(),
            Pane::Quotes => (0..b.quotes.len()).collect(),
            Pane::Risks => loaded.index.risks_by_severity.clone(),
            Pane::Questions => (0..b.questions.len()).collect(),
            Pane::Stances => loaded.index.stances_by_actor.concat(),
            Pane::Timeline => (0..b.timeline.len()).collect(),
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

    /// Whether an item matches a search over the text its row and detail show: actors
    /// by their names, not their ids.
    pub fn item_matches(self, loaded: &Loaded, item: usize, needle: &Needle) -> bool {
        let b = &loaded.briefing;
        let has = |text: &str| needle.matches(text);
        let actor = |id: &str| {
            loaded
                .index
                .actor_by_id
                .get(id)
                .is_some_and(|&a| has(&b.actors[a].name))
        };
        let any = |texts: &[String]| texts.iter().any(|t| has(t));
        match self {
            Pane::Summary | Pane::History => false,
            Pane::Actors => {
                let a = &b.actors[item];
                has(&a.name)
                    || a.short.as_deref().is_some_and(has)
                    || has(&a.id)
                    || has(&a.role)
                    || has(&a.stance)
                    || any(&a.interests)
                    || any(&a.leverage)
                    || a.people.iter().any(|p| has(&p.name) || has(&p.role))
            }
            Pane::Quotes => {
                let q = &b.quotes[item];
                has(&q.text)
                    || has(&q.speaker)
                    || actor(&q.actor)
                    || q.context.as_deref().is_some_and(has)
            }
            Pane::Risks => {
                let r = &b.risks[item];
                has(&r.title)
                    || has(&r.description)
                    || any(&r.indicators)
                    || r.actors.iter().any(|a| actor(a))
                    || has(&r.id)
            }
            Pane::Questions => {
                let q = &b.questions[item];
                has(&q.question)
                    || has(&q.why)
                    || any(&q.watch)
                    || q.actors.iter().any(|a| actor(a))
                    || has(&q.id)
            }
            Pane::Stances => {
                let s = &b.stances[item];
                let actor = loaded
                    .index
                    .actor_by_id
                    .get(&s.actor)
                    .map(|&i| b.actors[i].name.as_str());
                let topic = loaded
                    .index
                    .topic_by_id
                    .get(&s.topic)
                    .map(|&i| b.topics[i].name.as_str());
                has(&s.summary)
                    || has(s.position.word())
                    || actor.is_some_and(has)
                    || topic.is_some_and(has)
            }
            Pane::Timeline => {
                let e = &b.timeline[item];
                has(&e.date) || has(&e.event)
            }
        }
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

    #[test]
    fn folds_case_in_any_script() {
        assert!(contains_folded("Lukashenko", "lukash"));
        assert!(contains_folded("Росатом", "росат"));
        assert!(!contains_folded("abc", "abd"));
    }
}
