//! The mouse: clicks on tabs, rows, cells and links; the wheel where the pointer is.

use super::geometry::{self, Heat, Matrix, Regions};
use super::{App, Effect, Focus, Pane, WHEEL_LINES};
use ratatui::layout::Position;

impl App {
    pub(super) fn click(&mut self, column: u16, row: u16) -> Effect {
        let area = self.area();
        if geometry::too_small(area) {
            return Effect::None;
        }
        if self.overlay.take().is_some() {
            return Effect::None;
        }
        let at = Position::new(column, row);
        let regions = Regions::new(area, self);
        if regions.tabs.contains(at) {
            let tab = geometry::tabs(self, area.width)
                .into_iter()
                .find(|t| column >= t.x && column < t.x + t.width);
            if let Some(tab) = tab {
                self.show(tab.pane);
            }
            return Effect::None;
        }
        if let Some(picker) = self.picker.as_mut().filter(|p| p.showing) {
            if let Some(rows) = regions.list_rows().filter(|rows| rows.contains(at)) {
                let index = picker.offset + usize::from(row - rows.y);
                if index == picker.selected {
                    return self.open_selected();
                }
                if index < picker.entries.len() {
                    picker.selected = index;
                }
            }
            return Effect::None;
        }
        if self.loaded.is_none() {
            return Effect::None;
        }
        let pane = self.pane;
        if pane == Pane::History {
            if let Some(rows) = regions.list_rows().filter(|rows| rows.contains(at)) {
                return self.select_version(usize::from(row - rows.y));
            }
            if regions.detail.contains(at) && self.history.selected_entry().is_some() {
                self.focus = Focus::Detail;
            }
            return Effect::None;
        }
        if let Some(heat) = regions.heat.map(Heat::new) {
            if let Some(cell) = heat.cell_at(at) {
                self.focus = Focus::Grid;
                self.heat_cursor = cell;
                self.pick_cell();
                return Effect::None;
            }
            if heat.inner.contains(at) {
                self.focus = Focus::Grid;
                return Effect::None;
            }
        }
        if let Some(list) = regions.list.filter(|list| list.contains(at)) {
            if pane == Pane::Stances {
                let matrix = Matrix::new(list, self.matrix);
                if let Some((row, column)) = matrix.cell_at(at) {
                    let state = &self.states[pane.index()];
                    let (actor, topic) = (state.offset + row, state.column_offset + column);
                    if actor < self.matrix.actors && topic < self.matrix.topics {
                        self.focus = Focus::List;
                        self.move_cursor(actor, topic);
                    }
                }
                return Effect::None;
            }
            if let Some(rows) = regions.list_rows().filter(|rows| rows.contains(at)) {
                let index = self.state(pane).offset + usize::from(row - rows.y);
                if index < self.rows(pane).len() {
                    self.focus = Focus::List;
                    self.select(pane, index);
                }
            }
            return Effect::None;
        }
        if regions.list.is_some()
            && regions.detail.contains(at)
            && self.selected_item(pane).is_some()
        {
            let link = self
                .drawn
                .link_rows
                .iter()
                .find(|(y, _)| *y == row)
                .map(|&(_, link)| link);
            if let Some(target) = link.and_then(|l| self.links().get(l).copied()) {
                self.states[pane.index()].link = link;
                self.follow(target);
                return Effect::None;
            }
            self.focus = Focus::Detail;
        }
        Effect::None
    }

    /// The wheel scrolls what is under the pointer: the detail a few lines, the list or
    /// the matrix a row, an overlay or a page of text a few lines.
    pub(super) fn wheel(&mut self, column: u16, row: u16, down: bool) -> Effect {
        let at = Position::new(column, row);
        let regions = Regions::new(self.area(), self);
        let lines = if down {
            WHEEL_LINES as isize
        } else {
            -(WHEEL_LINES as isize)
        };
        let one = if down { 1 } else { -1 };
        if self.pane == Pane::History && self.overlay.is_none() && !self.showing_picker() {
            if regions.list.is_some_and(|list| list.contains(at)) {
                return self.step_history(one);
            }
            if !regions.detail.contains(at) {
                return Effect::None;
            }
        } else if self.overlay.is_some() || self.showing_picker() || !self.pane.has_list() {
            self.step(if self.showing_picker() { one } else { lines });
            return Effect::None;
        }
        if regions.detail.contains(at) {
            let pane = self.pane;
            let max = self.drawn.detail_max.unwrap_or(usize::MAX);
            let state = &mut self.states[pane.index()];
            state.detail_scroll = state
                .detail_scroll
                .min(max)
                .saturating_add_signed(lines)
                .min(max);
        } else if regions.list.is_some_and(|list| list.contains(at)) {
            let focus = self.focus;
            self.focus = Focus::List;
            self.step(one);
            self.focus = focus;
        }
        Effect::None
    }
}
