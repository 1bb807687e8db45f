//! The one table of key bindings. The footer hints and the `?` help overlay are both drawn
//! from it, and a test rejects a key bound twice in the same mode.

use crate::app::{Action, Pane};
use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

impl Mode {
    /// The modes the help lists, each with the keys it adds to browsing.
    pub const ALL: [Mode; 5] = [
        Mode::Browse,
        Mode::Matrix,
        Mode::Grid,
        Mode::Detail,
        Mode::Search,
    ];

    /// What the help calls the keys of a mode other than browsing.
    pub fn title(self) -> &'static str {
        match self {
            Mode::Browse => "Browsing",
            Mode::Matrix => "In the stance matrix (6)",
            Mode::Grid => "In the risks' heat map (4, m)",
            Mode::Detail => "In a focused detail (Enter)",
            Mode::Search => "While typing a search",
        }
    }
}

impl Key {
    const fn plain(code: KeyCode) -> Self {
        Self { code, ctrl: false }
    }
    const fn ch(c: char) -> Self {
        Self::plain(KeyCode::Char(c))
    }
    const fn ctrl(c: char) -> Self {
        Self {
            code: KeyCode::Char(c),
            ctrl: true,
        }
    }

    /// How the key is written in the footer and the help.
    pub fn label(&self) -> String {
        let name = match self.code {
            KeyCode::Char(' ') => "Space".to_owned(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Up => "↑".to_owned(),
            KeyCode::Down => "↓".to_owned(),
            KeyCode::Left => "←".to_owned(),
            KeyCode::Right => "→".to_owned(),
            KeyCode::Home => "Home".to_owned(),
            KeyCode::End => "End".to_owned(),
            KeyCode::PageUp => "PgUp".to_owned(),
            KeyCode::PageDown => "PgDn".to_owned(),
            KeyCode::Tab => "Tab".to_owned(),
            KeyCode::BackTab => "S-Tab".to_owned(),
            KeyCode::Enter => "Enter".to_owned(),
            KeyCode::Esc => "Esc".to_owned(),
            KeyCode::Backspace => "Bksp".to_owned(),
            KeyCode::Delete => "Del".to_owned(),
            KeyCode::Insert => "Ins".to_owned(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        };
        if self.ctrl { format!("C-{name}") } else { name }
    }
}

pub use crate::app::Mode;

/// Where the analyst is, as far as the footer is concerned: most places answer all the
/// keys of their mode, but an overlay or the picker stands in front of the panes and a
/// detail may have no links to go through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    Panes,
    Help,
    Problems,
    Picker,
    DetailWithoutLinks,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Panes,
    Move,
    Briefing,
    Search,
}

impl Section {
    pub const ALL: [Section; 4] = [
        Section::Panes,
        Section::Move,
        Section::Briefing,
        Section::Search,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Section::Panes => "Panes",
            Section::Move => "Moving",
            Section::Briefing => "Briefing",
            Section::Search => "Search",
        }
    }
}

pub struct Binding {
    /// The action's name in the config and the manual. A contract: users' config files
    /// name it, so it never changes once released (see the README's list).
    pub name: &'static str,
    pub mode: Mode,
    pub section: Section,
    pub keys: &'static [Key],
    pub action: Action,
    /// What the help overlay says the binding does.
    pub help: &'static str,
    /// The footer's hint, if the binding has one: (keys as shown, word).
    pub footer: Option<(&'static str, &'static str)>,
}

const fn bind(
    name: &'static str,
    mode: Mode,
    section: Section,
    keys: &'static [Key],
    action: Action,
    help: &'static str,
    footer: Option<(&'static str, &'static str)>,
) -> Binding {
    Binding {
        name,
        mode,
        section,
        keys,
        action,
        help,
        footer,
    }
}

use KeyCode::*;
use Mode::{Browse, Detail, Grid, Matrix, Search as Typing};

