//! Snapshots of the safety screens at 80x24 on small fixture content, driven
//! through the real `update`; style checks where style carries meaning; and
//! a sweep of terminal sizes.

use std::time::Instant;

use crate::support::screen::{deliver, draw, find, screen, screen_at, settle};
use backcoach::app::{self, App, HomeEntry, Intent, Msg, Now};
use backcoach::content::catalog::Content;
use backcoach::store::Settings;
use chrono::{Local, TimeZone};
use insta::assert_snapshot;
use proptest::prelude::*;
use ratatui::style::{Color, Modifier};

fn fixture() -> Content {
    crate::support::screen::fixture("safety.ron", include_str!("../fixtures/safety.ron"))
}

fn now() -> Now {
    Now::new(
        Instant::now(),
        Local.with_ymd_and_hms(2026, 11, 22, 9, 0, 0).unwrap(),
    )
}

fn app_sized(color: bool, width: u16, height: u16) -> App {
    let settings = Settings {
        disclaimer_acknowledged: Some(now().wall),
        ..Settings::default()
    };
    let mut app = App::new(fixture(), settings, color);
    settle(&mut app, width, height, now());
    app
}

fn app(color: bool) -> App {
    app_sized(color, 80, 24)
}

/// Delivers each message as the runtime would at 80x24 (a frame after
/// each, its layout handed back to the model).
fn drive<M: Into<Msg> + Clone>(app: &mut App, msgs: &[M]) {
    for msg in msgs {
        deliver(app, msg.clone(), now(), 80, 24);
    }
}

fn open(entry: HomeEntry) -> Vec<Intent> {
    let index = HomeEntry::ALL.iter().position(|e| *e == entry).unwrap();
    let mut msgs = vec![Intent::First];
    msgs.extend(std::iter::repeat_n(Intent::Down, index));
    msgs.push(Intent::Select);
    msgs
}

/// Opens self-release and answers the fixture's four questions.
fn answered(yes: [bool; 4]) -> Vec<Intent> {
    let mut msgs = open(HomeEntry::SelfRelease);
    msgs.extend(yes.map(|y| if y { Intent::Yes } else { Intent::No }));
    msgs.push(Intent::Select);
    msgs
}

#[test]
fn checklist_partly_answered() {
    let mut app = app(true);
    let mut msgs = open(HomeEntry::SelfRelease);
    msgs.extend([Intent::No, Intent::Yes]);
    drive(&mut app, &msgs);
    let shown = screen(&app);
    assert!(shown.contains("2 of 4 answered"));
    assert_snapshot!(shown);
    assert_snapshot!("checklist_partly_answered_40x12", screen_at(&app, 40, 12));
}

#[test]
fn checklist_enter_with_gaps_says_how_many_are_left() {
    let mut app = app(true);
    let mut msgs = open(HomeEntry::SelfRelease);
    msgs.extend([Intent::No, Intent::Select]);
    drive(&mut app, &msgs);
    let shown = screen(&app);
    assert!(shown.contains("3 left"), "{shown}");
    assert!(
        shown.contains("▶ [ ? ] Do you have spinal stenosis?"),
        "{shown}"
    );
}

#[test]
fn gate_closed_with_an_urgent_flag() {
    let mut app = app(true);
    drive(&mut app, &answered([false, false, true, true]));
    let shown = screen(&app);
    let urgent = shown.find("! URGENT:").unwrap();
    let other = shown.find("• A stuck back").unwrap();
    assert!(urgent < other, "urgent answers come first");
    assert_snapshot!(shown);
    assert_snapshot!(
        "gate_closed_with_an_urgent_flag_40x12",
        screen_at(&app, 40, 12)
    );
}

#[test]
fn gate_closed_by_stenosis_only() {
    let mut app = app(true);
    drive(&mut app, &answered([false, true, false, false]));
    let shown = screen(&app);
    assert!(shown.contains("[locked] Chair arch"));
    assert!(shown.contains("[open]   Floor twist"));
    assert!(shown.contains("[open]   Lying twist"));
    assert_snapshot!(shown);
    assert_snapshot!(
        "gate_closed_by_stenosis_only_40x12",
        screen_at(&app, 40, 12)
    );
}

#[test]
fn technique_card() {
    let mut app = app(true);
    let mut msgs = answered([false; 4]);
    msgs.extend([Intent::Down, Intent::Select]);
    drive(&mut app, &msgs);
    let shown = screen(&app);
    for rule in [
        "Gentle motion only",
        "never forceful or sudden",
        "Never chase the pop",
        "Stop signs",
    ] {
        assert!(shown.contains(rule), "{rule} missing:\n{shown}");
    }
    assert!(shown.contains("! it hurts, numbness, tingling"));
    // In a small pane too: the stop key is never one the hints drop.
    let small = screen_at(&app, 40, 12);
    assert!(small.contains("! it hurts"), "{small}");
    assert_snapshot!(shown);
    assert_snapshot!("technique_card_40x12", screen_at(&app, 40, 12));
}

#[test]
fn hurt_guidance() {
    let mut app = app(true);
    let mut msgs = answered([false; 4]);
    msgs.extend([Intent::Select, Intent::ReportHurt]);
    drive(&mut app, &msgs);
    assert_snapshot!(screen(&app));
    assert_snapshot!("hurt_guidance_40x12", screen_at(&app, 40, 12));
}

