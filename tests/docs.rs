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

/// The action names of the README's list, in order.
fn readme_action_names() -> Vec<String> {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let list = readme
        .split("<!-- actions: begin -->")
        .nth(1)
        .and_then(|rest| rest.split("<!-- actions: end -->").next())
        .expect("the README's list of actions");
    list.lines()
        .filter_map(|line| line.strip_prefix("| `"))
        .filter_map(|rest| rest.split('`').next())
        .map(str::to_owned)
        .collect()
}

#[test]
fn every_action_name_the_readme_promises_still_rebinds_its_keys() {
    let names = readme_action_names();
    assert!(
        names.len() >= 30,
        "the README lists {} actions",
        names.len()
    );
    for name in &names {
        // Through the config's own parser, as a user's file would be read.
        let config = format!("keys:\n  {name}: [F12]\n");
        let parsed = brief::config::parse(&config)
            .unwrap_or_else(|e| panic!("`{name}` is refused by the config: {e:?}"));
        let (_, index) = brief::keymap::configurable()
            .find(|(n, _)| n == name)
            .expect("a configurable action");
        assert_eq!(
            parsed.keys[index],
            [brief::keymap::parse_key("F12").unwrap()],
            "`{name}` does not rebind its action"
        );
    }
}

#[test]
fn the_readme_lists_every_configurable_action() {
    let names = readme_action_names();
    for (name, _) in brief::keymap::configurable() {
        assert!(
            names.iter().any(|n| n == name),
            "the README's list of actions lacks `{name}`"
        );
    }
}