#[rustfmt::skip]
pub static BINDINGS: &[Binding] = &[
    bind("show_pane_summary", Browse, Section::Panes, &[Key::ch('1')], Action::ShowPane(Pane::Summary), "Summary: bottom line, key points, caveats, sources", Some(("1-8", "panes"))),
    bind("show_pane_actors", Browse, Section::Panes, &[Key::ch('2')], Action::ShowPane(Pane::Actors), "Actors and their stances", None),
    bind("show_pane_quotes", Browse, Section::Panes, &[Key::ch('3')], Action::ShowPane(Pane::Quotes), "Quotes, verbatim, with context and source", None),
    bind("show_pane_risks", Browse, Section::Panes, &[Key::ch('4')], Action::ShowPane(Pane::Risks), "Risks, most severe first, under a likelihood × impact heat map", None),
    bind("show_pane_questions", Browse, Section::Panes, &[Key::ch('5')], Action::ShowPane(Pane::Questions), "Open questions and what to watch", None),
    bind("show_pane_stances", Browse, Section::Panes, &[Key::ch('6')], Action::ShowPane(Pane::Stances), "Stance matrix: every actor on every topic", None),
    bind("show_pane_timeline", Browse, Section::Panes, &[Key::ch('7')], Action::ShowPane(Pane::Timeline), "Timeline of dated events", None),
    bind("show_pane_history", Browse, Section::Panes, &[Key::ch('8')], Action::ShowPane(Pane::History), "History: the briefing's versions in git and what each changed", None),
    bind("next_pane", Browse, Section::Panes, &[Key::plain(Tab), Key::ch('l'), Key::plain(Right)], Action::NextPane, "Next pane", Some(("Tab", "next"))),
    bind("prev_pane", Browse, Section::Panes, &[Key::plain(BackTab), Key::ch('h'), Key::plain(Left)], Action::PrevPane, "Previous pane", None),
    bind("down", Browse, Section::Move, &[Key::ch('j'), Key::plain(Down)], Action::Down, "Down one item (or line, in a focused detail)", Some(("j/k", "move"))),
    bind("up", Browse, Section::Move, &[Key::ch('k'), Key::plain(Up)], Action::Up, "Up one item (or line)", None),
    bind("first", Browse, Section::Move, &[Key::ch('g'), Key::plain(Home)], Action::First, "First item (top)", None),
    bind("last", Browse, Section::Move, &[Key::ch('G'), Key::plain(End)], Action::Last, "Last item (bottom)", None),
    bind("page_down", Browse, Section::Move, &[Key::plain(PageDown)], Action::PageDown, "Down one page", None),
    bind("page_up", Browse, Section::Move, &[Key::plain(PageUp)], Action::PageUp, "Up one page", None),
    bind("half_page_down", Browse, Section::Move, &[Key::ctrl('d')], Action::HalfPageDown, "Down half a page", None),
    bind("half_page_up", Browse, Section::Move, &[Key::ctrl('u')], Action::HalfPageUp, "Up half a page", None),
    bind("focus", Browse, Section::Move, &[Key::plain(Enter)], Action::Focus, "Focus the detail, to scroll it and follow its links", Some(("Enter", "detail"))),
    bind("back", Browse, Section::Move, &[Key::plain(Esc)], Action::Back, "Back: close the overlay, leave the detail, clear the filter or the search", None),
    bind("jump_back", Browse, Section::Move, &[Key::plain(Backspace), Key::ctrl('o')], Action::JumpBack, "Go back to where the last followed link was", None),
    bind("jump_forward", Browse, Section::Move, &[Key::ch(']')], Action::JumpForward, "Go forward again after going back", None),
    bind("toggle_grid", Browse, Section::Move, &[Key::ch('m')], Action::ToggleGrid, "Risks: move to the heat map (and back to the list)", None),
    bind("start_search", Browse, Section::Search, &[Key::ch('/')], Action::StartSearch, "Search: filter the lists as you type (smart case)", Some(("/", "search"))),
    bind("next_match", Browse, Section::Search, &[Key::ch('n')], Action::NextMatch, "Next match, across the panes in tab order", None),
    bind("prev_match", Browse, Section::Search, &[Key::ch('N')], Action::PrevMatch, "Previous match", None),
    bind("show_picker", Browse, Section::Briefing, &[Key::ch('o')], Action::ShowPicker, "Back to the directory's briefings (brief DIR)", None),
    bind("compare_selected", Browse, Section::Briefing, &[Key::ch('c')], Action::CompareSelected, "History: change markers show what changed since the selected version (c or Esc again: since the last reload)", None),
    bind("reload", Browse, Section::Briefing, &[Key::ch('r')], Action::Reload, "Reload the briefing from disk", None),
    bind("edit", Browse, Section::Briefing, &[Key::ch('e')], Action::Edit, "Edit the briefing at the selected item ($VISUAL, $EDITOR, vi)", Some(("e", "edit"))),
    bind("show_problems", Browse, Section::Briefing, &[Key::ch('!')], Action::ShowProblems, "List the briefing's errors and warnings", None),
    bind("toggle_mouse", Browse, Section::Briefing, &[Key::ch('M')], Action::ToggleMouse, "Mouse on or off (off: the terminal selects text)", None),
    bind("toggle_help", Browse, Section::Briefing, &[Key::ch('?')], Action::ToggleHelp, "This help", Some(("?", "help"))),
    bind("quit", Browse, Section::Briefing, &[Key::ch('q'), Key::ctrl('c')], Action::Quit, "Quit", Some(("q", "quit"))),
    bind("suspend", Browse, Section::Briefing, &[Key::ctrl('z')], Action::Suspend, "Suspend: back to the shell, where fg returns", None),
    bind("matrix_left", Matrix, Section::Move, &[Key::ch('h'), Key::plain(Left)], Action::Left, "The topic to the left (Tab still changes pane)", Some(("h/l", "topic"))),
    bind("matrix_right", Matrix, Section::Move, &[Key::ch('l'), Key::plain(Right)], Action::Right, "The topic to the right", None),
    bind("matrix_down", Matrix, Section::Move, &[Key::ch('j'), Key::plain(Down)], Action::Down, "The actor below", Some(("j/k", "actor"))),
    bind("matrix_up", Matrix, Section::Move, &[Key::ch('k'), Key::plain(Up)], Action::Up, "The actor above", None),
    bind("grid_left", Grid, Section::Move, &[Key::ch('h'), Key::plain(Left)], Action::Left, "Lower impact", Some(("hjkl", "cell"))),
    bind("grid_right", Grid, Section::Move, &[Key::ch('l'), Key::plain(Right)], Action::Right, "Higher impact", None),
    bind("grid_up", Grid, Section::Move, &[Key::ch('k'), Key::plain(Up)], Action::Up, "Higher likelihood", None),
    bind("grid_down", Grid, Section::Move, &[Key::ch('j'), Key::plain(Down)], Action::Down, "Lower likelihood", None),
    bind("grid_pick_cell", Grid, Section::Move, &[Key::plain(Enter), Key::ch(' ')], Action::PickCell, "Filter the list to the cell; again, show all", Some(("Enter", "filter"))),
    bind("grid_list", Grid, Section::Move, &[Key::ch('m')], Action::ToggleGrid, "Back to the list, keeping the filter", Some(("m", "list"))),
    bind("grid_clear", Grid, Section::Move, &[Key::plain(Esc)], Action::Back, "Clear the filter and go back to the list", Some(("Esc", "clear"))),
    bind("detail_next_link", Detail, Section::Move, &[Key::plain(Tab)], Action::NextLink, "Next link", Some(("Tab", "link"))),
    bind("detail_prev_link", Detail, Section::Move, &[Key::plain(BackTab)], Action::PrevLink, "Previous link", None),
    bind("detail_follow_link", Detail, Section::Move, &[Key::plain(Enter)], Action::FollowLink, "Follow the link: its pane opens with it selected", Some(("Enter", "follow"))),
    bind("detail_back", Detail, Section::Move, &[Key::plain(Esc)], Action::Back, "Back to the list", Some(("Esc", "list"))),
    bind("detail_jump_back", Detail, Section::Move, &[Key::plain(Backspace), Key::ctrl('o')], Action::JumpBack, "Back to where the last followed link was", Some(("Bksp", "back"))),
    bind("search_keep", Typing, Section::Search, &[Key::plain(Enter)], Action::SearchSubmit, "Keep the filter and go to the first match", Some(("Enter", "keep"))),
    bind("search_cancel", Typing, Section::Search, &[Key::plain(Esc)], Action::Back, "Cancel the search", Some(("Esc", "cancel"))),
    bind("search_delete_char", Typing, Section::Search, &[Key::plain(Backspace)], Action::SearchBackspace, "Delete the last character", None),
    bind("search_quit", Typing, Section::Search, &[Key::ctrl('c')], Action::Quit, "Quit", None),
    bind("search_suspend", Typing, Section::Search, &[Key::ctrl('z')], Action::Suspend, "Suspend: back to the shell, where fg returns", None),
];

