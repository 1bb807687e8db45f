//! `brief diff --git`: git's external diff driver. Whatever git hands it, it prints
//! something and exits 0, because a driver's non-zero status stops `git diff` and
//! `git log -p` for every file after it: a briefing gets its judgments compared, any
//! other file (a CI file under the same `*.yaml diff=brief`, a briefing that does not
//! parse) a plain unified diff, as git would have shown it.

use super::{Color, DiffFormat, Paint, render};
use crate::briefing::diff::BriefingDiff;
use crate::briefing::sanitize::clean_line;
use crate::briefing::{self, Briefing, Budget};
use std::ffi::{OsStr, OsString};
use std::path::Path;

/// What git passes for a deleted or an added file's missing side.
const NULL: &str = "/dev/null";

/// How the new side came from the old one, from the header git passes with a rename or
/// a copy (`similarity index 96%\nrename from …\nrename to …`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kinship {
    Same,
    Renamed,
    Copied,
}

/// One side as git gave it: the name to show and what the file holds.
struct Side {
    label: String,
    content: Content,
}

enum Content {
    /// `/dev/null`: the file does not exist on this side.
    Absent,
    Text(String),
    /// Not UTF-8 text, or with NUL bytes: git would say the binary files differ.
    Binary,
    /// Over the size budget, by this many bytes: not read.
    TooBig(u64),
}

/// What git passes for one file: its path, each side's file and mode, and for a rename or
/// a copy the new path and the header git would have printed.
struct Call<'a> {
    path: &'a OsStr,
    old_file: &'a OsStr,
    old_mode: &'a OsStr,
    new_file: &'a OsStr,
    new_mode: &'a OsStr,
    new_path: &'a OsStr,
    header: Option<String>,
}

impl<'a> Call<'a> {
    /// git's 7 arguments (path old-file old-hex old-mode new-file new-hex new-mode), or 9
    /// with the new path and the header.
    fn parse(args: &'a [OsString]) -> Option<Self> {
        let (seven, rest) = args.split_first_chunk::<7>()?;
        let [path, old_file, _, old_mode, new_file, _, new_mode] = seven;
        let (new_path, header) = match rest {
            [] => (path, None),
            [new_path, header] => (new_path, Some(header.to_string_lossy().into_owned())),
            _ => return None,
        };
        Some(Self {
            path,
            old_file,
            old_mode,
            new_file,
            new_mode,
            new_path,
            header,
        })
    }
}

pub(super) fn run(args: &[OsString], color: Color, format: DiffFormat, budget: Budget) -> i32 {
    let call = match args {
        // An unmerged path: git has no two sides to give.
        [path] => return print(&format!("* Unmerged path {}\n", shown(path))),
        args => Call::parse(args),
    };
    let Some(Call {
        path,
        old_file,
        old_mode,
        new_file,
        new_mode,
        new_path,
        header,
    }) = call
    else {
        errln!(
            "brief diff: --git expects the 7 arguments git gives a diff driver (9 for a \
             rename or a copy), got {}",
            args.len()
        );
        return 2;
    };
    let kinship = header.as_deref().map_or(Kinship::Same, kinship);
    let old = side(old_file, format!("a/{}", shown(path)), budget);
    let new = side(new_file, format!("b/{}", shown(new_path)), budget);
    // git's own first line names both paths even where one side is absent.
    let git_line = format!("diff --git a/{} b/{}", shown(path), shown(new_path));

    let mut out = String::new();
    let title = |out: &mut String, first: String| {
        out.push_str(&first);
        out.push('\n');
        if kinship != Kinship::Same {
            let word = if kinship == Kinship::Renamed {
                "rename"
            } else {
                "copy"
            };
            if let Some(similarity) = header.as_deref().and_then(similarity) {
                out.push_str(&format!("similarity index {similarity}\n"));
            }
            out.push_str(&format!("{word} from {}\n", shown(path)));
            out.push_str(&format!("{word} to {}\n", shown(new_path)));
        }
        if matches!(old.content, Content::Absent) {
            out.push_str(&format!("new file mode {}\n", shown(new_mode)));
        } else if matches!(new.content, Content::Absent) {
            out.push_str(&format!("deleted file mode {}\n", shown(old_mode)));
        }
    };

    let too_big = [&old, &new]
        .into_iter()
        .find_map(|side| match side.content {
            Content::TooBig(size) => Some((side.label.clone(), size)),
            _ => None,
        });
    if let Some((label, size)) = too_big {
        title(&mut out, git_line);
        out.push_str(&format!(
            "{label}: {}: not compared (raise it with --max-size)\n",
            budget.over(size)
        ));
        return print(&out);
    }
    if let (Some(before), Some(after)) = (briefing_of(&old.content), briefing_of(&new.content)) {
        let diff = BriefingDiff::between(&before, &after);
        if format == DiffFormat::Json {
            return print(&super::diff_json(&old.label, &new.label, &diff));
        }
        let paint = Paint(color.enabled());
        title(
            &mut out,
            paint.strong(&format!("brief diff {} {}", old.label, new.label)),
        );
        out.push_str(&render(&diff, paint));
        return print(&out);
    }
    title(&mut out, git_line);
    let text = |side: &Side| match &side.content {
        Content::Text(text) => Some(text.clone()),
        Content::Absent => Some(String::new()),
        Content::Binary | Content::TooBig(_) => None,
    };
    match (text(&old), text(&new)) {
        (Some(before), Some(after)) => {
            let header = |side: &Side| match side.content {
                Content::Absent => NULL.to_owned(),
                _ => side.label.clone(),
            };
            // Untrusted text: each line is cleaned as a briefing's text is, so that a
            // file's escape sequences cannot steer the terminal.
            let before = clean_lines(&before);
            let after = clean_lines(&after);
            out.push_str(
                &similar::TextDiff::from_lines(&before, &after)
                    .unified_diff()
                    .header(&header(&old), &header(&new))
                    .to_string(),
            );
        }
        _ => out.push_str(&format!(
            "Binary files {} and {} differ\n",
            old.label, new.label
        )),
    }
    print(&out)
}

