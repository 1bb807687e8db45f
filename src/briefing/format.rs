//! The briefing format, written down once: for each kind of item its keys, which are
//! required, what each holds and what it means, and where the model keeps it. The loader
//! takes its known and required keys and their types from here, and `brief schema` (the
//! JSON Schema editors read) and the README's format reference are generated from it, so
//! the three cannot drift apart. The diff, the dashboard's search and the Markdown and
//! HTML exports read the model through it, so adding a key is this table's entry and
//! the model's field (plus its drawing on the dashboard).

use super::model::*;
use super::node::Pos;
use std::any::Any;

/// What a key holds, as the loader reads it.
#[derive(Debug, Clone, Copy)]
pub enum Value {
    /// One line of text (numbers and booleans count as their written form).
    Line,
    /// Text that may run over several lines.
    Text,
    /// A list of texts; a single text counts as a list of one.
    Texts,
    /// The id of another item, of the given kind.
    Id(&'static Item),
    /// A list of ids of other items, of the given kind.
    Ids(&'static Item),
    /// A day of the calendar, `YYYY-MM-DD` exactly.
    Date,
    /// A language, as a BCP 47 tag (`ru`, `zh-Hans`, `en-GB`), exactly.
    Language,
    /// One word of a closed vocabulary, exactly (no spaces around it).
    Word(Vocab),
    /// A mapping of the given kind.
    Item(&'static Item),
    /// A list of mappings of the given kind.
    Items(&'static Item),
    /// `{line, column}`, where an item was written: what `brief export --positions` adds.
    /// The loader reads past it, whatever it holds: it describes another file, and what
    /// a message about this one needs is where the item stands here.
    WrittenAt,
}

/// A closed vocabulary: its name in the docs, and its words in the model's order.
#[derive(Debug, Clone, Copy)]
pub struct Vocab {
    pub name: &'static str,
    pub words: fn() -> Vec<&'static str>,
}

fn words<V: Vocabulary>() -> Vec<&'static str> {
    V::ALL.iter().map(|v| v.word()).collect()
}

pub const KIND: Vocab = Vocab {
    name: "kind",
    words: words::<ActorKind>,
};
pub const POSITION: Vocab = Vocab {
    name: "position",
    words: words::<Position>,
};
pub const LEVEL: Vocab = Vocab {
    name: "level",
    words: words::<Level>,
};

/// Every vocabulary, for the docs.
pub const VOCABULARIES: &[Vocab] = &[KIND, POSITION, LEVEL];

#[derive(Debug)]
pub struct Key {
    pub name: &'static str,
    pub required: bool,
    pub value: Value,
    pub description: &'static str,
    /// How a diff names the key in its report ("bottom line" for `bluf`), and the
    /// exports title it.
    pub label: &'static str,
    /// Whether a search of the dashboard looks in the key's value (a reference, in the
    /// name of what it refers to).
    pub searched: bool,
    /// The model's value under this key, given the item it belongs to (the model type
    /// of the key's `Item`): what the diff, search and the exports read.
    pub read: fn(&dyn Any) -> Held<'_>,
}

/// One kind of mapping in a briefing.
#[derive(Debug)]
pub struct Item {
    /// How messages name it ("actor", "timeline event").
    pub what: &'static str,
    /// The plural, for "list of people".
    pub plural: &'static str,
    pub description: &'static str,
    pub keys: &'static [Key],
    /// The keys' names, in the same order, for the loader's unknown-key check.
    pub names: &'static [&'static str],
    /// The keys an item is known by from one version of the briefing to the next: a diff
    /// matches items by them and compares the rest.
    pub known_by: &'static [&'static str],
    /// The keys a diff reports first, as they matter most (a quote's words, a risk's
    /// levels); the rest follow in the table's order.
    pub compared_first: &'static [&'static str],
}

impl Item {
    pub fn key(&self, name: &str) -> Option<&Key> {
        self.keys.iter().find(|k| k.name == name)
    }

    /// The keys a diff compares, in the order it reports them: all but those the item
    /// is known by and where it was written.
    pub fn compared(&self) -> impl Iterator<Item = &Key> {
        let first = self.compared_first.iter().filter_map(|name| self.key(name));
        let rest = self.keys.iter().filter(|k| {
            !self.compared_first.contains(&k.name)
                && !self.known_by.contains(&k.name)
                && !matches!(k.value, Value::WrittenAt)
        });
        first.chain(rest)
    }
}

