#!/usr/bin/env python3
"""Whole-process measurements for issue 5: brief beside `less`, in a pseudo-terminal.

Runs the real release binary in a 120x40 pseudo-terminal and measures:

  * time from spawn to the first full frame, alternating with `less` on the same YAML
    file in the same terminal size, and the ratio of medians: of the bundled briefing
    (`brief` alone, no parse) and of the same briefing as a file (`brief FILE`);
  * time to the first frame of a generated 3 MB briefing (400 actors, 10,000 quotes);
  * End on its Quotes pane: that one key shows the last of 10,000 quotes, and how long
    the key takes to reach the screen;
  * CPU used while idle for 10 s (utime + stime from /proc/PID/stat, and the threads'
    run time from /proc/PID/task/*/schedstat);
  * peak memory (VmHWM) on the 3 MB briefing after `3` then End;
  * reload latency: from the end of a write that changes the title to a unique marker
    until the marker is on screen; on the 3 MB briefing also for writes that alternate
    with another 3 MB briefing, so that every item changes;
  * in a git repository with 300 commits of the bundled briefing: `brief log` beside
    `git log -p` on the file, alternating; the first frame beside the same file outside
    any repository, alternating; how long until the
    History pane (8, pressed once the first frame is there) lists every version; peak
    memory once it has; CPU while idle with the repository watched;
  * with --picker-only: `brief DIR` on 20 briefings of about 7 MB each: the time to
    the first frame of the picker and until every briefing in it has been read (no row
    still shows a size), alternating with the binary given by --before, if any;
  * a key's latency: `j` on every list pane, from writing the key to reading the new
    position from the screen, with the bundled and the 3 MB briefing open side by side
    and the keys alternating between them; both walk as many items as the bundled list
    has, then go back to the top.

Builds nothing. First:

    cargo build --release --bins --examples

then, from the repository root:

    python3 scripts/measure-startup.py [--runs 30] [--reloads 20] [--idle 10]
    python3 scripts/measure-startup.py --startup-only [--runs 30] [--idle 10] [--before OLD-BRIEF]
    python3 scripts/measure-startup.py --history-only [--runs 30]
    python3 scripts/measure-startup.py --picker-only [--runs 10] [--before OLD-BRIEF]

The binaries are looked for in $CARGO_TARGET_DIR (else ./target)/release; --brief and
--gen give other paths. The CPU cost of a key comes from `cargo bench --bench brief`:
if its results are there (target/criterion), a table of them follows.
"""

import argparse
import fcntl
import json
import os
import re
import select
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUNDLED = os.path.join(ROOT, "briefings", "belarus-us-thaw.yaml")
COLS, ROWS = 120, 40
TIMEOUT = 10.0
CLK_TCK = os.sysconf("SC_CLK_TCK")


# --- A small terminal screen, enough to read what brief draws -----------------------

CSI = re.compile(rb"\x1b\[([0-9;?<>=]*)([ -/]*)([@-~])")


class Screen:
    """A grid of characters fed with terminal output: cursor moves, erases and text.
    Colours and modes are ignored. Enough for ratatui's crossterm backend."""

    def __init__(self, cols=COLS, rows=ROWS):
        self.cols, self.rows = cols, rows
        self.grid = [[" "] * cols for _ in range(rows)]
        self.x = self.y = 0
        self.pending = b""

    def feed(self, data):
        data = self.pending + data
        self.pending = b""
        i, n = 0, len(data)
        text = bytearray()
        while i < n:
            b = data[i]
            if b == 0x1B:
                self._text(text)
                text = bytearray()
                if i + 1 >= n:
                    self.pending = data[i:]
                    return
                nxt = data[i + 1]
                if nxt == ord("["):
                    m = CSI.match(data, i)
                    if not m:
                        self.pending = data[i:]
                        return
                    self._csi(m.group(1), m.group(3))
                    i = m.end()
                elif nxt == ord("]"):  # OSC ... BEL or ST
                    end = data.find(b"\x07", i)
                    st = data.find(b"\x1b\\", i)
                    ends = [e for e in (end, st) if e != -1]
                    if not ends:
                        self.pending = data[i:]
                        return
                    e = min(ends)
                    i = e + (1 if e == end else 2)
                elif nxt in b"()*+":
                    i += 3
                else:
                    i += 2
            elif b == 0x0D:
                self._text(text)
                text = bytearray()
                self.x = 0
                i += 1
            elif b == 0x0A:
                self._text(text)
                text = bytearray()
                self._newline()
                i += 1
            elif b == 0x08:
                self._text(text)
                text = bytearray()
                self.x = max(0, self.x - 1)
                i += 1
            elif b < 0x20:
                i += 1
            else:
                text.append(b)
                i += 1
        # Keep an incomplete UTF-8 sequence for the next chunk.
        cut = len(text)
        for back in range(1, min(4, len(text)) + 1):
            lead = text[-back]
            if lead & 0xC0 == 0xC0:
                need = 2 if lead < 0xE0 else 3 if lead < 0xF0 else 4
                if back < need:
                    cut = len(text) - back
                break
            if lead & 0x80 == 0:
                break
        self.pending = bytes(text[cut:])
        self._text(text[:cut])

    def _newline(self):
        if self.y + 1 < self.rows:
            self.y += 1
        else:
            self.grid.pop(0)
            self.grid.append([" "] * self.cols)

    def _text(self, raw):
        if not raw:
            return
        for ch in raw.decode("utf-8", "replace"):
            width = 2 if unicodedata.east_asian_width(ch) in "WF" else 1
            if unicodedata.combining(ch):
                continue
            if self.x + width > self.cols:
                self.x = 0
                self._newline()
            self.grid[self.y][self.x] = ch
            if width == 2 and self.x + 1 < self.cols:
                self.grid[self.y][self.x + 1] = ""
            self.x += width

    def _csi(self, params, final):
        if params.startswith(b"?") or params.startswith(b">"):
            return  # private modes: alternate screen, cursor, mouse
        nums = [int(p) if p else 0 for p in params.split(b";")] if params else []

        def arg(k, default=1):
            return nums[k] if len(nums) > k and nums[k] else default

        if final in b"Hf":
            self.y = min(self.rows, arg(0)) - 1
            self.x = min(self.cols, arg(1)) - 1
        elif final == b"A":
            self.y = max(0, self.y - arg(0))
        elif final == b"B":
            self.y = min(self.rows - 1, self.y + arg(0))
        elif final == b"C":
            self.x = min(self.cols - 1, self.x + arg(0))
        elif final == b"D":
            self.x = max(0, self.x - arg(0))
        elif final == b"G":
            self.x = min(self.cols, arg(0)) - 1
        elif final == b"d":
            self.y = min(self.rows, arg(0)) - 1
        elif final == b"J":
            mode = arg(0, 0)
            if mode == 0:
                self._erase_line(self.y, self.x, self.cols)
                for y in range(self.y + 1, self.rows):
                    self._erase_line(y, 0, self.cols)
            elif mode == 1:
                for y in range(0, self.y):
                    self._erase_line(y, 0, self.cols)
                self._erase_line(self.y, 0, self.x + 1)
            else:
                for y in range(self.rows):
                    self._erase_line(y, 0, self.cols)
        elif final == b"K":
            mode = arg(0, 0)
            if mode == 0:
                self._erase_line(self.y, self.x, self.cols)
            elif mode == 1:
                self._erase_line(self.y, 0, self.x + 1)
            else:
                self._erase_line(self.y, 0, self.cols)

    def _erase_line(self, y, x0, x1):
        row = self.grid[y]
        for x in range(max(0, x0), min(self.cols, x1)):
            row[x] = " "

    def text(self):
        return "\n".join("".join(row) for row in self.grid)

    def line(self, y):
        return "".join(self.grid[y])


