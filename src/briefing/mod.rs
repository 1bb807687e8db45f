//! The briefing model: loading, validation with precise positions, text sanitising.
//! Nothing here knows about terminals.

mod bundled;
pub mod catalog;
pub mod diagnostic;
mod fields;
pub mod format;
pub mod index;
mod load;
mod lower;
pub mod model;
pub mod node;
mod parallel;
mod prebuilt;
pub mod provenance;
pub mod reference;
mod reparse;
pub mod sanitize;
pub mod schema;
mod tree;
mod validate;

/// The generator of large briefings, for tests of the parser on them.
#[cfg(test)]
#[path = "../../benches/support/generate.rs"]
mod generate;

pub use bundled::{
    BUNDLED_NAME, BUNDLED_SOURCES, BUNDLED_TEXT, SCHEMA_FILE, init_text, parse_bundled,
};
pub use diagnostic::Diagnostic;
pub use index::Index;
pub use load::{
    Budget, LoadError, Loaded, Reloader, load_file, parse, parse_file, parse_with_sources,
    read_source,
};
pub use model::*;
pub use node::Pos;
pub use prebuilt::load_bundled;
