//! The checked briefing: what the rest of the program reads. Every string here has been
//! sanitised and every reference resolved; each item keeps the position it came from.

use super::node::Pos;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

#[derive(Debug, Clone, Default, PartialEq, Hash, Serialize, Deserialize)]
pub struct Briefing {
    pub title: String,
    pub as_of: Option<String>,
    pub sources: Vec<Source>,
    pub summary: Summary,
    pub actors: Vec<Actor>,
    pub topics: Vec<Topic>,
    pub stances: Vec<Stance>,
    pub quotes: Vec<Quote>,
    pub risks: Vec<Risk>,
    pub questions: Vec<Question>,
    pub timeline: Vec<TimelineEvent>,
}

#[derive(Debug, Clone, PartialEq, Hash, Serialize, Deserialize)]
pub struct Source {
    pub id: String,
    pub outlet: String,
    pub title: String,
    pub url: Option<String>,
    pub note: Option<String>,
    /// A local copy of the source's text, relative to the briefing's file.
    pub file: Option<String>,
    #[serde(rename = "at")]
    pub pos: Pos,
}

#[derive(Debug, Clone, Default, PartialEq, Hash, Serialize, Deserialize)]
pub struct Summary {
    pub bluf: String,
    pub key_points: Vec<String>,
    pub caveats: Vec<String>,
    #[serde(rename = "at")]
    pub pos: Pos,
}

#[derive(Debug, Clone, PartialEq, Hash, Serialize, Deserialize)]
pub struct Actor {
    pub id: String,
    pub name: String,
    pub short: Option<String>,
    pub kind: ActorKind,
    pub role: String,
    pub stance: String,
    pub interests: Vec<String>,
    pub leverage: Vec<String>,
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
    pub role: String,
}

#[derive(Debug, Clone, PartialEq, Hash, Serialize, Deserialize)]
pub struct Topic {
    pub id: String,
    pub name: String,
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
    pub context: Option<String>,
    pub source: String,
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
    pub actors: Vec<String>,
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
    pub actors: Vec<String>,
    pub watch: Vec<String>,
    #[serde(rename = "at")]
    pub pos: Pos,
}

#[derive(Debug, Clone, PartialEq, Hash, Serialize, Deserialize)]
pub struct TimelineEvent {
    /// Optional, so that an event keeps its identity when its date or text is edited.
    pub id: Option<String>,
    pub date: String,
    pub event: String,
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
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        #[serde(rename_all = "lowercase")]
        pub enum $name { $($variant),+ }

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
