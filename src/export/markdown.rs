//! The briefing as Markdown, to paste into a document or an email: every section, every
//! quote verbatim. Briefing text is untrusted here as everywhere: each text goes through
//! `text` (or `cell`, in a table), so that whatever renders the Markdown shows exactly the
//! words of the briefing and makes nothing of them: no emphasis, heading, list, code,
//! HTML or link the analyst did not write as such. Only a source's http(s) address
//! becomes a link.

use super::is_web_address;
use super::parts::{Part, inline, laid_out, parts};
use crate::briefing::{Briefing, Loaded, Vocabulary, format};
use std::any::Any;
use std::fmt::Write as _;

pub fn markdown(loaded: &Loaded) -> String {
    let b = &loaded.briefing;
    let names = Names { loaded };
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", text(&b.title));
    if let Some(date) = &b.as_of {
        let _ = writeln!(out, "*As of {}*\n", text(date));
    }
    summary(&mut out, b);
    actors(&mut out, b);
    stances(&mut out, loaded, &names);
    quotes(&mut out, b, &names);
    risks(&mut out, loaded);
    questions(&mut out, b, &names);
    timeline(&mut out, b, &names);
    sources(&mut out, b);
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out.push('\n');
    out
}

/// Ids turned into the names a reader knows.
struct Names<'a> {
    loaded: &'a Loaded,
}

/// Each as Markdown, escaped.
impl Names<'_> {
    fn actor(&self, id: &str) -> String {
        text(self.loaded.actor_name(id))
    }
    fn actors(&self, ids: &[String]) -> String {
        text(&self.loaded.actor_names(ids))
    }
    fn source(&self, id: &str) -> String {
        self.loaded.source(id).map_or_else(
            || text(id),
            |s| format!("{}, *{}*", text(&s.outlet), text(&s.title)),
        )
    }
}

fn summary(out: &mut String, b: &Briefing) {
    let s = &b.summary;
    if s.bluf.is_empty() && s.key_points.is_empty() && s.caveats.is_empty() {
        return;
    }
    let _ = writeln!(out, "## Summary\n");
    if !s.bluf.is_empty() {
        let _ = writeln!(out, "**Bottom line.** {}\n", text(&s.bluf));
    }
    list(out, "### Key points", &s.key_points);
    list(out, "### Caveats", &s.caveats);
    rest(out, &format::SUMMARY, s, laid_out::SUMMARY);
}

fn actors(out: &mut String, b: &Briefing) {
    if b.actors.is_empty() {
        return;
    }
    let _ = writeln!(out, "## Actors\n");
    for a in &b.actors {
        let short = a
            .short
            .as_deref()
            .map(|s| format!(" \\[{}\\]", text(s)))
            .unwrap_or_default();
        let _ = writeln!(out, "### {}{short} ({})\n", text(&a.name), a.kind.word());
        rest(out, &format::ACTOR, a, laid_out::ACTOR);
    }
}

/// The keys of an item its layout does not write by hand or leave out on purpose
/// (`laid_out`), in the format's order, each under its label: a key added to the format is exported before anyone lays it out.
fn rest(out: &mut String, kind: &'static format::Item, model: &dyn Any, laid_out: &[&str]) {
    for part in parts(kind, model, laid_out) {
        match part {
            Part::Text(title, value) => {
                let _ = writeln!(out, "**{title}.** {}\n", text(value));
            }
            Part::List(title, items) => list(out, &format!("**{title}**"), items),
            Part::Items(title, items) => {
                let _ = writeln!(out, "**{title}**\n");
                for values in items {
                    let line: Vec<String> = values.into_iter().map(text).collect();
                    item(out, "- ", &line.join(" — "));
                }
                out.push('\n');
            }
        }
    }
}

fn stances(out: &mut String, loaded: &Loaded, names: &Names) {
    let b = &loaded.briefing;
    if b.stances.is_empty() {
        return;
    }
    let _ = writeln!(out, "## Stances\n");
    let _ = write!(out, "| Actor |");
    for t in &b.topics {
        let _ = write!(out, " {} |", cell(&t.name));
    }
    let _ = write!(out, "\n| --- |");
    for _ in &b.topics {
        out.push_str(" --- |");
    }
    out.push('\n');
    for (a, actor) in b.actors.iter().enumerate() {
        let _ = write!(out, "| {} |", cell(actor.label()));
        for topic in &b.topics {
            let stance = loaded.index.stances_by_actor[a]
                .iter()
                .map(|&s| &b.stances[s])
                .find(|s| s.topic == topic.id);
            match stance {
                Some(s) => {
                    let _ = write!(out, " {} {} |", s.position.sign(), s.position.word());
                }
                None => out.push_str(" |"),
            }
        }
        out.push('\n');
    }
    out.push('\n');
    for (t, topic) in b.topics.iter().enumerate() {
        let on_topic = &loaded.index.stances_by_topic[t];
        if on_topic.is_empty() {
            continue;
        }
        let _ = writeln!(out, "### {}\n", text(&topic.name));
        if let Some(description) = &topic.description {
            let _ = writeln!(out, "{}\n", text(description));
        }
        rest(out, &format::TOPIC, topic, laid_out::TOPIC);
        for &s in on_topic {
            let s = &b.stances[s];
            let line = format!(
                "**{}**: {} {} — {}",
                names.actor(&s.actor),
                s.position.sign(),
                s.position.word(),
                text(&s.summary)
            ) + &inline(&format::STANCE, s, laid_out::STANCE, text);
            item(out, "- ", &line);
        }
        out.push('\n');
    }
}

