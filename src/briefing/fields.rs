//! Reading typed fields out of a located YAML mapping, reporting every problem instead of
//! stopping at the first.

use super::diagnostic::Diagnostic;
use super::format::{self, Item, Key};
use super::model::Vocabulary;
use super::node::{Entry, Node, Pos, Value};
use super::sanitize;

/// The key under which a JSON export with positions gives where an item was written
/// (see `format::Value::WrittenAt`). Every item whose format names it may hold one; the
/// loader never reads it, so it is accepted here, in one place, rather than by each item.
const WRITTEN_AT: &str = "at";

/// A reference to another item, as written, for `validate` to resolve.
#[derive(Debug)]
pub struct Reference {
    /// The kind of item that holds it ("stance").
    pub holder: &'static str,
    /// The kind of item it refers to, as the format says.
    pub target: &'static Item,
    pub id: String,
    pub pos: Pos,
}

/// The keys of one YAML mapping, as they are taken by the code that reads an item. Which
/// keys are known and required, and whether a text is one line or several, is the
/// format's table's to say (see `format`), not the reading code's.
pub struct Fields<'n> {
    pub pos: Pos,
    item: &'static Item,
    what: &'static str,
    entries: &'n [Entry],
    taken: Vec<bool>,
    /// Required keys found absent; reported by `finish`, unless a misspelt key explains
    /// them (then only the misspelling is reported).
    missing: Vec<String>,
    /// The references read, to every kind the format says they refer to.
    references: Vec<Reference>,
}

impl<'n> Fields<'n> {
    /// The mapping at `node`, read as an item of the format's kind `item`, or an error if
    /// it is something else.
    pub fn of(node: &'n Node, item: &'static Item, diags: &mut Vec<Diagnostic>) -> Option<Self> {
        let what = item.what;
        match &node.value {
            Value::Map(entries) => Some(Self {
                pos: node.pos,
                item,
                what,
                entries,
                taken: vec![false; entries.len()],
                missing: Vec::new(),
                references: Vec::new(),
            }),
            other => {
                diags.push(Diagnostic::error(
                    node.pos,
                    format!(
                        "expected {what} as a mapping of keys, found {}",
                        other.kind_name()
                    ),
                ));
                None
            }
        }
    }

