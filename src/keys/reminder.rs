//! Keys of the stand-up reminder: its settings screen and the overlay.

use ratatui::crossterm::event::KeyCode::{
    Char, Down, End, Enter, Esc, Home, Left, PageDown, PageUp, Right, Up,
};

use super::Binding;
use crate::app::Msg;

pub(super) const REMINDER: &[Binding] = &[
    bind!([Up, Char('k')], "↑/k", "move up", Msg::Up, false),
    bind!([Down, Char('j')], "↓/j", "move down", Msg::Down, false),
    bind!(
        [Home, Char('g'), PageUp],
        "g/Home/PgUp",
        "first row",
        Msg::First,
        false
    ),
    bind!(
        [End, Char('G'), PageDown],
        "G/End/PgDn",
        "last row",
        Msg::Last,
        false
    ),
    bind!(
        [Left, Char('h'), Char('-')],
        "←/h/-",
        "←→",
        "change",
        Msg::Previous,
        true
    ),
    bind!(
        [Right, Char('l'), Char('+')],
        "→/l/+",
        "change",
        Msg::Next,
        false
    ),
    bind!(
        [Enter, Char(' ')],
        "Enter/Space",
        "Space",
        "switch on/off",
        Msg::Select,
        true
    ),
    bind!(
        [Char('r')],
        "r",
        "turn the reminder on/off",
        Msg::ToggleReminder,
        false
    ),
    bind!([Esc, Char('q')], "Esc/q", "Esc", "back", Msg::Back, true),
];

/// The keys of the stand-up overlay, which takes every key while shown.
pub const STANDUP: &[Binding] = &[
    bind!(
        [Enter, Char('d')],
        "Enter/d",
        "Enter",
        "done, I stood up",
        Msg::StandupDone,
        true
    ),
    bind!(
        [Char('s'), Char('z')],
        "s/z",
        "s",
        "snooze",
        Msg::StandupSnooze,
        true
    ),
    bind!(
        [Char('x'), Esc],
        "x/Esc",
        "x",
        "skip this one",
        Msg::StandupSkip,
        true
    ),
];
