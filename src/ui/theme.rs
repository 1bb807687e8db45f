//! Every colour and style in the app, in themes: the default (the terminal's own colours),
//! dark, light, high-contrast, and the one `NO_COLOR` asks for. Severity and position
//! colours are defined once per theme so that they mean the same on every pane.

use crate::briefing::report::Tone;
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
    /// A diff of judgments (the History pane and `brief diff`): items added and removed,
    /// a word changed for another, a verbatim quote corrected, words of a word diff.
    pub diff_added: Style,
    pub diff_removed: Style,
    pub diff_changed: Style,
    pub correction: Style,
    pub word_added: Style,
    pub word_removed: Style,
    /// The whole screen's colours under everything else; nothing in the default theme,
    /// so the terminal's own foreground and background show.
    pub base: Style,
    pub palette: Palette,
}

/// The colours that carry meaning: positions, severities, kinds of actor. Each is shown
/// with a sign or a word as well, so none depends on its colour alone.
pub struct Palette {
    pub supports: Color,
    pub opposes: Color,
    pub mixed: Color,
    pub neutral: Color,
    pub unclear: Color,
    pub low: Color,
    pub moderate: Color,
    pub elevated: Color,
    pub critical: Color,
    pub government: Color,
    pub organisation: Color,
    pub movement: Color,
    pub person: Color,
    pub bloc: Color,
}

/// The roles colours play in a theme; `themed` turns them into every style.
struct Roles {
    /// Titles, focus, counts and the selection.
    accent: Color,
    /// Keys in the footer and tabs, the search, the overlay's border.
    key: Color,
    /// Less important text and idle borders.
    dim: Color,
    /// Tabs, labels and block titles at rest.
    gray: Color,
    speaker: Color,
    link: Color,
    good: Color,
    warn: Color,
    bad: Color,
    banner: Color,
    base: Style,
    palette: Palette,
}

const fn themed(r: Roles) -> Theme {
    let bold = Modifier::BOLD;
    let reversed = Modifier::REVERSED;
    Theme {
        app_name: Style::new()
            .fg(r.accent)
            .add_modifier(reversed)
            .add_modifier(bold),
        title: Style::new().add_modifier(bold),
        date: Style::new().fg(r.accent),
        origin: Style::new().fg(r.dim),
        tab: Style::new().fg(r.gray),
        tab_active: Style::new()
            .fg(r.accent)
            .add_modifier(reversed)
            .add_modifier(bold),
        tab_key: Style::new().fg(r.key),
        border: Style::new().fg(r.dim),
        border_focused: Style::new().fg(r.accent),
        block_title: Style::new().fg(r.gray),
        block_title_focused: Style::new().fg(r.accent).add_modifier(bold),
        selected: Style::new().fg(r.accent).add_modifier(reversed),
        selected_unfocused: Style::new().add_modifier(reversed),
        text: Style::new(),
        dim: Style::new().fg(r.dim),
        heading: Style::new().fg(r.accent).add_modifier(bold),
        label: Style::new().fg(r.gray).add_modifier(bold),
        bluf: Style::new().add_modifier(bold),
        caveat: Style::new().fg(r.warn),
        quote: Style::new().add_modifier(Modifier::ITALIC),
        speaker: Style::new().fg(r.speaker).add_modifier(bold),
        link: Style::new().fg(r.link).add_modifier(Modifier::UNDERLINED),
        count: Style::new().fg(r.accent).add_modifier(bold),
        footer: Style::new().fg(r.gray),
        footer_key: Style::new().fg(r.key).add_modifier(bold),
        status: Style::new().fg(r.good),
        search: Style::new().fg(r.key),
        match_highlight: Style::new().fg(r.key).add_modifier(reversed),
        error_banner: Style::new()
            .fg(r.banner)
            .add_modifier(reversed)
            .add_modifier(bold),
        error_text: Style::new().fg(r.bad),
        warning_text: Style::new().fg(r.warn),
        added: Style::new().fg(r.good).add_modifier(bold),
        changed: Style::new().fg(r.warn).add_modifier(bold),
        more: Style::new().fg(r.accent),
        overlay_border: Style::new().fg(r.key),
        diff_added: Style::new().fg(r.good),
        diff_removed: Style::new().fg(r.bad),
        diff_changed: Style::new().fg(r.warn),
        correction: Style::new()
            .fg(r.banner)
            .add_modifier(reversed)
            .add_modifier(bold),
        word_added: Style::new().fg(r.good).add_modifier(Modifier::UNDERLINED),
        word_removed: Style::new().fg(r.bad).add_modifier(Modifier::CROSSED_OUT),
        base: r.base,
        palette: r.palette,
    }
}

