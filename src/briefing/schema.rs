//! The briefing format as a JSON Schema (draft-07, the draft yaml-language-server reads),
//! generated from `format` so that editors check what the loader checks.
//!
//! The schema accepts what the loader accepts, no more and no less, for keys, types,
//! vocabularies and required keys; references between items are the loader's alone.
//! Hence its looseness in places: the loader reads `name: 1984` as the text "1984", and
//! treats `url:` with no value as absent. And its strictness in others: a vocabulary word
//! or a date is matched as written, spaces and all; a date must be a day the calendar
//! has; a required text needs a character other than white space and bidi controls, as
//! the loader counts them. JSON has no binary values, so `!!binary` data, which no text
//! key of the schema can take, is refused by the loader too.

use super::format::{self, Item, Value};
use serde_json::{Map, Value as Json, json};

pub const DRAFT: &str = "http://json-schema.org/draft-07/schema#";

/// The schema of a whole briefing, as pretty-printed JSON with a final newline.
pub fn text() -> String {
    let mut text = serde_json::to_string_pretty(&schema()).expect("a schema serialises");
    text.push('\n');
    text
}

pub fn schema() -> Json {
    let mut definitions = Map::new();
    for item in format::ITEMS.iter().skip(1) {
        definitions.insert(definition_name(item), object(item));
    }
    let mut root = Map::new();
    root.insert("$schema".into(), json!(DRAFT));
    root.insert("title".into(), json!("brief briefing"));
    if let Json::Object(body) = object(&format::BRIEFING) {
        root.extend(body);
    }
    root.insert("definitions".into(), Json::Object(definitions));
    Json::Object(root)
}

/// `timeline event` → `timeline_event`, the item's name under `definitions`.
fn definition_name(item: &Item) -> String {
    item.what.replace(' ', "_")
}

fn object(item: &Item) -> Json {
    let properties: Map<String, Json> = item
        .keys
        .iter()
        .map(|key| {
            let mut property = value(key.value, key.required);
            if let Json::Object(map) = &mut property {
                map.insert("description".into(), json!(key.description));
            }
            (key.name.to_owned(), property)
        })
        .collect();
    let required: Vec<&str> = item
        .keys
        .iter()
        .filter(|k| k.required)
        .map(|k| k.name)
        .collect();
    json!({
        "type": "object",
        "description": item.description,
        "properties": properties,
        "required": required,
        "additionalProperties": false,
    })
}

/// The scalar types the loader reads as text.
const SCALAR: [&str; 3] = ["string", "number", "boolean"];

/// A required text must have a character the loader keeps when it trims white space (as
/// Rust's `trim` knows it) and drops bidi controls. Spelt out, not `\S`: a regex engine's
/// white space differs from Rust's (JavaScript's has U+FEFF and lacks U+0085).
const NOT_BLANK: &str = concat!(
    "[^\\t\\n\\u000B\\f\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029",
    "\\u202F\\u205F\\u3000\\u202A-\\u202E\\u2066-\\u2069]"
);

/// The shape of a BCP 47 language tag, as the loader checks it.
const LANGUAGE_TAG: &str = "^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$";

/// A day of the Gregorian calendar, `YYYY-MM-DD`, as the loader checks it: each month's
/// days, February 29th in leap years only (every fourth year, but of the centuries only
/// every fourth), and no year 0000.
const ISO_DATE: &str = concat!(
    "^(?:",
    "(?:[0-9]{3}[1-9]|[0-9]{2}[1-9]0|[0-9][1-9]00|[1-9]000)-",
    "(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])",
    "|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)",
    "|02-(?:0[1-9]|1[0-9]|2[0-8]))",
    "|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-02-29",
    ")$"
);

fn value(value: Value, required: bool) -> Json {
    // An optional key may be written with no value; the loader reads that as absent.
    let nullable = |mut types: Vec<&'static str>| -> Vec<&'static str> {
        if !required {
            types.push("null");
        }
        types
    };
    match value {
        Value::Line | Value::Text | Value::Id(_) if required => json!({
            "type": SCALAR,
            "pattern": NOT_BLANK,
        }),
        Value::Line | Value::Text | Value::Id(_) => json!({ "type": nullable(SCALAR.to_vec()) }),
        Value::Texts | Value::Ids(_) => {
            let mut types = SCALAR.to_vec();
            types.extend(["array", "null"]);
            json!({
                "type": types,
                "items": { "type": ["string", "number", "boolean", "null"] },
            })
        }
        Value::Date => json!({
            "type": nullable(vec!["string"]),
            "pattern": ISO_DATE,
        }),
        Value::Language => json!({
            "type": nullable(vec!["string"]),
            "pattern": LANGUAGE_TAG,
        }),
        Value::Word(vocab) => json!({ "enum": (vocab.words)() }),
        Value::Item(item) => json!({
            "anyOf": [
                { "$ref": format!("#/definitions/{}", definition_name(item)) },
                { "type": "null" },
            ],
        }),
        Value::Items(item) => json!({
            "type": ["array", "null"],
            "items": { "$ref": format!("#/definitions/{}", definition_name(item)) },
        }),
        // The loader ignores whatever it holds, so any value is valid.
        Value::WrittenAt => json!({}),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_item_forbids_unknown_keys_and_lists_its_required_ones() {
        let schema = schema();
        let actor = &schema["definitions"]["actor"];
        assert_eq!(actor["additionalProperties"], json!(false));
        assert_eq!(
            actor["required"],
            json!(["id", "name", "kind", "role", "stance"])
        );
        assert_eq!(
            actor["properties"]["kind"]["enum"],
            json!([
                "government",
                "organisation",
                "movement",
                "person",
                "bloc",
                "company",
                "party",
                "armed-group",
                "media"
            ])
        );
        assert_eq!(schema["required"], json!(["title"]));
        assert_eq!(schema["$schema"], json!(DRAFT));
    }
}
