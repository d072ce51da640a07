//! Before and during an application: the mode picker, the skin check
//! (which needs an explicit `y`: Enter alone never starts one), the
//! rest-gap warning, and the keys of a running application.

use super::super::{App, Cmd, Intent, Now, Screen, list, scroll};
use super::{Stage, mode_name};
use crate::domain::therapy::{self, Session};
use crate::time::words;

pub(super) fn running(app: &mut App, msg: Intent, now: Now) -> Vec<Cmd> {
    let Some(session) = app.therapy.session.as_mut() else {
        return Vec::new();
    };
    match msg {
        Intent::Longer => {
            session.longer();
            vec![Cmd::SaveRunning(session.running.clone())]
        }
        Intent::Shorter => {
            session.shorter(now);
            let mut cmds = vec![Cmd::SaveRunning(session.running.clone())];
            cmds.extend(super::advance(app, now));
            cmds
        }
        Intent::PackRemoved => {
            let Some(session) = app.therapy.session.take() else {
                return Vec::new();
            };
            let actual = session.elapsed(now).min(session.planned());
            let ended = now.wall.fixed_offset();
            app.therapy.last_end = app.therapy.last_end.max(Some(ended));
            app.therapy.stage = Stage::Pick;
            app.notice = Some(format!(
                "{} ended after {}. Leave 20 to 40 minutes before the next application.",
                mode_name(app, session.running.mode),
                words::clock(actual)
            ));
            let mut cmds = Vec::new();
            if !session.running.logged {
                cmds.push(Cmd::Append(therapy::history::record(
                    &session.running,
                    actual,
                    ended,
                    true,
                )));
            }
            cmds.push(Cmd::ClearRunning);
            cmds
        }
        Intent::Back => {
            app.screen = Screen::Home;
            Vec::new()
        }
        _ => Vec::new(),
    }
}

pub(super) fn pick(app: &mut App, msg: Intent) -> Vec<Cmd> {
    let t = &mut app.therapy;
    if list::step(&mut t.picked, msg, app.content.therapy.len()) {
        return Vec::new();
    }
    match msg {
        Intent::Select => {
            if let Some(mode) = app.content.therapy.get(t.picked.index()) {
                t.planned = therapy::default_length(mode);
                t.stage = Stage::Check;
            }
        }
        Intent::Back => app.screen = Screen::Home,
        _ => {}
    }
    Vec::new()
}

/// The skin check: only `y` (yes, start) starts an application; Enter, held
/// down from Home, must never answer for the user.
pub(super) fn check(app: &mut App, msg: Intent, now: Now) -> Vec<Cmd> {
    let t = &mut app.therapy;
    match msg {
        Intent::Longer => t.planned = therapy::plan_longer(t.planned),
        Intent::Shorter => t.planned = therapy::plan_shorter(t.planned),
        Intent::Yes => {
            if therapy::rest_gap_ago(t.last_end, &now.wall).is_some() {
                t.stage = Stage::RestGap;
            } else {
                return start(app, now);
            }
        }
        Intent::Select => {
            app.notice = Some("Answer the question with y to start; Enter does not.".to_owned());
        }
        Intent::Back => t.stage = Stage::Pick,
        other => {
            scroll::keys(app, other);
        }
    }
    Vec::new()
}

pub(super) fn rest_gap(app: &mut App, msg: Intent, now: Now) -> Vec<Cmd> {
    match msg {
        Intent::ConfirmAnyway => start(app, now),
        Intent::Back => {
            app.therapy.stage = Stage::Check;
            Vec::new()
        }
        other => {
            scroll::keys(app, other);
            Vec::new()
        }
    }
}

fn start(app: &mut App, now: Now) -> Vec<Cmd> {
    let Some(mode) = app.content.therapy.get(app.therapy.picked.index()) else {
        return Vec::new();
    };
    let session = Session::start(
        mode.mode,
        app.therapy.planned,
        therapy::pattern_of(mode),
        now,
    );
    let cmd = Cmd::SaveRunning(session.running.clone());
    app.therapy.session = Some(session);
    app.therapy.announced = Some(0);
    app.therapy.stage = Stage::Pick;
    vec![cmd]
}