/// The terminal's own foreground and background with its 16 ANSI colours, so the user's
/// palette applies. Backgrounds come only from reverse video, never a fixed colour.
pub static DEFAULT: Theme = themed(Roles {
    accent: Color::Cyan,
    key: Color::Yellow,
    dim: Color::DarkGray,
    gray: Color::Gray,
    speaker: Color::LightBlue,
    link: Color::Blue,
    good: Color::Green,
    warn: Color::Yellow,
    bad: Color::LightRed,
    banner: Color::Red,
    base: Style::new(),
    palette: Palette {
        supports: Color::Green,
        opposes: Color::Red,
        mixed: Color::Yellow,
        // Light blue: many palettes' plain blue is too dark to read on black.
        neutral: Color::LightBlue,
        unclear: Color::DarkGray,
        low: Color::Green,
        moderate: Color::Yellow,
        // A hue of its own: light red beside red is the same colour in many palettes.
        elevated: Color::Magenta,
        critical: Color::Red,
        government: Color::LightBlue,
        organisation: Color::LightMagenta,
        movement: Color::LightGreen,
        person: Color::LightYellow,
        bloc: Color::LightCyan,
    },
});

/// Light text on a dark background of its own, whatever the terminal's palette.
pub static DARK: Theme = themed(Roles {
    accent: Color::Rgb(0x5f, 0xd7, 0xff),
    key: Color::Rgb(0xff, 0xd7, 0x5f),
    dim: Color::Rgb(0x80, 0x80, 0x80),
    gray: Color::Rgb(0xb8, 0xb8, 0xb8),
    speaker: Color::Rgb(0x87, 0xaf, 0xff),
    link: Color::Rgb(0x87, 0xaf, 0xff),
    good: Color::Rgb(0x5f, 0xd7, 0x87),
    warn: Color::Rgb(0xff, 0xd7, 0x5f),
    bad: Color::Rgb(0xff, 0x87, 0x87),
    banner: Color::Rgb(0xff, 0x5f, 0x5f),
    base: Style::new()
        .fg(Color::Rgb(0xe4, 0xe4, 0xe4))
        .bg(Color::Rgb(0x1c, 0x1c, 0x1c)),
    palette: Palette {
        supports: Color::Rgb(0x5f, 0xd7, 0x87),
        opposes: Color::Rgb(0xff, 0x5f, 0x5f),
        mixed: Color::Rgb(0xff, 0xd7, 0x5f),
        neutral: Color::Rgb(0x87, 0xaf, 0xff),
        unclear: Color::Rgb(0x94, 0x94, 0x94),
        low: Color::Rgb(0x5f, 0xd7, 0x87),
        moderate: Color::Rgb(0xff, 0xd7, 0x5f),
        elevated: Color::Rgb(0xff, 0x9f, 0x5f),
        critical: Color::Rgb(0xff, 0x5f, 0x5f),
        government: Color::Rgb(0x87, 0xaf, 0xff),
        organisation: Color::Rgb(0xd7, 0x87, 0xff),
        movement: Color::Rgb(0x87, 0xd7, 0x87),
        person: Color::Rgb(0xff, 0xd7, 0x87),
        bloc: Color::Rgb(0x87, 0xd7, 0xd7),
    },
});

