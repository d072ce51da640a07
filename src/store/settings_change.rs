//! One change to the settings, applied to a fresh read of the file just
//! before it is written, so a save changes only what the user changed and
//! never writes back a stale copy of the rest (another process may have
//! written the file since this one read it).

use chrono::{DateTime, FixedOffset, Local};

use super::preferences::{self, Key, Preferences};
use super::{Settings, StateFile, Store, StoreError};
use crate::domain::reminder_settings::ReminderSettings;
use crate::domain::safety::Answers;

/// What the user changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SettingsChange {
    /// The "coach, not a diagnosis" statement was acknowledged.
    DisclaimerAcknowledged(DateTime<Local>),
    /// A complete set of checklist answers.
    GateAnswers(Answers),
    /// The habit warning was acknowledged.
    HabitAcknowledged(DateTime<FixedOffset>),
    /// "It hurt": the gate closes for the rest of the day.
    HurtReported(DateTime<FixedOffset>),
    /// The session bell was turned on or off.
    SessionBell(bool),
    /// The stand-up reminder's settings: as they were, and as the user
    /// set them (only what differs is written).
    Reminder {
        /// Before the change.
        before: ReminderSettings,
        /// After it.
        after: ReminderSettings,
    },
    /// Spoken cues were turned on or off (the command is kept).
    SpeechEnabled(bool),
}

impl SettingsChange {
    /// Applies a change of state to `state`. A hurt report never moves
    /// the stored one back in time. Preferences are not state: see
    /// [`SettingsChange::preferences`].
    pub fn apply(&self, state: &mut StateFile) {
        let gate = &mut state.safety_gate;
        match self {
            SettingsChange::DisclaimerAcknowledged(at) => {
                state.disclaimer_acknowledged = Some(*at);
            }
            SettingsChange::GateAnswers(answers) => gate.answers = Some(answers.clone()),
            SettingsChange::HabitAcknowledged(at) => gate.habit_acknowledged_at = Some(*at),
            SettingsChange::HurtReported(at) => {
                gate.hurt_at = gate.hurt_at.max(Some(*at));
            }
            SettingsChange::SessionBell(_)
            | SettingsChange::Reminder { .. }
            | SettingsChange::SpeechEnabled(_) => {}
        }
    }

    /// The preferences this change sets, with their values: what it
    /// writes to `config.ron`.
    pub fn preferences(&self) -> Vec<(Key, String)> {
        match self {
            SettingsChange::SessionBell(on) => vec![(Key::SessionBell, on.to_string())],
            SettingsChange::SpeechEnabled(on) => vec![(Key::SpeechEnabled, on.to_string())],
            SettingsChange::Reminder { before, after } => {
                let prefs = |reminder: &ReminderSettings| Preferences {
                    reminder: *reminder,
                    ..Preferences::default()
                };
                preferences::changed(&prefs(before), &prefs(after))
            }
            _ => Vec::new(),
        }
    }
}

impl Store {
    /// Applies `change` to fresh reads of the files it touches and writes
    /// them back atomically: state to `settings.ron`, preferences to
    /// `config.ron`. Returns the settings as written.
    pub fn change_settings(&self, change: &SettingsChange) -> Result<Settings, StoreError> {
        let keys = change.preferences();
        if keys.is_empty() {
            let mut state = self.move_preferences(self.peek_state()?)?;
            change.apply(&mut state);
            self.save_state(&state)?;
        } else {
            self.move_preferences(self.peek_state()?)?;
            self.change_config(&keys)?;
        }
        self.peek_settings()
    }
}
