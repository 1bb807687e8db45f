//! What the History pane lists of each version: a few strings, not the version's model,
//! so that a long history costs little memory. A version's briefing is read again from
//! git when it is looked at.

use super::{HistoryError, Origin, Tracked};
use crate::briefing::diff::BriefingDiff;
use crate::briefing::{self, Loaded};
use gix::ObjectId;
use std::collections::HashMap;

/// One row of the History pane.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The version's blob, or `None` for the working copy.
    pub blob: Option<ObjectId>,
    /// The blob of the version before it, if there is one to compare with.
    pub previous: Option<ObjectId>,
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
            let before = head.and_then(|b| parse_blob(tracked, b).ok());
            let after = briefing::parse(text).ok();
            entries.push(Entry {
                blob: None,
                previous: head,
                short: "working".to_owned(),
                seconds: 0,
                date: String::new(),
                author: String::new(),
                subject: "Not committed yet".to_owned(),
                summary: summary(after.as_ref(), before.as_ref(), head.is_some()),
            });
        }
    }
    let mut previous_model: Option<(ObjectId, Option<Loaded>)> = None;
    for version in tracked.versions()? {
        let version = version?;
        let key = (version.blob, version.origin.previous());
        let mut said = match summaries.0.get(&key) {
            Some(said) => {
                previous_model = None;
                said.clone()
            }
            None => {
                // Walking newest first, the version before one is the next one read: each
                // blob is parsed once, and only two models are held at a time.
                let this = match previous_model.take() {
                    Some((blob, model)) if blob == version.blob => model,
                    _ => parse_blob(tracked, version.blob).ok(),
                };
                let before = version
                    .origin
                    .previous()
                    .map(|b| (b, parse_blob(tracked, b).ok()));
                let said = summary(
                    this.as_ref(),
                    before.as_ref().and_then(|(_, m)| m.as_ref()),
                    before.is_some(),
                );
                summaries.0.insert(key, said.clone());
                previous_model = before;
                said
            }
        };
        match &version.origin {
            Origin::Renamed { from, .. } => said = format!("renamed from {from}; {said}"),
            Origin::Boundary => said = "history ends here (shallow clone)".to_owned(),
            _ => {}
        }
        entries.push(Entry {
            blob: Some(version.blob),
            previous: version.origin.previous(),
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

/// A blob parsed as a briefing.
pub fn parse_blob(tracked: &Tracked, blob: ObjectId) -> Result<Loaded, String> {
    let text = tracked.text(blob).map_err(|e| e.to_string())?;
    briefing::parse(&text).map_err(|e| e.first_error().message.clone())
}

fn summary(this: Option<&Loaded>, before: Option<&Loaded>, has_before: bool) -> String {
    match (this, before) {
        (None, _) => "does not parse".to_owned(),
        (Some(_), None) if has_before => {
            "the version before does not parse; judgments not compared".to_owned()
        }
        (Some(this), None) => {
            let b = &this.briefing;
            format!(
                "first version: {}, {}, {}",
                crate::words::plural(b.stances.len(), "stance"),
                crate::words::plural(b.risks.len(), "risk"),
                crate::words::plural(b.quotes.len(), "quote"),
            )
        }
        (Some(this), Some(before)) => {
            let diff = BriefingDiff::between(&before.briefing, &this.briefing);
            if diff.is_empty() {
                "no change in judgments".to_owned()
            } else {
                diff.gist()
            }
        }
    }
}
