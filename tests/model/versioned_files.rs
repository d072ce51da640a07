//! The versioned files (settings, reminder schedule, running heat/cold
//! session) through the one type that reads, sets aside and writes them:
//! round trips, the version stored the same way in each, bad and newer
//! files kept aside byte for byte, and the files earlier releases wrote.

use std::fs;
use std::path::Path;

use backcoach::content::model::TherapyKind;
use backcoach::domain::reminder::Schedule;
use backcoach::domain::safety::{Answers, GateState};
use backcoach::domain::therapy::{Running, Segment};
use backcoach::store::therapy::{load_running, take_running};
use backcoach::store::{Settings, Store};
use chrono::{DateTime, FixedOffset, Local, TimeDelta, TimeZone};

/// `settings.ron` exactly as the release before the one versioned type
/// wrote it (version a field of the settings).
const SETTINGS_V1: &str = r#"(
    version: 1,
    disclaimer_acknowledged: Some("2026-01-02T03:04:05Z"),
    safety_gate: (
        answers: Some((
            at: "2026-11-23T10:00:00+01:00",
            yes: [
                "a",
            ],
            no: [
                "b",
                "c",
            ],
        )),
        hurt_at: None,
        habit_acknowledged_at: Some("2026-11-23T10:00:00+01:00"),
    ),
    session_bell: false,
    reminder: (
        enabled: true,
        every_minutes: 45,
        from: "09:00",
        until: "18:00",
        days: [
            "Mon",
            "Tue",
            "Wed",
            "Thu",
            "Fri",
        ],
        snooze_minutes: 5,
        bell: true,
        terminal_notification: false,
        desktop_notification: false,
    ),
)"#;

/// `reminder.ron` exactly as that release wrote it (version 1: the
/// schedule nested in a wrapper).
const SCHEDULE_V1: &str = r#"(
    version: 1,
    schedule: (
        since: "2026-11-23T10:00:00+01:00",
        snoozed_until: Some("2026-11-23T10:50:00+01:00"),
    ),
)"#;

/// `therapy-running.json` exactly as that release wrote it (the version
/// beside the session's fields).
const RUNNING_V1: &str = r#"{
  "version": 1,
  "mode": "contrast",
  "started": "2026-11-23T10:00:00+01:00",
  "planned_secs": 900,
  "pattern": [
    {
      "kind": "heat",
      "secs": 180
    },
    {
      "kind": "cold",
      "secs": 60
    }
  ],
  "logged": true
}"#;

/// `SETTINGS_V1` without its preferences: the state this release keeps in
/// `settings.ron` (the preferences are moved to `config.ron`).
fn state_v1() -> String {
    let end = SETTINGS_V1.find("    session_bell").unwrap();
    format!("{})", &SETTINGS_V1[..end])
}

fn when() -> DateTime<Local> {
    Local.with_ymd_and_hms(2026, 11, 22, 8, 30, 0).unwrap()
}

const STAMP: &str = "20261122-083000";

fn at(hour: u32, minute: u32) -> DateTime<FixedOffset> {
    FixedOffset::east_opt(3600)
        .unwrap()
        .with_ymd_and_hms(2026, 11, 23, hour, minute, 0)
        .unwrap()
}

fn settings() -> Settings {
    let mut settings = Settings {
        disclaimer_acknowledged: Some(Local.with_ymd_and_hms(2026, 1, 2, 3, 4, 5).unwrap()),
        safety_gate: GateState {
            answers: Some(Answers {
                at: at(10, 0),
                yes: vec!["a".into()],
                no: vec!["b".into(), "c".into()],
            }),
            hurt_at: None,
            habit_acknowledged_at: Some(at(10, 0)),
        },
        session_bell: false,
        ..Settings::default()
    };
    settings.reminder.every_minutes = 45;
    settings
}

fn schedule() -> Schedule {
    Schedule {
        since: at(10, 0),
        snoozed_until: Some(at(10, 50)),
    }
}

fn running() -> Running {
    Running {
        mode: TherapyKind::Contrast,
        started: at(10, 0),
        planned_secs: 900,
        pattern: vec![
            Segment {
                kind: TherapyKind::Heat,
                secs: 180,
            },
            Segment {
                kind: TherapyKind::Cold,
                secs: 60,
            },
        ],
        logged: true,
        boot: None,
        alarm_rung: false,
    }
}

/// One kind of versioned file, driven through the store's own calls.
struct Kind {
    name: &'static str,
    /// The start of a file of this kind at the current version.
    head: &'static str,
    /// Saves the sample value; the error's message when it cannot.
    save: fn(&Store) -> Result<(), String>,
    /// Loads (setting a bad file aside): whether the sample came back, and
    /// the notice.
    load: fn(&Store) -> (bool, Option<String>),
    /// Reads without changing anything: `Ok(true)` when the sample came
    /// back, `Ok(false)` when there was nothing, or the error's message.
    peek: fn(&Store) -> Result<bool, String>,
}

