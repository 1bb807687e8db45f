//! Parsing an edited briefing again in part.
//!
//! A save changes a line or two of a file that may be megabytes long, and the YAML parser
//! is most of what a load costs. So the previous text and tree are kept. The new text is
//! compared with the old one; when the change lies within neighbouring items of one
//! top-level list, or within neighbouring top-level entries, only those are parsed again
//! and put in the tree in place of the old ones, and the positions below them move by the
//! lines gained or lost. Anything else is parsed whole.
//!
//! Why a part parses alone as it does in place: in block YAML an item ends where a line
//! starts at its list's dash column (an entry, where a line starts at column 1), and the
//! part ends just before such a line, which the edit did not touch. Whatever could run
//! past that line (an open quote or bracket) is an error when the part is parsed alone,
//! and then the whole text is parsed. A property test checks the result against a whole
//! parse for random edits.

use super::node::{Entry, Node, Pos, Value};
use super::parallel;
use super::tree::{self, Limits};
use std::collections::HashSet;
use std::ops::Range;

/// A text with its tree of located nodes, as parsed by the fast path.
#[derive(Debug, Clone)]
pub struct Parsed {
    pub text: String,
    pub root: Node,
    line_starts: Vec<usize>,
}

impl Parsed {
    /// The text parsed whole by the fast path; the text back where serde-saphyr must
    /// decide.
    pub(super) fn whole(text: String, limits: &Limits) -> Result<Self, String> {
        match super::parallel::build(&text, limits) {
            Some(root) => Ok(Self::new(text, root)),
            None => Err(text),
        }
    }

    fn new(text: String, root: Node) -> Self {
        let line_starts = line_starts(&text);
        Self {
            text,
            root,
            line_starts,
        }
    }

    /// The tree of `new_text`, parsing again only the part that differs from this text
    /// where it can, else the whole; the text back where serde-saphyr must decide. A
    /// tree parsed whole comes with the old one, for the caller to free when it suits.
    pub(super) fn edited(
        mut self,
        new_text: String,
        limits: &Limits,
    ) -> (Result<Self, String>, Option<Self>) {
        if new_text == self.text {
            return (Ok(self), None);
        }
        match self.splice(&new_text, limits) {
            Some(()) => {
                self.line_starts = line_starts(&new_text);
                self.text = new_text;
                (Ok(self), None)
            }
            None => (Self::whole(new_text, limits), Some(self)),
        }
    }

    /// Replaces the changed units of the tree by those of `new`, or leaves the tree as it
    /// was and says `None`.
    fn splice(&mut self, new: &str, limits: &Limits) -> Option<()> {
        let old = self.text.as_str();
        let changed = changed_range(old, new);
        let growth = new.len() as isize - old.len() as isize;
        let Value::Map(entries) = &self.root.value else {
            return None;
        };
        let entry_units = self.units(entries.iter().map(|e| e.key_pos), None)?;
        let (first, last) = covering(&entry_units, &changed)?;
        if first == last
            && let Some(splice) = self.item_splice(first, &changed, new, growth, limits)
        {
            let Value::Map(entries) = &mut self.root.value else {
                return None;
            };
            let list = &mut entries[first].node;
            if splice.first == 0 {
                list.pos = splice.seq_pos;
            }
            let Value::Seq(items) = &mut list.value else {
                return None;
            };
            let inserted = splice.items.len();
            items.splice(splice.first..splice.first + splice.replaced, splice.items);
            shift_nodes(&mut items[splice.first + inserted..], splice.shift);
            for entry in &mut entries[first + 1..] {
                shift_entry(entry, splice.shift);
            }
            return Some(());
        }
        let part = unit_span(&entry_units, first, last, old.len());
        let unit = if first == 0 {
            Unit::FirstEntry
        } else {
            Unit::Entry
        };
        let (mut parsed, shift) = self.parse_new_part(new, part, growth, unit, limits)?;
        let Value::Map(new_entries) = std::mem::replace(&mut parsed.value, Value::Null) else {
            return None;
        };
        if parsed.pos.col != 1 {
            return None;
        }
        let Value::Map(entries) = &mut self.root.value else {
            return None;
        };
        let kept_keys: HashSet<&str> = entries[..first]
            .iter()
            .chain(&entries[last + 1..])
            .map(|e| e.key.as_str())
            .collect();
        let mut seen = HashSet::new();
        if new_entries
            .iter()
            .any(|e| kept_keys.contains(e.key.as_str()) || !seen.insert(e.key.as_str()))
        {
            return None;
        }
        if first == 0 {
            self.root.pos = parsed.pos;
        }
        let inserted = new_entries.len();
        entries.splice(first..=last, new_entries);
        for entry in &mut entries[first + inserted..] {
            shift_entry(entry, shift);
        }
        Some(())
    }

