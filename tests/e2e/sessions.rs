//! End-to-end: guided sessions and the history command, with the real
//! binary in a pseudo-terminal.

use std::ffi::OsStr;
use std::path::PathBuf;

use crate::support::*;

/// Two quick exercises with 1-2 s holds and a 1 s get-ready.
const QUICK: &str = r#"(
    version: 1,
    exercises: [
        (id: "lean", name: "Quick lean", position: standing, steps: ["Lean.", "Hold it."],
         dose: (hold_secs: 1, sides: both)),
        (id: "sway", name: "Quick sway", position: standing, steps: ["Sway."],
         dose: (hold_secs: 2)),
    ],
    routines: [
        (id: "quick", name: "Quick test", summary: "Seconds long.", get_ready_secs: 1,
         items: [(exercise: "lean"), (exercise: "sway")]),
    ],
)"#;

fn content(world: &World, text: &str) -> PathBuf {
    let dir = world.path("content");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("mine.ron"), text).unwrap();
    dir
}

fn history_lines(world: &World) -> Vec<String> {
    crate::support::disk::history_text(&world.data_dir())
        .lines()
        .map(str::to_owned)
        .collect()
}

fn run(world: &World, args: &[&str]) -> std::process::Output {
    let mut all = vec![
        OsStr::new("--data-dir").to_os_string(),
        world.data_dir().into_os_string(),
    ];
    all.extend(args.iter().map(|a| OsStr::new(a).to_os_string()));
    let refs: Vec<&OsStr> = all.iter().map(|a| a.as_os_str()).collect();
    world.run(&refs)
}

fn one_error_line(out: &std::process::Output) -> String {
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(2), "stderr: {stderr}");
    assert!(
        stderr.starts_with("backcoach: ") && stderr.lines().count() == 1,
        "not one `backcoach: ` line: {stderr:?}"
    );
    stderr
}

/// `backcoach --content DIR session ROUTINE` on a first run: past the
/// first-run statement, straight to the routine's pain check-in.
fn session_at_check_in(world: &World, routine: &str) -> Tui {
    let dir = content(world, QUICK);
    let mut tui = world.spawn(
        &[
            OsStr::new("--content"),
            dir.as_os_str(),
            OsStr::new("session"),
            OsStr::new(routine),
        ],
        80,
        24,
    );
    tui.wait_for(DISCLAIMER_TITLE);
    tui.send(ENTER);
    tui.wait_for("Pain check-in");
    tui
}

#[test]
fn a_session_runs_hands_free_from_start_to_summary_and_is_recorded() {
    let world = World::new();
    let mut tui = session_at_check_in(&world, "quick");
    // n skips the check-in and starts; no key from here to the check-out.
    tui.send(b"n");
    tui.wait_for("Quick lean");
    tui.wait_for("Switch to the left side");
    tui.wait_for("Next exercise: Quick sway");
    tui.wait_for("Pain check-out");
    assert!(history_lines(&world).is_empty());
    tui.send(b"2");
    tui.send(ENTER);
    tui.wait_for("Quick test: completed");
    tui.wait_for("2 done, 0 skipped, of 2");
    let lines = history_lines(&world);
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(lines[0].contains("\"kind\":\"session\""), "{}", lines[0]);
    assert!(
        lines[0].contains("\"outcome\":\"completed\""),
        "{}",
        lines[0]
    );
    assert!(lines[0].contains("\"pain_after\":2"), "{}", lines[0]);
    tui.send(ENTER);
    tui.wait_for("Choose a routine");
    tui.send(ESC);
    tui.wait_for(HOME_TITLE);
    tui.send(b"q");
    let ended = tui.end();
    assert!(ended.status.success(), "exit status {:?}", ended.status);
    ended.assert_terminal_restored();

    let out = run(&world, &["history", "--format", "csv"]);
    assert!(out.status.success());
    let csv = String::from_utf8(out.stdout).unwrap();
    let rows: Vec<&str> = csv.lines().collect();
    assert_eq!(rows.len(), 2, "{csv}");
    assert!(rows[0].starts_with("started,routine,outcome,"), "{csv}");
    assert!(rows[1].contains(",quick,completed,"), "{csv}");
    assert!(rows[1].ends_with(",,2"), "{csv}");
}

#[test]
fn this_hurts_stops_the_session_and_records_it() {
    let world = World::new();
    let dir = content(&world, QUICK);
    let mut tui = start_at_home(&world, &[OsStr::new("--content"), dir.as_os_str()]);
    // Home → Guided session → Quick test (the last routine) → check-in.
    open_home_entry(&mut tui, backcoach::app::HomeEntry::Session);
    tui.wait_for("Choose a routine");
    tui.send(b"G");
    tui.send(ENTER);
    tui.wait_for("estimated 0:");
    tui.send(ENTER);
    tui.wait_for("Pain check-in");
    tui.send(b"5");
    tui.send(ENTER);
    tui.wait_for("! this hurts");
    tui.send(b"!");
    tui.wait_for("This hurts: when to get help");
    tui.wait_for("Red flags");
    let lines = history_lines(&world);
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(lines[0].contains("\"outcome\":\"stopped_for_pain\""));
    assert!(lines[0].contains("\"pain_before\":5"));
    tui.send(b"q");
    tui.wait_for("Choose a routine");
    tui.send(b"q");
    tui.wait_for(HOME_TITLE);
    tui.send(b"q");
    assert!(tui.end().status.success());
}

