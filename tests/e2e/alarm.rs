//! End-to-end tests of issue 10, items 1 to 5 and 8: one owner of the
//! alarms, `remind` ringing the heat/cold alarm with the app closed,
//! quitting with a pack on, the alarm at any size, an alert during a
//! guided session, and Enter never starting an application.

use std::ffi::OsStr;
use std::fs;
use std::path::PathBuf;
use std::time::{Duration, Instant};

#[allow(clippy::wildcard_imports)]
use crate::support::*;

const ALERT: &str = "REMOVE THE PACK NOW";
const QUIT_ASK: &str = "Quit with the pack on?";

/// Past the first-run statement, the reminder active at any hour.
fn world() -> World {
    World::acknowledged(
        r#"reminder: (from: "00:00", until: "24:00", days: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]),"#,
    )
}

/// Acknowledges the alert, goes home and quits.
fn acknowledge_and_quit(mut app: Tui) {
    app.send(ENTER);
    app.wait_for("Pack off.");
    app.send(ESC);
    app.wait_for(HOME_TITLE);
    app.send(b"q");
    assert!(app.end().status.success());
}

fn history(world: &World) -> String {
    crate::support::disk::history_text(&world.data_dir())
}

fn running_file(world: &World) -> PathBuf {
    world.data_dir().join("therapy-running.json")
}

fn os(list: &[&'static str]) -> Vec<&'static OsStr> {
    list.iter().map(|s| OsStr::new(*s)).collect()
}

/// The app on `timer heat --duration D`, started with y.
fn heat(world: &World, duration: &'static str, cols: u16, rows: u16) -> Tui {
    let mut tui = world.spawn(&os(&["timer", "heat", "--duration", duration]), cols, rows);
    tui.wait_for("y = yes, start");
    tui.send(b"y");
    tui.wait_for("Heat · on the skin");
    tui
}

/// `backcoach remind` in its own pseudo-terminal.
fn remind(world: &World) -> Tui {
    let args = world.app_args(&os(&["remind", "--every", "1h", "--anytime"]));
    Tui::spawn(&args, &world.env(), 100, 30)
}

fn therapy_records(world: &World) -> usize {
    history(world).matches("\"kind\":\"therapy\"").count()
}

#[test]
fn a_second_full_screen_app_exits_2_before_touching_the_terminal() {
    let world = world();
    let mut first = world.spawn(&[], 80, 24);
    first.wait_for(HOME_TITLE);
    let second = world.spawn(&[], 80, 24);
    let ended = second.end();
    assert_eq!(ended.status.exit_code(), 2, "{:?}", ended.status);
    assert!(
        find_last(&ended.raw, ENTER_ALT_SCREEN).is_none(),
        "the second app switched the screen"
    );
    let text = String::from_utf8_lossy(&ended.raw).into_owned();
    assert!(
        text.contains(&format!("backcoach is already open (pid {})", first.pid())),
        "{text:?}"
    );
    // Read-only commands take no lock.
    let args = world.app_args(&os(&["status"]));
    let refs: Vec<&OsStr> = args.iter().map(|a| a.as_os_str()).collect();
    assert!(world.run(&refs).status.success());
    let args = world.app_args(&os(&["history"]));
    let refs: Vec<&OsStr> = args.iter().map(|a| a.as_os_str()).collect();
    assert!(world.run(&refs).status.success());
    assert!(world.run(&os(&["check"])).status.success());
    first.send(b"q");
    assert!(first.end().status.success());
    // Once it has gone, the next one opens.
    let mut third = world.spawn(&[], 80, 24);
    third.wait_for(HOME_TITLE);
    third.send(b"q");
    assert!(third.end().status.success());
}

#[test]
fn remind_takes_the_alarm_over_when_the_app_closes_and_rings_once() {
    let world = world();
    let mut watcher = remind(&world);
    watcher.wait_for("next stand-up reminder");
    let mut app = heat(&world, "5s", 80, 24);
    // Quitting asks, and says remind will ring.
    app.send(b"\x03");
    app.wait_for(QUIT_ASK);
    app.wait_for("backcoach remind will ring the alarm at");
    app.send(b"y");
    let ended = app.end();
    assert!(ended.status.success());
    let after = String::from_utf8_lossy(&ended.raw).into_owned();
    assert!(
        after.contains("backcoach remind will ring the alarm at"),
        "{after:?}"
    );
    watcher.wait_for("Remove the heat pack now");
    assert!(lock(&watcher.raw).contains(&0x07), "no bell");
    assert_eq!(therapy_records(&world), 1, "{}", history(&world));
    let file = fs::read_to_string(running_file(&world)).unwrap();
    assert!(file.contains("\"alarm_rung\": true"), "{file}");
    // The app opens on the alert (the pack may still be on) without
    // ringing it again, and logs nothing more.
    let mut app = world.spawn(&[], 80, 24);
    app.wait_for(ALERT);
    let start = Instant::now();
    while start.elapsed() < Duration::from_millis(600) {
        std::thread::sleep(POLL);
    }
    let bells = lock(&app.raw).iter().filter(|b| **b == 0x07).count();
    assert_eq!(bells, 0, "rang again");
    acknowledge_and_quit(app);
    assert_eq!(therapy_records(&world), 1);
    assert!(!running_file(&world).exists());
    let rung = String::from_utf8_lossy(&lock(&watcher.raw))
        .matches("Remove the heat pack now")
        .count();
    assert_eq!(rung, 1, "remind rang it more than once");
    // A second remind is refused.
    let args = world.app_args(&os(&["remind", "--once"]));
    let refs: Vec<&OsStr> = args.iter().map(|a| a.as_os_str()).collect();
    let out = world.run(&refs);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!(
            "backcoach remind is already running (pid {})",
            watcher.pid()
        )),
        "{stderr}"
    );
    watcher.send(b"\x03");
    assert_eq!(watcher.wait_exit().exit_code(), 130);
}

