//! Hostile input through every output path, in a pseudo-terminal: a
//! content pack, the data folder's files and name, and the arguments carry
//! escape sequences (OSC title and clipboard, CSI, BEL, C1 CSI, a bidi
//! override); the raw bytes the terminal receives never hold them raw.

use std::ffi::{OsStr, OsString};
use std::fs;
use std::path::PathBuf;

#[allow(clippy::wildcard_imports)]
use crate::support::*;

/// What an attacker puts in a string: window title, clipboard write,
/// clear screen, bell, C1 CSI, right-to-left override.
const PAYLOAD: &str = "\u{1b}]0;PWN\u{7}\u{1b}]52;c;cHduZWQ=\u{7}\u{1b}[2J\u{9b}31m\u{202e}";

/// The payload's pieces as raw bytes; none may reach the terminal.
const RAW_PIECES: [&[u8]; 6] = [
    b"\x1b]0;PWN",
    b"\x1b]52;c;",
    b"PWN\x07",
    b"\x1b[2J\xc2\x9b",
    b"\xc2\x9b31m",
    b"\xe2\x80\xae",
];

fn assert_no_payload(raw: &[u8], what: &str) {
    for piece in RAW_PIECES {
        assert!(
            find_last(raw, piece).is_none(),
            "{what}: raw {:?} reached the terminal: {:?}",
            String::from_utf8_lossy(piece),
            String::from_utf8_lossy(raw).escape_debug().to_string()
        );
    }
}

/// For a command that draws no screen: nothing but text and line ends.
fn assert_plain(raw: &[u8], what: &str) {
    assert_no_payload(raw, what);
    let text = String::from_utf8_lossy(raw);
    let bad = text
        .chars()
        .find(|c| !matches!(c, '\r' | '\n') && backcoach::text::safe::is_unsafe(*c));
    assert!(
        bad.is_none(),
        "{what}: {bad:?} in {:?}",
        text.escape_debug().to_string()
    );
}

/// Runs `args` in a pty to the end; the exit code and every byte.
fn run_in_pty(world: &World, args: &[OsString]) -> (Option<u32>, Vec<u8>) {
    let tui = Tui::spawn(args, &world.env(), 100, 30);
    let ended = tui.end();
    (Some(ended.status.exit_code()), ended.raw)
}

fn os(args: &[&str]) -> Vec<OsString> {
    args.iter().map(OsString::from).collect()
}

/// A content folder whose files hide the payload in every kind of string.
fn hostile_content(world: &World) -> PathBuf {
    let dir = world.path(&format!("content{PAYLOAD}"));
    fs::create_dir(&dir).unwrap();
    let quoted = PAYLOAD.escape_debug().to_string();
    fs::write(
        dir.join(format!("pack{PAYLOAD}.ron")),
        format!(
            "(version: 1, warnings: [(id: \"w\", title: \"Title {PAYLOAD}\", items: [(title: \"{quoted}\", text: \"t\")])],\n exercises: [(id: \"x{quoted}\", name: \"N\", position: chair, steps: [\"s\"], dose: ())])"
        ),
    )
    .unwrap();
    dir
}

/// A data folder, named with the payload, whose files hold it too.
fn hostile_data(world: &World) -> PathBuf {
    let dir = world.path(&format!("data{PAYLOAD}"));
    fs::create_dir(&dir).unwrap();
    let quoted = PAYLOAD.escape_debug().to_string();
    let line = |routine: &str| {
        format!(
            r#"{{"version":1,"kind":"session","started":"2026-11-20T09:00:00+01:00","duration_secs":300,"routine":"{routine}","exercises":[],"outcome":"completed"}}"#
        )
    };
    let json_payload: String = PAYLOAD
        .chars()
        .map(|c| format!("\\u{:04x}", u32::from(c)))
        .collect();
    fs::write(
        dir.join("history.jsonl"),
        format!(
            "{}\n{}\n{PAYLOAD} raw garbage\n",
            line("desk_reset"),
            line(&json_payload)
        ),
    )
    .unwrap();
    fs::write(
        dir.join("reminder.ron"),
        format!("(version: 2, since: \"{quoted}\")"),
    )
    .unwrap();
    dir
}

#[test]
fn check_shows_a_hostile_pack_with_locations_and_nothing_raw() {
    let world = World::new();
    let content = hostile_content(&world);
    let (code, raw) = run_in_pty(&world, &[OsString::from("check"), content.into()]);
    assert_eq!(code, Some(1));
    assert_plain(&raw, "check");
    let text = String::from_utf8_lossy(&raw);
    assert!(text.contains("pack\\u{1b}]0;PWN\\u{7}"), "{text}");
    assert!(text.contains(":1:"), "located: {text}");
    assert!(
        text.contains("holds a control character (U+001B)"),
        "{text}"
    );
}

