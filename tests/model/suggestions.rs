//! Dose suggestions on synthetic histories, one rule at a time: a step up
//! after three sessions rated easy with no rise in pain, never within a
//! week of a stop for pain; a step down (with flare-up care) after a
//! painful rating, a stop for pain, or pain up by 2 points or more; the
//! routine's bounds always hold; an accepted step is recorded and applies
//! to later sessions.

use std::time::Instant;

use backcoach::app::{self, App, Cmd, Intent, Now};
use backcoach::content::catalog::Content;
use backcoach::domain::dose_step::{Adjusted, Direction, effective};
use backcoach::domain::plan::Plan;
use backcoach::domain::record::Record;
use backcoach::domain::session_record::{
    ExerciseOutcome, ExerciseResult, Rating, SessionOutcome, SessionRecord,
};
use backcoach::domain::suggest::{DoseChange, suggest};
use backcoach::store::Store;
use chrono::{DateTime, FixedOffset, Local, NaiveDate, TimeZone};

use crate::support::model::acknowledged;
use crate::support::screen::fixture;

const CONTENT: &str = r#"(
    version: 1,
    exercises: [
        (id: "press", name: "Back press", position: lying_on_back, steps: ["Press."],
         dose: (hold_secs: 10), easier: "rest", harder: "press_plus"),
        (id: "press_plus", name: "Long press", position: lying_on_back, steps: ["Press longer."],
         dose: (hold_secs: 12), easier: "press"),
        (id: "rest", name: "Rest", position: lying_on_back, steps: ["Rest."],
         dose: (hold_secs: 10)),
        (id: "tilt", name: "Tilt", position: lying_on_back, steps: ["Tilt."],
         dose: (hold_secs: 10, reps: 2)),
    ],
    routines: [
        (id: "core", name: "Core", items: [(exercise: "press"), (exercise: "tilt")],
         max_hold_secs: 12, max_reps: 3),
        (id: "free", name: "Free", items: [(exercise: "tilt")]),
    ],
)"#;

fn content() -> Content {
    fixture("core.ron", CONTENT)
}

fn day(d: u32) -> DateTime<FixedOffset> {
    FixedOffset::east_opt(3600)
        .unwrap()
        .with_ymd_and_hms(2026, 11, d, 9, 0, 0)
        .unwrap()
}

/// A session of `routine` on day `d` with each exercise done and rated.
fn session(d: u32, routine: &str, rated: &[(&str, Option<Rating>)]) -> SessionRecord {
    SessionRecord {
        started: day(d),
        duration_secs: 300,
        routine: routine.into(),
        exercises: rated
            .iter()
            .map(|(id, rating)| ExerciseResult {
                exercise: (*id).into(),
                outcome: ExerciseOutcome::Done,
                rating: *rating,
            })
            .collect(),
        pain_before: Some(3),
        pain_after: Some(3),
        outcome: SessionOutcome::Completed,
    }
}

fn easy(d: u32) -> SessionRecord {
    session(
        d,
        "core",
        &[
            ("press", Some(Rating::Easy)),
            ("tilt", Some(Rating::AboutRight)),
        ],
    )
}

fn now(d: u32) -> DateTime<FixedOffset> {
    day(d) + chrono::Duration::hours(1)
}

#[test]
fn three_easy_sessions_in_a_row_suggest_the_harder_variant() {
    let c = content();
    let sessions = [easy(10), easy(11), easy(12)];
    let s = suggest(&c, "core", &sessions, &[], &[], now(12)).unwrap();
    assert_eq!(s.direction, Direction::Harder);
    assert_eq!(s.change.slot, "press");
    assert_eq!(s.change.exercise, "press_plus");
    assert_eq!(s.change.flare_until, None);
    assert!(
        s.reason.contains("easy 3 sessions in a row"),
        "{}",
        s.reason
    );
    // Two are not enough.
    assert_eq!(suggest(&c, "core", &sessions[1..], &[], &[], now(12)), None);
    // A session of another routine in between does not break the run.
    let mixed = [easy(10), session(10, "free", &[]), easy(11), easy(12)];
    assert!(suggest(&c, "core", &mixed, &[], &[], now(12)).is_some());
    // One not rated easy breaks it.
    let mut broken = sessions.to_vec();
    broken[1].exercises[0].rating = Some(Rating::AboutRight);
    assert_eq!(suggest(&c, "core", &broken, &[], &[], now(12)), None);
}

