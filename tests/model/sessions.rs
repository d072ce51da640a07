//! Guided sessions driven through the real `update` with explicit times:
//! picking a routine, its estimated length, every transition with the
//! exact remaining time, a routine's own get-ready, and no drift over 200
//! holds. The keys that stop, leave or pause a session: `session_keys`.
//! The helpers here are shared with it.

use std::time::Duration;

use backcoach::app::{self, App, Cmd, Intent, Now, Outcome, Screen};
use backcoach::content::catalog::Content;
use backcoach::content::load;
use backcoach::content::source::{self, Source};
use backcoach::domain::plan::{BeatKind, Plan, Side};
use backcoach::domain::record::Record;
use backcoach::domain::session::Phase;
use backcoach::domain::session_record::{ExerciseOutcome, SessionOutcome, SessionRecord};
use chrono::{Local, TimeZone};

pub(crate) use crate::support::model::Clock;
use crate::support::model::acknowledged;
use crate::support::screen;

/// The sessions fixture: short routines with every kind of step.
pub(crate) fn fixture() -> Content {
    screen::fixture("sessions.ron", include_str!("../fixtures/sessions.ron"))
}

pub(crate) const S: Duration = Duration::from_secs(1);

pub(crate) fn app() -> App {
    acknowledged(fixture())
}

pub(crate) fn started(routine: &str, clock: &Clock) -> App {
    let mut app = app();
    app::start_routine(&mut app, routine, clock.secs_f64(0.0)).unwrap();
    app
}

pub(crate) fn phase(app: &App) -> Phase {
    app.session.as_ref().unwrap().phase
}

pub(crate) fn kind(app: &App) -> BeatKind {
    app.session.as_ref().unwrap().current().unwrap().kind
}

pub(crate) fn left(app: &App, now: Now) -> Duration {
    app.session
        .as_ref()
        .unwrap()
        .timer()
        .unwrap()
        .remaining(now.instant)
}

fn said(app: &App) -> String {
    app.session
        .as_ref()
        .unwrap()
        .announcement
        .clone()
        .unwrap_or_default()
}

