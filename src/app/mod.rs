//! Application state and `update(action)`: which pane, what is selected (by item id), the
//! search, the last good briefing and the current error. No drawing and no I/O here:
//! what needs I/O is returned as an `Effect` for the runtime to carry out.

mod changes;
mod pane;

pub use crate::words::plural;
pub use changes::{Changes, Mark};
pub use pane::{Pane, contains_folded};

use crate::briefing::{LoadError, Loaded, catalog};
use crate::ui::layout;
use std::path::PathBuf;

/// Where the briefing comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// The Belarus briefing compiled into the binary.
    Bundled,
    File(PathBuf),
    /// A directory of briefings, before one is opened from the picker.
    Directory(PathBuf),
}

/// The list of briefings in a directory (`brief DIR`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picker {
    pub dir: PathBuf,
    pub entries: Vec<catalog::Entry>,
    pub selected: usize,
    pub offset: usize,
    /// The picker is on screen (rather than the opened briefing).
    pub showing: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    List,
    Detail,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    Help { scroll: usize },
    Problems { scroll: usize },
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Search {
    pub query: String,
    /// Keys are typed into the query while this is set.
    pub editing: bool,
}

impl Search {
    pub fn is_active(&self) -> bool {
        !self.query.is_empty()
    }
}

/// What one pane remembers while another is shown.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PaneState {
    /// Position in the pane's visible rows.
    pub selected: usize,
    /// The selected item's id, which is what survives a reload.
    pub selected_id: Option<String>,
    /// First visible row of the list.
    pub offset: usize,
    /// First visible line of the detail (or of the summary page).
    pub detail_scroll: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Quit,
    ShowPane(Pane),
    NextPane,
    PrevPane,
    Up,
    Down,
    First,
    Last,
    PageUp,
    PageDown,
    HalfPageUp,
    HalfPageDown,
    /// Enter: move the focus into the detail, to scroll it.
    Focus,
    /// Esc: close what is open, one layer at a time.
    Back,
    ToggleHelp,
    ShowProblems,
    StartSearch,
    SearchChar(char),
    SearchBackspace,
    SearchSubmit,
    Reload,
    Edit,
    /// A left click at a column and row: a tab shows its pane, a list row is selected
    /// (the selected briefing in the picker opens), the detail takes the focus.
    Click(u16, u16),
    /// `o`: back to the list of briefings in the directory.
    ShowPicker,
    Resize(u16, u16),
    Loaded(Box<Result<Loaded, LoadError>>),
    /// The directory's briefings, scanned afresh.
    Scanned(Vec<catalog::Entry>),
    /// A message for the status line (from the runtime: an editor that failed to start).
    Status(String),
}

/// Work that `update` asks the runtime to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    None,
    Quit,
    Reload,
    /// Open the briefing in the user's editor at a line.
    Edit {
        path: PathBuf,
        line: u32,
    },
    /// Load this briefing (chosen in the picker) and follow it.
    Open(PathBuf),
}

pub struct App {
    pub origin: Origin,
    /// The last briefing that loaded without errors; it stays on screen through bad saves.
    pub loaded: Option<Loaded>,
    /// Why the latest load failed, until a good one replaces it.
    pub error: Option<LoadError>,
    pub pane: Pane,
    pub focus: Focus,
    pub overlay: Option<Overlay>,
    pub search: Search,
    pub status: Option<String>,
    /// What the latest reload changed, shown until the next one.
    pub changes: Option<Changes>,
    pub picker: Option<Picker>,
    pub width: u16,
    pub height: u16,
    states: [PaneState; Pane::ALL.len()],
    /// Each pane's visible rows (item indexes, search applied), kept in step with the
    /// briefing and the search rather than rebuilt every frame.
    rows: [Vec<usize>; Pane::ALL.len()],
    /// The briefing a reload replaced. Freeing a large one takes milliseconds, which the
    /// runtime spends after the new frame is on screen (`take_replaced`), not before.
    replaced: Option<Loaded>,
    /// Counts the briefings accepted, so that what is drawn from one (cached rows) is
    /// not drawn from another.
    generation: u64,
}

impl App {
    pub fn new(origin: Origin, load: Result<Loaded, LoadError>) -> Self {
        let mut app = Self::empty(origin);
        match load {
            Ok(loaded) => app.accept(loaded, false),
            Err(error) => app.error = Some(error),
        }
        app
    }

