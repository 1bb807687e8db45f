//! From the located YAML tree to the model: every key read, every type checked, every
//! problem reported with its position. References are checked afterwards, in `validate`.

use super::calendar;
use super::diagnostic::Diagnostic;
use super::fields::{self, Fields, Reference};
use super::format;
use super::model::*;
use super::node::{Node, Pos};
use super::sanitize;

/// Ids and references, with where each was written, for `validate`.
#[derive(Debug, Default)]
pub struct References {
    /// Every reference to another item, with the kind of item it refers to.
    pub references: Vec<Reference>,
    /// Each item's id with its position, per section, for the uniqueness check.
    pub ids: Vec<(&'static str, String, Pos)>,
}

pub fn lower(root: &Node, diags: &mut Vec<Diagnostic>) -> Option<(Briefing, References)> {
    let mut fields = Fields::of(root, &format::BRIEFING, diags)?;
    let mut refs = References::default();
    let title = fields.text("title", diags).unwrap_or_default();
    let as_of = date(&mut fields, "as_of", diags);
    let sources = each(&mut fields, "sources", diags, |n, d| {
        source(n, d, &mut refs)
    });
    let summary = fields
        .take("summary")
        .and_then(|node| summary(node, diags, &mut refs))
        .unwrap_or_default();
    let actors = each(&mut fields, "actors", diags, |n, d| actor(n, d, &mut refs));
    let topics = each(&mut fields, "topics", diags, |n, d| topic(n, d, &mut refs));
    let stances = each(&mut fields, "stances", diags, |n, d| {
        stance(n, d, &mut refs)
    });
    let quotes = each(&mut fields, "quotes", diags, |n, d| quote(n, d, &mut refs));
    let risks = each(&mut fields, "risks", diags, |n, d| risk(n, d, &mut refs));
    let questions = each(&mut fields, "questions", diags, |n, d| {
        question(n, d, &mut refs)
    });
    let timeline = each(&mut fields, "timeline", diags, |n, d| {
        event(n, d, &mut refs)
    });
    fields.finish(diags, &mut refs.references);
    let briefing = Briefing {
        title,
        as_of,
        sources,
        summary,
        actors,
        topics,
        stances,
        quotes,
        risks,
        questions,
        timeline,
    };
    Some((briefing, refs))
}

fn each<T>(
    fields: &mut Fields<'_>,
    key: &str,
    diags: &mut Vec<Diagnostic>,
    mut item: impl FnMut(&Node, &mut Vec<Diagnostic>) -> Option<T>,
) -> Vec<T> {
    let nodes = fields.list(key, diags);
    let mut items = Vec::with_capacity(nodes.len());
    for node in nodes {
        if let Some(value) = item(node, diags) {
            items.push(value);
        }
    }
    items
}

/// A date (`Value::Date` in the format) must be a calendar date, `YYYY-MM-DD`, written as
/// such: a day the month has (the schema's pattern says the same), and no spaces around
/// it (the schema sees them).
fn date(fields: &mut Fields<'_>, key: &str, diags: &mut Vec<Diagnostic>) -> Option<String> {
    let pos = fields.position_of(key);
    let written = fields.opt_written(key, diags)?;
    let text = sanitize::clean_line(written.trim());
    if !is_iso_date(written) {
        let hint = if is_iso_date(written.trim()) {
            format!("; did you mean `{text}`, without the spaces?")
        } else if date_parts(written.trim()).is_some_and(|(year, _, _)| year == 0) {
            " (the years start at 0001)".to_owned()
        } else if date_parts(written.trim()).is_some() {
            " (there is no such day)".to_owned()
        } else {
            String::new()
        };
        diags.push(Diagnostic::error(
            pos,
            format!(
                "`{key}: {}` is not a date in the form YYYY-MM-DD{hint}",
                fields::shown(written)
            ),
        ));
    }
    Some(text)
}

/// A real day of the Gregorian calendar, from year 0001: `2024-02-29` is one, `2100-02-29`
/// and `2026-04-31` are not.
fn is_iso_date(text: &str) -> bool {
    let Some((year, month, day)) = date_parts(text) else {
        return false;
    };
    year >= 1 && (1..=12).contains(&month) && (1..=calendar::days_in(year, month)).contains(&day)
}

/// `YYYY-MM-DD` in digits, as numbers, whatever they are.
fn date_parts(text: &str) -> Option<(u32, u32, u32)> {
    let parts: Vec<&str> = text.split('-').collect();
    let [year, month, day] = parts.as_slice() else {
        return None;
    };
    let number = |s: &str, len: usize| {
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    Some((number(year, 4)?, number(month, 2)?, number(day, 2)?))
}

/// A language (`Value::Language` in the format) must be shaped as a BCP 47 tag: a primary
/// language of two or three letters, then subtags of letters and digits, each joined by
/// `-` (the schema's pattern says the same). Whether IANA registered the subtags is not
/// checked: the shape is what catches `RU `, `ru_RU` and `Russian`.
fn language(fields: &mut Fields<'_>, key: &str, diags: &mut Vec<Diagnostic>) -> Option<String> {
    let pos = fields.position_of(key);
    let written = fields.opt_written(key, diags)?;
    let text = sanitize::clean_line(written.trim());
    if !is_language_tag(written) {
        let hint = if is_language_tag(written.trim()) {
            format!("; did you mean `{text}`, without the spaces?")
        } else if is_language_tag(&written.trim().replace('_', "-")) {
            format!("; did you mean `{}`?", text.replace('_', "-"))
        } else {
            String::new()
        };
        diags.push(Diagnostic::error(
            pos,
            format!(
                "`{key}: {}` is not a BCP 47 language tag such as `ru`, `zh-Hans` or `en-GB`{hint}",
                fields::shown(written)
            ),
        ));
    }
    Some(text)
}

/// The shape of a BCP 47 tag: `ru`, `zh-Hans`, `en-GB`, `sr-Latn-RS`, `es-419`.
pub fn is_language_tag(text: &str) -> bool {
    let mut subtags = text.split('-');
    let primary = subtags.next().unwrap_or_default();
    (2..=3).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_alphabetic())
        && subtags
            .all(|s| (1..=8).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric()))
}

