//! The exercise library and its cards.

use super::{App, Cmd, Intent, PAGE, Screen};
use crate::domain::card::Card;

pub(super) fn library(app: &mut App, msg: Intent) -> Vec<Cmd> {
    let content = &app.content;
    let lib = &mut app.library;
    match msg {
        Intent::Up => lib.move_by(-1, content),
        Intent::Down => lib.move_by(1, content),
        Intent::PageUp => lib.move_by(-PAGE, content),
        Intent::PageDown => lib.move_by(PAGE, content),
        Intent::First => lib.jump(false, content),
        Intent::Last => lib.jump(true, content),
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

/// Moves a card's step cursor for the keys every card shares (next,
/// previous, first, last); false when `msg` is not one of them.
pub(super) fn step_through(card: &mut Card, msg: &Intent) -> bool {
    match msg {
        Intent::Next | Intent::Select | Intent::Down => card.next(),
        Intent::Previous | Intent::Up => card.previous(),
        Intent::First => card.jump(false),
        Intent::Last => card.jump(true),
        _ => return false,
    }
    true
}