    /// The splice of items of the top-level list in entry `at` that covers `changed`,
    /// parsed.
    fn item_splice(
        &self,
        at: usize,
        changed: &Range<usize>,
        new: &str,
        growth: isize,
        limits: &Limits,
    ) -> Option<ItemSplice> {
        let Value::Map(entries) = &self.root.value else {
            return None;
        };
        let list = &entries[at].node;
        let Value::Seq(items) = &list.value else {
            return None;
        };
        let dash_col = list.pos.col;
        // The first item's unit starts at its dash: a change above it (the key line,
        // comments) is the entry's.
        let units = self.units(items.iter().map(|item| item.pos), Some(dash_col))?;
        let (first, last) = covering(&units, changed)?;
        let end_of_list = match entries.get(at + 1) {
            Some(next) => self.line_start(next.key_pos.line)?,
            None => self.text.len(),
        };
        let part = unit_span(&units, first, last, end_of_list);
        if changed.end > part.end {
            return None;
        }
        let (parsed, shift) =
            self.parse_new_part(new, part, growth, Unit::Item(dash_col), limits)?;
        let seq_pos = parsed.pos;
        let Value::Seq(new_items) = parsed.value else {
            return None;
        };
        if seq_pos.col != dash_col {
            return None;
        }
        Some(ItemSplice {
            first,
            replaced: last + 1 - first,
            items: new_items,
            seq_pos,
            shift,
        })
    }

    /// The new text of a part (`part` is where it was in the old text) parsed alone,
    /// with the lines it gained or lost.
    ///
    /// A line like the one after the part is parsed with it and then dropped: what ends
    /// the part in place must end it alone too (a block scalar ends at a less indented
    /// line, and not quite as it does at the end of the text). After items that is a
    /// null item at their dash; after entries, the next entry's line itself.
    fn parse_new_part(
        &self,
        new: &str,
        part: Range<usize>,
        growth: isize,
        unit: Unit,
        limits: &Limits,
    ) -> Option<(Node, i64)> {
        let end = offset_after(part.end, growth)?;
        // Most of a large text is parsed faster whole, on two threads.
        if end - part.start > parallel::MIN_BYTES.max(new.len() / 2) {
            return None;
        }
        let snippet = new.get(part.start..end)?;
        let at_end = end == new.len();
        let starts_right = match unit {
            Unit::FirstEntry => true,
            Unit::Entry => begins_an_entry(snippet),
            Unit::Item(col) => begins_an_item(snippet, col),
        };
        if !(at_end || snippet.ends_with('\n')) || !starts_right {
            return None;
        }
        let next_line = line_at(new, end);
        let first_line = line_of(&self.line_starts, part.start);
        // What is dropped must be what that line started, not something the part left
        // open and the line closed.
        let next_line_at = first_line + lines_in(snippet) as u32;
        let node = match unit {
            Unit::Entry | Unit::FirstEntry => {
                let mut node = parse_part(&format!("{snippet}{next_line}"), first_line, limits)?;
                if !at_end {
                    drop_next_unit(&mut node, next_line_at, None)?;
                }
                node
            }
            // The line after items is an item, or the next entry's key.
            Unit::Item(col) => {
                let mut wrapped =
                    parse_items(&format!("{snippet}{next_line}"), first_line, limits)?;
                if !at_end {
                    let next_is_an_entry = matches!(&wrapped.value, Value::Map(e) if e.len() == 2);
                    drop_next_unit(
                        &mut wrapped,
                        next_line_at,
                        (!next_is_an_entry).then_some(col),
                    )?;
                }
                let Value::Map(mut entries) = wrapped.value else {
                    return None;
                };
                entries.pop().filter(|_| entries.is_empty())?.node
            }
        };
        let shift = lines_in(snippet) as i64 - lines_in(&self.text[part]) as i64;
        Some((node, shift))
    }

