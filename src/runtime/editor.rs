//! Which editor to run, and how to tell it the line to open at.

use std::ffi::OsString;
use std::path::{Component, Path, PathBuf};

/// The path in a form no editor can read as an option: a briefing named `+!touch x.yaml`
/// handed to vim bare is a command for it to run, one named `-c…` an option to any
/// editor. A relative path starts with `./`; an absolute one starts with `/` already.
fn operand(path: &Path) -> PathBuf {
    match path.components().next() {
        Some(Component::Normal(_)) => Path::new(".").join(path),
        _ => path.to_path_buf(),
    }
}

/// The config's template split like a shell would, `{file}`, `{line}` and `{column}`
/// filled in each word, so a file name with spaces stays one argument.
pub fn template_args(template: &str, path: &Path, line: u32, column: u32) -> Vec<OsString> {
    let words = shell_words::split(template).unwrap_or_else(|_| vec![template.to_owned()]);
    let operand = operand(path);
    let file = operand.to_string_lossy();
    words
        .iter()
        .map(|word| {
            word.replace("{file}", &file)
                .replace("{line}", &line.to_string())
                .replace("{column}", &column.to_string())
                .into()
        })
        .collect()
}

/// `$VISUAL`, else `$EDITOR`, else `vi`, split like a shell would (`code --wait`).
pub fn editor_command(visual: Option<&str>, editor: Option<&str>) -> Vec<String> {
    let chosen = [visual, editor]
        .into_iter()
        .flatten()
        .find(|v| !v.trim().is_empty())
        .unwrap_or("vi");
    shell_words::split(chosen)
        .ok()
        .filter(|words| !words.is_empty())
        .unwrap_or_else(|| vec![chosen.to_owned()])
}

/// The full argument list: the editor's words, then the file at `line` in the form the
/// editor understands.
pub fn editor_args(command: &[String], path: &Path, line: u32) -> Vec<OsString> {
    let mut args: Vec<OsString> = command.iter().map(OsString::from).collect();
    let program = command
        .first()
        .map(|p| {
            Path::new(p)
                .file_name()
                .map_or(p.clone(), |n| n.to_string_lossy().into_owned())
        })
        .unwrap_or_default();
    let mut located = operand(path).into_os_string();
    match program.as_str() {
        "code" | "code-insiders" | "codium" | "vscodium" | "cursor" | "windsurf" => {
            located.push(format!(":{line}"));
            args.push("--goto".into());
            args.push(located);
        }
        "subl" | "zed" | "sublime_text" => {
            located.push(format!(":{line}"));
            args.push(located);
        }
        "vi" | "vim" | "nvim" | "gvim" | "view" | "nano" | "pico" | "emacs" | "emacsclient"
        | "micro" | "hx" | "helix" | "kak" | "joe" | "jed" | "ne" | "mg" | "mcedit" | "vis"
        | "ed" | "less" | "more" => {
            args.push(format!("+{line}").into());
            args.push(located);
        }
        // Any other editor is told the line as less tells it: `+LINE FILE`, the form
        // most editors understand.
        _ => {
            args.push(format!("+{line}").into());
            args.push(located);
        }
    }
    args
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(args: Vec<OsString>) -> Vec<String> {
        args.into_iter()
            .map(|a| a.to_string_lossy().into_owned())
            .collect()
    }

    #[test]
    fn prefers_visual_then_editor_then_vi() {
        assert_eq!(editor_command(Some("nvim"), Some("nano")), vec!["nvim"]);
        assert_eq!(
            editor_command(None, Some("code --wait")),
            vec!["code", "--wait"]
        );
        assert_eq!(editor_command(Some(" "), None), vec!["vi"]);
    }

    #[test]
    fn line_argument_per_editor_family() {
        let path = Path::new("b.yaml");
        assert_eq!(
            strings(editor_args(&["vim".into()], path, 12)),
            ["vim", "+12", "./b.yaml"]
        );
        assert_eq!(
            strings(editor_args(
                &["/usr/bin/code".into(), "--wait".into()],
                path,
                7
            )),
            ["/usr/bin/code", "--wait", "--goto", "./b.yaml:7"]
        );
        assert_eq!(
            strings(editor_args(&["ed2".into()], path, 3)),
            ["ed2", "+3", "./b.yaml"]
        );
    }

    #[test]
    fn a_template_fills_file_line_and_column_in_place() {
        let path = Path::new("my notes/b.yaml");
        assert_eq!(
            strings(template_args(
                "code --goto '{file}:{line}:{column}'",
                path,
                12,
                3
            )),
            ["code", "--goto", "./my notes/b.yaml:12:3"]
        );
        assert_eq!(
            strings(template_args("nvim +{line} {file}", path, 7, 1)),
            ["nvim", "+7", "./my notes/b.yaml"]
        );
    }

    #[test]
    fn no_file_name_reads_as_an_option() {
        for name in ["+!touch PWNED.yaml", "-c!touch PWNED.yaml", "--goto.yaml"] {
            let path = Path::new(name);
            let fills = [
                editor_args(&["vim".into()], path, 1),
                editor_args(&["code".into()], path, 1),
                editor_args(&["subl".into()], path, 1),
                editor_args(&["other".into()], path, 1),
                template_args("ed {file}", path, 1, 1),
            ];
            for args in fills {
                let last = strings(args).pop().unwrap();
                assert!(last.starts_with("./"), "{last:?}");
            }
        }
        assert_eq!(
            strings(editor_args(&["vim".into()], Path::new("/srv/+x.yaml"), 2)),
            ["vim", "+2", "/srv/+x.yaml"]
        );
        assert_eq!(
            strings(editor_args(&["vim".into()], Path::new("../-x.yaml"), 2)),
            ["vim", "+2", "../-x.yaml"]
        );
    }
}
