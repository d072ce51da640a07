//! Update handlers of the guided-session screens: the routine picker, the
//! routine preview and the running session.

use super::{App, Cmd, Intent, Now, Screen, list, scroll};
use crate::domain::cursor::ListCursor;
use crate::domain::plan::Plan;
use crate::domain::record::Record;
use crate::domain::session::{Phase, Session};
use crate::store::settings_change::SettingsChange;

/// Starts the routine `id` at its pain check-in; `Err` lists the valid ids.
pub fn start_routine(app: &mut App, id: &str, now: Now) -> Result<(), String> {
    let Some(index) = app.content.routines.iter().position(|r| r.id == id) else {
        let ids: Vec<&str> = app.content.routines.iter().map(|r| r.id.as_str()).collect();
        return Err(format!(
            "unknown routine `{id}`; valid ids: {}",
            ids.join(", ")
        ));
    };
    app.routine_selected = ListCursor::at(index);
    begin(app, now);
    Ok(())
}

/// The plan of the selected routine, with the person's accepted steps.
pub fn selected_plan(app: &App) -> Option<Plan> {
    let today = app
        .now
        .map_or(chrono::NaiveDate::MIN, |now| now.wall.date_naive());
    app.content
        .routines
        .get(app.routine_selected.index())
        .map(|r| Plan::build_adjusted(r, &app.content, &app.doses.adjusted, today))
}

fn begin(app: &mut App, now: Now) {
    app.now = Some(now);
    if let Some(plan) = selected_plan(app) {
        app.session = Some(Session::new(plan, now.wall.fixed_offset()));
        app.screen = Screen::Session;
    }
}

pub(super) fn routines(app: &mut App, msg: Intent) -> Vec<Cmd> {
    if list::step(&mut app.routine_selected, msg, app.content.routines.len()) {
        return Vec::new();
    }
    match msg {
        Intent::Select if !app.content.routines.is_empty() => app.screen = Screen::RoutinePreview,
        Intent::ToggleBell => return toggle_bell(app),
        Intent::Back => app.screen = Screen::Home,
        _ => {}
    }
    Vec::new()
}

pub(super) fn preview(app: &mut App, msg: Intent, now: Now) -> Vec<Cmd> {
    match msg {
        Intent::Select => begin(app, now),
        Intent::ToggleBell => return toggle_bell(app),
        Intent::Back => app.screen = Screen::Routines,
        other => {
            scroll::keys(app, other);
        }
    }
    Vec::new()
}

fn toggle_bell(app: &mut App) -> Vec<Cmd> {
    app.settings.session_bell = !app.settings.session_bell;
    vec![Cmd::SaveSettings(SettingsChange::SessionBell(
        app.settings.session_bell,
    ))]
}

/// The clock moved: advance a running session past every ended countdown.
pub(super) fn tick(app: &mut App, now: Now) -> Vec<Cmd> {
    let Some(session) = app.session.as_mut() else {
        return Vec::new();
    };
    let moved = session.tick(now.instant);
    cues(app, moved > 0)
}

/// At each change of beat: the bell (when on) and the spoken cue (when
/// spoken cues are on).
fn cues(app: &App, moved: bool) -> Vec<Cmd> {
    if !moved {
        return Vec::new();
    }
    let mut cmds = Vec::new();
    if app.settings.session_bell {
        cmds.push(Cmd::Bell);
    }
    let cue = app.session.as_ref().and_then(Session::cue);
    cmds.extend(cue.and_then(|cue| super::speech::say(app, cue)));
    cmds
}

fn append(record: crate::domain::session_record::SessionRecord) -> Cmd {
    Cmd::Append(Record::Session(record))
}

/// Ctrl-Z: a running countdown pauses while the process is stopped.
pub(super) fn on_suspend(app: &mut App, now: Now) {
    if let Some(s) = app.session.as_mut()
        && s.is_counting_down()
    {
        s.tick(now.instant);
        s.toggle_pause(now.instant);
    }
}

/// Quitting (Ctrl-C, an ending signal) during a started session records
/// it as abandoned, with its progress, before the process exits.
pub(super) fn on_quit(app: &mut App, now: Now) -> Vec<Cmd> {
    match app.session.as_mut() {
        Some(s) if s.outcome.is_none() && s.phase != Phase::CheckIn => {
            vec![append(s.leave(now.instant))]
        }
        _ => Vec::new(),
    }
}

pub(super) fn session(app: &mut App, msg: Intent, now: Now) -> Vec<Cmd> {
    let Some(session) = app.session.as_mut() else {
        app.screen = Screen::Routines;
        return Vec::new();
    };
    // Catch up first: a key may arrive after a countdown ended.
    let mut moved = session.tick(now.instant) > 0;
    let t = now.instant;
    let wall = now.wall.fixed_offset();
    let mut cmds = Vec::new();
    match (session.phase, msg) {
        (Phase::CheckIn | Phase::Running | Phase::Confirm | Phase::CheckOut, Intent::Hurt) => {
            cmds.push(append(session.hurt(t, wall)));
        }
        (Phase::Running | Phase::CheckOut, Intent::Rate(rating)) => {
            session.rate(rating, t);
        }
        (Phase::CheckIn | Phase::CheckOut, Intent::Digit(d)) => session.type_digit(d, t),
        (Phase::CheckIn | Phase::CheckOut, Intent::Up) => session.adjust_pain(true),
        (Phase::CheckIn | Phase::CheckOut, Intent::Down) => session.adjust_pain(false),
        (Phase::CheckIn | Phase::CheckOut, answer @ (Intent::Select | Intent::Next)) => {
            let skip = answer == Intent::Next;
            let starting = session.phase == Phase::CheckIn;
            if let Some(record) = session.answer_pain(skip, t, wall) {
                cmds.push(append(record));
            }
            moved |= starting;
        }
        (Phase::CheckIn, Intent::Back) => {
            app.session = None;
            app.screen = Screen::RoutinePreview;
        }
        (Phase::CheckOut, Intent::Back) => {
            if let Some(record) = session.answer_pain(true, t, wall) {
                cmds.push(append(record));
            }
        }
        (Phase::Running, Intent::TogglePause) => session.toggle_pause(t),
        (Phase::Running, Intent::Next) => moved |= session.skip(t),
        (Phase::Running, Intent::Previous) => moved |= session.back(t),
        (Phase::Running, Intent::Select) => moved |= session.enter(t),
        (Phase::Running, Intent::Back) => session.ask_leave(t),
        (Phase::Confirm, Intent::Select) => {
            cmds.push(append(session.leave(t)));
            app.session = None;
            app.screen = Screen::Routines;
            app.notice = Some("Session left; it is in your history as abandoned.".to_owned());
        }
        (Phase::Confirm, Intent::Back) => session.cancel_leave(t),
        (Phase::Summary | Phase::Hurt, Intent::Yes) => cmds.extend(super::dose::accept(app, now)),
        (Phase::Summary | Phase::Hurt, Intent::Back | Intent::Select) => {
            app.session = None;
            app.doses.suggestion = None;
            app.screen = Screen::Routines;
        }
        (Phase::Summary | Phase::Hurt, other) => {
            scroll::keys(app, other);
        }
        _ => {}
    }
    cmds.extend(cues(app, moved));
    cmds
}
