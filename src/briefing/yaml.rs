//! Reading YAML text into the located node tree, through serde-saphyr, and its errors
//! into diagnostics in our words.
//!
//! serde-saphyr infers a type for every plain scalar (`NO` is false, `0x1F` is 31, `1.10`
//! is 1.1) before our visitor sees it. A briefing holds text, so wherever a type was
//! inferred the node takes the scalar's own text from the source instead, through the
//! span serde-saphyr reports for it. Its `defined` span is used, so an alias gives the
//! text of its anchor.
//!
//! Two problems do not stop the reading, so that the rest of the file is still checked
//! and every problem reported at once: a key written twice in a mapping (reported with
//! where the first one is; the first is kept) and `!!binary` data, kept as its written
//! text and reported where it stands, since a briefing holds text as written.

use super::diagnostic::Diagnostic;
use super::node::{Entry, Node, Pos, Value};
use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::{Error, Location, Spanned, budget::BudgetBreach};
use std::collections::HashMap;
use std::fmt;

/// A document as read: its root node (`None` for an empty document), and the problems
/// that did not stop the reading, each where it stands, for the caller to report with
/// every other problem in the file.
#[derive(Debug)]
pub struct Document {
    pub root: Option<Node>,
    pub problems: Vec<Diagnostic>,
}

/// The document's root node, or its first problem: the fast path's tree where it gives
/// one (see `tree`), else serde-saphyr's.
pub fn read(text: &str) -> Result<Option<Node>, Diagnostic> {
    let Document { root, mut problems } = read_document(text)?;
    super::diagnostic::sort(&mut problems);
    match problems.into_iter().next() {
        Some(first) => Err(first),
        None => Ok(root),
    }
}

/// The document, or the YAML error that stopped the reading.
pub fn read_document(text: &str) -> Result<Document, Diagnostic> {
    match read_fast(text) {
        Some(root) => Ok(Document {
            root: Some(root),
            problems: Vec::new(),
        }),
        None => read_slow_document(text),
    }
}

/// The tree built straight from the parser's events, or `None` where serde-saphyr must
/// decide. Public for the differential tests, which hold it against `read_slow`.
pub fn read_fast(text: &str) -> Option<Node> {
    let budget = budget();
    // Well inside serde-saphyr's budgets: a text this path takes can breach none of them
    // (events bound nodes; scalars are never longer than the text).
    if text.len() >= budget.max_total_scalar_bytes {
        return None;
    }
    let limits = limits(&budget);
    // A document that is only `~` is no document to serde-saphyr: let it say so.
    super::tree::build(text, &limits).filter(|root| root.value != Value::Null)
}

fn limits(budget: &serde_saphyr::Budget) -> super::tree::Limits {
    super::tree::Limits {
        max_events: budget.max_nodes / 2,
        simple_key_max_lookahead: budget.simple_key_max_lookahead,
        flow_nesting_limit: budget.flow_nesting_limit,
    }
}

/// The document read by serde-saphyr, with its budgets and errors, or its first problem.
pub fn read_slow(text: &str) -> Result<Option<Node>, Diagnostic> {
    let Document { root, mut problems } = read_slow_document(text)?;
    super::diagnostic::sort(&mut problems);
    match problems.into_iter().next() {
        Some(first) => Err(first),
        None => Ok(root),
    }
}

fn read_slow_document(text: &str) -> Result<Document, Diagnostic> {
    let raw: Option<Spanned<Raw>> =
        serde_saphyr::from_str_with_options(text, options()).map_err(|e| diagnostic(&e, text))?;
    let mut problems = Vec::new();
    let root = raw
        .map(|raw| resolve(raw, text, &mut problems))
        .transpose()?;
    // Every spelling of a binary tag names it; a `%TAG` directive can split the name.
    if text.contains("binary") || text.contains("%TAG") {
        problems.extend(
            super::tree::binary_scalars(text, &limits(&budget()))
                .into_iter()
                .map(|pos| {
                    Diagnostic::error(
                        pos,
                        "binary data (`!!binary`) where a briefing holds text: write the text itself, without the tag",
                    )
                }),
        );
    }
    Ok(Document { root, problems })
}

