//! The risks' heat map: its cursor, and the cell that filters the list. Moving the cursor
//! only selects a cell, so an analyst can look around the map without the list beside it
//! jumping; Enter filters to the cell, and Enter on that cell again (or Esc) shows all.

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
        self.set_heat_filter(if self.cursor_cell_is_filter() {
            None
        } else {
            Some(self.heat_cursor)
        });
    }

    /// Whether Enter on the heat map would stop filtering rather than filter: the footer
    /// names the one it will do.
    pub fn cursor_cell_is_filter(&self) -> bool {
        self.heat_filter == Some(self.heat_cursor)
    }

    pub(super) fn set_heat_filter(&mut self, filter: Option<(usize, usize)>) {
        self.heat_filter = filter;
        self.refresh_pane(Pane::Risks);
        if let Some((row, column)) = filter {
            self.status = Some(format!(
                "Risks of {} likelihood and {} impact: {} — Enter or Esc shows all",
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
