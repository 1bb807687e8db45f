//! Drawing: pure functions from `&App` to a frame. Nothing here changes the app.

mod actors;
pub mod layout;
mod list;
mod overlay;
mod picker;
mod questions;
mod quotes;
mod risks;
mod stances;
mod summary;
pub mod text;
pub mod theme;
mod timeline;

use crate::app::{App, Focus, Pane, plural};
use crate::briefing::{Loaded, Quote};
use crate::keymap::{self, Mode};
use layout::Regions;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use text::{Doc, fit, fit_spans};
use theme::THEME;
use unicode_width::UnicodeWidthStr;

/// What drawing keeps from one frame to the next to draw the next one faster: it
/// changes nothing that is drawn. The runtime owns one and passes it to every frame.
#[derive(Default)]
pub struct Cache {
    rows: list::RowCache,
}

/// Draws the whole screen for `app`.
pub fn draw(frame: &mut Frame, app: &App, cache: &mut Cache) {
    let area = frame.area();
    // Only a theme with colours of its own paints the screen first.
    if THEME.base != ratatui::style::Style::new() {
        frame.buffer_mut().set_style(area, THEME.base);
    }
    if layout::too_small(area) {
        draw_too_small(frame, area);
        return;
    }
    let regions = Regions::new(area, app);
    draw_header(frame, regions.header, app);
    draw_tabs(frame, regions.tabs, app);
    if let Some(picker) = app.picker.as_ref().filter(|p| p.showing) {
        picker::draw(
            frame,
            regions.list.unwrap_or_default(),
            regions.detail,
            picker,
        );
    } else {
        match &app.loaded {
            Some(loaded) => draw_pane(frame, &regions, (app, cache), loaded),
            None => draw_error_screen(frame, regions.body, app),
        }
    }
    if let Some(banner) = regions.banner {
        draw_banner(frame, banner, app);
    }
    draw_footer(frame, regions.footer, app);
    if let Some(overlay) = &app.overlay {
        overlay::draw(frame, area, app, overlay);
    }
}

fn draw_too_small(frame: &mut Frame, area: Rect) {
    let message = format!(
        "Window too small ({}x{}). brief needs at least {}x{}.",
        area.width,
        area.height,
        layout::MIN_WIDTH,
        layout::MIN_HEIGHT
    );
    let lines: Vec<Line> = text::wrap(&message, area.width as usize)
        .into_iter()
        .map(|l| Line::styled(l, THEME.warning_text))
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
}

fn draw_header(frame: &mut Frame, area: Rect, app: &App) {
    let width = area.width as usize;
    let origin = match &app.origin {
        crate::app::Origin::Bundled => "bundled".to_owned(),
        crate::app::Origin::File(path) | crate::app::Origin::Directory(path) => {
            path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            )
        }
    };
    let origin = text::fit(&crate::briefing::sanitize::clean_line(&origin), width / 4);
    let mut left = vec![Span::styled(" brief ", THEME.app_name), Span::raw(" ")];
    match &app.loaded {
        Some(loaded) => {
            left.push(Span::styled(loaded.briefing.title.clone(), THEME.title));
            if let Some(date) = &loaded.briefing.as_of {
                left.push(Span::styled(format!(" · as of {date}"), THEME.date));
            }
        }
        None => left.push(Span::styled("no briefing loaded", THEME.error_text)),
    }
    if app.showing_picker() {
        left.truncate(2);
        left.push(Span::styled("Choose a briefing", THEME.title));
    }

    // What the latest reload changed stays in the header until the next one.
    let changes = app
        .changes
        .as_ref()
        .filter(|c| !c.is_empty() && !app.showing_picker())
        .map(|c| text::fit(&format!("⟳ {} ", c.describe()), width / 3))
        .unwrap_or_default();
    let right_width = changes.width() + origin.width() + 1;
    let left = fit_spans(left, width.saturating_sub(right_width + 1));
    let gap = width.saturating_sub(left.width() + right_width);
    let mut spans = left.spans;
    spans.push(Span::raw(" ".repeat(gap)));
    spans.push(Span::styled(changes, THEME.changed));
    spans.push(Span::styled(format!("{origin} "), THEME.origin));

    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn draw_tabs(frame: &mut Frame, area: Rect, app: &App) {
    let mut spans = Vec::new();
    for tab in layout::tabs(app, area.width) {
        let (key_style, name_style) = if tab.pane == app.pane {
            (THEME.tab_active, THEME.tab_active)
        } else {
            (THEME.tab_key, THEME.tab)
        };
        spans.push(Span::styled(tab.key, key_style));
        spans.push(Span::styled(tab.name, name_style));
    }
    frame.render_widget(Paragraph::new(fit_spans(spans, area.width as usize)), area);
}

