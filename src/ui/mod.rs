//! Drawing: pure functions from `&App` to a frame. Nothing here changes the app.

mod actors;
mod heat;
mod history;
pub mod layout;
mod list;
mod matrix;
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
mod widgets;

use crate::app::{App, Drawn, Focus, Mode, Overlay, Pane, Reveal, plural};
use crate::briefing::Loaded;
use crate::keymap::{Keys, Place};
use layout::Regions;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use text::{Doc, fit, fit_spans};
use theme::Theme;
use unicode_width::UnicodeWidthStr;

/// What drawing keeps from one frame to the next to draw the next one faster: it
/// changes nothing that is drawn. The runtime owns one and passes it to every frame.
#[derive(Default)]
pub struct Cache {
    rows: list::RowCache,
}

/// Draws the whole screen for `app` in `theme`, its footer and help naming the keys of
/// `keys`, and says what `update` needs to know of it.
pub fn draw(frame: &mut Frame, app: &App, cache: &mut Cache, keys: &Keys, theme: &Theme) -> Drawn {
    let mut drawn = Drawn::default();
    let area = frame.area();
    // Only a theme with colours of its own paints the screen first.
    if theme.base != ratatui::style::Style::new() {
        frame.buffer_mut().set_style(area, theme.base);
    }
    if layout::too_small(area) {
        draw_too_small(frame, area, theme);
        return drawn;
    }
    let regions = Regions::new(area, app);
    draw_header(frame, regions.header, app, theme);
    draw_tabs(frame, regions.tabs, app, theme);
    if let Some(picker) = app.picker.as_ref().filter(|p| p.showing) {
        picker::draw(
            frame,
            regions.list.unwrap_or_default(),
            regions.detail,
            picker,
            theme,
        );
    } else {
        match &app.loaded {
            Some(loaded) => draw_pane(frame, &regions, (app, cache), loaded, &mut drawn, theme),
            None => drawn.scroll_max = draw_error_screen(frame, regions.body, app, theme),
        }
    }
    if let Some(banner) = regions.banner {
        draw_banner(frame, banner, app, theme);
    }
    draw_footer(frame, regions.footer, app, keys, theme);
    if let Some(overlay) = &app.overlay {
        drawn.scroll_max = Some(overlay::draw(frame, area, (app, keys), overlay, theme));
    }
    drawn
}

fn draw_too_small(frame: &mut Frame, area: Rect, theme: &Theme) {
    let message = format!(
        "Window too small ({}x{}). brief needs at least {}x{}.",
        area.width,
        area.height,
        layout::MIN_WIDTH,
        layout::MIN_HEIGHT
    );
    let lines: Vec<Line> = text::wrap(&message, area.width as usize)
        .into_iter()
        .map(|l| Line::styled(l, theme.warning_text))
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
}

