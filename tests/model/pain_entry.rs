//! Pain entry: a `1` then a `0` within a short moment is 10, the `1`
//! waits visibly for it, and nothing becomes 0 by accident. Driven
//! through the real `update` with explicit times.

use std::time::Instant;

use backcoach::app::{self, App, Cmd, Intent, Outcome};
use backcoach::domain::record::Record;
use backcoach::domain::session::{Phase, TEN_WINDOW};
use backcoach::domain::session_record::SessionRecord;

use crate::support::model::{Clock, acknowledged};

fn at_check_in(clock: &Clock) -> App {
    let mut app = acknowledged(crate::sessions::fixture());
    app::start_routine(&mut app, "mini", clock.secs_f64(0.0)).unwrap();
    app
}

fn choice(app: &App) -> (Option<u8>, bool) {
    let s = app.session.as_ref().unwrap();
    (s.pain_choice, s.ten_pending())
}

fn recorded(cmds: &[Cmd]) -> Vec<SessionRecord> {
    cmds.iter()
        .filter_map(|c| match c {
            Cmd::Append(Record::Session(r)) => Some(r.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn one_then_zero_within_the_moment_is_ten_at_check_in_and_check_out() {
    let clock = Clock(Instant::now());
    let mut app = at_check_in(&clock);
    app::update(&mut app, Intent::Digit(1), clock.secs_f64(0.0));
    assert_eq!(choice(&app), (Some(1), true), "the 1 waits for a 0");
    app::update(&mut app, Intent::Digit(0), clock.secs_f64(1.0));
    assert_eq!(choice(&app), (Some(10), false));
    app::update(&mut app, Intent::Select, clock.secs_f64(1.2));
    assert_eq!(app.session.as_ref().unwrap().pain_before, Some(10));

    // Skip every exercise to the check-out, and do it again there.
    for t in 2..5 {
        app::update(&mut app, Intent::Next, clock.secs_f64(f64::from(t)));
    }
    assert_eq!(app.session.as_ref().unwrap().phase, Phase::CheckOut);
    app::update(&mut app, Intent::Digit(1), clock.secs_f64(10.0));
    app::update(&mut app, Intent::Digit(0), clock.secs_f64(10.0));
    let cmds = app::update(&mut app, Intent::Select, clock.secs_f64(10.0));
    let records = recorded(&cmds);
    assert_eq!(records.len(), 1);
    assert_eq!(
        (records[0].pain_before, records[0].pain_after),
        (Some(10), Some(10))
    );
}

#[test]
fn a_lone_one_settles_to_one_at_a_deadline_not_a_sleep() {
    let clock = Clock(Instant::now());
    let mut app = at_check_in(&clock);
    assert_eq!(app::next_wakeup(&app, clock.secs_f64(0.0)), None);
    app::update(&mut app, Intent::Digit(1), clock.secs_f64(0.0));
    // The loop wakes when the moment ends, to show the 1 settled.
    assert_eq!(
        app::next_wakeup(&app, clock.secs_f64(0.0)),
        Some(clock.0 + TEN_WINDOW)
    );
    app::update(&mut app, Outcome::Tick, clock.secs_f64(0.5));
    assert_eq!(choice(&app), (Some(1), true), "not yet");
    let end = TEN_WINDOW.as_secs_f64();
    app::update(&mut app, Outcome::Tick, clock.secs_f64(end));
    assert_eq!(choice(&app), (Some(1), false));
    assert_eq!(app::next_wakeup(&app, clock.secs_f64(end)), None);
    // A 0 after the moment is a new answer of 0, shown as such.
    app::update(&mut app, Intent::Digit(0), clock.secs_f64(end + 1.0));
    assert_eq!(choice(&app), (Some(0), false));
}

#[test]
fn a_zero_after_the_moment_is_zero_even_without_a_tick() {
    let clock = Clock(Instant::now());
    let mut app = at_check_in(&clock);
    app::update(&mut app, Intent::Digit(1), clock.secs_f64(0.0));
    let late = TEN_WINDOW.as_secs_f64() + 0.01;
    app::update(&mut app, Intent::Digit(0), clock.secs_f64(late));
    assert_eq!(choice(&app), (Some(0), false));
}

#[test]
fn enter_keeps_a_pending_one_and_other_keys_end_the_moment() {
    let clock = Clock(Instant::now());
    let mut app = at_check_in(&clock);
    app::update(&mut app, Intent::Digit(1), clock.secs_f64(0.0));
    app::update(&mut app, Intent::Up, clock.secs_f64(0.1));
    assert_eq!(choice(&app), (Some(2), false), "↑ from 1 is 2, not waiting");
    app::update(&mut app, Intent::Digit(0), clock.secs_f64(0.2));
    assert_eq!(choice(&app), (Some(0), false));
    app::update(&mut app, Intent::Digit(1), clock.secs_f64(0.3));
    app::update(&mut app, Intent::Digit(3), clock.secs_f64(0.4));
    assert_eq!(choice(&app), (Some(3), false), "1 then 3 is 3");
    app::update(&mut app, Intent::Digit(1), clock.secs_f64(0.5));
    app::update(&mut app, Intent::Select, clock.secs_f64(0.6));
    let s = app.session.as_ref().unwrap();
    assert_eq!(s.pain_before, Some(1));
    assert!(!s.ten_pending());
    assert_eq!(s.phase, Phase::Running);
}
