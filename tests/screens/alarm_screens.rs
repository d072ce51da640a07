//! Snapshots of the alarm where space is short and of the quit question:
//! the compact countdown and alert (40x12, 20x3, one line) and "quit with
//! the pack on?", from states reached through the real `update`.

use std::time::{Duration, Instant};

use crate::support::screen::{screen_at, settle};
use backcoach::app::{self, App, Intent, Now, Outcome};
use backcoach::content::model::TherapyKind;
use backcoach::store::Settings;
use chrono::{Local, TimeZone};
use insta::assert_snapshot;

fn at(base: Instant, secs: u64) -> Now {
    let wall0 = Local.with_ymd_and_hms(2026, 11, 22, 9, 0, 0).unwrap();
    Now::new(
        base + Duration::from_secs(secs),
        wall0 + chrono::Duration::seconds(i64::try_from(secs).unwrap()),
    )
}

/// A 15-minute heat application, `secs` in, on the timer screen.
fn heat(secs: u64) -> (App, Instant) {
    let settings = Settings {
        disclaimer_acknowledged: Some(Local.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap()),
        ..Settings::default()
    };
    let content =
        crate::support::screen::fixture("therapy.ron", include_str!("../fixtures/therapy.ron"));
    let mut app = App::new(content, settings, true);
    let base = Instant::now();
    app::therapy::open_check(
        &mut app,
        TherapyKind::Heat,
        Some(Duration::from_secs(15 * 60)),
    );
    app::update(&mut app, Intent::Yes, at(base, 0));
    app::update(&mut app, Outcome::Tick, at(base, secs));
    (app, base)
}

#[test]
fn compact_countdown() {
    let (app, _) = heat(4 * 60 + 31);
    assert_snapshot!("compact_countdown_40x12", screen_at(&app, 40, 12));
    assert_snapshot!("compact_countdown_20x3", screen_at(&app, 20, 3));
    assert_snapshot!("compact_countdown_one_line", screen_at(&app, 40, 1));
}

#[test]
fn compact_alert() {
    let (mut app, base) = heat(17 * 60);
    settle(&mut app, 20, 3, at(base, 17 * 60));
    assert!(app.alert_shown);
    assert_snapshot!("compact_alert_40x12", screen_at(&app, 40, 12));
    assert_snapshot!("compact_alert_20x3", screen_at(&app, 20, 3));
    assert_snapshot!("compact_alert_one_line", screen_at(&app, 60, 1));
}

#[test]
fn quit_with_the_pack_on() {
    let (mut app, base) = heat(60);
    app::update(&mut app, Intent::Back, at(base, 60));
    app::update(&mut app, Intent::Quit, at(base, 60));
    app::update(&mut app, Outcome::Watcher(false), at(base, 60));
    assert_snapshot!("quit_nothing_rings", screen_at(&app, 80, 24));
    app::update(&mut app, Outcome::Watcher(true), at(base, 60));
    assert_snapshot!("quit_remind_rings", screen_at(&app, 80, 24));
    assert_snapshot!("quit_compact", screen_at(&app, 40, 12));
}
