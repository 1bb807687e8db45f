//! The located node tree, built straight from the YAML parser's events: the fast path.
//!
//! serde-saphyr reads YAML with granit-parser and then deserialises the events; for our
//! tree the deserialiser costs as much again as the parser (a 3 MB briefing: 70 ms of
//! events, 150 ms through serde-saphyr), and without this path the 3 MB briefing's first
//! frame misses its 300 ms target. Briefings are plain YAML: one document, block or flow
//! mappings and lists of text. For that case this builds the same tree from the parser's
//! events directly. Anything else (anchors, aliases, tags, merge keys, a key YAML would
//! type, duplicate keys, deep nesting, a syntax error, a document near a budget) makes it
//! give up, and `yaml` asks serde-saphyr, whose budgets and error messages then apply.
//! The fidelity proptest and the load fuzz target check that where this path gives a
//! tree, it is serde-saphyr's tree.

use super::node::{Entry, Node, Pos, Value};
use serde_saphyr::granit_parser::{Event, Parser, ScalarStyle, Span, Tag};
use std::borrow::Cow;
use std::collections::HashSet;
use std::hash::{DefaultHasher, Hash, Hasher};

/// Nesting beyond this goes to serde-saphyr, whose own limit is higher and which reports
/// it; a briefing nests five levels at most.
const MAX_DEPTH: usize = 16;

/// Parser limits, taken from the serde-saphyr budget the slow path uses, so that this
/// path never accepts what that one would refuse.
pub(super) struct Limits {
    pub max_events: usize,
    pub simple_key_max_lookahead: usize,
    pub flow_nesting_limit: usize,
}

/// The document's root node; `None` when the slow path must decide.
pub(super) fn build(text: &str, limits: &Limits) -> Option<Node> {
    let mut options = serde_saphyr::granit_parser::Options::default();
    options.simple_key_max_lookahead = limits.simple_key_max_lookahead;
    options.flow_nesting_limit = limits.flow_nesting_limit;
    let mut parser = Parser::new_from_str_with_options(text, options);
    let mut builder = Builder::default();
    let mut events = 0usize;
    let mut documents = 0;
    let mut root = None;
    while let Some(next) = parser.next_event() {
        let (event, span) = next.ok()?;
        events += 1;
        if events > limits.max_events {
            return None;
        }
        match event {
            Event::StreamStart | Event::DocumentEnd => {}
            Event::StreamEnd => break,
            Event::DocumentStart(..) => {
                documents += 1;
                if documents > 1 {
                    return None;
                }
            }
            Event::Scalar(text, style, anchor, tag) => {
                if anchor != 0 || tag.is_some() {
                    return None;
                }
                let pos = pos_of(&span);
                if builder.expects_key() {
                    builder.key(key_text(text, style)?, pos)?;
                } else {
                    root = builder.node(Node {
                        pos,
                        value: scalar(text, style),
                    })?;
                }
            }
            Event::SequenceStart(_, anchor, ref tag) | Event::MappingStart(_, anchor, ref tag) => {
                if anchor != 0 || tag.is_some() || builder.expects_key() {
                    return None;
                }
                let is_map = matches!(event, Event::MappingStart(..));
                builder.open(pos_of(&span), is_map)?;
            }
            Event::SequenceEnd | Event::MappingEnd => root = builder.close()?,
            _ => return None,
        }
    }
    root.filter(|_| documents == 1)
}

/// Where the scalars tagged as binary data stand (`!!binary`, and the spellings
/// serde-saphyr also takes for it). Binary data is no text as written, whatever it
/// decodes to, and JSON, which the schema reads, has no binary values: the loader refuses
/// it where it stands, which serde-saphyr's values cannot say.
pub(super) fn binary_scalars(text: &str, limits: &Limits) -> Vec<Pos> {
    let mut options = serde_saphyr::granit_parser::Options::default();
    options.simple_key_max_lookahead = limits.simple_key_max_lookahead;
    options.flow_nesting_limit = limits.flow_nesting_limit;
    let mut parser = Parser::new_from_str_with_options(text, options);
    let mut found = Vec::new();
    for _ in 0..limits.max_events {
        let Some(Ok((event, span))) = parser.next_event() else {
            break;
        };
        match event {
            Event::Scalar(_, _, _, Some(tag)) if is_binary(&tag) => found.push(pos_of(&span)),
            Event::StreamEnd => break,
            _ => {}
        }
    }
    found
}

fn is_binary(tag: &Tag) -> bool {
    let core = tag
        .suffix_in_namespace("tag:yaml.org,2002:")
        .is_some_and(|name| name.strip_prefix('!').unwrap_or(&name) == "binary");
    let local = tag
        .suffix_in_namespace("!")
        .is_some_and(|name| name == "binary" || name == "!binary");
    core || local
}

