//! Every path to a self-release technique goes through the gate: driven
//! through the real `update` with explicit times.

use std::time::Instant;

use backcoach::app::opening::{self, Opening};
use backcoach::app::{App, Cmd, HomeEntry, Intent, Msg, Now, Outcome, Screen};
use backcoach::content::load;
use backcoach::content::source;
use backcoach::domain::record::Record;
use backcoach::keys;
use backcoach::store::Settings;
use backcoach::store::settings_change::SettingsChange;
use chrono::{Local, TimeZone};

use crate::support::screen::{deliver, settle};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn at(day: u32, hour: u32, minute: u32) -> Now {
    Now::new(
        Instant::now(),
        Local
            .with_ymd_and_hms(2026, 11, day, hour, minute, 0)
            .unwrap(),
    )
}

fn morning() -> Now {
    at(22, 9, 0)
}

/// Built-in content, past the first-run statement, on home, 80x24.
fn app() -> App {
    let settings = Settings {
        disclaimer_acknowledged: Some(morning().wall),
        ..Settings::default()
    };
    App::new(load::load(&source::builtin()).unwrap(), settings, true)
}

/// Delivers each message as the runtime would in an 80x24 terminal.
fn send<M: Into<Msg> + Clone>(app: &mut App, msgs: &[M], now: Now) -> Vec<Cmd> {
    send_at(app, msgs, now, (80, 24))
}

fn send_at<M: Into<Msg> + Clone>(
    app: &mut App,
    msgs: &[M],
    now: Now,
    (width, height): (u16, u16),
) -> Vec<Cmd> {
    msgs.iter()
        .flat_map(|m| deliver(app, m.clone(), now, width, height))
        .collect()
}

fn home_entry(app: &mut App, entry: HomeEntry, now: Now) -> Vec<Cmd> {
    let index = HomeEntry::ALL.iter().position(|e| *e == entry).unwrap();
    send(app, &[Intent::First], now);
    for _ in 0..index {
        send(app, &[Intent::Down], now);
    }
    send(app, &[Intent::Select], now)
}

/// Answers the open checklist: "yes" to the given ids, "no" to the rest.
fn answer(app: &mut App, yes: &[&str], now: Now) -> Vec<Cmd> {
    assert_eq!(app.screen, Screen::Checklist);
    let ids: Vec<String> = app.content.checklist.iter().map(|i| i.id.clone()).collect();
    send(app, &[Intent::First], now);
    for id in &ids {
        let msg = if yes.contains(&id.as_str()) {
            Intent::Yes
        } else {
            Intent::No
        };
        send(app, &[msg], now);
    }
    send(app, &[Intent::Select], now)
}

