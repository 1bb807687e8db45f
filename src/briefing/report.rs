//! How a diff of judgments reads: a heading per section, one header line per item (as
//! dyff prints them), its other fields indented below. The lines are runs of text tagged
//! with what they mean, so that `brief diff` paints them in ANSI and the History pane in
//! its theme, from the one layout.

use super::diff::{
    BriefingDiff, ChangeKind, FieldChange, Section, Value, Words, list_diff, word_diff,
};

/// What a run of text means, which the theme turns into a style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Plain,
    /// A section's heading.
    Heading,
    /// An item added, or an entry added to a list.
    Added,
    Removed,
    /// A word changed for another: `supports → mixed`.
    Changed,
    /// A change to the record itself: a verbatim quote's text.
    Correction,
    /// What must not be missed beside a correction.
    Strong,
    /// A field's name.
    Label,
    /// Words kept in a word diff are `Plain`; these were added or removed.
    WordAdded,
    WordRemoved,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    pub tone: Tone,
    pub text: String,
}

/// One line of the report: its indent in columns, then its runs. A blank line has none.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Line {
    pub indent: usize,
    pub runs: Vec<Run>,
}

impl Line {
    fn new(indent: usize) -> Self {
        Self {
            indent,
            runs: Vec::new(),
        }
    }

    fn run(mut self, tone: Tone, text: impl Into<String>) -> Self {
        let text = text.into();
        if !text.is_empty() {
            self.runs.push(Run { tone, text });
        }
        self
    }

