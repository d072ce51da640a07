//! The running heat/cold session file and the therapy history records on
//! disk: round trips, private modes, corrupt files kept aside.

use std::fs;
#[cfg(unix)]
use std::os::unix::fs::PermissionsExt;

use backcoach::content::model::TherapyKind;
use backcoach::domain::record::Record;
use backcoach::domain::therapy::{Running, Segment};
use backcoach::store::Store;
use backcoach::store::therapy::{load_running, take_running};
use chrono::{DateTime, Local, TimeZone};
use proptest::prelude::*;

fn when() -> DateTime<Local> {
    Local.with_ymd_and_hms(2026, 11, 22, 8, 30, 0).unwrap()
}

fn sample() -> Running {
    Running {
        mode: TherapyKind::Contrast,
        started: when().fixed_offset(),
        planned_secs: 900,
        pattern: vec![
            Segment {
                kind: TherapyKind::Heat,
                secs: 180,
            },
            Segment {
                kind: TherapyKind::Cold,
                secs: 120,
            },
        ],
        logged: false,
        boot: None,
        alarm_rung: false,
    }
}

#[test]
fn the_running_session_round_trips_privately_and_clears() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(load_running(&store).unwrap(), None);
    store.save_running(&sample()).unwrap();
    // Modes are unix's; on Windows the profile's ACLs guard the folder.
    #[cfg(unix)]
    {
        let mode = fs::metadata(store.running_path())
            .unwrap()
            .permissions()
            .mode()
            & 0o777;
        assert_eq!(mode, 0o600);
    }
    assert_eq!(load_running(&store).unwrap(), Some(sample()));
    let text = fs::read_to_string(store.running_path()).unwrap();
    assert!(text.contains("\"version\": 1"), "{text}");
    store.clear_running().unwrap();
    assert_eq!(load_running(&store).unwrap(), None);
    store.clear_running().unwrap();
}

#[test]
fn a_corrupt_running_file_is_kept_aside_and_reported() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    fs::write(store.running_path(), b"{\"version\": 1, \"mode\": \"lava\"").unwrap();
    assert!(load_running(&store).is_err());
    assert!(
        store.running_path().exists(),
        "reading alone changes nothing"
    );
    let loaded = take_running(&store, when());
    assert_eq!(loaded.running, None);
    let notice = loaded.notice.unwrap();
    assert!(notice.contains("remove any pack"), "{notice}");
    assert!(!store.running_path().exists());
    let aside: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".corrupt-"))
        .collect();
    assert_eq!(aside.len(), 1);
    let kept = fs::read(dir.path().join(&aside[0])).unwrap();
    assert_eq!(kept, b"{\"version\": 1, \"mode\": \"lava\"");
}

#[test]
fn a_running_file_of_another_version_is_not_trusted() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    store.save_running(&sample()).unwrap();
    let text = fs::read_to_string(store.running_path())
        .unwrap()
        .replace("\"version\": 1", "\"version\": 9");
    fs::write(store.running_path(), text).unwrap();
    let err = load_running(&store).unwrap_err();
    assert!(err.to_string().contains("version 9"), "{err}");
}

#[test]
fn therapy_records_go_through_the_shared_log() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let early = Record::Therapy {
        mode: TherapyKind::Heat,
        planned_secs: 900,
        actual_secs: 432,
        started: when().fixed_offset(),
        ended: (when() + chrono::Duration::seconds(432)).fixed_offset(),
        ended_early: true,
    };
    let later = Record::Therapy {
        mode: TherapyKind::Cold,
        planned_secs: 600,
        actual_secs: 600,
        started: (when() + chrono::Duration::hours(1)).fixed_offset(),
        ended: (when() + chrono::Duration::minutes(70)).fixed_offset(),
        ended_early: false,
    };
    store.append(&later).unwrap();
    store.append(&early).unwrap();
    let line = fs::read_to_string(store.history_path()).unwrap();
    assert!(line.contains("\"kind\":\"therapy\""), "{line}");
    assert!(line.contains("\"mode\":\"cold\""), "{line}");
    let loaded = store.load_history::<Record>(when()).unwrap();
    assert!(loaded.problems.is_empty());
    // Merged by time: the earlier start first, whatever the order in the log.
    assert_eq!(loaded.records, vec![early, later.clone()]);
    let Record::Therapy { ended, .. } = later else {
        panic!("expected a therapy record");
    };
    assert_eq!(Record::last_therapy_end(&loaded.records), Some(ended));
    assert_eq!(Record::last_therapy_end(&[]), None);
}

proptest! {
    #[test]
    fn any_running_session_round_trips(
        secs in 0u64..5_000,
        offset_min in -720i32..=720,
        logged: bool,
        kinds in proptest::collection::vec((any::<bool>(), 1u64..600), 0..8),
    ) {
        let offset = chrono::FixedOffset::east_opt(offset_min * 60).unwrap();
        let running = Running {
            mode: TherapyKind::Heat,
            started: when().with_timezone(&offset),
            planned_secs: secs,
            pattern: kinds
                .iter()
                .map(|(hot, secs)| Segment {
                    kind: if *hot { TherapyKind::Heat } else { TherapyKind::Cold },
                    secs: *secs,
                })
                .collect(),
            logged,
            boot: None,
            alarm_rung: false,
        };
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        store.save_running(&running).unwrap();
        prop_assert_eq!(load_running(&store).unwrap(), Some(running));
    }
}
