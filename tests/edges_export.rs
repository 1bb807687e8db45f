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

fn load_fixture() -> brief::briefing::Loaded {
    brief::briefing::load_file(&fixture(), brief::briefing::Budget::default())
        .unwrap_or_else(|e| panic!("{FIXTURE}: {:?}", e.diagnostics))
}

/// Every key of a YAML tree by its path, lists' items under `[]`: `timeline[].id`.
fn yaml_key_paths(node: &brief::briefing::node::Node, path: &str, out: &mut Vec<String>) {
    use brief::briefing::node::Value;
    match &node.value {
        Value::Map(entries) => {
            for entry in entries {
                let path = format!("{path}.{}", entry.key);
                out.push(path.clone());
                yaml_key_paths(&entry.node, &path, out);
            }
        }
        Value::Seq(items) => items
            .iter()
            .for_each(|item| yaml_key_paths(item, &format!("{path}[]"), out)),
        _ => {}
    }
}

fn json_key_paths(value: &serde_json::Value, path: &str, out: &mut Vec<String>) {
    match value {
        serde_json::Value::Object(map) => {
            for (key, child) in map {
                let path = format!("{path}.{key}");
                out.push(path.clone());
                json_key_paths(child, &path, out);
            }
        }
        serde_json::Value::Array(items) => items
            .iter()
            .for_each(|item| json_key_paths(item, &format!("{path}[]"), out)),
        _ => {}
    }
}

/// The model as a tree of its fields, without where each item was written (a YAML file
/// and its JSON put items on different lines).
fn fields_without_positions(briefing: &brief::briefing::Briefing) -> serde_json::Value {
    fn strip(value: &mut serde_json::Value) {
        match value {
            serde_json::Value::Object(map) => {
                map.shift_remove("at");
                map.values_mut().for_each(strip);
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(strip),
            _ => {}
        }
    }
    let mut value = serde_json::to_value(briefing).unwrap();
    strip(&mut value);
    value
}

#[test]
fn the_json_export_keeps_every_key_the_briefing_has() {
    let text = std::fs::read_to_string(fixture()).unwrap();
    let tree = brief::briefing::read_yaml(&text).unwrap().unwrap();
    let mut in_yaml = Vec::new();
    yaml_key_paths(&tree, "", &mut in_yaml);
    assert!(in_yaml.contains(&".timeline[].id".to_owned()));

    let loaded = load_fixture();
    for positions in [
        brief::export::Positions::Omit,
        brief::export::Positions::Include,
    ] {
        let json: serde_json::Value =
            serde_json::from_str(&brief::export::json(&loaded, positions)).unwrap();
        let mut in_json = Vec::new();
        json_key_paths(&json, "", &mut in_json);
        let dropped: Vec<&String> = in_yaml.iter().filter(|k| !in_json.contains(k)).collect();
        assert!(dropped.is_empty(), "{positions:?} drops {dropped:?}");
    }
}

#[test]
fn the_json_export_loads_back_field_for_field_with_and_without_positions() {
    let original = load_fixture();
    assert_eq!(
        original.briefing.timeline[0].id.as_deref(),
        Some("ev-council-vote"),
        "the fixture gives a timeline event its id"
    );
    for positions in [
        brief::export::Positions::Omit,
        brief::export::Positions::Include,
    ] {
        let json = brief::export::json(&original, positions);
        let reloaded = brief::briefing::parse(&json)
            .unwrap_or_else(|e| panic!("{positions:?}: does not load: {:?}", e.diagnostics));
        assert_eq!(
            fields_without_positions(&reloaded.briefing),
            fields_without_positions(&original.briefing),
            "{positions:?}"
        );
        let messages = |l: &brief::briefing::Loaded| {
            l.warnings
                .iter()
                .map(|w| w.message.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            messages(&reloaded),
            messages(&original),
            "{positions:?}: the reloaded briefing warns differently"
        );
        assert_eq!(
            brief::export::json(&reloaded, brief::export::Positions::Omit),
            brief::export::json(&original, brief::export::Positions::Omit),
            "{positions:?}: exporting the reloaded briefing gives other JSON"
        );
    }
}

/// The positions an export carries are those of the file it was exported from, and the
/// schema editors read accepts such an export as the loader does.
#[test]
fn a_json_export_with_positions_says_where_each_item_was_written_and_the_schema_accepts_it() {
    let original = load_fixture();
    let json: serde_json::Value = serde_json::from_str(&brief::export::json(
        &original,
        brief::export::Positions::Include,
    ))
    .unwrap();
    let event = &original.briefing.timeline[0];
    assert_eq!(
        json["timeline"][0]["at"],
        serde_json::json!({"line": event.pos.line, "column": event.pos.col})
    );
    let validator = jsonschema::draft7::new(&brief::briefing::schema::schema()).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&json)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
}

/// `at` is read past only where an export writes it: on the briefing itself or on a
/// person it is still an unknown key.
#[test]
fn at_is_an_unknown_key_where_an_export_never_writes_it() {
    for text in [
        "title: T\nat: {line: 1, column: 1}\n",
        "title: T\nactors:\n  - id: a\n    name: A\n    kind: person\n    role: r\n    stance: s\n    people:\n      - name: P\n        at: {line: 9, column: 9}\n",
    ] {
        let error = brief::briefing::parse(text).expect_err(text);
        assert!(
            error
                .diagnostics
                .iter()
                .any(|d| d.message.contains("unknown key `at`")),
            "{:?}",
            error.diagnostics
        );
    }
}
