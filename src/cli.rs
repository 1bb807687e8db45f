//! The command line: what each subcommand does once its arguments are parsed.

use crate::app::{App, Origin};
use crate::briefing::{self, Budget, Diagnostic, LoadError};
use crate::config::Config;
use clap::{Parser, Subcommand, ValueEnum};

/// `eprintln!`, cleaned, that does not panic when stderr is gone (the terminal was closed).
macro_rules! errln {
    ($($arg:tt)*) => {
        $crate::cli::output::err(&format!("{}\n", format_args!($($arg)*)))
    };
}

/// `println!`, cleaned; a failed write ends the program (see `output`).
macro_rules! outln {
    ($($arg:tt)*) => {
        $crate::cli::output::out(&format!("{}\n", format_args!($($arg)*)))
    };
}

// After the macros, which it uses too.
mod history;
mod manual;
pub mod output;
mod paint;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

#[derive(Parser, Debug)]
#[command(
    name = "brief",
    version,
    about = "A terminal dashboard for analytical briefings",
    long_about = "Opens a YAML briefing as a keyboard-driven dashboard and redraws it whenever the file is saved.\n\nWith no PATH, opens the bundled briefing on the U.S.–Belarus thaw.",
    subcommand_negates_reqs = true,
    override_usage = "brief [OPTIONS] [PATH]\n       brief [OPTIONS] <COMMAND>"
)]
pub struct Cli {
    /// A briefing file (.yaml) to open, or a directory of briefings to choose from
    pub path: Option<PathBuf>,

    // Not global: each command that uses one of these takes it too (see `ReadOptions`),
    // so that `--help` offers an option only where it does something.
    #[arg(long, value_name = "BYTES", help = MAX_SIZE_HELP)]
    pub max_size: Option<u64>,

    #[arg(long, value_name = "THEME", value_parser = theme_names(), help = THEME_HELP)]
    pub theme: Option<String>,

    #[arg(long, value_name = "FILE", help = CONFIG_HELP)]
    pub config: Option<PathBuf>,

