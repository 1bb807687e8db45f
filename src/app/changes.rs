//! What a reload changed, item by item, so lists can mark it and the status line can say it.

use super::pane::Pane;
use crate::briefing::Loaded;
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Changes {
    pub changed: HashSet<(Pane, String)>,
    pub added: HashSet<(Pane, String)>,
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
                    changes.changed.insert((pane, a.0.to_string()));
                }
            }
            let moved_before: HashMap<&str, u64> = before[head..before.len() - tail]
                .iter()
                .map(|(id, print)| (id.as_ref(), *print))
                .collect();
            let moved_after: HashMap<&str, u64> = after[head..after.len() - tail]
                .iter()
                .map(|(id, print)| (id.as_ref(), *print))
                .collect();
            for (&id, print) in &moved_after {
                match moved_before.get(id) {
                    None => {
                        changes.added.insert((pane, id.to_owned()));
                    }
                    Some(old_print) if old_print != print => {
                        changes.changed.insert((pane, id.to_owned()));
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

    pub fn is_empty(&self) -> bool {
        self.changed.is_empty()
            && self.added.is_empty()
            && self.removed == 0
            && !self.summary_changed
    }

    pub fn mark(&self, pane: Pane, id: &str) -> Option<Mark> {
        let key = (pane, id.to_owned());
        if self.added.contains(&key) {
            Some(Mark::Added)
        } else if self.changed.contains(&key) {
            Some(Mark::Changed)
        } else {
            None
        }
    }

    /// "2 changed, 1 added, 1 removed".
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        if !self.changed.is_empty() {
            parts.push(format!("{} changed", self.changed.len()));
        }
        if !self.added.is_empty() {
            parts.push(format!("{} added", self.added.len()));
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

/// Each item's id with its fingerprint (computed at load, see `Index`), in list order.
fn fingerprints(pane: Pane, loaded: &Loaded) -> Vec<(Cow<'_, str>, u64)> {
    let prints = &loaded.index.fingerprints;
    let section = match pane {
        Pane::Summary => return Vec::new(),
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