#[test]
fn a_rise_in_pain_keeps_the_dose() {
    let c = content();
    let mut sessions = [easy(10), easy(11), easy(12)];
    sessions[0].pain_after = Some(4);
    assert_eq!(suggest(&c, "core", &sessions, &[], &[], now(12)), None);
}

#[test]
fn no_step_up_within_a_week_of_a_stop_for_pain() {
    let c = content();
    let mut stop = session(5, "free", &[("tilt", None)]);
    stop.outcome = SessionOutcome::StoppedForPain;
    let sessions = [stop.clone(), easy(10), easy(11), easy(12)];
    // The 5th at 09:00 is more than 7 days before the 12th at 10:00.
    assert!(suggest(&c, "core", &sessions, &[], &[], now(12)).is_some());
    stop.started = day(6);
    let sessions = [stop, easy(10), easy(11), easy(12)];
    assert_eq!(suggest(&c, "core", &sessions, &[], &[], now(12)), None);
}

#[test]
fn a_painful_rating_suggests_the_easier_step_and_flare_up_care() {
    let c = content();
    let sessions = [session(
        12,
        "core",
        &[("press", None), ("tilt", Some(Rating::Painful))],
    )];
    let s = suggest(&c, "core", &sessions, &[], &[], now(12)).unwrap();
    assert_eq!(s.direction, Direction::Easier);
    assert_eq!(s.reason, "rated painful");
    // Tilt has no easier variant: a shorter hold, the same reps.
    assert_eq!(
        (s.change.slot.as_str(), s.change.hold_secs, s.change.reps),
        ("tilt", Some(5), Some(2))
    );
    // Three days of flare-up care, today included.
    assert_eq!(s.change.flare_until, NaiveDate::from_ymd_opt(2026, 11, 14));
}

#[test]
fn a_stop_for_pain_suggests_the_easier_variant_of_the_stopped_exercise() {
    let c = content();
    let mut stop = session(12, "core", &[("press", None), ("tilt", None)]);
    stop.outcome = SessionOutcome::StoppedForPain;
    stop.exercises[0].outcome = ExerciseOutcome::Stopped;
    stop.exercises[1].outcome = ExerciseOutcome::NotReached;
    let s = suggest(&c, "core", &[stop], &[], &[], now(12)).unwrap();
    assert_eq!(s.direction, Direction::Easier);
    assert_eq!(s.change.exercise, "rest");
    assert!(s.reason.contains("this hurts"), "{}", s.reason);
}

#[test]
fn pain_two_points_above_before_suggests_the_easier_step() {
    let c = content();
    let mut rose = session(
        12,
        "core",
        &[("press", Some(Rating::Easy)), ("tilt", Some(Rating::Hard))],
    );
    rose.pain_after = Some(4);
    assert_eq!(
        suggest(&c, "core", &[rose.clone()], &[], &[], now(12)),
        None
    );
    rose.pain_after = Some(5);
    let s = suggest(&c, "core", &[rose], &[], &[], now(12)).unwrap();
    assert_eq!(s.direction, Direction::Easier);
    // The one rated hardest steps down.
    assert_eq!(s.change.slot, "tilt");
    assert_eq!(s.reason, "pain went from 3 to 5 (2 points or more)");
}

#[test]
fn the_routine_bounds_hold_for_every_step() {
    let c = content();
    // In `core` the tilt can go from 10 s to 12 s (max_hold_secs), then
    // from 2 to 3 reps (max_reps), then no further.
    let tilt_easy = |d| session(d, "core", &[("press", None), ("tilt", Some(Rating::Easy))]);
    let sessions = [tilt_easy(10), tilt_easy(11), tilt_easy(12)];
    let s = suggest(&c, "core", &sessions, &[], &[], now(12)).unwrap();
    assert_eq!((s.change.hold_secs, s.change.reps), (Some(12), Some(2)));
    let at_hold = [s.change];
    let s = suggest(&c, "core", &sessions, &[], &at_hold, now(12)).unwrap();
    assert_eq!((s.change.hold_secs, s.change.reps), (Some(12), Some(3)));
    let at_both = [s.change];
    assert_eq!(suggest(&c, "core", &sessions, &[], &at_both, now(12)), None);
    // An adjustment above the bounds (a routine changed since) is cut
    // back to them when the plan is built.
    let core = c.routine("core").unwrap();
    let over = [Adjusted {
        routine: "core".into(),
        slot: "tilt".into(),
        exercise: "tilt".into(),
        hold_secs: Some(60),
        reps: Some(9),
        flare_until: None,
    }];
    let plan = Plan::build_adjusted(core, &c, &over, day(12).date_naive());
    let tilt = &plan.exercises[1];
    assert_eq!((tilt.hold.unwrap().as_secs(), tilt.reps), (12, 3));
}