# --- Running a program in a pseudo-terminal ---------------------------------------------


def child_env():
    env = dict(os.environ)
    env["TERM"] = "xterm-256color"
    env["COLUMNS"], env["LINES"] = str(COLS), str(ROWS)
    # less as it comes: no input preprocessor, no history file, no options from the user.
    for var in ("LESSOPEN", "LESSCLOSE", "LESS", "LESSKEY", "LESSKEYIN"):
        env.pop(var, None)
    env["LESSHISTFILE"] = "-"
    return env


class Pty:
    """A child process on a new pseudo-terminal of COLS x ROWS, its controlling
    terminal, with everything it writes kept and timed."""

    def __init__(self, argv, cwd=None):
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
        env = child_env()
        self.start = time.perf_counter()
        pid = os.fork()
        if pid == 0:  # the child: own session, the pty as controlling terminal
            try:
                os.close(master)
                os.setsid()
                fcntl.ioctl(slave, termios.TIOCSCTTY, 0)
                for fd in (0, 1, 2):
                    os.dup2(slave, fd)
                if slave > 2:
                    os.close(slave)
                if cwd:
                    os.chdir(cwd)
                os.execvpe(argv[0], argv, env)
            finally:
                os._exit(127)
        os.close(slave)
        self.pid, self.fd = pid, master
        self.out = bytearray()
        self._screen = Screen()
        self._fed = 0
        self.exited = None

    def read(self, timeout):
        """Reads what is there within `timeout`; returns (bytes, time read) or (b"", None)."""
        ready, _, _ = select.select([self.fd], [], [], max(0.0, timeout))
        if not ready:
            return b"", None
        try:
            data = os.read(self.fd, 65536)
        except OSError:
            data = b""
        now = time.perf_counter()
        if not data:
            raise EOFError
        self.out += data
        return data, now

    @property
    def screen(self):
        """The screen, brought up to date on demand: parsing output in Python is slow,
        and doing it between reads would delay the reads that are being timed."""
        if self._fed < len(self.out):
            self._screen.feed(bytes(self.out[self._fed:]))
            self._fed = len(self.out)
        return self._screen

    def wait_for(self, found, timeout=TIMEOUT):
        """Reads until `found(self)` is true; returns the time of the read that made it so."""
        deadline = time.perf_counter() + timeout
        if found(self):
            return time.perf_counter()
        while True:
            left = deadline - time.perf_counter()
            if left <= 0:
                raise TimeoutError(f"timed out; screen:\n{self.screen.text()}")
            data, when = self.read(left)
            if data and found(self):
                return when

    def drain(self, seconds):
        """Reads (and so keeps the terminal flowing) for `seconds`."""
        deadline = time.perf_counter() + seconds
        while True:
            left = deadline - time.perf_counter()
            if left <= 0:
                return
            try:
                self.read(left)
            except EOFError:
                return

    def send(self, data):
        os.write(self.fd, data)

    def quit(self, key=b"q", timeout=5.0):
        try:
            self.send(key)
        except OSError:
            pass
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.exited = status
                break
            try:
                self.read(0.05)
            except EOFError:
                pass
        else:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        os.close(self.fd)

    def proc(self, name):
        with open(f"/proc/{self.pid}/{name}") as f:
            return f.read()


# --- What counts as the first full frame -------------------------------------------------

