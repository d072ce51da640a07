//! Snapshots of the guided-session and history screens at 80x24, driven
//! through the real `update` on small fixture content, plus colour checks
//! and a sweep of terminal sizes.

use std::time::{Duration, Instant};

use crate::support::screen::{draw, find, screen, screen_at};
use backcoach::app::{self, App, Intent, Msg, Now, Outcome, Screen};
use backcoach::content::catalog::Content;
use backcoach::domain::progress::Progress;
use backcoach::domain::session_record::{
    ExerciseOutcome, ExerciseResult, SessionOutcome, SessionRecord,
};
use backcoach::store::Settings;
use backcoach::store::session_history::SessionHistory;
use chrono::{DateTime, Local, NaiveDate, TimeZone};
use insta::assert_snapshot;
use proptest::prelude::*;
use ratatui::style::Modifier;

fn fixture() -> Content {
    crate::support::screen::fixture("sessions.ron", include_str!("../fixtures/sessions.ron"))
}

fn at(t0: Instant, secs: f64) -> Now {
    Now::new(
        t0 + Duration::from_secs_f64(secs),
        Local.with_ymd_and_hms(2026, 11, 22, 9, 0, 0).unwrap(),
    )
}

fn app(color: bool) -> App {
    let settings = Settings {
        disclaimer_acknowledged: Some(Local.with_ymd_and_hms(2026, 11, 1, 9, 0, 0).unwrap()),
        ..Settings::default()
    };
    App::new(fixture(), settings, color)
}

/// Runs `steps` (seconds, message) from a fresh app on the home screen.
fn drive(color: bool, steps: &[(f64, Msg)]) -> App {
    let t0 = Instant::now();
    let mut app = app(color);
    for (secs, msg) in steps {
        app::update(&mut app, msg.clone(), at(t0, *secs));
    }
    app
}

/// Home → Guided session → the first routine (mini) → check-in.
fn to_check_in() -> Vec<(f64, Msg)> {
    vec![
        (0.0, Intent::Down.into()),
        (0.0, Intent::Select.into()),
        (0.0, Intent::Select.into()),
        (0.0, Intent::Select.into()),
    ]
}

fn running(extra: &[(f64, Msg)]) -> App {
    let mut steps = to_check_in();
    steps.push((0.0, Intent::Digit(3).into()));
    steps.push((0.0, Intent::Select.into()));
    steps.extend_from_slice(extra);
    drive(true, &steps)
}

fn record(day: u32, outcome: SessionOutcome, pain: (Option<u8>, Option<u8>)) -> SessionRecord {
    let started: DateTime<Local> = Local.with_ymd_and_hms(2026, 11, day, 8, 30, 0).unwrap();
    SessionRecord {
        started: started.fixed_offset(),
        duration_secs: 290,
        routine: "mini".into(),
        exercises: vec![
            ExerciseResult {
                exercise: "twist".into(),
                outcome: ExerciseOutcome::Done,
                rating: None,
            },
            ExerciseResult {
                exercise: "march".into(),
                outcome: ExerciseOutcome::Skipped,
                rating: None,
            },
        ],
        pain_before: pain.0,
        pain_after: pain.1,
        outcome,
    }
}

fn history_app() -> App {
    let records = vec![
        record(3, SessionOutcome::Completed, (Some(6), Some(4))),
        record(10, SessionOutcome::Abandoned, (Some(5), None)),
        record(19, SessionOutcome::Completed, (Some(5), Some(3))),
        record(20, SessionOutcome::StoppedForPain, (None, None)),
        record(21, SessionOutcome::Completed, (Some(4), Some(2))),
        record(22, SessionOutcome::Completed, (Some(3), Some(1))),
    ];
    let stood = |day: u32, hour: u32| {
        chrono::FixedOffset::east_opt(0)
            .unwrap()
            .with_ymd_and_hms(2026, 11, day, hour, 0, 0)
            .unwrap()
    };
    // Counted one record at a time, as the store reads the logs.
    let mut progress = Progress::new(NaiveDate::from_ymd_opt(2026, 11, 22).unwrap());
    for record in records {
        progress.add_session(record);
    }
    for at in [stood(20, 10), stood(20, 11), stood(21, 9), stood(22, 10)] {
        progress.add_standup(at);
    }
    let history = SessionHistory {
        progress,
        ..SessionHistory::default()
    };
    drive(
        true,
        &[
            // History is the last home entry.
            (0.0, Intent::Last.into()),
            (0.0, Intent::Select.into()),
            (0.0, Outcome::HistoryLoaded(Ok(history)).into()),
        ],
    )
}

