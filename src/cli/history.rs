//! `brief diff` and `brief log`: a briefing's judgments compared across versions.

use crate::briefing::diff::BriefingDiff;
use crate::briefing::report::{Run, Tone, report};
use crate::briefing::{self, Briefing, Budget, LoadError, sanitize};
use crate::history::{self, HistoryError, Tracked, Unread};
use crate::ui::theme;
use clap::ValueEnum;
use std::collections::HashMap;
use std::ffi::OsString;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

mod driver;

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Color {
    Auto,
    Always,
    Never,
}

impl Color {
    /// `auto` colours a terminal unless NO_COLOR is set (to anything but empty).
    fn enabled(self) -> bool {
        match self {
            Color::Always => true,
            Color::Never => false,
            Color::Auto => {
                std::io::stdout().is_terminal()
                    && !theme::no_color_requested(std::env::var_os("NO_COLOR").as_deref())
            }
        }
    }
}

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
            let json = serde_json::json!({
                "old": old.label,
                "new": new.label,
                "same": diff.is_empty(),
                "gist": diff.gist(),
                "changes": diff.changes,
            });
            out.push_str(&super::output::json(&json));
            out.push('\n');
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

/// Whether the command line's output is painted, in the default theme's styles. Every
/// piece of text goes through it, painted or `plain`, and is cleaned there: its output
/// is written as it is, so that its own colours survive, and may hold no other escape.
#[derive(Clone, Copy)]
pub struct Paint(pub bool);

impl Paint {
    fn style(self, style: ratatui::style::Style, text: &str) -> String {
        let text = sanitize::clean(text);
        if self.0 {
            theme::ansi(style, &text)
        } else {
            text
        }
    }
    fn plain(self, text: &str) -> String {
        sanitize::clean(text)
    }
    fn strong(self, text: &str) -> String {
        self.style(theme::DEFAULT.tone(Tone::Strong), text)
    }
    fn changed(self, text: &str) -> String {
        self.style(theme::DEFAULT.tone(Tone::Changed), text)
    }
    fn removed(self, text: &str) -> String {
        self.style(theme::DEFAULT.tone(Tone::Removed), text)
    }
    fn dim(self, text: &str) -> String {
        self.style(theme::DEFAULT.tone(Tone::Label), text)
    }
    /// A run of the report. Without colour, a word diff's removed words read `[-…-]` and
    /// its added ones `{+…+}`, the marks `git diff --word-diff` uses.
    fn run(self, run: &Run) -> String {
        match (run.tone, self.0) {
            (Tone::WordRemoved, false) => format!("[-{}-]", self.plain(&run.text)),
            (Tone::WordAdded, false) => format!("{{+{}+}}", self.plain(&run.text)),
            (tone, _) => self.style(theme::DEFAULT.tone(tone), &run.text),
        }
    }
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

/// One line of a version's judgments against the one before, and its first error if it
/// does not parse.
fn gist(
    texts: &HashMap<gix::ObjectId, Result<String, Unread>>,
    version: &history::Version,
    parsed: &mut Option<(gix::ObjectId, Result<Briefing, Unread>)>,
) -> (String, Option<String>) {
    let mut parse = |blob: gix::ObjectId| -> Result<Briefing, Unread> {
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
            history::parse_text(&text)
                .map(|l| l.briefing)
                .map_err(Unread::Invalid)
        });
        *parsed = Some((blob, result.clone()));
        result
    };
    let this = parse(version.blob);
    let previous = version.origin.previous().map(&mut parse);
    let said = history::summary(
        this.as_ref(),
        previous.as_ref().map(Result::as_ref),
        &version.origin,
    );
    (said, this.err().map(|e| e.message()))
}