#[test]
fn leaving_a_session_asks_and_records_it_as_abandoned() {
    let world = World::new();
    let mut tui = session_at_check_in(&world, "desk_reset");
    tui.send(b"n");
    tui.wait_for("Get ready");
    tui.send(ESC);
    tui.wait_for("Leave this session?");
    tui.send(b"n");
    tui.wait_gone("Leave this session?");
    tui.send(b"q");
    tui.wait_for("Leave this session?");
    tui.send(b"y");
    tui.wait_for("Choose a routine");
    let lines = history_lines(&world);
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(lines[0].contains("\"outcome\":\"abandoned\""));
    assert!(lines[0].contains("\"routine\":\"desk_reset\""));
    tui.send(b"q");
    tui.wait_for(HOME_TITLE);
    tui.send(b"q");
    assert!(tui.end().status.success());
}

#[test]
fn an_unknown_routine_exits_2_listing_the_valid_ones() {
    let world = World::new();
    let out = run(&world, &["session", "handstand"]);
    let stderr = one_error_line(&out);
    assert!(
        stderr.contains("unknown routine `handstand`; valid ids: desk_reset, floor_mobility, stenosis_friendly, after_sitting"),
        "{stderr}"
    );
}

#[test]
fn routines_with_a_technique_or_an_extension_move_are_refused() {
    let world = World::new();
    let dir = content(
        &world,
        r#"(version: 1, routines: [
            (id: "pop", name: "Pop", items: [(exercise: "seated_floor_twist")]),
            (id: "st", name: "St", tags: ["stenosis_friendly"], items: [(exercise: "pelvic_tilt"), (exercise: "cobra")]),
            (id: "slow", name: "Slow", get_ready_secs: 0, items: [(exercise: "pelvic_tilt")]),
        ])"#,
    );
    let out = run(
        &world,
        &["--content", dir.to_str().unwrap(), "session", "pop"],
    );
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("techniques can never be part of a routine"),
        "{stderr}"
    );
    assert!(stderr.contains("`cobra`, an extension move"), "{stderr}");
    assert!(
        stderr.contains("a get-ready of 0 s is outside 1..=60 seconds"),
        "{stderr}"
    );
    assert!(stderr.contains("3 problems found"), "{stderr}");
}

#[test]
fn history_bad_flags_exit_2_with_one_line() {
    let world = World::new();
    let stderr = one_error_line(&run(&world, &["history", "--since", "last tuesday"]));
    assert!(stderr.contains("not a date like 2026-11-22"), "{stderr}");
    let stderr = one_error_line(&run(&world, &["history", "--format", "xml"]));
    assert!(stderr.contains("xml"), "{stderr}");
}

#[test]
fn history_prints_table_csv_and_json_and_filters_by_date() {
    let world = World::new();
    std::fs::create_dir_all(world.data_dir()).unwrap();
    let line = |day: u32, outcome: &str| {
        format!(
            "{{\"version\":1,\"kind\":\"session\",\"started\":\"2026-11-{day:02}T09:00:00+01:00\",\"duration_secs\":290,\"routine\":\"desk_reset\",\"exercises\":[{{\"exercise\":\"seated_trunk_rotation\",\"outcome\":\"done\"}}],\"pain_before\":4,\"pain_after\":2,\"outcome\":\"{outcome}\"}}\n"
        )
    };
    let text = line(3, "completed") + &line(20, "abandoned");
    std::fs::write(world.data_dir().join("history.jsonl"), text).unwrap();

    // The table shows local time (here UTC+2, as the POSIX TZ `XYZ-2`
    // says) and the routine's name.
    let data = world.data_dir();
    let out = world
        .command(&[
            OsStr::new("--data-dir"),
            data.as_os_str(),
            OsStr::new("history"),
        ])
        .env("TZ", "XYZ-2")
        .output()
        .unwrap();
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(out.status.success());
    assert_eq!(table.lines().count(), 3, "{table}");
    assert!(table.contains("2026-11-20 10:00  Desk reset"), "{table}");

    let out = run(
        &world,
        &["history", "--format", "json", "--since", "2026-11-10"],
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let array = json.as_array().unwrap();
    assert_eq!(array.len(), 1);
    assert_eq!(array[0]["outcome"], "abandoned");
    assert_eq!(array[0]["started"], "2026-11-20T09:00:00+01:00");

    let out = run(
        &world,
        &["history", "--format", "csv", "--since", "2026-12-01"],
    );
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 1);
}
