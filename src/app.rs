//! The app model and its pure `update`: every behaviour of the full-screen
//! coach is a function of the current state, a message and the time.

pub mod reminder;
pub mod reminder_screen;
pub mod safety;
pub mod therapy;
pub mod warnings;

use std::time::Instant;

use crate::content::catalog::Content;
use crate::domain::card::Card;
use crate::domain::library::Library;
use crate::domain::session::Session;
use crate::store::Settings;
use crate::store::record::Record;
use crate::store::session_record::SessionHistory;

mod history;
mod home;
mod library;
mod session;

pub use crate::time::Now;
pub use home::HomeEntry;
pub use session::{selected_plan, start_routine};

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
    /// The safety checklist, answered before any self-release technique.
    Checklist,
    /// The gate's verdict and the self-release techniques.
    Release,
    /// Self-release has become a habit: acknowledge before it opens.
    Habit,
    /// One self-release technique card, with the rules and the hurt key.
    Technique,
    /// Stop-and-seek-help guidance after a hurt report.
    Hurt,
    /// The safety warnings review.
    Warnings,
    /// The list of routines for a guided session.
    Routines,
    /// One routine's exercises and estimated length, before starting.
    RoutinePreview,
    /// A guided session in progress (check-in to summary).
    Session,
    /// Past sessions, streak and pain over time.
    History,
    /// The heat/cold timer: pick, check, run, alert.
    Therapy,
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
    /// Answer "yes" to the current checklist question.
    Yes,
    /// Answer "no" to the current checklist question.
    No,
    /// "It hurt / numbness / tingling" while a technique is shown.
    ReportHurt,
    /// Explicitly acknowledge the habit warning.
    Acknowledge,
    /// Open the safety warnings review.
    OpenWarnings,
    /// Open the self-release techniques (through the safety gate).
    OpenRelease,
    /// The terminal's size in cells, at start and after each resize.
    Viewport {
        /// Columns.
        width: u16,
        /// Rows.
        height: u16,
    },
    /// Appending to the history log failed, with the reason.
    AppendFailed(String),
    /// The runtime has started: open what the command line asked for.
    Launch,
    /// The clock reached the wake-up the app asked for.
    Tick,
    /// "This hurts": stop the session at once.
    Hurt,
    /// Pause or resume the session.
    TogglePause,
    /// Turn the session bell on or off.
    ToggleBell,
    /// A digit key (a pain rating).
    Digit(u8),
    /// The runtime read the history log.
    HistoryLoaded(Result<SessionHistory, String>),
    /// One step longer (a minute more, within the cap).
    Longer,
    /// One step shorter.
    Shorter,
    /// The pack is off: end the heat/cold session now.
    PackRemoved,
    /// Start despite the rest-gap warning.
    ConfirmAnyway,
    /// Saving or clearing the running heat/cold session or appending to
    /// the history failed, with the reason.
    TherapyStoreFailed(String),
    /// Stand-up overlay: "I stood up".
    StandupDone,
    /// Stand-up overlay: snooze.
    StandupSnooze,
    /// Stand-up overlay: skip this one.
    StandupSkip,
    /// Turn the stand-up reminder on or off.
    ToggleReminder,
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
    /// Append a record to the history log.
    Append(Record),
    /// Read the history log (answered by `Msg::HistoryLoaded`).
    LoadHistory,
    /// Persist the running heat/cold session.
    SaveRunning(crate::domain::therapy::Running),
    /// Remove the persisted heat/cold session (the pack is off).
    ClearRunning,
    /// Write the stand-up schedule file.
    SaveSchedule,
    /// Send a terminal notification escape (OSC 777 and OSC 9) with this text.
    TerminalNotification(String),
    /// Send a desktop notification with this text.
    DesktopNotification(String),
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
    /// The safety gate's screens and the warnings review.
    pub safety: safety::SafetyState,
    /// The screen shown once the first-run statement is acknowledged.
    pub after_disclaimer: Screen,
    /// Selected routine in the picker.
    pub routine_selected: usize,
    /// The guided session, while one is on screen.
    pub session: Option<Session>,
    /// The history as last read (none while it loads).
    pub history: Option<SessionHistory>,
    /// Selected row of the history list.
    pub history_selected: usize,
    /// The heat/cold timer (runs on while other screens are shown).
    pub therapy: therapy::Therapy,
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
            safety: safety::SafetyState::default(),
            after_disclaimer: Screen::Home,
            routine_selected: 0,
            session: None,
            history: None,
            history_selected: 0,
            therapy: therapy::Therapy::default(),
            reminder: reminder::Reminder::default(),
        }
    }
}

