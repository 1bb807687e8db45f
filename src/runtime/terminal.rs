//! Entering and leaving the full-screen terminal, and putting it back however we leave:
//! normally, on error, on panic, on a signal, or to be suspended.

use ratatui::backend::{Backend, ClearType, CrosstermBackend, IntoCrossterm, WindowSize};
use ratatui::buffer::Cell;
use ratatui::crossterm::{
    cursor::{self, MoveTo},
    event::{DisableMouseCapture, EnableMouseCapture, Event},
    execute, queue,
    style::{Attribute, Color as CrosstermColor, Colors, SetAttribute, SetColors},
    style::{SetBackgroundColor, SetForegroundColor, SetUnderlineColor},
    terminal::{self, EnterAlternateScreen, LeaveAlternateScreen},
};
use ratatui::layout::{Position, Rect, Size};
use ratatui::style::{Color, Modifier};
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
pub type Screen = ratatui::Terminal<Capped<Direct<BufWriter<io::Stdout>>>>;

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
    ratatui::Terminal::new(Capped(Direct(backend)))
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

/// crossterm's backend, except that a cell's text is written as it is. crossterm formats
/// every cell through `fmt::write` (its `Print` command), and a first frame is thousands
/// of cells: under callgrind that was the largest part of writing a frame, for the same
/// bytes. Everything else — cursor moves, colours, attributes — goes through crossterm as
/// before, in the same order, so the terminal receives exactly what it did.
pub struct Direct<W: Write>(CrosstermBackend<W>);

impl<W: Write> Backend for Direct<W> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let out = &mut self.0;
        let (mut fg, mut bg, mut underline) = (Color::Reset, Color::Reset, Color::Reset);
        let mut modifier = Modifier::empty();
        let mut last: Option<(u16, u16)> = None;
        for (x, y, cell) in content {
            if !matches!(last, Some((lx, ly)) if x == lx + 1 && y == ly) {
                queue!(out, MoveTo(x, y))?;
            }
            last = Some((x, y));
            if cell.modifier != modifier {
                queue_modifier_change(out, modifier, cell.modifier)?;
                modifier = cell.modifier;
            }
            if cell.fg != fg || cell.bg != bg {
                let colors = Colors::new(cell.fg.into_crossterm(), cell.bg.into_crossterm());
                queue!(out, SetColors(colors))?;
                fg = cell.fg;
                bg = cell.bg;
            }
            if cell.underline_color != underline {
                queue!(
                    out,
                    SetUnderlineColor(cell.underline_color.into_crossterm())
                )?;
                underline = cell.underline_color;
            }
            out.write_all(cell.symbol().as_bytes())?;
        }
        queue!(
            out,
            SetForegroundColor(CrosstermColor::Reset),
            SetBackgroundColor(CrosstermColor::Reset),
            SetUnderlineColor(CrosstermColor::Reset),
            SetAttribute(Attribute::Reset),
        )
    }

    fn append_lines(&mut self, n: u16) -> io::Result<()> {
        self.0.append_lines(n)
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        self.0.hide_cursor()
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        self.0.show_cursor()
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        self.0.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        self.0.set_cursor_position(position)
    }

    fn clear(&mut self) -> io::Result<()> {
        self.0.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        self.0.clear_region(clear_type)
    }

    fn size(&self) -> io::Result<Size> {
        self.0.size()
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        self.0.window_size()
    }

    fn flush(&mut self) -> io::Result<()> {
        Backend::flush(&mut self.0)
    }
}

