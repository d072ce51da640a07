//! One history log per machine: merged by time on read, a record in two
//! files counted once, another machine's log never rewritten, and the
//! recent window read backwards finding what a full read finds.

use std::fs;
use std::path::Path;

use backcoach::domain::record::{Record, StandupOutcome};
use backcoach::store::Store;
use chrono::{DateTime, Duration, FixedOffset, Local, TimeZone};
use proptest::prelude::*;

fn now() -> DateTime<Local> {
    Local.with_ymd_and_hms(2026, 11, 22, 10, 0, 0).unwrap()
}

/// A stand-up answered `minutes` after 2026-11-01 00:00 (+01:00).
fn standup(minutes: i64) -> Record {
    let base = FixedOffset::east_opt(3600)
        .unwrap()
        .with_ymd_and_hms(2026, 11, 1, 0, 0, 0)
        .unwrap();
    Record::Standup {
        at: base + Duration::minutes(minutes),
        outcome: StandupOutcome::Done,
    }
}

/// The line earlier releases wrote for `record` (no id).
fn old_line(record: &Record) -> String {
    let mut value = serde_json::to_value(record).unwrap();
    value["version"] = 1.into();
    format!("{}\n", serde_json::to_string(&value).unwrap())
}

fn minutes(records: &[Record]) -> Vec<i64> {
    let base = standup(0).time();
    records
        .iter()
        .map(|r| (r.time() - base).num_minutes())
        .collect()
}

fn write_log(path: &Path, records: &[Record]) {
    let text: String = records.iter().map(old_line).collect();
    fs::write(path, text).unwrap();
}

#[test]
fn two_machines_logs_are_merged_by_time() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    for n in [0, 20, 40] {
        store.append(&standup(n)).unwrap();
    }
    let other = store.history_folder().join("desktop-a1b2c3.jsonl");
    write_log(&other, &[standup(10), standup(30), standup(50)]);
    let loaded = store.load_history::<Record>(now()).unwrap();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(minutes(&loaded.records), [0, 10, 20, 30, 40, 50]);
    let since = standup(15).time();
    let recent = store.load_recent::<Record>(since, now()).unwrap();
    assert_eq!(minutes(&recent.records), [20, 30, 40, 50]);
    // This machine wrote only to its own log.
    let own = fs::read_to_string(store.history_path()).unwrap();
    assert_eq!(own.lines().count(), 3);
    assert!(own.lines().all(|l| l.contains("\"id\":\"")), "{own}");
}

#[test]
fn a_log_that_appears_twice_counts_once() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    for n in [0, 20] {
        store.append(&standup(n)).unwrap();
    }
    let other = store.history_folder().join("desktop-a1b2c3.jsonl");
    write_log(&other, &[standup(10), standup(30)]);
    // Sync conflict copies: one of each log, and an older, shorter copy.
    let folder = store.history_folder();
    fs::copy(
        store.history_path(),
        folder.join("laptop.sync-conflict-20261122-1.jsonl"),
    )
    .unwrap();
    fs::copy(
        &other,
        folder.join("desktop-a1b2c3 (conflicted copy).jsonl"),
    )
    .unwrap();
    write_log(&folder.join("desktop-old.jsonl"), &[standup(10)]);
    let loaded = store.load_history::<Record>(now()).unwrap();
    assert_eq!(minutes(&loaded.records), [0, 10, 20, 30]);
    let recent = store
        .load_recent::<Record>(standup(0).time(), now())
        .unwrap();
    assert_eq!(minutes(&recent.records), [0, 10, 20, 30]);
}

#[test]
fn a_record_twice_in_one_old_log_still_counts_twice() {
    // Earlier releases could log one thing twice in a second; only a copy
    // of a whole file is a duplicate.
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    write_log(&store.history_path(), &[standup(5), standup(5), standup(6)]);
    let copy = store.history_folder().join("copy.jsonl");
    fs::copy(store.history_path(), &copy).unwrap();
    let loaded = store.load_history::<Record>(now()).unwrap();
    assert_eq!(minutes(&loaded.records), [5, 5, 6]);
}

