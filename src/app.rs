//! The app model and its pure `update`: every behaviour of the full-screen
//! coach is a function of the current state, a message and the time.

mod cmd;
pub mod dose;
pub mod list;
pub mod msg;
pub mod opening;
pub mod programme;
pub mod quit;
pub mod reminder;
pub mod reminder_screen;
pub mod safety;
pub mod scroll;
pub mod therapy;
pub mod warnings;

use std::time::Instant;

use crate::content::catalog::Content;
use crate::domain::card::Card;
use crate::domain::cursor::ListCursor;
use crate::domain::library::Library;
use crate::domain::session::Session;
use crate::store::Settings;
use crate::store::session_history::SessionHistory;

mod history;
mod home;
mod library;
mod session;
mod speech;

pub use crate::time::Now;
pub use cmd::{Cmd, Notification};
pub use home::{HomeEntry, entries as home_entries};
pub use msg::{Area, Drawn, HintShown, Intent, ListShown, Msg, Outcome, RowShown, Shown};
pub use opening::Opening;
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
    pub home_selected: ListCursor,
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
    /// What the command line asked to open, until it has been opened.
    pub opening: Option<Opening>,
    /// The time of the latest update: what the view shows countdowns at.
    pub now: Option<Now>,
    /// The scrolling text of the screen as last drawn, when it has one.
    pub shown: Option<Shown>,
    /// Where the screen's text is scrolled to.
    pub scroll: scroll::Scroll,
    /// Where the text of the overlay on top (the key help) is scrolled to.
    pub overlay_scroll: scroll::Scroll,
    /// True when the last frame showed the heat/cold alert, readable.
    pub alert_shown: bool,
    /// The list the pointer can pick from, as last drawn.
    pub list_shown: Option<ListShown>,
    /// The key hints of the status line, as last drawn.
    pub hints_shown: Vec<HintShown>,
    /// The "quit with a pack on?" question, while shown.
    pub quit_ask: Option<quit::QuitAsk>,
    /// Selected routine in the picker.
    pub routine_selected: ListCursor,
    /// The guided session, while one is on screen.
    pub session: Option<Session>,
    /// The history as last read (none while it loads).
    pub history: Option<SessionHistory>,
    /// Selected row of the history list.
    pub history_selected: ListCursor,
    /// The heat/cold timer (runs on while other screens are shown).
    pub therapy: therapy::Therapy,
    /// The stand-up reminder's schedule and overlay.
    pub reminder: reminder::Reminder,
    /// Sessions of the recent days: read at start-up, then each one
    /// recorded (for the home programme's week).
    pub recent_sessions: Vec<crate::domain::session_record::SessionRecord>,
    /// The person's accepted dose steps and the suggestion on offer.
    pub doses: dose::Doses,
}

impl App {
    /// What the view last reported, to compare a new frame's report with.
    pub fn drawn(&self) -> Drawn {
        Drawn {
            text: self.shown,
            alert_shown: self.alert_shown,
            list: self.list_shown.clone(),
            hints: self.hints_shown.clone(),
        }
    }

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
            home_selected: ListCursor::default(),
            library: Library::default(),
            card: None,
            help_open: false,
            notice: None,
            color,
            quit: false,
            safety: safety::SafetyState::default(),
            opening: None,
            now: None,
            shown: None,
            scroll: scroll::Scroll::default(),
            overlay_scroll: scroll::Scroll::default(),
            alert_shown: false,
            list_shown: None,
            hints_shown: Vec::new(),
            quit_ask: None,
            routine_selected: ListCursor::default(),
            session: None,
            history: None,
            history_selected: ListCursor::default(),
            therapy: therapy::Therapy::default(),
            reminder: reminder::Reminder::default(),
            recent_sessions: Vec::new(),
            doses: dose::Doses::default(),
        }
    }
}

/// Applies one message. Pure apart from mutating `app`; returns the work the
/// runtime must do.
pub fn update(app: &mut App, msg: impl Into<Msg>, now: Now) -> Vec<Cmd> {
    let before = scroll::before(app);
    let cmds = dispatch(app, msg.into(), now);
    scroll::after(app, &before);
    programme::note(app, &cmds, now);
    cmds
}

fn dispatch(app: &mut App, msg: Msg, now: Now) -> Vec<Cmd> {
    app.now = Some(now);
    // Timers first, whatever the message: time up raises the alert.
    let mut cmds = therapy::advance(app, now);
    // The quit question takes every key (its help aside).
    if let (Some(_), Msg::Key(intent)) = (app.quit_ask, &msg) {
        if !help_key(app, *intent) {
            cmds.extend(quit::answer(app, *intent, now));
        }
        return cmds;
    }
    // Then the stand-up reminder: it may show its overlay, which takes keys.
    let (handled, reminder) = reminder::intercept(app, &msg, now);
    cmds.extend(reminder);
    if !handled {
        cmds.extend(match msg {
            Msg::Outcome(outcome) => on_outcome(app, outcome, now),
            Msg::Key(intent) => on_key(app, intent, now),
        });
    }
    cmds
}

