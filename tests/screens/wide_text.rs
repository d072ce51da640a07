//! Japanese text with emoji: every wide character takes two cells, so each
//! screen must wrap by display width. A card and a popup drawn at the
//! reference size and at the smallest supported size keep every line
//! inside the screen and show the end of their text.

use std::time::Instant;

use backcoach::app::{self, App, Cmd, Intent, Now, Screen};
use backcoach::content::catalog::Content;
use backcoach::domain::record::Record;
use backcoach::store::Settings;
use backcoach::text::display_width;
use chrono::{Local, TimeZone};
use ratatui::buffer::Buffer;

use crate::support::screen::{deliver, draw, settle};

const SIZES: [(u16, u16); 3] = [(80, 24), (50, 15), (40, 12)];

fn fixture() -> Content {
    crate::support::screen::fixture("wide.ron", include_str!("../fixtures/wide.ron"))
}

fn now() -> Now {
    Now::new(
        Instant::now(),
        Local.with_ymd_and_hms(2026, 11, 22, 9, 0, 0).unwrap(),
    )
}

/// The rows of the screen as a terminal shows them: a wide character's
/// second cell is part of it, not a character of its own.
fn rows(buffer: &Buffer) -> Vec<String> {
    (0..buffer.area.height)
        .map(|y| {
            let mut row = String::new();
            let mut x = 0;
            while x < buffer.area.width {
                let symbol = buffer[(x, y)].symbol();
                row.push_str(symbol);
                x += u16::try_from(display_width(symbol).max(1)).unwrap();
            }
            row
        })
        .collect()
}

/// Every row fits the width, and none holds a cut-off half of a wide
/// character (a wide character in the last column would be one).
fn assert_fits(rows: &[String], width: u16, what: &str) {
    for row in rows {
        assert!(
            display_width(row) <= usize::from(width),
            "{what}: row wider than {width}: {row:?}"
        );
    }
}

fn assert_shown(rows: &[String], word: &str, what: &str) {
    assert!(
        rows.iter().any(|row| row.contains(word)),
        "{what}: {word:?} is not on screen:\n{}",
        rows.join("\n")
    );
}

fn last_word(text: &str) -> &str {
    text.split_whitespace().last().unwrap()
}

fn card_app() -> App {
    let settings = Settings {
        disclaimer_acknowledged: Some(now().wall),
        ..Settings::default()
    };
    let mut app = App::new(fixture(), settings, true);
    // Home → library → the one exercise's card.
    for intent in [Intent::Select, Intent::Select] {
        app::update(&mut app, intent, now());
    }
    assert_eq!(app.screen, Screen::Card);
    app
}

#[test]
fn a_card_in_japanese_wraps_by_display_width() {
    let mut app = card_app();
    let exercise = app.content.exercises[0].clone();
    for (width, height) in SIZES {
        let what = format!("card at {width}x{height}");
        app::update(&mut app, Intent::First, now());
        let first = rows(&draw(&app, width, height));
        assert_fits(&first, width, &what);
        assert_shown(&first, &exercise.name, &what);
        assert_shown(&first, last_word(&exercise.summary), &what);
        assert_shown(&first, last_word(&exercise.steps[0]), &what);
        assert_shown(&first, last_word(&exercise.cautions[0]), &what);
        app::update(&mut app, Intent::Last, now());
        let last = rows(&draw(&app, width, height));
        assert_fits(&last, width, &what);
        let last_step = exercise.steps.last().unwrap();
        assert_shown(&last, last_word(last_step), &what);
    }
}

#[test]
fn a_step_list_that_scrolls_shows_a_scrollbar_on_its_border() {
    let mut app = card_app();
    let (width, height) = (50, 15);
    // The steps' box: the rows between its top border (with the title) and
    // its bottom border; the scrollbar is drawn over its right border.
    let column = |screen: &[String]| -> Vec<char> {
        let top = screen.iter().position(|r| r.contains("Step ")).unwrap();
        screen[top + 1..]
            .iter()
            .take_while(|r| !r.starts_with('└'))
            .map(|r| r.chars().last().unwrap())
            .collect()
    };
    // The thumb is at the top on the first step, at the bottom on the
    // last, with track (the border line) on the other side of it.
    let at_first = column(&rows(&draw(&app, width, height)));
    assert_eq!(at_first.first(), Some(&'█'), "{at_first:?}");
    assert_eq!(at_first.last(), Some(&'│'), "{at_first:?}");
    app::update(&mut app, Intent::Last, now());
    let at_last = column(&rows(&draw(&app, width, height)));
    assert_eq!(at_last.first(), Some(&'│'), "{at_last:?}");
    assert_eq!(at_last.last(), Some(&'█'), "{at_last:?}");
    // At the reference size every step fits: no scrollbar.
    let roomy = rows(&draw(&app, 80, 24));
    assert!(
        roomy.iter().all(|r| !r.contains('█')),
        "{}",
        roomy.join("\n")
    );
}

