//! The settings file (`settings.ron`): a versioned file, replaced
//! atomically; a bad one is kept aside rather than overwritten.

use chrono::{DateTime, Local};
use serde::{Deserialize, Serialize};

use super::preferences::{Key, Preferences};
use super::versioned::{Format, Spec};
use super::{Store, StoreError};
use crate::domain::reminder_settings::{ClockTime, Days, ReminderSettings};
use crate::domain::safety::GateState;

/// Version written into the settings file.
pub const SETTINGS_VERSION: u32 = 1;

/// `(version: 1, disclaimer_acknowledged: …, …)`: the state's own fields
/// after the version, as every release so far has written them.
static SETTINGS: Spec<StateFile> = Spec {
    name: "settings.ron",
    format: Format::Ron,
    version: SETTINGS_VERSION,
    older: &[],
    check: super::in_range::settings,
    what: "The settings file",
    then: "Started from default settings.",
};

/// `settings.ron`: state, and the preferences earlier releases kept here
/// until they are moved to `config.ron` (see [`super::config_move`]).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct StateFile {
    /// When the user acknowledged the "coach, not a diagnosis" statement.
    #[serde(default)]
    pub disclaimer_acknowledged: Option<DateTime<Local>>,
    /// The safety gate.
    #[serde(default)]
    pub safety_gate: GateState,
    /// An earlier release's session bell, not moved yet.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "present")]
    pub session_bell: Option<bool>,
    /// An earlier release's reminder preferences, not moved yet.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "present")]
    pub reminder: Option<OldReminder>,
    /// An earlier release's speech preferences, not moved yet.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "present")]
    pub speech: Option<Speech>,
}

/// A field that is there or not, written as its value (`session_bell:
/// true`), as earlier releases wrote these.
mod present {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<T: Serialize, S: Serializer>(
        value: &Option<T>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        match value {
            Some(value) => value.serialize(s),
            None => s.serialize_unit(),
        }
    }

    pub fn deserialize<'de, T: Deserialize<'de>, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<T>, D::Error> {
        T::deserialize(d).map(Some)
    }
}

impl StateFile {
    /// True when preferences of an earlier release are still here.
    pub fn holds_preferences(&self) -> bool {
        self.session_bell.is_some() || self.reminder.is_some() || self.speech.is_some()
    }
}

/// The reminder as earlier releases wrote it into `settings.ron`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct OldReminder {
    /// On or off.
    pub enabled: bool,
    /// Minutes between reminders.
    pub every_minutes: u32,
    /// Start of the active hours.
    pub from: ClockTime,
    /// End of the active hours.
    pub until: ClockTime,
    /// Active weekdays.
    pub days: Days,
    /// Minutes a snooze lasts.
    pub snooze_minutes: u32,
    /// Terminal bell.
    pub bell: bool,
    /// Terminal notifications.
    pub terminal_notification: bool,
    /// Desktop notifications.
    pub desktop_notification: bool,
}

impl Default for OldReminder {
    fn default() -> Self {
        let now = ReminderSettings::default();
        OldReminder {
            enabled: now.enabled,
            every_minutes: now.every_minutes,
            from: now.hours.from(),
            until: now.hours.until(),
            days: now.days,
            snooze_minutes: now.snooze_minutes,
            bell: now.bell,
            terminal_notification: now.terminal_notification,
            desktop_notification: now.desktop_notification,
        }
    }
}

impl OldReminder {
    /// Why an earlier release would have refused these, if it would.
    pub fn problem(&self) -> Option<String> {
        let settings = ReminderSettings {
            every_minutes: self.every_minutes,
            snooze_minutes: self.snooze_minutes,
            ..ReminderSettings::default()
        };
        if let Some(problem) = settings.problem() {
            return Some(problem);
        }
        (self.from >= self.until).then(|| {
            format!(
                "reminder active hours must start before they end ({} to {})",
                self.from, self.until
            )
        })
    }

    /// Each key with its value, as `config.ron` writes it.
    pub fn keys(&self) -> Vec<(Key, String)> {
        vec![
            (Key::Enabled, self.enabled.to_string()),
            (Key::Every, format!("{}m", self.every_minutes)),
            (Key::ActiveHours, format!("{}-{}", self.from, self.until)),
            (Key::Days, Key::Days.show(&days_only(self.days))),
            (Key::Snooze, format!("{}m", self.snooze_minutes)),
            (Key::Bell, self.bell.to_string()),
            (
                Key::TerminalNotification,
                self.terminal_notification.to_string(),
            ),
            (
                Key::DesktopNotification,
                self.desktop_notification.to_string(),
            ),
        ]
    }
}

fn days_only(days: Days) -> Preferences {
    let mut prefs = Preferences::default();
    prefs.reminder.days = days;
    prefs
}

/// State and preferences together, as the app uses them: the state from
/// `settings.ron`, the preferences from `config.ron` (see
/// [`super::config`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    /// When the user acknowledged the "coach, not a diagnosis" statement.
    pub disclaimer_acknowledged: Option<DateTime<Local>>,
    /// The safety gate: today's checklist answers, hurt report, habit
    /// acknowledgement.
    pub safety_gate: GateState,
    /// Ring the terminal bell at each session transition.
    pub session_bell: bool,
    /// The stand-up reminder.
    pub reminder: ReminderSettings,
    /// Commands that keep a due reminder waiting while any succeeds.
    pub quiet_while: Vec<String>,
    /// Spoken cues.
    pub speech: Speech,
}

