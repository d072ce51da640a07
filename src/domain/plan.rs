//! A routine turned into the beats a guided session runs through, and the
//! estimated length computed from them (never typed into the content).

use std::time::Duration;

use crate::content::catalog::Content;
use crate::content::dose::compact;
use chrono::NaiveDate;

use super::dose_step::{self, Adjusted};
use crate::content::model::{Position, Routine, Sides};

/// Get-ready time before the first hold of an exercise: time to get into
/// position.
pub const FIRST_GET_READY: Duration = Duration::from_secs(10);
/// Get-ready time when a new side or set begins.
pub const SIDE_GET_READY: Duration = Duration::from_secs(5);
/// Get-ready time between two reps of the same side.
pub const REP_GET_READY: Duration = Duration::from_secs(3);
/// What a rep without a hold is assumed to take, for the estimate only.
pub const MANUAL_REP_ESTIMATE: Duration = Duration::from_secs(5);

/// One exercise of a routine with the routine's dose applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedExercise {
    /// Exercise id.
    pub exercise_id: String,
    /// Display name.
    pub name: String,
    /// Starting position.
    pub position: Position,
    /// The card's steps.
    pub steps: Vec<String>,
    /// Hold per rep, if the move has one.
    pub hold: Option<Duration>,
    /// Reps per side per set.
    pub reps: u32,
    /// Sides worked.
    pub sides: Sides,
    /// Sets.
    pub sets: u32,
}

impl PlannedExercise {
    /// A compact dose, e.g. "20 s · 3× each side · 2 sets".
    pub fn dose_short(&self) -> String {
        let hold = self.hold.map(|h| h.as_secs());
        compact(hold, false, self.reps, self.sides, self.sets)
    }
}

/// Which side a beat works.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// The left side.
    Left,
    /// The right side.
    Right,
}

impl Side {
    /// "left side" or "right side".
    pub fn label(self) -> &'static str {
        match self {
            Side::Left => "left side",
            Side::Right => "right side",
        }
    }
}

/// What a beat asks of the user.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BeatKind {
    /// A short countdown to get into position before a hold.
    GetReady,
    /// The hold itself.
    Hold,
    /// A rep without a hold: Enter moves on.
    Manual,
}

/// One timed (or manual) piece of a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Beat {
    /// Index into [`Plan::exercises`].
    pub exercise: usize,
    /// Set number, from 1.
    pub set: u32,
    /// Side, for one-sided work.
    pub side: Option<Side>,
    /// Rep number within the set and side, from 1.
    pub rep: u32,
    /// What to do.
    pub kind: BeatKind,
    /// Its length (an estimate for manual beats).
    pub length: Duration,
}

/// A routine ready to run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    /// Routine id.
    pub routine_id: String,
    /// Routine name.
    pub routine_name: String,
    /// The exercises in order.
    pub exercises: Vec<PlannedExercise>,
    /// Every beat in order.
    pub beats: Vec<Beat>,
}

impl Plan {
    /// Builds the plan of `routine`. Entries naming no exercise are left out
    /// (validation refuses them, and techniques, before this runs).
    pub fn build(routine: &Routine, content: &Content) -> Plan {
        Plan::build_adjusted(routine, content, &[], NaiveDate::MIN)
    }

    /// Builds the plan of `routine` with the person's accepted steps
    /// (`doses`) applied on `today`: a variant in place of an exercise,
    /// a changed hold or reps, shorter holds in flare-up care; the
    /// routine's bounds always hold.
    pub fn build_adjusted(
        routine: &Routine,
        content: &Content,
        doses: &[Adjusted],
        today: NaiveDate,
    ) -> Plan {
        let exercises: Vec<PlannedExercise> = routine
            .items
            .iter()
            .filter_map(|item| {
                let (exercise, hold, reps, sets) =
                    dose_step::effective(content, routine, item, doses, today)?;
                Some(PlannedExercise {
                    exercise_id: exercise.id.clone(),
                    name: exercise.name.clone(),
                    position: exercise.position,
                    steps: exercise.steps.clone(),
                    hold: hold.map(|s| Duration::from_secs(u64::from(s))),
                    reps,
                    sides: exercise.dose.sides,
                    sets,
                })
            })
            .collect();
        let mut beats = Vec::new();
        let get_ready = routine
            .get_ready_secs
            .map(|s| Duration::from_secs(u64::from(s)));
        for (index, exercise) in exercises.iter().enumerate() {
            push_beats(index, exercise, get_ready, &mut beats);
        }
        Plan {
            routine_id: routine.id.clone(),
            routine_name: routine.name.clone(),
            exercises,
            beats,
        }
    }

    /// Estimated length: every beat's length added up.
    pub fn estimated(&self) -> Duration {
        self.beats.iter().map(|b| b.length).sum()
    }

    /// Length of every beat after `beat`.
    pub fn remaining_after(&self, beat: usize) -> Duration {
        self.beats.iter().skip(beat + 1).map(|b| b.length).sum()
    }

    /// Index of the first beat of `exercise`.
    pub fn first_beat_of(&self, exercise: usize) -> Option<usize> {
        self.beats.iter().position(|b| b.exercise == exercise)
    }
}

fn push_beats(
    index: usize,
    exercise: &PlannedExercise,
    get_ready: Option<Duration>,
    beats: &mut Vec<Beat>,
) {
    let sides: &[Option<Side>] = match exercise.sides {
        Sides::None => &[None],
        Sides::Left => &[Some(Side::Left)],
        Sides::Right => &[Some(Side::Right)],
        // Right first: the built-in steps describe the right side, then the left.
        Sides::Both => &[Some(Side::Right), Some(Side::Left)],
    };
    let mut first = true;
    for set in 1..=exercise.sets {
        for &side in sides {
            for rep in 1..=exercise.reps {
                let beat = |kind, length| Beat {
                    exercise: index,
                    set,
                    side,
                    rep,
                    kind,
                    length,
                };
                match exercise.hold {
                    Some(hold) => {
                        let ready = if let Some(fixed) = get_ready {
                            fixed
                        } else if first {
                            FIRST_GET_READY
                        } else if rep == 1 {
                            SIDE_GET_READY
                        } else {
                            REP_GET_READY
                        };
                        beats.push(beat(BeatKind::GetReady, ready));
                        beats.push(beat(BeatKind::Hold, hold));
                    }
                    None => beats.push(beat(BeatKind::Manual, MANUAL_REP_ESTIMATE)),
                }
                first = false;
            }
        }
    }
}
