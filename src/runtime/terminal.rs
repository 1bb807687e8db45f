//! Entering and leaving the full-screen terminal, and putting it back however we leave:
//! normally, on error, on panic, on a signal, or to be suspended.

use ratatui::backend::{Backend, ClearType, CrosstermBackend, WindowSize};
use ratatui::buffer::Cell;
use ratatui::crossterm::{
    cursor,
    event::{DisableMouseCapture, EnableMouseCapture, Event},
    execute,
    terminal::{self, EnterAlternateScreen, LeaveAlternateScreen},
};
use ratatui::layout::{Position, Rect, Size};
use std::io::BufWriter;
use std::io::{self, Write};
use std::sync::Once;
use std::sync::atomic::{AtomicBool, Ordering};

static PANIC_HOOK: Once = Once::new();
/// Whether brief has the terminal (raw mode, alternate screen) rather than the shell or
/// the editor: a stop signal then has something to put back first.
static HELD: AtomicBool = AtomicBool::new(false);

/// The full-screen terminal. Output is buffered so that a frame reaches the terminal in
/// one write rather than a write per kilobyte.
pub type Screen = ratatui::Terminal<Capped<CrosstermBackend<BufWriter<io::Stdout>>>>;

/// The most columns and rows drawn. ratatui keeps two buffers of width × height cells of
/// 48 bytes, so a terminal that reports 65535×65535 asks for 400 GB. 1000 columns is a
/// window 7,000 pixels wide at a 7-pixel font, 500 rows one 7,000 pixels high at a
/// 14-pixel line: more than any screen shows readably. At the cap the buffers take 48 MB
/// and a frame still draws at once. A larger terminal shows the dashboard in its top-left
/// corner.
pub const MAX_WIDTH: u16 = 1000;
pub const MAX_HEIGHT: u16 = 500;

/// A terminal size as brief draws it: at most `MAX_WIDTH` × `MAX_HEIGHT`.
pub fn capped(width: u16, height: u16) -> (u16, u16) {
    (width.min(MAX_WIDTH), height.min(MAX_HEIGHT))
}

/// A terminal event with its size, if it is a resize, capped: the other way a size
/// reaches brief besides the backend's query.
pub fn capped_event(event: Event) -> Event {
    match event {
        Event::Resize(width, height) => {
            let (width, height) = capped(width, height);
            Event::Resize(width, height)
        }
        other => other,
    }
}

/// Raw mode, the alternate screen, mouse capture unless `mouse` is off, and a panic hook
/// that undoes them before the panic message is printed.
pub fn enter(mouse: bool) -> io::Result<Screen> {
    PANIC_HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
    });
    take_over(mouse)?;
    let backend = CrosstermBackend::new(BufWriter::with_capacity(1 << 16, io::stdout()));
    ratatui::Terminal::new(Capped(backend))
}

/// Whether brief has the terminal now (not before `enter`, after `restore`, or while the
/// editor runs).
pub fn held() -> bool {
    HELD.load(Ordering::SeqCst)
}

/// Leaves the alternate screen, shows the cursor and leaves raw mode. Safe to call more
/// than once; errors are ignored because there is nowhere left to report them.
pub fn restore() {
    HELD.store(false, Ordering::SeqCst);
    let mut out = io::stdout();
    let _ = execute!(out, DisableMouseCapture, LeaveAlternateScreen, cursor::Show);
    let _ = terminal::disable_raw_mode();
    let _ = out.flush();
}

/// Hands the terminal to another program (the editor) and takes it back afterwards.
pub fn suspend() {
    restore();
}

/// Takes the terminal back, capturing the mouse if `mouse` (as it was before the editor
/// or the shell had the terminal).
pub fn resume(terminal: &mut Screen, mouse: bool) -> io::Result<()> {
    take_over(mouse)?;
    // A whole new frame, at the size the terminal has now. Not `clear`: it asks the
    // terminal where the cursor is, and the input thread, waiting for a key, keeps the
    // answer from it until it gives up.
    let size = terminal.size()?;
    terminal.resize(Rect::new(0, 0, size.width, size.height))
}

/// Captures the mouse (clicks and the wheel come to brief) or leaves it to the terminal
/// (which then selects text).
pub fn set_mouse(on: bool) -> io::Result<()> {
    if on {
        execute!(io::stdout(), EnableMouseCapture)
    } else {
        execute!(io::stdout(), DisableMouseCapture)
    }
}

/// Raw mode, the alternate screen, mouse capture (unless it is off), no cursor: what
/// `restore` undoes.
fn take_over(mouse: bool) -> io::Result<()> {
    terminal::enable_raw_mode()?;
    execute!(io::stdout(), EnterAlternateScreen, cursor::Hide)?;
    if mouse {
        execute!(io::stdout(), EnableMouseCapture)?;
    }
    HELD.store(true, Ordering::SeqCst);
    Ok(())
}

/// A backend that reports at most `MAX_WIDTH` × `MAX_HEIGHT`. Every size ratatui uses
/// comes from the backend (the first frame's and each frame's check for a resize), so
/// capping it here caps the buffers whatever the terminal claims.
pub struct Capped<B>(B);

impl<B: Backend> Backend for Capped<B> {
    type Error = B::Error;

    fn draw<'a, I>(&mut self, content: I) -> Result<(), Self::Error>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        self.0.draw(content)
    }

    fn append_lines(&mut self, n: u16) -> Result<(), Self::Error> {
        self.0.append_lines(n)
    }

    fn hide_cursor(&mut self) -> Result<(), Self::Error> {
        self.0.hide_cursor()
    }

    fn show_cursor(&mut self) -> Result<(), Self::Error> {
        self.0.show_cursor()
    }

    fn get_cursor_position(&mut self) -> Result<Position, Self::Error> {
        self.0.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> Result<(), Self::Error> {
        self.0.set_cursor_position(position)
    }

    fn clear(&mut self) -> Result<(), Self::Error> {
        self.0.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> Result<(), Self::Error> {
        self.0.clear_region(clear_type)
    }

    fn size(&self) -> Result<Size, Self::Error> {
        let size = self.0.size()?;
        let (width, height) = capped(size.width, size.height);
        Ok(Size { width, height })
    }

    fn window_size(&mut self) -> Result<WindowSize, Self::Error> {
        let mut window = self.0.window_size()?;
        let (width, height) = capped(window.columns_rows.width, window.columns_rows.height);
        window.columns_rows = Size { width, height };
        Ok(window)
    }

    fn flush(&mut self) -> Result<(), Self::Error> {
        self.0.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::backend::TestBackend;

    #[test]
    fn an_absurd_size_is_capped_and_a_real_one_kept() {
        let huge = Capped(TestBackend::new(MAX_WIDTH + 1, 3));
        assert_eq!(huge.size().unwrap(), Size::new(MAX_WIDTH, 3));
        assert_eq!(capped(u16::MAX, u16::MAX), (MAX_WIDTH, MAX_HEIGHT));
        assert_eq!(capped(120, 40), (120, 40));
        let resized = capped_event(Event::Resize(u16::MAX, u16::MAX));
        assert_eq!(resized, Event::Resize(MAX_WIDTH, MAX_HEIGHT));
    }
}
