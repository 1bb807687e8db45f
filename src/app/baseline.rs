//! Comparing with an older version: the change markers then show what changed since
//! that version rather than since the last reload, until the comparison is ended.

use super::{App, Changes};
use crate::briefing::Loaded;

/// The version the change markers are measured from.
#[derive(Debug)]
pub struct Baseline {
    /// How the header names it: "3f2a1c9 (12 days ago)".
    pub label: String,
    pub before: Loaded,
    /// What the last reload changed, shown again when the comparison ends.
    since_reload: Option<Changes>,
}

impl App {
    /// Compares with `before`; the same version again ends the comparison.
    pub(super) fn compare_with(&mut self, label: String, before: Loaded) {
        if self.baseline.as_ref().is_some_and(|b| b.label == label) {
            self.stop_comparing();
            return;
        }
        let since_reload = match self.baseline.take() {
            Some(old) => old.since_reload,
            None => self.changes.take(),
        };
        self.changes = self
            .loaded
            .as_ref()
            .map(|now| Changes::between(&before, now));
        self.status = Some(format!(
            "Change markers now show what changed since {label}"
        ));
        self.baseline = Some(Baseline {
            label,
            before,
            since_reload,
        });
    }

    pub(super) fn stop_comparing(&mut self) {
        if let Some(baseline) = self.baseline.take() {
            self.changes = baseline.since_reload;
            self.status = Some("Change markers show what changed since the last reload".into());
        }
    }

    /// After a reload while comparing, the markers still count from the chosen version;
    /// what the reload itself changed is kept for when the comparison ends.
    pub(super) fn rebase_changes(&mut self) {
        if let (Some(baseline), Some(now)) = (&mut self.baseline, &self.loaded) {
            baseline.since_reload = self.changes.take();
            self.changes = Some(Changes::between(&baseline.before, now));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::app::screen::FixedScreen;
    use crate::app::{Action, App, Mark, Origin, Pane};
    use crate::briefing;

    const BEFORE: &str = include_str!("../../tests/fixtures/history/pay-v1.yaml");
    const AFTER: &str = include_str!("../../tests/fixtures/history/pay-v2.yaml");
    const LATER: &str = include_str!("../../tests/fixtures/history/pay-v3.yaml");

    fn app_at(text: &str) -> App {
        App::new(Origin::Bundled, briefing::parse(text), &FixedScreen)
    }

    fn compare(app: &mut App, label: &str, text: &str) {
        let before = Box::new(briefing::parse(text).unwrap());
        app.update(Action::CompareWith {
            label: label.to_owned(),
            before,
        });
    }

    #[test]
    fn comparing_marks_what_changed_since_the_version_and_the_same_key_ends_it() {
        let mut app = app_at(AFTER);
        assert!(app.changes.is_none());
        compare(&mut app, "abc1234 (2 days ago)", BEFORE);
        let changes = app.changes.clone().unwrap();
        assert!(!changes.is_empty());
        assert_eq!(
            app.baseline.as_ref().map(|b| b.label.as_str()),
            Some("abc1234 (2 days ago)")
        );
        let now = app.loaded.as_ref().unwrap();
        let marked = Pane::Stances
            .items(now)
            .into_iter()
            .filter(|&i| {
                changes.mark(Pane::Stances, &Pane::Stances.item_id(now, i)) == Some(Mark::Changed)
            })
            .count();
        assert_eq!(marked, 1, "{changes:?}");

        compare(&mut app, "abc1234 (2 days ago)", BEFORE);
        assert!(app.baseline.is_none());
        assert!(
            app.changes.is_none(),
            "back to the (empty) changes of the last reload"
        );
    }

    #[test]
    fn esc_ends_the_comparison_and_restores_the_reload_changes() {
        let mut app = app_at(BEFORE);
        app.update(Action::Loaded(Box::new(briefing::parse(AFTER))));
        let since_reload = app.changes.clone();
        assert!(since_reload.as_ref().is_some_and(|c| !c.is_empty()));
        compare(&mut app, "abc1234 (2 days ago)", AFTER);
        assert!(app.changes.as_ref().is_some_and(|c| c.is_empty()));
        app.update(Action::Back);
        assert!(app.baseline.is_none());
        assert_eq!(app.changes, since_reload);
    }

    #[test]
    fn a_reload_while_comparing_still_counts_from_the_version() {
        let mut app = app_at(AFTER);
        compare(&mut app, "abc1234 (2 days ago)", AFTER);
        app.update(Action::Loaded(Box::new(briefing::parse(LATER))));
        let from_version = app.changes.clone().unwrap();
        assert!(from_version.removed > 0 || !from_version.is_empty());
        let direct = crate::app::Changes::between(
            &briefing::parse(AFTER).unwrap(),
            app.loaded.as_ref().unwrap(),
        );
        assert_eq!(from_version, direct);
        app.update(Action::Back);
        assert_eq!(
            app.changes,
            Some(direct),
            "the reload's own changes come back"
        );
    }
}
