//! The optional config file: `$XDG_CONFIG_HOME/brief/config.yaml` (else
//! `~/.config/brief/config.yaml`) or `--config FILE`. It is read and checked like a
//! briefing, with the same diagnostics (file:line:col, suggestions for typos), and is
//! applied whole or not at all.

use crate::briefing::{self, Diagnostic, Pos, closest, node::Node, node::Value};
use crate::keymap::{self, BINDINGS, Key};
use crate::ui::theme;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// The settings a config file may hold, in the order `brief config` prints them.
const SETTINGS: &[&str] = &["theme", "mouse", "editor", "max_size", "keys"];

/// The placeholders an editor template may use.
const PLACEHOLDERS: &[&str] = &["file", "line", "column"];

/// The effective configuration: the defaults, with what the file sets.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// The file that was read, if any.
    pub file: Option<PathBuf>,
    pub theme: String,
    pub mouse: bool,
    /// The command `e` runs, with `{file}`, `{line}` and `{column}`.
    pub editor: Option<String>,
    pub max_size: u64,
    /// Each binding's keys, by its place in `BINDINGS`.
    pub keys: Vec<Vec<Key>>,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            file: None,
            theme: "default".into(),
            mouse: true,
            editor: None,
            max_size: briefing::Budget::DEFAULT_MAX_BYTES,
            keys: BINDINGS.iter().map(|b| b.keys.to_vec()).collect(),
        }
    }
}

/// A config that cannot be used: its problems, and its text for the snippets.
#[derive(Debug)]
pub struct ConfigError {
    pub file: PathBuf,
    pub diagnostics: Vec<Diagnostic>,
    pub source: String,
}

impl ConfigError {
    /// Every problem, rendered with its source line and caret.
    pub fn render(&self) -> String {
        let label = self.file.display().to_string();
        self.diagnostics
            .iter()
            .map(|d| d.render(&label, &self.source))
            .collect::<Vec<_>>()
            .join("\n\n")
    }
}

/// Where the config is looked for when `--config` is not given.
pub fn default_path(xdg_config_home: Option<&str>, home: Option<&str>) -> Option<PathBuf> {
    let base = match xdg_config_home.filter(|d| Path::new(d).is_absolute()) {
        Some(dir) => PathBuf::from(dir),
        None => Path::new(home.filter(|h| !h.is_empty())?).join(".config"),
    };
    Some(base.join("brief").join("config.yaml"))
}

/// The config named by `--config` (which must exist), else the one in the default place
/// if there is one, else the defaults.
pub fn load(explicit: Option<&Path>) -> Result<Config, ConfigError> {
    let path = match explicit {
        Some(path) => path.to_path_buf(),
        None => {
            let xdg = std::env::var("XDG_CONFIG_HOME").ok();
            let home = std::env::var("HOME").ok();
            match default_path(xdg.as_deref(), home.as_deref()) {
                Some(path) if path.is_file() => path,
                _ => return Ok(Config::default()),
            }
        }
    };
    let text = std::fs::read_to_string(&path).map_err(|e| ConfigError {
        file: path.clone(),
        diagnostics: vec![Diagnostic::error(
            None,
            format!("cannot read the config: {e}"),
        )],
        source: String::new(),
    })?;
    parse(&text)
        .map(|mut config| {
            config.file = Some(path.clone());
            config
        })
        .map_err(|diagnostics| ConfigError {
            file: path,
            diagnostics,
            source: text,
        })
}