fn draw_pane(
    frame: &mut Frame,
    regions: &Regions,
    (app, cache): (&App, &mut Cache),
    loaded: &Loaded,
) {
    let pane = app.pane;
    if pane == Pane::Summary {
        draw_summary(frame, regions.body, app, loaded);
        return;
    }
    let list_area = regions.list.unwrap_or_default();
    let noun = match pane {
        Pane::Actors => "actor",
        Pane::Quotes => "quote",
        Pane::Risks => "risk",
        Pane::Questions => "question",
        Pane::Stances => "stance",
        Pane::Timeline => "timeline event",
        Pane::Summary => "item",
    };
    // Every row of a frame has the same width, so the date column is sized once.
    let date_column = std::cell::OnceCell::new();
    let date_width =
        |width| *date_column.get_or_init(|| timeline::date_width(loaded, app.rows(pane), width));
    // The row above, if it is on screen: the first row shown has none, so that a scrolled
    // stance list still names the actor at its top.
    let offset = app.state(pane).offset;
    let previous = |position: usize| (position > offset).then(|| app.rows(pane)[position - 1]);
    list::draw_list(
        frame,
        list_area,
        (app, &mut cache.rows),
        pane,
        noun,
        |position, _, width| match pane {
            Pane::Stances => previous(position).map_or(0, |p| p + 1),
            Pane::Timeline => date_width(width),
            _ => 0,
        },
        |position, item, width| match pane {
            Pane::Actors => actors::row(loaded, item, width),
            Pane::Quotes => quotes::row(loaded, item, width),
            Pane::Risks => risks::row(loaded, item, width),
            Pane::Questions => questions::row(loaded, item, width),
            Pane::Stances => stances::row(loaded, previous(position), item, width),
            Pane::Timeline | Pane::Summary => timeline::row(loaded, item, width, date_width(width)),
        },
    );
    let focused = app.focus == Focus::Detail;
    let title = format!(" {} ", detail_title(pane));
    let scroll = app.state(pane).detail_scroll;
    // What is on screen and one line more, to know whether there is more: a key costs
    // what the screen shows, not what the item holds. (Counting the lines below would
    // mean laying them all out.)
    let limit = scroll + regions.detail_inner_height() + 1;
    let doc = detail_lines(app, regions.detail_text_width(), limit);
    let cut = doc.as_ref().is_some_and(Doc::is_cut);
    let lines = doc.map(|d| d.lines).unwrap_or_default();
    list::draw_detail(frame, regions.detail, title, lines, scroll, focused, cut);
}

fn detail_title(pane: Pane) -> &'static str {
    match pane {
        Pane::Actors => "Actor",
        Pane::Quotes => "Quote",
        Pane::Risks => "Risk",
        Pane::Questions => "Question",
        Pane::Stances => "Stance",
        Pane::Timeline => "Event",
        Pane::Summary => "Summary",
    }
}

/// The selected item's detail, wrapped to `width`, laid out no further than `limit`
/// lines.
fn detail_lines(app: &App, width: usize, limit: usize) -> Option<Doc> {
    let loaded = app.loaded.as_ref()?;
    let item = app.selected_item(app.pane)?;
    let mut doc = Doc::with_limit(width, limit);
    match app.pane {
        Pane::Actors => actors::detail(loaded, item, &mut doc),
        Pane::Quotes => quotes::detail(loaded, item, &mut doc),
        Pane::Risks => risks::detail(loaded, item, &mut doc),
        Pane::Questions => questions::detail(loaded, item, &mut doc),
        Pane::Stances => stances::detail(loaded, item, &mut doc),
        Pane::Timeline => timeline::detail(loaded, item, &mut doc),
        Pane::Summary => return None,
    }
    Some(doc)
}

