//! The mouse in a real terminal: the app asks for clicks and the wheel
//! while it has the screen, a click picks and opens a Home entry, the
//! wheel scrolls a text, and the terminal gets its mouse back on the way
//! out.

use crate::support::{HOME_TITLE, World, find_last, start_at_home};

/// What the app writes to ask for clicks and the wheel (SGR encoding).
const MOUSE_ON: &[u8] = b"\x1b[?1000h";
/// What it writes to give the mouse back.
const MOUSE_OFF: &[u8] = b"\x1b[?1000l";

/// An SGR mouse report for button `button` at 1-based `column`, `row`,
/// pressed (`M`) or released (`m`).
fn sgr(button: u8, column: usize, row: usize, pressed: bool) -> Vec<u8> {
    let end = if pressed { 'M' } else { 'm' };
    format!("\x1b[<{button};{column};{row}{end}").into_bytes()
}

/// 1-based column and row of `text` on the screen.
fn place(screen: &str, text: &str) -> (usize, usize) {
    screen
        .lines()
        .enumerate()
        .find_map(|(row, line)| {
            line.find(text)
                .map(|at| (line[..at].chars().count() + 1, row + 1))
        })
        .unwrap_or_else(|| panic!("{text:?} not on screen:\n{screen}"))
}

#[test]
fn a_click_opens_a_home_entry_and_the_wheel_scrolls_the_warnings() {
    let world = World::new();
    let mut tui = start_at_home(&world, &[]);
    // A click selects the entry; a click on the selection opens it.
    let (column, row) = place(&tui.screen(), "Safety warnings");
    tui.send(&sgr(0, column, row, true));
    tui.send(&sgr(0, column, row, false));
    tui.wait_for("▶ 5 Safety warnings");
    tui.send(&sgr(0, column, row, true));
    tui.send(&sgr(0, column, row, false));
    tui.wait_for("backcoach › Safety warnings");
    tui.wait_for("lines 1-");
    // One notch of the wheel down over the text scrolls three lines.
    tui.send(&sgr(65, 10, 8, true));
    tui.wait_for("lines 4-");
    tui.send(&sgr(64, 10, 8, true));
    tui.wait_for("lines 1-");
    tui.send(b"q");
    tui.wait_for(HOME_TITLE);
    tui.send(b"q");
    let ended = tui.end();
    assert!(ended.status.success());
    ended.assert_terminal_restored();
    let on = find_last(&ended.raw, MOUSE_ON).expect("the app never asked for the mouse");
    let off = find_last(&ended.raw, MOUSE_OFF);
    assert!(
        off.is_some_and(|off| off > on),
        "the mouse was not given back"
    );
}
