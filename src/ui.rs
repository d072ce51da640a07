//! The view: draws the app state. Never changes it.

pub mod card;
pub mod disclaimer;
pub mod help;
pub mod home;
pub mod library;
pub mod reminder;
pub mod standup;
pub mod status;
pub mod theme;
pub mod too_small;
pub mod wrap;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};

use crate::app::{App, Screen};
use theme::Theme;

/// Smallest terminal width the screens are laid out for.
pub const MIN_WIDTH: u16 = 50;
/// Smallest terminal height the screens are laid out for.
pub const MIN_HEIGHT: u16 = 15;

/// Draws the whole app into the frame.
pub fn view(app: &App, frame: &mut Frame) {
    let area = frame.area();
    let theme = Theme { color: app.color };
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small::render(frame, area, theme);
        return;
    }
    let notice_height = app
        .notice
        .as_ref()
        .map_or(0, |n| status::notice_height(n, area.width));
    let [header, body, notice, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(notice_height),
        Constraint::Length(1),
    ])
    .areas(area);
    render_header(app, frame, header, theme);
    match app.screen {
        Screen::Disclaimer => disclaimer::render(app, frame, body, theme),
        Screen::Home => home::render(app, frame, body, theme),
        Screen::Library => library::render(app, frame, body, theme),
        Screen::Card => card::render(app, frame, body, theme),
        Screen::Reminder => reminder::render(app, frame, body, theme),
    }
    if let Some(text) = &app.notice {
        status::render_notice(text, frame, notice, theme);
    }
    status::render(app, frame, footer, theme);
    if app.help_open {
        help::render(app, frame, body, theme);
    }
    if app.reminder.showing {
        standup::render(app, frame, body, theme);
    }
}

/// The name of a screen as shown in the header and the help title.
pub fn screen_title(screen: Screen) -> &'static str {
    match screen {
        Screen::Disclaimer => "Before you start",
        Screen::Home => "Home",
        Screen::Library => "Exercise library",
        Screen::Card => "Exercise card",
        Screen::Reminder => "Stand-up reminder",
    }
}

fn render_header(app: &App, frame: &mut Frame, area: Rect, theme: Theme) {
    let line = Line::from(vec![
        Span::styled(" backcoach", theme.title()),
        Span::styled(" › ", theme.dim()),
        Span::styled(screen_title(app.screen), theme.text()),
    ]);
    frame.render_widget(line, area);
}
