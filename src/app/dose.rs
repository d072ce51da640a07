//! The person's accepted dose steps and the suggestion after a session:
//! the adjustments in force (from the latest accepted change, however
//! old: the recent history at start-up, else a look further back), the
//! suggestion worked out when a session is recorded, and accepting it
//! with `y` on the summary (recorded; it applies from the next session).

use chrono::{DateTime, FixedOffset};

use super::{App, Cmd, Now};
use crate::domain::dose_step::{self, Adjusted};
use crate::domain::record::Record;
use crate::domain::suggest::{self, DoseChange, Suggestion};

/// The accepted steps and the suggestion on offer.
#[derive(Debug, Clone, Default)]
pub struct Doses {
    /// The adjustments in force, all routines.
    pub adjusted: Vec<Adjusted>,
    /// The accepted changes of the recent history, oldest first.
    pub changes: Vec<DoseChange>,
    /// The suggestion after the session just recorded, until accepted
    /// or the summary is left.
    pub suggestion: Option<Suggestion>,
}

/// Takes the accepted changes from the recent history read at start-up.
pub fn absorb(app: &mut App, records: &[Record]) {
    for record in records {
        if let Record::DoseChange(change) = record {
            take(app, (**change).clone());
        }
    }
}

/// At start-up: no change in the recent history, so look further back.
pub(super) fn find_latest(app: &App) -> Option<Cmd> {
    app.doses.changes.is_empty().then_some(Cmd::FindDoseChange)
}

/// The latest change in the whole history (none: nothing was ever
/// accepted); one accepted meanwhile is kept.
pub(super) fn found(app: &mut App, change: Option<DoseChange>) {
    if let Some(change) = change
        && app.doses.changes.iter().all(|c| c.at < change.at)
    {
        app.doses.adjusted = change.doses.clone();
    }
}

fn take(app: &mut App, change: DoseChange) {
    let newest = app.doses.changes.iter().all(|c| c.at <= change.at);
    if newest {
        app.doses.adjusted = change.doses.clone();
    }
    app.doses.changes.push(change);
    app.doses.changes.sort_by_key(|c| c.at);
}

/// A session was recorded: work out the suggestion for its routine.
pub(super) fn after_session(app: &mut App, routine: &str, now: DateTime<FixedOffset>) {
    app.doses.suggestion = suggest::suggest(
        &app.content,
        routine,
        &app.recent_sessions,
        &app.doses.changes,
        &app.doses.adjusted,
        now,
    );
}

/// `y` on the summary: accept the suggestion, record it, and say from
/// when it applies.
pub(super) fn accept(app: &mut App, now: Now) -> Vec<Cmd> {
    let Some(suggestion) = app.doses.suggestion.take() else {
        return Vec::new();
    };
    let doses = dose_step::with(&app.doses.adjusted, suggestion.change.clone());
    let change = DoseChange {
        at: now.wall.fixed_offset(),
        direction: suggestion.direction,
        reason: suggestion.reason,
        change: suggestion.change,
        doses,
    };
    let routine = app
        .content
        .routine(&change.change.routine)
        .map_or_else(|| change.change.routine.clone(), |r| r.name.clone());
    app.notice = Some(format!(
        "Accepted: the {} step applies from your next session of {routine}.",
        change.direction.label()
    ));
    take(app, change.clone());
    vec![Cmd::Append(Record::DoseChange(Box::new(change)))]
}
