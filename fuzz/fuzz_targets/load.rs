//! Any bytes as a briefing file: the loader must answer (a briefing or diagnostics), never
//! panic, hang or run out of memory.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let dir = std::env::temp_dir().join(format!("brief-fuzz-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join("b.yaml");
    if std::fs::write(&path, data).is_err() {
        return;
    }
    let budget = brief::briefing::Budget { max_bytes: 1 << 20 };
    match brief::briefing::load_file(&path, budget) {
        Ok(loaded) => {
            let _ = brief::export::markdown(&loaded);
        }
        Err(error) => {
            let source = error.source.as_deref().unwrap_or("");
            for diagnostic in &error.diagnostics {
                let _ = diagnostic.render("b.yaml", source);
            }
        }
    }
});
