//! The settings file (`settings.ron`): a versioned file, replaced
//! atomically; a bad one is kept aside rather than overwritten.

use chrono::{DateTime, Local};
use serde::{Deserialize, Serialize};

use super::versioned::{Format, Spec};
use super::{Store, StoreError};
use crate::domain::reminder_settings::ReminderSettings;
use crate::domain::safety::GateState;

/// Version written into the settings file.
pub const SETTINGS_VERSION: u32 = 1;

/// `(version: 1, disclaimer_acknowledged: …, …)`: the settings' own fields
/// after the version, as every release so far has written them.
static SETTINGS: Spec<Settings> = Spec {
    name: "settings.ron",
    format: Format::Ron,
    version: SETTINGS_VERSION,
    older: &[],
    check: super::in_range::settings,
    what: "The settings file",
    then: "Started from default settings.",
};

/// Everything the user chose that outlives a run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Settings {
    /// When the user acknowledged the "coach, not a diagnosis" statement.
    #[serde(default)]
    pub disclaimer_acknowledged: Option<DateTime<Local>>,
    /// The safety gate: today's checklist answers, hurt report, habit
    /// acknowledgement.
    #[serde(default)]
    pub safety_gate: GateState,
    /// Ring the terminal bell at each session transition.
    #[serde(default = "yes")]
    pub session_bell: bool,
    /// The stand-up reminder.
    #[serde(default)]
    pub reminder: ReminderSettings,
    /// Spoken cues. Left out of the file while they are off and no
    /// command is set, so the file reads as earlier releases wrote it.
    #[serde(default, skip_serializing_if = "Speech::is_default")]
    pub speech: Speech,
}

/// Spoken cues: off unless asked for (`speech: (enabled: true)` in the
/// settings file, or `--speak` for one run).
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

fn yes() -> bool {
    true
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            disclaimer_acknowledged: None,
            safety_gate: GateState::default(),
            session_bell: true,
            reminder: ReminderSettings::default(),
            speech: Speech::default(),
        }
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
    /// Reads settings. A missing file gives defaults; an unreadable or
    /// corrupt one is renamed aside (never overwritten) and reported.
    pub fn load_settings(&self, now: DateTime<Local>) -> LoadedSettings {
        self.sweep(now);
        let loaded = self.file(&SETTINGS).load(now);
        LoadedSettings {
            settings: loaded.value.unwrap_or_default(),
            notice: loaded.notice,
        }
    }

    /// Reads settings without changing anything on disk (for `status`):
    /// defaults when missing, the reason when unreadable.
    pub fn peek_settings(&self) -> Result<Settings, StoreError> {
        Ok(self.file(&SETTINGS).peek()?.unwrap_or_default())
    }

    /// Replaces the settings file atomically (temp file, fsync, rename,
    /// fsync the folder), so a crash leaves the old file or the new one.
    pub fn save_settings(&self, settings: &Settings) -> Result<(), StoreError> {
        self.file(&SETTINGS).save(settings)
    }
}