/// Limits that keep a hostile file from costing more than a second or 100 MiB.
fn budget() -> serde_saphyr::Budget {
    let mut budget = serde_saphyr::Budget::default();
    // A 3 MB briefing has about 200,000 nodes; aliases are rare in briefings, so a low
    // ceiling on them stops alias bombs early.
    budget.max_nodes = 2_000_000;
    budget.max_events = 4_000_000;
    budget.max_aliases = 10_000;
    budget.max_depth = 24;
    budget
}

fn options() -> serde_saphyr::Options {
    let mut options = serde_saphyr::options! {
        budget: Some(budget()),
        with_snippet: false,
        // `.inf` is text to us: let it through as a float, whose written text `resolve`
        // then takes, rather than have it refused.
        non_finite_float_policy: serde_saphyr::NonFiniteFloatPolicy::PassThrough,
        // A `!!binary` scalar keeps its written text; `binary_scalars` refuses it.
        ignore_binary_tag_for_string: true,
        // Every entry reaches `resolve`, which reports a repeated key with where the
        // first one stands and goes on, so that the file's other problems are found too.
        duplicate_keys: serde_saphyr::DuplicateKeyPolicy::PassThrough,
    };
    options.alias_limits.max_total_replayed_events = 100_000;
    options
}

/// A node as serde-saphyr hands it over, before typed scalars get their text back.
enum Raw {
    Null,
    Text(String),
    /// A scalar serde-saphyr read as a boolean or a number; `shown` is that value
    /// printed, used only where the source text cannot be had.
    Typed {
        shown: String,
    },
    Seq(Vec<Spanned<Raw>>),
    Map(Vec<(Spanned<Raw>, Spanned<Raw>)>),
}

fn pos_of(location: &Location) -> Pos {
    Pos::new(
        u32::try_from(location.line()).unwrap_or(u32::MAX),
        u32::try_from(location.column()).unwrap_or(u32::MAX),
    )
}

fn resolve(
    raw: Spanned<Raw>,
    text: &str,
    problems: &mut Vec<Diagnostic>,
) -> Result<Node, Diagnostic> {
    let pos = pos_of(&raw.referenced);
    let value = match raw.value {
        Raw::Null => Value::Null,
        Raw::Text(s) => Value::Text(s),
        Raw::Typed { shown } => Value::Text(written(&raw.defined, text).unwrap_or(shown)),
        Raw::Seq(items) => Value::Seq(
            items
                .into_iter()
                .map(|item| resolve(item, text, problems))
                .collect::<Result<_, _>>()?,
        ),
        Raw::Map(entries) => {
            let mut resolved: Vec<Entry> = Vec::with_capacity(entries.len());
            let mut keys = KeysSeen::default();
            for (key, node) in entries {
                let key_pos = pos_of(&key.referenced);
                let key = key_text(key, text)?;
                // The later entry is left out of the tree, so that it is not also called an
                // unknown key; the first one is checked as usual.
                if let Some(first) = keys.first(&resolved, &key, key_pos) {
                    problems.push(Diagnostic::error(
                        key_pos,
                        format!(
                            "duplicate key `{}` in the same mapping (the first is at line {}, column {})",
                            super::sanitize::clean_line(&key),
                            first.line,
                            first.col
                        ),
                    ));
                    continue;
                }
                resolved.push(Entry {
                    key,
                    key_pos,
                    node: resolve(node, text, problems)?,
                });
            }
            Value::Map(resolved)
        }
    };
    Ok(Node { pos, value })
}

/// The keys of a mapping read so far, to find one written twice. A briefing's mappings
/// have a dozen keys, compared pairwise; a hostile one may have a million, whose
/// positions go in a map from the 32nd on.
#[derive(Default)]
struct KeysSeen {
    index: Option<HashMap<String, Pos>>,
}

impl KeysSeen {
    const PAIRWISE: usize = 32;

