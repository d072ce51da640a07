//! The guided-session state machine: pain check-in, get-ready and hold
//! countdowns through every rep, side and set, pause, skip, back, "this
//! hurts", leaving, pain check-out and the summary. Pure: every method that
//! depends on time takes it as an argument.

use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset};

use super::countdown::Countdown;
use super::plan::{Beat, BeatKind, Plan};
use crate::domain::session_record::{ExerciseOutcome, Rating, SessionOutcome, SessionRecord};

mod beats;
mod cue;
mod ending;
mod rating;

pub use ending::{PAIN_MAX, TEN_WINDOW};
pub use rating::{RATE_WINDOW, RatingOffer};

/// Where a session is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// Optional pain rating before starting.
    CheckIn,
    /// Working through the beats.
    Running,
    /// Asked whether to leave; the clock is paused meanwhile.
    Confirm,
    /// Optional pain rating after the last exercise.
    CheckOut,
    /// The end: time taken, exercises done and skipped, pain.
    Summary,
    /// Stopped with "this hurts": guidance on when to get help.
    Hurt,
}

/// A guided session in progress.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    /// The routine being run.
    pub plan: Plan,
    /// Where the session is.
    pub phase: Phase,
    /// Index of the current beat.
    pub beat: usize,
    /// True while paused with Space.
    pub paused: bool,
    /// The rating being chosen at check-in or check-out.
    pub pain_choice: Option<u8>,
    /// Pain before, when answered.
    pub pain_before: Option<u8>,
    /// Pain after, when answered.
    pub pain_after: Option<u8>,
    /// What changed at the last transition, e.g. "Switch to the right side".
    pub announcement: Option<String>,
    /// Why it was paused, when something other than the user paused it.
    pub paused_for: Option<String>,
    /// How it ended, once it has.
    pub outcome: Option<SessionOutcome>,
    timer: Option<Countdown>,
    results: Vec<ExerciseOutcome>,
    started: DateTime<FixedOffset>,
    active: Duration,
    running_since: Option<Instant>,
    wake_at: Option<Instant>,
    paused_before_confirm: bool,
    ten_until: Option<Instant>,
    after_hold: bool,
    ratings: Vec<Option<Rating>>,
    offer: Option<RatingOffer>,
}

impl Session {
    /// A session of `plan`, at its pain check-in.
    pub fn new(plan: Plan, wall: DateTime<FixedOffset>) -> Session {
        let results = vec![ExerciseOutcome::NotReached; plan.exercises.len()];
        let ratings = vec![None; plan.exercises.len()];
        Session {
            plan,
            phase: Phase::CheckIn,
            beat: 0,
            paused: false,
            pain_choice: None,
            pain_before: None,
            pain_after: None,
            announcement: None,
            paused_for: None,
            outcome: None,
            timer: None,
            results,
            started: wall,
            active: Duration::ZERO,
            running_since: None,
            wake_at: None,
            paused_before_confirm: false,
            ten_until: None,
            after_hold: false,
            ratings,
            offer: None,
        }
    }

    /// The current beat (none once past the end or for an empty plan).
    pub fn current(&self) -> Option<&Beat> {
        match self.phase {
            Phase::Running | Phase::Confirm => self.plan.beats.get(self.beat),
            _ => None,
        }
    }

    /// The countdown of the current beat; none on a manual beat.
    pub fn timer(&self) -> Option<&Countdown> {
        self.timer.as_ref()
    }

    /// True while a get-ready or hold countdown is running (not paused, not
    /// waiting for a confirmation): nothing should interrupt it.
    pub fn is_counting_down(&self) -> bool {
        self.phase == Phase::Running && self.timer.is_some_and(|t| !t.is_paused())
    }

    /// When the screen next changes by itself, as of the last update: a
    /// countdown's next visible second, the end of the moment in which a
    /// `0` after a `1` still makes 10, or the end of a rating's offer.
    pub fn next_wakeup(&self) -> Option<Instant> {
        [self.wake_at, self.ten_until, self.offer_wakeup()]
            .into_iter()
            .flatten()
            .min()
    }

    /// Time spent so far, paused time excluded.
    pub fn elapsed(&self, now: Instant) -> Duration {
        self.active
            + self
                .running_since
                .map_or(Duration::ZERO, |since| now.saturating_duration_since(since))
    }

    /// Time left in the whole routine at `now` (estimates for manual beats).
    pub fn remaining(&self, now: Instant) -> Duration {
        match self.phase {
            Phase::CheckIn => self.plan.estimated(),
            Phase::Running | Phase::Confirm => {
                let here = match (self.timer, self.plan.beats.get(self.beat)) {
                    (Some(timer), _) => timer.remaining(now),
                    (None, Some(beat)) => beat.length,
                    (None, None) => Duration::ZERO,
                };
                here + self.plan.remaining_after(self.beat)
            }
            _ => Duration::ZERO,
        }
    }

    /// What happened to each exercise so far.
    pub fn results(&self) -> &[ExerciseOutcome] {
        &self.results
    }

    fn start(&mut self, now: Instant, wall: DateTime<FixedOffset>) {
        self.started = wall;
        self.phase = Phase::Running;
        self.running_since = Some(now);
        if self.plan.beats.is_empty() {
            self.finish(now);
        } else {
            self.enter_beat(0, now);
        }
        self.refresh(now);
    }

