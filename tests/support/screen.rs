//! Helpers for the snapshot tests: load a small fixture, draw the real view
//! into a ratatui TestBackend, and read the result back as text.

use backcoach::app::{self, App, Cmd, Drawn, Msg, Now, Outcome};
use backcoach::content::catalog::Content;
use backcoach::content::load;
use backcoach::content::source::Source;
use backcoach::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

/// Loads one fixture file as the only content (no built-in content).
pub fn fixture(name: &str, text: &str) -> Content {
    let source = Source {
        name: name.into(),
        text: text.into(),
        builtin: false,
    };
    load::load(&[source]).unwrap_or_else(|p| panic!("{p:?}"))
}

/// Draws the whole app at `width` x `height`.
pub fn draw(app: &App, width: u16, height: u16) -> Buffer {
    drawn(app, width, height).0
}

/// Draws the whole app and returns the frame and what the view reported
/// about it.
pub fn drawn(app: &App, width: u16, height: u16) -> (Buffer, Drawn) {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    let mut drawn = Drawn::default();
    terminal.draw(|frame| drawn = ui::view(app, frame)).unwrap();
    (terminal.backend().buffer().clone(), drawn)
}

/// What the runtime does after an update: draw at the terminal's size and,
/// when the view's layout changed, hand it to the model (and draw again).
pub fn settle(app: &mut App, width: u16, height: u16, now: Now) -> Vec<Cmd> {
    let mut cmds = Vec::new();
    for _ in 0..4 {
        let (_, report) = drawn(app, width, height);
        if report == app.drawn() {
            break;
        }
        cmds.extend(app::update(app, Outcome::Drawn(report), now));
    }
    cmds
}

/// One message as the runtime delivers it: update, then a frame at
/// `width` x `height` (see [`settle`]).
pub fn deliver(app: &mut App, msg: impl Into<Msg>, now: Now, width: u16, height: u16) -> Vec<Cmd> {
    let mut cmds = app::update(app, msg, now);
    cmds.extend(settle(app, width, height, now));
    cmds
}

/// The buffer as text, one line per row, trailing spaces trimmed.
pub fn text(buffer: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buffer.area.height {
        let line: String = (0..buffer.area.width)
            .map(|x| buffer[(x, y)].symbol())
            .collect();
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// The app as text at `width` x `height`.
pub fn screen_at(app: &App, width: u16, height: u16) -> String {
    text(&draw(app, width, height))
}

/// The app as text at the reference size, 80x24.
pub fn screen(app: &App) -> String {
    screen_at(app, 80, 24)
}

/// The cell where `needle` first appears; fails showing the screen.
pub fn find(buffer: &Buffer, needle: &str) -> (u16, u16) {
    for y in 0..buffer.area.height {
        let line: String = (0..buffer.area.width)
            .map(|x| buffer[(x, y)].symbol())
            .collect();
        if let Some(at) = line.find(needle) {
            let x = line[..at].chars().count();
            return (u16::try_from(x).unwrap(), y);
        }
    }
    panic!("{needle:?} not on screen:\n{}", text(buffer));
}
