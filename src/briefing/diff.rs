//! The difference between two versions of a briefing, in its judgments rather than its
//! lines: items are matched by what identifies them (ids; stances by actor and topic;
//! timeline events by their `id`, else by date and text), so that moving an item is no
//! change and editing one is a change of named fields, not a removal and an addition.

use super::format::{self, Held};
use super::model::*;
use serde::Serialize;
use similar::{Algorithm, ChangeTag};
use std::any::Any;
use std::collections::HashMap;

/// Every change between two briefings, section by section in the order the dashboard
/// shows them; within a section, items in the newer version's order, then removed ones.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct BriefingDiff {
    pub changes: Vec<ItemChange>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Section {
    Summary,
    Sources,
    Actors,
    Topics,
    Stances,
    Quotes,
    Risks,
    Questions,
    Timeline,
}

impl Section {
    pub const ALL: [Section; 9] = [
        Section::Summary,
        Section::Sources,
        Section::Actors,
        Section::Topics,
        Section::Stances,
        Section::Quotes,
        Section::Risks,
        Section::Questions,
        Section::Timeline,
    ];

    /// The heading a group of changes is shown under.
    pub fn heading(self) -> &'static str {
        match self {
            Section::Summary => "Summary",
            Section::Sources => "Sources",
            Section::Actors => "Actors",
            Section::Topics => "Topics",
            Section::Stances => "Stances",
            Section::Quotes => "Quotes",
            Section::Risks => "Risks",
            Section::Questions => "Questions",
            Section::Timeline => "Timeline",
        }
    }

    /// The word for one item of the section, in sentences ("+ quote q13").
    pub fn noun(self) -> &'static str {
        match self {
            Section::Summary => "summary",
            Section::Sources => "source",
            Section::Actors => "actor",
            Section::Topics => "topic",
            Section::Stances => "stance",
            Section::Quotes => "quote",
            Section::Risks => "risk",
            Section::Questions => "question",
            Section::Timeline => "event",
        }
    }
}

/// One item that was added, removed or edited.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ItemChange {
    pub section: Section,
    /// What the item is matched by: its id, `actor/topic` for a stance, `date/event` for
    /// a timeline event without an id.
    pub key: String,
    /// How an analyst names the item: `Union on pay`, `Risk "Strike action"`,
    /// `quote q13 (Tsikhanouskaya)`.
    pub title: String,
    #[serde(flatten)]
    pub kind: ChangeKind,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "change", rename_all = "lowercase")]
pub enum ChangeKind {
    /// The item is new; `text` is its gist (a quote's words, a stance's position).
    Added {
        text: String,
    },
    Removed {
        text: String,
    },
    Edited {
        fields: Vec<FieldChange>,
    },
}

/// One field of an item, before and after.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldChange {
    pub field: &'static str,
    pub before: Value,
    pub after: Value,
}

