//! The plain front-end's two pure halves, driven with the real `update`
//! and explicit times: the renderer prints a line per beat and per
//! question (never a line per second), and each line typed means the
//! intents a key would, so the rules stay the model's.

use std::time::{Duration, Instant};

use backcoach::app::{self, App, Cmd, Intent, Now, Outcome};
use backcoach::domain::record::Record;
use backcoach::runtime::plain::{Answer, Printed, Spot, answer, lines};

use crate::support::model::{Clock, acknowledged};
use crate::support::screen::fixture;

const CONTENT: &str = r#"(
    version: 1,
    exercises: [
        (id: "long", name: "Long hold", position: lying_on_back, steps: ["Lie down.", "Stay."],
         dose: (hold_secs: 40, sides: both)),
        (id: "lift", name: "Knee lift", position: standing, steps: ["Lift a knee."],
         dose: (reps: 1)),
    ],
    routines: [
        (id: "slow", name: "Slow one", summary: "One long hold each side, then a lift.",
         get_ready_secs: 5, items: [(exercise: "long"), (exercise: "lift")]),
    ],
)"#;

fn app() -> App {
    acknowledged(fixture("slow.ron", CONTENT))
}

/// What plain mode does with one line: its intents go through `update`.
fn type_line(app: &mut App, printed: &Printed, line: &str, now: Now) -> Vec<Cmd> {
    let spot = printed.spot.clone().unwrap();
    match answer(&spot, line, app) {
        Answer::Intents(intents) => intents
            .into_iter()
            .flat_map(|i| app::update(app, i, now))
            .collect(),
        other => panic!("{line:?} at {spot:?} gave {other:?}"),
    }
}

#[test]
fn a_session_prints_a_line_per_beat_and_marks_a_long_hold_once() {
    let clock = Clock(Instant::now());
    let mut app = app();
    let mut printed = Printed::default();
    app::start_routine(&mut app, "slow", clock.secs(0)).unwrap();
    let check_in = lines(&mut printed, &app, clock.secs(0));
    assert!(
        check_in
            .last()
            .unwrap()
            .starts_with("Before you start: how much does your back hurt"),
        "{check_in:?}"
    );
    type_line(&mut app, &printed, "", clock.secs(0));
    let mut said = lines(&mut printed, &app, clock.secs(0));
    for t in 1..=100 {
        app::update(&mut app, Outcome::Tick, clock.secs(t));
        said.extend(lines(&mut printed, &app, clock.secs(t)));
    }
    assert_eq!(
        said,
        [
            "Long hold, right side. Get into position.",
            "  Long hold (lying on your back), 40 s · 1× each side:",
            "  1. Lie down.",
            "  2. Stay.",
            "Long hold: right side, hold 40 seconds.",
            "10 s left.",
            "Release. Now the left side.",
            "Long hold: left side, hold 40 seconds.",
            "10 s left.",
            "Release. Next: Knee lift.",
            "  Knee lift (standing), 1×:",
            "  1. Lift a knee.",
            "Press Enter when done.",
            "How was Long hold? Type e (easy), a (about right), h (hard), o (painful) within 8 seconds, if you like; Enter skips.",
        ]
    );
}

#[test]
fn ten_typed_as_one_line_records_ten() {
    let clock = Clock(Instant::now());
    let mut app = app();
    let mut printed = Printed::default();
    app::start_routine(&mut app, "slow", clock.secs(0)).unwrap();
    lines(&mut printed, &app, clock.secs(0));
    assert_eq!(
        answer(&Spot::CheckIn, "10", &app),
        Answer::Intents(vec![Intent::Digit(1), Intent::Digit(0), Intent::Select])
    );
    type_line(&mut app, &printed, "10", clock.secs(0));
    assert_eq!(app.session.as_ref().unwrap().pain_before, Some(10));
    // Leave at once: the record keeps the 10.
    lines(&mut printed, &app, clock.secs(1));
    let cmds = [type_line(&mut app, &printed, "q", clock.secs(1)), {
        lines(&mut printed, &app, clock.secs(1));
        type_line(&mut app, &printed, "y", clock.secs(1))
    }]
    .concat();
    let record = cmds
        .iter()
        .find_map(|c| match c {
            Cmd::Append(Record::Session(r)) => Some(r.clone()),
            _ => None,
        })
        .unwrap();
    assert_eq!(record.pain_before, Some(10));
}

#[test]
fn during_a_hold_answers_wait_commands_act_and_nonsense_is_refused() {
    let app = app();
    let hold = Spot::Beat {
        index: 1,
        paused: false,
        manual: false,
    };
    assert_eq!(answer(&hold, "4", &app), Answer::Later);
    assert_eq!(answer(&hold, "", &app), Answer::Later);
    assert_eq!(
        answer(&hold, " ! ", &app),
        Answer::Intents(vec![Intent::Hurt])
    );
    assert_eq!(
        answer(&hold, "P", &app),
        Answer::Intents(vec![Intent::TogglePause])
    );
    assert!(matches!(answer(&hold, "maybe", &app), Answer::Hint(_)));
    for bad in ["11", "-1", "3.5", "abc", "100"] {
        assert!(
            matches!(answer(&Spot::CheckOut, bad, &app), Answer::Hint(_)),
            "{bad}"
        );
    }
    assert_eq!(
        answer(&Spot::CheckOut, "", &app),
        Answer::Intents(vec![Intent::Next])
    );
    // Enter never starts a pack, nor passes the statement.
    assert_eq!(
        answer(&Spot::TherapyCheck(Duration::from_secs(60)), "", &app),
        Answer::Intents(vec![Intent::Select])
    );
    assert!(matches!(
        answer(&Spot::Disclaimer, "", &app),
        Answer::Hint(_)
    ));
    // Once every checklist question has an answer, y and n change none.
    let done = Spot::Checklist {
        question: 3,
        complete: true,
    };
    assert!(matches!(answer(&done, "y", &app), Answer::Hint(_)));
    assert_eq!(
        answer(&done, "", &app),
        Answer::Intents(vec![Intent::Select])
    );
}
