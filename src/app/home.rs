//! The home menu and the one-time first-run statement.

use super::{
    App, Cmd, Intent, Now, Screen, history, list, opening, programme, quit, safety, scroll,
    warnings,
};
use crate::store::settings_change::SettingsChange;

/// An entry of the home menu. Only working features get an entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HomeEntry {
    /// The exercise library.
    Library,
    /// Gentle self-release, behind the safety checklist.
    SelfRelease,
    /// The safety warnings review.
    Warnings,
    /// Pick a routine and be coached through it.
    Session,
    /// Past sessions.
    History,
    /// The heat/cold timer.
    Therapy,
    /// The stand-up reminder's settings.
    Reminder,
    /// The home programme in force today: starts the routine due.
    Programme,
}

/// The entries on the menu at `now`: [`HomeEntry::ALL`], then the home
/// programme when one is in force (last, so every other entry keeps its
/// digit).
pub fn entries(app: &App, now: Now) -> Vec<HomeEntry> {
    let mut entries = HomeEntry::ALL.to_vec();
    if programme::today(app, now).is_some() {
        entries.push(HomeEntry::Programme);
    }
    entries
}

impl HomeEntry {
    /// The entries always shown, in order.
    pub const ALL: [HomeEntry; 7] = [
        HomeEntry::Library,
        HomeEntry::Session,
        HomeEntry::Therapy,
        HomeEntry::SelfRelease,
        HomeEntry::Warnings,
        HomeEntry::Reminder,
        HomeEntry::History,
    ];

    /// Menu label.
    pub fn label(self) -> &'static str {
        match self {
            HomeEntry::Library => "Exercise library",
            HomeEntry::SelfRelease => "Gentle self-release",
            HomeEntry::Warnings => "Safety warnings",
            HomeEntry::Session => "Guided session",
            HomeEntry::History => "History",
            HomeEntry::Therapy => "Heat/cold timer",
            HomeEntry::Reminder => "Stand-up reminder",
            HomeEntry::Programme => "Your programme",
        }
    }

    /// One line on what it opens.
    pub fn description(self) -> &'static str {
        match self {
            HomeEntry::Library => "Browse the gentle stretches, one step at a time.",
            HomeEntry::SelfRelease => {
                "Three gentle release techniques, after a short safety checklist."
            }
            HomeEntry::Warnings => "What forceful cracking can do, stop signs and red flags.",
            HomeEntry::Session => "Pick a routine and be coached through it, hands-free.",
            HomeEntry::History => "Past sessions, your streak and pain before and after.",
            HomeEntry::Therapy => "Heat, cold or both, never longer than 20 minutes.",
            HomeEntry::Reminder => "How often to stand up and walk around, and how to be told.",
            HomeEntry::Programme => "Start the routine your programme has due.",
        }
    }
}

pub(super) fn disclaimer(app: &mut App, msg: Intent, now: Now) -> Vec<Cmd> {
    match msg {
        Intent::Select => {
            app.settings.disclaimer_acknowledged = Some(now.wall);
            app.screen = Screen::Home;
            let mut cmds = vec![Cmd::SaveSettings(SettingsChange::DisclaimerAcknowledged(
                now.wall,
            ))];
            cmds.extend(opening::open(app, now));
            cmds
        }
        Intent::Back => quit::request(app, now),
        other => {
            scroll::keys(app, other);
            Vec::new()
        }
    }
}

pub(super) fn home(app: &mut App, msg: Intent, now: Now) -> Vec<Cmd> {
    let entries = entries(app, now);
    // A digit opens the entry it names: 1 is the first.
    if let Intent::Digit(digit) = msg {
        let index = usize::from(digit).wrapping_sub(1);
        if index >= entries.len() {
            return Vec::new();
        }
        app.home_selected = crate::domain::cursor::ListCursor::at(index);
        return home(app, Intent::Select, now);
    }
    if list::step(&mut app.home_selected, msg, entries.len()) {
        return Vec::new();
    }
    match msg {
        Intent::Select => match entries.get(app.home_selected.index()) {
            Some(HomeEntry::Library) => app.screen = Screen::Library,
            Some(HomeEntry::SelfRelease) => return safety::enter(app, Screen::Home, None, now),
            Some(HomeEntry::Warnings) => return warnings::open(app, Screen::Home),
            Some(HomeEntry::Session) => app.screen = Screen::Routines,
            Some(HomeEntry::History) => return history::open(app),
            Some(HomeEntry::Therapy) => app.screen = Screen::Therapy,
            Some(HomeEntry::Reminder) => app.screen = Screen::Reminder,
            Some(HomeEntry::Programme) => return programme::start(app, now),
            None => {}
        },
        Intent::Back => return quit::request(app, now),
        _ => {}
    }
    Vec::new()
}
