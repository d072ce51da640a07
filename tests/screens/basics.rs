//! Snapshot tests of every screen at 80x24, driven through the real
//! `update`, plus colour checks and a sweep of terminal sizes.

use std::time::Instant;

use crate::support::screen::{draw, find, screen, screen_at};
use backcoach::app::{self, App, Intent, Msg, Now, Outcome};
use backcoach::content::catalog::Content;
use backcoach::store::Settings;
use chrono::{Local, TimeZone};
use insta::assert_snapshot;
use proptest::prelude::*;
use ratatui::style::{Color, Modifier};

fn fixture() -> Content {
    crate::support::screen::fixture("small.ron", include_str!("../fixtures/small.ron"))
}

fn now() -> Now {
    Now::new(
        Instant::now(),
        Local.with_ymd_and_hms(2026, 11, 22, 9, 0, 0).unwrap(),
    )
}

/// An app past the first-run statement, on the home screen.
fn app(color: bool) -> App {
    let settings = Settings {
        disclaimer_acknowledged: Some(now().wall),
        ..Settings::default()
    };
    App::new(fixture(), settings, color)
}

fn drive<M: Into<Msg> + Clone>(app: &mut App, msgs: &[M]) {
    for msg in msgs {
        app::update(app, msg.clone(), now());
    }
}

#[test]
fn first_run_statement() {
    let app = App::new(fixture(), Settings::default(), true);
    assert_snapshot!(screen(&app));
    assert_snapshot!("first_run_statement_40x12", screen_at(&app, 40, 12));
}

#[test]
fn home() {
    assert_snapshot!(screen(&app(true)));
}

#[test]
fn help_overlay_on_home() {
    let mut app = app(true);
    drive(&mut app, &[Intent::ToggleHelp]);
    assert_snapshot!(screen(&app));
    assert_snapshot!("help_overlay_on_home_40x12", screen_at(&app, 40, 12));
}

#[test]
fn library_list() {
    let mut app = app(true);
    drive(&mut app, &[Intent::Select, Intent::Down]);
    assert_snapshot!(screen(&app));
    assert_snapshot!("library_list_40x12", screen_at(&app, 40, 12));
}

#[test]
fn library_on_a_wide_terminal_is_centred_with_a_side_preview() {
    let mut app = app(true);
    drive(&mut app, &[Intent::Select]);
    assert_snapshot!(screen_at(&app, 140, 20));
}

#[test]
fn library_filtered_by_position() {
    let mut app = app(true);
    // all -> chair -> lying on your back
    drive(
        &mut app,
        &[Intent::Select, Intent::CyclePosition, Intent::CyclePosition],
    );
    assert_snapshot!(screen(&app));
    assert_snapshot!(
        "library_filtered_by_position_40x12",
        screen_at(&app, 40, 12)
    );
}

#[test]
fn library_filter_with_no_match() {
    let mut app = app(true);
    // chair + #core matches nothing
    drive(
        &mut app,
        &[Intent::Select, Intent::CyclePosition, Intent::CycleTag],
    );
    assert_snapshot!(screen(&app));
    assert_snapshot!(
        "library_filter_with_no_match_40x12",
        screen_at(&app, 40, 12)
    );
}

#[test]
fn card_first_step() {
    let mut app = app(true);
    drive(&mut app, &[Intent::Select, Intent::Select]);
    assert_snapshot!(screen(&app));
    assert_snapshot!("card_first_step_40x12", screen_at(&app, 40, 12));
}

#[test]
fn card_last_step() {
    let mut app = app(true);
    drive(&mut app, &[Intent::Select, Intent::Select, Intent::Last]);
    assert_snapshot!(screen(&app));
    assert_snapshot!("card_last_step_40x12", screen_at(&app, 40, 12));
}

#[test]
fn card_help_overlay() {
    let mut app = app(true);
    drive(
        &mut app,
        &[Intent::Select, Intent::Select, Intent::ToggleHelp],
    );
    assert_snapshot!(screen(&app));
    assert_snapshot!("card_help_overlay_40x12", screen_at(&app, 40, 12));
}

#[test]
fn notice_is_shown_above_the_hints() {
    let mut app = app(true);
    drive(&mut app, &[Outcome::SaveFailed("disk full".into())]);
    assert_snapshot!(screen(&app));
    assert_snapshot!(
        "notice_is_shown_above_the_hints_40x12",
        screen_at(&app, 40, 12)
    );
}

#[test]
fn too_small_message() {
    let buffer = draw(&app(true), 40, 10);
    let text: String = buffer.content().iter().map(|c| c.symbol()).collect();
    let words: Vec<&str> = text.split_whitespace().collect();
    assert_eq!(
        words.join(" "),
        "Enlarge the terminal to at least 40x12 (now 40x10). Ctrl-C quits."
    );
}

#[test]
fn cautions_use_the_warning_style_and_a_symbol() {
    let mut colored = app(true);
    drive(&mut colored, &[Intent::Select, Intent::Select]);
    let buffer = draw(&colored, 80, 24);
    let cell = &buffer[find(&buffer, "! Cautions")];
    assert_eq!(cell.fg, Color::Yellow);
    assert!(cell.modifier.contains(Modifier::BOLD));

    // NO_COLOR: no colour at all, but the style and the "!" still mark it.
    let mut plain = app(false);
    drive(&mut plain, &[Intent::Select, Intent::Select]);
    let buffer = draw(&plain, 80, 24);
    let cell = &buffer[find(&buffer, "! Cautions")];
    assert_eq!(cell.fg, Color::Reset);
    assert!(cell.modifier.contains(Modifier::BOLD));
    assert!(
        buffer
            .content()
            .iter()
            .all(|c| c.fg == Color::Reset && c.bg == Color::Reset)
    );
}

#[test]
fn current_step_is_marked_without_colour() {
    let mut app = app(false);
    drive(&mut app, &[Intent::Select, Intent::Select, Intent::Next]);
    let buffer = draw(&app, 80, 24);
    let (x, y) = find(&buffer, "▶ 2.");
    assert!(buffer[(x + 2, y)].modifier.contains(Modifier::BOLD));
    let (x, y) = find(&buffer, "  1. Sit tall");
    assert!(buffer[(x + 2, y)].modifier.contains(Modifier::DIM));
}

/// Every screen and overlay, reached through `update`.
fn every_state() -> Vec<App> {
    let paths: &[&[Intent]] = &[
        &[],
        &[Intent::ToggleHelp],
        &[Intent::Select],
        &[Intent::Select, Intent::CyclePosition, Intent::CycleTag],
        &[Intent::Select, Intent::Select],
        &[
            Intent::Select,
            Intent::Select,
            Intent::Last,
            Intent::ToggleHelp,
        ],
    ];
    let mut states = vec![App::new(fixture(), Settings::default(), true)];
    for path in paths {
        let mut app = app(true);
        drive(&mut app, path);
        states.push(app);
    }
    let mut app = app(true);
    drive(
        &mut app,
        &[Outcome::SaveFailed(
            "a long reason that has to wrap over more than one line of a narrow terminal".into(),
        )],
    );
    states.push(app);
    states
}

#[test]
fn every_screen_renders_at_every_small_size() {
    let states = every_state();
    for width in 0..=90 {
        for height in 0..=30 {
            for state in &states {
                draw(state, width, height);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn every_screen_renders_at_any_size(width in 0u16..400, height in 0u16..200) {
        for state in every_state() {
            draw(&state, width, height);
        }
    }
}
