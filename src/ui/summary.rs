//! Pane 1: the bottom line, key points, caveats, what the briefing holds, and its sources.

use super::text::Doc;
use super::text::pad;
use super::theme::{self, Theme};
use crate::app::links::SUMMARY_RISKS;
use crate::app::plural;
use crate::briefing::{Loaded, Position, Severity};
use unicode_width::UnicodeWidthStr;

use ratatui::text::Span;

/// Width from which the page is laid out in two columns.
pub const TWO_COLUMNS_FROM: usize = 110;

/// The page as one column, or as a main column and a side column on wide screens.
/// `limit` bounds the lines laid out per column (see `Doc::with_limit`).
/// `current_link` is the link drawn as the current one, all of them in the side column.
pub fn columns(
    loaded: &Loaded,
    width: usize,
    limit: usize,
    current_link: Option<usize>,
    theme: &Theme,
) -> Vec<Doc> {
    if width >= TWO_COLUMNS_FROM {
        // Lines longer than about 100 columns are hard to read; wide screens give the
        // room to the side column instead.
        let main_width = (width * 3 / 5).min(100);
        let side_width = (width - main_width - 3).min(90);
        let mut main = Doc::with_limit(main_width, limit, theme);
        main_column(&mut main, loaded, theme);
        let mut side = Doc::with_limit(side_width, limit, theme).with_current_link(current_link);
        side_column(&mut side, loaded, theme);
        vec![main, side]
    } else {
        let mut doc = Doc::with_limit(width, limit, theme).with_current_link(current_link);
        main_column(&mut doc, loaded, theme);
        side_column(&mut doc, loaded, theme);
        vec![doc]
    }
}

fn main_column(doc: &mut Doc, loaded: &Loaded, theme: &Theme) {
    let b = &loaded.briefing;
    doc.heading("Bottom line");
    if b.summary.bluf.is_empty() {
        doc.para("The briefing has no bottom line (summary.bluf).", theme.dim);
    } else {
        doc.para(&b.summary.bluf, theme.bluf);
    }
    if !b.summary.key_points.is_empty() {
        doc.heading_with_count("Key points", b.summary.key_points.len());
        for (n, point) in b.summary.key_points.iter().enumerate() {
            let marker = format!("{:>2}. ", n + 1);
            doc.bullet(&marker, theme.count, point, theme.text);
        }
    }
    if !b.summary.caveats.is_empty() {
        doc.heading_with_count("Caveats about the sources", b.summary.caveats.len());
        for caveat in &b.summary.caveats {
            doc.bullet("⚠ ", theme.caveat, caveat, theme.text);
        }
    }
}

fn side_column(doc: &mut Doc, loaded: &Loaded, theme: &Theme) {
    let b = &loaded.briefing;
    doc.heading("In this briefing");
    let severe = b
        .risks
        .iter()
        .filter(|r| r.severity() >= Severity::Elevated)
        .count();
    let counts = [
        (b.actors.len(), "actor", "2"),
        (b.topics.len(), "topic", "6"),
        (b.stances.len(), "stance", "6"),
        (b.quotes.len(), "quote", "3"),
        (b.risks.len(), "risk", "4"),
        (b.questions.len(), "open question", "5"),
        (b.timeline.len(), "timeline event", "7"),
        (b.sources.len(), "source", "1"),
    ];
    for (count, noun, key) in counts {
        let mut spans = vec![
            Span::styled(format!("[{key}] "), theme.dim),
            Span::styled(format!("{count:>5} "), theme.count),
            Span::raw(
                plural(count, noun)
                    .split_once(' ')
                    .map_or(String::new(), |(_, w)| w.to_owned()),
            ),
        ];
        if noun == "risk" && severe > 0 {
            spans.push(Span::styled(
                format!(" ({severe} elevated or critical)"),
                theme.severity(Severity::Elevated),
            ));
        }
        doc.line(spans);
    }
    stance_matrix(doc, loaded, theme);
    let top: Vec<_> = loaded
        .index
        .risks_by_severity
        .iter()
        .take(SUMMARY_RISKS)
        .map(|&r| &b.risks[r])
        .collect();
    if !top.is_empty() {
        doc.heading("Most severe risks");
        for risk in top {
            let severity = risk.severity();
            let marker = format!("{} ", theme::severity_bar(severity));
            doc.link(|doc| doc.bullet(&marker, theme.severity(severity), &risk.title, theme.text));
        }
    }
    if !b.sources.is_empty() {
        doc.heading_with_count("Sources", b.sources.len());
        for source in &b.sources {
            doc.bullet(
                "◆ ",
                theme.dim,
                &format!("{} — {}", source.outlet, source.title),
                theme.text,
            );
            if let Some(url) = &source.url {
                doc.hanging(vec![Span::raw("  ")], 2, url, theme.link);
            }
            if let Some(note) = &source.note {
                doc.hanging(vec![Span::raw("  ")], 2, note, theme.dim);
            }
        }
    }
    if !loaded.warnings.is_empty() {
        doc.heading("Warnings");
        doc.para(
            &format!(
                "{} in this file; press ! to list them.",
                plural(loaded.warnings.len(), "warning")
            ),
            theme.warning_text,
        );
    }
}

