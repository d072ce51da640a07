//! The plain lines of a guided session: the check-in, one line per beat
//! (the session's own cue, with the steps when an exercise begins), the
//! pause and leave questions, the check-out, the summary and the "this
//! hurts" guidance.

use std::time::Duration;

use crate::app::App;
use crate::domain::plan::BeatKind;
use crate::domain::session::{Phase, RATE_WINDOW, Session};
use crate::domain::session_record::{ExerciseOutcome, Rating};
use crate::time::words::{about_minutes, clock};
use crate::ui::session_end::HURT_SECTIONS;
use crate::ui::suggestion;

/// The keys of a running session, said once at the check-in.
const SESSION_KEYS: &str = "During the session: ! stops at once if anything hurts; p pauses, n skips an exercise, b goes back, q leaves.";

/// The question of the check-in or check-out.
pub fn check(session: &Session) -> Vec<String> {
    let scale = "Type 0 (no pain) to 10 (the worst you can imagine), or just Enter to skip.";
    if session.phase == Phase::CheckIn {
        let estimated = session.plan.estimated();
        vec![
            format!(
                "{}: estimated {} ({}).",
                session.plan.routine_name,
                clock(estimated),
                about_minutes(estimated)
            ),
            SESSION_KEYS.to_owned(),
            format!("Before you start: how much does your back hurt right now? {scale}"),
        ]
    } else {
        let mut lines: Vec<String> = session.cue().into_iter().collect();
        lines.push(format!("And now: how much does your back hurt? {scale}"));
        lines
    }
}

/// The lines of the beat the session is at: its cue, the exercise's
/// position and steps when it begins, and what ends a beat without a hold.
pub fn beat(session: &Session) -> Vec<String> {
    let Some(beat) = session.current() else {
        return Vec::new();
    };
    let mut lines: Vec<String> = session.cue().into_iter().collect();
    let first = session.plan.first_beat_of(beat.exercise) == Some(session.beat);
    if let Some(exercise) = session.plan.exercises.get(beat.exercise)
        && first
    {
        lines.push(format!(
            "  {} ({}), {}:",
            exercise.name,
            exercise.position.label(),
            exercise.dose_short()
        ));
        for (n, step) in exercise.steps.iter().enumerate() {
            lines.push(format!("  {}. {step}", n + 1));
        }
    }
    if beat.kind == BeatKind::Manual {
        lines.push("Press Enter when done.".to_owned());
    }
    lines
}

/// The rating on offer at `now`, as a question: its keys, and that it
/// passes by itself. Not asked again once given (another answer still
/// changes it while the offer lasts).
pub fn rating(session: &Session, now: std::time::Instant) -> Option<String> {
    if session.rating_offer(now)?.given.is_some() {
        return None;
    }
    let name = session.rating_asked(now)?;
    let keys = Rating::keys(|key, label| format!("{key} ({label})"), ", ");
    Some(format!(
        "How was {name}? Type {keys} within {} seconds, if you like; Enter skips.",
        RATE_WINDOW.as_secs()
    ))
}

/// Paused or going on again.
pub fn pause(session: &Session) -> String {
    match (&session.paused_for, session.paused) {
        (Some(_), true) => "Paused for the heat/cold alarm. Type p to resume.".to_owned(),
        (None, true) => "Paused. Type p to resume.".to_owned(),
        (_, false) => "Resumed.".to_owned(),
    }
}

/// "Leave the session?"
pub const CONFIRM: &str =
    "Leave the session? It goes into your history as abandoned. Type y to leave, or n to carry on.";

/// The end: how it ended, time, exercises, pain.
pub fn summary(session: &Session) -> Vec<String> {
    let record = session.record();
    let pain = |p: Option<u8>| p.map_or("not given".to_owned(), |v| format!("{v} of 10"));
    let mut lines = vec![
        format!(
            "{}: {}. Time taken {}.",
            session.plan.routine_name,
            record.honest_outcome().label(),
            clock(Duration::from_secs(record.duration_secs))
        ),
        format!(
            "Exercises: {} done, {} skipped, of {}. Pain before: {}; after: {}.",
            record.count(ExerciseOutcome::Done),
            record.count(ExerciseOutcome::Skipped),
            record.exercises.len(),
            pain(record.pain_before),
            pain(record.pain_after)
        ),
    ];
    if let (Some(before), Some(after)) = (record.pain_before, record.pain_after)
        && after > before
    {
        lines.push(
            "! Your pain went up. If it stays, see a physician or physical therapist.".to_owned(),
        );
    }
    lines
}

/// The dose suggestion on offer after a session, and how to answer it.
pub fn suggestion(app: &App) -> Vec<String> {
    let Some(words) = suggestion::words(app) else {
        return Vec::new();
    };
    let mut lines = vec![words.heading];
    lines.extend(words.body.into_iter().map(|line| format!("  {line}")));
    lines.extend(words.warning.map(|line| format!("  {line}")));
    lines.push(format!(
        "Type y{} Just Enter leaves it.",
        suggestion::ACCEPT
    ));
    lines
}

/// Stopped for pain: what to do now, from the content's warning sections.
pub fn hurt(app: &App) -> Vec<String> {
    let mut lines = vec![
        "Stopped. Rest and let your back settle; do not push on.".to_owned(),
        "This session is in your history as stopped for pain.".to_owned(),
    ];
    for id in HURT_SECTIONS {
        let Some(section) = app.content.warning(id) else {
            continue;
        };
        lines.push(format!("{}: {}", section.title, section.intro));
        for item in &section.items {
            let mark = if item.urgent { "! URGENT: " } else { "- " };
            lines.push(format!("  {mark}{}: {}", item.title, item.text));
        }
    }
    lines
}
