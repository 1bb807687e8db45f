//! The references in an item's detail that can be followed, in the order the detail
//! shows them. Drawing marks the same references as it lays the detail out, and a test
//! holds the two to the same order.

use super::Pane;
use crate::briefing::Loaded;

/// Most of one kind of reference an actor's detail lists (the rest are on their pane).
pub const ACTOR_LISTS_AT_MOST: usize = 50;
/// Most of the other actors' stances listed under a stance.
pub const OTHERS_AT_MOST: usize = 40;

/// How many of the most severe risks the summary lists, each a link.
pub const SUMMARY_RISKS: usize = 3;

/// Where a link goes: an item of a section, by its index in the briefing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Target {
    Actor(usize),
    Quote(usize),
    Risk(usize),
    Question(usize),
    Stance(usize),
    /// A topic: its column of the stance matrix.
    Topic(usize),
}

impl Target {
    pub fn pane(self) -> Pane {
        match self {
            Target::Actor(_) => Pane::Actors,
            Target::Quote(_) => Pane::Quotes,
            Target::Risk(_) => Pane::Risks,
            Target::Question(_) => Pane::Questions,
            Target::Stance(_) | Target::Topic(_) => Pane::Stances,
        }
    }
}

/// The links of the detail of `item` on `pane`, in the order they are shown.
pub fn links(loaded: &Loaded, pane: Pane, item: usize) -> Vec<Target> {
    let b = &loaded.briefing;
    let index = &loaded.index;
    let actor = |id: &str| index.actor_by_id.get(id).map(|&a| Target::Actor(a));
    match pane {
        Pane::Actors => {
            let mut links: Vec<Target> = index.stances_by_actor[item]
                .iter()
                .map(|&s| Target::Stance(s))
                .collect();
            let at_most = |list: &[usize]| list.len().min(ACTOR_LISTS_AT_MOST);
            let quotes = &index.quotes_by_actor[item];
            links.extend(quotes[..at_most(quotes)].iter().map(|&q| Target::Quote(q)));
            let risks = &index.risks_by_actor[item];
            links.extend(risks[..at_most(risks)].iter().map(|&r| Target::Risk(r)));
            let questions = &index.questions_by_actor[item];
            links.extend(
                questions[..at_most(questions)]
                    .iter()
                    .map(|&q| Target::Question(q)),
            );
            links
        }
        Pane::Quotes => {
            let quote = &b.quotes[item];
            actor(&quote.actor)
                .into_iter()
                .chain(
                    index.stances_citing_quote[item]
                        .iter()
                        .map(|&s| Target::Stance(s)),
                )
                .collect()
        }
        Pane::Risks => b.risks[item]
            .actors
            .iter()
            .filter_map(|a| actor(a))
            .collect(),
        Pane::Questions => b.questions[item]
            .actors
            .iter()
            .filter_map(|a| actor(a))
            .collect(),
        Pane::Stances => {
            let stance = &b.stances[item];
            let topic = index.topic_by_id.get(&stance.topic).copied();
            let mut links: Vec<Target> = actor(&stance.actor).into_iter().collect();
            links.extend(topic.map(Target::Topic));
            links.extend(
                stance
                    .quotes
                    .iter()
                    .filter_map(|id| index.quote_by_id.get(id).map(|&q| Target::Quote(q))),
            );
            if let Some(t) = topic {
                links.extend(
                    index.stances_by_topic[t]
                        .iter()
                        .take(OTHERS_AT_MOST)
                        .map(|&s| Target::Stance(s)),
                );
            }
            links
        }
        Pane::Summary => index
            .risks_by_severity
            .iter()
            .take(SUMMARY_RISKS)
            .map(|&r| Target::Risk(r))
            .collect(),
        Pane::Timeline | Pane::History => Vec::new(),
    }
}