    /// The picker over the briefings of `dir`, with nothing opened yet.
    pub fn with_picker(dir: PathBuf, entries: Vec<catalog::Entry>) -> Self {
        let mut app = Self::empty(Origin::Directory(dir.clone()));
        app.picker = Some(Picker {
            dir,
            entries,
            selected: 0,
            offset: 0,
            showing: true,
        });
        app
    }

    /// Nothing loaded, nothing selected.
    fn empty(origin: Origin) -> Self {
        Self {
            origin,
            loaded: None,
            error: None,
            pane: Pane::Summary,
            focus: Focus::List,
            overlay: None,
            search: Search::default(),
            status: None,
            changes: None,
            picker: None,
            width: 80,
            height: 24,
            states: Default::default(),
            rows: Default::default(),
            replaced: None,
            generation: 0,
        }
    }

    /// Which briefing is loaded: a new number for every one accepted.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// The briefing the latest reload replaced, for the caller to free when it likes.
    pub fn take_replaced(&mut self) -> Option<Loaded> {
        self.replaced.take()
    }

    pub fn showing_picker(&self) -> bool {
        self.picker.as_ref().is_some_and(|p| p.showing)
    }

    /// A short name for the briefing's origin, for the header and messages.
    pub fn origin_label(&self) -> String {
        match &self.origin {
            Origin::Bundled => format!("bundled {}", crate::briefing::BUNDLED_NAME),
            Origin::File(path) | Origin::Directory(path) => path.display().to_string(),
        }
    }

    /// Which key table is live.
    pub fn mode(&self) -> crate::keymap::Mode {
        if self.search.editing {
            crate::keymap::Mode::Search
        } else {
            crate::keymap::Mode::Browse
        }
    }

    pub fn state(&self, pane: Pane) -> &PaneState {
        &self.states[pane.index()]
    }

    pub fn rows(&self, pane: Pane) -> &[usize] {
        &self.rows[pane.index()]
    }

    /// The model index of the selected item in `pane`, if it has one.
    pub fn selected_item(&self, pane: Pane) -> Option<usize> {
        self.rows(pane).get(self.state(pane).selected).copied()
    }

    pub fn update(&mut self, action: Action) -> Effect {
        if !matches!(action, Action::Resize(..) | Action::Loaded(_)) {
            self.status = None;
        }
        match action {
            Action::Quit => return Effect::Quit,
            Action::Resize(width, height) => {
                self.width = width;
                self.height = height;
                for pane in Pane::ALL {
                    self.keep_in_view(pane);
                }
                self.keep_picker_in_view();
            }
            Action::Loaded(result) => match *result {
                Ok(loaded) => self.accept(loaded, true),
                Err(error) => {
                    self.status = Some(format!(
                        "{} in the saved file; showing the last good version",
                        plural(error.error_count(), "error")
                    ));
                    self.error = Some(error);
                }
            },
            Action::Status(message) => self.status = Some(message),
            Action::Scanned(entries) => self.scanned(entries),
            Action::ShowPicker => {
                match &mut self.picker {
                    Some(picker) => {
                        picker.showing = true;
                        self.overlay = None;
                    }
                    None => self.status = Some(
                        "o lists the briefings of a directory: start brief with one (brief DIR)"
                            .into(),
                    ),
                }
            }
            Action::ToggleHelp => {
                self.overlay = match self.overlay {
                    Some(Overlay::Help { .. }) => None,
                    _ => Some(Overlay::Help { scroll: 0 }),
                }
            }
            Action::ShowProblems => {
                self.overlay = match (&self.overlay, &self.error, self.loaded.as_ref()) {
                    (Some(Overlay::Problems { .. }), _, _) => None,
                    (_, Some(_), _) => Some(Overlay::Problems { scroll: 0 }),
                    (_, None, Some(l)) if !l.warnings.is_empty() => {
                        Some(Overlay::Problems { scroll: 0 })
                    }
                    _ => {
                        self.status = Some("No problems: the briefing loaded cleanly".into());
                        None
                    }
                }
            }
            Action::Back => self.back(),
            Action::Reload => return Effect::Reload,
            Action::Edit => return self.edit(),
            Action::StartSearch => {
                self.overlay = None;
                self.search.editing = true;
            }
            Action::SearchChar(c) => {
                self.search.query.push(c);
                self.refresh_rows();
            }
            Action::SearchBackspace => {
                self.search.query.pop();
                self.refresh_rows();
            }
            Action::SearchSubmit => self.submit_search(),
            Action::ShowPane(pane) => self.show(pane),
            Action::NextPane => self.show(self.pane.cycle(1)),
            Action::PrevPane => self.show(self.pane.cycle(-1)),
            Action::Focus if self.showing_picker() && self.overlay.is_none() => {
                return self.open_selected();
            }
            Action::Focus => {
                if self.overlay.is_none()
                    && self.pane.has_list()
                    && self.selected_item(self.pane).is_some()
                {
                    self.focus = Focus::Detail;
                }
            }
            Action::Click(column, row) => return self.click(column, row),
            Action::Up => self.step(-1),
            Action::Down => self.step(1),
            Action::PageUp => self.step(-(self.page() as isize)),
            Action::PageDown => self.step(self.page() as isize),
            Action::HalfPageUp => self.step(-((self.page() / 2).max(1) as isize)),
            Action::HalfPageDown => self.step((self.page() / 2).max(1) as isize),
            Action::First => self.step(isize::MIN / 2),
            Action::Last => self.step(isize::MAX / 2),
        }
        Effect::None
    }

