//! The sources' dose: a card may say that some of its numbers are what the
//! sources give (e.g. knee-to-chest "5 times each leg"), as a range. Then
//! neither the card itself nor any routine may use a number outside it: a
//! routine that quietly halves a dose the card calls the sources' would
//! contradict the card.

use serde::{Deserialize, Serialize};

use super::catalog::Content;
use super::model::Exercise;
use super::problem::Problem;

/// The ranges the sources give for a dose; each bound inclusive.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceDose {
    /// Seconds to hold, e.g. `(2, 5)`.
    #[serde(default)]
    pub hold_secs: Option<(u32, u32)>,
    /// Repetitions per side per set, e.g. `(5, 5)`.
    #[serde(default)]
    pub reps: Option<(u32, u32)>,
    /// Sets, e.g. `(3, 10)`.
    #[serde(default)]
    pub sets: Option<(u32, u32)>,
}

/// "5" or "3 to 10".
fn range_words((low, high): (u32, u32)) -> String {
    if low == high {
        low.to_string()
    } else {
        format!("{low} to {high}")
    }
}

/// The names of the dose fields the sources may fix, in this order.
const NAMES: [&str; 3] = ["hold_secs", "reps", "sets"];

/// The dose fields of one card or routine item, by name.
fn fields(
    hold: Option<u32>,
    reps: Option<u32>,
    sets: Option<u32>,
) -> [(&'static str, Option<u32>); 3] {
    let [hold_name, reps_name, sets_name] = NAMES;
    [(hold_name, hold), (reps_name, reps), (sets_name, sets)]
}

fn ranges(sources: &SourceDose) -> [Option<(u32, u32)>; 3] {
    [sources.hold_secs, sources.reps, sources.sets]
}

/// Adds a problem for every number outside the sources' range: on the
/// card itself, and in every routine that uses the card.
pub fn check(content: &Content, problems: &mut Vec<Problem>) {
    for exercise in &content.exercises {
        let Some(sources) = &exercise.dose.sources else {
            continue;
        };
        let file = content.origin_of("exercise", &exercise.id);
        for (field, range) in NAMES.into_iter().zip(ranges(sources)) {
            if let Some((low, high)) = range
                && (low == 0 || low > high)
            {
                problems.push(Problem::entry(
                    file,
                    &exercise.id,
                    format!("the sources' `{field}` range ({low}, {high}) is empty or starts at 0"),
                ));
            }
        }
        let own = fields(
            exercise.dose.hold_secs,
            Some(exercise.dose.reps),
            Some(exercise.dose.sets),
        );
        for ((field, value), range) in own.into_iter().zip(ranges(sources)) {
            if let Some(message) = outside(value, range) {
                problems.push(Problem::entry(
                    file,
                    &exercise.id,
                    format!("its own `{field}` is {message}"),
                ));
            }
        }
    }
    for routine in &content.routines {
        let file = content.origin_of("routine", &routine.id);
        for item in &routine.items {
            let Some(exercise) = content.exercise(&item.exercise) else {
                continue;
            };
            check_item(
                file,
                &routine.id,
                exercise,
                item.hold_secs,
                item.reps,
                item.sets,
                problems,
            );
        }
    }
}

fn check_item(
    file: &str,
    routine: &str,
    exercise: &Exercise,
    hold: Option<u32>,
    reps: Option<u32>,
    sets: Option<u32>,
    problems: &mut Vec<Problem>,
) {
    let Some(sources) = &exercise.dose.sources else {
        return;
    };
    for ((field, value), range) in fields(hold, reps, sets).into_iter().zip(ranges(sources)) {
        if let Some(message) = outside(value, range) {
            problems.push(Problem::entry(
                file,
                routine,
                format!(
                    "sets `{field}` of `{}` to {message} that its card gives",
                    exercise.id
                ),
            ));
        }
    }
}

/// Why `value` contradicts the sources' `range`, if it does.
fn outside(value: Option<u32>, range: Option<(u32, u32)>) -> Option<String> {
    let (value, range) = (value?, range?);
    (!(range.0..=range.1).contains(&value))
        .then(|| format!("{value}, outside the sources' {}", range_words(range)))
}
