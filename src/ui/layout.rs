//! Where everything goes on screen: a pure function of the window size and the app's
//! state. Drawing draws there; `update` asks here, through the `app::Layout` it is handed
//! (`SCREEN`), how many rows a page holds and what a click landed on, and is answered in
//! plain numbers, so a click lands where a thing is drawn without the state handling the
//! terminal's rectangles.

use super::text::width_of;
use crate::app::{App, Hit, Layout, Pane, Viewport};
pub use crate::app::{MatrixSize, RowWidths};
use crate::briefing::Loaded;
use ratatui::layout::{Margin, Position, Rect};
use unicode_width::UnicodeWidthStr;

/// Below this the panes are replaced by a notice.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 10;
/// From this width on, the list and the detail always sit side by side; below it they do
/// only if the list's titles keep `TITLE_ROOM` columns.
const LANDSCAPE_WIDTH: u16 = 100;
/// What a title is cut to, at worst, before the detail moves under the list.
const TITLE_ROOM: usize = 30;
/// Neither half of a landscape split gets less.
const MIN_LIST_WIDTH: u16 = 28;
const MIN_DETAIL_WIDTH: u16 = 40;
/// What a list row takes besides its text: two borders, the change mark and its space,
/// and a column for the scrollbar.
const ROW_FRAME: usize = 5;
/// What a History pane's line wants: hash, date, author and subject.
const HISTORY_ROW: usize = 60;

/// The risk heat map's size, borders included.
pub const HEAT_WIDTH: u16 = 30;
pub const HEAT_HEIGHT: u16 = 7;
/// Inside the heat map: the row labels, then three cells, one a column of impact.
const HEAT_LABEL_WIDTH: u16 = 7;
const HEAT_CELL_WIDTH: u16 = 7;

/// The layout the app asks its questions of: this module's answers.
pub struct Screen;

/// The one layout there is, handed to every `App` that is made.
pub static SCREEN: Screen = Screen;

impl Layout for Screen {
    fn viewport(&self, app: &App) -> Viewport {
        viewport(app)
    }
    fn pane_viewport(&self, app: &App, pane: Pane) -> Viewport {
        pane_viewport(app, pane)
    }
    fn picker_viewport(&self, app: &App) -> Viewport {
        picker_viewport(app)
    }
    fn hit(&self, app: &App, column: u16, row: u16) -> Hit {
        hit(app, column, row)
    }
    fn fits(&self, width: u16, height: u16) -> bool {
        fits(width, height)
    }
    fn row_widths(&self, loaded: &Loaded, pane: Pane) -> RowWidths {
        row_widths(loaded, pane)
    }
    fn matrix_size(&self, loaded: &Loaded) -> MatrixSize {
        matrix_size(loaded)
    }
}