    /// Keeps the filter, says what matched in every pane, and moves to the first pane
    /// with matches if this one has none.
    fn submit_search(&mut self) {
        self.search.editing = false;
        if !self.search.is_active() {
            return;
        }
        let counts: Vec<(Pane, usize)> = Pane::ALL
            .into_iter()
            .filter(|p| p.has_list())
            .map(|p| (p, self.rows(p).len()))
            .filter(|(_, n)| *n > 0)
            .collect();
        if counts.is_empty() {
            self.status = Some(format!(
                "Nothing matches “{}” — Esc clears",
                self.search.query
            ));
            return;
        }
        if !counts.iter().any(|(p, _)| *p == self.pane) {
            self.show(counts[0].0);
        }
        let found: Vec<String> = counts
            .iter()
            .map(|(p, n)| format!("{n} in {}", p.title()))
            .collect();
        self.status = Some(format!(
            "“{}”: {} — Esc clears",
            self.search.query,
            found.join(", ")
        ));
    }

    fn click(&mut self, column: u16, row: u16) -> Effect {
        let area = self.area();
        if layout::too_small(area) {
            return Effect::None;
        }
        if self.overlay.take().is_some() {
            return Effect::None;
        }
        let at = ratatui::layout::Position::new(column, row);
        let regions = layout::Regions::new(area, self);
        if regions.tabs.contains(at) {
            let tab = layout::tabs(self, area.width)
                .into_iter()
                .find(|t| column >= t.x && column < t.x + t.width);
            if let Some(tab) = tab {
                self.show(tab.pane);
            }
            return Effect::None;
        }
        let list_rows = regions
            .list
            .map(|list| list.inner(ratatui::layout::Margin::new(1, 1)));
        if let Some(rows) = list_rows.filter(|rows| rows.contains(at)) {
            let row = usize::from(row - rows.y);
            if let Some(picker) = self.picker.as_mut().filter(|p| p.showing) {
                let index = picker.offset + row;
                if index == picker.selected {
                    return self.open_selected();
                }
                if index < picker.entries.len() {
                    picker.selected = index;
                }
                return Effect::None;
            }
            let pane = self.pane;
            let index = self.state(pane).offset + row;
            if index < self.rows(pane).len() {
                self.focus = Focus::List;
                self.select(pane, index);
            }
            return Effect::None;
        }
        if regions.list.is_some()
            && regions.detail.contains(at)
            && self.selected_item(self.pane).is_some()
        {
            self.focus = Focus::Detail;
        }
        Effect::None
    }

    fn show(&mut self, pane: Pane) {
        if self.showing_picker() {
            if self.loaded.is_none() && self.error.is_none() {
                return;
            }
            if let Some(picker) = &mut self.picker {
                picker.showing = false;
            }
        }
        self.overlay = None;
        self.pane = pane;
        self.focus = Focus::List;
        self.keep_in_view(pane);
    }

    fn back(&mut self) {
        if self.search.editing {
            self.search = Search::default();
            self.refresh_rows();
        } else if self.overlay.is_some() {
            self.overlay = None;
        } else if self.focus == Focus::Detail {
            self.focus = Focus::List;
        } else if self.search.is_active() {
            self.search = Search::default();
            self.refresh_rows();
        }
    }