fn quotes(out: &mut String, b: &Briefing, names: &Names) {
    if b.quotes.is_empty() {
        return;
    }
    let _ = writeln!(out, "## Quotes\n");
    for q in &b.quotes {
        for line in text(&q.text).lines() {
            let _ = writeln!(out, "> {line}");
        }
        let _ = writeln!(
            out,
            ">\n> — {}, {}\n",
            text(&q.speaker),
            names.actor(&q.actor)
        );
        if let Some(context) = &q.context {
            let _ = writeln!(out, "*Context:* {}\n", text(context));
        }
        let _ = writeln!(out, "*Source:* {}\n", names.source(&q.source));
        rest(out, &format::QUOTE, q, laid_out::QUOTE);
    }
}

fn risks(out: &mut String, loaded: &Loaded) {
    let b = &loaded.briefing;
    if b.risks.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "## Risks\n\nMost severe first; severity is likelihood × impact, from 1 to 9.\n\n| Severity | Risk | Likelihood | Impact | Actors |\n| --- | --- | --- | --- | --- |"
    );
    for &r in &loaded.index.risks_by_severity {
        let risk = &b.risks[r];
        let _ = writeln!(
            out,
            "| {} ({}) | {} | {} | {} | {} |",
            risk.severity().word(),
            risk.score(),
            cell(&risk.title),
            risk.likelihood.word(),
            risk.impact.word(),
            cell(&loaded.actor_names(&risk.actors))
        );
    }
    out.push('\n');
    for &r in &loaded.index.risks_by_severity {
        let risk = &b.risks[r];
        let _ = writeln!(
            out,
            "### {} ({}, {})\n\n{}\n",
            text(&risk.title),
            risk.severity().word(),
            risk.score(),
            text(&risk.description)
        );
        rest(out, &format::RISK, risk, laid_out::RISK);
    }
}

fn questions(out: &mut String, b: &Briefing, names: &Names) {
    if b.questions.is_empty() {
        return;
    }
    let _ = writeln!(out, "## Questions\n");
    for (n, q) in b.questions.iter().enumerate() {
        let mut line = format!("**{}** {}", text(&q.question), text(&q.why));
        if !q.actors.is_empty() {
            let _ = write!(line, " *(Actors: {})*", names.actors(&q.actors));
        }
        line += &inline(&format::QUESTION, q, laid_out::QUESTION, text);
        let marker = format!("{}. ", n + 1);
        item(out, &marker, &line);
        // Nested under the question's text, not under the whole marker: indented further,
        // a continuation after a blank line would be a code block.
        let nested = format!("{}- ", " ".repeat(marker.len()));
        for watch in &q.watch {
            item(out, &nested, &format!("Watch: {}", text(watch)));
        }
    }
    out.push('\n');
}

fn timeline(out: &mut String, b: &Briefing, names: &Names) {
    if b.timeline.is_empty() {
        return;
    }
    let _ = writeln!(out, "## Timeline\n");
    for e in &b.timeline {
        let source = e
            .source
            .as_deref()
            .map(|s| format!(" ({})", names.source(s)))
            .unwrap_or_default();
        item(
            out,
            "- ",
            &format!(
                "**{}** — {}{source}{}",
                text(&e.date),
                text(&e.event),
                inline(&format::EVENT, e, laid_out::EVENT, text)
            ),
        );
    }
    out.push('\n');
}

fn sources(out: &mut String, b: &Briefing) {
    if b.sources.is_empty() {
        return;
    }
    let _ = writeln!(out, "## Sources\n");
    for s in &b.sources {
        let url = match s.url.as_deref() {
            Some(url) if is_web_address(url) && is_autolink(url) => format!(" <{url}>"),
            Some(url) => format!(" {}", text(url)),
            None => String::new(),
        };
        let mut line = format!("{}: *{}*{url}", text(&s.outlet), text(&s.title));
        if let Some(note) = &s.note {
            let _ = write!(line, ". {}", text(note));
        }
        if let Some(file) = &s.file {
            let _ = write!(line, " (local copy: {})", text(file));
        }
        line += &inline(&format::SOURCE, s, laid_out::SOURCE, text);
        item(out, "- ", &line);
    }
    out.push('\n');
}

