//! `config.ron`: preferences apart from state, located problems, a bad
//! file never written over, the one-time move out of `settings.ron`
//! (killed half-way too), and saves that change only what changed.

use std::fs;
use std::path::Path;

use backcoach::domain::reminder_settings::ReminderSettings;
use backcoach::store::config::Source;
use backcoach::store::preferences::Key;
use backcoach::store::settings_change::SettingsChange;
use backcoach::store::{StateFile, Store};
use chrono::{DateTime, Local, TimeZone};

fn when() -> DateTime<Local> {
    Local.with_ymd_and_hms(2026, 11, 23, 10, 30, 0).unwrap()
}

/// A data folder and a config folder apart, as on a real machine.
fn stores(root: &Path) -> Store {
    Store::open(&root.join("data"))
        .unwrap()
        .with_config_dir(&root.join("config"))
}

const OLD_SETTINGS: &str = r#"(
    version: 1,
    disclaimer_acknowledged: None,
    session_bell: false,
    reminder: (
        enabled: true,
        every_minutes: 45,
        from: "08:00",
        until: "17:00",
        days: ["Mon", "Tue"],
        snooze_minutes: 7,
        bell: false,
        terminal_notification: false,
        desktop_notification: true,
    ),
    speech: (enabled: true, command: Some("espeak-ng")),
)"#;

#[test]
fn a_value_out_of_range_is_reported_at_its_line_and_column() {
    let root = tempfile::tempdir().unwrap();
    let store = stores(root.path());
    fs::create_dir_all(root.path().join("config")).unwrap();
    let text = "(\n    version: 1,\n    reminder: (every: \"7m\"),\n)\n";
    fs::write(store.config_path(), text).unwrap();
    let loaded = store.load_settings(when());
    // Defaults, and the line that is wrong.
    assert_eq!(loaded.settings.reminder, ReminderSettings::default());
    let notice = loaded.notice.unwrap();
    assert!(
        notice.contains(
            "config.ron:3:24: `7m` is out of range: reminder.every must be 15 to 180 minutes"
        ),
        "{notice}"
    );
    // Never written over, not even by a save from the app.
    let change = SettingsChange::SessionBell(false);
    let refused = store.change_settings(&change).unwrap_err().to_string();
    assert!(refused.contains("config.ron:3:24:"), "{refused}");
    assert_eq!(fs::read_to_string(store.config_path()).unwrap(), text);
    assert!(!refused.contains('\n'), "one line: {refused}");
}

#[test]
fn a_misspelt_key_and_broken_syntax_are_located_too() {
    let root = tempfile::tempdir().unwrap();
    let store = stores(root.path());
    fs::create_dir_all(root.path().join("config")).unwrap();
    for (text, at) in [
        ("(version: 1,\n  remindr: (),\n)", "config.ron:2:3:"),
        (
            "(version: 1,\n  reminder: (active_hours: \"9-5\"),\n)",
            "config.ron:2:",
        ),
        ("(version: 1,\n  session_bell: maybe,\n)", "config.ron:2:"),
        (
            "(version: 1,\n  reminder: (days: \"Mon-Fro\"),\n)",
            "config.ron:2:",
        ),
    ] {
        fs::write(store.config_path(), text).unwrap();
        let problem = store.read_config().problem.unwrap().to_string();
        assert!(problem.contains(at), "{text}: {problem}");
    }
}

#[test]
fn hand_written_values_in_every_form_load() {
    let root = tempfile::tempdir().unwrap();
    let store = stores(root.path());
    fs::create_dir_all(root.path().join("config")).unwrap();
    let text = r#"(
        reminder: (
            every: "1h30m",
            active_hours: "09:00-12:30, 13:30-18:00",
            days: "Mon-Wed,Fri",
            quiet_while: ["pgrep -x zoom"],
        ),
        session_bell: false,
    )"#;
    fs::write(store.config_path(), text).unwrap();
    let settings = store.load_settings(when()).settings;
    assert_eq!(settings.reminder.every_minutes, 90);
    assert_eq!(
        settings.reminder.hours.to_string(),
        "09:00-12:30,13:30-18:00"
    );
    let prefs = settings.preferences();
    assert_eq!(Key::Days.show(&prefs), "Mon,Tue,Wed,Fri");
    assert_eq!(settings.quiet_while, vec!["pgrep -x zoom".to_owned()]);
    assert!(!settings.session_bell);
}

