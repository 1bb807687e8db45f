//! What the History pane lists of each version: a few strings, not the version's model,
//! so that a long history costs little memory. A version's briefing is read again from
//! git when it is looked at.

use super::{HistoryError, Origin, Tracked, VersionId};
use crate::briefing::diff::BriefingDiff;
use crate::briefing::{self, Briefing, Loaded};
use crate::words::plural;
use gix::ObjectId;
use std::collections::HashMap;

/// One row of the History pane.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The version's blob, or `None` for the working copy.
    pub blob: Option<VersionId>,
    /// The blob of the version before it, if there is one to compare with.
    pub previous: Option<VersionId>,
    pub short: String,
    pub seconds: i64,
    pub date: String,
    pub author: String,
    pub subject: String,
    /// What changed in judgments, in one line.
    pub summary: String,
}

/// What each committed version changed, by its blob and the blob before it: a commit's
/// summary never changes, so reading the list again after a save or a new commit parses
/// only what is new.
#[derive(Debug, Default)]
pub struct Summaries(HashMap<(ObjectId, Option<ObjectId>), String>);

/// The working copy (when its text differs from HEAD's), then every commit that changed
/// the file, newest first. `progress` is told how many commits have been read so far.
pub fn entries(
    tracked: &Tracked,
    working_copy: Option<&str>,
    progress: impl FnMut(usize),
) -> Result<Vec<Entry>, HistoryError> {
    entries_with(tracked, working_copy, &mut Summaries::default(), progress)
}

/// `entries`, taking the summaries of versions read before from `summaries` and adding
/// those it reads.
pub fn entries_with(
    tracked: &Tracked,
    working_copy: Option<&str>,
    summaries: &mut Summaries,
    mut progress: impl FnMut(usize),
) -> Result<Vec<Entry>, HistoryError> {
    let head = tracked.head_blob()?;
    let mut entries = Vec::new();
    if let Some(text) = working_copy {
        let blob = tracked.blob_id_of(text.as_bytes())?;
        if head != Some(blob) {
            let before = head.map(|b| parse_blob(tracked, b));
            let after = parse_text(text).map_err(Unread::Invalid);
            entries.push(Entry {
                blob: None,
                previous: head.map(VersionId::from),
                short: "working".to_owned(),
                seconds: 0,
                date: String::new(),
                author: String::new(),
                subject: "Not committed yet".to_owned(),
                summary: summary(
                    briefing_of(&after),
                    before.as_ref().map(briefing_of),
                    &Origin::Added,
                ),
            });
        }
    }
    let mut previous_model: Option<(ObjectId, Result<Loaded, Unread>)> = None;
    for version in tracked.versions()? {
        let version = version?;
        let key = (version.blob, version.origin.previous());
        let said = match summaries.0.get(&key) {
            Some(said) => {
                previous_model = None;
                said.clone()
            }
            None => {
                // Walking newest first, the version before one is the next one read: each
                // blob is parsed once, and only two models are held at a time.
                let this = match previous_model.take() {
                    Some((blob, model)) if blob == version.blob => model,
                    _ => parse_blob(tracked, version.blob),
                };
                let before = version
                    .origin
                    .previous()
                    .map(|b| (b, parse_blob(tracked, b)));
                let said = summary(
                    briefing_of(&this),
                    before.as_ref().map(|(_, m)| briefing_of(m)),
                    &version.origin,
                );
                summaries.0.insert(key, said.clone());
                previous_model = before;
                said
            }
        };
        entries.push(Entry {
            blob: Some(version.blob.into()),
            previous: version.origin.previous().map(VersionId::from),
            short: version.short.clone(),
            seconds: version.seconds,
            date: super::date(version.seconds, version.offset),
            author: version.author.clone(),
            subject: version.subject.clone(),
            summary: said,
        });
        progress(entries.len());
    }
    Ok(entries)
}

/// Why a version's briefing is not there to show or compare.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unread {
    /// It does not parse (or git could not give it): the first error.
    Invalid(String),
    /// It is over the size budget, so it was not read: how much over.
    OverBudget(String),
}

impl Unread {
    /// The error alone: the first parse error as `line:col: message`, or the size.
    pub fn message(&self) -> String {
        match self {
            Unread::Invalid(error) => error.clone(),
            Unread::OverBudget(over) => format!("{over}: not read"),
        }
    }
}

impl std::fmt::Display for Unread {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Unread::Invalid(error) => write!(f, "does not parse: {error}"),
            Unread::OverBudget(over) => write!(f, "{over}: not read (raise it with --max-size)"),
        }
    }
}

/// A blob's text, or why it was not read (see `Unread`).
pub fn read_blob(tracked: &Tracked, blob: impl Into<ObjectId>) -> Result<String, Unread> {
    tracked.text(blob.into()).map_err(|e| match e {
        HistoryError::OverBudget { over, .. } => Unread::OverBudget(over),
        e => Unread::Invalid(e.to_string()),
    })
}

/// A blob parsed as a briefing, or why it is not one (see `Unread`).
pub fn parse_blob(tracked: &Tracked, blob: impl Into<ObjectId>) -> Result<Loaded, Unread> {
    parse_text(&read_blob(tracked, blob)?).map_err(Unread::Invalid)
}

/// A version's text parsed as a briefing, or its first error as `line:col: message`.
pub fn parse_text(text: &str) -> Result<Loaded, String> {
    briefing::parse(text).map_err(|e| {
        let first = e.first_error();
        match first.pos {
            Some(pos) => format!("{}:{}: {}", pos.line, pos.col, first.message),
            None => first.message.clone(),
        }
    })
}

fn briefing_of(parsed: &Result<Loaded, Unread>) -> Result<&Briefing, &Unread> {
    parsed.as_ref().map(|l| &l.briefing)
}

/// What a version changed in judgments, in one line, as `brief log` and the History
/// pane say it: `this` is the version (or its first error), `before` the version before
/// it if there is one, `origin` how it came from that one.
pub fn summary(
    this: Result<&Briefing, &Unread>,
    before: Option<Result<&Briefing, &Unread>>,
    origin: &Origin,
) -> String {
    let renamed = match origin {
        Origin::Renamed { from, .. } => format!("renamed from {from}; "),
        _ => String::new(),
    };
    match (this, before) {
        (Err(e), _) => e.to_string(),
        (Ok(b), None) => {
            let first = match origin {
                Origin::Boundary => "history ends here (shallow clone)",
                _ => "first version",
            };
            format!(
                "{first}: {}, {}, {}, {}",
                plural(b.stances.len(), "stance"),
                plural(b.risks.len(), "risk"),
                plural(b.quotes.len(), "quote"),
                plural(b.questions.len(), "question")
            )
        }
        (Ok(_), Some(Err(Unread::Invalid(_)))) => {
            format!("{renamed}the version before does not parse; judgments not compared")
        }
        (Ok(_), Some(Err(Unread::OverBudget(_)))) => format!(
            "{renamed}the version before is over the size limit, not read; judgments not compared"
        ),
        (Ok(this), Some(Ok(before))) => {
            let diff = BriefingDiff::between(before, this);
            let said = if diff.is_empty() {
                "no change in judgments".to_owned()
            } else {
                diff.gist()
            };
            format!("{renamed}{said}")
        }
    }
}
