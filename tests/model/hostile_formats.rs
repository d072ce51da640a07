//! Property tests, one per format the data folder holds (history line,
//! settings, reminder schedule, running heat/cold file): arbitrary bytes
//! and arbitrary well-formed values never panic, never lose a valid line
//! or value, and what is refused is kept aside byte for byte.

use std::fs;
use std::path::{Path, PathBuf};

use backcoach::content::model::TherapyKind;
use backcoach::domain::record::Record;
use backcoach::domain::reminder::Schedule;
use backcoach::domain::reminder_settings::ReminderSettings;
use backcoach::domain::safety::{Answers, GateState};
use backcoach::domain::session_record::{SessionOutcome, SessionRecord};
use backcoach::domain::therapy::{Running, Segment};
use backcoach::store::therapy::{load_running, take_running};
use backcoach::store::{Settings, Store, in_range};
use chrono::{DateTime, FixedOffset, Local, TimeZone, Utc};
use proptest::prelude::*;

fn now() -> DateTime<Local> {
    Local.with_ymd_and_hms(2026, 11, 22, 10, 0, 0).unwrap()
}

/// Any instant chrono can hold, in any whole-minute offset it allows (the
/// files write RFC 3339, which has no offset seconds).
fn any_date() -> impl Strategy<Value = DateTime<FixedOffset>> {
    let (min, max) = (
        DateTime::<Utc>::MIN_UTC.timestamp() + 86_400,
        DateTime::<Utc>::MAX_UTC.timestamp() - 86_400,
    );
    prop_oneof![min..=max, 0i64..=253_402_214_400]
        .prop_flat_map(|secs| (Just(secs), -1439i32..=1439))
        .prop_map(|(secs, minutes)| {
            let offset = FixedOffset::east_opt(minutes * 60).unwrap();
            DateTime::from_timestamp(secs, 0)
                .unwrap()
                .with_timezone(&offset)
        })
}

/// Text as a file could hold it: plain ids, anything printable, control
/// characters.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z_]{1,12}",
        "\\PC{0,12}",
        "[\\x00-\\x1f\\u{7f}-\\u{9f}\\u{202e}a]{0,6}"
    ]
}

fn any_record() -> impl Strategy<Value = Record> {
    let session = (
        any_date(),
        prop_oneof![0u64..=100_000, any::<u64>()],
        any_text(),
        proptest::option::of(prop_oneof![0u8..=10, any::<u8>()]),
    )
        .prop_map(|(started, duration_secs, routine, pain_before)| {
            Record::Session(SessionRecord {
                started,
                duration_secs,
                routine,
                exercises: Vec::new(),
                pain_before,
                pain_after: None,
                outcome: SessionOutcome::Completed,
            })
        });
    let therapy = (any_date(), prop_oneof![0u64..=1300, any::<u64>()]).prop_map(|(at, secs)| {
        Record::Therapy {
            mode: TherapyKind::Cold,
            planned_secs: secs,
            actual_secs: secs / 2,
            started: at,
            ended: at,
            ended_early: false,
        }
    });
    let used =
        (any_date(), any_text()).prop_map(|(at, technique)| Record::ReleaseUsed { at, technique });
    prop_oneof![session, therapy, used]
}

/// One line of a log: a record (in range or not), bytes, or a blank.
#[derive(Debug, Clone)]
enum Line {
    Record(Record),
    Bytes(Vec<u8>),
    Blank,
}

fn any_line() -> impl Strategy<Value = Line> {
    prop_oneof![
        3 => any_record().prop_map(Line::Record),
        2 => proptest::collection::vec(any::<u8>().prop_filter("one line", |b| *b != b'\n'), 0..40)
            // Starting with `#` keeps it from being a record by chance.
            .prop_map(|mut b| { b.insert(0, b'#'); Line::Bytes(b) }),
        1 => Just(Line::Blank),
    ]
}

fn record_bytes(record: &Record) -> Vec<u8> {
    let mut value = serde_json::to_value(record).unwrap();
    value["version"] = 1.into();
    serde_json::to_vec(&value).unwrap()
}

/// The side copies of `name` in `dir`.
fn copies(dir: &Path, name: &str) -> Vec<PathBuf> {
    let prefix = format!("{name}.corrupt-");
    let mut found: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with(&prefix)
        })
        .collect();
    found.sort();
    found
}

