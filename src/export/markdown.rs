//! The briefing as Markdown, to paste into a document or an email: every section, every
//! quote verbatim. Text is written as it was; only table cells are adjusted (a `|` is
//! escaped and a line break becomes `<br>`), since a table row is one line.

use crate::briefing::{Briefing, Loaded, Vocabulary};
use std::fmt::Write as _;

pub fn markdown(loaded: &Loaded) -> String {
    let b = &loaded.briefing;
    let names = Names { loaded };
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", b.title);
    if let Some(date) = &b.as_of {
        let _ = writeln!(out, "*As of {date}*\n");
    }
    summary(&mut out, b);
    actors(&mut out, b);
    stances(&mut out, loaded, &names);
    quotes(&mut out, b, &names);
    risks(&mut out, loaded, &names);
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

impl Names<'_> {
    fn actor(&self, id: &str) -> String {
        self.loaded.actor_name(id).to_owned()
    }
    fn actors(&self, ids: &[String]) -> String {
        self.loaded.actor_names(ids)
    }
    fn source(&self, id: &str) -> String {
        self.loaded
            .source(id)
            .map_or_else(|| id.to_owned(), |s| format!("{}, *{}*", s.outlet, s.title))
    }
}

fn summary(out: &mut String, b: &Briefing) {
    let s = &b.summary;
    if s.bluf.is_empty() && s.key_points.is_empty() && s.caveats.is_empty() {
        return;
    }
    let _ = writeln!(out, "## Summary\n");
    if !s.bluf.is_empty() {
        let _ = writeln!(out, "**Bottom line.** {}\n", s.bluf);
    }
    list(out, "### Key points", &s.key_points);
    list(out, "### Caveats", &s.caveats);
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
            .map(|s| format!(" [{s}]"))
            .unwrap_or_default();
        let _ = writeln!(out, "### {}{short} ({})\n", a.name, a.kind.word());
        let _ = writeln!(out, "**Role.** {}\n", a.role);
        let _ = writeln!(out, "**Stance.** {}\n", a.stance);
        list(out, "**Interests**", &a.interests);
        list(out, "**Leverage**", &a.leverage);
        if !a.people.is_empty() {
            let _ = writeln!(out, "**People**\n");
            for p in &a.people {
                match p.role.as_str() {
                    "" => item(out, "- ", &p.name),
                    role => item(out, "- ", &format!("{} — {role}", p.name)),
                }
            }
            out.push('\n');
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
        let _ = writeln!(out, "### {}\n", topic.name);
        if let Some(description) = &topic.description {
            let _ = writeln!(out, "{description}\n");
        }
        for &s in on_topic {
            let s = &b.stances[s];
            let text = format!(
                "**{}**: {} {} — {}",
                names.actor(&s.actor),
                s.position.sign(),
                s.position.word(),
                s.summary
            );
            item(out, "- ", &text);
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
        for line in q.text.lines() {
            let _ = writeln!(out, "> {line}");
        }
        let _ = writeln!(out, ">\n> — {}, {}\n", q.speaker, names.actor(&q.actor));
        if let Some(context) = &q.context {
            let _ = writeln!(out, "*Context:* {context}\n");
        }
        let _ = writeln!(out, "*Source:* {}\n", names.source(&q.source));
    }
}

fn risks(out: &mut String, loaded: &Loaded, names: &Names) {
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
            cell(&names.actors(&risk.actors))
        );
    }
    out.push('\n');
    for &r in &loaded.index.risks_by_severity {
        let risk = &b.risks[r];
        let _ = writeln!(
            out,
            "### {} ({}, {})\n\n{}\n",
            risk.title,
            risk.severity().word(),
            risk.score(),
            risk.description
        );
        list(out, "**Indicators**", &risk.indicators);
    }
}

fn questions(out: &mut String, b: &Briefing, names: &Names) {
    if b.questions.is_empty() {
        return;
    }
    let _ = writeln!(out, "## Questions\n");
    for (n, q) in b.questions.iter().enumerate() {
        let mut text = format!("**{}** {}", q.question, q.why);
        if !q.actors.is_empty() {
            let _ = write!(text, " *(Actors: {})*", names.actors(&q.actors));
        }
        item(out, &format!("{}. ", n + 1), &text);
        for watch in &q.watch {
            item(out, "   - Watch: ", watch);
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
        item(out, "- ", &format!("**{}** — {}{source}", e.date, e.event));
    }
    out.push('\n');
}

fn sources(out: &mut String, b: &Briefing) {
    if b.sources.is_empty() {
        return;
    }
    let _ = writeln!(out, "## Sources\n");
    for s in &b.sources {
        let url = s
            .url
            .as_deref()
            .map(|u| format!(" <{u}>"))
            .unwrap_or_default();
        let mut text = format!("{}: *{}*{url}", s.outlet, s.title);
        if let Some(note) = &s.note {
            let _ = write!(text, ". {note}");
        }
        item(out, "- ", &text);
    }
    out.push('\n');
}

fn list(out: &mut String, title: &str, items: &[String]) {
    if items.is_empty() {
        return;
    }
    let _ = writeln!(out, "{title}\n");
    for text in items {
        item(out, "- ", text);
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

/// Text for one table cell.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', "<br>")
}