/// What a pane's rows want of the width, measured by the pane that draws them.
pub fn row_widths(loaded: &Loaded, pane: Pane) -> RowWidths {
    use super::{actors, questions, quotes, risks, timeline};
    match pane {
        Pane::Actors => actors::row_widths(loaded),
        Pane::Quotes => quotes::row_widths(loaded),
        Pane::Risks => risks::row_widths(loaded),
        Pane::Questions => questions::row_widths(loaded),
        Pane::Timeline => timeline::row_widths(loaded),
        // The matrix, the summary's page and the versions are sized otherwise.
        Pane::Summary | Pane::Stances | Pane::History => RowWidths::default(),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Regions {
    pub header: Rect,
    pub tabs: Rect,
    pub body: Rect,
    pub list: Option<Rect>,
    pub detail: Rect,
    /// The risks' likelihood × impact grid, on the Risks pane.
    pub heat: Option<Rect>,
    /// The detail is under the list rather than beside it.
    pub portrait: bool,
    pub banner: Option<Rect>,
    pub footer: Rect,
}

impl Regions {
    pub fn new(area: Rect, app: &App) -> Self {
        if app.showing_picker() {
            return Self::for_picker(area, app);
        }
        Self::for_pane(area, app, app.pane)
    }

    /// The picker lays out like a list pane: the briefings, and the selected one's card.
    pub fn for_picker(area: Rect, app: &App) -> Self {
        let picker = RowWidths {
            title: 40,
            ..RowWidths::default()
        };
        Self::with_rows(area, app, Pane::Actors, picker)
    }

    pub fn for_pane(area: Rect, app: &App, pane: Pane) -> Self {
        let widths = if pane == Pane::History {
            // A version's line: hash, date, author and subject.
            RowWidths {
                title: HISTORY_ROW,
                ..RowWidths::default()
            }
        } else {
            app.row_widths(pane)
        };
        Self::with_rows(area, app, pane, widths)
    }

    fn with_rows(area: Rect, app: &App, pane: Pane, widths: RowWidths) -> Self {
        // Fixed rows stacked by hand: ratatui's constraint solver is the costliest part
        // of a frame's layout, and none is needed here.
        let banner = app.error.is_some() && app.loaded.is_some();
        let mut rows = Rows::new(area);
        let header = rows.top(1);
        let tabs = rows.top(1);
        let footer = rows.bottom(1);
        let banner_area = rows.bottom(u16::from(banner));
        let body = rows.rest();
        let mut regions = Self {
            header,
            tabs,
            body,
            list: None,
            detail: body,
            heat: None,
            portrait: false,
            banner: banner.then_some(banner_area),
            footer,
        };
        // Until there are versions, the History pane is one page that says why.
        let versions = pane == Pane::History && !app.history.entries().is_empty();
        if pane.has_list() || versions || app.showing_picker() {
            regions.split(pane, widths, app);
        }
        regions
    }

    fn split(&mut self, pane: Pane, widths: RowWidths, app: &App) {
        let body = self.body;
        let heat = pane == Pane::Risks && !app.showing_picker();
        let wanted = if pane == Pane::Stances && !app.showing_picker() {
            matrix_width(app.matrix_size())
        } else {
            widths.total() + ROW_FRAME
        };
        let list_width = landscape_list_width(body.width, wanted);
        let title_room = usize::from(list_width)
            .saturating_sub(ROW_FRAME + widths.lead)
            .min(widths.title);
        let fits = if pane == Pane::Stances {
            usize::from(list_width) >= wanted
        } else {
            title_room >= widths.title.min(TITLE_ROOM)
        };
        // A version's changes read best at full width: the History pane stacks them
        // under its list until the screen is wide.
        let landscape = body.width >= LANDSCAPE_WIDTH
            || (body.width >= MIN_LIST_WIDTH + MIN_DETAIL_WIDTH && fits && pane != Pane::History);
        let (column, detail) = if landscape {
            let (left, right) = split_across(body, list_width);
            (left, right)
        } else {
            self.portrait = true;
            let top = match pane {
                // The matrix is the pane: it gets what it needs, up to most of the height.
                Pane::Stances => {
                    let rows = app.matrix_size().actors.saturating_add(4);
                    (rows.min(usize::from(body.height * 3 / 5)) as u16).max(3)
                }
                Pane::Risks => (body.height * 2 / 5).max(HEAT_HEIGHT),
                _ => (body.height * 2 / 5).max(3),
            };
            split_down(body, top.min(body.height))
        };
        self.detail = detail;
        if !heat {
            self.list = Some(column);
            return;
        }
        // The heat map goes beside the list when the list keeps room for its titles,
        // else above it.
        let beside = column.width >= HEAT_WIDTH + MIN_LIST_WIDTH + 18
            && column.height <= HEAT_HEIGHT + 6
            || self.portrait;
        if beside && column.width > HEAT_WIDTH {
            let (heat, list) = split_across(column, HEAT_WIDTH);
            self.heat = Some(Rect {
                height: heat.height.min(HEAT_HEIGHT),
                ..heat
            });
            self.list = Some(list);
        } else {
            let (heat, list) = split_down(column, HEAT_HEIGHT.min(column.height / 2));
            self.heat = Some(heat);
            self.list = Some(list);
        }
    }

    /// Rows of list items that fit inside the list's border.
    pub fn list_inner_height(&self) -> usize {
        self.list.map_or(0, |r| r.height.saturating_sub(2) as usize)
    }

    /// Lines of text that fit inside the detail's border.
    pub fn detail_inner_height(&self) -> usize {
        self.detail.height.saturating_sub(2) as usize
    }

    /// Columns of text inside the detail's border, less a column for the scrollbar and
    /// one of padding.
    pub fn detail_text_width(&self) -> usize {
        self.detail.width.saturating_sub(4) as usize
    }

    /// The rows of the list inside its border.
    pub fn list_rows(&self) -> Option<Rect> {
        self.list.map(|list| list.inner(Margin::new(1, 1)))
    }

    fn viewport(&self, app: &App) -> Viewport {
        let matrix = Matrix::new(self.list.unwrap_or_default(), app.matrix_size());
        Viewport {
            list_rows: self.list_inner_height(),
            detail_rows: self.detail_inner_height(),
            matrix_rows: matrix.rows,
            matrix_columns: matrix.columns,
        }
    }
}

impl App {
    /// The whole screen.
    pub fn area(&self) -> Rect {
        Rect::new(0, 0, self.width, self.height)
    }
}

/// What the screen shows of what has the focus now: the picker, or the current pane.
pub fn viewport(app: &App) -> Viewport {
    Regions::new(app.area(), app).viewport(app)
}

/// What the screen shows of a pane, were it the current one.
pub fn pane_viewport(app: &App, pane: Pane) -> Viewport {
    Regions::for_pane(app.area(), app, pane).viewport(app)
}

/// What the screen shows of the picker's list.
pub fn picker_viewport(app: &App) -> Viewport {
    Regions::for_picker(app.area(), app).viewport(app)
}

/// What is drawn at a point of the screen.
pub fn hit(app: &App, column: u16, row: u16) -> Hit {
    let area = app.area();
    let at = Position::new(column, row);
    let regions = Regions::new(area, app);
    if regions.tabs.contains(at) {
        return tabs(app, area.width)
            .into_iter()
            .find(|t| column >= t.x && column < t.x + t.width)
            .map_or(Hit::Tabs, |t| Hit::Tab(t.pane));
    }
    if let Some(heat) = regions.heat.map(Heat::new) {
        if let Some((row, column)) = heat.cell_at(at) {
            return Hit::HeatCell(row, column);
        }
        if heat.inner.contains(at) {
            return Hit::Heat;
        }
    }
    if let Some(list) = regions.list.filter(|list| list.contains(at)) {
        if app.pane == Pane::Stances && !app.showing_picker() {
            return Matrix::new(list, app.matrix_size())
                .cell_at(at)
                .map_or(Hit::List, |(row, column)| Hit::MatrixCell(row, column));
        }
        return regions
            .list_rows()
            .filter(|rows| rows.contains(at))
            .map_or(Hit::List, |rows| Hit::ListRow(usize::from(row - rows.y)));
    }
    if regions.detail.contains(at) {
        return Hit::Detail;
    }
    Hit::Nothing
}

/// How wide the list is when it sits beside the detail: what its rows want, up to a
/// share of the screen that grows with the screen (a half at 100 columns, about four
/// fifths at 200), so that a wide screen shows whole titles.
fn landscape_list_width(width: u16, wanted: usize) -> u16 {
    let growth = u32::from(width.clamp(LANDSCAPE_WIDTH, 2 * LANDSCAPE_WIDTH) - LANDSCAPE_WIDTH);
    let share_percent = 50 + growth * 28 / u32::from(LANDSCAPE_WIDTH);
    let most = (u32::from(width) * share_percent / 100) as u16;
    let most = most
        .min(width.saturating_sub(MIN_DETAIL_WIDTH))
        .max(MIN_LIST_WIDTH);
    (wanted.min(usize::from(u16::MAX)) as u16).clamp(MIN_LIST_WIDTH, most.max(MIN_LIST_WIDTH))
}

fn split_across(area: Rect, left_width: u16) -> (Rect, Rect) {
    let left_width = left_width.min(area.width);
    let left = Rect {
        width: left_width,
        ..area
    };
    let right = Rect {
        x: area.x + left_width,
        width: area.width - left_width,
        ..area
    };
    (left, right)
}

fn split_down(area: Rect, top_height: u16) -> (Rect, Rect) {
    let top_height = top_height.min(area.height);
    let top = Rect {
        height: top_height,
        ..area
    };
    let bottom = Rect {
        y: area.y + top_height,
        height: area.height - top_height,
        ..area
    };
    (top, bottom)
}

/// Cuts rows off the top and bottom of an area; never more than there is.
struct Rows {
    area: Rect,
}

impl Rows {
    fn new(area: Rect) -> Self {
        Self { area }
    }

    fn top(&mut self, height: u16) -> Rect {
        let height = height.min(self.area.height);
        let taken = Rect {
            height,
            ..self.area
        };
        self.area.y += height;
        self.area.height -= height;
        taken
    }

    fn bottom(&mut self, height: u16) -> Rect {
        let height = height.min(self.area.height);
        self.area.height -= height;
        Rect {
            y: self.area.y + self.area.height,
            height,
            ..self.area
        }
    }

    fn rest(self) -> Rect {
        self.area
    }
}

// The stance matrix.

pub fn matrix_size(loaded: &Loaded) -> MatrixSize {
    let b = &loaded.briefing;
    MatrixSize {
        actors: b.actors.len(),
        topics: b.topics.len(),
        actor_width: b
            .actors
            .iter()
            .map(|a| width_of(a.label()))
            .max()
            .unwrap_or(0),
        topic_width: b
            .topics
            .iter()
            .map(|t| width_of(&t.name))
            .max()
            .unwrap_or(0),
    }
}

/// The matrix's legend of signs, and its width.
pub const MATRIX_LEGEND_WIDTH: usize = 64;

/// The matrix's width with every topic shown and the legend whole, borders included.
fn matrix_width(size: MatrixSize) -> usize {
    let (actor, column) = matrix_columns(size, u16::MAX);
    (usize::from(actor) + usize::from(column) * size.topics).max(MATRIX_LEGEND_WIDTH) + 2
}

/// The frozen actor column's width and each topic column's, in a matrix `inner_width`
/// wide.
fn matrix_columns(size: MatrixSize, inner_width: u16) -> (u16, u16) {
    let actor = (size.actor_width + 1).clamp(8, 26) as u16;
    let actor = actor.min(inner_width / 2).max(6);
    let column = (size.topic_width + 2).clamp(7, 28) as u16;
    (actor, column)
}

/// Where the stance matrix puts things inside its border: a header row of topics, a row
/// an actor, and a legend at the bottom.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Matrix {
    pub inner: Rect,
    pub actor_width: u16,
    pub column_width: u16,
    /// Topic columns that fit beside the actor column.
    pub columns: usize,
    /// Actor rows that fit between the header and the legend.
    pub rows: usize,
}

impl Matrix {
    pub fn new(list: Rect, size: MatrixSize) -> Self {
        let inner = list.inner(Margin::new(1, 1));
        let (actor_width, column_width) = matrix_columns(size, inner.width);
        // Narrower columns, down to a readable header, rather than a topic out of sight.
        let room = inner.width.saturating_sub(actor_width);
        let shared = room / (size.topics.max(1).min(usize::from(u16::MAX)) as u16);
        let column_width = column_width.min(shared).max(7);
        let columns = usize::from(room / column_width).max(1);
        let rows = usize::from(inner.height.saturating_sub(2)).max(1);
        Self {
            inner,
            actor_width,
            column_width,
            columns,
            rows,
        }
    }

    /// The (row, column) of the cell at a point, counted on screen from the first shown.
    pub fn cell_at(&self, at: Position) -> Option<(usize, usize)> {
        if !self.inner.contains(at) || at.y == self.inner.y {
            return None;
        }
        let row = usize::from(at.y - self.inner.y - 1);
        let x = at.x - self.inner.x;
        if row >= self.rows || x < self.actor_width {
            return None;
        }
        let column = usize::from((x - self.actor_width) / self.column_width);
        (column < self.columns).then_some((row, column))
    }
}

// The risk heat map.

/// Where the heat map puts its cells: likelihood down (high at the top), impact across
/// (low at the left).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Heat {
    pub inner: Rect,
}

