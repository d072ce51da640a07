//! The stand-up reminder inside the app: the schedule's state, the overlay
//! that shows when a reminder is due, and what the runtime should sleep
//! until. Pure: time comes in as `Now`.

use std::time::Instant;

use chrono::{DateTime, FixedOffset, Local, TimeDelta, TimeZone};

use self::quiet::QuietState;
use super::{App, Cmd, Intent, Msg, Notification, Now, Outcome, is_counting_down};
use crate::domain::cursor::ListCursor;
use crate::domain::quiet as quiet_rules;
use crate::domain::record::{Record, StandupOutcome};
use crate::domain::reminder::{ASK, Check, Schedule, TITLE};
use crate::store::preferences::Preferences;
use crate::store::settings_change::SettingsChange;
use crate::time::words::minutes_shown;

pub mod away;
pub mod quiet;

/// What the reminder hears from the runtime: changes made elsewhere, the
/// quiet and away probes' answers, and signs of someone at the keyboard.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Heard {
    /// The schedule file was changed by another process (`backcoach
    /// standup`, `remind`): this is what it holds now.
    ScheduleChanged(Box<Schedule>),
    /// The stand-ups the history holds from `since` on, read again after
    /// the schedule changed elsewhere (`backcoach standup done` records
    /// one): they replace those the app knew of from then.
    StoodUp {
        /// The start of the time read (the local day's start).
        since: DateTime<FixedOffset>,
        /// When each stand-up in that time was recorded.
        at: Vec<DateTime<FixedOffset>>,
    },
    /// `config.ron` was changed elsewhere: the preferences it gives now.
    PreferencesChanged(Box<Preferences>),
    /// `quiet.ron` was changed elsewhere (`backcoach quiet`).
    QuietChanged(Option<crate::domain::quiet::Quiet>),
    /// The `quiet_while` commands answered: true when one said busy.
    QuietWhile(bool),
    /// A key that means nothing where it was pressed: someone is there.
    Activity,
    /// The terminal lost focus (the user went elsewhere).
    FocusLost,
    /// The terminal has focus again.
    FocusGained,
    /// Seconds the user has been idle, as tmux or logind report it
    /// (`None`: nothing reports it).
    Idle(Option<u64>),
}

/// The reminder's own work for the runtime.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Work {
    /// Write the quiet state (`None`: remove it).
    SaveQuiet(Option<crate::domain::quiet::Quiet>),
    /// Ask tmux and logind for the idle time (on a worker, with a time
    /// limit; answered by [`Heard::Idle`]).
    ProbeIdle,
    /// Ask the `quiet_while` commands whether the user is busy (on a
    /// worker, with a time limit; answered by [`Heard::QuietWhile`]).
    AskQuietWhile(Vec<String>),
}

impl From<Heard> for Msg {
    fn from(heard: Heard) -> Msg {
        Msg::Outcome(Outcome::Reminder(heard))
    }
}

/// The reminder's part of the app state.
#[derive(Debug, Clone, Default)]
pub struct Reminder {
    /// The schedule; `None` until [`start`] (e.g. in tests of other screens).
    pub schedule: Option<Schedule>,
    /// The due time already announced (bell, notifications), so it rings once.
    pub announced: Option<DateTime<FixedOffset>>,
    /// True while the "stand up" overlay is shown.
    pub showing: bool,
    /// The schedule changed and is not saved yet.
    pub unsaved: bool,
    /// Selected row of the Reminder screen.
    pub selected: ListCursor,
    /// The active hours being typed on the Reminder screen.
    pub editing: Option<String>,
    /// When the user said "I stood up" (from the history log and this run).
    pub stood_up: Vec<DateTime<FixedOffset>>,
    /// Desktop notifications failed once; not tried again this run.
    pub desktop_unavailable: bool,
    /// Quiet on demand.
    pub quiet: QuietState,
    /// `--speak`: spoken cues this run, whatever the preferences say.
    pub speak_flag: bool,
    /// Away credit.
    pub away: away::Away,
}

/// Starts the reminder with the saved schedule (or a new one from `now`)
/// and the stand-ups already in the history log.
pub fn start(
    app: &mut App,
    saved: Option<Schedule>,
    stood_up: Vec<DateTime<FixedOffset>>,
    now: Now,
) {
    let reminder = &mut app.reminder;
    reminder.unsaved = saved.is_none();
    reminder.schedule = Some(saved.unwrap_or_else(|| Schedule::start(now.wall.fixed_offset())));
    reminder.stood_up = stood_up;
    app.now = Some(now);
}