/// The config in `text`, or every problem with it.
pub fn parse(text: &str) -> Result<Config, Vec<Diagnostic>> {
    let mut config = Config::default();
    let mut diags = Vec::new();
    let root = match briefing::read_yaml(text) {
        Ok(Some(root)) => root,
        Ok(None) => return Ok(config),
        Err(diagnostic) => return Err(vec![diagnostic]),
    };
    let entries = match &root.value {
        Value::Map(entries) => entries,
        Value::Null => return Ok(config),
        _ => {
            return Err(vec![Diagnostic::error(
                root.pos,
                "the config is a mapping of settings: theme, mouse, editor, max_size, keys",
            )]);
        }
    };
    let mut seen: Vec<(&str, Pos)> = Vec::new();
    for entry in entries {
        if let Some((_, first)) = seen.iter().find(|(k, _)| *k == entry.key) {
            diags.push(Diagnostic::error(
                entry.key_pos,
                format!(
                    "`{}` is set twice (first at line {})",
                    entry.key, first.line
                ),
            ));
            continue;
        }
        seen.push((&entry.key, entry.key_pos));
        let node = &entry.node;
        match entry.key.as_str() {
            "theme" => {
                if let Some(name) = text_of(node, "theme", &mut diags) {
                    match theme::by_name(&name) {
                        Ok(_) => config.theme = name,
                        Err(message) => diags.push(Diagnostic::error(node.pos, message)),
                    }
                }
            }
            "mouse" => {
                if let Some(value) = text_of(node, "mouse", &mut diags) {
                    match value.as_str() {
                        "true" | "yes" | "on" => config.mouse = true,
                        "false" | "no" | "off" => config.mouse = false,
                        other => diags.push(Diagnostic::error(
                            node.pos,
                            format!("`mouse: {other}` is not one of: true | false"),
                        )),
                    }
                }
            }
            "editor" => {
                if let Some(template) = text_of(node, "editor", &mut diags) {
                    match check_template(&template) {
                        Ok(()) => config.editor = Some(template),
                        Err(message) => diags.push(Diagnostic::error(node.pos, message)),
                    }
                }
            }
            "max_size" => {
                if let Some(value) = text_of(node, "max_size", &mut diags) {
                    match value.replace('_', "").parse::<u64>() {
                        Ok(bytes) if bytes > 0 => config.max_size = bytes,
                        _ => diags.push(Diagnostic::error(
                            node.pos,
                            format!("`max_size: {value}` is not a number of bytes"),
                        )),
                    }
                }
            }
            "keys" => keys(node, &mut config, &mut diags),
            other => {
                let hint = match closest(other, SETTINGS) {
                    Some(near) => format!("; did you mean `{near}`?"),
                    None => format!("; the settings are: {}", SETTINGS.join(", ")),
                };
                diags.push(Diagnostic::error(
                    entry.key_pos,
                    format!(
                        "unknown setting `{}`{hint}",
                        briefing::sanitize::clean_line(other)
                    ),
                ));
            }
        }
    }
    if diags.is_empty() {
        Ok(config)
    } else {
        briefing::diagnostic::sort(&mut diags);
        Err(diags)
    }
}

/// A scalar's text; `None` (with an error) for a list or mapping, `None` quietly for a
/// setting left empty, which keeps its default.
fn text_of(node: &Node, key: &str, diags: &mut Vec<Diagnostic>) -> Option<String> {
    briefing::scalar_text(node, key, diags).map(|text| text.trim().to_owned())
}

/// An editor template must name the file, and may use only the known placeholders.
fn check_template(template: &str) -> Result<(), String> {
    let words = shell_words::split(template)
        .map_err(|e| format!("the editor command cannot be split into words: {e}"))?;
    if words.is_empty() {
        return Err("the editor command is empty".into());
    }
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        let name = &after[..close];
        if !PLACEHOLDERS.contains(&name) {
            let hint = closest(name, PLACEHOLDERS)
                .map(|near| format!("; did you mean `{{{near}}}`?"))
                .unwrap_or_else(|| "; the placeholders are {file}, {line} and {column}".into());
            return Err(format!(
                "unknown placeholder `{{{name}}}` in the editor command{hint}"
            ));
        }
        rest = &after[close + 1..];
    }
    if !template.contains("{file}") {
        return Err("the editor command must say where the file goes: `{file}` (and may use `{line}`, `{column}`)".into());
    }
    Ok(())
}

