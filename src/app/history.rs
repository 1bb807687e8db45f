//! The History pane's state: the versions read from git (by the runtime, on its own
//! thread), the selected one, and the diff of the selected one against the one before.

use super::{App, Effect, Focus, Pane};
use crate::briefing::report::Line;
use crate::history::{Entry, VersionId};

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

/// A version's changes against the one before it, or why they could not be read. They
/// come laid out (the report of their diff, once, on the history thread), so a frame
/// only draws what the screen shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VersionDiff {
    pub blob: Option<VersionId>,
    pub previous: Option<VersionId>,
    /// Empty when nothing changed in judgments.
    pub diff: Result<Vec<Line>, String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct History {
    pub versions: Versions,
    /// The list is being read again (after a save or a commit); the old one shows.
    pub refreshing: bool,
    pub selected: usize,
    pub offset: usize,
    /// The selected version's changes, once read.
    pub diff: Option<VersionDiff>,
}

/// Lines each version takes in the list: its commit line and what it changed.
pub const ROWS_PER_VERSION: usize = 2;

impl History {
    /// Before anything is read: the bundled briefing has no history, and says why.
    pub fn of(origin: &super::Origin) -> Self {
        let versions = match origin {
            super::Origin::Bundled => Versions::Unavailable(
                "The bundled briefing is built into brief, so it has no history: open a briefing committed in git".into(),
            ),
            _ => Versions::Waiting,
        };
        Self {
            versions,
            ..Self::default()
        }
    }

    pub fn entries(&self) -> &[Entry] {
        match &self.versions {
            Versions::Read(entries) => entries,
            _ => &[],
        }
    }

    pub fn selected_entry(&self) -> Option<&Entry> {
        self.entries().get(self.selected)
    }

    /// The selected version's diff, if it has been read.
    pub fn selected_diff(&self) -> Option<&Result<Vec<Line>, String>> {
        let entry = self.selected_entry()?;
        self.diff
            .as_ref()
            .filter(|d| d.blob == entry.blob && d.previous == entry.previous)
            .map(|d| &d.diff)
    }
}

impl App {
    pub(super) fn history_read(&mut self, versions: Versions) {
        if let Versions::Reading(_) = versions
            && matches!(self.history.versions, Versions::Read(_))
        {
            self.history.refreshing = true;
            return;
        }
        self.history.refreshing = false;
        let keep = self
            .history
            .selected_entry()
            .map(|e| (e.blob, e.short.clone()));
        self.history.versions = versions;
        let entries = self.history.entries();
        // The same version stays selected: the working copy by being the working copy,
        // a commit by its hash.
        self.history.selected = keep
            .and_then(|(blob, short)| {
                entries
                    .iter()
                    .position(|e| e.short == short && (e.blob.is_none() == blob.is_none()))
            })
            .unwrap_or(0)
            .min(entries.len().saturating_sub(1));
        if self.history.selected_diff().is_none() {
            self.history.diff = None;
        }
        self.keep_history_in_view();
    }

    /// Versions that fit in the list.
    fn history_page(&self) -> usize {
        let rows = self.layout.pane_viewport(self, Pane::History).list_rows;
        (rows / ROWS_PER_VERSION).max(1)
    }

    fn keep_history_in_view(&mut self) {
        let height = self.history_page();
        let history = &mut self.history;
        let len = history.entries().len();
        if history.selected < history.offset {
            history.offset = history.selected;
        } else if history.selected >= history.offset + height {
            history.offset = history.selected + 1 - height;
        }
        history.offset = history.offset.min(len.saturating_sub(height));
    }

    /// Moves the selection; the runtime is asked for the new version's diff.
    pub(super) fn step_history(&mut self, delta: isize) -> Effect {
        let len = self.history.entries().len();
        if len == 0 {
            return Effect::None;
        }
        let before = self.history.selected;
        let selected = self
            .history
            .selected
            .saturating_add_signed(delta)
            .min(len - 1);
        self.history.selected = selected;
        if selected != before {
            self.panes[Pane::History].state.detail_scroll = 0;
        }
        self.keep_history_in_view();
        self.wanted_diff()
    }

    /// A page of versions, for PgUp and PgDn.
    pub(super) fn history_page_delta(&self, pages: isize) -> isize {
        pages * self.history_page() as isize
    }

    /// Selects the version on a row of the list (a click).
    pub(super) fn select_version(&mut self, row_in_list: usize) -> Effect {
        let index = self.history.offset + row_in_list / ROWS_PER_VERSION;
        if index >= self.history.entries().len() {
            return Effect::None;
        }
        self.focus = Focus::List;
        self.step_history(index as isize - self.history.selected as isize)
    }

    /// The diff of the selected version, if it is not the one already read.
    pub(super) fn wanted_diff(&self) -> Effect {
        if self.pane != Pane::History || self.history.selected_diff().is_some() {
            return Effect::None;
        }
        match self.history.selected_entry() {
            Some(entry) => Effect::ReadVersion {
                blob: entry.blob,
                previous: entry.previous,
            },
            None => Effect::None,
        }
    }

    /// Whether the change markers count from this version (the header's label names it
    /// by its hash).
    pub fn is_compared_with(&self, entry: &Entry) -> bool {
        entry.blob.is_some()
            && self
                .baseline
                .as_ref()
                .is_some_and(|b| b.label.starts_with(&format!("{} ", entry.short)))
    }