/// The key table in force: each binding's keys, the table's or the config's where it
/// rebinds an action. Built once at start and handed to input, the footer and the help.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keys {
    /// By place in `BINDINGS`.
    keys: Vec<Vec<Key>>,
}

impl Default for Keys {
    /// The table as it is written, with no config.
    fn default() -> Self {
        Self {
            keys: BINDINGS.iter().map(|b| b.keys.to_vec()).collect(),
        }
    }
}

impl Keys {
    /// The keys of each binding by its place in `BINDINGS` (see `config`).
    pub fn new(keys: Vec<Vec<Key>>) -> Self {
        debug_assert_eq!(keys.len(), BINDINGS.len());
        Self { keys }
    }

    /// The action a key press means in a mode. Typing a search takes any printable key.
    pub fn action_for(&self, event: KeyEvent, mode: Mode) -> Option<Action> {
        if event.kind == KeyEventKind::Release {
            return None;
        }
        let key = Key {
            code: event.code,
            ctrl: event.modifiers.contains(KeyModifiers::CONTROL),
        };
        let bound = self.binding_for(key, mode).map(|b| b.action.clone());
        match (bound, mode, key.code) {
            (Some(action), _, _) => Some(action),
            (None, Mode::Search, KeyCode::Char(c)) if !key.ctrl && is_plain_text(c) => {
                Some(Action::SearchChar(c))
            }
            _ => None,
        }
    }

