//! Stepping a routine's exercise up or down: to its `harder` or `easier`
//! variant when the card names one, else a little longer or shorter hold
//! (or one rep more or fewer), never past the routine's bounds
//! (`max_hold_secs`, `max_reps`), the card limits or the sources' range.
//! An accepted step is an [`Adjusted`] dose, kept in the history.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::content::catalog::Content;
use crate::content::model::{Exercise, Routine, RoutineItem};
use crate::content::validate::MAX_HOLD_SECS;

/// Seconds a step changes a hold by.
pub const HOLD_STEP_SECS: u32 = 5;
/// Days of flare-up care after an accepted step down.
pub const FLARE_DAYS: u64 = 3;

/// Up or down.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// A harder step: progress.
    Harder,
    /// An easier step: regress.
    Easier,
}

impl Direction {
    /// "harder" or "easier".
    pub fn label(self) -> &'static str {
        match self {
            Direction::Harder => "harder",
            Direction::Easier => "easier",
        }
    }
}

/// The dose one person now does for one exercise of one routine.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Adjusted {
    /// Routine id.
    pub routine: String,
    /// The exercise the routine names (the slot).
    pub slot: String,
    /// The exercise done in that slot now (the slot's, or a variant).
    pub exercise: String,
    /// The hold now, when changed.
    #[serde(default)]
    pub hold_secs: Option<u32>,
    /// The reps now, when changed.
    #[serde(default)]
    pub reps: Option<u32>,
    /// Last day of flare-up care (shorter holds), after a step down.
    #[serde(default)]
    pub flare_until: Option<NaiveDate>,
}

/// What a slot of `routine` runs, with the adjustments in `doses`
/// applied and the bounds enforced: (exercise, hold, reps, sets).
pub fn effective<'a>(
    content: &'a Content,
    routine: &Routine,
    item: &RoutineItem,
    doses: &[Adjusted],
    today: NaiveDate,
) -> Option<(&'a Exercise, Option<u32>, u32, u32)> {
    let adjusted = find(doses, &routine.id, &item.exercise);
    // An adjustment comes from the history, which another machine or an
    // older content may have written: only a variant the cards link to
    // from the slot's exercise is run (so validation's rules on variants
    // hold: never a technique, never an extension move in a
    // stenosis-friendly routine), and its hold and reps stay inside the
    // bounds a step could reach.
    let variant = adjusted
        .filter(|a| linked(content, &item.exercise, &a.exercise))
        .and_then(|a| content.exercise(&a.exercise));
    let adjusted = adjusted.filter(|a| a.exercise == item.exercise || variant.is_some());
    let (exercise, hold, reps) = match variant {
        Some(v) if v.id != item.exercise => (v, v.dose.hold_secs, v.dose.reps),
        _ => {
            let own = content.exercise(&item.exercise)?;
            (
                own,
                item.hold_secs.or(own.dose.hold_secs),
                item.reps.unwrap_or(own.dose.reps),
            )
        }
    };
    let sources = exercise.dose.sources.clone().unwrap_or_default();
    let hold = match adjusted.and_then(|a| a.hold_secs) {
        Some(h) => {
            let (low, high) = sources.hold_secs.unwrap_or((1, MAX_HOLD_SECS));
            Some(h.clamp(low.min(high), high))
        }
        None => hold,
    };
    let reps = match adjusted.and_then(|a| a.reps) {
        Some(r) => {
            let (low, high) = reps_range(exercise, reps);
            r.clamp(low.min(high), high)
        }
        None => reps,
    };
    let flare = adjusted
        .and_then(|a| a.flare_until)
        .is_some_and(|last| today <= last);
    let hold = hold.map(|h| {
        let bounded = h.min(routine.max_hold_secs.unwrap_or(MAX_HOLD_SECS)).max(1);
        if flare { bounded.div_ceil(2) } else { bounded }
    });
    let reps = reps.min(routine.max_reps.unwrap_or(u32::MAX)).max(1);
    let sets = item.sets.unwrap_or(exercise.dose.sets).max(1);
    Some((exercise, hold, reps, sets))
}

/// The reps a step may reach for `exercise`: the sources' range, else
/// from 1 to twice the reps the routine gives it (`base`), so no
/// adjustment, however it was written, runs an unbounded number.
fn reps_range(exercise: &Exercise, base: u32) -> (u32, u32) {
    let sources = exercise.dose.sources.as_ref().and_then(|s| s.reps);
    sources.unwrap_or((1, base.max(1).saturating_mul(2)))
}

