//! Rules every merged content set must satisfy. Safety rules live here so
//! that no content file, built-in or user, can weaken them.

use super::catalog::Content;
use super::model::{Dose, Exercise, TherapyKind};
use super::problem::Problem;
use crate::text::safe::has_visible;

/// Longest hold a card may ask for, in seconds.
pub const MAX_HOLD_SECS: u32 = 300;
/// Hard cap on any heat or cold application, in minutes.
pub const THERAPY_CAP_MINUTES: u32 = 20;
/// Tag for moves that arch the spine backwards.
pub const TAG_EXTENSION: &str = "extension";
/// Tag for routines safe with spinal stenosis (no extension moves).
pub const TAG_STENOSIS_FRIENDLY: &str = "stenosis_friendly";
/// Tag marking a self-release technique.
pub const TAG_SELF_RELEASE: &str = "self_release";

/// Returns every rule violation in `content`.
pub fn check(content: &Content) -> Vec<Problem> {
    let mut problems = Vec::new();
    for exercise in &content.exercises {
        let file = content.origin_of("exercise", &exercise.id);
        check_card(file, exercise, &mut problems);
        if exercise.tags.iter().any(|t| t == TAG_SELF_RELEASE) {
            problems.push(Problem::entry(
                file,
                &exercise.id,
                "self-release moves belong in the `techniques` section, behind the safety gate",
            ));
        }
        if content.techniques.iter().any(|t| t.id == exercise.id) {
            problems.push(Problem::entry(
                file,
                &exercise.id,
                "this id is used by both an exercise and a technique",
            ));
        }
    }
    for technique in &content.techniques {
        let file = content.origin_of("technique", &technique.id);
        check_card(file, technique, &mut problems);
        if !technique.gated {
            problems.push(Problem::entry(
                file,
                &technique.id,
                "a self-release technique must be marked `gated: true` (it is shown only after the safety checklist)",
            ));
        }
        if mentions_neck(technique) {
            problems.push(Problem::entry(
                file,
                &technique.id,
                "neck techniques are not allowed: self-cracking the neck can compromise the blood supply to the head",
            ));
        }
    }
    check_routines(content, &mut problems);
    check_checklist(content, &mut problems);
    check_therapy(content, &mut problems);
    super::gate_rules::check(content, &mut problems);
    super::dose_rules::check(content, &mut problems);
    super::programme::check(content, &mut problems);
    super::variant_rules::check(content, &mut problems);
    super::tips::check(content, &mut problems);
    problems
}

/// True when `id` is a valid id: lower-case letters, digits, `_` and `-`.
pub fn is_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')
}

fn check_id(file: &str, id: &str, problems: &mut Vec<Problem>) {
    if !is_id(id) {
        problems.push(Problem::entry(
            file,
            id,
            "ids use only lower-case letters, digits, `_` and `-`",
        ));
    }
}

fn check_card(file: &str, card: &Exercise, problems: &mut Vec<Problem>) {
    check_id(file, &card.id, problems);
    if !has_visible(&card.name) {
        problems.push(Problem::entry(file, &card.id, "the name is empty"));
    }
    if card.steps.is_empty() || card.steps.iter().any(|s| !has_visible(s)) {
        problems.push(Problem::entry(
            file,
            &card.id,
            "needs at least one step, and no step may be empty",
        ));
    }
    check_dose(file, &card.id, &card.dose, problems);
}

fn check_dose(file: &str, id: &str, dose: &Dose, problems: &mut Vec<Problem>) {
    check_numbers(
        file,
        id,
        dose.hold_secs,
        Some(dose.reps),
        Some(dose.sets),
        problems,
    );
    if dose.hold_as_comfortable && dose.hold_secs.is_none() {
        problems.push(Problem::entry(
            file,
            id,
            "`hold_as_comfortable` needs a default `hold_secs` for the card to state",
        ));
    }
}

fn check_numbers(
    file: &str,
    id: &str,
    hold: Option<u32>,
    reps: Option<u32>,
    sets: Option<u32>,
    problems: &mut Vec<Problem>,
) {
    if let Some(hold) = hold
        && !(1..=MAX_HOLD_SECS).contains(&hold)
    {
        problems.push(Problem::entry(
            file,
            id,
            format!("a hold of {hold} s is outside 1..={MAX_HOLD_SECS} seconds"),
        ));
    }
    if reps == Some(0) {
        problems.push(Problem::entry(file, id, "reps must be at least 1"));
    }
    if sets == Some(0) {
        problems.push(Problem::entry(file, id, "sets must be at least 1"));
    }
}

fn mentions_neck(card: &Exercise) -> bool {
    let neck = |s: &str| {
        s.to_lowercase()
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| w == "neck" || w == "cervical")
    };
    neck(&card.name) || neck(&card.id) || card.tags.iter().any(|t| neck(t))
}

