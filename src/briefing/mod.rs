//! The briefing model: loading, validation with precise positions, text sanitising.
//! Nothing here knows about terminals.

mod bundled;
pub mod calendar;
pub mod catalog;
pub mod diagnostic;
pub mod diff;
mod fields;
pub mod format;
pub mod index;
mod load;
mod lower;
pub mod model;
pub mod node;
mod prebuilt;
pub mod provenance;
pub mod reference;
pub mod report;
pub mod sanitize;
pub mod schema;
mod skeleton;
mod tree;
mod validate;
pub mod yaml;

pub use bundled::{
    BUNDLED_NAME, BUNDLED_SOURCES, BUNDLED_TEXT, SCHEMA_FILE, init_text, parse_bundled,
};
pub use diagnostic::Diagnostic;
/// For the config file, read and checked like a briefing.
pub use fields::{closest, scalar_text};
pub use index::Index;
pub use load::{
    Budget, LoadError, Loaded, human_size, load_file, not_a_regular_file, parse, parse_file,
    parse_with_sources, read_source, special_file,
};
pub use model::*;
pub use node::Pos;
pub use prebuilt::load_bundled;
pub use skeleton::blank_text;
pub use yaml::read as read_yaml;
