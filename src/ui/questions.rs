//! Pane 5: the open questions, why each matters, who it concerns and what to watch.

use super::actors::list_section;
use super::text::{Doc, fit_line};
use super::theme::Theme;
use crate::briefing::Loaded;
use ratatui::text::{Line, Span};

pub fn row(loaded: &Loaded, item: usize, width: usize, theme: &Theme) -> Line<'static> {
    let question = &loaded.briefing.questions[item];
    let number = format!("Q{:<3}", item + 1);
    Line::from(vec![
        Span::styled(number, theme.count),
        Span::styled(
            fit_line(&question.question, width.saturating_sub(4)),
            theme.text,
        ),
    ])
}

pub fn detail(loaded: &Loaded, item: usize, doc: &mut Doc, theme: &Theme) {
    let question = &loaded.briefing.questions[item];
    doc.bullet(
        &format!("Q{} ", item + 1),
        theme.count,
        &question.question,
        theme.title,
    );
    doc.heading("Why it matters");
    doc.para(&question.why, theme.text);
    super::risks::actors_section(doc, loaded, &question.actors, theme);
    list_section(doc, "Signposts to watch", &question.watch, theme);
    doc.blank();
    doc.line(vec![Span::styled(
        format!("id: {}", question.id),
        theme.dim,
    )]);
}
