//! What the history keeps about one guided session.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use super::in_range;

/// Longest session a record may claim: a day, in seconds.
pub const MAX_SESSION_SECS: u64 = 24 * 60 * 60;

/// How a session ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SessionOutcome {
    /// Every exercise reached, at least one of them done.
    Completed,
    /// Every exercise reached, none of them done (all skipped): counts for
    /// neither the streak nor the sessions of a week.
    Skipped,
    /// Stopped with "this hurts".
    StoppedForPain,
    /// Left before the end.
    Abandoned,
}

impl SessionOutcome {
    /// Words for tables and the summary.
    pub fn label(self) -> &'static str {
        match self {
            SessionOutcome::Completed => "completed",
            SessionOutcome::Skipped => "skipped",
            SessionOutcome::StoppedForPain => "stopped for pain",
            SessionOutcome::Abandoned => "abandoned",
        }
    }
}

/// What happened to one exercise of a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExerciseOutcome {
    /// Done to the end.
    Done,
    /// Skipped with `n`.
    Skipped,
    /// Started but not finished when the session ended.
    Stopped,
    /// Never reached.
    NotReached,
}

/// How an exercise felt, rated with one key just after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rating {
    /// Easy: ready for more.
    Easy,
    /// About right.
    AboutRight,
    /// Hard.
    Hard,
    /// Painful.
    Painful,
}

impl Rating {
    /// Every rating, in the order the keys are shown.
    pub const ALL: [Rating; 4] = [
        Rating::Easy,
        Rating::AboutRight,
        Rating::Hard,
        Rating::Painful,
    ];

    /// Words for summaries and the report.
    pub fn label(self) -> &'static str {
        match self {
            Rating::Easy => "easy",
            Rating::AboutRight => "about right",
            Rating::Hard => "hard",
            Rating::Painful => "painful",
        }
    }

    /// Every rating's key and words, each as `shape` makes it
    /// (`"e easy"`), joined by `between`.
    pub fn keys(shape: impl Fn(char, &str) -> String, between: &str) -> String {
        let keys: Vec<String> = Rating::ALL
            .iter()
            .map(|r| shape(r.key(), r.label()))
            .collect();
        keys.join(between)
    }

    /// The key that gives it (the same in plain mode).
    pub fn key(self) -> char {
        match self {
            Rating::Easy => 'e',
            Rating::AboutRight => 'a',
            Rating::Hard => 'h',
            Rating::Painful => 'o',
        }
    }
}

/// One exercise's line in a session record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExerciseResult {
    /// Exercise id.
    pub exercise: String,
    /// What happened to it.
    pub outcome: ExerciseOutcome,
    /// How it felt, when rated (left out of the line when not: older
    /// records have none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rating: Option<Rating>,
}

/// One guided session, as appended to the history log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionRecord {
    /// Local wall-clock start, with its offset (RFC 3339).
    pub started: DateTime<FixedOffset>,
    /// Time spent, paused time excluded, in whole seconds.
    pub duration_secs: u64,
    /// Routine id.
    pub routine: String,
    /// Each exercise of the routine, in order.
    pub exercises: Vec<ExerciseResult>,
    /// Pain 0-10 before, when answered.
    #[serde(default)]
    pub pain_before: Option<u8>,
    /// Pain 0-10 after, when answered.
    #[serde(default)]
    pub pain_after: Option<u8>,
    /// How it ended.
    pub outcome: SessionOutcome,
}

impl SessionRecord {
    /// Why this record, read back, cannot be right (a date out of range,
    /// a pain score above 10, a session longer than a day, an id a
    /// terminal would act on), if it cannot.
    pub fn problem(&self) -> Option<String> {
        in_range::date("`started`", &self.started)
            .or_else(|| in_range::at_most("`duration_secs`", self.duration_secs, MAX_SESSION_SECS))
            .or_else(|| in_range::text("`routine`", &self.routine))
            .or_else(|| in_range::items("`exercises`", &self.exercises))
            .or_else(|| {
                self.exercises
                    .iter()
                    .find_map(|e| in_range::text("an exercise id", &e.exercise))
            })
            .or_else(|| in_range::pain("`pain_before`", self.pain_before))
            .or_else(|| in_range::pain("`pain_after`", self.pain_after))
    }

    /// How it ended, honestly: a record written as completed before
    /// skipped sessions were told apart, listing exercises of which none
    /// was done, was skipped.
    pub fn honest_outcome(&self) -> SessionOutcome {
        match self.outcome {
            SessionOutcome::Completed
                if !self.exercises.is_empty() && self.count(ExerciseOutcome::Done) == 0 =>
            {
                SessionOutcome::Skipped
            }
            outcome => outcome,
        }
    }

    /// True when the session counts as one done: for the streak and for
    /// a week's sessions (a skipped one does not).
    pub fn counts(&self) -> bool {
        self.honest_outcome() != SessionOutcome::Skipped
    }

    /// How many exercises ended with `outcome`.
    pub fn count(&self, outcome: ExerciseOutcome) -> usize {
        self.exercises
            .iter()
            .filter(|e| e.outcome == outcome)
            .count()
    }
}
