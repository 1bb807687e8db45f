//! Pane 5: the open questions, why each matters, who it concerns and what to watch.

use super::text::width_of;
use super::text::{Doc, fit_line};
use super::theme::Theme;
use super::widgets::{actors_section, list_section};
use crate::app::RowWidths;
use crate::briefing::Loaded;
use ratatui::text::{Line, Span};

/// A row's number before the question: "Q" and the number padded to 3.
const ROW_LEAD: usize = 4;

/// What `row` wants of the width: the number and the question.
pub fn row_widths(loaded: &Loaded) -> RowWidths {
    let questions = &loaded.briefing.questions;
    RowWidths {
        lead: ROW_LEAD,
        title: questions
            .iter()
            .map(|q| width_of(&q.question))
            .max()
            .unwrap_or(0),
        secondary: 0,
    }
}

pub fn row(loaded: &Loaded, item: usize, width: usize, theme: &Theme) -> Line<'static> {
    let question = &loaded.briefing.questions[item];
    let number = format!("Q{:<digits$}", item + 1, digits = ROW_LEAD - 1);
    Line::from(vec![
        Span::styled(number, theme.count),
        Span::styled(
            fit_line(&question.question, width.saturating_sub(ROW_LEAD)),
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
    actors_section(doc, loaded, &question.actors, theme);
    list_section(doc, "Signposts to watch", &question.watch, theme);
    doc.blank();
    doc.line(vec![Span::styled(
        format!("id: {}", question.id),
        theme.dim,
    )]);
}
