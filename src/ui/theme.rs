//! Every colour and style in the app. Severity and position colours are defined once here
//! so that they mean the same on every pane.

use crate::briefing::{ActorKind, Position, Severity};
use ratatui::style::{Color, Modifier, Style};

pub struct Theme {
    pub app_name: Style,
    pub title: Style,
    pub date: Style,
    pub origin: Style,
    pub tab: Style,
    pub tab_active: Style,
    pub tab_key: Style,
    pub border: Style,
    pub border_focused: Style,
    pub block_title: Style,
    pub block_title_focused: Style,
    pub selected: Style,
    pub selected_unfocused: Style,
    pub text: Style,
    pub dim: Style,
    pub heading: Style,
    pub label: Style,
    pub bluf: Style,
    pub caveat: Style,
    pub quote: Style,
    pub speaker: Style,
    pub link: Style,
    pub count: Style,
    pub footer: Style,
    pub footer_key: Style,
    pub status: Style,
    pub search: Style,
    pub match_highlight: Style,
    pub error_banner: Style,
    pub error_text: Style,
    pub warning_text: Style,
    pub added: Style,
    pub changed: Style,
    pub more: Style,
    pub overlay_border: Style,
}

pub const THEME: Theme = Theme {
    app_name: Style::new()
        .fg(Color::Black)
        .bg(Color::Cyan)
        .add_modifier(Modifier::BOLD),
    title: Style::new().add_modifier(Modifier::BOLD),
    date: Style::new().fg(Color::Cyan),
    origin: Style::new().fg(Color::DarkGray),
    tab: Style::new().fg(Color::Gray),
    tab_active: Style::new()
        .fg(Color::Black)
        .bg(Color::Cyan)
        .add_modifier(Modifier::BOLD),
    tab_key: Style::new().fg(Color::Yellow),
    border: Style::new().fg(Color::DarkGray),
    border_focused: Style::new().fg(Color::Cyan),
    block_title: Style::new().fg(Color::Gray),
    block_title_focused: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
    selected: Style::new().fg(Color::Black).bg(Color::Cyan),
    selected_unfocused: Style::new().add_modifier(Modifier::REVERSED),
    text: Style::new(),
    dim: Style::new().fg(Color::DarkGray),
    heading: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
    label: Style::new().fg(Color::Gray).add_modifier(Modifier::BOLD),
    bluf: Style::new().add_modifier(Modifier::BOLD),
    caveat: Style::new().fg(Color::Yellow),
    quote: Style::new().add_modifier(Modifier::ITALIC),
    speaker: Style::new()
        .fg(Color::LightBlue)
        .add_modifier(Modifier::BOLD),
    link: Style::new()
        .fg(Color::Blue)
        .add_modifier(Modifier::UNDERLINED),
    count: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
    footer: Style::new().fg(Color::Gray),
    footer_key: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
    status: Style::new().fg(Color::Green),
    search: Style::new().fg(Color::Yellow),
    match_highlight: Style::new().fg(Color::Black).bg(Color::Yellow),
    error_banner: Style::new()
        .fg(Color::White)
        .bg(Color::Red)
        .add_modifier(Modifier::BOLD),
    error_text: Style::new().fg(Color::LightRed),
    warning_text: Style::new().fg(Color::Yellow),
    added: Style::new().fg(Color::Green).add_modifier(Modifier::BOLD),
    changed: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
    more: Style::new().fg(Color::Cyan),
    overlay_border: Style::new().fg(Color::Yellow),
};

pub fn position(position: Position) -> Style {
    let color = match position {
        Position::Supports => Color::Green,
        Position::Opposes => Color::Red,
        Position::Mixed => Color::Yellow,
        Position::Neutral => Color::Blue,
        Position::Unclear => Color::DarkGray,
    };
    Style::new().fg(color).add_modifier(Modifier::BOLD)
}

/// The one-character sign that goes with a position, so it reads without colour too.
pub fn position_sign(position: Position) -> &'static str {
    position.sign()
}

pub fn severity(severity: Severity) -> Style {
    let color = match severity {
        Severity::Critical => Color::Red,
        Severity::Elevated => Color::LightRed,
        Severity::Moderate => Color::Yellow,
        Severity::Low => Color::Green,
    };
    Style::new().fg(color).add_modifier(Modifier::BOLD)
}

/// A bar of one to four blocks, so severity reads without colour too.
pub fn severity_bar(severity: Severity) -> &'static str {
    severity.bar()
}

pub fn kind(kind: ActorKind) -> Style {
    let color = match kind {
        ActorKind::Government => Color::LightBlue,
        ActorKind::Organisation => Color::LightMagenta,
        ActorKind::Movement => Color::LightGreen,
        ActorKind::Person => Color::LightYellow,
        ActorKind::Bloc => Color::LightCyan,
    };
    Style::new().fg(color)
}
