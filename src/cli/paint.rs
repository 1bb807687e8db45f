//! The colours of `brief diff` and `brief log`: the dashboard theme's styles written as
//! ANSI escapes, so that a colour means the same on the command line as in the panes.
//! Whatever is painted here is written through `output::painted`.

use crate::briefing::report::{Run, Tone};
use crate::briefing::sanitize;
use crate::ui::theme;
use clap::ValueEnum;
use ratatui::style::{Color as Colour, Modifier, Style};
use std::io::IsTerminal;

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Color {
    Auto,
    Always,
    Never,
}

impl Color {
    /// `auto` colours a terminal unless NO_COLOR is set (to anything but empty).
    pub fn enabled(self) -> bool {
        match self {
            Color::Always => true,
            Color::Never => false,
            Color::Auto => {
                std::io::stdout().is_terminal()
                    && !theme::no_color_requested(std::env::var_os("NO_COLOR").as_deref())
            }
        }
    }
}

/// Whether the command line's output is painted, in the default theme's styles. Every
/// piece of text goes through it, painted or `plain`, and is cleaned there: its output
/// is written as it is, so that its own colours survive, and may hold no other escape.
#[derive(Clone, Copy)]
pub struct Paint(pub bool);

impl Paint {
    fn style(self, style: Style, text: &str) -> String {
        let text = sanitize::clean(text);
        if self.0 { ansi(style, &text) } else { text }
    }
    pub fn plain(self, text: &str) -> String {
        sanitize::clean(text)
    }
    pub fn strong(self, text: &str) -> String {
        self.style(theme::DEFAULT.tone(Tone::Strong), text)
    }
    pub fn changed(self, text: &str) -> String {
        self.style(theme::DEFAULT.tone(Tone::Changed), text)
    }
    pub fn removed(self, text: &str) -> String {
        self.style(theme::DEFAULT.tone(Tone::Removed), text)
    }
    pub fn dim(self, text: &str) -> String {
        self.style(theme::DEFAULT.tone(Tone::Label), text)
    }
    /// A run of the report. Without colour, a word diff's removed words read `[-…-]` and
    /// its added ones `{+…+}`, the marks `git diff --word-diff` uses.
    pub fn run(self, run: &Run) -> String {
        match (run.tone, self.0) {
            (Tone::WordRemoved, false) => format!("[-{}-]", self.plain(&run.text)),
            (Tone::WordAdded, false) => format!("{{+{}+}}", self.plain(&run.text)),
            (tone, _) => self.style(theme::DEFAULT.tone(tone), &run.text),
        }
    }
}

/// `text` in `style` as ANSI escapes: the same styles as the panes, so a colour means
/// the same in `brief diff` as in the dashboard.
fn ansi(style: Style, text: &str) -> String {
    let mut codes: Vec<String> = Vec::new();
    for (modifier, code) in [
        (Modifier::BOLD, "1"),
        (Modifier::DIM, "2"),
        (Modifier::ITALIC, "3"),
        (Modifier::UNDERLINED, "4"),
        (Modifier::REVERSED, "7"),
        (Modifier::CROSSED_OUT, "9"),
    ] {
        if style.add_modifier.contains(modifier) {
            codes.push(code.to_owned());
        }
    }
    codes.extend(style.fg.and_then(|c| ansi_color(c, 30)));
    codes.extend(style.bg.and_then(|c| ansi_color(c, 40)));
    if codes.is_empty() || text.is_empty() {
        return text.to_owned();
    }
    format!("\x1b[{}m{text}\x1b[0m", codes.join(";"))
}

/// A colour's SGR code, counted from `base` (30 for the foreground, 40 for the back).
fn ansi_color(color: Colour, base: u8) -> Option<String> {
    let named = |n: u8| Some((base + n).to_string());
    let bright = |n: u8| Some((base + 60 + n).to_string());
    let extended = if base == 30 { "38" } else { "48" };
    match color {
        Colour::Reset => None,
        Colour::Black => named(0),
        Colour::Red => named(1),
        Colour::Green => named(2),
        Colour::Yellow => named(3),
        Colour::Blue => named(4),
        Colour::Magenta => named(5),
        Colour::Cyan => named(6),
        Colour::Gray => named(7),
        Colour::DarkGray => bright(0),
        Colour::LightRed => bright(1),
        Colour::LightGreen => bright(2),
        Colour::LightYellow => bright(3),
        Colour::LightBlue => bright(4),
        Colour::LightMagenta => bright(5),
        Colour::LightCyan => bright(6),
        Colour::White => bright(7),
        Colour::Indexed(i) => Some(format!("{extended};5;{i}")),
        Colour::Rgb(r, g, b) => Some(format!("{extended};2;{r};{g};{b}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ansi_codes_for_modifiers_and_colours() {
        let style = Style::new().fg(Colour::Yellow);
        assert_eq!(ansi(style, "mixed"), "\x1b[33mmixed\x1b[0m");
        let style = Style::new()
            .fg(Colour::LightRed)
            .add_modifier(Modifier::CROSSED_OUT);
        assert_eq!(ansi(style, "gone"), "\x1b[9;91mgone\x1b[0m");
        let style = Style::new().fg(Colour::Rgb(1, 2, 3)).bg(Colour::Indexed(9));
        assert_eq!(ansi(style, "x"), "\x1b[38;2;1;2;3;48;5;9mx\x1b[0m");
        assert_eq!(ansi(Style::new(), "plain"), "plain");
        assert_eq!(ansi(Style::new().fg(Colour::Red), ""), "");
    }
}