fn record_id(
    refs: &mut References,
    section: &'static str,
    fields: &mut Fields<'_>,
    diags: &mut Vec<Diagnostic>,
) -> String {
    let (id, pos) = fields.id("id", diags).unwrap_or_default();
    if !id.is_empty() {
        refs.ids.push((section, id.clone(), pos));
    }
    id
}

fn source(node: &Node, diags: &mut Vec<Diagnostic>, refs: &mut References) -> Option<Source> {
    let mut f = Fields::of(node, &format::SOURCE, diags)?;
    let source = Source {
        id: record_id(refs, "source", &mut f, diags),
        outlet: f.text("outlet", diags).unwrap_or_default(),
        title: f.text("title", diags).unwrap_or_default(),
        url: f.text("url", diags),
        note: f.text("note", diags),
        file: f.text("file", diags),
        pos: node.pos,
    };
    f.finish(diags, &mut refs.references);
    Some(source)
}

fn summary(node: &Node, diags: &mut Vec<Diagnostic>, refs: &mut References) -> Option<Summary> {
    let mut f = Fields::of(node, &format::SUMMARY, diags)?;
    let summary = Summary {
        bluf: f.text("bluf", diags).unwrap_or_default(),
        key_points: f.texts("key_points", diags),
        caveats: f.texts("caveats", diags),
        pos: node.pos,
    };
    f.finish(diags, &mut refs.references);
    Some(summary)
}