#[test]
fn safety_print_and_the_full_screen_refuse_a_hostile_pack_before_anything_shows() {
    let world = World::new();
    let content = hostile_content(&world);
    for command in [&["safety", "--print"][..], &["session"][..], &[][..]] {
        let mut args: Vec<OsString> = vec!["--content".into(), content.clone().into()];
        args.extend(os(command));
        let (code, raw) = run_in_pty(&world, &args);
        assert_eq!(code, Some(2), "{command:?}");
        assert_plain(&raw, &format!("{command:?}"));
        assert!(find_last(&raw, ENTER_ALT_SCREEN).is_none());
    }
}

#[test]
fn arguments_and_folder_names_are_echoed_escaped() {
    let world = World::new();
    let data = world.path(&format!("file{PAYLOAD}"));
    fs::write(&data, "").unwrap();
    for args in [
        os(&["session", PAYLOAD]),
        os(&["release", PAYLOAD]),
        os(&["timer", PAYLOAD]),
        os(&["history", "--since", PAYLOAD]),
        vec![
            "--content".into(),
            world.path(PAYLOAD).into(),
            "check".into(),
        ],
        vec!["--data-dir".into(), data.clone().into(), "history".into()],
    ] {
        let (code, raw) = run_in_pty(&world, &args);
        assert_eq!(code, Some(2), "{args:?}");
        assert_plain(&raw, &format!("{args:?}"));
        assert!(
            String::from_utf8_lossy(&raw).contains("\\u{1b}]0;PWN\\u{7}"),
            "{args:?}: {}",
            String::from_utf8_lossy(&raw)
        );
    }
}

