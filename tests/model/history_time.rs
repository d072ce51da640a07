//! The quick reader of times in the usual form reads each exactly as
//! chrono does (the reading before it: the same checks by chrono's
//! constructors, then chrono's parser for anything else): every real
//! date, leap years, days that do not exist, hours, minutes and seconds
//! out of range, leap seconds, fractions, odd offsets, `Z`, lower case.

use backcoach::store::history_time::{date, usual};
use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone};
use proptest::prelude::*;

/// How the log's times were read before the quick reader: chrono's
/// constructors for the usual form, chrono's parser for the rest.
fn reference(text: &str) -> Option<DateTime<FixedOffset>> {
    strict(text.as_bytes()).or_else(|| text.parse().ok())
}

fn strict(b: &[u8]) -> Option<DateTime<FixedOffset>> {
    if b.len() != 25 {
        return None;
    }
    let digits = |from: usize, n: usize| -> Option<u32> {
        b[from..from + n].iter().try_fold(0u32, |acc, d| {
            d.is_ascii_digit().then(|| acc * 10 + u32::from(d - b'0'))
        })
    };
    let marks = [
        (4, b'-'),
        (7, b'-'),
        (10, b'T'),
        (13, b':'),
        (16, b':'),
        (22, b':'),
    ];
    if marks.iter().any(|(i, c)| b[*i] != *c) {
        return None;
    }
    let sign = match b[19] {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let (hour, minute, second) = (digits(11, 2)?, digits(14, 2)?, digits(17, 2)?);
    let (off_hours, off_minutes) = (digits(20, 2)?, digits(23, 2)?);
    if hour > 23 || minute > 59 || second > 59 || off_hours > 23 || off_minutes > 59 {
        return None;
    }
    let day = NaiveDate::from_ymd_opt(digits(0, 4)? as i32, digits(5, 2)?, digits(8, 2)?)?;
    let offset = FixedOffset::east_opt(sign * (off_hours * 3600 + off_minutes * 60) as i32)?;
    offset
        .from_local_datetime(&day.and_hms_opt(hour, minute, second)?)
        .single()
}

/// Checks one text both ways, and that the quick reader's instant and
/// offset are the reference's.
fn agrees(text: &str) -> Result<(), TestCaseError> {
    let expected = reference(text);
    let got = date(text);
    prop_assert_eq!(got, expected, "{}", text);
    // Equal instants; the offset too.
    prop_assert_eq!(got.map(|at| *at.offset()), expected.map(|at| *at.offset()));
    if let Some((secs, offset)) = usual(text.as_bytes()) {
        let expected = strict(text.as_bytes());
        prop_assert!(expected.is_some(), "{}", text);
        let expected = expected.unwrap();
        prop_assert_eq!(secs, expected.timestamp(), "{}", text);
        prop_assert_eq!(offset, expected.offset().local_minus_utc(), "{}", text);
    } else {
        prop_assert!(strict(text.as_bytes()).is_none(), "{}", text);
    }
    Ok(())
}

/// A time in the usual form from parts that may be out of range.
fn usual_form() -> impl Strategy<Value = String> {
    (
        prop_oneof![0u32..10_000, 1968u32..2102, Just(0), Just(9999)],
        prop_oneof![1u32..13, 0u32..100],
        prop_oneof![1u32..32, 28u32..32, 0u32..100],
        prop_oneof![0u32..24, 0u32..100],
        prop_oneof![0u32..60, 0u32..100],
        prop_oneof![0u32..60, Just(60), 0u32..100],
        prop_oneof![Just('+'), Just('-'), Just('Z'), Just(' ')],
        prop_oneof![0u32..24, 0u32..100],
        prop_oneof![0u32..60, Just(0), 0u32..100],
    )
        .prop_map(|(y, mo, d, h, mi, s, sign, oh, om)| {
            format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}{sign}{oh:02}:{om:02}")
        })
}

/// Any time chrono writes, in the forms it may be written.
fn written() -> impl Strategy<Value = String> {
    (super::history_fast::any_date(), 0..6u8).prop_map(|(at, form)| match form {
        0 => at.to_rfc3339(),
        1 => at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        2 => at.to_rfc3339_opts(chrono::SecondsFormat::Millis, false),
        3 => at.format("%Y-%m-%dT%H:%M:%S%:z").to_string(),
        4 => at.format("%Y-%m-%dt%H:%M:%S%:z").to_string(),
        _ => at.format("%Y-%m-%d %H:%M:%S%.f%:z").to_string(),
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2048))]

    #[test]
    fn a_time_in_the_usual_form_reads_as_chrono_reads_it(text in usual_form()) {
        agrees(&text)?;
    }

    #[test]
    fn any_time_written_reads_as_chrono_reads_it(text in written()) {
        agrees(&text)?;
    }

    #[test]
    fn a_damaged_time_reads_as_chrono_reads_it(
        text in prop_oneof![usual_form(), written()],
        at in any::<prop::sample::Index>(),
        byte in any::<u8>(),
        insert in any::<bool>(),
    ) {
        let mut bytes = text.into_bytes();
        let i = at.index(bytes.len());
        if insert {
            bytes.insert(i, byte);
        } else {
            bytes[i] = byte;
        }
        if let Ok(text) = String::from_utf8(bytes) {
            agrees(&text)?;
        }
    }
}

#[test]
fn the_edges_read_as_chrono_reads_them() {
    for text in [
        "2026-11-22T09:00:00+01:00",
        "1970-01-01T00:00:00+00:00",
        "1970-01-01T00:00:00-00:00",
        "0000-01-01T00:00:00+23:59",
        "0000-02-29T00:00:00+00:00",
        "9999-12-31T23:59:59-23:59",
        "2000-02-29T12:00:00+05:45",
        "1900-02-29T12:00:00+05:45",
        "2100-02-29T12:00:00+05:45",
        "2023-02-29T12:00:00+01:00",
        "2024-04-31T12:00:00+01:00",
        "2024-04-30T24:00:00+01:00",
        "2024-04-30T23:60:00+01:00",
        "2016-12-31T23:59:60+00:00",
        "2016-12-31T23:59:60Z",
        "2024-04-30T23:59:59+24:00",
        "2024-04-30T23:59:59+01:60",
        "2024-04-30T23:59:59.5+01:00",
        "2024-04-30T23:59:59.123456789+01:00",
        "2024-04-30t23:59:59+01:00",
        "2024-04-30 23:59:59+01:00",
        "2024-13-01T00:00:00+01:00",
        "2024-00-01T00:00:00+01:00",
        "2024-01-00T00:00:00+01:00",
        "2024-01-01T00:00:00+0100",
        "+2024-01-01T00:00:00+01:00",
        "2024-01-01T00:00:00",
        "",
    ] {
        agrees(text).unwrap();
    }
}