    /// The value under `key`, if present and not null.
    pub fn take(&mut self, key: &str) -> Option<&'n Node> {
        let index = self.entries.iter().position(|e| e.key == key)?;
        self.taken[index] = true;
        let node = &self.entries[index].node;
        (node.value != Value::Null).then_some(node)
    }

    /// The format's entry for `key`, which the reading code must read as `reads` says.
    fn spec(&self, key: &str, reads: fn(format::Value) -> bool) -> &'static Key {
        let item = self.item;
        let spec = item
            .key(key)
            .unwrap_or_else(|| panic!("`{key}` is not a key of {} in the format", item.what));
        assert!(
            reads(spec.value),
            "`{key}` of {} is read as something other than the format's {:?}",
            item.what,
            spec.value
        );
        spec
    }

    /// Reports every key that was not taken, suggesting the closest known key, and every
    /// required key that is missing; hands the references read to `references`.
    pub fn finish(self, diags: &mut Vec<Diagnostic>, references: &mut Vec<Reference>) {
        references.extend(self.references);
        let known = self.item.names;
        let mut explained = Vec::new();
        let reads_past_at = known.contains(&WRITTEN_AT);
        // Nobody writes `at` by hand, so it is neither suggested nor listed.
        let known: Vec<&str> = known.iter().copied().filter(|k| *k != WRITTEN_AT).collect();
        for (entry, taken) in self.entries.iter().zip(&self.taken) {
            if *taken || (reads_past_at && entry.key == WRITTEN_AT) {
                continue;
            }
            let key = sanitize::clean_line(&entry.key);
            let hint = match closest(&entry.key, &known) {
                Some(near) => {
                    explained.push(near);
                    format!("; did you mean `{near}`?")
                }
                None => format!("; expected one of: {}", known.join(", ")),
            };
            diags.push(Diagnostic::error(
                entry.key_pos,
                format!("unknown key `{key}` in {}{hint}", self.what),
            ));
        }
        for key in &self.missing {
            if !explained.contains(&key.as_str()) {
                diags.push(Diagnostic::error(
                    self.pos,
                    format!("missing required key `{key}` in {}", self.what),
                ));
            }
        }
    }

    /// A required key without a value: absent is reported by `finish` (a misspelling may
    /// explain it); written with nothing, `~` or `null`, it is reported here, where it
    /// stands.
    fn missing(&mut self, key: &str, diags: &mut Vec<Diagnostic>) {
        if self.entries.iter().any(|e| e.key == key) {
            diags.push(Diagnostic::error(
                self.position_of(key),
                format!("`{key}` is empty in {}", self.what),
            ));
        } else {
            self.missing.push(key.to_owned());
        }
    }

    /// A required value: absent or empty is an error, unless reading it already was.
    fn required(
        &mut self,
        key: &str,
        text: Option<String>,
        diags_before: usize,
        diags: &mut Vec<Diagnostic>,
    ) -> String {
        match text {
            Some(text) if !text.is_empty() => text,
            Some(_) => {
                diags.push(Diagnostic::error(
                    self.position_of(key),
                    format!("`{key}` is empty in {}", self.what),
                ));
                String::new()
            }
            None => {
                if diags.len() == diags_before {
                    self.missing(key, diags);
                }
                String::new()
            }
        }
    }

    /// A text, one line or several as the format says: absent or empty is an error if
    /// the format requires the key, and then reads as empty.
    pub fn text(&mut self, key: &str, diags: &mut Vec<Diagnostic>) -> Option<String> {
        let spec = self.spec(key, |v| {
            matches!(
                v,
                format::Value::Line | format::Value::Text | format::Value::Id(_)
            )
        });
        let held = match spec.value {
            format::Value::Text => held_text,
            _ => held_line,
        };
        let before = diags.len();
        let text = self
            .take(key)
            .and_then(|node| scalar_text(node, key, diags))
            .map(held);
        if spec.required {
            Some(self.required(key, text, before, diags))
        } else {
            text
        }
    }

    /// A list of texts; a single text is accepted as a list of one.
    pub fn texts(&mut self, key: &str, diags: &mut Vec<Diagnostic>) -> Vec<String> {
        self.spec(key, |v| matches!(v, format::Value::Texts));
        self.list(key, diags)
            .iter()
            .filter_map(|node| item_text(node, key, diags))
            .map(held_text)
            .collect()
    }

    /// A list of ids with the position of each, for reference checks.
    pub fn ids(&mut self, key: &str, diags: &mut Vec<Diagnostic>) -> Vec<(String, Pos)> {
        let spec = self.spec(key, |v| matches!(v, format::Value::Ids(_)));
        let ids: Vec<(String, Pos)> = self
            .list(key, diags)
            .iter()
            .filter_map(|node| item_text(node, key, diags).map(|t| (held_line(t), node.pos)))
            .collect();
        for (id, pos) in &ids {
            self.refers(spec, id, *pos);
        }
        ids
    }

    /// Keeps a reference, if `spec` is one, for `validate`.
    fn refers(&mut self, spec: &Key, id: &str, pos: Pos) {
        if let format::Value::Id(target) | format::Value::Ids(target) = spec.value {
            self.references.push(Reference {
                holder: self.what,
                target,
                id: id.to_owned(),
                pos,
            });
        }
    }

    /// An id with its position (see `text`).
    pub fn id(&mut self, key: &str, diags: &mut Vec<Diagnostic>) -> Option<(String, Pos)> {
        let pos = self.position_of(key);
        let id = self.text(key, diags)?;
        let spec = self.spec(key, |_| true);
        self.refers(spec, &id, pos);
        Some((id, pos))
    }

    /// The nodes of a list, or nothing (with an error) if `key` holds something else.
    pub fn list(&mut self, key: &str, diags: &mut Vec<Diagnostic>) -> &'n [Node] {
        let Some(node) = self.take(key) else {
            return &[];
        };
        match &node.value {
            Value::Seq(items) => items,
            Value::Text(_) => std::slice::from_ref(node),
            other => {
                diags.push(Diagnostic::error(
                    node.pos,
                    format!("expected `{key}` to be a list, found {}", other.kind_name()),
                ));
                &[]
            }
        }
    }

    /// A word from a closed vocabulary (missing is an error if the format requires the
    /// key), exactly as written: `'government '` is
    /// not `government`, for the schema editors check against does not trim either.
    pub fn word<V: Vocabulary>(&mut self, key: &str, diags: &mut Vec<Diagnostic>) -> Option<V> {
        let spec = self.spec(key, |v| matches!(v, format::Value::Word(_)));
        let Some(node) = self.take(key) else {
            if spec.required {
                self.missing(key, diags);
            }
            return None;
        };
        let text = scalar_text(node, key, diags)?;
        let parsed = V::parse(text);
        if parsed.is_none() {
            let hint = word_hint::<V>(text);
            diags.push(Diagnostic::error(
                node.pos,
                format!(
                    "`{key}: {}` is not one of: {}{hint}",
                    shown(text),
                    V::choices()
                ),
            ));
        }
        parsed
    }

    /// An optional scalar's text as written, untrimmed, for values that must match a
    /// form exactly.
    pub fn opt_written(&mut self, key: &str, diags: &mut Vec<Diagnostic>) -> Option<&'n str> {
        self.spec(key, |v| {
            matches!(v, format::Value::Date | format::Value::Language)
        });
        let node = self.take(key)?;
        scalar_text(node, key, diags)
    }

    /// Where `key`'s value starts, or the mapping's own position if it is absent.
    pub fn position_of(&self, key: &str) -> Pos {
        self.entries
            .iter()
            .find(|e| e.key == key)
            .map_or(self.pos, |e| e.node.pos)
    }
}