impl Settings {
    /// The preferences part.
    pub fn preferences(&self) -> Preferences {
        Preferences {
            session_bell: self.session_bell,
            reminder: self.reminder,
            quiet_while: self.quiet_while.clone(),
            speech: self.speech.clone(),
        }
    }

    /// The state part, as `settings.ron` holds it.
    pub fn state(&self) -> StateFile {
        StateFile {
            disclaimer_acknowledged: self.disclaimer_acknowledged,
            safety_gate: self.safety_gate.clone(),
            ..StateFile::default()
        }
    }

    /// State and preferences together.
    pub fn of(state: StateFile, prefs: Preferences) -> Settings {
        Settings {
            disclaimer_acknowledged: state.disclaimer_acknowledged,
            safety_gate: state.safety_gate,
            session_bell: prefs.session_bell,
            reminder: prefs.reminder,
            quiet_while: prefs.quiet_while,
            speech: prefs.speech,
        }
    }
}

/// Spoken cues: off unless asked for (`speech: (enabled: true)` in
/// `config.ron`, or `--speak` for one run).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Speech {
    /// Say each beat's short cue aloud.
    #[serde(default)]
    pub enabled: bool,
    /// The program to speak with, and its arguments, separated by spaces;
    /// the cue is added as the last argument. Without one, the first of
    /// `spd-say`, `espeak-ng`, `espeak` and `say` found on `PATH`.
    #[serde(default)]
    pub command: Option<String>,
}

impl Speech {
    /// Off and without a command: what a file without `speech` means.
    pub fn is_default(&self) -> bool {
        *self == Speech::default()
    }

    /// Why this cannot be right, if it cannot: a command that is empty or
    /// holds a control character.
    pub fn problem(&self) -> Option<String> {
        let command = self.command.as_deref()?;
        if command.trim().is_empty() {
            return Some("`speech.command` is empty".to_owned());
        }
        crate::domain::in_range::text("`speech.command`", command)
    }
}

impl Default for Settings {
    fn default() -> Self {
        Settings::of(StateFile::default(), Preferences::default())
    }
}

/// What loading settings found.
#[derive(Debug)]
pub struct LoadedSettings {
    /// The settings to use (defaults when the file was missing or bad).
    pub settings: Settings,
    /// A sentence for the user when the file was bad and was set aside.
    pub notice: Option<String>,
}

impl Store {
    /// Reads settings: the state, and the preferences (moving those an
    /// earlier release kept in `settings.ron` to `config.ron` first). A
    /// missing file gives defaults; an unreadable or corrupt state file is
    /// renamed aside (never overwritten) and reported; a bad `config.ron`
    /// is left as it is, reported with its line, and defaults are used.
    pub fn load_settings(&self, now: DateTime<Local>) -> LoadedSettings {
        self.sweep(now);
        let loaded = self.file(&SETTINGS).load(now);
        let mut notices: Vec<String> = loaded.notice.into_iter().collect();
        let state = loaded.value.unwrap_or_default();
        let state = match self.move_preferences(state.clone()) {
            Ok(moved) => moved,
            Err(err) => {
                notices.push(format!(
                    "Your preferences could not be moved to config.ron ({err}); they are still read from settings.ron."
                ));
                state
            }
        };
        let config = self.read_config();
        notices.extend(config.problem.as_ref().map(super::config::problem_notice));
        LoadedSettings {
            settings: Settings::of(state.clone(), config.resolve(&state)),
            notice: (!notices.is_empty()).then(|| notices.join(" ")),
        }
    }

    /// Reads settings without changing anything on disk (for `status`):
    /// defaults when missing, the reason when the state is unreadable; a
    /// bad `config.ron` gives default preferences.
    pub fn peek_settings(&self) -> Result<Settings, StoreError> {
        let state = self.peek_state()?;
        let prefs = self.read_config().resolve(&state);
        Ok(Settings::of(state, prefs))
    }

    /// Reads `settings.ron` as it is, without changing anything.
    pub fn peek_state(&self) -> Result<StateFile, StoreError> {
        Ok(self.file(&SETTINGS).peek()?.unwrap_or_default())
    }

    /// Writes the state to `settings.ron` and every preference that
    /// differs from what is on disk to `config.ron`, each atomically.
    pub fn save_settings(&self, settings: &Settings) -> Result<(), StoreError> {
        let state = self
            .peek_state()
            .map_err(|unreadable| StoreError::WouldReplaceUnreadable {
                unreadable: Box::new(unreadable),
            })?;
        let state = self.move_preferences(state)?;
        let on_disk = self.read_config().resolve(&state);
        self.change_config(&super::preferences::changed(
            &on_disk,
            &settings.preferences(),
        ))?;
        self.save_state(&settings.state())
    }

    /// Replaces `settings.ron` atomically (temp file, fsync, rename, fsync
    /// the folder), so a crash leaves the old file or the new one.
    pub fn save_state(&self, state: &StateFile) -> Result<(), StoreError> {
        self.file(&SETTINGS).save(state)
    }
}