/// What the model holds under one key of one item.
#[derive(Debug, Clone)]
pub enum Held<'a> {
    /// Absent, or empty where the model keeps an absent optional text as empty.
    Absent,
    /// A line, a text, an id or a date.
    Text(&'a str),
    /// A word of a vocabulary.
    Word(&'static str),
    /// A list of texts or of ids.
    Texts(&'a [String]),
    /// A mapping, of the model type of the key's `Value::Item`.
    Item(&'a dyn Any),
    /// Mappings, of the model type of the key's `Value::Items`.
    Items(Vec<&'a dyn Any>),
}

/// A model field, as `Held`.
pub trait Field {
    fn held(&self) -> Held<'_>;
}

impl Field for String {
    fn held(&self) -> Held<'_> {
        if self.is_empty() {
            Held::Absent
        } else {
            Held::Text(self)
        }
    }
}

impl Field for Option<String> {
    fn held(&self) -> Held<'_> {
        self.as_ref().map_or(Held::Absent, Field::held)
    }
}

impl Field for Vec<String> {
    fn held(&self) -> Held<'_> {
        if self.is_empty() {
            Held::Absent
        } else {
            Held::Texts(self)
        }
    }
}

/// Where an item was written is not part of what it says.
impl Field for Pos {
    fn held(&self) -> Held<'_> {
        Held::Absent
    }
}

impl Field for Summary {
    fn held(&self) -> Held<'_> {
        if self.is_empty() {
            Held::Absent
        } else {
            Held::Item(self)
        }
    }
}

macro_rules! fields {
    (words: $($vocabulary:ty),+; items: $($item:ty),+) => {
        $(impl Field for $vocabulary {
            fn held(&self) -> Held<'_> {
                Held::Word(self.word())
            }
        })+
        $(impl Field for Vec<$item> {
            fn held(&self) -> Held<'_> {
                if self.is_empty() {
                    Held::Absent
                } else {
                    Held::Items(self.iter().map(|item| item as &dyn Any).collect())
                }
            }
        })+
    };
}

fields!(words: ActorKind, Position, Level;
    items: Source, Actor, Person, Topic, Stance, Quote, Risk, Question, TimelineEvent);

/// The item a key's `read` is given, as the model type the key belongs to.
fn model<T: Any>(item: &dyn Any) -> &T {
    item.downcast_ref()
        .expect("a key is read from an item of its own kind")
}

/// `item!(NAME: Model, "what" / "plural", "description", known by ["id"], compared first
/// ["key"], [key required Value => field "description" as "label" [unsearched], ...])`: an
/// item, its list of key names, and how each key is read from the model, from one list.
/// `known by` and `compared first` are left out where empty, `as "label"` where the
/// key's name serves, `[unsearched]` where no search looks in the key's value.
macro_rules! item {
    ($name:ident: $model:ty, $what:literal / $plural:literal, $description:literal,
     $(known by [$($known:literal),*],)? $(compared first [$($first:literal),*],)?
     [$($key:literal $required:ident $value:expr => $field:ident, $about:literal $(as $label:literal)? $([$unsearched:ident])?;)+]) => {
        pub static $name: Item = Item {
            what: $what,
            plural: $plural,
            description: $description,
            keys: &[$(Key {
                name: $key,
                required: item!(@required $required),
                value: $value,
                description: $about,
                label: item!(@label $key $($label)?),
                searched: item!(@searched $($unsearched)?),
                read: {
                    fn read(item: &dyn Any) -> Held<'_> {
                        model::<$model>(item).$field.held()
                    }
                    read
                },
            }),+],
            names: &[$($key),+],
            known_by: &[$($($known),*)?],
            compared_first: &[$($($first),*)?],
        };
    };
    (@required required) => { true };
    (@required optional) => { false };
    (@label $key:literal) => { $key };
    (@label $key:literal $label:literal) => { $label };
    (@searched) => { true };
    (@searched unsearched) => { false };
}

