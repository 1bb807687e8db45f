//! Writing one YAML tree in many spellings, for the differential tests of the loader.
//!
//! Every choice (block or flow, scalar style, tag, anchor, comment, blank line, line
//! ending) is taken from a `Dice`, a byte string proptest generates and shrinks, so a
//! failing spelling comes back as a short, reproducible one.

#![allow(dead_code)]

use brief::briefing::{Briefing, format};
use serde_json::Value as Json;

/// A YAML document to write: texts, lists and mappings with keys in order.
#[derive(Debug, Clone, PartialEq)]
pub enum Tree {
    Text(String),
    List(Vec<Tree>),
    Map(Vec<(&'static str, Tree)>),
}

impl Tree {
    fn is_empty(&self) -> bool {
        match self {
            Tree::Text(s) => s.is_empty(),
            Tree::List(items) => items.is_empty(),
            Tree::Map(entries) => entries.is_empty(),
        }
    }

    /// Every text in the tree, keys aside.
    pub fn texts(&self, out: &mut Vec<String>) {
        match self {
            Tree::Text(s) => out.push(s.clone()),
            Tree::List(items) => items.iter().for_each(|i| i.texts(out)),
            Tree::Map(entries) => entries.iter().for_each(|(_, v)| v.texts(out)),
        }
    }
}

/// Decisions, read one at a time; past the end they start again (all zero if empty).
pub struct Dice<'a> {
    bytes: &'a [u8],
    next: usize,
}

impl<'a> Dice<'a> {
    pub fn new(bytes: &'a [u8]) -> Self {
        Self { bytes, next: 0 }
    }

    /// A number below `n`.
    pub fn roll(&mut self, n: usize) -> usize {
        if self.bytes.is_empty() || n <= 1 {
            return 0;
        }
        let b = self.bytes[self.next % self.bytes.len()] as usize;
        // Advance by a stride prime to most lengths, so a short die still varies.
        self.next += 1;
        (b + self.next / self.bytes.len()) % n
    }

    pub fn one_in(&mut self, n: usize) -> bool {
        self.roll(n) == 0
    }
}

/// How a document is laid out.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    /// Collections: 0 block only, 1 flow only, 2 either, by the dice.
    collections: u8,
    /// Scalars in any of YAML's styles (else all double-quoted, as JSON).
    any_scalar: bool,
    /// Comments, blank lines, tags, anchors and aliases, document markers, CRLF.
    decorated: bool,
    /// Aliases of anchored texts (a large document would run into the alias budget).
    aliases: bool,
    /// `!!str` tags and anchors (which send a text the slow way).
    tags: bool,
    json: bool,
}

impl Style {
    pub fn block() -> Self {
        Self {
            collections: 0,
            any_scalar: true,
            decorated: true,
            aliases: true,
            tags: true,
            json: false,
        }
    }
    pub fn flow() -> Self {
        Self {
            collections: 1,
            ..Self::block()
        }
    }
    pub fn mixed() -> Self {
        Self {
            collections: 2,
            ..Self::block()
        }
    }
    pub fn without_aliases(self) -> Self {
        Self {
            aliases: false,
            ..self
        }
    }
    pub fn without_tags(self) -> Self {
        Self {
            tags: false,
            ..self
        }
    }
    pub fn json() -> Self {
        Self {
            collections: 1,
            any_scalar: false,
            decorated: false,
            aliases: false,
            tags: false,
            json: true,
        }
    }
}

