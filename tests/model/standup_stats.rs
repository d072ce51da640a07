//! Stand-up statistics from the history: per day over four weeks, and the
//! snooze and skip rates this week against last, in one pass.

use backcoach::domain::record::{Record, StandupOutcome};
use backcoach::domain::standup_stats::{Answers, DAYS, StandupStats};
use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone};

/// 2026-11-25 is a Wednesday.
fn on(month: u32, day: u32, hour: u32) -> DateTime<FixedOffset> {
    FixedOffset::east_opt(3600)
        .unwrap()
        .with_ymd_and_hms(2026, month, day, hour, 0, 0)
        .unwrap()
}

fn answer(at: DateTime<FixedOffset>, outcome: StandupOutcome) -> Record {
    Record::Standup { at, outcome }
}

#[test]
fn per_day_and_this_week_against_last() {
    use StandupOutcome::{Done, Skipped, Snoozed};
    let today = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
    let mut stats = StandupStats::new(today);
    let records = [
        answer(on(10, 1, 10), Done),  // long ago: not counted
        answer(on(10, 29, 10), Done), // 27 days ago: the first day shown
        answer(on(11, 17, 10), Done), // last week (Tuesday)
        answer(on(11, 18, 10), Snoozed),
        answer(on(11, 23, 10), Done), // this week (Monday)
        answer(on(11, 23, 11), Snoozed),
        answer(on(11, 25, 9), Skipped),
        answer(on(11, 25, 10), Done),
        answer(on(11, 25, 11), Done),
    ];
    for record in &records {
        stats.add(record);
    }
    // Not a stand-up answer: ignored.
    stats.add(&Record::WarningsReviewed { at: on(11, 25, 12) });
    assert_eq!(stats.per_day.len(), DAYS);
    assert_eq!(stats.per_day[0], 1);
    assert_eq!(stats.per_day[DAYS - 1], 2, "today: done only");
    assert_eq!(stats.per_day[DAYS - 3], 1, "Monday");
    assert_eq!(stats.per_day.iter().sum::<u64>(), 5);
    assert_eq!(
        stats.this_week,
        Answers {
            done: 3,
            snoozed: 1,
            skipped: 1
        }
    );
    assert_eq!(stats.this_week.percent(1), Some(20));
    assert_eq!(
        stats.last_week,
        Answers {
            done: 1,
            snoozed: 1,
            skipped: 0
        }
    );
    assert_eq!(stats.last_week.percent(stats.last_week.snoozed), Some(50));
    assert_eq!(Answers::default().percent(0), None);
}
