//! Keys of the first-run statement, the home menu, the library and the
//! exercise card.

use ratatui::crossterm::event::KeyCode::{Char, End, Enter, Esc, Home, Left, Right};

use super::{
    Binding, MOVE_DOWN, MOVE_UP, PAGE_DOWN, PAGE_UP, SCROLL_DOWN, SCROLL_END, SCROLL_PAGE_DOWN,
    SCROLL_PAGE_UP, SCROLL_TOP, SCROLL_UP,
};
use crate::app::Intent;

pub(super) const DISCLAIMER: &[Binding] = &[
    bind!(
        [Enter],
        "Enter",
        "I understand: continue",
        Intent::Select,
        true
    ),
    bind!([Esc, Char('q')], "q/Esc", "q", "quit", Intent::Back, true),
    SCROLL_UP,
    SCROLL_DOWN,
    SCROLL_PAGE_UP,
    SCROLL_PAGE_DOWN,
    SCROLL_TOP,
    SCROLL_END,
];

/// The home menu's keys; `$digits`, the digits its entries have.
macro_rules! home {
    ($digits:expr) => {
        &[
            MOVE_UP,
            MOVE_DOWN,
            PAGE_UP,
            PAGE_DOWN,
            bind!(
                [Home, Char('g')],
                "g/Home",
                "first entry",
                Intent::First,
                false
            ),
            bind!([End, Char('G')], "G/End", "last entry", Intent::Last, false),
            bind!(
                [Enter, Right, Char('l')],
                "Enter/→/l",
                "Enter",
                "open",
                Intent::Select,
                true
            ),
            $digits,
            bind!(
                [Char('r')],
                "r",
                "stand-up reminder on/off",
                Intent::ToggleReminder,
                true
            ),
            super::reminder::QUIET,
            bind!([Char('q')], "q", "quit", Intent::Back, true),
        ]
    };
}

/// The digits that open Home's entries, the hint saying which (`keys`).
const fn entry_digits(last: usize, keys: &'static str) -> Binding {
    Binding {
        codes: super::digits(1, last),
        keys,
        short: keys,
        does: "open that entry",
        intent: Intent::Digit(1),
        hint: true,
    }
}

/// Digits 1 to 7: the entries always shown.
const SEVEN_ENTRIES: Binding = entry_digits(7, "1-7");

/// Digits 1 to 8: with a programme in force, its entry is the eighth.
const EIGHT_ENTRIES: Binding = entry_digits(8, "1-8");

pub(super) const HOME: &[Binding] = home!(SEVEN_ENTRIES);

/// Home with a programme in force.
pub(super) const HOME_PROGRAMME: &[Binding] = home!(EIGHT_ENTRIES);

pub(super) const LIBRARY: &[Binding] = &[
    MOVE_UP,
    MOVE_DOWN,
    PAGE_UP,
    PAGE_DOWN,
    bind!(
        [Home, Char('g')],
        "g/Home",
        "first exercise",
        Intent::First,
        false
    ),
    bind!(
        [End, Char('G')],
        "G/End",
        "last exercise",
        Intent::Last,
        false
    ),
    bind!(
        [Enter, Right, Char('l')],
        "Enter/→/l",
        "Enter",
        "open card",
        Intent::Select,
        true
    ),
    bind!(
        [Char('f')],
        "f",
        "filter by position",
        Intent::CyclePosition,
        true
    ),
    bind!([Char('t')], "t", "filter by tag", Intent::CycleTag, true),
    bind!(
        [Char('c')],
        "c",
        "clear filters",
        Intent::ClearFilters,
        false
    ),
    bind!(
        [Char('s')],
        "s",
        "self-release techniques (safety checklist first)",
        Intent::OpenRelease,
        false
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

pub(super) const CARD: &[Binding] = &[
    bind!(
        [Right, Char('l'), Char('n'), Enter, Char(' ')],
        "→/l/n/Enter/Space",
        "→",
        "next step",
        Intent::Next,
        true
    ),
    bind!(
        [Left, Char('h'), Char('p')],
        "←/h/p",
        "←",
        "previous step",
        Intent::Previous,
        true
    ),
    bind!(
        [Home, Char('g')],
        "g/Home",
        "first step",
        Intent::First,
        false
    ),
    bind!([End, Char('G')], "G/End", "last step", Intent::Last, false),
    SCROLL_UP,
    SCROLL_DOWN,
    SCROLL_PAGE_UP,
    SCROLL_PAGE_DOWN,
    bind!(
        [Esc, Char('q')],
        "Esc/q",
        "Esc",
        "back to the list",
        Intent::Back,
        true
    ),
];

/// Every table here, for the checks that run over all of them.
#[cfg(test)]
pub(super) const TABLES: &[&[Binding]] = &[DISCLAIMER, HOME, HOME_PROGRAMME, LIBRARY, CARD];