/// `keys:`, action name → list of keys, each list replacing the action's default keys.
/// A key left bound to two actions is refused, naming both.
fn keys(node: &Node, config: &mut Config, diags: &mut Vec<Diagnostic>) {
    let entries = match &node.value {
        Value::Map(entries) => entries,
        Value::Null => return,
        other => {
            diags.push(Diagnostic::error(
                node.pos,
                format!(
                    "expected `keys` to be a mapping of action names to lists of keys, found {}",
                    other.kind_name()
                ),
            ));
            return;
        }
    };
    let actions: Vec<(&str, usize)> = keymap::configurable().collect();
    let names: Vec<&str> = actions.iter().map(|(n, _)| *n).collect();
    // Where each rebound binding's keys were written, for the conflict messages.
    let mut written: Vec<Option<Pos>> = vec![None; BINDINGS.len()];
    for entry in entries {
        let Some(&(_, index)) = actions.iter().find(|(n, _)| *n == entry.key) else {
            let hint = match closest(&entry.key, &names) {
                Some(near) => format!("; did you mean `{near}`?"),
                None => "; `brief config` lists the actions".to_owned(),
            };
            diags.push(Diagnostic::error(
                entry.key_pos,
                format!(
                    "unknown action `{}`{hint}",
                    briefing::sanitize::clean_line(&entry.key)
                ),
            ));
            continue;
        };
        let items: &[Node] = match &entry.node.value {
            Value::Seq(items) => items,
            Value::Text(_) => std::slice::from_ref(&entry.node),
            _ => {
                diags.push(Diagnostic::error(
                    entry.node.pos,
                    format!(
                        "expected the keys of `{}` as a list, like [x, C-x]",
                        entry.key
                    ),
                ));
                continue;
            }
        };
        let mut bound = Vec::new();
        for item in items {
            let Value::Text(text) = &item.value else {
                diags.push(Diagnostic::error(
                    item.pos,
                    "expected a key, like `x`, `C-x` or `Enter`",
                ));
                continue;
            };
            match keymap::parse_key(text) {
                Some(key) if !bound.contains(&key) => bound.push(key),
                Some(_) => {}
                None => diags.push(Diagnostic::error(
                    item.pos,
                    format!(
                        "`{}` is not a key: write a character (`x`), `C-x`, or a name such as Enter, Esc, Tab, S-Tab, Space, Up, PgDn, F5",
                        briefing::sanitize::clean_line(text)
                    ),
                )),
            }
        }
        if bound.is_empty() {
            diags.push(Diagnostic::error(
                entry.node.pos,
                format!("`{}` would have no key at all", entry.key),
            ));
            continue;
        }
        config.keys[index] = bound;
        written[index] = Some(entry.key_pos);
    }
    conflicts(config, &written, diags);
}

/// Every key that two browsing actions now share, reported once, where it was written.
fn conflicts(config: &Config, written: &[Option<Pos>], diags: &mut Vec<Diagnostic>) {
    let browse: Vec<usize> = keymap::configurable().map(|(_, i)| i).collect();
    for (n, &a) in browse.iter().enumerate() {
        for &b in &browse[n + 1..] {
            let (Some(shared), true) = (
                config.keys[a].iter().find(|k| config.keys[b].contains(k)),
                written[a].is_some() || written[b].is_some(),
            ) else {
                continue;
            };
            let where_ = |i: usize| match written[i] {
                Some(pos) => format!("line {}", pos.line),
                None => "the defaults".to_owned(),
            };
            let name = |i: usize| BINDINGS[i].name;
            diags.push(Diagnostic::error(
                written[a].or(written[b]),
                format!(
                    "key `{}` is bound to two actions: `{}` ({}) and `{}` ({})",
                    shared.label(),
                    name(a),
                    where_(a),
                    name(b),
                    where_(b)
                ),
            ));
        }
    }
}