fn pos_of(span: &Span) -> Pos {
    let to_u32 = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    Pos::new(to_u32(span.start.line()), to_u32(span.start.col() + 1))
}

enum Frame {
    Seq(Pos, Vec<Node>),
    Map(Pos, Vec<Entry>, Option<(String, Pos)>, Keys),
}

#[derive(Default)]
struct Builder {
    stack: Vec<Frame>,
}

impl Builder {
    fn expects_key(&self) -> bool {
        matches!(self.stack.last(), Some(Frame::Map(_, _, None, _)))
    }

    fn key(&mut self, key: String, pos: Pos) -> Option<()> {
        let Some(Frame::Map(_, entries, pending, keys)) = self.stack.last_mut() else {
            return None;
        };
        if key == "<<" || !keys.is_new(entries, &key) {
            return None;
        }
        *pending = Some((key, pos));
        Some(())
    }

    fn open(&mut self, pos: Pos, is_map: bool) -> Option<()> {
        if self.stack.len() >= MAX_DEPTH {
            return None;
        }
        self.stack.push(if is_map {
            Frame::Map(pos, Vec::new(), None, Keys::default())
        } else {
            Frame::Seq(pos, Vec::new())
        });
        Some(())
    }

    fn close(&mut self) -> Option<Option<Node>> {
        let node = match self.stack.pop()? {
            Frame::Seq(pos, items) => Node {
                pos,
                value: Value::Seq(items),
            },
            Frame::Map(pos, entries, None, _) => Node {
                pos,
                value: Value::Map(entries),
            },
            Frame::Map(_, _, Some(_), _) => return None,
        };
        self.node(node)
    }

    /// Places a finished node in its parent; gives the node back when it is the root.
    fn node(&mut self, node: Node) -> Option<Option<Node>> {
        match self.stack.last_mut() {
            None => Some(Some(node)),
            Some(Frame::Seq(_, items)) => {
                items.push(node);
                Some(None)
            }
            Some(Frame::Map(_, entries, pending, _)) => {
                let (key, key_pos) = pending.take()?;
                entries.push(Entry { key, key_pos, node });
                Some(None)
            }
        }
    }
}

/// The keys a mapping has seen. Maps in a briefing have a dozen keys, compared pairwise;
/// a hostile flow mapping may have a million, so from 32 on the keys' hashes go in a set.
/// A hash collision only sends the file the slow way, which checks keys itself.
#[derive(Default)]
struct Keys {
    hashes: Option<HashSet<u64>>,
}

impl Keys {
    const PAIRWISE: usize = 32;

    fn is_new(&mut self, entries: &[Entry], key: &str) -> bool {
        let hash = |k: &str| {
            let mut h = DefaultHasher::new();
            k.hash(&mut h);
            h.finish()
        };
        if entries.len() < Self::PAIRWISE {
            return !entries.iter().any(|e| e.key == key);
        }
        let hashes = self
            .hashes
            .get_or_insert_with(|| entries.iter().map(|e| hash(&e.key)).collect());
        hashes.insert(hash(key))
    }
}

/// A key must be text that YAML would not read as another type: serde-saphyr compares
/// typed keys by value (`1` and `01` are one key), so any other goes the slow way.
fn key_text(text: Cow<'_, str>, style: ScalarStyle) -> Option<String> {
    if style != ScalarStyle::Plain {
        return Some(text.into_owned());
    }
    let t: &str = &text;
    let first = *t.as_bytes().first()?;
    let typed_word = t.len() <= 5
        && [
            "true", "yes", "y", "on", "false", "no", "n", "off", "null", "~",
        ]
        .iter()
        .any(|w| t.eq_ignore_ascii_case(w));
    let numeric = first.is_ascii_digit() || matches!(first, b'+' | b'-' | b'.');
    let prefix = t.as_bytes().get(..3);
    let special =
        prefix.is_some_and(|p| p.eq_ignore_ascii_case(b"inf") || p.eq_ignore_ascii_case(b"nan"));
    (!typed_word && !numeric && !special && t.trim() == t).then(|| text.into_owned())
}

/// A scalar's value: text as the parser gives it, or nothing for a plain `~`, `null` or
/// empty scalar (as serde-saphyr reads them). Plain scalars YAML would type (`NO`, `1.10`)
/// are text here as they are through serde-saphyr (see `yaml`).
fn scalar(text: Cow<'_, str>, style: ScalarStyle) -> Value {
    if style == ScalarStyle::Plain && matches!(&*text, "" | "~" | "null" | "Null" | "NULL") {
        return Value::Null;
    }
    Value::Text(text.into_owned())
}
