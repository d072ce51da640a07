//! The stand-up schedule on disk (`reminder.ron`): when the current interval
//! started and any snooze, so a restart does not reset it. Shared by the app
//! and `backcoach remind`; replaced atomically like the settings.

use std::fs;
use std::io;
use std::path::PathBuf;

use chrono::{DateTime, Local};
use serde::{Deserialize, Serialize};

use super::{Store, write_atomically};
use crate::domain::reminder::Schedule;

/// Version written into the schedule file.
pub const SCHEDULE_VERSION: u32 = 1;
const SCHEDULE_FILE: &str = "reminder.ron";

#[derive(Serialize, Deserialize)]
struct ScheduleFile {
    version: u32,
    schedule: Schedule,
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
    fn schedule_path(&self) -> PathBuf {
        self.dir().join(SCHEDULE_FILE)
    }

    /// Reads the schedule without changing anything on disk.
    pub fn peek_schedule(&self) -> Result<Option<Schedule>, String> {
        let text = match fs::read_to_string(self.schedule_path()) {
            Ok(text) => text,
            Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(err) => return Err(err.to_string()),
        };
        let file: ScheduleFile = ron::from_str(&text).map_err(|e| e.to_string())?;
        if file.version != SCHEDULE_VERSION {
            return Err(format!(
                "version {} is not one this backcoach reads",
                file.version
            ));
        }
        Ok(Some(file.schedule))
    }

    /// Reads the schedule; a bad file is renamed aside and reported (the
    /// schedule then starts afresh).
    pub fn load_schedule(&self, now: DateTime<Local>) -> LoadedSchedule {
        match self.peek_schedule() {
            Ok(schedule) => LoadedSchedule {
                schedule,
                notice: None,
            },
            Err(reason) => {
                let path = self.schedule_path();
                let aside = path.with_file_name(format!(
                    "{SCHEDULE_FILE}.corrupt-{}",
                    now.format("%Y%m%d-%H%M%S")
                ));
                let notice = match fs::rename(&path, &aside) {
                    Ok(()) => format!(
                        "Reminder schedule could not be read ({reason}); kept it as {} and started afresh.",
                        aside.display()
                    ),
                    Err(err) => format!(
                        "Reminder schedule could not be read ({reason}) or set aside ({err}); started afresh."
                    ),
                };
                LoadedSchedule {
                    schedule: None,
                    notice: Some(notice),
                }
            }
        }
    }

    /// Replaces the schedule file atomically.
    pub fn save_schedule(&self, schedule: &Schedule) -> io::Result<()> {
        let file = ScheduleFile {
            version: SCHEDULE_VERSION,
            schedule: *schedule,
        };
        let text = ron::ser::to_string_pretty(&file, ron::ser::PrettyConfig::default())
            .map_err(io::Error::other)?;
        write_atomically(&self.schedule_path(), text.as_bytes())
    }
}
