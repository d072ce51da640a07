//! The exercise library and its cards.

use super::{App, Cmd, Msg, PAGE, Screen};
use crate::domain::card::Card;

pub(super) fn library(app: &mut App, msg: Msg) -> Vec<Cmd> {
    let content = &app.content;
    let lib = &mut app.library;
    match msg {
        Msg::Up => lib.move_by(-1, content),
        Msg::Down => lib.move_by(1, content),
        Msg::PageUp => lib.move_by(-PAGE, content),
        Msg::PageDown => lib.move_by(PAGE, content),
        Msg::First => lib.jump(false, content),
        Msg::Last => lib.jump(true, content),
        Msg::CyclePosition => lib.cycle_position(content),
        Msg::CycleTag => lib.cycle_tag(content),
        Msg::ClearFilters => lib.clear_filters(),
        Msg::Select => {
            if let Some(exercise) = lib.selected(content) {
                app.card = Some(Card::open(&exercise.id, exercise.steps.len()));
                app.screen = Screen::Card;
            }
        }
        Msg::Back => app.screen = Screen::Home,
        _ => {}
    }
    Vec::new()
}

pub(super) fn card(app: &mut App, msg: Msg) -> Vec<Cmd> {
    let Some(card) = app.card.as_mut() else {
        app.screen = Screen::Library;
        return Vec::new();
    };
    if !step_through(card, &msg) && msg == Msg::Back {
        app.card = None;
        app.screen = Screen::Library;
    }
    Vec::new()
}

/// Moves a card's step cursor for the keys every card shares (next,
/// previous, first, last); false when `msg` is not one of them.
pub(super) fn step_through(card: &mut Card, msg: &Msg) -> bool {
    match msg {
        Msg::Next | Msg::Select | Msg::Down => card.next(),
        Msg::Previous | Msg::Up => card.previous(),
        Msg::First => card.jump(false),
        Msg::Last => card.jump(true),
        _ => return false,
    }
    true
}
