//! The located node tree, built straight from the YAML parser's events.
//!
//! serde-saphyr reads YAML with granit-parser and then deserialises the events; for our
//! tree of located nodes the deserialiser costs twice what the parser does (a 3 MB
//! briefing: 60 ms of events, 200 ms in all). Briefings are plain YAML: one document,
//! block mappings and lists of text. For that case this builds the same tree from the
//! parser's events directly. Anything else (anchors, aliases, tags, merge keys, duplicate
//! keys, deep nesting, a syntax error, a scalar whose type is not obvious) makes it give
//! up, and the caller asks serde-saphyr, whose budgets and error messages then apply.
//! A test checks both give the same tree on every fixture.

use super::node::{Entry, Node, Pos, Value};
use serde_saphyr::granit_parser::{Event, Parser, ScalarStyle, Span};
use std::borrow::Cow;
use std::collections::HashSet;
use std::hash::{DefaultHasher, Hash, Hasher};

/// Nesting beyond this goes to serde-saphyr, whose own limit is higher and which reports
/// it; a briefing nests five levels at most.
const MAX_DEPTH: usize = 32;

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
                        value: scalar(text, style)?,
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

/// A key must be text; one YAML would read as another type goes the slow way, which
/// knows how serde-saphyr spells it.
fn key_text(text: Cow<'_, str>, style: ScalarStyle) -> Option<String> {
    match scalar(text, style)? {
        Value::Str(key) => Some(key),
        _ => None,
    }
}

/// A scalar's value as serde-saphyr's untyped deserialisation gives it (YAML 1.1
/// booleans, leading zeros and underscores kept as text), for the spellings that are
/// certain; `None` for anything that looks numeric and is not a plain decimal.
fn scalar(text: Cow<'_, str>, style: ScalarStyle) -> Option<Value> {
    if style != ScalarStyle::Plain {
        return Some(Value::Str(text.into_owned()));
    }
    let t: &str = &text;
    if matches!(t, "" | "~" | "null" | "Null" | "NULL") {
        return Some(Value::Null);
    }
    if t.starts_with([' ', '\t']) || t.ends_with([' ', '\t']) {
        return None;
    }
    const TRUE: [&str; 4] = ["true", "yes", "y", "on"];
    const FALSE: [&str; 4] = ["false", "no", "n", "off"];
    if t.len() <= 5 {
        if TRUE.iter().any(|w| t.eq_ignore_ascii_case(w)) {
            return Some(Value::Bool(true));
        }
        if FALSE.iter().any(|w| t.eq_ignore_ascii_case(w)) {
            return Some(Value::Bool(false));
        }
    }
    let first = t.as_bytes()[0];
    if first.is_ascii_digit() || matches!(first, b'+' | b'-' | b'.') {
        if let Some(n) = plain_decimal(t) {
            return Some(Value::Int(n));
        }
        return is_date(t).then(|| Value::Str(text.into_owned()));
    }
    let prefix = t.as_bytes().get(..3);
    if prefix.is_some_and(|p| p.eq_ignore_ascii_case(b"inf") || p.eq_ignore_ascii_case(b"nan")) {
        return None;
    }
    Some(Value::Str(text.into_owned()))
}

/// `0`, `42` or `-42`, with no leading zero, short enough to fit an i64.
fn plain_decimal(t: &str) -> Option<i64> {
    let digits = t.strip_prefix('-').unwrap_or(t);
    let simple = !digits.is_empty()
        && digits.len() <= 18
        && digits.bytes().all(|b| b.is_ascii_digit())
        && (digits == "0" || !digits.starts_with('0'))
        && t != "-0";
    if simple { t.parse().ok() } else { None }
}

