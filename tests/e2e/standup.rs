//! `backcoach standup done|snooze|skip` from the shell: the same record and
//! schedule change as the overlay, the next due time printed, and an open
//! app that sees the answer at its next key.

use std::fs;
use std::process::Output;

use backcoach::store::Store;
use chrono::{Local, TimeDelta};

#[allow(clippy::wildcard_imports)]
use crate::support::*;

/// State and a schedule whose interval started `ago` before now; the
/// reminder active at any hour of any day.
fn prepare(world: &World, ago: TimeDelta) {
    fs::create_dir_all(world.config_dir()).unwrap();
    fs::write(
        world.config_dir().join("config.ron"),
        "(reminder: (active_hours: \"00:00-24:00\", days: \"Mon-Sun\"))",
    )
    .unwrap();
    let since = (Local::now() - ago).fixed_offset().to_rfc3339();
    fs::write(
        world.data_dir().join("reminder.ron"),
        format!("(version: 2, since: \"{since}\")"),
    )
    .unwrap();
}

fn run(world: &World, extra: &[&str]) -> Output {
    world.run_in_data(extra)
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

#[test]
fn each_answer_is_recorded_and_says_when_the_next_one_is_due() {
    let world = World::acknowledged("");
    prepare(&world, TimeDelta::minutes(70));
    let out = run(&world, &["standup", "snooze"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(
        stdout(&out).starts_with("Snoozed; next stand-up ")
            && stdout(&out).ends_with("(in 5 min).\n"),
        "{out:?}"
    );
    let store = Store::open(&world.data_dir()).unwrap();
    assert!(
        store
            .peek_schedule()
            .unwrap()
            .unwrap()
            .snoozed_until
            .is_some()
    );

    let out = run(&world, &["standup", "done"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(
        stdout(&out).starts_with("Stood up; next stand-up "),
        "{out:?}"
    );
    assert!(stdout(&out).ends_with("(in 1 h).\n"), "{out:?}");
    let schedule = store.peek_schedule().unwrap().unwrap();
    assert_eq!(schedule.snoozed_until, None);
    assert!(Local::now().fixed_offset() - schedule.since < TimeDelta::minutes(1));

    let out = run(&world, &["standup", "skip"]);
    assert!(
        stdout(&out).starts_with("Skipped; next stand-up "),
        "{out:?}"
    );
    let log = crate::support::disk::history_text(&world.data_dir());
    for outcome in ["snoozed", "done", "skipped"] {
        assert!(log.contains(&format!(r#""outcome":"{outcome}""#)), "{log}");
    }
}

#[test]
fn a_reminder_that_is_off_or_a_bad_answer_is_refused() {
    let world = World::acknowledged("");
    fs::create_dir_all(world.config_dir()).unwrap();
    fs::write(
        world.config_dir().join("config.ron"),
        "(reminder: (enabled: false))",
    )
    .unwrap();
    let out = run(&world, &["standup", "done"]);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("reminder is off"));
    let out = run(&world, &["standup", "later"]);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
}

#[test]
fn an_open_app_sees_an_answer_given_in_the_shell() {
    let world = World::acknowledged("");
    prepare(&world, TimeDelta::minutes(61));
    let mut tui = world.spawn(&[], 80, 24);
    tui.wait_for("Time to stand up");
    let out = run(&world, &["standup", "done"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    // The next key finds the new schedule first: the overlay goes.
    tui.send(b"j");
    tui.wait_gone("Time to stand up");
    tui.wait_for(HOME_TITLE);
    // Preferences changed elsewhere are taken too.
    let out = run(&world, &["config", "set", "reminder.every", "2h"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    open_home_entry(&mut tui, backcoach::app::HomeEntry::Reminder);
    tui.wait_for("120 min");
    // The stand-up recorded in the shell counts in the open app's day.
    tui.wait_for("Stood up once today.");
    tui.send(ESC);
    tui.wait_for(HOME_TITLE);
    tui.send(b"q");
    let ended = tui.end();
    assert!(ended.status.success(), "{:?}", ended.status);
}