# brief draws the footer (last row) last; its last hint is `q quit`, with colour codes
# between the key and the word.
BRIEF_FOOTER = re.compile(rb"q(?:\x1b\[[0-9;]*m)* quit")


def brief_frame_done(p):
    return BRIEF_FOOTER.search(p.out) is not None


def less_prompt(path):
    """less ends its first screen with a prompt: the file name (first screen), `:`, or
    `(END)` when the whole file fits."""
    name = os.path.basename(path).encode()

    def done(p):
        tail = p.out[-600:]
        plain = re.sub(rb"\x1b\[[0-9;?]*[A-Za-z]", b"", tail)
        return name in plain or b"(END)" in plain

    return done


def first_frame(argv, done, quit_key=b"q", cwd=None):
    p = Pty(argv, cwd=cwd)
    try:
        when = p.wait_for(done)
    except (TimeoutError, EOFError):
        p.quit(quit_key)
        raise
    elapsed = when - p.start
    p.quit(quit_key)
    return elapsed, p


# --- Helpers ------------------------------------------------------------------------------


def ms(seconds):
    return seconds * 1000.0


def p90(values):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(0.9 * (len(values) - 1))))]


def summary(values):
    return statistics.median(values), p90(values), min(values), max(values)


def cpu_ticks(p):
    fields = p.proc("stat").rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime, stime (fields 14, 15)


def thread_runtime_ns(p):
    total = 0
    for tid in os.listdir(f"/proc/{p.pid}/task"):
        try:
            with open(f"/proc/{p.pid}/task/{tid}/schedstat") as f:
                total += int(f.read().split()[0])
        except OSError:
            pass
    return total


def context_switches(p):
    total = 0
    for tid in os.listdir(f"/proc/{p.pid}/task"):
        try:
            with open(f"/proc/{p.pid}/task/{tid}/status") as f:
                for line in f:
                    if line.startswith(("voluntary_ctxt_switches", "nonvoluntary_ctxt_switches")):
                        total += int(line.split()[1])
        except OSError:
            pass
    return total


def vm_hwm_kib(p):
    for line in p.proc("status").splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def find_binaries(args):
    target = os.environ.get("CARGO_TARGET_DIR") or os.path.join(ROOT, "target")
    brief = args.brief or os.path.join(target, "release", "brief")
    gen = args.gen or os.path.join(target, "release", "examples", "gen")
    missing = [b for b in (brief, gen) if not os.access(b, os.X_OK)]
    if missing:
        sys.exit(
            "missing: " + ", ".join(missing) + "\n"
            "build them first (this script builds nothing):\n"
            "    cargo build --release --bins --examples\n"
            "(with CARGO_TARGET_DIR set the same way as for this script, or pass --brief/--gen)"
        )
    return brief, gen, target


def load_average():
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def find_less():
    less = shutil.which("less")
    if less:
        return less
    sys.exit("`less` is not installed: apt-get install -y less")


def criterion_median_ns(criterion_dir, group, bench):
    path = os.path.join(criterion_dir, group, bench, "new", "estimates.json")
    try:
        with open(path) as f:
            return json.load(f)["median"]["point_estimate"]
    except (OSError, KeyError, ValueError):
        return None


# --- The measurements ------------------------------------------------------------------------


def measure_startup(brief, less, runs, before=None):
    """First frames of brief and of `less`, alternating run by run, in two cases: the
    bundled briefing (`brief` alone, which skips the parse) and a briefing file (`brief
    FILE`, read and checked). `less` shows the same YAML file in both. With `before`,
    that binary takes its turn too, before brief's. Returns {case: {program: times}}."""
    programs = {"before": before, "brief": brief} if before else {"brief": brief}
    cases = {"bundled": [], "file": [BUNDLED]}
    times = {case: {name: [] for name in [*programs, "less"]} for case in cases}
    # One unmeasured run of each, so that all start with warm page caches.
    for args in cases.values():
        for binary in programs.values():
            first_frame([binary, *args], brief_frame_done)
        first_frame([less, BUNDLED], less_prompt(BUNDLED))
    for _ in range(runs):
        for case, args in cases.items():
            for name, binary in programs.items():
                t, _ = first_frame([binary, *args], brief_frame_done)
                times[case][name].append(t)
            t, _ = first_frame([less, BUNDLED], less_prompt(BUNDLED))
            times[case]["less"].append(t)
    return times


def print_startup(times):
    """Prints each case's figures; returns {case: (brief median, brief p90, less median,
    less p90)}."""
    result = {}
    for case, programs in times.items():
        l_med, l_p90, _, _ = summary(programs["less"])
        for name, values in programs.items():
            med, tail, low, high = summary(values)
            print(f"  {name:6} {case}: median {ms(med):.2f} ms, p90 {ms(tail):.2f}, min {ms(low):.2f}, max {ms(high):.2f}")
        for name, values in programs.items():
            if name != "less":
                med, tail, _, _ = summary(values)
                print(f"  ratio {name}/less, {case} (medians): {med / l_med:.2f}; (p90s): {tail / l_p90:.2f}", flush=True)
        b_med, b_p90, _, _ = summary(programs["brief"])
        result[case] = (b_med, b_p90, l_med, l_p90)
    return result


def startup_rows(result):
    rows = []
    for case, title in (("bundled", "bundled briefing"), ("file", "a briefing file")):
        b_med, b_p90, l_med, l_p90 = result[case]
        ratio = b_med / l_med
        rows.append((
            f"First frame, {title}, vs `less` on the same file (whole process, pty 120x40)",
            "brief ≤ 1.15 × less",
            f"brief {ms(b_med):.2f} ms / less {ms(l_med):.2f} ms = {ratio:.2f}× (medians; p90 {ms(b_p90):.2f} / {ms(l_p90):.2f})",
            "pass" if ratio <= 1.15 else "**FAIL**",
        ))
    return rows


