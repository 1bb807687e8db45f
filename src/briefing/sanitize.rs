//! Briefing text is untrusted: a string must never reach the terminal as a control
//! sequence. Every string is cleaned once, when the briefing is loaded.
//!
//! Control characters are replaced by visible stand-ins rather than dropped, so an
//! escape sequence shows up as `␛]0;text␇`: harmless (without its ESC nothing after it
//! is a command) and plain to see for the analyst who has to fix the file.

const TAB_STOP: usize = 4;
const REPLACEMENT: char = '\u{FFFD}';

/// Cleans one text value. Newlines are kept (multi-line YAML scalars are paragraphs);
/// everything else that could steer a terminal is removed or made visible.
pub fn clean(text: &str) -> String {
    if is_clean(text) {
        return text.to_owned();
    }
    replace_controls(text)
}

fn replace_controls(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut column = 0usize;
    for c in text.chars() {
        match c {
            '\n' => {
                out.push('\n');
                column = 0;
                continue;
            }
            '\r' => continue,
            '\t' => {
                let spaces = TAB_STOP - column % TAB_STOP;
                out.extend(std::iter::repeat_n(' ', spaces));
                column += spaces;
                continue;
            }
            // C0 controls become their visible "control picture" (U+2400 block).
            '\0'..='\u{1f}' => out.push(char::from_u32(0x2400 + c as u32).unwrap_or(REPLACEMENT)),
            '\u{7f}' => out.push('\u{2421}'),
            // C1 controls, including the 8-bit CSI (U+009B) and OSC (U+009D).
            '\u{80}'..='\u{9f}' => out.push(REPLACEMENT),
            c if is_bidi_control(c) => continue,
            c if is_invisible(c) => out.push(REPLACEMENT),
            _ => out.push(c),
        }
        column += 1;
    }
    out
}

/// Bidi embeddings, overrides and isolates: they could reorder what is shown, so that a
/// file name reads backwards or a sentence says the opposite of what the file holds.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Characters that take no room and mean nothing on their own (zero-width space, word
/// joiner, zero-width no-break space): two names that look alike on screen could differ
/// by one. The joiners U+200C and U+200D are kept: scripts and emoji need them.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200b}' | '\u{2060}' | '\u{feff}')
}

/// Whether `clean` changes this character (newlines aside): what JSON meant for a
/// terminal must escape as well.
pub fn steers(c: char) -> bool {
    matches!(c, '\0'..='\u{1f}' | '\u{7f}'..='\u{9f}') || is_bidi_control(c) || is_invisible(c)
}

