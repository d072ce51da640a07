//! The scrolling text of the current screen or overlay: where it is
//! scrolled to, moved by keys and the wheel within the extent the view
//! last reported ([`Shown`]), so the model never measures text itself.
//!
//! One offset serves the screen's text and one the overlay's (the key
//! help, say), so a look at the help keeps the place in the text under it.
//! Each goes back to the top whenever its text changes (another screen,
//! question, card or overlay), and a card's step change asks the view to
//! bring the new step into view.

use super::{App, Intent, Screen, Shown};
use crate::domain::session::Phase;

/// Where the text is scrolled to.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Scroll {
    /// First line shown: as last drawn, or as moved since.
    pub offset: usize,
    /// Bring the focus (a card's current step) into view at the next
    /// frame, moving as little as needed; the view reports where that
    /// put the text.
    pub follow: bool,
}

/// What the screen's text belongs to: when this changes, its offset
/// starts again from the top.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Context {
    screen: Screen,
    card: Option<String>,
    question: usize,
    phase: Option<Phase>,
    therapy: (bool, bool, super::therapy::Stage),
}

/// Which overlay is on top, if any: its text has its own offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Overlay {
    /// The key help.
    Help,
    /// The stand-up reminder.
    Standup,
    /// The "quit with a pack on?" question.
    Quit,
}

/// The overlay on top, whose text takes the scroll keys, if any.
pub(super) fn overlay(app: &App) -> Option<Overlay> {
    if app.help_open {
        Some(Overlay::Help)
    } else if app.quit_ask.is_some() {
        Some(Overlay::Quit)
    } else if app.reminder.showing {
        Some(Overlay::Standup)
    } else {
        None
    }
}

/// The contexts and the focus (a card's step) before a message.
pub(super) struct Before {
    context: Context,
    overlay: Option<Overlay>,
    step: Option<usize>,
}

fn context(app: &App) -> Context {
    Context {
        screen: app.screen,
        card: app.card.as_ref().map(|c| c.exercise_id.clone()),
        question: app.safety.form.cursor.index(),
        phase: app.session.as_ref().map(|s| s.phase),
        therapy: (
            app.therapy.alert.is_some(),
            app.therapy.session.is_some(),
            app.therapy.stage,
        ),
    }
}

/// Notes what the text belongs to before a message is handled.
pub(super) fn before(app: &App) -> Before {
    Before {
        context: context(app),
        overlay: overlay(app),
        step: app.card.as_ref().map(|c| c.step.index()),
    }
}

/// After a message: other text starts at the top (and the extent of the
/// text on top is unknown until drawn); a new step on the same card is
/// brought into view.
pub(super) fn after(app: &mut App, before: &Before) {
    let top = Scroll {
        offset: 0,
        follow: true,
    };
    let overlay = overlay(app);
    if overlay != before.overlay {
        app.overlay_scroll = top;
        app.shown = None;
    }
    if context(app) != before.context {
        app.scroll = top;
        app.shown = None;
    } else if app.card.as_ref().map(|c| c.step.index()) != before.step {
        app.scroll.follow = true;
    }
}

/// The offset of the text on top: the overlay's, or the screen's.
fn top(app: &mut App) -> &mut Scroll {
    if overlay(app).is_some() {
        &mut app.overlay_scroll
    } else {
        &mut app.scroll
    }
}

/// The view drew the text: take the offset it showed (kept in range, or
/// moved to the focus).
pub(super) fn drawn(app: &mut App) {
    if let Some(shown) = app.shown {
        *top(app) = Scroll {
            offset: shown.offset,
            follow: false,
        };
    }
}

/// Moves the text on top by `lines` (negative is up), within what was
/// last drawn; nothing before the first frame.
pub fn by(app: &mut App, lines: isize) {
    let Some(shown) = app.shown else { return };
    let scroll = top(app);
    let offset = scroll.offset.saturating_add_signed(lines);
    *scroll = Scroll {
        offset: offset.min(shown.max_offset()),
        follow: false,
    };
}

/// Lines a page moves: what is on screen but one, so a line of context
/// stays.
fn page(shown: Shown) -> isize {
    isize::try_from(shown.visible().saturating_sub(1).max(1)).unwrap_or(isize::MAX)
}

/// The keys that scroll text: ↑↓ a line, a page, the top and the end,
/// and the wheel; false (nothing moved) for any other intent.
pub fn keys(app: &mut App, intent: Intent) -> bool {
    let pages = |app: &App, n: isize| app.shown.map_or(0, |s| page(s).saturating_mul(n));
    let lines = match intent {
        Intent::Up => -1,
        Intent::Down => 1,
        Intent::Scroll(n) => isize::from(n),
        Intent::PageUp => pages(app, -1),
        Intent::PageDown => pages(app, 1),
        Intent::First => isize::MIN,
        Intent::Last => isize::MAX,
        _ => return false,
    };
    by(app, lines);
    true
}

/// For a screen whose arrows move a list beside its text: the wheel
/// scrolls the text, and so do the page keys while the text does not all
/// fit (else they page the list); false when the intent is left to the
/// list.
pub fn page_keys(app: &mut App, intent: Intent) -> bool {
    let overflows = app.shown.is_some_and(|s| s.total > s.visible());
    match intent {
        Intent::Scroll(_) => keys(app, intent),
        Intent::PageUp | Intent::PageDown if overflows => keys(app, intent),
        _ => false,
    }
}