    /// The byte offsets where units start, one per position, each at the start of its
    /// line: top-level entries (`dash_col` is `None`), each key at column 1, the first
    /// also taking everything above it; or the items of a block list, each on its own
    /// dash at `dash_col`.
    fn units(
        &self,
        positions: impl Iterator<Item = Pos>,
        dash_col: Option<u32>,
    ) -> Option<Vec<usize>> {
        let mut starts = Vec::new();
        for pos in positions {
            let start = self.line_start(pos.line)?;
            let placed = match dash_col {
                None => pos.col == 1,
                Some(col) => pos.col > col && begins_an_item(&self.text[start..], col),
            };
            if !placed || starts.last().is_some_and(|&s| s >= start) {
                return None;
            }
            starts.push(start);
        }
        if starts.is_empty() {
            return None;
        }
        if dash_col.is_none() {
            starts[0] = 0;
        }
        Some(starts)
    }

    fn line_start(&self, line: u32) -> Option<usize> {
        self.line_starts
            .get((line as usize).checked_sub(1)?)
            .copied()
    }
}

/// What a part holds: top-level entries (the first takes the text above it too), or
/// items of a top-level list whose dashes are at the given column.
#[derive(Clone, Copy)]
enum Unit {
    FirstEntry,
    Entry,
    Item(u32),
}

struct ItemSplice {
    first: usize,
    replaced: usize,
    items: Vec<Node>,
    seq_pos: Pos,
    shift: i64,
}

/// The bytes of `old` that differ from `new`: after the common prefix and before the
/// common suffix (which do not overlap).
fn changed_range(old: &str, new: &str) -> Range<usize> {
    let (a, b) = (old.as_bytes(), new.as_bytes());
    let prefix = common_len(a.iter(), b.iter(), a.chunks(BLOCK), b.chunks(BLOCK));
    let room = a.len().min(b.len()) - prefix;
    let suffix = common_len(
        a.iter().rev(),
        b.iter().rev(),
        a.rchunks(BLOCK),
        b.rchunks(BLOCK),
    )
    .min(room);
    prefix..a.len() - suffix
}

const BLOCK: usize = 4096;

/// How many bytes two sequences share from their start: whole blocks compared at once
/// (a memcmp), then byte by byte from the first block that differs.
fn common_len<'a>(
    mut a: impl Iterator<Item = &'a u8>,
    mut b: impl Iterator<Item = &'a u8>,
    a_blocks: impl Iterator<Item = &'a [u8]>,
    b_blocks: impl Iterator<Item = &'a [u8]>,
) -> usize {
    let same_blocks = a_blocks
        .zip(b_blocks)
        .take_while(|(x, y)| x.len() == BLOCK && x == y)
        .count();
    let skip = same_blocks * BLOCK;
    if skip > 0 {
        a.nth(skip - 1);
        b.nth(skip - 1);
    }
    skip + a.zip(b).take_while(|(x, y)| x == y).count()
}

