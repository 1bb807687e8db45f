//! `brief man`: the manual page. The parts clap knows (synopsis, options, commands) and
//! the keys (the key table) are generated, so the page follows the program; what a user
//! needs besides (files, environment, exit status, examples) is written here once.

use crate::keymap::{BINDINGS, Mode};
use roff::{Roff, bold, italic, roman};

/// The whole page, in roff.
pub fn render(mut command: clap::Command) -> std::io::Result<Vec<u8>> {
    command.build();
    let man = clap_mangen::Man::new(command.clone());
    let mut out = Vec::new();
    man.render_title(&mut out)?;
    man.render_name_section(&mut out)?;
    man.render_synopsis_section(&mut out)?;
    man.render_description_section(&mut out)?;
    man.render_options_section(&mut out)?;
    // clap_mangen's own list of commands points at a page per command (brief-check(1)),
    // and there are none: each command is described here instead, with its options.
    let mut page = Roff::new();
    commands(&mut page, &mut command);
    keys(&mut page);
    files(&mut page);
    environment(&mut page);
    exit_status(&mut page);
    examples(&mut page);
    page.to_writer(&mut out)?;
    man.render_version_section(&mut out)?;
    Ok(out)
}

fn commands(page: &mut Roff, command: &mut clap::Command) {
    page.control("SH", ["COMMANDS"]);
    for sub in command.get_subcommands_mut() {
        // `help` is clap's own, and says what --help says.
        if sub.is_hide_set() || sub.get_name() == "help" {
            continue;
        }
        let usage = sub.render_usage().to_string();
        let usage = usage.trim_start_matches("Usage:").trim();
        page.control("TP", []);
        page.text([bold(usage)]);
        let about = sub
            .get_long_about()
            .or_else(|| sub.get_about())
            .map(ToString::to_string)
            .unwrap_or_default();
        for (n, paragraph) in about.split("\n\n").enumerate() {
            if n > 0 {
                page.control("IP", []);
            }
            page.text([roman(paragraph)]);
        }
        let options: Vec<&clap::Arg> = sub
            .get_arguments()
            .filter(|arg| !arg.is_hide_set() && !arg.is_positional())
            .filter(|arg| !matches!(arg.get_id().as_str(), "help" | "version"))
            .collect();
        if options.is_empty() {
            continue;
        }
        page.control("RS", []);
        for arg in options {
            page.control("TP", []);
            page.text(option_header(arg));
            let mut help = arg
                .get_long_help()
                .or_else(|| arg.get_help())
                .map(ToString::to_string)
                .unwrap_or_default();
            let values: Vec<String> = arg
                .get_possible_values()
                .iter()
                .filter(|value| !value.is_hide_set())
                .map(|value| value.get_name().to_owned())
                .collect();
            if !values.is_empty() {
                help.push_str(&format!(" [possible values: {}]", values.join(", ")));
            }
            // A flag's default (false) says nothing.
            let defaults: Vec<String> = if takes_value(arg) {
                arg.get_default_values()
                    .iter()
                    .map(|value| value.to_string_lossy().into_owned())
                    .collect()
            } else {
                Vec::new()
            };
            if !defaults.is_empty() {
                help.push_str(&format!(" [default: {}]", defaults.join(", ")));
            }
            page.text([roman(help)]);
        }
        page.control("RE", []);
    }
}

fn option_header(arg: &clap::Arg) -> Vec<roff::Inline> {
    let mut header = Vec::new();
    if let Some(short) = arg.get_short() {
        header.push(bold(format!("-{short}")));
    }
    if let Some(long) = arg.get_long() {
        if !header.is_empty() {
            header.push(roman(", "));
        }
        header.push(bold(format!("--{long}")));
    }
    if takes_value(arg)
        && let Some(names) = arg.get_value_names()
    {
        for name in names {
            header.push(roman(" "));
            header.push(italic(format!("<{name}>")));
        }
    }
    header
}

fn takes_value(arg: &clap::Arg) -> bool {
    arg.get_num_args().is_some_and(|n| n.takes_values())
}