#[test]
fn sessions_before_an_accepted_change_do_not_count_again() {
    let c = content();
    let change = DoseChange {
        at: day(12) + chrono::Duration::hours(2),
        direction: Direction::Harder,
        reason: "rated easy".into(),
        change: Adjusted {
            routine: "core".into(),
            slot: "press".into(),
            exercise: "press_plus".into(),
            hold_secs: None,
            reps: None,
            flare_until: None,
        },
        doses: Vec::new(),
    };
    let doses = vec![change.change.clone()];
    let plus = |d| {
        session(
            d,
            "core",
            &[("press_plus", Some(Rating::Easy)), ("tilt", None)],
        )
    };
    let mut sessions = vec![easy(10), easy(11), easy(12), plus(13), plus(14)];
    let changes = [change];
    assert_eq!(
        suggest(&c, "core", &sessions, &changes, &doses, now(14)),
        None
    );
    sessions.push(plus(15));
    let s = suggest(&c, "core", &sessions, &changes, &doses, now(15)).unwrap();
    // The long press has no harder variant and its 12 s hold is at the
    // routine's bound: one more rep.
    assert_eq!(
        (
            s.change.exercise.as_str(),
            s.change.hold_secs,
            s.change.reps
        ),
        ("press_plus", Some(12), Some(2))
    );
}

fn app_now(d: u32) -> Now {
    Now::new(
        Instant::now(),
        Local.with_ymd_and_hms(2026, 11, d, 10, 0, 0).unwrap(),
    )
}

/// The app with a session of `core` on the 12th in its history, the
/// press rated painful, and `core` started again that day.
fn started_after_a_painful_session() -> App {
    let mut app = acknowledged(content());
    let painful = SessionRecord {
        started: Local
            .with_ymd_and_hms(2026, 11, 12, 9, 0, 0)
            .unwrap()
            .fixed_offset(),
        ..session(
            12,
            "core",
            &[("press", Some(Rating::Painful)), ("tilt", None)],
        )
    };
    app::programme::absorb(&mut app, &[Record::Session(painful)]);
    app::start_routine(&mut app, "core", app_now(12)).unwrap();
    app
}

#[test]
fn accepting_records_the_change_and_later_sessions_use_it() {
    // The app works the suggestion out when a session is recorded: here
    // one recorded through a hurt stop at the check-in of `core`.
    let mut app = started_after_a_painful_session();
    let cmds = app::update(&mut app, Intent::Hurt, app_now(12));
    assert!(
        cmds.iter()
            .any(|c| matches!(c, Cmd::Append(Record::Session(_))))
    );
    let s = app.doses.suggestion.clone().unwrap();
    assert_eq!(
        (s.direction, s.change.exercise.as_str()),
        (Direction::Easier, "rest")
    );
    let cmds = app::update(&mut app, Intent::Yes, app_now(12));
    let change = cmds
        .iter()
        .find_map(|c| match c {
            Cmd::Append(Record::DoseChange(change)) => Some((**change).clone()),
            _ => None,
        })
        .unwrap();
    assert_eq!(change.doses, vec![s.change.clone()]);
    assert!(app.doses.suggestion.is_none());
    assert!(app.notice.as_deref().unwrap().starts_with("Accepted"));
    // A second y does nothing.
    assert!(app::update(&mut app, Intent::Yes, app_now(12)).is_empty());
    // The next session of core runs the rest, with halved holds in the
    // flare-up days, then the full hold.
    app::update(&mut app, Intent::Back, app_now(13));
    app::start_routine(&mut app, "core", app_now(13)).unwrap();
    let plan = &app.session.as_ref().unwrap().plan;
    assert_eq!(plan.exercises[0].exercise_id, "rest");
    assert_eq!(plan.exercises[0].hold.unwrap().as_secs(), 5);
    app::update(&mut app, Intent::Back, app_now(20));
    app::start_routine(&mut app, "core", app_now(20)).unwrap();
    let plan = &app.session.as_ref().unwrap().plan;
    assert_eq!(plan.exercises[0].hold.unwrap().as_secs(), 10);

    // Recorded, found again however old, and read back the same.
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    store
        .append(&Record::DoseChange(Box::new(change.clone())))
        .unwrap();
    store
        .append(&Record::Session(session(20, "core", &[])))
        .unwrap();
    assert_eq!(store.last_dose_change().unwrap(), Some(change.clone()));
    let loaded = store.load_history::<Record>(Local::now()).unwrap();
    assert_eq!(loaded.records[0], Record::DoseChange(Box::new(change)));
    assert!(loaded.notice().is_none());
}

