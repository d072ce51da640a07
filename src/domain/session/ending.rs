//! The ends of a session: the pain check-in and check-out, and the record
//! the history keeps.

use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset};

use super::{Phase, Session};
use crate::domain::session_record::{
    ExerciseOutcome, ExerciseResult, SessionOutcome, SessionRecord,
};

/// Highest pain rating.
pub const PAIN_MAX: u8 = 10;

/// How long after a typed `1` a `0` still makes 10 (rather than 0).
pub const TEN_WINDOW: Duration = Duration::from_millis(1500);

impl Session {
    /// Sets the pain rating being chosen (values above 10 are ignored).
    pub fn choose_pain(&mut self, value: u8) {
        if value <= PAIN_MAX && matches!(self.phase, Phase::CheckIn | Phase::CheckOut) {
            self.pain_choice = Some(value);
            self.ten_until = None;
        }
    }

    /// A digit typed at `now`. A `0` within [`TEN_WINDOW`] of a `1` makes
    /// 10: typed as "1" then "0", the worst pain must never become none.
    /// A `1` alone is the rating 1 and settles once the moment has passed
    /// (or on Enter, which keeps it).
    pub fn type_digit(&mut self, digit: u8, now: Instant) {
        if !matches!(self.phase, Phase::CheckIn | Phase::CheckOut) {
            return;
        }
        let ten = self.ten_until.is_some_and(|until| now < until);
        if ten && digit == 0 {
            self.choose_pain(PAIN_MAX);
            return;
        }
        self.choose_pain(digit);
        if digit == 1 && self.pain_choice == Some(1) {
            self.ten_until = Some(now + TEN_WINDOW);
        }
    }

    /// True while a typed `1` may still become 10 with a `0`.
    pub fn ten_pending(&self) -> bool {
        self.ten_until.is_some()
    }

    /// Ends the moment after a `1` once it has passed at `now`.
    pub(super) fn settle_pain(&mut self, now: Instant) {
        if self.ten_until.is_some_and(|until| until <= now) {
            self.ten_until = None;
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
        self.ten_until = None;
        match self.phase {
            Phase::CheckIn => {
                self.pain_before = answer;
                self.start(now, wall);
                None
            }
            Phase::CheckOut => {
                self.pain_after = answer;
                self.phase = Phase::Summary;
                let done = self.results.contains(&ExerciseOutcome::Done);
                self.outcome = Some(if done {
                    SessionOutcome::Completed
                } else {
                    SessionOutcome::Skipped
                });
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
            .zip(&self.ratings)
            .map(|((exercise, &outcome), &rating)| ExerciseResult {
                exercise: exercise.exercise_id.clone(),
                outcome,
                rating,
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
