//! Entering and leaving the full-screen terminal, and putting it back however we leave:
//! normally, on error, on panic, or on a signal.

use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::{
    cursor,
    event::{DisableMouseCapture, EnableMouseCapture},
    execute,
    terminal::{self, EnterAlternateScreen, LeaveAlternateScreen},
};
use std::io::BufWriter;
use std::io::{self, Write};
use std::sync::Once;
use std::sync::atomic::{AtomicBool, Ordering};

static PANIC_HOOK: Once = Once::new();
/// Whether the mouse is captured: kept across the editor's turn at the terminal.
static MOUSE: AtomicBool = AtomicBool::new(true);

/// The full-screen terminal. Output is buffered so that a frame reaches the terminal in
/// one write rather than a write per kilobyte.
pub type Screen = ratatui::Terminal<CrosstermBackend<BufWriter<io::Stdout>>>;

/// Raw mode, the alternate screen, mouse capture unless `mouse` is off, and a panic hook
/// that undoes them before the panic message is printed.
pub fn enter(mouse: bool) -> io::Result<Screen> {
    MOUSE.store(mouse, Ordering::Relaxed);
    PANIC_HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
    });
    take_over()?;
    let backend = CrosstermBackend::new(BufWriter::with_capacity(1 << 16, io::stdout()));
    ratatui::Terminal::new(backend)
}

/// Leaves the alternate screen, shows the cursor and leaves raw mode. Safe to call more
/// than once; errors are ignored because there is nowhere left to report them.
pub fn restore() {
    let mut out = io::stdout();
    let _ = execute!(out, DisableMouseCapture, LeaveAlternateScreen, cursor::Show);
    let _ = terminal::disable_raw_mode();
    let _ = out.flush();
}

/// Hands the terminal to another program (the editor) and takes it back afterwards.
pub fn suspend() {
    restore();
}

pub fn resume(terminal: &mut Screen) -> io::Result<()> {
    take_over()?;
    terminal.clear()
}

/// Captures the mouse (clicks and the wheel come to brief) or leaves it to the terminal
/// (which then selects text).
pub fn set_mouse(on: bool) -> io::Result<()> {
    MOUSE.store(on, Ordering::Relaxed);
    if on {
        execute!(io::stdout(), EnableMouseCapture)
    } else {
        execute!(io::stdout(), DisableMouseCapture)
    }
}

/// Raw mode, the alternate screen, mouse capture (unless it is off), no cursor: what
/// `restore` undoes.
fn take_over() -> io::Result<()> {
    terminal::enable_raw_mode()?;
    execute!(io::stdout(), EnterAlternateScreen, cursor::Hide)?;
    if MOUSE.load(Ordering::Relaxed) {
        execute!(io::stdout(), EnableMouseCapture)?;
    }
    Ok(())
}
