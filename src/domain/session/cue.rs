//! The short cue of what a session has just moved to ("Release. Now the
//! left side."): the words spoken when spoken cues are on, and the line
//! the plain front-end prints at each beat. Built from the session's
//! state, so every front-end says the same thing.

use super::{Phase, Session};
use crate::domain::plan::{Beat, BeatKind};

impl Session {
    /// Where `beat` is within its exercise, e.g. "right side, rep 1 of 2,
    /// set 2 of 2"; a part that cannot change (no side, one rep, one set)
    /// is left out, so it may be empty.
    pub fn place(&self, beat: &Beat) -> String {
        let Some(exercise) = self.plan.exercises.get(beat.exercise) else {
            return String::new();
        };
        let mut parts = Vec::new();
        if let Some(side) = beat.side {
            parts.push(side.label().to_owned());
        }
        if exercise.reps > 1 {
            parts.push(format!("rep {} of {}", beat.rep, exercise.reps));
        }
        if exercise.sets > 1 {
            parts.push(format!("set {} of {}", beat.set, exercise.sets));
        }
        parts.join(", ")
    }

    /// The cue of the beat the session is at, or of its end ("Routine
    /// complete."); none before it starts or once it has ended.
    pub fn cue(&self) -> Option<String> {
        let said = match self.phase {
            Phase::CheckOut => "Routine complete.".to_owned(),
            Phase::Running => self.beat_cue(self.current()?),
            _ => return None,
        };
        Some(if self.after_hold {
            format!("Release. {said}")
        } else {
            said
        })
    }

    fn beat_cue(&self, beat: &Beat) -> String {
        let name = self
            .plan
            .exercises
            .get(beat.exercise)
            .map_or("", |e| e.name.as_str());
        let place = self.place(beat);
        let comma_place = if place.is_empty() {
            String::new()
        } else {
            format!(", {place}")
        };
        if beat.kind == BeatKind::Hold {
            let secs = beat.length.as_secs();
            let unit = if secs == 1 { "second" } else { "seconds" };
            let lead = if place.is_empty() {
                format!("{name}:")
            } else {
                format!("{name}: {place},")
            };
            return format!("{lead} hold {secs} {unit}.");
        }
        let first = self.plan.first_beat_of(beat.exercise) == Some(self.beat);
        let then = if beat.kind == BeatKind::GetReady {
            " Get into position."
        } else {
            ""
        };
        if first {
            let next = if beat.exercise > 0 { "Next: " } else { "" };
            return format!("{next}{name}{comma_place}.{then}");
        }
        let before = self
            .beat
            .checked_sub(1)
            .and_then(|i| self.plan.beats.get(i));
        match before {
            Some(before) if before.set != beat.set => {
                let sets = self.plan.exercises.get(beat.exercise).map_or(1, |e| e.sets);
                format!(
                    "Set {} of {sets}{comma_side}.",
                    beat.set,
                    comma_side = side_words(beat)
                )
            }
            Some(before) if before.side != beat.side => {
                let side = beat.side.map_or("other side", |s| s.label());
                format!("Now the {side}.")
            }
            Some(before) if before.rep != beat.rep => {
                let reps = self.plan.exercises.get(beat.exercise).map_or(1, |e| e.reps);
                format!("Rep {} of {reps}.", beat.rep)
            }
            _ => format!("{name}{comma_place}."),
        }
    }
}

/// ", right side" for a one-sided beat, else nothing.
fn side_words(beat: &Beat) -> String {
    beat.side
        .map(|s| format!(", {}", s.label()))
        .unwrap_or_default()
}
