//! docs/writing-a-briefing.md: where it repeats the format table it is generated from it,
//! and it explains every word of every vocabulary.

use brief::briefing::format::{self, Item};
use brief::briefing::reference;

const GUIDE: &str = "docs/writing-a-briefing.md";

/// The marker name of an item's block: `briefing`, `timeline-event`.
fn block_name(item: &Item) -> String {
    item.what.trim_start_matches("the ").replace(' ', "-")
}

/// Every generated block of the guide, by name, with what it must hold.
fn generated_blocks() -> Vec<(String, String)> {
    let mut blocks: Vec<(String, String)> = format::ITEMS
        .iter()
        .map(|item| (block_name(item), reference::item_table(item)))
        .collect();
    blocks.push(("vocabularies".into(), reference::vocabularies()));
    blocks.push(("severity".into(), reference::severity_table()));
    blocks
}

/// The text between `<!-- format:NAME:begin -->` and its end marker, and where it is.
fn block(guide: &str, name: &str) -> Option<(usize, usize)> {
    let begin = format!("<!-- format:{name}:begin -->\n");
    let end = format!("<!-- format:{name}:end -->");
    let start = guide.find(&begin)? + begin.len();
    let len = guide[start..].find(&end)?;
    Some((start, start + len))
}

#[test]
fn the_guide_repeats_the_format_table_as_generated() {
    let mut guide = std::fs::read_to_string(GUIDE).unwrap();
    let update = std::env::var_os("BRIEF_UPDATE_GOLDEN").is_some();
    let mut stale = Vec::new();
    for (name, expected) in generated_blocks() {
        let (start, end) =
            block(&guide, &name).unwrap_or_else(|| panic!("{GUIDE} has no {name} block"));
        if guide[start..end] != expected {
            if update {
                guide.replace_range(start..end, &expected);
            } else {
                stale.push(name);
            }
        }
    }
    if update {
        std::fs::write(GUIDE, &guide).unwrap();
    }
    assert!(
        stale.is_empty(),
        "{GUIDE} is stale in {stale:?}: BRIEF_UPDATE_GOLDEN=1 cargo test --test guide rewrites the generated blocks"
    );
    // No block for an item the format no longer has.
    let names: Vec<String> = generated_blocks().into_iter().map(|(n, _)| n).collect();
    for (at, _) in guide.match_indices("<!-- format:") {
        let name = guide[at + "<!-- format:".len()..]
            .split(':')
            .next()
            .unwrap();
        assert!(
            names.iter().any(|n| n == name),
            "{GUIDE} has a block `{name}` nothing generates"
        );
    }
}

#[test]
fn the_guide_says_what_every_vocabulary_word_means() {
    let guide = std::fs::read_to_string(GUIDE).unwrap();
    let meanings = guide
        .split("What the words mean:")
        .nth(1)
        .expect("the guide's table of word meanings");
    for vocab in format::VOCABULARIES {
        for word in (vocab.words)() {
            let row = meanings
                .lines()
                .find(|line| line.starts_with(&format!("| `{word}` |")))
                .unwrap_or_else(|| panic!("{GUIDE} does not say what `{word}` means"));
            assert!(
                row.contains(&format!("`{}`", vocab.name))
                    || (vocab.name == "level" && row.contains("`likelihood`")),
                "{row}"
            );
        }
    }
}

#[test]
fn the_guide_has_a_section_for_every_kind_of_item() {
    let guide = std::fs::read_to_string(GUIDE).unwrap();
    for item in format::ITEMS {
        assert!(
            block(&guide, &block_name(item)).is_some(),
            "{GUIDE} does not cover {}",
            item.what
        );
    }
}