    /// Where `key` was first written, if it was; else notes it, at `pos`.
    fn first(&mut self, entries: &[Entry], key: &str, pos: Pos) -> Option<Pos> {
        if entries.len() < Self::PAIRWISE {
            return entries.iter().find(|e| e.key == key).map(|e| e.key_pos);
        }
        let index = self
            .index
            .get_or_insert_with(|| entries.iter().map(|e| (e.key.clone(), e.key_pos)).collect());
        match index.get(key) {
            Some(first) => Some(*first),
            None => {
                index.insert(key.to_owned(), pos);
                None
            }
        }
    }
}

/// A mapping key is text, whatever YAML would make of it: `2025:` and `on:` are keys
/// named as written.
fn key_text(key: Spanned<Raw>, text: &str) -> Result<String, Diagnostic> {
    match key.value {
        Raw::Text(s) => Ok(s),
        Raw::Null | Raw::Typed { .. } => Ok(written(&key.defined, text).unwrap_or_default()),
        Raw::Seq(_) | Raw::Map(_) => Err(Diagnostic::error(
            pos_of(&key.referenced),
            "a mapping key must be plain text, not a list or mapping",
        )),
    }
}

/// The text of a plain scalar as it stands in the source. A tag (`!!int 7`) is not part
/// of its span; a quoted scalar with a type tag (`!!int "7"`) is unquoted where that
/// needs no escape processing, and otherwise left to the caller.
fn written(location: &Location, text: &str) -> Option<String> {
    let span = location.span();
    let start = usize::try_from(span.byte_offset()?).ok()?;
    let len = usize::try_from(span.byte_len()?).ok()?;
    let slice = text.get(start..start.checked_add(len)?)?;
    let unquoted = |quote: char| {
        slice
            .strip_prefix(quote)
            .and_then(|s| s.strip_suffix(quote))
            .filter(|inner| !inner.contains(quote) && !inner.contains('\\'))
            .filter(|inner| !inner.contains('\n'))
    };
    match slice.chars().next() {
        Some(q @ ('"' | '\'')) => unquoted(q).map(str::to_owned),
        Some('|' | '>') => None,
        _ => Some(slice.to_owned()),
    }
}

impl<'de> Deserialize<'de> for Raw {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(RawVisitor)
    }
}

struct RawVisitor;

impl RawVisitor {
    fn typed<E>(shown: impl ToString) -> Result<Raw, E> {
        Ok(Raw::Typed {
            shown: shown.to_string(),
        })
    }
}