/// The reps the routine gives `exercise` in `item` before any step.
fn base_reps(exercise: &Exercise, item: &RoutineItem) -> u32 {
    if exercise.id == item.exercise {
        item.reps.unwrap_or(exercise.dose.reps)
    } else {
        exercise.dose.reps
    }
}

/// True when `to` is `from` or is reached from it through the cards'
/// `easier` and `harder` links (validated to exist and not to loop; the
/// walk is bounded all the same).
fn linked(content: &Content, from: &str, to: &str) -> bool {
    let mut seen: Vec<&str> = vec![from];
    let mut next = 0;
    while next < seen.len() && seen.len() <= content.exercises.len() {
        if seen[next] == to {
            return true;
        }
        if let Some(exercise) = content.exercise(seen[next]) {
            for link in [&exercise.easier, &exercise.harder].into_iter().flatten() {
                if !seen.contains(&link.as_str()) {
                    seen.push(link);
                }
            }
        }
        next += 1;
    }
    false
}

/// The adjustment of `slot` in `routine`, if there is one.
pub fn find<'a>(doses: &'a [Adjusted], routine: &str, slot: &str) -> Option<&'a Adjusted> {
    doses
        .iter()
        .find(|a| a.routine == routine && a.slot == slot)
}

/// The slot of `routine` whose exercise is now `exercise`.
pub fn slot_of<'a>(routine: &'a Routine, doses: &'a [Adjusted], exercise: &str) -> Option<&'a str> {
    routine
        .items
        .iter()
        .map(|i| i.exercise.as_str())
        .find(|slot| {
            find(doses, &routine.id, slot).map_or(*slot == exercise, |a| a.exercise == exercise)
        })
}

/// The next step of `slot` in `routine` in `direction`, if there is
/// room for one (today's date for the flare-up care of a step down).
pub fn step(
    content: &Content,
    routine: &Routine,
    slot: &str,
    doses: &[Adjusted],
    direction: Direction,
    today: NaiveDate,
) -> Option<Adjusted> {
    let item = routine.items.iter().find(|i| i.exercise == slot)?;
    let (exercise, hold, reps, _) = effective(content, routine, item, doses, NaiveDate::MAX)?;
    let variant = match direction {
        Direction::Harder => &exercise.harder,
        Direction::Easier => &exercise.easier,
    };
    let flare_until =
        (direction == Direction::Easier).then(|| today + chrono::Days::new(FLARE_DAYS - 1));
    let mut next = Adjusted {
        routine: routine.id.clone(),
        slot: slot.to_owned(),
        exercise: exercise.id.clone(),
        hold_secs: None,
        reps: None,
        flare_until,
    };
    if let Some(variant) = variant.as_deref().and_then(|id| content.exercise(id)) {
        next.exercise = variant.id.clone();
        return Some(next);
    }
    let sources = exercise.dose.sources.clone().unwrap_or_default();
    let (hold_low, hold_high) = sources.hold_secs.unwrap_or((1, MAX_HOLD_SECS));
    let (reps_low, reps_high) = reps_range(exercise, base_reps(exercise, item));
    let hold_high = hold_high.min(routine.max_hold_secs.unwrap_or(MAX_HOLD_SECS));
    let reps_high = reps_high.min(routine.max_reps.unwrap_or(u32::MAX));
    let new_hold = hold.map(|h| match direction {
        Direction::Harder => (h + HOLD_STEP_SECS).min(hold_high).max(h),
        Direction::Easier => h.saturating_sub(HOLD_STEP_SECS).max(hold_low).max(1).min(h),
    });
    if let (Some(old), Some(new)) = (hold, new_hold)
        && new != old
    {
        next.hold_secs = Some(new);
        next.reps = Some(reps);
        return Some(next);
    }
    let new_reps = match direction {
        Direction::Harder => (reps + 1).min(reps_high).max(reps),
        Direction::Easier => reps.saturating_sub(1).max(reps_low).max(1).min(reps),
    };
    (new_reps != reps).then(|| {
        next.hold_secs = hold;
        next.reps = Some(new_reps);
        next
    })
}

/// `doses` with `change` in place of any earlier adjustment of its slot.
pub fn with(doses: &[Adjusted], change: Adjusted) -> Vec<Adjusted> {
    let mut all: Vec<Adjusted> = doses
        .iter()
        .filter(|a| !(a.routine == change.routine && a.slot == change.slot))
        .cloned()
        .collect();
    all.push(change);
    all
}
