//! Preferences: what a user sets (the reminder, its alerts, the session
//! bell, speech), kept in `config.ron` apart from state. Every preference
//! has a key (`reminder.every`) and a value written as text (`45m`): the
//! same text in `config.ron`, in `backcoach config` and `config set`.

use chrono::Weekday;

use super::settings::Speech;
use crate::domain::active_hours::Hours;
use crate::domain::reminder_settings::{
    Days, INTERVAL_MINUTES, ReminderSettings, SNOOZE_MINUTES, WEEK,
};
use crate::time::duration;

/// Shortest and longest time away offered as a stand-up (minutes).
pub const AWAY_MINUTES: (u32, u32) = (1, 120);

/// Every preference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Preferences {
    /// Ring the terminal bell at each session transition.
    pub session_bell: bool,
    /// The stand-up reminder.
    pub reminder: ReminderSettings,
    /// Commands that keep a due reminder waiting while any succeeds.
    pub quiet_while: Vec<String>,
    /// Spoken cues.
    pub speech: Speech,
}

impl Default for Preferences {
    fn default() -> Self {
        Preferences {
            session_bell: true,
            reminder: ReminderSettings::default(),
            quiet_while: Vec::new(),
            speech: Speech::default(),
        }
    }
}

/// One preference.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// `reminder.enabled`
    Enabled,
    /// `reminder.every`
    Every,
    /// `reminder.active_hours`
    ActiveHours,
    /// `reminder.days`
    Days,
    /// `reminder.snooze`
    Snooze,
    /// `reminder.bell`
    Bell,
    /// `reminder.terminal_notification`
    TerminalNotification,
    /// `reminder.desktop_notification`
    DesktopNotification,
    /// `reminder.quiet_while`
    QuietWhile,
    /// `reminder.away_credit`
    AwayCredit,
    /// `reminder.away_minimum`
    AwayMinimum,
    /// `session_bell`
    SessionBell,
    /// `speech.enabled`
    SpeechEnabled,
    /// `speech.command`
    SpeechCommand,
}

/// Every key, in the order `backcoach config` prints them.
pub const KEYS: [Key; 14] = [
    Key::Enabled,
    Key::Every,
    Key::ActiveHours,
    Key::Days,
    Key::Snooze,
    Key::Bell,
    Key::TerminalNotification,
    Key::DesktopNotification,
    Key::QuietWhile,
    Key::AwayCredit,
    Key::AwayMinimum,
    Key::SessionBell,
    Key::SpeechEnabled,
    Key::SpeechCommand,
];

impl Key {
    /// The key as written: `reminder.every`.
    pub fn name(self) -> &'static str {
        match self {
            Key::Enabled => "reminder.enabled",
            Key::Every => "reminder.every",
            Key::ActiveHours => "reminder.active_hours",
            Key::Days => "reminder.days",
            Key::Snooze => "reminder.snooze",
            Key::Bell => "reminder.bell",
            Key::TerminalNotification => "reminder.terminal_notification",
            Key::DesktopNotification => "reminder.desktop_notification",
            Key::QuietWhile => "reminder.quiet_while",
            Key::AwayCredit => "reminder.away_credit",
            Key::AwayMinimum => "reminder.away_minimum",
            Key::SessionBell => "session_bell",
            Key::SpeechEnabled => "speech.enabled",
            Key::SpeechCommand => "speech.command",
        }
    }

    /// The key named `name`; the reason when there is none.
    pub fn named(name: &str) -> Result<Key, String> {
        KEYS.into_iter()
            .find(|key| key.name() == name)
            .ok_or_else(|| {
                format!(
                    "`{}` is not a preference (see `backcoach config` for the keys)",
                    name.escape_debug()
                )
            })
    }

    /// True for an on/off preference (`true`/`false` in `config.ron`).
    pub fn is_switch(self) -> bool {
        matches!(
            self,
            Key::Enabled
                | Key::Bell
                | Key::TerminalNotification
                | Key::DesktopNotification
                | Key::AwayCredit
                | Key::SessionBell
                | Key::SpeechEnabled
        )
    }

    /// The value of this key in `prefs`, as text.
    pub fn show(self, prefs: &Preferences) -> String {
        let r = &prefs.reminder;
        match self {
            Key::Enabled => r.enabled.to_string(),
            Key::Every => format!("{}m", r.every_minutes),
            Key::ActiveHours => r.hours.to_string(),
            Key::Days => days_text(r.days),
            Key::Snooze => format!("{}m", r.snooze_minutes),
            Key::Bell => r.bell.to_string(),
            Key::TerminalNotification => r.terminal_notification.to_string(),
            Key::DesktopNotification => r.desktop_notification.to_string(),
            Key::QuietWhile => prefs.quiet_while.join("; "),
            Key::AwayCredit => r.away_credit.to_string(),
            Key::AwayMinimum => format!("{}m", r.away_minutes),
            Key::SessionBell => prefs.session_bell.to_string(),
            Key::SpeechEnabled => prefs.speech.enabled.to_string(),
            Key::SpeechCommand => prefs.speech.command.clone().unwrap_or_default(),
        }
    }

    /// Sets this key in `prefs` from `text`; the reason when `text` is not
    /// a value it takes (and then nothing changes).
    pub fn set(self, prefs: &mut Preferences, text: &str) -> Result<(), String> {
        let r = &mut prefs.reminder;
        let name = self.name();
        match self {
            Key::Enabled => r.enabled = switch(name, text)?,
            Key::Every => {
                let (low, high, step) = INTERVAL_MINUTES;
                r.every_minutes = minutes(name, text, (low, high), step)?;
            }
            Key::ActiveHours => r.hours = Hours::parse(text)?,
            Key::Days => r.days = parse_days(text)?,
            Key::Snooze => r.snooze_minutes = minutes(name, text, SNOOZE_MINUTES, 1)?,
            Key::Bell => r.bell = switch(name, text)?,
            Key::TerminalNotification => r.terminal_notification = switch(name, text)?,
            Key::DesktopNotification => r.desktop_notification = switch(name, text)?,
            Key::QuietWhile => prefs.quiet_while = commands(text)?,
            Key::AwayCredit => r.away_credit = switch(name, text)?,
            Key::AwayMinimum => r.away_minutes = minutes(name, text, AWAY_MINUTES, 1)?,
            Key::SessionBell => prefs.session_bell = switch(name, text)?,
            Key::SpeechEnabled => prefs.speech.enabled = switch(name, text)?,
            Key::SpeechCommand => {
                let speech = Speech {
                    enabled: prefs.speech.enabled,
                    command: (!text.trim().is_empty()).then(|| text.trim().to_owned()),
                };
                if let Some(problem) = speech.problem() {
                    return Err(problem);
                }
                prefs.speech = speech;
            }
        }
        Ok(())
    }

    /// Whether `text` is a value this key takes; the reason when not.
    pub fn check(self, text: &str) -> Result<(), String> {
        self.set(&mut Preferences::default(), text)
    }
}

