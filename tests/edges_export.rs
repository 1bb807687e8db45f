//! `brief export` at the edges: what `-o` finds where it writes (a link, a FIFO, a device, a
//! directory, a file with its own mode and owner), and exports read back exactly, by a
//! Markdown renderer, a browser's tokenizer and the loader.

mod common;
use std::os::unix::fs::{FileTypeExt as _, MetadataExt as _, PermissionsExt as _};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

const FIXTURE: &str = "tests/fixtures/good/one-of-each.yaml";

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(FIXTURE)
}

/// `brief export -o OUTPUT` on the fixture. A run that has not finished within a minute
/// (however busy the machine) is taken to hang: it is killed and the test fails.
fn export_to(output: &Path, format: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(["export", "--format", format, "-o"])
        .arg(output)
        .arg(fixture())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("running brief");
    let deadline = Instant::now() + Duration::from_secs(60);
    while child.try_wait().expect("waiting for brief").is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("`brief export -o {}` hangs", output.display());
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().expect("brief's output")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn output_onto_a_symlink_writes_its_target_and_keeps_the_link() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("real.md");
    std::fs::write(&target, "old text\n").unwrap();
    let link = dir.path().join("link.md");
    std::os::unix::fs::symlink("real.md", &link).unwrap();

    let out = export_to(&link, "markdown");
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink(),
        "the link was replaced by a file"
    );
    let written = std::fs::read_to_string(&target).unwrap();
    assert!(written.starts_with("# One of each"), "{written}");
}

#[test]
fn output_onto_a_dangling_symlink_creates_its_target() {
    let dir = tempfile::tempdir().unwrap();
    let link = dir.path().join("link.json");
    std::os::unix::fs::symlink("not-yet.json", &link).unwrap();

    let out = export_to(&link, "json");
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let written = std::fs::read_to_string(dir.path().join("not-yet.json")).unwrap();
    assert!(written.contains("\"title\": \"One of each\""), "{written}");
}

#[test]
fn output_onto_a_fifo_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.md");
    let made = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo");
    assert!(made.success());

    let out = export_to(&fifo, "markdown");
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("is a FIFO"), "{}", stderr(&out));
    assert!(
        std::fs::symlink_metadata(&fifo)
            .unwrap()
            .file_type()
            .is_fifo(),
        "the FIFO was replaced"
    );
}

/// The device is reached through a link in a temporary directory: a writer that replaced
/// what it found would replace the link, never the system's /dev/null.
#[test]
fn output_onto_a_device_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let link = dir.path().join("null.md");
    std::os::unix::fs::symlink("/dev/null", &link).unwrap();

    let out = export_to(&link, "markdown");
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("is a device"), "{}", stderr(&out));
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(
        std::fs::metadata("/dev/null")
            .unwrap()
            .file_type()
            .is_char_device()
    );
}

#[test]
fn output_onto_a_directory_is_refused_and_nothing_is_left_beside_it() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("out.md");
    std::fs::create_dir(&target).unwrap();

    let out = export_to(&target, "markdown");
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("is a directory"), "{}", stderr(&out));
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left, vec![std::ffi::OsString::from("out.md")]);
    assert!(target.is_dir());
}

#[test]
fn an_existing_file_keeps_its_mode() {
    let dir = tempfile::tempdir().unwrap();
    for mode in [0o600, 0o640, 0o604] {
        let path = dir.path().join(format!("mode-{mode:o}.html"));
        std::fs::write(&path, "old").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode)).unwrap();

        let out = export_to(&path, "html");
        assert!(out.status.success(), "{}", stderr(&out));
        let meta = std::fs::metadata(&path).unwrap();
        assert_eq!(
            meta.permissions().mode() & 0o7777,
            mode,
            "{}",
            path.display()
        );
        assert!(
            std::fs::read_to_string(&path)
                .unwrap()
                .contains("<!DOCTYPE html>")
        );
    }
}

/// Only root can give a file to another user, so only then can the owner be kept when it
/// is not the writer's.
#[test]
fn an_existing_file_keeps_its_owner_where_the_writer_may_give_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("owned.md");
    std::fs::write(&path, "old").unwrap();
    let (nobody, nogroup) = (65534, 65534);
    if std::os::unix::fs::chown(&path, Some(nobody), Some(nogroup)).is_err() {
        return;
    }

    let out = export_to(&path, "markdown");
    assert!(out.status.success(), "{}", stderr(&out));
    let meta = std::fs::metadata(&path).unwrap();
    assert_eq!((meta.uid(), meta.gid()), (nobody, nogroup));
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .starts_with("# One of each")
    );
}
