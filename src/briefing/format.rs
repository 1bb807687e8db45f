//! The briefing format, written down once: for each kind of item its keys, which are
//! required, what each holds and what it means. The loader takes its known keys from
//! here, and `brief schema` (the JSON Schema editors read) and the README's format
//! reference are generated from it, so the three cannot drift apart.

use super::model::{ActorKind, Level, Position, Vocabulary};

/// What a key holds, as the loader reads it.
#[derive(Debug, Clone, Copy)]
pub enum Value {
    /// One line of text (numbers and booleans count as their written form).
    Line,
    /// Text that may run over several lines.
    Text,
    /// A list of texts; a single text counts as a list of one.
    Texts,
    /// The id of another item.
    Id,
    /// A list of ids of other items.
    Ids,
    /// A day of the calendar, `YYYY-MM-DD` exactly.
    Date,
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
}

impl Item {
    pub fn key(&self, name: &str) -> Option<&Key> {
        self.keys.iter().find(|k| k.name == name)
    }
}

/// `item!(NAME, "what" / "plural", "description", [key required Value "description", ...])`: an
/// item and its list of key names from one list.
macro_rules! item {
    ($name:ident, $what:literal / $plural:literal, $description:literal,
     [$($key:literal $required:ident $value:expr, $about:literal;)+]) => {
        pub static $name: Item = Item {
            what: $what,
            plural: $plural,
            description: $description,
            keys: &[$(Key {
                name: $key,
                required: item!(@required $required),
                value: $value,
                description: $about,
            }),+],
            names: &[$($key),+],
        };
    };
    (@required required) => { true };
    (@required optional) => { false };
}

item!(BRIEFING, "the briefing" / "briefings", "An analytical briefing: bottom line, actors and stances, verbatim quotes, risks, open questions, timeline.", [
    "title" required Value::Line, "What the briefing is about, in one line.";
    "as_of" optional Value::Date, "The date the briefing describes the situation at: a day the calendar has (not 2026-02-30; February 29th only in leap years), from year 0001, written without spaces around it.";
    "sources" optional Value::Items(&SOURCE), "The sources the briefing is drawn from; quotes cite them.";
    "summary" optional Value::Item(&SUMMARY), "The bottom line, key points and caveats.";
    "actors" optional Value::Items(&ACTOR), "The governments, organisations, movements and people involved.";
    "topics" optional Value::Items(&TOPIC), "The questions on which actors take stances.";
    "stances" optional Value::Items(&STANCE), "Where each actor stands on each topic.";
    "quotes" optional Value::Items(&QUOTE), "What was said, verbatim, by whom, where.";
    "risks" optional Value::Items(&RISK), "What could go wrong, with likelihood and impact.";
    "questions" optional Value::Items(&QUESTION), "What is not known yet, and what to watch.";
    "timeline" optional Value::Items(&EVENT), "Dated events.";
]);

item!(SOURCE, "source" / "sources", "A source the briefing is drawn from.", [
    "id" required Value::Line, "Unique among sources; quotes and timeline events cite it.";
    "outlet" required Value::Line, "Who published it.";
    "title" required Value::Line, "Its headline or title.";
    "url" optional Value::Line, "Where it can be read.";
    "note" optional Value::Text, "What to know about the source: its reliability, what the copy lacks.";
    "file" optional Value::Line, "A local copy of its text, relative to the briefing; quotes citing the source must appear in it word for word.";
    "at" optional Value::WrittenAt, "Where the item was written in the briefing a JSON export came from (`brief export --format json --positions`); ignored.";
]);

item!(SUMMARY, "summary" / "summaries", "The briefing in brief.", [
    "bluf" required Value::Text, "The bottom line up front.";
    "key_points" optional Value::Texts, "The points a reader must take away.";
    "caveats" optional Value::Texts, "What the briefing cannot say, and why.";
    "at" optional Value::WrittenAt, "Where the item was written in the briefing a JSON export came from (`brief export --format json --positions`); ignored.";
]);

