//! `brief init`: the blank skeleton, folders that do not exist yet, and a word for every
//! file it writes.

mod common;
use brief::briefing::format::{self, Value};
use common::brief;
use std::path::Path;

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn init(dir: &Path, args: &[&str]) -> String {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_brief"))
        .arg("init")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("running brief");
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    text(&output.stdout)
}

#[test]
fn a_blank_briefing_has_every_key_of_the_format_explained_and_checks_clean() {
    let dir = tempfile::tempdir().unwrap();
    init(dir.path(), &["--blank", "blank.yaml"]);
    let path = dir.path().join("blank.yaml");
    let blank = std::fs::read_to_string(&path).unwrap();

    let check = brief(&["check", path.to_str().unwrap()]);
    assert_eq!(check.status.code(), Some(0), "{}", text(&check.stdout));
    assert!(
        text(&check.stdout).contains("ok (0 warnings)"),
        "{}",
        text(&check.stdout)
    );

    let lines: Vec<&str> = blank.lines().collect();
    for item in format::ITEMS {
        for key in item.keys {
            if matches!(key.value, Value::WrittenAt) {
                continue;
            }
            // Each key appears (commented out where it cannot hold a value yet) under
            // a comment that carries its description from the format table.
            let first_words: String = key
                .description
                .split(' ')
                .take(3)
                .collect::<Vec<_>>()
                .join(" ");
            let found = lines.iter().enumerate().any(|(n, line)| {
                let bare = line
                    .trim_start()
                    .trim_start_matches("- ")
                    .trim_start_matches("# ");
                bare.starts_with(&format!("{}:", key.name))
                    && lines[..n]
                        .iter()
                        .rev()
                        .take_while(|above| above.trim_start().starts_with('#'))
                        .any(|above| above.contains(&first_words))
            });
            assert!(
                found,
                "{}.{} is not in the blank briefing under its description",
                item.what, key.name
            );
        }
    }
    // Every section holds an item, so that each shows how its items are written.
    let loaded = brief::briefing::load_file(&path, brief::briefing::Budget::default())
        .expect("the blank briefing loads");
    let b = &loaded.briefing;
    let counts = [
        b.sources.len(),
        b.actors.len(),
        b.topics.len(),
        b.stances.len(),
        b.quotes.len(),
        b.risks.len(),
        b.questions.len(),
        b.timeline.len(),
    ];
    assert!(counts.iter().all(|&n| n == 1), "{counts:?}");
    assert!(!b.summary.is_empty());
    assert!(b.as_of.is_some());
}

#[test]
fn init_makes_the_folders_it_needs_and_names_every_file_it_writes() {
    let dir = tempfile::tempdir().unwrap();
    let out = init(dir.path(), &["new/folder/mine.yaml"]);
    for file in [
        "new/folder/mine.yaml",
        "new/folder/sources/cbs-us-belarus-thaw.txt",
        "new/folder/briefing.schema.json",
    ] {
        assert!(dir.path().join(file).is_file(), "{file} was not written");
        assert!(
            out.contains(&format!("Wrote {file}")),
            "init wrote {file} without saying so:\n{out}"
        );
    }
    // A second copy beside the first keeps the source text and the schema there, and says so.
    let again = init(dir.path(), &["new/folder/other.yaml"]);
    assert!(again.contains("Wrote new/folder/other.yaml"), "{again}");
    for kept in [
        "new/folder/sources/cbs-us-belarus-thaw.txt",
        "new/folder/briefing.schema.json",
    ] {
        assert!(again.contains(&format!("Kept {kept}")), "{again}");
    }
}

#[test]
fn a_blank_briefing_in_a_new_folder_writes_only_itself_and_its_schema() {
    let dir = tempfile::tempdir().unwrap();
    let out = init(dir.path(), &["--blank", "drafts/new.yaml"]);
    assert!(out.contains("Wrote drafts/new.yaml"), "{out}");
    assert!(out.contains("Wrote drafts/briefing.schema.json"), "{out}");
    assert!(!dir.path().join("drafts/sources").exists());
}
