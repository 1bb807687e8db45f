//! What `update` needs to know of the screen, as plain numbers: how many rows a page
//! holds, what a click landed on, how wide a pane's rows want to be. Where things go is
//! the drawing's business: `ui::layout` answers the `Layout` questions in these terms, and
//! whoever makes an `App` (the command line, the tests) hands it that layout. So the state
//! never handles a terminal's rectangles and imports nothing from the drawing above it,
//! and a click still lands where a thing is drawn.

use super::{App, Pane};
use crate::briefing::Loaded;

/// The questions `update` asks of the screen's layout.
pub trait Layout: Send + Sync {
    /// The current pane's list, matrix and detail as the screen shows them.
    fn viewport(&self, app: &App) -> Viewport;
    /// A given pane's, as it would show now.
    fn pane_viewport(&self, app: &App, pane: Pane) -> Viewport;
    /// The directory picker's.
    fn picker_viewport(&self, app: &App) -> Viewport;
    /// What is drawn at a column and row of the screen.
    fn hit(&self, app: &App, column: u16, row: u16) -> Hit;
    /// Whether a screen this big has room for the panes at all.
    fn fits(&self, width: u16, height: u16) -> bool;
    /// What a pane's rows want of the width, measured by the pane that draws them.
    fn row_widths(&self, loaded: &Loaded, pane: Pane) -> RowWidths;
    /// What the stance matrix has to fit.
    fn matrix_size(&self, loaded: &Loaded) -> MatrixSize;
}

/// The columns a pane's rows want: a lead (severity, number, date), the title, and what
/// can go first when room is short (an actor's kind).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RowWidths {
    pub lead: usize,
    pub title: usize,
    pub secondary: usize,
}

impl RowWidths {
    pub fn total(&self) -> usize {
        self.lead
            + self.title
            + if self.secondary > 0 {
                self.secondary + 1
            } else {
                0
            }
    }
}

/// What the stance matrix has to fit: how many actors and topics, and their widest names.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MatrixSize {
    pub actors: usize,
    pub topics: usize,
    pub actor_width: usize,
    pub topic_width: usize,
}

/// How much of a pane's list, matrix and detail the screen shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Viewport {
    /// Rows of list items inside the list's border (none without a list).
    pub list_rows: usize,
    /// Lines of text inside the detail's border.
    pub detail_rows: usize,
    /// Actor rows and topic columns of the stance matrix that fit (at least one each).
    pub matrix_rows: usize,
    pub matrix_columns: usize,
}

/// What is under a point of the screen, counted from what is shown first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hit {
    /// Nothing that answers the mouse.
    Nothing,
    Tab(Pane),
    /// The tab bar, beside the tabs.
    Tabs,
    /// A row of the list (the picker's, a pane's, the History pane's), from the top of
    /// its rows.
    ListRow(usize),
    /// A cell of the stance matrix, as (actor row, topic column) on screen.
    MatrixCell(usize, usize),
    /// Elsewhere in the list's area: its border, the matrix's header and legend.
    List,
    /// A cell of the risks' heat map, as (row from the top, column from the left).
    HeatCell(usize, usize),
    /// Inside the heat map's border, off its cells.
    Heat,
    /// The detail, when it sits beside (or under) a list.
    Detail,
}

impl Hit {
    /// In the list's area (the matrix's, on the Stances pane).
    pub fn in_list(self) -> bool {
        matches!(self, Hit::ListRow(_) | Hit::MatrixCell(..) | Hit::List)
    }
}

/// A screen of fixed size for the state's own unit tests, which must not reach up to the
/// drawing for its layout: twenty list rows, forty detail lines, everything fitting, and
/// nothing under the mouse. Tests of where things are drawn live with the drawing.
#[cfg(test)]
pub(crate) struct FixedScreen;

#[cfg(test)]
impl Layout for FixedScreen {
    fn viewport(&self, _: &App) -> Viewport {
        Viewport {
            list_rows: 20,
            detail_rows: 40,
            matrix_rows: 20,
            matrix_columns: 5,
        }
    }
    fn pane_viewport(&self, app: &App, _: Pane) -> Viewport {
        self.viewport(app)
    }
    fn picker_viewport(&self, app: &App) -> Viewport {
        self.viewport(app)
    }
    fn hit(&self, _: &App, _: u16, _: u16) -> Hit {
        Hit::Nothing
    }
    fn fits(&self, _: u16, _: u16) -> bool {
        true
    }
    fn row_widths(&self, _: &Loaded, _: Pane) -> RowWidths {
        RowWidths::default()
    }
    fn matrix_size(&self, loaded: &Loaded) -> MatrixSize {
        MatrixSize {
            actors: loaded.briefing.actors.len(),
            topics: loaded.briefing.topics.len(),
            ..MatrixSize::default()
        }
    }
}
