//! The one-key rating after an exercise, on the running session and at
//! the pain check-out.

use std::time::{Duration, Instant};

use crate::support::screen::{screen, screen_at};
use backcoach::app::{self, App, Intent, Now, Outcome};
use backcoach::domain::session_record::Rating;
use backcoach::store::Settings;
use chrono::{Local, TimeZone};
use insta::assert_snapshot;

const CONTENT: &str = r#"(
    version: 1,
    exercises: [
        (id: "press", name: "Back press", position: lying_on_back,
         steps: ["Lie on your back, knees bent.", "Press your low back into the floor."],
         dose: (hold_secs: 2)),
        (id: "lift", name: "Knee lift", position: standing, steps: ["Lift a knee."],
         dose: (reps: 1)),
    ],
    routines: [
        (id: "two", name: "Two moves", get_ready_secs: 1,
         items: [(exercise: "press"), (exercise: "lift")]),
    ],
    tips: [
        (id: "one", title: "First tip", text: "Shown on days of one parity."),
        (id: "two", title: "Second tip", text: "Shown on the other days."),
    ],
)"#;

fn at(t0: Instant, secs: u64) -> Now {
    Now::new(
        t0 + Duration::from_secs(secs),
        Local.with_ymd_and_hms(2026, 11, 22, 9, 0, 0).unwrap(),
    )
}

fn app() -> App {
    let settings = Settings {
        disclaimer_acknowledged: Some(Local.with_ymd_and_hms(2026, 11, 1, 9, 0, 0).unwrap()),
        ..Settings::default()
    };
    App::new(
        crate::support::screen::fixture("two.ron", CONTENT),
        settings,
        true,
    )
}

#[test]
fn the_rating_is_offered_after_an_exercise_and_at_the_check_out() {
    let t0 = Instant::now();
    let mut app = app();
    app::start_routine(&mut app, "two", at(t0, 0)).unwrap();
    app::update(&mut app, Intent::Next, at(t0, 0));
    app::update(&mut app, Outcome::Tick, at(t0, 3));
    let shown = screen(&app);
    assert!(
        shown.contains("How was Back press? e easy · a about right · h hard · o painful"),
        "{shown}"
    );
    assert_snapshot!("rating_while_running", shown);
    assert_snapshot!("rating_while_running_40x12", screen_at(&app, 40, 12));
    // Passed over: the prompt is gone once its time is up.
    app::update(&mut app, Outcome::Tick, at(t0, 11));
    assert!(!screen(&app).contains("How was"), "{}", screen(&app));
    app::update(&mut app, Intent::Select, at(t0, 12));
    let shown = screen(&app);
    assert!(shown.contains("How was Knee lift?"), "{shown}");
    assert_snapshot!("rating_at_check_out", shown);
}

#[test]
fn a_painful_rating_ends_with_a_suggestion_and_home_shows_the_flare_up() {
    let t0 = Instant::now();
    let mut app = app();
    app::start_routine(&mut app, "two", at(t0, 0)).unwrap();
    app::update(&mut app, Intent::Next, at(t0, 0));
    app::update(&mut app, Outcome::Tick, at(t0, 3));
    app::update(&mut app, Intent::Rate(Some(Rating::Painful)), at(t0, 4));
    app::update(&mut app, Intent::Select, at(t0, 5));
    app::update(&mut app, Intent::Next, at(t0, 6));
    let shown = screen(&app);
    for text in [
        "Suggestion: an easier step for Back press (rated painful).",
        "From your next session: Back press, hold 1 s, 1 rep.",
        "Flare-up care until 24 Nov: holds are halved in this routine.",
        "Press y to accept it",
    ] {
        assert!(shown.contains(text), "{text} not in:\n{shown}");
    }
    assert_snapshot!("suggestion_on_the_summary", shown);
    // Under it (scrolled to, or on a taller pane), the card of the day:
    // the 22nd of November 2026 is day 739,942 of the era, an even one.
    let tall = screen_at(&app, 80, 40);
    assert!(
        tall.contains("Tip · First tip: Shown on days of one parity."),
        "{tall}"
    );
    app::update(&mut app, Intent::Yes, at(t0, 7));
    app::update(&mut app, Intent::Back, at(t0, 8));
    app::update(&mut app, Intent::Back, at(t0, 8));
    let shown = screen(&app);
    assert!(
        shown.contains("Flare-up care until 24 Nov: shorter holds, gentler steps."),
        "{shown}"
    );
    assert_snapshot!("home_in_flare_up_care", shown);
}