/// The attribute changes from `from` to `to`, in the order crossterm's backend writes
/// them: what is removed first (bold and dim share one reset), then what is added.
fn queue_modifier_change(out: &mut impl Write, from: Modifier, to: Modifier) -> io::Result<()> {
    let removed = from - to;
    if removed.contains(Modifier::REVERSED) {
        queue!(out, SetAttribute(Attribute::NoReverse))?;
    }
    let reset_intensity = removed.intersects(Modifier::BOLD | Modifier::DIM);
    if reset_intensity {
        queue!(out, SetAttribute(Attribute::NormalIntensity))?;
        if to.contains(Modifier::DIM) {
            queue!(out, SetAttribute(Attribute::Dim))?;
        }
        if to.contains(Modifier::BOLD) {
            queue!(out, SetAttribute(Attribute::Bold))?;
        }
    }
    let removals = [
        (Modifier::ITALIC, Attribute::NoItalic),
        (Modifier::UNDERLINED, Attribute::NoUnderline),
        (Modifier::CROSSED_OUT, Attribute::NotCrossedOut),
        (Modifier::HIDDEN, Attribute::NoHidden),
        (
            Modifier::SLOW_BLINK | Modifier::RAPID_BLINK,
            Attribute::NoBlink,
        ),
    ];
    for (gone, attribute) in removals {
        if removed.intersects(gone) {
            queue!(out, SetAttribute(attribute))?;
        }
    }
    let added = to - from;
    let additions = [
        (Modifier::REVERSED, Attribute::Reverse, true),
        (Modifier::BOLD, Attribute::Bold, !reset_intensity),
        (Modifier::ITALIC, Attribute::Italic, true),
        (Modifier::UNDERLINED, Attribute::Underlined, true),
        (Modifier::DIM, Attribute::Dim, !reset_intensity),
        (Modifier::CROSSED_OUT, Attribute::CrossedOut, true),
        (Modifier::HIDDEN, Attribute::Hidden, true),
        (Modifier::SLOW_BLINK, Attribute::SlowBlink, true),
        (Modifier::RAPID_BLINK, Attribute::RapidBlink, true),
    ];
    for (new, attribute, wanted) in additions {
        if wanted && added.contains(new) {
            queue!(out, SetAttribute(attribute))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use ratatui::backend::TestBackend;
    use ratatui::buffer::Buffer;
    use ratatui::style::Style;

    #[test]
    fn an_absurd_size_is_capped_and_a_real_one_kept() {
        let huge = Capped(TestBackend::new(MAX_WIDTH + 1, 3));
        assert_eq!(huge.size().unwrap(), Size::new(MAX_WIDTH, 3));
        assert_eq!(capped(u16::MAX, u16::MAX), (MAX_WIDTH, MAX_HEIGHT));
        assert_eq!(capped(120, 40), (120, 40));
        let resized = capped_event(Event::Resize(u16::MAX, u16::MAX));
        assert_eq!(resized, Event::Resize(MAX_WIDTH, MAX_HEIGHT));
    }

    fn any_color() -> impl Strategy<Value = Color> {
        prop_oneof![
            Just(Color::Reset),
            Just(Color::Red),
            Just(Color::DarkGray),
            any::<u8>().prop_map(Color::Indexed),
            (any::<u8>(), any::<u8>(), any::<u8>()).prop_map(|(r, g, b)| Color::Rgb(r, g, b)),
        ]
    }

    fn any_style() -> impl Strategy<Value = Style> {
        (any_color(), any_color(), any_color(), any::<u16>()).prop_map(|(fg, bg, ul, bits)| {
            Style::default()
                .fg(fg)
                .bg(bg)
                .underline_color(ul)
                .add_modifier(Modifier::from_bits_truncate(bits))
        })
    }

    /// What a backend wrote, kept where the test can read it after the backend has it.
    #[derive(Clone, Default)]
    struct Written(std::rc::Rc<std::cell::RefCell<Vec<u8>>>);

    impl Write for Written {
        fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
            self.0.borrow_mut().extend_from_slice(bytes);
            Ok(bytes.len())
        }

        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    /// The bytes a backend writes for `frame` over `previous`, as ratatui's `Terminal`
    /// asks for them: the cells that differ.
    fn frame_bytes<B: Backend<Error = io::Error>>(
        make: impl FnOnce(Written) -> B,
        previous: &Buffer,
        frame: &Buffer,
    ) -> String {
        let written = Written::default();
        let mut backend = make(written.clone());
        backend.draw(previous.diff(frame).into_iter()).unwrap();
        backend.flush().unwrap();
        String::from_utf8(written.0.take()).unwrap()
    }

    fn buffer_of(width: u16, cells: &[(String, Style)]) -> Buffer {
        let mut buffer = Buffer::empty(Rect::new(0, 0, width, 3));
        for (i, (text, style)) in cells.iter().enumerate() {
            let (x, y) = (i as u16 % width, i as u16 / width);
            buffer.set_stringn(x, y, text, 1, *style);
        }
        buffer
    }

    proptest! {
        /// The terminal receives exactly what crossterm's own backend would have sent:
        /// cursor moves over unchanged cells, colours, every attribute change, wide and
        /// combining text.
        #[test]
        fn direct_writes_what_crossterm_writes(
            before in prop::collection::vec(("[a é字\u{301}]{0,2}", any_style()), 0..24),
            after in prop::collection::vec(("[a é字\u{301}]{0,2}", any_style()), 0..24),
        ) {
            let (previous, frame) = (buffer_of(8, &before), buffer_of(8, &after));
            let ours = frame_bytes(|w| Direct(CrosstermBackend::new(w)), &previous, &frame);
            let theirs = frame_bytes(CrosstermBackend::new, &previous, &frame);
            prop_assert_eq!(ours, theirs);
        }
    }
}
