//! Reads and checks the bundled briefing once, at build time, and writes the checked
//! model as JSON for `src/briefing/prebuilt.rs`. A bundled briefing with an error or a
//! warning fails the build, so the one that ships is always clean.

use std::path::Path;

// The model and loader, compiled into the build script as they are into the program.
// They sit at the root here; `super::` in them still finds their siblings.
#[allow(dead_code, unused_imports)]
#[path = "src/briefing/bundled.rs"]
mod bundled;
#[allow(dead_code, unused_imports)]
#[path = "src/briefing/calendar.rs"]
mod calendar;
#[allow(dead_code, unused_imports)]
#[path = "src/briefing/catalog.rs"]
mod catalog;
#[allow(dead_code, unused_imports)]
#[path = "src/briefing/diagnostic.rs"]
mod diagnostic;
#[allow(dead_code, unused_imports)]
#[path = "src/briefing/fields.rs"]
mod fields;
#[allow(dead_code, unused_imports)]
#[path = "src/briefing/format.rs"]
mod format;
#[allow(dead_code, unused_imports)]
#[path = "src/briefing/index.rs"]
mod index;
#[allow(dead_code, unused_imports)]
#[path = "src/briefing/load.rs"]
mod load;
#[allow(dead_code, unused_imports)]
#[path = "src/briefing/lower.rs"]
mod lower;
#[allow(dead_code, unused_imports)]
#[path = "src/briefing/model.rs"]
mod model;
#[allow(dead_code, unused_imports)]
#[path = "src/briefing/node.rs"]
mod node;
#[allow(dead_code, unused_imports)]
#[path = "src/briefing/provenance.rs"]
mod provenance;
#[allow(dead_code, unused_imports)]
#[path = "src/briefing/sanitize.rs"]
mod sanitize;
#[allow(dead_code, unused_imports)]
#[path = "src/briefing/tree.rs"]
mod tree;
#[allow(dead_code, unused_imports)]
#[path = "src/briefing/validate.rs"]
mod validate;
#[allow(dead_code, unused_imports)]
#[path = "src/briefing/yaml.rs"]
mod yaml;

#[allow(dead_code)]
#[path = "src/words.rs"]
mod words;

fn main() {
    println!("cargo::rerun-if-changed=briefings");
    println!("cargo::rerun-if-changed=src/briefing");
    println!("cargo::rerun-if-changed=src/words.rs");
    let loaded = match bundled::parse_bundled() {
        Ok(loaded) if loaded.warnings.is_empty() => loaded,
        Ok(loaded) => fail(&loaded.warnings, "warnings"),
        Err(error) => fail(&error.diagnostics, "errors"),
    };
    let json = serde_json::to_string(&loaded.briefing).expect("the model serialises");
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(Path::new(&out).join("bundled-briefing.json"), json).expect("writing OUT_DIR");
}

fn fail(diagnostics: &[diagnostic::Diagnostic], what: &str) -> ! {
    let text = bundled::BUNDLED_TEXT;
    for diagnostic in diagnostics {
        eprintln!(
            "{}",
            diagnostic.render("briefings/belarus-us-thaw.yaml", text)
        );
    }
    panic!(
        "the bundled briefing has {what}; `brief check briefings/belarus-us-thaw.yaml` lists them"
    );
}