    /// Leave the mouse to the terminal (to select text); M toggles it in the dashboard
    #[arg(long)]
    pub no_mouse: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

const MAX_SIZE_HELP: &str = "Refuse briefing files larger than this many bytes [default: the config's max_size, else 8 MiB]";
const THEME_HELP: &str = "Colours: default (the terminal's own), dark, light or high-contrast; NO_COLOR=1 in the environment turns colour off whatever the theme";
const CONFIG_HELP: &str = "Read the configuration from this file instead of $XDG_CONFIG_HOME/brief/config.yaml (else ~/.config/brief/config.yaml)";

/// The options of the commands that read briefings: how large one may be, and the config
/// that may say so. Given before the command (`brief --max-size N log FILE`) they count too.
#[derive(clap::Args, Debug, Clone, Default)]
pub struct ReadOptions {
    #[arg(long, value_name = "BYTES", help = MAX_SIZE_HELP)]
    pub max_size: Option<u64>,
    #[arg(long, value_name = "FILE", help = CONFIG_HELP)]
    pub config: Option<PathBuf>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Check briefings without opening the dashboard; exit 1 if any has errors
    Check {
        /// Briefing files to check; a directory stands for every briefing in it
        #[arg(required = true, value_name = "FILES")]
        files: Vec<PathBuf>,
        /// How to print the diagnostics
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        #[command(flatten)]
        read: ReadOptions,
    },
    /// Print or write a briefing as Markdown, JSON or HTML (no PATH: the bundled one)
    Export {
        /// The briefing file to export
        path: Option<PathBuf>,
        /// The output format [default: from -o's extension, else markdown]
        #[arg(long, value_enum)]
        format: Option<ExportFormat>,
        /// Write to this file (atomically) instead of printing
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Give each item of the JSON its `at: {line, column}` in the briefing
        #[arg(long)]
        positions: bool,
        #[command(flatten)]
        read: ReadOptions,
    },
    /// Show what changed in a briefing's judgments: OLD NEW, REV FILE or REV1 REV2 FILE
    #[command(
        long_about = "Compares two versions of a briefing item by item: stances by actor and topic, everything else by id, so that moving an item is no change.\n\n  brief diff OLD.yaml NEW.yaml\n  brief diff REV FILE          (that revision against the working copy)\n  brief diff REV1 REV2 FILE\n\nAs git's diff driver: git config diff.brief.command \"brief diff --git\" and `*.yaml diff=brief` in .gitattributes."
    )]
    Diff {
        /// Two files, a revision and a file, or two revisions and a file
        #[arg(value_name = "ARGS", num_args = 1..=9)]
        args: Vec<std::ffi::OsString>,
        /// Take git's external-diff arguments (path old-file old-hex old-mode new-file new-hex new-mode, then new-path and header for a rename or copy)
        #[arg(long)]
        git: bool,
        /// When to colour the output
        #[arg(long, value_enum, default_value_t = history::Color::Auto)]
        color: history::Color,
        /// What to print
        #[arg(long, value_enum, default_value_t = history::DiffFormat::Text)]
        format: history::DiffFormat,
        /// Exit 1 if the judgments differ, 0 if they are the same
        #[arg(long)]
        exit_code: bool,
        #[command(flatten)]
        read: ReadOptions,
    },
    /// The commits that changed a briefing, newest first, with what each changed
    Log {
        /// The briefing file
        file: PathBuf,
        /// Show at most this many commits
        #[arg(short = 'n', long = "max-count", value_name = "N")]
        max: Option<usize>,
        /// Only commits since this date (YYYY-MM-DD, or as git takes it: "2 weeks ago")
        #[arg(long, value_name = "DATE")]
        since: Option<String>,
        /// What to print
        #[arg(long, value_enum, default_value_t = history::DiffFormat::Text)]
        format: history::DiffFormat,
        #[command(flatten)]
        read: ReadOptions,
    },
    /// Write a copy of the bundled briefing to edit, or a blank one
    Init {
        /// Where to write it (missing folders are made)
        #[arg(default_value = "briefing.yaml")]
        path: PathBuf,
        /// Overwrite the file if it exists
        #[arg(long)]
        force: bool,
        /// Write a blank briefing instead: every section and key, each explained in a comment
        #[arg(long)]
        blank: bool,
    },
    /// Print the briefing format as a JSON Schema (draft-07) for editors
    Schema {
        /// Print the format reference as Markdown instead
        #[arg(long)]
        markdown: bool,
    },
    /// Print the effective configuration (defaults and config file) as commented YAML
    Config {
        #[arg(long, value_name = "THEME", value_parser = theme_names(), help = THEME_HELP)]
        theme: Option<String>,
        #[command(flatten)]
        read: ReadOptions,
    },
    /// Print a completion script for a shell
    Completions {
        /// The shell to complete for
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff)
    Man,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    Markdown,
    Json,
    Html,
}

impl From<ExportFormat> for crate::export::Format {
    fn from(format: ExportFormat) -> Self {
        match format {
            ExportFormat::Markdown => Self::Markdown,
            ExportFormat::Json => Self::Json,
            ExportFormat::Html => Self::Html,
        }
    }
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
}

fn theme_names() -> clap::builder::PossibleValuesParser {
    crate::ui::theme::THEMES
        .iter()
        .map(|(name, _)| *name)
        .collect::<Vec<_>>()
        .into()
}

pub fn main(mut cli: Cli) -> i32 {
    if let (Some(path), Some(_)) = (&cli.path, &cli.command) {
        errln!(
            "brief: `{}` comes before the command; a command takes its files after it (`brief export FILE`)",
            path.display()
        );
        return 2;
    }
    if let Err(refusal) = take_command_options(&mut cli) {
        errln!("{refusal}");
        return 2;
    }
    // Commands that print what the program is made of need no configuration.
    let config = match &cli.command {
        Some(Command::Schema { .. } | Command::Completions { .. } | Command::Man) => {
            Config::default()
        }
        _ => match crate::config::load(cli.config.as_deref()) {
            Ok(config) => config,
            Err(error) => {
                errln!("{}", error.render());
                errln!("brief: the config has errors; nothing was started");
                return 2;
            }
        },
    };
    let budget = Budget {
        max_bytes: cli.max_size.unwrap_or(config.max_size),
    };
    match cli.command {
        Some(Command::Config { .. }) => {
            let mut effective = config;
            if let Some(theme) = cli.theme {
                effective.theme = theme;
            }
            effective.max_size = budget.max_bytes;
            outln!("{}", crate::config::to_yaml(&effective).trim_end());
            0
        }
        Some(Command::Check { files, format, .. }) => check(&files, format, budget),
        Some(Command::Init { path, force, blank }) => init(&path, force, blank),
        Some(Command::Diff {
            args,
            git,
            color,
            format,
            exit_code,
            ..
        }) => history::diff(
            history::DiffOptions {
                args,
                git,
                color,
                format,
                exit_code,
            },
            budget,
        ),
        Some(Command::Log {
            file,
            max,
            since,
            format,
            ..
        }) => history::log(history::LogOptions {
            file,
            max,
            since,
            format,
            budget,
        }),
        Some(Command::Export {
            path,
            format,
            output,
            positions,
            ..
        }) => {
            let request = ExportRequest {
                format: format.map(Into::into),
                output,
                positions,
            };
            export(path.as_deref(), &request, budget)
        }
        Some(Command::Schema { markdown }) => {
            if markdown {
                outln!("{}", briefing::reference::markdown().trim_end());
            } else {
                outln!("{}", briefing::schema::text().trim_end());
            }
            0
        }
        Some(Command::Completions { shell }) => {
            let mut command = <Cli as clap::CommandFactory>::command();
            let mut out = Vec::new();
            clap_complete::generate(shell, &mut command, "brief", &mut out);
            print_bytes(&out)
        }
        Some(Command::Man) => match manual::render(<Cli as clap::CommandFactory>::command()) {
            Ok(out) => print_bytes(&out),
            Err(e) => {
                errln!("brief: cannot render the manual page: {e}");
                1
            }
        },
        None => {
            let settings = settings(&config, cli.theme.as_deref());
            open(cli.path, budget, config.mouse && !cli.no_mouse, &settings)
        }
    }
}

