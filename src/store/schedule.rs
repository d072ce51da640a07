//! The stand-up schedule on disk (`reminder.ron`): when the current interval
//! started and any snooze, so a restart does not reset it. Shared by the app
//! and `backcoach remind`; a versioned file, replaced atomically.

use chrono::{DateTime, Local};
use serde::Deserialize;

use super::versioned::{Format, Older, Spec};
use super::{Store, StoreError};
use crate::domain::reminder::Schedule;

/// Version written into the schedule file. Version 1 nested the schedule
/// (`(version: 1, schedule: (since: …))`); version 2 stores it like every
/// other versioned file, its fields after the version.
pub const SCHEDULE_VERSION: u32 = 2;

/// The schedule's file name in the data folder.
pub const SCHEDULE_FILE: &str = "reminder.ron";

static SCHEDULE: Spec<Schedule> = Spec {
    name: SCHEDULE_FILE,
    format: Format::Ron,
    version: SCHEDULE_VERSION,
    older: &[Older {
        version: 1,
        read: read_version_1,
    }],
    check: super::in_range::schedule,
    what: "The reminder schedule",
    then: "It starts afresh.",
};

/// The shape of version 1.
#[derive(Deserialize)]
struct Version1 {
    schedule: Schedule,
}

fn read_version_1(text: &str) -> Result<Schedule, String> {
    ron::from_str::<Version1>(text)
        .map(|file| file.schedule)
        .map_err(|err| err.to_string())
}

/// What loading the schedule found.
#[derive(Debug)]
pub struct LoadedSchedule {
    /// The saved schedule; `None` when there was none (or it was bad).
    pub schedule: Option<Schedule>,
    /// A sentence for the user when the file was bad and was set aside.
    pub notice: Option<String>,
}

impl Store {
    /// Reads the schedule without changing anything on disk.
    pub fn peek_schedule(&self) -> Result<Option<Schedule>, StoreError> {
        self.file(&SCHEDULE).peek()
    }

    /// Reads the schedule; a bad file is renamed aside and reported (the
    /// schedule then starts afresh).
    pub fn load_schedule(&self, now: DateTime<Local>) -> LoadedSchedule {
        let loaded = self.file(&SCHEDULE).load(now);
        LoadedSchedule {
            schedule: loaded.value,
            notice: loaded.notice,
        }
    }

    /// Replaces the schedule file atomically.
    pub fn save_schedule(&self, schedule: &Schedule) -> Result<(), StoreError> {
        self.file(&SCHEDULE).save(schedule)
    }
}
