//! Snapshots of the heat/cold timer at 80x24, driven through the real
//! `update` with explicit times, plus style checks and a size sweep.

use std::time::{Duration, Instant};

use crate::support::screen::{draw, find, screen, screen_at, settle};
use backcoach::app::therapy::Boot;
use backcoach::app::{self, App, Intent, Msg, Now, Outcome};
use backcoach::content::catalog::Content;
use backcoach::domain::cursor::ListCursor;
use backcoach::store::Settings;
use chrono::{DateTime, Local, TimeZone};
use insta::assert_snapshot;
use proptest::prelude::*;
use ratatui::style::{Color, Modifier};

fn fixture() -> Content {
    crate::support::screen::fixture("therapy.ron", include_str!("../fixtures/therapy.ron"))
}

fn wall0() -> DateTime<Local> {
    Local.with_ymd_and_hms(2026, 11, 22, 9, 0, 0).unwrap()
}

/// A fixed base instant per test, `secs` later on both clocks.
fn at(base: Instant, secs: u64) -> Now {
    Now::new(
        base + Duration::from_secs(secs),
        wall0() + chrono::Duration::seconds(i64::try_from(secs).unwrap()),
    )
}

/// On the timer's mode picker.
fn picker(color: bool) -> App {
    let settings = Settings {
        disclaimer_acknowledged: Some(wall0()),
        ..Settings::default()
    };
    let mut app = App::new(fixture(), settings, color);
    app::therapy::boot(&mut app, Boot::default(), at(Instant::now(), 0));
    app.home_selected = ListCursor::at(
        app::HomeEntry::ALL
            .iter()
            .position(|e| *e == app::HomeEntry::Therapy)
            .unwrap(),
    );
    app::update(&mut app, Intent::Select, at(Instant::now(), 0));
    app
}

fn drive<M: Into<Msg> + Clone>(app: &mut App, msgs: &[M], now: Now) {
    for msg in msgs {
        app::update(app, msg.clone(), now);
    }
}

/// Down `n` times on the picker, then Enter: that mode's check.
fn check(n: usize, color: bool) -> (App, Instant) {
    let base = Instant::now();
    let mut app = picker(color);
    for _ in 0..n {
        drive(&mut app, &[Intent::Down], at(base, 0));
    }
    drive(&mut app, &[Intent::Select], at(base, 0));
    (app, base)
}

#[test]
fn mode_picker() {
    let app = picker(true);
    assert_snapshot!(screen(&app));
    assert_snapshot!("mode_picker_40x12", screen_at(&app, 40, 12));
}

#[test]
fn cold_pre_check() {
    let (mut app, base) = check(1, true);
    drive(&mut app, &[Intent::Longer, Intent::Longer], at(base, 0));
    assert_snapshot!(screen(&app));
    assert_snapshot!("cold_pre_check_40x12", screen_at(&app, 40, 12));
}

#[test]
fn running_heat() {
    let (mut app, base) = check(0, true);
    drive(&mut app, &[Intent::Yes], at(base, 0));
    drive(&mut app, &[Outcome::Tick], at(base, 4 * 60 + 31));
    assert_snapshot!(screen(&app));
    assert!(screen(&app).contains("10:29 left"), "the time in words too");
    assert_snapshot!("running_heat_40x12", screen_at(&app, 40, 12));
    assert_snapshot!("running_heat_24x6", screen_at(&app, 24, 6));
}

#[test]
fn contrast_switch() {
    let (mut app, base) = check(2, true);
    drive(&mut app, &[Intent::Yes], at(base, 0));
    drive(&mut app, &[Outcome::Tick], at(base, 3 * 60 + 2));
    assert_snapshot!(screen(&app));
    assert_snapshot!("contrast_switch_40x12", screen_at(&app, 40, 12));
}

#[test]
fn time_up_alert() {
    let (mut app, base) = check(1, true);
    drive(&mut app, &[Intent::Yes], at(base, 0));
    drive(&mut app, &[Outcome::Tick], at(base, 10 * 60 + 150));
    assert_snapshot!(screen(&app));
    assert_snapshot!("time_up_alert_40x12", screen_at(&app, 40, 12));
}

#[test]
fn rest_gap_warning() {
    let (mut app, base) = check(0, true);
    drive(&mut app, &[Intent::Yes], at(base, 0));
    drive(&mut app, &[Intent::PackRemoved], at(base, 5 * 60));
    drive(&mut app, &[Intent::Select, Intent::Yes], at(base, 17 * 60));
    assert_snapshot!(screen(&app));
    assert_snapshot!("rest_gap_warning_40x12", screen_at(&app, 40, 12));
}

#[test]
fn running_timer_shows_on_other_screens() {
    let (mut app, base) = check(0, true);
    drive(&mut app, &[Intent::Yes], at(base, 0));
    drive(&mut app, &[Intent::Back], at(base, 65));
    let buffer = draw(&app, 80, 24);
    let header: String = (0..80).map(|x| buffer[(x, 0)].symbol()).collect();
    assert!(header.contains("heat 13:55 left"), "{header}");
}

#[test]
fn the_alert_is_in_the_warning_style_with_or_without_colour() {
    for color in [true, false] {
        let (mut app, base) = check(0, color);
        drive(&mut app, &[Intent::Yes], at(base, 0));
        drive(&mut app, &[Outcome::Tick], at(base, 15 * 60));
        let buffer = draw(&app, 80, 24);
        let cell = &buffer[find(&buffer, "!! REMOVE THE PACK NOW")];
        assert!(cell.modifier.contains(Modifier::BOLD));
        assert_eq!(cell.fg, if color { Color::Yellow } else { Color::Reset });
    }
}

/// Every stage of the timer, reached through `update`.
fn every_state() -> Vec<App> {
    let mut states = vec![picker(true)];
    for n in 0..3 {
        let (mut app, base) = check(n, true);
        states.push(app.clone());
        drive(&mut app, &[Intent::Yes], at(base, 0));
        drive(&mut app, &[Outcome::Tick], at(base, 185));
        states.push(app.clone());
        let mut help = app.clone();
        drive(&mut help, &[Intent::ToggleHelp], at(base, 186));
        states.push(help);
        drive(&mut app, &[Outcome::Tick], at(base, 20 * 60));
        states.push(app.clone());
        let mut quitting = app.clone();
        drive(&mut quitting, &[Intent::Quit], at(base, 20 * 60));
        states.push(quitting);
        settle(&mut app, 80, 24, at(base, 21 * 60));
        drive(
            &mut app,
            &[Intent::Select, Intent::Select, Intent::Yes],
            at(base, 21 * 60),
        );
        states.push(app);
    }
    states
}

#[test]
fn every_timer_stage_renders_at_every_small_size() {
    let states = every_state();
    for width in 0..=120 {
        for height in 0..=40 {
            for state in &states {
                draw(state, width, height);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]
    #[test]
    fn every_timer_stage_renders_at_any_size(width in 0u16..400, height in 0u16..200) {
        for state in every_state() {
            draw(&state, width, height);
        }
    }
}
