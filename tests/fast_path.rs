//! The fast YAML path (`briefing/tree.rs`, straight from the parser's events) against
//! serde-saphyr, on the plain documents it exists for: block, flow and mixed, with every
//! null spelling and typed-looking word as a plain scalar, and mappings both under and
//! over the 32 keys where the fast path changes how it finds a duplicate key.
//!
//! Each case asserts that the fast path was taken (or, for a duplicate key, refused), so a
//! generator that drifted into spellings the fast path passes over would fail here rather
//! than prove nothing.

use brief::briefing::{self, yaml};
use proptest::prelude::*;

mod common;

/// Plain scalars with a meaning of their own to YAML, and ordinary words in three scripts.
/// Every one is safe unquoted in block and in flow context.
const SCALARS: &[&str] = &[
    "Null",
    "NULL",
    "null",
    "~",
    "NO",
    "yes",
    "On",
    "0x1F",
    "+7",
    "1.10",
    ".inf",
    "-.NaN",
    "2026-02-30",
    "plain words",
    "Беларусь",
    "東京",
    "a-b",
];

#[derive(Debug, Clone)]
enum Value {
    Scalar(&'static str),
    List(Vec<Value>),
    Map(Vec<(String, Value)>),
}

fn scalar() -> impl Strategy<Value = Value> {
    prop::sample::select(SCALARS).prop_map(Value::Scalar)
}

/// A mapping with keys `k0`, `k1`... in order, so that it has no duplicate.
fn map_of(values: Vec<Value>) -> Value {
    Value::Map(
        values
            .into_iter()
            .enumerate()
            .map(|(i, v)| (format!("k{i}"), v))
            .collect(),
    )
}

fn value() -> impl Strategy<Value = Value> {
    scalar().prop_recursive(3, 80, 40, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::List),
            // Small mappings, as a briefing's items are, and large ones past 32 keys.
            prop::collection::vec(inner.clone(), 0..6).prop_map(map_of),
            prop::collection::vec(inner, 30..40).prop_map(map_of),
        ]
    })
}

/// A document: always a mapping at the top, as a briefing is.
fn document() -> impl Strategy<Value = Value> {
    prop_oneof![
        prop::collection::vec(value(), 1..6).prop_map(map_of),
        prop::collection::vec(value(), 32..45).prop_map(map_of),
    ]
}

/// How a collection is written: `flow` from this depth on, and a die for mixed style.
#[derive(Debug, Clone, Copy)]
enum Layout {
    Block,
    Flow,
    Mixed(u64),
}

impl Layout {
    fn flow_here(self, depth: usize, n: usize) -> bool {
        match self {
            Layout::Block => false,
            Layout::Flow => true,
            // Block at the top, then flow wherever the seed's bit says so.
            Layout::Mixed(seed) => depth > 0 && (seed >> ((depth * 7 + n) % 64)) & 1 == 1,
        }
    }
}

fn flow(v: &Value, out: &mut String) {
    match v {
        Value::Scalar(s) => out.push_str(s),
        Value::List(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                flow(item, out);
            }
            out.push(']');
        }
        Value::Map(entries) => {
            out.push('{');
            for (i, (k, item)) in entries.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                out.push_str(k);
                out.push_str(": ");
                flow(item, out);
            }
            out.push('}');
        }
    }
}

fn is_empty_collection(v: &Value) -> bool {
    matches!(v, Value::List(l) if l.is_empty()) || matches!(v, Value::Map(m) if m.is_empty())
}

/// Writes `v` after a `key:` or `-` already on the line.
fn after_indicator(v: &Value, layout: Layout, depth: usize, n: usize, out: &mut String) {
    match v {
        Value::Scalar(s) => {
            out.push(' ');
            out.push_str(s);
            out.push('\n');
        }
        _ if is_empty_collection(v) || layout.flow_here(depth, n) => {
            out.push(' ');
            flow(v, out);
            out.push('\n');
        }
        _ => {
            out.push('\n');
            block(v, layout, depth + 1, out);
        }
    }
}

