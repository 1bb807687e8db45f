//! What a reload changed, item by item, so lists can mark it and the status line can say it.

use super::pane::Pane;
use crate::briefing::{Loaded, Pos};
use std::collections::hash_map::DefaultHasher;
use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Changes {
    pub changed: HashSet<(Pane, String)>,
    pub added: HashSet<(Pane, String)>,
    pub removed: usize,
    /// The summary page (title, date, bottom line, points, caveats, sources) changed.
    pub summary_changed: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
            for (id, print) in &after {
                match before.get(id) {
                    None => {
                        changes.added.insert((pane, id.clone()));
                    }
                    Some(old_print) if old_print != print => {
                        changes.changed.insert((pane, id.clone()));
                    }
                    Some(_) => {}
                }
            }
            changes.removed += before.keys().filter(|id| !after.contains_key(*id)).count();
        }
        changes.summary_changed = summary_print(old) != summary_print(new);
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

/// A hash of each item's content, ignoring where in the file it sits: inserting a line
/// above an item moves it without changing it.
fn fingerprints(pane: Pane, loaded: &Loaded) -> HashMap<String, u64> {
    let b = &loaded.briefing;
    pane.items(loaded)
        .into_iter()
        .map(|item| {
            let text = match pane {
                Pane::Summary => String::new(),
                Pane::Actors => format!(
                    "{:?}",
                    crate::briefing::Actor {
                        pos: Pos::default(),
                        ..b.actors[item].clone()
                    }
                ),
                Pane::Quotes => format!(
                    "{:?}",
                    crate::briefing::Quote {
                        pos: Pos::default(),
                        ..b.quotes[item].clone()
                    }
                ),
                Pane::Risks => format!(
                    "{:?}",
                    crate::briefing::Risk {
                        pos: Pos::default(),
                        ..b.risks[item].clone()
                    }
                ),
                Pane::Questions => format!(
                    "{:?}",
                    crate::briefing::Question {
                        pos: Pos::default(),
                        ..b.questions[item].clone()
                    }
                ),
                Pane::Stances => format!(
                    "{:?}",
                    crate::briefing::Stance {
                        pos: Pos::default(),
                        ..b.stances[item].clone()
                    }
                ),
                Pane::Timeline => format!(
                    "{:?}",
                    crate::briefing::TimelineEvent {
                        pos: Pos::default(),
                        ..b.timeline[item].clone()
                    }
                ),
            };
            (pane.item_id(loaded, item), hash(&text))
        })
        .collect()
}

fn summary_print(loaded: &Loaded) -> u64 {
    let b = &loaded.briefing;
    let sources: Vec<_> = b
        .sources
        .iter()
        .map(|s| crate::briefing::Source {
            pos: Pos::default(),
            ..s.clone()
        })
        .collect();
    let summary = crate::briefing::Summary {
        pos: Pos::default(),
        ..b.summary.clone()
    };
    hash(&format!("{:?}{:?}{summary:?}{sources:?}", b.title, b.as_of))
}

fn hash(text: &str) -> u64 {
    let mut hasher = DefaultHasher::new();
    text.hash(&mut hasher);
    hasher.finish()
}
