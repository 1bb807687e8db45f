//! Windows drawn over the panes: the key help and the list of problems.

use super::text::{Doc, draw_lines, pad};
use super::theme::Theme;
use super::widgets::block;
use crate::app::Mode;
use crate::app::{App, Overlay, plural};
use crate::keymap::{BINDINGS, Keys, Section};
use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Clear;

/// Where the overlay goes, its title and its text.
fn contents(
    area: Rect,
    (app, keys): (&App, &Keys),
    overlay: &Overlay,
    theme: &Theme,
) -> (Rect, &'static str, Doc) {
    let width = area.width.saturating_sub(4).min(96);
    let height = area.height.saturating_sub(2);
    let [popup] = Layout::horizontal([Constraint::Length(width)])
        .flex(Flex::Center)
        .areas(area);
    let [popup] = Layout::vertical([Constraint::Length(height)])
        .flex(Flex::Center)
        .areas(popup);
    let inner_width = popup.width.saturating_sub(4) as usize;
    match overlay {
        Overlay::Help { .. } => (
            popup,
            " Keys — Esc or ? closes ",
            help(keys, app.mode_behind_overlay(), inner_width, theme),
        ),
        Overlay::Problems { .. } => (
            popup,
            " Problems — Esc closes ",
            problems(app, inner_width, theme),
        ),
    }
}

/// Draws the overlay; returns how far it scrolls.
pub fn draw(
    frame: &mut Frame,
    area: Rect,
    (app, keys): (&App, &Keys),
    overlay: &Overlay,
    theme: &Theme,
) -> usize {
    let (popup, title, doc) = contents(area, (app, keys), overlay, theme);
    let (Overlay::Help { scroll } | Overlay::Problems { scroll }) = *overlay;
    let inner_height = popup.height.saturating_sub(2) as usize;
    let max_scroll = doc.lines.len().saturating_sub(inner_height);
    let scroll = scroll.min(max_scroll);

    let mut frame_block = block(title.to_owned(), true, theme).border_style(theme.overlay_border);
    if scroll < max_scroll {
        let below = super::widgets::more_below(doc.lines.len() - inner_height - scroll);
        frame_block = frame_block.title_bottom(
            Line::styled(format!("{below}· j/k PgDn scroll "), theme.more).right_aligned(),
        );
    }
    if scroll > 0 {
        frame_block = frame_block
            .title_top(Line::styled(format!(" ↑ {scroll} "), theme.more).right_aligned());
    }
    frame.render_widget(Clear, popup);
    frame.buffer_mut().set_style(popup, theme.base);
    let inner = frame_block.inner(popup).inner(Margin::new(1, 0));
    frame.render_widget(frame_block, popup);
    let lines: Vec<Line> = doc
        .lines
        .into_iter()
        .skip(scroll)
        .take(inner_height)
        .collect();
    draw_lines(frame, inner, lines);
    max_scroll
}

/// The key help. The keys of `current`, the mode the panes are in, come first: they are
/// the ones the analyst opened the help to find.
fn help(keys: &Keys, current: Mode, width: usize, theme: &Theme) -> Doc {
    let mut doc = Doc::new(width, theme);
    let key_width = 16;
    let others = Mode::ALL[1..].iter().filter(|&&mode| mode != current);
    let groups = (current != Mode::Browse)
        .then_some((current, None))
        .into_iter()
        .chain(
            Section::ALL
                .into_iter()
                .map(|section| (Mode::Browse, Some(section))),
        )
        .chain(others.map(|&mode| (mode, None)));
    for (mode, section) in groups {
        {
            let bindings: Vec<_> = BINDINGS
                .iter()
                .filter(|b| b.mode == mode && section.is_none_or(|s| b.section == s))
                .collect();
            if bindings.is_empty() {
                continue;
            }
            let title = match section {
                Some(section) => section.title().to_owned(),
                None => mode.title().to_owned(),
            };
            doc.heading(&title);
            for binding in bindings {
                let keys = keys
                    .of(binding)
                    .iter()
                    .map(|k| k.label())
                    .collect::<Vec<_>>()
                    .join(" ");
                doc.hanging(
                    vec![Span::styled(pad(&keys, key_width), theme.footer_key)],
                    key_width,
                    binding.help,
                    theme.text,
                );
            }
        }
    }
    doc
}

fn problems(app: &App, width: usize, theme: &Theme) -> Doc {
    let mut doc = Doc::new(width, theme);
    let path = app.origin_label();
    let (diagnostics, source) = match (&app.error, &app.loaded) {
        (Some(error), _) => (error.diagnostics.as_slice(), error.source.as_deref()),
        (None, Some(loaded)) => (loaded.warnings.as_slice(), app.source.as_deref()),
        (None, None) => (&[][..], None),
    };
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = diagnostics.len() - errors;
    doc.para(
        &format!(
            "{} and {} in {path}",
            plural(errors, "error"),
            plural(warnings, "warning")
        ),
        theme.title,
    );
    if app.error.is_some() && app.loaded.is_some() {
        doc.para(
            "The last good version stays on screen until the file is fixed.",
            theme.dim,
        );
    }
    for diagnostic in diagnostics {
        doc.blank();
        super::diagnostic_lines(&mut doc, &path, diagnostic, source, theme);
    }
    doc
}
