//! Behaviour of `update` and the key tables, with explicit times.

use std::time::{Duration, Instant};

use backcoach::app::{self, App, Cmd, Intent, Msg, Now, Outcome, Screen};
use backcoach::content::load;
use backcoach::content::model::Position;
use backcoach::content::source;
use backcoach::keys;
use backcoach::store::Settings;
use backcoach::store::settings_change::SettingsChange;
use chrono::{Local, TimeZone};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

fn at(minute: u32) -> Now {
    Now::new(
        Instant::now() + Duration::from_secs(u64::from(minute) * 60),
        Local.with_ymd_and_hms(2026, 11, 22, 9, minute, 0).unwrap(),
    )
}

fn fresh() -> App {
    App::new(
        load::load(&source::builtin()).unwrap(),
        Settings::default(),
        true,
    )
}

fn acknowledged() -> App {
    let mut app = fresh();
    app::update(&mut app, Intent::Select, at(0));
    app
}

fn send<M: Into<Msg> + Clone>(app: &mut App, msgs: &[M]) -> Vec<Cmd> {
    msgs.iter()
        .flat_map(|m| app::update(app, m.clone(), at(1)))
        .collect()
}

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

#[test]
fn first_run_statement_is_acknowledged_once_and_saved() {
    let mut app = fresh();
    assert_eq!(app.screen, Screen::Disclaimer);
    // Moving around does not get past it.
    assert!(send(&mut app, &[Intent::Down, Intent::Next]).is_empty());
    assert_eq!(app.screen, Screen::Disclaimer);
    let cmds = app::update(&mut app, Intent::Select, at(7));
    assert_eq!(
        cmds,
        vec![Cmd::SaveSettings(SettingsChange::DisclaimerAcknowledged(
            at(7).wall
        ))]
    );
    assert_eq!(app.screen, Screen::Home);
    assert_eq!(app.settings.disclaimer_acknowledged, Some(at(7).wall));
    // A later start with those settings skips it.
    let again = App::new(app.content.clone(), app.settings.clone(), true);
    assert_eq!(again.screen, Screen::Home);
}

#[test]
fn declining_the_statement_quits() {
    let mut app = fresh();
    send(&mut app, &[Intent::Back]);
    assert!(app.quit);
    assert_eq!(app.settings.disclaimer_acknowledged, None);
}

#[test]
fn library_card_and_back_again() {
    let mut app = acknowledged();
    send(&mut app, &[Intent::Select]);
    assert_eq!(app.screen, Screen::Library);
    send(&mut app, &[Intent::Down, Intent::Down]);
    let chosen = app.library.selected(&app.content).unwrap().id.clone();
    send(&mut app, &[Intent::Select]);
    assert_eq!(app.screen, Screen::Card);
    let card = app.card.clone().unwrap();
    assert_eq!(
        (card.exercise_id.as_str(), card.step.index()),
        (chosen.as_str(), 0)
    );
    send(&mut app, &[Intent::Next, Intent::Next]);
    assert_eq!(app.card.as_ref().unwrap().step.index(), 2);
    send(&mut app, &[Intent::Previous]);
    assert_eq!(app.card.as_ref().unwrap().step.index(), 1);
    send(&mut app, &[Intent::Back]);
    assert_eq!(app.screen, Screen::Library);
    assert!(app.card.is_none());
    // The library kept its selection.
    assert_eq!(app.library.selected(&app.content).unwrap().id, chosen);
    send(&mut app, &[Intent::Back]);
    assert_eq!(app.screen, Screen::Home);
    assert!(!app.quit);
    send(&mut app, &[Intent::Back]);
    assert!(app.quit, "q/Back on home quits");
}

#[test]
fn card_steps_stop_at_both_ends() {
    let mut app = acknowledged();
    send(&mut app, &[Intent::Select, Intent::Select]);
    let steps = app.card.as_ref().unwrap().steps;
    assert!(steps > 1);
    send(&mut app, &[Intent::Previous]);
    assert_eq!(app.card.as_ref().unwrap().step.index(), 0);
    for _ in 0..steps + 3 {
        send(&mut app, &[Intent::Next]);
    }
    assert_eq!(app.card.as_ref().unwrap().step.index(), steps - 1);
    assert!(app.card.as_ref().unwrap().at_last());
    send(&mut app, &[Intent::First]);
    assert_eq!(app.card.as_ref().unwrap().step.index(), 0);
    send(&mut app, &[Intent::Last]);
    assert_eq!(app.card.as_ref().unwrap().step.index(), steps - 1);
}

