//! Adopting the single `history.jsonl` of earlier releases as this
//! machine's log: a kill after any step (a link, a copy, a removal) loses
//! nothing and counts nothing twice, whether the next start finishes the
//! job or a reader looks in between.

use std::fs;
use std::path::Path;

use backcoach::domain::record::{Record, StandupOutcome};
use backcoach::store::Store;
use backcoach::store::adopt::{Adoption, Step, apply, next_step};
use chrono::{DateTime, Duration, FixedOffset, Local, TimeZone};

const MACHINE: &str = "laptop-0a1b2c";

fn now() -> DateTime<Local> {
    Local.with_ymd_and_hms(2026, 11, 22, 10, 0, 0).unwrap()
}

fn standup(n: i64) -> Record {
    let base: DateTime<FixedOffset> = FixedOffset::east_opt(3600)
        .unwrap()
        .with_ymd_and_hms(2026, 11, 1, 9, 0, 0)
        .unwrap();
    Record::Standup {
        at: base + Duration::minutes(n),
        outcome: StandupOutcome::Done,
    }
}

fn line(record: &Record) -> String {
    let mut value = serde_json::to_value(record).unwrap();
    value["version"] = 1.into();
    format!("{}\n", serde_json::to_string(&value).unwrap())
}

/// A data folder as an earlier release left it (with this machine's id
/// already made): `records` in `history.jsonl`.
fn old_folder(dir: &Path, records: &[Record]) -> Adoption {
    fs::write(
        dir.join("machine.ron"),
        format!("(version: 1, id: \"{MACHINE}\")\n"),
    )
    .unwrap();
    let text: String = records.iter().map(line).collect();
    fs::write(dir.join("history.jsonl"), text).unwrap();
    fs::create_dir(dir.join("history")).unwrap();
    Adoption {
        old: dir.join("history.jsonl"),
        folder: dir.join("history"),
        machine: MACHINE.to_owned(),
    }
}

/// What a step becomes (a copy in place of a link, as across file
/// systems), or the step itself.
type Swap = fn(Step) -> Step;

/// Runs at most `steps` steps of the adoption, each with `swap` applied
/// (a copy in place of a link, as across file systems); the process is
/// then "killed". The steps it took.
fn steps(adoption: &Adoption, steps: usize, swap: Swap) -> Vec<Step> {
    let mut taken = Vec::new();
    for _ in 0..steps {
        let Some(step) = next_step(adoption).unwrap() else {
            break;
        };
        apply(adoption, swap(step)).unwrap();
        taken.push(swap(step));
    }
    taken
}

fn read_only(dir: &Path) -> Vec<Record> {
    let store = Store::open_to_read(dir).unwrap();
    let loaded = store.load_history::<Record>(now()).unwrap();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    loaded.records
}

fn after_restart(dir: &Path) -> (Store, Vec<Record>) {
    let store = Store::open(dir).unwrap();
    assert!(store.notice().is_none(), "{:?}", store.notice());
    let loaded = store.load_history::<Record>(now()).unwrap();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    (store, loaded.records)
}

#[test]
fn a_kill_after_any_step_of_the_adoption_loses_nothing() {
    let records: Vec<Record> = (0..50).map(standup).collect();
    let ways: [(&str, Swap); 2] = [
        ("link", |step| step),
        (
            "copy",
            |step| if step == Step::Link { Step::Copy } else { step },
        ),
    ];
    for (way, swap) in ways {
        let mut all_steps = Vec::new();
        for kill_after in 0..=3 {
            let dir = tempfile::tempdir().unwrap();
            let adoption = old_folder(dir.path(), &records);
            let taken = steps(&adoption, kill_after, swap);
            // A reader between the kill and the next start counts each
            // record once, wherever it is.
            assert_eq!(read_only(dir.path()), records, "{way} after {taken:?}");
            let (store, read) = after_restart(dir.path());
            assert_eq!(read, records, "{way} after {taken:?}");
            assert!(!adoption.old.exists(), "{way} after {taken:?}");
            let text: String = records.iter().map(line).collect();
            assert_eq!(fs::read_to_string(store.history_path()).unwrap(), text);
            all_steps = taken;
        }
        let wanted = match way {
            "link" => vec![Step::Link, Step::RemoveOld],
            _ => vec![Step::Copy, Step::RemoveOld],
        };
        assert_eq!(all_steps, wanted, "{way}");
    }
}

#[test]
fn a_copy_killed_half_way_is_never_read_and_the_next_start_finishes() {
    let records: Vec<Record> = (0..20).map(standup).collect();
    let dir = tempfile::tempdir().unwrap();
    let adoption = old_folder(dir.path(), &records);
    // What a kill in the middle of the copy leaves: half a temp file.
    let half = &fs::read(&adoption.old).unwrap()[..300];
    let temp = adoption
        .folder
        .join(".adopted.jsonl.tmp-1-0-0123456789abcdef");
    fs::write(&temp, half).unwrap();
    assert_eq!(read_only(dir.path()), records);
    let (_, read) = after_restart(dir.path());
    assert_eq!(read, records);
}

#[test]
fn an_old_log_written_again_after_the_adoption_is_kept_beside() {
    // An earlier release still running wrote a new history.jsonl after
    // this machine's log was made: both are kept, each record once.
    let first: Vec<Record> = (0..10).map(standup).collect();
    let later: Vec<Record> = (10..15).map(standup).collect();
    for kill_after in 0..=3 {
        let dir = tempfile::tempdir().unwrap();
        let adoption = old_folder(dir.path(), &later);
        let own: String = first.iter().map(line).collect();
        fs::write(adoption.target(), own).unwrap();
        let taken = steps(&adoption, kill_after, |step| step);
        let all: Vec<Record> = first.iter().chain(&later).cloned().collect();
        assert_eq!(read_only(dir.path()), all, "after {taken:?}");
        let (_, read) = after_restart(dir.path());
        assert_eq!(read, all, "after {taken:?}");
        assert!(!adoption.old.exists());
        assert!(
            adoption
                .folder
                .join(format!("{MACHINE}-adopted-1.jsonl"))
                .exists()
        );
    }
}

#[cfg(unix)]
#[test]
fn a_linked_old_log_is_never_adopted_nor_followed() {
    let dir = tempfile::tempdir().unwrap();
    let elsewhere = dir.path().join("elsewhere.txt");
    fs::write(&elsewhere, "precious\n").unwrap();
    let data = dir.path().join("data");
    fs::create_dir(&data).unwrap();
    std::os::unix::fs::symlink(&elsewhere, data.join("history.jsonl")).unwrap();
    let store = Store::open(&data).unwrap();
    let notice = store.notice().unwrap();
    assert!(notice.contains("symbolic link"), "{notice}");
    assert!(
        fs::symlink_metadata(data.join("history.jsonl"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let err = store.load_history::<Record>(now()).unwrap_err();
    assert!(err.to_string().contains("is a symbolic link"), "{err}");
    assert_eq!(fs::read_to_string(&elsewhere).unwrap(), "precious\n");
}
