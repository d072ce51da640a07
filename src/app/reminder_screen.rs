//! The Reminder screen: one row per setting, changed in place and saved at
//! once.

use chrono::{DateTime, FixedOffset, Weekday};

use super::{App, Cmd, Intent, Screen, list};
use crate::domain::active_hours::Hours;
use crate::domain::reminder::Schedule;
use crate::domain::reminder_settings::WEEK;
use crate::store::settings_change::SettingsChange;

/// One row of the Reminder screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    /// On or off.
    Enabled,
    /// Minutes between reminders.
    Every,
    /// Start of the active hours.
    From,
    /// End of the active hours.
    Until,
    /// One weekday on or off.
    Day(Weekday),
    /// Snooze length.
    Snooze,
    /// Terminal bell.
    Bell,
    /// OSC 777/9 terminal notifications.
    Terminal,
    /// Desktop notification.
    Desktop,
}

/// The rows, in order.
pub const ROWS: [Row; 15] = [
    Row::Enabled,
    Row::Every,
    Row::From,
    Row::Until,
    Row::Day(WEEK[0]),
    Row::Day(WEEK[1]),
    Row::Day(WEEK[2]),
    Row::Day(WEEK[3]),
    Row::Day(WEEK[4]),
    Row::Day(WEEK[5]),
    Row::Day(WEEK[6]),
    Row::Snooze,
    Row::Bell,
    Row::Terminal,
    Row::Desktop,
];

/// Handles a message on the Reminder screen.
pub fn update(app: &mut App, msg: Intent, now: DateTime<FixedOffset>) -> Vec<Cmd> {
    if app.reminder.editing.is_some() {
        return edit(app, msg);
    }
    if list::step(&mut app.reminder.selected, msg, ROWS.len()) {
        return Vec::new();
    }
    match msg {
        Intent::Next => return change(app, Some(true), now),
        Intent::Previous => return change(app, Some(false), now),
        Intent::Select => return change(app, None, now),
        Intent::Back => app.screen = Screen::Home,
        _ => {}
    }
    Vec::new()
}

/// What the notice line says while the hours are typed.
const EDIT_NOTICE: &str =
    "Type the active hours, like 09:00-12:30,13:30-18:00 or 22:00-06:00; Enter saves, Esc cancels.";

/// A key while the active hours are typed: Enter saves them when they
/// read right (else says why and keeps the text), Esc cancels.
fn edit(app: &mut App, msg: Intent) -> Vec<Cmd> {
    let Some(text) = app.reminder.editing.as_mut() else {
        return Vec::new();
    };
    match msg {
        Intent::Type(c) if text.chars().count() < 80 => text.push(c),
        Intent::Erase => {
            text.pop();
        }
        Intent::Back => {
            app.reminder.editing = None;
            app.notice = None;
        }
        Intent::Select => match Hours::parse(text) {
            Ok(hours) => {
                app.reminder.editing = None;
                app.notice = None;
                let before = app.settings.reminder;
                app.settings.reminder.hours = hours;
                if app.settings.reminder != before {
                    return vec![Cmd::SaveSettings(SettingsChange::Reminder {
                        before,
                        after: app.settings.reminder,
                    })];
                }
            }
            Err(reason) => app.notice = Some(format!("{reason}. {EDIT_NOTICE}")),
        },
        _ => {}
    }
    Vec::new()
}

/// Changes the selected row: `Some(up)` steps a value (or flips a switch),
/// `None` flips a switch and leaves values alone.
fn change(app: &mut App, up: Option<bool>, now: DateTime<FixedOffset>) -> Vec<Cmd> {
    let Some(row) = ROWS.get(app.reminder.selected.index()).copied() else {
        return Vec::new();
    };
    let settings = &mut app.settings.reminder;
    let before = *settings;
    match (row, up) {
        (Row::Enabled, _) => settings.enabled = !settings.enabled,
        (Row::Every, Some(up)) => settings.step_interval(up),
        (Row::From, Some(up)) => settings.step_from(up),
        (Row::Until, Some(up)) => settings.step_until(up),
        (Row::Snooze, Some(up)) => settings.step_snooze(up),
        (Row::Day(day), _) => settings.days.toggle(day),
        (Row::Bell, _) => settings.bell = !settings.bell,
        (Row::Terminal, _) => settings.terminal_notification = !settings.terminal_notification,
        (Row::Desktop, _) => {
            settings.desktop_notification = !settings.desktop_notification;
            // Turning it on again is the way to retry after a failure.
            app.reminder.desktop_unavailable = false;
        }
        // Enter on the hours: type them, several ranges or across midnight.
        (Row::From | Row::Until, None) => {
            app.reminder.editing = Some(settings.hours.to_string());
            app.notice = Some(EDIT_NOTICE.to_owned());
        }
        (Row::Every | Row::Snooze, None) => {}
    }
    if *settings == before {
        return Vec::new();
    }
    let mut cmds = vec![Cmd::SaveSettings(SettingsChange::Reminder {
        before,
        after: *settings,
    })];
    if settings.enabled && !before.enabled {
        // Back on: a fresh interval, not one that started hours ago.
        app.reminder.announced = None;
        app.reminder.schedule = Some(match app.reminder.schedule {
            Some(mut schedule) => {
                schedule.restart(now);
                schedule
            }
            None => Schedule::start(now),
        });
        cmds.push(Cmd::SaveSchedule);
    }
    cmds
}