/// The word of `V` a refused `text` most likely meant, as a message's ending: the same
/// word padded with spaces, written in other case (`Low`), or a near miss (`support`).
fn word_hint<V: Vocabulary>(text: &str) -> String {
    if let Some(word) = V::parse(text.trim()) {
        return format!("; did you mean `{}`, without the spaces?", word.word());
    }
    let words: Vec<&str> = V::ALL.iter().map(|v| v.word()).collect();
    let lower = text.trim().to_lowercase();
    let near = words
        .iter()
        .copied()
        .find(|w| *w == lower)
        .or_else(|| closest(&lower, &words));
    near.map_or_else(String::new, |word| format!("; did you mean `{word}`?"))
}

/// The text of a scalar, exactly as the YAML gives it (see `node`).
pub fn scalar_text<'a>(node: &'a Node, key: &str, diags: &mut Vec<Diagnostic>) -> Option<&'a str> {
    match &node.value {
        Value::Text(s) => Some(s),
        Value::Null => None,
        other => {
            diags.push(Diagnostic::error(
                node.pos,
                format!("expected `{key}` to be text, found {}", other.kind_name()),
            ));
            None
        }
    }
}

/// The text of an item of a list of texts. An empty item (`-` alone, `~`, `null`) holds
/// nothing to show, and is left out with a warning where it stands, not in silence: it
/// is most often a point whose text was never written.
fn item_text<'a>(node: &'a Node, key: &str, diags: &mut Vec<Diagnostic>) -> Option<&'a str> {
    if node.value == Value::Null {
        diags.push(Diagnostic::warning(
            node.pos,
            format!("an empty item in `{key}` is left out"),
        ));
        return None;
    }
    scalar_text(node, key, diags)
}

/// A one-line text as the model holds it: cleaned, with no white space around it, not
/// even where cleaning dropped a bidi control from an end. So a required text is empty
/// exactly when it has no character but white space and bidi controls, as the schema's
/// pattern for it says.
fn held_line(text: &str) -> String {
    trimmed(sanitize::clean_line(text.trim()))
}

/// A text that may run over several lines, as the model holds it (see `held_line`).
fn held_text(text: &str) -> String {
    trimmed(sanitize::clean(text.trim()))
}

fn trimmed(text: String) -> String {
    match text.trim() {
        same if same.len() == text.len() => text,
        shorter => shorter.to_owned(),
    }
}

/// A written value as a message shows it: cleaned of controls, and in double quotes with
/// escapes where spaces around it or controls in it would otherwise not be seen.
pub fn shown(text: &str) -> String {
    let plain = text.trim() == text && sanitize::clean_line(text) == text && !text.is_empty();
    if plain {
        text.to_owned()
    } else {
        sanitize::clean_line(&format!("{text:?}"))
    }
}

/// The known key nearest to a misspelt one, if it is near enough to be a typo. Edits are
/// inserts, deletes, substitutions and swaps of two neighbours (optimal string alignment).
pub fn closest<'k>(key: &str, known: &[&'k str]) -> Option<&'k str> {
    known
        .iter()
        .map(|k| (strsim::osa_distance(key, k), *k))
        .filter(|(d, k)| *d <= (k.len() / 3).max(1))
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_near_keys_only() {
        assert_eq!(closest("qoutes", &["quotes", "risks"]), Some("quotes"));
        assert_eq!(
            closest("likelyhood", &["likelihood", "impact"]),
            Some("likelihood")
        );
        assert_eq!(closest("colour", &["quotes", "risks"]), None);
        assert_eq!(closest("nmae", &["id", "name", "kind"]), Some("name"));
    }
}
