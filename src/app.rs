//! The app model and its pure `update`: every behaviour of the full-screen
//! coach is a function of the current state, a message and the time.

pub mod reminder;
pub mod reminder_screen;

use std::time::Instant;

use chrono::{DateTime, Local};

use crate::content::catalog::Content;
use crate::domain::card::Card;
use crate::domain::library::Library;
use crate::store::Settings;
use crate::store::record::Record;

/// The current time, read once per event by the runtime and passed in.
#[derive(Debug, Clone, Copy)]
pub struct Now {
    /// Monotonic time, for countdowns and deadlines.
    pub instant: Instant,
    /// Local wall-clock time, where the calendar matters.
    pub wall: DateTime<Local>,
}

/// Which screen is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// The one-time "coach, not a diagnosis" statement.
    Disclaimer,
    /// The menu of what the coach can do.
    Home,
    /// The list of exercises.
    Library,
    /// One exercise card, step by step.
    Card,
    /// The stand-up reminder's settings.
    Reminder,
}

/// Something that happened: a key (already mapped to its meaning), a resize,
/// or the result of work the runtime did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Msg {
    /// Move up in a list.
    Up,
    /// Move down in a list.
    Down,
    /// Move a page up.
    PageUp,
    /// Move a page down.
    PageDown,
    /// Go to the first entry or step.
    First,
    /// Go to the last entry or step.
    Last,
    /// Next step of a card.
    Next,
    /// Previous step of a card.
    Previous,
    /// Open or confirm the selected thing.
    Select,
    /// Go back one screen (or close the help).
    Back,
    /// Quit the app.
    Quit,
    /// Open or close the key help.
    ToggleHelp,
    /// Step the library's position filter.
    CyclePosition,
    /// Step the library's tag filter.
    CycleTag,
    /// Clear the library's filters.
    ClearFilters,
    /// Stop the process and return to the shell (Ctrl-Z).
    Suspend,
    /// The terminal changed size.
    Resize,
    /// Saving settings failed, with the reason.
    SaveFailed(String),
    /// A deadline from `next_wakeup` passed (no input).
    Tick,
    /// Stand-up overlay: "I stood up".
    StandupDone,
    /// Stand-up overlay: snooze.
    StandupSnooze,
    /// Stand-up overlay: skip this one.
    StandupSkip,
    /// Turn the stand-up reminder on or off.
    ToggleReminder,
    /// Appending to the history log failed, with the reason.
    AppendFailed(String),
    /// Desktop notifications cannot be sent, with the reason.
    NotificationsUnavailable(String),
}

/// Work for the runtime to do after an update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cmd {
    /// Write the settings file.
    SaveSettings,
    /// Restore the terminal and stop the process until `fg`.
    Suspend,
    /// Ring the terminal bell.
    Bell,
    /// Write the stand-up schedule file.
    SaveSchedule,
    /// Append a record to the history log.
    Append(Record),
    /// Send a terminal notification escape (OSC 777 and OSC 9) with this text.
    TerminalNotification(String),
    /// Send a desktop notification with this text.
    DesktopNotification(String),
}

/// An entry of the home menu. Only working features get an entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HomeEntry {
    /// The exercise library.
    Library,
    /// The stand-up reminder's settings.
    Reminder,
}

impl HomeEntry {
    /// The entries shown, in order.
    pub const ALL: [HomeEntry; 2] = [HomeEntry::Library, HomeEntry::Reminder];

    /// Menu label.
    pub fn label(self) -> &'static str {
        match self {
            HomeEntry::Library => "Exercise library",
            HomeEntry::Reminder => "Stand-up reminder",
        }
    }

    /// One line on what it opens.
    pub fn description(self) -> &'static str {
        match self {
            HomeEntry::Library => "Browse the gentle stretches, one step at a time.",
            HomeEntry::Reminder => "How often to stand up and walk around, and how to be told.",
        }
    }
}

/// The whole state of the full-screen app.
#[derive(Debug, Clone)]
pub struct App {
    /// Validated content.
    pub content: Content,
    /// Persisted settings.
    pub settings: Settings,
    /// The screen shown.
    pub screen: Screen,
    /// Selected home entry.
    pub home_selected: usize,
    /// Library filters and selection (kept while a card is open).
    pub library: Library,
    /// The open card, if any.
    pub card: Option<Card>,
    /// True while the key help overlay is shown.
    pub help_open: bool,
    /// A message for the user (e.g. a file set aside), until the next key.
    pub notice: Option<String>,
    /// False when `NO_COLOR` is set.
    pub color: bool,
    /// Set when the user asked to quit.
    pub quit: bool,
    /// The stand-up reminder's schedule and overlay.
    pub reminder: reminder::Reminder,
}

impl App {
    /// A fresh app; starts on the disclaimer until it has been acknowledged.
    pub fn new(content: Content, settings: Settings, color: bool) -> App {
        let screen = if settings.disclaimer_acknowledged.is_some() {
            Screen::Home
        } else {
            Screen::Disclaimer
        };
        App {
            content,
            settings,
            screen,
            home_selected: 0,
            library: Library::default(),
            card: None,
            help_open: false,
            notice: None,
            color,
            quit: false,
            reminder: reminder::Reminder::default(),
        }
    }
}