#[test]
fn library_selection_is_clamped() {
    let mut app = acknowledged();
    send(&mut app, &[Intent::Select, Intent::Up, Intent::PageUp]);
    assert_eq!(app.library.selected.index(), 0);
    send(&mut app, &[Intent::PageDown, Intent::PageDown]);
    assert_eq!(
        app.library.selected.index(),
        app.content.exercises.len() - 1
    );
}

#[test]
fn position_filter_cycles_through_used_positions_then_all() {
    let mut app = acknowledged();
    send(&mut app, &[Intent::Select]);
    let mut seen = Vec::new();
    loop {
        send(&mut app, &[Intent::CyclePosition]);
        match app.library.position {
            Some(p) => {
                let visible = app.library.visible(&app.content);
                assert!(!visible.is_empty() && visible.iter().all(|e| e.position == p));
                seen.push(p);
            }
            None => break,
        }
        assert!(seen.len() <= Position::ALL.len());
    }
    let mut used: Vec<Position> = app.content.exercises.iter().map(|e| e.position).collect();
    used.sort();
    used.dedup();
    assert_eq!(seen, used);
    assert_eq!(
        app.library.visible(&app.content).len(),
        app.content.exercises.len()
    );
}

#[test]
fn tag_filter_shows_only_tagged_and_clear_resets() {
    let mut app = acknowledged();
    send(&mut app, &[Intent::Select, Intent::Down, Intent::CycleTag]);
    let tag = app.library.tag.clone().unwrap();
    assert_eq!(
        app.library.selected.index(),
        0,
        "a new filter starts at the top"
    );
    let visible = app.library.visible(&app.content);
    assert!(!visible.is_empty() && visible.iter().all(|e| e.tags.contains(&tag)));
    send(&mut app, &[Intent::ClearFilters]);
    assert_eq!(
        (app.library.position, app.library.tag.clone()),
        (None, None)
    );
}

#[test]
fn selecting_in_an_empty_filtered_list_does_nothing() {
    let mut app = acknowledged();
    send(&mut app, &[Intent::Select]);
    app.library.tag = Some("no-such-tag".into());
    send(&mut app, &[Intent::Select, Intent::Down]);
    assert_eq!(app.screen, Screen::Library);
    assert!(app.card.is_none());
}

#[test]
fn techniques_are_not_listed_in_the_library() {
    let app = acknowledged();
    let listed = app.library.visible(&app.content);
    for technique in &app.content.techniques {
        assert!(listed.iter().all(|e| e.id != technique.id));
    }
}

#[test]
fn help_overlay_swallows_keys_and_closes_with_back() {
    let mut app = acknowledged();
    send(&mut app, &[Intent::ToggleHelp]);
    assert!(app.help_open);
    send(&mut app, &[Intent::Select, Intent::Down]);
    assert_eq!(
        app.screen,
        Screen::Home,
        "keys behind the overlay do nothing"
    );
    send(&mut app, &[Intent::Back]);
    assert!(!app.help_open);
    assert!(!app.quit, "Esc closes the help, it does not go back");
}

#[test]
fn quit_and_suspend_work_everywhere() {
    let mut app = acknowledged();
    send(&mut app, &[Intent::Select, Intent::Select]);
    assert_eq!(send(&mut app, &[Intent::Suspend]), vec![Cmd::Suspend]);
    send(&mut app, &[Intent::Quit]);
    assert!(app.quit);
}

#[test]
fn a_notice_stays_until_the_next_key() {
    let mut app = acknowledged();
    send(&mut app, &[Outcome::SaveFailed("disk full".into())]);
    assert!(app.notice.as_deref().unwrap().contains("disk full"));
    send(&mut app, &[Outcome::Resumed]);
    assert!(app.notice.is_some(), "a resize is not the user reading it");
    send(&mut app, &[Intent::Down]);
    assert!(app.notice.is_none());
}

#[test]
fn nothing_in_this_app_wakes_the_loop_by_itself() {
    let mut app = acknowledged();
    assert_eq!(app::next_wakeup(&app, at(0)), None);
    send(&mut app, &[Intent::Select, Intent::Select]);
    assert_eq!(app::next_wakeup(&app, at(0)), None);
}