    /// Moves past every beat whose countdown ended by `now`. Each new beat
    /// starts at the instant the last one ended, not at `now`, so a late
    /// wake-up never adds drift. Returns how many transitions happened.
    pub fn tick(&mut self, now: Instant) -> usize {
        self.settle_pain(now);
        self.settle_offer(now);
        let mut transitions = 0;
        while self.phase == Phase::Running && !self.paused {
            let Some(ends_at) = self.timer.and_then(|t| t.ends_at()) else {
                break;
            };
            if ends_at > now {
                break;
            }
            self.advance(ends_at);
            transitions += 1;
        }
        self.refresh(now);
        transitions
    }

    /// Enter: ends a manual beat, or a get-ready early ("I am in position").
    /// Returns true when it moved on.
    pub fn enter(&mut self, now: Instant) -> bool {
        let moves = self.phase == Phase::Running
            && !self.paused
            && self
                .current()
                .is_some_and(|b| matches!(b.kind, BeatKind::Manual | BeatKind::GetReady));
        if moves {
            self.advance(now);
        }
        self.refresh(now);
        moves
    }

    /// Space: pauses or resumes; paused time is not counted.
    pub fn toggle_pause(&mut self, now: Instant) {
        if self.phase != Phase::Running {
            return;
        }
        if self.paused {
            self.resume_clock(now);
            self.announcement = Some("Resumed".to_owned());
        } else {
            self.pause_clock(now);
            self.announcement = Some("Paused".to_owned());
        }
        self.refresh(now);
    }

    /// Pauses a running countdown for something more urgent (the heat/cold
    /// alarm), saying why; the hold keeps its remaining time and Space
    /// resumes it. Does nothing unless running and not paused.
    pub fn pause_for(&mut self, now: Instant, why: &str) {
        if self.phase != Phase::Running || self.paused {
            return;
        }
        self.tick(now);
        if self.phase != Phase::Running {
            return;
        }
        self.pause_clock(now);
        self.announcement = Some(why.to_owned());
        self.paused_for = Some(why.to_owned());
        self.refresh(now);
    }

    /// n: skips the rest of the current exercise.
    pub fn skip(&mut self, now: Instant) -> bool {
        let Some(beat) = self.current().copied() else {
            return false;
        };
        if self.phase != Phase::Running {
            return false;
        }
        self.results[beat.exercise] = ExerciseOutcome::Skipped;
        let name = &self.plan.exercises[beat.exercise].name;
        let mut said = format!("Skipped {name}");
        match self.plan.first_beat_of(beat.exercise + 1) {
            Some(next) => {
                self.enter_beat(next, now);
                said.push_str(&format!(". Next: {}", self.current_name()));
            }
            None => self.finish(now),
        }
        self.announcement = Some(said);
        self.refresh(now);
        true
    }

    /// p: goes back to the start of the previous exercise (the first one
    /// restarts).
    pub fn back(&mut self, now: Instant) -> bool {
        let Some(beat) = self.current().copied() else {
            return false;
        };
        if self.phase != Phase::Running {
            return false;
        }
        let target = beat.exercise.saturating_sub(1);
        for result in &mut self.results[target..=beat.exercise] {
            *result = ExerciseOutcome::NotReached;
        }
        if let Some(first) = self.plan.first_beat_of(target) {
            self.enter_beat(first, now);
        }
        self.announcement = Some(format!("Back to {}", self.current_name()));
        self.refresh(now);
        true
    }

    /// "This hurts": stops at once and returns the record.
    pub fn hurt(&mut self, now: Instant, wall: DateTime<FixedOffset>) -> SessionRecord {
        if self.phase == Phase::CheckIn {
            self.started = wall;
        }
        self.end(SessionOutcome::StoppedForPain, Phase::Hurt, now);
        self.record()
    }

    /// Esc/q while running: pauses and asks to confirm.
    pub fn ask_leave(&mut self, now: Instant) {
        if self.phase != Phase::Running {
            return;
        }
        self.paused_before_confirm = self.paused;
        self.pause_clock(now);
        self.phase = Phase::Confirm;
        self.refresh(now);
    }

    /// "Keep going": back to where it was, running again unless it was
    /// paused before.
    pub fn cancel_leave(&mut self, now: Instant) {
        if self.phase != Phase::Confirm {
            return;
        }
        self.phase = Phase::Running;
        if !self.paused_before_confirm {
            self.resume_clock(now);
        }
        self.refresh(now);
    }

    /// Leaves for good and returns the record of the abandoned session.
    pub fn leave(&mut self, now: Instant) -> SessionRecord {
        self.end(SessionOutcome::Abandoned, Phase::Summary, now);
        self.record()
    }

    fn current_name(&self) -> String {
        self.plan
            .beats
            .get(self.beat)
            .and_then(|b| self.plan.exercises.get(b.exercise))
            .map(|e| e.name.clone())
            .unwrap_or_default()
    }

    fn end(&mut self, outcome: SessionOutcome, phase: Phase, now: Instant) {
        self.stop_clock(now);
        if matches!(self.phase, Phase::Running | Phase::Confirm) {
            self.mark_stopped();
        }
        self.outcome = Some(outcome);
        self.phase = phase;
        self.timer = None;
        self.wake_at = None;
    }

    /// Marks the exercise in progress as stopped.
    fn mark_stopped(&mut self) {
        if let Some(beat) = self.plan.beats.get(self.beat)
            && self.results[beat.exercise] == ExerciseOutcome::NotReached
        {
            self.results[beat.exercise] = ExerciseOutcome::Stopped;
        }
    }
}