/// `2025-09-11`: neither an integer nor a float to YAML, so text.
fn is_date(t: &str) -> bool {
    let b = t.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    // The limits the loader uses.
    use crate::briefing::load::tree_limits as limits;

    fn slow(text: &str) -> Option<Node> {
        serde_saphyr::from_str_with_options::<Option<Node>>(
            text,
            super::super::load::yaml_options(),
        )
        .ok()
        .flatten()
    }

    /// Where the fast path gives a tree, it is serde-saphyr's tree, positions included.
    fn assert_agrees(text: &str) -> bool {
        match build(text, &limits()) {
            Some(fast) => {
                assert_eq!(Some(fast), slow(text), "fast path differs on:\n{text}");
                true
            }
            None => false,
        }
    }

    #[test]
    fn agrees_with_serde_saphyr_on_every_fixture_and_briefing() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut fast = 0;
        let mut files = 0;
        for dir in [
            "briefings",
            "tests/fixtures/good",
            "tests/fixtures/bad",
            "tests/fixtures/hostile",
        ] {
            for entry in std::fs::read_dir(root.join(dir)).unwrap() {
                let path = entry.unwrap().path();
                let Ok(text) = std::fs::read_to_string(&path) else {
                    continue;
                };
                files += 1;
                fast += usize::from(assert_agrees(&text));
            }
        }
        assert!(files >= 20, "only {files} files read");
        assert!(
            fast >= files / 2,
            "fast path taken on {fast} of {files} files"
        );
    }

    #[test]
    fn scalars_resolve_as_serde_saphyr_resolves_them() {
        let spellings = [
            "",
            "~",
            "null",
            "Null",
            "NULL",
            "nULL",
            "true",
            "True",
            "TRUE",
            "yes",
            "Y",
            "on",
            "Off",
            "n",
            "no",
            "0",
            "7",
            "-7",
            "+7",
            "-0",
            "007",
            "1_000",
            "0x1F",
            "0X1F",
            "0o17",
            "0b101",
            "1.5",
            "-1.5",
            ".5",
            "1e3",
            "1E3",
            ".inf",
            "-.inf",
            ".nan",
            ".NaN",
            "inf",
            "Infinity",
            "nan",
            "NaN",
            "-nan",
            "2025-09-11",
            "2025-9-11",
            "12:30",
            "1:30:00",
            "123456789012345678",
            "1234567890123456789",
            "99999999999999999999",
            "-",
            ".",
            "+",
            "1.",
            "a1",
            "yes please",
            "Belarus",
            "Лукашенко",
            "ルカシェンコ",
            "'quoted 1'",
            "\"2\"",
            "[1, 2]",
            "{a: 1}",
            "|\n  block\n",
            "1 2",
            "0.",
            "-.5",
            "+.5",
            "1__0",
        ];
        for s in spellings {
            let text = format!("key: {s}\n");
            assert_agrees(&text);
            let as_key = format!("{s}: value\n");
            assert_agrees(&as_key);
        }
        assert!(assert_agrees(
            "a: Belarus\nb: 42\nc: yes\nd: ~\ne: 2025-09-11\n"
        ));
    }

    #[test]
    fn gives_up_where_serde_saphyr_must_decide() {
        for text in [
            "a: &x 1\nb: *x\n",
            "a: !!str 1\n",
            "base: &b {x: 1}\nm:\n  <<: *b\n",
            "a: 1\na: 2\n",
            "a: [1\n",
            "---\na: 1\n---\nb: 2\n",
            "a: 1.5\n",
            "? [a]\n: 1\n",
        ] {
            assert!(
                build(text, &limits()).is_none(),
                "fast path taken on {text:?}"
            );
        }
        let deep = format!("{}1{}", "[".repeat(40), "]".repeat(40));
        assert!(build(&deep, &limits()).is_none());
    }

    #[test]
    fn duplicate_keys_in_a_long_mapping_are_found() {
        let mut text: String = (0..100).map(|i| format!("k{i}: {i}\n")).collect();
        assert!(assert_agrees(&text));
        text.push_str("k3: again\n");
        assert!(build(&text, &limits()).is_none());
    }
}