/// How far PageUp/PageDown move in a list.
const PAGE: isize = 10;

/// Applies one message. Pure apart from mutating `app`; returns the work the
/// runtime must do.
pub fn update(app: &mut App, msg: Msg, now: Now) -> Vec<Cmd> {
    let (handled, cmds) = reminder::intercept(app, &msg, now);
    if handled {
        return cmds;
    }
    if !cmds.is_empty() {
        // Now settled, so the inner call adds only the message's own work.
        return [cmds, update(app, msg, now)].concat();
    }
    match msg {
        Msg::Resize => return Vec::new(),
        Msg::SaveFailed(reason) => {
            app.notice = Some(format!("Could not save settings: {reason}"));
            return Vec::new();
        }
        Msg::AppendFailed(reason) => {
            app.notice = Some(format!("Could not write to the history log: {reason}"));
            return Vec::new();
        }
        Msg::Suspend => return vec![Cmd::Suspend],
        Msg::Quit => {
            app.quit = true;
            return Vec::new();
        }
        _ => {}
    }
    // Any other key dismisses a notice: the user has seen it.
    app.notice = None;
    if app.help_open {
        if matches!(msg, Msg::ToggleHelp | Msg::Back) {
            app.help_open = false;
        }
        return Vec::new();
    }
    if msg == Msg::ToggleHelp {
        app.help_open = true;
        return Vec::new();
    }
    match app.screen {
        Screen::Disclaimer => disclaimer(app, msg, now),
        Screen::Home => home(app, msg),
        Screen::Library => library(app, msg),
        Screen::Card => card(app, msg),
        Screen::Reminder => reminder_screen::update(app, msg, now.wall.fixed_offset()),
    }
}

fn disclaimer(app: &mut App, msg: Msg, now: Now) -> Vec<Cmd> {
    match msg {
        Msg::Select => {
            app.settings.disclaimer_acknowledged = Some(now.wall);
            app.screen = Screen::Home;
            vec![Cmd::SaveSettings]
        }
        Msg::Back => {
            app.quit = true;
            Vec::new()
        }
        _ => Vec::new(),
    }
}

fn home(app: &mut App, msg: Msg) -> Vec<Cmd> {
    let last = HomeEntry::ALL.len() - 1;
    match msg {
        Msg::Up => app.home_selected = app.home_selected.saturating_sub(1),
        Msg::Down => app.home_selected = (app.home_selected + 1).min(last),
        Msg::First => app.home_selected = 0,
        Msg::Last => app.home_selected = last,
        Msg::Select => match HomeEntry::ALL.get(app.home_selected) {
            Some(HomeEntry::Library) => app.screen = Screen::Library,
            Some(HomeEntry::Reminder) => app.screen = Screen::Reminder,
            None => {}
        },
        Msg::Back => app.quit = true,
        _ => {}
    }
    Vec::new()
}

fn library(app: &mut App, msg: Msg) -> Vec<Cmd> {
    let content = &app.content;
    let lib = &mut app.library;
    match msg {
        Msg::Up => lib.move_by(-1, content),
        Msg::Down => lib.move_by(1, content),
        Msg::PageUp => lib.move_by(-PAGE, content),
        Msg::PageDown => lib.move_by(PAGE, content),
        Msg::First => lib.jump(false, content),
        Msg::Last => lib.jump(true, content),
        Msg::CyclePosition => lib.cycle_position(content),
        Msg::CycleTag => lib.cycle_tag(content),
        Msg::ClearFilters => lib.clear_filters(),
        Msg::Select => {
            if let Some(exercise) = lib.selected(content) {
                app.card = Some(Card::open(&exercise.id, exercise.steps.len()));
                app.screen = Screen::Card;
            }
        }
        Msg::Back => app.screen = Screen::Home,
        _ => {}
    }
    Vec::new()
}

fn card(app: &mut App, msg: Msg) -> Vec<Cmd> {
    let Some(card) = app.card.as_mut() else {
        app.screen = Screen::Library;
        return Vec::new();
    };
    match msg {
        Msg::Next | Msg::Select | Msg::Down => card.next(),
        Msg::Previous | Msg::Up => card.previous(),
        Msg::First => card.jump(false),
        Msg::Last => card.jump(true),
        Msg::Back => {
            app.card = None;
            app.screen = Screen::Library;
        }
        _ => {}
    }
    Vec::new()
}

/// The next instant at which the screen changes without input, if any.
/// Nothing in the library or on the home screen changes by itself; the
/// stand-up reminder wakes the loop at its due time.
pub fn next_wakeup(app: &App) -> Option<Instant> {
    reminder::next_wakeup(app)
}

/// True while a hold or heat/cold countdown runs: a due stand-up reminder
/// waits until it ends. The countdown features plug in here (there is none
/// yet, so nothing is ever running).
pub fn is_counting_down(_app: &App) -> bool {
    false
}