    fn scanned(&mut self, entries: Vec<catalog::Entry>) {
        let Some(picker) = &mut self.picker else {
            return;
        };
        let selected_path = picker.entries.get(picker.selected).map(|e| e.path.clone());
        picker.entries = entries;
        if let Some(found) =
            selected_path.and_then(|p| picker.entries.iter().position(|e| e.path == p))
        {
            picker.selected = found;
        }
        picker.selected = picker.selected.min(picker.entries.len().saturating_sub(1));
        self.keep_picker_in_view();
    }

    fn open_selected(&mut self) -> Effect {
        let Some(entry) = self.picker.as_ref().and_then(|p| p.entries.get(p.selected)) else {
            return Effect::None;
        };
        let path = entry.path.clone();
        if self.origin != Origin::File(path.clone()) {
            self.origin = Origin::File(path.clone());
            self.loaded = None;
            self.error = None;
            self.changes = None;
            self.search = Search::default();
            self.states = Default::default();
            self.pane = Pane::Summary;
            self.focus = Focus::List;
            self.refresh_rows();
        }
        if let Some(picker) = &mut self.picker {
            picker.showing = false;
        }
        Effect::Open(path)
    }

    fn keep_picker_in_view(&mut self) {
        let height = layout::Regions::for_picker(self.area(), self)
            .list_inner_height()
            .max(1);
        let Some(picker) = &mut self.picker else {
            return;
        };
        let len = picker.entries.len();
        if picker.selected < picker.offset {
            picker.offset = picker.selected;
        } else if picker.selected >= picker.offset + height {
            picker.offset = picker.selected + 1 - height;
        }
        picker.offset = picker.offset.min(len.saturating_sub(height));
    }

    fn edit(&mut self) -> Effect {
        if let Some(picker) = self.picker.as_ref().filter(|p| p.showing) {
            return match picker.entries.get(picker.selected) {
                Some(entry) => Effect::Edit {
                    path: entry.path.clone(),
                    line: 1,
                },
                None => Effect::None,
            };
        }
        let Origin::File(path) = &self.origin else {
            self.status = Some(
                "The bundled briefing has no file: run `brief init my-briefing.yaml` for an editable copy, then `brief my-briefing.yaml`".into(),
            );
            return Effect::None;
        };
        let line = self.selected_line().unwrap_or(1);
        Effect::Edit {
            path: path.clone(),
            line,
        }
    }

    /// The source line of what is selected: the item, else the first error, else the top.
    pub fn selected_line(&self) -> Option<u32> {
        if let Some(error) = &self.error {
            return error.first_error().pos.map(|p| p.line);
        }
        let loaded = self.loaded.as_ref()?;
        let b = &loaded.briefing;
        let item = self.selected_item(self.pane);
        let pos = match (self.pane, item) {
            (Pane::Summary, _) => Some(b.summary.pos),
            (Pane::Actors, Some(i)) => Some(b.actors[i].pos),
            (Pane::Quotes, Some(i)) => Some(b.quotes[i].pos),
            (Pane::Risks, Some(i)) => Some(b.risks[i].pos),
            (Pane::Questions, Some(i)) => Some(b.questions[i].pos),
            (Pane::Stances, Some(i)) => Some(b.stances[i].pos),
            (Pane::Timeline, Some(i)) => Some(b.timeline[i].pos),
            _ => None,
        };
        pos.map(|p| p.line).filter(|&line| line > 0)
    }

    /// Rows one page moves by: the visible height of what has the focus.
    fn page(&self) -> usize {
        let regions = layout::Regions::new(self.area(), self);
        let height = if self.scrolls_detail() {
            regions.detail_inner_height()
        } else {
            regions.list_inner_height()
        };
        height.saturating_sub(1).max(1)
    }

    pub fn area(&self) -> ratatui::layout::Rect {
        ratatui::layout::Rect::new(0, 0, self.width, self.height)
    }

    /// Whether movement keys scroll text (the summary, a focused detail, an overlay)
    /// rather than move a selection.
    fn scrolls_detail(&self) -> bool {
        !self.pane.has_list() || self.focus == Focus::Detail
    }