/// An adjustment as another machine or an older content might have
/// written it.
fn adjusted(routine: &str, slot: &str, exercise: &str, hold: u32, reps: u32) -> Adjusted {
    Adjusted {
        routine: routine.into(),
        slot: slot.into(),
        exercise: exercise.into(),
        hold_secs: Some(hold),
        reps: Some(reps),
        flare_until: None,
    }
}

#[test]
fn an_adjustment_from_the_history_runs_only_linked_variants_within_bounds() {
    let content = content();
    let today = NaiveDate::from_ymd_opt(2026, 11, 20).unwrap();
    let run = |routine: &str, doses: &[Adjusted]| {
        let routine = content.routine(routine).unwrap();
        let item = &routine.items[0];
        let (exercise, hold, reps, _) = effective(&content, routine, item, doses, today).unwrap();
        (exercise.id.clone(), hold, reps)
    };
    // A variant the card links to (press → harder press_plus) runs.
    let linked = adjusted("core", "press", "press_plus", 12, 1);
    assert_eq!(run("core", &[linked]).0, "press_plus");
    // An exercise the card does not link to is never put in the slot,
    // and its numbers are not applied either.
    let unlinked = adjusted("core", "press", "tilt", 200, 1);
    assert_eq!(run("core", &[unlinked]), ("press".into(), Some(10), 1));
    // A hold past the routine's bound is brought back to it.
    let long = adjusted("core", "press", "press", 10_000, 1);
    assert_eq!(run("core", &[long]).1, Some(12));
    // Reps with no bound in the routine nor a sources' range: at most
    // twice the routine's (tilt: 2).
    let many = adjusted("free", "tilt", "tilt", 10, 1_000_000);
    assert_eq!(run("free", &[many]).2, 4);
}

#[test]
fn plain_mode_offers_the_suggestion_and_takes_y_or_enter() {
    use backcoach::runtime::plain::{Answer, Printed, Spot, answer, lines};
    let mut app = started_after_a_painful_session();
    let mut printed = Printed::default();
    lines(&mut printed, &app, app_now(12));
    app::update(&mut app, Intent::Hurt, app_now(12));
    let said = lines(&mut printed, &app, app_now(12));
    let spot = printed.spot.clone().unwrap();
    assert_eq!(spot, Spot::SessionHurt { offered: true });
    assert!(
        said.iter()
            .any(|l| l.starts_with("Suggestion: an easier step for Back press")),
        "{said:?}"
    );
    assert!(
        said.iter()
            .any(|l| l.contains("From your next session: Rest"))
    );
    assert!(said.iter().any(|l| l.starts_with("  ! ")), "{said:?}");
    assert_eq!(
        said.last().map(String::as_str),
        Some(
            "Type y to accept it for your next sessions of this routine, or leave it. Just Enter leaves it."
        )
    );
    assert_eq!(answer(&spot, "y", &app), Answer::Intents(vec![Intent::Yes]));
    assert_eq!(
        answer(&spot, "", &app),
        Answer::Intents(vec![Intent::Select])
    );
    assert!(matches!(answer(&spot, "maybe", &app), Answer::Hint(_)));

    let cmds = app::update(&mut app, Intent::Yes, app_now(12));
    assert!(
        cmds.iter()
            .any(|c| matches!(c, Cmd::Append(Record::DoseChange(_))))
    );
    let said = lines(&mut printed, &app, app_now(12));
    assert_eq!(printed.spot, Some(Spot::SessionHurt { offered: false }));
    // The notice says it was taken; the guidance is not printed again.
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(said[0].starts_with("Accepted: the easier step"), "{said:?}");
}
