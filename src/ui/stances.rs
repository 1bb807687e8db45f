//! Pane 6: every actor's position on every topic, with the quotes behind it.

use super::text::{Doc, fit, pad};

use super::theme::{self, THEME};
use super::{actor_name, position_bullet, quote_line, topic_name};
use crate::briefing::{Loaded, Vocabulary};
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

/// One stance; the actor's name only where its group of stances starts, so the list
/// reads as a table of actors and their positions.
pub fn row(loaded: &Loaded, previous: Option<usize>, item: usize, width: usize) -> Line<'static> {
    let stances = &loaded.briefing.stances;
    let stance = &stances[item];
    let first_of_actor = previous.is_none_or(|p| stances[p].actor != stance.actor);
    let actor_width = (width / 3).clamp(4, 14);
    let actor = if first_of_actor {
        pad(actor_label(loaded, &stance.actor), actor_width)
    } else {
        " ".repeat(actor_width)
    };
    let rest = width.saturating_sub(actor.width() + 3);
    Line::from(vec![
        Span::styled(actor, THEME.speaker),
        Span::raw(" "),
        Span::styled(
            format!("{} ", theme::position_sign(stance.position)),
            theme::position(stance.position),
        ),
        Span::styled(fit(topic_name(loaded, &stance.topic), rest), THEME.text),
    ])
}

fn actor_label<'a>(loaded: &'a Loaded, id: &'a str) -> &'a str {
    loaded
        .index
        .actor_by_id
        .get(id)
        .map_or(id, |&a| loaded.briefing.actors[a].label())
}

pub fn detail(loaded: &Loaded, item: usize, doc: &mut Doc) {
    let b = &loaded.briefing;
    let stance = &b.stances[item];
    doc.para(actor_name(loaded, &stance.actor), THEME.title);
    doc.bullet(
        "on ",
        THEME.dim,
        topic_name(loaded, &stance.topic),
        THEME.label,
    );
    doc.blank();
    doc.line(vec![Span::styled(
        format!(
            "{} {}",
            theme::position_sign(stance.position),
            stance.position.word()
        ),
        theme::position(stance.position),
    )]);
    doc.heading("Summary");
    doc.para(&stance.summary, THEME.text);
    let topic = loaded
        .index
        .topic_by_id
        .get(&stance.topic)
        .map(|&t| &b.topics[t]);
    if let Some(description) = topic.and_then(|t| t.description.as_ref()) {
        doc.heading("About the topic");
        doc.para(description, THEME.dim);
    }
    if !stance.quotes.is_empty() {
        doc.heading_with_count("Quotes behind it", stance.quotes.len());
        for id in &stance.quotes {
            if let Some(&q) = loaded.index.quote_by_id.get(id) {
                quote_line(doc, &b.quotes[q]);
            }
        }
    }
    // Where the others stand on the same topic, for comparison; the list above has them
    // all, so a long one is cut.
    let Some(&t) = loaded.index.topic_by_id.get(&stance.topic) else {
        return;
    };
    let others = &loaded.index.stances_by_topic[t];
    doc.heading_with_count("Everyone on this topic", others.len());
    for &other in others.iter().take(OTHERS_SHOWN) {
        if doc.is_cut() {
            return;
        }
        let other = &b.stances[other];
        position_bullet(
            doc,
            other.position,
            actor_name(loaded, &other.actor),
            THEME.text,
        );
    }
    if others.len() > OTHERS_SHOWN {
        doc.para(
            &format!("… and {} more in the list", others.len() - OTHERS_SHOWN),
            THEME.dim,
        );
    }
}

/// Most of the other actors' positions shown under a stance.
const OTHERS_SHOWN: usize = 40;
