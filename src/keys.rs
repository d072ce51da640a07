//! Key events to messages. One table per screen drives both the mapping and
//! the help overlay, so the help can never list a key that does not work.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::app::{App, Intent, Screen};

/// One key binding: the keys, how the help shows them, and what they do.
#[derive(Debug)]
pub struct Binding {
    /// Keys that trigger it (without Ctrl or Alt).
    pub codes: &'static [KeyCode],
    /// Every key, as the help lists them, e.g. "↑/k".
    pub keys: &'static str,
    /// The main key, as the status line shows it, e.g. "↑".
    pub short: &'static str,
    /// What it does, e.g. "move up".
    pub does: &'static str,
    /// What it means.
    pub intent: Intent,
    /// Shown in the status line (the help lists every binding).
    pub hint: bool,
}

macro_rules! bind {
    ([$($code:expr),+], $keys:literal, $does:literal, $msg:expr, $hint:literal) => {
        bind!([$($code),+], $keys, $keys, $does, $msg, $hint)
    };
    ([$($code:expr),+], $keys:literal, $short:literal, $does:literal, $msg:expr, $hint:literal) => {
        Binding { codes: &[$($code),+], keys: $keys, short: $short, does: $does, intent: $msg, hint: $hint }
    };
}

mod browse;
#[cfg(test)]
mod consistency;
pub mod mouse;
pub mod reminder;
mod safety;
mod session;
mod therapy;

use KeyCode::{Char, Down, End, Enter, Esc, Home, PageDown, PageUp, Up};

/// The digit keys. Digits are mapped to `Intent::Digit` before any table
/// is searched; tables list them for the help and the status line.
const DIGITS: [KeyCode; 10] = [
    Char('0'),
    Char('1'),
    Char('2'),
    Char('3'),
    Char('4'),
    Char('5'),
    Char('6'),
    Char('7'),
    Char('8'),
    Char('9'),
];

/// The digit keys `first` to `last`.
const fn digits(first: usize, last: usize) -> &'static [KeyCode] {
    DIGITS.split_at(last + 1).0.split_at(first).1
}

/// The keys that move in a list, the same in every list.
const MOVE_UP: Binding = bind!([Up, Char('k')], "↑/k", "move up", Intent::Up, false);
const MOVE_DOWN: Binding = bind!([Down, Char('j')], "↓/j", "move down", Intent::Down, false);

/// PageUp and PageDown, the same in every list and scrolling text.
const PAGE_UP: Binding = bind!([PageUp], "PgUp", "page up", Intent::PageUp, false);
const PAGE_DOWN: Binding = bind!([PageDown], "PgDn", "page down", Intent::PageDown, false);

/// The keys of a screen that is text to read: ↑↓ a line, a page, the top
/// and the end.
const SCROLL_UP: Binding = bind!([Up, Char('k')], "↑/k", "↑↓", "scroll", Intent::Up, false);
const SCROLL_DOWN: Binding = bind!([Down, Char('j')], "↓/j", "scroll down", Intent::Down, false);
const SCROLL_PAGE_UP: Binding = bind!([PageUp], "PgUp", "scroll a page up", Intent::PageUp, false);
const SCROLL_PAGE_DOWN: Binding = bind!(
    [PageDown],
    "PgDn",
    "scroll a page down",
    Intent::PageDown,
    false
);
const SCROLL_TOP: Binding = bind!([Home, Char('g')], "g/Home", "top", Intent::First, false);
const SCROLL_END: Binding = bind!([End, Char('G')], "G/End", "end", Intent::Last, false);

/// PageUp and PageDown where the arrows move a list beside a text: they
/// scroll the text while it does not all fit, else they page the list.
const TEXT_PAGE_UP: Binding = bind!(
    [PageUp],
    "PgUp",
    "page up (the text below, while it does not fit)",
    Intent::PageUp,
    false
);
const TEXT_PAGE_DOWN: Binding = bind!(
    [PageDown],
    "PgDn",
    "page down (the text below, while it does not fit)",
    Intent::PageDown,
    false
);