/// Gathers the options a command was given, before or after its name, where the rest of
/// `main` reads them (after it wins); an option given before a command it does nothing
/// for is refused, as it would be after it, rather than silently ignored.
fn take_command_options(cli: &mut Cli) -> Result<(), String> {
    let Some(command) = &cli.command else {
        return Ok(());
    };
    let (name, read, theme) = match command {
        Command::Check { read, .. } => ("check", Some(read), None),
        Command::Export { read, .. } => ("export", Some(read), None),
        Command::Diff { read, .. } => ("diff", Some(read), None),
        Command::Log { read, .. } => ("log", Some(read), None),
        Command::Config { read, theme } => ("config", Some(read), Some(theme)),
        Command::Init { .. } => ("init", None, None),
        Command::Schema { .. } => ("schema", None, None),
        Command::Completions { .. } => ("completions", None, None),
        Command::Man => ("man", None, None),
    };
    let given = [
        ("--max-size", cli.max_size.is_some(), read.is_some()),
        ("--config", cli.config.is_some(), read.is_some()),
        ("--theme", cli.theme.is_some(), theme.is_some()),
        ("--no-mouse", cli.no_mouse, false),
    ];
    if let Some((option, ..)) = given.iter().find(|(_, given, applies)| *given && !applies) {
        return Err(format!(
            "brief: {option} does nothing for `brief {name}`; see `brief {name} --help` for its options"
        ));
    }
    let (read, theme) = (read.cloned(), theme.cloned().flatten());
    if let Some(read) = read {
        cli.max_size = read.max_size.or(cli.max_size);
        cli.config = read.config.or(cli.config.take());
    }
    cli.theme = theme.or(cli.theme.take());
    Ok(())
}

/// What the configuration puts in force for the dashboard, all of it at once: the theme
/// (or none of its colours under NO_COLOR), the keys, the editor. The mouse goes to `open`.
fn settings(config: &Config, theme: Option<&str>) -> crate::runtime::Settings {
    use crate::ui::theme as themes;
    let chosen = themes::by_name(theme.unwrap_or(&config.theme)).unwrap_or(&themes::DEFAULT);
    let no_color = themes::no_color_requested(std::env::var_os("NO_COLOR").as_deref());
    crate::runtime::Settings {
        theme: themes::choose(chosen, no_color),
        keys: crate::keymap::Keys::new(config.keys.clone()),
        editor: config.editor.clone(),
    }
}