/// The keys whose values differ between `before` and `after`, with the
/// value in `after`: what a change on the Reminder screen writes.
pub fn changed(before: &Preferences, after: &Preferences) -> Vec<(Key, String)> {
    KEYS.into_iter()
        .filter(|key| key.show(before) != key.show(after))
        .map(|key| (key, key.show(after)))
        .collect()
}

fn switch(name: &str, text: &str) -> Result<bool, String> {
    match text.trim() {
        "true" | "on" | "yes" => Ok(true),
        "false" | "off" | "no" => Ok(false),
        other => Err(format!(
            "{name} is true or false (or on/off), not `{}`",
            other.escape_debug()
        )),
    }
}

/// Whole minutes from `low` to `high` in steps of `step`, written with the
/// one duration grammar (`45m`, `1h30m`).
fn minutes(name: &str, text: &str, (low, high): (u32, u32), step: u32) -> Result<u32, String> {
    let length = duration::parse(text)?;
    let steps = if step > 1 {
        format!(" in steps of {step}")
    } else {
        String::new()
    };
    let refused = || {
        format!(
            "`{}` is out of range: {name} must be {low} to {high} minutes{steps}",
            text.trim().escape_debug()
        )
    };
    let secs = length.as_secs();
    let minutes = u32::try_from(secs / 60).map_err(|_| refused())?;
    if secs % 60 != 0 || !(low..=high).contains(&minutes) || minutes % step != 0 {
        return Err(refused());
    }
    Ok(minutes)
}

/// `Mon,Tue,Wed`, or ranges like `Mon-Fri`; `none` for no day.
fn parse_days(text: &str) -> Result<Days, String> {
    let mut days: Vec<Weekday> = Vec::new();
    if text.trim() == "none" {
        return Ok(Days::from(days));
    }
    for part in text.split(',') {
        let (first, last) = part.split_once('-').unwrap_or((part, part));
        let (first, last) = (weekday(first)?, weekday(last)?);
        let (a, b) = (first.num_days_from_monday(), last.num_days_from_monday());
        if a > b {
            return Err(format!(
                "`{}` runs backwards: write Mon-Fri",
                part.trim().escape_debug()
            ));
        }
        days.extend(WEEK.iter().skip(a as usize).take((b - a + 1) as usize));
    }
    Ok(Days::from(days))
}

fn weekday(text: &str) -> Result<Weekday, String> {
    WEEK.into_iter()
        .find(|day| day.to_string().eq_ignore_ascii_case(text.trim()))
        .ok_or_else(|| {
            format!(
                "`{}` is not a weekday: Mon, Tue, Wed, Thu, Fri, Sat or Sun",
                text.trim().escape_debug()
            )
        })
}

/// The days as `backcoach config` writes them: `Mon,Tue,Wed,Thu,Fri`.
fn days_text(days: Days) -> String {
    let list: Vec<String> = Vec::<Weekday>::from(days)
        .iter()
        .map(ToString::to_string)
        .collect();
    if list.is_empty() {
        "none".to_owned()
    } else {
        list.join(",")
    }
}

/// Commands separated by `;`; an empty text for none.
fn commands(text: &str) -> Result<Vec<String>, String> {
    let list: Vec<String> = text
        .split(';')
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(str::to_owned)
        .collect();
    for command in &list {
        if let Some(problem) = crate::domain::in_range::text("a quiet_while command", command) {
            return Err(problem);
        }
    }
    Ok(list)
}