def measure_big_startup(brief, big, runs):
    times = []
    first_frame([brief, big], brief_frame_done)
    for _ in range(runs):
        t, _ = first_frame([brief, big], brief_frame_done)
        times.append(t)
    return times


PICKER_FILES = 20
# About 7.4 MB each, under the 8 MiB default limit.
PICKER_GEN = ["--actors", "900", "--quotes", "23000", "--risks", "2300", "--questions", "1100"]


def picker_directory(gen, tmp):
    """A directory of PICKER_FILES large briefings, each from its own seed."""
    folder = os.path.join(tmp, "briefings")
    os.makedirs(folder, exist_ok=True)
    for n in range(PICKER_FILES):
        with open(os.path.join(folder, f"b{n:02}.yaml"), "wb") as f:
            subprocess.run([gen, *PICKER_GEN, "--seed", str(n + 1)], stdout=f, check=True)
    return folder


def picker_all_read(p):
    """Every row has its title: a row not read yet, and the card of one, show its size."""
    return brief_frame_done(p) and " MB" not in p.screen.text()


def picker_times(brief, folder):
    """(first frame, every briefing read) of `brief DIR`, in seconds from the spawn."""
    p = Pty([brief, folder])
    try:
        first = p.wait_for(brief_frame_done, timeout=60.0)
        every = p.wait_for(picker_all_read, timeout=60.0)
    finally:
        p.quit()
    return first - p.start, every - p.start


def measure_picker(programs, folder, runs):
    """Each program's picker timings, the programs alternating run by run."""
    for brief in programs.values():
        picker_times(brief, folder)  # warm the page cache
    times = {name: ([], []) for name in programs}
    for _ in range(runs):
        for name, brief in programs.items():
            first, every = picker_times(brief, folder)
            times[name][0].append(first)
            times[name][1].append(every)
    return times


def measure_end_and_memory(brief, big):
    p = Pty([brief, big])
    try:
        p.wait_for(brief_frame_done)
        p.send(b"3")
        p.wait_for(lambda q: " Quotes 1/10000 " in q.screen.text())
        p.drain(0.2)
        sent = time.perf_counter()
        p.send(b"\x1b[F")  # End
        when = p.wait_for(lambda q: " Quotes 10000/10000 " in q.screen.text())
        end_ms = ms(when - sent)
        p.drain(0.2)
        screen = p.screen.text()
        one_key = " Quotes 10000/10000 " in screen and "id: q-09999" in screen
        hwm = vm_hwm_kib(p)
    finally:
        p.quit()
    return end_ms, one_key, hwm


LIST_PANES = (("2", "Actors"), ("3", "Quotes"), ("4", "Risks"), ("5", "Questions"),
              ("6", "Stances"), ("7", "Timeline"))


def measure_keys(brief, big, rounds):
    """Key `j` → its frame on the screen, whole process: the bundled briefing and the 3 MB
    one open side by side, a key to one then the same key to the other. On each list pane
    both make the same walk: `j` down the bundled list (6 to 28 items), then `g` back to
    the top, untimed. Latency: from writing the key to reading the new position
    (`Actors 3/7`) from the terminal. Returns {pane: (bundled latencies, 3 MB latencies)}."""
    procs = [Pty([brief]), Pty([brief, big])]
    found = {}
    try:
        for p in procs:
            p.wait_for(brief_frame_done)
            p.drain(0.2)
        for digit, title in LIST_PANES:
            at = [re.compile(rf" {title} (\d+)/(\d+) ") for _ in procs]
            for p in procs:
                p.send(digit.encode())
                p.wait_for(lambda q: f" {title} 1/" in q.screen.text())
                p.drain(0.05)
            items = int(at[0].search(procs[0].screen.text()).group(2))
            times = ([], [])
            for _ in range(rounds):
                for k in range(2, items + 1):
                    for i, p in enumerate(procs):
                        sent = time.perf_counter()
                        p.send(b"j")
                        when = p.wait_for(lambda q: f" {title} {k}/" in q.screen.text())
                        times[i].append(when - sent)
                        p.drain(0.003)
                for p in procs:
                    p.send(b"g")
                    p.wait_for(lambda q: f" {title} 1/" in q.screen.text())
                    p.drain(0.01)
            found[title] = times
    finally:
        for p in procs:
            p.quit()
    return found


def measure_idle(argv, seconds):
    p = Pty(argv)
    try:
        p.wait_for(brief_frame_done)
        p.drain(0.5)
        ticks0, ns0, cs0 = cpu_ticks(p), thread_runtime_ns(p), context_switches(p)
        p.drain(seconds)
        ticks1, ns1, cs1 = cpu_ticks(p), thread_runtime_ns(p), context_switches(p)
        written = len(p.out)
    finally:
        p.quit()
    return (ticks1 - ticks0) * 1000.0 / CLK_TCK, (ns1 - ns0) / 1e6, cs1 - cs0, written


