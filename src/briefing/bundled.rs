//! The briefing that ships inside the binary, and the source text its quotes are checked
//! against. The build reads and checks it once (see `build.rs`); the program loads the
//! checked result (see `prebuilt.rs`).

use super::load::{LoadError, Loaded, parse_with_sources};

pub const BUNDLED_NAME: &str = "belarus-us-thaw.yaml";
pub const BUNDLED_TEXT: &str = include_str!("../../briefings/belarus-us-thaw.yaml");
/// The first line of the bundled briefing names the schema by its place in the
/// repository; a copy names the schema written beside it (see `init_text`).
pub const MODELINE_PREFIX: &str = "# yaml-language-server: $schema=";
/// The schema's file name beside a copy written by `brief init`.
pub const SCHEMA_FILE: &str = "briefing.schema.json";

/// The bundled briefing as `brief init` writes it: the schema it names is the one written
/// beside it, so editors check the copy offline, against this version of the format.
pub fn init_text() -> String {
    let rest = BUNDLED_TEXT
        .strip_prefix(MODELINE_PREFIX)
        .and_then(|rest| rest.split_once('\n'))
        .map_or(BUNDLED_TEXT, |(_, rest)| rest);
    format!("{MODELINE_PREFIX}{SCHEMA_FILE}\n{rest}")
}

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
