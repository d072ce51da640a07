//! The ends of a session: the pain check-in and check-out, and the record
//! the history keeps.

use std::time::Instant;

use chrono::{DateTime, FixedOffset};

use super::{Phase, Session};
use crate::domain::session_record::{ExerciseResult, SessionOutcome, SessionRecord};

/// Highest pain rating.
pub const PAIN_MAX: u8 = 10;

impl Session {
    /// Sets the pain rating being chosen (values above 10 are ignored).
    pub fn choose_pain(&mut self, value: u8) {
        if value <= PAIN_MAX && matches!(self.phase, Phase::CheckIn | Phase::CheckOut) {
            self.pain_choice = Some(value);
        }
    }

    /// Moves the rating being chosen up or down by one, within 0..=10.
    pub fn adjust_pain(&mut self, up: bool) {
        let value = match (self.pain_choice, up) {
            (None, _) => 0,
            (Some(v), true) => (v + 1).min(PAIN_MAX),
            (Some(v), false) => v.saturating_sub(1),
        };
        self.choose_pain(value);
    }

    /// Ends a check-in or check-out, keeping the chosen rating (or none when
    /// `skip`). Check-in starts the first beat at `now`; check-out ends the
    /// session and returns its record.
    pub fn answer_pain(
        &mut self,
        skip: bool,
        now: Instant,
        wall: DateTime<FixedOffset>,
    ) -> Option<SessionRecord> {
        let answer = if skip { None } else { self.pain_choice };
        self.pain_choice = None;
        match self.phase {
            Phase::CheckIn => {
                self.pain_before = answer;
                self.start(now, wall);
                None
            }
            Phase::CheckOut => {
                self.pain_after = answer;
                self.phase = Phase::Summary;
                self.outcome = Some(SessionOutcome::Completed);
                Some(self.record())
            }
            _ => None,
        }
    }

    /// The history record of the session as it stands.
    pub fn record(&self) -> SessionRecord {
        let exercises = self
            .plan
            .exercises
            .iter()
            .zip(&self.results)
            .map(|(exercise, &outcome)| ExerciseResult {
                exercise: exercise.exercise_id.clone(),
                outcome,
            })
            .collect();
        SessionRecord {
            started: self.started,
            duration_secs: u64::try_from((self.active.as_millis() + 500) / 1000)
                .unwrap_or(u64::MAX),
            routine: self.plan.routine_id.clone(),
            exercises,
            pain_before: self.pain_before,
            pain_after: self.pain_after,
            outcome: self.outcome.unwrap_or(SessionOutcome::Abandoned),
        }
    }
}
