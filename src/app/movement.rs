//! Moving: the selection down a list, across the matrix and the heat map, a detail's or
//! an overlay's scroll, a page at a time; and keeping what is selected in view.

use super::*;

impl App {
    /// Rows one page moves by: the visible height of what has the focus.
    pub(super) fn page(&self) -> usize {
        let viewport = self.layout.viewport(self);
        let height = if self.scrolls_detail() {
            viewport.detail_rows
        } else if self.pane == Pane::Stances {
            viewport.matrix_rows
        } else {
            viewport.list_rows
        };
        height.saturating_sub(1).max(1)
    }

    /// Whether movement keys scroll text (the summary, a focused detail, the error
    /// screen) rather than move a selection.
    pub(super) fn scrolls_detail(&self) -> bool {
        (!self.pane.has_list() && self.pane != Pane::History) || self.focus == Focus::Detail
    }

    /// Whether movement keys move through the History pane's versions.
    pub(super) fn moves_through_versions(&self) -> bool {
        self.pane == Pane::History
            && self.focus == Focus::List
            && self.overlay.is_none()
            && !self.showing_picker()
            && self.loaded.is_some()
    }

    pub(super) fn step(&mut self, delta: isize) {
        // Without a known end (the frame stopped laying out where the screen did), a
        // scroll goes as far as asked and the next frame says where the end is.
        let max = self.drawn.scroll_max.unwrap_or(usize::MAX);
        let scrolled = |scroll: usize| scroll.min(max).saturating_add_signed(delta).min(max);
        if let Some(Overlay::Help { scroll } | Overlay::Problems { scroll }) = &mut self.overlay {
            *scroll = scrolled(*scroll);
            return;
        }
        if let Some(picker) = self.picker.as_mut().filter(|p| p.showing) {
            let last = picker.entries.len().saturating_sub(1);
            picker.selected = picker.selected.saturating_add_signed(delta).min(last);
            self.keep_picker_in_view();
            return;
        }
        if self.loaded.is_none() {
            self.error_scroll = scrolled(self.error_scroll);
            return;
        }
        let pane = self.pane;
        if self.scrolls_detail() {
            let state = &mut self.panes[pane].state;
            state.detail_scroll = scrolled(state.detail_scroll);
            return;
        }
        if self.focus == Focus::Grid && pane == Pane::Risks {
            let (row, column) = self.heat_cursor;
            self.heat_cursor = (row.saturating_add_signed(delta.signum()).min(2), column);
            return;
        }
        if pane == Pane::Stances {
            let state = self.state(pane);
            let last = self.matrix.actors.saturating_sub(1);
            let actor = state.selected.saturating_add_signed(delta).min(last);
            self.move_cursor(actor, state.column);
            return;
        }
        let len = self.rows(pane).len();
        if len == 0 {
            return;
        }
        let selected = self.state(pane).selected.saturating_add_signed(delta);
        self.select(pane, selected.min(len - 1));
    }

    /// Left and right: across the matrix's topics, or the heat map's impact.
    pub(super) fn step_across(&mut self, delta: isize) {
        match (self.pane, self.focus) {
            (Pane::Risks, Focus::Grid) => {
                let (row, column) = self.heat_cursor;
                self.heat_cursor = (row, column.saturating_add_signed(delta).min(2));
            }
            (Pane::Stances, Focus::List) if self.loaded.is_some() => {
                let state = self.state(Pane::Stances);
                let last = self.matrix.topics.saturating_sub(1);
                let topic = state.column.saturating_add_signed(delta).min(last);
                self.move_cursor(state.selected, topic);
            }
            _ => self.show(self.pane.cycle(delta)),
        }
    }

    /// Puts the matrix's cursor on an actor's row and a topic's column.
    pub(super) fn move_cursor(&mut self, actor: usize, topic: usize) {
        let state = &mut self.panes[Pane::Stances].state;
        state.selected = actor;
        state.column = topic;
        state.detail_scroll = 0;
        state.link = None;
        self.remember_selection(Pane::Stances);
        self.keep_in_view(Pane::Stances);
    }

