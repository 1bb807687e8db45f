//! The README's key table documents every binding of the key table in the code.

use brief::keymap::BINDINGS;

#[test]
fn readme_lists_every_key() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let table = readme
        .split("## Keys")
        .nth(1)
        .and_then(|rest| rest.split("\n## ").next())
        .expect("a Keys section");
    for binding in BINDINGS {
        for key in binding.keys {
            let label = format!("`{}`", key.label());
            assert!(
                table.contains(&label),
                "README's key table does not mention {label} ({})",
                binding.help
            );
        }
    }
}
