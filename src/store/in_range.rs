//! The checks each versioned file's value must pass once read: every date
//! within the years 1970-9999, every duration within its cap, every id
//! safe to show. A value that fails is treated like a file that does not
//! parse: set aside and reported, never used (so no later arithmetic on a
//! date near the end of time can overflow).

use chrono::{DateTime, FixedOffset};

use super::StateFile;
use crate::domain::in_range;
use crate::domain::reminder::Schedule;
use crate::domain::therapy::{CAP, Running};

/// Why these settings cannot be right, if they cannot.
pub fn settings(settings: &StateFile) -> Option<String> {
    let gate = &settings.safety_gate;
    let acknowledged = settings.disclaimer_acknowledged.map(|at| at.fixed_offset());
    in_range::maybe_date("`disclaimer_acknowledged`", acknowledged.as_ref())
        .or_else(|| in_range::maybe_date("`hurt_at`", gate.hurt_at.as_ref()))
        .or_else(|| {
            in_range::maybe_date(
                "`habit_acknowledged_at`",
                gate.habit_acknowledged_at.as_ref(),
            )
        })
        .or_else(|| {
            let answers = gate.answers.as_ref()?;
            in_range::date("the checklist answers' `at`", &answers.at)
                .or_else(|| in_range::items("`yes`", &answers.yes))
                .or_else(|| in_range::items("`no`", &answers.no))
                .or_else(|| {
                    answers
                        .yes
                        .iter()
                        .chain(&answers.no)
                        .find_map(|id| in_range::text("a checklist id", id))
                })
        })
        .or_else(|| settings.reminder.as_ref().and_then(|r| r.problem()))
        .or_else(|| settings.speech.as_ref().and_then(|s| s.problem()))
}

/// Why this schedule cannot be right, if it cannot.
pub fn schedule(schedule: &Schedule) -> Option<String> {
    in_range::date("`since`", &schedule.since)
        .or_else(|| in_range::maybe_date("`snoozed_until`", schedule.snoozed_until.as_ref()))
}

/// Why this running heat/cold session cannot be right, if it cannot. The
/// planned length is not checked: it is clamped to the cap wherever it is
/// used, and a file set aside for it would forget a pack on the skin.
pub fn running(running: &Running) -> Option<String> {
    let cap = CAP.as_secs();
    let started: &DateTime<FixedOffset> = &running.started;
    in_range::date("`started`", started)
        .or_else(|| in_range::items("`pattern`", &running.pattern))
        .or_else(|| {
            running
                .pattern
                .iter()
                .find_map(|s| in_range::at_most("a pattern segment's `secs`", s.secs, cap))
        })
}
