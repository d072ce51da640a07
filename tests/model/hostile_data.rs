//! The data folder as an attacker or a damaged disk leaves it: values out
//! of range, links planted where files should be, FIFOs, a folder others
//! can write to or that belongs to someone else, stale temp files, copies
//! kept aside in the same second, and a log that cannot be repaired.

use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};

use backcoach::domain::record::Record;
use backcoach::store::folder::{Verdict, judge};
use backcoach::store::{Store, StoreError};
use chrono::{DateTime, Local, TimeZone};

fn now() -> DateTime<Local> {
    Local.with_ymd_and_hms(2026, 11, 22, 10, 0, 0).unwrap()
}

const GOOD: &str = r#"{"version":1,"kind":"session","started":"2026-11-20T09:00:00+01:00","duration_secs":300,"routine":"desk_reset","exercises":[],"outcome":"completed"}"#;

fn session_line(started: &str, duration: &str, pain: &str, routine: &str) -> String {
    format!(
        r#"{{"version":1,"kind":"session","started":"{started}","duration_secs":{duration},"routine":"{routine}","exercises":[],"pain_before":{pain},"outcome":"completed"}}"#
    )
}

fn log_with(dir: &Path, lines: &[String]) -> Store {
    let store = Store::open(dir).unwrap();
    let text: String = lines.iter().map(|l| format!("{l}\n")).collect();
    fs::write(store.history_path(), text).unwrap();
    store
}

#[test]
fn values_out_of_range_are_set_aside_byte_for_byte_and_the_rest_loads() {
    let dir = tempfile::tempdir().unwrap();
    let bad = [
        // Once a panic on the History screen.
        session_line("-262143-01-01T00:00:00+00:00", "5", "1", "x"),
        session_line("2026-11-20T09:00:00+01:00", "5", "255", "x"),
        session_line("2026-11-20T09:00:00+01:00", "18446744073709551615", "1", "x"),
        session_line("1969-12-31T23:00:00+00:00", "5", "1", "x"),
        session_line("2026-11-20T09:00:00+01:00", "5", "1", "\\u001b]0;PWN\\u0007"),
        r#"{"version":1,"kind":"therapy","mode":"heat","planned_secs":1200,"actual_secs":4000,"started":"2026-11-20T09:00:00+01:00","ended":"2026-11-20T10:00:00+01:00"}"#.to_owned(),
        r#"{"version":1,"kind":"standup","at":"+10000-01-01T00:00:00+00:00","outcome":"done"}"#.to_owned(),
    ];
    let mut lines = vec![GOOD.to_owned()];
    lines.extend(bad.iter().cloned());
    lines.push(GOOD.to_owned());
    let store = log_with(dir.path(), &lines);
    let loaded = store.load_history::<Record>(now()).unwrap();
    assert_eq!(loaded.records.len(), 2, "{:?}", loaded.problems);
    assert_eq!(loaded.problems.len(), bad.len(), "{:?}", loaded.problems);
    for (problem, wanted) in loaded.problems.iter().zip([
        "`started` is not a date between the years 1970 and 9999",
        "`pain_before` is 255; pain is scored 0 to 10",
        "`duration_secs` is 18446744073709551615; at most 86400",
        "`started` is not a date",
        "`routine` holds a control character (U+001B)",
        "`actual_secs` is 4000; at most 1200",
        "",
    ]) {
        assert!(problem.contains(wanted), "{problem} / {wanted}");
    }
    let aside = fs::read(loaded.kept_aside.unwrap()).unwrap();
    let expected: String = bad.iter().map(|l| format!("{l}\n")).collect();
    assert_eq!(aside, expected.as_bytes());
    assert_eq!(
        fs::read_to_string(store.history_path()).unwrap(),
        format!("{GOOD}\n{GOOD}\n")
    );
}

#[test]
fn a_schedule_at_the_end_of_time_is_refused_not_used() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let text = "(version: 2, since: \"+262142-12-31T12:00:00+14:00\")";
    fs::write(dir.path().join("reminder.ron"), text).unwrap();
    let err = store.peek_schedule().unwrap_err();
    assert!(
        err.to_string()
            .contains("`since` is not a date between the years 1970 and 9999"),
        "{err}"
    );
    let loaded = store.load_schedule(now());
    assert_eq!(loaded.schedule, None);
    assert!(loaded.notice.unwrap().contains("It starts afresh"));
}