/// The units (by index) whose span covers `changed`: a change at a unit's very start may
/// be text inserted before it, which is parsed along with it.
fn covering(starts: &[usize], changed: &Range<usize>) -> Option<(usize, usize)> {
    let unit_of = |offset: usize| starts.partition_point(|&s| s <= offset).checked_sub(1);
    let first = unit_of(changed.start)?;
    let last = if changed.end > changed.start {
        unit_of(changed.end - 1)?
    } else {
        first
    };
    Some((first, last))
}

/// The bytes units `first..=last` span; `end` is where the last ends if none follows.
fn unit_span(starts: &[usize], first: usize, last: usize, end: usize) -> Range<usize> {
    starts[first]..starts.get(last + 1).copied().unwrap_or(end)
}

/// The line that starts at byte `at`, with its line break.
pub(super) fn line_at(text: &str, at: usize) -> &str {
    let rest = &text[at..];
    &rest[..rest.find('\n').map_or(rest.len(), |i| i + 1)]
}

/// The part starts with its first unit's key or dash, as the unit did: text inserted
/// above that, more indented, could belong to the unit before (a block scalar's lines, a
/// plain scalar's continuation).
pub(super) fn begins_an_entry(snippet: &str) -> bool {
    snippet
        .bytes()
        .next()
        .is_some_and(|c| !matches!(c, b' ' | b'\t' | b'\r' | b'\n' | b'#' | b'-' | b'.' | b'%'))
}

pub(super) fn begins_an_item(snippet: &str, dash_col: u32) -> bool {
    let b = snippet.as_bytes();
    let indent = dash_col as usize - 1;
    b.len() > indent + 1
        && b[..indent].iter().all(|&c| c == b' ')
        && b[indent] == b'-'
        && matches!(b[indent + 1], b' ' | b'\r' | b'\n')
}

/// Where an old offset at or after the change lies in the new text.
fn offset_after(old_offset: usize, growth: isize) -> Option<usize> {
    old_offset.checked_add_signed(growth)
}

/// The key items of a top-level list are parsed under, when parsed apart from it.
const CONTINUED: &str = "\"brief: the list continued\"";

/// Items of a top-level list (and whatever follows them), parsed alone as the value of a
/// key, as they are in place, so that a less indented line ends them as it does there;
/// `first_line` is the line of the first item. Gives the map with that key first.
pub(super) fn parse_items(text: &str, first_line: u32, limits: &Limits) -> Option<Node> {
    parse_part(&format!("{CONTINUED}:\n{text}"), first_line - 1, limits)
}

/// Drops from a part parsed with the line after it what that line started, parsed only
/// so that the part ends as it does in place: the last top-level entry, or with
/// `dash_col` the last item of the last entry's list (whose dashes are at that column).
/// `None` if the line started no such unit: something the part left open ran onto it.
pub(super) fn drop_next_unit(root: &mut Node, line: u32, dash_col: Option<u32>) -> Option<()> {
    let Value::Map(entries) = &mut root.value else {
        return None;
    };
    match dash_col {
        None => entries.pop().filter(|e| e.key_pos.line == line).map(drop),
        Some(col) => {
            let list = &mut entries.last_mut()?.node;
            let Value::Seq(items) = &mut list.value else {
                return None;
            };
            if list.pos.col != col {
                return None;
            }
            items.pop().filter(|item| item.pos.line == line).map(drop)
        }
    }
}

/// A part of the text parsed alone, with its lines moved to where the part starts.
/// A document marker or directive in it would end the document in place but not alone.
pub(super) fn parse_part(snippet: &str, first_line: u32, limits: &Limits) -> Option<Node> {
    let marker =
        |line: &str| line.starts_with("---") || line.starts_with("...") || line.starts_with('%');
    if snippet.lines().any(marker) {
        return None;
    }
    let mut node = tree::build(snippet, limits)?;
    shift_node(&mut node, i64::from(first_line) - 1);
    Some(node)
}

fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect()
}

/// The 1-based line holding byte `offset`.
fn line_of(line_starts: &[usize], offset: usize) -> u32 {
    u32::try_from(line_starts.partition_point(|&s| s <= offset)).unwrap_or(u32::MAX)
}

