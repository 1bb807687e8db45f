//! Pane 2: the actors, and beside them the selected actor in full.

use super::text::width_of;
use super::text::{Doc, fit};
use super::theme::{self, Theme};
use super::widgets::{list_section, position_bullet, quote_line};
use crate::app::RowWidths;
use crate::app::links::ACTOR_LISTS_AT_MOST;
use crate::briefing::{Loaded, Vocabulary};
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

/// What `row` wants of the width: the name, and the kind when there is room.
pub fn row_widths(loaded: &Loaded) -> RowWidths {
    let actors = &loaded.briefing.actors;
    RowWidths {
        lead: 0,
        title: actors.iter().map(|a| width_of(&a.name)).max().unwrap_or(0),
        secondary: actors
            .iter()
            .map(|a| a.kind.word().len())
            .max()
            .unwrap_or(0),
    }
}

pub fn row(loaded: &Loaded, item: usize, width: usize, theme: &Theme) -> Line<'static> {
    let actor = &loaded.briefing.actors[item];
    // The kind is the first to go when the name would be cut for it.
    let kind = if actor.name.width() + actor.kind.word().width() < width {
        actor.kind.word()
    } else {
        ""
    };
    let name_width = width.saturating_sub(kind.width() + usize::from(!kind.is_empty()));
    let name = fit(&actor.name, name_width);
    let gap = width.saturating_sub(name.width() + kind.width()).max(1);
    Line::from(vec![
        Span::styled(name, theme.text),
        Span::raw(" ".repeat(gap)),
        Span::styled(kind.to_owned(), theme.kind(actor.kind)),
    ])
}

pub fn detail(loaded: &Loaded, item: usize, doc: &mut Doc, theme: &Theme) {
    let b = &loaded.briefing;
    let actor = &b.actors[item];
    doc.para(&actor.name, theme.title);
    let mut tags = vec![Span::styled(
        actor.kind.word().to_owned(),
        theme.kind(actor.kind),
    )];
    if let Some(short) = &actor.short {
        tags.push(Span::styled(format!("  “{short}”"), theme.dim));
    }
    tags.push(Span::styled(format!("  id: {}", actor.id), theme.dim));
    doc.line(tags);
    doc.heading("Role");
    doc.para(&actor.role, theme.text);
    doc.heading("Stance");
    doc.para(&actor.stance, theme.text);
    list_section(doc, "Interests", &actor.interests, theme);
    list_section(doc, "Leverage", &actor.leverage, theme);
    if !actor.people.is_empty() {
        doc.heading("People");
        for person in &actor.people {
            if doc.is_cut() {
                return;
            }
            let text = if person.role.is_empty() {
                person.name.clone()
            } else {
                format!("{} — {}", person.name, person.role)
            };
            doc.bullet("• ", theme.dim, &text, theme.text);
        }
    }
    let stances = &loaded.index.stances_by_actor[item];
    if !stances.is_empty() {
        doc.heading("Stance on each topic");
        for &s in stances {
            if doc.is_cut() {
                return;
            }
            let stance = &b.stances[s];
            doc.link(|doc| {
                position_bullet(
                    doc,
                    stance.position,
                    loaded.topic_name(&stance.topic),
                    theme.label,
                    theme,
                );
                doc.hanging(
                    vec![Span::raw(" ".repeat(12))],
                    12,
                    &stance.summary,
                    theme.text,
                );
            });
        }
    }
    let quotes = &loaded.index.quotes_by_actor[item];
    if !quotes.is_empty() {
        doc.heading_with_count("Quotes", quotes.len());
        for &q in quotes.iter().take(ACTOR_LISTS_AT_MOST) {
            if doc.is_cut() {
                return;
            }
            doc.link(|doc| quote_line(doc, &b.quotes[q], theme));
        }
        if quotes.len() > ACTOR_LISTS_AT_MOST {
            doc.para(
                &format!(
                    "… and {} more on the Quotes pane (3)",
                    quotes.len() - ACTOR_LISTS_AT_MOST
                ),
                theme.dim,
            );
        }
    }
    let risks = &loaded.index.risks_by_actor[item];
    if !risks.is_empty() {
        doc.heading_with_count("Risks involving", risks.len());
        for &r in risks.iter().take(ACTOR_LISTS_AT_MOST) {
            if doc.is_cut() {
                return;
            }
            let risk = &b.risks[r];
            let severity = risk.severity();
            doc.link(|doc| {
                doc.bullet(
                    &format!("{} ", theme::severity_bar(severity)),
                    theme.severity(severity),
                    &risk.title,
                    theme.text,
                )
            });
        }
    }
    let questions = &loaded.index.questions_by_actor[item];
    if !questions.is_empty() {
        doc.heading_with_count("Open questions", questions.len());
        for &q in questions.iter().take(ACTOR_LISTS_AT_MOST) {
            if doc.is_cut() {
                return;
            }
            doc.link(|doc| doc.bullet("? ", theme.dim, &b.questions[q].question, theme.text));
        }
    }
}
