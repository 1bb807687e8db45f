//! Any text that loads as a briefing must draw on every pane at any size without
//! panicking, and no control character may reach the screen.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[allow(dead_code)]
#[path = "../../tests/common/harness.rs"]
mod harness;

fuzz_target!(|input: (u8, u8, &str)| {
    let (width, height, text) = input;
    let Ok(loaded) = brief::briefing::parse(text) else {
        return;
    };
    let origin = brief::app::Origin::Bundled;
    let mut harness = harness::Harness::new(
        origin,
        Ok(loaded),
        u16::from(width) + 1,
        u16::from(height) + 1,
    );
    for keys in ["1", "2G", "3", "4", "5", "6", "7", "?", "\u{1b}/a"] {
        harness.keys(keys);
        let buffer = harness.draw();
        for cell in buffer.content() {
            assert!(
                !cell.symbol().chars().any(|c| c.is_control()),
                "control character on screen"
            );
        }
    }
});