/// The tree written in `style`.
pub fn emit(tree: &Tree, style: &Style, dice: &mut Dice<'_>) -> String {
    if style.json {
        return serde_json::to_string_pretty(&to_json(tree)).unwrap() + "\n";
    }
    let mut w = Writer {
        style: *style,
        dice,
        out: String::new(),
        anchors: Vec::new(),
    };
    if style.decorated && w.dice.one_in(3) {
        w.out.push_str("# a briefing\n");
    }
    if style.decorated && w.dice.one_in(3) {
        w.out.push_str("---\n");
    }
    match tree {
        Tree::Map(entries) if w.flow_here() => w.flow_root(entries),
        Tree::Map(entries) => w.block_map(entries, 0, false),
        other => panic!("a briefing is a mapping, not {other:?}"),
    }
    if style.decorated && w.dice.one_in(4) {
        w.out.push_str("...\n");
    }
    if style.decorated && w.dice.one_in(3) {
        w.out = w.out.replace('\n', "\r\n");
    }
    w.out
}

fn to_json(tree: &Tree) -> Json {
    match tree {
        Tree::Text(s) => Json::String(s.clone()),
        Tree::List(items) => Json::Array(items.iter().map(to_json).collect()),
        Tree::Map(entries) => Json::Object(
            entries
                .iter()
                .map(|(k, v)| ((*k).to_owned(), to_json(v)))
                .collect(),
        ),
    }
}

struct Writer<'d, 'b> {
    style: Style,
    dice: &'d mut Dice<'b>,
    out: String,
    /// Texts given an anchor, with its name, for aliases later.
    anchors: Vec<(String, String)>,
}

impl Writer<'_, '_> {
    fn flow_here(&mut self) -> bool {
        match self.style.collections {
            0 => false,
            1 => true,
            _ => self.dice.one_in(3),
        }
    }

    fn indent(&mut self, n: usize) {
        self.out.extend(std::iter::repeat_n(' ', n));
    }

    fn decorated(&mut self, one_in: usize) -> bool {
        self.style.decorated && self.dice.one_in(one_in)
    }

    fn key(&mut self, key: &str) {
        match self.roll_style(8) {
            0 if self.style.any_scalar => self.out.push_str(&format!("'{key}'")),
            1 if self.style.any_scalar => self.out.push_str(&format!("\"{key}\"")),
            _ => self.out.push_str(key),
        }
    }

    fn roll_style(&mut self, n: usize) -> usize {
        if self.style.any_scalar {
            self.dice.roll(n)
        } else {
            n
        }
    }