/// How far PageUp/PageDown move in a list.
const PAGE: isize = 10;

/// Applies one message. Pure apart from mutating `app`; returns the work the
/// runtime must do.
pub fn update(app: &mut App, msg: Msg, now: Now) -> Vec<Cmd> {
    // Timers first, whatever the message: time up raises the alert.
    let mut cmds = therapy::advance(app, now);
    // Then the stand-up reminder: it may show its overlay, which takes keys.
    let (handled, reminder) = reminder::intercept(app, &msg, now);
    cmds.extend(reminder);
    if !handled {
        cmds.extend(update_screen(app, msg, now));
    }
    cmds
}

fn update_screen(app: &mut App, msg: Msg, now: Now) -> Vec<Cmd> {
    match msg {
        Msg::Tick => return session::tick(app, now),
        Msg::TherapyStoreFailed(reason) => {
            app.notice = Some(format!("Could not save the heat/cold timer: {reason}"));
            return Vec::new();
        }
        Msg::Resize => return Vec::new(),
        Msg::SaveFailed(reason) => {
            app.notice = Some(format!("Could not save settings: {reason}"));
            return Vec::new();
        }
        Msg::AppendFailed(reason) => {
            app.notice = Some(format!("Could not write the history log: {reason}"));
            return Vec::new();
        }
        Msg::Viewport { width, height } => {
            app.safety.viewport = (width, height);
            return warnings::resized(app, now);
        }
        Msg::Launch => return safety::launch(app, now),
        Msg::Suspend if therapy::refuses_suspend(app) => return Vec::new(),
        Msg::Suspend => {
            session::on_suspend(app, now);
            return vec![Cmd::Suspend];
        }
        Msg::Quit => {
            app.quit = true;
            return session::on_quit(app, now);
        }
        Msg::HistoryLoaded(result) => return history::loaded(app, result),
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
        Screen::Disclaimer => home::disclaimer(app, msg, now),
        Screen::Home => home::home(app, msg, now),
        Screen::Library if msg == Msg::OpenRelease => {
            safety::enter(app, Screen::Library, None, now)
        }
        Screen::Library => library::library(app, msg),
        Screen::Card => library::card(app, msg),
        Screen::Checklist => safety::checklist(app, msg, now),
        Screen::Release => safety::release(app, msg, now),
        Screen::Habit => safety::habit(app, msg, now),
        Screen::Technique => safety::technique(app, msg, now),
        Screen::Hurt => safety::hurt(app, msg, now),
        Screen::Warnings => warnings::update(app, msg, now),
        Screen::Routines => session::routines(app, msg),
        Screen::RoutinePreview => session::preview(app, msg, now),
        Screen::Session => session::session(app, msg, now),
        Screen::History => history::history(app, msg),
        Screen::Therapy => therapy::update(app, msg, now),
        Screen::Reminder => reminder_screen::update(app, msg, now.wall.fixed_offset()),
    }
}

/// The next instant at which the screen changes without input, if any.
/// Nothing in the library or on the home screen changes by itself; a
/// running session wakes at its countdown's next visible second, a heat/cold
/// session at least every second, and the stand-up reminder at its due time.
pub fn next_wakeup(app: &App, now: Now) -> Option<Instant> {
    [
        app.session.as_ref().and_then(Session::next_wakeup),
        therapy::next_wakeup(app, now),
        reminder::next_wakeup(app),
    ]
    .into_iter()
    .flatten()
    .min()
}

/// True while a hold or a heat/cold application runs, or its time-up alert
/// waits: a due stand-up reminder waits until that ends.
pub fn is_counting_down(app: &App) -> bool {
    let hold = app.session.as_ref().is_some_and(Session::is_counting_down);
    hold || app.therapy.session.is_some() || app.therapy.alert.is_some()
}
