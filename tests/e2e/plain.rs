//! End-to-end: `--plain`, the line-by-line front-end, with the real
//! binary: in a pseudo-terminal and with stdin a pipe. Not one escape
//! byte on stdout, answers read as lines, sessions recorded as the
//! full-screen app records them.

use std::ffi::{OsStr, OsString};
use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::{Child, Output, Stdio};
use std::thread;
use std::time::Instant;

use crate::support::*;

/// Two exercises with 1-2 s holds and a 1 s get-ready, then one without
/// a hold.
pub const QUICK: &str = r#"(
    version: 1,
    exercises: [
        (id: "lean", name: "Quick lean", position: standing, steps: ["Lean.", "Hold it."],
         dose: (hold_secs: 1, sides: both)),
        (id: "sway", name: "Quick sway", position: standing, steps: ["Sway."],
         dose: (hold_secs: 2)),
        (id: "march", name: "Slow march", position: standing, steps: ["March."],
         dose: (reps: 1)),
    ],
    routines: [
        (id: "quick", name: "Quick test", summary: "Seconds long.", get_ready_secs: 1,
         items: [(exercise: "lean"), (exercise: "sway"), (exercise: "march")]),
    ],
)"#;

pub fn content(world: &World) -> PathBuf {
    let dir = world.path("content");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("mine.ron"), QUICK).unwrap();
    dir
}

pub fn history(world: &World) -> Vec<String> {
    crate::support::disk::history_text(&world.data_dir())
        .lines()
        .map(str::to_owned)
        .collect()
}

/// `--data-dir`, `--content` and then `extra`.
pub fn plain_args(world: &World, extra: &[&str]) -> Vec<OsString> {
    let dir = content(world);
    let mut args: Vec<OsString> = vec!["--content".into(), dir.into()];
    args.extend(extra.iter().map(OsString::from));
    let refs: Vec<&OsStr> = args.iter().map(OsString::as_os_str).collect();
    world.app_args(&refs)
}

/// Runs the binary with stdin a pipe holding `input` (then its end),
/// and `env` on top of the world's; kills it after `TIMEOUT`.
pub fn piped(world: &World, args: &[OsString], input: &str, env: &[(&str, OsString)]) -> Output {
    let refs: Vec<&OsStr> = args.iter().map(OsString::as_os_str).collect();
    let mut cmd = world.command(&refs);
    for (key, value) in env {
        cmd.env(key, value);
    }
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    finish(child)
}

fn finish(mut child: Child) -> Output {
    let deadline = Instant::now() + TIMEOUT;
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() >= deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("plain run did not end within {TIMEOUT:?}");
        }
        thread::sleep(POLL);
    };
    let mut stdout = Vec::new();
    let mut stderr = Vec::new();
    child
        .stdout
        .take()
        .unwrap()
        .read_to_end(&mut stdout)
        .unwrap();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_end(&mut stderr)
        .unwrap();
    Output {
        status,
        stdout,
        stderr,
    }
}

/// The history holds one record, and it has each of `parts`.
pub fn one_record(world: &World, parts: &[&str]) {
    let lines = history(world);
    assert_eq!(lines.len(), 1, "{lines:?}");
    for part in parts {
        assert!(lines[0].contains(part), "{part} not in {}", lines[0]);
    }
}

pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

pub fn assert_no_escape(bytes: &[u8]) {
    assert!(
        !bytes.contains(&0x1b),
        "an escape byte on stdout: {:?}",
        text(bytes)
    );
}

/// Waits until the raw output holds `needle` (lines scroll off the pty's
/// screen, so the screen is not where to look).
fn wait_output(tui: &mut Tui, needle: &str) {
    let deadline = Instant::now() + TIMEOUT;
    loop {
        if text(&lock(&tui.raw)).contains(needle) {
            return;
        }
        if Instant::now() >= deadline || tui.poll_exit().is_some() {
            tui.fail(&format!("{needle:?} never came"));
        }
        thread::sleep(POLL);
    }
}

