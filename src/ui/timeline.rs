//! Pane 7: the dated events, in the briefing's order.

use super::text::width_of;
use super::text::{Doc, fit_line, pad};
use super::theme::Theme;
use super::widgets::source_line;
use crate::app::RowWidths;
use crate::briefing::Loaded;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

/// Rows looked at to size the date column: enough for any screen, bounded for a
/// timeline of thousands.
const DATE_SAMPLE: usize = 200;

/// The date column's width: the widest date among the first rows, at most half the row.
pub fn date_width(loaded: &Loaded, rows: &[usize], width: usize) -> usize {
    rows.iter()
        .take(DATE_SAMPLE)
        .map(|&i| loaded.briefing.timeline[i].date.width())
        .max()
        .unwrap_or(0)
        .clamp(4, (width / 2).max(4))
}

/// Columns between the date and the event.
const DATE_GAP: usize = 1;

/// What `row` wants of the width: the dates, the gap (and a column to spare, as the list
/// has always been sized), and the events.
pub fn row_widths(loaded: &Loaded) -> RowWidths {
    let timeline = &loaded.briefing.timeline;
    RowWidths {
        lead: timeline
            .iter()
            .map(|e| width_of(&e.date))
            .max()
            .unwrap_or(0)
            + DATE_GAP
            + 1,
        title: timeline
            .iter()
            .map(|e| width_of(&e.event))
            .max()
            .unwrap_or(0),
        secondary: 0,
    }
}

pub fn row(
    loaded: &Loaded,
    item: usize,
    width: usize,
    date_width: usize,
    theme: &Theme,
) -> Line<'static> {
    let event = &loaded.briefing.timeline[item];

    Line::from(vec![
        Span::styled(pad(&event.date, date_width), theme.date),
        Span::raw(" ".repeat(DATE_GAP)),
        Span::styled(
            fit_line(&event.event, width.saturating_sub(date_width + DATE_GAP)),
            theme.text,
        ),
    ])
}

pub fn detail(loaded: &Loaded, item: usize, doc: &mut Doc, theme: &Theme) {
    let event = &loaded.briefing.timeline[item];
    doc.para(&event.date, theme.date);
    doc.blank();
    doc.para(&event.event, theme.text);
    if let Some(source) = &event.source {
        doc.heading("Source");
        source_line(doc, loaded, source, theme);
    }
}
