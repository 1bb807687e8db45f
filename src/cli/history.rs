//! `brief diff` and `brief log`: a briefing's judgments compared across versions.

use crate::briefing::diff::BriefingDiff;
use crate::briefing::report::report;
use crate::briefing::{self, Briefing, Budget, LoadError};
use crate::history::{self, Listed, Tracked};
use clap::ValueEnum;
use std::ffi::OsString;
use std::path::{Path, PathBuf};

pub use super::paint::Color;
use super::paint::Paint;

mod driver;

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum DiffFormat {
    Text,
    Json,
}

pub struct DiffOptions {
    pub args: Vec<OsString>,
    pub git: bool,
    pub color: Color,
    pub format: DiffFormat,
    pub exit_code: bool,
}

/// One side of a comparison: its label and text.
struct Side {
    label: String,
    text: String,
}

/// Exit statuses: 0 the same (or no `--exit-code`), 1 changed, 2 trouble.
pub fn diff(options: DiffOptions, budget: Budget) -> i32 {
    if options.git {
        return driver::run(&options.args, options.color, options.format, budget);
    }
    let (old, new) = match sides(&options.args, budget) {
        Ok(sides) => sides,
        Err(message) => {
            errln!("brief diff: {message}");
            return 2;
        }
    };
    let (Some(old_model), Some(new_model)) = (checked(&old), checked(&new)) else {
        return 2;
    };
    let diff = BriefingDiff::between(&old_model, &new_model);
    let mut out = String::new();
    match options.format {
        DiffFormat::Json => {
            out.push_str(&diff_json(&old.label, &new.label, &diff));
        }
        DiffFormat::Text => {
            let paint = Paint(options.color.enabled());
            out.push_str(&render(&diff, paint));
        }
    }
    super::output::painted(&out);
    if options.exit_code && !diff.is_empty() {
        1
    } else {
        0
    }
}

/// The briefing a side holds, or its diagnostics on stderr and nothing.
fn checked(side: &Side) -> Option<Briefing> {
    match briefing::parse(&side.text) {
        Ok(loaded) => Some(loaded.briefing),
        Err(LoadError {
            diagnostics,
            source,
        }) => {
            for d in &diagnostics {
                errln!(
                    "{}",
                    d.render(&side.label, source.as_deref().unwrap_or(&side.text))
                );
            }
            errln!(
                "brief diff: {} is not a valid briefing; nothing compared",
                side.label
            );
            None
        }
    }
}

/// `OLD NEW`, `REV FILE` (against the working copy), `REV1 REV2 FILE`. Files are named as
/// the system names them (not necessarily UTF-8); revisions are text.
fn sides(args: &[OsString], budget: Budget) -> Result<(Side, Side), String> {
    let file = |path: &OsString| -> Result<Side, String> {
        let label = shown(Path::new(path));
        briefing::read_source(Path::new(path), budget)
            .map(|text| Side {
                label: label.clone(),
                text,
            })
            .map_err(|e| format!("{label}: {}", e.first_error().message))
    };
    let at = |repo: &Tracked, rev: &OsString| -> Result<Side, String> {
        let rev = rev
            .to_str()
            .ok_or_else(|| format!("`{}` is not a revision", rev.to_string_lossy()))?;
        // Labelled as git names a file in a revision, at the path it had there.
        repo.at(rev)
            .map_err(|e| e.to_string())
            .map(|(path, text)| Side {
                label: format!("{rev}:{path}"),
                text,
            })
    };
    let tracked = |path: &OsString| {
        Tracked::open(Path::new(path))
            .map(|repo| repo.within(budget))
            .map_err(|e| e.to_string())
    };
    match args {
        [old, new] if Path::new(old).is_file() => Ok((file(old)?, file(new)?)),
        [rev, path] => {
            let repo = tracked(path)?;
            Ok((at(&repo, rev)?, file(path)?))
        }
        [rev1, rev2, path] => {
            let repo = tracked(path)?;
            Ok((at(&repo, rev1)?, at(&repo, rev2)?))
        }
        _ => Err("expected OLD NEW, REV FILE or REV1 REV2 FILE".to_owned()),
    }
}

