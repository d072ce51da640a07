//! The quick reader of history lines accepts only what serde's reader
//! reads, and reads it the same: every record as written, and every
//! damaged copy of one either left to serde's reader or read the same.

use backcoach::content::model::TherapyKind;
use backcoach::domain::record::{Record, StandupOutcome};
use backcoach::domain::session_record::{
    ExerciseOutcome, ExerciseResult, Rating, SessionOutcome, SessionRecord,
};
use backcoach::store::Store;
use backcoach::store::history_fast::read;
use chrono::{DateTime, FixedOffset, TimeZone};
use proptest::prelude::*;
use serde::Deserialize;

/// The line as the store's general reader takes it.
#[derive(Debug, Deserialize)]
struct LineIn {
    version: u32,
    #[serde(default)]
    id: Option<String>,
    #[serde(flatten)]
    record: Record,
}

fn serde_read(line: &[u8]) -> Option<(u32, Option<String>, Record)> {
    let line: LineIn = serde_json::from_slice(line).ok()?;
    Some((line.version, line.id, line.record))
}

pub fn any_date() -> impl Strategy<Value = DateTime<FixedOffset>> {
    (
        -200_000_000i64..40_000_000_000,
        prop_oneof![Just(0u32), 0u32..1_000_000_000],
        -50_000i32..50_000,
    )
        .prop_map(|(secs, nanos, offset)| {
            let offset = FixedOffset::east_opt(offset - offset % 60).unwrap();
            offset.timestamp_opt(secs, nanos).unwrap()
        })
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z_]{1,20}",
        any::<String>(),
        Just("quote \" and \\ back".to_owned())
    ]
}

pub fn any_record() -> impl Strategy<Value = Record> {
    let exercise = (any_text(), 0..4u8, 0..6u8).prop_map(|(exercise, n, r)| ExerciseResult {
        exercise,
        outcome: [
            ExerciseOutcome::Done,
            ExerciseOutcome::Skipped,
            ExerciseOutcome::Stopped,
            ExerciseOutcome::NotReached,
        ][usize::from(n)],
        // Mostly unrated, as most lines are.
        rating: [
            Rating::Easy,
            Rating::AboutRight,
            Rating::Hard,
            Rating::Painful,
        ]
        .get(usize::from(r))
        .copied(),
    });
    let session = (
        any_date(),
        any::<u64>(),
        any_text(),
        proptest::collection::vec(exercise, 0..4),
        proptest::option::of(any::<u8>()),
        proptest::option::of(any::<u8>()),
        0..4u8,
    )
        .prop_map(|(started, secs, routine, exercises, before, after, n)| {
            Record::Session(SessionRecord {
                started,
                duration_secs: secs,
                routine,
                exercises,
                pain_before: before,
                pain_after: after,
                outcome: [
                    SessionOutcome::Completed,
                    SessionOutcome::StoppedForPain,
                    SessionOutcome::Abandoned,
                    SessionOutcome::Skipped,
                ][usize::from(n)],
            })
        });
    let therapy = (
        any_date(),
        any_date(),
        any::<u64>(),
        any::<u64>(),
        any::<bool>(),
        0..3u8,
    )
        .prop_map(
            |(started, ended, planned, actual, early, n)| Record::Therapy {
                mode: [TherapyKind::Heat, TherapyKind::Cold, TherapyKind::Contrast][usize::from(n)],
                planned_secs: planned,
                actual_secs: actual,
                started,
                ended,
                ended_early: early,
            },
        );
    let standup = (any_date(), 0..3u8).prop_map(|(at, n)| Record::Standup {
        at,
        outcome: [
            StandupOutcome::Done,
            StandupOutcome::Snoozed,
            StandupOutcome::Skipped,
        ][usize::from(n)],
    });
    let release = (any_date(), any_text(), any::<bool>()).prop_map(|(at, technique, hurt)| {
        if hurt {
            Record::ReleaseHurt { at, technique }
        } else {
            Record::ReleaseUsed { at, technique }
        }
    });
    let warnings = any_date().prop_map(|at| Record::WarningsReviewed { at });
    prop_oneof![session, therapy, standup, release, warnings]
}

/// The line the store writes for `record` (with a new id).
fn written(record: &Record) -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    store.append(record).unwrap();
    let mut line = std::fs::read(store.history_path()).unwrap();
    line.pop();
    line
}

/// The line earlier releases wrote (no id; keys in any order here).
fn old_line(record: &Record) -> Vec<u8> {
    let mut value = serde_json::to_value(record).unwrap();
    value["version"] = 1.into();
    serde_json::to_vec(&value).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn every_record_as_written_reads_the_same_both_ways(record in any_record()) {
        for line in [written(&record), old_line(&record)] {
            let slow = serde_read(&line).unwrap();
            prop_assert_eq!(&slow.2, &record);
            if let Some(fast) = read(&line) {
                prop_assert_eq!(fast, slow);
            }
        }
        // The usual form (no escapes, whole seconds, no ratings: a rated
        // exercise is left to serde) is always read quickly.
        let simple = |text: &str| text.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
        let plain = matches!(&record, Record::Session(s)
            if simple(&s.routine)
                && s.exercises.iter().all(|e| simple(&e.exercise) && e.rating.is_none()));
        if plain && record.time().timestamp_subsec_nanos() == 0 {
            prop_assert!(read(&written(&record)).is_some());
        }
    }

    #[test]
    fn a_damaged_line_is_read_the_same_or_left_to_serde(
        record in any_record(),
        at in any::<prop::sample::Index>(),
        change in prop_oneof![
            any::<u8>().prop_map(Some),
            Just(None),
        ],
        insert in any::<bool>(),
    ) {
        let mut line = old_line(&record);
        let i = at.index(line.len() + 1);
        match change {
            Some(byte) if insert => line.insert(i, byte),
            Some(byte) if i < line.len() => line[i] = byte,
            _ if i < line.len() => {
                line.remove(i);
            }
            _ => {}
        }
        if let Some(fast) = read(&line) {
            prop_assert_eq!(Some(fast), serde_read(&line), "{}", String::from_utf8_lossy(&line));
        }
    }
}

#[test]
fn the_usual_lines_are_read_quickly() {
    let lines: [&[u8]; 3] = [
        br#"{"version":1,"kind":"standup","at":"2000-01-01T00:00:00+01:00","outcome":"done"}"#,
        br#"{"version":1,"kind":"session","started":"2000-01-01T08:45:00+01:00","duration_secs":243,"routine":"desk_reset","exercises":[{"exercise":"seated_trunk_rotation","outcome":"done"}],"pain_before":3,"pain_after":null,"outcome":"completed","id":"00ff"}"#,
        br#"{"version":1,"kind":"therapy","mode":"heat","planned_secs":900,"actual_secs":900,"started":"2000-01-01T11:40:00+01:00","ended":"2000-01-01T11:40:00+01:00","ended_early":false}"#,
    ];
    for line in lines {
        let fast = read(line).unwrap();
        assert_eq!(Some(fast), serde_read(line));
    }
    // Left to serde's reader: white space, an escape, an unknown field.
    for line in [
        &br#"{"version": 1,"kind":"warnings_reviewed","at":"2000-01-01T00:00:00+01:00"}"#[..],
        br#"{"version":1,"kind":"release_used","at":"2000-01-01T00:00:00+01:00","technique":"a\u0041"}"#,
        br#"{"version":1,"kind":"standup","at":"2000-01-01T00:00:00+01:00","outcome":"done","x":1}"#,
    ] {
        assert!(read(line).is_none(), "{}", String::from_utf8_lossy(line));
        assert!(serde_read(line).is_some());
    }
}
