//! The History pane's state: the versions read from git (by the runtime, on its own
//! thread), the selected one, and the diff of the selected one against the one before.

use super::{App, Effect, Pane};
use crate::briefing::diff::BriefingDiff;
use crate::history::Entry;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Versions {
    /// Not asked for yet (the first frame comes first).
    #[default]
    Waiting,
    /// Being read: how many commits so far.
    Reading(usize),
    Read(Vec<Entry>),
    /// Why there is no history to show.
    Unavailable(String),
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct History {
    pub versions: Versions,
    pub selected: usize,
    pub offset: usize,
    /// The selected version's changes against the one before it, once read.
    pub diff: Option<(usize, BriefingDiff)>,
}

impl History {
    pub fn entries(&self) -> &[Entry] {
        match &self.versions {
            Versions::Read(entries) => entries,
            _ => &[],
        }
    }

    pub fn selected_entry(&self) -> Option<&Entry> {
        self.entries().get(self.selected)
    }
}

impl App {
    pub(super) fn history_read(&mut self, versions: Versions) {
        let keep = self.history.selected_entry().map(|e| e.short.clone());
        self.history.versions = versions;
        let entries = self.history.entries();
        self.history.selected = keep
            .and_then(|short| entries.iter().position(|e| e.short == short))
            .unwrap_or(0)
            .min(entries.len().saturating_sub(1));
        self.history.diff = None;
    }

    /// Moves the selection; the runtime is asked for the new version's diff.
    pub(super) fn step_history(&mut self, delta: isize) -> Effect {
        let len = self.history.entries().len();
        if len == 0 {
            return Effect::None;
        }
        let selected = (self.history.selected as isize + delta).clamp(0, len as isize - 1);
        self.history.selected = selected as usize;
        let height = self.height.saturating_sub(6).max(1) as usize;
        if self.history.selected < self.history.offset {
            self.history.offset = self.history.selected;
        } else if self.history.selected >= self.history.offset + height {
            self.history.offset = self.history.selected + 1 - height;
        }
        self.wanted_diff()
    }

    /// The diff of the selected version, if it is not the one already read.
    pub(super) fn wanted_diff(&self) -> Effect {
        if self.pane != Pane::History {
            return Effect::None;
        }
        match self.history.selected_entry() {
            Some(entry)
                if self.history.diff.as_ref().map(|d| d.0) != Some(self.history.selected) =>
            {
                Effect::ReadVersion {
                    index: self.history.selected,
                    blob: entry.blob.map(|b| b.to_string()),
                    previous: entry.previous.map(|b| b.to_string()),
                }
            }
            _ => Effect::None,
        }
    }

    /// `c`: compare with the selected version (the same again ends the comparison).
    pub(super) fn compare_selected(&mut self) -> Effect {
        if self.pane != Pane::History {
            return Effect::None;
        }
        match self.history.selected_entry() {
            Some(entry)
                if self
                    .baseline
                    .as_ref()
                    .is_some_and(|b| b.label.starts_with(&entry.short)) =>
            {
                self.stop_comparing();
                Effect::None
            }
            Some(Entry {
                blob: Some(blob),
                short,
                seconds,
                ..
            }) => Effect::CompareVersion {
                blob: blob.to_string(),
                short: short.clone(),
                seconds: *seconds,
            },
            Some(_) => {
                self.status = Some(
                    "The working copy is what the panes show; pick a commit to compare with".into(),
                );
                Effect::None
            }
            None => Effect::None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::{Action, Origin};
    use crate::briefing;

    fn entry(short: &str) -> Entry {
        Entry {
            blob: Some(gix::ObjectId::empty_blob(gix::hash::Kind::Sha1)),
            previous: None,
            short: short.to_owned(),
            seconds: 86_400,
            date: "1970-01-02".into(),
            author: "Ana".into(),
            subject: "s".into(),
            summary: "first version".into(),
        }
    }

    fn app_with_history() -> App {
        let mut app = App::new(
            Origin::Bundled,
            briefing::parse(include_str!("../../tests/fixtures/history/pay-v1.yaml")),
        );
        app.update(Action::ShowPane(Pane::History));
        app.update(Action::HistoryRead(Versions::Read(vec![
            entry("aaaaaaa"),
            entry("bbbbbbb"),
        ])));
        app
    }

    #[test]
    fn moving_asks_for_the_selected_versions_diff_and_keeps_the_selection_on_refresh() {
        let mut app = app_with_history();
        let effect = app.update(Action::Down);
        assert!(
            matches!(effect, Effect::ReadVersion { index: 1, .. }),
            "{effect:?}"
        );
        assert_eq!(app.history.selected, 1);
        assert_eq!(
            app.update(Action::Down),
            Effect::ReadVersion {
                index: 1,
                blob: app.history.entries()[1].blob.map(|b| b.to_string()),
                previous: None
            }
        );
        app.update(Action::VersionRead {
            index: 1,
            diff: Box::default(),
        });
        assert_eq!(app.update(Action::Down), Effect::None, "already read");
        app.update(Action::HistoryRead(Versions::Read(vec![
            entry("ccccccc"),
            entry("aaaaaaa"),
            entry("bbbbbbb"),
        ])));
        assert_eq!(app.history.selected, 2, "the same commit stays selected");
    }

    #[test]
    fn compare_key_asks_for_the_version_and_again_ends_it() {
        let mut app = app_with_history();
        let effect = app.update(Action::CompareSelected);
        assert!(
            matches!(&effect, Effect::CompareVersion { short, .. } if short == "aaaaaaa"),
            "{effect:?}"
        );
        let before = Box::new(
            briefing::parse(include_str!("../../tests/fixtures/history/pay-v2.yaml")).unwrap(),
        );
        app.update(Action::CompareWith {
            label: "aaaaaaa (1 day ago)".into(),
            before,
        });
        assert!(app.baseline.is_some());
        assert_eq!(app.update(Action::CompareSelected), Effect::None);
        assert!(app.baseline.is_none());
    }
}
