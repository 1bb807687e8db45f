//! What the panes share: the block around a list or a detail, the selected row's
//! highlight and the scrollbar, and the lines one item's detail shows of another (an
//! actor, a quote, a source, a position). One place, so that every pane draws them
//! alike.

use super::text::{Doc, pad};
use super::theme::{self, Theme};
use crate::briefing::{Loaded, Quote};
use ratatui::Frame;
use ratatui::layout::{Margin, Rect};
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Scrollbar, ScrollbarOrientation, ScrollbarState};
use unicode_width::UnicodeWidthStr;

// Frames.

/// The border around a list, a detail or an overlay: thick and bright when it has the
/// focus.
pub fn block(title: String, focused: bool, theme: &Theme) -> Block<'static> {
    let (border, title_style) = if focused {
        (theme.border_focused, theme.block_title_focused)
    } else {
        (theme.border, theme.block_title)
    };
    Block::bordered()
        .border_type(if focused {
            BorderType::Thick
        } else {
            BorderType::Rounded
        })
        .border_style(border)
        .title(Span::styled(title, title_style))
}

/// The selected row: padded to the full width and restyled, keeping each span's colour
/// unless the selection style sets its own.
pub fn highlight(line: Line<'static>, width: usize, style: Style) -> Line<'static> {
    highlight_after(line, 0, width, style)
}

/// The selected row, its first `label` columns left as drawn where they have a colour of
/// their own: a row's label (a risk's severity bar) says something in its colour that
/// the selection's colour or reverse video would wipe.
pub fn highlight_after(
    line: Line<'static>,
    label: usize,
    width: usize,
    style: Style,
) -> Line<'static> {
    let used: usize = line.spans.iter().map(|s| s.content.width()).sum();
    let mut column = 0;
    let mut spans: Vec<Span<'static>> = line
        .spans
        .into_iter()
        .map(|s| {
            let in_label = column < label && s.style.fg.is_some_and(|fg| fg != Color::Reset);
            column += s.content.width();
            if in_label {
                return s;
            }
            let merged = s.style.patch(style);
            Span::styled(s.content, merged)
        })
        .collect();
    spans.push(Span::styled(pad("", width.saturating_sub(used)), style));
    Line::from(spans)
}

/// A scrollbar on the right border of `area`, over `total` rows of which `viewport` show.
pub fn draw_scrollbar(
    frame: &mut Frame,
    area: Rect,
    total: usize,
    viewport: usize,
    offset: usize,
    theme: &Theme,
) {
    let mut state = ScrollbarState::new(total.saturating_sub(viewport))
        .position(offset)
        .viewport_content_length(viewport);
    let bar = Scrollbar::new(ScrollbarOrientation::VerticalRight)
        .begin_symbol(None)
        .end_symbol(None)
        .thumb_style(theme.border_focused)
        .track_style(theme.border);
    frame.render_stateful_widget(bar, area.inner(Margin::new(0, 1)), &mut state);
}

/// The sign on a bottom border that there is more text below.
pub fn more_below(lines: usize) -> String {
    let noun = if lines == 1 { "line" } else { "lines" };
    format!(" ↓ {lines} more {noun} ")
}

// Lines of a detail.

/// A line led by a position's sign and word in its colour (`+ supports  text`).
pub fn position_bullet(
    doc: &mut Doc,
    position: crate::briefing::Position,
    text: &str,
    style: Style,
    theme: &Theme,
) {
    use crate::briefing::Vocabulary;
    let marker = format!("{} {:<9} ", theme::position_sign(position), position.word());
    doc.bullet(&marker, theme.position(position), text, style);
}

/// A quote in another item's detail: the words in quotation marks, then who said them.
pub fn quote_line(doc: &mut Doc, quote: &Quote, theme: &Theme) {
    doc.bullet(
        "• ",
        theme.dim,
        &format!("“{}” — {}", quote.text, quote.speaker),
        theme.quote,
    );
}

/// An actor's name as a link to the actor, or as text if the id names no actor.
pub fn actor_link(doc: &mut Doc, loaded: &Loaded, id: &str, theme: &Theme) {
    let name = loaded.actor_name(id).to_owned();
    if loaded.index.actor_by_id.contains_key(id) {
        doc.link(|doc| doc.bullet("• ", theme.dim, &name, theme.speaker));
    } else {
        doc.bullet("• ", theme.dim, &name, theme.text);
    }
}

/// A source by its id: outlet and title, then its address and note; the id itself if it
/// names no source.
pub fn source_line(doc: &mut Doc, loaded: &Loaded, id: &str, theme: &Theme) {
    match loaded.index.source_by_id.get(id) {
        Some(&s) => {
            let source = &loaded.briefing.sources[s];
            doc.para(&format!("{} — {}", source.outlet, source.title), theme.text);
            if let Some(url) = &source.url {
                doc.para(url, theme.link);
            }
            if let Some(note) = &source.note {
                doc.para(note, theme.dim);
            }
        }
        None => doc.para(id, theme.text),
    }
}

/// A headed list of strings, left out when there are none.
pub fn list_section(doc: &mut Doc, title: &str, items: &[String], theme: &Theme) {
    if items.is_empty() {
        return;
    }
    doc.heading(title);
    for item in items {
        if doc.is_cut() {
            return;
        }
        doc.bullet("• ", theme.dim, item, theme.text);
    }
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
