//! Search: the matches of each pane, stepping through them across the panes in tab
//! order, and where the current one is.

use super::{App, Needle, Pane, Reveal};

impl App {
    pub(super) fn search_changed(&mut self) {
        self.search.needle = Needle::new(&self.search.query);
        self.refresh_rows();
    }

    /// The panes a search counts matches in, in tab order, with their matches.
    pub(super) fn match_counts(&self) -> Vec<(Pane, usize)> {
        Pane::ALL
            .into_iter()
            .filter(|p| p.is_searched())
            .map(|p| (p, self.rows(p).len()))
            .collect()
    }

    /// The current match's number among all of them (from 0), and how many there are:
    /// the selected item's, if it matches.
    pub fn match_position(&self) -> Option<(usize, usize)> {
        if !self.search.is_active() {
            return None;
        }
        let counts = self.match_counts();
        let total: usize = counts.iter().map(|(_, n)| n).sum();
        let before: usize = counts
            .iter()
            .take_while(|(p, _)| *p != self.pane)
            .map(|(_, n)| n)
            .sum();
        let here = self.position_in_rows(self.pane)?;
        Some((before + here, total))
    }

    /// Where the selected item of `pane` is among its rows (for the matrix: among the
    /// stances that match).
    pub(super) fn position_in_rows(&self, pane: Pane) -> Option<usize> {
        if !pane.is_searched() {
            return None;
        }
        if pane == Pane::Summary {
            return (!self.rows(pane).is_empty()).then_some(0);
        }
        if pane == Pane::Stances {
            let item = self.selected_item(pane)?;
            return self.rows(pane).iter().position(|&s| s == item);
        }
        // A selection the search hides keeps its place in the rows without being there.
        let state = self.state(pane);
        let loaded = self.loaded.as_ref()?;
        let item = *self.rows(pane).get(state.selected)?;
        let shown = state
            .selected_id
            .as_ref()
            .is_none_or(|id| pane.item_id(loaded, item) == *id);
        shown.then_some(state.selected)
    }

    /// Keeps the filter and goes to the first match, on this pane or the next with any;
    /// a selection that matches is kept.
    pub(super) fn submit_search(&mut self) {
        self.search.editing = false;
        if !self.search.is_active() {
            return;
        }
        let counts = self.match_counts();
        if counts.iter().all(|(_, n)| *n == 0) {
            self.status = Some(format!(
                "Nothing matches “{}” — Esc clears",
                self.search.query
            ));
            return;
        }
        match self.position_in_rows(self.pane) {
            Some(here) => self.go_to_match(self.pane, here),
            None => {
                let start = self.pane.index();
                let (pane, _) = counts
                    .iter()
                    .copied()
                    .filter(|(_, n)| *n > 0)
                    .min_by_key(|(p, _)| (p.index() + Pane::ALL.len() - start) % Pane::ALL.len())
                    .expect("a pane with matches");
                self.go_to_match(pane, 0);
            }
        }
        let found: Vec<String> = counts
            .iter()
            .filter(|(_, n)| *n > 0)
            .map(|(p, n)| format!("{n} in {}", p.title()))
            .collect();
        if let Some((here, total)) = self.match_position() {
            self.status = Some(format!(
                "“{}” {}/{total}: {} — n next, Esc clears",
                self.search.query,
                here + 1,
                found.join(", ")
            ));
        }
    }

    /// `n` and `N`: the next or previous match across the panes, in tab order.
    pub(super) fn step_match(&mut self, step: isize) {
        if !self.search.is_active() {
            self.status = Some("No search to step through: / starts one".into());
            return;
        }
        let counts = self.match_counts();
        let total: usize = counts.iter().map(|(_, n)| n).sum();
        if total == 0 {
            self.status = Some(format!(
                "Nothing matches “{}” — Esc clears",
                self.search.query
            ));
            return;
        }
        let target = match self.match_position() {
            Some((here, _)) => (here as isize + step).rem_euclid(total as isize) as usize,
            None => {
                // Not on a match: the first one after this pane's place (or before it).
                let before: usize = counts
                    .iter()
                    .take_while(|(p, _)| p.index() <= self.pane.index())
                    .map(|(_, n)| n)
                    .sum();
                if step > 0 {
                    before % total
                } else {
                    (before + total - 1) % total
                }
            }
        };
        let mut left = target;
        for (pane, n) in counts {
            if left < n {
                self.go_to_match(pane, left);
                return;
            }
            left -= n;
        }
    }

    /// Shows match `position` of `pane`, its detail scrolled to the match.
    pub(super) fn go_to_match(&mut self, pane: Pane, position: usize) {
        if self.pane != pane {
            self.show(pane);
        }
        if pane == Pane::Stances {
            let stance = self.rows(pane)[position];
            self.select_stance(stance);
        } else {
            self.select(pane, position);
        }
        self.reveal = Some(Reveal::Match);
        if let Some((here, total)) = self.match_position() {
            self.status = Some(format!(
                "“{}” {}/{} — n next, N previous, Esc clears",
                self.search.query,
                here + 1,
                total
            ));
        }
    }
}
