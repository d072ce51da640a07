//! The quick JSON writer of `history --format json` writes every record
//! byte for byte as serde does (then made safe): ids of any text, times
//! with fractions, leap seconds, any offset, every kind.

use backcoach::cli::HistoryKind;
use backcoach::cli::history_csv::row;
use backcoach::cli::history_digits::{local_parts, push_number};
use backcoach::cli::history_json::{push_record, safe_json};
use backcoach::domain::record::{Record, StandupOutcome};
use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, TimeZone, Timelike};
use proptest::prelude::*;

fn by_serde(record: &Record) -> String {
    safe_json(serde_json::to_string(record).unwrap())
}

fn quick(record: &Record) -> String {
    let mut out = b"left as it was".to_vec();
    push_record(&mut out, record).unwrap();
    String::from_utf8(out).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1024))]

    #[test]
    fn every_record_is_written_as_serde_writes_it(
        record in super::history_fast::any_record(),
    ) {
        prop_assert_eq!(quick(&record), format!("left as it was{}", by_serde(&record)));
    }

    #[test]
    fn a_time_is_split_as_chrono_splits_it(at in super::history_fast::any_date()) {
        let local = at.naive_local();
        let chrono = (
            i64::from(local.year()),
            local.month(),
            local.day(),
            local.hour(),
            local.minute(),
            local.second(),
        );
        prop_assert_eq!(local_parts(&at), chrono);
        // And a CSV row has it to the second with its offset.
        let standup = Record::Standup { at, outcome: StandupOutcome::Done };
        let expected = format!("standup,{},,,done", at.format("%Y-%m-%dT%H:%M:%S%:z"));
        prop_assert!(row(HistoryKind::All, &standup).starts_with(&expected));
    }

    #[test]
    fn a_number_is_written_as_format_writes_it(value in any::<u64>()) {
        let mut out = Vec::new();
        push_number(&mut out, value);
        prop_assert_eq!(String::from_utf8(out).unwrap(), value.to_string());
    }
}

#[test]
fn leap_seconds_and_odd_offsets_are_written_as_serde_writes_them() {
    let leap = NaiveDate::from_ymd_opt(2016, 12, 31)
        .unwrap()
        .and_hms_milli_opt(23, 59, 59, 1_000)
        .unwrap();
    let times: Vec<DateTime<FixedOffset>> = vec![
        FixedOffset::east_opt(0).unwrap().from_utc_datetime(&leap),
        FixedOffset::east_opt(3600)
            .unwrap()
            .from_utc_datetime(&leap),
        FixedOffset::east_opt(-(23 * 3600 + 59 * 60))
            .unwrap()
            .with_ymd_and_hms(2020, 1, 1, 0, 0, 0)
            .unwrap(),
        FixedOffset::east_opt(5 * 3600 + 45 * 60 + 7)
            .unwrap()
            .with_ymd_and_hms(2020, 1, 1, 0, 0, 0)
            .unwrap(),
        FixedOffset::east_opt(-7)
            .unwrap()
            .with_ymd_and_hms(2020, 1, 1, 0, 0, 0)
            .unwrap(),
    ];
    for at in times {
        for record in [
            Record::Standup {
                at,
                outcome: StandupOutcome::Snoozed,
            },
            Record::ReleaseHurt {
                at,
                technique: "a\u{7f}b\u{202e}c\u{85}\"\\".into(),
            },
            Record::WarningsReviewed { at },
        ] {
            assert_eq!(
                quick(&record),
                format!("left as it was{}", by_serde(&record))
            );
        }
    }
}