/// `brief [PATH]`: the dashboard on the bundled briefing, a file, or a directory's picker.
/// Problems with the path are reported before the terminal is looked at, so a script
/// learns what is wrong with what it asked for.
fn open(
    path: Option<PathBuf>,
    budget: Budget,
    mouse: bool,
    settings: &crate::runtime::Settings,
) -> i32 {
    let app = match path {
        None => None,
        Some(dir) if dir.is_dir() => match picker(dir) {
            Ok(app) => Some(app),
            Err(status) => return status,
        },
        Some(path) if !path.exists() => {
            errln!("brief: {}: no such file", path.display());
            return 1;
        }
        Some(path) => {
            // Nothing to show, nor to wait for: refused before the terminal is taken.
            if let Some(why) = briefing::special_file(&path) {
                errln!("brief: {}: {why}", path.display());
                return 1;
            }
            Some(App::new(
                Origin::File(path.clone()),
                briefing::load_file(&path, budget),
                &crate::ui::layout::SCREEN,
            ))
        }
    };
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        errln!(
            "brief: the dashboard needs a terminal. Without one, use `brief check FILE` to validate a briefing or `brief export FILE` to print it."
        );
        return 2;
    }
    let mut app = app.unwrap_or_else(|| {
        App::new(
            Origin::Bundled,
            briefing::load_bundled(),
            &crate::ui::layout::SCREEN,
        )
    });
    app.mouse = mouse;
    run(app, budget, settings)
}

/// `brief DIR`: the picker over the directory's briefings, or the exit status if there
/// is nothing to pick.
fn picker(dir: PathBuf) -> Result<App, i32> {
    // Only names and sizes: the briefings are read after the first frame, off its path.
    let entries = match briefing::catalog::list(&dir) {
        Ok(entries) => entries,
        Err(e) => {
            errln!("brief: {}: cannot read the directory: {e}", dir.display());
            return Err(1);
        }
    };
    if entries.is_empty() {
        errln!(
            "brief: {}: no briefings (*.yaml, *.yml) in this directory",
            dir.display()
        );
        return Err(1);
    }
    Ok(App::with_picker(dir, entries, &crate::ui::layout::SCREEN))
}

fn run(app: App, budget: Budget, settings: &crate::runtime::Settings) -> i32 {
    match crate::runtime::run(app, budget, settings) {
        Ok(status) => status,
        Err(e) => {
            crate::runtime::terminal::restore();
            errln!("brief: terminal error: {e}");
            1
        }
    }
}

fn print_bytes(bytes: &[u8]) -> i32 {
    output::own_bytes(bytes);
    0
}

struct ExportRequest {
    format: Option<crate::export::Format>,
    output: Option<PathBuf>,
    positions: bool,
}

fn export(path: Option<&Path>, request: &ExportRequest, budget: Budget) -> i32 {
    use crate::export::{self, Format};
    if let (Some(output), Some(input)) = (&request.output, path)
        && same_file(output, input)
    {
        errln!(
            "brief: refusing to write the export over the briefing it is read from ({})",
            output.display()
        );
        return 2;
    }
    let format = match (request.format, request.output.as_deref()) {
        (Some(format), _) => format,
        (None, Some(output)) => match format_of_output(output) {
            Ok(format) => format,
            Err(()) => return 2,
        },
        (None, None) => Format::Markdown,
    };
    let (label, load) = match path {
        Some(path) => (
            path.display().to_string(),
            briefing::load_file(path, budget),
        ),
        None => (briefing::BUNDLED_NAME.to_owned(), briefing::load_bundled()),
    };
    let loaded = match load {
        Ok(loaded) => loaded,
        Err(error) => {
            for diagnostic in &error.diagnostics {
                errln!(
                    "{}",
                    diagnostic.render(&label, error.source.as_deref().unwrap_or(""))
                );
            }
            return 1;
        }
    };
    let positions = if request.positions {
        export::Positions::Include
    } else {
        export::Positions::Omit
    };
    let text = match format {
        Format::Markdown => export::markdown(&loaded),
        Format::Json => export::json(&loaded, positions),
        Format::Html => {
            export::html_from(&loaded, &export::Origin::of(path, briefing::BUNDLED_NAME))
        }
    };
    match &request.output {
        None => {
            outln!("{}", text.trim_end());
            0
        }
        Some(output) => match export::write_atomically(output, &text) {
            Ok(()) => 0,
            Err(e) => {
                errln!("brief: cannot write {}: {e}", output.display());
                1
            }
        },
    }
}

/// The format `-o FILE` asks for by its extension (Markdown when it has none). An
/// extension brief does not know is refused rather than guessed at, so that `-o
/// notes.txt` or a misspelt `-o out.hmtl` never gets Markdown under a name that says
/// otherwise.
fn format_of_output(output: &Path) -> Result<crate::export::Format, ()> {
    use crate::export::Format;
    match output.extension() {
        None => Ok(Format::Markdown),
        Some(_) => Format::from_extension(output).ok_or_else(|| {
            errln!(
                "brief: {}: unknown export format; name the file .md (Markdown), .json or .html, or pass --format markdown|json|html",
                output.display()
            );
        }),
    }
}