item!(ACTOR, "actor" / "actors", "A government, organisation, movement, person or bloc.", [
    "id" required Value::Line, "Unique among actors; stances, quotes, risks and questions refer to it.";
    "name" required Value::Line, "The full name.";
    "short" optional Value::Line, "A short label for tables and lists.";
    "kind" required Value::Word(KIND), "What sort of actor it is.";
    "role" required Value::Text, "Its part in the situation.";
    "stance" required Value::Text, "Its overall stance, in words.";
    "interests" optional Value::Texts, "What it wants.";
    "leverage" optional Value::Texts, "What it can bring to bear.";
    "people" optional Value::Items(&PERSON), "The people who speak or act for it.";
    "at" optional Value::WrittenAt, "Where the item was written in the briefing a JSON export came from (`brief export --format json --positions`); ignored.";
]);

item!(PERSON, "person" / "people", "Someone who speaks or acts for an actor.", [
    "name" required Value::Line, "Their name.";
    "role" optional Value::Line, "Their office or part.";
]);

item!(TOPIC, "topic" / "topics", "A question on which actors take stances.", [
    "id" required Value::Line, "Unique among topics; stances refer to it.";
    "name" required Value::Line, "The topic, in a few words.";
    "description" optional Value::Text, "What the topic covers.";
    "at" optional Value::WrittenAt, "Where the item was written in the briefing a JSON export came from (`brief export --format json --positions`); ignored.";
]);

item!(STANCE, "stance" / "stances", "Where one actor stands on one topic.", [
    "actor" required Value::Id, "The actor's id.";
    "topic" required Value::Id, "The topic's id.";
    "position" required Value::Word(POSITION), "Where the actor stands; `unclear` when the sources are silent.";
    "summary" required Value::Text, "The stance, in words.";
    "quotes" optional Value::Ids, "Ids of the quotes that show it.";
    "at" optional Value::WrittenAt, "Where the item was written in the briefing a JSON export came from (`brief export --format json --positions`); ignored.";
]);

item!(QUOTE, "quote" / "quotes", "Words an actor said, verbatim.", [
    "id" required Value::Line, "Unique among quotes; stances refer to it.";
    "speaker" required Value::Line, "Who said it.";
    "actor" required Value::Id, "The id of the actor the speaker speaks for.";
    "text" required Value::Text, "The words, verbatim.";
    "context" optional Value::Text, "When, where and through whom it was said.";
    "source" required Value::Id, "The id of the source it is quoted from.";
    "at" optional Value::WrittenAt, "Where the item was written in the briefing a JSON export came from (`brief export --format json --positions`); ignored.";
]);

item!(RISK, "risk" / "risks", "Something that could go wrong; its severity is likelihood times impact.", [
    "id" required Value::Line, "Unique among risks.";
    "title" required Value::Line, "The risk, in one line.";
    "description" required Value::Text, "What would happen, and why it might.";
    "likelihood" required Value::Word(LEVEL), "How likely it is.";
    "impact" required Value::Word(LEVEL), "How much it would matter.";
    "actors" optional Value::Ids, "Ids of the actors involved.";
    "indicators" optional Value::Texts, "Signs that it is happening.";
    "at" optional Value::WrittenAt, "Where the item was written in the briefing a JSON export came from (`brief export --format json --positions`); ignored.";
]);

item!(QUESTION, "question" / "questions", "Something not known yet.", [
    "id" required Value::Line, "Unique among questions.";
    "question" required Value::Text, "The question.";
    "why" required Value::Text, "Why it matters.";
    "actors" optional Value::Ids, "Ids of the actors whose choices answer it.";
    "watch" optional Value::Texts, "What to watch for an answer.";
    "at" optional Value::WrittenAt, "Where the item was written in the briefing a JSON export came from (`brief export --format json --positions`); ignored.";
]);

item!(EVENT, "timeline event" / "timeline events", "A dated event.", [
    "id" optional Value::Line, "Unique among timeline events; keeps the event's identity when its date or text is edited (a diff matches events by it, else by date and text).";
    "date" required Value::Line, "When it happened, as the source gives it (free text).";
    "event" required Value::Text, "What happened.";
    "source" optional Value::Id, "The id of the source that reports it.";
    "at" optional Value::WrittenAt, "Where the item was written in the briefing a JSON export came from (`brief export --format json --positions`); ignored.";
]);

/// Every kind of item, the briefing first, in the order the docs list them.
pub const ITEMS: &[&Item] = &[
    &BRIEFING, &SOURCE, &SUMMARY, &ACTOR, &PERSON, &TOPIC, &STANCE, &QUOTE, &RISK, &QUESTION,
    &EVENT,
];
