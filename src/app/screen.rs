//! What `update` needs to know of the screen, as plain numbers: how many rows a page
//! holds and what a click landed on. Where things go is the drawing's business
//! (`ui::layout`), which answers in these terms so that the state never handles a
//! terminal's rectangles, and a click still lands where a thing is drawn.

use super::Pane;

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