fn used(cmds: &[Cmd]) -> Vec<String> {
    cmds.iter()
        .filter_map(|c| match c {
            Cmd::Append(Record::ReleaseUsed { technique, .. }) => Some(technique.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn home_leads_to_the_checklist_while_the_gate_is_closed() {
    let mut app = app();
    let cmds = home_entry(&mut app, HomeEntry::SelfRelease, morning());
    assert_eq!(app.screen, Screen::Checklist);
    assert!(cmds.is_empty());
    assert!(app.card.is_none());
    assert!(app.safety.form.answers.iter().all(Option::is_none));
}

#[test]
fn library_leads_to_the_checklist_while_the_gate_is_closed() {
    let mut app = app();
    home_entry(&mut app, HomeEntry::Library, morning());
    assert_eq!(app.screen, Screen::Library);
    // The library key for techniques, as the key table maps it.
    let msg = keys::map(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::NONE), &app);
    assert_eq!(msg, Some(Intent::OpenRelease));
    send(&mut app, &[Intent::OpenRelease], morning());
    assert_eq!(app.screen, Screen::Checklist);
    send(&mut app, &[Intent::Back], morning());
    assert_eq!(app.screen, Screen::Library, "Esc returns to the library");
}

#[test]
fn command_line_technique_opens_the_checklist_first_then_that_card() {
    let mut app = app();
    app.opening = Some(Opening::Release(Some("lying_spinal_twist".into())));
    send(&mut app, &[Outcome::Started], morning());
    assert_eq!(app.screen, Screen::Checklist);
    assert!(app.card.is_none());
    let cmds = answer(&mut app, &[], morning());
    assert_eq!(app.screen, Screen::Technique);
    assert_eq!(app.card.as_ref().unwrap().exercise_id, "lying_spinal_twist");
    assert!(cmds.iter().any(|c| matches!(
        c,
        Cmd::SaveSettings(SettingsChange::GateAnswers(answers)) if answers.yes.is_empty()
    )));
    assert_eq!(used(&cmds), ["lying_spinal_twist"]);
}

#[test]
fn command_line_start_waits_for_the_first_run_statement() {
    let mut app = App::new(
        load::load(&source::builtin()).unwrap(),
        Settings::default(),
        true,
    );
    app.opening = Some(Opening::Release(None));
    send(&mut app, &[Outcome::Started], morning());
    assert_eq!(app.screen, Screen::Disclaimer);
    let cmds = send(&mut app, &[Intent::Select], morning());
    assert!(
        cmds.contains(&Cmd::SaveSettings(SettingsChange::DisclaimerAcknowledged(
            morning().wall
        )))
    );
    assert_eq!(app.screen, Screen::Checklist);
}

#[test]
fn unknown_technique_on_the_command_line_lists_the_valid_ids() {
    let content = load::load(&source::builtin()).unwrap();
    let err = opening::check(&content, &Opening::Release(Some("neck_crack".into()))).unwrap_err();
    assert_eq!(
        err,
        "unknown technique `neck_crack`; valid ids: seated_chair_extension, seated_floor_twist, lying_spinal_twist"
    );
    assert!(
        opening::check(
            &content,
            &Opening::Release(Some("seated_floor_twist".into()))
        )
        .is_ok()
    );
    assert!(opening::check(&content, &Opening::Release(None)).is_ok());
}

#[test]
fn holding_enter_on_the_checklist_never_passes_it() {
    let mut app = app();
    home_entry(&mut app, HomeEntry::SelfRelease, morning());
    for _ in 0..50 {
        let cmds = send(&mut app, &[Intent::Select], morning());
        assert!(cmds.is_empty());
        assert_eq!(app.screen, Screen::Checklist);
    }
    assert_eq!(app.safety.form.answered(), 0);
    assert!(app.settings.safety_gate.answers.is_none());
    assert!(app.notice.as_ref().unwrap().contains("16 left"));
}

#[test]
fn a_locking_yes_keeps_every_technique_closed_and_says_why() {
    let mut app = app();
    home_entry(&mut app, HomeEntry::SelfRelease, morning());
    answer(&mut app, &["fever"], morning());
    assert_eq!(app.screen, Screen::Release);
    for index in 0..app.content.techniques.len() {
        send(&mut app, &[Intent::First], morning());
        for _ in 0..index {
            send(&mut app, &[Intent::Down], morning());
        }
        let cmds = send(&mut app, &[Intent::Select], morning());
        assert!(used(&cmds).is_empty());
        assert_eq!(app.screen, Screen::Release);
        assert!(app.card.is_none());
        assert!(app.notice.as_ref().unwrap().contains("stays locked today"));
    }
    // Coming back later the same day: straight to the verdict, no new
    // chance to answer differently.
    send(&mut app, &[Intent::Back], morning());
    home_entry(&mut app, HomeEntry::SelfRelease, at(22, 18, 0));
    assert_eq!(app.screen, Screen::Release);
    // The next day asks again.
    send(&mut app, &[Intent::Back], morning());
    home_entry(&mut app, HomeEntry::SelfRelease, at(23, 8, 0));
    assert_eq!(app.screen, Screen::Checklist);
}

#[test]
fn stenosis_keeps_the_extension_move_locked_and_the_twists_open() {
    let mut app = app();
    app.opening = Some(Opening::Release(Some("seated_chair_extension".into())));
    send(&mut app, &[Outcome::Started], morning());
    let cmds = answer(&mut app, &["spinal_stenosis"], morning());
    assert!(used(&cmds).is_empty());
    assert_eq!(app.screen, Screen::Release);
    assert!(app.notice.as_ref().unwrap().contains("stenosis"));
    send(&mut app, &[Intent::Down], morning());
    let cmds = send(&mut app, &[Intent::Select], morning());
    assert_eq!(used(&cmds), ["seated_floor_twist"]);
    assert_eq!(app.screen, Screen::Technique);
}

#[test]
fn it_hurt_closes_the_gate_for_the_rest_of_the_day_and_is_recorded() {
    let mut app = app();
    home_entry(&mut app, HomeEntry::SelfRelease, morning());
    answer(&mut app, &[], morning());
    send(&mut app, &[Intent::Select], morning());
    assert_eq!(app.screen, Screen::Technique);
    let key = keys::map(KeyEvent::new(KeyCode::Char('!'), KeyModifiers::NONE), &app);
    assert_eq!(key, Some(Intent::ReportHurt));
    let cmds = send(&mut app, &[Intent::ReportHurt], at(22, 9, 5));
    assert_eq!(app.screen, Screen::Hurt);
    assert!(app.card.is_none());
    assert!(
        cmds.contains(&Cmd::SaveSettings(SettingsChange::HurtReported(
            at(22, 9, 5).wall.fixed_offset()
        )))
    );
    assert!(cmds.iter().any(|c| matches!(
        c,
        Cmd::Append(Record::ReleaseHurt { technique, .. }) if technique == "seated_chair_extension"
    )));
    send(&mut app, &[Intent::Back], at(22, 9, 6));
    assert_eq!(app.screen, Screen::Home);
    // Every path now leads to the hurt guidance, until tomorrow.
    home_entry(&mut app, HomeEntry::SelfRelease, at(22, 20, 0));
    assert_eq!(app.screen, Screen::Hurt);
    send(&mut app, &[Intent::Back], at(22, 20, 0));
    app.opening = Some(Opening::Release(Some("lying_spinal_twist".into())));
    let cmds = send(&mut app, &[Outcome::Started], at(22, 21, 0));
    assert!(used(&cmds).is_empty());
    assert_eq!(app.screen, Screen::Hurt);
    send(&mut app, &[Intent::Back], at(22, 21, 0));
    home_entry(&mut app, HomeEntry::SelfRelease, at(23, 7, 0));
    assert_eq!(app.screen, Screen::Checklist);
}

#[test]
fn an_open_card_closes_at_the_next_key_after_midnight() {
    let mut app = app();
    home_entry(&mut app, HomeEntry::SelfRelease, at(22, 23, 50));
    answer(&mut app, &[], at(22, 23, 50));
    send(&mut app, &[Intent::Select], at(22, 23, 51));
    assert_eq!(app.screen, Screen::Technique);
    send(&mut app, &[Intent::Next], at(23, 0, 1));
    assert_eq!(app.screen, Screen::Checklist);
    assert!(app.card.is_none());
}

#[test]
fn a_habit_needs_an_explicit_acknowledgement_before_anything_opens() {
    let mut app = app();
    // Used on 3 of the 6 days before today: today is the 4th of the last 7.
    for day in [21, 20, 16] {
        app.safety.uses.push(at(day, 12, 0).wall.fixed_offset());
    }
    app.opening = Some(Opening::Release(Some("seated_floor_twist".into())));
    send(&mut app, &[Outcome::Started], morning());
    let cmds = answer(&mut app, &[], morning());
    assert_eq!(app.screen, Screen::Habit);
    assert_eq!(app.safety.habit_days, 4);
    assert!(used(&cmds).is_empty());
    // Enter, arrows, y: none of them acknowledge.
    for msg in [Intent::Select, Intent::Next, Intent::Down, Intent::Yes] {
        let cmds = send(&mut app, &[msg], morning());
        assert!(used(&cmds).is_empty());
        assert_eq!(app.screen, Screen::Habit);
    }
    let cmds = send(&mut app, &[Intent::Acknowledge], morning());
    assert!(
        cmds.contains(&Cmd::SaveSettings(SettingsChange::HabitAcknowledged(
            morning().wall.fixed_offset()
        )))
    );
    assert_eq!(used(&cmds), ["seated_floor_twist"]);
    assert_eq!(app.screen, Screen::Technique);
    // Acknowledged for today only.
    send(&mut app, &[Intent::Back, Intent::Back], morning());
    home_entry(&mut app, HomeEntry::SelfRelease, at(22, 15, 0));
    assert_eq!(app.screen, Screen::Release);
}

#[test]
fn a_third_day_is_not_a_habit() {
    let mut app = app();
    // With today, 3 of the last 7 days; the 15th is outside the window.
    for day in [21, 19, 15] {
        app.safety.uses.push(at(day, 12, 0).wall.fixed_offset());
    }
    home_entry(&mut app, HomeEntry::SelfRelease, morning());
    answer(&mut app, &[], morning());
    assert_eq!(app.screen, Screen::Release);
}

#[test]
fn uses_from_the_history_feed_the_guard() {
    let mut app = app();
    let records: Vec<Record> = [21, 20, 19, 18]
        .iter()
        .map(|d| Record::ReleaseUsed {
            at: at(*d, 8, 0).wall.fixed_offset(),
            technique: "lying_spinal_twist".into(),
        })
        .chain([Record::WarningsReviewed {
            at: at(20, 8, 0).wall.fixed_offset(),
        }])
        .collect();
    app.safety.absorb(&records);
    assert_eq!(
        app.safety.last_review,
        Some(at(20, 8, 0).wall.fixed_offset())
    );
    home_entry(&mut app, HomeEntry::SelfRelease, morning());
    answer(&mut app, &[], morning());
    assert_eq!(app.screen, Screen::Habit);
}

fn reviews(cmds: &[Cmd]) -> usize {
    cmds.iter()
        .filter(|c| matches!(c, Cmd::Append(Record::WarningsReviewed { .. })))
        .count()
}

#[test]
fn reading_the_warnings_to_the_end_records_one_review() {
    let mut app = app();
    let mut cmds = home_entry(&mut app, HomeEntry::Warnings, morning());
    assert_eq!(app.screen, Screen::Warnings);
    // One line at a time until the end: recorded once, on the last step.
    let mut steps = 0;
    while reviews(&cmds) == 0 {
        assert!(app.safety.last_review.is_none());
        cmds = send(&mut app, &[Intent::Down], at(22, 9, 1));
        steps += 1;
        assert!(steps < 500, "never reached the end");
    }
    assert!(steps > 20, "the end came after {steps} lines at 80x24");
    assert_eq!(
        app.safety.last_review,
        Some(at(22, 9, 1).wall.fixed_offset())
    );
    // Moving around at the end does not record again in this visit.
    let more = send(
        &mut app,
        &[Intent::Up, Intent::Down, Intent::Last],
        at(22, 9, 2),
    );
    assert_eq!(reviews(&more), 0);
    send(&mut app, &[Intent::Back], morning());
    assert_eq!(app.screen, Screen::Home);
    // A new visit: End jumps there and records again.
    home_entry(&mut app, HomeEntry::Warnings, at(22, 10, 0));
    assert_eq!(app.scroll.offset, 0);
    let cmds = send(&mut app, &[Intent::Last], at(22, 10, 0));
    assert_eq!(reviews(&cmds), 1);
}

#[test]
fn warnings_page_by_a_screen_less_a_line_and_stop_at_either_end() {
    let mut app = app();
    home_entry(&mut app, HomeEntry::Warnings, morning());
    let page = usize::from(app.shown.unwrap().area.height) - 1;
    send(&mut app, &[Intent::PageDown], morning());
    assert_eq!(app.scroll.offset, page);
    send(&mut app, &[Intent::PageUp, Intent::PageUp], morning());
    assert_eq!(app.scroll.offset, 0);
    send(&mut app, &[Intent::Last], morning());
    let end = app.scroll.offset;
    assert!(end > page, "the builtin warnings are longer than two pages");
    send(
        &mut app,
        &[Intent::PageDown, Intent::Down, Intent::Next],
        morning(),
    );
    assert_eq!(app.scroll.offset, end);
    send(&mut app, &[Intent::Up], morning());
    assert_eq!(app.scroll.offset, end - 1);
}

#[test]
fn warnings_that_fit_on_screen_are_reviewed_on_opening_but_not_when_too_small() {
    let mut app = app();
    let index = HomeEntry::ALL
        .iter()
        .position(|e| *e == HomeEntry::Warnings)
        .unwrap();
    let mut path = vec![Intent::First];
    path.extend(std::iter::repeat_n(Intent::Down, index));
    path.push(Intent::Select);
    let cmds = send_at(&mut app, &path, morning(), (30, 400));
    assert_eq!(app.screen, Screen::Warnings);
    assert_eq!(reviews(&cmds), 0, "30 columns is too narrow to show it");
    let cmds = settle(&mut app, 200, 400, morning());
    assert_eq!(reviews(&cmds), 1, "resized so all of it shows");
}

#[test]
fn the_gate_answers_survive_a_settings_round_trip() {
    let mut app = app();
    home_entry(&mut app, HomeEntry::SelfRelease, morning());
    answer(&mut app, &["spinal_stenosis"], morning());
    let dir = tempfile::tempdir().unwrap();
    let store = backcoach::store::Store::open(dir.path()).unwrap();
    store.save_settings(&app.settings).unwrap();
    assert_eq!(store.peek_settings().unwrap(), app.settings);
    // Settings written before the gate existed still load.
    std::fs::write(
        dir.path().join("settings.ron"),
        "(version: 1, disclaimer_acknowledged: None)",
    )
    .unwrap();
    let old: Settings = store.peek_settings().unwrap();
    assert_eq!(old.safety_gate, Default::default());
}
