//! The list half of a pane and the detail half beside it. Only the rows on screen are
//! built, so a list of 10,000 quotes costs what a list of ten does.

use super::text::{draw_lines, fit_spans, write_lines};
use super::theme::Theme;
use super::widgets::{block, draw_scrollbar, highlight_after, more_below};
use crate::app::Mark;
use crate::app::{App, Focus, Pane};
use ratatui::Frame;
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::{Margin, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use rustc_hash::FxHashMap;

/// Rows drawn in earlier frames, as the cells they fill, by everything a row's look
/// depends on. A key that moves the selection changes two rows of a screenful; the others
/// are copied from here, cell for cell, rather than laid out and written again.
/// FxHash: every row on screen is looked up every frame, and the keys are small numbers.
#[derive(Default)]
pub struct RowCache {
    generation: u64,
    rows: FxHashMap<RowKey, Row>,
}

/// A row's cells that are not blank, by column.
type Row = Vec<(u16, Cell)>;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct RowKey {
    pane: Pane,
    item: usize,
    /// What else the row shows that depends on its neighbours (see `draw_list`).
    context: usize,
    width: usize,
    selected: bool,
    focused: bool,
    mark: Option<Mark>,
    /// Which search marks its matches (see `App::search_generation`), 0 for none.
    search: u64,
}

impl RowCache {
    /// Enough for every pane's screenful at a few sizes; past it, start again. A row
    /// takes 56 bytes a written cell: under 7 KiB at 120 columns.
    const MAX_ROWS: usize = 1024;

    /// Empties the cache if its rows come from another briefing, or are too many.
    fn for_briefing(&mut self, generation: u64) -> &mut FxHashMap<RowKey, Row> {
        if self.generation != generation || self.rows.len() > Self::MAX_ROWS {
            self.rows.clear();
            self.generation = generation;
        }
        &mut self.rows
    }
}

/// Draws the visible rows of `pane`'s list. `row(position, item, width)` renders the
/// item at a position in the list into a line of the given width; `context(position,
/// item, width)` is whatever else that line depends on (the row above it, a column
/// width), so that rows drawn before are taken from `cache`.
pub fn draw_list(
    frame: &mut Frame,
    area: Rect,
    (app, cache, theme): (&App, &mut RowCache, &Theme),
    pane: Pane,
    noun: &str,
    context: impl Fn(usize, usize, usize) -> usize,
    row: impl Fn(usize, usize, usize) -> Line<'static>,
) {
    let rows = app.rows(pane);
    let state = app.state(pane);
    let focused = app.focus == Focus::List;
    let position = if rows.is_empty() {
        String::new()
    } else {
        format!(" {}/{}", state.selected + 1, rows.len())
    };
    let filter = if app.search.is_active() {
        format!(" ⌕ {}", app.search.query)
    } else {
        String::new()
    };
    let title = super::text::fit(
        &format!(" {}{position}{filter} ", pane.title()),
        area.width.saturating_sub(4) as usize,
    );
    let block = block(title, focused, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.width == 0 || inner.height == 0 {
        return;
    }
    if rows.is_empty() {
        let message = if pane == Pane::Risks && app.heat_filter.is_some() {
            "No risks in this cell of the heat map. Esc clears the filter.".to_owned()
        } else if app.search.is_active() {
            format!(
                "No {noun}s match “{}”. Esc clears the search.",
                app.search.query
            )
        } else {
            format!("This briefing has no {noun}s.")
        };
        let lines: Vec<Line> = super::text::wrap(&message, inner.width as usize)
            .into_iter()
            .map(|l| Line::styled(l, theme.dim))
            .collect();
        draw_lines(frame, inner, lines);
        return;
    }
    let height = inner.height as usize;
    let scrollbar = rows.len() > height;
    let width = inner.width.saturating_sub(u16::from(scrollbar)) as usize;
    let text_width = width.saturating_sub(2);
    // The mark and its space, then the severity label: a selected risk keeps its colour.
    let label = match (pane, app.loaded.as_ref()) {
        (Pane::Risks, Some(loaded)) => 2 + super::layout::row_widths(loaded, pane).lead,
        _ => 0,
    };
    let cached = cache.for_briefing(app.generation());
    let visible = rows.iter().enumerate().skip(state.offset).take(height);
    let keys: Vec<RowKey> = visible
        .map(|(position, &item)| {
            let mark = app
                .changes
                .as_ref()
                .zip(app.loaded.as_ref())
                .and_then(|(changes, loaded)| changes.mark(pane, &pane.item_id(loaded, item)));
            let key = RowKey {
                pane,
                item,
                context: context(position, item, text_width),
                width,
                selected: position == state.selected,
                focused,
                mark,
                search: app.search_generation(),
            };
            cached.entry(key).or_insert_with(|| {
                let (sign, sign_style) = mark_sign(mark, theme);
                let mut spans = vec![Span::styled(sign, sign_style), Span::raw(" ")];
                let line = row(position, item, text_width);
                let line =
                    super::text::mark_matches(line, &app.search.needle, theme.search_match());
                spans.extend(line.spans);
                let line = fit_spans(spans, width);
                let line = if key.selected {
                    let style = if focused {
                        theme.selected
                    } else {
                        theme.selected_unfocused
                    };
                    highlight_after(line, label, width, style)
                } else {
                    line
                };
                row_cells(&line, width, theme)
            });
            key
        })
        .collect();
    let buffer = frame.buffer_mut();
    for (y, key) in (inner.y..).zip(&keys) {
        let start = buffer.index_of(inner.x, y);
        let cells = &cached[key];
        for (x, cached) in cells {
            let cell = &mut buffer.content[start + usize::from(*x)];
            cell.set_symbol(cached.symbol()).set_style(cached.style());
        }
    }
    if scrollbar {
        draw_scrollbar(frame, area, rows.len(), height, state.offset, theme);
    }
}

/// The cells a row of `width` columns fills with `line`, by column; blank cells are left
/// out, as `draw_lines` leaves them unwritten.
fn row_cells(line: &Line, width: usize, theme: &Theme) -> Row {
    let area = Rect::new(0, 0, width as u16, 1);
    let mut row = Buffer::empty(area);
    // A theme with a background of its own paints it under the row's text too.
    if theme.base != Style::new() {
        row.set_style(area, theme.base);
    }
    write_lines(&mut row, area, [line]);
    (0..)
        .zip(row.content)
        .filter(|(_, cell)| *cell != Cell::EMPTY)
        .collect()
}

/// Draws the detail block: `lines` from `scroll` on, with a scrollbar and a sign at the
/// bottom edge when there is more below. `cut` says the lines stop where the screen
/// does (see `Doc::with_limit`): there is more, but how much is not known.
pub fn draw_detail(
    frame: &mut Frame,
    area: Rect,
    title: String,
    lines: Vec<Line<'static>>,
    (scroll, focused, cut): (usize, bool, bool),
    theme: &Theme,
) {
    let inner_height = area.height.saturating_sub(2) as usize;
    let max_scroll = lines.len().saturating_sub(inner_height);
    let scroll = scroll.min(max_scroll);
    let mut block = block(title, focused, theme);
    if cut {
        block = block.title_bottom(Line::styled(" ↓ more below ", theme.more).right_aligned());
    } else if scroll < max_scroll {
        let below = lines.len() - inner_height - scroll;
        block = block.title_bottom(Line::styled(more_below(below), theme.more).right_aligned());
    }
    if scroll > 0 {
        block = block.title_top(Line::styled(format!(" ↑ {scroll} "), theme.more).right_aligned());
    }
    let inner = block.inner(area).inner(Margin::new(1, 0));
    frame.render_widget(block, area);
    let visible: Vec<Line> = lines.into_iter().skip(scroll).take(inner_height).collect();
    draw_lines(frame, inner, visible);
    // A detail laid out only as far as the screen has no length to show in a scrollbar.
    if max_scroll > 0 && !cut {
        draw_scrollbar(
            frame,
            area,
            max_scroll + inner_height,
            inner_height,
            scroll,
            theme,
        );
    }
}

/// The sign in front of a row that the latest reload added or changed.
fn mark_sign(mark: Option<Mark>, theme: &Theme) -> (&'static str, Style) {
    match mark {
        Some(Mark::Added) => ("+", theme.added),
        Some(Mark::Changed) => ("•", theme.changed),
        None => (" ", theme.text),
    }
}
