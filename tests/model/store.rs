//! Settings on disk: modes, round trip, atomic replacement, corrupt files.

use std::fs;
#[cfg(unix)]
use std::os::unix::fs::PermissionsExt;
use std::path::PathBuf;

use backcoach::store::{Settings, Store};
use chrono::{DateTime, Local, TimeZone};

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("backcoach-store-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    dir
}

fn when() -> DateTime<Local> {
    Local.with_ymd_and_hms(2026, 11, 22, 8, 30, 0).unwrap()
}

/// Modes are unix's; on Windows the profile's ACLs guard the folder.
#[cfg(unix)]
fn mode(path: &std::path::Path) -> u32 {
    fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn data_folder_is_private_and_settings_round_trip() {
    let dir = temp_dir("roundtrip").join("nested");
    let store = Store::open(&dir).unwrap();
    #[cfg(unix)]
    assert_eq!(mode(&dir), 0o700);
    let loaded = store.load_settings(when());
    assert_eq!(loaded.settings, Settings::default());
    assert!(loaded.notice.is_none());

    let settings = Settings {
        disclaimer_acknowledged: Some(when()),
        ..Settings::default()
    };
    store.save_settings(&settings).unwrap();
    let file = dir.join("settings.ron");
    #[cfg(unix)]
    assert_eq!(mode(&file), 0o600);
    assert!(fs::read_to_string(&file).unwrap().contains("version: 1"));
    assert_eq!(store.load_settings(when()).settings, settings);
    // Nothing but the settings file is left behind (no temp files),
    // beside the history folder and this machine's id.
    let mut names: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    names.sort();
    assert_eq!(names, ["history", "machine.ron", "settings.ron"]);
    fs::remove_dir_all(dir.parent().unwrap()).unwrap();
}

#[cfg(unix)]
#[test]
fn an_existing_folder_keeps_its_mode() {
    let dir = temp_dir("existing");
    fs::create_dir_all(&dir).unwrap();
    fs::set_permissions(&dir, fs::Permissions::from_mode(0o755)).unwrap();
    Store::open(&dir).unwrap();
    assert_eq!(mode(&dir), 0o755, "a folder the user chose is not chmod-ed");
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn corrupt_settings_are_kept_aside_reported_and_never_overwritten() {
    let dir = temp_dir("corrupt");
    let store = Store::open(&dir).unwrap();
    let file = dir.join("settings.ron");
    fs::write(&file, "(version: 1, disclaimer_ackn").unwrap();
    let loaded = store.load_settings(when());
    assert_eq!(loaded.settings, Settings::default());
    let notice = loaded.notice.unwrap();
    let aside = dir.join("settings.ron.corrupt-20261122-083000");
    assert!(notice.contains(&aside.display().to_string()), "{notice}");
    assert_eq!(
        fs::read_to_string(&aside).unwrap(),
        "(version: 1, disclaimer_ackn"
    );
    assert!(!file.exists());
    // Saving now writes a fresh file and leaves the kept copy alone.
    store.save_settings(&Settings::default()).unwrap();
    assert_eq!(
        fs::read_to_string(&aside).unwrap(),
        "(version: 1, disclaimer_ackn"
    );
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn settings_from_a_newer_version_are_kept_aside_too() {
    let dir = temp_dir("newer");
    let store = Store::open(&dir).unwrap();
    fs::write(dir.join("settings.ron"), "(version: 7)").unwrap();
    let loaded = store.load_settings(when());
    assert!(loaded.notice.unwrap().contains("version 7"));
    assert!(dir.join("settings.ron.corrupt-20261122-083000").exists());
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_failed_save_leaves_the_old_file_whole() {
    let dir = temp_dir("failed");
    let store = Store::open(&dir).unwrap();
    let old = Settings {
        disclaimer_acknowledged: Some(when()),
        ..Settings::default()
    };
    store.save_settings(&old).unwrap();
    // No temp file can be made: the write fails, even as root.
    let saved = crate::support::disk::while_folder_refuses_files(&dir, || {
        store.save_settings(&Settings::default())
    });
    assert!(saved.is_err());
    assert_eq!(store.load_settings(when()).settings, old);
    fs::remove_dir_all(&dir).unwrap();
}
