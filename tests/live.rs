//! Following a briefing on disk: every kind of save reloads, every time; a broken save is
//! reported and a fix clears it; a directory's picker follows files coming and going.

use brief::briefing::Budget;
use brief::runtime::watch::{self, Delivery, Request};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver};
use std::time::Duration;

/// Long enough for a busy machine; a passing test never waits it out.
const WAIT: Duration = Duration::from_secs(30);

struct Followed {
    dir: tempfile::TempDir,
    file: PathBuf,
    deliveries: Receiver<Delivery>,
    requests: mpsc::Sender<Request>,
    _watcher: notify::RecommendedWatcher,
}

fn briefing(title: &str) -> String {
    let base = std::fs::read_to_string("tests/fixtures/good/one-of-each.yaml").unwrap();
    base.replacen("title: One of each", &format!("title: {title}"), 1)
}

fn follow(picker: bool) -> Followed {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("b.yaml");
    std::fs::write(&file, briefing("First")).unwrap();
    let (tx, deliveries) = mpsc::channel();
    let picker_dir = picker.then(|| dir.path().to_path_buf());
    let requests = watch::spawn_reloader(
        Some(file.clone()),
        picker_dir,
        Budget::default(),
        Vec::new(),
        move |d| {
            let _ = tx.send(d);
        },
    )
    .unwrap();
    let watcher = watch::watch(dir.path(), requests.clone()).unwrap();
    Followed {
        dir,
        file,
        deliveries,
        requests,
        _watcher: watcher,
    }
}

impl Followed {
    /// The title of the next successfully loaded briefing, skipping picker scans.
    fn next_load(&self) -> Result<String, String> {
        loop {
            match self
                .deliveries
                .recv_timeout(WAIT)
                .unwrap_or_else(|_| panic!("no reload within {WAIT:?}"))
            {
                Delivery::Loaded(reloaded) => {
                    return reloaded
                        .result
                        .map(|l| l.briefing.title)
                        .map_err(|e| e.first_error().message.clone());
                }
                Delivery::Scanned(_) => continue,
            }
        }
    }

    fn next_scan(&self) -> Vec<String> {
        loop {
            match self
                .deliveries
                .recv_timeout(WAIT)
                .unwrap_or_else(|_| panic!("no rescan within {WAIT:?}"))
            {
                Delivery::Scanned(entries) => {
                    return entries.into_iter().map(|e| e.file_name).collect();
                }
                Delivery::Loaded(_) => continue,
            }
        }
    }

    fn save_by_rename(&self, text: &str) {
        let temp = self.dir.path().join(".b.yaml.swp");
        std::fs::write(&temp, text).unwrap();
        std::fs::rename(&temp, &self.file).unwrap();
    }
}

fn write_in_place(path: &Path, text: &str) {
    use std::io::Write;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .truncate(true)
        .open(path)
        .unwrap();
    file.write_all(text.as_bytes()).unwrap();
}

#[test]
fn in_place_saves_reload_every_time() {
    let f = follow(false);
    for n in 1..=3 {
        write_in_place(&f.file, &briefing(&format!("In place {n}")));
        assert_eq!(f.next_load(), Ok(format!("In place {n}")));
    }
}

#[test]
fn saves_by_rename_reload_every_time() {
    let f = follow(false);
    for n in 1..=3 {
        f.save_by_rename(&briefing(&format!("Renamed {n}")));
        assert_eq!(f.next_load(), Ok(format!("Renamed {n}")));
    }
}

#[test]
fn delete_then_create_reloads() {
    let f = follow(false);
    std::fs::remove_file(&f.file).unwrap();
    std::thread::sleep(Duration::from_millis(100));
    std::fs::write(&f.file, briefing("Recreated")).unwrap();
    // The deletion may be seen on its own first; what counts is that the new file loads.
    let mut title = f.next_load();
    if title.is_err() {
        title = f.next_load();
    }
    assert_eq!(title, Ok("Recreated".to_owned()));
}

#[test]
fn broken_save_is_reported_and_the_fix_clears_it() {
    let f = follow(false);
    let broken = briefing("Broken").replacen("role: Municipal", "role: \"Municipal", 1);
    write_in_place(&f.file, &broken);
    let error = f.next_load().expect_err("a broken save is an error");
    assert!(
        error.contains("closing quote") || error.contains("YAML"),
        "{error}"
    );
    write_in_place(&f.file, &briefing("Fixed"));
    assert_eq!(f.next_load(), Ok("Fixed".to_owned()));
}

#[test]
fn a_save_caught_half_way_is_not_shown_as_an_error() {
    let f = follow(false);
    let whole = briefing("Whole");
    // The first half ends inside a quoted string: it cannot load.
    let cut = whole.find("role: Municipal").unwrap() + 12;
    for n in 1..=3 {
        write_in_place(&f.file, &whole[..cut].replacen("role: M", "role: \"M", 1));
        std::thread::sleep(Duration::from_millis(8));
        write_in_place(&f.file, &whole.replacen("Whole", &format!("Whole {n}"), 1));
        assert_eq!(f.next_load(), Ok(format!("Whole {n}")));
    }
}

#[test]
fn manual_reload_reads_the_file_without_a_change() {
    let f = follow(false);
    f.requests.send(Request::Reload).unwrap();
    assert_eq!(f.next_load(), Ok("First".to_owned()));
}

#[test]
fn other_files_in_the_directory_do_not_reload_the_briefing() {
    let f = follow(true);
    std::fs::write(f.dir.path().join("notes.txt"), "unrelated").unwrap();
    std::fs::write(f.dir.path().join("other.yaml"), briefing("Other")).unwrap();
    // A reload those writes caused would be delivered before the rescan that other.yaml
    // causes (from the same batch, or from an earlier one): the rescan is the event that
    // says nothing else came.
    loop {
        match f
            .deliveries
            .recv_timeout(WAIT)
            .unwrap_or_else(|_| panic!("no rescan within {WAIT:?}"))
        {
            Delivery::Loaded(_) => panic!("a change to another file reloaded the briefing"),
            Delivery::Scanned(entries) if entries.iter().any(|e| e.file_name == "other.yaml") => {
                break;
            }
            Delivery::Scanned(_) => continue,
        }
    }
}

#[test]
fn picker_follows_files_added_and_removed() {
    let f = follow(true);
    std::fs::write(f.dir.path().join("second.yaml"), briefing("Second")).unwrap();
    let names = f.next_scan();
    assert_eq!(names, vec!["b.yaml", "second.yaml"]);
    std::fs::remove_file(f.dir.path().join("second.yaml")).unwrap();
    assert_eq!(f.next_scan(), vec!["b.yaml"]);
}

#[test]
fn opening_another_briefing_follows_it() {
    let f = follow(true);
    let other = f.dir.path().join("other.yaml");
    std::fs::write(&other, briefing("Other")).unwrap();
    let _ = f.next_scan();
    f.requests.send(Request::Open(other.clone())).unwrap();
    assert_eq!(f.next_load(), Ok("Other".to_owned()));
    write_in_place(&other, &briefing("Other, edited"));
    assert_eq!(f.next_load(), Ok("Other, edited".to_owned()));
}
