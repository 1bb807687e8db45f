//! The bundled briefing as the build checked it: the model in JSON, written by
//! `build.rs`. Reading JSON costs a twentieth of parsing and checking the YAML, and the
//! bundled briefing is what `brief` shows first, so this is most of its start-up.

use super::bundled::parse_bundled;
use super::index::Index;
use super::load::{LoadError, Loaded};
use super::model::Briefing;

const CHECKED_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/bundled-briefing.json"));

/// The bundled briefing. The build refused to finish unless it loaded without errors or
/// warnings, so there are none to report here.
pub fn load_bundled() -> Result<Loaded, LoadError> {
    match serde_json::from_str::<Briefing>(CHECKED_JSON) {
        Ok(briefing) => Ok(Loaded {
            index: Index::build(&briefing),
            briefing,
            warnings: Vec::new(),
        }),
        // Cannot happen with the JSON this build wrote; the YAML is still there.
        Err(_) => parse_bundled(),
    }
}
