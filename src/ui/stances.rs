//! Pane 6: every actor's position on every topic, with the quotes behind it.

use super::text::Doc;

use super::theme::{self, Theme};
use super::widgets::{position_bullet, quote_line};
use crate::briefing::{Loaded, Vocabulary};
use ratatui::text::Span;

pub fn detail(loaded: &Loaded, item: usize, doc: &mut Doc, theme: &Theme) {
    let b = &loaded.briefing;
    let stance = &b.stances[item];
    let actor = |doc: &mut Doc| doc.para(loaded.actor_name(&stance.actor), theme.title);
    if loaded.index.actor_by_id.contains_key(&stance.actor) {
        doc.link(actor);
    } else {
        actor(doc);
    }
    let topic = |doc: &mut Doc| {
        doc.bullet(
            "on ",
            theme.dim,
            loaded.topic_name(&stance.topic),
            theme.label,
        )
    };
    if loaded.index.topic_by_id.contains_key(&stance.topic) {
        doc.link(topic);
    } else {
        topic(doc);
    }
    doc.blank();
    doc.line(vec![Span::styled(
        format!(
            "{} {}",
            theme::position_sign(stance.position),
            stance.position.word()
        ),
        theme.position(stance.position),
    )]);
    doc.heading("Summary");
    doc.para(&stance.summary, theme.text);
    let topic = loaded
        .index
        .topic_by_id
        .get(&stance.topic)
        .map(|&t| &b.topics[t]);
    if let Some(description) = topic.and_then(|t| t.description.as_ref()) {
        doc.heading("About the topic");
        doc.para(description, theme.dim);
    }
    if !stance.quotes.is_empty() {
        doc.heading_with_count("Quotes behind it", stance.quotes.len());
        for id in &stance.quotes {
            if let Some(&q) = loaded.index.quote_by_id.get(id) {
                doc.link(|doc| quote_line(doc, &b.quotes[q], theme));
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
        doc.link(|doc| {
            position_bullet(
                doc,
                other.position,
                loaded.actor_name(&other.actor),
                theme.text,
                theme,
            )
        });
    }
    if others.len() > OTHERS_SHOWN {
        doc.para(
            &format!("… and {} more in the list", others.len() - OTHERS_SHOWN),
            theme.dim,
        );
    }
}

/// Most of the other actors' positions shown under a stance.
const OTHERS_SHOWN: usize = crate::app::links::OTHERS_AT_MOST;
