//! Content packs as an attacker would write them: every file of
//! `tests/fixtures/hostile/content` is refused at the place its first line
//! names (`// expect: LINE:COL` or `// expect: entry ID: message`), and no
//! message carries a character a terminal would act on.

use std::path::{Path, PathBuf};
#[cfg(unix)]
use std::time::{Duration, Instant};

use backcoach::content::load;
use backcoach::content::problem::Problem;
use backcoach::content::source;
use backcoach::text::safe;

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile")
}

/// Built-in content plus the files at `path`: every problem, rendered.
fn problems_for(path: &Path) -> Vec<Problem> {
    let (user, mut problems) = source::read_path(path);
    let mut sources = source::builtin();
    sources.extend(user);
    if let Err(found) = load::load(&sources) {
        problems.extend(found);
    }
    problems
}

/// No raw control character, DEL, C1 or bidi control; line breaks only
/// between the lines of a located problem.
fn assert_safe(text: &str) {
    for line in text.split('\n') {
        assert!(
            !line.chars().any(safe::is_unsafe),
            "unsafe character in {:?}",
            line.escape_debug().to_string()
        );
    }
}

/// The `n` characters of the source line (`lines[1]`) from the caret
/// (in `lines[2]`) on.
fn under_caret(lines: &[&str], n: usize) -> String {
    let caret = lines[2].find('^').unwrap();
    lines[1]
        .chars()
        .skip(lines[2][..caret].chars().count())
        .take(n)
        .collect()
}

#[test]
fn every_hostile_pack_is_refused_where_its_first_line_says() {
    let mut files: Vec<PathBuf> = std::fs::read_dir(corpus().join("content"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert!(files.len() >= 10, "the corpus is there: {files:?}");
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let expect = text
            .lines()
            .next()
            .and_then(|l| l.strip_prefix("// expect: "))
            .unwrap_or_else(|| panic!("{} names no expectation", file.display()))
            .to_owned();
        let name = file.display().to_string();
        let problems = problems_for(&file);
        let shown: String = problems.iter().map(|p| format!("{p}\n")).collect();
        assert!(!problems.is_empty(), "{name} was accepted");
        assert!(
            problems.iter().all(|p| p.file == name),
            "only this file is blamed: {shown}"
        );
        let wanted = match expect.strip_prefix("entry ") {
            Some(rest) => format!("{name}: entry {rest}"),
            None => format!("{name}:{expect}: "),
        };
        assert!(
            shown.starts_with(&wanted),
            "wanted {wanted:?}, got\n{shown}"
        );
        assert_safe(&shown);
    }
}

#[test]
fn a_located_control_character_is_pointed_at_and_named() {
    let file = corpus().join("content/osc_title_raw.ron");
    let shown = problems_for(&file)[0].to_string();
    assert!(
        shown.contains(
            "warning section `mine`, items item 2: title: holds a control character (U+001B)"
        ),
        "{shown}"
    );
    let lines: Vec<&str> = shown.lines().collect();
    assert_eq!(lines.len(), 3, "{shown}");
    // The caret sits under the character, shown as a replacement mark.
    assert_eq!(under_caret(&lines, 1), "\u{fffd}", "{shown}");
}

#[test]
fn line_breaks_and_bidi_controls_get_their_own_words() {
    let shown = problems_for(&corpus().join("content/newline_in_step.ron"))[0].to_string();
    assert!(shown.contains("holds a line break (U+000A)"), "{shown}");
    assert!(shown.contains("its own string of the list"), "{shown}");
    let shown = problems_for(&corpus().join("content/bidi_override_raw.ron"))[0].to_string();
    assert!(
        shown.contains("bidirectional-text control (U+202E)"),
        "{shown}"
    );
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let problems = problems_for(&corpus().join("bom_accepted.ron"));
    assert!(problems.is_empty(), "{problems:?}");
}

#[test]
fn a_long_line_is_cut_around_the_column() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("one_line.ron");
    let filler = "x".repeat(200_000);
    std::fs::write(
        &path,
        format!("(version: 1, warnings: [(id: \"w\", title: \"T\", items: [], intro: \"{filler}\", tags: [])])"),
    )
    .unwrap();
    let shown = problems_for(&path)[0].to_string();
    assert!(shown.len() < 600, "{} bytes: {shown}", shown.len());
    let lines: Vec<&str> = shown.lines().collect();
    assert!(lines[0].contains("`tags`"), "{shown}");
    assert!(lines[1].contains('…'), "{shown}");
    let column: usize = lines[0].split(':').nth(2).unwrap().parse().unwrap();
    assert!(column > 200_000, "{shown}");
    assert_eq!(
        under_caret(&lines, 4),
        "tags",
        "the caret is under the column: {shown}"
    );
}

