//! Honest outcomes: a session in which no exercise was done is skipped,
//! not completed, and counts for neither the streak nor a week's
//! sessions; old records stay readable and are read honestly.

use std::time::{Duration, Instant};

use backcoach::app::{self, App, Cmd, Intent, Msg, Now, Outcome};
use backcoach::domain::progress::{Progress, per_week, streak};
use backcoach::domain::record::Record;
use backcoach::domain::session_record::{
    ExerciseOutcome, ExerciseResult, SessionOutcome, SessionRecord,
};
use backcoach::store::Store;
use chrono::{FixedOffset, Local, NaiveDate, TimeZone};

use crate::support::model::acknowledged;

fn app() -> App {
    acknowledged(crate::sessions::fixture())
}

fn sessions(cmds: &[Cmd]) -> Vec<SessionRecord> {
    cmds.iter()
        .filter_map(|c| match c {
            Cmd::Append(Record::Session(s)) => Some(s.clone()),
            _ => None,
        })
        .collect()
}

/// Runs the `mini` routine sending `keys`, `step` seconds apart, after
/// the check-in, then skips the check-out; returns the recorded session.
fn run_mini(keys: &[Msg], step: u64) -> SessionRecord {
    let t0 = Instant::now();
    let now = |s: u64| {
        Now::new(
            t0 + Duration::from_secs(s),
            Local.with_ymd_and_hms(2026, 11, 22, 9, 0, 0).unwrap(),
        )
    };
    let mut app = app();
    app::start_routine(&mut app, "mini", now(0)).unwrap();
    let mut all = app::update(&mut app, Intent::Next, now(0));
    for (n, key) in keys.iter().enumerate() {
        all.extend(app::update(&mut app, key.clone(), now(1 + n as u64 * step)));
    }
    all.extend(app::update(&mut app, Intent::Next, now(10_000)));
    let mut found = sessions(&all);
    assert_eq!(found.len(), 1, "{all:?}");
    found.remove(0)
}

#[test]
fn skipping_every_exercise_records_a_skipped_session() {
    let record = run_mini(
        &[
            Intent::Next.into(),
            Intent::Next.into(),
            Intent::Next.into(),
        ],
        1,
    );
    assert_eq!(record.outcome, SessionOutcome::Skipped);
    assert_eq!(record.honest_outcome().label(), "skipped");
    assert_eq!(record.count(ExerciseOutcome::Done), 0);
    assert!(!record.counts());
}

#[test]
fn one_exercise_done_is_a_completed_session() {
    // Ten minutes on, the first exercise's countdowns have all ended; the
    // other two are skipped.
    let record = run_mini(
        &[
            Outcome::Tick.into(),
            Intent::Next.into(),
            Intent::Next.into(),
        ],
        600,
    );
    assert!(record.count(ExerciseOutcome::Done) >= 1, "{record:?}");
    assert_eq!(record.outcome, SessionOutcome::Completed);
    assert!(record.counts());
}

fn on(day: u32, outcome: SessionOutcome, done: bool) -> SessionRecord {
    let exercise = ExerciseResult {
        exercise: "twist".into(),
        outcome: if done {
            ExerciseOutcome::Done
        } else {
            ExerciseOutcome::Skipped
        },
        rating: None,
    };
    SessionRecord {
        started: FixedOffset::east_opt(0)
            .unwrap()
            .with_ymd_and_hms(2026, 11, day, 9, 0, 0)
            .unwrap(),
        duration_secs: 60,
        routine: "mini".into(),
        exercises: vec![exercise],
        pain_before: None,
        pain_after: None,
        outcome,
    }
}

#[test]
fn skipped_sessions_count_for_neither_the_streak_nor_the_week() {
    use SessionOutcome::*;
    let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let records = vec![
        on(19, Completed, true),
        on(20, Skipped, false),
        // Written as completed by an older release, nothing done.
        on(21, Completed, false),
        on(22, Completed, true),
    ];
    assert_eq!(records[2].honest_outcome(), Skipped);
    assert_eq!(streak(&records, today), 1);
    // The 16th-22nd week (Monday the 16th): two sessions count, not four.
    assert_eq!(per_week(&records, today, 1), vec![2]);
    let mut progress = Progress::new(today);
    for r in &records {
        progress.add_session(r.clone());
    }
    assert_eq!(progress.streak(), 1);
    assert_eq!(progress.weeks.last(), Some(&2));
    // Every session is still listed.
    assert_eq!(progress.sessions, 4);
}

#[test]
fn a_skipped_session_round_trips_through_the_log() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let skipped = Record::Session(on(20, SessionOutcome::Skipped, false));
    store.append(&skipped).unwrap();
    let text = crate::support::disk::history_text(dir.path());
    assert!(text.contains(r#""outcome":"skipped""#), "{text}");
    let loaded = store.load_history::<Record>(Local::now()).unwrap();
    assert_eq!(loaded.records, vec![skipped]);
    assert!(loaded.notice().is_none());
}