pub(crate) fn appended(cmds: &[Cmd]) -> Vec<SessionRecord> {
    cmds.iter()
        .filter_map(|c| match c {
            Cmd::Append(Record::Session(r)) => Some(r.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn picked_from_home_through_the_picker_and_preview() {
    let clock = Clock::new();
    let mut app = app();
    let now = clock.secs_f64(0.0);
    for msg in [Intent::Down, Intent::Select] {
        app::update(&mut app, msg, now);
    }
    assert_eq!(app.screen, Screen::Routines);
    app::update(&mut app, Intent::Down, now);
    app::update(&mut app, Intent::Select, now);
    assert_eq!(app.screen, Screen::RoutinePreview);
    assert_eq!(app::selected_plan(&app).unwrap().routine_id, "gentle");
    app::update(&mut app, Intent::Back, now);
    app::update(&mut app, Intent::Up, now);
    app::update(&mut app, Intent::Select, now);
    app::update(&mut app, Intent::Select, now);
    assert_eq!(app.screen, Screen::Session);
    assert_eq!(phase(&app), Phase::CheckIn);
    assert_eq!(app.session.as_ref().unwrap().plan.routine_id, "mini");
    // Esc at the check-in goes back without recording anything.
    let cmds = app::update(&mut app, Intent::Back, now);
    assert!(cmds.is_empty());
    assert_eq!(app.screen, Screen::RoutinePreview);
    assert!(app.session.is_none());
}

#[test]
fn estimated_length_is_computed_from_the_doses() {
    let content = fixture();
    let mini = Plan::build(&content.routines[0], &content);
    // twist: 8 holds of 5 s; get-ready 10 + 3 + 5 + 3 + 5 + 3 + 5 + 3.
    // march: 2 reps at the 5 s estimate. press: 10 s get-ready + 5 s hold.
    assert_eq!(mini.estimated(), Duration::from_secs(40 + 37 + 10 + 15));
    let gentle = Plan::build(&content.routines[1], &content);
    assert_eq!(gentle.estimated(), Duration::from_secs(10 + 60));
}

#[test]
fn built_in_routines_hit_their_target_lengths() {
    let content = load::load(&source::builtin()).unwrap();
    let minutes = |id: &str| {
        let routine = content.routines.iter().find(|r| r.id == id).unwrap();
        Plan::build(routine, &content).estimated().as_secs_f64() / 60.0
    };
    let desk = minutes("desk_reset");
    assert!((4.5..=5.5).contains(&desk), "desk reset {desk} min");
    let floor = minutes("floor_mobility");
    assert!((9.5..=10.5).contains(&floor), "floor mobility {floor} min");
    assert!(minutes("after_sitting") <= 5.5);
    assert!(minutes("stenosis_friendly") > 0.0);
}

#[test]
fn every_transition_with_exact_remaining_times() {
    let clock = Clock::new();
    let mut app = started("mini", &clock);
    assert!(!app.session.as_ref().unwrap().is_counting_down());
    app::update(&mut app, Intent::Digit(4), clock.secs_f64(0.0));
    let cmds = app::update(&mut app, Intent::Select, clock.secs_f64(0.0));
    assert!(cmds.contains(&Cmd::Bell));
    let s = app.session.as_ref().unwrap();
    assert_eq!(s.pain_before, Some(4));
    assert_eq!(s.phase, Phase::Running);
    assert!(s.is_counting_down());
    // Get ready: 10 s before the first hold; the runtime wakes each second.
    assert_eq!(kind(&app), BeatKind::GetReady);
    assert_eq!(left(&app, clock.secs_f64(0.0)), 10 * S);
    assert_eq!(
        app::next_wakeup(&app, clock.secs_f64(0.0)),
        Some(clock.0 + S)
    );
    let beat = *app.session.as_ref().unwrap().current().unwrap();
    assert_eq!((beat.set, beat.side, beat.rep), (1, Some(Side::Right), 1));

    // The hold starts when the get-ready ends and lasts 5 s.
    let cmds = app::update(&mut app, Outcome::Tick, clock.secs_f64(10.0));
    assert_eq!(cmds, vec![Cmd::Bell]);
    assert_eq!(kind(&app), BeatKind::Hold);
    assert_eq!(said(&app), "Hold");
    assert_eq!(left(&app, clock.secs_f64(10.0)), 5 * S);
    // Not over a hair before 5 s, over at 5 s.
    app::update(&mut app, Outcome::Tick, clock.secs_f64(14.999));
    assert_eq!(kind(&app), BeatKind::Hold);
    app::update(&mut app, Outcome::Tick, clock.secs_f64(15.0));
    assert_eq!(said(&app), "Rep 2 of 2");
    assert_eq!(left(&app, clock.secs_f64(15.0)), 3 * S);

    // Rep 2 hold, then the side switch, with a late tick: the new beat
    // still started when the old one ended.
    app::update(&mut app, Outcome::Tick, clock.secs_f64(18.0));
    assert_eq!(kind(&app), BeatKind::Hold);
    app::update(&mut app, Outcome::Tick, clock.secs_f64(24.5));
    assert_eq!(said(&app), "Switch to the left side");
    let beat = *app.session.as_ref().unwrap().current().unwrap();
    assert_eq!(
        (beat.side, beat.rep, beat.kind),
        (Some(Side::Left), 1, BeatKind::GetReady)
    );
    assert_eq!(
        left(&app, clock.secs_f64(24.5)),
        Duration::from_millis(3_500)
    );

    // Through the left side to set 2.
    for t in [28.0, 33.0, 36.0] {
        app::update(&mut app, Outcome::Tick, clock.secs_f64(t));
    }
    assert_eq!(kind(&app), BeatKind::Hold);
    app::update(&mut app, Outcome::Tick, clock.secs_f64(41.0));
    assert_eq!(said(&app), "Set 2 of 2");
    let beat = *app.session.as_ref().unwrap().current().unwrap();
    assert_eq!((beat.set, beat.side, beat.rep), (2, Some(Side::Right), 1));

    // Pause: paused time is not counted.
    app::update(&mut app, Intent::TogglePause, clock.secs_f64(42.0));
    assert!(!app.session.as_ref().unwrap().is_counting_down());
    assert_eq!(app::next_wakeup(&app, clock.secs_f64(42.0)), None);
    app::update(&mut app, Outcome::Tick, clock.secs_f64(500.0));
    assert_eq!(left(&app, clock.secs_f64(500.0)), 4 * S);
    app::update(&mut app, Intent::TogglePause, clock.secs_f64(500.0));
    assert_eq!(
        left(&app, clock.secs_f64(501.5)),
        Duration::from_millis(2_500)
    );
    assert_eq!(
        app.session
            .as_ref()
            .unwrap()
            .elapsed(clock.secs_f64(501.0).instant),
        43 * S
    );

    // n skips the rest of the twist; the march has no hold.
    let cmds = app::update(&mut app, Intent::Next, clock.secs_f64(502.0));
    assert!(cmds.contains(&Cmd::Bell));
    assert_eq!(said(&app), "Skipped Chair twist. Next: Slow march");
    assert_eq!(kind(&app), BeatKind::Manual);
    assert!(!app.session.as_ref().unwrap().is_counting_down());
    assert_eq!(app::next_wakeup(&app, clock.secs_f64(502.0)), None);
    // Nothing moves by itself on a step without a hold.
    app::update(&mut app, Outcome::Tick, clock.secs_f64(900.0));
    assert_eq!(kind(&app), BeatKind::Manual);
    app::update(&mut app, Intent::Select, clock.secs_f64(900.0));
    assert_eq!(said(&app), "Rep 2 of 2");
    app::update(&mut app, Intent::Select, clock.secs_f64(901.0));
    assert_eq!(said(&app), "Next exercise: Back press");
    assert_eq!(
        app.session.as_ref().unwrap().results(),
        &[
            ExerciseOutcome::Skipped,
            ExerciseOutcome::Done,
            ExerciseOutcome::NotReached
        ]
    );

    // p goes back to the start of the previous exercise.
    app::update(&mut app, Intent::Previous, clock.secs_f64(902.0));
    assert_eq!(said(&app), "Back to Slow march");
    assert_eq!(app.session.as_ref().unwrap().current().unwrap().rep, 1);
    assert_eq!(
        app.session.as_ref().unwrap().results()[1],
        ExerciseOutcome::NotReached
    );
    app::update(&mut app, Intent::Select, clock.secs_f64(903.0));
    app::update(&mut app, Intent::Select, clock.secs_f64(904.0));
    // Enter during a get-ready starts the hold now.
    app::update(&mut app, Intent::Select, clock.secs_f64(905.0));
    assert_eq!(kind(&app), BeatKind::Hold);
    assert_eq!(left(&app, clock.secs_f64(905.0)), 5 * S);
    let cmds = app::update(&mut app, Outcome::Tick, clock.secs_f64(910.0));
    assert_eq!(cmds, vec![Cmd::Bell]);
    assert_eq!(phase(&app), Phase::CheckOut);
    assert_eq!(app::next_wakeup(&app, clock.secs_f64(910.0)), None);

    // Check-out, then the summary and one record.
    app::update(&mut app, Intent::Up, clock.secs_f64(920.0));
    app::update(&mut app, Intent::Up, clock.secs_f64(920.0));
    let cmds = app::update(&mut app, Intent::Select, clock.secs_f64(920.0));
    assert_eq!(phase(&app), Phase::Summary);
    let records = appended(&cmds);
    assert_eq!(records.len(), 1);
    let record = &records[0];
    assert_eq!(record.outcome, SessionOutcome::Completed);
    assert_eq!((record.pain_before, record.pain_after), (Some(4), Some(1)));
    assert_eq!(record.routine, "mini");
    assert_eq!(record.count(ExerciseOutcome::Done), 2);
    assert_eq!(record.count(ExerciseOutcome::Skipped), 1);
    // 42 s, then 500 s to 910 s: the 458 s paused are not counted.
    assert_eq!(record.duration_secs, 42 + 410);
    assert_eq!(
        record.started,
        Local
            .with_ymd_and_hms(2026, 11, 22, 9, 0, 0)
            .unwrap()
            .fixed_offset()
    );
    // Enter leaves the summary.
    app::update(&mut app, Intent::Select, clock.secs_f64(921.0));
    assert_eq!(app.screen, Screen::Routines);
    assert!(app.session.is_none());
}

#[test]
fn two_hundred_holds_accumulate_no_drift() {
    let clock = Clock::new();
    let mut app = started("long", &clock);
    app::update(&mut app, Intent::Next, clock.secs_f64(0.0));
    // Wake up late every time, by a varying amount under a second.
    let mut deadline = 10.0;
    let mut holds = 0;
    while phase(&app) == Phase::Running {
        let late = f64::from(u32::try_from(holds % 7).unwrap()) * 0.13;
        let now = clock.secs_f64(deadline + late);
        let was_hold = kind(&app) == BeatKind::Hold;
        app::update(&mut app, Outcome::Tick, now);
        holds += usize::from(was_hold);
        if phase(&app) != Phase::Running {
            break;
        }
        let length = if kind(&app) == BeatKind::Hold {
            5.0
        } else {
            3.0
        };
        deadline += length;
        assert_eq!(
            left(&app, now),
            clock.secs_f64(deadline).instant - now.instant,
            "after {holds} holds"
        );
    }
    assert_eq!(holds, 200);
    assert_eq!(phase(&app), Phase::CheckOut);
    // 10 + 5 + 199 × (3 + 5) seconds exactly.
    let cmds = app::update(&mut app, Intent::Next, clock.secs_f64(5_000.0));
    assert_eq!(appended(&cmds)[0].duration_secs, 1_607);
}

#[test]
fn an_unknown_routine_lists_the_valid_ids() {
    let mut app = app();
    let err = app::start_routine(&mut app, "nope", Clock::new().secs_f64(0.0)).unwrap_err();
    assert_eq!(err, "unknown routine `nope`; valid ids: mini, gentle, long");
    assert!(app.session.is_none());
}

#[test]
fn a_routine_may_set_its_own_get_ready() {
    let text = include_str!("../fixtures/sessions.ron").replace(
        "summary: \"Only a press.\",",
        "summary: \"Only a press.\", get_ready_secs: 2,",
    );
    let content = load::load(&[Source {
        name: "sessions.ron".into(),
        text,
        builtin: false,
    }])
    .unwrap();
    let gentle = Plan::build(&content.routines[1], &content);
    assert_eq!(gentle.estimated(), Duration::from_secs(2 + 60));
}
