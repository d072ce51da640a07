//! Streak, sessions per week, pain series and the history print-outs.

use backcoach::cli::history_csv::CSV_HEADER;
use backcoach::cli::history_print::{Options, render};
use backcoach::cli::{HistoryFormat, HistoryKind};
use backcoach::domain::progress::{pain_series, per_week, since, streak};
use backcoach::domain::record::Record;
use backcoach::domain::session_record::{SessionOutcome, SessionRecord};
use chrono::{FixedOffset, NaiveDate, TimeZone};

/// `records` printed as `backcoach history` prints sessions, times in UTC.
fn print(records: &[SessionRecord], format: HistoryFormat) -> String {
    let records: Vec<Record> = records.iter().cloned().map(Record::Session).collect();
    let options = Options {
        format,
        kind: HistoryKind::Sessions,
        since: None,
        until: None,
        zone: FixedOffset::east_opt(0).unwrap(),
    };
    render(&records, options, None).unwrap()
}

fn on(day: u32, hour: u32, outcome: SessionOutcome) -> SessionRecord {
    SessionRecord {
        started: FixedOffset::east_opt(0)
            .unwrap()
            .with_ymd_and_hms(2026, 11, day, hour, 0, 0)
            .unwrap(),
        duration_secs: 300,
        routine: "desk_reset".into(),
        exercises: Vec::new(),
        pain_before: Some(u8::try_from(day % 10).unwrap()),
        pain_after: None,
        outcome,
    }
}

fn date(day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, day).unwrap()
}

#[test]
fn the_streak_counts_days_in_a_row_with_a_completed_session() {
    use SessionOutcome::*;
    let records = vec![
        on(15, 9, Completed),
        on(17, 9, Completed),
        on(18, 9, Abandoned),
        on(19, 9, Completed),
        on(20, 8, Completed),
        on(20, 18, Completed),
        on(21, 9, Completed),
    ];
    // 19, 20, 21: the 18th only has an abandoned session.
    assert_eq!(streak(&records, date(21)), 3);
    // Today not done yet: yesterday's streak still stands.
    assert_eq!(streak(&records, date(22)), 3);
    // Two days without: gone.
    assert_eq!(streak(&records, date(23)), 0);
    assert_eq!(streak(&[], date(23)), 0);
    assert_eq!(streak(&[on(22, 9, StoppedForPain)], date(22)), 0);
}

#[test]
fn sessions_are_counted_per_monday_week() {
    use SessionOutcome::*;
    // 2026-11-22 is a Sunday; its week began on Monday the 16th.
    let records = vec![
        on(1, 9, Completed),
        on(9, 9, Completed),
        on(15, 9, Abandoned),
        on(16, 9, Completed),
        on(22, 9, Completed),
    ];
    // The 1st falls in the week of 26 October, outside the last three.
    assert_eq!(per_week(&records, date(22), 3), vec![0, 2, 2]);
    assert_eq!(per_week(&records, date(23), 2), vec![2, 0]);
}

#[test]
fn pain_series_keep_the_last_sessions_and_the_gaps() {
    let records: Vec<_> = (1..=5)
        .map(|d| on(d, 9, SessionOutcome::Completed))
        .collect();
    let (before, after) = pain_series(&records, 3);
    assert_eq!(before, vec![Some(3), Some(4), Some(5)]);
    assert_eq!(after, vec![None, None, None]);
}

#[test]
fn since_keeps_sessions_on_or_after_the_date() {
    let records: Vec<_> = (1..=5)
        .map(|d| on(d, 9, SessionOutcome::Completed))
        .collect();
    assert_eq!(since(&records, Some(date(4))).len(), 2);
    assert_eq!(since(&records, None).len(), 5);
}

#[test]
fn csv_has_a_header_and_one_row_per_session() {
    let mut odd = on(2, 9, SessionOutcome::StoppedForPain);
    odd.routine = "a,\"b\"".into();
    let records = [on(1, 9, SessionOutcome::Completed), odd];
    let csv = print(&records, HistoryFormat::Csv);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], CSV_HEADER);
    assert_eq!(
        lines[1],
        "2026-11-01T09:00:00+00:00,desk_reset,completed,300,0,0,0,1,"
    );
    assert_eq!(
        lines[2],
        "2026-11-02T09:00:00+00:00,\"a,\"\"b\"\"\",stopped for pain,300,0,0,0,2,"
    );
    assert_eq!(lines.len(), 3);
}

#[test]
fn json_is_an_array_of_the_records() {
    let records = [on(1, 9, SessionOutcome::Completed)];
    let json = print(&records, HistoryFormat::Json);
    let back: Vec<SessionRecord> = serde_json::from_str(&json).unwrap();
    assert_eq!(back, records);
    let table = print(&records, HistoryFormat::Table);
    assert!(
        table
            .lines()
            .nth(1)
            .unwrap()
            .starts_with("2026-11-01 09:00")
    );
    assert_eq!(print(&[], HistoryFormat::Table), "no sessions\n");
}

#[test]
fn standups_count_per_local_day_for_the_last_seven_days() {
    let at = |day: u32, hour: u32| {
        chrono::FixedOffset::east_opt(3600)
            .unwrap()
            .with_ymd_and_hms(2026, 11, day, hour, 0, 0)
            .unwrap()
    };
    let times = [
        at(14, 10),
        at(16, 9),
        at(16, 15),
        at(22, 23),
        at(22, 9),
        at(23, 9),
    ];
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    // The window is the 16th to the 22nd: the 14th (8 days back) and the
    // 23rd (after today) fall outside it.
    assert_eq!(
        backcoach::domain::progress::standups_per_day(&times, today, 7),
        vec![2, 0, 0, 0, 0, 0, 2]
    );
}