#[test]
fn another_machines_bad_lines_are_reported_never_rewritten() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    store.append(&standup(0)).unwrap();
    let other = store.history_folder().join("desktop-a1b2c3.jsonl");
    // A bad line, then a last line still being synced (no line end yet).
    let text = format!(
        "{}garbage\n{}{{\"version\":1,",
        old_line(&standup(10)),
        old_line(&standup(20))
    );
    fs::write(&other, &text).unwrap();
    let loaded = store.load_history::<Record>(now()).unwrap();
    assert_eq!(minutes(&loaded.records), [0, 10, 20]);
    assert_eq!(loaded.problems.len(), 1, "{:?}", loaded.problems);
    assert!(
        loaded.problems[0].starts_with("desktop-a1b2c3.jsonl line 2:"),
        "{:?}",
        loaded.problems
    );
    assert!(loaded.kept_aside.is_none());
    let notice = loaded.notice().unwrap();
    assert!(notice.contains("another machine's log"), "{notice}");
    assert_eq!(fs::read_to_string(&other).unwrap(), text);
}

/// A log long enough to be looked at in pieces and read in many
/// stretches on the reader threads: its parts still merge in time order
/// with another machine's, every record comes once, and a bad line far
/// in is reported by its own number.
#[test]
fn a_long_log_read_in_stretches_merges_and_numbers_its_lines() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    // 60,000 records (over 4 MB): minutes 0, 2, 4, ... with the clock set
    // back 30,000 minutes at record 30,000, and a bad line as line 41,000.
    let mut text = String::new();
    let mut wanted = Vec::new();
    for n in 0..60_000i64 {
        if n == 40_999 {
            text.push_str("garbage\n");
        }
        let minute = if n < 30_000 { 2 * n } else { 2 * n - 30_000 };
        text.push_str(&old_line(&standup(minute)));
        wanted.push(minute);
    }
    assert!(text.len() > 4 * 1024 * 1024);
    let other = store.history_folder().join("desktop-a1b2c3.jsonl");
    fs::write(&other, &text).unwrap();
    // Odd minutes from this machine, every 1,000th.
    for minute in (1..120_000).step_by(1_000) {
        store.append(&standup(minute)).unwrap();
        wanted.push(minute);
    }
    wanted.sort_unstable();
    let loaded = store.load_history::<Record>(now()).unwrap();
    assert_eq!(minutes(&loaded.records), wanted);
    assert_eq!(loaded.problems.len(), 1, "{:?}", loaded.problems);
    assert!(
        loaded.problems[0].starts_with("desktop-a1b2c3.jsonl line 41000:"),
        "{:?}",
        loaded.problems
    );
}

#[test]
fn the_recent_window_reads_on_past_a_clock_set_back() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    // Recent records, then a stretch written with the clock a year back,
    // then recent ones again.
    let mut records = vec![standup(100), standup(110)];
    records.extend((0..300).map(|n| standup(-365 * 24 * 60 + n)));
    records.extend([standup(200), standup(210)]);
    write_log(&store.history_path(), &records);
    let recent = store
        .load_recent::<Record>(standup(50).time(), now())
        .unwrap();
    assert_eq!(minutes(&recent.records), [100, 110, 200, 210]);
}

#[test]
fn a_bad_line_in_the_window_is_reported_by_number_and_set_aside() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let text = format!(
        "{}not json\n{}",
        old_line(&standup(1)),
        old_line(&standup(2))
    );
    fs::write(store.history_path(), text).unwrap();
    let recent = store
        .load_recent::<Record>(standup(0).time(), now())
        .unwrap();
    assert_eq!(minutes(&recent.records), [1, 2]);
    assert_eq!(recent.problems.len(), 1);
    assert!(
        recent.problems[0].starts_with("line 2:"),
        "{:?}",
        recent.problems
    );
    let aside = fs::read_to_string(recent.kept_aside.unwrap()).unwrap();
    assert_eq!(aside, "not json\n");
    let again = store
        .load_recent::<Record>(standup(0).time(), now())
        .unwrap();
    assert!(again.problems.is_empty());
}

/// A line of a log: a record some minutes after the one before (mostly
/// later, at times earlier: a clock set back), long padding (so lines
/// cross the 64 KiB blocks read backwards), or a blank.
fn any_line() -> impl Strategy<Value = (i64, Option<String>)> {
    prop_oneof![
        8 => (-20i64..100).prop_map(|step| (step, None)),
        1 => (0usize..70_000).prop_map(|n| (0, Some(format!("#{}\n", "x".repeat(n))))),
        1 => Just((0, Some("  \n".to_owned()))),
    ]
}