pub(super) fn lines_in(text: &str) -> usize {
    text.bytes().filter(|&b| b == b'\n').count()
}

fn shift_pos(pos: &mut Pos, lines: i64) {
    pos.line = u32::try_from(i64::from(pos.line) + lines).unwrap_or(pos.line);
}

fn shift_entry(entry: &mut Entry, lines: i64) {
    shift_pos(&mut entry.key_pos, lines);
    shift_node(&mut entry.node, lines);
}

fn shift_nodes(nodes: &mut [Node], lines: i64) {
    for node in nodes {
        shift_node(node, lines);
    }
}

pub(super) fn shift_node(node: &mut Node, lines: i64) {
    if lines == 0 {
        return;
    }
    shift_pos(&mut node.pos, lines);
    match &mut node.value {
        Value::Seq(items) => shift_nodes(items, lines),
        Value::Map(entries) => {
            for entry in entries {
                shift_entry(entry, lines);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use proptest::sample::select;

    const BASES: [&str; 3] = [
        include_str!("../../briefings/belarus-us-thaw.yaml"),
        include_str!("../../tests/fixtures/good/one-of-each.yaml"),
        COMPACT,
    ];

    /// Lists whose dashes sit at column 1, under their key.
    const COMPACT: &str = "title: Compact\nactors:\n- id: a\n  name: A\n  interests:\n  - one\n  - two\n- id: b\n  name: |\n    Bee\n\n- id: c\n  name: \"C\"\nquotes:\n- id: q1\n  text: first\n- id: q2\n  text: second\n";

    /// Bits of YAML an edit may insert: text, structure, and what could run past a part.
    const PIECES: [&str; 24] = [
        "a",
        "Лукашенко",
        " ",
        "\n",
        "\n\n",
        "-",
        ": ",
        "\"",
        "'",
        "[",
        "]",
        "{",
        "}",
        "# note",
        "|\n",
        "  - id: new-item\n    name: New\n",
        "\n  - id: x\n",
        "\nextra: value\n",
        "&anchor ",
        "*anchor",
        "---\n",
        "\t",
        "    text: \"open\n",
        "  ",
    ];

    // The limits the loader uses.
    use crate::briefing::load::tree_limits as limits;

    /// Replaces `len` characters at character `at` (both taken modulo the text) by
    /// `insert`.
    fn edit(base: &str, at: usize, len: usize, insert: &str) -> String {
        let chars: Vec<(usize, char)> = base.char_indices().collect();
        let start = at % (chars.len() + 1);
        let end = (start + len % 40).min(chars.len());
        let offset = |i: usize| chars.get(i).map_or(base.len(), |&(o, _)| o);
        format!(
            "{}{}{}",
            &base[..offset(start)],
            insert,
            &base[offset(end)..]
        )
    }

    /// An edit parsed in part gives what the whole new text gives, positions included.
    fn assert_same_as_whole(base: &str, new: &str) -> bool {
        let whole = tree::build(new, &limits());
        let mut parsed = Parsed::whole(base.to_owned(), &limits()).unwrap();
        let spliced = parsed.splice(new, &limits()).is_some();
        if spliced {
            assert_eq!(
                Some(&parsed.root),
                whole.as_ref(),
                "splice differs for:\n{new}"
            );
        }
        let edited = Parsed::whole(base.to_owned(), &limits())
            .unwrap()
            .edited(new.to_owned(), &limits())
            .0;
        assert_eq!(edited.ok().map(|p| p.root), whole);
        spliced
    }

    proptest! {
        // PROPTEST_CASES=N searches deeper.
        #![proptest_config(ProptestConfig {
            cases: std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(2000),
            failure_persistence: None,
            ..ProptestConfig::default()
        })]
        #[test]
        fn a_random_edit_parses_as_the_whole_text_does(
            base in select(&BASES[..]),
            at in any::<usize>(),
            len in any::<usize>(),
            inserts in proptest::collection::vec(select(&PIECES[..]), 0..3),
        ) {
            let new = edit(base, at, len, &inserts.concat());
            assert_same_as_whole(base, &new);
        }
    }

    #[test]
    fn edits_of_compact_lists_are_parsed_in_part() {
        for new in [
            COMPACT.replace("text: first", "text: first, edited"),
            COMPACT.replace("- id: b\n", "- id: new\n  name: New\n- id: b\n"),
            COMPACT.replace("  - two\n", "  - two\n  - three\n"),
        ] {
            assert!(
                assert_same_as_whole(COMPACT, &new),
                "not parsed in part:\n{new}"
            );
        }
    }

    #[test]
    fn typical_edits_are_parsed_in_part() {
        let base = BASES[0];
        let quote_text = base.find("    text:").unwrap() + 12;
        let cases = [
            edit(base, base.find("title: \"").unwrap() + 8, 0, "Revised: "),
            format!("{}X{}", &base[..quote_text], &base[quote_text..]),
            base.replacen(
                "  - id: ",
                "  - id: new-actor\n    name: New\n    kind: state\n  - id: ",
                1,
            ),
            format!("{base}\n# a note at the end\n"),
        ];
        for new in &cases {
            assert!(
                assert_same_as_whole(base, new),
                "not parsed in part:\n{}",
                &new[..200.min(new.len())]
            );
        }
    }

    use crate::briefing::generate;

    #[test]
    fn edits_of_a_generated_briefing_are_parsed_in_part() {
        let base = generate::generate(&generate::Spec::scale(10));
        let middle = base[base.len() / 2..].find("    text: \"").unwrap() + base.len() / 2 + 11;
        let last = base.rfind("  - ").unwrap() + 4;
        let edits = [
            edit(&base, base.find("title: \"").unwrap() + 8, 0, "Revised "),
            format!("{}Edited {}", &base[..middle], &base[middle..]),
            format!(
                "{}  - id: new-item\n{}",
                &base[..last - 4],
                &base[last - 4..]
            ),
            base.replacen("    text: \"", "    text: \"X", 3),
        ];
        for new in &edits {
            assert!(assert_same_as_whole(&base, new));
        }
    }

    /// Edits on which earlier versions went wrong, found by the property test.
    #[test]
    fn edits_that_once_went_wrong() {
        let base = BASES[1];
        let caveat = base.find("Based on").unwrap();
        let actors = base.find("actors:").unwrap();
        // The next entry's line joined to the last line of the part.
        let joined = format!("{}{}", &base[..caveat], &base[actors..]);
        // A block scalar ends at a less indented line differently from at the end.
        let indicators = base.find("icators:").unwrap();
        let questions = base.find("\nquestions:").unwrap();
        let block = format!("{}: |\n{}", &base[..indicators], &base[questions..]);
        for new in [joined, block] {
            assert_same_as_whole(base, &new);
        }
        // At the end of the text, what follows the last item is no lookahead.
        let base = BASES[1];
        let source = base.rfind("    source:").unwrap();
        let tail = format!("{}source: src-gazette\n", &base[..source]);
        assert_same_as_whole(base, &tail);
        // A quote opened in the part and closed on the line after it.
        let base = "title: x\nnote: y\"\nmore: z\n";
        assert_same_as_whole(base, "title: \"x\nnote: y\"\nmore: z\n");
        let base = "title: x\nlist:\n  - a\n  - b\"\nmore: z\n";
        assert_same_as_whole(base, "title: x\nlist:\n  - \"a\n  - b\"\nmore: z\n");
    }

    #[test]
    fn an_edit_that_runs_past_its_part_is_parsed_whole() {
        let base = BASES[0];
        let at = base.find("    text:").unwrap();
        let new = format!("{}    text: \"unclosed\n{}", &base[..at], &base[at..]);
        assert!(!assert_same_as_whole(base, &new));
    }
}
