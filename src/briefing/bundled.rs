//! The briefing that ships inside the binary, and the source text its quotes are checked
//! against. The build reads and checks it once (see `build.rs`); the program loads the
//! checked result (see `prebuilt.rs`).

use super::load::{LoadError, Loaded, parse_with_sources};

pub const BUNDLED_NAME: &str = "belarus-us-thaw.yaml";
pub const BUNDLED_TEXT: &str = include_str!("../../briefings/belarus-us-thaw.yaml");
/// The source texts the bundled briefing's quotes are checked against, by `file:` value.
pub const BUNDLED_SOURCES: &[(&str, &str)] = &[(
    "sources/cbs-us-belarus-thaw.txt",
    include_str!("../../briefings/sources/cbs-us-belarus-thaw.txt"),
)];

/// The bundled briefing read from its YAML and checked against its bundled sources.
pub fn parse_bundled() -> Result<Loaded, LoadError> {
    parse_with_sources(BUNDLED_TEXT, |file| {
        BUNDLED_SOURCES
            .iter()
            .find(|(name, _)| *name == file)
            .map(|(_, text)| (*text).to_owned())
            .ok_or_else(|| "not bundled".to_owned())
    })
}