fn block(v: &Value, layout: Layout, depth: usize, out: &mut String) {
    let indent = "  ".repeat(depth);
    match v {
        Value::Scalar(_) => unreachable!("a scalar is written after its indicator"),
        Value::List(items) => {
            for (n, item) in items.iter().enumerate() {
                out.push_str(&indent);
                out.push('-');
                after_indicator(item, layout, depth, n, out);
            }
        }
        Value::Map(entries) => {
            for (n, (k, item)) in entries.iter().enumerate() {
                out.push_str(&indent);
                out.push_str(k);
                out.push(':');
                after_indicator(item, layout, depth, n, out);
            }
        }
    }
}

fn write(doc: &Value, layout: Layout) -> String {
    let mut out = String::new();
    match layout {
        Layout::Flow => {
            flow(doc, &mut out);
            out.push('\n');
        }
        _ => block(doc, layout, 0, &mut out),
    }
    out
}

fn layout() -> impl Strategy<Value = Layout> {
    prop_oneof![
        Just(Layout::Block),
        Just(Layout::Flow),
        any::<u64>().prop_map(Layout::Mixed),
    ]
}

/// The path to the mapping that gets a duplicate key, and which of its keys is repeated:
/// the first mapping on a walk that takes the `choice`-th child at each level.
fn add_duplicate(doc: &mut Value, choice: usize, key: usize) -> Option<usize> {
    let Value::Map(entries) = doc else {
        return None;
    };
    if let Some((_, child)) = entries
        .iter_mut()
        .filter(|(_, c)| matches!(c, Value::Map(m) if !m.is_empty()))
        .nth(choice % 3)
        && let Some(len) = add_duplicate(child, choice / 3, key)
    {
        return Some(len);
    }
    let repeated = entries[key % entries.len()].0.clone();
    let at = entries.len();
    entries.push((repeated, Value::Scalar("again")));
    Some(at)
}

proptest! {
    #![proptest_config(common::proptest_config(128))]

    /// Every plain document is taken by the fast path, and read as serde-saphyr reads it.
    #[test]
    fn the_fast_path_takes_plain_yaml_and_reads_it_as_serde_saphyr(
        doc in document(),
        layout in layout(),
    ) {
        let text = write(&doc, layout);
        let fast = yaml::read_fast(&text);
        prop_assert!(fast.is_some(), "the fast path passed over:\n{}", text);
        prop_assert_eq!(Ok(fast), yaml::read_slow(&text), "the paths differ on:\n{}", text);
    }

    /// A duplicate key, in a small mapping or past the 32nd key of a large one, is
    /// refused by serde-saphyr and passed over by the fast path, never read.
    #[test]
    fn a_duplicate_key_is_never_read_by_the_fast_path(
        mut doc in document(),
        layout in layout(),
        choice in 0usize..27,
        key in 0usize..64,
    ) {
        let at = add_duplicate(&mut doc, choice, key).expect("the document is a mapping");
        let text = write(&doc, layout);
        prop_assert!(yaml::read_slow(&text).is_err(), "serde-saphyr took a duplicate:\n{}", text);
        prop_assert!(
            yaml::read_fast(&text).is_none(),
            "the fast path read a duplicate key (the mapping's key {}):\n{}", at + 1, text
        );
        prop_assert!(briefing::parse(&text).is_err());
    }
}

/// The duplicate-key test reaches mappings past the 32 keys where the fast path changes
/// how it looks for one: without these, the property above could hold by never going
/// there.
#[test]
fn duplicates_past_the_32nd_key_are_generated() {
    let doc = map_of((0..40).map(|_| Value::Scalar("x")).collect());
    for (key, layout) in [(35, Layout::Block), (39, Layout::Flow), (3, Layout::Block)] {
        let mut doc = doc.clone();
        let at = add_duplicate(&mut doc, 0, key).unwrap();
        assert!(at >= 32, "the duplicate is key {at}");
        let text = write(&doc, layout);
        assert!(yaml::read_slow(&text).is_err());
        assert_eq!(yaml::read_fast(&text), None, "{text}");
    }
}
