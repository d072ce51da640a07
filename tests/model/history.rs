//! The append-only history log: round trip, torn and corrupt lines, modes,
//! and two processes appending at once.

use std::fs;
use std::io::Write;
#[cfg(unix)]
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use backcoach::store::Store;
use chrono::{Local, TimeZone};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
enum Record {
    Note { n: u32, text: String },
}

/// Any note is in range.
impl backcoach::store::Checked for Record {
    fn problem(&self) -> Option<String> {
        None
    }
}

fn note(n: u32) -> Record {
    Record::Note {
        n,
        text: format!("record {n}"),
    }
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("backcoach-history-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    dir
}

fn load(store: &Store) -> backcoach::store::LoadedHistory<Record> {
    store
        .load_history(Local.with_ymd_and_hms(2026, 11, 22, 10, 0, 0).unwrap())
        .unwrap()
}

#[test]
fn records_round_trip_one_per_line_with_a_version() {
    let dir = temp_dir("roundtrip");
    let store = Store::open(&dir).unwrap();
    assert!(
        load(&store).records.is_empty(),
        "no file yet is an empty history"
    );
    for n in 0..3 {
        store.append(&note(n)).unwrap();
    }
    let text = fs::read_to_string(store.history_path()).unwrap();
    assert_eq!(text.lines().count(), 3);
    assert!(
        text.lines()
            .all(|l| l.starts_with("{\"version\":1,\"kind\":\"note\"")),
        "{text}"
    );
    let loaded = load(&store);
    assert_eq!(loaded.records, vec![note(0), note(1), note(2)]);
    assert!(loaded.problems.is_empty());
    // Modes are unix's; on Windows the profile's ACLs guard the folder.
    #[cfg(unix)]
    {
        let mode = fs::metadata(store.history_path())
            .unwrap()
            .permissions()
            .mode()
            & 0o777;
        assert_eq!(mode, 0o600);
    }
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_torn_last_line_is_reported_kept_aside_and_later_records_stay_whole() {
    let dir = temp_dir("torn");
    let store = Store::open(&dir).unwrap();
    store.append(&note(1)).unwrap();
    // A crash in the middle of writing the second record.
    let mut file = fs::OpenOptions::new()
        .append(true)
        .open(store.history_path())
        .unwrap();
    file.write_all(b"{\"version\":1,\"kind\":\"no").unwrap();
    drop(file);
    // Appending after the torn line must not glue onto it.
    store.append(&note(3)).unwrap();
    let loaded = load(&store);
    assert_eq!(loaded.records, vec![note(1), note(3)]);
    assert_eq!(loaded.problems.len(), 1);
    assert!(
        loaded.problems[0].starts_with("line 2:"),
        "{:?}",
        loaded.problems
    );
    let aside = loaded.kept_aside.unwrap();
    assert_eq!(
        fs::read_to_string(&aside).unwrap(),
        "{\"version\":1,\"kind\":\"no\n"
    );
    // Reported once: the log itself is clean now, and nothing was lost.
    let again = load(&store);
    assert!(again.problems.is_empty());
    assert_eq!(again.records, vec![note(1), note(3)]);
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_corrupt_middle_line_does_not_lose_the_others() {
    let dir = temp_dir("middle");
    let store = Store::open(&dir).unwrap();
    store.append(&note(1)).unwrap();
    let mut file = fs::OpenOptions::new()
        .append(true)
        .open(store.history_path())
        .unwrap();
    file.write_all(
        b"garbage \xff here\n{\"version\":9,\"kind\":\"note\",\"n\":2,\"text\":\"x\"}\n",
    )
    .unwrap();
    drop(file);
    store.append(&note(4)).unwrap();
    let loaded = load(&store);
    assert_eq!(loaded.records, vec![note(1), note(4)]);
    assert_eq!(loaded.problems.len(), 2, "{:?}", loaded.problems);
    assert!(loaded.problems[0].starts_with("line 2:"));
    assert!(loaded.problems[1].contains("line 3: record version 9"));
    // Both lines, byte for byte (the bad byte too: no UTF-8 repair).
    let aside = fs::read(loaded.kept_aside.unwrap()).unwrap();
    assert_eq!(
        aside,
        b"garbage \xff here\n{\"version\":9,\"kind\":\"note\",\"n\":2,\"text\":\"x\"}\n"
    );
    fs::remove_dir_all(&dir).unwrap();
}

const WRITER_ENV: &str = "BACKCOACH_TEST_HISTORY_WRITER";
const PER_WRITER: u32 = 300;
/// The child's test name inside this binary (module path without the crate).
const CHILD_TEST: &str = "history::history_writer_child";

/// Not a test of its own: the body of a child process in
/// `two_processes_appending_at_once_lose_nothing`.
#[test]
fn history_writer_child() {
    let Ok(spec) = std::env::var(WRITER_ENV) else {
        return;
    };
    let (dir, base) = spec.split_once('|').unwrap();
    let base: u32 = base.parse().unwrap();
    let store = Store::open(Path::new(dir)).unwrap();
    for n in 0..PER_WRITER {
        store.append(&note(base + n)).unwrap();
    }
}

#[test]
fn two_processes_appending_at_once_lose_nothing() {
    let dir = temp_dir("concurrent");
    Store::open(&dir).unwrap();
    let me = std::env::current_exe().unwrap();
    let children: Vec<_> = [0u32, 10_000]
        .iter()
        .map(|base| {
            Command::new(&me)
                .args(["--exact", CHILD_TEST, "--test-threads=1"])
                .env(WRITER_ENV, format!("{}|{base}", dir.display()))
                .stdout(Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    for mut child in children {
        assert!(child.wait().unwrap().success());
    }
    let store = Store::open(&dir).unwrap();
    let loaded = load(&store);
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let mut seen: Vec<u32> = loaded
        .records
        .iter()
        .map(|Record::Note { n, .. }| *n)
        .collect();
    assert_eq!(seen.len(), 2 * PER_WRITER as usize);
    // Each writer's records stay in its own order.
    let first: Vec<u32> = seen.iter().copied().filter(|n| *n < 10_000).collect();
    assert!(first.windows(2).all(|w| w[0] < w[1]));
    seen.sort_unstable();
    seen.dedup();
    assert_eq!(seen.len(), 2 * PER_WRITER as usize);
    fs::remove_dir_all(&dir).unwrap();
}