const KINDS: [Kind; 3] = [
    Kind {
        name: "settings.ron",
        head: "(\n    version: 1,\n",
        save: |store| store.save_settings(&settings()).map_err(|e| e.to_string()),
        load: |store| {
            let loaded = store.load_settings(when());
            (loaded.settings == settings(), loaded.notice)
        },
        peek: |store| {
            store
                .peek_settings()
                .map(|s| s == settings())
                .map_err(|e| e.to_string())
        },
    },
    Kind {
        name: "reminder.ron",
        head: "(\n    version: 2,\n",
        save: |store| store.save_schedule(&schedule()).map_err(|e| e.to_string()),
        load: |store| {
            let loaded = store.load_schedule(when());
            (loaded.schedule == Some(schedule()), loaded.notice)
        },
        peek: |store| {
            store
                .peek_schedule()
                .map(|s| s == Some(schedule()))
                .map_err(|e| e.to_string())
        },
    },
    Kind {
        name: "therapy-running.json",
        head: "{\n  \"version\": 1,\n",
        save: |store| store.save_running(&running()).map_err(|e| e.to_string()),
        load: |store| {
            let loaded = take_running(store, when());
            (loaded.running == Some(running()), loaded.notice)
        },
        peek: |store| {
            load_running(store)
                .map(|r| r == Some(running()))
                .map_err(|e| e.to_string())
        },
    },
];

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn each_kind_round_trips_with_the_version_first() {
    for kind in &KINDS {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        assert_eq!((kind.peek)(&store), Ok(false), "{}", kind.name);
        assert_eq!((kind.load)(&store), (false, None), "{}", kind.name);
        (kind.save)(&store).unwrap();
        let text = fs::read_to_string(dir.path().join(kind.name)).unwrap();
        assert!(text.starts_with(kind.head), "{}: {text}", kind.name);
        assert_eq!(text.matches("version").count(), 1, "{text}");
        assert_eq!((kind.peek)(&store), Ok(true), "{}", kind.name);
        assert_eq!((kind.load)(&store), (true, None), "{}", kind.name);
        // Saved again over itself, nothing else is left behind (beside
        // the history folder, this machine's id, and the preferences,
        // which without a config folder of their own sit here).
        (kind.save)(&store).unwrap();
        let mut expected = vec!["history", "machine.ron", kind.name];
        if kind.name == "settings.ron" {
            expected.push("config.ron");
        }
        expected.sort_unstable();
        assert_eq!(names(dir.path()), expected, "{}", kind.name);
    }
}

#[test]
fn what_the_previous_release_wrote_still_loads() {
    for (kind, text) in KINDS.iter().zip([SETTINGS_V1, SCHEDULE_V1, RUNNING_V1]) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        fs::write(dir.path().join(kind.name), text).unwrap();
        assert_eq!((kind.peek)(&store), Ok(true), "{}", kind.name);
        assert_eq!((kind.load)(&store), (true, None), "{}", kind.name);
        // Loading alone rewrites nothing, but for the one move of the
        // preferences out of the settings.
        let kept = if kind.name == "settings.ron" {
            state_v1()
        } else {
            text.to_owned()
        };
        assert_eq!(
            fs::read_to_string(dir.path().join(kind.name)).unwrap(),
            kept,
            "loading alone rewrites nothing"
        );
        assert_eq!((kind.load)(&store), (true, None), "{}", kind.name);
        assert_eq!(
            fs::read_to_string(dir.path().join(kind.name)).unwrap(),
            kept,
            "the move happens once"
        );
        (kind.save)(&store).unwrap();
        let saved = fs::read_to_string(dir.path().join(kind.name)).unwrap();
        assert!(saved.starts_with(kind.head), "{saved}");
        assert_eq!((kind.load)(&store), (true, None), "{}", kind.name);
    }
}

#[test]
fn settings_and_the_running_file_are_written_as_before() {
    // The same version and the same shape: a release before this one
    // reads what this one writes.
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    store.save_settings(&settings()).unwrap();
    store.save_running(&running()).unwrap();
    // The fixture was written where local time is UTC.
    let local = serde_json::to_string(&settings().disclaimer_acknowledged).unwrap();
    assert_eq!(
        fs::read_to_string(dir.path().join("settings.ron")).unwrap(),
        state_v1().replace("\"2026-01-02T03:04:05Z\"", &local)
    );
    // The preferences that differ from the defaults went to config.ron.
    let config = fs::read_to_string(dir.path().join("config.ron")).unwrap();
    assert!(config.contains("every: \"45m\""), "{config}");
    assert!(config.contains("session_bell: false"), "{config}");
    assert_eq!(
        fs::read_to_string(dir.path().join("therapy-running.json")).unwrap(),
        RUNNING_V1
    );
}

/// Texts no kind can read: broken syntax, not UTF-8, no version, a
/// version written as text, and a right version with a wrong field.
const DAMAGED: [&[u8]; 5] = [
    b"(version: 1, disclaimer_ackn",
    b"(version: 1,\n  \xff\xfe)",
    b"(since: \"2026-11-23T10:00:00+01:00\")",
    b"{\"version\": \"one\"}",
    b"{\"version\": 1, \"mode\": \"lava\", \"since\": 3, \"reminder\": 4}",
];

