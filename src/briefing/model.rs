//! The checked briefing: what the rest of the program reads. Every string here has been
//! sanitised and every reference resolved; each item keeps the position it came from.

use super::node::Pos;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// Serialised, the model is the briefing in the format's own keys and order (what `brief
/// export --format json` writes): an absent key is left out rather than written empty, so
/// the JSON loads back (JSON is YAML) to an equal briefing.
#[derive(Debug, Clone, Default, PartialEq, Hash, Serialize, Deserialize)]
pub struct Briefing {
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub as_of: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
    #[serde(default, skip_serializing_if = "Summary::is_empty")]
    pub summary: Summary,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actors: Vec<Actor>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub topics: Vec<Topic>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stances: Vec<Stance>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub quotes: Vec<Quote>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub risks: Vec<Risk>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub questions: Vec<Question>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub timeline: Vec<TimelineEvent>,
}

#[derive(Debug, Clone, PartialEq, Hash, Serialize, Deserialize)]
pub struct Source {
    pub id: String,
    pub outlet: String,
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// A local copy of the source's text, relative to the briefing's file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    #[serde(rename = "at")]
    pub pos: Pos,
}

#[derive(Debug, Clone, Default, PartialEq, Hash, Serialize, Deserialize)]
pub struct Summary {
    pub bluf: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub key_points: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub caveats: Vec<String>,
    #[serde(rename = "at")]
    pub pos: Pos,
}

impl Summary {
    /// A briefing without a `summary:` has this one.
    pub fn is_empty(&self) -> bool {
        self.bluf.is_empty() && self.key_points.is_empty() && self.caveats.is_empty()
    }
}

#[derive(Debug, Clone, PartialEq, Hash, Serialize, Deserialize)]
pub struct Actor {
    pub id: String,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub short: Option<String>,
    pub kind: ActorKind,
    pub role: String,
    pub stance: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub interests: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub leverage: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<Person>,
    #[serde(rename = "at")]
    pub pos: Pos,
}

impl Actor {
    /// The short label where one is given, else the full name.
    pub fn label(&self) -> &str {
        self.short.as_deref().unwrap_or(&self.name)
    }
}

#[derive(Debug, Clone, PartialEq, Hash, Serialize, Deserialize)]
pub struct Person {
    pub name: String,
    /// Empty when the briefing gives none.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub role: String,
}

#[derive(Debug, Clone, PartialEq, Hash, Serialize, Deserialize)]
pub struct Topic {
    pub id: String,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(rename = "at")]
    pub pos: Pos,
}

#[derive(Debug, Clone, PartialEq, Hash, Serialize, Deserialize)]
pub struct Stance {
    pub actor: String,
    pub topic: String,
    pub position: Position,
    pub summary: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub quotes: Vec<String>,
    #[serde(rename = "at")]
    pub pos: Pos,
}

impl Stance {
    /// What the stance is known by from one version to the next: `actor/topic`. A diff
    /// and the dashboard's change marks both match stances by it.
    pub fn key(&self) -> String {
        format!("{}/{}", self.actor, self.topic)
    }
}

#[derive(Debug, Clone, PartialEq, Hash, Serialize, Deserialize)]
pub struct Quote {
    pub id: String,
    pub speaker: String,
    pub actor: String,
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub context: Option<String>,
    pub source: String,
    /// When it was said, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The BCP 47 tag of the language it was said in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// An English rendering, the analyst's: never checked against the source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub translation: Option<String>,
    #[serde(rename = "at")]
    pub pos: Pos,
}

#[derive(Debug, Clone, PartialEq, Hash, Serialize, Deserialize)]
pub struct Risk {
    pub id: String,
    pub title: String,
    pub description: String,
    pub likelihood: Level,
    pub impact: Level,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actors: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indicators: Vec<String>,
    #[serde(rename = "at")]
    pub pos: Pos,
}

impl Risk {
    /// Likelihood × impact, from 1 (low, low) to 9 (high, high).
    pub fn score(&self) -> u8 {
        self.likelihood.weight() * self.impact.weight()
    }