/// A path as it can be printed: bytes that are not UTF-8 as U+FFFD, control characters
/// as visible stand-ins.
fn shown(path: &Path) -> String {
    briefing::sanitize::clean_line(&path.to_string_lossy())
}

/// The JSON form of a diff, for `brief diff --format json` and the git driver alike.
fn diff_json(old: &str, new: &str, diff: &BriefingDiff) -> String {
    let json = serde_json::json!({
        "old": old,
        "new": new,
        "same": diff.is_empty(),
        "gist": diff.gist(),
        "changes": diff.changes,
    });
    format!("{}\n", super::output::json(&json))
}

/// The human form of a diff: its report, painted or not.
pub fn render(diff: &BriefingDiff, paint: Paint) -> String {
    if diff.is_empty() {
        return "No change in judgments.\n".to_owned();
    }
    let mut out = String::new();
    for line in report(diff) {
        if !line.runs.is_empty() {
            out.push_str(&" ".repeat(line.indent));
        }
        for run in &line.runs {
            out.push_str(&paint.run(run));
        }
        out.push('\n');
    }
    out
}

pub struct LogOptions {
    pub file: PathBuf,
    pub max: Option<usize>,
    pub since: Option<String>,
    pub format: DiffFormat,
    /// No version bigger than this is read.
    pub budget: Budget,
}

pub fn log(options: LogOptions) -> i32 {
    if options.file.is_dir() {
        errln!(
            "brief log: {} is a directory: name the briefing in it whose history you want",
            options.file.display()
        );
        return 1;
    }
    let since = match options
        .since
        .as_deref()
        .map(|s| (s, history::parse_date(s)))
    {
        None => None,
        Some((_, Some(seconds))) => Some(seconds),
        Some((text, None)) => {
            errln!("brief log: --since {text}: not a date (YYYY-MM-DD)");
            return 1;
        }
    };
    let window = history::Window {
        max: options.max,
        since,
    };
    let log = match history::log(&options.file, options.budget, window) {
        Ok(log) => log,
        Err(e) => {
            errln!("brief log: {e}");
            return 1;
        }
    };
    let mut json = Vec::new();
    let paint = Paint(Color::Auto.enabled());
    for Listed { version, said } in log.deletion.iter().chain(&log.versions) {
        let date = history::date(version.seconds, version.offset);
        match options.format {
            DiffFormat::Json => json.push(serde_json::json!({
                "commit": version.commit.to_string(),
                "short": version.short,
                "date": date,
                "author": version.author,
                "subject": version.subject,
                "path": version.path,
                "renamed_from": match &version.origin {
                    history::Origin::Renamed { from, .. } => Some(from.clone()),
                    _ => None,
                },
                "changes": said.summary,
                "error": said.error,
            })),
            DiffFormat::Text => {
                let line = format!(
                    "{} {} {}  {}\n    {}\n",
                    paint.changed(&version.short),
                    paint.plain(&date),
                    paint.dim(&version.author),
                    paint.plain(&version.subject),
                    if said.error.is_some() {
                        paint.removed(&said.summary)
                    } else {
                        paint.plain(&said.summary)
                    },
                );
                super::output::painted(&line);
            }
        }
    }
    match options.format {
        DiffFormat::Json => outln!("{}", super::output::json(&json)),
        DiffFormat::Text if !log.committed && log.deletion.is_none() => {
            outln!("{}", log.not_committed_yet());
        }
        DiffFormat::Text if log.versions.is_empty() => {
            // `-n 0` asked for nothing; `--since` may have left out every commit.
            if let Some(since) = &options.since {
                outln!("{}: no commit since {since} changed it", log.path);
            }
        }
        DiffFormat::Text if log.ended_at_boundary => {
            outln!(
                "(history ends here: this is a shallow clone; `git fetch --unshallow` brings the rest)"
            );
        }
        DiffFormat::Text => {}
    }
    0
}
