//! Session records in the shared history log: round trip, torn and corrupt
//! lines, two processes appending, file modes, and the bell setting.

use std::fs;
use std::io::Write;
#[cfg(unix)]
use std::os::unix::fs::PermissionsExt;
use std::path::PathBuf;

use backcoach::domain::record::Record;
use backcoach::domain::session_record::{
    ExerciseOutcome, ExerciseResult, SessionOutcome, SessionRecord,
};
use backcoach::store::Store;
use chrono::{DateTime, FixedOffset, Local, TimeZone};

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "backcoach-session-store-{name}-{}",
        std::process::id()
    ));
    let _ = fs::remove_dir_all(&dir);
    dir
}

fn now() -> DateTime<Local> {
    Local.with_ymd_and_hms(2026, 11, 22, 10, 0, 0).unwrap()
}

fn session(n: u64) -> SessionRecord {
    SessionRecord {
        started: FixedOffset::east_opt(3600)
            .unwrap()
            .with_ymd_and_hms(2026, 11, 22, 9, 0, 0)
            .unwrap(),
        duration_secs: n,
        routine: "desk_reset".into(),
        exercises: vec![ExerciseResult {
            exercise: "seated_trunk_rotation".into(),
            outcome: ExerciseOutcome::Done,
            rating: None,
        }],
        pain_before: Some(4),
        pain_after: None,
        outcome: SessionOutcome::Completed,
    }
}

fn durations(store: &Store) -> Vec<u64> {
    store
        .load_sessions(now())
        .unwrap()
        .progress
        .recent
        .iter()
        .map(|r| r.duration_secs)
        .collect()
}

#[test]
fn a_session_record_round_trips_with_its_offset_and_version() {
    let dir = temp_dir("round");
    let store = Store::open(&dir).unwrap();
    store.append(&Record::Session(session(290))).unwrap();
    let text = fs::read_to_string(store.history_path()).unwrap();
    assert_eq!(text.lines().count(), 1);
    assert!(
        text.starts_with("{\"version\":1,\"kind\":\"session\""),
        "{text}"
    );
    assert!(
        text.contains("\"started\":\"2026-11-22T09:00:00+01:00\""),
        "{text}"
    );
    assert!(text.contains("\"outcome\":\"completed\""));
    let loaded = store.load_sessions(now()).unwrap();
    assert_eq!(loaded.progress.recent, vec![session(290)]);
    assert!(loaded.problems.is_empty());
    assert_eq!(loaded.progress.today, now().date_naive());
    // Modes are unix's; on Windows the profile's ACLs guard the folder.
    #[cfg(unix)]
    {
        let mode = |p: &std::path::Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&store.history_path()), 0o600);
        assert_eq!(mode(&dir), 0o700);
    }
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_torn_last_line_is_reported_and_the_next_session_stays_whole() {
    let dir = temp_dir("torn");
    let store = Store::open(&dir).unwrap();
    store.append(&Record::Session(session(1))).unwrap();
    let mut file = fs::OpenOptions::new()
        .append(true)
        .open(store.history_path())
        .unwrap();
    file.write_all(b"{\"version\":1,\"kind\":\"session\",\"started\":\"2026-")
        .unwrap();
    drop(file);
    store.append(&Record::Session(session(3))).unwrap();
    let loaded = store.load_sessions(now()).unwrap();
    assert_eq!(loaded.progress.recent, vec![session(1), session(3)]);
    assert_eq!(loaded.problems.len(), 1);
    assert!(loaded.problem_notice().unwrap().contains("1 history line"));
    assert!(loaded.kept_aside.is_some());
    // Reported once: the bad line was moved aside.
    assert!(store.load_sessions(now()).unwrap().problems.is_empty());
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_corrupt_middle_line_loses_no_other_session() {
    let dir = temp_dir("middle");
    let store = Store::open(&dir).unwrap();
    store.append(&Record::Session(session(1))).unwrap();
    let mut file = fs::OpenOptions::new()
        .append(true)
        .open(store.history_path())
        .unwrap();
    file.write_all(b"{\"version\":1,\"kind\":\"session\",\"duration_secs\":\"x\"}\n")
        .unwrap();
    drop(file);
    store.append(&Record::Session(session(2))).unwrap();
    assert_eq!(durations(&store), vec![1, 2]);
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_session_bell_defaults_on_for_older_settings_and_is_saved() {
    let dir = temp_dir("bell");
    let store = Store::open(&dir).unwrap();
    fs::write(
        dir.join("settings.ron"),
        "(version: 1, disclaimer_acknowledged: None)",
    )
    .unwrap();
    let loaded = store.load_settings(now());
    assert!(loaded.notice.is_none());
    assert!(loaded.settings.session_bell);
    let mut settings = loaded.settings;
    settings.session_bell = false;
    store.save_settings(&settings).unwrap();
    assert!(!store.load_settings(now()).settings.session_bell);
    fs::remove_dir_all(&dir).unwrap();
}
