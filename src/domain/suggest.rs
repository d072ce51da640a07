//! Dose suggestions from a person's own feedback, never applied by
//! themselves: a step up after the same exercise was rated easy
//! [`EASY_IN_A_ROW`] sessions in a row with no rise in pain, and a step
//! down (with a few days of flare-up care) after a "painful" rating, a
//! "this hurts" stop, or pain after at least [`PAIN_RISE`] points above
//! pain before (the smallest change patients feel as meaningful: Farrar
//! et al., Pain 2001). Never a step up within [`CALM_DAYS`] of a stop
//! for pain. Pure: the sessions, the accepted changes and `now` are
//! passed in.

use chrono::{DateTime, Duration, FixedOffset};
use serde::{Deserialize, Serialize};

use super::dose_step::{self, Adjusted, Direction};
use super::in_range;
use super::session_record::{ExerciseOutcome, Rating, SessionOutcome, SessionRecord};
use crate::content::catalog::Content;

/// Sessions in a row with the exercise rated easy before a step up.
pub const EASY_IN_A_ROW: usize = 3;
/// Points of pain, after above before, that suggest a step down.
pub const PAIN_RISE: u8 = 2;
/// Days after a stop for pain in which no step up is suggested.
pub const CALM_DAYS: i64 = 7;

/// An accepted step, as the history keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DoseChange {
    /// When it was accepted (local time with its offset).
    pub at: DateTime<FixedOffset>,
    /// Up or down.
    pub direction: Direction,
    /// Why it was suggested, in words.
    pub reason: String,
    /// The new dose of the slot.
    pub change: Adjusted,
    /// Every adjustment in force after it, all routines: the latest
    /// change alone says what every later session runs.
    pub doses: Vec<Adjusted>,
}

impl DoseChange {
    /// Why this record, read back, cannot be right, if it cannot.
    pub fn problem(&self) -> Option<String> {
        in_range::date("`at`", &self.at)
            .or_else(|| in_range::text("`reason`", &self.reason))
            .or_else(|| in_range::items("`doses`", &self.doses))
            .or_else(|| {
                std::iter::once(&self.change)
                    .chain(&self.doses)
                    .flat_map(|a| [&a.routine, &a.slot, &a.exercise])
                    .find_map(|id| in_range::text("an id", id))
            })
    }
}

/// A step the person may accept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    /// Up or down.
    pub direction: Direction,
    /// Why, in words: "rated easy 3 sessions in a row".
    pub reason: String,
    /// The dose it would set.
    pub change: Adjusted,
}

/// The suggestion for `routine` after its latest session, if any.
/// `sessions` are the recent sessions, oldest first; `changes` the
/// accepted changes, oldest first; `doses` the adjustments in force.
pub fn suggest(
    content: &Content,
    routine: &str,
    sessions: &[SessionRecord],
    changes: &[DoseChange],
    doses: &[Adjusted],
    now: DateTime<FixedOffset>,
) -> Option<Suggestion> {
    let routine = content.routine(routine)?;
    let mine: Vec<&SessionRecord> = sessions
        .iter()
        .filter(|s| s.routine == routine.id)
        .collect();
    let latest = *mine.last()?;
    let today = now.date_naive();
    let changed_since = |slot: &str, since: DateTime<FixedOffset>| {
        changes
            .iter()
            .any(|c| c.change.routine == routine.id && c.change.slot == slot && c.at >= since)
    };
    if let Some((exercise, reason)) = step_down(latest) {
        let slot = dose_step::slot_of(routine, doses, &exercise)?;
        if changed_since(slot, latest.started) {
            return None;
        }
        let change = dose_step::step(content, routine, slot, doses, Direction::Easier, today)?;
        return Some(Suggestion {
            direction: Direction::Easier,
            reason,
            change,
        });
    }
    let calm_since = now - Duration::days(CALM_DAYS);
    let stopped = sessions
        .iter()
        .any(|s| s.outcome == SessionOutcome::StoppedForPain && s.started >= calm_since);
    if stopped {
        return None;
    }
    for item in &routine.items {
        let slot = item.exercise.as_str();
        let current = dose_step::find(doses, &routine.id, slot).map_or(slot, |a| &a.exercise);
        let last_change = changes
            .iter()
            .filter(|c| c.change.routine == routine.id && c.change.slot == slot)
            .map(|c| c.at)
            .max();
        let recent: Vec<&&SessionRecord> = mine
            .iter()
            .filter(|s| s.counts() && last_change.is_none_or(|at| s.started > at))
            .rev()
            .take(EASY_IN_A_ROW)
            .collect();
        let easy = recent.len() == EASY_IN_A_ROW
            && recent.iter().all(|s| {
                let rated = s.exercises.iter().any(|e| {
                    e.exercise == current
                        && e.outcome == ExerciseOutcome::Done
                        && e.rating == Some(Rating::Easy)
                });
                let calm = match (s.pain_before, s.pain_after) {
                    (Some(before), Some(after)) => after <= before,
                    _ => true,
                };
                rated && calm
            });
        if easy
            && let Some(change) =
                dose_step::step(content, routine, slot, doses, Direction::Harder, today)
        {
            return Some(Suggestion {
                direction: Direction::Harder,
                reason: format!(
                    "rated easy {EASY_IN_A_ROW} sessions in a row, with no rise in pain"
                ),
                change,
            });
        }
    }
    None
}

/// The exercise of `session` to step down, and why, if the session asks
/// for it: stopped for pain, rated painful, or pain up by 2 or more.
fn step_down(session: &SessionRecord) -> Option<(String, String)> {
    let exercises = &session.exercises;
    if session.outcome == SessionOutcome::StoppedForPain {
        let stopped = exercises
            .iter()
            .find(|e| e.outcome == ExerciseOutcome::Stopped)
            .or_else(|| exercises.first())?;
        return Some((
            stopped.exercise.clone(),
            "stopped with \"this hurts\"".to_owned(),
        ));
    }
    if let Some(painful) = exercises.iter().find(|e| e.rating == Some(Rating::Painful)) {
        return Some((painful.exercise.clone(), "rated painful".to_owned()));
    }
    let (before, after) = (session.pain_before?, session.pain_after?);
    if after >= before.saturating_add(PAIN_RISE) {
        let worst = [Rating::Hard, Rating::AboutRight, Rating::Easy]
            .iter()
            .find_map(|r| exercises.iter().find(|e| e.rating == Some(*r)))
            .or_else(|| {
                exercises
                    .iter()
                    .find(|e| e.outcome == ExerciseOutcome::Done)
            })?;
        return Some((
            worst.exercise.clone(),
            format!("pain went from {before} to {after} (2 points or more)"),
        ));
    }
    None
}
