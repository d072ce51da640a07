//! End-to-end: the other plain dialogues: the heat/cold timer (its cap
//! and alarm hold when input ends), the safety checklist and the
//! self-release techniques, and the stand-up reminder.

use std::ffi::OsString;
use std::fs;
use std::time::Duration;

use chrono::{Local, TimeDelta};

use crate::plain::{assert_no_escape, history, one_record, piped, text};
use crate::support::*;

fn args(world: &World, extra: &[&str]) -> Vec<OsString> {
    let extra: Vec<&std::ffi::OsStr> = extra.iter().map(std::ffi::OsStr::new).collect();
    world.app_args(&extra)
}

#[test]
fn with_input_ended_the_plain_timer_counts_on_to_its_alarm() {
    let world = World::acknowledged("");
    let out = piped(
        &world,
        &args(&world, &["--plain", "timer", "heat", "--duration", "2s"]),
        "y\n",
        &[],
    );
    assert!(out.status.success(), "{out:?}");
    assert_no_escape(&out.stdout);
    let said = text(&out.stdout);
    for line in [
        "Heat on: 0:02 left, until ",
        "Input ended: the heat/cold timer carries on to its alarm.",
        "! Remove the heat pack now: time is up after 0:02.",
        "Input has ended, so nobody can answer here: take the pack off now.",
    ] {
        assert!(said.contains(line), "{line:?} not in:\n{said}");
    }
    one_record(&world, &["\"kind\":\"therapy\"", "\"planned_secs\":2"]);
    // The pack may still be on: the next start shows the alarm again.
    let running = fs::read_to_string(world.data_dir().join("therapy-running.json")).unwrap();
    assert!(running.contains("\"alarm_rung\": true"), "{running}");
    assert!(text(&out.stderr).contains("take it off now"), "{out:?}");
}

#[test]
fn the_skin_check_needs_y_and_r_takes_the_pack_off() {
    let world = World::acknowledged("");
    let out = piped(
        &world,
        &args(&world, &["--plain", "timer", "cold"]),
        "\ny\nr\n",
        &[],
    );
    assert!(out.status.success(), "{out:?}");
    let said = text(&out.stdout);
    assert!(
        said.contains("Is the ice pack wrapped in a towel?"),
        "{said}"
    );
    assert!(
        said.contains("Answer the question with y to start; Enter does not."),
        "{said}"
    );
    assert!(said.contains("Cold on: 15:00 left"), "{said}");
    assert!(said.contains("Cold ended after 0:0"), "{said}");
    one_record(&world, &["\"ended_early\":true"]);
    assert!(!world.data_dir().join("therapy-running.json").exists());
}

#[test]
fn the_alarm_is_answered_once_it_is_out_in_a_terminal() {
    let world = World::acknowledged("");
    let args = args(&world, &["--plain", "timer", "heat", "--duration", "1s"]);
    let mut tui = Tui::spawn(&args, &world.env(), 80, 24);
    tui.wait_for("Type y to start");
    // An Enter typed before the alarm must not answer it.
    tui.send(b"y\r\r");
    tui.wait_for("Remove the heat pack now");
    std::thread::sleep(Duration::from_millis(300));
    assert!(
        world.data_dir().join("therapy-running.json").exists(),
        "an early Enter took the pack off"
    );
    tui.send(b"\r");
    tui.wait_for("Pack off.");
    let ended = tui.end();
    assert!(ended.status.success(), "{:?}", ended.status);
    assert_no_escape(&ended.raw);
    assert!(!world.data_dir().join("therapy-running.json").exists());
}

fn checklist_len() -> usize {
    let content = backcoach::content::load::load(&backcoach::content::source::builtin()).unwrap();
    content.checklist.len()
}

#[test]
fn the_checklist_then_a_technique_then_home_and_exit() {
    let world = World::acknowledged("");
    let n = checklist_len();
    // One question left unanswered is refused, asked again, answered.
    let mut input = "n\n".repeat(n - 1);
    input.push_str("\nn\n\n1\n\nq\n");
    let out = piped(&world, &args(&world, &["--plain", "release"]), &input, &[]);
    assert!(out.status.success(), "{out:?}");
    assert_no_escape(&out.stdout);
    let said = text(&out.stdout);
    assert!(said.contains(&format!("Question 1 of {n}: ")), "{said}");
    assert!(
        said.contains("Answer every question with y (yes) or n (no) first: 1 left."),
        "{said}"
    );
    assert!(
        said.contains("All your answers were no: the techniques are open until midnight."),
        "{said}"
    );
    assert!(said.contains("  1. [open] "), "{said}");
    assert!(said.contains("! Never chase the pop"), "{said}");
    one_record(&world, &["\"kind\":\"release_used\""]);
    let settings = fs::read_to_string(world.data_dir().join("settings.ron")).unwrap();
    assert!(settings.contains("answers: Some("), "{settings}");
}

#[test]
fn a_yes_keeps_the_techniques_locked_in_plain_mode_too() {
    let world = World::acknowledged("");
    let mut input = "y\n".to_owned();
    input.push_str(&"n\n".repeat(checklist_len() - 1));
    input.push_str("\n1\nq\n");
    let out = piped(&world, &args(&world, &["--plain", "release"]), &input, &[]);
    assert!(out.status.success(), "{out:?}");
    let said = text(&out.stdout);
    assert!(said.contains("  1. [locked] "), "{said}");
    assert!(said.contains("stays locked today"), "{said}");
    assert!(history(&world).is_empty(), "nothing opened");
}

#[test]
fn a_due_stand_up_is_asked_and_answered_in_plain_mode() {
    let world = World::acknowledged(
        r#"reminder: (from: "00:00", until: "24:00", days: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]),"#,
    );
    let since = (Local::now() - TimeDelta::hours(2))
        .fixed_offset()
        .to_rfc3339();
    fs::write(
        world.data_dir().join("reminder.ron"),
        format!("(version: 1, schedule: (since: \"{since}\", snoozed_until: None))"),
    )
    .unwrap();
    let out = piped(&world, &args(&world, &["--plain"]), "d\nq\n", &[]);
    assert!(out.status.success(), "{out:?}");
    assert_no_escape(&out.stdout);
    let said = text(&out.stdout);
    assert!(said.contains("Stand up: Time to stand up"), "{said}");
    assert!(said.contains("What would you like to do?"), "{said}");
    one_record(&world, &["\"kind\":\"standup\"", "\"outcome\":\"done\""]);
}
