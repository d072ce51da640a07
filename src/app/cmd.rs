//! Work `update` asks the runtime to do: the disk, the bell,
//! notifications, spoken cues, suspending.

use super::reminder;
use crate::domain::record::Record;
use crate::store::settings_change::SettingsChange;

/// Work for the runtime to do after an update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cmd {
    /// Apply this change to a fresh read of the settings file and write it.
    SaveSettings(SettingsChange),
    /// Find out whether a `backcoach remind` watches the data folder
    /// (answered by `Outcome::Watcher`).
    CheckWatcher,
    /// Restore the terminal and stop the process until `fg`.
    Suspend,
    /// Ring the terminal bell.
    Bell,
    /// Append a record to the history log.
    Append(Record),
    /// Read the history log (answered by `Msg::HistoryLoaded`).
    LoadHistory,
    /// Write the clinic report (the last 4 weeks, HTML) into the user's
    /// documents folder (answered by `Outcome::ReportWritten`).
    WriteReport,
    /// Find the latest accepted dose change, however long ago (answered
    /// by `Outcome::DoseChangeFound`): start-up reads only the recent
    /// history.
    FindDoseChange,
    /// Find when the safety warnings were last read to the end, however
    /// long ago (answered by `Outcome::LastReview`): start-up reads only
    /// the recent history.
    FindLastReview,
    /// Persist the running heat/cold session.
    SaveRunning(crate::domain::therapy::Running),
    /// Remove the persisted heat/cold session (the pack is off).
    ClearRunning,
    /// Write the stand-up schedule file.
    SaveSchedule,
    /// The reminder's quiet and away work.
    Reminder(reminder::Work),
    /// Send a terminal notification escape (OSC 777 and OSC 9).
    TerminalNotification(Notification),
    /// Send a desktop notification.
    DesktopNotification(Notification),
    /// Say this short cue aloud (spoken cues are on): handed to a worker,
    /// so the loop never waits for it.
    Speak(String),
}

/// A notification's title and text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notification {
    /// Its title, e.g. "Stand up".
    pub title: &'static str,
    /// What it says.
    pub body: String,
}
