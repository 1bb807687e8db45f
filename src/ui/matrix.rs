//! Pane 6: the stance matrix. Actors down (their column stays put), topics across, each
//! cell the actor's position on the topic as a sign in its colour; a cursor on one cell,
//! whose stance the detail shows.

use super::text::{draw_lines, fit, pad};
use super::theme::{self, Theme};
use super::widgets::block;
use crate::app::{App, Focus, Pane, plural};
use crate::briefing::{Loaded, Position, Vocabulary};
use crate::ui::layout::Matrix;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, loaded: &Loaded, theme: &Theme) {
    let b = &loaded.briefing;
    let state = app.state(Pane::Stances);
    let focused = app.focus == Focus::List;
    let matrix = Matrix::new(area, app.matrix_size());
    let topics = b.topics.len();
    let shown_topics = state.column_offset..(state.column_offset + matrix.columns).min(topics);
    let shown_actors = state.offset..(state.offset + matrix.rows).min(b.actors.len());
    let mut title = format!(
        " Stances {}/{} · {}",
        (state.selected + 1).min(b.actors.len()),
        plural(b.actors.len(), "actor"),
        plural(topics, "topic")
    );
    if app.search.is_active() {
        title.push_str(&format!(
            " · {} match ⌕ {}",
            app.rows(Pane::Stances).len(),
            app.search.query
        ));
    }
    title.push(' ');
    let mut frame_block = block(
        fit(&title, area.width.saturating_sub(4) as usize),
        focused,
        theme,
    );
    let hidden_left = shown_topics.start;
    let hidden_right = topics - shown_topics.end;
    if hidden_left + hidden_right > 0 {
        frame_block = frame_block.title_bottom(
            Line::styled(
                format!(" ← {hidden_left} · {hidden_right} → more topics "),
                theme.more,
            )
            .right_aligned(),
        );
    }
    frame.render_widget(frame_block, area);
    if matrix.inner.width == 0 || matrix.inner.height == 0 {
        return;
    }
    if b.actors.is_empty() || topics == 0 {
        let message = "This briefing has no stances: it needs actors and topics.";
        draw_lines(frame, matrix.inner, [Line::styled(message, theme.dim)]);
        return;
    }
    let actor_width = usize::from(matrix.actor_width);
    let column_width = usize::from(matrix.column_width);
    let mut lines = Vec::with_capacity(matrix.rows + 2);

    let mut header = vec![Span::styled(pad("", actor_width), theme.dim)];
    for t in shown_topics.clone() {
        let name = fit(&b.topics[t].name, column_width - 1);
        header.push(Span::styled(
            pad(&name, column_width),
            theme.matrix_header(t == state.column),
        ));
    }
    lines.push(Line::from(header));

    let needle = &app.search.needle;
    // Every cell of a width is one of six signs: each laid out once a frame.
    let signs: Vec<(&str, String)> = Position::ALL
        .iter()
        .map(|&p| theme::position_sign(p))
        .chain([theme::MISSING_SIGN])
        .map(|sign| (sign, centred(sign, column_width)))
        .collect();
    let cell_of = |sign: &str| {
        signs
            .iter()
            .find(|(s, _)| *s == sign)
            .map_or_else(String::new, |(_, cell)| cell.clone())
    };
    let mut row_stances = vec![None; shown_topics.len()];
    for a in shown_actors.clone() {
        // The actor's stances on the topics shown, from its few stances.
        row_stances.iter_mut().for_each(|s| *s = None);
        for &s in &loaded.index.stances_by_actor[a] {
            if let Some(&t) = loaded.index.topic_by_id.get(&b.stances[s].topic)
                && shown_topics.contains(&t)
            {
                row_stances[t - shown_topics.start] = Some(s);
            }
        }
        let actor = &b.actors[a];
        let name_style = if a == state.selected {
            theme.speaker.patch(theme.matrix_header(true))
        } else {
            theme.speaker
        };
        let mut spans = vec![Span::styled(
            pad(&fit(actor.label(), actor_width - 1), actor_width),
            name_style,
        )];
        for t in shown_topics.clone() {
            let stance = row_stances[t - shown_topics.start];
            let (sign, mut style) = match stance {
                Some(s) => {
                    let position = b.stances[s].position;
                    (theme::position_sign(position), theme.position(position))
                }
                None => (theme::MISSING_SIGN, theme.missing()),
            };
            if !needle.is_empty()
                && stance.is_some_and(|s| Pane::Stances.item_matches(loaded, s, needle))
            {
                style = style.patch(theme.search_match());
            }
            let cell = cell_of(sign);
            if a == state.selected && t == state.column {
                style = style.patch(theme.cell_cursor(focused));
            }
            spans.push(Span::styled(cell, style));
        }
        lines.push(Line::from(spans));
    }
    // The legend under the last row, or at the bottom when the rows fill the matrix.
    lines.truncate(matrix.rows + 1);
    if lines.len() < matrix.rows + 1 {
        lines.push(Line::default());
    }
    lines.push(legend(matrix.inner.width as usize, theme));
    draw_lines(frame, matrix.inner, lines);
}

/// A sign in the middle of a cell; the cell's last column stays blank between cells.
fn centred(sign: &str, width: usize) -> String {
    let before = (width.saturating_sub(1)) / 2;
    pad(&format!("{}{sign}", " ".repeat(before)), width)
}

/// What each sign means, as wide as there is room for.
fn legend(width: usize, theme: &Theme) -> Line<'static> {
    let mut spans = Vec::new();
    for &position in Position::ALL {
        spans.push(Span::styled(
            theme::position_sign(position),
            theme.position(position),
        ));
        spans.push(Span::styled(format!(" {}  ", position.word()), theme.dim));
    }
    spans.push(Span::styled(theme::MISSING_SIGN, theme.missing()));
    spans.push(Span::styled(" missing", theme.dim));
    super::text::fit_spans(spans, width)
}