fn draw_summary(frame: &mut Frame, area: Rect, app: &App, loaded: &Loaded) {
    let block = list::block(format!(" {} ", Pane::Summary.title()), true);
    let inner = block.inner(area);
    let height = inner.height as usize;
    // Only what is on screen (and one line more, to know there is more) is laid out.
    let wanted = app.state(Pane::Summary).detail_scroll + height + 1;
    let columns = summary::columns(loaded, summary_width(area), wanted);
    let cut = columns.iter().any(Doc::is_cut);
    let scroll = app
        .state(Pane::Summary)
        .detail_scroll
        .min(summary_max_scroll(&columns, height));
    let tallest = columns.iter().map(|d| d.lines.len()).max().unwrap_or(0);
    let mut block = block;
    if cut {
        block = block.title_bottom(Line::styled(" ↓ more below ", THEME.more).right_aligned());
    } else if scroll + height < tallest {
        block = block.title_bottom(
            Line::styled(list::more_below(tallest - height - scroll), THEME.more).right_aligned(),
        );
    }
    frame.render_widget(block, area);
    let text_area = inner.inner(ratatui::layout::Margin::new(1, 0));
    let areas: Vec<Rect> = if columns.len() == 2 {
        // The side column keeps its width on the right; the main one takes the rest,
        // less a gutter of three.
        let side = (columns[1].width() as u16).min(text_area.width);
        let main = text_area.width.saturating_sub(side + 3);
        vec![
            Rect {
                width: main,
                ..text_area
            },
            Rect {
                x: text_area.right() - side,
                width: side,
                ..text_area
            },
        ]
    } else {
        vec![text_area]
    };
    for (doc, column) in columns.into_iter().zip(areas) {
        let lines: Vec<Line> = doc.lines.into_iter().skip(scroll).take(height).collect();
        text::draw_lines(frame, column, lines);
    }
}

/// The summary's text width for a body area (inside the border and a margin each side).
fn summary_width(body: Rect) -> usize {
    body.width.saturating_sub(4) as usize
}

fn summary_max_scroll(columns: &[Doc], height: usize) -> usize {
    columns
        .iter()
        .map(|d| d.lines.len())
        .max()
        .unwrap_or(0)
        .saturating_sub(height)
}

/// How far the open overlay can scroll; used by `update` like `detail_max_scroll`.
pub fn overlay_max_scroll(app: &App) -> usize {
    overlay::max_scroll(app)
}

/// How far the summary page or the focused detail can scroll at the current size; used
/// by `update` to keep scrolling within the text.
pub fn detail_max_scroll(app: &App) -> usize {
    let regions = Regions::new(app.area(), app);
    if app.pane == Pane::Summary {
        let Some(loaded) = &app.loaded else { return 0 };
        let columns = summary::columns(loaded, summary_width(regions.body), usize::MAX);
        return summary_max_scroll(&columns, regions.body.height.saturating_sub(2) as usize);
    }
    detail_lines(app, regions.detail_text_width(), usize::MAX).map_or(0, |doc| {
        doc.lines
            .len()
            .saturating_sub(regions.detail_inner_height())
    })
}

fn draw_error_screen(frame: &mut Frame, area: Rect, app: &App) {
    let block =
        list::block(" Cannot show this briefing ".to_owned(), true).border_style(THEME.error_text);
    let inner = block.inner(area).inner(ratatui::layout::Margin::new(1, 0));
    frame.render_widget(block, area);
    let mut doc = Doc::new(inner.width as usize);
    if app.error.is_none() {
        doc.para(&format!("Loading {}…", app.origin_label()), THEME.dim);
    }
    if let Some(error) = &app.error {
        let path = app.origin_label();
        doc.para(
            &format!("{} in {path}:", plural(error.error_count(), "error")),
            THEME.error_text,
        );
        doc.blank();
        for diagnostic in &error.diagnostics {
            diagnostic_lines(&mut doc, &path, diagnostic, error.source.as_deref());
        }
        doc.blank();
        doc.para(
            "brief is watching the file and will show the briefing as soon as it is fixed. e edits it, r reloads, q quits.",
            THEME.dim,
        );
    }
    let scroll = app
        .state(Pane::Summary)
        .detail_scroll
        .min(doc.lines.len().saturating_sub(1));
    text::draw_lines(frame, inner, doc.lines.into_iter().skip(scroll));
}

