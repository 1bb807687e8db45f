//! What `update` takes (an `Action`: a key's meaning, a file loaded, a frame's size)
//! and what it hands back for the runtime to do (an `Effect`: read, write, edit, quit).

use super::*;

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Quit,
    /// Ctrl-Z: back to the shell until `fg`.
    Suspend,
    ShowPane(Pane),
    NextPane,
    PrevPane,
    Up,
    Down,
    /// Across the stance matrix or the heat map.
    Left,
    Right,
    First,
    Last,
    PageUp,
    PageDown,
    HalfPageUp,
    HalfPageDown,
    /// Enter: move the focus into the detail, to scroll it.
    Focus,
    /// Esc: close what is open, one layer at a time.
    Back,
    ToggleHelp,
    ShowProblems,
    StartSearch,
    SearchChar(char),
    SearchBackspace,
    SearchSubmit,
    NextMatch,
    PrevMatch,
    NextLink,
    PrevLink,
    /// Enter on a link: its pane opens with its item selected.
    FollowLink,
    JumpBack,
    JumpForward,
    /// The risks' heat map takes the keys (or gives them back).
    ToggleGrid,
    /// The heat map's cell under the cursor filters the list, or stops filtering it.
    PickCell,
    ToggleMouse,
    Reload,
    Edit,
    /// A left click at a column and row: a tab shows its pane, a list row is selected
    /// (the selected briefing in the picker opens), a heat-map cell filters, a link is
    /// followed, the detail takes the focus.
    Click(u16, u16),
    /// The mouse wheel at a column and row: what is under the pointer scrolls.
    Wheel {
        column: u16,
        row: u16,
        down: bool,
    },
    /// `o`: back to the list of briefings in the directory.
    ShowPicker,
    Resize(u16, u16),
    Loaded(Box<Result<Loaded, LoadError>>),
    /// The directory's briefings, scanned afresh.
    Scanned(Vec<catalog::Entry>),
    /// The text of the briefing file, for the snippets of its warnings.
    Source(String),
    /// A message for the status line (from the runtime: an editor that failed to start).
    Status(String),
    /// Change markers from now on show what changed since this version (named by
    /// `label`); the same version again returns to the changes of the last reload.
    CompareWith {
        label: String,
        before: Box<Loaded>,
    },
    /// `c` in the History pane: compare with the selected version.
    CompareSelected,
    /// The versions of the briefing in git, or how far reading them has got.
    HistoryRead(Versions),
    /// A version's changes against the one before it (no blob: the working copy), laid
    /// out as the report of their diff.
    VersionRead {
        blob: Option<VersionId>,
        previous: Option<VersionId>,
        diff: Box<Result<Vec<crate::briefing::report::Line>, String>>,
    },
}

/// Work that `update` asks the runtime to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    None,
    Quit,
    Reload,
    /// Open the briefing in the user's editor at a line.
    Edit {
        path: PathBuf,
        line: u32,
    },
    /// Load this briefing (chosen in the picker) and follow it.
    Open(PathBuf),
    /// Turn the terminal's mouse capture on or off.
    Mouse(bool),
    /// Stop as a job does on Ctrl-Z, the terminal given back until `fg`.
    Suspend,
    /// Read the briefing file and hand it back as `Action::Source`.
    ReadSource(PathBuf),
    /// Read a version's diff against the one before (blobs by hash; no blob: the working
    /// copy) and hand it back as `Action::VersionRead`.
    ReadVersion {
        blob: Option<VersionId>,
        previous: Option<VersionId>,
    },
    /// Read a version from git and hand it back as `Action::CompareWith`.
    CompareVersion {
        blob: VersionId,
        short: String,
        seconds: i64,
    },
}
