//! A generator of large, valid briefings, shared by `examples/gen.rs`, the benchmarks
//! (`benches/brief.rs`) and the scale tests (`tests/scale.rs`) through
//! `#[path = "..."] mod generate;`, so that all three use one copy.
//!
//! Deterministic: the same `Spec` (seed included) always gives the same text. Every
//! reference resolves, every actor has a stance on every topic, every quote has a
//! context, and the text mixes lengths and scripts (Latin, Cyrillic, CJK).
#![allow(dead_code)]

use std::fmt::Write as _;

/// How many of each item to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spec {
    pub actors: usize,
    pub topics: usize,
    pub quotes: usize,
    pub risks: usize,
    pub questions: usize,
    pub timeline: usize,
    pub sources: usize,
    pub seed: u64,
}

/// The bundled briefing's counts (`briefings/belarus-us-thaw.yaml`).
pub const BUNDLED: Spec = Spec {
    actors: 7,
    topics: 4,
    quotes: 12,
    risks: 6,
    questions: 7,
    timeline: 6,
    sources: 1,
    seed: 1,
};

/// Default topic count for explicit counts: 400 actors x 5 topics = 2,000 stances, which
/// with 10,000 quotes, 1,000 risks and 500 questions makes a file of about 3 MB.
pub const DEFAULT_TOPICS: usize = 5;
pub const DEFAULT_SEED: u64 = 0x5EED_B41E_F000_0001;

impl Spec {
    /// The "3 MB briefing" of issue 5: 400 actors, 10,000 quotes, 1,000 risks, 500
    /// questions, 5 topics (2,000 stances).
    pub fn big() -> Self {
        Self {
            actors: 400,
            topics: DEFAULT_TOPICS,
            quotes: 10_000,
            risks: 1_000,
            questions: 500,
            timeline: 200,
            sources: 40,
            seed: DEFAULT_SEED,
        }
    }

    /// `k` times the bundled briefing's counts. Topics stay at the bundled 4, so stances
    /// (one per actor and topic) grow by `k` too: 28k.
    pub fn scale(k: usize) -> Self {
        let k = k.max(1);
        Self {
            actors: BUNDLED.actors * k,
            topics: BUNDLED.topics,
            quotes: BUNDLED.quotes * k,
            risks: BUNDLED.risks * k,
            questions: BUNDLED.questions * k,
            timeline: BUNDLED.timeline * k,
            sources: BUNDLED.sources * k,
            seed: DEFAULT_SEED,
        }
    }

    pub fn stances(&self) -> usize {
        self.actors * self.topics
    }
}

/// xorshift64*: small, fast, and good enough for test data.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed.max(1))
    }

    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// A number in `lo..=hi`.
    pub fn between(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }

    /// True one time in `n`.
    pub fn one_in(&mut self, n: usize) -> bool {
        self.below(n) == 0
    }
}

const WORDS: &[&str] = &[
    "sanctions",
    "relief",
    "prisoners",
    "release",
    "talks",
    "envoy",
    "minister",
    "pressure",
    "negotiations",
    "border",
    "exports",
    "potash",
    "leverage",
    "regime",
    "opposition",
    "elections",
    "ceasefire",
    "agreement",
    "pipeline",
    "shipping",
    "ports",
    "tariffs",
    "security",
    "guarantees",
    "alliance",
    "summit",
    "delegation",
    "statement",
    "officials",
    "parliament",
    "committee",
    "reform",
    "crackdown",
    "protests",
    "media",
    "journalists",
    "observers",
    "monitoring",
    "implementation",
    "timeline",
    "deadline",
    "framework",
    "concessions",
    "demands",
    "signals",
    "channel",
    "dialogue",
    "normalisation",
    "embassy",
    "visa",
    "trade",
    "investment",
    "energy",
    "grain",
    "corridor",
    "airspace",
    "military",
    "exercises",
    "troops",
    "drones",
    "refugees",
    "humanitarian",
    "aid",
    "budget",
    "currency",
    "inflation",
    "banks",
    "assets",
    "frozen",
    "court",
    "ruling",
    "appeal",
    "pardon",
    "detention",
    "amnesty",
    "network",
    "coalition",
    "partners",
    "neighbours",
    "region",
    "the",
    "a",
    "of",
    "and",
    "to",
    "in",
    "on",
    "for",
    "with",
    "after",
    "before",
    "while",
    "is",
    "was",
    "will",
    "may",
    "could",
    "would",
    "not",
    "only",
    "more",
    "less",
    "new",
];