#[test]
fn a_whole_plain_session_in_a_terminal_has_no_escape_byte_and_is_recorded() {
    let world = World::new();
    let args = plain_args(&world, &["--plain", "session", "quick"]);
    let mut tui = Tui::spawn(&args, &world.env(), 80, 24);
    // The first-run statement needs a y.
    wait_output(&mut tui, "Type y to accept");
    tui.send(b"\r");
    wait_output(&mut tui, "Type y to accept and go on, or q to quit.\r\n");
    tui.send(b"y\r");
    wait_output(&mut tui, "how much does your back hurt right now?");
    tui.send(b"3\r");
    wait_output(&mut tui, "Quick lean: right side, hold 1 second.");
    wait_output(&mut tui, "Release. Now the left side.");
    // Typed at a terminal, a line is for now: Enter during a countdown
    // answers nothing, and is not kept for the check-out.
    tui.send(b"\r");
    wait_output(&mut tui, "Nothing asks for that now: ! stops for pain");
    wait_output(&mut tui, "Slow march.");
    wait_output(&mut tui, "Press Enter when done.");
    tui.send(b"\r");
    wait_output(&mut tui, "And now: how much does your back hurt?");
    // 1 then 0 is 10, typed as one answer.
    tui.send(b"10\r");
    wait_output(&mut tui, "Quick test: completed.");
    let ended = tui.end();
    assert!(ended.status.success(), "exit status {:?}", ended.status);
    assert_no_escape(&ended.raw);
    let out = text(&ended.raw);
    assert!(
        out.contains("Pain before: 3 of 10; after: 10 of 10."),
        "{out}"
    );
    one_record(
        &world,
        &[
            "\"kind\":\"session\"",
            "\"routine\":\"quick\"",
            "\"outcome\":\"completed\"",
            "\"pain_before\":3",
            "\"pain_after\":10",
        ],
    );
}

#[test]
fn a_plain_session_reads_its_answers_from_a_pipe() {
    let world = World::new();
    let args = plain_args(&world, &["--plain", "session", "quick"]);
    // y: the statement; 3: pain before; the empty lines wait for the
    // questions that take them (the march, then the check-out: skipped).
    let out = piped(&world, &args, "y\n3\n\n\n\n", &[]);
    assert!(out.status.success(), "{out:?}");
    assert_no_escape(&out.stdout);
    let said = text(&out.stdout);
    let order = [
        "A coach, not a diagnosis.",
        "Quick lean, right side. Get into position.",
        "  1. Lean.",
        "Quick lean: right side, hold 1 second.",
        "Release. Now the left side.",
        "Release. Next: Quick sway. Get into position.",
        "Quick sway: hold 2 seconds.",
        "Release. Next: Slow march.",
        "Routine complete.",
        "Quick test: completed.",
    ];
    let mut from = 0;
    for line in order {
        let at = said[from..]
            .find(line)
            .unwrap_or_else(|| panic!("{line:?} not after byte {from} in:\n{said}"));
        from += at + line.len();
    }
    assert!(!said.contains("1 s left"), "no line per second:\n{said}");
    one_record(
        &world,
        &[
            "\"outcome\":\"completed\"",
            "\"pain_before\":3",
            "\"pain_after\":null",
        ],
    );
}

#[test]
fn the_end_of_input_leaves_a_started_session_as_abandoned() {
    let world = World::new();
    let args = plain_args(&world, &["--plain", "session", "quick"]);
    let out = piped(&world, &args, "y\n2\n", &[]);
    assert!(out.status.success(), "{out:?}");
    let said = text(&out.stdout);
    assert!(
        said.contains("Input ended: the session goes into your history as abandoned."),
        "{said}"
    );
    one_record(&world, &["\"outcome\":\"abandoned\"", "\"pain_before\":2"]);
}

