//! Checks that need the whole briefing: unique ids, resolving references, coverage.

use super::diagnostic::Diagnostic;
use super::fields::Reference;
use super::lower::References;
use super::model::Briefing;
use super::node::Pos;
use std::collections::{HashMap, HashSet};

pub fn validate(briefing: &Briefing, refs: &References, diags: &mut Vec<Diagnostic>) {
    unique_ids(refs, diags);
    let mut ids: HashMap<&str, HashSet<&str>> = HashMap::new();
    for (section, id, _) in &refs.ids {
        ids.entry(section).or_default().insert(id);
    }
    let none = HashSet::new();
    for reference in &refs.references {
        let known = ids.get(reference.target.what).unwrap_or(&none);
        resolve(reference, known, diags);
    }
    stance_coverage(briefing, diags);
}

fn unique_ids(refs: &References, diags: &mut Vec<Diagnostic>) {
    let mut first_seen: HashMap<(&str, &str), Pos> = HashMap::new();
    for (section, id, pos) in &refs.ids {
        if let Some(first) = first_seen.get(&(*section, id.as_str())) {
            diags.push(Diagnostic::error(
                *pos,
                format!(
                    "duplicate {section} id `{id}` (first used at line {})",
                    first.line
                ),
            ));
        } else {
            first_seen.insert((section, id), *pos);
        }
    }
}

fn resolve(reference: &Reference, known: &HashSet<&str>, diags: &mut Vec<Diagnostic>) {
    let Reference {
        holder,
        target,
        id,
        pos,
    } = reference;
    let plural = target.plural;
    let target = target.what;
    if !id.is_empty() && !known.contains(id.as_str()) {
        let mut candidates: Vec<&str> = known.iter().copied().collect();
        candidates.sort_unstable();
        let hint = if candidates.is_empty() {
            format!("; the briefing defines no {plural}")
        } else {
            format!("; known {plural}: {}", listed(&candidates))
        };
        diags.push(Diagnostic::error(
            *pos,
            format!("{holder} refers to unknown {target} `{id}`{hint}"),
        ));
    }
}

/// The most ids a message lists before it cuts the list short: enough to find a typo
/// by eye, few enough that the message stays on a screen.
const LISTED: usize = 8;

/// Ids as a message lists them: all of a short list; the first of a long one, with how
/// many were left out, so the reader knows the list goes on.
fn listed(ids: &[&str]) -> String {
    if ids.len() <= LISTED {
        return ids.join(", ");
    }
    format!(
        "{} and {} more",
        ids[..LISTED].join(", "),
        ids.len() - LISTED
    )
}

/// One stance per actor and topic; an actor silent on a topic is worth a warning, since
/// `position: unclear` says so explicitly.
fn stance_coverage(briefing: &Briefing, diags: &mut Vec<Diagnostic>) {
    let mut seen: HashMap<(&str, &str), Pos> = HashMap::new();
    for stance in &briefing.stances {
        let key = (stance.actor.as_str(), stance.topic.as_str());
        if let Some(first) = seen.get(&key) {
            diags.push(Diagnostic::error(
                stance.pos,
                format!(
                    "a second stance of `{}` on topic `{}` (the first is at line {})",
                    stance.actor, stance.topic, first.line
                ),
            ));
        } else {
            seen.insert(key, stance.pos);
        }
    }
    // One warning per actor, not per pair: six actors silent on three topics are six
    // things to fix, not eighteen.
    let topics = briefing.topics.len();
    for actor in &briefing.actors {
        let silent: Vec<&str> = briefing
            .topics
            .iter()
            .map(|topic| topic.id.as_str())
            .filter(|topic| !seen.contains_key(&(actor.id.as_str(), *topic)))
            .collect();
        let on = match silent.as_slice() {
            [] => continue,
            [topic] if topics == 1 => format!("topic `{topic}`"),
            _ => format!("{} of {topics} topics: {}", silent.len(), listed(&silent)),
        };
        diags.push(Diagnostic::warning(
            actor.pos,
            format!(
                "actor `{}` has no stance on {on} (use `position: unclear` if the sources are silent)",
                actor.id
            ),
        ));
    }
}
