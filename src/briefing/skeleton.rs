//! The blank briefing `brief init --blank` writes: every section and every key of the
//! format, each under a comment saying what it holds, with a placeholder that checks
//! clean. It is generated from `format`, so a key added there appears here too.

use super::bundled::{MODELINE_PREFIX, SCHEMA_FILE};
use super::format::{self, Item, Key, Value};

/// How wide the comments are wrapped, as the bundled briefing is written.
const WIDTH: usize = 88;

/// A date the calendar has, for `as_of`.
const DATE: &str = "2026-01-01";

/// Optional keys written commented out, with why: their value must name something that a
/// blank briefing cannot have yet.
const COMMENTED_OUT: &[(&str, &str, &str)] = &[(
    "source",
    "file",
    "Uncomment once the file exists: a blank briefing has no copy of its source.",
)];

/// The blank briefing `brief init --blank` writes, naming the schema beside it as a copy
/// of the bundled one does.
pub fn blank_text() -> String {
    format!("{MODELINE_PREFIX}{SCHEMA_FILE}\n{}", text())
}

/// The skeleton, without the first line naming the schema.
fn text() -> String {
    let mut out = String::from(concat!(
        "# A blank briefing: every section brief knows, with one placeholder item each.\n",
        "# Replace the placeholders with your own, delete the keys and sections you do not\n",
        "# need (only `title` is required), and run `brief check` on the file to see what\n",
        "# is left to fix. Ids are yours to choose; the other sections refer to items by them.\n",
    ));
    for key in shown(&format::BRIEFING) {
        out.push('\n');
        entry(&mut out, &format::BRIEFING, key, 0, None);
    }
    out
}

/// The keys a writer writes: `at` is what an export adds, and the loader ignores it.
fn shown(item: &Item) -> impl Iterator<Item = &Key> {
    item.keys
        .iter()
        .filter(|key| !matches!(key.value, Value::WrittenAt))
}

/// One key with its comment, at column `indent`. `dash` is the column of the list dash
/// when the key opens an item of a list: the comment then goes above the dash.
fn entry(out: &mut String, item: &Item, key: &Key, indent: usize, dash: Option<usize>) {
    let comment_column = dash.unwrap_or(indent);
    let commented = COMMENTED_OUT
        .iter()
        .find(|(what, name, _)| *what == item.what && *name == key.name);
    let mut about = key.description.to_owned();
    about.push_str(if key.required {
        " Required."
    } else {
        " Optional."
    });
    if let Value::Word(vocab) = key.value {
        about.push_str(&format!(" One of: {}.", (vocab.words)().join(", ")));
    }
    if let Some((_, _, why)) = commented {
        about.push(' ');
        about.push_str(why);
    }
    comment(out, comment_column, &about);
    let lead = match dash {
        Some(column) => format!("{}- ", " ".repeat(column)),
        None => " ".repeat(indent),
    };
    if commented.is_some() {
        out.push_str(&format!(
            "{}# {}: {}\n",
            " ".repeat(indent),
            key.name,
            line(item, key)
        ));
        return;
    }
    out.push_str(&format!("{lead}{}:", key.name));
    value(out, item, key, indent);
}

fn comment(out: &mut String, column: usize, text: &str) {
    let pad = " ".repeat(column);
    // Words are never cut at a hyphen: a date such as 2026-02-30 stays whole.
    let options = textwrap::Options::new(WIDTH.saturating_sub(column + 2).max(40))
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
        .word_separator(textwrap::WordSeparator::AsciiSpace);
    for line in textwrap::wrap(text, options) {
        out.push_str(&format!("{pad}# {line}\n"));
    }
}

/// What follows `key:`: a placeholder, a list of one, or a nested mapping.
fn value(out: &mut String, item: &Item, key: &Key, indent: usize) {
    let inner = indent + 2;
    match key.value {
        Value::Line
        | Value::Text
        | Value::Date
        | Value::Language
        | Value::Word(_)
        | Value::Id(_) => {
            out.push_str(&format!(" {}\n", line(item, key)));
        }
        Value::Texts | Value::Ids(_) => {
            out.push_str(&format!("\n{}- {}\n", " ".repeat(inner), line(item, key)));
        }
        Value::Item(sub) => {
            out.push('\n');
            for sub_key in shown(sub) {
                entry(out, sub, sub_key, inner, None);
            }
        }
        Value::Items(sub) => {
            out.push('\n');
            for (n, sub_key) in shown(sub).enumerate() {
                let dash = (n == 0).then_some(inner);
                entry(out, sub, sub_key, inner + 2, dash);
            }
        }
        Value::WrittenAt => out.push('\n'),
    }
}

/// A placeholder for a key holding text, an id or a word, written so that YAML reads it
/// as plain text and the briefing checks clean.
fn line(item: &Item, key: &Key) -> String {
    match key.value {
        Value::Date => DATE.to_owned(),
        Value::Language => "en".to_owned(),
        Value::Word(vocab) => (vocab.words)()[0].to_owned(),
        Value::Line if key.name == "id" => id_of(item),
        // A reference names the placeholder id of the kind it refers to.
        Value::Id(target) | Value::Ids(target) => id_of(target),
        _ => placeholder(item, key),
    }
}

fn id_of(item: &Item) -> String {
    format!("example-{}", item.what.replace(' ', "-"))
}

/// Text that reads as an instruction where the key's name alone would not.
fn placeholder(item: &Item, key: &Key) -> String {
    let specific = match (item.what, key.name) {
        ("the briefing", "title") => "What the briefing is about, in one line",
        ("source", "url") => "https://example.org/the-article",
        ("source", "file") => "sources/example-source.txt",
        ("summary", "bluf") => "The bottom line, in a sentence or two",
        ("summary", "key_points") => "A point the reader must take away",
        ("summary", "caveats") => "Something the sources cannot tell, and why",
        ("actor", "short") => "A short name",
        ("quote", "text") => "The words as the source prints them, verbatim",
        ("risk", "indicators") => "A sign that it is happening",
        ("question", "question") => "What is not known yet?",
        ("question", "why") => "Why the answer matters",
        ("question", "watch") => "A sign that would answer it",
        ("timeline event", "event") => "What happened",
        ("timeline event", "date") => "1 January 2026",
        _ => "",
    };
    if specific.is_empty() {
        format!("The {}'s {}", item.what, key.name.replace('_', " "))
    } else {
        specific.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_a_writer_writes_is_in_the_skeleton() {
        let text = text();
        for item in format::ITEMS {
            for key in shown(item) {
                assert!(
                    text.contains(&format!("{}:", key.name)),
                    "the skeleton lacks {}.{}",
                    item.what,
                    key.name
                );
            }
        }
    }
}