    fn words(mut self, runs: &[Words<'_>]) -> Self {
        for run in runs {
            self = match run {
                Words::Same(t) => self.run(Tone::Plain, *t),
                Words::Removed(t) => self.run(Tone::WordRemoved, *t),
                Words::Added(t) => self.run(Tone::WordAdded, *t),
            };
        }
        self
    }

    /// The line's text without its indent or tones.
    pub fn text(&self) -> String {
        self.runs.iter().map(|r| r.text.as_str()).collect()
    }
}

/// Where item headers and their fields start.
const ITEM: usize = 2;
const FIELD: usize = 6;

/// The report of `diff`; empty when nothing changed, each section followed by a blank
/// line.
pub fn report(diff: &BriefingDiff) -> Vec<Line> {
    let mut lines = Vec::new();
    for section in Section::ALL {
        let mut items = diff.in_section(section).peekable();
        if items.peek().is_none() {
            continue;
        }
        lines.push(Line::new(0).run(Tone::Heading, section.heading()));
        for item in items {
            match &item.kind {
                ChangeKind::Added { text } => lines.push(Line::new(ITEM).run(
                    Tone::Added,
                    format!("+ {}: {text}", added_title(section, &item.title)),
                )),
                ChangeKind::Removed { text } => lines.push(Line::new(ITEM).run(
                    Tone::Removed,
                    format!("\u{2212} {}: {text}", added_title(section, &item.title)),
                )),
                ChangeKind::Edited { fields } => edited(&mut lines, section, &item.title, fields),
            }
        }
        lines.push(Line::default());
    }
    lines
}

/// The title of an added or removed item, which needs its noun where the title alone is
/// a name ("stance Union on pay").
fn added_title(section: Section, title: &str) -> String {
    match section {
        Section::Stances => format!("stance {title}"),
        Section::Risks => title.replacen("Risk", "risk", 1),
        _ => title.to_owned(),
    }
}

fn arrow(change: &FieldChange) -> String {
    format!("{} \u{2192} {}", change.before.show(), change.after.show())
}

/// An edited item: a header that says the change that matters most (a stance's
/// position, a risk's levels, a quote's words), then its other fields.
fn edited(lines: &mut Vec<Line>, section: Section, title: &str, fields: &[FieldChange]) {
    let find = |name: &str| fields.iter().find(|f| f.field == name);
    let mut folded: Vec<&str> = Vec::new();
    let header = Line::new(ITEM);
    let header = match section {
        Section::Summary => None,
        Section::Stances if find("position").is_some() => {
            folded.push("position");
            let position = find("position").map(arrow).unwrap_or_default();
            Some(
                header
                    .run(Tone::Plain, format!("{title}: "))
                    .run(Tone::Changed, position),
            )
        }
        Section::Risks if find("likelihood").is_some() || find("impact").is_some() => {
            let mut parts = Vec::new();
            for name in ["likelihood", "impact"] {
                if let Some(f) = find(name) {
                    folded.push(name);
                    parts.push(format!("{name} {}", arrow(f)));
                }
            }
            let mut said = parts.join(", ");
            if let Some(f) = find("severity") {
                folded.push("severity");
                said.push_str(&format!(" (severity {})", arrow(f)));
            }
            Some(
                header
                    .run(Tone::Plain, format!("{title}: "))
                    .run(Tone::Changed, said),
            )
        }
        Section::Quotes if find("text").is_some() => {
            folded.push("text");
            let (before, after) = find("text")
                .map(|f| (f.before.as_text(), f.after.as_text()))
                .unwrap_or_default();
            lines.push(
                header
                    .run(Tone::Correction, format!("! {title}: quote text changed"))
                    .run(Tone::Plain, "  ")
                    .run(
                        Tone::Strong,
                        "quotes are verbatim: this corrects the record",
                    ),
            );
            lines.push(
                Line::new(FIELD)
                    .run(Tone::Plain, "text: ")
                    .words(&word_diff(before, after)),
            );
            None
        }
        _ => Some(header.run(Tone::Plain, title)),
    };
    let indent = match header {
        Some(header) => {
            lines.push(header);
            FIELD
        }
        None if section == Section::Quotes => FIELD,
        None => ITEM,
    };
    for f in fields.iter().filter(|f| !folded.contains(&f.field)) {
        let label = Line::new(indent).run(Tone::Label, format!("{}:", f.field));
        match (&f.before, &f.after) {
            (Value::List(before), Value::List(after)) => {
                lines.push(label);
                let (gone, new) = list_diff(before, after);
                for entry in gone {
                    lines.push(
                        Line::new(indent + 2).run(Tone::Removed, format!("\u{2212} {entry}")),
                    );
                }
                for entry in new {
                    lines.push(Line::new(indent + 2).run(Tone::Added, format!("+ {entry}")));
                }
                if before.iter().all(|b| after.contains(b))
                    && after.iter().all(|a| before.contains(a))
                {
                    lines.push(Line::new(indent + 2).run(Tone::Label, "(reordered)"));
                }
            }
            (Value::Text(before), Value::Text(after)) => {
                lines.push(label.run(Tone::Plain, " ").words(&word_diff(before, after)));
            }
            _ => lines.push(label.run(Tone::Plain, " ").run(Tone::Changed, arrow(f))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::briefing::parse;

    fn report_of(old: &str, new: &str) -> Vec<String> {
        let old = parse(old).unwrap().briefing;
        let new = parse(new).unwrap().briefing;
        report(&BriefingDiff::between(&old, &new))
            .iter()
            .map(|l| format!("{}{}", " ".repeat(l.indent), l.text()))
            .collect()
    }

    #[test]
    fn a_stance_that_moved_is_one_header_with_its_other_fields_below() {
        let v1 = include_str!("../../tests/fixtures/history/pay-v1.yaml");
        let v2 = include_str!("../../tests/fixtures/history/pay-v2.yaml");
        let lines = report_of(v1, v2);
        assert_eq!(lines[0], "Stances");
        assert_eq!(lines[1], "  Union on pay: supports \u{2192} mixed");
        assert!(
            lines[2].starts_with("      summary: Leadership "),
            "{lines:#?}"
        );
        assert!(
            lines.contains(&String::new()),
            "sections end with a blank line"
        );
    }

    #[test]
    fn a_quote_whose_words_changed_is_flagged_as_a_correction() {
        let v1 = include_str!("../../tests/fixtures/history/pay-v1.yaml");
        let v2 = v1.replacen("a fair start", "a fair first step", 1);
        assert_ne!(v1, v2, "the fixture has the words");
        let old = parse(v1).unwrap().briefing;
        let new = parse(&v2).unwrap().briefing;
        let lines = report(&BriefingDiff::between(&old, &new));
        let header = lines
            .iter()
            .find(|l| l.runs.iter().any(|r| r.tone == Tone::Correction));
        let header = header.expect("a correction header");
        assert!(header.text().contains("quote text changed"), "{header:?}");
        let words = lines
            .iter()
            .find(|l| l.text().starts_with("text: "))
            .unwrap();
        let tones: Vec<(Tone, &str)> = words
            .runs
            .iter()
            .map(|r| (r.tone, r.text.as_str()))
            .collect();
        assert!(tones.contains(&(Tone::WordRemoved, "start")), "{tones:?}");
        assert!(
            tones.contains(&(Tone::WordAdded, "first step")),
            "{tones:?}"
        );
    }

    #[test]
    fn no_change_is_no_line() {
        let v1 = include_str!("../../tests/fixtures/history/pay-v1.yaml");
        assert!(report_of(v1, v1).is_empty());
    }
}
