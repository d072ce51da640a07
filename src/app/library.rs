//! The exercise library and its cards.

use super::{App, Cmd, Intent, Screen, list};
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
    let Some(card) = app.card.as_mut() else {
        app.screen = Screen::Library;
        return Vec::new();
    };
    if !step_through(card, &msg) && msg == Intent::Back {
        app.card = None;
        app.screen = Screen::Library;
    }
    Vec::new()
}

/// Moves a card's step cursor for the keys every card shares (next and
/// previous step, and the list keys); false when `msg` is not one of them.
pub(super) fn step_through(card: &mut Card, msg: &Intent) -> bool {
    let intent = match msg {
        Intent::Next | Intent::Select => Intent::Down,
        Intent::Previous => Intent::Up,
        other => *other,
    };
    list::step(&mut card.step, intent, card.steps)
}
