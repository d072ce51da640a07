//! Rules for the easier and harder variants of exercises and for a
//! routine's bounds on progression: a variant exists and is a stretch
//! (never a self-release technique), the steps never go round in a
//! circle, a stenosis-friendly routine can never step into an extension
//! move, and a routine's bounds are within the card limits and hold for
//! its own doses.

use super::catalog::Content;
use super::model::{Exercise, Routine};
use super::problem::Problem;
use super::validate::{MAX_HOLD_SECS, TAG_EXTENSION, TAG_STENOSIS_FRIENDLY};

/// Adds every broken variant or bounds rule to `problems`.
pub fn check(content: &Content, problems: &mut Vec<Problem>) {
    for exercise in &content.exercises {
        let file = content.origin_of("exercise", &exercise.id);
        for (field, id) in variants(exercise) {
            if content.exercise(id).is_some() {
                continue;
            }
            let message = if content.technique(id).is_some() {
                format!(
                    "`{field}` names `{id}`, a self-release technique; a variant is always a stretch"
                )
            } else {
                format!("`{field}` names an unknown exercise `{id}`")
            };
            problems.push(Problem::entry(file, &exercise.id, message));
        }
        for field in ["easier", "harder"] {
            if let Some(cycle) = cycle(content, exercise, field) {
                problems.push(Problem::entry(
                    file,
                    &exercise.id,
                    format!("the `{field}` steps go round in a circle: {cycle}"),
                ));
            }
        }
    }
    for technique in &content.techniques {
        if technique.easier.is_some() || technique.harder.is_some() {
            problems.push(Problem::entry(
                content.origin_of("technique", &technique.id),
                &technique.id,
                "a self-release technique has no easier or harder variant",
            ));
        }
    }
    for routine in &content.routines {
        check_routine(content, routine, problems);
    }
}

fn variants(exercise: &Exercise) -> impl Iterator<Item = (&'static str, &str)> {
    [("easier", &exercise.easier), ("harder", &exercise.harder)]
        .into_iter()
        .filter_map(|(field, id)| id.as_deref().map(|id| (field, id)))
}

/// The ids of a circle of `field` steps through `start`, if there is
/// one (reported once, by the circle's member that comes first).
fn cycle(content: &Content, start: &Exercise, field: &str) -> Option<String> {
    let mut path = vec![start.id.as_str()];
    let mut at = start;
    loop {
        let next = if field == "easier" {
            &at.easier
        } else {
            &at.harder
        };
        let next = content.exercise(next.as_deref()?)?;
        if next.id == start.id {
            let first = content
                .exercises
                .iter()
                .find(|e| path.contains(&e.id.as_str()))?;
            path.push(&next.id);
            return (first.id == start.id).then(|| path.join(" → "));
        }
        if path.contains(&next.id.as_str()) {
            return None;
        }
        path.push(&next.id);
        at = next;
    }
}

/// Every exercise a routine item can step to, itself included.
pub fn reachable<'a>(content: &'a Content, id: &str) -> Vec<&'a Exercise> {
    let mut found: Vec<&Exercise> = content.exercise(id).into_iter().collect();
    let mut at = 0;
    while let Some(exercise) = found.get(at).copied() {
        for (_, next) in variants(exercise) {
            if let Some(next) = content.exercise(next)
                && !found.iter().any(|e| e.id == next.id)
            {
                found.push(next);
            }
        }
        at += 1;
    }
    found
}

fn check_routine(content: &Content, routine: &Routine, problems: &mut Vec<Problem>) {
    let file = content.origin_of("routine", &routine.id);
    let mut problem = |message: String| problems.push(Problem::entry(file, &routine.id, message));
    if routine.tags.iter().any(|t| t == TAG_STENOSIS_FRIENDLY) {
        for item in &routine.items {
            let arching = reachable(content, &item.exercise)
                .into_iter()
                .find(|e| e.id != item.exercise && e.tags.iter().any(|t| t == TAG_EXTENSION));
            if let Some(arching) = arching {
                problem(format!(
                    "is tagged stenosis_friendly, but `{}` can step to `{}`, an extension move",
                    item.exercise, arching.id
                ));
            }
        }
    }
    if let Some(most) = routine.max_hold_secs
        && !(1..=MAX_HOLD_SECS).contains(&most)
    {
        problem(format!(
            "`max_hold_secs` is {most}; it must be 1..={MAX_HOLD_SECS}"
        ));
    }
    if routine.max_reps == Some(0) {
        problem("`max_reps` must be at least 1".to_owned());
    }
    for item in &routine.items {
        let Some(exercise) = content.exercise(&item.exercise) else {
            continue;
        };
        let hold = item.hold_secs.or(exercise.dose.hold_secs);
        if let (Some(hold), Some(most)) = (hold, routine.max_hold_secs)
            && hold > most
        {
            problem(format!(
                "holds `{}` for {hold} s, over its own `max_hold_secs` ({most})",
                item.exercise
            ));
        }
        let reps = item.reps.unwrap_or(exercise.dose.reps);
        if let Some(most) = routine.max_reps
            && reps > most
        {
            problem(format!(
                "asks {reps} reps of `{}`, over its own `max_reps` ({most})",
                item.exercise
            ));
        }
    }
}