/// Serialised JSON in which every character `clean` would change inside a string is
/// written as its `\uXXXX` escape, so that the text is safe on a terminal and still
/// reads back as the very same strings. Outside its strings JSON is ASCII, so escaping
/// the whole text escapes exactly the strings.
pub fn escape_json(serialized: &str) -> String {
    if is_clean(serialized) {
        return serialized.to_owned();
    }
    let mut out = String::with_capacity(serialized.len());
    for c in serialized.chars() {
        if c != '\n' && steers(c) {
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                out.push_str(&format!("\\u{unit:04x}"));
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Whether `clean` would leave `text` as it is: the common case, checked byte by byte
/// without decoding. C1 controls are `C2 80`..`C2 9F` in UTF-8; the bidi controls are
/// `E2 80 AA`..`E2 80 AE` and `E2 81 A6`..`E2 81 A9`; the invisible ones `E2 80 8B`,
/// `E2 81 A0` and `EF BB BF`.
fn is_clean(text: &str) -> bool {
    let bytes = text.as_bytes();
    // Printable ASCII and newlines: most text. Checked a block at a time without an exit
    // per byte, so the compiler vectorises it.
    let plain = |b: u8| (0x20..0x7f).contains(&b) | (b == b'\n');
    if bytes
        .chunks(64)
        .all(|block| block.iter().fold(true, |ok, &b| ok & plain(b)))
    {
        return true;
    }
    bytes.iter().enumerate().all(|(i, &b)| match b {
        b'\n' => true,
        0x00..=0x1f | 0x7f => false,
        0xc2 => !matches!(bytes.get(i + 1), Some(0x80..=0x9f)),
        0xe2 => !matches!(
            (bytes.get(i + 1), bytes.get(i + 2)),
            (Some(0x80), Some(0xaa..=0xae | 0x8b)) | (Some(0x81), Some(0xa6..=0xa9 | 0xa0))
        ),
        0xef => !matches!(
            (bytes.get(i + 1), bytes.get(i + 2)),
            (Some(0xbb), Some(0xbf))
        ),
        _ => true,
    })
}

/// Cleans text that must stay on one line (titles, names, ids).
pub fn clean_line(text: &str) -> String {
    let cleaned = clean(text);
    if cleaned.contains('\n') {
        cleaned
            .split('\n')
            .map(str::trim)
            .collect::<Vec<_>>()
            .join(" ")
    } else {
        cleaned
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defuses_csi_osc_and_dcs_sequences() {
        assert_eq!(clean("a\u{1b}[31mred\u{1b}[0m"), "a␛[31mred␛[0m");
        assert_eq!(clean("t\u{1b}]0;pwned\u{7}x"), "t␛]0;pwned␇x");
        assert_eq!(clean("c\u{1b}]52;c;aGk=\u{1b}\\d"), "c␛]52;c;aGk=␛\\d");
        assert_eq!(clean("d\u{1b}P1$qm\u{1b}\\e"), "d␛P1$qm␛\\e");
    }

    #[test]
    fn makes_controls_visible_and_drops_bidi() {
        assert_eq!(clean("a\u{7}b\u{7f}c\u{9b}31m"), "a␇b␡c\u{FFFD}31m");
        assert_eq!(clean("\u{202e}evil\u{2066}"), "evil");
        assert_eq!(clean("x\r\ny"), "x\ny");
    }

    #[test]
    fn makes_zero_width_characters_visible_but_keeps_joiners() {
        assert_eq!(
            clean("a\u{200b}b\u{2060}c\u{feff}d"),
            "a\u{FFFD}b\u{FFFD}c\u{FFFD}d"
        );
        let family = "👩\u{200d}👧 می\u{200c}خواهم";
        assert_eq!(clean(family), family);
    }

    #[test]
    fn json_escapes_what_the_terminal_must_not_see_and_reads_back_the_same() {
        let hostile =
            "x\u{1b}]52;c;aGk=\u{7}\u{85}\u{9b}\u{202e}\u{2066}\u{200b}\u{7f}\u{feff} 日本 €\nz";
        let serialized =
            serde_json::to_string_pretty(&serde_json::json!({ "file": hostile })).unwrap();
        let escaped = escape_json(&serialized);
        assert!(
            escaped.chars().all(|c| c == '\n' || !steers(c)),
            "{escaped}"
        );
        assert_eq!(clean(&escaped), escaped);
        for form in [
            "\\u0085", "\\u009b", "\\u202e", "\\u2066", "\\u200b", "\\u007f", "\\ufeff",
        ] {
            assert!(escaped.contains(form), "{form} in {escaped}");
        }
        let back: serde_json::Value = serde_json::from_str(&escaped).unwrap();
        assert_eq!(back["file"], hostile);
    }

    #[test]
    fn expands_tabs_to_stops() {
        assert_eq!(clean("a\tb"), "a   b");
        assert_eq!(clean("\tx\nab\ty"), "    x\nab  y");
    }

    #[test]
    fn the_fast_path_agrees_with_the_slow_one() {
        let samples = [
            "plain",
            "tab\there",
            "\u{85}",
            "a\u{9b}b",
            "\u{202a}x",
            "\u{2069}",
            "\u{2060}ok",
            "\u{200b}",
            "\u{feff}x",
            "\u{200d}\u{200c}",
            "\u{fffd}\u{ef}",
            "€ — ‘’ «»",
            "x\r\n",
            "日本\u{7f}",
            "\u{1b}[0m",
            "line\nbreak",
        ];
        for text in samples {
            assert_eq!(is_clean(text), replace_controls(text) == text, "{text:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn the_fast_path_agrees_on_any_text(text in "\\PC*|[\\x00-\\x7f\\u{80}-\\u{a0}\\u{2000}-\\u{2070}]*") {
            proptest::prop_assert_eq!(is_clean(&text), replace_controls(&text) == text);
        }
    }

    #[test]
    fn keeps_ordinary_text() {
        let text = "Лукашенко — 日本郵船 🚢 «quoted»";
        assert_eq!(clean(text), text);
        assert_eq!(clean_line("one\ntwo "), "one two");
    }
}