/// The key help over whatever is shown: `?` opens it; while it is open,
/// `?` and Esc close it and the scroll keys move its text. True when the
/// key was the help's.
fn help_key(app: &mut App, intent: Intent) -> bool {
    if !app.help_open {
        if intent == Intent::ToggleHelp {
            app.help_open = true;
            return true;
        }
        return false;
    }
    match intent {
        Intent::ToggleHelp | Intent::Back => app.help_open = false,
        other => {
            scroll::keys(app, other);
        }
    }
    true
}

fn on_outcome(app: &mut App, outcome: Outcome, now: Now) -> Vec<Cmd> {
    match outcome {
        Outcome::Started => {
            let mut cmds = opening::open(app, now);
            cmds.extend(history::find_last_review(app));
            cmds.extend(dose::find_latest(app));
            cmds
        }
        Outcome::Tick => session::tick(app, now),
        // `advance` has already looked at the heat/cold deadline.
        Outcome::Resumed => Vec::new(),
        Outcome::Stopping => {
            session::on_suspend(app, now);
            vec![Cmd::Suspend]
        }
        Outcome::Ending => quit::leave(app, now),
        Outcome::Watcher(watched) => {
            quit::watcher(app, watched);
            Vec::new()
        }
        Outcome::Drawn(drawn) => {
            app.shown = drawn.text;
            app.alert_shown = drawn.alert_shown;
            app.list_shown = drawn.list;
            app.hints_shown = drawn.hints;
            scroll::drawn(app);
            warnings::drawn(app, now)
        }
        Outcome::SaveFailed(reason) => {
            app.notice = Some(format!("Could not save settings: {reason}"));
            Vec::new()
        }
        Outcome::AppendFailed(reason) => {
            app.notice = Some(format!("Could not write the history log: {reason}"));
            Vec::new()
        }
        Outcome::TherapyStoreFailed(reason) => {
            app.notice = Some(format!("Could not save the heat/cold timer: {reason}"));
            Vec::new()
        }
        Outcome::HistoryLoaded(result) => history::loaded(app, result),
        Outcome::LastReview(at) => history::last_review(app, at),
        Outcome::ReportWritten(written) => {
            app.notice = Some(match written {
                Ok(path) => format!("Report written to {path}"),
                Err(reason) => format!("Could not write the report: {reason}"),
            });
            Vec::new()
        }
        Outcome::DoseChangeFound(change) => {
            dose::found(app, change.map(|c| *c));
            Vec::new()
        }
        // Taken by `reminder::intercept`.
        Outcome::Reminder(_) => Vec::new(),
        Outcome::NotificationsUnavailable(reason) => {
            reminder::notifications_unavailable(app, &reason);
            Vec::new()
        }
        Outcome::SpeechUnavailable(reason) => {
            speech::unavailable(app, &reason);
            Vec::new()
        }
    }
}

fn on_key(app: &mut App, intent: Intent, now: Now) -> Vec<Cmd> {
    match intent {
        Intent::Suspend if therapy::refuses_suspend(app) => return Vec::new(),
        Intent::Suspend if !cfg!(unix) => {
            app.notice = Some("Ctrl-Z does nothing here: this system has no job control.".into());
            return Vec::new();
        }
        Intent::Suspend => {
            session::on_suspend(app, now);
            return vec![Cmd::Suspend];
        }
        Intent::Quit => return quit::request(app, now),
        _ => {}
    }
    // Any other key dismisses a notice: the user has seen it (the wheel
    // only reads on).
    if !matches!(intent, Intent::Scroll(_)) {
        app.notice = None;
    }
    if help_key(app, intent) {
        return Vec::new();
    }
    match app.screen {
        Screen::Disclaimer => home::disclaimer(app, intent, now),
        Screen::Home => home::home(app, intent, now),
        Screen::Library if intent == Intent::OpenRelease => {
            safety::enter(app, Screen::Library, None, now)
        }
        Screen::Library => library::library(app, intent),
        Screen::Card => library::card(app, intent),
        Screen::Checklist => safety::checklist(app, intent, now),
        Screen::Release => safety::release(app, intent, now),
        Screen::Habit => safety::habit(app, intent, now),
        Screen::Technique => safety::technique(app, intent, now),
        Screen::Hurt => safety::hurt(app, intent),
        Screen::Warnings => warnings::update(app, intent),
        Screen::Routines => session::routines(app, intent),
        Screen::RoutinePreview => session::preview(app, intent, now),
        Screen::Session => session::session(app, intent, now),
        Screen::History => history::history(app, intent),
        Screen::Therapy => therapy::update(app, intent, now),
        Screen::Reminder => reminder_screen::update(app, intent, now.wall.fixed_offset()),
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
    hold || app.therapy.pack_on()
}