#[test]
fn a_hostile_file_name_is_shown_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("evil\u{1b}]0;PWN\u{7}.ron");
    std::fs::write(&path, "(version: 1, exercises: [(id: \"A\")])").unwrap();
    let shown: String = problems_for(dir.path())
        .iter()
        .map(|p| format!("{p}\n"))
        .collect();
    assert!(shown.contains("evil\\u{1b}]0;PWN\\u{7}.ron"), "{shown}");
    assert_safe(&shown);
}

#[cfg(unix)]
#[test]
fn a_device_is_refused_at_once_and_unread() {
    let started = Instant::now();
    let problems = problems_for(Path::new("/dev/zero"));
    assert!(started.elapsed() < Duration::from_secs(2));
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0]
            .to_string()
            .contains("is a device, not a regular file"),
        "{}",
        problems[0]
    );
}

#[cfg(unix)]
#[test]
fn a_fifo_is_refused_at_once_alone_or_in_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.ron");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let started = Instant::now();
    for path in [fifo.as_path(), dir.path()] {
        let problems = problems_for(path);
        assert_eq!(problems.len(), 1, "{problems:?}");
        let shown = problems[0].to_string();
        assert!(
            shown.contains("pipe.ron: cannot read: it is a named pipe (FIFO)"),
            "{shown}"
        );
    }
    assert!(started.elapsed() < Duration::from_secs(2));
}

#[test]
fn a_content_folder_that_is_a_file_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("content");
    std::fs::write(&path, "").unwrap();
    let err = source::content_folder(&path).unwrap_err();
    assert!(
        err.ends_with("is a file, not a folder (name the folder that holds your .ron files)"),
        "{err}"
    );
    let err = source::content_folder(&dir.path().join("missing")).unwrap_err();
    assert!(err.ends_with("does not exist"), "{err}");
    assert!(source::content_folder(dir.path()).is_ok());
}

proptest::proptest! {
    /// Whatever a string holds, the locator finds the literal RON writes
    /// for it, so a bad value can always be shown at its place.
    #[test]
    fn every_string_ron_writes_is_found_by_the_locator(name in "\\PC*|[\\x00-\\x1f\\u{7f}-\\u{9f}\\u{202a}-\\u{202e}\"\\\\ a-z]{0,40}") {
        let pack = backcoach::content::model::ContentPack {
            version: 1,
            warnings: vec![backcoach::content::model::WarningSection {
                id: "w".to_owned(),
                title: name.clone(),
                intro: String::new(),
                items: Vec::new(),
            }],
            ..Default::default()
        };
        let text = ron::ser::to_string(&pack).unwrap();
        let found = backcoach::content::literals::scan(&text);
        proptest::prop_assert!(found.iter().any(|l| l.value == name), "{text:?}: {found:?}");
    }

    /// Made safe, any text holds nothing unsafe, and making it safe again
    /// changes nothing.
    #[test]
    fn shown_text_is_safe_and_stays_as_it_is(text in "\\PC*|[\\x00-\\x1f\\u{7f}-\\u{9f}\\u{2066}-\\u{2069} a-z\\\\]{0,40}") {
        let once = safe::shown(&text).into_owned();
        proptest::prop_assert!(!once.chars().any(safe::is_unsafe));
        proptest::prop_assert_eq!(safe::shown(&once).into_owned(), once.clone());
        if !text.chars().any(safe::is_unsafe) {
            proptest::prop_assert_eq!(once, text);
        }
    }
}

#[test]
fn shown_writes_control_characters_out() {
    assert_eq!(
        safe::shown("a\u{1b}]0;X\u{7}\u{9b}\u{202e}\n"),
        "a\\u{1b}]0;X\\u{7}\\u{9b}\\u{202e}\\n"
    );
    assert_eq!(safe::shown_lines("a\u{1b}\nb"), "a\\u{1b}\nb");
    assert!(!safe::has_visible("\u{200b}\u{200b} \u{2060}\u{3164}"));
    assert!(safe::has_visible("\u{200b}é"));
}

proptest::proptest! {
    /// The byte-level look agrees with the character rule.
    #[test]
    fn any_unsafe_agrees_with_is_unsafe(text in "\\PC*|[\\x00-\\x1f\\u{7f}-\\u{a0}\\u{61c}\\u{200b}-\\u{2070}·é a]{0,30}", ok: bool) {
        let by_char = text.chars().any(|c| safe::is_unsafe(c) && !(ok && c == '\n'));
        proptest::prop_assert_eq!(safe::any_unsafe(&text, ok), by_char);
    }
}