/// Every piece of outside text in `text` was cleaned where it was put in (names by
/// `shown`, lines by `clean_lines`, the report by the painter): only brief's own colours
/// are left to write.
fn print(text: &str) -> i32 {
    crate::cli::output::painted(text);
    0
}

/// A name git passed, shown safely: bytes that are not UTF-8 as U+FFFD, control
/// characters as visible stand-ins.
fn shown(name: &OsStr) -> String {
    clean_line(&name.to_string_lossy())
}

fn clean_lines(text: &str) -> String {
    text.split_inclusive('\n')
        .map(|line| match line.strip_suffix('\n') {
            Some(line) => format!("{}\n", clean_line(line)),
            None => clean_line(line),
        })
        .collect()
}

fn kinship(header: &str) -> Kinship {
    let said = |word: &str| header.lines().any(|line| line.starts_with(word));
    if said("rename from ") {
        Kinship::Renamed
    } else if said("copy from ") {
        Kinship::Copied
    } else {
        Kinship::Same
    }
}

/// `96%` from git's `similarity index 96%` line.
fn similarity(header: &str) -> Option<&str> {
    header
        .lines()
        .find_map(|line| line.strip_prefix("similarity index "))
        .map(str::trim)
        .filter(|s| s.strip_suffix('%').is_some_and(|n| n.parse::<u8>().is_ok()))
}

fn side(file: &OsStr, label: String, budget: Budget) -> Side {
    if file == NULL {
        return Side {
            label: NULL.to_owned(),
            content: Content::Absent,
        };
    }
    Side {
        content: read(Path::new(file), budget),
        label,
    }
}

/// The file git wrote for one side, read only if the budget allows its size.
fn read(file: &Path, budget: Budget) -> Content {
    match std::fs::metadata(file) {
        Ok(meta) if !budget.allows(meta.len()) => return Content::TooBig(meta.len()),
        Ok(_) => {}
        // git names a file it has just written; one that cannot be read shows as binary
        // rather than stopping git.
        Err(_) => return Content::Binary,
    }
    match std::fs::read(file) {
        Ok(bytes) if !bytes.contains(&0) => {
            String::from_utf8(bytes).map_or(Content::Binary, Content::Text)
        }
        _ => Content::Binary,
    }
}

/// The briefing a side holds: none where it is absent, else the text if it parses.
fn briefing_of(content: &Content) -> Option<Briefing> {
    match content {
        Content::Absent => Some(Briefing::default()),
        Content::Text(text) => briefing::parse(text).ok().map(|loaded| loaded.briefing),
        Content::Binary | Content::TooBig(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_header_git_passes_says_rename_or_copy() {
        let rename = "similarity index 96%\nrename from a.yaml\nrename to b.yaml\n";
        assert_eq!(kinship(rename), Kinship::Renamed);
        assert_eq!(similarity(rename), Some("96%"));
        let copy = "similarity index 100%\ncopy from a.yaml\ncopy to b.yaml\n";
        assert_eq!(kinship(copy), Kinship::Copied);
        assert_eq!(kinship("index 1234567..89abcde 100644\n"), Kinship::Same);
        assert_eq!(similarity("similarity index lots\n"), None);
    }
}
