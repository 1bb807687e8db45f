//! Pane 3: the quotes, verbatim, with the selected one's speaker, context and source.

use super::text::width_of;
use super::text::{Doc, fit_line, pad};
use super::theme::Theme;
use super::widgets::{position_bullet, source_line};
use crate::app::RowWidths;
use crate::briefing::Loaded;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

/// The speaker column's least and most width.
const SPEAKER_MIN: usize = 6;
const SPEAKER_MAX: usize = 20;
/// The most of a quote's text that the list makes room for: a quote is read in the
/// detail, the row need not hold a long one whole.
const ROW_TEXT: usize = 90;

/// What `row` wants of the width: the speaker column and its gap, the quote in its marks.
pub fn row_widths(loaded: &Loaded) -> RowWidths {
    let quotes = &loaded.briefing.quotes;
    let speaker = quotes.iter().map(|q| width_of(&q.speaker)).max();
    let text = quotes
        .iter()
        .map(|q| width_of(&q.text) + "“”".width())
        .max();
    RowWidths {
        lead: speaker.unwrap_or(0).clamp(SPEAKER_MIN, SPEAKER_MAX) + 1,
        title: text.unwrap_or(0).min(ROW_TEXT),
        secondary: 0,
    }
}

pub fn row(loaded: &Loaded, item: usize, width: usize, theme: &Theme) -> Line<'static> {
    let quote = &loaded.briefing.quotes[item];
    let speaker_width = (width / 3).clamp(SPEAKER_MIN, SPEAKER_MAX);
    // A speaker that does not fit is cut with an ellipsis from its start: its last word
    // alone can name no one ("European Commission spokesperson" as "spokesperson").
    let speaker = pad(&quote.speaker, speaker_width);

    let rest = width.saturating_sub(speaker.width() + 1);
    let text = fit_line(&format!("“{}”", quote.text), rest);
    Line::from(vec![
        Span::styled(speaker, theme.speaker),
        Span::raw(" "),
        Span::styled(text, theme.quote),
    ])
}

pub fn detail(loaded: &Loaded, item: usize, doc: &mut Doc, theme: &Theme) {
    let b = &loaded.briefing;
    let quote = &b.quotes[item];
    doc.para(&format!("“{}”", quote.text), theme.quote);
    if let Some(translation) = &quote.translation {
        // Labelled, and out of the quote marks: the analyst's rendering, not the words said.
        doc.bullet("Translation: ", theme.dim, translation, theme.text);
    }
    doc.blank();
    let said_by = |doc: &mut Doc| {
        doc.bullet(
            "— ",
            theme.dim,
            &format!("{}, {}", quote.speaker, loaded.actor_name(&quote.actor)),
            theme.speaker,
        )
    };
    if loaded.index.actor_by_id.contains_key(&quote.actor) {
        doc.link(said_by);
    } else {
        said_by(doc);
    }
    let when_and_in = [
        quote.date.as_ref().map(|date| format!("said on {date}")),
        quote.language.as_ref().map(|tag| format!("in {tag}")),
    ];
    let when_and_in: Vec<String> = when_and_in.into_iter().flatten().collect();
    if !when_and_in.is_empty() {
        doc.line(vec![Span::styled(
            format!("  {}", when_and_in.join(", ")),
            theme.dim,
        )]);
    }
    doc.heading("Context");
    match &quote.context {
        Some(context) => doc.para(context, theme.text),
        None => doc.para(
            "No context given: when, where and through whom is unknown.",
            theme.warning_text,
        ),
    }
    doc.heading("Source");
    source_line(doc, loaded, &quote.source, theme);
    let citing = &loaded.index.stances_citing_quote[item];
    if !citing.is_empty() {
        doc.heading("Cited in stances");
        for stance in citing.iter().map(|&s| &b.stances[s]) {
            if doc.is_cut() {
                return;
            }
            let text = format!(
                "{} on {}",
                loaded.actor_name(&stance.actor),
                loaded.topic_name(&stance.topic)
            );
            doc.link(|doc| position_bullet(doc, stance.position, &text, theme.text, theme));
        }
    }
    doc.blank();
    doc.line(vec![Span::styled(format!("id: {}", quote.id), theme.dim)]);
}
