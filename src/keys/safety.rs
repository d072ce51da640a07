//! Keys of the safety checklist, the self-release screens and the
//! warnings review.

use ratatui::crossterm::event::KeyCode::{
    Char, Down, End, Enter, Esc, Home, Left, PageDown, PageUp, Right, Up,
};

use super::Binding;
use crate::app::Msg;

pub(super) const CHECKLIST: &[Binding] = &[
    bind!([Char('y')], "y", "yes", Msg::Yes, true),
    bind!([Char('n')], "n", "no", Msg::No, true),
    bind!([Up, Char('k')], "↑/k", "↑↓", "move", Msg::Up, true),
    bind!([Down, Char('j')], "↓/j", "next question", Msg::Down, false),
    bind!([PageUp], "PgUp", "page up", Msg::PageUp, false),
    bind!([PageDown], "PgDn", "page down", Msg::PageDown, false),
    bind!(
        [Home, Char('g')],
        "g/Home",
        "first question",
        Msg::First,
        false
    ),
    bind!([End, Char('G')], "G/End", "last question", Msg::Last, false),
    bind!(
        [Enter],
        "Enter",
        "done (every question answered)",
        Msg::Select,
        true
    ),
    bind!([Esc, Char('q')], "Esc/q", "Esc", "back", Msg::Back, true),
];

pub(super) const RELEASE: &[Binding] = &[
    bind!([Up, Char('k')], "↑/k", "move up", Msg::Up, false),
    bind!([Down, Char('j')], "↓/j", "move down", Msg::Down, false),
    bind!([Home, Char('g')], "g/Home", "first", Msg::First, false),
    bind!([End, Char('G')], "G/End", "last", Msg::Last, false),
    bind!(
        [Enter, Right, Char('l')],
        "Enter/→/l",
        "Enter",
        "open technique",
        Msg::Select,
        true
    ),
    bind!([Char('w')], "w", "safety warnings", Msg::OpenWarnings, true),
    bind!(
        [Esc, Left, Char('h'), Char('q')],
        "Esc/←/h/q",
        "Esc",
        "back",
        Msg::Back,
        true
    ),
];

pub(super) const HABIT: &[Binding] = &[
    bind!(
        [Char('a')],
        "a",
        "I have read this: open anyway",
        Msg::Acknowledge,
        true
    ),
    bind!([Char('w')], "w", "safety warnings", Msg::OpenWarnings, true),
    bind!([Esc, Char('q')], "Esc/q", "Esc", "back", Msg::Back, true),
];

pub(super) const TECHNIQUE: &[Binding] = &[
    bind!(
        [Char('x'), Char('!')],
        "x/!",
        "x",
        "it hurt / numbness / tingling",
        Msg::ReportHurt,
        true
    ),
    bind!(
        [Right, Char('l'), Char('n'), Enter, Char(' ')],
        "→/l/n/Enter/Space",
        "→",
        "next",
        Msg::Next,
        true
    ),
    bind!(
        [Left, Char('h'), Char('p')],
        "←/h/p",
        "←",
        "previous",
        Msg::Previous,
        true
    ),
    bind!([Down, Char('j')], "↓/j", "next step", Msg::Down, false),
    bind!([Up, Char('k')], "↑/k", "previous step", Msg::Up, false),
    bind!([Home, Char('g')], "g/Home", "first step", Msg::First, false),
    bind!([End, Char('G')], "G/End", "last step", Msg::Last, false),
    bind!([Esc, Char('q')], "Esc/q", "Esc", "back", Msg::Back, true),
];

pub(super) const HURT: &[Binding] = &[
    bind!([Char('w')], "w", "safety warnings", Msg::OpenWarnings, true),
    bind!(
        [Esc, Enter, Char('q')],
        "Esc/Enter/q",
        "Esc",
        "back",
        Msg::Back,
        true
    ),
];

pub(super) const WARNINGS: &[Binding] = &[
    bind!([Up, Char('k')], "↑/k", "↑↓", "scroll", Msg::Up, true),
    bind!([Down, Char('j')], "↓/j", "scroll down", Msg::Down, false),
    bind!([PageUp, Char('b')], "PgUp/b", "page up", Msg::PageUp, false),
    bind!(
        [PageDown, Char(' ')],
        "PgDn/Space",
        "Space",
        "page down",
        Msg::PageDown,
        true
    ),
    bind!([Home, Char('g')], "g/Home", "top", Msg::First, false),
    bind!([End, Char('G')], "G/End", "end", Msg::Last, false),
    bind!(
        [Esc, Char('q'), Left, Char('h')],
        "Esc/q/←/h",
        "Esc",
        "back",
        Msg::Back,
        true
    ),
];
