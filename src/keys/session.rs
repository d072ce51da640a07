//! Key tables of the routine picker, the preview, every phase of a running
//! session, and the History screen.

use ratatui::crossterm::event::KeyCode::{Char, Down, End, Enter, Esc, Home, Left, Right, Up};

use super::{
    Binding, MOVE_DOWN, MOVE_UP, PAGE_DOWN, PAGE_UP, SCROLL_DOWN, SCROLL_END, SCROLL_PAGE_DOWN,
    SCROLL_PAGE_UP, SCROLL_TOP, SCROLL_UP,
};
use crate::app::{App, Intent, Screen};
use crate::domain::session::Phase;
use crate::domain::session_record::Rating;

/// "This hurts": the same key in every phase where a session is under way.
const HURT: Binding = bind!([Char('!')], "!", "this hurts", Intent::Hurt, true);
const BELL: Binding = bind!([Char('b')], "b", "bell on/off", Intent::ToggleBell, true);

pub(super) const ROUTINES: &[Binding] = &[
    MOVE_UP,
    MOVE_DOWN,
    PAGE_UP,
    PAGE_DOWN,
    bind!(
        [Home, Char('g')],
        "g/Home",
        "first routine",
        Intent::First,
        false
    ),
    bind!(
        [End, Char('G')],
        "G/End",
        "last routine",
        Intent::Last,
        false
    ),
    bind!(
        [Enter, Right, Char('l')],
        "Enter/→/l",
        "Enter",
        "see the routine",
        Intent::Select,
        true
    ),
    BELL,
    bind!(
        [Esc, Left, Char('h'), Char('q')],
        "Esc/←/h/q",
        "Esc",
        "back",
        Intent::Back,
        true
    ),
];

pub(super) const PREVIEW: &[Binding] = &[
    bind!([Enter], "Enter", "start the session", Intent::Select, true),
    BELL,
    bind!(
        [Esc, Left, Char('h'), Char('q')],
        "Esc/←/h/q",
        "Esc",
        "back to the routines",
        Intent::Back,
        true
    ),
    SCROLL_UP,
    SCROLL_DOWN,
    SCROLL_PAGE_UP,
    SCROLL_PAGE_DOWN,
    SCROLL_TOP,
    SCROLL_END,
];

const PAIN_DIGITS: Binding = Binding {
    codes: super::digits(0, 9),
    keys: "0-9",
    short: "0-9",
    does: "pain",
    intent: Intent::Digit(0),
    hint: true,
};
const RATE_EASY: Binding = bind!(
    [Char('e')],
    "e",
    "rate the exercise just done: easy",
    Intent::Rate(Some(Rating::Easy)),
    false
);
const RATE_RIGHT: Binding = bind!(
    [Char('a')],
    "a",
    "rate it: about right",
    Intent::Rate(Some(Rating::AboutRight)),
    false
);
const RATE_HARD: Binding = bind!(
    [Char('h')],
    "h",
    "rate it: hard",
    Intent::Rate(Some(Rating::Hard)),
    false
);
const RATE_PAINFUL: Binding = bind!(
    [Char('o')],
    "o",
    "rate it: painful (ouch)",
    Intent::Rate(Some(Rating::Painful)),
    false
);
const PAIN_UP: Binding = bind!([Up, Char('k')], "↑/k", "↑↓", "adjust", Intent::Up, true);
const PAIN_DOWN: Binding = bind!([Down, Char('j')], "↓/j", "pain down", Intent::Down, false);
const PAIN_OK: Binding = bind!([Enter], "Enter", "ok", Intent::Select, true);

const CHECK: &[Binding] = &[
    HURT,
    PAIN_DIGITS,
    PAIN_UP,
    PAIN_DOWN,
    PAIN_OK,
    bind!([Char('n')], "n", "skip", Intent::Next, true),
    bind!([Esc, Char('q')], "Esc/q", "Esc", "back", Intent::Back, true),
];

