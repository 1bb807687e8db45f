//! The mouse: clicks on tabs, rows, cells and links; the wheel where the pointer is.

use super::{App, Effect, Focus, Hit, Pane, WHEEL_LINES};

impl App {
    pub(super) fn click(&mut self, column: u16, row: u16) -> Effect {
        if !self.layout.fits(self.width, self.height) {
            return Effect::None;
        }
        if self.overlay.take().is_some() {
            return Effect::None;
        }
        let hit = self.layout.hit(self, column, row);
        match hit {
            Hit::Tab(pane) => {
                self.show(pane);
                return Effect::None;
            }
            Hit::Tabs => return Effect::None,
            _ => {}
        }
        if let Some(picker) = self.picker.as_mut().filter(|p| p.showing) {
            if let Hit::ListRow(shown) = hit {
                let index = picker.offset + shown;
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
            if let Hit::ListRow(shown) = hit {
                return self.select_version(shown);
            }
            if hit == Hit::Detail && self.history.selected_entry().is_some() {
                self.focus = Focus::Detail;
            }
            return Effect::None;
        }
        match hit {
            Hit::HeatCell(row, column) => {
                self.focus = Focus::Grid;
                self.heat_cursor = (row, column);
                self.pick_cell();
            }
            Hit::Heat => self.focus = Focus::Grid,
            Hit::MatrixCell(row, column) => {
                let state = &self.panes[pane].state;
                let (actor, topic) = (state.offset + row, state.column_offset + column);
                if actor < self.matrix.actors && topic < self.matrix.topics {
                    self.focus = Focus::List;
                    self.move_cursor(actor, topic);
                }
            }
            Hit::ListRow(shown) => {
                let index = self.state(pane).offset + shown;
                if index < self.rows(pane).len() {
                    self.focus = Focus::List;
                    self.select(pane, index);
                }
            }
            // The detail beside a list; the Summary's page is no target.
            Hit::Detail if pane.has_list() && self.selected_item(pane).is_some() => {
                let link = self
                    .drawn
                    .link_rows
                    .iter()
                    .find(|(y, _)| *y == row)
                    .map(|&(_, link)| link);
                if let Some(target) = link.and_then(|l| self.links().get(l).copied()) {
                    self.panes[pane].state.link = link;
                    self.follow(target);
                    return Effect::None;
                }
                self.focus = Focus::Detail;
            }
            _ => {}
        }
        Effect::None
    }

    /// The wheel scrolls what is under the pointer: the detail a few lines, the list or
    /// the matrix a row, an overlay or a page of text a few lines.
    pub(super) fn wheel(&mut self, column: u16, row: u16, down: bool) -> Effect {
        let hit = self.layout.hit(self, column, row);
        let lines = if down {
            WHEEL_LINES as isize
        } else {
            -(WHEEL_LINES as isize)
        };
        let one = if down { 1 } else { -1 };
        if self.pane == Pane::History && self.overlay.is_none() && !self.showing_picker() {
            if hit.in_list() {
                return self.step_history(one);
            }
            if hit != Hit::Detail {
                return Effect::None;
            }
        } else if self.overlay.is_some() || self.showing_picker() || !self.pane.has_list() {
            self.step(if self.showing_picker() { one } else { lines });
            return Effect::None;
        }
        if hit == Hit::Detail {
            let pane = self.pane;
            let max = self.drawn.detail_max.unwrap_or(usize::MAX);
            let state = &mut self.panes[pane].state;
            state.detail_scroll = state
                .detail_scroll
                .min(max)
                .saturating_add_signed(lines)
                .min(max);
        } else if hit.in_list() {
            let focus = self.focus;
            self.focus = Focus::List;
            self.step(one);
            self.focus = focus;
        }
        Effect::None
    }
}