    /// `c`: compare with the selected version (the same again ends the comparison).
    pub(super) fn compare_selected(&mut self) -> Effect {
        if self.pane != Pane::History {
            self.status = Some(
                "c compares with a version chosen in the History pane (8); Esc returns to the last reload's changes".into(),
            );
            return Effect::None;
        }
        match self.history.selected_entry() {
            Some(entry) if self.is_compared_with(entry) => {
                self.stop_comparing();
                Effect::None
            }
            Some(Entry {
                blob: Some(blob),
                short,
                seconds,
                ..
            }) => Effect::CompareVersion {
                blob: *blob,
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

    fn entry(short: &str, blob: u8) -> Entry {
        Entry {
            blob: Some(VersionId::from_bytes(&[blob; 20])),
            previous: None,
            short: short.to_owned(),
            seconds: 86_400,
            date: "1970-01-02".into(),
            author: "Ana".into(),
            subject: "s".into(),
            summary: "first version".into(),
        }
    }

    fn app_with_history(entries: Vec<Entry>) -> App {
        let mut app = App::new(
            Origin::Bundled,
            briefing::parse(include_str!("../../tests/fixtures/history/pay-v1.yaml")),
            &crate::app::screen::FixedScreen,
        );
        app.update(Action::ShowPane(Pane::History));
        app.update(Action::HistoryRead(Versions::Read(entries)));
        app
    }

    fn diff_read(app: &mut App, index: usize) {
        let entry = app.history.entries()[index].clone();
        app.update(Action::VersionRead {
            blob: entry.blob,
            previous: entry.previous,
            diff: Box::new(Ok(Vec::new())),
        });
    }

    #[test]
    fn moving_asks_for_the_selected_versions_diff_once() {
        let mut app = app_with_history(vec![entry("aaaaaaa", 1), entry("bbbbbbb", 2)]);
        let effect = app.update(Action::Down);
        let wanted = Effect::ReadVersion {
            blob: app.history.entries()[1].blob,
            previous: None,
        };
        assert_eq!(effect, wanted);
        assert_eq!(app.history.selected, 1);
        assert_eq!(
            app.update(Action::Down),
            wanted,
            "not read yet: asked again"
        );
        diff_read(&mut app, 1);
        assert!(app.history.selected_diff().is_some());
        assert_eq!(app.update(Action::Down), Effect::None, "already read");
    }

    #[test]
    fn a_diff_read_for_another_version_is_not_shown_for_this_one() {
        let mut app = app_with_history(vec![entry("aaaaaaa", 1), entry("bbbbbbb", 2)]);
        diff_read(&mut app, 1);
        assert_eq!(app.history.selected, 0);
        assert!(app.history.selected_diff().is_none());
    }

    #[test]
    fn a_refresh_keeps_the_list_and_the_selected_version() {
        let mut app = app_with_history(vec![entry("aaaaaaa", 1), entry("bbbbbbb", 2)]);
        app.update(Action::Down);
        diff_read(&mut app, 1);
        app.update(Action::HistoryRead(Versions::Reading(10)));
        assert!(app.history.refreshing);
        assert_eq!(
            app.history.entries().len(),
            2,
            "the old list shows meanwhile"
        );
        app.update(Action::HistoryRead(Versions::Read(vec![
            entry("ccccccc", 3),
            entry("aaaaaaa", 1),
            entry("bbbbbbb", 2),
        ])));
        assert!(!app.history.refreshing);
        assert_eq!(app.history.selected, 2, "the same commit stays selected");
        assert!(app.history.selected_diff().is_some(), "and its diff");
    }

    #[test]
    fn the_list_scrolls_to_keep_the_selection_in_view() {
        let entries = (0..40u8)
            .map(|i| entry(&format!("{i:07}"), i + 1))
            .collect();
        let mut app = app_with_history(entries);
        app.update(Action::Last);
        assert_eq!(app.history.selected, 39);
        let page = app.history_page();
        assert_eq!(app.history.offset, 40 - page);
        app.update(Action::PageUp);
        assert_eq!(app.history.selected, 39 - page);
        app.update(Action::First);
        assert_eq!((app.history.selected, app.history.offset), (0, 0));
    }

    #[test]
    fn enter_scrolls_the_changes_and_esc_returns_to_the_list() {
        let mut app = app_with_history(vec![entry("aaaaaaa", 1), entry("bbbbbbb", 2)]);
        app.update(Action::Focus);
        assert_eq!(app.focus, Focus::Detail);
        app.update(Action::Down);
        assert_eq!(
            app.history.selected, 0,
            "j scrolls the changes, not the list"
        );
        assert_eq!(app.panes[Pane::History].state.detail_scroll, 1);
        assert_eq!(
            app.mode(),
            crate::app::Mode::Browse,
            "no links to follow: Tab changes pane"
        );
        app.update(Action::Back);
        assert_eq!(app.focus, Focus::List);
        app.update(Action::Down);
        assert_eq!(app.history.selected, 1);
        assert_eq!(
            app.panes[Pane::History].state.detail_scroll,
            0,
            "another version's changes start at the top"
        );
    }

    #[test]
    fn compare_key_asks_for_the_version_and_again_ends_it() {
        let mut app = app_with_history(vec![entry("aaaaaaa", 1), entry("bbbbbbb", 2)]);
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

    #[test]
    fn compare_elsewhere_says_where_to_choose_a_version() {
        let mut app = app_with_history(vec![entry("aaaaaaa", 1)]);
        app.update(Action::ShowPane(Pane::Actors));
        assert_eq!(app.update(Action::CompareSelected), Effect::None);
        assert!(app.status.as_deref().unwrap_or("").contains("History pane"));
    }
}
