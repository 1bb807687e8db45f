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

/// An unknown key is still met with the keys an analyst writes: `at` is neither suggested
/// nor listed.
#[test]
fn at_is_not_offered_for_a_misspelt_key() {
    let source = "title: T\nsources:\n  - id: s\n    outlet: O\n    title: T\n    {key}: x\n";
    for (key, expected) in [
        (
            "as",
            "expected one of: id, outlet, title, url, note, file\n",
        ),
        ("ur", "did you mean `url`?"),
    ] {
        let text = source.replace("{key}", key);
        let error = brief::briefing::parse(&text).expect_err(&text);
        let message = format!("{}\n", error.diagnostics[0].message);
        assert!(message.contains(expected), "{message}");
        assert!(!message.contains("`at`"), "{message}");
    }
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

// ---------------------------------------------------------------------------------------
// Markdown and HTML exports render the briefing's text as text.
//
// A briefing whose every text is hostile is exported, and the export rendered (Markdown
// through a CommonMark renderer with every extension it has but smart punctuation, HTML
// as it is) and read the way a browser's tokenizer reads it. It is compared with its twin:
// the same briefing with every character of every text replaced by `a`, whitespace kept.
// The twin's page has only the exporter's own markup, so the hostile page must have the
// same elements and attributes, only http(s) links to the briefing's own sources, and the
// same text but where the twin has an `a`; and each hostile text must appear whole.

use brief::briefing::Loaded;
use proptest::prelude::*;
use serde_json::Value as Json;

/// Keys whose strings are not free text: ids and references, vocabulary words, the date,
/// paths and positions. `url` is set on its own.
const NOT_TEXT: &[&str] = &[
    "id",
    "actor",
    "topic",
    "source",
    "quotes",
    "actors",
    "kind",
    "position",
    "likelihood",
    "impact",
    "as_of",
    "language",
    "file",
    "at",
    "url",
];

/// The fixture as JSON, each text replaced by `text(n)`, its n-th, and each url by `url(n)`.
fn replace_texts(
    value: &mut Json,
    key: Option<&str>,
    counter: &mut usize,
    text: &mut dyn FnMut(usize, &str) -> String,
    url: &mut dyn FnMut(usize, &str) -> String,
) {
    match value {
        Json::Object(map) => {
            // A quote's date is a calendar date; a timeline event's is free text.
            let quote = map.contains_key("speaker");
            for (k, v) in map.iter_mut() {
                let k = if quote && k == "date" { "as_of" } else { k };
                replace_texts(v, Some(k), counter, text, url);
            }
        }
        Json::Array(items) => {
            for item in items {
                replace_texts(item, key, counter, text, url);
            }
        }
        Json::String(s) => {
            *counter += 1;
            match key {
                Some("url") => *s = url(*counter, s),
                Some(k) if NOT_TEXT.contains(&k) => {}
                _ => *s = text(*counter, s),
            }
        }
        _ => {}
    }
}

fn load_json(value: &Json) -> Loaded {
    let text = serde_json::to_string_pretty(value).unwrap();
    brief::briefing::parse(&text)
        .unwrap_or_else(|e| panic!("does not load: {:?}\n{text}", e.diagnostics))
}

/// The fixture with hostile texts and urls, loaded (so sanitised as any briefing is), and
/// its twin.
fn hostile_and_twin(texts: &[String], urls: &[String]) -> (Loaded, Loaded) {
    let mut value: Json = serde_json::from_str(&brief::export::json(
        &load_fixture(),
        brief::export::Positions::Omit,
    ))
    .unwrap();
    replace_texts(
        &mut value,
        None,
        &mut 0,
        &mut |n, _| texts[n % texts.len()].clone(),
        &mut |n, _| urls[n % urls.len()].clone(),
    );
    let hostile = load_json(&value);
    let mut twin: Json = serde_json::to_value(&hostile.briefing).unwrap();
    replace_texts(
        &mut twin,
        None,
        &mut 0,
        &mut |_, s| {
            s.chars()
                .map(|c| if c.is_whitespace() { c } else { 'a' })
                .collect()
        },
        &mut |_, s| s.to_owned(),
    );
    let twin = load_json(&twin);
    (hostile, twin)
}

/// Every free text of a loaded briefing.
fn texts_of(loaded: &Loaded) -> Vec<String> {
    let mut value = serde_json::to_value(&loaded.briefing).unwrap();
    let mut found = Vec::new();
    replace_texts(
        &mut value,
        None,
        &mut 0,
        &mut |_, s| {
            found.push(s.to_owned());
            s.to_owned()
        },
        &mut |_, s| s.to_owned(),
    );
    found
}

#[derive(Debug, PartialEq)]
struct Tag {
    name: String,
    /// Name and value; the value left out for `title`, which holds briefing text.
    attributes: Vec<(String, Option<String>)>,
}

#[derive(Debug, Default)]
struct Page {
    tags: Vec<Tag>,
    hrefs: Vec<String>,
    text: String,
    /// Character references the exporters never write, or a bare `&`: text that was not
    /// escaped.
    stray_references: Vec<String>,
}

/// HTML read as a browser's tokenizer reads it, enough to see every element, attribute
/// and character of text: `<` then a letter opens a tag, `</` a closing one, `<!` a
/// doctype or comment; `style` and `script` hold raw text.
fn read_html(html: &str) -> Page {
    let mut page = Page::default();
    let mut rest = html;
    while let Some(c) = rest.chars().next() {
        if let Some(after) = rest.strip_prefix("<!") {
            rest = &after[after.find('>').map_or(after.len(), |i| i + 1)..];
        } else if c == '<'
            && rest[1..]
                .trim_start_matches('/')
                .starts_with(|c: char| c.is_ascii_alphabetic())
        {
            let (tag, after) = read_tag(&rest[1..], &mut page);
            let raw = ["style", "script"].contains(&tag.name.as_str());
            let name = tag.name.clone();
            page.tags.push(tag);
            rest = after;
            if raw {
                let end = rest.find(&format!("</{name}")).unwrap_or(rest.len());
                rest = &rest[end..];
            }
        } else if c == '&' {
            let (decoded, after) = read_reference(rest, &mut page);
            page.text.push_str(&decoded);
            rest = after;
        } else {
            page.text.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    page
}

/// A tag after its `<`, and what follows its `>`.
fn read_tag<'a>(html: &'a str, page: &mut Page) -> (Tag, &'a str) {
    let name_end = html
        .find(|c: char| c.is_whitespace() || c == '>' || (c == '/' && !html.starts_with('/')))
        .unwrap_or(html.len());
    let name = html[..name_end].to_ascii_lowercase();
    let mut rest = &html[name_end..];
    let mut attributes = Vec::new();
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
        if rest.is_empty() {
            break;
        }
        if let Some(after) = rest.strip_prefix('>') {
            rest = after;
            break;
        }
        let end = rest
            .find(|c: char| c.is_whitespace() || c == '=' || c == '>' || c == '/')
            .unwrap_or(rest.len())
            .max(1);
        let attribute = rest[..end].to_ascii_lowercase();
        rest = rest[end..].trim_start();
        let mut value = None;
        if let Some(after) = rest.strip_prefix('=') {
            let after = after.trim_start();
            let (raw, next) = match after.chars().next() {
                Some(q @ ('"' | '\'')) => {
                    let body = &after[1..];
                    let close = body.find(q).unwrap_or(body.len());
                    (&body[..close], &body[(close + 1).min(body.len())..])
                }
                _ => {
                    let close = after
                        .find(|c: char| c.is_whitespace() || c == '>')
                        .unwrap_or(after.len());
                    (&after[..close], &after[close..])
                }
            };
            let mut decoded = String::new();
            let mut r = raw;
            while let Some(c) = r.chars().next() {
                if c == '&' {
                    let (d, after) = read_reference(r, page);
                    decoded.push_str(&d);
                    r = after;
                } else {
                    decoded.push(c);
                    r = &r[c.len_utf8()..];
                }
            }
            value = Some(decoded);
            rest = next;
        }
        if attribute == "href" {
            page.hrefs.push(value.clone().unwrap_or_default());
        }
        let value = if attribute == "title" { None } else { value };
        attributes.push((attribute, value));
    }
    (Tag { name, attributes }, rest)
}

/// The character a reference at the start of `html` stands for, for the references the
/// exporters write; anything else is recorded as stray and read as it stands.
fn read_reference<'a>(html: &'a str, page: &mut Page) -> (String, &'a str) {
    for (reference, c) in [
        ("&amp;", "&"),
        ("&lt;", "<"),
        ("&gt;", ">"),
        ("&quot;", "\""),
        ("&#39;", "'"),
        ("&#x27;", "'"),
    ] {
        if let Some(after) = html.strip_prefix(reference) {
            return (c.to_owned(), after);
        }
    }
    let end = html[1..]
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '#' || c == ';'))
        .map_or(html.len(), |i| i + 1);
    page.stray_references.push(html[..end].to_owned());
    ("&".to_owned(), &html[1..])
}