    fn step(&mut self, delta: isize) {
        if self.overlay.is_some() {
            let max = crate::ui::overlay_max_scroll(self);
            if let Some(Overlay::Help { scroll } | Overlay::Problems { scroll }) = &mut self.overlay
            {
                *scroll = (*scroll).min(max).saturating_add_signed(delta).min(max);
            }
            return;
        }

        if let Some(picker) = self.picker.as_mut().filter(|p| p.showing) {
            let last = picker.entries.len().saturating_sub(1);
            picker.selected = picker.selected.saturating_add_signed(delta).min(last);
            self.keep_picker_in_view();
            return;
        }
        let pane = self.pane;
        if self.scrolls_detail() {
            let max = crate::ui::detail_max_scroll(self);
            let state = &mut self.states[pane.index()];
            state.detail_scroll = state
                .detail_scroll
                .min(max)
                .saturating_add_signed(delta)
                .min(max);
            return;
        }
        let len = self.rows(pane).len();
        if len == 0 {
            return;
        }
        let selected = self.state(pane).selected.saturating_add_signed(delta);
        self.select(pane, selected.min(len - 1));
    }

    /// Selects row `index` of `pane`'s list, its detail from the top, and scrolls the
    /// list to it.
    fn select(&mut self, pane: Pane, index: usize) {
        let state = &mut self.states[pane.index()];
        state.selected = index;
        state.detail_scroll = 0;
        self.remember_selection(pane);
        self.keep_in_view(pane);
    }

    fn remember_selection(&mut self, pane: Pane) {
        let id = self
            .loaded
            .as_ref()
            .zip(self.selected_item(pane))
            .map(|(loaded, item)| pane.item_id(loaded, item).into_owned());
        self.states[pane.index()].selected_id = id;
    }

    /// Moves a list's offset so that its selection is on screen.
    fn keep_in_view(&mut self, pane: Pane) {
        if !pane.has_list() {
            return;
        }
        let height = layout::Regions::for_pane(self.area(), self, pane)
            .list_inner_height()
            .max(1);
        let len = self.rows(pane).len();
        let state = &mut self.states[pane.index()];
        state.selected = state.selected.min(len.saturating_sub(1));
        if state.selected < state.offset {
            state.offset = state.selected;
        } else if state.selected >= state.offset + height {
            state.offset = state.selected + 1 - height;
        }
        state.offset = state.offset.min(len.saturating_sub(height));
    }

    /// Takes a briefing that loaded cleanly, keeping each pane's selection by item id.
    fn accept(&mut self, loaded: Loaded, is_reload: bool) {
        if is_reload {
            let changes = self
                .loaded
                .as_ref()
                .map(|old| Changes::between(old, &loaded));
            self.status = Some(match &changes {
                Some(c) if !c.is_empty() => format!("Reloaded: {}", c.describe()),
                _ => "Reloaded: no changes".to_owned(),
            });
            self.changes = changes;
        }
        self.replaced = self.loaded.replace(loaded);
        self.generation += 1;
        self.error = None;
        if matches!(self.overlay, Some(Overlay::Problems { .. })) {
            self.overlay = None;
        }
        self.refresh_rows();
    }

    /// Rebuilds the visible rows of every pane (after a load or a change of search) and
    /// finds each selection again by id; a vanished item gives way to its neighbour.
    fn refresh_rows(&mut self) {
        let Some(loaded) = &self.loaded else {
            self.rows = Default::default();
            return;
        };
        let needle = self.search.query.to_lowercase();
        let mut hidden_by_search = [false; Pane::ALL.len()];
        for pane in Pane::ALL {
            let mut rows = pane.items(loaded);

            if !needle.is_empty() {
                rows.retain(|&item| pane.item_matches(loaded, item, &needle));
            }
            let state = &mut self.states[pane.index()];
            let found = state.selected_id.as_ref().and_then(|id| {
                rows.iter()
                    .position(|&item| pane.item_id(loaded, item) == *id)
            });
            if let Some(found) = found {
                state.selected = found;
            }
            self.rows[pane.index()] = rows;
            // A selection that a search hides is kept, to come back when the search is
            // cleared; one that a reload deleted gives way to its neighbour.
            hidden_by_search[pane.index()] = found.is_none() && !needle.is_empty();
        }
        for pane in Pane::ALL {
            self.keep_in_view(pane);
            if self.state(pane).selected_id.is_some() && !hidden_by_search[pane.index()] {
                self.remember_selection(pane);
            }
        }
        if self.selected_item(self.pane).is_none() {
            self.focus = Focus::List;
        }
    }
}