/// Dark text on a light background of its own; no yellow text, which vanishes on white.
pub static LIGHT: Theme = themed(Roles {
    accent: Color::Rgb(0x00, 0x5f, 0x87),
    key: Color::Rgb(0x87, 0x3e, 0x00),
    dim: Color::Rgb(0x6c, 0x6c, 0x6c),
    gray: Color::Rgb(0x44, 0x44, 0x44),
    speaker: Color::Rgb(0x00, 0x3f, 0xaf),
    link: Color::Rgb(0x00, 0x3f, 0xaf),
    good: Color::Rgb(0x00, 0x6f, 0x2f),
    warn: Color::Rgb(0x87, 0x5f, 0x00),
    bad: Color::Rgb(0xaf, 0x00, 0x00),
    banner: Color::Rgb(0xaf, 0x00, 0x00),
    base: Style::new()
        .fg(Color::Rgb(0x1c, 0x1c, 0x1c))
        .bg(Color::Rgb(0xfa, 0xfa, 0xf7)),
    palette: Palette {
        supports: Color::Rgb(0x00, 0x6f, 0x2f),
        opposes: Color::Rgb(0xaf, 0x00, 0x00),
        mixed: Color::Rgb(0x87, 0x5f, 0x00),
        neutral: Color::Rgb(0x00, 0x3f, 0xaf),
        unclear: Color::Rgb(0x6c, 0x6c, 0x6c),
        low: Color::Rgb(0x00, 0x6f, 0x2f),
        moderate: Color::Rgb(0x87, 0x5f, 0x00),
        elevated: Color::Rgb(0xb3, 0x4a, 0x00),
        critical: Color::Rgb(0xaf, 0x00, 0x00),
        government: Color::Rgb(0x00, 0x3f, 0xaf),
        organisation: Color::Rgb(0x7a, 0x1f, 0x9f),
        movement: Color::Rgb(0x00, 0x6f, 0x2f),
        person: Color::Rgb(0x87, 0x3e, 0x00),
        bloc: Color::Rgb(0x00, 0x5f, 0x87),
    },
});

/// Pure white on black, saturated colours, nothing dim.
pub static HIGH_CONTRAST: Theme = Theme {
    border: Style::new().fg(Color::Rgb(0xff, 0xff, 0xff)),
    border_focused: Style::new()
        .fg(Color::Rgb(0xff, 0xff, 0x00))
        .add_modifier(Modifier::BOLD),
    selected: Style::new()
        .fg(Color::Rgb(0xff, 0xff, 0x00))
        .add_modifier(Modifier::REVERSED)
        .add_modifier(Modifier::BOLD),
    ..themed(Roles {
        accent: Color::Rgb(0x00, 0xff, 0xff),
        key: Color::Rgb(0xff, 0xff, 0x00),
        dim: Color::Rgb(0xd0, 0xd0, 0xd0),
        gray: Color::Rgb(0xff, 0xff, 0xff),
        speaker: Color::Rgb(0x00, 0xff, 0xff),
        link: Color::Rgb(0x00, 0xff, 0xff),
        good: Color::Rgb(0x00, 0xff, 0x00),
        warn: Color::Rgb(0xff, 0xff, 0x00),
        bad: Color::Rgb(0xff, 0x55, 0x55),
        banner: Color::Rgb(0xff, 0x00, 0x00),
        base: Style::new()
            .fg(Color::Rgb(0xff, 0xff, 0xff))
            .bg(Color::Rgb(0x00, 0x00, 0x00)),
        palette: Palette {
            supports: Color::Rgb(0x00, 0xff, 0x00),
            opposes: Color::Rgb(0xff, 0x55, 0x55),
            mixed: Color::Rgb(0xff, 0xff, 0x00),
            neutral: Color::Rgb(0x00, 0xff, 0xff),
            unclear: Color::Rgb(0xff, 0xff, 0xff),
            low: Color::Rgb(0x00, 0xff, 0x00),
            moderate: Color::Rgb(0xff, 0xff, 0x00),
            elevated: Color::Rgb(0xff, 0xa0, 0x00),
            critical: Color::Rgb(0xff, 0x55, 0x55),
            government: Color::Rgb(0x00, 0xff, 0xff),
            organisation: Color::Rgb(0xff, 0x80, 0xff),
            movement: Color::Rgb(0x00, 0xff, 0x00),
            person: Color::Rgb(0xff, 0xff, 0x00),
            bloc: Color::Rgb(0xff, 0xff, 0xff),
        },
    })
};

