//! Changes made elsewhere to the schedule (`reminder.ron`: `backcoach
//! standup`, `remind`), the quiet state (`quiet.ron`: `backcoach quiet`)
//! or the preferences (`config.ron`: `config set`, an
//! editor) reach an open app: on each wake-up and each key the runtime
//! looks at the files' modification times (a cheap stat, no thread, no
//! polling) and re-reads a file that changed; after a schedule change,
//! today's stand-ups too, from the history's end.

use std::path::PathBuf;
use std::time::SystemTime;

use chrono::Local;

use crate::app::Outcome;
use crate::app::reminder::Heard;
use crate::domain::record::Record;
use crate::store::Store;

/// The modification times last seen.
pub struct Reread {
    schedule: PathBuf,
    config: PathBuf,
    quiet: PathBuf,
    seen: [Stamp; 3],
}

/// When a file was last written, and its length (a coarse clock can give
/// two writes the same time; a rewrite of another length still shows).
type Stamp = Option<(SystemTime, u64)>;

fn modified(path: &PathBuf) -> Stamp {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.modified().ok()?, meta.len()))
}

/// Today's stand-ups as the history holds them: another process that
/// changed the schedule may have recorded one. Read from each log's end
/// (a millisecond or two, whatever the history's size).
fn stood_up_today(store: &Store) -> Option<Outcome> {
    let now = Local::now();
    let since = now
        .date_naive()
        .and_hms_opt(0, 0, 0)?
        .and_local_timezone(Local)
        .earliest()?
        .fixed_offset();
    let history = store.load_recent::<Record>(since, now).ok()?;
    let at = history
        .records
        .iter()
        .filter_map(Record::stood_up_at)
        .collect();
    Some(Outcome::Reminder(Heard::StoodUp { since, at }))
}

impl Reread {
    /// Starts from the files as they are now (the app has just read them).
    pub fn new(store: &Store) -> Reread {
        let schedule = store.dir().join(crate::store::SCHEDULE_FILE);
        let config = store.config_path();
        let quiet = store.dir().join(crate::store::quiet::QUIET_FILE);
        let seen = [modified(&schedule), modified(&config), modified(&quiet)];
        Reread {
            schedule,
            config,
            quiet,
            seen,
        }
    }

    /// What changed since the last look, read afresh. A file that cannot
    /// be read now is left for the next look (a bad `config.ron` keeps the
    /// preferences in use).
    pub fn look(&mut self, store: &Store) -> Vec<Outcome> {
        let now = [
            modified(&self.schedule),
            modified(&self.config),
            modified(&self.quiet),
        ];
        let mut changed = Vec::new();
        if now[0] != self.seen[0]
            && let Ok(Some(schedule)) = store.peek_schedule()
        {
            changed.push(Outcome::Reminder(Heard::ScheduleChanged(Box::new(
                schedule,
            ))));
            changed.extend(stood_up_today(store));
        }
        if now[2] != self.seen[2]
            && let Ok(quiet) = store.peek_quiet()
        {
            changed.push(Outcome::Reminder(Heard::QuietChanged(quiet)));
        }
        if now[1] != self.seen[1]
            && let Ok(settings) = store.peek_settings()
            && store.read_config().problem.is_none()
        {
            changed.push(Outcome::Reminder(Heard::PreferencesChanged(Box::new(
                settings.preferences(),
            ))));
        }
        self.seen = now;
        changed
    }
}
