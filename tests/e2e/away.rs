//! Away credit with fake `tmux` and `loginctl` on PATH: a reminder comes
//! due while the session reports a long idle time; the next key asks
//! "Away N min: count it as a stand-up?" and `y` records a stand-up.

use std::ffi::{OsStr, OsString};
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use chrono::{Local, TimeDelta};

#[allow(clippy::wildcard_imports)]
use crate::support::*;

fn fake(bin: &Path, name: &str, body: &str) {
    fs::create_dir_all(bin).unwrap();
    let script = bin.join(name);
    fs::write(&script, format!("#!/bin/sh\n{body}\n")).unwrap();
    fs::set_permissions(&script, fs::Permissions::from_mode(0o755)).unwrap();
}

/// Away credit on, the reminder active at any hour, due 2 s after start.
fn prepare(world: &World) {
    fs::create_dir_all(world.config_dir()).unwrap();
    fs::write(
        world.config_dir().join("config.ron"),
        r#"(reminder: (active_hours: "00:00-24:00", days: "Mon-Sun", away_credit: true, away_minimum: "5m"))"#,
    )
    .unwrap();
    let since = (Local::now() - TimeDelta::minutes(60) + TimeDelta::seconds(2))
        .fixed_offset()
        .to_rfc3339();
    fs::write(
        world.data_dir().join("reminder.ron"),
        format!("(version: 2, since: \"{since}\")"),
    )
    .unwrap();
}

fn run_with(world: &World, extra_env: &[(&str, Option<OsString>)]) {
    let mut env = world.env();
    for (key, value) in extra_env {
        env.retain(|(k, _)| k != OsStr::new(key));
        env.push(((*key).into(), value.clone()));
    }
    let mut tui = Tui::spawn(&world.app_args(&[]), &env, 80, 24);
    tui.wait_for("Time to stand up");
    // Back at the keyboard: a key asks, once the probe (run when the
    // reminder came due) has answered; a key before that is just a key.
    let question = "Away 15 min: count it as a stand-up? y/n";
    let deadline = std::time::Instant::now() + TIMEOUT;
    while !tui.screen().contains(question) {
        assert!(
            std::time::Instant::now() < deadline,
            "never asked:\n{}",
            tui.screen()
        );
        tui.send(b"x");
        std::thread::sleep(std::time::Duration::from_millis(300));
    }
    tui.send(b"y");
    tui.wait_gone("count it as a stand-up");
    tui.wait_gone("Time to stand up");
    let data = world.data_dir();
    let deadline = std::time::Instant::now() + TIMEOUT;
    while !crate::support::disk::history_text(&data).contains(r#""outcome":"done""#) {
        assert!(std::time::Instant::now() < deadline, "no stand-up recorded");
        std::thread::sleep(POLL);
    }
    tui.send(b"q");
    let ended = tui.end();
    assert!(ended.status.success(), "{:?}", ended.status);
    ended.assert_terminal_restored();
}

fn path_with(bin: &Path) -> OsString {
    let mut path = bin.as_os_str().to_owned();
    path.push(":");
    path.push(std::env::var_os("PATH").unwrap_or_default());
    path
}

#[test]
fn tmux_client_activity_counts_as_time_away() {
    let world = World::acknowledged("");
    prepare(&world);
    let bin = world.path("bin");
    // The probe answers a second late, as on a loaded machine: the time
    // away is still counted to when it answered.
    fake(&bin, "tmux", "sleep 1\necho $(( $(date +%s) - 900 ))");
    run_with(
        &world,
        &[
            ("PATH", Some(path_with(&bin))),
            ("TMUX", Some("/tmp/fake-tmux,1,0".into())),
            ("XDG_SESSION_ID", None),
        ],
    );
}

#[test]
fn logind_idle_hint_counts_as_time_away() {
    let world = World::acknowledged("");
    prepare(&world);
    let bin = world.path("bin");
    fake(
        &bin,
        "loginctl",
        "[ \"$2\" = c7 ] || exit 1\nsleep 1\necho IdleHint=yes\necho IdleSinceHint=$(( ($(date +%s) - 900) * 1000000 ))",
    );
    run_with(
        &world,
        &[
            ("PATH", Some(path_with(&bin))),
            ("TMUX", None),
            ("XDG_SESSION_ID", Some("c7".into())),
        ],
    );
}