#[test]
fn the_first_run_popup_in_japanese_fits_and_shows_its_end() {
    let app = App::new(fixture(), Settings::default(), true);
    assert_eq!(app.screen, Screen::Disclaimer);
    let section = app.content.warning("coach_not_diagnosis").unwrap().clone();
    for (width, height) in SIZES {
        let what = format!("first-run popup at {width}x{height}");
        let screen = rows(&draw(&app, width, height));
        assert_fits(&screen, width, &what);
        let first_word = section.intro.split_whitespace().next().unwrap();
        assert_shown(&screen, first_word, &what);
        assert_shown(&screen, last_word(&section.intro), &what);
        assert_shown(&screen, last_word(&section.items[0].text), &what);
        assert_shown(&screen, "once.", &what);
        // The box is closed: its bottom border is drawn.
        assert!(
            screen.iter().any(|r| r.contains('└') && r.contains('┘')),
            "{what}"
        );
    }
}

/// The app past the first-run statement, drawn at `size`, after `intents`
/// delivered as the runtime would (a frame after each).
fn reached(intents: &[Intent], size: (u16, u16)) -> App {
    let settings = Settings {
        disclaimer_acknowledged: Some(now().wall),
        ..Settings::default()
    };
    let mut app = App::new(fixture(), settings, true);
    settle(&mut app, size.0, size.1, now());
    for intent in intents {
        deliver(&mut app, *intent, now(), size.0, size.1);
    }
    app
}

#[test]
fn every_compact_screen_in_japanese_fits_its_width() {
    let release = [Intent::Digit(4), Intent::No, Intent::Select];
    let routine = [Intent::Digit(2), Intent::Select];
    let paths: Vec<(Vec<Intent>, Screen, &str)> = vec![
        (vec![Intent::Digit(1)], Screen::Library, "🙆"),
        (vec![Intent::Digit(4)], Screen::Checklist, "含みます"),
        (release.to_vec(), Screen::Release, "座って"),
        (
            [&release[..], &[Intent::Select]].concat(),
            Screen::Technique,
            "座ります。",
        ),
        (vec![Intent::Digit(5)], Screen::Warnings, "ありません"),
        (vec![Intent::Digit(2)], Screen::Routines, "☀️"),
        (routine.to_vec(), Screen::RoutinePreview, "どうぞ"),
        (
            [&routine[..], &[Intent::Select, Intent::Next]].concat(),
            Screen::Session,
            "つけます。",
        ),
    ];
    for (path, screen, word) in paths {
        for size in SIZES {
            let what = format!("{screen:?} at {}x{}", size.0, size.1);
            let app = reached(&path, size);
            assert_eq!(app.screen, screen, "{what}");
            let shown = rows(&draw(&app, size.0, size.1));
            assert_fits(&shown, size.0, &what);
            assert_shown(&shown, word, &what);
        }
    }
}

#[test]
fn the_japanese_warnings_are_reviewed_only_once_their_end_was_on_screen() {
    let size = (40, 12);
    let mut app = reached(&[], size);
    let reviews = |cmds: &[Cmd]| {
        cmds.iter()
            .filter(|c| matches!(c, Cmd::Append(Record::WarningsReviewed { .. })))
            .count()
    };
    let cmds = deliver(&mut app, Intent::Digit(5), now(), size.0, size.1);
    assert_eq!(app.screen, Screen::Warnings);
    let shown = app.shown.unwrap();
    assert!(shown.total > shown.visible(), "the text does not fit 40x12");
    assert_eq!(reviews(&cmds), 0, "its end is not on screen yet");
    let mut all = Vec::new();
    for _ in 0..shown.total {
        all.extend(deliver(&mut app, Intent::Down, now(), size.0, size.1));
    }
    assert_eq!(reviews(&all), 1, "recorded once, when the end showed");
    let last = rows(&draw(&app, size.0, size.1));
    assert_shown(&last, "受診", "the warnings' last line");
}
