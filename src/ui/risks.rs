//! Pane 4: risks, most severe first, each with its severity in colour and in words.

use super::actor_link;
use super::actors::list_section;
use super::text::{Doc, fit};
use super::theme::{self, Theme};
use crate::briefing::{Loaded, Vocabulary};
use ratatui::text::{Line, Span};

pub fn row(loaded: &Loaded, item: usize, width: usize, theme: &Theme) -> Line<'static> {
    let risk = &loaded.briefing.risks[item];
    let severity = risk.severity();
    let label = format!("{} {:<8} ", theme::severity_bar(severity), severity.word());
    let rest = width.saturating_sub(14);
    Line::from(vec![
        Span::styled(label, theme.severity(severity)),
        Span::styled(fit(&risk.title, rest), theme.text),
    ])
}

pub fn detail(loaded: &Loaded, item: usize, doc: &mut Doc, theme: &Theme) {
    let risk = &loaded.briefing.risks[item];
    let severity = risk.severity();
    doc.para(&risk.title, theme.title);
    doc.blank();
    doc.line(vec![
        Span::styled("Severity    ", theme.label),
        Span::styled(
            format!("{} {}", theme::severity_bar(severity), severity.word()),
            theme.severity(severity),
        ),
        Span::styled(format!("  (score {} of 9)", risk.score()), theme.dim),
    ]);
    doc.line(vec![
        Span::styled("Likelihood  ", theme.label),
        Span::styled(
            risk.likelihood.word().to_owned(),
            level_style(risk.likelihood, theme),
        ),
        Span::styled("   Impact  ", theme.label),
        Span::styled(
            risk.impact.word().to_owned(),
            level_style(risk.impact, theme),
        ),
    ]);
    doc.heading("Description");
    doc.para(&risk.description, theme.text);
    actors_section(doc, loaded, &risk.actors, theme);
    list_section(doc, "Indicators to watch", &risk.indicators, theme);
    doc.blank();
    doc.line(vec![Span::styled(format!("id: {}", risk.id), theme.dim)]);
}

fn level_style(level: crate::briefing::Level, theme: &Theme) -> ratatui::style::Style {
    use crate::briefing::{Level, Severity};
    theme.severity(match level {
        Level::Low => Severity::Low,
        Level::Medium => Severity::Moderate,
        Level::High => Severity::Critical,
    })
}

/// The actors an item involves, each a link to its actor.
pub fn actors_section(doc: &mut Doc, loaded: &Loaded, actors: &[String], theme: &Theme) {
    doc.heading("Actors");
    if actors.is_empty() {
        doc.para("—", theme.dim);
    }
    for id in actors {
        actor_link(doc, loaded, id, theme);
    }
}
