//! Job control: Ctrl-Z and SIGTSTP stop brief as they stop any program, after the
//! terminal is put back, and `fg` continues it.

use signal_hook::consts::SIGTSTP;
use std::io;
use std::sync::Mutex;

/// Sends SIGTSTP to brief's process group, which is what the terminal does for Ctrl-Z
/// outside raw mode: a script that started brief stops along with it. Brief's own copy
/// comes back through the signal thread like a `kill -TSTP` from elsewhere, so there is
/// one way to be suspended.
pub fn request_stop() -> io::Result<()> {
    // SAFETY: kill takes no pointers; 0 names the caller's process group.
    if unsafe { libc::kill(0, SIGTSTP) } == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

/// Stops brief as SIGTSTP's default action does and returns once it is continued.
///
/// Not SIGSTOP: the kernel discards a default stop in an orphaned process group (brief
/// started straight by tmux, or by `ssh host brief`), where nobody could continue it, and
/// then this returns at once and brief goes on; SIGSTOP would leave it stopped for good.
/// signal-hook's handler is set aside for the moment and put back afterwards.
pub fn stop() {
    // The main thread and the signal thread can both get here; the handler must be put
    // back by whoever set it aside, not overwritten with the default.
    static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());
    let _one = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    // SAFETY: both sigaction structs are plain C data, zeroed as C expects (a zeroed
    // sigaction is SIG_DFL with an empty mask and no flags); `installed` receives the
    // handler signal-hook registered and is handed back unchanged.
    unsafe {
        let default: libc::sigaction = std::mem::zeroed();
        let mut installed: libc::sigaction = std::mem::zeroed();
        if libc::sigaction(SIGTSTP, &default, &mut installed) != 0 {
            return;
        }
        libc::raise(SIGTSTP);
        libc::sigaction(SIGTSTP, &installed, std::ptr::null_mut());
    }
}
