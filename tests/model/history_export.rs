//! `backcoach history` for every kind of record, in every format: the
//! table in local time with names from the content, CSV to the second
//! with each record's own offset, JSON that reads back; dates filter by
//! each record's own local date; one heat/cold application prints once.

use backcoach::cli::history_print::{Options, render};
use backcoach::cli::{HistoryFormat, HistoryKind};
use backcoach::content::catalog::Content;
use backcoach::content::model::TherapyKind;
use backcoach::content::{load, source};
use backcoach::domain::record::{Record, StandupOutcome};
use backcoach::domain::session_record::{
    ExerciseOutcome, ExerciseResult, SessionOutcome, SessionRecord,
};
use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone};

fn at(day: u32, hour: u32) -> DateTime<FixedOffset> {
    FixedOffset::east_opt(3600)
        .unwrap()
        .with_ymd_and_hms(2026, 11, day, hour, 0, 0)
        .unwrap()
}

/// One record of each kind, oldest first (the heat application logged
/// twice, as a kill between the append and the clear could leave it).
fn records() -> Vec<Record> {
    let heat = Record::Therapy {
        mode: TherapyKind::Heat,
        planned_secs: 900,
        actual_secs: 600,
        started: at(2, 9),
        ended: at(2, 9) + chrono::Duration::minutes(10),
        ended_early: true,
    };
    vec![
        Record::Session(SessionRecord {
            started: at(1, 9),
            duration_secs: 290,
            routine: "desk_reset".into(),
            exercises: vec![ExerciseResult {
                exercise: "seated_trunk_rotation".into(),
                outcome: ExerciseOutcome::Done,
                rating: None,
            }],
            pain_before: Some(4),
            pain_after: Some(2),
            outcome: SessionOutcome::Completed,
        }),
        heat.clone(),
        heat,
        Record::Standup {
            at: at(3, 10),
            outcome: StandupOutcome::Snoozed,
        },
        Record::ReleaseUsed {
            at: at(4, 11),
            technique: "seated_floor_twist".into(),
        },
        Record::ReleaseHurt {
            at: at(4, 12),
            technique: "seated_floor_twist".into(),
        },
        Record::WarningsReviewed { at: at(5, 8) },
    ]
}

fn content() -> Content {
    load::load(&source::builtin()).unwrap()
}

fn print(kind: HistoryKind, format: HistoryFormat, content: Option<&Content>) -> String {
    let options = Options {
        format,
        kind,
        since: None,
        until: None,
        // The table shows times in the user's zone: here UTC+2.
        zone: FixedOffset::east_opt(7200).unwrap(),
    };
    render(&records(), options, content).unwrap()
}

#[test]
fn every_kind_prints_as_a_table_with_local_times_and_names() {
    let content = content();
    let table = |kind| print(kind, HistoryFormat::Table, Some(&content));
    let sessions = table(HistoryKind::Sessions);
    assert_eq!(sessions.lines().count(), 2, "{sessions}");
    assert!(
        sessions.contains("2026-11-01 10:00  Desk reset"),
        "{sessions}"
    );
    assert!(sessions.contains("4→2"), "{sessions}");
    let therapy = table(HistoryKind::Therapy);
    assert_eq!(therapy.lines().count(), 2, "one application: {therapy}");
    assert!(therapy.contains("2026-11-02 10:00  Heat"), "{therapy}");
    assert!(
        therapy.contains("10:00    15:00  pack off early"),
        "{therapy}"
    );
    let standups = table(HistoryKind::Standups);
    assert!(standups.contains("2026-11-03 11:00  snoozed"), "{standups}");
    assert_eq!(standups.lines().count(), 2, "{standups}");
    let release = table(HistoryKind::Release);
    assert_eq!(release.lines().count(), 4, "{release}");
    assert!(
        release.contains("2026-11-04 12:00  self-release    Seated floor twist"),
        "{release}"
    );
    assert!(
        release.contains("2026-11-04 13:00  it hurt         Seated floor twist"),
        "{release}"
    );
    assert!(
        release.contains("2026-11-05 09:00  warnings read"),
        "{release}"
    );
    let all = table(HistoryKind::All);
    assert_eq!(all.lines().count(), 7, "{all}");
    assert!(
        all.contains("session        Desk reset · completed"),
        "{all}"
    );
    assert!(
        all.contains("heat/cold      Heat · 10:00 of 15:00 · pack off early"),
        "{all}"
    );
    // Without content, the ids.
    let bare = print(HistoryKind::Sessions, HistoryFormat::Table, None);
    assert!(bare.contains("desk_reset"), "{bare}");
}

