//! Quotes checked against their source's text, when a source names a local copy of it
//! (`file:`): a quote that is not in its source word for word is an error.

use super::diagnostic::Diagnostic;
use super::model::Briefing;
use std::collections::HashMap;

/// Checks every quote whose source has a `file:`. `read` returns the text of a source
/// file given its `file:` value, or a message saying why it cannot.
pub fn check(
    briefing: &Briefing,
    read: impl Fn(&str) -> Result<String, String>,
) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    let mut texts: HashMap<&str, Option<String>> = HashMap::new();
    for source in &briefing.sources {
        let Some(file) = &source.file else { continue };
        let text = match read(file) {
            Ok(text) => Some(normalise(&text)),
            Err(why) => {
                diags.push(Diagnostic::warning(
                    source.pos,
                    format!(
                        "source `{}` names file `{file}`, which cannot be read ({why}): its quotes are not checked",
                        source.id
                    ),
                ));
                None
            }
        };
        texts.insert(source.id.as_str(), text);
    }
    for quote in &briefing.quotes {
        let Some(Some(text)) = texts.get(quote.source.as_str()) else {
            continue;
        };
        if !text.contains(&normalise(&quote.text)) {
            diags.push(Diagnostic::error(
                quote.pos,
                format!(
                    "quote `{}` is not found word for word in source `{}`; check its text against the source",
                    quote.id, quote.source
                ),
            ));
        }
    }
    diags
}

/// Typographic quotes and dashes made plain, and runs of whitespace made one space, so
/// that a quote copied from a web page matches its source.
pub fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        let c = match c {
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{2032}' => '\'',
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{2033}' | '«' | '»' => '"',
            '\u{2013}' | '\u{2014}' => '-',
            '\u{00A0}' => ' ',
            c => c,
        };
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::normalise;

    #[test]
    fn normalises_quotes_and_whitespace() {
        assert_eq!(normalise("  “We’re\n  lifting”  "), "\"We're lifting\"");
    }
}