/// A diagnostic as the problems list and the error screen show it: the headline in the
/// colour of its severity, the source snippet under it dimmed.
fn diagnostic_lines(
    doc: &mut Doc,
    path: &str,
    diagnostic: &crate::briefing::Diagnostic,
    source: Option<&str>,
) {
    let style = if diagnostic.is_error() {
        THEME.error_text
    } else {
        THEME.warning_text
    };
    let rendered = diagnostic.render(path, source.unwrap_or(""));
    for (n, line) in rendered.lines().enumerate() {
        doc.para(line, if n == 0 { style } else { THEME.dim });
    }
}

fn draw_banner(frame: &mut Frame, area: Rect, app: &App) {
    let Some(error) = &app.error else { return };
    let first = error.first_error();
    let count = error.error_count();
    let more = if count > 1 {
        format!("  (! lists all {count})")
    } else {
        "  (! for details)".to_owned()
    };
    let text = format!(" ✗ {}{more}", first.headline(&app.origin_label()));
    frame.render_widget(
        Paragraph::new(Line::styled(
            fit(&text, area.width as usize),
            THEME.error_banner,
        ))
        .style(THEME.error_banner),
        area,
    );
}

fn draw_footer(frame: &mut Frame, area: Rect, app: &App) {
    let width = area.width as usize;
    if app.search.editing {
        let mut spans = vec![
            Span::styled("/", THEME.footer_key),
            Span::styled(app.search.query.clone(), THEME.search),
            Span::styled("▏", THEME.search),
            Span::raw("   "),
        ];
        spans.extend(hint_spans(Mode::Search));
        frame.render_widget(Paragraph::new(fit_spans(spans, width)), area);
        return;
    }
    if let Some(status) = &app.status {
        frame.render_widget(
            Paragraph::new(Line::styled(fit(status, width), THEME.status)),
            area,
        );
        return;
    }
    let mut spans = Vec::new();
    if app.search.is_active() {
        spans.push(Span::styled(
            format!("⌕ {}  ", app.search.query),
            THEME.search,
        ));
    }
    spans.extend(hint_spans(Mode::Browse));
    frame.render_widget(Paragraph::new(fit_spans(spans, width)), area);
}

fn hint_spans(mode: Mode) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    for (keys, word) in keymap::footer_hints(mode) {
        spans.push(Span::styled(keys, THEME.footer_key));
        spans.push(Span::styled(format!(" {word}  "), THEME.footer));
    }
    spans
}

// Lookups and lines shared by the panes.

/// A line led by a position's sign and word in its colour (`+ supports  text`).
fn position_bullet(
    doc: &mut Doc,
    position: crate::briefing::Position,
    text: &str,
    style: ratatui::style::Style,
) {
    use crate::briefing::Vocabulary;
    let marker = format!("{} {:<9} ", theme::position_sign(position), position.word());
    doc.bullet(&marker, theme::position(position), text, style);
}

fn actor_name<'a>(loaded: &'a Loaded, id: &'a str) -> &'a str {
    loaded
        .index
        .actor_by_id
        .get(id)
        .map_or(id, |&a| loaded.briefing.actors[a].name.as_str())
}

fn actor_names(loaded: &Loaded, ids: &[String]) -> String {
    if ids.is_empty() {
        return "—".to_owned();
    }
    ids.iter()
        .map(|id| actor_name(loaded, id))
        .collect::<Vec<_>>()
        .join(", ")
}

fn topic_name<'a>(loaded: &'a Loaded, id: &'a str) -> &'a str {
    loaded
        .index
        .topic_by_id
        .get(id)
        .map_or(id, |&t| loaded.briefing.topics[t].name.as_str())
}

fn quote_line(doc: &mut Doc, quote: &Quote) {
    doc.bullet(
        "“ ",
        THEME.dim,
        &format!("{}” — {}", quote.text, quote.speaker),
        THEME.quote,
    );
}

fn source_line(doc: &mut Doc, loaded: &Loaded, id: &str) {
    match loaded.index.source_by_id.get(id) {
        Some(&s) => {
            let source = &loaded.briefing.sources[s];
            doc.para(&format!("{} — {}", source.outlet, source.title), THEME.text);
            if let Some(url) = &source.url {
                doc.para(url, THEME.link);
            }
            if let Some(note) = &source.note {
                doc.para(note, THEME.dim);
            }
        }
        None => doc.para(id, THEME.text),
    }
}
