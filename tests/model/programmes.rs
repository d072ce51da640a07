//! Home programmes: validation with located errors, the programme in
//! force, the week's sessions against prescribed, and Home starting the
//! routine due.

use std::time::Instant;

use backcoach::app::{self, App, HomeEntry, Intent, Now, Screen};
use backcoach::content::load;
use backcoach::content::programme::active;
use backcoach::content::source::{self, Source};
use backcoach::domain::programme::ProgrammeWeek;
use backcoach::domain::record::Record;
use backcoach::domain::session_record::{
    ExerciseOutcome, ExerciseResult, SessionOutcome, SessionRecord,
};
use chrono::{FixedOffset, Local, NaiveDate, TimeZone};

use crate::support::content::problems;
use crate::support::model::acknowledged;

fn user(name: &str, text: &str) -> Source {
    Source {
        name: name.to_owned(),
        text: text.to_owned(),
        builtin: false,
    }
}

fn fixture() -> backcoach::content::catalog::Content {
    let text = include_str!("../fixtures/programme.ron");
    load::load(&[user("programme.ron", text)]).unwrap_or_else(|p| panic!("{p:?}"))
}

fn programme(fields: &str) -> String {
    format!("(version: 1, programmes: [(id: \"p\", name: \"Plan\", {fields})])")
}

#[test]
fn the_example_programme_is_valid_against_the_built_in_content() {
    let mut sources = source::builtin();
    sources.push(user(
        "programme.ron",
        include_str!("../../assets/examples/programme.ron"),
    ));
    let content = load::load(&sources).unwrap_or_else(|p| panic!("{p:?}"));
    assert_eq!(content.programmes.len(), 1);
    assert!(content.summary_line().ends_with(", 1 programme"));
    // Built-in content prescribes nothing: a clinician writes programmes.
    assert!(
        load::load(&source::builtin())
            .unwrap()
            .programmes
            .is_empty()
    );
}

#[test]
fn programmes_are_validated_with_a_sentence_each() {
    let cases: &[(&str, &str)] = &[
        (
            r#"start: "2026-01-01", routines: [(routine: "handstand", per_week: 3)]"#,
            "mine.ron: entry p: names an unknown routine `handstand`",
        ),
        (
            r#"start: "2026-03-01", review: "2026-01-01", routines: [(routine: "desk_reset", per_week: 3)]"#,
            "mine.ron: entry p: the review (2026-01-01) is before the start (2026-03-01)",
        ),
        (
            r#"start: "2026-01-01", routines: [(routine: "desk_reset", per_week: 0)]"#,
            "`desk_reset` is prescribed 0 times a week; it must be 1..=7",
        ),
        (
            r#"start: "2026-01-01", routines: [(routine: "desk_reset", per_week: 8)]"#,
            "`desk_reset` is prescribed 8 times a week; it must be 1..=7",
        ),
        (
            r#"start: "2026-01-01", routines: []"#,
            "a programme needs at least one routine",
        ),
        (
            r#"start: "2026-01-01", routines: [(routine: "desk_reset", per_week: 1), (routine: "desk_reset", per_week: 2)]"#,
            "names `desk_reset` twice",
        ),
        (
            r#"start: "2026-01-01", prescribed_by: "", routines: [(routine: "desk_reset", per_week: 1)]"#,
            "`prescribed_by` is empty",
        ),
    ];
    for (fields, expected) in cases {
        let said = problems(&programme(fields));
        assert!(said.contains(expected), "{fields}:\n{said}");
    }
}

#[test]
fn a_bad_date_a_duplicate_id_and_a_control_character_are_located() {
    let said = problems(&programme(
        r#"start: "2026-02-30", routines: [(routine: "desk_reset", per_week: 1)]"#,
    ));
    assert!(said.starts_with("mine.ron:1:"), "{said}");
    let twice = r#"(version: 1, programmes: [
        (id: "p", name: "A", start: "2026-01-01", routines: [(routine: "desk_reset", per_week: 1)]),
        (id: "p", name: "B", start: "2026-01-01", routines: [(routine: "desk_reset", per_week: 1)]),
    ])"#;
    assert!(
        problems(twice).contains("entry p: duplicate programme id"),
        "{}",
        problems(twice)
    );
    let escape = "(version: 1, programmes: [(id: \"p\", name: \"Plan\", \
        start: \"2026-01-01\", notes: \"call \\u{1b}[2J us\", \
        routines: [(routine: \"desk_reset\", per_week: 1)])])";
    let said = problems(escape);
    assert!(
        said.contains("programme `p`, notes: holds a control character (U+001B)"),
        "{said}"
    );
}

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
}

