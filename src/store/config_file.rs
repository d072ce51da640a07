//! The shape of `config.ron`: every preference optional (a missing one
//! takes its default), each value checked while it is read so a bad one
//! is reported at its line and column, and only the keys set are written.
//!
//! ```ron
//! (
//!     version: 1,
//!     reminder: (every: "45m", active_hours: "09:00-12:30,13:30-18:00"),
//!     session_bell: false,
//! )
//! ```

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize};

use super::preferences::{Key, Preferences};

/// Version written into `config.ron`.
pub const CONFIG_VERSION: u32 = 1;

/// `config.ron` as written.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfigFile {
    /// The file's version.
    #[serde(default = "version")]
    pub version: u32,
    /// The stand-up reminder.
    #[serde(default, skip_serializing_if = "ReminderPart::is_empty")]
    pub reminder: ReminderPart,
    /// The session bell.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session_bell: Option<bool>,
    /// Spoken cues.
    #[serde(default, skip_serializing_if = "SpeechPart::is_empty")]
    pub speech: SpeechPart,
    /// Keys moved here from `settings.ron` and not changed since.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub moved_from_settings: Vec<String>,
}

fn version() -> u32 {
    CONFIG_VERSION
}

/// Makes a reader that checks one key's text while it is read.
macro_rules! checked {
    ($name:ident, $key:expr) => {
        fn $name<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
            let text = String::deserialize(d)?;
            $key.check(&text).map_err(D::Error::custom)?;
            Ok(Some(text))
        }
    };
}

checked!(every, Key::Every);
checked!(active_hours, Key::ActiveHours);
checked!(days, Key::Days);
checked!(snooze, Key::Snooze);
checked!(away_minimum, Key::AwayMinimum);
checked!(speech_command, Key::SpeechCommand);

fn quiet_while<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Vec<String>>, D::Error> {
    let list = Vec::<String>::deserialize(d)?;
    for command in &list {
        Key::QuietWhile.check(command).map_err(D::Error::custom)?;
    }
    Ok(Some(list))
}

/// The reminder's keys.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReminderPart {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    enabled: Option<bool>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "every"
    )]
    every: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "active_hours"
    )]
    active_hours: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "days"
    )]
    days: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "snooze"
    )]
    snooze: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    bell: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    terminal_notification: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    desktop_notification: Option<bool>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "quiet_while"
    )]
    quiet_while: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    away_credit: Option<bool>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "away_minimum"
    )]
    away_minimum: Option<String>,
}

impl ReminderPart {
    fn is_empty(&self) -> bool {
        *self == ReminderPart::default()
    }
}

/// The speech keys.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpeechPart {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    enabled: Option<bool>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "speech_command"
    )]
    command: Option<String>,
}

impl SpeechPart {
    fn is_empty(&self) -> bool {
        *self == SpeechPart::default()
    }
}

/// Where a key's value is kept in the file: a switch, a text or a list.
enum Slot<'a> {
    Switch(&'a mut Option<bool>),
    Text(&'a mut Option<String>),
    List(&'a mut Option<Vec<String>>),
}

impl ConfigFile {
    fn slot(&mut self, key: Key) -> Slot<'_> {
        let r = &mut self.reminder;
        match key {
            Key::Enabled => Slot::Switch(&mut r.enabled),
            Key::Every => Slot::Text(&mut r.every),
            Key::ActiveHours => Slot::Text(&mut r.active_hours),
            Key::Days => Slot::Text(&mut r.days),
            Key::Snooze => Slot::Text(&mut r.snooze),
            Key::Bell => Slot::Switch(&mut r.bell),
            Key::TerminalNotification => Slot::Switch(&mut r.terminal_notification),
            Key::DesktopNotification => Slot::Switch(&mut r.desktop_notification),
            Key::QuietWhile => Slot::List(&mut r.quiet_while),
            Key::AwayCredit => Slot::Switch(&mut r.away_credit),
            Key::AwayMinimum => Slot::Text(&mut r.away_minimum),
            Key::SessionBell => Slot::Switch(&mut self.session_bell),
            Key::SpeechEnabled => Slot::Switch(&mut self.speech.enabled),
            Key::SpeechCommand => Slot::Text(&mut self.speech.command),
        }
    }

    /// True when the file sets `key`.
    pub fn has(&self, key: Key) -> bool {
        match self.clone().slot(key) {
            Slot::Switch(v) => v.is_some(),
            Slot::Text(v) => v.is_some(),
            Slot::List(v) => v.is_some(),
        }
    }

    /// Sets `key` to `text` (checked first; nothing changes when it is
    /// refused). The key is no longer one moved from `settings.ron`.
    pub fn put(&mut self, key: Key, text: &str) -> Result<(), String> {
        let mut scratch = Preferences::default();
        key.set(&mut scratch, text)?;
        match self.slot(key) {
            Slot::Switch(v) => *v = Some(key.show(&scratch) == "true"),
            Slot::Text(v) => *v = Some(key.show(&scratch)),
            Slot::List(v) => *v = Some(scratch.quiet_while),
        }
        self.moved_from_settings.retain(|name| name != key.name());
        Ok(())
    }

    /// `prefs` with every key this file sets applied over it.
    pub fn apply(&self, prefs: &mut Preferences) {
        let mut file = self.clone();
        for key in super::preferences::KEYS {
            let _ = match file.slot(key) {
                Slot::Switch(Some(on)) => key.set(prefs, &on.to_string()),
                Slot::Text(Some(text)) => key.set(prefs, text),
                Slot::List(Some(list)) => {
                    prefs.quiet_while.clone_from(list);
                    Ok(())
                }
                Slot::Switch(None) | Slot::Text(None) | Slot::List(None) => Ok(()),
            };
        }
    }
}
