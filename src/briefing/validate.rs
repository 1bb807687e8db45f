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
    let target = target.what;
    if !id.is_empty() && !known.contains(id.as_str()) {
        let mut candidates: Vec<&str> = known.iter().copied().collect();
        candidates.sort_unstable();
        let hint = match candidates.len() {
            0 => format!("; the briefing defines no {target}s"),
            1..=8 => format!("; known {target}s: {}", candidates.join(", ")),
            _ => String::new(),
        };
        diags.push(Diagnostic::error(
            *pos,
            format!("{holder} refers to unknown {target} `{id}`{hint}"),
        ));
    }
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
    for actor in &briefing.actors {
        for topic in &briefing.topics {
            if !seen.contains_key(&(actor.id.as_str(), topic.id.as_str())) {
                diags.push(Diagnostic::warning(
                    actor.pos,
                    format!(
                        "actor `{}` has no stance on topic `{}` (use `position: unclear` if the sources are silent)",
                        actor.id, topic.id
                    ),
                ));
            }
        }
    }
}