const HELP: &[Binding] = &[
    bind!(
        [Esc, Char('?'), Char('q'), Enter],
        "Esc/?/q/Enter",
        "Esc",
        "close help",
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

/// Keys that work on every screen; listed at the end of every help.
pub const GLOBAL: &[Binding] = &[
    bind!([Char('?')], "?", "?", "help", Intent::ToggleHelp, true),
    bind!([Char('c')], "Ctrl-C", "quit", Intent::Quit, false),
    SUSPEND,
];

/// Ctrl-Z: back to the shell, which `fg` returns from.
#[cfg(unix)]
const SUSPEND: Binding = bind!(
    [Char('z')],
    "Ctrl-Z",
    "suspend to the shell (fg returns)",
    Intent::Suspend,
    false
);

/// Windows consoles have no job control: nothing to suspend to.
#[cfg(not(unix))]
const SUSPEND: Binding = bind!(
    [Char('z')],
    "Ctrl-Z",
    "no suspending on Windows (no job control)",
    Intent::Suspend,
    false
);

/// The "quit with a pack on?" question: `y` quits, `?` shows these keys;
/// every other key (see [`map`]) stays.
pub const QUIT_ASK: &[Binding] = &[
    bind!([Char('y')], "y", "quit", Intent::Yes, true),
    bind!(
        [Char('n'), Esc, Enter],
        "any other key",
        "n",
        "stay",
        Intent::No,
        true
    ),
];

/// The bindings that take keys now: the quit question, the help, the
/// stand-up overlay, or the current screen.
pub fn bindings(app: &App) -> &'static [Binding] {
    if app.help_open {
        return HELP;
    }
    current_screen_bindings(app)
}

/// The bindings of what is shown under the help, as it is now (the
/// stand-up overlay; a session's depend on its phase, the timer's on its
/// stage), without the global ones.
pub fn current_screen_bindings(app: &App) -> &'static [Binding] {
    if app.quit_ask.is_some() {
        return QUIT_ASK;
    }
    if app.reminder.away.asking.is_some() {
        return reminder::AWAY;
    }
    if app.reminder.showing {
        return reminder::STANDUP;
    }
    if app.screen == Screen::Reminder && app.reminder.editing.is_some() {
        return reminder::EDIT_HOURS;
    }
    match app.screen {
        Screen::Home if programme_on_home(app) => browse::HOME_PROGRAMME,
        Screen::Session => session::session(app),
        Screen::Therapy => therapy::bindings(app),
        screen => screen_bindings(screen),
    }
}

/// Home lists a programme's entry (the eighth) as well.
fn programme_on_home(app: &App) -> bool {
    app.now.is_some_and(|now| {
        crate::app::home_entries(app, now).len() > crate::app::HomeEntry::ALL.len()
    })
}

/// The bindings of a screen, without the global ones.
pub fn screen_bindings(screen: Screen) -> &'static [Binding] {
    match screen {
        Screen::Disclaimer => browse::DISCLAIMER,
        Screen::Home => browse::HOME,
        Screen::Library => browse::LIBRARY,
        Screen::Card => browse::CARD,
        Screen::Checklist => safety::CHECKLIST,
        Screen::Release => safety::RELEASE,
        Screen::Habit => safety::HABIT,
        Screen::Technique => safety::TECHNIQUE,
        Screen::Hurt => safety::HURT,
        Screen::Warnings => safety::WARNINGS,
        Screen::Routines => session::ROUTINES,
        Screen::RoutinePreview => session::PREVIEW,
        Screen::Session => session::session_run(),
        Screen::History => session::HISTORY,
        Screen::Therapy => therapy::PICK,
        Screen::Reminder => reminder::REMINDER,
    }
}

/// Maps a key press to a message for the current screen.
pub fn map(key: KeyEvent, app: &App) -> Option<Intent> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    if key.modifiers.contains(KeyModifiers::CONTROL) {
        return match key.code {
            Char('c') => Some(Intent::Quit),
            Char('z') => Some(Intent::Suspend),
            _ => None,
        };
    }
    if key.modifiers.contains(KeyModifiers::ALT) {
        return None;
    }
    if app.quit_ask.is_some() && !app.help_open {
        return Some(match key.code {
            Char('y') => Intent::Yes,
            Char('?') => Intent::ToggleHelp,
            _ => Intent::No,
        });
    }
    if app.reminder.editing.is_some() && !app.help_open && app.screen == Screen::Reminder {
        return match key.code {
            Char('?') => Some(Intent::ToggleHelp),
            Char(c) => Some(Intent::Type(c)),
            KeyCode::Backspace => Some(Intent::Erase),
            KeyCode::Enter => Some(Intent::Select),
            KeyCode::Esc => Some(Intent::Back),
            _ => None,
        };
    }
    if !app.help_open
        && let Some(digit) = digit(app, key.code)
    {
        return Some(digit);
    }
    if let Some(found) = bindings(app).iter().find(|b| b.codes.contains(&key.code)) {
        return Some(found.intent);
    }
    (key.code == Char('?')).then_some(Intent::ToggleHelp)
}

/// A digit where digits mean something: a pain rating, or a Home entry.
fn digit(app: &App, code: KeyCode) -> Option<Intent> {
    let Char(c) = code else { return None };
    let value = c.to_digit(10).and_then(|d| u8::try_from(d).ok())?;
    let entries = app.now.map_or(crate::app::HomeEntry::ALL.len(), |now| {
        crate::app::home_entries(app, now).len()
    });
    let home = app.screen == Screen::Home
        && !app.reminder.showing
        && (1..=entries).contains(&usize::from(value));
    (home || session::asks_pain(app)).then_some(Intent::Digit(value))
}
