//! Per-exercise ratings: offered after each exercise done, taken with one
//! key (or a line in plain mode), passed over by a hands-free session at a
//! deadline, and recorded with the session; easier and harder variants
//! and a routine's bounds are validated.

use std::time::Instant;

use backcoach::app::{self, App, Cmd, Intent, Outcome};
use backcoach::content::load;
use backcoach::content::source::{self, Source};
use backcoach::domain::record::Record;
use backcoach::domain::session::RATE_WINDOW;
use backcoach::domain::session_record::{Rating, SessionRecord};
use backcoach::keys;
use backcoach::runtime::plain::{Answer, Printed, Spot, answer, lines};
use backcoach::store::Store;
use chrono::Local;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::support::content::problems;
use crate::support::model::{Clock, acknowledged};
use crate::support::screen::fixture;

const CONTENT: &str = r#"(
    version: 1,
    exercises: [
        (id: "press", name: "Back press", position: lying_on_back, steps: ["Press."],
         dose: (hold_secs: 2)),
        (id: "lift", name: "Knee lift", position: standing, steps: ["Lift a knee."],
         dose: (reps: 1)),
    ],
    routines: [
        (id: "two", name: "Two moves", get_ready_secs: 1,
         items: [(exercise: "press"), (exercise: "lift")]),
    ],
)"#;

fn app() -> App {
    acknowledged(fixture("two.ron", CONTENT))
}

fn recorded(cmds: &[Cmd]) -> Option<SessionRecord> {
    cmds.iter().find_map(|c| match c {
        Cmd::Append(Record::Session(s)) => Some(s.clone()),
        _ => None,
    })
}

fn key(app: &App, c: char) -> Intent {
    keys::map(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE), app).unwrap()
}

/// Starts `two`, skips the check-in, and lets the press (1 s get-ready,
/// 2 s hold) end at 3 s.
fn press_done(clock: &Clock) -> App {
    let mut app = app();
    app::start_routine(&mut app, "two", clock.secs(0)).unwrap();
    app::update(&mut app, Intent::Next, clock.secs(0));
    app::update(&mut app, Outcome::Tick, clock.secs(3));
    app
}

#[test]
fn a_key_rates_the_exercise_just_done_and_the_record_keeps_it() {
    let clock = Clock(Instant::now());
    let mut app = press_done(&clock);
    let session = app.session.as_ref().unwrap();
    let offer = session.rating_offer(clock.secs(3).instant).unwrap();
    assert_eq!(offer.exercise, 0);
    // The screen wakes when the offer lapses.
    assert_eq!(
        app::next_wakeup(&app, clock.secs(3)),
        Some(clock.secs(3).instant + RATE_WINDOW)
    );
    let intent = key(&app, 'h');
    assert_eq!(intent, Intent::Rate(Some(Rating::Hard)));
    app::update(&mut app, intent, clock.secs(4));
    // The lift (a step without a hold), then rated at the check-out.
    app::update(&mut app, Intent::Select, clock.secs(5));
    let painful = key(&app, 'o');
    app::update(&mut app, painful, clock.secs(6));
    let cmds = app::update(&mut app, Intent::Next, clock.secs(7));
    let record = recorded(&cmds).unwrap();
    let ratings: Vec<Option<Rating>> = record.exercises.iter().map(|e| e.rating).collect();
    assert_eq!(ratings, [Some(Rating::Hard), Some(Rating::Painful)]);
}

#[test]
fn a_rating_can_be_changed_while_it_is_offered_and_not_after() {
    use backcoach::ui::session::rating_prompt;
    let clock = Clock(Instant::now());
    let mut app = press_done(&clock);
    // A vim user's `h` by mistake, then the rating meant.
    let hard = key(&app, 'h');
    app::update(&mut app, hard, clock.secs(4));
    let session = app.session.as_ref().unwrap();
    assert_eq!(
        rating_prompt(session, clock.secs(4).instant).as_deref(),
        Some("Back press rated hard (e, a, h or o changes it)")
    );
    let easy = key(&app, 'e');
    app::update(&mut app, easy, clock.secs(5));
    // Declining now keeps what was given; after the offer nothing changes it.
    app::update(&mut app, Intent::Rate(None), clock.secs(6));
    let late = clock.secs(3 + RATE_WINDOW.as_secs());
    app::update(&mut app, Intent::Rate(Some(Rating::Painful)), late);
    let session = app.session.as_ref().unwrap();
    assert_eq!(session.ratings()[0], Some(Rating::Easy));
    assert_eq!(rating_prompt(session, late.instant), None);
}

#[test]
fn a_hands_free_session_passes_over_the_rating_at_its_deadline() {
    let clock = Clock(Instant::now());
    let mut app = press_done(&clock);
    let late = clock.secs(3 + RATE_WINDOW.as_secs());
    app::update(&mut app, Outcome::Tick, late);
    assert!(
        app.session
            .as_ref()
            .unwrap()
            .rating_offer(late.instant)
            .is_none()
    );
    app::update(&mut app, Intent::Rate(Some(Rating::Easy)), late);
    app::update(&mut app, Intent::Select, late);
    let cmds = app::update(&mut app, Intent::Next, late);
    let record = recorded(&cmds).unwrap();
    assert!(record.exercises.iter().all(|e| e.rating.is_none()));
    // Unrated exercises write no rating field at all.
    let line = serde_json::to_string(&Record::Session(record)).unwrap();
    assert!(!line.contains("rating"), "{line}");
}

#[test]
fn a_skipped_exercise_is_not_offered_for_rating() {
    let clock = Clock(Instant::now());
    let mut app = app();
    app::start_routine(&mut app, "two", clock.secs(0)).unwrap();
    app::update(&mut app, Intent::Next, clock.secs(0));
    app::update(&mut app, Intent::Next, clock.secs(1));
    let session = app.session.as_ref().unwrap();
    assert!(session.rating_offer(clock.secs(1).instant).is_none());
}