#[test]
fn two_repairs_in_one_second_keep_two_copies() {
    let dir = tempfile::tempdir().unwrap();
    let mut kept = Vec::new();
    for garbage in ["first \u{1b} garbage", "second garbage"] {
        let store = log_with(dir.path(), &[GOOD.to_owned(), garbage.to_owned()]);
        let loaded = store.load_history::<Record>(now()).unwrap();
        let aside = loaded.kept_aside.unwrap();
        assert_eq!(fs::read(&aside).unwrap(), format!("{garbage}\n").as_bytes());
        kept.push(aside);
    }
    assert_ne!(kept[0], kept[1]);
    assert_eq!(fs::read(&kept[0]).unwrap(), b"first \x1b garbage\n");
}

#[test]
fn a_log_that_cannot_be_repaired_is_still_read() {
    let dir = tempfile::tempdir().unwrap();
    let store = log_with(
        dir.path(),
        &[GOOD.to_owned(), "torn {".to_owned(), GOOD.to_owned()],
    );
    // Every name a kept copy could take this second is taken (as a full
    // disk or a read-only folder would refuse it, even to root).
    let log = store.history_path();
    let base = format!(
        "{}.corrupt-{}",
        log.file_name().unwrap().to_string_lossy(),
        now().format("%Y%m%d-%H%M%S")
    );
    let folder = log.parent().unwrap();
    fs::write(folder.join(&base), "").unwrap();
    for n in 2..=1000 {
        fs::write(folder.join(format!("{base}-{n}")), "").unwrap();
    }
    let loaded = store.load_history::<Record>(now()).unwrap();
    assert_eq!(loaded.records.len(), 2);
    assert_eq!(loaded.problems.len(), 1);
    assert!(loaded.kept_aside.is_none());
    let notice = loaded.notice().unwrap();
    assert!(
        notice.contains("could not be moved out of the log"),
        "{notice}"
    );
    assert!(notice.contains("every other record was read"), "{notice}");
    // Nothing was lost or changed.
    assert!(
        fs::read_to_string(store.history_path())
            .unwrap()
            .contains("torn {")
    );
    let sessions = store.load_sessions(now()).unwrap();
    assert_eq!(sessions.progress.recent.len(), 2);
    assert!(
        sessions
            .problem_notice()
            .unwrap()
            .contains("could not be moved out of the log")
    );
}

#[test]
fn the_folder_verdict_follows_strict_modes() {
    assert_eq!(judge(0o700, 1000, 1000), Verdict::Private);
    assert_eq!(judge(0o755, 1000, 1000), Verdict::Private);
    assert_eq!(judge(0o777, 1000, 1000), Verdict::Tighten);
    assert_eq!(judge(0o1777, 1000, 1000), Verdict::Tighten);
    assert_eq!(judge(0o770, 1000, 1000), Verdict::Tighten);
    assert_eq!(judge(0o702, 1000, 1000), Verdict::Tighten);
    assert_eq!(judge(0o700, 0, 1000), Verdict::OtherOwner(0));
    assert_eq!(judge(0o700, 65534, 0), Verdict::OtherOwner(65534));
}

#[test]
fn stale_temp_files_are_swept_and_fresh_ones_kept() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let stale = dir.path().join(".settings.ron.tmp-4242");
    let fresh = dir.path().join(".settings.ron.tmp-4243-0-00");
    let other = dir.path().join("notes.txt");
    for path in [&stale, &fresh, &other] {
        fs::write(path, "x").unwrap();
    }
    let old = std::time::SystemTime::from(now()) - Duration::from_secs(10 * 60);
    for path in [&stale, &other] {
        fs::File::options()
            .write(true)
            .open(path)
            .unwrap()
            .set_modified(old)
            .unwrap();
    }
    let fresh_time = std::time::SystemTime::from(now()) - Duration::from_secs(60);
    fs::File::options()
        .write(true)
        .open(&fresh)
        .unwrap()
        .set_modified(fresh_time)
        .unwrap();
    store.load_settings(now());
    assert!(!stale.exists());
    assert!(fresh.exists());
    assert!(other.exists());
}

#[cfg(unix)]
mod unix {
    use std::os::unix::fs::{PermissionsExt, symlink};

    use super::*;

    fn mode(path: &Path) -> u32 {
        fs::metadata(path).unwrap().permissions().mode() & 0o7777
    }

