//! The subcommands at the edges of what they are given: a folder to check, an output
//! name whose extension says no format, options a command has no use for, the manual.

mod common;
use common::brief;
use std::path::Path;

fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
        .display()
        .to_string()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn check_of_a_folder_checks_every_briefing_in_it() {
    let output = brief(&["check", &fixture("good")]);
    let stdout = text(&output.stdout);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{stdout}{}",
        text(&output.stderr)
    );
    for name in ["arctic-shipping", "mekong-water", "minimal", "one-of-each"] {
        assert!(
            stdout.contains(&format!("{name}.yaml: ok")),
            "`brief check good/` did not check {name}.yaml:\n{stdout}"
        );
    }
}

#[test]
fn check_of_a_folder_fails_when_one_of_its_briefings_does() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(fixture("good/minimal.yaml"), dir.path().join("a.yaml")).unwrap();
    std::fs::copy(fixture("bad/missing-title.yaml"), dir.path().join("b.yaml")).unwrap();
    std::fs::write(dir.path().join("notes.txt"), "not a briefing").unwrap();
    let output = brief(&["check", "--format", "json", dir.path().to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let reports: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let files: Vec<(String, bool)> = reports
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let file = r["file"].as_str().unwrap();
            let name = Path::new(file).file_name().unwrap().to_str().unwrap();
            (name.to_owned(), r["ok"].as_bool().unwrap())
        })
        .collect();
    assert_eq!(
        files,
        [("a.yaml".to_owned(), true), ("b.yaml".to_owned(), false)]
    );
}

#[test]
fn check_of_a_folder_without_briefings_is_a_failure_that_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let output = brief(&["check", dir.path().to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        text(&output.stderr).contains("no briefings (*.yaml, *.yml) in this directory"),
        "{}",
        text(&output.stderr)
    );
}

#[test]
fn export_to_a_name_with_an_unknown_extension_is_refused_naming_the_formats() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("notes.txt");
    let output = brief(&["export", "-o", target.to_str().unwrap()]);
    let stderr = text(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    for format in [".md", ".json", ".html", "--format"] {
        assert!(
            stderr.contains(format),
            "the refusal does not name {format}: {stderr}"
        );
    }
    assert!(
        !target.exists(),
        "a refused export wrote {}",
        target.display()
    );
}

#[test]
fn export_with_a_format_named_writes_whatever_the_extension() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("notes.txt");
    let output = brief(&["export", "--format", "json", "-o", target.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let written = std::fs::read_to_string(&target).unwrap();
    assert!(
        written.starts_with('{'),
        "not JSON: {}",
        &written[..40.min(written.len())]
    );
}

#[test]
fn export_to_known_extensions_and_to_a_bare_name_still_works() {
    let dir = tempfile::tempdir().unwrap();
    for (name, start) in [
        ("a.md", "# "),
        ("a.HTML", "<!DOCTYPE"),
        ("a.json", "{"),
        ("a", "# "),
    ] {
        let target = dir.path().join(name);
        let output = brief(&["export", "-o", target.to_str().unwrap()]);
        assert_eq!(
            output.status.code(),
            Some(0),
            "{name}: {}",
            text(&output.stderr)
        );
        let written = std::fs::read_to_string(&target).unwrap();
        assert!(written.starts_with(start), "{name}: {}", &written[..40]);
    }
}

/// The manual's text as a reader sees it: roff's escapes and font changes taken out.
fn manual() -> String {
    let output = brief(&["man"]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    text(&output.stdout)
        .replace("\\*(Aq", "'")
        .replace("\\-", "-")
        .replace("\\fB", "")
        .replace("\\fI", "")
        .replace("\\fR", "")
        .replace("\\&", "")
        .replace("\\\\", "\\")
}

/// The text of one `.SH` section of the manual.
fn section<'a>(manual: &'a str, name: &str) -> &'a str {
    let heading = if name.contains(' ') {
        format!(".SH \"{name}\"\n")
    } else {
        format!(".SH {name}\n")
    };
    let start = manual
        .find(&heading)
        .unwrap_or_else(|| panic!("the manual has no {name} section"))
        + heading.len();
    let rest = &manual[start..];
    &rest[..rest.find("\n.SH ").unwrap_or(rest.len())]
}

#[test]
fn the_manual_lists_every_key_of_the_key_table() {
    let manual = manual();
    let keys = section(&manual, "KEYS");
    for binding in brief::keymap::BINDINGS {
        assert!(keys.contains(binding.help), "KEYS lacks {:?}", binding.help);
        assert!(
            keys.contains(&format!("({})", binding.name)),
            "KEYS lacks {}",
            binding.name
        );
        for key in binding.keys {
            assert!(
                keys.contains(&key.label()),
                "KEYS lacks {} for {}",
                key.label(),
                binding.name
            );
        }
    }
}

