//! Pane 8: the briefing's versions in git, and the selected one's changes in judgments
//! against the version before it, by section.

use super::text::{Doc, fit, fit_spans, wrap};
use super::theme::Theme;
use super::{list, widgets};
use crate::app::{App, Drawn, Focus, Pane, ROWS_PER_VERSION, Versions, plural};
use crate::briefing::report::Tone;
use crate::briefing::sanitize::clean_line;
use crate::history::Entry;
use crate::ui::layout::Regions;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

pub fn draw(frame: &mut Frame, regions: &Regions, app: &App, drawn: &mut Drawn, theme: &Theme) {
    let history = &app.history;
    let message = match &history.versions {
        Versions::Waiting => Some("Reading the history in git…".to_owned()),
        Versions::Reading(n) => Some(format!(
            "Reading the history in git… {} so far",
            plural(*n, "commit")
        )),
        Versions::Unavailable(why) => Some(why.clone()),
        Versions::Read(_) => None,
    };
    if let Some(message) = message {
        let block = widgets::block(" History ".into(), true, theme);
        let inner = block
            .inner(regions.body)
            .inner(ratatui::layout::Margin::new(1, 0));
        frame.render_widget(block, regions.body);
        let lines: Vec<Line> = wrap(&message, inner.width as usize)
            .into_iter()
            .map(|l| Line::styled(l, theme.dim))
            .collect();
        super::text::draw_lines(frame, inner, lines);
        drawn.scroll_max = Some(0);
        return;
    }
    draw_versions(frame, regions.list.unwrap_or_default(), app, theme);
    draw_changes(frame, regions, app, drawn, theme);
}

fn draw_versions(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let history = &app.history;
    let entries = history.entries();
    let focused = app.focus == Focus::List;
    let reading = if history.refreshing {
        " · reading…"
    } else {
        ""
    };
    let title = fit(
        &format!(
            " History {}/{}{reading} ",
            history.selected + 1,
            entries.len()
        ),
        area.width.saturating_sub(4) as usize,
    );
    let block = widgets::block(title, focused, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let height = inner.height as usize;
    let shown = (height / ROWS_PER_VERSION).max(1);
    let scrollbar = entries.len() > shown;
    let width = inner.width.saturating_sub(u16::from(scrollbar)) as usize;
    let mut lines = Vec::with_capacity(height);
    for (i, entry) in entries.iter().enumerate().skip(history.offset).take(shown) {
        let [head, summary] = rows(app, entry, width.saturating_sub(1), theme);
        if i == history.selected {
            let style = if focused {
                theme.selected
            } else {
                theme.selected_unfocused
            };
            lines.push(widgets::highlight(head, width, style));
            lines.push(widgets::highlight(summary, width, style));
        } else {
            lines.push(head);
            lines.push(summary);
        }
    }
    super::text::draw_lines(frame, inner, lines);
    if scrollbar {
        widgets::draw_scrollbar(
            frame,
            area,
            entries.len() * ROWS_PER_VERSION,
            shown * ROWS_PER_VERSION,
            history.offset * ROWS_PER_VERSION,
            theme,
        );
    }
}

/// A version's two lines: its commit (the version compared with is marked), then what
/// it changed in judgments.
fn rows(app: &App, entry: &Entry, width: usize, theme: &Theme) -> [Line<'static>; 2] {
    let sign = if app.is_compared_with(entry) {
        Span::styled("\u{25c6}", theme.changed)
    } else {
        Span::raw(" ")
    };
    let head = if entry.blob.is_none() {
        vec![
            sign,
            Span::styled("working copy", theme.diff_changed),
            Span::styled("  not committed yet", theme.dim),
        ]
    } else {
        vec![
            sign,
            Span::styled(entry.short.clone(), theme.diff_changed),
            Span::styled(format!(" {} ", entry.date), theme.dim),
            Span::styled(clean_line(&entry.author), theme.speaker),
            Span::raw("  "),
            Span::styled(clean_line(&entry.subject), theme.text),
        ]
    };
    let summary_style =
        if entry.summary.contains("does not parse") || entry.summary.contains(": not read") {
            theme.error_text
        } else {
            theme.dim
        };
    let summary = vec![Span::styled(
        format!("   {}", clean_line(&entry.summary)),
        summary_style,
    )];
    [fit_spans(head, width), fit_spans(summary, width)]
}

fn draw_changes(frame: &mut Frame, regions: &Regions, app: &App, drawn: &mut Drawn, theme: &Theme) {
    let history = &app.history;
    let focused = app.focus == Focus::Detail;
    let Some(entry) = history.selected_entry() else {
        return;
    };
    let title = match entry.blob {
        Some(_) => format!(" Changes in {} ", entry.short),
        None => " Changes not committed yet ".to_owned(),
    };
    let height = regions.detail_inner_height();
    let scroll = app.state(Pane::History).detail_scroll;
    // A first version's changes are the whole briefing: lay out what the screen shows.
    let mut doc = Doc::with_limit(
        regions.detail_text_width(),
        scroll.saturating_add(height + 1),
        theme,
    );
    match entry.blob {
        Some(_) => {
            doc.line(vec![
                Span::styled(entry.short.clone(), theme.diff_changed),
                Span::styled(format!(" · {} · ", entry.date), theme.dim),
                Span::styled(clean_line(&entry.author), theme.speaker),
            ]);
            doc.para(&clean_line(&entry.subject), theme.title);
        }
        None => doc.para("The working copy, against HEAD", theme.title),
    }
    doc.blank();
    match history.selected_diff() {
        None => doc.para("Reading this version…", theme.dim),
        Some(Err(why)) => doc.para(why, theme.error_text),
        Some(Ok(lines)) if lines.is_empty() => doc.para("No change in judgments.", theme.dim),
        Some(Ok(lines)) => {
            if entry.previous.is_none() {
                doc.para("The first version: everything in it is new.", theme.dim);
                doc.blank();
            }
            for line in lines {
                if doc.is_cut() {
                    break;
                }
                let mut runs: Vec<(String, ratatui::style::Style)> = Vec::new();
                for (n, run) in line.runs.iter().enumerate() {
                    runs.push((clean_line(&run.text), theme.tone(run.tone)));
                    // Words struck out and the words put in their place, a space apart.
                    let next = line.runs.get(n + 1).map(|r| r.tone);
                    if run.tone == Tone::WordRemoved && next == Some(Tone::WordAdded) {
                        runs.push((" ".to_owned(), theme.text));
                    }
                }
                if runs.is_empty() {
                    doc.blank();
                } else {
                    doc.runs(line.indent, 2, &runs);
                }
            }
        }
    }
    if entry.blob.is_some() && history.selected_diff().is_some() {
        doc.para(
            &format!(
                "c: every pane marks what changed since {} (c or Esc again: since the last reload)",
                entry.short
            ),
            theme.dim,
        );
    }
    let cut = doc.is_cut();
    let max_scroll = doc.lines.len().saturating_sub(height);
    if !cut {
        drawn.detail_max = Some(max_scroll);
        if focused {
            drawn.scroll_max = Some(max_scroll);
        }
    }
    let needle = &app.search.needle;
    let lines = doc
        .lines
        .into_iter()
        .map(|line| super::text::mark_matches(line, needle, theme.search_match()))
        .collect();
    list::draw_detail(
        frame,
        regions.detail,
        title,
        lines,
        (scroll, focused, cut),
        theme,
    );
}
