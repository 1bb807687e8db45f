//! The one way the command line reaches stdout and stderr. File names, config values,
//! git refs and subjects and the error messages that quote them come from outside, so
//! whatever is written is cleaned by the briefing's own sanitiser first: a file named
//! `x\e]52;c;…\a.yaml` must not set the clipboard when `brief check` names it.
//!
//! A write that fails is an error (a full disk is not a success), except that a reader
//! who has gone (`brief log f.yaml | head -1`) is let go quietly, as git and ripgrep do.

use crate::briefing::sanitize;
use std::io::{self, Write};

/// Writes text to stdout, cleaned.
pub fn out(text: &str) {
    stdout(sanitize::clean(text).as_bytes());
}

/// Writes text to stderr, cleaned. Nothing is left to report a failure to, so none is.
pub fn err(text: &str) {
    let _ = io::stderr()
        .lock()
        .write_all(sanitize::clean(text).as_bytes());
}

/// Writes output whose only escape sequences are brief's own colours: the painter
/// cleaned every piece of outside text it was given before colouring it.
pub fn painted(text: &str) {
    stdout(text.as_bytes());
}

/// Writes brief's own generated text (the manual page, completion scripts) as it is:
/// nothing from outside is in it, and tabs in a script must stay tabs.
pub fn own_bytes(bytes: &[u8]) {
    stdout(bytes);
}

/// A value as JSON for a terminal or a pipe: what a terminal would act on is escaped,
/// so the text is safe to show and reads back as the same strings.
pub fn json(value: &impl serde::Serialize) -> String {
    let text = serde_json::to_string_pretty(value).unwrap_or_default();
    sanitize::escape_json(&text)
}

/// Prints clap's message for a command line it could not take (or for `--help` and
/// `--version`) and returns the status to exit with. The message quotes what was typed,
/// and clap passes that to a terminal as it is, so the message is made again from the
/// command line cleaned: it shows what was typed with its controls made visible, in
/// clap's colours.
pub fn parse_error(error: &clap::Error) -> i32 {
    use clap::Parser as _;
    let cleaned = std::env::args_os().map(|arg| sanitize::clean(&arg.to_string_lossy()));
    match super::Cli::try_parse_from(cleaned) {
        Err(again) if again.kind() == error.kind() => {
            if let Err(e) = again.print() {
                failed(&e);
            }
        }
        // Cleaning changed what clap found wrong: its first message, without colours
        // (clap strips its escapes then) and cleaned.
        _ => {
            let text = sanitize::clean(&error.render().to_string());
            if error.use_stderr() {
                err(&text);
            } else {
                out(&text);
            }
        }
    }
    finish(error.exit_code())
}

/// Writes what stdout still buffers; the status to exit with, unless that fails.
pub fn finish(status: i32) -> i32 {
    if let Err(e) = io::stdout().lock().flush() {
        failed(&e);
    }
    status
}

fn stdout(bytes: &[u8]) {
    if let Err(e) = io::stdout().lock().write_all(bytes) {
        failed(&e);
    }
}

/// Ends the program on a failed write: quietly (status 0) when the reader has closed
/// the pipe, else with one line on stderr and status 2, brief's status for trouble.
fn failed(error: &io::Error) -> ! {
    if error.kind() == io::ErrorKind::BrokenPipe {
        std::process::exit(0);
    }
    err(&format!("brief: cannot write the output: {error}\n"));
    std::process::exit(2);
}