impl Heat {
    pub const LABEL_WIDTH: u16 = HEAT_LABEL_WIDTH;
    pub const CELL_WIDTH: u16 = HEAT_CELL_WIDTH;
    /// Rows above the cells: the axis names, the impact levels.
    pub const HEADER_ROWS: u16 = 2;

    pub fn new(area: Rect) -> Self {
        Self {
            inner: area.inner(Margin::new(1, 1)),
        }
    }

    /// The cell a point is in, as (row from the top, column from the left).
    pub fn cell_at(&self, at: Position) -> Option<(usize, usize)> {
        if !self.inner.contains(at) {
            return None;
        }
        let y = at.y - self.inner.y;
        let x = at.x - self.inner.x;
        if y < Self::HEADER_ROWS || x < Self::LABEL_WIDTH {
            return None;
        }
        let row = usize::from(y - Self::HEADER_ROWS);
        let column = usize::from((x - Self::LABEL_WIDTH) / Self::CELL_WIDTH);
        (row < 3 && column < 3).then_some((row, column))
    }
}

/// One tab of the tab bar: its digit, its name, and the columns it covers.
pub struct Tab {
    pub pane: Pane,
    pub key: String,
    pub name: String,
    pub x: u16,
    pub width: u16,
}

/// The tab bar at a width: " 1 Summary " per tab; a little narrower, the same without
/// the space after each name (the eight names fit in 80 columns); narrower, three letters
/// a name; narrower still, only the digits, with the current pane's name in full. Drawing
/// and mouse clicks both read it, so a click lands on the tab it is drawn on.
pub fn tabs(app: &App, width: u16) -> Vec<Tab> {
    let width = usize::from(width);
    let names: usize = Pane::ALL.iter().map(|p| p.title().width()).sum();
    let roomy = names + 4 * Pane::ALL.len() <= width;
    let snug = names + 3 * Pane::ALL.len() <= width;
    let three_letters: usize = Pane::ALL
        .iter()
        .map(|p| {
            if *p == app.pane {
                p.title().width() + 4
            } else {
                7
            }
        })
        .sum();
    let mut x = 0u16;
    Pane::ALL
        .iter()
        .enumerate()
        .map(|(n, &pane)| {
            let name: String = if roomy || snug || pane == app.pane {
                pane.title().to_owned()
            } else if three_letters <= width {
                pane.title().chars().take(3).collect()
            } else {
                String::new()
            };
            let key = format!(" {}", n + 1);
            let name = if snug && !roomy {
                format!(" {name}")
            } else {
                format!(" {name} ")
            };
            let tab_width = (key.width() + name.width()) as u16;
            let tab = Tab {
                pane,
                key,
                name,
                x,
                width: tab_width,
            };
            x = x.saturating_add(tab_width);
            tab
        })
        .collect()
}