fn session(d: u32, routine: &str, done: bool) -> SessionRecord {
    SessionRecord {
        started: FixedOffset::east_opt(3600)
            .unwrap()
            .with_ymd_and_hms(2026, 11, d, 9, 0, 0)
            .unwrap(),
        duration_secs: 60,
        routine: routine.into(),
        exercises: vec![ExerciseResult {
            exercise: "press".into(),
            outcome: if done {
                ExerciseOutcome::Done
            } else {
                ExerciseOutcome::Skipped
            },
            rating: None,
        }],
        pain_before: None,
        pain_after: None,
        outcome: if done {
            SessionOutcome::Completed
        } else {
            SessionOutcome::Skipped
        },
    }
}

#[test]
fn the_latest_start_covering_today_wins() {
    let content = fixture();
    assert_eq!(
        active(&content.programmes, day(20)).unwrap().id,
        "core_plan"
    );
    let before = NaiveDate::from_ymd_opt(2026, 10, 20).unwrap();
    assert_eq!(active(&content.programmes, before).unwrap().id, "old_plan");
    let after = NaiveDate::from_ymd_opt(2027, 1, 1).unwrap();
    // The core plan's review has passed: the open-ended old plan remains.
    assert_eq!(active(&content.programmes, after).unwrap().id, "old_plan");
    let long_before = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    assert!(active(&content.programmes, long_before).is_none());
}

#[test]
fn the_week_counts_done_sessions_since_monday() {
    let content = fixture();
    let plan = active(&content.programmes, day(20)).unwrap();
    // Monday is the 16th. The 15th is last week; a skipped one and
    // another routine's extra sessions do not count for `core`.
    let sessions = [
        session(15, "core", true),
        session(16, "core", true),
        session(17, "core", false),
        session(18, "walk", true),
        session(18, "walk", true),
    ];
    let week = ProgrammeWeek::of(plan, &sessions, day(19));
    assert_eq!((week.done(), week.prescribed()), (2, 4));
    assert_eq!(week.due().unwrap().routine, "core");
    // Once core is done today, nothing more is due today.
    let mut more = sessions.to_vec();
    more.push(session(19, "core", true));
    let week = ProgrammeWeek::of(plan, &more, day(19));
    assert!(week.due().is_none());
    assert_eq!(week.to_start().unwrap().routine, "core");
    // The whole week done.
    more.push(session(20, "core", true));
    let week = ProgrammeWeek::of(plan, &more, day(20));
    assert_eq!((week.done(), week.prescribed()), (4, 4));
    assert!(week.due().is_none());
}

fn app_at_home() -> App {
    acknowledged(fixture())
}

fn now(d: u32) -> Now {
    Now::new(
        Instant::now(),
        Local.with_ymd_and_hms(2026, 11, d, 10, 0, 0).unwrap(),
    )
}

#[test]
fn home_lists_the_programme_last_and_starts_the_routine_due() {
    let mut app = app_at_home();
    let records = vec![Record::Session(session(16, "core", true))];
    app::programme::absorb(&mut app, &records);
    let entries = app::home_entries(&app, now(19));
    assert_eq!(entries.len(), HomeEntry::ALL.len() + 1);
    assert_eq!(entries.last(), Some(&HomeEntry::Programme));
    app::update(&mut app, Intent::Digit(8), now(19));
    assert_eq!(app.screen, Screen::Session);
    assert_eq!(app.session.as_ref().unwrap().plan.routine_id, "core");
    // Without a programme in force, 8 does nothing.
    let mut before = app_at_home();
    app::update(
        &mut before,
        Intent::Digit(8),
        Now::new(
            Instant::now(),
            Local.with_ymd_and_hms(2026, 1, 1, 10, 0, 0).unwrap(),
        ),
    );
    assert_eq!(before.screen, Screen::Home);
}

#[test]
fn a_session_recorded_in_the_app_counts_for_the_week() {
    let mut app = app_at_home();
    app::update(&mut app, Intent::Digit(8), now(19));
    // Skip the check-in, let the one-second hold run out, skip the
    // check-out.
    app::update(&mut app, Intent::Next, now(19));
    let later = Now::new(
        now(19).instant + std::time::Duration::from_secs(60),
        now(19).wall,
    );
    app::update(&mut app, app::Outcome::Tick, later);
    app::update(&mut app, Intent::Next, later);
    let (_, week) = app::programme::today(&app, later).unwrap();
    assert_eq!(week.done(), 1, "{:?}", app.recent_sessions);
    assert_eq!(week.due().unwrap().routine, "walk");
}