fn actor(node: &Node, diags: &mut Vec<Diagnostic>, refs: &mut References) -> Option<Actor> {
    let mut f = Fields::of(node, &format::ACTOR, diags)?;
    let id = record_id(refs, "actor", &mut f, diags);
    let name = f.text("name", diags).unwrap_or_default();
    let short = f.text("short", diags);
    let kind = f.word::<ActorKind>("kind", diags);
    let role = f.text("role", diags).unwrap_or_default();
    let stance = f.text("stance", diags).unwrap_or_default();
    let interests = f.texts("interests", diags);
    let leverage = f.texts("leverage", diags);
    let people = f
        .list("people", diags)
        .iter()
        .filter_map(|n| person(n, diags, refs))
        .collect();
    f.finish(diags, &mut refs.references);
    Some(Actor {
        id,
        name,
        short,
        kind: kind.unwrap_or(ActorKind::Organisation),
        role,
        stance,
        interests,
        leverage,
        people,
        pos: node.pos,
    })
}

fn person(node: &Node, diags: &mut Vec<Diagnostic>, refs: &mut References) -> Option<Person> {
    let mut f = Fields::of(node, &format::PERSON, diags)?;
    let person = Person {
        name: f.text("name", diags).unwrap_or_default(),
        role: f.text("role", diags).unwrap_or_default(),
    };
    f.finish(diags, &mut refs.references);
    Some(person)
}

fn topic(node: &Node, diags: &mut Vec<Diagnostic>, refs: &mut References) -> Option<Topic> {
    let mut f = Fields::of(node, &format::TOPIC, diags)?;
    let topic = Topic {
        id: record_id(refs, "topic", &mut f, diags),
        name: f.text("name", diags).unwrap_or_default(),
        description: f.text("description", diags),
        pos: node.pos,
    };
    f.finish(diags, &mut refs.references);
    Some(topic)
}

fn stance(node: &Node, diags: &mut Vec<Diagnostic>, refs: &mut References) -> Option<Stance> {
    let mut f = Fields::of(node, &format::STANCE, diags)?;
    let actor = f.id("actor", diags).unwrap_or_default();
    let topic = f.id("topic", diags).unwrap_or_default();
    let position = f.word::<Position>("position", diags);
    let summary = f.text("summary", diags).unwrap_or_default();
    let quotes = f.ids("quotes", diags);
    f.finish(diags, &mut refs.references);
    Some(Stance {
        actor: actor.0,
        topic: topic.0,
        position: position.unwrap_or(Position::Unclear),
        summary,
        quotes: quotes.into_iter().map(|(id, _)| id).collect(),
        pos: node.pos,
    })
}

fn quote(node: &Node, diags: &mut Vec<Diagnostic>, refs: &mut References) -> Option<Quote> {
    let mut f = Fields::of(node, &format::QUOTE, diags)?;
    let id = record_id(refs, "quote", &mut f, diags);
    let speaker = f.text("speaker", diags).unwrap_or_default();
    let actor = f.id("actor", diags).unwrap_or_default();
    let text = f.text("text", diags).unwrap_or_default();
    let context = f.text("context", diags);
    let source = f.id("source", diags).unwrap_or_default();
    let date = date(&mut f, "date", diags);
    let language = language(&mut f, "language", diags);
    let translation = f.text("translation", diags);
    f.finish(diags, &mut refs.references);
    if context.is_none() && !id.is_empty() {
        diags.push(Diagnostic::warning(
            node.pos,
            format!("quote `{id}` has no `context`: say when, where and through whom it was said"),
        ));
    }
    Some(Quote {
        id,
        speaker,
        actor: actor.0,
        text,
        context,
        source: source.0,
        date,
        language,
        translation,
        pos: node.pos,
    })
}

fn risk(node: &Node, diags: &mut Vec<Diagnostic>, refs: &mut References) -> Option<Risk> {
    let mut f = Fields::of(node, &format::RISK, diags)?;
    let id = record_id(refs, "risk", &mut f, diags);
    let title = f.text("title", diags).unwrap_or_default();
    let description = f.text("description", diags).unwrap_or_default();
    let likelihood = f.word::<Level>("likelihood", diags);
    let impact = f.word::<Level>("impact", diags);
    let actors = f.ids("actors", diags);
    let indicators = f.texts("indicators", diags);
    f.finish(diags, &mut refs.references);
    Some(Risk {
        id,
        title,
        description,
        likelihood: likelihood.unwrap_or(Level::Low),
        impact: impact.unwrap_or(Level::Low),
        actors: actors.into_iter().map(|(id, _)| id).collect(),
        indicators,
        pos: node.pos,
    })
}