/// The effective configuration as commented YAML that loads back, for a user to start
/// their own from.
pub fn to_yaml(config: &Config) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# brief's configuration: the defaults");
    match &config.file {
        Some(file) => {
            let _ = writeln!(out, "# merged with {}.", file.display());
        }
        None => {
            let _ = writeln!(
                out,
                "# (no config file was found). Save this as $XDG_CONFIG_HOME/brief/config.yaml\n# (else ~/.config/brief/config.yaml), or pass --config FILE, and change what you like."
            );
        }
    }
    let themes: Vec<&str> = theme::THEMES.iter().map(|(n, _)| *n).collect();
    let _ = writeln!(
        out,
        "\n# Colours: {}. `default` uses the terminal's own colours.\n# NO_COLOR=1 in the environment means no colour whatever the theme. --theme overrides this.",
        themes.join(", ")
    );
    let _ = writeln!(out, "theme: {}", config.theme);
    let _ = writeln!(
        out,
        "\n# Whether the mouse wheel scrolls and a click selects (the terminal's own text\n# selection works when it is off)."
    );
    let _ = writeln!(out, "mouse: {}", config.mouse);
    let _ = writeln!(
        out,
        "\n# The command `e` runs on the selected item, with {{file}}, {{line}} and {{column}}\n# (the column is 1, the start of the item's line), e.g. \"nvim +{{line}} {{file}}\" or\n# \"code --wait --goto {{file}}:{{line}}:{{column}}\". Empty: $VISUAL, else $EDITOR, else vi,\n# told the line in the way each editor expects."
    );
    match &config.editor {
        Some(editor) => {
            let _ = writeln!(out, "editor: {}", quoted(editor));
        }
        None => {
            let _ = writeln!(out, "editor:");
        }
    }
    let _ = writeln!(
        out,
        "\n# Briefing files larger than this many bytes are refused. --max-size overrides this."
    );
    let _ = writeln!(out, "max_size: {}", config.max_size);
    let _ = writeln!(
        out,
        "\n# The keys of each action while browsing; a list replaces the action's keys.\n# A key: a character (x, G), C-x for Control, or Enter, Esc, Tab, S-Tab, Space,\n# Up, Down, Left, Right, Home, End, PgUp, PgDn, Bksp, Del, F1 to F12.\nkeys:"
    );
    for (name, index) in keymap::configurable() {
        let keys: Vec<String> = config.keys[index]
            .iter()
            .map(|k| quoted(&k.label()))
            .collect();
        let _ = writeln!(
            out,
            "  {name}: [{}]  # {}",
            keys.join(", "),
            BINDINGS[index].help
        );
    }
    out
}

