//! The README shows what the program does: its screen is one the program draws, and its
//! shell examples run in the order they are written.

mod common;
use common::harness::Harness;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The README's first fenced block: the screen under its opening paragraphs.
fn readme_screen() -> String {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let block = readme
        .split("\n```\n")
        .nth(1)
        .expect("the README opens with a screen in a fenced block");
    format!("{block}\n")
}

/// The bundled briefing's Risks pane, as `brief` then `4` shows it, at the README's size,
/// with each row's trailing blanks dropped as the README's lines drop them.
fn drawn_screen(width: u16, height: u16) -> String {
    let mut tui = Harness::bundled(width, height);
    tui.keys("4");
    tui.screen()
        .lines()
        .map(|row| format!("{}\n", row.trim_end()))
        .collect()
}

#[test]
fn the_readme_screen_is_the_one_the_program_draws() {
    let readme = readme_screen();
    let height = readme.lines().count() as u16;
    let width = readme
        .lines()
        .map(unicode_width::UnicodeWidthStr::width)
        .max()
        .unwrap_or(0) as u16;
    assert_eq!(
        (width, height),
        (100, 30),
        "the README's screen changed size"
    );
    let drawn = drawn_screen(width, height);
    if readme != drawn && std::env::var_os("BRIEF_UPDATE_GOLDEN").is_some() {
        let text = std::fs::read_to_string("README.md").unwrap();
        std::fs::write("README.md", text.replacen(&readme, &drawn, 1)).unwrap();
        return;
    }
    if readme != drawn {
        panic!(
            "the README's screen is not what brief draws at {width}x{height}; replace it with this (BRIEF_UPDATE_GOLDEN=1 does):\n{drawn}"
        );
    }
}

/// The generator `cargo run --example gen` runs, called here without Cargo.
#[path = "../benches/support/generate.rs"]
mod generate;

/// A README block that tests do not run, with why: the comment on the line before it.
const NOT_RUN: &str = "<!-- not run by tests/readme.rs:";

/// The README's shell examples in the order they are written, one command a line, each
/// with the reason it is not run, if it is in a block marked so.
fn readme_commands() -> Vec<(String, Option<String>)> {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let mut commands = Vec::new();
    let mut lines = readme.lines();
    let mut previous = "";
    while let Some(line) = lines.next() {
        if line != "```sh" {
            if !line.trim().is_empty() {
                previous = line;
            }
            continue;
        }
        let skipped = previous
            .strip_prefix(NOT_RUN)
            .map(|why| why.trim_end_matches("-->").trim().to_owned());
        for command in lines.by_ref().take_while(|line| *line != "```") {
            if !command.trim().is_empty() && !command.trim_start().starts_with('#') {
                commands.push((command.to_owned(), skipped.clone()));
            }
        }
        previous = "```";
    }
    commands
}

/// `cargo run --release --example gen -- ARGS > FILE`, done by calling the generator.
fn generate_as_the_example_would(command: &str, dir: &Path) -> bool {
    let Some(rest) = command.strip_prefix("cargo run --release --example gen -- ") else {
        return false;
    };
    let (args, target) = rest
        .split_once('>')
        .expect("the example's output goes to a file");
    let target = target.split('#').next().unwrap().trim();
    let args: Vec<String> = args.split_whitespace().map(str::to_owned).collect();
    let spec = generate::parse_args(&args).expect("the README's arguments are the example's");
    std::fs::write(dir.join(target), generate::generate(&spec)).unwrap();
    true
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Runs every shell example of the README in order, in a fresh folder holding what a clone
/// holds of briefings, with `brief` the binary under test and a home of its own (the
/// completion and manual lines write there). Blocks marked `not run` are skipped: they
/// build with Cargo or fetch from the network. The generator line is run without Cargo.
/// Lines that open the dashboard run without a terminal, as a script would: brief checks
/// the file they name, then says it needs a terminal (status 2); that is what they must
/// do, rather than fail on a file not made yet.
#[test]
fn the_readme_commands_run_in_the_order_written() {
    let dir = tempfile::tempdir().unwrap();
    let work = dir.path().join("clone");
    copy_dir(Path::new("briefings"), &work.join("briefings"));
    let home = dir.path().join("home");
    let bin = dir.path().join("bin");
    std::fs::create_dir_all(&home).unwrap();
    std::fs::create_dir_all(&bin).unwrap();
    std::os::unix::fs::symlink(env!("CARGO_BIN_EXE_brief"), bin.join("brief")).unwrap();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );

    let commands = readme_commands();
    let mut ran = 0;
    let mut needed_a_terminal = Vec::new();
    for (command, skipped) in &commands {
        if skipped.is_some() || generate_as_the_example_would(command, &work) {
            continue;
        }
        assert!(
            !command.starts_with("cargo"),
            "`{command}` needs Cargo: mark its block `{NOT_RUN} why -->`"
        );
        let mut child = Command::new("bash")
            .args(["-c", command])
            .current_dir(&work)
            .env("PATH", &path)
            .env("HOME", &home)
            .env("XDG_CONFIG_HOME", home.join(".config"))
            .env("PROFILE", home.join("profile.ps1"))
            .env_remove("NO_COLOR")
            .stdin(Stdio::null())
            // Files rather than pipes: nothing waits on a reader while the test polls.
            .stdout(std::fs::File::create(dir.path().join("stdout")).unwrap())
            .stderr(std::fs::File::create(dir.path().join("stderr")).unwrap())
            .spawn()
            .expect("running bash");
        let deadline = Instant::now() + Duration::from_secs(120);
        while child.try_wait().unwrap().is_none() {
            if Instant::now() > deadline {
                let _ = child.kill();
                panic!("`{command}` did not finish in two minutes");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let status = child.wait().unwrap();
        let read = |name: &str| std::fs::read_to_string(dir.path().join(name)).unwrap();
        let (stdout, stderr) = (read("stdout"), read("stderr"));
        // brief check reports a missing file on stdout, with the other diagnostics.
        assert!(
            !format!("{stdout}{stderr}")
                .to_lowercase()
                .contains("no such file"),
            "`{command}`, run after the README's commands before it, fails: {stdout}{stderr}"
        );
        let dashboard = status.code() == Some(2) && stderr.contains("needs a terminal");
        assert!(
            status.success() || dashboard,
            "`{command}` fails ({status}): {stdout}{stderr}"
        );
        if dashboard {
            needed_a_terminal.push(command.clone());
        }
        ran += 1;
    }
    assert!(ran >= 20, "only {ran} of the README's commands ran");
    assert!(
        needed_a_terminal
            .iter()
            .any(|c| c.starts_with("brief --max-size 20000000 big.yaml")),
        "{needed_a_terminal:?}"
    );
    assert!(home.join(".local/share/man/man1/brief.1").is_file());
}