fn render_markdown(markdown: &str) -> String {
    use pulldown_cmark::{Options, Parser, html};
    let options = Options::all() - Options::ENABLE_SMART_PUNCTUATION;
    let mut out = String::new();
    html::push_html(&mut out, Parser::new_ext(markdown, options));
    out
}

/// The elements the Markdown export means: headings, paragraphs, lists, emphasis, quotes,
/// tables, line breaks (in cells only) and links to sources.
const MARKDOWN_ELEMENTS: &[&str] = &[
    "h1",
    "h2",
    "h3",
    "p",
    "ul",
    "ol",
    "li",
    "strong",
    "em",
    "blockquote",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "a",
    "br",
];

fn without_whitespace(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

fn percent_decoded(url: &str) -> String {
    let bytes = url.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let hex = url
            .get(i + 1..i + 3)
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (byte, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Every guarantee, for one export format; `Err` says which failed.
fn check_export(
    what: &str,
    hostile: &Loaded,
    twin: &Loaded,
    export: fn(&Loaded) -> String,
    allowed: Option<&[&str]>,
) -> Result<(), String> {
    let page = read_html(&export(hostile));
    let twin_page = read_html(&export(twin));
    if !page.stray_references.is_empty() {
        return Err(format!(
            "{what}: unescaped `&` in {:?}",
            page.stray_references
        ));
    }
    if page.tags != twin_page.tags {
        let first = page
            .tags
            .iter()
            .zip(&twin_page.tags)
            .position(|(a, b)| a != b)
            .unwrap_or(page.tags.len().min(twin_page.tags.len()));
        return Err(format!(
            "{what}: elements the text did not mean, from {:?} (expected {:?})",
            page.tags.get(first),
            twin_page.tags.get(first)
        ));
    }
    if let Some(allowed) = allowed
        && let Some(tag) = page
            .tags
            .iter()
            .find(|t| !allowed.contains(&t.name.trim_start_matches('/')))
    {
        return Err(format!("{what}: a <{}> element", tag.name));
    }
    if allowed.is_some() {
        // A line break is the exporter's only in a table cell, where a row is one line.
        let mut in_cell = false;
        for tag in &page.tags {
            match tag.name.as_str() {
                "td" | "th" => in_cell = true,
                "/td" | "/th" => in_cell = false,
                "br" if !in_cell => return Err(format!("{what}: a <br> outside a table")),
                _ => {}
            }
        }
    }
    let declared: Vec<String> = hostile
        .briefing
        .sources
        .iter()
        .filter_map(|s| s.url.as_deref())
        .map(percent_decoded)
        .collect();
    for href in &page.hrefs {
        // A link within the page (the contents, a quote's source) must land on an element.
        if let Some(fragment) = href.strip_prefix('#') {
            let lands = page.tags.iter().any(|t| {
                t.attributes
                    .iter()
                    .any(|(name, value)| name == "id" && value.as_deref() == Some(fragment))
            });
            if !lands {
                return Err(format!(
                    "{what}: a link to {href:?}, which no element has as id"
                ));
            }
            continue;
        }
        let lower = href.to_ascii_lowercase();
        if !(lower.starts_with("https://") || lower.starts_with("http://"))
            || !declared.contains(&percent_decoded(href))
        {
            return Err(format!("{what}: a link to {href:?}"));
        }
    }
    let (text, twin_text) = (
        without_whitespace(&page.text),
        without_whitespace(&twin_page.text),
    );
    if text.chars().count() != twin_text.chars().count()
        || text
            .chars()
            .zip(twin_text.chars())
            .any(|(c, t)| t != 'a' && c != t)
    {
        return Err(format!(
            "{what}: the text reads differently:\n{text}\nthe twin:\n{twin_text}"
        ));
    }
    for original in texts_of(hostile) {
        if !text.contains(&without_whitespace(&original)) {
            return Err(format!("{what}: {original:?} does not read back"));
        }
    }
    Ok(())
}

fn check_both(texts: &[String], urls: &[String]) -> Result<(), String> {
    let (hostile, twin) = hostile_and_twin(texts, urls);
    check_export(
        "markdown",
        &hostile,
        &twin,
        |l| render_markdown(&brief::export::markdown(l)),
        Some(MARKDOWN_ELEMENTS),
    )?;
    check_export("html", &hostile, &twin, brief::export::html, None)
}

/// Addresses a briefing might give a source, from the ordinary to the hostile.
const URLS: &[&str] = &[
    "https://example.org/a_b*c?d=1&e=2#f",
    "HTTP://example.org/<script>alert(1)</script>",
    "https://example.org/\"onmouseover=\"alert(1)",
    "https://example.org/a b>c",
    "javascript:alert(1)",
    "JavaScript:alert(document.cookie)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "//evil.example/",
    "mailto:someone@example.org",
    "",
];

/// Texts that are markup in Markdown, HTML or a common extension.
const EXPLICIT: &[&str] = &[
    "*emphasis* and **strong** and _under_ and __score__",
    "# a heading\n## another\nTitle #",
    "<script>alert(1)</script><img src=x onerror=alert(1)>",
    "<b>bold</b> & <!-- comment --> <?php ?> <![CDATA[x]]>",
    "[a link](javascript:alert(1)) and ![an image](https://example.org/i.png)",
    "[ref]\n\n[ref]: https://evil.example",
    "<https://evil.example> <javascript:alert(1)> <someone@example.org>",
    "`code` and ``more`` and\n```\nfenced\n```\n~~~\nfenced\n~~~",
    "a | table\n--- | ---\nb | c",
    "- a list\n+ another\n* a third\n1. ordered\n2) also",
    "Title\n===\nSubtitle\n---\n***\n___",
    "&amp; &lt; &#60; &#x3C; &copy; R&D",
    "back\\slash \\*not emphasis\\* \\",
    "~~struck~~ ~sub~ ^sup^ $math$ $$display$$",
    "> a quote\n>> nested",
    "a footnote[^1]\n\n[^1]: the note",
    "term\n: definition",
    "- [ ] task\n- [x] done",
    "heading {#id .class}",
    "[[wiki link]] [!NOTE]",
    "line  \nbreak\\\nhere",
    "para\n\n    indented code\n\n\tand tabbed",
    "2026. A year\n1) and one",
    "<div>\nblock html\n</div>",
    "---\ntitle: front matter\n---",
    "+++\ntoml = 1\n+++",
    "\"quotes\" and 'apostrophes' -- dashes... (parens) {braces}",
];

#[test]
fn explicit_markup_in_every_text_renders_as_text() {
    let urls: Vec<String> = URLS.iter().map(|u| u.to_string()).collect();
    for case in EXPLICIT {
        if let Err(failure) = check_both(&[case.to_string()], &urls) {
            panic!("{case:?}: {failure}");
        }
    }
}

/// One text, with the characters Markdown and HTML give meaning to, at line starts too.
fn hostile_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => "[a-z]{1,6}",
        3 => r"[-*_#<>\[\]`|&\\!+.=:~$^{}()\x22'/;0-9]{1,3}",
        2 => Just(" ".to_owned()),
        1 => Just("\n".to_owned()),
        1 => Just("\n\n".to_owned()),
        1 => Just("    ".to_owned()),
        1 => prop::sample::select(EXPLICIT).prop_map(str::to_owned),
        1 => prop::sample::select(URLS).prop_map(str::to_owned),
    ];
    prop::collection::vec(piece, 1..12)
        .prop_map(|pieces| pieces.concat())
        .prop_filter("a text must say something", |s| !s.trim().is_empty())
}

proptest! {
    #![proptest_config(common::proptest_config(64))]

    #[test]
    fn hostile_text_in_every_field_renders_as_itself(
        texts in prop::collection::vec(hostile_text(), 1..8),
        urls in prop::collection::vec(
            prop_oneof![
                3 => prop::sample::select(URLS).prop_map(str::to_owned),
                1 => hostile_text(),
            ],
            1..4,
        ),
    ) {
        if let Err(failure) = check_both(&texts, &urls) {
            return Err(TestCaseError::fail(failure));
        }
    }
}