#[test]
fn history_in_every_format_shows_nothing_raw_and_says_what_it_set_aside() {
    let world = World::new();
    let data = hostile_data(&world);
    for format in ["table", "csv", "json"] {
        let args: Vec<OsString> = vec![
            "--data-dir".into(),
            data.clone().into(),
            "history".into(),
            "--format".into(),
            format.into(),
        ];
        let (code, raw) = run_in_pty(&world, &args);
        assert_eq!(code, Some(0), "{format}");
        assert_plain(&raw, format);
        let text = String::from_utf8_lossy(&raw);
        // The table names the routine; CSV and JSON keep its id.
        let routine = if format == "table" {
            "Desk reset"
        } else {
            "desk_reset"
        };
        assert!(text.contains(routine), "{format}: {text}");
    }
    // The first run set both bad lines aside (beside the log it adopted,
    // in the history folder) and said where, escaped.
    let kept: Vec<PathBuf> = fs::read_dir(data.join("history"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains(".corrupt-"))
        .collect();
    assert_eq!(kept.len(), 1, "{kept:?}");
    let aside = fs::read(&kept[0]).unwrap();
    assert!(aside.ends_with(format!("{PAYLOAD} raw garbage\n").as_bytes()));
}

#[test]
fn status_on_a_hostile_folder_prints_one_plain_line() {
    let world = World::new();
    let data = hostile_data(&world);
    fs::write(
        data.join("settings.ron"),
        format!("(version: 1, session_bell: \"{}\")", PAYLOAD.escape_debug()),
    )
    .unwrap();
    let args: Vec<OsString> = vec!["--data-dir".into(), data.into(), "status".into()];
    let (code, raw) = run_in_pty(&world, &args);
    assert_eq!(code, Some(0));
    assert_plain(&raw, "status");
    assert_eq!(
        String::from_utf8_lossy(&raw).trim_end(),
        "reminder: settings unreadable"
    );
}

#[test]
fn remind_and_its_notifications_show_nothing_raw() {
    let world = World::new();
    // The schedule is bad: its notice names the folder.
    let data = hostile_data(&world);
    fs::write(
        data.join("settings.ron"),
        "(version: 1, reminder: (terminal_notification: true))",
    )
    .unwrap();
    let args: Vec<OsString> = vec![
        "--data-dir".into(),
        data.into(),
        "remind".into(),
        "--once".into(),
        "--anytime".into(),
        "--every".into(),
        "1s".into(),
    ];
    let (code, raw) = run_in_pty(&world, &args);
    assert_eq!(code, Some(0));
    assert_no_payload(&raw, "remind");
    assert!(find_last(&raw, b"\x1b]777;notify;").is_some(), "notified");
    let text = String::from_utf8_lossy(&raw);
    assert!(
        text.contains("PWN\\u{7}"),
        "the notice names the folder: {text}"
    );
}

#[test]
fn the_full_screen_shows_hostile_data_escaped() {
    let world = World::new();
    let data = hostile_data(&world);
    let args: Vec<OsString> = vec!["--data-dir".into(), data.into()];
    let mut tui = Tui::spawn(&args, &world.env(), 200, 40);
    tui.wait_for(DISCLAIMER_TITLE);
    // The notices name the kept copies, in the payload-named folder.
    tui.wait_for("unreadable history lines");
    tui.wait_for("PWN\\u{7}");
    tui.send(ENTER);
    tui.wait_for(HOME_TITLE);
    open_home_entry(&mut tui, backcoach::app::HomeEntry::History);
    // The good record is listed (by its routine's name); the bad ones were
    // set aside.
    tui.wait_for("Desk reset");
    tui.send(b"q");
    tui.send(b"q");
    let ended = tui.end();
    assert_no_payload(&ended.raw, "full screen");
}

fn output_to_dev_full(world: &World, args: &[&OsStr]) -> std::process::Output {
    let full = fs::File::options().write(true).open("/dev/full").unwrap();
    world.command(args).stdout(full).output().unwrap()
}

#[test]
fn a_failed_write_to_stdout_is_reported_and_fails() {
    let world = World::new();
    let data = world.data_dir();
    fs::create_dir(&data).unwrap();
    let day = r#"{"version":1,"kind":"session","started":"2026-11-20T09:00:00+01:00","duration_secs":300,"routine":"desk_reset","exercises":[],"outcome":"completed"}"#;
    fs::write(data.join("history.jsonl"), format!("{day}\n").repeat(2000)).unwrap();
    let data: &OsStr = data.as_os_str();
    let commands: [&[&str]; 10] = [
        &["history", "--format", "csv"],
        &["history", "--format", "table"],
        &["history", "--format", "json"],
        &["check"],
        &["safety", "--print"],
        &["status"],
        &["completions", "bash"],
        &["man"],
        &["--help"],
        &["--version"],
    ];
    for command in commands {
        let mut args: Vec<&OsStr> = vec![OsStr::new("--data-dir"), data];
        args.extend(command.iter().map(OsStr::new));
        let out = output_to_dev_full(&world, &args);
        assert_eq!(out.status.code(), Some(1), "{command:?}: {out:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains("No space left on device"),
            "{command:?}: {stderr}"
        );
    }
    // A reader that goes away early (`| head`) is not an error.
    let mut args: Vec<&OsStr> = vec![OsStr::new("--data-dir"), data];
    args.extend(["history", "--format", "csv"].map(OsStr::new));
    let mut cmd = world.command(&args);
    cmd.stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(out.stderr.is_empty(), "{out:?}");
}

#[test]
fn special_files_are_refused_at_once() {
    let world = World::new();
    let data = world.data_dir();
    fs::create_dir(&data).unwrap();
    let fifo = world.path("pipe.ron");
    for path in [
        fifo.clone(),
        data.join("settings.ron"),
        data.join("history.jsonl"),
    ] {
        let made = std::process::Command::new("mkfifo")
            .arg(&path)
            .status()
            .unwrap();
        assert!(made.success());
    }
    let started = std::time::Instant::now();
    let data: &OsStr = data.as_os_str();
    let dir = OsStr::new("--data-dir");
    let cases: [(&[&OsStr], i32, &str); 4] = [
        (
            &[OsStr::new("check"), OsStr::new("/dev/zero")],
            1,
            "is a device, not a regular file",
        ),
        (
            &[OsStr::new("check"), fifo.as_os_str()],
            1,
            "is a named pipe (FIFO)",
        ),
        (
            &[dir, data, OsStr::new("status")],
            0,
            "reminder: settings unreadable",
        ),
        (
            &[dir, data, OsStr::new("history")],
            2,
            "is a named pipe (FIFO)",
        ),
    ];
    for (args, code, said) in cases {
        let out = world.run(args);
        assert_eq!(out.status.code(), Some(code), "{args:?}: {out:?}");
        let text = String::from_utf8_lossy(&[out.stdout, out.stderr].concat()).into_owned();
        assert!(text.contains(said), "{args:?}: {text}");
    }
    assert!(started.elapsed() < std::time::Duration::from_secs(5));
}
