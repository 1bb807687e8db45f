//! The risks' heat map: its cursor, and the cell that filters the list.

use super::{App, Focus, Pane};
use crate::briefing::{Level, Vocabulary};

impl App {
    pub(super) fn toggle_grid(&mut self) {
        if self.pane != Pane::Risks {
            self.status = Some("m works on the Risks pane (4): its heat map".into());
            return;
        }
        self.focus = if self.focus == Focus::Grid {
            Focus::List
        } else {
            Focus::Grid
        };
    }

    /// Filters the risks to the cell under the heat map's cursor, or stops if it already
    /// does.
    pub(super) fn pick_cell(&mut self) {
        let cell = self.heat_cursor;
        self.set_heat_filter(if self.heat_filter == Some(cell) {
            None
        } else {
            Some(cell)
        });
    }

    pub(super) fn set_heat_filter(&mut self, filter: Option<(usize, usize)>) {
        self.heat_filter = filter;
        self.refresh_pane(Pane::Risks);
        if let Some((row, column)) = filter {
            self.status = Some(format!(
                "Risks of {} likelihood and {} impact: {} — Esc clears",
                LEVELS_DOWN[row].word(),
                LEVELS_ACROSS[column].word(),
                self.rows(Pane::Risks).len()
            ));
        }
    }

    /// The heat map's cell a risk falls in.
    pub fn heat_cell(likelihood: Level, impact: Level) -> (usize, usize) {
        (
            3 - usize::from(likelihood.weight()),
            usize::from(impact.weight()) - 1,
        )
    }
}

/// The heat map's rows, top to bottom, and its columns, left to right.
pub const LEVELS_DOWN: [Level; 3] = [Level::High, Level::Medium, Level::Low];
pub const LEVELS_ACROSS: [Level; 3] = [Level::Low, Level::Medium, Level::High];
