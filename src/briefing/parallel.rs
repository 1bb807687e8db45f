//! Parsing a large briefing on two threads.
//!
//! The YAML parser is most of a load, and it runs on one core. A large text is cut in two
//! at a line near its middle that starts a top-level entry or an item of a top-level list;
//! the halves are parsed at once, on two threads, and joined. The cut is checked as in
//! `reparse`: the first half is parsed with the line after it, and that line must start
//! a unit of its own there (else something left open in the first half runs past the
//! cut). Anything doubtful parses the whole text on one thread.

use super::node::{Node, Value};
use super::reparse::{
    begins_an_entry, begins_an_item, drop_next_unit, line_at, lines_in, parse_items, parse_part,
};
use super::tree::{self, Limits};
use std::collections::HashSet;

/// Below this, a second thread costs more than it saves.
pub(super) const MIN_BYTES: usize = 256 * 1024;

/// The document's root node, as `tree::build` gives it.
pub(super) fn build(text: &str, limits: &Limits) -> Option<Node> {
    if text.len() < MIN_BYTES {
        return tree::build(text, limits);
    }
    build_in_two(text, limits).or_else(|| tree::build(text, limits))
}

/// Where the text is cut: a top-level entry, or an item of a top-level list whose
/// dashes are at the given column.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Cut {
    Entry,
    Item(u32),
}

fn build_in_two(text: &str, limits: &Limits) -> Option<Node> {
    let (at, cut) = find_cut(text)?;
    let (head, tail) = text.split_at(at);
    let next_line = line_at(tail, 0);
    let head_lines = lines_in(head) as u32;
    let (head, tail) = std::thread::scope(|scope| {
        let tail = scope.spawn(move || parse_tail(tail, cut, head_lines, limits));
        let head = parse_head(head, next_line, cut, head_lines, limits);
        (head, tail.join().ok().flatten())
    });
    join(head?, tail?, cut)
}

/// The first line from the middle on that starts a top-level entry, or an item of the
/// top-level list the middle is in.
fn find_cut(text: &str) -> Option<(usize, Cut)> {
    let middle = text.len() / 2;
    let line_start = |i: usize| text[..i].rfind('\n').map_or(0, |n| n + 1);
    let middle = (middle..text.len()).find(|&i| text.is_char_boundary(i))?;
    let mut at = line_start(middle);
    // The list the middle is in: the last entry line above it, then its first item.
    let entry = lines_from(text, 0, at)
        .filter(|&i| begins_an_entry(&text[i..]))
        .last()?;
    let dash_col = lines_from(text, entry, text.len())
        .skip(1)
        .map(|i| &text[i..])
        .find(|line| !line.trim_start().is_empty() && !line.trim_start().starts_with('#'))
        .and_then(|line| {
            let indent = line.len() - line.trim_start_matches(' ').len();
            begins_an_item(line, indent as u32 + 1).then_some(indent as u32 + 1)
        });
    for start in lines_from(text, at, text.len()) {
        at = start;
        let line = &text[at..];
        if begins_an_entry(line) {
            return Some((at, Cut::Entry));
        }
        if let Some(col) = dash_col.filter(|&col| begins_an_item(line, col)) {
            return Some((at, Cut::Item(col)));
        }
    }
    None
}

/// The starts of the lines that begin in `from..to`.
fn lines_from(text: &str, from: usize, to: usize) -> impl Iterator<Item = usize> + '_ {
    std::iter::once(from)
        .chain(
            text[from..to]
                .match_indices('\n')
                .map(move |(i, _)| from + i + 1),
        )
        .filter(move |&i| i < to)
}

/// The first half with the line after it, which must start the unit that is dropped.
fn parse_head(
    head: &str,
    next_line: &str,
    cut: Cut,
    head_lines: u32,
    limits: &Limits,
) -> Option<Node> {
    let mut root = parse_part(&format!("{head}{next_line}"), 1, limits)?;
    let dash_col = match cut {
        Cut::Entry => None,
        Cut::Item(col) => Some(col),
    };
    drop_next_unit(&mut root, head_lines + 1, dash_col)?;
    Some(root)
}

