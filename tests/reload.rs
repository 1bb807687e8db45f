//! The live reload holds what a fresh load of the saved text gives: a random sequence of
//! edits (lines inserted, deleted and replaced; the document turned into flow style and
//! back) is saved step by step, and after every step the reload thread's result equals
//! `brief check`'s reading of the same file, diagnostics and positions included.

use brief::briefing::{self, Budget};
use brief::runtime::watch::{self, Delivery, Request};
use proptest::prelude::*;
use std::sync::mpsc;
use std::time::Duration;

mod common;
use common::yaml::{Dice, Style, emit, from_model};

const BASE: &str = include_str!("fixtures/good/arctic-shipping.yaml");

#[derive(Debug, Clone)]
enum Edit {
    Insert(usize, &'static str),
    Delete(usize),
    Replace(usize, &'static str),
    /// The whole document written again in flow style (or block, or mixed), by `dice`.
    Respell(u8, Vec<u8>),
}

const LINES: &[&str] = &[
    "",
    "# a comment",
    "title: NO",
    "title: Edited title,",
    "  - id: extra",
    "    name: 0x1F",
    "  short: 1.10",
    "{",
    "}",
    "title: Large test}",
    "  - {id: z, name: \"Лукашенко\", kind: person, role: r, stance: s}",
    "timeline: [{date: 2026, event: y}]",
    "\tbad: tab",
    "key: \"unterminated",
    "---",
];

fn edit() -> impl Strategy<Value = Edit> {
    let line = prop::sample::select(LINES);
    prop_oneof![
        (any::<usize>(), line.clone()).prop_map(|(at, l)| Edit::Insert(at, l)),
        any::<usize>().prop_map(Edit::Delete),
        (any::<usize>(), line).prop_map(|(at, l)| Edit::Replace(at, l)),
        (0..3u8, prop::collection::vec(any::<u8>(), 8..64))
            .prop_map(|(style, dice)| Edit::Respell(style, dice)),
    ]
}

fn apply(text: &str, edit: &Edit) -> String {
    let mut lines: Vec<&str> = text.split('\n').collect();
    let n = lines.len();
    match edit {
        Edit::Insert(at, l) => lines.insert(at % (n + 1), l),
        Edit::Delete(at) => {
            lines.remove(at % n);
        }
        Edit::Replace(at, l) => lines[at % n] = l,
        Edit::Respell(style, dice) => {
            let Ok(loaded) = briefing::parse(text) else {
                return text.to_owned();
            };
            let style = [Style::flow(), Style::block(), Style::mixed()][*style as usize];
            return emit(&from_model(&loaded.briefing), &style, &mut Dice::new(dice));
        }
    }
    lines.join("\n")
}

proptest! {
    #![proptest_config(common::proptest_config(16))]

    #[test]
    fn every_save_reloads_as_a_fresh_load_reads_it(edits in prop::collection::vec(edit(), 1..8)) {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("b.yaml");
        std::fs::write(&file, BASE).unwrap();
        let (tx, deliveries) = mpsc::channel();
        let requests = watch::spawn_reloader(
            Some(file.clone()),
            None,
            Budget::default(),
            Vec::new(),
            move |d| {
                let _ = tx.send(d);
            },
        )
        .unwrap();
        let mut text = BASE.to_owned();
        for edit in &edits {
            text = apply(&text, edit);
            std::fs::write(&file, &text).unwrap();
            requests.send(Request::Closed(file.clone())).unwrap();
            let reloaded = loop {
                match deliveries.recv_timeout(Duration::from_secs(30)).expect("a reload") {
                    Delivery::Loaded(reloaded) => break reloaded,
                    Delivery::Scanned(_) => continue,
                }
            };
            let fresh = briefing::load_file(&file, Budget::default());
            prop_assert_eq!(&reloaded.result, &fresh, "after {:?}:\n{}", edit, text);
        }
    }
}