    #[test]
    fn a_folder_others_can_write_is_tightened_with_a_notice() {
        for loose in [0o777, 0o1777, 0o770] {
            let root = tempfile::tempdir().unwrap();
            let dir = root.path().join("data");
            fs::create_dir(&dir).unwrap();
            fs::set_permissions(&dir, fs::Permissions::from_mode(loose)).unwrap();
            // A read-only command changes nothing.
            assert!(Store::open_to_read(&dir).unwrap().notice().is_none());
            assert_eq!(mode(&dir), loose);
            let store = Store::open(&dir).unwrap();
            assert_eq!(mode(&dir), 0o700);
            let notice = store.notice().unwrap();
            assert!(
                notice.contains(&format!("(mode {loose:04o}); it is now private (0700)")),
                "{notice}"
            );
            assert!(Store::open(&dir).unwrap().notice().is_none());
        }
        let root = tempfile::tempdir().unwrap();
        let made = root.path().join("new");
        Store::open(&made).unwrap();
        assert_eq!(mode(&made), 0o700);
    }

    #[test]
    fn a_folder_of_another_user_is_refused() {
        if !rustix::process::geteuid().is_root() {
            println!("skipped: only root can give a folder to another user here");
            return;
        }
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("data");
        fs::create_dir(&dir).unwrap();
        fs::set_permissions(&dir, fs::Permissions::from_mode(0o700)).unwrap();
        std::os::unix::fs::chown(&dir, Some(65534), Some(65534)).unwrap();
        for err in [
            Store::open(&dir).unwrap_err(),
            Store::open_to_read(&dir).unwrap_err(),
        ] {
            assert!(matches!(err, StoreError::OtherOwner { owner: 65534, .. }));
            assert!(
                err.to_string()
                    .contains("belongs to another user (uid 65534)"),
                "{err}"
            );
        }
    }

    #[test]
    fn a_symlinked_log_is_never_written_through() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("data")).unwrap();
        let elsewhere = dir.path().join("elsewhere.txt");
        fs::write(&elsewhere, "precious\n").unwrap();
        symlink(&elsewhere, store.history_path()).unwrap();
        let record = Record::WarningsReviewed {
            at: now().fixed_offset(),
        };
        let err = store.append(&record).unwrap_err();
        assert!(err.to_string().contains("is a symbolic link"), "{err}");
        let err = store.load_history::<Record>(now()).unwrap_err();
        assert!(err.to_string().contains("is a symbolic link"), "{err}");
        assert_eq!(fs::read_to_string(&elsewhere).unwrap(), "precious\n");
        assert_eq!(mode(&elsewhere), 0o644 & !umask_bits());
    }

    fn umask_bits() -> u32 {
        let dir = tempfile::tempdir().unwrap();
        let probe = dir.path().join("probe");
        fs::write(&probe, "").unwrap();
        0o666 & !mode(&probe)
    }

    #[test]
    fn fifos_in_the_data_folder_are_refused_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        // The old single log, and this machine's log in the history folder.
        let log = store.history_path();
        let log = log.strip_prefix(dir.path()).unwrap();
        for name in [
            Path::new("settings.ron"),
            Path::new("reminder.ron"),
            Path::new("therapy-running.json"),
            Path::new("history.jsonl"),
            log,
        ] {
            let made = std::process::Command::new("mkfifo")
                .arg(dir.path().join(name))
                .status()
                .unwrap();
            assert!(made.success());
        }
        let started = Instant::now();
        let refused = |err: StoreError| {
            assert!(err.to_string().contains("named pipe (FIFO)"), "{err}");
        };
        refused(store.peek_settings().unwrap_err());
        refused(store.peek_schedule().unwrap_err());
        refused(backcoach::store::therapy::load_running(&store).unwrap_err());
        refused(store.load_history::<Record>(now()).unwrap_err());
        let record = Record::WarningsReviewed {
            at: now().fixed_offset(),
        };
        refused(store.append(&record).unwrap_err());
        assert!(started.elapsed() < Duration::from_secs(2));
    }

    #[test]
    fn a_temp_file_is_new_private_and_uniquely_named() {
        let dir = tempfile::tempdir().unwrap();
        let (_a, first) = backcoach::store::temp::create(dir.path(), "settings.ron").unwrap();
        let (_b, second) = backcoach::store::temp::create(dir.path(), "settings.ron").unwrap();
        assert_ne!(first, second);
        assert_eq!(mode(&first), 0o600);
        let name = first.file_name().unwrap().to_str().unwrap().to_owned();
        assert!(name.starts_with(&format!(".settings.ron.tmp-{}-", std::process::id())));
        assert!(backcoach::store::temp::is_temp_name(&name));
    }
}