fn list(out: &mut String, title: &str, items: &[String]) {
    if items.is_empty() {
        return;
    }
    let _ = writeln!(out, "{title}\n");
    for each in items {
        item(out, "- ", &text(each));
    }
    out.push('\n');
}

/// A list item whose text may run over several lines: the lines after the first are
/// indented under the marker, so they stay in the item.
fn item(out: &mut String, marker: &str, text: &str) {
    let indent = " ".repeat(marker.chars().count());
    for (n, line) in text.lines().enumerate() {
        let _ = writeln!(out, "{}{line}", if n == 0 { marker } else { &indent });
    }
    if text.is_empty() {
        let _ = writeln!(out, "{marker}");
    }
}

/// Briefing text for one table cell: escaped, its line breaks `<br>`, since a table row
/// is one line.
fn cell(raw: &str) -> String {
    text(raw).replace('\n', "<br>")
}

/// Whether `url` can be written as an autolink, `<url>`, which ends at the first space or
/// angle bracket and cannot escape one.
fn is_autolink(url: &str) -> bool {
    !url.chars()
        .any(|c| c.is_ascii_control() || c.is_whitespace() || c == '<' || c == '>')
}

/// Briefing text as Markdown that renders as that text and nothing else.
///
/// Characters that are markup wherever they stand are backslash-escaped everywhere (a
/// backslash before ASCII punctuation always renders as the character alone), including
/// those only extensions read (tables, strikethrough, math, footnotes, heading
/// attributes), since the export is pasted into renderers of every kind. Characters
/// that are markup only at the start of a line (`-`, `+`, `=`, `:`, `1.`) are escaped
/// there. `&` is escaped only where it would start an entity (`&amp;`), and `!` not at
/// all, as `[` is; so ordinary punctuation stays readable as plain text.
///
/// Whitespace is the one thing changed: a line's indentation after a blank line would
/// make a code block and a line's trailing spaces a hard break, so both are dropped; a
/// renderer would not show them anyway.
fn text(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len() + raw.len() / 8);
    let mut after_blank = false;
    for (n, line) in raw.split('\n').enumerate() {
        if n > 0 {
            out.push('\n');
        }
        let line = line.trim_end();
        let indent = if after_blank {
            ""
        } else {
            &line[..line.len() - line.trim_start().len()]
        };
        after_blank = line.is_empty();
        out.push_str(indent);
        escape_line(line.trim_start(), &mut out);
    }
    out
}

/// One line of text, without its indentation.
fn escape_line(line: &str, out: &mut String) {
    let digits = line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    for (i, c) in line.char_indices() {
        let at_start = i == 0 && matches!(c, '-' | '+' | '=' | ':');
        // `1. ` or `1) ` opens an ordered list; `1.5` does not.
        let ends_number = i == digits
            && digits > 0
            && matches!(c, '.' | ')')
            && line[i + 1..].chars().next().is_none_or(char::is_whitespace);
        let markup = matches!(
            c,
            '\\' | '`'
                | '*'
                | '_'
                | '['
                | ']'
                | '<'
                | '>'
                | '#'
                | '|'
                | '~'
                | '$'
                | '^'
                | '{'
                | '}'
        );
        if markup || at_start || ends_number || (c == '&' && starts_entity(&line[i + 1..])) {
            out.push('\\');
        }
        out.push(c);
    }
}

/// Whether the text after a `&` makes it an entity or character reference, `&name;`,
/// `&#38;` or `&#x26;`.
fn starts_entity(after: &str) -> bool {
    let body = after.strip_prefix('#').unwrap_or(after);
    let name = body.len()
        - body
            .trim_start_matches(|c: char| c.is_ascii_alphanumeric())
            .len();
    name > 0 && body[name..].starts_with(';')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_escaped_and_prose_is_left_readable() {
        assert_eq!(text("*x* _y_ `z`"), "\\*x\\* \\_y\\_ \\`z\\`");
        assert_eq!(text("# not a heading"), "\\# not a heading");
        assert_eq!(text("<b>&amp; [a](b)"), "\\<b\\>\\&amp; \\[a\\](b)");
        assert_eq!(
            text("- a\n+ b\n1. c\n2) d\n==="),
            "\\- a\n\\+ b\n1\\. c\n2\\) d\n\\==="
        );
        assert_eq!(
            text("R&D, U.S. 1.5% (est.) -- ok!\n2.5 million"),
            "R&D, U.S. 1.5% (est.) -- ok!\n2.5 million"
        );
    }

    #[test]
    fn indentation_that_would_make_code_is_dropped() {
        assert_eq!(text("a\n    kept\n\n    code?"), "a\n    kept\n\ncode?");
        assert_eq!(text("hard  \nbreak"), "hard\nbreak");
    }

    #[test]
    fn only_web_addresses_that_fit_an_autolink_become_one() {
        assert!(is_autolink("https://example.org/a_b*c"));
        assert!(!is_autolink("https://example.org/a b"));
        assert!(!is_autolink("https://x.org/>\"<img>"));
    }
}