/// Arbitrary bytes in the versioned file `name`: `load` (which gives the
/// notice) never panics, and a refused file is kept aside exactly.
fn bytes_are_read_or_kept(name: &str, bytes: &[u8], load: impl Fn(&Store) -> Option<String>) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    fs::write(dir.path().join(name), bytes).unwrap();
    if load(&store).is_some() {
        let kept = copies(dir.path(), name);
        assert_eq!(kept.len(), 1);
        assert_eq!(fs::read(&kept[0]).unwrap(), bytes);
    } else {
        assert!(copies(dir.path(), name).is_empty());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn history_lines_are_kept_or_set_aside_never_lost(
        lines in proptest::collection::vec(any_line(), 0..12),
        torn: bool,
    ) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let (mut log, mut good, mut good_bytes, mut bad_bytes) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        for line in &lines {
            let bytes = match line {
                Line::Record(r) => record_bytes(r),
                Line::Bytes(b) => b.clone(),
                Line::Blank => b"  ".to_vec(),
            };
            log.extend_from_slice(&bytes);
            log.push(b'\n');
            let whole = [bytes.as_slice(), b"\n"].concat();
            match line {
                Line::Record(r) if r.problem().is_none() => {
                    good.push(r.clone());
                    good_bytes.extend(whole);
                }
                Line::Blank => {}
                _ => bad_bytes.extend(whole),
            }
        }
        if torn && log.last() == Some(&b'\n') {
            log.pop();
        }
        fs::write(store.history_path(), &log).unwrap();
        let loaded = store.load_history::<Record>(now()).unwrap();
        // Read merged by time; records of one instant keep the log's order.
        good.sort_by_key(Record::time);
        prop_assert_eq!(&loaded.records, &good);
        match loaded.kept_aside {
            Some(aside) => prop_assert_eq!(fs::read(aside).unwrap(), bad_bytes),
            None => prop_assert!(bad_bytes.is_empty()),
        }
        prop_assert!(loaded.not_repaired.is_none());
        if !loaded.problems.is_empty() {
            prop_assert_eq!(fs::read(store.history_path()).unwrap(), good_bytes);
        }
        let again = store.load_history::<Record>(now()).unwrap();
        prop_assert!(again.problems.is_empty());
        prop_assert_eq!(again.records, good);
    }

    #[test]
    fn settings_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
        bytes_are_read_or_kept("settings.ron", &bytes, |s| s.load_settings(now()).notice);
    }

    #[test]
    fn schedule_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
        bytes_are_read_or_kept("reminder.ron", &bytes, |s| s.load_schedule(now()).notice);
    }

    #[test]
    fn running_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
        bytes_are_read_or_kept("therapy-running.json", &bytes, |s| take_running(s, now()).notice);
    }

    #[test]
    fn any_settings_value_round_trips_or_is_refused(
        acknowledged in proptest::option::of(any_date()),
        hurt in proptest::option::of(any_date()),
        answered in any_date(),
        id in any_text(),
    ) {
        let settings = Settings {
            disclaimer_acknowledged: acknowledged.map(|at| at.with_timezone(&Local)),
            safety_gate: GateState {
                answers: Some(Answers { at: answered, yes: vec![id], no: Vec::new() }),
                hurt_at: hurt,
                habit_acknowledged_at: None,
            },
            ..Settings::default()
        };
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        store.save_settings(&settings).unwrap();
        let loaded = store.load_settings(now());
        if in_range::settings(&settings.state()).is_none() {
            prop_assert_eq!(loaded.notice, None);
            prop_assert_eq!(loaded.settings, settings);
        } else {
            prop_assert!(loaded.notice.is_some());
            prop_assert_eq!(copies(dir.path(), "settings.ron").len(), 1);
        }
    }

    #[test]
    fn any_schedule_value_round_trips_or_is_refused_and_never_panics_status(
        since in any_date(),
        snoozed in proptest::option::of(any_date()),
        seen in any_date(),
        anytime: bool,
    ) {
        let schedule = Schedule { since, snoozed_until: snoozed };
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        store.save_schedule(&schedule).unwrap();
        let loaded = store.load_schedule(now());
        if in_range::schedule(&schedule).is_none() {
            prop_assert_eq!(loaded.schedule, Some(schedule));
            // Whatever the schedule holds and whenever it is looked at.
            if in_range::schedule(&Schedule::start(seen)).is_none() {
                let settings = Settings::default();
                let _ = backcoach::status::line(&settings, Some(&schedule), seen);
                let rules = ReminderSettings::default().rules(anytime);
                let _ = schedule.check(&rules, seen, false);
            }
        } else {
            prop_assert_eq!(loaded.schedule, None);
            prop_assert!(loaded.notice.is_some());
        }
    }

    #[test]
    fn any_running_value_round_trips_or_is_refused_and_never_panics_status(
        started in any_date(),
        planned_secs in any::<u64>(),
        segments in proptest::collection::vec(prop_oneof![1u64..=1200, any::<u64>()], 0..4),
        seen in any_date(),
    ) {
        let running = Running {
            mode: TherapyKind::Contrast,
            started,
            planned_secs,
            pattern: segments
                .iter()
                .map(|secs| Segment { kind: TherapyKind::Heat, secs: *secs })
                .collect(),
            logged: false,
            boot: None,
            alarm_rung: false,
        };
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        store.save_running(&running).unwrap();
        if in_range::running(&running).is_none() {
            prop_assert_eq!(load_running(&store).unwrap(), Some(running.clone()));
            let _ = running.status_at(&seen, None);
        } else {
            prop_assert!(load_running(&store).is_err());
            prop_assert!(take_running(&store, now()).notice.is_some());
        }
    }
}
