//! Pane 7: the dated events, in the briefing's order.

use super::source_line;
use super::text::{Doc, fit_line, pad};
use super::theme::Theme;
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
        Span::raw(" "),
        Span::styled(
            fit_line(&event.event, width.saturating_sub(date_width + 1)),
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