fn check_routines(content: &Content, problems: &mut Vec<Problem>) {
    for routine in &content.routines {
        let file = content.origin_of("routine", &routine.id);
        check_id(file, &routine.id, problems);
        if routine.items.is_empty() {
            problems.push(Problem::entry(
                file,
                &routine.id,
                "a routine needs at least one exercise",
            ));
        }
        if let Some(secs) = routine.get_ready_secs
            && !(1..=60).contains(&secs)
        {
            problems.push(Problem::entry(
                file,
                &routine.id,
                format!("a get-ready of {secs} s is outside 1..=60 seconds"),
            ));
        }
        if !has_visible(&routine.name) {
            problems.push(Problem::entry(file, &routine.id, "the name is empty"));
        }
        let stenosis = routine.tags.iter().any(|t| t == TAG_STENOSIS_FRIENDLY);
        for item in &routine.items {
            check_numbers(
                file,
                &routine.id,
                item.hold_secs,
                item.reps,
                item.sets,
                problems,
            );
            match content.exercise(&item.exercise) {
                Some(exercise) => {
                    if stenosis && exercise.tags.iter().any(|t| t == TAG_EXTENSION) {
                        problems.push(Problem::entry(
                            file,
                            &routine.id,
                            format!(
                                "is tagged stenosis_friendly but includes `{}`, an extension move",
                                item.exercise
                            ),
                        ));
                    }
                    if item.hold_secs.is_some() && exercise.dose.hold_secs.is_none() {
                        problems.push(Problem::entry(
                            file,
                            &routine.id,
                            format!("sets a hold for `{}`, which has no hold", item.exercise),
                        ));
                    }
                }
                None if content.techniques.iter().any(|t| t.id == item.exercise) => {
                    problems.push(Problem::entry(
                        file,
                        &routine.id,
                        format!(
                            "`{}` is a self-release technique; techniques can never be part of a routine",
                            item.exercise
                        ),
                    ));
                }
                None => problems.push(Problem::entry(
                    file,
                    &routine.id,
                    format!("names an unknown exercise `{}`", item.exercise),
                )),
            }
        }
    }
}

fn check_checklist(content: &Content, problems: &mut Vec<Problem>) {
    for item in &content.checklist {
        let file = content.origin_of("checklist", &item.id);
        check_id(file, &item.id, problems);
        if !has_visible(&item.question) || !has_visible(&item.see) {
            problems.push(Problem::entry(
                file,
                &item.id,
                "needs a question and who to see",
            ));
        }
        if let super::model::Locks::Tagged(tag) = &item.locks
            && !has_visible(tag)
        {
            problems.push(Problem::entry(file, &item.id, "`tagged` needs a tag name"));
        }
    }
    for section in &content.warnings {
        let file = content.origin_of("warning", &section.id);
        check_id(file, &section.id, problems);
        if !has_visible(&section.title) || section.items.iter().any(|i| !has_visible(&i.title)) {
            problems.push(Problem::entry(
                file,
                &section.id,
                "the section and each of its warnings need a title",
            ));
        }
    }
}

fn check_therapy(content: &Content, problems: &mut Vec<Problem>) {
    for mode in &content.therapy {
        let id = mode.mode.id();
        let file = content.origin_of("therapy", id);
        if !has_visible(&mode.name) {
            problems.push(Problem::entry(file, id, "the name is empty"));
        }
        if mode.default_minutes == 0 || mode.default_minutes > THERAPY_CAP_MINUTES {
            problems.push(Problem::entry(
                file,
                id,
                format!(
                    "a therapy duration of {} minutes is outside 1..={THERAPY_CAP_MINUTES} (the 20-minute cap)",
                    mode.default_minutes
                ),
            ));
        }
        let total: u32 = mode.pattern.iter().map(|s| s.minutes).sum();
        if total > THERAPY_CAP_MINUTES {
            problems.push(Problem::entry(
                file,
                id,
                format!("the pattern adds up to {total} minutes, over the 20-minute cap"),
            ));
        }
        if mode
            .pattern
            .iter()
            .any(|s| s.minutes == 0 || s.kind == TherapyKind::Contrast)
        {
            problems.push(Problem::entry(
                file,
                id,
                "each pattern segment is heat or cold, at least 1 minute long",
            ));
        }
        match (mode.mode, mode.pattern.is_empty()) {
            (TherapyKind::Contrast, true) => problems.push(Problem::entry(
                file,
                id,
                "contrast needs a heat/cold `pattern`",
            )),
            (TherapyKind::Heat | TherapyKind::Cold, false) => {
                problems.push(Problem::entry(file, id, "only contrast has a `pattern`"))
            }
            _ => {}
        }
    }
}