/// A YAML double-quoted scalar (JSON's string syntax is YAML's), with what a terminal
/// would act on escaped so that the printed config reads back as the same value.
fn quoted(text: &str) -> String {
    briefing::sanitize::escape_json(
        &serde_json::to_string(text).unwrap_or_else(|_| format!("\"{text}\"")),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn errors(text: &str) -> Vec<String> {
        parse(text)
            .expect_err("the config is refused")
            .iter()
            .map(|d| format!("{}: {}", d.pos.unwrap_or_default(), d.message))
            .collect()
    }

    fn index_of(name: &str) -> usize {
        keymap::configurable()
            .find(|(n, _)| *n == name)
            .map(|(_, i)| i)
            .unwrap()
    }

    #[test]
    fn an_empty_config_is_the_defaults() {
        assert_eq!(parse("").unwrap(), Config::default());
        assert_eq!(parse("# nothing\n").unwrap(), Config::default());
    }

    #[test]
    fn settings_are_read() {
        let config = parse(
            "theme: light\nmouse: false\neditor: \"hx {file}:{line}:{column}\"\nmax_size: 1000\nkeys:\n  quit: [x]\n",
        )
        .unwrap();
        assert_eq!(config.theme, "light");
        assert!(!config.mouse);
        assert_eq!(config.editor.as_deref(), Some("hx {file}:{line}:{column}"));
        assert_eq!(config.max_size, 1000);
        assert_eq!(
            config.keys[index_of("quit")],
            vec![keymap::parse_key("x").unwrap()]
        );
        // Other actions keep their defaults.
        assert_eq!(
            config.keys[index_of("down")],
            BINDINGS[index_of("down")].keys
        );
    }

    #[test]
    fn a_typo_gets_its_position_and_a_suggestion() {
        assert_eq!(
            errors("mouse: true\nthme: dark\n"),
            ["2:1: unknown setting `thme`; did you mean `theme`?"]
        );
        assert_eq!(
            errors("keys:\n  quti: [x]\n"),
            ["2:3: unknown action `quti`; did you mean `quit`?"]
        );
        assert_eq!(
            errors("editor: vim +{lines} {file}\n"),
            ["1:9: unknown placeholder `{lines}` in the editor command; did you mean `{line}`?"]
        );
    }

    #[test]
    fn a_key_bound_to_two_actions_is_refused_naming_both() {
        assert_eq!(
            errors("keys:\n  quit: [j]\n"),
            ["2:3: key `j` is bound to two actions: `down` (the defaults) and `quit` (line 2)"]
        );
        assert_eq!(
            errors("theme: dark\nkeys:\n  reload: [x]\n  edit: [x]\n"),
            ["3:3: key `x` is bound to two actions: `reload` (line 3) and `edit` (line 4)"]
        );
        // Moving a key from one action to another is fine.
        let config = parse("keys:\n  quit: [j]\n  down: [z]\n").unwrap();
        assert_eq!(
            config.keys[index_of("quit")],
            vec![keymap::parse_key("j").unwrap()]
        );
    }

    #[test]
    fn wrong_values_are_refused() {
        assert_eq!(
            errors("theme: nosuch\n"),
            ["1:8: unknown theme `nosuch`; the themes are: default, dark, light, high-contrast"]
        );
        assert_eq!(
            errors("mouse: maybe\n"),
            ["1:8: `mouse: maybe` is not one of: true | false"]
        );
        assert_eq!(
            errors("max_size: big\n"),
            ["1:11: `max_size: big` is not a number of bytes"]
        );
        assert!(errors("keys:\n  quit: [Hyper-x]\n")[0].starts_with("2:"));
        assert!(errors("editor: nvim\n")[0].contains("`{file}`"));
        assert_eq!(errors("- theme\n").len(), 1);
    }

    #[test]
    fn the_printed_config_loads_back_to_itself() {
        let config = parse("theme: high-contrast\nmouse: no\neditor: 'kak +{line} {file}'\nkeys:\n  quit: [x, C-q]\n  toggle_help: [\"?\", F1]\n").unwrap();
        let printed = to_yaml(&config);
        assert_eq!(
            parse(&printed).unwrap(),
            Config {
                file: None,
                ..config
            }
        );
        assert_eq!(
            parse(&to_yaml(&Config::default())).unwrap(),
            Config::default()
        );
    }

    #[test]
    fn every_default_key_parses_back_from_its_label() {
        for binding in BINDINGS {
            for key in binding.keys {
                assert_eq!(
                    keymap::parse_key(&key.label()),
                    Some(*key),
                    "{}",
                    key.label()
                );
            }
        }
    }

    #[test]
    fn the_default_place_follows_xdg() {
        assert_eq!(
            default_path(Some("/cfg"), Some("/home/a")),
            Some(PathBuf::from("/cfg/brief/config.yaml"))
        );
        assert_eq!(
            default_path(None, Some("/home/a")),
            Some(PathBuf::from("/home/a/.config/brief/config.yaml"))
        );
        // A relative XDG_CONFIG_HOME is to be ignored, says the spec.
        assert_eq!(
            default_path(Some("rel"), Some("/home/a")),
            Some(PathBuf::from("/home/a/.config/brief/config.yaml"))
        );
        assert_eq!(default_path(None, None), None);
    }
}