#[test]
fn preferences_in_settings_are_moved_once() {
    let root = tempfile::tempdir().unwrap();
    let store = stores(root.path());
    fs::write(root.path().join("data/settings.ron"), OLD_SETTINGS).unwrap();
    // Read-only commands see them where they are.
    let read = store.read_config();
    let state = store.peek_state().unwrap();
    assert_eq!(read.source(Key::Every, &state), Source::Settings);
    let before = store.peek_settings().unwrap();
    assert_eq!(before.reminder.every_minutes, 45);

    let loaded = store.load_settings(when());
    assert_eq!(loaded.notice, None);
    assert_eq!(
        loaded.settings, before,
        "the same values, now from config.ron"
    );
    let state = store.peek_state().unwrap();
    assert!(!state.holds_preferences());
    let text = fs::read_to_string(root.path().join("data/settings.ron")).unwrap();
    assert!(!text.contains("reminder"), "{text}");
    let config = fs::read_to_string(store.config_path()).unwrap();
    assert!(config.contains("active_hours: \"08:00-17:00\""), "{config}");
    let read = store.read_config();
    assert_eq!(read.source(Key::Every, &state), Source::Moved);
    assert_eq!(read.source(Key::AwayCredit, &state), Source::Default);

    // Again: nothing changes.
    let again = store.load_settings(when());
    assert_eq!(again.settings, before);
    assert_eq!(fs::read_to_string(store.config_path()).unwrap(), config);

    // Set by hand afterwards, a key is config.ron's own.
    store
        .change_config(&[(Key::Every, "50m".to_owned())])
        .unwrap();
    assert_eq!(
        store.read_config().source(Key::Every, &state),
        Source::Config
    );
}

#[test]
fn a_move_killed_between_its_two_writes_finishes_next_time() {
    let root = tempfile::tempdir().unwrap();
    let store = stores(root.path());
    fs::write(root.path().join("data/settings.ron"), OLD_SETTINGS).unwrap();
    store.load_settings(when());
    let config = fs::read_to_string(store.config_path()).unwrap();
    // As if killed after config.ron was written: settings.ron still holds
    // the preferences, and one was changed meanwhile in config.ron.
    fs::write(root.path().join("data/settings.ron"), OLD_SETTINGS).unwrap();
    store
        .change_config(&[(Key::Snooze, "3m".to_owned())])
        .unwrap();
    let loaded = store.load_settings(when());
    assert_eq!(loaded.notice, None);
    assert_eq!(
        loaded.settings.reminder.snooze_minutes, 3,
        "config.ron wins"
    );
    assert_eq!(loaded.settings.reminder.every_minutes, 45);
    assert!(!store.peek_state().unwrap().holds_preferences());
    let now = fs::read_to_string(store.config_path()).unwrap();
    // The snooze is config.ron's own now, no longer a moved one.
    let expected = config
        .replace("snooze: \"7m\"", "snooze: \"3m\"")
        .replace("        \"reminder.snooze\",\n", "");
    assert_eq!(now, expected);
}

#[test]
fn a_bad_config_file_stops_the_move_and_loses_nothing() {
    let root = tempfile::tempdir().unwrap();
    let store = stores(root.path());
    fs::create_dir_all(root.path().join("config")).unwrap();
    fs::write(store.config_path(), "(version: 1, oops)").unwrap();
    fs::write(root.path().join("data/settings.ron"), OLD_SETTINGS).unwrap();
    let loaded = store.load_settings(when());
    assert!(loaded.notice.unwrap().contains("config.ron:1:"));
    assert_eq!(
        fs::read_to_string(root.path().join("data/settings.ron")).unwrap(),
        OLD_SETTINGS
    );
    assert_eq!(
        fs::read_to_string(store.config_path()).unwrap(),
        "(version: 1, oops)"
    );
}

#[test]
fn a_save_from_the_app_keeps_a_change_made_elsewhere() {
    let root = tempfile::tempdir().unwrap();
    let store = stores(root.path());
    let app_view = store.load_settings(when()).settings;
    // `config set reminder.bell false` in another terminal.
    store
        .change_config(&[(Key::Bell, "false".to_owned())])
        .unwrap();
    // The app, which read the bell as on, changes the interval.
    let before = app_view.reminder;
    let after = ReminderSettings {
        every_minutes: 30,
        ..before
    };
    let written = store
        .change_settings(&SettingsChange::Reminder { before, after })
        .unwrap();
    assert_eq!(written.reminder.every_minutes, 30);
    assert!(!written.reminder.bell, "the other terminal's change stays");
    // State goes to settings.ron, never to config.ron.
    store
        .change_settings(&SettingsChange::DisclaimerAcknowledged(when()))
        .unwrap();
    let config = fs::read_to_string(store.config_path()).unwrap();
    assert!(!config.contains("disclaimer"), "{config}");
    assert!(
        store
            .peek_state()
            .unwrap()
            .disclaimer_acknowledged
            .is_some()
    );
    assert_eq!(
        store.peek_state().unwrap(),
        StateFile {
            disclaimer_acknowledged: Some(when()),
            ..StateFile::default()
        }
    );
}
