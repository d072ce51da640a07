//! End-to-end: on the full screen, typing 1 then 0 rates pain 10; the
//! waiting 1 shows until then; and spoken cues that cannot be said are a
//! notice, not an interruption.

use std::ffi::OsString;

use crate::plain::{history, plain_args};
use crate::support::*;

#[test]
fn one_then_zero_on_the_check_in_screen_records_ten() {
    let world = World::acknowledged("");
    let args = plain_args(&world, &["session", "quick"]);
    let mut tui = Tui::spawn(&args, &world.env(), 80, 24);
    tui.wait_for("Pain check-in");
    tui.send(b"1");
    tui.wait_for("1_ … type 0 for 10");
    tui.send(b"0");
    tui.wait_for("Your answer: 10 of 10");
    tui.send(ENTER);
    tui.wait_for("Quick lean");
    tui.send(b"!");
    tui.wait_for("This hurts: when to get help");
    let lines = history(&world);
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(lines[0].contains("\"pain_before\":10"), "{}", lines[0]);
    tui.send(ENTER);
    tui.wait_for("Choose a routine");
    tui.send(ESC);
    tui.wait_for(HOME_TITLE);
    tui.send(b"q");
    assert!(tui.end().status.success());
}

#[test]
fn the_app_says_once_that_spoken_cues_are_unavailable() {
    let world = World::acknowledged("");
    let empty = world.path("empty");
    std::fs::create_dir_all(&empty).unwrap();
    let args = plain_args(&world, &["--speak", "session", "quick"]);
    let mut env = world.env();
    env.push(("PATH".into(), Some(OsString::from(empty))));
    let mut tui = Tui::spawn(&args, &env, 80, 24);
    tui.wait_for("Pain check-in");
    tui.send(b"n");
    tui.wait_for("Spoken cues are unavailable (no speaker found");
    tui.wait_for("Slow march");
    tui.send(ENTER);
    tui.wait_for("Pain check-out");
    tui.send(b"n");
    tui.wait_for("Quick test: completed");
}