#[test]
fn ratings_round_trip_through_the_log_and_old_records_stay_readable() {
    let clock = Clock(Instant::now());
    let mut app = press_done(&clock);
    app::update(&mut app, Intent::Rate(Some(Rating::Easy)), clock.secs(4));
    app::update(&mut app, Intent::Select, clock.secs(5));
    let record = recorded(&app::update(&mut app, Intent::Next, clock.secs(6))).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    store.append(&Record::Session(record.clone())).unwrap();
    let text = crate::support::disk::history_text(dir.path());
    assert!(text.contains(r#""rating":"easy""#), "{text}");
    let loaded = store.load_history::<Record>(Local::now()).unwrap();
    assert_eq!(loaded.records, vec![Record::Session(record)]);
    let old = r#"{"started":"2026-11-20T09:00:00+01:00","duration_secs":60,"routine":"two","exercises":[{"exercise":"press","outcome":"done"}],"outcome":"completed"}"#;
    let old: SessionRecord = serde_json::from_str(old).unwrap();
    assert_eq!(old.exercises[0].rating, None);
}

#[test]
fn plain_mode_offers_the_rating_as_a_line() {
    let clock = Clock(Instant::now());
    let mut app = app();
    let mut printed = Printed::default();
    app::start_routine(&mut app, "two", clock.secs(0)).unwrap();
    lines(&mut printed, &app, clock.secs(0));
    app::update(&mut app, Intent::Next, clock.secs(0));
    lines(&mut printed, &app, clock.secs(0));
    app::update(&mut app, Outcome::Tick, clock.secs(3));
    let said = lines(&mut printed, &app, clock.secs(3));
    let asked = "How was Back press? Type e (easy), a (about right), h (hard), o (painful) within 8 seconds, if you like; Enter skips.";
    assert!(said.iter().any(|l| l == asked), "{said:?}");
    let spot = printed.spot.clone().unwrap();
    for (line, rating) in [("e", Rating::Easy), ("about right", Rating::AboutRight)] {
        assert_eq!(
            answer(&spot, line, &app),
            Answer::Intents(vec![Intent::Rate(Some(rating))])
        );
    }
    // An empty line at a terminal skips the rating; at the step without
    // a hold it ends the step, as before.
    assert!(matches!(spot, Spot::Beat { manual: true, .. }));
    assert_eq!(
        answer(&spot, "", &app),
        Answer::Intents(vec![Intent::Select])
    );
    assert_eq!(
        answer(
            &Spot::Beat {
                index: 9,
                paused: false,
                manual: false
            },
            "",
            &app
        ),
        Answer::Intents(vec![Intent::Rate(None)])
    );
}

const MOVES: &str = r#"
    (id: "a_move", name: "A", position: chair, steps: ["A."], dose: (hold_secs: 10), EXTRA_A),
    (id: "b_move", name: "B", position: chair, steps: ["B."], dose: (hold_secs: 10), EXTRA_B),
"#;

fn pack(extra_a: &str, extra_b: &str, routines: &str) -> String {
    let moves = MOVES
        .replace("EXTRA_A", extra_a)
        .replace("EXTRA_B", extra_b);
    format!("(version: 1, exercises: [{moves}], routines: [{routines}])")
}

#[test]
fn variants_and_bounds_are_validated() {
    let cases = [
        (
            pack(r#"harder: "nowhere""#, "", ""),
            "entry a_move: `harder` names an unknown exercise `nowhere`",
        ),
        (
            pack(r#"easier: "seated_floor_twist""#, "", ""),
            "`easier` names `seated_floor_twist`, a self-release technique",
        ),
        (
            pack(r#"harder: "b_move""#, r#"harder: "a_move""#, ""),
            "entry a_move: the `harder` steps go round in a circle: a_move → b_move → a_move",
        ),
        (
            pack(r#"easier: "a_move""#, "", ""),
            "the `easier` steps go round in a circle: a_move → a_move",
        ),
        (
            pack(
                r#"harder: "cobra""#,
                "",
                r#"(id: "gentle", name: "G", tags: ["stenosis_friendly"], items: [(exercise: "a_move")])"#,
            ),
            "entry gentle: is tagged stenosis_friendly, but `a_move` can step to `cobra`, an extension move",
        ),
        (
            pack(
                "",
                "",
                r#"(id: "r", name: "R", max_hold_secs: 5, items: [(exercise: "a_move")])"#,
            ),
            "entry r: holds `a_move` for 10 s, over its own `max_hold_secs` (5)",
        ),
        (
            pack(
                "",
                "",
                r#"(id: "r", name: "R", max_hold_secs: 301, items: [(exercise: "a_move")])"#,
            ),
            "`max_hold_secs` is 301; it must be 1..=300",
        ),
        (
            pack(
                "",
                "",
                r#"(id: "r", name: "R", max_reps: 0, items: [(exercise: "a_move")])"#,
            ),
            "`max_reps` must be at least 1",
        ),
    ];
    for (text, expected) in cases {
        let said = problems(&text);
        assert!(said.contains(expected), "{expected}\nnot in:\n{said}");
    }
    // A circle is reported once, by its first member.
    let said = problems(&pack(r#"harder: "b_move""#, r#"harder: "a_move""#, ""));
    assert_eq!(said.matches("go round in a circle").count(), 1, "{said}");
    // Good variants load.
    let mut sources = source::builtin();
    sources.push(Source {
        name: "mine.ron".into(),
        text: pack(r#"harder: "b_move""#, r#"easier: "a_move""#, ""),
        builtin: false,
    });
    assert!(load::load(&sources).is_ok());
}
