//! Application state and `update(action)`: which pane, what is selected (by item id), the
//! search, the last good briefing and the current error. No drawing and no I/O here:
//! what needs I/O is returned as an `Effect` for the runtime to carry out, and what
//! only drawing knows (how long a detail turned out) is handed back with `drawn`.

mod action;
mod baseline;
mod changes;
mod follow;
mod heat;
mod history;
mod jumps;
pub mod links;
mod mouse;
mod movement;
mod needle;
mod pane;
mod screen;
mod search;

pub use crate::history::VersionId;
pub use crate::words::plural;
pub use action::{Action, Effect};
pub use baseline::Baseline;
pub use changes::{Changes, Mark};
pub use heat::{LEVELS_ACROSS, LEVELS_DOWN};
pub use history::{History, ROWS_PER_VERSION, VersionDiff, Versions};
pub use jumps::Jumps;
pub use links::Target;
pub use needle::Needle;
pub use pane::{Pane, contains_folded};
pub use screen::{Hit, Layout, MatrixSize, RowWidths, Viewport};

use crate::briefing::{LoadError, Loaded, catalog};
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
    /// The risks' heat map, whose cell filters the list.
    Grid,
}

/// Which keys are live. Each mode but typing a search falls back on `Browse` for the
/// keys it does not bind itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mode {
    Browse,
    /// A focused detail: Tab goes from link to link.
    Detail,
    /// The stance matrix: h/l move across topics.
    Matrix,
    /// The risks' heat map: the arrows move from cell to cell.
    Grid,
    Search,
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
    /// The query as it is matched (smart case).
    pub needle: Needle,
}

impl Search {
    pub fn is_active(&self) -> bool {
        !self.query.is_empty()
    }
}

/// What one pane remembers while another is shown.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PaneState {
    /// Position in the pane's visible rows (the matrix: the actor's row).
    pub selected: usize,
    /// The selected item's id, which is what survives a reload.
    pub selected_id: Option<String>,
    /// First visible row of the list.
    pub offset: usize,
    /// First visible line of the detail (or of the summary page).
    pub detail_scroll: usize,
    /// The link of the focused detail that Enter follows.
    pub link: Option<usize>,
    /// The matrix's topic column, the first shown, and the topic's id.
    pub column: usize,
    pub column_offset: usize,
    pub column_id: Option<String>,
}

/// One pane's part of the state.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct PaneData {
    state: PaneState,
    /// The visible rows (item indexes, search applied), kept in step with the briefing
    /// and the search rather than rebuilt every frame. The Stances pane's are the
    /// stances that match; its matrix shows every actor.
    rows: Vec<usize>,
    /// What the rows want of the width, measured once a briefing.
    widths: RowWidths,
}

/// Every pane's part of the state, found by the pane.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Panes([PaneData; Pane::ALL.len()]);

impl std::ops::Index<Pane> for Panes {
    type Output = PaneData;
    fn index(&self, pane: Pane) -> &PaneData {
        &self.0[pane.index()]
    }
}

impl std::ops::IndexMut<Pane> for Panes {
    fn index_mut(&mut self, pane: Pane) -> &mut PaneData {
        &mut self.0[pane.index()]
    }
}

/// A place the jump list can go back to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub pane: Pane,
    pub focus: Focus,
    pub state: PaneState,
}

/// What the detail scrolls to when it is next drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reveal {
    /// The current link.
    Link,
    /// The first line that matches the search.
    Match,
}

/// What drawing a frame found out that `update` needs: how far things scroll (the
/// detail is laid out only as far as the screen shows) and where the links landed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Drawn {
    /// How far what the movement keys scroll (a focused detail, the summary, an overlay,
    /// the error screen) can scroll, if the frame laid it out to its end.
    pub scroll_max: Option<usize>,
    /// The same for the detail beside the list, focused or not (for the wheel).
    pub detail_max: Option<usize>,
    /// The detail's scroll as drawn, when a reveal moved it.
    pub revealed_scroll: Option<usize>,
    /// The screen rows of the detail's links on screen, with the link's number.
    pub link_rows: Vec<(u16, usize)>,
}

/// Lines the wheel scrolls a detail by.
const WHEEL_LINES: usize = 3;

