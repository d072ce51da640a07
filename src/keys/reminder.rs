//! Keys of the stand-up reminder: its settings screen and the overlay.

use ratatui::crossterm::event::KeyCode::{
    Backspace, Char, End, Enter, Esc, Home, Left, PageDown, PageUp, Right,
};

use super::{Binding, MOVE_DOWN, MOVE_UP};
use crate::app::Intent;

/// `m`, on Home and the Reminder screen: one meaning wherever it works.
pub(super) const QUIET: Binding = bind!(
    [Char('m')],
    "m",
    "quiet stand-ups for 1 h (or end it)",
    Intent::ToggleQuiet,
    false
);

pub(super) const REMINDER: &[Binding] = &[
    MOVE_UP,
    MOVE_DOWN,
    bind!(
        [Home, Char('g'), PageUp],
        "g/Home/PgUp",
        "first row",
        Intent::First,
        false
    ),
    bind!(
        [End, Char('G'), PageDown],
        "G/End/PgDn",
        "last row",
        Intent::Last,
        false
    ),
    bind!(
        [Left, Char('h'), Char('-')],
        "←/h/-",
        "←→",
        "change",
        Intent::Previous,
        true
    ),
    bind!(
        [Right, Char('l'), Char('+')],
        "→/l/+",
        "change",
        Intent::Next,
        false
    ),
    bind!(
        [Enter, Char(' ')],
        "Enter/Space",
        "Space",
        "switch on/off",
        Intent::Select,
        true
    ),
    bind!(
        [Char('r')],
        "r",
        "turn the reminder on/off",
        Intent::ToggleReminder,
        false
    ),
    QUIET,
    bind!([Esc, Char('q')], "Esc/q", "Esc", "back", Intent::Back, true),
];

/// The keys of the stand-up overlay, which takes every key while shown
/// (`?`, listed with the global keys, shows these).
pub const STANDUP: &[Binding] = &[
    bind!(
        [Enter, Char('d')],
        "Enter/d",
        "Enter",
        "done, I stood up",
        Intent::StandupDone,
        true
    ),
    bind!([Char('z')], "z", "snooze", Intent::StandupSnooze, true),
    bind!([Char('n')], "n", "skip this one", Intent::StandupSkip, true),
    bind!(
        [Esc],
        "Esc",
        "close without answering (asks again after the snooze)",
        Intent::Back,
        false
    ),
];

/// The keys while the active hours are typed (any other character is
/// typed; `?` still shows these).
pub const EDIT_HOURS: &[Binding] = &[
    bind!([Enter], "Enter", "save the hours", Intent::Select, true),
    bind!([Backspace], "Backspace", "erase", Intent::Erase, false),
    bind!([Esc], "Esc", "cancel", Intent::Back, true),
];

/// The keys of the away-credit question ("Away 12 min: count it as a
/// stand-up? y/n"), which takes every key while shown.
pub const AWAY: &[Binding] = &[
    bind!(
        [Char('y')],
        "y",
        "yes, count it as a stand-up",
        Intent::Yes,
        true
    ),
    bind!([Char('n'), Esc], "n/Esc", "n", "no", Intent::No, true),
];

/// Every table here, for the checks that run over all of them.
#[cfg(test)]
pub(super) const TABLES: &[&[Binding]] = &[REMINDER, STANDUP, AWAY, EDIT_HOURS];
