//! One change to the settings, applied to a fresh read of the file just
//! before it is written, so a save changes only what the user changed and
//! never writes back a stale copy of the rest (another process may have
//! written the file since this one read it).

use chrono::{DateTime, FixedOffset, Local};

use super::{Settings, Store, StoreError};
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
    /// The stand-up reminder's settings, as the user set them.
    Reminder(ReminderSettings),
    /// Spoken cues were turned on or off (the command is kept).
    SpeechEnabled(bool),
}

impl SettingsChange {
    /// Applies the change to `settings`. A hurt report never moves the
    /// stored one back in time.
    pub fn apply(&self, settings: &mut Settings) {
        let gate = &mut settings.safety_gate;
        match self {
            SettingsChange::DisclaimerAcknowledged(at) => {
                settings.disclaimer_acknowledged = Some(*at);
            }
            SettingsChange::GateAnswers(answers) => gate.answers = Some(answers.clone()),
            SettingsChange::HabitAcknowledged(at) => gate.habit_acknowledged_at = Some(*at),
            SettingsChange::HurtReported(at) => {
                gate.hurt_at = gate.hurt_at.max(Some(*at));
            }
            SettingsChange::SessionBell(on) => settings.session_bell = *on,
            SettingsChange::Reminder(reminder) => settings.reminder = *reminder,
            SettingsChange::SpeechEnabled(on) => settings.speech.enabled = *on,
        }
    }
}

impl Store {
    /// Reads the settings file afresh, applies `change` and writes it back
    /// atomically. Returns the settings as written.
    pub fn change_settings(&self, change: &SettingsChange) -> Result<Settings, StoreError> {
        let mut settings = self.peek_settings()?;
        change.apply(&mut settings);
        self.save_settings(&settings)?;
        Ok(settings)
    }
}