#[test]
fn keys_map_per_screen_and_help_lists_only_working_keys() {
    let mut app = acknowledged();
    assert_eq!(keys::map(key(KeyCode::Char('j')), &app), Some(Intent::Down));
    assert_eq!(keys::map(key(KeyCode::Char('q')), &app), Some(Intent::Back));
    assert_eq!(
        keys::map(key(KeyCode::Char('?')), &app),
        Some(Intent::ToggleHelp)
    );
    assert_eq!(
        keys::map(key(KeyCode::Char('f')), &app),
        None,
        "no filter on home"
    );
    let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert_eq!(keys::map(ctrl_c, &app), Some(Intent::Quit));
    let ctrl_z = KeyEvent::new(KeyCode::Char('z'), KeyModifiers::CONTROL);
    assert_eq!(keys::map(ctrl_z, &app), Some(Intent::Suspend));
    let mut release = key(KeyCode::Char('j'));
    release.kind = KeyEventKind::Release;
    assert_eq!(keys::map(release, &app), None);

    send(&mut app, &[Intent::Select]);
    assert_eq!(
        keys::map(key(KeyCode::Char('f')), &app),
        Some(Intent::CyclePosition)
    );
    assert_eq!(keys::map(key(KeyCode::Esc), &app), Some(Intent::Back));
    assert_eq!(keys::map(key(KeyCode::Char('h')), &app), Some(Intent::Back));
    send(&mut app, &[Intent::Select]);
    assert_eq!(keys::map(key(KeyCode::Char(' ')), &app), Some(Intent::Next));
    assert_eq!(keys::map(key(KeyCode::Left), &app), Some(Intent::Previous));

    // Every binding's keys map to its message on its own screen.
    for screen in [
        Screen::Disclaimer,
        Screen::Home,
        Screen::Library,
        Screen::Card,
    ] {
        app.screen = screen;
        for binding in keys::screen_bindings(screen) {
            for code in binding.codes {
                // A digit binding stands for each digit's own intent.
                let intent = match (binding.intent, code) {
                    (Intent::Digit(_), KeyCode::Char(c)) => {
                        Intent::Digit(u8::try_from(c.to_digit(10).unwrap()).unwrap())
                    }
                    (intent, _) => intent,
                };
                assert_eq!(
                    keys::map(key(*code), &app),
                    Some(intent),
                    "{screen:?} {code:?}"
                );
            }
            assert!(!binding.keys.is_empty() && !binding.does.is_empty());
        }
    }
}

/// The selected index of the list on `app`'s screen.
fn list_index(app: &App) -> usize {
    match app.screen {
        Screen::Home => app.home_selected.index(),
        Screen::Library => app.library.selected.index(),
        Screen::Routines => app.routine_selected.index(),
        Screen::Therapy => app.therapy.picked.index(),
        Screen::Release => app.safety.selected.index(),
        Screen::Reminder => app.reminder.selected.index(),
        other => panic!("no list on {other:?}"),
    }
}

#[test]
fn page_keys_move_every_list_alike() {
    // (screen, entries): each list pages by the same step and stops at
    // either end; PgDn on a list shorter than a page reaches its last entry.
    let mut app = acknowledged();
    let lists = [
        (Screen::Home, app::HomeEntry::ALL.len()),
        (Screen::Library, app.content.exercises.len()),
        (Screen::Routines, app.content.routines.len()),
        (Screen::Therapy, app.content.therapy.len()),
        (Screen::Release, app.content.techniques.len()),
    ];
    for (screen, len) in lists {
        app.screen = screen;
        let page_down = keys::map(key(KeyCode::PageDown), &app);
        assert_eq!(page_down, Some(Intent::PageDown), "{screen:?}");
        send(&mut app, &[Intent::PageDown]);
        assert_eq!(list_index(&app), (len - 1).min(10), "{screen:?}");
        send(&mut app, &[Intent::PageDown, Intent::PageDown]);
        assert_eq!(list_index(&app), len - 1, "{screen:?}");
        let page_up = keys::map(key(KeyCode::PageUp), &app);
        assert_eq!(page_up, Some(Intent::PageUp), "{screen:?}");
        send(&mut app, &[Intent::PageUp, Intent::PageUp, Intent::PageUp]);
        assert_eq!(list_index(&app), 0, "{screen:?}");
    }
    // The reminder's rows keep their keys: PgUp/PgDn are first/last there.
    app.screen = Screen::Reminder;
    let page_down = keys::map(key(KeyCode::PageDown), &app);
    assert_eq!(page_down, Some(Intent::Last));
    send(&mut app, &[Intent::Last]);
    assert_eq!(list_index(&app), app::reminder_screen::ROWS.len() - 1);
}