/// Under `NO_COLOR`: not one colour. What colour showed is carried by reverse video (the
/// selection, the active tab, banners), bold and underline (focus, headings, keys) and
/// dim; positions and severities keep their signs and bars.
pub static NO_COLOR: Theme = {
    let none = Style::new();
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let reversed = Style::new().add_modifier(Modifier::REVERSED);
    let dim = Style::new().add_modifier(Modifier::DIM);
    let underlined = Style::new().add_modifier(Modifier::UNDERLINED);
    Theme {
        app_name: reversed.add_modifier(Modifier::BOLD),
        title: bold,
        date: none,
        origin: dim,
        tab: none,
        tab_active: reversed.add_modifier(Modifier::BOLD),
        tab_key: bold,
        border: dim,
        border_focused: bold,
        block_title: none,
        block_title_focused: bold.add_modifier(Modifier::UNDERLINED),
        selected: reversed,
        selected_unfocused: reversed,
        text: none,
        dim,
        heading: bold.add_modifier(Modifier::UNDERLINED),
        label: bold,
        bluf: bold,
        caveat: none,
        quote: Style::new().add_modifier(Modifier::ITALIC),
        speaker: bold,
        link: underlined,
        count: bold,
        footer: none,
        footer_key: bold,
        status: bold,
        search: bold,
        match_highlight: underlined.add_modifier(Modifier::BOLD),
        error_banner: reversed.add_modifier(Modifier::BOLD),
        error_text: bold,
        warning_text: none,
        added: bold,
        changed: bold,
        more: bold,
        overlay_border: bold,
        diff_added: none,
        diff_removed: none,
        diff_changed: bold,
        correction: reversed.add_modifier(Modifier::BOLD),
        word_added: underlined.add_modifier(Modifier::BOLD),
        word_removed: dim.add_modifier(Modifier::CROSSED_OUT),
        base: none,
        palette: Palette {
            supports: Color::Reset,
            opposes: Color::Reset,
            mixed: Color::Reset,
            neutral: Color::Reset,
            unclear: Color::Reset,
            low: Color::Reset,
            moderate: Color::Reset,
            elevated: Color::Reset,
            critical: Color::Reset,
            government: Color::Reset,
            organisation: Color::Reset,
            movement: Color::Reset,
            person: Color::Reset,
            bloc: Color::Reset,
        },
    }
};

/// The themes a user can choose, by the name `--theme` and the config take.
pub const THEMES: &[(&str, &Theme)] = &[
    ("default", &DEFAULT),
    ("dark", &DARK),
    ("light", &LIGHT),
    ("high-contrast", &HIGH_CONTRAST),
];

/// The theme called `name`, or the message that lists the names there are.
pub fn by_name(name: &str) -> Result<&'static Theme, String> {
    THEMES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, theme)| *theme)
        .ok_or_else(|| {
            let names: Vec<&str> = THEMES.iter().map(|(n, _)| *n).collect();
            format!(
                "unknown theme `{name}`; the themes are: {}",
                names.join(", ")
            )
        })
}

/// Whether `NO_COLOR` asks for no colour: set and not empty (<https://no-color.org>).
pub fn no_color_requested(value: Option<&std::ffi::OsStr>) -> bool {
    value.is_some_and(|v| !v.is_empty())
}