    pub(super) fn select_stance(&mut self, stance: usize) {
        let Some(loaded) = &self.loaded else { return };
        let s = &loaded.briefing.stances[stance];
        let actor = loaded.index.actor_by_id.get(&s.actor).copied();
        let topic = loaded.index.topic_by_id.get(&s.topic).copied();
        if let (Some(actor), Some(topic)) = (actor, topic) {
            self.move_cursor(actor, topic);
        }
    }

    /// Selects row `index` of `pane`'s list, its detail from the top, and scrolls the
    /// list to it.
    pub(super) fn select(&mut self, pane: Pane, index: usize) {
        let state = &mut self.panes[pane].state;
        state.selected = index;
        state.detail_scroll = 0;
        state.link = None;
        self.remember_selection(pane);
        self.keep_in_view(pane);
    }

    pub(super) fn remember_selection(&mut self, pane: Pane) {
        let Some(loaded) = self.loaded.as_ref() else {
            return;
        };
        let state = &self.panes[pane].state;
        if pane == Pane::Stances {
            let actor = loaded
                .briefing
                .actors
                .get(state.selected)
                .map(|a| a.id.clone());
            let topic = loaded
                .briefing
                .topics
                .get(state.column)
                .map(|t| t.id.clone());
            let state = &mut self.panes[pane].state;
            state.selected_id = actor;
            state.column_id = topic;
            return;
        }
        let id = self
            .rows(pane)
            .get(state.selected)
            .map(|&item| pane.item_id(loaded, item).into_owned());
        self.panes[pane].state.selected_id = id;
    }

    /// Finds a pane's selection again by its id among the current rows; whether it did.
    pub(super) fn refind(&mut self, pane: Pane) -> bool {
        let Some(loaded) = &self.loaded else {
            return false;
        };
        let state = &self.panes[pane].state;
        if pane == Pane::Stances {
            let b = &loaded.briefing;
            let actor = state
                .selected_id
                .as_ref()
                .and_then(|id| loaded.index.actor_by_id.get(id).copied());
            let topic = state
                .column_id
                .as_ref()
                .and_then(|id| loaded.index.topic_by_id.get(id).copied());
            let state = &mut self.panes[pane].state;
            state.selected = actor
                .unwrap_or(state.selected)
                .min(b.actors.len().saturating_sub(1));
            state.column = topic
                .unwrap_or(state.column)
                .min(b.topics.len().saturating_sub(1));
            return actor.is_some();
        }
        let rows = &self.panes[pane].rows;
        let found = state.selected_id.as_ref().and_then(|id| {
            rows.iter()
                .position(|&item| pane.item_id(loaded, item) == *id)
        });
        if let Some(found) = found {
            self.panes[pane].state.selected = found;
        }
        found.is_some()
    }

    /// Moves a list's offset so that its selection is on screen (the matrix: its cell).
    pub(super) fn keep_in_view(&mut self, pane: Pane) {
        if !pane.has_list() {
            return;
        }
        let viewport = self.layout.pane_viewport(self, pane);
        if pane == Pane::Stances {
            let size = self.matrix;
            let state = &mut self.panes[pane].state;
            state.selected = state.selected.min(size.actors.saturating_sub(1));
            state.column = state.column.min(size.topics.saturating_sub(1));
            state.offset = scrolled_to(
                state.selected,
                state.offset,
                viewport.matrix_rows,
                size.actors,
            );
            state.column_offset = scrolled_to(
                state.column,
                state.column_offset,
                viewport.matrix_columns,
                size.topics,
            );
            return;
        }
        let height = viewport.list_rows.max(1);
        let len = self.rows(pane).len();
        let state = &mut self.panes[pane].state;
        state.selected = state.selected.min(len.saturating_sub(1));
        state.offset = scrolled_to(state.selected, state.offset, height, len);
    }
}

/// The offset that keeps `selected` within a window of `height` rows over `len`.
fn scrolled_to(selected: usize, offset: usize, height: usize, len: usize) -> usize {
    let height = height.max(1);
    let offset = if selected < offset {
        selected
    } else if selected >= offset + height {
        selected + 1 - height
    } else {
        offset
    };
    offset.min(len.saturating_sub(height))
}