impl FieldChange {
    /// A field that no one writes: a risk's severity, which follows from its levels.
    pub fn is_derived(&self) -> bool {
        self.field == "severity"
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Value {
    Absent,
    /// A word from a vocabulary or a short line, shown as `before → after`.
    Word(String),
    /// Prose, shown as a word-level diff.
    Text(String),
    List(Vec<String>),
}

impl Value {
    fn word(text: &str) -> Self {
        Value::Word(text.to_owned())
    }

    fn text(text: &str) -> Self {
        Value::Text(text.to_owned())
    }

    /// A key's value as a diff compares and shows it: prose as text, other scalars as
    /// words, lists (and a list of mappings, each as one line) as lists. An absent
    /// optional key is absent; an absent required one, or list, is empty.
    fn held(key: &format::Key, held: Held<'_>) -> Self {
        let scalar = |text: &str| match key.value {
            format::Value::Text => Value::text(text),
            _ => Value::word(text),
        };
        match (held, key.value) {
            (Held::Text(text), _) => scalar(text),
            (Held::Word(word), _) => Value::word(word),
            (Held::Texts(items), _) => Value::List(items.to_vec()),
            (Held::Items(items), format::Value::Items(kind)) => {
                Value::List(items.into_iter().map(|item| one_line(kind, item)).collect())
            }
            (
                Held::Absent,
                format::Value::Texts | format::Value::Ids(_) | format::Value::Items(_),
            ) => Value::List(Vec::new()),
            (_, _) if !key.required => Value::Absent,
            (_, _) => scalar(""),
        }
    }

    /// The value as one line: `(none)` when absent, a list joined by commas.
    pub fn show(&self) -> String {
        match self {
            Value::Absent => "(none)".to_owned(),
            Value::Word(text) | Value::Text(text) if text.is_empty() => "(none)".to_owned(),
            Value::Word(text) | Value::Text(text) => text.clone(),
            Value::List(items) if items.is_empty() => "(none)".to_owned(),
            Value::List(items) => items.join(", "),
        }
    }

    pub fn as_text(&self) -> &str {
        match self {
            Value::Word(text) | Value::Text(text) => text,
            Value::Absent | Value::List(_) => "",
        }
    }
}

/// A mapping in a list, as one line of a list's diff: its first key's value, then the
/// others' in brackets, `Mary Holt (Council leader)`.
fn one_line(kind: &'static format::Item, item: &dyn Any) -> String {
    let text = |key: &format::Key| match (key.read)(item) {
        Held::Text(text) => text.to_owned(),
        Held::Word(word) => word.to_owned(),
        Held::Texts(items) => items.join(", "),
        Held::Absent | Held::Item(_) | Held::Items(_) => String::new(),
    };
    let mut keys = kind.compared();
    let first = keys.next().map(text).unwrap_or_default();
    let rest: Vec<String> = keys.map(text).collect();
    format!("{first} ({})", rest.join(", "))
}

/// A run of words in a word-level diff.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Words<'a> {
    Same(&'a str),
    Removed(&'a str),
    Added(&'a str),
}

/// The words of `before` and `after`, as kept, removed and added runs. Words are
/// Unicode's (UAX #29), not runs between spaces: Japanese and Chinese have no spaces,
/// and a changed character there is a changed word, not a changed paragraph.
pub fn word_diff<'a>(before: &'a str, after: &'a str) -> Vec<Words<'a>> {
    similar::utils::diff_unicode_words(Algorithm::Patience, before, after)
        .into_iter()
        .map(|(tag, run)| match tag {
            ChangeTag::Equal => Words::Same(run),
            ChangeTag::Delete => Words::Removed(run),
            ChangeTag::Insert => Words::Added(run),
        })
        .collect()
}

/// The entries of a list that are only in `before`, and those only in `after`.
pub fn list_diff<'a>(before: &'a [String], after: &'a [String]) -> (Vec<&'a str>, Vec<&'a str>) {
    let gone = before
        .iter()
        .filter(|b| !after.contains(b))
        .map(String::as_str)
        .collect();
    let new = after
        .iter()
        .filter(|a| !before.contains(a))
        .map(String::as_str)
        .collect();
    (gone, new)
}

impl BriefingDiff {
    pub fn between(old: &Briefing, new: &Briefing) -> Self {
        let names = Names { old, new };
        let mut changes = Vec::new();
        summary(old, new, &mut changes);
        section(
            &mut changes,
            Section::Sources,
            &old.sources,
            &new.sources,
            |s| s.id.clone(),
            |s| format!("source {} ({})", s.id, s.outlet),
            |s| s.title.clone(),
            |a, b| compared(&format::SOURCE, a, b),
        );
        section(
            &mut changes,
            Section::Actors,
            &old.actors,
            &new.actors,
            |a| a.id.clone(),
            |a| format!("actor {} ({})", a.id, a.name),
            |a| a.role.clone(),
            |a, b| compared(&format::ACTOR, a, b),
        );
        section(
            &mut changes,
            Section::Topics,
            &old.topics,
            &new.topics,
            |t| t.id.clone(),
            |t| format!("topic {} ({})", t.id, t.name),
            |t| t.name.clone(),
            |a, b| compared(&format::TOPIC, a, b),
        );
        section(
            &mut changes,
            Section::Stances,
            &old.stances,
            &new.stances,
            Stance::key,
            |s| names.stance(s),
            |s| s.position.word().to_owned(),
            |a, b| compared(&format::STANCE, a, b),
        );
        section(
            &mut changes,
            Section::Quotes,
            &old.quotes,
            &new.quotes,
            |q| q.id.clone(),
            |q| format!("quote {} ({})", q.id, q.speaker),
            |q| format!("\"{}\"", q.text),
            |a, b| compared(&format::QUOTE, a, b),
        );
        section(
            &mut changes,
            Section::Risks,
            &old.risks,
            &new.risks,
            |r| r.id.clone(),
            |r| format!("Risk \"{}\"", r.title),
            |r| {
                format!(
                    "likelihood {}, impact {} (severity {})",
                    r.likelihood.word(),
                    r.impact.word(),
                    r.severity().word()
                )
            },
            |a, b| {
                let mut fields = compared(&format::RISK, a, b);
                // Follows from the two levels, which are compared first: shown after
                // them, not counted (see `count`).
                let (before, after) = (a.severity().word(), b.severity().word());
                if before != after {
                    let levels = fields
                        .iter()
                        .take_while(|f| f.field == "likelihood" || f.field == "impact")
                        .count();
                    fields.insert(
                        levels,
                        FieldChange {
                            field: "severity",
                            before: Value::word(before),
                            after: Value::word(after),
                        },
                    );
                }
                fields
            },
        );
        section(
            &mut changes,
            Section::Questions,
            &old.questions,
            &new.questions,
            |q| q.id.clone(),
            |q| format!("question {}", q.id),
            |q| q.question.clone(),
            |a, b| compared(&format::QUESTION, a, b),
        );
        section(
            &mut changes,
            Section::Timeline,
            &old.timeline,
            &new.timeline,
            |e| e.key().into_owned(),
            |e| match &e.id {
                Some(id) => format!("event {id} ({})", e.date),
                None => format!("event {}", e.date),
            },
            |e| e.event.clone(),
            |a, b| compared(&format::EVENT, a, b),
        );
        changes.sort_by_key(|c| c.section);
        BriefingDiff { changes }
    }

    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }

    /// The same changes seen from the other side: what was added was removed, and every
    /// field's before and after swap.
    pub fn reversed(&self) -> Self {
        let changes = self
            .changes
            .iter()
            .map(|c| ItemChange {
                kind: match &c.kind {
                    ChangeKind::Added { text } => ChangeKind::Removed { text: text.clone() },
                    ChangeKind::Removed { text } => ChangeKind::Added { text: text.clone() },
                    ChangeKind::Edited { fields } => ChangeKind::Edited {
                        fields: fields
                            .iter()
                            .map(|f| FieldChange {
                                field: f.field,
                                before: f.after.clone(),
                                after: f.before.clone(),
                            })
                            .collect(),
                    },
                },
                ..c.clone()
            })
            .collect();
        BriefingDiff { changes }
    }

    /// The changes of one section, in order.
    pub fn in_section(&self, section: Section) -> impl Iterator<Item = &ItemChange> {
        self.changes.iter().filter(move |c| c.section == section)
    }

    /// Fields changed, plus items added and removed: what a one-field edit counts as one.
    pub fn count(&self) -> usize {
        self.changes
            .iter()
            .map(|c| match &c.kind {
                ChangeKind::Edited { fields } => fields.iter().filter(|f| !f.is_derived()).count(),
                _ => 1,
            })
            .sum()
    }

    /// One line of what changed, as an analyst would say it:
    /// "2 stances moved, 1 risk raised, +1 quote".
    pub fn gist(&self) -> String {
        let mut tally: Vec<(String, usize)> = Vec::new();
        let mut add = |phrase: String| match tally.iter_mut().find(|(p, _)| *p == phrase) {
            Some((_, n)) => *n += 1,
            None => tally.push((phrase, 1)),
        };
        for change in &self.changes {
            let noun = change.section.noun();
            match &change.kind {
                ChangeKind::Added { .. } => add(format!("+{noun}")),
                ChangeKind::Removed { .. } => add(format!("\u{2212}{noun}")),
                ChangeKind::Edited { fields } => add(edit_phrase(change.section, fields)),
            }
        }
        tally
            .into_iter()
            .map(|(phrase, n)| say(&phrase, n))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// What kind of edit an item had, as the verb of the gist ("stance moved").
fn edit_phrase(section: Section, fields: &[FieldChange]) -> String {
    let has = |name: &str| fields.iter().any(|f| f.field == name);
    let word_of = |name: &str, side: fn(&FieldChange) -> &Value| {
        fields
            .iter()
            .find(|f| f.field == name)
            .map(|f| side(f).as_text().to_owned())
    };
    match section {
        Section::Summary if has("bottom line") => "bottom line revised".to_owned(),
        Section::Stances if has("position") => "stance moved".to_owned(),
        Section::Quotes if has("text") => "quote corrected".to_owned(),
        Section::Risks if has("likelihood") || has("impact") => {
            let weight = |side: fn(&FieldChange) -> &Value| {
                let level = |name: &str| {
                    word_of(name, side)
                        .and_then(|w| Level::parse(&w))
                        .map(Level::weight)
                };
                (level("likelihood"), level("impact"))
            };
            let ((lb, ib), (la, ia)) = (weight(|f| &f.before), weight(|f| &f.after));
            // A level that did not change is a common factor of both scores: 1 orders
            // them the same.
            let before = u32::from(lb.unwrap_or(1)) * u32::from(ib.unwrap_or(1));
            let after = u32::from(la.unwrap_or(1)) * u32::from(ia.unwrap_or(1));
            if after > before {
                "risk raised".to_owned()
            } else if after < before {
                "risk lowered".to_owned()
            } else {
                "risk reassessed".to_owned()
            }
        }
        Section::Summary => "summary edited".to_owned(),
        other => format!("{} edited", other.noun()),
    }
}

/// "+2 quotes", "1 risk raised", "bottom line revised".
fn say(phrase: &str, n: usize) -> String {
    let (sign, rest) = match phrase.chars().next() {
        Some(c @ ('+' | '\u{2212}')) => (c.to_string(), &phrase[c.len_utf8()..]),
        _ => (String::new(), phrase),
    };
    if rest.starts_with("bottom line") || rest.starts_with("summary") {
        return rest.to_owned();
    }
    let (noun, verb) = rest.split_once(' ').unwrap_or((rest, ""));
    let noun = if n == 1 {
        noun.to_owned()
    } else {
        format!("{noun}s")
    };
    let number = if sign.is_empty() {
        n.to_string()
    } else {
        format!("{sign}{n}")
    };
    if verb.is_empty() {
        format!("{number} {noun}")
    } else {
        format!("{number} {noun} {verb}")
    }
}

/// Labels of actors and topics, from the newer version where it has them.
struct Names<'a> {
    old: &'a Briefing,
    new: &'a Briefing,
}

impl Names<'_> {
    fn stance(&self, s: &Stance) -> String {
        let actor = [self.new, self.old]
            .iter()
            .find_map(|b| b.actors.iter().find(|a| a.id == s.actor))
            .map_or(s.actor.as_str(), |a| a.label())
            .to_owned();
        let topic = [self.new, self.old]
            .iter()
            .find_map(|b| b.topics.iter().find(|t| t.id == s.topic))
            .map_or(s.topic.as_str(), |t| t.name.as_str())
            .to_owned();
        format!("{actor} on {topic}")
    }
}

/// The fields of one item that differ, in the order they are compared.
#[derive(Default)]
struct Fields(Vec<FieldChange>);

impl Fields {
    fn push(&mut self, field: &'static str, before: Value, after: Value) {
        if before != after {
            self.0.push(FieldChange {
                field,
                before,
                after,
            });
        }
    }

    /// Every compared key of an item.
    fn item(&mut self, item: &'static format::Item, a: &dyn Any, b: &dyn Any) {
        for key in item.compared() {
            self.key(key, a, b);
        }
    }

    fn key(&mut self, key: &'static format::Key, a: &dyn Any, b: &dyn Any) {
        self.push(
            key.label,
            Value::held(key, (key.read)(a)),
            Value::held(key, (key.read)(b)),
        );
    }
}

/// The briefing's own keys and its summary's, as one item; its lists of items are
/// sections of their own.
fn summary(old: &Briefing, new: &Briefing, changes: &mut Vec<ItemChange>) {
    let mut f = Fields::default();
    for key in format::BRIEFING.compared() {
        match key.value {
            format::Value::Items(_) => {}
            format::Value::Item(item) => {
                let (a, b) = ((key.read)(old), (key.read)(new));
                f.item(item, inner(a, &old.summary), inner(b, &new.summary));
            }
            _ => f.key(key, old, new),
        }
    }
    if !f.0.is_empty() {
        changes.push(ItemChange {
            section: Section::Summary,
            key: String::new(),
            title: "Summary".to_owned(),
            kind: ChangeKind::Edited { fields: f.0 },
        });
    }
}

/// The mapping under a key, or an empty one where the briefing has none.
fn inner<'a>(held: Held<'a>, empty: &'a dyn Any) -> &'a dyn Any {
    match held {
        Held::Item(item) => item,
        _ => empty,
    }
}

/// The fields of one item that differ, as the format's table lists them.
fn compared<T: Any>(item: &'static format::Item, a: &T, b: &T) -> Vec<FieldChange> {
    let mut f = Fields::default();
    f.item(item, a, b);
    f.0
}

/// Matches the items of one section by key and records what differs. An item whose key
/// appears twice (which validation forbids for ids, and which two undated events could
/// share) is matched in order of appearance.
#[allow(clippy::too_many_arguments)]
fn section<T>(
    changes: &mut Vec<ItemChange>,
    section: Section,
    old: &[T],
    new: &[T],
    key: impl Fn(&T) -> String,
    title: impl Fn(&T) -> String,
    gist: impl Fn(&T) -> String,
    compare: impl Fn(&T, &T) -> Vec<FieldChange>,
) {
    let mut unmatched: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, item) in old.iter().enumerate().rev() {
        unmatched.entry(key(item)).or_default().push(i);
    }
    let mut matched = vec![false; old.len()];
    for item in new {
        let k = key(item);
        match unmatched.get_mut(&k).and_then(Vec::pop) {
            Some(i) => {
                matched[i] = true;
                let fields = compare(&old[i], item);
                if !fields.is_empty() {
                    changes.push(ItemChange {
                        section,
                        key: k,
                        title: title(item),
                        kind: ChangeKind::Edited { fields },
                    });
                }
            }
            None => changes.push(ItemChange {
                section,
                key: k,
                title: title(item),
                kind: ChangeKind::Added { text: gist(item) },
            }),
        }
    }
    for (item, _) in old.iter().zip(&matched).filter(|(_, m)| !**m) {
        changes.push(ItemChange {
            section,
            key: key(item),
            title: title(item),
            kind: ChangeKind::Removed { text: gist(item) },
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gist_counts_and_words() {
        assert_eq!(say("stance moved", 2), "2 stances moved");
        assert_eq!(say("+quote", 1), "+1 quote");
        assert_eq!(say("\u{2212}question", 3), "\u{2212}3 questions");
        assert_eq!(say("bottom line revised", 1), "bottom line revised");
    }

    #[test]
    fn word_diff_keeps_every_word() {
        let runs = word_diff(
            "the union supports the offer",
            "the union rejects the offer",
        );
        let before: String = runs
            .iter()
            .filter_map(|r| match r {
                Words::Same(t) | Words::Removed(t) => Some(*t),
                Words::Added(_) => None,
            })
            .collect();
        assert_eq!(before, "the union supports the offer");
        assert!(runs.contains(&Words::Removed("supports")));
        assert!(runs.contains(&Words::Added("rejects")));
    }

    #[test]
    fn word_diff_of_text_without_spaces_names_only_what_changed() {
        let runs = word_diff(
            "試験航海は技術的には成功しました",
            "試験航海は技術的には概ね成功しました",
        );
        let changed: Vec<&Words> = runs
            .iter()
            .filter(|r| !matches!(r, Words::Same(_)))
            .collect();
        assert_eq!(changed, [&Words::Added("概ね")], "{runs:?}");
        let runs = word_diff("Лукашенко помиловал 123", "Лукашенко помиловал 52");
        assert!(runs.contains(&Words::Removed("123")), "{runs:?}");
        assert!(
            runs.contains(&Words::Same("Лукашенко помиловал ")),
            "{runs:?}"
        );
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    fn one_of_each() -> Briefing {
        let text = include_str!("../../tests/fixtures/good/one-of-each.yaml");
        super::super::parse(text).expect("fixture loads").briefing
    }

    fn sorted(mut diff: BriefingDiff) -> BriefingDiff {
        diff.changes
            .sort_by(|a, b| (a.section, &a.key).cmp(&(b.section, &b.key)));
        diff
    }

    /// A briefing with some of its items edited, reordered, dropped or added.
    fn variant() -> impl Strategy<Value = Briefing> {
        (
            0usize..5,
            any::<bool>(),
            any::<bool>(),
            any::<bool>(),
            "[a-z ]{0,12}",
        )
            .prop_map(|(position, reorder, drop_question, add_quote, words)| {
                let mut b = one_of_each();
                b.stances[0].position = Position::ALL[position];
                b.summary.bluf.push_str(&words);
                if reorder {
                    b.timeline.push(TimelineEvent {
                        id: None,
                        date: "2026-03-16".into(),
                        event: "Union ballot opens.".into(),
                        source: None,
                        pos: Default::default(),
                    });
                    b.timeline.reverse();
                }
                if drop_question {
                    b.questions.clear();
                }
                if add_quote {
                    let mut quote = b.quotes[0].clone();
                    quote.id = "q-new".into();
                    quote.text = words.clone();
                    b.quotes.insert(0, quote);
                }
                b
            })
    }

    proptest! {
        #[test]
        fn a_briefing_does_not_differ_from_itself(b in variant()) {
            prop_assert!(BriefingDiff::between(&b, &b).is_empty());
        }

        #[test]
        fn the_other_way_round_is_the_reverse(a in variant(), b in variant()) {
            let forth = BriefingDiff::between(&a, &b);
            let back = BriefingDiff::between(&b, &a);
            prop_assert_eq!(sorted(back), sorted(forth.reversed()));
        }

        #[test]
        fn one_field_changed_is_one_change(field in 0usize..6, text in "[a-z]{1,8}") {
            let a = one_of_each();
            let mut b = a.clone();
            match field {
                0 => b.stances[0].summary.push_str(&text),
                1 => b.quotes[0].text.push_str(&text),
                2 => b.risks[0].likelihood = Level::Low,
                3 => b.questions[0].why.push_str(&text),
                4 => b.summary.key_points.push(text.clone()),
                _ => b.timeline[0].source = None,
            }
            let diff = BriefingDiff::between(&a, &b);
            prop_assert_eq!(diff.count(), 1, "{:?}", diff);
            prop_assert_eq!(diff.changes.len(), 1);
        }

        #[test]
        fn moving_items_is_no_change(seed in any::<u64>()) {
            let text = include_str!("../../tests/fixtures/history/pay-v1.yaml");
            let a = super::super::parse(text).expect("fixture loads").briefing;
            let mut b = a.clone();
            b.actors.rotate_left((seed % 2) as usize);
            b.stances.rotate_left(((seed >> 1) % 2) as usize);
            for item in &mut b.stances {
                item.pos = Default::default();
            }
            prop_assert!(BriefingDiff::between(&a, &b).is_empty());
        }
    }
}
