//! The exercise library and its cards.

use super::{App, Cmd, Intent, Screen, list, scroll};
use crate::domain::card::Card;

pub(super) fn library(app: &mut App, msg: Intent) -> Vec<Cmd> {
    let content = &app.content;
    let lib = &mut app.library;
    let len = lib.visible(content).len();
    if list::step(&mut lib.selected, msg, len) {
        return Vec::new();
    }
    match msg {
        Intent::CyclePosition => lib.cycle_position(content),
        Intent::CycleTag => lib.cycle_tag(content),
        Intent::ClearFilters => lib.clear_filters(),
        Intent::Select => {
            if let Some(exercise) = lib.selected(content) {
                app.card = Some(Card::open(&exercise.id, exercise.steps.len()));
                app.screen = Screen::Card;
            }
        }
        Intent::Back => app.screen = Screen::Home,
        _ => {}
    }
    Vec::new()
}

pub(super) fn card(app: &mut App, msg: Intent) -> Vec<Cmd> {
    if app.card.is_none() {
        app.screen = Screen::Library;
        return Vec::new();
    }
    if !step_through(app, msg) && msg == Intent::Back {
        app.card = None;
        app.screen = Screen::Library;
    }
    Vec::new()
}

/// The keys every card shares: next and previous step, the first and the
/// last step (the view brings the new step into view), and the keys that
/// scroll the card's text; false when `msg` is not one of them.
pub(super) fn step_through(app: &mut App, msg: Intent) -> bool {
    let Some(card) = app.card.as_mut() else {
        return false;
    };
    let intent = match msg {
        Intent::Next | Intent::Select => Intent::Down,
        Intent::Previous => Intent::Up,
        Intent::First | Intent::Last => msg,
        other => return scroll::keys(app, other),
    };
    list::step(&mut card.step, intent, card.steps)
}