fn question(node: &Node, diags: &mut Vec<Diagnostic>, refs: &mut References) -> Option<Question> {
    let mut f = Fields::of(node, &format::QUESTION, diags)?;
    let id = record_id(refs, "question", &mut f, diags);
    let text = f.text("question", diags).unwrap_or_default();
    let why = f.text("why", diags).unwrap_or_default();
    let actors = f.ids("actors", diags);
    let watch = f.texts("watch", diags);
    f.finish(diags, &mut refs.references);
    Some(Question {
        id,
        question: text,
        why,
        actors: actors.into_iter().map(|(id, _)| id).collect(),
        watch,
        pos: node.pos,
    })
}

fn event(node: &Node, diags: &mut Vec<Diagnostic>, refs: &mut References) -> Option<TimelineEvent> {
    let mut f = Fields::of(node, &format::EVENT, diags)?;
    let id = f.id("id", diags);
    let date_pos = f.position_of("date");
    let date = f.text("date", diags).unwrap_or_default();
    // A warning, not an error: `date` has always been free text, and a briefing that
    // opened before must still open.
    if let Some(why) = calendar::problem(date.trim()) {
        diags.push(Diagnostic::warning(
            date_pos,
            format!(
                "`date: {date}` reads as a date (YYYY, YYYY-MM or YYYY-MM-DD) but is not one: {why}; free text such as `late 2025` is fine too"
            ),
        ));
    }
    let text = f.text("event", diags).unwrap_or_default();
    let source = f.id("source", diags);
    f.finish(diags, &mut refs.references);
    refs.ids.extend(
        id.iter()
            .filter(|(id, _)| !id.is_empty())
            .map(|(id, pos)| ("timeline event", id.clone(), *pos)),
    );
    Some(TimelineEvent {
        id: id.map(|(id, _)| id),
        date,
        event: text,
        source: source.map(|(id, _)| id),
        pos: node.pos,
    })
}

#[cfg(test)]
mod tests {
    use super::{is_iso_date, is_language_tag};

    #[test]
    fn language_tags_by_shape() {
        for tag in [
            "ru",
            "zh-Hans",
            "ja",
            "en-GB",
            "sr-Latn-RS",
            "es-419",
            "yue",
        ] {
            assert!(is_language_tag(tag), "{tag}");
        }
        for tag in [
            "",
            "Russian",
            "ru_RU",
            " ru",
            "ru-",
            "r",
            "zh--Hans",
            "en-GB-toolongsubtag",
        ] {
            assert!(!is_language_tag(tag), "{tag}");
        }
    }

    #[test]
    fn iso_dates() {
        assert!(is_iso_date("2026-11-27"));
        assert!(!is_iso_date("2026-13-01"));
        assert!(!is_iso_date("27/11/2026"));
        assert!(!is_iso_date("2026-1-1"));
    }

    #[test]
    fn only_days_the_calendar_has() {
        for day in [
            "2024-02-29",
            "2000-02-29",
            "0001-01-01",
            "2026-04-30",
            "9999-12-31",
        ] {
            assert!(is_iso_date(day), "{day}");
        }
        for day in [
            "2026-02-30",
            "2026-02-29",
            "2100-02-29",
            "1900-02-29",
            "2026-04-31",
            "2026-06-31",
            "2026-09-31",
            "2026-11-31",
            "0000-01-01",
            "2026-00-10",
            "2026-01-00",
            " 2026-01-01",
        ] {
            assert!(!is_iso_date(day), "{day}");
        }
    }
}
