//! Any bytes as a briefing file: the loader must answer (a briefing or diagnostics), never
//! panic, hang or run out of memory; and it must have one meaning for the text:
//! - where the fast path gives a tree, serde-saphyr gives the same tree;
//! - the file and its text, read by the two entry points, give the same result;
//! - a briefing that loads, written again in flow, block or mixed YAML and as JSON
//!   (choices taken from the same bytes), loads to the same briefing; and so does its
//!   JSON export.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[allow(dead_code)]
#[path = "../../tests/common/yaml.rs"]
mod yaml;

use yaml::{Dice, Style, emit, from_model, strip_positions};

fuzz_target!(|data: &[u8]| {
    let dir = std::env::temp_dir().join(format!("brief-fuzz-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join("b.yaml");
    if std::fs::write(&path, data).is_err() {
        return;
    }
    let budget = brief::briefing::Budget { max_bytes: 1 << 20 };
    let from_file = brief::briefing::load_file(&path, budget);
    if let Ok(text) = std::str::from_utf8(data) {
        // Where the fast path gives a tree, it is serde-saphyr's tree.
        let body = text.strip_prefix('\u{feff}').unwrap_or(text);
        if let Some(fast) = brief::briefing::yaml::read_fast(body) {
            assert_eq!(
                Ok(Some(fast)),
                brief::briefing::yaml::read_slow(body),
                "the fast and the slow path read differently"
            );
        }
        let from_text = brief::briefing::parse_file(&path, text, budget);
        if !text.contains('\0') && data.len() <= 1 << 20 {
            assert_eq!(from_file, from_text, "file and text read differently");
        }
    }
    match from_file {
        Ok(loaded) => {
            let _ = brief::export::markdown(&loaded);
            let model = strip_positions(serde_json::to_value(&loaded.briefing).unwrap());
            let tree = from_model(&loaded.briefing);
            let exported = brief::export::json(&loaded, brief::export::Positions::Omit);
            let back = brief::briefing::parse(&exported).unwrap_or_else(|e| {
                panic!(
                    "the JSON export does not load: {:?}\n{exported}",
                    e.diagnostics
                )
            });
            let back_model = strip_positions(serde_json::to_value(&back.briefing).unwrap());
            assert!(
                back_model == model,
                "the JSON export reads differently:\n{exported}"
            );
            for style in [Style::flow(), Style::block(), Style::mixed(), Style::json()] {
                let text = emit(&tree, &style.without_aliases(), &mut Dice::new(data));
                let again = brief::briefing::parse(&text).unwrap_or_else(|e| {
                    panic!(
                        "{style:?} respelling does not load: {:?}\n{text}",
                        e.diagnostics
                    )
                });
                let again = strip_positions(serde_json::to_value(&again.briefing).unwrap());
                assert!(
                    again == model,
                    "{style:?} respelling reads differently:\n{text}"
                );
            }
        }
        Err(error) => {
            let source = error.source.as_deref().unwrap_or("");
            for diagnostic in &error.diagnostics {
                let _ = diagnostic.render("b.yaml", source);
            }
        }
    }
});
