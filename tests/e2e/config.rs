//! `backcoach config` and `config set`: every key with its value and
//! source, values checked with one-line refusals (exit 2), a bad file
//! reported at its line and never written over, the move out of an older
//! `settings.ron`, and `--config` / `BACKCOACH_CONFIG_DIR`.

use std::ffi::OsStr;
use std::fs;
use std::process::Output;

#[allow(clippy::wildcard_imports)]
use crate::support::*;

fn run(world: &World, extra: &[&str]) -> Output {
    world.run_in_data(extra)
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).unwrap()
}

/// The row of `key` in `backcoach config`, split into its columns.
fn row(listing: &str, key: &str) -> Vec<String> {
    listing
        .lines()
        .find(|line| line.split_whitespace().next() == Some(key))
        .unwrap_or_else(|| panic!("{key} missing from {listing}"))
        .split_whitespace()
        .map(str::to_owned)
        .collect()
}

#[test]
fn set_checks_and_writes_and_config_lists_every_key_with_its_source() {
    let world = World::new();
    let out = run(&world, &["config", "set", "reminder.every", "45m"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert_eq!(stdout(&out), "reminder.every = 45m\n");
    let out = run(
        &world,
        &[
            "config",
            "set",
            "reminder.active_hours",
            "09:00-12:30,13:30-18:00",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let file = fs::read_to_string(world.config_dir().join("config.ron")).unwrap();
    assert!(file.contains("every: \"45m\""), "{file}");

    let out = run(&world, &["config"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let listing = stdout(&out);
    assert_eq!(
        row(&listing, "reminder.every"),
        ["reminder.every", "45m", "config.ron"]
    );
    assert_eq!(
        row(&listing, "reminder.active_hours"),
        [
            "reminder.active_hours",
            "09:00-12:30,13:30-18:00",
            "config.ron"
        ]
    );
    assert_eq!(
        row(&listing, "reminder.snooze"),
        ["reminder.snooze", "5m", "default"]
    );
    assert_eq!(listing.lines().filter(|l| !l.starts_with('#')).count(), 14);

    // Refused: one line, exit 2, and nothing written.
    for (args, says) in [
        (
            ["config", "set", "reminder.every", "7m"],
            "15 to 180 minutes",
        ),
        (["config", "set", "reminder.every", "45"], "needs a unit"),
        (
            ["config", "set", "reminder.snooze_minutes", "5m"],
            "is not a preference",
        ),
        (["config", "set", "reminder.bell", "maybe"], "true or false"),
        (
            ["config", "set", "reminder.active_hours", "18:00-18:00"],
            "start before it ends",
        ),
    ] {
        let out = run(&world, &args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {out:?}");
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains(says), "{args:?}: {err}");
    }
    assert_eq!(
        fs::read_to_string(world.config_dir().join("config.ron")).unwrap(),
        file
    );
}

#[test]
fn a_bad_file_is_shown_at_its_line_and_never_written_over() {
    let world = World::new();
    fs::create_dir_all(world.config_dir()).unwrap();
    let text = "(\n    version: 1,\n    reminder: (every: \"7m\"),\n)\n";
    fs::write(world.config_dir().join("config.ron"), text).unwrap();
    let out = run(&world, &["config"]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert!(
        stderr(&out).contains("config.ron:3:24: `7m` is out of range"),
        "{out:?}"
    );
    assert_eq!(
        row(&stdout(&out), "reminder.every"),
        ["reminder.every", "60m", "default"]
    );
    let out = run(&world, &["config", "set", "reminder.bell", "false"]);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(stderr(&out).contains("config.ron:3:24:"), "{out:?}");
    assert_eq!(
        fs::read_to_string(world.config_dir().join("config.ron")).unwrap(),
        text
    );
    // The status line still works.
    let out = run(&world, &["status"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
}

#[test]
fn preferences_of_an_older_release_are_moved_and_marked() {
    let world = World::acknowledged("session_bell: false, reminder: (every_minutes: 30),");
    let out = run(&world, &["config"]);
    let listing = stdout(&out);
    assert_eq!(
        row(&listing, "reminder.every"),
        ["reminder.every", "30m", "settings.ron"]
    );
    assert!(
        !world.config_dir().join("config.ron").exists(),
        "reading moves nothing"
    );
    let out = run(&world, &["config", "set", "reminder.bell", "false"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let listing = stdout(&run(&world, &["config"]));
    assert_eq!(
        row(&listing, "reminder.every"),
        ["reminder.every", "30m", "settings.ron-migrated"]
    );
    assert_eq!(
        row(&listing, "session_bell"),
        ["session_bell", "false", "settings.ron-migrated"]
    );
    assert_eq!(
        row(&listing, "reminder.bell"),
        ["reminder.bell", "false", "config.ron"]
    );
    let settings = fs::read_to_string(world.data_dir().join("settings.ron")).unwrap();
    assert!(!settings.contains("every_minutes"), "{settings}");
}

#[test]
fn the_config_folder_can_be_named() {
    let world = World::new();
    let elsewhere = world.path("dotfiles");
    let flag = elsewhere.display().to_string();
    let out = run(
        &world,
        &[
            "--config",
            &flag,
            "config",
            "set",
            "reminder.days",
            "Mon-Fri,Sun",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(elsewhere.join("config.ron").exists());
    assert!(!world.config_dir().join("config.ron").exists());
    let mut cmd = world.command(&[
        OsStr::new("--data-dir"),
        world.data_dir().as_os_str(),
        OsStr::new("config"),
    ]);
    cmd.env("BACKCOACH_CONFIG_DIR", &elsewhere);
    let listing = String::from_utf8(cmd.output().unwrap().stdout).unwrap();
    assert_eq!(
        row(&listing, "reminder.days"),
        ["reminder.days", "Mon,Tue,Wed,Thu,Fri,Sun", "config.ron"]
    );
}