fn draw_header(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
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
    let mut left = vec![Span::styled(" brief ", theme.app_name), Span::raw(" ")];
    match &app.loaded {
        Some(loaded) => {
            left.push(Span::styled(loaded.briefing.title.clone(), theme.title));
            if let Some(date) = &loaded.briefing.as_of {
                left.push(Span::styled(format!(" · as of {date}"), theme.date));
            }
        }
        None => left.push(Span::styled("no briefing loaded", theme.error_text)),
    }
    if app.showing_picker() {
        left.truncate(2);
        left.push(Span::styled("Choose a briefing", theme.title));
    }

    // What the latest reload changed stays in the header until the next one.
    // While comparing with an older version, the header names it even when nothing changed.
    let changes = match (&app.baseline, &app.changes) {
        _ if app.showing_picker() => String::new(),
        (Some(baseline), changes) => {
            let said = changes
                .as_ref()
                .filter(|c| !c.is_empty())
                .map_or_else(|| "no changes".to_owned(), |c| c.describe());
            text::fit(&format!("since {}: {said} ", baseline.label), width / 2)
        }
        (None, Some(c)) if !c.is_empty() => text::fit(&format!("⟳ {} ", c.describe()), width / 3),
        (None, _) => String::new(),
    };
    // A briefing with warnings still loads, so without a count in sight they go unseen.
    let warned = match &app.loaded {
        Some(loaded) if !loaded.warnings.is_empty() && !app.showing_picker() => {
            format!("⚠ {} ", loaded.warnings.len())
        }
        _ => String::new(),
    };
    let right_width = warned.width() + changes.width() + origin.width() + 1;
    let left = fit_spans(left, width.saturating_sub(right_width + 1));
    let gap = width.saturating_sub(left.width() + right_width);
    let mut spans = left.spans;
    spans.push(Span::raw(" ".repeat(gap)));
    spans.push(Span::styled(warned, theme.warning_text));
    spans.push(Span::styled(changes, theme.changed));
    spans.push(Span::styled(format!("{origin} "), theme.origin));

    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn draw_tabs(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let mut spans = Vec::new();
    for tab in layout::tabs(app, area.width) {
        let (key_style, name_style) = if tab.pane == app.pane {
            (theme.tab_active, theme.tab_active)
        } else {
            (theme.tab_key, theme.tab)
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
    drawn: &mut Drawn,
    theme: &Theme,
) {
    let pane = app.pane;
    if pane == Pane::Summary {
        drawn.scroll_max = draw_summary(
            frame,
            regions.body,
            app,
            loaded,
            &mut drawn.revealed_scroll,
            theme,
        );
        return;
    }
    if pane == Pane::History {
        history::draw(frame, regions, app, drawn, theme);
        return;
    }
    let list_area = regions.list.unwrap_or_default();
    if let Some(heat_area) = regions.heat {
        heat::draw(frame, heat_area, app, loaded, theme);
    }
    if pane == Pane::Stances {
        matrix::draw(frame, list_area, app, loaded, theme);
    } else {
        draw_rows(frame, list_area, (app, cache), loaded, theme);
    }
    draw_item_detail(frame, regions, app, drawn, theme);
}

/// The list of a pane other than the matrix.
fn draw_rows(
    frame: &mut Frame,
    area: Rect,
    (app, cache): (&App, &mut Cache),
    loaded: &Loaded,
    theme: &Theme,
) {
    let pane = app.pane;
    let noun = match pane {
        Pane::Actors => "actor",
        Pane::Quotes => "quote",
        Pane::Risks => "risk",
        Pane::Questions => "question",
        Pane::Stances => "stance",
        Pane::Timeline => "timeline event",
        Pane::Summary | Pane::History => "item",
    };
    // Every row of a frame has the same width, so the date column is sized once.
    let date_column = std::cell::OnceCell::new();
    let date_width =
        |width| *date_column.get_or_init(|| timeline::date_width(loaded, app.rows(pane), width));
    list::draw_list(
        frame,
        area,
        (app, &mut cache.rows, theme),
        pane,
        noun,
        |_, _, width| match pane {
            Pane::Timeline => date_width(width),
            _ => 0,
        },
        |_, item, width| match pane {
            Pane::Actors => actors::row(loaded, item, width, theme),
            Pane::Quotes => quotes::row(loaded, item, width, theme),
            Pane::Risks => risks::row(loaded, item, width, theme),
            Pane::Questions => questions::row(loaded, item, width, theme),
            Pane::Timeline | Pane::Summary | Pane::Stances | Pane::History => {
                timeline::row(loaded, item, width, date_width(width), theme)
            }
        },
    );
}

/// The selected item's detail beside (or under) the list: from its scroll on, its
/// current link highlighted, the search's matches marked. A reveal scrolls it to the
/// current link or to the first match.
fn draw_item_detail(
    frame: &mut Frame,
    regions: &Regions,
    app: &App,
    drawn: &mut Drawn,
    theme: &Theme,
) {
    let pane = app.pane;
    let focused = app.focus == Focus::Detail;
    let title = format!(" {} ", detail_title(pane));
    let height = regions.detail_inner_height();
    let state = app.state(pane);
    let reveal = app.reveal;
    // What is on screen and one line more, to know whether there is more: a key costs
    // what the screen shows, not what the item holds. (Counting the lines below would
    // mean laying them all out.) A reveal lays out as far as what it looks for.
    let limit = match reveal {
        Some(_) => usize::MAX,
        None => state.detail_scroll.saturating_add(height + 1),
    };
    let current_link = state.link.filter(|_| focused);
    let Some(doc) = detail_lines(app, regions.detail_text_width(), limit, current_link, theme)
    else {
        let lines = missing_detail(app, theme);
        list::draw_detail(
            frame,
            regions.detail,
            title,
            lines,
            (0, focused, false),
            theme,
        );
        drawn.scroll_max = Some(0);
        drawn.detail_max = Some(0);
        return;
    };
    let cut = doc.is_cut();
    let needle = &app.search.needle;
    let target = match reveal {
        Some(Reveal::Link) => current_link.and_then(|l| doc.link_lines.get(l)).cloned(),
        Some(Reveal::Match) => doc
            .lines
            .iter()
            .position(|line| text::line_matches(line, needle))
            .map(|line| line..line + 1),
        None => None,
    };
    let max_scroll = doc.lines.len().saturating_sub(height);
    let mut scroll = state.detail_scroll;
    if let Some(target) = target {
        if target.start < scroll || target.end > scroll + height {
            scroll = target.start.min(
                target
                    .end
                    .saturating_sub(height)
                    .max(target.start.saturating_sub(height / 3)),
            );
        }
        drawn.revealed_scroll = Some(scroll.min(max_scroll));
    }
    if !cut {
        scroll = scroll.min(max_scroll);
        drawn.detail_max = Some(max_scroll);
        if focused {
            drawn.scroll_max = Some(max_scroll);
        }
    }
    let top = regions.detail.y + 1;
    for (link, lines) in doc.link_lines.iter().enumerate() {
        for line in lines.clone() {
            if line >= scroll && line < scroll + height {
                drawn.link_rows.push((top + (line - scroll) as u16, link));
            }
        }
    }
    let lines: Vec<Line<'static>> = doc
        .lines
        .into_iter()
        .enumerate()
        .map(|(n, line)| {
            if n >= scroll && n < scroll + height {
                text::mark_matches(line, needle, theme.search_match())
            } else {
                line
            }
        })
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

/// The detail when nothing is selected: on the matrix, a cell with no stance.
fn missing_detail(app: &App, theme: &Theme) -> Vec<Line<'static>> {
    let (Some(loaded), Pane::Stances) = (&app.loaded, app.pane) else {
        return Vec::new();
    };
    let state = app.state(Pane::Stances);
    let b = &loaded.briefing;
    let (Some(actor), Some(topic)) = (b.actors.get(state.selected), b.topics.get(state.column))
    else {
        return Vec::new();
    };
    vec![
        Line::styled(actor.name.clone(), theme.title),
        Line::from(vec![
            Span::styled("on ", theme.dim),
            Span::styled(topic.name.clone(), theme.label),
        ]),
        Line::default(),
        Line::styled(
            format!("{} No stance recorded.", theme::MISSING_SIGN),
            theme.dim,
        ),
    ]
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
        Pane::History => "Version",
    }
}

/// The selected item's detail, wrapped to `width`, laid out no further than `limit`
/// lines, with link `current_link` marked as the current one.
fn detail_lines(
    app: &App,
    width: usize,
    limit: usize,
    current_link: Option<usize>,
    theme: &Theme,
) -> Option<Doc> {
    let loaded = app.loaded.as_ref()?;
    let item = app.selected_item(app.pane)?;
    let mut doc = Doc::with_limit(width, limit, theme).with_current_link(current_link);
    match app.pane {
        Pane::Actors => actors::detail(loaded, item, &mut doc, theme),
        Pane::Quotes => quotes::detail(loaded, item, &mut doc, theme),
        Pane::Risks => risks::detail(loaded, item, &mut doc, theme),
        Pane::Questions => questions::detail(loaded, item, &mut doc, theme),
        Pane::Stances => stances::detail(loaded, item, &mut doc, theme),
        Pane::Timeline => timeline::detail(loaded, item, &mut doc, theme),
        Pane::Summary | Pane::History => return None,
    }
    Some(doc)
}

/// Draws the summary page; how far it scrolls, if it was laid out to its end.
fn draw_summary(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    loaded: &Loaded,
    revealed: &mut Option<usize>,
    theme: &Theme,
) -> Option<usize> {
    let block = widgets::block(format!(" {} ", Pane::Summary.title()), true, theme);
    let inner = block.inner(area);
    let height = inner.height as usize;
    let state = app.state(Pane::Summary);
    let current_link = state.link.filter(|_| app.focus == Focus::Detail);
    let revealing = app.reveal == Some(Reveal::Link) && current_link.is_some();
    // Only what is on screen (and one line more, to know there is more) is laid out,
    // unless a link is to be brought into view.
    let wanted = if revealing {
        usize::MAX
    } else {
        state.detail_scroll.saturating_add(height + 1)
    };
    let columns = summary::columns(loaded, summary_width(area), wanted, current_link, theme);
    let cut = columns.iter().any(Doc::is_cut);
    let max_scroll = summary_max_scroll(&columns, height);
    let mut scroll = state.detail_scroll.min(max_scroll);
    let target = current_link.and_then(|l| columns.last()?.link_lines.get(l).cloned());
    if let Some(target) = target.filter(|_| revealing) {
        if target.start < scroll || target.end > scroll + height {
            scroll = target.start.saturating_sub(height / 3).min(max_scroll);
        }
        *revealed = Some(scroll);
    }
    let tallest = columns.iter().map(|d| d.lines.len()).max().unwrap_or(0);
    let mut block = block;
    if cut {
        block = block.title_bottom(Line::styled(" ↓ more below ", theme.more).right_aligned());
    } else if scroll + height < tallest {
        block = block.title_bottom(
            Line::styled(widgets::more_below(tallest - height - scroll), theme.more)
                .right_aligned(),
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
    let needle = &app.search.needle;
    for (doc, column) in columns.into_iter().zip(areas) {
        let lines = doc
            .lines
            .into_iter()
            .skip(scroll)
            .take(height)
            .map(|line| text::mark_matches(line, needle, theme.search_match()));
        text::draw_lines(frame, column, lines);
    }
    (!cut).then(|| tallest.saturating_sub(height))
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

/// The errors of a briefing that could not be shown, scrolling like a detail; returns
/// how far it scrolls.
fn draw_error_screen(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) -> Option<usize> {
    let title = " Cannot show this briefing ".to_owned();
    let inner = widgets::block(title.clone(), true, theme)
        .inner(area)
        .inner(ratatui::layout::Margin::new(1, 0));
    let mut doc = Doc::new(inner.width as usize, theme);
    if app.error.is_none() {
        doc.para(&format!("Loading {}…", app.origin_label()), theme.dim);
    }
    if let Some(error) = &app.error {
        let path = app.origin_label();
        doc.para(
            &format!("{} in {path}:", plural(error.error_count(), "error")),
            theme.error_text,
        );
        doc.blank();
        for (n, diagnostic) in error.diagnostics.iter().enumerate() {
            if n > 0 {
                doc.blank();
            }
            diagnostic_lines(&mut doc, &path, diagnostic, error.source.as_deref(), theme);
        }
        doc.blank();
        doc.para(
            "brief is watching the file and will show the briefing as soon as it is fixed. e edits it, r reloads, q quits.",
            theme.dim,
        );
    }
    let height = inner.height as usize;
    let max_scroll = doc.lines.len().saturating_sub(height);
    let scroll = app.error_scroll.min(max_scroll);
    let mut block = widgets::block(title, true, theme).border_style(theme.error_text);
    if scroll < max_scroll {
        let below = doc.lines.len() - height - scroll;
        block = block.title_bottom(
            Line::styled(
                format!("{}· j/k PgDn scroll ", widgets::more_below(below)),
                theme.more,
            )
            .right_aligned(),
        );
    }
    if scroll > 0 {
        block = block.title_top(Line::styled(format!(" ↑ {scroll} "), theme.more).right_aligned());
    }
    frame.render_widget(block, area);
    text::draw_lines(
        frame,
        inner,
        doc.lines.into_iter().skip(scroll).take(height),
    );
    Some(max_scroll)
}

/// A diagnostic as the problems list and the error screen show it: the headline in the
/// colour of its severity, the source snippet under it dimmed.
fn diagnostic_lines(
    doc: &mut Doc,
    path: &str,
    diagnostic: &crate::briefing::Diagnostic,
    source: Option<&str>,
    theme: &Theme,
) {
    let style = if diagnostic.is_error() {
        theme.error_text
    } else {
        theme.warning_text
    };
    let rendered = diagnostic.render(path, source.unwrap_or(""));
    for (n, line) in rendered.lines().enumerate() {
        doc.para(line, if n == 0 { style } else { theme.dim });
    }
}

fn draw_banner(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
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
            theme.error_banner,
        ))
        .style(theme.error_banner),
        area,
    );
}

fn draw_footer(frame: &mut Frame, area: Rect, app: &App, keys: &Keys, theme: &Theme) {
    let width = area.width as usize;
    if app.search.editing {
        let mut spans = vec![
            Span::styled("/", theme.footer_key),
            Span::styled(app.search.query.clone(), theme.search),
            Span::styled("▏", theme.search),
            Span::raw("   "),
        ];
        spans.extend(hint_spans(keys.footer_hints(Mode::Search), theme));
        frame.render_widget(Paragraph::new(fit_spans(spans, width)), area);
        return;
    }
    let mode = app.mode();
    if let Some(status) = &app.status {
        // Messages quote the editor's command and the system's errors, outside text.
        let status = crate::briefing::sanitize::clean_line(status);
        frame.render_widget(
            Paragraph::new(Line::styled(fit(&status, width), theme.status)),
            area,
        );
        return;
    }
    let mut spans = Vec::new();
    if app.search.is_active() {
        let position = match app.match_position() {
            Some((here, total)) => format!(" {}/{total}", here + 1),
            None => String::new(),
        };
        spans.push(Span::styled(
            format!("⌕ {}{position}  ", app.search.query),
            theme.search,
        ));
        spans.push(Span::styled("n/N", theme.footer_key));
        spans.push(Span::styled(" match  ", theme.footer));
    }
    let place = footer_place(app, mode);
    let hints = match place {
        // Where every key of the mode answers, a key whose effect depends on the state
        // (the heat map's Enter and Esc) is named for what it will do now.
        Place::Panes => {
            keys.footer_hints_saying(mode, |name, word| heat::footer_word(app, name, word))
        }
        _ => keys.footer_hints_at(mode, place),
    };
    spans.extend(hint_spans(hints, theme));
    frame.render_widget(Paragraph::new(fit_spans(spans, width)), area);
}

/// Where the footer is drawn for, so that it names only keys that do something there.
fn footer_place(app: &App, mode: Mode) -> Place {
    match &app.overlay {
        Some(Overlay::Help { .. }) => Place::Help,
        Some(Overlay::Problems { .. }) => Place::Problems,
        None if app.showing_picker() => Place::Picker,
        None if mode == Mode::Detail && app.links().is_empty() => Place::DetailWithoutLinks,
        None => Place::Panes,
    }
}

fn hint_spans(hints: Vec<(String, &'static str)>, theme: &Theme) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    for (label, word) in hints {
        spans.push(Span::styled(label, theme.footer_key));
        spans.push(Span::styled(format!(" {word}  "), theme.footer));
    }
    // No gap after the last hint: a footer that fits exactly is not cut.
    if let Some(last) = spans.last_mut() {
        *last = Span::styled(last.content.trim_end().to_owned(), last.style);
    }
    spans
}
