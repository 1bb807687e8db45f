//! The briefing as JSON in the contract's own shape: the model serialised, so every key
//! the briefing has is written in the format's order, absent keys left out, and the
//! export loads back (JSON is YAML) to an equal briefing.

use crate::briefing::Loaded;
use serde_json::Value;

/// Whether each item carries `at: {line, column}`, where it was written. Off by default,
/// as it describes the file the export came from, not the briefing; the loader reads past
/// an `at` (see the format), so an export with positions loads back all the same.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Positions {
    #[default]
    Omit,
    Include,
}

pub fn json(loaded: &Loaded, positions: Positions) -> String {
    let mut value = serde_json::to_value(&loaded.briefing).expect("the model serialises");
    if positions == Positions::Omit {
        strip_positions(&mut value);
    }
    let mut text = serde_json::to_string_pretty(&value).expect("a JSON value serialises");
    text.push('\n');
    text
}

/// Removes every item's `at`. Only the model's own mappings are objects here (a text is
/// never a key), so no text of the briefing can be taken for one.
fn strip_positions(value: &mut Value) {
    match value {
        Value::Object(map) => {
            map.shift_remove("at");
            map.values_mut().for_each(strip_positions);
        }
        Value::Array(items) => items.iter_mut().for_each(strip_positions),
        _ => {}
    }
}