    pub fn severity(&self) -> Severity {
        Severity::from_score(self.score())
    }
}

#[derive(Debug, Clone, PartialEq, Hash, Serialize, Deserialize)]
pub struct Question {
    pub id: String,
    pub question: String,
    pub why: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actors: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub watch: Vec<String>,
    #[serde(rename = "at")]
    pub pos: Pos,
}

#[derive(Debug, Clone, PartialEq, Hash, Serialize, Deserialize)]
pub struct TimelineEvent {
    /// Optional, so that an event keeps its identity when its date or text is edited.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    pub date: String,
    pub event: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(rename = "at")]
    pub pos: Pos,
}

impl TimelineEvent {
    /// What the event is known by from one version of the briefing to the next: its `id`
    /// where it has one, else `date/event`. A diff and the dashboard's change marks both
    /// match events by it, so that they agree on what was edited, added or removed.
    pub fn key(&self) -> Cow<'_, str> {
        match &self.id {
            Some(id) => Cow::Borrowed(id),
            None => Cow::Owned(format!("{}/{}", self.date, self.event)),
        }
    }
}

/// A closed vocabulary of YAML words, so that parsing and error messages share one list.
pub trait Vocabulary: Sized + Copy + 'static {
    const ALL: &'static [Self];
    fn word(self) -> &'static str;

    fn parse(word: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.word() == word)
    }

    fn choices() -> String {
        Self::ALL
            .iter()
            .map(|v| v.word())
            .collect::<Vec<_>>()
            .join(" | ")
    }
}

macro_rules! vocabulary {
    ($name:ident { $($variant:ident => $word:literal),+ $(,)? }) => {
        // Each variant is (de)serialised as its word, so a JSON export reads `armed-group`
        // as the YAML does.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        pub enum $name { $(#[serde(rename = $word)] $variant),+ }

        impl Vocabulary for $name {
            const ALL: &'static [Self] = &[$(Self::$variant),+];
            fn word(self) -> &'static str {
                match self { $(Self::$variant => $word),+ }
            }
        }
    };
}

vocabulary!(ActorKind {
    Government => "government",
    Organisation => "organisation",
    Movement => "movement",
    Person => "person",
    Bloc => "bloc",
    Company => "company",
    Party => "party",
    ArmedGroup => "armed-group",
    Media => "media",
});

vocabulary!(Position {
    Supports => "supports",
    Opposes => "opposes",
    Mixed => "mixed",
    Neutral => "neutral",
    Unclear => "unclear",
});

vocabulary!(Level {
    Low => "low",
    Medium => "medium",
    High => "high",
});

impl Level {
    pub fn weight(self) -> u8 {
        match self {
            Level::Low => 1,
            Level::Medium => 2,
            Level::High => 3,
        }
    }
}

/// The band a risk's score falls in; one scale for colour and words everywhere.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Low,
    Moderate,
    Elevated,
    Critical,
}

impl Severity {
    pub fn from_score(score: u8) -> Self {
        match score {
            0..=2 => Severity::Low,
            3..=4 => Severity::Moderate,
            5..=6 => Severity::Elevated,
            _ => Severity::Critical,
        }
    }

    pub fn word(self) -> &'static str {
        match self {
            Severity::Low => "low",
            Severity::Moderate => "moderate",
            Severity::Elevated => "elevated",
            Severity::Critical => "critical",
        }
    }

    /// A bar of one to four blocks, so severity reads without colour too.
    pub fn bar(self) -> &'static str {
        match self {
            Severity::Critical => "████",
            Severity::Elevated => "███░",
            Severity::Moderate => "██░░",
            Severity::Low => "█░░░",
        }
    }
}

impl Position {
    /// The one-character sign that goes with a position, so it reads without colour too;
    /// the dashboard and the exports show the same.
    pub fn sign(self) -> &'static str {
        match self {
            Position::Supports => "+",
            Position::Opposes => "−",
            Position::Mixed => "±",
            Position::Neutral => "=",
            Position::Unclear => "?",
        }
    }
}
