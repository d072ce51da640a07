//! The safety gate: which self-release techniques the user's answers to the
//! checklist allow today. Plain data and pure functions; the time is always
//! passed in, in any time zone (the app passes local time).
//!
//! Rules: every checklist item needs an answer; a "yes" locks everything or
//! only the techniques with a tag; answers hold until the next local
//! midnight; a hurt report closes the gate for the rest of that day.

use chrono::{DateTime, FixedOffset, TimeZone};
use serde::{Deserialize, Serialize};

use crate::content::model::{ChecklistItem, Exercise, Locks};

/// What is stored about the gate (inside the settings file, which is
/// replaced atomically).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GateState {
    /// The last complete set of answers.
    #[serde(default)]
    pub answers: Option<Answers>,
    /// When the user last reported "it hurt / numbness / tingling".
    #[serde(default)]
    pub hurt_at: Option<DateTime<FixedOffset>>,
    /// When the user last acknowledged the habit warning.
    #[serde(default)]
    pub habit_acknowledged_at: Option<DateTime<FixedOffset>>,
}

/// One complete set of checklist answers and when they were given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answers {
    /// When the checklist was submitted (local time with its offset).
    pub at: DateTime<FixedOffset>,
    /// Ids of the items answered "yes".
    pub yes: Vec<String>,
    /// Ids of the items answered "no".
    pub no: Vec<String>,
}

/// True when `then` falls on the same local calendar day as `now`, in
/// `now`'s time zone: what "until local midnight" means.
pub fn same_local_day<Tz: TimeZone>(then: &DateTime<FixedOffset>, now: &DateTime<Tz>) -> bool {
    then.with_timezone(&now.timezone()).date_naive() == now.date_naive()
}

/// Why techniques are locked after the checklist: the items answered
/// "yes" that lock something, urgent ones first.
#[derive(Debug, Clone, PartialEq)]
pub struct Verdict<'a> {
    /// Items answered "yes", urgent first, then in checklist order.
    pub closed_by: Vec<&'a ChecklistItem>,
}

impl<'a> Verdict<'a> {
    /// The verdict for these "yes" ids.
    pub fn from_yes(checklist: &'a [ChecklistItem], yes: &[String]) -> Verdict<'a> {
        let mut closed_by: Vec<&ChecklistItem> = checklist
            .iter()
            .filter(|item| yes.contains(&item.id))
            .collect();
        // Stable: urgent first, checklist order within each group.
        closed_by.sort_by_key(|item| !item.urgent);
        Verdict { closed_by }
    }

    /// True when some "yes" locks every technique.
    pub fn locks_all(&self) -> bool {
        self.closed_by.iter().any(|item| item.locks == Locks::All)
    }

    /// True when some "yes" is an urgent red flag.
    pub fn has_urgent(&self) -> bool {
        self.closed_by.iter().any(|item| item.urgent)
    }

    /// The first answer that keeps `technique` locked, if any.
    pub fn lock_for(&self, technique: &Exercise) -> Option<&'a ChecklistItem> {
        self.closed_by
            .iter()
            .find(|item| match &item.locks {
                Locks::All => true,
                Locks::Tagged(tag) => technique.tags.contains(tag),
            })
            .copied()
    }

    /// True when `technique` is open under these answers.
    pub fn allows(&self, technique: &Exercise) -> bool {
        self.lock_for(technique).is_none()
    }
}

/// Where the gate stands right now.
#[derive(Debug, Clone, PartialEq)]
pub enum GateStatus<'a> {
    /// No complete answers for today: the checklist must be answered.
    Ask,
    /// A hurt report today: closed until tomorrow, whatever the answers.
    Hurt,
    /// Answered today; the verdict says what is open.
    Answered(Verdict<'a>),
}

impl GateState {
    /// The gate's status at `now` for this checklist.
    pub fn status<'a, Tz: TimeZone>(
        &self,
        checklist: &'a [ChecklistItem],
        now: &DateTime<Tz>,
    ) -> GateStatus<'a> {
        if self.hurt_at.is_some_and(|at| same_local_day(&at, now)) {
            return GateStatus::Hurt;
        }
        let Some(answers) = &self.answers else {
            return GateStatus::Ask;
        };
        // Content may have gained a question since: every item needs an
        // answer from today.
        let complete = checklist
            .iter()
            .all(|item| answers.yes.contains(&item.id) || answers.no.contains(&item.id));
        if !complete || !same_local_day(&answers.at, now) {
            return GateStatus::Ask;
        }
        GateStatus::Answered(Verdict::from_yes(checklist, &answers.yes))
    }

    /// True when the habit warning was acknowledged today.
    pub fn habit_acknowledged<Tz: TimeZone>(&self, now: &DateTime<Tz>) -> bool {
        self.habit_acknowledged_at
            .is_some_and(|at| same_local_day(&at, now))
    }

    /// Stores a hurt report: the gate closes for the rest of the day.
    pub fn report_hurt(&mut self, at: DateTime<FixedOffset>) {
        self.hurt_at = Some(at);
    }
}

/// What may happen when the user asks for a technique.
#[derive(Debug, Clone, PartialEq)]
pub enum Access<'a> {
    /// The checklist must be answered first.
    Ask,
    /// Closed for today by a hurt report.
    Hurt,
    /// Locked by this "yes" answer.
    Locked(&'a ChecklistItem),
    /// Open, but the habit warning must be acknowledged first.
    HabitWarning,
    /// Open: show the card.
    Open,
}

/// Decides whether `technique` may be shown at `now`. The single rule every
/// path to a technique goes through.
pub fn access<'a, Tz: TimeZone>(
    state: &GateState,
    checklist: &'a [ChecklistItem],
    technique: &Exercise,
    habit: bool,
    now: &DateTime<Tz>,
) -> Access<'a> {
    match state.status(checklist, now) {
        GateStatus::Ask => Access::Ask,
        GateStatus::Hurt => Access::Hurt,
        GateStatus::Answered(verdict) => match verdict.lock_for(technique) {
            Some(item) => Access::Locked(item),
            None if habit && !state.habit_acknowledged(now) => Access::HabitWarning,
            None => Access::Open,
        },
    }
}