def measure_reload(brief, source_path, reps, other_path=None):
    """brief on a copy in a temp dir; each write changes the title to a new marker. With
    `other_path`, the writes alternate between the two files' texts, so that every other
    line changes (a checkout of another version) rather than one."""
    texts = []
    for path in [source_path] + ([other_path] if other_path else []):
        with open(path, encoding="utf-8") as f:
            text = f.read()
        title = re.search(r"^title: .*$", text, re.M)
        if not title:
            raise SystemExit(f"{path} has no top-level title line")
        texts.append((text, title))
    text = texts[0][0]
    tmp = tempfile.mkdtemp(prefix="brief-reload-")
    path = os.path.join(tmp, "briefing.yaml")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    latencies = []
    p = Pty([brief, path])
    try:
        p.wait_for(brief_frame_done)
        p.drain(0.3)
        for n in range(reps):
            marker = f"RELOAD-MARK-{os.getpid()}-{n:03d}"
            text, title = texts[(n + 1) % len(texts)]
            new = text[: title.start()] + f'title: "{marker}"' + text[title.end():]
            data = new.encode("utf-8")
            with open(path, "wb") as f:
                f.write(data)
            written = time.perf_counter()  # the last write is done (closed)
            when = p.wait_for(lambda q, m=marker: m in q.screen.line(0), timeout=5.0)
            latencies.append(when - written)
            p.drain(0.15)
    finally:
        p.quit()
        shutil.rmtree(tmp, ignore_errors=True)
    return latencies


def measure_growth(brief, gen, tmp, runs):
    """At 1x, 10x and 100x the bundled briefing's counts (`gen --scale K`): file size,
    time to first frame (median), and peak memory after visiting every pane and End."""
    rows = []
    for k in (1, 10, 100):
        path = os.path.join(tmp, f"scale{k}.yaml")
        with open(path, "wb") as f:
            subprocess.run([gen, "--scale", str(k)], stdout=f, check=True)
        first_frame([brief, path], brief_frame_done)
        times = [first_frame([brief, path], brief_frame_done)[0] for _ in range(runs)]
        p = Pty([brief, path])
        try:
            p.wait_for(brief_frame_done)
            for key in b"2345673":
                p.send(bytes([key]))
                p.drain(0.1)
            p.send(b"\x1b[F")
            p.drain(0.2)
            hwm = vm_hwm_kib(p)
        finally:
            p.quit()
        rows.append((k, os.path.getsize(path), statistics.median(times), p90(times), hwm))
    return rows


def git_env():
    env = dict(os.environ)
    env.update(
        GIT_CONFIG_GLOBAL="/dev/null",
        GIT_CONFIG_NOSYSTEM="1",
        GIT_AUTHOR_NAME="Ana Analyst",
        GIT_AUTHOR_EMAIL="ana@example.invalid",
        GIT_COMMITTER_NAME="Ana Analyst",
        GIT_COMMITTER_EMAIL="ana@example.invalid",
    )
    return env


def history_repo(tmp, commits):
    """A repository with `commits` commits of the bundled briefing, each editing one
    judgment (a risk's likelihood or a stance's position, in turn), as analysts do, and
    each text different from every other."""
    repo = os.path.join(tmp, "repo")
    os.makedirs(repo)
    env = git_env()

    def git(*args):
        subprocess.run(["git", *args], cwd=repo, env=env, check=True, stdout=subprocess.DEVNULL)

    git("init", "-q", "-b", "main")
    path = os.path.join(repo, "briefing.yaml")
    with open(BUNDLED) as f:
        text = f.read()
    levels, positions = ["low", "medium", "high"], ["supports", "opposes", "mixed", "neutral", "unclear"]
    for i in range(commits):
        if i:
            if i % 2:
                text = re.sub(r"(?m)^(\s+likelihood: ).*$", lambda m: m.group(1) + levels[i % 3], text, count=1)
            else:
                text = re.sub(r"(?m)^(\s+position: ).*$", lambda m: m.group(1) + positions[i % 5], text, count=1)
        with open(path, "w") as f:
            # A line of its own makes every version's text new, as in a real history
            # (the judgments alone take only 15 different texts).
            f.write(f"{text}# edit {i}\n")
        git("add", "briefing.yaml")
        git("commit", "-q", "--allow-empty", "-m", f"Edit {i}")
    return path


