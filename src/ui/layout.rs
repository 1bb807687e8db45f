//! Where everything goes on screen: a pure function of the window size and the app's
//! state, shared by drawing and by `update` (which needs page heights).

use crate::app::{App, Pane};
use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

/// Below this the panes are replaced by a notice.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 10;
/// From this width on, the list and the detail sit side by side.
const SIDE_BY_SIDE_WIDTH: u16 = 70;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Regions {
    pub header: Rect,
    pub tabs: Rect,
    pub body: Rect,
    pub list: Option<Rect>,
    pub detail: Rect,
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
        Self::for_pane(area, app, Pane::Actors)
    }

    pub fn for_pane(area: Rect, app: &App, pane: Pane) -> Self {
        // Fixed rows stacked by hand: ratatui's constraint solver is the costliest part
        // of a frame's layout, and none is needed here.
        let banner = app.error.is_some() && app.loaded.is_some();
        let mut rows = Rows::new(area);
        let header = rows.top(1);
        let tabs = rows.top(1);
        let footer = rows.bottom(1);
        let banner_area = rows.bottom(u16::from(banner));
        let body = rows.rest();
        let (list, detail) = if pane.has_list() {
            let (list, detail) = split_body(body);
            (Some(list), detail)
        } else {
            (None, body)
        };
        Self {
            header,
            tabs,
            body,
            list,
            detail,
            banner: banner.then_some(banner_area),
            footer,
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
}

fn split_body(body: Rect) -> (Rect, Rect) {
    if body.width >= SIDE_BY_SIDE_WIDTH {
        let list_width = (body.width * 2 / 5).clamp(28, 56).min(body.width);
        let list = Rect {
            width: list_width,
            ..body
        };
        let detail = Rect {
            x: body.x + list_width,
            width: body.width - list_width,
            ..body
        };
        (list, detail)
    } else {
        let list_height = (body.height * 2 / 5).max(3).min(body.height);
        let list = Rect {
            height: list_height,
            ..body
        };
        let detail = Rect {
            y: body.y + list_height,
            height: body.height - list_height,
            ..body
        };
        (list, detail)
    }
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

/// One tab of the tab bar: its digit, its name, and the columns it covers.
pub struct Tab {
    pub pane: Pane,
    pub key: String,
    pub name: String,
    pub x: u16,
    pub width: u16,
}

/// The tab bar at a width: " 1 Summary " per tab; narrower, three letters a name;
/// narrower still, only the digits, with the current pane's name in full. Drawing and
/// mouse clicks both read it, so a click lands on the tab it is drawn on.
pub fn tabs(app: &App, width: u16) -> Vec<Tab> {
    let width = usize::from(width);
    let full: usize = Pane::ALL.iter().map(|p| p.title().width() + 4).sum();
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
            let name: String = if full <= width || pane == app.pane {
                pane.title().to_owned()
            } else if three_letters <= width {
                pane.title().chars().take(3).collect()
            } else {
                String::new()
            };
            let key = format!(" {}", n + 1);
            let name = format!(" {name} ");
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