#[test]
fn every_kind_prints_as_csv_to_the_second_with_its_offset() {
    let csv = |kind| print(kind, HistoryFormat::Csv, None);
    assert_eq!(
        csv(HistoryKind::Therapy),
        "started,ended,mode,planned_secs,actual_secs,ended_early\n\
         2026-11-02T09:00:00+01:00,2026-11-02T09:10:00+01:00,heat,900,600,true\n"
    );
    assert_eq!(
        csv(HistoryKind::Standups),
        "at,outcome\n2026-11-03T10:00:00+01:00,snoozed\n"
    );
    assert_eq!(
        csv(HistoryKind::Release),
        "at,event,technique\n\
         2026-11-04T11:00:00+01:00,used,seated_floor_twist\n\
         2026-11-04T12:00:00+01:00,hurt,seated_floor_twist\n\
         2026-11-05T08:00:00+01:00,warnings_reviewed,\n"
    );
    let all = csv(HistoryKind::All);
    let lines: Vec<&str> = all.lines().collect();
    assert_eq!(lines.len(), 7, "{all}");
    let columns = lines[0].split(',').count();
    assert!(
        lines.iter().all(|l| l.split(',').count() == columns),
        "{all}"
    );
    assert_eq!(
        lines[1],
        "session,2026-11-01T09:00:00+01:00,,desk_reset,completed,290,,1,1,0,4,2"
    );
    assert_eq!(
        lines[2],
        "therapy,2026-11-02T09:00:00+01:00,2026-11-02T09:10:00+01:00,heat,ended early,600,900,,,,,"
    );
    assert_eq!(
        lines[3],
        "standup,2026-11-03T10:00:00+01:00,,,snoozed,,,,,,,"
    );
}

#[test]
fn every_kind_prints_as_json_that_reads_back() {
    let wanted = records();
    for (kind, count) in [
        (HistoryKind::Sessions, 1),
        (HistoryKind::Therapy, 1),
        (HistoryKind::Standups, 1),
        (HistoryKind::Release, 3),
        (HistoryKind::All, 6),
    ] {
        let json = print(kind, HistoryFormat::Json, None);
        let back: Vec<Record> = serde_json::from_str(&json).unwrap();
        assert_eq!(back.len(), count, "{kind:?}: {json}");
        assert!(back.iter().all(|r| wanted.contains(r)), "{kind:?}");
    }
    assert_eq!(
        print(HistoryKind::Standups, HistoryFormat::Json, None),
        "[\n{\"kind\":\"standup\",\"at\":\"2026-11-03T10:00:00+01:00\",\"outcome\":\"snoozed\"}\n]\n"
    );
}

#[test]
fn since_and_until_keep_the_days_between_by_each_records_own_date() {
    let options = Options {
        format: HistoryFormat::Csv,
        kind: HistoryKind::All,
        since: NaiveDate::from_ymd_opt(2026, 11, 2),
        until: NaiveDate::from_ymd_opt(2026, 11, 4),
        zone: FixedOffset::east_opt(0).unwrap(),
    };
    let csv = render(&records(), options, None).unwrap();
    let kinds: Vec<&str> = csv
        .lines()
        .skip(1)
        .map(|l| l.split(',').next().unwrap())
        .collect();
    assert_eq!(
        kinds,
        ["therapy", "standup", "release_used", "release_hurt"]
    );
}

#[test]
fn nothing_to_print_says_so_in_a_table_and_stays_valid_elsewhere() {
    let none = |format| {
        let options = Options {
            format,
            kind: HistoryKind::Standups,
            since: NaiveDate::from_ymd_opt(2030, 1, 1),
            until: None,
            zone: FixedOffset::east_opt(0).unwrap(),
        };
        render(&records(), options, None).unwrap()
    };
    assert_eq!(none(HistoryFormat::Table), "no stand-up answers\n");
    assert_eq!(none(HistoryFormat::Csv), "at,outcome\n");
    assert_eq!(none(HistoryFormat::Json), "[\n]\n");
    let empty: Vec<Record> = serde_json::from_str(&none(HistoryFormat::Json)).unwrap();
    assert!(empty.is_empty());
}