    /// The root as a flow mapping over several lines, keys at column 1.
    fn flow_root(&mut self, entries: &[(&'static str, Tree)]) {
        self.out.push_str("{\n");
        for (i, (k, v)) in entries.iter().enumerate() {
            if self.decorated(5) {
                self.out.push_str("# between entries\n");
            }
            self.key(k);
            self.out.push_str(": ");
            self.flow(v, 2);
            if i + 1 < entries.len() || self.dice.one_in(3) {
                self.out.push(',');
            }
            self.out.push('\n');
        }
        self.out.push_str("}\n");
    }

    /// `entries` as a block mapping at `indent`; the first key goes where the cursor
    /// already is when `compact` (a mapping that is a list item).
    fn block_map(&mut self, entries: &[(&'static str, Tree)], indent: usize, compact: bool) {
        for (i, (k, v)) in entries.iter().enumerate() {
            if !(compact && i == 0) {
                if self.decorated(6) {
                    self.out.push('\n');
                }
                if self.decorated(7) {
                    self.indent(indent);
                    self.out.push_str("# a comment line\n");
                }
                self.indent(indent);
            }
            self.key(k);
            self.out.push(':');
            self.block_value(v, indent);
        }
        if entries.is_empty() {
            self.out.push_str("{}\n");
        }
    }

    /// A value after `key:` in block context.
    fn block_value(&mut self, v: &Tree, indent: usize) {
        match v {
            Tree::Text(s) => {
                let separator = if self.decorated(6) { '\t' } else { ' ' };
                self.out.push(separator);
                self.scalar(s, indent + 2, false);
                if self.decorated(4) && !self.out.ends_with('\n') {
                    self.out.push_str(" # a comment");
                }
                if !self.out.ends_with('\n') {
                    self.out.push('\n');
                }
            }
            Tree::List(items) if items.is_empty() => self.out.push_str(" []\n"),
            Tree::Map(entries) if entries.is_empty() => self.out.push_str(" {}\n"),
            _ if self.flow_here() => {
                self.out.push(' ');
                self.flow(v, indent + 2);
                self.out.push('\n');
            }
            Tree::List(items) => {
                self.out.push('\n');
                // A list under a key may stand at the key's own indentation.
                let at = if self.dice.one_in(2) {
                    indent
                } else {
                    indent + 2
                };
                self.block_list(items, at);
            }
            Tree::Map(entries) => {
                self.out.push('\n');
                self.block_map(entries, indent + 2, false);
            }
        }
    }

    fn block_list(&mut self, items: &[Tree], indent: usize) {
        for item in items {
            self.indent(indent);
            self.out.push_str("- ");
            match item {
                Tree::Text(s) => {
                    self.scalar(s, indent + 2, false);
                    if !self.out.ends_with('\n') {
                        self.out.push('\n');
                    }
                }
                Tree::Map(entries) if !entries.is_empty() && !self.flow_here() => {
                    self.block_map(entries, indent + 2, true)
                }
                other => {
                    self.flow(other, indent + 2);
                    self.out.push('\n');
                }
            }
        }
    }

    /// A value in flow style; long collections are laid over several lines at `indent`.
    fn flow(&mut self, v: &Tree, indent: usize) {
        match v {
            Tree::Text(s) => self.scalar(s, indent, true),
            Tree::List(items) => {
                let multiline = !self.style.json && items.len() > 2 && self.dice.one_in(2);
                self.out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if multiline {
                        self.out.push('\n');
                        self.indent(indent);
                    } else if i > 0 {
                        self.out.push(' ');
                    }
                    self.flow(item, indent + 2);
                    if i + 1 < items.len() {
                        self.out.push(',');
                    }
                }
                if multiline {
                    self.out.push('\n');
                    self.indent(indent.saturating_sub(2).max(1));
                }
                self.out.push(']');
            }
            Tree::Map(entries) => {
                self.out.push('{');
                for (i, (k, v)) in entries.iter().enumerate() {
                    if i > 0 {
                        self.out.push(' ');
                    }
                    self.key(k);
                    self.out.push_str(": ");
                    self.flow(v, indent + 2);
                    if i + 1 < entries.len() {
                        self.out.push(',');
                    }
                }
                self.out.push('}');
            }
        }
    }

    /// A text in a style chosen by the dice among those that can hold it here.
    fn scalar(&mut self, s: &str, indent: usize, in_flow: bool) {
        let anchored = self
            .anchors
            .iter()
            .find(|(text, _)| text == s)
            .map(|(_, name)| name.clone());
        if let Some(name) = anchored.filter(|_| self.style.aliases)
            && self.decorated(2)
        {
            let alias = format!("*{name}");
            self.out.push_str(&alias);
            // An alias cannot be followed by `:` directly in flow; a space keeps it apart.
            if in_flow {
                self.out.push(' ');
            }
            return;
        }
        if self.style.tags && self.decorated(6) {
            let name = format!("a{}", self.anchors.len());
            self.out.push_str(&format!("&{name} "));
            self.anchors.push((s.to_owned(), name));
        }
        if self.style.tags && self.decorated(8) {
            self.out.push_str("!!str ");
        }
        let multiline = s.contains('\n');
        let mut style = self.roll_style(5);
        if style == 0 && !plain_safe(s, in_flow) {
            style = 2;
        }
        if style == 1 && multiline {
            style = 2;
        }
        if style >= 3 && (in_flow || !block_safe(s) || (style == 4 && multiline)) {
            style = 2;
        }
        match style {
            0 => self.out.push_str(s),
            1 => self.out.push_str(&format!("'{}'", s.replace('\'', "''"))),
            3 | 4 => {
                self.out.push_str(if style == 3 { "|-\n" } else { ">-\n" });
                for line in s.split('\n') {
                    if !line.is_empty() {
                        self.indent(indent);
                    }
                    self.out.push_str(line);
                    self.out.push('\n');
                }
            }
            _ => {
                let escape_unicode = self.style.any_scalar && self.dice.one_in(4);
                self.out.push_str(&double_quoted(s, escape_unicode));
            }
        }
    }
}

/// Whether `s` reads back as itself written plain here.
fn plain_safe(s: &str, in_flow: bool) -> bool {
    let Some(first) = s.chars().next() else {
        return false;
    };
    let null_like = s == "~" || s.eq_ignore_ascii_case("null");
    !null_like
        && !s.contains(['\n', '\t', '\\'])
        && !"-?:,[]{}#&*!|>'\"%@`".contains(first)
        && !s.ends_with([' ', ':'])
        && !s.starts_with(' ')
        && !s.contains(": ")
        && !s.contains(" #")
        && !(in_flow && s.contains([',', '[', ']', '{', '}', ':']))
}

/// Whether `s` can be a literal or folded block scalar read back as itself: no line
/// may begin with a space, the first not be empty, and none end in spaces.
fn block_safe(s: &str) -> bool {
    !s.starts_with('\n')
        && !s.ends_with('\n')
        && !s.contains("\n\n")
        && s.split('\n')
            .all(|l| !l.starts_with([' ', '\t']) && !l.ends_with([' ', '\t']))
        && !s.contains('\t')
}

fn double_quoted(s: &str, escape_unicode: bool) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if escape_unicode && !c.is_ascii() && (c as u32) < 0x10000 => {
                out.push_str(&format!("\\u{:04X}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A loaded briefing as a tree to write again, in the contract's own keys.
pub fn from_model(b: &Briefing) -> Tree {
    from_json(strip_positions(serde_json::to_value(b).unwrap()))
}

fn from_json(json: Json) -> Tree {
    match json {
        Json::String(s) => Tree::Text(s),
        Json::Null => Tree::Text(String::new()),
        Json::Array(items) => Tree::List(items.into_iter().map(from_json).collect()),
        // Absent keys are left out: a briefing without a summary holds an empty one.
        Json::Object(map) => Tree::Map(
            map.into_iter()
                .map(|(k, v)| (contract_key(k), from_json(v)))
                .filter(|(_, v)| !v.is_empty())
                .collect(),
        ),
        other => Tree::Text(other.to_string()),
    }
}

/// The key as the format spells it, so that a tree of a model borrows its keys from the
/// format's table rather than leaking one string per key (the fuzz target checks for
/// leaks). A key the format does not define would be refused by the loader anyway.
fn contract_key(key: String) -> &'static str {
    format::ITEMS
        .iter()
        .flat_map(|item| item.names)
        .copied()
        .find(|name| *name == key)
        .unwrap_or_else(|| panic!("the model writes `{key}`, which the format does not define"))
}

/// The model without the positions of its items: where an item is written is not part
/// of what it says.
pub fn strip_positions(json: Json) -> Json {
    match json {
        Json::Array(items) => Json::Array(items.into_iter().map(strip_positions).collect()),
        Json::Object(map) => Json::Object(
            map.into_iter()
                .filter(|(k, _)| k != "at")
                .map(|(k, v)| (k, strip_positions(v)))
                .collect(),
        ),
        other => other,
    }
}

/// Where the fast path gives a tree, it is serde-saphyr's tree, positions included; says
/// whether it gave one (a byte order mark is the loader's to strip, and is here too).
pub fn assert_fast_is_slow(text: &str) -> bool {
    use brief::briefing::yaml;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    match yaml::read_fast(text) {
        Some(fast) => {
            assert_eq!(
                Ok(Some(fast)),
                yaml::read_slow(text),
                "the paths differ on:\n{text}"
            );
            true
        }
        None => false,
    }
}
