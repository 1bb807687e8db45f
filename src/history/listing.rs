//! What the History pane and `brief log` list of each version: a few strings, not the
//! version's model, so that a long history costs little memory, and one summariser for
//! both, so that they say the same of a version. A version's briefing is read again from
//! git when it is looked at.

use super::{HistoryError, Origin, Tracked, Version, VersionId, Versions};
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

/// What each committed version changed, by its blob and how it came from the version
/// before: a commit's summary never changes, so reading the list again after a save or a
/// new commit parses only what is new.
#[derive(Debug, Default)]
pub struct Summaries(HashMap<(ObjectId, Origin), Said>);

/// What one version changed in judgments, in one line, and its own first error if it
/// does not parse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Said {
    pub summary: String,
    pub error: Option<String>,
}

/// One commit that changed the file, and what it changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listed {
    pub version: Version,
    pub said: Said,
}

/// Which of the versions a listing holds, newest first: at most `max` of them, none older
/// than `since` (seconds since the epoch).
#[derive(Debug, Clone, Copy, Default)]
pub struct Window {
    pub max: Option<usize>,
    pub since: Option<i64>,
}

/// The working copy (when its text differs from HEAD's), then every commit that changed
/// the file, newest first. `progress` is told how many have been read so far.
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
    let above = entries.len();
    let listed = summarised(
        tracked,
        &mut tracked.versions()?,
        Window::default(),
        summaries,
        |n| progress(above + n),
    )?;
    entries.extend(listed.into_iter().map(|Listed { version, said }| Entry {
        blob: Some(version.blob.into()),
        previous: version.origin.previous().map(VersionId::from),
        date: super::date(version.seconds, version.offset),
        short: version.short,
        seconds: version.seconds,
        author: version.author,
        subject: version.subject,
        summary: said.summary,
    }));
    Ok(entries)
}

/// How many versions are summarised at a time: their texts are held together so that
/// they can be parsed on several threads, but a long history is not held all at once,
/// and the History pane's count of what has been read moves on every few versions.
const BATCH: usize = 16;

/// The versions `versions` yields within `window`, each with what it changed, as `brief
/// log` and the History pane both say it. What `summaries` knows is taken from there;
/// the rest is read, parsed and added. `progress` is told how many have been listed.
pub(super) fn summarised(
    tracked: &Tracked,
    versions: &mut Versions<'_>,
    window: Window,
    summaries: &mut Summaries,
    mut progress: impl FnMut(usize),
) -> Result<Vec<Listed>, HistoryError> {
    let mut listed: Vec<Listed> = Vec::new();
    let mut batch = Vec::new();
    let mut ended = false;
    while !ended {
        batch.clear();
        while batch.len() < BATCH {
            if window
                .max
                .is_some_and(|max| listed.len() + batch.len() >= max)
            {
                ended = true;
                break;
            }
            let Some(version) = versions.next().transpose()? else {
                ended = true;
                break;
            };
            if window.since.is_some_and(|since| version.seconds < since) {
                ended = true;
                break;
            }
            batch.push(version);
        }
        let said = summarise(tracked, &batch, summaries);
        for (version, said) in batch.drain(..).zip(said) {
            listed.push(Listed { version, said });
            progress(listed.len());
        }
    }
    Ok(listed)
}

/// What each of `versions` changed: from `summaries`, or else read here (gix's
/// repository handle stays on one thread) and parsed on up to four threads, each
/// holding two models at a time.
fn summarise(tracked: &Tracked, versions: &[Version], summaries: &mut Summaries) -> Vec<Said> {
    let key = |v: &Version| (v.blob, v.origin.clone());
    let unknown: Vec<&Version> = versions
        .iter()
        .filter(|v| !summaries.0.contains_key(&key(v)))
        .collect();
    let mut texts = HashMap::new();
    for version in &unknown {
        for blob in std::iter::once(version.blob).chain(version.origin.previous()) {
            texts
                .entry(blob)
                .or_insert_with(|| read_blob(tracked, blob));
        }
    }
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
    let chunk = unknown.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        let texts = &texts;
        let workers: Vec<_> = unknown
            .chunks(chunk)
            .map(|versions| {
                scope.spawn(move || {
                    let mut parsed = None;
                    versions
                        .iter()
                        .map(|v| (key(v), said_of(texts, v, &mut parsed)))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        for worker in workers {
            // A panic while parsing is a bug to hear about, not a version to leave out.
            let said = worker
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            summaries.0.extend(said);
        }
    });
    versions
        .iter()
        .map(|v| summaries.0[&key(v)].clone())
        .collect()
}

/// What one version changed, from the texts read for it. Walking newest first, the
/// version before one is the next one parsed: `parsed` keeps the last model, so each
/// blob is parsed once.
fn said_of(
    texts: &HashMap<ObjectId, Result<String, Unread>>,
    version: &Version,
    parsed: &mut Option<(ObjectId, Result<Briefing, Unread>)>,
) -> Said {
    let mut parse = |blob: ObjectId| -> Result<Briefing, Unread> {
        if let Some((id, result)) = parsed.as_ref()
            && *id == blob
        {
            return result.clone();
        }
        let text = texts
            .get(&blob)
            .cloned()
            .unwrap_or_else(|| Err(Unread::Invalid("blob not read".to_owned())));
        let result = text.and_then(|text| {
            parse_text(&text)
                .map(|l| l.briefing)
                .map_err(Unread::Invalid)
        });
        *parsed = Some((blob, result.clone()));
        result
    };
    let this = parse(version.blob);
    let previous = version.origin.previous().map(&mut parse);
    Said {
        summary: summary(
            this.as_ref(),
            previous.as_ref().map(Result::as_ref),
            &version.origin,
        ),
        error: this.err().map(|e| e.message()),
    }
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
