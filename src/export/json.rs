//! The briefing as JSON in the contract's own shape: the YAML keys, absent keys left out,
//! so that the export loads back (JSON is YAML) to an equal briefing.

use crate::briefing::{Briefing, Loaded, Pos, Vocabulary};
use serde_json::{Map, Value, json};

/// Whether each item carries `at: {line, column}`, where it was written. Off by default:
/// `at` is not a key of the format, so an export with positions does not load back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Positions {
    #[default]
    Omit,
    Include,
}

pub fn json(loaded: &Loaded, positions: Positions) -> String {
    let mut text = serde_json::to_string_pretty(&value(&loaded.briefing, positions))
        .expect("a JSON value serialises");
    text.push('\n');
    text
}

/// One mapping, built key by key in the format's order, leaving out what is absent.
struct Object {
    map: Map<String, Value>,
    positions: Positions,
}

impl Object {
    fn new(positions: Positions) -> Self {
        Self {
            map: Map::new(),
            positions,
        }
    }
    fn text(mut self, key: &str, text: &str) -> Self {
        if !text.is_empty() {
            self.map.insert(key.into(), json!(text));
        }
        self
    }
    /// An optional key is kept even when empty: `url: ""` loads as a text, not as absent.
    fn opt(mut self, key: &str, text: Option<&String>) -> Self {
        if let Some(text) = text {
            self.map.insert(key.into(), json!(text));
        }
        self
    }
    fn texts(mut self, key: &str, texts: &[String]) -> Self {
        if !texts.is_empty() {
            self.map.insert(key.into(), json!(texts));
        }
        self
    }
    fn items(mut self, key: &str, items: Vec<Value>) -> Self {
        if !items.is_empty() {
            self.map.insert(key.into(), Value::Array(items));
        }
        self
    }
    fn at(mut self, pos: Pos) -> Self {
        if self.positions == Positions::Include {
            self.map
                .insert("at".into(), json!({"line": pos.line, "column": pos.col}));
        }
        self
    }
    fn done(self) -> Value {
        Value::Object(self.map)
    }
}

fn value(b: &Briefing, positions: Positions) -> Value {
    let new = || Object::new(positions);
    let sources = b.sources.iter().map(|s| {
        new()
            .text("id", &s.id)
            .text("outlet", &s.outlet)
            .text("title", &s.title)
            .opt("url", s.url.as_ref())
            .opt("note", s.note.as_ref())
            .opt("file", s.file.as_ref())
            .at(s.pos)
            .done()
    });
    let summary = &b.summary;
    let summary =
        (!summary.bluf.is_empty() || !summary.key_points.is_empty() || !summary.caveats.is_empty())
            .then(|| {
                new()
                    .text("bluf", &summary.bluf)
                    .texts("key_points", &summary.key_points)
                    .texts("caveats", &summary.caveats)
                    .at(summary.pos)
                    .done()
            });
    let actors = b.actors.iter().map(|a| {
        let people = a
            .people
            .iter()
            .map(|p| new().text("name", &p.name).text("role", &p.role).done())
            .collect();
        new()
            .text("id", &a.id)
            .text("name", &a.name)
            .opt("short", a.short.as_ref())
            .text("kind", a.kind.word())
            .text("role", &a.role)
            .text("stance", &a.stance)
            .texts("interests", &a.interests)
            .texts("leverage", &a.leverage)
            .items("people", people)
            .at(a.pos)
            .done()
    });
    let topics = b.topics.iter().map(|t| {
        new()
            .text("id", &t.id)
            .text("name", &t.name)
            .opt("description", t.description.as_ref())
            .at(t.pos)
            .done()
    });
    let stances = b.stances.iter().map(|s| {
        new()
            .text("actor", &s.actor)
            .text("topic", &s.topic)
            .text("position", s.position.word())
            .text("summary", &s.summary)
            .texts("quotes", &s.quotes)
            .at(s.pos)
            .done()
    });
    let quotes = b.quotes.iter().map(|q| {
        new()
            .text("id", &q.id)
            .text("speaker", &q.speaker)
            .text("actor", &q.actor)
            .text("text", &q.text)
            .opt("context", q.context.as_ref())
            .text("source", &q.source)
            .at(q.pos)
            .done()
    });
    let risks = b.risks.iter().map(|r| {
        new()
            .text("id", &r.id)
            .text("title", &r.title)
            .text("description", &r.description)
            .text("likelihood", r.likelihood.word())
            .text("impact", r.impact.word())
            .texts("actors", &r.actors)
            .texts("indicators", &r.indicators)
            .at(r.pos)
            .done()
    });
    let questions = b.questions.iter().map(|q| {
        new()
            .text("id", &q.id)
            .text("question", &q.question)
            .text("why", &q.why)
            .texts("actors", &q.actors)
            .texts("watch", &q.watch)
            .at(q.pos)
            .done()
    });
    let timeline = b.timeline.iter().map(|e| {
        new()
            .text("date", &e.date)
            .text("event", &e.event)
            .opt("source", e.source.as_ref())
            .at(e.pos)
            .done()
    });
    let mut root = new()
        .text("title", &b.title)
        .opt("as_of", b.as_of.as_ref())
        .items("sources", sources.collect());
    if let Some(summary) = summary {
        root.map.insert("summary".into(), summary);
    }
    root.items("actors", actors.collect())
        .items("topics", topics.collect())
        .items("stances", stances.collect())
        .items("quotes", quotes.collect())
        .items("risks", risks.collect())
        .items("questions", questions.collect())
        .items("timeline", timeline.collect())
        .done()
}