#[test]
fn the_manual_has_files_environment_exit_status_and_examples() {
    let manual = manual();
    assert!(section(&manual, "FILES").contains("$XDG_CONFIG_HOME/brief/config.yaml"));
    assert!(section(&manual, "FILES").contains("~/.config/brief/config.yaml"));
    let environment = section(&manual, "ENVIRONMENT");
    for variable in ["NO_COLOR", "VISUAL", "EDITOR", "XDG_CONFIG_HOME"] {
        assert!(
            environment.contains(&format!(".TP\n{variable}\n")),
            "ENVIRONMENT lacks {variable}:\n{environment}"
        );
    }
    let status = section(&manual, "EXIT STATUS");
    for code in ["0", "1", "2"] {
        assert!(
            status.contains(&format!(".TP\n{code}\n")),
            "EXIT STATUS lacks {code}"
        );
    }
    let examples = section(&manual, "EXAMPLES");
    assert!(examples.contains("brief init"), "{examples}");
    assert!(examples.contains("brief check"), "{examples}");
}

#[test]
fn the_manual_describes_every_command_and_cites_no_page_that_does_not_exist() {
    let manual = manual();
    let commands = section(&manual, "COMMANDS");
    let cli = <brief::cli::Cli as clap::CommandFactory>::command();
    for sub in cli.get_subcommands() {
        let usage = format!("brief {} ", sub.get_name());
        let bare = format!("brief {}\n", sub.get_name());
        assert!(
            commands.contains(&usage) || commands.contains(&bare),
            "COMMANDS lacks `brief {}`",
            sub.get_name()
        );
    }
    // Only brief(1) is installed: a reference such as brief-check(1) leads nowhere. A
    // page is cited as a name right against its section; "matrix (6)" is a pane's key.
    let references: Vec<&str> = (1..=8)
        .flat_map(|section| {
            manual
                .match_indices(&format!("({section})"))
                .collect::<Vec<_>>()
        })
        .filter(|(at, _)| manual[..*at].ends_with(|c: char| c.is_alphanumeric()))
        .map(|(at, _)| {
            let start = manual[..at].rfind(char::is_whitespace).map_or(0, |s| s + 1);
            &manual[start..at + 3]
        })
        .collect();
    assert!(references.is_empty(), "the manual cites {references:?}");
}

/// The long options `brief COMMAND --help` offers.
fn options_of(command: &str) -> Vec<String> {
    let output = brief(&[command, "--help"]);
    assert_eq!(output.status.code(), Some(0));
    text(&output.stdout)
        .split_whitespace()
        .filter(|word| word.starts_with("--"))
        .map(|word| word.trim_end_matches([',', ']']).to_owned())
        .collect()
}

#[test]
fn each_command_offers_only_the_options_that_do_something_for_it() {
    let reading = ["--max-size", "--config"];
    for command in ["check", "export", "diff", "log", "config"] {
        let options = options_of(command);
        for option in reading {
            assert!(
                options.iter().any(|o| o == option),
                "`brief {command} --help` lacks {option}"
            );
        }
        let themed = options.iter().any(|o| o == "--theme");
        assert_eq!(
            themed,
            command == "config",
            "`brief {command} --help`: {options:?}"
        );
    }
    for command in ["init", "schema", "completions", "man"] {
        let options = options_of(command);
        for option in ["--max-size", "--config", "--theme", "--no-mouse"] {
            assert!(
                !options.iter().any(|o| o == option),
                "`brief {command} --help` offers {option}, which does nothing for it"
            );
        }
    }
    let dashboard = options_of("--help");
    for option in ["--max-size", "--config", "--theme", "--no-mouse"] {
        assert!(
            dashboard.iter().any(|o| o == option),
            "`brief --help` lacks {option}"
        );
    }
}

#[test]
fn an_option_before_a_command_counts_where_it_applies_and_is_refused_where_it_does_not() {
    let minimal = fixture("good/minimal.yaml");
    for args in [
        ["--max-size", "10", "check", &minimal],
        ["check", "--max-size", "10", &minimal],
    ] {
        let output = brief(&args);
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        assert!(
            text(&output.stdout).contains("over the 10-byte limit"),
            "{args:?}"
        );
    }
    let output = brief(&["--theme", "light", "man"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    assert!(
        text(&output.stderr).contains("--theme does nothing for `brief man`"),
        "{}",
        text(&output.stderr)
    );
    let output = brief(&["man", "--theme", "light"]);
    assert_eq!(
        output.status.code(),
        Some(2),
        "clap refuses it after the command"
    );
    let output = brief(&["config", "--theme", "light"]);
    assert!(
        text(&output.stdout).contains("\ntheme: light\n"),
        "{}",
        text(&output.stdout)
    );
}