item!(BRIEFING: Briefing, "the briefing" / "briefings", "An analytical briefing: bottom line, actors and stances, verbatim quotes, risks, open questions, timeline.", [
    "title" required Value::Line => title, "What the briefing is about, in one line.";
    "as_of" optional Value::Date => as_of, "The date the briefing describes the situation at: a day the calendar has (not 2026-02-30; February 29th only in leap years), from year 0001, written without spaces around it." as "as of";
    "sources" optional Value::Items(&SOURCE) => sources, "The sources the briefing is drawn from; quotes cite them.";
    "summary" optional Value::Item(&SUMMARY) => summary, "The bottom line, key points and caveats.";
    "actors" optional Value::Items(&ACTOR) => actors, "The governments, organisations, movements and people involved.";
    "topics" optional Value::Items(&TOPIC) => topics, "The questions on which actors take stances.";
    "stances" optional Value::Items(&STANCE) => stances, "Where each actor stands on each topic.";
    "quotes" optional Value::Items(&QUOTE) => quotes, "What was said, verbatim, by whom, where.";
    "risks" optional Value::Items(&RISK) => risks, "What could go wrong, with likelihood and impact.";
    "questions" optional Value::Items(&QUESTION) => questions, "What is not known yet, and what to watch.";
    "timeline" optional Value::Items(&EVENT) => timeline, "Dated events.";
]);

item!(SOURCE: Source, "source" / "sources", "A source the briefing is drawn from.", known by ["id"], [
    "id" required Value::Line => id, "Unique among sources; quotes and timeline events cite it.";
    "outlet" required Value::Line => outlet, "Who published it.";
    "title" required Value::Line => title, "Its headline or title.";
    "url" optional Value::Line => url, "Where it can be read.";
    "note" optional Value::Text => note, "What to know about the source: its reliability, what the copy lacks.";
    "file" optional Value::Line => file, "A local copy of its text, relative to the briefing; quotes citing the source must appear in it word for word.";
    "at" optional Value::WrittenAt => pos, "Where the item was written in the briefing a JSON export came from (`brief export --format json --positions`); ignored.";
]);

item!(SUMMARY: Summary, "summary" / "summaries", "The briefing in brief.", [
    "bluf" required Value::Text => bluf, "The bottom line up front." as "bottom line";
    "key_points" optional Value::Texts => key_points, "The points a reader must take away." as "key points";
    "caveats" optional Value::Texts => caveats, "What the briefing cannot say, and why.";
    "at" optional Value::WrittenAt => pos, "Where the item was written in the briefing a JSON export came from (`brief export --format json --positions`); ignored.";
]);

item!(ACTOR: Actor, "actor" / "actors", "A government, company, party, organisation, movement, armed group, media outlet, person or bloc.", known by ["id"], [
    "id" required Value::Line => id, "Unique among actors; stances, quotes, risks and questions refer to it.";
    "name" required Value::Line => name, "The full name.";
    "short" optional Value::Line => short, "A short label for tables and lists.";
    "kind" required Value::Word(KIND) => kind, "What sort of actor it is." [unsearched];
    "role" required Value::Text => role, "Its part in the situation.";
    "stance" required Value::Text => stance, "Its overall stance, in words.";
    "interests" optional Value::Texts => interests, "What it wants.";
    "leverage" optional Value::Texts => leverage, "What it can bring to bear.";
    "people" optional Value::Items(&PERSON) => people, "The people who speak or act for it.";
    "at" optional Value::WrittenAt => pos, "Where the item was written in the briefing a JSON export came from (`brief export --format json --positions`); ignored.";
]);

item!(PERSON: Person, "person" / "people", "Someone who speaks or acts for an actor.", [
    "name" required Value::Line => name, "Their name.";
    "role" optional Value::Line => role, "Their office or part.";
]);

item!(TOPIC: Topic, "topic" / "topics", "A question on which actors take stances.", known by ["id"], [
    "id" required Value::Line => id, "Unique among topics; stances refer to it.";
    "name" required Value::Line => name, "The topic, in a few words.";
    "description" optional Value::Text => description, "What the topic covers.";
    "at" optional Value::WrittenAt => pos, "Where the item was written in the briefing a JSON export came from (`brief export --format json --positions`); ignored.";
]);