/// Most actors a summary's matrix lists; the Stances pane has the rest.
const MATRIX_ACTORS: usize = 24;

/// "Who stands where": actors down, topics across, a position sign in each cell.
fn stance_matrix(doc: &mut Doc, loaded: &Loaded, theme: &Theme) {
    let b = &loaded.briefing;
    if b.actors.is_empty() || b.topics.is_empty() || b.stances.is_empty() {
        return;
    }
    doc.heading("Who stands where  [6]");
    let label_width = b
        .actors
        .iter()
        .take(MATRIX_ACTORS)
        .map(|a| a.label().width())
        .max()
        .unwrap_or(0)
        .clamp(4, 14);
    let columns = (doc.width().saturating_sub(label_width + 1) / 3).min(b.topics.len());
    if columns == 0 {
        return;
    }
    let mut header = vec![Span::raw(" ".repeat(label_width + 1))];
    for n in 0..columns {
        header.push(Span::styled(format!("{:<3}", topic_letter(n)), theme.count));
    }
    doc.line(header);
    for (a, actor) in b.actors.iter().enumerate().take(MATRIX_ACTORS) {
        let mut spans = vec![Span::styled(
            format!("{} ", pad(actor.label(), label_width)),
            theme.speaker,
        )];
        for topic in b.topics.iter().take(columns) {
            let stance = loaded.index.stances_by_actor[a]
                .iter()
                .map(|&s| &b.stances[s])
                .find(|s| s.topic == topic.id);
            spans.push(match stance {
                Some(s) => Span::styled(
                    format!("{:<3}", theme::position_sign(s.position)),
                    theme.position(s.position),
                ),
                None => Span::styled("·  ", theme.dim),
            });
        }
        doc.line(spans);
    }
    if b.actors.len() > MATRIX_ACTORS {
        doc.para(
            &format!(
                "… and {} more actors on the Stances pane",
                b.actors.len() - MATRIX_ACTORS
            ),
            theme.dim,
        );
    }
    for (n, topic) in b.topics.iter().enumerate().take(columns) {
        doc.bullet(
            &format!("{:<3}", topic_letter(n)),
            theme.count,
            &topic.name,
            theme.dim,
        );
    }
    if columns < b.topics.len() {
        doc.para(
            &format!(
                "… and {} more topics on the Stances pane",
                b.topics.len() - columns
            ),
            theme.dim,
        );
    }
    doc.line(vec![
        Span::styled("+ supports  ", theme.position(Position::Supports)),
        Span::styled("− opposes  ", theme.position(Position::Opposes)),
        Span::styled("± mixed", theme.position(Position::Mixed)),
    ]);
    doc.line(vec![
        Span::styled("= neutral   ", theme.position(Position::Neutral)),
        Span::styled("? unclear", theme.position(Position::Unclear)),
    ]);
}

/// The matrix's name for its `n`th topic column: A to Z, then AA, AB… Letters, because
/// digits there read as the keys that change pane.
fn topic_letter(n: usize) -> String {
    let letter = |i: usize| char::from(b'A' + (i % 26) as u8);
    if n < 26 {
        letter(n).to_string()
    } else {
        format!("{}{}", letter(n / 26 - 1), letter(n))
    }
}
