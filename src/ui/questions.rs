//! Pane 5: the open questions, why each matters, who it concerns and what to watch.

use super::actors::list_section;
use super::text::{Doc, fit_line};
use super::theme::THEME;
use crate::briefing::Loaded;
use ratatui::text::{Line, Span};

pub fn row(loaded: &Loaded, item: usize, width: usize) -> Line<'static> {
    let question = &loaded.briefing.questions[item];
    let number = format!("Q{:<3}", item + 1);
    Line::from(vec![
        Span::styled(number, THEME.count),
        Span::styled(
            fit_line(&question.question, width.saturating_sub(4)),
            THEME.text,
        ),
    ])
}

pub fn detail(loaded: &Loaded, item: usize, doc: &mut Doc) {
    let question = &loaded.briefing.questions[item];
    doc.bullet(
        &format!("Q{} ", item + 1),
        THEME.count,
        &question.question,
        THEME.title,
    );
    doc.heading("Why it matters");
    doc.para(&question.why, THEME.text);
    super::risks::actors_section(doc, loaded, &question.actors);
    list_section(doc, "Signposts to watch", &question.watch);
    doc.blank();
    doc.line(vec![Span::styled(
        format!("id: {}", question.id),
        THEME.dim,
    )]);
}
