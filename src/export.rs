//! `brief export`: the briefing as Markdown (to paste into a document or an email) or as
//! JSON (for other tools), without a terminal.

use crate::briefing::{Loaded, Vocabulary};
use std::fmt::Write as _;

pub fn json(loaded: &Loaded) -> String {
    serde_json::to_string_pretty(&loaded.briefing)
        .unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

pub fn markdown(loaded: &Loaded) -> String {
    let b = &loaded.briefing;
    let actor = |id: &str| {
        loaded
            .index
            .actor_by_id
            .get(id)
            .map_or(id.to_owned(), |&a| b.actors[a].name.clone())
    };
    let actors = |ids: &[String]| {
        ids.iter()
            .map(|id| actor(id))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", b.title);
    if let Some(date) = &b.as_of {
        let _ = writeln!(out, "*As of {date}*\n");
    }
    let _ = writeln!(out, "## Bottom line\n\n{}\n", b.summary.bluf);
    list(&mut out, "Key points", &b.summary.key_points);
    list(&mut out, "Caveats", &b.summary.caveats);
    if !b.actors.is_empty() {
        let _ = writeln!(out, "## Actors\n");
        for (i, a) in b.actors.iter().enumerate() {
            let _ = writeln!(
                out,
                "### {} ({})\n\n**Role:** {}\n\n**Stance:** {}\n",
                a.name,
                a.kind.word(),
                a.role,
                a.stance
            );
            for p in &a.people {
                let _ = writeln!(out, "- {} — {}", p.name, p.role);
            }
            for &s in &loaded.index.stances_by_actor[i] {
                let stance = &b.stances[s];
                let topic = loaded
                    .index
                    .topic_by_id
                    .get(&stance.topic)
                    .map_or(stance.topic.as_str(), |&t| b.topics[t].name.as_str());
                let _ = writeln!(
                    out,
                    "- *{topic}*: **{}** — {}",
                    stance.position.word(),
                    stance.summary
                );
            }
            out.push('\n');
        }
    }
    if !b.quotes.is_empty() {
        let _ = writeln!(out, "## Quotes\n");
        for q in &b.quotes {
            let _ = writeln!(
                out,
                "> “{}”\n>\n> — {}, {}\n",
                q.text,
                q.speaker,
                actor(&q.actor)
            );
            if let Some(context) = &q.context {
                let _ = writeln!(out, "{context}\n");
            }
        }
    }
    if !b.risks.is_empty() {
        let _ = writeln!(
            out,
            "## Risks\n\n| Severity | Risk | Likelihood | Impact | Actors |\n| --- | --- | --- | --- | --- |"
        );
        for &r in &loaded.index.risks_by_severity {
            let risk = &b.risks[r];
            let _ = writeln!(
                out,
                "| {} ({}) | {} | {} | {} | {} |",
                risk.severity().word(),
                risk.score(),
                risk.title,
                risk.likelihood.word(),
                risk.impact.word(),
                actors(&risk.actors)
            );
        }
        out.push('\n');
    }
    if !b.questions.is_empty() {
        let _ = writeln!(out, "## Open questions\n");
        for (n, q) in b.questions.iter().enumerate() {
            let _ = writeln!(
                out,
                "{}. **{}** {} *(Actors: {})*",
                n + 1,
                q.question,
                q.why,
                actors(&q.actors)
            );
        }
        out.push('\n');
    }
    if !b.timeline.is_empty() {
        let _ = writeln!(out, "## Timeline\n");
        for e in &b.timeline {
            let _ = writeln!(out, "- **{}** — {}", e.date, e.event);
        }
        out.push('\n');
    }
    if !b.sources.is_empty() {
        let _ = writeln!(out, "## Sources\n");
        for s in &b.sources {
            let url = s
                .url
                .as_deref()
                .map(|u| format!(" <{u}>"))
                .unwrap_or_default();
            let _ = writeln!(out, "- {}: *{}*{url}", s.outlet, s.title);
        }
    }
    out
}

fn list(out: &mut String, title: &str, items: &[String]) {
    if items.is_empty() {
        return;
    }
    let _ = writeln!(out, "## {title}\n");
    for item in items {
        let _ = writeln!(out, "- {item}");
    }
    out.push('\n');
}
