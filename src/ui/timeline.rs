//! Pane 7: the dated events, in the briefing's order.

use super::source_line;
use super::text::{Doc, fit, pad};
use super::theme::THEME;
use crate::briefing::Loaded;
use ratatui::text::{Line, Span};

pub fn row(loaded: &Loaded, item: usize, width: usize) -> Line<'static> {
    let event = &loaded.briefing.timeline[item];
    let date_width = (width / 3).clamp(6, 18);
    Line::from(vec![
        Span::styled(pad(&event.date, date_width), THEME.date),
        Span::raw(" "),
        Span::styled(
            fit(
                &event.event.replace('\n', " "),
                width.saturating_sub(date_width + 1),
            ),
            THEME.text,
        ),
    ])
}

pub fn detail(loaded: &Loaded, item: usize, doc: &mut Doc) {
    let event = &loaded.briefing.timeline[item];
    doc.para(&event.date, THEME.date);
    doc.blank();
    doc.para(&event.event, THEME.text);
    if let Some(source) = &event.source {
        doc.heading("Source");
        source_line(doc, loaded, source);
    }
}
