//! brief among other tools, as a new user tries it from a shell: completions, the manual
//! page, themes refused by name, the config file's checks and `brief config`.

use std::path::Path;
use std::process::{Command, Output};

fn brief_in_env(args: &[&str], config_home: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(args)
        .env("XDG_CONFIG_HOME", config_home)
        .env_remove("NO_COLOR")
        .output()
        .expect("running brief")
}

/// `brief` with no user config (the config directory is an empty one).
fn brief(args: &[&str]) -> Output {
    let empty = tempfile::tempdir().unwrap();
    brief_in_env(args, empty.path())
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn completions_print_for_every_shell() {
    for (shell, marker) in [
        ("bash", "complete -F"),
        ("zsh", "#compdef brief"),
        ("fish", "complete -c brief"),
        ("elvish", "edit:completion"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let out = brief(&["completions", shell]);
        assert_eq!(out.status.code(), Some(0), "{shell}");
        let text = stdout(&out);
        assert!(text.contains(marker), "{shell}: no {marker}");
        for word in ["export", "schema", "high-contrast"] {
            assert!(text.contains(word), "{shell} completions lack {word}");
        }
    }
}

#[test]
fn the_man_page_prints() {
    let out = brief(&["man"]);
    assert_eq!(out.status.code(), Some(0));
    let page = stdout(&out);
    assert!(
        page.starts_with(".ie") || page.contains(".TH brief 1"),
        "{}",
        &page[..80]
    );
    for word in ["export", "\\-\\-theme", "\\-\\-config"] {
        assert!(page.contains(word), "the man page lacks {word}");
    }
}

#[test]
fn an_unknown_theme_is_refused_with_the_list() {
    let out = brief(&["--theme", "nosuch", "tests/fixtures/good/minimal.yaml"]);
    assert_eq!(out.status.code(), Some(2));
    let message = stderr(&out);
    for (name, _) in brief::ui::theme::THEMES {
        assert!(message.contains(name), "{message}");
    }
}

fn write_config(dir: &Path, text: &str) -> String {
    let path = dir.join("config.yaml");
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

#[test]
fn a_typo_in_the_config_stops_the_start_with_a_suggestion() {
    let dir = tempfile::tempdir().unwrap();
    let config = write_config(dir.path(), "mouse: false\nthme: dark\n");
    let out = brief(&["--config", &config, "tests/fixtures/good/minimal.yaml"]);
    assert_eq!(out.status.code(), Some(2));
    let message = stderr(&out);
    assert!(
        message.contains(&format!(
            "{config}:2:1: error: unknown setting `thme`; did you mean `theme`?"
        )),
        "{message}"
    );
    assert!(message.contains("2 | thme: dark"), "{message}");
}

#[test]
fn a_key_bound_twice_is_refused_naming_both_actions_and_the_line() {
    let dir = tempfile::tempdir().unwrap();
    let config = write_config(dir.path(), "theme: dark\nkeys:\n  quit: [j]\n");
    let out = brief(&["--config", &config, "tests/fixtures/good/minimal.yaml"]);
    assert_eq!(out.status.code(), Some(2));
    let message = stderr(&out);
    assert!(
        message.contains(
            "3:3: error: key `j` is bound to two actions: `down` (the defaults) and `quit` (line 3)"
        ),
        "{message}"
    );
}

#[test]
fn the_default_config_place_is_read() {
    let home = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(home.path().join("brief")).unwrap();
    std::fs::write(
        home.path().join("brief/config.yaml"),
        "keys:\n  quti: [x]\n",
    )
    .unwrap();
    let out = brief_in_env(&["tests/fixtures/good/minimal.yaml"], home.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("unknown action `quti`; did you mean `quit`?"));
}

#[test]
fn a_missing_config_named_on_the_command_line_is_an_error() {
    let out = brief(&["--config", "/no/such/config.yaml", "config"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("cannot read the config"));
}

#[test]
fn brief_config_prints_the_effective_configuration_as_yaml_that_loads_back() {
    let out = brief(&["config"]);
    assert_eq!(out.status.code(), Some(0));
    let defaults = stdout(&out);
    assert!(defaults.contains("theme: default\n"));
    assert!(defaults.contains("  quit: [\"q\", \"C-c\"]"), "{defaults}");
    assert_eq!(
        brief::config::parse(&defaults).unwrap(),
        brief::config::Config::default()
    );
    let dir = tempfile::tempdir().unwrap();
    let config = write_config(dir.path(), "theme: light\nkeys:\n  quit: [x]\n");
    let out = brief(&["--config", &config, "config"]);
    let merged = stdout(&out);
    assert!(merged.contains(&format!("merged with {config}")));
    assert!(merged.contains("theme: light\n"));
    assert!(merged.contains("  quit: [\"x\"]"));
    assert!(
        merged.contains("  down: [\"j\", \"↓\"]"),
        "other keys keep their defaults"
    );
    let printed = std::fs::write(dir.path().join("printed.yaml"), &merged);
    printed.unwrap();
    let again = brief(&[
        "--config",
        dir.path().join("printed.yaml").to_str().unwrap(),
        "config",
    ]);
    assert_eq!(again.status.code(), Some(0), "{}", stderr(&again));
}

#[test]
fn the_readme_config_example_is_a_valid_config() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let example = readme
        .split("## Colours and configuration")
        .nth(1)
        .and_then(|section| section.split("```yaml\n").nth(1))
        .and_then(|block| block.split("```").next())
        .expect("a config example in the README");
    let config = brief::config::parse(example).expect("the README's example loads");
    assert_eq!(config.theme, "light");
    assert!(!config.mouse);
}