const CHECK_OUT: &[Binding] = &[
    HURT,
    PAIN_DIGITS,
    PAIN_UP,
    PAIN_DOWN,
    PAIN_OK,
    RATE_EASY,
    RATE_RIGHT,
    RATE_HARD,
    RATE_PAINFUL,
    bind!(
        [Char('n'), Esc, Char('q')],
        "n/Esc/q",
        "n",
        "skip",
        Intent::Next,
        true
    ),
];

const RUN: &[Binding] = &[
    HURT,
    bind!([Char(' ')], "Space", "pause", Intent::TogglePause, true),
    bind!([Char('n')], "n", "skip", Intent::Next, true),
    bind!([Char('p')], "p", "back", Intent::Previous, true),
    bind!(
        [Enter],
        "Enter",
        "next step without a hold; ends a get-ready",
        Intent::Select,
        false
    ),
    RATE_EASY,
    RATE_RIGHT,
    RATE_HARD,
    RATE_PAINFUL,
    bind!(
        [Esc, Char('q')],
        "Esc/q",
        "Esc",
        "leave",
        Intent::Back,
        true
    ),
];

const CONFIRM: &[Binding] = &[
    HURT,
    bind!(
        [Char('y'), Enter],
        "y/Enter",
        "y",
        "leave (recorded as abandoned)",
        Intent::Select,
        true
    ),
    bind!(
        [Char('n'), Esc, Char('q')],
        "n/Esc",
        "n",
        "keep going",
        Intent::Back,
        true
    ),
];

const ENDED: &[Binding] = &[
    bind!(
        [Char('y')],
        "y",
        "accept the suggested step (when one is shown)",
        Intent::Yes,
        false
    ),
    bind!(
        [Enter, Esc, Char('q')],
        "Enter/Esc/q",
        "Enter",
        "back to the routines",
        Intent::Back,
        true
    ),
    SCROLL_UP,
    SCROLL_DOWN,
    SCROLL_PAGE_UP,
    SCROLL_PAGE_DOWN,
    SCROLL_TOP,
    SCROLL_END,
];

pub(super) const HISTORY: &[Binding] = &[
    bind!([Up, Char('k')], "↑/k", "↑↓", "scroll", Intent::Up, true),
    bind!([Char('w')], "w", "write report", Intent::WriteReport, true),
    bind!([Down, Char('j')], "↓/j", "scroll down", Intent::Down, false),
    PAGE_UP,
    PAGE_DOWN,
    bind!([Home, Char('g')], "g/Home", "newest", Intent::First, false),
    bind!([End, Char('G')], "G/End", "oldest", Intent::Last, false),
    bind!(
        [Esc, Left, Char('h'), Char('q')],
        "Esc/←/h/q",
        "Esc",
        "back",
        Intent::Back,
        true
    ),
];

/// The table for the session's current phase.
pub(super) fn session(app: &App) -> &'static [Binding] {
    match app.session.as_ref().map(|s| s.phase) {
        Some(Phase::CheckIn) => CHECK,
        Some(Phase::CheckOut) => CHECK_OUT,
        Some(Phase::Running) | None => RUN,
        Some(Phase::Confirm) => CONFIRM,
        Some(Phase::Summary | Phase::Hurt) => ENDED,
    }
}

/// True while a pain rating is asked for: digits rate the pain.
pub(super) fn asks_pain(app: &App) -> bool {
    app.screen == Screen::Session
        && !app.reminder.showing
        && app
            .session
            .as_ref()
            .is_some_and(|s| matches!(s.phase, Phase::CheckIn | Phase::CheckOut))
}

/// The running-session table, for callers that know only the screen.
pub(super) fn session_run() -> &'static [Binding] {
    RUN
}

/// Every table here, for the checks that run over all of them.
#[cfg(test)]
pub(super) const TABLES: &[&[Binding]] = &[
    ROUTINES, PREVIEW, CHECK, CHECK_OUT, RUN, CONFIRM, ENDED, HISTORY,
];