def measure_history(brief, tmp, runs, idle_seconds):
    """First frame in a 300-commit repository against the same file outside one; the
    time until the History pane lists every version; memory and idle CPU there."""
    inside = history_repo(tmp, 300)
    outside_dir = os.path.join(tmp, "outside")
    os.makedirs(outside_dir)
    outside = os.path.join(outside_dir, "briefing.yaml")
    shutil.copy(inside, outside)
    in_t, out_t = [], []
    first_frame([brief, inside], brief_frame_done)
    first_frame([brief, outside], brief_frame_done)
    for _ in range(runs):
        in_t.append(first_frame([brief, inside], brief_frame_done)[0])
        out_t.append(first_frame([brief, outside], brief_frame_done)[0])
    listed, refreshed, hwm_in, hwm_out = [], [], [], []
    with open(inside) as f:
        committed = f.read()
    for _ in range(max(3, runs // 5)):
        for path, hwms in ((inside, hwm_in), (outside, hwm_out)):
            p = Pty([brief, path])
            try:
                p.wait_for(brief_frame_done)
                p.send(b"8")
                if path == inside:
                    when = p.wait_for(lambda p: "History 1/" in p.screen.text(), timeout=30)
                    listed.append(when - p.start)
                    # A save: the list is read again, and gains the working copy's row.
                    p.drain(0.2)
                    with open(inside, "w") as f:
                        f.write(committed + "\n# a draft note\n")
                    saved = time.perf_counter()
                    when = p.wait_for(lambda p: "working copy" in p.screen.text())
                    refreshed.append(when - saved)
                    with open(inside, "w") as f:
                        f.write(committed)
                    p.wait_for(lambda p: "working copy" not in p.screen.text())
                else:
                    p.wait_for(lambda p: "Not in a git repository" in p.screen.text())
                p.drain(0.2)
                hwms.append(vm_hwm_kib(p))
            finally:
                p.quit()
    # `brief log` beside `git log -p` on the same file, whole process, alternating.
    repo = os.path.dirname(inside)
    env = git_env()

    def timed(argv):
        start = time.perf_counter()
        subprocess.run(argv, cwd=repo, env=env, check=True, stdout=subprocess.DEVNULL)
        return time.perf_counter() - start

    git_log = ["git", "--no-pager", "log", "-p", "--", "briefing.yaml"]
    brief_log = [brief, "log", "briefing.yaml"]
    for _ in range(2):
        timed(git_log)
        timed(brief_log)
    log_t, git_t = [], []
    for _ in range(max(10, runs // 2)):
        git_t.append(timed(git_log))
        log_t.append(timed(brief_log))
    # Idle once the history is read: nothing but the watchers is left, and they sleep.
    p = Pty([brief, inside])
    try:
        p.wait_for(brief_frame_done)
        p.send(b"8")
        p.wait_for(lambda p: "History 1/" in p.screen.text(), timeout=30)
        p.drain(0.5)
        ticks0, ns0, cs0 = cpu_ticks(p), thread_runtime_ns(p), context_switches(p)
        p.drain(idle_seconds)
        idle = (
            (cpu_ticks(p) - ticks0) * 1000.0 / CLK_TCK,
            (thread_runtime_ns(p) - ns0) / 1e6,
            context_switches(p) - cs0,
        )
    finally:
        p.quit()
    return in_t, out_t, listed, refreshed, hwm_in, hwm_out, idle, log_t, git_t


def print_history(result):
    in_t, out_t, listed, refreshed, hwm_in, hwm_out, idle, log_t, git_t = result
    i_med, i_p90, _, _ = summary(in_t)
    o_med, o_p90, _, _ = summary(out_t)
    print(f"  first frame in the repository: median {ms(i_med):.2f} ms, p90 {ms(i_p90):.2f}")
    print(f"  first frame outside:           median {ms(o_med):.2f} ms, p90 {ms(o_p90):.2f}")
    print(f"  ratio inside/outside (medians): {i_med / o_med:.2f}; (p90s): {i_p90 / o_p90:.2f}")
    print(f"  History lists every version, from spawn: median {ms(statistics.median(listed)):.0f} ms, max {ms(max(listed)):.0f} ({len(listed)} runs)")
    print(f"  a save -> the working copy's row in the list: median {ms(statistics.median(refreshed)):.1f} ms, max {ms(max(refreshed)):.1f}")
    print(f"  VmHWM with the history read: {statistics.median(hwm_in) / 1024:.1f} MiB; outside a repository: {statistics.median(hwm_out) / 1024:.1f} MiB")
    log_med, git_med = statistics.median(log_t), statistics.median(git_t)
    print(f"  brief log: median {ms(log_med):.1f} ms; git log -p: median {ms(git_med):.1f} ms; ratio {log_med / git_med:.2f} ({len(log_t)} runs each)")
    print(f"  idle in the repository: utime+stime {idle[0]:.0f} ms; thread run time {idle[1]:.3f} ms; context switches {idle[2]}", flush=True)
    return [
        ("`brief log` vs `git log -p -- FILE`, 300 commits (whole process, alternating)", "≤ 3×",
         f"{ms(log_med):.1f} ms / {ms(git_med):.1f} ms = {log_med / git_med:.2f}× (medians)",
         "pass" if log_med <= git_med * 3 else "**FAIL**"),
        ("First frame in a 300-commit repository vs outside one (bundled briefing)", "as fast",
         f"{ms(i_med):.1f} ms / {ms(o_med):.1f} ms = {i_med / o_med:.2f}× (medians; p90 {ms(i_p90):.1f} / {ms(o_p90):.1f})",
         "pass" if i_med <= o_med * 1.05 else "**FAIL**"),
        ("CPU while idle, 10 s, in the repository (file and repository watched)", "0 ms",
         f"{idle[0]:.0f} ms (utime+stime); {idle[1]:.3f} ms run time; {idle[2]} wakeups",
         "pass" if idle[0] == 0 else "**FAIL**"),
    ]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=30, help="startup runs of each program")
    ap.add_argument("--big-runs", type=int, default=15, help="startup runs on the 3 MB file")
    ap.add_argument("--reloads", type=int, default=20, help="reloads to time")
    ap.add_argument("--key-rounds", type=int, default=20, help="walks down each list pane")
    ap.add_argument("--idle", type=float, default=10.0, help="seconds of idle to measure")
    ap.add_argument("--brief", help="the brief binary (default: target/release/brief)")
    ap.add_argument("--gen", help="the gen example (default: target/release/examples/gen)")
    ap.add_argument("--criterion", help="criterion's results (default: the target dir's criterion/)")
    ap.add_argument("--startup-only", action="store_true",
                    help="only the first frames beside less, bundled and on a file")
    ap.add_argument("--history-only", action="store_true", help="only the git-history measurements")
    ap.add_argument("--picker-only", action="store_true", help="only `brief DIR` on 20 briefings of 7 MB")
    ap.add_argument("--before", help="with --picker-only or --startup-only: another brief binary to compare, alternating")
    args = ap.parse_args()

    brief, gen, target = find_binaries(args)
    if args.picker_only:
        tmp = tempfile.mkdtemp(prefix="brief-measure-")
        try:
            folder = picker_directory(gen, tmp)
            size = sum(os.path.getsize(os.path.join(folder, f)) for f in os.listdir(folder))
            programs = {"before": args.before, "brief": brief} if args.before else {"brief": brief}
            print(f"picker: {PICKER_FILES} briefings, {size / 1e6:.0f} MB in all; {args.runs} runs each, alternating ...", flush=True)
            times = measure_picker(programs, folder, args.runs)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        print("\n| Binary | First frame (median / p90) | Every briefing read (median / p90) | Goal: first frame < 300 ms |")
        print("| --- | --- | --- | --- |")
        for name, (first, every) in times.items():
            ok = "pass" if p90(first) < 0.300 else "**FAIL**"
            print(f"| {name} ({programs[name]}) | {ms(statistics.median(first)):.0f} / {ms(p90(first)):.0f} ms "
                  f"| {ms(statistics.median(every)):.0f} / {ms(p90(every)):.0f} ms | {ok} |")
        return
    if args.startup_only:
        less = find_less()
        print(f"brief: {brief}\nless:  {less}; load average {load_average()}")
        print(f"startup: {args.runs} runs each, alternating ...", flush=True)
        times = measure_startup(brief, less, args.runs, args.before)
        rows = startup_rows(print_startup(times))
        print(f"load average after: {load_average()}")
        print(f"idle: {args.idle:.0f} s each, bundled and the same briefing as a file ...", flush=True)
        # The file idles outside any repository: in this one, a commit made anywhere else
        # (another worktree shares the repository) wakes the history up, as it should.
        tmp = tempfile.mkdtemp(prefix="brief-measure-")
        copy = os.path.join(tmp, os.path.basename(BUNDLED))
        shutil.copyfile(BUNDLED, copy)
        for name, argv in (("bundled", [brief]), ("file", [brief, copy])):
            tick_ms, run_ms, switches, _ = measure_idle(argv, args.idle)
            print(f"  {name}: utime+stime {tick_ms:.0f} ms; thread run time {run_ms:.3f} ms; context switches {switches}")
            rows.append((f"CPU while idle, {args.idle:.0f} s ({name})", "0 ms, 0 wakeups",
                         f"{tick_ms:.0f} ms (utime+stime); {run_ms:.3f} ms run time; {switches} wakeups",
                         "pass" if tick_ms == 0 and switches == 0 else "**FAIL**"))
        shutil.rmtree(tmp, ignore_errors=True)
        print("\n| Target | Goal | Measured | Result |\n| --- | --- | --- | --- |")
        for row in rows:
            print("| " + " | ".join(row) + " |")
        return
    if args.history_only:
        tmp = tempfile.mkdtemp(prefix="brief-measure-")
        try:
            print(f"history: a 300-commit repository, {args.runs} first frames each, alternating ...", flush=True)
            rows = print_history(measure_history(brief, tmp, args.runs, args.idle))
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        print("\n| Target | Goal | Measured | Result |\n| --- | --- | --- | --- |")
        for row in rows:
            print("| " + " | ".join(row) + " |")
        return
    less = find_less()
    os.chdir(ROOT)
    tmp = tempfile.mkdtemp(prefix="brief-measure-")
    big = os.path.join(tmp, "big.yaml")
    with open(big, "wb") as f:
        subprocess.run(
            [gen, "--actors", "400", "--quotes", "10000", "--risks", "1000", "--questions", "500"],
            stdout=f,
            check=True,
        )
    big_bytes = os.path.getsize(big)
    # Another 3 MB briefing (another seed): reloading it over the first changes every item.
    big_other = os.path.join(tmp, "big-other.yaml")
    with open(big_other, "wb") as f:
        subprocess.run(
            [gen, "--actors", "400", "--quotes", "10000", "--risks", "1000", "--questions", "500",
             "--seed", "7"],
            stdout=f,
            check=True,
        )
    try:
        check = subprocess.run([brief, "check", big], capture_output=True, text=True)
        if check.returncode != 0:
            sys.exit(f"the generated briefing does not load:\n{check.stdout}{check.stderr}")

        print(f"brief: {brief}\nless:  {less} ({subprocess.run([less, '--version'], capture_output=True, text=True).stdout.splitlines()[0]})")
        print(f"terminal {COLS}x{ROWS}; {os.cpu_count()} CPUs; big briefing {big_bytes:,} bytes\n")

        print(f"startup: {args.runs} runs each, alternating ...", flush=True)
        startup = print_startup(measure_startup(brief, less, args.runs))

        print(f"3 MB startup: {args.big_runs} runs ...", flush=True)
        big_t = measure_big_startup(brief, big, args.big_runs)
        g_med, g_p90, g_min, g_max = summary(big_t)
        print(f"  brief 3 MB: median {ms(g_med):.1f} ms, p90 {ms(g_p90):.1f}, min {ms(g_min):.1f}, max {ms(g_max):.1f}", flush=True)

        print("End on 10,000 quotes, peak memory ...", flush=True)
        end_ms, one_key, hwm = measure_end_and_memory(brief, big)
        print(f"  End -> frame {end_ms:.1f} ms; last quote shown after one key: {one_key}; VmHWM {hwm / 1024:.1f} MiB", flush=True)

        print(f"idle: {args.idle:.0f} s each, bundled and 3 MB file (watcher on) ...", flush=True)
        idle_b = measure_idle([brief], args.idle)
        idle_f = measure_idle([brief, big], args.idle)
        for name, (tick_ms, run_ms, switches, _) in (("bundled", idle_b), ("3 MB file", idle_f)):
            print(f"  {name}: utime+stime {tick_ms:.0f} ms; thread run time {run_ms:.3f} ms; context switches {switches}")

        print(f"reload: {args.reloads} writes each, bundled copy and 3 MB copy ...", flush=True)
        rel_small = measure_reload(brief, BUNDLED, args.reloads)
        rel_big = measure_reload(brief, big, args.reloads)
        rel_whole = measure_reload(brief, big, args.reloads, big_other)
        rs = summary(rel_small)
        rb = summary(rel_big)
        rw = summary(rel_whole)
        print(f"  bundled copy: median {ms(rs[0]):.1f} ms, p90 {ms(rs[1]):.1f}, max {ms(rs[3]):.1f}")
        print(f"  3 MB copy:    median {ms(rb[0]):.1f} ms, p90 {ms(rb[1]):.1f}, max {ms(rb[3]):.1f}")
        print(f"  3 MB, every item changed: median {ms(rw[0]):.1f} ms, p90 {ms(rw[1]):.1f}, max {ms(rw[3]):.1f}", flush=True)

        print(f"keys: j on every list pane, bundled and 3 MB alternating, {args.key_rounds} walks ...", flush=True)
        keys = measure_keys(brief, big, args.key_rounds)
        for title, (small, large) in keys.items():
            print(f"  {title}: bundled {ms(statistics.median(small)):.3f} ms, 3 MB {ms(statistics.median(large)):.3f} ms")

        print(f"growth: --scale 1, 10, 100; {args.big_runs} startups each ...", flush=True)
        growth = measure_growth(brief, gen, tmp, args.big_runs)

        print(f"history: a 300-commit repository, {args.runs} first frames each, alternating ...", flush=True)
        history_rows = print_history(measure_history(brief, tmp, args.runs, args.idle))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    print("\n| Scale | File | First frame (median / p90) | Peak RSS after every pane + End |")
    print("| --- | --- | --- | --- |")
    for k, size, g_median, g_tail, g_hwm in growth:
        print(f"| {k}x | {size / 1e6:.2f} MB | {ms(g_median):.1f} / {ms(g_tail):.1f} ms | {g_hwm / 1024:.1f} MiB |")

    def mark(ok):
        return "pass" if ok else "**FAIL**"

    rows = startup_rows(startup) + [
        ("First frame, 3 MB briefing", "< 300 ms",
         f"{ms(g_med):.0f} ms median, {ms(g_p90):.0f} ms p90", mark(g_p90 < 0.300)),
        ("End on 10,000 quotes", "last quote in one frame",
         f"one key: {'yes' if one_key else 'no'}; {end_ms:.1f} ms to screen", mark(one_key)),
        ("Peak memory, 3 MB, after 3 + End", "< 60 MiB", f"{hwm / 1024:.1f} MiB VmHWM", mark(hwm < 60 * 1024)),
        ("CPU while idle, 10 s (bundled)", "0 ms",
         f"{idle_b[0]:.0f} ms (utime+stime); {idle_b[1]:.3f} ms run time; {idle_b[2]} wakeups",
         mark(idle_b[0] == 0)),
        ("CPU while idle, 10 s (3 MB file, watching)", "0 ms",
         f"{idle_f[0]:.0f} ms (utime+stime); {idle_f[1]:.3f} ms run time; {idle_f[2]} wakeups",
         mark(idle_f[0] == 0)),
        ("Reload, bundled copy: write → new frame", "< 50 ms",
         f"{ms(rs[0]):.1f} ms median, {ms(rs[1]):.1f} ms p90", mark(rs[1] < 0.050)),
        ("Reload, 3 MB copy: write → new frame (title edited)", "≤ 250 ms",
         f"{ms(rb[0]):.1f} ms median, {ms(rb[1]):.1f} ms p90", mark(rb[1] <= 0.250)),
        ("Reload, 3 MB: write of another 3 MB briefing → new frame", "≤ 250 ms",
         f"{ms(rw[0]):.1f} ms median, {ms(rw[1]):.1f} ms p90", mark(rw[1] <= 0.250)),
    ]
    rows += history_rows
    for title, (small, large) in keys.items():
        r = statistics.median(large) / statistics.median(small)
        rows.append((f"Key j → screen, {title}, 3 MB vs bundled, same walk (whole process, alternating)",
                     "≤ 1.2×",
                     f"{ms(statistics.median(large)):.3f} ms / {ms(statistics.median(small)):.3f} ms = {r:.2f}× "
                     f"(p90 {ms(p90(large)):.3f} / {ms(p90(small)):.3f}; {len(small)} keys each)",
                     mark(r <= 1.2)))
    print("\n| Target | Goal | Measured | Result |\n| --- | --- | --- | --- |")
    for row in rows:
        print("| " + " | ".join(row) + " |")

    # The CPU side of a key, from `cargo bench --bench brief`, if it has been run.
    crit = args.criterion or os.path.join(target, "criterion")
    print("\nCPU per key (`j` and its frame into ratatui's TestBackend), criterion medians:\n")
    print("| Pane | bundled | 3 MB, same walk | ratio | 3 MB, walking all items (scrolls) |")
    print("| --- | --- | --- | --- | --- |")
    for _, title in LIST_PANES:
        pane = title.lower()
        s = criterion_median_ns(crit, "key-j_bundled", pane)
        b = criterion_median_ns(crit, "key-j_big", pane)
        w = criterion_median_ns(crit, "key-j-scrolling_big", pane)
        if s and b:
            scroll = f"{w / 1000:.0f} µs" if w else "n/a"
            print(f"| {title} | {s / 1000:.0f} µs | {b / 1000:.0f} µs | {b / s:.2f}× | {scroll} |")
        else:
            print(f"| {title} | run `cargo bench --bench brief -- key-j` for this row | | | |")


if __name__ == "__main__":
    main()
