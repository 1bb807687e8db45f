//! Pane 8: the briefing's versions in git, and the selected one's changes in judgments
//! against the version before it, by section.

use super::list;
use super::text::{fit, wrap};
use super::theme::THEME;
use crate::app::{App, Versions, plural};
use crate::briefing::diff::{BriefingDiff, ChangeKind};
use crate::briefing::sanitize::clean_line;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let history = &app.history;
    let entries = history.entries();
    let message = match &history.versions {
        Versions::Waiting => Some("Reading history…".to_owned()),
        Versions::Reading(n) => Some(format!("Reading history… {}", plural(*n, "commit"))),
        Versions::Unavailable(why) => Some(why.clone()),
        Versions::Read(_) => None,
    };
    if let Some(message) = message {
        let block = list::block(" History ".into(), true);
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let lines: Vec<Line> = wrap(&message, inner.width as usize)
            .into_iter()
            .map(|l| Line::styled(l, THEME.dim))
            .collect();
        frame.render_widget(Paragraph::new(lines), inner);
        return;
    }
    let [list_area, detail_area] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(area);
    let block = list::block(
        format!(" History · {} ", plural(entries.len(), "version")),
        true,
    );
    let inner = block.inner(list_area);
    frame.render_widget(block, list_area);
    let width = inner.width as usize;
    let mut lines = Vec::new();
    for (i, entry) in entries
        .iter()
        .enumerate()
        .skip(history.offset)
        .take((inner.height as usize).div_ceil(2))
    {
        let selected = i == history.selected;
        let head = format!(
            "{} {} {}  {}",
            entry.short,
            entry.date,
            clean_line(&entry.author),
            clean_line(&entry.subject)
        );
        let head = Line::from(vec![Span::styled(fit(&head, width), THEME.text)]);
        let summary = Line::styled(
            fit(&format!("  {}", clean_line(&entry.summary)), width),
            THEME.dim,
        );
        if selected {
            lines.push(list::highlight(head, width, THEME.selected));
            lines.push(list::highlight(summary, width, THEME.selected));
        } else {
            lines.push(head);
            lines.push(summary);
        }
    }
    frame.render_widget(Paragraph::new(lines), inner);

    let title = history
        .selected_entry()
        .map_or(" Changes ".to_owned(), |e| {
            format!(" Changes in {} ", e.short)
        });
    let block = list::block(title, false);
    let inner = block.inner(detail_area);
    frame.render_widget(block, detail_area);
    let lines = match &history.diff {
        Some((index, diff)) if *index == history.selected => diff_lines(diff, inner.width as usize),
        _ => vec![Line::styled("Reading this version…", THEME.dim)],
    };
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The changes, grouped by section in the order the diff found them.
fn diff_lines(diff: &BriefingDiff, width: usize) -> Vec<Line<'static>> {
    if diff.is_empty() {
        return vec![Line::styled("No change in judgments", THEME.dim)];
    }
    let mut lines = Vec::new();
    let mut section = None;
    for change in &diff.changes {
        if section != Some(change.section) {
            if section.is_some() {
                lines.push(Line::raw(""));
            }
            section = Some(change.section);
            lines.push(Line::styled(
                change.section.heading().to_owned(),
                THEME.heading,
            ));
        }
        let title = clean_line(&change.title);
        match &change.kind {
            ChangeKind::Added { text } => lines.push(Line::styled(
                fit(&format!("+ {title}: {}", clean_line(text)), width),
                THEME.added,
            )),
            ChangeKind::Removed { text } => lines.push(Line::styled(
                fit(&format!("\u{2212} {title}: {}", clean_line(text)), width),
                THEME.error_text,
            )),
            ChangeKind::Edited { fields } => {
                lines.push(Line::styled(
                    fit(&format!("~ {title}"), width),
                    THEME.changed,
                ));
                for field in fields.iter().filter(|f| !f.is_derived()) {
                    let said = format!(
                        "    {}: {} \u{2192} {}",
                        field.field,
                        clean_line(&field.before.show()),
                        clean_line(&field.after.show())
                    );
                    for line in wrap(&said, width) {
                        lines.push(Line::styled(line, THEME.text));
                    }
                }
            }
        }
    }
    lines
}
