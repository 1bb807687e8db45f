//! Benchmarks for issue 5 ("as instant as `less`, and a hundred times larger"); the
//! numbers and how to read them are in docs/PERFORMANCE.md.
//!
//! Two briefings: the bundled one (30 KB) and a generated one of about 3 MB (400 actors,
//! 2,000 stances, 10,000 quotes, 1,000 risks, 500 questions), made in the setup by the
//! same generator as `cargo run --example gen` (benches/support/generate.rs).
//!
//! Frames are drawn as the runtime draws them, into ratatui's `TestBackend` through
//! `Harness::render`, which does not copy the screen out afterwards.
//!
//! `cargo bench --bench brief`; one group: `cargo bench --bench brief -- frame/big`.

#[path = "support/generate.rs"]
mod generate;

use brief::app::Origin;
use brief::briefing::{self, Loaded};
#[allow(dead_code)]
#[path = "../tests/common/harness.rs"]
mod harness;
use criterion::{Criterion, SamplingMode, criterion_group, criterion_main};
use harness::Harness;
use ratatui::crossterm::event::KeyCode;
use std::hint::black_box;
use std::path::PathBuf;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// The allocator the `brief` binary uses (src/main.rs), so that loads and reloads cost here
/// what they cost there.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const WIDTH: u16 = 120;
const HEIGHT: u16 = 40;

/// The panes by their digit key.
const PANES: [(char, &str); 7] = [
    ('1', "summary"),
    ('2', "actors"),
    ('3', "quotes"),
    ('4', "risks"),
    ('5', "questions"),
    ('6', "stances"),
    ('7', "timeline"),
];

struct Fixture {
    name: &'static str,
    text: String,
    loaded: Loaded,
}

impl Fixture {
    fn harness(&self) -> Harness {
        let origin = if self.name == "bundled" {
            Origin::Bundled
        } else {
            Origin::File(PathBuf::from("big.yaml"))
        };
        Harness::new(origin, Ok(self.loaded.clone()), WIDTH, HEIGHT)
    }

    /// A harness showing the pane of the given digit key.
    fn harness_on(&self, digit: char) -> Harness {
        let mut h = self.harness();
        h.keys(&digit.to_string());
        h
    }
}

fn load(name: &'static str, text: String) -> Fixture {
    let loaded = briefing::parse(&text).unwrap_or_else(|e| {
        panic!(
            "the {name} briefing does not load: {:?}",
            e.first_error().message
        )
    });
    Fixture { name, text, loaded }
}

fn fixtures() -> &'static [Fixture; 2] {
    static FIXTURES: OnceLock<[Fixture; 2]> = OnceLock::new();
    FIXTURES.get_or_init(|| {
        let big = generate::generate(&generate::Spec::big());
        [
            load("bundled", briefing::BUNDLED_TEXT.to_owned()),
            load("big", big),
        ]
    })
}

fn load_validate(c: &mut Criterion) {
    let mut group = c.benchmark_group("load");
    // The 3 MB load takes a quarter of a second: equal-sized samples keep it short.
    group.sample_size(10).sampling_mode(SamplingMode::Flat);
    for f in fixtures() {
        group.throughput(criterion::Throughput::Bytes(f.text.len() as u64));
        group.bench_function(f.name, |b| {
            b.iter(|| briefing::parse(black_box(&f.text)).is_ok())
        });
    }
    group.finish();
}

/// How fast a hostile file is refused: the parser's budgets (events, depth) bound the
/// work, and this is where their cost is measured rather than in a timed test.
fn refuse_hostile(c: &mut Criterion) {
    let mut group = c.benchmark_group("refuse");
    group.sample_size(10).sampling_mode(SamplingMode::Flat);
    for name in ["alias-bomb", "deep"] {
        let text = std::fs::read_to_string(format!("tests/fixtures/hostile/{name}.yaml"))
            .expect("a hostile fixture");
        group.bench_function(name, |b| {
            b.iter(|| briefing::parse(black_box(&text)).is_err())
        });
    }
    group.finish();
}

/// One full frame of each pane, nothing changed since the last (what a redraw costs).
fn frame(c: &mut Criterion) {
    for f in fixtures() {
        let mut group = c.benchmark_group(format!("frame/{}", f.name));
        for (digit, pane) in PANES {
            let mut h = f.harness_on(digit);
            group.bench_function(pane, |b| b.iter(|| h.render()));
        }
        group.finish();
    }
}

/// A key that moves the selection, with the frame it causes: `j` on each list pane.
///
/// `key-j/bundled` and `key-j/big` make the same walk: `j` down the first N items, N the
/// length of the bundled briefing's list, then back to the top untimed. Only the size of
/// the briefing differs. `key-j-scrolling/big` walks all 10,000 items: past the first
/// screen every key scrolls the list, which a bundled list (6 to 28 rows) never does.
fn key(c: &mut Criterion) {
    let [bundled, big] = fixtures();
    let walks = [
        ("key-j/bundled", bundled, false),
        ("key-j/big", big, false),
        ("key-j-scrolling/big", big, true),
    ];
    for (name, f, whole_list) in walks {
        let mut group = c.benchmark_group(name);
        for (digit, pane) in &PANES[1..] {
            let mut h = f.harness_on(*digit);
            let pane_id = h.app.pane;
            let bundled_rows = bundled.harness_on(*digit).app.rows(pane_id).len();
            let rows = if whole_list {
                h.app.rows(pane_id).len()
            } else {
                bundled_rows
            };
            let last = rows.saturating_sub(1);
            group.bench_function(*pane, |b| {
                b.iter_custom(|iters| time_j_presses(&mut h, pane_id, last, iters))
            });
        }
        group.finish();
    }
    // End (G) from the first of 10,000 quotes to the last, with its frame.
    let mut group = c.benchmark_group("key-end/big");
    let mut h = big.harness_on('3');
    group.bench_function("quotes", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                h.key(KeyCode::Home);
                h.render();
                let start = Instant::now();
                h.key(KeyCode::End);
                h.render();
                total += start.elapsed();
            }
            total
        })
    });
    group.finish();
}