pub fn too_small(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

/// Whether a screen this size shows the panes (rather than a notice that it is too small).
pub fn fits(width: u16, height: u16) -> bool {
    !too_small(Rect::new(0, 0, width, height))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_tab_is_named_in_full_at_80_columns_and_fits_at_any_width() {
        let app = App::new(
            crate::app::Origin::Bundled,
            crate::briefing::load_bundled(),
            &SCREEN,
        );
        let named = |width: u16| -> Vec<String> {
            tabs(&app, width)
                .iter()
                .map(|t| t.name.trim().to_owned())
                .collect()
        };
        let full: Vec<String> = Pane::ALL.iter().map(|p| p.title().to_owned()).collect();
        assert_eq!(named(80), full);
        assert_eq!(named(120), full);
        assert_eq!(
            named(70)[1],
            "Act",
            "three letters when the names do not fit"
        );
        assert_eq!(named(70)[0], "Summary", "the current pane in full");
        for width in 40..=200 {
            let bar = tabs(&app, width);
            let last = bar.last().unwrap();
            assert!(
                last.x + last.width <= width,
                "the tab bar fits in {width} columns"
            );
        }
    }

    #[test]
    fn the_list_share_grows_with_the_screen() {
        let wants_everything = 1000;
        let at_100 = landscape_list_width(100, wants_everything);
        let at_200 = landscape_list_width(200, wants_everything);
        assert_eq!(at_100, 50);
        assert!(at_200 >= 150, "{at_200}");
        assert!(200 - at_200 >= MIN_DETAIL_WIDTH);
        assert_eq!(
            landscape_list_width(200, 40),
            40,
            "no more than the rows want"
        );
    }
}
