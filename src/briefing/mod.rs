//! The briefing model: loading, validation with precise positions, text sanitising.
//! Nothing here knows about terminals.

pub mod diagnostic;
mod fields;
pub mod index;
mod load;
mod lower;
pub mod model;
pub mod node;
pub mod sanitize;
mod validate;

pub use diagnostic::Diagnostic;
pub use index::Index;
pub use load::{Budget, LoadError, Loaded, load_file, parse, read_source};
pub use model::*;
pub use node::Pos;

/// The bundled briefing, compiled into the binary so `brief` works from any directory.
pub const BUNDLED_NAME: &str = "belarus-us-thaw.yaml";
pub const BUNDLED_TEXT: &str = include_str!("../../briefings/belarus-us-thaw.yaml");
