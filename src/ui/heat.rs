//! The risks' heat map: likelihood rising upward, impact rightward, the number of risks in each
//! cell in the colour of its severity. A cell can filter the list beside it.

use super::text::{draw_lines, pad};
use super::theme::{self, Theme};
use super::widgets::block;
use crate::app::{App, Focus, LEVELS_ACROSS, LEVELS_DOWN};
use crate::briefing::{Loaded, Severity, Vocabulary};
use crate::ui::layout::Heat;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

/// How many risks fall in each cell, by (row, column) as the map shows them.
pub fn counts(loaded: &Loaded) -> [[usize; 3]; 3] {
    let mut counts = [[0; 3]; 3];
    for risk in &loaded.briefing.risks {
        let (row, column) = App::heat_cell(risk.likelihood, risk.impact);
        counts[row][column] += 1;
    }
    counts
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App, loaded: &Loaded, theme: &Theme) {
    let focused = app.focus == Focus::Grid;
    let title = if app.heat_filter.is_some() {
        " Heat map · filtering "
    } else {
        " Heat map "
    };
    frame.render_widget(block(title.to_owned(), focused, theme), area);
    let heat = Heat::new(area);
    let label = usize::from(Heat::LABEL_WIDTH);
    let cell = usize::from(Heat::CELL_WIDTH);
    let counts = counts(loaded);
    let mut lines = vec![Line::from(vec![
        Span::styled("likelihood ↑", theme.label),
        Span::styled("   impact →", theme.label),
    ])];
    let mut levels = vec![Span::styled(pad("", label), theme.label)];
    for level in LEVELS_ACROSS {
        levels.push(Span::styled(pad(level.word(), cell), theme.dim));
    }
    lines.push(Line::from(levels));
    for (row, likelihood) in LEVELS_DOWN.into_iter().enumerate() {
        let mut spans = vec![Span::styled(pad(likelihood.word(), label), theme.dim)];
        for (column, impact) in LEVELS_ACROSS.into_iter().enumerate() {
            let count = counts[row][column];
            let severity = Severity::from_score(likelihood.weight() * impact.weight());
            let mut style = theme.heat_cell(severity, count == 0);
            let text = if count == 0 {
                format!("  {}  ", theme::MISSING_SIGN)
            } else {
                format!(" {count:>2}  ")
            };
            if app.heat_filter == Some((row, column)) {
                style = style.patch(theme::heat_filter());
            }
            if focused && app.heat_cursor == (row, column) {
                style = style.patch(theme.cell_cursor(true));
            }
            let marker = if app.heat_filter == Some((row, column)) {
                "◂"
            } else {
                " "
            };
            spans.push(Span::styled(text, style));
            spans.push(Span::styled(pad(marker, cell - 5), theme.more));
        }
        lines.push(Line::from(spans));
    }
    draw_lines(frame, heat.inner, lines);
}

/// The footer's word for a heat map key in the state the map is in: Enter filters, or
/// shows all on the cell already filtered; Esc clears a filter, and without one it only
/// goes back to the list, which `m` already says.
pub fn footer_word(app: &App, name: &str, word: &'static str) -> Option<&'static str> {
    match name {
        "grid_pick_cell" if app.cursor_cell_is_filter() => Some("show all"),
        "grid_clear" if app.heat_filter.is_none() => None,
        "grid_clear" => Some("show all"),
        _ => Some(word),
    }
}
