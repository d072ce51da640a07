//! The mouse and the keys that work everywhere, through `keys::map`,
//! `keys::mouse::map` and `update`: clicks and the wheel act on what the
//! last frame showed where the pointer is (the layout the view reported),
//! `?` opens the help on every screen and overlay, Esc goes back.

use std::time::{Duration, Instant};

use crate::support::screen::{deliver, find, settle};
use backcoach::app::{self, App, HomeEntry, Intent, Now, Screen};
use backcoach::content::load;
use backcoach::content::source;
use backcoach::keys;
use backcoach::store::Settings;
use chrono::{Local, TimeZone};
use ratatui::crossterm::event::{
    KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

const SIZES: [(u16, u16); 2] = [(80, 24), (40, 12)];

fn now() -> Now {
    Now::new(
        Instant::now() + Duration::from_secs(60),
        Local.with_ymd_and_hms(2026, 11, 22, 9, 1, 0).unwrap(),
    )
}

/// The built-in content, past the first-run statement, drawn at the size.
fn app(width: u16, height: u16) -> App {
    let settings = Settings {
        disclaimer_acknowledged: Some(now().wall),
        ..Settings::default()
    };
    let mut app = App::new(load::load(&source::builtin()).unwrap(), settings, true);
    settle(&mut app, width, height, now());
    app
}

fn mouse(kind: MouseEventKind, column: u16, row: u16) -> MouseEvent {
    MouseEvent {
        kind,
        column,
        row,
        modifiers: KeyModifiers::NONE,
    }
}

fn click(column: u16, row: u16) -> MouseEvent {
    mouse(MouseEventKind::Down(MouseButton::Left), column, row)
}

/// The mouse event as the runtime delivers it: mapped with the app as
/// last drawn, updated, drawn again.
fn pointer(app: &mut App, event: MouseEvent, size: (u16, u16)) -> Option<Intent> {
    let intent = keys::mouse::map(event, app);
    if let Some(intent) = intent {
        deliver(app, intent, now(), size.0, size.1);
    }
    intent
}

/// Where `text` is on screen.
fn at_text(app: &App, text: &str, size: (u16, u16)) -> (u16, u16) {
    find(&crate::support::screen::draw(app, size.0, size.1), text)
}

#[test]
fn a_click_selects_a_home_entry_and_a_click_on_the_selection_opens_it() {
    for size in SIZES {
        let mut app = app(size.0, size.1);
        let (x, y) = at_text(&app, "Heat/cold timer", size);
        assert_eq!(pointer(&mut app, click(x, y), size), Some(Intent::Point(2)));
        assert_eq!(app.home_selected.index(), 2, "{size:?}");
        assert_eq!(app.screen, Screen::Home, "one click only selects");
        assert_eq!(pointer(&mut app, click(x, y), size), Some(Intent::Select));
        assert_eq!(app.screen, Screen::Therapy, "{size:?}");
    }
}

#[test]
fn clicks_on_nothing_do_nothing_and_the_wheel_moves_a_list() {
    let size = (80, 24);
    let mut app = app(size.0, size.1);
    // The blank line under the menu, and the header.
    assert_eq!(pointer(&mut app, click(40, 0), size), None);
    let down = mouse(MouseEventKind::ScrollDown, 10, 3);
    assert_eq!(pointer(&mut app, down, size), Some(Intent::Down));
    assert_eq!(app.home_selected.index(), 1);
    let up = mouse(MouseEventKind::ScrollUp, 10, 3);
    assert_eq!(pointer(&mut app, up, size), Some(Intent::Up));
    assert_eq!(app.home_selected.index(), 0);
    // A release, a move: nothing.
    let release = mouse(MouseEventKind::Up(MouseButton::Left), 10, 3);
    assert_eq!(keys::mouse::map(release, &app), None);
    let moved = mouse(MouseEventKind::Moved, 10, 3);
    assert_eq!(keys::mouse::map(moved, &app), None);
}

#[test]
fn a_click_on_a_key_hint_does_what_the_key_does() {
    for size in SIZES {
        let mut app = app(size.0, size.1);
        deliver(&mut app, Intent::Select, now(), size.0, size.1);
        assert_eq!(app.screen, Screen::Library);
        let (x, y) = at_text(&app, "? help", size);
        assert_eq!(
            pointer(&mut app, click(x, y), size),
            Some(Intent::ToggleHelp)
        );
        assert!(app.help_open, "{size:?}");
        // Over the help, the list under it takes no clicks.
        let (x, y) = at_text(&app, "Esc close help", size);
        assert_eq!(pointer(&mut app, click(x, y), size), Some(Intent::Back));
        assert!(!app.help_open);
    }
}

#[test]
fn the_wheel_scrolls_the_warnings_and_a_card() {
    let size = (40, 12);
    let mut app = app(size.0, size.1);
    deliver(&mut app, Intent::Digit(5), now(), size.0, size.1);
    assert_eq!(app.screen, Screen::Warnings);
    let down = mouse(MouseEventKind::ScrollDown, 10, 5);
    assert_eq!(
        pointer(&mut app, down, size),
        Some(Intent::Scroll(keys::mouse::WHEEL_LINES))
    );
    assert_eq!(app.scroll.offset, 3);
    let up = mouse(MouseEventKind::ScrollUp, 10, 5);
    pointer(&mut app, up, size);
    pointer(&mut app, up, size);
    assert_eq!(app.scroll.offset, 0, "stops at the top");

    // A card: the wheel reads on without changing the step.
    let mut app = self::app(size.0, size.1);
    for intent in [Intent::Digit(1), Intent::Select] {
        deliver(&mut app, intent, now(), size.0, size.1);
    }
    assert_eq!(app.screen, Screen::Card);
    let before = app.scroll.offset;
    pointer(&mut app, down, size);
    assert!(app.scroll.offset > before, "{}", app.scroll.offset);
    assert_eq!(app.card.as_ref().unwrap().step.index(), 0);
}

#[test]
fn a_click_on_the_current_question_never_answers_or_submits_it() {
    let size = (80, 24);
    let mut app = app(size.0, size.1);
    deliver(&mut app, Intent::Digit(4), now(), size.0, size.1);
    assert_eq!(app.screen, Screen::Checklist);
    let first = app.content.checklist[0].question.clone();
    let (x, y) = at_text(&app, &first[..20], size);
    assert_eq!(pointer(&mut app, click(x, y), size), Some(Intent::Point(0)));
    assert_eq!(app.screen, Screen::Checklist);
    assert!(app.notice.is_none(), "no 'answer every question first'");
    let second = app.content.checklist[1].question.clone();
    let (x, y) = at_text(&app, &second[..20], size);
    assert_eq!(pointer(&mut app, click(x, y), size), Some(Intent::Point(1)));
    assert_eq!(app.safety.form.cursor.index(), 1);
    assert_eq!(app.safety.form.answered(), 0);
}

#[test]
fn digits_open_home_entries() {
    for (n, entry) in HomeEntry::ALL.iter().enumerate() {
        let mut app = app(80, 24);
        let digit = char::from_digit(u32::try_from(n + 1).unwrap(), 10).unwrap();
        let intent = keys::map(
            KeyEvent::new(KeyCode::Char(digit), KeyModifiers::NONE),
            &app,
        );
        assert_eq!(intent, Some(Intent::Digit(u8::try_from(n + 1).unwrap())));
        app::update(&mut app, intent.unwrap(), now());
        assert_eq!(HomeEntry::ALL[app.home_selected.index()], *entry);
        assert_ne!(app.screen, Screen::Home, "{entry:?} opened");
    }
    let app = app(80, 24);
    for digit in ['0', '8', '9'] {
        let intent = keys::map(
            KeyEvent::new(KeyCode::Char(digit), KeyModifiers::NONE),
            &app,
        );
        assert_eq!(intent, None, "{digit}");
    }
}

#[test]
fn question_mark_opens_the_help_over_every_screen_and_overlay() {
    let key = |c| KeyEvent::new(c, KeyModifiers::NONE);
    for entry in HomeEntry::ALL {
        let mut app = app(80, 24);
        let digit = HomeEntry::ALL.iter().position(|e| *e == entry).unwrap() + 1;
        app::update(&mut app, Intent::Digit(u8::try_from(digit).unwrap()), now());
        // A second step in, where there is one (a card, a technique list).
        app::update(&mut app, Intent::Select, now());
        let screen = app.screen;
        let intent = keys::map(key(KeyCode::Char('?')), &app);
        assert_eq!(intent, Some(Intent::ToggleHelp), "{screen:?}");
        app::update(&mut app, Intent::ToggleHelp, now());
        assert!(app.help_open, "{screen:?}");
        assert_eq!(keys::map(key(KeyCode::Esc), &app), Some(Intent::Back));
        app::update(&mut app, Intent::Back, now());
        assert!(!app.help_open && app.screen == screen, "{screen:?}");
        // Esc goes back from every screen but Home.
        if screen != Screen::Home {
            assert_eq!(keys::map(key(KeyCode::Esc), &app), Some(Intent::Back));
        }
    }
}

#[test]
fn the_quit_question_has_its_help_and_still_waits_for_an_answer() {
    let key = |c| KeyEvent::new(c, KeyModifiers::NONE);
    let mut app = app(80, 24);
    app::therapy::open_check(&mut app, backcoach::content::model::TherapyKind::Heat, None);
    app::update(&mut app, Intent::Yes, now());
    app::update(&mut app, Intent::Quit, now());
    assert!(app.quit_ask.is_some());
    assert_eq!(
        keys::map(key(KeyCode::Char('?')), &app),
        Some(Intent::ToggleHelp)
    );
    app::update(&mut app, Intent::ToggleHelp, now());
    assert!(app.help_open && app.quit_ask.is_some());
    let text = crate::support::screen::screen_at(&app, 80, 24);
    assert!(text.contains("Keys: Quit with the pack on?"), "{text}");
    // Esc closes the help, not the question; y still quits.
    assert_eq!(keys::map(key(KeyCode::Esc), &app), Some(Intent::Back));
    app::update(&mut app, Intent::Back, now());
    assert!(!app.help_open && app.quit_ask.is_some() && !app.quit);
    assert_eq!(keys::map(key(KeyCode::Char('y')), &app), Some(Intent::Yes));
    app::update(&mut app, Intent::Yes, now());
    assert!(app.quit);
}
