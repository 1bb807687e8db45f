//! The briefing model: loading, validation with precise positions, text sanitising.
//! Nothing here knows about terminals.

pub mod catalog;
pub mod diagnostic;
mod fields;
pub mod index;
mod load;
mod lower;
pub mod model;
pub mod node;
pub mod provenance;
pub mod sanitize;
mod validate;

pub use diagnostic::Diagnostic;
pub use index::Index;
pub use load::{Budget, LoadError, Loaded, load_file, parse, parse_with_sources, read_source};
pub use model::*;
pub use node::Pos;

/// The bundled briefing, compiled into the binary so `brief` works from any directory.
pub const BUNDLED_NAME: &str = "belarus-us-thaw.yaml";
pub const BUNDLED_TEXT: &str = include_str!("../../briefings/belarus-us-thaw.yaml");
/// The source texts the bundled briefing's quotes are checked against, by `file:` value.
pub const BUNDLED_SOURCES: &[(&str, &str)] = &[(
    "sources/cbs-us-belarus-thaw.txt",
    include_str!("../../briefings/sources/cbs-us-belarus-thaw.txt"),
)];

/// The bundled briefing, checked against its bundled sources.
pub fn load_bundled() -> Result<Loaded, LoadError> {
    parse_with_sources(BUNDLED_TEXT, |file| {
        BUNDLED_SOURCES
            .iter()
            .find(|(name, _)| *name == file)
            .map(|(_, text)| (*text).to_owned())
            .ok_or_else(|| "not bundled".to_owned())
    })
}
