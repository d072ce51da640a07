//! The view: draws the app state. Never changes it.

pub mod away;
pub mod big_digits;
pub mod card;
pub mod checklist;
pub mod disclaimer;
pub mod few_lines;
pub mod help;
pub mod history;
mod history_compact;
pub mod home;
pub mod hurt;
pub mod library;
pub mod lines;
pub mod list_view;
pub mod popup;
pub mod programme;
pub mod quit;
pub mod release;
pub mod reminder;
pub mod report;
pub mod routines;
pub mod scroll_text;
pub mod scrollbar;
pub mod session;
pub mod session_compact;
pub mod session_end;
pub mod standup;
pub mod standup_stats;
pub mod status;
pub mod suggestion;
pub mod technique;
pub mod theme;
pub mod therapy;
pub mod tiny;
pub mod too_small;
pub mod warnings;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};

use crate::app::{App, Drawn, Screen};
use report::Part;
use theme::Theme;

/// Smallest terminal width every screen is laid out for; below it (or
/// below [`MIN_HEIGHT`]) only a running countdown, the heat/cold alert and
/// the stand-up reminder show, each in a few short lines.
pub const MIN_WIDTH: u16 = 40;
/// Smallest terminal height every screen is laid out for.
pub const MIN_HEIGHT: u16 = 12;
/// Below this height the header line gives way to the screen (unless it
/// shows the heat/cold badge).
pub const HEADER_FROM: u16 = 16;
/// Widest the screens grow; wider terminals get the column centred, since
/// very long lines are hard to read from across the room.
pub const MAX_WIDTH: u16 = 120;

/// `area` less a cell on the left: the margin of a compact screen's text
/// (its lists have the "▶ " gutter instead).
pub fn indent(area: Rect) -> Rect {
    Rect {
        x: area.x.saturating_add(1),
        width: area.width.saturating_sub(1),
        ..area
    }
}

/// True when a screen's body is small enough for its compact form:
/// borders, blank lines and descriptions give way, content never does.
pub fn compact(body: Rect) -> bool {
    body.width < 50 || body.height < 14
}

/// Draws the whole app into the frame. Returns what the model needs to
/// know of the frame (the layout of the scrolling text and the list on
/// screen, the key hints, whether the heat/cold alert is on screen), for
/// the runtime to hand over.
pub fn view(app: &App, frame: &mut Frame) -> Drawn {
    let area = frame.area();
    let theme = Theme { color: app.color };
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return tiny::render(app, frame, area, theme);
    }
    let area = area.centered_horizontally(Constraint::Max(MAX_WIDTH));
    let notice_height = app
        .notice
        .as_ref()
        .map_or(0, |n| status::notice_height(n, area.width));
    let header_height = u16::from(area.height >= HEADER_FROM || therapy::badge_shown(app));
    let [header, body, notice, footer] = Layout::vertical([
        Constraint::Length(header_height),
        Constraint::Fill(1),
        Constraint::Length(notice_height),
        Constraint::Length(1),
    ])
    .areas(area);
    let badge = therapy::render_badge(app, frame, header, theme);
    render_header(app, frame, header, badge, theme);
    let part = match app.screen {
        Screen::Disclaimer => disclaimer::render(app, frame, body, theme),
        Screen::Home => home::render(app, frame, body, theme),
        Screen::Library => library::render(app, frame, body, theme),
        Screen::Card => card::render(app, frame, body, theme),
        Screen::Checklist => checklist::render(app, frame, body, theme),
        Screen::Release => release::render(app, frame, body, theme),
        Screen::Habit => release::render_habit(app, frame, body, theme),
        Screen::Technique => technique::render(app, frame, body, theme),
        Screen::Hurt => hurt::render(app, frame, body, theme),
        Screen::Warnings => warnings::render(app, frame, body, theme),
        Screen::Routines => routines::render_picker(app, frame, body, theme),
        Screen::RoutinePreview => routines::render_preview(app, frame, body, theme),
        Screen::Session => session::render(app, frame, body, theme),
        Screen::History => {
            history::render(app, frame, body, theme);
            Part::default()
        }
        Screen::Therapy => therapy::render(app, frame, body, theme),
        Screen::Reminder => reminder::render(app, frame, body, theme),
    };
    if let Some(text) = &app.notice {
        status::render_notice(text, frame, notice, theme);
    }
    let hints = status::render(app, frame, footer, theme);
    let Part { mut text, mut list } = part;
    // An overlay takes the pointer and the scroll keys from the screen.
    let mut overlay = |shown| {
        text = shown;
        list = None;
    };
    if app.reminder.showing {
        overlay(standup::render(app, frame, body, theme));
    }
    if app.reminder.away.asking.is_some() {
        overlay(away::render(app, frame, body, theme));
    }
    if app.quit_ask.is_some() {
        overlay(quit::render(app, frame, body, theme));
    }
    if app.help_open {
        overlay(Some(help::render(app, frame, body, theme)));
    }
    // Nothing is drawn over the alert but these overlays.
    let covered = app.help_open
        || app.reminder.showing
        || app.reminder.away.asking.is_some()
        || app.quit_ask.is_some();
    Drawn {
        text,
        alert_shown: app.screen == Screen::Therapy && app.therapy.alert.is_some() && !covered,
        list,
        hints,
    }
}

/// The name of a screen as shown in the header and the help title.
pub fn screen_title(screen: Screen) -> &'static str {
    match screen {
        Screen::Disclaimer => "Before you start",
        Screen::Home => "Home",
        Screen::Library => "Exercise library",
        Screen::Card => "Exercise card",
        Screen::Checklist => "Safety checklist",
        Screen::Release => "Gentle self-release",
        Screen::Habit => "Gentle self-release: a habit?",
        Screen::Technique => "Self-release technique",
        Screen::Hurt => "Stop",
        Screen::Warnings => "Safety warnings",
        Screen::Routines => "Guided session",
        Screen::RoutinePreview => "Routine",
        Screen::Session => "Session",
        Screen::History => "History",
        Screen::Therapy => "Heat/cold timer",
        Screen::Reminder => "Stand-up reminder",
    }
}

/// The screen's name, left of the `badge` cells the heat/cold badge took
/// at the right; left out where both do not fit (the badge matters more).
fn render_header(app: &App, frame: &mut Frame, area: Rect, badge: u16, theme: Theme) {
    let line = Line::from(vec![
        Span::styled(" backcoach", theme.title()),
        Span::styled(" › ", theme.dim()),
        Span::styled(screen_title(app.screen), theme.text()),
    ]);
    let room = usize::from(area.width.saturating_sub(badge));
    if area.height == 0 || line.width() + usize::from(badge > 0) > room {
        return;
    }
    frame.render_widget(line, area);
}
