//! A YAML document as a tree of located nodes.
//!
//! The briefing is not deserialised straight into typed structs: serde stops at the first
//! mismatch, and analysts want every problem in a file reported at once. So YAML is read
//! into this small tree (each node keeps its line and column; see `yaml`), and `lower`
//! turns the tree into the model, collecting every diagnostic on the way.
//!
//! Every scalar is kept as the text it was written as: a briefing holds words, never
//! numbers or booleans, so `short: NO` is the text `NO` and `id: 1.10` is `1.10`.

use std::fmt;

/// A 1-based line and column in the briefing's source text. The column counts
/// characters (a tab or a wide character is one); `diagnostic` turns it into the column
/// a terminal shows.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Default,
    serde::Serialize,
    serde::Deserialize,
)]
pub struct Pos {
    pub line: u32,
    #[serde(rename = "column")]
    pub col: u32,
}

impl Pos {
    pub const fn new(line: u32, col: u32) -> Self {
        Self { line, col }
    }
}

/// Where an item sits is not part of what it says: hashing ignores the position, so an
/// item's hash (its fingerprint, for change markers) survives lines inserted above it.
/// Equal positions hash equally, as `Hash` requires, because every position hashes alike.
impl std::hash::Hash for Pos {
    fn hash<H: std::hash::Hasher>(&self, _: &mut H) {}
}

impl fmt::Display for Pos {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.col)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// `~`, `null` or nothing at all, written plain.
    Null,
    /// A scalar's text after YAML's quoting, escaping and folding rules, and nothing
    /// else: no type is inferred.
    Text(String),
    Seq(Vec<Node>),
    Map(Vec<Entry>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub pos: Pos,
    pub value: Value,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub key: String,
    pub key_pos: Pos,
    pub node: Node,
}

impl Value {
    /// The YAML kind, in words, for "expected X, found Y" messages.
    pub fn kind_name(&self) -> &'static str {
        match self {
            Value::Null => "nothing",
            Value::Text(_) => "text",
            Value::Seq(_) => "a list",
            Value::Map(_) => "a mapping",
        }
    }
}