impl<'de> Visitor<'de> for RawVisitor {
    type Value = Raw;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any YAML value")
    }
    fn visit_unit<E>(self) -> Result<Raw, E> {
        Ok(Raw::Null)
    }
    fn visit_none<E>(self) -> Result<Raw, E> {
        Ok(Raw::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Raw, D::Error> {
        Raw::deserialize(d)
    }
    fn visit_bool<E>(self, v: bool) -> Result<Raw, E> {
        Self::typed(v)
    }
    fn visit_i64<E>(self, v: i64) -> Result<Raw, E> {
        Self::typed(v)
    }
    fn visit_u64<E>(self, v: u64) -> Result<Raw, E> {
        Self::typed(v)
    }
    fn visit_i128<E>(self, v: i128) -> Result<Raw, E> {
        Self::typed(v)
    }
    fn visit_u128<E>(self, v: u128) -> Result<Raw, E> {
        Self::typed(v)
    }
    fn visit_f64<E>(self, v: f64) -> Result<Raw, E> {
        Self::typed(v)
    }
    fn visit_char<E>(self, v: char) -> Result<Raw, E> {
        Ok(Raw::Text(v.to_string()))
    }
    fn visit_str<E>(self, v: &str) -> Result<Raw, E> {
        Ok(Raw::Text(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Raw, E> {
        Ok(Raw::Text(v))
    }
    fn visit_bytes<E: serde::de::Error>(self, _: &[u8]) -> Result<Raw, E> {
        Err(E::custom("binary values are not supported in a briefing"))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Raw, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1024));
        while let Some(node) = seq.next_element()? {
            items.push(node);
        }
        Ok(Raw::Seq(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Raw, A::Error> {
        let mut entries = Vec::new();
        while let Some(key) = map.next_key()? {
            entries.push((key, map.next_value()?));
        }
        Ok(Raw::Map(entries))
    }
}

/// A YAML syntax or budget error as a diagnostic, in our words, chosen by the kind of
/// error serde-saphyr reports (never by its wording, which a release may change).
pub fn diagnostic(error: &Error, text: &str) -> Diagnostic {
    let error = innermost(error);
    let pos = error
        .location()
        .filter(|loc| loc.line() > 0)
        .map(|loc| pos_of(&loc));
    let message = match error {
        Error::DuplicateMappingKey { key, .. } => match key {
            Some(key) => format!("duplicate key `{key}` in the same mapping"),
            None => "duplicate key in the same mapping".to_owned(),
        },
        Error::AliasReplayLimitExceeded { .. }
        | Error::AliasExpansionLimitExceeded { .. }
        | Error::AliasReplayStackDepthExceeded { .. }
        | Error::AliasReplayCounterOverflow { .. }
        | Error::Budget {
            breach: BudgetBreach::Aliases { .. } | BudgetBreach::Anchors { .. },
            ..
        } => "too many alias expansions (an alias bomb?): a briefing needs few aliases, if any"
            .to_owned(),
        Error::Budget {
            breach: BudgetBreach::Depth { .. },
            ..
        }
        | Error::RecursiveReferencesRequireWeakTypes { .. } => {
            "nested too deeply: a briefing needs only a few levels of lists and mappings".to_owned()
        }
        Error::Budget { breach, .. } => {
            format!("too large for a briefing ({})", breach_words(breach))
        }
        Error::UnknownAnchor { .. } => {
            "an alias (`*name`) refers to no anchor (`&name`) defined before it".to_owned()
        }
        Error::MultipleDocuments { .. } => {
            "more than one YAML document (a second `---`): a briefing is one document".to_owned()
        }
        other => {
            let mut message = format!("YAML syntax: {}", plain_message(other));
            let before = pos.map_or(usize::MAX, |p| p.line as usize);
            if let Some(opened) = unbalanced_quote_line(text, before) {
                message.push_str(&format!(
                    "; the string opened at line {opened} may be missing its closing quote"
                ));
            }
            message
        }
    };
    Diagnostic::error(pos, super::sanitize::clean_line(&message))
}

/// The error itself, out of the wrappers that add a snippet or an alias's locations.
fn innermost(error: &Error) -> &Error {
    match error.without_snippet() {
        Error::AliasError { error, .. } => innermost(error),
        other => other,
    }
}

fn breach_words(breach: &BudgetBreach) -> String {
    match breach {
        BudgetBreach::Events { .. } => "too many YAML events".to_owned(),
        BudgetBreach::Nodes { .. } => "too many values".to_owned(),
        BudgetBreach::ScalarBytes { .. } => "too much text".to_owned(),
        BudgetBreach::Documents { .. } => "too many documents".to_owned(),
        other => format!("{other:?}")
            .split([' ', '{'])
            .next()
            .unwrap_or("a limit")
            .to_lowercase(),
    }
}

/// The error's own words, without the position serde-saphyr appends (we show our own).
fn plain_message(error: &Error) -> String {
    let rendered = error.to_string();
    let first = rendered.lines().next().unwrap_or("invalid YAML");
    let first = first.strip_prefix("error: ").unwrap_or(first).trim();
    let first = first
        .split_once(": ")
        .filter(|(prefix, _)| prefix.starts_with("line "))
        .map_or(first, |(_, rest)| rest);
    match first.find(" at line ") {
        Some(at) => first[..at].to_owned(),
        None => first.to_owned(),
    }
}

/// The first line, up to `before`, where a double-quoted scalar opens and is not closed
/// on that line: where an unterminated string most likely starts.
fn unbalanced_quote_line(text: &str, before: usize) -> Option<usize> {
    text.lines().take(before).enumerate().find_map(|(n, line)| {
        let mut open = false;
        let mut escaped = false;
        let mut previous = ' ';
        let mut opened_as_value = false;
        for c in line.chars() {
            if open {
                match c {
                    '\\' if !escaped => escaped = true,
                    '"' if !escaped => open = false,
                    _ => escaped = false,
                }
                continue;
            }
            match c {
                '"' if matches!(previous, ' ' | '\t' | '[' | '{' | ',') => {
                    open = true;
                    opened_as_value = true;
                }
                '#' if matches!(previous, ' ' | '\t') => break,
                _ => {}
            }
            previous = c;
        }
        (open && opened_as_value).then_some(n + 1)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn root(text: &str) -> Node {
        read(text).unwrap().unwrap()
    }

    fn value_of(text: &str) -> Value {
        match root(text).value {
            Value::Map(entries) => entries.into_iter().next().unwrap().node.value,
            other => panic!("not a mapping: {other:?}"),
        }
    }

    #[test]
    fn every_scalar_keeps_its_written_text() {
        for written in [
            "NO",
            "on",
            "y",
            "0x1F",
            "+7",
            "1.10",
            "9223372036854775808",
            "99999999999999999999",
            ".inf",
            "-.Inf",
            ".NaN",
            "1e3",
            "-0",
            "0o17",
            "007",
            "1_000",
            "2026-11-27",
            "12:30",
        ] {
            for text in [
                format!("a: {written}\n"),
                format!("a: {written} # a comment\n"),
                format!("{{a: {written}}}\n"),
                format!("a: [{written}]\n"),
                format!("a: !!str {written}\n"),
            ] {
                let value = value_of(&text);
                let expected = Value::Text(written.to_owned());
                match value {
                    Value::Seq(items) => assert_eq!(items[0].value, expected, "{text:?}"),
                    other => assert_eq!(other, expected, "{text:?}"),
                }
            }
        }
    }

    #[test]
    fn typed_tags_aliases_and_keys_keep_their_text() {
        assert_eq!(value_of("a: !!int 0x1F\n"), Value::Text("0x1F".into()));
        assert_eq!(value_of("a: !!int \"7\"\n"), Value::Text("7".into()));
        let Value::Map(entries) = root("x: &n 1.10\ny: *n\nNO: 1\n2025: 2\n~: 3\n").value else {
            panic!()
        };
        let keys: Vec<&str> = entries.iter().map(|e| e.key.as_str()).collect();
        assert_eq!(keys, ["x", "y", "NO", "2025", "~"]);
        assert_eq!(entries[1].node.value, Value::Text("1.10".into()));
        assert_eq!(entries[1].node.pos, Pos::new(2, 4));
    }

    #[test]
    fn null_is_null_only_when_written_plain() {
        assert_eq!(value_of("a: ~\n"), Value::Null);
        assert_eq!(value_of("a: null\n"), Value::Null);
        assert_eq!(value_of("a:\n"), Value::Null);
        assert_eq!(value_of("a: 'null'\n"), Value::Text("null".into()));
    }

    fn error_of(text: &str) -> Diagnostic {
        read(text).unwrap_err()
    }

    #[test]
    fn errors_are_named_by_their_kind() {
        assert_eq!(
            error_of("a: 1\na: 2\n").message,
            "duplicate key `a` in the same mapping (the first is at line 1, column 1)"
        );
        assert!(
            error_of("a: *nowhere\n")
                .message
                .contains("refers to no anchor")
        );
        let deep = format!("a: {}1{}\n", "[".repeat(30), "]".repeat(30));
        assert!(error_of(&deep).message.starts_with("nested too deeply"));
        let bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n";
        let bomb_error = error_of(bomb);
        assert!(bomb_error.message.contains("alias bomb"), "{bomb_error:?}");
        assert!(
            error_of("a: 1\n---\nb: 2\n")
                .message
                .contains("one document")
        );
        let syntax = error_of("a: [1\n");
        assert!(syntax.message.starts_with("YAML syntax: "), "{syntax:?}");
        assert!(syntax.pos.is_some());
    }

    #[test]
    fn a_duplicate_key_is_a_problem_beside_the_tree() {
        let document = read_document("a: 1\nb: [x, {c: 2, c: 3}]\na: 4\n").unwrap();
        let found: Vec<(Option<Pos>, &str)> = document
            .problems
            .iter()
            .map(|d| (d.pos, d.message.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                (
                    Some(Pos::new(2, 15)),
                    "duplicate key `c` in the same mapping (the first is at line 2, column 9)"
                ),
                (
                    Some(Pos::new(3, 1)),
                    "duplicate key `a` in the same mapping (the first is at line 1, column 1)"
                ),
            ]
        );
        // The first of each is kept, and nothing else is lost.
        let Some(Node {
            value: Value::Map(entries),
            ..
        }) = document.root
        else {
            panic!()
        };
        let keys: Vec<&str> = entries.iter().map(|e| e.key.as_str()).collect();
        assert_eq!(keys, ["a", "b"]);
        assert_eq!(entries[0].node.value, Value::Text("1".into()));
    }

    #[test]
    fn a_key_a_merge_overrides_is_no_duplicate() {
        let text = "a: &a {x: 1, y: 2}\nb:\n  <<: *a\n  x: 3\nc:\n  <<: *a\n  x: 4\n  x: 5\n";
        let document = read_document(text).unwrap();
        let found: Vec<Option<Pos>> = document.problems.iter().map(|d| d.pos).collect();
        assert_eq!(found, [Some(Pos::new(8, 3))]);
        assert!(document.problems[0].message.contains("line 7, column 3"));
    }

    #[test]
    fn a_duplicate_key_is_found_in_a_large_mapping() {
        let mut text: String = (0..100).map(|n| format!("k{n}: v\n")).collect();
        text.push_str("k7: again\nk99: again\n");
        let document = read_document(&text).unwrap();
        let found: Vec<Option<Pos>> = document.problems.iter().map(|d| d.pos).collect();
        assert_eq!(found, [Some(Pos::new(101, 1)), Some(Pos::new(102, 1))]);
        assert!(document.problems[1].message.contains("line 100, column 1"));
    }

    #[test]
    fn binary_data_keeps_its_written_text_and_is_a_problem() {
        for text in [
            "a: !!binary aGVsbG8=\n",
            "a: !binary aGVsbG8=\n",
            "a: !<tag:yaml.org,2002:binary> aGVsbG8=\n",
            "%TAG !y! tag:yaml.org,2002:\n---\na: !y!binary aGVsbG8=\n",
        ] {
            let document = read_document(text).unwrap();
            assert_eq!(document.problems.len(), 1, "{text:?}");
            assert!(
                document.problems[0].message.contains("binary data"),
                "{text:?}"
            );
            let Some(Node {
                value: Value::Map(entries),
                ..
            }) = document.root
            else {
                panic!()
            };
            assert_eq!(entries[0].node.value, Value::Text("aGVsbG8=".into()));
        }
        // Not valid UTF-8 once decoded: the same problem, not serde-saphyr's words.
        assert!(
            error_of("a: !!binary /w==\n")
                .message
                .contains("binary data")
        );
        assert!(
            read_document("a: !!str binary\n")
                .unwrap()
                .problems
                .is_empty()
        );
    }

    #[test]
    fn an_unterminated_string_is_pointed_at() {
        let text = "title: ok\nbluf: \"starts here\nrisks: []\nx: [\n";
        let error = error_of(text);
        assert!(
            error.message.contains("opened at line 2"),
            "{}",
            error.message
        );
        assert_eq!(
            unbalanced_quote_line("a: it's \"fine\"\nb: say \"x\n", 9),
            Some(2)
        );
        assert_eq!(
            unbalanced_quote_line("a: plain \"quote inside\n", 9),
            Some(1)
        );
        assert_eq!(unbalanced_quote_line("a: plain\"quote\n", 9), None);
    }
}