/// The dashboard's keys, by what is on screen, from the one key table.
fn keys(page: &mut Roff) {
    page.control("SH", ["KEYS"]);
    page.text([roman(
        "The dashboard's default keys. A config file rebinds an action by the name given in parentheses; brief config lists them with the keys in force.",
    )]);
    for mode in Mode::ALL {
        let bindings: Vec<_> = BINDINGS.iter().filter(|b| b.mode == mode).collect();
        if bindings.is_empty() {
            continue;
        }
        page.control("SS", [mode.title()]);
        for binding in bindings {
            let mut header = Vec::new();
            for (n, key) in binding.keys.iter().enumerate() {
                if n > 0 {
                    header.push(roman(", "));
                }
                header.push(bold(key.label()));
            }
            header.push(roman(format!("  ({})", binding.name)));
            page.control("TP", []);
            page.text(header);
            page.text([roman(binding.help)]);
        }
    }
}

fn files(page: &mut Roff) {
    page.control("SH", ["FILES"]);
    definitions(
        page,
        &[
            (
                "$XDG_CONFIG_HOME/brief/config.yaml",
                "The configuration: theme, mouse, editor, max_size and keys. Without XDG_CONFIG_HOME, ~/.config/brief/config.yaml; --config FILE names another. brief config prints the one in force as commented YAML. A config with an error stops brief with status 2 before anything starts.",
            ),
            (
                "briefing.schema.json",
                "The format as a JSON Schema, written by brief init beside the briefing its first line names it in, for editors with yaml-language-server. brief schema prints it.",
            ),
        ],
    );
}

fn environment(page: &mut Roff) {
    page.control("SH", ["ENVIRONMENT"]);
    definitions(
        page,
        &[
            (
                "NO_COLOR",
                "Set to anything but the empty string: no colour at all, whatever the theme. Selections are shown in reverse video, positions and severities keep their signs and bars.",
            ),
            (
                "VISUAL",
                "The editor e opens the briefing in, at the selected item's line, unless the config has an editor template.",
            ),
            (
                "EDITOR",
                "The editor when VISUAL is not set; without either, vi. Arguments are allowed (EDITOR=\"code --wait\").",
            ),
            (
                "XDG_CONFIG_HOME",
                "Where the config file is looked for (brief/config.yaml in it); a relative path is ignored.",
            ),
        ],
    );
}

fn exit_status(page: &mut Roff) {
    page.control("SH", ["EXIT STATUS"]);
    definitions(
        page,
        &[
            (
                "0",
                "Success; brief check found no errors (warnings allowed); brief diff --exit-code found the judgments the same.",
            ),
            (
                "1",
                "A briefing has errors, a file named is missing or cannot be written; brief diff --exit-code found the judgments changed.",
            ),
            (
                "2",
                "The command line or the config is wrong, the dashboard has no terminal, an export would overwrite its briefing or names no format brief knows, or the output could not be written.",
            ),
        ],
    );
}

fn examples(page: &mut Roff) {
    page.control("SH", ["EXAMPLES"]);
    definitions(
        page,
        &[
            (
                "brief init my.yaml",
                "An editable copy of the bundled briefing, with the source text its quotes are checked against.",
            ),
            (
                "brief init --blank new.yaml",
                "A blank briefing: every section and key, each explained in a comment.",
            ),
            (
                "brief my.yaml",
                "The dashboard; edits show up as the file is saved.",
            ),
            ("brief briefings/", "Pick one of a folder's briefings."),
            (
                "brief check my.yaml briefings/",
                "Validate files and every briefing in a folder, without a terminal.",
            ),
            (
                "brief export -o my.html my.yaml",
                "The briefing as HTML, written atomically; .md and .json work too.",
            ),
            (
                "brief diff HEAD~1 my.yaml",
                "What changed in the judgments since the last commit.",
            ),
            (
                "brief log -n 5 my.yaml",
                "The last five commits that changed the briefing, with what each changed.",
            ),
        ],
    );
}

/// Terms in bold, each with its paragraph.
fn definitions(page: &mut Roff, items: &[(&str, &str)]) {
    for (term, text) in items {
        page.control("TP", []);
        page.text([bold(*term)]);
        page.text([roman(*text)]);
    }
}
