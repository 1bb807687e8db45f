//! The list of briefings in a directory (`brief DIR`), each with its title, date and
//! counts, or its first error.

use super::list::draw_detail;
use super::text::{Doc, draw_lines, fit, fit_spans, pad};
use super::theme::Theme;
use super::widgets::{block, highlight};
use crate::app::Picker;
use crate::words::{file_size, plural};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn draw(frame: &mut Frame, list_area: Rect, detail_area: Rect, picker: &Picker, theme: &Theme) {
    let title = fit(
        &format!(
            " Briefings in {} ({}) ",
            picker.dir.display(),
            picker.entries.len()
        ),
        list_area.width.saturating_sub(4) as usize,
    );
    let list_block = block(crate::briefing::sanitize::clean_line(&title), true, theme);
    let inner = list_block.inner(list_area);
    frame.render_widget(list_block, list_area);
    if picker.entries.is_empty() {
        let message = "No briefings (*.yaml, *.yml) here yet; brief shows them as they appear.";
        frame.render_widget(
            Paragraph::new(Line::styled(fit(message, inner.width as usize), theme.dim)),
            inner,
        );
    }
    let width = inner.width as usize;
    let lines: Vec<Line> = picker
        .entries
        .iter()
        .enumerate()
        .skip(picker.offset)
        .take(inner.height as usize)
        .map(|(n, entry)| {
            let line = row(entry, width, theme);
            if n == picker.selected {
                highlight(line, width, theme.selected)
            } else {
                line
            }
        })
        .collect();
    draw_lines(frame, inner, lines);
    let mut doc = Doc::new(detail_area.width.saturating_sub(4) as usize, theme);
    if let Some(entry) = picker.entries.get(picker.selected) {
        card(&mut doc, entry, theme);
    }
    draw_detail(
        frame,
        detail_area,
        " Briefing — Enter opens ".to_owned(),
        doc.lines,
        (0, false, false),
        theme,
    );
}

fn row(entry: &crate::briefing::catalog::Entry, width: usize, theme: &Theme) -> Line<'static> {
    match &entry.summary {
        Some(Ok(summary)) => {
            let date = summary.as_of.clone().unwrap_or_default();
            let title_width = width.saturating_sub(date.len() + 4);
            fit_spans(
                vec![
                    Span::styled("  ", theme.text),
                    Span::styled(pad(&summary.title, title_width), theme.text),
                    Span::raw(" "),
                    Span::styled(date, theme.date),
                ],
                width,
            )
        }
        Some(Err(_)) => fit_spans(
            vec![
                Span::styled("✗ ", theme.error_text),
                Span::styled(entry.file_name.clone(), theme.error_text),
                Span::styled("  cannot be loaded", theme.dim),
            ],
            width,
        ),
        None => {
            let size = file_size(entry.size);
            let name_width = width.saturating_sub(size.len() + 4);
            fit_spans(
                vec![
                    Span::styled("  ", theme.text),
                    Span::styled(pad(&entry.file_name, name_width), theme.text),
                    Span::raw(" "),
                    Span::styled(size, theme.dim),
                ],
                width,
            )
        }
    }
}

fn card(doc: &mut Doc, entry: &crate::briefing::catalog::Entry, theme: &Theme) {
    match &entry.summary {
        Some(Ok(summary)) => {
            doc.para(&summary.title, theme.title);
            if let Some(date) = &summary.as_of {
                doc.para(&format!("as of {date}"), theme.date);
            }
            doc.para(&entry.file_name, theme.dim);
            doc.blank();
            doc.para(
                &format!(
                    "{} · {} · {} · {}",
                    plural(summary.actors, "actor"),
                    plural(summary.quotes, "quote"),
                    plural(summary.risks, "risk"),
                    plural(summary.questions, "question")
                ),
                theme.count,
            );
            if summary.warnings > 0 {
                doc.para(&plural(summary.warnings, "warning"), theme.warning_text);
            }
            if !summary.bluf.is_empty() {
                doc.heading("Bottom line");
                doc.para(&summary.bluf, theme.text);
            }
        }
        Some(Err(error)) => {
            doc.para(&entry.file_name, theme.title);
            doc.blank();
            doc.para(error, theme.error_text);
            doc.blank();
            doc.para("Enter opens it anyway: the problems are listed and brief waits for the fix. e edits it.", theme.dim);
        }
        None => {
            doc.para(&entry.file_name, theme.title);
            doc.para(&file_size(entry.size), theme.dim);
            doc.blank();
            doc.para("Reading… (Enter opens it now)", theme.dim);
        }
    }
}
