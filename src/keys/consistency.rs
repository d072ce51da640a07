//! Checks over every key table at once: one meaning per key, and the keys
//! that must mean the same thing wherever they work.

use ratatui::crossterm::event::KeyCode::{self, Char, Esc};

use super::{Binding, HELP, QUIT_ASK, browse, reminder, safety, session, therapy};
use crate::app::Intent;

/// Every table of plain keys (the global table holds Ctrl-C and Ctrl-Z).
fn tables() -> Vec<&'static [Binding]> {
    let mut all = vec![HELP, QUIT_ASK];
    for group in [
        browse::TABLES,
        safety::TABLES,
        session::TABLES,
        therapy::TABLES,
        reminder::TABLES,
    ] {
        all.extend_from_slice(group);
    }
    all
}

/// The intents `code` has in any table.
fn meanings(code: KeyCode) -> Vec<Intent> {
    let mut found: Vec<Intent> = tables()
        .into_iter()
        .flatten()
        .filter(|b| b.codes.contains(&code))
        .map(|b| b.intent)
        .collect();
    found.dedup();
    found
}

#[test]
fn no_table_binds_a_key_twice() {
    for table in tables() {
        let mut codes: Vec<&KeyCode> = table.iter().flat_map(|b| b.codes).collect();
        let all = codes.len();
        codes.sort_by_key(|c| format!("{c:?}"));
        codes.dedup();
        assert_eq!(codes.len(), all, "{:?}", table.iter().map(|b| b.keys));
    }
}

#[test]
fn the_safety_keys_mean_one_thing_each() {
    // `!` is "it hurts" wherever it works; `x` takes the pack off (and,
    // on the alert, says it is off); `r` is the stand-up reminder only.
    for intent in meanings(Char('!')) {
        assert!(
            matches!(intent, Intent::Hurt | Intent::ReportHurt),
            "! means {intent:?}"
        );
    }
    for intent in meanings(Char('x')) {
        assert!(
            matches!(intent, Intent::PackRemoved | Intent::Select),
            "x means {intent:?}"
        );
    }
    assert_eq!(meanings(Char('r')), [Intent::ToggleReminder]);
    assert_eq!(meanings(Char('m')), [Intent::ToggleQuiet]);
    assert_eq!(meanings(Char('z')), [Intent::StandupSnooze]);
    assert_eq!(meanings(Char('c')), [Intent::ClearFilters]);
    assert_eq!(meanings(Char('s')), [Intent::OpenRelease]);
}

#[test]
fn every_table_has_a_way_back_or_an_answer() {
    // Esc leaves every screen and overlay (on Home there is nothing to go
    // back to: q quits there, so a row of Esc presses stops at Home).
    for table in tables() {
        let home = std::ptr::eq(table, browse::HOME) || std::ptr::eq(table, browse::HOME_PROGRAMME);
        let esc = table.iter().any(|b| b.codes.contains(&Esc));
        assert!(
            esc || home,
            "no Esc in {:?}",
            table.iter().map(|b| b.keys).collect::<Vec<_>>()
        );
    }
}