/// Whether two paths name one file (through links and `..`); a path that does not exist
/// yet is no file at all.
fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

fn check(paths: &[PathBuf], format: Format, budget: Budget) -> i32 {
    let (files, mut failed) = briefings_named(paths);
    let mut reports = Vec::new();
    for file in &files {
        let label = file.display().to_string();
        // The text is read once and kept, for the snippets under warnings as well.
        let loaded = briefing::read_source(file, budget)
            .and_then(|text| briefing::parse_file(file, &text, budget).map(|l| (l, text)));
        let (diagnostics, source) = match loaded {
            Ok((loaded, text)) => (loaded.warnings, text),
            Err(LoadError {
                diagnostics,
                source,
            }) => {
                failed = true;
                (diagnostics, source.unwrap_or_default())
            }
        };
        match format {
            Format::Text => print_text(&label, &diagnostics, &source),
            Format::Json => reports.push(serde_json::json!({
                "file": label,
                "ok": !diagnostics.iter().any(Diagnostic::is_error),
                "diagnostics": diagnostics,
            })),
        }
    }
    if format == Format::Json {
        outln!("{}", output::json(&reports));
    }
    i32::from(failed)
}

/// The files `brief check` is given, with each directory replaced by the briefings in
/// it (as `brief DIR` lists them), and whether a directory could not be used: one with
/// nothing to check is a failure, not a silent pass.
fn briefings_named(paths: &[PathBuf]) -> (Vec<PathBuf>, bool) {
    let mut files = Vec::new();
    let mut failed = false;
    for path in paths {
        if !path.is_dir() {
            files.push(path.clone());
            continue;
        }
        match briefing::catalog::briefing_files(path) {
            Ok(found) if found.is_empty() => {
                errln!(
                    "brief: {}: no briefings (*.yaml, *.yml) in this directory",
                    path.display()
                );
                failed = true;
            }
            Ok(found) => files.extend(found),
            Err(e) => {
                errln!("brief: {}: cannot read the directory: {e}", path.display());
                failed = true;
            }
        }
    }
    (files, failed)
}

fn print_text(label: &str, diagnostics: &[Diagnostic], source: &str) {
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = diagnostics.len() - errors;
    for diagnostic in diagnostics {
        outln!("{}\n", diagnostic.render(label, source));
    }
    if errors == 0 {
        outln!("{label}: ok ({})", crate::app::plural(warnings, "warning"));
    } else {
        outln!(
            "{label}: {} and {}",
            crate::app::plural(errors, "error"),
            crate::app::plural(warnings, "warning")
        );
    }
}

/// Writes the bundled briefing and the source texts its quotes are checked against (so
/// that the copy checks itself like the original), or the blank skeleton; then the schema
/// their first line names. Missing folders on the way are made, and every file written is
/// named, so nothing appears unannounced.
fn init(path: &Path, force: bool, blank: bool) -> i32 {
    if path.exists() && !force {
        errln!(
            "brief: {} exists; pass --force to overwrite it",
            path.display()
        );
        return 1;
    }
    let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
    let (briefing_text, sources) = if blank {
        (briefing::blank_text(), &[][..])
    } else {
        (briefing::init_text(), briefing::BUNDLED_SOURCES)
    };
    // A source text already there may be the analyst's own copy: it is kept. The schema
    // beside it may serve other briefings, so it is kept unless --force asks for a fresh one.
    let mut files = vec![(path.to_path_buf(), briefing_text, true)];
    files.extend(
        sources
            .iter()
            .map(|(file, text)| (dir.join(file), (*text).to_owned(), false)),
    );
    files.push((
        dir.join(briefing::SCHEMA_FILE),
        briefing::schema::text(),
        force,
    ));
    for (target, text, replace) in &files {
        if target.exists() && !replace {
            outln!("Kept {}, which was already there", target.display());
            continue;
        }
        let written = match target.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => std::fs::create_dir_all(parent),
            _ => Ok(()),
        }
        .and_then(|()| std::fs::write(target, text));
        if let Err(e) = written {
            errln!("brief: cannot write {}: {e}", target.display());
            return 1;
        }
        outln!("Wrote {}", target.display());
    }
    outln!(
        "Open it with: brief {}\nEditors with yaml-language-server check it against {}, beside it.",
        path.display(),
        briefing::SCHEMA_FILE
    );
    0
}
