//! No lost update between processes (issue 10, item 11): the "it hurt"
//! lock also comes from its append-only record, and a settings save
//! changes only what the user changed, on a fresh read of the file.

use backcoach::app::{self, Cmd, Intent, Outcome, Screen};
use backcoach::domain::record::Record;
use backcoach::domain::reminder_settings::ReminderSettings;
use backcoach::store::settings_change::SettingsChange;
use backcoach::store::{Settings, Store};
use chrono::{Local, TimeZone};

use crate::alarm_support::*;

#[test]
fn a_hurt_record_in_the_log_keeps_the_gate_closed_whatever_the_settings_say() {
    let t = T::new();
    let mut app = app();
    // The settings know nothing of it (a stale copy was written over them).
    assert_eq!(app.settings.safety_gate.hurt_at, None);
    let hurt = Record::ReleaseHurt {
        at: (t.wall0 - chrono::Duration::hours(1)).fixed_offset(),
        technique: "seated_floor_twist".into(),
    };
    app::safety::absorb(&mut app, &[hurt]);
    app.screen = Screen::Home;
    app::safety::enter(&mut app, Screen::Home, None, t.at(0));
    assert_eq!(app.screen, Screen::Hurt, "closed for the rest of the day");
    // Tomorrow it is open to the checklist again.
    let tomorrow = t.at(24 * 3600);
    app.screen = Screen::Home;
    app::safety::enter(&mut app, Screen::Home, None, tomorrow);
    assert_eq!(app.screen, Screen::Checklist);
}

#[test]
fn a_save_changes_only_what_the_user_changed() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let at = Local.with_ymd_and_hms(2026, 11, 22, 9, 0, 0).unwrap();
    // Window A reports "it hurt" and turns the reminder off.
    let window_a = store.peek_settings().unwrap();
    store
        .change_settings(&SettingsChange::HurtReported(at.fixed_offset()))
        .unwrap();
    let off = ReminderSettings {
        enabled: false,
        ..ReminderSettings::default()
    };
    store
        .change_settings(&SettingsChange::Reminder {
            before: ReminderSettings::default(),
            after: off,
        })
        .unwrap();
    // Window B, which read the file before all that, turns the bell off.
    let mut window_b = window_a.clone();
    window_b.session_bell = false;
    let written = store
        .change_settings(&SettingsChange::SessionBell(false))
        .unwrap();
    let on_disk = store.peek_settings().unwrap();
    assert_eq!(written, on_disk);
    assert_eq!(on_disk.safety_gate.hurt_at, Some(at.fixed_offset()));
    assert!(!on_disk.reminder.enabled, "B did not undo A's reminder off");
    assert!(!on_disk.session_bell);
    assert_ne!(on_disk, window_b, "not B's stale copy");
    // An older hurt report never replaces a newer one.
    store
        .change_settings(&SettingsChange::HurtReported(
            (at - chrono::Duration::hours(2)).fixed_offset(),
        ))
        .unwrap();
    assert_eq!(
        store.peek_settings().unwrap().safety_gate.hurt_at,
        Some(at.fixed_offset())
    );
    assert_eq!(Settings::default().reminder, ReminderSettings::default());
}

#[test]
fn every_settings_change_says_what_changed() {
    let t = T::new();
    let mut app = app();
    app.screen = Screen::Routines;
    let cmds = send(&mut app, &[Intent::ToggleBell], t.at(0));
    assert_eq!(
        cmds,
        vec![Cmd::SaveSettings(SettingsChange::SessionBell(false))]
    );
    app.screen = Screen::Home;
    let cmds = send(&mut app, &[Intent::ToggleReminder], t.at(1));
    assert!(matches!(
        cmds.as_slice(),
        [Cmd::SaveSettings(SettingsChange::Reminder { after, .. }), ..] if !after.enabled
    ));
    // A save that fails is said, not lost silently.
    send(
        &mut app,
        &[Outcome::SaveFailed("read-only".into())],
        t.at(2),
    );
    assert!(app.notice.as_deref().unwrap().contains("read-only"));
}
