//! Moving through a session's beats and keeping its clock: each beat
//! starts at the instant the previous one ended, and paused time is not
//! counted.

use std::time::Instant;

use super::{Phase, Session};
use crate::domain::countdown::Countdown;
use crate::domain::plan::{Beat, BeatKind};
use crate::domain::session_record::ExerciseOutcome;

impl Session {
    /// Completes the current beat at `at` and moves to the next one.
    pub(super) fn advance(&mut self, at: Instant) {
        let Some(done) = self.plan.beats.get(self.beat).copied() else {
            return;
        };
        let next = self.plan.beats.get(self.beat + 1).copied();
        if next.is_none_or(|n| n.exercise != done.exercise)
            && self.results[done.exercise] == ExerciseOutcome::NotReached
        {
            self.results[done.exercise] = ExerciseOutcome::Done;
            self.offer_rating(done.exercise, at);
        }
        match next {
            Some(next) => {
                self.enter_beat(self.beat + 1, at);
                self.announcement = Some(self.describe(&done, &next));
            }
            None => {
                self.finish(at);
                self.announcement = Some("Routine complete".to_owned());
            }
        }
        self.after_hold = done.kind == BeatKind::Hold;
    }

    pub(super) fn describe(&self, done: &Beat, next: &Beat) -> String {
        let exercise = &self.plan.exercises[next.exercise];
        if next.exercise != done.exercise {
            format!("Next exercise: {}", exercise.name)
        } else if next.set != done.set {
            format!("Set {} of {}", next.set, exercise.sets)
        } else if next.side != done.side {
            let side = next.side.map_or("other side", |s| s.label());
            format!("Switch to the {side}")
        } else if next.rep != done.rep {
            format!("Rep {} of {}", next.rep, exercise.reps)
        } else if next.kind == BeatKind::Hold {
            "Hold".to_owned()
        } else {
            "Next".to_owned()
        }
    }

    pub(super) fn enter_beat(&mut self, index: usize, at: Instant) {
        self.beat = index;
        self.after_hold = false;
        self.timer = self.plan.beats.get(index).and_then(|beat| match beat.kind {
            BeatKind::Manual => None,
            BeatKind::GetReady | BeatKind::Hold => {
                let mut timer = Countdown::start(at, beat.length);
                if self.paused {
                    timer.pause(at);
                }
                Some(timer)
            }
        });
    }

    pub(super) fn finish(&mut self, at: Instant) {
        self.stop_clock(at);
        self.after_hold = false;
        self.phase = Phase::CheckOut;
        self.timer = None;
        self.paused = false;
        self.pain_choice = None;
    }

    pub(super) fn pause_clock(&mut self, now: Instant) {
        if let Some(timer) = &mut self.timer {
            timer.pause(now);
        }
        if let Some(since) = self.running_since.take() {
            self.active += now.saturating_duration_since(since);
        }
        self.paused = true;
    }

    pub(super) fn resume_clock(&mut self, now: Instant) {
        if let Some(timer) = &mut self.timer {
            timer.resume(now);
        }
        self.running_since = Some(now);
        self.paused = false;
        self.paused_for = None;
    }

    pub(super) fn stop_clock(&mut self, at: Instant) {
        if let Some(since) = self.running_since.take() {
            self.active += at.saturating_duration_since(since);
        }
    }

    pub(super) fn refresh(&mut self, now: Instant) {
        self.wake_at = if self.phase == Phase::Running && !self.paused {
            self.timer.and_then(|t| t.next_change(now))
        } else {
            None
        };
    }
}