/// Runs before every message. Returns `(handled, cmds)`: `handled` when the
/// message was the reminder's (or a key swallowed by the overlay); `cmds`
/// to perform either way.
pub fn intercept(app: &mut App, msg: &Msg, now: Now) -> (bool, Vec<Cmd>) {
    let mut cmds = Vec::new();
    if app.reminder.unsaved {
        app.reminder.unsaved = false;
        cmds.push(Cmd::SaveSchedule);
    }
    let wall = now.wall.fixed_offset();
    if let Some(away) = away::intercept(app, msg, wall) {
        cmds.extend(away);
        cmds.extend(refresh(app, now.wall));
        return (true, cmds);
    }
    if let Some(quiet) = quiet::intercept(app, msg, wall) {
        cmds.extend(quiet);
        cmds.extend(refresh(app, now.wall));
        return (true, cmds);
    }
    let handled = match msg {
        Msg::Outcome(Outcome::Reminder(Heard::ScheduleChanged(schedule))) => {
            app.reminder.schedule = Some(**schedule);
            true
        }
        Msg::Outcome(Outcome::Reminder(Heard::StoodUp { since, at })) => {
            let stood_up = &mut app.reminder.stood_up;
            stood_up.retain(|t| t < since);
            stood_up.extend(at.iter().filter(|t| *t >= since));
            true
        }
        Msg::Outcome(Outcome::Reminder(Heard::PreferencesChanged(prefs))) => {
            take_preferences(app, prefs);
            true
        }
        Msg::Key(answer @ (Intent::StandupDone | Intent::StandupSnooze | Intent::StandupSkip))
            if app.reminder.showing =>
        {
            cmds.extend(self::answer(app, *answer, wall));
            true
        }
        Msg::Key(Intent::ToggleReminder) => {
            cmds.extend(toggle(app, wall));
            true
        }
        // The overlay's own help, and Esc: close the help, else close the
        // overlay without answering.
        Msg::Key(Intent::ToggleHelp) if app.reminder.showing => {
            app.help_open = !app.help_open;
            true
        }
        Msg::Key(Intent::Back) if app.reminder.showing && app.help_open => {
            app.help_open = false;
            true
        }
        Msg::Key(Intent::Back) if app.reminder.showing => {
            cmds.extend(dismiss(app, wall));
            true
        }
        _ => false,
    };
    cmds.extend(refresh(app, now.wall));
    // The overlay takes every key but quit and suspend; outcomes (a tick is
    // also for the countdowns) always go on.
    let swallowed = app.reminder.showing
        && matches!(msg, Msg::Key(intent) if !matches!(intent, Intent::Quit | Intent::Suspend));
    (handled || swallowed, cmds)
}

/// Preferences changed elsewhere: used from now on (`--speak` still holds
/// for this run).
fn take_preferences(app: &mut App, prefs: &Preferences) {
    let settings = &mut app.settings;
    settings.session_bell = prefs.session_bell;
    settings.reminder = prefs.reminder;
    settings.quiet_while.clone_from(&prefs.quiet_while);
    let speak = settings.speech.enabled && app.reminder.speak_flag;
    settings.speech = prefs.speech.clone();
    settings.speech.enabled |= speak;
}

/// Desktop notifications failed: say so once and stop trying this run.
pub fn notifications_unavailable(app: &mut App, reason: &str) {
    app.reminder.desktop_unavailable = true;
    app.notice = Some(format!(
        "Desktop notifications are unavailable ({reason}); the overlay and the other alerts still work."
    ));
}

fn answer(app: &mut App, answer: Intent, now: DateTime<FixedOffset>) -> Vec<Cmd> {
    let rules = app.settings.reminder.rules(false);
    let Some(schedule) = app.reminder.schedule.as_mut() else {
        return Vec::new();
    };
    let outcome = match answer {
        Intent::StandupSnooze => StandupOutcome::Snoozed,
        Intent::StandupSkip => StandupOutcome::Skipped,
        _ => StandupOutcome::Done,
    };
    schedule.answer(&rules, outcome, now);
    if outcome == StandupOutcome::Done {
        app.reminder.stood_up.push(now);
    }
    app.reminder.showing = false;
    app.reminder.announced = None;
    vec![
        Cmd::SaveSchedule,
        Cmd::Append(Record::Standup { at: now, outcome }),
    ]
}

/// Esc on the overlay: closes it without an answer. The reminder stays
/// due and comes back after the snooze length; nothing is recorded.
fn dismiss(app: &mut App, now: DateTime<FixedOffset>) -> Vec<Cmd> {
    let rules = app.settings.reminder.rules(false);
    let Some(schedule) = app.reminder.schedule.as_mut() else {
        return Vec::new();
    };
    schedule.snooze(&rules, now);
    app.reminder.showing = false;
    app.reminder.announced = None;
    vec![Cmd::SaveSchedule]
}