/// The second half alone; items continuing a list are parsed as a key's value, as they
/// are in place.
fn parse_tail(tail: &str, cut: Cut, head_lines: u32, limits: &Limits) -> Option<Node> {
    match cut {
        Cut::Entry => parse_part(tail, head_lines + 1, limits),
        Cut::Item(_) => parse_items(tail, head_lines + 1, limits),
    }
}

fn join(mut head: Node, tail: Node, cut: Cut) -> Option<Node> {
    let (Value::Map(entries), Value::Map(mut more)) = (&mut head.value, tail.value) else {
        return None;
    };
    if let Cut::Item(col) = cut {
        if more.is_empty() {
            return None;
        }
        let continued = more.remove(0).node;
        let (Value::Seq(list), Value::Seq(items)) =
            (&mut entries.last_mut()?.node.value, continued.value)
        else {
            return None;
        };
        if continued.pos.col != col {
            return None;
        }
        list.extend(items);
    }
    let mut keys = HashSet::new();
    if !entries
        .iter()
        .chain(&more)
        .all(|e| keys.insert(e.key.as_str()))
    {
        return None;
    }
    entries.extend(more);
    Some(head)
}

#[cfg(test)]
mod tests {
    use super::*;

    // The limits the loader uses.
    use crate::briefing::load::tree_limits as limits;

    /// A briefing-shaped text of about `bytes`, its quotes list long.
    fn large(quotes: usize) -> String {
        let mut text =
            String::from("# header\ntitle: \"Large\"\nactors:\n  - id: a\n    name: A\nquotes:\n");
        for i in 0..quotes {
            text.push_str(&format!(
                "  - id: q{i}\n    text: |\n      Line one of {i}.\n\n    tags:\n      - x\n      - y\n"
            ));
        }
        text.push_str("risks:\n  - id: r\n    title: \"R\"\n");
        text
    }

    use crate::briefing::generate;

    #[test]
    fn the_generated_3_mb_briefing_parses_in_two_as_in_one() {
        let text = generate::generate(&generate::Spec::big());
        let joined = build_in_two(&text, &limits()).expect("cut in two");
        assert_eq!(Some(joined), tree::build(&text, &limits()));
    }

    #[test]
    fn two_halves_give_the_tree_one_pass_gives() {
        let text = large(8000);
        assert!(text.len() > MIN_BYTES);
        let (at, cut) = find_cut(&text).unwrap();
        assert_eq!(cut, Cut::Item(3));
        assert!(at > text.len() / 2);
        let joined = build_in_two(&text, &limits()).expect("cut in two");
        assert_eq!(Some(joined), tree::build(&text, &limits()));
    }

    #[test]
    fn a_cut_at_an_entry_gives_the_same_tree() {
        let text: String = (0..20_000)
            .map(|i| format!("key{i}: |\n  Value {i}.\n\n"))
            .collect();
        assert!(text.len() > MIN_BYTES);
        assert_eq!(find_cut(&text).unwrap().1, Cut::Entry);
        let joined = build_in_two(&text, &limits()).expect("cut in two");
        assert_eq!(Some(joined), tree::build(&text, &limits()));
    }

    #[test]
    fn what_runs_past_the_cut_is_parsed_in_one_pass() {
        let text = large(8000);
        let (at, _) = find_cut(&text).unwrap();
        // A quote opened just before the cut and closed just after it.
        let mut open = text.clone();
        open.insert_str(at - 1, " \"open");
        let close = open[at..].find('\n').unwrap() + at + 6;
        open.insert(close, '"');
        assert_eq!(build(&open, &limits()), tree::build(&open, &limits()));
        // A duplicate key across the halves.
        let dup = format!("{text}title: again\n");
        assert_eq!(build_in_two(&dup, &limits()), None);
        assert_eq!(build(&dup, &limits()), None);
    }
}