/// The theme to draw with: the chosen one, or none of its colours under `NO_COLOR`.
pub fn choose(theme: &'static Theme, no_color: bool) -> &'static Theme {
    if no_color { &NO_COLOR } else { theme }
}

impl Theme {
    /// The style of a run of a diff of judgments.
    pub fn tone(&self, tone: Tone) -> Style {
        match tone {
            Tone::Plain => self.text,
            Tone::Heading | Tone::Strong => self.title,
            Tone::Label => self.dim,
            Tone::Added => self.diff_added,
            Tone::Removed => self.diff_removed,
            Tone::Changed => self.diff_changed,
            Tone::Correction => self.correction,
            Tone::WordAdded => self.word_added,
            Tone::WordRemoved => self.word_removed,
        }
    }

    pub fn position(&self, position: Position) -> Style {
        let p = &self.palette;
        let color = match position {
            Position::Supports => p.supports,
            Position::Opposes => p.opposes,
            Position::Mixed => p.mixed,
            Position::Neutral => p.neutral,
            Position::Unclear => p.unclear,
        };
        Style::new().fg(color).add_modifier(Modifier::BOLD)
    }

    pub fn severity(&self, severity: Severity) -> Style {
        let p = &self.palette;
        let color = match severity {
            Severity::Critical => p.critical,
            Severity::Elevated => p.elevated,
            Severity::Moderate => p.moderate,
            Severity::Low => p.low,
        };
        Style::new().fg(color).add_modifier(Modifier::BOLD)
    }

    pub fn kind(&self, kind: ActorKind) -> Style {
        let p = &self.palette;
        let color = match kind {
            ActorKind::Government => p.government,
            ActorKind::Organisation | ActorKind::Company | ActorKind::Media => p.organisation,
            ActorKind::Movement | ActorKind::Party | ActorKind::ArmedGroup => p.movement,
            ActorKind::Person => p.person,
            ActorKind::Bloc => p.bloc,
        };
        Style::new().fg(color)
    }

    // Styles of the stance matrix, the heat map and search matches.

    /// A search match in a list row or a detail: colour, and underlined so that it shows
    /// without colour too.
    pub fn search_match(&self) -> Style {
        self.match_highlight.add_modifier(Modifier::UNDERLINED)
    }

    /// The matrix's cell (and the heat map's) under the cursor.
    pub fn cell_cursor(&self, focused: bool) -> Style {
        if focused {
            self.selected.add_modifier(Modifier::BOLD)
        } else {
            self.selected_unfocused
        }
    }

    /// A cell with no stance in it.
    pub fn missing(&self) -> Style {
        self.dim
    }

    /// A matrix header: a topic's name; the cursor's column stands out.
    pub fn matrix_header(&self, current: bool) -> Style {
        if current {
            self.heading.add_modifier(Modifier::UNDERLINED)
        } else {
            self.label
        }
    }

    /// A heat-map cell's count, in the colour of the severity of its cell.
    pub fn heat_cell(&self, level: Severity, empty: bool) -> Style {
        if empty {
            return self.dim;
        }
        self.severity(level)
    }
}

/// The one-character sign that goes with a position, so it reads without colour too.
pub fn position_sign(position: Position) -> &'static str {
    position.sign()
}

/// A bar of one to four blocks, so severity reads without colour too.
pub fn severity_bar(severity: Severity) -> &'static str {
    severity.bar()
}

/// The link a focused detail's Enter follows.
pub fn link_current() -> Style {
    Style::new()
        .add_modifier(Modifier::REVERSED)
        .add_modifier(Modifier::BOLD)
}

/// The sign of a cell with no stance in it.
pub const MISSING_SIGN: &str = "·";

/// The cell filtering the risk list.
pub fn heat_filter() -> Style {
    Style::new()
        .add_modifier(Modifier::UNDERLINED)
        .add_modifier(Modifier::BOLD)
}