/// Turns the reminder off, or on with a fresh interval from now.
fn toggle(app: &mut App, now: DateTime<FixedOffset>) -> Vec<Cmd> {
    let settings = &mut app.settings.reminder;
    let before = *settings;
    settings.enabled = !settings.enabled;
    let save = Cmd::SaveSettings(SettingsChange::Reminder {
        before,
        after: *settings,
    });
    if !settings.enabled {
        app.reminder.showing = false;
        return vec![save];
    }
    app.reminder.announced = None;
    match app.reminder.schedule.as_mut() {
        Some(schedule) => schedule.restart(now),
        None => app.reminder.schedule = Some(Schedule::start(now)),
    }
    vec![save, Cmd::SaveSchedule]
}

/// The schedule's verdict at `now`, or `None` when the reminder is off or
/// not started.
pub fn check<Tz: TimeZone>(app: &App, now: DateTime<Tz>) -> Option<Check> {
    let settings = &app.settings.reminder;
    let schedule = app
        .reminder
        .schedule
        .as_ref()
        .filter(|_| settings.enabled)?;
    let check = schedule.check(&settings.rules(false), now.clone(), is_counting_down(app));
    let now = now.fixed_offset();
    Some(quiet_rules::hold(check, quiet::until(app, now), now))
}

/// Shows or hides the overlay; a newly due reminder rings once.
fn refresh(app: &mut App, now: DateTime<Local>) -> Vec<Cmd> {
    let Some(Check::Fire(due)) = check(app, now) else {
        app.reminder.showing = false;
        return Vec::new();
    };
    if app.reminder.announced != Some(due)
        && let Some(ask) = quiet::ask_first(app, due)
    {
        app.reminder.showing = false;
        return ask;
    }
    app.reminder.showing = true;
    if app.reminder.announced == Some(due) {
        return Vec::new();
    }
    app.reminder.announced = Some(due);
    // Newly due: the overlay comes up alone (its own `?` shows its keys).
    app.help_open = false;
    // Someone away gets the question on return, the overlay meanwhile.
    let mut cmds: Vec<Cmd> = away::probe(app, due).into_iter().collect();
    let settings = &app.settings.reminder;
    if settings.bell {
        cmds.push(Cmd::Bell);
    }
    cmds.extend(super::speech::say(app, super::speech::STANDUP));
    if settings.terminal_notification {
        cmds.push(Cmd::TerminalNotification(standup_notification()));
    }
    if settings.desktop_notification && !app.reminder.desktop_unavailable {
        cmds.push(Cmd::DesktopNotification(standup_notification()));
    }
    cmds
}

/// When the runtime must wake for the reminder: at the due time, at once
/// when something is pending, and on the Reminder screen when the "in N
/// min" text changes. `None` otherwise: no periodic wake-ups.
///
/// The instant is monotonic, which on Linux stands still while the machine
/// sleeps: after a suspend the wake-up comes late by the time asleep. The
/// wall clock decides what is due, so the first key (or the late wake-up)
/// shows the one missed reminder; nothing fires twice.
pub fn next_wakeup(app: &App) -> Option<Instant> {
    let clock = app.now?;
    if app.reminder.unsaved {
        return Some(clock.instant);
    }
    let wall = clock.wall.fixed_offset();
    let after = |delta: TimeDelta| clock.instant + delta.to_std().unwrap_or_default();
    match check(app, clock.wall)? {
        Check::Waiting(due) => {
            let left = due - wall;
            let shown = if app.screen == super::Screen::Reminder {
                left - TimeDelta::minutes(minutes_shown(left) - 1)
            } else {
                left
            };
            Some(after(shown.min(left)))
        }
        Check::Fire(_) if quiet::waiting_for_answer(app) => None,
        Check::Fire(due) if app.reminder.announced != Some(due) || !app.reminder.showing => {
            Some(clock.instant)
        }
        Check::Fire(_) | Check::Deferred(_) | Check::Never => None,
    }
}

/// How many times the user stood up on `now`'s day.
pub fn stood_up_today(app: &App, now: DateTime<FixedOffset>) -> usize {
    let today = now.date_naive();
    app.reminder
        .stood_up
        .iter()
        .filter(|t| t.with_timezone(now.offset()).date_naive() == today)
        .count()
}

/// The stand-up reminder's notification.
pub fn standup_notification() -> Notification {
    Notification {
        title: TITLE,
        body: ASK.to_owned(),
    }
}
