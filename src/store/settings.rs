//! The settings file: replaced atomically; a corrupt one is kept aside
//! rather than overwritten.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Local};

use super::{Store, write_atomically};
use crate::domain::reminder_settings::ReminderSettings;
use serde::{Deserialize, Serialize};

/// Version written into the settings file.
pub const SETTINGS_VERSION: u32 = 1;
const SETTINGS_FILE: &str = "settings.ron";

/// Everything the user chose that outlives a run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Settings {
    /// File format version, for later migrations.
    pub version: u32,
    /// When the user acknowledged the "coach, not a diagnosis" statement.
    #[serde(default)]
    pub disclaimer_acknowledged: Option<DateTime<Local>>,
    /// The safety gate: today's checklist answers, hurt report, habit
    /// acknowledgement.
    #[serde(default)]
    pub safety_gate: crate::domain::safety::GateState,
    /// Ring the terminal bell at each session transition.
    #[serde(default = "yes")]
    pub session_bell: bool,
    /// The stand-up reminder.
    #[serde(default)]
    pub reminder: ReminderSettings,
}

fn yes() -> bool {
    true
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            version: SETTINGS_VERSION,
            disclaimer_acknowledged: None,
            safety_gate: crate::domain::safety::GateState::default(),
            session_bell: true,
            reminder: ReminderSettings::default(),
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
    fn settings_path(&self) -> PathBuf {
        self.dir().join(SETTINGS_FILE)
    }

    /// Reads settings. A missing file gives defaults; an unreadable or
    /// corrupt one is renamed aside (never overwritten) and reported.
    pub fn load_settings(&self, now: DateTime<Local>) -> LoadedSettings {
        let path = self.settings_path();
        let text = match fs::read_to_string(&path) {
            Ok(text) => text,
            Err(err) if err.kind() == io::ErrorKind::NotFound => {
                return LoadedSettings {
                    settings: Settings::default(),
                    notice: None,
                };
            }
            Err(err) => return self.set_aside(&path, &err.to_string(), now),
        };
        match ron::from_str::<Settings>(&text) {
            Ok(settings) if settings.reminder.problem().is_some() => {
                let problem = settings.reminder.problem().unwrap_or_default();
                self.set_aside(&path, &problem, now)
            }
            Ok(settings) if settings.version == SETTINGS_VERSION => LoadedSettings {
                settings,
                notice: None,
            },
            Ok(settings) => self.set_aside(
                &path,
                &format!(
                    "version {} is not one this backcoach reads",
                    settings.version
                ),
                now,
            ),
            Err(err) => self.set_aside(&path, &err.to_string(), now),
        }
    }

    /// Reads settings without changing anything on disk (for `status`):
    /// defaults when missing, the reason when unreadable.
    pub fn peek_settings(&self) -> Result<Settings, String> {
        match fs::read_to_string(self.settings_path()) {
            Ok(text) => {
                let settings = ron::from_str::<Settings>(&text).map_err(|e| e.to_string())?;
                match settings.reminder.problem() {
                    Some(problem) => Err(problem),
                    None => Ok(settings),
                }
            }
            Err(err) if err.kind() == io::ErrorKind::NotFound => Ok(Settings::default()),
            Err(err) => Err(err.to_string()),
        }
    }

    fn set_aside(&self, path: &Path, reason: &str, now: DateTime<Local>) -> LoadedSettings {
        let aside = path.with_file_name(format!(
            "{SETTINGS_FILE}.corrupt-{}",
            now.format("%Y%m%d-%H%M%S")
        ));
        let notice = match fs::rename(path, &aside) {
            Ok(()) => format!(
                "Settings file could not be read ({reason}); kept it as {} and started from defaults.",
                aside.display()
            ),
            Err(err) => format!(
                "Settings file could not be read ({reason}) or set aside ({err}); using defaults and not saving over it."
            ),
        };
        LoadedSettings {
            settings: Settings::default(),
            notice: Some(notice),
        }
    }

    /// Replaces the settings file atomically (temp file, fsync, rename,
    /// fsync the folder), so a crash leaves the old file or the new one.
    pub fn save_settings(&self, settings: &Settings) -> io::Result<()> {
        let text = ron::ser::to_string_pretty(settings, ron::ser::PrettyConfig::default())
            .map_err(io::Error::other)?;
        write_atomically(&self.settings_path(), text.as_bytes())
    }
}