const CYRILLIC: &[&str] = &[
    "санкции",
    "переговоры",
    "освобождение",
    "заключённые",
    "граница",
    "калий",
    "оппозиция",
    "министерство",
    "соглашение",
    "давление",
    "Минск",
    "Москва",
];

const CJK: &[&str] = &[
    "制裁",
    "交渉",
    "釈放",
    "国境",
    "輸出",
    "合意",
    "外務省",
    "北極海航路",
    "日本郵船",
    "代表団",
    "声明",
    "安全保障",
];

const GIVEN: &[&str] = &[
    "John",
    "Maria",
    "Sviatlana",
    "Ales",
    "Anna",
    "Pavel",
    "Olga",
    "Tomas",
    "Ingrid",
    "Kenji",
    "Yuki",
    "Amira",
    "David",
    "Elena",
    "Viktor",
    "Sofia",
    "Marek",
    "Lena",
    "Алексей",
    "Наталья",
    "Дмитрий",
    "健太",
    "美咲",
];

const FAMILY: &[&str] = &[
    "Coale",
    "Kolesnikova",
    "Bialiatski",
    "Novak",
    "Petrov",
    "Lindqvist",
    "Tanaka",
    "Haddad",
    "Okafor",
    "Moreau",
    "Schmidt",
    "Kowalski",
    "Ivanova",
    "Sato",
    "García",
    "Смирнов",
    "Кузнецова",
    "山田",
    "鈴木",
];

const ORG_NOUNS: &[&str] = &[
    "Ministry of Foreign Affairs",
    "Council",
    "Union",
    "Federation",
    "Institute",
    "Movement",
    "Front",
    "Alliance",
    "Agency",
    "Committee",
    "Bank",
    "Chamber of Commerce",
    "Министерство иностранных дел",
    "外務省",
    "Human Rights Centre",
    "Shipping Company",
];

const PLACES: &[&str] = &[
    "Northland",
    "Eastmark",
    "Riverton",
    "Baltia",
    "Carpathia",
    "Westvale",
    "Arcadia",
    "Беларусь",
    "Polesia",
    "日本",
    "Kaliningrad",
    "Lithuania",
    "Harbourtown",
    "Svalbard",
];

const KINDS: &[&str] = &["government", "organisation", "movement", "person", "bloc"];
const POSITIONS: &[&str] = &["supports", "opposes", "mixed", "neutral", "unclear"];
const LEVELS: &[&str] = &["low", "medium", "high"];
const OUTLETS: &[&str] = &[
    "CBS News",
    "Reuters",
    "The Associated Press",
    "Belta",
    "Meduza",
    "NHK",
    "Le Monde",
    "Der Spiegel",
    "Gazeta Wyborcza",
    "Harbour Gazette",
];

/// A sentence of about `words` words, mostly English, sometimes with Cyrillic or CJK.
fn sentence(rng: &mut Rng, words: usize) -> String {
    let mut out = String::new();
    let script = rng.below(12);
    for n in 0..words.max(1) {
        let word = match script {
            0 if n % 3 == 1 => rng.pick(CYRILLIC),
            1 if n % 4 == 2 => rng.pick(CJK),
            _ => rng.pick(WORDS),
        };
        if n == 0 {
            let mut chars = word.chars();
            if let Some(first) = chars.next() {
                out.extend(first.to_uppercase());
                out.push_str(chars.as_str());
            }
        } else {
            out.push(if rng.one_in(9) { ',' } else { ' ' });
            if out.ends_with(',') {
                out.push(' ');
            }
            out.push_str(word);
        }
    }
    out.push('.');
    out
}

/// One to `max` sentences of `lo..=hi` words each.
fn paragraph(rng: &mut Rng, max: usize, lo: usize, hi: usize) -> String {
    let n = rng.between(1, max);
    let mut out = String::new();
    for i in 0..n {
        if i > 0 {
            out.push(' ');
        }
        let words = rng.between(lo, hi);
        out.push_str(&sentence(rng, words));
    }
    out
}

fn person_name(rng: &mut Rng) -> String {
    format!("{} {}", rng.pick(GIVEN), rng.pick(FAMILY))
}