#[test]
fn routine_picker() {
    let app = drive(
        true,
        &[(0.0, Intent::Down.into()), (0.0, Intent::Select.into())],
    );
    assert_eq!(app.screen, Screen::Routines);
    assert_snapshot!(screen(&app));
    assert_snapshot!("routine_picker_40x12", screen_at(&app, 40, 12));
}

#[test]
fn routine_preview() {
    let app = drive(true, &to_check_in()[..3]);
    assert_eq!(app.screen, Screen::RoutinePreview);
    assert_snapshot!(screen(&app));
    assert_snapshot!("routine_preview_40x12", screen_at(&app, 40, 12));
}

#[test]
fn pain_check_in() {
    let mut steps = to_check_in();
    steps.push((0.0, Intent::Digit(3).into()));
    let app = drive(true, &steps);
    assert_snapshot!(screen(&app));
    assert_snapshot!("pain_check_in_40x12", screen_at(&app, 40, 12));
}

#[test]
fn get_ready() {
    let app = running(&[(2.0, Outcome::Tick.into())]);
    assert_snapshot!(screen(&app));
    assert_snapshot!("get_ready_40x12", screen_at(&app, 40, 12));
}

#[test]
fn hold_running_in_big_digits() {
    let app = running(&[(10.0, Outcome::Tick.into()), (12.0, Outcome::Tick.into())]);
    assert_snapshot!(screen(&app));
    // Time left in words beside the digits: a screen reader reads those
    // as a row of blocks.
    assert!(screen(&app).contains("0:03 left"));
    assert_snapshot!("hold_running_40x12", screen_at(&app, 40, 12));
    assert_snapshot!("hold_running_24x6", screen_at(&app, 24, 6));
    let tiny = screen_at(&app, 20, 4);
    assert!(tiny.contains("Hold 0:03 left"), "{tiny}");
    assert_snapshot!("hold_running_20x4", tiny);
}

#[test]
fn switch_side() {
    let app = running(&[
        (10.0, Outcome::Tick.into()),
        (15.0, Outcome::Tick.into()),
        (18.0, Outcome::Tick.into()),
        (23.0, Outcome::Tick.into()),
    ]);
    assert_snapshot!(screen(&app));
    assert_snapshot!("switch_side_40x12", screen_at(&app, 40, 12));
}

#[test]
fn paused() {
    let app = running(&[
        (10.0, Outcome::Tick.into()),
        (11.5, Intent::TogglePause.into()),
    ]);
    assert_snapshot!(screen(&app));
    assert_snapshot!("paused_40x12", screen_at(&app, 40, 12));
}

#[test]
fn confirm_leave() {
    let app = running(&[(10.0, Outcome::Tick.into()), (11.0, Intent::Back.into())]);
    assert_snapshot!(screen(&app));
    assert_snapshot!("confirm_leave_40x12", screen_at(&app, 40, 12));
}

#[test]
fn step_without_a_hold() {
    let app = running(&[(1.0, Intent::Next.into())]);
    assert_snapshot!(screen(&app));
    assert_snapshot!("step_without_a_hold_40x12", screen_at(&app, 40, 12));
}

#[test]
fn hurt_guidance() {
    let app = running(&[(10.0, Outcome::Tick.into()), (12.0, Intent::Hurt.into())]);
    assert_snapshot!(screen(&app));
    assert_snapshot!("hurt_guidance_40x12", screen_at(&app, 40, 12));
}