#[test]
fn moderation_warning() {
    let mut app = app(true);
    for day in [21, 20, 19, 17] {
        let at = Local.with_ymd_and_hms(2026, 11, day, 18, 0, 0).unwrap();
        app.safety.uses.push(at.fixed_offset());
    }
    drive(&mut app, &answered([false; 4]));
    let shown = screen(&app);
    assert!(shown.contains("5 of the last 7 days"), "{shown}");
    assert_snapshot!(shown);
    assert_snapshot!("moderation_warning_40x12", screen_at(&app, 40, 12));
}

#[test]
fn warnings_top() {
    let mut app = app(true);
    drive(&mut app, &open(HomeEntry::Warnings));
    let shown = screen(&app);
    assert!(shown.contains("Not reviewed yet"));
    assert_snapshot!(shown);
    assert_snapshot!("warnings_top_40x12", screen_at(&app, 40, 12));
}

#[test]
fn warnings_bottom() {
    let mut app = app(true);
    let mut msgs = open(HomeEntry::Warnings);
    msgs.push(Intent::Last);
    drive(&mut app, &msgs);
    let shown = screen(&app);
    assert!(shown.contains("Last reviewed 2026-11-22 09:00"), "{shown}");
    assert!(shown.contains("(end)"));
    assert_snapshot!(shown);
    // The same end in a small pane, reached there.
    settle(&mut app, 40, 12, now());
    deliver(&mut app, Intent::Last, now(), 40, 12);
    let small = screen_at(&app, 40, 12);
    assert!(small.contains("(end)"), "{small}");
    assert_snapshot!("warnings_bottom_40x12", small);
}

#[test]
fn the_last_review_reads_in_local_time() {
    // Reviewed on a machine nine hours east: shown in this machine's zone.
    let tokyo = chrono::FixedOffset::east_opt(9 * 3600).unwrap();
    let at = tokyo.with_ymd_and_hms(2026, 11, 21, 18, 30, 0).unwrap();
    let mut app = app(true);
    app::safety::absorb(
        &mut app,
        &[backcoach::domain::record::Record::WarningsReviewed { at }],
    );
    drive(&mut app, &open(HomeEntry::Warnings));
    let local = at
        .with_timezone(&Local)
        .format("%Y-%m-%d %H:%M")
        .to_string();
    let shown = screen(&app);
    assert!(shown.contains(&format!("Last reviewed {local}")), "{shown}");
}

#[test]
fn urgent_items_are_marked_by_style_and_words_with_or_without_colour() {
    for color in [true, false] {
        // Tall enough to show the red flags section.
        let mut app = app_sized(color, 80, 60);
        drive(&mut app, &open(HomeEntry::Warnings));
        let buffer = draw(&app, 80, 60);
        let urgent = &buffer[find(&buffer, "! URGENT: Fever")];
        assert!(
            urgent
                .modifier
                .contains(Modifier::BOLD | Modifier::UNDERLINED)
        );
        let plain = &buffer[find(&buffer, "• Locked back")];
        assert!(!plain.modifier.contains(Modifier::BOLD));
        if color {
            assert_eq!(urgent.fg, Color::LightRed);
        } else {
            assert!(
                buffer
                    .content()
                    .iter()
                    .all(|c| c.fg == Color::Reset && c.bg == Color::Reset)
            );
        }
    }
}

#[test]
fn every_warning_section_is_on_the_screen_somewhere() {
    let mut app = app_sized(true, 80, 24);
    drive(&mut app, &open(HomeEntry::Warnings));
    let mut seen = String::new();
    for _ in 0..40 {
        seen.push_str(&screen(&app));
        drive(&mut app, &[Intent::Down]);
    }
    for section in &fixture().warnings {
        assert!(
            seen.contains(&section.title),
            "{} never shown",
            section.title
        );
        for item in &section.items {
            assert!(seen.contains(&item.title), "{} never shown", item.title);
        }
    }
}

/// Every safety screen and overlay, reached through `update`.
fn every_state() -> Vec<App> {
    let mut with_habit = app(true);
    for day in [21, 20, 19] {
        let at = Local.with_ymd_and_hms(2026, 11, day, 18, 0, 0).unwrap();
        with_habit.safety.uses.push(at.fixed_offset());
    }
    drive(&mut with_habit, &answered([false; 4]));
    let mut states = vec![with_habit];
    let mut card = answered([false; 4]);
    card.push(Intent::Select);
    let mut hurt = card.clone();
    hurt.push(Intent::ReportHurt);
    let mut bottom = open(HomeEntry::Warnings);
    bottom.push(Intent::Last);
    let mut help = card.clone();
    help.push(Intent::ToggleHelp);
    let paths: Vec<Vec<Intent>> = vec![
        open(HomeEntry::SelfRelease),
        answered([true, true, true, true]),
        answered([false, true, false, false]),
        card,
        hurt,
        open(HomeEntry::Warnings),
        bottom,
        help,
    ];
    for path in paths {
        let mut app = app(true);
        drive(&mut app, &path);
        states.push(app);
    }
    states
}

#[test]
fn every_safety_screen_renders_at_every_small_size() {
    let states = every_state();
    for width in 0..=120 {
        for height in (0..=40).step_by(3) {
            for state in &states {
                draw(state, width, height);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]
    #[test]
    fn every_safety_screen_renders_at_any_size(width in 0u16..300, height in 0u16..120) {
        for mut state in every_state() {
            settle(&mut state, width, height, now());
            deliver(&mut state, Intent::Last, now(), width, height);
        }
    }
}