pub struct App {
    pub origin: Origin,
    /// The screen's layout, which the drawing owns: page sizes, what a click hit, how wide
    /// rows want to be.
    pub layout: &'static dyn Layout,
    /// The last briefing that loaded without errors; it stays on screen through bad saves.
    pub loaded: Option<Loaded>,
    /// Why the latest load failed, until a good one replaces it.
    pub error: Option<LoadError>,
    /// The text the loaded briefing came from, once asked for: its warnings' snippets.
    pub source: Option<String>,
    pub pane: Pane,
    pub focus: Focus,
    pub overlay: Option<Overlay>,
    pub search: Search,
    pub status: Option<String>,
    /// What the latest reload changed, shown until the next one (or, while comparing,
    /// what changed since the baseline).
    pub changes: Option<Changes>,
    /// The older version the change markers count from, if any.
    pub baseline: Option<Baseline>,
    /// The History pane: the versions in git.
    pub history: History,
    pub picker: Option<Picker>,
    pub width: u16,
    pub height: u16,
    /// Whether the mouse is captured (clicks and the wheel) or left to the terminal.
    pub mouse: bool,
    /// The heat map's cursor and the cell filtering the risks, as (row from the top:
    /// high likelihood first, column from the left: low impact first).
    pub heat_cursor: (usize, usize),
    pub heat_filter: Option<(usize, usize)>,
    /// The detail scrolls to this when next drawn.
    pub reveal: Option<Reveal>,
    /// The first line of the error screen shown.
    pub error_scroll: usize,
    pub jumps: Jumps<Location>,
    panes: Panes,
    matrix: MatrixSize,
    drawn: Drawn,
    /// The briefing a reload replaced. Freeing a large one takes milliseconds, which the
    /// runtime spends after the new frame is on screen (`take_replaced`), not before.
    replaced: Option<Loaded>,
    /// Counts the briefings accepted, so that what is drawn from one (cached rows) is
    /// not drawn from another.
    generation: u64,
}

impl App {
    pub fn new(
        origin: Origin,
        load: Result<Loaded, LoadError>,
        layout: &'static dyn Layout,
    ) -> Self {
        let mut app = Self::empty(origin, layout);
        match load {
            Ok(loaded) => app.accept(loaded, false),
            Err(error) => app.error = Some(error),
        }
        app
    }