#[test]
fn a_bad_file_is_kept_aside_byte_for_byte_and_reported() {
    for kind in &KINDS {
        for bytes in DAMAGED {
            let dir = tempfile::tempdir().unwrap();
            let store = Store::open(dir.path()).unwrap();
            let file = dir.path().join(kind.name);
            fs::write(&file, bytes).unwrap();
            let reason = (kind.peek)(&store).unwrap_err();
            assert!(
                reason.contains(&file.display().to_string()),
                "the error names the file: {reason}"
            );
            assert!(file.exists(), "reading alone moves nothing");
            let (found, notice) = (kind.load)(&store);
            assert!(!found);
            let notice = notice.unwrap();
            let aside = dir.path().join(format!("{}.corrupt-{STAMP}", kind.name));
            assert!(
                notice.contains(&format!("it was kept as {}", aside.display())),
                "{notice}"
            );
            assert_eq!(fs::read(&aside).unwrap(), bytes, "{}", kind.name);
            assert!(!file.exists());
            // A fresh save leaves the kept copy alone.
            (kind.save)(&store).unwrap();
            assert_eq!(fs::read(&aside).unwrap(), bytes);
            assert_eq!((kind.load)(&store), (true, None));
        }
    }
}

#[test]
fn a_newer_version_is_kept_aside_not_misread() {
    for kind in &KINDS {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        (kind.save)(&store).unwrap();
        let file = dir.path().join(kind.name);
        let current = fs::read_to_string(&file).unwrap();
        // A later release that kept every field and added one.
        let newer = current
            .replacen("version: 1,", "version: 9, added: 1,", 1)
            .replacen("version: 2,", "version: 9, added: 1,", 1)
            .replacen("\"version\": 1,", "\"version\": 9, \"added\": 1,", 1);
        assert_ne!(newer, current);
        fs::write(&file, &newer).unwrap();
        let reason = (kind.peek)(&store).unwrap_err();
        assert!(
            reason.contains("version 9, which is not one this backcoach reads"),
            "{reason}"
        );
        let (found, notice) = (kind.load)(&store);
        assert!(!found);
        assert!(notice.unwrap().contains("version 9"));
        let aside = dir.path().join(format!("{}.corrupt-{STAMP}", kind.name));
        assert_eq!(fs::read_to_string(aside).unwrap(), newer);
    }
}

#[test]
fn a_second_bad_file_in_the_same_second_gets_its_own_name() {
    for kind in &KINDS {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let file = dir.path().join(kind.name);
        fs::write(&file, "first").unwrap();
        (kind.load)(&store);
        fs::write(&file, "second").unwrap();
        let notice = (kind.load)(&store).1.unwrap();
        let first = dir.path().join(format!("{}.corrupt-{STAMP}", kind.name));
        let second = dir.path().join(format!("{}.corrupt-{STAMP}-2", kind.name));
        assert!(notice.contains(&second.display().to_string()), "{notice}");
        assert_eq!(fs::read_to_string(first).unwrap(), "first");
        assert_eq!(fs::read_to_string(second).unwrap(), "second");
    }
}

#[test]
fn a_file_that_cannot_be_read_is_never_saved_over() {
    for kind in &KINDS {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let file = dir.path().join(kind.name);
        fs::write(&file, "(version: 9)").unwrap();
        let refused = (kind.save)(&store).unwrap_err();
        assert!(refused.starts_with("not saving over"), "{refused}");
        assert_eq!(fs::read_to_string(&file).unwrap(), "(version: 9)");
    }
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    fs::write(dir.path().join("settings.ron"), "(version: 9)").unwrap();
    let err = store.save_settings(&Settings::default()).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "not saving over a file this backcoach cannot read ({} has version 9, which is not one this backcoach reads)",
            dir.path().join("settings.ron").display()
        )
    );
}

#[test]
fn the_notices_say_what_happens_next() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    for (kind, next) in KINDS.iter().zip([
        "Started from default settings.",
        "It starts afresh.",
        "Check your skin and remove any pack now.",
    ]) {
        fs::write(dir.path().join(kind.name), "{").unwrap();
        let notice = (kind.load)(&store).1.unwrap();
        assert!(notice.ends_with(next), "{notice}");
        assert!(notice.contains("could not be read"), "{notice}");
    }
}

#[test]
fn a_schedule_of_version_1_is_rewritten_as_version_2() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    fs::write(dir.path().join("reminder.ron"), SCHEDULE_V1).unwrap();
    let mut schedule = store.load_schedule(when()).schedule.unwrap();
    schedule.restart(at(11, 0) + TimeDelta::minutes(5));
    store.save_schedule(&schedule).unwrap();
    assert_eq!(
        fs::read_to_string(dir.path().join("reminder.ron")).unwrap(),
        "(\n    version: 2,\n    since: \"2026-11-23T11:05:00+01:00\",\n    snoozed_until: None,\n)"
    );
    assert_eq!(store.peek_schedule().unwrap(), Some(schedule));
}
