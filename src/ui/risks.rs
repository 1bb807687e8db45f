//! Pane 4: risks, most severe first, each with its severity in colour and in words.

use super::text::width_of;
use super::text::{Doc, fit};
use super::theme::{self, Theme};
use super::widgets::{actors_section, list_section};
use crate::app::RowWidths;
use crate::briefing::{Loaded, Vocabulary};
use ratatui::text::{Line, Span};

/// A row's severity label before the title: the four-cell bar, the word padded to the
/// longest ("critical"), a space after each.
const SEVERITY_WORD: usize = 8;
const ROW_LEAD: usize = 4 + 1 + SEVERITY_WORD + 1;

/// What `row` wants of the width: the severity label and the title.
pub fn row_widths(loaded: &Loaded) -> RowWidths {
    let risks = &loaded.briefing.risks;
    RowWidths {
        lead: ROW_LEAD,
        title: risks.iter().map(|r| width_of(&r.title)).max().unwrap_or(0),
        secondary: 0,
    }
}

pub fn row(loaded: &Loaded, item: usize, width: usize, theme: &Theme) -> Line<'static> {
    let risk = &loaded.briefing.risks[item];
    let severity = risk.severity();
    let label = format!(
        "{} {:<SEVERITY_WORD$} ",
        theme::severity_bar(severity),
        severity.word()
    );
    let rest = width.saturating_sub(ROW_LEAD);
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
