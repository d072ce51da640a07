//! `backcoach standup done|snooze|skip`: answers the stand-up reminder
//! from anywhere (a tmux key binding, a notification's action) as the
//! overlay does: the same schedule change and the same history record;
//! then says when the next one is due. It writes the schedule and appends
//! to this machine's log, which any process may do, and nudges a
//! `backcoach remind` to look again; an open app sees the new schedule at
//! its next wake-up or key.

use std::process::ExitCode;

use chrono::{DateTime, Local};

use super::output::write_stdout;
use crate::domain::record::{Record, StandupOutcome};
use crate::domain::reminder::{Check, Schedule};
use crate::runtime::nudge;
use crate::store::Store;
use crate::time::words::{self, Precision};

/// Records `outcome` at `now`; an `Err` (exit 2) when the reminder is off
/// or the files cannot be written.
pub fn run(
    store: &Store,
    outcome: StandupOutcome,
    now: DateTime<Local>,
) -> Result<ExitCode, String> {
    let settings = store.load_settings(now).settings;
    if !settings.reminder.enabled {
        return Err(
            "the stand-up reminder is off; turn it on with `backcoach config set reminder.enabled true`"
                .to_owned(),
        );
    }
    let wall = now.fixed_offset();
    let rules = settings.reminder.rules(false);
    let mut schedule = store
        .load_schedule(now)
        .schedule
        .unwrap_or_else(|| Schedule::start(wall));
    schedule.answer(&rules, outcome, wall);
    store
        .save_schedule(&schedule)
        .map_err(|err| format!("could not save the reminder schedule: {err}"))?;
    store
        .append(&Record::Standup { at: wall, outcome })
        .map_err(|err| format!("could not write the history log: {err}"))?;
    nudge::nudge(store.dir());
    let said = match outcome {
        StandupOutcome::Done => "Stood up",
        StandupOutcome::Snoozed => "Snoozed",
        StandupOutcome::Skipped => "Skipped",
    };
    let next = match schedule.check(&rules, now, false) {
        Check::Waiting(due) => format!(
            "next stand-up {} ({})",
            words::when(due, now),
            words::in_words(due - wall, Precision::Minutes)
        ),
        Check::Fire(_) | Check::Deferred(_) => "next stand-up now".to_owned(),
        Check::Never => "no stand-up will come: no active hours".to_owned(),
    };
    Ok(write_stdout(format!("{said}; {next}.\n").as_bytes()))
}