#[test]
fn while_the_app_is_open_remind_stays_silent_and_the_app_rings() {
    let world = world();
    let mut watcher = remind(&world);
    watcher.wait_for("next stand-up reminder");
    let mut app = heat(&world, "2s", 80, 24);
    app.wait_for(ALERT);
    assert!(lock(&app.raw).contains(&0x07), "the app did not ring");
    assert_eq!(therapy_records(&world), 1);
    let said = String::from_utf8_lossy(&lock(&watcher.raw)).into_owned();
    assert!(!said.contains("Remove the"), "remind rang too: {said:?}");
    acknowledge_and_quit(app);
    watcher.send(b"\x03");
    watcher.wait_exit();
    assert_eq!(therapy_records(&world), 1);
}

#[test]
fn quitting_with_a_pack_on_and_no_remind_says_nothing_will_ring() {
    let world = world();
    let mut app = heat(&world, "10m", 80, 24);
    // q on Home asks too.
    app.send(ESC);
    app.wait_for(HOME_TITLE);
    app.send(b"q");
    app.wait_for(QUIT_ASK);
    app.wait_for("Nothing will ring the alarm if you quit");
    // Any other key stays.
    app.send(b"r");
    app.wait_gone(QUIT_ASK);
    app.wait_for(HOME_TITLE);
    app.send(b"\x03");
    app.wait_for(QUIT_ASK);
    app.send(b"y");
    let ended = app.end();
    assert!(ended.status.success());
    ended.assert_terminal_restored();
    let after = String::from_utf8_lossy(&ended.raw).into_owned();
    assert!(after.contains("nothing will ring the alarm"), "{after:?}");
    assert!(running_file(&world).exists());
}

#[test]
fn the_alarm_shows_in_a_20x3_pane_and_nothing_acknowledges_it_blind() {
    let world = world();
    let mut app = heat(&world, "4s", 80, 24);
    app.resize(20, 3);
    app.wait_for("heat 0:0");
    app.wait_for("x pack off");
    assert!(!app.screen().contains("Enlarge"));
    // Too narrow to read the alert: Enter there does nothing.
    app.resize(12, 2);
    app.wait_for("REMOVE THE P");
    app.send(ENTER);
    // Still too narrow at 13 columns: whichever of the key and the resize
    // the app takes first, the key meets an alert it cannot show.
    app.resize(13, 2);
    app.wait_for("REMOVE THE PA");
    app.resize(20, 3);
    app.wait_for("REMOVE THE PACK NOW");
    app.wait_for("Enter when it is off");
    assert!(running_file(&world).exists(), "acknowledged blind");
    app.send(ENTER);
    app.wait_for("Enlarge");
    assert!(!running_file(&world).exists());
    app.send(b"\x03");
    app.end().assert_terminal_restored();
}

#[test]
fn an_alert_during_a_guided_session_pauses_it_and_gives_it_back() {
    let world = world();
    let mut app = heat(&world, "6s", 80, 24);
    app.send(ESC);
    app.wait_for(HOME_TITLE);
    open_home_entry(&mut app, backcoach::app::HomeEntry::Session);
    app.wait_for("Desk reset");
    app.send(ENTER);
    app.wait_for("start the session");
    app.send(ENTER);
    app.wait_for("Pain check-in");
    app.send(b"n");
    app.wait_for("Seated trunk rotation");
    app.wait_for(ALERT);
    app.send(ENTER);
    app.wait_for("Paused for the heat/cold alarm: Space resumes");
    app.wait_for("backcoach › Session");
    app.send(b" ");
    app.wait_gone("Paused for the heat/cold alarm");
    app.send(b"\x03");
    assert!(app.end().status.success());
    let log = history(&world);
    assert_eq!(log.matches("\"kind\":\"therapy\"").count(), 1, "{log}");
    assert_eq!(log.matches("\"outcome\":\"abandoned\"").count(), 1, "{log}");
}

#[test]
fn holding_enter_from_home_never_starts_an_application() {
    let world = world();
    let mut app = world.spawn(&[], 80, 24);
    app.wait_for(HOME_TITLE);
    let index = backcoach::app::HomeEntry::ALL
        .iter()
        .position(|e| *e == backcoach::app::HomeEntry::Therapy)
        .unwrap();
    for _ in 0..index {
        app.send(b"j");
    }
    app.wait_for(&format!("▶ {} Heat/cold timer", index + 1));
    app.send(&ENTER.repeat(30));
    app.wait_for("y = yes, start");
    app.wait_for("Enter does not");
    assert!(!running_file(&world).exists());
    assert!(!app.screen().contains("Heat · on the skin"));
    app.send(b"\x03");
    assert!(app.end().status.success());
}