item!(STANCE: Stance, "stance" / "stances", "Where one actor stands on one topic.", known by ["actor", "topic"], [
    "actor" required Value::Id(&ACTOR) => actor, "The actor's id.";
    "topic" required Value::Id(&TOPIC) => topic, "The topic's id.";
    "position" required Value::Word(POSITION) => position, "Where the actor stands; `unclear` when the sources are silent.";
    "summary" required Value::Text => summary, "The stance, in words.";
    "quotes" optional Value::Ids(&QUOTE) => quotes, "Ids of the quotes that show it." [unsearched];
    "at" optional Value::WrittenAt => pos, "Where the item was written in the briefing a JSON export came from (`brief export --format json --positions`); ignored.";
]);

item!(QUOTE: Quote, "quote" / "quotes", "Words an actor said, verbatim.", known by ["id"], compared first ["text"], [
    "id" required Value::Line => id, "Unique among quotes; stances refer to it." [unsearched];
    "speaker" required Value::Line => speaker, "Who said it.";
    "actor" required Value::Id(&ACTOR) => actor, "The id of the actor the speaker speaks for.";
    "text" required Value::Text => text, "The words, verbatim.";
    "context" optional Value::Text => context, "When, where and through whom it was said.";
    "source" required Value::Id(&SOURCE) => source, "The id of the source it is quoted from." [unsearched];
    "date" optional Value::Date => date, "The day it was said, YYYY-MM-DD, checked as `as_of` is." [unsearched];
    "language" optional Value::Language => language, "The language it was said in, as a BCP 47 tag (`ru`, `zh-Hans`, `ja`, `en-GB`)." [unsearched];
    "translation" optional Value::Text => translation, "An English rendering of the words, shown beside them as a translation; never checked against the source.";
    "at" optional Value::WrittenAt => pos, "Where the item was written in the briefing a JSON export came from (`brief export --format json --positions`); ignored.";
]);

item!(RISK: Risk, "risk" / "risks", "Something that could go wrong; its severity is likelihood times impact.", known by ["id"], compared first ["likelihood", "impact"], [
    "id" required Value::Line => id, "Unique among risks.";
    "title" required Value::Line => title, "The risk, in one line.";
    "description" required Value::Text => description, "What would happen, and why it might.";
    "likelihood" required Value::Word(LEVEL) => likelihood, "How likely it is." [unsearched];
    "impact" required Value::Word(LEVEL) => impact, "How much it would matter." [unsearched];
    "actors" optional Value::Ids(&ACTOR) => actors, "Ids of the actors involved.";
    "indicators" optional Value::Texts => indicators, "Signs that it is happening.";
    "at" optional Value::WrittenAt => pos, "Where the item was written in the briefing a JSON export came from (`brief export --format json --positions`); ignored.";
]);

item!(QUESTION: Question, "question" / "questions", "Something not known yet.", known by ["id"], [
    "id" required Value::Line => id, "Unique among questions.";
    "question" required Value::Text => question, "The question.";
    "why" required Value::Text => why, "Why it matters.";
    "actors" optional Value::Ids(&ACTOR) => actors, "Ids of the actors whose choices answer it.";
    "watch" optional Value::Texts => watch, "What to watch for an answer.";
    "at" optional Value::WrittenAt => pos, "Where the item was written in the briefing a JSON export came from (`brief export --format json --positions`); ignored.";
]);

item!(EVENT: TimelineEvent, "timeline event" / "timeline events", "A dated event.", known by ["id"], [
    "id" optional Value::Line => id, "Unique among timeline events; keeps the event's identity when its date or text is edited (a diff matches events by it, else by date and text)." [unsearched];
    "date" required Value::Line => date, "When it happened, as the source gives it: a date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`, checked against the calendar) or free text (`late 2025`). The Timeline lists dated events by date, then free-text ones in the order written.";
    "event" required Value::Text => event, "What happened.";
    "source" optional Value::Id(&SOURCE) => source, "The id of the source that reports it." [unsearched];
    "at" optional Value::WrittenAt => pos, "Where the item was written in the briefing a JSON export came from (`brief export --format json --positions`); ignored.";
]);

/// Every kind of item, the briefing first, in the order the docs list them.
pub const ITEMS: &[&Item] = &[
    &BRIEFING, &SOURCE, &SUMMARY, &ACTOR, &PERSON, &TOPIC, &STANCE, &QUOTE, &RISK, &QUESTION,
    &EVENT,
];