/// A reload as the watcher delivers it: the saved file read and parsed whole by the reload
/// thread, handed to the app, drawn.
/// Each save changes one quote's text, so the change marks are computed too.
/// `reload/big-replaced` alternates between two different 3 MB briefings: every item
/// changes and the whole file is parsed each time.
fn reload(c: &mut Criterion) {
    let mut group = c.benchmark_group("reload");
    group.sample_size(10).sampling_mode(SamplingMode::Flat);
    let other_big = generate::generate(&generate::Spec {
        seed: 7,
        ..generate::Spec::big()
    });
    let cases = [
        ("bundled", &fixtures()[0], None),
        ("big", &fixtures()[1], None),
        ("big-replaced", &fixtures()[1], Some(other_big)),
    ];
    for (name, f, other) in cases {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let path = dir.path().join("briefing.yaml");
        let saves = [
            other.unwrap_or_else(|| f.text.replacen("text: \"", "text: \"Edited: ", 1)),
            f.text.clone(),
        ];
        std::fs::write(&path, &saves[1]).expect("writing the briefing");
        let mut h = Harness::new(
            Origin::File(path.clone()),
            briefing::load_file(&path, briefing::Budget::default()),
            WIDTH,
            HEIGHT,
        );
        h.keys("3");
        let mut n = 0usize;
        group.bench_function(name, |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    n += 1;
                    std::fs::write(&path, &saves[n % 2]).expect("saving the briefing");
                    let start = Instant::now();
                    h.reloaded(briefing::load_file(&path, briefing::Budget::default()));
                    h.render();
                    total += start.elapsed();
                    // What the runtime frees after the frame is on screen.
                    drop(h.app.take_replaced());
                }
                total
            })
        });
    }
    group.finish();
}

/// How cost grows with size: 1x, 10x and 100x the bundled briefing's counts
/// (`gen --scale K`), each loaded, drawn on every pane, and moved on every list pane.
/// Shorter runs than the groups above: these are for the growth table.
fn growth(c: &mut Criterion) {
    for k in [1usize, 10, 100] {
        let text = generate::generate(&generate::Spec::scale(k));
        let fixture = load("scaled", text);
        let mut group = c.benchmark_group(format!("growth/x{k}"));
        group
            .sample_size(10)
            .warm_up_time(Duration::from_millis(300))
            .measurement_time(Duration::from_secs(1));
        group.sampling_mode(SamplingMode::Flat);
        group.bench_function("load", |b| {
            b.iter(|| briefing::parse(black_box(&fixture.text)).is_ok())
        });
        for (digit, pane) in PANES {
            let mut h = fixture.harness_on(digit);
            group.bench_function(format!("frame-{pane}"), |b| b.iter(|| h.render()));
        }
        for (digit, pane) in &PANES[1..] {
            let mut h = fixture.harness_on(*digit);
            let pane_id = h.app.pane;
            let last = h.app.rows(pane_id).len().saturating_sub(1);
            group.bench_function(format!("key-j-{pane}"), |b| {
                b.iter_custom(|iters| time_j_presses(&mut h, pane_id, last, iters))
            });
        }
        group.finish();
    }
}

/// `iters` presses of `j` with their frames, timed; at the end of the list the
/// selection goes back to the top, untimed.
fn time_j_presses(h: &mut Harness, pane: brief::app::Pane, last: usize, iters: u64) -> Duration {
    let mut total = Duration::ZERO;
    for _ in 0..iters {
        if h.app.state(pane).selected >= last {
            h.keys("g");
            h.render();
        }
        let start = Instant::now();
        h.keys("j");
        h.render();
        total += start.elapsed();
    }
    total
}

/// A key on the views of issue 11 next to the same key on a plain list, each with its
/// frame: `views/NAME/list-j` is the baseline. The keys go back and forth so that every
/// press moves something (`jk` down and up again, `lh` across and back).
///
/// `cargo bench --bench brief -- views/`
fn views(c: &mut Criterion) {
    for f in fixtures() {
        let mut group = c.benchmark_group(format!("views/{}", f.name));
        // (name, keys to get there, a search to type and keep, the keys timed)
        let cases: [(&str, &str, Option<&str>, &str); 6] = [
            ("list-j", "2", None, "jk"),
            ("matrix-j", "6", None, "jk"),
            ("matrix-l", "6", None, "lh"),
            ("heat-map-j", "4m", None, "jk"),
            ("search-list-j", "2", Some("/a"), "jk"),
            ("search-n", "2", Some("/a"), "nN"),
        ];
        for (name, setup, search, keys) in cases {
            let mut h = f.harness();
            h.keys(setup);
            if let Some(search) = search {
                h.keys(search);
                h.key(KeyCode::Enter);
            }
            h.render();
            let keys: Vec<char> = keys.chars().collect();
            group.bench_function(name, |b| {
                b.iter_custom(|iters| {
                    let mut total = Duration::ZERO;
                    for n in 0..iters {
                        let key = keys[n as usize % keys.len()];
                        let start = Instant::now();
                        h.keys(&key.to_string());
                        h.render();
                        total += start.elapsed();
                    }
                    total
                })
            });
        }
        group.finish();
    }
}

fn config() -> Criterion {
    Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
}

criterion_group! {
    name = benches;
    config = config();
    targets = load_validate, refuse_hostile, frame, key, reload, growth, views
}
criterion_main!(benches);
