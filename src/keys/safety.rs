//! Keys of the safety checklist, the self-release screens and the
//! warnings review.

use ratatui::crossterm::event::KeyCode::{
    Char, Down, End, Enter, Esc, Home, Left, PageDown, PageUp, Right, Up,
};

use super::{
    Binding, MOVE_DOWN, MOVE_UP, SCROLL_DOWN, SCROLL_END, SCROLL_PAGE_DOWN, SCROLL_PAGE_UP,
    SCROLL_TOP, SCROLL_UP, TEXT_PAGE_DOWN, TEXT_PAGE_UP,
};
use crate::app::Intent;

pub(super) const CHECKLIST: &[Binding] = &[
    bind!([Char('y')], "y", "yes", Intent::Yes, true),
    bind!([Char('n')], "n", "no", Intent::No, true),
    bind!([Up, Char('k')], "↑/k", "↑↓", "move", Intent::Up, true),
    bind!(
        [Down, Char('j')],
        "↓/j",
        "next question",
        Intent::Down,
        false
    ),
    TEXT_PAGE_UP,
    TEXT_PAGE_DOWN,
    bind!(
        [Home, Char('g')],
        "g/Home",
        "first question",
        Intent::First,
        false
    ),
    bind!(
        [End, Char('G')],
        "G/End",
        "last question",
        Intent::Last,
        false
    ),
    bind!(
        [Enter],
        "Enter",
        "done (every question answered)",
        Intent::Select,
        true
    ),
    bind!([Esc, Char('q')], "Esc/q", "Esc", "back", Intent::Back, true),
];

pub(super) const RELEASE: &[Binding] = &[
    MOVE_UP,
    MOVE_DOWN,
    TEXT_PAGE_UP,
    TEXT_PAGE_DOWN,
    bind!([Home, Char('g')], "g/Home", "first", Intent::First, false),
    bind!([End, Char('G')], "G/End", "last", Intent::Last, false),
    bind!(
        [Enter, Right, Char('l')],
        "Enter/→/l",
        "Enter",
        "open technique",
        Intent::Select,
        true
    ),
    bind!(
        [Char('w')],
        "w",
        "safety warnings",
        Intent::OpenWarnings,
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

pub(super) const HABIT: &[Binding] = &[
    bind!(
        [Char('a')],
        "a",
        "I have read this: open anyway",
        Intent::Acknowledge,
        true
    ),
    bind!(
        [Char('w')],
        "w",
        "safety warnings",
        Intent::OpenWarnings,
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

pub(super) const TECHNIQUE: &[Binding] = &[
    bind!(
        [Char('!')],
        "!",
        "it hurts, numbness, tingling",
        Intent::ReportHurt,
        true
    ),
    bind!(
        [Right, Char('l'), Char('n'), Enter, Char(' ')],
        "→/l/n/Enter/Space",
        "→",
        "next",
        Intent::Next,
        true
    ),
    bind!(
        [Left, Char('h'), Char('p')],
        "←/h/p",
        "←",
        "previous",
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
    bind!([Esc, Char('q')], "Esc/q", "Esc", "back", Intent::Back, true),
];

pub(super) const HURT: &[Binding] = &[
    bind!(
        [Char('w')],
        "w",
        "safety warnings",
        Intent::OpenWarnings,
        true
    ),
    bind!(
        [Esc, Enter, Char('q')],
        "Esc/Enter/q",
        "Esc",
        "back",
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

pub(super) const WARNINGS: &[Binding] = &[
    bind!([Up, Char('k')], "↑/k", "↑↓", "scroll", Intent::Up, true),
    bind!([Down, Char('j')], "↓/j", "scroll down", Intent::Down, false),
    bind!([PageUp], "PgUp", "page up", Intent::PageUp, false),
    bind!(
        [PageDown, Char(' ')],
        "PgDn/Space",
        "Space",
        "page down",
        Intent::PageDown,
        true
    ),
    bind!([Home, Char('g')], "g/Home", "top", Intent::First, false),
    bind!([End, Char('G')], "G/End", "end", Intent::Last, false),
    bind!(
        [Esc, Char('q'), Left, Char('h')],
        "Esc/q/←/h",
        "Esc",
        "back",
        Intent::Back,
        true
    ),
];

/// Every table here, for the checks that run over all of them.
#[cfg(test)]
pub(super) const TABLES: &[&[Binding]] = &[CHECKLIST, RELEASE, HABIT, TECHNIQUE, HURT, WARNINGS];