#[test]
fn summary() {
    let app = running(&[
        (10.0, Outcome::Tick.into()),
        (11.0, Intent::Next.into()),
        (12.0, Intent::Select.into()),
        (13.0, Intent::Select.into()),
        (14.0, Intent::Select.into()),
        (19.0, Outcome::Tick.into()),
        (20.0, Intent::Digit(1).into()),
        (20.0, Intent::Select.into()),
    ]);
    assert_snapshot!(screen(&app));
    assert_snapshot!("summary_40x12", screen_at(&app, 40, 12));
}

#[test]
fn history_with_data() {
    assert_snapshot!(screen(&history_app()));
}

#[test]
fn history_with_data_in_a_small_pane_keeps_every_figure_and_the_list() {
    let app = history_app();
    let small = screen_at(&app, 40, 12);
    for figure in [
        "Streak",
        "Per week:",
        "Stand-ups,",
        "Started",
        "Pain",
        "hurt",
        "left",
    ] {
        assert!(small.contains(figure), "{figure} missing:\n{small}");
    }
    assert_snapshot!("history_with_data_40x12", small);
}

#[test]
fn history_empty() {
    let app = drive(
        true,
        &[
            // History is the last home entry.
            (0.0, Intent::Last.into()),
            (0.0, Intent::Select.into()),
            (
                0.0,
                Outcome::HistoryLoaded(Ok(SessionHistory::default())).into(),
            ),
        ],
    );
    assert_snapshot!(screen(&app));
    assert_snapshot!("history_empty_40x12", screen_at(&app, 40, 12));
}

#[test]
fn hurt_key_and_urgent_flags_stand_out_without_colour() {
    let mut steps = to_check_in();
    steps.extend([(0.0, Intent::Next.into()), (12.0, Intent::Hurt.into())]);
    let app = drive(false, &steps);
    let buffer = draw(&app, 80, 24);
    let (x, y) = find(&buffer, "!! Urgent");
    assert!(buffer[(x, y)].modifier.contains(Modifier::BOLD));
    let running = drive(false, &{
        let mut s = to_check_in();
        s.push((0.0, Intent::Next.into()));
        s
    });
    let buffer = draw(&running, 80, 24);
    let (x, y) = find(&buffer, "! this hurts");
    assert!(buffer[(x, y)].modifier.contains(Modifier::BOLD));
}

/// Every session and history state.
fn every_state() -> Vec<App> {
    let mut check_out = to_check_in();
    check_out.extend([
        (0.0, Intent::Next.into()),
        (1.0, Intent::Next.into()),
        (2.0, Intent::Next.into()),
        (3.0, Intent::Next.into()),
    ]);
    let mut states = vec![
        drive(
            true,
            &[(0.0, Intent::Down.into()), (0.0, Intent::Select.into())],
        ),
        drive(true, &to_check_in()[..3]),
        drive(true, &to_check_in()),
        running(&[(2.0, Outcome::Tick.into())]),
        running(&[
            (10.0, Outcome::Tick.into()),
            (11.0, Intent::TogglePause.into()),
        ]),
        running(&[(10.0, Outcome::Tick.into()), (11.0, Intent::Back.into())]),
        running(&[(1.0, Intent::Next.into())]),
        running(&[(10.0, Intent::Hurt.into())]),
        drive(true, &check_out),
        history_app(),
    ];
    let mut summary = drive(true, &check_out);
    app::update(&mut summary, Intent::Select, at(Instant::now(), 0.0));
    states.push(summary);
    let mut help = running(&[(2.0, Outcome::Tick.into())]);
    app::update(&mut help, Intent::ToggleHelp, at(Instant::now(), 0.0));
    states.push(help);
    states
}

#[test]
fn every_session_screen_renders_at_every_small_size() {
    let states = every_state();
    for width in 0..=120 {
        for height in 0..=40 {
            for state in &states {
                draw(state, width, height);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]
    #[test]
    fn every_session_screen_renders_at_any_size(width in 0u16..400, height in 0u16..200) {
        for state in every_state() {
            draw(&state, width, height);
        }
    }
}
