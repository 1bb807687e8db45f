//! Lookups built once per load, so that panes never scan the whole briefing per frame.

use super::model::Briefing;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Index {
    pub actor_by_id: HashMap<String, usize>,
    pub topic_by_id: HashMap<String, usize>,
    pub quote_by_id: HashMap<String, usize>,
    pub source_by_id: HashMap<String, usize>,
    /// Stance indexes per actor, in topic order.
    pub stances_by_actor: Vec<Vec<usize>>,
    pub quotes_by_actor: Vec<Vec<usize>>,
    pub risks_by_actor: Vec<Vec<usize>>,
    pub questions_by_actor: Vec<Vec<usize>>,
    /// Risk indexes, most severe first (ties keep file order).
    pub risks_by_severity: Vec<usize>,
    /// Timeline event indexes in date order: the events whose date reads as a calendar
    /// date (a year or a month sorting at its start), then those with free-text dates
    /// ("late 2025", "spring") in the order written. Stable, so events on one date keep
    /// the file's order.
    pub timeline_by_date: Vec<usize>,
    /// Stance indexes per topic, in actor order.
    pub stances_by_topic: Vec<Vec<usize>>,
    /// Indexes of the stances that cite each quote.
    pub stances_citing_quote: Vec<Vec<usize>>,
    /// A hash of each item's content (not its position), per section, and of the
    /// summary page: what a reload compares to mark changes. Computed where the
    /// briefing is loaded, off the UI thread.
    pub fingerprints: Fingerprints,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Fingerprints {
    pub actors: Vec<u64>,
    pub quotes: Vec<u64>,
    pub risks: Vec<u64>,
    pub questions: Vec<u64>,
    pub stances: Vec<u64>,
    pub timeline: Vec<u64>,
    pub summary: u64,
}

impl Fingerprints {
    fn of(b: &Briefing) -> Self {
        fn each<T: Hash>(items: &[T]) -> Vec<u64> {
            items.iter().map(fingerprint).collect()
        }
        Self {
            actors: each(&b.actors),
            quotes: each(&b.quotes),
            risks: each(&b.risks),
            questions: each(&b.questions),
            stances: each(&b.stances),
            timeline: each(&b.timeline),
            summary: fingerprint(&(&b.title, &b.as_of, &b.summary, &b.sources)),
        }
    }
}

/// FxHash: fast, and a change marker needs no protection against crafted collisions.
fn fingerprint<T: Hash>(item: &T) -> u64 {
    let mut hasher = rustc_hash::FxHasher::default();
    item.hash(&mut hasher);
    hasher.finish()
}

impl Index {
    pub fn build(b: &Briefing) -> Self {
        let by_id = |ids: Vec<&String>| -> HashMap<String, usize> {
            ids.into_iter()
                .enumerate()
                .map(|(i, id)| (id.clone(), i))
                .collect()
        };
        let actor_by_id = by_id(b.actors.iter().map(|a| &a.id).collect());
        let topic_by_id = by_id(b.topics.iter().map(|t| &t.id).collect());
        let per_actor = |ids: &mut dyn Iterator<Item = (usize, &String)>| {
            let mut lists = vec![Vec::new(); b.actors.len()];
            for (item, actor) in ids {
                if let Some(&a) = actor_by_id.get(actor) {
                    lists[a].push(item);
                }
            }
            lists
        };
        let mut stances_by_actor =
            per_actor(&mut b.stances.iter().enumerate().map(|(i, s)| (i, &s.actor)));
        for list in &mut stances_by_actor {
            list.sort_by_key(|&s| topic_by_id.get(&b.stances[s].topic).copied());
        }
        let quotes_by_actor =
            per_actor(&mut b.quotes.iter().enumerate().map(|(i, q)| (i, &q.actor)));
        let risks_by_actor = per_actor(
            &mut b
                .risks
                .iter()
                .enumerate()
                .flat_map(|(i, r)| r.actors.iter().map(move |a| (i, a))),
        );
        let questions_by_actor = per_actor(
            &mut b
                .questions
                .iter()
                .enumerate()
                .flat_map(|(i, q)| q.actors.iter().map(move |a| (i, a))),
        );
        let quote_by_id = by_id(b.quotes.iter().map(|q| &q.id).collect());
        let mut stances_by_topic = vec![Vec::new(); b.topics.len()];
        let mut stances_citing_quote = vec![Vec::new(); b.quotes.len()];
        for list in &stances_by_actor {
            for &s in list {
                if let Some(&t) = topic_by_id.get(&b.stances[s].topic) {
                    stances_by_topic[t].push(s);
                }
                for quote in &b.stances[s].quotes {
                    if let Some(&q) = quote_by_id.get(quote) {
                        stances_citing_quote[q].push(s);
                    }
                }
            }
        }
        let mut risks_by_severity: Vec<usize> = (0..b.risks.len()).collect();
        risks_by_severity.sort_by_key(|&r| std::cmp::Reverse(b.risks[r].score()));
        let mut timeline_by_date: Vec<usize> = (0..b.timeline.len()).collect();
        // `None` (free text) sorts after every `Some`, hence the key's `is_none` first.
        timeline_by_date.sort_by_cached_key(|&e| {
            let when = super::calendar::sort_key(&b.timeline[e].date);
            (when.is_none(), when)
        });
        Self {
            timeline_by_date,
            quote_by_id,
            stances_by_topic,
            stances_citing_quote,
            fingerprints: Fingerprints::of(b),
            source_by_id: by_id(b.sources.iter().map(|s| &s.id).collect()),
            actor_by_id,
            topic_by_id,
            stances_by_actor,
            quotes_by_actor,
            risks_by_actor,
            questions_by_actor,
            risks_by_severity,
        }
    }
}
