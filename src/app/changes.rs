//! What a reload changed, item by item, so lists can mark it and the status line can say it.

use super::pane::Pane;
use crate::briefing::Loaded;
use std::borrow::Cow;
use std::collections::HashMap;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Changes {
    /// Each changed or added item's id with its mark, per pane (by `Pane::index`), so
    /// that a row finds its mark by the id it has, without building a key.
    marks: [HashMap<String, Mark>; Pane::ALL.len()],
    pub removed: usize,
    /// The summary page (title, date, bottom line, points, caveats, sources) changed.
    pub summary_changed: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mark {
    Added,
    Changed,
}

impl Changes {
    pub fn between(old: &Loaded, new: &Loaded) -> Self {
        let mut changes = Changes::default();
        for pane in Pane::ALL {
            if !pane.has_list() {
                continue;
            }
            let before = fingerprints(pane, old);
            let after = fingerprints(pane, new);
            // A save moves few items: those that keep their place are compared in place,
            // and only the stretch between the first and the last that moved is hashed.
            let head = before
                .iter()
                .zip(&after)
                .take_while(|(b, a)| b.0 == a.0)
                .count();
            let tail = before[head..]
                .iter()
                .rev()
                .zip(after[head..].iter().rev())
                .take_while(|(b, a)| b.0 == a.0)
                .count();
            let in_place = before[..head].iter().zip(&after[..head]).chain(
                before[before.len() - tail..]
                    .iter()
                    .zip(&after[after.len() - tail..]),
            );
            for (b, a) in in_place {
                if b.1 != a.1 {
                    changes.mark_as(pane, &a.0, Mark::Changed);
                }
            }
            let moved_before = by_id(&before[head..before.len() - tail]);
            let moved_after = by_id(&after[head..after.len() - tail]);
            for (&id, print) in &moved_after {
                match moved_before.get(id) {
                    None => {
                        changes.mark_as(pane, id, Mark::Added);
                    }
                    Some(old_print) if old_print != print => {
                        changes.mark_as(pane, id, Mark::Changed);
                    }
                    Some(_) => {}
                }
            }
            changes.removed += moved_before
                .keys()
                .filter(|id| !moved_after.contains_key(*id))
                .count();
        }
        changes.summary_changed = old.index.fingerprints.summary != new.index.fingerprints.summary;
        changes
    }

    /// Added wins over changed, for an id that is both (a timeline event without an `id`
    /// is known by date and text, which two events may share).
    fn mark_as(&mut self, pane: Pane, id: &str, mark: Mark) {
        let marks = &mut self.marks[pane.index()];
        match mark {
            Mark::Added => {
                marks.insert(id.to_owned(), mark);
            }
            Mark::Changed => {
                marks.entry(id.to_owned()).or_insert(mark);
            }
        }
    }

    fn count(&self, mark: Mark) -> usize {
        self.marks
            .iter()
            .flat_map(HashMap::values)
            .filter(|&&m| m == mark)
            .count()
    }

    pub fn is_empty(&self) -> bool {
        self.marks.iter().all(HashMap::is_empty) && self.removed == 0 && !self.summary_changed
    }

    pub fn mark(&self, pane: Pane, id: &str) -> Option<Mark> {
        self.marks[pane.index()].get(id).copied()
    }

    /// "2 changed, 1 added, 1 removed".
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        let (changed, added) = (self.count(Mark::Changed), self.count(Mark::Added));
        if changed > 0 {
            parts.push(format!("{changed} changed"));
        }
        if added > 0 {
            parts.push(format!("{added} added"));
        }
        if self.removed > 0 {
            parts.push(format!("{} removed", self.removed));
        }
        if self.summary_changed {
            parts.push("summary changed".to_owned());
        }
        parts.join(", ")
    }
}

fn by_id<'a>(prints: &'a [(Cow<'_, str>, u64)]) -> HashMap<&'a str, u64> {
    prints
        .iter()
        .map(|(id, print)| (id.as_ref(), *print))
        .collect()
}

/// Each item's id with its fingerprint (computed at load, see `Index`), in list order.
fn fingerprints(pane: Pane, loaded: &Loaded) -> Vec<(Cow<'_, str>, u64)> {
    let prints = &loaded.index.fingerprints;
    let section = match pane {
        Pane::Summary | Pane::History => return Vec::new(),
        Pane::Actors => &prints.actors,
        Pane::Quotes => &prints.quotes,
        Pane::Risks => &prints.risks,
        Pane::Questions => &prints.questions,
        Pane::Stances => &prints.stances,
        Pane::Timeline => &prints.timeline,
    };
    pane.items(loaded)
        .into_iter()
        .map(|item| (pane.item_id(loaded, item), section[item]))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::briefing::diff::{BriefingDiff, ChangeKind};
    use crate::briefing::parse;

    /// A briefing whose timeline is `events`: `(id, date, event)` in order.
    fn timeline(events: &[(Option<&str>, &str, &str)]) -> Loaded {
        let mut text = String::from("title: Talks\ntimeline:\n");
        for (id, date, event) in events {
            text.push_str("  -");
            if let Some(id) = id {
                text.push_str(&format!(" id: {id}\n   "));
            }
            text.push_str(&format!(" date: {date}\n    event: {event}\n"));
        }
        parse(&text).unwrap_or_else(|e| panic!("{text}: {:?}", e.diagnostics))
    }

    const TALKS: (Option<&str>, &str, &str) = (Some("talks"), "2026-03-01", "Talks open in Minsk.");
    const STRIKE: (Option<&str>, &str, &str) = (None, "2026-03-02", "The union calls a strike.");

    #[test]
    fn editing_an_event_with_an_id_marks_it_changed() {
        let old = timeline(&[TALKS, STRIKE]);
        for edited in [
            (Some("talks"), "2026-03-01", "Talks open in Vilnius."),
            (Some("talks"), "2026-03-03", "Talks open in Minsk."),
        ] {
            let new = timeline(&[edited, STRIKE]);
            let changes = Changes::between(&old, &new);
            assert_eq!(changes.describe(), "1 changed", "{edited:?}");
            assert_eq!(changes.mark(Pane::Timeline, "talks"), Some(Mark::Changed));
            // The diff of the two versions names the same event as edited.
            let diff = BriefingDiff::between(&old.briefing, &new.briefing);
            assert_eq!(diff.changes.len(), 1, "{diff:?}");
            assert_eq!(diff.changes[0].key, "talks");
            assert!(matches!(diff.changes[0].kind, ChangeKind::Edited { .. }));
        }
    }

    #[test]
    fn editing_the_text_of_an_event_without_an_id_is_a_removal_and_an_addition() {
        let old = timeline(&[TALKS, STRIKE]);
        let new = timeline(&[
            TALKS,
            (None, "2026-03-02", "The union calls off the strike."),
        ]);
        let changes = Changes::between(&old, &new);
        assert_eq!(changes.describe(), "1 added, 1 removed");
        assert_eq!(
            changes.mark(Pane::Timeline, "2026-03-02/The union calls off the strike."),
            Some(Mark::Added)
        );
        assert_eq!(changes.mark(Pane::Timeline, "talks"), None);
    }

    #[test]
    fn moving_events_is_no_change() {
        let third = (Some("ballot"), "2026-03-04", "The ballot opens.");
        let old = timeline(&[TALKS, STRIKE, third]);
        for order in [
            [STRIKE, TALKS, third],
            [third, STRIKE, TALKS],
            [TALKS, third, STRIKE],
        ] {
            let changes = Changes::between(&old, &timeline(&order));
            assert!(changes.is_empty(), "{order:?}: {}", changes.describe());
        }
    }
}
