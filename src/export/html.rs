//! The briefing as one self-contained HTML page: inline CSS, no scripts, nothing loaded
//! from elsewhere, so it can be mailed or archived as one file. Every text from the
//! briefing is escaped; colours always come with their sign or word, and there is a print
//! stylesheet.

use super::is_web_address;
use super::parts::{Part, inline, laid_out, parts};
use crate::app::{App, LEVELS_ACROSS, LEVELS_DOWN};
use crate::briefing::{Briefing, Loaded, Position, Severity, Vocabulary, format};
use std::any::Any;
use std::fmt::Write as _;

const STYLE: &str = "
:root { color-scheme: light dark; --fg: #1b1b1b; --bg: #fdfdfd; --dim: #5f5f5f; --rule: #d0d0d0;
  --supports: #1a7f37; --opposes: #c62828; --mixed: #9a6700; --neutral: #1f5fbf; --unclear: #6e6e6e;
  --low: #1a7f37; --moderate: #9a6700; --elevated: #d1570b; --critical: #c62828; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6e6e6; --bg: #161616; --dim: #a0a0a0; --rule: #3a3a3a;
  --supports: #4ac26b; --opposes: #ff6b6b; --mixed: #e3b341; --neutral: #6ea8fe; --unclear: #9a9a9a;
  --low: #4ac26b; --moderate: #e3b341; --elevated: #ff9b50; --critical: #ff6b6b; } }
body { font: 16px/1.5 system-ui, sans-serif; color: var(--fg); background: var(--bg);
  max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.8rem; margin-bottom: 0.2rem; } h2 { border-bottom: 1px solid var(--rule); margin-top: 2.5rem; }
.dim, .as-of { color: var(--dim); } p, li { white-space: pre-line; }
table { border-collapse: collapse; margin: 1rem 0; } th, td { border: 1px solid var(--rule); padding: 0.3rem 0.6rem; text-align: left; vertical-align: top; }
blockquote { margin: 1rem 0; padding: 0.2rem 1rem; border-left: 4px solid var(--rule); }
blockquote p { font-style: italic; } .speaker { font-weight: bold; }
.position, .severity { font-weight: bold; white-space: nowrap; }
.supports { color: var(--supports); } .opposes { color: var(--opposes); } .mixed { color: var(--mixed); }
.neutral { color: var(--neutral); } .unclear { color: var(--unclear); }
.low { color: var(--low); } .moderate { color: var(--moderate); } .elevated { color: var(--elevated); } .critical { color: var(--critical); }
@media print { body { max-width: none; margin: 0; font-size: 11pt; color: #000; background: #fff; }
  h2 { break-after: avoid; } blockquote, tr, section.item { break-inside: avoid; }
  a { color: #000; } a[href^=\"http\"]::after { content: \" <\" attr(href) \">\"; font-size: 0.9em; } }
";

/// The page, without saying where it came from (see `html_from`).
pub fn html(loaded: &Loaded) -> String {
    page(loaded, None)
}

/// The page, headed by `origin`: what it was made from and when.
pub fn html_from(loaded: &Loaded, origin: &super::Origin) -> String {
    page(loaded, Some(origin))
}

fn page(loaded: &Loaded, origin: Option<&super::Origin>) -> String {
    let b = &loaded.briefing;
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<h1>{}</h1>\n",
        esc(&b.title),
        esc(&b.title)
    );
    if let Some(date) = &b.as_of {
        let _ = writeln!(out, "<p class=\"as-of\">As of {}</p>", esc(date));
    }
    if let Some(origin) = origin {
        let _ = writeln!(
            out,
            "<p class=\"origin dim\">From {}</p>",
            esc(&origin.describe())
        );
    }
    let page = Page { loaded, out };
    page.write()
}

/// A table of contents for the sections written in `body`, in their order: found by
/// their opening tags, which no briefing text can forge as every text is escaped.
fn contents(body: &str) -> String {
    const OPENING: &str = "<section id=\"";
    let entries: Vec<String> = body
        .match_indices(OPENING)
        .filter_map(|(at, _)| {
            let rest = &body[at + OPENING.len()..];
            let (id, rest) = rest.split_once("\">\n<h2>")?;
            let (title, _) = rest.split_once("</h2>")?;
            Some(format!("<li><a href=\"#{id}\">{title}</a></li>"))
        })
        .collect();
    if entries.is_empty() {
        return String::new();
    }
    format!(
        "<nav class=\"contents\" aria-label=\"Contents\">\n<h2>Contents</h2>\n<ul>\n{}\n</ul>\n</nav>\n",
        entries.join("\n")
    )
}

/// The id of a source's entry under Sources, which quotes and events link to.
fn source_anchor(id: &str) -> String {
    format!("source-{id}")
}

struct Page<'a> {
    loaded: &'a Loaded,
    out: String,
}

impl<'a> Page<'a> {
    fn b(&self) -> &'a Briefing {
        &self.loaded.briefing
    }

    fn write(mut self) -> String {
        let body = self.out.len();
        self.summary();
        self.actors();
        self.stances();
        self.quotes();
        self.risks();
        self.questions();
        self.timeline();
        self.sources();
        let contents = contents(&self.out[body..]);
        self.out.insert_str(body, &contents);
        self.out.push_str("</body>\n</html>\n");
        self.out
    }

    fn actor(&self, id: &str) -> String {
        self.loaded.actor_name(id).to_owned()
    }

    fn actors_named(&self, ids: &[String]) -> String {
        self.loaded.actor_names(ids)
    }

    /// A cited source: a link to its entry under Sources, and to where it can be read
    /// when that is a web address.
    fn source(&self, id: &str) -> String {
        let Some(s) = self.loaded.source(id) else {
            return esc(id);
        };
        let entry = format!(
            "<a href=\"#{}\">{}, <cite>{}</cite></a>",
            esc(&source_anchor(id)),
            esc(&s.outlet),
            esc(&s.title)
        );
        match s.url.as_deref().filter(|u| is_web_address(u)) {
            Some(url) => format!("{entry} (<a href=\"{}\">{}</a>)", esc(url), esc(url)),
            None => entry,
        }
    }

    fn list(&mut self, title: &str, items: &[String]) {
        if items.is_empty() {
            return;
        }
        let _ = writeln!(self.out, "<h3>{title}</h3>\n<ul>");
        for item in items {
            let _ = writeln!(self.out, "<li>{}</li>", esc(item));
        }
        self.out.push_str("</ul>\n");
    }

    /// The keys of an item its layout does not write by hand or leave out on purpose
    /// (`laid_out`), in the format's order, each under its label: a key added to the format is exported before anyone lays it out.
    fn rest(&mut self, kind: &'static format::Item, model: &dyn Any, laid_out: &[&str]) {
        for part in parts(kind, model, laid_out) {
            match part {
                Part::Text(title, value) => {
                    let _ = writeln!(self.out, "<p><strong>{title}.</strong> {}</p>", esc(value));
                }
                Part::List(title, items) => self.list(&title, items),
                Part::Items(title, items) => {
                    let _ = writeln!(self.out, "<h3>{title}</h3>\n<ul>");
                    for values in items {
                        let line: Vec<String> = values.into_iter().map(esc).collect();
                        let _ = writeln!(self.out, "<li>{}</li>", line.join(" — "));
                    }
                    self.out.push_str("</ul>\n");
                }
            }
        }
    }

    fn summary(&mut self) {
        let s = &self.b().summary;
        if s.bluf.is_empty() && s.key_points.is_empty() && s.caveats.is_empty() {
            return;
        }
        self.out
            .push_str("<section id=\"summary\">\n<h2>Summary</h2>\n");
        if !s.bluf.is_empty() {
            let _ = writeln!(
                self.out,
                "<p><strong>Bottom line.</strong> {}</p>",
                esc(&s.bluf)
            );
        }
        self.list("Key points", &s.key_points);
        self.list("Caveats", &s.caveats);
        self.rest(&format::SUMMARY, s, laid_out::SUMMARY);
        self.out.push_str("</section>\n");
    }

    fn actors(&mut self) {
        let actors = &self.b().actors;
        if actors.is_empty() {
            return;
        }
        self.out
            .push_str("<section id=\"actors\">\n<h2>Actors</h2>\n");
        for a in actors {
            let short = a
                .short
                .as_deref()
                .map(|s| format!(" [{}]", esc(s)))
                .unwrap_or_default();
            let _ = writeln!(
                self.out,
                "<section class=\"item\">\n<h3>{}{short} <span class=\"dim\">({})</span></h3>",
                esc(&a.name),
                a.kind.word(),
            );
            self.rest(&format::ACTOR, a, laid_out::ACTOR);
            self.out.push_str("</section>\n");
        }
        self.out.push_str("</section>\n");
    }

    /// The heat map: one row per actor, one column per topic, each cell the position in
    /// colour, sign and word.
    fn stances(&mut self) {
        let b = self.b();
        if b.stances.is_empty() {
            return;
        }
        self.out
            .push_str("<section id=\"stances\">\n<h2>Stances</h2>\n<table>\n<tr><th>Actor</th>");
        for t in &b.topics {
            let _ = write!(self.out, "<th>{}</th>", esc(&t.name));
        }
        self.out.push_str("</tr>\n");
        for (a, actor) in b.actors.iter().enumerate() {
            let _ = write!(self.out, "<tr><th>{}</th>", esc(actor.label()));
            for topic in &b.topics {
                let stance = self.loaded.index.stances_by_actor[a]
                    .iter()
                    .map(|&s| &b.stances[s])
                    .find(|s| s.topic == topic.id);
                match stance {
                    Some(s) => {
                        let _ = write!(
                            self.out,
                            "<td title=\"{}\">{}</td>",
                            esc(&s.summary),
                            position(s.position)
                        );
                    }
                    None => self.out.push_str("<td class=\"dim\">—</td>"),
                }
            }
            self.out.push_str("</tr>\n");
        }
        self.out.push_str("</table>\n");
        for (t, topic) in b.topics.iter().enumerate() {
            let on_topic = &self.loaded.index.stances_by_topic[t];
            if on_topic.is_empty() {
                continue;
            }
            let _ = writeln!(self.out, "<h3>{}</h3>", esc(&topic.name));
            if let Some(description) = &topic.description {
                let _ = writeln!(self.out, "<p class=\"dim\">{}</p>", esc(description));
            }
            self.rest(&format::TOPIC, topic, laid_out::TOPIC);
            self.out.push_str("<ul>\n");
            for &s in on_topic {
                let s = &b.stances[s];
                let _ = writeln!(
                    self.out,
                    "<li><strong>{}</strong>: {} — {}{}</li>",
                    esc(&self.actor(&s.actor)),
                    position(s.position),
                    esc(&s.summary),
                    inline(&format::STANCE, s, laid_out::STANCE, esc)
                );
            }
            self.out.push_str("</ul>\n");
        }
        self.out.push_str("</section>\n");
    }

    fn quotes(&mut self) {
        let quotes = &self.b().quotes;
        if quotes.is_empty() {
            return;
        }
        self.out
            .push_str("<section id=\"quotes\">\n<h2>Quotes</h2>\n");
        for q in quotes {
            // Marked so that screen readers voice the words in their language, and
            // browsers pick fonts for them (Chinese and Japanese share code points).
            let lang = q
                .language
                .as_ref()
                .map_or(String::new(), |tag| format!(" lang=\"{}\"", esc(tag)));
            let _ = writeln!(
                self.out,
                "<blockquote>\n<p{lang}>“{}”</p>\n<footer>— <span class=\"speaker\">{}</span>, {}</footer>\n</blockquote>",
                esc(&q.text),
                esc(&q.speaker),
                esc(&self.actor(&q.actor))
            );
            if let Some(context) = &q.context {
                let _ = writeln!(self.out, "<p><em>Context:</em> {}</p>", esc(context));
            }
            let _ = writeln!(
                self.out,
                "<p class=\"dim\"><em>Source:</em> {}</p>",
                self.source(&q.source)
            );
            self.rest(&format::QUOTE, q, laid_out::QUOTE);
        }
        self.out.push_str("</section>\n");
    }

    fn risks(&mut self) {
        let b = self.b();
        if b.risks.is_empty() {
            return;
        }
        self.out
            .push_str("<section id=\"risks\">\n<h2>Risks</h2>\n");
        self.heat_map();
        self.out.push_str(
            "<p class=\"dim\">Most severe first; severity is likelihood × impact, from 1 to 9.</p>\n\
             <table>\n<tr><th>Severity</th><th>Risk</th><th>Likelihood</th><th>Impact</th><th>Actors</th></tr>\n",
        );
        let order = &self.loaded.index.risks_by_severity;
        for &r in order {
            let risk = &b.risks[r];
            let _ = writeln!(
                self.out,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                severity(risk.severity(), risk.score()),
                esc(&risk.title),
                risk.likelihood.word(),
                risk.impact.word(),
                esc(&self.actors_named(&risk.actors))
            );
        }
        self.out.push_str("</table>\n");
        for &r in order {
            let risk = &b.risks[r];
            let _ = writeln!(
                self.out,
                "<section class=\"item\">\n<h3>{} {}</h3>\n<p>{}</p>",
                severity(risk.severity(), risk.score()),
                esc(&risk.title),
                esc(&risk.description)
            );
            self.rest(&format::RISK, risk, laid_out::RISK);
            self.out.push_str("</section>\n");
        }
        self.out.push_str("</section>\n");
    }

    /// The heat map as the Risks pane draws it: likelihood down (high first), impact
    /// across, each cell the number of its risks, coloured and named by its severity.
    fn heat_map(&mut self) {
        let mut counts = [[0usize; 3]; 3];
        for risk in &self.b().risks {
            let (row, column) = App::heat_cell(risk.likelihood, risk.impact);
            counts[row][column] += 1;
        }
        self.out.push_str(
            "<table class=\"heat\">\n<caption>Heat map: risks by likelihood × impact</caption>\n\
             <tr><th>Likelihood \\ Impact</th>",
        );
        for impact in LEVELS_ACROSS {
            let _ = write!(self.out, "<th>{}</th>", impact.word());
        }
        self.out.push_str("</tr>\n");
        for (row, likelihood) in LEVELS_DOWN.iter().enumerate() {
            let _ = write!(self.out, "<tr><th>{}</th>", likelihood.word());
            for (column, impact) in LEVELS_ACROSS.iter().enumerate() {
                let severity = Severity::from_score(likelihood.weight() * impact.weight());
                let _ = write!(
                    self.out,
                    "<td class=\"severity {word}\">{} <span class=\"dim\">{word}</span></td>",
                    counts[row][column],
                    word = severity.word()
                );
            }
            self.out.push_str("</tr>\n");
        }
        self.out.push_str("</table>\n");
    }

    fn questions(&mut self) {
        let questions = &self.b().questions;
        if questions.is_empty() {
            return;
        }
        self.out
            .push_str("<section id=\"questions\">\n<h2>Questions</h2>\n<ol>\n");
        for q in questions {
            let _ = write!(
                self.out,
                "<li><strong>{}</strong> {}",
                esc(&q.question),
                esc(&q.why)
            );
            if !q.actors.is_empty() {
                let _ = write!(
                    self.out,
                    " <em>(Actors: {})</em>",
                    esc(&self.actors_named(&q.actors))
                );
            }
            let rest = inline(&format::QUESTION, q, laid_out::QUESTION, esc);
            self.out.push_str(&rest);
            if !q.watch.is_empty() {
                self.out.push_str("\n<ul>");
                for w in &q.watch {
                    let _ = write!(self.out, "<li>Watch: {}</li>", esc(w));
                }
                self.out.push_str("</ul>");
            }
            self.out.push_str("</li>\n");
        }
        self.out.push_str("</ol>\n</section>\n");
    }

    fn timeline(&mut self) {
        let timeline = &self.b().timeline;
        if timeline.is_empty() {
            return;
        }
        self.out
            .push_str("<section id=\"timeline\">\n<h2>Timeline</h2>\n<table>\n<tr><th>Date</th><th>Event</th><th>Source</th></tr>\n");
        for e in self
            .loaded
            .index
            .timeline_by_date
            .iter()
            .map(|&e| &timeline[e])
        {
            let source = e
                .source
                .as_deref()
                .map(|s| self.source(s))
                .unwrap_or_default();
            let _ = writeln!(
                self.out,
                "<tr><td>{}</td><td>{}{}</td><td>{source}</td></tr>",
                esc(&e.date),
                esc(&e.event),
                inline(&format::EVENT, e, laid_out::EVENT, esc)
            );
        }
        self.out.push_str("</table>\n</section>\n");
    }

    fn sources(&mut self) {
        let sources = &self.b().sources;
        if sources.is_empty() {
            return;
        }
        self.out
            .push_str("<section id=\"sources\">\n<h2>Sources</h2>\n<ul>\n");
        for s in sources {
            let title = match s.url.as_deref().filter(|u| is_web_address(u)) {
                Some(url) => format!(
                    "<a href=\"{}\"><cite>{}</cite></a>",
                    esc(url),
                    esc(&s.title)
                ),
                None => format!("<cite>{}</cite>", esc(&s.title)),
            };
            let _ = write!(
                self.out,
                "<li id=\"{}\">{}: {title}",
                esc(&source_anchor(&s.id)),
                esc(&s.outlet)
            );
            if let Some(url) = s.url.as_deref().filter(|u| !is_web_address(u)) {
                let _ = write!(self.out, " {}", esc(url));
            }
            if let Some(note) = &s.note {
                let _ = write!(self.out, "<br><span class=\"dim\">{}</span>", esc(note));
            }
            if let Some(file) = &s.file {
                let _ = write!(
                    self.out,
                    "<br><span class=\"dim\">Local copy: {}</span>",
                    esc(file)
                );
            }
            let rest = inline(&format::SOURCE, s, laid_out::SOURCE, esc);
            self.out.push_str(&rest);
            self.out.push_str("</li>\n");
        }
        self.out.push_str("</ul>\n</section>\n");
    }
}

fn position(position: Position) -> String {
    format!(
        "<span class=\"position {word}\">{} {word}</span>",
        position.sign(),
        word = position.word()
    )
}

fn severity(severity: Severity, score: u8) -> String {
    format!(
        "<span class=\"severity {word}\">{} {word} ({score})</span>",
        severity.bar(),
        word = severity.word()
    )
}

/// Text as HTML text or attribute value.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            esc("<script>alert('x') & \"y\"</script>"),
            "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;"
        );
    }
}