#[test]
fn a_bang_stops_for_pain_even_behind_an_answer_that_waits() {
    let world = World::new();
    let args = plain_args(&world, &["--plain", "session", "quick"]);
    // The 4 waits for the check-out; the ! behind it acts at once.
    let out = piped(&world, &args, "y\n\n4\n!\n", &[]);
    assert!(out.status.success(), "{out:?}");
    let said = text(&out.stdout);
    assert!(
        said.contains("Stopped. Rest and let your back settle"),
        "{said}"
    );
    one_record(&world, &["\"outcome\":\"stopped_for_pain\""]);
}

#[test]
fn a_numbered_routine_menu_and_backcoach_plain_from_the_environment() {
    let world = World::acknowledged("");
    let dir = content(&world);
    let args = world.app_args(&[
        OsStr::new("--content"),
        dir.as_os_str(),
        OsStr::new("session"),
    ]);
    let env = [("BACKCOACH_PLAIN", OsString::from("1"))];
    let out = piped(&world, &args, "9\nquick\n", &env);
    assert!(out.status.success(), "{out:?}");
    assert_no_escape(&out.stdout);
    let said = text(&out.stdout);
    assert!(said.contains("Choose a routine:"), "{said}");
    let quick = backcoach_routine_number(&said, "Quick test");
    assert!(
        said.contains("Type one of the numbers, or q to go back."),
        "{said}"
    );
    let out = piped(&world, &args, &format!("{quick}\n1\n"), &env);
    let said = text(&out.stdout);
    assert!(said.contains("Quick test: estimated"), "{said}");
    assert!(history(&world)[0].contains("\"routine\":\"quick\""));
}

/// The number the routine menu gives `name`.
fn backcoach_routine_number(menu: &str, name: &str) -> usize {
    menu.lines()
        .find_map(|line| {
            let (n, rest) = line.trim().split_once(". ")?;
            rest.starts_with(name).then(|| n.parse().ok())?
        })
        .unwrap_or_else(|| panic!("{name} not in the menu:\n{menu}"))
}

#[test]
fn without_a_terminal_and_without_plain_the_full_screen_is_refused() {
    let world = World::acknowledged("");
    let args = plain_args(&world, &["session", "quick"]);
    let out = piped(&world, &args, "", &[]);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(text(&out.stderr).contains("needs a terminal"), "{out:?}");
}

#[test]
fn an_open_plain_menu_sees_a_stand_up_answered_in_the_shell() {
    let world = World::acknowledged("");
    std::fs::create_dir_all(world.config_dir()).unwrap();
    std::fs::write(
        world.config_dir().join("config.ron"),
        "(reminder: (active_hours: \"00:00-24:00\", days: \"Mon-Sun\"))",
    )
    .unwrap();
    let since = (chrono::Local::now() - chrono::TimeDelta::minutes(61))
        .fixed_offset()
        .to_rfc3339();
    std::fs::write(
        world.data_dir().join("reminder.ron"),
        format!("(version: 2, since: \"{since}\")"),
    )
    .unwrap();
    let mut tui = Tui::spawn(&plain_args(&world, &["--plain"]), &world.env(), 80, 24);
    wait_output(&mut tui, "Type d once you have stood up");
    // Counted before the shell answers: any wake-up after it may bring
    // the menu back.
    let menus = text(&lock(&tui.raw))
        .matches("What would you like to do?")
        .count();
    let out = world.run_in_data(&["standup", "done"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    // The next line finds the new schedule first: the question is gone
    // and the menu comes, with no "Type d" hint for the line.
    tui.send(b"\r");
    let deadline = Instant::now() + TIMEOUT;
    while text(&lock(&tui.raw))
        .matches("What would you like to do?")
        .count()
        == menus
    {
        assert!(Instant::now() < deadline, "{}", text(&lock(&tui.raw)));
        thread::sleep(POLL);
    }
    tui.send(b"q\r");
    let ended = tui.end();
    assert!(ended.status.success(), "{:?}", ended.status);
    let said = text(&ended.raw);
    assert_eq!(
        said.matches("Type d once you have stood up").count(),
        1,
        "{said}"
    );
}
