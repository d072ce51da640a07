//! Keys of the heat/cold timer, one table per stage.

use ratatui::crossterm::event::KeyCode::{Char, End, Enter, Esc, Home, Left, Right};

use super::{
    Binding, MOVE_DOWN, MOVE_UP, PAGE_DOWN, PAGE_UP, SCROLL_DOWN, SCROLL_END, SCROLL_PAGE_DOWN,
    SCROLL_PAGE_UP, SCROLL_TOP, SCROLL_UP,
};
use crate::app::therapy::Stage;
use crate::app::{App, Intent};

pub(super) const PICK: &[Binding] = &[
    MOVE_UP,
    MOVE_DOWN,
    PAGE_UP,
    PAGE_DOWN,
    bind!(
        [Home, Char('g')],
        "g/Home",
        "first mode",
        Intent::First,
        false
    ),
    bind!([End, Char('G')], "G/End", "last mode", Intent::Last, false),
    bind!(
        [Enter, Right, Char('l')],
        "Enter/→/l",
        "Enter",
        "choose",
        Intent::Select,
        true
    ),
    bind!(
        [Esc, Left, Char('h'), Char('q')],
        "Esc/←/h/q",
        "Esc",
        "back",
        Intent::Back,
        true
    ),
];

const CHECK: &[Binding] = &[
    bind!([Char('y')], "y", "yes, start", Intent::Yes, true),
    bind!(
        [Enter],
        "Enter",
        "nothing: only y starts an application",
        Intent::Select,
        false
    ),
    bind!(
        [Char('+'), Char('='), Right],
        "+/=/→",
        "+",
        "longer",
        Intent::Longer,
        true
    ),
    bind!(
        [Char('-'), Char('_'), Left],
        "-/←",
        "-",
        "shorter",
        Intent::Shorter,
        true
    ),
    bind!([Esc, Char('q')], "Esc/q", "Esc", "back", Intent::Back, true),
    SCROLL_UP,
    SCROLL_DOWN,
    SCROLL_PAGE_UP,
    SCROLL_PAGE_DOWN,
    SCROLL_TOP,
    SCROLL_END,
];

const REST_GAP: &[Binding] = &[
    bind!(
        [Char('y')],
        "y",
        "start anyway",
        Intent::ConfirmAnyway,
        true
    ),
    bind!(
        [Esc, Char('n'), Char('q')],
        "Esc/n/q",
        "Esc",
        "wait",
        Intent::Back,
        true
    ),
    SCROLL_UP,
    SCROLL_DOWN,
    SCROLL_PAGE_UP,
    SCROLL_PAGE_DOWN,
];

const RUNNING: &[Binding] = &[
    bind!([Char('x')], "x", "pack off", Intent::PackRemoved, true),
    bind!(
        [Char('+'), Char('=')],
        "+/=",
        "+",
        "longer",
        Intent::Longer,
        true
    ),
    bind!(
        [Char('-'), Char('_')],
        "-",
        "shorter",
        Intent::Shorter,
        true
    ),
    bind!([Esc, Char('q')], "Esc/q", "Esc", "home", Intent::Back, true),
];

const ALERT: &[Binding] = &[bind!(
    [Enter, Char(' '), Esc, Char('x')],
    "Enter/Space/Esc/x",
    "Enter",
    "the pack is off",
    Intent::Select,
    true
)];

/// The table for the timer's current stage.
pub(super) fn bindings(app: &App) -> &'static [Binding] {
    let t = &app.therapy;
    if t.alert.is_some() {
        ALERT
    } else if t.session.is_some() {
        RUNNING
    } else {
        match t.stage {
            Stage::Pick => PICK,
            Stage::Check => CHECK,
            Stage::RestGap => REST_GAP,
        }
    }
}

/// Every table here, for the checks that run over all of them.
#[cfg(test)]
pub(super) const TABLES: &[&[Binding]] = &[PICK, CHECK, REST_GAP, RUNNING, ALERT];