    /// The binding of a key in a mode: the mode's own, else browsing's (typing a search
    /// has only its own).
    pub fn binding_for(&self, key: Key, mode: Mode) -> Option<&'static Binding> {
        let find = |mode: Mode| {
            BINDINGS
                .iter()
                .zip(&self.keys)
                .find(|(b, keys)| b.mode == mode && keys.contains(&key))
                .map(|(b, _)| b)
        };
        find(mode).or_else(|| (mode != Mode::Search).then(|| find(Mode::Browse)).flatten())
    }

    /// The action a terminal event means: keys through the table, resizes, and the mouse
    /// (clicks, and the wheel where the pointer is). The runtime and the tests both come
    /// through here.
    pub fn action_for_event(&self, mode: Mode, event: Event) -> Option<Action> {
        match event {
            Event::Key(key) => self.action_for(key, mode),
            Event::Resize(width, height) => Some(Action::Resize(width, height)),
            Event::Mouse(mouse) => {
                let (column, row) = (mouse.column, mouse.row);
                match mouse.kind {
                    MouseEventKind::ScrollDown => Some(Action::Wheel {
                        column,
                        row,
                        down: true,
                    }),
                    MouseEventKind::ScrollUp => Some(Action::Wheel {
                        column,
                        row,
                        down: false,
                    }),
                    MouseEventKind::Down(MouseButton::Left) => Some(Action::Click(column, row)),
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// The footer's hints for a mode, in table order: the mode's own first, then those of
    /// browsing that the mode leaves as they are. A binding the config has changed shows
    /// its own first key rather than the table's label.
    pub fn footer_hints(&self, mode: Mode) -> Vec<(String, &'static str)> {
        self.footer_hints_saying(mode, |_, word| Some(word))
    }

    /// The footer's hints for a mode, each binding's word as `say` puts it for the state
    /// the app is in (by the binding's name), or left out where `say` gives none: a key
    /// whose effect depends on the state is named for what it will do now.
    pub fn footer_hints_saying(
        &self,
        mode: Mode,
        say: impl Fn(&'static str, &'static str) -> Option<&'static str>,
    ) -> Vec<(String, &'static str)> {
        let bindings = || BINDINGS.iter().zip(self.keys.iter());
        let shadowed = |ks: &Vec<Key>| {
            ks.iter()
                .any(|k| bindings().any(|(o, oks)| o.mode == mode && oks.contains(k)))
        };
        let own = bindings().filter(|(b, _)| b.mode == mode);
        let inherited = bindings()
            .filter(|(b, _)| mode != Mode::Search && mode != Mode::Browse && b.mode == Mode::Browse)
            .filter(|(_, ks)| !shadowed(ks));
        own.chain(inherited)
            .filter_map(|(b, ks)| {
                let (label, word) = b.footer?;
                let word = say(b.name, word)?;
                if ks.as_slice() == b.keys {
                    Some((label.to_owned(), word))
                } else {
                    Some((ks.first()?.label(), word))
                }
            })
            .collect()
    }

    /// The footer's hints for where the analyst is: a screen that answers only some of
    /// its mode's keys names those, and no others.
    pub fn footer_hints_at(&self, mode: Mode, place: Place) -> Vec<(String, &'static str)> {
        let named: &[(&str, &'static str)] = match place {
            Place::Panes => return self.footer_hints(mode),
            Place::DetailWithoutLinks => {
                let followed = |word: &str| {
                    BINDINGS.iter().any(|b| {
                        matches!(b.action, Action::NextLink | Action::FollowLink)
                            && b.footer.is_some_and(|(_, w)| w == word)
                    })
                };
                return self
                    .footer_hints(mode)
                    .into_iter()
                    .filter(|(_, word)| !followed(word))
                    .collect();
            }
            Place::Help => &[("down", "scroll"), ("back", "close"), ("quit", "quit")],
            Place::Problems => &[
                ("down", "scroll"),
                ("edit", "edit at the problem"),
                ("back", "close"),
                ("quit", "quit"),
            ],
            // Nothing is open yet, so the pane keys have nothing to show.
            Place::Picker => &[
                ("down", "move"),
                ("focus", "open"),
                ("edit", "edit"),
                ("toggle_help", "help"),
                ("quit", "quit"),
            ],
        };
        named
            .iter()
            .filter_map(|&(name, word)| {
                let i = BINDINGS.iter().position(|b| b.name == name)?;
                let (binding, keys) = (&BINDINGS[i], &self.keys[i]);
                let label = match binding.footer {
                    Some((label, _)) if keys.as_slice() == binding.keys => label.to_owned(),
                    _ => keys.first()?.label(),
                };
                Some((label, word))
            })
            .collect()
    }

    /// The keys a binding answers to, for the help.
    pub fn of(&self, binding: &Binding) -> Vec<Key> {
        let index = BINDINGS.iter().position(|b| std::ptr::eq(b, binding));
        index.map_or_else(|| binding.keys.to_vec(), |i| self.keys[i].clone())
    }
}

/// A character that may go into a search query: not a control, and not one that the
/// briefing's text is cleaned of (bidi overrides), since the query is drawn on screen.
fn is_plain_text(c: char) -> bool {
    let mut buffer = [0u8; 4];
    let text: &str = c.encode_utf8(&mut buffer);
    !c.is_control() && crate::briefing::sanitize::clean_line(text) == text
}

/// The bindings a config may change, by name and place in `BINDINGS`: those of browsing.
/// (While a search is typed, printable keys are text.)
pub fn configurable() -> impl Iterator<Item = (&'static str, usize)> {
    BINDINGS
        .iter()
        .enumerate()
        .filter(|(_, b)| b.mode == Mode::Browse)
        .map(|(i, b)| (b.name, i))
}

/// A key as a config writes it: a character (`x`, `G`), `C-x` or `ctrl-x`, or a name as
/// the help shows it (`Enter`, `Esc`, `Tab`, `S-Tab`, `Space`, `Up`, `PgDn`, `F5`...).
pub fn parse_key(text: &str) -> Option<Key> {
    let lower = text.to_ascii_lowercase();
    let single = |text: &str| {
        let mut chars = text.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) => Some(c),
            _ => None,
        }
    };
    for prefix in ["c-", "ctrl-", "ctrl+", "control-"] {
        if let Some(rest) = lower.strip_prefix(prefix) {
            return single(rest)
                .filter(char::is_ascii_alphabetic)
                .map(Key::ctrl);
        }
    }
    let arrow = match text {
        "↑" => Some(Up),
        "↓" => Some(Down),
        "←" => Some(Left),
        "→" => Some(Right),
        _ => None,
    };
    if let Some(code) = arrow {
        return Some(Key::plain(code));
    }
    if let Some(c) = single(text) {
        return (!c.is_control() && c != ' ').then_some(Key::ch(c));
    }
    let code = match lower.as_str() {
        "space" | "spc" => Char(' '),
        "enter" | "return" | "ret" | "cr" => Enter,
        "esc" | "escape" => Esc,
        "tab" => Tab,
        "s-tab" | "shift-tab" | "backtab" => BackTab,
        "up" => Up,
        "down" => Down,
        "left" => Left,
        "right" => Right,
        "home" => Home,
        "end" => End,
        "pgup" | "pageup" => PageUp,
        "pgdn" | "pagedown" => PageDown,
        "bksp" | "backspace" => Backspace,
        "del" | "delete" => Delete,
        "ins" | "insert" => Insert,
        f if f.starts_with('f') => F(f[1..].parse().ok().filter(|n| (1..=12).contains(n))?),
        _ => return None,
    };
    Some(Key::plain(code))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    fn action_for(event: KeyEvent, mode: Mode) -> Option<Action> {
        Keys::default().action_for(event, mode)
    }

    #[test]
    fn no_key_is_bound_twice_in_a_mode() {
        let mut seen = HashSet::new();
        for binding in BINDINGS {
            for key in binding.keys {
                assert!(
                    seen.insert((binding.mode, *key)),
                    "{} bound twice in {:?}",
                    key.label(),
                    binding.mode
                );
            }
        }
    }

    #[test]
    fn every_pane_has_a_digit() {
        for (n, pane) in Pane::ALL.iter().enumerate() {
            let digit = char::from_digit(n as u32 + 1, 10).unwrap();
            let event = KeyEvent::from(KeyCode::Char(digit));
            assert_eq!(
                action_for(event, Mode::Browse),
                Some(Action::ShowPane(*pane))
            );
        }
    }

    #[test]
    fn shifted_letters_and_control_keys() {
        let shift_g = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(action_for(shift_g, Mode::Browse), Some(Action::Last));
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(action_for(ctrl_c, Mode::Browse), Some(Action::Quit));
        assert_eq!(action_for(ctrl_c, Mode::Search), Some(Action::Quit));
        let plain_c = KeyEvent::from(KeyCode::Char('c'));
        assert_eq!(
            action_for(plain_c, Mode::Browse),
            Some(Action::CompareSelected)
        );
        assert_eq!(
            action_for(plain_c, Mode::Search),
            Some(Action::SearchChar('c'))
        );
        let q = KeyEvent::from(KeyCode::Char('q'));
        assert_eq!(action_for(q, Mode::Search), Some(Action::SearchChar('q')));
    }

    #[test]
    fn a_rebound_table_answers_beside_the_default_one() {
        let mut keys: Vec<Vec<Key>> = BINDINGS.iter().map(|b| b.keys.to_vec()).collect();
        let (_, quit) = configurable().find(|(name, _)| *name == "quit").unwrap();
        keys[quit] = vec![Key::ch('x')];
        let rebound = Keys::new(keys);
        let x = KeyEvent::from(KeyCode::Char('x'));
        let q = KeyEvent::from(KeyCode::Char('q'));
        assert_eq!(rebound.action_for(x, Mode::Browse), Some(Action::Quit));
        assert_eq!(rebound.action_for(q, Mode::Browse), None);
        assert_eq!(Keys::default().action_for(x, Mode::Browse), None);
        assert_eq!(
            Keys::default().action_for(q, Mode::Browse),
            Some(Action::Quit)
        );
        let hint = |keys: &Keys| {
            keys.footer_hints(Mode::Browse)
                .into_iter()
                .find(|(_, word)| *word == "quit")
                .map(|(label, _)| label)
        };
        assert_eq!(hint(&rebound).as_deref(), Some("x"));
        assert_eq!(hint(&Keys::default()).as_deref(), Some("q"));
    }
}