pub fn log(options: LogOptions) -> i32 {
    if options.file.is_dir() {
        errln!(
            "brief log: {} is a directory: name the briefing in it whose history you want",
            options.file.display()
        );
        return 1;
    }
    // A path that is neither on disk nor at HEAD is most likely mistyped: saying it has
    // no commits yet would send the user looking for a problem in git.
    let on_disk = options.file.exists();
    let no_such_file = || {
        errln!("brief log: no such file: {}", options.file.display());
        1
    };
    let repo = match Tracked::open(&options.file) {
        Ok(repo) => repo.within(options.budget),
        // Outside any repository, or in a directory that does not exist either.
        Err(HistoryError::NotARepository(_)) if !on_disk => return no_such_file(),
        Err(e) => {
            errln!("brief log: {e}");
            return 1;
        }
    };
    let committed = match repo.head_blob() {
        Ok(blob) => blob.is_some(),
        Err(e) => {
            errln!("brief log: {e}");
            return 1;
        }
    };
    // Deleted in a commit: its history up to the deletion, as `git log -- FILE` has it.
    let deleted = if !on_disk && !committed {
        match repo.versions_before_deletion() {
            Ok(Some(found)) => Some(found),
            Ok(None) => return no_such_file(),
            Err(e) => {
                errln!("brief log: {e}");
                return 1;
            }
        }
    } else {
        None
    };
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
    let (deletion, mut versions) = match deleted {
        Some((deletion, versions)) => (Some(deletion), versions),
        None => match repo.versions() {
            Ok(versions) => (None, versions),
            Err(e) => {
                errln!("brief log: {e}");
                return 1;
            }
        },
    };
    let mut json = Vec::new();
    let paint = Paint(Color::Auto.enabled());
    // The deleting commit comes first and counts against `-n`, as in `git log`.
    let deletion =
        deletion.filter(|d| options.max != Some(0) && since.is_none_or(|since| d.seconds >= since));
    let max = options
        .max
        .map(|max| max.saturating_sub(usize::from(deletion.is_some())));
    let mut listed = Vec::new();
    for version in versions.by_ref() {
        if max.is_some_and(|max| listed.len() >= max) {
            break;
        }
        let version = match version {
            Ok(version) => version,
            Err(e) => {
                errln!("brief log: {e}");
                return 1;
            }
        };
        if since.is_some_and(|since| version.seconds < since) {
            break;
        }
        listed.push(version);
    }
    let shown = listed.len();
    // Blobs are read here (gix's repository handle stays on one thread); parsing, most
    // of the time, is shared among threads, each holding two models at a time.
    let mut texts = HashMap::new();
    for version in &listed {
        for blob in std::iter::once(version.blob).chain(version.origin.previous()) {
            texts
                .entry(blob)
                .or_insert_with(|| history::read_blob(&repo, blob));
        }
    }
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
    let chunk = listed.len().div_ceil(threads).max(1);
    let gists: Vec<(String, Option<String>)> = std::thread::scope(|scope| {
        let texts = &texts;
        let workers: Vec<_> = listed
            .chunks(chunk)
            .map(|versions| {
                scope.spawn(move || {
                    let mut parsed = None;
                    versions
                        .iter()
                        .map(|v| gist(texts, v, &mut parsed))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().unwrap_or_default())
            .collect()
    });
    let deleted = deletion.iter().map(|d| (d, ("deleted".to_owned(), None)));
    for (version, (said, error)) in deleted.chain(listed.iter().zip(gists)) {
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
                "changes": said,
                "error": error,
            })),
            DiffFormat::Text => {
                let line = format!(
                    "{} {} {}  {}\n    {}\n",
                    paint.changed(&version.short),
                    paint.plain(&date),
                    paint.dim(&version.author),
                    paint.plain(&version.subject),
                    if error.is_some() {
                        paint.removed(&said)
                    } else {
                        paint.plain(&said)
                    },
                );
                super::output::painted(&line);
            }
        }
    }
    match options.format {
        DiffFormat::Json => outln!("{}", super::output::json(&json)),
        DiffFormat::Text if !committed && deletion.is_none() => {
            outln!("{}", repo.not_committed_yet());
        }
        DiffFormat::Text if shown == 0 => {
            // `-n 0` asked for nothing; `--since` may have left out every commit.
            if let Some(since) = &options.since {
                outln!("{}: no commit since {since} changed it", repo.path());
            }
        }
        DiffFormat::Text if versions.ended_at_boundary => {
            outln!(
                "(history ends here: this is a shallow clone; `git fetch --unshallow` brings the rest)"
            );
        }
        DiffFormat::Text => {}
    }
    0
}