/// A YAML double-quoted scalar.
fn q(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            _ => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A `key:` with a block list of quoted texts, at `indent` spaces.
fn text_list(out: &mut String, indent: &str, key: &str, items: &[String]) {
    if items.is_empty() {
        return;
    }
    let _ = writeln!(out, "{indent}{key}:");
    for item in items {
        let _ = writeln!(out, "{indent}  - {}", q(item));
    }
}

/// A `key: [a, b]` flow list of ids.
fn id_list(out: &mut String, indent: &str, key: &str, ids: &[String]) {
    if ids.is_empty() {
        return;
    }
    let _ = writeln!(out, "{indent}{key}: [{}]", ids.join(", "));
}

pub fn actor_id(i: usize) -> String {
    format!("actor-{i:04}")
}

pub fn topic_id(i: usize) -> String {
    format!("topic-{i:02}")
}

pub fn quote_id(i: usize) -> String {
    format!("q-{i:05}")
}

pub fn source_id(i: usize) -> String {
    format!("src-{i:03}")
}

/// The quotes' actors: quote `i` is by actor `i % actors`, so each actor has some.
pub fn quote_actor(i: usize, actors: usize) -> usize {
    i % actors.max(1)
}

/// The speaker of quote `i` (also used by the scale test to find it on screen).
pub fn speaker(seed: u64, i: usize) -> String {
    let mut rng = Rng::new(seed ^ (i as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15));
    person_name(&mut rng)
}

/// Generates a briefing. With no actors, quotes cannot be generated either (a quote
/// needs a speaker's actor), so they are skipped.
pub fn generate(spec: &Spec) -> String {
    let mut rng = Rng::new(spec.seed);
    let sources = spec.sources.max(1);
    let mut out = String::with_capacity(
        spec.quotes * 260 + spec.stances() * 250 + spec.risks * 600 + spec.actors * 900 + 4096,
    );
    let _ = writeln!(
        out,
        "# Generated by `cargo run --release --example gen` ({} actors, {} topics, {} stances, {} quotes, {} risks, {} questions, {} timeline events, seed {}).",
        spec.actors,
        spec.topics,
        spec.stances(),
        spec.quotes,
        spec.risks,
        spec.questions,
        spec.timeline,
        spec.seed
    );
    let _ = writeln!(
        out,
        "title: {}",
        q(&format!(
            "Generated briefing: {} actors, {} quotes",
            spec.actors, spec.quotes
        ))
    );
    out.push_str("as_of: 2026-11-27\n\nsources:\n");
    for s in 0..sources {
        let _ = writeln!(out, "  - id: {}", source_id(s));
        let _ = writeln!(out, "    outlet: {}", q(rng.pick(OUTLETS)));
        let _ = writeln!(out, "    title: {}", q(&sentence(&mut rng, 8 + s % 7)));
        if rng.one_in(2) {
            let _ = writeln!(
                out,
                "    url: https://example.invalid/generated/{}",
                source_id(s)
            );
        }
        if rng.one_in(3) {
            let _ = writeln!(out, "    note: {}", q(&paragraph(&mut rng, 2, 8, 20)));
        }
    }

    out.push_str("\nsummary:\n");
    let _ = writeln!(out, "  bluf: {}", q(&paragraph(&mut rng, 5, 12, 30)));
    let points: Vec<String> = (0..8).map(|_| paragraph(&mut rng, 2, 10, 30)).collect();
    text_list(&mut out, "  ", "key_points", &points);
    let caveats: Vec<String> = (0..10).map(|_| paragraph(&mut rng, 3, 10, 30)).collect();
    text_list(&mut out, "  ", "caveats", &caveats);

    out.push_str("\nactors:\n");
    for a in 0..spec.actors {
        let kind = KINDS[a % KINDS.len()];
        let name = match kind {
            "person" => person_name(&mut rng),
            "government" => format!("Government of {} {}", rng.pick(PLACES), a),
            _ => format!("{} {} {}", rng.pick(PLACES), rng.pick(ORG_NOUNS), a),
        };
        let _ = writeln!(out, "  - id: {}", actor_id(a));
        let _ = writeln!(out, "    name: {}", q(&name));
        if rng.one_in(2) {
            let _ = writeln!(out, "    short: {}", q(&format!("A{a}")));
        }
        let _ = writeln!(out, "    kind: {kind}");
        let _ = writeln!(out, "    role: {}", q(&paragraph(&mut rng, 2, 6, 18)));
        let _ = writeln!(out, "    stance: {}", q(&paragraph(&mut rng, 2, 6, 20)));
        let interests: Vec<String> = (0..rng.below(4))
            .map(|_| sentence(&mut rng, 6 + a % 9))
            .collect();
        text_list(&mut out, "    ", "interests", &interests);
        let leverage: Vec<String> = (0..rng.below(4))
            .map(|_| sentence(&mut rng, 4 + a % 7))
            .collect();
        text_list(&mut out, "    ", "leverage", &leverage);
        let people = rng.below(3);
        if people > 0 {
            out.push_str("    people:\n");
            for _ in 0..people {
                let _ = writeln!(out, "      - name: {}", q(&person_name(&mut rng)));
                let _ = writeln!(out, "        role: {}", q(&sentence(&mut rng, 3)));
            }
        }
    }

    out.push_str("\ntopics:\n");
    for t in 0..spec.topics {
        let _ = writeln!(out, "  - id: {}", topic_id(t));
        let _ = writeln!(out, "    name: {}", q(&sentence(&mut rng, 3 + t % 4)));
        let _ = writeln!(
            out,
            "    description: {}",
            q(&paragraph(&mut rng, 2, 10, 24))
        );
    }

    // A stance per actor and topic; each cites up to three of its actor's quotes.
    let quoted = spec.actors > 0 && spec.quotes > 0;
    out.push_str("\nstances:\n");
    for t in 0..spec.topics {
        for a in 0..spec.actors {
            let _ = writeln!(out, "  - actor: {}", actor_id(a));
            let _ = writeln!(out, "    topic: {}", topic_id(t));
            let _ = writeln!(out, "    position: {}", rng.pick(POSITIONS));
            let _ = writeln!(
                out,
                "    summary: {}",
                q(&sentence(&mut rng, 3 + (a + t) % 10))
            );
            if quoted && a < spec.quotes {
                // Quotes by actor `a` are a, a + actors, a + 2 * actors, ...
                let own = (spec.quotes - a).div_ceil(spec.actors);
                let cites: Vec<String> = (0..rng.below(4).min(own))
                    .map(|_| quote_id(a + rng.below(own) * spec.actors))
                    .collect();
                id_list(&mut out, "    ", "quotes", &cites);
            }
        }
    }

    out.push_str("\nquotes:\n");
    if spec.actors > 0 {
        for i in 0..spec.quotes {
            let _ = writeln!(out, "  - id: {}", quote_id(i));
            let _ = writeln!(out, "    speaker: {}", q(&speaker(spec.seed, i)));
            let _ = writeln!(out, "    actor: {}", actor_id(quote_actor(i, spec.actors)));
            // Mostly short fragments, sometimes a long passage.
            let words = if rng.one_in(10) {
                rng.between(10, 30)
            } else {
                rng.between(2, 8)
            };
            let _ = writeln!(out, "    text: {}", q(&sentence(&mut rng, words)));
            let words = rng.between(1, 4);
            let _ = writeln!(out, "    context: {}", q(&sentence(&mut rng, words)));
            let _ = writeln!(out, "    source: {}", source_id(rng.below(sources)));
        }
    }

    out.push_str("\nrisks:\n");
    for r in 0..spec.risks {
        let _ = writeln!(out, "  - id: risk-{r:04}");
        let _ = writeln!(out, "    title: {}", q(&sentence(&mut rng, 3 + r % 6)));
        let description = paragraph(&mut rng, 2, 5, 12);
        if r % 5 == 0 {
            // Some descriptions as folded block scalars.
            let _ = writeln!(out, "    description: >-\n      {description}");
        } else {
            let _ = writeln!(out, "    description: {}", q(&description));
        }
        // Every likelihood x impact pair in turn.
        let _ = writeln!(out, "    likelihood: {}", LEVELS[r % 3]);
        let _ = writeln!(out, "    impact: {}", LEVELS[(r / 3) % 3]);
        if spec.actors > 0 {
            let actors = some_actors(&mut rng, spec.actors);
            id_list(&mut out, "    ", "actors", &actors);
        }
        let indicators: Vec<String> = (0..rng.between(1, 3))
            .map(|_| sentence(&mut rng, rng_words(r)))
            .collect();
        text_list(&mut out, "    ", "indicators", &indicators);
    }

    out.push_str("\nquestions:\n");
    for n in 0..spec.questions {
        let _ = writeln!(out, "  - id: question-{n:04}");
        let mut question = sentence(&mut rng, 6 + n % 14);
        question.pop();
        question.push('?');
        let _ = writeln!(out, "    question: {}", q(&question));
        let _ = writeln!(out, "    why: {}", q(&paragraph(&mut rng, 2, 6, 18)));
        if spec.actors > 0 {
            let actors = some_actors(&mut rng, spec.actors);
            id_list(&mut out, "    ", "actors", &actors);
        }
        let watch: Vec<String> = (0..rng.between(1, 3))
            .map(|_| sentence(&mut rng, 3 + n % 5))
            .collect();
        text_list(&mut out, "    ", "watch", &watch);
    }

    out.push_str("\ntimeline:\n");
    for e in 0..spec.timeline {
        let year = 2000 + e * 26 / spec.timeline.max(1);
        let _ = writeln!(
            out,
            "  - date: \"{year}-{:02}-{:02}\"",
            1 + e % 12,
            1 + e % 28
        );
        let _ = writeln!(out, "    event: {}", q(&paragraph(&mut rng, 2, 8, 26)));
        if !rng.one_in(4) {
            let _ = writeln!(out, "    source: {}", source_id(rng.below(sources)));
        }
    }
    out
}

/// One to four distinct actor ids.
fn some_actors(rng: &mut Rng, actors: usize) -> Vec<String> {
    let mut picked: Vec<usize> = (0..rng.between(1, 4)).map(|_| rng.below(actors)).collect();
    picked.sort_unstable();
    picked.dedup();
    picked.into_iter().map(actor_id).collect()
}

fn rng_words(n: usize) -> usize {
    4 + n % 6
}

/// Parses the generator's command line (without the program name). Returns the spec,
/// or a message for a bad or `--help` argument.
pub fn parse_args(args: &[String]) -> Result<Spec, String> {
    let mut spec = Spec::big();
    let mut scale: Option<usize> = None;
    let mut explicit = Vec::new();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let (key, inline) = match arg.split_once('=') {
            Some((k, v)) => (k, Some(v.to_owned())),
            None => (arg.as_str(), None),
        };
        if key == "-h" || key == "--help" {
            return Err(USAGE.to_owned());
        }
        let value = match inline {
            Some(v) => v,
            None => it
                .next()
                .cloned()
                .ok_or_else(|| format!("{key} needs a value\n\n{USAGE}"))?,
        };
        let number = || -> Result<u64, String> {
            value
                .parse::<u64>()
                .map_err(|_| format!("{key}: `{value}` is not a whole number"))
        };
        let count = || number().map(|n| n as usize);
        match key {
            "--actors" => spec.actors = count()?,
            "--topics" => spec.topics = count()?,
            "--quotes" => spec.quotes = count()?,
            "--risks" => spec.risks = count()?,
            "--questions" => spec.questions = count()?,
            "--timeline" => spec.timeline = count()?,
            "--sources" => spec.sources = count()?,
            "--seed" => spec.seed = number()?,
            "--scale" => scale = Some(count()?),
            other => return Err(format!("unknown argument `{other}`\n\n{USAGE}")),
        }
        if key != "--seed" && key != "--scale" {
            explicit.push(key.to_owned());
        }
    }
    if let Some(k) = scale {
        if !explicit.is_empty() {
            return Err(format!(
                "--scale sets every count; it cannot be combined with {}",
                explicit.join(", ")
            ));
        }
        if k == 0 {
            return Err("--scale must be at least 1".to_owned());
        }
        let seed = spec.seed;
        spec = Spec::scale(k);
        spec.seed = seed;
    }
    Ok(spec)
}

pub const USAGE: &str = "\
usage: gen [--actors N] [--topics N] [--quotes N] [--risks N] [--questions N]
           [--timeline N] [--sources N] [--seed S]
       gen --scale K [--seed S]

Writes a valid briefing to standard output. Defaults: 400 actors, 5 topics (2,000
stances), 10,000 quotes, 1,000 risks, 500 questions, 200 timeline events, 40 sources:
about 3 MB. --scale K gives K times the bundled briefing's counts (7 actors, 4 topics,
28 stances, 12 quotes, 6 risks, 7 questions, 6 timeline events, 1 source).";