fn log_text(lines: &[(i64, Option<String>)]) -> String {
    let mut at = -2000;
    lines
        .iter()
        .map(|(step, text)| {
            at += step;
            text.clone().unwrap_or_else(|| old_line(&standup(at)))
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Read backwards from the end with no window, a log gives what a
    /// full read gives, and a window keeps exactly the records in it.
    #[test]
    fn reading_backwards_finds_what_reading_forwards_finds(
        lines in proptest::collection::vec(any_line(), 0..200),
        torn in any::<bool>(),
        from in -2000i64..8000,
    ) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let mut text = log_text(&lines);
        if torn {
            text.push_str("{\"version\":1,\"kind\"");
        }
        let other = store.history_folder().join("other.jsonl");
        fs::write(&other, &text).unwrap();
        let everything = DateTime::<FixedOffset>::MIN_UTC.fixed_offset();
        let back = store.load_recent::<Record>(everything, now()).unwrap();
        let forth = store.load_history::<Record>(now()).unwrap();
        prop_assert_eq!(&back.records, &forth.records);
        prop_assert_eq!(back.bad_lines, forth.bad_lines);
        let since = standup(from).time();
        let window = store.load_recent::<Record>(since, now()).unwrap();
        let wanted: Vec<Record> =
            forth.records.iter().filter(|r| r.time() >= since).cloned().collect();
        prop_assert_eq!(window.records, wanted);
    }
}

/// Two machines, each with its own data folder whose `history` is a link
/// to one synced folder: each writes only its own log, and each reads
/// both, merged.
#[cfg(unix)]
#[test]
fn two_machines_share_one_history_folder_through_a_link() {
    let root = tempfile::tempdir().unwrap();
    let synced = root.path().join("Sync/backcoach-history");
    fs::create_dir_all(&synced).unwrap();
    let stores: Vec<Store> = ["laptop", "desktop"]
        .iter()
        .map(|name| {
            let data = root.path().join(name);
            fs::create_dir(&data).unwrap();
            std::os::unix::fs::symlink(&synced, data.join("history")).unwrap();
            Store::open(&data).unwrap()
        })
        .collect();
    assert_ne!(stores[0].history_path(), stores[1].history_path());
    for n in 0..4 {
        stores[usize::try_from(n % 2).unwrap()]
            .append(&standup(n * 10))
            .unwrap();
    }
    for store in &stores {
        let loaded = store.load_history::<Record>(now()).unwrap();
        assert_eq!(minutes(&loaded.records), [0, 10, 20, 30]);
        let own = fs::read_to_string(store.history_path()).unwrap();
        assert_eq!(own.lines().count(), 2);
    }
    let logs = fs::read_dir(&synced).unwrap().count();
    assert_eq!(logs, 2);
}

/// A link planted among the logs of a shared folder is not followed: it
/// is reported, and the rest is read.
#[cfg(unix)]
#[test]
fn a_linked_log_in_the_history_folder_is_reported_not_followed() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    store.append(&standup(0)).unwrap();
    let secret = dir.path().join("secret.txt");
    fs::write(&secret, "not a log\n").unwrap();
    std::os::unix::fs::symlink(&secret, store.history_folder().join("planted.jsonl")).unwrap();
    let loaded = store.load_history::<Record>(now()).unwrap();
    assert_eq!(minutes(&loaded.records), [0]);
    assert_eq!(loaded.problems.len(), 1, "{:?}", loaded.problems);
    assert!(
        loaded.problems[0].contains("planted.jsonl: it is a symbolic link"),
        "{:?}",
        loaded.problems
    );
}

/// The latest review of the warnings is found however old, in any log.
#[test]
fn the_latest_warnings_review_is_found_at_any_age() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.last_review().unwrap(), None);
    let review = |minutes: i64| Record::WarningsReviewed {
        at: standup(minutes).time(),
    };
    let mut records = vec![review(-500_000), review(-400_000)];
    records.extend((0..3000).map(standup));
    write_log(&store.history_path(), &records);
    let other = store.history_folder().join("desktop-a1b2c3.jsonl");
    write_log(&other, &[review(-450_000), review(-600_000), standup(4000)]);
    assert_eq!(store.last_review().unwrap(), Some(review(-400_000).time()));
}
