//! Home with a home programme in force: its name, who prescribed it, the
//! week's sessions against prescribed, what is due today, the review.

use std::time::Instant;

use crate::support::screen::{screen, screen_at};
use backcoach::app::{self, App, Intent, Now};
use backcoach::domain::record::Record;
use backcoach::domain::session_record::{
    ExerciseOutcome, ExerciseResult, SessionOutcome, SessionRecord,
};
use backcoach::store::Settings;
use chrono::{Local, TimeZone};
use insta::assert_snapshot;

fn now() -> Now {
    Now::new(
        Instant::now(),
        Local.with_ymd_and_hms(2026, 11, 19, 9, 0, 0).unwrap(),
    )
}

fn app() -> App {
    let content =
        crate::support::screen::fixture("programme.ron", include_str!("../fixtures/programme.ron"));
    let settings = Settings {
        disclaimer_acknowledged: Some(now().wall),
        ..Settings::default()
    };
    let mut app = App::new(content, settings, true);
    let done = SessionRecord {
        started: Local
            .with_ymd_and_hms(2026, 11, 17, 9, 0, 0)
            .unwrap()
            .fixed_offset(),
        duration_secs: 60,
        routine: "core".into(),
        exercises: vec![ExerciseResult {
            exercise: "press".into(),
            outcome: ExerciseOutcome::Done,
            rating: None,
        }],
        pain_before: None,
        pain_after: None,
        outcome: SessionOutcome::Completed,
    };
    app::programme::absorb(&mut app, &[Record::Session(done)]);
    // Any message sets the time the view shows.
    app::update(&mut app, Intent::Down, now());
    app::update(&mut app, Intent::Up, now());
    app
}

#[test]
fn home_with_a_programme() {
    let app = app();
    let shown = screen(&app);
    for text in [
        "8 Your programme: Core strength plan",
        "1 of 4 this week · due today: Core basics · review 31 Dec 2026",
        "Programme from Riverside Physiotherapy",
        "Stop and call us if pain spreads to a leg.",
    ] {
        assert!(shown.contains(text), "{text} not in:\n{shown}");
    }
    assert_snapshot!(shown);
    assert_snapshot!("home_with_a_programme_40x12", screen_at(&app, 40, 12));
}

#[test]
fn in_a_small_pane_the_programme_entry_shows_its_week_and_who_prescribed_it() {
    let mut app = app();
    app::update(&mut app, Intent::Last, now());
    let small = screen_at(&app, 40, 12);
    for text in [
        "▶ 8 Your programme",
        "1 of 4 this week · due today: Core",
        "Programme from Riverside",
    ] {
        assert!(small.contains(text), "{text} not in:\n{small}");
    }
    assert_snapshot!("programme_selected_40x12", small);
}