    /// The picker over the briefings of `dir`, with nothing opened yet.
    pub fn with_picker(
        dir: PathBuf,
        entries: Vec<catalog::Entry>,
        layout: &'static dyn Layout,
    ) -> Self {
        let mut app = Self::empty(Origin::Directory(dir.clone()), layout);
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
    fn empty(origin: Origin, layout: &'static dyn Layout) -> Self {
        Self {
            history: History::of(&origin),
            origin,
            layout,
            loaded: None,
            error: None,
            source: None,
            pane: Pane::Summary,
            focus: Focus::List,
            overlay: None,
            search: Search::default(),
            status: None,
            changes: None,
            baseline: None,
            picker: None,
            width: 80,
            height: 24,
            mouse: true,
            heat_cursor: (0, 2),
            heat_filter: None,
            reveal: None,
            error_scroll: 0,
            jumps: Jumps::default(),
            panes: Panes::default(),
            matrix: MatrixSize::default(),
            drawn: Drawn::default(),
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
            // A file's name is outside text like the briefing's, shown in banners and
            // errors where it must not steer the terminal.
            Origin::File(path) | Origin::Directory(path) => {
                crate::briefing::sanitize::clean_line(&path.display().to_string())
            }
        }
    }

    /// Which key table is live.
    pub fn mode(&self) -> Mode {
        if self.search.editing {
            return Mode::Search;
        }
        if self.overlay.is_some() {
            return Mode::Browse;
        }
        self.mode_behind_overlay()
    }

    /// The mode the panes are in, whatever overlay stands in front of them: what the help
    /// lists first.
    pub fn mode_behind_overlay(&self) -> Mode {
        if self.search.editing {
            return Mode::Search;
        }
        if self.showing_picker() || self.loaded.is_none() {
            return Mode::Browse;
        }
        match (self.focus, self.pane) {
            // A version's changes have no links to go through: Tab changes pane.
            (Focus::Detail, Pane::History) => Mode::Browse,
            (Focus::Detail, _) => Mode::Detail,
            (Focus::Grid, Pane::Risks) => Mode::Grid,
            (Focus::List, Pane::Stances) => Mode::Matrix,
            _ => Mode::Browse,
        }
    }

    pub fn state(&self, pane: Pane) -> &PaneState {
        &self.panes[pane].state
    }

    pub fn rows(&self, pane: Pane) -> &[usize] {
        &self.panes[pane].rows
    }

    /// What a pane's rows want of the width.
    pub fn row_widths(&self, pane: Pane) -> RowWidths {
        self.panes[pane].widths
    }

    pub fn matrix_size(&self) -> MatrixSize {
        self.matrix
    }

    /// A number for the search that marks matches, 0 when there is none: what drawn rows
    /// are cached by.
    pub fn search_generation(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        if !self.search.is_active() {
            return 0;
        }
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        self.search.query.hash(&mut hasher);
        hasher.finish() | 1
    }

    /// What the last frame found out (see `Drawn`).
    pub fn last_drawn(&self) -> &Drawn {
        &self.drawn
    }

    /// The model index of the selected item in `pane`, if it has one. On the Stances
    /// pane, the stance in the matrix's cell under the cursor, if there is one.
    pub fn selected_item(&self, pane: Pane) -> Option<usize> {
        if pane == Pane::Stances {
            let state = self.state(pane);
            return self.stance_at(state.selected, state.column);
        }
        self.rows(pane).get(self.state(pane).selected).copied()
    }

    /// The stance of an actor on a topic, by their indexes.
    pub fn stance_at(&self, actor: usize, topic: usize) -> Option<usize> {
        let loaded = self.loaded.as_ref()?;
        let topic_id = &loaded.briefing.topics.get(topic)?.id;
        loaded
            .index
            .stances_by_actor
            .get(actor)?
            .iter()
            .copied()
            .find(|&s| loaded.briefing.stances[s].topic == *topic_id)
    }

    /// Takes what a frame found out: scroll limits, and where a reveal left the detail.
    pub fn drawn(&mut self, drawn: Drawn) {
        if self.reveal.take().is_some()
            && let Some(scroll) = drawn.revealed_scroll
        {
            self.panes[self.pane].state.detail_scroll = scroll;
        }
        // What scrolls past its end (an End key before the end was known) comes back
        // to it, as it was drawn.
        if let Some(max) = drawn.scroll_max {
            self.clamp_scroll(max);
        }
        self.drawn = drawn;
    }

    fn clamp_scroll(&mut self, max: usize) {
        if let Some(Overlay::Help { scroll } | Overlay::Problems { scroll }) = &mut self.overlay {
            *scroll = (*scroll).min(max);
        } else if self.loaded.is_none() {
            self.error_scroll = self.error_scroll.min(max);
        } else if self.scrolls_detail() && !self.showing_picker() {
            let state = &mut self.panes[self.pane].state;
            state.detail_scroll = state.detail_scroll.min(max);
        }
    }

    /// The links of the selected item's detail, in the order it shows them.
    pub fn links(&self) -> Vec<Target> {
        // The summary is one page, there whether or not a search matches it.
        let item = match self.pane {
            Pane::Summary => Some(0),
            pane => self.selected_item(pane),
        };
        match (&self.loaded, item) {
            (Some(loaded), Some(item)) => links::links(loaded, self.pane, item),
            _ => Vec::new(),
        }
    }

    pub fn update(&mut self, action: Action) -> Effect {
        if !matches!(
            action,
            Action::Resize(..)
                | Action::Loaded(_)
                | Action::Source(_)
                | Action::HistoryRead(_)
                | Action::VersionRead { .. }
        ) {
            self.status = None;
        }
        match action {
            Action::Quit => return Effect::Quit,
            Action::Suspend => return Effect::Suspend,
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
            Action::Source(text) => self.source = Some(text),
            Action::Status(message) => self.status = Some(message),
            Action::CompareWith { label, before } => self.compare_with(label, *before),
            Action::CompareSelected => return self.compare_selected(),
            Action::HistoryRead(versions) => {
                self.history_read(versions);
                return self.wanted_diff();
            }
            Action::VersionRead {
                blob,
                previous,
                diff,
            } => {
                self.history.diff = Some(VersionDiff {
                    blob,
                    previous,
                    diff: *diff,
                });
            }
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
            Action::ShowProblems => return self.show_problems(),
            Action::Back => self.back(),
            Action::Reload => return Effect::Reload,
            Action::Edit => return self.edit(),
            Action::StartSearch => {
                self.overlay = None;
                self.search.editing = true;
            }
            Action::SearchChar(c) => {
                self.search.query.push(c);
                self.search_changed();
            }
            Action::SearchBackspace => {
                self.search.query.pop();
                self.search_changed();
            }
            Action::SearchSubmit => self.submit_search(),
            Action::NextMatch => self.step_match(1),
            Action::PrevMatch => self.step_match(-1),
            Action::NextLink => self.step_link(1),
            Action::PrevLink => self.step_link(-1),
            Action::FollowLink => self.follow_current_link(),
            Action::JumpBack => self.jump_back(),
            Action::JumpForward => self.jump_forward(),
            Action::ToggleGrid => self.toggle_grid(),
            Action::PickCell => self.pick_cell(),
            Action::ToggleMouse => {
                self.mouse = !self.mouse;
                self.status = Some(if self.mouse {
                    "Mouse on: clicks and the wheel work here (M gives the mouse back to the terminal)".into()
                } else {
                    "Mouse off: select text with it; M takes it back".into()
                });
                return Effect::Mouse(self.mouse);
            }
            Action::ShowPane(pane) => {
                self.show(pane);
                return self.wanted_diff();
            }
            Action::Up
            | Action::Down
            | Action::First
            | Action::Last
            | Action::PageUp
            | Action::PageDown
            | Action::HalfPageUp
            | Action::HalfPageDown
                if self.moves_through_versions() =>
            {
                let delta = match action {
                    Action::Up => -1,
                    Action::Down => 1,
                    Action::PageUp => self.history_page_delta(-1),
                    Action::PageDown => self.history_page_delta(1),
                    Action::HalfPageUp => (self.history_page_delta(-1) / 2).min(-1),
                    Action::HalfPageDown => (self.history_page_delta(1) / 2).max(1),
                    Action::First => isize::MIN / 2,
                    _ => isize::MAX / 2,
                };
                return self.step_history(delta);
            }
            Action::NextPane => self.show(self.pane.cycle(1)),
            Action::PrevPane => self.show(self.pane.cycle(-1)),
            Action::Focus if self.showing_picker() && self.overlay.is_none() => {
                return self.open_selected();
            }
            Action::Focus => {
                let selected = if self.pane == Pane::History {
                    self.history.selected_entry().is_some()
                } else if self.pane == Pane::Summary {
                    // The page is there to read and follow whatever the search shows.
                    self.loaded.is_some()
                } else {
                    self.pane.has_list() && self.selected_item(self.pane).is_some()
                };
                if self.overlay.is_none() && selected {
                    self.focus = Focus::Detail;
                    self.panes[self.pane].state.link = None;
                }
            }
            Action::Click(column, row) => return self.click(column, row),
            Action::Wheel { column, row, down } => return self.wheel(column, row, down),
            Action::Up => self.step(-1),
            Action::Down => self.step(1),
            Action::Left => self.step_across(-1),
            Action::Right => self.step_across(1),
            Action::PageUp => self.step(-(self.page() as isize)),
            Action::PageDown => self.step(self.page() as isize),
            Action::HalfPageUp => self.step(-((self.page() / 2).max(1) as isize)),
            Action::HalfPageDown => self.step((self.page() / 2).max(1) as isize),
            Action::First => self.step(isize::MIN / 2),
            Action::Last => self.step(isize::MAX / 2),
        }
        Effect::None
    }

    fn show_problems(&mut self) -> Effect {
        let warnings = self.loaded.as_ref().is_some_and(|l| !l.warnings.is_empty());
        self.overlay = match (&self.overlay, &self.error) {
            (Some(Overlay::Problems { .. }), _) => None,
            (_, Some(_)) => Some(Overlay::Problems { scroll: 0 }),
            (_, None) if warnings => Some(Overlay::Problems { scroll: 0 }),
            _ => {
                self.status = Some("No problems: the briefing loaded cleanly".into());
                None
            }
        };
        // The warnings' snippets come from the text, which a loaded briefing does not keep.
        if self.overlay.is_some() && self.error.is_none() && self.source.is_none() {
            match &self.origin {
                Origin::Bundled => self.source = Some(crate::briefing::BUNDLED_TEXT.to_owned()),
                Origin::File(path) => return Effect::ReadSource(path.clone()),
                Origin::Directory(_) => {}
            }
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
        } else if self.focus == Focus::Grid {
            self.focus = Focus::List;
            self.set_heat_filter(None);
        } else if self.focus == Focus::Detail {
            self.focus = Focus::List;
        } else if self.pane == Pane::Risks && self.heat_filter.is_some() {
            self.set_heat_filter(None);
        } else if self.search.is_active() {
            self.search = Search::default();
            self.refresh_rows();
        } else if self.baseline.is_some() {
            self.stop_comparing();
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
            self.baseline = None;
            self.history = History::default();
            self.search = Search::default();
            for pane in Pane::ALL {
                self.panes[pane].state = PaneState::default();
            }
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
        let height = self.layout.picker_viewport(self).list_rows.max(1);
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
        let problems = matches!(self.overlay, Some(Overlay::Problems { .. }));
        let line = if problems {
            self.problem_line()
        } else {
            self.selected_line()
        };
        let line = line.unwrap_or(1);
        Effect::Edit {
            path: path.clone(),
            line,
        }
    }

    /// The line of the first problem the problems list shows: the one the analyst is
    /// looking at when the list is open, whatever item the pane behind it has selected.
    fn problem_line(&self) -> Option<u32> {
        let diagnostics = match (&self.error, &self.loaded) {
            (Some(error), _) => error.diagnostics.as_slice(),
            (None, Some(loaded)) => loaded.warnings.as_slice(),
            (None, None) => &[],
        };
        diagnostics
            .iter()
            .find_map(|d| d.pos.map(|p| p.line))
            .filter(|&line| line > 0)
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
        for pane in Pane::ALL {
            self.panes[pane].widths = self.layout.row_widths(&loaded, pane);
        }
        self.matrix = self.layout.matrix_size(&loaded);
        self.replaced = self.loaded.replace(loaded);
        self.source = None;
        self.generation += 1;
        self.error = None;
        self.error_scroll = 0;
        if matches!(self.overlay, Some(Overlay::Problems { .. })) {
            self.overlay = None;
        }
        self.refresh_rows();
        if is_reload {
            self.rebase_changes();
        }
        if is_reload && self.search.is_active() {
            let found: Vec<String> = self
                .match_counts()
                .into_iter()
                .filter(|(_, n)| *n > 0)
                .map(|(p, n)| format!("{n} in {}", p.title()))
                .collect();
            if let Some(status) = &mut self.status {
                let found = if found.is_empty() {
                    "no matches".to_owned()
                } else {
                    found.join(", ")
                };
                status.push_str(&format!(" · “{}”: {found}", self.search.query));
            }
        }
    }

    /// Rebuilds the visible rows of every pane (after a load or a change of search) and
    /// finds each selection again by id; a vanished item gives way to its neighbour.
    fn refresh_rows(&mut self) {
        for pane in Pane::ALL {
            self.refresh_pane(pane);
        }
        if self.selected_item(self.pane).is_none()
            && self.pane != Pane::Summary
            && self.focus == Focus::Detail
        {
            self.focus = Focus::List;
        }
    }

    /// `refresh_rows` for one pane (the heat map's filter changes only the risks).
    fn refresh_pane(&mut self, pane: Pane) {
        let Some(loaded) = &self.loaded else {
            self.panes[pane].rows = Vec::new();
            return;
        };
        let needle = &self.search.needle;
        let heat = self.heat_filter.filter(|_| pane == Pane::Risks);
        let mut rows = pane.items(loaded);
        if !needle.is_empty() {
            rows.retain(|&item| pane.item_matches(loaded, item, needle));
        }
        if let Some(cell) = heat {
            let risks = &loaded.briefing.risks;
            rows.retain(|&r| App::heat_cell(risks[r].likelihood, risks[r].impact) == cell);
        }
        // A selection that a filter hides is kept, to come back when it is cleared; one
        // that a reload deleted gives way to its neighbour.
        let hidden = pane != Pane::Stances && (!needle.is_empty() || heat.is_some());
        self.panes[pane].rows = rows;
        let found = self.refind(pane);
        self.keep_in_view(pane);
        if (found || !hidden) && self.state(pane).selected_id.is_some() {
            self.remember_selection(pane);
        }
    }
}
